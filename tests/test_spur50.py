"""spur50: numbers drafted that match no curated claim (precision; designed on dev-B).

- A range written with a typed en dash, two hyphens ("3--5 years", "$3,500--$9,500",
  "60--80%", as Markdown and LaTeX sources write it), is one range: not its upper end alone
  (which was drafted as a single value, and the range missed).
"""
from __future__ import annotations

import pytest

from conftest import value_units

_read = value_units


@pytest.mark.parametrize("text, value, unit", [
    ("4. **Maintenance and depreciation excluded**: Hardware lasts 3--5 years. Resale value not factored in.",
     (3.0, 5.0), "year"),
    ("mid-range setups can pay for themselves in **1.6--8 months** when replacing Opus/Sonnet-class API usage",
     (1.6, 8.0), "month"),
    ("That makes the $3,500--$9,500 hardware investment trivially justified", (3500.0, 9500.0), "USD"),
    ("utilization jumps from 25% to 60--80%. That transforms the payoff math.", (60.0, 80.0), "percent"),
])
def test_double_hyphen_range(text, value, unit):
    got = _read(text)
    assert (value, unit) in got
    assert (value[1], unit) not in got


# - A table whose column headers name statistics of one figure ("| Median | Max | Min |") uses
#   "Min" for the minimum, not for minutes: its bare cells get no unit from it (2253 ms latencies
#   were drafted as 658 and 1067 minutes). A lone "Min" column still reads as minutes.
_STATS_TABLE = ("| Model | Median | Max | Min |\n| -------------- | ------ |------ |------ |\n"
                "| Turbo | 2253 | 2463 | 658 |\n| DaVinci | 1271 | 1689 | 1067 |\n")


def test_min_among_statistics_is_no_minutes():
    assert not any(unit == "min" for _, unit in _read(_STATS_TABLE))


def test_lone_min_column_is_minutes():
    assert (45.0, "min") in _read("| Task | Min |\n| --- | --- |\n| Build | 45 |\n")


# - A number of three or more digits right after a card family or maker ("RTX Pro 6000 GPUs",
#   "a used NVIDIA 3090 GPU") is the card's model number, not a count of GPUs.
@pytest.mark.parametrize("text", [
    "After I created an account, I filtered down to the RTX Pro 6000 GPUs that I was interested in.",
    "I started looking for a used NVIDIA 3090 GPU with 24GB of memory.",
    "I was paying $4.084 per hour for 4x RTX Pro 6000 GPUs.",
])
def test_card_model_number_is_no_gpu_count(text):
    assert not any(unit == "GPU" for _, unit in _read(text))


def test_gpu_count_stays():
    assert (1000.0, "GPU") in _read("They built a cluster of 1000 GPUs last year.")


# - FLOPs per second are a rate: "312e12 FLOPs / sec" is a speed of compute (it was drafted as an
#   amount of FLOPs). Only a second is read as their denominator: "6 FLOPs per token" stays an
#   amount. (Bytes per second are left as they were: see kb.core.grammar._PER_SECOND_ONLY.)
def test_flops_per_second():
    text = "* for A100 gpu, where 312e12 FLOPs / sec is speed and 1.5e12 bytes/sec is memory bandwidth"
    assert (312e12, "FLOP/s") in _read(text)


def test_flops_per_token_unchanged():
    assert (6.0, "FLOP") in _read("A forward and backward pass needs 6 FLOPs per token per parameter.")


def test_bytes_per_parameter_unchanged():
    assert (2.0, "byte") in _read("Weights take 2 bytes per parameter in BF16.")


# - "MiB" is a unit (mebibytes, as nvidia-smi reports a card's memory): "24268MiB" was left
#   without one and took the percent of the utilisation column beside it.
def test_mebibytes():
    row = "|  0%   30C\tP8 \t8W / 350W | \t10MiB / 24268MiB |  \t0%  \tDefault |"
    got = _read(row)
    assert (24268.0, "MiB") in got
    assert not any(v == 24268.0 and u == "percent" for v, u in got)


# - A hyphen joins a price's unit of data or power to its period: "US$0.08 per GB-month" of
#   storage is USD/GB/month, "$329.17/MW-day" of capacity USD/MW/day (each was drafted as a price
#   per GB or per MW alone).
@pytest.mark.parametrize("text, value, unit", [
    ("which costs US$1.20 per hour on demand plus US$0.08 per GB-month of storage", 0.08, "USD/GB/month"),
    ("- First time hitting price ceiling: $329.17/MW-day", 329.17, "USD/MW/day"),
    ("colocation at $170/kW/month", 170.0, "USD/kW/month"),
])
def test_hyphenated_period_of_a_price(text, value, unit):
    assert (value, unit) in _read(text)


