"""Markup and notation forms of numbers and units (gram32): a unit's subscript or superscript
written in HTML or LaTeX ("CO<sub>2</sub>", "CO$_2$", "m<sup>2</sup>"), each on a short text
written for the test, with the negatives that keep each form narrow.

The LaTeX forms ("tCO$_2$eq", "CO$_{2}$") pass without gram32's change too: extraction rewrites
a LaTeX sub- or superscript to the plain word first (kb/extract/drafts.py, _SCRIPT_RE). They stay
as regression tests of that path; grammar's `_CO2` keeps its "$" forms for text parsed
without that rewrite (kb/rules and kb/tools call the grammar directly)."""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text


def _read(text):
    return {(d.value, d.unit) for d in extract_text(text)}


@pytest.mark.parametrize("text, value, unit", [
    ("The trip emitted 7 grams of CO<sub>2</sub> in all.", 7, "gCO2e"),
    ("The user emits 1.46 kilogram of CO<sub>2</sub> in all.", 1.46, "kgCO2e"),
    ("Training emitted 2290 tCO$_2$eq in all.", 2290, "tCO2e"),
    ("Training emitted 2290 tCO\\\\$_2\\\\$eq in all.", 2290, "tCO2e"),
    ("Training emitted 30 tonnes of CO$_{2}$ in all.", 30, "tCO2e"),
    ("Training emitted 12 kg CO_2 in all.", 12, "kgCO2e"),
    ("The hall spans 500 m<sup>2</sup> of floor.", 500, "m2"),
    ("The hall spans 2000 ft<sup>2</sup> of floor.", 2000, "square_foot"),
])
def test_a_unit_with_its_subscript_or_superscript_in_markup(text, value, unit):
    assert (value, unit) in {(float(v), u) for v, u in _read(text)}


@pytest.mark.parametrize("text, bad", [
    ("We bought 7 grams of CO<sub>3</sub> salts.", "gCO2e"),  # another subscript: no carbon dioxide
    ("The hall spans 500 m<sup>3</sup> of air.", "m2"),  # a cube, not a square
])
def test_another_subscript_or_power_is_not_read_as_co2_or_area(text, bad):
    assert all(u != bad for _, u in _read(text))


# --- a power of ten with its exponent in an HTML superscript --------------------------------------

@pytest.mark.parametrize("text, value, unit", [
    ("Training used 3.8 × 10<sup>25</sup> FLOPs in all.", 3.8e25, "FLOP"),
    ("Training used 10<sup>25</sup> FLOP in all.", 1e25, "FLOP"),
    ("Each step used 3.8 x 10<sup>-3</sup> kWh of power.", 3.8e-3, "kWh"),
])
def test_a_power_of_ten_in_an_html_superscript(text, value, unit):
    assert any(u == unit and abs(float(v) - value) <= 1e-9 * value for v, u in _read(text))


def test_ten_with_a_one_digit_superscript_alone_may_be_a_footnote_mark():
    # "10<sup>2</sup>" without a times sign before it: ten and a footnote's mark, or a hundred
    assert all(float(v) != 100.0 for v, _ in _read("The run took 10<sup>2</sup> days to finish."))


def test_a_quote_with_an_html_power_of_ten_states_its_value():
    from kb.core.grammar import numbers_in
    assert 3.8e25 in numbers_in("3.8 × 10<sup>25</sup> FLOPs")
