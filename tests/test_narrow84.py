"""narrow84: a narrower thing given its broader one, or a card's figure given to its workload.

- a figure given to the model its sentence names as the workload ("on GPT-J 6B") where the
  sentence names one card that ran it, not as the one compared with ("over A100", "the A100
  NVLink baseline"), is the card's;
- a figure given to a company by its section or an earlier sentence, where the paragraph names
  one thing that company makes, is that thing's ("Maia 200 ... In practice it entered limited
  deployment in two data centers" under a heading about Microsoft).
"""
from __future__ import annotations

import pytest

from conftest import draft_of


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


# r02-h100-pcie-vs-sxm (development)
_BENCH = ("TensorRT-LLM benchmarks show H100 SXM5 achieving **10,907 tokens/second** on GPT-J 6B at batch "
          "size 64 with FP8 quantization—a **3.0x throughput improvement** over A100 with **4.7x faster "
          "time-to-first-token**. The vLLM framework reports **3,311 tokens/second** on Llama 3.1 70B across "
          "8 H100s, representing 2.8x the A100 NVLink baseline.")


# (the excerpt names one form factor of the H100, so "8 H100s" reads as the H100 SXM: the
# article, which names the PCIe card too, gives these two figures to the H100)
@pytest.mark.parametrize("raw, want", [
    ("3.0x", "nvidia-h100-sxm"),
    ("3,311 tokens/second", "nvidia-h100-sxm"),
    ("2.8x", "nvidia-h100-sxm"),
])
def test_workload_model_yields_to_the_card(reg, raw, want):
    assert draft_of(reg, _BENCH, raw).entity == want


def test_card_after_on_is_the_device(reg):
    text = ("Argonne National Laboratory's LLM-Inference-Bench found throughput improves 39x when batch size "
            "increases from 1 to 64 on Llama-3-70B—compared to only 3x improvement on A100.")
    assert draft_of(reg, text, "3x").entity == "nvidia-a100"


@pytest.mark.parametrize("text, raw, want", [
    # the model is not named after "on": its own figure
    ("Llama 3.1 70B reaches 3,311 tokens/second across 8 H100s.", "3,311 tokens/second", "llama-3.1-70b"),
    # two cards that ran it: no one card to give it to
    ("The vLLM framework reports 3,311 tokens/second on Llama 3.1 70B across 8 H100s or 16 A100s.",
     "3,311 tokens/second", "llama-3.1-70b"),
])
def test_model_kept_without_one_card(reg, text, raw, want):
    assert draft_of(reg, text, raw).entity == want


# r163-anthropic-compute-advantage (development)
_MAIA = ("## Microsoft\n\n"
         "Microsoft's Maia chip program is the clearest example of the gap between custom silicon ambition "
         "and deployment reality.\n\n"
         "Maia 200, announced January 26, 2026, is a more serious design. On paper it is capable. In practice "
         "it entered limited deployment in two data centers in early 2026.\n")


def test_maker_yields_to_its_product_named_in_the_paragraph(reg):
    assert draft_of(reg, _MAIA, "two data centers").entity == "microsoft-maia-200"


def test_maker_kept_when_the_paragraph_names_two_of_its_products(reg):
    text = _MAIA.replace("Maia 200, announced January 26, 2026, is a more serious design.",
                         "Maia 200, announced January 26, 2026, is a more serious design than Maia 100.")
    assert draft_of(reg, text, "two data centers").entity == "microsoft"
