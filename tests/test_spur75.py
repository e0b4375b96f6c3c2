"""spur75: numbers drafted that are no claim (precision; designed on dev-B and fresh public text).

- A model's size that is part of its name is no claim (docs/guide.md: "drop it when the number
  is a name"): after the family and its version ("Llama 3.1 70B", "DeepSeek V3.1 671B", "Qwen 2.5
  7B"), before the family ("13B Llama 2", "405B LLaMA3"), or listed after such a size ("LLaMA 3
  8B, 70B, and 405B"). A size stated in brackets after the name ("Phi-3 Mini (3.8B)"), in a
  column of sizes, or of a class of models ("7B models") stays.
"""
from __future__ import annotations

import pytest

from conftest import value_units

_read = value_units


@pytest.mark.parametrize("text, size", [
    ("For cost-effective deployments, we found 13B Llama 2 with GPTQ on g5.2xlarge delivers 71 tokens/sec.", 13.0),
    ("The arrival of GPT4 class open models (eg. 405B LLaMA3, DeepSeek-v2) changed the market.", 405.0),
    ("| DeepSeek V3.1 671B (8-bit) | 21.1 | 32.5 |", 671.0),
    ("We benchmarked DeepSeek V3.1 671B on eight H200s.", 671.0),
    ("The family includes 3 main models: LLaMA 3 8B, 70B, and 405B.", 70.0),
    ("The family includes 3 main models: LLaMA 3 8B, 70B, and 405B.", 405.0),
    ("Running Mistral 7B and Gemma 2 27B on one card costs little.", 27.0),
    ("- LLM Inference using Ollama (Gemma 27B, DeepSeek 671B)", 671.0),
    ("We served DeepSeek-R1 671B on one HGX node.", 671.0),
])
def test_size_in_a_model_name_is_no_claim(text, size):
    assert (size, "billion parameter") not in _read(text)


@pytest.mark.parametrize("text, size", [
    ("| **Phi-3 Mini (3.8B)** | ~2 GB | Minimal hardware |", 3.8),
    ("Test with 7B models before scaling to 70B+.", 7.0),
    ("| Model | Size |\n|---|---|\n| Qwen 2.5 72B | 72B |\n", 72.0),
    ("The model has 70B parameters and runs on two GPUs.", 70.0),
])
def test_stated_sizes_stay(text, size):
    assert (size, "billion parameter") in _read(text)


# - Two amounts joined by a dash that each name their own period ("$12/month—roughly
#   $0.018/hour") are one price said two ways, not a range (it was drafted as $12-13.149 a month).
#   A range across units of one kind with one period ("900 GB/s-1.2 TB/s") stays a range.
def test_price_restated_per_another_period_is_no_range():
    got = _read("This specific configuration runs $12/month—roughly $0.018/hour. Enough to run 32B models.")
    assert (12.0, "USD/month") in got and (0.018, "USD/hour") in got
    assert not any(isinstance(v, tuple) for v, _ in got)


def test_range_across_scaled_units_stays():
    assert ((900.0, 1200.0), "GB/s") in _read("Bandwidth of 900 GB/s-1.2 TB/s per card.")


# - The titles of the works a reference list cites ("## References" over "1. [NVIDIA invests $2B
#   to help CoreWeave add 5GW of AI compute](https://...), TechCrunch") are other writers'
#   headlines, not the article's claims; the same words in the body, a short link label under
#   "Sources" ("[OctoML 2xA100](...)"), and a title outside such a list stay.
_REFS = ("H100 rental prices dropped 64% in two years.\n\n## References\n"
         "1. [More than 251 million GPUs shipped in 2024](https://www.example.com/gpus-2024), Tom's Hardware\n"
         "2. [NVIDIA invests $2B to help CoreWeave add 5GW of AI compute](https://example.com/a), TechCrunch\n"
         '3. *Business Insider*, "As drought deepens, big tech has put nearly half of its data centers in '
         'water-scarce regions" (June 25, 2025): https://example.com/b\n')


def test_titles_in_a_reference_list_are_no_claims():
    got = _read(_REFS)
    assert (-64.0, "percent") in got
    assert not any(u in ("GPU", "USD", "GW") for _, u in got)
    assert (50.0, "percent") not in got


def test_short_source_label_and_titles_elsewhere_stay():
    assert (2.0, "GPU") in _read("#### Sources\n\n* [OctoML 2xA100](https://octoml.ai/blog/x) \n")
    assert (2.0, "billion USD") in _read("Read [NVIDIA invests $2B to help CoreWeave add 5GW of AI compute](https://e.com/a).\n")


# - A number right after an accelerator family whose generations are numbered ("TPU 8", "Gaudi 3",
#   "Maia 200") names the chip, no count of chips; a count before the family stays.
@pytest.mark.parametrize("text", [
    "Google's TPU 8 chips are designed specifically to run millions of agents.",
    "Intel's Gaudi 3 chips undercut the H100 on price.",
    "Microsoft's Maia 200 chips arrive next year.",
])
def test_chip_generation_is_no_count(text):
    assert not any(u == "GPU" for _, u in _read(text))


def test_chip_count_before_the_family_stays():
    assert (16.0, "GPU") in _read("AWS offers 16 Trainium chips per instance.")


# - A footnote's number that closes a table cell after the cell's own figure or a bracket ("| 128k
#   74 |", "| \[N/A\]76 |", as documents exported with their citations write them) is no claim;
#   the cell's figure stays.
_CITED_TABLE = ("| Provider | Model | Input ($/Million tokens) | Context Window |\n| :-- | :-- | :-- | :-- |\n"
                "| OpenAI | GPT-4o-mini | $0.15 | 128k 74 |\n| OpenAI | GPT-5 Pro | $15.00 | \\[N/A\\]76 |\n"
                "| Anthropic | Claude 3.5 Haiku | $0.25 | 200k 71 |\n")


def test_footnote_number_closing_a_cell_is_no_claim():
    got = _read(_CITED_TABLE)
    assert (128000.0, "token") in got or (128.0, "K token") in got
    assert not any(v in (74.0, 76.0, 71.0) for v, _ in got)


def test_lone_small_number_in_a_cell_stays():
    assert (8.0, "GPU") in _read("| Instance | GPUs |\n| --- | --- |\n| p5.48xlarge | 8 |\n")


# - A hyphenated period right after "per" ("0.62 per 90-day cycle", "per 8-hour shift") is the
#   period a rate is counted in, no duration the text states; the same period as a subject stays.
@pytest.mark.parametrize("text", [
    "- Training cycles affected: 0.62 per 90-day cycle",
    "Each line produces 40 units per 8-hour shift.",
])
def test_period_after_per_is_no_duration(text):
    assert not any(u in ("day", "hour") for _, u in _read(text))


def test_hyphenated_period_as_subject_stays():
    assert (90.0, "day") in _read("A 90-day training cycle costs $2 million.")
