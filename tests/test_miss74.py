"""miss74: drafting leftovers, developed on fresh public texts in no corpus (embedding-model
tables, changelogs and engineering notes, LLM routing notes and model lists, judged by hand), dev
as the guard.

- A "| Dimension(s) |" column holds an embedding vector's length (embedding-dimension), as "1024
  dimensions" in prose does, also for a model the registry does not know (it was an attention
  head's size).
- "expanded from 10 to 42", "ballooned from 2 GB to 5.5 GB", "has scaled from 1 to 200
  buildings": a change, two values, not a range; a score "is scaled from 1 to 5" stays a range.
- A slash pair of prices alone in brackets right after a model's name ("GPT-4o ($2.50/$10.00)")
  is the model's input and output price per million tokens, in a text that says no other count.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import draft_of
from kb.extract.drafts import extract_text
from kb.extract.linking import load_registry

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def reg():
    return load_registry(ROOT)


_DIMS = ("| Provider | Model | Dimensions |\n|----------|-------|------------|\n"
         "| Ollama | nomic-embed-text | 768 |\n| Local | all-MiniLM-L6-v2 | 384 |\n")


def test_a_dimensions_column_is_an_embedding_size(reg):
    got = {(d.value, d.unit, d.property) for d in extract_text(_DIMS, reg)}
    assert (768.0, "x", "embedding-dimension") in got
    assert (384.0, "x", "embedding-dimension") in got


@pytest.mark.parametrize("text, old, new, unit", [
    ("Secondary indexes ballooned from 2 GB to 5.5 GB.", 2.0, 5.5, "GB"),
    ("BookSwap has scaled from 1 to 200 buildings since launch.", None, 200.0, None),
    ("The team expanded from 7 to 2,300 employees.", None, 2300.0, "employee"),
])
def test_a_change_from_to_is_no_range(text, old, new, unit):
    ds = extract_text(text)
    assert not any(d.qualifier == "range" for d in ds), [(d.low, d.high) for d in ds]
    assert any(d.value == new and (unit is None or d.unit == unit) for d in ds)
    if old is not None:
        assert any(d.value == old for d in ds)


def test_a_scale_stays_a_range():
    ds = extract_text("Fan speed is scaled from 20% to 100% with load.")
    assert [(d.low, d.high) for d in ds] == [(20.0, 100.0)]


@pytest.mark.parametrize("text, raw, value", [
    ("Cohere Command R+ ($2.50/$10.00) supports the same languages at higher cost.", "$2.50", 2.5),
    ("Common models: openai/gpt-4o ($2.50/$10.00), openai/gpt-4o-mini ($0.15/$0.60)", "$0.60", 0.6),
])
def test_a_price_pair_after_a_model_is_per_million_tokens(reg, text, raw, value):
    d = draft_of(reg, text, raw)
    assert d.value == value and d.unit == "USD per 1M tokens"


def test_a_card_price_pair_stays_dollars(reg):
    d = draft_of(reg, "H100 ($30,000/$15,000) cards sold out.", "$30,000")
    assert d.unit == "USD"


def test_a_price_pair_with_words_between_stays_as_it_was(reg):
    # (only a pair right after the name: "GPT-4o-mini - Cheap fallback ($0.15/$0.60)" is left alone)
    d = draft_of(reg, "Plan A: GPT-4o-mini for a cheap fallback ($0.15/$0.60).", "$0.15")
    assert d.unit == "USD"
