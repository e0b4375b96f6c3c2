"""unit75: units a number inherits from its neighbours (designed on fresh public text, dev as guard).

- A price in brackets after a rate, of another tier or configuration of the same thing, is a
  rate too: "$2.99 per GPU-hour on-demand for H100 ($3.99-4.29 for some configs, clusters from
  $2.76 reserved)" (a range as well as a single amount); not an amount the brackets say is of
  another kind ("($1,800 total)") or far from the rate ("(a $30,000 card)").
- A table's "Unit" column gives the unit of the numbers in the other cells of its row
  ("| Value | Unit |" over "| ... $1.70 (Oct 2025) | $/GPU-hr |"); a date in such a cell stays
  a date; a "Units" column of counts ("| Units | 1,200 |") is no unit column.
- A hyphen left hanging before "or"/"and" gives a number the unit of the next one: "a 1- or
  3-year commitment", "6-, 12- or 24-month contracts".
"""
from __future__ import annotations

import pytest

from conftest import value_units

_read = value_units


@pytest.mark.parametrize("text, value, unit", [
    ("Lambda lists $2.99 per GPU-hour on-demand for H100 ($3.99-4.29 for some SXM configs).",
     (3.99, 4.29), "USD/GPU-hour"),
    ("Lambda lists $2.99 per GPU-hour on-demand for H100 ($3.99-4.29 for some SXM configs, "
     "clusters from $2.76 reserved).", 2.76, "USD/GPU-hour"),
    ("The A100 rents for $1.20 per hour on demand (spot: $0.90) on that cloud.", 0.9, "USD/hour"),
    ("An H100 costs $2.29-3.12 per GPU-hour (sources agree on a $2-4 band) in 2026.", (2.0, 4.0), "USD/GPU-hour"),
])
def test_bracketed_price_takes_the_rate(text, value, unit):
    assert (value, unit) in _read(text)


@pytest.mark.parametrize("text, value", [
    ("It runs $2.50 per hour ($1,800 total).", 1800.0),
    ("Rent one at $2 per hour (a $30,000 card).", 30000.0),
])
def test_bracketed_amount_of_another_kind_stays_money(text, value):
    assert (value, "USD") in _read(text)


_UNIT_TABLE = ("| Value | Unit | Date |\n|---|---|---|\n"
               "| Contract index low $1.70 (Oct 2025), $2.35 (Mar 2026) | $/GPU-hr | 2025-26 |\n"
               "| H100 dense FP16 989 | TFLOPS | 2024 |\n"
               "| Nominal voltage 3.0 | V | 2026 |\n")


@pytest.mark.parametrize("value, unit", [
    (1.7, "USD/GPU-hour"), (2.35, "USD/GPU-hour"), (989.0, "TFLOPS"), (3.0, "V"),
])
def test_unit_column_gives_the_rows_unit(value, unit):
    assert (value, unit) in _read(_UNIT_TABLE)


def test_date_beside_a_unit_column_is_no_price():
    got = _read(_UNIT_TABLE)
    assert (2025.0, "USD/GPU-hour") not in got and (2026.0, "USD/GPU-hour") not in got


def test_parameter_value_unit_table():
    text = ("| Parameter | Value | Unit |\n|---|---|---|\n| Frequency range | 2400–2500 | MHz |\n"
            "| Input power (max) | 2 | W |\n")
    got = _read(text)
    assert ((2400.0, 2500.0), "MHz") in got and (2.0, "W") in got


def test_units_column_of_counts_is_no_unit_column():
    assert (1200.0, "item") in _read("| Product | Units | Revenue |\n|---|---|---|\n| H100 | 1,200 | $30M |\n")


@pytest.mark.parametrize("text, value, unit", [
    ("Reserved pricing needs a 1- or 3-year commitment.", 1.0, "year"),
    ("Choose 6-, 12- or 24-month contracts.", 6.0, "month"),
    ("Choose 6-, 12- or 24-month contracts.", 12.0, "month"),
    ("Discounts for 1- and 3-year terms reach 40%.", 1.0, "year"),
])
def test_suspended_hyphen_takes_the_next_unit(text, value, unit):
    assert (value, unit) in _read(text)
