"""fin65: companies' numbers in prose: whose result a number is, and which of a company's measures
(kb/extract/linking.py, kb/extract/drafts.py).

Rules, each built on public articles about AI company finance that are in no corpus (the quotes
below are short paraphrases of theirs), judged by hand, with the development articles as the guard:

- a sentence that names nothing and gives one of a company's own results (revenue, earnings per
  share, operating income, a margin), in a stretch of text (its section, 2,000 characters at most)
  that names one company alone before it, is that company's; the sentence's changes too ("up 28%
  from a year ago"); not where two companies are named before, nor a market's size.
- data centres naming a line of business ("data center revenue", "data center GPU", "data center
  segment") are no cue of capital spending.
- the amount a measure rose or fell to ("AWS revenue rose 20% to $33 billion", "net income, which
  skyrocketed 229% ... to $872 million") is that measure's new level.
- a percent "sequentially" is a change against the quarter before.
- what a company is valued at ("valuing OpenAI at $300 billion") is its valuation.
- an investor brought in by "from", "led by", "backed by" owns neither the round nor the valuation.
- "The company's rival, OpenAI, ..." is about OpenAI, not the company named before.
- an amount written as the adjective of a deal ("a $10 billion deal with Cerebras", "a $300bn
  cloud computing contract") is the deal's worth (not money invested: "investment deal").
- "skyrocketing over 36%" is a change; the level remaining performance obligations (a backlog)
  "vaulted to" is the backlog; "annual losses of $5 billion" after a revenue stays a loss (the
  neighbour's property is not taken over words of the number's own property).
- a change in a sentence that names nothing, beside a result given to the company the sentence
  before is about ("The third-quarter revenue reached $1.4 billion, a year-on-year increase of
  134%"), is that company's; the level a segment grew to is its revenue.

Three tests guard the rules against reaching too far (two companies named before; data centres
built; an investment deal): they pass without the rules too.
"""
from __future__ import annotations

import pytest

from conftest import linked_draft


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


RESULTS = ("NVIDIA reported quarterly revenue of $7.19B, down 13% compared to a year ago but well above "
           "its outlook.\n\n"
           "GAAP earnings per diluted share for the quarter were $0.82, up 28% from a year ago and up 44% "
           "from the previous quarter.\n\n"
           "- Gaming first-quarter revenue was $2.24 billion, down 38% from a year ago.\n")


@pytest.mark.parametrize("raw, prop", [
    ("$0.82", "earnings-per-share"), ("28%", "change"), ("44%", "change"), ("$2.24 billion", "revenue"),
    ("38%", "change"),
])
def test_a_results_sentence_naming_nothing_is_the_company_named_before(reg, raw, prop):
    assert linked_draft(reg, RESULTS, raw) == ("nvidia", prop)


def test_results_after_two_companies_are_neither_ones(reg):
    text = ("AMD and Intel both reported results on Tuesday.\n\n"
            "Total revenue for the quarter was $6.8 billion, up 18 percent year over year.\n")
    assert linked_draft(reg, text, "$6.8 billion")[0] not in ("amd", "intel")


def test_a_later_paragraph_keeps_the_company_of_its_operating_income(reg):
    text = ("AMD posted record data center revenues of $3.5 billion for Q3 2024.\n\n"
            "Data center segment operating income was $1 billion, or 29 percent of revenue.\n")
    assert linked_draft(reg, text, "$1 billion") == ("amd", "operating-income")


@pytest.mark.parametrize("text, raw", [
    ("Data center first-quarter revenue was a record $4.28 billion, up 14% from a year ago.\n", "$4.28 billion"),
    ("The chip designer raised its forecast for full-year data center GPU revenue to $4.5 billion.\n",
     "$4.5 billion"),
])
def test_data_centres_naming_a_line_of_business_are_no_capex_cue(reg, text, raw):
    assert linked_draft(reg, text, raw)[1] == "revenue"


def test_data_centres_built_stay_capex(reg):
    text = "Microsoft spent $80 billion on data centers in fiscal 2025.\n"
    assert linked_draft(reg, text, "$80 billion")[1] == "capex"


