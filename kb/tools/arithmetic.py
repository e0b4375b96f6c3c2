"""How well the checker redoes articles' arithmetic: ``python -m kb.tools.arithmetic``.

Runs the check on the knowledge base and measures the findings on relations
(``report.relations``) against labels, in three groups:

* ``formula``: claims with a curated ``derived:`` formula (rule ``arithmetic``);
* ``article``: ratio, share and change claims recomputed from the article's own figures for
  their two sides (rule ``arithmetic``);
* ``references``: ratio, share and change claims recomputed from the reference values of
  their two sides (rule ``comparison-contradicts-references``).

A claim is in a group when it was evaluated there (a relation that could not be evaluated is
an integrity error, counted apart). It is *flagged* when a finding of the group's rule names
it, and its *label* says whether its stated value really is wrong for that check. A label is
the claim's review (``wrong`` or ``dubious``: an error; ``correct``: none; ``unverifiable``
or no review: not labelled) unless the labels file (``tests/arithmetic_labels.yaml``) says
otherwise: there the reviews that judge something other than the check (the input the
arithmetic used, the source, the scope of a generalisation) are relabelled, and relations
the reviews left out are labelled after recomputing them by hand, each with its reason.

Precision is the share of flagged, labelled claims that are errors; recall the share of
labelled errors that are flagged.

Proposed relations (``kb extract``'s discovery, :mod:`kb.extract.arith`) are measured apart,
on each source's curated claims as the numbers (each at its quote's place): *recall* is the
share of the curated relations discovery could express (a product or quotient of two or
three of the same source's claims, no constant) that it proposes with the same inputs;
*agreement* the share of its consistent proposals that are a curated relation; its proposed
slips (``misses``) are scored against the same labels as the ``formula`` group; a relation
found in another orientation (``b = a ÷ c`` for ``a = b × c``) is counted apart.

The fairer measure runs discovery as ``kb extract`` does (:func:`measure_pipeline`): the
drafts of each source text, then :func:`kb.extract.arith.propose` on them. Drafts are matched
to curated claims by place (the draft's number within the claim's quote), value and
dimension; a curated relation is recovered when a proposal links the drafts of its target and
inputs, in any orientation; curated sums (``a + b + c``: a total of the source's numbers) and
differences (``a - b``: a saving, a gap, a loss; found as ``a = b + c`` too) are counted apart the same way. Its proposed slips are scored against the same labels (a slip on
a draft no claim matches is unlabelled). A relation proposed with a restatement of one of its
numbers (the same value and unit stated again) is counted apart as well, looser than below: that
number may be another quantity. The relations drafted but not proposed are counted by why they may
have been missed (:func:`_miss_detail`): the relation misses at the checker (the article's own
slip, which discovery proposes only by a telltale factor), or it holds with its numbers in one
paragraph, or paragraphs apart. A curated relation is recovered too where the proposal links, for one of
its inputs, another statement the curators recorded as the same quantity (the same value and unit,
entity and property, conditions that agree: :func:`restated_members`): curators record a restated
number's relation with one of its statements, discovery with the one nearest the arithmetic; the
figure with the curated statements only is printed beside it. A relation is recovered too where the proposal links,
for an input the curators recorded with an earlier statement, the operand the relation's own
arithmetic writes (the same value and unit within the quote of one of its numbers, or among the
operands written out to its result: :func:`own_operands`): curators record the arithmetic's numbers
where it writes them. The numbers discovery read itself (compact arithmetic no draft read,
:attr:`kb.extract.arith.Proposal.read`) are drafts too, as ``kb extract`` writes them.
``--sources`` measures these figures on some sources only: ids, or the honest halves of the
development articles, ``dev-A`` (odd positions in tests/extract_corpus/real.yaml, and the
seeds: the half a developer looks at) and ``dev-B`` (even positions: the half that decides).
``--verbose`` lists the relations missed on the development articles
and the seeds, each with why (never the held-out articles). Nothing is typed in: every figure comes from the
data, the check and the labels file. ``--format json`` prints the same as JSON.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kb.core.findings import EvaluatedRelation
from kb.rules.check import Report, check

#: The groups and the rule whose findings each is measured on.
GROUPS = {"formula": "arithmetic", "article": "arithmetic", "references": "comparison-contradicts-references"}
#: What a review's verdict says, as a label.
VERDICT_LABEL = {"wrong": True, "dubious": True, "correct": False}
DEFAULT_LABELS = Path("tests") / "arithmetic_labels.yaml"


def group_of(e: EvaluatedRelation) -> str:
    if e.kind == "derived":
        return "formula"
    return "article" if e.basis == "article" else "references"


@dataclass
class GroupScore:
    group: str
    rule: str
    evaluated: int = 0           # claims evaluated in the group
    flagged: int = 0             # of them, named by a finding of the group's rule
    labelled: int = 0            # of them, with a label
    errors: int = 0              # labelled errors
    true_positives: int = 0
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)
    unlabelled_flagged: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        n = self.true_positives + len(self.false_positives)
        return self.true_positives / n if n else None

    @property
    def recall(self) -> float | None:
        return self.true_positives / self.errors if self.errors else None

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.update(precision=self.precision, recall=self.recall)
        return out


def load_labels(path: Path) -> dict[str, dict[str, Any]]:
    """The labels file: ``labels: {claim id: {relation: wrong|correct, references: wrong|correct, why: ...}}``."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    labels = data.get("labels") or {}
    for cid, entry in labels.items():
        if not isinstance(entry, dict) or not entry.get("why"):
            raise ValueError(f"{path}: label {cid}: give `relation` or `references` and a `why`")
        for key in ("relation", "references"):
            if key in entry and entry[key] not in ("wrong", "correct"):
                raise ValueError(f"{path}: label {cid}: {key} must be wrong or correct, not {entry[key]!r}")
    return labels


def label(report: Report, labels: dict, claim_id: str, group: str) -> bool | None:
    """True: the stated value is an error for this check; False: it is not; None: unknown."""
    key = "references" if group == "references" else "relation"
    entry = labels.get(claim_id) or {}
    if key in entry:
        return entry[key] == "wrong"
    c = report.kb.claims_by_id.get(claim_id)
    return VERDICT_LABEL.get(c.review.verdict) if c is not None and c.review is not None else None


