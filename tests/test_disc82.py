"""Discovery's last relations to 0.7 (issue 13, disc82): forms quoted from the development
articles whose curated relation went unproposed."""
from __future__ import annotations

from kb.extract.drafts import extract_text


def _units(text):
    return [(d.raw, d.unit) for d in extract_text(text)]


def test_a_price_times_a_count_of_requests_is_per_request():
    # r135: "// Instead of 100 individual API calls" then "// 100 × $0.01 = $1.00": the $0.01 is a
    # price per call, as the product needs it (USD alone would make the working USD × query)
    text = ("```javascript\n// Instead of 100 individual API calls\nfor (const item of items) {\n"
            "  await llm.process(item); // 100 × $0.01 = $1.00\n}\n```\n")
    got = _units(text)
    assert ("$0.01", "USD/query") in got, got
    assert ("$1.00", "USD") in got, got


def test_a_price_times_a_bare_count_or_a_wrong_product_stays_an_amount():
    # a bare count names no thing the price is per; a product that is not the result is no working
    got = _units("```\n// Batch process\nawait llm.batch(batch); // 1 × $0.10 = $0.10\n```\n")
    assert ("$0.10", "USD") in got, got
    text = ("```\n// Instead of 100 individual API calls\nfor (const item of items) {\n"
            "  await llm.process(item); // 100 × $0.01 = $5.00\n}\n```\n")
    assert ("$0.01", "USD/query") not in _units(text)
