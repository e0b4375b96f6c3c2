"""The knowledge base for notebooks: tables, findings, derived values, a clean stop on bad data.

::

    from kb.analysis import api
    api.setup_notebook()                    # deterministic tables and charts
    kbase = api.open_kb().require_clean()   # stops, listing file:line, on integrity errors
    claims = kbase.claims()                 # pandas DataFrame, one row per claim
    kbase.value("s001-h100-rental-price")   # a kb.derive.Derived with lineage

The root is found from the working directory upwards (any folder inside the project works),
or taken from ``open_kb(root)`` or the ``KB_ROOT`` environment variable. Every table is
sorted, so the same data always prints the same way.
"""

from __future__ import annotations

import datetime as _dt
import math
import os
import re
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from kb.analysis import derive
from kb.analysis.derive import Derived, fmt
from kb.core.catalogue import RULES
from kb.core.findings import Finding
from kb.core.records import KnowledgeBase, Reference, Value
from kb.core.text import conditions_text as _conditions_text
from kb.core.units import parse_unit
from kb.errors import IntegrityError
from kb.rules.check import Report, check
from kb.store.load import load, resolve_root

__all__ = [
    "KB", "IntegrityError", "KnowledgeBaseError", "open_kb", "setup_notebook", "conditions_text",
    "period_bounds", "monthly", "plot_intervals", "plot_periods", "fmt", "VERDICT_COLOURS", "glue", "say", "percent",
]

ROOT_ENV = "KB_ROOT"

#: Chart colours of review verdicts (and of claims with none).
VERDICT_COLOURS = {"correct": "#27ae60", "dubious": "#e67e22", "unverifiable": "#8e44ad", "wrong": "#c0392b",
                   "not reviewed": "#b3b6b7"}

#: The error :meth:`KB.require_clean` raises (shown in notebooks as its message, no traceback).
KnowledgeBaseError = IntegrityError


def open_kb(root: str | Path | None = None, *, content: bool = True) -> "KB":
    """Load and check the knowledge base at ``root`` (default: ``$KB_ROOT``, else found from
    the working directory upwards). Loading never raises on bad data; see :meth:`KB.require_clean`.
    """
    if root is None and os.environ.get(ROOT_ENV):
        root = os.environ[ROOT_ENV]
    model = load(resolve_root(root))
    return KB(model, check(kb=model, content=content))