def measure(report: Report, labels: dict) -> dict[str, GroupScore]:
    """Precision and recall per group (see the module's docstring)."""
    unknown = sorted(set(labels) - set(report.kb.claims_by_id))
    if unknown:
        raise ValueError(f"labels name claims that do not exist: {', '.join(unknown)}")
    evaluated: dict[str, set[str]] = defaultdict(set)
    for e in report.relations:
        if e.verdict != "not-evaluated":
            evaluated[group_of(e)].add(e.claim)
    flagged: dict[str, set[str]] = defaultdict(set)
    for f in report.findings:
        if f.relation is not None and GROUPS.get(group_of(f.relation)) == f.code:
            flagged[group_of(f.relation)].update(f.claims)
    out = {}
    for group, rule in GROUPS.items():
        s = GroupScore(group, rule, evaluated=len(evaluated[group]), flagged=len(flagged[group]))
        for cid in sorted(evaluated[group]):
            lab = label(report, labels, cid, group)
            hit = cid in flagged[group]
            if lab is None:
                if hit:
                    s.unlabelled_flagged.append(cid)
                continue
            s.labelled += 1
            s.errors += lab
            if hit and lab:
                s.true_positives += 1
            elif hit:
                s.false_positives.append(cid)
            elif lab:
                s.false_negatives.append(cid)
        out[group] = s
    both = GroupScore("formula+article", "arithmetic")
    for g in ("formula", "article"):
        x = out[g]
        both.evaluated += x.evaluated
        both.flagged += x.flagged
        both.labelled += x.labelled
        both.errors += x.errors
        both.true_positives += x.true_positives
        both.false_positives += x.false_positives
        both.false_negatives += x.false_negatives
        both.unlabelled_flagged += x.unlabelled_flagged
    out[both.group] = both
    return out


def measure_proposed(report: Report, labels: dict) -> dict[str, Any]:
    """Discovery's proposals on the curated claims, against the curated relations and the
    labels (see the module's docstring)."""
    import re

    from kb.extract.arith import discover

    kb = report.kb
    by_source: dict[str, list] = defaultdict(list)
    for c in kb.claims:
        if c.source in kb.sources and c.ok and c.interval is not None and c.start is not None:
            by_source[c.source].append(c)
    plain = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:\s*[*/]\s*[A-Za-z_][A-Za-z0-9_]*){1,2}$")
    out: dict[str, Any] = {"expressible": 0, "found": 0, "found_any_orientation": 0, "proposals": 0, "consistent": 0, "consistent_curated": 0,
                           "misses": 0, "misses_errors": [], "misses_not_errors": [], "misses_unlabelled": [],
                           "missed": []}
    for sid in sorted(by_source):
        cs = by_source[sid]
        text = kb.sources[sid].text or ""
        ids = {c.id for c in cs}
        props = {p.target: p for p in discover(text, [_curated_item(c) for c in cs])}
        curated = {}
        for c in cs:
            if c.derived is not None and plain.match(c.derived.formula.strip()) \
                    and all(v in ids for v in dict(c.derived.inputs).values()):
                curated[c.id] = set(dict(c.derived.inputs).values())
        out["expressible"] += len(curated)
        members = {frozenset((p.target, *p.inputs.values())) for p in props.values()}
        for cid, ins in curated.items():
            p = props.get(cid)
            if p is not None and set(p.inputs.values()) == ins:
                out["found"] += 1
            if frozenset((cid, *ins)) in members:
                out["found_any_orientation"] += 1
            else:
                out["missed"].append(cid)
        for p in props.values():
            out["proposals"] += 1
            if p.verdict == "consistent":
                out["consistent"] += 1
                out["consistent_curated"] += curated.get(p.target) == set(p.inputs.values())
                continue
            out["misses"] += 1
            lab = label(report, labels, p.target, "formula")
            key = "misses_unlabelled" if lab is None else "misses_errors" if lab else "misses_not_errors"
            out[key].append(p.target)
    n_lab = len(out["misses_errors"]) + len(out["misses_not_errors"])
    out["recall"] = out["found"] / out["expressible"] if out["expressible"] else None
    out["recall_any_orientation"] = out["found_any_orientation"] / out["expressible"] if out["expressible"] else None
    out["agreement"] = out["consistent_curated"] / out["consistent"] if out["consistent"] else None
    out["misses_precision"] = len(out["misses_errors"]) / n_lab if n_lab else None
    return out


def _base(value_low: float, value_high: float, unit: str):
    """An interval in base units and its dimension (None where the unit is not understood). A
    negative interval (a fall: "an 85% reduction" read as −85%) is its magnitude, its dimension
    marked negative: it matches only another negative one."""
    from kb.core.units import UnitSize

    try:
        f, dims = UnitSize.of(unit or "").base()
    except Exception:  # noqa: BLE001 - a unit the registry cannot read matches nothing
        return None
    if value_high < 0:
        return -value_high * f, -value_low * f, (*sorted(dims.items()), ("(negative)", 1))
    return value_low * f, value_high * f, tuple(sorted(dims.items()))


_USD_WORD = re.compile(r"\bUSD\b")
#: The first character of a draft's number in its raw text (a currency sign, a digit).
_NUMBER_START_RE = re.compile(r"[$€£¥]?[0-9]")
#: the rest of a number after its first digit ("00,000" of "100,000", ".5" of "2.5")
_DIGITS_RE = re.compile(r"[0-9]*(?:[.,][0-9]+)*")


def _stated_base(c, dims) -> float | None:
    """A curated claim's value as stated, in base units of its interval's dimension ``dims``
    (None where it has no single value or its unit does not convert)."""
    from kb.core.units import conversion_factor

    try:
        v = float(c.value) * conversion_factor(c.unit, c.interval.unit)
    except Exception:  # noqa: BLE001 - no single value, or a unit the checker flags itself
        return None
    b = _base(v, v, c.interval.unit)
    return b[0] if b is not None and b[2] == dims and b[0] > 0 else None


