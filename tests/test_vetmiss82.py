"""Readings that made `kb vet` flag correct numbers of fresh articles (session 41, vetmiss82).

Each case is a short quoted or adapted form of the real text that needed the rule: a GPU price
list's value-for-money columns ("VRAM/$"), a section of payback periods, a burst capacity set
against the average level.
"""
from __future__ import annotations

import pytest

from kb.core.grammar import header_unit
from conftest import drafts_by_raw


@pytest.mark.parametrize("header", ["VRAM/$", "BW/$", "FP16 TFLOPS/$", "TFLOPS per dollar"])
def test_an_amount_per_dollar_header_names_no_dollars(header):
    # "| VRAM/$ |" over 64.09: gigabytes a dollar buys, not a price of 64.09 USD
    assert header_unit(header) is None


@pytest.mark.parametrize("header, cur, den", [
    ("$/hr", "USD", "hour"),          # money first: a price per hour
    ("Price ($/M tokens)", "USD", "token"),
    ("Cost/$", "USD", None),          # money over money stays money
])
def test_a_price_header_keeps_its_money(header, cur, den):
    q = header_unit(header)
    assert q is not None and q.cur == cur and q.den == den


def test_tokens_per_dollar_is_still_a_count_per_dollar():
    q = header_unit("Tokens/$")
    assert q is not None and q.atom == "token" and q.den == "USD"


FLUIDSTACK = """\
| GPU       | VRAM  | Price/hr | VRAM/$ | BW/$    | FP16 TFLOPS/$ |
| --------- | ----- | -------- | ------ | ------- | ------------- |
| H100      | 80GB  | $1.99    | 40.20  | 1507.54 | 496.98        |
"""


def test_value_for_money_columns_are_no_purchase_prices(project_registry):
    got = drafts_by_raw(FLUIDSTACK, project_registry)
    assert got["$1.99"].property == "rental-price"
    assert got["80GB"].property == "memory-capacity"
    for raw in ("40.20", "1507.54", "496.98"):
        assert raw not in got or got[raw].property != "purchase-price"


PAYBACK = """\
#### Investment Payback Periods
- **GPU Clusters**: 8-12 months payback period
- **Data Centers**: 24-36 months for custom facilities
- **R&D Infrastructure**: 18-24 months for model improvements
"""


def test_spans_under_a_payback_heading_are_payback_periods(project_registry):
    got = drafts_by_raw(PAYBACK, project_registry)
    assert [got[r].property for r in ("8-12 months", "24-36 months", "18-24 months")] == ["payback-period"] * 3


def test_a_span_under_another_heading_stays_a_run_time(project_registry):
    text = "#### Batch jobs\n- **Nightly embedding**: 3 hours on one GPU\n"
    assert drafts_by_raw(text, project_registry)["3 hours"].property != "payback-period"


@pytest.mark.parametrize("text, raw, prop", [
    ("- **Burst Capacity**: 150% of average for traffic spikes\n", "150%", "ratio"),
    # "of the average" followed by the thing averaged is a part of that whole, as before
    ("- 37% of the average American's annual household electricity emissions\n", "37%", "share"),
])
def test_a_percentage_of_the_average_level_is_a_ratio(project_registry, text, raw, prop):
    assert drafts_by_raw(text, project_registry)[raw].property == prop
