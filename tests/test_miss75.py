"""miss75: missed numbers and wrong values or units, developed on fresh public texts in no
corpus (earnings-call notes, analyst newsletters, cloud GPU price comparisons, GPU benchmark
reviews, German write-ups of data-centre deals, training-compute explainers), judged number by
number by hand, dev as the guard.

- "2,689 TPS": tokens a second in one symbol.
- German ranges ("zwischen 50 und 100 Megawatt", "10 bis 20 Prozent"), German counted nouns
  ("10.000 KI-Prozessoren", "5 Millionen Grafikprozessoren", "3.000 Mitarbeiter"), German cues
  ("mindestens", "rund", "bis zu") and "2,5 Mio. Tokens".
- A change with a unit at both ends is two values, not a range: "increased approximately 600
  megawatts to 2.2 gigawatts", "raised its 2025 capex forecast by $10 billion to $85 billion"
  (but "increased $2 to $3 billion" stays a range).
- "went from 375 employees to 3,000": the new level counts the same thing; "tripled from $15 billion
  to $45 billion" is a change too, not a range.
- Thousands grouped by spaces: "10 000 000 000 Watt", "100 000 GPUs".
- "a record near-$35 billion quarter": a word hyphenated to the currency sign.
- "| 8x |" under "| Count |" is a count; a "| 1 Hour |" column holds prices per hour and is no
  duration itself.
- "3.8×10²⁰ operations": a run's compute in FLOP.
"""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text


def _read(text):
    return [(d.raw, d.value, d.low, d.high, d.unit, d.qualifier) for d in extract_text(text)]


def test_tps_is_tokens_per_second():
    got = _read("Scaling up: the RTX 5070 Ti reaches 2,689 TPS. At 74 TPS peak, CPU is 17x slower.")
    assert ("2,689 TPS", 2689.0, None, None, "token/s", "exact") in got
    assert any(r[0] == "74 TPS" and r[4] == "token/s" for r in got)


@pytest.mark.parametrize("text, raw, low, high, unit", [
    ("Die beziehen zwischen 50 und 100 Megawatt, also hundertmal weniger.", "50 und 100 Megawatt", 50.0, 100.0, "MW"),
    ("Ein Gigawatt kostet zwischen 50 und 60 Milliarden US-Dollar.", "50 und 60 Milliarden US-Dollar", 50.0, 60.0,
     "billion USD"),
    ("Die 10 Gigawatt entsprechen zwischen 4 und 5 Millionen Grafikprozessoren.", "4 und 5 Millionen Grafikprozessoren",
     4.0, 5.0, "million GPU"),
    ("Die Preise steigen um 10 bis 20 Prozent.", "10 bis 20 Prozent", 10.0, 20.0, "percent"),
])
def test_german_ranges(text, raw, low, high, unit):
    got = _read(text)
    assert any(r[0] == raw and r[2:5] == (low, high, unit) and r[5] == "range" for r in got), got
    # ("und" without "zwischen" joins no range)
    assert not any(r[5] == "range" for r in _read(text.replace("zwischen ", "bei ").replace(" bis ", " und ")))


@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("Nvidia liefert mindestens 10.000 KI-Prozessoren der Blackwell-Reihe.", 10000.0, "GPU", "lower_bound"),
    ("Der Dienst hat rund 5 Millionen Nutzer.", 5.0, "million user", "approx"),
    ("Die Firma hat 3.000 Mitarbeiter.", 3000.0, "employee", "exact"),
    ("Das Modell verarbeitet bis zu 2,5 Mio. Tokens pro Anfrage.", 2.5, "million token", "upper_bound"),
])
def test_german_counts_and_cues(text, value, unit, qualifier):
    got = _read(text)
    assert any(r[1] == value and r[4] == unit and r[5] == qualifier for r in got), got


@pytest.mark.parametrize("text, old, new", [
    ("The total contracted power increased approximately 600 megawatts to 2.2 gigawatts.", (600.0, "MW"), (2.2, "GW")),
    ("Alphabet raised its 2025 capex forecast by $10 billion to $85 billion.", (10.0, "billion USD"),
     (85.0, "billion USD")),
])
def test_a_change_to_a_new_level_is_no_range(text, old, new):
    got = _read(text)
    assert not any(r[5] == "range" for r in got), got
    assert any(r[1:2] + r[4:5] == old for r in got), got
    assert any(r[1:2] + r[4:5] == new for r in got), got
    # (a first amount that borrows the second's scale, or percentages, stay a range)
    assert [r[5] for r in _read("Revenue increased $2 to $3 billion this year.")] == ["range"]
    assert [r[5] for r in _read("The new kernels cut inference costs by 40% to 60%.")] == ["range"]


def test_a_change_from_a_count_to_a_bare_number():
    got = _read("The company went from 375 employees to 3,000 in two years.")
    assert ("3,000", 3000.0, None, None, "employee", "exact") in got


@pytest.mark.parametrize("text, raw, value, unit", [
    ("Plant OpenAI eine Infrastruktur mit 10 000 000 000 Watt.", "10 000 000 000 Watt", 1e10, "W"),
    ("The cluster has 100 000 GPUs.", "100 000 GPUs", 100000.0, "GPU"),
    ("The cluster has 100\u202f000 GPUs.", "100\u202f000 GPUs", 100000.0, "GPU"),
])
def test_thousands_grouped_by_spaces(text, raw, value, unit):
    got = _read(text)
    assert any(r[0] == raw and r[1] == value and r[4] == unit for r in got), got


def test_a_word_hyphenated_to_a_currency_sign():
    got = _read("Microsoft logged a record near-$35 billion quarter of capital spending.")
    assert any(r[0] == "$35 billion" and r[1] == 35.0 and r[4] == "billion USD" for r in got), got
    assert _read("We compared GPT-4 and Llama-3 on cost.") == []


def test_a_multiple_sign_under_a_count_header_is_a_count():
    got = _read("| GPU | Count | Price |\n|---|---|---|\n| H100 | 8x | $2.49 |\n| A100 | 4x | $1.29 |\n")
    assert ("8x", 8.0, None, None, "item", "exact") in got
    assert not any(r[4] == "x" for r in got), got


def test_a_one_hour_column_holds_hourly_prices():
    got = _read("| Provider | GPU | 1 Hour | 1 Month |\n|---|---|---|---|\n| Lambda | H100 | $2.49 | $1,800 |\n")
    assert ("$2.49", 2.49, None, None, "USD/hour", "exact") in got
    assert not any(r[0] in ("1 Hour", "1 Month") for r in got), got


@pytest.mark.parametrize("text, raw, value", [
    ("The run used roughly 3.8×10²⁰ operations in total.", "roughly 3.8×10²⁰ operations", 3.8e20),
    ("GPT-3 needed 3.14e23 operations to train.", "3.14e23 operations", 3.14e23),
])
def test_operations_after_a_power_of_ten_are_flop(text, raw, value):
    got = _read(text)
    assert any(r[0] == raw and r[1] == value and r[4] == "FLOP" for r in got), got
    assert _read("We ran 3 operations.") == []


def test_a_multiple_from_to_is_a_change():
    got = _read("Datacenter construction spending tripled from $15 billion to $45 billion annually.")
    assert not any(r[5] == "range" for r in got), got
    assert any(r[0] == "$15 billion" and r[1] == 15.0 for r in got), got
