"""A benchmark table with group rows (``| **GPU A**`` over that GPU's runs, written with no
closing pipe as GitHub allows), a model name ending in a hyphen and a letter, length columns,
and ratios to a named GPU (issue 14, the gram22 helper). Texts written for these tests."""
from __future__ import annotations

import pytest

from kb.core.grammar import header_unit, unit_text
from kb.extract.drafts import extract_text
from kb.extract.tables import find_pipe_tables

RUNS = """**Peak runs**
| Model | Batch Size | Input Length | Output Length | Throughput (out tok/s) | Latency (ms) |
|---|---|---|---|---|---|
| **GPU A**
| Model-J 6B | 64 | 128 | 256 | 9,500 | 102 |
| **GPU B** |
| Model-J 6B | 32 | 512 | 64 | 3,100 | 481 |
"""


def test_a_group_row_without_a_closing_pipe_keeps_the_table_whole():
    tables = find_pipe_tables(RUNS)
    assert len(tables) == 1
    t = tables[0]
    assert [c.text for c in t.header][:2] == ["Model", "Batch Size"]
    assert [[c.text for c in r] for r in t.rows if len(r) == 1] == [["**GPU A**"], ["**GPU B**"]]
    assert len(t.rows) == len(t.row_spans) == 4


def test_a_line_with_one_pipe_outside_a_table_is_no_row():
    text = "| a note with one pipe\n\nplain text\n| x | y |\n"
    assert find_pipe_tables(text) == []


def test_each_cell_takes_its_own_columns_unit_only():
    got = {(d.raw, d.context.get("column")): d.unit for d in extract_text(RUNS)}
    assert got[("64", "Batch Size")] == "query"
    assert got[("128", "Input Length")] == "token"
    assert got[("256", "Output Length")] == "token"
    assert got[("9,500", "Throughput (out tok/s)")] == "token/s"
    assert got[("102", "Latency (ms)")] == "ms"
    assert got[("512", "Input Length")] == "token"
    assert not any(u == "token/s" and c != "Throughput (out tok/s)" for (_, c), u in got.items())


@pytest.mark.parametrize("header", ["Model-J 6B", "GPT-J", "Model-T"])
def test_a_hyphen_and_a_letter_ending_a_name_is_no_unit(header):
    assert header_unit(header) is None


@pytest.mark.parametrize("header", ["Energy (J)", "Power W"])
def test_a_unit_letter_standing_alone_is_still_a_unit(header):
    assert header_unit(header) is not None


@pytest.mark.parametrize("header", ["Input Length", "Output length", "Sequence length", "Prompt length"])
def test_a_length_of_input_or_output_is_in_tokens(header):
    q = header_unit(header)
    assert q is not None and unit_text(q) == "token"


@pytest.mark.parametrize("sentence", [
    "The new card has 4.6x A100 Performance on this test.",
    "It reaches 2x H100 performance at half the power.",
    "That is 1.5x A100 speed.",
])
def test_a_ratio_to_a_named_gpu_is_a_ratio(sentence):
    got = [(d.unit, d.form) for d in extract_text(sentence)]
    assert got and got[0][0] == "x", got


@pytest.mark.parametrize("sentence", ["We rented 8x H100 for a week.", "We used 2x A100 nodes."])
def test_a_whole_number_of_a_named_gpu_is_still_a_count(sentence):
    got = [d.unit for d in extract_text(sentence)]
    assert got == ["GPU"], got


def test_a_row_missing_its_closing_pipe_keeps_its_cells():
    text = "| GPU | Price |\n|---|---|\n| A | $1.10\n| B | $2.20 |\n"
    (t,) = find_pipe_tables(text)
    assert [[c.text for c in r] for r in t.rows] == [["A", "$1.10"], ["B", "$2.20"]]
    assert all(text[c.start:c.end] == c.text for r in t.rows for c in r)


@pytest.mark.parametrize("header", ["Min Latency", "Max Throughput & Min Latency", "Min price"])
def test_min_before_a_measure_is_the_least_not_minutes(header):
    assert header_unit(header) is None


@pytest.mark.parametrize("header", ["Time (min)", "Duration min", "min per task"])
def test_min_alone_is_still_minutes(header):
    q = header_unit(header)
    assert q is not None and unit_text(q) == "min"


SPEEDUPS = """| Model | Batch Size | Throughput (out tok/s) | Latency (ms) |
|---|---|---|---|
| **GPU A**
| Model X | 64 | 9,500 | 102 |
| **Speedup** |
| Model X | 64 | **3.0x** | **4.7x** |
"""


def test_a_one_cell_row_labels_the_rows_under_it():
    (t,) = find_pipe_tables(SPEEDUPS)
    labels = [g.text if g else None for g in (t.group_label(r) for r in range(len(t.rows)))]
    assert labels == [None, "**GPU A**", None, "**Speedup**"]
    assert t.group_label(99) is None


def test_cells_under_a_speedup_group_row_are_ratios():
    from pathlib import Path

    from kb.extract.linking import load_registry

    reg = load_registry(Path(__file__).resolve().parents[1])
    # (under a title naming a GPU, a ratio cell with no word of its own was read as that GPU's
    # degree of parallelism)
    text = "# The H100 in TensorRT-LLM\n\n" + SPEEDUPS
    got = {d.raw: d.property for d in extract_text(text, reg) if d.unit == "x" and d.context.get("row")}
    assert got == {"3.0x": "ratio", "4.7x": "ratio"}, got
