"""One pint registry for the whole package, and the unit-text reader.

Articles write units the way people talk: "$0.03 per token", "$100 million per month",
"405 billion parameters", "60 teraflops", "per 1K tokens". Plain pint misreads several of
those (it drops ``$`` and turns ``$0.03/token`` into ``0.03 1/token``). :func:`parse_unit`
rewrites the text into a pint expression with nothing left out, and refuses (``UnitError``)
whatever it cannot read completely. Every unit text becomes a *scale quantity*: the size
of one unit of it, e.g. ``"USD per 1K tokens"`` is ``0.001 USD/token``.

Importing pint takes about half a second, longer than checking the whole knowledge base.
So the answers the loader needs (:func:`conversion_factor` and :func:`dimensionality` of
unit texts) are kept in a small cache file, keyed by the pint version and the source of this
module and of ``units.txt``; when every answer is there, ``kb check`` never imports pint.
The cache lives in ``$KB_CACHE_DIR`` (default: the system's temporary folder), never in the
project.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import importlib.resources
import json
import os
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from kb.errors import UnitError

if TYPE_CHECKING:  # pragma: no cover
    import pint

__all__ = [
    "UnitError",
    "ureg",
    "parse_unit",
    "to_quantity",
    "conversion_factor",
    "dimensionality",
    "SCALE_WORDS",
    "UnitSize",
    "unit_terms",
    "name_info",
    "unit_shape",
]


def _build_registry() -> "pint.UnitRegistry":
    import pint

    base = importlib.resources.files("pint")
    text = (base / "default_en.txt").read_text(encoding="utf-8")
    # pint counts bits and bytes as dimensionless; memory sizes must not pass as ratios.
    text = text.replace("bit = []", "bit = [information]")
    # Writing about money means a quarter of a year ("9.5 per cent a quarter"), never the
    # avoirdupois quarter of 28 pounds; units.txt defines the quarter of a year.
    text = text.replace("quarter = 28 * pound", "")
    # ... and a decade is ten years ("replaced every decade"), not pint's logarithmic decade.
    text = text.replace("decade = 1 ; logbase: 10; logfactor: 1", "")
    text = text.replace(
        "@import constants_en.txt", (base / "constants_en.txt").read_text(encoding="utf-8")
    )
    reg = pint.UnitRegistry(None, cache_folder=None, autoconvert_offset_to_baseunit=True)
    reg.load_definitions(text.splitlines())
    domain = Path(__file__).with_name("units.txt").read_text(encoding="utf-8")
    reg.load_definitions(domain.splitlines())
    return reg


@functools.lru_cache(maxsize=1)
def registry() -> "pint.UnitRegistry":
    """The one pint registry (built on first use)."""
    return _build_registry()


def __getattr__(name: str):
    if name == "ureg":
        return registry()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

#: Scale words and their factors. Single letters count only as separate words
#: ("32 K tokens", "70 B parameter"); glued to a unit they are SI prefixes ("kW", "GB").
SCALE_WORDS = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "mm": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "t": 1e12,
    "quadrillion": 1e15,
}

# Words articles use for units, mapped to registry names (matched case-insensitively).
_WORDS = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "cent": "cent",
    "cents": "cent",
    "¢": "cent",
    "token": "token",
    "tokens": "token",
    "tok": "token",
    "parameter": "parameter",
    "parameters": "parameter",
    "param": "parameter",
    "params": "parameter",
    "watt": "W",
    "watts": "W",
    "kilowatt": "kW",
    "kilowatts": "kW",
    "megawatt": "MW",
    "megawatts": "MW",
    "gigawatt": "GW",
    "gigawatts": "GW",
    "flop": "FLOP",
    "flops": "FLOPS",
    "teraflop": "TFLOPS",
    "teraflops": "TFLOPS",
    "tflop": "TFLOPS",
    "tflops": "TFLOPS",
    "petaflop": "PFLOPS",
    "petaflops": "PFLOPS",
    "pflops": "PFLOPS",
    "exaflop": "EFLOPS",
    "exaflops": "EFLOPS",
    # OpenAI's shorthand for the petaflop/s-day ("pfs-days", "PF-days"); "PF" alone is a petafarad.
    "pfs-day": "petaflop_s_day",
    "pfs-days": "petaflop_s_day",
    "pf-day": "petaflop_s_day",
    "pf-days": "petaflop_s_day",
    # staff effort, as units.txt defines it ("person" alone is a head count)
    "person-hour": "person_hour",
    "person-hours": "person_hour",
    "engineer-hour": "person_hour",
    "engineer-hours": "person_hour",
    "person-day": "person_day",
    "person-days": "person_day",
    "engineer-day": "person_day",
    "engineer-days": "person_day",
    "gpu-day": "GPU_day",
    "gpu-days": "GPU_day",
    "gpu-hour": "GPU_hour",
    "gpu-hours": "GPU_hour",
    "gpu hour": "GPU_hour",
    "gpuh": "GPU_hour",
    "instance-hour": "instance_hour",
    "hr": "hour",
    "hrs": "hour",
    "hours": "hour",
    "mo": "month",
    "months": "month",
    "yr": "year",
    "years": "year",
    "days": "day",
    "seconds": "second",
    "sec": "second",
    "secs": "second",
    "x": "x",
    "×": "x",
    "times": "x",
    "%": "percent",
}

# Bit rates as networks write them, matched case-sensitively ("MBps" is bytes, "Mbps" bits): pint
# reads "bps" as baud, so "Mbps" came out as megabaud, and "Mb"/"Gb"/"Tb" as megabarn, gilbert and
# terabarn ("100 Mb/s", "400 Gb/s"); here they are bits (and bits a second).
_BIT_WORDS = {
    "bps": "(bit / second)",
    "kbps": "(kilobit / second)",
    "Kbps": "(kilobit / second)",
    "Mbps": "(megabit / second)",
    "Gbps": "(gigabit / second)",
    "Tbps": "(terabit / second)",
    "kb": "kilobit",
    "Kb": "kilobit",
    "Mb": "megabit",
    "Gb": "gigabit",
    "Tb": "terabit",
    # and bytes a second written the same way ("GBps")
    "kBps": "(kilobyte / second)",
    "KBps": "(kilobyte / second)",
    "MBps": "(megabyte / second)",
    "GBps": "(gigabyte / second)",
    "TBps": "(terabyte / second)",
}

_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?$")
# Tokens: numbers, words (letters, digits, _, -), or one of the symbols $ % × ¢ ^.
_TOKEN = re.compile(r"\s*(\d[\d,]*(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+|[A-Za-z_µΩ][A-Za-z0-9_\-µΩ]*|[$%×¢^])")
_ALLOWED_AFTER = re.compile(r"^[A-Za-z0-9_.*/()^ +\-eµΩ]*$")


# Numerals as _term writes them ("0.001", "1e-05"), so that a sign inside one is not read as
# an operator between units.
_NUMERALS = re.compile(r"(?<![A-Za-z_])\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")
# A flop word followed by "per second": the rate itself ("petaflop/s" is PFLOPS, never
# petaflops per second).
_FLOP_RATE = re.compile(r"(?i)\b(peta|tera|exa|giga|mega|kilo|[ptegmk])?(flops?)\s*/\s*(?:s|secs?|seconds?)\b")
_FLOP_PREFIX = {"peta": "P", "tera": "T", "exa": "E", "giga": "G", "mega": "M", "kilo": "k"}
# "X/s-day": X a second, kept up for a day.
_PER_SECOND_TIME = re.compile(
    r"(?i)\s*/\s*(s|secs?|seconds?)-(days?|hours?|hrs?|h|weeks?|months?|years?|yrs?)\b")


def _flop_rate(m: re.Match) -> str:
    word = m.group(0).split("/")[0].strip()
    hyphen = m.string[m.end():m.end() + 1] == "-"
    if not hyphen and not _WORDS.get(word.lower(), word).lower().endswith("flops"):
        return m.group(0)  # "FLOP/s", "PFLOP/s": a count over a second reads right as it is
    prefix = (m.group(1) or "").lower()
    return _FLOP_PREFIX.get(prefix, prefix.upper() if prefix != "k" else "k") + "FLOPS"


def _term(words: list[str], text: str) -> str:
    """Turn the words of one numerator or denominator part into a pint product."""
    factors: list[str] = []
    units: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        low = w.lower()
        if _NUMBER.match(w):
            factors.append(str(float(w.replace(",", ""))))
        elif low in SCALE_WORDS and (len(w) > 1 or i + 1 < len(words) or factors):
            factors.append(repr(SCALE_WORDS[low]))
        elif w[0].isdigit():
            # "1K", "1M", "70B": a number glued to a scale letter.
            m = re.match(r"^(\d+(?:\.\d+)?)([A-Za-z]+)$", w)
            if not m or m.group(2).lower() not in SCALE_WORDS:
                raise UnitError(f"cannot read {w!r} in unit {text!r}")
            factors.append(str(float(m.group(1)) * SCALE_WORDS[m.group(2).lower()]))
        elif w == "^":
            if not units or i + 1 >= len(words) or not _NUMBER.match(words[i + 1]):
                raise UnitError(f"dangling '^' in unit {text!r}")
            units[-1] = f"{units[-1]}**{words[i + 1]}"
            i += 1
        elif "-" in w and low not in _WORDS and w not in _BIT_WORDS:
            # A hyphen inside a unit joins ("kW-h" is kW·h, "PFLOPS-day" PFLOPS·day); pint
            # would read it as a minus. Each part must be a unit or a scale word of its own.
            for part in w.split("-"):
                if not part or part[0].isdigit():
                    raise UnitError(f"cannot read {w!r} in unit {text!r}: a hyphen must join two units")
                if part.lower() in SCALE_WORDS and len(part) > 1:
                    factors.append(repr(SCALE_WORDS[part.lower()]))
                else:
                    units.append(_BIT_WORDS.get(part) or _WORDS.get(part.lower(), part))
        else:
            units.append(_BIT_WORDS.get(w) or _WORDS.get(low, w))
        i += 1
    parts = factors + units
    if not units:
        raise UnitError(f"no unit named in {text!r}" if not factors else f"only a number, no unit, in {text!r}")
    return " * ".join(parts)


@functools.lru_cache(maxsize=4096)
def parse_unit(text: str) -> "pint.Quantity":
    """Read a unit text into the quantity that one unit of it stands for.

    >>> parse_unit("USD per 1K tokens")
    <Quantity(0.001, 'USD / token')>

    Raises :class:`UnitError` for anything not read completely: an unknown word, a bare
    ``$``, leftover symbols, an empty text.
    """
    if not isinstance(text, str) or not text.strip():
        raise UnitError("empty unit")
    raw = text.strip()
    if raw in {"$", "US$", "¢"}:
        raise UnitError(
            f"a bare {raw!r} is not a unit: write the whole unit, e.g. 'USD', 'USD/token', 'USD/hour'"
        )
    norm = re.sub(r"(?i)\bgpu[\s-]hours?\b", "GPU_hour", raw)
    norm = re.sub(r"(?i)\bgpu[\s-]days?\b", "GPU_day", norm)
    norm = re.sub(r"(?i)\binstance[\s-]hours?\b", "instance_hour", norm)
    # "PFLOP/s-day", "petaflop/s-days": a rate in operations a second kept up for a day (the
    # petaflop_s_day), not operations per second-day. The flop word with its "/s" is the rate.
    norm = _FLOP_RATE.sub(_flop_rate, norm)
    # ... and so with any other "X/s-<time>": X a second, for that time ("X-day/s").
    m = _PER_SECOND_TIME.search(norm)
    if m:
        norm = f"{norm[:m.start()]}-{m.group(2)}/{m.group(1)}{norm[m.end():]}"
    # Split into numerator and denominators on "/" and the word "per".
    pieces = re.split(r"\s*/\s*|\s+per\s+|^per\s+", norm, flags=re.IGNORECASE)
    if any(not p.strip() for p in pieces[1:]):
        raise UnitError(f"nothing after '/' or 'per' in {text!r}")
    exprs = []
    for k, piece in enumerate(pieces):
        piece = piece.strip()
        if not piece and k == 0:
            exprs.append("1")
            continue
        words: list[str] = []
        pos = 0
        while pos < len(piece):
            m = _TOKEN.match(piece, pos)
            if not m:
                rest = piece[pos:].strip()
                if not rest:
                    break
                raise UnitError(f"cannot read {rest!r} in unit {text!r}")
            words.append(m.group(1))
            pos = m.end()
        if not words:
            raise UnitError(f"cannot read unit {text!r}")
        exprs.append(_term(words, text))
    expr = exprs[0] + "".join(f" / ({e})" for e in exprs[1:])
    if not _ALLOWED_AFTER.match(expr) or re.search(r"[+-]", _NUMERALS.sub("1", expr)):
        # (a "+" or "-" left between units would make pint add or subtract them)
        raise UnitError(f"cannot read unit {text!r}")
    import pint

    ureg = registry()
    try:
        q = ureg.parse_expression(expr)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError) as exc:
        names = getattr(exc, "unit_names", None)
        name = ", ".join(map(str, names)) if isinstance(names, (tuple, list)) else str(names or exc)
        raise UnitError(f"unknown unit {name!r} in {text!r}") from None
    except Exception as exc:  # pint raises assorted errors on odd input
        raise UnitError(f"cannot read unit {text!r}: {exc}") from None
    if not isinstance(q, pint.Quantity):
        q = ureg.Quantity(q, "")
    if not q.magnitude > 0:
        raise UnitError(f"cannot read unit {text!r}: one unit of it would be {q.magnitude:g}")
    return q


def to_quantity(value: float, unit_text: str) -> "pint.Quantity":
    """A value in a unit text, as a pint quantity (``405, "billion parameter"``)."""
    return value * parse_unit(unit_text)


def conversion_factor(unit_text: str, canonical_text: str) -> float:
    """The number that turns a value in ``unit_text`` into one in ``canonical_text``.

    Raises :class:`UnitError` when a text cannot be read (``kind = "unknown"``) or the two
    have different dimensionality (``kind = "dimension"``).
    """
    key = f"{unit_text}\x00{canonical_text}"
    hit = _cache().get("factor", key)
    if hit is None:
        try:
            hit = [_conversion_factor(unit_text, canonical_text)]
        except UnitError as exc:
            hit = ["error", getattr(exc, "kind", "unknown"), str(exc)]
        _cache().put("factor", key, hit)
    if hit[0] == "error":
        raise _unit_error(hit[2], hit[1])
    return float(hit[0])


#: The currencies of units.txt other than USD: dimensions of their own, converted to USD only
#: through a dated exchange rate (data in datasets/references/, `rates:`), never by the registry.
FOREIGN_CURRENCIES = ("EUR", "GBP", "AUD", "CAD", "KRW", "CNY")
_USD_WORD = re.compile(r"\bUSD\b")


def foreign_currency(unit_text: str, canonical_text: str) -> tuple[str, float] | None:
    """``(currency, factor)`` when ``unit_text`` is ``canonical_text`` with its USD in another
    currency (``"EUR/month"`` for ``"USD/hour"``: ``("EUR", 1/730.5)``), else None. The factor
    turns a value in ``unit_text`` into one in the canonical unit's own terms in that currency;
    the exchange rate does the rest."""
    if not _USD_WORD.search(canonical_text):
        return None
    for code in FOREIGN_CURRENCIES:
        try:
            return code, conversion_factor(unit_text, _USD_WORD.sub(code, canonical_text))
        except UnitError:
            continue
    return None


def _unit_error(message: str, kind: str) -> UnitError:
    exc = UnitError(message)
    exc.kind = kind
    return exc


def _conversion_factor(unit_text: str, canonical_text: str) -> float:
    src = parse_unit(unit_text)
    dst = parse_unit(canonical_text)
    if src.dimensionality != dst.dimensionality:
        raise _unit_error(f"{unit_text!r} is {_dim(src)}, not {_dim(dst)} like {canonical_text!r}", "dimension")
    return float((src / dst).to("dimensionless").magnitude)


def _dim(q: "pint.Quantity") -> str:
    d = str(q.dimensionality)
    return "a plain number" if d == "dimensionless" else d


def dimensionality(unit_text: str) -> str:
    """Human-readable dimensionality of a unit text (``"[power]"``-like string)."""
    hit = _cache().get("dim", unit_text)
    if hit is None:
        try:
            hit = [_dim(parse_unit(unit_text))]
        except UnitError as exc:
            hit = ["error", "unknown", str(exc)]
        _cache().put("dim", unit_text, hit)
    if hit[0] == "error":
        raise _unit_error(hit[2], hit[1])
    return hit[0]


# ---------------------------------------------------------------------- unit algebra without pint
#
# Derived values (:mod:`kb.core.derive`) multiply and divide units. Doing that with pint would
# import it on every ``kb check`` that evaluates an article's arithmetic; so the few facts the
# algebra needs about a unit text (its magnitude and the registry names it is made of) and
# about each registry name (its symbol, its size in base units, its base dimensions) are read
# from pint once, kept in the on-disk cache, and combined here with plain arithmetic. The
# results are those pint gives (a test compares them).

# Units shown by name rather than by pint's symbol ("token", not "tok").
_NAMED = ("USD", "token", "parameter", "FLOPS", "FLOP", "x")
_PREFIX = {"kilo": "k", "mega": "M", "giga": "G", "tera": "T", "peta": "P", "exa": "E", "": ""}


@functools.lru_cache(maxsize=4096)
def unit_terms(text: str) -> tuple[float, tuple[tuple[str, float], ...]]:
    """The size of one unit of a unit text: its magnitude and its registry names with their
    exponents, in pint's order (``"USD per 1K tokens"`` → ``(0.001, (("USD", 1), ("token", -1)))``).

    Raises :class:`UnitError` as :func:`parse_unit` does.
    """
    hit = _cache().get("terms", text)
    if hit is None:
        try:
            q = parse_unit(text)
            hit = [float(q.magnitude), [[n, float(e)] for n, e in q.units._units.items()]]
        except UnitError as exc:
            hit = ["error", getattr(exc, "kind", "unknown"), str(exc)]
        _cache().put("terms", text, hit)
    if hit[0] == "error":
        raise _unit_error(hit[2], hit[1])
    return float(hit[0]), tuple((n, float(e)) for n, e in hit[1])


@functools.lru_cache(maxsize=4096)
def unit_shape(text: str) -> tuple[str, tuple[tuple[str, float], ...], bool]:
    """What the extractor asks of a unit text, kept in the on-disk cache so that a run whose
    answers are all there never imports pint (its import and the registry's build are about
    0.25 s of every ``kb extract`` of one article): pint's dimensionality as text
    (``"[length] ** 2 * [mass] / [time] ** 3"``, ``"dimensionless"``), its registry names with
    their exponents in pint's order (as ``unit_items()`` gives them: an exponent keeps its
    type), and whether it is dimensionless.

    Raises :class:`UnitError` as :func:`parse_unit` does.
    """
    hit = _cache().get("shape", text)
    if hit is None:
        try:
            q = parse_unit(text)
            hit = [str(q.dimensionality), [[n, e] for n, e in q.unit_items()], bool(q.dimensionless)]
        except UnitError as exc:
            hit = ["error", getattr(exc, "kind", "unknown"), str(exc)]
        _cache().put("shape", text, hit)
    if hit[0] == "error":
        raise _unit_error(hit[2], hit[1])
    return hit[0], tuple((n, e) for n, e in hit[1]), hit[2]


@functools.lru_cache(maxsize=1024)
def name_info(name: str) -> tuple[str, float, tuple[tuple[str, float], ...]]:
    """What the algebra needs about one registry unit name: the symbol a unit text shows
    (``kW``, ``USD``, ``hour``), its size in base units and its dimensions with exponents
    (``(("[length]", 2.0), ("[mass]", 1.0), ("[time]", -3.0))`` for ``kilowatt``; none for a
    plain number such as ``x``, ``GPU`` or ``percent``)."""
    hit = _cache().get("name", name)
    if hit is None:
        ureg = registry()
        base = ureg.Quantity(1.0, name).to_base_units()
        dims = ureg.get_dimensionality(name)
        hit = [_symbol(ureg, name), float(base.magnitude), sorted([k, float(v)] for k, v in dims.items())]
        _cache().put("name", name, hit)
    return hit[0], float(hit[1]), tuple((k, float(v)) for k, v in hit[2])


def _symbol(ureg, name: str) -> str:
    for base in _NAMED:
        if name.endswith(base) and name[: -len(base)] in _PREFIX:
            return _PREFIX[name[: -len(base)]] + base
    if name in ("hour", "day", "month", "year"):
        return name
    try:
        return ureg.get_symbol(name)
    except Exception:  # pragma: no cover - a name pint cannot abbreviate
        return name


@functools.lru_cache(maxsize=4096)
def _dims_of(names: tuple[tuple[str, float], ...]) -> tuple[tuple[str, float], ...]:
    return tuple(sorted(_dims(names).items()))


def _dims(names) -> dict[str, float]:
    out: dict[str, float] = {}
    for n, e in names:
        for k, v in name_info(n)[2]:
            out[k] = out.get(k, 0.0) + v * e
    return {k: v for k, v in out.items() if v}


class UnitSize:
    """The size of one unit: a magnitude times a product of registry unit names
    (``0.001 USD/token`` for "USD per 1K tokens"). Multiplication, division, powers,
    conversion and pint's reduction of same-dimension units, computed without pint.

    >>> (UnitSize.of("USD/hour") * UnitSize.of("hour")).reduced().text()
    'USD'
    """

    __slots__ = ("magnitude", "names", "_base")

    def __init__(self, magnitude: float = 1.0, names: tuple[tuple[str, float], ...] = ()):
        self.magnitude = float(magnitude)
        self.names = tuple((n, e) for n, e in names if e)
        self._base: tuple[float, dict[str, float]] | None = None

    @classmethod
    def of(cls, text: str) -> "UnitSize":
        """The size of one unit of a unit text (``""`` and ``"dimensionless"`` are 1)."""
        return _size_of(text)

    @classmethod
    def from_pint(cls, q) -> "UnitSize":
        """From a pint quantity or unit."""
        mag = float(getattr(q, "magnitude", 1.0))
        units = getattr(q, "units", q)
        return cls(mag, tuple((n, float(e)) for n, e in units._units.items()))

    def to_pint(self):
        """The same size as a pint quantity (imports pint)."""
        from pint.util import UnitsContainer

        return registry().Quantity(self.magnitude, UnitsContainer(dict(self.names)))

    def __repr__(self) -> str:
        return f"UnitSize({self.magnitude!r}, {self.names!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, UnitSize) and (self.magnitude, self.names) == (other.magnitude, other.names)

    def __hash__(self) -> int:
        return hash((self.magnitude, self.names))

    # ------------------------------------------------------------------ algebra

    def _combine(self, other: "UnitSize", sign: int) -> dict[str, float]:
        d = dict(self.names)
        for n, e in other.names:
            v = d.get(n, 0.0) + sign * e
            if v:
                d[n] = v
            else:
                d.pop(n, None)
        return d

    def __mul__(self, other: "UnitSize") -> "UnitSize":
        return UnitSize(self.magnitude * other.magnitude, tuple(self._combine(other, 1).items()))

    def __truediv__(self, other: "UnitSize") -> "UnitSize":
        return UnitSize(self.magnitude / other.magnitude, tuple(self._combine(other, -1).items()))

    def __pow__(self, exponent: float) -> "UnitSize":
        return UnitSize(self.magnitude ** exponent, tuple((n, e * exponent) for n, e in self.names))

    # ------------------------------------------------------------------ dimensions and conversion

    def base(self) -> tuple[float, dict[str, float]]:
        """The size in base units and the base units' exponents (the dimensionality)."""
        if self._base is None:
            f = self.magnitude
            for n, e in self.names:
                f *= name_info(n)[1] ** e
            self._base = (f, dict(_dims_of(self.names)))
        return self._base

    @property
    def dimensionless(self) -> bool:
        return not self.base()[1]

    def same_dimension(self, other: "UnitSize") -> bool:
        return self.base()[1] == other.base()[1]

    def ratio(self, other: "UnitSize") -> float:
        """How many ``other`` one ``self`` is; :class:`UnitError` (kind ``dimension``) across dimensions."""
        (fa, da), (fb, db) = self.base(), other.base()
        if da != db:
            raise _unit_error(f"{self.text()} ({dimension_text(da)}) is not {other.text()} ({dimension_text(db)})",
                              "dimension")
        return fa / fb

    def with_names(self, names: dict[str, float]) -> "UnitSize":
        """The same size written with other names of the same dimensionality (pint's ``to``)."""
        target = UnitSize(1.0, tuple(names.items()))
        return UnitSize(self.ratio(target), target.names)

    def reduced(self) -> "UnitSize":
        """Units of the same dimension cancelled (hour/second), as pint's ``to_reduced_units``;
        a dimensionless size becomes a plain number, unless it is the plain ratio ``x``."""
        if self.dimensionless:
            if dict(self.names) == {"x": 1}:
                return self
            return UnitSize(self.base()[0], ())
        if len(self.names) == 1:
            out = self
        else:
            units = dict(self.names)
            for unit1 in list(units):
                if unit1 not in units:
                    continue
                for unit2 in list(units):
                    exp = units[unit1]
                    if unit1 != unit2:
                        power = _dimensionality_ratio(unit1, unit2)
                        if power:
                            v = units[unit2] + exp / power
                            if v:
                                units[unit2] = v
                            else:
                                del units[unit2]
                            del units[unit1]
                            break
            out = self.with_names(units) if units != dict(self.names) else self
        names = dict(out.names)
        if "x" in names:  # the plain ratio drops out of a product with a unit
            del names["x"]
            out = out.with_names(names)
        return out

    def text(self) -> str:
        """``USD/token``, ``W·s/token``, ``TFLOPS/W``, ``USD/(hour·token)``."""
        num, den = [], []
        for name, exp in self.names:
            sym = name_info(name)[0]
            k = abs(exp)
            part = sym if k == 1 else f"{sym}^{k:g}"
            (num if exp > 0 else den).append(part)
        if not num and not den:
            return "dimensionless"
        top = "·".join(num) or "1"
        if not den:
            return top
        bottom = den[0] if len(den) == 1 else f"({'·'.join(den)})"
        return f"{top}/{bottom}"