def match_drafts(claims: list, records: list[dict]) -> dict[str, str]:
    """Draft id -> curated claim id: a draft whose number stands within the claim's quote and
    whose value falls in the claim's interval (2% slack), in the claim's dimension or stated
    the other way up ("750 words per 1,000 tokens" for 1.333 tokens per word), or, for a change
    in percent, as the multiplier it makes ("55% faster" drafted as 1.55x). One draft per
    claim and one claim per draft, the closest pairs first (the 37.5 hours of "37.5 hours
    (~1.6 days)" go to the claim of 37.5 hours, not to the ±10% of "~1.6 days"); ties go to
    the earlier claim and the earlier draft (claims of one quote: the one recorded first, as
    curators record a quote's numbers in the order it states them: "nearly 50/50 between compute
    and everything else", the compute side first). A multiplier below one may be drafted as the
    fall in percent it makes ("Savings: 80%" recorded as 0.2x)."""
    import math

    from kb.extract.arith import NEAR

    drafts = []
    for r in records:
        lo = r.get("low") if r.get("qualifier") == "range" else r.get("value")
        hi = r.get("high") if r.get("qualifier") == "range" else r.get("value")
        try:
            b = _base(float(lo), float(hi), r.get("unit"))
        except (TypeError, ValueError):
            continue
        if b is not None and b[0] > 0 and math.isfinite(b[1]):
            # where its number stands: a hedge the draft's span opens with ("roughly 400%", "up to
            # [$14,000 a month") is no part of the number a quote must hold
            lead = _NUMBER_START_RE.search(str(r.get("raw") or ""))
            s0 = int(r["span_start"]) + (lead.start() if lead else 0)
            # where its number ends (its digits, separators and a decimal point)
            n_end = int(r["span_start"]) + lead.end() + len(_DIGITS_RE.match(str(r["raw"]), lead.end()).group(0)) \
                if lead else int(r["span_end"])
            drafts.append((s0, int(r["span_end"]), n_end, b, str(r["id"]), r.get("unit") == "x",
                           r.get("unit") == "percent"))
    drafts.sort()
    pairs = []
    for n, c in sorted(enumerate(claims), key=lambda x: (x[1].start, x[0])):
        iv = c.interval
        if iv.via is None:
            cb = _base(iv.low, iv.high, iv.unit)
        else:  # compared in USD through a cited rate; its drafts are in the currency it is written in ("40€")
            cb = _base(iv.low * iv.via.per_usd, iv.high * iv.via.per_usd, _USD_WORD.sub(iv.via.currency, iv.unit))
        if cb is not None and not cb[0] > 0 and cb[1] > 0 and math.isfinite(cb[1]):
            # an upper bound ("under $1000 per kW": its interval reaches down to nothing) is
            # drafted as the bound it states: matched at the bound, from the value stated to the
            # interval's top ("less than two months" reaches to 2.5 months, its last digit's
            # precision; its draft states 2)
            cb = (min(_stated_base(c, cb[2]) or cb[1], cb[1]), cb[1], cb[2])
        if cb is None or c.end is None or not cb[0] > 0:
            continue
        c_mid = math.sqrt(cb[0] * cb[1]) if math.isfinite(cb[1]) else cb[0]
        inverse = tuple((k, -e) for k, e in cb[2])
        # a change in percent drafted as the multiplier it makes ("55% faster" read as 1.55x,
        # "22% less" as 0.78x): the claim's 1 + change
        times = None
        if c.interval.unit == "percent" and math.isfinite(cb[1]):
            times = (1 - cb[1], 1 - cb[0]) if cb[2] else (1 + cb[0], 1 + cb[1])
            times = times if times[0] > 0 else None
        # a multiplier below one drafted as the fall in percent it makes ("Savings: 80%" recorded
        # as 0.2x of the cost before): the claim's 1 - multiplier
        fall = (1 - cb[1], 1 - cb[0]) if c.interval.unit == "x" and not cb[2] and cb[1] < 1 else None
        for s, e, n_end, (lo, hi, dims), did, as_x, as_pct in drafts:
            # the number as written must stand within the quote; the draft's span may run past
            # it ("xAI deployed more than 100,000" quoted, "more than 100,000 [Nvidia](...) Hopper
            # graphics processing units" drafted: its unit written after the quote ends)
            if s < c.start or min(e, n_end) > c.end:
                continue
            mid = (lo + hi) / 2
            if dims == cb[2] and cb[0] * (1 - NEAR) <= mid <= cb[1] * (1 + NEAR):
                pairs.append((abs(math.log(mid / c_mid)), 0, c.start, n, c.id, s, did))
            elif dims == inverse and dims and cb[0] * (1 - NEAR) <= 1 / mid <= cb[1] * (1 + NEAR):
                pairs.append((abs(math.log(1 / mid / c_mid)), 1, c.start, n, c.id, s, did))
            elif as_x and times is not None and not dims and times[0] * (1 - NEAR) <= mid <= times[1] * (1 + NEAR):
                pairs.append((abs(math.log(mid / math.sqrt(times[0] * times[1]))), 2, c.start, n, c.id, s, did))
            elif as_pct and fall is not None and not dims and fall[0] * (1 - NEAR) <= mid <= fall[1] * (1 + NEAR):
                pairs.append((abs(math.log(mid / math.sqrt(fall[0] * fall[1]))), 3, c.start, n, c.id, s, did))
    out: dict[str, str] = {}
    used: set[str] = set()
    for *_, cid, _s, did in sorted((round(d, 6), *rest) for d, *rest in pairs):
        if did not in out and cid not in used:
            out[did] = cid
            used.add(cid)
    return out


def _number_key(rec: dict):
    """A draft's number as stated (value or range, and unit): the same number stated twice has
    one key."""
    lo = rec.get("low") if rec.get("qualifier") == "range" else rec.get("value")
    hi = rec.get("high") if rec.get("qualifier") == "range" else rec.get("value")
    try:
        return (float(lo), float(hi), str(rec.get("unit") or ""))
    except (TypeError, ValueError):
        return None


def shared_drafts(claims: list, to_claim: dict[str, str]) -> dict[str, str]:
    """Claim id -> draft id: the matches of :func:`match_drafts`, and a claim left without a
    draft shares the draft of a claim of the same quote and interval (one number the curators
    recorded twice: "deploying 64 GPUs" for each of two configurations; a header's "1K
    GPU-hours" for each row)."""
    draft_of = {c: d for d, c in to_claim.items()}
    by_place = {}
    for c in sorted(claims, key=lambda c: c.id):
        if c.id in draft_of:
            by_place.setdefault((c.start, c.end, c.interval.low, c.interval.high, c.interval.unit), c.id)
    for c in claims:
        if c.id not in draft_of:
            twin = by_place.get((c.start, c.end, c.interval.low, c.interval.high, c.interval.unit))
            if twin is not None:
                draft_of[c.id] = draft_of[twin]
    return draft_of


