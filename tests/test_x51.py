"""x51: multipliers and ratios recorded in x (designed on dev-B).

- A height in rack units before the thing it sizes ("4U GPU Servers", "42U Server Racks") is
  recorded in x (rack-height), as the rack-height property defines it (1U = 1.75 in).
- "P/E" names a price-to-earnings multiple, in x, as "PUE" names its figure: "The forward P/E
  of 27", a table row "P/E Ratio (last 4 quarters) | 47".
- A fraction with a decimal denominator, "1/6.7th", is one over 6.7, not "1/6".
- A named figure's spelled-out name in brackets may stand between it and its value: "PUE (Power
  Usage Effectiveness) improvements plateauing at ~1.2"; a bracket may open right before it:
  "low current ratio (0.52)" ("current ratio" named like PUE, in x).
"""
from __future__ import annotations

import pytest

from conftest import value_units

_read = value_units


@pytest.mark.parametrize("text, value", [
    ("- **12x 4U GPU Servers**", 4.0),
    ("- 3x 42U Server Racks", 42.0),
    ("| 12  | 4U GPU Server, 8x H100 PCIe GPUs    | SYS-424GP-TNRT     | Supermicro |", 4.0),
])
def test_rack_units(text, value):
    assert (value, "x") in _read(text)


def test_rack_unit_needs_a_rack_thing_after():
    assert not any(unit == "x" for _, unit in _read("the 1U mark was passed"))


@pytest.mark.parametrize("text, value", [
    ("The forward P/E of 27 assumes continued high growth.", 27.0),
    ("| Metric | Value |\n|---|---|\n| P/E Ratio (last 4 quarters)          | 47 |\n", 47.0),
])
def test_price_to_earnings_multiple(text, value):
    assert (value, "x") in _read(text)


def test_decimal_denominator_fraction():
    got = _read("**1/6.7th** of Gemini 3 Pro")
    assert (round(1 / 6.7, 9), "x") in got
    assert (round(1 / 6, 9), "x") not in got


def test_named_figure_with_spelled_name_in_brackets():
    assert (1.2, "x") in _read("PUE (Power Usage Effectiveness) improvements plateauing at ~1.2")


@pytest.mark.parametrize("text", [
    "- High leverage (381% debt/equity) and low current ratio (0.52) underscore the need for disciplined capex",
    "| Metric | Value | Basis |\n|---|---|---|\n| Current Ratio | 0.52 | MRQ |\n",
])
def test_current_ratio_is_named(text):
    assert (0.52, "x") in _read(text)
