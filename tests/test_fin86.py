"""fin86: finance misreads left by fp86, on fresh public write-ups (none in the corpus; each test
names its source in a comment).

- a company's count ("Anthropic now serves over 300,000 business customers") is not handed to a
  product of the company that the text names only in a later paragraph;
- a name inside a later "but you/we ..." clause is no thing of the number before it ("$7-12 million
  per MW ..., but now you need to accommodate ..., liquid cooling");
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
