"""left72: leftovers session 33's helpers saw in fresh public text, each a general form (real public
passages found with the ``find_string`` tool in no corpus, judged by hand; the quotes below are
short paraphrases of them).

- German scale words and the continental writing of numbers: "400 Milliarden Dollar", "16 Mrd.
  Euro", "3,3 Milliarden US-Dollar" (a decimal comma), "200.000 GPUs" (a dot between groups of
  three), "19,9 Prozent"; and the other continental languages' words: "96,42 milliards de dollars",
  "15 millions d'euros", "20 mil millones de dólares", "2.000 millones", "40 miliardi di dollari".
- Token price lists: the cache's labels ("Cache write: $3.75", "Cached input: $0.30", "Input (no
  cache): $3.00"), also between slashes on one line, name input prices of their tier; a cached
  token is an input token ("- Cache read: $0.30/M tokens"); "Batch Input" is the batch tier.
- Tables: a header "Month" (one calendar period, alone) labels the row's month ("| Jan 2026 |"),
  not a duration in months; a price in a row that counts several GPUs ("| p5.48xlarge | 8x H100 |
  $98.32 |", "| H100 | 8 | $37.52 |" under "| GPUs |") is the node's or the instance's.
"""
from __future__ import annotations

import pytest

from conftest import draft_of


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


def _vu(d):
    return d.value, d.unit


# --- 1. German scale words and the continental writing of numbers ---------------------------

def test_milliarden_is_a_billion(reg):
    text = "Amerikanische Tech-Firmen werden 2025 geschätzte 400 Milliarden Dollar in KI-Infrastruktur investieren."
    assert _vu(draft_of(reg, text, "400 Milliarden Dollar")) == (400.0, "billion USD")


def test_a_dollar_sign_before_milliarden(reg):
    assert _vu(draft_of(reg, "Microsoft investiert $50 Milliarden in Rechenzentren.", "$50 Milliarden")) \
        == (50.0, "billion USD")


def test_millionen_is_a_million(reg):
    # ("rund", German for "around", is the amount's cue since miss75)
    d = draft_of(reg, "Die Bahnsanierung kostete rund 260 Millionen Euro.", "rund 260 Millionen Euro")
    assert _vu(d) == (260.0, "million EUR") and d.qualifier == "approx"


def test_the_abbreviation_s_period_before_a_currency(reg):
    d = draft_of(reg, "Über 16 Mrd. Euro Investitionsvolumen sind im Bau.", "16 Mrd. Euro")
    assert _vu(d) == (16.0, "billion EUR")


def test_a_decimal_comma_before_milliarden_and_us_dollar(reg):
    d = draft_of(reg, "Der Gesamtwert belief sich zuletzt auf rund 3,3 Milliarden US-Dollar.", "rund 3,3 Milliarden US-Dollar")
    assert _vu(d) == (3.3, "billion USD") and d.qualifier == "approx"


def test_prozent_is_a_percentage(reg):
    assert _vu(draft_of(reg, "Das Exportvolumen sei um 19,9 Prozent gestiegen.", "19,9 Prozent")) == (19.9, "percent")


def test_dot_groups_before_counted_gpus_are_thousands(reg):
    d = draft_of(reg, "xAI trainierte Grok 3 im Colossus-Rechenzentrum mit 200.000 GPUs.", "200.000 GPUs")
    assert _vu(d) == (200000.0, "GPU")


def test_dot_groups_before_the_euro_written_after_are_thousands(reg):
    d = draft_of(reg, "10 Sitze kosten 17.880 Euro im Jahr.", "17.880 Euro")
    assert d.value == 17880.0


def test_a_text_of_decimal_commas_writes_thousands_with_dots(reg):
    # the text's own writing decides: its decimal commas outnumber its English decimals
    text = "Die Bandbreite liegt bei 1.600 GB/s, die Leistungsaufnahme bei 0,7 kW."
    assert _vu(draft_of(reg, text, "1.600 GB/s")) == (1600.0, "GB/s")
    assert _vu(draft_of(reg, text, "0,7 kW")) == (0.7, "kW")


def test_a_model_s_version_is_no_english_decimal(reg):
    # "Llama 3.1" is a name's version, not the text writing a decimal point
    text = "Meta trainierte Llama 3.1 mit einer Bandbreite von 1.600 GB/s je Karte für 2,5 Mio. Euro."
    assert _vu(draft_of(reg, text, "1.600 GB/s")) == (1600.0, "GB/s")


def test_english_decimals_keep_a_three_digit_decimal(reg):
    # (guard) an English text: the point is a decimal point
    text = "HBM bandwidth is 1.600 TB/s on one card and 3.35 TB/s on the other."
    assert _vu(draft_of(reg, text, "1.600 TB/s")) == (1.6, "TB/s")


def test_french_milliards_de_dollars(reg):
    d = draft_of(reg, "Le marché devrait atteindre 96,42 milliards de dollars en 2026.", "96,42 milliards de dollars")
    assert _vu(d) == (96.42, "billion USD")


