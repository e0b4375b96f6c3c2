"""model70: which model a number belongs to (kb/extract/linking.py), rules built on fresh public
passages in no corpus (repositories' notes, documentation and blog posts read with the search tools,
judged by hand), the development articles as the no-regression guard.

- a name after an amount set against the number ("versus $11.25 for GPT-5.5", "(vs $10/$30 for
  GPT-4 Turbo)", "vs. $2.80 at OpenAI") is the rival's, that amount's; not the number before the
  comparison word's, which stays with the sentence's subject or with no registry thing;
- the amount right after "versus" given "for" a rival the registry does not name ("versus $1.37 for
  Opus") is that rival's: no registry thing's, not the sentence subject's;
- "$X for MODEL" reaches a model named after a determiner and a few adjectives, the word "model"
  after it ("$15 per million input tokens for their most advanced o1 model");
- a heading's maker in brackets after a model's name ("### GPT-4o (OpenAI)") is what the model
  belongs to, not what it is precisely: the section's figures are the model's;
- a model family's or a company's name with a version the registry does not name right after it
  ("Grok 2", "Grok-2", "DeepSeek V3.1", "Gemini 3.1 Pro") is another model: no owner of the numbers
  of its sentence or its table row (the article's subject is still counted from it); "ChatGPT-5",
  "ChatGPT 4o" name the service by its model's version, that model where the registry names it;
- a name in an appositive after the sentence's opening name ("Jamba 1.5 Large, the newest model on
  Amazon Bedrock, costs $2") is no owner of the number: what the phrase says of the opener;
- a pair "A vs B" whose second amount is "for" a model named right after it ("$0.15 per million
  input tokens vs $2.50 for gpt-4o") is not handed out by the order the sentence named things;
  and an amount "for" a model is that model's over the line's label ("Use gpt-4o-mini by default:
  ... (vs $2.50 for gpt-4o)").
"""
from __future__ import annotations

import pytest

from conftest import linked_entity as _link


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


@pytest.mark.parametrize("text, raw, not_eid", [
    ("Moonshot's Kimi K2.6 ran at $1.71 per million tokens versus $11.25 for GPT-5.5, roughly 6.5x cheaper.\n",
     "$1.71", "gpt-5.5"),
    ("Mistral Small costs $0.20 per million input tokens versus $15 for Claude 3 Opus.\n", "$0.20", "claude-3-opus"),
])
def test_the_name_after_a_rivals_amount_is_the_rivals(reg, text, raw, not_eid):
    assert _link(reg, text, raw) != not_eid


def test_the_rival_keeps_its_own_amount(reg):
    text = "Moonshot's Kimi K2.6 ran at $1.71 per million tokens versus $11.25 for GPT-5.5, roughly 6.5x cheaper.\n"
    assert _link(reg, text, "$11.25") == "gpt-5.5"


def test_a_price_pair_against_a_rival_stays_with_the_sections_model(reg):
    text = ("#### GPT-4o (OpenAI) - BEST OVERALL\n\n"
            "- **50% Cheaper**: $2.50/1M input, $10/1M output (vs $10/$30 for GPT-4 Turbo)\n")
    assert _link(reg, text, "$2.50") == "gpt-4o"
    assert _link(reg, text, "$30") == "gpt-4-turbo"


def test_an_amount_for_a_rival_the_registry_does_not_name(reg):
    text = "DeepSeek's API costs 6 cents per million input tokens versus $1.37 for Opus.\n"
    assert _link(reg, text, "$1.37") in (None, "new")
    assert _link(reg, text, "6 cents") == "deepseek"


def test_an_amount_for_a_model_after_a_determiner_and_adjectives(reg):
    text = ("Current OpenAI pricing ranges from $0.15 per million input tokens for GPT-4o mini up to $15 per "
            "million input tokens for their most advanced o1 model.\n")
    assert _link(reg, text, "$15") == "o1"
    assert _link(reg, text, "$0.15") == "gpt-4o-mini"


def test_a_headings_maker_in_brackets_after_the_model(reg):
    text = "### Claude 3.5 Sonnet (Anthropic)\n\nInput costs $3 per million tokens and output $15.\n"
    assert _link(reg, text, "$3") == "claude-3.5-sonnet"



@pytest.mark.parametrize("text, raw", [
    ("Grok 2 has a context window of 128K tokens.\n", "128K"),
    ("DeepSeek V3.1 costs $0.56 per million input tokens on cache misses.\n", "$0.56"),
    ("| Model | Context |\n|---|---|\n| Grok-2 | 128K |\n| Grok 3 | 1M |\n", "128K"),
])
def test_a_version_the_registry_does_not_name_is_not_the_family(reg, text, raw):
    assert _link(reg, text, raw) in (None, "new")


def test_a_registered_version_keeps_its_model(reg):
    text = "| Model | Context |\n|---|---|\n| Grok-2 | 128K |\n| Grok 3 | 1M |\n"
    assert _link(reg, text, "1M") == "grok-3"
    assert _link(reg, "Gemini 1 million tokens is the context it offers.\n", "1 million") != "new"


@pytest.mark.parametrize("text, raw, eid", [
    ("- **ChatGPT-5**: 18 Wh per query.\n", "18 Wh", "gpt-5"),
    ("ChatGPT 4o costs $2.50 per million input tokens.\n", "$2.50", "gpt-4o"),
])
def test_chatgpt_named_by_its_models_version(reg, text, raw, eid):
    assert _link(reg, text, raw) == eid


def test_a_name_in_an_appositive_after_the_opening_name(reg):
    text = "Jamba 1.5 Large, the newest model on Amazon Bedrock, costs $2 per million input tokens.\n"
    assert _link(reg, text, "$2") in (None, "new")
    assert _link(reg, "The H100, the successor to the A100, has 80 GB of memory.\n", "80 GB") == "nvidia-h100"


def test_a_pair_whose_second_amount_is_for_a_model(reg):
    text = ("Switching the orchestrator to gpt-4o and keeping worker agents on gpt-4o-mini contains cost: "
            "gpt-4o-mini costs $0.15 per million input tokens vs $2.50 for gpt-4o (a 16x difference).\n")
    assert _link(reg, text, "$0.15") == "gpt-4o-mini"
    assert _link(reg, text, "$2.50") == "gpt-4o"


def test_an_amount_for_a_model_over_the_lines_label(reg):
    text = "Use gpt-4o-mini by default: ~$0.15/1M input tokens (vs $2.50 for gpt-4o).\n"
    assert _link(reg, text, "$2.50") == "gpt-4o"
    assert _link(reg, text, "$0.15") == "gpt-4o-mini"
