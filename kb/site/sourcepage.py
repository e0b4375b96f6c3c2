"""A source's page: its text with every claim's quote highlighted (with a legend), one entry
per claim with the reference values it is compared with (nearest first) and what the
checker found, in plain words; and a schema.org ClaimReview (JSON-LD, with absolute URLs
from the configured base URL) for each reviewed claim."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from kb.core.findings import Comparison, EvaluatedRelation
from kb.core.records import Claim
from kb.site import words
from kb.site.markup import dl, esc, frag, json_script, md, raw, safe_url, verdict_badge
from kb.core.text import interval_text
from kb.site.model import SEVERITY_WORDS, TRUST_WORDS, Page, Site, canonical_text, cmp_badge, how_far

SITE_NAME = "AI-economics claims knowledge base"
VERDICT_RATING = {"wrong": 1, "dubious": 2, "unverifiable": 3, "correct": 5}

LEGEND = ('<p class="kb-legend"><span class="kb-label">Highlights:</span> '
          '<mark class="kb-mark">a claim</mark> '
          '<mark class="kb-mark kb-worst-warning">a claim with a warning</mark> '
          '<mark class="kb-mark kb-worst-error">a claim with an error</mark> '
          '<mark class="kb-mark kb-depth-2">quotes that overlap</mark> · '
          '<span class="kb-qref-sample">[3]</span> numbers the claim; click a highlight to read it below.</p>')


def source_paths(site: Site, sid: str) -> list[str]:
    src = site.kb.sources[sid]
    return [src.path, src.text_path, *(c.path for c in site.claims_by_source.get(sid, []))]


def page_source(site: Site, sid: str) -> str:
    from kb.site.pages import front

    kb = site.kb
    src = kb.sources[sid]
    p = Page(site, f"sources/{site.source_slug[sid]}.md")
    claims = sorted(site.claims_by_source.get(sid, []), key=lambda c: (c.start if c.start is not None else 1 << 60, c.id))
    numbers = {c.id: site.claim_number[c.id] for c in claims}
    url = safe_url(src.url)
    flagged = sum(1 for c in claims if site.findings_by_claim.get(c.id))
    meta = dl([
        ("Publisher", esc(src.publisher)),
        ("Author", esc(src.author)),
        ("Published", esc(words.day(src.published)) if src.published else "no date printed"),
        ("Original", f'<a class="kb-ext" href="{esc(url)}" rel="nofollow noopener">{esc(words.shorten(url, 80))}</a>'
         if url else "not online"),
        ("Trust", esc(TRUST_WORDS.get(src.trust or "", src.trust))),
        ("Claims", f"{len(claims)} recorded; the checker flags {flagged}" if claims else "none recorded yet"),
    ])
    record = dl([
        ("Source id", f"<code>{esc(sid)}</code>"),
        ("Text file", f"<code>{esc(src.text_path)}</code>"),
        ("SHA-256", f"<code>{esc(src.sha256)}</code>"),
        ("Curator’s note", esc(src.note)),
    ])
    out = [front(site.updated(source_paths(site, sid))), f"# {md(src.title or 'Untitled source')}\n",
           raw(meta + f'<details class="kb-tech"><summary>About this record</summary>{record}</details>'), "## Text\n"]
    if src.text is None:
        out.append(raw('<p class="kb-muted">The text of this source could not be read.</p>'))
    else:
        out.append(raw(LEGEND + highlight(site, src.text, claims, numbers)))
    checked = [e for c in claims for e in site.relations_by_claim.get(c.id, ())]
    if checked:
        out.append("## The article's own arithmetic\n")
        out.append(raw(relations_table(site, p, checked, numbers)))
    out.append("## Claims\n")
    if claims:
        out.append(raw("\n".join(claim_entry(site, p, c, numbers[c.id]) for c in claims)))
    else:
        out.append(raw('<p class="kb-muted">No curated claims for this source yet.</p>'))
    left = kb.unrecorded.get(sid, ())
    if left:
        items = "".join(f"<li><q>{esc(u.quote)}</q>: {esc(u.reason.replace('-', ' '))}"
                        + (f' <span class="kb-muted">({esc(u.note)})</span>' if u.note else "") + "</li>" for u in left)
        out.append(raw(f'<details class="kb-more"><summary>{len(left)} number{"s" if len(left) != 1 else ""} in this '
                       f"text not recorded as claims, and why</summary><ul>{items}</ul></details>"))
    reviewed = [c for c in claims if c.review]
    if reviewed:
        out.append(raw("\n".join(
            f'<script type="application/ld+json">{json_script(claim_review(site, c))}</script>' for c in reviewed)))
    return "\n".join(out)


#: How a relation's inputs were found, in words.
BASIS_WORDS = {
    "formula": "the curator's formula over the article's numbers",
    "article": "the article's own figures for the two sides",
    "references": "the reference values of the two sides",
    "article+references": "the article's figure for one side, reference values for the other",
}
RELATION_BADGES = {"consistent": ("ok", "checks out"), "misses": ("miss", "does not check out"),
                   "not-evaluated": ("none", "not evaluated")}


def relation_badge(e: EvaluatedRelation) -> str:
    cls, text = RELATION_BADGES[e.verdict]
    return f'<span class="kb-rel kb-rel-{cls}">{esc(text)}</span>'


def relation_text(site: Site, p: Page, e: EvaluatedRelation) -> str:
    """One recomputed relation in words: the formula with the article's numbers, what it
    gives, the stated value beside it, the verdict and the likely causes of a miss."""
    head = f"{relation_badge(e)} from {esc(BASIS_WORDS.get(e.basis, e.basis))}: "
    if e.verdict == "not-evaluated" or e.computed is None:
        return head + f"<code>{esc(e.formula)}</code> could not be evaluated ({esc(e.error or 'no value')})"
    body = (f"<code>{esc(e.with_numbers)}</code> = <strong>{esc(interval_text(e.computed))}</strong>; "
            f"the article says <strong>{esc(e.stated)}</strong>")
    if e.verdict == "misses" and e.comparison is not None:
        body += f", {esc(how_far(e.comparison))} the result"
    causes = "".join(f"<li>{p.prose(x.text)}</li>" for x in e.causes)
    inputs = ", ".join(p.ident(i.id) for i in e.inputs)
    return (head + body + (f'<ul class="kb-causes">{causes}</ul>' if causes else "")
            + (f' <span class="kb-muted">(inputs: {inputs})</span>' if inputs else ""))


def relations_table(site: Site, p: Page, rels: list[EvaluatedRelation], numbers: dict[str, int]) -> str:
    """Every relation the checker recomputed for this source's claims, in text order."""
    counts = {v: sum(1 for e in rels if e.verdict == v) for v in RELATION_BADGES}
    summary = (f"<p>The checker recomputed {len(rels)} of this article's figures from the others: "
               f"{counts['consistent']} check out, {counts['misses']} do not"
               + (f", {counts['not-evaluated']} could not be evaluated" if counts["not-evaluated"] else "") + ".</p>")
    rows = []
    for e in rels:
        c = site.claims_by_id[e.claim]
        computed = esc(interval_text(e.computed)) if e.computed is not None else "n/a"
        rows.append(f'<tr class="kb-rel-row" data-verdict="{esc(e.verdict)}">'
                    f'<td data-label="Claim"><a href="#claim-{esc(frag(c.id))}">[{numbers[c.id]}]</a> '
                    f"{esc(site.claim_label(c))}</td>"
                    f'<td data-label="Formula"><code>{esc(e.with_numbers or e.formula)}</code></td>'
                    f'<td data-label="Computed">{computed}</td><td data-label="Stated">{esc(e.stated)}</td>'
                    f'<td data-label="Verdict">{relation_badge(e)}</td></tr>')
    return (summary + '<div class="kb-table-wrap"><table class="kb-table kb-relations"><thead><tr><th>Claim</th>'
            "<th>Formula, with the article's numbers</th><th>Computed</th><th>Stated</th><th>Verdict</th></tr>"
            "</thead><tbody>" + "".join(rows) + "</tbody></table></div>")


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
            label = site.claim_label(site.claims_by_id[cid])
            out.append(f'<a class="kb-qref kb-worst-{esc(sev)}" id="quote-{esc(cid)}" href="#claim-{esc(frag(cid))}"'
                       f' title="{esc(label)}">[{numbers[cid]}]</a>')
        seg = esc(text[a:b])
        cover = sorted((sp for sp in spans if sp[0] <= a and b <= sp[1] and sp[0] < sp[1]), key=lambda sp: (sp[1] - sp[0], sp[2]))
        if cover:
            ids = " ".join(sp[2] for sp in cover)
            sev = site.worst(f for sp in cover for f in site.findings_by_claim.get(sp[2], []))
            label = "; ".join(f"[{numbers[sp[2]]}] {site.claim_label(site.claims_by_id[sp[2]])}" for sp in cover)
            out.append(f'<a class="kb-mark-link" href="#claim-{esc(frag(cover[0][2]))}">'
                       f'<mark class="kb-mark kb-depth-{min(len(cover), 3)} kb-worst-{esc(sev)}" data-claims="{esc(ids)}"'
                       f' title="{esc(label)}">{seg}</mark></a>')
        else:
            out.append(seg)
    out.append("</div>")
    return "".join(out)


