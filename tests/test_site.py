"""The published site: generated pages, escaping, incremental and deterministic builds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import sitefixture
from kb.site import build as site
from kb.store.load import load

ROOT = sitefixture.ROOT

# myst-parser uses Sphinx APIs deprecated for Sphinx 11: not ours to fix, and not a site warning.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::PendingDeprecationWarning")


# ----------------------------------------------------------------------------- escaping (fast)


def test_md_escapes_every_markdown_and_html_character():
    text = "<script>x</script> *a* _b_ `c` [d](javascript:x) {raw}`html` $m$ # h\n- item & &amp;"
    out = site.md(text)
    assert "\n" not in out
    for ch in "<>*_`[](){}$#&-":
        assert re.search(r"(?<!\\)" + re.escape(ch), out) is None, ch
    assert out.replace("\\", "") == " ".join(text.split()).replace("\\", "")


def test_esc_leaves_no_markup_and_no_backticks():
    out = site.esc('<img src=x onerror="a()"> ` \' &')
    assert "<" not in out and ">" not in out and '"' not in out and "`" not in out and "'" not in out
    assert "&amp;" in out


def test_json_script_cannot_close_its_element():
    data = {"q": "</script><script>alert(1)</script> <!-- & \u2028"}
    out = site.json_script(data)
    assert "<" not in out and ">" not in out and "&" not in out and "\u2028" not in out
    assert json.loads(out) == data


@pytest.mark.parametrize("url,ok", [
    ("https://example.com/a?b=c", True), ("http://x.org", True), ("javascript:alert(1)", False),
    (" JAVASCRIPT:alert(1)", False), ("data:text/html,<script>", False), ("//evil.com", False),
    ("/relative", False), (None, False), ("", False),
])
def test_safe_url_allows_http_only(url, ok):
    assert (site.safe_url(url) is not None) is ok


def test_slug_is_safe_and_stable():
    assert site.slug("nvidia-h100") == "nvidia-h100"
    assert site.slug("claude-3.5") == "claude-3.5"
    for bad in ("../../etc/passwd", "a/b", "index", "x y", "<script>", ".hidden", "end."):
        s = site.slug(bad)
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", s) and "/" not in s and s != "index"
        assert s == site.slug(bad)
    assert site.slug("a/b") != site.slug("a?b")


def test_raw_refuses_backticks():
    with pytest.raises(AssertionError):
        site.raw("<p>```</p>")


# ----------------------------------------------------------------------------- generated pages (fast)


@pytest.fixture(scope="module")
def hostile_kb(tmp_path_factory) -> Path:
    return sitefixture.write_hostile_kb(tmp_path_factory.mktemp("hostile") / "kb")


@pytest.fixture(scope="module")
def hostile_pages(hostile_kb, tmp_path_factory) -> Path:
    gen = tmp_path_factory.mktemp("gen")
    site.generate(hostile_kb, gen)
    return gen


def test_untrusted_text_never_reaches_markdown_unescaped(hostile_pages):
    page = (hostile_pages / "sources" / f"{sitefixture.SOURCE_ID}.md").read_text()
    assert "<script>window" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    # the title is a heading of backslash-escaped text: no raw HTML, no fence, no emphasis
    title = page.splitlines()[0]
    assert title.startswith("# ") and "\\<script\\>" in title and "\\`\\`\\`" in title and "\\*tokens\\*" in title
    # the only fences are the generator's own
    assert all(line in ("```{raw} html", "```") for line in page.splitlines() if line.startswith("```"))
    for path in hostile_pages.rglob("*.md"):
        text = path.read_text()
        assert "<script>window" not in text and "onerror=\"window" not in text, path
        assert "javascript:" not in re.sub(r"&[a-z#0-9]+;", "", " ".join(re.findall(r'href="([^"]*)"', text))), path


def test_quotes_are_highlighted_by_offsets_with_overlaps(hostile_kb, hostile_pages):
    page = (hostile_pages / "sources" / f"{sitefixture.SOURCE_ID}.md").read_text()
    for cid in sitefixture.QUOTES:
        assert f'id="quote-{cid}"' in page and f'id="claim-{cid}"' in page
    # the overlap ("H100 SXM") is one segment marked for both claims
    assert re.search(r'data-claims="fx-h100-sxm-(vendor fx-h100-sxm-tdp|tdp fx-h100-sxm-vendor)"[^>]*>H100 SXM</mark>', page)
    # the marked text, tags stripped and entities decoded, is the source text unchanged
    import html as _html

    block = page.split('<div class="kb-source-text">', 1)[1].split("</div>", 1)[0]
    text = re.sub(r"\[\d+\]", "", _html.unescape(re.sub(r"<[^>]+>", "", block)))
    assert text == sitefixture.SOURCE_TEXT


def test_pages_exist_for_every_source_entity_property(hostile_kb, hostile_pages):
    kb = load(hostile_kb)
    for sid in kb.sources:
        assert (hostile_pages / "sources" / f"{site.slug(sid)}.md").is_file()
    for eid in kb.entities:
        assert (hostile_pages / "entities" / f"{site.slug(eid)}.md").is_file()
    for pid in kb.properties:
        assert (hostile_pages / "properties" / f"{site.slug(pid)}.md").is_file()
    for name in ("claims.md", "findings.md", "rules.md", "cli.md", "summary.md", "notebooks/index.md",
                 "notebooks/fixture_notebook.ipynb"):
        assert (hostile_pages / name).is_file(), name


def test_rules_and_cli_references_are_generated_from_the_code(hostile_pages):
    from kb.cli import main
    from kb.core.intervals import TOLERANCES
    from kb.core.catalogue import RULES

    rules = (hostile_pages / "rules.md").read_text()
    for rid, r in RULES.items():
        assert f"(rule-{rid})=" in rules and r.summary.split("`")[0][:30] in rules
    for q in TOLERANCES:
        assert f"`{q}`" in rules
    cli = (hostile_pages / "cli.md").read_text()
    for name, cmd in main.commands.items():
        assert f"## `kb {name}`" in cli
        for p in cmd.params:
            for opt in getattr(p, "opts", []):
                if opt.startswith("-"):
                    assert f"`{opt}`" in cli, (name, opt)


def test_findings_report_rows_carry_filter_attributes(hostile_pages):
    page = (hostile_pages / "findings.md").read_text()
    rows = re.findall(r"<tr id=\"f-[a-z0-9-]+\" data-code=\"([a-z-]+)\" data-severity=\"(error|warning|info)\" "
                      r"data-reviewed=\"(yes|no)\"", page)
    assert rows, "no finding rows"
    assert ("contradicts-reference", "warning", "yes") in rows or any(r[0] == "contradicts-reference" for r in rows)
    assert 'id="kb-findings-filters" hidden' in page


def test_second_generation_rewrites_nothing(hostile_kb, tmp_path):
    gen = tmp_path / "generated"
    first = site.generate(hostile_kb, gen)
    assert first["written"] > 0
    before = {p: p.stat().st_mtime_ns for p in gen.rglob("*") if p.is_file()}
    second = site.generate(hostile_kb, gen)
    assert second == {"written": 0, "unchanged": first["written"], "removed": 0, "charts_drawn": 0}
    assert before == {p: p.stat().st_mtime_ns for p in gen.rglob("*") if p.is_file()}


def test_a_changed_claim_rewrites_only_the_pages_that_show_it(hostile_kb, tmp_path):
    import shutil

    kb_root = tmp_path / "kb"
    shutil.copytree(hostile_kb, kb_root)
    gen = tmp_path / "generated"
    site.generate(kb_root, gen)
    before = {p.relative_to(gen).as_posix(): p.read_bytes() for p in gen.rglob("*") if p.is_file()}
    path = kb_root / "claims" / f"{sitefixture.SOURCE_ID}.yaml"
    path.write_text(path.read_text().replace("value: 700", "value: 750", 1))
    stats = site.generate(kb_root, gen)
    after = {p.relative_to(gen).as_posix(): p.read_bytes() for p in gen.rglob("*") if p.is_file()}
    changed = sorted(k for k in after.keys() | before.keys() if before.get(k) != after.get(k))
    assert stats["written"] == len([k for k in changed if k in after])
    assert f"sources/{sitefixture.SOURCE_ID}.md" in changed
    assert "entities/nvidia-h100-sxm.md" in changed and "claims.md" in changed
    unrelated = {"entities/nvidia-hopper.md", "properties/memory-capacity.md", "rules.md", "cli.md", "notebooks/index.md"}
    assert not unrelated & set(changed)
    assert len(changed) < len(after) / 3


def test_no_notebooks_is_fine(hostile_kb, tmp_path):
    import shutil

    kb_root = tmp_path / "kb"
    shutil.copytree(hostile_kb, kb_root, ignore=shutil.ignore_patterns("notebooks"))
    gen = tmp_path / "generated"
    site.generate(kb_root, gen)
    assert "No notebooks yet." in (gen / "notebooks" / "index.md").read_text()
    assert not list((gen / "notebooks").glob("*.ipynb"))


# ----------------------------------------------------------------------------- Sphinx builds (slow)


def _build(root: Path, work: Path, clean: bool = False) -> Path:
    rc = site.build(root, workdir=work, clean=clean)
    assert rc == 0, "sphinx-build -W failed: a warning or an error (see the output above)"
    return work / "html"


@pytest.fixture(scope="module")
def project_builds(tmp_path_factory):
    """Two clean builds of the project's knowledge base in two separate workspaces."""
    a = _build(ROOT, tmp_path_factory.mktemp("site-a"), clean=True)
    b = _build(ROOT, tmp_path_factory.mktemp("site-b"), clean=True)
    return a, b


