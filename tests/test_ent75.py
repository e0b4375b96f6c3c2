"""ent75: which model a number belongs to (kb/extract/linking.py), rules built on fresh public
passages in no corpus (model hardware guides, pricing comparisons and repositories' notes read
with the search tools, judged by hand), the development articles as the no-regression guard.

- a size written as a model's name with no noun after it, right before a verb of what the model
  needs, does or scores ("The 70B requires 40GB+ VRAM", "the 72B needs about 145GB", "the 8B
  runs at ...") or a possessive ("the 405B's weights"), is the model of that size of the family
  the article names, as "the 70B model" already was; a size no named model has stays unnamed;
- a table column headed by the unit its prices are quoted per, written first as API price lists
  write it ("| 1M TOKENS INPUT PRICE (CACHE MISS) |", "| 1M tokens output price |"), is the row's
  model's price, not a workload of the article's own as "| 128K Input Cost |" is;
- a number in the possessive of a model the registry does not name, a family's name with an
  unknown version ("double Grok 2's $5", "4.4x more than DeepSeek V4's $0.50"), is that model's
  own: no registry thing's, not the sentence subject's (a registry model so written, "DeepSeek
  V3's 2.788M GPU hours", keeps its number);
- a name given as an example of a class after the sentence has named its subject ("Mixtral
  outperforms larger dense models like Llama 2 70B", "rivals such as ..."), a clause's break
  between it and the number ("while using only 12.9B active parameters", "and needs ..."), is no
  owner of the number: the subject is.
"""
from __future__ import annotations

import pytest

from conftest import linked_entity as _link


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


@pytest.mark.parametrize("text, raw, eid", [
    ("Meta released Llama 3.1 in July 2024 in three sizes with a shared 128K context window. "
     "The 70B requires 48 GB of memory.\n", "48 GB", "llama-3.1-70b"),
    ("Llama 3 ships in two sizes. The 8B model runs on a GPU with 8GB VRAM. "
     "The 70B requires 40GB+ VRAM in Q4 quantization.\n", "40GB", "llama-3-70b"),
    ("Qwen2.5 ships in many sizes; the 72B needs about 145GB of VRAM in BF16.\n", "145GB", "qwen2.5-72b"),
    ("For Llama 3.1, the 405B needs 261 GB at NVFP4 weights plus an FP8 KV cache.\n", "261 GB", "llama-3.1-405b"),
])
def test_a_size_before_a_verb_names_the_familys_model(reg, text, raw, eid):
    assert _link(reg, text, raw) == eid


def test_a_size_that_no_named_model_has_stays_unnamed(reg):
    # Llama 3.1 has no 13B: the number is not handed to another size or kept as a guess of one
    text = "Llama 3.1 comes in several sizes; the 13B needs 26 GB in BF16.\n"
    assert _link(reg, text, "26 GB") not in ("llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b")


def test_a_size_before_a_plain_noun_is_an_amount_not_a_name(reg):
    # "the 15T tokens": a count of tokens, not a model called "15T"
    text = "Llama 3.1 405B was trained on the 15T tokens at a cost of 30.8 million GPU hours.\n"
    assert _link(reg, text, "30.8 million") == "llama-3.1-405b"


PRICE_LIST = ("| MODEL | CONTEXT LENGTH | 1M TOKENS INPUT PRICE (CACHE MISS) | 1M TOKENS OUTPUT PRICE |\n"
              "|---|---|---|---|\n| deepseek-chat | 64K | $0.27 | $1.10 |\n| deepseek-reasoner | 64K | $0.55 | $2.19 |\n")


@pytest.mark.parametrize("raw, eid", [("$0.27", "deepseek-v3"), ("$2.19", "deepseek-r1")])
def test_a_price_per_one_unit_of_tokens_is_the_rows_models(reg, raw, eid):
    assert _link(reg, PRICE_LIST, raw) == eid


def test_a_price_per_1m_tokens_in_lower_case(reg):
    text = ("| Model | 1M tokens input price | 1M tokens output price |\n|---|---|---|\n"
            "| GPT-4o mini | $0.15 | $0.60 |\n| GPT-4o | $2.50 | $10.00 |\n")
    assert _link(reg, text, "$0.60") == "gpt-4o-mini"


def test_a_cost_of_a_workload_column_stays_the_articles_own(reg):
    text = "| Model | 128K Input Cost |\n|---|---|\n| GPT-4o | $0.32 |\n| Claude 3.5 Sonnet | $0.38 |\n"
    assert _link(reg, text, "$0.32") == "new"


@pytest.mark.parametrize("text, raw", [
    ("GPT-4o costs $10 per million output tokens, double Grok 2's $5.\n", "$5"),
    ("DeepSeek R1 costs $2.19 per million output tokens, 4.4x more than DeepSeek V4's $0.50.\n", "$0.50"),
    ("Epoch estimated GPT-5's size by a stated comparison to Grok 2's 115B active parameters.\n", "115B"),
])
def test_a_number_in_the_possessive_of_an_unnamed_version_is_no_registry_things(reg, text, raw):
    assert _link(reg, text, raw) in (None, "new")


def test_a_registry_version_in_the_possessive_keeps_its_number(reg):
    text = "DeepSeek V3's 2.788M GPU hours cost about $5.6M at $2 per GPU hour.\n"
    assert _link(reg, text, "2.788M") == "deepseek-v3"


@pytest.mark.parametrize("text", [
    "Mixtral outperforms larger dense models like Llama 2 70B in reasoning while using only 12.9B active parameters.\n",
    "Mixtral beats dense rivals such as Llama 2 70B and needs only 12.9B active parameters.\n",
])
def test_an_example_of_a_class_is_not_the_subjects_number(reg, text):
    assert _link(reg, text, "12.9B") in ("mixtral", "mixtral-8x7b")


def test_an_example_with_its_own_number_keeps_it(reg):
    # no break of a clause: the number right after the example is the example's
    text = "Mistral Large trails frontier models such as GPT-4o at $2.50 per million input tokens.\n"
    assert _link(reg, text, "$2.50") == "gpt-4o"
