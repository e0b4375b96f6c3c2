"""The one place that decides what a claim is compared with, and computes the comparisons.

A :class:`Comparer` is built once per knowledge base (by :func:`kb.rules.check.check`, which
hands it on in the report). Everything that shows a claim beside a reference value, another
claim or a plausible range (checker messages, the site's pages and charts, the notebook
tables) asks it, and none decides again:

* **related entities**: the claim's entity, its variants (for a family), its family (for a
  variant), and every entity of a kind (for a class such as "large language models");
* **compatible conditions**: no condition key with different values, a key left out
  standing for its ``default`` in datasets/conditions.yaml (and, without a default,
  matching any value);
* **in force**: a reference applies at the claim's ``as_of`` date (without one: the
  references still current, i.e. with no ``valid_to``);
* **comparisons**: :class:`~kb.core.findings.Comparison` values (both intervals, the factor
  and its direction from :meth:`~kb.core.intervals.Interval.compare`), nearest first;
* **the two sides of a comparison** (a ratio, share or change claim): the references and the
  article's own claims that apply to its numerator and its denominator (:meth:`Comparer.side`),
  with the same rules for entities, conditions and dates; published comparison references
  apply only to a claim with the same two sides.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as _dt
import math
import re
from collections import defaultdict
from typing import Iterable, Iterator

from kb.core.findings import Comparison
from kb.core.records import Claim, KnowledgeBase, Plausible, Reference, Term, Value, date_of

#: A blended token price mixes the input and output prices (by any weights): it lies between them.
BLEND_KEY, BLEND_VALUE, BLEND_PARTS = "direction", "blended", ("input", "output")

#: A likely cause counts two values as equal when they are within this relative distance
#: (datasheets round: 1,979 vs 1978.9; "32K" vs 32,768).
MATCH_RELATIVE = 0.05

#: A claim about a class (every model) misses the references of its members: a contradiction
#: only when at least this many members have one. The references are a sample of the class; a
#: member without one lies beyond all n of them with a chance of about 1/(n + 1), under 5% from
#: 20 members on. With fewer, the miss is unsure (a note, not a warning).
CLASS_MIN_MEMBERS = 20

#: A claim that names no party (a price without its provider) and misses the references of
#: parties other than the entity's own is unsure within this factor of the nearest (another
#: party's price for the same thing may be that far off); further off it is a contradiction
#: whoever's price it is. (The same slack as "fits the references" for a scale slip.)
PARTY_SLACK = 2.0

#: A round figure ("1,000 TFLOPS" beside a datasheet's 989) is read to half a unit of its last
#: written digit, but its trailing zeros may only hold places: within this share of the other
#: value and within half a unit of its last non-zero digit, a miss is unsure (a note).
ROUND_FIGURE_SLACK = 0.025

#: Scopes that cover several cards or chips (datasets/conditions.yaml, ``scope``): a board pair,
#: a superchip, a server node, a rack, a pod, a cluster. (A cloud instance may hold one GPU.)
MULTI_UNIT_SCOPES = frozenset({"per-board-pair", "per-superchip", "per-node", "per-rack", "per-pod",
                               "per-cluster"})

#: Group scopes a card or chip entity may itself be named for: a product sold as a bridged board
#: pair (the 2023 H100 NVL), a superchip (the GB200), a pod named by its chip ("a TPU v4 pod" is
#: "TPU v4"). A node, a rack or a cluster is a system with its own entity (DGX H100, GB200 NVL72):
#: a card's own per-node figure ("an 8 x H100 SXM node: 10.2 kW") is the node's, not the card's.
OWN_GROUP_SCOPES = frozenset({"per-board-pair", "per-superchip", "per-pod"})

#: The entity kind whose claims speak of one unit when they name no scope: a card or chip.
ONE_UNIT_KIND = "gpu"

#: What a claim that names no scope is read as against a multi-unit reference (see
#: :meth:`Comparer.read_conditions`).
ONE_UNIT_SCOPE = "per-gpu"


def trailing_zeros(n: int) -> int:
    """How many zeros a whole number ends in ("22,000,000": 6; "2.65" read as 265: 0; 0: 0):
    the places a round figure's zeros may only hold."""
    n, zeros = abs(int(n)), 0
    while n and n % 10 == 0:
        n, zeros = n // 10, zeros + 1
    return zeros


def round_figure(v: Value, other) -> bool:
    """Is ``v`` an exact round figure (a whole number ending in two or more zeros, "1,000",
    "2,000", "700") that the interval ``other`` (in the same canonical unit) misses only by its
    trailing zeros: within half a unit of its last non-zero digit and ROUND_FIGURE_SLACK of it?"""
    iv, x = v.interval, v.value
    if v.qualifier != "exact" or iv is None or other is None or other.unit != iv.unit \
            or isinstance(x, bool) or not isinstance(x, (int, float)) or not float(x).is_integer() \
            or abs(x) < 100 or iv.low <= 0 or math.isinf(iv.high) or other.low <= 0:
        return False
    zeros = trailing_zeros(int(x))
    if zeros < 2:
        return False
    stated = (iv.low + iv.high) / 2
    half = 0.5 * 10 ** zeros * stated / abs(x)  # half a unit of the last non-zero digit, canonical
    slack = min(half, ROUND_FIGURE_SLACK * stated)
    return other.low <= stated + slack and other.high >= stated - slack


