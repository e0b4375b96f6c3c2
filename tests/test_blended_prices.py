"""A blended token price (a mix of a model's input and output prices, "Blended $/1M (3:1)") has
no reference of its own, but whatever the weights of the blend it lies between the input and
the output price: one outside them contradicts the references of its parts."""

from __future__ import annotations

import pytest

from conftest import claim_findings, small_kb

CONDITIONS = "conditions:\n  direction: {description: d, values: [input, output, blended]}\n"
PROPERTIES = """
properties:
  - id: token-price
    name: Token price
    description: Price per token (test)
    canonical_unit: USD/Mtoken
    conditions: [direction]
"""
ENTITIES = "entities:\n  - {id: m, name: Model M, kind: model}\n  - {id: n, name: Model N, kind: model}\n"
REFERENCES = """citations:
  - {id: s, publisher: P, title: T, url: "https://example.org", date: "2025", kind: primary}
references:
  - {id: r-in, entity: m, property: token-price, value: 5, unit: USD/Mtoken, conditions: {direction: input}, citation: s}
  - {id: r-out, entity: m, property: token-price, value: 25, unit: USD/Mtoken, conditions: {direction: output}, citation: s}
  - {id: r-n-in, entity: n, property: token-price, value: 1, unit: USD/Mtoken, conditions: {direction: input}, citation: s}
"""


def _claim(cid, entity, value, direction):
    return {"id": cid, "entity": entity, "property": "token-price", "value": value, "unit": "USD/Mtoken",
            "qualifier": "exact", "conditions": {"direction": direction}, "quote": f"{cid}: ${value} {direction}"}


@pytest.fixture()
def findings(tmp_path):
    def run(claims):
        return claim_findings(tmp_path, claims, "contradicts-reference", conditions=CONDITIONS, properties=PROPERTIES,
                              entities=ENTITIES, references=REFERENCES)
    return run


def test_a_blend_outside_its_input_and_output_prices_contradicts_them(findings):
    got = findings([_claim("high", "m", 30, "blended"), _claim("low", "m", 2, "blended"),
                    _claim("mid", "m", 10, "blended"), _claim("edge", "m", 25, "blended")])
    assert set(got) == {"high", "low"}
    f = got["high"]
    assert f.severity == "warning" and "lies outside the input and output prices it blends" in f.message
    assert [c.other for c in f.comparisons] == ["r-out", "r-in"]  # nearest first: 30 is 1.2x the output price
    assert [c.other for c in got["low"].comparisons][0] == "r-in"


def test_a_blend_is_not_judged_without_both_parts_nor_an_input_price_by_the_blend_rule(findings):
    got = findings([_claim("n-blend", "n", 30, "blended"), _claim("m-in", "m", 5, "input")])
    assert got == {}  # model N has no output reference; M's input price agrees with its reference


def test_the_comparisons_readers_see_say_the_same(tmp_path):
    """Notebooks and the site read Comparer.comparisons: a blend between its parts agrees with
    both, one outside them with neither (the checker's finding rests on the same rows)."""
    from kb.rules.compare import Comparer
    from kb.store.load import load

    root = small_kb(tmp_path, {"a": [_claim("mid", "m", 10, "blended"), _claim("high", "m", 30, "blended")]},
                    conditions=CONDITIONS, properties=PROPERTIES, entities=ENTITIES, references=REFERENCES)
    kb = load(root)
    cmp = Comparer(kb)
    mid, high = (cmp.comparisons(kb.claims_by_id[x]) for x in ("mid", "high"))
    assert sorted(x.other for x in mid) == ["r-in", "r-out"] and all(x.agrees for x in mid)
    assert not any(x.agrees for x in high) and high[0].other == "r-out" and high[0].direction == "above"
