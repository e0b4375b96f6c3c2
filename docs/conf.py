"""Sphinx configuration of the published site.

The pages under ``generated/`` are written by ``python -m kb.site build`` from the knowledge
base before Sphinx runs (they are git-ignored); everything here is static. The build is
deterministic: no timestamps, no build-dependent ids, stable ordering. The "last updated"
date of a page is the date its data last changed in the project's history (front matter
``kb-updated`` of a generated page; ``generated/_meta.json`` for the others), never the
date of the build.
"""

import html as _html
import json as _json
import os as _os
import re as _re

from docutils import nodes as _nodes

project = "AI-economics claims knowledge base"
author = "kb curators"
copyright = "kb curators"  # no year: the output must not depend on the build date
version = release = ""

#: The address the site is published at: canonical links, citations and the ClaimReview
#: URLs are absolute from it. `python -m kb.site build --base-url URL` overrides it.
html_baseurl = "https://kb.example.org/"

extensions = ["myst_nb"]

# MyST: plain CommonMark plus a few safe extensions. Untrusted text (source texts, quotes,
# titles) never reaches the Markdown parser unescaped: the site generator (kb/site/markup.py)
# emits it as escaped raw HTML or backslash-escaped text.
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 0

# Notebooks are executed by `python -m kb.tools.notebooks run` (only the stale ones); the site
# renders their stored outputs and never executes anything.
nb_execution_mode = "off"
nb_merge_streams = True

root_doc = "index"
# Texts from sources are shown exactly as written: no typographic quotes or dashes.
smartquotes = False
exclude_patterns = ["_build", "**/.ipynb_checkpoints", "generated/summary.md", "generated/schema.md",
                    "generated/home.md", "generated/_extra", "generated/_static"]
templates_path = ["_templates"]

_here = _os.path.dirname(_os.path.abspath(__file__))
_gen = _os.path.join(_here, "generated")

html_theme = "pydata_sphinx_theme"
html_title = "AI-economics claims KB"
html_static_path = ["_static"] + (["generated/_static"] if _os.path.isdir(_os.path.join(_gen, "_static")) else [])
# the downloads (data/datapackage.json, CSV, Parquet, per-page CSV/JSON) at the site's root
html_extra_path = ["generated/_extra"] if _os.path.isdir(_os.path.join(_gen, "_extra")) else []
html_css_files = ["kb.css"]
html_js_files = [("findings-filter.js", {"defer": "defer"}), ("kb-charts.js", {"defer": "defer"}),
                 ("kb-search.js", {"defer": "defer"})]
html_last_updated_fmt = None
# No general index page: the index entries (aliases, search words) serve the search, and a
# 3,000-entry A-Z page would be rewritten on every build.
html_use_index = False
html_copy_source = False
html_show_sourcelink = False
html_show_sphinx = False
html_context = {"default_mode": "light"}
html_theme_options = {
    "navbar_align": "left",
    "header_links_before_dropdown": 6,
    "show_prev_next": False,
    "navigation_with_keys": False,
    "secondary_sidebar_items": ["page-toc"],
    "article_footer_items": ["kb-page-footer.html"],
    "footer_start": ["copyright"],
    "footer_end": [],
    "search_bar_text": "Search GPUs, models, prices, TDP…",
    "search_as_you_type": True,
}
html_favicon = "_static/favicon.svg"
# Wide generated pages need the room: no left sidebar there (the navbar and the index pages
# lead to every page).
html_sidebars = {
    "index": [],
    "guide": [],
    "data-format": [],
    "checker": [],
    "generated/rules": [],
    "generated/cli": [],
    "generated/findings": [],
    "generated/claims": [],
    "generated/changelog": [],
    "generated/entities/*": [],
    "generated/properties/*": [],
}

# Sphinx indexes the text of the raw HTML blocks (tags and scripts stripped); the search
# page's ranking and snippets are tuned in _static/kb-search.js.


# ----------------------------------------------------------------------------- last updated, cite this

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _meta(app):
    path = _os.path.join(app.srcdir, "generated", "_meta.json")
    try:
        with open(path, encoding="utf-8") as fh:
            return _json.load(fh)
    except (OSError, ValueError):
        return {}


def _page_date(app, pagename, meta):
    d = (meta or {}).get("kb-updated") or _meta(app).get("dates", {}).get(pagename)
    return d if isinstance(d, str) and _re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) else None


def _bib(text):
    """Text for a BibTeX field: braces and the characters TeX treats specially escaped."""
    return _re.sub(r"([{}%&$#_\\])", r"\\\1", text)


