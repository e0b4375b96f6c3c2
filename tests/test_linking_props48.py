"""Properties chosen by default when no word near a number speaks for one (kb/extract/linking.py,
``_link_one`` and ``_guess_property``; datasets/properties/):

- a span of time is a training run's length only where training is spoken of: in the number's
  own words, the paragraph up to it, or the headings it is under; else it is how long some run
  of a thing takes (run-duration), not a training run's;
- a sum of money by a piece of hardware (a power supply, a motherboard, a server) is its price;
- a break-even with no word of a company's profit is the payback of an investment (its savings
  repaying its cost), not a company's time to break even (time-to-breakeven needs a word of profit).

Sentences from dev-A articles (named in each test) and made-up probes.
"""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text

_TIME = ("min", "minute", "minutes", "hour", "hours", "hr", "hrs", "day", "days", "week", "month", "year", "s", "second", "ms")


def _props(project_registry, text):
    return [d.property for d in extract_text(text, project_registry) if d.unit in _TIME]


@pytest.mark.parametrize("text", [
    # r78-ai-impact-tracker-energy
    "## Light bulb equivalents\n\n**Example conversions**:\n* 41.5 Wh → ~42 minutes of a 60W light bulb\n",
    # r130-llm-locust-cost-estimation
    "### Q: How long should I run the test?\n**A:** 5 minutes is usually enough for a good estimate.\n",
    # made up
    "## Price comparison\n\nWe compare with renting: 7 days of a g5.12xlarge cost 953 EUR.\n",
])
def test_a_span_of_time_no_word_of_training_is_near_is_a_run_time(project_registry, text):
    props = _props(project_registry, text)
    assert props and set(props) == {"run-duration"}


@pytest.mark.parametrize("text", [
    # r01-training-cost-index: the heading names the training run
    "## Training a 7B model on 1T tokens\n\nWith 256 H100s: 26,249 / 256 = 102 hours.\n",
    # made up: an earlier sentence of the paragraph does
    "We trained the model on 64 GPUs in our own cluster. The whole run took about 11 days.\n",
    # made up: the number's own sentence does
    "Pre-training the model took 54 days.\n",
])
def test_a_span_of_time_training_is_spoken_of_near_is_a_training_run(project_registry, text):
    props = _props(project_registry, text)
    assert props and set(props) == {"training-duration"}


def _money(project_registry, text):
    return [d.property for d in extract_text(text, project_registry) if d.unit in ("USD", "EUR", "K USD", "thousand USD")]


@pytest.mark.parametrize("text", [
    # r115-cheapest-dl-workstation
    "9€ power supply\n",
    "40€ motherboard + CPU + RAM combo\n",
    # made up
    "A second-hand server with two Xeons went for $2,400.\n",
])
def test_a_sum_of_money_by_a_piece_of_hardware_is_its_price(project_registry, text):
    assert _money(project_registry, text) == ["purchase-price"]


def test_a_sum_of_money_no_word_speaks_for_is_still_what_something_costs(project_registry):
    # r122-assistant-startup-costs-notes (the plain reading prop45 made: no hardware word near)
    assert _money(project_registry, "That's about $80k.\n") == ["workload-cost"]


@pytest.mark.parametrize("text", [
    # r126-self-hosted-vs-parasail-costs
    "**Example:** If you run one 200K batch per week, you break even in **~15 months**.\n",
    "- **Break-even in 15 months** at 1x 200K batch/week\n",
])
def test_a_break_even_no_word_of_profit_is_near_is_a_payback_period(project_registry, text):
    assert _props(project_registry, text) == ["payback-period"]


def test_a_company_turning_a_profit_is_its_time_to_break_even(project_registry):
    # made up
    text = "The company expects to turn a profit and break even in 4 years.\n"
    assert _props(project_registry, text) == ["time-to-breakeven"]
