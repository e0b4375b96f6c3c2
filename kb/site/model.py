"""The model of the site: :class:`Site` (the knowledge base, its findings, the comparer the
checker used, the page dates from the history, and the link targets and labels the pages
need) and :class:`Page` (relative links and the HTML for the objects one page names).

Pages never decide which references apply to a claim or how far apart two values are: they
show the :class:`~kb.core.findings.Comparison` values of :class:`kb.rules.compare.Comparer`.
A finding is told in one plain sentence built from its typed fields (its comparisons,
causes and reviews); the checker's message and the comparisons follow, folded.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter, defaultdict
from typing import Any, Iterable

from kb.core.findings import Comparison, EvaluatedRelation, Finding, format_factor
from kb.core.records import Claim, KnowledgeBase, Reference, Value
from kb.core.text import conditions_text, interval_text
from kb.rules.compare import Comparer
from kb.site import words
from kb.site.markup import esc, frag, safe_url, slug, verdict_badge

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
#: A word that could be an id (ids are slugs: letters, digits, dots, hyphens, underscores).
_TOKEN = re.compile(r"[\w][\w.-]*")
#: What each kind of likely cause (kb.core.findings.CAUSE_KINDS) means, for readers; a kind
#: whose own sentence names no record (a scale slip, a registry value) keeps its sentence.
CAUSE_WORDS = {
    "fits-variants": "it fits only some of the family’s variants",
    "other-variant": "it matches another variant’s value",
    "other-conditions": "it equals the value for other conditions",
    "outdated": "it equals a value no longer (or not yet) in force",
    "other-property": "it equals another property of the same entity",
    "other-entity": "it equals another entity’s value (a misattribution?)",
    "factor-two": "it is about twice or half a related value (sparse vs dense?)",
}
#: What a severity means to a reader.
SEVERITY_WORDS = {"error": "error", "warning": "warning", "info": "note"}
#: What a trust tier means to a reader (datasets/sources: see docs/data-format.md).
TRUST_WORDS = {
    "primary": "primary: the vendor's or author's own document",
    "secondary": "secondary: reputable press or an analyst naming its sources",
    "web": "web: an ordinary web article or blog",
    "low": "low: signs of generated or scraped content",
}


# ----------------------------------------------------------------------------- the model of the site


class Site:
    """The knowledge base, its report, and the indexes the pages need."""

    def __init__(self, kb: KnowledgeBase, findings: list[Finding], comparer: Comparer, base_url: str = "",
                 history: dict[str, str] | None = None, terms: dict[str, list[str]] | None = None,
                 entity_terms: dict[str, list[str]] | None = None, relations: Iterable[EvaluatedRelation] = ()):
        self.kb = kb
        self.findings = findings
        #: the checker's recomputed relations (report.relations), per claim in report order
        self.relations_by_claim: dict[str, list[EvaluatedRelation]] = defaultdict(list)
        for e in relations:
            self.relations_by_claim[e.claim].append(e)
        self.comparer = comparer
        self.base_url = base_url.rstrip("/") + "/" if base_url else ""
        #: path (relative to the root) -> date of the last commit that changed it; None: no history
        self.history = history
        #: property id -> the words readers search for it by (datasets/search-terms.yaml)
        self.terms = terms or {}
        #: entity id -> more words readers search it by, beside its aliases
        self.entity_terms = entity_terms or {}
        self._stated: dict[int, str] = {}
        self._cond: dict[tuple, str] = {}
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
        self.refs_by_property: dict[str, list[Reference]] = defaultdict(list)
        for r in kb.references:
            self.refs_by_entity[r.entity or ""].append(r)
            self.refs_by_property[r.property or ""].append(r)
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
        self.claim_number: dict[str, int] = {}
        for sid, cs in self.claims_by_source.items():
            for i, c in enumerate(sorted(cs, key=lambda c: (c.start if c.start is not None else 1 << 60, c.id)), 1):
                self.claim_number[c.id] = i

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

    def url(self, target: str) -> str:
        """The absolute URL of a target relative to generated/ (the configured base URL)."""
        return f"{self.base_url}generated/{target}"

    # --- what the pages show (the checker's comparer decides; pages only read)
    def targets(self, eid: str | None) -> list[str]:
        ent = self.kb.entities.get(eid or "")
        return [eid] + sorted(ent.variants) if ent else [eid]

    def comparisons(self, c: Value) -> list[Comparison]:
        """The claim beside each reference that applies to it, nearest first."""
        return self.comparer.comparisons(c)

    def nearest(self, c: Claim) -> Comparison | None:
        """The comparison a claim is measured by: the one its content finding rests on, else
        the nearest reference that applies to it."""
        for f in self.findings_by_claim.get(c.id, []):
            for x in f.comparisons:
                if x.subject == c.id and x.other_kind == "reference":
                    return x
        comps = self.comparisons(c)
        return comps[0] if comps else None

    # --- words
    def entity_name(self, eid: str | None) -> str:
        ent = self.kb.entities.get(eid or "")
        return ent.name if ent else str(eid)

    def property_name(self, pid: str | None) -> str:
        p = self.kb.properties.get(pid or "")
        return p.name if p else str(pid)

    def source_title(self, sid: str | None) -> str:
        src = self.kb.sources.get(sid or "")
        if src is None:
            return "an unknown source"
        return src.title or src.publisher or "an untitled source"

    def stated(self, v: Value) -> str:
        """A value as stated, for readers (an entity's name for a categorical value)."""
        key = id(v)
        hit = self._stated.get(key)
        if hit is None:
            if v.categorical:
                hit = self.entity_name(v.value) if v.value in self.kb.entities else str(v.value)
            else:
                hit = words.stated(v)
            self._stated[key] = hit
        return hit

    def cond(self, v: Value | dict) -> str:
        """A value's conditions, for readers (``FP16 · tensor · dense · per GPU``)."""
        conds = v if isinstance(v, dict) else v.conditions
        if not conds:
            return ""
        prop = None if isinstance(v, dict) else self.kb.properties.get(v.property or "")
        order = prop.conditions if prop else ()
        key = (tuple(sorted(conds.items())), tuple(order))
        hit = self._cond.get(key)
        if hit is None:
            hit = self._cond[key] = words.conditions(conds, self.kb.conditions, order, self.entity_name)
        return hit

    def claim_label(self, c: Claim, with_entity: bool = True) -> str:
        """``NVIDIA H100 thermal design power: ≤ 700 W``."""
        what = self.property_name(c.property)
        if with_entity:
            what = f"{self.entity_name(c.entity)} {words.lower_first(what)}"
        return f"{what}: {self.stated(c)}"

    def ref_label(self, r: Reference) -> str:
        cit = self.kb.citations.get(r.citation or "")
        who = f" ({cit.publisher})" if cit is not None and cit.publisher else ""
        return f"{self.entity_name(r.entity)}: {self.stated(r)}{who}"

    def worst(self, fs: Iterable[Finding]) -> str:
        sev = sorted((f.severity for f in fs), key=lambda s: SEVERITY_ORDER.get(s, 9))
        return sev[0] if sev else "none"

    def cond_text(self, conds: dict[str, str], order=()) -> str:
        """The checker's own words for conditions (the ClaimReview text keeps them)."""
        return conditions_text(conds, self.kb.conditions, order or ())

    # --- dates from the history
    def updated(self, paths: Iterable[str | None]) -> str | None:
        """The date of the last commit that changed any of ``paths`` (None without history)."""
        if not self.history:
            return None
        dates = [self.history[p] for p in set(paths) if p and p in self.history]
        return max(dates) if dates else None


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


def how_far(x: Comparison) -> str:
    """A comparison in words, from its own factor and direction: ``1.834 times higher than``,
    ``in line with``."""
    if x.direction == "differs":
        return "different from"
    if x.agrees:
        return "in line with"
    if x.factor is None or x.factor == float("inf"):
        return "higher than" if x.direction == "above" else "lower than"
    return f"{format_factor(x.factor)} times {'higher' if x.direction == 'above' else 'lower'} than"


# ----------------------------------------------------------------------------- links and HTML from one page


class Page:
    """Relative links from one generated page (path relative to generated/; :data:`ROOT`:
    a piece of a page at the site's root, such as the home page's)."""

    ROOT = "<root>"

    def __init__(self, site: Site, path: str):
        self.site = site
        self.path = path
        self.dir = posixpath.dirname(path)

    def href(self, target: str | None) -> str | None:
        if target is None:
            return None
        if self.path == self.ROOT:
            return "generated/" + target
        path, hashmark, fragment = target.partition("#")
        if not path:
            rel = ""
        elif "/" not in self.dir and path.count("/") <= 1:  # every generated page is this shallow
            folder, _, name = path.rpartition("/")
            if folder == self.dir:
                rel = name
            elif not self.dir:
                rel = path
            else:
                rel = "../" + path
        else:
            rel = posixpath.relpath(path, self.dir or ".")
        return rel + (hashmark + fragment if hashmark else "")

    def root(self, rel: str) -> str:
        """A link to a file at the root of the built site (data/, index.html)."""
        if self.path == self.ROOT:
            return rel
        return posixpath.relpath(posixpath.join("..", rel), self.dir or ".")

    def a(self, target: str | None, text: Any, cls: str = "", title: str = "") -> str:
        h = self.href(target)
        c = f' class="{cls}"' if cls else ""
        t = f' title="{esc(title)}"' if title else ""
        return f'<a{c}{t} href="{esc(h)}">{esc(text)}</a>' if h else f"<span{c}{t}>{esc(text)}</span>"

    def entity(self, eid) -> str:
        return self.a(self.site.t_entity(eid), self.site.entity_name(eid))

    def prop(self, pid) -> str:
        return self.a(self.site.t_property(pid), self.site.property_name(pid))

    def source(self, sid, short: int = 0) -> str:
        title = self.site.source_title(sid)
        return self.a(self.site.t_source(sid), words.shorten(title, short) if short else title, "kb-src",
                      title if short and len(title) > short else "")

    def claim(self, cid, text: str | None = None) -> str:
        """A claim, by what it says, linked to its entry on its source's page."""
        c = self.site.claims_by_id.get(cid)
        if c is None:
            return esc(text or "an unknown claim")
        return self.a(self.site.t_claim(cid), text or self.site.claim_label(c), "kb-claim-link",
                      f"“{words.shorten(c.quote, 160)}”" if c.quote else "")

    def prose(self, text: str | None) -> str:
        """A curator's text (a review note), escaped, with the claim and reference ids it
        mentions turned into links that read as what they name."""
        if not text:
            return ""
        s = self.site
        out, last = [], 0
        for m in _TOKEN.finditer(text):
            word = m.group(0).rstrip(".")
            if word in s.claims_by_id or word in s.refs_by_id:
                out.append(esc(text[last:m.start()]))
                out.append(self.ident(word))
                last = m.start() + len(word)
        out.append(esc(text[last:]))
        return "".join(out)

    def ident(self, ident) -> str:
        """A claim, reference, entity or source named by a finding or a cause, in words."""
        s = self.site
        if ident in s.claims_by_id:
            return self.claim(ident)
        if ident in s.refs_by_id:
            return self.a(s.t_ref(ident), s.ref_label(s.refs_by_id[ident]))
        if ident in s.kb.entities:
            return self.entity(ident)
        if ident in s.kb.sources:
            return self.source(ident)
        return "another value"

    def citation(self, cid, short: bool = False) -> str:
        """A citation: publisher and title, linked when its URL is http(s); ``short``: the
        publisher only, with the title as a tooltip."""
        cit = self.site.kb.citations.get(cid or "")
        if cit is None:
            return "no citation"
        full = f"{cit.publisher}: {cit.title}" if cit.publisher and cit.title else (cit.title or cit.publisher or "")
        if cit.date:
            full += f" ({cit.date})"
        url = safe_url(cit.url)
        text = esc((cit.publisher or cit.title or "source") if short else full)
        title = f' title="{esc(full)}"' if short else ""
        if url:
            return f'<a class="kb-ext" href="{esc(url)}" rel="nofollow noopener"{title}>{text}</a>'
        return f"<span{title}>{text}</span>"

    # --- findings in plain language
    def sentence(self, f: Finding) -> str:
        """One sentence a reader understands, built from the finding's first comparison."""
        s = self.site
        if not f.comparisons:
            c = s.claims_by_id.get(f.claims[0]) if f.claims else None
            if c is not None:
                return f"{self.source(c.source, 70)}: {self.claim(c.id)}. {esc(f.message)}"
            return esc(f.message)
        x = f.comparisons[0]
        c = s.claims_by_id.get(x.subject)
        if c is None:
            return esc(f.message)
        what = f"{self.entity(c.entity)}’s {esc(words.lower_first(s.property_name(c.property)))}"
        said = f"<strong>{esc(s.stated(c))}</strong>"
        if x.other_kind == "claim" and x.other in s.claims_by_id:
            o = s.claims_by_id[x.other]
            return (f"Two sources disagree on {what}: {self.source(c.source, 70)} says {said}, "
                    f"{self.source(o.source, 70)} says <strong>{esc(s.stated(o))}</strong> "
                    f"({esc(how_far(x))} it).")
        if x.other_kind == "reference" and x.other in s.refs_by_id:
            r = s.refs_by_id[x.other]
            n = len(s.comparisons(c))
            which = "the reference value" if n <= 1 else f"the nearest of {n} reference values"
            whose = "" if r.entity == c.entity else f" for {self.entity(r.entity)}"
            return (f"{self.source(c.source, 70)} gives {what} as {said}, {esc(how_far(x))} {which}"
                    f"{whose}: {self.a(s.t_ref(r.id), s.stated(r))} ({self.citation(r.citation, short=True)}).")
        if x.other_kind == "plausible":
            ent = s.kb.entities.get(c.entity or "")
            kind = ent.kind if ent else "thing"
            return (f"{self.source(c.source, 70)} gives {what} as {said}, {esc(how_far(x))} anything plausible "
                    f"for a {esc(kind.replace('-', ' '))} ({esc(x.other_stated)}).")
        if x.other_kind == "registry":
            return (f"{self.source(c.source, 70)} says {what} is {said}; the entity registry records "
                    f"<strong>{esc(s.entity_name(x.other_stated) if x.other_stated in s.kb.entities else x.other_stated)}"
                    f"</strong>.")
        return esc(f.message)

    def cause_point(self, ident: str) -> str:
        """What a cause points at, in words: a reference with its entity, property, value and
        conditions; an entity by its name."""
        s = self.site
        r = s.refs_by_id.get(ident)
        if r is not None:
            conds = s.cond(r)
            until = f", until {words.day(r.valid_to)}" if r.valid_to else ""
            text = f"{s.entity_name(r.entity)}’s {words.lower_first(s.property_name(r.property))}: {s.stated(r)}"
            return self.a(s.t_ref(r.id), text) + (f' <span class="kb-muted">({esc(conds)}{esc(until)})</span>'
                                                  if conds or until else "")
        return self.ident(ident)

    def causes(self, fs: Iterable[Finding]) -> str:
        """The likely causes of one or more findings, in words built from their kind and the
        records they point at; each cause listed once (the checker's sentence is in the
        evidence)."""
        seen: dict[tuple, list[str]] = {}
        for f in fs:
            for cause in f.causes:
                phrase = CAUSE_WORDS.get(cause.kind)
                if phrase is None or not cause.points_at:  # its own words name no record
                    phrase = cause.text.split(": ")[0] if cause.points_at else cause.text
                pts = seen.setdefault((cause.kind, phrase), [])
                pts += [p for p in cause.points_at if p not in pts]
        if not seen:
            return ""
        items = []
        for (_, phrase), pts in seen.items():
            shown = [self.cause_point(p) for p in pts[:3]]
            more = f" and {len(pts) - 3} more" if len(pts) > 3 else ""
            items.append(f"<li>{esc(phrase)}" + (": " + "; ".join(shown) + more if shown else "") + "</li>")
        label = "Likely cause" if len(items) == 1 else "Likely causes"
        return f'<div class="kb-causes"><span class="kb-label">{label}:</span><ul>{"".join(items)}</ul></div>'

    def reviews(self, f: Finding, label: bool = True) -> str:
        """Each review with the claim it belongs to."""
        if not f.reviews:
            return ('<div class="kb-reviews kb-muted">Not reviewed yet.</div>' if f.kind == "content" else "")
        items = []
        for r in f.reviews:
            c = self.site.claims_by_id.get(r.claim)
            who = (f"{self.source(c.source, 50)}, {self.claim(r.claim)}" if c is not None else "a claim")
            items.append(f"<li>{verdict_badge(r.verdict)} {who}" + (f": {self.prose(r.note)}" if r.note else "") + "</li>")
        head = '<span class="kb-label">Review:</span>' if label else ""
        return f'<div class="kb-reviews">{head}<ul>{"".join(items)}</ul></div>'

    def technical(self, f: Finding, shown: int = 4) -> str:
        """The checker's own message, the comparisons (with the Comparer's factors) and the
        place in the data: folded, for readers who want the evidence."""
        items = []
        for x in f.comparisons:
            other = self.ident(x.other) if x.other_kind in ("reference", "claim") else esc(x.other_stated)
            items.append(f"<li>{self.ident(x.subject)} vs {other}: {cmp_badge(x)}</li>")
        ev = ""
        if items:
            ev = '<ul class="kb-evidence">' + "".join(items[:shown]) + "</ul>"
            if len(items) > shown:
                ev += (f'<details class="kb-more"><summary>{len(items) - shown} more comparisons</summary>'
                       f'<ul class="kb-evidence">{"".join(items[shown:])}</ul></details>')
        return (f'<details class="kb-tech"><summary>Evidence and the checker’s message</summary>{ev}'
                f'<p class="kb-message">{esc(f.message)}</p>'
                f'<p class="kb-muted">Rule {self.a("rules.html#rule-" + frag(f.code), f.code)}'
                f' · in the data at <code>{esc(f.where)}</code></p></details>')

    def finding(self, f: Finding) -> str:
        """A finding as a reader sees it: severity, the sentence, causes, reviews, evidence."""
        sev = f'<a class="kb-sev kb-sev-{esc(f.severity)}" href="{esc(self.href(self.site.t_finding(f)))}">' \
              f"{esc(SEVERITY_WORDS.get(f.severity, f.severity))}</a>"
        return (f'<div class="kb-finding">{sev} {self.sentence(f)}{self.causes([f])}{self.reviews(f)}'
                f"{self.technical(f)}</div>")

    def finding_brief(self, f: Finding) -> str:
        """The severity and the sentence, linked to the report (the evidence is there)."""
        return (f'<a class="kb-sev kb-sev-{esc(f.severity)}" href="{esc(self.href(self.site.t_finding(f)))}">'
                f"{esc(SEVERITY_WORDS.get(f.severity, f.severity))}</a> {self.sentence(f)}")
