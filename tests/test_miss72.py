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
