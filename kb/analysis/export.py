"""The normalised claims table: one row per claim, for pandas, CSV, Parquet and JSON."""

from __future__ import annotations

import json
import sys
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
            "review": json.dumps(c.review, sort_keys=True, default=str) if c.review else None,
            "verdict": (c.review or {}).get("verdict"),
            "path": c.path,
            "line": c.line,
        })
    return rows


def export_claims(root: Path, fmt: str, out: Path | None) -> None:
    if fmt == "parquet" and out is None:  # before any work: a usage error
        raise ValueError("parquet needs --out FILE")
    kb = load(root)
    rows = claim_rows(kb)
    if fmt == "json":
        text = json.dumps(rows, indent=2, ensure_ascii=False, default=str) + "\n"
        _write_text(text, out)
        return
    import pandas as pd

    df = pd.DataFrame(rows, columns=COLUMNS)
    df["value"] = df["value"].astype("string")  # numbers, or a category id
    if fmt == "csv":
        _write_text(df.to_csv(index=False, lineterminator="\n"), out)
    elif fmt == "parquet":
        df.to_parquet(out, index=False)
    else:
        raise ValueError(f"unknown format {fmt}")


def _write_text(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
