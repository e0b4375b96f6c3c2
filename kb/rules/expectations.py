"""A great-expectations suite over the claims table and the reference table.

Run by ``kb check --gx`` and by the test suite. great-expectations takes seconds to import,
so only this module imports it, and only when asked. It runs in an ephemeral context (no
files written) with progress bars and analytics off.
"""

from __future__ import annotations

import datetime as _dt
import math
import os
import warnings
from typing import Any

from kb.core.records import QUALIFIERS, KnowledgeBase
from kb.rules.compare import Comparer


def _date_ok(x: Any) -> bool:
    if x is None:
        return True
    if isinstance(x, (_dt.date, _dt.datetime)):
        return True
    if isinstance(x, int) and not isinstance(x, bool):
        return 1 <= x <= 9999  # a year, as the loader accepts it
    if isinstance(x, str):
        for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
            try:
                _dt.datetime.strptime(x, fmt)
                return True
            except ValueError:
                pass
    return False


def _signed(kb: KnowledgeBase, v) -> bool:
    """A property whose values may be negative (a change)."""
    p = kb.properties.get(v.property or "")
    return bool(p and p.signed)


def _plausible(cmp: Comparer, v) -> bool | None:
    """True/False when a plausible range applies to the value, None when none does."""
    if v.interval is None:
        return None
    ranges = cmp.plausible_for(v)
    if not ranges:
        return None
    return any(v.interval.low <= p.high and v.interval.high >= p.low for p in ranges)


def tables(kb: KnowledgeBase):
    """The claims and references tables the suite validates (pandas DataFrames)."""
    import pandas as pd

    cmp = Comparer(kb)
    claims = pd.DataFrame([{
        "id": c.id, "source": c.source, "entity": c.entity, "property": c.property,
        "qualifier": c.qualifier, "unit": c.unit, "quote": c.quote, "start": c.start, "end": c.end,
        "categorical": isinstance(c.value, str),
        "canonical_low": c.canonical_low,
        "amount": None if _signed(kb, c) else c.canonical_low,
        "as_of_valid": _date_ok(c.as_of),
        # (a hypothetical case, basis: scenario, may lie outside what any real one does on
        # purpose: kb check says so as information, not as a warning, and so does this)
        "plausible_or_reviewed": bool(c.review) or (c.conditions or {}).get("basis") == "scenario"
                                 or _plausible(cmp, c) is not False,
    } for c in kb.claims])
    refs = pd.DataFrame([{
        "id": r.id, "entity": r.entity, "property": r.property, "qualifier": r.qualifier,
        "citation": r.citation, "canonical_low": r.canonical_low,
        "amount": None if _signed(kb, r) else r.canonical_low,
        "categorical": isinstance(r.value, str),
        "dates_valid": _date_ok(r.valid_from) and _date_ok(r.valid_to) and (
            r.valid_from is None or r.valid_to is None or str(r.valid_from) <= str(r.valid_to)),
        "plausible": _plausible(cmp, r) is not False,
    } for r in kb.references])
    return claims, refs


def run_expectations(kb: KnowledgeBase) -> dict[str, Any]:
    """Validate both tables; returns a JSON-ready summary with every expectation's result."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        claims, refs = tables(kb)
        ctx = gx.get_context(mode="ephemeral")
        ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        ds = ctx.data_sources.add_pandas("kb")
        E = gx.expectations
        entities, properties = sorted(kb.entities), sorted(kb.properties)
        suites = {
            "claims": (claims, [
                E.ExpectTableRowCountToBeBetween(min_value=1),
                E.ExpectColumnValuesToNotBeNull(column="id"),
                E.ExpectColumnValuesToBeUnique(column="id"),
                E.ExpectColumnValuesToNotBeNull(column="source"),
                E.ExpectColumnValuesToNotBeNull(column="quote"),
                E.ExpectColumnValuesToBeInSet(column="entity", value_set=entities),
                E.ExpectColumnValuesToBeInSet(column="property", value_set=properties),
                E.ExpectColumnValuesToBeInSet(column="qualifier", value_set=list(QUALIFIERS)),
                E.ExpectColumnPairValuesAToBeGreaterThanB(column_A="end", column_B="start"),
                E.ExpectColumnValuesToBeBetween(column="amount", min_value=0),
                E.ExpectColumnValuesToBeInSet(column="as_of_valid", value_set=[True]),
                E.ExpectColumnValuesToBeInSet(column="plausible_or_reviewed", value_set=[True]),
            ]),
            "references": (refs, [
                E.ExpectTableRowCountToBeBetween(min_value=1),
                E.ExpectColumnValuesToNotBeNull(column="id"),
                E.ExpectColumnValuesToBeUnique(column="id"),
                E.ExpectColumnValuesToNotBeNull(column="citation"),
                E.ExpectColumnValuesToBeInSet(column="citation", value_set=sorted(kb.citations)),
                E.ExpectColumnValuesToBeInSet(column="entity", value_set=entities),
                E.ExpectColumnValuesToBeInSet(column="property", value_set=properties),
                E.ExpectColumnValuesToBeInSet(column="qualifier", value_set=list(QUALIFIERS)),
                E.ExpectColumnValuesToBeBetween(column="amount", min_value=0),
                E.ExpectColumnValuesToBeInSet(column="dates_valid", value_set=[True]),
                E.ExpectColumnValuesToBeInSet(column="plausible", value_set=[True]),
            ]),
        }
        results = []
        for name, (df, exps) in suites.items():
            if df.empty:
                df = df.reindex(columns=["id"])
            asset = ds.add_dataframe_asset(name)
            batch = asset.add_batch_definition_whole_dataframe("all").get_batch(batch_parameters={"dataframe": df})
            suite = gx.ExpectationSuite(name=f"kb-{name}")
            for e in exps:
                suite.add_expectation(e)
            res = batch.validate(suite)
            for r in res.results:
                cfg = r.expectation_config
                kw = dict(cfg.kwargs)
                kw.pop("batch_id", None)
                unexpected = r.result.get("partial_unexpected_list") or []
                results.append({
                    "table": name,
                    "expectation": cfg.type,
                    "column": kw.get("column") or ", ".join(str(kw[k]) for k in ("column_A", "column_B") if k in kw) or None,
                    "success": bool(r.success),
                    "unexpected_count": r.result.get("unexpected_count"),
                    "unexpected": [None if isinstance(u, float) and math.isnan(u) else u for u in unexpected[:10]],
                    "exception": (r.exception_info or {}).get("exception_message") if not r.success else None,
                })
    ok = sum(r["success"] for r in results)
    return {"success": ok == len(results), "evaluated": len(results), "successful": ok, "results": results}
