"""disc79: numbers the reader did not draft, so discovery (issue 13) could not use them: a bit
width that measures the values it stores ("to 1-bit values", dev-B's embedding-quantization
article), and a count whose noun follows the code span of working that gives it ("we need
`16.5e12 / 96e9 = 171` TPUs", dev-B's Llama-on-TPUs article). Short quoted forms."""
from __future__ import annotations

import pytest

from kb.extract.arith import propose
from kb.extract.drafts import draft_record, extract_text


def _got(text):
    return [(d.raw, d.value, d.unit) for d in extract_text(text)]


@pytest.mark.parametrize("text, raw, value", [
    ("Binary quantization refers to the conversion of the `float32` values in an embedding to 1-bit values, "
     "resulting in a 32x reduction in memory and storage usage.", "1-bit", 1.0),
    ("The weights are stored as 8-bit numbers on disk.", "8-bit", 8.0),
])
def test_a_bit_width_of_the_values_stored_is_a_quantity(text, raw, value):
    assert (raw, value, "bit") in _got(text), _got(text)


@pytest.mark.parametrize("text", [
    "For 8-bit formats the communication factor halves.",
    "We load the model with 4-bit quantization to save memory.",
])
def test_a_bit_width_naming_a_format_or_a_technique_is_still_no_bit_quantity(text):
    assert all(d.unit != "bit" for d in extract_text(text)), _got(text)


TPUS = "With these assumptions, since each TPU v5p has 96GB of HBM, we need `16.5e12 / 96e9 = 171` TPUs."


def test_the_result_of_working_in_code_takes_the_noun_after_the_code_span():
    got = _got(TPUS)
    assert ("171` TPUs", 171.0, "GPU") in got, got
    # ... and discovery then links it to the working that gives it
    records = [draft_record(d, "t") for d in extract_text(TPUS)]
    target = next(r["id"] for r in records if r["value"] == 171.0)
    assert any(p.target == target and p.formula == "a / b" for p in propose(TPUS, records))


def test_bare_cards_after_working_in_code_stay_as_they_were():
    # "(so `21*8=168` cards for intra-node": a network chip's ports the article calls cards
    text = "21 of which are used for intra-node (so `21*8=168` cards for intra-node)"
    assert all(d.unit != "GPU" for d in extract_text(text)), _got(text)


# (from dev-B's embedding-quantization article, shortened)
BINARY = ("Many state-of-the-art models produce embeddings with 1024 dimensions, each of which is encoded in "
          "`float32`, i.e., they require 4 bytes per dimension.\n\n### Binary Quantization\n\n"
          "Binary quantization refers to the conversion of the `float32` values in an embedding to 1-bit values, "
          "resulting in a 32x reduction in memory and storage usage.\n")


def _linked(text):
    from kb.extract.linking import load_registry

    from conftest import ROOT
    return [draft_record(d, "t") for d in extract_text(text, load_registry(ROOT))]


def test_a_shrinking_ratio_of_a_conversion_to_a_number_is_the_other_side_over_it():
    records = _linked(BINARY)
    by_raw = {r["raw"]: r["id"] for r in records}
    got = [(p.formula, p.inputs) for p in propose(BINARY, records) if p.target == by_raw["32x"]]
    assert got == [("a / b", {"a": by_raw["4 bytes"], "b": by_raw["1-bit"]})], got


def test_a_shrinking_ratio_no_value_makes_gets_no_sides():
    text = BINARY.replace("32x", "10x")
    records = _linked(text)
    target = next(r["id"] for r in records if r["raw"] == "10x")
    assert not [p for p in propose(text, records) if p.target == target]