@functools.lru_cache(maxsize=4096)
def _size_of(text: str) -> UnitSize:
    if text in ("", "dimensionless"):
        return UnitSize()
    return UnitSize(*unit_terms(text))


def _dimensionality_ratio(unit1: str, unit2: str) -> float | None:
    """pint's ``_get_dimensionality_ratio``: the x with dim(unit2) = dim(unit1) ** x, or None."""
    d1, d2 = _dims(((unit1, 1.0),)), _dims(((unit2, 1.0),))
    if d1 == d2:
        return 1.0
    if not d1 or not d2 or d1.keys() != d2.keys():
        return None
    ratios = [d2[k] / v for k, v in d1.items()]
    return ratios[0] if all(r == ratios[0] for r in ratios) else None


def dimension_text(dims: dict[str, float]) -> str:
    """Dimensions for people: ``[currency]/[time]``, ``a plain number``."""
    if not dims:
        return "a plain number"
    num = [k if v == 1 else f"{k}^{v:g}" for k, v in sorted(dims.items()) if v > 0]
    den = [k if v == -1 else f"{k}^{-v:g}" for k, v in sorted(dims.items()) if v < 0]
    top = "·".join(num) or "1"
    if not den:
        return top
    return f"{top}/{den[0]}" if len(den) == 1 else f"{top}/({'·'.join(den)})"


