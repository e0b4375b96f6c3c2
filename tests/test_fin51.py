"""Company-finance property cues designed on dev-B articles (session 22, fin51): earnings are
net income, a price per share is a share price, a market capitalisation a valuation, cash and
debt their own properties, a round's raise a funding round; and the words before a verb of
change ("doubled") name the amounts after it. Short quotes of the dev-B articles that showed
each gap (``cues:`` in datasets/properties/, ``_guess_property`` in kb/extract/linking.py).
"""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text


def _props(project_registry, text, value):
    return [d.property for d in extract_text(text, project_registry) if d.value == value]


def test_the_words_before_a_verb_of_change_name_the_amount_after_it(project_registry):
    # r50-nvidia-q4-fy2026: "doubled" is a number too; the context of "$43 billion" is not cut
    # half-way to it, so "Net income" names it
    text = "Net income nearly doubled: $43 billion versus $22.1 billion in the same period a year ago."
    assert _props(project_registry, text, 43.0) == ["net-income"]


@pytest.mark.parametrize("text, value", [
    # r143-nvidia-valuation-decomposition
    ("- Earnings (last 4 quarters): ~$100B\n", 100.0),
])
def test_earnings_are_net_income(project_registry, text, value):
    assert _props(project_registry, text, value) == ["net-income"]


@pytest.mark.parametrize("text, value", [
    # r143-nvidia-valuation-decomposition
    ("At 20x P/E × $4B = $80B market cap ÷ 24.3B shares = **$3/share**.", 3.0),
    ("$186 (actual) - $82 (no-growth value) = **$104/share** in growth expectations.", 104.0),
    ("~40% of NVIDIA's current price ($75/share, or ~$1.8T of market cap) is a pure bet", 75.0),
])
def test_a_price_per_share_is_a_share_price(project_registry, text, value):
    assert _props(project_registry, text, value) == ["share-price"]


def test_a_market_cap_is_a_valuation(project_registry):
    # r143-nvidia-valuation-decomposition
    text = "~40% of NVIDIA's current price ($75/share, or ~$1.8T of market cap) is a pure bet on continued AI infrastructure"
    assert _props(project_registry, text, 1.8) == ["valuation"]


def test_cash_and_debt_are_their_own(project_registry):
    # r143-nvidia-valuation-decomposition
    text = "**The cash pile:** NVIDIA has $60.6B cash vs $7.5B debt = **$53B net cash**."
    assert _props(project_registry, text, 60.6) == ["cash-on-hand"]
    assert _props(project_registry, text, 7.5) == ["debt"]


@pytest.mark.parametrize("text, value, prop", [
    # r73-coreweave-q3-2025: a balance sheet's "&" and an adjusted EBITDA row
    ("| Metric | Value | As of |\n|--------|-------|--------|\n| Cash & Cash Equivalents | $1,894.4M | 9/30/2025 |\n",
     1894.4, "cash-on-hand"),
    ("| Metric | 2025 | 2024 |\n|---|---|---|\n| Adj. EBITDA | $7.8B | $6.0B |\n", 7.8, "adjusted-ebitda"),
    # r50-nvidia-q4-fy2026 ("they still guided for $78 billion"): what a company guides for is its revenue
    ("For the next quarter, Nvidia guided for $78 billion.", 78.0, "revenue"),
])
def test_balance_sheet_and_guidance_words(project_registry, text, value, prop):
    assert _props(project_registry, text, value) == [prop]


@pytest.mark.parametrize("text, value", [
    # r143-nvidia-valuation-decomposition: a P/E is a ratio (share price over earnings per share)
    ("The forward P/E of 27 (vs trailing 47) implies analysts expect growth.", 27.0),
    ("| Metric | Value |\n|---|---|\n| P/E Ratio (last 4 quarters) | 47 |\n", 47.0),
])
def test_a_bare_number_named_a_p_e_is_a_ratio(project_registry, text, value):
    ds = [d for d in extract_text(text, project_registry) if d.value == value]
    assert [(d.unit, d.property) for d in ds] == [("x", "ratio")]


def test_a_net_loss_named_before_its_amount_is_a_net_loss(project_registry):
    # r107-ai-trillion-dollar-trap: the revenue named earlier in the sentence is not what the
    # amount after "a net loss of" measures
    text = ("OpenAI collected $4.3 billion in revenue while still posting a net loss of $13.5 billion "
            "during that six month period.")
    assert _props(project_registry, text, 13.5) == ["net-loss"]
    assert _props(project_registry, text, 4.3) == ["revenue"]


def test_building_a_computer_is_no_capital_expenditure(project_registry):
    # r113-deep-learning-build-2k: "building" a workstation is buying its parts (a build-out
    # of data centres stays capex, by its other cue words)
    text = "Building a reliable Deep Learning workstation for around AU$2,000 is achievable even on a budget."
    assert _props(project_registry, text, 2000.0) == ["purchase-price"]
    text = "Hyperscalers are spending $380+ billion to build AI data centres in 2025."
    assert _props(project_registry, text, 380.0) == ["capex"]
