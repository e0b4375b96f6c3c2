"""spec75: numbers of fresh public write-ups (in no corpus, judged by hand) that `kb vet` could not
check, or flagged wrongly, for a linking reason (short paraphrases of their forms).

- a memory generation's name right after a memory size ("80GB HBM3") says what type the card's
  memory is: it owns neither that size nor a number near it (the registry's figures of a memory
  generation are per stack); before, "Memory: 80GB HBM3 (some configurations may have 94GB)" was
  HBM3's and flagged against HBM3's 64 GB stack.
- a memory size of one of several parts ("8 stacks of HBM3e (24GB each)", "24 GB per stack") is
  no card's memory: before, the B200's 24 GB was flagged against its 180 GB.
- "$29.0B val." in a funding history is a valuation (the abbreviation), and a company named as an
  investment's label ("Microsoft Extended Investment 2023") is the investor, not the company whose
  round and valuation the line gives.
- "infrastructure deals totaling $1.4 trillion" is what the deals are worth, not money raised.
- a spec sheet's labelled items ("- Memory Bandwidth: 3.35 TB/s") under a line that opens with a
  GPU as its subject ("The H100, launched in 2022, marked a leap.") are that GPU's.
"""
from __future__ import annotations

import pytest

from conftest import draft_of


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


_SPEC = """\
1. NVIDIA H100 (Hopper Architecture)
The H100, launched in 2022, marked a significant leap over the A100.
- Architecture: Hopper
- Memory: 80GB HBM3 (some configurations may have 94GB)
- Memory Bandwidth: 3.35 TB/s
- TDP: Up to 700W
"""


@pytest.mark.parametrize("raw", ["80GB", "94GB"])
def test_memory_type_after_a_size_owns_no_number(reg, raw):
    d = draft_of(reg, "- Memory: 80GB HBM3 (some configurations may have 94GB)\n", raw)
    assert d.entity != "hbm3"


def test_card_named_before_keeps_its_typed_memory(reg):
    d = draft_of(reg, "The H100 ships with 80GB HBM3.", "80GB")
    assert d.entity == "nvidia-h100"
    assert d.property == "memory-capacity"


@pytest.mark.parametrize("text, raw", [
    ("- HBM3e: the B200 features 8 stacks of HBM3e (24GB each).", "24GB"),
    ("The B200 uses eight HBM3e stacks at 24 GB per stack.", "24 GB"),
])
def test_size_of_one_stack_is_not_the_cards(reg, text, raw):
    d = draft_of(reg, text, raw)
    assert d.entity != "nvidia-b200"


_FUNDING = ("OpenAI funding history: Microsoft Investment 2019, $1.0B raised. Microsoft Extended "
            "Investment 2023, $10.0B raised, $29.0B val. Funding Round 2024, $6.6B raised, $157.0B val.")


@pytest.mark.parametrize("raw", ["$29.0B", "$157.0B"])
def test_abbreviated_valuation_is_the_investees(reg, raw):
    d = draft_of(reg, _FUNDING, raw)
    assert d.property == "valuation"
    assert d.entity == "openai"


def test_investment_label_keeps_the_investors_money(reg):
    # (the money of "Microsoft Extended Investment" stays Microsoft's investment)
    d = draft_of(reg, _FUNDING, "$10.0B")
    assert d.entity == "microsoft"


def test_deals_totaling_is_contract_value(reg):
    d = draft_of(reg, "OpenAI has signed infrastructure deals totaling $1.4 trillion over eight years.",
                 "$1.4 trillion")
    assert d.property == "contract-value"


@pytest.mark.parametrize("raw, prop", [("3.35 TB/s", "memory-bandwidth"), ("Up to 700W", "tdp")])
def test_spec_items_under_a_line_opening_with_a_gpu(reg, raw, prop):
    d = draft_of(reg, _SPEC, raw)
    assert d.entity == "nvidia-h100"
    assert d.property == prop


def test_spec_items_under_a_line_naming_no_gpu_first(reg):
    # (a line that does not open with the GPU gives its items nothing)
    d = draft_of(reg, "We compared several cards, the L40S among them.\n- Memory Bandwidth: 864 GB/s\n",
                 "864 GB/s")
    assert d.entity != "nvidia-l40s"
