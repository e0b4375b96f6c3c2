"""ent72: which company a number in prose belongs to, third round (kb/extract/linking.py).

Rules built on fresh public text in no corpus (news write-ups of big tech's capital spending, AI
labs' rounds and compute deals, judged by hand); the quotes below are short paraphrases of such
sentences:

- a list of companies each followed by its ticker in brackets ("Microsoft (MSFT), Alphabet (GOOGL),
  Meta (META), and Amazon (AMZN)") is one list, the registry's group of them where it has one;
- a name right after a verb of paying, giving or owing and right before an amount ("NVIDIA promised
  to pay CoreWeave $1.3 billion") is who gets the money, not whose the amount is;
- "with" and a company its participle follows (", with Alphabet raising its forecast to $85
  billion") opens a clause whose subject that company is, as while/whereas do;
- a place made an adjective ("the US-based chipmaker") says where a thing is, not whose a number is;
- the names of an opening phrase of founding or backing ("Founded by former Broadcom and Alphabet
  employees, Enfabrica ...", "Backed by Microsoft, OpenAI ...") are not the sentence's subject,
  which comes after the comma;
- "valued <Name> at $X": the valuation is the named company's; one the registry does not name is
  a company of the article's own;
- a name that opens the next clause after a comma and a conjunction, its verb after it (", and Meta
  secured ..."), is that clause's subject, not the number's before it;
- the company that "led the $N round" is the investor, not the company raising the round;
- a company whose bracket opens with the number ("startups including Anthropic ($19 billion
  valuation)") owns it even after "including", a word that also lists investors;
- a phrase set off by commas on a participle and its agent (", led by Nvidia,", ", built by Crusoe
  for Oracle,") or on "including" names who leads, builds or belongs to the subject, not its owner;
- a company named as an object whose own relative clause holds the number (", in Anthropic, which
  in turn committed to spend $100 billion") is that clause's subject.
"""
from __future__ import annotations

import pytest

from conftest import linked_entity as _link


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


def test_list_of_companies_with_their_tickers_is_one_group(reg):
    text = ("Microsoft (MSFT), Alphabet (GOOGL), Meta (META), and Amazon (AMZN), a group expected to spend "
            "$600 billion on AI this year, report results tomorrow.\n")
    assert _link(reg, text, "$600 billion") == "big-tech"


def test_the_payee_after_a_verb_of_paying_is_not_the_amounts_owner(reg):
    text = "Early in 2023, Nvidia agreed to pay CoreWeave $1.3 billion over four years to rent back its own chips.\n"
    assert _link(reg, text, "$1.3 billion") == "nvidia"
    text = "A filing showed that Anthropic is paying xAI $1.25 billion per month for compute.\n"
    assert _link(reg, text, "$1.25 billion") == "anthropic"


def test_with_and_a_participle_open_a_clause_of_its_own(reg):
    text = ("Amazon reported $31.4 billion in capex for the quarter, with Alphabet raising its full-year "
            "capex forecast to $85 billion.\n")
    assert _link(reg, text, "$85 billion") == "alphabet"
    assert _link(reg, text, "$31.4 billion") == "amazon"


def test_a_place_made_an_adjective_owns_no_number(reg):
    text = "The news sent the US-based chipmaker's shares as much as 30 per cent higher.\n"
    assert _link(reg, text, "30 per cent") == "new"


def test_an_opening_phrase_of_founding_names_no_subject(reg):
    text = "Founded by former Broadcom and Alphabet engineers, the startup has raised $260 million in venture capital.\n"
    assert _link(reg, text, "$260 million") == "new"
    text = "Backed by Microsoft, OpenAI raised $6.6 billion in October.\n"
    assert _link(reg, text, "$6.6 billion") == "openai"


def test_valued_name_at_an_amount_is_that_companys(reg):
    text = "Nvidia joined the round. PitchBook valued Enfabrica at approximately $600 million.\n"
    assert _link(reg, text, "$600 million") == "new"



def test_a_name_opening_the_next_clause_is_not_the_number_before_it(reg):
    # paraphrase: the first clause's subject is a fund the registry does not name
    text = "Blue Owl provided around $7bn in cash, and Meta secured a one-time distribution of $3bn.\n"
    assert _link(reg, text, "$7bn") == "new"
    assert _link(reg, text, "$3bn") == "meta"


def test_the_company_that_led_a_round_is_the_investor(reg):
    text = "SoftBank led the $40 billion round, which valued OpenAI at $300 billion.\n"
    assert _link(reg, text, "$40 billion") == "openai"


def test_a_company_whose_bracket_opens_with_the_valuation_after_including(reg):
    # "including" before a list of startups is no list of investors where the bracket is the name's own
    text = "Its growth outpaced other AI startups including Anthropic ($19 billion valuation).\n"
    assert _link(reg, text, "$19 billion") == "anthropic"



def test_a_participle_aside_names_who_made_or_backs_the_subject(reg):
    # paraphrases: the aside says who leads, builds or counts among the thing, not whose the number is
    text = "The industry as a whole, led by Nvidia, shipped 3.8 million data-center GPUs in 2023.\n"
    assert _link(reg, text, "3.8 million") == "new"
    text = "The Abilene data center, built by Crusoe for Oracle, will draw 1.2 gigawatts.\n"
    assert _link(reg, text, "1.2 gigawatts") == "new"


def test_the_object_whose_own_relative_clause_holds_the_number(reg):
    text = "Amazon invested $4 billion in Anthropic, which in turn committed to spend $100 billion on AWS.\n"
    assert _link(reg, text, "$100 billion") == "anthropic"
    assert _link(reg, text, "$4 billion") == "amazon"