class KB:
    """A loaded and checked knowledge base, as tables for analysis."""

    def __init__(self, model: KnowledgeBase, report: Report):
        self.model = model
        self.report = report
        self.comparer = report.comparer
        self.root = model.root

    def __repr__(self) -> str:
        c = self.report.counts
        return (f"<knowledge base: {c['claims']} claims, {c['references']} references, {c['sources']} sources; "
                f"{c['error']} errors, {c['warning']} warnings, {c['info']} info>")

    # ------------------------------------------------------------------ integrity

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.report.findings if f.severity == "error"]

    def require_clean(self) -> "KB":
        """Return self, or raise :class:`~kb.errors.IntegrityError` listing every integrity error."""
        if self.errors:
            raise IntegrityError(self.errors)
        return self

    # ------------------------------------------------------------------ records

    def record(self, ident: str) -> Value:
        """A claim or reference by id (``KeyError`` if there is none)."""
        rec = self.model.record(ident)
        if rec is None:
            raise KeyError(f"no claim or reference with id {ident!r}")
        return rec

    def value(self, ident: str, label: str | None = None, *, stated: bool = False) -> Derived:
        """The canonical interval of a claim or reference, as a derived value with lineage;
        with ``stated``, the number as written instead (no tolerance, no open end)."""
        rec = self.record(ident)
        return derive.stated(rec, label) if stated else derive.from_record(rec, label)

    def family(self, entity: str | None) -> str | None:
        return self.model.family_of(entity) if entity else entity

    # ------------------------------------------------------------------ tables

    def claims(self) -> pd.DataFrame:
        """One row per claim, sorted by id. ``quantity`` is the stated value as a pint
        quantity (for a range, a two-element magnitude ``[low, high]``; None for categories);
        ``canonical_low/high`` are the interval in ``canonical_unit`` (``inf`` for an open end).
        """
        srcs = self.model.sources
        rows = []
        for c in sorted(self.model.claims, key=lambda c: c.id or ""):
            src = srcs.get(c.source or "")
            rows.append({
                "id": c.id,
                "source": c.source,
                "publisher": src.publisher if src else None,
                "trust": src.trust if src else None,
                **self._value_cols(c),
                "verdict": c.review.verdict if c.review else None,
                "as_of": _iso(c.as_of),
                "quote": c.quote,
                "path": c.path,
                "line": c.line,
            })
        return _frame(rows, CLAIM_COLUMNS)

    def references(self) -> pd.DataFrame:
        """One row per reference value, sorted by id, with its citation."""
        rows = []
        for r in sorted(self.model.references, key=lambda r: r.id or ""):
            cit = self.model.citations.get(r.citation or "")
            rows.append({
                "id": r.id,
                "citation": r.citation,
                "publisher": cit.publisher if cit else None,
                "citation_kind": cit.kind if cit else None,
                **self._value_cols(r),
                "valid_from": _iso(r.valid_from),
                "valid_to": _iso(r.valid_to),
                "current": r.valid_to is None,
                "estimate_by": r.estimate_by,
                "locator": r.locator,
                "path": r.path,
                "line": r.line,
            })
        return _frame(rows, REFERENCE_COLUMNS)

    def sources(self) -> pd.DataFrame:
        rows = [{"id": s.id, "title": s.title, "publisher": s.publisher, "published": _iso(s.published),
                 "trust": s.trust, "claims": sum(1 for c in self.model.claims if c.source == s.id)}
                for s in sorted(self.model.sources.values(), key=lambda s: s.id)]
        return _frame(rows, ["id", "title", "publisher", "published", "trust", "claims"])

    def findings(self, kind: str | None = None) -> pd.DataFrame:
        """The checker's findings in report order; ``kind`` = ``integrity`` or ``content``.
        ``causes`` lists the kinds of the likely causes (``scale-slip, other-entity``), in the
        order the finding gives them."""
        rows = []
        for f in self.report.findings:
            if kind is not None and f.kind != kind:
                continue
            rows.append({
                "code": f.code,
                "severity": f.severity,
                "kind": f.kind,
                "where": f.where,
                "claims": ", ".join(f.claims),
                "message": f.message,
                "likely_cause": f.likely_cause,
                "causes": ", ".join(dict.fromkeys(c.kind for c in f.causes)),
                "reviewed": f.reviewed,
                "verdict": ", ".join(r.verdict for r in f.reviews) or None,
                "evidence": f.evidence,
                "path": f.path,
                "line": f.line,
            })
        return _frame(rows, FINDING_COLUMNS)

    # ------------------------------------------------------------------ the articles' own arithmetic

    def relations(self, kind: str | None = None) -> pd.DataFrame:
        """Every recomputed relation (``report.relations``), in report order: a claim's
        ``derived:`` formula (``kind`` "derived"), or a ratio, share or change claim computed
        from its two sides (``kind`` "comparison"; ``basis`` article, references or
        article+references). ``with_numbers`` is the formula with the inputs' values,
        ``computed`` the computed interval in the claim's canonical unit, ``verdict``
        consistent, misses or not-evaluated; ``cause`` the kind of the first likely cause of a
        miss, ``finding`` the code of the finding it gave, ``review`` the curator's verdict."""
        found = {(f.relation.claim, f.relation.basis): f.code for f in self.report.findings if f.relation is not None}
        rows = []
        for e in self.report.relations:
            if kind is not None and e.kind != kind:
                continue
            c = self.model.claims_by_id.get(e.claim)
            iv = e.computed
            rows.append({
                "claim": e.claim, "source": e.source, "where": f"{e.path}:{e.line}", "kind": e.kind, "basis": e.basis,
                "formula": e.formula, "with_numbers": e.with_numbers, "stated": e.stated,
                "computed": derive.fmt(iv.low, 4) + ("" if iv.low == iv.high else "–" + derive.fmt(iv.high, 4))
                if iv is not None else None,
                "unit": iv.unit if iv is not None else None, "computed_low": iv.low if iv is not None else None,
                "computed_high": iv.high if iv is not None else None, "verdict": e.verdict, "factor": e.factor,
                "direction": e.comparison.direction if e.comparison is not None else None,
                "cause": e.causes[0].kind if e.causes else None, "likely_cause": "; ".join(x.text for x in e.causes) or None,
                "finding": found.get((e.claim, e.basis)), "review": c.review.verdict if c and c.review else None,
                "error": e.error,
            })
        return _frame(rows, RELATION_COLUMNS)

    def causes(self, claim_ids: Iterable[str] | None = None) -> pd.DataFrame:
        """The likely causes of the content findings, one row per cause, in report order:
        the finding's ``code`` and ``claims``, the cause's ``kind``, ``why`` (its sentence up to
        the list of values it points at), the full ``text``, ``points_at`` (record ids) and
        ``factor``. With ``claim_ids``, only findings naming one of them."""
        wanted = set(claim_ids) if claim_ids is not None else None
        rows = []
        for f in self.report.findings:
            if f.kind != "content" or (wanted is not None and not wanted & set(f.claims)):
                continue
            for c in f.causes:
                rows.append({"code": f.code, "claims": ", ".join(f.claims), "kind": c.kind,
                             "why": c.text.split(": ", 1)[0], "text": c.text, "points_at": ", ".join(c.points_at),
                             "factor": c.factor})
        return _frame(rows, ["code", "claims", "kind", "why", "text", "points_at", "factor"])

    # ------------------------------------------------------------------ comparisons

    def comparable_references(self, claim_id: str, in_force: bool = True) -> list[Reference]:
        """References that speak about the same thing as a claim, as the checker picks them
        (:class:`kb.rules.compare.Comparer`): the same property; the claim's entity, its
        variants (for a family), its family (for a variant) or every member (for a class such
        as ``llms``); compatible conditions; with ``in_force``, only values in force at the
        claim's ``as_of`` date (without a date: current values). Sorted by id."""
        c = self.record(claim_id)
        return sorted(self.comparer.references_for(c, current=in_force), key=lambda r: r.id)

    def related_entities(self, entity: str | None) -> set[str]:
        """The entity, its variants, its family, and for a class every entity of that kind."""
        if entity not in self.model.entities:
            return {entity} if entity else set()
        return set(self.comparer.related_entities(entity))

    def comparisons(self, claim_ids: Iterable[str] | None = None, in_force: bool = True) -> pd.DataFrame:
        """Each numeric claim beside each comparable reference (see
        :meth:`comparable_references`), nearest first: both intervals in the property's
        canonical unit, whether they agree, the factor between them (1 when they agree) and
        the direction, exactly as the checker and the site show them."""
        ids = sorted(claim_ids) if claim_ids is not None else sorted(
            c.id for c in self.model.claims if c.interval is not None)
        rows = []
        for cid in ids:
            c = self.record(cid)
            when = c.as_of
            for x in self.comparer.comparisons(c, current=in_force):
                r = self.model.references_by_id[x.other]
                rows.append({
                    "claim": cid, "claim_entity": c.entity, "stated": x.stated,
                    "reference": r.id, "ref_entity": r.entity, "property": c.property,
                    "ref_conditions": conditions_text(r.conditions), "ref_stated": x.other_stated,
                    "claim_low": x.subject_iv.low, "claim_high": x.subject_iv.high,
                    "ref_low": x.other_iv.low, "ref_high": x.other_iv.high,
                    "unit": x.subject_iv.unit, "agrees": x.agrees, "factor": x.factor,
                    "claim_is": x.direction, "comparison": x.text(),
                    "in_force": self.comparer.in_force(r, _date(when)),
                })
        return _frame(rows, COMPARISON_COLUMNS)

    def nearest_references(self, claim_ids: Iterable[str] | None = None) -> pd.DataFrame:
        """One row per numeric claim: how many references apply, how many agree, and the
        nearest one with the factor between them (1 when it agrees)."""
        ids = sorted(claim_ids) if claim_ids is not None else sorted(
            c.id for c in self.model.claims if c.interval is not None)
        rows = []
        for cid in ids:
            comps = self.comparer.comparisons(self.record(cid))
            if not comps:
                continue
            best = comps[0]
            rows.append({"claim": cid, "stated": best.stated, "references": len(comps),
                         "agreeing": sum(1 for x in comps if x.agrees), "nearest": best.other,
                         "nearest_stated": best.other_stated, "factor": best.factor, "claim_is": best.direction})
        return _frame(rows, ["claim", "stated", "references", "agreeing", "nearest", "nearest_stated", "factor",
                             "claim_is"])

    def agreement(self, claims: pd.DataFrame, by: str | list[str] = "property") -> pd.DataFrame:
        """How the numeric claims in ``claims`` (rows of :meth:`claims`) fare against the
        references, per group of ``by``: ``claims`` (numeric ones), ``compared`` (with at least
        one comparable reference, as :meth:`nearest_references` finds them), ``agree`` (overlapping
        at least one), ``share`` (agree ÷ compared; NaN when none was compared) and
        ``median_miss`` (the median factor to the nearest reference of those that do not
        agree; NaN when all agree). Sorted by group."""
        keys = [by] if isinstance(by, str) else list(by)
        numeric = claims[claims["canonical_unit"].notna()]
        nearest = self.nearest_references(numeric["id"]).set_index("claim")
        rows = []
        for key, g in numeric.groupby(keys, sort=True, dropna=False):
            key = key if isinstance(key, tuple) else (key,)
            near = nearest.loc[nearest.index.intersection(g["id"])]
            agree = near["agreeing"] > 0
            misses = near.loc[~agree, "factor"]
            rows.append({**dict(zip(keys, key)), "claims": len(g), "compared": len(near), "agree": int(agree.sum()),
                         "share": agree.sum() / len(near) if len(near) else math.nan,
                         "median_miss": float(misses.median()) if len(misses) else math.nan})
        return _frame(rows, [*keys, "claims", "compared", "agree", "share", "median_miss"])

    def side_by_side(self, claim_ids: Iterable[str], limit: int = 8) -> pd.DataFrame:
        """Rows to plot: the claims (same property), then the ``limit`` comparable references
        nearest to them, each with its interval in the canonical unit."""
        ids = [i for i in claim_ids if self.record(i).interval is not None]
        rows, refs = [], {}
        for cid in ids:
            c = self.record(cid)
            rows.append({"kind": "claim", "id": cid, "label": f"{cid}: {c.display()}", "low": c.interval.low,
                         "high": c.interval.high, "unit": c.interval.unit})
            for x in self.comparer.comparisons(c):
                refs[x.other] = min(x.distance, refs.get(x.other, math.inf))
        for rid in sorted(refs, key=lambda i: (refs[i], i))[:limit]:
            r = self.record(rid)
            cond = _conditions_text(r.conditions, self.model.conditions)
            rows.append({"kind": "reference", "id": rid,
                         "label": f"{r.entity}{' ' + cond if cond else ''}: {r.display()}",
                         "low": r.interval.low, "high": r.interval.high, "unit": r.interval.unit})
        return _frame(rows, ["kind", "id", "label", "low", "high", "unit"])

    def reference_values(self, property: str, *, entities: Iterable[str] | None = None, current: bool = True,
                         bounded: bool = False, **conditions: str) -> pd.DataFrame:
        """The references of one property as derived values (column ``value``), one row each,
        filtered by entity and by exact condition values (``scope="per-gpu"``); with
        ``current``, only values without a ``valid_to`` date; with ``bounded``, only values
        with two finite ends (no "over $2.71", which would open every envelope it joins).
        Each condition key present gets its own column."""
        wanted = set(entities) if entities is not None else None
        recs = [r for r in self.model.references
                if r.property == property and r.canonical_unit is not None
                and (wanted is None or r.entity in wanted)
                and all(r.conditions.get(k) == v for k, v in conditions.items())
                and (not current or r.valid_to is None)
                and (not bounded or (r.interval is not None and not _open(r.interval.low) and not _open(r.interval.high)))]
        keys = sorted({k for r in recs for k in r.conditions})
        rows = []
        for r in sorted(recs, key=lambda r: (r.entity, conditions_text(r.conditions), r.id)):
            rows.append({"id": r.id, "entity": r.entity, "family": self.family(r.entity), "property": r.property,
                         "conditions": conditions_text(r.conditions), **{k: r.conditions.get(k) for k in keys},
                         "stated": r.display(), "value": derive.from_record(r)})
        return _frame(rows, ["id", "entity", "family", "property", "conditions", *keys, "stated", "value"])

    # ------------------------------------------------------------------ helpers

    def _value_cols(self, v: Value) -> dict[str, Any]:
        ent = self.model.entities.get(v.entity or "")
        return {
            "entity": v.entity,
            "entity_kind": ent.kind if ent else None,
            "family": self.family(v.entity),
            "property": v.property,
            "conditions": conditions_text(v.conditions),
            "stated": v.display(),
            "value": v.value,
            "low": v.low,
            "high": v.high,
            "unit": v.unit,
            "qualifier": v.qualifier,
            "canonical_low": v.canonical_low,
            "canonical_high": v.canonical_high,
            "canonical_unit": v.canonical_unit,
            "quantity": _quantity(v),
        }


