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


def test_a_multiplier_below_one_is_matched_to_the_fall_in_percent_drafted_for_it():
    from kb.core.intervals import Interval
    from kb.tools.arithmetic import match_drafts

    # "First query: $0.015 / Cached query: $0.003 / Savings: 80%", curated as 0.2x of the first
    claims = [NS(id="ratio", start=0, end=36, interval=Interval(0.15, 0.25, "x"))]
    drafts = [{"id": "d80", "value": 80, "unit": "percent", "span_start": 13, "span_end": 16}]
    assert match_drafts(claims, drafts) == {"d80": "ratio"}
    # another percent is neither, nor does a multiplier above one make a fall
    assert match_drafts(claims, [{**drafts[0], "value": 50}]) == {}
    claims = [NS(id="up", start=0, end=36, interval=Interval(1.15, 1.25, "x"))]
    assert match_drafts(claims, [{**drafts[0], "value": 20}]) == {}


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


# --- discovery: a total stated as a range ------------------------------------------------


def _recs(text: str, spec: list[tuple]) -> list[dict]:
    """Draft records for (id, the number as written, value or (low, high), unit) in text order."""
    out, pos = [], 0
    for ident, shown, value, unit in spec:
        s = text.index(shown, pos)
        pos = s + len(shown)
        rec = {"id": ident, "unit": unit, "qualifier": "exact", "value": value, "span_start": s, "span_end": pos}
        if isinstance(value, tuple):
            rec.update(qualifier="range", value=None, low=value[0], high=value[1])
        out.append(rec)
    return out


def _sums(ps) -> dict:
    return {p.target: ({*p.inputs.values()}, p.computed) for p in ps if " + " in p.formula}


def test_a_total_stated_as_a_range_sums_the_ends_of_its_parts():
    from kb.extract.arith import propose

    # paraphrased from capex coverage: 200 + 175 + 115 = 490, 200 + 185 + 135 = 520
    text = ("Full-year capex guidance: Amazon $200B, Alphabet $175B to $185B, Meta $115B to $135B. "
            "That implies $490B to $520B for those three alone.")
    spec = [("a", "$200B", 200, "billion USD"), ("g", "$175B to $185B", (175, 185), "billion USD"),
            ("m", "$115B to $135B", (115, 135), "billion USD"), ("t", "$490B to $520B", (490, 520), "billion USD")]
    assert _sums(propose(text, _recs(text, spec))) == {"t": ({"a", "g", "m"}, (490.0, 520.0))}
    # one end that does not make it: no total
    text2 = text.replace("$520B", "$560B")
    spec2 = [*spec[:3], ("t", "$490B to $560B", (490, 560), "billion USD")]
    assert _sums(propose(text2, _recs(text2, spec2))) == {}
    # "for those three" states a total of points as well
    text3 = "Guidance: Amazon $200B, Alphabet $175B, Meta $115B. That implies $490B for those three alone."
    spec3 = [("a", "$200B", 200, "billion USD"), ("g", "$175B", 175, "billion USD"), ("m", "$115B", 115, "billion USD"),
             ("t", "$490B", 490, "billion USD")]
    assert _sums(propose(text3, _recs(text3, spec3)))["t"][0] == {"a", "g", "m"}
