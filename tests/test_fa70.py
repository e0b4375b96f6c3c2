"""fa70: `kb vet` on fresh public write-ups (Markdown notes and blog posts about GPU prices, LLM
token prices, data-centre power and AI capex, in no corpus; found with the ``search`` tool),
every flag judged by hand. Each rule is built on a short quote of such a text.

- a name in the possessive right before a number in the number's own table cell owns it, not the
  other names of the cell ("| Model Size | ~1.8 trillion parameters (GPT-4 is roughly estimated
  here; ... bigger than GPT-3's 175B) |"): before, GPT-3's 175B was read as GPT-4's size and vet
  flagged it against GPT-4's references and other articles (a false alarm).
- a note that prices are per so many tokens in a heading of a higher level governs the tables of
  all its subsections ("## OpenAI Models (All Prices per 1M Tokens)" over "### GPT-4.1 Series"
  over "| **GPT-4.1** | ~$3.00 | ~$10.00 |"): before, only the first subsection's table took it,
  the others' amounts were workload or training costs, and vet compared none of them with the
  token-price references (wrong prices went unflagged).
"""
from __future__ import annotations

import pytest

from conftest import draft_of, linked_entity


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


# a public Markdown estimate table of a frontier model's training resources (search tool, code corpus)
SIZES = ("| Resource | Estimate |\n|:---|:---|\n"
         "| **Model Size** | ~1.8 trillion parameters (GPT-4 is roughly estimated here; exact size is "
         "undisclosed, but it's *bigger than GPT-3's 175B*) |\n"
         "| **Training Time** | 2–3 months continuous 24/7 training |\n")


def test_possessive_before_the_number_in_its_cell_owns_it(reg):
    assert linked_entity(reg, SIZES, "175B") == "gpt-3"


def test_a_cell_without_a_possessive_keeps_the_name_before_the_number(reg):
    # (the rule takes nothing from a cell that names its part plainly before the number)
    text = ("| Part | Item |\n|---|---|\n| GPU | NVIDIA H100 80GB $30,000 |\n"
            "| CPU | AMD EPYC 9654 $11,805 |\n")
    assert linked_entity(reg, text, "$30,000") == "nvidia-h100"


# a public LLM pricing reference note (search tool, code corpus)
PRICES = ("## OpenAI Models (All Prices per 1M Tokens)\n\n### GPT-5 Series (Released August 2025)\n\n"
          "| Model | Input | Output | Context |\n|-------|-------|--------|---------|\n"
          "| **GPT-5** | $1.25 | $10.00 | 400K |\n\n"
          "### GPT-4.1 Series (Released April 2025)\n\n"
          "| Model | Input | Output | Notes |\n|-------|-------|--------|-------|\n"
          "| **GPT-4.1** | ~$3.00 | ~$10.00 | Latest general-purpose multimodal |\n\n"
          "### o-Series Reasoning Models (2024-2025)\n\n"
          "| Model | Input | Output | Use Case |\n|-------|-------|--------|----------|\n"
          "| **o4-mini** | $0.20 | $0.80 | Latest compact reasoning |\n")


def test_parent_heading_note_prices_every_subsection_table(reg):
    d = draft_of(reg, PRICES, "~$3.00")
    assert (d.entity, d.unit, d.property, d.conditions.get("direction")) == \
        ("gpt-4.1", "USD per 1M tokens", "token-price", "input")
    d = draft_of(reg, PRICES, "$0.80")
    assert (d.unit, d.property, d.conditions.get("direction")) == ("USD per 1M tokens", "token-price", "output")


def test_a_sibling_heading_note_does_not_reach_the_next_section(reg):
    # (a note in a heading of the same level is another section's, not this table's)
    text = ("## Hosted APIs (per 1M tokens)\n\n| Model | Input | Output |\n|---|---|---|\n"
            "| **GPT-4.1** | $2.00 | $8.00 |\n\n"
            "## Hardware\n\n| Setup | Input | Output |\n|---|---|---|\n| RTX 4090 box | $2,500 | $300 |\n")
    assert draft_of(reg, text, "$2,500").unit == "USD"


def test_vet_flags_a_wrong_price_under_a_parent_note(tmp_path, root):
    from conftest import vet_text, vetted_number

    rep = vet_text(tmp_path, root, PRICES)
    assert vetted_number(rep, "$0.20").status == "flagged"
