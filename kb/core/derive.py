"""Derived values: arithmetic on claims and references that keeps its lineage.

A :class:`Derived` value is an interval ``[low, high]`` in a unit, the ids of the claims and
references it was computed from (``inputs``) and the formula that combined them. Arithmetic
(``*``, ``/``, ``+``, ``-``) propagates the intervals, so a derived value is exactly as
uncertain as its inputs allow, and shows where each of its numbers came from::

    price = from_record(kb.claim("s001-h100-rental-price"))       # ≤ 30 USD/hour
    speed = from_record(ref)                                      # ~365 token/s
    cost = (price / speed).to("USD per 1M tokens")
    cost.inputs   # ('ref-…-inference-throughput-…', 's001-h100-rental-price')

Interval rules (all ends may be infinite; ``0 × ∞`` is taken as 0, the limit that keeps a
bound that starts at zero at zero):

* ``[a, b] × [c, d]`` = the smallest and largest of ``ac, ad, bc, bd``.
* ``[a, b] ÷ [c, d]`` = ``[a, b] × [1/d, 1/c]``, with ``1/0 = ∞`` for a divisor that starts
  at 0; a divisor interval that has 0 strictly inside is an error (``DeriveError``), and
  ``[0, 0]`` is a division by zero.
* ``[a, b] + [c, d]`` = ``[a + c, b + d]``; ``[a, b] − [c, d]`` = ``[a − d, b − c]``; the
  second operand is first converted to the first one's unit (other dimensionalities are
  refused).

Units are unit texts as the knowledge base writes them (``"USD per 1M tokens"``, ``"billion
parameter"``), read by :mod:`kb.core.units`. The unit algebra is
:class:`~kb.core.units.UnitSize`, which gives pint's results without importing pint when
the unit texts are in the on-disk cache, so the checker can evaluate an article's
arithmetic (:mod:`kb.core.formula`) at no start-up cost. The notebook helpers (tables,
joins) are in :mod:`kb.analysis.derive`; this module is the one implementation of the
arithmetic.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Iterable

from kb.core.intervals import Interval
from kb.core.units import UnitSize
from kb.errors import DeriveError, UnitError

__all__ = ["Derived", "from_record", "from_claim", "from_reference", "stated", "constant", "envelope", "fmt",
           "DeriveError"]

_OPS = {"*": "×", "/": "÷", "+": "+", "-": "−"}
_PRECEDENCE = {"*": 2, "/": 2, "+": 1, "-": 1}


@dataclass(frozen=True, init=False)
class Derived:
    """An interval in a unit, with the ids it came from and the formula that made it."""

    low: float
    high: float
    unit: str
    inputs: tuple[str, ...] = ()
    formula: str = ""
    size: UnitSize = field(default=None, repr=False, compare=False)  # size of one `unit`
    prec: int = field(default=3, repr=False, compare=False)  # 3: atom, 2: × ÷, 1: + −

    def __init__(self, low: float, high: float, unit: str, inputs: tuple[str, ...] = (), formula: str = "",
                 size: UnitSize = None, prec: int = 3) -> None:
        # Written out rather than generated: a frozen dataclass's own __init__ sets each field
        # through object.__setattr__ and its __post_init__ sets three of them again (~14,000
        # values a check, ~3% of it). The same fields, checks and messages, in the same order.
        if size is None:
            size = _parse(unit)
        lo, hi = float(low), float(high)
        if math.isnan(lo) or math.isnan(hi):
            raise DeriveError(f"{formula or 'value'}: not a number")
        if lo > hi:
            raise DeriveError(f"{formula or 'value'}: low {lo} is above high {hi}")
        if lo == math.inf or hi == -math.inf:
            raise DeriveError(f"{formula or 'value'}: an interval cannot start at +∞ or end at −∞")
        d = self.__dict__
        d["low"] = lo
        d["high"] = hi
        d["unit"] = unit
        d["inputs"] = tuple(sorted(set(inputs)))
        d["formula"] = formula
        d["size"] = size
        d["prec"] = prec

    # ------------------------------------------------------------------ construction

    @classmethod
    def of(cls, low: float, high: float | None = None, unit: str = "", *, inputs: Iterable[str] = (),
           formula: str | None = None) -> "Derived":
        """A value from numbers: ``Derived.of(3600, unit="s/hour")`` or ``Derived.of(2, 3, "W")``."""
        high = low if high is None else high
        text = formula if formula is not None else _constant_text(low, high, unit)
        return cls(low, high, unit or "dimensionless", tuple(inputs), text)

    # ------------------------------------------------------------------ reading

    @property
    def interval(self) -> Interval:
        """The value as an :class:`~kb.core.intervals.Interval` (the type claims are normalised to)."""
        return Interval(self.low, self.high, self.unit)

    @property
    def one(self):
        """The size of one ``unit`` as a pint quantity (imports pint)."""
        return self.size.to_pint()

    @property
    def quantity(self):
        """The interval as a pint quantity with a two-element magnitude ``[low, high]`` (imports pint)."""
        import numpy as np

        return np.array([self.low, self.high]) * self.one

    @property
    def dimensionless(self) -> bool:
        return self.size.dimensionless

    @property
    def mid(self) -> float:
        """A representative value: the geometric mean of positive finite ends, else the finite end."""
        return self.interval.mid

    def contains(self, x: float) -> bool:
        return self.low <= x <= self.high

    def overlaps(self, other: "Derived") -> bool:
        return self.interval.overlaps(other.to(self).interval)

    def compare(self, other: "Derived") -> tuple[float, str]:
        """(factor, direction) as :meth:`Interval.compare` defines them, in this value's unit."""
        return self.interval.compare(other.to(self).interval)

    def gap(self, other: "Derived") -> float:
        """How many times apart two values are (1.0 when their intervals overlap)."""
        return self.compare(other)[0]

    def same_dimension(self, unit: "str | Derived") -> bool:
        """Whether the value can be expressed in ``unit``."""
        target = unit.size if isinstance(unit, Derived) else _parse(unit)
        return self.size.same_dimension(target)

    def to(self, unit: Any) -> "Derived":
        """The same value expressed in another unit of the same dimensionality (a unit text,
        another :class:`Derived`, a :class:`~kb.core.units.UnitSize`, or a pint unit or quantity)."""
        if isinstance(unit, Derived):
            text, target = unit.unit, unit.size
        elif isinstance(unit, str):
            text, target = unit, _parse(unit)
        elif isinstance(unit, UnitSize):
            text, target = unit.text(), unit
        else:  # pint
            target = UnitSize.from_pint(unit)
            text = UnitSize(1.0, target.names).text()
        try:
            factor = self.size.ratio(target)
        except UnitError:
            raise DeriveError(f"cannot express {self.unit} ({_dim(self.size)}) in {text} ({_dim(target)})") from None
        return Derived(_scale(self.low, factor), _scale(self.high, factor), text, self.inputs,
                       self.formula, target, self.prec)

    def named(self, formula: str) -> "Derived":
        """The same value with a shorter formula text (the inputs are kept)."""
        return Derived(self.low, self.high, self.unit, self.inputs, formula, self.size, 3)

    def widened(self, relative: float, formula: str | None = None) -> "Derived":
        """The interval widened by ``relative`` on each side (a finite end times 1 ∓ relative)."""
        lo = self.low - abs(self.low) * relative if math.isfinite(self.low) else self.low
        hi = self.high + abs(self.high) * relative if math.isfinite(self.high) else self.high
        return Derived(lo, hi, self.unit, self.inputs, formula or self.formula, self.size, self.prec)

    def display(self, digits: int = 3) -> str:
        """``"0.0083–0.0085 USD/token"``, ``"≥ 0.025 USD/token"``, ``"700 W"``."""
        unit = f" {self.unit}" if self.unit not in ("", "dimensionless") else ""
        lo, hi = fmt(self.low, digits), fmt(self.high, digits)
        if self.high == math.inf:
            return f"≥ {lo}{unit}" if self.low > -math.inf else f"any value{unit}"
        if self.low == -math.inf:
            return f"≤ {hi}{unit}"
        if self.low == self.high or lo == hi:
            return f"{lo}{unit}"
        # a dash between two numbers reads as a minus when an end is negative: "-5 to -3", not "-5–-3"
        sep = " to " if self.low < 0 or self.high < 0 else "–"
        return f"{lo}{sep}{hi}{unit}"

    def __str__(self) -> str:
        return self.display()

    def _repr_pretty_(self, p, cycle) -> None:  # IPython display: the value and its lineage
        p.text(f"{self.display()}  = {self.formula}  [inputs: {', '.join(self.inputs) or 'none'}]")

    # ------------------------------------------------------------------ arithmetic

    def __mul__(self, other):
        return _combine(self, _operand(other), "*")

    def __rmul__(self, other):
        return _combine(_operand(other), self, "*")

    def __truediv__(self, other):
        return _combine(self, _operand(other), "/")

    def __rtruediv__(self, other):
        return _combine(_operand(other), self, "/")

    def __add__(self, other):
        return _combine(self, _operand(other), "+")

    def __radd__(self, other):
        return _combine(_operand(other), self, "+")

    def __sub__(self, other):
        return _combine(self, _operand(other), "-")

    def __rsub__(self, other):
        return _combine(_operand(other), self, "-")

    def __neg__(self) -> "Derived":
        return Derived(-self.high, -self.low, self.unit, self.inputs, f"−{_paren(self.formula, self.prec < 3)}",
                       self.size, 3)

    def __pow__(self, exponent: float) -> "Derived":
        """A power of a non-negative value (``(factor) ** (1 / 10)`` for a yearly rate)."""
        if isinstance(exponent, bool) or not isinstance(exponent, (int, float)):
            raise TypeError("the exponent must be a plain number")
        if self.low < 0:
            raise DeriveError(f"power of {self.formula}, which can be negative")
        if exponent < 0:
            return constant(1.0) / (self ** -exponent)
        size = (self.size ** exponent).reduced()
        m = size.magnitude
        lo, hi = (self.low ** exponent) * m, (self.high ** exponent) * m
        text = f"{_paren(self.formula, self.prec < 3)}^{fmt(exponent, 4)}"
        one = UnitSize(1.0, size.names)
        return Derived(lo, hi, one.text(), self.inputs, text, one, 3)