def claim_entry(site: Site, p: Page, c: Claim, n: int) -> str:
    fs = site.findings_by_claim.get(c.id, [])
    sev = site.worst(fs)
    verdict = c.review.verdict if c.review else None
    head = (f'<div class="kb-claim-head"><a class="kb-qref kb-worst-{esc(sev)}" href="#quote-{esc(frag(c.id))}" '
            f'title="Show the quote in the text">[{n}]</a> {p.entity(c.entity)} · {p.prop(c.property)}'
            + (f" {verdict_badge(verdict)}" if verdict else "")
            + f' <a class="kb-permalink" href="#claim-{esc(frag(c.id))}" title="Link to this claim">#</a></div>')
    conds = site.cond(c)
    said = f"<strong>{esc(site.stated(c))}</strong>" + (f' <span class="kb-muted">· {esc(conds)}</span>' if conds else "")
    canon = words.canonical(c)
    if canon:
        said += f' <span class="kb-muted">= {esc(canon)}</span>'
    fields = [("Says", said)]
    compares = sides_text(site, p, c)
    if compares:
        fields.append(("Compares", compares))
    fields += [
        ("Quote", f"<q>{esc(c.quote)}</q>"),
        ("For the date", esc(words.day(c.as_of))),
    ]
    if c.review:
        r = c.review
        fields.append(("Review", f"{verdict_badge(r.verdict)} {p.prose(r.note)} <span class=\"kb-muted\">({esc(words.day(r.date))}"
                       + (f", {esc(r.reviewer)}" if r.reviewer else "") + ")</span>"))
    fields.append(("Reference values", reference_list(site, p, c)))
    rels = site.relations_by_claim.get(c.id, ())
    if rels:
        fields.append(("Arithmetic", "<ul>" + "".join(f"<li>{relation_text(site, p, e)}</li>" for e in rels) + "</ul>"))
    if fs:
        fields.append(("Checker", "<ul>" + "".join(f"<li>{p.finding_brief(f)}</li>" for f in fs) + "</ul>"
                       + p.causes(fs)))
    record = dl([
        ("Claim id", f"<code>{esc(c.id)}</code>"),
        ("In the data", f"<code>{esc(c.path)}:{esc(c.line)}</code>"),
        ("Recorded as", f"{esc(c.display())} ({esc(c.qualifier.replace('_', ' '))})"
         + (f"; interval {esc(canonical_text(c))}" if c.interval is not None else "")),
        ("Quote at", f"characters {esc(c.start)}–{esc(c.end)}"),
        ("Curator’s note", esc(c.note)),
    ])
    return (f'<div class="kb-claim kb-worst-{esc(sev)}" id="claim-{esc(c.id)}">{head}{dl(fields)}'
            f'<details class="kb-tech"><summary>Record details</summary>{record}</details></div>')


