"""The words of the connector-rating, coolant-rise, share-price, hourly-matching and commodity
properties (datasets/properties/): each one is made by its own words and takes no number that
its unit shares with an older property.

Each sentence is a paraphrase of the kind of sentence real articles write, not a copied one;
the registry is the project's own (datasets/), whose cues: and needs: words the linker reads.
"""
from __future__ import annotations

import pytest

from conftest import drafted_properties


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


@pytest.mark.parametrize("text, prop", [
    # the power a supply connector, cable or slot is rated to deliver
    ("A single 8-pin auxiliary cable carries at most 150 W to the card.", "connector-power-rating"),
    ("The older 6-pin plug delivers up to 75 W.", "connector-power-rating"),
    # the temperature rise of a coolant (delta-T)
    ("Liquid loops typically run with a delta T of 10°C between supply and return.", "coolant-temperature-rise"),
    ("The rack of 72 GPUs needs a 10°C temperature difference across the loop.", "coolant-temperature-rise"),
    # a share price
    ("The company's share price closed at $120.50 on Friday.", "share-price"),
    ("The chipmaker's stock closed at $131 on Tuesday, its lowest in a month.", "share-price"),
    # the share of the time (of the hours) matched by carbon-free power
    ("By 2030 the company wants its data centres to run on carbon-free power 90% of the time.",
     "carbon-free-hourly-share"),
    ("Its 24/7 carbon-free energy score was 64% last year.", "carbon-free-hourly-share"),
])
def test_a_new_property_is_made_by_its_words(reg, text, prop):
    assert [p for _, p in drafted_properties(reg, text)][-1] == prop


@pytest.mark.parametrize("text, prop", [
    # watts: a rating or a measured draw of a device stays what it was
    ("The card's board power is rated at 450 W.", "tdp"),
    ("The H100 SXM can draw up to 700 W.", "tdp"),
    ("In our tests the card was measured drawing 450 W on average under load.", "power-draw"),
    # degrees: an inlet limit stays an operating limit
    ("Inlet air can be as warm as 35°C under the A2 class.", "operating-temperature-max"),
    # dollars: per-share earnings, a valuation and a profit stay what they were
    ("It reported earnings per share of $0.68 for the quarter.", "earnings-per-share"),
    ("The startup closed at a $300 billion valuation.", "valuation"),
    ("The firm made a gross profit of $135 million.", "gross-profit"),
    # percentages: a yearly share of electricity, an idle share and a plain share stay shares
    ("Renewables supplied 60% of the company's electricity last year.", "share"),
    ("The cluster sat idle 30% of the time.", "idle-share"),
    ("About 35% of the budget goes to electricity.", "share"),
])
def test_a_new_property_takes_no_number_of_an_older_one(reg, text, prop):
    assert [p for _, p in drafted_properties(reg, text)] == [prop]


def test_the_new_vocabulary_is_data(reg):
    # what the round added is in the registry the extractor reads, with its unit and words
    by_id = {p["id"]: p for p in reg.properties}
    for pid, unit in [("connector-power-rating", "W"), ("coolant-temperature-rise", "delta_degC"),
                      ("share-price", "USD"), ("carbon-free-hourly-share", "percent"),
                      ("commodity-demand", "tonne/year")]:
        assert by_id[pid]["canonical_unit"] == unit
        assert by_id[pid].get("needs"), f"{pid}: a specialised property needs its words"


@pytest.mark.parametrize("text, prop", [
    # a spec table's figures are peaks, whatever the heading over it says
    ("## Hardware specs: what you actually pay for\n\n| Spec | A100 SXM 80GB | H100 SXM 80GB |\n|---|---|---|\n"
     "| BF16 TFLOPS | 312 | 989 |\n", "peak-throughput"),
    ("The H100's datasheet lists 989 TFLOPS of BF16.", "peak-throughput"),
    # what a workload reaches is achieved
    ("In our runs the H100 sustained 400 TFLOPS in BF16.", "achieved-throughput"),
    ("On our cluster the H100 reached a measured 380 TFLOPS per GPU.", "achieved-throughput"),
])
def test_a_datasheet_figure_is_a_peak_and_a_measured_one_is_achieved(reg, text, prop):
    got = [p for raw, p in drafted_properties(reg, text) if "TF" in raw or raw.replace(",", "").isdigit()]
    assert got and set(got) == {prop}, got


@pytest.mark.parametrize("text", [
    "How long new supply takes:\n\n- Gas peaker plants: 2-3 years\n- Nuclear reactors: 10-15 years\n",
    "Grid transmission upgrades take 5-7 years.",
])
def test_years_to_bring_plants_or_lines_online_are_construction_times(reg, text):
    got = [p for raw, p in drafted_properties(reg, text) if "year" in raw]
    assert got and set(got) == {"construction-time"}, got


def test_an_economic_or_service_life_is_an_amortisation_period(reg):
    assert [p for _, p in drafted_properties(reg, "GPUs have an economic life of roughly three years.")] \
        == ["amortisation-period"]
    assert [p for _, p in drafted_properties(reg, "Each server has a service life of 5 years.")] \
        == ["amortisation-period"]
