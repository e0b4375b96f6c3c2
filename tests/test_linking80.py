"""Entity linking on fresh GPU tables and spec lines (ent80, issue 14): a maker's product-line word
beside a card's name, a card counted once with its figure in brackets, a column of the cards'
memory. Each form is quoted or adapted from public writing."""
from __future__ import annotations

import pytest

from conftest import draft_of

from kb.core.grammar import header_unit


def _hits(reg, text):
    from kb.extract.linking import index_for

    idx = index_for(reg.entities, reg.properties)
    return [(text[a:b], e) for a, b, e in idx.aliases_in(text) if e]


# --- a maker's line word: "Nvidia Tensor T4", "Tesla A100", "Tesla M60" -----------------------

def test_a_line_word_between_the_maker_and_the_card_is_part_of_the_name(project_registry):
    # "| g4dn.xl | 0.615 | Nvidia Tensor T4 | 16 |" (an AWS price table)
    text = "| g4dn.xl | 0.615 | Nvidia Tensor T4 | 16 |"
    assert _hits(project_registry, text) == [("Nvidia Tensor T4", "nvidia-t4")]


def test_the_line_word_alone_names_the_makers_card_not_the_carmaker(project_registry):
    # "| p4 | 20 | Tesla A100 | 40 |": Nvidia's Tesla line, not Tesla the company
    text = "| p4 | 20 | Tesla A100 | 40 |"
    assert ("Tesla A100", "nvidia-a100") in _hits(project_registry, text)
    assert "tesla" not in [e for _, e in _hits(project_registry, text)]


def test_a_line_word_before_a_card_code_the_registry_lacks_is_no_company(project_registry):
    # "| g3 | 0.75 | Tesla M60 | 8 |": a card the registry does not hold, still no carmaker
    assert _hits(project_registry, "| g3 | 0.75 | Tesla M60 | 8 |") == []


@pytest.mark.parametrize("text, want", [
    # the company itself, and another word between a maker and a card
    ("Tesla shares rose 5% after the earnings call.", [("Tesla", "tesla")]),
    ("Tesla Q3 revenue rose 8% and Tesla FY24 capex was flat.", [("Tesla", "tesla"), ("Tesla", "tesla")]),
    ("Tesla bought more Nvidia H100 cards.", [("Tesla", "tesla"), ("Nvidia H100", "nvidia-h100")]),
    ("Nvidia said H100 demand was strong.", [("Nvidia", "nvidia"), ("H100", "nvidia-h100")]),
])
def test_the_company_and_the_maker_stay_apart_elsewhere(project_registry, text, want):
    assert _hits(project_registry, text) == want


# --- a card counted once, its figure in brackets after it ---------------------------------------

def test_a_figure_in_brackets_after_one_counted_card_is_the_cards(project_registry):
    # "- GPU: 1× NVIDIA A10G (24 GB GDDR6)" (a spec list in prose)
    d = draft_of(project_registry, "The test machine:\n\n- GPU: 1× NVIDIA A10G (24 GB GDDR6)\n", "24 GB")
    assert d.entity == "nvidia-a10g"


def test_a_figure_in_brackets_after_several_cards_stays_the_groups(project_registry):
    d = draft_of(project_registry, "The test machine:\n\n- GPU: 8× NVIDIA A10G (192 GB in all)\n", "192 GB")
    assert d.entity != "nvidia-a10g"


# --- a column of the cards' memory: "GPU Memory (Gb)" --------------------------------------------

@pytest.mark.parametrize("header", ["GPU Memory (Gb)", "GPU Memory (GB)", "GPU RAM (GB)", "VRAM (Gb)"])
def test_a_header_of_the_cards_memory_is_gigabytes(header):
    q = header_unit(header)
    assert q is not None and q.atom == "GB" and not q.count


@pytest.mark.parametrize("header", ["GPU Memory", "Bandwidth (Gb)"])
def test_memory_without_its_unit_or_gb_without_memory_is_no_unit(header):
    assert header_unit(header) is None


def test_a_count_of_gpus_is_still_a_count():
    q = header_unit("GPUs")
    assert q is not None and q.atom == "GPU" and q.count


def test_a_memory_column_of_an_aws_table_is_the_cards(project_registry):
    text = ("| Class     | Price ($) | GPU              | GPU Memory (Gb) |\n"
            "| --------- | --------- | ---------------- | --------------- |\n"
            "| g4dn.xl   | 0.615     | Nvidia Tensor T4 | 16              |\n"
            "| p4        | 20        | Tesla A100       | 40              |\n")
    d = draft_of(project_registry, text, "40")
    assert (d.unit, d.property) == ("GB", "memory-capacity")
    assert draft_of(project_registry, text, "16").entity == "nvidia-t4"


# --- a company's possessive before its evaluation -------------------------------------------------

def test_the_company_running_an_evaluation_does_not_own_the_models_score(project_registry):
    # "Solves 64% of problems on Anthropic's internal agentic coding evaluation" (a model's release
    # notes, under the model's heading)
    text = "## Claude 3.5 Sonnet\n\n- Solves 64% of problems on Anthropic's internal agentic coding evaluation\n"
    assert draft_of(project_registry, text, "64%").entity == "claude-3.5-sonnet"


def test_a_companys_own_share_after_the_number_is_still_its(project_registry):
    text = "## Claude 3.5 Sonnet\n\n- About 40% of Anthropic's revenue comes from the API\n"
    assert draft_of(project_registry, text, "About 40%").entity == "anthropic"
