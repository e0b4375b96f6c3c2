"""The published site: MyST pages generated from the knowledge base, built by Sphinx.

``python -m kb.site build [--root DIR] [--clean]`` writes ``docs/generated/`` (one page per
source, entity and property; the claims table; the findings report; the rules and CLI
references; the notebooks, copied with their stored outputs) and then runs
``sphinx-build -W --keep-going -b html docs docs/_build/html``.

Incremental by construction: a generated file is rewritten only when its content changed,
and a chart is drawn only when its data changed (its file name carries the hash of its
data), so Sphinx re-reads only the pages a change touched.

Safety: every text that comes from a source, a claim or a dataset is untrusted. It reaches
the Markdown parser either HTML-escaped inside a ``{raw} html`` block (:func:`esc`) or
backslash-escaped as plain text (:func:`md`); links are emitted only for http(s) URLs; the
JSON-LD is escaped for a script context (:func:`json_script`).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import io
import json
import math
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import quote as _urlquote, urlsplit

from .model import Claim, Finding, KnowledgeBase, Reference, format_number

PROJECT = Path(__file__).resolve().parent.parent
SITE_NAME = "AI-economics claims knowledge base"
TEMPLATE_DIRS = ("_static", "_templates")
VERDICT_RATING = {"wrong": 1, "dubious": 2, "unverifiable": 3, "correct": 5}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

# ----------------------------------------------------------------------------- escaping


def esc(s: Any) -> str:
    """HTML-escape text for element content and quoted attributes (backticks too, so that
    escaped text can never close the Markdown fence of the raw block it sits in)."""
    return html.escape("" if s is None else str(s), quote=True).replace("`", "&#96;")


_MD_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")


def md(s: Any) -> str:
    """Untrusted text as literal MyST inline text: one line, every ASCII punctuation
    character backslash-escaped (CommonMark then treats it as a literal character)."""
    return _MD_PUNCT.sub(r"\\\1", " ".join(str(s or "").split()))


def json_script(data: Any) -> str:
    """JSON for a ``<script type="application/ld+json">`` element: nothing in it can close
    the element or start markup (``<``, ``>``, ``&`` become ``\\u003c`` etc.)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, indent=1)
    for ch, rep in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("`", "\\u0060"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, rep)
    return text


def safe_url(url: Any) -> str | None:
    """The URL if it is an absolute http(s) URL, else None (no javascript:, data:, ...)."""
    if not isinstance(url, str) or not url.strip():
        return None
    u = url.strip()
    try:
        parts = urlsplit(u)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return u


def frag(s: str) -> str:
    return _urlquote(str(s), safe="-._~")


def raw(body: str) -> str:
    """A MyST ``{raw} html`` block. ``body`` is built from escaped parts only."""
    assert "`" not in body, "raw HTML must not contain backticks"
    return "```{raw} html\n" + body.strip("\n") + "\n```\n"


def fence(text: str, lang: str = "text") -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    f = "`" * max(3, longest + 1)
    return f"{f}{lang}\n{text.rstrip()}\n{f}\n"


_SLUG_OK = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,80}")


def slug(ident: str) -> str:
    """A file-name-safe, stable slug for an id (ids are data, hence untrusted)."""
    s = str(ident)
    if _SLUG_OK.fullmatch(s) and not s.endswith(".") and s.lower() != "index":
        return s
    clean = re.sub(r"[^A-Za-z0-9_-]+", "-", s).strip("-")[:60] or "x"
    return f"{clean}-{hashlib.sha1(s.encode()).hexdigest()[:8]}"


def _num(x: float | None) -> str:
    if x is None:
        return "?"
    if isinstance(x, float) and math.isinf(x):
        return "∞"
    if isinstance(x, float) and x != 0 and (abs(x) < 1e-3 or abs(x) >= 1e15):
        return f"{x:.4g}"
    return format_number(round(x, 6) if isinstance(x, float) else x)


def ratio_text(r: float) -> str:
    if r >= 1:
        return f"{r:.3g}x higher"
    return f"{1 / r:.3g}x lower" if r > 0 else "infinitely lower"


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
                if all(r.conditions[k] == v for k, v in c.conditions.items() if k in r.conditions):
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
    from .intervals import overlaps, value_ratio

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


# ----------------------------------------------------------------------------- HTML pieces


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


def _range(lo: Any, hi: Any, unit: Any) -> str:
    u = f" {unit}" if unit else ""
    if hi is None or (isinstance(hi, float) and math.isinf(hi)):
        return f"≥ {_num(lo)}{u}"
    if lo == hi:
        return f"{_num(lo)}{u}"
    return f"{_num(lo)}–{_num(hi)}{u}"


def verdict_html(f: Finding) -> str:
    r = f.review or {}
    verdicts = [str(v.get("verdict", "?")) for v in r["verdicts"]] if "verdicts" in r else [str(r.get("verdict", "?"))]
    return " ".join(f'<span class="kb-verdict kb-verdict-{esc(v)}">{esc(v)}</span>' for v in verdicts)


def _verdicts(f: Finding) -> str:
    r = f.review or {}
    if "verdicts" in r:
        return ", ".join(str(v.get("verdict", "?")) for v in r["verdicts"])
    return str(r.get("verdict", "?"))


def table(headers: list[str], rows: list[str], cls: str = "", attrs: str = "") -> str:
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    c = f"kb-table table {cls}".strip()
    return (f'<div class="pst-scrollable-table-container"><table class="{c}"{attrs}><thead><tr>{head}</tr></thead>'
            f"<tbody>\n" + "\n".join(rows) + "\n</tbody></table></div>")


def td(*cells: str) -> str:
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def dl(items: list[tuple[str, str]]) -> str:
    body = "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in items if v not in (None, ""))
    return f'<dl class="kb-fields">{body}</dl>'


# ----------------------------------------------------------------------------- pages


