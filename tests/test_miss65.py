"""miss65: missed and spurious numbers in prose, developed on fresh public texts in no corpus
(AI-economics essays, newsletters and explainers of 2026, judged by hand), dev as the guard.

- A spelled number of several words before a scale word is read whole ("six hundred billion
  dollars" is 600 billion USD, not the 100 billion of its last word), and so is a multiple of
  ten past fifty ("seventy billion dollars").
- A count's noun may follow a maker's accelerator line ("Ascend units", "Trainium2 chips") or an
  adjective of its kind ("advanced AI chips", "SSD servers").
- "from X to Y" after a verb of change is two values, not a range, also with a bound before the
  first ("from under 1% to 17%"); the first amount takes the rate the second one writes ("from
  $1.70 to $2.35 per GPU-hour"); "down from $1 and $6" is two prices, not a range.
- A bare number of 1e20 or more in a paragraph about FLOPs is a count of FLOP ("Meta's stated
  3.8e25").
- Shares in words of a group ("Half of US adults", "two-thirds say ...") are shares in percent.
- No claim: a confidence interval's level ("95% CI"), nor a period in a table's title ("The chart
  of the week").
"""
from __future__ import annotations

import pytest

from conftest import value_units
from kb.extract.drafts import extract_text

_read = value_units


@pytest.mark.parametrize("text, value, unit", [
    ("In fiscal 2026, NVIDIA's data center business reached one hundred ninety-four billion dollars in revenue.",
     194.0, "billion USD"),
    ("AI companies would need to generate roughly six hundred billion dollars in annual revenue.", 600.0, "billion USD"),
    ("The lab raised seventy billion dollars last year.", 70.0, "billion USD"),
])
def test_compound_spelled_amounts(text, value, unit):
    got = _read(text)
    assert (value, unit) in got
    assert (100.0, "billion USD") not in got


@pytest.mark.parametrize("text, value, unit", [
    ("The EU will build gigafactories, each planned to hold at least 100,000 advanced AI chips.", 100000.0, "GPU"),
    ("Huawei is targeting 600,000 to 750,000 Ascend units shipped in 2026.", (600000.0, 750000.0), "GPU"),
    ("Meta's storage fabric spans 240 PB across 7,500 SSD servers.", 7500.0, "node"),
])
def test_counts_after_a_line_or_a_kind(text, value, unit):
    assert (value, unit) in _read(text)


@pytest.mark.parametrize("text, first, second", [
    ("Google's redundant in-memory copies lifted goodput from 85% to 97%.", 85.0, 97.0),
    ("One platform's token share for a Chinese model jumped from under 1% to 17% in a month.", 1.0, 17.0),
])
def test_from_to_after_a_change_is_two_values(text, first, second):
    got = _read(text)
    assert (first, "percent") in got and (second, "percent") in got
    assert ((first, second), "percent") not in got


def test_from_amount_takes_the_rate_written_after_the_second():
    text = "One-year contract rates jumped nearly 40%, from $1.70 to $2.35 per GPU-hour."
    assert (1.7, "USD/GPU-hour") in _read(text)


def test_two_prices_after_from_are_no_range():
    text = "Luna now costs $1.20 per million output, down from $1 and $6."
    got = _read(text)
    assert ((1.0, 6.0), "USD") not in got
    assert (6.0, "USD") in got


def test_bare_large_number_in_a_flop_paragraph():
    text = "Worked check: 6 × 405e9 × 15.6e12 = 3.79e25 FLOP against Meta's stated 3.8e25."
    assert (3.8e25, "FLOP") in _read(text)


def test_an_operand_is_no_flop_figure():
    text = "Training FLOPs: the 6ND estimate is 6.3e24. On a single TPU this would take `6.3e24 / 4.59E+14 = 435 years`."
    assert [d.span_start for d in extract_text(text) if d.value == 6.3e24] == [text.index("6.3e24")]


@pytest.mark.parametrize("text, value", [
    ("- **Half of US adults now use AI chatbots**, a survey found.", 50.0),
    ("70% of Americans think so; two-thirds say AI is advancing too quickly.", 66.666666667),
])
def test_shares_in_words(text, value):
    assert (value, "percent") in _read(text)


def test_confidence_level_is_no_claim():
    text = "Cost has grown at 2.4x per year since 2016 (95% CI: 2.0x to 3.1x)."
    assert (95.0, "percent") not in _read(text)


def test_period_in_a_table_title_is_no_unit():
    text = ("## The chart of the week\n\n*List price per million output tokens*\n\n"
            "| Luna (was) | Luna (now) | Terra (was) |\n|---|---|---|\n| 6 | **1.2** | 15 |\n")
    assert not any(unit == "week" for _, unit in _read(text))
