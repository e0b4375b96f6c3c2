"""Pipe tables whose rows lack their outer pipes (GitHub's tables allow it), and runs of pipe rows
with no rule line: each cell keeps its row label and column header (issue 14). The tables are
short quoted forms of real posts (kyledinh/gpt-prive docs/guides/gpu.md; a Kobold-on-RunPod
guide)."""
from __future__ import annotations

from pathlib import Path

import pytest

from kb.extract.drafts import extract_text
from kb.extract.linking import load_registry
from kb.extract.tables import find_bare_tables, find_tables

ROOT = Path(__file__).resolve().parents[1]

GPU_PRICES = """# GPU

GPU             | VRAM | RunPod         | Hugging Face    | Notes
----------------|------|----------------|-----------------|--------------------
H100            | 80GB | $4.29/hr 8max  |                 |
A100            | 80GB | $1.99/hr 8max  | $6.50/hr 4max   |
A10             | 24GB |                |                 | $0.60/hr LambdaLabs
"""

KOBOLD = """Model Size | Minimum VRAM
--- | --------
7B  | 6 GB
13B | 12 GB
"""


@pytest.fixture(scope="module")
def registry():
    return load_registry(ROOT)


def test_rows_without_outer_pipes_under_a_rule_line():
    (t,) = find_tables(GPU_PRICES)
    assert [c.text for c in t.header] == ["GPU", "VRAM", "RunPod", "Hugging Face", "Notes"]
    assert [c.text for c in t.rows[1]] == ["A100", "80GB", "$1.99/hr 8max", "$6.50/hr 4max"]
    # the trailing pipe closes the row; a row without it keeps its last cell
    assert [c.text for c in t.rows[2]] == ["A10", "24GB", "", "", "$0.60/hr LambdaLabs"]
    for row in t.rows:
        for c in row:
            assert GPU_PRICES[c.start:c.end] == c.text
    assert t.caption == "GPU"


def test_two_column_table_with_short_rule():
    (t,) = find_tables(KOBOLD)
    assert [[c.text for c in r] for r in t.rows] == [["7B", "6 GB"], ["13B", "12 GB"]]


def test_rule_of_single_dashes():
    # (adapted from a LIDAR price table: its header "Model | Price ($) | ..." over "- | - | -")
    text = "Model | Price ($) | Interface\n- | - | -\nRPLIDAR A1M8 | 99 | USB\nRPLIDAR A3M1 | 599 | UART\n"
    (t,) = find_tables(text)
    assert [c.text for c in t.header] == ["Model", "Price ($)", "Interface"]
    assert [c.text for c in t.rows[1]] == ["RPLIDAR A3M1", "599", "UART"]


def test_header_and_rule_of_different_cell_counts_is_no_table():
    text = "GPU | VRAM | Price\n---|---\nA100 | 80GB | $1.99/hr\n"
    assert find_tables(text) == []


def test_run_of_rows_without_rule_line():
    text = ("GPU | Hashrate | Price\n3090 | 1700 | $1,499\n3070 | 1007 | $499\n1060 | 280 | $249\n")
    (t,) = find_tables(text)
    assert [c.text for c in t.header] == ["GPU", "Hashrate", "Price"]
    assert [c.text for c in t.rows[2]] == ["1060", "280", "$249"]


def test_false_tables_are_none():
    # prose with a pipe, a breadcrumb, a shell pipeline in a fence, list items, indented code,
    # a run of two lines only, a header of numbers, rows of different cell counts
    texts = [
        "Prices fell | and rose again | in 2024, we think.\n",
        "Home | Blog | Posts | 2024\n",
        "```\ncat log.txt | grep GPU | wc -l\nps aux | grep python | head -3\nls | sort | uniq\n```\n",
        "- Home | Blog | About 2\n- Posts | Tags | Archive 3\n- One | Two | Three 4\n",
        "    a | b | c\n    1 | 2 | 3\n    4 | 5 | 6\n",
        "GPU | VRAM | Price\nA100 | 80GB | $1.99/hr\n",
        "2022 | 2023 | 2024\n1 | 2 | 3\n4 | 5 | 6\n",
        "GPU | VRAM | Price\nA100 | 80GB\nH100 | 80GB | $2.99/hr | more\n",
        "Name | Role | Team\nAda | lead | core\nBob | dev | web\n",
    ]
    for text in texts:
        assert find_bare_tables(text) == [], text


def test_known_tables_are_not_read_twice():
    text = "| GPU | VRAM | Price |\n|---|---|---|\n| A100 | 80GB | $1.99/hr |\n"
    assert len(find_tables(text)) == 1


def test_drafts_take_row_and_column(registry):
    drafts = {d.raw: d for d in extract_text(GPU_PRICES, registry)}
    # "$6.50/hr" is the A100's price on Hugging Face, not a new thing named by its own cell
    assert drafts["$6.50/hr"].entity == "nvidia-a100"
    assert drafts["$6.50/hr"].conditions.get("provider") == "hugging-face"
    # the A10's price at Lambda Labs is the A10's, not Lambda Labs'
    a10 = [d for d in extract_text(GPU_PRICES, registry) if d.raw == "$0.60/hr"]
    assert a10 and a10[0].entity == "nvidia-a10"
