"""Content rules: conflicts between articles, contradictions of references, implausible values.

Everything here is driven by data: the registry (families, variants, kinds, vendor and
architecture fields), the property vocabulary (canonical units, plausible ranges) and the
reference values with their validity dates. No rule, tolerance or cause names an article,
an entity or a value.

Comparisons never take all pairs. Claims are grouped by (entity, property, conditions) and
sorted by their interval's lower end; a sweep finds the gaps between clusters of
overlapping claims (O(n log n)). References are indexed by (entity, property) and, for
likely causes, by property with intervals sorted for bisection.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import math
from collections import defaultdict
from typing import Iterable, Iterator

from kb.core.intervals import gap_ratio, overlaps, value_ratio
from kb.core.records import Claim, Finding, KnowledgeBase, Reference, Value, format_number
from kb.rules.integrity import rule

#: A likely cause counts two values as equal when they are within this relative distance
#: (datasheets round: 1,979 vs 1978.9; "32K" vs 32,768).
MATCH_RELATIVE = 0.05
#: A factor of 10^k counts as a scale slip when the ratio is within this factor of it.
SCALE_SLACK = 2.0
SCALES = {3: "a thousand", 6: "a million", 9: "a billion"}

_SEVERITY = "warning"


# ------------------------------------------------------------------------ indexes


class _Index:
    """Lookups over references, built once per check."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.by_entity_prop: dict[tuple[str, str], list[Reference]] = defaultdict(list)
        self.by_prop: dict[str, list[Reference]] = defaultdict(list)
        for r in kb.references:
            if r.ok and r.canonical_low is not None and r.entity in kb.entities:
                self.by_entity_prop[(r.entity, r.property)].append(r)
                self.by_prop[r.property].append(r)
        self.sorted_prop: dict[str, tuple[list[float], list[Reference], float]] = {}
        for prop, refs in self.by_prop.items():
            refs = sorted(refs, key=lambda r: (r.canonical_low, r.id))
            widths = [r.canonical_high - r.canonical_low for r in refs if math.isfinite(r.canonical_high)]
            self.sorted_prop[prop] = ([r.canonical_low for r in refs], refs, max(widths, default=0.0))
        self.members_of_kind: dict[str, set[str]] = defaultdict(set)
        for e in kb.entities.values():
            self.members_of_kind[e.kind].add(e.id)

    def related_entities(self, entity_id: str) -> list[str]:
        """The entity, its variants (for a family) or its family (for a variant)."""
        ent = self.kb.entities.get(entity_id)
        if ent is None:
            return []
        out = [entity_id, *ent.variants]
        if ent.family:
            out.append(ent.family)
        if ent.class_of:
            out.extend(sorted(self.members_of_kind.get(ent.class_of, ())))
        return out

    def siblings(self, entity_id: str) -> set[str]:
        """Entities in the same family (a variant's siblings, a family's variants)."""
        ent = self.kb.entities.get(entity_id)
        if ent is None:
            return set()
        fam = ent.family or entity_id
        fam_ent = self.kb.entities.get(fam)
        return {fam, *(fam_ent.variants if fam_ent else [])}

    def near(self, prop: str, lo: float, hi: float) -> Iterator[Reference]:
        """References of ``prop`` whose interval overlaps [lo, hi] widened by MATCH_RELATIVE."""
        entry = self.sorted_prop.get(prop)
        if entry is None:
            return
        lows, refs, width = entry
        qlo, qhi = lo * (1 - MATCH_RELATIVE), hi * (1 + MATCH_RELATIVE)
        i = bisect.bisect_right(lows, qhi)
        floor = qlo - width
        while i > 0:
            i -= 1
            r = refs[i]
            if r.canonical_low < floor and math.isfinite(r.canonical_high):
                break
            if r.canonical_high >= qlo:
                yield r


def compatible(a: dict[str, str], b: dict[str, str]) -> bool:
    """No condition key with different values (a key one side leaves out matches any)."""
    if len(a) > len(b):
        a, b = b, a
    for k, v in a.items():
        w = b.get(k)
        if w is not None and w != v:
            return False
    return True


