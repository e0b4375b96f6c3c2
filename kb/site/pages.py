"""The other generated pages: one per entity and property, the claims table, the findings
report, the home page's pieces, the changelog, the rules and CLI references, the index pages
and the notebooks index.

Reader pages speak plainly: names and titles instead of ids, values as a person writes them,
a finding as one sentence with its evidence folded below, long lists folded. Every page
starts with its front matter (``kb-updated``: the date its data last changed, from the
history) that ``docs/conf.py`` turns into the "last updated" line and the citation.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from kb.core.catalogue import RULES
from kb.site import words
from kb.site.charts import chart_html
from kb.site.history import Change
from kb.site.markup import dl, esc, fence, frag, md, raw, table, td, verdict_badge
from kb.site.model import SEVERITY_ORDER, SEVERITY_WORDS, Page, Site, cmp_badge
from kb.site.search import index_directive
from kb.site.sourcepage import reference_list

#: Rows shown before a table folds the rest.
SHOWN = 6
#: An entity page's claims shown under each property before they fold.
SIDE_SHOWN = 3
#: An entity page of more than ``FOLD_OVER`` properties (a GPU's page grows one for each property
#: articles state) shows the ``PROPERTIES_SHOWN`` with the most claims (ties: more findings, then
#: more reference values first) as sections; the others are rows of one compact table, their claims
#: and reference values folded below it.
PROPERTIES_SHOWN, FOLD_OVER = 12, 16


def front(updated: str | None, **extra: str) -> str:
    """MyST front matter: the page's data date (``docs/conf.py`` prints it) and more
    (``nosearch``: Sphinx leaves the page out of the search index)."""
    items = {"kb-updated": updated or "", **extra}
    body = "".join(f"{k}: \"{v}\"\n" if k != "nosearch" else f"{k}: true\n" for k, v in items.items() if v)
    return f"---\n{body}---\n" if body else ""


def downloads(p: Page, kind: str, slug: str) -> str:
    """Links to a page's own data (CSV, JSON) and to the whole knowledge base."""
    base = f"data/{kind}/{slug}"
    return raw(f'<p class="kb-downloads"><span class="kb-label">Download this page’s data:</span> '
               f'<a href="{esc(p.root(base + ".csv"))}" download>CSV</a> · '
               f'<a href="{esc(p.root(base + ".json"))}" download>JSON</a> · '
               f'<a href="{esc(p.root("data/datapackage.json"))}">the whole knowledge base</a> '
               f'(a Frictionless Data Package, CSV and Parquet)</p>')


def folded(rows: list[str], headers: list[str], cls: str = "", shown: int = SHOWN, what: str = "more rows") -> str:
    """A table showing its first ``shown`` rows; the rest in a second, folded table."""
    out = table(headers, rows[:shown], cls)
    if len(rows) > shown:
        out += (f'<details class="kb-more"><summary>{len(rows) - shown} {esc(what)}</summary>'
                f'{table(headers, rows[shown:], cls)}</details>')
    return out


def verdict_summary(claims) -> str:
    n = Counter(c.review.verdict for c in claims if c.review)
    return ", ".join(f"{k} {v}" for k, v in sorted(n.items()))


# ----------------------------------------------------------------------------- entities


def entity_paths(site: Site, eid: str) -> list[str]:
    """The data files an entity's page is made from."""
    ent = site.kb.entities[eid]
    out = [ent.path]
    for t in site.targets(eid):
        out += [c.path for c in site.claims_by_entity.get(t, [])]
        out += [r.path for r in site.refs_by_entity.get(t, [])]
        e = site.kb.entities.get(t)
        if e is not None:
            out.append(e.path)
    return out


def prop_anchor(site: Site, eid: str, pid: str) -> str:
    """The anchor of a property's place on an entity's page (a section, or a folded row)."""
    return f"prop-{site.entity_slug[eid]}-{site.property_slug.get(pid, 'x')}"


