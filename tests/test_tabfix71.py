"""tabfix71: table leftovers, each rule on a short table (paraphrases of public tables in no corpus).

- a footnote mark in an HTML cell ("<td>Meta Platforms<sup>1</sup></td><td>$72.2B</td>"): the
  ">" that closes "</sup>" is the end of a tag, no "more than" before the next cell's amount
  (before, the quote of the amount began at "></td><td>");
- a money column whose header names the company paid ("| Hyperscaler | Nvidia spend |", "| Buyer |
  Payments to AMD |") gives each row's amount to the row's company, the spender (before, to the
  company in the header);
- a count column whose header names the card counted and what was done with it ("| H100 GPUs
  purchased |", "| Number of H100 GPUs |") counts GPUs (before, the card's name made the header
  no unit and the cells were not drafted), a class of cards too ("H100-class GPUs deployed"); a
  header of the card's name alone ("| H100 GPUs |" over
  a card's specs) still counts nothing.
"""
from __future__ import annotations

import pytest

from conftest import draft_of


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


# paraphrase of an HTML table of 2024 capital spending with footnote marks after the names
CAPEX_HTML = ("<h2>Capex</h2>\n<table>\n<tr><th>Company</th><th>2024 capex</th></tr>\n"
              "<tr><td>Meta Platforms<sup>1</sup></td><td>$72.2B</td></tr>\n"
              "<tr><td><a href=\"https://example.com\">Microsoft</a><sub>a</sub></td><td><b>$80B</b></td></tr>\n"
              "<tr><td><em>Alphabet</em><sup>[2]</sup></td><td><span>$75B</span></td></tr>\n"
              "<tr><td>Amazon<br><sup>3</sup></td><td>$83B</td></tr>\n</table>\n")


@pytest.mark.parametrize("raw,entity", [("$72.2B", "meta"), ("$80B", "microsoft"), ("$75B", "alphabet"),
                                        ("$83B", "amazon")])
def test_a_footnote_tag_before_a_cell_is_no_more_than(reg, raw, entity):
    d = draft_of(reg, CAPEX_HTML, raw)
    assert d.qualifier == "exact"
    assert CAPEX_HTML[d.span_start:d.span_end] == raw
    assert d.entity == entity


def test_a_greater_than_sign_still_cues_a_lower_bound(reg):
    d = draft_of(reg, "Meta now runs > 600,000 GPUs in its fleet.", "> 600,000 GPUs")
    assert d.qualifier == "lower_bound"


# paraphrase of a table of hyperscalers' spending on one chip maker
SPEND = ("## Who buys the chips\n\n| Hyperscaler | Nvidia spend (2024) |\n|---|---|\n"
         "| Microsoft | $31 billion |\n| Meta | $19 billion |\n| Amazon | $10 billion |\n")
PAYMENTS = ("## Orders\n\n| Buyer | Payments to AMD |\n|---|---|\n| Oracle | $2.1B |\n| Microsoft | $3.4B |\n")


def test_a_company_paid_in_a_money_header_is_no_spender(reg):
    assert draft_of(reg, SPEND, "$31 billion").entity == "microsoft"
    assert draft_of(reg, SPEND, "$19 billion").entity == "meta"
    assert draft_of(reg, PAYMENTS, "$2.1B").entity == "oracle"


def test_a_company_s_own_money_column_stays_its_own(reg):
    own = "## Results\n\n| Quarter | Nvidia revenue |\n|---|---|\n| Q1 FY25 | $26.0B |\n| Q2 FY25 | $30.0B |\n"
    assert draft_of(reg, own, "$26.0B").entity == "nvidia"


# paraphrase of a table of 2023 H100 purchases by company
BOUGHT = ("## GPUs\n\n| Company | H100 GPUs purchased |\n|---|---|\n| Microsoft | 485,000 |\n"
          "| Meta | 224,000 |\n| Amazon | 196,000 |\n")


@pytest.mark.parametrize("head", ["H100 GPUs purchased", "Number of H100 GPUs", "H100 GPUs deployed",
                                  "Estimated H100-class GPUs deployed"])
def test_a_header_naming_the_counted_card_counts_gpus(reg, head):
    d = draft_of(reg, BOUGHT.replace("H100 GPUs purchased", head), "485,000")
    assert (d.unit, d.entity, d.property) == ("GPU", "microsoft", "gpu-count")


def test_a_card_s_column_of_specs_counts_nothing(reg):
    from kb.extract.drafts import extract_text

    specs = "## Specs\n\n| Spec | H100 GPUs | A100 GPUs |\n|---|---|---|\n| CUDA cores | 16896 | 6912 |\n"
    assert all(d.unit != "GPU" for d in extract_text(specs, reg))
