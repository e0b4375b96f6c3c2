"""The site in a real browser: Debian's Chromium driven by Playwright.

Pages load without console errors, search finds the H100 entity page, the findings filters
work, and a hostile source runs no code. Screenshots are kept in test-artifacts/screenshots/.
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
    chart = p.locator("img.kb-chart")
    assert chart.count() == 1
    chart.scroll_into_view_if_needed()
    assert p.evaluate("img => img.complete && img.naturalWidth > 0", chart.element_handle())
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
