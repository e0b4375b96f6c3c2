"""model68: which model a number belongs to (kb/extract/linking.py), rules built on fresh public
passages in no corpus (blog and documentation repositories read with the search tools, judged by
hand), the development articles as the no-regression guard.

- a model the registry names by another family's name and its size ("Llama 3 405B" for Llama 3.1
  405B) is that family's model of the size too: "| 405B |" in a table of the Llama 3 sizes and
  "The 405B model" after "Llama 3" are Llama 3.1 405B, not the Llama 3 family;
- a family's name with its size in brackets right after it ("Llama 3.1 (405B)") names the family's
  model of that size, as "Llama 3.1 405B" does;
- an amount "for" a model named right after it, the name ending the phrase, is that model's: "the
  price per million input token drops from $30 for GPT-4 to $2.5 for GPT-4o" (not the model named
  before the amount);
- a model's tier word written alone ("Haiku", "Sonnet", "Flash") where the article names a model of
  that line in full is the model named so ("Claude 3.5 Sonnet ... Sonnet costs $3"), or, where none
  named ends in the word and the article names two tiers of one line, the registry's model of that
  line and tier ("Claude 3 Opus costs $15 ..., while Sonnet costs $3 and Haiku $0.25"); with one
  tier named ("Claude 3.5 Sonnet ... Haiku at $0.25") the writer as often means an earlier
  version's, and the word is left alone, as is a word right beside another capitalised word
  ("Claude Pro"), and plan words and adjectives ("Pro", "Fast", "Ultra");
- a yardstick named after "compared to" with its own number right after it, said to be estimated
  or given "at" it, owns the number as its possessive would: "trained their V3 model for $6 million
  compared to GPT-4 estimated $100 million" gives the $100 million to GPT-4;
- registry (datasets/entities/model68.yaml): open-weight models that writing names and the registry
  lacked (DBRX, Nemotron-4 340B, Llama 3.2 11B and 90B Vision, Qwen2-72B, Command R and R+), each
  citing the page read for it.
"""
from __future__ import annotations

import pytest

from conftest import linked_entity as _link


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


SIZES_TABLE = ("### Llama3 Model Specifications\n\n"
               "| Model | Parameters | Layers |\n|---|---|---|\n"
               "| 8B | 8B | 32 |\n| 70B | 70B | 80 |\n| 405B | 405B | 126 |\n")


@pytest.mark.parametrize("raw, eid", [("126", "llama-3.1-405b"), ("80", "llama-3-70b")])
def test_a_size_another_family_name_gives_in_a_table(reg, raw, eid):
    assert _link(reg, SIZES_TABLE, raw) == eid


def test_a_size_another_family_name_gives_in_prose(reg):
    text = ("- Llama 3 comes in different sizes: 8B, 70B, and 405B parameters.\n"
            "- The 405B model has 126 layers and 128 attention heads.\n")
    assert _link(reg, text, "126 layers") == "llama-3.1-405b"


def test_a_bracketed_size_after_a_family_name(reg):
    text = ("| Model | Organization | Elo |\n|---|---|---|\n"
            "| Llama 3.3 (70B) | Meta | 1755 |\n| Llama 3.1 (405B) | Meta | 1750 |\n")
    assert _link(reg, text, "1750") == "llama-3.1-405b"


def test_an_amount_for_a_model_named_after_it(reg):
    text = "In the past year the price per million input token drops from $30 for GPT-4 to $2.5 for GPT-4o.\n"
    assert _link(reg, text, "$30") == "gpt-4"
    assert _link(reg, text, "$2.5") == "gpt-4o"


@pytest.mark.parametrize("text, raw, eid", [
    ("GPT-4o costs $2.50 per million input tokens, far less than Claude 3 Opus. Opus costs $15 per million "
     "input tokens.\n", "$15", "claude-3-opus"),
    ("Claude 3 Opus and Claude 3 Sonnet lead the family. Haiku costs $0.25 per million input tokens.\n",
     "$0.25", "claude-3-haiku"),
])
def test_a_tier_word_alone_after_its_line_was_named(reg, text, raw, eid):
    assert _link(reg, text, raw) == eid


@pytest.mark.parametrize("text, raw, eid", [
    ("1. DBRX has 132B total and 36B active parameters.\n", "36B", "dbrx"),
    ("NVIDIA's Nemotron-4 340B was pre-trained on 9 trillion tokens.\n", "9 trillion tokens", "nemotron-4-340b"),
    ("Llama 3.2 90B Vision accepts a context of 128,000 tokens.\n", "128,000 tokens", "llama-3.2-90b-vision"),
    ("Command R+ has 104 billion parameters.\n", "104 billion", "command-r-plus"),
])
def test_open_models_the_registry_lacked(reg, text, raw, eid):
    assert _link(reg, text, raw) == eid


@pytest.mark.parametrize("text, raw, eid", [
    ("DeepSeek trained their V3 model for $6 million compared to GPT-4 estimated $100 million training cost.\n",
     "$100 million", "gpt-4"),
    ("Compared to GPT-4 at $30 per million tokens, DeepSeek-V3 costs $0.27.\n", "$30", "gpt-4"),
])
def test_a_yardstick_with_its_own_number(reg, text, raw, eid):
    assert _link(reg, text, raw) == eid
