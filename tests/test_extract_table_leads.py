"""Table forms where the unit of the cells is said around them rather than in them (issue 14):
a header's "per 1 million output tokens", a parenthesis that says what the measurement was made
with, a line right above the table that names the denominator. Each test is a paraphrase of a
form seen in real articles, never a copied sentence."""
from __future__ import annotations

import pytest

from kb.core.grammar import header_unit, unit_text
from kb.extract.drafts import extract_text


def _units(text: str) -> dict:
    return {d.raw: d.unit for d in extract_text(text)}


# ---------------------------------------------------------------- "per 1 million output tokens"

@pytest.mark.parametrize("header, unit", [
    ("Price per 1 million output tokens", " per 1M tokens"),
    ("Spend per 1 thousand prompt tokens", " per 1K tokens"),
    ("Price per million completion tokens", " per 1M tokens"),
    ("Cost per 1 million output tokens, card fully busy", " per 1M tokens"),  # a note after a comma
    ("Price per hour, USD", "USD/hour"),                                      # a note naming the currency
])
def test_a_header_per_a_number_of_tokens_of_one_direction(header, unit):
    q = header_unit(header)
    assert (unit_text(q) if q is not None and q.den else None) == unit


def test_a_column_priced_per_million_output_tokens_is_a_token_price():
    table = ("| Accelerator | Rent per hour | Price per 1 million output tokens, fully loaded |\n|---|---|---|\n"
             "| L4 | $0.40 | roughly $1.10 |\n")
    got = _units(table)
    assert got.get("roughly $1.10", got.get("$1.10")) == "USD per 1M tokens", got
    assert got.get("$0.40") == "USD/hour", got


# ---------------------------------------------------------------- "(one request)": a condition

@pytest.mark.parametrize("header, unit", [
    ("Output tokens per second (single request)", "token/s"),  # the speed of one request, not requests
    ("Tokens/s (1 user)", "token/s"),
    ("Bandwidth in TB/s (one card)", "TB/s"),                      # one card's bandwidth, in TB/s
    ("Throughput (8 GPUs)", "GPU"),                                # (no unit outside: the count stays)
    ("TDP (W)", "W"),                                               # a unit in parentheses still comes first
])
def test_a_parenthesis_counting_what_was_measured_is_no_unit(header, unit):
    q = header_unit(header)
    assert q is not None and unit_text(q) == unit, q


def test_a_speed_column_measured_with_one_request_gives_tokens_per_second():
    table = "| Card | Tokens per second (single request) |\n|---|---|\n| A10G | 61 |\n"
    assert ("61", "token/s") in [(d.raw, d.unit) for d in extract_text(table)]
