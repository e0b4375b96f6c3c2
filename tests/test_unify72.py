"""unify72: one reading of a figure set against another, and of a note that prices are per so many
tokens, where two helpers had each written one.

- "versus", "vs.", "compared with" and "against", with a hedge after them ("about", "roughly",
  "an estimated", "~"), set a figure against the number before them, for companies, data-centre
  figures, models and rivals the registry does not name alike (kb/extract/linking.py ``_VERSUS``);
  the name after the figure's unit and "for" or "at" is whose the figure is (``_versus_owner``):
  a registry thing named there owns it, a rival the registry does not name leaves it no registry
  thing's; and that name is not the number's before the comparison word.
"""
from __future__ import annotations

import pytest

from conftest import linked_entity as _link


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


def test_against_a_rivals_possessive_amount(reg):
    # a paraphrase of a public note: "Opus costs $5/$25 per million tokens against Sonnet's $2/$10"
    text = "Claude Opus 4 costs $15 per million input tokens against Sonnet's $3.\n"
    assert _link(reg, text, "$15") == "claude-opus-4"
    assert _link(reg, text, "$3") != "claude-opus-4"


def test_against_an_amount_for_a_rival_the_registry_does_not_name(reg):
    text = "GPT-4o costs $2.50 per million input tokens against $15 for Opus.\n"
    assert _link(reg, text, "$2.50") == "gpt-4o"
    assert _link(reg, text, "$15") != "gpt-4o"


def test_the_name_after_a_figure_set_against_with_a_hedge_is_not_the_first_numbers(reg):
    # a paraphrase of a subsidy write-up's "zero gross margin near 5.7% utilization against
    # roughly 10% for Anthropic"
    text = ("The analysts' work shows OpenAI's top tier reaching zero gross margin near 5.7% utilization "
            "against roughly 10% for Anthropic.\n")
    assert _link(reg, text, "5.7%") != "anthropic"
    assert _link(reg, text, "10%") == "anthropic"


def test_a_hedged_figure_at_a_company_is_the_companys(reg):
    text = "OpenAI had 1.9 gigawatts of capacity in 2025, versus around 1.4 gigawatts at Anthropic.\n"
    assert _link(reg, text, "1.4 gigawatts") == "anthropic"
    assert _link(reg, text, "1.9 gigawatts") == "openai"
