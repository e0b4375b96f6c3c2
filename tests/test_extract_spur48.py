"""spur48: numbers the extractor drafted with another value or unit than the claim at their
place (scored as one spurious draft and one miss; designed on dev-A).

- A period word before a cost named by a plural noun links to the amount through "are" or
  "were" as through "is" or "was": "annual utility bills are $10M, $20M and $25M" are yearly
  rates, each of the list's amounts.
"""
from __future__ import annotations

import pytest

from conftest import value_units

_read = value_units


@pytest.mark.parametrize("text, value, unit", [
    ("The estimated annual utility bills are $10M, $20M and $25M respectively.", 10, "million USD/year"),
    ("The estimated annual utility bills are $10M, $20M and $25M respectively.", 25, "million USD/year"),
    ("Their monthly costs were $4,000 before the move.", 4000, "USD/month"),
])
def test_period_word_before_a_plural_cost(text, value, unit):
    assert (value, unit) in _read(text)


@pytest.mark.parametrize("text, value, unit", [
    # no period word: the amounts stay amounts
    ("The utility bills are $10M and $20M respectively.", 10, "million USD"),
])
def test_no_period_word_no_rate(text, value, unit):
    assert (value, unit) in _read(text)


# - A table column of scores (a header with "score" that names no points: "Leaderboard score")
#   whose bare cells all lie above 10 and at most 100, some with decimals, holds percentages (a
#   leaderboard average, an MMLU score): 68.42 is 68.42%, not 68.42 points. Points stay points:
#   MT-Bench's 1-10, Elo's hundreds, or a header that says "rating", "Elo", "points".
_LEADERBOARD = ("| Model | License | Leaderboard score |\n|---|---|---|\n| Mixtral 8x7B | Apache 2.0 | 68.42 |\n"
                "| Llama 2 70B | Llama 2 license | 67.87 |\n| Falcon 40B | Apache 2.0 | 61.5 |\n")


@pytest.mark.parametrize("value", [68.42, 67.87, 61.5])
def test_score_column_of_percentages(value):
    assert (value, "percent") in _read(_LEADERBOARD)


@pytest.mark.parametrize("text, value", [
    ("| Model | MT-Bench score |\n|---|---|\n| GPT-4 | 8.99 |\n| Mixtral | 8.30 |\n", 8.99),
    ("| Model | Arena score |\n|---|---|\n| GPT-4 | 1250 |\n| Mixtral | 1121 |\n", 1250),
    ("| Model | Elo score |\n|---|---|\n| GPT-4 | 85.5 |\n| Mixtral | 72.1 |\n", 85.5),
])
def test_score_column_of_points_stays_points(text, value):
    assert (value, "x") in _read(text)


# - A "$" that opens LaTeX math before a number in E notation and a command is no dollar sign:
#   "$3e23 \text{ FLOP}$" is 3e23 FLOP (as "$312 \text{ TFLOPs}$" was already read).
@pytest.mark.parametrize("text, value, unit", [
    ("The GPT-3 run used $3e23 \\text{ FLOP}$ of compute.", 3e23, "FLOP"),
    ("GPT-2 used $4e21 \\text{ FLOP}$ and cost $50,000.", 4e21, "FLOP"),
    ("GPT-2 used $4e21 \\text{ FLOP}$ and cost $50,000.", 50000, "USD"),
])
def test_math_dollar_before_e_notation(text, value, unit):
    assert (value, unit) in _read(text)


def test_math_dollar_before_e_notation_is_no_money():
    assert not any(u == "USD" and v == 3e23 for v, u in _read("The GPT-3 run used $3e23 \\text{ FLOP}$ of compute."))


# - An escaped pipe "\|" inside a Markdown table cell (a wiki link's "[[FLOPS\|FLOP]]") does
#   not split the cell: the columns after it keep their own headers ("175B" under "Parameter
#   Count" is a parameter count, not dollars from the header before it).
_ESCAPED_PIPE = ("| Model | Compute (in [[FLOPS\\|FLOP]]s) | Duration with $10000 A100s | Est. Parameter Count | Layers |\n"
                 "|---|---|---|---|---|\n| GPT-3 | 3e23 FLOP | 1.11 days | 175B | 96 |\n"
                 "| GPT-2 | 4e21 FLOP | 0.01 days | 1.5B | 48 |\n")


def test_escaped_pipe_keeps_the_columns():
    got = _read(_ESCAPED_PIPE)
    assert (175, "billion parameter") in got and (1.5, "billion parameter") in got
    assert not any(u.endswith("USD") for _, u in got)


# - A worked formula's label up to its equals sign names the unit of the amount it gives, as a
#   label up to a colon does: "- Cost per 1M tokens = $8.17" is $8.17 per million tokens; a
#   label that names no denominator leaves the amount as it is ("Total = $5,000").
@pytest.mark.parametrize("text, value, unit", [
    ("- Cost per 1M tokens = $8.17\n", 8.17, "USD per 1M tokens"),
    ("Cost per 1M tokens = ($1.47/hr ÷ 900K tok/hr) × 1M = $1.63\n", 1.63, "USD per 1M tokens"),
    ("Cost per GPU-hour = $2.10\n", 2.10, "USD/GPU-hour"),
    ("Total = $5,000\n", 5000, "USD"),
])
def test_equals_label_names_the_unit(text, value, unit):
    assert (value, unit) in _read(text)


# - A count of tokens right after "per" is the denominator a price or a rate is named by ("Cost
#   per 1M input tokens"), no count of tokens; a count elsewhere stays.
def test_per_token_denominator_is_no_count():
    assert not any(u.endswith("token") for _, u in _read("- Cost per 1M input tokens\n- Cost per 1M output tokens\n"))


@pytest.mark.parametrize("text, value, unit", [
    ("The prompt has 1M tokens.", 1, "million token"),
    ("We read 40 tokens per candle, about 40,000 input tokens.", 40000, "token"),
])
def test_token_counts_not_after_per_stay(text, value, unit):
    assert (value, unit) in _read(text)
