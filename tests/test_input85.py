"""input85: inputs of the articles' own relations that were never drafted.

Counted on the development articles (``python -m kb.tools.arithmetic --sources dev-B --verbose``,
then dev-A): most such inputs are one-off forms (a bare number, an operand in code, a unit the
grammar lacks, a sign or a period the gold takes from the context). One general form is mended:

- an energy named as a day's, a week's or a month's use before it ("my average daily GPU power
  consumption from 2.09 kWh to 0.84 kWh", dev-B r109) is a rate of that period, as an annual one
  already was (a year's), at both ends of a change "from ... to".
"""
from __future__ import annotations

import pytest
from conftest import drafts_by_raw as _drafts


# --- a period's energy use named before it --------------------------------------------------------

_R109 = ("This reduced my average daily GPU power consumption from 2.09 kWh to 0.84 kWh, a 60% decrease. "
         "For workloads where I need instant response, I can still pre-load models manually.")


def test_daily_use_before_both_ends_of_a_change():
    d = _drafts(_R109)
    assert d["2.09 kWh"].unit == "kWh/day" and d["0.84 kWh"].unit == "kWh/day"
    assert d["60%"].value == -60


@pytest.mark.parametrize("text, raw, unit", [
    ("Its monthly power usage is 300 kWh.", "300 kWh", "kWh/month"),
    ("Denmark's annual electricity consumption (33 TWh) is small.", "33 TWh", "TWh/year"),
    ("The rack's weekly energy use was 1,200 kWh.", "1,200 kWh", "kWh/week"),
])
def test_period_use_named_before(text, raw, unit):
    assert _drafts(text)[raw].unit == unit


@pytest.mark.parametrize("text, raw", [
    ("The GPU used 2.09 kWh in the test.", "2.09 kWh"),
    ("Daily, the run used 2.09 kWh.", "2.09 kWh"),
])
def test_energy_with_no_period_use_stays_an_amount(text, raw):
    assert _drafts(text)[raw].unit == "kWh"
