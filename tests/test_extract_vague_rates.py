"""A vague plural amount stated as a rate (issue 14): "millions of gallons per day" is at least a
million gallons a day. Paraphrases of forms seen in real articles, never copied sentences."""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text


@pytest.mark.parametrize("text, raw, unit", [
    ("A large evaporative site may draw millions of gallons per day.", "millions of gallons per day",
     "million gallon/day"),
    ("Such campuses can use millions of litres a day.", "millions of litres a day", "million liter/day"),
    ("The buildout costs billions of dollars a year.", "billions of dollars a year", "billion USD/year"),
])
def test_a_vague_amount_per_period_is_a_rate_at_least_that_large(text, raw, unit):
    got = [(d.raw, d.value, d.unit, d.qualifier) for d in extract_text(text)]
    assert (raw, 1.0, unit, "lower_bound") in got, got


def test_a_vague_amount_without_a_period_stays_an_amount():
    got = [(d.raw, d.unit) for d in extract_text("Cooling towers evaporate millions of gallons of water.")]
    assert got == [("millions of gallons", "million gallon")], got
