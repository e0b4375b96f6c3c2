"""Entities of matched claims (session 22, ent50; designed on the dev-B half of the real
development articles, quotes of those articles in each test):

- a rack named by its line and the word "rack" ("Single NVL72 rack: 120-132 kW", "GB200 rack:
  120-132 kW") is the GB200 NVL72 rack, not the GB200 GPU;
- a TDP may be of an architecture (a generation's GPU, "Blackwell Ultra (1,400W)"), as the
  curators record it (tdp's plausible range for kind architecture, one GPU's);
- the measure a registry name is said to own, its value given by a verb of being ("OpenAI’s
  inference costs were $1.295 billion"), is that name's;
- the items of a nested list are about the item above them that introduces them ("1. **GPT-5**:"
  over "   - **Input**: $1.25 / 1M tokens"), not about what the outer list's lead-in names;
- a consumer card named in full ("RTX 3090") and then by its number alone ("These 3090s can
  draw up to about 350 watts") is named by that number too; the RTX A5000 answers to "A5000"
  as the RTX A6000 does to "A6000";
- a name after the number that it is said to equal ("945 TWh (2030), equal to Japan's total
  consumption") is a yardstick, weighed as the baseline of a "than" is;
- a sentence that opens with a label and then a name ("Note: RTX 3090 has 24GB VRAM") opens
  with that name, its subject;
- a list line's label that names a price tier ("- **Cached input**: $1.25 / 1M tokens =
  $0.00000125/token") holds for every price on the line, the second one too (else, once the
  nested list gave the prices to GPT-4o, the second read as GPT-4o's input price and kb vet
  flagged two correct claims of r10).
"""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text


def _linked(project_registry, text):
    return [(d.raw, d.entity) for d in extract_text(text, project_registry)]


@pytest.mark.parametrize("text", ["- Single NVL72 rack: 120-132 kW\n", "- GB200 rack: 120-132 kW\n"])
def test_a_rack_named_by_its_line_and_the_word_rack(project_registry, text):
    # r46-ai-datacenter-power-revolution: the rack, not the GB200 GPU ("GB200 NVL72" alone stays the GPU's)
    assert [e for _, e in _linked(project_registry, text)] == ["nvidia-gb200-nvl72"]


def test_a_generation_named_for_its_gpu_has_a_tdp(project_registry):
    # r127-datacenter-scaling-bottlenecks: a GPU generation's TDP, named by its architecture
    text = "- GPU TDP: H100 (700W) → B200 (1,200W) → Blackwell Ultra (1,400W)\n"
    assert [e for _, e in _linked(project_registry, text)] == ["nvidia-h100", "nvidia-b200", "nvidia-blackwell-ultra"]


def test_a_measure_a_name_is_said_to_own_is_the_names(project_registry):
    # r41-openai-inference-spend: "X's <measure> were <number>"
    text = ("In the first half of CY2024, based on the information in the documents, OpenAI’s inference "
            "costs were $1.295 billion, and its revenues at least $934 million.")
    assert [e for _, e in _linked(project_registry, text)][0] == "openai"


def test_a_nested_list_is_about_the_item_that_introduces_it(project_registry):
    # r10-ecobot-metrics: the sub-items are the prices of the model the item above them names,
    # not of the company the list's lead-in names
    text = ("The API pricing by model are available from OpenAI:\n\n"
            "1. **GPT-5**:\n"
            "     -   **Input**: $1.250 / 1M tokens\n"
            "     -   **Output**: $10.000 / 1M tokens\n\n"
            "2.  **GPT-4o**:\n"
            "      -   **Input**: $2.50 / 1M tokens\n"
            "      -   **Cached input**: $1.250 / 1M tokens\n")
    assert [e for _, e in _linked(project_registry, text)] == ["gpt-5", "gpt-5", "gpt-4o", "gpt-4o"]


def test_a_card_named_in_full_then_by_its_number(project_registry):
    # r117-used-rtx3090-for-llms: "RTX 3090" once, then "3090" alone
    text = ("I bought a used NVIDIA RTX 3090 last year.\n\n"
            "These 3090s can draw up to about 350 watts, which is quite a bit of power.")
    assert [e for _, e in _linked(project_registry, text)] == ["nvidia-geforce-rtx-3090"]


def test_a_bare_card_number_is_no_name_where_no_card_is_named(project_registry):
    text = "These 3090s can draw up to about 350 watts, which is quite a bit of power."
    assert [e for _, e in _linked(project_registry, text)] != ["nvidia-geforce-rtx-3090"]


def test_a_thing_with_the_card_stays_the_articles_own(project_registry):
    # r113-deep-learning-build-2k: a prebuilt computer that has the card, not the card
    text = ("I picked the RTX 4070 Ti first. At the time of writing a shop had a deal where you could "
            "get a computer with comparable specifications but with a 4070 Ti for $2135.")
    assert [e for _, e in _linked(project_registry, text)] != ["nvidia-geforce-rtx-4070-ti"]


def test_the_rtx_a5000_by_its_short_name(project_registry):
    # r113-deep-learning-build-2k (as "A6000" already names the RTX A6000)
    text = ("Even if we went with a low cost provider with a comparable A5000 instance at spot pricing "
            "of US$0.4 per hour, it would cost more over two years.")
    assert [e for _, e in _linked(project_registry, text)][0] == "nvidia-rtx-a5000"


def test_a_yardstick_named_after_the_number_is_not_its_thing(project_registry):
    # r46-ai-datacenter-power-revolution
    text = ('tldr:\n  - "Global datacenter power demand is exploding from 300 TWh (2023) to 945 TWh (2030)—equal to '
            "Japan's total consumption.\"\n")
    assert [e for _, e in _linked(project_registry, text)] == ["world", "world"]


def test_a_labelled_sentence_is_about_the_name_it_opens_with(project_registry):
    # r109-homelab-gpu-power-monitoring
    text = ("**Note:** RTX 3090 has 24GB VRAM, so 70B models (~40GB Q4) require offloading part of the "
            "model to system RAM.")
    assert [e for _, e in _linked(project_registry, text)][0] == "nvidia-geforce-rtx-3090"


def test_a_lines_tier_label_holds_for_its_second_price(project_registry):
    # r10-ecobot-metrics: both prices of the line are cached-input prices
    text = ("2.  **GPT-4o**:\n"
            "      -   **Input**: $2.50 per 1M tokens = $0.0000025 per token\n"
            "      -   **Cached input**: $1.250 per 1M tokens = $0.00000125 per token\n")
    tiers = [(d.raw, d.conditions.get("tier")) for d in extract_text(text, project_registry) if d.property == "token-price"]
    assert [t for r, t in tiers if "1.25" in r or "0.00000125" in r] == ["cached-input", "cached-input"]
