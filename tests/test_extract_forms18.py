"""Value+unit forms of benchmark write-ups that the extractor missed or misread (issue 14): a
concurrency named before its bare number (alone, as a range, or as a list after a label), a list
of batch sizes, and a model's size joined to its name by an en dash. Each test is a sentence
written for the form, never a copied one."""
from __future__ import annotations

from conftest import read_drafts

from kb.extract.drafts import _plain_hyphens, extract_text

read = read_drafts


# ---------------------------------------------------------------- a concurrency named before its number

def test_a_concurrency_named_before_its_number_counts_requests_in_flight():
    assert read("We tested at a concurrency of 16.") == [("16", 16, "query", "exact")]
    assert read("Concurrency: raise to 24 for bulk jobs") == [("24", 24, "query", "exact")]
    assert read("max_concurrency=12 kept the queue short.") == [("12", 12, "query", "exact")]


def test_a_concurrency_range_or_open_band_after_the_word():
    assert read("Concurrency 2-6: fine for chat") == [("2-6", 2, 6, "query")]
    assert read("Concurrency: stay at 3–9 for low latency") == [("3–9", 3, 9, "query")]
    got = read("Concurrency 64+: best throughput")
    assert len(got) == 1 and got[0][1:3] == (64, "query")


def test_a_list_of_concurrencies_after_a_label():
    got = read("- Concurrency levels: 2, 6, 12, 48")
    assert [(g[1], g[2]) for g in got] == [(2, "query"), (6, "query"), (12, "query"), (48, "query")]


def test_a_list_of_batch_sizes_after_the_words():
    got = read("We swept batch sizes of 4, 12 and 48.")
    assert [(g[1], g[2]) for g in got] == [(4, "query"), (12, "query"), (48, "query")]


def test_the_concurrency_word_gives_no_unit_to_other_numbers():
    assert read("Concurrency rose 3x under load.") == [("3x", 3, "x", "exact")]
    assert read("Concurrency matters; we ran 5 trials.") == []
    assert read("At 16 the concurrency was fine.") == []
    got = read("At concurrency 8, the card gave 700 tokens/s.")
    assert ("8", 8, "query", "exact") in got and ("700 tokens/s", 700, "token/s", "exact") in got


def test_the_guessed_property_is_concurrency():
    props = [{"id": "concurrency", "name": "Concurrent requests", "canonical_unit": "query"},
             {"id": "batch-size", "name": "Batch size", "canonical_unit": "query"}]
    ds = extract_text("We kept concurrency at 6 and batch size at 10.", [], props)
    assert [(d.value, d.property) for d in ds] == [(6, "concurrency"), (10, "batch-size")]


# ---------------------------------------------------------------- an en dash inside a model's name

def test_a_size_joined_to_a_name_by_an_en_dash_is_part_of_the_name():
    assert read("Phi-4–14B answered in 90 ms.") == [("90 ms", 90, "ms", "exact")]
    assert read("| Model | TTFT |\n|---|---|\n| Qwen2–72B | 410 ms |\n") == [("410 ms", 410, "ms", "exact")]
    assert read("The Mixtral–8x7B run took 12 s.") == [("12 s", 12, "s", "exact")]


def test_an_en_dash_between_numbers_stays_a_range():
    assert read("sizes from 7B–70B were tried") == [("7B–70B", 7, 70, "billion parameter")]
    assert read("rented at $2–3 per hour") == [("$2–3 per hour", 2, 3, "USD/hour")]
    view = "in 2022–2024, Llama–13B and H100–80GB"
    assert _plain_hyphens(view) == "in 2022–2024, Llama-13B and H100-80GB"
    assert len(_plain_hyphens(view)) == len(view)


# ---------------------------------------------------------------- "N:1" called a ratio

def test_n_to_one_called_a_ratio_is_so_many_times():
    assert read("We assume a 4:1 prompt-to-completion ratio.") == [("4:1", 4, "x", "exact")]
    assert read("a mixed workload (8:1 input:output)") == [("8:1", 8, "x", "exact")]
    assert read("The read/write ratio is 2.5:1.") == [("2.5:1", 2.5, "x", "exact")]
    assert read("We keep a 6:1 mix of short and long prompts.") == [("6:1", 6, "x", "exact")]


def test_n_to_one_without_a_ratio_word_or_a_clock_time_is_no_claim():
    assert read("The meeting starts at 10:15.") == []
    assert read("They won 3:1 at home.") == []
    assert read("a ratio of 3:1.5 between them") == []
    assert read("the 16:9 screen") == []


# ---------------------------------------------------------------- a benchmark's arguments

def test_a_prompt_count_argument_counts_requests_sent():
    # (the tensor-parallel setting after it is a claim of its own since gram23: the curation records it)
    assert read("Run it with `num-prompt=600`, `tp=2`.") == [("600", 600, "query", "exact"), ("2", 2, "x", "exact")]
    assert read("python bench.py --num-prompts=240") == [("240", 240, "query", "exact")]
    assert read("n_prompts: 900") == [("900", 900, "query", "exact")]
    assert read("max-num-prompts=64") == []  # a setting's ceiling, no claim


def test_a_prompt_count_argument_is_a_request_count():
    props = [{"id": "request-count", "name": "Requests (total)", "canonical_unit": "query"},
             {"id": "batch-size", "name": "Batch size", "canonical_unit": "query"}]
    ds = extract_text("The run used num_prompts=750 with a batch size of 32.", [], props)
    assert [(d.value, d.property) for d in ds] == [(750, "request-count"), (32, "batch-size")]
