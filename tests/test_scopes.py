"""``scope-mismatch``: a worked figure that charges a whole instance's or node's value per GPU.

Each case is a small knowledge base in a temporary folder; the arithmetic is in the test's
comment. The form: "64 GPUs for 120 hours at $98.32 an hour" where $98.32 rents an eight-GPU
instance. Right products (instances x the instance price, GPUs x a per-GPU price), the
writer's own per-GPU step (a division) and single-GPU instances stay quiet.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import small_kb
from kb.rules.check import check

PROPS = """
properties:
  - {id: gpu-count, name: GPUs, description: d, canonical_unit: GPU, conditions: [scope]}
  - {id: node-count, name: Nodes, description: d, canonical_unit: node}
  - {id: duration, name: Duration, description: d, canonical_unit: hour}
  - {id: rental-price, name: Rental price, description: d, canonical_unit: USD/hour, conditions: [scope]}
  - {id: power-draw, name: Power draw, description: d, canonical_unit: kW, conditions: [scope]}
  - {id: workload-cost, name: Cost, description: d, canonical_unit: USD}
  - {id: energy, name: Energy, description: d, canonical_unit: kWh}
"""
CONDITIONS = """
conditions:
  scope: {description: s, values: [per-gpu, per-node, per-instance]}
"""
ENTITIES = """
entities:
  - {id: gpu-a, name: GPU A, kind: gpu}
  - {id: box-8, name: An eight-GPU instance, kind: cloud-instance}
  - {id: box-1, name: A one-GPU instance, kind: cloud-instance}
  - {id: job, name: A workload, kind: workload}
"""
REFERENCES = """
citations:
  - {id: sheet, publisher: Acme, title: Price list, url: "https://example.org", date: "2024-01-01", kind: primary}
references:
  - {id: ref-box-8-gpus, entity: box-8, property: gpu-count, value: 8, unit: GPU, citation: sheet}
  - {id: ref-box-1-gpus, entity: box-1, property: gpu-count, value: 1, unit: GPU, citation: sheet}
"""

_LETTERS = str.maketrans("0123456789", "abcdefghij")


def claim(cid, entity, prop, value, unit, derived=None, **kw):
    c = {"id": cid, "entity": entity, "property": prop, "value": value, "unit": unit, "qualifier": "exact",
         "quote": f"quote of {cid.translate(_LETTERS)}"}  # no digits: quote-value stays quiet
    if derived is not None:
        c["derived"] = {"formula": derived[0], "from": derived[1]}
    c.update(kw)
    return c


def run(tmp_path: Path, claims: list[dict]):
    rep = check(small_kb(tmp_path, {"a": claims}, conditions=CONDITIONS, properties=PROPS, entities=ENTITIES,
                         references=REFERENCES))
    errors = [f"{f.path}:{f.line} {f.code} {f.message}" for f in rep.findings if f.severity == "error"]
    assert not errors, errors
    return rep


def scope_findings(rep, cid=None):
    return [f for f in rep.findings if f.code == "scope-mismatch" and (cid is None or cid in f.claims)]


def test_a_gpu_count_times_an_instance_price_is_found_with_the_instance_size(tmp_path):
    """64 GPUs x 120 h x $98.32 an hour for an eight-GPU instance = $755K: the arithmetic holds,
    but each GPU pays the whole instance's price, 8 times too much ($94K)."""
    rep = run(tmp_path, [
        claim("n", "job", "gpu-count", 64, "GPU"),
        claim("h", "job", "duration", 120, "hour"),
        claim("p", "box-8", "rental-price", "98.32", "USD/hour", conditions={"scope": "per-instance"}),
        claim("c", "job", "workload-cost", "755.1", "K USD", derived=("n * h * p", {"n": "n", "h": "h", "p": "p"})),
    ])
    assert not [f for f in rep.findings if f.code == "arithmetic"]
    (f,) = scope_findings(rep, "c")
    assert f.severity == "warning" and f.kind == "content"
    assert f.line == rep.kb.claims_by_id["c"].derived.line
    (cause,) = f.causes
    assert cause.kind == "scope" and cause.factor == pytest.approx(8) and cause.points_at == ("p",)
    assert "8 times too high" in f.message and "per instance" in f.message


