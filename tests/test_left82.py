"""left82: leftovers session 40's helpers saw on fresh text, each in a short quoted form.

- a line listing numbers each labelled by a name ("T4: 2-4 hours, V100: 1.5-3 hours", a fresh
  GPU comparison's recommendations; "L4 = 5.5 min" under "T4 = 12 min") gave every number the
  sentence's first GPU as its hardware: the name labelling a number (a colon or equals sign
  between) is its own, and no other name of that kind is;
- a name right before its price with "at" or "@" ("RTX 4090 at ~$0.35/hr vs T4 at $0.59/hr",
  "RunPod RTX 4090 @ $0.77/hr") lost the price to the sentence's opener (and its provider to the
  sentence's first provider): the labelling name owns it;
- "$30/mo free credits" read as the T4's rent (the neighbour's property): credits given away
  have no property.
"""
from __future__ import annotations

from conftest import drafts_by_raw as _drafts


def test_a_name_labelling_a_number_is_its_hardware(project_registry):
    text = ("   - Faster GPU access than free tier\n"
            "   - T4: 2-4 hours, V100: 1.5-3 hours\n"
            "   - No additional cost (already have Pro)\n")
    d = _drafts(text, project_registry)
    # the V100's hours (its own, or its run's hardware), the T4's no V100's
    assert "nvidia-v100" in (d["1.5-3 hours"].entity, d["1.5-3 hours"].conditions.get("hardware"))
    assert "nvidia-t4" not in (d["1.5-3 hours"].entity, d["1.5-3 hours"].conditions.get("hardware"))
    assert "nvidia-v100" not in (d["2-4 hours"].entity, d["2-4 hours"].conditions.get("hardware"))


def test_a_labelled_gpu_takes_no_other_gpus_hardware(project_registry):
    text = ("* T4 = 12 min\n"
            "* L4 = 5.5 min (~2.2x faster than T4)\n"
            "* A100 = 2 min (~6x faster than T4)\n")
    d = _drafts(text, project_registry)
    assert d["5.5 min"].entity == "nvidia-l4"
    assert d["5.5 min"].conditions.get("hardware") != "nvidia-t4"
    assert d["2 min"].conditions.get("hardware") != "nvidia-t4"


# --- a name that labels its number ("T4 at $0.59/hr") ------------------------------------------

def test_a_name_at_a_price_owns_it_over_the_sentences_opener(project_registry):
    # (a fresh README's GPU comparison)
    text = ("- **Vast.ai** — best for batch (import/reprocess). RTX 4090 at ~$0.35/hr vs T4 at $0.59/hr, "
            "and faster inference per photo.\n")
    d = _drafts(text, project_registry)
    assert d["~$0.35/hr"].entity == "nvidia-geforce-rtx-4090"
    assert d["$0.59/hr"].entity == "nvidia-t4"


def test_a_name_a_preposition_leads_to_labels_nothing(project_registry):
    # "in Indiana:" says where Project Rainier is; "in Anthropic at" is who was invested in
    d = _drafts("- Amazon's Project Rainier in Indiana: 2.2 gigawatts\n", project_registry)
    assert d["2.2 gigawatts"].entity == "amazon-project-rainier"


# --- credits given away ------------------------------------------------------------------------

def test_free_credits_are_no_rent_of_the_gpu_before(project_registry):
    d = _drafts("- Modal T4 - $0.59/hr + $30/mo free credits\n", project_registry)
    assert d["$0.59/hr"].property == "rental-price"
    assert d["$30/mo"].property is None
    assert d["$30/mo"].entity != "nvidia-t4"


def test_free_credits_in_prose_have_no_property(project_registry):
    d = _drafts("- T4 GPU at $0.59/hr on Modal\n- $30/mo free credits covers ~360,000 photos/month\n",
                project_registry)
    assert d["$30/mo"].property is None
    # a credit line is no free credit
    d = _drafts("The company drew $500 million on its credit facility in 2024.\n", project_registry)
    assert d["$500 million"].property is not None


def test_names_before_an_at_sign_label_the_price(project_registry):
    # (a fresh GPU provider comparison's recommendation; the second price is RunPod's card's)
    d = _drafts('**Use**: **Modal A10 @ $1.10/hr** or **RunPod RTX 4090 @ $0.77/hr**\n', project_registry)
    assert d["$1.10/hr"].entity == "nvidia-a10"
    assert d["$0.77/hr"].entity == "nvidia-geforce-rtx-4090"
    assert d["$0.77/hr"].conditions.get("provider") == "runpod"
    assert d["$1.10/hr"].conditions.get("provider") == "modal"


# --- "free" alone names no free cash flow ------------------------------------------------------

def test_free_amount_is_no_free_cash_flow(project_registry):
    # (a fresh GPU provider comparison: the free credits and the paid part of a month's bill)
    d = _drafts("- Total cost for 100 hours/mo: $41 ($30 free + $41 paid)\n", project_registry)
    assert d["$30"].property != "free-cash-flow"
    assert d["$41"].property != "free-cash-flow"
    # the words of cash still name it
    d = _drafts("- Free cash flow: $22.1B\n", project_registry)
    assert d["$22.1B"].property == "free-cash-flow"


def test_operating_burn_is_cash_burn_not_revenue(project_registry):
    # (dev r56: "free" or "flow" no longer pull an amount of burn towards free cash flow, the
    # revenue before it no longer wins by neighbourhood)
    d = _drafts("Full-year 2025 revenue hit ~$20 billion, but operating burn was ~$17 billion.\n", project_registry)
    assert d["~$17 billion"].property == "cash-burn"