VALUE_COLUMNS = ["entity", "entity_kind", "family", "property", "conditions", "stated", "value", "low", "high", "unit",
                 "qualifier", "canonical_low", "canonical_high", "canonical_unit", "quantity"]
CLAIM_COLUMNS = ["id", "source", "publisher", "trust", *VALUE_COLUMNS, "verdict", "as_of", "quote", "path", "line"]
REFERENCE_COLUMNS = ["id", "citation", "publisher", "citation_kind", *VALUE_COLUMNS, "valid_from", "valid_to",
                     "current", "estimate_by", "locator", "path", "line"]
FINDING_COLUMNS = ["code", "severity", "kind", "where", "claims", "message", "likely_cause", "causes", "reviewed",
                   "verdict", "evidence", "path", "line"]
COMPARISON_COLUMNS = ["claim", "claim_entity", "stated", "reference", "ref_entity", "property", "ref_conditions",
                      "ref_stated", "claim_low", "claim_high", "ref_low", "ref_high", "unit", "agrees", "factor",
                      "claim_is", "comparison", "in_force"]


# ---------------------------------------------------------------------- plain functions


def conditions_text(conditions: dict[str, str] | None) -> str:
    """``{"scope": "per-gpu", "precision": "fp16"}`` → ``"precision=fp16, scope=per-gpu"``."""
    return ", ".join(f"{k}={v}" for k, v in sorted((conditions or {}).items()))


