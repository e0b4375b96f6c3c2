"""Property guesses for percentages and powers from the words that name what the number measures
(``_link_one`` / ``_guess_property`` in kb/extract/linking.py):

- the noun right after a percentage names its measure ("idle at 30% MFU", "25% GPU utilization");
- a share "of" a group of people or organisations whose words carry a verb of their status ("63% of
  developers use hooks") is the share of that population in that status;
- a power written before what generates it ("a 1.5GW natural gas plant") or "of" a source of
  electricity ("21 GW of nuclear capacity") is generating capacity, whatever data centre it powers;
- a model's percentage in a sentence about a benchmark, with no word of a part near, is its score;
- a noun of a plan near an amount per month or year ("student membership starting at $10 a month")
  makes it a subscription's price, unless a word of renting is near;
- the words of capital spending leading straight into an amount ("AI capex of $132B") make it capex.

Short quotes from public pages outside every corpus (paraphrased where noted).
"""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text


def _prop(reg, text, raw):
    got = [d.property for d in extract_text(text, reg) if d.raw == raw]
    assert got, [d.raw for d in extract_text(text, reg)]
    return got[0]


@pytest.mark.parametrize("text,raw,want", [
    ("Your H100s, which cost real money, idle at 30% MFU not because the math is hard.", "30%", "mfu"),
    ("OpenAI's top tier runs near 5.7% utilization, which is why its gross margin is thin.", "5.7%", "utilisation"),
])
def test_the_noun_after_a_percentage_names_its_measure(project_registry, text, raw, want):
    assert _prop(project_registry, text, raw) == want


def test_a_word_of_change_after_the_noun_keeps_the_rule_off(project_registry):
    # "a 30% utilization improvement": how much the utilisation moved, not its level
    assert _prop(project_registry, "The new scheduler gave a 30% utilization improvement.", "30%") != "utilisation"


@pytest.mark.parametrize("text,raw", [
    ("A blog cites a 2022 survey claiming 63% of developers use hooks.", "63%"),
    ("68% of developers say they find GitHub Actions YAML intimidating to write from scratch.", "68%"),
    ("17.5% of US businesses used AI in at least one function in the last two weeks.", "17.5%"),
])
def test_a_group_and_a_verb_of_its_status_make_an_adoption_share(project_registry, text, raw):
    assert _prop(project_registry, text, raw) == "adoption-share"


def test_a_share_of_an_amount_stays_a_share(project_registry):
    assert _prop(project_registry, "Inference used 60% of revenue last year.", "60%") != "adoption-share"


@pytest.mark.parametrize("text,raw", [
    ("Entergy is proposing to develop a 1.5GW natural gas plant in Louisiana to power a data center.", "1.5GW"),
    ("Results: 2.5 GW of nuclear power secured for its data centers.", "2.5 GW"),
    ("Amazon's 7.65 GW Texas gas plant will power a data center.", "7.65 GW"),
])
def test_a_power_written_before_what_generates_it_is_generating_capacity(project_registry, text, raw):
    assert _prop(project_registry, text, raw) == "generating-capacity"


def test_a_data_centre_power_stays_facility_power(project_registry):
    assert _prop(project_registry, "Meta is building a 2 GW data center campus in Louisiana.", "2 GW") == "facility-power"


@pytest.mark.parametrize("raw", ["87.2%", "59.4%"])
def test_a_models_percentage_in_a_benchmark_sentence_is_its_score(project_registry, raw):
    text = ("Claude 3.5 Sonnet scores 88.7% on MMLU versus GPT-4o's 87.2%, 59.4% on GPQA Diamond "
            "versus 53.6%.")
    assert _prop(project_registry, text, raw) == "benchmark-score"


@pytest.mark.parametrize("text,raw", [
    ("Overleaf's pricing is almost uniform globally, with even the cheapest student membership starting at "
     "$10 a month.", "$10 a month"),
    ("There is a Pro plan that costs $399 per year.", "$399 per year"),
])
def test_a_plan_noun_makes_a_monthly_amount_its_price(project_registry, text, raw):
    assert _prop(project_registry, text, raw) == "subscription-price"


def test_a_word_of_renting_keeps_a_monthly_amount_a_rent(project_registry):
    got = _prop(project_registry, "Renting one H100 on demand under our plan costs $1,800 per month.", "$1,800 per month")
    assert got != "subscription-price"


@pytest.mark.parametrize("text,raw", [
    ("AMZN: TTM free cash flow negative (AI capex of $132B in 2025).", "$132B"),
])
def test_the_words_of_capital_spending_leading_into_an_amount_make_it_capex(project_registry, text, raw):
    assert _prop(project_registry, text, raw) == "capex"
