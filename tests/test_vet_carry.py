"""`kb vet` carries a flag into the numbers computed from a flagged number: a slip of the
article's own arithmetic (tests/test_vet_own.py) and a number that misses the world outside
the article (a reference value) alike, except where the arithmetic only converts a flagged
amount into other units (the same statement restated), and except into a result that agrees
with the reference values: the stated factor between it and the flagged number is wrong
instead."""
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
  - id: workload-cost
    name: Cost of a workload
    description: What one job costs.
    canonical_unit: USD
  - id: context-window
    name: Context window
    description: The most tokens a model reads at once.
    canonical_unit: token
    states_maximum: true
  - id: text-words
    name: Words of a text
    description: How many words a text holds.
    canonical_unit: word
"""
REFERENCES = """\
citations:
  - {id: models-page, publisher: OpenAI, title: Models, url: "https://example.org/models", date: "2026-01-01", kind: primary}
references:
  - {id: ref-gpt-4o-output, entity: gpt-4o, property: token-price, value: 10, unit: USD per 1M tokens,
     qualifier: exact, citation: models-page, locator: pricing table}
  - {id: ref-gpt-4o-window, entity: gpt-4o, property: context-window, value: 128000, unit: token,
     qualifier: exact, citation: models-page, locator: models table}
"""
OTHER = "GPT-4o output tokens cost $10 per 1M tokens.\n"

# written for these tests: a price four times the list price, and the cost of a job computed
# from it (a new figure, as wrong as the price; the row's label names the tokens it is for, so
# the relation is more than a coincidence of units, see kb.extract.vet._anchored)
PRICE = ("A batch job with GPT-4o reads 200,000 output tokens.\n\n"
         "| Model | Output price | Cost of the job |\n|---|---|---|\n"
         "| GPT-4o (200,000 tokens) | $40 per 1M tokens | $8 |\n")
# a window four times the real one, and the same window re-expressed in words (a conversion
# that holds whatever the window is)
WINDOW = ("Words per token: about 750 words per 1,000 tokens.\n\n"
          "| Model | Context window | Words it holds |\n|---|---|---|\n"
          "| GPT-4o | 512,000 tokens | 384,000 words |\n")


@pytest.fixture()
def kb_root(tmp_path: Path) -> Path:
    claim = {"id": "other-out", "entity": "gpt-4o", "property": "token-price", "value": 10,
             "unit": "USD per 1M tokens", "qualifier": "exact"}
    return one_claim_kb(tmp_path, OTHER, claim, conditions="conditions: {}\n", entities=ENTITIES,
                        properties=PROPERTIES, references=REFERENCES)




def test_a_number_computed_from_a_price_that_misses_the_references_is_flagged(kb_root, tmp_path):
    rep = vet_text(tmp_path, kb_root, PRICE)
    price = vetted_number(rep, "$40 per 1M tokens")
    assert price.status == "flagged" and "contradicts-reference" in {f.code for f in price.findings}
    cost = vetted_number(rep, "$8")
    assert cost.status == "flagged", cost.reason
    (f,) = cost.findings
    assert f.code == "arithmetic" and f.title == "Computed from a flagged number of the article"
    # it names the flagged price and why that is flagged (the reference, before the conflict)
    assert "follows from 40 USD per 1M tokens" in f.message and "misses the reference values" in f.message
    assert any("which misses the reference values" in e and "10 USD per 1M tokens" in e for e in f.evidence), \
        f.evidence
    assert f.causes == ("the error of a number it is computed from carries into it",)
    assert f.others == (price.claim_id,)
    assert "$8" in rep.render("text").split("CHECKED")[0]


def test_an_amount_only_converted_into_other_units_does_not_carry(kb_root, tmp_path):
    # (what is tested is the carry, not how sure the linker is of a table row's entity: that
    # confidence is refitted with the corpus, so the gate on it is opened here)
    rep = vet_text(tmp_path, kb_root, WINDOW, sure_entity=0.0)
    window = vetted_number(rep, "512,000 tokens")
    assert window.status == "flagged" and [f.code for f in window.findings] == ["contradicts-reference"]
    words = vetted_number(rep, "384,000 words")
    # the article's arithmetic holds, and it says no more than the flagged window does
    assert words.status == "checked" and not words.findings, words.reason
    assert "the article's own arithmetic (512,000 token × ~750 word per 1K tokens)" in words.reason


# written for these tests: a comparison table whose older model's window is four times its
# real one, the newer model's window right, and the gain between them computed from the two
RATIO_ENTITIES = ENTITIES + "  - {id: gpt-4, name: GPT-4, kind: model, aliases: [GPT-4]}\n"
RATIO_PROPERTIES = PROPERTIES + """\
  - id: ratio
    name: Ratio
    description: How many times one quantity is another.
    canonical_unit: x
    comparison: ratio
"""
RATIO_REFERENCES = REFERENCES + """\
  - {id: ref-gpt-4-window, entity: gpt-4, property: context-window, value: 8192, unit: token,
     qualifier: exact, citation: models-page, locator: models table}
"""
RATIO = ("How the two models compare.\n\n"
         "| Spec | GPT-4 | GPT-4o | Gain |\n|---|---|---|---|\n"
         "| Context window | 32,000 tokens | 128,000 tokens | 4x |\n")


@pytest.fixture()
def ratio_root(tmp_path: Path) -> Path:
    claim = {"id": "other-out", "entity": "gpt-4o", "property": "token-price", "value": 10,
             "unit": "USD per 1M tokens", "qualifier": "exact"}
    return one_claim_kb(tmp_path, OTHER, claim, conditions="conditions: {}\n", entities=RATIO_ENTITIES,
                        properties=RATIO_PROPERTIES, references=RATIO_REFERENCES)


def test_a_ratio_of_a_right_number_to_a_flagged_one_is_flagged_instead_of_the_right_one(ratio_root, tmp_path):
    rep = vet_text(tmp_path, ratio_root, RATIO, sure_entity=0.0)
    old = vetted_number(rep, "32,000 tokens")
    assert old.status == "flagged" and [f.code for f in old.findings] == ["contradicts-reference"], old.reason
    # the newer model's window agrees with its reference: right, whatever the article computed it from
    new = vetted_number(rep, "128,000 tokens")
    assert new.status == "checked" and not new.findings, new.reason
    # the gain is the ratio of the right window to the wrong one: wrong too
    gain = vetted_number(rep, "4x")
    assert gain.status == "flagged", gain.reason
    (f,) = gain.findings
    assert f.code == "arithmetic" and f.title == "A ratio to a flagged number of the article"
    assert "is the ratio of 128,000 token to 32,000 token" in f.message and "misses the reference values" in f.message
    assert f.others == (old.claim_id, new.claim_id)