def same_quantity(a, b) -> bool:
    """Two curated claims of one article recorded as one quantity: the same entity and
    property, the same sides where one is a ratio or a share of two, and conditions that agree
    wherever both name one (a table's "FP16" cell is no restatement of a "BF16" claim of the
    same value; "per GPU" said in one only is no disagreement). Their stated numbers are
    compared apart (:func:`restated_members`)."""
    if a.entity != b.entity or (a.property or None) != (b.property or None) or not a.entity:
        return False
    if any(_side(getattr(a, k, None)) != _side(getattr(b, k, None)) for k in ("numerator", "denominator")):
        return False
    ca, cb = dict(getattr(a, "conditions", None) or {}), dict(getattr(b, "conditions", None) or {})
    return all(ca[k] == cb[k] for k in ca.keys() & cb.keys())


def _side(t) -> tuple | None:
    """A ratio's side as what it names (not where it is written)."""
    if t is None:
        return None
    return (getattr(t, "entity", t), getattr(t, "property", None), dict(getattr(t, "conditions", None) or {}),
            getattr(t, "as_of", None))


def _stated(c) -> tuple:
    """A claim's number as stated: value or range, and unit."""
    return (c.value, getattr(c, "low", None), getattr(c, "high", None), c.unit)


def restated_members(members: list, draft_of: dict[str, str], claims: dict, by_member: dict[str, list],
                     own: dict[str, set] | None = None) -> bool:
    """Whether a proposal links the numbers of a curated relation (claim ids ``members``, its
    target first) with, for one or more of its inputs, another statement of the same quantity:
    the draft of a claim of the same stated number (value and unit) that the curators recorded
    as the same quantity (:func:`same_quantity`). The target's own statement must be linked (a
    proposal on a restated result gives that statement its relation, not this one). Curators
    record a relation with one statement of a restated number (mostly the first; sometimes the
    one written in the arithmetic: "$99B × 20" after "a P/E of 20x"), discovery with the one
    nearest the arithmetic, or the one an operand restates: both are the article's one
    relation. A number of the same value and unit that no claim records as the same quantity
    is not counted (it may be another thing), unless it is the relation's own operand (``own``:
    input claim id -> such drafts, :func:`own_operands`)."""
    target = draft_of.get(members[0])
    if target is None:
        return False
    alias: list[set] = [{target}]
    for m in members[1:]:
        c = claims[m]
        same = {draft_of[m]} if m in draft_of else set()
        same.update(draft_of[o.id] for o in claims.values()
                    if o.id != m and o.id in draft_of and _stated(o) == _stated(c) and same_quantity(o, c))
        if own:
            same.update(own.get(m, ()))
        if not same:
            return False
        alias.append(same)
    pool = set().union(*alias)
    for linked in by_member.get(target, ()):
        if len(linked) == len(members) and set(linked) <= pool and _matched(list(linked), alias):
            return True
    return False


def own_operands(members: list, draft_of: dict[str, str], claims: dict, records: list[dict],
                 written: list[tuple[int, int]]) -> dict[str, set]:
    """For each input of a curated relation (claim ids ``members``, its target first), the other
    drafts of its stated number (the same value and unit as its own draft) that the relation's
    own arithmetic writes: within the quote of the target or of an input ("| 224 kW (64 × 350W) |"
    for a relation citing the "350W" stated sections up), or among the operands of the arithmetic
    written out to the target (``written``: the spans of :func:`kb.extract.arith.written_arithmetic`:
    "`44 days * 8960 / 171 = 2305 days`" for one citing "This is about 44 days!" above). The
    project's curators record the arithmetic's numbers where it writes them (tests/test_disc65.py);
    a relation recorded with an earlier statement of an operand is the same relation."""
    target = draft_of.get(members[0])
    if target is None:
        return {}
    at = {str(r["id"]): (int(r["span_start"]), int(r["span_end"])) for r in records
          if r.get("span_start") is not None and r.get("span_end") is not None}
    places = [(claims[m].start, claims[m].end) for m in members if claims[m].start is not None and claims[m].end is not None]
    ts = at.get(target, (None,))[0]
    if ts is not None:
        places += [(a, b) for a, b in written if a <= ts < b]
    keys = {str(r["id"]): _number_key(r) for r in records}
    out: dict[str, set] = {}
    for m in members[1:]:
        d = draft_of.get(m)
        if d is None or keys.get(d) is None:
            continue
        got = {o for o, k in keys.items() if k == keys[d] and o != d and o != target and o in at
               and any(a <= at[o][0] and at[o][1] <= b for a, b in places)}
        if got:
            out[m] = got
    return out


