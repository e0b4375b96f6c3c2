"""Spurious multipliers and dropped per-unit amounts in forms common in public writing (short quotes
or close paraphrases of public text found with the ``find_string`` tool, outside every corpus):

- a verb of doubling or halving with what doubles, or a hedge, between it and "every"/"each" ("a
  codebase that doubles in size every 18 months", "halves in price every nine to twelve months",
  "usage has approximately doubled each year"): the period is the figure (a doubling time), the verb
  no 2x or 0.5x ratio;
- "twice a year", "twice per year": how often, no 2x multiplier (as "three times a year" already was);
- "4 × 1,345 MW reactors", "2 x 700 W GPU": so many things of that size each, the per-unit amount
  drafted (it was dropped as an operand of arithmetic), unless the line works a result out.
"""
from __future__ import annotations

import pytest

from conftest import draft_of, read_raw_values


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


def raws(text):
    return [r[0] for r in read_raw_values(text)]


# --- doubling with words between the verb and "every" / "each" ----------------------------------

def test_doubles_in_size_every_is_no_multiplier(reg):
    text = "The codebase doubles in size every 18 months."
    assert raws(text) == ["18 months"]
    assert draft_of(reg, text, "18 months").property == "doubling-time"


def test_halves_in_price_every_spelled_range_is_a_doubling_time(reg):
    text = "When a capability halves in price every nine to twelve months, betting on one provider is risky."
    assert raws(text) == ["nine to twelve months"]
    assert draft_of(reg, text, "nine to twelve months").property == "doubling-time"


def test_doubling_in_size_every_spelled_period_is_drafted():
    assert raws("With the engineering team doubling in size every four years, hiring never stops.") == ["four years"]


def test_doubled_each_year_is_no_multiplier():
    assert raws("Platform usage has approximately doubled each year for nine consecutive years.") == []
    assert raws("Even if production doubles each year, output stays small.") == []
    assert raws("A lily pad doubles in size every day.") == []


def test_doubled_with_a_year_named_is_still_a_multiplier():
    # (the rule this one extends leaves "doubled in 2024" a ratio of the two years)
    assert raws("Revenue doubled in 2024, to $3.7 billion.")[0] == "doubled"
    assert raws("Revenue doubled each quarter's target.") == ["doubled"]


# --- "twice a year" ------------------------------------------------------------------------------

def test_twice_a_year_is_a_frequency_not_a_multiplier():
    assert raws("New features are released twice a year.") == []
    assert raws("A corporate bond typically pays coupon twice per year.") == []


def test_twice_as_a_multiplier_stays():
    assert raws("The H100 is twice as fast as the A100.") == ["twice"]
    assert raws("It costs twice a year's salary.") == ["twice"]


# --- N x AMOUNT noun -----------------------------------------------------------------------------

def test_per_unit_capacity_after_a_count_and_times_sign(reg):
    text = "The plant has 4 × 1,345 MW reactors."
    assert raws(text) == ["1,345 MW"]
    assert draft_of(reg, text, "1,345 MW").property == "generating-capacity"


def test_per_unit_power_and_price_after_a_count():
    assert "700 W" in raws("Node power is assumed at 2 x 700 W GPU plus a 150 W/GPU host share.")
    assert raws("We bought 3 × $25,000 servers.") == ["$25,000"]


def test_an_operand_of_worked_arithmetic_stays_dropped():
    assert "700 W" not in raws("8 × 700 W GPUs = 5,600 W per server.")