def page_source(site: Site, sid: str) -> str:
    kb = site.kb
    src = kb.sources[sid]
    p = Page(site, f"sources/{site.source_slug[sid]}.md")
    claims = sorted(site.claims_by_source.get(sid, []), key=lambda c: (c.start if c.start is not None else 1 << 60, c.id))
    numbers = {c.id: i + 1 for i, c in enumerate(claims)}
    url = safe_url(src.url)
    meta = dl([
        ("Source id", f"<code>{esc(sid)}</code>"),
        ("Publisher", esc(src.publisher)),
        ("Author", esc(src.author)),
        ("Published", esc(src.published) if src.published else "not printed"),
        ("URL", f'<a class="kb-ext" href="{esc(url)}" rel="nofollow noopener">{esc(url)}</a>' if url else esc(src.url)),
        ("Trust", esc(src.trust)),
        ("Note", esc(src.note)),
        ("Text file", f"<code>{esc(src.text_path)}</code>"),
        ("SHA-256", f"<code>{esc(src.sha256)}</code>"),
        ("Claims", str(len(claims))),
    ])
    out = [f"# {md(src.title or sid)}\n", raw(meta), "## Text\n"]
    if src.text is None:
        out.append(raw('<p class="kb-muted">The text of this source could not be read.</p>'))
    else:
        out.append(raw(highlight(site, src.text, claims, numbers)))
    out.append("## Claims\n")
    if claims:
        out.append(raw("\n".join(claim_entry(site, p, c, numbers[c.id]) for c in claims)))
    else:
        out.append(raw('<p class="kb-muted">No curated claims for this source yet.</p>'))
    reviewed = [c for c in claims if c.review]
    if reviewed:
        out.append(raw("\n".join(
            f'<script type="application/ld+json">{json_script(claim_review(site, c))}</script>' for c in reviewed)))
    return "\n".join(out)


def highlight(site: Site, text: str, claims: list[Claim], numbers: dict[str, int]) -> str:
    """The source text, escaped, with every located quote marked; overlaps are split into
    segments, each marked once and linked to the innermost claim covering it."""
    spans = []
    for c in claims:
        if c.quote is None:
            continue
        if c.start is not None and c.end is not None and text[c.start:c.end] == c.quote:
            start, end = c.start, c.end
        else:
            pos = text.find(c.quote) if c.quote else -1
            if pos < 0:
                continue
            start, end = pos, pos + len(c.quote)
        sev = site.worst(site.findings_by_claim.get(c.id, []))
        spans.append((start, end, c.id, sev))
    bounds = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    starts = defaultdict(list)
    for s in sorted(spans, key=lambda s: (s[0], numbers[s[2]])):
        starts[s[0]].append(s)
    out = ['<div class="kb-source-text">']
    for a, b in zip(bounds, bounds[1:]):
        for s, e, cid, sev in starts.get(a, []):
            out.append(f'<a class="kb-qref kb-worst-{esc(sev)}" id="quote-{esc(cid)}" href="#claim-{esc(frag(cid))}"'
                       f' title="claim {esc(cid)}">[{numbers[cid]}]</a>')
        seg = esc(text[a:b])
        cover = sorted((sp for sp in spans if sp[0] <= a and b <= sp[1] and sp[0] < sp[1]), key=lambda sp: (sp[1] - sp[0], sp[2]))
        if cover:
            ids = " ".join(sp[2] for sp in cover)
            sev = site.worst(f for sp in cover for f in site.findings_by_claim.get(sp[2], []))
            out.append(f'<a class="kb-mark-link" href="#claim-{esc(frag(cover[0][2]))}">'
                       f'<mark class="kb-mark kb-depth-{min(len(cover), 3)} kb-worst-{esc(sev)}" data-claims="{esc(ids)}"'
                       f' title="claims: {esc(ids)}">{seg}</mark></a>')
        else:
            out.append(seg)
    out.append("</div>")
    return "".join(out)


def claim_entry(site: Site, p: Page, c: Claim, n: int) -> str:
    fs = site.findings_by_claim.get(c.id, [])
    sev = site.worst(fs)
    verdict = (c.review or {}).get("verdict")
    head = (f'<div class="kb-claim-head"><a class="kb-qref kb-worst-{esc(sev)}" href="#quote-{esc(frag(c.id))}">[{n}]</a> '
            f'<code>{esc(c.id)}</code>'
            + (f' <span class="kb-verdict kb-verdict-{esc(verdict)}">{esc(verdict)}</span>' if verdict else "")
            + "</div>")
    prop = site.kb.properties.get(c.property or "")
    fields = [
        ("Entity", p.entity(c.entity)),
        ("Property", p.prop(c.property)),
        ("Conditions", esc(cond_text(c.conditions, prop.conditions if prop else None)) or "none"),
        ("Stated", esc(c.display()) + f' <span class="kb-muted">({esc(c.qualifier)})</span>'),
        ("Canonical", esc(canonical_text(c))),
        ("Quote", f"<q>{esc(c.quote)}</q> <span class=\"kb-muted\">(characters {esc(c.start)}–{esc(c.end)})</span>"),
        ("As of", esc(c.as_of)),
        ("Note", esc(c.note)),
        ("Where", f"<code>{esc(c.path)}:{esc(c.line)}</code>"),
    ]
    if c.review:
        r = c.review
        fields.append(("Review", f'<span class="kb-verdict kb-verdict-{esc(r.get("verdict"))}">{esc(r.get("verdict"))}</span> '
                       f'{esc(r.get("note"))} <span class="kb-muted">({esc(r.get("date"))}'
                       + (f", {esc(r.get('reviewer'))}" if r.get("reviewer") else "") + ")</span>"))
    fields.append(("Reference values", reference_list(site, p, c)))
    fields.append(("Findings", "<ul>" + "".join(f"<li>{p.finding(f)}</li>" for f in fs) + "</ul>" if fs else "none"))
    return f'<div class="kb-claim kb-worst-{esc(sev)}" id="claim-{esc(c.id)}">{head}{dl(fields)}</div>'


def reference_list(site: Site, p: Page, c: Claim, shown: int = 4) -> str:
    """The reference values a claim is compared with, nearest first; the rest folded."""
    prop = site.kb.properties.get(c.property or "")
    if prop is not None and prop.type == "categorical":
        field = prop.registry_field
        ent = site.kb.entities.get(c.entity or "")
        if field and ent is not None:
            val = getattr(ent, field, None)
            if val is None:
                return '<span class="kb-muted">the registry records none</span>'
            same = "consistent" if val == c.value else "differs"
            return (f'registry: {p.entity(val)} <span class="kb-cmp kb-cmp-{"ok" if same == "consistent" else "off"}">'
                    f"{same}</span>")
        return '<span class="kb-muted">none</span>'
    refs = site.compatible_refs(c)
    if not refs:
        return '<span class="kb-muted">no compatible reference value</span>'
    ranked = sorted(refs, key=lambda r: (_distance(c, r), r.entity or "", r.id))
    items = []
    for r in ranked:
        cmp, _ = comparison(c, r)
        conds = cond_text(r.conditions, prop.conditions if prop else None)
        items.append(f"<li>{p.entity(r.entity)}: {p.a(site.t_ref(r.id), r.display())}"
                     + (f' <span class="kb-muted">{esc(conds)}</span>' if conds else "")
                     + f' <span class="kb-cmp kb-cmp-{"ok" if cmp == "consistent" else "off"}">{esc(cmp)}</span>'
                     + f" · {p.citation(r.citation, short=True)}</li>")
    html_list = '<ul class="kb-refs">' + "".join(items[:shown]) + "</ul>"
    if len(items) > shown:
        html_list += (f'<details class="kb-more"><summary>{len(items) - shown} more</summary>'
                      f'<ul class="kb-refs">{"".join(items[shown:])}</ul></details>')
    return html_list


