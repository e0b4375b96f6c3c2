"""`kb vet` and a number the article restates in other units in brackets right after it: when
the two disagree, the one that misses the plausible range is flagged, even where the entity was
linked too unsurely for the range alone to flag it (the restatement says what it is about)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import one_claim_kb, vet_text, vetted_number

ENTITIES = """\
entities:
  - {id: acme, name: Acme Corp, kind: organisation, aliases: [Acme]}
"""
PROPERTIES = """\
properties:
  - id: water-use
    name: Water use
    description: Water consumed over a period.
    cues: ["water", "consumed"]
    canonical_unit: million liter
    plausible:
      organisation: {low: 0 million liter, high: 1000000 million liter, rationale: "The largest firms use tens of billions of litres."}
"""
OTHER = "Acme consumed 5,000 megaliters of water in 2020.\n"

# written for these tests: a firm's water use restated in gallons, once with the scale word
# slipped (a thousand times too much), once with a restatement that merely rounds
SLIPPED = "Acme says it consumed over 9 million megaliters (about 2.4 billion gallons) of water last year.\n"
ROUNDED = "Acme says it consumed about 9,000 megaliters (about 2.4 billion gallons) of water last year.\n"
BOTH_IN_RANGE = "Acme says it consumed about 9,000 megaliters (about 24 billion gallons) of water last year.\n"


@pytest.fixture()
def kb_root(tmp_path: Path) -> Path:
    claim = {"id": "other-water", "entity": "acme", "property": "water-use", "value": 5000,
             "unit": "megaliter", "qualifier": "exact"}
    return one_claim_kb(tmp_path, OTHER, claim, conditions="conditions: {}\n", entities=ENTITIES,
                        properties=PROPERTIES, references="citations: []\nreferences: []\n")


def test_the_restated_number_that_misses_the_range_is_flagged(kb_root, tmp_path):
    # every entity link counts as unsure here: the range alone would only make a note
    rep = vet_text(tmp_path, kb_root, SLIPPED, sure_entity=1.01)
    slipped = vetted_number(rep, "over 9 million megaliters")
    assert slipped.status == "flagged", slipped.reason
    (f,) = slipped.findings
    assert f.code == "conflict" and f.title == "The article restates it otherwise"
    assert "restated right after it as ~2.4 billion gallon" in f.message and "above it" in f.message
    assert vetted_number(rep, "about 2.4 billion gallons").status != "flagged"


def test_a_restatement_that_agrees_or_leaves_nothing_to_choose_flags_nothing(kb_root, tmp_path):
    for text in (ROUNDED, BOTH_IN_RANGE):
        rep = vet_text(tmp_path, kb_root, text, sure_entity=1.01)
        assert all(n.status != "flagged" for n in rep.numbers), [(n.raw, n.reason) for n in rep.numbers]
