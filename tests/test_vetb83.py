"""vetB83: readings that kept ``kb vet`` from flagging wrong numbers the checker flags once curated.

The clause "with" opens after a number ("Uses ~10.8 GB for model parameters, with KV cache
scaling linearly with prompt size": the dev-B article r95, Hathora's inference latencies) is the
KV cache's, not the 10.8 GB's: its words ("KV cache") outweighed the number's own cue ("for
model parameters"), and the weights were read as memory free for the KV cache
(kb/extract/linking.py, _OWN_CLAUSE_AFTER_RE). (The weights-size rule that flags them once
curated still needs their precision, which only the article's later "BF16 weights" gives.)
A cloud's "98 vCPUs" is a count of CPU threads, as the reference counts them (_COUNTED_SYNONYMS).
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


def _read(reg, text, raw):
    for d in extract_text(text, reg):
        if d.raw == raw:
            return d
    raise AssertionError(f"{raw!r} not extracted from {text!r}")


def test_with_clause_after_the_number_is_not_its_context(reg):
    text = ("1. **Qwen 2.5 7B Instruct** - A dense 7.61B parameter model with 128K context length support. "
            "Uses ~10.8 GB for model parameters, with KV cache scaling linearly with prompt size.")
    d = _read(reg, text, "~10.8 GB")
    assert (d.entity, d.property) == ("qwen2.5-7b", "weights-memory")


def test_with_and_no_verb_of_its_own_stays_the_numbers(reg):
    # "with" and a plain noun phrase (no thing doing something): still the number's own words
    from kb.extract.linking import _OWN_CLAUSE_AFTER_RE
    assert _OWN_CLAUSE_AFTER_RE.search("~10.8 GB, with KV cache scaling linearly") is not None
    assert _OWN_CLAUSE_AFTER_RE.search("~10.8 GB, with the KV cache in BF16") is None
    assert _OWN_CLAUSE_AFTER_RE.search("96GB of HBM, we need 171 TPUs") is not None


def test_vcpus_are_counted_as_cpu_threads(reg):
    # r111 (Counting pennies in GenAI): "- 8 NVIDIA A100 GPUs - 98 vCPUs": a cloud's vCPU is one
    # hardware thread; the reference counts the p4d.24xlarge's threads (item cpu-thread)
    from kb.extract.linking import _counted_value
    assert _counted_value("98 vCPUs", ("cpu", "cpu-core", "cpu-thread")) == "cpu-thread"
    assert _counted_value("96 CPUs", ("cpu", "cpu-core", "cpu-thread")) == "cpu"