def _distance(c: Claim, r: Reference) -> float:
    cmp, rv = comparison(c, r)
    if cmp == "consistent":
        return 0.0
    return abs(math.log(rv)) if rv else math.inf


def best_reference(site: Site, c: Claim) -> tuple[Reference | None, float | None]:
    """The reference a reviewed claim is measured against, and the checker's ratio: the one
    a content finding's evidence names, else the compatible one nearest to the claim."""
    for f in site.findings_by_claim.get(c.id, []):
        ev = f.evidence if isinstance(f.evidence, dict) else {}
        ref = ev.get("reference")
        rid = ref.get("id") if isinstance(ref, dict) else ref
        r = site.refs_by_id.get(str(rid)) if rid is not None else None
        if r is None:
            r = next((site.refs_by_id[x] for x in f.claims if x in site.refs_by_id), None)
        if r is not None:
            ratio = ev.get("ratio")
            return r, float(ratio) if isinstance(ratio, (int, float)) else None
    refs = site.compatible_refs(c)
    if not refs:
        return None, None
    return min(refs, key=lambda r: (_distance(c, r), r.id)), None


def difference_text(site: Site, c: Claim) -> str:
    """``Stated 60 TFLOPS; reference 989.4 TFLOPS (NVIDIA H100 SXM, fp16 · tensor · dense): 16.5x lower.``"""
    prop = site.kb.properties.get(c.property or "")
    if prop is not None and prop.type == "categorical":
        ent = site.kb.entities.get(c.entity or "")
        val = getattr(ent, prop.registry_field, None) if ent is not None and prop.registry_field else None
        if val is None:
            return f"Stated {c.value}; no registry value to compare with."
        name = site.entity_name(val)
        return f"Stated {site.entity_name(c.value)}; the entity registry records {name}" + (" (the same)." if val == c.value else ".")
    r, ratio = best_reference(site, c)
    if r is None:
        return f"Stated {c.display()}; no reference value to compare with."
    stated = c.display()
    if c.unit != c.canonical_unit and interval(c):
        stated += f" (= {canonical_text(c)})"
    ref = r.display()
    if r.unit != r.canonical_unit and interval(r):
        ref += f" (= {canonical_text(r)})"
    where = ", ".join(x for x in (site.entity_name(r.entity), cond_text(r.conditions, prop.conditions if prop else None)) if x)
    cmp, rv = comparison(c, r)
    if cmp == "consistent":
        tail = "consistent with it"
    elif ratio is not None and rv is not None and ratio > 0:
        tail = f"{ratio:.3g}x {'higher' if rv > 1 else 'lower'}"
    else:
        tail = cmp
    return f"Stated {stated}; reference {ref} ({where}): {tail}."


def claim_review(site: Site, c: Claim) -> dict:
    """schema.org ClaimReview for a reviewed claim."""
    src = site.kb.sources.get(c.source or "")
    review = c.review or {}
    verdict = str(review.get("verdict"))
    org = {"@type": "Organization", "name": SITE_NAME}
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    claim_author = None
    if src is not None:
        appearance["headline"] = src.title or src.id
        if safe_url(src.url):
            appearance["url"] = safe_url(src.url)
        if src.published:
            appearance["datePublished"] = str(src.published)
        if src.publisher:
            appearance["publisher"] = {"@type": "Organization", "name": src.publisher}
        who = src.author or src.publisher
        if who:
            claim_author = {"@type": "Organization", "name": who}
            appearance["author"] = claim_author
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    if claim_author:
        item["author"] = claim_author
    if src is not None and src.published:
        item["datePublished"] = str(src.published)
    body = " ".join(x for x in (
        f"{verdict.capitalize()}.", str(review.get("note") or "").strip(), difference_text(site, c),
        *(f"Checker: {f.message}" + (f" Likely cause: {f.likely_cause}." if f.likely_cause else "")
          for f in site.findings_by_claim.get(c.id, []) if f.evidence is not None or f.likely_cause),
    ) if x)
    out = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": site.base_url + (site.t_claim(c.id) and "generated/" + site.t_claim(c.id) or ""),
        "claimReviewed": c.quote,
        "itemReviewed": item,
        "author": org,
        "reviewRating": {"@type": "Rating", "ratingValue": VERDICT_RATING.get(verdict, 3), "bestRating": 5,
                         "worstRating": 1, "alternateName": verdict},
        "reviewBody": body,
    }
    if review.get("date"):
        out["datePublished"] = str(review["date"])
    return out


