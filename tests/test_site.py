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
    title = next(line for line in page.splitlines() if line.startswith("# "))
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
    assert second == {"written": 0, "unchanged": first["written"], "removed": 0}
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
    from kb.site import words

    for pid in kb.properties:
        page = (html / "generated" / "properties" / f"{site.slug(pid)}.html").read_text()
        prop = kb.properties[pid]
        if prop.canonical_unit:
            assert site.esc(words.unit_name(prop.canonical_unit)) in page
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
def test_every_checked_relation_is_on_its_source_page(project_builds):
    """Each relation the checker recomputed is shown inline on its source's page: one row per
    relation with the formula with the article's numbers and the checker's verdict, and the
    same in the claim's entry."""
    from collections import Counter

    from kb.rules.check import check

    html, _ = project_builds
    report = check(ROOT)
    assert report.relations, "the knowledge base has relations to show"
    per_source = Counter(e.source for e in report.relations)
    for sid, n in per_source.items():
        page = (html / "generated" / "sources" / f"{site.slug(sid)}.html").read_text()
        rows = re.findall(r'<tr class="kb-rel-row" data-verdict="([a-z-]+)">(.*?)</tr>', page, re.S)
        assert len(rows) == n, sid
        shown = Counter(v for v, _ in rows)
        assert shown == Counter(e.verdict for e in report.relations if e.source == sid), sid
    for e in report.relations:
        page = (html / "generated" / "sources" / f"{site.slug(e.source)}.html").read_text()
        assert site.esc(e.with_numbers or e.formula) in page, e.claim


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
                # an infinite factor (no common scale) is said in words
                assert f"{format_factor(x.factor)}x" in text if x.factor != float("inf") else "no common scale" in text
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
    pages = ["index.html", "searchindex.js", "generated/findings.html", "generated/claims.html",
             "generated/rules.html", "generated/cli.html", f"generated/sources/{site.slug(sid)}.html",
             "generated/entities/nvidia-h100.html", "generated/properties/peak-throughput.html"]
    pages += ["data/datapackage.json", "data/csv/claims.csv", "data/parquet/claims.parquet",
              "data/entities/nvidia-h100.csv", "data/properties/tdp.json", "generated/changelog.html",
              "_static/plotly.min.js"]
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


def test_incremental_rebuild_after_a_page_goes_away(hostile_kb, tmp_path):
    """A page with search-index entries that disappears between two builds (an entity removed)
    leaves nothing behind: Sphinx keeps index-directive entries in its pickled environment and
    never prunes them, so the next search index failed with a KeyError (CI, 7 December 2026:
    an entity of a recurated claim file), and it never deletes a page or download it wrote."""
    import shutil

    kb_root = tmp_path / "kb"
    shutil.copytree(hostile_kb, kb_root)
    html = _build(kb_root, tmp_path / "work")
    page, csv = html / "generated" / "entities" / "hostile-gpu.html", html / "data" / "entities" / "hostile-gpu.csv"
    assert page.is_file() and csv.is_file()
    assert "{index}" in (tmp_path / "work" / "src" / "generated" / "entities" / "hostile-gpu.md").read_text()
    assert "generated/entities/hostile-gpu" in (html / "searchindex.js").read_text()
    claims = kb_root / "claims" / f"{sitefixture.SOURCE_ID}.yaml"
    claims.write_text(claims.read_text().replace("value: 700", "value: 750", 1))
    _build(kb_root, tmp_path / "work")  # a build that reads: its pickled environment holds the entries
    ents = kb_root / "datasets" / "entities" / "fixture.yaml"
    text = ents.read_text()
    ents.write_text(text[:text.index("  - id: hostile-gpu\n")])
    html = _build(kb_root, tmp_path / "work")
    assert not page.exists() and not csv.exists()
    index = (html / "searchindex.js").read_text()
    assert "generated/entities/hostile-gpu" not in index
    assert "generated/entities/nvidia-h100" in index


# ----------------------------------------------------------------------------- reader words (fast)


