"""The chart on an entity's page: claimed vs reference values, drawn by matplotlib as a
deterministic SVG; named by the hash of its data and of :func:`draw_chart`'s code, so that
a chart is drawn only when one of them changed."""

from __future__ import annotations

import hashlib
import io
import math
from collections import defaultdict
from typing import Any

from kb.site.markup import axis_number
from kb.site.model import Site, interval


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
                                "row": site.cond_text(v.conditions, prop.conditions) or "(no conditions)",
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
                ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: axis_number(v)))
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
CHART_CODE = hashlib.sha256(_inspect.getsource(draw_chart).encode()).digest()