@pytest.mark.slow
def test_project_site_builds_without_warnings_and_has_every_page(project_builds):
    html, _ = project_builds
    kb = load(ROOT)
    assert kb.claims and kb.sources and kb.entities
    for sid in kb.sources:
        assert (html / "generated" / "sources" / f"{site.slug(sid)}.html").is_file()
    for eid in kb.entities:
        assert (html / "generated" / "entities" / f"{site.slug(eid)}.html").is_file()
    for pid in kb.properties:
        page = (html / "generated" / "properties" / f"{site.slug(pid)}.html").read_text()
        prop = kb.properties[pid]
        if prop.canonical_unit:
            assert site.esc(prop.canonical_unit) in page
        for pl in prop.plausible:
            assert site.esc(pl.rationale)[:40] in page
    for page in ("index", "guide", "data-format", "generated/findings", "generated/claims", "generated/rules",
                 "generated/cli", "generated/notebooks/index", "search"):
        assert (html / f"{page}.html").is_file(), page
    nbs = sorted((ROOT / "notebooks").glob("*.ipynb"))
    for nb in nbs:
        assert (html / "generated" / "notebooks" / f"{nb.stem}.html").is_file()


@pytest.mark.slow
def test_every_claim_is_on_its_source_page_with_its_findings(project_builds):
    html, _ = project_builds
    from kb.rules.check import check

    report = check(ROOT)
    for c in report.kb.claims:
        page = (html / "generated" / "sources" / f"{site.slug(c.source)}.html").read_text()
        assert f'id="claim-{site.esc(c.id)}"' in page, c.id
        assert f'id="quote-{site.esc(c.id)}"' in page, f"quote of {c.id} not highlighted"
    findings = (html / "generated" / "findings.html").read_text()
    assert findings.count('<tr id="f-') == len(report.findings)


