"""Content rules: conflicts between articles, contradictions of references, implausible values.

Everything here is driven by data through :class:`~kb.rules.compare.Comparer` (which
references and claims are comparable, and the comparisons themselves) and
:mod:`kb.rules.causes` (why a value probably went wrong). No rule, tolerance or cause names
an article, an entity or a value.

Comparisons never take all pairs: claims are grouped by (entity, property, conditions) and
sorted by their interval's lower end; a sweep finds the gaps between clusters of overlapping
claims (O(n log n)).
"""

from __future__ import annotations

import math
from typing import Iterator

from kb.core import catalogue as cat
from kb.core.findings import Cause, Comparison, Finding
from kb.core.records import Claim
from kb.core.text import interval_text
from kb.rules.causes import SCALES, describe_reference, likely_causes, property_name, scale_slip_words
from kb.rules.compare import Comparer, round_figure


def contradicts_reference(cmp: Comparer) -> Iterator[Finding]:
    kb = cmp.kb
    for c in kb.claims:
        if not c.ok or c.entity not in kb.entities or c.property not in kb.properties:
            continue
        if kb.properties[c.property].type == "categorical":
            yield from _categorical(cmp, c)
            continue
        if c.interval is None:
            continue  # a value in another currency with no rate to compare it through (not-compared)
        refs = cmp.references_for(c)
        if not refs:
            parts = cmp.blend_parts(c)
            if parts:
                yield from _blend_outside_its_parts(cmp, c, parts)
            continue
        if any(c.interval.overlaps(r.interval) for r in refs):
            superseded, own_now = cmp.superseded_fit(c, refs)
            if superseded:
                yield _superseded_finding(cmp, c, superseded, own_now)
            continue  # (checked on the intervals first: most claims agree, and need no Comparison)
        comps = cmp.comparisons(c)
        nearest = comps[0]
        ref = kb.references_by_id[nearest.other]
        estimates_only = all(r.estimate_by for r in refs)
        unsure = cmp.unsure_miss(c, refs)
        ent = kb.entities[c.entity]
        many = len(comps) > 1
        msg = (f"{ent.name} {property_name(kb, c.property)}: stated {c.display()} ({interval_text(c.interval)}) misses "
               f"{'all ' + str(len(comps)) + ' reference values' if many else 'the reference value'}; nearest: "
               f"{describe_reference(kb, ref)}, {nearest.text()}" + (f" ({unsure})" if unsure else ""))
        yield cat.CONTRADICTS_REFERENCE.finding(
            msg, c.path, c.line, (c.id,),
            severity="info" if estimates_only or unsure else cat.CONTRADICTS_REFERENCE.severity,
            comparisons=tuple(comps), causes=tuple(likely_causes(cmp, c, refs)),
            extra=(("references_compared", len(comps)),))


def _superseded_finding(cmp: Comparer, c: Claim, superseded: list, own_now: list) -> Finding:
    """A family claim that equals only an older snapshot's value, which was the family's own
    value before it changed (:meth:`Comparer.superseded_fit`): a superseded figure."""
    kb = cmp.kb
    comps = sorted((Comparison.of(c.id, r.id, "reference", c.display(), r.display(), c.interval, r.interval)
                    for r in own_now), key=lambda x: (x.distance, x.other))
    nearest = kb.references_by_id[comps[0].other]
    old = superseded[0]
    ent = kb.entities[c.entity]
    msg = (f"{ent.name} {property_name(kb, c.property)}: stated {c.display()} ({interval_text(c.interval)}) is the "
           f"value before {old.valid_to} ({describe_reference(kb, old)}), which only an older snapshot kept; in force: "
           f"{describe_reference(kb, nearest)}, {comps[0].text()}")
    return cat.CONTRADICTS_REFERENCE.finding(
        msg, c.path, c.line, (c.id,), severity=cat.CONTRADICTS_REFERENCE.severity,
        comparisons=tuple(comps), causes=tuple(likely_causes(cmp, c, own_now)),
        extra=(("references_compared", len(comps)), ("superseded", old.id)))