@pytest.mark.parametrize("text, raw, eid, prop", [
    ("Amazon projected more spending for 2026, while AWS revenue rose 20% to $33 billion.\n",
     "$33 billion", "aws", "revenue"),
    ("AMD overcame export restrictions on its Instinct MI308 data center GPU to post its best quarter, with "
     "revenue increasing 34% year-over-year and 3% sequentially to nearly $7.7 billion.\n",
     "nearly $7.7 billion", "amd", "revenue"),
    ("AMD also saw a giant increase in net income, which skyrocketed 229% year-over-year and 23% "
     "sequentially to $872 million.\n", "$872 million", "amd", "net-income"),
])
def test_the_amount_a_measure_rose_to_is_that_measure(reg, text, raw, eid, prop):
    assert linked_draft(reg, text, raw) == (eid, prop)


def test_a_percent_sequentially_is_a_change(reg):
    text = "AMD's revenue grew 34% year-over-year and 3% sequentially.\n"
    assert linked_draft(reg, text, "3%") == ("amd", "change")


@pytest.mark.parametrize("text, raw", [
    ("SoftBank leads the round, which is expected to be the largest ever for a private company, valuing "
     "OpenAI at $300 billion.\n", "$300 billion"),
    ("OpenAI has finalized a $40 billion funding round, valuing the company at $300 billion.\n", "$300 billion"),
])
def test_what_a_company_is_valued_at_is_its_valuation(reg, text, raw):
    assert linked_draft(reg, text, raw) == ("openai", "valuation")


@pytest.mark.parametrize("text, raw", [
    ("OpenAI secures $6.6 billion investment from SoftBank and others, raising valuation to $157 billion.\n",
     "$157 billion"),
    ("OpenAI has closed a $40 billion funding round led by SoftBank, pushing its valuation to $300 billion.\n",
     "$300 billion"),
])
def test_an_investor_owns_neither_the_round_nor_the_valuation(reg, text, raw):
    assert linked_draft(reg, text, raw) == ("openai", "valuation")


def test_the_companys_rival_named_after_it_is_the_subject(reg):
    text = ("Investors said Anthropic is the clear leader in enterprise AI. The company's rival, OpenAI, "
            "backed by Microsoft and SoftBank, is reportedly assembling a round of up to $100bn.\n")
    assert linked_draft(reg, text, "up to $100bn") == ("openai", "funding-round")


@pytest.mark.parametrize("text, raw", [
    ("OpenAI has committed to a $300bn cloud computing contract with Oracle.\n", "$300bn"),
    ("Last month OpenAI signed a $10 billion deal with Cerebras.\n", "$10 billion"),
])
def test_an_amount_written_as_a_deals_adjective_is_its_worth(reg, text, raw):
    assert linked_draft(reg, text, raw)[1] == "contract-value"


def test_an_investment_deal_stays_an_investment(reg):
    text = "The stalled $100 billion Nvidia investment deal weighed on the shares.\n"
    assert linked_draft(reg, text, "$100 billion")[1] != "contract-value"


def test_a_percent_skyrocketing_is_a_change(reg):
    text = "Oracle witnessed a dramatic rally, with shares skyrocketing over 36% in a single trading session.\n"
    assert linked_draft(reg, text, "over 36%") == ("oracle", "change")


def test_the_level_remaining_performance_obligations_vaulted_to_is_a_backlog(reg):
    text = ("Oracle reported that its remaining performance obligations (RPO) — the contractual revenue "
            "pipeline — had vaulted to $455 billion.\n")
    assert linked_draft(reg, text, "$455 billion") == ("oracle", "order-backlog")


def test_losses_named_between_keep_their_own_property(reg):
    text = ("OpenAI is valued at about 13 times its projected $12 billion revenue for 2025, while it incurs "
            "annual losses of $5 billion.\n")
    assert linked_draft(reg, text, "$5 billion") == ("openai", "net-loss")
    assert linked_draft(reg, text, "$12 billion") == ("openai", "revenue")


def test_a_change_beside_a_result_of_the_company_before_is_that_companys(reg):
    text = ("On Monday after the US stock market closed, CoreWeave announced a mixed third-quarter report, "
            "with strong revenue. The third-quarter revenue reached $1.4 billion, a year-on-year increase of 134%.\n")
    assert linked_draft(reg, text, "$1.4 billion") == ("coreweave", "revenue")
    assert linked_draft(reg, text, "134%") == ("coreweave", "change")


def test_the_level_a_segment_grew_to_is_its_revenue(reg):
    text = ("Microsoft's Intelligent Cloud segment, which includes Azure and server products, grew 21% "
            "year-over-year to $26.7 billion.\n")
    assert linked_draft(reg, text, "$26.7 billion") == ("microsoft", "revenue")