def as_date(x) -> _dt.date | None:
    if isinstance(x, _dt.datetime):
        return x.date()
    if isinstance(x, _dt.date):
        return x
    if isinstance(x, str):
        try:
            return _dt.date.fromisoformat(x[:10]) if len(x) >= 10 else _dt.date(int(x[:4]), 12, 31)
        except ValueError:
            return None
    if isinstance(x, int):
        return _dt.date(x, 12, 31)
    return None


def in_force(r: Reference, when: _dt.date | None) -> bool:
    """Is the reference in force at the claim's date? Without a date: is it current?"""
    frm, to = as_date(r.valid_from), as_date(r.valid_to)
    if when is None:
        return to is None
    return (frm is None or frm <= when) and (to is None or when < to)


def related_entities(kb: KnowledgeBase, entity_id: str) -> list[str]:
    """The entity, its variants (for a family), its family (for a variant), and for a class
    every entity of its kind: the entities whose references can apply to a claim."""
    return _index(kb).related_entities(entity_id)


def comparable_references(kb: KnowledgeBase, v: Value, current: bool = True) -> list[Reference]:
    """The references a claim is checked against: same property, a related entity,
    compatible conditions and, with ``current``, in force at the claim's date (without a
    date: the current values)."""
    idx = _index(kb)
    when = as_date(getattr(v, "as_of", None))
    return [r for e in idx.related_entities(v.entity) for r in idx.by_entity_prop.get((e, v.property), ())
            if compatible(v.conditions, r.conditions) and (not current or in_force(r, when))]


def _iv(v: Value) -> tuple[float, float]:
    return (v.canonical_low, v.canonical_high)


def _describe_ref(kb: KnowledgeBase, r: Reference, with_entity: bool = True) -> str:
    ent = kb.entities.get(r.entity)
    name = ent.name if ent else r.entity
    cond = _cond_text(r.conditions)
    when = ""
    if r.valid_to is not None:
        when = f", valid until {r.valid_to}"
    est = f", an estimate by {r.estimate_by}" if r.estimate_by else ""
    head = f"{name}'s " if with_entity else ""
    return f"{head}{_prop_name(kb, r.property)}{cond} ({r.display()}{when}{est})"


def _cond_text(cond: dict[str, str]) -> str:
    keep = [v for k, v in sorted(cond.items()) if k not in ("scope",)]
    return f" {'/'.join(keep).upper() if keep else ''}".rstrip() if keep else ""


def _prop_name(kb: KnowledgeBase, pid: str) -> str:
    p = kb.properties.get(pid)
    return p.name.lower() if p else pid


def _fmt_iv(iv: tuple[float, float], unit: str) -> str:
    lo, hi = iv
    if math.isinf(hi):
        return f"≥ {format_number(_round(lo))} {unit}"
    if lo <= 0:
        return f"≤ {format_number(_round(hi))} {unit}"
    if abs(hi - lo) <= 1e-9 * max(abs(hi), 1):
        return f"{format_number(_round(lo))} {unit}"
    return f"{format_number(_round(lo))}–{format_number(_round(hi))} {unit}"


def _round(x: float) -> float:
    if x == 0 or not math.isfinite(x):
        return x
    return float(f"{x:.4g}")


# ------------------------------------------------------------------------ likely causes


