"""Interactive charts: Plotly figures (plain JSON specs) drawn in the browser by the
plotly.js that the ``plotly`` Python package ships, copied once into the site's static
files (:data:`PLOTLY_JS`) and loaded only by pages that have a chart
(``docs/_static/kb-charts.js``). Hover shows each value, the mode bar zooms and pans, a
button switches between log and linear scales, the legend filters the series, and a menu
picks the property where a chart holds several.

What a chart plots is read from the site's model: values as stated (their intervals as
error bars), and, for claims, the :class:`~kb.core.findings.Comparison` the checker's
Comparer made (the home chart places each claim at its nearest comparison's factor, in its
direction). Nothing here decides what is compared with what. The specs are deterministic:
sorted, with no random ids, so a page changes only when its data does.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from pathlib import Path
from typing import Any

from kb.core.records import Claim, Value, date_of
from kb.site import words
from kb.site.markup import esc, json_script
from kb.site.model import Site

CLAIM_COLOUR = "#d62728"
PALETTE = ["#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#17becf", "#7f7f7f", "#bcbd22", "#e377c2", "#ff7f0e",
           "#393b79", "#637939", "#843c39"]
VERDICT_COLOUR = {"wrong": "#d62728", "dubious": "#ff7f0e", "correct": "#2ca02c", "unverifiable": "#7f7f7f",
                  None: "#1f77b4"}
CONFIG = {"responsive": True, "displaylogo": False, "scrollZoom": False,
          "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"]}


def plotly_js() -> Path:
    """plotly.min.js as the ``plotly`` package ships it (works offline)."""
    import importlib.util

    spec = importlib.util.find_spec("plotly")  # located, not imported (importing it is slow)
    if spec is None or spec.origin is None:
        raise FileNotFoundError("the plotly package is not installed (pip install plotly)")
    return Path(spec.origin).parent / "package_data" / "plotly.min.js"


def _num(x: float | None) -> float | None:
    if x is None or not math.isfinite(x):
        return None
    return float(f"{x:.6g}")


def _point(v: Value) -> tuple[float, float, float] | None:
    """(x, minus, plus): a value's representative point and its interval as error bars."""
    iv = v.interval
    if iv is None or v.categorical:
        return None
    lo, hi = iv.low, iv.high
    x = (lo + hi) / 2 if math.isfinite(hi) and lo > 0 else iv.mid  # the stated value of an exact or approximate one
    if not math.isfinite(x):
        return None
    minus = max(0.0, x - lo) if math.isfinite(lo) else 0.0
    plus = max(0.0, hi - x) if math.isfinite(hi) else 0.0
    return x, minus, plus


def _scale(xs: list[float]) -> str:
    pos = [x for x in xs if x and x > 0]
    return "log" if pos and len(pos) == len([x for x in xs if x is not None]) and max(pos) / min(pos) > 30 else "linear"


def _scale_menu(axis: str, current: str, x: float = 1.0) -> dict:
    """Buttons that switch an axis between a log and a linear scale."""
    buttons = [{"label": "Log scale", "method": "relayout", "args": [{f"{axis}.type": "log"}]},
               {"label": "Linear scale", "method": "relayout", "args": [{f"{axis}.type": "linear"}]}]
    return {"type": "buttons", "direction": "left", "showactive": True, "active": 0 if current == "log" else 1,
            "x": 0, "xanchor": "left", "y": 1, "yanchor": "bottom", "pad": {"r": 0, "t": 0, "b": 6},
            "buttons": buttons, "font": {"size": 11}}


def _claim_hover(site: Site, c: Claim) -> str:
    x = site.nearest(c)
    near = f"<br>nearest reference: {esc(x.text())}" if x is not None else ""
    cond = site.cond(c)
    return (f"<b>Claim</b>: {esc(site.stated(c))}<br>{esc(site.entity_name(c.entity))}"
            + (f" · {esc(cond)}" if cond else "") + f"<br>in {esc(words.shorten(site.source_title(c.source), 60))}{near}")


def _ref_hover(site: Site, r) -> str:
    cit = site.kb.citations.get(r.citation or "")
    cond = site.cond(r)
    when = f"<br>from {esc(words.day(r.valid_from))}" if r.valid_from else ""
    return (f"<b>{esc(site.entity_name(r.entity))}</b>: {esc(site.stated(r))}" + (f"<br>{esc(cond)}" if cond else "")
            + (f"<br>{esc(cit.publisher)}" if cit is not None and cit.publisher else "") + when)


