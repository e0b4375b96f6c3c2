"""Percentages named by the figure they are (share44): a utilisation column, ...

- A table column headed by a dimensionless figure's acronym and a percent sign ("MFU %", "HFU
  (%)") holds that figure, whether its cells are percentages ("57") or fractions ("0.57"): the
  acronym names the property (``_header_template`` in kb/extract/drafts.py), not a share or a
  ratio of two quantities.

Forms from dev-A articles (named in each test).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kb.extract.drafts import extract_text
from kb.extract.linking import load_registry

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def reg():
    return load_registry(ROOT)


def _props(reg, text):
    return [(d.raw, d.unit, d.property) for d in extract_text(text, reg)]


def test_a_utilisation_column_written_as_fractions_is_that_utilisation(reg):
    # r94-pytorch-fsdp-throughput (an HTML table of MFU and HFU by model size)
    rows = [("Model", "MFU % (A100 80GB)", "HFU % (A100 80GB)"), ("7B", "0.57", "0.59"), ("13B", "0.51", "0.62")]
    text = "<table>\n" + "".join("  <tr>\n" + "".join(f"   <td>{c}\n   </td>\n" for c in row) + "  </tr>\n"
                                 for row in rows) + "</table>\n"
    got = [(raw, unit, p) for raw, unit, p in _props(reg, text) if unit == "x"]
    assert got == [("0.57", "x", "mfu"), ("0.59", "x", "hfu"), ("0.51", "x", "mfu"), ("0.62", "x", "hfu")], got


def test_a_utilisation_column_of_percentages_is_that_utilisation(reg):
    text = "| Model | MFU (%) | Cost |\n|---|---|---|\n| 7B | 57 | $3 |\n| 13B | 51 | $4 |\n"
    got = [(raw, p) for raw, unit, p in _props(reg, text) if unit == "percent"]
    assert got == [("57", "mfu"), ("51", "mfu")], got


def test_a_plain_percent_column_is_not_named_by_the_acronym_rule(reg):
    text = "| Model | Share (%) |\n|---|---|\n| 7B | 57 |\n| 13B | 51 |\n"
    got = [p for raw, unit, p in _props(reg, text) if unit == "percent"]
    assert "mfu" not in got and "hfu" not in got and got, got