def test_values_read_as_people_write_them():
    from kb.site import words

    assert words.quantity(175, "billion parameter") == "175 billion parameters"
    assert words.quantity(128, "K token") == "128K tokens"
    assert words.quantity(1, "million token") == "1 million tokens"
    assert words.quantity(1, "GPU") == "1 GPU" and words.quantity(8, "GPU") == "8 GPUs"
    assert words.quantity(2.5, "USD per 1M tokens") == "$2.5 per 1M tokens"
    assert words.quantity(3.1, "USD/hour") == "$3.1/hour"
    assert words.quantity(14, "billion USD") == "$14 billion"
    assert words.quantity(45, "percent") == "45%"
    assert words.quantity(3.1e23, "FLOP") == "3.1 × 10²³ FLOP"
    assert words.quantity(3, "query") == "3 queries"
    assert words.condition_value(None, "per-gpu") == "per GPU" and words.condition_value(None, "fp16") == "FP16"
    assert words.day("2026-11-21") == "21 November 2026" and words.day("2024-08") == "August 2024"
    assert words.count(1, "warning") == "1 warning" and words.count(0, "error") == "no errors"


def test_stated_values_and_canonical_only_where_it_informs(hostile_kb):
    from kb.site import words

    kb = load(hostile_kb)
    tdp = kb.claims_by_id["fx-h100-sxm-tdp"]
    assert words.stated(tdp) == "≤ 700 W"
    assert words.canonical(tdp) == ""  # same unit: no "699.5–700.5 W"
    import dataclasses

    from kb.core.intervals import Interval

    per_k = dataclasses.replace(tdp, value=0.03, unit="USD per 1K tokens", qualifier="exact",
                                interval=Interval(0.025 * 1000, 0.035 * 1000, "USD per 1M tokens"))
    assert words.stated(per_k) == "$0.03 per 1K tokens" and words.canonical(per_k) == "$30 per 1M tokens"


def test_a_finding_reads_as_a_sentence_built_from_its_comparison(hostile_pages):
    import html as _html

    page = (hostile_pages / "findings.md").read_text()
    text = _html.unescape(re.sub(r"<[^>]+>", "", page))
    # "16.35 times lower": the Comparer's factor and direction (989.4 vs 60 TFLOPS, both widened)
    assert "NVIDIA H100’s peak arithmetic throughput as 60 TFLOPS, 16.35 times lower than the reference value" in text
    # each review with the claim it belongs to; the checker's message (with ids) folded below
    assert re.search(r'<details class="kb-tech"><summary>Evidence', page)
    assert "wrong" in page and "fx-h100-fp16" in page.split('<details class="kb-tech">', 1)[1]


def test_reader_pages_hide_curator_fields(hostile_pages):
    page = (hostile_pages / "sources" / f"{sitefixture.SOURCE_ID}.md").read_text()
    visible = re.sub(r'<details class="kb-tech">.*?</details>', "", page, flags=re.S)
    assert "claims/hostile-source.yaml" not in visible and "SHA-256" not in visible
    assert "claims/hostile-source.yaml" in page  # kept for curators, folded
    assert 'class="kb-legend"' in page
    entity = (hostile_pages / "entities" / "nvidia-h100.md").read_text()
    assert "Defined in" not in entity and "datasets/entities" not in entity


# ----------------------------------------------------------------------------- downloads (fast)


def test_data_package_is_valid_and_complete(hostile_kb, hostile_pages):
    from frictionless import validate

    pkg = hostile_pages / "_extra" / "data" / "datapackage.json"
    desc = json.loads(pkg.read_text())
    names = {r["name"] for r in desc["resources"]}
    for table in ("sources", "claims", "references", "entities", "properties", "findings"):
        assert {table, f"{table}-parquet"} <= names
    report = validate(str(pkg))
    assert report.valid, report.flatten(["title", "type", "note"])[:5]
    kb = load(hostile_kb)
    claims = (hostile_pages / "_extra" / "data" / "csv" / "claims.csv").read_text().splitlines()
    assert len(claims) == 1 + len(kb.claims)
    import pyarrow.parquet as pq

    assert pq.read_table(hostile_pages / "_extra" / "data" / "parquet" / "references.parquet").num_rows == len(kb.references)


def test_data_package_validation_catches_a_broken_file(hostile_pages, tmp_path):
    """The validation is not vacuous: a text in a number column makes the package invalid."""
    import shutil

    from frictionless import validate

    copy = tmp_path / "data"
    shutil.copytree(hostile_pages / "_extra" / "data", copy)
    import csv as _csv
    import io

    csv_path = copy / "csv" / "claims.csv"
    rows = list(_csv.reader(io.StringIO(csv_path.read_text())))
    rows[1][rows[0].index("start")] = "not-a-number"
    buf = io.StringIO()
    _csv.writer(buf, lineterminator="\n").writerows(rows)
    csv_path.write_text(buf.getvalue())
    assert not validate(str(copy / "datapackage.json")).valid