def pint_stamp() -> bytes:
    """What identifies the installed pint, for the cache's key (see :func:`dist_stamp`)."""
    return dist_stamp("pint", "pint", "pint")


def dist_stamp(module: str, dist_glob: str, dist_name: str) -> bytes:
    """What identifies an installed distribution: its wheel's ``RECORD`` (the hash of every file
    it installed), found beside the package ``module`` without importing it or
    ``importlib.metadata`` (those imports cost ~40 ms of every ``kb check``); else its version
    from the metadata; else nothing (the rest of a cache's key still holds)."""
    try:
        import importlib.util

        spec = importlib.util.find_spec(module)
        if spec is not None and spec.origin:
            site = Path(spec.origin).parent.parent
            records = sorted(site.glob(f"{dist_glob}-*.dist-info/RECORD"))
            if len(records) == 1:
                return records[0].read_bytes()
        from importlib.metadata import version

        return version(dist_name).encode()
    except Exception:  # noqa: BLE001 - no metadata: the rest of the key still holds
        return b""


class DiskCache:
    """Answers kept on disk between runs: a JSON file in ``$KB_CACHE_DIR`` (default: the
    system's temporary folder), never in the project, named by ``prefix`` and a hash of the
    files whose text decides the answers and of the installed pint (:func:`pint_stamp`): a
    changed source is a new file, so no answer is ever stale. A file that cannot be read or
    written only makes the work slower. ``put`` keeps at most ``limit`` answers per table
    when given one (a file that would only grow: what is not kept is computed each time)."""

    def __init__(self, prefix: str, sources, folder: Path | None = None) -> None:
        h = hashlib.sha256()
        for p in sources:
            h.update(Path(p).read_bytes())
        h.update(pint_stamp())
        folder = folder or Path(os.environ.get("KB_CACHE_DIR") or tempfile.gettempdir())
        self.path = folder / f"{prefix}-{h.hexdigest()[:16]}.json"
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.data = data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            self.data = {}
        self.dirty = False
        atexit.register(self.save)

    def get(self, table: str, key: str):
        t = self.data.get(table)
        return t.get(key) if isinstance(t, dict) else None

    def put(self, table: str, key: str, value, limit: int | None = None) -> None:
        t = self.data.get(table)
        if not isinstance(t, dict):
            t = self.data[table] = {}
        if limit is not None and len(t) >= limit:
            return
        t[key] = value
        self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(self.data, sort_keys=True), encoding="utf-8")
            os.replace(tmp, self.path)
            self.dirty = False
        except (OSError, TypeError, ValueError):
            pass


@functools.lru_cache(maxsize=1)
def _cache() -> DiskCache:
    """Answers about unit texts (see the module's docstring), keyed by this module and units.txt."""
    here = Path(__file__)
    return DiskCache("kb-units", (here, here.with_name("units.txt")))
