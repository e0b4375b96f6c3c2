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
]


def _build_registry() -> "pint.UnitRegistry":
    import pint

    base = importlib.resources.files("pint")
    text = (base / "default_en.txt").read_text(encoding="utf-8")
    # pint counts bits and bytes as dimensionless; memory sizes must not pass as ratios.
    text = text.replace("bit = []", "bit = [information]")
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

_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?$")
# Tokens: numbers, words (letters, digits, _, -), or one of the symbols $ % × ¢ ^.
_TOKEN = re.compile(r"\s*(\d[\d,]*(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+|[A-Za-z_µΩ][A-Za-z0-9_\-µΩ]*|[$%×¢^])")
_ALLOWED_AFTER = re.compile(r"^[A-Za-z0-9_.*/()^ +\-eµΩ]*$")


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
        else:
            units.append(_WORDS.get(low, w))
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
    norm = re.sub(r"(?i)\binstance[\s-]hours?\b", "instance_hour", norm)
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
    if not _ALLOWED_AFTER.match(expr):
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


class _UnitCache:
    """Answers about unit texts, kept on disk between runs (see the module's docstring)."""

    def __init__(self) -> None:
        here = Path(__file__)
        h = hashlib.sha256()
        for p in (here, here.with_name("units.txt")):
            h.update(p.read_bytes())
        try:
            from importlib.metadata import version

            h.update(version("pint").encode())
        except Exception:  # noqa: BLE001 - no metadata: the sources alone key the cache
            pass
        folder = Path(os.environ.get("KB_CACHE_DIR") or tempfile.gettempdir())
        self.path = folder / f"kb-units-{h.hexdigest()[:16]}.json"
        try:
            self.data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.data = {}
        self.dirty = False
        atexit.register(self.save)

    def get(self, table: str, key: str):
        return self.data.get(table, {}).get(key)

    def put(self, table: str, key: str, value) -> None:
        self.data.setdefault(table, {})[key] = value
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
        except OSError:  # a cache that cannot be written is only slower
            pass


@functools.lru_cache(maxsize=1)
def _cache() -> _UnitCache:
    return _UnitCache()
