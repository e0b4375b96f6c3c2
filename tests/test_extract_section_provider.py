"""Conditions and entities a price takes from where it stands: the provider a section's
heading names, the per-GPU scope of a provider's GPU price, and a bracketed name right
after the number (kb vet compares a draft with other articles' claims only when their
conditions are the same, so a provider left unread hides a conflict)."""
from __future__ import annotations

from conftest import drafts_by_raw


def test_provider_from_the_section_heading(project_registry):
    text = ("# Renting GPUs\n\n## 2. RunPod - cheap and cheerful\n\n### Pricing\n\n"
            "H100 (80GB): $2.65/hr on demand.\n")
    d = drafts_by_raw(text, project_registry)["$2.65/hr"]
    assert d.entity == "nvidia-h100" and d.property == "rental-price"
    assert d.conditions.get("provider") == "runpod"
    # a provider's price of one GPU, with no scope said, is per GPU
    assert d.conditions.get("scope") == "per-gpu"


def test_provider_from_a_heading_over_a_table(project_registry):
    text = ("### Groq Models\n\n| Parameter | Gemma 2 9B |\n|---|---|\n"
            "| Output price per million tokens | $0.21 |\n")
    d = drafts_by_raw(text, project_registry)["$0.21"]
    assert d.property == "token-price"
    assert d.conditions.get("provider") == "groq"


def test_no_provider_from_the_makers_own_heading(project_registry):
    # a first party's price states no provider
    d = drafts_by_raw("## OpenAI models\n\nGPT-4o costs $2.40 per million input tokens.\n", project_registry)[
        "$2.40 per million input tokens"]
    assert d.entity == "gpt-4o"
    assert "provider" not in d.conditions


def test_no_provider_from_a_heading_naming_several(project_registry):
    d = drafts_by_raw("## RunPod vs CoreWeave\n\nThe H100 rents for $2.35/hr.\n", project_registry)["$2.35/hr"]
    assert "provider" not in d.conditions


def test_no_per_gpu_scope_without_a_provider(project_registry):
    # prices on the open market differ from one seller to another: no scope guessed
    d = drafts_by_raw("## The market\n\nThe H100 rents for $2.15/hr.\n", project_registry)["$2.15/hr"]
    assert d.entity == "nvidia-h100"
    assert "scope" not in d.conditions and "provider" not in d.conditions


def test_a_bracketed_name_after_the_number_says_what_it_is_of(project_registry):
    text = ("With 64 H100s the run takes 40 hours.\n"
            "Cost at $98.10/hr (AWS p5): 8 x 40 x $98.10 = ~$31K\n")
    d = drafts_by_raw(text, project_registry)["$98.10/hr"]
    assert d.entity == "aws-p5.48xlarge"
    assert d.property == "rental-price"


def test_no_bracket_no_label(project_registry):
    d = drafts_by_raw("We spend $3,100 a month on our cluster.\n", project_registry)["$3,100 a month"]
    assert d.entity is None


def test_polish_direction_words_in_a_price_table(project_registry):
    # "Cena za milion tokenów wejściowych / wyjściowych": price per million input / output tokens
    text = ("| Parametr | Gemma 2 9B |\n|---|---|\n"
            "| Cena za milion tokenów wejściowych | $0.21 |\n"
            "| Cena za milion tokenów wyjściowych | $0.23 |\n")
    d = drafts_by_raw(text, project_registry)
    assert d["$0.21"].conditions.get("direction") == "input"
    assert d["$0.23"].conditions.get("direction") == "output"