def period_bounds(period: str) -> tuple[_dt.date, _dt.date, int]:
    """``"2022"``, ``"2025-H1"``, ``"2024-Q3"``, ``"2024-08"`` → (first day, last day, months)."""
    m = re.fullmatch(r"(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?", str(period).strip())
    if not m:
        raise ValueError(f"not a period: {period!r} (a year, 2025-H1, 2024-Q3 or 2024-08)")
    year, part = int(m.group(1)), m.group(2)
    if part is None:
        first, months = 1, 12
    elif part[0] == "H":
        first, months = (int(part[1]) - 1) * 6 + 1, 6
    elif part[0] == "Q":
        first, months = (int(part[1]) - 1) * 3 + 1, 3
    else:
        first, months = int(part), 1
        if not 1 <= first <= 12:
            raise ValueError(f"not a month: {period!r}")
    start = _dt.date(year, first, 1)
    last_month = first + months - 1
    nxt = _dt.date(year + (last_month == 12), last_month % 12 + 1, 1)
    return start, nxt - _dt.timedelta(days=1), months


def monthly(value: Derived, period: str) -> Derived:
    """A total for a period (``"2025-H1"``) as an average per month, with lineage."""
    months = period_bounds(period)[2]
    per = derive.constant(months, "month", f"{months} month{'s' if months != 1 else ''}")
    return value / per


