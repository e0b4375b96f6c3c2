"""tab67: leftovers of the table helpers, each rule built on a short quote of a public table in no
corpus (GitHub Markdown found with the ``find_string`` tool; the ids are that tool's), or a
paraphrase of one.

- a table whose other columns say what generates power ("Turbine / Engine", "Fuel") lists plants:
  its capacities are generating capacity, even in a row named after the data centre the plant
  powers (before, that row's capacity was the facility's power).
- a bare multiple in brackets after a cloud instance's name ("p5.48xlarge (8×)") counts its GPUs
  (before, MIG instances or a ratio).
- an earlier value in brackets in a later cell of a row ("| $2.99 | cut (was $4.33) |") carries the
  rate of the row's price (before, a purchase price in plain dollars).
- a memory type named in another column's cell ("80 GB HBM3" beside "44 GB SRAM"), or in the row
  label where the number's own cell names another memory, owns none of the figures (before, the
  WSE-3's 44 GB were HBM3's).
"""
from __future__ import annotations

import pytest

from conftest import draft_of


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


_draft = draft_of


# find_string id 56807240838 (permits for on-site generation at data centres)
SITES = ("## Identified data center sites\n\n"
         "| Site Name | County Name | Capacity (MW) | Turbine / Engine | OEM | Status |\n"
         "| --- | --- | --- | --- | --- | --- |\n"
         "| Circe Energy Data Centers E Monahans Campus | Ward | 400 | HSK78G | Cummins | Permitted |\n"
         "| Featherwood Energies Pecos Plant | Reeves | 931 | SGT-800 | Siemens Energy | Permitted |\n")


def test_turbine_column_makes_every_capacity_generating(reg):
    assert _draft(reg, SITES, "400").property == "generating-capacity"
    assert _draft(reg, SITES, "931").property == "generating-capacity"


def test_data_centre_table_without_generator_column_keeps_facility_power(reg):
    text = ("| Site Name | County | Capacity (MW) | Status |\n| --- | --- | --- | --- |\n"
            "| Circe Energy Data Centers E Monahans Campus | Ward | 400 | Permitted |\n")
    assert _draft(reg, text, "400").property == "facility-power"


def test_it_load_column_beside_a_fuel_column_stays_facility_power(reg):
    text = ("| Campus | IT load (MW) | Fuel |\n| --- | --- | --- |\n"
            "| Abilene data center campus | 1,200 | Gas |\n")
    assert _draft(reg, text, "1,200").property == "facility-power"


# paraphrase of find_string id 56675897915 ("p5.48xlarge (8×H100) $55.04/hr → ~$6.88/GPU/hr")
def test_bare_multiple_after_an_instance_counts_its_gpus(reg):
    text = ("| Cloud | Instance | Price |\n|---|---|---|\n"
            "| AWS | p5.48xlarge (8×) | $55.04/hr ÷ 8 = $6.88/GPU-hr |\n")
    d = _draft(reg, text, "8×")
    assert (d.unit, d.property, d.entity) == ("GPU", "gpu-count", "aws-p5.48xlarge")
    d = _draft(reg, text, "$55.04/hr")
    assert (d.entity, d.conditions.get("scope")) == ("aws-p5.48xlarge", None)


def test_multiple_after_a_gpu_name_is_no_gpu_count(reg):
    d = _draft(reg, "The H100 (3x) beats the A100 on training.", "3x")
    assert d.unit == "x"


# paraphrase of find_string id 58617604121 ("$165/month (was $220)") set in a rental table
def test_earlier_value_in_a_notes_cell_carries_the_rows_rate(reg):
    text = ("| Provider | GPU | Price/hr | Notes |\n|---|---|---|---|\n"
            "| Lambda | H100 80GB | $2.99 | cut in March (was $4.33) |\n")
    d = _draft(reg, text, "$4.33")
    assert (d.unit, d.property) == ("USD/hour", "rental-price")


def test_plain_amount_in_a_notes_cell_keeps_its_own_unit(reg):
    text = ("| Provider | GPU | Price/hr | Notes |\n|---|---|---|---|\n"
            "| Lambda | H100 80GB | $2.99 | one-off setup fee $50 |\n")
    assert _draft(reg, text, "$50").unit == "USD"


