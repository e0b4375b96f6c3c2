"""resolve83: registry things drafted as new things of the article's own ("wrongly new").

- a parameter count that is one of the sizes of the model line named before it in the sentence
  ("To benchmark the real-world performance of Llama 2, we tested 3 model sizes (7B, 13B, 70B
  parameters)") is the size of the line's variant, whoever tested it: the first-person verb
  ("we tested") made the sizes figures of the writer's own run before, each a new thing. A size
  the line does not have, or a size given after a first-person verb with no line named before
  it, stays as it was.
"""
from __future__ import annotations

import pytest

from conftest import draft_of


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


@pytest.mark.parametrize("raw, want", [
    ("7B", "llama-2-7b"),
    ("13B", "llama-2-13b"),
    ("70B parameters", "llama-2-70b"),
])
def test_tested_sizes_of_a_named_line_are_its_variants(reg, raw, want):
    text = ("To benchmark the real-world performance of Llama 2, we tested 3 model sizes "
            "(7B, 13B, 70B parameters) on four different instance types.")
    d = draft_of(reg, text, raw)
    assert (d.entity, d.property) == (want, "parameters-total")


def test_size_the_line_lacks_stays_the_writers(reg):
    # Llama 2 has no 30B size: the writer's own model of that size, not a variant
    text = "After trying Llama 2, we trained a 30B parameter model on our own data."
    d = draft_of(reg, text, "30B parameter")
    assert d.entity is None


def test_writer_run_of_a_named_line_still_not_its_figure(reg):
    # a throughput the writer got stays the run's (the exemption is for sizes only)
    text = "Yes, I can run Llama 3 8B at ~25 tokens per second on my laptop."
    d = draft_of(reg, text, "~25 tokens per second")
    assert d.entity != "llama-3-8b"


# --- a size written right before a model line's name -----------------------------------

@pytest.mark.parametrize("text, name, want", [
    # "Single GPU for 13B Llama2 models" (a SageMaker benchmark of Llama 2's sizes)
    ("Single GPU for 13B Llama2 models", "Llama2", "llama-2-13b"),
    ("the 70B Llama 3 model", "Llama 3", "llama-3-70b"),
])
def test_size_before_a_lines_name_is_its_variant(reg, text, name, want):
    from kb.extract.linking import index_for

    idx = index_for(reg.entities, reg.properties)
    hits = {text[a:b]: eid for a, b, eid in idx.aliases_in(text)}
    assert hits.get(name) == want


@pytest.mark.parametrize("text, name, want", [
    # a size the line does not have names the line, as before
    ("the 30B Llama 2 model", "Llama 2", "llama-2"),
    # a size glued to another word is no size before the name
    ("the v13B Llama 2 model", "Llama 2", "llama-2"),
])
def test_size_before_a_lines_name_it_lacks_leaves_the_line(reg, text, name, want):
    from kb.extract.linking import index_for

    idx = index_for(reg.entities, reg.properties)
    hits = {text[a:b]: eid for a, b, eid in idx.aliases_in(text)}
    assert hits.get(name) == want


def test_size_before_a_lines_name_links_a_figure_to_the_variant(reg):
    d = draft_of(reg, "The 70B Llama 3 model needs 140 GB of memory in fp16.", "140 GB")
    assert d.entity == "llama-3-70b"


# --- a training reported with whose it was ---------------------------------------------

def test_training_by_its_maker_is_the_models(reg):
    # the GPUs a model was trained on by its maker are the model's, not a run of the writer's
    text = ("The 175B GPT-3 model trained by OpenAI required 14.8 days of compute on 10,000 V100s.")
    d = draft_of(reg, text, "10,000 V100s")
    assert (d.entity, d.property) == ("gpt-3", "gpu-count")


def test_training_by_the_writer_stays_own(reg):
    text = "Our Llama 2 7B fine-tune, trained by us on 8 A100 GPUs, took a day."
    d = draft_of(reg, text, "8 A100 GPUs")
    assert d.entity is None and d.entity_new
