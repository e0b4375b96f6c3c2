"""The article's own arithmetic: relations recomputed, comparison claims recomputed.

Two kinds of claim say how they follow from other values, and both are recomputed here with
the interval arithmetic of :mod:`kb.core.derive` (units and lineage included):

* a claim with ``derived: {formula, from}``: the formula (:mod:`kb.core.formula`) over claims
  of the same source and reference values (kind ``derived``);
* a ratio, share, change, growth or difference claim (a property with ``comparison`` in the
  vocabulary): the same comparison computed from its two sides, once from the article's own claims about them
  (basis ``article``), once from the reference values that apply to them (``references``)
  and, where only one side is in the article, from that side and the other side's
  references (``article+references``). Which references and claims apply to a side is
  decided by :meth:`kb.rules.compare.Comparer.side`.

Each recomputation is an :class:`~kb.core.findings.EvaluatedRelation` (the formula with the
article's numbers, every input with its quote, the computed interval, the verdict and, for
a miss, the likely causes); :func:`kb.rules.check.check` hands them on as
``report.relations``. Three rules read them: ``relation-invalid`` (a ``derived:`` that
cannot be evaluated), ``arithmetic`` (a stated value that misses its formula or the
article's own two sides) and ``comparison-contradicts-references`` (a comparison that misses
what the references of its two sides give).

The computed interval is widened by :data:`RELATION_SLACK` on each side (articles round
their intermediate results), and by :data:`CALENDAR_SLACK` more when the arithmetic turns
months or years into days or hours (a month is 30 days to some authors and 30.44 to others,
730 or 720 hours). A value that is one operation on numbers stated exactly has no
intermediate result to round: it is widened by no more than its own last digit and its inputs'
rounding allow (:func:`_widen_by_digit`). The likely causes are the telltale factors of :data:`TELLTALES` and the
checks of :func:`relation_causes`; nothing here names an article, an entity or a value.
"""

from __future__ import annotations

import math
import re
import weakref
from typing import Iterable, Iterator

from kb.core import catalogue as cat
from kb.core.derive import Derived, envelope, fmt
from kb.core.findings import Cause, Comparison, EvaluatedRelation, Finding, Operand
from kb.core.formula import FormulaError, parse
from kb.core.intervals import Interval
from kb.core.records import Claim, KnowledgeBase, Reference, Term
from kb.core.text import interval_text
from kb.core.units import UnitSize, conversion_factor, name_info
from kb.errors import DeriveError, UnitError
from kb.rules.causes import property_name, stated_interval
from kb.rules.compare import Comparer, periods_overlap, trailing_zeros

__all__ = ["evaluate", "evaluate_derived", "relation_invalid", "arithmetic", "comparison_references",
           "relation_causes", "RELATION_SLACK", "CALENDAR_SLACK", "TELLTALES", "MATCH_RELATIVE", "SCALE_POWERS"]

#: Relative slack on each side of a computed interval: articles round intermediate results.
RELATION_SLACK = 0.03
#: More slack when the arithmetic converts months or years to days or hours (30 vs 30.44 days a
#: month, 720 vs 730 hours; 365 vs 365.25 days a year).
CALENDAR_SLACK = 0.015
#: A stated value "equals" the computed one times a telltale factor when it meets that product
#: widened by this much (or by half the factor's distance from 1, for factors near 1).
MATCH_RELATIVE = 0.05
#: Powers of ten tried as scale slips (10^1 ... 10^9, either way).
SCALE_POWERS = tuple(range(1, 10))

#: Telltale factors other than powers of ten: (cause kind, the two unit texts whose ratio is
#: the factor, the dimension the relation must involve for it to apply, words for the slip).
TELLTALES: tuple[tuple[str, str, str, str, str], ...] = (
    ("time-unit", "month", "day", "[time]", "per day vs per month"),
    ("time-unit", "year", "day", "[time]", "per day vs per year"),
    ("time-unit", "month", "hour", "[time]", "per hour vs per month"),
    ("time-unit", "year", "hour", "[time]", "per hour vs per year"),
    ("time-unit", "year", "month", "[time]", "per month vs per year"),
    ("time-unit", "day", "hour", "[time]", "per hour vs per day"),
    ("time-unit", "week", "day", "[time]", "per day vs per week"),
    ("time-unit", "hour", "second", "[time]", "per second vs per hour"),
    ("binary-prefix", "GiB", "GB", "[information]", "GB vs GiB"),
    ("binary-prefix", "TiB", "TB", "[information]", "TB vs TiB"),
    ("bits-bytes", "byte", "bit", "[information]", "bits vs bytes"),
    ("factor-two", "2 x", "x", "[computation]", "sparse vs dense (or counted twice or half)"),
)
_TIME_NAMES_LONG = ("month", "year")
#: Why a relation of a claim without a usable value is not evaluated (no finding: the claim's
#: own findings say what is wrong with it).
NO_VALUE = "the claim has no usable value (see its other findings)"

_LAST: tuple[weakref.ref, list[EvaluatedRelation]] | None = None


# ---------------------------------------------------------------------- evaluation


