"""Derived values for notebooks: tables, envelopes by group and joins of :class:`Derived` values.

The arithmetic itself (:class:`Derived`: intervals with units and lineage, and
:func:`from_record`, :func:`stated`, :func:`constant`, :func:`envelope`) is
:mod:`kb.core.derive`, the one implementation the checker uses too; it is re-exported here so
that notebooks need one import::

    price = from_record(kb.claim("s001-h100-rental-price"))       # ≤ 30 USD/hour
    speed = from_record(ref)                                      # ~365 token/s
    cost = (price / speed).to("USD per 1M tokens")
    table({"cost": cost})
"""

from __future__ import annotations

from typing import Any

from kb.core.derive import (Derived, DeriveError, constant, envelope, fmt, from_claim, from_record, from_reference,
                            stated)

__all__ = ["Derived", "from_record", "from_claim", "from_reference", "stated", "constant", "envelope", "envelope_by",
           "join", "table", "fmt", "DeriveError"]


# ---------------------------------------------------------------------- tables


def table(values: Any, against: Derived | None = None, digits: int = 3, unit: str | None = None):
    """A DataFrame of derived values: ``value`` (as text), ``mid``, ``low``, ``high``, ``unit``,
    ``formula``, ``inputs``. ``values`` is a mapping label → Derived, a list of Derived, or a
    DataFrame with a ``value`` column of Derived (its other columns are kept). With
    ``against``, also whether each value overlaps it and the factor between them.
    ``unit`` expresses every value in that unit first."""
    import pandas as pd

    if isinstance(values, pd.DataFrame):
        base = values.drop(columns=["value"]).reset_index(drop=True)
        vals = list(values["value"])
    elif isinstance(values, dict):
        base = pd.DataFrame({"what": list(values)})
        vals = list(values.values())
    else:
        vals = list(values)
        base = pd.DataFrame(index=range(len(vals)))
    if unit is not None:
        vals = [v.to(unit) for v in vals]
    out = base.copy()
    out["value"] = [v.display(digits) for v in vals]
    out["mid"] = [v.mid for v in vals]
    out["low"] = [v.low for v in vals]
    out["high"] = [v.high for v in vals]
    out["unit"] = [v.unit for v in vals]
    if against is not None:
        out["overlaps"] = [v.overlaps(against) for v in vals]
        out["factor"] = [v.gap(against) for v in vals]
    out["formula"] = [v.formula for v in vals]
    out["inputs"] = [", ".join(v.inputs) for v in vals]
    return out


def envelope_by(df, by: str | list[str] = "entity", value: str = "value"):
    """One row per group of ``df``: the envelope of its ``value`` column, and ``n``."""
    import pandas as pd

    keys = [by] if isinstance(by, str) else list(by)
    rows = []
    for key, g in df.groupby(keys, sort=True, dropna=False):
        key = key if isinstance(key, tuple) else (key,)
        rows.append({**dict(zip(keys, key)), "n": len(g), value: envelope(list(g[value]))})
    return pd.DataFrame(rows, columns=[*keys, "n", value])


def join(left, right, fn, on: str | list[str] = "entity", suffixes: tuple[str, str] = ("_a", "_b")):
    """Rows of ``left`` and ``right`` with equal ``on``, each with ``value = fn(left value,
    right value)`` (e.g. ``lambda t, p: t / p``); the other columns kept, with ``suffixes``."""
    keys = [on] if isinstance(on, str) else list(on)
    m = left.merge(right, on=keys, suffixes=suffixes, how="inner")
    a, b = f"value{suffixes[0]}", f"value{suffixes[1]}"
    m["value"] = [fn(x, y) for x, y in zip(m[a], m[b])]
    m = m.drop(columns=[a, b])
    return m.sort_values(keys, kind="stable").reset_index(drop=True)
