"""Numbers owned by companies get the company (kb/extract/linking.py, the registry's aliases).

Each case is a short quote of a development article (dev-B half) that showed the gap, with its id.
"""
from __future__ import annotations

from conftest import linked_draft


# r46-ai-datacenter-power-revolution: a company's ticker in the possessive right before the number
def test_a_ticker_in_the_possessive_owns_the_number(project_registry):
    text = "- **Part 3**: Nuclear power renaissance (CEG's $86.7B PPA pipeline)\n"
    assert linked_draft(project_registry, text, "$86.7B")[0] == "constellation-energy"


# r41-openai-inference-spend: the subject's measure, a second company named inside its phrase
def test_the_possessive_subjects_measure_is_its_own(project_registry):
    text = ("OpenAI’s inference spend with Microsoft Azure between CY2024 and Q3 CY2025 was $12.43 billion. "
            "That is an astonishing figure.\n")
    assert linked_draft(project_registry, text, "$12.43 billion")[0] == "openai"


# r117-used-rtx3090-for-llms: a card named by its maker and its number, never in full
def test_a_makers_name_and_a_card_number_name_the_card(project_registry):
    text = ("After a bit of research it seemed like my best bet, the best value card, was to find a used "
            "NVIDIA 3090, mostly because it has 24GB of memory and is a good price at this time.\n")
    assert linked_draft(project_registry, text, "24GB")[0] == "nvidia-geforce-rtx-3090"


# r113-deep-learning-build-2k: "US$" is the amount's currency, not the country the number is of
def test_a_dollar_signs_country_is_no_entity(project_registry):
    text = "It costs US$1.20 per hour on demand plus US$0.08 per GB-month of storage.\n"
    assert linked_draft(project_registry, text, "US$0.08")[0] != "us"


# r73-coreweave-q3-2025-analysis: a company's reported item written "a $X ...", in a report on the
# company, is the company's (no hypothetical's "a $100M training run")
def test_a_reported_item_written_as_an_instance_is_the_subjects(project_registry):
    text = ("# CoreWeave, Inc. (CRWV) – Financial Analysis\n\n## Income Statement Trends\n"
            "- Net loss narrowed YoY (from -$359.8M) despite a tripling of interest expense to $310.6M, "
            "aided by a $126.7M tax benefit.\n")
    assert linked_draft(project_registry, text, "$126.7M")[0] == "coreweave"