def _matched(drafts: list, alias: list[set]) -> bool:
    """Whether each of ``drafts`` stands for a different one of the numbers whose statements
    ``alias`` lists (a matching of the two, found by augmenting paths)."""
    owner: dict[int, int] = {}

    def place(i: int, seen: set) -> bool:
        for j, a in enumerate(alias):
            if drafts[i] in a and j not in seen:
                seen.add(j)
                if j not in owner or place(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return all(place(i, set()) for i in range(len(drafts)))


def measure_pipeline(report: Report, labels: dict, sources: list[str] | None = None) -> dict[str, Any]:
    """Discovery as ``kb extract`` runs it: the drafts of each source text
    (:func:`kb.extract.drafts.extract_text`) and :func:`kb.extract.arith.propose` on them.
    Drafts are matched to curated claims (:func:`match_drafts`, :func:`shared_drafts`); a curated relation is
    recovered when a proposal links the drafts of its target and inputs (any orientation:
    ``a = b × c`` and ``b = a ÷ c`` are one relation). Proposed slips on a draft matched to a
    claim are scored against the labels; others are unlabelled."""
    import re

    from kb.extract.arith import propose, written_arithmetic
    from kb.extract.drafts import draft_id_prefix, draft_record, extract_text
    from kb.extract.linking import load_registry

    kb = report.kb
    reg = load_registry(kb.root)
    plain = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:\s*[*/]\s*[A-Za-z_][A-Za-z0-9_]*){1,2}$")
    sums = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:\s*\+\s*[A-Za-z_][A-Za-z0-9_]*){1,15}$")
    # a product of two claims per request ("t * p / [1 request]": a run's tokens times the price),
    # counted apart (kb.extract.arith.PER_REQUEST)
    per_request = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*\s*\*\s*[A-Za-z_][A-Za-z0-9_]*\s*/\s*\[1 (?:request|query)\]$")
    # a relative difference of two numbers: "(a - b) / a", "(a - b) / b", "1 - a / b", "a / b - 1"
    name = r"[A-Za-z_][A-Za-z0-9_]*"
    diffs = re.compile(rf"^\(\s*(?P<x>{name})\s*-\s*(?P<y>{name})\s*\)\s*/\s*(?P<d>{name})$"
                       rf"|^1\s*-\s*{name}\s*/\s*{name}$|^{name}\s*/\s*{name}\s*-\s*1$")
    # an absolute difference of two numbers: "a - b" (a saving, a gap, a loss, what remains)
    absdiff = re.compile(rf"^{name}\s*-\s*{name}$")
    out: dict[str, Any] = {"expressible": 0, "all_drafted": 0, "found": 0, "found_own": 0, "found_equivalent": 0,
                           "equivalent": [], "restated": [], "sums_found_own": 0, "per_request_found_own": 0,
                           "absdiffs_found_own": 0, "diffs_found_own": 0,
                           "missed_why": {}, "diffs_missed_why": {}, "sums_missed_why": {}, "per_request_missed_why": {},
                           "absdiffs_missed_why": {}, "absdiffs_expressible": 0, "absdiffs_found": 0,
                           "sums_found_equivalent": 0, "per_request_found_equivalent": 0, "absdiffs_found_equivalent": 0,
                           "proposals": 0, "consistent": 0,
                           "sums_expressible": 0, "sums_found": 0, "per_request_expressible": 0, "per_request_found": 0, "diffs_expressible": 0, "diffs_found": 0, "diffs_found_equivalent": 0,
                           "misses": 0, "misses_errors": [], "misses_not_errors": [], "misses_unlabelled": [],
                           "missed": [], "missed_detail": {}}
    # the checker's verdict on each curated relation (a relation that misses at the checker is the
    # article's slip: discovery proposes it only where it misses by a telltale factor)
    verdicts = {e.claim: e.verdict for e in report.relations if e.kind == "derived"}
    by_source: dict[str, list] = defaultdict(list)
    for c in kb.claims:
        if c.source in kb.sources and c.ok and c.interval is not None and c.start is not None:
            by_source[c.source].append(c)
    for sid in sorted(by_source if sources is None else [s for s in sources if s in by_source]):
        cs = by_source[sid]
        text = kb.sources[sid].text or ""
        ids = {c.id for c in cs}
        curated = {c.id: frozenset((c.id, *dict(c.derived.inputs).values())) for c in cs
                   if c.derived is not None and plain.match(c.derived.formula.strip())
                   and all(v in ids for v in dict(c.derived.inputs).values())}
        summed = {c.id: frozenset((c.id, *dict(c.derived.inputs).values())) for c in cs
                  if c.derived is not None and sums.match(c.derived.formula.strip())
                  and all(v in ids for v in dict(c.derived.inputs).values())}
        per_req = {c.id: frozenset((c.id, *dict(c.derived.inputs).values())) for c in cs
                   if c.derived is not None and per_request.match(c.derived.formula.strip())
                   and all(v in ids for v in dict(c.derived.inputs).values())}
        differences = {}
        for c in cs:
            m = None if c.derived is None else diffs.match(c.derived.formula.strip())
            ins = {} if m is None else dict(c.derived.inputs)
            if m is not None and len(ins) == 2 and all(v in ids for v in ins.values()) \
                    and (m.group("d") is None or m.group("d") in (m.group("x"), m.group("y"))):
                differences[c.id] = frozenset((c.id, *ins.values()))
        absdiffs = {c.id: frozenset((c.id, *dict(c.derived.inputs).values())) for c in cs
                    if c.derived is not None and absdiff.match(c.derived.formula.strip())
                    and len(dict(c.derived.inputs)) == 2 and all(v in ids for v in dict(c.derived.inputs).values())}
        members_order = {c.id: [c.id, *dict(c.derived.inputs).values()] for c in cs if c.id in curated}
        out["expressible"] += len(curated)
        out["sums_expressible"] += len(summed)
        out["per_request_expressible"] += len(per_req)
        out["diffs_expressible"] += len(differences)
        out["absdiffs_expressible"] += len(absdiffs)
        if not curated and not summed and not per_req and not differences and not absdiffs and not text:
            continue
        prefix = draft_id_prefix(sid)
        records = [draft_record(d, prefix) for d in extract_text(text, reg)]
        props = propose(text, records)
        # the numbers discovery read itself are drafts too (kb extract writes them: attach)
        known = {str(r["id"]) for r in records}
        records += [r for p in props for r in p.read if r["id"] not in known and not known.add(r["id"])]
        to_claim = match_drafts(cs, records)
        draft_of = shared_drafts(cs, to_claim)
        drafted = set(draft_of)
        linked = set()
        key_of = {str(r["id"]): _number_key(r) for r in records}
        by_member: dict[str, list] = defaultdict(list)
        linked_of: dict[str, list] = defaultdict(list)   # draft id -> the members of each proposal linking it
        linked_keys: set = set()   # the numbers (value and unit) of each proposal
        for p in props:
            linked.add(frozenset((p.target, *p.inputs.values())))
            members = (p.target, *p.inputs.values())
            keys = tuple(sorted(map(str, (key_of.get(m) for m in members))))
            for m in members:
                by_member[m].append(keys)
                linked_of[m].append(members)
            linked_keys.add(keys)
            out["proposals"] += 1
            if p.verdict == "consistent":
                out["consistent"] += 1
                continue
            out["misses"] += 1
            cid = to_claim.get(p.target)
            lab = None if cid is None else label(report, labels, cid, "formula")
            key = "misses_unlabelled" if lab is None else "misses_errors" if lab else "misses_not_errors"
            out[key].append(cid or p.target)
        claim_of = {c.id: c for c in cs}

        written: list | None = None

        def restated(cid, members) -> bool:
            # linked with another statement the curators recorded as the same quantity, or with
            # the relation's own operand where the curators cite an earlier statement of it
            nonlocal written
            order = [cid, *sorted(members - {cid})]
            if written is None:
                written = [(w.start, w.end) for w in written_arithmetic(text)]
            own = own_operands(order, draft_of, claim_of, records, written)
            return restated_members(order, draft_of, claim_of, linked_of, own)

        for kind, relations in (("sums", summed), ("per_request", per_req), ("absdiffs", absdiffs)):
            for cid, members in relations.items():
                as_drafts = [draft_of.get(x) for x in members]
                own = None not in as_drafts and frozenset(as_drafts) in linked
                hit = own or restated(cid, members)
                out[f"{kind}_found_own"] += own
                out[f"{kind}_found"] += hit
                out[f"{kind}_found_equivalent"] += hit
                if hit and not own:
                    out["restated"].append(cid)
                if not hit:
                    why = "a number not drafted" if None in as_drafts else "drafted, not proposed"
                    if None not in as_drafts and len(set(as_drafts)) == len(as_drafts) and \
                            tuple(sorted(map(str, (key_of.get(d) for d in as_drafts)))) in linked_keys:
                        # the same values and units, one of them stated elsewhere, not recorded
                        # as the same quantity
                        out[f"{kind}_found_equivalent"] += 1
                        why = "proposed with a restatement of one of its numbers"
                    out[f"{kind}_missed_why"][cid] = (sid, why)
        for cid, members in differences.items():
            as_drafts = [draft_of.get(x) for x in members]
            own = None not in as_drafts and len(set(as_drafts)) == 3 and frozenset(as_drafts) in linked
            hit = own or (len(members) == 3 and restated(cid, members))
            out["diffs_found_own"] += own
            out["diffs_found"] += hit
            out["diffs_found_equivalent"] += hit
            if hit and not own:
                out["restated"].append(cid)
            if not hit:
                why = "a number not drafted" if None in as_drafts else "drafted, not proposed"
                if None not in as_drafts and len(set(as_drafts)) == 3:
                    keys = tuple(sorted(map(str, (key_of.get(d) for d in as_drafts))))
                    if keys in by_member.get(draft_of[cid], ()):
                        out["diffs_found_equivalent"] += 1
                        why = "proposed with a restatement of one of its numbers"
                out["diffs_missed_why"][cid] = (sid, why)
        for cid, members in curated.items():
            out["all_drafted"] += members <= drafted
            as_drafts = [draft_of.get(x) for x in members]
            own = None not in as_drafts and len(set(as_drafts)) == len(as_drafts) and frozenset(as_drafts) in linked
            if own or restated(cid, members):
                out["found"] += 1
                out["found_own"] += own
                out["found_equivalent"] += 1
                if not own:
                    out["restated"].append(cid)
            else:
                out["missed"].append(cid)
                if None not in as_drafts:
                    out["missed_detail"][cid] = _miss_detail(text, [c for c in cs if c.id in members], verdicts.get(cid))
                out["missed_why"][cid] = (sid, "a number not drafted: " + ", ".join(
                    x for x, d in zip(members_order[cid], [draft_of.get(x) for x in members_order[cid]]) if d is None)
                    if None in as_drafts else "drafted, not proposed")
                if None not in as_drafts and len(set(as_drafts)) == len(as_drafts):
                    # the same values and units, one of them stated elsewhere, not recorded as
                    # the same quantity (it may be another thing of the same value)
                    keys = tuple(sorted(map(str, (key_of.get(d) for d in as_drafts))))
                    if keys in by_member.get(draft_of[cid], ()):
                        out["found_equivalent"] += 1
                        out["equivalent"].append(cid)
                        out["missed_why"][cid] = (sid, "proposed with a restatement of one of its numbers")
    n_lab = len(out["misses_errors"]) + len(out["misses_not_errors"])
    out["recall"] = out["found"] / out["expressible"] if out["expressible"] else None
    out["recall_drafted"] = out["found"] / out["all_drafted"] if out["all_drafted"] else None
    out["recall_equivalent"] = out["found_equivalent"] / out["expressible"] if out["expressible"] else None
    out["recall_own"] = out["found_own"] / out["expressible"] if out["expressible"] else None
    out["misses_precision"] = len(out["misses_errors"]) / n_lab if n_lab else None
    return out


