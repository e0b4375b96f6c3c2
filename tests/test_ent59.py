"""ent59: numbers the draft gave a new entity (or none) though the article names the registry
thing they are of (kb/extract/linking.py, datasets/entities).

Rules, each built on short quotes of the dev-B articles that showed the gap:

- a paragraph (a list item) that names one registry thing is about it even where it also names
  what the thing is (a class after it: "GPT OSS 20B - A mixture-of-experts (MoE) model") or what
  it was built from ("distilled from DeepSeek-R1", "Based on Qwen 2.5 architecture"): neither is
  a second thing the item is about (dev-B r95-hathora-inference-latencies).
- a stock ticker is its company's name ("NVDA 32×, MSFT 36×"); and a name that opens an item of
  a bracketed or comma list with its own number right after it is that number's, not an earlier
  number's ("10% discount rate, 3% terminal growth, and rerated multiples ... (NVDA 32×")
  (dev-B r16-abundant-intelligence).
- a number a name owns (in a bracket right after the name, or said to be had by it: "the RTX
  4090 (24 GB VRAM)", "A100 has 40gb VRAM") is that thing's though the words near chose a
  property of another kind (a model's memory to run, from "VRAM"): the property is chosen again
  for the owner's kind; not an amount of money ("Microsoft ($250B in cloud services)", a deal of
  the article's own) (dev-B r116-gpu-spec-cheatsheet, r119-kv-cache-notes).
- registry: a cloud instance's RAM is host memory (hardware.yaml; "This instance boasts:" over
  "* 1152 GB of RAM", dev-B r111-counting-pennies-genai); "combined cycle plants" name the
  natural-gas combined-cycle plants (vocabulary.yaml, dev-B r147-trillion-dollar-cluster).
- an item that names nothing, in a list whose lead-in opens with a registry thing ("**Alberta,
  Canada Case Study:**" over "- **Problem:** 16,000 MW requested"), is about that thing, even
  for a property chiefly of the article's own things; not a model leading such a list (its
  run's figures) (dev-B r46-ai-datacenter-power-revolution, r79-xai-company-profile).
- a number of no kind of thing (a ratio, a change) whose sentence names nothing, in a paragraph
  or a section that names one registry thing alone, is about that thing, as a number of a kind
  of thing is ("- **Standard Input**: $3.00 / 1M tokens (Claude Sonnet 4.5)" over "- **Cached
  Input**: $0.30 / 1M tokens (90% discount)"; "Most LLM APIs charge per token:" over "- Output
  tokens cost 2-5x more than input tokens"); not where the sentence speaks of the writer's or
  the reader's own ("our", "you") (dev-B r08-pricing-and-costs).
"""
from __future__ import annotations

import pytest

from conftest import linked_entity as _link


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


MOE = ("3. **GPT OSS 20B** - A mixture-of-experts (MoE) model with 21B total parameters but only 3.6B "
       "active parameters per forward pass. Uses GQA with 64 query heads and 8 KV heads. Uses ~10.6 GB "
       "for model parameters. Note: Full 128K context would require additional ~6.3 GB for KV cache "
       "(using 24 layers, 8 KV heads, 64 head dimension, BF16).\n")


def test_item_class_is_what_the_thing_is(reg):
    assert _link(reg, MOE, "24 layers") == "gpt-oss-20b"
    assert _link(reg, MOE, "64 head") == "gpt-oss-20b"


DISTILLED = ("2. **Deepseek R1 Distill Qwen 7B** - A dense 7.61B parameter model distilled from "
             "DeepSeek-R1 using 800K reasoning samples. Based on Qwen 2.5 architecture with GQA (28 query "
             "heads, 4 KV heads) and YaRN for context extension across 28 layers, but optimized for "
             "reasoning tasks. Uses ~10.8 GB for model parameters, with KV cache scaling linearly with "
             "prompt size. At our largest tested prompt of 16384 tokens, the KV cache is 939 MB, so our "
             "total memory usage is ~11.8 GB. Note: Full 128K context would require additional ~7.4 GB "
             "for KV cache (using 28 layers, 4 KV heads, 128 head dimension, BF16).\n")


def test_item_base_is_no_second_thing(reg):
    assert _link(reg, DISTILLED, "7.4") == "deepseek-r1-distill-qwen-7b"
    assert _link(reg, DISTILLED, "128 head") == "deepseek-r1-distill-qwen-7b"


def test_item_class_before_the_thing_still_counts(reg):
    # a class named before the thing is no description of it: the paragraph names two things
    text = ("One of my early mistakes was treating my homelab LLM like ChatGPT. I tested three patterns: "
            "long-form generation of 2000+ tokens per request.\n")
    assert _link(reg, text, "2000+") != "chatgpt"


