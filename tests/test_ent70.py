"""ent70: which company a number in prose belongs to, second round (kb/extract/linking.py).

Rules built on fresh public text in no corpus (news write-ups of AI companies' results, rounds and
compute deals, judged by hand); the quotes below are short paraphrases of such sentences:

- a phrase set between commas after a company that names it by the role it plays towards another
  ("Alphabet, Google's parent company,", "Microsoft, OpenAI's largest investor,") is about the
  company it follows, not the one in the possessive;
- a company followed by its own relative clause holds the number in it ("Google, which contributed
  $2 billion"), even after an earlier item's relative clause;
- a company that follows an opening phrase and its comma ("In France, Nvidia ...", "Among its
  bets, Nvidia ...") is the sentence's subject as one that opens it is;
- a name in the possessive with a word or two that date or qualify the figure before it
  ("OpenAI's last disclosed $852 billion valuation") owns the number as a bare possessive does;
- a figure set against another ("versus 1.4 gigawatts for Anthropic") is the name's after "for";
- the subject of a clause a verb of saying reports ("Microsoft says OpenAI lost ...", "Nvidia told
  investors that Meta spent ...") is that clause's subject, as after while/whereas/but;
- a possessive that names a measure of money, its amount after "at" or "of" ("OpenAI's 2024
  Nvidia chip spend at roughly $7 billion"), owns the amount over the names that qualify the measure;
- a funding round "for" a company the registry does not name ("led a $2 billion funding round for
  the one-year-old Reflection AI") is that company's, a thing of the article's own, not the investor's;
- a round or valuation in a sentence where one company invests in another ("Nvidia invested ... in
  Mistral AI, ..., valuing the company at $13.5 billion") is the investee's.
"""
from __future__ import annotations

import pytest

from conftest import linked_entity as _link


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


def test_apposed_role_is_about_the_company_before_it(reg):
    text = "Shares in Alphabet, Google's parent company, have fallen by 4.2% so far this week.\n"
    assert _link(reg, text, "4.2%") == "alphabet"
    text = "Microsoft, OpenAI's largest investor, saw its stock jump 3.1% on the news.\n"
    assert _link(reg, text, "3.1%") == "microsoft"


def test_apposed_role_before_a_relative_clause(reg):
    text = "Sundar Pichai leads Alphabet, Google's parent company, which is investing $75 billion in AI infrastructure.\n"
    assert _link(reg, text, "$75 billion") == "alphabet"


def test_each_company_owns_its_relative_clause(reg):
    text = ("The startup is backed by large tech companies, including Amazon, which has invested $8 billion, "
            "and Google, which contributed $2 billion in 2023.\n")
    assert _link(reg, text, "$2 billion") == "google"
    assert _link(reg, text, "$8 billion") == "amazon"


def test_subject_after_an_opening_phrase(reg):
    text = ("Among its most notable bets, Nvidia first backed OpenAI, the maker of ChatGPT, in October 2024, "
            "contributing $100 million to the round.\n")
    assert _link(reg, text, "$100 million") == "nvidia"


def test_possessive_with_qualifying_words(reg):
    text = "By that measure, Anthropic has moved past OpenAI’s last disclosed $852 billion valuation from March.\n"
    assert _link(reg, text, "$852 billion") == "openai"
    text = "Anthropic now trails OpenAI's reported $13 billion in annual revenue.\n"
    assert _link(reg, text, "$13 billion") == "openai"


def test_figure_set_against_is_the_name_after_for(reg):
    text = ("OpenAI told investors it had 1.9 gigawatts of computing capacity in 2025, versus 1.4 gigawatts for "
            "Anthropic, and said it expects to reach 30 gigawatts by 2030.\n")
    assert _link(reg, text, "1.4 gigawatts") == "anthropic"
    assert _link(reg, text, "1.9 gigawatts") == "openai"


def test_subject_of_a_reported_clause(reg):
    # the clause a verb of saying reports has a subject of its own, what its number is about
    assert _link(reg, "Microsoft says OpenAI lost $11.5 billion last quarter.\n", "$11.5 billion") == "openai"
    text = "Nvidia told investors that Meta spent $9 billion on its chips last quarter.\n"
    assert _link(reg, text, "$9 billion") == "meta"


def test_possessed_measure_with_its_amount_after_at(reg):
    # a paraphrase: another company's name qualifies the measure on the way to its amount
    text = "Analysts put OpenAI's 2024 Nvidia chip spend at roughly $7 billion.\n"
    assert _link(reg, text, "$7 billion") == "openai"


def test_round_for_a_company_the_registry_does_not_name(reg):
    # paraphrases of funding news: the round is the startup's, not the lead investor's
    text = "In the United States, Nvidia led a $2 billion funding round for the one-year-old Reflection AI.\n"
    assert _link(reg, text, "$2 billion") == "new"
    text = "Microsoft led a $300 million funding round for a promising quantum computing startup.\n"
    assert _link(reg, text, "$300 million") == "new"


def test_valuation_of_the_company_invested_in(reg):
    # a paraphrase: the round's valuation is the investee's, not the investor's that opens the sentence
    text = ("In France, Nvidia invested for the third time in Mistral AI, a model developer, during a "
            "Series C round, valuing the company at $13.5 billion.\n")
    assert _link(reg, text, "$13.5 billion") == "mistral-ai"