def property_values(site: Site, p: Page, eid: str, claims: list, refs: list, shown: int) -> str:
    """One property's reference values (summed up, the table folded) and claims (the first
    ``shown`` rows, the rest folded) on an entity's page."""
    cs = sorted(claims, key=lambda c: (site.source_title(c.source), c.id))
    rs = sorted(refs, key=lambda r: (site.cond(r), site.entity_name(r.entity), r.id))
    html = []
    if rs:
        distinct = []
        for r in rs:
            stated = f"{site.stated(r)}" + (f" ({site.entity_name(r.entity)})" if r.entity != eid else "")
            if stated not in distinct:
                distinct.append(stated)
        summary = " · ".join(esc(x) for x in distinct[:4]) + (f" · and {len(distinct) - 4} more" if len(distinct) > 4 else "")
        rows = []
        for r in rs:
            valid = " – ".join(x for x in (words.day(r.valid_from), words.day(r.valid_to)) if x)
            rows.append(f'<tr id="ref-{esc(r.id)}">' + "".join(f"<td>{x}</td>" for x in (
                p.entity(r.entity), esc(site.cond(r)), f"<strong>{esc(site.stated(r))}</strong>",
                p.citation(r.citation) + (f'<br><span class="kb-muted">{esc(r.locator)}</span>' if r.locator else ""),
                esc(valid) + (f"<br>estimate by {esc(r.estimate_by)}" if r.estimate_by else "")
                + (f'<br><span class="kb-muted">{esc(r.note)}</span>' if r.note else ""),
            )) + "</tr>")
        html.append(f'<p><span class="kb-label">Reference values:</span> {summary}</p>'
                    f'<details class="kb-more"><summary>All {len(rs)} reference value{"s" if len(rs) != 1 else ""}, '
                    f'with citations</summary>'
                    + table(["Entity", "Conditions", "Value", "Citation", "Valid, notes"], rows, "kb-refs-table")
                    + "</details>")
    if cs:
        rows = []
        for c in cs:
            fs = site.findings_by_claim.get(c.id, [])
            x = site.nearest(c) if not c.categorical else None
            rows.append(f'<tr id="claim-{esc(c.id)}">' + "".join(f"<td>{v}</td>" for v in (
                p.claim(c.id, site.stated(c)) + (f" of {p.entity(c.entity)}" if c.entity != eid else "")
                + (f'<br><span class="kb-muted">{esc(site.cond(c))}</span>' if site.cond(c) else ""),
                p.source(c.source, 60),
                (cmp_badge(x) + f' <span class="kb-muted">vs {esc(site.stated(site.refs_by_id[x.other]))}</span>'
                 if x is not None and x.other in site.refs_by_id else reference_list(site, p, c)),
                (verdict_badge(c.review.verdict) if c.review else "")
                + "".join(f'<div class="kb-finding-brief">{p.finding_brief(f)}</div>' for f in fs),
            )) + "</tr>")
        html.append(folded(rows, ["Claim", "Article", "Nearest reference", "Review and findings"], "kb-side",
                           shown, "more claims"))
    return "".join(html)


def folded_properties(site: Site, p: Page, eid: str, pids: list[str], by_prop: dict) -> str:
    """The properties an entity's page folds: one row each (its anchor, the values claimed, the
    reference values, how many claims and findings), then every claim and reference value of
    them in one folded block, property by property (nothing is lost; no script needed).

    Each row's ``data-kb-title`` is the property's name: ``docs/conf.py`` gives the search
    index a title at the row's anchor, as a section heading would have (search for "H100"
    and a folded property and the row comes first)."""
    rows, blocks = [], []
    for pid in pids:
        cs, rs = by_prop[pid]["claims"], by_prop[pid]["refs"]
        anchor, name = prop_anchor(site, eid, pid), site.property_name(pid)
        fs = {id(f): f for c in cs for f in site.findings_by_claim.get(c.id, [])}  # a finding on two claims once
        sev = Counter(f.severity for f in fs.values())
        found = ", ".join(words.count(sev[s], SEVERITY_WORDS.get(s, s))
                          for s in sorted(sev, key=lambda s: (SEVERITY_ORDER.get(s, 9), s)))
        claimed = esc(words.span(cs, site.entity_name)) if cs else ""
        if rs:
            claimed += (("<br>" if claimed else "")
                        + f'<span class="kb-muted">reference: {esc(words.span(rs, site.entity_name))}</span>')
        rows.append(f'<tr id="{esc(anchor)}" data-kb-title="{esc(name)}">' + "".join(f"<td>{x}</td>" for x in (
            p.prop(pid) + f' <a class="headerlink" href="#{esc(anchor)}" title="Link to this property">#</a>',
            claimed,
            f'<a href="#{esc(anchor)}-all">{len(cs) or "none"}</a>',
            found,
        )) + "</tr>")
        blocks.append(f'<div class="kb-folded-prop" id="{esc(anchor)}-all"><p class="kb-folded-title">{esc(name)}</p>'
                      + property_values(site, p, eid, cs, rs, len(cs)) + "</div>")
    n = len(pids)
    return (table(["Property", "Values", "Claims", "Findings"], rows, "kb-props-table")
            + f'<details class="kb-more kb-folded-props"><summary>Every claim and reference value of these {n} '
            f'properties</summary>' + "".join(blocks) + "</details>")


