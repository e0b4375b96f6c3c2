"""fin66: companies' numbers in prose, fin65's leftovers (kb/extract/linking.py).

Rules, each on a short paraphrase of public company-finance writing in no corpus:

- a result restated as a part of the revenue ("operating income was $1 billion, or 29 percent of
  revenue") is its margin: operating, net or gross, not a share.
- what a company earned or lost on each share ("a loss per share of $1.49") is its earnings per
  share, a loss a negative one, not its net loss.
- the amount a revenue's words lead straight into ("expects revenue of $29.4 billion") is that
  revenue whatever word of investing (the investors told) is near, and a list of amounts after it
  carries it; not a run rate ("annualized revenue of").
- an amount a result beat or missed, the analysts' estimate ("above the $33.2 billion estimate"),
  is the same company's same measure, not a thing of the article's own.
- an amount that came from unnamed investors ("a further $2.5 billion from a syndicate of
  investors") is the money the company invested in took, not the named investor's.

- a country naming a stock market ("Its rally lifted the US stock market.") is no owner of a
  company's results told the sentence after.

One test guards a rule against reaching too far (an annualized revenue stays a run rate).
"""
from __future__ import annotations

import pytest

from conftest import linked_draft


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


@pytest.mark.parametrize("text, raw, prop", [
    ("AMD posted record data center revenues of $3.5 billion for Q3 2024.\n\n"
     "Data center segment operating income was $1 billion, or 29 percent of revenue.\n", "29 percent",
     "operating-margin"),
    ("Alphabet reported net income of $26.3 billion, or 28 percent of revenue, for the quarter.\n", "28 percent",
     "net-margin"),
    ("Nvidia reported gross profit of $22 billion, or 75 percent of revenue.\n", "75 percent", "gross-margin"),
])
def test_a_result_as_a_part_of_revenue_is_its_margin(reg, text, raw, prop):
    assert linked_draft(reg, text, raw)[1] == prop


def test_a_loss_per_share_is_a_negative_earnings_per_share(reg):
    from kb.extract.drafts import extract_text

    text = "Intel reported a loss per share of $1.49 for the quarter.\n"
    assert linked_draft(reg, text, "$1.49") == ("intel", "earnings-per-share")
    assert next(d for d in extract_text(text, reg) if d.raw == "$1.49").value == -1.49


@pytest.mark.parametrize("raw", ["$32 billion", "$73 billion", "$125 billion"])
def test_revenue_projections_after_investors_are_revenue(reg, raw):
    text = ("OpenAI's projections shared with investors: revenue of $32 billion (2027), $73 billion (2028), "
            "$125 billion (2029).\n")
    assert linked_draft(reg, text, raw) == ("openai", "revenue")


def test_an_annualized_revenue_stays_a_run_rate(reg):
    text = "Anthropic told investors it reached annualized revenue of $5 billion.\n"
    assert linked_draft(reg, text, "$5 billion") == ("anthropic", "annualized-revenue")


@pytest.mark.parametrize("text, raw, entity", [
    ("Nvidia reported revenue of $35.1 billion, above the $33.2 billion estimate of analysts.\n",
     "above the $33.2 billion", "nvidia"),
    ("Microsoft reported quarterly results on Tuesday. Revenue was $65.6 billion, above the $64.5 billion "
     "estimate.\n", "above the $64.5 billion", "microsoft"),
])
def test_an_analysts_estimate_is_the_companys_measure(reg, text, raw, entity):
    assert linked_draft(reg, text, raw) == (entity, "revenue")


@pytest.mark.parametrize("text, raw", [
    ("SoftBank said it had completed its $22.5 billion investment in OpenAI. The remaining $2.5 billion "
     "came from a syndicate of investors.\n", "$2.5 billion"),
    ("SoftBank led OpenAI's $40 billion round, contributing $30 billion, with $10 billion from a syndicate "
     "of investors.\n", "$10 billion"),
])
def test_money_from_a_syndicate_is_not_the_named_investors(reg, text, raw):
    assert linked_draft(reg, text, raw)[0] == "openai"


def test_a_country_naming_a_stock_market_owns_no_results_after(reg):
    text = ("Oracle shares jumped. Its rally lifted the US stock market.\n"
            "Remaining performance obligations rose 359% to $455 billion.\n")
    assert linked_draft(reg, text, "$455 billion") == ("oracle", "order-backlog")
