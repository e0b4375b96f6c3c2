"""Downloads: the whole knowledge base as a Frictionless Data Package, and a CSV and a JSON
file for each entity and each property.

``data/datapackage.json`` describes six tables — sources, claims, references, entities,
properties, findings — each as a CSV resource (``data/csv/``) and a Parquet resource
(``data/parquet/``), with a Table Schema (field names, types, descriptions, primary and
foreign keys). The tests validate it with the ``frictionless`` library. Every file is
deterministic (sorted rows, no timestamps), so a build rewrites only what changed.
"""

from __future__ import annotations

import csv
import io
import json
import math
from typing import Any

from kb.site.model import Site

PACKAGE_NAME = "ai-economics-claims-kb"

# (name, type, description) per table; the row builders below fill them in this order.
FIELDS: dict[str, list[tuple[str, str, str]]] = {
    "sources": [
        ("id", "string", "Source id (the file stem under datasets/sources/)."),
        ("title", "string", "Title as printed."),
        ("publisher", "string", "Publisher or outlet."),
        ("author", "string", "Author, where printed."),
        ("published", "string", "Publication date as given (YYYY-MM-DD, or a year)."),
        ("url", "string", "Address of the article."),
        ("trust", "string", "Trust tier: primary, secondary, web or low."),
        ("sha256", "string", "SHA-256 of the stored text."),
        ("claims", "integer", "Number of curated claims."),
    ],
    "claims": [
        ("id", "string", "Claim id."),
        ("source", "string", "Source id (sources.id)."),
        ("entity", "string", "Entity id (entities.id)."),
        ("property", "string", "Property id (properties.id)."),
        ("conditions", "string", "Conditions as a JSON object."),
        ("qualifier", "string", "exact, approx, upper_bound, lower_bound or range."),
        ("value", "number", "The number as stated (empty for a range or a category)."),
        ("low", "number", "Low end of a stated range."),
        ("high", "number", "High end of a stated range."),
        ("category", "string", "The category id of a categorical claim (an entity id)."),
        ("unit", "string", "Unit as stated."),
        ("stated", "string", "The value as a reader reads it."),
        ("canonical_low", "number", "Low end of the value's interval in the canonical unit."),
        ("canonical_high", "number", "High end (empty when open)."),
        ("canonical_unit", "string", "The property's canonical unit."),
        ("quote", "string", "The sentence of the source, verbatim."),
        ("start", "integer", "Character offset of the quote in the source text."),
        ("end", "integer", "Character offset just after the quote."),
        ("as_of", "string", "The date the claim speaks for."),
        ("verdict", "string", "Review verdict: correct, wrong, dubious or unverifiable."),
        ("review_note", "string", "The reviewer's reason."),
        ("review_date", "string", "When the verdict was given."),
        ("nearest_reference", "string", "The nearest reference value the checker compared it with."),
        ("factor", "number", "How many times apart from that reference (1 when they agree)."),
        ("direction", "string", "above, below or within that reference."),
    ],
    "references": [
        ("id", "string", "Reference id."),
        ("entity", "string", "Entity id (entities.id)."),
        ("property", "string", "Property id (properties.id)."),
        ("conditions", "string", "Conditions as a JSON object."),
        ("qualifier", "string", "exact, approx, upper_bound, lower_bound or range."),
        ("value", "number", "The number as given."),
        ("low", "number", "Low end of a range."),
        ("high", "number", "High end of a range."),
        ("category", "string", "The category id of a categorical value."),
        ("unit", "string", "Unit as given."),
        ("stated", "string", "The value as a reader reads it."),
        ("canonical_low", "number", "Low end in the canonical unit."),
        ("canonical_high", "number", "High end (empty when open)."),
        ("canonical_unit", "string", "The property's canonical unit."),
        ("citation", "string", "Citation id."),
        ("citation_publisher", "string", "Who published the cited document."),
        ("citation_title", "string", "The cited document."),
        ("citation_url", "string", "Its address."),
        ("locator", "string", "Where in the document."),
        ("valid_from", "string", "The value holds from this date."),
        ("valid_to", "string", "...and until this date."),
        ("estimate_by", "string", "For third-party estimates: who estimated it."),
        ("note", "string", "Note."),
    ],
    "entities": [
        ("id", "string", "Entity id."),
        ("name", "string", "Name."),
        ("kind", "string", "gpu, model, organisation, architecture, ..."),
        ("family", "string", "For a variant: its family (entities.id)."),
        ("vendor", "string", "Who makes or sells it (entities.id)."),
        ("architecture", "string", "For a GPU: its architecture (entities.id)."),
        ("class_of", "string", "For a class: the kind of its members."),
        ("aliases", "string", "Names used in text, as a JSON list."),
        ("note", "string", "Note."),
    ],
    "properties": [
        ("id", "string", "Property id."),
        ("name", "string", "Name."),
        ("description", "string", "What it measures."),
        ("type", "string", "quantity or categorical."),
        ("canonical_unit", "string", "Every value is normalised to this unit."),
        ("states_maximum", "boolean", "Whether 'up to X' names the maximum itself."),
        ("conditions", "string", "Condition keys that change its meaning, as a JSON list."),
        ("search_terms", "string", "Other words for it, as a JSON list."),
    ],
    "findings": [
        ("anchor", "string", "Stable id of the finding (its anchor in the findings report)."),
        ("code", "string", "Rule id."),
        ("severity", "string", "error, warning or info."),
        ("kind", "string", "The rule's kind."),
        ("message", "string", "The checker's message."),
        ("path", "string", "File of the data it is about."),
        ("line", "integer", "Line in that file."),
        ("claims", "string", "Claim ids, as a JSON list."),
        ("factor", "number", "Factor of its first comparison."),
        ("direction", "string", "Direction of its first comparison."),
        ("likely_cause", "string", "Likely causes."),
        ("reviewed", "boolean", "Whether every claim it names is reviewed."),
        ("verdicts", "string", "The reviews, as a JSON list of {claim, verdict}."),
    ],
}
KEYS = {
    "sources": ("id", []),
    "claims": ("id", [("source", "sources"), ("entity", "entities"), ("property", "properties")]),
    "references": ("id", [("entity", "entities"), ("property", "properties")]),
    "entities": ("id", []),
    "properties": ("id", []),
    "findings": ("anchor", []),
}
TITLES = {"sources": "Sources", "claims": "Claims", "references": "Reference values", "entities": "Entities",
          "properties": "Properties", "findings": "Findings of the checker"}


