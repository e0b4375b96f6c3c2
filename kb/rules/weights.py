"""A model's weights at a stated precision take its parameter count times the bytes of one
parameter at that precision.

Articles size models this way ("65B parameters at 4 bits is about 33 GB", "a 70B model needs
140 GB in FP16") and get it wrong in telltale ways: a quarter byte per parameter for 4 bits,
the FP16 size given for INT8. The rule reads the claims of the ``weights-memory`` property
that name a ``precision`` with a known width, takes the model's parameter count from the
references of that very model (``parameters-total``; a family's variants differ in size, so
neither family nor variants stand in) or, without one, from the article's own claims of it,
and reports a stated size that misses parameters x bytes by more than :data:`SLACK` either
way at a quantised precision, :data:`SLACK_FULL` at 16 bits or more. The slack leaves room for what real files add (quantisation scales, a few layers kept
at higher precision, embeddings) and for GB read as GiB; a factor of two, the usual slip, is
well outside it.

The memory to run a model (``serving-memory``: weights, cache, activations) at a precision of
fixed width holds at least those weights: a stated total more than :data:`SLACK_FLOOR` below
parameters x bytes is reported too ("a 7.6B model in BF16 ... total memory usage is ~11.8 GB"
leaves out part of the 15.2 GB of weights). Only the floor is checked: what a run adds on top
(a long context's cache, a large batch, optimiser state) has no bound here. Nothing here names
an article, an entity or a value.
"""

from __future__ import annotations

import math
from typing import Iterator

from kb.core import catalogue as cat
from kb.core.findings import Cause, Comparison, Finding
from kb.core.intervals import Interval
from kb.core.records import Claim, Reference, date_of
from kb.core.text import interval_text
from kb.core.units import conversion_factor
from kb.errors import UnitError
from kb.rules.causes import property_name
from kb.rules.compare import Comparer

#: Bytes one parameter takes at each precision of ``datasets/conditions.yaml`` (``precision``)
#: whose width is fixed (``mixed`` has none).
BYTES_PER_PARAMETER = {"fp64": 8.0, "fp32": 4.0, "tf32": 4.0, "fp16": 2.0, "bf16": 2.0, "fp8": 1.0, "int8": 1.0,
                       "fp6": 0.75, "fp4": 0.5, "int4": 0.5}
#: A stated size is a miss when it lies more than this factor below or above parameters x bytes
#: at a quantised precision (under two bytes a parameter: the formats' scales and zero points, and
#: layers kept at higher precision, add up to a quarter or more) ...
SLACK = 1.5
#: ... and more than this factor at 16 bits or more, where nothing is added but GB read as GiB
#: (7%) and a few tensors more or less.
SLACK_FULL = 1.2
#: A miss that lies within this factor of the size at another precision names that precision.
MATCH = 1.1

#: A memory to run a model is a miss when it lies more than this factor below its weights alone
#: (GB read as GiB, 7%, and a rounded figure; a run adds to the weights, it never takes away).
SLACK_FLOOR = 1.1

PROPERTY, PARAMETERS = "weights-memory", "parameters-total"
#: The memory to run a model: at least its weights at the stated precision.
SERVING = "serving-memory"


def weights_size(cmp: Comparer) -> Iterator[Finding]:
    """``weights-size``: a stated size of a model's weights that misses its parameter count
    times the bytes per parameter of the stated precision."""
    kb = cmp.kb
    if PROPERTY not in kb.properties or PARAMETERS not in kb.properties:
        return
    try:
        per_gb = conversion_factor(kb.properties[PROPERTY].canonical_unit, "byte")
        per_param = conversion_factor(kb.properties[PARAMETERS].canonical_unit, "parameter")
    except (UnitError, ValueError, TypeError):
        return
    counts: dict[tuple[str, str], list[Claim]] = {}
    for c in kb.claims:
        if c.property == PARAMETERS and c.ok and c.interval is not None:
            counts.setdefault((c.source, c.entity), []).append(c)
    serving = SERVING in kb.properties and kb.properties[SERVING].canonical_unit == kb.properties[PROPERTY].canonical_unit
    for c in kb.claims:
        if c.property not in (PROPERTY, SERVING) or not c.ok or c.interval is None or c.entity not in kb.entities:
            continue
        floor_only = c.property == SERVING
        if floor_only and not serving:
            continue
        precision = (c.conditions or {}).get("precision")
        width = BYTES_PER_PARAMETER.get(precision) if isinstance(precision, str) else None
        if width is None or (c.conditions or {}).get("threshold", "none") != "none":
            continue
        basis = _parameters(cmp, c) or [x for x in counts.get((c.source, c.entity), []) if _sized(x)]
        if not basis:
            continue
        low = min(r.interval.low for r in basis) * per_param
        high = max(r.interval.high for r in basis) * per_param
        expected = Interval(low * width / per_gb, high * width / per_gb, kb.properties[PROPERTY].canonical_unit)
        stated = c.interval
        if floor_only:
            if stated.high >= expected.low / SLACK_FLOOR:
                continue
            yield _below_weights(kb, c, precision, width, basis, low, high, expected)
            continue
        slack = SLACK if width < 2 else SLACK_FULL
        if stated.high >= expected.low / slack and stated.low <= expected.high * slack:
            continue
        shown, comp, where = _computed(c, width, basis, low, high, expected)
        ent = kb.entities[c.entity]
        msg = (f"{ent.name} {property_name(kb, PROPERTY)} at {precision}: stated {c.display()} "
               f"({interval_text(stated)}) misses its parameter count ({where}) times the bytes of one "
               f"parameter at {precision}: {shown} = {interval_text(expected)}, {comp.text()}")
        yield cat.WEIGHTS_SIZE.finding(msg, c.path, c.line, (c.id,), comparisons=(comp,),
                                       causes=tuple(_causes(stated, low / per_gb, high / per_gb, precision, basis)))