# - A price used as an adjective joins its words with hyphens: "$8,333-per-million-token
#   cognition" is USD per million tokens (it was drafted as $8,333).
def test_hyphenated_price_per_million_tokens():
    text = "Every hour you spend on tasks that AI could handle is an hour of $8,333-per-million-token cognition."
    assert (8333.0, "USD per 1M tokens") in _read(text)


# - A table whose corner says "rows \ unit" ("| Data type \ TFLOPS |") gives that unit to the
#   other columns' cells; the first column names its rows, and a number in a name there
#   ("Tensor Float 32 (TF32)") is no 32 TFLOPS.
_CORNER_TABLE = ("| Data type \\ TFLOPS     | w/o Sparsity | w/ Sparsity |\n"
                 "| :--------------------  | -----------: | ----------: |\n"
                 "| FP32                   |         19.5 |         n/a |\n"
                 "| Tensor Float 32 (TF32) |          156 |         312 |\n")


def test_corner_unit_not_for_row_names():
    got = _read(_CORNER_TABLE)
    assert (156.0, "TFLOPS") in got and (19.5, "TFLOPS") in got
    assert (32.0, "TFLOPS") not in got


# - A dotted number that opens a Markdown heading before its title ("### 3.1 Rack Power
#   Evolution") numbers a section: no count of racks. A scale word or a unit keeps a heading's
#   figure ("### 1.5 Million GPUs Shipped", "### 1.5 GW Campus").
def test_section_number_in_heading():
    got = _read("## Part 3\n\n### 3.1 Rack Power Evolution\n\nRacks drew 2.5 kW.")
    assert not any(v == 3.1 for v, _ in got)


@pytest.mark.parametrize("text, value, unit", [
    ("### 1.5 Million GPUs Shipped\n", 1.5, "million GPU"),
    ("### 1.5 GW Campus\n", 1.5, "GW"),
])
def test_heading_figures_stay(text, value, unit):
    assert (value, unit) in _read(text)


# - A unit defined, not a claim: a prefixed unit spelled out before "=" ("Kilo FLOPS = 1,000
#   FLOPS") and one unit put in another of the same dimension ("1 TFLOPS = 1,000 GFLOPS", which
#   was read as 1,000 GFLOPS per TFLOPS). "1 token ≈ 4 characters" stays a conversion rate.
@pytest.mark.parametrize("text", [
    "- **KFLOPS**: Kilo FLOPS = 1,000 FLOPS\n- **MFLOPS**: Mega FLOPS = 1,000,000 FLOPS\n",
    "The relationship is straightforward: 1 TFLOPS = 1,000 GFLOPS. When reviewing specifications, check it.",
])
def test_unit_definitions(text):
    assert _read(text) == set()


@pytest.mark.parametrize("text, value, unit", [
    ("For English text, 1 token ≈ 4 characters.", 4.0, "character/token"),
    ("1 word = 5 characters on average", 5.0, "character/word"),
])
def test_conversions_of_other_kinds_stay(text, value, unit):
    assert (value, unit) in _read(text)


# - kVA and MVA are units (a UPS's or a transformer's apparent power): "a 120 kVA UPS" was no
#   quantity at all, and "120kVA" in a cell took its column's unit.
@pytest.mark.parametrize("text, value, unit", [
    ("The container has a 120 kVA UPS with a 15-minute runtime.", 120.0, "kVA"),
    ("a 2.5 MVA transformer", 2.5, "MVA"),
    ("a 12 kV line", 12.0, "kV"),
])
def test_apparent_power_units(text, value, unit):
    assert (value, unit) in _read(text)


# - A number right after a setting's "=" ("BS=1") does not open a range with the figure after
#   "to": "latency drops from 976ms at BS=1 to 126ms at BS=8" has 126 ms, not a range of 1-126 ms.
def test_setting_value_opens_no_range():
    got = _read("For Qwen 2.5 7B, latency drops from 976ms at BS=1 to 126ms at BS=8, but each request waits.")
    assert (126.0, "ms") in got
    assert not any(isinstance(v, tuple) for v, _ in got)


# - "KB" written against its number is kilobytes ("3.2MB → 280KB"; the 280 took the MB before it).
def test_kilobytes():
    got = _read("- **Upload size**: 3.2MB → 280KB (11.4x reduction)")
    assert (280.0, "kB") in got
    assert (280.0, "MB") not in got


# - A year before the singular "year" ("the 2026 year of personal agents") or before "Joule",
#   the journal's name ("a 2024 Joule analysis"), is a year: no 2,026 years, no 2,024 J.
@pytest.mark.parametrize("text", [
    'it represents the "2026 year of personal agents" trend.',
    "A [2024 Joule analysis](https://www.cell.com/joule) found the same.",
])
def test_year_before_a_unit_word(text):
    assert _read(text) == set()


def test_plural_years_and_joules_stay():
    assert (2000.0, "year") in _read("a tradition of 2000 years of history")
    assert (2024.0, "J") in _read("it used 2024 joules")