def _miss_detail(text: str, members: list, verdict: str | None) -> str:
    """Why discovery may have missed a curated relation all of whose numbers are drafted, in
    words: whether the checker finds it holds, and how far apart its numbers stand (characters,
    paragraph breaks, and whether one stands in a table)."""
    import re

    starts = sorted(c.start for c in members if c.start is not None)
    if not starts:
        return ""
    a, b = starts[0], starts[-1]
    breaks = len(re.findall(r"\n[ \t]*\n", text[a:b]))
    in_table = any(text[text.rfind("\n", 0, s) + 1:s + 1].lstrip().startswith("|") for s in starts)
    held = {"consistent": "holds", "misses": "misses at the checker"}.get(verdict or "", "not evaluated")
    return f"{held}; its numbers {b - a:,} characters and {breaks} paragraph breaks apart" + \
        ("; one in a table" if in_table else "")


def _detail_counts(m: dict[str, Any]) -> str:
    """The curated relations drafted but not proposed, counted by :func:`_miss_detail`: those
    that miss at the checker, and those that hold within one paragraph or across paragraphs."""
    ds = [m["missed_detail"].get(cid, "") for cid, (_, why) in m["missed_why"].items() if why == "drafted, not proposed"]
    misses = sum(1 for d in ds if d.startswith("misses"))
    near = sum(1 for d in ds if d.startswith("holds") and " 0 paragraph breaks" in d)
    far = sum(1 for d in ds if d.startswith("holds") and " 0 paragraph breaks" not in d)
    return (f"{len(ds)}; the relation misses at the checker (the article's own slip): {misses}; holds, its numbers "
            f"in one paragraph: {near}; holds, its numbers paragraphs apart: {far}")


def _why_counts(missed: dict) -> str:
    """The misses counted by why ("; missed: 3 a number not drafted, 2 drafted, not proposed")."""
    n: dict[str, int] = defaultdict(int)
    for _, why in missed.values():
        n[why] += 1
    return "; missed: " + ", ".join(f"{v} {k}" for k, v in sorted(n.items())) if n else ""