def page_entity(site: Site, eid: str, chart: str | None) -> str:
    kb = site.kb
    ent = kb.entities[eid]
    p = Page(site, f"entities/{site.entity_slug[eid]}.md")
    targets = site.targets(eid)
    claims = sorted((c for t in targets for c in site.claims_by_entity.get(t, [])), key=lambda c: (c.property or "", c.id))
    refs = sorted((r for t in targets for r in site.refs_by_entity.get(t, [])),
                  key=lambda r: (r.property or "", r.entity or "", cond_text(r.conditions), r.id))
    names = [ent.name, *[a for a in ent.aliases if a != ent.name]]
    meta = dl([
        ("Id", f"<code>{esc(eid)}</code>"),
        ("Also called", ", ".join(f"<q>{esc(a)}</q>" for a in ent.aliases)),
        ("Kind", esc(ent.kind)),
        ("Vendor", p.entity(ent.vendor) if ent.vendor else ""),
        ("Architecture", p.entity(ent.architecture) if ent.architecture else ""),
        ("Variant of", p.entity(ent.family) if ent.family else ""),
        ("Variants", ", ".join(p.entity(v) for v in sorted(ent.variants))),
        ("Class of", esc(ent.class_of)),
        ("Note", esc(ent.note)),
        ("Defined in", f"<code>{esc(ent.path)}:{esc(ent.line)}</code>"),
    ])
    out = [f"# {md(ent.name)}\n", f"{md(' · '.join(names))}\n", raw(meta)]
    out.append("## Claims and reference values\n")
    if claims:
        rows = []
        for c in claims:
            prop = kb.properties.get(c.property or "")
            fs = site.findings_by_claim.get(c.id, [])
            verdict = (c.review or {}).get("verdict")
            conds = cond_text(c.conditions, prop.conditions if prop else None)
            rows.append(f'<tr id="claim-{esc(c.id)}">' + "".join(f"<td>{x}</td>" for x in (
                p.claim(c.id) + '<br><span class="kb-muted">in </span>' + p.a(site.t_source(c.source), c.source, "kb-id kb-muted"),
                p.prop(c.property) + (f"<br>of {p.entity(c.entity)}" if c.entity != eid else ""),
                f"<strong>{esc(c.display())}</strong>" + (f'<br><span class="kb-muted">{esc(conds)}</span>' if conds else "")
                + (f'<br><span class="kb-muted">= {esc(canonical_text(c))}</span>' if interval(c) else ""),
                reference_list(site, p, c),
                (f'<span class="kb-verdict kb-verdict-{esc(verdict)}">{esc(verdict)}</span>' if verdict else "")
                + "".join(f'<div class="kb-finding-brief">{p.finding_brief(f)}</div>' for f in fs),
            )) + "</tr>")
        out.append(raw(table(["Claim", "Property", "Claimed", "Reference values (nearest first)", "Review and findings"],
                             rows, "kb-side")))
    else:
        out.append(raw('<p class="kb-muted">No claim about this entity yet.</p>'))
    if chart:
        out.append("## Chart\n")
        out.append(f"```{{image}} ../_charts/{chart}\n:alt: Claimed and reference values for {md(eid)}, in canonical units\n:class: kb-chart\n```\n")
        out.append(raw('<p class="kb-muted">Red diamonds: claims (bars: their intervals); circles: reference values, '
                       "one colour per entity. One row per set of conditions; log scale where the values span a wide range.</p>"))
    out.append("## Reference values\n")
    if refs:
        rows = []
        for r in refs:
            prop = kb.properties.get(r.property or "")
            valid = " – ".join(x for x in (str(r.valid_from or ""), str(r.valid_to or "")) if x)
            rows.append(f'<tr id="ref-{esc(r.id)}">' + "".join(f"<td>{x}</td>" for x in (
                p.prop(r.property) + f'<br><code class="kb-muted">{esc(r.id)}</code>',
                p.entity(r.entity),
                esc(cond_text(r.conditions, prop.conditions if prop else None)),
                f"<strong>{esc(r.display())}</strong><br><span class=\"kb-muted\">{esc(canonical_text(r))}</span>",
                p.citation(r.citation) + (f"<br><span class=\"kb-muted\">{esc(r.locator)}</span>" if r.locator else ""),
                esc(valid) + (f"<br>estimate by {esc(r.estimate_by)}" if r.estimate_by else ""),
                esc(r.note),
            )) + "</tr>")
        out.append(raw(table(["Property", "Entity", "Conditions", "Value", "Citation", "Valid", "Note"], rows)))
    else:
        out.append(raw('<p class="kb-muted">No reference value for this entity.</p>'))
    return "\n".join(out)


def page_property(site: Site, pid: str) -> str:
    kb = site.kb
    prop = kb.properties[pid]
    p = Page(site, f"properties/{site.property_slug[pid]}.md")
    conds = []
    for k in prop.conditions:
        spec = kb.conditions.get(k, {})
        allowed = spec.get("values") or spec.get("examples") or ([f"an entity id ({spec['values_from']})"] if spec.get("values_from") else [])
        conds.append(f"<li><code>{esc(k)}</code>: {esc(spec.get('description', ''))}"
                     + (f" <span class=\"kb-muted\">({esc(', '.join(map(str, allowed)))})</span>" if allowed else "") + "</li>")
    meta = dl([
        ("Id", f"<code>{esc(pid)}</code>"),
        ("Description", esc(prop.description)),
        ("Type", esc(prop.type)),
        ("Canonical unit", f"<code>{esc(prop.canonical_unit)}</code>" if prop.canonical_unit else ""),
        ("Dimensionality", f"<code>{esc(prop.dimensionality)}</code>" if prop.dimensionality else ""),
        ("States a maximum", "yes: “up to X” names the maximum itself" if prop.states_maximum else "no"),
        ("Values from", esc(prop.values_from)),
        ("Conditions", "<ul>" + "".join(conds) + "</ul>" if conds else "none"),
        ("Defined in", f"<code>{esc(prop.path)}:{esc(prop.line)}</code>"),
    ])
    out = [f"# {md(prop.name)}\n", f"{md(pid)}: {md(prop.description)}\n", raw(meta), "## Plausible ranges\n"]
    if prop.plausible:
        rows = [td(esc(kind), esc(pl.text), esc(f"{_num(pl.low)}–{_num(pl.high)} {prop.canonical_unit or ''}"), esc(pl.rationale))
                for kind, pl in sorted(prop.plausible.items())]
        out.append(raw(table(["Entity kind", "Range", "Canonical", "Rationale"], rows)))
    else:
        out.append(raw('<p class="kb-muted">No plausible range (categorical, or not yet set).</p>'))
    claims = sorted(site.claims_by_property.get(pid, []), key=lambda c: (c.entity or "", c.id))
    out.append("## Claims\n")
    if claims:
        rows = [td(p.claim(c.id), p.entity(c.entity), esc(cond_text(c.conditions, prop.conditions)), esc(c.display()),
                   esc(canonical_text(c)), "".join(f"<div>{p.finding(f)}</div>" for f in site.findings_by_claim.get(c.id, [])))
                for c in claims]
        out.append(raw(table(["Claim", "Entity", "Conditions", "Claimed", "Canonical", "Findings"], rows)))
    else:
        out.append(raw('<p class="kb-muted">No claim about this property yet.</p>'))
    by_ent = Counter(r.entity for r in kb.references if r.property == pid)
    out.append("## Reference values\n")
    if by_ent:
        rows = [td(p.entity(e), str(n)) for e, n in sorted(by_ent.items(), key=lambda x: str(x[0]))]
        out.append(raw(table(["Entity", "Reference values"], rows)))
    else:
        out.append(raw('<p class="kb-muted">No reference value for this property.</p>'))
    return "\n".join(out)


def page_claims(site: Site) -> str:
    p = Page(site, "claims.md")
    rows = []
    for c in sorted(site.kb.claims, key=lambda c: (c.source or "", c.start if c.start is not None else 1 << 60, c.id)):
        prop = site.kb.properties.get(c.property or "")
        fs = site.findings_by_claim.get(c.id, [])
        verdict = (c.review or {}).get("verdict")
        rows.append(f'<tr id="claim-{esc(c.id)}">' + "".join(f"<td>{x}</td>" for x in (
            p.claim(c.id),
            p.a(site.t_source(c.source), c.source),
            p.entity(c.entity),
            p.prop(c.property),
            esc(cond_text(c.conditions, prop.conditions if prop else None)),
            esc(c.display()),
            esc(canonical_text(c)),
            f"<q>{esc(c.quote)}</q>",
            (f'<span class="kb-verdict kb-verdict-{esc(verdict)}">{esc(verdict)}</span>' if verdict else ""),
            " ".join(p.a(site.t_finding(f), f.code, f"kb-sev kb-sev-{f.severity}") for f in fs),
        )) + "</tr>")
    intro = (f"All {len(site.kb.claims)} curated claims, one row per claim, as `kb export` writes them. "
             "Each claim links to its entry on its source's page, where its quote is highlighted.\n")
    return "\n".join(["# Claims\n", intro, raw(table(
        ["Claim", "Source", "Entity", "Property", "Conditions", "Stated", "Canonical", "Quote", "Review", "Findings"], rows, "kb-claims"))])