def page_entity(site: Site, eid: str, chart: dict | None) -> str:
    kb = site.kb
    ent = kb.entities[eid]
    p = Page(site, f"entities/{site.entity_slug[eid]}.md")
    targets = site.targets(eid)
    claims = [c for t in targets for c in site.claims_by_entity.get(t, [])]
    refs = [r for t in targets for r in site.refs_by_entity.get(t, [])]
    kind = words.condition_value(None, ent.kind)
    facts = [esc(kind[:1].upper() + kind[1:])]
    if ent.vendor:
        facts.append("by " + p.entity(ent.vendor))
    if ent.architecture:
        facts.append("architecture " + p.entity(ent.architecture))
    if ent.family:
        facts.append("a variant of " + p.entity(ent.family))
    if ent.class_of:
        facts.append(f"every {esc(ent.class_of)}")
    lede = " · ".join(facts)
    aliases = [a for a in ent.aliases if a != ent.name]
    meta = []
    if aliases:
        meta.append(("Also called", ", ".join(f"<q>{esc(a)}</q>" for a in aliases)))
    if ent.variants:
        vs = [p.entity(v) for v in sorted(ent.variants, key=site.entity_name)]
        meta.append(("Variants", ", ".join(vs)))
    members = sorted((e for e in kb.entities.values() if e.architecture == eid or e.vendor == eid),
                     key=lambda e: e.name)
    if members:
        links = [p.entity(e.id) for e in members]
        shown = ", ".join(links[:12]) + (f' <details class="kb-more kb-inline"><summary>{len(links) - 12} more</summary>'
                                         + ", ".join(links[12:]) + "</details>" if len(links) > 12 else "")
        meta.append(("Made with it" if any(e.architecture == eid for e in members) else "Products", shown))
    if ent.note:
        meta.append(("Note", esc(ent.note)))
    meta.append(("On this page", f"{len(claims)} claim{'s' if len(claims) != 1 else ''} from articles, "
                 f"{len(refs)} reference value{'s' if len(refs) != 1 else ''} with citations"))
    out = [front(site.updated(entity_paths(site, eid))), f"# {md(ent.name)}\n",
           index_directive([ent.name, *ent.aliases, *site.entity_terms.get(eid, [])]), raw(f'<p class="kb-lede">{lede}</p>' + dl(meta))]
    if chart:
        out.append("## Claims against reference values\n")
        out.append(raw(chart_html(f"entity-{site.entity_slug[eid]}", chart,
                                  "Red diamonds: what articles claim; circles: reference values with citations "
                                  "(one colour per entity); bars: a value’s range. One row per set of conditions. "
                                  "Pick a property from the menu; hover for details; drag to zoom.",
                                  f"Claims and reference values for {ent.name}")))
    by_prop: dict[str, dict[str, list]] = defaultdict(lambda: {"claims": [], "refs": []})
    for c in claims:
        by_prop[c.property or ""]["claims"].append(c)
    for r in refs:
        by_prop[r.property or ""]["refs"].append(r)

    def weight(k: str) -> tuple:
        cs = by_prop[k]["claims"]
        return (-len(cs), -sum(len(site.findings_by_claim.get(c.id, [])) for c in cs), -len(by_prop[k]["refs"]),
                site.property_name(k).lower(), k)

    order = sorted(by_prop, key=weight)
    shown, rest = (order[:PROPERTIES_SHOWN], order[PROPERTIES_SHOWN:]) if len(order) > FOLD_OVER else (order, [])
    if order:
        out.append("## Values by property\n")
    else:
        out.append(raw('<p class="kb-muted">No claim or reference value about this entity yet.</p>'))
    for pid in shown:
        out.append(f"({prop_anchor(site, eid, pid)})=\n### {md(site.property_name(pid))}\n")
        out.append(raw(property_values(site, p, eid, by_prop[pid]["claims"], by_prop[pid]["refs"], SIDE_SHOWN)))
    if rest:
        out.append("### Other properties\n")
        out.append(raw(folded_properties(site, p, eid, rest, by_prop)))
    out.append("## Data\n")
    out.append(downloads(p, "entities", site.entity_slug[eid]))
    return "\n".join(out)