def render_pipeline(m: dict[str, Any]) -> str:
    return "\n".join([
        "proposed relations as kb extract runs (drafts of each source text, then discovery):",
        f"  curated relations it can express: {m['expressible']}, all of whose numbers are drafted: "
        f"{m['all_drafted']}; recovered (the proposal links the matched drafts, or another statement the curators "
        f"recorded as the same quantity, any orientation): {m['found']} "
        f"(recall {_fmt(m['recall'])}; of the drafted {_fmt(m['recall_drafted'])})",
        f"  of them with the curated statements only: {m['found_own']} (recall {_fmt(m['recall_own'])})",
        f"  drafted, not proposed: {_detail_counts(m)}",
        f"  recovered counting any number of the same value and unit as the one it restates (not always the "
        f"same quantity): {m['found_equivalent']} (recall {_fmt(m['recall_equivalent'])})",
        f"  curated sums (a total of two or more of the source's numbers): {m['sums_expressible']}; recovered: "
        f"{m['sums_found']} (with the curated statements only: {m['sums_found_own']}); counting any number of the "
        f"same value and unit: {m['sums_found_equivalent']}"
        f"{_why_counts(m['sums_missed_why'])}",
        f"  curated products per request (two of the source's numbers per request, / [1 request]: a run's tokens times a price per token): "
        f"{m['per_request_expressible']}; recovered: {m['per_request_found']}{_why_counts(m['per_request_missed_why'])}",
        f"  curated relative differences (a saving, a premium, a change: one of two of the source's numbers "
        f"against the other): {m['diffs_expressible']}; recovered: {m['diffs_found']} (with the curated statements "
        f"only: {m['diffs_found_own']}); counting any number of the same value and unit: "
        f"{m['diffs_found_equivalent']}{_why_counts(m['diffs_missed_why'])}",
        f"  curated differences (a − b: a saving, a gap, a loss, what remains of a whole): {m['absdiffs_expressible']}; "
        f"recovered (any orientation: a = b + c too): {m['absdiffs_found']} (with the curated statements only: "
        f"{m['absdiffs_found_own']}); counting any number of the same value and unit: "
        f"{m['absdiffs_found_equivalent']}{_why_counts(m['absdiffs_missed_why'])}",
        f"  proposals: {m['proposals']}; consistent: {m['consistent']}",
        f"  proposed slips: {m['misses']}; labelled errors: {len(m['misses_errors'])}, labelled correct: "
        f"{len(m['misses_not_errors'])}, unlabelled: {len(m['misses_unlabelled'])} "
        f"(precision {_fmt(m['misses_precision'])})",
    ])


def render_proposed(m: dict[str, Any]) -> str:
    return "\n".join([
        "proposed relations (kb extract's discovery) on the curated claims:",
        f"  curated relations it can express: {m['expressible']}; proposed with the same inputs: {m['found']} "
        f"(recall {_fmt(m['recall'])}); the same relation in any orientation: {m['found_any_orientation']} "
        f"(recall {_fmt(m['recall_any_orientation'])})",
        f"  proposals: {m['proposals']}; consistent: {m['consistent']}, of which curated relations: "
        f"{m['consistent_curated']} (agreement {_fmt(m['agreement'])})",
        f"  proposed slips: {m['misses']}; labelled errors: {len(m['misses_errors'])}, labelled correct: "
        f"{len(m['misses_not_errors'])}, unlabelled: {len(m['misses_unlabelled'])} "
        f"(precision {_fmt(m['misses_precision'])})",
    ])


