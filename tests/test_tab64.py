"""tab64: company-finance tables, round two; each rule built on short quotes of public tables that
are not in the corpus (a fresh set of twelve, none of tab63's).

- a scale a table says once for its amounts, in a line right above it or its caption ("Gross
  Margin ($ in millions)", "### Revenue Projection ($ millions)") or in a column header with no
  currency ("| Item | Value (M) |"), scales the cells that write their currency sign alone; not a
  share's price ("EPS", "Price"). Before, 68,887 dollars.
- a "Share price" label is no share: its row's bare numbers (the day of "(June 18, 2026 close)")
  are no percentages.
- an en dash opening a table cell ("| –20% |") is a minus sign.
- a bare "Margin" column beside a "Net income" column is the net margin; a cell's "(28% margin)"
  in an "Operating income" row the operating margin; a percent below zero guessed a share is a
  change ("Stock Drop"); a "YoY %" column holds changes.
- a row or column a line of accounts alone labels ("OCF", "Capex", "Enterprise value") gives an
  amount in it that line; a "Data Center" row of a table of revenue is the segment's revenue.
- a word after the amount in its cell ("$523B RPO") names it; a row of changes is no ratio of two.
- a "Total" row's amount is of what the rows above it are of (of funding rounds, the total raised).
- a difference in points ("+3 ppt") of a table under a heading naming one company is that company's.
- Lumentum, Supermicro, Bristol Myers Squibb, Chevron are in the registry.
"""
from __future__ import annotations

import pytest

from conftest import draft_of
from kb.extract.drafts import extract_text


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


_draft = draft_of


# Kleinster2/financial-charts, investing/Actors/Lumentum.md
LUMENTUM = ("# Lumentum\n\n## Financials\n\nFiscal year ends June 30.\n\n"
            "| Quarter | Revenue | Net income | Margin |\n|---------|---------|------------|--------|\n"
            "| Q3 FY2024 (Mar 2024) | $337M | -$82M | -24% |\n"
            "| Q4 FY2025 (Jun 2025) | $481M | $213M | 44% |\n")


def test_bare_margin_column_beside_net_income_is_the_net_margin(reg):
    d = _draft(reg, LUMENTUM, "-24%")
    assert (d.entity, d.property, d.value) == ("lumentum", "net-margin", -24.0)
    assert _draft(reg, LUMENTUM, "44%").property == "net-margin"
    assert _draft(reg, LUMENTUM, "$481M").entity == "lumentum"


# yasser-ensembl3/Quarterly-results, data/insights/nVidia/nvidia_financial.md
NVIDIA_CF = ("# NVIDIA Corporation - Financial Analysis\n**Quarter:** Q3 2025\n\n## Cash Flow\n\n"
             "| Item | Value (M) |\n|------|-----------|\n| Operating Cash Flow | $17,629.0 |\n"
             "| Capex | $813.0 |\n| Free Cash Flow | $16,787.0 |\n\n## Revenue Breakdown\n\n### By Segment\n\n"
             "| Name | Revenue (M) | % of Total | YoY % |\n|------|-------------|------------|-------|\n"
             "| Data Center | 30800 | 87.8% | 112% |\n| Gaming | 3279 | 9.3% | 15% |\n")


def test_scale_of_a_column_header_with_no_currency(reg):
    d = _draft(reg, NVIDIA_CF, "$17,629.0")
    assert (d.value, d.unit, d.property) == (17629.0, "million USD", "operating-cash-flow")


def test_row_a_line_of_accounts_labels_gives_that_line(reg):
    d = _draft(reg, NVIDIA_CF, "$813.0")
    assert (d.entity, d.property, d.unit) == ("nvidia", "capex", "million USD")


def test_yoy_column_holds_changes(reg):
    assert _draft(reg, NVIDIA_CF, "112%").property == "change"
    assert _draft(reg, NVIDIA_CF, "15%").property == "change"
    assert _draft(reg, NVIDIA_CF, "87.8%").property == "share"