def test_french_millions_d_euros(reg):
    assert _vu(draft_of(reg, "Le fonds a levé 15 millions d'euros pour ses GPU.", "15 millions d'euros")) \
        == (15.0, "million EUR")


def test_spanish_mil_millones_is_a_billion(reg):
    d = draft_of(reg, "El FMI dará un auxilio de 20 mil millones de dólares.", "20 mil millones de dólares")
    assert _vu(d) == (20.0, "billion USD")


def test_dot_groups_before_millones_are_thousands(reg):
    d = draft_of(reg, "El fondo lleva recaudados más de 2.000 millones de dólares.", "2.000 millones de dólares")
    assert _vu(d) == (2000.0, "million USD")


def test_italian_miliardi_di_dollari(reg):
    assert _vu(draft_of(reg, "OpenAI ha raccolto 40 miliardi di dollari.", "40 miliardi di dollari")) == (40.0, "billion USD")

# --- 4. a "Month" column's dates -------------------------------------------------------------

MONTHS = "| Month | Fees |\n|---|---|\n| Jan 2026 | $7,341 |\n| Feb 2026 | $19,296 |\n"


def test_a_month_column_s_dates_are_no_durations():
    from kb.extract.drafts import extract_text

    raws = [d.raw for d in extract_text(MONTHS)]
    assert "2026" not in raws and "$7,341" in raws


def test_a_months_column_still_counts_months(reg):
    # (guard) the plural header counts months
    d = draft_of(reg, "| Months | Cost |\n|---|---|\n| 3 | $300 |\n", "3")
    assert d.unit == "month"


# --- 6. a row that counts several GPUs prices the node ----------------------------------------

def test_a_row_of_eight_named_gpus_prices_the_instance(reg):
    text = ("| Configuration | Instance Type | GPUs/Chips | $/hour |\n|---|---|---|---|\n"
            "| **GPU (H100)** | ml.p5.48xlarge | 8x H100 | $98.32 |\n")
    d = draft_of(reg, text, "$98.32")
    assert d.entity == "nvidia-h100" and d.conditions.get("scope") == "per-instance"


def test_a_gpu_count_column_prices_the_node(reg):
    text = "| GPU | GPUs | Type | Price/hr |\n|---|---|---|---|\n| H100 | 8 | On-Demand | $37.52 |\n"
    d = draft_of(reg, text, "$37.52")
    assert d.entity == "nvidia-h100" and d.conditions.get("scope") == "per-node"


def test_a_provider_s_row_of_four_gpus_is_no_single_gpu_s_price(reg):
    text = ("| Provider | Instance | GPUs | Price/hr |\n|---|---|---|---|\n"
            "| Lambda Labs | gpu_4x_h100 | 4× H100 | ~$9.96 |\n")
    assert draft_of(reg, text, "~$9.96").conditions.get("scope") == "per-instance"


def test_a_one_gpu_row_keeps_its_gpu_s_price(reg):
    # (guard) "1x A10G": one GPU's price
    text = ("| Instance | GPU | Hourly Cost |\n|---|---|---|\n| ml.g5.xlarge | 1x A10G | $1.20 |\n"
            "| ml.p4d.24xlarge | 8x A100 | $32.77 |\n")
    assert draft_of(reg, text, "$1.20").conditions.get("scope") in (None, "per-gpu")


# --- 2. token price lists with the cache's labels ---------------------------------------------

CACHE_LINE = ("Prices in USD per 1 million tokens.\n\n## Claude Sonnet 4\n\n"
              "- Input (no cache): $3.00 / Cache write: $3.75 / Cached input: $0.30 / Output: $15.00\n")


def _tier(d):
    return d.unit, d.conditions.get("tier"), d.conditions.get("direction")


def test_cache_labels_on_one_line_name_input_tiers(reg):
    assert _tier(draft_of(reg, CACHE_LINE, "$3.00")) == ("USD per 1M tokens", None, "input")
    assert _tier(draft_of(reg, CACHE_LINE, "$3.75")) == ("USD per 1M tokens", "cache-write", "input")
    assert _tier(draft_of(reg, CACHE_LINE, "$0.30")) == ("USD per 1M tokens", "cached-input", "input")
    assert _tier(draft_of(reg, CACHE_LINE, "$15.00")) == ("USD per 1M tokens", None, "output")


def test_a_cache_read_price_is_an_input_price(reg):
    text = "Based on the pricing:\n- Output: $15.00/M tokens\n- Cache read: $0.30/M tokens\n"
    assert _tier(draft_of(reg, text, "$0.30/M tokens")) == ("USD per 1M tokens", "cached-input", "input")


def test_batch_input_is_the_batch_tier(reg):
    text = "- **Claude 3 Haiku**:\n  - Input: $0.25 per 1M tokens\n  - Batch Input: $0.125 per 1M tokens\n"
    assert draft_of(reg, text, "$0.125 per 1M tokens").conditions.get("tier") == "batch"
