"""tblent58: table cells given the registry entity their row, their cell or the table's subject
names (kb/extract/linking.py), each rule built on short quotes of the dev-B articles that showed
the gap.

- a name in the number's own cell with an amount of money of its own right after it ("post
  Microsoft $5B + NVIDIA $10B") is that amount's, not another number's of the cell: "$10B" is
  NVIDIA's (nearest), and the row's headline figure ("$300-350B") is still the subject's, the
  names' own stakes no longer making the row "name" something (dev-B
  r87-anthropic-financial-profile). Before, "$10B" was Microsoft's and "$300-350B" new.
- a table of a company's user metrics ("### User Metrics" over "| Monthly Active Users | 27.8
  million |" in a profile of xAI): users are its product's, the one of the company's products
  the text names most often (dev-B r79-xai-company-profile). Before, xAI.
- a share in a table cell followed by the one thing its people use ("| X Premium+ Adoption | 40%
  using Grok |") is that thing's (dev-B r79-xai-company-profile). Before, new.
- a row label that joins a model and what it runs on with "+" ("| **B: M4 Max + Qwen3 30B** |
  $3,500 |", "| **D: 2x3090 + Qwen3 30B** |") is a set-up of the article's own: neither the
  chip's nor the model's figures (dev-B r103-local-ai-cost-return). Before, the chip's or the model's.
- a "| Metric | Value |" table (its label column headed by a word for attributes, or its value
  column "Value") lists one thing's figures: those of the one thing the text right above it
  names ("Llama 3.1 405B at a glance:" over "| Training tokens | 15T |"), as a row labelled by a
  spec's word already was; none where that text names two things (the brief's table subject;
  no dev figure changes: dev-B r151-llama-3-on-tpus's lead-in names several Llama models).
- a name followed by a footnote's superscript digit ("| GPT-4o¹ | $2.50 |") is still the name,
  and a generation glued to its word is also written apart ("Trainium 2" for "Trainium2"): the
  brief's cell forms; no dev article has one (no dev figure changes). Before, no name, or the
  wrong one ("Claude 3.5 Sonnet¹" was Claude 3.5).
"""
from __future__ import annotations

import pytest

from conftest import linked_entity as _link

@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


PROFILE = ("#actor #ai #modellab\n\n**Anthropic** — AI lab, maker of Claude. More capital-efficient than "
           "[[OpenAI]].\n\n---\n\n## Financial position (Jan 2026)\n\n| Metric | Value |\n|--------|-------|\n"
           "| Revenue | **$7-9B** annualized (was $87M early 2024) |\n"
           "| Valuation | **$300-350B** (post Microsoft $5B + NVIDIA $10B) |\n")


def test_named_stake_in_the_cell_is_the_nearest_names(reg):
    assert _link(reg, PROFILE, "$10B") == "nvidia"
    assert _link(reg, PROFILE, "$5B") == "microsoft"


def test_row_figure_beside_named_stakes_is_the_subjects(reg):
    assert _link(reg, PROFILE, "$300-350B") == "anthropic"


XAI = ("# xAI\n\n## Company Overview\n\nxAI is an AI company founded by Elon Musk, with deep integration with "
       "X (formerly Twitter).\n\n### User Metrics\n\n| Metric | Value | Date |\n|--------|-------|------|\n"
       "| Monthly Active Users | 27.8 million | September 2025 |\n"
       "| Daily Active Users | 6.7 million | July 2025 |\n\n"
       "## Main Products and Key Milestones\n\n### Core Product: Grok AI Chatbot\n\n"
       "Grok is xAI's flagship AI assistant, featuring real-time data access.\n\n"
       "Grok 3 was released in February 2025; Grok 4 followed.\n")


def test_company_users_in_a_table_are_its_main_products(reg):
    assert _link(reg, XAI, "27.8 million") == "grok"
    assert _link(reg, XAI, "6.7 million") == "grok"


def test_company_users_stay_the_companys_without_a_product(reg):
    text = XAI.split("## Main Products")[0].replace("X (formerly Twitter)", "its partners")
    assert _link(reg, text, "27.8 million") == "xai"


def test_share_of_the_thing_its_people_use(reg):
    text = XAI.replace("| Daily Active Users | 6.7 million | July 2025 |\n",
                       "| X Premium+ Adoption | 40% using Grok | July 2025 |\n")
    assert _link(reg, text, "40%") == "grok"



PAYOFF = ("## The Payoff Table\n\n| Setup + Model                           | HW Cost | Cloud $/hr | **Payoff Months** |\n"
          "|-----------------------------------------|---------|------------|-------------------|\n"
          "| **D: 2x3090 + Qwen3 30B**             | $3,600  | $1.44      | **3.5**           |\n"
          "| **B: M4 Max + LLaMA 8B**              | $3,500  | $0.96      | **5.1**           |\n")


def test_model_joined_with_its_hardware_is_a_setup(reg):
    assert _link(reg, PAYOFF, "$3,500") == "new"
    assert _link(reg, PAYOFF, "$0.96") == "new"
    assert _link(reg, PAYOFF, "$3,600") == "new"


def test_bare_chip_row_keeps_its_name(reg):
    text = PAYOFF.replace("**B: M4 Max + LLaMA 8B**", "**M4 Max**              ")
    assert _link(reg, text, "$3,500") == "apple-m4-max"


PRICES = "API prices:\n\n| Model | Input ($/1M tokens) |\n|---|---|\n| GPT-3.5 Turbo | $0.50 |\n"


def test_name_with_a_footnote_mark(reg):
    assert _link(reg, PRICES + "| GPT-4o¹ | $2.50 |\n\n¹ Batch price.\n", "$2.50") == "gpt-4o"
    assert _link(reg, PRICES + "| Claude 3.5 Sonnet² | $3.00 |\n", "$3.00") == "claude-3.5-sonnet"


def test_generation_written_apart(reg):
    text = "| Chip | On-demand $/hr |\n|---|---|\n| H100 | $2.49 |\n| Trainium 2 | $1.20 |\n"
    assert _link(reg, text, "$1.20") == "aws-trainium2"


GLANCE = "Llama 3.1 405B at a glance:\n\n| Metric | Value |\n|---|---|\n| Context window | 128K tokens |\n| Training tokens | 15T |\n"


def test_key_value_table_is_the_lead_ins_one_thing(reg):
    assert _link(reg, GLANCE, "15T") == "llama-3.1-405b"


def test_key_value_table_under_two_things_guesses_none(reg):
    text = GLANCE.replace("Llama 3.1 405B at a glance:", "Llama 3.1 405B and GPT-4o at a glance:")
    assert _link(reg, text, "15T") == "new"