def evaluate_derived(kb: KnowledgeBase) -> list[EvaluatedRelation]:
    """Every claim's ``derived:`` relation, evaluated (kept for the last knowledge base asked,
    so that the integrity rule, the content rule and the report share one evaluation)."""
    global _LAST
    if _LAST is not None and _LAST[0]() is kb:
        return _LAST[1]
    out = [_derived(kb, c) for c in kb.claims if c.derived is not None]
    _LAST = (weakref.ref(kb), out)
    return out


def evaluate(cmp: Comparer) -> list[EvaluatedRelation]:
    """Every relation of the knowledge base: the ``derived:`` formulas, then the comparison
    claims on each basis that applies; sorted by file and line. (Use
    :meth:`Comparer.relations`, which computes this once.)"""
    out = list(evaluate_derived(cmp.kb))
    for c in cmp.kb.claims:
        if c.numerator is not None and c.denominator is not None and cmp.is_comparison(c):
            out.extend(_comparison(cmp, c))
    out.sort(key=lambda e: (e.path, e.line, e.claim, e.kind, e.basis))
    return out


def _not_evaluated(c: Claim, line: int, kind: str, basis: str, formula: str, error: str,
                   inputs: tuple[Operand, ...] = ()) -> EvaluatedRelation:
    return EvaluatedRelation(c.id, c.source, c.path, line, kind, basis, formula, "", inputs, c.display(),
                             c.interval, None, "not-evaluated", error=error)


def _derived(kb: KnowledgeBase, c: Claim) -> EvaluatedRelation:
    rel = c.derived
    line = rel.line or c.line
    if not c.ok or c.interval is None:
        return _not_evaluated(c, line, "derived", "formula", rel.formula, NO_VALUE)
    try:
        formula = parse(rel.formula)
    except FormulaError as exc:
        where = f" (column {exc.column})" if exc.column else ""
        return _not_evaluated(c, line, "derived", "formula", rel.formula, f"formula {rel.formula!r}: {exc}{where}")
    bound = dict(rel.inputs)
    unbound = [n for n in formula.names if n not in bound]
    if unbound:
        return _not_evaluated(c, line, "derived", "formula", rel.formula,
                              f"formula {rel.formula!r} uses {', '.join(unbound)}, which `from` does not bind")
    unused = sorted(n for n in bound if n not in formula.names)
    if unused:
        return _not_evaluated(c, line, "derived", "formula", rel.formula,
                              f"`from` binds {', '.join(unused)}, which formula {rel.formula!r} does not use")
    operands: list[Operand] = []
    values: dict[str, Derived] = {}
    for name in formula.names:
        ident = str(bound[name])
        rec = kb.claims_by_id.get(ident) or kb.references_by_id.get(ident)
        if rec is None:
            return _not_evaluated(c, line, "derived", "formula", rel.formula,
                                  f"{name}: {ident!r} is neither a claim nor a reference id")
        if ident == c.id:
            return _not_evaluated(c, line, "derived", "formula", rel.formula, f"{name}: the claim cannot follow from itself")
        if isinstance(rec, Claim) and rec.source != c.source:
            return _not_evaluated(c, line, "derived", "formula", rel.formula,
                                  f"{name}: {ident} is a claim of another source ({rec.source}); a relation uses "
                                  "the article's own claims and reference values")
        operand = _operand(name, rec)
        operands.append(operand)
        if not rec.ok or rec.interval is None:
            why = "is categorical" if rec.categorical else "has no usable value (see its findings)"
            return _not_evaluated(c, line, "derived", "formula", rel.formula, f"{name}: {ident} {why}", tuple(operands))
        values[name] = _input_value(rec)
    inputs = tuple(operands)
    try:
        result = formula.evaluate(values)
    except (FormulaError, DeriveError, UnitError) as exc:
        return _not_evaluated(c, line, "derived", "formula", rel.formula, f"formula {rel.formula!r}: {exc}", inputs)
    written = [str(kb.record(str(bound[n])).unit) for n in formula.names] + [k.unit for k in formula.constants]
    recs = tuple(kb.record(str(bound[n])) for n in formula.names)
    one_step = recs if formula.operations == 1 and all(_stated_exactly(r) for r in recs) else None
    return _judge(kb, c, line, "derived", "formula", rel.formula, result, inputs, values, formula=formula,
                  written=written, one_step=one_step)


def _stated_exactly(rec: Claim | Reference) -> bool:
    """Is an input a number the arithmetic takes as it stands: a claim stated ``exact``, or a
    reference (its interval is the world's value, with its precision)?"""
    return isinstance(rec, Reference) or (rec.qualifier == "exact" and not rec.categorical)


def _input_value(rec: Claim | Reference) -> Derived:
    """An input as the arithmetic uses it, in its canonical unit. A claim's number is taken at
    face value, the number the article computed with ("1 trillion tokens" is 10^12, not
    0.5-1.5 x 10^12; "~5 days" is 5 days; a range stays a range); a bound ("over 1 trillion")
    stays open; a reference is its interval (the world's value, with its precision)."""
    lo, hi = _input_bounds(rec)
    return Derived(lo, hi, rec.interval.unit, (rec.id,), rec.display())