# ---------------------------------------------------------------------- from records


def from_record(rec: Any, label: str | None = None) -> Derived:
    """The canonical interval of a claim or reference, its id as input and formula.

    ``label`` replaces the formula text (the id stays in ``inputs``).
    """
    iv = getattr(rec, "interval", None)
    if iv is None:
        why = "categorical" if getattr(rec, "categorical", False) else "has no usable value (see kb check)"
        raise DeriveError(f"{getattr(rec, 'id', rec)!s}: {why}")
    return Derived(iv.low, iv.high, iv.unit, (rec.id,), label or rec.id)


def stated(rec: Any, label: str | None = None) -> Derived:
    """A claim or reference read plainly: the number(s) as written, in the unit as written,
    with no tolerance and no open end ("up to $30" is 30). For the "taken at face value"
    reading beside the interval one (:func:`from_record`)."""
    if getattr(rec, "categorical", False) or not getattr(rec, "unit", None):
        raise DeriveError(f"{getattr(rec, 'id', rec)!s}: categorical or without a unit")
    lo, hi = (rec.low, rec.high) if rec.qualifier == "range" else (rec.value, rec.value)
    if lo is None or hi is None:
        raise DeriveError(f"{rec.id}: has no usable value (see kb check)")
    return Derived(lo, hi, rec.unit, (rec.id,), label or f"{rec.id} (as stated)")


