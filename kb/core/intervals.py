"""How a stated value becomes an interval, and how intervals compare.

Every claim and reference value becomes a closed interval ``[low, high]`` in its property's
canonical unit. The tolerances are fixed here, documented on the site, and never tuned per
case:

* ``exact``: the value plus or minus half a unit in its last written decimal place
  ("700" → 699.5–700.5; "0.03" → 0.025–0.035).
* ``approx`` ("about", "around", "~"): plus or minus :data:`APPROX_RELATIVE` (10 %) of the
  value, on top of the stated precision.
* ``upper_bound`` ("up to"): from 0 to the value. For a property that *is* a maximum (TDP,
  peak throughput, context window: ``states_maximum`` in the vocabulary) "up to X" names
  the maximum itself, so it is read like ``exact``.
* ``lower_bound`` ("over", "exceeding"): from the value to infinity.
* ``range``: from ``low`` to ``high``, each widened by its stated precision.

Two intervals conflict when they are disjoint. The *ratio* reported with a conflict is the
factor between the nearest ends, always ≥ 1.
"""

from __future__ import annotations

import math

#: Relative tolerance of an ``approx`` value ("about 400 W" is 360–440 W).
APPROX_RELATIVE = 0.10

TOLERANCES = {
    "exact": "± half a unit in the last written decimal place",
    "approx": f"± {APPROX_RELATIVE:.0%} of the value, plus the stated precision",
    "upper_bound": "0 to the value (for a property that states a maximum: as exact)",
    "lower_bound": "the value to infinity",
    "range": "low to high, each widened by its stated precision",
}


def interval(
    qualifier: str,
    value: float | None,
    low: float | None,
    high: float | None,
    precision: tuple[float, float],
    states_maximum: bool = False,
) -> tuple[float, float]:
    """The interval of a stated value, in the units it was stated in."""
    p_lo, p_hi = precision
    if qualifier == "range":
        return (low - p_lo, high + p_hi)
    if qualifier == "approx":
        return (value * (1 - APPROX_RELATIVE) - p_lo, value * (1 + APPROX_RELATIVE) + p_lo)
    if qualifier == "upper_bound":
        if states_maximum:
            return (value - p_lo, value + p_lo)
        return (0.0, value + p_lo)
    if qualifier == "lower_bound":
        return (value - p_lo, math.inf)
    return (value - p_lo, value + p_lo)


def scaled(iv: tuple[float, float], factor: float) -> tuple[float, float]:
    lo, hi = iv
    return (lo * factor, hi * factor)


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """True when the closed intervals share at least one point."""
    return a[0] <= b[1] and b[0] <= a[1]


def gap_ratio(a: tuple[float, float], b: tuple[float, float]) -> float:
    """How many times apart two disjoint intervals are (nearest ends; 1.0 if they touch).

    Symmetric: ``gap_ratio(a, b) == gap_ratio(b, a)``.
    """
    if overlaps(a, b):
        return 1.0
    lo_end, hi_start = (a[1], b[0]) if a[1] < b[0] else (b[1], a[0])
    if lo_end <= 0:
        return math.inf
    return hi_start / lo_end


def midpoint(iv: tuple[float, float]) -> float:
    lo, hi = iv
    if math.isinf(hi):
        return lo
    if lo <= 0:
        return hi
    return math.sqrt(lo) * math.sqrt(hi)  # geometric mean, without underflow


def value_ratio(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Ratio of the representative values of two intervals (a over b)."""
    ma, mb = midpoint(a), midpoint(b)
    if mb == 0:
        return math.inf
    return ma / mb
