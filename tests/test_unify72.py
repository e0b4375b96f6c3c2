"""unify72: one reading of a figure set against another, and of a note that prices are per so many
tokens, where two helpers had each written one.

- "versus", "vs.", "compared with" and "against", with a hedge after them ("about", "roughly",
  "an estimated", "~"), set a figure against the number before them, for companies, data-centre
  figures, models and rivals the registry does not name alike (kb/extract/linking.py ``_VERSUS``);
  the name after the figure's unit and "for" or "at" is whose the figure is (``_versus_owner``):
  a registry thing named there owns it, a rival the registry does not name leaves it no registry
  thing's; and that name is not the number's before the comparison word.
- a note that prices are per so many tokens is read for tables as for lists (kb/extract/drafts.py
  ``_section_token_note``): the headings of the table's section and the short lines their sections
  open with, a line between the heading and the table among them; not a sibling section's.
- a halving period is a doubling time as a doubling period is (datasets/properties/comparisons.yaml:
  the property ``doubling-time`` needs "doubl*" or "halv*" near the number): "halved in just two
  months", "the halving time of compute-per-capability at ~8 months".
"""
from __future__ import annotations

import pytest

from conftest import draft_of, linked_entity as _link


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


def test_a_note_between_the_heading_and_its_table(reg):
    text = ("### Frontier models\n\nAll prices are per 1M tokens.\n\n"
            "| Model | Input | Output |\n|---|---|---|\n| GPT-4o | $2.50 | $10.00 |\n")
    d = draft_of(reg, text, "$10.00")
    assert (d.unit, d.property, d.conditions.get("direction")) == ("USD per 1M tokens", "token-price", "output")


def test_a_sibling_sections_closing_note_is_not_the_tables(reg):
    # (a note that ends one section is that section's, for tables as for lists)
    text = ("## Hosted APIs\n\nAll prices above are per 1M tokens.\n\n## Hardware\n\n"
            "| Setup | Input | Output |\n|---|---|---|\n| RTX 4090 box | $2,500 | $300 |\n")
    assert draft_of(reg, text, "$2,500").unit == "USD"


@pytest.mark.parametrize("text, raw", [
    # public texts (find_string tool): an estimate of algorithmic progress, a project's history
    ("Epoch AI (Ho et al. 2024) puts the halving time of compute-per-capability at ~8 months with a 95% "
     "interval of 5 to 14 months.\n", "~8 months"),
    ("Because of this major turnaround, the amount of tickets open was halved in just two months.\n", "two months"),
    ("On average the value of your Ford Focus will be halved in just 5 years.\n", "5 years"),
])
def test_a_halving_period_is_a_doubling_time(reg, text, raw):
    assert draft_of(reg, text, raw).property == "doubling-time"
    # (as the doubling period written the same way already was)
    assert draft_of(reg, text.replace("halving", "doubling").replace("halved", "doubled"), raw).property == "doubling-time"
