"""Integrity rules that need the whole knowledge base: links between records.

(Problems found while reading one file, such as YAML syntax, the schema, units, source
hashes and duplicate ids, are reported by the loader, :mod:`kb.store.load`.)
"""

from __future__ import annotations

import difflib
import math
import re
from typing import Iterator

from kb.core import catalogue as cat
from kb.core.findings import Finding
from kb.core.records import KnowledgeBase, Term, Value
from kb.rules.compare import period_range


def _suggest(name: str, known) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _values(kb: KnowledgeBase) -> Iterator[Value]:
    yield from kb.claims
    yield from kb.references


def _terms(kb: KnowledgeBase) -> Iterator[tuple[Value, str, Term]]:
    for c in (*kb.claims, *kb.references):
        for side in ("numerator", "denominator"):
            t = getattr(c, side)
            if t is not None:
                yield c, side, t


def unknown_entity(kb: KnowledgeBase) -> Iterator[Finding]:
    ents = kb.entities
    entity_keys = {k for k, spec in kb.conditions.items() if spec.values_from}
    for v in _values(kb):
        if v.entity is not None and v.entity not in ents:
            yield cat.UNKNOWN_ENTITY.finding(f"unknown entity {v.entity!r}{_suggest(v.entity, ents)}",
                                             v.path, v.line_of("entity"), (v.id,))
        for key in sorted(entity_keys & v.conditions.keys()):
            val = v.conditions[key]
            kind = kb.conditions[key].values_from
            target = ents.get(val)
            if target is None:
                yield cat.UNKNOWN_ENTITY.finding(f"condition {key}: unknown entity {val!r}{_suggest(val, ents)}",
                                                 v.path, v.line_of("conditions"), (v.id,))
            elif kind != "any" and target.kind != kind:
                yield cat.UNKNOWN_ENTITY.finding(f"condition {key}: {val!r} is a {target.kind}, not a {kind}",
                                                 v.path, v.line_of("conditions"), (v.id,))
    for c, side, t in _terms(kb):
        if t.entity is not None and t.entity not in ents:
            yield cat.UNKNOWN_ENTITY.finding(f"{side}: unknown entity {t.entity!r}{_suggest(t.entity, ents)}",
                                             c.path, t.line or c.line, (c.id,))
    for e in ents.values():
        for field in ("family", "vendor", "architecture"):
            ref = getattr(e, field)
            if ref is not None and ref not in ents:
                yield cat.UNKNOWN_ENTITY.finding(f"entity {e.id}: {field} {ref!r} is not in the registry{_suggest(ref, ents)}",
                                                 e.path, e.lines.get(field, e.line), (e.id,))
    yield from _family_cycles(kb)


def _family_cycles(kb: KnowledgeBase) -> Iterator[Finding]:
    """A `family` chain that comes back to where it started (H100 -> H100 SXM -> H100)."""
    reported: set[str] = set()
    for start in sorted(kb.entities):
        chain, e = [], kb.entities[start]
        while e is not None and e.family and e.id not in chain:
            chain.append(e.id)
            e = kb.entities.get(e.family)
        if e is not None and e.id in chain and e.id == start and start not in reported:
            cycle = chain[chain.index(e.id):]
            reported.update(cycle)
            ent = kb.entities[start]
            yield cat.UNKNOWN_ENTITY.finding(
                f"entity {start}: its family chain loops back on itself ({' -> '.join(cycle + [start])}); a family "
                "has no family of its own", ent.path, ent.lines.get("family", ent.line), tuple(cycle))


def unknown_property(kb: KnowledgeBase) -> Iterator[Finding]:
    for v in _values(kb):
        if v.property is not None and v.property not in kb.properties:
            yield cat.UNKNOWN_PROPERTY.finding(f"unknown property {v.property!r}{_suggest(v.property, kb.properties)}",
                                               v.path, v.line_of("property"), (v.id,))
    for c, side, t in _terms(kb):
        if t.property is not None and t.property not in kb.properties:
            yield cat.UNKNOWN_PROPERTY.finding(f"{side}: unknown property {t.property!r}{_suggest(t.property, kb.properties)}",
                                               c.path, t.line or c.line, (c.id,))


def unknown_condition(kb: KnowledgeBase) -> Iterator[Finding]:
    for v in _values(kb):
        if not v.conditions:
            continue  # (most records state none: nothing to look up)
        prop = kb.properties.get(v.property or "")
        if prop is None:
            continue
        yield from _conditions(kb, v, prop.id, prop.conditions, v.conditions, v.line_of("conditions"))
    for c, side, t in _terms(kb):
        prop = kb.properties.get(t.property or "")
        if prop is not None:
            yield from _conditions(kb, c, prop.id, prop.conditions, t.conditions, t.line or c.line)


