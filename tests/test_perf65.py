"""perf65: a term said between two amounts does not cut the rate the second one carries.

"$5.50 per GPU per hour for a three-year term, down from more than $8": the term qualifies the
first amount; the second is that rate's earlier value, so it reads in $/GPU-hour too.
"""
from __future__ import annotations

import pytest

from conftest import value_units


@pytest.mark.parametrize("text, expected", [
    ("Reserved capacity costs $5.50 per GPU per hour for a three-year term, down from more than $8 last year.",
     (8.0, "USD/GPU-hour")),
    ("The cloud charges $2 per GPU-hour on a 1-year contract, down from $3 a year ago.",
     (3.0, "USD/GPU-hour")),
])
def test_rate_carried_past_a_term(text, expected):
    assert expected in value_units(text)


def test_other_kind_after_a_term_stays_money():
    # a fee is no rate: the term between changes nothing
    got = value_units("It rents at $2 per GPU per hour for a three-year term, plus a one-time $500 setup fee.")
    assert (500.0, "USD") in got