def setup_notebook(seed: int = 0) -> None:
    """Deterministic output: fixed seeds, pandas display options, matplotlib with a fixed
    backend, SVG hash salt and no dates or version stamps in image metadata."""
    import random

    import matplotlib

    random.seed(seed)
    try:
        import numpy as np

        np.random.seed(seed)
    except ImportError:  # pragma: no cover
        pass
    pd.set_option("display.max_rows", 200)
    pd.set_option("display.max_columns", 40)
    pd.set_option("display.max_colwidth", 120)
    pd.set_option("display.width", 200)
    pd.set_option("display.float_format", lambda x: fmt(x, 4))
    matplotlib.rcParams.update({
        "svg.hashsalt": "kb",
        "figure.figsize": (8.0, 4.0),
        "figure.dpi": 80,
        "savefig.dpi": 80,
        "font.size": 9,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "axes.spines.top": False,
        "axes.spines.right": False,
    })
    try:
        from IPython import get_ipython

        if get_ipython() is not None:
            from matplotlib_inline.backend_inline import set_matplotlib_formats

            matplotlib.use("module://matplotlib_inline.backend_inline")
            set_matplotlib_formats("png", metadata={"Software": None})
    except ImportError:  # pragma: no cover - outside IPython
        pass
    import matplotlib.pyplot  # noqa: F401  (a first import may build the font cache here)


