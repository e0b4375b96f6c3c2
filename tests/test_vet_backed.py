"""`kb vet` does not flag a number for differing from another article's claim when it agrees with
the reference values in force: a vetted reference outranks an article."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import one_claim_kb, vet_text, vetted_number

ENTITIES = """\
entities:
  - {id: gpt-4o, name: GPT-4o, kind: model, aliases: [GPT-4o]}
"""
PROPERTIES = """\
properties:
  - id: token-price
    name: Token price
    description: Price per token processed.
    canonical_unit: USD per 1M tokens
    plausible:
      model: {low: 0.001 USD per 1M tokens, high: 1000 USD per 1M tokens, rationale: "List prices."}
"""
REFERENCES = """\
citations:
  - {id: price-page, publisher: OpenAI, title: Pricing, url: "https://example.org/pricing", date: "2026-01-01", kind: primary}
references:
  - {id: ref-gpt-4o-output, entity: gpt-4o, property: token-price, value: 10, unit: USD per 1M tokens,
     qualifier: exact, citation: price-page, locator: pricing table}
"""
# written for these tests: another article gives twice the list price
OTHER = "GPT-4o output tokens cost $20 per 1M tokens.\n"


@pytest.fixture()
def kb_root(tmp_path: Path) -> Path:
    claim = {"id": "other-out", "entity": "gpt-4o", "property": "token-price", "value": 20,
             "unit": "USD per 1M tokens", "qualifier": "exact"}
    return one_claim_kb(tmp_path, OTHER, claim, conditions="conditions: {}\n", entities=ENTITIES,
                        properties=PROPERTIES, references=REFERENCES)




TABLE = "| Model | Output price |\n|---|---|\n| GPT-4o | {} |\n"


def test_a_number_that_agrees_with_the_references_is_not_flagged_for_another_articles_claim(kb_root, tmp_path):
    n = vetted_number(vet_text(tmp_path, kb_root, TABLE.format("$10 per 1M tokens")), "$10 per 1M tokens")
    assert n.status == "checked" and not n.findings, (n.reason, n.findings)
    assert "1 reference value" in n.reason
    assert "differs from other articles' claims (other-out) but agrees with the reference values in force" in n.reason


def test_a_number_that_misses_the_references_is_still_flagged_and_so_is_the_conflict(kb_root, tmp_path):
    n = vetted_number(vet_text(tmp_path, kb_root, TABLE.format("$40 per 1M tokens")), "$40 per 1M tokens")
    assert n.status == "flagged"
    assert {f.code for f in n.findings} == {"contradicts-reference", "conflict"}