# ----------------------------------------------------------------------------- properties


def property_paths(site: Site, pid: str) -> list[str]:
    prop = site.kb.properties[pid]
    return [prop.path] + [c.path for c in site.claims_by_property.get(pid, [])] + \
        [r.path for r in site.refs_by_property.get(pid, [])]


def page_property(site: Site, pid: str, charts: list[tuple[str, str, dict]]) -> str:
    kb = site.kb
    prop = kb.properties[pid]
    p = Page(site, f"properties/{site.property_slug[pid]}.md")
    terms = site.terms.get(pid, [])
    conds = []
    for k in prop.conditions:
        spec = kb.conditions.get(k)
        name = k.replace("_", " ")
        if spec is None:
            conds.append(f"<li>{esc(name)}</li>")
            continue
        vals = [words.condition_value(None, v) for v in (spec.values or spec.examples or ())]
        conds.append(f"<li><strong>{esc(name)}</strong>: {esc(spec.description)}"
                     + (f' <span class="kb-muted">({esc(", ".join(vals))})</span>' if vals else "") + "</li>")
    unit = words.unit_name(prop.canonical_unit)
    meta = [("What it is", esc(prop.description))]
    if terms:
        meta.append(("Also searched as", ", ".join(f"<q>{esc(t)}</q>" for t in terms)))
    if unit:
        meta.append(("Values in", f"{esc(unit)} (every value is converted to it)"))
    elif prop.unit_from:
        meta.append(("Values in", f"the unit of the {esc(prop.unit_from)}’s property (every value is converted to "
                     "it), or that unit per year for a change per year"))
    if prop.type == "categorical":
        meta.append(("Values", "a category: " + esc(prop.values_from or "an entity")))
    if prop.states_maximum:
        meta.append(("“Up to”", "“up to X” names the maximum itself, so it is read as X"))
    if conds:
        meta.append(("What changes its meaning", "<ul>" + "".join(conds) + "</ul>"))
    claims = sorted(site.claims_by_property.get(pid, []), key=lambda c: (site.entity_name(c.entity), c.id))
    refs = site.refs_by_property.get(pid, [])
    out = [front(site.updated(property_paths(site, pid))), f"# {md(prop.name)}\n",
           index_directive([prop.name, *terms]), raw(dl(meta))]
    for ident, caption, spec in charts:
        title = {"values": "Every entity’s values", "time": "Over time", "generation": "By GPU generation"}[ident]
        out.append(f"## {title}\n")
        out.append(raw(chart_html(f"{site.property_slug[pid]}-{ident}", spec, caption, f"{prop.name}: {title}")))
    # values by entity: every entity's reference values, and its claims
    ents: dict[str, dict[str, list]] = defaultdict(lambda: {"claims": [], "refs": []})
    for r in refs:
        ents[r.entity or ""]["refs"].append(r)
    for c in claims:
        ents[c.entity or ""]["claims"].append(c)
    out.append("## Values by entity\n")
    if ents:
        rows = []
        for e in sorted(ents, key=lambda e: site.entity_name(e).lower()):
            rs = sorted(ents[e]["refs"], key=lambda r: (site.cond(r), r.id))
            vals = [f"<strong>{esc(site.stated(r))}</strong>" + (f' <span class="kb-muted">{esc(site.cond(r))}</span>'
                                                                  if site.cond(r) else "") for r in rs]
            shown = "<br>".join(vals[:3]) + (f'<details class="kb-more"><summary>{len(vals) - 3} more</summary>'
                                             + "<br>".join(vals[3:]) + "</details>" if len(vals) > 3 else "")
            cs = ents[e]["claims"]
            rows.append(td(p.entity(e), shown or '<span class="kb-muted">none</span>',
                           (f"{len(cs)}" + (f' <span class="kb-muted">({esc(verdict_summary(cs))})</span>'
                                            if verdict_summary(cs) else "")) if cs else ""))
        out.append(raw(folded(rows, ["Entity", "Reference values", "Claims"], "kb-values", 25, "more entities")))
    else:
        out.append(raw('<p class="kb-muted">No value for this property yet.</p>'))
    out.append("## Claims\n")
    if claims:
        rows = []
        for c in claims:
            x = site.nearest(c) if not c.categorical else None
            fs = site.findings_by_claim.get(c.id, [])
            rows.append(td(p.claim(c.id), p.source(c.source, 60), esc(site.cond(c)),
                           cmp_badge(x) if x is not None else '<span class="kb-muted">no reference</span>',
                           (verdict_badge(c.review.verdict) if c.review else "")
                           + " ".join(p.a(site.t_finding(f), SEVERITY_WORDS.get(f.severity, f.severity),
                                          f"kb-sev kb-sev-{f.severity}") for f in fs)))
        out.append(raw(folded(rows, ["Claim", "Article", "Conditions", "Nearest reference", "Review"], "kb-claims",
                              10, "more claims")))
    else:
        out.append(raw('<p class="kb-muted">No claim about this property yet.</p>'))
    if prop.plausible:
        out.append("## Plausible ranges\n")
        rows = [td(esc(pl.kind.replace("-", " ")) + (f" ({esc(site.cond(pl.conditions))})" if pl.conditions else ""),
                   esc(pl.text), esc(pl.rationale))
                for pl in sorted(prop.plausible, key=lambda pl: (pl.kind, sorted(pl.conditions.items())))]
        out.append(raw('<p class="kb-muted">A value outside its range is flagged, not necessarily wrong.</p>'
                       + table(["For", "Range", "Why"], rows)))
    out.append("## Data\n")
    out.append(downloads(p, "properties", site.property_slug[pid]))
    return "\n".join(out)