def _blend_outside_its_parts(cmp: Comparer, c: Claim, parts: list) -> Iterator[Finding]:
    """A blended price with no blended reference, beside the input and output prices it
    blends (:meth:`~kb.rules.compare.Comparer.blend_parts`): whatever the weights of the
    blend, it lies between them ("$30 blended" for a model whose references give $5 in and
    $25 out is wrong, whichever its parts)."""
    kb = cmp.kb
    comps = cmp.comparisons(c)
    if not comps or any(x.agrees for x in comps):
        return
    nearest = comps[0]
    ent = kb.entities[c.entity]
    msg = (f"{ent.name} {property_name(kb, c.property)}: stated {c.display()} blended ({interval_text(c.interval)}) "
           f"lies outside the input and output prices it blends ({', '.join(describe_reference(kb, r) for r in parts[:4])}): "
           f"a blend of the two lies between them, whatever its weights; nearest: {nearest.text()}")
    estimates_only = all(r.estimate_by for r in parts)
    yield cat.CONTRADICTS_REFERENCE.finding(
        msg, c.path, c.line, (c.id,), severity="info" if estimates_only else cat.CONTRADICTS_REFERENCE.severity,
        comparisons=tuple(comps), causes=tuple(likely_causes(cmp, c, parts)),
        extra=(("references_compared", len(comps)), ("blend_of_references", True)))


def _categorical(cmp: Comparer, c: Claim) -> Iterator[Finding]:
    kb = cmp.kb
    prop = kb.properties[c.property]
    ent = kb.entities[c.entity]
    field = prop.registry_field
    if not field or not isinstance(c.value, str):
        return
    expected = getattr(ent, field, None)
    if expected is None and ent.variants:
        vals = {getattr(kb.entities[v], field, None) for v in ent.variants if v in kb.entities}
        expected = vals.pop() if len(vals) == 1 else None
    if expected is None or expected == c.value:
        return
    holders = sorted((e for e in kb.entities.values()
                      if getattr(e, field, None) == c.value and e.kind == ent.kind and not e.family), key=lambda e: e.name)
    exp_name = kb.entities[expected].name if expected in kb.entities else expected
    got_name = kb.entities[c.value].name if c.value in kb.entities else c.value
    causes: tuple[Cause, ...] = ()
    if holders:
        causes = (Cause("registry", f"{got_name} is the {field} of {', '.join(e.name for e in holders[:3])}: another "
                        "entity's value (a misattribution?)", tuple(e.id for e in holders[:3])),)
    elif c.value in kb.entities and kb.entities[c.value].kind == "organisation":
        causes = (Cause("registry", f"{got_name} is named beside {ent.name} in the text but is not its {field}", (c.value,)),)
    comparison = Comparison(c.id, f"registry:{ent.id}:{field}", "registry", got_name, exp_name, direction="differs")
    yield cat.CONTRADICTS_REFERENCE.finding(
        f"{ent.name} {prop.name.lower()}: stated {got_name}, the registry says {exp_name}",
        c.path, c.line, (c.id,), comparisons=(comparison,), causes=causes)


def conflict(cmp: Comparer) -> Iterator[Finding]:
    for key, claims in cmp.claim_groups():
        entity, prop = key[0], key[1]
        if len(claims) < 2 or len({c.source for c in claims}) < 2:
            continue
        claims = sorted(claims, key=lambda c: (c.interval.low, c.interval.high, c.id))
        clusters: list[list[Claim]] = [[claims[0]]]
        reach = claims[0].interval.high
        for c in claims[1:]:
            if c.interval.low <= reach:
                clusters[-1].append(c)
                reach = max(reach, c.interval.high)
            else:
                clusters.append([c])
                reach = c.interval.high
        for lower, upper in zip(clusters, clusters[1:]):
            # the claims nearest the gap that come from different sources
            near_lower = sorted(lower, key=lambda c: (-c.interval.high, c.id))
            near_upper = sorted(upper, key=lambda c: (c.interval.low, c.id))
            pair = next(((x, y) for x in near_lower for y in near_upper if x.source != y.source), None)
            if pair is None:
                continue  # both sides from one article: not a conflict between articles
            yield _conflict_finding(cmp, entity, prop, pair[0], pair[1], lower, upper)


