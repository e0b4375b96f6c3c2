"""The other generated pages: one per entity and property, the claims table, the findings
report, the rules and CLI references, the index pages, the notebooks index and the summary."""

from __future__ import annotations

from collections import Counter

from kb.core.catalogue import RULES
from kb.core.text import interval_text
from kb.site.markup import dl, esc, fence, frag, md, raw, table, td, verdict_badge, verdict_html
from kb.site.model import Page, Site, canonical_text, interval
from kb.site.sourcepage import reference_list


def page_entity(site: Site, eid: str, chart: str | None) -> str:
    kb = site.kb
    ent = kb.entities[eid]
    p = Page(site, f"entities/{site.entity_slug[eid]}.md")
    targets = site.targets(eid)
    claims = sorted((c for t in targets for c in site.claims_by_entity.get(t, [])), key=lambda c: (c.property or "", c.id))
    refs = sorted((r for t in targets for r in site.refs_by_entity.get(t, [])),
                  key=lambda r: (r.property or "", r.entity or "", site.cond_text(r.conditions), r.id))
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
            verdict = c.review.verdict if c.review else None
            conds = site.cond_text(c.conditions, prop.conditions if prop else ())
            rows.append(f'<tr id="claim-{esc(c.id)}">' + "".join(f"<td>{x}</td>" for x in (
                p.claim(c.id) + '<br><span class="kb-muted">in </span>' + p.a(site.t_source(c.source), c.source, "kb-id kb-muted"),
                p.prop(c.property) + (f"<br>of {p.entity(c.entity)}" if c.entity != eid else ""),
                f"<strong>{esc(c.display())}</strong>" + (f'<br><span class="kb-muted">{esc(conds)}</span>' if conds else "")
                + (f'<br><span class="kb-muted">= {esc(canonical_text(c))}</span>' if interval(c) else ""),
                reference_list(site, p, c),
                verdict_badge(verdict) + "".join(f'<div class="kb-finding-brief">{p.finding_brief(f)}</div>' for f in fs),
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
                esc(site.cond_text(r.conditions, prop.conditions if prop else ())),
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
        spec = kb.conditions.get(k)
        if spec is None:
            conds.append(f"<li><code>{esc(k)}</code></li>")
            continue
        allowed = list(spec.values or spec.examples or ([f"an entity id ({spec.values_from})"] if spec.values_from else []))
        conds.append(f"<li><code>{esc(k)}</code>: {esc(spec.description)}"
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
        rows = [td(esc(pl.kind) + (f" ({esc(site.cond_text(pl.conditions))})" if pl.conditions else ""), esc(pl.text),
                   esc(interval_text((pl.low, pl.high), prop.canonical_unit)), esc(pl.rationale))
                for pl in sorted(prop.plausible, key=lambda pl: (pl.kind, sorted(pl.conditions.items())))]
        out.append(raw(table(["Entity kind", "Range", "Canonical", "Rationale"], rows)))
    else:
        out.append(raw('<p class="kb-muted">No plausible range (categorical, or not yet set).</p>'))
    claims = sorted(site.claims_by_property.get(pid, []), key=lambda c: (c.entity or "", c.id))
    out.append("## Claims\n")
    if claims:
        rows = [td(p.claim(c.id), p.entity(c.entity), esc(site.cond_text(c.conditions, prop.conditions)), esc(c.display()),
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
        verdict = c.review.verdict if c.review else None
        rows.append(f'<tr id="claim-{esc(c.id)}">' + "".join(f"<td>{x}</td>" for x in (
            p.claim(c.id),
            p.a(site.t_source(c.source), c.source),
            p.entity(c.entity),
            p.prop(c.property),
            esc(site.cond_text(c.conditions, prop.conditions if prop else ())),
            esc(c.display()),
            esc(canonical_text(c)),
            f"<q>{esc(c.quote)}</q>",
            verdict_badge(verdict),
            " ".join(p.a(site.t_finding(f), f.code, f"kb-sev kb-sev-{f.severity}") for f in fs),
        )) + "</tr>")
    intro = (f"All {len(site.kb.claims)} curated claims, one row per claim, as `kb export` writes them. "
             "Each claim links to its entry on its source's page, where its quote is highlighted.\n")
    return "\n".join(["# Claims\n", intro, raw(table(
        ["Claim", "Source", "Entity", "Property", "Conditions", "Stated", "Canonical", "Quote", "Review", "Findings"], rows, "kb-claims"))])


def page_findings(site: Site, report) -> str:
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
        kind = f.kind
        where = f.where
        rows.append(
            f'<tr id="{esc(site.finding_ids[id(f)])}" data-code="{esc(f.code)}" data-severity="{esc(f.severity)}" '
            f'data-reviewed="{"yes" if f.reviewed else "no"}" data-kind="{esc(kind)}">'
            + "".join(f"<td>{x}</td>" for x in (
                str(i),
                f'<span class="kb-sev kb-sev-{esc(f.severity)}">{esc(f.severity)}</span>',
                p.a(f"rules.html#rule-{frag(f.code)}", f.code),
                (verdict_html(f) if f.reviewed else ("not reviewed" if kind == "content" else "")),
                f"<code>{esc(where)}</code>",
                esc(f.message) + (f'<br><span class="kb-cause">Likely cause: {esc(f.likely_cause)}</span>' if f.likely_cause else "")
                + (p.evidence(f) if f.comparisons else ""),
                ", ".join(p.ident(x) for x in f.claims),
            )) + "</tr>")
    body = controls + table(["#", "Severity", "Code", "Review", "Where", "Finding", "Involves"], rows, "kb-findings",
                            ' id="kb-findings"')
    if not fs:
        body += '<p class="kb-muted">The checker found nothing.</p>'
    return "\n".join(["# Findings report\n", summary, raw(body)])


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
                           esc(", ".join(prop.conditions)), esc(", ".join(sorted({pl.kind for pl in prop.plausible}))),
                           str(len(site.claims_by_property.get(pid, [])))))
        body = ["# Property vocabulary\n", "Every property a claim can state, with its canonical unit, the conditions "
                "that change its meaning, and its plausible range per entity kind.\n",
                raw(table(["Name", "Id", "Canonical unit", "Conditions", "Plausible for", "Claims"], rows))]
    toc = "```{toctree}\n:hidden:\n:maxdepth: 1\n\n" + "\n".join(docs) + "\n```\n"
    return "\n".join(body + [toc])


def page_notebooks(names: list[tuple[str, str]]) -> str:
    out = ["# Notebooks\n", "Analyses derived from the claims, rendered with their stored outputs (they are executed by "
           "`python -m kb.tools.notebooks run`, never by the site build). Open them in JupyterLab with `make lab`.\n"]
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
    reviewed = sum(1 for x in site.kb.claims if x.review is not None)
    lines.append(f"- **{reviewed}** reviewed claims, each published with a schema.org ClaimReview")
    return "\n".join(lines) + "\n"