#: How a comparison claim's two sides are joined when the site says what it compares.
SIDE_OPERATORS = {"ratio": " ÷ ", "share": " ÷ ", "difference": " − "}


def signed(text: str) -> str:
    """A stated difference with its sign: ``+14 GB``, ``> +$5 billion``, ``-3 TWh`` (kept)."""
    for prefix in ("about ", "≤ ", "> ", ""):
        if text.startswith(prefix):
            rest = text[len(prefix):]
            return text if rest[:1] in ("-", "−", "+", "0") else f"{prefix}+{rest}"
    return text  # pragma: no cover - the empty prefix always matches


def sides_text(site: Site, p: Page, c: Claim) -> str:
    """What a comparison claim compares, in words: ``NVIDIA H100 NVL GPU memory capacity (per GPU)
    − NVIDIA H100 SXM GPU memory capacity (per GPU) = +14 GB`` for a difference (the stated value
    with its sign, per year where it is a yearly change), the two sides joined by ÷ for a ratio
    or a share, "against" for a change or a growth rate; "" for any other claim."""
    prop = site.kb.properties.get(c.property or "")
    if prop is None or not prop.comparison or c.numerator is None or c.denominator is None:
        return ""

    def side(t) -> str:
        notes = [x for x in (site.cond(dict(t.conditions)), words.day(t.as_of) if t.as_of is not None else "") if x]
        return (f"{p.entity(t.entity)} {esc(words.lower_first(site.property_name(t.property)))}"
                + (f' <span class="kb-muted">({esc(", ".join(notes))})</span>' if notes else ""))

    text = SIDE_OPERATORS.get(prop.comparison, " against ").join(side(t) for t in (c.numerator, c.denominator))
    if prop.comparison == "difference" and not c.categorical:
        text += f" = <strong>{esc(signed(site.stated(c)))}</strong>"
    return text


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
            same = "the same" if val == c.value else "different"
            return (f'the entity registry records {p.entity(val)} <span class="kb-reg kb-reg-{"ok" if val == c.value else "off"}">'
                    f"({same})</span>")
        return '<span class="kb-muted">none</span>'
    comps = site.comparisons(c)
    if not comps:
        return '<span class="kb-muted">no reference value applies</span>'
    items = []
    for x in comps:
        r = site.refs_by_id[x.other]
        conds = site.cond(r)
        items.append(f"<li>{p.entity(r.entity)}: {p.a(site.t_ref(r.id), site.stated(r))}"
                     + (f' <span class="kb-muted">{esc(conds)}</span>' if conds else "")
                     + f" {cmp_badge(x)} · {p.citation(r.citation, short=True)}</li>")
    html_list = '<ul class="kb-refs">' + "".join(items[:shown]) + "</ul>"
    if len(items) > shown:
        html_list += (f'<details class="kb-more"><summary>{len(items) - shown} more reference values</summary>'
                      f'<ul class="kb-refs">{"".join(items[shown:])}</ul></details>')
    return html_list