# find_string id 54532434887 (an H100 / Cerebras WSE-3 architecture comparison)
def test_memory_type_of_another_column_owns_no_figure(reg):
    text = ("| Spec | H100 | WSE-3 |\n|---|---|---|\n| Memory | 80 GB HBM3 | 44 GB SRAM |\n")
    assert _draft(reg, text, "44 GB").entity != "hbm3"
    assert _draft(reg, text, "80 GB").entity == "nvidia-h100"


def test_memory_type_in_the_label_yields_to_the_cells_own_memory(reg):
    text = "| Metric | WSE-3 |\n|---|---|\n| On-chip memory (vs HBM3) | 44 GB SRAM |\n"
    assert _draft(reg, text, "44 GB").entity != "hbm3"


def test_memory_type_row_label_still_owns_its_stack(reg):
    text = "| Memory | Capacity per stack |\n|---|---|\n| HBM3 | 24 GB |\n| HBM3e | 36 GB |\n"
    assert _draft(reg, text, "24 GB").entity == "hbm3"
    assert _draft(reg, text, "36 GB").entity == "hbm3e"


# tab65's leftovers (company tables)

# find_string id 53282450912 (an NVIDIA financial analysis)
def test_money_unit_in_a_row_labels_brackets_is_the_rows_unit(reg):
    text = ("| Métrica | FY2023 | FY2024 | FY2025 |\n|---------|--------|--------|--------|\n"
            "| Revenue ($B) | 26.97 | 60.92 | 130.50 |\n| Net Income ($B) | 4.37 | 29.76 | 72.88 |\n")
    d = _draft(reg, text, "60.92")
    assert (d.unit, d.property, d.conditions.get("period")) == ("billion USD", "revenue", "FY2024")
    assert _draft(reg, text, "72.88").property == "net-income"


def test_assumed_price_in_a_label_is_still_no_unit_of_the_row(reg):
    text = "| Item | Cost |\n|---|---|\n| Colocation (@$170/kW/month) | $2,040 |\n"
    assert _draft(reg, text, "$2,040").unit == "USD"


# paraphrase of find_string id 52013092986 ("| Diluted EPS ($) | $2.18 |" beside "| Revenue ($B) |")
def test_bare_currency_corner_with_a_per_share_row(reg):
    text = ("| $B | FY2024 | FY2025 |\n|---|---|---|\n| Revenue | 60.9 | 130.5 |\n"
            "| EPS ($) | 1.19 | 2.94 |\n")
    assert _draft(reg, text, "130.5").unit == "billion USD"
    d = _draft(reg, text, "2.94")
    assert (d.unit, d.property) == ("USD", "earnings-per-share")


# find_string id 55758491981 (a company's snapshot metrics), under a heading naming the company
def test_valuation_multiples_are_the_heading_companys_ratios(reg):
    text = ("## Broadcom (AVGO)\n\n### Snapshot metrics (yfinance, live)\n\n| Metric | Value |\n|---|---|\n"
            "| Market cap | $1,957.0B |\n| Trailing PE | 68.4× |\n| EV/EBITDA | 47.6× |\n")
    for raw in ("68.4×", "47.6×"):
        d = _draft(reg, text, raw)
        assert (d.property, d.entity) == ("ratio", "broadcom")


# paraphrase of find_string id 56675897915 ("p5.48xlarge (8×H100) $55.04/hr → ~$6.88/GPU/hr")
def test_instance_named_before_an_hourly_rate_in_its_cell_rents_it(reg):
    text = ("| GPU | Cheapest | Hyperscaler |\n|---|---|---|\n"
            "| H100 SXM | $2.49/hr | $6.88/hr (AWS p5.48xlarge $55.04/hr ÷ 8) |\n")
    assert _draft(reg, text, "$55.04/hr").entity == "aws-p5.48xlarge"
    assert _draft(reg, text, "$2.49/hr").entity == "nvidia-h100-sxm"