@pytest.mark.slow
def test_every_factor_the_site_shows_is_the_comparisons_factor(project_builds):
    """Walk every built page: each comparison shown (claim, other value, factor, direction,
    text) is exactly what the checker's Comparer computed; and each claim's reference list
    shows all of its comparisons."""
    import html as htmlmod

    from kb.core.findings import format_factor
    from kb.rules.check import check

    html, _ = project_builds
    report = check(ROOT)
    cmp = report.comparer
    truth = {}
    for c in report.kb.claims:
        for x in cmp.comparisons(c):
            truth[(c.id, x.other)] = x
    for f in report.findings:
        for x in f.comparisons:
            truth[(x.subject, x.other)] = x
    badge = re.compile(r'<span class="kb-cmp kb-cmp-(ok|off)" data-claim="([^"]*)" data-other="([^"]*)" '
                       r'data-factor="([^"]*)" data-direction="([^"]*)">([^<]*)</span>')
    seen = set()
    for page in sorted((html / "generated").rglob("*.html")):
        for state, claim, other, factor, direction, text in badge.findall(page.read_text()):
            claim, other, text = htmlmod.unescape(claim), htmlmod.unescape(other), htmlmod.unescape(text)
            x = truth.get((claim, other))
            assert x is not None, f"{page.name}: {claim} vs {other} is not a comparison the checker made"
            assert (float(factor) if factor else None) == x.factor and direction == x.direction, (page.name, claim)
            assert text == x.text() and (state == "ok") == x.agrees, (page.name, claim, text)
            if x.factor is not None and not x.agrees:
                assert f"{format_factor(x.factor)}x" in text
            seen.add((claim, other))
    numeric = [(c.id, x.other) for c in report.kb.claims for x in cmp.comparisons(c)]
    assert numeric and set(numeric) <= seen, "comparisons of claims the site does not show"