def _footer(app, pagename, templatename, context, doctree):
    if pagename in ("search", "genindex") or not doctree:
        return
    date = _page_date(app, pagename, context.get("meta"))
    title_node = app.env.titles.get(pagename)
    title = " ".join((title_node.astext() if title_node is not None else pagename).split())
    base = (app.config.html_baseurl or "").rstrip("/")
    url = f"{base}/{pagename}.html" if base else ""
    site = app.config.project
    root = context.get("pathto")("index").rsplit("index.html", 1)[0] if context.get("pathto") else ""
    if date:
        y, m, d = (int(x) for x in date.split("-"))
        when = f"{d} {_MONTHS[m - 1]} {y}"
        updated = (f'<p class="kb-updated">Data on this page last changed on <time datetime="{date}">{when}</time> '
                   f'· <a href="{_html.escape(root)}generated/changelog.html">all changes</a></p>')
        apa_date, bib_date = f"{y}, {_MONTHS[m - 1]} {d}", f"  year = {{{y}}},\n  month = {_MONTHS[m - 1][:3].lower()},\n"
    else:
        updated = '<p class="kb-updated kb-muted">No history in this copy, so no date of the last change.</p>'
        apa_date, bib_date = "n.d.", ""
    key = "kb-" + _re.sub(r"[^a-z0-9]+", "-", pagename.lower()).strip("-")
    apa = f"kb curators. ({apa_date}). <em>{_html.escape(title)}</em>. {_html.escape(site)}." + (
        f" {_html.escape(url)}" if url else "")
    bibtex = (f"@misc{{{key},\n  author = {{{{kb curators}}}},\n  title = {{{{{_bib(title)}}}}},\n"
              f"  howpublished = {{{_bib(site)}}},\n{bib_date}" + (f"  url = {{{url}}},\n" if url else "")
              + (f"  note = {{Data last changed {date}}}\n" if date else "") + "}")
    context["kb_footer"] = (
        f'<div class="kb-page-footer">{updated}<details class="kb-cite"><summary>Cite this page</summary>'
        f'<p class="kb-cite-apa"><span class="kb-label">APA</span> {apa}</p>'
        f'<p class="kb-label">BibTeX</p><pre class="kb-cite-bibtex">{_html.escape(bibtex)}</pre>'
        f'<p class="kb-muted">The whole project: see <code>CITATION.cff</code> in its repository.</p></details></div>')


def _state_path(app):
    return _os.path.join(app.doctreedir, "kb-dates.json")


def _outdated(app, env, added, changed, removed):
    """Pages whose date (from _meta.json) changed since the last build are written again."""
    try:
        with open(_state_path(app), encoding="utf-8") as fh:
            old = _json.load(fh)
    except (OSError, ValueError):
        old = {}
    new = _meta(app).get("dates", {})
    return sorted(d for d in set(old) | set(new) if old.get(d) != new.get(d) and d in env.found_docs)


def _save_state(app, exc):
    if exc is None:
        _os.makedirs(app.doctreedir, exist_ok=True)
        with open(_state_path(app), "w", encoding="utf-8") as fh:
            _json.dump(_meta(app).get("dates", {}), fh, sort_keys=True)


# Sphinx pickles the environment before it writes the pages, and the search index's entries
# of index directives are collected while writing; its reload of the search index keeps
# titles and terms but not those entries. So after an incremental build every unchanged
# page would lose its index entries (the aliases and search words of kb/site/search.py).
# Keep them beside the doctrees and give them back before writing.
def _entries_path(app):
    return _os.path.join(app.doctreedir, "kb-index-entries.json")


def _restore_index_entries(app, env):
    entries = getattr(env, "_search_index_index_entries", None)
    if entries is None:
        return
    # Sphinx never prunes these entries when a page goes away (an entity removed): the pickled
    # environment would carry the gone page's entries into the search index, whose writing then
    # fails with a KeyError. Keep only the pages there are.
    for docname in [d for d in entries if d not in env.found_docs]:
        del entries[docname]
    try:
        with open(_entries_path(app), encoding="utf-8") as fh:
            saved = _json.load(fh)
    except (OSError, ValueError):
        return
    for docname, items in saved.items():
        if docname in env.found_docs and docname not in entries:
            entries[docname] = [tuple(x) for x in items]


def _save_index_entries(app, exc):
    entries = getattr(app.env, "_search_index_index_entries", None)
    if exc is None and entries is not None and app.builder.name == "html":
        with open(_entries_path(app), "w", encoding="utf-8") as fh:
            _json.dump({d: [list(x) for x in v] for d, v in sorted(entries.items()) if d in app.env.found_docs}, fh)


# An entity page of many properties folds the smaller ones into the rows of one table
# (kb/site/pages.py); a row carries its property's anchor and name (``data-kb-title``). The
# search index's titles (``alltitles``: what "H100 wattage" is matched against) come from
# section headings, so give each folded row a title there too, in a node that draws nothing.
_FOLDED_ROW = _re.compile(r'<tr id="(prop-[^"<>]+)" data-kb-title="([^"<>]*)">')


class _search_title(_nodes.Element):
    """A title for the search index only (its ``ids`` are the anchor it leads to)."""


def _skip(self, node):
    raise _nodes.SkipNode


def _folded_titles(app, doctree, docname):
    if app.builder.format != "html" or not docname.startswith("generated/entities/"):
        return
    found = []
    for node in doctree.findall(_nodes.raw):
        text = node.astext()
        if "data-kb-title" in text:
            found += _FOLDED_ROW.findall(text)
    for anchor, title in found:
        holder = _search_title(ids=[anchor])
        holder += _nodes.title(text=_html.unescape(title))
        doctree += holder


def setup(app):
    app.add_node(_search_title, html=(_skip, None))
    app.connect("doctree-resolved", _folded_titles)
    app.connect("env-updated", _restore_index_entries)
    app.connect("build-finished", _save_index_entries)
    app.connect("html-page-context", _footer)
    app.connect("env-get-outdated", _outdated)
    app.connect("build-finished", _save_state)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
