"""Table readings designed on dev-B articles (session 23, tbl52): what a table's header, row label
and columns say about each cell's unit and whose figure it is. Short quotes of the dev-B
articles that showed each gap (``_read_table`` in kb/extract/drafts.py, ``_entity_candidates``
in kb/extract/linking.py).
"""
from __future__ import annotations

from kb.extract.drafts import extract_text


def _drafts(project_registry, text, value):
    return [d for d in extract_text(text, project_registry) if d.value == value]


def test_a_capex_column_per_year_holds_amounts(project_registry):
    # r16-abundant-intelligence: "Capex Burden (BUSD/yr)" is each company's capex for the year
    text = ("| Company | Scenario Market Cap (TUSD) | Baseline (TUSD) | Incremental Steady-State NI (BUSD) "
            "| Capex Burden (BUSD/yr) |\n"
            "| --- | ---: | ---: | ---: | ---: |\n"
            "| Microsoft | **6.46** | 3.82 | 91.3 | 326.1 |\n"
            "| Meta | **2.69** | 1.90 | 45.7 | 163.1 |\n")
    ds = _drafts(project_registry, text, 326.1)
    assert [(d.unit, d.property, d.entity) for d in ds] == [("billion USD", "capex", "microsoft")]


def test_annualized_interest_expense_is_an_amount(project_registry):
    # r73-coreweave-q3-2025-analysis: an expense "annualized" is no annualized revenue
    text = ("| Metric | Bull | Base | Bear |\n"
            "|---|---|---|---|\n"
            "| Capex | $24.0B | $24.0B | $24.0B |\n"
            "| Annualized Interest Expense | $1.8B | $1.9B | $1.9B |\n")
    ds = _drafts(project_registry, text, 1.8)
    assert [(d.unit, d.property) for d in ds] == [("billion USD", "interest-expense")]


def test_a_cost_per_exchange_column(project_registry):
    # r111-counting-pennies-genai: "# of Exchanges" counts requests; "(Average Cost Per)" is per exchange
    text = ("| # of Exchanges | OpenAI (Total Cost) | AWS (Average Cost Per) | Google Cloud (Average Cost Per) |\n"
            "|---------------:|---------------------|------------------------|---------------------------------|\n"
            "|       \t5000 |          \t$90.00 |              \t$4.78 |                       \t$5.92 |\n"
            "|     \t50,000 |         \t$900.00 |              \t$0.48 |                       \t$0.59 |\n")
    assert [(d.unit, d.property) for d in _drafts(project_registry, text, 5000.0)] == [("query", "request-count")]
    assert [(d.unit, d.property) for d in _drafts(project_registry, text, 4.78)] == [("USD/query", "cost-per-query")]
    assert [d.unit for d in _drafts(project_registry, text, 90.0)] == ["USD"]


def test_a_total_rows_hundred_percent_is_no_claim(project_registry):
    # r02-h100-pcie-vs-sxm: the total's share of itself
    text = ("| Cost Component | Per GPU-Hour | % of TCO |\n"
            "|---------------|-------------|----------|\n"
            "| Electricity | $0.16 | 9.3% |\n"
            "| Other IT equipment | $0.12 | 7.0% |\n"
            "| **Total** | **$1.70** | 100% |\n")
    ds = extract_text(text, project_registry)
    assert 100.0 not in [d.value for d in ds] and 1.7 in [d.value for d in ds]


def test_a_ratio_row_under_a_power_column(project_registry):
    # r121-edge-datacenter-container: "PUE" names its own figure, not kilowatts
    text = ("| Component                            | Power (kW) |\n"
            "|--------------------------------------|------------|\n"
            "| IT Load (GPU, Servers)               | 144        |\n"
            "| **Total Facility Load**              | **183**    |\n"
            "| **PUE**                              | **1.27**   |\n")
    assert [(d.unit, d.property) for d in _drafts(project_registry, text, 1.27)] == [("x", "pue")]
    assert [d.unit for d in _drafts(project_registry, text, 183.0)] == ["kW"]


def test_a_part_named_before_its_spec_in_the_same_cell(project_registry):
    # r113-deep-learning-build-2k: the cell names the part, then its spec
    text = ("| Component    | Selection                                                | Price        |\n"
            "|--------------|----------------------------------------------------------|--------------|\n"
            "| GPU          | PNY XLR8 RGB GeForce RTX 3090 24 GB Video Card (Used)    | $1200.00     |\n"
            "| CPU          | AMD Ryzen 5 5600G 3.9 GHz 6-Core Processor               | $209.00      |\n")
    assert [d.entity for d in _drafts(project_registry, text, 24.0)] == ["nvidia-geforce-rtx-3090"]
    assert [d.entity for d in _drafts(project_registry, text, 3.9)] == ["amd-ryzen-5-5600g"]


def test_a_column_of_models_by_size_counts_parameters(project_registry):
    # r123-inference-calculator-notes: "7B" under "Suitable Models" is a model of seven billion parameters
    text = ("| Hardware   | Memory (GB) | Cost/Hour (Cloud) | Suitable Models          |\n"
            "| ---------- | ----------- | ----------------- | ------------------------ |\n"
            "| A100       | 40          | \\$2.5             | All models (up to GPT-4) |\n"
            "| T4         | 16          | \\$0.35            | 7B only                  |\n"
            "| RTX 4090   | 24          | \\$0.0 (local)     | 7B, some 13B (quantized) |\n")
    ds = [d for d in extract_text(text, project_registry) if d.value in (7.0, 13.0)]
    assert [(d.value, d.unit, d.property) for d in ds] == [(7.0, "billion parameter", "parameters-total")] * 2 \
        + [(13.0, "billion parameter", "parameters-total")]


def test_a_rule_line_of_single_dashes_and_a_stack_height(project_registry):
    # r04-accelerators-chapter: "| :---  | --: | ---:  | -: |" is the table's rule line, and a stack's
    # height counts its dies
    text = ("| Gen | Data Rate<br> (Gbps) | Bandwidth per<br> Device (GBps) | Stack<br> Height |\n"
            "| :---  | --: | ---:  | -: |\n"
            "| HBM2  | 2.0 |   256 |  8 |\n"
            "| HBM2e | 3.6 |   461 | 12 |\n")
    assert [(d.unit, d.property) for d in _drafts(project_registry, text, 12.0)] == [("item", "count")]


def test_a_lone_dash_row_is_no_rule_line():
    from kb.extract.tables import find_pipe_tables
    text = "| Round | Amount |\n|---|---|\n| Seed | - |\n| - | - |\n| Series A | $5M |\n"
    (t,) = find_pipe_tables(text)
    assert [r[0].text for r in t.rows] == ["Seed", "-", "Series A"]