# public GitHub Markdown (sample 10-K table queries; find_string id 66240665424)
APPLE = ("### 1. Gross Margin Tables\n\nGross Margin ($ in millions)\n| Category | 2019 | 2018 | 2017 |\n"
         "|----------|------|------|------|\n| Products | $68,887 | $77,683 | $70,197 |\n"
         "| Services | $29,505 | $24,156 | $17,989 |\n| Total    | $98,392 | $101,839 | $88,186 |\n")


def test_scale_of_the_line_above_a_table(reg):
    d = _draft(reg, APPLE, "$68,887")
    assert (d.value, d.unit, d.property) == (68887.0, "million USD", "gross-profit")


def test_total_row_is_of_what_the_rows_above_are_of(reg):
    d = _draft(reg, APPLE, "$98,392")
    assert (d.unit, d.property) == ("million USD", "gross-profit")


# public GitHub Markdown (tab63's t11: a revenue projection under "### Revenue Projection ($ millions)")
PROJECTION = ("### Revenue Projection ($ millions)\n\n| Fiscal Year | Projected Revenue | YoY Growth |\n"
              "|------|--------------|------|\n| 2025 (actual) | $130 | +202% |\n| 2026E | $269 | +107% |\n")


def test_scale_of_the_caption(reg):
    assert _draft(reg, PROJECTION, "$130").unit == "million USD"


# public GitHub Markdown (a startup's funding history; find_string id 54142878845)
BUN = ("### Funding History\n\n| Round | Date | Amount | Lead Investor | Notes |\n"
       "|-------|------|--------|---------------|-------|\n"
       "| Seed | August 24, 2022 | $7M | Kleiner Perkins | Guillermo Rauch (Vercel founder), Y Combinator |\n"
       "| Series A | 2024 (approx) | $19M | Khosla Ventures | Grew team to 14 engineers |\n"
       "| **Total** | — | **~$26M** | — | — |\n")


def test_total_of_funding_rounds_is_the_total_raised(reg):
    assert _draft(reg, BUN, "$7M").property == "funding-round"
    assert _draft(reg, BUN, "~$26M").property == "total-funding"


# public GitHub Markdown (an AMD research report; find_string id 55669209190)
AMD = ("# Advanced Micro Devices (AMD) Deep Research Report\n\n### Quick Stats\n\n"
       "| Metric | Current | February baseline (old) |\n|--------|---------|--------------------------|\n"
       "| Share price | $537.37 (June 18, 2026 close) | old $207.32 (Feb 16) |\n"
       "| Market cap | ~$887B | old ~$338B |\n| Enterprise value | ~$878B | — |\n\n"
       "### 1.1 Q1 2026 Financial Results\n\n| Metric | Q1 2026 | Y/Y | Note |\n|--------|---------|-----|------|\n"
       "| GAAP gross margin | 53% | +3 ppt | Down 1 ppt Q/Q |\n")


def test_share_price_label_is_no_share(reg):
    raws = [d.raw for d in extract_text(AMD, reg)]
    assert "18" not in raws and "2026" not in raws and "16" not in raws
    d = _draft(reg, AMD, "$537.37")
    assert (d.entity, d.property) == ("amd", "share-price")


def test_enterprise_value_row_is_a_valuation(reg):
    d = _draft(reg, AMD, "~$878B")
    assert (d.entity, d.property) == ("amd", "valuation")


def test_difference_in_points_is_the_heading_company_s(reg):
    d = _draft(reg, AMD, "3 ppt")
    assert (d.entity, d.property) == ("amd", "difference")


# public GitHub Markdown (a daily market brief's NVIDIA earnings table; find_string id 61458864821)
NVDA_EARNINGS = ("## 5. After-Hours / Overnight Catalyst — NVIDIA (Reported 5/20 AH)\n\n| Item | Result |\n"
                 "|------|--------|\n| Revenue | $81.6B (+85% YoY, +20% QoQ) — **BEAT** |\n"
                 "| Data Center | $75.2B (+92% YoY) — **BEAT** |\n")


def test_data_center_row_of_a_revenue_table_is_its_revenue(reg):
    d = _draft(reg, NVDA_EARNINGS, "$75.2B")
    assert (d.entity, d.property) == ("nvidia", "revenue")


