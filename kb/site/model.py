"""The model of the site: :class:`Site` (the knowledge base, its findings and the indexes
and link targets the pages need), :class:`Page` (relative links and the HTML for the
objects one page names), and how a claim compares with a reference value."""

from __future__ import annotations

import hashlib
import json
import math
import posixpath
from collections import Counter, defaultdict
from typing import Any, Iterable

from kb.rules.content import compatible
from kb.site.markup import _num, _range, esc, frag, ratio_text, safe_url, slug, verdict_html
from kb.core.records import Claim, Finding, KnowledgeBase, Reference

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


# ----------------------------------------------------------------------------- the model of the site


class Site:
    """The knowledge base, its report, and the indexes the pages need."""

    def __init__(self, kb: KnowledgeBase, findings: list[Finding], base_url: str = ""):
        self.kb = kb
        self.findings = findings
        self.base_url = base_url
        self.claims_by_id = {c.id: c for c in kb.claims}
        self.refs_by_id = {r.id: r for r in kb.references}
        self.claims_by_source: dict[str, list[Claim]] = defaultdict(list)
        self.claims_by_entity: dict[str, list[Claim]] = defaultdict(list)
        self.claims_by_property: dict[str, list[Claim]] = defaultdict(list)
        for c in kb.claims:
            self.claims_by_source[c.source or ""].append(c)
            self.claims_by_entity[c.entity or ""].append(c)
            self.claims_by_property[c.property or ""].append(c)
        self.refs_by_entity: dict[str, list[Reference]] = defaultdict(list)
        self.refs_by_key: dict[tuple, list[Reference]] = defaultdict(list)
        for r in kb.references:
            self.refs_by_entity[r.entity or ""].append(r)
            self.refs_by_key[(r.entity, r.property)].append(r)
        self.finding_ids: dict[int, str] = {}
        used: Counter = Counter()
        self.findings_by_claim: dict[str, list[Finding]] = defaultdict(list)
        for f in findings:
            key = json.dumps([f.code, f.path, f.line, f.claims, f.message], default=str)
            fid = "f-" + hashlib.sha1(key.encode()).hexdigest()[:10]
            used[fid] += 1
            self.finding_ids[id(f)] = fid if used[fid] == 1 else f"{fid}-{used[fid]}"
            for cid in f.claims:
                self.findings_by_claim[cid].append(f)
        self.source_slug = {s: slug(s) for s in kb.sources}
        self.entity_slug = {e: slug(e) for e in kb.entities}
        self.property_slug = {p: slug(p) for p in kb.properties}

    # --- targets, relative to generated/
    def t_source(self, sid):
        return f"sources/{self.source_slug[sid]}.html" if sid in self.source_slug else None

    def t_claim(self, cid):
        c = self.claims_by_id.get(cid)
        if c is None:
            return None
        page = self.t_source(c.source) or "claims.html"
        return f"{page}#claim-{frag(cid)}"

    def t_entity(self, eid):
        return f"entities/{self.entity_slug[eid]}.html" if eid in self.entity_slug else None

    def t_property(self, pid):
        return f"properties/{self.property_slug[pid]}.html" if pid in self.property_slug else None

    def t_ref(self, rid):
        r = self.refs_by_id.get(rid)
        page = self.t_entity(r.entity) if r is not None else None
        return f"{page}#ref-{frag(rid)}" if page else None

    def t_finding(self, f):
        return f"findings.html#{self.finding_ids[id(f)]}"

    # --- semantics the pages show (no judgement: the checker's findings are the judgement)
    def targets(self, eid: str | None) -> list[str]:
        ent = self.kb.entities.get(eid or "")
        return [eid] + sorted(ent.variants) if ent else [eid]

    def compatible_refs(self, c: Claim) -> list[Reference]:
        out = []
        for t in self.targets(c.entity):
            for r in self.refs_by_key.get((t, c.property), []):
                if compatible(c.conditions, r.conditions):
                    out.append(r)
        return out

    def entity_name(self, eid: str | None) -> str:
        ent = self.kb.entities.get(eid or "")
        return ent.name if ent else str(eid)

    def worst(self, fs: Iterable[Finding]) -> str:
        sev = sorted((f.severity for f in fs), key=lambda s: SEVERITY_ORDER.get(s, 9))
        return sev[0] if sev else "none"


