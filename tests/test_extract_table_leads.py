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


# ---------------------------------------------------------------- the line that introduces a table

_PRICES = "| Model | Vendor | Input | Output |\n|---|---|---|---|\n| Model A | Acme | $0.30 | $1.20 |\n"


@pytest.mark.parametrize("lead", [
    "Prices, per 1M tokens (input and output):\n\n",
    "List prices per million tokens as of June:\n",
    "**Prices per million tokens**\n\n",
])
def test_a_line_right_above_a_table_gives_its_cells_the_denominator(lead):
    got = _units("## What hosted APIs charge per token\n\n" + lead + _PRICES)
    assert got.get("$0.30") == "USD per 1M tokens" and got.get("$1.20") == "USD per 1M tokens", got


@pytest.mark.parametrize("lead", [
    "We priced everything per million tokens in June, as listed below.\n\n",  # a sentence, not a lead-in
    "Prices we found, in dollars:\n\n",                                       # names no denominator
    "Prices per million tokens:\n\nThe vendors changed them twice this year.\n\n",  # not right above
])
def test_a_line_that_does_not_introduce_the_table_gives_no_denominator(lead):
    got = _units(lead + _PRICES)
    assert got.get("$0.30") == "USD" and got.get("$1.20") == "USD", got


def test_a_lead_line_gives_no_unit_to_a_column_of_counts():
    text = "On-demand prices per GPU-hour:\n\n| Cloud | GPUs | Price |\n|---|---|---|\n| Acme | 8 | $2.10 |\n"
    got = [(d.raw, d.unit) for d in extract_text(text)]
    assert ("$2.10", "USD/GPU-hour") in got and ("8", "USD/GPU-hour") not in got, got


def test_a_lead_line_gives_no_currency_to_a_column_without_a_unit():
    text = "**Hourly prices, USD per hour**\n\n| Cloud | Size | Price |\n|---|---|---|\n| Acme | 8 | $2.10 |\n"
    got = [(d.raw, d.unit) for d in extract_text(text)]
    assert ("$2.10", "USD/hour") in got and all(u != "USD/hour" for r, u in got if r == "8"), got


# ---------------------------------------------------------------- the paragraph above names the measure

def test_the_paragraph_above_a_table_names_the_measure_of_its_bare_cells():
    text = ("The theoretical peak TFLOPS of each card are listed below, by number format.\n\n"
            "| Card | FP32 | FP16 | Launched |\n|---|---|---|---|\n| Chip A | 14 | 112 | 2017 |\n| Chip B | 19.5 | 312 | 2020 |\n")
    units = _units(text)
    assert units["14"] == units["312"] == units["19.5"] == "TFLOPS"
    assert "2017" not in units or units["2017"] != "TFLOPS"  # a year column takes no measure


def test_no_measure_from_above_when_it_names_two_or_a_header_names_a_unit():
    two = ("Peak TFLOPS and memory bandwidth in TB/s of each card:\n\n"
           "| Card | A | B |\n|---|---|---|\n| Chip A | 14 | 2 |\n")
    assert all(u != "TFLOPS" for u in _units(two).values())
    headed = ("Peak TFLOPS of each card.\n\n| Card | Memory (GB) | FP16 |\n|---|---|---|\n| Chip A | 80 | 312 |\n")
    units = _units(headed)
    assert units["80"] == "GB" and units.get("312") != "TFLOPS"  # one header names a unit: the lead says nothing