#: A span of calendar periods ("2025-01/2025-09", "2023-2028"): its first period must not end
#: after its last.
_SPAN_RE = re.compile(r"^\d{4}(?:-[0-9QH]+)?/\d{4}(?:-[0-9QH]+)?$|^\d{4}-\d{4}$")


def _conditions(kb, v: Value, pid: str, allowed, conditions: dict, line: int) -> Iterator[Finding]:
    for key, val in conditions.items():
        spec = kb.conditions.get(key)
        if key not in allowed:
            yield cat.UNKNOWN_CONDITION.finding(
                f"{pid} takes no condition {key!r} (it takes: {', '.join(allowed) or 'none'}){_suggest(key, allowed)}",
                v.path, line, (v.id,))
        elif spec is not None:
            if spec.values is not None and val not in spec.values:
                yield cat.UNKNOWN_CONDITION.finding(
                    f"condition {key}: {val!r} is not one of {', '.join(spec.values)}{_suggest(val, spec.values)}",
                    v.path, line, (v.id,))
            elif spec.pattern is not None and not re.match(spec.pattern, val):
                yield cat.UNKNOWN_CONDITION.finding(
                    f"condition {key}: {val!r} does not have the form {', '.join(spec.examples or (spec.pattern,))}",
                    v.path, line, (v.id,))
            elif _SPAN_RE.match(str(val)) and period_range(val) is None:
                yield cat.UNKNOWN_CONDITION.finding(
                    f"condition {key}: {val!r} ends before it begins (a span is written first/last)",
                    v.path, line, (v.id,))


def categorical_values(kb: KnowledgeBase) -> Iterator[Finding]:
    """A categorical value must name an entity of the right kind, and take no unit."""
    for v in _values(kb):
        prop = kb.properties.get(v.property or "")
        if prop is None or prop.type != "categorical" or not isinstance(v.value, str):
            continue
        if v.unit is not None:
            yield cat.UNIT_DIMENSION.finding(f"{v.property} is categorical and takes no unit (got {v.unit!r})",
                                             v.path, v.line_of("unit"), (v.id,))
        target = kb.entities.get(v.value)
        if prop.values_from and (target is None or target.kind != prop.values_from):
            yield cat.UNIT_DIMENSION.finding(
                f"{v.property} must name an entity of kind {prop.values_from}; {v.value!r} is "
                + ("not in the registry" if target is None else f"a {target.kind}"), v.path, v.line_of("value"), (v.id,))


def quote_not_found(kb: KnowledgeBase) -> Iterator[Finding]:
    for c in kb.claims:
        src = kb.sources.get(c.source or "")
        if src is None or src.text is None or c.quote is None:
            continue
        text = src.text
        if c.start is not None and c.end is not None and text[c.start:c.end] == c.quote:
            continue
        pos = text.find(c.quote)
        if pos < 0:
            msg = f"quote not found in {src.text_path}: {c.quote[:60]!r}"
        else:
            msg = f"quote found at {pos}–{pos + len(c.quote)} in {src.text_path}, not at the recorded {c.start}–{c.end}"
        yield cat.QUOTE_NOT_FOUND.finding(msg, c.path, c.line_of("quote"), (c.id,))


def quote_value(kb: KnowledgeBase) -> Iterator[Finding]:
    """The claim's number must be one the quote states (see the catalogue)."""
    from kb.core.quotenumbers import durations_in_minutes, durations_in_seconds, plain_numbers_in, quantities_in
    from kb.core.units import UnitError, conversion_factor

    for c in kb.claims:
        if not c.ok or c.quote is None or isinstance(c.value, str) or c.derived is not None:
            continue
        prop = kb.properties.get(c.property or "")
        if prop is None or prop.type == "categorical":
            continue
        stated = [c.low, c.high] if c.qualifier == "range" else [c.value]
        if any(x is None or not math.isfinite(x) for x in stated):
            continue  # (a NaN or an infinity is a schema finding at load: no number for a quote to state)
        if all(any(_has_number(c.quote, t) for t in _written_forms(x)) for x in stated):
            continue  # the common case: the number is there as written (a string search)
        digits = plain_numbers_in(c.quote)
        if digits and all(_said(x, digits, exact=True) for x in stated):
            continue
        found = quantities_in(c.quote)
        if not found:
            continue  # a quote without a number (a claim read from context) has nothing to compare
        plain = sorted({v for v, _ in found})
        canonical = []
        if c.interval is not None and c.unit:
            try:
                f = conversion_factor(c.unit, c.interval.unit)
                canonical = [(x * f, [v * conversion_factor(u, c.interval.unit) for v, u in found
                                      if u and _convertible(u, c.interval.unit)]) for x in stated]
            except UnitError:
                canonical = []
        missing = [x for i, x in enumerate(stated)
                   if not _said(x, plain) and not (canonical and _said(canonical[i][0], canonical[i][1], exact=True))]
        if missing and c.unit and ("h" in c.quote or "H" in c.quote):
            # "2h 10min" is 130 minutes: a duration in two units, read as the drafts read it
            spans = durations_in_minutes(c.quote)
            if spans and _convertible(c.unit, "minute"):
                f = conversion_factor(c.unit, "minute")
                missing = [x for x in missing if not _said(x * f, spans, exact=True)]
        if missing and c.unit and ("s" in c.quote or "S" in c.quote):
            # "13min 13s" is 793 seconds: a duration in minutes and seconds, read as the drafts read it
            spans = durations_in_seconds(c.quote)
            if spans and _convertible(c.unit, "second"):
                f = conversion_factor(c.unit, "second")
                missing = [x for x in missing if not _said(x * f, spans, exact=True)]
        if missing:
            said = ", ".join(_fmt(x) for x in plain[:6])
            yield cat.QUOTE_VALUE.finding(
                f"the record says {c.display()} but its quote says {said}: {c.quote[:80]!r}",
                c.path, c.line_of("high" if c.qualifier == "range" and missing == [c.high] else
                                  "low" if c.qualifier == "range" else "value"), (c.id,))


