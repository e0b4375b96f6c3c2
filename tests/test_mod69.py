"""mod69: which model a number belongs to (kb/extract/linking.py), rules built on fresh public
passages in no corpus (repositories' notes and documentation read with the search tools, judged by
hand), the development articles as the no-regression guard.

- a rival named after "vs"/"versus"/"compared to" that owns the number right after it, in the
  possessive or given "at" it, where the registry does not name the rival (a brand alone:
  "versus Claude's $3"; a tier without its version: "vs. Claude Haiku at $1"), takes the number
  from the sentence's subject: no registry thing is the number's (not the subject's, "GPT-4o");
  a time in that place ("vs Q3's $8 billion") is no rival;
- an amount "for" a model named right after it, the name followed by the amount's unit ("It costs
  $0.15 for GPT-4o mini per million input tokens"), is that model's price, not a cost of the
  article's own (model68's rule reached only a name that ends its phrase); so too with no unit
  ("It costs $0.15 for GPT-4o mini."), but not where the sentence speaks of the writer's own use
  ("Our monthly bill came to $300 for GPT-4o").
"""
from __future__ import annotations

import pytest

from conftest import linked_entity as _link


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


@pytest.mark.parametrize("text, raw", [
    ("For cost, GPT-4o charges $5 per million input tokens versus Claude's $3.\n", "$3"),
    ("GPT-4o mini's lower output rate of $0.60 per million tokens versus Claude's $4.00 per million makes "
     "OpenAI the cheaper option.\n", "$4.00"),
    ("OpenAI wins on output token pricing at $10.00 per 1M versus Claude's $15.00.\n", "$15.00"),
    ("Why not GPT-4o: it costs $5/$20 per million tokens vs. Claude Haiku at $1/$5.\n", "$1"),
    ("GPT-4o cost $0.18/1k output tokens vs. Claude Haiku at $0.025/1k.\n", "$0.025"),
])
def test_a_rival_the_registry_does_not_name_owns_its_number(reg, text, raw):
    assert _link(reg, text, raw) in (None, "new")


def test_the_subject_keeps_its_own_number_before_the_rival(reg):
    text = "For cost, GPT-4o charges $5 per million input tokens versus Claude's $3.\n"
    assert _link(reg, text, "$5") == "gpt-4o"


def test_a_time_is_no_rival(reg):
    text = "Nvidia reported revenue of $35.1 billion versus Q3's $30.0 billion.\n"
    assert _link(reg, text, "$30.0 billion") == "nvidia"


@pytest.mark.parametrize("text, raw, eid", [
    ("It costs $0.15 for GPT-4o mini per million input tokens.\n", "$0.15", "gpt-4o-mini"),
    ("Input tokens cost $30 for GPT-4 per 1M tokens.\n", "$30", "gpt-4"),
])
def test_an_amount_for_a_model_named_after_it_then_its_unit(reg, text, raw, eid):
    assert _link(reg, text, raw) == eid


def test_an_amount_for_a_model_is_its_price_unless_the_writer_used_it(reg):
    assert _link(reg, "It costs $0.15 for GPT-4o mini.\n", "$0.15") == "gpt-4o-mini"
    assert _link(reg, "Our monthly bill came to $300 for GPT-4o.\n", "$300") != "gpt-4o"