def test_entity_and_property_downloads(hostile_kb, hostile_pages):
    import csv as _csv

    data = hostile_pages / "_extra" / "data"
    rows = list(_csv.DictReader((data / "entities" / "nvidia-h100.csv").read_text().splitlines()))
    ids = {r["id"] for r in rows}
    assert {"fx-h100-fp16", "fx-h100-sxm-tdp", "ref-fx-h100-sxm-fp16-dense"} <= ids  # the family shows its variants
    doc = json.loads((data / "properties" / "tdp.json").read_text())
    assert doc["property"] == "tdp" and {r["id"] for r in doc["rows"]} == {"fx-h100-sxm-tdp", "ref-fx-h100-sxm-tdp"}
    page = (hostile_pages / "entities" / "nvidia-h100.md").read_text()
    assert 'href="../../data/entities/nvidia-h100.csv"' in page and 'href="../../data/entities/nvidia-h100.json"' in page
    assert 'href="../../data/datapackage.json"' in page


# ----------------------------------------------------------------------------- charts (fast)


def _specs(text: str) -> list[dict]:
    return [json.loads(m) for m in re.findall(r'<script type="application/json" id="spec-[^"]+">(.*?)</script>', text)]


def test_chart_specs_are_valid_plotly_figures(hostile_pages):
    import plotly.graph_objects as go

    specs = _specs((hostile_pages / "entities" / "nvidia-h100.md").read_text())
    specs += _specs((hostile_pages / "properties" / "peak-throughput.md").read_text())
    specs += _specs((hostile_pages / "home.md").read_text())
    assert len(specs) >= 3
    for spec in specs:
        go.Figure(data=spec["data"], layout=spec["layout"])  # raises on anything plotly.js would not know
        assert spec["data"] and any(t["x"] for t in spec["data"])
    ent = specs[0]
    claim = [t for t in ent["data"] if t["name"] == "Claim"][0]
    assert claim["x"] == [60.0] and "60 TFLOPS" in claim["hovertext"][0]
    assert "16.35x below" in claim["hovertext"][0]  # the Comparer's words for the nearest reference
    menus = ent["layout"]["updatemenus"]
    assert [m["type"] for m in menus] == ["buttons", "dropdown"]  # log / linear; which property
    assert [b["label"] for b in menus[0]["buttons"]] == ["Log scale", "Linear scale"]
    assert {b["label"].split(" (")[0] for b in menus[1]["buttons"]} == {"Peak arithmetic throughput", "Thermal design power"}


def test_charts_carry_no_markup_from_the_data(hostile_pages):
    for path in hostile_pages.rglob("*.md"):
        for spec in _specs(path.read_text()):
            for t in spec["data"]:
                for h in t.get("hovertext", []):
                    assert "<script" not in h and "<img" not in h and "javascript:" not in h, path


# ----------------------------------------------------------------------------- trust furniture (fast)


def test_without_history_pages_have_no_dates_and_the_changelog_says_why(hostile_pages):
    assert "kb-updated" not in (hostile_pages / "sources" / f"{sitefixture.SOURCE_ID}.md").read_text()
    assert "has no history to read" in (hostile_pages / "changelog.md").read_text()


