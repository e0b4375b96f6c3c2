"""Percentages named by the figure they are (share44): a utilisation column, percentage points,
a pace of growth, the whole a percentage is of, a utilisation by other names, a
percentage above or below another thing, a benchmark score of an unnamed model,
a percentage off a price.

- A table column headed by a dimensionless figure's acronym and a percent sign ("MFU %", "HFU
  (%)") holds that figure, whether its cells are percentages ("57") or fractions ("0.57"): the
  acronym names the property (``_header_template`` in kb/extract/drafts.py), not a share or a
  ratio of two quantities.
- A percentage written in points ("+8-12 percentage points", "3 pp") is the difference of two
  percentages (``difference``), not a share, a utilisation or a relative change
  (``kb.core.grammar.in_points``, ``_link_one``); "fell 3 percentage points to 72%" is that
  difference and then the new level, never a range from 3 to 72.
- A verb of change with "at" and its pace ("growing at 40% per year", "increasing at an annual
  rate of 30%", "rise at an average rate of 33% a year") is a change, and with a yearly word a
  growth rate (``_PCT_BEFORE_RE`` in kb/core/grammar.py, ``_per_year`` in kb/extract/drafts.py);
  "an annual rate of 5%" without such a verb (an interest rate) is no growth.
- A percentage followed by "of" and its whole is a share of a population in a status
  (``adoption-share``) only when the whole's own words name a group ("40% of companies use"); a
  whole that is an amount ("60% of revenue", "80% of AI compute spend") makes it a share, whatever
  group is named near (``_WHOLE_WORDS_RE``, ``_guess_property``'s ``whole_words``).
- A growth rate needs a word of change or of a yearly rate near (``needs:`` in
  datasets/properties/comparisons.yaml): "average GPU occupancy was 45%" is no growth, whatever
  its description's words ("average") score; a GPU "busy" part of the time, its "occupancy", is
  its utilisation (``cues:`` in datasets/properties/hardware.yaml).
- "30% below the 4060 Ti", "50% above the P40": a signed change from the thing named after it
  (``_PCT_AFTER_RE`` in kb/core/grammar.py), as the curators record it; "below 30%" is a level.
- A score its cue words name a benchmark or an accuracy of ("90.2% on HumanEval" of "the model",
  "Recall Accuracy by Position") stays a benchmark score when the thing it is of is a new article
  entity: the property is not chosen again among a workload's or a cluster's (``_link_one``).
- A percentage with "off" right after it ("$0.035 (50% OFF)", "50% off the standard price") is a
  price discount (``_OFF_AFTER_RE`` in kb/extract/drafts.py), whatever the row names (a cache
  hit); "turn it off 30% of the time" is not.

Forms from dev-A articles (named in each test).
"""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text


def _props(project_registry, text):
    return [(d.raw, d.unit, d.property) for d in extract_text(text, project_registry)]


def test_a_utilisation_column_written_as_fractions_is_that_utilisation(project_registry):
    # r94-pytorch-fsdp-throughput (an HTML table of MFU and HFU by model size)
    rows = [("Model", "MFU % (A100 80GB)", "HFU % (A100 80GB)"), ("7B", "0.57", "0.59"), ("13B", "0.51", "0.62")]
    text = "<table>\n" + "".join("  <tr>\n" + "".join(f"   <td>{c}\n   </td>\n" for c in row) + "  </tr>\n"
                                 for row in rows) + "</table>\n"
    got = [(raw, unit, p) for raw, unit, p in _props(project_registry, text) if unit == "x"]
    assert got == [("0.57", "x", "mfu"), ("0.59", "x", "hfu"), ("0.51", "x", "mfu"), ("0.62", "x", "hfu")], got


def test_a_utilisation_column_of_percentages_is_that_utilisation(project_registry):
    text = "| Model | MFU (%) | Cost |\n|---|---|---|\n| 7B | 57 | $3 |\n| 13B | 51 | $4 |\n"
    got = [(raw, p) for raw, unit, p in _props(project_registry, text) if unit == "percent"]
    assert got == [("57", "mfu"), ("51", "mfu")], got


def test_a_plain_percent_column_is_not_named_by_the_acronym_rule(project_registry):
    text = "| Model | Share (%) |\n|---|---|\n| 7B | 57 |\n| 13B | 51 |\n"
    got = [p for raw, unit, p in _props(project_registry, text) if unit == "percent"]
    assert "mfu" not in got and "hfu" not in got and got, got


def test_a_gain_in_percentage_points_is_a_difference(project_registry):
    # r128-h100-fleet-compute-drift
    text = "- Net effective utilization gain: **+8–12 percentage points**\n"
    got = [(p, lo, hi) for p, lo, hi in ((d.property, d.low, d.high) for d in extract_text(text, project_registry))]
    assert got == [("difference", 8.0, 12.0)], got


@pytest.mark.parametrize("text, want", [
    ("Its gross margin fell 3 percentage points to 72% in the quarter.", [(-3.0, "difference"), (72.0, None)]),
    ("Margins widened by 5 pp in the quarter.", [(5.0, "difference")]),
    ("Adoption rose 10 percentage points to 45% this year.", [(10.0, "difference"), (45.0, None)]),
])
def test_points_then_a_level_are_two_numbers(project_registry, text, want):
    got = [(d.value, d.property) for d in extract_text(text, project_registry) if d.unit == "percent"]
    assert [v for v, _ in got] == [v for v, _ in want], got
    assert all(w is None or p == w for (_, p), (_, w) in zip(got, want)), got