def _n(x: Any) -> Any:
    if isinstance(x, bool) or x is None:
        return x
    if isinstance(x, (int, float)):
        return x if math.isfinite(x) else None
    return x


def _s(x: Any) -> str | None:
    if x is None or x == "":
        return None
    return x.isoformat() if hasattr(x, "isoformat") else str(x)


def _value_fields(v) -> dict[str, Any]:
    num = isinstance(v.value, (int, float)) and not isinstance(v.value, bool)
    iv = v.interval
    return {"qualifier": v.qualifier, "value": _n(float(v.value)) if num else None,
            "low": _n(v.low), "high": _n(v.high), "category": v.value if v.categorical else None, "unit": v.unit,
            "canonical_low": _n(iv.low) if iv else None, "canonical_high": _n(iv.high) if iv else None,
            "canonical_unit": iv.unit if iv else None}


def tables(site: Site) -> dict[str, list[dict[str, Any]]]:
    """Every table of the package, as rows (dicts in the order of :data:`FIELDS`)."""
    kb = site.kb
    out: dict[str, list[dict[str, Any]]] = {}
    out["sources"] = [{"id": s.id, "title": s.title, "publisher": s.publisher, "author": s.author,
                       "published": _s(s.published), "url": s.url, "trust": s.trust, "sha256": s.sha256,
                       "claims": len(site.claims_by_source.get(s.id, []))} for s in sorted(kb.sources.values(), key=lambda s: s.id)]
    # one row per id (a duplicate id is the checker's finding, not a second row)
    out["claims"] = [claim_row(site, c) for c in sorted(kb.claims_by_id.values(), key=lambda c: c.id)]
    out["references"] = [ref_row(site, r) for r in sorted(kb.references_by_id.values(), key=lambda r: r.id)]
    out["entities"] = [{"id": e.id, "name": e.name, "kind": e.kind, "family": e.family, "vendor": e.vendor,
                        "architecture": e.architecture, "class_of": e.class_of,
                        "aliases": json.dumps(list(e.aliases), ensure_ascii=False), "note": e.note}
                       for e in sorted(kb.entities.values(), key=lambda e: e.id)]
    out["properties"] = [{"id": p.id, "name": p.name, "description": p.description, "type": p.type,
                          "canonical_unit": p.canonical_unit, "states_maximum": bool(p.states_maximum),
                          "conditions": json.dumps(list(p.conditions)),
                          "search_terms": json.dumps(site.terms.get(p.id, []), ensure_ascii=False)}
                         for p in sorted(kb.properties.values(), key=lambda p: p.id)]
    out["findings"] = []
    for f in site.findings:
        x = f.comparisons[0] if f.comparisons else None
        out["findings"].append({
            "anchor": site.finding_ids[id(f)], "code": f.code, "severity": f.severity, "kind": f.kind,
            "message": f.message, "path": f.path, "line": f.line, "claims": json.dumps(list(f.claims)),
            "factor": _n(x.factor) if x else None, "direction": x.direction if x else None,
            "likely_cause": f.likely_cause, "reviewed": bool(f.reviewed),
            "verdicts": json.dumps([{"claim": r.claim, "verdict": r.verdict} for r in f.reviews])})
    # referential integrity for the package's foreign keys: a row naming an id the package
    # does not hold (the checker reports those) keeps its text but loses the link
    ids = {t: {r["id"] for r in out[t]} for t in ("sources", "entities", "properties")}
    for table in ("claims", "references"):
        for row in out[table]:
            for col, target in KEYS[table][1]:
                if row.get(col) is not None and row[col] not in ids[target]:
                    row[col] = None
    return out


