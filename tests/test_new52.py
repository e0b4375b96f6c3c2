"""Yearly investment, annual run rates and "trillion-dollar" things, designed on dev-B articles
(session 23, new52): an investment or capital budget of a year is curated as the amount invested
("$1T/year of total AI investment" is 1 trillion USD of capex), a revenue's "annual run rate" is a
yearly rate, and "the trillion-dollar cluster" states that cluster's cost. Short quotes of the
dev-B articles that showed each gap (``_investment_flow`` and ``_ANNUALISED_AFTER_RE`` in
kb/core/grammar.py, ``_scale_dollar_at`` in kb/extract/drafts.py).
"""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text


def _units(text, value):
    return [d.unit for d in extract_text(text) if d.value == value]


@pytest.mark.parametrize("text, value, unit", [
    # r147-trillion-dollar-cluster
    ("total AI investment could be north of $1T annually by 2027.", 1.0, "trillion USD"),
    ("$1T/year of total annual AI investment by 2027 seems outrageous.", 1.0, "trillion USD"),
    ("At $1T/year, AI investment would be about 3% of GDP.", 1.0, "trillion USD"),
    ("In their peak years of funding, the Manhattan and Apollo programs reached 0.4% of GDP, or ~$100 billion"
     " annually today", 100.0, "billion USD"),
    # r57-ai-replacement-spending
    ("Communications-equipment investment surged from $62 billion to $135 billion annually.", 135.0,
     "billion USD"),
    # r16-abundant-intelligence
    ("Microsoft's share of stack capex alone is modelled at $326 B/year.", 326.0, "billion USD"),
])
def test_a_yearly_investment_is_the_amount_invested(text, value, unit):
    assert _units(text, value) == [unit]


def test_a_yearly_capex_is_capex(project_registry):
    text = "Big Tech's combined AI capex runs at $326 B/year."
    assert [(d.unit, d.property) for d in extract_text(text, project_registry) if d.value == 326.0] == \
        [("billion USD", "capex")]


@pytest.mark.parametrize("text, value", [
    # a yearly amount that is revenue or a running cost stays a rate
    ("The investment brings in $2 billion annually in revenue.", 2.0),
    ("Electricity costs $5 million a year.", 5.0),
])
def test_revenue_or_running_costs_stay_yearly(text, value):
    assert _units(text, value) == [("billion" if value == 2.0 else "million") + " USD/year"]


@pytest.mark.parametrize("text, value", [
    # r147-trillion-dollar-cluster
    ("plausibly hitting a $100B annual run rate for companies like Google", 100.0),
    ("we should see a ~$10B annual run rate by late 2024/early 2025", 10.0),
])
def test_an_annual_run_rate_is_a_yearly_amount(text, value):
    assert _units(text, value) == ["billion USD/year"]


@pytest.mark.parametrize("text", [
    # r147-trillion-dollar-cluster
    "would pay for the trillion-dollar cluster. If nothing else,",
    "And a trillion-dollar individual training cluster by the end of the decade seems on the table.",
    "The trillion-dollar, 100GW cluster alone would require ~20% of current US electricity generation",
])
def test_the_trillion_dollar_cluster_costs_a_trillion(text):
    assert _units(text, 1.0) == ["trillion USD"]


@pytest.mark.parametrize("text", [
    "Racing to the Trillion-Dollar Cluster",              # a title's words
    "hyperscalers make billion-dollar bets on sites",     # a plural: no one amount
    "Then started building trillion-dollar infrastructure.",
])
def test_a_title_or_a_plural_names_no_amount(text):
    assert [d for d in extract_text(text) if d.unit and "USD" in d.unit] == []