# ----------------------------------------------------------------------------- claims, findings


def all_paths(site: Site) -> list[str]:
    return [c.path for c in site.kb.claims] + [r.path for r in site.kb.references] + \
        [e.path for e in site.kb.entities.values()] + [p.path for p in site.kb.properties.values()] + \
        [s.path for s in site.kb.sources.values()]


def page_claims(site: Site) -> str:
    p = Page(site, "claims.md")
    rows = []
    for c in sorted(site.kb.claims, key=lambda c: (site.source_title(c.source).lower(),
                                                    c.start if c.start is not None else 1 << 60, c.id)):
        fs = site.findings_by_claim.get(c.id, [])
        rows.append(f'<tr id="claim-{esc(c.id)}">' + "".join(f"<td>{x}</td>" for x in (
            p.claim(c.id), p.source(c.source, 60), esc(site.cond(c)), f"<q>{esc(c.quote)}</q>",
            verdict_badge(c.review.verdict) if c.review else "",
            " ".join(p.a(site.t_finding(f), SEVERITY_WORDS.get(f.severity, f.severity), f"kb-sev kb-sev-{f.severity}")
                     for f in fs),
        )) + "</tr>")
    intro = (f"All {len(site.kb.claims):,} curated claims, grouped by article. Each links to its entry on its "
             "article’s page, where its quote is highlighted and compared with the reference values. "
             "The same table is in the <a href=\"../data/datapackage.json\">downloads</a> as CSV and Parquet.\n")
    # left out of the search index: every claim is found on its source's page, with its context
    return "\n".join([front(site.updated(all_paths(site)), nosearch="yes"), "# Claims\n", intro, raw(table(
        ["Claim", "Article", "Conditions", "Quote", "Review", "Findings"], rows, "kb-claims"))])


