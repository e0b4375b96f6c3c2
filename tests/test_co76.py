"""co76: which company a number in prose belongs to (kb/extract/linking.py).

Short paraphrases of shapes seen in fresh news text (earnings write-ups), none from an article of
the corpus:

- a results figure whose property applies to things of the article's own too (a market's net
  income), in a sentence naming nothing after a paragraph about one company ("Net income hit
  $28.5 billion this quarter"), is that company's, as the results rule gives figures chiefly of
  companies;
- "The company" after a sentence listing the company's backers ("Past backers of the startup
  include BMW and Microsoft") is the company backed, not the last backer named;
- "expects to lose $5 billion": "lose" is a word of loss the net loss needs (as "loses", "lost").
"""
from __future__ import annotations

import pytest

from conftest import linked_entity as _link


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


def test_net_income_in_a_sentence_naming_nothing_is_the_companys_before(reg):
    text = ("Microsoft expects to spend $100 billion on capex in fiscal 2026.\n\n"
            "Net income hit $28.5 billion this quarter, up 21% year-on-year.\n")
    assert _link(reg, text, "$28.5 billion") == "microsoft"
    # two companies before: whose results, none can say
    text = ("Microsoft and Google expect to spend $100 billion on capex in fiscal 2026.\n\n"
            "Net income hit $28.5 billion this quarter, up 21% year-on-year.\n")
    assert _link(reg, text, "$28.5 billion") != "microsoft"


def test_the_company_after_its_listed_backers_is_the_one_backed(reg):
    text = ("Graphcore has raised $150 million in funding. Past backers of the startup include BMW and "
            "Microsoft. The company has also amassed $300 million in cash reserves.\n")
    assert _link(reg, text, "$300 million") == "graphcore"


def test_a_company_expecting_to_lose_an_amount_gives_its_net_loss(reg):
    from kb.extract.drafts import extract_text

    text = "OpenAI expects to lose roughly $5 billion this year.\n"
    got = {d.raw: (d.entity, d.property) for d in extract_text(text, reg)}
    assert got["roughly $5 billion"] == ("openai", "net-loss")
    text = ("OpenAI estimates that its revenue will reach $11.6 billion next year.\n\n"
            "But it expects to lose roughly $5 billion this year after paying for costs related to "
            "running its services.\n")
    got = {d.raw: (d.entity, d.property) for d in extract_text(text, reg)}
    assert got["roughly $5 billion"] == ("openai", "net-loss")