def page_findings(site: Site, report) -> str:
    from .rules import RULES

    p = Page(site, "findings.md")
    fs = site.findings
    codes = sorted({f.code for f in fs})
    c = report.counts if report is not None else {}
    summary = (f"{len(fs)} findings: {c.get('error', 0)} errors, {c.get('warning', 0)} warnings, {c.get('info', 0)} info; "
               f"{c.get('reviewed', 0)} reviewed, {c.get('unreviewed_content', 0)} unreviewed content findings. "
               "Reviewed findings are published here, never hidden. Filter by code, severity and review status "
               "(without JavaScript every finding is shown).\n")

    def select(name: str, label: str, values: list[tuple[str, str]]) -> str:
        opts = '<option value="">all</option>' + "".join(f'<option value="{esc(v)}">{esc(t)}</option>' for v, t in values)
        return f'<label>{esc(label)} <select id="kb-filter-{name}" data-filter="{name}">{opts}</select></label>'

    count_by = Counter(f.code for f in fs)
    controls = ('<form class="kb-filters" id="kb-findings-filters" hidden>'
                + select("code", "Code", [(k, f"{k} ({count_by[k]})") for k in codes])
                + select("severity", "Severity", [(s, s) for s in ("error", "warning", "info")])
                + select("reviewed", "Review", [("yes", "reviewed"), ("no", "not reviewed")])
                + ' <output id="kb-findings-count"></output></form>')
    rows = []
    for i, f in enumerate(fs, 1):
        kind = RULES[f.code].kind if f.code in RULES else ""
        where = f"{f.path}:{f.line}" if f.line else f.path
        rows.append(
            f'<tr id="{esc(site.finding_ids[id(f)])}" data-code="{esc(f.code)}" data-severity="{esc(f.severity)}" '
            f'data-reviewed="{"yes" if f.reviewed else "no"}" data-kind="{esc(kind)}">'
            + "".join(f"<td>{x}</td>" for x in (
                str(i),
                f'<span class="kb-sev kb-sev-{esc(f.severity)}">{esc(f.severity)}</span>',
                p.a(f"rules.html#rule-{frag(f.code)}" if f.code in RULES else None, f.code),
                (verdict_html(f) if f.reviewed else ("not reviewed" if kind == "content" else "")),
                f"<code>{esc(where)}</code>",
                esc(f.message) + (f'<br><span class="kb-cause">Likely cause: {esc(f.likely_cause)}</span>' if f.likely_cause else "")
                + (p.evidence(f.evidence) if f.evidence else ""),
                ", ".join(p.ident(x) for x in f.claims),
            )) + "</tr>")
    body = controls + table(["#", "Severity", "Code", "Review", "Where", "Finding", "Involves"], rows, "kb-findings",
                            ' id="kb-findings"')
    if not fs:
        body += '<p class="kb-muted">The checker found nothing.</p>'
    return "\n".join(["# Findings report\n", summary, raw(body)])


def page_rules() -> str:
    from . import check as _check  # noqa: F401  (registers the integrity rules)
    from .intervals import APPROX_RELATIVE, TOLERANCES
    from .rules import RULES

    _check._register_content()
    out = ["# Rules reference\n",
           "Every rule the checker runs, generated from the rules table in `kb/rules.py` and "
           "`kb/content.py`: its id (the `code` of its findings), severity, kind and documentation.\n"]
    rows = [f"| {{ref}}`{r.id} <rule-{r.id}>` | {r.severity} | {r.kind} | {r.summary} |" for r in RULES.values()]
    out.append("| Rule | Severity | Kind | Summary |\n|---|---|---|---|\n" + "\n".join(rows) + "\n")
    for r in RULES.values():
        out.append(f"(rule-{r.id})=\n## `{r.id}`\n")
        out.append(f"**Severity** {r.severity} · **kind** {r.kind}\n")
        out.append(raw(f'<p><a href="findings.html?code={esc(frag(r.id))}">Findings with this code</a></p>'))
        out.append((r.doc or "*Undocumented.*") + "\n")
    out.append("(tolerances)=\n## Tolerances\n")
    out.append("How a stated value becomes an interval in canonical units (`kb/intervals.py`). "
               f"The relative tolerance of an approximate value is {APPROX_RELATIVE:.0%}. "
               "Two values conflict when their intervals are disjoint.\n")
    out.append("| Qualifier | Interval |\n|---|---|\n" + "\n".join(f"| `{q}` | {t} |" for q, t in TOLERANCES.items()) + "\n")
    return "\n".join(out)


def page_cli() -> str:
    import click

    from .cli import main

    ctx = click.Context(main, info_name="kb", terminal_width=88, max_content_width=88)
    out = ["# Command-line reference\n",
           "Generated from the `kb` click group (`kb/cli.py`). Exit codes: 0 when all is well, 1 when the check "
           "found an error (or, with `--strict`, an unreviewed content finding), 2 for a usage or I/O problem.\n",
           fence(main.get_help(ctx))]
    for name in sorted(main.commands):
        cmd = main.commands[name]
        sub = click.Context(cmd, info_name=name, parent=ctx, terminal_width=88, max_content_width=88)
        out.append(f"(cli-{name})=\n## `kb {name}`\n")
        out.append(((cmd.help or "").strip() or "*No description.*") + "\n")
        rows = []
        for prm in cmd.params:
            if isinstance(prm, click.Argument):
                rows.append(f"| `{prm.human_readable_name}` | argument{' (required)' if prm.required else ''} | |")
                continue
            names = ", ".join(f"`{o}`" for o in (*prm.opts, *prm.secondary_opts))
            typ = "flag" if prm.is_flag else (" \\| ".join(prm.type.choices) if isinstance(prm.type, click.Choice) else prm.type.name)
            extra = []
            if prm.required:
                extra.append("required")
            if prm.show_default and prm.default is not None and not prm.is_flag:
                extra.append(f"default: {prm.default}")
            helptext = (prm.help or "").replace("|", "\\|")
            rows.append(f"| {names} | {typ} | {helptext}{' (' + '; '.join(extra) + ')' if extra else ''} |")
        if rows:
            out.append("| Parameter | Type | Description |\n|---|---|---|\n" + "\n".join(rows) + "\n")
        out.append(fence(cmd.get_help(sub)))
    return "\n".join(out)


