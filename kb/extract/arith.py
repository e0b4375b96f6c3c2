"""Relations proposed from an article's own numbers: the arithmetic ``kb extract`` finds.

Given the numbers read from a text (drafts, or curated claims) with their places, units and
intervals, :func:`discover` proposes how one of them follows from two or three others:

* **implied**: within one paragraph (or one table row), the product or quotient of two
  stated quantities whose dimension is the dimension of a third (``8 GPU × 700 W`` and
  ``5.6 kW``; ``$3 per hour`` / ``2 GPU`` and ``$1.50 per GPU-hour``);
* **written out**: the same, and products of three quantities, where the text between them
  writes the arithmetic (``×``, ``*``, ``=``, ``→``, ``⇒``, "that's", "comes to", ...).

A proposal is made only when the stated value agrees with the computed one nearly exactly
(``consistent``) or misses it by one of the telltale factors of a slip (``misses``): a power
of ten, per day vs per month or year (30, 365), per hour vs per month (730), per hour vs per
day (24), GB vs GiB, bits vs bytes (8), or twice/half. A coincidental match of dimensions
that is neither is never proposed, so false alarms stay rare; a miss by a factor of two, the
commonest coincidence, is proposed only where the arithmetic is written out.

Each :class:`Proposal` carries its evidence (the formula with the numbers, the computed
interval, the factor) and a confidence: the share of such proposals that were right on the
development articles (``python -m kb.tools.arithmetic --proposed`` measures it; the
constants below say what it gave). Proposals stay drafts: ``kb extract --write`` writes each
as the target draft's ``derived:`` block with a ``relation:`` note, and ``kb promote``
carries the block into the curated claim when its inputs are curated too.

Discovery looks only at a bounded neighbourhood of each number (:data:`NEIGHBOURS` numbers
on each side, within :data:`SPAN` characters), so its cost grows linearly with the text.
Units are compared through :class:`kb.core.units.UnitSize` (base factor and dimension), with
no pint in the loop.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass, field
from itertools import combinations
from typing import Iterable

from kb.core.units import UnitSize
from kb.errors import UnitError

__all__ = ["Item", "Proposal", "discover", "TELLTALES", "CONFIDENCE", "NEIGHBOURS", "SPAN"]

#: Numbers considered on each side of a target (in text order, same paragraph or row).
NEIGHBOURS = 6
#: The widest stretch of text (characters) one relation may span.
SPAN = 400
#: "Nearly exactly": the computed value within this relative distance of the stated interval.
NEAR = 0.02
#: A telltale factor matches when stated × factor is within this relative distance of the
#: computed value.
FACTOR_TOLERANCE = 0.03

#: A slip is claimed only between numbers stated to within this relative half-width.
VAGUE = 0.2

#: Telltale factors of a slip: (factor, cause kind, words). The inverse of each is tried too.
TELLTALES: tuple[tuple[float, str, str], ...] = (
    *((10.0 ** k, "scale", f"a factor 10^{k} (a scale slip{', per 1K vs per 1M' if k == 3 else ''})")
      for k in range(1, 7)),
    (30.0, "time-unit", "per day vs per month (30)"),
    (30.44, "time-unit", "per day vs per month (30.44)"),
    (365.0, "time-unit", "per day vs per year (365)"),
    (730.0, "time-unit", "per hour vs per month (730)"),
    (24.0, "time-unit", "per hour vs per day (24)"),
    (8760.0, "time-unit", "per hour vs per year (8,760)"),
    (12.0, "time-unit", "per month vs per year (12)"),
    (2 ** 30 / 1e9, "binary-prefix", "GB vs GiB"),
    (8.0, "bits-bytes", "bits vs bytes (8)"),
    (2.0, "factor-two", "twice or half (counted twice, sparse vs dense)"),
)

#: Confidence of a proposal by (how it was found, verdict): the share of such proposals on the
#: development articles' curated claims that matched a curated relation (consistent) or a
#: labelled error (misses); see ``python -m kb.tools.arithmetic --proposed``.
CONFIDENCE = {
    ("written", "consistent"): 0.8,
    ("implied", "consistent"): 0.5,
    ("written", "misses"): 0.6,
    ("implied", "misses"): 0.4,
}

_WRITTEN_RE = re.compile(r"[×*=→⇒]|->|\s[xX]\s|\b(?:that(?:'|’)?s|that is|which is|comes? to|works? out|"
                         r"total(?:s|ling|ing)?|in total|multipl\w*|divided|times)\b")
_PARAGRAPH_RE = re.compile(r"\n[ \t]*\n")
_RATIO_NAMES = {"percent", "x"}
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’)\]*]*\s+(?=[A-Z\"“(])|\n")
_NAME_RE = re.compile(r"\b[abc]\b")
#: The dimension a telltale's slip is about: a time-unit slip needs time in the relation, a
#: GiB or bits slip information.
_TELLTALE_DIMENSION = {"time-unit": "[time]", "binary-prefix": "[information]", "bits-bytes": "[information]"}
_TIME_WORDS = ("second", "minute", "hour", "day", "week", "month", "year")


def _kinds_of_names(names) -> set[str]:
    """What unit words the numbers use, for the slips only a conversion between them makes:
    two different time units (per hour and per month), bits beside bytes."""
    out = set()
    for n in names:
        low = n.lower()
        for w in _TIME_WORDS:
            if low.endswith(w) or low == w:
                out.add("time:" + w)
        if low.endswith("bit"):
            out.add("bits")
        if low.endswith("byte"):
            out.add("bytes")
    return out


@dataclass(frozen=True)
class Item:
    """A number of the text: its id, where it stands, and its interval in ``unit``."""

    id: str
    start: int
    end: int
    low: float
    high: float
    unit: str


@dataclass(frozen=True)
class Proposal:
    """How the ``target`` number follows from ``inputs`` (formula names ``a``, ``b``, ``c``)."""

    target: str
    formula: str                        # "a * b", "a / b", "a * b * c", "a * b / c"
    inputs: dict[str, str]              # name -> item id
    with_numbers: str                   # the formula with the numbers as stated
    computed: tuple[float, float]       # in the target's unit
    unit: str
    verdict: str                        # consistent | misses
    factor: float                       # stated / computed (1.0 when consistent)
    cause: str | None                   # the telltale slip of a miss, in words
    how: str                            # written | implied
    confidence: float = field(default=0.0)


@dataclass
class _Q:
    item: Item
    lo: float           # in base units
    hi: float
    dims: tuple
    para: object
    ratio: bool         # a percent or an "x": a share or a ratio of two other numbers
    names: frozenset    # the unit's names (for the slips a conversion between them can make)

    def same_number(self, other: "_Q") -> bool:
        return (self.item.low, self.item.high, self.item.unit) == (other.item.low, other.item.high, other.item.unit)


def _prepare(items: Iterable[Item], text: str) -> list[_Q]:
    paras = [m.end() for m in _PARAGRAPH_RE.finditer(text)]
    out = []
    for it in sorted(items, key=lambda i: (i.start, i.id)):
        if not (math.isfinite(it.low) and math.isfinite(it.high)) or it.low <= 0 or it.high < it.low:
            continue  # open ends, zero and negative values: no product to speak of
        try:
            f, dims = UnitSize.of(it.unit or "").base()
        except (UnitError, ValueError, KeyError):
            continue
        # a table row is its own paragraph: its line
        para = _bisect(paras, it.start)
        line_start = text.rfind("\n", 0, it.start) + 1
        if text.startswith("|", line_start) or text[line_start:it.start].lstrip().startswith("|"):
            para = ("row", line_start)
        names = {n for n, _ in UnitSize.of(it.unit or "").names}
        out.append(_Q(it, it.low * f, it.high * f, tuple(sorted(dims.items())), para, bool(names & _RATIO_NAMES),
                      frozenset(names)))
    return out


def _bisect(xs: list[int], x: int) -> int:
    lo, hi = 0, len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] <= x:
            lo = mid + 1
        else:
            hi = mid
    return lo


@functools.lru_cache(maxsize=4096)
def _combine(dims_a: tuple, dims_b: tuple, sign: int) -> tuple:
    d = dict(dims_a)
    for k, e in dims_b:
        v = d.get(k, 0.0) + sign * e
        if abs(v) > 1e-9:
            d[k] = v
        else:
            d.pop(k, None)
    return tuple(sorted(d.items()))


def _num(x: float) -> str:
    return f"{x:.4g}"


class _Marks:
    """Where the text writes arithmetic out and where its sentences end, found once."""

    def __init__(self, text: str):
        self.cues = [(m.start(), m.end()) for m in _WRITTEN_RE.finditer(text)]
        self.cue_starts = [a for a, _ in self.cues]
        self.ends = [m.start() for m in _SENTENCE_END_RE.finditer(text)]

    def written(self, a: int, b: int) -> bool:
        """Is arithmetic written out within text[a:b]?"""
        i = bisect.bisect_left(self.cue_starts, a)
        while i < len(self.cues) and self.cues[i][0] < b:
            if self.cues[i][1] <= b:
                return True
            i += 1
        return False

    def sentence_ends(self, a: int, b: int) -> bool:
        """Does a sentence (or a line) end within text[a:b]?"""
        i = bisect.bisect_left(self.ends, a)
        return i < len(self.ends) and self.ends[i] < b


def discover(text: str, items: Iterable[Item]) -> list[Proposal]:
    """The relations among ``items`` (numbers of ``text``) that agree nearly exactly or miss
    by a telltale factor, best first per target: at most one proposal per target."""
    qs = _prepare(items, text)
    marks = _Marks(text)
    best: dict[str, Proposal] = {}
    for i, t in enumerate(qs):
        near = [q for q in qs[max(0, i - NEIGHBOURS): i + NEIGHBOURS + 1]
                if q is not t and q.para == t.para and abs(q.item.start - t.item.start) <= SPAN]
        found: list[Proposal] = []
        for a, b in combinations(near, 2):
            for formula, lo, hi, dims, ins in _pairs(a, b):
                if dims != t.dims:
                    continue
                p = _judge(marks, t, formula, ins, lo, hi)
                if p is not None:
                    found.append(p)
        # three inputs only where the text writes the arithmetic out
        if len(near) >= 3:
            for a, b, c in combinations(near, 3):
                s = min(a.item.start, b.item.start, c.item.start, t.item.start)
                e = max(a.item.end, b.item.end, c.item.end, t.item.end)
                if e - s > SPAN or not marks.written(s, e):
                    continue
                for formula, lo, hi, dims, ins in _triples(a, b, c):
                    if dims != t.dims:
                        continue
                    p = _judge(marks, t, formula, ins, lo, hi, triple=True)
                    if p is not None:
                        found.append(p)
        if found:
            # agreement outranks a slip; written outranks implied; fewer inputs, then nearer
            found.sort(key=lambda p: (p.verdict != "consistent", p.how != "written", len(p.inputs),
                                      abs(math.log(p.factor)), p.formula, tuple(sorted(p.inputs.values()))))
            top = found[0]
            if top.verdict == "misses" and any(p.verdict == "misses" and p.factor != top.factor for p in found[1:2]):
                continue  # two different slips explain it equally: a coincidence, not a finding
            best[t.item.id] = top
    return [best[q.item.id] for q in qs if q.item.id in best]


def _pairs(a: _Q, b: _Q):
    yield "a * b", a.lo * b.lo, a.hi * b.hi, _combine(a.dims, b.dims, 1), (a, b)
    yield "a / b", a.lo / b.hi, a.hi / b.lo, _combine(a.dims, b.dims, -1), (a, b)
    yield "a / b", b.lo / a.hi, b.hi / a.lo, _combine(b.dims, a.dims, -1), (b, a)


def _triples(a: _Q, b: _Q, c: _Q):
    yield "a * b * c", a.lo * b.lo * c.lo, a.hi * b.hi * c.hi, _combine(_combine(a.dims, b.dims, 1), c.dims, 1), (a, b, c)
    for x, y, z in ((a, b, c), (a, c, b), (b, c, a)):
        if z.dims in (x.dims, y.dims):
            continue  # a quantity scaled by a ratio of two others: too many ways to meet by chance
        yield ("a * b / c", x.lo * y.lo / z.hi, x.hi * y.hi / z.lo, _combine(_combine(x.dims, y.dims, 1), z.dims, -1),
               (x, y, z))


def _judge(marks: _Marks, t: _Q, formula: str, ins: tuple, lo: float, hi: float, triple: bool = False) -> Proposal | None:
    if not (lo > 0 and math.isfinite(hi)):
        return None
    if any(q.same_number(t) for q in ins) or any(x.same_number(y) for x, y in combinations(ins, 2)):
        return None  # the same number again: x × y ÷ x says nothing
    if any(q.item.start >= t.item.start for q in ins):
        return None  # a result is written after the numbers it comes from
    s = min(q.item.start for q in (*ins, t))
    e = max(q.item.end for q in (*ins, t))
    if e - s > SPAN:
        return None
    how = "written" if marks.written(s, e) else "implied"
    f_base = t.lo / (t.item.low or 1.0)  # base units per target unit
    c_lo, c_hi = lo / f_base, hi / f_base
    t_mid, c_mid = math.sqrt(t.lo * t.hi), math.sqrt(lo * hi)
    names = ("a", "b", "c")
    inputs = {n: q.item.id for n, q in zip(names, ins)}
    shown = {}
    for n, q in zip(names, ins):
        stated = _num(q.item.low) if q.item.low == q.item.high else f"{_num(q.item.low)}–{_num(q.item.high)}"
        shown[n] = f"{stated} {q.item.unit}".strip()
    numbers = _NAME_RE.sub(lambda m: shown[m.group(0)], formula.replace("*", "×").replace("/", "÷"))
    # nearly exactly: the intervals meet, or the middles are within NEAR
    if (t.lo <= hi * (1 + NEAR) and lo * (1 - NEAR) <= t.hi) or abs(math.log(t_mid / c_mid)) <= math.log1p(NEAR):
        return Proposal(t.item.id, formula, inputs, numbers, (c_lo, c_hi), t.item.unit, "consistent", 1.0, None,
                        how, CONFIDENCE[(how, "consistent")])
    if t.ratio or any(q.ratio for q in ins):
        return None  # shares and ratios of nearby numbers meet telltale factors by chance
    if marks.sentence_ends(s, e):
        return None  # a slip is claimed only within one sentence (or one table row)
    if any(q.hi > q.lo * (1 + 2 * VAGUE) for q in (*ins, t)):
        return None  # "~1 TB" is too vague to say which slip it is
    if how == "written" and not marks.written(min(q.item.start for q in ins), max(q.item.end for q in ins)):
        how = "implied"  # for a slip, the operator must stand among the inputs
    if how == "implied" and any(not q.dims for q in (*ins, t)):
        return None  # a count times a nearby quantity meets a power of ten by chance
    ratio = t_mid / c_mid
    involved = {k for q in (*ins, t) for k, _ in q.dims}
    words_used = _kinds_of_names(n for q in (*ins, t) for n in q.names)
    for factor, kind, words in TELLTALES:
        if kind == "factor-two" and how != "written":
            continue  # twice or half by coincidence is too common
        if _TELLTALE_DIMENSION.get(kind, "") and _TELLTALE_DIMENSION[kind] not in involved:
            continue
        if kind == "time-unit" and sum(1 for w in words_used if w.startswith("time:")) < 2:
            continue  # no conversion between time units, so no per-day-vs-per-month slip
        if kind == "bits-bytes" and not {"bits", "bytes"} <= words_used:
            continue
        for f in (factor, 1 / factor):
            if abs(math.log(ratio / f)) <= math.log1p(FACTOR_TOLERANCE):
                return Proposal(t.item.id, formula, inputs, numbers, (c_lo, c_hi), t.item.unit, "misses", ratio,
                                f"{words}: the stated value is {_num(ratio)} × what the arithmetic gives",
                                how, CONFIDENCE[(how, "misses")])
    return None


def _record_item(rec: dict) -> Item | None:
    """A draft (or curated) record as an :class:`Item`: its number's place, value and unit."""
    try:
        lo = rec.get("low") if rec.get("qualifier") == "range" else rec.get("value")
        hi = rec.get("high") if rec.get("qualifier") == "range" else rec.get("value")
        lo, hi = float(lo), float(hi)
        start = int(rec.get("span_start", rec.get("start")))
        end = int(rec.get("span_end", rec.get("end")))
    except (TypeError, ValueError):
        return None
    unit = rec.get("unit")
    if not isinstance(unit, str) or not unit:
        return None
    return Item(str(rec.get("id")), start, end, lo, hi, unit)


