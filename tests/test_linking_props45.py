"""Property confusions shared by the article sets (``_guess_property`` in kb/extract/linking.py,
the words of datasets/properties/):

- a rental price is quoted per hour; an amount per day, month or year is a rent only where a
  word of renting is near ("Monthly Cloud (on-demand)"), not because the word "GPU" is
  ("$30,000-$40,000 per GPU per year" fully loaded is a cost rate);
- a value outside a property's plausible range (not so far outside that the range rules it out)
  speaks against the property as a cue word speaks for one: a million tokens is a text's length,
  not a training set's (from 100M tokens); a count of tokens a model trains on stays training tokens;
- a sum of money no word speaks of is what something costs, not a training run's cost (a training
  run is named where its cost is given);
- money spent on data centres or infrastructure is capital expenditure (capex's ``cues:``).

Sentences from dev-A articles (named in each test) and the lead's probes.
"""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text


def _props(project_registry, text, unit_part=""):
    return [d.property for d in extract_text(text, project_registry) if unit_part in d.unit]


def _token_counts(project_registry, text):
    return [d.property for d in extract_text(text, project_registry) if d.unit.split(" ")[-1] == "token"]


@pytest.mark.parametrize("text", [
    # r128-h100-fleet-compute-drift
    "- **H100 GPU (fully loaded cost):**  \n  **$30,000–$40,000 per GPU per year**  \n"
    "  (hardware, power, cooling, networking, support, depreciation)\n",
    "| Fleet Size | Annual GPU Spend | Silent Waste (20%) |\n|----------|------------------|--------------------|\n"
    "| 1,000 GPUs | $35M | **$7M / year** |\n| 10,000 GPUs | $350M | **$70M / year** |\n",
    # the lead's probe
    "Each GPU costs us about $2,400 a month.",
])
def test_an_amount_per_month_or_year_without_a_word_of_renting_is_no_rent(project_registry, text):
    props = _props(project_registry, text, "/")
    assert props and "rental-price" not in props


def test_a_monthly_cloud_price_is_still_a_rent(project_registry):
    # r01-training-cost-index
    text = ("| GPUs | Monthly Cloud (on-demand) | Monthly Cloud (reserved) | Monthly On-Prem TCO |\n"
            "|------|------|------|------|\n| 8 | ~$57,000 | ~$35,000 | ~$12,000 |\n")
    assert _props(project_registry, text, "USD/") == ["rental-price", "rental-price", "cost-rate"]


def test_an_hourly_gpu_price_is_still_a_rent(project_registry):
    # r130-llm-locust-cost-estimation
    assert _props(project_registry, "- AWS g6.4xlarge (L4 GPU): $1.47/hr\n", "USD/") == ["rental-price"]


@pytest.mark.parametrize("text", [
    # r130-llm-locust-cost-estimation
    "At Low Load (10 users):\n  → 50 tokens/sec\n  → Time for 1M tokens: 5.56 hours\n",
    # r21-context-window-chart
    "### 128K Tokens (~96K words)\n- ✅ Multiple academic papers\n",
])
def test_a_count_of_tokens_below_any_training_set_is_a_texts_length(project_registry, text):
    assert _token_counts(project_registry, text) == ["text-tokens"]


@pytest.mark.parametrize("text", [
    # r01-training-cost-index
    "**Fine-tuning LLaMA 3 8B on 10B tokens:**",
    # the lead's probe
    "The model saw 15 trillion tokens.",
])
def test_a_count_of_tokens_a_model_trains_on_stays_training_tokens(project_registry, text):
    assert _token_counts(project_registry, text) == ["training-tokens"]


def test_a_sum_no_word_names_is_no_training_cost(project_registry):
    # r126-self-hosted-vs-parasail-costs
    text = ("### **Gemma 3 4B (Self-Hosted)**\n\n"
            "| Batch Size | Time | Self-Hosted Cost | Parasail GPT-OSS 20B | Savings |\n"
            "|------------|------|------------------|----------------------|---------|\n"
            "| 5,000 | 37 min | **$0.05** | $0.47 | $0.42 (89%) |\n")
    props = [d.property for d in extract_text(text, project_registry) if d.unit == "USD"]
    assert props[:2] == ["workload-cost", "workload-cost"]


def test_a_training_run_named_keeps_its_cost(project_registry):
    # r42-ai-models-standalone-pnl
    text = "If training a frontier model costs $10 billion, the next costs more."
    assert _props(project_registry, text, "USD") == ["training-cost"]


def test_money_spent_on_data_centres_is_capex(project_registry):
    # r69-big-tech-ai-spending
    text = "Microsoft, Amazon, Google and Meta spent 360 billion on data centers in 12 months."
    assert "capex" in _props(project_registry, text, "USD")
