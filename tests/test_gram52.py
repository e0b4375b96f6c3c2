"""gram52: GPUs counted by their maker's and card's names (designed on dev-B).

- A spelled count before a maker's name and a GPU's ("four NVIDIA RTX Pro 6000 GPUs", r91) or
  before a workstation card's "RTX Pro NNNN" name counts GPUs, as a digit count did.
- A consumer card by its number alone counts GPUs where a plural or the maker's name makes the
  number a card's ("two 3090s", r117; "2 Nvidia 4090's", "2 x Nvidia 4090", r89; "2x 3090", r103),
  not after a model's size ("7B Nvidia 4090") and not a number before a unit ("2 3090 MHz").
"""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text


def _read(text):
    return {(None if d.value is None else round(d.value, 9), d.unit) for d in extract_text(text)}


@pytest.mark.parametrize("text, value", [
    # r91-open-weights-borrowed-gpus
    ("the practical steps of renting four NVIDIA RTX Pro 6000 GPUs for a total of 384 GB of VRAM", 4),
    ("renting four [NVIDIA RTX Pro 6000](https://www.nvidia.com/en-us/products/) GPUs for a total", 4),
    ("I run a cluster of four NVIDIA H100 GPUs at home.", 4),
    ("two RTX 3090 GPUs", 2),
])
def test_spelled_count_before_maker_and_gpu_name(text, value):
    assert (value, "GPU") in _read(text)


@pytest.mark.parametrize("text, value", [
    # r117-used-rtx3090-for-llms
    ("I could build a box with two 3090s for less.", 2),
    # r89-llm-hardware
    ("(MLC) 38 TPS running on 2 Nvidia 4090's", 2),
    ('title2="2 x Nvidia 4090"', 2),
    # r103-local-ai-cost-return
    ("| Model | A: M3 Ultra | B: M4 Max | C: DGX Spark | D: 2x 3090 |", 2),
])
def test_card_number_counts_gpus(text, value):
    assert (value, "GPU") in _read(text)


@pytest.mark.parametrize("text", ["running a 7B Nvidia 4090 setup", "clocked at 2 3090 MHz steps"])
def test_card_number_not_after_a_size_or_before_a_unit(text):
    assert not any(u.endswith("GPU") for _, u in _read(text))


@pytest.mark.parametrize("text, value", [
    # r103-local-ai-cost-return
    ("CB Insights tracks 170+ AI Agent startups", 170),
    # r13-ai-energy-crisis
    ("Only 3 US plants online by 2030", 3),
    ("It has signed 5 OpenAI deals this year", 5),
])
def test_name_between_count_and_business_items(text, value):
    assert (value, "item") in _read(text)


def test_title_case_heading_is_no_count_of_plants():
    assert not any(u == "item" for _, u in _read("Page 3 Power Plants"))
