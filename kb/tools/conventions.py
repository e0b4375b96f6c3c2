"""A read-only lint of the curation conventions that a claim's quote and record can be checked
against mechanically (docs/data-format.md, "Readings the curation settles").

    python -m kb.tools.conventions --root R [--sources dev-A|dev-B|ids...] [--count-only]

Without ``--sources`` it reads the development articles of tests/extract_corpus/real.yaml
(never the held-out ones). ``--count-only`` prints the count per rule and nothing of the claims
(for a set nobody may read, such as ``holdout``). Each finding is ``file:line: rule: why
(claim id)``, then a count per rule; the exit status is 1 where any claim disagrees (a lint), else 0.

Rules (each fires only where the number the quote writes is the claim's own, so a row that
writes several numbers is not read against the wrong one):

* ``percent-difference-as-ratio``: "15% additional", "20% cheaper", "a 50% reduction",
  "55% savings", "(90% discount)", "cheaper by 35%" recorded as a ratio (1.15, 0.8, ...) or a share, not as a
  signed ``change``; a speed-up of a time ("30% faster TTFT", sides that are times) is a
  ratio by rule and is left alone.
* ``premium-as-change``: "a 20-32% premium" recorded as a change, not as a ratio of 1 + X/100.
* ``multiple-per-year-as-growth-rate``: "10x every year", "3x/year" recorded as a growth rate
  in percent, not as a ratio of the multiple.
* ``multiple-word-as-change``: "double", "tripled", "quadruple" recorded as +100/+200/+300%,
  not as a ratio of 2, 3, 4.
* ``fraction-of-another-as-share``: "a quarter of list price", "half the cost" (a fraction of
  another quantity, a price or a cost) recorded as a share, not a ratio.
* ``period-differs``: a rate whose quote names one period ("per quarter", "annual", "a month")
  recorded in a unit per another period ("USD/year" for "per quarter").
* ``users-as-item``: a count of users recorded in ``item`` instead of ``user``.
* ``users-as-paying``: users the quote never says pay ("10 users", "at 1,000 users") recorded as
  ``paying-subscribers`` instead of a ``count`` of ``user``; a quote that says they pay ("paid
  subscribers", "12 M subs", "paying customers", "users paying for"), a ``plan`` condition, or a
  count derived from what each user pays (a revenue per user, a subscription price) keeps it.
* ``paying-users-as-count``: users the quote says pay ("a billion users paying for AI products")
  recorded as a ``count`` of ``user`` instead of ``paying-subscribers``.
* ``instance-price-owned-by-gpu``: a per-instance or per-node rental price whose entity is a GPU.
* ``yardstick-owner``: "Nx cheaper/less/smaller/slower than Y" whose entity is Y (the
  numerator, the yardstick), not the thing said to be cheaper.
* ``bit-width-technique-as-claim``: a ``bits-per-parameter`` claim on an "N-bit" that names a
  technique or labels a model ("use 4-bit quantization", "GPTQ 4-bit", "a 4-bit model"), not the
  setting a figure is stated at ("at 4-bit", "in 4-bit form", "Quantization: 16-bit") nor the
  width a method reaches ("achieves sub-1-bit"). Reads the source text before the quote.
* ``inverse-fraction``: "1/6.7th of Y", "1/100th the cost" recorded as the inverse ratio (6.7,
  100, Y's over the thing's), not as the fraction written (1/6.7, 0.01).
* ``rating-as-draw``: a ``power-draw`` of a GPU that is the GPU's rated TDP (a ``tdp`` reference
  of it, its family or a variant) with nothing saying it was measured, estimated or averaged, or
  drawn at a load or with overhead: the rating, whatever the verb ("consumes 350W"), is ``tdp``.
* ``commitment-span-as-horizon``: the span of an amount committed or invested ("$500B over four
  years") recorded as a ``planning-horizon`` instead of its ``commitment-term``.
* ``equivalence-as-count``: a number an equivalence puts a figure in ("as much power as a small
  city (~400,000 homes)", "equivalent to ... a large city with 11.6 million households", "as much
  water as three hospitals") recorded as a ``count`` of the things named, not as a ``ratio`` of the
  yardstick. Reads the source text before the quote.
* ``input-outside-passage``: a computed number (a ``derived:`` formula with an operator) whose input
  is cited at a statement outside the number's own sentence or table row while that sentence or row
  states the same quantity as a claim of its own (same entity, property, value, unit and conditions):
  "2x+ efficiency gains (91.7 vs 41.6 tokens/Wh)" takes its parenthesis's 91.7 and 41.6, and
  "`44 days * 8960 / 171 = 2305 days`" the working's "44 days".
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

from kb.extract.evaluate import dev_halves

try:  # the C loader when the platform has it
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

RULES = (
    "percent-difference-as-ratio",
    "premium-as-change",
    "multiple-per-year-as-growth-rate",
    "multiple-word-as-change",
    "fraction-of-another-as-share",
    "period-differs",
    "users-as-item",
    "users-as-paying",
    "paying-users-as-count",
    "instance-price-owned-by-gpu",
    "yardstick-owner",
    "bit-width-technique-as-claim",
    "inverse-fraction",
    "rating-as-draw",
    "commitment-span-as-horizon",
    "equivalence-as-count",
    "input-outside-passage",
)

_NUM = r"(\d+(?:\.\d+)?)(?:\s*[-–]\s*(\d+(?:\.\d+)?))?"
#: "15% additional", "20%+ cheaper", "40-55% savings", "an 85% reduction", "28% energy savings"
_PCT_DIFF_AFTER = re.compile(
    _NUM + r"\s*%\s*\+?\s*(?:\*\*|\))?\s*(?:(?:effective|cost|energy|price|power|compute)\s+){0,2}"
    r"(additional|more|less|cheaper|faster|slower|lower|higher|smaller|larger|fewer"
    r"|savings?|reductions?|cut|discount|off)\b", re.I)
#: "cheaper by ~35%", "reduced by 40%", "save up to 60%", "saving 20%"
_PCT_DIFF_BEFORE = re.compile(
    r"\b(cheaper|reduced|saves?|saving|savings)\s+(?:by\s+|of\s+)?(?:up to\s+|about\s+|around\s+|roughly\s+|~\s*)?"
    + _NUM + r"\s*%", re.I)
_PREMIUM = re.compile(_NUM + r"\s*%\s*(?:\w+\s+)?premiums?\b", re.I)
_PER_YEAR_MULT = re.compile(
    _NUM + r"\s*(?:x|×)\s*(?:/\s*(?:year|yr)\b|(?:\w+\s+)?(?:per|a|every|each)\s+year\b)", re.I)
_MULT_WORDS = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0}
_MULT_WORD = re.compile(r"\b(doubl|tripl|quadrupl)(?:e|ed|es|ing)\b", re.I)
_FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1}
_FRACTION_OF = re.compile(
    r"\b(?:a|one)[ -](third|quarter|fifth|tenth)\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?(\w+)"
    r"|\bhalf\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?(\w+)", re.I)
#: nouns of another quantity (a fraction of it is a ratio); a part of a whole (the total, the
#: market) is a share
_OTHER_QUANTITY = {"price", "prices", "cost", "costs", "list", "spend", "rate", "rates", "bill"}
#: "4-bit", "16-bit" (a width written as an adjective; "32 bits", "4.25 bits per parameter" are
#: widths written as quantities)
_BIT_WIDTH = re.compile(r"(\d+(?:\.\d+)?)-bit\b(?!s)", re.I)
#: what makes a width the setting of a figure or the width reached: "at 4-bit", "in 4-bit form",
#: "Quantization: 16-bit", "achieves sub-1-bit", "down to 4-bit" (kb.extract.drafts reads the first three)
_BIT_SETTING_BEFORE = re.compile(r"(?:\b(?:at|in|to|achieves?|achieving|reach(?:es|ing)?)|:)[ \t*_]+(?:sub-)?$", re.I)
#: "1/6.7th", "1/100th", "1/10", "1/50th" (a fraction written with a slash)
_SLASH_FRACTION = re.compile(r"(?<![\d.,/])1\s*/\s*(\d+(?:\.\d+)?)(?:th|st|nd|rd)?\b(?!\s*/)")
#: words that make a power a draw rather than a rating: measured, at a load, with overhead, an average
_DRAW_WORDS = re.compile(r"\b(?:measured|average|avg|mean|idle|idles|idling|at (?:full |peak )?load|under load"
                         r"|including|overhead|in practice|actual|observed|typical)\b", re.I)
#: "$500 billion over four years", "$500B over 4 years", "€20bn over the next five years" (the amount
#: right before the span: "$2.45 million more cumulative margin over 5 years" is a model's horizon)
_AMOUNT_OVER_SPAN = re.compile(
    r"[$€£]\s*\d[\d,.]*\s*(?:[kmbt]n?\b|thousand|million|billion|trillion)?\s+over\s+(?:the\s+next\s+)?"
    r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+years?\b", re.I)
#: an equivalence a figure is put in, ending just before the number: "as much power as a small city
#: (~", "equivalent to the average consumption of a large city with ", "as much water as three
#: hospitals, or ", "enough electricity to power ", "1 year of electricity for "
_EQUIV_CUE = re.compile(
    r"(?i)\b(?:equivalent\s+(?:to|of)|as\s+much\s+(?:[a-z0-9]+\s+){1,3}?as|enough\s+(?:[a-z]+\s+){0,2}?to\s+"
    r"(?:power|supply|run|serve|fill)|(?:electricity|energy|power|water)\s+for)\b[^.;!?\n|]*$")
_LESS_MULT = re.compile(_NUM + r"\s*(?:x|×|times)\s*(cheaper|less|lower|smaller|slower|fewer)\b[^.;|]*?\bthan\b",
                        re.I)

_PERIODS = {
    "year": re.compile(r"\bannual(?:ly)?\b|\ba year\b|\bper (?:year|annum)\b|/\s*(?:year|yr)\b|\byearly\b"
                       r"|\b(?:each|every) year\b", re.I),
    "quarter": re.compile(r"\bper quarter\b|\bquarterly\b|/\s*(?:quarter|qtr)\b|\ba quarter\b(?!\s+of\b)", re.I),
    "month": re.compile(r"\bper month\b|\ba month\b|\bmonthly\b|/\s*(?:month|mo)\b", re.I),
}
_UNIT_PERIOD = {
    "year": re.compile(r"/\s*(?:year|yr|a)\b|\bper year\b", re.I),
    "quarter": re.compile(r"/\s*quarter\b|\bper quarter\b", re.I),
    "month": re.compile(r"/\s*(?:month|mo)\b|\bper month\b", re.I),
    "other": re.compile(r"/\s*(?:day|hour|h|hr|week|minute|min|s|second)\b|\bper (?:day|hour|week|minute)\b", re.I),
}
_COMPOUND_RATE = re.compile(r"/\s*[A-Za-z]+\s*/\s*[A-Za-z]+")
_TIME_UNIT = re.compile(r"^\s*(?:[munk]?s|second|minute|min|hour|h|day|week|month|year|ms|µs|us|ns)\s*$", re.I)
_USERS = {"user", "users", "customer", "customers", "subscriber", "subscribers", "seat", "seats"}
#: a quote that names users (people using a product or a deployment)
_USER_WORD = re.compile(r"\busers?\b", re.I)
#: words saying the users pay: "paid subscribers", "paying customers", "users paying for",
#: "customers who pay", "12 M subs" (not "non-paying users", nor "you are paying $13,000" at
#: 100 users: the payer there is not the users)
_USERS_PAY = re.compile(
    r"\bsubscri\w*|\bsubs\b"
    r"|(?<!non-)(?<!non )\b(?:paying|paid)\s+(?:\w+\s+){0,2}?(?:users?|customers?|members?|accounts?|seats?)\b"
    r"|\b(?:users?|customers?|members?)\s+(?:who\s+|that\s+)?(?:pay|pays|paying)\b", re.I)
#: the properties of what each user pays: a count derived from one is of paying users
_PAID_PER_USER = {"revenue-per-user", "subscription-price"}


def _close(a: float, b: float, tol: float = 0.011) -> bool:
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


def _nums(m: re.Match, first: int) -> list[float]:
    return [float(x) for x in (m.group(first), m.group(first + 1)) if x is not None]


def _values(c: dict) -> list[float]:
    out = []
    for k in ("value", "low", "high"):
        v = c.get(k)
        try:
            out.append(float(str(v).replace(",", "")))
        except (TypeError, ValueError):
            pass
    return out


def _side(c: dict, key: str) -> dict:
    s = c.get(key)
    return s if isinstance(s, dict) else {}


def _read(path: Path):
    """A YAML file's document, or None (with a line on stderr) where it cannot be read: a broken
    file is `kb check`'s to report with its line; the lint reads the others."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        print(f"{where}: skipped, not readable as YAML ({type(exc).__name__}; `kb check` says why)", file=sys.stderr)
        return None


