"""margin85: a margin is a share of revenue, never a change; "net cash" is cash on hand.

Sentences from development articles (r146, r164, r143, r73) and from a fresh public text: the
GitHub repository yasser-ensembl3/Quarterly-results, file nvidia_q3_2025.md (an NVIDIA Q3 2025
earnings summary, a table under "YoY Change" and a line of prose)."""
from __future__ import annotations

import pytest

from tests.conftest import drafts_by_raw

# yasser-ensembl3/Quarterly-results nvidia_q3_2025.md: the income statement table
NVDA_TABLE = """# NVIDIA Corporation (NVDA) - Q3 2025 Earnings Report

### Income Statement

| Metric | Value | YoY Change |
|--------|-------|------------|
| Revenue | $35,082.0M | 94.0% |
| Gross Profit | $26,156.0M | (74.6% margin) |
| Operating Income | $21,869.0M | (62.3% margin) |
| Net Income | $19,309.0M | (55.0% margin) |
"""


@pytest.mark.parametrize("raw, prop", [("94.0%", "change"), ("74.6%", "gross-margin"),
                                       ("62.3%", "operating-margin"), ("55.0%", "net-margin")])
def test_margin_cells_under_a_change_column(project_registry, raw, prop):
    # the cell's own "margin" beats the "YoY Change" column; a bare margin is its row's result's
    assert drafts_by_raw(NVDA_TABLE, project_registry)[raw].property == prop


def test_net_margin_after_a_growth(project_registry):
    # yasser-ensembl3/Quarterly-results nvidia_q3_2025.md
    text = "- Net income of $19.3B represents 109% year-over-year growth with 55% net margin\n"
    got = drafts_by_raw(text, project_registry)
    assert got["109%"].property == "change"
    assert got["55%"].property == "net-margin"


def test_or_higher_margins(project_registry):
    # r146-people-use-ai-more
    text = ("These APIs have been very profitable for companies --- up to 75% or higher margins at times "
            "according to Dylan Patel of SemiAnalysis.")
    assert drafts_by_raw(text, project_registry)["up to 75% or higher"].property == "gross-margin"


def test_margin_change_stays_a_change(project_registry):
    # a word of change after the margin: how much the margin moved
    text = "Revenue grew 109% with a 5% margin improvement."
    assert drafts_by_raw(text, project_registry)["5%"].property == "change"


def test_net_cash_is_cash_on_hand(project_registry):
    # r164-alphabet-ai-breakup
    text = ("That leaves Alphabet’s search business worth roughly \\$550 billion, adjusted for its "
            "\\$117 billion in net cash and investments, or about five times Ebitda.")
    assert drafts_by_raw(text, project_registry)["$117 billion"].property == "cash-on-hand"


def test_net_cash_in_a_summary(project_registry):
    # r143-nvidia-valuation-decomposition
    text = "NVIDIA the _company_ is rock-solid ($53B net cash, 73% margins, dominant position)."
    got = drafts_by_raw(text, project_registry)
    assert got["$53B"].property == "cash-on-hand"
    assert got["73%"].property == "gross-margin"


def test_net_cash_row_of_a_table(project_registry):
    # yasser-ensembl3/Quarterly-results nvidia_q3_2025.md ("Net Cash" was read as net income)
    text = "### Balance Sheet\n\n| Metric | Value |\n|--------|-------|\n| Net Cash | $38,500.0M |\n"
    assert drafts_by_raw(text, project_registry)["$38,500.0M"].property == "cash-on-hand"


def test_net_cash_from_operations_stays_a_flow(project_registry):
    # r73-coreweave-q3-2025-analysis
    text = ("| Metric | Value | Period |\n|--------|-------|--------|\n"
            "| Net Cash from Operations | $1,689.1M | Q3 2025 |\n| Net Cash from Financing | $2,586.0M | Q3 2025 |\n")
    got = drafts_by_raw(text, project_registry)
    assert got["$1,689.1M"].property == "operating-cash-flow"
    assert got["$2,586.0M"].property == "financing-cash-flow"
