"""Image models bill output image tokens apart from text tokens (Gemini 3 Pro Image: $12 per 1M
text output tokens, $120 per 1M image output tokens). The `modality` condition of a token price
keeps the two apart: a price that names its modality is compared with that modality's
reference only; one that does not (most articles: "$X per 1M output tokens") is compared with
both, and contradicts them only when it misses both."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import claim_findings

CONDITIONS = ("conditions:\n  direction: {description: d, values: [input, output, blended]}\n"
              "  modality: {description: d, values: [text, image, audio, video]}\n")
PROPERTIES = """
properties:
  - id: token-price
    name: Token price
    description: Price per token (test)
    canonical_unit: USD/Mtoken
    conditions: [direction, modality]
"""
ENTITIES = "entities:\n  - {id: img, name: Image model, kind: model}\n"
REFERENCES = """citations:
  - {id: s, publisher: P, title: T, url: "https://example.org", date: "2025", kind: primary}
references:
  - {id: r-text, entity: img, property: token-price, value: 12, unit: USD/Mtoken, conditions: {direction: output, modality: text}, citation: s}
  - {id: r-image, entity: img, property: token-price, value: 120, unit: USD/Mtoken, conditions: {direction: output, modality: image}, citation: s}
"""


def _claim(cid, value, **conditions):
    return {"id": cid, "entity": "img", "property": "token-price", "value": value, "unit": "USD/Mtoken",
            "qualifier": "exact", "conditions": {"direction": "output", **conditions}, "quote": f"{cid}: ${value}"}


def _flagged(tmp_path, claims):
    return claim_findings(tmp_path, claims, "contradicts-reference", conditions=CONDITIONS, properties=PROPERTIES,
                          entities=ENTITIES, references=REFERENCES)


def test_a_price_without_modality_agrees_with_either_and_misses_only_when_it_misses_both(tmp_path):
    got = _flagged(tmp_path, [_claim("text-price", 12), _claim("image-price", 120), _claim("neither", 16.875)])
    assert set(got) == {"neither"}
    assert {c.other for c in got["neither"].comparisons} == {"r-text", "r-image"}


def test_a_price_that_names_its_modality_is_compared_with_that_modality_only(tmp_path):
    got = _flagged(tmp_path, [_claim("image-at-text-price", 12, modality="image"),
                              _claim("text-at-text-price", 12, modality="text")])
    assert set(got) == {"image-at-text-price"}
    assert [c.other for c in got["image-at-text-price"].comparisons] == ["r-image"]


def test_the_vocabulary_lets_token_prices_name_their_modality():
    root = Path(__file__).resolve().parents[1] / "datasets"
    conditions = yaml.safe_load((root / "conditions.yaml").read_text(encoding="utf-8"))["conditions"]
    assert {"text", "image"} <= set(conditions["modality"]["values"]) and "default" not in conditions["modality"]
    props = yaml.safe_load((root / "properties" / "core.yaml").read_text(encoding="utf-8"))["properties"]
    assert "modality" in next(p for p in props if p["id"] == "token-price")["conditions"]