def likely_causes(kb: KnowledgeBase, idx: _Index, v: Value, expected: Iterable[Reference] = ()) -> list[str]:
    """Why a value probably went wrong, from what it equals elsewhere in the data.

    In order: another variant's value, another condition's value of the same entity
    (precision, sparsity, input/output), another property's value of the same entity, an
    outdated value, another entity's value (misattribution), a scale slip (10^3, 10^6,
    10^9) against the expected values, a factor of about 2 (sparse vs dense).
    """
    if v.canonical_low is None:
        return []
    iv = _stated_iv(v)
    causes: list[str] = []
    is_family = bool(kb.entities[v.entity].variants) if v.entity in kb.entities else False
    siblings = idx.siblings(v.entity) if v.entity else set()
    related = set(idx.related_entities(v.entity)) if v.entity else set()
    when = as_date(getattr(v, "as_of", None))
    seen_refs: set[str] = set()
    variant_hits, condition_hits, outdated_hits, other_entity_hits = [], [], [], []
    for r in idx.near(v.property, *iv):
        if r.id in seen_refs:
            continue
        seen_refs.add(r.id)
        same_conditions = compatible(v.conditions, r.conditions)
        current = in_force(r, when)
        if r.entity in related and r.entity != v.entity and same_conditions and current and r.entity in siblings:
            if not is_family:  # for a family claim, "fits <variant>" says it already
                variant_hits.append(r)
        elif r.entity in related and not same_conditions:
            condition_hits.append(r)
        elif r.entity in related and same_conditions and not current:
            outdated_hits.append(r)
        elif r.entity not in related and same_conditions and kb.entities[r.entity].kind == _kind(kb, v.entity):
            other_entity_hits.append(r)
    if variant_hits:
        causes.append("matches another variant: " + _join(kb, variant_hits, near=iv))
    if condition_hits:
        diff = sorted({k for r in condition_hits for k in r.conditions if r.conditions.get(k) != v.conditions.get(k, r.conditions.get(k))}
                      | {k for r in condition_hits for k in r.conditions if k in v.conditions and r.conditions[k] != v.conditions[k]})
        what = {"precision": "a precision mix-up", "sparsity": "sparse vs dense", "core": "tensor vs vector units",
                "direction": "input vs output price", "scope": "per GPU vs per board pair or node"}
        label = ", ".join(what.get(k, k) for k in diff) or "another condition"
        causes.append(f"equals a value for other conditions ({label}): " + _join(kb, condition_hits, near=iv))
    if outdated_hits:
        causes.append("an outdated value: " + _join(kb, outdated_hits, near=iv))
    # another property of the same entity with the same dimensionality
    prop = kb.properties.get(v.property)
    if prop is not None:
        for other in kb.properties.values():
            if other.id == v.property or other.canonical_unit != prop.canonical_unit:
                continue
            hits = [r for r in idx.near(other.id, *iv) if r.entity in related]
            if hits:
                causes.append(f"equals another property of the same entity ({other.name.lower()}): " + _join(kb, hits, near=iv))
    if other_entity_hits:
        causes.append("equals another entity's value (a misattribution?): " + _join(kb, other_entity_hits, near=iv))
    expected = [r for r in expected if r.canonical_low is not None]
    if expected:
        causes.extend(_scale_causes(kb, idx, v, expected))
    return causes


def _stated_iv(v: Value) -> tuple[float, float]:
    """The interval, with an open end closed at the stated bound ("over 0.03" → 0.03)."""
    lo, hi = _iv(v)
    if math.isinf(hi):
        return (lo, lo)
    if lo <= 0 < hi and v.qualifier == "upper_bound":
        return (hi, hi)
    return (lo, hi)


def _kind(kb: KnowledgeBase, entity_id: str | None) -> str | None:
    e = kb.entities.get(entity_id or "")
    if e is None:
        return None
    return e.class_of or e.kind


def _join(kb: KnowledgeBase, refs: list[Reference], limit: int = 3, near: tuple[float, float] | None = None) -> str:
    def closeness(r: Reference) -> float:
        return abs(math.log(max(value_ratio(near, _iv(r)), 1e-300))) if near else 0.0

    refs = sorted(refs, key=lambda r: (round(closeness(r), 3), r.estimate_by is not None, r.entity, r.id))
    text = "; ".join(_describe_ref(kb, r) for r in refs[:limit])
    if len(refs) > limit:
        text += f"; and {len(refs) - limit} more"
    return text


