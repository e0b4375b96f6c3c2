"""Bits per weight stated as the setting of a figure (issue 14): "measured at 4-bit quantization",
"Quantization: 16-bit precision"; a technique named ("with 4-bit quantization", "8-bit formats") is
no claim. Paraphrases of forms seen in real articles, never copied sentences."""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text


@pytest.mark.parametrize("text, raw, value", [
    ("The benchmark ran Mistral 7B at 8-bit quantization and reached 60 tokens per second.", "8-bit", 8.0),
    ("Assumptions - Quantization: 16-bit precision, batch of one.", "16-bit", 16.0),
    ("Throughput was measured at 4-bit precision on a single card.", "4-bit", 4.0),
])
def test_bits_per_weight_as_the_setting_of_a_figure(text, raw, value):
    got = [(d.raw, d.value, d.unit) for d in extract_text(text)]
    assert (raw, value, "bit/parameter") in got, got


@pytest.mark.parametrize("text", [
    "We load the model with 4-bit quantization to save memory.",
    "Early tests of 4-bit and 8-bit quantization cost some quality.",
    "For 8-bit formats the communication factor halves.",
    "The card has a 384-bit memory bus.",
])
def test_a_bit_width_named_as_a_technique_or_a_bus_is_no_bits_per_weight(text):
    assert all(d.unit != "bit/parameter" for d in extract_text(text)), [(d.raw, d.unit) for d in extract_text(text)]
