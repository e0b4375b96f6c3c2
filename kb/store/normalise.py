"""Pure normalisation: a stated value and its property become one :class:`Interval` in the
property's canonical unit, or a :class:`Problem` that says which rule it breaks and why.

Nothing here reads files or changes a record; the loader calls :func:`to_interval` before it
builds each (frozen) record, and the tests call the same function.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from kb.core import catalogue
from kb.core.catalogue import Rule
from kb.core.intervals import Interval, interval, stated_precision
from kb.core.records import Property
from kb.core.units import UnitError, conversion_factor


@dataclass(frozen=True, slots=True)
class Problem:
    rule: Rule
    field: str  # the field the finding points at
    message: str


def to_interval(prop: Property, qualifier: str, unit: str | None, value: float | None = None,
                low: float | None = None, high: float | None = None,
                written: dict | None = None) -> Interval | Problem:
    """The canonical interval of a stated value, or why there is none.

    ``written`` holds the numbers as written (``{"value": "2.50"}``), for their precision;
    without it the numbers' own digits count.
    """
    if prop.type == "categorical" or not prop.canonical_unit:
        raise ValueError(f"{prop.id} has no canonical unit")
    if unit is None:
        return Problem(catalogue.SCHEMA, "unit", "missing required field 'unit'")
    try:
        factor = conversion_factor(unit, prop.canonical_unit)
    except UnitError as exc:
        if getattr(exc, "kind", "unknown") == "dimension":
            return Problem(catalogue.UNIT_DIMENSION, "unit", f"{prop.id} is measured in {prop.canonical_unit}: {exc}")
        return Problem(catalogue.UNIT_UNKNOWN, "unit", str(exc))
    w = written or {}
    if qualifier == "range":
        prec = (stated_precision(w.get("low", low)), stated_precision(w.get("high", high)))
    else:
        prec = (stated_precision(w.get("value", value)),) * 2
    lo, hi = interval(qualifier, value, low, high, prec, prop.states_maximum)
    lo, hi = lo * factor, hi * factor
    if not prop.signed:
        lo = max(lo, 0.0)
    if not (math.isfinite(lo) and (math.isfinite(hi) or (qualifier == "lower_bound" and hi > 0))):
        return Problem(catalogue.SCHEMA, "value", f"the value is out of range in {prop.canonical_unit}")
    return Interval(lo, hi, prop.canonical_unit)
