"""Entity choice on real text (kb/extract/linking.py): a company that makes a claim is who says
it, not what the number is about; a paragraph that opens with a pronoun goes on about what the
paragraph before named; a name a preposition attaches to an earlier number of the sentence is
that number's.

Sentences from dev-A articles (named in each test).
"""
from __future__ import annotations

import datetime

from kb.extract.drafts import extract_text


def _entity(reg, text, raw, published=None):
    # (the last number written ``raw``: a heading above may repeat it)
    return [d.entity for d in extract_text(text, reg, published=published) if text[d.span_start:d.span_end] == raw][-1]


def test_a_companys_claim_is_about_the_product_the_title_names(project_registry):
    # r03-h100-inference-breakdown
    text = ('+++\ntitle = "Breakdown of H100s for Transformer Inferencing"\n+++\n\n'
            "### how to get the 30x\n\n"
            'Nvidia claims 30x higher than A100s for the 530B model ("Up to 30X Higher AI Inference '
            'Performance on Largest Models", "H100 to A100 comparison").\n')
    assert _entity(project_registry, text, "30x") == "nvidia-h100"


def test_a_companys_claims_are_about_its_product_named_before(project_registry):
    # r49-google-ai-moat-chips
    text = ('---\ntitle: "Google\'s AI Moat: It starts with the chips (Part 1)"\n---\n\n'
            "A strong feature from NVIDIA B200 is the new **_FP4 support_**, this is a strong "
            "paradigm shift for inference workloads.\n\n"
            'This new capability is the primary technical driver behind NVIDIA\'s claims of "up to '
            '30x faster inference" at the system level.\n')
    assert _entity(project_registry, text, "up to 30x") == "nvidia-b200"


def test_a_company_that_does_not_claim_keeps_its_number(project_registry):
    # the same sentence with the company as the one whose number it is
    text = "A strong feature from NVIDIA B200 is FP4.\n\nNVIDIA has 30x more revenue than before.\n"
    assert _entity(project_registry, text, "30x") == "nvidia"


def test_a_paragraph_opening_with_a_pronoun_goes_on_from_the_paragraph_before(project_registry):
    # r74-data-center-water
    text = ("Digital Realty is a large real estate investment trust that specializes in data "
            "centers, with over 300 facilities around the world.\n\n"
            "They report their water sources with a great deal of helpful breakdowns. About 36% of "
            "their water comes from municipal non-drinkable sources.\n")
    assert _entity(project_registry, text, "About 36%") == "digital-realty"


def test_a_paragraph_opening_otherwise_stops_at_the_break(project_registry):
    text = ("Digital Realty is a large real estate investment trust that specializes in data "
            "centers, with over 300 facilities around the world.\n\n"
            "Reports break water sources down. About 36% of water comes from municipal "
            "non-drinkable sources.\n")
    assert _entity(project_registry, text, "About 36%") != "digital-realty"


def test_a_size_attached_to_an_earlier_number_is_that_numbers(project_registry):
    # r40-llama-cpp-possible
    text = ("Recently, a project rewrote the LLaMa inference code in raw C++.\n\n"
            "On an A100 (80GB PCIe), the memory bandwidth is 1935GB/s. We should expect to see "
            "inferences as given in the table; roughly 30 tokens/s with the 65B model, and 277 "
            "tokens/s with the 7B model.\n")
    published = datetime.date(2023, 3, 31)
    assert _entity(project_registry, text, "roughly 30 tokens/s", published) == "llama-1-65b"
    assert _entity(project_registry, text, "277 tokens/s", published) == "llama-1-7b"


def test_a_name_attached_to_an_earlier_number_may_end_its_clause_later():
    """"30 tokens/s with the 65B model as measured, and 277 tokens/s": the words after the name
    up to the comma are still the earlier number's clause (the check's own pattern, which a
    later pattern of the same name once replaced when the module loaded); "and" right after the
    name sets it apart too (ent63: "32GB on first generation Gaudi and 80GB on A100 80GB"); with
    neither a comma, a semicolon nor "and" before the next number, the name is not set apart from it."""
    from kb.extract.linking import _earlier_numbers

    v = "roughly 30 tokens/s with the 65B model as measured, and 277 tokens/s with the 7B model."
    assert _earlier_numbers(v, 0, v.index("65B"), v.index(" as measured"), v.index("277"))
    v = "roughly 30 tokens/s with the 65B model and 277 tokens/s with the 7B model."
    assert _earlier_numbers(v, 0, v.index("65B"), v.index(" and 277"), v.index("277"))
    v = "roughly 30 tokens/s with the 65B model versus 277 tokens/s with the 7B model."
    assert not _earlier_numbers(v, 0, v.index("65B"), v.index(" versus 277"), v.index("277"))