def page_findings(site: Site, report) -> str:
    p = Page(site, "findings.md")
    fs = site.findings
    codes = sorted({f.code for f in fs})
    c = report.counts if report is not None else {}
    summary = (f"The checker compares every claim with the other articles, with reference values that have "
               f"citations, and with what is plausible. It found {words.count(len(fs), 'thing')} to look at: "
               f"{words.count(c.get('error', 0), 'error')}, {words.count(c.get('warning', 0), 'warning')} and "
               f"{words.count(c.get('info', 0), 'note')}; {c.get('reviewed', 0)} reviewed by a curator. "
               "Reviewed findings stay here, never hidden. "
               "Each says what disagrees with what and by how much; open “Evidence” for the checker’s own numbers.\n")

    def select(name: str, label: str, values: list[tuple[str, str]]) -> str:
        opts = '<option value="">all</option>' + "".join(f'<option value="{esc(v)}">{esc(t)}</option>' for v, t in values)
        return f'<label>{esc(label)} <select id="kb-filter-{name}" data-filter="{name}">{opts}</select></label>'

    count_by = Counter(f.code for f in fs)
    controls = ('<form class="kb-filters" id="kb-findings-filters" hidden>'
                + select("code", "Kind", [(k, f"{RULES[k].title.rstrip('.')} ({count_by[k]})") for k in codes])
                + select("severity", "Severity", [(s, SEVERITY_WORDS[s]) for s in ("error", "warning", "info")])
                + select("reviewed", "Review", [("yes", "reviewed"), ("no", "not reviewed")])
                + ' <output id="kb-findings-count"></output></form>')
    rows = []
    for f in fs:
        rows.append(
            f'<tr id="{esc(site.finding_ids[id(f)])}" data-code="{esc(f.code)}" data-severity="{esc(f.severity)}" '
            f'data-reviewed="{"yes" if f.reviewed else "no"}" data-kind="{esc(f.kind)}">'
            + "".join(f"<td>{x}</td>" for x in (
                f'<a class="kb-sev kb-sev-{esc(f.severity)}" href="#{esc(site.finding_ids[id(f)])}" '
                f'title="Link to this finding">{esc(SEVERITY_WORDS.get(f.severity, f.severity))}</a>',
                f'<p class="kb-sentence">{p.sentence(f)}</p>{p.causes([f])}{p.technical(f)}',
                p.reviews(f, label=False),
            )) + "</tr>")
    body = controls + table(["Severity", "Finding", "Review"], rows, "kb-findings", ' id="kb-findings"')
    if not fs:
        body += '<p class="kb-muted">The checker found nothing.</p>'
    return "\n".join([front(site.updated(all_paths(site))), "# Findings\n", summary, raw(body)])


def page_rules() -> str:
    from kb.core.intervals import APPROX_RELATIVE, TOLERANCES

    out = ["# Rules reference\n",
           "Every rule of the checker, generated from the rule catalogue (`kb/core/catalogue.py`): its id (the "
           "`code` of its findings), severity, kind and documentation.\n"]
    rows = [f"| {{ref}}`{r.id} <rule-{r.id}>` | {r.severity} | {r.kind} | {r.summary} |" for r in RULES.values()]
    out.append("| Rule | Severity | Kind | Summary |\n|---|---|---|---|\n" + "\n".join(rows) + "\n")
    for r in RULES.values():
        out.append(f"(rule-{r.id})=\n## `{r.id}`\n")
        out.append(f"**Severity** {r.severity} · **kind** {r.kind}\n")
        out.append(f"{r.title}\n")
        out.append(raw(f'<p><a href="findings.html?code={esc(frag(r.id))}">Findings with this code</a></p>'))
        out.append((r.doc or "*Undocumented.*") + "\n")
    out.append("(tolerances)=\n## Tolerances\n")
    out.append("How a stated value becomes an interval in canonical units (`kb/core/intervals.py`). "
               f"The relative tolerance of an approximate value is {APPROX_RELATIVE:.0%}. "
               "Two values conflict when their intervals are disjoint.\n")
    out.append("| Qualifier | Interval |\n|---|---|\n" + "\n".join(f"| `{q}` | {t} |" for q, t in TOLERANCES.items()) + "\n")
    return "\n".join(out)


def page_cli() -> str:
    import click

    from kb.cli import main

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


# ----------------------------------------------------------------------------- index pages