def claim_row(site: Site, c) -> dict[str, Any]:
    x = site.nearest(c) if not c.categorical else None
    rv = c.review
    return {"id": c.id, "source": c.source, "entity": c.entity, "property": c.property,
            "conditions": json.dumps(c.conditions, sort_keys=True, ensure_ascii=False), **_value_fields(c),
            "stated": site.stated(c), "quote": c.quote, "start": c.start, "end": c.end, "as_of": _s(c.as_of),
            "verdict": rv.verdict if rv else None, "review_note": rv.note if rv else None,
            "review_date": _s(rv.date) if rv else None, "nearest_reference": x.other if x else None,
            "factor": _n(x.factor) if x else None, "direction": x.direction if x else None}


def ref_row(site: Site, r) -> dict[str, Any]:
    cit = site.kb.citations.get(r.citation or "")
    return {"id": r.id, "entity": r.entity, "property": r.property,
            "conditions": json.dumps(r.conditions, sort_keys=True, ensure_ascii=False), **_value_fields(r),
            "stated": site.stated(r), "citation": r.citation, "citation_publisher": cit.publisher if cit else None,
            "citation_title": cit.title if cit else None, "citation_url": cit.url if cit else None,
            "locator": r.locator, "valid_from": _s(r.valid_from), "valid_to": _s(r.valid_to),
            "estimate_by": r.estimate_by, "note": r.note}


def _ordered(table: str, rows: list[dict]) -> list[dict]:
    names = [f[0] for f in FIELDS[table]]
    return [{k: row.get(k) for k in names} for row in rows]