def _input_bounds(rec: Claim | Reference) -> tuple[float, float]:
    """The ends of :func:`_input_value`, in the canonical unit."""
    iv = rec.interval
    if isinstance(rec, Claim) and not rec.categorical and rec.qualifier in ("exact", "approx", "range"):
        lo, hi = (rec.low, rec.high) if rec.qualifier == "range" else (rec.value, rec.value)
        if lo is not None and hi is not None and rec.unit:
            try:
                f = conversion_factor(rec.unit, iv.unit)
                return (float(lo) * f, float(hi) * f) if f > 0 else (float(hi) * f, float(lo) * f)
            except (UnitError, ValueError, TypeError):
                pass
    return iv.low, iv.high


def _operand(name: str, rec: Claim | Reference) -> Operand:
    when = None
    if isinstance(rec, Claim):
        w = rec.as_of if rec.as_of is not None else rec.conditions.get("period")
        when = None if w is None else str(w)
        return Operand(name, rec.id, "claim", rec.display(), rec.interval, rec.quote, when)
    w = rec.conditions.get("period") or rec.valid_from
    return Operand(name, rec.id, "reference", rec.display(), rec.interval, None, None if w is None else str(w))


def _judge(kb: KnowledgeBase, c: Claim, line: int, kind: str, basis: str, text: str, result: Derived,
           inputs: tuple[Operand, ...], values: dict[str, Derived], formula=None, comparison_kind: str | None = None,
           sides: tuple[Derived, Derived] | None = None, written: Iterable[str] = (),
           one_step: tuple[Claim | Reference, ...] | None = None) -> EvaluatedRelation:
    """The computed value beside the stated one: consistent or a miss, with causes.

    ``one_step``: the inputs of a value that is one operation on numbers stated exactly
    (``a × b``, ``a ÷ b``, a ratio of two exact figures): there is no intermediate result an
    article could have rounded, so the computed value is widened by no more than half a unit in
    the stated value's last significant digit (:func:`_last_digit_half`) plus the inputs' own
    rounding (:func:`_inputs_precision`) and the calendar's slack; with the stated value's own
    half unit, a truncated or rounded result agrees and one off by more than that misses ("2.65x"
    for 1,230.74 ÷ 467.85 = 2.63). Never wider than any other relation's slack."""
    unit = c.interval.unit
    if not result.same_dimension(unit):
        return _not_evaluated(c, line, kind, basis, text,
                              f"formula {text!r} gives {result.unit} ({_dims(result.size)}), but {c.id} is in "
                              f"{unit} ({_dims(UnitSize.of(unit))})", inputs)
    try:
        computed = result.to(unit)
    except DeriveError as exc:  # pragma: no cover - same_dimension said it converts
        return _not_evaluated(c, line, kind, basis, text, str(exc), inputs)
    written = list(written)
    calendar = CALENDAR_SLACK if _mixes_calendar([*written, str(c.unit), unit]) else 0.0
    half = _last_digit_half(c) if one_step is not None else None
    if half is None:
        lo, hi = _widen(computed.low, computed.high, RELATION_SLACK + calendar)
    else:
        lo, hi = _widen_by_digit(computed.low, computed.high, half, calendar + _inputs_precision(one_step),
                                 RELATION_SLACK + calendar)
    civ = Interval(lo, hi, unit)
    stated = c.interval
    comp = Comparison.of(c.id, f"computed:{c.id}:{basis}", "computed", c.display(), interval_text(civ), stated, civ)
    if comp.agrees:
        return EvaluatedRelation(c.id, c.source, c.path, line, kind, basis, text, result.formula, inputs, c.display(),
                                 stated, civ, "consistent", comp)
    causes = relation_causes(kb, c, computed, values, formula=formula, comparison_kind=comparison_kind, sides=sides,
                             written=written)
    return EvaluatedRelation(c.id, c.source, c.path, line, kind, basis, text, result.formula, inputs, c.display(),
                             stated, civ, "misses", comp, tuple(causes))


def _widen_by_digit(lo: float, hi: float, half: float, relative: float, cap: float) -> tuple[float, float]:
    """A one-step result widened on each side by ``half`` (half a unit in the stated value's
    last significant digit) and ``relative`` (its inputs' rounding, the calendar's slack), but
    never by more than ``cap`` (relative: the slack of any other relation)."""
    def out(x: float, sign: int) -> float:
        if not math.isfinite(x):
            return x
        return x + sign * min(abs(x) * cap, half + abs(x) * relative)
    return out(lo, -1), out(hi, 1)


def _inputs_precision(recs: Iterable[Claim | Reference]) -> float:
    """How far the inputs of a one-step relation may be from the numbers the article computed
    with, relatively: the sum of each exact claim's half unit in its last significant digit
    over its value (relative errors add up through a product or a quotient; a reference's
    precision is already in its interval)."""
    out = 0.0
    for r in recs:
        h = _last_digit_half(r) if isinstance(r, Claim) else None
        if h is None:
            continue
        try:
            out += h / abs(float(r.value) * conversion_factor(r.unit, r.interval.unit))
        except (UnitError, ValueError, TypeError, ZeroDivisionError):
            return RELATION_SLACK
    return out


