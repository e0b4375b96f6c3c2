"""miss63: missed numbers, counts of things and multipliers (designed on dev-B).

- Digits before the plural of a thing a study, a market or a build-out is made of (levels,
  benchmarks, results, APIs, wells, service centers, languages, competitors, teams, markets,
  projects, texts, iterations) count them: a `count` in `item`. "different" or "distinct" may
  stand between ("7 different resale markets"). Not a cluster's size ("100K GPU clusters"),
  nor homes (an equivalence: a ratio of the yardstick, docs/data-format.md, never a count).
"""
from __future__ import annotations

import pytest

from conftest import linked_draft, value_units

_read = value_units


@pytest.mark.parametrize("text, value, unit", [
    ("Assesses mathematical problem-solving abilities across 7 difficulty levels", 7.0, "item"),
    ("First, we used the MTEB containing 15 benchmarks.", 15.0, "item"),
    ("Therefore, we retrieved 400 results in total and performed the rescoring on these.", 400.0, "item"),
    ("1. Generating setup files for 50+ APIs in short time.", 50.0, "item"),
    ("It would take about ~1200 new wells for the 100GW cluster.", 1200.0, "item"),
    ("The company has 300 service centers for liquid cooling system maintenance.", 300.0, "item"),
    ("new architecture, 100x lower inference, 100+ languages, etc", 100.0, "item"),
    ("These 2 competitors are full drop-in replacements.", 2.0, "item"),
    ("Collectively there are less than <50 teams worldwide who would be in the market", 50.0, "item"),
    ("Today, there's 7 different resale markets selling them under $2.", 7.0, "item"),
    ("he has already seen plans for at least 10 different data center projects exceeding 500 megawatts", 10.0, "item"),
    ("an implementation of this approach involving 41 million texts from Wikipedia.", 41.0, "million item"),
    # (a name may stand between: "41 million Wikipedia texts")
    ("we introduce a demo showing a real-life retrieval scenario of 41 million Wikipedia texts.", 41.0, "million item"),
])
def test_counted_study_items(text, value, unit):
    assert (value, unit) in _read(text)


@pytest.mark.parametrize("text", [
    "- **Cost:** $14,125/hour for 100K GPU clusters",
    "| 2024 | ~100k | ~100MW | ~100,000 homes |",
    "Section 3 results are below; see the top 10 results.",
])
def test_no_count_of_clusters_homes_or_a_ranking(text):
    assert not any(unit == "item" for _, unit in _read(text))


# - "1x" in a table cell, "(baseline)" after it or another multiplier in its row, is the baseline the
#   row's multiples are of: a ratio of 1 (elsewhere "1x" stays no claim: a playback speed).
@pytest.mark.parametrize("text", [
    "| `float32`    | 1x (baseline)  | **1x** (baseline)  | 1x (baseline) |",
    "| **Retrieval Speed**           | 1x      | up to 4x   | up to 45x     |",
])
def test_baseline_one_x_in_a_table(text):
    assert (1.0, "x") in _read(text)


@pytest.mark.parametrize("text", ["Playback at 1x speed.", "| Speed | 1x |"])
def test_one_x_alone_is_no_ratio(text):
    assert (1.0, "x") not in _read(text)


# - Durations in words: a delay or a time after an event ("two years behind schedule", "arriving two
#   years late", "Two years post-announcement"), and a spelled hyphenated length before the period it
#   names ("Nine-year ramp", "two-year slips", "a two-year lease"); not "that six-month period" (a
#   period named before, the curations' convention).
@pytest.mark.parametrize("text, value", [
    ("Microsoft’s Maia program is two years behind schedule.", 2.0),
    ("For Microsoft:Maia 200 arriving two years late is a failure of execution, not strategy.", 2.0),
    ("Two years post-announcement, it has not powered any significant external production service.", 2.0),
    ("- **Valuation lens:** Nine-year ramp (2026–2034), 10% discount rate, 3% terminal growth", 9.0),
    ("chip design is genuinely hard, and two-year slips are not unusual.", 2.0),
])
def test_spelled_delays_and_periods(text, value):
    assert (value, "year") in _read(text)


def test_that_spelled_period_is_no_claim():
    text = "implying OpenAI’s revenues for that six-month period were at least $2.273 billion"
    assert not any(unit == "month" for _, unit in _read(text))


# - A bare number after "multiplied by" ("multiply that number by 25") or before "factor" after "by a"
#   ("reduced by a 5.75 factor") is how many times: a ratio. Not a month's figure "multiplied by 12"
#   (annualised), nor a number with a unit ("by 24 hours").
@pytest.mark.parametrize("text, value", [
    ("The framework is to forecast earnings power for two years out and multiply that number by 25.", 25.0),
    ("When multiplied by 25, that equates to a \\$162.50 target for Nvidia stock", 25.0),
    ("Overall, with Gaudi2, the total training time is reduced by a 5.75 factor and the throughput is higher", 5.75),
])
def test_multiplied_by_and_a_factor(text, value):
    assert (value, "x") in _read(text)


def test_annualised_month_is_no_ratio():
    text = "The yearly run rate — a measure of the previous month’s revenue multiplied by 12 — hit the $2bn milestone"
    assert (12.0, "x") not in _read(text)


# - "a 512-node cluster": the cluster's size in nodes (a hyphenated count before "cluster"; "an 8-GPU
#   node" stays no count).
def test_node_cluster_size():
    got = _read("Where a large 512-node cluster with Infiniband may be billed higher per GPU than a 16-node cluster.")
    assert (512.0, "node") in got and (16.0, "node") in got


# - "N dimensions" after a number: an embedding vector's size (x, embedding-dimension); a TPU
#   generation's name may stand between a count and its chips ("1 million TPUv7 Ironwood chips").
@pytest.mark.parametrize("text", [
    "Currently, many state-of-the-art models produce embeddings with 1024 dimensions, each of which is encoded",
    "In that scenario, the 1024 dimension models still outperform a now 10x more storage intensive base model",
])
def test_embedding_dimensions(text):
    assert (1024.0, "x") in _read(text)


def test_tpu_generation_name_between_count_and_chips():
    text = "an expansion of its Google Cloud partnership committing to 1 million TPUv7 Ironwood chips— over 1 gigawatt"
    assert (1.0, "million GPU") in _read(text)


# - "the top 40 documents": the documents a retrieval step keeps, a setting of the pipeline, counted
#   (a ranking's "top 10" of anything else stays no count: see above).
@pytest.mark.parametrize("text, value", [
    ("4. The top 40 documents are loaded on the fly from an int8 index on disk", 40.0),
    ("the int8 embeddings to get the top 10 documents.", 10.0),
])
def test_top_documents_retrieved(text, value):
    assert (value, "item") in _read(text)


def test_spelled_delay_is_a_schedule_delay(project_registry):
    text = "Microsoft’s Maia program is two years behind schedule."
    assert linked_draft(project_registry, text, "two years")[1] == "schedule-delay"