def interval(v) -> tuple[float, float] | None:
    if v.canonical_low is None or v.canonical_high is None:
        return None
    return (v.canonical_low, v.canonical_high)


def comparison(c: Claim, r: Reference) -> tuple[str, float | None]:
    """('consistent' | '16.5x lower' | ..., ratio of representative values)."""
    from kb.core.intervals import overlaps, value_ratio

    a, b = interval(c), interval(r)
    if a is None or b is None:
        return ("not comparable", None)
    rv = value_ratio(a, b)
    if overlaps(a, b):
        return ("consistent", rv)
    if math.isinf(rv) or rv == 0:
        return ("disjoint", None)
    return (ratio_text(rv), rv)


_SELF_DESCRIBING = ("precision", "core", "sparsity", "direction", "scope", "pricing")


def cond_text(conds: dict[str, str], order: list[str] | None = None) -> str:
    """Conditions for people: ``fp16 · tensor · dense · per-gpu · provider aws``."""
    if not conds:
        return ""
    rank = list(order or []) + [k for k in _SELF_DESCRIBING if k not in (order or [])]
    keys = sorted(conds, key=lambda k: (rank.index(k) if k in rank else 99, k))
    return " · ".join(str(conds[k]) if k in _SELF_DESCRIBING else f"{k} {conds[k]}" for k in keys)


def canonical_text(v) -> str:
    iv = interval(v)
    if iv is None:
        return ""
    lo, hi = iv
    unit = v.canonical_unit or ""
    if lo == hi:
        return f"{_num(lo)} {unit}"
    return f"{_num(lo)}–{_num(hi)} {unit}"


# ----------------------------------------------------------------------------- links and HTML from one page