def _records(path: Path, key: str) -> list[dict]:
    """The mappings of a file's top-level list ``key`` (none where the file or the list is malformed)."""
    doc = _read(path)
    items = doc.get(key) if isinstance(doc, dict) else None
    return [x for x in items if isinstance(x, dict)] if isinstance(items, list) else []


_WATTS = {"w": 1.0, "kw": 1e3, "mw": 1e6}


def _watts(value, unit) -> float | None:
    try:
        return float(str(value).replace(",", "")) * _WATTS[str(unit or "").strip().lower()]
    except (KeyError, TypeError, ValueError):
        return None


class Vocabulary:
    """What the lint needs of the registry: entity kinds, families, property canonical units and
    the rated TDPs of the references (in watts, by entity)."""

    def __init__(self, root: Path):
        self.kind: dict[str, str] = {}
        self.unit: dict[str, str] = {}
        self.family: dict[str, str] = {}
        self.tdp: dict[str, set[float]] = {}
        for f in sorted((root / "datasets" / "entities").glob("*.yaml")):
            for e in _records(f, "entities"):
                if "id" in e:
                    self.kind[str(e["id"])] = str(e.get("kind") or "")
                    if e.get("family"):
                        self.family[str(e["id"])] = str(e["family"])
        for f in sorted((root / "datasets" / "references").glob("*.yaml")):
            for r in _records(f, "references"):
                if r.get("property") == "tdp" and r.get("entity"):
                    for k in ("value", "low", "high"):
                        w = _watts(r.get(k), r.get("unit"))
                        if w is not None:
                            self.tdp.setdefault(str(r["entity"]), set()).add(w)
        for f in sorted((root / "datasets" / "properties").glob("*.yaml")):
            for p in _records(f, "properties"):
                if "id" in p:
                    self.unit[str(p["id"])] = str(p.get("canonical_unit") or "")

    def is_time(self, prop) -> bool:
        u = self.unit.get(str(prop or ""), "")
        return bool(u) and _TIME_UNIT.match(u) is not None

    def rated(self, entity) -> set[float]:
        """The rated TDPs (W) of an entity, its family and the family's other variants."""
        e = str(entity or "")
        fam = self.family.get(e, e)
        kin = {e, fam} | {v for v, f in self.family.items() if f == fam}
        return set().union(*(self.tdp.get(k, set()) for k in kin))