def to_csv(names: list[str], rows: list[dict]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(names)
    for row in rows:
        w.writerow(["" if row.get(k) is None else (("true" if row[k] else "false") if isinstance(row[k], bool)
                                                    else (repr(row[k]) if isinstance(row[k], float) else row[k]))
                    for k in names])
    return buf.getvalue().encode("utf-8")


def to_parquet(table: str, rows: list[dict]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"string": pa.string(), "number": pa.float64(), "integer": pa.int64(), "boolean": pa.bool_()}
    schema = pa.schema([(n, types[t]) for n, t, _ in FIELDS[table]])
    cols = {n: [row.get(n) for row in rows] for n, _, _ in FIELDS[table]}
    buf = io.BytesIO()
    pq.write_table(pa.Table.from_pydict(cols, schema=schema), buf, compression="snappy", store_schema=False)
    return buf.getvalue()


def package(site: Site, title: str, previous=None) -> dict[str, bytes]:
    """The Data Package: ``datapackage.json`` and its CSV and Parquet files, by path
    relative to the package folder. ``previous(path)``: the bytes a former build wrote there
    (or None): a table whose CSV did not change keeps its Parquet file."""
    files: dict[str, bytes] = {}
    resources = []
    for table, rows in tables(site).items():
        rows = _ordered(table, rows)
        names = [f[0] for f in FIELDS[table]]
        schema: dict[str, Any] = {"fields": [{"name": n, "type": t, "description": d} for n, t, d in FIELDS[table]],
                                  "primaryKey": [KEYS[table][0]]}
        fks = [{"fields": [col], "reference": {"resource": target, "fields": ["id"]}} for col, target in KEYS[table][1]]
        if fks:
            schema["foreignKeys"] = fks
        files[f"csv/{table}.csv"] = to_csv(names, rows)
        old_csv = previous(f"csv/{table}.csv") if previous else None
        old_parquet = previous(f"parquet/{table}.parquet") if previous and old_csv == files[f"csv/{table}.csv"] else None
        files[f"parquet/{table}.parquet"] = old_parquet or to_parquet(table, rows)
        resources.append({"name": table, "title": TITLES[table], "path": f"csv/{table}.csv", "format": "csv",
                          "mediatype": "text/csv", "encoding": "utf-8", "schema": schema})
        resources.append({"name": f"{table}-parquet", "title": f"{TITLES[table]} (Parquet)",
                          "path": f"parquet/{table}.parquet", "format": "parquet",
                          "mediatype": "application/vnd.apache.parquet", "schema": schema})
    desc = {"name": PACKAGE_NAME, "title": title,
            "description": "Numeric claims from articles about AI economics, with their quotes, the vetted "
                           "reference values they are checked against, and the checker's findings.",
            "homepage": site.base_url or None, "resources": resources}
    if not desc["homepage"]:
        del desc["homepage"]
    files["datapackage.json"] = (json.dumps(desc, indent=1, ensure_ascii=False) + "\n").encode("utf-8")
    return files


# ----------------------------------------------------------------------------- one entity, one property

SLICE = ["kind", "id", "entity", "entity_name", "property", "property_name", "conditions", "stated",
         "canonical_low", "canonical_high", "canonical_unit", "source_or_citation", "as_of_or_valid_from",
         "verdict", "quote"]


def _slice_rows(site: Site, claims, refs) -> list[dict[str, Any]]:
    rows = []
    for c in sorted(claims, key=lambda c: (c.property or "", c.id)):
        iv = c.interval
        rows.append({"kind": "claim", "id": c.id, "entity": c.entity, "entity_name": site.entity_name(c.entity),
                     "property": c.property, "property_name": site.property_name(c.property),
                     "conditions": site.cond(c), "stated": site.stated(c),
                     "canonical_low": _n(iv.low) if iv else None, "canonical_high": _n(iv.high) if iv else None,
                     "canonical_unit": iv.unit if iv else None, "source_or_citation": site.source_title(c.source),
                     "as_of_or_valid_from": _s(c.as_of), "verdict": c.review.verdict if c.review else None,
                     "quote": c.quote})
    for r in sorted(refs, key=lambda r: (r.property or "", r.entity or "", r.id)):
        iv = r.interval
        cit = site.kb.citations.get(r.citation or "")
        rows.append({"kind": "reference", "id": r.id, "entity": r.entity, "entity_name": site.entity_name(r.entity),
                     "property": r.property, "property_name": site.property_name(r.property),
                     "conditions": site.cond(r), "stated": site.stated(r),
                     "canonical_low": _n(iv.low) if iv else None, "canonical_high": _n(iv.high) if iv else None,
                     "canonical_unit": iv.unit if iv else None,
                     "source_or_citation": (f"{cit.publisher}: {cit.title}" if cit and cit.publisher else (cit.title if cit else None)),
                     "as_of_or_valid_from": _s(r.valid_from), "verdict": None, "quote": None})
    return rows


def slice_files(site: Site, claims, refs, about: dict[str, Any]) -> tuple[bytes, bytes]:
    """(CSV, JSON) of the claims and reference values one page shows."""
    rows = _slice_rows(site, claims, refs)
    doc = {**about, "columns": SLICE, "rows": rows}
    text = json.dumps(doc, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return to_csv(SLICE, rows), (text + "\n").encode("utf-8")