def page_index(site: Site, kind: str) -> str:
    kb = site.kb
    p = Page(site, f"{kind}/index.md")
    if kind == "sources":
        docs = [site.source_slug[s] for s in sorted(kb.sources)]
        rows = []
        for sid in sorted(kb.sources):
            src = kb.sources[sid]
            fs = {id(f): f for c in site.claims_by_source.get(sid, []) for f in site.findings_by_claim.get(c.id, [])}
            rows.append(td(p.a(site.t_source(sid), src.title or sid), esc(src.publisher), esc(src.published or ""),
                           esc(src.trust), str(len(site.claims_by_source.get(sid, []))), str(len(fs))))
        body = ["# Sources\n", "The articles under analysis, each kept verbatim with its SHA-256; each page shows the "
                "text with every claim's quote highlighted.\n",
                raw(table(["Title", "Publisher", "Published", "Trust", "Claims", "Findings"], rows))]
    elif kind == "entities":
        docs = [site.entity_slug[e] for e in sorted(kb.entities)]
        body = ["# Entities\n", "GPUs, models, organisations and architectures the claims are about. A family page "
                "shows its variants' claims and reference values too.\n"]
        for k in sorted({e.kind for e in kb.entities.values()}):
            rows = []
            for eid in sorted(e for e in kb.entities if kb.entities[e].kind == k):
                ent = kb.entities[eid]
                rows.append(td(p.entity(eid), f"<code>{esc(eid)}</code>", esc(", ".join(ent.aliases)),
                               p.entity(ent.family) if ent.family else "",
                               str(len(site.claims_by_entity.get(eid, []))), str(len(site.refs_by_entity.get(eid, [])))))
            body += [f"## {md(k)}\n", raw(table(["Name", "Id", "Aliases", "Variant of", "Claims", "References"], rows))]
    else:
        docs = [site.property_slug[x] for x in sorted(kb.properties)]
        rows = []
        for pid in sorted(kb.properties):
            prop = kb.properties[pid]
            rows.append(td(p.prop(pid), f"<code>{esc(pid)}</code>", esc(prop.canonical_unit or prop.type),
                           esc(", ".join(prop.conditions)), esc(", ".join(sorted(prop.plausible))),
                           str(len(site.claims_by_property.get(pid, [])))))
        body = ["# Property vocabulary\n", "Every property a claim can state, with its canonical unit, the conditions "
                "that change its meaning, and its plausible range per entity kind.\n",
                raw(table(["Name", "Id", "Canonical unit", "Conditions", "Plausible for", "Claims"], rows))]
    toc = "```{toctree}\n:hidden:\n:maxdepth: 1\n\n" + "\n".join(docs) + "\n```\n"
    return "\n".join(body + [toc])


def page_notebooks(names: list[tuple[str, str]]) -> str:
    out = ["# Notebooks\n", "Analyses derived from the claims, rendered with their stored outputs (they are executed by "
           "`python -m kb.notebooks run`, never by the site build). Open them in JupyterLab with `make lab`.\n"]
    if names:
        out.append("\n".join(f"- [{md(title)}]({stem}.ipynb)" for stem, title in names) + "\n")
        out.append("```{toctree}\n:hidden:\n:maxdepth: 1\n\n" + "\n".join(stem for stem, _ in names) + "\n```\n")
    else:
        out.append("No notebooks yet.\n")
    return "\n".join(out)


def page_summary(site: Site, report) -> str:
    c = report.counts
    by_code = c.get("by_code", {})
    lines = [
        f"- **{c['sources']}** [sources](generated/sources/index.md), **{c['claims']}** [claims](generated/claims.md), "
        f"**{c['entities']}** [entities](generated/entities/index.md), "
        f"**{c['properties']}** [properties](generated/properties/index.md), "
        f"**{c['references']}** reference values with {len(site.kb.citations)} citations",
        f"- **{c['findings']}** [findings](generated/findings.md): {c['error']} errors, {c['warning']} warnings, {c['info']} info; "
        f"{c['reviewed']} reviewed, {c['unreviewed_content']} unreviewed content findings",
    ]
    if by_code:
        lines.append("- by code: " + ", ".join(f"`{k}` {v}" for k, v in by_code.items()))
    reviewed = sum(1 for x in site.kb.claims if x.review)
    lines.append(f"- **{reviewed}** reviewed claims, each published with a schema.org ClaimReview")
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- charts


def chart_data(site: Site, eid: str) -> dict | None:
    """What an entity's chart plots, as plain data (its hash names the SVG); None when
    there is no numeric value to plot."""
    targets = site.targets(eid)
    groups: dict[str, dict] = {}
    for kind, values in (("claim", [c for t in targets for c in site.claims_by_entity.get(t, [])]),
                         ("ref", [r for t in targets for r in site.refs_by_entity.get(t, [])])):
        for v in values:
            iv = interval(v)
            prop = site.kb.properties.get(v.property or "")
            if iv is None or prop is None or iv[1] <= 0:
                continue
            g = groups.setdefault(v.property, {"name": prop.name, "unit": v.canonical_unit, "points": []})
            g["points"].append({"kind": kind, "id": v.id, "entity": v.entity,
                                "row": cond_text(v.conditions, prop.conditions) or "(no conditions)",
                                "lo": iv[0], "hi": iv[1] if math.isfinite(iv[1]) else None})
    if not groups:
        return None
    for g in groups.values():
        g["points"].sort(key=lambda pt: (pt["row"], pt["kind"], pt["entity"] or "", pt["id"]))
    # claims first, then the properties with the most rows
    order = sorted(groups, key=lambda k: (not any(pt["kind"] == "claim" for pt in groups[k]["points"]), k))
    return {"entity": eid, "names": {t: site.entity_name(t) for t in targets}, "groups": {k: groups[k] for k in order}}


def _plain(text: str) -> str:
    """Matplotlib text without mathtext: every ``$`` escaped."""
    return str(text).replace("$", r"\$")