def check_claim(c: dict, vocab: Vocabulary, others: dict[str, dict] | None = None,
                text: str | None = None) -> list[tuple[str, str]]:
    """(rule, why) for each convention the claim's record breaks against its quote; ``others``
    (the claims of its file by id) lets a derived claim be read with what it is derived from;
    ``text`` (the source's text) lets a rule read the words just before the quote."""
    out: list[tuple[str, str]] = []
    q = str(c.get("quote") or "")
    prop = str(c.get("property") or "")
    unit = str(c.get("unit") or "")
    vals = _values(c)
    cond = c.get("conditions") if isinstance(c.get("conditions"), dict) else {}
    num, den = _side(c, "numerator"), _side(c, "denominator")

    if prop in ("ratio", "share") and vals and "%" in q:
        time_sides = vocab.is_time(num.get("property")) or vocab.is_time(den.get("property"))
        for m, first in [(m, 1) for m in _PCT_DIFF_AFTER.finditer(q)] + [(m, 2) for m in _PCT_DIFF_BEFORE.finditer(q)]:
            word = (m.group(3) if first == 1 else m.group(1)).lower()
            if time_sides and word in ("faster", "slower"):
                continue  # a speed-up of a time is a ratio of the times
            xs = _nums(m, first)
            if prop == "share":
                hit = any(_close(v, x) for v in vals for x in xs)
            else:
                hit = any(_close(v, 1 + x / 100) or _close(v, 1 - x / 100) for v in vals for x in xs)
            if hit:
                out.append(("percent-difference-as-ratio",
                            f"'{m.group(0).strip()}' is a percent difference, a signed change in percent, "
                            f"recorded as a {prop}"))
                break

    if prop == "change" and vals and "premium" in q.lower():
        for m in _PREMIUM.finditer(q):
            if any(_close(abs(v), x) for v in vals for x in _nums(m, 1)):
                out.append(("premium-as-change",
                            f"'{m.group(0).strip()}' is a premium, a ratio of 1 + X/100, recorded as a change"))
                break

    if prop == "growth-rate" and vals:
        for m in _PER_YEAR_MULT.finditer(q):
            xs = _nums(m, 1)
            if any(_close(v, (x - 1) * 100) or _close(v, (1 / x - 1) * 100) for v in vals for x in xs if x > 0):
                out.append(("multiple-per-year-as-growth-rate",
                            f"'{m.group(0).strip()}' is a multiple per year, a ratio of the multiple, "
                            f"recorded as a growth rate in percent"))
                break

    if prop == "change" and vals:
        for m in _MULT_WORD.finditer(q):
            k = _MULT_WORDS[m.group(1).lower()]
            if any(_close(v, (k - 1) * 100) for v in vals):
                out.append(("multiple-word-as-change",
                            f"'{m.group(0)}' is a ratio of {k:g}, recorded as a change of +{(k - 1) * 100:g}%"))
                break

    if prop == "share" and vals:
        for m in _FRACTION_OF.finditer(q):
            frac = _FRACTIONS[(m.group(1) or "half").lower()]
            noun = (m.group(2) or m.group(3) or "").lower()
            if noun in _OTHER_QUANTITY and any(_close(v, frac * 100) for v in vals):
                out.append(("fraction-of-another-as-share",
                            f"'{m.group(0)}' is a fraction of another quantity, a ratio in x, recorded as a share"))
                break

    if unit:
        # (a period inside another number's compound unit, "@$170/kW/month", is that number's)
        bare = _COMPOUND_RATE.sub(" ", q)
        said = [k for k, rx in _PERIODS.items() if rx.search(bare)]
        has = [k for k, rx in _UNIT_PERIOD.items() if rx.search(unit)]
        if len(said) == 1 and has and said[0] not in has and "other" not in has \
                and not re.search(r"annuali[sz]ed|run[- ]rate|works? out|= ", q, re.I):
            out.append(("period-differs", f"the quote says a {said[0]}, the unit '{unit}' another period"))

    if prop == "count" and str(cond.get("item", "")).lower() in _USERS and re.search(r"\bitem\b", unit):
        out.append(("users-as-item", f"a count of {cond.get('item')}s recorded in '{unit}', not 'user'"))

    if prop == "paying-subscribers" and _USER_WORD.search(q) and not _USERS_PAY.search(q) \
            and not cond.get("plan") and not _paid_per_user(c, others or {}):
        out.append(("users-as-paying",
                    "the quote names users but never says they pay: a count of 'user' (item: user), "
                    "not paying-subscribers"))

    if prop == "count" and str(cond.get("item", "")).lower() in _USERS and _USERS_PAY.search(q):
        out.append(("paying-users-as-count",
                    f"'{_USERS_PAY.search(q).group(0)}' says the users pay: paying-subscribers, not a count"))

    if prop == "rental-price" and str(cond.get("scope", "")) in ("per-instance", "per-node") \
            and vocab.kind.get(str(c.get("entity") or "")) == "gpu":
        out.append(("instance-price-owned-by-gpu",
                    f"a {cond.get('scope')} price owned by the GPU {c.get('entity')}, not by its instance"))

    if prop == "ratio" and vals and num.get("entity") and den.get("entity") \
            and num.get("entity") != den.get("entity") and c.get("entity") == num.get("entity"):
        for m in _LESS_MULT.finditer(q):
            xs = _nums(m, 1)
            if any(_close(v, x) for v in vals for x in xs) and min(xs) > 1:
                out.append(("yardstick-owner",
                            f"'{m.group(0).strip()}' is said of {den.get('entity')}, recorded as owned by the "
                            f"yardstick {c.get('entity')}"))
                break

    if prop == "bits-per-parameter" and vals:
        before = _before(c, text)
        for m in _BIT_WIDTH.finditer(q):
            if not any(_close(v, float(m.group(1))) for v in vals):
                continue
            if re.match(r"\s*per\b", q[m.end():]) or _BIT_SETTING_BEFORE.search(before + q[:m.start()]):
                break
            out.append(("bit-width-technique-as-claim",
                        f"'{m.group(0)}' names a technique or labels a model here (no 'at', 'in', ':' before it): "
                        f"a name, like 'FP16', not a bits-per-parameter claim"))
            break

    if prop == "ratio" and vals:
        for m in _SLASH_FRACTION.finditer(q):
            n = float(m.group(1))
            if n > 1 and any(_close(v, n) for v in vals) and not any(_close(v, 1 / n) for v in vals):
                out.append(("inverse-fraction",
                            f"'{m.group(0).strip()}' is a fraction, a ratio of {1 / n:.4g} (the thing's over the "
                            f"other's), recorded as its inverse {n:g}"))
                break

    if prop == "power-draw" and vals and vocab.kind.get(str(c.get("entity") or "")) == "gpu" \
            and str(cond.get("basis", "")) not in ("measured", "estimated") and not cond.get("statistic") \
            and not _DRAW_WORDS.search(q):
        rated = vocab.rated(c.get("entity"))
        w = [_watts(v, unit) for v in vals]
        if rated and any(x is not None and any(_close(x, r) for r in rated) for x in w):
            out.append(("rating-as-draw",
                        f"{c.get('value', vals[0])} {unit} is the rated TDP of {c.get('entity')} (a reference), "
                        f"stated with no measurement, load or average: tdp, not power-draw"))

    if prop == "planning-horizon" and vals:
        m = _AMOUNT_OVER_SPAN.search(q)
        if m:
            out.append(("commitment-span-as-horizon",
                        f"'{m.group(0).strip()}' is the span an amount is committed over: commitment-term, "
                        f"not planning-horizon"))
    if prop == "count" and vals and text:
        before = _before(c, text, 90)
        m = re.search(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|a dozen)\b", q, re.I)
        if m and _EQUIV_CUE.search(before + q[:m.start()]):
            out.append(("equivalence-as-count",
                        f"'{q}' is a number an equivalence puts a figure in (a multiple of the yardstick): "
                        f"a ratio in x of the thing's quantity over one yardstick's, not a count"))

    if others and text:
        out += _inputs_outside_passage(c, others, text)
    return out


