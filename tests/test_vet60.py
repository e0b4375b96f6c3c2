"""kb vet flags what the curated claims let kb check flag (session 27, vet60; designed on the dev-B
half of the real development articles, quotes of those articles in each test):

- a list item whose label says its number is per GPU ("- **Power per GPU:** 700W (at load)"),
  naming nothing itself, is about the one registry GPU its sibling items name ("- **GPU cluster:**
  25,000 NVIDIA A100 GPUs"), so vet checks it against that GPU's reference values.
"""
from __future__ import annotations

from kb.extract.drafts import extract_text

# r46-ai-datacenter-power-revolution
CONFIG = ("### 2.1 The Economics of a GPT-4 Training Run\n\n"
          "Let's deconstruct the power requirements for training a frontier model:\n\n"
          "**Configuration:**\n"
          "- **GPU cluster:** 25,000 NVIDIA A100 GPUs\n"
          "- **Training duration:** 90-100 days continuous\n"
          "- **Power per GPU:** 700W (at load)\n"
          "- **Overhead multiplier:** 1.3x (cooling, networking, storage)\n")


def _draft(registry, text, raw):
    (d,) = [d for d in extract_text(text, registry) if d.raw == raw]
    return d


def test_a_per_gpu_item_is_about_the_one_gpu_the_list_names(project_registry):
    d = _draft(project_registry, CONFIG, "700W")
    assert d.entity == "nvidia-a100" and d.property == "power-draw"
    assert d.conditions.get("scope") == "per-gpu"
    assert d.entity_confidence >= 0.55


def test_no_gpu_or_two_gpus_in_the_list_or_no_per_gpu_label_give_no_link(project_registry):
    # the list names no GPU
    d = _draft(project_registry, CONFIG.replace("NVIDIA A100 GPUs", "GPUs"), "700W")
    assert d.entity != "nvidia-a100"
    # the list names two GPUs: which one is not said
    two = CONFIG.replace("25,000 NVIDIA A100 GPUs", "25,000 NVIDIA A100 GPUs and 5,000 NVIDIA H100 GPUs")
    d = _draft(project_registry, two, "700W")
    assert d.entity not in ("nvidia-a100", "nvidia-h100")
    # the label says not that the number is one GPU's
    d = _draft(project_registry, CONFIG.replace("Power per GPU", "Power of the cluster"), "700W")
    assert d.entity != "nvidia-a100"


def test_the_per_gpu_item_is_flagged_against_the_gpus_power(tmp_path):
    from conftest import ROOT
    from kb.extract.vet import vet

    p = tmp_path / "article.md"
    p.write_text(CONFIG, encoding="utf-8")
    ns = {n.raw: n for n in vet(p, ROOT, as_of="2025-06-01").numbers}
    # an A100 draws 250-400 W (PCIe / SXM), not 700 W (an H100 SXM's)
    assert ns["700W"].status == "flagged"
    p.write_text(CONFIG.replace("700W", "400W"), encoding="utf-8")
    ns = {n.raw: n for n in vet(p, ROOT, as_of="2025-06-01").numbers}
    assert ns["400W"].status != "flagged"