def _last_digit_half(c: Claim) -> float | None:
    """Half a unit in the last significant digit of an ``exact`` stated value, in its canonical
    unit: its stated precision ("2.65" → 0.005), where the trailing zeros of a whole number do
    not count ("40 billion", "22,000,000": to the last non-zero digit, as they may be rounded).
    None for a value of another qualifier or without one."""
    if c.qualifier != "exact" or c.value is None or not c.unit or c.interval is None:
        return None
    try:
        value = abs(float(c.value))
        f = conversion_factor(c.unit, c.interval.unit)
    except (UnitError, ValueError, TypeError):
        return None
    if not (value > 0 and math.isfinite(value) and f > 0):
        return None
    half = (c.interval.high - c.interval.low) / 2 / f   # in the stated unit
    if value.is_integer() and abs(half - 0.5) < 1e-9:
        half *= 10 ** trailing_zeros(int(value))
    return half * f


def _widen(lo: float, hi: float, rel: float) -> tuple[float, float]:
    lo2 = lo - abs(lo) * rel if math.isfinite(lo) else lo
    hi2 = hi + abs(hi) * rel if math.isfinite(hi) else hi
    return lo2, hi2


def _dims(size: UnitSize) -> str:
    from kb.core.units import dimension_text

    return dimension_text(size.base()[1])


def _time_names(units: Iterable[str]) -> set[str]:
    out = set()
    for text in units:
        try:
            names = UnitSize.of(text).names
        except UnitError:
            continue
        for n, _ in names:
            if name_info(n)[2] == (("[time]", 1.0),):
                out.add(n)
    return out


def _mixes_calendar(units: Iterable[str]) -> bool:
    """Do the unit texts (as written and canonical) mix months or years with shorter time
    units, so that the arithmetic turns one into the other?"""
    names = _time_names(units)
    return bool(names & set(_TIME_NAMES_LONG)) and bool(names - set(_TIME_NAMES_LONG))


# ---------------------------------------------------------------------- comparison claims


_OPERATIONS = {
    "ratio": ("numerator / denominator", lambda n, d: n / d),
    "share": ("numerator / denominator", lambda n, d: n / d),
    "change": ("numerator / denominator − 1", lambda n, d: n / d - Derived.of(1.0, formula="1")),
    "difference": ("numerator − denominator", lambda n, d: n - d),
}


def _term_year(t) -> float | None:
    """A comparison term's date as a fractional year (its ``as_of``, else its ``period``
    condition): "2030" is 2030.0, "2024-07" is 2024.5; None when the term has no date."""
    raw = t.as_of if t.as_of is not None else t.conditions.get("period")
    if raw is None:
        return None
    m = re.match(r"\s*(\d{4})(?:-(\d{1,2}))?", str(raw))
    if not m:
        return None
    return int(m.group(1)) + ((int(m.group(2)) - 1) / 12 if m.group(2) else 0.0)


def _growth(c: Claim, years: float):
    """The growth operation over ``years``: the compound rate per year ((n / d)^(1/years) − 1)
    for a percent claim, the doubling time (years · ln 2 / ln(n / d)) for a time claim."""
    if UnitSize.of(c.interval.unit).same_dimension(UnitSize.of("year")):
        def doubling(n: Derived, d: Derived) -> Derived:
            r = n / d
            if r.low <= 1:
                raise DeriveError("the later value is not above the earlier one: no doubling time")
            lo = years * math.log(2) / math.log(r.high) if math.isfinite(r.high) else 0.0
            hi = years * math.log(2) / math.log(r.low)
            return Derived(lo, hi, "year", r.inputs, f"{fmt(years, 4)} year × ln 2 ÷ ln({r.formula})")
        return f"{fmt(years, 4)} years × ln 2 ÷ ln(numerator / denominator)", doubling
    return (f"(numerator / denominator)^(1/{fmt(years, 4)}) − 1",
            lambda n, d: (n / d) ** (1 / years) - Derived.of(1.0, formula="1"))


