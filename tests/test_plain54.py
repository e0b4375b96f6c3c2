"""plain54: plain numbers, counts, multipliers and percentages (designed on dev-B).

- A list item repeated under another heading ("- NVIDIA: 7.17%" in a summary list and again
  in a later list of the same weights, in another order) states its number again: each is a
  draft. A whole list repeated word for word, its neighbours and all, is still drafted once.
- A count of graphics cards named by their number, which the GPU names leave out: after the
  maker ("running on 2 Nvidia 4090's", "renting four [NVIDIA RTX Pro 6000](...) GPUs") or, a
  gaming card's number, in the plural ("two 3090s"): so many GPUs. Not a year after the maker
  ("4 NVIDIA 2025 filings"), not a model's size before the card ("LLama 7B Nvidia 4090"), and
  "a single NVIDIA A100/H100 80GB" stays no count.
- Drilling rigs are counted things of a build-out ("so 40 rigs", "to add 40 rigs"), like the
  plants and wells it needs: so many items.
- A chip process's name ("a 3nm wafer", "H100s are made on 5nm", "count 7nm production") is
  no length a claim states (no property takes one): no draft; the price beside it still is.
- A network link's class is its speed: "100 Gigabit Ethernet", "100G Leaf Switches", "400G
  Spine Switches" are so many Gbit/s of interconnect bandwidth (not gigabits of memory, not
  nothing). A list item of a bill of materials that opens with "Nx" ("- 1x 120kVA UPS", "- 1x
  180kW Diesel Generator") gives the part's size after it, no operand of arithmetic.
"""
from __future__ import annotations

import pytest

from conftest import read_raw_values, value_units

_SUMMARY = "### Direct AI Beneficiaries (conservative)\n\n- NVIDIA: 7.17%\n- Microsoft: 5.33%\n- Alphabet: 6.39%\n\n"
_LATER = ("Current S&P 500 weights for AI-related companies (as of January 2026):\n\n"
          "- NVIDIA: 7.17%\n- Alphabet: 6.39%\n- Microsoft: 5.33%\n\n")


def _count(text: str, raw: str) -> int:
    return sum(1 for r, *_ in read_raw_values(text) if r == raw)


def test_list_item_repeated_under_another_heading_is_drafted_again():
    text = _SUMMARY + "You hold approximately **54% in domestic stock**.\n\n" + _LATER
    assert _count(text, "7.17%") == 2
    assert _count(text, "6.39%") == 2


def test_whole_list_repeated_is_drafted_once():
    assert _count(_SUMMARY + _SUMMARY, "7.17%") == 1


@pytest.mark.parametrize("text, raw", [
    ("* [Machine Learning Compiler](https://github.com/mlc-ai/mlc-llm) (MLC) 38 TPS running on 2 Nvidia 4090's",
     "2 Nvidia 4090's"),
    ("In this post, I'll walk through the practical steps of renting four [NVIDIA RTX Pro 6000]"
     "(https://www.nvidia.com/en-us/products/workstations/professional-desktop-gpus/rtx-pro-6000/) GPUs for a total",
     "four [NVIDIA RTX Pro 6000"),
    ("A box with two 3090s runs a 70B model at four bits.", "two 3090s"),
])
def test_cards_counted_by_number(text, raw):
    got = [(r, v, u) for r, v, _, _, u in read_raw_values(text)]
    assert any(r.startswith(raw) and v == 2.0 or r.startswith(raw) and v == 4.0 for r, v, u in got if u == "GPU"), got


@pytest.mark.parametrize("text", [
    "There were 4 NVIDIA 2025 filings on the subject.",
    "* [LLama 7B Nvidia 4090](https://www.hardware-corner.net/llama-7b/) for the smaller model",
    "It runs on a single NVIDIA A100/H100 80GB card.",
])
def test_no_card_count(text):
    assert not any(u == "GPU" for _, u in value_units(text))


def test_rigs_are_counted():
    assert (40.0, "item") in value_units("To maintain production, you'd need to add 40 rigs to the basin.")


def test_process_node_is_no_draft():
    got = value_units("It costs $20,000 for a 3nm wafer from TSMC. H100s are made on 5nm.")
    assert not any(u == "nm" for _, u in got)
    assert (20000.0, "USD") in got


@pytest.mark.parametrize("text, value", [
    ("- 24x 100 Gigabit Ethernet (RoCEv2) integrated on chip", 100.0),
    ("### Networking\n- 2x 100G Leaf Switches\n- 1x Management Switch\n", 100.0),
    ("- 2x 400G Spine Switches (NVIDIA SN4600)", 400.0),
])
def test_link_class_is_a_speed(text, value):
    assert (value, "Gbit/s") in value_units(text)


@pytest.mark.parametrize("text, value, unit", [
    ("### Power\n- 1x 120kVA UPS (15-minute runtime)\n", 120.0, "kVA"),
    ("### Power\n- 1x 180kW Diesel Generator\n", 180.0, "kW"),
])
def test_bill_of_materials_size_after_nx(text, value, unit):
    assert (value, unit) in value_units(text)


def test_worked_arithmetic_after_nx_stays_an_operand():
    assert (3.0, "kW") not in value_units("- 2x 3kW = 6kW of power shelves")
