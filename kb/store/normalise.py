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


#: The time a yearly change is stated per ("adds 40 TWh a year"): a difference claim in the
#: numerator's unit per this is a change per year between the two sides' dates.
PER_PERIOD = "year"


def side_unit(prop: Property, unit: str | None, numerator: Property | None,
              denominator: Property | None) -> str | Problem:
    """The canonical unit of a claim whose property takes its unit from the numerator's
    (``unit_from: numerator``, a difference): the numerator property's canonical unit, or that
    unit per year when the claim is stated per year (a yearly addition), or why there is none.

    ``numerator`` / ``denominator`` are the properties the two sides name (None when a side or
    its property is missing or unknown: the loader and the integrity rules say so)."""
    if numerator is None or not numerator.canonical_unit:
        why = "names no quantity" if numerator is not None else "is missing or names no known property"
        return Problem(catalogue.SCHEMA, "numerator", f"a {prop.id} is in the unit of its numerator's property, "
                       f"and the numerator {why}")
    cu = numerator.canonical_unit
    if denominator is not None and denominator.canonical_unit and denominator.dimensionality != numerator.dimensionality:
        return Problem(catalogue.UNIT_DIMENSION, "denominator",
                       f"a {prop.id} subtracts quantities of one dimension: the numerator's {numerator.id} is in "
                       f"{cu}, the denominator's {denominator.id} in {denominator.canonical_unit}")
    if unit is None:
        return cu  # to_interval says the unit is missing
    per = f"{cu}/{PER_PERIOD}"
    for target in (cu, per):
        try:
            conversion_factor(unit, target)
            return target
        except UnitError as exc:
            if getattr(exc, "kind", "unknown") != "dimension":
                return Problem(catalogue.UNIT_UNKNOWN, "unit", str(exc))
    return Problem(catalogue.UNIT_DIMENSION, "unit",
                   f"a {prop.id} of {numerator.id} is in {cu} (or {per} for a change per year), not {unit}")


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
