"""ent68: which company a number in prose belongs to when a phrase names two (kb/extract/linking.py).

Rules, each built on fresh public text in no corpus (news and newsletter write-ups of AI companies'
results and rounds, judged by hand):

- a name made an adjective ("Amazon-backed Anthropic", "Nvidia-backed CoreWeave") qualifies the
  name after it: the number is the second name's, and a sentence opening with the phrase opens
  with that name;
- a name before a noun of the role another company plays towards it ("Google parent Alphabet",
  "Google's parent company Alphabet", "Nvidia rival AMD", "ChatGPT maker OpenAI") is the same:
  the phrase is about the name it ends with; "the ChatGPT maker" (no name after the role) is the
  product's maker;
- a company whose bracket opens with the number ("Amazon ($100B), Microsoft ($80B)") owns it as
  a name in the possessive does, more than the sentence's opener.
"""
from __future__ import annotations

import pytest

from conftest import linked_entity as _link


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


def test_parent_names_the_company_after_it(reg):
    text = ("The announcement came after Apple reported $95 billion in quarterly revenue, while Microsoft "
            "posted $62 billion. Google parent Alphabet reported $80 billion.\n")
    assert _link(reg, text, "$80 billion") == "alphabet"
    assert _link(reg, text, "$62 billion") == "microsoft"


def test_possessive_parent_company(reg):
    text = ("Google’s parent company Alphabet also reported strong quarterly earnings and increased its "
            "annual capex target to $91–93 billion, up from $85 billion earlier this year.\n")
    assert _link(reg, text, "$85 billion") == "alphabet"


def test_backed_names_the_company_after_it(reg):
    assert _link(reg, "Amazon-backed Anthropic said its valuation rose to $183 billion in the funding round.\n",
                 "$183 billion") == "anthropic"
    assert _link(reg, "Nvidia-backed CoreWeave prices $2B stock offering.\n", "$2B") == "coreweave"


def test_rival_names_the_company_after_it(reg):
    assert _link(reg, "Nvidia rival AMD reported data center revenue of $3.9 billion.\n", "$3.9 billion") == "amd"


def test_the_product_maker_is_its_vendor(reg):
    text = ("The AI developer’s financing round is the largest of all time. The deal values the ChatGPT "
            "maker at almost double its previous valuation of $157 billion when it raised money in October.\n")
    assert _link(reg, text, "$157 billion") == "openai"


def test_bracketed_amount_after_each_company(reg):
    text = "The hyperscalers keep spending: Amazon ($100B), Microsoft ($80B), Alphabet ($75B) and Meta ($65B).\n"
    assert _link(reg, text, "$100B") == "amazon"
    assert _link(reg, text, "$75B") == "alphabet"


def test_relative_clause_is_an_aside(reg):
    text = "Microsoft, which owns a large stake in OpenAI, said its capex rose to $80 billion.\n"
    assert _link(reg, text, "$80 billion") == "microsoft"


def test_subject_of_the_clause_after_whereas(reg):
    text = "Alphabet spent $52 billion, whereas Meta, fresh from its Scale AI deal, spent $39 billion.\n"
    assert _link(reg, text, "$39 billion") == "meta"
    assert _link(reg, text, "$52 billion") == "alphabet"


def test_object_of_a_preposition_is_not_the_owner(reg):
    text = "Oracle said demand from OpenAI and Meta lifted its cloud revenue to $7.2 billion.\n"
    assert _link(reg, text, "$7.2 billion") == "oracle"
    text = ("Google's parent company Alphabet has allocated $15 billion to AI initiatives, while Microsoft has "
            "expanded its partnership with OpenAI with an additional $10 billion investment.\n")
    assert _link(reg, text, "$10 billion") == "microsoft"


def test_object_before_a_dash_keeps_the_conclusion(reg):
    # a paraphrase: the dash ends the clause the object is named in; what it implies is the payer's
    text = "Microsoft received $500 million in revenue share payments from OpenAI — implying revenues of at least $2.5 billion.\n"
    assert _link(reg, text, "$2.5 billion") == "openai"


def test_possessive_after_an_object_keeps_its_number(reg):
    text = "Meta signed a $14 billion deal with CoreWeave, and CoreWeave's backlog swelled to $55.6 billion.\n"
    assert _link(reg, text, "$55.6 billion") == "coreweave"


def test_valued_at_a_staggering_amount(reg):
    text = ("OpenAI, the maker of ChatGPT, is seeking to raise $40 billion in a fresh round of funding that "
            "would value the startup at a staggering $340 billion.\n")
    assert _link(reg, text, "$340 billion") == "openai"


def test_lead_investor_with_a_long_description(reg):
    text = ("ChatGPT maker OpenAI said it has raised up to USD 40 billion in a new funding round led by "
            "Japanese tech investment group SoftBank at a USD 300 billion valuation.\n")
    assert _link(reg, text, "USD 300 billion") == "openai"


def test_money_invested_is_not_the_investees(reg):
    text = ("While Google was an early investor in Anthropic, the company has stepped up with $3 billion "
            "additional investments to get a 10 percent stake in Anthropic.\n")
    assert _link(reg, text, "$3 billion") == "google"


def test_name_of_a_deal_after_the_number(reg):
    text = ("The deal elevates Oracle’s cloud infrastructure business significantly—its existing data centre "
            "revenue in fiscal 2025 was $10.3 billion, making the OpenAI agreement nearly triple in scale.\n")
    assert _link(reg, text, "$10.3 billion") == "oracle"
