"""Words for people: numbers, intervals and conditions as messages and pages show them.

Formatting only; nothing here decides anything. Checker messages, the site and the notebook
tables use these functions, so the same value reads the same way everywhere.
"""

from __future__ import annotations

import math
from typing import Any

from kb.core.findings import format_factor
from kb.core.intervals import Interval
from kb.core.records import ConditionKey, format_number

__all__ = ["format_number", "format_factor", "round4", "interval_text", "conditions_text"]


def round4(x: float) -> float:
    """Four significant digits (for messages), leaving 0 and infinities alone."""
    if x == 0 or not math.isfinite(x):
        return x
    return float(f"{x:.4g}")


def interval_text(iv: Interval | tuple[float, float], unit: str | None = None) -> str:
    """``≥ 30 W``, ``≤ 700 W``, ``700 W``, ``699.5–700.5 W`` (four significant digits)."""
    if isinstance(iv, Interval):
        lo, hi, unit = iv.low, iv.high, unit or iv.unit
    else:
        lo, hi = iv
    unit = unit or ""
    if math.isinf(hi):
        return f"≥ {format_number(round4(lo))} {unit}".rstrip()
    if lo <= 0 < hi and lo == 0:
        return f"≤ {format_number(round4(hi))} {unit}".rstrip()
    if abs(hi - lo) <= 1e-9 * max(abs(hi), 1):
        return f"{format_number(round4(lo))} {unit}".rstrip()
    return f"{format_number(round4(lo))}–{format_number(round4(hi))} {unit}".rstrip()


def conditions_text(conditions: dict[str, str] | None, keys: dict[str, ConditionKey] | None = None,
                    order: Any = ()) -> str:
    """Conditions for people: ``fp16 · tensor · dense · per-gpu · provider aws``.

    A key whose values say what they are (``display: value`` in datasets/conditions.yaml)
    shows its value alone; the others show ``key value``. Keys in ``order`` come first.
    """
    if not conditions:
        return ""
    keys = keys or {}
    rank = list(order)
    ordered = sorted(conditions, key=lambda k: (rank.index(k) if k in rank else len(rank), k))
    parts = []
    for k in ordered:
        spec = keys.get(k)
        shown = spec.display if spec is not None else "key"
        parts.append(str(conditions[k]) if shown == "value" else f"{k.replace('_', ' ')} {conditions[k]}")
    return " · ".join(parts)
