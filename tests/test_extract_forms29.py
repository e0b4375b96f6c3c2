"""Forms of numbers real writing uses that the extractor did not read (gram29, issue 14): the pound
sign after its amount ("10£"), a dollar's country named by letters repeated on both ends of a
range ("AU$10-AU$15") or by a code after the amount ("$40 CAD", "$25 CDN", "CDN$40"), scale words
glued to the digits ("$4.6million") or a lower-case "b" ("70b parameters"), gigabytes in lower
case ("128gb RAM"), a slash pair of token prices ("$0.10/$0.40"), lengths of text and context
settings in tokens ("a sequence length of 1,024", '"context_window": 400000'), prices per word or
page, a bound before a denominator ("$2 or more per million output tokens"), clock-style
durations ("2:30 hours", "took 1:05:30"), a spaced times sign before GPUs ("3 x P40"), and euro
amounts as European writing spaces and punctuates them ("1 500 €", "2,50 €"). Each on a short
text written for the test, with the negatives that keep each form narrow."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import read_values

from kb.extract.drafts import extract_text
from kb.extract.linking import load_registry

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("text, want", [
    ("The plan costs 10£ a month.", (10, None, None, "GBP/month")),
    ("A seat is 12 £ per month.", (12, None, None, "GBP/month")),
])
def test_the_pound_sign_after_its_amount(text, want):
    assert want in read_values(text)


def test_a_spaced_pound_sign_before_another_amount_is_not_this_amounts():
    assert (2024, None, None, "GBP") not in read_values("It was priced in 2024 £5 a month.")


@pytest.mark.parametrize("text, want", [
    ("Prices run AU$10-AU$15 per hour.", (None, 10, 15, "AUD/hour")),
    ("It costs C$40 to C$50.", (None, 40, 50, "CAD")),
    ("It costs $10-$15 CAD.", (None, 10, 15, "CAD")),
    ("Plans run $10-15 AUD per month.", (None, 10, 15, "AUD/month")),
])
def test_a_range_of_another_countrys_dollars(text, want):
    assert want in read_values(text)


@pytest.mark.parametrize("text, want", [
    ("The card sells for $40 CAD.", (40, None, None, "CAD")),
    ("The card sells for $25 CDN.", (25, None, None, "CAD")),
    ("The card sells for CDN$25.", (25, None, None, "CAD")),
    ("The grant was $1.5 million AUD.", (1.5, None, None, "million AUD")),
    ("Rent is $2.50 CAD/hour.", (2.5, None, None, "CAD/hour")),
])
def test_a_code_after_a_dollar_amount_names_its_dollar(text, want):
    got = read_values(text)
    assert want in got
    assert not any(u.endswith("USD") for *_, u in got)


def test_cdn_alone_is_a_content_delivery_network_not_a_currency():
    got = read_values("A CDN 100 Gbps link.")
    assert (100, None, None, "Gbit/s") in got and not any("CAD" in u for *_, u in got)


@pytest.mark.parametrize("text, want", [
    ("Training cost a whopping $4.6million.", (4.6, None, None, "million USD")),
    ("It served 50million+ queries.", (50, None, None, "million query")),
])
def test_scale_words_glued_to_the_digits(text, want):
    assert want in read_values(text)


@pytest.mark.parametrize("text", [
    "It sold 3millionth units.",     # no scale word: "millionth"
])
def test_no_scale_word_inside_a_longer_word(text):
    assert not any(u and "million" in u for *_, u in read_values(text))


@pytest.mark.parametrize("text, want", [
    ("A workstation with 128gb RAM.", (128, None, None, "GB")),
    ("It has a 2tb disk.", (2, None, None, "TB")),
])
def test_gigabytes_and_terabytes_in_lower_case(text, want):
    assert want in read_values(text)


def test_lower_case_gigabits_a_second_stay_what_they_were():
    assert not any(u == "GB" for *_, u in read_values("A 400gbps link."))


@pytest.mark.parametrize("text, want", [
    ("Mini costs $0.15 per million tokens. Flash-Lite at $0.10/$0.40 is nearly free.",
     [(0.1, None, None, "USD per 1M tokens"), (0.4, None, None, "USD per 1M tokens")]),
    ("Haiku is $1 per 1M tokens. Compare to Anthropic: $15 / $75 for Opus.",
     [(15, None, None, "USD per 1M tokens"), (75, None, None, "USD per 1M tokens")]),
    ("Flash is $0.30 per million tokens. Gemini 2.5 Pro: $1.25-$2.50 / $10-$15.",
     [(None, 1.25, 2.5, "USD per 1M tokens"), (None, 10, 15, "USD per 1M tokens")]),
    ("Rent it for $1-$6 In / $5-$60 Out per Million tokens.",
     [(None, 1, 6, "USD per 1M tokens"), (None, 5, 60, "USD per 1M tokens")]),
    ("GPT-3.5 cost $0.0015/$0.002 per 1K tokens. Later, $0.50/$1.50.",
     [(0.5, None, None, "USD per 1K tokens"), (1.5, None, None, "USD per 1K tokens")]),
])
def test_a_slash_pair_of_prices_in_a_text_of_token_prices_is_input_and_output(text, want):
    got = read_values(text)
    for w in want:
        assert w in got


def test_the_pair_says_which_price_is_input_and_which_output():
    ds = extract_text("Mini is $0.15 per million tokens. Flash-Lite at $0.10/$0.40 is cheap.", load_registry(ROOT))
    dirs = {d.value: d.conditions.get("direction") for d in ds if d.unit == "USD per 1M tokens" and d.value != 0.15}
    assert dirs == {0.1: "input", 0.4: "output"}


@pytest.mark.parametrize("text", [
    "Flash-Lite at $0.10/$0.40 is cheap, per million tokens.",        # no price per so many tokens stated
    "It is $7 per million tokens; the GPUs cost $2/$3 per hour.",    # the second has its own period
    "It is $5 per million tokens; tiers cost $1/$2/$3.",              # a run of three, no pair
])
def test_no_token_price_pair_without_the_texts_denominator_or_as_a_pair(text):
    assert not any(u and "tokens" in u and v in (0.1, 0.4, 2, 1) for v, _, _, u in read_values(text))


@pytest.mark.parametrize("text, want", [
    ("We want a **sequence length** of **1,024** here.", 1024),
    ("Then reduce the sequence length to 512.", 512),
    ("Chatbot for input sequence length=128, output sequence length=20.", 128),
    ("A context length of 8192 is enough.", 8192),
])
def test_a_bare_number_a_length_of_text_names_is_tokens(text, want):
    assert (want, None, None, "token") in read_values(text)


@pytest.mark.parametrize("text", [
    "The output length is 3 times the input.",   # a multiple, which has its unit
    "Sequence length 1024 was the default.",     # no linking word: a label, read as before
    "The cable length of 3 metres.",             # no length of text
])
def test_no_token_count_from_other_lengths(text):
    assert not any(u == "token" for *_, u in read_values(text))


@pytest.mark.parametrize("text, want", [
    ("The run took 2:30:00 on one GPU.", (9000, None, None, "s")),
    ("The upload lasted 54:20 minutes.", (3260, None, None, "s")),
    ("Training ran 2:30 hours.", (150, None, None, "min")),
    ("Total time: 1:05:30 (hh:mm:ss).", (3930, None, None, "s")),
    ("Each epoch: 12:40 (mm:ss).", (760, None, None, "s")),
])
def test_a_duration_written_as_a_clock_reads(text, want):
    assert want in read_values(text)


@pytest.mark.parametrize("text", [
    "We met at 14:30:00 and left at 10:30 hours.",   # times of day
    "The score was 3:1 and John 3:16 says so.",      # a score, a verse
    "Results 1:05:30 were logged.",                  # three parts with nothing saying a duration
    "It took 1:02:03 minutes.",                      # no such reading
    "The clip is 1:05:30 (mm:ss).",                  # the format disagrees with the parts
])
def test_no_duration_from_a_clock_time_or_a_score(text):
    assert not any(u in ("s", "min") for *_, u in read_values(text))


@pytest.mark.parametrize("text, want", [
    ("A closed model that charges $2 or more per million output tokens.", (2, None, None, "USD per 1M tokens")),
    ("It costs $5 or less per hour.", (5, None, None, "USD/hour")),
])
def test_a_bound_said_after_a_price_keeps_its_denominator(text, want):
    assert want in read_values(text)


@pytest.mark.parametrize("text, want", [
    ('{"id": "qwen3-coder", "context_window": 400000}', 400000),
    ('--hf-overrides \'{"original_max_position_embeddings":262144}\'', 262144),
    ("context_length=8192", 8192),
])
def test_a_model_configs_context_setting_is_tokens(text, want):
    assert (want, None, None, "token") in read_values(text)


def test_an_api_requests_max_tokens_is_left_as_a_code_samples_setting():
    assert not any(u == "token" for *_, u in read_values('{"model": "m", "max_tokens": 100}'))


@pytest.mark.parametrize("text, want", [
    ("It works out to a approximate of $0.0003 per word generated.", (0.0003, None, None, "USD/word")),
    ("Translation runs $0.08/word, or $25 per page.", (25, None, None, "USD/page")),
])
def test_a_price_per_word_or_page(text, want):
    assert want in read_values(text)


def test_per_word_as_the_first_word_of_a_compound_is_no_denominator():
    assert (5, None, None, "USD") in read_values("It costs $5 per word count check.")


@pytest.mark.parametrize("text, want", [
    ("410€ : 3 x P40 GPU", 3),
    ("We rent 8 x H100 GPUs.", 8),
    ("A box with 4 × A100 80GB.", 4),
])
def test_a_count_of_gpus_with_the_times_sign_spaced(text, want):
    got = [(d.value, d.low, d.high, d.unit) for d in extract_text(text, load_registry(ROOT))]  # (P40: a registry name)
    assert (want, None, None, "GPU") in got


@pytest.mark.parametrize("text", [
    "It is 2 x H100 performance.",     # so many times what the GPU does
    "Memory is 3 x 40GB.",             # arithmetic on a size
])
def test_no_gpu_count_from_a_spaced_times_sign_before_other_things(text):
    assert not any(u == "GPU" for *_, u in read_values(text))


@pytest.mark.parametrize("text, want", [
    ("That is 1 500 € per month.", (1500, None, None, "EUR/month")),
    ("It was €1 500 000 in all.", (1500000, None, None, "EUR")),
    ("A fee of 12\u202f000 EUR.", (12000, None, None, "EUR")),
])
def test_an_amount_with_its_thousands_spaced(text, want):
    assert want in read_values(text)


@pytest.mark.parametrize("text", [
    "He had 3 500 GPUs in two sites.",   # no currency: a 3, then 500 GPUs
    "Scores 1 500 2 500 € apart.",        # more groups go on after the amount's
])
def test_no_spaced_thousands_without_a_currency_or_where_digits_go_on(text):
    got = [v for v, *_ in read_values(text)]
    assert 3500 not in got and 1500 not in got


@pytest.mark.parametrize("text, want", [
    ("The model has 70b parameters.", (70, None, None, "billion parameter")),
    ("It saw 2.5b tokens in training.", (2.5, None, None, "billion token")),
    ("They raised $5b last year.", (5, None, None, "billion USD")),
])
def test_a_lower_case_b_for_billion_before_what_is_counted_or_after_a_currency(text, want):
    assert want in read_values(text)


def test_a_lower_case_b_elsewhere_is_no_billion():
    assert not any(u and "billion" in u for *_, u in read_values("See figure 3b and the 12b bus."))


@pytest.mark.parametrize("text, want", [
    ("It rents at 2,50 € per hour.", (2.5, None, None, "EUR/hour")),
    ("The app costs €4,99 per month.", (4.99, None, None, "EUR/month")),
    ("A board is 35,90€.", (35.9, None, None, "EUR")),
])
def test_a_euro_price_with_a_decimal_comma(text, want):
    assert want in read_values(text)


@pytest.mark.parametrize("text, absent", [
    ("It costs €2,500 in all.", 2.5),       # three digits after the comma: thousands
    ("It costs $2,50 or so.", 2.5),          # a dollar amount is not written so
])
def test_no_decimal_comma_for_thousands_or_other_currencies(text, absent):
    assert absent not in [v for v, *_ in read_values(text)]


def test_a_dimensionless_figure_named_by_its_acronym_in_brackets():
    assert (1.1, None, None, "x") in read_values("Power usage effectiveness (PUE) of 1.1 is typical.")