def draw_chart(data: dict) -> bytes:
    """Claimed (red diamonds, with their intervals) vs reference values (circles, one colour
    per entity), one panel per property, one row per set of conditions; SVG, deterministic."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter, NullFormatter

    rc = {"svg.hashsalt": "kb-site", "svg.fonttype": "none", "font.size": 8, "axes.titlesize": 9,
          "figure.dpi": 100, "font.family": "DejaVu Sans"}
    groups = list(data["groups"].values())
    rows_per = [sorted({pt["row"] for pt in g["points"]}) for g in groups]
    heights = [0.24 * len(r) + 0.3 for r in rows_per]  # inches of plot area per panel
    gap, legend_h, bottom, width, left = 0.75, 0.22 * math.ceil((len(data["names"]) + 1) / 3) + 0.15, 0.35, 9.5, 2.7
    total = sum(heights) + gap * len(groups) + legend_h + bottom
    palette = ["#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#17becf", "#7f7f7f", "#bcbd22", "#e377c2", "#ff7f0e"]
    names = list(data["names"])
    colour = {e: palette[i % len(palette)] for i, e in enumerate(names)}
    used: dict[str, Any] = {}
    with plt.rc_context(rc):
        fig = plt.figure(figsize=(width, total))
        top = total - legend_h
        for g, rows, h in zip(groups, rows_per, heights):
            top -= gap - 0.3
            ax = fig.add_axes((left / width, (top - h) / total, 1 - (left + 0.25) / width, h / total))
            top -= h + 0.3
            ypos = {r: i for i, r in enumerate(rows)}
            series: dict[tuple, list] = defaultdict(list)
            xs: list[float] = []
            for pt in g["points"]:
                lo, hi = pt["lo"], pt["hi"]
                if hi is None:
                    x, left_err, right_err, marker = lo, 0.0, 0.0, ">"
                elif lo <= 0:
                    x, left_err, right_err, marker = hi, 0.0, 0.0, "<"
                else:
                    x = math.sqrt(lo * hi)
                    left_err, right_err, marker = x - lo, hi - x, ("D" if pt["kind"] == "claim" else "o")
                if x <= 0:
                    continue
                xs += [v for v in (lo, hi, x) if v and v > 0]
                e = pt["entity"]
                if pt["kind"] == "claim":
                    y = ypos[pt["row"]] - 0.22
                else:
                    y = ypos[pt["row"]] + 0.08 + ((names.index(e) % 3 - 1) * 0.1 if e in names else 0.0)
                series[(pt["kind"], e if pt["kind"] == "ref" else "", marker)].append((x, y, left_err, right_err))
            for (kind, e, marker), pts in sorted(series.items()):
                x, y, le, ri = (list(v) for v in zip(*pts))
                if kind == "claim":
                    ax.errorbar(x, y, xerr=[le, ri], fmt=marker, color="#d62728", ms=6, capsize=2, lw=1.3, zorder=3)
                    used.setdefault("claim", Line2D([], [], color="#d62728", marker="D", ls="", ms=6, label="claim"))
                else:
                    c = colour.get(e, "#1f77b4")
                    ax.errorbar(x, y, xerr=[le, ri], fmt=marker, color=c, ms=4, capsize=2, lw=1, alpha=0.9, zorder=2)
                    used.setdefault(f"ref:{e}", Line2D([], [], color=c, marker="o", ls="", ms=4,
                                                       label=_plain(f"reference: {data['names'].get(e, e)}")))
            ax.set_yticks(range(len(rows)))
            ax.set_yticklabels([_plain(r if len(r) <= 48 else r[:45] + "...") for r in rows])
            ax.set_ylim(len(rows) - 0.45, -0.6)
            if xs and max(xs) / min(xs) > 30:
                ax.set_xscale("log")
                ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: _num(v)))
                ax.xaxis.set_minor_formatter(NullFormatter())
            ax.set_title(_plain(f"{g['name']} ({g['unit']})"), loc="left")
            ax.grid(axis="x", alpha=0.3)
        handles = [used[k] for k in sorted(used, key=lambda k: (k != "claim", k))]
        fig.legend(handles=handles, loc="upper center", ncol=3, frameon=False, fontsize=8, bbox_to_anchor=(0.5, 1.0))
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
        plt.close(fig)
    return buf.getvalue()


def draw_charts(todo: dict[str, dict]) -> dict[str, bytes]:
    """Draw the charts whose data changed (all of them on a build from clean)."""
    return {name: draw_chart(todo[name]) for name in sorted(todo)}


import inspect as _inspect  # noqa: E402

#: Charts are cached by the hash of their data and of the code that draws them.
_CHART_CODE = hashlib.sha256(_inspect.getsource(draw_chart).encode()).digest()

# ----------------------------------------------------------------------------- generation


def _notebooks(root: Path) -> list[tuple[str, str, bytes]]:
    """(stem, title, bytes) of each notebook in notebooks/, sorted."""
    folder = root / "notebooks"
    out = []
    if not folder.is_dir():
        return out
    for nb in sorted(folder.glob("*.ipynb")):
        if not nb.is_file() or not _SLUG_OK.fullmatch(nb.stem):
            continue
        data = nb.read_bytes()
        title = nb.stem
        try:
            cells = json.loads(data).get("cells", [])
            for cell in cells:
                if cell.get("cell_type") == "markdown":
                    src = "".join(cell.get("source", []))
                    m = re.search(r"^#\s+(.+)$", src, re.M)
                    if m:
                        title = m.group(1).strip()
                    break
        except (ValueError, AttributeError):
            pass
        out.append((nb.stem, title, data))
    return out


def generate(root: Path, gen_dir: Path, base_url: str = "") -> dict[str, int]:
    """Write the generated pages under ``gen_dir``; only changed files are rewritten.

    Returns counts: ``written``, ``unchanged``, ``removed``, ``charts_drawn``.
    """
    from .check import check

    report = check(root)
    site = Site(report.kb, report.findings, base_url)
    kb = site.kb
    files: dict[str, bytes] = {}

    def put(rel: str, text: str) -> None:
        files[rel] = text.encode("utf-8")

    chart_dir = gen_dir / "_charts"
    to_draw: dict[str, dict] = {}
    for eid in sorted(kb.entities):
        data = chart_data(site, eid)
        name = None
        if data is not None:
            digest = hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode() + _CHART_CODE).hexdigest()[:16]
            name = f"{site.entity_slug[eid]}-{digest}.svg"
            target = chart_dir / name
            if target.exists():
                files[f"_charts/{name}"] = target.read_bytes()
            else:
                to_draw[name] = data
        put(f"entities/{site.entity_slug[eid]}.md", page_entity(site, eid, name))
    for name, svg in draw_charts(to_draw).items():
        files[f"_charts/{name}"] = svg
    drawn = len(to_draw)
    for sid in sorted(kb.sources):
        put(f"sources/{site.source_slug[sid]}.md", page_source(site, sid))
    for pid in sorted(kb.properties):
        put(f"properties/{site.property_slug[pid]}.md", page_property(site, pid))
    for kind in ("sources", "entities", "properties"):
        put(f"{kind}/index.md", page_index(site, kind))
    put("claims.md", page_claims(site))
    put("findings.md", page_findings(site, report))
    put("rules.md", page_rules())
    put("cli.md", page_cli())
    put("summary.md", page_summary(site, report))
    nbs = _notebooks(root)
    for stem, _, data in nbs:
        files[f"notebooks/{stem}.ipynb"] = data
    put("notebooks/index.md", page_notebooks([(s, t) for s, t, _ in nbs]))

    stats = {"written": 0, "unchanged": 0, "removed": 0, "charts_drawn": drawn}
    for rel, data in sorted(files.items()):
        stats["written" if write_if_changed(gen_dir / rel, data) else "unchanged"] += 1
    if gen_dir.is_dir():
        for path in sorted(gen_dir.rglob("*"), reverse=True):
            rel = path.relative_to(gen_dir).as_posix()
            if path.is_file() and rel not in files:
                path.unlink()
                stats["removed"] += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return stats


def write_if_changed(path: Path, data: bytes) -> bool:
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True


def _mirror_template(src_dir: Path) -> None:
    """Copy the static docs (conf.py, index, guide, _static, ...) into a build workspace."""
    template = PROJECT / "docs"
    for f in sorted([template / "conf.py", *template.glob("*.md")]):
        if f.is_file():
            write_if_changed(src_dir / f.name, f.read_bytes())
    for d in TEMPLATE_DIRS:
        for f in sorted((template / d).rglob("*")) if (template / d).is_dir() else []:
            if f.is_file():
                write_if_changed(src_dir / f.relative_to(template), f.read_bytes())


def paths(root: Path, workdir: Path | None = None) -> tuple[Path, Path, Path]:
    """(Sphinx source dir, HTML output dir, doctrees dir) for a knowledge base.

    The project's own ``docs/`` when ``root`` has ``docs/conf.py`` and no ``workdir`` is
    given; otherwise a workspace under ``workdir`` (default ``root/.site``) holding a copy of
    the project's static docs.
    """
    if workdir is None and (root / "docs" / "conf.py").is_file():
        docs = root / "docs"
        return docs, docs / "_build" / "html", docs / "_build" / "doctrees"
    work = Path(workdir) if workdir is not None else root / ".site"
    return work / "src", work / "html", work / "doctrees"


def build(root: Path | str | None = None, *, clean: bool = False, workdir: Path | str | None = None,
          base_url: str = "", quiet: bool = True, jobs: str | None = None) -> int:
    """Generate the pages and run Sphinx (warnings are errors). Returns Sphinx's exit status."""
    from .load import find_root

    os.environ.setdefault("MPLCONFIGDIR", str(PROJECT / ".cache" / "matplotlib"))
    root = Path(root).resolve() if root is not None else find_root()
    src, out, doctrees = paths(root, Path(workdir) if workdir is not None else None)
    if clean:
        for d in (out, doctrees, src / "generated"):
            shutil.rmtree(d, ignore_errors=True)
    if src != root / "docs":
        _mirror_template(src)
    t0 = time.perf_counter()
    stats = generate(root, src / "generated", base_url)
    t1 = time.perf_counter()
    if not quiet:
        print(f"kb.site: generated pages in {t1 - t0:.1f}s: {stats['written']} written, {stats['unchanged']} unchanged, "
              f"{stats['removed']} removed, {stats['charts_drawn']} charts drawn", file=sys.stderr)
    from sphinx.cmd.build import build_main

    args = ["-W", "--keep-going", "-b", "html", "-d", str(doctrees), str(src), str(out)]
    if quiet:
        args.insert(0, "-q")
    if jobs:
        args[0:0] = ["-j", jobs]
    rc = build_main(args)
    if rc != 0:
        # Sphinx reports a warning only while it reads the page; forget what it read, so that
        # the next (incremental) build reads everything again and fails the same way.
        (doctrees / "environment.pickle").unlink(missing_ok=True)
    if not quiet:
        print(f"kb.site: sphinx-build finished in {time.perf_counter() - t1:.1f}s (exit {rc}): {out}", file=sys.stderr)
    return rc


