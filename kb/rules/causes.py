"""Likely causes: why a value probably went wrong, from what it equals elsewhere in the data.

Every cause is a :class:`~kb.core.findings.Cause` value (its kind, the references it points
at, a sentence). Nothing here names an article, an entity or a value: the candidates come
from the registry (families, variants, kinds), the vocabulary (canonical units), the
condition keys (their ``mixup`` words and ``ratio`` factors) and the reference values.
"""

from __future__ import annotations

import math
from typing import Iterable

from kb.core.findings import Cause
from kb.core.intervals import Interval, value_ratio
from kb.core.records import KnowledgeBase, Reference, Value, date_of
from kb.core.text import conditions_text
from kb.rules.compare import Comparer

#: A factor of 10^k counts as a scale slip when the ratio is within this factor of it.
SCALE_SLACK = 2.0
SCALES = {3: "a thousand", 6: "a million", 9: "a billion"}
#: A value this close (relative) to k times an expected one is "about k times" it.
FACTOR_SLACK = 0.1


def describe_reference(kb: KnowledgeBase, r: Reference, with_entity: bool = True) -> str:
    """``NVIDIA H100 SXM's peak arithmetic throughput (fp16 · tensor · dense) (989.4 TFLOPS)``."""
    ent = kb.entities.get(r.entity)
    name = ent.name if ent else r.entity
    prop = kb.properties.get(r.property)
    cond = conditions_text(r.conditions, kb.conditions, prop.conditions if prop else ())
    when = f", valid until {r.valid_to}" if r.valid_to is not None else ""
    est = f", an estimate by {r.estimate_by}" if r.estimate_by else ""
    head = f"{name}'s " if with_entity else ""
    return f"{head}{property_name(kb, r.property)}{f' ({cond})' if cond else ''} ({r.display()}{when}{est})"


def property_name(kb: KnowledgeBase, pid: str | None) -> str:
    p = kb.properties.get(pid or "")
    return p.name.lower() if p else str(pid)


def stated_interval(v: Value) -> Interval:
    """The interval with an open end closed at the stated bound ("over 0.03" → 0.03)."""
    iv = v.interval
    if iv.open_high:
        return Interval(iv.low, iv.low, iv.unit)
    if iv.low <= 0 < iv.high and v.qualifier == "upper_bound":
        return Interval(iv.high, iv.high, iv.unit)
    return iv


def _join(kb: KnowledgeBase, refs: list[Reference], near: Interval, limit: int = 3) -> str:
    def closeness(r: Reference) -> float:
        return abs(math.log(max(value_ratio(near.bounds, r.interval.bounds), 1e-300)))

    refs = sorted(refs, key=lambda r: (round(closeness(r), 3), r.estimate_by is not None, r.entity, r.id))
    text = "; ".join(describe_reference(kb, r) for r in refs[:limit])
    if len(refs) > limit:
        text += f"; and {len(refs) - limit} more"
    return text


def _ordered(refs: list[Reference], near: Interval) -> tuple[str, ...]:
    return tuple(r.id for r in sorted(refs, key=lambda r: (abs(math.log(max(value_ratio(near.bounds, r.interval.bounds),
                                                                               1e-300))), r.id)))