def page_index(site: Site, kind: str) -> str:
    kb = site.kb
    p = Page(site, f"{kind}/index.md")
    if kind == "sources":
        docs = [site.source_slug[s] for s in sorted(kb.sources)]
        rows = []
        for sid in sorted(kb.sources, key=lambda s: site.source_title(s).lower()):
            src = kb.sources[sid]
            cs = site.claims_by_source.get(sid, [])
            fs = {id(f) for c in cs for f in site.findings_by_claim.get(c.id, [])}
            rows.append(td(p.source(sid), esc(src.publisher), esc(words.day(src.published)) or "not printed",
                           esc(src.trust), str(len(cs)), str(len(fs))))
        body = ["# Sources\n", "The articles under analysis, each kept word for word. Each page shows the text with "
                "every claim’s quote highlighted, and what the checker found.\n",
                raw(table(["Title", "Publisher", "Published", "Trust", "Claims", "Findings"], rows, "kb-index"))]
        paths = [s.path for s in kb.sources.values()] + [c.path for c in kb.claims]
    elif kind == "entities":
        docs = [site.entity_slug[e] for e in sorted(kb.entities)]
        body = ["# Entities\n", "GPUs, models, organisations and the other things claims are about. A family’s page "
                "(the H100) shows its variants’ values too.\n"]
        kinds = Counter(e.kind for e in kb.entities.values())
        for k in sorted(kinds, key=lambda k: (-kinds[k], k)):
            rows = []
            for eid in sorted((e for e in kb.entities if kb.entities[e].kind == k), key=lambda e: site.entity_name(e).lower()):
                ent = kb.entities[eid]
                rows.append(td(p.entity(eid), esc(", ".join(a for a in ent.aliases if a != ent.name)),
                               p.entity(ent.family) if ent.family else "",
                               str(len(site.claims_by_entity.get(eid, []))), str(len(site.refs_by_entity.get(eid, [])))))
            body += [f"## {md(k.replace('-', ' ').capitalize())} ({kinds[k]})\n",
                     raw(folded(rows, ["Name", "Also called", "Variant of", "Claims", "References"], "kb-index",
                                40, f"more ({k.replace('-', ' ')})"))]
        paths = [e.path for e in kb.entities.values()] + [c.path for c in kb.claims] + [r.path for r in kb.references]
    else:
        docs = [site.property_slug[x] for x in sorted(kb.properties)]
        rows = []
        for pid in sorted(kb.properties, key=lambda x: site.property_name(x).lower()):
            prop = kb.properties[pid]
            unit_text = words.unit_name(prop.canonical_unit) or (f"the {prop.unit_from}’s unit" if prop.unit_from else "a category")
            rows.append(td(p.prop(pid), esc(unit_text),
                           esc(", ".join(site.terms.get(pid, []))), str(len(site.claims_by_property.get(pid, []))),
                           str(len(site.refs_by_property.get(pid, [])))))
        body = ["# Properties\n", "Everything a claim can state, with the unit its values are converted to. "
                "Each page charts every entity’s values and the claims made about them.\n",
                raw(table(["Name", "Unit", "Also searched as", "Claims", "References"], rows, "kb-index"))]
        paths = [x.path for x in kb.properties.values()] + [c.path for c in kb.claims] + [r.path for r in kb.references]
    toc = "```{toctree}\n:hidden:\n:maxdepth: 1\n\n" + "\n".join(docs) + "\n```\n"
    return "\n".join([front(site.updated(paths))] + body + [toc])


def page_notebooks(names: list[tuple[str, str]]) -> str:
    out = ["# Notebooks\n", "Analyses derived from the claims, rendered with their stored outputs (they are executed by "
           "`python -m kb.tools.notebooks run`, never by the site build). Open them in JupyterLab with `make lab`.\n"]
    if names:
        out.append("\n".join(f"- [{md(title)}]({stem}.ipynb)" for stem, title in names) + "\n")
        out.append("```{toctree}\n:hidden:\n:maxdepth: 1\n\n" + "\n".join(stem for stem, _ in names) + "\n```\n")
    else:
        out.append("No notebooks yet.\n")
    return "\n".join(out)


# ----------------------------------------------------------------------------- home and changelog