def propose(text: str, records: list[dict]) -> list[Proposal]:
    """:func:`discover` over draft records (their ``span_start``/``span_end``, value or
    low/high, and unit as written)."""
    items = [it for it in (_record_item(r) for r in records if isinstance(r, dict)) if it is not None]
    return discover(text, items)


def attach(records: list[dict], proposals: list[Proposal]) -> int:
    """Write each proposal into its target record: a ``derived:`` block (formula and inputs,
    the claim schema's own) and a draft-only ``relation:`` note with the evidence and the
    confidence. Returns how many records got one."""
    by_id = {str(r.get("id")): r for r in records if isinstance(r, dict)}
    n = 0
    for p in proposals:
        rec = by_id.get(p.target)
        if rec is None or "derived" in rec:
            continue
        rec["derived"] = {"formula": p.formula, "from": dict(p.inputs)}
        rec["relation"] = {
            "verdict": p.verdict, "how": p.how, "with_numbers": p.with_numbers,
            "computed": f"{_num(p.computed[0])}" + ("" if p.computed[0] == p.computed[1] else f"–{_num(p.computed[1])}")
                        + f" {p.unit}",
            "factor": float(f"{p.factor:.4g}"), "cause": p.cause, "confidence": p.confidence,
        }
        n += 1
    return n