def _computed(c: Claim, width: float, basis, low: float, high: float, expected: Interval):
    """The weights' size as computed for a claim: the product as shown ("8B parameter x 2 byte"),
    its comparison with the stated value, and where the parameter count came from."""
    count = basis[0].display() if len(basis) == 1 else f"{_params_text(low, high)} parameter"
    shown = f"{count} x {width:g} byte"
    comp = Comparison.of(c.id, f"computed:{c.id}:parameters x bytes", "computed", c.display(),
                         f"{shown} = {interval_text(expected)}", c.interval, expected)
    where = "the knowledge base's reference" if isinstance(basis[0], Reference) else "the article's own figure"
    return shown, comp, where


def _below_weights(kb, c: Claim, precision: str, width: float, basis, low: float, high: float,
                   expected: Interval) -> Finding:
    """A memory to run a model below what its weights alone take at the stated precision."""
    per_gb = conversion_factor(kb.properties[PROPERTY].canonical_unit, "byte")
    shown, comp, where = _computed(c, width, basis, low, high, expected)
    ent = kb.entities[c.entity]
    msg = (f"{ent.name} {property_name(kb, c.property)} at {precision}: stated {c.display()} "
           f"({interval_text(c.interval)}) is less than its weights alone, its parameter count ({where}) times "
           f"the bytes of one parameter at {precision}: {shown} = {interval_text(expected)}, {comp.text()}; "
           "running a model takes its weights and more (cache, activations)")
    causes = [x for x in _causes(c.interval, low / per_gb, high / per_gb, precision, basis)
              if x.kind == "other-conditions"]
    return cat.WEIGHTS_SIZE.finding(msg, c.path, c.line, (c.id,), comparisons=(comp,), causes=tuple(causes))


def _parameters(cmp: Comparer, c: Claim) -> list[Reference]:
    """The references of the model's own parameter count in force at the claim's date."""
    when = date_of(getattr(c, "as_of", None))
    return [r for r in cmp.kb.references
            if r.entity == c.entity and r.property == PARAMETERS and r.ok and _sized(r)
            and (r.conditions or {}).get("threshold", "none") == "none" and cmp.in_force(r, when)]


def _sized(r: Claim | Reference) -> bool:
    iv = r.interval
    return iv is not None and iv.low > 0 and math.isfinite(iv.high)


def _params_text(low: float, high: float) -> str:
    def b(x: float) -> str:
        return f"{x / 1e9:.4g} billion"
    return b(low) if math.isclose(low, high, rel_tol=1e-9) else f"{b(low)}-{b(high)}"


def _causes(stated: Interval, low_b: float, high_b: float, precision: str, basis) -> list[Cause]:
    """The precision whose size the stated one equals, or a factor of about two."""
    ids = tuple(r.id for r in basis)
    out = []
    for other, width in sorted(BYTES_PER_PARAMETER.items(), key=lambda kv: (kv[1], kv[0])):
        if width == BYTES_PER_PARAMETER[precision]:
            continue
        if stated.high >= low_b * width / MATCH and stated.low <= high_b * width * MATCH:
            out.append(Cause("other-conditions", f"equals the size at {other} ({width:g} byte per parameter), not "
                             f"at {precision} ({BYTES_PER_PARAMETER[precision]:g})", ids, width / BYTES_PER_PARAMETER[precision]))
            break
    if not out:
        mid, exp = (stated.low + stated.high) / 2, (low_b + high_b) / 2 * BYTES_PER_PARAMETER[precision]
        ratio = mid / exp if exp else 0.0
        if 0 < ratio and (abs(ratio - 2) <= 0.2 or abs(1 / ratio - 2) <= 0.2):
            width = BYTES_PER_PARAMETER[precision]
            counted = width * 2 if ratio > 1 else width / 2
            out.append(Cause("factor-two", f"about {'twice' if ratio > 1 else 'half'} the size: each parameter "
                             f"counted at {counted:g} byte instead of {width:g}", ids, ratio))
    return out