def _trace(name: str, xs, ys, hover, colour: str, symbol: str, minus=None, plus=None, size: int = 8,
           horizontal: bool = True, visible: bool = True, mode: str = "markers") -> dict:
    t: dict[str, Any] = {"type": "scatter", "mode": mode, "name": name, "x": xs, "y": ys, "hovertext": hover,
                         "hoverinfo": "text", "marker": {"color": colour, "symbol": symbol, "size": size,
                                                          "line": {"width": 0.5, "color": "#333"}}}
    if minus is not None and any(m or p for m, p in zip(minus, plus)):
        t["error_x" if horizontal else "error_y"] = {"type": "data", "symmetric": False, "array": plus,
                                                     "arrayminus": minus, "thickness": 1.2, "width": 3,
                                                     "color": colour}
    if not visible:
        t["visible"] = False
    return t


def _layout(height: int, xtitle: str, xtype: str, **extra) -> dict:
    # the legend is shown even for one series: it says what the marks are, and filters them
    lay = {"height": height, "margin": {"l": 10, "r": 10, "t": 48, "b": 10}, "hovermode": "closest", "showlegend": True,
           "xaxis": {"title": {"text": xtitle}, "type": xtype, "automargin": True, "zeroline": False},
           "yaxis": {"automargin": True, "type": "category"},
           "legend": {"orientation": "h", "yanchor": "top", "y": -round(min(0.3, 56 / max(height - 120, 100)), 3), "x": 0},
           "font": {"family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "size": 12},
           "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "#fafafa"}
    lay.update(extra)
    return lay


# ----------------------------------------------------------------------------- entity pages


def entity_chart(site: Site, eid: str) -> dict | None:
    """Claims against reference values for an entity (and its variants): one panel per
    property, chosen from a menu; one row per set of conditions."""
    targets = site.targets(eid)
    names = [t for t in targets if t in site.kb.entities]
    colour = {e: PALETTE[i % len(PALETTE)] for i, e in enumerate(names)}
    panels: dict[str, dict] = {}
    for kind, values in (("claim", [c for t in targets for c in site.claims_by_entity.get(t, [])]),
                         ("ref", [r for t in targets for r in site.refs_by_entity.get(t, [])])):
        for v in values:
            pt = _point(v)
            prop = site.kb.properties.get(v.property or "")
            if pt is None or prop is None:
                continue
            # one panel per property and unit: a difference is in the unit of what it compares
            key = v.property if prop.canonical_unit else f"{v.property} {v.interval.unit}"
            panel = panels.setdefault(key, {"name": prop.name, "unit": v.interval.unit, "claim": [], "ref": []})
            panel[kind].append((v, pt, site.cond(v) or "as stated"))
    if not panels:
        return None
    order = sorted(panels, key=lambda k: (-len(panels[k]["claim"]), -len(panels[k]["ref"]), panels[k]["name"]))
    traces, groups, menus = [], [], []
    for i, pid in enumerate(order):
        p = panels[pid]
        first = i == 0
        idx = []
        rows = sorted({row for _, _, row in p["claim"] + p["ref"]})
        series: dict[str, list] = defaultdict(list)
        for v, pt, row in sorted(p["ref"], key=lambda t: (t[2], t[0].entity or "", t[0].id)):
            series[v.entity].append((v, pt, row))
        for e in sorted(series, key=lambda e: names.index(e) if e in names else len(names)):
            pts = series[e]
            idx.append(len(traces))
            traces.append(_trace(f"Reference: {site.entity_name(e)}", [_num(pt[0]) for _, pt, _ in pts],
                                 [row for _, _, row in pts], [_ref_hover(site, v) for v, _, _ in pts],
                                 colour.get(e, PALETTE[0]), "circle", [_num(pt[1]) for _, pt, _ in pts],
                                 [_num(pt[2]) for _, pt, _ in pts], 8, visible=first))
        if p["claim"]:
            pts = sorted(p["claim"], key=lambda t: (t[2], t[0].id))
            idx.append(len(traces))
            traces.append(_trace("Claim", [_num(pt[0]) for _, pt, _ in pts], [row for _, _, row in pts],
                                 [_claim_hover(site, v) for v, _, _ in pts], CLAIM_COLOUR, "diamond",
                                 [_num(pt[1]) for _, pt, _ in pts], [_num(pt[2]) for _, pt, _ in pts], 10,
                                 visible=first))
        xs = [pt[0] for _, pt, _ in p["claim"] + p["ref"]]
        groups.append((pid, p, idx, rows, _scale(xs)))
    height = lambda rows: max(260, 110 + 24 * len(rows))  # noqa: E731
    pid0, p0, _, rows0, scale0 = groups[0]
    layout = _layout(height(rows0), "", scale0,
                     title={"text": f'{p0["name"]} ({words.unit_name(p0["unit"])})', "x": 1, "xanchor": "right",
                            "font": {"size": 14}})
    layout["yaxis"]["categoryorder"] = "array"
    layout["yaxis"]["categoryarray"] = rows0
    menus.append(_scale_menu("xaxis", scale0))
    if len(groups) > 1:
        buttons = []
        for pid, p, idx, rows, scale in groups:
            vis = [j in idx for j in range(len(traces))]
            buttons.append({"label": words.shorten(f'{p["name"]} ({words.unit_name(p["unit"])})', 48),
                            "method": "update",
                            "args": [{"visible": vis},
                                     {"title.text": "",
                                      "xaxis.type": scale, "yaxis.categoryarray": rows, "height": height(rows)}]})
        menus.append({"type": "dropdown", "x": 0, "xanchor": "left", "y": 1, "yanchor": "bottom",
                      "buttons": buttons, "active": 0, "showactive": True, "font": {"size": 11},
                      "pad": {"t": 0, "r": 0, "b": 40}})
        layout["title"]["text"] = ""
        layout["margin"]["t"] = 84
    layout["updatemenus"] = menus
    return {"data": traces, "layout": layout, "config": CONFIG}


# ----------------------------------------------------------------------------- property pages


def property_charts(site: Site, pid: str) -> list[tuple[str, str, dict]]:
    """(id, caption, spec) of each chart a property page shows: every entity's values
    (claims against references); over time where the values are dated; by GPU generation
    (architecture) where the entities have one."""
    prop = site.kb.properties[pid]
    refs = [(r, _point(r)) for r in site.refs_by_property.get(pid, [])]
    refs = [(r, pt) for r, pt in refs if pt is not None and r.entity in site.kb.entities]
    claims = [(c, _point(c)) for c in site.claims_by_property.get(pid, [])]
    claims = [(c, pt) for c, pt in claims if pt is not None and c.entity in site.kb.entities]
    if not refs and not claims:
        return []
    unit = (refs or claims)[0][0].interval.unit
    if any(v.interval.unit != unit for v, _ in (*refs, *claims)):
        return []  # values in several units (a difference of GB, another of TWh): no common axis
    out = []
    out.append(("values", f"Every entity’s {words.lower_first(prop.name)}: reference values (circles, coloured by conditions) "
                "and the claims articles make (red diamonds); bars show a value’s range. Hover for details; "
                "click a legend entry to hide or show it.", _by_entity(site, refs, claims, unit)))
    dated = _dated(site, refs, claims)
    if len({d for d, _, _, _ in dated}) >= 3 and len(dated) >= 5:
        out.append(("time", f"{prop.name} over time: reference values by the date they hold from, claims by the "
                    "date they speak for (or their article’s date).", _over_time(site, dated, unit)))
    gen = _by_architecture(site, refs, unit)
    if gen is not None:
        out.append(("generation", f"{prop.name} by GPU generation (architecture), from the reference values; "
                    "generations in the order of their first dated value.", gen))
    return out


def _by_entity(site: Site, refs, claims, unit: str) -> dict:
    ents: dict[str, list[float]] = defaultdict(list)
    for v, pt in refs + claims:
        ents[v.entity].append(pt[0])
    order = sorted(ents, key=lambda e: (sorted(ents[e])[len(ents[e]) // 2], site.entity_name(e)))
    rows = [site.entity_name(e) for e in order]
    conds: dict[str, list] = defaultdict(list)
    for r, pt in sorted(refs, key=lambda t: (t[0].entity or "", t[0].id)):
        conds[site.cond(r) or "as stated"].append((r, pt))
    common = sorted(conds, key=lambda k: (-len(conds[k]), k))
    keep, rest = common[:8], common[8:]
    traces = []
    for i, k in enumerate(keep + (["other conditions"] if rest else [])):
        pts = conds[k] if k in conds else [x for o in rest for x in conds[o]]
        traces.append(_trace(f"Reference: {k}", [_num(pt[0]) for _, pt in pts],
                             [site.entity_name(r.entity) for r, _ in pts], [_ref_hover(site, r) for r, _ in pts],
                             PALETTE[i % len(PALETTE)], "circle", [_num(pt[1]) for _, pt in pts],
                             [_num(pt[2]) for _, pt in pts], 7))
    if claims:
        pts = sorted(claims, key=lambda t: t[0].id)
        traces.append(_trace("Claim", [_num(pt[0]) for _, pt in pts], [site.entity_name(c.entity) for c, _ in pts],
                             [_claim_hover(site, c) for c, _ in pts], CLAIM_COLOUR, "diamond",
                             [_num(pt[1]) for _, pt in pts], [_num(pt[2]) for _, pt in pts], 9))
    scale = _scale([pt[0] for _, pt in refs + claims])
    layout = _layout(min(2400, max(280, 110 + 20 * len(rows))), "", scale)
    layout["yaxis"].update({"categoryorder": "array", "categoryarray": rows})
    layout["updatemenus"] = [_scale_menu("xaxis", scale)]
    return {"data": traces, "layout": layout, "config": CONFIG}


def _dated(site: Site, refs, claims) -> list[tuple[str, Value, tuple, str]]:
    """(date, value, point, kind) of every value with a date: a reference's ``valid_from``,
    a claim's ``as_of`` or its article's publication date."""
    out = []
    for r, pt in refs:
        d = date_of(r.valid_from)
        if d is not None:
            out.append((d.isoformat(), r, pt, "ref"))
    for c, pt in claims:
        src = site.kb.sources.get(c.source or "")
        d = date_of(c.as_of) or (date_of(src.published) if src is not None else None)
        if d is not None:
            out.append((d.isoformat(), c, pt, "claim"))
    return sorted(out, key=lambda t: (t[0], t[1].id))


def _group_of(site: Site, eid: str | None) -> str:
    """Who a value's entity belongs to, for colours: its vendor, else its family, else itself."""
    ent = site.kb.entities.get(eid or "")
    if ent is None:
        return "other"
    if ent.vendor:
        return site.entity_name(ent.vendor)
    if ent.family:
        return site.entity_name(ent.family)
    return ent.name


def _over_time(site: Site, dated, unit: str) -> dict:
    groups: dict[str, list] = defaultdict(list)
    claims = []
    for d, v, pt, kind in dated:
        (claims if kind == "claim" else groups[_group_of(site, v.entity)]).append((d, v, pt))
    common = sorted(groups, key=lambda k: (-len(groups[k]), k))
    keep, rest = common[:10], common[10:]
    traces = []
    for i, k in enumerate(keep + (["others"] if rest else [])):
        pts = groups[k] if k in groups else sorted((x for o in rest for x in groups[o]), key=lambda t: (t[0], t[1].id))
        traces.append(_trace(k, [d for d, _, _ in pts], [_num(pt[0]) for _, _, pt in pts],
                             [_ref_hover(site, v) for _, v, _ in pts], PALETTE[i % len(PALETTE)], "circle",
                             [_num(pt[1]) for _, _, pt in pts], [_num(pt[2]) for _, _, pt in pts], 7,
                             horizontal=False))
    if claims:
        traces.append(_trace("Claim", [d for d, _, _ in claims], [_num(pt[0]) for _, _, pt in claims],
                             [_claim_hover(site, v) for _, v, _ in claims], CLAIM_COLOUR, "diamond",
                             [_num(pt[1]) for _, _, pt in claims], [_num(pt[2]) for _, _, pt in claims], 9,
                             horizontal=False))
    scale = _scale([pt[0] for _, _, pt, _ in dated])
    layout = _layout(440, "", "date")
    layout["yaxis"] = {"title": {"text": words.unit_name(unit)}, "type": scale, "automargin": True}
    layout["updatemenus"] = [_scale_menu("yaxis", scale)]
    return {"data": traces, "layout": layout, "config": CONFIG}


def _by_architecture(site: Site, refs, unit: str) -> dict | None:
    arch: dict[str, list] = defaultdict(list)
    for r, pt in refs:
        ent = site.kb.entities.get(r.entity or "")
        if ent is not None and ent.architecture:
            arch[ent.architecture].append((r, pt))
    if len(arch) < 2:
        return None
    first: dict[str, str] = {}
    for a in arch:  # the first date any value of the architecture's entities holds from
        members = {e for e, ent in site.kb.entities.items() if ent.architecture == a}
        dates = [date_of(r.valid_from) for m in members for r in site.refs_by_entity.get(m, []) if r.valid_from]
        dates = [d.isoformat() for d in dates if d is not None]
        first[a] = min(dates) if dates else "9999"
    median = {a: sorted(pt[0] for _, pt in arch[a])[len(arch[a]) // 2] for a in arch}
    order = sorted(arch, key=lambda a: (first[a], median[a], site.entity_name(a)))
    cats = [site.entity_name(a) for a in order]
    pts = sorted((x for a in order for x in arch[a]), key=lambda t: (t[0].entity or "", t[0].id))
    trace = _trace("Reference", [site.entity_name(site.kb.entities[r.entity].architecture) for r, _ in pts],
                   [_num(pt[0]) for _, pt in pts], [_ref_hover(site, r) for r, _ in pts], PALETTE[0], "circle",
                   [_num(pt[1]) for _, pt in pts], [_num(pt[2]) for _, pt in pts], 8, horizontal=False)
    scale = _scale([pt[0] for _, pt in pts])
    layout = _layout(400, "", "category")
    layout["xaxis"].update({"categoryorder": "array", "categoryarray": cats})
    layout["yaxis"] = {"title": {"text": words.unit_name(unit)}, "type": scale, "automargin": True}
    layout["updatemenus"] = [_scale_menu("yaxis", scale)]
    layout["showlegend"] = False
    return {"data": [trace], "layout": layout, "config": CONFIG}


# ----------------------------------------------------------------------------- the home page


def home_chart(site: Site) -> dict | None:
    """Every numeric claim placed at how far it is from its nearest reference value (the
    Comparer's factor, in its direction), one row per property, coloured by its review."""
    rows: dict[str, list] = defaultdict(list)
    for c in sorted(site.kb.claims, key=lambda c: c.id):
        x = site.nearest(c) if not c.categorical else None
        if x is None or x.factor is None or not math.isfinite(x.factor):
            continue
        pos = 1.0 if x.agrees else (x.factor if x.direction == "above" else 1 / x.factor)
        rows[c.property].append((c, x, pos))
    if not rows:
        return None
    props = sorted(rows, key=lambda p: (-len(rows[p]), site.property_name(p)))[:14]
    props.reverse()
    by_verdict: dict[Any, list] = defaultdict(list)
    for i, p in enumerate(props):
        for c, x, pos in rows[p]:
            jitter = (int(hashlib.sha256(c.id.encode()).hexdigest()[:6], 16) / 0xFFFFFF - 0.5) * 0.6
            by_verdict[c.review.verdict if c.review else None].append((c, x, pos, i + jitter))
    traces = []
    for verdict in ("wrong", "dubious", "correct", "unverifiable", None):
        pts = by_verdict.get(verdict)
        if not pts:
            continue
        name = f"reviewed: {verdict}" if verdict else "not reviewed"
        hover = [f"<b>{esc(site.claim_label(c))}</b><br>in {esc(words.shorten(site.source_title(c.source), 60))}"
                 f"<br>{esc(x.text())} the nearest reference" for c, x, _, _ in pts]
        traces.append({"type": "scatter", "mode": "markers", "name": name, "x": [_num(pos) for _, _, pos, _ in pts],
                       "y": [round(y, 4) for _, _, _, y in pts], "hovertext": hover, "hoverinfo": "text",
                       "marker": {"color": VERDICT_COLOUR[verdict], "size": 7, "opacity": 0.8,
                                  "line": {"width": 0.5, "color": "#333"}}})
    layout = _layout(max(360, 70 + 34 * len(props)), "times the nearest reference value (1 = agrees)", "log")
    layout["yaxis"] = {"tickmode": "array", "tickvals": list(range(len(props))),
                       "ticktext": [site.property_name(p) for p in props], "automargin": True,
                       "range": [-0.6, len(props) - 0.4], "zeroline": False}
    layout["xaxis"]["tickvals"] = [0.001, 0.01, 0.1, 1, 10, 100, 1000]
    layout["xaxis"]["ticktext"] = ["1/1000", "1/100", "1/10", "1", "10×", "100×", "1000×"]
    layout["shapes"] = [{"type": "line", "x0": 1, "x1": 1, "yref": "paper", "y0": 0, "y1": 1,
                         "line": {"color": "#888", "width": 1, "dash": "dot"}}]
    return {"data": traces, "layout": layout, "config": CONFIG}


# ----------------------------------------------------------------------------- HTML


def chart_html(ident: str, spec: dict, caption: str, label: str) -> str:
    """A chart's container and its spec (JSON in a script element that cannot close early);
    ``docs/_static/kb-charts.js`` draws it. Without JavaScript the caption and the tables
    below it remain."""
    height = spec.get("layout", {}).get("height", 400)
    return (f'<figure class="kb-figure"><div class="kb-plot" id="plot-{esc(ident)}" data-spec="spec-{esc(ident)}" '
            f'role="img" aria-label="{esc(label)}" style="min-height:{int(height)}px"></div>'
            f'<script type="application/json" id="spec-{esc(ident)}">{json_script(spec, compact=True)}</script>'
            f'<figcaption class="kb-muted">{esc(caption)}</figcaption></figure>')