def from_claim(claim: Any, label: str | None = None) -> Derived:
    """A claim's value (see :func:`from_record`)."""
    return from_record(claim, label)


def from_reference(ref: Any, label: str | None = None) -> Derived:
    """A reference's value (see :func:`from_record`)."""
    return from_record(ref, label)


def constant(value: float, unit: str = "dimensionless", text: str | None = None) -> Derived:
    """An exact number with no inputs: ``constant(3600, "s/hour")``."""
    return Derived.of(value, value, unit, formula=text)


def envelope(values: Iterable[Derived], formula: str | None = None) -> Derived:
    """The smallest interval holding every value (in the first one's unit); inputs united."""
    vals = list(values)
    if not vals:
        raise DeriveError("envelope of no values")
    first = vals[0]
    conv = [v.to(first) for v in vals]
    inputs = sorted({i for v in vals for i in v.inputs})
    if formula is None:
        names = [v.formula for v in vals]
        if len(names) == 1:
            formula = names[0]
        else:
            formula = f"envelope({', '.join(names)})" if len(names) <= 3 else f"envelope of {len(names)} values"
    prec = first.prec if len(vals) == 1 else 3
    return Derived(min(v.low for v in conv), max(v.high for v in conv), first.unit, inputs, formula, first.size, prec)


# ---------------------------------------------------------------------- internals


def _operand(x: Any) -> Derived:
    if isinstance(x, Derived):
        return x
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return Derived.of(float(x), float(x), "dimensionless", formula=fmt(float(x)))
    if hasattr(x, "canonical_low"):
        return from_record(x)
    if hasattr(x, "magnitude") and hasattr(x, "units"):  # a pint quantity
        m = float(x.magnitude)
        one = UnitSize(1.0, UnitSize.from_pint(x).names)
        return Derived(m, m, one.text(), (), f"{fmt(m)} {one.text()}", one)
    raise TypeError(f"cannot compute with {type(x).__name__}")


def _combine(a: Derived, b: Derived, op: str) -> Derived:
    if op in "+-":
        b2 = b.to(a)
        if op == "+":
            lo, hi = a.low + b2.low, a.high + b2.high
        else:
            lo, hi = a.low - b2.high, a.high - b2.low
        size, unit = a.size, a.unit
    else:
        if op == "/":
            rlo, rhi = _reciprocal(b)
        else:
            rlo, rhi = b.low, b.high
        ends = [_mul(x, y) for x in (a.low, a.high) for y in (rlo, rhi)]
        lo, hi = min(ends), max(ends)
        m, size, unit = _product_unit(a.size, b.size, op)
        lo, hi = _scale(lo, m), _scale(hi, m)
    p = _PRECEDENCE[op]
    left = _paren(a.formula, a.prec < p)
    right = _paren(b.formula, b.prec < p or (b.prec == p and op in "-/"))
    return Derived(lo, hi, unit, a.inputs + b.inputs, f"{left} {_OPS[op]} {right}", size, p)