def _conflict_finding(cmp: Comparer, entity: str, prop: str, a: Claim, b: Claim, lower, upper) -> Finding:
    kb = cmp.kb
    comparison = cmp.claim_comparison(b, a)
    ent = kb.entities[entity]
    msg = (f"{ent.name} {property_name(kb, prop)}: {a.display()} ({a.source}) vs {b.display()} ({b.source}): "
           f"{interval_text(a.interval)} and {interval_text(b.interval)} do not overlap, "
           f"{comparison.text()}")
    causes: list[Cause] = []
    for side in (a, b):
        fits = cmp.of_family_variants(side)
        if fits:
            names = ", ".join(kb.entities[v].name for v in fits)
            only = " only" if len(fits) < len(ent.variants) else ""
            causes.append(Cause("fits-variants", f"{side.display()} fits {names}{only}", tuple(fits)))
        for cause in likely_causes(cmp, side):
            causes.append(Cause(cause.kind, f"{side.display()}: {cause.text}", cause.points_at, cause.factor))
    involved = [a.id, b.id] + sorted(c.id for c in (*lower, *upper) if c.id not in (a.id, b.id))[:20]
    rounded = round_figure(a, b.interval) or round_figure(b, a.interval)
    if rounded:
        msg += " (unsure: a round figure, its trailing zeros perhaps only holding places)"
    at, extra = b, (("claims_below_gap", len(lower)), ("claims_above_gap", len(upper)))
    backed = [side for side in (a, b) if cmp.backed(side)]
    if len(backed) == 1:
        # one side agrees with the reference values in force: the conflict is the other side's
        # (and its cluster's); the backed side is named in the message and in `backed_by_references`
        good = backed[0]
        at, cluster = (b, upper) if good is a else (a, lower)
        msg += f"; {good.display()} ({good.source}) agrees with the reference values in force"
        involved = [at.id] + sorted(c.id for c in cluster if c.id != at.id)[:20]
        extra += (("backed_by_references", good.id),)
    both_backed = len(backed) == 2
    if both_backed:
        # each side agrees with a reference value in force (of another variant of a family, or
        # a snapshot's price beside the current one): the articles speak of different things
        # that their claims do not tell apart, which says nothing against either figure
        msg += ("; both agree with reference values in force (of different variants, snapshots or "
                "conditions): the articles likely speak of different things")
    return cat.CONFLICT.finding(msg, at.path, at.line, tuple(involved), comparisons=(comparison,), causes=tuple(causes),
                                extra=extra,
                                **({"severity": "info"} if rounded or both_backed else {}))


def implausible(cmp: Comparer) -> Iterator[Finding]:
    kb = cmp.kb
    for c in kb.claims:
        if not c.ok or c.interval is None or c.entity not in kb.entities:
            continue
        ranges = cmp.plausible_for(c)
        iv = c.interval
        if not ranges or any(p.low <= iv.high and iv.low <= p.high for p in ranges):
            continue
        comps = [cmp.plausible_comparison(c, p) for p in ranges]
        comparison, p = min(zip(comps, ranges), key=lambda t: (t[0].distance, t[1].kind))
        causes: tuple[Cause, ...] = ()
        # how many times the value misses the range: a slip by a thousand (a million, a billion) is
        # the likely cause only of a miss by at least the factor's cube root, ten (a hundred, a
        # thousand) times ("0.03 USD/token", 30x over, a price per 1K tokens); not of one just past
        # a wide range's edge ("$30/mo" read as a GPU's rent, 1.2x below 0.05-100 USD/hour)
        miss = (iv.low / p.high if iv.low > p.high else p.low / iv.high) if p.high > 0 and iv.high > 0 else math.inf
        for k, word in SCALES.items():
            f = 10.0 ** k if iv.low > p.high else 10.0 ** -k
            if miss >= 10.0 ** (k / 3) * (1 - 1e-9) and comparison.other_iv.overlaps(iv.scaled(1 / f)):
                causes = (Cause("scale-slip", f"{'divided' if f > 1 else 'multiplied'} by {word} it is plausible "
                                f"({scale_slip_words(c, k, f > 1)})", (), f),)
                break
        kind = kb.entities[c.entity].kind
        # a hypothetical case (basis: scenario) may lie outside what any real one does on
        # purpose ("a computer that would train GPT-4 in a day"): said, but not a flag
        hypothetical = (c.conditions or {}).get("basis") == "scenario"
        yield cat.IMPLAUSIBLE.finding(
            f"{kb.entities[c.entity].name} {property_name(kb, c.property)}: {c.display()} ({interval_text(iv)}) is outside "
            f"the plausible range for a {kind}, {comparison.other_stated} ({comparison.text()}); "
            f"range rationale: {p.rationale}" + ("; a hypothetical case (basis: scenario)" if hypothetical else ""),
            c.path, c.line, (c.id,), comparisons=(comparison,), causes=causes,
            **({"severity": "info"} if hypothetical else {}))


def not_compared(cmp: Comparer) -> Iterator[Finding]:
    """Money claims in another currency that no exchange rate converts to USD (the loader says why)."""
    kb = cmp.kb
    for c in kb.claims:
        if c.not_compared is not None:
            # (named as the other findings name a claim: the site shows the message to readers)
            ent = kb.entities.get(c.entity or "")
            what = f"{ent.name if ent else c.entity} {property_name(kb, c.property)}"
            yield cat.NOT_COMPARED.finding(f"{what}: {c.display()} is {c.not_compared}", c.path, c.line_of("unit"), (c.id,))