def _comparison(cmp: Comparer, c: Claim) -> Iterator[EvaluatedRelation]:
    kb = cmp.kb
    prop = kb.properties[c.property]
    if not c.ok or c.interval is None:
        return
    if prop.comparison == "growth":
        # growth needs the two terms' dates; without them the claim is not recomputed
        y_n, y_d = _term_year(c.numerator), _term_year(c.denominator)
        if y_n is None or y_d is None or y_n <= y_d:
            return
        text, op = _growth(c, y_n - y_d)
    elif prop.comparison == "difference" and not _same_unit_as_side(kb, c):
        # a difference per year ("adds 40 TWh a year"): the difference between the two terms'
        # dates over the years between them; without the dates it is not recomputed
        y_n, y_d = _term_year(c.numerator), _term_year(c.denominator)
        if y_n is None or y_d is None or y_n <= y_d:
            return
        years = y_n - y_d
        text = f"(numerator − denominator) / {fmt(years, 4)} years"
        op = lambda n, d: (n - d) / Derived.of(years, unit="year", formula=f"{fmt(years, 4)} year")  # noqa: E731
    else:
        text, op = _OPERATIONS[prop.comparison]
    plain = text == _OPERATIONS.get(prop.comparison, ("",))[0]  # one operation (not a growth or a rate per year)
    num, den = c.numerator, c.denominator
    if num.entity not in kb.entities or den.entity not in kb.entities or num.property not in kb.properties \
            or den.property not in kb.properties:
        return  # unknown-entity / unknown-property say so
    # a claim with a formula follows from the article's own figures: it is checked by its
    # formula, and those figures are compared with the references one by one
    # (contradicts-reference); a published value for the same two sides outranks one
    # computed from references
    with_refs = c.derived is None and not any(c.interval.overlaps(r.interval) for r in cmp.references_for(c))
    refs_n, own_n = cmp.side(num, c, references=with_refs)
    refs_d, own_d = cmp.side(den, c, references=with_refs)
    bases = []
    if own_n and own_d and c.derived is None:
        bases.append(("article", own_n, own_d))
    if refs_n and refs_d and with_refs:
        bases.append(("references", refs_n, refs_d))
    if own_n and not own_d and refs_d and with_refs:
        bases.append(("article+references", own_n, _same_period(refs_d, own_n)))
    if own_d and not own_n and refs_n and with_refs:
        bases.append(("article+references", _same_period(refs_n, own_d), own_d))
    for basis, ns, ds in bases:
        # a value that applies to both sides (an undated reference on both dates of a change, a
        # family's value on two of its variants) tells them apart in nothing
        common = {r.id for r in ns} & {r.id for r in ds}
        ns, ds = [r for r in ns if r.id not in common], [r for r in ds if r.id not in common]
        pairs = _pairs(c, ns, ds, prop.comparison) if basis == "references" else None
        if pairs is not None:
            ns = sorted({n.id: n for n, _ in pairs}.values(), key=lambda r: r.id)
            ds = sorted({d.id: d for _, d in pairs}.values(), key=lambda r: r.id)
        if not ns or not ds:
            continue
        inputs = tuple(_operand(side, r) for side, recs in (("numerator", ns), ("denominator", ds))
                       for r in sorted(recs, key=lambda r: r.id))
        try:
            n, d = _side_value(ns), _side_value(ds)
            if pairs is None:
                result = op(n, d)
            else:
                results = sorted((op(_input_value(a), _input_value(b)) for a, b in pairs),
                                 key=lambda r: (_log_gap(r, c), r.formula))
                result = envelope(results)
                if len(results) > 1:
                    result = result.named(f"{results[0].formula} (nearest of {len(results)} pairs of like references)")
        except (DeriveError, UnitError, ZeroDivisionError) as exc:
            yield _not_evaluated(c, c.line, "comparison", basis, text, f"{text}: {exc}", inputs)
            continue
        one_step = (ns[0], ds[0]) if basis == "article" and len(ns) == len(ds) == 1 and _stated_exactly(ns[0]) \
            and _stated_exactly(ds[0]) and plain else None
        yield _judge(kb, c, c.line, "comparison", basis, text, result, inputs, {"numerator": n, "denominator": d},
                     comparison_kind=prop.comparison, sides=(n, d), written=[str(r.unit) for r in (*ns, *ds)],
                     one_step=one_step)


def _same_unit_as_side(kb: KnowledgeBase, c: Claim) -> bool:
    """Is a difference claim in its numerator property's unit (else it is per year)?"""
    side = kb.properties.get(c.numerator.property or "") if c.numerator is not None else None
    return side is not None and side.canonical_unit is not None and UnitSize.of(c.interval.unit).same_dimension(
        UnitSize.of(side.canonical_unit))


def _log_gap(v: Derived, c: Claim) -> float:
    """How far a computed value is from the claim's (for "nearest"): 0 when they meet."""
    try:
        f, _ = c.interval.compare(v.to(c.interval.unit).interval)
    except (DeriveError, ValueError):
        return math.inf
    return math.log(f) if math.isfinite(f) else math.inf


def _pairs(c: Claim, ns: list[Reference], ds: list[Reference], kind: str) -> list[tuple[Reference, Reference]]:
    """Reference values of the two sides that are like for like: the same conditions apart
    from those the sides themselves name (and, for a change, the period); the same entity
    when both sides are about one entity (a change, output vs input price of each model)."""
    named = (set(c.numerator.conditions) | set(c.denominator.conditions)
             | ({"period"} if kind in ("change", "difference") else set()))
    same_entity = c.numerator.entity == c.denominator.entity

    def key(r: Reference) -> tuple:
        return (r.entity if same_entity else None,
                tuple(sorted((k, v) for k, v in r.conditions.items() if k not in named)))

    by_key: dict[tuple, list[Reference]] = {}
    for d in ds:
        by_key.setdefault(key(d), []).append(d)
    return [(n, d) for n in sorted(ns, key=lambda r: r.id) for d in by_key.get(key(n), ())]


def _same_period(refs: list[Reference], claims: list[Claim]) -> list[Reference]:
    """The references of one side that speak for the period of the article's figures on the
    other side (when both give a period), so that a share is of the same year."""
    periods = [w for w in ((x.conditions.get("period") or x.as_of) for x in claims) if w is not None]
    if not periods:
        return refs
    return [r for r in refs if "period" not in r.conditions
            or any(periods_overlap(r.conditions["period"], p) for p in periods)]


