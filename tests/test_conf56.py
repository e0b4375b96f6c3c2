"""Property rules designed on dev-B articles (session 25, conf56): what running a thing costs a
period against a provider's price to rent it. Short quotes of the dev-B articles that showed
each gap.
"""
from __future__ import annotations

from kb.extract.drafts import extract_text


def _drafts(project_registry, text, value):
    return [d for d in extract_text(text, project_registry) if d.value == value]


# --- a cost broken down into its parts is no rent ---------------------------------------------

_BREAKDOWN = ("## The hidden economics of owning versus renting\n\n"
              "| Cost Component | Per GPU-Hour | % of TCO |\n"
              "|---------------|-------------|----------|\n"
              "| GPU + InfiniBand capital | $0.92 | 53.8% |\n"
              "| Electricity | $0.16 | 9.3% |\n"
              "| **Total** | **$1.70** | 100% |\n")


def test_the_parts_of_a_cost_breakdown_are_running_costs(project_registry):
    # r02-h100-pcie-vs-sxm
    for v in (0.92, 0.16, 1.70):
        ds = [d for d in _drafts(project_registry, _BREAKDOWN, v) if "hour" in d.unit]
        assert [d.property for d in ds] == ["cost-rate"], v


def test_a_table_of_hourly_rents_stays_rents(project_registry):
    # a table with no word of a breakdown in its header (r59-economics-of-compute's form)
    text = ("## Cloud pricing\n\n| GPU | On-demand | Reserved (1yr) | Spot |\n|---|---|---|---|\n"
            "| H100 80GB | $4-5/hr | $2-3/hr | $1-2/hr |\n")
    ds = [d for d in extract_text(text, project_registry) if "hour" in d.unit]
    assert ds and all(d.property == "rental-price" for d in ds)


def test_an_hourly_amount_of_a_row_naming_a_model_is_a_running_cost(project_registry):
    # r103-local-ai-cost-return: what the cloud would charge an hour to serve the row's model
    text = ("## The Payoff Table\n\n| Setup + Model | HW Cost | Cloud $/hr | **Payoff Months** |\n"
            "|---|---|---|---|\n| **C: DGX Spark + GPT-OSS 120B** | $3,999 | $3.42 | **1.6** |\n")
    ds = [d for d in _drafts(project_registry, text, 3.42) if "hour" in d.unit]
    assert [d.property for d in ds] == ["cost-rate"]


# --- an hourly amount beside a wattage is what that power costs --------------------------------

def test_an_hourly_cost_of_a_wattage_is_a_running_cost(project_registry):
    # r103-local-ai-cost-return
    text = "The dual RTX 3090 at 700W costs ~$0.105/hr -- adds 20% to the cheapest cloud equivalent."
    ds = [d for d in _drafts(project_registry, text, 0.105)]
    assert [d.property for d in ds] == ["cost-rate"]


def test_an_hourly_cost_of_systems_drawing_power_is_a_running_cost(project_registry):
    # r02-h100-pcie-vs-sxm
    text = ("The real operational expense is colocation—current rates of $160-$200 per kW per month "
            "translate to $0.22-$0.27/hour per GPU for SXM systems drawing 1kW including overhead.")
    ds = [d for d in extract_text(text, project_registry) if d.qualifier == "range" and d.low == 0.22]
    assert [d.property for d in ds] == ["cost-rate"]


def test_an_hourly_price_of_a_gpu_without_a_wattage_stays_a_rent(project_registry):
    # r91-open-weights-borrowed-gpus
    text = "Vast.ai lists budget-friendly RTX 3090s at $0.18/hour."
    ds = _drafts(project_registry, text, 0.18)
    assert [d.property for d in ds] == ["rental-price"]


# --- a column's header says what its numbers are, over the heading ------------------------------

def test_a_monthly_spend_column_under_a_pricing_heading_is_a_cost(project_registry):
    # r08-pricing-and-costs
    text = ("### Tiered Pricing\n\nSome providers offer volume discounts:\n\n"
            "| Tier | Monthly Spend | Discount |\n|------|---------------|----------|\n"
            "| Standard | $0 - $5K | 0% |\n| Growth | $5K - $50K | 10-20% |\n")
    ds = [d for d in extract_text(text, project_registry) if "month" in d.unit]
    assert len(ds) == 2 and all(d.property == "cost-rate" for d in ds)


# --- a time of doing an amount of work is a run's length, no latency ---------------------------

def test_a_column_of_times_to_generate_tokens_is_a_run_duration(project_registry):
    # r149-llama2-sagemaker-benchmark: under a heading that names latency
    text = ("### Best Latency Deployment\n\n"
            "| Model | Instance | Time to generate 1 M tokens (minutes) |\n| --- | --- | --- |\n"
            "| Llama 2 7B | ml.g5.12xlarge | 271.19 |\n")
    ds = _drafts(project_registry, text, 271.19)
    assert [d.property for d in ds] == ["run-duration"]


def test_a_time_worked_out_from_tokens_and_a_rate_is_a_run_duration(project_registry):
    # r109-homelab-gpu-power-monitoring
    text = "- CPU: 100 tokens at 2.3 tok/s = 43 seconds, 1.13Wh energy\n"
    ds = _drafts(project_registry, text, 43)
    assert [d.property for d in ds] == ["run-duration"]


def test_a_worked_out_time_to_first_token_stays_a_latency(project_registry):
    # the cue word decides: a time to first token is a latency however it is worked out
    text = "- TTFT: 2,000 prompt tokens / 10,000 tok/s = 0.2 seconds\n"
    ds = _drafts(project_registry, text, 0.2)
    assert [d.property for d in ds] == ["inference-latency"]