def page_summary(site: Site, report) -> str:
    c = report.counts
    lines = [
        f"- **{c['sources']}** [articles](generated/sources/index.md) with **{c['claims']:,}** "
        f"[claims](generated/claims.md) about **{c['entities']}** [GPUs, models and companies](generated/entities/index.md) "
        f"and **{c['properties']}** [properties](generated/properties/index.md)",
        f"- **{c['references']:,}** reference values with {len(site.kb.citations)} citations",
        f"- **{c['findings']}** [findings](generated/findings.md): {c['error']} errors, {c['warning']} warnings, "
        f"{c['info']} notes; {c['reviewed']} reviewed",
    ]
    reviewed = sum(1 for x in site.kb.claims if x.review is not None)
    lines.append(f"- **{reviewed}** claims reviewed by a curator, each published with a schema.org ClaimReview")
    return "\n".join(lines) + "\n"


def example_finding(site: Site):
    """A finding to show first: reviewed wrong, with a cause, against a reference."""
    def rank(f):
        x = f.comparisons[0] if f.comparisons else None
        wrong = any(r.verdict == "wrong" for r in f.reviews)
        return (not wrong, not f.causes, not (x and x.other_kind == "reference"), f.severity != "warning",
                -(x.factor or 0) if x and x.factor and x.factor < 1e6 else 0, f.sort_key())
    candidates = [f for f in site.findings if f.comparisons]
    return min(candidates, key=rank) if candidates else None


def page_home(site: Site, chart: dict | None) -> str:
    """The home page's headline chart and an example finding (included by docs/index.md)."""
    p = Page(site, Page.ROOT)
    out = []
    if chart:
        out.append("## How far off are the numbers?\n")
        out.append(raw(chart_html("home", chart, "Each dot is a claim, placed at how many times its nearest reference "
                                  "value it is (1: it agrees), coloured by a curator’s review. Hover for the claim; "
                                  "click a legend entry to hide or show it.",
                                  "Claims by how far they are from their nearest reference value")))
    f = example_finding(site)
    if f is not None:
        out.append("## An example\n")
        out.append(raw(f'<div class="kb-example">{p.finding(f)}'
                       f'<p><a href="{esc(p.href("findings.html"))}">All findings</a></p></div>'))
    return "\n".join(out)


def page_changelog(site: Site, changes: list[Change] | None) -> str:
    p = Page(site, "changelog.md")
    out = [front(changes[0].date if changes else None), "# Changes to the data\n",
           "Every change to the articles, claims, entities, properties and reference values, newest first, from the "
           "project’s history. Pages show the date their own data last changed.\n"]
    if changes is None:
        out.append(raw('<p class="kb-muted">This copy of the knowledge base has no history to read (it is not a git '
                       'clone), so no changes are listed and pages show no dates.</p>'))
        return "\n".join(out)
    by_src = {}
    for sid, src in site.kb.sources.items():
        by_src[f"claims/{sid}.yaml"] = sid
        by_src[src.path] = sid
        by_src[src.text_path] = sid
    kinds = {"datasets/entities/": "entities", "datasets/properties/": "properties",
             "datasets/references/": "reference values", "datasets/conditions.yaml": "conditions"}
    rows = []
    for ch in changes:
        srcs = sorted({by_src[f] for f in ch.files if f in by_src}, key=lambda s: site.source_title(s).lower())
        other = Counter()
        for f in ch.files:
            for prefix, what in kinds.items():
                if f.startswith(prefix):
                    stem = f.rsplit("/", 1)[-1].rsplit(".", 1)[0].replace("-", " ")
                    other[what if prefix.endswith(".yaml") else f"{what} ({stem})"] += 1
        touched = [p.source(s, 60) for s in srcs[:6]]
        if len(srcs) > 6:
            touched.append(f"{len(srcs) - 6} more articles")
        touched += [esc(k) for k in sorted(other)]
        rows.append(td(f'<time datetime="{esc(ch.date)}">{esc(words.day(ch.date))}</time>',
                       f'<q class="kb-commit">{esc(words.shorten(ch.subject, 220))}</q>', "<br>".join(touched)))
    out.append(raw(table(["Date", "Change", "What it touched"], rows, "kb-changes")))
    return "\n".join(out)