def _side_value(recs: list) -> Derived:
    """One side of a comparison: its value, or the envelope of its values (all in the side's
    property's canonical unit), with every record as an input."""
    if len(recs) == 1:
        return _input_value(recs[0])
    ends = [_input_bounds(r) for r in recs]
    env = Derived(min(a for a, _ in ends), max(b for _, b in ends), recs[0].interval.unit, tuple(r.id for r in recs))
    return env.named(f"[{env.display()}: {len(recs)} values]")


# ---------------------------------------------------------------------- likely causes


def _tolerance(factor: float) -> float:
    return min(MATCH_RELATIVE, abs(factor - 1) / 2)


def _fits(stated: Interval, lo: float, hi: float, factor: float = 1.0, tol: float | None = None) -> bool:
    """Does the stated interval meet [lo, hi] × factor, widened by ``tol`` (by default the
    factor's tolerance: :data:`MATCH_RELATIVE`, or half the factor's distance from 1)?"""
    a, b = sorted((lo * factor, hi * factor))
    if math.isnan(a) or math.isnan(b):
        return False
    if tol is None:
        tol = _tolerance(factor if factor >= 1 else 1 / factor)
    a, b = _widen(a, b, tol)
    return stated.low <= b and a <= stated.high


def _written_sizes(units: Iterable[str]) -> list[UnitSize]:
    out = []
    for text in units:
        try:
            out.append(UnitSize.of(text))
        except UnitError:
            continue
    return out


def _involves(sizes: list[UnitSize], dimension: str) -> bool:
    return any(any(k == dimension for k, _e in name_info(n)[2]) for size in sizes for n, _ in size.names)


def _per(sizes: list[UnitSize], names: tuple[str, ...]) -> bool:
    """Is one of the unit names a "per" (a negative exponent) in one of the unit texts?"""
    return any(n in names and e < 0 for size in sizes for n, e in size.names)


def _token_price(sizes: list[UnitSize]) -> bool:
    """A price per token among the units (a per 1K vs per 1M slip is then likely)."""
    for size in sizes:
        dims = size.base()[1]
        if dims.get("[currency]", 0) > 0 and dims.get("[token]", 0) < 0:
            return True
    return False


def _mid(lo: float, hi: float) -> float:
    """The representative size of an interval that lies on one side of zero."""
    a, b = sorted((abs(lo), abs(hi)))
    return Interval(a, b, "").mid


def _candidates(sizes: list[UnitSize]) -> list[tuple[str, float, str]]:
    """The telltale factors that can apply to a relation with these units: (kind, factor, words)."""
    out: list[tuple[str, float, str]] = []
    for k in SCALE_POWERS:
        words = "per 1K vs per 1M tokens" if k == 3 and _token_price(sizes) else f"a 10^{k} scale slip"
        out.append(("scale-slip", 10.0 ** k, words))
    for kind, big, small, dim, words in TELLTALES:
        if not _involves(sizes, dim):
            continue
        a, b = UnitSize.of(big), UnitSize.of(small)
        if dim == "[time]" and not _per(sizes, tuple(n for n, _ in (*a.names, *b.names))):
            continue  # a time slip needs a rate: something per day, per hour, per month ...
        out.append((kind, a.ratio(b), words))
    if not _involves(sizes, "[computation]"):
        out.append(("factor-two", 2.0, "counted twice, or half counted"))
    if not _involves(sizes, "[information]"):
        out.append(("scale-slip", 8.0, "one vs a group of 8 (a GPU vs an 8-GPU server?)"))
    return out


def relation_causes(kb: KnowledgeBase, c: Claim, computed: Derived, values: dict[str, Derived], *, formula=None,
                    comparison_kind: str | None = None, sides: tuple[Derived, Derived] | None = None,
                    written: Iterable[str] = ()) -> list[Cause]:
    """Why a stated value probably misses what its arithmetic gives, in order: the telltale
    factor that best explains the gap (a 10^k scale slip, per 1K vs per 1M tokens for a token
    price, per day vs per month or year and per hour vs per month for a rate, GB vs GiB and
    bits vs bytes for memory, 2 for sparse vs dense throughput), an inverted ratio (the
    whole, one input, or a percentage difference measured from the other side), for a
    comparison the complement, percentage points or the ratio given as a change, and inputs
    from different periods."""
    out: list[Cause] = []
    stated = _face(c)
    lo, hi = computed.low, computed.high
    if math.isfinite(lo) and math.isfinite(hi) and ((lo > 0 and stated.low > 0) or (hi < 0 and stated.high < 0)):
        sizes = _written_sizes([*written, str(c.unit), c.interval.unit, *(v.unit for v in values.values())])
        observed = _mid(stated.low, stated.high) / _mid(lo, hi)
        fits = []
        for kind, f, words in _candidates(sizes):
            for g in (f, 1 / f):
                if _fits(stated, lo, hi, g):
                    fits.append((abs(math.log(observed / g)), kind, g, words))
        fits.sort(key=lambda t: (round(t[0], 6), t[1], t[2]))
        if fits:
            best = fits[0][0]
            for closeness, kind, g, words in fits:
                if closeness > best + math.log(1 + MATCH_RELATIVE):
                    break
                what = f"{_factor_text(g)} times" if g > 1 else f"1/{_factor_text(1 / g)} of"
                out.append(Cause(kind, f"{words}: the stated value is about {what} what the arithmetic gives "
                                 f"({computed.display()})", (), g))
    out.extend(_inverted(c, computed, values, formula, comparison_kind, sides))
    out.extend(_periods(c, values, kb))
    return out