def _scale_causes(kb: KnowledgeBase, idx: _Index, v: Value, expected: list[Reference]) -> list[str]:
    iv = _stated_iv(v)
    out = []
    unit = kb.properties[v.property].canonical_unit or ""
    per_token = "token" in unit and v.unit and "token" in v.unit
    for k, word in SCALES.items():
        for sign in (1, -1):
            f = 10.0 ** (sign * k)
            shifted = (iv[0] / f, iv[1] / f)
            widened = (shifted[0] / SCALE_SLACK, shifted[1] * SCALE_SLACK)
            hits = [r for r in expected if overlaps(widened, _iv(r))]
            if not hits:
                continue
            direction = "times too large" if sign > 0 else "times too small"
            if per_token and sign > 0:
                how = {3: "a price per 1K tokens quoted as a price per token",
                       6: "a price per 1M tokens quoted as a price per token"}.get(k, "a scale slip")
            elif per_token:
                how = {3: "a price per token quoted as a price per 1K tokens",
                       6: "a price per token quoted as a price per 1M tokens"}.get(k, "a scale slip")
            else:
                how = "a thousand/million/billion slip"
            out.append(f"about {word} {direction} ({how}): divided by 10^{k * sign} it fits "
                       + _join(kb, hits, limit=2, near=shifted))
    lo, hi = iv
    for r in expected:
        ratio = value_ratio(iv, _iv(r))
        if 1.8 <= ratio <= 2.2 or 1 / 2.2 <= ratio <= 1 / 1.8:
            if kb.properties[v.property].conditions and "sparsity" in kb.properties[v.property].conditions:
                out.append(f"about 2x {'above' if ratio > 1 else 'below'} {_describe_ref(kb, r)}: sparse vs dense?")
                break
    return out


# ------------------------------------------------------------------------ rules


@rule("contradicts-reference", severity=_SEVERITY, kind="content")
def contradicts_reference(kb: KnowledgeBase):
    """A claim misses every reference value that applies to it.

    The references that apply are those of the claim's entity, of its variants (for a
    family) or its family (for a variant), or of every member (for a class such as "large
    language models"), for the same property, with compatible conditions, in force at the
    claim's date (without a date: the current values). A family claim that fits one variant
    only is not a contradiction. Categorical claims (architecture, vendor) are compared with
    the registry. Against third-party estimates only, the finding is `info`.
    """
    idx = _index(kb)
    for c in kb.claims:
        if not c.ok or c.entity not in kb.entities or c.property not in kb.properties:
            continue
        if isinstance(c.value, str):
            yield from _categorical(kb, c)
            continue
        if c.canonical_low is None:
            continue
        cands = comparable_references(kb, c)
        if not cands:
            continue
        iv = _iv(c)
        if any(overlaps(iv, _iv(r)) for r in cands):
            continue
        nearest = min(cands, key=lambda r: (abs(math.log(max(value_ratio(iv, _iv(r)), 1e-300))), r.id))
        unit = c.canonical_unit
        ratio = gap_ratio(iv, _iv(nearest))
        estimates_only = all(r.estimate_by for r in cands)
        ent = kb.entities[c.entity]
        many = len(cands) > 1
        msg = (f"{ent.name} {_prop_name(kb, c.property)}: stated {c.display()} ({_fmt_iv(iv, unit)}) misses "
               f"{'all ' + str(len(cands)) + ' reference values' if many else 'the reference value'}; nearest: "
               f"{_describe_ref(kb, nearest)}, {_ratio_text(ratio, iv, _iv(nearest))}")
        causes = likely_causes(kb, idx, c, cands)
        yield Finding(
            "contradicts-reference", "info" if estimates_only else _SEVERITY, msg, c.path, c.line, [c.id],
            evidence={"claim": _ev(c), "reference": _ev(nearest), "ratio": _round(ratio),
                      "references_compared": len(cands)},
            likely_cause="; ".join(causes) if causes else None,
        )


