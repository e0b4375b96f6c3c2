"""fin86: finance misreads left by fp86, on fresh public write-ups (none in the corpus; each test
names its source in a comment).

- a company's count ("Anthropic now serves over 300,000 business customers") is not handed to a
  product of the company that the text names only in a later paragraph;
- a name inside a later "but you/we ..." clause is no thing of the number before it ("$7-12 million
  per MW ..., but now you need to accommodate ..., liquid cooling");
- the phrase after a number up to a comma is its own, however near the next number ("$175-185
  billion in 2026 capex, 55-65% above ..." is capex, not revenue);
- a year between an amount and its flow word ("$200 billion 2026 capex guidance") dates that
  amount only, not later amounts of other flows ("after Q4 revenue of $213.4 billion");
- a bare amount after a run rate in its sentence or the one before ("a figure that sits above
  OpenAI's most recently disclosed approximately $25 billion", "the company is at $30 billion") is
  a run rate too, not capex or total funding (but not "working out to $166.6 million in a month").
"""
from __future__ import annotations

import pytest

from tests.conftest import drafts_by_raw


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


# Anthropic, "Anthropic raises $13B Series F at $183B post-money valuation" (anthropic.com/news, Sep 2025)
_ANTHROPIC_F = (
    "Anthropic has seen rapid growth since the launch of Claude in March 2023. Every day more businesses "
    "are trusting Claude to help them solve their most challenging problems. Anthropic now serves over "
    "300,000 business customers, and our number of large accounts has grown nearly 7x in the past year.\n\n"
    "Developers have made Claude Code their tool of choice since its full launch in May 2025. Claude Code "
    "has quickly taken off—already generating over $500 million in run-rate revenue.\n")


def test_company_customers_stay_with_company_before_product_paragraph(reg):
    ds = drafts_by_raw(_ANTHROPIC_F, reg)
    assert ds["over 300,000 business customers"].entity == "anthropic"
    # the product's own paragraph still gives the product its figure
    assert ds["over $500 million in run-rate"].entity == "claude-code"


def test_product_named_in_same_paragraph_still_takes_users(reg):
    # the rule's own case kept: the product named before the count in the article
    text = ("ChatGPT is the most used assistant. OpenAI says it now has over 800 million weekly active "
            "users.\n")
    assert drafts_by_raw(text, reg)["over 800 million weekly active users"].entity == "chatgpt"


# GigaEnergy, "How much does it cost to build an AI data center?" (blog, 2025)
def test_name_in_later_but_you_clause_is_not_the_amounts(reg):
    text = ("You used to be able to expect to spend $7-12 million per MW and build your budget from there, "
            "but now you need to accommodate GPU-dense workloads, liquid cooling, and high-voltage "
            "distribution.\n")
    d = drafts_by_raw(text, reg)["$7-12 million per MW"]
    assert d.entity != "data-centre-liquid-cooling"
    assert d.property == "capital-cost-per-capacity"


def test_name_after_amount_without_but_clause_kept(reg):
    # the same sentence with no "but you ..." clause: the name after it still counts
    text = "You used to spend $7-12 million per MW and build your budget from there, then liquid cooling came.\n"
    assert drafts_by_raw(text, reg)["$7-12 million per MW"].entity == "data-centre-liquid-cooling"


# Newzino, "The AI infrastructure build-out" (2026 explainer on hyperscaler capex)
_NEWZINO = (
    "Alphabet shocked markets on February 4, 2026 with guidance of $175-185 billion in 2026 capex, "
    "55-65% above Wall Street estimates of $119.5 billion. Amazon escalated the spending war on February 5 "
    "with $200 billion 2026 capex guidance after Q4 revenue of $213.4 billion and AWS growth of 24% to "
    "$35.6 billion.\n")


def test_phrase_up_to_comma_is_the_numbers_own(reg):
    ds = drafts_by_raw(_NEWZINO, reg)
    assert ds["$175-185 billion"].property == "capex"
    assert ds["$175-185 billion"].conditions.get("period") == "2026"
    assert ds["55-65%"].property != "capex"


def test_year_before_flow_word_dates_its_own_amount_only(reg):
    ds = drafts_by_raw(_NEWZINO, reg)
    assert ds["$200 billion"].property == "capex"
    assert ds["$200 billion"].conditions.get("period") == "2026"
    assert "period" not in ds["$213.4 billion"].conditions
    assert "period" not in ds["$35.6 billion"].conditions


def test_year_before_flow_word_still_dates_its_amount_after(reg):
    # the year-flow rule's own case kept: "OpenAI's 2024 revenue was $3.7 billion"
    ds = drafts_by_raw("OpenAI's 2024 revenue was $3.7 billion, the company said.\n", reg)
    assert ds["$3.7 billion"].conditions.get("period") == "2024"


# IntentMesh, on Anthropic's run rate passing OpenAI's (April 2026 newsletter)
_INTENTMESH = (
    "Anthropic told staff, investors, and a small set of reporters on April 7 that its annualized revenue "
    "run rate had crossed $30 billion, a figure that sits clearly above OpenAI's most recently disclosed "
    "approximately $25 billion.\n\nThe jump is almost hard to read on a normal chart. Anthropic ended 2025 "
    "at roughly $9 billion in annualized run rate. Four months later, the company is at $30 billion. That "
    "is a better than 3x expansion.\n")


def test_bare_amount_after_run_rate_is_a_run_rate(reg):
    ds = drafts_by_raw(_INTENTMESH, reg)
    d = ds["approximately $25 billion"]
    assert (d.entity, d.property, d.unit) == ("openai", "annualized-revenue", "billion USD/year")
    later = [x for x in drafts_at_all(_INTENTMESH, reg) if x.raw == "$30 billion"][-1]
    assert (later.property, later.unit) == ("annualized-revenue", "billion USD/year")


def test_monthly_amount_after_run_rate_is_no_run_rate(reg):
    text = ("OpenAI's revenues had surpassed $2 billion on an annualised basis in December 2023, working out "
            "to $166.6 million in a month.\n")
    d = drafts_by_raw(text, reg)["$166.6 million"]
    assert d.property != "annualized-revenue"
    assert not d.unit.endswith("/year")


def drafts_at_all(text, reg):
    from kb.extract.drafts import extract_text
    return extract_text(text, reg)
