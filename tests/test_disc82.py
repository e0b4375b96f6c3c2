"""Discovery's last relations to 0.7 (issue 13, disc82): forms quoted from the development
articles whose curated relation went unproposed."""
from __future__ import annotations

from conftest import number_records as _recs

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


# --- a cost per request from a direction's token count and a price list's rate (kb.extract.arith) ---

from kb.extract.arith import PER_REQUEST, propose  # noqa: E402


# r08: a price list in code, and sections later "# Before: avg 500 output tokens = $0.005 per request"
_PRICES = ('PRICING = {\n    "gpt-4o": {"input": 2.50, "output": 10.00},\n'
           '    "gpt-4o-mini": {"input": 0.15, "output": 0.60},\n}\n\n'
           "## Strategies\n\nBatching and caching both help; output length matters most.\n\n")
_SPEC = [("in4o", "2.50", 2.5, "USD per 1M tokens"), ("out4o", "10.00", 10.0, "USD per 1M tokens"),
         ("inmini", "0.15", 0.15, "USD per 1M tokens"), ("outmini", "0.60", 0.6, "USD per 1M tokens")]


def test_a_cost_per_request_of_output_tokens_at_the_listed_output_price():
    text = _PRICES + ("response = model.generate(prompt=prompt, max_tokens=300)\n# Cost impact:\n"
                      "# Before: avg 500 output tokens = $0.005 per request (GPT-4o)\n")
    spec = _SPEC + [("m", "300", 300, "token"), ("n", "500 output tokens", 500, "token"),
                    ("c", "$0.005 per request", 0.005, "USD/query")]
    ps = propose(text, _recs(text, spec))
    got = next(((p.formula, sorted(p.inputs.values())) for p in ps if p.target == "c"), None)
    assert got == (PER_REQUEST, ["n", "out4o"]), got


def test_no_rate_of_that_direction_or_two_that_make_it_propose_nothing():
    # the input price would make it (500 × $10 per 1M), but the tokens are output tokens
    text = _PRICES.replace('"output": 10.00', '"output": 12.00').replace('"input": 2.50', '"input": 10.00') \
        + "response = model.generate(prompt=prompt, max_tokens=300)\n# Before: avg 500 output tokens = $0.005 per request\n"
    spec = [("in4o", "10.00", 10.0, "USD per 1M tokens"), ("out4o", "12.00", 12.0, "USD per 1M tokens")] + _SPEC[2:] \
        + [("m", "300", 300, "token"), ("n", "500 output tokens", 500, "token"),
           ("c", "$0.005 per request", 0.005, "USD/query")]
    ps = propose(text, _recs(text, spec))
    assert not any(p.target == "c" and p.formula == PER_REQUEST for p in ps)