#: (op, the two sizes' magnitudes and names) -> what :func:`_product_unit` gives: a check
#: multiplies and divides the same few units thousands of times.
_PRODUCTS: dict[tuple, tuple[float, UnitSize, str]] = {}


def _product_unit(sa: UnitSize, sb: UnitSize, op: str) -> tuple[float, UnitSize, str]:
    """The unit of a product (``op`` ``*``) or quotient (``/``) of two sizes, reduced: its
    magnitude, its size of magnitude 1 and its text. UnitSize values are never changed, so
    the result of one pair of sizes is computed once (a size of magnitude 0 is not kept)."""
    key = (op, sa.magnitude, sa.names, sb.magnitude, sb.names)
    hit = _PRODUCTS.get(key) if sa.magnitude and sb.magnitude else None
    if hit is None:
        q = ((sa * sb) if op == "*" else (sa / sb)).reduced()
        size = UnitSize(1.0, q.names)
        hit = (q.magnitude, size, size.text())
        if sa.magnitude and sb.magnitude and len(_PRODUCTS) < 65536:
            _PRODUCTS[key] = hit
    return hit


def _reciprocal(b: Derived) -> tuple[float, float]:
    c, d = b.low, b.high
    if c == 0 and d == 0:
        raise ZeroDivisionError(f"division by {b.formula} = 0")
    if c > 0 or d < 0:
        return (1 / d if not math.isinf(d) else 0.0, 1 / c if not math.isinf(c) else 0.0)
    if c == 0:
        return (1 / d if not math.isinf(d) else 0.0, math.inf)
    if d == 0:
        return (-math.inf, 1 / c if not math.isinf(c) else 0.0)
    raise DeriveError(f"division by {b.formula}, an interval that holds 0 ({fmt(c)} to {fmt(d)})")


def _mul(x: float, y: float) -> float:
    if x == 0 or y == 0:
        return 0.0
    return x * y


def _scale(x: float, m: float) -> float:
    return x if m == 1 else _mul(x, m)


def _paren(text: str, wrap: bool) -> str:
    return f"({text})" if wrap else text


def _parse(unit: str) -> UnitSize:
    try:
        return UnitSize.of(unit)
    except UnitError as exc:
        raise DeriveError(str(exc)) from None


def _dim(size: UnitSize) -> str:
    from kb.core.units import dimension_text

    return dimension_text(size.base()[1])


def _constant_text(low: float, high: float, unit: str) -> str:
    u = f" {unit}" if unit not in ("", "dimensionless") else ""
    return f"{fmt(low)}{u}" if low == high else f"[{fmt(low)}, {fmt(high)}]{u}"


def fmt(x: float, digits: int = 3, sign: bool = False) -> str:
    """A number for people: ``digits`` significant digits, thousands separators, ``∞``.

    ``fmt(0.008472) == "0.00847"``, ``fmt(1220.3) == "1,220"``, ``fmt(105000) == "105,000"``,
    ``fmt(3.2e-9) == "3.20e-09"``. One sign, the ASCII ``-`` (as Python and pandas write it),
    for every negative number, infinity included (``"-∞"``); nothing that is not a number
    prints as a dash (a missing value is ``"n/a"``), and zero has no sign. ``sign=True``
    writes ``+`` before positive numbers (for changes).
    """
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    if math.isinf(x):
        return ("-∞" if x < 0 else "+∞" if sign else "∞")
    text = _fmt_abs(abs(x), digits)
    if text == "0":
        return "0"
    return ("-" if x < 0 else "+" if sign else "") + text


def _fmt_abs(x: float, digits: int) -> str:
    """:func:`fmt` of a number ≥ 0."""
    if x == 0:
        return "0"
    ax = x
    if ax >= 1e15 or ax < 1e-4:
        return f"{x:.{max(digits - 1, 0)}e}"
    mag = math.floor(math.log10(ax))
    decimals = max(digits - 1 - mag, 0)
    r = round(x, decimals)
    if decimals == 0:
        # Keep `digits` significant digits, no more: 1220.3 -> 1,220.
        r = round(x, -(mag - digits + 1)) if mag >= digits else r
        return f"{int(r):,}"
    s = f"{r:,.{decimals}f}".rstrip("0").rstrip(".")
    return s
