"""Property rules designed on dev-B articles (session 24, prop54): the power of plants, changes
written with a plus sign, a saver's holdings. Short quotes of the dev-B articles that showed each
gap.
"""
from __future__ import annotations

from kb.extract.drafts import extract_text


def _drafts(project_registry, text, unit):
    return [d for d in extract_text(text, project_registry) if d.unit == unit]


# --- the power of plants, not of a data centre ----------------------------------------------

def test_a_power_of_power_plants_is_generating_capacity(project_registry):
    # r147-trillion-dollar-cluster
    text = ("Natural gas power plants seem to be under $1000 per kW, meaning the capex for 100GW of "
            "natural gas power plants would be about $100 billion.")
    ds = [d for d in _drafts(project_registry, text, "GW") if d.value == 100]
    assert [d.property for d in ds] == ["generating-capacity"]


def test_a_power_of_a_cluster_stays_facility_power(project_registry):
    # r147-trillion-dollar-cluster: "of power" names no plant
    text = "The 100GW of power it'll require is equivalent to >20% of US electricity production today."
    ds = [d for d in _drafts(project_registry, text, "GW") if d.value == 100]
    assert [d.property for d in ds] == ["facility-power"]


# --- a percentage with a plus sign of its own -----------------------------------------------

def test_a_signed_percentage_is_a_change(project_registry):
    # r46-ai-datacenter-power-revolution
    text = "Liquid cooling penetration:\n- 2024: 14% of AI datacenters\n- 2025E: 33% (+136%)\n"
    ds = [d for d in _drafts(project_registry, text, "percent") if d.value == 136]
    assert [d.property for d in ds] == ["change"]


def test_a_percentage_followed_by_a_plus_stays_a_share(project_registry):
    # r46-ai-datacenter-power-revolution: "60%+" is at least 60%, no sign of a change
    text = "- 2027E: 60%+ of AI datacenters\n"
    ds = [d for d in _drafts(project_registry, text, "percent") if d.value == 60]
    assert ds and all(d.property != "change" for d in ds)


# --- a saver's holdings are an investment ---------------------------------------------------

def test_money_in_a_retirement_account_is_an_investment(project_registry):
    # r145-401k-ai-exposure
    text = "For **$100,000 in a typical workplace 401k** (e.g., Fidelity Freedom 2055):"
    ds = [d for d in _drafts(project_registry, text, "USD") if d.value == 100000]
    assert [d.property for d in ds] == ["investment"]


def test_money_in_holdings_is_an_investment(project_registry):
    # r145-401k-ai-exposure
    text = "- Most of this tracks large-cap (S&P 500-like) → conservatively ~80% = **$43,200 in S&P 500-like holdings**"
    ds = [d for d in _drafts(project_registry, text, "USD") if d.value == 43200]
    assert [d.property for d in ds] == ["investment"]


# --- an amount "at" which each unit is counted ----------------------------------------------

def test_an_amount_after_an_at_sign_is_a_unit_price(project_registry):
    # r02-h100-pcie-vs-sxm
    text = ("| Item | SXM cluster | PCIe cluster |\n|---|---|---|\n"
            "| GPU cost (@$37.5K SXM, @$32K PCIe) | $2,400,000 | $2,048,000 |\n")
    ds = [d for d in extract_text(text, project_registry) if d.value in (37.5, 32)]
    assert [d.property for d in ds] == ["purchase-price", "purchase-price"]


# --- an amount with a plus sign of its own --------------------------------------------------

def test_a_signed_energy_is_a_difference(project_registry):
    # r52-us-china-dc-energy
    text = "- Data center electricity use projected to increase **+90 TWh by 2030** and **+440 TWh by 2050** above 2022 baseline"
    ds = _drafts(project_registry, text, "TWh")
    assert [(d.value, d.property) for d in ds] == [(90, "difference"), (440, "difference")]
    assert {d.numerator for d in ds} == {"electricity-use"}


def test_a_signed_amount_of_money_is_a_difference_of_the_company(project_registry):
    # r73-coreweave-q3-2025-analysis
    text = ("CoreWeave's operating cash flow was strong. Working capital release (deferred revenue +$659.3M, "
            "payables +$622.4M) drove quarterly operating cash flow.")
    ds = [d for d in extract_text(text, project_registry) if d.value in (659.3, 622.4)]
    assert [d.property for d in ds] == ["difference", "difference"]
    assert [d.entity for d in ds] == ["coreweave", "coreweave"]


def test_a_sum_of_two_amounts_has_no_signed_difference(project_registry):
    # r52-us-china-dc-energy: "+ 890 GW" adds a second amount, no sign of its own
    text = "- **Current backlog**: 1,400 GW generation + 890 GW storage seeking interconnection"
    ds = [d for d in _drafts(project_registry, text, "GW") if d.value == 890]
    assert ds and all(d.property != "difference" for d in ds)


# --- the power of a whole machine is what it draws ------------------------------------------

def test_the_power_of_boxes_is_a_draw(project_registry):
    # r116-gpu-spec-cheatsheet
    text = "Two such boxes—or one big quad-GPU chassis—push well beyond 1.3 kW. On a standard U.S. circuit that trips breakers."
    ds = _drafts(project_registry, text, "kW")
    assert [d.property for d in ds] == ["power-draw"]


# --- an amount written before a piece of hardware's name ------------------------------------

def test_an_amount_before_a_hardware_name_is_its_price(project_registry):
    # r103-local-ai-cost-return
    text = ("With RDMA, latency drops from\n~300us to <50us. This means you can start with one $3,500 M4 Max, prove "
            "utilization, then add\nmachines incrementally -- instead of betting $9,500 on a single box.\n")
    ds = [d for d in _drafts(project_registry, text, "USD") if d.value == 3500]
    assert [(d.property, d.entity) for d in ds] == [("purchase-price", "apple-m4-max")]


# --- profit only where a word of profit is near ---------------------------------------------

def test_an_amount_spent_is_no_profit(project_registry):
    # r68-a-really-big-computer
    text = "Rough budget:\n\n- $50M in chip design NRE\n- $69M from TSMC for the 3450 wafers\n- $31M to finish out the wafer computers\n"
    ds = [d for d in _drafts(project_registry, text, "million USD")]
    assert len(ds) == 3
    assert not [d.property for d in ds if d.property in ("net-income", "gross-profit")]


def test_a_named_profit_stays_net_income(project_registry):
    text = "Nvidia reported net income of $22.1 billion for the quarter, and the company earned $43 billion a year later."
    ds = _drafts(project_registry, text, "billion USD")
    assert [d.property for d in ds] == ["net-income", "net-income"]