def nearest(site: Site, c: Claim) -> Comparison | None:
    """The comparison a claim is measured by (see :meth:`Site.nearest`)."""
    return site.nearest(c)


def difference_text(site: Site, c: Claim) -> str:
    """``Stated 60 TFLOPS; reference 989.4 TFLOPS (NVIDIA H100 SXM, fp16 · tensor · dense): 16.5x below.``"""
    prop = site.kb.properties.get(c.property or "")
    if prop is not None and prop.type == "categorical":
        ent = site.kb.entities.get(c.entity or "")
        val = getattr(ent, prop.registry_field, None) if ent is not None and prop.registry_field else None
        if val is None:
            return f"Stated {c.value}; no registry value to compare with."
        name = site.entity_name(val)
        return f"Stated {site.entity_name(c.value)}; the entity registry records {name}" + (" (the same)." if val == c.value else ".")
    x = nearest(site, c)
    if x is None:
        return f"Stated {c.display()}; no reference value to compare with."
    r = site.refs_by_id[x.other]
    stated = c.display()
    if c.interval is not None and c.unit != c.interval.unit:
        stated += f" (= {canonical_text(c)})"
    ref = r.display()
    if r.interval is not None and r.unit != r.interval.unit:
        ref += f" (= {canonical_text(r)})"
    where = ", ".join(x for x in (site.entity_name(r.entity), site.cond_text(r.conditions, prop.conditions if prop else ())) if x)
    tail = "consistent with it" if x.agrees else x.text()
    return f"Stated {stated}; reference {ref} ({where}): {tail}."


def claim_review(site: Site, c: Claim) -> dict:
    """schema.org ClaimReview for a reviewed claim."""
    src = site.kb.sources.get(c.source or "")
    verdict = c.review.verdict if c.review else "unverifiable"
    org = {"@type": "Organization", "name": SITE_NAME}
    if site.base_url:
        org["url"] = site.base_url
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
        f"{verdict.capitalize()}.", (c.review.note or "").strip() if c.review else "", difference_text(site, c),
        *(f"Checker: {f.message}" + (f" Likely cause: {f.likely_cause}." if f.likely_cause else "")
          for f in site.findings_by_claim.get(c.id, []) if f.comparisons or f.likely_cause),
    ) if x)
    out = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": site.url(site.t_claim(c.id) or f"claims.html#claim-{frag(c.id)}"),
        "claimReviewed": c.quote,
        "itemReviewed": item,
        "author": org,
        "reviewRating": {"@type": "Rating", "ratingValue": VERDICT_RATING.get(verdict, 3), "bestRating": 5,
                         "worstRating": 1, "alternateName": verdict},
        "reviewBody": body,
    }
    if c.review and c.review.date:
        out["datePublished"] = str(c.review.date)
    return out
