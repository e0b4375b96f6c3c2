"""What a power figure is per decides its property (issue 14): a kW figure per rack, a rack's
or a power density is a measured draw, not a chip's TDP; a bare GPU wattage stays the TDP.
The sentences are paraphrases written for these tests, read with the real registry
(datasets/properties: power-draw's ``cues:``/``needs:``)."""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text


def _props(text, reg, unit_prefix=("W", "kW", "MW")):
    out = [(d.unit, d.property) for d in extract_text(text, reg) if d.unit in unit_prefix]
    assert out, f"no power figure read from {text!r}"
    return out


@pytest.mark.parametrize("text", [
    "Legacy server halls averaged about 6 kW per rack.",
    "Older colocation sites: 4-7 kW/rack.",
    "Enterprise racks typically run at 5 to 10 kW.",
    "One liquid-cooled NVL36 rack: 60-70 kW.",
    "Rack density climbed to 30 kW within a decade.",
    "Stepwise density gains: 3 kW.",
    "Each accelerator needs about 1 kW at full load.",
    "Per card, roughly 900 W at peak load.",
])
def test_per_rack_density_and_load_figures_are_a_draw(text, project_registry):
    assert {p for _, p in _props(text, project_registry)} == {"power-draw"}


@pytest.mark.parametrize("text", [
    "The H100 is a 700 W part.",
    "The B200 has a TDP of 1,000 W per GPU.",
    "A100 boards are rated at 400 W.",
])
def test_a_gpu_wattage_without_rack_or_load_words_stays_the_tdp(text, project_registry):
    assert {p for _, p in _props(text, project_registry)} == {"tdp"}


def test_a_campus_in_megawatts_stays_facility_power(project_registry):
    # "racks" nearby makes a draw a candidate, but a campus's megawatts are its facility power
    assert _props("The new campus is designed for 40 MW of IT load across 800 racks.", project_registry) == \
        [("MW", "facility-power")]


@pytest.mark.parametrize("text", [
    "The chiller plant can reject 30 MW of heat.",
    "The site's cooling capacity is 50 MW.",
])
def test_cooling_words_still_make_a_cooling_capacity(text, project_registry):
    assert {p for _, p in _props(text, project_registry)} == {"cooling-capacity"}


@pytest.mark.parametrize("text", [
    "Training GPT-4 took roughly 50 GWh.",
    "By one estimate, fully training Llama 3 consumed roughly 25 GWh of electricity.",
])
def test_energy_a_training_word_names_is_training_energy(text, project_registry):
    # without the word, a model's energy in GWh is its electricity use (models.yaml: training-energy's cues)
    assert {p for u, p in _props(text, project_registry, ("MWh", "GWh"))} == {"training-energy"}


def test_energy_without_a_training_word_stays_electricity_use(project_registry):
    assert {p for _, p in _props("US data centres consumed 176 TWh in 2023.", project_registry, ("TWh",))} == {"electricity-use"}
