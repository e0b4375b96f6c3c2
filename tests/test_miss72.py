"""miss72: missed and spurious numbers, developed on fresh public texts in no corpus (data-centre
and capex research notes, LLM price comparisons, an AI company's investment report, judged by
hand), dev as the guard.

- Two prices with a bare slash in brackets after a name ("Gemini 2.0 Flash ($0.10/$0.40)") are
  a model's input and output prices, not a quotient whose result is the version before them.
- A year in a table cell of words ("Late 2026 start, full by 2034") is a date, not so many of
  the things the row's label counts ("Existing nuclear plants").
- A count the next sentence goes on with, its noun left out or said as "units" ("that ramped
  to 750-800 thousand. Full-year 2025: 1.5-2 million units.") counts the same thing, and so many
  "units" of a named chip or architecture are that product's.
- No claim: a group's name made of a number ("the Big Four hyperscalers"), a band of tens
  ("margins in the low 70s", "back in the 90s": no seconds).
- A cloud's regions are counted ("33 geographic regions"); a blended price column ("Total (avg)")
  of a table whose section notes "(per 1M tokens)" is a price per so many tokens too; a list right
  under a line of annualized amounts holds yearly rates; "grew $1B to $4B" is two values.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import value_units
from kb.extract.drafts import extract_text
from kb.extract.linking import load_registry

_read = value_units
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("text, version", [
    ("Primary: Gemini 2.0 Flash ($0.10/$0.40)", 2.0),
    ("Premium tier: Claude Sonnet 4.5 ($3.00/$15.00) for the hardest tasks.", 4.5),
])
def test_a_price_pair_is_no_quotient(text, version):
    got = _read(text)
    assert (version, "x") not in got
    assert any(unit == "USD" for _, unit in got)


def test_a_quotient_in_brackets_still_reads():
    # (the result-first arithmetic stays: "448 kW (64 × 700W)")
    assert (448.0, "kW") in _read("The rack draws 448 kW (64 × 700W) at full load.")


def test_a_date_in_a_cell_is_no_count_of_the_label():
    text = ("| Deal | Buyer | Capacity | Duration | Timeline |\n|---|---|---|---|---|\n"
            "| Plant restart | Microsoft | 837 MW | 20 years | Target 2028 restart |\n"
            "| Existing nuclear plants | Meta | 2,609 MW | 20 years | Late 2026 start, full by 2034 |\n")
    got = _read(text)
    assert (2609.0, "MW") in got
    assert not any(v in (2026.0, 2034.0) for v, _ in got)


_SHIPPED = ("Nvidia shipped 150-200 thousand Blackwell units in Q4 2024. By Q1 2025 that ramped to "
            "750-800 thousand. Full-year 2025: 1.5-2 million units.")


def test_a_count_goes_on_in_the_next_sentence():
    got = _read(_SHIPPED)
    assert ((750.0, 800.0), "thousand GPU") in got
    assert ((1.5, 2.0), "million GPU") in got


def test_a_scaled_number_after_another_measure_is_not_counted():
    # the count before is money: a bare "750 thousand" is no count of GPUs
    got = _read("Nvidia earned $150 million in Q4 2024. By Q1 2025 that ramped to 750 thousand.")
    assert not any(unit.endswith("GPU") for _, unit in got)


def test_units_of_a_product_and_the_counts_that_go_on_are_the_products():
    reg = load_registry(ROOT)
    ds = [d for d in extract_text(_SHIPPED, reg) if d.unit.endswith("GPU")]
    assert len(ds) == 3
    assert {d.entity for d in ds} == {"nvidia-blackwell"}


@pytest.mark.parametrize("text", [
    "The Big Four hyperscalers have committed over $600 billion in combined capex for 2026.",
    "The Magnificent Seven spent $400 billion; the Big 3 clouds rent most of the GPUs.",
])
def test_a_group_name_is_no_count(text):
    got = _read(text)
    assert not any(unit == "item" for _, unit in got)
    assert any(unit == "billion USD" for _, unit in got)


@pytest.mark.parametrize("text", [
    "Management expects margins to moderate to low 70s during ramp, then recover to mid-70s.",
    "America regretted her energy dependence in the 70s, and worked hard to end it.",
])
def test_a_band_of_tens_is_no_duration(text):
    assert not any(unit == "s" for _, unit in _read(text))


def test_seconds_written_so_still_read():
    assert (30.0, "s") in _read("The job hit the 30s timeout twice.")
    assert (30.0, "s") in _read("Latency is 30s at p99.")


@pytest.mark.parametrize("text", [
    "By 2025, AWS operates across 33 geographic regions, many of which support GPU instances.",
    "The provider now runs 33 regions worldwide.",
])
def test_a_clouds_regions_are_counted(text):
    assert (33.0, "item") in _read(text)


def test_a_blended_price_column_takes_the_noted_token_count():
    text = ("## Pricing Comparison (per 1M tokens)\n\n### Chat Models\n\n"
            "| Model | Provider | Input | Output | Total (avg)* |\n|---|---|---|---|---|\n"
            "| GPT-4o-mini | OpenAI | $0.15 | $0.60 | $0.38 |\n| GPT-4o | OpenAI | $2.50 | $10.00 | $6.25 |\n")
    got = _read(text)
    assert (0.38, "USD per 1M tokens") in got and (6.25, "USD per 1M tokens") in got


def test_a_list_under_a_line_of_annualized_amounts_is_of_yearly_rates():
    text = ("**December 2025 (annualized)**: ~$30.8B combined\n- OpenAI: $20B\n- Anthropic: $10B\n\n"
            "**Funding raised**:\n- OpenAI: $60B\n")
    got = _read(text)
    assert (20.0, "billion USD/year") in got and (10.0, "billion USD/year") in got
    assert (60.0, "billion USD") in got  # (a list under no such line keeps its amounts)


def test_grew_one_amount_to_another_is_two_values():
    got = _read("Context: Anthropic grew $1B to $4B ARR in 7 months.")
    assert ((1.0, 4.0), "billion USD/year") not in got
    assert (4.0, "billion USD/year") in got
    assert ((2.0, 5.0), "billion USD") in _read("We expect $2B to $5B of revenue.")
