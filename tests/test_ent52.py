"""Entities of matched claims (session 23, ent52; designed on the dev-B half of the real
development articles, quotes of those articles in each test):

- a multiplier whose sentence compares two amounts or two times of one thing ("Net income nearly
  doubled: $43 billion versus $22.1 billion", "Earnings nearly quadruple ... over 5 years", "The
  forward P/E of 27 (vs trailing 47)") compares no second thing: a comparison word followed by a
  number does not keep it from the section's or the article's subject, as "than the A100" does;
- a sentence that names nothing, in a paragraph that names one registry thing alone before it,
  of the kind the property is chiefly of, is about that thing, further back than the two
  sentences before ("Qwen 2.5 7B Instruct - ... At our largest tested prompt of 16384 tokens,
  the KV cache is 939 MB"); a list item's paragraph is the item;
- the baseline of a comparison before a number of no kind of thing ("The H100 has 1.68x more
  memory bandwidth than the A100 ..., which gives a 1.68x latency advantage") weighs as the
  baseline after a number does, unless it owns the number ("than Meta's 28% decline").
"""
from __future__ import annotations

from kb.extract.drafts import extract_text


def _linked(project_registry, text):
    return [(d.raw, d.entity) for d in extract_text(text, project_registry)]


def test_a_multiplier_between_two_amounts_is_the_subjects(project_registry):
    # r50-nvidia-q4-fy2026: the two amounts are the net income's, this year's and last year's
    text = ("# Nvidia Q4 FY2026 Earnings\n\n## The Money-Printing Machine Called Data Center\n\n"
            "Net income nearly doubled: $43 billion versus $22.1 billion in the same period a year ago.\n")
    got = dict(_linked(project_registry, text))
    assert got["nearly doubled"] == "nvidia"


def test_a_multiplier_over_a_span_of_time_is_the_subjects(project_registry):
    # r143-nvidia-valuation-decomposition: "over 5 years" is a time, not a second thing
    text = ("# NVIDIA\n\n## What Growth Is Priced In?\n\n"
            "**The bet:** Earnings nearly quadruple from ~$100B → ~$360B over 5 years, then grow at "
            "normal rates (5%) thereafter.\n")
    got = dict(_linked(project_registry, text))
    assert got["nearly quadruple"] == "nvidia"


def test_a_multiplier_than_a_named_thing_is_not_the_subjects(project_registry):
    # the rule kept: a second thing named after "than" is no subject's figure
    text = ("# NVIDIA\n\n## Products\n\n"
            "The new part is 3x faster than the A100 on most workloads.\n")
    got = dict(_linked(project_registry, text))
    assert got.get("3x") != "nvidia"


_QWEN = ("1. **Qwen 2.5 7B Instruct** - A dense 7.61B parameter model with 128K context length support. "
         "Uses Group Query Attention (GQA) with 28 query heads and 4 KV heads, plus rotary positional "
         "embeddings (RoPE) and YaRN for context extension across 28 layers. Uses ~10.8 GB for model "
         "parameters, with KV cache scaling linearly with prompt size. At our largest tested prompt of "
         "16384 tokens, the KV cache is 939 MB, so our total memory usage is ~11.8 GB. Note: Full 128K "
         "context would require additional ~7.4 GB for KV cache (using 28 layers, 4 KV heads, 128 head "
         "dimension, BF16).\n")


def test_a_sentence_naming_nothing_is_about_what_its_paragraph_names(project_registry):
    # r95-hathora-inference-latencies: the model the numbered item opens with, four sentences back
    got = _linked(project_registry, _QWEN)
    late = got[[raw for raw, _ in got].index("~7.4 GB"):]
    assert [raw for raw, _ in late] == ["~7.4 GB", "28 layers", "4 KV heads", "128 head dimension"]
    assert all(e == "qwen2.5-7b" for _, e in late)


def test_a_list_item_is_not_about_what_the_item_above_names(project_registry):
    # r68-a-really-big-computer: the wafer computers are the writer's own, not TSMC's
    text = ("Rough budget:\n\n- $50M in chip design NRE\n- $69M from TSMC for the 3450 wafers\n"
            "- $31M to finish out the wafer computers\n")
    got = dict(_linked(project_registry, text))
    assert got.get("$31M") != "tsmc"


def test_a_ratio_after_the_baseline_of_a_comparison_is_the_subjects(project_registry):
    # r53-h100-vs-a100-cloud-price: the second multiplier is the H100's, not the A100's
    text = ("The H100 has 1.68× more memory bandwidth than the A100 (3,350 vs 2,000 GB/s), which gives "
            "a 1.68× latency advantage.\n")
    got = _linked(project_registry, text)
    assert [e for raw, e in got if "1.68" in raw][-1] == "nvidia-h100"


def test_a_multiplier_after_the_baseline_of_a_comparison_is_the_subjects(project_registry):
    # r109-homelab-gpu-power-monitoring: the 70B model is the one nearly 9x larger, not the 8B model
    text = ("We ran Llama 3.1 8B and Llama 3.1 70B on the RTX 3090.\n\n"
            "The 70B model only consumed 11% more power than the 8B model despite being nearly 9x larger.\n")
    got = dict(_linked(project_registry, text))
    assert got["nearly 9x"] == "llama-3.1-70b"


def test_a_number_the_baseline_owns_is_its_own(project_registry):
    # r105-hyperscaler-energy-trail: "than Meta's 28% decline" is Meta's
    text = ("Microsoft's efficiency is declining faster than peers, with a 38% drop in revenue per MWh "
            "since 2020 - even steeper than Meta's 28% decline.\n")
    got = dict(_linked(project_registry, text))
    assert got.get("28%") == "meta"
