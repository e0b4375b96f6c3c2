"""Property guesses for numbers in prose, from forms common in public writing on AI economics
(found with the ``find_string`` tool in public repositories outside every corpus; short quotes or
close paraphrases):

- a time after a verb of doubling or halving and "every", hedged or not ("inference costs halve
  every 2.6 months", "doubling roughly every seven months", "falls by half every six months"):
  a doubling time (a halving is the same period of a falling quantity), no run's length;
- an amount written as the adjective of a valuation ("at a $965 billion post-money valuation");
- an amount right after a verb of raising money ("raised $16.08 billion at a valuation of ..."):
  one round, unless the words after it make it all raised ("since ...", "to date");
- an amount per month after the words of a price list ("starting at $10 a month") or after a
  plan's name and a verb of costing ("NewtonAI Pro costs $8.49/month"): a plan's price;
- an amount spent on infrastructure ("spending $185 billion on AI infrastructure"): capex;
- an amount a company "generated" or "brought in" (no other result named after it): revenue;
- "contracts worth $X": the contracts' value; "GW of solar-plus-storage": generating capacity.
"""
from __future__ import annotations

import pytest

from conftest import draft_of, read_raw_values


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


# --- doubling and halving times ---------------------------------------------------------------

def test_a_halving_period_is_a_doubling_time(reg):
    d = draft_of(reg, "The researchers estimate inference costs halve every 2.6 months.", "2.6 months")
    assert d.property == "doubling-time"
    assert draft_of(reg, "Assume cost halves every 2.5 years.", "2.5 years").property == "doubling-time"


def test_a_hedged_doubling_period_is_drafted_and_no_multiplier():
    text = "Autonomous task horizons are doubling roughly every seven months."
    raws = [r[0] for r in read_raw_values(text)]
    assert raws == ["seven months"]


def test_a_hedged_doubling_period_is_a_doubling_time(reg):
    text = "Autonomous task horizons are doubling roughly every seven months."
    assert draft_of(reg, text, "seven months").property == "doubling-time"


def test_falling_by_half_every_period_is_a_doubling_time(reg):
    text = "The price of a chip falls by half every six months."
    assert [r[0] for r in read_raw_values(text)] == ["six months"]
    assert draft_of(reg, text, "six months").property == "doubling-time"


def test_half_as_a_share_is_still_drafted():
    # (the rule leaves "half" before "every" alone only after "by" or "in")
    assert any(r[0] == "half" for r in read_raw_values("The new chip uses half the power of the old one."))


# --- valuation and funding --------------------------------------------------------------------

ANTHROPIC = "Anthropic raises $65 billion in Series H funding at $965 billion post-money valuation."
FACEBOOK = "Facebook raised $16.08 billion at a valuation of $104.2 billion in May 2012."


def test_an_amount_written_before_valuation_is_the_valuation(reg):
    assert draft_of(reg, ANTHROPIC, "$965 billion").property == "valuation"
    assert draft_of(reg, ANTHROPIC, "$65 billion").property == "funding-round"


def test_money_raised_is_a_round_whatever_valuation_is_near(reg):
    assert draft_of(reg, FACEBOOK, "$16.08 billion").property == "funding-round"
    assert draft_of(reg, FACEBOOK, "$104.2 billion").property == "valuation"
    assert draft_of(reg, "Discord confirms raising $100M at a valuation of $7B.", "$100M").property == "funding-round"


def test_has_raised_with_a_round_named_is_a_round(reg):
    text = "The marketplace has raised $150 million in Series D funding at a $1 billion valuation."
    assert draft_of(reg, text, "$150 million").property == "funding-round"
    text = "Hugging Face has secured $235 million in Series D funding at a valuation of $4.5 billion."
    assert draft_of(reg, text, "$235 million").property == "funding-round"


def test_money_raised_since_an_event_is_all_raised(reg):
    text = "Despite raising $60.9 billion in private funding since ChatGPT's public launch, it loses money."
    assert draft_of(reg, text, "$60.9 billion").property == "total-funding"


def test_money_raised_as_debt_is_no_round(reg):
    d = draft_of(reg, "The company raised $2 billion in debt to build the data center.", "$2 billion")
    assert d.property != "funding-round"


# --- plan prices ------------------------------------------------------------------------------

def test_a_price_list_start_per_month_is_a_plan_price(reg):
    text = "Don't have one? We can sell you AI access too, starting at $10 a month."
    assert draft_of(reg, text, "$10 a month").property == "subscription-price"


def test_a_plan_name_that_costs_per_month_is_a_plan_price(reg):
    text = "ChatGPT Plus costs $20/month. NewtonAI Pro costs $8.49/month and includes study tools."
    assert draft_of(reg, text, "$8.49/month").property == "subscription-price"
    assert draft_of(reg, "Cost: SHRP is free; ChatGPT Plus costs $20/month.", "$20/month").property == "subscription-price"


def test_a_machine_starting_at_per_month_is_no_plan(reg):
    text = "Dedicated GPU servers starting at $2,000 a month."
    assert draft_of(reg, text, "$2,000 a month").property != "subscription-price"


# --- capital spending -------------------------------------------------------------------------

def test_spending_on_infrastructure_is_capex(reg):
    text = "Google just told investors they're spending $185 billion on AI infrastructure in 2026."
    assert draft_of(reg, text, "$185 billion").property == "capex"
    text = "Hyperscalers are planning to spend nearly $700 billion on AI infrastructure in 2026."
    assert draft_of(reg, text, "nearly $700 billion").property == "capex"


# --- revenue, contracts, generation -----------------------------------------------------------

def test_money_taken_in_is_revenue(reg):
    text = "Microsoft's Azure business generated $75 billion in fiscal 2025."
    assert draft_of(reg, text, "$75 billion").property == "revenue"
    assert draft_of(reg, "OpenAI generated $4.3 billion in the first half of 2025.", "$4.3 billion").property == "revenue"


def test_money_generated_as_another_result_is_no_revenue(reg):
    d = draft_of(reg, "The company generated $1.2 billion in free cash flow.", "$1.2 billion")
    assert d.property != "revenue"


def test_contracts_worth_an_amount_are_its_contract_value(reg):
    text = "Oracle signed contracts worth $300 billion with OpenAI."
    assert draft_of(reg, text, "$300 billion").property == "contract-value"


def test_solar_plus_storage_is_generation(reg):
    text = "A record ~112 GW of solar-plus-storage withdrew from the queues in 2024 alone."
    assert draft_of(reg, text, "~112 GW").property == "generating-capacity"
