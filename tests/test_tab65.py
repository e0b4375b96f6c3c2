"""tab65: company-finance tables, round three; each rule built on short quotes of public tables
that are not in the corpus (a fresh set, none of tab63's or tab64's).

- a bare count of billions of a company's shares ("14.776B shares", a "Diluted Shares" column, a
  "Shares outstanding" row) is no model's parameter count (no claim: no property counts shares).
- "Dividend/share" is no share (a percent).
- the cash a company returns to its shareholders has properties of its own (dividends-paid,
  share-buybacks); a row or column a line of accounts alone labels gives an amount in it that
  line, now also "Buybacks", "Dividends", "EPS (TTM)", "Operating Profit", "Operating CF", in
  any currency ("GBP 283.9M" of an "FCF" row), and the line nearest the amount labels it in a row
  of a category, then its line ("| **Income (FY2025)** | Revenue | $416.16B |").
- a label that names one margin ("Profit Margin", "Operating margin") gives it.
- a "Price" row's plain dollars in a company's table are its share's price, no valuation.
- a column of a later period alone ("2026 Projected") beside one column of a line of accounts
  ("2025 Capex") holds that line.
- an "Acquirer" column names no figure of its row (the row's company was bought).
- a first column headed "Category" continues its groups in blank cells: rows of the heading's
  company, no scenarios of the article's own.
- a corner's scale for its rows ("| Metric ($B unless noted) |") gives the bare numbers of rows
  whose label notes no unit of its own.
- ExxonMobil, Auto Trader Group, Weights & Biases, World Labs, Skild AI are in the registry.
"""
from __future__ import annotations

import pytest

from conftest import draft_of
from kb.extract.drafts import extract_text


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


_draft = draft_of


# public GitHub Markdown (a fundamentals report on Apple; find_string id 60265197283)
APPLE_Q = ("# Apple Inc. (AAPL.US) — Fundamentals Analysis\n\n### Revenue and Profitability\n\n"
           "| Quarter End | Revenue | Net Income | Diluted EPS | Diluted Shares |\n|---|---|---|---|---|\n"
           "| 2026-06-30 | $109.4B | $29.8B | $2.02 | 14.71B |\n")


def test_billions_of_shares_are_no_parameters(reg):
    assert "14.71B" not in [d.raw for d in extract_text(APPLE_Q, reg)]
    assert _draft(reg, APPLE_Q, "$109.4B").property == "revenue"
    text = "| Measure | Value |\n|---|---:|\n| Shares outstanding | 14.776B (as of 2025-10-17) |\n| Market cap | $3.833T |\n"
    assert "14.776B" not in [d.raw for d in extract_text(text, reg)]
    assert "14.776B" not in [d.raw for d in extract_text("| | Market cap | $3.833T | 14.776B shares |\n|---|---|---|---|\n", reg)]


APPLE_VAL = ("# Apple Inc. (AAPL.US) — Fundamentals Analysis\n\n## Valuation Metrics\n\n"
             "| Metric | Value | Interpretation |\n|--------|-------|----------------|\n"
             "| PEG Ratio | 2.46 | Growth not cheap relative to earnings expansion |\n"
             "| EPS (TTM) | $8.71 | |\n| Profit Margin | 27.6% | Best-in-class for hardware at scale |\n"
             "| Operating Margin | 32.6% | Sustained pricing power |\n")


def test_profit_margin_label_is_the_net_margin(reg):
    d = _draft(reg, APPLE_VAL, "27.6%")
    assert (d.entity, d.property) == ("apple", "net-margin")
    assert _draft(reg, APPLE_VAL, "32.6%").property == "operating-margin"


def test_eps_row_under_a_valuation_caption_is_the_eps(reg):
    d = _draft(reg, APPLE_VAL, "$8.71")
    assert (d.entity, d.property) == ("apple", "earnings-per-share")


APPLE_CF = ("# Apple Inc. (AAPL.US) — Fundamentals Analysis\n\n### Quarterly Cash Flow Summary\n\n"
            "| Quarter End | Operating CF | CapEx | Free Cash Flow | Buybacks | Dividends |\n|---|---|---|---|---|---|\n"
            "| 2026-06-30 | $34.4B | $2.5B | $31.9B | $25.1B | $4.0B |\n")


def test_buyback_and_dividend_columns(reg):
    assert _draft(reg, APPLE_CF, "$25.1B").property == "share-buybacks"
    assert _draft(reg, APPLE_CF, "$4.0B").property == "dividends-paid"
    assert _draft(reg, APPLE_CF, "$34.4B").property == "operating-cash-flow"
    assert _draft(reg, APPLE_CF, "$31.9B").property == "free-cash-flow"


# public GitHub Markdown (a data-quality note on XBRL signs; find_string id 52842271153)
SIGNS = ("### 6b. Negative Numbers (Sign Convention)\n\n| Item | AAPL | MSFT | XOM | Convention |\n"
         "|------|------|------|-----|------------|\n| Dividends | -$15,421M | — | -$935M | Negative |\n"
         "| Buybacks | -$90,711M | -$18,420M | -$20,273M | Negative |\n")


def test_buyback_rows_in_a_ticker_table(reg):
    d = _draft(reg, SIGNS, "-$20,273M")
    assert (d.entity, d.property, d.value) == ("exxonmobil", "share-buybacks", -20273.0)
    assert _draft(reg, SIGNS, "-$15,421M").property == "dividends-paid"