def _categorical(kb: KnowledgeBase, c: Claim) -> Iterator[Finding]:
    prop = kb.properties[c.property]
    ent = kb.entities[c.entity]
    field = prop.registry_field
    if not field:
        return
    expected = getattr(ent, field, None)
    if expected is None and ent.variants:
        vals = {getattr(kb.entities[v], field, None) for v in ent.variants if v in kb.entities}
        expected = vals.pop() if len(vals) == 1 else None
    if expected is None or expected == c.value:
        return
    holders = sorted(e.name for e in kb.entities.values() if getattr(e, field, None) == c.value and e.kind == ent.kind and not e.family)
    exp_name = kb.entities[expected].name if expected in kb.entities else expected
    got_name = kb.entities[c.value].name if c.value in kb.entities else c.value
    cause = None
    if holders:
        cause = f"{got_name} is the {field} of {', '.join(holders[:3])}: another entity's value (a misattribution?)"
    elif c.value in kb.entities and kb.entities[c.value].kind == "organisation":
        cause = f"{got_name} is named beside {ent.name} in the text but is not its {field}"
    yield Finding(
        "contradicts-reference", _SEVERITY,
        f"{ent.name} {prop.name.lower()}: stated {got_name}, the registry says {exp_name}",
        c.path, c.line, [c.id],
        evidence={"claim": {"id": c.id, "value": c.value}, "reference": {"entity": ent.id, "field": field, "value": expected}},
        likely_cause=cause,
    )


@rule("conflict", severity=_SEVERITY, kind="content")
def conflict(kb: KnowledgeBase):
    """Claims from different sources about the same entity, property and conditions disagree.

    Claims are grouped by (entity, property, conditions) and sorted; a sweep finds the gaps
    between clusters of overlapping intervals, and each gap with claims from different
    sources on its two sides is one finding, naming the claims nearest the gap. For a
    family, the likely cause says which variant each side fits.
    """
    idx = _index(kb)
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for c in kb.claims:
        if c.ok and c.canonical_low is not None and c.entity in kb.entities:
            groups[(c.entity, c.property, tuple(sorted(c.conditions.items())))].append(c)
    for (entity, prop, _cond), claims in groups.items():
        if len(claims) < 2 or len({c.source for c in claims}) < 2:
            continue
        claims.sort(key=lambda c: (c.canonical_low, c.canonical_high, c.id))
        clusters: list[list[Claim]] = [[claims[0]]]
        reach = claims[0].canonical_high
        for c in claims[1:]:
            if c.canonical_low <= reach:
                clusters[-1].append(c)
                reach = max(reach, c.canonical_high)
            else:
                clusters.append([c])
                reach = c.canonical_high
        for lower, upper in zip(clusters, clusters[1:]):
            # the claims nearest the gap that come from different sources
            near_lower = sorted(lower, key=lambda c: (-c.canonical_high, c.id))
            near_upper = sorted(upper, key=lambda c: (c.canonical_low, c.id))
            pair = next(((x, y) for x in near_lower for y in near_upper if x.source != y.source), None)
            if pair is None:
                continue  # both sides from one article: not a conflict between articles
            a, b = pair
            yield _conflict_finding(kb, idx, entity, prop, a, b, lower, upper)


def _conflict_finding(kb, idx, entity, prop, a: Claim, b: Claim, lower, upper) -> Finding:
    ratio = gap_ratio(_iv(a), _iv(b))
    unit = a.canonical_unit
    ent = kb.entities[entity]
    msg = (f"{ent.name} {_prop_name(kb, prop)}: {a.display()} ({a.source}) vs {b.display()} ({b.source}) — "
           f"{_fmt_iv(_iv(a), unit)} and {_fmt_iv(_iv(b), unit)} do not overlap, {_ratio_text(ratio, _iv(a), _iv(b))}")
    causes = []
    for side in (a, b):
        fits = _fitting_variants(kb, idx, side)
        more = likely_causes(kb, idx, side, ())
        bits = []
        if fits:
            bits.append(f"fits {', '.join(fits)} only" if len(fits) < len(ent.variants) else f"fits {', '.join(fits)}")
        bits.extend(more)
        if bits:
            causes.append(f"{side.display()}: " + "; ".join(bits))
    involved = [a.id, b.id] + sorted(c.id for c in (*lower, *upper) if c.id not in (a.id, b.id))[:20]
    return Finding(
        "conflict", _SEVERITY, msg, b.path, b.line, involved,
        evidence={"claims": [_ev(a), _ev(b)], "ratio": _round(ratio),
                  "lower_side": len(lower), "upper_side": len(upper)},
        likely_cause=" | ".join(causes) if causes else None,
    )