def _git(cwd: Path, *args: str, date: str | None = None) -> None:
    import os
    import subprocess

    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update({"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(cwd)})
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def test_last_updated_and_changelog_come_from_the_history(hostile_kb, tmp_path):
    import shutil

    root = tmp_path / "kb"
    shutil.copytree(hostile_kb, root)
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "First data", date="2025-03-04T10:00:00+00:00")
    claims = root / "claims" / f"{sitefixture.SOURCE_ID}.yaml"
    claims.write_text(claims.read_text().replace("value: 700", "value: 710", 1))
    _git(root, "commit", "-q", "-am", "Correct the H100 SXM TDP claim", date="2025-06-07T10:00:00+00:00")
    gen = tmp_path / "gen"
    site.generate(root, gen)
    src = (gen / "sources" / f"{sitefixture.SOURCE_ID}.md").read_text()
    assert src.startswith('---\nkb-updated: "2025-06-07"\n---\n')
    assert (gen / "entities" / "nvidia-hopper.md").read_text().startswith('---\nkb-updated: "2025-03-04"\n')
    log = (gen / "changelog.md").read_text()
    assert log.index("Correct the H100 SXM TDP claim") < log.index("First data")
    assert "7 June 2025" in log and "4 March 2025" in log
    # the same history gives the same pages
    again = tmp_path / "gen2"
    site.generate(root, again)
    assert (again / "changelog.md").read_bytes() == (gen / "changelog.md").read_bytes()


def test_claim_review_urls_are_absolute_from_the_base_url(hostile_kb, tmp_path):
    gen = tmp_path / "gen"
    site.generate(hostile_kb, gen, base_url="https://checks.example.net/kb/")
    page = (gen / "sources" / f"{sitefixture.SOURCE_ID}.md").read_text()
    urls = re.findall(r'"url": "([^"]+#claim-[^"]+)"', page)
    assert urls and all(u.startswith("https://checks.example.net/kb/generated/sources/") for u in urls)
    assert site.default_base_url(hostile_kb).startswith("https://")  # docs/conf.py's html_baseurl
    with pytest.raises(site.SiteInputError):
        site.generate(hostile_kb, tmp_path / "bad", base_url="javascript:alert(1)")


def test_project_citation_file():
    import yaml

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert cff["cff-version"].startswith("1.2") and cff["title"] and cff["message"]
    assert cff["authors"] and all("name" in a or "family-names" in a for a in cff["authors"])


# ----------------------------------------------------------------------------- search words (fast)


def test_search_terms_are_index_entries(hostile_pages):
    terms = (ROOT / "datasets" / "search-terms.yaml").read_text()
    assert "tdp:" in terms and "wattage" in terms
    page = (hostile_pages / "properties" / "tdp.md").read_text()
    for word in ("TDP", "wattage", "Thermal design power"):
        assert f"```{{index}} !single: {word}\n```" in page
    ent = (hostile_pages / "entities" / "nvidia-h100.md").read_text()
    assert "```{index} !single: H100\n```" in ent
    hostile = (hostile_pages / "entities" / "hostile-gpu.md").read_text()
    for line in hostile.splitlines():
        if line.startswith("```{index}"):
            assert "`" not in line[3:] and "<" not in line and ";" not in line, line


def test_search_terms_problems_name_file_and_line(hostile_kb, tmp_path):
    import shutil

    root = tmp_path / "kb"
    shutil.copytree(hostile_kb, root)
    (root / "datasets" / "search-terms.yaml").write_text("properties:\n  tdp: [TDP]\n  no-such-property: [x]\n")
    with pytest.raises(site.SiteInputError, match=r"datasets/search-terms\.yaml:3: no property with id 'no-such-property'"):
        site.generate(root, tmp_path / "gen")
    assert site.main(["build", "--root", str(root), "--workdir", str(tmp_path / "w")]) == 2


# ----------------------------------------------------------------------------- the project's build (slow)


@pytest.mark.slow
def test_project_data_package_validates(project_builds):
    from frictionless import validate

    html, _ = project_builds
    report = validate(str(html / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["title", "type", "note"])[:5]


@pytest.mark.slow
def test_project_pages_carry_dates_and_citations(project_builds):
    """Each page: the date its data last changed (git log of its files) and how to cite it."""
    import subprocess

    html, _ = project_builds
    kb = load(ROOT)
    sid = sorted(kb.sources)[0]
    src = kb.sources[sid]
    files = [src.path, src.text_path] + sorted({c.path for c in kb.claims if c.source == sid})
    dates = subprocess.run(["git", "log", "-1", "--format=%cs", "--", *files], cwd=ROOT, capture_output=True,
                           text=True).stdout.strip()
    page = (html / "generated" / "sources" / f"{site.slug(sid)}.html").read_text()
    if dates:  # a clone with history
        assert f'<time datetime="{dates}">' in page
    assert '<details class="kb-cite">' in page and "@misc{kb-generated-sources-" in page
    assert "https://" in page.split('<pre class="kb-cite-bibtex">', 1)[1].split("</pre>", 1)[0]
    for rel in ("index.html", "guide.html", "generated/findings.html", "generated/entities/nvidia-h100.html"):
        assert '<details class="kb-cite">' in (html / rel).read_text(), rel
