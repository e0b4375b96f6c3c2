"""disc66: discovery measured with the statement of a restated number that the curators
recorded as the same quantity (kb.tools.arithmetic), and the discovery rules of that round."""
from __future__ import annotations

import hashlib
from pathlib import Path
from types import SimpleNamespace as NS

import pytest

from kb.tools.arithmetic import restated_members, same_quantity

TEXT = "Each H100 draws 700 W at full load.\n\nA node of eight H100 GPUs at 700 W each draws 5.6 kW.\n"


def _claim(cid, entity, prop, conditions=None):
    return NS(id=cid, entity=entity, property=prop, conditions=conditions or {})


def test_same_quantity_needs_entity_property_and_agreeing_conditions():
    bf16 = _claim("a", "gpu-x", "peak-throughput", {"precision": "bf16", "core": "tensor"})
    assert same_quantity(bf16, _claim("b", "gpu-x", "peak-throughput", {"precision": "bf16"}))
    assert not same_quantity(bf16, _claim("c", "gpu-x", "peak-throughput", {"precision": "fp16"}))
    assert not same_quantity(bf16, _claim("d", "gpu-y", "peak-throughput", {"precision": "bf16"}))
    assert not same_quantity(bf16, _claim("e", "gpu-x", "tdp", {"precision": "bf16"}))


def test_a_restated_input_counts_only_when_recorded_as_the_same_quantity():
    claims = {c.id: c for c in (_claim("p", "node", "power-draw"), _claim("n", "node", "gpu-count"),
                                _claim("w", "h100", "tdp"), _claim("w2", "h100", "tdp"),
                                _claim("x", "a100", "tdp"))}
    draft_of = {"p": "d-p", "n": "d-n", "w": "d-w1", "w2": "d-w2", "x": "d-x"}
    to_claim = {d: c for c, d in draft_of.items()}
    key_of = {"d-p": (5.6, 5.6, "kW"), "d-n": (8, 8, "GPU"), "d-w1": (700, 700, "W"), "d-w2": (700, 700, "W"),
              "d-x": (700, 700, "W")}
    # discovery linked the second statement of 700 W (beside the arithmetic), the curators the first
    linked = {"d-p": [("d-p", "d-n", "d-w2")]}
    assert restated_members(["p", "n", "w"], draft_of, to_claim, key_of, claims, linked)
    # 700 W of another card is no restatement
    linked = {"d-p": [("d-p", "d-n", "d-x")]}
    assert not restated_members(["p", "n", "w"], draft_of, to_claim, key_of, claims, linked)
    # nor is a number of the same value no claim records
    linked = {"d-p": [("d-p", "d-n", "d-other")]}
    assert not restated_members(["p", "n", "w"], draft_of, {**to_claim, "d-other": None},
                                {**key_of, "d-other": (700, 700, "W")}, claims, linked)
    # a proposal on a restated result is that statement's relation, not this one's
    claims["p2"] = _claim("p2", "node", "power-draw")
    draft_of["p2"], to_claim["d-p2"], key_of["d-p2"] = "d-p2", "p2", (5.6, 5.6, "kW")
    linked = {"d-p2": [("d-p2", "d-n", "d-w1")]}
    assert not restated_members(["p", "n", "w"], draft_of, to_claim, key_of, claims, linked)


def _kb(tmp_path: Path, second_entity: str) -> Path:
    root = tmp_path / "kb"
    for d in ("claims", "datasets/sources", "datasets/entities", "datasets/properties"):
        (root / d).mkdir(parents=True)
    (root / "datasets" / "sources" / "012_node.txt").write_text(TEXT, encoding="utf-8")
    (root / "datasets" / "sources" / "012_node.yaml").write_text(
        f"id: 012_node\ntitle: T\npublisher: P\nsha256: {hashlib.sha256(TEXT.encode()).hexdigest()}\ntrust: web\n",
        encoding="utf-8")
    (root / "datasets" / "entities" / "e.yaml").write_text(
        "entities:\n  - {id: nvidia-h100, kind: gpu, aliases: [H100]}\n  - {id: nvidia-a100, kind: gpu}\n"
        "  - {id: node-x, kind: system}\n", encoding="utf-8")
    (root / "datasets" / "properties" / "p.yaml").write_text(
        "properties:\n"
        "  - {id: tdp, name: Thermal design power, canonical_unit: W}\n"
        "  - {id: gpu-count, name: GPUs, canonical_unit: GPU}\n"
        "  - {id: power-draw, name: Power draw, canonical_unit: kW}\n", encoding="utf-8")

    def claim(cid, entity, prop, value, unit, raw, after=0, derived=""):
        s = TEXT.index(raw, after)
        return (f"  - {{id: {cid}, entity: {entity}, property: {prop}, value: {value}, unit: {unit}, "
                f"qualifier: exact, quote: \"{raw}\", start: {s}, end: {s + len(raw)}{derived}}}\n")

    second = TEXT.index("A node")
    (root / "claims" / "012_node.yaml").write_text(
        "source: 012_node\nclaims:\n"
        + claim("tdp", "nvidia-h100", "tdp", 700, "W", "700 W")
        + claim("tdp-2", second_entity, "tdp", 700, "W", "700 W", second)
        + claim("count", "node-x", "gpu-count", 8, "GPU", "eight H100 GPUs")
        + claim("node", "node-x", "power-draw", 5.6, "kW", "5.6 kW",
                derived=", derived: {formula: \"n * t\", from: {n: count, t: tdp}}"),
        encoding="utf-8")
    return root


@pytest.mark.parametrize("second_entity, found", [("nvidia-h100", 1), ("nvidia-a100", 0)])
def test_the_pipeline_credits_a_relation_found_with_a_curated_restatement(tmp_path: Path, second_entity, found):
    from kb.rules.check import check
    from kb.tools.arithmetic import measure_pipeline

    m = measure_pipeline(check(_kb(tmp_path, second_entity)), {})
    # discovery links the 700 W beside the arithmetic; the curators used the first statement
    assert (m["expressible"], m["found_own"], m["found"]) == (1, 0, found)
