"""disc66: discovery measured with the statement of a restated number that the curators
recorded as the same quantity (kb.tools.arithmetic), and the discovery rules of that round."""
from __future__ import annotations

import hashlib
from pathlib import Path
from types import SimpleNamespace as NS

import pytest

from kb.tools.arithmetic import restated_members, same_quantity

TEXT = "Each H100 draws 700 W at full load.\n\nA node of eight H100 GPUs at 700 W each draws 5.6 kW.\n"


def _claim(cid, entity, prop, conditions=None, value=None, unit=None):
    return NS(id=cid, entity=entity, property=prop, conditions=conditions or {}, value=value, unit=unit)


def test_same_quantity_needs_entity_property_and_agreeing_conditions():
    bf16 = _claim("a", "gpu-x", "peak-throughput", {"precision": "bf16", "core": "tensor"})
    assert same_quantity(bf16, _claim("b", "gpu-x", "peak-throughput", {"precision": "bf16"}))
    assert not same_quantity(bf16, _claim("c", "gpu-x", "peak-throughput", {"precision": "fp16"}))
    assert not same_quantity(bf16, _claim("d", "gpu-y", "peak-throughput", {"precision": "bf16"}))
    assert not same_quantity(bf16, _claim("e", "gpu-x", "tdp", {"precision": "bf16"}))
    # ratios of one entity are one quantity only with the same sides
    pe = NS(id="f", entity="co", property="ratio", conditions={}, numerator="valuation", denominator="net-income")
    assert same_quantity(pe, NS(**{**vars(pe), "id": "g"}))
    assert not same_quantity(pe, NS(**{**vars(pe), "id": "h", "numerator": "revenue"}))


def test_a_restated_input_counts_only_when_recorded_as_the_same_quantity():
    claims = {c.id: c for c in (_claim("p", "node", "power-draw", value=5.6, unit="kW"),
                                _claim("n", "node", "gpu-count", value=8, unit="GPU"),
                                _claim("w", "h100", "tdp", value=700, unit="W"),
                                _claim("w2", "h100", "tdp", value=700, unit="W"),
                                _claim("x", "a100", "tdp", value=700, unit="W"),
                                _claim("w3", "h100", "tdp", value=350, unit="W"))}
    draft_of = {"p": "d-p", "n": "d-n", "w": "d-w1", "w2": "d-w2", "x": "d-x", "w3": "d-w3"}
    # discovery linked the second statement of 700 W (beside the arithmetic), the curators the first
    assert restated_members(["p", "n", "w"], draft_of, claims, {"d-p": [("d-p", "d-n", "d-w2")]})
    # the curated input has no draft of its own ("× 20" left to "a P/E of 20x"): its twin's counts
    assert restated_members(["p", "n", "w"], {k: v for k, v in draft_of.items() if k != "w"}, claims,
                            {"d-p": [("d-p", "d-n", "d-w2")]})
    # 700 W of another card is no restatement, nor another number of the card
    assert not restated_members(["p", "n", "w"], draft_of, claims, {"d-p": [("d-p", "d-n", "d-x")]})
    assert not restated_members(["p", "n", "w"], draft_of, claims, {"d-p": [("d-p", "d-n", "d-w3")]})
    # nor a number no claim records
    assert not restated_members(["p", "n", "w"], draft_of, claims, {"d-p": [("d-p", "d-n", "d-other")]})
    # a proposal on a restated result is that statement's relation, not this one's
    claims["p2"] = _claim("p2", "node", "power-draw", value=5.6, unit="kW")
    draft_of["p2"] = "d-p2"
    assert not restated_members(["p", "n", "w"], draft_of, claims, {"d-p2": [("d-p2", "d-n", "d-w1")]})


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
