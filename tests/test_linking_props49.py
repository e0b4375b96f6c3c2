"""Percentages given the share of a population in a status (adoption-share) or a plain share
(kb/extract/linking.py, ``_guess_property``; datasets/properties/usage.yaml):

- a percentage of a whole that is an amount ("of enterprise cloud spend", "of the consumer
  chatbot market") is a share, whatever group of people or organisations the whole's words name;
- with no "of" naming a population after it, a percentage is the share of a population in a
  status only where a word of adopting, using or surveying is near: a group's name alone near
  it ("70% enterprise, 30% consumer", "its largest customer under 30%") says whose part of an
  amount it is;
- penetration and attach rates are adoption shares.

Made-up sentences.
"""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text


def _percent_props(project_registry, text):
    return [d.property for d in extract_text(text, project_registry) if d.unit == "percent"]


@pytest.mark.parametrize("text", [
    "About 45% of enterprise cloud spend goes to inference.\n",
    "The company holds roughly 25% of the consumer chatbot market.\n",
    "Revenue split: 70% enterprise, 30% consumer.\n",
    "Customer concentration eased, with its largest customer under 30% of bookings.\n",
])
def test_a_part_of_an_amount_near_a_group_is_a_share(project_registry, text):
    props = _percent_props(project_registry, text)
    assert props and set(props) == {"share"}


@pytest.mark.parametrize("text", [
    "Roughly 62% of surveyed companies now use generative AI.\n",
    "Nearly 30% of respondents use two or more model providers.\n",
    "The copilot reached 18% penetration among enterprise customers.\n",
])
def test_a_population_in_a_status_is_an_adoption_share(project_registry, text):
    assert _percent_props(project_registry, text) == ["adoption-share"]


# A percentage against the same period a year before is a change, not an average growth per year.

@pytest.mark.parametrize("text", [
    "Q3 revenue was $1.2B, +134% YoY.\n",
    "Operating expenses rose sharply (+162% year-on-year).\n",
])
def test_a_year_on_year_figure_is_a_change(project_registry, text):
    assert _percent_props(project_registry, text) == ["change"]


def test_a_compound_annual_rate_stays_a_growth_rate(project_registry):
    assert _percent_props(project_registry, "Shipments grew at a 25% CAGR from 2020 to 2024.\n") == ["growth-rate"]


# Watts of a machine at work (power-draw) or of a part's rating (tdp):
# - a wattage while something runs, of a whole machine, or estimated for a build is what it
#   draws; a GPU's wattage that no such word qualifies stays its rated TDP.

def _watt_props(project_registry, text):
    return [d.property for d in extract_text(text, project_registry) if d.unit in ("W", "kW")]


@pytest.mark.parametrize("text", [
    "Overnight the card ran at 305W while the script looped.\n",
    "My server idles at 60W and hits 410W during inference.\n",
    "The whole box, fans and drives included, pulls 230 W.\n",
    "The parts list came to 640W, estimated by the builder's calculator.\n",
])
def test_a_wattage_of_a_machine_at_work_is_its_draw(project_registry, text):
    props = _watt_props(project_registry, text)
    assert props and set(props) == {"power-draw"}


@pytest.mark.parametrize("text", [
    "The H100 SXM is rated at 700W.\n",
    "The B200 draws 1,000 W.\n",
])
def test_a_gpu_wattage_no_word_of_work_qualifies_is_its_tdp(project_registry, text):
    assert _watt_props(project_registry, text) == ["tdp"]


# Generating capacity: a region's batteries, or generation a buyer contracted (a PPA), is
# capacity to supply power, not a data centre's power.

@pytest.mark.parametrize("text", [
    "The US plans 68 GW of new batteries by 2035.\n",
    "Texas has signed PPAs for 9 GW.\n",
])
def test_batteries_and_power_purchase_agreements_are_generating_capacity(project_registry, text):
    assert [d.property for d in extract_text(text, project_registry) if d.unit == "GW"] == ["generating-capacity"]


def test_a_region_s_contract_no_word_of_generation_names_stays_facility_power(project_registry):
    assert [d.property for d in extract_text("Texas has signed contracts for 9 GW.\n", project_registry)
            if d.unit == "GW"] == ["facility-power"]


def test_util_is_utilisation_shortened(project_registry):
    # made up: "util", as tables and dashboards shorten utilisation
    assert _percent_props(project_registry, "Even at 40% util, owning the servers wins.\n") == ["utilisation"]