def test_percents_in_points_are_told_from_plain_percents():
    from kb.core.grammar import in_points
    for t in ("3 percentage points", "5 pp", "2 ppts", "8-12 percentage-points"):
        assert in_points(t, 0, len(t)), t
    for t in ("3%", "5 percent", "12 points", "5 ppm"):
        assert not in_points(t, 0, len(t)), t


@pytest.mark.parametrize("text, value", [
    ("Revenue is growing at 40% per year.", 40.0),
    ("Demand has been increasing at an annual rate of 30%.", 30.0),
    # r14-stargate-grid
    ("demand for AI-ready data center capacity will rise at an average rate of 33% a year between 2023 and 2030",
     33.0),
    ("Prices have been falling at 20% a year.", -20.0),
])
def test_a_pace_of_change_per_year_is_a_growth_rate(project_registry, text, value):
    got = [(d.value, d.property) for d in extract_text(text, project_registry) if d.unit == "percent"]
    assert got == [(value, "growth-rate")], got


def test_an_annual_rate_without_a_verb_of_change_is_no_growth(project_registry):
    got = [d.property for d in extract_text("The loan carries interest at an annual rate of 5%.", project_registry)
           if d.unit == "percent"]
    assert got and "growth-rate" not in got, got


def test_a_difference_draft_names_its_sides_property(project_registry):
    from kb.extract.drafts import draft_record
    text = "Nvidia's gross margin fell 3 percentage points in the quarter."
    d = next(d for d in extract_text(text, project_registry) if d.unit == "percent")
    rec = draft_record(d, "x")
    assert rec["property"] == "difference" and rec["numerator"]["property"] == "gross-margin", rec
    assert rec["numerator"]["entity"] == rec["entity"], rec


@pytest.mark.parametrize("text, want", [
    ("Enterprise customers account for 60% of revenue at the company.", "share"),
    ("For most businesses, inference makes up 80% of AI compute spend.", "share"),
    ("Companies spend 30% of their cloud budget on GPUs.", "share"),
    ("About 40% of companies use generative AI in production.", "adoption-share"),
    ("Only 5% of enterprise AI pilots reached production.", "adoption-share"),
])
def test_the_whole_after_of_decides_a_share_of_a_group(project_registry, text, want):
    got = [d.property for d in extract_text(text, project_registry) if d.unit == "percent"]
    assert got == [want], got


@pytest.mark.parametrize("text, want", [
    ("Average GPU occupancy was 45% across the fleet.", "utilisation"),
    ("Most GPUs in enterprise clusters are busy only 30% of the time.", "utilisation"),
    ("Revenue is growing at 40% per year.", "growth-rate"),
])
def test_no_growth_without_a_word_of_change(project_registry, text, want):
    got = [d.property for d in extract_text(text, project_registry) if d.unit == "percent"]
    assert got == [want], got


@pytest.mark.parametrize("text, value", [
    # r115-cheapest-dl-workstation
    ("When comparing with a consumer GPU card, the A10G would be 30% below the 4060 ti.", -30.0),
    ("But the A10G is still 50% above the P40.", 50.0),
])
def test_a_percentage_above_or_below_a_thing_is_a_change(project_registry, text, value):
    got = [(d.value, d.property) for d in extract_text(text, project_registry) if d.unit == "percent"]
    assert got == [(value, "change")], got


def test_a_level_below_a_percentage_is_no_change(project_registry):
    got = [d.value for d in extract_text("Keep utilization below 30% for latency-sensitive work.", project_registry)
           if d.unit == "percent"]
    assert got == [30.0], got


def test_a_benchmark_score_of_an_unnamed_model_stays_a_score(project_registry):
    got = [d.property for d in extract_text("The model reaches 88.7% on MMLU and 90.2% on HumanEval.", project_registry)
           if d.unit == "percent"]
    assert got == ["benchmark-score", "benchmark-score"], got


def test_a_chart_of_recall_accuracy_holds_scores(project_registry):
    # r21-context-window-chart
    text = ("Models often struggle with information in the middle of long contexts:\n\n```\n"
            "Recall Accuracy by Position:\nBeginning  ████████████████████ 95%\nMiddle     ███████████ 60%\n"
            "End        █████████████████ 85%\n```\n")
    got = [d.property for d in extract_text(text, project_registry) if d.unit == "percent"]
    assert got == ["benchmark-score"] * 3, got


@pytest.mark.parametrize("text, want", [
    # r76-models-pricing-comparison (a price table's discount column)
    ("| 1M TOKENS INPUT (CACHE HIT) | $0.035 (50% OFF) | $0.035 (75% OFF) |\n", ["price-discount"] * 2),
    ("Batch requests get 50% off the standard price.", ["price-discount"]),
    ("Turn it off 30% of the time.", ["utilisation"]),
])
def test_a_percentage_off_is_a_discount(project_registry, text, want):
    got = [d.property for d in extract_text(text, project_registry) if d.unit == "percent"]
    assert got == want, got
