"""corp59a: the vocabulary the new development article r159 needed.

r159 (a Hugging Face blog post on binary and scalar embedding quantization) sizes and costs indices
of embeddings in two tables whose rows are embedding models ('| 1024 | ... |953.67GB<br>$3,623 /
mo|', 'mxbai-embed-large-v1: binary | 1024 | 29.80GB<br>$113.25 / mo |52.46 | 96.45%'). No
property held the memory or the disk space of a vector index, its cost a month, or the price of
memory by the GB-month it is costed at ('an estimated $3.8 per GB/mo with `x2gd` instances');
the number of vectors an index holds had no condition, binary (one bit a value) was no precision,
and the quantization of an embedding model's output (int8, binary, rescored or not) no value of
`quantization`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kb.core.units import conversion_factor
from kb.extract.linking import load_registry
from kb.rules.check import load

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def kb():
    return load(ROOT)


def test_index_memory_and_disk_are_sizes_in_gb(kb):
    for pid in ("index-memory", "index-disk"):
        prop = kb.properties[pid]
        assert prop.canonical_unit == "GB"
        assert {"vectors", "precision"} <= set(prop.conditions)
    # the demo's int8 index takes '0 bytes of memory': a plausible size
    c = kb.claims_by_id["r159-demo-int8-index-memory"]
    assert c.canonical_low == 0


def test_an_index_costs_by_the_month(kb):
    prop = kb.properties["index-cost"]
    assert conversion_factor("USD/month", prop.canonical_unit) == pytest.approx(1)
    c = kb.claims_by_id["r159-t1-1024d-250m-cost"]
    assert (c.entity, c.property, c.quote, c.value) == ("r159-embedding-models-1024d", "index-cost", "$3,623 / mo", 3623)
    assert c.conditions == {"vectors": "250m", "precision": "fp32"}


def test_memory_has_a_price_by_the_gb_month(kb):
    prop = kb.properties["memory-price"]
    assert conversion_factor("USD/GB/month", prop.canonical_unit) == pytest.approx(1)
    assert kb.claims_by_id["r159-memory-price"].entity == "aws-x2gd"


def test_the_new_properties_need_their_words_near_the_number():
    specs = {p["id"]: p for p in load_registry(ROOT).properties}
    # only where embeddings, vectors or an index are named: a month's cost or a memory size
    # elsewhere keeps its plain reading (a cost rate, a memory capacity)
    for pid in ("index-memory", "index-disk", "index-cost"):
        needs = set(specs[pid]["needs"])
        assert "embeddings" in needs
        assert not needs & {"memory", "mo", "month", "month*", "disk", "index*", "vector", "vectors"}
    # a vector database's monthly bill ('| Vector DB | $70 | $200 |') stays a cost rate
    assert set(specs["index-cost"]["needs"]) == {"embedding", "embeddings"}
    assert set(specs["memory-price"]["needs"]) == {"memory", "ram"}


def test_vectors_condition_takes_a_count_with_a_suffix(kb):
    pattern = re.compile(kb.conditions["vectors"].pattern)
    for good in ("100m", "250m", "1b", "41m", "1.5b"):
        assert pattern.match(good)
    for bad in ("250M", "250 million", "m"):
        assert not pattern.match(bad)


def test_binary_is_a_precision_and_embedding_quantization_a_method(kb):
    assert "binary" in kb.conditions["precision"].values
    assert {"scalar-int8", "scalar-int8-rescored", "binary", "binary-rescored"} <= set(kb.conditions["quantization"].values)
    assert "benchmark-dataset" in kb.conditions["item"].values


def test_the_experiments_rows_are_claims_of_their_models(kb):
    score = kb.claims_by_id["r159-t2-mxbai-binary-score"]
    assert (score.entity, score.property, score.value) == ("mxbai-embed-large-v1", "benchmark-score", 52.46)
    assert score.conditions == {"benchmark": "mteb-retrieval", "quantization": "binary-rescored"}
    share = kb.claims_by_id["r159-t2-mxbai-binary-retention"]
    assert (share.property, share.value, share.unit) == ("ratio", 96.45, "percent")


# --- r158 (a Hugging Face blog post on Llama 2 on AWS Inferentia2) writes its timing tables with
# decimal commas ('|   0,5                |   0,9   |', '|   15,9              |'): the curated value
# 0.5 s must be one its quote states.

def test_a_decimal_comma_states_its_value():
    from kb.rules.integrity import _has_number, _written_forms

    for value, quote in ((0.5, "0,5"), (15.9, "15,9"), (3.0, "3,0"), (47.3, "|   47,3              |")):
        assert any(_has_number(quote, f) for f in _written_forms(value)), (value, quote)
    # a thousands separator is no decimal comma: 1.5 is not stated by '1,500', nor 3 by '3,000'
    assert not any(_has_number("1,500 GPUs", f) for f in _written_forms(1.5))
    assert not any(_has_number("3,000 GPUs", f) for f in _written_forms(3.0) if f != "3,000")


def test_r158s_decimal_comma_cells_are_recorded(kb):
    c = kb.claims_by_id["r158-e2e-7b-budget-256"]
    assert (c.quote, c.value, c.unit, c.property) == ("15,9", 15.9, "s", "inference-latency")
    assert c.conditions["metric"] == "end-to-end"