def plot_intervals(rows: pd.DataFrame, *, ax=None, title: str = "", xlabel: str = "", log: bool = True,
                   label: str = "label", low: str = "low", high: str = "high", kind: str = "kind"):
    """One horizontal bar per row from ``low`` to ``high`` (an open end drawn as an arrow
    to the edge), coloured by ``kind`` (claim, reference, derived); log scale by default."""
    import matplotlib.pyplot as plt

    colours = {"claim": "#c0392b", "reference": "#2471a3", "derived": "#7d3c98"}
    if ax is None:
        _, ax = plt.subplots(figsize=(8.0, max(1.6, 0.32 * len(rows) + 1.0)))
    finite = [x for x in list(rows[low]) + list(rows[high])
              if x is not None and not math.isinf(x) and not (isinstance(x, float) and math.isnan(x)) and (x > 0 or not log)]
    if not finite:
        finite = [1.0]
    lo_edge, hi_edge = min(finite), max(finite)
    if log:
        lo_edge, hi_edge = lo_edge / 10, hi_edge * 10
    else:
        span = (hi_edge - lo_edge) or abs(hi_edge) or 1.0
        lo_edge, hi_edge = lo_edge - 0.1 * span, hi_edge + 0.1 * span
    labels = []
    for i, (_, r) in enumerate(rows.reset_index(drop=True).iterrows()):
        y = len(rows) - 1 - i
        a, b = r[low], r[high]
        open_lo = _open(a) or (log and a <= 0)
        open_hi = _open(b)
        x0, x1 = (lo_edge if open_lo else a), (hi_edge if open_hi else b)
        c = colours.get(str(r.get(kind, "")), "#555555")
        ax.plot([x0, x1], [y, y], color=c, linewidth=5, solid_capstyle="butt", alpha=0.85)
        for x, is_open, m in ((x0, open_lo, "<"), (x1, open_hi, ">")):
            # an open end: an arrow at the edge; a closed end: a tick, so a narrow interval stays visible
            ax.plot([x], [y], marker=m if is_open else "|", color=c, markersize=8 if is_open else 11,
                    markeredgewidth=1 if is_open else 2.5)
        labels.append((y, str(r[label])))
    ax.set_yticks([y for y, _ in labels], [t for _, t in labels])
    if log:
        ax.set_xscale("log")
    ax.set_xlim(lo_edge, hi_edge)
    ax.set_ylim(-0.8, len(rows) - 0.2)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    kinds = [k for k in colours if kind in rows and (rows[kind] == k).any()]
    if kinds:
        from matplotlib.lines import Line2D

        ax.legend([Line2D([0], [0], color=colours[k], linewidth=5) for k in kinds], kinds,
                  loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    return ax


def plot_periods(rows: pd.DataFrame, *, ax=None, title: str = "", ylabel: str = "", log: bool = True,
                 series: str = "series", period: str = "period", low: str = "low", high: str = "high"):
    """Values that hold over a period (``"2025-H1"``): a band from the period's first to last
    day between ``low`` and ``high``, one colour per ``series``; log scale by default."""
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(8.0, 4.0))
    names = list(dict.fromkeys(rows[series]))
    cmap = plt.get_cmap("tab10")
    for i, name in enumerate(names):
        sub = rows[rows[series] == name]
        for j, (_, r) in enumerate(sub.iterrows()):
            start, end, _m = period_bounds(r[period])
            x = [start, end + _dt.timedelta(days=1)]
            lo, hi = r[low], r[high]
            kw = {"label": name} if j == 0 else {}
            if lo > 0 and hi / lo < 1.02:  # too thin for a band: a line
                ax.plot(x, [lo, lo], color=cmap(i % 10), linewidth=3, **kw)
            else:
                ax.fill_between(x, [lo, lo], [hi, hi], color=cmap(i % 10), alpha=0.6, linewidth=0, **kw)
    if log:
        ax.set_yscale("log")
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax


#: What a glue name may be (a Python keyword argument; myst-nb reads it in ``{glue:text}`name```).
GLUE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: The MIME prefix myst-nb (and papermill's scrapbook) reads a value glued without display from.
GLUE_PREFIX = "application/papermill.record/"


def _glue_output(name: str, text: str) -> None:
    """What ``myst_nb.glue(name, text, display=False)`` emits, without importing myst-nb
    (which brings Sphinx into the kernel): a display output holding the value's text/plain
    under the papermill record prefix, with the name in its metadata. Outside IPython there
    is nothing to glue into, and nothing is emitted."""
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython is a dependency of the notebooks
        return
    if get_ipython() is None:
        return
    display({GLUE_PREFIX + "text/plain": repr(text)}, raw=True,
            metadata={"scrapbook": {"name": name, "mime_prefix": GLUE_PREFIX}})


def say(value: Any, digits: int = 3) -> str:
    """A value as prose says it: a derived value with its unit (``"0.0849–0.0865 TFLOPS/W"``),
    a number to ``digits`` significant digits (``"1,181"``, ``"-0.5"``), a whole number in
    full (``"1,788"``), text as it is."""
    if isinstance(value, bool) or value is None:
        raise TypeError(f"say(): {value!r} is not a number, a derived value or text")
    if isinstance(value, Derived):
        return value.display(digits)
    if isinstance(value, str):
        return value
    if isinstance(value, int) or (hasattr(value, "dtype") and getattr(value.dtype, "kind", "") in "iu"):
        return f"{int(value):,}"
    if isinstance(value, float) or hasattr(value, "dtype"):
        return fmt(float(value), digits)
    if hasattr(value, "magnitude") and hasattr(value, "units"):
        return f"{fmt(float(value.magnitude), digits)} {value.units:~}"
    raise TypeError(f"say(): cannot say a {type(value).__name__}")


def percent(share: float, digits: int = 2) -> str:
    """A share (0–1) as a percentage for prose: ``percent(0.8966) == "90%"``,
    ``percent(0.0345) == "3.5%"``; NaN (a share of nothing) is ``"n/a"``."""
    share = float(share)
    return "n/a" if math.isnan(share) else f"{fmt(100 * share, digits)}%"


def glue(digits: int = 3, **values: Any) -> pd.DataFrame:
    """Give computed values names for the notebook's prose: each is said as :func:`say` says
    it and stored with myst-nb's ``glue`` (not displayed on its own), so Markdown writes
    ``{glue:text}`name``` and the site shows the value; nbval compares the stored values, so
    prose cannot drift from the outputs. Returns the values as a table (name, text), which
    the cell shows."""
    rows = []
    for name, value in values.items():
        if not GLUE_NAME.fullmatch(name):
            raise ValueError(f"glue name {name!r}: use letters, digits and underscores")
        text = say(value, digits)
        _glue_output(name, text)
        rows.append({"name": name, "text": text})
    return _frame(rows, ["name", "text"]).set_index("name")


# ---------------------------------------------------------------------- internals


RELATION_COLUMNS = ["claim", "source", "where", "kind", "basis", "formula", "with_numbers", "stated", "computed", "unit",
                    "computed_low", "computed_high", "verdict", "factor", "direction", "cause", "likely_cause", "finding",
                    "review", "error"]


def _open(x: Any) -> bool:
    """An open (or missing) interval end: None, NaN or infinite."""
    return x is None or not math.isfinite(float(x))


def _iso(x: Any) -> Any:
    return x.isoformat() if hasattr(x, "isoformat") else x


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=columns)
    return df.reset_index(drop=True)


def _quantity(v: Value):
    if v.categorical or not v.unit or not v.ok:
        return None
    try:
        one = parse_unit(v.unit)
    except Exception:
        return None
    if v.qualifier == "range":
        if v.low is None or v.high is None:
            return None
        import numpy as np

        return np.array([v.low, v.high]) * one
    return None if v.value is None else v.value * one


def _date(x: Any) -> _dt.date | None:
    from kb.core.records import date_of

    return date_of(x)
