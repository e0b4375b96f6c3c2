"""miss46: numbers the extractor missed on real text (designed on dev-A).

- "Mio" and "Mrd", the abbreviations of million and billion (Milliarde) that writers from
  continental Europe carry into English, are scale words, spaced or glued ("500 Mio tokens",
  "Gemini's 1Mio context", "the 1 Mio-context version").
"""
from __future__ import annotations

import pytest

from conftest import value_units



_read = value_units


@pytest.mark.parametrize("text, value, unit", [
    ("On an intense day I need maybe 500 Mio tokens.", 500, "million token"),
    ("It is a downgrade compared to Claude's 200k or Gemini's 1Mio context.", 1, "million token"),
    ("You can rent the 1 Mio-context version of Qwen 3 Coder.", 1, "million token"),
    ("The company reported revenue of EUR 2 Mrd in 2025.", 2, "billion EUR"),
])
def test_european_scale_abbreviations(text, value, unit):
    assert (value, unit) in _read(text)


@pytest.mark.parametrize("text", [
    "The Mio library is written in Rust.",
    "We met Mio at the conference in 2024.",
])
def test_scale_abbreviation_needs_a_number(text):
    assert not any(u.startswith("million") for _, u in _read(text))


# - A setting named in backticks whose value a verb gives ("fixed at", "set to", "defaults to")
#   is read as the setting's "=" would be: "`--num-prompts` fixed at 320" is 320 requests sent,
#   "`OLLAMA_NUM_PARALLEL` defaults to 1" one request served at once.
@pytest.mark.parametrize("text, value", [
    ("Scaling is poor for such systems: with `--num-prompts` fixed at 320 to ensure a large batch.", 320),
    ("By default Ollama's `OLLAMA_NUM_PARALLEL` defaults to 1.", 1),
    ("We ran it with `num_prompts` set to 500.", 500),
])
def test_setting_value_given_by_a_verb(text, value):
    assert (value, "query") in _read(text)


@pytest.mark.parametrize("text", [
    "In the config, `max_tokens` set to 300 keeps answers short.",  # a call's limit (left out, as with "=")
    "The value is fixed at 320 for every run.",                      # no setting named
    "With `tensor_parallel` set to 4 the model fits.",               # not a count of requests
])
def test_setting_verb_needs_a_counting_identifier(text):
    assert not any(u == "query" for _, u in _read(text))


# - A count of users joined by a hyphen to "user", the pair an adjective of the noun after it
#   ("our 100-user scenario") is so many users, as "a 100-word email" is so many words.
@pytest.mark.parametrize("text, value", [
    ("Now take our 100-user scenario and run the numbers through API pricing.", 100),
    ("A 10,000-user deployment changes the picture.", 10000),
])
def test_hyphenated_user_count(text, value):
    assert (value, "user") in _read(text)


def test_hyphenated_user_needs_a_noun_after():
    assert not any(u == "user" for _, u in _read("The plan costs $5 per 100-user."))


# - A size after a GPU's name is the product's name ("A100 80GB PCIe"), but not when the memory
#   is named after it: "8x H200 (1128GB GPU VRAM)" states the GPUs' memory.
def test_memory_named_after_a_gpu_size_is_stated():
    assert (1128, "GB") in _read("The setup I'm running:\n8x H200 (1128GB GPU VRAM)\n176 CPU, 1450GB RAM")


@pytest.mark.parametrize("text", ["We rented the A100 80GB GPU for a week.", "Prices of the A100 80GB PCIe vary."])
def test_gpu_size_without_memory_named_stays_a_name(text):
    assert not any(u == "GB" for _, u in _read(text))


# - A machine's processors counted ("176 CPU", "8 vCPUs") are items.
@pytest.mark.parametrize("text, value", [
    ("8x H200 (1128GB GPU VRAM)\n176 CPU, 1450GB RAM\nUbuntu 24.04", 176),
    ("An instance with 8 vCPUs and 32 GB of memory.", 8),
])
def test_cpu_count(text, value):
    assert (value, "item") in _read(text)


def test_cpu_share_is_no_count():
    assert not any(u == "item" for _, u in _read("The server uses 100% CPU under load."))


# - "single" before GPUs with no article ("Limited to single GPU configurations", "**Single GPU
#   only**") is one GPU, as "a single GPU" is; "any single GPU", "every single GPU" count nothing.
@pytest.mark.parametrize("text", [
    "Limited to single GPU configurations",
    "- **Single GPU only**: No multi-GPU training configurations",
])
def test_bare_single_gpu(text):
    assert (1, "GPU") in _read(text)


@pytest.mark.parametrize("text", [
    "This is far more than any single GPU can offer.",
    "Every single GPU counts in a cluster of this size.",
    "It handles a single request well.",
])
def test_single_without_a_count(text):
    assert not any(u == "GPU" for _, u in _read(text))


# - A size after "Nx" in a machine's spec ("2x 1.92TB NVMe") is the size of each part, a claim,
#   not an operand of the article's arithmetic; with a result worked out after it, it stays one.
@pytest.mark.parametrize("text, value, unit", [
    ("- **Hetzner**: 2x 1.92TB NVMe included\n- **Cudo Compute**: NVMe included", 1.92, "TB"),
    ("Storage: 2 x 960GB SSD", 960, "GB"),
])
def test_size_of_a_machines_parts(text, value, unit):
    assert (value, unit) in _read(text)


def test_size_in_worked_arithmetic_stays_an_operand():
    got = _read("The node has 8x 80GB GPUs for 640GB total.")
    assert (640, "GB") in got and (80, "GB") not in got
