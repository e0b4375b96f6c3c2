"""Sphinx configuration of the published site.

The pages under ``generated/`` are written by ``python -m kb.site build`` from the knowledge
base before Sphinx runs (they are git-ignored); everything here is static. The build is
deterministic: no timestamps, no build-dependent ids, stable ordering.
"""

project = "AI-economics claims knowledge base"
author = "kb curators"
copyright = "kb curators"  # no year: the output must not depend on the build date
version = release = ""

extensions = ["myst_nb"]

# MyST: plain CommonMark plus a few safe extensions. Untrusted text (source texts, quotes,
# titles) never reaches the Markdown parser unescaped: the site generator (kb/markup.py)
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
exclude_patterns = ["_build", "**/.ipynb_checkpoints", "generated/summary.md", "generated/schema.md"]
templates_path = ["_templates"]

html_theme = "pydata_sphinx_theme"
html_title = "AI-economics claims KB"
html_static_path = ["_static"]
html_css_files = ["kb.css"]
html_js_files = [("findings-filter.js", {"defer": "defer"})]
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False
html_show_sphinx = False
html_context = {"default_mode": "light"}
html_theme_options = {
    "navbar_align": "left",
    "header_links_before_dropdown": 7,
    "show_prev_next": False,
    "navigation_with_keys": False,
    "secondary_sidebar_items": ["page-toc"],
    "footer_start": ["copyright"],
    "footer_end": [],
    "search_bar_text": "Search claims, sources, entities…",
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
    "generated/entities/*": [],
    "generated/properties/*": [],
}

# Let the search index include the (escaped, tag-stripped) raw HTML of the generated pages:
# Sphinx indexes raw HTML content by default; nothing to configure.
