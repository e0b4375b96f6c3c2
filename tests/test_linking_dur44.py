"""A span of time is a training run's length only where words of training speak of it; otherwise
the property its own words name (``needs:``/``cues:`` in datasets/properties/, read by
``_guess_property`` in kb/extract/linking.py):

- a payback written as a verb ("to pay back", "pays off", "recover the investment") is a
  payback period, and a break-even with no word of profit is an investment's payback, not a
  company's time to break even;
- an amount spent over a span ("spent $112 billion in the past three months") names a
  planning horizon;
- a test's length or a span of GPU time is a run's length; a span of someone's use (coding,
  viewing, usage) is a session's length.

Sentences from dev-A articles (named in each test) and the lead's probes.
"""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text

_TIME = ("min", "minute", "hour", "hr", "hrs", "day", "week", "month", "year", "s", "second", "ms")


def _props(project_registry, text):
    return [d.property for d in extract_text(text, project_registry) if d.unit in _TIME]


@pytest.mark.parametrize("text", ["It takes 18 months to pay back.", "The hardware pays off in 14 months.",
                                  "You recover the investment in about 11 months.",
                                  "The rig earns back its cost in 9 months."])
def test_a_payback_written_as_a_verb_is_a_payback_period(project_registry, text):
    assert _props(project_registry, text) == ["payback-period"]


def test_a_break_even_column_of_a_cluster_is_a_payback_period(project_registry):
    # r01-training-cost-index
    text = ("| GPUs | Monthly Cloud (reserved) | Monthly On-Prem TCO | Breakeven (on-prem vs reserved) |\n"
            "|------|------|------|------|\n| 8 | ~$35,000 | ~$12,000 | ~3 months |\n")
    assert _props(project_registry, text) == ["payback-period"]


@pytest.mark.parametrize("text", [
    # r69-big-tech-ai-spending
    "Microsoft, Amazon, Google and Meta spent 360 billion on data centers in 12 months.",
    "They spent a combined $112 billion in just the past three months on capital expenditures.",
])
def test_a_span_money_is_spent_over_is_a_planning_horizon(project_registry, text):
    assert _props(project_registry, text) == ["planning-horizon"]


@pytest.mark.parametrize("text", [
    # r54-self-hosting-economics
    "A workload processing 16M input + 1.5M output tokens daily might take ~63 minutes of GPU time (~$21/day).",
    # r130-llm-locust-cost-estimation
    "# Quick test (3 minutes) - for rapid iteration",
    "Run multiple tests and average the results. Or run longer tests (10-15 minutes).",
    # r85-hourly-gpu-vs-per-token-api
    "1. Rent a GPU running the model you want for one hour.",
    "Ten minutes of real traffic tells you more than any table.",
])
def test_a_test_or_gpu_time_is_a_run_duration(project_registry, text):
    assert _props(project_registry, text) == ["run-duration"]


@pytest.mark.parametrize("text", [
    # r92-gpt-is-dead-deepseek, r124-datacenter-power-concern-notes
    "That was maybe thirty minutes of casual coding.",
    "Two hours of DeepSeek usage cost me about $1.",
    "Each 10 minutes of viewing uses about 0.1 kWh.",
])
def test_a_span_of_use_is_a_session_duration(project_registry, text):
    assert _props(project_registry, text) == ["session-duration"]


@pytest.mark.parametrize("text", ["This takes about 48 hours to train on a single A100, but can be easily parallelised.",
                                  "The model was trained for 3 months on 2,000 GPUs."])
def test_words_of_training_keep_a_training_duration(project_registry, text):
    assert _props(project_registry, text) == ["training-duration"]


def test_a_time_to_first_token_is_a_latency(project_registry):
    assert _props(project_registry, "Time to first token: 350 ms at batch size 8.") == ["inference-latency"]
