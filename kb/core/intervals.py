"""How a stated value becomes an interval, and how two intervals compare.

Every claim and reference value becomes an :class:`Interval` ``[low, high]`` in its
property's canonical unit. The tolerances are fixed here, documented on the site, and never
tuned per case:

* ``exact``: the value plus or minus half a unit in its last written decimal place
  ("700" → 699.5–700.5; "0.03" → 0.025–0.035).
* ``approx`` ("about", "around", "~"): plus or minus :data:`APPROX_RELATIVE` (10 %) of the
  value, on top of the stated precision.
* ``upper_bound`` ("up to"): from 0 to the value. For a property that *is* a maximum (TDP,
  peak throughput, context window: ``states_maximum`` in the vocabulary) "up to X" names
  the maximum itself, so it is read like ``exact``.
* ``lower_bound`` ("over", "exceeding"): from the value to infinity.
* ``range``: from ``low`` to ``high``, each widened by its stated precision.

Two intervals **agree** when they share a point. Otherwise they are a **factor** apart: the
smallest ratio between a value of one and a value of the other, i.e. the ratio of their
nearest ends (always ≥ 1; 1 when they agree). The **direction** says whether the first lies
above or below the second. :meth:`Interval.compare` is the one definition; every message,
page, table and chart shows these numbers.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

#: Relative tolerance of an ``approx`` value ("about 400 W" is 360–440 W).
APPROX_RELATIVE = 0.10

TOLERANCES = {
    "exact": "± half a unit in the last written decimal place",
    "approx": f"± {APPROX_RELATIVE:.0%} of the value, plus the stated precision",
    "upper_bound": "0 to the value (for a property that states a maximum: as exact)",
    "lower_bound": "the value to infinity",
    "range": "low to high, each widened by its stated precision",
}

QUALIFIERS = tuple(TOLERANCES)
_PLAIN = re.compile(r"^[-+]?\d*(?:\.(\d+))?$")


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval ``[low, high]`` in ``unit`` (a unit text of :mod:`kb.core.units`).

    ``high`` may be ``inf`` (an open upper end). Claims and references have a finite
    ``low``; derived values may be open below too.
    """

    low: float
    high: float
    unit: str
    #: the exchange rate (:class:`kb.core.records.Rate`) a value stated in another currency was
    #: converted to USD with; None for every other value
    via: object = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if math.isnan(self.low) or math.isnan(self.high) or self.low > self.high or self.low == math.inf:
            raise ValueError(f"not an interval: [{self.low}, {self.high}]")

    @property
    def bounds(self) -> tuple[float, float]:
        return (self.low, self.high)

    @property
    def open_high(self) -> bool:
        return math.isinf(self.high)

    @property
    def mid(self) -> float:
        """A representative value: the geometric mean of positive finite ends, else the finite end."""
        return midpoint(self.bounds)

    def overlaps(self, other: "Interval") -> bool:
        return self.low <= other.high and other.low <= self.high

    def compare(self, other: "Interval") -> tuple[float, str]:
        """(factor, direction): how many times apart at least, and whether ``self`` lies
        ``above``, ``below`` or ``within`` ``other``. Both must be in the same unit."""
        if self.unit != other.unit:
            raise ValueError(f"cannot compare {self.unit} with {other.unit}")
        if self.overlaps(other):
            return 1.0, "within"
        return gap_ratio(self.bounds, other.bounds), ("above" if self.low > other.high else "below")

    def scaled(self, factor: float, unit: str | None = None) -> "Interval":
        return Interval(self.low * factor, self.high * factor, unit or self.unit, self.via)


def interval(qualifier: str, value: float | None, low: float | None, high: float | None,
             precision: tuple[float, float], states_maximum: bool = False) -> tuple[float, float]:
    """The interval of a stated value, in the units it was stated in."""
    p_lo, p_hi = precision
    if qualifier == "range":
        return (low - p_lo, high + p_hi)
    if qualifier == "approx":
        if value < 0:  # a signed value (a fall of about 40 %)
            return (value * (1 + APPROX_RELATIVE) - p_lo, value * (1 - APPROX_RELATIVE) + p_lo)
        return (value * (1 - APPROX_RELATIVE) - p_lo, value * (1 + APPROX_RELATIVE) + p_lo)
    if qualifier == "upper_bound":
        if states_maximum:
            return (value - p_lo, value + p_lo)
        return (min(0.0, value), value + p_lo)
    if qualifier == "lower_bound":
        return (value - p_lo, math.inf)
    return (value - p_lo, value + p_lo)


def stated_precision(written: object) -> float:
    """Half a unit in the last written decimal place: ``"0.03"`` → 0.005, ``700`` → 0.5.

    A YAML float loses trailing zeros (``2.50`` → ``2.5``); write it as a string to keep them.
    """
    if type(written) is int:
        return 0.5
    s = str(written).strip().replace(",", "")
    m = _PLAIN.match(s)
    if m:  # a plain decimal: the digits after the point say it
        return 0.5 * 10.0 ** -len(m.group(1)) if m.group(1) else 0.5
    try:
        d = Decimal(s)
    except InvalidOperation:
        return 0.0
    exp = d.as_tuple().exponent
    if not isinstance(exp, int):
        return 0.0
    return 0.5 * 10.0 ** min(exp, 0) if exp <= 0 else 0.5


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """True when the closed intervals share at least one point."""
    return a[0] <= b[1] and b[0] <= a[1]


def gap_ratio(a: tuple[float, float], b: tuple[float, float]) -> float:
    """How many times apart two disjoint intervals are (nearest ends; 1.0 if they touch).

    Symmetric: ``gap_ratio(a, b) == gap_ratio(b, a)``. Infinite when the lower one ends at
    or below zero (no common scale).
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