class Page:
    """Relative links from one generated page (path relative to generated/)."""

    def __init__(self, site: Site, path: str):
        self.site = site
        self.dir = posixpath.dirname(path)

    def href(self, target: str | None) -> str | None:
        if target is None:
            return None
        path, hashmark, fragment = target.partition("#")
        rel = posixpath.relpath(path, self.dir or ".") if path else ""
        return rel + (hashmark + fragment if hashmark else "")

    def a(self, target: str | None, text: Any, cls: str = "") -> str:
        h = self.href(target)
        c = f' class="{cls}"' if cls else ""
        return f'<a{c} href="{esc(h)}">{esc(text)}</a>' if h else f"<span{c}>{esc(text)}</span>"

    def entity(self, eid) -> str:
        return self.a(self.site.t_entity(eid), self.site.entity_name(eid))

    def prop(self, pid) -> str:
        p = self.site.kb.properties.get(pid or "")
        return self.a(self.site.t_property(pid), p.name if p else pid)

    def claim(self, cid) -> str:
        return self.a(self.site.t_claim(cid), cid, "kb-id")

    def ident(self, ident) -> str:
        """A claim, reference or other id named by a finding."""
        s = self.site
        if ident in s.claims_by_id:
            return self.claim(ident)
        if ident in s.refs_by_id:
            return self.a(s.t_ref(ident), ident, "kb-id")
        if ident in s.kb.entities:
            return self.a(s.t_entity(ident), ident, "kb-id")
        if ident in s.kb.sources:
            return self.a(s.t_source(ident), ident, "kb-id")
        return f'<span class="kb-id">{esc(ident)}</span>'

    def citation(self, cid, short: bool = False) -> str:
        """A citation: publisher and title, linked when its URL is http(s); ``short``: the
        publisher only, with the title as a tooltip."""
        cit = self.site.kb.citations.get(cid or "")
        if cit is None:
            return esc(cid or "")
        full = f"{cit.publisher}: {cit.title}" if cit.publisher and cit.title else (cit.title or cit.publisher or cid)
        if cit.date:
            full += f" ({cit.date})"
        url = safe_url(cit.url)
        text = esc((cit.publisher or cid) if short else full)
        title = f' title="{esc(full)}"' if short else ""
        if url:
            return f'<a class="kb-ext" href="{esc(url)}" rel="nofollow noopener"{title}>{text}</a>'
        return f"<span{title}>{text}</span>"

    def finding(self, f: Finding, with_claims: bool = False) -> str:
        s = self.site
        parts = [f'<a class="kb-sev kb-sev-{esc(f.severity)}" href="{esc(self.href(s.t_finding(f)))}">'
                 f"{esc(f.severity)}[{esc(f.code)}]</a> {esc(f.message)}"]
        if f.likely_cause:
            parts.append(f'<br><span class="kb-cause">Likely cause: {esc(f.likely_cause)}</span>')
        if f.evidence:
            parts.append(self.evidence(f.evidence))
        if f.reviewed:
            parts.append(f" reviewed: {verdict_html(f)}")
        if with_claims and f.claims:
            parts.append("<br>Involves: " + ", ".join(self.ident(c) for c in f.claims))
        return "".join(parts)

    def finding_brief(self, f: Finding) -> str:
        """Severity, code and message, linked to the report (the evidence is there)."""
        return (f'<a class="kb-sev kb-sev-{esc(f.severity)}" href="{esc(self.href(self.site.t_finding(f)))}">'
                f"{esc(f.code)}</a> {esc(f.message)}")

    def evidence(self, ev: Any) -> str:
        """A finding's evidence (values, units, ratio), with links to what it names."""
        if not isinstance(ev, dict):
            return f'<div class="kb-evidence">{esc(json.dumps(ev, ensure_ascii=False, default=str))}</div>'
        items = []
        for k, v in ev.items():
            if isinstance(v, dict) and k != "plausible":
                val = self.ev_value(v)
            elif isinstance(v, list) and all(isinstance(x, dict) for x in v):
                val = "; ".join(self.ev_value(x) for x in v)
            elif k == "plausible" and isinstance(v, dict):
                val = esc(_range(v.get("low"), v.get("high"), v.get("unit")))
            elif k == "ratio" and isinstance(v, (int, float)):
                val = esc(f"{v:.4g}x")
            elif isinstance(v, (str, int, float)) or v is None:
                val = esc(_num(v) if isinstance(v, float) else v)
            else:
                val = esc(json.dumps(v, ensure_ascii=False, default=str))
            items.append(f"<dt>{esc(k)}</dt><dd>{val}</dd>")
        return '<dl class="kb-evidence">' + "".join(items) + "</dl>"

    def ev_value(self, d: dict) -> str:
        out = []
        if d.get("id"):
            out.append(self.ident(str(d["id"])))
        elif d.get("entity") and d.get("field"):
            out.append(f"{self.entity(d['entity'])}’s {esc(d['field'])}")
        if d.get("stated") is not None:
            out.append(f"<strong>{esc(d['stated'])}</strong>")
        elif d.get("value") is not None:
            out.append(f"<strong>{esc(d['value'])}</strong>")
        if d.get("low") is not None and d.get("unit"):
            out.append(f'<span class="kb-muted">= {esc(_range(d.get("low"), d.get("high"), d.get("unit")))}</span>')
        if isinstance(d.get("conditions"), dict) and d["conditions"]:
            out.append(f'<span class="kb-muted">({esc(cond_text(d["conditions"]))})</span>')
        if d.get("citation"):
            out.append(self.citation(str(d["citation"]), short=True))
        return " ".join(out)
