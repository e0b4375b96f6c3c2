"""Property rules designed on dev-B articles (session 23, prop52): growth per year, measured
power, prices of hardware and changes against a year before. Short quotes of the dev-B articles
that showed each gap.
"""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text


def _drafts(project_registry, text, unit):
    return [d for d in extract_text(text, project_registry) if d.unit == unit]


# --- growth per year named around a percentage ----------------------------------------------

@pytest.mark.parametrize("text, value", [
    # r101-virginia-data-center-demand
    ("The 3.9% average year-over-year growth in Virginia can be contrasted to the same data.", 3.9),
    ("On average, in this limited data set of 53 months, the average year-over-year increase was 3.9%.", 3.9),
    # r52-us-china-dc-energy
    ("- **1970s peak**: ~100 TWh/year absolute additions at 4-5% growth rates", None),
    # r16-abundant-intelligence
    ("Nine-year ramp (2026-2034), 10% discount rate, 3% terminal growth, and rerated multiples.", 3),
])
def test_an_average_or_a_named_growth_rate_is_growth_per_year(project_registry, text, value):
    ds = [d for d in _drafts(project_registry, text, "percent") if value is None or d.value == value]
    if value is None:
        ds = [d for d in ds if d.qualifier == "range"]
    assert [d.property for d in ds] == ["growth-rate"]


def test_an_annual_decline_is_growth_per_year(project_registry):
    # r103-local-ai-cost-return
    text = "at 80% annual cloud price decline and less than 25% utilization, most setups never break even."
    ds = [d for d in _drafts(project_registry, text, "percent") if abs(d.value) == 80]
    assert [d.property for d in ds] == ["growth-rate"]


# --- what hardware drew, not its rating -----------------------------------------------------

def test_a_gpu_that_churned_at_a_wattage_drew_it(project_registry):
    # r109-homelab-gpu-power-monitoring
    text = "For 9 hours, my GPU churned at 347W, consuming 3.12 kWh and costing me roughly $0.37."
    ds = [d for d in _drafts(project_registry, text, "W") if d.value == 347]
    assert [d.property for d in ds] == ["power-draw"]


def test_a_chip_that_drew_its_rating_stays_a_tdp(project_registry):
    # r55-seven-gigawatt-problem: a generation's chip "drew" its rated power ("drew" is no
    # word a measured draw needs)
    text = "The previous generation H100 drew 700 watts. That's a 71% increase in power per chip."
    ds = [d for d in _drafts(project_registry, text, "W") if d.value == 700]
    assert [d.property for d in ds] == ["tdp"]


# --- prices of hardware ---------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    # r89-llm-hardware
    ("then you're looking at hardware costs of approximately **$5000** to support 1000 users.", 5000),
    ("That's with 192GB of memory so you're looking at a system cost of $5,599.", 5599),
    # r18-llm-moores-law
    ("At $199,000 a piece, and factoring in networking equipment, hosting costs, etc., it adds up.", 199000),
    # r103-local-ai-cost-return
    ("**Impact:** A $9,500 M3 Ultra bought today will be outperformed by an M5 Ultra.", 9500),
])
def test_a_hardware_or_unit_price_is_a_purchase_price(project_registry, text, value):
    ds = [d for d in _drafts(project_registry, text, "USD") if d.value == value]
    assert [d.property for d in ds] == ["purchase-price"]


# --- a change against a year before ---------------------------------------------------------

def test_a_percentage_followed_by_yoy_is_a_change(project_registry):
    # r73-coreweave-q3-2025-analysis
    text = ("- GAAP operating margin compression stems from scaling technology and infrastructure "
            "opex (+162% YoY) and elevated G&A to support global operations.")
    ds = [d for d in _drafts(project_registry, text, "percent") if d.value == 162]
    assert [d.property for d in ds] == ["change"]


# --- one funding round, not all raised ------------------------------------------------------

