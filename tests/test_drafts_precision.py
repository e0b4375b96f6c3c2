"""The precision a figure is given to ("rounded to 8 decimal places", "to 3 significant
figures") is a count of digits, never an amount: kb/extract/drafts.py, ``_skip_candidate``.

A paraphrase of a fresh public cost write-up (in no corpus), whose "8" took the column's
unit ($/min) and was flagged as a 10^4 slip against the row's own arithmetic.
"""
from __future__ import annotations

from kb.extract.drafts import extract_text


def test_decimal_places_in_a_cell_take_no_column_unit(project_registry):
    text = ("| Look rate | Arithmetic | $/min |\n|---|---|---|\n"
            "| Observed | 8 × $0.00426 ÷ 43 | **$0.00079256** (rounded to 8 decimal places) |\n")
    per_min = [d.value for d in extract_text(text, project_registry) if d.unit == "USD/min"]
    assert per_min == [0.00079256]


def test_one_decimal_place_in_a_gpu_table_is_no_throughput(project_registry):
    text = "| GPU | TFLOPS |\n|---|---|\n| H100 | 989.4 (1 decimal place) |\n"
    assert [d.value for d in extract_text(text, project_registry)] == [989.4]
