"""link54: a clause after a number with a subject of its own (", we need ...") gives that
number no cue words (kb/extract/linking.py, _OWN_CLAUSE_AFTER_RE).

Quoted from the dev-B article r151 ("Training LLaMA 3 on TPUs", How to Scale Your Model,
Google DeepMind): "since each TPU v5p has 96GB of HBM, we need `16.5e12 / 96e9 = 171` TPUs".
The formula in backticks gives no number before "we need", so "need" (a cue of the memory a
model needs to run) fell inside the 96GB's context: the property was a model's serving memory,
no model was named, and the TPU lost the number to a new entity of the article's own.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kb.extract.drafts import extract_text
from kb.extract.linking import load_registry

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def reg():
    return load_registry(ROOT)


def _link(reg, text, raw):
    for d in extract_text(text, reg):
        if d.raw == raw:
            return d.entity or ("new" if d.entity_new else None), d.property
    raise AssertionError(f"{raw!r} not extracted from {text!r}")


def test_writer_clause_after_number_gives_no_cue(reg):
    text = ("With these assumptions, since each TPU v5p has 96GB of HBM, we need "
            "`16.5e12 / 96e9 = 171` TPUs. That's not very much actually!")
    assert _link(reg, text, "96GB") == ("google-tpu-v5p", "memory-capacity")


def test_need_in_the_numbers_own_clause_still_counts(reg):
    # the cue in the number's own clause stays: what a model needs to run
    text = "To serve Llama 3 70B in half precision you need about 140GB of memory."
    assert _link(reg, text, "about 140GB")[1] == "serving-memory"


def test_names_with_hyphened_size_and_other_case_match(reg):
    # the registry's names are found as written in r151: "LLaMA 3-70B", "TPU v5p"
    from kb.extract.linking import index_for
    idx = index_for(reg.entities, reg.properties)
    hits = idx.aliases_in("Let's stick to our setting and say we want to train LLaMA 3-70B on a TPU v5p pod.")
    assert [h[2] for h in hits] == ["llama-3-70b", "google-tpu-v5p"]
