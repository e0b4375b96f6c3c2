"""Property cue rules designed on dev-B articles (session 22, prop50): the words that name a
number's property (``needs:``/``cues:`` in datasets/properties/, read by ``_guess_property`` in
kb/extract/linking.py). Short quotes of the dev-B articles that showed each gap.
"""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text

_TIME = ("min", "minute", "hour", "hr", "hrs", "day", "week", "month", "months", "year", "s", "second", "ms")


def _drafts(project_registry, text, units=None):
    return [d for d in extract_text(text, project_registry) if units is None or d.unit in units]


# --- a payoff is a payback ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # r103-local-ai-cost-return
    "A payoff period of 8 months today becomes 80 months if prices drop 10x.",
    "DGX Spark running GPT-OSS 120B breaks even in under 2 months.",
])
def test_a_payoff_or_a_break_even_written_as_a_verb_is_a_payback_period(project_registry, text):
    ds = _drafts(project_registry, text, _TIME)
    assert ds and all(d.property == "payback-period" for d in ds)


def test_a_payoff_column_is_a_payback_period_of_the_writers_setup(project_registry):
    # r103-local-ai-cost-return: the row's setup is the writer's own (a new entity), not the
    # Mac or the model its label names
    text = ("| Setup + Model | HW Cost | Cloud $/hr | **Payoff Months** |\n"
            "|---|---|---|---|\n"
            "| **B: M4 Max + LLaMA 8B** | $3,500 | $0.96 | **5.1** |\n")
    ds = [d for d in _drafts(project_registry, text) if d.value == 5.1]
    assert [d.property for d in ds] == ["payback-period"]
    assert ds[0].entity is None


# --- what a piece of hardware costs to buy ----------------------------------------------------

def _money(project_registry, text, value):
    return [d for d in _drafts(project_registry, text) if d.value == value and d.unit in ("USD", "AUD")]


@pytest.mark.parametrize("text, value", [
    # r103-local-ai-cost-return
    ("The DGX Spark's GPT-OSS 120B number stands out: **50 t/s on a $3,999 box**.", 3999),
    # r89-llm-hardware
    ('description3="$10,000 1U System (Estimated)"', 10000),
])
def test_a_box_or_a_system_for_a_sum_is_bought(project_registry, text, value):
    assert [d.property for d in _money(project_registry, text, value)] == ["purchase-price"]


def test_a_hardware_cost_column_is_a_purchase_price_not_a_plain_cost(project_registry):
    # r103-local-ai-cost-return: "HW Cost" holds the plainer "cost" (a workload's cue): the
    # writer said which cost it is
    text = ("| Setup + Model | HW Cost | Cloud $/hr |\n|---|---|---|\n"
            "| **D: 2x3090 + LLaMA 8B** | $3,600 | $1.64 |\n")
    assert [d.property for d in _money(project_registry, text, 3600)] == ["purchase-price"]


def test_a_cost_in_the_row_of_a_bare_card_is_its_purchase_price(project_registry):
    # r113-deep-learning-build-2k: a table of cards with a "Cost" column
    text = ("| Card | New or Used | VRAM | Cost |\n|---|---|---|---|\n"
            "| 2080 Ti | Used | 11GB | $600 |\n"
            "| 4080 | New | 16GB | $1800 |\n")
    ds = _money(project_registry, text, 1800)
    assert [(d.entity, d.property) for d in ds] == [("nvidia-geforce-rtx-4080", "purchase-price")]


# --- a wattage a job runs at is drawn, not rated ------------------------------------------------

def test_a_job_that_runs_under_a_wattage_draws_it(project_registry):
    # r116-gpu-spec-cheatsheet
    text = ("A 671 B-parameter 4-bit model fits entirely on the M3 Ultra's 512GB memory and runs under 200W; "
            "the same job on RTX 4090s requires model sharding across multiple cards.")
    ds = [d for d in _drafts(project_registry, text) if d.unit == "W"]
    assert [d.property for d in ds] == ["power-draw"]


# --- a table row's further label cells ----------------------------------------------------------

def test_a_rows_further_label_cells_name_what_its_price_is_of(project_registry):
    # r77-ai-api-pricing-summary: "Video Input" in the row's third cell makes a price per second
    # a model's price of video, not a GPU's hourly rent
    text = ("## Google Gemini API Pricing\n\n"
            "| Model | Feature | Type | Price (≤ 128K context window) |\n"
            "|-------|---------|------|-------------------------------|\n"
            "| Gemini 1.0 Pro | Multimodal | Video Input | $0.002 / second |\n")
    ds = [d for d in _drafts(project_registry, text) if d.value == 0.002]
    assert [d.property for d in ds] == ["media-price"]


# --- a GPU's temperature under load is no ambient limit ------------------------------------------

@pytest.mark.parametrize("text", [
    # r109-homelab-gpu-power-monitoring
    "Post-modification, temperatures stayed below 74°C even during hour-long runs.",
    # r113-deep-learning-build-2k
    "It gave results very close to their benchmarks, and the temperature did not get above 71C during training.",
])
def test_a_temperature_bounded_under_load_is_the_dies(project_registry, text):
    ds = [d for d in _drafts(project_registry, text) if d.unit in ("delta_degC", "degC", "°C")]
    assert ds and all(d.property == "die-temperature" for d in ds)


def test_an_ambient_limit_stays_an_operating_temperature_max(project_registry):
    text = "The server is specified for inlet air up to 35°C."
    ds = [d for d in _drafts(project_registry, text) if d.value == 35]
    assert [d.property for d in ds] == ["operating-temperature-max"]


# --- a market's size is its revenue ---------------------------------------------------------------

def test_a_market_sizing_is_revenue(project_registry):
    # r46-ai-datacenter-power-revolution
    text = "- Market sizing: $3.93B → $22.57B (2034)\n"
    ds = [d for d in _drafts(project_registry, text) if d.unit.endswith("USD")]
    assert ds and all(d.property == "revenue" for d in ds)