TICKERS = ("- **Valuation lens:** Nine-year ramp (2026–2034), 10% discount rate, 3% terminal growth, and "
           "rerated multiples that reflect scaled AI franchises (NVDA 32×, MSFT 36×, etc.).\n")


def test_tickers_name_companies(reg):
    assert _link(reg, TICKERS, "32×") == "nvidia"
    assert _link(reg, TICKERS, "36×") == "microsoft"


def test_listed_name_owns_its_own_number(reg):
    assert _link(reg, TICKERS, "10%") != "nvidia"
    assert _link(reg, TICKERS, "3%") != "nvidia"


def test_bracket_after_the_name_owns_the_number(reg):
    text = ("I've specifically chosen the **RTX 4090** (24 GB VRAM) for this cheatsheet because, right now, "
            "it's the most common \"big iron\" in consumer-level AI rigs.\n")
    assert _link(reg, text, "24 GB") == "nvidia-geforce-rtx-4090"


def test_a_gpu_has_its_memory(reg):
    assert _link(reg, "* lets say A100 has 40gb VRAM\n", "40gb") == "nvidia-a100"


def test_money_in_a_bracket_after_a_company_is_no_spec(reg):
    text = "OpenAI committed to Microsoft ($250B in cloud services) over the next years.\n"
    assert _link(reg, text, "$250B") != "microsoft"


def test_a_cloud_instance_has_host_memory(reg):
    text = ("For the cost of this, we draw from a blog post which suggests you need the p4d.24xlarge "
            "instance. For this - you'll need to increase your service quotas. This instance boasts:\n"
            "* 98 vCPUs\n* 1152 GB of RAM\n* 8 NVIDIA A100 GPUs\n")
    assert _link(reg, text, "1152") == "aws-p4d.24xlarge"


def test_combined_cycle_plants(reg):
    text = ("Combined cycle plants can be built in about two years; the timeline for generators would "
            "be even shorter still.\n")
    assert _link(reg, text, "two years") == "natural-gas-ccgt"


def test_lead_in_opens_with_the_subject(reg):
    text = ("**Regional Failures:**\n\n**Alberta, Canada Case Study:**\n"
            "- **Problem:** 16,000 MW requested vs. 1,200 MW available (7.5% fulfillment)\n"
            "- **Root cause:** Grid quotas until 2028\n")
    assert _link(reg, text, "16,000") == "alberta"
    text = ("**North America Winners:**\n- **Northern Virginia (Loudoun County):**\n"
            "  - Existing capacity: 2,000+ MW\n  - Dominion Energy grid: 12 GW headroom\n")
    assert _link(reg, text, "2,000+") == "virginia"


def test_lead_in_colossus(reg):
    text = ("### Key Technical Infrastructure\n\n**Colossus Supercomputer (Memphis, Tennessee):**\n"
            "- **Initial Launch:** August 8, 2024 (122 days from announcement to deployment)\n"
            "- **Planned Expansion:** 1 million GPUs by 2026\n")
    assert _link(reg, text, "1 million") == "xai-colossus"


def test_lead_in_model_over_its_runs_figures(reg):
    # a model leading a list of a run's own figures: the run's, not the model's
    text = "Qwen3 4B with 10 prompts:\n- Prompt tokens: 7,946\n- Completion tokens: 3,112\n"
    assert _link(reg, text, "7,946") != "qwen3-4b"


def test_ratio_in_a_section_naming_one_thing(reg):
    text = ("## Context Caching Economics\n\n**Break-even Analysis:**\n"
            "- **Standard Input**: $3.00 / 1M tokens (Claude Sonnet 4.5)\n"
            "- **Cached Input**: $0.30 / 1M tokens (90% discount)\n")
    assert _link(reg, text, "90%") == "claude-sonnet-4.5"


def test_ratio_in_a_section_naming_a_class(reg):
    text = ("## Pricing Models\n\n### Token-Based Pricing\n\nMost LLM APIs charge per token:\n\n"
            "**Key observations:**\n- Output tokens cost 2-5x more than input tokens\n")
    assert _link(reg, text, "2-5x") == "llms"


def test_ratio_of_the_writers_own_usage(reg):
    text = ("## Cost Optimization\n\nWe moved our support bot to Claude Sonnet 4.5 last year.\n\n"
            "Batching similar requests reduced our API calls by 75%.\n")
    assert _link(reg, text, "75%") != "claude-sonnet-4.5"