def per_source(report: Report) -> list[dict[str, Any]]:
    """For every source: its claims, its evaluated relations, and the findings on them."""
    rows: dict[str, dict[str, Any]] = {s: {"source": s, "claims": 0, "relations": 0, "consistent": 0, "misses": 0,
                                           "not_evaluated": 0} for s in sorted(report.kb.sources)}
    for c in report.kb.claims:
        if c.source in rows:
            rows[c.source]["claims"] += 1
    for e in report.relations:
        if e.source in rows:
            r = rows[e.source]
            r["relations"] += 1
            r[{"consistent": "consistent", "misses": "misses"}.get(e.verdict, "not_evaluated")] += 1
    return list(rows.values())


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def render(scores: dict[str, GroupScore], sources: list[dict[str, Any]], integrity: int,
           source_of: dict[str, str] | None = None, only: set[str] | None = None,
           only_what: str = "the chosen sources only") -> str:
    """The curated relations' table; with ``only`` (source ids), the claim ids and the rows per
    source are those of these sources only (the counts stay over every source): a measurement
    on some articles never lists another's, a held-out article's above all. ``only_what`` says
    which sources those are."""
    lines = ["group             rule                               evaluated flagged labelled errors  TP  FP  FN"
             "  precision recall"]
    for s in scores.values():
        lines.append(f"{s.group:<17} {s.rule:<34} {s.evaluated:>9} {s.flagged:>7} {s.labelled:>8} {s.errors:>6} "
                     f"{s.true_positives:>3} {len(s.false_positives):>3} {len(s.false_negatives):>3}  "
                     f"{_fmt(s.precision):>9} {_fmt(s.recall):>6}")
    lines.append("")
    for s in scores.values():
        if s.group == "formula+article":
            continue
        for what, ids in (("false positives", s.false_positives), ("false negatives", s.false_negatives),
                          ("flagged without a label", s.unlabelled_flagged)):
            if only is not None:
                ids = [i for i in ids if (source_of or {}).get(i) in only]
            if ids:
                lines.append(f"{s.group} {what}: {', '.join(ids)}")
    lines.append(f"relations that cannot be evaluated (relation-invalid errors): {integrity}")
    if only is not None:
        sources = [r for r in sources if r["source"] in only]
        lines.append(f"(ids and rows below: {only_what}; the counts above are over every source)")
    with_rel = [r for r in sources if r["relations"]]
    without = [r["source"] for r in sources if not r["relations"]]
    lines.append("")
    lines.append("source                               claims relations consistent misses not-evaluated")
    for r in with_rel:
        lines.append(f"{r['source']:<36} {r['claims']:>6} {r['relations']:>9} {r['consistent']:>10} {r['misses']:>6} "
                     f"{r['not_evaluated']:>13}")
    lines.append(f"sources without relations ({len(without)}): {', '.join(without)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kb.tools.arithmetic", description=__doc__.split("\n")[0])
    ap.add_argument("--root", type=Path, default=None, help="the project (default: found from here)")
    ap.add_argument("--labels", type=Path, default=None, help=f"labels file (default: ROOT/{DEFAULT_LABELS})")
    ap.add_argument("--format", choices=("text", "json"), default="text")
    ap.add_argument("--verbose", action="store_true",
                    help="also list the curated relations discovery misses as kb extract runs, each with why, for "
                         "the development articles and the seeds of tests/extract_corpus/real.yaml (never the "
                         "held-out ones) or the sources given with --sources")
    ap.add_argument("--sources", default=None,
                    help="comma-separated source ids, or dev-A (the development articles at odd positions of "
                         "tests/extract_corpus/real.yaml and the seeds) or dev-B (those at even positions): the "
                         "proposed relations as kb extract runs are measured (and with --verbose listed) on these "
                         "only")
    args = ap.parse_args(argv)
    report = check(args.root)
    labels = load_labels(args.labels or report.kb.root / DEFAULT_LABELS)
    scores = measure(report, labels)
    sources = per_source(report)
    integrity = sum(1 for f in report.findings if f.code == "relation-invalid")
    proposed = measure_proposed(report, labels)
    chosen = None if not args.sources else sorted(split_sources(report.kb.root, args.sources))
    pipeline = measure_pipeline(report, labels, chosen)
    if args.format == "json":
        print(json.dumps({"groups": {k: v.as_dict() for k, v in scores.items()}, "sources": sources,
                          "relation_invalid": integrity, "proposed": proposed, "pipeline": pipeline}, indent=1))
    else:
        if chosen:
            shown, what = set(chosen), "the chosen sources only"
        else:  # every source but the held-out articles: they are scored, never listed
            held = held_out_sources(report.kb.root)
            shown = {r["source"] for r in sources} - held
            what = f"every source but the {len(held)} held-out articles"
        print(render(scores, sources, integrity, {c.id: c.source for c in report.kb.claims}, shown, what))
        print()
        print(render_proposed(proposed))
        print()
        print(render_pipeline(pipeline))
    if args.verbose:
        listed = set(chosen) if chosen else development_sources(report.kb.root)
        print()
        print("curated relations discovery misses as kb extract runs (development articles and seeds):"
              if not args.sources else "curated relations discovery misses as kb extract runs:")
        for cid, (sid, why) in sorted(pipeline["missed_why"].items(), key=lambda x: (x[1][0], x[0])):
            if sid in listed:
                detail = pipeline["missed_detail"].get(cid) if why == "drafted, not proposed" else None
                print(f"  {sid} {cid}: {why}" + (f" ({detail})" if detail else ""))
        print("curated sums discovery misses:")
        for cid, (sid, why) in sorted(pipeline["sums_missed_why"].items(), key=lambda x: (x[1][0], x[0])):
            if sid in listed:
                print(f"  {sid} {cid}: {why}")
        print("curated products per request discovery misses:")
        for cid, (sid, why) in sorted(pipeline["per_request_missed_why"].items(), key=lambda x: (x[1][0], x[0])):
            if sid in listed:
                print(f"  {sid} {cid}: {why}")
        print("curated differences (a − b) discovery misses:")
        for cid, (sid, why) in sorted(pipeline["absdiffs_missed_why"].items(), key=lambda x: (x[1][0], x[0])):
            if sid in listed:
                print(f"  {sid} {cid}: {why}")
        print("curated relative differences discovery misses:")
        for cid, (sid, why) in sorted(pipeline["diffs_missed_why"].items(), key=lambda x: (x[1][0], x[0])):
            if sid in listed:
                print(f"  {sid} {cid}: {why}")
    return 0


def development_sources(root: Path) -> set[str]:
    """The development articles and the seeds of the extractor's corpus (its held-out articles
    are never listed: they are kept for independent evaluation)."""
    import yaml

    spec = yaml.safe_load((root / "tests" / "extract_corpus" / "real.yaml").read_text(encoding="utf-8")) or {}
    return {str(s) for key in ("dev", "seeds") for s in spec.get(key) or []}


def held_out_sources(root: Path) -> set[str]:
    """The held-out articles of the extractor's corpus (tests/extract_corpus/real.yaml's
    ``holdout``): their relations are counted, never listed by id."""
    import yaml

    path = root / "tests" / "extract_corpus" / "real.yaml"
    spec = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.is_file() else {}
    return {str(s) for s in spec.get("holdout") or []}


#: The halves of the development articles for an honest measure: one to look at, the other to
#: decide on.
SPLITS = ("dev-A", "dev-B")


def split_sources(root: Path, spec: str) -> set[str]:
    """The sources ``spec`` names: comma-separated ids, ``dev-A`` (the development articles at
    odd positions of tests/extract_corpus/real.yaml, counting from one, and the seeds) or
    ``dev-B`` (those at even positions)."""
    import yaml

    from kb.extract.evaluate import dev_halves

    real = yaml.safe_load((root / "tests" / "extract_corpus" / "real.yaml").read_text(encoding="utf-8")) or {}
    dev_a, dev_b = dev_halves([str(s) for s in real.get("dev") or []])
    out: set[str] = set()
    for part in filter(None, (x.strip() for x in spec.split(","))):
        if part == "dev-A":
            out.update(dev_a)
            out.update(str(s) for s in real.get("seeds") or [])
        elif part == "dev-B":
            out.update(dev_b)
        else:
            out.add(part)
    return out


def _curated_item(c):
    """A curated claim as discovery reads it: its interval, and the number the checker
    computes a relation with (its value as stated, a range as stated; a bound its interval),
    as ``kb vet`` reads a draft (:func:`kb.extract.arith.propose`)."""
    from kb.core.units import conversion_factor
    from kb.errors import UnitError
    from kb.extract.arith import Item

    lo, hi = c.interval.low, c.interval.high
    vals = (c.low, c.high) if c.qualifier == "range" else (c.value, c.value)
    if c.qualifier in ("exact", "approx", "range") and c.unit and None not in vals:
        try:
            f = conversion_factor(c.unit, c.interval.unit)
            lo, hi = sorted((float(vals[0]) * f, float(vals[1]) * f))
        except (ValueError, TypeError, ArithmeticError, UnitError):  # a unit the checker flags itself
            lo, hi = c.interval.low, c.interval.high
    shown = "~" if c.qualifier == "approx" else ""
    return Item(c.id, c.start, c.end, c.interval.low, c.interval.high, c.interval.unit, shown, lo, hi, None,
                c.property or None)


if __name__ == "__main__":
    sys.exit(main())