class Comparer:
    """What each claim is compared with, for one loaded knowledge base."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.defaults = {k: c.default for k, c in kb.conditions.items() if c.default is not None}
        self._by_key: dict[tuple[str, str], list[Reference]] = defaultdict(list)
        by_prop: dict[str, list[Reference]] = defaultdict(list)
        for r in kb.references:
            if r.ok and r.interval is not None and r.entity in kb.entities:
                self._by_key[(r.entity, r.property)].append(r)
                by_prop[r.property].append(r)
        self._sorted: dict[str, tuple[list[float], list[Reference], float]] = {}
        for prop, refs in by_prop.items():
            refs = sorted(refs, key=lambda r: (r.interval.low, r.id))
            widths = [r.interval.high - r.interval.low for r in refs if not r.interval.open_high]
            self._sorted[prop] = ([r.interval.low for r in refs], refs, max(widths, default=0.0))
        self._members: dict[str, list[str]] = defaultdict(list)
        for e in kb.entities.values():
            self._members[e.kind].append(e.id)
        self._comparisons: dict[tuple[str, bool], list[Comparison]] = {}
        self._by_source_prop: dict[tuple[str | None, str | None], list[Claim]] | None = None
        self._relations = None
        # id of a conditions mapping -> (the mapping, a copy of it, its effective key)
        self._effective: dict[int, tuple[dict, dict, tuple]] = {}
        self._averaged: dict[tuple[str, str], bool] = {}
        self._binary_units: dict[str, bool] = {}
        self._party_keys: set[str] | None = None
        self._conventions: dict[tuple, tuple[bool]] = {}
        self._products: dict[str | None, list[tuple[int, str]]] = {}
        self._by_unit: dict[str | None, list] | None = None  # canonical unit -> properties
        self._related: dict[str | None, tuple[str, ...]] = {}

    # ------------------------------------------------------------------ entities

    def related_entities(self, entity_id: str | None) -> list[str]:
        """The entity, its variants (for a family), its family (for a variant) and, for a
        class, every entity of its kind: the entities whose values can apply to a claim."""
        hit = self._related.get(entity_id)
        if hit is None:  # (asked ~17,000 times by a check, for a few thousand entities)
            ent = self.kb.entities.get(entity_id or "")
            if ent is None:
                return []
            out = [ent.id, *ent.variants]
            if ent.family and ent.family != ent.id:
                out.append(ent.family)
            if ent.class_of:
                out.extend(sorted(self._members.get(ent.class_of, ())))
            hit = self._related[entity_id] = tuple(dict.fromkeys(out))
        return list(hit)

    def siblings(self, entity_id: str | None) -> set[str]:
        """The entities of one family (a variant's siblings and family, a family's variants)."""
        ent = self.kb.entities.get(entity_id or "")
        if ent is None:
            return set()
        fam = ent.family or ent.id
        fam_ent = self.kb.entities.get(fam)
        return {fam, *(fam_ent.variants if fam_ent else ())}

    def own_entities(self, entity_id: str | None) -> set[str]:
        """The entities whose references are a claim's own: the entity, its variants and its
        family (not the members of a class)."""
        ent = self.kb.entities.get(entity_id or "")
        if ent is None:
            return set()
        return {ent.id, *ent.variants, *([ent.family] if ent.family else [])}

    def superseded_fit(self, c: Value, refs: list[Reference] | None = None) -> tuple[list[Reference], list[Reference]]:
        """A family claim that agrees only with a variant's (a snapshot's) value while the
        family's own value in force differs, and that equals the family's own value before it
        changed: the article quotes a superseded value that an older snapshot kept (the first
        GPT-4o snapshot stayed at its launch price after the model's price fell). Returns (the
        family's superseded references the claim equals, the family's own references in force
        it misses), or two empty lists. A variant's value is no contradiction for a family claim
        (a family fits any of its variants), unless the family's own value at an earlier date
        says which snapshot the figure comes from. Only a dated claim: an undated text may
        predate the change."""
        ent = self.kb.entities.get(c.entity or "")
        if ent is None or not ent.variants or c.interval is None or self.is_comparison(c):
            return [], []
        refs = self.references_for(c) if refs is None else refs
        hits = [r for r in refs if c.interval.overlaps(r.interval)]
        if not hits or any(r.entity == ent.id for r in hits):
            return [], []
        own_now = [r for r in refs if r.entity == ent.id]
        if not own_now:
            return [], []
        when = date_of(getattr(c, "as_of", None))
        if when is None:
            return [], []  # an undated text may predate the change (a table from when the price held)
        avg = self.averaged(c)
        old = [r for r in self._by_key.get((ent.id, c.property), ())
               if not self.in_force(r, when) and self.fits(c, r)
               and self.averaged(r) == avg and c.interval.overlaps(r.interval)
               and date_of(r.valid_to) is not None and date_of(r.valid_to) <= when]
        return (old, own_now) if old else ([], [])

    def ratio_convention(self, c: Value) -> str | None:
        """The condition key whose other value the article quotes throughout for the claim's
        entity and property, or None. A key with a ``ratio`` and a ``default`` (sparsity: a
        figure that does not say is dense) is the article's convention when two or more of its
        figures for the same entity and property leave the key unsaid and each equals a value
        in force of the same entity (its variants, its family) for one other value of the key,
        none saying otherwise (a figure for which no such value is recorded, an FP64 peak that
        has no sparse one, says nothing): a spec table that quotes the sparse peak of every
        precision (1,979 FP16 and 3,958 FP8 for an H100) follows the datasheet's headline
        figures, while one sparse figure among dense ones stays a mix-up."""
        if c.interval is None or not c.ok:
            return None
        keys = [k for k, spec in self.kb.conditions.items()
                if spec.ratio and spec.default is not None and k not in (c.conditions or {})]
        if not keys:
            return None
        if self._by_source_prop is None:
            self._by_source_prop = defaultdict(list)
            for x in self.kb.claims:
                if x.ok and x.interval is not None:
                    self._by_source_prop[(x.source, x.property)].append(x)
        for key in keys:
            hit = self._conventions.get((c.source, c.entity, c.property, key))
            if hit is None:
                group = [x for x in self._by_source_prop.get((c.source, c.property), ())
                         if x.entity == c.entity and key not in (x.conditions or {})]
                fits = [self._other_value_fit(x, key) for x in group]
                said = [v for v in fits if v != ""]
                hit = (len(said) >= 2 and None not in said and len(set(said)) == 1
                       and not self._computed_with(c.source, group),)
                self._conventions[(c.source, c.entity, c.property, key)] = hit
            if hit[0]:
                return key
        return None

    def _computed_with(self, source: str | None, group: list) -> bool:
        """Does the article compute with one of ``group``'s figures (the same digits in a
        multiplication on another line, "16384 x 1979 x 10^12 x 0.40")? A headline peak the
        article then uses as the throughput it gets is the mix-up, not a quoted convention."""
        sums = self._products.get(source)
        if sums is None:
            sums = [(y.line, y.quote) for y in self.kb.claims if y.source == source and y.quote
                    and ("\u00d7" in y.quote or "*" in y.quote or "\\times" in y.quote)]
            sums = list(dict.fromkeys(sums))
            self._products[source] = sums
        for x in group:
            v = x.value if isinstance(x.value, (int, float)) else None
            if v is None or v != v or v <= 0 or v != int(v):
                continue
            digits = re.compile(r"(?<![\d.,])(?:%d|%s)(?![\d]|[.,]\d)" % (int(v), f"{int(v):,}"))
            if any(line != x.line and digits.search(q) for line, q in sums):
                return True
        return False

    def _other_value_fit(self, x: Value, key: str) -> str | None:
        """The value of ``key`` (not its default) for which ``x`` equals a reference in force of
        its own entities; '' when no such reference is recorded for its conditions (nothing to
        say); None when there are some and ``x`` equals none."""
        when = date_of(getattr(x, "as_of", None))
        avg = self.averaged(x)
        default = self.defaults.get(key)
        recorded = False
        for e in sorted(self.own_entities(x.entity)):
            for r in self._by_key.get((e, x.property), ()):
                value = (r.conditions or {}).get(key)
                if value is None or value == default or not self.in_force(r, when) or self.averaged(r) != avg \
                        or not self.compatible({**x.conditions, key: value}, r.conditions):
                    continue
                if x.interval.overlaps(r.interval):
                    return str(value)
                recorded = True
        return None if recorded else ""

    def party_keys(self) -> set[str]:
        """Condition keys without a default whose values are parties (entities of the kind that
        vendors are, such as a price's provider): a record that leaves one out names no party."""
        if self._party_keys is None:
            kinds = {self.kb.entities[e.vendor].kind for e in self.kb.entities.values() if e.vendor in self.kb.entities}
            self._party_keys = {k for k, c in self.kb.conditions.items()
                                if c.default is None and c.values_from is not None and c.values_from in kinds}
        return self._party_keys

    def unsure_miss(self, v: Value, refs: list[Reference]) -> str | None:
        """Why a value that misses every reference in ``refs`` is still no contradiction, or None.

        * **A class of few recorded members**: a claim about a class (every model) whose
          references are all its members' (none the class's own), from fewer than
          CLASS_MIN_MEMBERS members: they are a sample of the class, not the class.
        * **Parties the claim does not name**: the claim leaves out a party key (a price's
          provider), every reference it misses names a party other than the entity's own
          vendor, they differ in nothing else the claim leaves out (not per GPU beside per
          node), and the nearest is within PARTY_SLACK: the claim may be the price of a party
          without a reference. A reference that names no party, or the entity's vendor, is the
          entity's own (first-party) value, and missing it is a contradiction.
        * **Digits cut, not rounded**: an exact value whose digits are those of the nearest
          reference cut after its last written digit ("$5.5M" for 5.576 million, "3.3 TB/s" for
          3.35): it misses the half-digit interval only because the writer truncated.
        * **Decimal and binary units**: a count of tokens or bytes that is the nearest
          reference read with 1000 for 1024 ("1,000,000 tokens" for a window of 1,048,576 =
          1024 x 1024; "128,000" for 131,072; 80 GB for 80 GiB), or the other way round.
        """
        cut = self._truncation(v) or self._binary_reading(v)
        if cut:
            return cut
        comps = self.comparisons(v)
        ref = self.kb.references_by_id.get(comps[0].other) if comps else None
        if ref is not None and ref.interval is not None and round_figure(v, ref.interval):
            return "unsure: a round figure, its trailing zeros perhaps only holding places"
        own = self.own_entities(v.entity)
        ent = self.kb.entities.get(v.entity or "")
        if ent is not None and ent.class_of and refs and all(r.entity not in own for r in refs):
            members = {r.entity for r in refs}
            if len(members) < CLASS_MIN_MEMBERS:
                return (f"unsure: a claim about a class, compared with the references of only {len(members)} of its "
                        f"members (a contradiction needs {CLASS_MIN_MEMBERS})")
        unnamed = sorted(k for k in self.party_keys() if k not in v.conditions and any(k in r.conditions for r in refs))
        comps = self.comparisons(v) if unnamed else []
        near = bool(comps) and comps[0].factor is not None and comps[0].factor <= PARTY_SLACK
        for k in unnamed if near else ():
            others = {o for r in refs for o in r.conditions if o != k and o not in v.conditions}
            if any(len({r.conditions.get(o, self.defaults.get(o)) for r in refs}) > 1 for o in others):
                continue  # the references differ in more than the party (per GPU and per node...)
            if all(k in r.conditions and r.conditions[k] != self._vendor_of(r.entity) for r in refs):
                parties = sorted({r.conditions[k] for r in refs})
                names = ", ".join(self.kb.entities[p].name if p in self.kb.entities else p for p in parties)
                return (f"unsure: the claim names no {k.replace('_', ' ')}, and the references are those of "
                        f"{names} only, not the entity's own")
        return None

    def _truncation(self, v: Value) -> str | None:
        """The note for an exact positive value that is the nearest reference with its digits
        cut after the last one written (the reference lies in [value, value + one unit of the
        last digit)), or None."""
        iv = v.interval
        if v.qualifier != "exact" or iv is None or iv.low <= 0 or math.isinf(iv.high):
            return None
        comps = self.comparisons(v)
        ref = self.kb.references_by_id.get(comps[0].other) if comps else None
        if ref is None or ref.interval is None or ref.interval.unit != iv.unit:
            return None
        step, stated = iv.high - iv.low, (iv.low + iv.high) / 2
        slack = 1e-9 * max(abs(stated), step)
        if step > 0 and ref.interval.low >= stated - slack and ref.interval.high < stated + step - slack:
            return "unsure: the reference's digits cut after the last one written, not rounded"
        return None

    def _binary_reading(self, v: Value) -> str | None:
        """The note for a value of tokens or bytes that is the nearest reference read with 1000
        for 1024 (n x 1000^k written for n x 1024^k, or the reverse: the two differ by exactly
        1.024^k), or None."""
        iv = v.interval
        if iv is None or iv.low <= 0 or math.isinf(iv.high) or not self._binary_unit(iv.unit):
            return None
        comps = self.comparisons(v)
        ref = self.kb.references_by_id.get(comps[0].other) if comps else None
        if ref is None or ref.interval is None or ref.interval.unit != iv.unit:
            return None
        stated, nearest = (iv.low + iv.high) / 2, (ref.interval.low + ref.interval.high) / 2
        ratio = max(stated, nearest) / min(stated, nearest)
        if any(abs(ratio - 1.024 ** k) <= 1e-6 * ratio for k in (1, 2, 3, 4)):
            return ("unsure: the same size read in decimal and in binary units (1000 and 1024 to the "
                    "thousand, as GB and GiB)")
        return None

    def _binary_unit(self, unit: str) -> bool:
        """Is the unit a count of tokens or an amount of information (bytes, bits)?"""
        hit = self._binary_units.get(unit)
        if hit is None:
            from kb.core.units import UnitError, dimensionality

            try:
                dim = dimensionality(unit)
            except (UnitError, ValueError):
                dim = ""
            hit = self._binary_units[unit] = dim in ("[token]", "[information]")
        return hit

    def _vendor_of(self, entity_id: str | None) -> str | None:
        ent = self.kb.entities.get(entity_id or "")
        if ent is None:
            return None
        if ent.vendor is None and ent.family in self.kb.entities:
            return self.kb.entities[ent.family].vendor
        return ent.vendor

    def averaged(self, v: Value) -> bool:
        """Is the value an amount over a period where its property is a rate without one (an
        energy per year, "876,000 MWh/year", for a power in MW; FLOP per day for a throughput)?
        It is then an average over the period, converted to the canonical unit (876,000 MWh/year
        is 99.93 MW) but never compared with a capacity, a rating or a peak (100 MW): only with
        values that are averages too."""
        prop = self.kb.properties.get(v.property or "")
        canonical = prop.canonical_unit if prop is not None else None
        if not v.unit or not canonical:
            return False
        key = (v.unit, canonical)
        hit = self._averaged.get(key)
        if hit is None:
            hit = self._averaged[key] = _over_a_period(v.unit, canonical)
        return hit

    def kind_of(self, entity_id: str | None) -> str | None:
        e = self.kb.entities.get(entity_id or "")
        return None if e is None else (e.class_of or e.kind)

    # ------------------------------------------------------------------ conditions and dates

    def read_conditions(self, v, r: Reference) -> dict[str, str]:
        """The claim's conditions as compared with the reference ``r``. A claim about a card or
        chip that names no scope speaks of one unit: it is read ``per-gpu`` against a reference
        of ANOTHER entity (a variant of the named family, the family of a named variant) whose
        scope is a group of units ("the H100 delivers 1,979 TFLOPS" is not the 1,978.8 TFLOPS
        of a PAIR of H100 NVL boards). A reference of the claim's own entity keeps matching
        when its group is one the entity may be named for (:data:`OWN_GROUP_SCOPES`: a TPU
        pod, a GB200 superchip, the 2023 two-board H100 NVL). The entity's own per-node,
        per-rack or per-cluster figure is a system's ("the H100 SXM's TDP is 10.2 kW" is not the 10.2 kW of a DGX H100's eight
        cards): against it too the claim is read per GPU."""
        cond = v.conditions
        rs = r.conditions.get("scope") if r.conditions else None
        if rs is None or rs not in MULTI_UNIT_SCOPES or (cond and "scope" in cond):
            return cond
        if r.entity == v.entity and rs in OWN_GROUP_SCOPES:
            return cond
        if self.kind_of(v.entity) != ONE_UNIT_KIND:
            return cond
        return {**cond, "scope": ONE_UNIT_SCOPE} if cond else {"scope": ONE_UNIT_SCOPE}

    def fits(self, v, r: Reference) -> bool:
        """Does the reference's conditions fit the claim's (:meth:`compatible`, the claim read
        by :meth:`read_conditions`)?"""
        return self.compatible(self.read_conditions(v, r), r.conditions)

    def compatible(self, a: dict[str, str], b: dict[str, str]) -> bool:
        """No condition key with different values (a key left out stands for its default;
        without a default it matches any value)."""
        # (called ~70,000 times by a check: each key looked at once, no union of the keys made)
        d = self.defaults
        if not d:
            for k, va in a.items():
                if k in b:
                    vb = b[k]
                    if va is not None and vb is not None and va != vb:
                        return False
            return True
        for k, va in a.items():
            if va is not None:
                vb = b[k] if k in b else d.get(k)
                if vb is not None and va != vb:
                    return False
        for k, vb in b.items():
            if vb is not None and k not in a:
                va = d.get(k)
                if va is not None and va != vb:
                    return False
        return True

    def differing_keys(self, a: dict[str, str], b: dict[str, str]) -> list[str]:
        d = self.defaults
        return sorted(k for k in a.keys() | b.keys()
                      if a.get(k, d.get(k)) is not None and b.get(k, d.get(k)) is not None
                      and a.get(k, d.get(k)) != b.get(k, d.get(k)))

    def effective(self, conditions: dict[str, str]) -> tuple[tuple[str, str], ...]:
        """The conditions with defaults filled in, as a sorted key (claims with equal keys are
        compared with each other)."""
        hit = self._effective.get(id(conditions))
        if hit is not None and hit[0] is conditions and hit[1] == conditions:
            return hit[2]  # (records share their condition mappings: each is sorted once)
        d = {k: v for k, v in self.defaults.items()}
        d.update(conditions)
        out = tuple(sorted(d.items()))
        self._effective[id(conditions)] = (conditions, dict(conditions), out)
        return out

    @staticmethod
    def in_force(r: Reference, when: _dt.date | None) -> bool:
        """Is the reference in force at the date? Without a date: is it current?"""
        frm, to = date_of(r.valid_from), date_of(r.valid_to)
        if when is None:
            return to is None
        return (frm is None or frm <= when) and (to is None or when < to)

    # ------------------------------------------------------------------ times

    def of_a_time(self, prop: str | None) -> bool:
        """Is the property's value of a time (a flow over a period, a valuation at a round):
        one that takes a ``period`` condition (datasets/properties: revenue, capex,
        valuation, investment...)? Its claims from articles of different dates speak of
        different times unless they say which."""
        p = self.kb.properties.get(prop or "")
        return p is not None and "period" in p.conditions

    def claim_period(self, v: Value) -> tuple[_dt.date, _dt.date] | None:
        """The days of the period a claim of a property of a time names (its ``period``
        condition: "raised $450 million in May 2023"), or None."""
        per = (getattr(v, "conditions", None) or {}).get("period")
        return period_range(per) if per and self.of_a_time(v.property) else None

    @staticmethod
    def dated_within(r: Reference, span: tuple[_dt.date, _dt.date]) -> bool:
        """Does a reference apply to a claim of the period ``span``? One with a period of its
        own is matched by the conditions; one without, dated by the day its value began (a
        round's, an investment's ``valid_from``), when that day falls in the period: a round of
        May 2023 is no value for a claim of 2025. An undated one always."""
        if "period" in (r.conditions or {}):
            return True
        frm = r.valid_from
        if frm is None:
            return True
        rng = period_range(frm)
        return rng is None or (rng[0] <= span[1] and rng[1] >= span[0])

    # ------------------------------------------------------------------ references

    def references_for(self, v: Value, current: bool = True) -> list[Reference]:
        """The references a claim is compared with: same property, a related entity,
        compatible conditions and, with ``current``, in force at the claim's date. For a
        comparison (ratio, share, change) also the same two sides (:meth:`same_sides`)."""
        when = date_of(getattr(v, "as_of", None))
        avg = self.averaged(v)
        span = self.claim_period(v)
        refs = [r for e in self.related_entities(v.entity) for r in self._by_key.get((e, v.property), ())
                if self.fits(v, r) and (not current or self.in_force(r, when))
                and self.averaged(r) == avg and (span is None or self.dated_within(r, span))]
        if refs and self.is_comparison(v):
            refs = [r for r in refs if self.same_sides(v, r)]
        return refs

    def properties_in(self, unit: str | None) -> list:
        """The properties whose canonical unit is ``unit``, in the knowledge base's order
        (an index made once, for the rules that ask per claim)."""
        if self._by_unit is None:
            self._by_unit = defaultdict(list)
            for p in self.kb.properties.values():
                self._by_unit[p.canonical_unit].append(p)
        return self._by_unit.get(unit, [])

    # ------------------------------------------------------------------ comparisons: the two sides

    def is_comparison(self, v: Value) -> bool:
        """Whether the value's property compares two sides (ratio, share, change)."""
        prop = self.kb.properties.get(v.property or "")
        return bool(prop is not None and prop.comparison)

    def same_sides(self, a: Value, b: Value) -> bool:
        """Do two comparison records compare the same two things? Each side: a related
        entity, the same property, compatible conditions and, where both give one, the same
        date or period."""
        for side in ("numerator", "denominator"):
            ta, tb = getattr(a, side, None), getattr(b, side, None)
            if ta is None or tb is None:
                return False
            if tb.entity not in self.related_entities(ta.entity) or ta.property != tb.property:
                return False
            if not self.compatible(ta.conditions, tb.conditions):
                return False
            if ta.as_of is not None and tb.as_of is not None and not periods_overlap(ta.as_of, tb.as_of):
                return False
        return True

    def names_conditions(self, conditions: dict[str, str], side: dict[str, str]) -> bool:
        """Compatible conditions that also state every condition a comparison's side names
        (defaults filled in): a side "revenue in 2024" is not any undated revenue."""
        d = self.defaults
        return self.compatible(conditions, side) and all(conditions.get(k, d.get(k)) == val for k, val in side.items())

    def side_date(self, t: Term, v: Value):
        """The date one side of a comparison speaks for: the side's own ``as_of``, else the
        comparison claim's."""
        return t.as_of if t.as_of is not None else getattr(v, "as_of", None)

    def side(self, t: Term, v: Claim, references: bool = True) -> tuple[list[Reference], list[Claim]]:
        """What applies to one side of a comparison claim ``v``: the references (related
        entity, the side's property, compatible conditions, in force at the side's date) and
        the claims of the same source about it (related entity, same property, compatible
        conditions and, when the side names a date or period, one that falls in it). A
        condition the side names must be stated by what applies to it (:meth:`names_conditions`).
        Without ``references``, only the claims are looked for."""
        when = self.side_date(t, v)
        day = date_of(when)
        refs = [r for e in self.related_entities(t.entity) for r in self._by_key.get((e, t.property), ())
                if self.names_conditions(r.conditions, t.conditions) and self.in_force(r, day)] if references else []
        if self._by_source_prop is None:
            self._by_source_prop = defaultdict(list)
            for c in self.kb.claims:
                if c.ok and c.interval is not None:
                    self._by_source_prop[(c.source, c.property)].append(c)
        related = set(self.related_entities(t.entity))
        own = [c for c in self._by_source_prop.get((v.source, t.property), ())
               if c.id != v.id and c.entity in related and self.names_conditions(c.conditions, t.conditions)
               and (t.as_of is None or periods_overlap(t.as_of, c.as_of if c.as_of is not None
                                                       else c.conditions.get("period")))]
        return refs, own

    def relations(self):
        """Every evaluated relation of the knowledge base (:func:`kb.rules.relations.evaluate`),
        computed once."""
        if self._relations is None:
            from kb.rules.relations import evaluate

            self._relations = tuple(evaluate(self))
        return self._relations

    def blend_parts(self, v: Value, current: bool = True) -> list[Reference]:
        """For a blended token price (``direction: blended``) that no blended reference applies
        to: the input and the output prices that do (both needed), which any blend of the two
        lies between, whatever its weights; otherwise none."""
        if (v.conditions or {}).get(BLEND_KEY) != BLEND_VALUE:
            return []
        parts = [r for d in BLEND_PARTS
                 for r in self.references_for(dataclasses.replace(v, conditions={**v.conditions, BLEND_KEY: d}), current)]
        return parts if {r.conditions.get(BLEND_KEY) for r in parts} == set(BLEND_PARTS) else []

    def comparisons(self, c: Value, current: bool = True) -> list[Comparison]:
        """The claim beside each reference that applies to it, nearest first (by factor,
        then by the distance between representative values, then by id). A blended price
        with no blended reference is set beside the input and output prices it blends
        (:meth:`blend_parts`): it agrees with each when it lies between the lowest and the
        highest of them."""
        key = (c.id, current)
        cached = self._comparisons.get(key)
        if cached is not None:
            return cached
        out: list[Comparison] = []
        if c.interval is not None and c.ok:
            refs = self.references_for(c, current)
            parts = self.blend_parts(c, current) if not refs else []
            if parts:
                low, high = min(r.interval.low for r in parts), max(r.interval.high for r in parts)
                within = c.interval.high >= low and c.interval.low <= high
                for r in parts:
                    x = Comparison.of(c.id, r.id, "reference", c.display(), r.display(), c.interval, r.interval)
                    out.append(dataclasses.replace(x, factor=1.0, direction="within") if within else x)
            for r in refs:
                out.append(Comparison.of(c.id, r.id, "reference", c.display(), r.display(), c.interval, r.interval))
            mid = c.interval.mid
            out.sort(key=lambda x: (x.distance, _log_distance(mid, x.other_iv.mid), x.other))
        self._comparisons[key] = out
        return out

    def backed(self, c: Value | None) -> bool:
        """Does the claim agree with a reference value in force that is no third party's
        estimate? Then a conflict with another article's claim says more about that article: a
        vetted reference outranks an article (the other may give a superseded value, another
        variant's, or simply a wrong one)."""
        if c is None or not c.ok or c.interval is None:
            return False
        return any(not r.estimate_by and r.interval.overlaps(c.interval) for r in self.references_for(c))

    def of_family_variants(self, c: Claim) -> list[str]:
        """For a claim on a family: the variants whose in-force references it agrees with."""
        ent = self.kb.entities.get(c.entity or "")
        if ent is None or not ent.variants or c.interval is None:
            return []
        when = date_of(c.as_of)
        comparison = self.is_comparison(c)
        # a count of tokens or bytes may be a variant's size read with 1000 for 1024 ("32K" for the
        # 32,768-token window of gpt-4-32k), as a missed reference may (:meth:`_binary_reading`)
        binary = self._binary_unit(c.interval.unit)
        out = []
        for vid in sorted(ent.variants):
            refs = [r for r in self._by_key.get((vid, c.property), ())
                    if self.fits(c, r) and self.in_force(r, when)
                    and self.averaged(r) == self.averaged(c)
                    and (not comparison or self.same_sides(c, r))]
            if any(c.interval.overlaps(r.interval) or binary and _binary_overlap(c.interval, r.interval)
                   for r in refs):
                out.append(vid)
        return out

    def near(self, prop: str, lo: float, hi: float) -> Iterator[Reference]:
        """References of ``prop`` whose interval meets [lo, hi] widened by MATCH_RELATIVE."""
        entry = self._sorted.get(prop)
        if entry is None:
            return
        lows, refs, width = entry
        qlo, qhi = lo * (1 - MATCH_RELATIVE), hi * (1 + MATCH_RELATIVE)
        i = bisect.bisect_right(lows, qhi)
        floor = qlo - width
        while i > 0:
            i -= 1
            r = refs[i]
            if r.interval.low < floor and not r.interval.open_high:
                break
            if r.interval.high >= qlo:
                yield r

    # ------------------------------------------------------------------ plausible ranges and claims

    def plausible_for(self, c: Value) -> list[Plausible]:
        """The plausible ranges that apply to a claim: its entity's kind (or any kind), and
        conditions compatible with the range's own (a per-GPU range is not for a per-node value).
        A range whose conditions the claim states (every one, with the same value) replaces the
        range of the same kind that names no conditions: the claim is held to the narrower one."""
        prop = self.kb.properties.get(c.property or "")
        ent = self.kb.entities.get(c.entity or "")
        if prop is None or ent is None:
            return []
        ranges = [p for p in prop.plausible if p.kind in (ent.kind, "any") and self.compatible(c.conditions, p.conditions)]
        # a range for conditions the claim states (solar's capacity factor) outranks its kind's
        # range for every condition (any source's): else the wider one would always excuse it
        stated = c.conditions or {}
        specific = {p.kind for p in ranges if p.conditions and all(stated.get(k) == v for k, v in p.conditions.items())}
        return [p for p in ranges if p.conditions or p.kind not in specific]

    def plausible_comparison(self, c: Value, p: Plausible) -> Comparison:
        from kb.core.intervals import Interval
        from kb.core.text import interval_text

        rng = Interval(p.low, p.high, c.interval.unit)
        return Comparison.of(c.id, f"plausible:{c.property}:{p.kind}", "plausible", c.display(),
                             interval_text(rng), c.interval, rng)

    def claim_groups(self) -> Iterable[tuple[tuple, list[Claim]]]:
        """Claims that are compared with each other: same entity, property and conditions
        (defaults filled in) and, for a comparison (ratio, share, change), the same two
        sides; each with a usable interval."""
        groups: dict[tuple, list[Claim]] = defaultdict(list)
        for c in self.kb.claims:
            if c.ok and c.interval is not None and c.entity in self.kb.entities:
                key = (c.entity, c.property, self.effective(c.conditions), self.averaged(c))
                prop = self.kb.properties.get(c.property or "")
                if prop is not None and prop.dated:
                    # "three months since the launch" and "two years since" are both right, a year apart
                    src = self.kb.sources.get(c.source or "")
                    key += (str(date_of(c.as_of if c.as_of is not None else getattr(src, "published", None)) or ""),)
                if prop is not None and prop.comparison:
                    if c.numerator is None or c.denominator is None:
                        continue  # a comparison that does not say what it compares is compared with nothing
                    # a difference in the sides' unit and one per year are never the same figure
                    key += (self._term_key(c.numerator), self._term_key(c.denominator), c.interval.unit)
                groups[key].append(c)
        return groups.items()

    def _term_key(self, t) -> tuple:
        return (t.entity, t.property, self.effective(t.conditions), str(date_of(t.as_of) or ""))

    def claim_comparison(self, a: Claim, b: Claim) -> Comparison:
        return Comparison.of(a.id, b.id, "claim", a.display(), b.display(), a.interval, b.interval)


def _over_a_period(unit: str, canonical: str) -> bool:
    """A unit written per an hour or longer (MWh/year, kWh/day) where the canonical unit has no
    time in it (MW): an amount over a period standing for a rate."""
    from kb.core.units import UnitError, conversion_factor, unit_terms

    def hours(name: str) -> float | None:
        try:
            return conversion_factor(name, "hour")
        except (UnitError, ValueError, KeyError):
            return None

    try:
        terms, canonical_terms = unit_terms(unit)[1], unit_terms(canonical)[1]
    except Exception:  # an unreadable unit is reported by the loader; here it is no average
        return False
    if any(hours(name) is not None for name, _ in canonical_terms):
        return False
    return any(exp < 0 and (h := hours(name)) is not None and h >= 1 for name, exp in terms)


def period_range(x) -> tuple[_dt.date, _dt.date] | None:
    """The days a date or period covers: a date is one day; ``2024`` a year; ``2024-06`` a
    month; ``2025-H1`` a half; ``2024-Q3`` a quarter; a span from its first period to its
    last, both included: ``2025-01/2025-09``, ``2024/2025-Q3``, ``2023-2028``. None when it
    is none of these (a fiscal period: its calendar depends on the entity)."""
    if x is None:
        return None
    if isinstance(x, _dt.datetime):
        x = x.date()
    if isinstance(x, _dt.date):
        return (x, x)
    s = str(x).strip()
    first, sep, last = s.partition("/")
    if not sep and len(s) == 9 and s[4] == "-" and s[:4].isdigit() and s[5:].isdigit():
        first, sep, last = s[:4], "-", s[5:]  # a span of calendar years
    if sep:
        a, b = period_range(first), period_range(last)
        return (a[0], b[1]) if a and b and a[0] <= b[1] and "/" not in first + last else None
    try:
        if len(s) == 4 and s.isdigit():
            y = int(s)
            return (_dt.date(y, 1, 1), _dt.date(y, 12, 31))
        y = int(s[:4])
        if len(s) == 7 and s[4] == "-" and s[5:].isdigit():
            m = int(s[5:])
            start = _dt.date(y, m, 1)
            return (start, _dt.date(y + (m == 12), m % 12 + 1, 1) - _dt.timedelta(days=1))
        if len(s) == 7 and s[4] == "-" and s[5] in "QH" and s[6].isdigit():
            months = 3 if s[5] == "Q" else 6
            k = int(s[6])
            if not 1 <= k <= 12 // months:
                return None
            first = (k - 1) * months + 1
            last = first + months - 1
            return (_dt.date(y, first, 1), _dt.date(y + (last == 12), last % 12 + 1, 1) - _dt.timedelta(days=1))
        if len(s) >= 10:
            d = _dt.date.fromisoformat(s[:10])
            return (d, d)
    except ValueError:
        return None
    return None


def periods_overlap(a, b) -> bool:
    """Do two dates or periods share a day? (False when either is missing or unreadable.)"""
    ra, rb = period_range(a), period_range(b)
    return ra is not None and rb is not None and ra[0] <= rb[1] and rb[0] <= ra[1]


def _log_distance(a: float, b: float) -> float:
    if a <= 0 or b <= 0 or math.isinf(a) or math.isinf(b):
        return math.inf
    return abs(math.log(a / b))


def _binary_overlap(a, b) -> bool:
    """Do intervals ``a`` and ``b`` (one unit) meet once one is scaled by 1.024^k (k = 1..4): the
    same count of tokens or bytes written with 1000 for 1024, or the reverse?"""
    if b.unit != a.unit or a.low <= 0 or math.isinf(a.high):
        return False
    return any(a.low * f <= b.high and b.low <= a.high * f
               for k in (1, 2, 3, 4) for f in (1.024 ** k, 1.024 ** -k))
