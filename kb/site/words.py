"""Words for readers: values, units, conditions and dates as the site's pages print them.

Formatting only: nothing here decides which values are compared or how far apart they are
(that is :class:`kb.rules.compare.Comparer`'s job). A value reads as a person would write
it: ``175 billion parameters``, ``128K tokens``, ``≤ 700 W``, ``$2.50 per 1M tokens``;
an interval is shown only where it says something (a range, an approximate or open value),
never the ± half a unit an exact number stands for.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from typing import Any

from kb.core.grammar import MONTHS
from kb.core.records import ConditionKey, Value, date_of, format_number
from kb.core.units import SCALE_WORDS

#: Unit spellings of the registry that read badly in prose.
UNIT_WORDS = {"percent": "%", "delta_degC": "°C", "x": "×", "USD": "USD"}
#: Short scale prefixes written onto the number ("128K tokens").
_GLUED = {"K": "K", "M": "M", "B": "B"}
#: Scale words for big plain numbers.
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
#: Words that read better in capitals inside condition values ("per GPU").
_CAPS = {"gpu": "GPU", "cpu": "CPU", "api": "API", "pcie": "PCIe", "tpu": "TPU", "nvlink": "NVLink",
         "nvlink-c2c": "NVLink-C2C", "kv": "KV", "lora": "LoRA", "qlora": "QLoRA"}
#: The scale words of a unit text ("billion parameters", "K tokens"): the letters glued onto the
#: number above and the scale words in full that the units read (kb.core.units.SCALE_WORDS, whose
#: abbreviations "bn", "mn", "tn" and lower-case letters no unit text writes).
_SCALE_WORDS = frozenset(_GLUED) | frozenset(w for w in SCALE_WORDS if len(w) > 2)
_MONEY = re.compile(r"^(?:(" + "|".join(sorted(_SCALE_WORDS)) + r") )?USD((?:/| per ).*)?$")
_CODE = re.compile(r"^(fp|bf|tf|int|p)(\d+)$")
_WORD = re.compile(r"^([a-z]{3,}|[GCT]PU)$")
_SUP = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def sig(x: float, digits: int = 4) -> str:
    """A number with ``digits`` significant digits and thousands separators."""
    if x is None:
        return "?"
    if isinstance(x, float) and math.isinf(x):
        return "∞"
    if x == 0:
        return "0"
    r = float(f"{x:.{digits}g}")
    if r.is_integer() and abs(r) < 1e15:
        return f"{int(r):,}"
    if abs(r) < 1e-4 or abs(r) >= 1e15:
        mant, _, exp = f"{r:.{digits}g}".partition("e")
        return f"{mant} × 10{str(int(exp)).translate(_SUP)}"
    return f"{r:,.{digits}g}" if abs(r) >= 1000 else format_number(r)


def big(x: float) -> str:
    """``175 billion``, ``1.2 million``, ``850,000``: big counts in words."""
    if x is None or not math.isfinite(x):
        return sig(x)
    for size, word in _SCALES:
        if abs(x) >= size:
            return f"{sig(x / size)} {word}"
    return sig(x)


def plural_unit(unit: str, value: Any) -> str:
    """``billion parameter`` → ``billion parameters`` unless the value is 1; units with a
    slash or ``per`` are rates and keep their words (``USD/hour``, ``USD per 1M tokens``)."""
    if not unit:
        return ""
    unit = " ".join(UNIT_WORDS.get(w, w.replace("_", "-")) for w in unit.split())
    if "/" in unit or " per " in f" {unit} ":
        return unit
    words = unit.split(" ")
    last = words[-1]
    one = isinstance(value, (int, float)) and abs(float(value)) == 1 and words[0] not in _SCALE_WORDS
    if one or not _WORD.match(last.split("-")[-1]) or last.endswith("s"):
        return unit
    stem, _, tail = last.rpartition("-")
    tail = tail or last
    tail = tail[:-1] + "ies" if tail.endswith("y") and tail[-2:-1] not in "aeiou" else tail + "s"
    words[-1] = f"{stem}-{tail}" if stem else tail
    return " ".join(words)


def quantity(x: float | None, unit: str | None) -> str:
    """One number with its unit, for people: ``700 W``, ``128K tokens``, ``45%``."""
    if x is None:
        return "?"
    unit = unit or ""
    money = _MONEY.match(unit)
    if money:
        scale, rest = money.group(1), money.group(2)
        sign = "-" if x < 0 else ""
        num = sig(abs(x))
        if scale in _GLUED:
            num += _GLUED[scale]
        elif scale:
            num += " " + scale
        elif abs(x) >= 1e6:
            num = big(abs(x))
        rest = rest or ""
        rest = rest if rest.startswith("/") else (" " + rest.strip() if rest.strip() else "")
        return f"{sign}${num}{rest}"
    first, _, rest = unit.partition(" ")
    if first in _GLUED and rest:
        return f"{sig(x)}{_GLUED[first]} {plural_unit(rest, 2)}"
    if unit == "percent":
        return f"{sig(x)}%"
    if unit == "x":
        return f"{sig(x)}×"
    if unit in ("USD", "") and abs(x) >= 1e6:
        return f"{big(x)} {unit}".rstrip()
    head = unit.split(" ")[0]
    if (re.fullmatch(r"[a-z]+", head) or head.startswith("GPU")) and 1e6 <= abs(x) < 1e15:
        return f"{big(x)} {plural_unit(unit, 2)}"
    return f"{sig(x)} {plural_unit(unit, x)}".rstrip()


def stated(v: Value) -> str:
    """A claim's or reference's value as it was stated, in words: ``≤ 700 W``,
    ``about 400 W``, ``$0.01–0.05 per token`` becomes ``0.01–0.05 USD/token``."""
    if v.categorical:
        return str(v.value)
    unit = v.unit or ""
    if v.qualifier == "range":
        lo, hi = quantity(v.low, unit), quantity(v.high, unit)
        return _join_range(lo, hi)
    text = quantity(v.value, unit)
    return {"approx": "about ", "upper_bound": "≤ ", "lower_bound": "> "}.get(v.qualifier, "") + text


_NUM_PART = re.compile(r"^(-?\$?-?[\d.,]+[KMB]?)((?:[ /×%].*)?)$")


def _join_range(lo: str, hi: str) -> str:
    """``10–50 W`` from ``10 W`` and ``50 W`` when the units agree, else both in full."""
    a, b = _NUM_PART.match(lo), _NUM_PART.match(hi)
    if a and b and a.group(2) == b.group(2) and not a.group(2).startswith(" × 10"):
        return f"{a.group(1)}–{b.group(1).lstrip('$')}{a.group(2)}"
    return f"{lo} to {hi}"


def canonical(v: Value) -> str:
    """The value in its property's canonical unit, only when that says something the stated
    value does not (another unit, not just another scale); ``""`` otherwise. The stated
    numbers are converted (no ± precision): "$5K–15K/month" reads "$6.849–20.55/hour"."""
    iv = v.interval
    if iv is None or v.categorical or _unscaled(v.unit) == _unscaled(iv.unit):
        return ""
    try:
        from kb.core.units import conversion_factor

        f = conversion_factor(v.unit or "", iv.unit)
    except Exception:  # an offset unit or one the registry cannot convert: nothing to add
        return ""
    if v.qualifier == "range":
        return _join_range(quantity(v.low * f, iv.unit), quantity(v.high * f, iv.unit))
    if not isinstance(v.value, (int, float)):
        return ""
    sign = {"approx": "about ", "upper_bound": "≤ ", "lower_bound": "> "}.get(v.qualifier, "")
    return sign + quantity(v.value * f, iv.unit)


def _unscaled(unit: str | None) -> str:
    """A unit text without its scale words: ``billion USD`` and ``million USD`` are one unit."""
    words = [w for w in (unit or "").split() if w not in _SCALE_WORDS]
    if words and len(words[0]) > 1 and words[0][0] in "kMGTPEmµn" and words[0][1].isupper():
        words[0] = words[0][1:]
    elif words and words[0] in ("ms", "mL", "kWh"):
        words[0] = words[0][1:]
    return " ".join(words)


def unit_name(unit: str | None) -> str:
    """A canonical unit for a heading or an axis: ``W``, ``USD per 1M tokens``, ``%``."""
    if not unit:
        return ""
    return " ".join(UNIT_WORDS.get(w, w.replace("_", "-")) for w in unit.split())


def condition_value(key: ConditionKey | None, value: str, entity_name=None) -> str:
    """One condition for people: an entity id becomes its name, ``per-gpu`` → ``per GPU``,
    ``fp16`` → ``FP16``; keys that need their name say it (``period 2024``)."""
    if key is not None and key.values_from and entity_name is not None:
        shown = entity_name(value)
    else:
        words = []
        for w in str(value).split("-") if str(value).lower() not in _CAPS else [str(value)]:
            lw = w.lower()
            m = _CODE.match(lw)
            words.append(_CAPS.get(lw) or (m.group(1).upper() + m.group(2) if m else w))
        shown = " ".join(words)
    if key is not None and key.display == "key":
        return f"{key.id.replace('_', ' ')} {shown}"
    if key is None:
        return shown
    return shown


def conditions(conds: dict[str, str] | None, keys: dict[str, ConditionKey], order=(), entity_name=None) -> str:
    """``FP16 · tensor · dense · per GPU``: the conditions a value holds under, for readers."""
    if not conds:
        return ""
    rank = list(order)
    ordered = sorted(conds, key=lambda k: (rank.index(k) if k in rank else len(rank), k))
    return " · ".join(condition_value(keys.get(k), conds[k], entity_name) for k in ordered)


def day(x: Any) -> str:
    """``21 November 2026`` from a date or an ISO date text; a year or month as given."""
    if x is None or x == "":
        return ""
    if isinstance(x, str) and re.fullmatch(r"\d{4}", x):
        return x
    if isinstance(x, str) and re.fullmatch(r"\d{4}-\d{2}", x):
        return f"{MONTHS[int(x[5:7]) - 1]} {x[:4]}"
    d = x if isinstance(x, _dt.date) else date_of(x)
    if d is None:
        return str(x)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def shorten(text: str | None, n: int = 90) -> str:
    """Text cut at a word boundary to about ``n`` characters, with an ellipsis."""
    t = " ".join(str(text or "").split())
    if len(t) <= n:
        return t
    cut = t[:n].rsplit(" ", 1)[0]
    return cut.rstrip(",.;:") + "…"


def count(n: int, noun: str) -> str:
    """``1 warning``, ``3 warnings``, ``no errors``."""
    if n == 0:
        return f"no {noun}s"
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def lower_first(name: str) -> str:
    """A name inside a sentence: ``Thermal design power`` → ``thermal design power``, but
    ``GPU rental price`` and ``PUE`` keep their capitals."""
    if len(name) > 1 and (name[1].isupper() or name[1].isdigit()):
        return name
    return name[:1].lower() + name[1:]



def span(values: list[Value], name=str, most: int = 3) -> str:
    """What a list of values covers, for one line of a table: ``$1.85–12.29/hour`` (the
    stated numbers, converted to the property's canonical unit), ``NVIDIA · AMD`` for
    categories; one value stated one way reads as stated (``> 6 months``). Units that do not
    convert into one another each get their own range (the largest group first); values with
    no number are left out."""
    from kb.core.units import conversion_factor

    cats: list[str] = []
    groups: dict[str, list[float]] = {}
    said = {stated(v) for v in values if not v.categorical}
    for v in values:
        if v.categorical:
            shown = name(v.value)
            if shown not in cats:
                cats.append(shown)
            continue
        iv = v.interval
        ends = (v.low, v.high) if v.qualifier == "range" else (v.value,)
        numbers = [x for x in ends if isinstance(x, (int, float))]
        if iv is None or not numbers:
            continue
        try:
            f = conversion_factor(v.unit or "", iv.unit)
        except Exception:  # a foreign currency or an unreadable unit: the middle of its interval
            if not (math.isfinite(iv.low) and math.isfinite(iv.high)):
                continue
            f, numbers = 1.0, [(iv.low + iv.high) / 2]
        groups.setdefault(iv.unit or "", []).extend(x * f for x in numbers)
    parts = []
    if len(said) == 1 and groups:
        parts.append(said.pop())
    else:
        for unit, xs in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            lo, hi = quantity(min(xs), unit), quantity(max(xs), unit)
            parts.append(lo if lo == hi else _join_range(lo, hi))
    parts += cats
    if len(parts) > most:
        parts = parts[:most] + [f"{len(parts) - most} more"]
    return " · ".join(parts)
