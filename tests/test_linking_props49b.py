"""Wattages and "generation" (datasets/properties/energy.yaml, generating-capacity's ``needs:``):
a product's generation ("the previous generation A100", "a Hopper-generation card") or a
model's generation of text or code is no generating of electricity, so a GPU's wattage near
those words is no generating capacity; the power sector's generation ("power generation",
"3 GW of generation", "incremental generation") still is.

Made-up sentences.
"""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text


def _props(project_registry, text, unit_prefix):
    return [d.property for d in extract_text(text, project_registry) if d.unit and d.unit.endswith(unit_prefix)]


@pytest.mark.parametrize("text", [
    "The previous generation A100 came in at 400 watts.\n",
    "A Hopper-generation card needs 700 watts.\n",
    "For code generation we used one card at 350 watts.\n",
    # nor is "generating" tokens or images: the card draws power, it supplies none
    "Generating tokens on the card uses about 300 W in our tests.\n",
    "The card pulls 450 W when generating images.\n",
])
def test_a_product_or_text_generation_gives_no_generating_capacity(project_registry, text):
    props = _props(project_registry, text, "W")
    assert props and "generating-capacity" not in props


@pytest.mark.parametrize("text", [
    "The utility plans 3 GW of new power generation in Texas by 2030.\n",
    "The region added 12 GW of incremental generation last year.\n",
    "The new turbines add 5 GW of generating capacity.\n",
    "The utility's fleet generates electricity from 40 GW of plants.\n",
])
def test_the_power_sectors_generation_stays_generating_capacity(project_registry, text):
    assert _props(project_registry, text, "W") == ["generating-capacity"]


# A wattage right after a model's name is what the hardware drew while serving that model: a
# rating (tdp) is a hardware part's, never a model's. After a GPU's name it stays the rating.

@pytest.mark.parametrize("text", [
    "- Summaries: Mistral 7B (290W)\n",
    "Per model on the card: Llama 3.1 70B: 350W.\n",
])
def test_a_wattage_after_a_models_name_is_a_draw(project_registry, text):
    assert _props(project_registry, text, "W") == ["power-draw"]


def test_a_wattage_after_a_gpus_name_stays_its_rating(project_registry):
    assert _props(project_registry, "The H100 (700W) is hot.\n", "W") == ["tdp"]
