"""tab63: company-finance tables (rows of companies, or of one company's periods, with money and
percent columns), each rule built on short quotes of public tables that are not in the corpus.

- a table that names nothing, under headings of which the nearest naming anything names one
  company ("## Amazon (AWS)" over "### Capital Expenditure History"; a bracketed second name
  glossing the first), gives that company its cells; before, each row was a new thing of the
  article's own ("2023", "Total Revenue"). The article's title keeps its own rule.
- a money cell under a column header with a scale ("| Capex ($B) |" over "| $77 |") takes the
  scale though it writes its currency sign again; before, 77 dollars.
- a percent written with its plus sign ("$357.5B (+64.5%)", "~$50B (+136%)") and a percent
  under a "Δ%" column are changes; before, shares or ratios.
- a "Price" column in a company's row is its share price; before, a purchase price.
- a "Notes" column's names and a cell naming three companies or more give the row no company.
- a percent under a period column ("| FY2024 (Jan '24) |") has that period.
- "EPS" is a cue of earnings per share; listed companies such tables name are in the registry.
"""
from __future__ import annotations

import pytest

from conftest import draft_of


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


_draft = draft_of


# JKershaw/market-accurate, analysis/hyperscaler-capex-2026-01.md
AMAZON = ("# Company-by-Company Analysis\n\n## Amazon (AWS)\n\n### Capital Expenditure History\n\n"
          "| Period | Capex ($B) | YoY Change | Notes |\n|--------|-----------|------------|-------|\n"
          "| 2023 | ~$53 | -16% | Trimmed datacenter spending |\n"
          "| 2024 | $77 | +45% | AI acceleration began |\n")
META = ("## Meta\n\n### Capital Expenditure History\n\n"
        "| Period | Capex ($B) | YoY Change | Notes |\n|--------|-----------|------------|-------|\n"
        "| 2023 | $28.1 | -9% | Reality Labs pullback |\n"
        "| 2024 | $37.3 | +33% | AI pivot began |\n")


def test_heading_glossed_company_gives_a_period_table_its_company(reg):
    d = _draft(reg, AMAZON, "$77")
    assert (d.entity, d.property) == ("amazon", "capex")
    assert _draft(reg, AMAZON, "45%").entity == "amazon"


def test_heading_company_despite_a_name_in_the_notes_column(reg):
    assert _draft(reg, META, "$28.1").entity == "meta"


def test_column_scale_applies_to_a_cell_that_writes_its_currency(reg):
    d = _draft(reg, AMAZON, "$77")
    assert (d.value, d.unit) == (77.0, "billion USD")
    assert _draft(reg, META, "$37.3").unit == "billion USD"


# public GitHub Markdown (a research vault's "## NVIDIA (NVDA)" page; find_string id 22056355526)
NVDA = ("## NVIDIA (NVDA)\n\n### Financials\n\n"
        "| Metric | FY2024 (Jan '24) | FY2025 (Jan '25) | FY2026 (trailing) |\n"
        "|--------|-----------------|-----------------|-------------------|\n"
        "| Total Revenue | $60.9B | $130.5B | ~$187B (TTM Oct '25) |\n"
        "| Data Center Revenue | $47.5B | $115.2B | ~$165B (TTM) |\n"
        "| Gross Margin | ~72% | ~75% | ~73.4% |\n")


def test_heading_company_two_levels_up_and_its_property(reg):
    d = _draft(reg, NVDA, "$60.9B")
    assert (d.entity, d.property) == ("nvidia", "revenue")
    d = _draft(reg, NVDA, "$47.5B")
    assert (d.entity, d.property) == ("nvidia", "revenue")


def test_percent_under_a_period_column_has_its_period(reg):
    d = _draft(reg, NVDA, "~72%")
    assert (d.entity, d.property, d.conditions.get("period")) == ("nvidia", "gross-margin", "FY2024")


# public GitHub Markdown (an investment thesis's pillar tracker; find_string id 61980676106)
PILLARS = ("## Thesis pillars\n\n| # | Pillar | How it gets tested | Status |\n|---|---|---|---|\n"
           "| 1 | Hyperscaler capex keeps growing | Combined MSFT / GOOGL / AMZN / META capex, year over year "
           "| **On track** - $357.5B, +64.5% |\n\n### Pillar 1, measured 2026-08-16\n\n| | 2024 | 2025 |\n|---|---|---|\n"
           "| Microsoft | $44.5B | $115.9B |\n| **Combined** | **$217.3B** | **$357.5B (+64.5%)** |\n")