def _sentence(text: str, s: int, e: int) -> tuple[int, int]:
    """The bounds of the sentence, line or table row that holds ``text[s:e]``."""
    a = text.rfind("\n", 0, s) + 1
    for m in re.finditer(r"[.!?](?=\s)", text[a:s]):
        a0 = a + m.end()
        a = a0 if a0 <= s else a
    m = re.search(r"[.!?](?=\s|$)|\n", text[e:])
    return a, (e + m.start() if m else len(text))


def _same_quantity(x: dict, y: dict) -> bool:
    vx, vy = _values(x), _values(y)
    return bool(vx) and vx == vy and x.get("entity") == y.get("entity") and x.get("property") == y.get("property") \
        and str(x.get("unit") or "") == str(y.get("unit") or "") \
        and {str(k): str(v) for k, v in (x.get("conditions") or {}).items()} \
        == {str(k): str(v) for k, v in (y.get("conditions") or {}).items()}


def _inputs_outside_passage(c: dict, others: dict[str, dict], text: str) -> list[tuple[str, str]]:
    d = c.get("derived")
    src = d.get("from") if isinstance(d, dict) else None
    if not isinstance(src, dict) or not re.search(r"[*/+\-]", str(d.get("formula") or "")):
        return []
    try:
        s, e = int(c.get("start")), int(c.get("end"))
    except (TypeError, ValueError):
        return []
    if not 0 <= s <= e <= len(text):
        return []
    a, b = _sentence(text, s, e)
    out = []
    for var, iid in src.items():
        i = others.get(str(iid))
        try:
            at = int((i or {}).get("start"))
        except (TypeError, ValueError):
            continue
        if a <= at < b:
            continue
        for x in others.values():
            if x is i or x is c or not isinstance(x.get("start"), int) or not a <= x["start"] < b:
                continue
            if _same_quantity(x, i):
                out.append(("input-outside-passage",
                            f"input {var} is {iid} (stated elsewhere), but its own passage states the same "
                            f"quantity as {x.get('id')} ('{x.get('quote')}'): derive it from that one"))
                break
    return out