def _has_number(text: str, form: str) -> bool:
    """``form`` stands in ``text`` as a whole number (not inside "1700" or "7000")."""
    i = text.find(form)
    while i >= 0:
        before = text[i - 1] if i else " "
        j = i + len(form)
        after = text[j] if j < len(text) else " "
        if not (before.isdigit() or before in ".,") and not (after.isdigit() or (after in ".," and j + 1 < len(text)
                                                                               and text[j + 1].isdigit())):
            return True
        i = text.find(form, i + 1)
    return False


#: (type, value) -> :func:`_written_forms` of it: a check asks for ~9,000 values, many repeated
_FORMS: dict[tuple, tuple[str, ...]] = {}


def _written_forms(x: float) -> tuple[str, ...]:
    """:func:`_forms_of` ``x``, remembered per type and value (an int and the equal float are
    written differently; a zero, whose sign is written, and a NaN are not remembered)."""
    if x == 0 or x != x:
        return _forms_of(x)
    key = (type(x), x)
    try:
        hit = _FORMS.get(key)
    except TypeError:  # (an unhashable value: nothing to remember it by)
        return _forms_of(x)
    if hit is None:
        if len(_FORMS) >= 65536:
            _FORMS.clear()
        hit = _FORMS[key] = _forms_of(x)
    return hit


def _forms_of(x: float) -> tuple[str, ...]:
    """How a number is usually written: ``700``, ``2.5``, ``1,000``, ``1.34e-05``; below 1000, also
    with a decimal comma, as tables in continental style write it (``0,5``, ``15,9``, ``3,0``: a
    thousands separator is followed by three digits, which _has_number does not take as the end).
    A NaN or an infinity has none: no quote writes it as a number."""
    if not math.isfinite(x):
        return ()
    forms = {f"{x:g}", repr(x)}
    if x == int(x) and abs(x) < 1e15:
        forms |= {str(int(x)), f"{int(x):,}"}
        if abs(x) < 1000:
            forms.add(f"{int(x)},0")
    elif abs(x) >= 1000:
        forms.add(f"{x:,}")
    else:
        forms.add(f"{x:g}".replace(".", ","))
    return tuple(f for f in forms if f)


def _convertible(unit: str, canonical: str) -> bool:
    from kb.core.units import UnitError, conversion_factor

    try:
        conversion_factor(unit, canonical)
        return True
    except UnitError:
        return False


def _fmt(x: float) -> str:
    return f"{x:,.6g}"


def _said(x: float, found: list[float], exact: bool = False) -> bool:
    """Is ``x`` one of the quote's numbers, as written or as a curator records it?"""
    def eq(a: float, b: float) -> bool:
        return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1e-12)

    if exact:
        return any(eq(x, y) for y in found)
    for y in found:
        # as written; a percentage as a fraction, a ratio or a change; a multiple as a change
        candidates = (y, -y, y / 100, -y / 100, 1 + y / 100, 1 - y / 100, 100 * y, (y - 1) * 100, (1 - y) * 100)
        if any(eq(x, v) for v in candidates):
            return True
        if y and eq(x, 1 / y):  # a ratio the other way round ("10x cheaper")
            return True
    # a ratio of two of the quote's numbers ("750 words per 1,000 tokens" as tokens per word, "1/3")
    return any(b and (eq(round(x, 3), round(a / b, 3)) or eq(round(x, 1), round(100 * a / b, 1)))
               for a in found for b in found if a != b)