def test_cell_naming_four_companies_gives_the_row_none_of_them(reg):
    assert _draft(reg, PILLARS, "$357.5B").entity != "microsoft"


def test_plus_signed_percent_is_a_change(reg):
    assert _draft(reg, PILLARS, "64.5%", 1).property == "change"
    assert _draft(reg, PILLARS, "64.5%", 0).property == "change"


# public GitHub Markdown (a capex table: "| Oracle | — | ~$50B (+136%) | $523B RPO |"; find_string id 67532731745)
def test_bracketed_plus_percent_after_an_amount_is_a_change(reg):
    text = ("### 10.1 AI capex (CONFIRMED guidance; totals are analyst sums)\n"
            "| Company | 2025 actual | 2026 guidance (Feb) | Mid-year revision |\n|---|---|---|---|\n"
            "| Amazon | $125B | ~$200B | — |\n| Oracle | — | ~$50B (+136%) | $523B RPO |\n")
    d = _draft(reg, text, "136%")
    assert (d.entity, d.property) == ("oracle", "change")


# public GitHub Markdown (a testnet's market list; find_string id 55947751070)
MARKETS = ("#### Equities\n| Ticker | Name | Price | Δ% |\n|--------|------|-------|-----|\n"
           "| INTC | Intel | $108.75 | −5.77% |\n| NVDA | NVIDIA | $224.08 | +5.32% |\n")


def test_price_column_of_a_company_row_is_a_share_price(reg):
    d = _draft(reg, MARKETS, "$224.08")
    assert (d.entity, d.property) == ("nvidia", "share-price")


def test_delta_percent_column_is_a_change(reg):
    d = _draft(reg, MARKETS, "5.32%")
    assert (d.entity, d.property) == ("nvidia", "change")


# public GitHub Markdown (a hyperscaler capex summary; find_string id 51775548023)
def test_name_in_a_notes_column_is_not_the_rows(reg):
    text = ("## Hyperscaler AI Capex Summary\n\n| Year | Total CapEx (Big 5) | YoY Growth | Notes |\n"
            "|------|-------------------|------------|-------|\n| 2023 | ~$157B | — | AI spending accelerating |\n"
            "| 2024 | ~$256B | +63% | NVIDIA AI revenue explodes |\n")
    assert _draft(reg, text, "~$256B").entity != "nvidia"


# public GitHub Markdown (an AMD section of an accelerator market note; find_string id 60053957595)
def test_caption_company_gives_kindless_cells_of_a_nameless_table(reg):
    text = ("#### 2.2 AMD: The strongest challenger\n\n| Metric | Data |\n|------|------|\n"
            "| AI accelerator market share | About 5-7% |\n"
            "| Data center revenue | Record $4.3 billion in Q3 2025 (+22%) |\n")
    d = _draft(reg, text, "22%")
    assert (d.entity, d.property) == ("amd", "change")
    assert _draft(reg, text, "5-7%").entity == "amd"


# public GitHub Markdown (an EDA peers scoreboard; find_string id 59326244363)
def test_tickers_in_column_headers_name_listed_companies(reg):
    text = ("## 4. Segment structure & financial scoreboard\n\n| Metric | SNPS FY2025 | CDNS FY2025 | Spread |\n"
            "|---|---|---|---|\n| Total revenue | **$7,054M** | $5,297M | SNPS larger by $1.76B |\n")
    d = _draft(reg, text, "$7,054M")
    assert (d.entity, d.property) == ("synopsys", "revenue")
    assert _draft(reg, text, "$5,297M").entity == "cadence-design-systems"


# public GitHub Markdown (a sector valuation table; find_string id 70523599915)
def test_telecom_rows_are_registry_companies(reg):
    text = ("### Sector Valuation Metrics\n\n| Company | Market Cap | P/E (TTM) | Net Margin |\n"
            "|---------|-----------|-----------|------------|\n| AT&T | ~$185.3B | 8.67 | 17.42% |\n"
            "| Verizon | ~$194.2B | 11.34 | 12.43% |\n")
    assert _draft(reg, text, "~$185.3B").entity == "att"
    assert _draft(reg, text, "~$194.2B").entity == "verizon"


# JKershaw/market-accurate's source: "Non-GAAP EPS" rows of quarterly tables; "EPS" alone a cue
def test_eps_row_is_earnings_per_share(reg):
    text = "## Results\n\n| Metric | Q4 FY26 |\n|---|---|\n| Diluted EPS | $0.15 |\n"
    assert _draft(reg, text, "$0.15").property == "earnings-per-share"
