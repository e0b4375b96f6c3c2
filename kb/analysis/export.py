"""The normalised claims table: one row per claim, for pandas, CSV, Parquet and JSON."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from kb.store.load import load
from kb.core.records import KnowledgeBase

COLUMNS = [
    "id", "source", "entity", "property", "conditions", "value", "low", "high", "unit",
    "qualifier", "canonical_low", "canonical_high", "canonical_unit", "quote", "start", "end",
    "as_of", "review", "verdict", "path", "line",
]


def _iso(x: Any) -> Any:
    return x.isoformat() if hasattr(x, "isoformat") else x


def claim_rows(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """One plain dict per claim, sorted by id; conditions and review as JSON text."""
    rows = []
    for c in sorted(kb.claims, key=lambda c: c.id or ""):
        rows.append({
            "id": c.id,
            "source": c.source,
            "entity": c.entity,
            "property": c.property,
            "conditions": json.dumps(c.conditions, sort_keys=True),
            "value": c.value if not isinstance(c.value, float) else c.value,
            "low": c.low,
            "high": c.high,
            "unit": c.unit,
            "qualifier": c.qualifier,
            "canonical_low": c.canonical_low,
            "canonical_high": c.canonical_high if c.canonical_high != float("inf") else None,
            "canonical_unit": c.canonical_unit,
            "quote": c.quote,
            "start": c.start,
            "end": c.end,
            "as_of": _iso(c.as_of),
            "review": json.dumps(c.review.as_dict(), sort_keys=True, default=str) if c.review else None,
            "verdict": c.review.verdict if c.review else None,
            "path": c.path,
            "line": c.line,
        })
    return rows


def export_claims(root: Path, fmt: str) -> str | bytes:
    """The claims table as JSON or CSV text, or Parquet bytes."""
    kb = load(root)
    rows = claim_rows(kb)
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False, allow_nan=False, default=str) + "\n"
    import pandas as pd

    df = pd.DataFrame(rows, columns=COLUMNS)
    df["value"] = df["value"].astype("string")  # numbers, or a category id
    if fmt == "csv":
        return df.to_csv(index=False, lineterminator="\n")
    if fmt == "parquet":
        buf = io.BytesIO()
        df.to_parquet(buf, index=False)
        return buf.getvalue()
    raise ValueError(f"unknown format {fmt}")