def _before(c: dict, text: str | None, width: int = 16) -> str:
    """The words of the source text just before the claim's quote ('' without the text or offsets)."""
    try:
        s = int(c.get("start"))
    except (TypeError, ValueError):
        return ""
    if not text or s <= 0 or s > len(text):
        return ""
    return text[max(0, s - width):s]


def _paid_per_user(c: dict, others: dict[str, dict]) -> bool:
    """Whether a claim is derived from what each user pays (a break-even count of users at a price)."""
    d = c.get("derived")
    src = d.get("from") if isinstance(d, dict) else None
    ids = src.values() if isinstance(src, dict) else (src if isinstance(src, list) else [])
    return any(str((others.get(str(i)) or {}).get("property") or "") in _PAID_PER_USER for i in ids)


def _id_lines(text: str) -> dict[str, int]:
    out = {}
    for i, line in enumerate(text.splitlines(), 1):
        m = re.match(r"\s*-\s+id:\s*['\"]?([^'\"\s#]+)", line)
        if m and m.group(1) not in out:
            out[m.group(1)] = i
    return out


def lint_file(path: Path, vocab: Vocabulary) -> list[tuple[str, int, str, str, str]]:
    """(file, line, rule, why, claim id) for each finding in one claims file (its source's text,
    ``datasets/sources/<id>.txt`` beside it, read where it is there)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    try:
        source = (path.parent.parent / "datasets" / "sources" / f"{path.stem}.txt").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        source = None
    lines = _id_lines(text)
    out = []
    claims = _records(path, "claims")
    by_id = {str(c.get("id")): c for c in claims}
    for c in claims:
        for rule, why in check_claim(c, vocab, by_id, source):
            out.append((f"claims/{path.name}", lines.get(str(c.get("id")), 0), rule, why, str(c.get("id"))))
    return out


def sources(root: Path, spec: str | None) -> list[str]:
    """The sources to read: the development articles by default; ``dev-A``/``dev-B`` (odd/even
    positions of real.yaml's dev list, counting from one), ``holdout``, or ids."""
    real = yaml.load((root / "tests" / "extract_corpus" / "real.yaml").read_text(encoding="utf-8"),
                     Loader=_Loader) or {}
    dev = [str(s) for s in real.get("dev") or []]
    if not spec:
        return dev
    dev_a, dev_b = dev_halves(dev)
    out: list[str] = []
    for part in filter(None, (x.strip() for x in re.split(r"[,\s]+", spec))):
        if part == "dev":
            out += dev
        elif part == "dev-A":
            out += dev_a
        elif part == "dev-B":
            out += dev_b
        elif part == "holdout":
            out += [str(s) for s in real.get("holdout") or []]
        else:
            out.append(part)
    return list(dict.fromkeys(out))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kb.tools.conventions", description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", default=".", help="the knowledge base's root (default: .)")
    ap.add_argument("--sources", nargs="*", default=None,
                    help="dev-A, dev-B, dev, holdout or source ids (default: the development articles)")
    ap.add_argument("--count-only", action="store_true", help="print only the count per rule")
    a = ap.parse_args(argv)
    root = Path(a.root)
    vocab = Vocabulary(root)
    ids = sources(root, " ".join(a.sources) if a.sources else None)
    found = []
    for sid in ids:
        p = root / "claims" / f"{sid}.yaml"
        if p.is_file():
            found += lint_file(p, vocab)
    counts = Counter(r for _, _, r, _, _ in found)
    if not a.count_only:
        for f, line, rule, why, cid in found:
            print(f"{f}:{line}: {rule}: {why} ({cid})")
    print(f"{len(found)} finding(s) in {len(ids)} source(s)")
    for rule in RULES:
        print(f"  {rule}: {counts.get(rule, 0)}")
    return 1 if found else 0   # (a lint: 1 where a claim disagrees, so CI and make can stop on it)


if __name__ == "__main__":
    sys.exit(main())
