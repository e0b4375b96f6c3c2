"""ent74: which company a number in prose belongs to, fourth round (kb/extract/linking.py).

Short paraphrases of shapes seen in fresh news text (funding rounds, chip suppliers' revenue):

- an opening "With <backers> leading/backing/participating ..., " names who backs the subject after
  the comma, as "Backed by ..., " does (ent72);
- "<Name> will generate $X in <Company> revenue": the amount the subject earns from that company,
  not the company's own revenue;
- the names after an amount that bring in its investors ("led by Aker", "with participation from
  Nvidia", "with Nvidia participating") are not whose the amount is.
"""
from __future__ import annotations

import pytest

from conftest import linked_entity as _link


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


def test_an_opening_with_its_backers_leading_names_no_subject(reg):
    text = "With Andreessen Horowitz leading and Lightspeed participating, the startup is raising $1 billion.\n"
    assert _link(reg, text, "$1 billion") == "new"
    text = "With Nvidia and Microsoft participating, Figure raised $675 million.\n"
    assert _link(reg, text, "$675 million") == "new"


def test_an_opening_with_a_company_doing_something_else_still_names_it(reg):
    # not a backer's phrase: the opener's company stays a candidate
    text = "With Microsoft leading the cloud market, Azure earned $25 billion in revenue.\n"
    assert _link(reg, text, "$25 billion") == "microsoft"


def test_revenue_earned_from_a_company_is_the_earners(reg):
    text = "Nvidia will generate $33 billion in TSMC revenue next year.\n"
    assert _link(reg, text, "$33 billion") == "nvidia"
    text = "Analysts expect $60 billion in Nvidia revenue next quarter.\n"
    assert _link(reg, text, "$60 billion") == "nvidia"


def test_investors_named_after_the_amount_are_not_its_owner(reg):
    # paraphrases of funding news: the round's leader and the names "with ... participating"
    text = "Nscale raised a $1.1 billion Series B led by Aker, with Nvidia participating.\n"
    assert _link(reg, text, "$1.1 billion") == "nscale"
    text = "The startup closed a $505M equity round at a $5.5B valuation with Nvidia participating.\n"
    assert _link(reg, text, "$505M") == "new"
    text = "The startup raised a $545M Series G at a $20B valuation, led by ICONIQ, Lightspeed and Avra.\n"
    assert _link(reg, text, "$20B") == "new"
