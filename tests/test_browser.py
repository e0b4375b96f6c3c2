"""The site in a real browser: Debian's Chromium driven by Playwright.

Pages load without console errors; reader pages show no internal ids or raw keys; charts
draw offline and show values on hover, switch scales and filter; no page type overflows a
390 px phone screen and long lists are folded; downloads are linked and valid
(frictionless); every page says when its data last changed and how to cite it; search puts
the right pages first for "TDP", "H100 wattage" and the other words readers use, with clean
snippets, as you type; the findings filters work; and a hostile source runs no code.
Screenshots are kept in the test folder's artifacts/screenshots/.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import threading
from pathlib import Path

import pytest

import sitefixture
from kb.site import build as site
from kb.store.load import load

pytestmark = [pytest.mark.browser,
              pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::PendingDeprecationWarning")]

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]
SHOTS = Path(os.environ.get("KB_TEST_ARTIFACTS") or sitefixture.CACHE.parent / "artifacts") / "screenshots"


def _chromium() -> str:
    if os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{CHROMIUM} is missing under CI (.ci/run installs Debian's chromium when it is missing)")
    pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (`make browser`) to run the browser tests")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(folder: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def browser():
    path = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, args=FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def project_url():
    server, url = _serve(sitefixture.project_site())
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def hostile_url():
    server, url = _serve(sitefixture.hostile_site())
    yield url
    server.shutdown()


class Page:
    """A browser page that records console errors, uncaught exceptions and dialogs."""

    def __init__(self, browser):
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(f"console.{m.type}: {m.text} ({m.location.get('url')})")
                     if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))

        def on_dialog(d):
            self.dialogs.append(f"{d.type}: {d.message}")
            d.dismiss()

        self.page.on("dialog", on_dialog)

    def open(self, url: str):
        self.page.goto(url)
        self.page.wait_for_load_state("networkidle")
        return self.page

    def shot(self, name: str, full_page: bool = False) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)

    def assert_clean(self) -> None:
        assert not self.errors, self.errors
        assert not self.dialogs, self.dialogs


@pytest.fixture
def page(browser):
    p = Page(browser)
    yield p
    p.page.close()


def _first_source_with_claims() -> str:
    kb = load(sitefixture.ROOT)
    counts = {}
    for c in kb.claims:
        counts[c.source] = counts.get(c.source, 0) + 1
    return max(sorted(counts), key=lambda s: counts[s])


def test_index_loads_cleanly(page, project_url):
    p = page.open(f"{project_url}/index.html")
    assert "claims knowledge base" in p.title()
    assert p.locator("a[href='generated/findings.html']").count() > 0
    page.shot("index")
    page.assert_clean()


def test_source_page_highlights_quotes(page, project_url):
    sid = _first_source_with_claims()
    p = page.open(f"{project_url}/generated/sources/{site.slug(sid)}.html")
    marks = p.locator(".kb-source-text mark.kb-mark")
    assert marks.count() > 0
    n_claims = sum(1 for c in load(sitefixture.ROOT).claims if c.source == sid)
    assert p.locator(".kb-claim").count() == n_claims
    assert p.locator(".kb-source-text a.kb-qref").count() == n_claims
    # a highlighted quote links to its claim's entry, which exists on the page
    href = p.locator(".kb-source-text a.kb-mark-link").first.get_attribute("href")
    assert href.startswith("#claim-") and p.locator(f"[id='{href[1:]}']").count() == 1
    page.shot("source")
    p.locator(".kb-source-text").first.scroll_into_view_if_needed()
    page.shot("source-highlights")
    page.assert_clean()


def test_entity_page_shows_claims_references_and_chart(page, project_url):
    p = page.open(f"{project_url}/generated/entities/nvidia-h100.html")
    assert "NVIDIA H100" in p.locator("h1").inner_text()
    assert p.locator("table.kb-side tbody tr").count() > 0
    assert p.locator(".kb-plot").count() == 1
    _wait_charts(p)
    page.shot("entity-nvidia-h100")
    page.assert_clean()


def test_findings_report_filters(page, project_url):
    p = page.open(f"{project_url}/generated/findings.html")
    rows = p.locator("#kb-findings tbody tr")
    total = rows.count()
    form = p.locator("#kb-findings-filters")
    assert form.is_visible()
    page.shot("findings")
    if total:
        codes = p.eval_on_selector_all("#kb-findings tbody tr", "rs => rs.map(r => r.dataset.code)")
        code = sorted(set(codes))[0]
        p.select_option("#kb-filter-code", code)
        visible = p.eval_on_selector_all("#kb-findings tbody tr", "rs => rs.filter(r => !r.hidden).map(r => r.dataset.code)")
        assert visible and set(visible) == {code} and len(visible) == codes.count(code)
        p.select_option("#kb-filter-code", "")
        p.select_option("#kb-filter-severity", "error")
        visible = p.eval_on_selector_all("#kb-findings tbody tr", "rs => rs.filter(r => !r.hidden).map(r => r.dataset.severity)")
        assert set(visible) <= {"error"}
        assert f"of {total} shown" in p.locator("#kb-findings-count").inner_text()
    page.assert_clean()


def test_findings_report_filter_from_url(page, project_url):
    p = page.open(f"{project_url}/generated/findings.html?reviewed=yes")
    assert p.input_value("#kb-filter-reviewed") == "yes"
    visible = p.eval_on_selector_all("#kb-findings tbody tr", "rs => rs.filter(r => !r.hidden).map(r => r.dataset.reviewed)")
    assert set(visible) <= {"yes"}
    page.assert_clean()


def test_rendered_notebook(page, project_url, hostile_url):
    """A notebook rendered with its stored outputs: the project's first, else the fixture's."""
    nbs = sorted((sitefixture.ROOT / "notebooks").glob("*.ipynb"))
    if nbs:
        url = f"{project_url}/generated/notebooks/{nbs[0].stem}.html"
    else:
        url = f"{hostile_url}/generated/notebooks/fixture_notebook.html"
    p = page.open(url)
    assert p.locator(".cell").count() > 0
    assert p.locator(".cell_output").count() > 0, "no stored output rendered"
    page.shot("notebook")
    page.assert_clean()


def test_search_finds_the_h100_entity_page(page, project_url):
    p = page.open(f"{project_url}/search.html?q=H100")
    p.wait_for_selector("#search-results ul.search li a", timeout=20_000)
    p.wait_for_function("() => !document.querySelector('#search-results').classList.contains('empty') &&"
                        " document.querySelector('#search-results p')?.textContent?.length > 0", timeout=20_000)
    hrefs = p.eval_on_selector_all("#search-results ul.search li a", "as => as.map(a => a.getAttribute('href'))")
    assert any(re.search(r"(^|/)generated/entities/nvidia-h100\.html", h) for h in hrefs), hrefs
    page.shot("search-h100")
    page.assert_clean()


def test_search_finds_claims_and_sources(page, project_url):
    kb = load(sitefixture.ROOT)
    claim = sorted(kb.claims, key=lambda c: c.id)[0]
    word = max(re.findall(r"[A-Za-z]{6,}", claim.quote or "") or ["parameters"], key=len)
    p = page.open(f"{project_url}/search.html?q={word}")
    p.wait_for_selector("#search-results ul.search li a", timeout=20_000)
    hrefs = p.eval_on_selector_all("#search-results ul.search li a", "as => as.map(a => a.getAttribute('href'))")
    assert any(f"generated/sources/{site.slug(claim.source)}.html" in h for h in hrefs), (word, hrefs)
    page.assert_clean()


HOSTILE_PAGES = [
    f"generated/sources/{sitefixture.SOURCE_ID}.html",
    f"generated/sources/{sitefixture.SOURCE_ID}.html#claim-fx-h100-sxm-tdp",
    "generated/sources/index.html",
    "generated/entities/hostile-gpu.html",
    "generated/entities/nvidia-h100-sxm.html",
    "generated/entities/index.html",
    "generated/findings.html",
    "generated/claims.html",
    "search.html?q=pwned",
]


def test_hostile_source_runs_no_code(page, hostile_url):
    for i, path in enumerate(HOSTILE_PAGES):
        p = page.open(f"{hostile_url}/{path}")
        assert p.evaluate("typeof window.__pwned") == "undefined", path
        if i == 0:
            page.shot("hostile-source")
            # the hostile markup is shown as text, not dropped and not executed
            text = p.locator(".kb-source-text").inner_text()
            assert sitefixture.PWN in text and sitefixture.IMG in text
            assert sitefixture.PWN in p.locator("h1").inner_text()
            assert p.locator(".kb-source-text script, .kb-source-text img, article img[onerror]").count() == 0
            # no link anywhere leads to a javascript: URL
            hrefs = p.eval_on_selector_all("a[href]", "as => as.map(a => a.href)")
            assert not [h for h in hrefs if h.lower().startswith("javascript:")]
        if path.startswith("search"):
            p.wait_for_selector("#search-results ul.search li a", timeout=20_000)
            p.wait_for_timeout(500)
            page.shot("hostile-search")
        assert p.evaluate("typeof window.__pwned") == "undefined", path
    page.assert_clean()


# ----------------------------------------------------------------------------- helpers


def _wait_charts(p, timeout: int = 30_000) -> int:
    """Scroll every chart into view and wait until plotly has drawn it; return how many."""
    n = p.locator(".kb-plot").count()
    for i in range(n):
        p.locator(".kb-plot").nth(i).scroll_into_view_if_needed()
        p.wait_for_function("i => document.querySelectorAll('.kb-plot')[i].classList.contains('kb-plot-ready')", arg=i,
                            timeout=timeout)
    return n


def _search(p, url: str, query: str) -> list[str]:
    from urllib.parse import quote

    p.goto(f"{url}/search.html?q={quote(query)}")
    p.wait_for_selector("#search-results ul.search li a", timeout=20_000)
    p.wait_for_function("() => document.querySelector('#search-results p.search-summary')?.textContent?.length > 0",
                        timeout=20_000)
    return p.eval_on_selector_all("#search-results ul.search li > a", "as => as.map(a => a.getAttribute('href'))")


def _tallest_entity() -> str:
    kb = load(sitefixture.ROOT)
    size = {}
    for eid, ent in kb.entities.items():
        targets = [eid, *ent.variants]
        size[eid] = sum(1 for c in kb.claims if c.entity in targets) + sum(1 for r in kb.references if r.entity in targets)
    return max(sorted(size), key=lambda e: size[e])


# ----------------------------------------------------------------------------- 1. plain language


def _forbidden():
    """Internal ids and raw keys a reader must never see: source, claim and reference ids,
    entity and property ids that are slugs, data paths, and the schema's and the findings'
    snake_case keys."""
    from kb.core import schema
    from kb.rules.check import check

    report = check(sitefixture.ROOT)
    kb = report.kb
    words = set(kb.sources) | set(kb.claims_by_id) | set(kb.references_by_id)
    words |= {e for e, ent in kb.entities.items() if re.search(r"[-_]", e) and e.lower() != ent.name.lower()}
    words |= {p for p in kb.properties if re.search(r"[-_]", p)}
    fields = {f.name for obj in vars(schema).values() if hasattr(obj, "fields") for f in obj.fields}
    keys = {k for k in fields if "_" in k} | {k for f in report.findings for k, _ in f.extra if "_" in k}
    assert "lower_bound" in fields or "valid_from" in keys and keys, "no raw keys found to look for"
    # an id that the data itself uses as a name (an alias such as "gpt-3.5-turbo-0613", a name
    # that mentions one) is a name, not something the site leaked
    names = [e.name for e in kb.entities.values()] + [a for e in kb.entities.values() for a in e.aliases]
    names += [p.name.lower() for p in kb.properties.values()]
    blob = "\n".join(names)
    words = {w for w in words if w not in blob}
    words |= keys
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?<![\w./-])(?:" + alternatives + r")(?![\w-])|\b(?:claims|datasets)/[\w./-]+"), len(words)


READER_PAGES = ["index.html", "generated/findings.html", "generated/sources/index.html", "SOURCE",
                "generated/entities/index.html", "generated/entities/nvidia-h100.html", "ENTITY",
                "generated/properties/index.html", "generated/properties/tdp.html",
                "generated/properties/token-price.html", "generated/changelog.html"]

VISIBLE_TEXT = """() => {
  const hide = Array.from(document.querySelectorAll('.kb-source-text, q, .bd-search, script'));
  const saved = hide.map(el => el.style.display);
  hide.forEach(el => el.style.display = 'none');
  const text = document.querySelector('article.bd-article').innerText;
  hide.forEach((el, i) => el.style.display = saved[i]);
  return text;
}"""


def test_reader_pages_show_no_ids_or_raw_keys(page, project_url):
    """Visible text (folded technical details aside) names things by their names."""
    pattern, n = _forbidden()
    assert n > 1000
    sid = site.slug(_first_source_with_claims())
    for rel in READER_PAGES:
        rel = rel.replace("SOURCE", f"generated/sources/{sid}.html").replace(
            "ENTITY", f"generated/entities/{site.slug(_tallest_entity())}.html")
        p = page.open(f"{project_url}/{rel}")
        text = p.evaluate(VISIBLE_TEXT)
        assert len(text) > 300, rel
        hits = sorted(set(m.group(0) for m in pattern.finditer(text)))
        assert not hits, (rel, hits[:10])
        if rel == f"generated/sources/{sid}.html":
            # not vacuous: the ids are on the page, folded away for curators
            # (each code element apart: an article's textContent runs a label into its value,
            # "Source idr102-...", which the pattern's look-behind rightly refuses)
            folded = p.evaluate("() => Array.from(document.querySelectorAll("
                                "'article.bd-article details.kb-tech code')).map(e => e.textContent).join('\\n')")
            assert pattern.search(folded), "the source page should keep ids in its folded record details"
            assert p.locator(".kb-legend").is_visible()
    page.assert_clean()


# ----------------------------------------------------------------------------- 2. interactive charts


CHART_PAGES = ["generated/entities/nvidia-h100.html", "generated/properties/tdp.html",
               "generated/properties/token-price.html", "index.html"]


def test_charts_draw_offline_and_hover_shows_a_value(page, project_url):
    outside: list[str] = []
    page.page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(project_url) else None)
    for rel in CHART_PAGES:
        p = page.open(f"{project_url}/{rel}")
        assert _wait_charts(p) >= 1, rel
        plot = p.locator(".kb-plot").first
        plot.scroll_into_view_if_needed()
        point = plot.locator(".scatterlayer .trace .points path").first
        point.scroll_into_view_if_needed()
        box = point.bounding_box()
        assert box, rel
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        p.mouse.move(x - 1, y)
        p.wait_for_timeout(200)
        p.mouse.move(x, y)
        p.wait_for_selector(".hoverlayer .hovertext", timeout=10_000)
        hover = p.locator(".hoverlayer .hovertext").first.text_content()
        assert re.search(r"\d", hover), (rel, hover)
        p.mouse.move(5, 5)
        page.shot("chart-" + rel.replace("/", "-").replace(".html", ""))
    # property pages chart over time where the values are dated, and TDP by GPU generation
    p = page.open(f"{project_url}/generated/properties/token-price.html")
    assert p.locator("#plot-token-price-time").count() == 1
    p = page.open(f"{project_url}/generated/properties/tdp.html")
    assert p.locator("#plot-tdp-generation").count() == 1
    assert not outside, outside[:5]
    page.assert_clean()


def test_charts_switch_scale_filter_and_pick_a_property(page, project_url):
    p = page.open(f"{project_url}/generated/entities/nvidia-h100.html")
    _wait_charts(p)
    plot = p.locator(".kb-plot").first
    axis = "el => el.layout.xaxis.type || el._fullLayout.xaxis.type"
    before = plot.evaluate("el => el._fullLayout.xaxis.type")
    plot.locator(".updatemenu-button", has_text="Linear scale" if before == "log" else "Log scale").first.click()
    p.wait_for_timeout(300)
    assert plot.evaluate(axis) != before
    # a legend entry hides its series
    visible = "el => el._fullData.filter(t => t.visible === true).length"
    n = plot.evaluate(visible)
    p.wait_for_timeout(500)  # plotly counts two clicks within 300 ms as a double click
    entry = plot.locator(".legend .traces").first
    entry.scroll_into_view_if_needed()
    entry.locator(".legendtoggle").click(force=True)
    p.wait_for_timeout(500)
    assert plot.evaluate(visible) == n - 1
    # the menu picks another property
    first_title = plot.evaluate("el => el._fullData.filter(t => t.visible === true).map(t => t.uid).join()")
    plot.locator(".updatemenu-header-group").last.click()
    plot.locator(".updatemenu-dropdown-button").nth(1).click()
    p.wait_for_timeout(300)
    assert plot.evaluate("el => el._fullData.filter(t => t.visible === true).map(t => t.uid).join()") != first_title
    page.assert_clean()


# ----------------------------------------------------------------------------- 5. phones


PHONE_PAGES = ["index.html", "generated/findings.html", "SOURCE", "generated/entities/nvidia-h100.html",
               "generated/properties/tdp.html", "NOTEBOOK"]

OVERFLOW = """() => {
  const W = document.documentElement.clientWidth;
  const bad = [];
  if (document.documentElement.scrollWidth > W + 1) bad.push('page is ' + document.documentElement.scrollWidth + ' px wide');
  for (const el of document.querySelectorAll('main *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || (r.right <= W + 1 && r.left >= -1)) continue;
    let a = el.parentElement, scrolls = false;
    while (a && a !== document.body) {
      const s = getComputedStyle(a);
      if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && a.getBoundingClientRect().right <= W + 1) { scrolls = true; break; }
      a = a.parentElement;
    }
    if (!scrolls) bad.push(el.tagName + '.' + el.className + ' right=' + Math.round(r.right));
  }
  return bad.slice(0, 8);
}"""


def test_no_horizontal_overflow_on_a_phone(browser, project_url):
    nbs = sorted((sitefixture.ROOT / "notebooks").glob("*.ipynb"))
    sid = site.slug(_first_source_with_claims())
    phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                             has_touch=True)
    try:
        for rel in PHONE_PAGES:
            rel = rel.replace("SOURCE", f"generated/sources/{sid}.html")
            if rel == "NOTEBOOK":
                if not nbs:
                    continue
                rel = f"generated/notebooks/{nbs[0].stem}.html"
            phone.goto(f"{project_url}/{rel}")
            phone.wait_for_load_state("networkidle")
            _wait_charts(phone)
            bad = phone.evaluate(OVERFLOW)
            assert not bad, (rel, bad)
            SHOTS.mkdir(parents=True, exist_ok=True)
            phone.screenshot(path=str(SHOTS / f"phone-{rel.replace('/', '-').replace('.html', '')}.png"))
            if rel == "generated/findings.html":  # findings become cards
                assert phone.evaluate("() => getComputedStyle(document.querySelector('#kb-findings tbody tr')).display") == "block"
                assert not phone.locator("#kb-findings thead").is_visible()
    finally:
        phone.close()


def test_long_lists_are_folded(page, project_url):
    eid = _tallest_entity()
    p = page.open(f"{project_url}/generated/entities/{site.slug(eid)}.html")
    height = p.evaluate("document.documentElement.scrollHeight")
    # a page of many properties folds the smaller ones (the H100's: 9,822 px at 1,400 px wide)
    assert height < 12_000, f"{eid}: {height} px"
    # every full reference table is folded; a claims list shows a few rows before it folds
    assert p.locator("table.kb-refs-table").count() > 0
    assert p.evaluate("() => Array.from(document.querySelectorAll('table.kb-refs-table'))"
                      ".every(t => t.closest('details') && !t.closest('details').open)")
    for table in p.locator("article table.kb-side").all():
        if not table.evaluate("t => !!t.closest('details')"):
            assert table.locator("tbody tr").count() <= 3
    # the smaller properties are rows of one table; their claims are folded below it, and a row's
    # claims count leads there (the browser opens the block: no script)
    rows = p.locator("table.kb-props-table tbody tr")
    block = p.locator("details.kb-folded-props")
    assert rows.count() > 0 and block.count() == 1 and not block.evaluate("d => d.open")
    anchor = rows.first.get_attribute("id")
    assert anchor.startswith(f"prop-{site.slug(eid)}-")
    rows.first.locator("td:nth-child(3) a").click()
    p.wait_for_function("() => document.querySelector('details.kb-folded-props').open")
    assert p.evaluate(f"() => document.getElementById('{anchor}-all').getBoundingClientRect().top") < 1000
    page.assert_clean()


# ----------------------------------------------------------------------------- 3. downloads


def test_downloads_are_linked_and_valid(page, project_url, tmp_path):
    import csv
    import io
    import json
    import urllib.request

    from frictionless import validate

    p = page.open(f"{project_url}/index.html")
    pkg_href = p.locator("a[href$='data/datapackage.json']").first.get_attribute("href")
    base = f"{project_url}/"
    folder = tmp_path / "data"
    desc = json.loads(urllib.request.urlopen(base + pkg_href).read())
    (folder).mkdir()
    (folder / "datapackage.json").write_text(json.dumps(desc))
    for res in desc["resources"]:
        target = folder / res["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(urllib.request.urlopen(base + "data/" + res["path"]).read())
    report = validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["title", "type", "note"])[:5]
    kb = load(sitefixture.ROOT)
    assert {r["name"] for r in desc["resources"]} >= {"claims", "claims-parquet", "findings", "sources"}
    claims = list(csv.DictReader(io.StringIO((folder / "csv" / "claims.csv").read_text())))
    assert len(claims) == len(kb.claims_by_id)
    for rel, key in (("generated/entities/nvidia-h100.html", "entity"), ("generated/properties/tdp.html", "property")):
        p = page.open(f"{project_url}/{rel}")
        links = {a.get_attribute("href") for a in p.locator(".kb-downloads a").all()}
        csv_link = next(h for h in links if h.endswith(".csv"))
        json_link = next(h for h in links if h.endswith(".json") and "datapackage" not in h)
        status, text = p.evaluate("async h => { const r = await fetch(h); return [r.status, await r.text()]; }", csv_link)
        rows = list(csv.DictReader(io.StringIO(text)))
        assert status == 200 and rows and {"stated", "kind", "id"} <= set(rows[0]), rel
        status, text = p.evaluate("async h => { const r = await fetch(h); return [r.status, await r.text()]; }", json_link)
        doc = json.loads(text)
        assert status == 200 and doc[key] and doc["rows"], rel
    page.assert_clean()


# ----------------------------------------------------------------------------- 4. trust furniture


def test_pages_say_when_their_data_changed_and_how_to_cite_them(page, project_url):
    import subprocess

    has_history = subprocess.run(["git", "log", "-1", "--format=%cs", "--", "claims"], cwd=sitefixture.ROOT,
                                 capture_output=True, text=True).stdout.strip()
    for rel in ("generated/properties/tdp.html", "generated/findings.html", "index.html"):
        p = page.open(f"{project_url}/{rel}")
        footer = p.locator(".kb-page-footer")
        assert footer.is_visible(), rel
        if has_history:
            assert re.search(r"last changed on \d{1,2} \w+ 20\d\d", footer.inner_text()), rel
        p.locator(".kb-cite summary").click()
        bib = p.locator(".kb-cite-bibtex").inner_text()
        assert bib.startswith("@misc{kb-") and re.search(r"url = \{https?://[^}]+\.html\}", bib), bib
        assert "kb curators" in p.locator(".kb-cite-apa").inner_text()
    p = page.open(f"{project_url}/generated/changelog.html")
    if has_history:
        assert p.locator("table.kb-changes tbody tr").count() > 5
    # stable anchors: a finding's anchor is its Finding.anchor
    from kb.rules.check import check

    f = check(sitefixture.ROOT).findings[0]
    p = page.open(f"{project_url}/generated/findings.html#{f.anchor}")
    assert p.locator(f"tr[id='{f.anchor}']").count() == 1
    assert p.evaluate(f"() => {{ const r = document.getElementById('{f.anchor}').getBoundingClientRect(); "
                      "return r.top >= 0 && r.top < window.innerHeight; }")
    page.assert_clean()


# ----------------------------------------------------------------------------- 6. search


@pytest.mark.parametrize("query,first", [
    ("TDP", "generated/properties/tdp.html"),
    ("wattage", "generated/properties/tdp.html"),
    ("context length", "generated/properties/context-window.html"),
    ("price per million tokens", "generated/properties/token-price.html"),
    ("power draw", "generated/properties/power-draw.html"),
    ("H100", "generated/entities/nvidia-h100.html"),
])
def test_search_puts_the_right_page_first(page, project_url, query, first):
    hrefs = _search(page.page, project_url, query)
    assert hrefs and hrefs[0].split("#")[0].endswith(first), (query, hrefs[:5])
    page.assert_clean()


def test_search_for_an_entity_and_a_property(page, project_url):
    hrefs = _search(page.page, project_url, "H100 wattage")
    top = [h.split("#")[0] for h in hrefs[:3]]
    assert hrefs[0].startswith("generated/entities/nvidia-h100.html#"), hrefs[:5]  # the H100's TDP section
    assert "generated/properties/tdp.html" in top, hrefs[:5]
    page.shot("search-h100-wattage")
    page.assert_clean()


def test_search_snippets_are_clean(page, project_url):
    _search(page.page, project_url, "TDP")
    page.page.wait_for_selector("#search-results ul.search li p.context", timeout=20_000)
    snippets = page.page.eval_on_selector_all("#search-results ul.search li p.context", "ps => ps.map(p => p.textContent)")
    assert snippets
    for text in snippets[:5]:
        assert '"data":' not in text and "Cite this page" not in text and "Evidence and the checker" not in text, text
        assert not re.search(r"\s{2,}", text), text
    assert any(" · " in t for t in snippets[:5]), snippets[:5]  # cells kept apart, not glued together
    page.assert_clean()


def test_search_results_as_you_type(page, project_url):
    p = page.open(f"{project_url}/search.html")
    box = p.locator(".bd-search-container input[name='q'], article input[name='q']").first
    box.click()
    box.press_sequentially("TDP", delay=60)  # no Enter
    p.wait_for_selector("#search-results ul.search li a", timeout=20_000)
    assert p.eval_on_selector_all("#search-results ul.search li > a",
                                  "as => as.map(a => a.getAttribute('href'))")[0].endswith("generated/properties/tdp.html")
    # and in the search dialog of any page
    p = page.open(f"{project_url}/generated/findings.html")
    p.keyboard.press("Control+k")
    dialog_input = p.locator("#pst-search-dialog input[name='q']")
    dialog_input.wait_for(state="visible", timeout=10_000)
    dialog_input.press_sequentially("wattage", delay=60)
    p.wait_for_selector("#pst-search-dialog #search-results ul.search li a", timeout=20_000)
    first = p.locator("#pst-search-dialog #search-results ul.search li > a").first.get_attribute("href")
    assert "properties/tdp.html" in first, first
    page.assert_clean()
