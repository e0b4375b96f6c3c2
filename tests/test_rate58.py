"""rate58: an amount of money (or energy, or tokens) read without the denominator its context
gives it (designed on dev-B).

- A list whose lead-in names a period ("**My monthly costs with optimizations:**") or whose total
  item states one ("- **Total: $2.10/month**") gives it to the amounts that end its other items,
  and to the energy or tokens those items cost.
- A price divided by a throughput times the seconds of an hour ("$2.00 / (120,000 × 3600 / 1e9)")
  is an hourly price.
- A task is priced as a request ("| Cost per task |"); a quarter after a slash
  is a period ("~$25B/quarter run rate"); a count of samples over a second is a speed
  ("1580.2 samples/s", "| Throughput (samples/s) |").
"""
from __future__ import annotations

import pytest

from conftest import value_units

_read = value_units


def test_list_lead_in_names_the_period():
    got = _read("**My monthly costs with optimizations:**\n"
                "- GPU power: 25.2 kWh at $0.12/kWh = $3.02\n"
                "- Total system power (CPU, cooling, networking): 18.7 kWh = $2.24\n"
                "- Total: $5.26/month\n")
    assert (3.02, "USD/month") in got
    assert (2.24, "USD/month") in got
    assert (25.2, "kWh/month") in got
    assert (18.7, "kWh/month") in got
    assert (0.12, "USD/kWh") in got  # the rate assumed keeps its own unit


def test_list_total_names_the_period():
    got = _read("**After Optimization**:\n"
                "- 700K input tokens (optimized prompts) @ GPT-4o Mini: $1.05\n"
                "- 350K output tokens (token limits): $1.05\n"
                "- **Total: $2.10/month**\n")
    assert (1.05, "USD/month") in got
    assert (1.05, "USD") not in got
    assert (700.0, "K token/month") in got
    assert (350.0, "K token/month") in got


def test_list_without_period_keeps_plain_amounts():
    got = _read("**Cost comparison**:\n- Sending 1000 tokens: $0.01\n- Embedding + search: $0.0001\n")
    assert (0.01, "USD") in got
    assert not any(u.startswith("USD/") for _, u in got)


def test_price_over_hourly_throughput_is_hourly():
    got = _read("- Cost per billion tokens on A100: $2.00 / (120,000 × 3600 / 1e9) ≈ **$0.046**\n")
    assert (2.0, "USD/hour") in got
    assert (0.046, "USD per 1B tokens") in got


@pytest.mark.parametrize("text, value, unit", [
    ("| Model | Cost per task | AA-Briefcase Elo |\n|---|---|---|\n| Claude Fable 5 | ~$31 | 1587 |\n",
     31.0, "USD/query"),
    ("Nvidia datacenter revenue will hit a ~$25B/quarter run rate soon", 25.0, "billion USD/quarter"),
])
def test_task_and_quarter_denominators(text, value, unit):
    assert (value, unit) in _read(text)


def test_per_quarter_in_prose_stays_an_amount():
    # curated as the quarter's amount, not a rate
    assert (25.0, "billion USD") in _read("Amazon is investing over $25 billion per quarter.")


@pytest.mark.parametrize("text, value", [
    ("**Gaudi2 also offers a speedup over A100**: 1580.2 samples/s versus 981.6 for a batch size of 32", 1580.2),
    ("| | A100 | Gaudi2 |\n|---|---|---|\n| Throughput (samples/s) | 520.2 | 1580.2 |\n", 520.2),
])
def test_samples_per_second_is_a_speed(text, value):
    got = _read(text)
    assert (value, "example/s") in got
    assert (value, "example") not in got


def test_samples_counted_stay_a_count():
    assert (1000.0, "example") in _read("we collected 1,000 samples for the test")
