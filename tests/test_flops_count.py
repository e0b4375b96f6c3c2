"""A number of FLOPS no machine could do a second is a count of operations, whatever its spelling.

Writers often say "FLOPS" (or "petaFLOPS", "exaFLOPs") where they mean so many floating-point
operations: a training run's compute. A bare "FLOPS" above 1e19 was already read as a count when
words of training stood near it; any spelling of FLOPS whose total reaches 1e23 (the largest AI
clusters announced reach about 1e21 a second) is now a count even without them. A rate of a
machine stays a rate, and "/s" or "per second" keeps any figure a rate.

The quotes are short excerpts of public writing found through the search tool (a 2023 explainer
of language models; a 2025 analysis of Google's TPUs).
"""
from __future__ import annotations

import pytest

from conftest import value_units

_read = value_units


@pytest.mark.parametrize("text, value, unit", [
    ("In total, PaLM used around 2.53 billion petaflops to train, as opposed to around 313 million for GPT-3.",
     2.53, "billion PFLOP"),
    ("**Training compute**: **50 billion petaFLOPS**", 50.0, "billion PFLOP"),
    ("Gemini Ultra training required **50 billion petaFLOPS** at estimated costs between **$30-191M**",
     50.0, "billion PFLOP"),
    ("Frontier runs now use 5e25 FLOPS.", 5e25, "FLOP"),
])
def test_more_than_any_machine_does_a_second_is_a_count(text, value, unit):
    assert (value, unit) in _read(text)


@pytest.mark.parametrize("text, value, unit", [
    ("- **Scale**: Built a **9 exaFLOPS AI cluster** using TPU v4", 9.0, "EFLOPS"),
    ("- **Pod configuration**: Up to 1,024 chips per pod (430 petaFLOPS per pod)", 430.0, "PFLOPS"),
    ("The H100 delivers 989 TFLOPs of BF16 compute.", 989.0, "TFLOPS"),
])
def test_a_machine_rate_stays_a_rate(text, value, unit):
    assert (value, unit) in _read(text)


def test_per_second_keeps_a_rate():
    assert not any(u.endswith("FLOP") for _, u in _read("a hypothetical 5e25 FLOP/s machine"))
