"""Every reviewed claim is published with schema.org ClaimReview JSON-LD: parsed from the
built HTML, for the hostile fixture site and for the project's own site."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import sitefixture
from kb.site import build as site
from kb.store.load import load

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::PendingDeprecationWarning")

RATING = {"wrong": 1, "dubious": 2, "unverifiable": 3, "correct": 5}


class _JsonLd(HTMLParser):
    """Collects the text of every <script type="application/ld+json"> element."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.blocks: list[str] = []
        self._in = False

    def handle_starttag(self, tag, attrs):
        if tag == "script" and dict(attrs).get("type") == "application/ld+json":
            self._in = True
            self.blocks.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in = False

    def handle_data(self, data):
        if self._in:
            self.blocks[-1] += data


def claim_reviews(page: Path) -> list[dict]:
    parser = _JsonLd()
    parser.feed(page.read_text(encoding="utf-8"))
    return [json.loads(b) for b in parser.blocks]


def check_review(doc: dict, claim, source) -> None:
    assert doc["@context"] == "https://schema.org"
    assert doc["@type"] == "ClaimReview"
    assert doc["claimReviewed"] == claim.quote
    assert doc["url"].endswith(f"#claim-{claim.id}")
    # absolute, from the configured base URL (docs/conf.py's html_baseurl unless --base-url)
    assert doc["url"].startswith(site.default_base_url(sitefixture.ROOT) + "generated/sources/"), doc["url"]
    item = doc["itemReviewed"]
    assert item["@type"] == "Claim"
    appearance = item["appearance"]
    assert appearance["@type"] == "CreativeWork"
    assert appearance["headline"] == (source.title or source.id)
    who = source.author or source.publisher
    if who:
        assert item["author"] == {"@type": "Organization", "name": who}
    if source.publisher:
        assert appearance["publisher"]["name"] == source.publisher
    rating = doc["reviewRating"]
    verdict = claim.review.verdict
    assert rating == {"@type": "Rating", "ratingValue": RATING[verdict], "bestRating": 5, "worstRating": 1,
                      "alternateName": verdict}
    assert doc["author"]["@type"] == "Organization" and doc["author"]["name"]
    assert doc["datePublished"] == str(claim.review.date)
    body = doc["reviewBody"]
    assert body.startswith(verdict.capitalize() + ".")
    assert f"Stated {claim.display() if not claim.categorical else ''}".strip() in body


def test_hostile_site_claim_reviews():
    html = sitefixture.hostile_site()
    kb = load(sitefixture.CACHE / "hostile" / "kb")
    src = kb.sources[sitefixture.SOURCE_ID]
    page = html / "generated" / "sources" / f"{sitefixture.SOURCE_ID}.html"
    docs = {d["url"].rsplit("#claim-", 1)[1]: d for d in claim_reviews(page)}
    reviewed = {c.id: c for c in kb.claims if c.review}
    assert set(docs) == set(reviewed) == {"fx-h100-fp16", "fx-h100-sxm-tdp"}
    for cid, doc in docs.items():
        check_review(doc, reviewed[cid], src)
    # the quote with a <script> element survives exactly, yet cannot close the script element
    assert docs["fx-h100-sxm-tdp"]["claimReviewed"] == sitefixture.QUOTES["fx-h100-sxm-tdp"]
    raw = page.read_text(encoding="utf-8")
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', raw, re.S):
        assert "<" not in block and ">" not in block
    # the numeric difference from the reference, in the review text
    wrong = docs["fx-h100-fp16"]["reviewBody"]
    assert re.search(r"Stated 60 TFLOPS; reference 989\.4 TFLOPS \(NVIDIA H100 SXM, fp16 · tensor · dense · per-gpu\): "
                     r"16\.35x below\.", wrong), wrong
    correct = docs["fx-h100-sxm-tdp"]["reviewBody"]
    assert "reference 700 W (NVIDIA H100 SXM, per-gpu): consistent with it." in correct
    # a claim without a review gets none
    assert "fx-h100-sxm-vendor" not in docs


def test_project_site_publishes_a_claim_review_per_reviewed_claim():
    kb = load(sitefixture.ROOT)
    reviewed = [c for c in kb.claims if c.review]
    if not reviewed:
        pytest.skip("no claim in claims/ carries a review yet")
    html = sitefixture.project_site()
    seen = {}
    for sid in sorted({c.source for c in reviewed}):
        page = html / "generated" / "sources" / f"{site.slug(sid)}.html"
        for doc in claim_reviews(page):
            seen[doc["url"].rsplit("#claim-", 1)[1]] = (doc, kb.sources[sid])
    assert set(seen) == {c.id for c in reviewed}
    for c in reviewed:
        doc, src = seen[c.id]
        check_review(doc, c, src)
        if not c.categorical and c.review.verdict in ("wrong", "dubious"):
            assert re.search(r"reference .+: ([\d,]+(\.\d+)?x (below|above)|consistent with it)\.", doc["reviewBody"]) or \
                "no reference value" in doc["reviewBody"], doc["reviewBody"]