def test_a_named_round_in_an_amount_raised_column_is_a_funding_round(project_registry):
    # r79-xai-company-profile
    text = ("## Venture Funding Information\n\n"
            "| Round | Date | Amount Raised | Valuation | Leading Investors |\n"
            "|-------|------|---------------|-----------|-------------------|\n"
            "| Series B | May 2024 | $6 billion | $24 billion | Andreessen Horowitz, Sequoia Capital |\n"
            "| Follow-on | November 2024 | $5 billion | $50 billion | - |\n")
    ds = [d for d in extract_text(text, project_registry) if d.unit == "billion USD" and d.value in (5, 6)]
    assert [d.property for d in ds] == ["funding-round", "funding-round"]


def test_the_next_raise_is_one_round(project_registry):
    # r68-a-really-big-computer
    text = "The next raise will be $400M at a $2B valuation. No joke."
    ds = [d for d in extract_text(text, project_registry) if d.value == 400]
    assert [d.property for d in ds] == ["funding-round"]


# --- a price paid for electricity, not what generating it costs ------------------------------

def test_a_ppa_price_per_mwh_is_an_electricity_price(project_registry):
    # r46-ai-datacenter-power-revolution
    text = ("| Rank | Segment | Key Metric | Notes |\n|---|---|---|---|\n"
            "| **2** | Nuclear Operators | $110-115/MWh PPAs | 83-92% premium pricing |\n")
    ds = [d for d in extract_text(text, project_registry) if d.unit == "USD/MWh"]
    assert [d.property for d in ds] == ["electricity-price"]


def test_a_rating_named_only_by_a_tables_heading_gives_way_to_a_measured_draw(project_registry):
    # r116-gpu-spec-cheatsheet: "Thermals" in the heading over the table is no rating of the cell
    text = ("## 5 · Power & Thermals: Luxury Sedan vs. Supercar\n\n"
            "|                   | M3 Ultra Mac Studio | RTX 4090 tower |\n|---|---|---|\n"
            "| Power (W)         | **270 W** for the whole Mac Studio (CPU+GPU, SSD, fans) | **450 W** for the card alone |\n")
    ds = [d for d in extract_text(text, project_registry) if d.unit == "W" and d.value == 270]
    assert [d.property for d in ds] == ["power-draw"]


# --- a monthly running cost is no subscription ----------------------------------------------

def test_paying_a_sum_per_month_for_an_instance_is_a_running_cost(project_registry):
    # r113-deep-learning-build-2k: "per month" is the unit's own period, no word of a plan
    text = ("Even if we went with a low cost provider like Jarvis Labs with a comparable A5000 instance at "
            "spot pricing of US$0.4 per hour, paying US$0.1 per GB-month of storage, we'd pay US$75 per "
            "month and break even in just under 2 years.")
    ds = [d for d in extract_text(text, project_registry) if d.value == 75]
    assert ds and all(d.property != "subscription-price" for d in ds)


def test_spending_a_sum_on_a_used_gpu_is_its_purchase_price(project_registry):
    # r113-deep-learning-build-2k
    text = ("Given that we're spending $800-$1200 on a used GPU we need a CPU, motherboard, Power "
            "Supply, RAM, disk storage, and case that fits them.")
    ds = [d for d in extract_text(text, project_registry) if d.qualifier == "range" and d.low == 800]
    assert [d.property for d in ds] == ["purchase-price"]


def test_a_sum_after_a_unit_price_takes_not_its_property(project_registry):
    # r18-llm-moores-law: the price of one server is no neighbour's reading of the total
    text = ("In fact, Microsoft and NVIDIA used hundreds of DGX A100 multi-GPU servers. At $199,000 a "
            "piece, and factoring in networking equipment, hosting costs, etc., anyone looking to "
            "replicate this experiment would have to spend close to $100 million dollars.")
    ds = [d for d in extract_text(text, project_registry) if d.value in (199000, 100)]
    assert [d.property for d in ds][0] == "purchase-price"
    assert len(ds) == 2 and ds[1].property != "purchase-price"
