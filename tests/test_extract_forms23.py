"""Forms of issue 14's value+unit recall and precision on real writing (gram23), each on a
short text written for the test, with the negatives that keep each form narrow."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import read_raw_values

from kb.extract.drafts import extract_text
from kb.extract.linking import load_registry


# --- LaTeX: a number times a power of ten is one number; "~" is a space between words -----------

@pytest.mark.parametrize("text, value, unit", [
    (r"$$C = 3.79 \times 10^{25} \; FLOPs$$", 3.79e25, "FLOP"),
    (r"$$1000 \times 10^{12} \; FLOPS$$", 1e15, "FLOPS"),
    (r"$$8.64\times10^{19}\;FLOPs$$", 8.64e19, "FLOP"),
    (r"$$2 \cdot 10^{24}\ FLOPs$$", 2e24, "FLOP"),
])
def test_a_latex_number_times_a_power_of_ten_is_one_number(text, value, unit):
    got = [(v, u) for _, v, _, _, u in read_raw_values(text)]
    assert got == [(pytest.approx(value), unit)], got


def test_a_latex_times_before_anything_else_makes_no_ratio():
    got = read_raw_values(r"$$3,500,000 \text{ H100s} \times 700 \text{W} = 2.45 \text{ GW}$$")
    assert [(v, u) for _, v, _, _, u in got] == [(3500000.0, "GPU"), (700.0, "W"), (2.45, "GW")], got


def test_a_power_of_ten_alone_is_still_read():
    got = [(v, u) for _, v, _, _, u in read_raw_values(r"$$C \times 2$$ It needs 10^{24} FLOPs.")]
    assert got == [(1e24, "FLOP")], got


def test_latex_tilde_spaces_a_unit_and_its_dollar_opens_math():
    got = [(r, v, u) for r, v, _, _, u in read_raw_values(r"$$5 \times N$$ which is $8.1~TB~of~GPU~memory$ in all")]
    assert got == [("8.1~TB", 8.1, "TB")], got


def test_a_tilde_of_approximation_stays_a_cue():
    got = [(d.value, d.unit, d.qualifier) for d in extract_text(r"$$x = 2 \times y$$ and it draws ~8 kW.")]
    assert got == [(8.0, "kW", "approx")], got


# --- *single asterisk emphasis* is no product ---------------------------------------------------

def test_single_star_emphasis_before_a_count_is_blanked():
    got = [(r, v, u) for r, v, _, _, u in read_raw_values("Replicas run to utilize *all* 16k GPUs.")]
    assert got == [("16k GPUs", 16.0, "K GPU")], got


@pytest.mark.parametrize("text", ["The cost is 5 * 3 * 2 GB.", "It is 4 * 2 GB."])
def test_stars_of_a_product_are_no_emphasis(text):
    assert read_raw_values(text) == [], read_raw_values(text)


# --- a range of model sizes with the scale letter on its second end -----------------------------

@pytest.mark.parametrize("text, raw, low, high", [
    ("Domain fine-tunes in the 7-20B range are cheap.", "7-20B", 7.0, 20.0),
    ("Active parameters (range: 30-90B) are a guess.", "30-90B", 30.0, 90.0),
    ("A 1-2T model is rare.", "1-2T", 1.0, 2.0),
])
def test_a_range_with_a_b_on_its_second_end_is_model_sizes(text, raw, low, high):
    got = read_raw_values(text)
    assert got == [(raw, None, low, high, "billion parameter" if raw.endswith("B") else "trillion parameter")], got


@pytest.mark.parametrize("text, unit", [("They raised $7-20B.", "billion USD"),
                                         ("It spent 7-20B dollars.", "billion USD")])
def test_a_range_of_money_with_the_letter_stays_money(text, unit):
    assert [u for *_, u in read_raw_values(text)] == [unit], read_raw_values(text)


def test_a_descending_pair_with_a_b_is_no_range():
    assert [(lo, hi) for _, _, lo, hi, _ in read_raw_values("Ratios of 20-7B were seen.")] != [(20.0, 7.0)]


# --- a serving engine's run settings: tp=, BS=, max-num-seq=, max-seq-len= ----------------------

@pytest.mark.parametrize("text, value, unit", [
    ("The big model: `tp=4`, `rps=inf`", 4.0, "x"),
    ("Runs used TP=1 throughout.", 1.0, "x"),
    ("vllm serve m --tensor-parallel-size 8", 8.0, "x"),
    ("with `max-num-seq=256` set", 256.0, "query"),
    ("vllm serve m --max-num-seqs 64", 64.0, "query"),
    ("Latency runs used BS=1 only.", 1.0, "query"),
    ("with `max-seq-len=2048` set", 2048.0, "token"),
    ("config: max_model_len=8192", 8192.0, "token"),
])
def test_a_run_setting_names_its_number(text, value, unit):
    got = [(v, u) for _, v, _, _, u in read_raw_values(text)]
    assert got == [(value, unit)], got


def test_settings_carry_their_property():
    reg = load_registry(Path(__file__).resolve().parents[1])
    got = [(d.unit, d.property) for d in extract_text("Run: `tp=8`, `max-num-seq=256`, `max-seq-len=2048`", reg)]
    assert got == [("x", "parallelism-degree"), ("query", "batch-size"), ("token", "served-context-length")], got


@pytest.mark.parametrize("text", [
    "Set GDP=3 and FBS=4 and step=5.",       # other names ending like a setting
    "a tp of 4 hours",                        # no '=' or ':' after the key
])
def test_other_names_and_pairs_are_no_setting(text):
    got = [(v, u) for _, v, _, _, u in read_raw_values(text)]
    assert all(u not in ("x", "query", "token") for _, u in got), got


def test_two_settings_are_no_single_batch_size():
    # "BS=32/64": the runs took two batch sizes; a range of them (gram26), never one of the two
    got = [(v, lo, hi, u) for _, v, lo, hi, u in read_raw_values("BS=32/64 for the throughput runs.")]
    assert got == [(None, 32.0, 64.0, "query")], got


# --- "a 100-word email": a count of words written as a hyphenated adjective ----------------------

def test_a_hyphenated_word_count_is_a_count_of_words():
    got = [(r, v, u) for r, v, _, _, u in read_raw_values("It takes 140Wh to write a 100-word email.")]
    assert ("100-word", 100.0, "word") in got, got


@pytest.mark.parametrize("text", ["Write a 100-word.", "the 2023-word list", "a 4-wordy title"])
def test_a_hyphenated_word_without_its_noun_or_a_year_is_no_count(text):
    assert all(u != "word" for *_, u in read_raw_values(text)), read_raw_values(text)


# --- a fraction of a whole named after it is a share; of a magnitude, a ratio --------------------

@pytest.mark.parametrize("text, raw, value, qualifier", [
    ("Operators reused roughly half of their 2022 water consumption.", "roughly half", 50.0, "approx"),
    ("It needs nearly half the world's population as customers.", "nearly half", 50.0, "approx"),
    ("More than half the investment is domestic, they said: more than half the investment.", "more than half", 50.0,
     "lower_bound"),
    ("A study attributed one-third of their carbon footprint to training.", "one-third", 100 / 3, "exact"),
    ("Two-thirds of all data centres use evaporative cooling.", "Two-thirds", 200 / 3, "exact"),
])
def test_a_fraction_of_a_whole_is_a_share(text, raw, value, qualifier):
    got = [(d.raw, d.value, d.unit, d.qualifier) for d in extract_text(text)]
    assert (raw, pytest.approx(value), "percent", qualifier) in got, got


@pytest.mark.parametrize("text, value", [
    ("It sells at a third of the old chip's price.", 1 / 3),
    ("It rents at roughly half the current market rate.", 0.5),
    ("It draws about half the power of the last one.", 0.5),
])
def test_a_fraction_of_a_magnitude_stays_a_ratio(text, value):
    got = [(d.value, d.unit) for d in extract_text(text)]
    assert got == [(pytest.approx(value), "x")], got


@pytest.mark.parametrize("text", [
    "The compute stream is at the top of the second half of the image.",
    "Sales rose in the first half of 2025.",
    "Training is half the story.",   # no cue, no 'of': too loose
])
def test_a_half_as_a_part_or_without_a_cue_is_no_share(text):
    assert [d for d in extract_text(text) if d.unit == "percent"] == []


# --- a duration in words spent on something ('two hours of usage'); minutes in words -------------

@pytest.mark.parametrize("text, raw, value, unit", [
    ("Two hours of DeepSeek usage cost a dollar.", "Two hours", 2.0, "hour"),
    ("That buys maybe thirty minutes of casual coding.", "thirty minutes", 30.0, "min"),
    ("Ten minutes of real traffic tells you more.", "Ten minutes", 10.0, "min"),
    ("The job took ten minutes.", "ten minutes", 10.0, "min"),
])
def test_a_spelled_duration_of_an_activity_is_a_duration(text, raw, value, unit):
    assert read_raw_values(text) == [(raw, value, None, None, unit)], read_raw_values(text)


@pytest.mark.parametrize("text", [
    "They work two hours of the day.",         # a part of a period
    "It came after two decades of growth.",    # a span in history, no use
    "Give it two minutes, then retry.",        # no cue, no activity
])
def test_a_spelled_duration_without_its_activity_or_cue_is_no_claim(text):
    assert read_raw_values(text) == [], read_raw_values(text)


# --- "t/s": tokens a second ---------------------------------------------------------------------

@pytest.mark.parametrize("text, raw, value", [("Slow (1.7 t/s) on a laptop.", "1.7 t/s", 1.7),
                                              ("It runs at 40 t/s.", "40 t/s", 40.0)])
def test_t_per_second_is_tokens_a_second(text, raw, value):
    assert read_raw_values(text) == [(raw, value, None, None, "token/s")], read_raw_values(text)


@pytest.mark.parametrize("text", ["A 5 t truck.", "It weighs 3 t, or 3 tonnes of it.", "Use 3 ts/s."])
def test_a_t_without_per_second_is_no_token(text):
    assert all("token" not in u for *_, u in read_raw_values(text)), read_raw_values(text)


# --- title case keeps a count of users, nodes, racks ('### 100 Users — ...') -----------------------

@pytest.mark.parametrize("text, raw, value, unit", [
    ("### 100 Users — Shared Departmental Deployment", "100 Users", 100.0, "user"),
    ("## Self-Hosting Costs (1,000 Users)", "1,000 Users", 1000.0, "user"),
    ("## Scaling to 16 Nodes", "16 Nodes", 16.0, "node"),
])
def test_a_title_case_count_of_users_or_nodes_counts(text, raw, value, unit):
    assert read_raw_values(text) == [(raw, value, None, None, unit)], read_raw_values(text)


@pytest.mark.parametrize("text", ["Page 130 Page 132", "See Chapter 4 Models and Table 2 Words."])
def test_title_case_pages_models_and_words_stay_furniture(text):
    assert read_raw_values(text) == [], read_raw_values(text)


# --- bytes ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [("It needs 8.1 x 10^12 bytes in all.", 8.1e12),
                                         ("Each weight is 4 bytes.", 4.0)])
def test_bytes_are_a_unit(text, value):
    assert [(v, u) for _, v, _, _, u in read_raw_values(text)] == [(value, "byte")], read_raw_values(text)


def test_a_hyphenated_byte_size_is_no_amount():
    assert read_raw_values("It reads a 64-byte cache line.") == [], read_raw_values("It reads a 64-byte cache line.")


# --- "degrees" with the scale left out: a temperature ----------------------------------------------

@pytest.mark.parametrize("text, low, high, value, unit", [
    ("Raising the set point by even 1-2 degrees saves water.", 1.0, 2.0, None, "delta_degC"),
    ("Run the hall 5 degrees warmer.", None, None, 5.0, "delta_degC"),
    ("Inlet air at 80 degrees Fahrenheit.", None, None, 80.0, "delta_degF"),
])
def test_degrees_are_a_temperature(text, low, high, value, unit):
    assert [(v, lo, hi, u) for _, v, lo, hi, u in read_raw_values(text)] == [(value, low, high, unit)], read_raw_values(text)


@pytest.mark.parametrize("text", ["A 6 degrees of freedom arm.", "It turns 30 degrees west.", "She holds 2 degrees in law."])
def test_degrees_of_an_angle_or_of_study_are_no_temperature(text):
    assert all(not u.startswith("delta_deg") for *_, u in read_raw_values(text)), read_raw_values(text)


def test_a_share_in_words_gives_the_checker_its_fraction_too():
    from kb.core.grammar import quantities_in
    values = [v for v, _ in quantities_in("attributed approximately one-third of their carbon footprint")]
    assert any(abs(v - 100 / 3) < 1e-6 for v in values) and any(abs(v - 1 / 3) < 1e-9 for v in values), values
