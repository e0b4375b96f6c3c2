"""corp58b: the vocabulary the two new development articles (r156, r157) needed.

r157 (a Hugging Face blog post comparing first-gen Gaudi, Gaudi2 and the A100 80GB) gives its
benchmarks' throughputs in samples a second ('1580.2 samples/s versus 981.6', a table row
'Throughput (samples/s) | 520.2 | 1580.2 | ...'), which no property held: throughputs in tokens a
second (training-throughput, inference-throughput) cannot take them. sample-throughput can, and it
is a candidate only where the text speaks of samples or images. r156 (the Vicuna post) counts the
questions of its GPT-4 evaluation ('a set of 80 diverse questions', 'eight question categories'):
two new values of the count's `item` condition.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.core.units import UnitError, conversion_factor
from kb.extract.linking import load_registry
from kb.rules.check import load

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def kb():
    return load(ROOT)


def test_samples_a_second_have_a_property(kb):
    prop = kb.properties["sample-throughput"]
    assert prop.canonical_unit == "example/s"
    # '1580.2 samples/s' and '34 images per minute' are the same kind of quantity
    assert conversion_factor("samples/s", prop.canonical_unit) == pytest.approx(1)
    assert conversion_factor("example/minute", prop.canonical_unit) == pytest.approx(1 / 60)


def test_samples_a_second_are_no_token_throughput(kb):
    with pytest.raises(UnitError):
        conversion_factor("samples/s", kb.properties["training-throughput"].canonical_unit)


def test_sample_throughput_needs_samples_or_images_near_the_number():
    spec = next(p for p in load_registry(ROOT).properties if p["id"] == "sample-throughput")
    assert {"sample*", "image*"} <= set(spec["needs"])


def test_the_gaudi_tables_cells_are_recorded_with_it(kb):
    c = kb.claims_by_id["r157-bert-gaudi1-tp"]
    assert (c.entity, c.property, c.quote) == ("intel-gaudi-1", "sample-throughput", "520.2")
    assert c.canonical_low <= 520.2 <= c.canonical_high


def test_evaluation_questions_are_a_count_item(kb):
    values = set(kb.conditions["item"].values)
    assert {"question", "question-category"} <= values
    assert kb.claims_by_id["r156-eval-questions"].conditions == {"item": "question"}