def likely_causes(cmp: Comparer, v: Value, expected: Iterable[Reference] = ()) -> list[Cause]:
    """Why ``v`` probably missed, in order: another variant's value, the value for other
    conditions of the same entity (precision, sparsity, input/output...), a value no longer
    in force, another property of the same entity, another entity's value (misattribution),
    a scale slip (10^3, 10^6, 10^9) against the expected values, and a factor that a
    condition key is known to make (sparse = 2 x dense)."""
    kb = cmp.kb
    if v.interval is None:
        return []
    iv = stated_interval(v)
    causes: list[Cause] = []
    if cmp.is_comparison(v):
        # a ratio, share or change equals other comparisons' values only by chance: only the
        # expected values (references with the same two sides) say anything
        expected = [r for r in expected if r.interval is not None]
        return scale_causes(kb, v, iv, expected) if expected else []
    ent = kb.entities.get(v.entity or "")
    is_family = bool(ent and ent.variants)
    siblings = cmp.siblings(v.entity)
    related = set(cmp.related_entities(v.entity))
    when = date_of(getattr(v, "as_of", None))
    kind = cmp.kind_of(v.entity)
    variant_hits, condition_hits, outdated_hits, other_entity_hits = [], [], [], []
    seen: set[str] = set()
    avg = cmp.averaged(v)  # an average fits a capacity or a rating only by a coincidence of units
    for r in cmp.near(v.property, iv.low, iv.high):
        if r.id in seen or cmp.averaged(r) != avg:
            continue
        seen.add(r.id)
        same_conditions = cmp.fits(v, r)
        current = cmp.in_force(r, when)
        if r.entity in related and r.entity != v.entity and same_conditions and current and r.entity in siblings:
            if not is_family:  # for a family claim, "fits <variant>" says it already
                variant_hits.append(r)
        elif r.entity in related and not same_conditions:
            condition_hits.append(r)
        elif r.entity in related and same_conditions and not current:
            outdated_hits.append(r)
        elif r.entity not in related and same_conditions and cmp.kind_of(r.entity) == kind:
            other_entity_hits.append(r)
    if variant_hits:
        causes.append(Cause("other-variant", "matches another variant: " + _join(kb, variant_hits, iv),
                            _ordered(variant_hits, iv)))
    if condition_hits:
        keys = sorted({k for r in condition_hits for k in cmp.differing_keys(cmp.read_conditions(v, r), r.conditions)})
        label = ", ".join(_mixup(kb, k) for k in keys) or "another condition"
        causes.append(Cause("other-conditions", f"equals a value for other conditions ({label}): "
                            + _join(kb, condition_hits, iv), _ordered(condition_hits, iv)))
    if outdated_hits:
        causes.append(Cause("outdated", "an outdated value: " + _join(kb, outdated_hits, iv), _ordered(outdated_hits, iv)))
    prop = kb.properties.get(v.property or "")
    if prop is not None:
        for other in cmp.properties_in(prop.canonical_unit):  # (kb.properties' order)
            if other.id == v.property:
                continue
            hits = [r for r in cmp.near(other.id, iv.low, iv.high) if r.entity in related and cmp.averaged(r) == avg]
            if hits:
                causes.append(Cause("other-property", f"equals another property of the same entity ({other.name.lower()}): "
                                    + _join(kb, hits, iv), _ordered(hits, iv)))
    if other_entity_hits:
        causes.append(Cause("other-entity", "equals another entity's value (a misattribution?): "
                            + _join(kb, other_entity_hits, iv), _ordered(other_entity_hits, iv)))
    expected = [r for r in expected if r.interval is not None]
    if expected:
        causes.extend(scale_causes(kb, v, iv, expected))
        causes.extend(factor_causes(kb, v, iv, expected))
    return causes


def _mixup(kb: KnowledgeBase, key: str) -> str:
    spec = kb.conditions.get(key)
    return spec.mixup if spec is not None and spec.mixup else key.replace("_", " ")


def scale_slip_words(v: Value, k: int, too_large: bool) -> str:
    """How a factor of 10^k is usually made for this value's unit."""
    per_token = bool(v.unit and "token" in v.unit and v.interval is not None and "token" in v.interval.unit)
    if per_token and too_large:
        return {3: "a price per 1K tokens quoted as a price per token",
                6: "a price per 1M tokens quoted as a price per token"}.get(k, "a scale slip")
    if per_token:
        return {3: "a price per token quoted as a price per 1K tokens",
                6: "a price per token quoted as a price per 1M tokens"}.get(k, "a scale slip")
    return "a thousand/million/billion slip"


def scale_causes(kb: KnowledgeBase, v: Value, iv: Interval, expected: list[Reference]) -> list[Cause]:
    out = []
    for k, word in SCALES.items():
        for sign in (1, -1):
            f = 10.0 ** (sign * k)
            shifted = Interval(iv.low / f, iv.high / f, iv.unit)
            # (outwards on both sides: for a negative range, low / slack would pass its high)
            widened = Interval(min(shifted.low / SCALE_SLACK, shifted.low * SCALE_SLACK),
                               max(shifted.high * SCALE_SLACK, shifted.high / SCALE_SLACK), iv.unit)
            hits = [r for r in expected if widened.overlaps(r.interval)]
            if not hits:
                continue
            direction = "times too large" if sign > 0 else "times too small"
            out.append(Cause("scale-slip", f"about {word} {direction} ({scale_slip_words(v, k, sign > 0)}): divided by "
                             f"10^{k * sign} it fits " + _join(kb, hits, shifted, limit=2), _ordered(hits, shifted), f))
    return out


def factor_causes(kb: KnowledgeBase, v: Value, iv: Interval, expected: list[Reference]) -> list[Cause]:
    """A value about k times an expected one, where a condition key the property takes is
    known to make a factor k (``ratio`` in datasets/conditions.yaml: sparse = 2 x dense)."""
    prop = kb.properties.get(v.property or "")
    if prop is None:
        return []
    out = []
    for key in prop.conditions:
        spec = kb.conditions.get(key)
        ratio = spec.ratio if spec is not None else None
        if not ratio:
            continue
        for r in sorted(expected, key=lambda r: r.id):
            x = value_ratio(iv.bounds, r.interval.bounds)
            for k, d in ((ratio, "above"), (1 / ratio, "below")):
                if abs(x / k - 1) <= FACTOR_SLACK:
                    out.append(Cause("factor-two" if ratio == 2 else "other-conditions",
                                     f"about {ratio:g}x {d} {describe_reference(kb, r)}: {_mixup(kb, key)}?", (r.id,), k))
                    return out
    return out
