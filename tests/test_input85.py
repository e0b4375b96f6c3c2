"""input85: inputs of the articles' own relations that were never drafted.

Counted on the development articles (``python -m kb.tools.arithmetic --sources dev-B --verbose``,
then dev-A): most such inputs are one-off forms (a bare number, an operand in code, a unit the
grammar lacks, a sign or a period the gold takes from the context). Two general forms are mended:

- a capital "X" glued to a whole number of at most three digits, before a word in lower case or
  the end of a clause, is a multiple ("5X parameters + 2X dataset size = 10X compute", dev-A r142);
  a part's name of four digits ("Ryzen 7 5800X") and a capitalised headline's "30X Higher" stay
  unread;
- an energy named as a day's, a week's or a month's use before it ("my average daily GPU power
  consumption from 2.09 kWh to 0.84 kWh", dev-B r109) is a rate of that period, as an annual one
  already was (a year's), at both ends of a change "from ... to".
"""
from __future__ import annotations

import pytest
from conftest import drafts_by_raw as _drafts
from conftest import number_records, relation_of


# --- a capital "X" after a whole number ---------------------------------------------------------

_R142 = ("given a combination of a bigger dataset and parameters (5X parameters + 2X dataset size = 10X "
         "compute), the model could be in the ballpark of 5-7T parameters total")


def test_capital_x_after_a_whole_number_is_a_multiple():
    d = _drafts(_R142)
    for raw, value in (("5X", 5), ("2X", 2), ("10X", 10)):
        assert d[raw].unit == "x" and d[raw].value == value, raw


@pytest.mark.parametrize("text, raw", [
    ('will be trained on an approximation of "10X the compute," via a correction', "10X"),
    ("These are huge reductions, about 10X.", "about 10X"),
])
def test_capital_x_before_lower_case_or_a_clause_end(text, raw):
    d = _drafts(text)
    assert d[raw].unit == "x" and d[raw].value == 10


@pytest.mark.parametrize("text", [
    "The build pairs it with a Ryzen 7 5800X which runs cool.",
    "The 5600X, the cheaper part, is enough.",
    'the 530B model ("Up to 30X Higher AI Inference Performance").',
    "The 4X4 board and the 16X slot.",
    "It sits in a PCIe 16X slot, 16X lanes wide, next to a 52X drive.",
])
def test_capital_x_of_a_name_or_headline_is_no_multiple(text):
    assert all(x.unit != "x" for x in _drafts(text).values())


def test_capital_x_multiples_make_the_written_product():
    from kb.extract.arith import propose

    recs = number_records(_R142, [("p", "5X", 5, "x"), ("d", "2X", 2, "x"), ("c", "10X", 10, "x")])
    rel = relation_of(propose(_R142, recs), "c")
    assert rel is not None and set(rel[1].values()) == {"p", "d"}


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
