"""Forms of issue 14's value+unit misses and misreads (gram16): each on a short sentence."""
from __future__ import annotations

import pytest

from conftest import read_raw_values

from kb.extract.drafts import extract_text


@pytest.mark.parametrize("text, raw", [
    ("Data parallelism could double its throughput.", "double"),
    ("The new kernel more than doubles output speed.", "more than doubles"),
    ("Users must value it enough to double revenue.", "double"),
    ("Egress fees can double the bill.", "double"),
])
def test_what_a_change_can_do_is_a_ratio(text, raw):
    got = [(d.value, d.unit) for d in extract_text(text)]
    assert got == [(2.0, "x")], got


@pytest.mark.parametrize("text", ["Data centres may double their consumption.",
                                  "Demand is expected to double by 2030."])
def test_a_forecast_to_double_is_still_a_change(text):
    got = [(d.value, d.unit) for d in extract_text(text)]
    assert got == [(100.0, "percent")], got


def test_a_percent_column_written_as_fractions_holds_fractions():
    text = ("| Model | MFU % | Cost |\n|---|---|---|\n| 7B | 0.57 | $3 |\n| 13B | 0.51 | $4 |\n")
    got = {d.raw: (d.value, d.unit) for d in extract_text(text)}
    assert got["0.57"] == (0.57, "x") and got["0.51"] == (0.51, "x"), got


def test_a_percent_column_of_percentages_stays_percent():
    text = ("| Model | MFU % |\n|---|---|\n| 7B | 57 |\n| 13B | 0.5 |\n")
    got = {d.raw: (d.value, d.unit) for d in extract_text(text)}
    assert got["57"] == (57.0, "percent") and got["0.5"] == (0.5, "percent"), got


def test_a_kramdown_attribute_list_hides_its_numbers():
    text = 'The loss curve.\n\n![curve](/img/loss.png){:style="width:100%; max-width: 600px"}\n'
    assert read_raw_values(text) == []


def test_a_scaled_model_size_is_a_parameter_count():
    got = [(d.value, d.unit) for d in extract_text("FSDP works well for the 13B model size too.")]
    assert got == [(13.0, "billion parameter")], got
    got = [(d.value, d.unit) for d in extract_text("The model has a hidden size of 4096.")]
    assert (13.0, "billion parameter") not in got


def test_a_change_by_an_amount_to_a_level_is_no_range():
    got = read_raw_values("Revenue rose by $30 billion to $80 billion.")
    assert [(v, u) for _, v, _, _, u in got] == [(30.0, "billion USD"), (80.0, "billion USD")], got
    got = read_raw_values("Prices range from $8 to $20.")
    assert [(lo, hi, u) for _, _, lo, hi, u in got] == [(8.0, 20.0, "USD")], got


def test_a_model_number_plural_is_no_duration():
    assert read_raw_values("I run two RTX 3090s at home.") == []
    assert [(v, u) for _, v, _, _, u in read_raw_values("The job took 3600s.")] == [(3600.0, "s")]


def test_a_sequence_length_in_thousands_is_tokens():
    got = [(d.value, d.unit) for d in extract_text("We train models of 4k sequence length.")]
    assert got == [(4.0, "K token")], got


@pytest.mark.parametrize("text, value, unit", [
    ("It cost $2.8m to train.", 2.8, "million USD"),
    ("It has 2.8m users.", 2.8, "million user"),
    ("It needed 2.8m GPU hours.", 2.8, "million GPU-hour"),
])
def test_a_lower_case_m_is_a_million_after_money_or_before_what_is_counted(text, value, unit):
    got = [(d.value, d.unit) for d in extract_text(text)]
    assert got == [(value, unit)], got


def test_a_lower_case_m_of_a_length_is_no_million():
    assert read_raw_values("The rack is 2.2m tall.") == []


def test_a_checkpoint_in_trillions_is_named_by_its_tokens():
    assert [(d.value, d.unit) for d in extract_text("The 2T checkpoint is on the Hub.")] == [(2.0, "trillion token")]
    assert [(d.value, d.unit) for d in extract_text("The 7B checkpoint is on the Hub.")] == [(7.0, "billion parameter")]


def test_a_period_of_use_a_figure_is_likened_to_is_no_duration():
    assert read_raw_values("Training used 1 year of electricity for 75 homes.") == []
    assert [(v, u) for _, v, _, _, u in read_raw_values("Training took 1 year of compute.")] == [(1.0, "year")]
