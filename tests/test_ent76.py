"""ent76: which company (or card) a number in prose belongs to, fifth round (kb/extract/linking.py).

Short paraphrases of shapes seen in fresh news text (earnings write-ups on capex and revenue,
funding rounds, spec comparisons), none from an article of the corpus:

- a change from one thing's figure to another's ("increases from 3.35 TB/s on the H100 to 4.8
  TB/s on the H200"): the name right after each number is that number's, the first name not the
  second number's;
- a paragraph opening with a phrase of comparison or a linking adverb, its comma and "its" ("By
  comparison, its capital expenditure budget ...", "Meanwhile, its capex ..."), as one opening
  with the pronoun, goes on about what the paragraph before named;
- a name after "in comparison to" is the yardstick, not the number's owner ("its valuation of $24
  billion pales in comparison to OpenAI's");
- a backer named in an opening "Backed by X, which holds 6%, ..." owns the number of its own
  relative clause; the company after that clause does not.
"""
from __future__ import annotations

import pytest

from conftest import linked_entity as _link


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


def test_each_end_of_a_change_is_the_name_right_after_it(reg):
    text = "Memory bandwidth increases from 3.35 TB/s on the H100 to 4.8 TB/s on the H200.\n"
    assert _link(reg, text, "3.35 TB/s") == "nvidia-h100"
    assert _link(reg, text, "4.8 TB/s") == "nvidia-h200"
    text = "Bandwidth goes from 2 TB/s on the A100 to 3.35 TB/s on the H100.\n"
    assert _link(reg, text, "3.35 TB/s") == "nvidia-h100"


def test_a_paragraph_opening_with_a_phrase_of_comparison_and_its_goes_on_from_the_one_before(reg):
    text = "Meta spent $39 billion in 2024.\n\nMeanwhile, its capex this year will reach $65 billion.\n"
    assert _link(reg, text, "$65 billion") == "meta"
    text = ("Alphabet plans to spend up to $185 billion this year.\n\n"
            "By comparison, its capital expenditure budget last year was about $92 billion.\n")
    assert _link(reg, text, "$92 billion") == "alphabet"


def test_a_name_after_in_comparison_to_is_the_yardstick(reg):
    text = ("Elon Musk's AI venture, xAI, also raised significant funds earlier this year, over $6 billion, "
            "but its valuation of $24 billion post-money pales in comparison to OpenAI's.\n")
    assert _link(reg, text, "$24 billion") == "xai"


def test_a_backers_relative_clause_holds_its_own_number(reg):
    text = "Backed by Nvidia, which holds 6%, CoreWeave runs an AI cloud.\n"
    assert _link(reg, text, "6%") == "nvidia"
    # the opening's backer is still no owner of the subject's own figure
    text = "Backed by Nvidia, CoreWeave raised $7.5 billion in debt.\n"
    assert _link(reg, text, "$7.5 billion") == "coreweave"


def test_a_company_in_the_possessive_before_its_unit_gives_the_unit_the_number(reg):
    text = ("In addition to AI-related expenses, Meta's Reality Labs unit reported an operating loss "
            "of $4.4 billion in the third quarter.\n")
    assert _link(reg, text, "$4.4 billion") == "meta-reality-labs"
    text = "Amazon's AWS revenue rose 20% to $33 billion.\n"
    assert _link(reg, text, "$33 billion") == "aws"
    # a company named as the possessor's counterparty is no unit of it
    text = "OpenAI's Microsoft deal is worth $13 billion.\n"
    assert _link(reg, text, "$13 billion") == "openai"


def test_a_name_between_dashes_is_an_aside(reg):
    text = ("According to a report, Amazon — which has not previously invested in OpenAI — is discussing "
            "a stake that could reach as high as $50 billion.\n")
    assert _link(reg, text, "$50 billion") == "amazon"


def test_one_of_a_companys_rivals_is_an_appositive(reg):
    text = ("The retailer has invested about $8 billion in Anthropic, one of OpenAI's fiercest competitors, "
            "which is itself currently raising around $20 billion at a $350 billion valuation.\n")
    assert _link(reg, text, "$20 billion") == "anthropic"
    assert _link(reg, text, "$350 billion") == "anthropic"


def test_a_name_opening_a_while_clause_with_its_appositive_is_that_clauses_subject(reg):
    # the name after the amount opens a clause of its own (its appositive between it and its verb):
    # no rival for the amount before, which stays the subject's without contest
    from kb.extract.drafts import extract_text

    text = ("Amazon is in talks to put in $50 billion, while Nvidia, an existing backer, is weighing "
            "$30 billion.\n")
    got = {d.raw: (d.entity, d.evidence.get("entity")) for d in extract_text(text, reg)}
    assert got["$50 billion"] == ("amazon", "before|sure|kind")
    assert got["$30 billion"][0] == "nvidia"


def test_respectively_after_what_the_numbers_are_of(reg):
    text = "The A100 and H100 offer 2 TB/s and 3.35 TB/s of memory bandwidth, respectively.\n"
    assert _link(reg, text, "2 TB/s") == "nvidia-a100"
    assert _link(reg, text, "3.35 TB/s") == "nvidia-h100"
    text = "Amazon and Google have invested $8 billion and $3 billion in Anthropic, respectively.\n"
    assert _link(reg, text, "$3 billion") == "google"