def _factor_text(f: float) -> str:
    from kb.core.findings import format_factor

    return format_factor(f)


def _face(c: Claim) -> Interval:
    """The stated value as a cause is matched against it: the number as written (a range as
    written, a bound at its bound), in the canonical unit, without the tolerance of "~"."""
    iv = stated_interval(c)
    lo, hi = _input_bounds(c)
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return iv
    if c.qualifier in ("upper_bound", "lower_bound"):
        return Interval(iv.high, iv.high, iv.unit) if c.qualifier == "upper_bound" else Interval(iv.low, iv.low, iv.unit)
    return Interval(min(lo, hi), max(lo, hi), iv.unit)


def _inverted(c: Claim, computed: Derived, values: dict[str, Derived], formula, comparison_kind,
              sides) -> list[Cause]:
    stated = _face(c)
    out: list[Cause] = []
    signed = comparison_kind in ("change", "difference")
    if (comparison_kind == "change" or c.property == "change") and computed.unit == "percent" \
            and math.isfinite(computed.high) and computed.low > -100:
        # the same for a change in percent: "42% higher" turned into "42% lower" (sides a / b, the
        # change a / b - 1; the other side's, turned around, 1 - b / a)
        a, b = (100 * (1 - 1 / (1 + v / 100)) for v in (computed.low, computed.high))
        if _fits(stated, min(a, b), max(a, b), tol=MATCH_RELATIVE):
            out.append(Cause("inverted", "a percentage difference measured from the other side: the difference "
                             f"relative to the denominator turned around (the arithmetic gives {computed.display()})",
                             (), None))
    if (stated.low <= 0 and not signed) or not (math.isfinite(computed.low) and math.isfinite(computed.high)):
        return out  # "up to", a value that may be zero, an open end: being upside down says nothing
    if comparison_kind == "difference":
        # the sides swapped: "14 GB more" where the numerator has 14 GB less
        if computed.low * computed.high > 0 and _fits(stated, -computed.high, -computed.low, tol=MATCH_RELATIVE):
            out.append(Cause("inverted", "the difference taken the other way round: the arithmetic gives "
                             f"{computed.display()}, the stated value has the opposite sign (the sides swapped)", (), None))
        return out
    if computed.dimensionless and computed.low > 0 and not signed:
        # the whole ratio upside down ("10x cheaper" read the wrong way): stated x computed ≈ 1
        unit_one = Derived.of(1.0, unit="x").to(computed).low
        inv = (unit_one ** 2 / computed.high, unit_one ** 2 / computed.low if computed.low else math.inf)
        if _fits(stated, inv[0], inv[1], tol=MATCH_RELATIVE):
            out.append(Cause("inverted", f"inverted: the stated value is the reciprocal of what the arithmetic gives "
                             f"({computed.display()}), the ratio read the wrong way round", (), None))
        elif comparison_kind in (None, "ratio") and computed.low > 0:
            # a percentage difference measured from the other side: "42% higher" turned into "42% lower"
            a, b = 2 * unit_one - unit_one ** 2 / computed.low, 2 * unit_one - unit_one ** 2 / computed.high
            if _fits(stated, min(a, b), max(a, b), tol=MATCH_RELATIVE):
                out.append(Cause("inverted", "a percentage difference measured from the other side: the difference "
                                 f"relative to the denominator turned around (the arithmetic gives {computed.display()})",
                                 (), None))
    if comparison_kind in ("share", "change") and sides is not None:
        n, d = sides
        hundred = Derived.of(100.0, unit="percent").to(computed).low  # one whole in the claim's unit
        if comparison_kind == "share":
            a, b = hundred - computed.high, hundred - computed.low
            if _fits(stated, a, b, tol=MATCH_RELATIVE):
                out.append(Cause("complement", f"the complement: {_dtext(a, b, computed.unit)} is the rest, the stated "
                                 "value the part (or the reverse)", (), None))
        else:
            try:
                ratio = (n / d).to(computed)
                if _fits(stated, ratio.low, ratio.high, tol=MATCH_RELATIVE):
                    out.append(Cause("ratio-as-change", f"the ratio given as the change: the two sides are "
                                     f"{ratio.display()} of each other, so the change is {computed.display()}", (), None))
                if n.dimensionless and d.dimensionless:
                    points = (n - d).to(computed)
                    if _fits(stated, points.low, points.high, tol=MATCH_RELATIVE):
                        out.append(Cause("percent-points", "percentage points given as a percent change: the two "
                                         f"sides differ by {points.display()} points, a change of {computed.display()}",
                                         (), None))
            except (DeriveError, UnitError, ZeroDivisionError):
                pass
    if formula is not None and computed.low > 0:
        for name, v in values.items():
            if not (v.dimensionless or "/" in v.unit) or v.low <= 0:
                continue  # only a rate or a ratio can be used upside down
            flipped = dict(values)
            flipped[name] = Derived(1 / v.high if math.isfinite(v.high) else 0.0, 1 / v.low, v.unit, v.inputs,
                                    v.formula, v.size)
            try:
                again = formula.evaluate(flipped).to(computed)
            except (FormulaError, DeriveError, UnitError):
                continue
            if _fits(stated, again.low, again.high, tol=MATCH_RELATIVE):
                out.append(Cause("inverted", f"inverted input: with {name} = {v.formula} used upside down the "
                                 f"arithmetic gives {again.display()}, the stated value", tuple(v.inputs), None))
    return out


