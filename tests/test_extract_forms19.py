"""Forms of issue 14's value+unit misses (gram19): table cells the extractor did not draft and
numbers with a footnote mark, each on a short text written for the test."""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text


def _cells(text):
    return [(d.raw, d.value, d.unit) for d in extract_text(text)]


def test_a_score_column_with_no_unit_holds_scores_in_points():
    text = ("| Model | Price | Arena score |\n|---|---|---|\n| Alpha | $3.00 | 8.30 |\n"
            "| Beta | $1.00 | **7.5** |\n")
    got = _cells(text)
    assert ("8.30", 8.30, "x") in got and ("7.5", 7.5, "x") in got, got


def test_a_score_column_of_whole_numbers_holds_scores():
    text = "| Model | Quality score |\n|---|---|\n| Alpha | 51 |\n| Beta | ~46 |\n"
    got = _cells(text)
    assert [(value, unit) for _, value, unit in got] == [(51.0, "x"), (46.0, "x")], got


def test_a_score_column_with_a_word_in_it_is_left_alone():
    # (a column that mixes numbers and words is not a column of scores)
    text = "| Model | Score |\n|---|---|\n| Alpha | 51 |\n| Beta | high |\n"
    assert _cells(text) == [], _cells(text)


def test_a_score_column_of_years_is_no_score():
    text = "| Model | Score year |\n|---|---|\n| Alpha | 2023 |\n| Beta | 2024 |\n"
    assert _cells(text) == [], _cells(text)


def test_a_benchmark_table_holds_each_models_scores():
    text = ("| Benchmark | Alpha-7B | Beta-7B |\n|---|---|---|\n| Reading (zero shot) | 0.41 | 0.43 |\n"
            "| Arithmetic | 0.74 | **0.71** |\n")
    got = [(raw, value, unit) for raw, value, unit in _cells(text)]
    assert got == [("0.41", 0.41, "x"), ("0.43", 0.43, "x"), ("0.74", 0.74, "x"), ("0.71", 0.71, "x")], got


def test_a_benchmark_table_row_with_a_unit_keeps_it():
    text = ("| Benchmark | Alpha | Beta |\n|---|---|---|\n| Quiz | 0.41 | 0.43 |\n"
            "| Latency (ms) | 120 | 95 |\n")
    got = {raw: (value, unit) for raw, value, unit in _cells(text)}
    assert got["120"] == (120.0, "ms") and got["0.41"] == (0.41, "x"), got


def test_a_table_of_other_things_leaves_bare_cells_alone():
    text = "| Item | Alpha | Beta |\n|---|---|---|\n| Quiz | 0.41 | 0.43 |\n"
    assert _cells(text) == [], _cells(text)


def test_two_html_cells_that_read_alike_are_two_claims():
    rows = [("Model", "MFU %", "HFU %"), ("7B", "0.57", "0.57"), ("13B", "0.51", "0.59")]
    text = "<table>\n" + "".join("  <tr>\n" + "".join(f"   <td>{c}\n   </td>\n" for c in row) + "  </tr>\n"
                                 for row in rows) + "</table>\n"
    got = [(d.raw, d.value, d.unit) for d in extract_text(text) if d.raw != "7B" and d.raw != "13B"]
    assert got.count(("0.57", 0.57, "x")) == 2, got


def test_a_table_repeated_word_for_word_is_still_recorded_once():
    table = "| Model | Arena score |\n|---|---|\n| Alpha | 8.30 |\n| Beta | 7.50 |\n"
    got = _cells(table + "\nAgain:\n\n" + table)
    assert [raw for raw, _, _ in got].count("8.30") == 1, got


@pytest.mark.parametrize("text, unit", [
    ("Rent starts at $2.49* per hour.", "USD/hour"),
    ("Rent starts at $2.49*/hr.", "USD/hour"),
    ("The card reaches 1.2† tokens/s.", "token/s"),
    ("*Rent starts at $2.49* per hour.", "USD/hour"),
])
def test_a_footnote_mark_after_a_number_is_no_part_of_it(text, unit):
    got = [(d.value, d.unit) for d in extract_text(text)]
    assert got == [(2.49 if "2.49" in text else 1.2, unit)], got


@pytest.mark.parametrize("text", ["It took 5*3 = 15 hours.", "It took 5* 3 = 15 hours."])
def test_a_star_between_two_numbers_stays_a_product(text):
    got = [(d.raw, d.value, d.unit) for d in extract_text(text)]
    assert got == [("15 hours", 15.0, "hour")], got


def test_a_batch_size_column_holds_requests():
    text = "| Model | Batch size | Speed (tok/s) |\n|---|---|---|\n| 7B | 2 | 3700 |\n| 13B | 4 | 1800 |\n"
    got = [(d.raw, d.value, d.unit) for d in extract_text(text) if d.unit == "query"]
    assert got == [("2", 2.0, "query"), ("4", 4.0, "query")], got
    assert {d.property for d in extract_text(text) if d.unit == "query"} <= {None, "batch-size"}


def test_a_concurrency_column_holds_requests_in_flight():
    text = "| Concurrency | TTFT (ms) |\n|---|---|\n| 1 | 20 |\n| 8 | 35 |\n"
    got = [(d.raw, d.value, d.unit) for d in extract_text(text)]
    assert got == [("1", 1.0, "query"), ("20", 20.0, "ms"), ("8", 8.0, "query"), ("35", 35.0, "ms")], got


def test_a_batch_size_column_with_a_word_in_it_is_left_alone():
    text = "| Model | Batch size |\n|---|---|\n| 7B | 2 |\n| 13B | dynamic |\n"
    assert [d.raw for d in extract_text(text)] == ["7B", "13B"]