def test_a_node_figure_of_unknown_size_is_found_without_a_factor(tmp_path):
    """16 GPUs x a node's 5.6 kW = 89.6 kW: the node's GPU count is not known, so no factor."""
    rep = run(tmp_path, [
        claim("n", "job", "gpu-count", 16, "GPU"),
        claim("p", "gpu-a", "power-draw", "5.6", "kW", conditions={"scope": "per-node"}),
        claim("t", "job", "power-draw", "89.6", "kW", derived=("n * p", {"n": "n", "p": "p"})),
    ])
    (f,) = scope_findings(rep, "t")
    assert f.causes[0].factor is None and "as many times too high as the node has GPUs" in f.message


def test_right_products_and_the_writers_own_per_gpu_step_stay_quiet(tmp_path):
    """8 instances x 120 h x $98.32 = $94.4K; 64 GPUs x 120 h x $12.29 per GPU = $94.4K;
    64 GPUs x 120 h x $98.32 / 8 = $94.4K; a node's 8 GPUs x 700 W is a node's power;
    4 GPUs x 10 h x $1.01 for a one-GPU instance = $40.40."""
    rep = run(tmp_path, [
        claim("nodes", "job", "node-count", 8, "node"),
        claim("n", "job", "gpu-count", 64, "GPU"),
        claim("h", "job", "duration", 120, "hour"),
        claim("p", "box-8", "rental-price", "98.32", "USD/hour", conditions={"scope": "per-instance"}),
        claim("g", "gpu-a", "rental-price", "12.29", "USD/hour", conditions={"scope": "per-gpu"}),
        claim("c1", "job", "workload-cost", "94.4", "K USD", derived=("nodes * h * p", {"nodes": "nodes", "h": "h", "p": "p"})),
        claim("c2", "job", "workload-cost", "94.4", "K USD", derived=("n * h * g", {"n": "n", "h": "h", "g": "g"})),
        claim("c3", "job", "workload-cost", "94.4", "K USD", derived=("n * h * p / 8", {"n": "n", "h": "h", "p": "p"})),
        claim("per", "gpu-a", "gpu-count", 8, "GPU", conditions={"scope": "per-node"}),
        claim("w", "gpu-a", "power-draw", "0.7", "kW", conditions={"scope": "per-gpu"}),
        claim("node", "gpu-a", "power-draw", "5.6", "kW", conditions={"scope": "per-node"},
              derived=("per * w", {"per": "per", "w": "w"})),
        claim("four", "job", "gpu-count", 4, "GPU"),
        claim("ten", "job", "duration", 10, "hour"),
        claim("one", "box-1", "rental-price", "1.01", "USD/hour", conditions={"scope": "per-instance"}),
        claim("c4", "job", "workload-cost", "40.40", "USD", derived=("four * ten * one", {"four": "four", "ten": "ten", "one": "one"})),
    ])
    assert scope_findings(rep) == []


def test_a_broken_formula_or_a_missing_input_never_raises(tmp_path):
    """relation-invalid reports them (an error); the scope rule says nothing and does not fail."""
    claims = [
        claim("n", "job", "gpu-count", 64, "GPU"),
        claim("p", "box-8", "rental-price", "98.32", "USD/hour", conditions={"scope": "per-instance"}),
        claim("bad", "job", "workload-cost", 1, "K USD", derived=("n ** p", {"n": "n", "p": "p"})),
        claim("ghost", "job", "workload-cost", 1, "K USD", derived=("n * q", {"n": "n", "q": "no-such-id"})),
    ]
    rep = check(small_kb(tmp_path, {"a": claims}, conditions=CONDITIONS, properties=PROPS, entities=ENTITIES,
                         references=REFERENCES))
    assert {f.code for f in rep.findings if f.severity == "error"} == {"relation-invalid"}
    assert scope_findings(rep) == []