def _dtext(a: float, b: float, unit: str) -> str:
    return interval_text(Interval(min(a, b), max(a, b), unit))


def _periods(c: Claim, values: dict[str, Derived], kb: KnowledgeBase) -> list[Cause]:
    """Inputs that speak for different dates or periods (claims' as_of or period condition)."""
    whens: dict[str, object] = {}
    for v in values.values():
        for ident in v.inputs:
            rec = kb.claims_by_id.get(ident)
            if rec is None:
                continue
            w = rec.as_of if rec.as_of is not None else rec.conditions.get("period")
            if w is not None:
                whens[ident] = w
    items = sorted(whens.items(), key=lambda kv: (str(kv[1]), kv[0]))
    for i, (a, wa) in enumerate(items):
        for b, wb in items[i + 1:]:
            if not periods_overlap(wa, wb) and str(wa) != str(wb):
                text = ", ".join(f"{k} ({w})" for k, w in items)
                return [Cause("different-periods", f"figures from different periods: {text}", tuple(k for k, _ in items))]
    return []


# ---------------------------------------------------------------------- rules


def relation_invalid(kb: KnowledgeBase) -> Iterator[Finding]:
    """``relation-invalid``: a ``derived:`` relation that cannot be evaluated (error)."""
    for e in evaluate_derived(kb):
        if e.verdict != "not-evaluated" or e.error in (None, NO_VALUE):  # a claim without a value: its own findings say why
            continue
        yield cat.RELATION_INVALID.finding(f"{e.claim}: derived: {e.error}", e.path, e.line, (e.claim,), relation=e)


def arithmetic(cmp: Comparer) -> Iterator[Finding]:
    """``arithmetic``: a stated value that misses its own formula, or a comparison claim that
    misses what the article's own claims about its two sides give."""
    kb = cmp.kb
    for e in cmp.relations():
        if not e.misses or e.basis not in ("formula", "article"):
            continue
        c = kb.claims_by_id[e.claim]
        what = "its formula" if e.kind == "derived" else "the article's own figures for its two sides"
        msg = (f"{_what(kb, c)}: stated {e.stated} ({interval_text(e.stated_iv)}) misses what {what} give"
               f"{'s' if e.kind == 'derived' else ''}: {e.with_numbers} = {interval_text(e.computed)}, "
               f"{e.comparison.text()}")
        yield cat.ARITHMETIC.finding(msg, e.path, e.line, (e.claim,), comparisons=(e.comparison,), causes=e.causes,
                                     relation=e)


def comparison_references(cmp: Comparer) -> Iterator[Finding]:
    """``comparison-contradicts-references``: a ratio, share or change claim that misses what
    the reference values of its two sides give (or the article's value for one side and the
    references for the other)."""
    kb = cmp.kb
    for e in cmp.relations():
        if not e.misses or e.kind != "comparison" or e.basis == "article":
            continue
        c = kb.claims_by_id[e.claim]
        what = "the reference values of its two sides" if e.basis == "references" else \
            "the article's figure for one side and the reference values of the other"
        msg = (f"{_what(kb, c)}: stated {e.stated} ({interval_text(e.stated_iv)}) misses what {what} give: "
               f"{e.with_numbers} = {interval_text(e.computed)}, {e.comparison.text()}")
        yield cat.COMPARISON_REFERENCES.finding(msg, c.path, c.line, (c.id,), comparisons=(e.comparison,),
                                                causes=e.causes, relation=e)


def _what(kb: KnowledgeBase, c: Claim) -> str:
    ent = kb.entities.get(c.entity or "")
    name = ent.name if ent else c.entity
    head = f"{name} {property_name(kb, c.property)}"
    if c.numerator is not None and c.denominator is not None:
        prop = kb.properties.get(c.property or "")
        op = " − " if prop is not None and prop.comparison == "difference" else " / "
        head += f" ({_side(kb, c.numerator)}{op}{_side(kb, c.denominator)})"
    return head


def _side(kb: KnowledgeBase, t: Term) -> str:
    ent = kb.entities.get(t.entity or "")
    return f"{ent.name if ent else t.entity} {property_name(kb, t.property)}" + (f" {t.as_of}" if t.as_of else "")
