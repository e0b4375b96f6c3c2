"""`kb vet` sets a job's cost against the GPUs it ran on and how long it ran: the cost per
GPU-hour it implies cannot be above what renting one GPU plausibly costs for an hour (the
vocabulary's per-GPU range of the rental price)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import one_claim_kb, vet_text, vetted_number

ENTITIES = """\
entities:
  - {id: nvidia-h100, name: NVIDIA H100, kind: gpu, aliases: [H100, NVIDIA H100]}
"""
CONDITIONS = """\
conditions:
  scope:
    description: What one number covers.
    values: [per-gpu, per-instance]
"""
PROPERTIES = """\
properties:
  - id: rental-price
    name: GPU rental price
    description: Price of renting compute per hour.
    cues: ["rent*", "on-demand*"]
    canonical_unit: USD/hour
    conditions: [scope]
    plausible:
      gpu: {low: 0.05 USD/hour, high: 40 USD/hour, conditions: {scope: per-gpu}, rationale: "Per-GPU prices."}
  - id: workload-cost
    name: Cost of a workload
    description: What one job costs.
    cues: ["cost", "costs"]
    canonical_unit: USD
  - id: gpu-count
    name: GPU count
    description: How many GPUs.
    canonical_unit: GPU
  - id: training-duration
    name: Training duration
    description: How long a run takes.
    canonical_unit: day
"""
OTHER = "An H100 server holds 8 GPUs.\n"

# written for these tests: a budget whose first row charges each GPU-hour ~$98 (a whole
# eight-GPU instance's price per GPU), whose second row charges ~$10
BUDGET = ("What our training runs cost.\n\n"
          "| Run | GPUs | Duration | Cost |\n|---|---|---|---|\n"
          "| Small | 16 | ~4 days | ~$150K |\n"
          "| Medium | 64 | ~2 days | ~$30K |\n")


def _root(tmp_path: Path, properties: str) -> Path:
    """A knowledge base of one other article's claim (an H100 server's 8 GPUs) and no references."""
    claim = {"id": "other-count", "entity": "nvidia-h100", "property": "gpu-count", "value": 8,
             "unit": "GPU", "qualifier": "exact"}
    return one_claim_kb(tmp_path, OTHER, claim, conditions=CONDITIONS, entities=ENTITIES,
                        properties=properties, references="citations: []\nreferences: []\n")


@pytest.fixture()
def kb_root(tmp_path: Path) -> Path:
    return _root(tmp_path, PROPERTIES)


def test_a_cost_above_any_gpu_hour_price_is_flagged(kb_root, tmp_path):
    rep = vet_text(tmp_path, kb_root, BUDGET)
    cost = vetted_number(rep, "~$150K")
    assert cost.status == "flagged", cost.reason
    (f,) = [f for f in cost.findings if f.title == "What it implies per GPU-hour is implausible"]
    assert f.code == "implausible"
    assert "is 97.66 USD per GPU-hour" in f.message and "40 USD an hour" in f.message
    assert f.causes == ("a price per instance or node (several GPUs) charged per GPU",)


def test_a_cost_within_what_gpus_rent_for_is_not_flagged(kb_root, tmp_path):
    rep = vet_text(tmp_path, kb_root, BUDGET)
    cost = vetted_number(rep, "~$30K")
    assert cost.status != "flagged", cost.findings


# written for these tests: a price list whose summary table gives one provider's price as an
# H100's, while its notes say that price rents eight of them
SEVERAL = ("GPU clouds compared.\n\n"
           "| Provider | H100 price per hour |\n|---|---|\n"
           "| Acme Cloud | $19.80 |\n"
           "| Beta Cloud | $2.50 |\n\n"
           "Notes on Acme Cloud: its H100 offer is $19.80/hr for 8 GPUs.\n\n"
           "Notes on Beta Cloud: an H100 on-demand is $2.50/hr.\n")


def test_a_price_the_article_gives_for_several_gpus_elsewhere_is_flagged_as_one_gpus(kb_root, tmp_path):
    rep = vet_text(tmp_path, kb_root, SEVERAL)
    acme = [n for n in rep.numbers if n.raw == "$19.80"]
    assert len(acme) == 1 and acme[0].status == "flagged", [(n.raw, n.status, n.reason) for n in rep.numbers]
    (f,) = [f for f in acme[0].findings if f.title == "The article gives this price for several GPUs elsewhere"]
    assert "as the price of 8 GPUs" in f.message and "8x too high" in f.message
    # the notes' own price of eight GPUs, and a price given once per GPU, are not flagged
    assert vetted_number(rep, "$19.80/hr").status != "flagged"
    assert all(n.status != "flagged" for n in rep.numbers if n.value == 2.5)


POWER_PROPERTIES = PROPERTIES + """\
  - id: tdp
    name: Thermal design power
    description: Maximum board power.
    canonical_unit: W
    conditions: [scope]
    plausible:
      gpu: {low: 1 W, high: 2000 W, conditions: {scope: per-gpu}, rationale: "Accelerators draw up to ~1.2 kW."}
  - id: electricity-use
    name: Electricity use
    description: Electricity consumed.
    canonical_unit: MWh
  - id: training-gpu-hours
    name: Training GPU-hours
    description: GPU-hours of a run.
    canonical_unit: GPU-hour
"""
# written for these tests: the energy of a thousand GPU-hours, once as a whole eight-GPU
# server's (about 8 kW per GPU) and once as one GPU's with its share of the server (~1.1 kW)
ENERGY = ("Energy per GPU type.\n\n"
          "| GPU | Power | Energy per 1K GPU Hours |\n|---|---|---|\n"
          "| H100 | 700W | ~8 MWh |\n"
          "| A100 | 400W | ~1.1 MWh |\n")


@pytest.fixture()
def power_root(tmp_path: Path) -> Path:
    return _root(tmp_path, POWER_PROPERTIES)


def test_energy_per_gpu_hour_above_what_a_gpu_draws_is_flagged(power_root, tmp_path):
    rep = vet_text(tmp_path, power_root, ENERGY)
    node = vetted_number(rep, "~8 MWh")
    assert node.status == "flagged", node.reason
    (f,) = [f for f in node.findings if f.title == "What it implies per GPU is implausible"]
    assert "an average of 8,000 W per GPU" in f.message and f.causes == (
        "the energy of a server or node of several GPUs counted per GPU",)
    assert vetted_number(rep, "~1.1 MWh").status != "flagged"
