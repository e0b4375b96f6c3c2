"""Forms of issue 14's value+unit recall on real writing (gram26), each on a short text written
for the test, with the negatives that keep each form narrow."""
from __future__ import annotations

import pytest

from conftest import read_raw_values

from kb.core.grammar import header_unit


# --- table headers: counts of cores, widths in bits, what a column ran on -----------------------

@pytest.mark.parametrize("header, atom", [
    ("CUDA Cores", "core"), ("Tensor Cores", "core"), ("Memory Bus Width (bit)", "bit"),
    ("Bus width (bits)", "bit"),
])
def test_a_header_of_cores_or_bits_names_the_unit(header, atom):
    q = header_unit(header)
    assert q is not None and q.atom == atom


@pytest.mark.parametrize("header", ["FP16 Tensor Core", "GGUF (using GPU)", "Runs on GPU", "Bitrate notes"])
def test_a_kind_of_core_or_what_a_column_ran_on_is_no_unit(header):
    assert header_unit(header) is None


def test_a_count_header_without_a_setting_word_still_counts():
    q = header_unit("GPUs")
    assert q is not None and q.atom == "GPU" and q.count


def test_table_of_cores_and_bus_widths():
    text = ("| GPU | CUDA Cores | Tensor Cores | Memory Bus Width (bit) |\n"
            "|---|---|---|---|\n"
            "| RTX 4090 | 16,384 | 512 | 384 |\n")
    got = {(v, u) for _, v, _, _, u in read_raw_values(text)}
    assert {(16384.0, "core"), (512.0, "core"), (384.0, "bit")} <= got, got


def test_a_row_label_unit_is_kept_under_a_column_that_ran_on_a_gpu():
    text = ("| Metrics | GGUF (using CPU) | GGUF (using GPU) |\n"
            "|---|---|---|\n"
            "| Throughput (token/s) | 14.0 | 99.69 |\n")
    got = [(v, u) for _, v, _, _, u in read_raw_values(text)]
    assert (99.69, "token/s") in got and not any(u == "GPU" for _, u in got), got


# --- a graphics card's model number made plural is no duration ---------------------------------

def test_card_model_numbers_in_the_plural_are_not_seconds():
    assert not any(u == "s" for *_, u in read_raw_values("It is up to 60% faster on the 4090s and 3090s."))
    assert not any(u == "s" for *_, u in read_raw_values("We ran it on two 4090s."))


def test_seconds_glued_to_a_number_are_still_seconds():
    got = [(v, u) for _, v, _, _, u in read_raw_values("The job took 3600s, and the retry 1000s.")]
    assert got == [(3600.0, "s"), (1000.0, "s")], got


# --- a list gives its first number's unit to the bare numbers after it --------------------------

def test_a_list_after_a_number_with_a_unit_carries_the_unit():
    got = [(v, u) for _, v, _, _, u in read_raw_values("The cards come with 24 GB, 48 or 80.")]
    assert got == [(24.0, "GB"), (48.0, "GB"), (80.0, "GB")], got


@pytest.mark.parametrize("text", [
    "It has 24 GB, 48 heads and 80 layers.",   # each number names its own thing
    "It shipped 24 GB, 2024 and later.",       # a year
    "It has 24 GB, 4800 or so.",               # not the list's size
])
def test_no_unit_is_carried_to_what_is_no_sibling(text):
    assert not any(u == "GB" for _, v, _, _, u in read_raw_values(text) if v != 24.0), read_raw_values(text)


# --- a run setting given two values with a slash is a range ------------------------------------

@pytest.mark.parametrize("text, low, high, unit", [
    ("Runs used BS=32/64 max throughput.", 32.0, 64.0, "query"),
    ("We ran tp=4/8 on the cluster.", 4.0, 8.0, "x"),
])
def test_a_setting_with_two_values_is_a_range(text, low, high, unit):
    got = [(lo, hi, u) for _, v, lo, hi, u in read_raw_values(text)]
    assert got == [(low, high, unit)], got


@pytest.mark.parametrize("text", ["Runs used BS=64/32 here.", "Runs used BS=32/64GB here.", "the ratio 3/4 of runs"])
def test_no_setting_range_when_the_slash_is_no_second_value(text):
    assert not any(lo is not None for _, v, lo, hi, u in read_raw_values(text)), read_raw_values(text)


# --- a benchmark's settings named in code before a space ----------------------------------------

def test_settings_in_code_before_their_value():
    got = [(v, u) for _, v, _, _, u in read_raw_values(
        "Each request was of `batch_size` 1 and `input_len` 2048, `output_len` 512 as a test case.")]
    assert got == [(1.0, "query"), (2048.0, "token"), (512.0, "token")], got


@pytest.mark.parametrize("text", ["The `input` 2048 was kept.", "Its input_len 2048 was kept.",
                                  "The `batch` 3 was lost."])
def test_no_setting_without_its_name_in_code(text):
    assert not any(u in ("token", "query") for *_, u in read_raw_values(text)), read_raw_values(text)


# --- a formula's letter given a value: what the text says the letter counts ----------------------

@pytest.mark.parametrize("text, value, unit", [
    ("Assume the model has N parameters. For the 405B model (N = 405 x 10^9), it sums up.", 405e9, "parameter"),
    ("Here D is the number of training tokens. With D = 15000000000000 it takes long.", 15e12, "token"),
    ("* **B** = 64 (batch size, concurrent requests per GPU)", 64.0, "query"),
])
def test_a_formula_letter_takes_the_unit_the_text_defines(text, value, unit):
    got = [(v, u) for _, v, _, _, u in read_raw_values(text)]
    assert (pytest.approx(value), unit) in got, got


@pytest.mark.parametrize("text", [
    "With X = 12 we get it.",                                              # never defined
    "A model has N parameters and is trained on N tokens. So N = 12.",     # defined twice, differently
    "The model has N parameters. With M = 12 we get it.",                  # another letter
])
def test_an_undefined_or_ambiguous_letter_gets_no_unit(text):
    assert not any(v == 12.0 and u for _, v, _, _, u in read_raw_values(text)), read_raw_values(text)


# --- a header that says how much a period's figures are for --------------------------------------

def test_a_header_amount_per_period_makes_the_prices_below_it_per_period():
    text = ("| Model | Input/1M | Output/1M | 100K requests/mo |\n"
            "|-------|-----------|-----------|-----------------|\n"
            "| GPT-4o | $2.50 | $10.00 | $625 |\n")
    got = [(v, u) for _, v, _, _, u in read_raw_values(text)]
    assert (625.0, "USD/month") in got, got


def test_a_header_of_things_per_period_without_an_amount_still_counts_them():
    q = header_unit("Requests/mo")
    assert q is not None and q.atom == "query" and q.den == "month"


def test_no_unit_is_carried_to_a_link_named_by_a_number():
    got = read_raw_values("Bandwidth ([A100](https://example.com/a.pdf): 1935 GB/s, [4090](https://example.com/b.pdf): 1008 GB/s)")
    assert not any(v == 4090.0 for _, v, *_ in got), got