# mofa-org/mofa-pptx, big-tech-ai-investment-analysis.md
BIG_TECH = ("## Investment Overview\n\n| Company | 2026 CAPEX | Stock Drop | Free Cash Flow |\n"
            "|---------|-----------|-----------|----------------|\n| Amazon | $200B | -10% | $11.2B |\n"
            "| Microsoft | $110B | -15% | $56B |\n")


def test_percent_below_zero_is_no_share(reg):
    d = _draft(reg, BIG_TECH, "-10%")
    assert (d.entity, d.property) == ("amazon", "change")


# public GitHub Markdown (a comparison of AI stocks, one column each: "| Metric / Stock | **Nvidia (NVDA)** | ...")
MAG = ("| Metric / Stock | **Nvidia (NVDA)** | **Apple (AAPL)** | **Alphabet (GOOG)** |\n"
       "| --- | --- | --- | --- |\n| **YTD Performance** | +55% | –20% | +7% |\n")


def test_en_dash_opening_a_cell_is_a_minus_sign(reg):
    d = _draft(reg, MAG, "–20%")
    assert (d.value, d.entity, d.property) == (-20.0, "apple", "change")


# public GitHub Markdown (an EDA peers scoreboard; find_string id 59326244363)
CDNS = ("## 4. Segment structure & financial scoreboard\n\n| Metric | SNPS FY2025 | CDNS FY2025 |\n"
        "|---|---|---|\n| Operating income | $915M (was $1,356M) | ~$1,480M (28% margin) |\n")


def test_margin_in_an_operating_income_row_is_the_operating_margin(reg):
    d = _draft(reg, CDNS, "28%")
    assert (d.entity, d.property) == ("cadence-design-systems", "operating-margin")


# public GitHub Markdown (an orbital-R&D demand study; find_string id 68547861997)
BMY = ("## 4. BMY Q1 2024 is a DA-24 CANDIDATE — net income approximately equals revenue\n\n"
       "| Quarter | Revenue | Net income | Net margin |\n|---|---:|---:|---:|\n"
       "| Q2 2024 | $12,201M | $1,680M | 13.8% |\n")


def test_listed_companies_a_heading_names_by_ticker(reg):
    d = _draft(reg, BMY, "$12,201M")
    assert (d.entity, d.property) == ("bristol-myers-squibb", "revenue")


def test_a_row_of_changes_is_no_ratio_of_two_of_them(reg):
    # (1.65 is about 55% / 33%: no comparison of two values, each a company's own change)
    text = ("| Metric / Stock | **Nvidia (NVDA)** | **Meta (META)** | **Supermicro (SMCI)** |\n"
            "| --- | --- | --- | --- |\n| **YTD Performance** | +55% | +33% | +65% |\n")
    d = _draft(reg, text, "65%")
    assert (d.entity, d.property) == ("supermicro", "change")


# public GitHub Markdown (a capex table: "| Oracle | — | ~$50B (+136%) | $523B RPO |"; find_string id 67532731745)
def test_word_after_the_amount_in_its_cell_names_it(reg):
    text = ("### 10.1 AI capex (CONFIRMED guidance; totals are analyst sums)\n"
            "| Company | 2025 actual | 2026 guidance (Feb) | Mid-year revision |\n|---|---|---|---|\n"
            "| Amazon | $125B | ~$200B | — |\n| Oracle | — | ~$50B (+136%) | $523B RPO |\n")
    d = _draft(reg, text, "$523B")
    assert (d.entity, d.property) == ("oracle", "order-backlog")
    assert _draft(reg, text, "~$50B").property == "capex"


def test_52_week_range_is_no_duration(reg):
    # Kleinster2/financial-charts, investing/Actors/Lumentum.md ("## Quick stats")
    text = "| Metric | Value |\n|--------|-------|\n| Market cap | $63.8B |\n| 52-week range | $49.13 – $960.00 |\n"
    assert "52-week" not in [d.raw for d in extract_text(text, reg)]
