"""The review of gram29's forms (rev30): each form kept narrow where plain writing reads
otherwise. A slash pair of prices is a pair of token prices only with a token cue near it;
spaced thousands never follow a dollar sign; a currency code after a dollar amount is not
one when a noun follows; a length before a number in other words is no token count; a spaced
"x" before a GPU compared by memory is no GPU count; a zero-padded clock time with "h" is a time
of day."""
from __future__ import annotations

import pytest

from conftest import read_values


@pytest.mark.parametrize("text, plain", [
    ("The API charges $2.50 per million input tokens and $10 per million output tokens.\n\n"
     "ChatGPT Plus and Pro cost $20/$200, and most teams pick Plus.", (20, 200)),
    ("The API charges $2.50 per million input tokens and $10 per million output tokens.\n\n"
     "The H100 and A100 cards sell for $30,000/$15,000 on the grey market.", (30000, 15000)),
])
def test_a_slash_pair_of_prices_without_a_token_cue_stays_dollars(text, plain, project_registry):
    got = read_values(text, project_registry)
    for v in plain:
        assert (v, None, None, "USD") in got
        assert not any(g[0] == v and g[3] and "tokens" in g[3] for g in got)


def test_a_slash_pair_in_a_model_pricing_row_takes_the_tokens(project_registry):
    text = ("Prices per million tokens: Mini is $0.15 per million tokens.\n\n"
            "| Model | Price |\n|---|---|\n| GPT-4o | $2.50/$10 |\n")
    got = read_values(text, project_registry)
    assert (2.5, None, None, "USD per 1M tokens") in got and (10, None, None, "USD per 1M tokens") in got


@pytest.mark.parametrize("text, want", [
    ("Plus costs $20 100 messages are allowed every three hours.", 20),
    ("Sales were $200 500 units shipped in Q3.", 200),
    ("The license is $5 500 seats were sold last year.", 5),
])
def test_no_spaced_thousands_after_a_dollar_sign(text, want):
    got = read_values(text)
    assert (want, None, None, "USD") in got
    assert not any(v and v > 1000 and u == "USD" for v, _, _, u in got)


@pytest.mark.parametrize("text, want", [
    # (the first of "from X to Y per month" takes the rate too: miss65)
    ("Prices rose from 1 200 € to 1 500 € per month.", (1200, None, None, "EUR/month")),
    ("In 2025, 100 000 € was invested.", (100000, None, None, "EUR")),
    ("The budget was €1 500 000 in total.", (1500000, None, None, "EUR")),
    ("It cost £12 000 last year.", (12000, None, None, "GBP")),
])
def test_spaced_thousands_of_euros_and_pounds_stay(text, want):
    assert want in read_values(text)


@pytest.mark.parametrize("text, want", [
    ("The team bought a $3,000 CAD workstation for the engineers.", (3000, None, None, "USD")),
    ("It costs $40 CAD per hour.", (40, None, None, "CAD/hour")),
    ("They raised $1.5 million AUD in funding.", (1.5, None, None, "million AUD")),
    ("A seat is $25 CDN.", (25, None, None, "CAD")),
])
def test_a_dollar_code_after_an_amount_is_not_one_before_a_noun(text, want):
    got = read_values(text)
    assert want in got, got


@pytest.mark.parametrize("text", [
    "The input length is 3 pages and the output length of 2 paragraphs.",
    "The context length of 8 chapters was too long.",
])
def test_a_length_in_other_words_is_no_token_count(text):
    assert not any(u == "token" for *_, u in read_values(text))


@pytest.mark.parametrize("text, want", [
    ("Then reduce the sequence length to 512 for training.", 512),
    ("We want a **sequence length** of **1,024** here.", 1024),
    ("The context length of 8192 tokens was enough.", 8192),
])
def test_a_length_before_its_number_is_still_tokens(text, want):
    assert any(v == want and u and "token" in u for v, _, _, u in read_values(text))


@pytest.mark.parametrize("text, pair", [
    ("| Model | Input |\n|---|---|\n| GPT-4o | $2.50 per million tokens |\n\n"
     "Several things stand out. OpenAI's GPT-4o at $2.50/$10 is mid-priced.", (2.5, 10)),
    ("Gemini 2.5 Flash costs $0.30 per million tokens.\n\nCompare to Anthropic: $15 / $75 for Opus.", (15, 75)),
])
def test_a_slash_pair_named_by_a_model_or_its_lab_takes_the_texts_tokens(text, pair, project_registry):
    got = read_values(text, project_registry)
    for v in pair:
        assert (v, None, None, "USD per 1M tokens") in got, got


@pytest.mark.parametrize("text", [
    "The H200 offers 2 x H100 memory.",
    "The H200 is 2 x H100 in memory bandwidth.",
    "The B200 gives 4 x A100 performance.",
])
def test_a_spaced_times_sign_before_a_gpus_memory_is_no_gpu_count(text):
    assert not any(u == "GPU" for *_, u in read_values(text))


@pytest.mark.parametrize("text", ["We rented 8 x H100 GPUs for a week.", "The cluster's 8 x A100 80GB nodes cost $12 per hour."])
def test_a_spaced_times_sign_before_gpus_still_counts_them(text):
    assert (8, None, None, "GPU") in read_values(text)


@pytest.mark.parametrize("text", [
    "The office is open 09:00 h to 17:00 hours.",
    "The score was 3:20 h after the match.",
    "Doors open 08:30 hours sharp.",
])
def test_a_clock_time_with_h_is_no_duration(text):
    assert not any(u in ("min", "s") for *_, u in read_values(text))


@pytest.mark.parametrize("text, want", [
    ("Training took 2:30 h on the cluster.", 150),
    ("The run lasted 2:30 hours.", 150),
    ("It needed 12:45 hours of compute.", 765),
])
def test_a_clock_duration_with_h_and_a_cue_stays(text, want):
    assert (want, None, None, "min") in read_values(text)