# public GitHub Markdown (a valuation of Auto Trader; find_string id 4739001089)
AUTO = ("# ADVERSARIAL VALUATION: AUTO.L (AutoTrader Group plc)\n\n### Verified Financials (from official results)\n\n"
        "| Metric | FY2024 (Mar-24) | FY2025 (Mar-25) | Growth |\n|--------|---|---|--------|\n"
        "| Operating Profit | GBP 357.0M | GBP 376.8M | +6-8% |\n| FCF | GBP 283.9M | GBP 300.6M | +5.9% |\n"
        "| Dividend/share | N/A | 10.6p | Growing |\n")


def test_lines_of_accounts_in_pounds(reg):
    d = _draft(reg, AUTO, "GBP 283.9M")
    assert (d.entity, d.property) == ("auto-trader", "free-cash-flow")
    assert _draft(reg, AUTO, "GBP 376.8M").property == "operating-income"


def test_dividend_per_share_is_no_share(reg):
    assert not [d for d in extract_text(AUTO, reg) if d.raw.startswith("10.6")]


# public GitHub Markdown (a trading report on Apple; find_string id 68363306069)
KEY_DATA = ("# Trading Analysis Report: AAPL\n\n## 10. Key Data Summary Table\n\n"
            "| Category | Metric | Value | Commentary |\n|---|---|---|---|\n"
            "| **Valuation (2026-01-09)** | Price | $259.37 | Point-in-time close |\n| | Market cap | $3.833T | |\n"
            "| **Income (FY2025)** | Revenue | $416.16B | Record |\n| | Gross margin | 46.9% | Up ~360bps/3yr |\n"
            "| **Cash Flow (FY2025)** | Operating CF | $111.48B | Robust |\n| | Buybacks | $90.71B | |\n")


def test_blank_cells_of_a_category_column_continue_its_group(reg):
    d = _draft(reg, KEY_DATA, "46.9%")
    assert (d.entity, d.property) == ("apple", "gross-margin")
    d = _draft(reg, KEY_DATA, "$90.71B")
    assert (d.entity, d.property) == ("apple", "share-buybacks")


def test_line_nearest_the_amount_labels_it(reg):
    # ("Cash Flow (FY2025)" names the group, "Operating CF" the line)
    d = _draft(reg, KEY_DATA, "$111.48B")
    assert (d.entity, d.property) == ("apple", "operating-cash-flow")
    assert _draft(reg, KEY_DATA, "$416.16B").property == "revenue"


def test_price_row_is_the_share_price(reg):
    d = _draft(reg, KEY_DATA, "$259.37")
    assert (d.entity, d.property) == ("apple", "share-price")
    assert _draft(reg, KEY_DATA, "$3.833T").property == "valuation"


# public GitHub Markdown (an AI-commoditisation note's capex breakdown; find_string id 67568332387)
def test_projected_year_column_holds_the_line_of_its_sibling(reg):
    text = ("### Per-Company Breakdown\n\n| Company | 2025 Capex | 2026 Projected |\n|---|---|---|\n"
            "| Amazon | ~$100B+ | ~$200B |\n| Meta | $66-72B (double prior year) | $115-135B |\n")
    d = _draft(reg, text, "~$200B")
    assert (d.entity, d.property) == ("amazon", "capex")
    assert _draft(reg, text, "$115-135B").property == "capex"


# public GitHub Markdown (an exit analysis's comparable deals; find_string id 51977180641)
def test_acquirer_column_names_no_figure(reg):
    text = ("### Comparable Transactions\n\n| Company | Acquirer | Price | Revenue | Multiple | Date |\n"
            "|---|---|---|---|---|---|\n| W&B | CoreWeave | $1.7B | ~$164M est. | ~10x | Mar 2025 |\n"
            "| Moveworks | ServiceNow | $2.85B | ~$100M ARR | ~28x | Mar 2025 |\n")
    assert _draft(reg, text, "$2.85B").entity != "servicenow"
    d = _draft(reg, text, "$1.7B")
    assert (d.entity, d.property) == ("weights-and-biases", "purchase-price")


# public GitHub Markdown (the same trading report's annual history)
def test_scale_of_the_corner_gives_bare_numbers(reg):
    text = ("# Apple Inc. (AAPL) — Comprehensive Fundamental Report\n\n## 3. Annual Financial History (FY2021–FY2025)\n\n"
            "| Metric ($B unless noted) | FY2025 | FY2024 |\n|---|---:|---:|\n| Total revenue | 416.16 | 391.04 |\n"
            "| **Gross margin %** | **46.9%** | **46.2%** |\n| Diluted avg shares (B) | 15.00 | 15.41 |\n")
    d = _draft(reg, text, "416.16")
    assert (d.value, d.unit, d.entity, d.property) == (416.16, "billion USD", "apple", "revenue")
    assert _draft(reg, text, "46.9%").unit == "percent"
    assert "15.00" not in [d.raw for d in extract_text(text, reg)]


# public GitHub Markdown (an AI market note's funding rounds; find_string id 48060631001)
def test_funded_ai_start_ups_are_in_the_registry(reg):
    text = ("## Key Funding Rounds (2025-2026)\n\n| Company | Round | Amount | Valuation | Sector |\n|---|---|---|---|---|\n"
            "| **World Labs** | Series B | **$1B** (Feb 18, 2026) | — | Spatial AI / world models |\n"
            "| **SkildAI** | Series C | **$1.4B** | **$14B** | Robotics foundation model |\n")
    assert _draft(reg, text, "$1B").entity == "world-labs"
    d = _draft(reg, text, "$14B")
    assert (d.entity, d.property) == ("skild-ai", "valuation")


def test_weights_and_biases_of_a_model_are_no_company(reg):
    # (a model's parameters: "The weights and biases stored in the model")
    text = "- **Model Parameters**: The weights and biases stored in the model (e.g., 7B parameters * 2 bytes for BF16 = ~14GB)\n"
    assert all(d.entity != "weights-and-biases" for d in extract_text(text, reg))
