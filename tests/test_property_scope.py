"""Property linking on words of scope, read from sentences written for the tests: a time per
period is a duty cycle (utilisation), an SLA names availability, "utilization" in either
spelling and "of the time" name utilisation, and MFU and HFU keep their own words' property.
Each behaviour has a negative beside it: what the words do not name stays as it was."""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text
from kb.extract.linking import index_for


def _props(reg, text):
    return [(d.value, d.unit, d.property) for d in extract_text(text, reg)]


@pytest.mark.parametrize("text, unit", [
    ("The office laptops run 8 hours a day.", "hour/day"),
    ("Our cluster is busy 40 hours per week.", "hour/week"),
    ("| Use | Cost |\n|---|---|\n| 3 hours/day | $900/mo |\n", "hour/day"),
])
def test_a_time_per_period_is_a_duty_cycle(project_registry, text, unit):
    got = [p for v, u, p in _props(project_registry, text) if u == unit]
    assert got == ["utilisation"], _props(project_registry, text)


def test_a_time_per_period_reads_as_a_share_of_it(project_registry):
    idx = index_for(project_registry.entities, project_registry.properties)
    _, options = idx.unit_info("hour/day")
    factor = {p.id: f for p, f, _ in options}["utilisation"]
    assert factor == pytest.approx(100 / 24)  # 1 hour a day is 4.17% of the time


def test_a_plain_duration_or_compute_is_no_duty_cycle(project_registry):
    # hours alone are a duration; GPU-hours per day a rate of compute, not a share of the day
    assert "utilisation" not in {p for _, _, p in _props(project_registry, "The job ran for 8 hours.")}
    idx = index_for(project_registry.entities, project_registry.properties)
    assert all(p.id != "utilisation" for p, _, _ in idx.unit_info("GPU_hour/day")[1])


@pytest.mark.parametrize("text, prop", [
    ("The provider offers a 99.9% SLA on its instances.", "availability"),
    ("Their service level agreement promises 99.95% per month.", "availability"),
    ("The GPUs sat at 35% utilization over the quarter.", "utilisation"),
    ("The GPUs sat at 35% utilisation over the quarter.", "utilisation"),
    ("The accelerator is working 30% of the time.", "utilisation"),
    ("The run reached 41% MFU (model FLOPs utilization) on H100s.", "mfu"),
    ("The run reached 52% HFU (hardware FLOPs utilization) on H100s.", "hfu"),
])
def test_words_of_scope_name_the_property(project_registry, text, prop):
    got = [p for v, u, p in _props(project_registry, text) if u == "percent"]
    assert got == [prop], _props(project_registry, text)


@pytest.mark.parametrize("text, prop", [
    ("About 30% of the budget goes to power.", "utilisation"),
    ("Revenue grew 30% in the quarter.", "availability"),
    ("Some 12% of the servers were idle.", "availability"),
])
def test_without_the_words_the_property_is_another(project_registry, text, prop):
    got = [p for v, u, p in _props(project_registry, text) if u == "percent"]
    assert got and prop not in got, _props(project_registry, text)


def test_a_word_the_property_needs_counts_across_the_number_before(project_registry):
    # "build" comes before the amount; the duration after it is still the building's
    text = "The firm plans to build data centres worth $40 billion across the country over four years."
    assert (4.0, "year", "construction-time") in _props(project_registry, text)


def test_without_the_needed_word_the_duration_is_another(project_registry):
    text = "The firm expects $40 billion of revenue across the country over four years."
    got = [p for v, u, p in _props(project_registry, text) if u == "year"]
    assert got and got != ["construction-time"], got


@pytest.mark.parametrize("text", [
    "Each household consumes 12 kWh per day.",
    "Your laptop uses about 50 Wh per day.",
])
def test_energy_per_day_is_electricity_used_never_a_power(project_registry, text):
    got = [p for v, u, p in _props(project_registry, text) if "Wh/" in u]
    assert got == ["electricity-use-rate"], _props(project_registry, text)


def test_a_power_in_watts_stays_a_power(project_registry):
    got = [p for v, u, p in _props(project_registry, "Each server draws 1.2 kW under load.") if u == "kW"]
    assert got and got != ["electricity-use-rate"], got


@pytest.mark.parametrize("text, prop", [
    ("We trained with FSDP and reached 3,700 tokens/sec per GPU.", "training-throughput"),
    ("We served the model with vLLM and reached 3,700 tokens/sec per GPU.", "inference-throughput"),
])
def test_a_rate_of_tokens_in_training_is_a_training_throughput(project_registry, text, prop):
    got = [p for v, u, p in _props(project_registry, text) if u == "token/s"]
    assert got == [prop], _props(project_registry, text)


def test_amounts_from_one_to_another_share_the_words_after_the_last(project_registry):
    text = "Our API rate limits were reduced from 80% to 20% utilization."
    assert [p for v, u, p in _props(project_registry, text) if u == "percent"] == ["utilisation", "utilisation"], \
        _props(project_registry, text)


def test_amounts_not_joined_by_to_keep_their_own_words(project_registry):
    text = ("Our share of the market was 80% last spring; after the batch jobs moved to a second provider"
            " in May, the cluster sits at 20% utilization.")
    got = dict((v, p) for v, u, p in _props(project_registry, text) if u == "percent")
    assert got[20.0] == "utilisation" and got[80.0] != "utilisation", got
