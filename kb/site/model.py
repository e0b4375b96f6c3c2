"""The model of the site: :class:`Site` (the knowledge base, its findings, the comparer the
checker used, and the link targets the pages need) and :class:`Page` (relative links and the
HTML for the objects one page names).

Pages never decide which references apply to a claim or how far apart two values are: they
show the :class:`~kb.core.findings.Comparison` values of :class:`kb.rules.compare.Comparer`.
"""

from __future__ import annotations

import posixpath
from collections import Counter, defaultdict
from typing import Any, Iterable

from kb.core.findings import Comparison, Finding
from kb.core.records import Claim, KnowledgeBase, Reference, Value
from kb.core.text import conditions_text, interval_text
from kb.rules.compare import Comparer
from kb.site.markup import esc, frag, safe_url, slug, verdict_html

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


# ----------------------------------------------------------------------------- the model of the site


class Site:
    """The knowledge base, its report, and the indexes the pages need."""

    def __init__(self, kb: KnowledgeBase, findings: list[Finding], comparer: Comparer, base_url: str = ""):
        self.kb = kb
        self.findings = findings
        self.comparer = comparer
        self.base_url = base_url
        self.claims_by_id = kb.claims_by_id
        self.refs_by_id = kb.references_by_id
        self.claims_by_source: dict[str, list[Claim]] = defaultdict(list)
        self.claims_by_entity: dict[str, list[Claim]] = defaultdict(list)
        self.claims_by_property: dict[str, list[Claim]] = defaultdict(list)
        for c in kb.claims:
            self.claims_by_source[c.source or ""].append(c)
            self.claims_by_entity[c.entity or ""].append(c)
            self.claims_by_property[c.property or ""].append(c)
        self.refs_by_entity: dict[str, list[Reference]] = defaultdict(list)
        for r in kb.references:
            self.refs_by_entity[r.entity or ""].append(r)
        self.finding_ids: dict[int, str] = {}
        used: Counter = Counter()
        self.findings_by_claim: dict[str, list[Finding]] = defaultdict(list)
        for f in findings:
            fid = f.anchor
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

    # --- what the pages show (the checker's comparer decides; pages only read)
    def targets(self, eid: str | None) -> list[str]:
        ent = self.kb.entities.get(eid or "")
        return [eid] + sorted(ent.variants) if ent else [eid]

    def comparisons(self, c: Value) -> list[Comparison]:
        """The claim beside each reference that applies to it, nearest first."""
        return self.comparer.comparisons(c)

    def entity_name(self, eid: str | None) -> str:
        ent = self.kb.entities.get(eid or "")
        return ent.name if ent else str(eid)

    def worst(self, fs: Iterable[Finding]) -> str:
        sev = sorted((f.severity for f in fs), key=lambda s: SEVERITY_ORDER.get(s, 9))
        return sev[0] if sev else "none"

    def cond_text(self, conds: dict[str, str], order=()) -> str:
        return conditions_text(conds, self.kb.conditions, order or ())


def interval(v) -> tuple[float, float] | None:
    return v.interval.bounds if getattr(v, "interval", None) is not None else None


def canonical_text(v) -> str:
    return interval_text(v.interval) if getattr(v, "interval", None) is not None else ""


def cmp_badge(x: Comparison) -> str:
    """A comparison's verdict, with its numbers as data attributes (the tests read them)."""
    state = "ok" if x.agrees else "off"
    factor = "" if x.factor is None else repr(x.factor)
    return (f'<span class="kb-cmp kb-cmp-{state}" data-claim="{esc(x.subject)}" data-other="{esc(x.other)}" '
            f'data-factor="{esc(factor)}" data-direction="{esc(x.direction)}">{esc(x.text())}</span>')


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
        if f.comparisons:
            parts.append(self.evidence(f))
        if f.reviewed:
            parts.append(f" reviewed: {verdict_html(f)}")
        if with_claims and f.claims:
            parts.append("<br>Involves: " + ", ".join(self.ident(c) for c in f.claims))
        return "".join(parts)

    def finding_brief(self, f: Finding) -> str:
        """Severity, code and message, linked to the report (the evidence is there)."""
        return (f'<a class="kb-sev kb-sev-{esc(f.severity)}" href="{esc(self.href(self.site.t_finding(f)))}">'
                f"{esc(f.code)}</a> {esc(f.message)}")

    def evidence(self, f: Finding, shown: int = 4) -> str:
        """The comparisons a finding rests on, nearest first, with links to what they name."""
        items = []
        for x in f.comparisons:
            other = self.ident(x.other) if x.other_kind in ("reference", "claim") else esc(x.other_kind)
            items.append(f"<li>{self.ident(x.subject)} <strong>{esc(x.stated)}</strong> vs {other} "
                         f"<strong>{esc(x.other_stated)}</strong>: {cmp_badge(x)}</li>")
        out = '<ul class="kb-evidence">' + "".join(items[:shown]) + "</ul>"
        if len(items) > shown:
            out += (f'<details class="kb-more"><summary>{len(items) - shown} more</summary>'
                    f'<ul class="kb-evidence">{"".join(items[shown:])}</ul></details>')
        return out