def _fitting_variants(kb: KnowledgeBase, idx: _Index, c: Claim) -> list[str]:
    ent = kb.entities.get(c.entity)
    if ent is None or not ent.variants:
        return []
    when = as_date(c.as_of)
    out = []
    for vid in sorted(ent.variants):
        refs = [r for r in idx.by_entity_prop.get((vid, c.property), ())
                if compatible(c.conditions, r.conditions) and in_force(r, when)]
        if any(overlaps(_iv(c), _iv(r)) for r in refs):
            out.append(kb.entities[vid].name)
    return out


@rule("implausible", severity=_SEVERITY, kind="content")
def implausible(kb: KnowledgeBase):
    """A value lies wholly outside the property's plausible range for the entity's kind.

    The ranges and their rationale are in the property vocabulary (datasets/properties/).
    The likely cause names the scale slip that would bring the value into range.
    """
    for c in kb.claims:
        if not c.ok or c.canonical_low is None or c.entity not in kb.entities:
            continue
        prop = kb.properties.get(c.property)
        if prop is None:
            continue
        kind = kb.entities[c.entity].kind
        p = prop.plausible.get(kind)
        if p is None:
            continue
        iv = _iv(c)
        if overlaps(iv, (p.low, p.high)):
            continue
        unit = c.canonical_unit
        ratio = gap_ratio(iv, (p.low, p.high))
        cause = None
        for k, word in SCALES.items():
            f = 10.0 ** k if iv[0] > p.high else 10.0 ** -k
            if overlaps((iv[0] / f, iv[1] / f), (p.low, p.high)):
                per_token = "token" in (unit or "") and "token" in (c.unit or "")
                how = ("a price per 1K tokens quoted as a price per token" if per_token and k == 3 and f > 1 else
                       "a price per 1M tokens quoted as a price per token" if per_token and k == 6 and f > 1 else
                       "a thousand/million/billion slip")
                cause = f"{'divided' if f > 1 else 'multiplied'} by {word} it is plausible ({how})"
                break
        yield Finding(
            "implausible", _SEVERITY,
            f"{kb.entities[c.entity].name} {_prop_name(kb, c.property)}: {c.display()} ({_fmt_iv(iv, unit)}) is outside "
            f"the plausible range for a {kind}, {_fmt_iv((p.low, p.high), unit)} ({_ratio_text(ratio, iv, (p.low, p.high))}); "
            f"range rationale: {p.rationale}",
            c.path, c.line, [c.id],
            evidence={"claim": _ev(c), "plausible": {"low": p.low, "high": p.high, "unit": unit}, "ratio": _round(ratio)},
            likely_cause=cause,
        )


# ------------------------------------------------------------------------ helpers


def _ratio_text(ratio: float, a: tuple[float, float], b: tuple[float, float]) -> str:
    if math.isinf(ratio):
        return "no common scale"
    direction = "above" if a[0] > b[1] else "below"
    return f"{format_number(_round(ratio))}x {direction}"


def _ev(v: Value) -> dict:
    out = {"id": v.id, "entity": v.entity, "stated": v.display(), "low": _round(v.canonical_low),
           "high": None if math.isinf(v.canonical_high) else _round(v.canonical_high), "unit": v.canonical_unit}
    if v.conditions:
        out["conditions"] = dict(sorted(v.conditions.items()))
    if isinstance(v, Reference):
        out["citation"] = v.citation
        if v.estimate_by:
            out["estimate_by"] = v.estimate_by
    return out


def _index(kb: KnowledgeBase) -> _Index:
    idx = getattr(kb, "_content_index", None)
    if idx is None:
        idx = _Index(kb)
        kb._content_index = idx  # type: ignore[attr-defined]
    return idx
