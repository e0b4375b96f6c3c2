"""money50: amounts of money the extractor missed or read in the wrong unit (designed on dev-B).

Each case is a short quote of the dev-B article that showed the gap.
"""
from __future__ import annotations

import pytest

from conftest import value_units

_read = value_units


# - "--", the en dash typed as two hyphens, joins a range when it touches both numbers
#   ("$3,500--$9,500"); spaced (" -- ") it is a dash between clauses, no range.
@pytest.mark.parametrize("text, want", [
    ("That makes the $3,500--$9,500 hardware investment trivially justified.", ((3500.0, 9500.0), "USD")),
    ("**Dual RTX 3090 + small/medium models: 3--3.5 months.**", ((3.0, 3.5), "month")),
])
def test_double_hyphen_range(text, want):
    assert want in _read(text)


def test_spaced_double_hyphen_is_a_dash():
    got = _read("DeepSeek V3.2 hit $0.28/$0.42 per\nMTok -- 90% below GPT-4.1.")
    assert (0.42, "USD per 1M tokens") in got
    assert not any(isinstance(v, tuple) for v, _ in got)


# - A unit of capacity held for a time, joined by a hyphen ("/MW-day", "per GB-month"): the
#   price is per that capacity per that period.
@pytest.mark.parametrize("text, want", [
    ("First time hitting price ceiling: $329.17/MW-day", (329.17, "USD/MW/day")),
    ("paying US$0.1 per GB-month of storage, we'd pay US$75 per month", (0.1, "USD/GB/month")),
])
def test_capacity_time_denominator(text, want):
    assert want in _read(text)


# - A rate written as a hyphenated adjective with its count in words ("$8,333-per-million-token")
#   or with "a" for "per" ("a $20-a-month plan").
@pytest.mark.parametrize("text, want", [
    ("Every hour you spend is an hour of $8,333-per-million-token cognition.", (8333.0, "USD per 1M tokens")),
    ("Compare that with a $20-a-month subscription.", (20.0, "USD/month")),
])
def test_hyphenated_rates(text, want):
    assert want in _read(text)


# - A chatbot's message is priced as a request ("a cost per message of: $0.03").
def test_cost_per_message():
    got = _read("So, 300 tokens for the input. Giving us a cost per message of: $0.03.")
    assert (0.03, "USD/query") in got


# - What the money is, named between the amount and its denominator ("$12,000 revenue per MWh").
def test_money_noun_before_per():
    got = _read("Both Meta and Alphabet started around $12,000 revenue per MWh in 2020.")
    assert (12000.0, "USD/MWh") in got


# - A bare scaled number right before a noun only money is ("10bn investment") is dollars.
def test_bare_billions_before_money_noun():
    assert (10.0, "billion USD") in _read("Microsoft's 10bn investment in OpenAI is paying dividends.")
    assert (70.0, "billion parameter") in _read("We ran a 70B model on it.")


# - A range after a period named before it ("monthly ... costs at around $5-6"): the period is
#   both ends'.
def test_range_takes_period_named_before():
    got = _read("I've stabilized my monthly AI power costs at around $5-6. That feels sustainable.")
    assert ((5.0, 6.0), "USD/month") in got


# - A line's label that opens with a period's volume ("- 1M input tokens/month @ GPT-4: $30"):
#   the amount is what a period's volume costs; "@ GPT-4" names a model, no rate assumed, while
#   "At $0.08/kWh: ~$56,000" still assumes a rate.
_MONTHLY = """**Before:**
- 1M input tokens/month @ GPT-4: $30
- 500K output tokens/month: $15
- At $0.08/kWh: ~$56,000
"""


def test_label_of_a_period_volume():
    got = _read(_MONTHLY)
    assert (30.0, "USD/month") in got
    assert (15.0, "USD/month") in got
    assert (56000.0, "USD") in got


# - The same rate restated in another currency after "or" takes the rate's period: "around
#   US$150 a month, or around AU$220".
def test_rate_converted_into_another_currency():
    got = _read("if we choose a 300GB volume that's around US$150 a month, or around AU$220; so the break even "
                "point is around 11 months.")
    assert (150.0, "USD/month") in got
    assert (220.0, "AUD/month") in got


# - A line's label naming one request ("- First query:", "- Cached query (same context):"): the
#   amount is what one request costs; "- Total:" gives none.
def test_label_of_one_request():
    got = _read("**Example:**\n- First query: $0.015\n- Cached query (same context): $0.003\n- Total: $5\n")
    assert (0.015, "USD/query") in got
    assert (0.003, "USD/query") in got
    assert (5.0, "USD") in got


# - A money table's percentage column that names a discount keeps its 0% (the tier's discount is
#   none), beside the money cells of the row; a bare "0%" elsewhere stays furniture.
_TIERS = """| Tier | Monthly Spend | Discount |
|------|---------------|----------|
| Standard | $0 - $5K | 0% |
| Growth | $5K - $50K | 10-20% |
"""


def test_zero_discount_cell():
    got = _read(_TIERS)
    assert (0.0, "percent") in got
    assert ((0.0, 5.0), "K USD/month") in got
    assert (0.0, "percent") not in _read("GPU status. Loaded: 0% of the model.")


# - The same measure's earlier value in brackets takes the rate's period: "$7-9B annualized (was
#   $87M early 2024)".
def test_earlier_value_in_brackets():
    got = _read("| Metric | Value |\n|---|---|\n| Revenue | **$7-9B** annualized (was $87M early 2024) |\n")
    assert (87.0, "million USD/year") in got


# - A salary is a year's pay: "At a $100,000 salary".
def test_salary_is_yearly():
    got = _read("At a $100,000 salary across 250 working days, that's $400 per day of human cognition.")
    assert (100000.0, "USD/year") in got
    assert (400.0, "USD/day") in got


# - A volume per period the clause opens with makes the amount after it that period's cost: "at
#   20 posts a month, images alone cost $10.8".
def test_volume_per_period_before_amount():
    got = _read("That's $0.54 per post, and at 20 posts a month, **images alone cost $10.8**.")
    assert (10.8, "USD/month") in got


# - A money column's header that writes its scale in a word after the sign ("(US$ millions)",
#   "($ billions)", "($000s)") or before "of dollars" ("(billions of dollars)"): the cells are in
#   that scale (they were read as plain dollars, a thousand or a billion times too small).
_SCALED = """| Year | Capex ($ billions) | Revenue (billions of dollars) | Cost ($000s) | Sales (US$ millions) |
|---|---|---|---|---|
| 2024 | 35 | 12 | 450 | 1,200 |
"""


@pytest.mark.parametrize("want", [(35.0, "billion USD"), (12.0, "billion USD"), (450.0, "K USD"),
                                  (1200.0, "million USD")])
def test_header_scale_words(want):
    assert want in _read(_SCALED)