@pytest.mark.slow
def test_internal_links_resolve(project_builds):
    html, _ = project_builds
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in sorted((html / "generated").rglob("*.html")):
        text = page.read_text()
        for href in re.findall(r'href="([^"#:?]*)(?:#([^"]*))?"', text):
            target, fragment = href
            dest = (page.parent / target).resolve() if target else page
            if target and not dest.exists():
                broken.append((page.name, target))
                continue
            if fragment and dest.suffix == ".html":
                if dest not in ids:
                    ids[dest] = set(re.findall(r'\bid="([^"]+)"', dest.read_text()))
                from urllib.parse import unquote
                import html as _html

                if _html.unescape(unquote(fragment)) not in {_html.unescape(i) for i in ids[dest]}:
                    broken.append((page.name, f"{target}#{fragment}"))
    assert not broken, broken[:20]


@pytest.mark.slow
def test_build_is_deterministic(project_builds):
    a, b = project_builds
    kb = load(ROOT)
    sid = sorted(kb.sources)[0]
    pages = ["index.html", "searchindex.js", "genindex.html", "generated/findings.html", "generated/claims.html",
             "generated/rules.html", "generated/cli.html", f"generated/sources/{site.slug(sid)}.html",
             "generated/entities/nvidia-h100.html", "generated/properties/peak-throughput.html"]
    pages += [p.relative_to(a).as_posix() for p in sorted((a / "_images").glob("*.svg"))[:5]]
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb"))[:2]:
        pages.append(f"generated/notebooks/{nb.stem}.html")
    for rel in pages:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), f"{rel} differs between two clean builds"


@pytest.mark.slow
def test_incremental_rebuild_after_changing_one_claim(tmp_path):
    """A second build with nothing changed reads nothing; changing one claim re-reads only
    the pages that show it, and the other HTML pages are not rewritten."""
    kb_root = sitefixture.fresh_copy(tmp_path / "kb")
    html = _build(kb_root, tmp_path / "work")
    stamp = {p: p.stat().st_mtime_ns for p in html.rglob("*.html")}
    _build(kb_root, tmp_path / "work")
    again = {p: p.stat().st_mtime_ns for p in html.rglob("*.html")}
    rewritten = sorted(p.relative_to(html).as_posix() for p in stamp if again[p] != stamp[p])
    assert set(rewritten) <= {"search.html", "genindex.html"}, rewritten
    site.edit_one_claim(kb_root)
    _build(kb_root, tmp_path / "work")
    after = {p: p.stat().st_mtime_ns for p in html.rglob("*.html")}
    rewritten = sorted(p.relative_to(html).as_posix() for p in after if after[p] != again.get(p))
    assert "generated/claims.html" in rewritten
    assert len(rewritten) < len(after) / 4, rewritten