# ----------------------------------------------------------------------------- benchmark


def bench(project: Path | None = None) -> dict[str, float]:
    """Full build from clean, then a rebuild after changing one claim, in a temporary copy
    of the project (each build in a fresh interpreter, as ``make site`` runs it)."""
    project = Path(project or PROJECT)
    with tempfile.TemporaryDirectory(prefix="kb-site-bench-") as tmp:
        copy = Path(tmp) / "kb"
        ignore = shutil.ignore_patterns("_build", "generated", ".ipynb_checkpoints", "__pycache__")
        for d in ("claims", "datasets", "docs", "notebooks"):
            if (project / d).is_dir():
                shutil.copytree(project / d, copy / d, ignore=ignore)
        cmd = [sys.executable, "-m", "kb.site", "build", "--root", str(copy)]
        env = dict(os.environ, PYTHONPATH=str(PROJECT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        t = time.perf_counter()
        subprocess.run(cmd, check=True, env=env, cwd=copy)
        full = time.perf_counter() - t
        edit_one_claim(copy)
        t = time.perf_counter()
        subprocess.run(cmd, check=True, env=env, cwd=copy)
        again = time.perf_counter() - t
    return {"full_build_s": round(full, 2), "rebuild_one_claim_s": round(again, 2)}


def edit_one_claim(root: Path) -> str:
    """Change the first numeric claim value in claims/ (for the benchmark and the tests)."""
    for path in sorted((root / "claims").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        m = re.search(r"^(\s+value:\s*)(\d+(?:\.\d+)?)\s*$", text, re.M)
        if m:
            new = str(float(m.group(2)) * 1.5).rstrip("0").rstrip(".")
            path.write_text(text[:m.start(2)] + new + text[m.end(2):], encoding="utf-8")
            return path.name
    raise FileNotFoundError("no numeric claim to edit")


# ----------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kb.site", description="Build the published Sphinx site.")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="generate the pages and run sphinx-build -W (incremental)")
    b.add_argument("--root", type=Path, default=None, help="knowledge-base root (default: found upwards)")
    b.add_argument("--clean", action="store_true", help="remove the generated pages and the build first")
    b.add_argument("--workdir", type=Path, default=None, help="build in this folder instead of ROOT/docs")
    b.add_argument("--base-url", default="", help="absolute URL the site is published at (for JSON-LD)")
    b.add_argument("-j", "--jobs", default=None, help="Sphinx parallel jobs (e.g. auto)")
    b.add_argument("-v", "--verbose", action="store_true")
    sub.add_parser("bench", help="time a full build and a one-claim rebuild in a temporary copy")
    args = parser.parse_args(argv)
    if args.command == "bench":
        print(json.dumps(bench()))
        return 0
    try:
        return build(args.root, clean=args.clean, workdir=args.workdir, base_url=args.base_url,
                     quiet=not args.verbose, jobs=args.jobs)
    except FileNotFoundError as exc:
        print(f"kb.site: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
