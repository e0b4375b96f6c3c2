"""Forms of real writing the extractor reads (issue 14, item 1): each test is a paraphrase of
a form seen in real articles, never a copied sentence."""
from __future__ import annotations

import pytest

from conftest import read_drafts

from kb.extract.drafts import extract_text


read = read_drafts


# ---------------------------------------------------------------- ranges stop at a line end

def test_a_range_dash_does_not_join_two_list_items():
    text = "- Cooling overhead PUE: 1.4\n- 70% average load\n"
    assert all(d.qualifier != "range" for d in extract_text(text))
    got = read(text)
    assert ("1.4", 1.4, "x", "exact") in got and ("70%", 70, "percent", "exact") in got


# ---------------------------------------------------------------- denominators

def test_header_denominators_of_energy_and_power():
    text = ("| Plant | Price ($/MWh) |\n|---|---|\n| Hydro | $41 |\n\n"
            "| Metric | Chip A | Chip B |\n|---|---|---|\n| TFLOPS/Watt | 3.2 | 4.7 |\n"
            "| **Per-GPU-hour cost** | **$2.20** | **$1.30** |\n")
    got = read(text)
    assert ("$41", 41, "USD/MWh", "exact") in got
    assert ("3.2", 3.2, "TFLOPS/W", "exact") in got
    assert ("$2.20", 2.2, "USD/GPU-hour", "exact") in got


def test_price_per_kilowatt_per_month():
    got = read("Space costs $120-$150 per kW per month downtown, or (@$140/kW/month) on average.")
    assert ("$120-$150 per kW per month", 120, 150, "USD/kW/month") in got
    assert ("$140/kW/month", 140, "USD/kW/month", "exact") in got


def test_a_year_earlier_dates_an_amount_and_is_no_denominator(project_registry):
    # paraphrased: a comparison with the same figure a period before
    got = [(d.value, d.unit) for d in extract_text("Sales reached $9 billion, up 20% on $7.5 billion a year earlier.",
                                                   project_registry)]
    assert (7.5, "billion USD") in got
    got = [(d.value, d.unit) for d in extract_text("The team spent $40,000 a month ago and $55,000 now.",
                                                   project_registry)]
    assert (40000, "USD") in got
    # "a month" as a rate stays one
    got = [(d.value, d.unit) for d in extract_text("Hosting costs $40,000 a month.", project_registry)]
    assert got == [(40000, "USD/month")]


def test_power_is_no_denominator_of_a_plain_amount():
    assert read("The rack holds 40 GB per kW of power.") == [("40 GB", 40, "GB", "exact")]


# ---------------------------------------------------------------- text bar charts

def test_a_text_bar_chart_takes_its_unit_from_the_title_line():
    text = ("Some prose first.\n\n```\nMaximum prompt size (tokens)\n\n"
            "Model Alpha    ██████████████ 256K\nModel Beta     █████ 32K\n```\n")
    got = read(text)
    assert got == [("256K", 256, "K token", "exact"), ("32K", 32, "K token", "exact")]
    d = extract_text(text)[0]
    assert d.quote.startswith("Model Alpha") and d.context["row"] == "Model Alpha"


def test_one_bar_line_or_a_bar_without_a_number_is_no_chart():
    assert read("Progress ██████ done.\n\nLoading ████ 40K rows\n") == []


def test_a_bar_chart_without_a_title_naming_a_unit_reads_numbers_with_units_only():
    got = read("Share of load\nCompute  ████████ 70%\nNetwork  ██ 12%\n")
    assert [g[1:3] for g in got] == [(70, "percent"), (12, "percent")]


# ---------------------------------------------------------------- durations per period

def test_hours_per_day_is_a_share_of_the_day():
    assert read("Panels yield ~5 hours/day of full output.") == [("~5 hours/day", 5, "hour/day", "approx")]
    assert read("a TV left on 6 hours a day") == [("6 hours a day", 6, "hour/day", "exact")]
    assert read("The job ran for 6 hours on Monday.") == [("6 hours", 6, "hour", "exact")]


# ---------------------------------------------------------------- figures named by a word

PROPS = [{"id": "cue", "name": "Carbon usage effectiveness (CUE)", "canonical_unit": "x"},
         {"id": "occupancy", "name": "Rack occupancy (RO)", "canonical_unit": "percent"},
         {"id": "wue-like", "name": "Water usage (WU)", "canonical_unit": "L/kWh"}]


def test_a_property_acronym_names_a_dimensionless_figure_in_text_and_headers():
    drafts = extract_text("The site reports CUE: 0.9 this year.", [], PROPS)
    assert [(d.raw, d.value, d.unit, d.property) for d in drafts] == [("0.9", 0.9, "x", "cue")]
    text = ("### Peak throughput (TFLOPS) by chip\n\n| Chip | Dense TFLOPS | Typical RO |\n|---|---|---|\n"
            "| Alpha | 400 | 0.30-0.40 |\n")
    got = [(d.raw, d.low, d.high, d.unit, d.property) for d in extract_text(text, [], PROPS) if d.qualifier == "range"]
    assert got == [("0.30-0.40", 0.3, 0.4, "x", "occupancy")]


def test_an_acronym_of_a_property_with_a_unit_names_nothing():
    assert extract_text("Sites quote WU: 1.8 on average.", [], PROPS) == []


# ---------------------------------------------------------------- hyphenated periods

def test_a_hyphenated_duration_before_a_period_noun_is_claimed():
    assert read("Servers are written off over a 6-year depreciation schedule.") == [("6-year", 6, "year", "exact")]
    assert read("Reserved (2-year): $1.10 per hour")[0][:3] == ("2-year", 2, "year")
    assert read("Plan on a 4-year planning horizon.") == [("4-year", 4, "year", "exact")]


def test_a_hyphenated_duration_before_another_noun_is_an_adjective():
    got = read("| Item | Cost |\n|---|---|\n| 3-year OpEx | $5,000 |\n| 3-year TCO | $9,000 |")
    assert [g[1:3] for g in got] == [(5000, "USD"), (9000, "USD")]
    assert read("The 5-year total beats renting.") == []


# ---------------------------------------------------------------- counted nouns

def test_examples_and_lines_of_code_are_counted():
    assert read("tuned on 20K examples") == [("20K examples", 20, "K example", "exact")]
    assert read("over 3 million human-annotated data samples")[0][1:3] == (3, "million example")
    assert read("a module (~800 lines)") == [("~800 lines", 800, "line_of_code", "approx")]


def test_active_user_acronyms_are_counts_of_users():
    assert read("the assistant has 30 million MAUs") == [("30 million MAUs", 30, "million user", "exact")]
    assert read("now at 400M WAU") == [("400M WAU", 400, "million user", "exact")]
    assert read("see Page 12") == []  # a capitalised word is furniture, not a count


def test_a_spelled_amount_of_money_with_a_scale_word():
    assert read("the lab spent two billion dollars on chips") == \
        [("two billion dollars", 2, "billion USD", "exact")]
    assert read("a licence of a million euros") == [("a million euros", 1, "million EUR", "exact")]
    assert read("a billion-dollar bet on one dollar") == []  # an adjective; no scale word


def test_compute_units_and_full_time_equivalents():
    assert read("the die has 96 Compute Units") == [("96 Compute Units", 96, "compute_unit", "exact")]
    assert read("each chip carries 144 streaming multiprocessors") == \
        [("144 streaming multiprocessors", 144, "compute_unit", "exact")]
    assert read("Ops: 0.25 FTE per site") == [("0.25 FTE", 0.25, "FTE", "exact")]


def test_glued_multiplier_before_a_gpu_name_and_before_gpus_is_a_count():
    assert read("a 4xB200 box") == [("4x", 4, "GPU", "exact")]
    assert read("it is, in effect, 2x GPUs") == [("2x GPUs", 2, "GPU", "exact")]
    assert read("a 3xl burger") == []


def test_a_ratio_ending_a_list_item_is_no_arithmetic_operand():
    text = "1. Bandwidth is up by 4x, so copy-bound work gains 4x\n2. Latency falls.\n"
    assert [g[1:3] for g in read(text)] == [(4, "x"), (4, "x")]


def test_celsius_written_glued_or_with_a_degree_sign():
    assert read("keep it under 85C") == [("under 85C", 85, "delta_degC", "upper_bound")]
    assert read("a 60-70 °C band")[0][1:4] == (60, 70, "delta_degC")
    assert read("Section 5 C of the act") == []


# ---------------------------------------------------------------- water and carbon per unit of energy

def test_water_and_carbon_intensities_per_unit_of_energy():
    assert read(r"so WUE is $0.40 \frac{\text{L}}{\text{kWh}}$ there")[0][1:3] == (0.4, "liter/kWh")
    assert read(r"or $0.25 \frac{\text{kg CO₂e}}{\text{kWh}}$ of carbon")[0][1:3] == (0.25, "kgCO2e/kWh")
    assert read(r"= \fbox{0.40 mL/Wh}") == [("0.40 mL/Wh", 0.4, "mL/Wh", "exact")]
    assert read("about 0.2 g CO2e per Wh") == [("about 0.2 g CO2e per Wh", 0.2, "gCO2e/Wh", "approx")]
    # (electricity per year is a rate, electricity-use-rate: tests/test_extract_forms6.py)
    assert read("it drew 5 kWh per year") == [("5 kWh per year", 5, "kWh/year", "exact")]


# ---------------------------------------------------------------- repeated formula lines

def test_a_formula_line_repeated_in_two_derivations_is_read_in_each():
    block = ("\\textbf{{{n} GPUs, fp8}}\\\\\n\\text{{load}} = 300 \\cdot \\frac{{4}}{{{n}}} = {ms}\\text{{ms}}\\\\\n"
             "\\text{{sync}} = 300 \\cdot \\frac{{9}}{{80}} = 12\\text{{ms}}\\\\\n")
    text = "$$\n" + block.format(n=8, ms=150) + "$$\n\nThen:\n\n$$\n" + block.format(n=16, ms=75) + "$$\n"
    got = [(d.raw, d.unit) for d in extract_text(text)]
    assert got.count(("12\\text{ms", "ms")) == 2
    assert [g for g in got if g[1] == "GPU"] == [("8 GPUs", "GPU"), ("16 GPUs", "GPU")]


def test_a_repeated_prose_passage_is_still_read_once():
    para = "The card draws 300 W under load.\nIt costs $2 per hour.\n"
    assert len(extract_text(para + "\n" + para)) == 2


# ---------------------------------------------------------------- periods named by a table row

def test_a_period_total_row_gives_its_period_to_the_amounts_it_sums():
    text = ("| Item | Cloud | On-prem |\n|---|---|---|\n| Compute | $900 | $400 |\n| Storage (monthly) | $50 | $80 |\n"
            "| **Yearly Total** | **$950** | **$480** |\n")
    got = read(text)
    assert [g[1:3] for g in got] == [(900, "USD/year"), (400, "USD/year"), (50, "USD/month"), (80, "USD/month"),
                                     (950, "USD/year"), (480, "USD/year")]


def test_a_label_s_other_parentheses_name_no_unit_for_the_row():
    text = "| Item | Site A |\n|---|---|\n| Rent (@$150/kW/month) | $90,000 |\n| Total | $95,000 |\n"
    assert [g[1:3] for g in read(text) if g[0].startswith("$9")] == [(90000, "USD"), (95000, "USD")]


# ---------------------------------------------------------------- counts and emphasis

def test_a_gpu_count_before_a_noun_it_qualifies():
    assert read("trained on a 24K GPU cluster") == [("24K GPU", 24, "K GPU", "exact")]
    assert read("a demo on a single GPU with a notebook") == [("a single GPU", 1, "GPU", "exact")]
    assert read("a single GB300 NVL72 rack") == []


def test_single_underscore_emphasis_is_no_part_of_a_number():
    assert [g[1:3] for g in read("up to _7 times_ and _20 times_ faster")] == [(7, "x"), (20, "x")]
    assert read("set max_new_tokens=512 in the call") == []


def test_a_percent_range_may_start_at_zero_and_a_noun_of_change_signs_it():
    assert read("prices saw small declines of about 0-4% this year") == [("0-4%", -4, 0, "percent")]
    assert read("an increase of 12% in demand") == [("12%", 12, "percent", "exact")]
    assert read("Loaded: 0%") == []


# ---------------------------------------------------------------- spelled durations

def test_spelled_durations_with_halves_decades_and_a_time_since():
    assert read("It launched three and a half years ago.") == [("three and a half years", 3.5, "year", "exact")]
    assert read("in the three-plus years since launch") == [("three-plus years", 3, "year", "lower_bound")]
    assert read("a new grid takes a decade to build") == [("a decade", 10, "year", "exact")]
    assert read("Over a decade, chips got faster.") == []
    assert read("Three weeks ago, the bill arrived.") == []
    assert read("In two years we will know.") == []


def test_spelled_durations_between_events_near_and_next_and_the_teens():
    # a time between two events, a cue of nearness or of what is ahead; teens are spelled too
    assert read("Open models catch up roughly nine months later.") == [("roughly nine months", 9, "month", "approx")]
    assert read("The rival shipped it two years ahead of us.") == [("two years", 2, "year", "exact")]
    assert read("Useful lives are closer to four years.")[0][1:3] == (4, "year")
    assert read("revenue we expect in the next five years")[0][1:3] == (5, "year")
    assert read("Training lasted fourteen days.") == [("fourteen days", 14, "day", "exact")]
    assert read("Sixteen GPUs share a rack.")[0][1] == 16
    # a narrative time stays none
    assert read("Two weeks ago, the invoice came.") == []
    assert read("Five months earlier it was cheap.")[0][1:3] == (5, "month")


def test_spelled_durations_of_the_past_last_and_first_stretch_of_time():
    # a stretch of time counted back ("the past three months") or from a start ("their first two
    # years") is a duration; the same counted things that are no time stay none
    assert read("Hyperscalers put $90 billion into capex in the past three months.")[1][1:3] == (3, "month")
    assert read("Over the last two years the rate fell.") == [("two years", 2, "year", "exact")]
    assert read("In their first four years the lab lost money.")[0][1:3] == (4, "year")
    assert read("The last two chapters cover pricing.") == []
    assert read("The past two iterations failed.") == []


def test_models_authors_and_providers_are_counted_items_but_not_sizes_or_versions():
    assert read("The launch brings 3 new open models and 2 base models.") == [
        ("3 new open models", 3, "item", "exact"), ("2 base models", 2, "item", "exact")]
    assert read("a survey by 57 technical authors") == [("57 technical authors", 57, "item", "exact")]
    assert [g[2] for g in read("the 13B models are small")] == ["billion parameter"]
    assert read("the Gemma 2 models and the 2.5 models") == []


def test_a_per_token_caption_gives_energy_water_and_carbon_cells_their_denominator():
    text = ("### Footprint per Token\n\n| Metric | Model A | Model B |\n|---|---|---|\n"
            "| Energy | 0.02 Wh | 0.001 Wh |\n| Water | 0.004 mL | 0.0002 mL |\n| Price | $0.00001 | $0.000002 |\n")
    got = [g[1:3] for g in read(text)]
    assert got[:4] == [(0.02, "Wh/token"), (0.001, "Wh/token"), (0.004, "mL/token"), (0.0002, "mL/token")]
    plain = "### Energy use\n\n| Site | Use |\n|---|---|\n| A | 5 kWh |\n| B | 7 kWh |\n"
    assert [g[2] for g in read(plain)] == ["kWh", "kWh"]


def test_a_dimension_column_holds_vector_lengths():
    text = "| Model | Price / 1M tokens | Dimension |\n|---|---|---|\n| embed-a | $0.02 | 768 |\n"
    assert read(text) == [("$0.02", 0.02, "USD per 1M tokens", "exact"), ("768", 768, "x", "exact")]


# ---------------------------------------------------------------- code

def test_a_code_identifier_names_the_unit_of_its_value_but_settings_are_no_claims():
    text = "plan = forecast(\n    calls_per_day=9000,\n    mean_prompt_tokens=1500,\n    max_tokens=256,\n)\n"
    assert [(d.raw, d.value, d.unit) for d in extract_text(text)] == [("9000", 9000, "query/day"),
                                                                     ("1500", 1500, "token")]


def test_a_number_before_a_comma_is_read():
    assert read("a starting price of $0.42, the lowest") == [("$0.42", 0.42, "USD", "exact")]
    assert read("batch sizes 1,2,4") == []


# ---------------------------------------------------------------- small forms

def test_a_discount_rate_is_a_rate_not_a_discount():
    assert read("assume a 7% discount rate") == [("7%", 7, "percent", "exact")]
    assert read("a 15% discount on list") == [("15%", -15, "percent", "exact")]   # a saving: a signed change


def test_per_inference_and_with_slash():
    assert read("at $0.20/inference-equivalent here") == [("$0.20/inference-equivalent", 0.2, "USD/query", "exact")]
    assert read("64GB on board w/1.6 TBps per chip")[1][1:3] == (1.6, "TB/s")


def test_preference_pairs_are_examples_and_an_arrow_carries_the_rate():
    text = "| Size | Comparison Pairs |\n|---|---|\n| 7B | 40K |\n"
    assert [g[1:3] for g in read(text)] == [(7, "billion parameter"), (40, "K example")]
    assert [g[1:3] for g in read("- Monthly bill: $900/month → $300 after tuning")] == [(900, "USD/month"),
                                                                                       (300, "USD/month")]


def test_plus_minus_percent_is_a_range_of_changes():
    assert read("test ±15% price moves") == [("±15%", -15, 15, "percent")]
    assert read("a ±5 W swing") == [("5 W", 5, "W", "exact")]


def test_a_memory_size_naming_a_variant_is_no_claim():
    assert read("Rent the 48GB VRAM model for less.") == []
    assert read("via its 24GB PCIe configuration") == []
    assert read("cards such as the L4 (24 or 48GB versions)")[-1][1:3] == (48, "GB")


def test_one_of_a_unit_named_in_full_after_a_cue():
    assert read("the cache needs about a terabyte") == [("about a terabyte", 1, "TB", "approx")]
    assert read("a campus drawing nearly a gigawatt") == [("nearly a gigawatt", 1, "GW", "approx")]
    assert read("A gigabyte is a lot of text.") == []


def test_a_premium_named_before_the_percent_is_a_ratio_a_discount_a_change():
    assert read("only if it earns a price premium above 40% over rivals") == [("above 40%", 1.4, "x", "lower_bound")]
    assert read("a discount of 25% applies") == [("25%", -25, "percent", "exact")]
    assert read("The premium is 30%.") == [("30%", 30, "percent", "exact")]


def test_a_notes_column_keeps_numbers_with_their_own_units_but_names_none():
    text = "| Buyer | Deal | Notes |\n|---|---|---|\n| A | restart | 600 MW |\n| B | lease | since 2021, 12 sites |\n"
    assert read(text) == [("600 MW", 600, "MW", "exact"), ("12 sites", 12, "item", "exact")]


def test_one_unit_equal_to_so_many_of_another_is_a_conversion():
    assert read("As a rule of thumb, 1 token ≈ 3 characters.") == [("1 token ≈ 3 characters", 3, "character/token",
                                                                    "approx")]
    assert read("1 token was generated") == [("1 token", 1, "token", "exact")]


def test_words_per_page_and_per_thousand_tokens():
    assert read("roughly 300 words per page") == [("roughly 300 words per page", 300, "word/page", "approx")]
    assert read("~700 words per 1,000 tokens")[0][1:3] == (700, "word per 1K tokens")


def test_a_first_column_of_sizes_takes_the_caption_s_unit_and_shares_a_scale_letter():
    text = ("### Advice by context length\n\n| Usage | Advice |\n|---|---|\n| < 8K | anything goes |\n"
            "| 8-32K | put key facts first |\n")
    got = [(d.raw, d.value, d.low, d.high, d.unit, d.qualifier) for d in extract_text(text)]
    assert got == [("< 8K", 8, None, None, "K token", "upper_bound"), ("8-32K", None, 8, 32, "K token", "range")]
    plain = "### Fine-tuning runs\n\n| Model | Cost |\n|---|---|\n| 7B | $9K |\n"
    assert [d.unit for d in extract_text(plain)] == ["billion parameter", "K USD"]


def test_staying_flat_is_no_change():
    assert read("demand doubled while emissions stayed flat") == [("doubled", 2, "x", "exact"),
                                                                 ("flat", 0, "percent", "exact")]
    assert read("a flat fee of $5") == [("$5", 5, "USD", "exact")]


def test_a_bare_number_after_vs_takes_the_unit_before():
    assert [g[1:3] for g in read("a prompt of 9 tokens vs 150")] == [(9, "token"), (150, "token")]
    assert read("in 2023 vs 2024") == []


def test_price_points_are_counted_items():
    assert read("we track over 500 price points daily") == [("over 500 price points", 500, "item", "lower_bound")]


def test_a_header_of_hours_a_year_keeps_its_period():
    text = "| Item | Site A |\n|---|---|\n| Annual hours per GPU (90% util) | 7,884 |\n"
    assert [g[1:3] for g in read(text) if g[0] == "7,884"] == [(7884, "hour/year")]
    text = "| Item | Site A |\n|---|---|\n| Watts per GPU | 700 |\n"
    assert [g[1:3] for g in read(text)] == [(700, "W")]


def test_a_rate_a_column_assumes_is_not_its_unit():
    table = "| Job | GPU-hours | Cost at $2/GPU-hour |\n|---|---|---|\n| Fine-tune | 20 | $40 |\n"
    assert ("$40", 40, "USD", "exact") in read(table)
    table = "| Setup | Energy (kWh) @ 700 W |\n|---|---|\n| One node | 16.8 |\n"
    assert ("16.8", 16.8, "kWh", "exact") in read(table)


# ---------------------------------------------------------------- a column header's own amount

def test_a_header_amount_is_drafted_but_a_header_scale_or_label_is_not():
    # the column's values are each for "10K accelerator hours": that amount is a quantity of its
    # own; "4-card server" and "per 1M" only qualify the column, "(3yr)" and "90%" label it
    text = ("| Chip | Board power | 4-card server draw | 10K GPU Hours Energy | Price per 1M tokens "
            "(3yr) | 90% |\n|---|---|---|---|---|---|\n"
            "| Alpha | 500W | ~2 kW | ~5 MWh | $0.40 | 7 |\n| Beta | 300W | 1.2 kW | ~3 MWh | $0.25 | 9 |\n")
    got = read(text)
    assert ("10K GPU Hours", 10, "K GPU-hour", "exact") in got
    raws = [g[0] for g in got]
    assert raws.count("10K GPU Hours") == 1
    assert not {"4", "1M", "3yr", "90%"} & set(raws)
    assert ("$0.40", 0.4, "USD per 1M tokens", "exact") in got


def test_a_header_count_of_its_own():
    got = read("| Setup | Bill at 16 GPUs |\n|---|---|\n| Cloud | $40/hr |\n| Owned | $25/hr |\n")
    assert ("16 GPUs", 16, "GPU", "exact") in got


# ---------------------------------------------------------------- units of work of an AI application

def test_conversations_chats_and_calls_are_requests_to_a_model():
    """A chatbot's costs and volumes per conversation, chat or API call: requests to a model,
    as queries are (a price per one, a number per month)."""
    got = read("A support bot costs $0.02/conversation and $0.004 per API call; at 20k conversations a month "
               "and 800 chats per day, with 3,000 calls/month to the voice line.")
    assert ("$0.02/conversation", 0.02, "USD/query", "exact") in got
    assert ("$0.004 per API call", 0.004, "USD/query", "exact") in got
    assert ("20k conversations a month", 20, "K query/month", "exact") in got
    assert ("800 chats per day", 800, "query/day", "exact") in got
    assert ("3,000 calls/month", 3000, "query/month", "exact") in got
    # "called", "recall" are no calls; a count of times stays a multiplier
    got = read("She called it a 3x gain, with 95% recall.")
    assert all("query" not in str(g) for g in got)


# ---------------------------------------------------------------- pairs of token prices

def test_a_pair_of_token_prices_states_the_denominator_once():
    """Input and output prices written as a pair with one denominator after the second: the
    first takes it (and "input" after it, its direction); a "/" before a currency sign starts a
    second amount, not a denominator."""
    got = read("The model costs $3/$15 per million tokens; its sibling $1 and $5 per 1M tokens.")
    assert ("$3", 3, "USD per 1M tokens", "exact") in got and ("$1", 1, "USD per 1M tokens", "exact") in got
    assert ("$15 per million tokens", 15, "USD per 1M tokens", "exact") in got
    drafts = extract_text("The flagship costs $15 input / $75 output per million tokens.")
    assert [(d.raw, d.unit) for d in drafts] == [("$15", "USD per 1M tokens"),
                                                 ("$75 output per million tokens", "USD per 1M tokens")]
    # an amount of another kind before a token price keeps its own unit
    got = read("The GPU costs $2/hour and $3 per million tokens; the license $500, or $0.50 per 1M tokens.")
    assert ("$2/hour", 2, "USD/hour", "exact") in got and ("$500", 500, "USD", "exact") in got


def test_a_pair_of_token_prices_with_both_directions_in_the_denominator(project_registry):
    """"$15/$75 per million input / output tokens" and "$3 in, $15 out per million tokens":
    both are token prices, the first for input and the second for output; a lone price "per
    million input and output tokens" is for both, so it takes no direction."""
    def priced(text):
        return [(d.raw, d.unit, d.conditions.get("direction")) for d in extract_text(text, project_registry)
                if d.unit == "USD per 1M tokens"]
    assert priced("Claude Opus 4 costs $15/$75 per million input / output tokens.") == [
        ("$15", "USD per 1M tokens", "input"), ("$75 per million input / output tokens", "USD per 1M tokens", "output")]
    assert priced("GPT-4o is priced at $3 in, $15 out per million tokens.") == [
        ("$3", "USD per 1M tokens", "input"), ("$15 out per million tokens", "USD per 1M tokens", "output")]
    assert priced("Llama 3 70B costs $0.90 per million input and output tokens.") == [
        ("$0.90 per million input and output tokens", "USD per 1M tokens", None)]
    # "out" names a direction only before a denominator of tokens
    assert all(d.unit != "USD per 1M tokens" for d in extract_text("We paid $15 out per month.", project_registry))


# ---------------------------------------------------------------- lists that state the unit once

def test_a_list_of_numbers_takes_the_unit_its_last_number_states():
    got = read("Commitments: 1, 3, 6, 12, 24, 36-month terms; cards ship with 8, 16 or 32 GB, "
               "in nodes of 2 and 4 GPUs, with windows of 1, 2 or 5 million tokens.")
    for raw, v, unit in [("1", 1, "month"), ("24", 24, "month"), ("36-month", 36, "month"), ("8", 8, "GB"),
                         ("16", 16, "GB"), ("2", 2, "GPU"), ("1", 1, "million token"), ("2", 2, "million token")]:
        assert (raw, v, unit, "exact") in got, (raw, unit, got)
    # two numbers a comma parts are no list; a year or a bare end is no unit for anyone
    got = read("The estimate rests on 1000, 10-token generations; in 2023, 2024 and 2025 prices fell.")
    assert all(g[0] not in ("1000", "2023", "2024") for g in got), got
    # a line break ends a list
    assert all(g[0] != "4" for g in read("Steps: 3, 4\n5 GB of disk."))


def test_the_numbers_of_one_list_share_its_words(tmp_path):
    """Each number of a list is linked with the words around the whole list, not only those
    half-way to its neighbours: all are commitment terms, as the last one is."""
    from kb.extract.linking import load_registry
    from pathlib import Path

    reg = load_registry(Path(__file__).resolve().parents[1])
    drafts = extract_text("Reserved commitments run for 1, 3, 6 or 12 months.", reg)
    assert [(d.raw, d.property) for d in drafts] == [("1", "commitment-term"), ("3", "commitment-term"),
                                                     ("6", "commitment-term"), ("12 months", "commitment-term")]


# ---------------------------------------------------------------- prices per amount of data

def test_prices_per_gigabyte_and_per_terabyte_month():
    got = read("Block storage runs $0.05/GB/month, object storage $18 per TB per month, and "
               "egress $0.08-0.12/GB; the card has 80 GB and moves 2 GB per second.")
    assert ("$0.05/GB/month", 0.05, "USD/GB/month", "exact") in got
    assert ("$18 per TB per month", 18, "USD/TB/month", "exact") in got
    assert ("$0.08-0.12/GB", 0.08, 0.12, "USD/GB") in got
    assert ("80 GB", 80, "GB", "exact") in got and ("2 GB per second", 2, "GB/s", "exact") in got


# ---------------------------------------------------------------- a variant's word in brackets

def test_a_variant_word_in_brackets_after_its_family_names_the_variant(project_registry):
    """"H100 (SXM5)" in a table's header names the SXM variant, as "H100 SXM5" does; a
    bracket after it that names no variant leaves the family."""
    table = ("| Spec | H100 (SXM5) | H100 (PCIe) | H100 (launch) |\n|---|---|---|---|\n"
             "| Power | 700 W | 350 W | 700 W |\n")
    got = [(d.raw, d.entity) for d in extract_text(table, project_registry)]
    assert got == [("700 W", "nvidia-h100-sxm"), ("350 W", "nvidia-h100-pcie"), ("700 W", "nvidia-h100")]


# ---------------------------------------------------------------- thousands grouped with dots

def test_an_article_that_groups_thousands_with_dots_is_read_so():
    """An article writing a million "1.000.000" (and never "1,000,000") writes a thousand
    "1.000": its three-digit groups after a dot are thousands; other decimals stay; an article
    without such a million keeps "1.000" as a decimal."""
    got = read("A 1.000.000 token window. The chip draws 1.000 W, links at 1.600 GB/s and is 4.5x faster "
               "than the one with 3.35 TB/s.")
    assert ("1.000.000 token", 1_000_000, "token", "exact") in got
    assert ("1.000 W", 1000, "W", "exact") in got and ("1.600 GB/s", 1600, "GB/s", "exact") in got
    assert ("3.35 TB/s", 3.35, "TB/s", "exact") in got and ("4.5x", 4.5, "x", "exact") in got
    assert ("1.000 W", 1, "W", "exact") in read("The chip draws 1.000 W.")
    assert ("1.000 W", 1, "W", "exact") in read("It has 1,000,000 users; the chip draws 1.000 W; 2.000.000 more.")


def test_tera_operations_written_with_a_small_s():
    """"TOPs" as "TFLOPs" is: the plural of operations per second written in mixed case."""
    got = read("The accelerator reaches 393 TOPs of INT8 and 1.2 POPs at FP4.")
    assert ("393 TOPs", 393, "TOPS", "exact") in got and ("1.2 POPs", 1.2, "POPS", "exact") in got


def test_a_percent_improvement_is_a_change(project_registry):
    """"A 45% improvement in efficiency" is a change of +45%, as "a 45% gain" is, not a share."""
    drafts = extract_text("The new chip brings a 45% improvement in energy efficiency.", project_registry)
    assert [(d.raw, d.value, d.unit, d.property) for d in drafts] == [("45%", 45, "percent", "change")]


def test_a_spaced_x_before_a_comparison_is_a_ratio():
    """"4.7 x faster", "1.67 x vs. the old chip": a ratio, as "4.7x" is; "8 x H100" and
    "4 x 80GB" stay what they were (GPUs, an operand)."""
    got = read("It is 4.7 x faster and 1.67 x vs. the old chip, at 2.5 x the cost.")
    assert ("4.7 x", 4.7, "x", "exact") in got and ("1.67 x", 1.67, "x", "exact") in got
    assert ("2.5 x", 2.5, "x", "exact") in got
    assert all(g[2] != "x" for g in read("A node of 8 x H100 with 4 x 80GB drives."))


# ---------------------------------------------------------------- growth per year

@pytest.mark.parametrize("text, raw", [
    ("US data center demand could grow annually by 19% to 22% between 2023 and 2030.", "19% to 22%"),
    ("Starting capacity of 183 TWh for data centers, 15% annual growth rate.", "15%"),
    ("Traditional utility planning assumes 2-3% annual load growth.", "2-3%"),
    ("Demand is growing 30% per year.", "30%"),
    ("The market grows at a 25.9% CAGR.", "25.9%"),
    ("It expands at a compound annual growth rate of about 12%.", "about 12%"),
])
def test_a_percentage_of_growth_per_year_is_a_growth_rate(project_registry, text, raw):
    got = [(d.raw, d.property) for d in extract_text(text, project_registry)]
    assert (raw, "growth-rate") in got, got


@pytest.mark.parametrize("text, prop", [
    ("Revenue rose 40% year over year.", "change"),   # one year's change, not an average
    ("Revenue rose 40% in 2024.", "change"),
    ("Shares cost 20-30% more per year.", "change"),  # "more": a comparison (a percent difference), not a growth rate
])
def test_a_change_over_one_period_stays_a_change(project_registry, text, prop):
    assert [d.property for d in extract_text(text, project_registry) if "%" in d.raw] == [prop]


@pytest.mark.parametrize("header, unit", [
    ("Est. Output Tokens/sec", "token/s"), ("Tokens/s", "token/s"), ("Requests per minute", "query/min"),
    ("Output Tokens/hr", "token/hour"),
])
def test_a_column_header_gives_a_rate_per_second_or_minute(header, unit):
    table = f"| Concurrency | {header} |\n|---|---|\n| 4 concurrent | ~250-400 |\n"
    got = [(d.raw, d.unit) for d in extract_text(table)]
    assert ("250-400", unit) in got, got


def test_a_percentage_in_a_premium_column_is_a_ratio_and_in_a_growth_column_a_change(project_registry):
    """"| H100 Cost Premium |" over "~60%": the H100 costs 1.6 times the other (a ratio, as
    "60% more" is); "| Growth |" over "35%": how much one thing grew (a change); neither is a
    share."""
    table = ("| Workload | H100 Speedup | H100 Cost Premium |\n|---|---|---|\n"
             "| LLM pre-training (BF16) | 1.8× | ~60% |\n")
    got = [(d.raw, d.value, d.unit, d.property) for d in extract_text(table, project_registry)]
    assert ("~60%", 1.6, "x", "ratio") in got and ("1.8×", 1.8, "x", "ratio") in got, got
    table = "| Segment | Revenue growth |\n|---|---|\n| Data center | 35% |\n"
    assert [(d.value, d.property) for d in extract_text(table, project_registry)] == [(35.0, "change")]
    # a share column stays a share
    table = "| Provider | Market share |\n|---|---|\n| AWS | 31% |\n"
    assert [d.property for d in extract_text(table, project_registry)] != ["change"]


def test_a_size_inside_a_gpu_name_in_a_column_header_is_no_amount(project_registry):
    """"| A100 SXM 80GB |" names a GPU (the registry knows the name); its 80GB is part of
    the name, as in prose, not an amount the column is about ("| 1K GPU Hours Energy |" is)."""
    table = "| Spec | A100 SXM 80GB | H100 SXM 80GB |\n|---|---|---|\n| BF16 TFLOPS | 312 | 989 |\n"
    assert [d.raw for d in extract_text(table, project_registry)] == ["312", "989"]


@pytest.mark.parametrize("text, raw, direction", [
    ("- **1.68M output tokens** at Gemini API rates ($12/1M)", "$12/1M", None),
    ("You avoid paying the output premium ($12/1M vs $2/1M) on the API.", "$12/1M", "output"),
    ("GPT-4o: $2.50 / 1M input, $10.00 / 1M output.", "$10.00 / 1M output", "output"),
])
def test_a_price_per_million_with_no_noun_is_a_token_price(project_registry, text, raw, direction):
    got = {d.raw: d for d in extract_text(text, project_registry)}
    assert raw in got and got[raw].unit == "USD per 1M tokens", list(got)
    assert got[raw].conditions.get("direction") == direction


def test_a_price_per_million_of_a_named_thing_is_not_a_token_price():
    assert all(d.unit != "USD per 1M tokens" for d in extract_text("Ads cost $3/1M impressions."))


@pytest.mark.parametrize("text, raw, value", [
    ("roughly the output of seven nuclear power plants", "seven nuclear power plants", 7),
    ("The first two buildings are operational.", "two buildings", 2),
    ("Project Rainier spans 30 buildings.", "30 buildings", 30),
    ("At its peak the chain operated 9,100 stores.", "9,100 stores", 9100),
    # (reactors not built yet: a data-centre news round-up)
    ("Google and Westinghouse have joined forces to optimize the construction and operation of 10 planned "
     "nuclear reactors slated to begin construction in 2030.", "10 planned nuclear reactors", 10),
])
def test_counts_of_the_build_out_are_read(text, raw, value):
    got = [(d.raw, d.value, d.unit) for d in extract_text(text)]
    assert (raw, value, "item") in got, got


def test_digits_grouped_by_underscores_are_one_number():
    # a GPU cheat sheet's table writes CUDA core counts as code does ("1_920", "18_432?")
    table = ("| GPU | FP32 TFLOPS | Cuda Cores | TDP[W] |\n|---|---|---|---|\n"
             "| GTX 1070 | 5.8 | 1_920 | 150 |\n| GeForce RTX 4080 | 66 | 18_432? | |\n")
    got = [(d.raw, d.value) for d in extract_text(table)]
    assert ("1_920", 1920) in got and ("18_432", 18432) in got, got
    # (code's own numbers with no unit stay out)
    assert extract_text("cost = (input_tokens / 1_000_000) * rates['input']") == []


def test_a_doubling_with_its_object_before_every_is_a_doubling_time(project_registry):
    # "must double AI serving capacity every six months": how long the capacity takes to double,
    # no forecast of +100%
    text = ("Google's head of infrastructure, Amin Vahdat, told employees the company must double AI serving "
            "capacity every six months to meet intense demand.")
    got = [(d.raw, d.value, d.unit, d.property) for d in extract_text(text, project_registry)]
    assert got == [("six months", 6, "month", "doubling-time")], got


def test_units_of_a_gpu_shipped_are_gpus():
    got = [(d.raw, d.low, d.high, d.unit) for d in extract_text("Nvidia shipped 150-200 thousand Blackwell units in Q4.")]
    assert got == [("150-200 thousand Blackwell units", 150, 200, "thousand GPU")]
    assert [d.unit for d in extract_text("They shipped 2 million Hopper units.")] == ["million GPU"]


@pytest.mark.parametrize("text, raw", [
    ("Microsoft's AI revenue run rate crossed $13 billion in early 2025.", "$13 billion"),
    ("It more than doubled its annualized revenue to $3.4 billion.", "$3.4 billion"),
    ("It reached $5 billion in annualized revenue.", "$5 billion in annualized revenue"),
])
def test_revenue_stated_as_a_run_rate_is_per_year(text, raw):
    got = {d.raw: d.unit for d in extract_text(text)}
    assert got.get(raw) == "billion USD/year", got


def test_revenue_of_a_period_is_an_amount():
    assert [d.unit for d in extract_text("Revenue was $3.7 billion in 2025.")] == ["billion USD"]


@pytest.mark.parametrize("text, value", [
    ("SK Hynix hiked HBM3E prices 20%.", 20.0), ("OpenAI raised prices 10% in May.", 10.0),
    ("Lambda cut prices 30%.", -30.0),
])
def test_a_price_hike_or_cut_is_a_change(project_registry, text, value):
    got = [(d.value, d.property) for d in extract_text(text, project_registry)]
    assert got == [(value, "change")], got


def test_the_second_number_of_a_comparison_with_a_name_takes_the_first_ones_unit():
    got = [(d.raw, d.unit) for d in extract_text("Anthropic has roughly 2,300 employees (vs OpenAI's ~7,000).")]
    assert ("~7,000", "employee") in got, got


@pytest.mark.parametrize("text, raw, low, high", [
    ("Costs exceed income by a factor of 10.", "10", 10, 10),
    ("The new chip is faster by a factor of about 2.5.", "about 2.5", 2.5, 2.5),
    ("Costs exceed income by a factor of 2-3.", "2-3", 2, 3),
])
def test_a_factor_of_n_is_a_ratio(text, raw, low, high):
    (d,) = extract_text(text)
    assert (d.raw, d.unit) == (raw, "x") and (d.low or d.value, d.high or d.value) == (low, high)


@pytest.mark.parametrize("text, raw", [
    ("Economic depreciation runs at something like 30–40 per cent per year.", "30–40 per cent"),
    ("GPUs are depreciating at 6 per cent annually.", "6 per cent"),
    ("If yearly depreciation is 20 per cent, the fleet shrinks fast.", "20 per cent"),
    ("Servers write down at a 25% annual rate of depreciation.", "25%"),
    ("a stock of chips at 40 per cent annual depreciation", "40 per cent"),
])
def test_depreciation_at_a_percentage_a_year_is_a_share_of_capital_a_year(project_registry, text, raw):
    got = {d.raw: (d.unit, d.property) for d in extract_text(text, project_registry)}
    assert got[raw] == ("percent/year", "capex-cost-rate"), got
    # a fall of a price a year stays a growth rate, in percent
    assert [d.unit for d in extract_text("Prices fell 10% a year.", project_registry)] == ["percent"]


def test_depreciation_a_quarter_is_a_share_of_capital_a_quarter(project_registry):
    got = {d.raw: d.unit for d in extract_text("The model assumes quarterly depreciation of 8 per cent.", project_registry)}
    assert got == {"8 per cent": "percent/quarter"}
    # a share said with 'annual' but no capital word in its sentence stays a share
    assert [d.unit for d in extract_text("The tax is 8 per cent annual income.", project_registry)] == ["percent"]


@pytest.mark.parametrize("text", ["⏱️ Reading Time: 6 minutes", "**Read time:** 4 min", "Reading time - 12 minutes"])
def test_a_reading_time_is_page_furniture(text):
    assert extract_text(text) == []


@pytest.mark.parametrize("text, value", [
    ("It grows an order of magnitude faster than the old rate.", 10.0),
    ("an order-of-magnitude leap in rack power density", 10.0),
    ("Costs fell two orders of magnitude.", 0.01),
    ("Inference is an order of magnitude cheaper.", 0.1),
])
def test_orders_of_magnitude_are_approximate_ratios(text, value):
    (d,) = extract_text(text)
    assert (d.unit, d.qualifier) == ("x", "approx") and d.value == pytest.approx(value)


def test_units_of_a_named_gpu_shipped_are_gpus_and_a_single_product_is_not():
    assert [(d.raw, d.unit) for d in extract_text("They shipped 2 million H100 units.")] == \
        [("2 million H100 units", "million GPU")]
    assert extract_text("They bought a single GB200 NVL72.") == []


def test_an_amount_of_annual_costs_is_a_yearly_rate_and_annual_revenue_is_not():
    assert read("The new campuses face about $12 billion in annual depreciation costs.")[0][2] == "billion USD/year"
    assert read("It will suffer $7 billion annual depreciation.")[0][2] == "billion USD/year"
    assert read("Expect $2M of annual operating expenses per site.")[0][2] == "million USD/year"
    # a company's revenue of a year, or its loss, stays an amount of that period
    assert read("The streamer generates about $30 billion in annual revenue.")[0][2] == "billion USD"
    assert read("a $5B annual loss")[0][2] == "billion USD"


def test_premiums_in_the_plural_are_ratios_too():
    assert read("Buyers pay 40-55% premiums for firm power.") == [("40-55%", 1.4, 1.55, "x")]
    assert read("Reserved slots sell at 25% premiums.")[0][1:3] == (1.25, "x")


@pytest.mark.parametrize("text", [
    "The lab spends about $4 for every $1 of revenue it books.",
    "They spend roughly $4 to earn each dollar of revenue.",
    "For every dollar of revenue, it spends about $4 on compute.",
])
def test_money_per_dollar_of_another_sum_is_a_ratio(text):
    got = read(text)
    assert [(g[1], g[2]) for g in got] == [(4, "x")], got


def test_counts_of_free_and_non_paying_users_are_users():
    assert read("The app has 600 million non-paying users.")[0][1:3] == (600, "million user")
    assert read("It serves 4 million free users.")[0][1:3] == (4, "million user")


def test_a_bare_number_before_vs_takes_the_unit_of_the_number_after():
    got = read("Peak dense FP16 differs (400 vs 900 TFLOPS) between the two.")
    assert [(g[0], g[1], g[2]) for g in got] == [("400", 400, "TFLOPS"), ("900 TFLOPS", 900, "TFLOPS")], got
    assert [g[2] for g in read("memory bandwidth (2,039 vs 3,350 GB/s)")] == ["GB/s", "GB/s"]


def test_a_figure_named_by_a_word_keeps_its_name_across_a_change():
    assert [g[:3] for g in read("PUE improvement: 1.5 → 1.2 with liquid cooling")] == [("1.5", 1.5, "x"), ("1.2", 1.2, "x")]
    assert len(read("The site's PUE fell from 1.4 to 1.1 last year.")) == 2


def test_one_of_a_unit_named_in_full_is_read_when_of_something():
    assert read("Building one gigawatt of capacity costs tens of billions.")[0][:3] == ("one gigawatt", 1, "GW")
    assert read("one of the gigawatt sites") == []


def test_gpu_days_are_compute_time_not_a_count_of_gpus(project_registry):
    got = [(d.raw, d.unit, d.property) for d in extract_text("A failed checkpoint wasted 180 GPU-days of work.",
                                                               project_registry)]
    assert got == [("180 GPU-days", "GPU-day", "training-gpu-hours")], got


def test_runs_of_a_workload_are_priced_counted_and_tabled_like_requests(project_registry):
    got = {d.raw: (d.unit, d.property) for d in extract_text(
        "Locally it is ~$0.004/run, so the rig pays for itself past ~500 runs/day.", project_registry)}
    assert got["~$0.004/run"] == ("USD/query", "cost-per-query"), got
    assert got["~500 runs/day"][0] == "query/day", got
    table = "| Model | Cost per run | Runs per $1 |\n|---|---|---|\n| A | ~$0.04 | 25 |\n"
    got = {d.raw: d.unit for d in extract_text(table, project_registry)}
    assert got == {"~$0.04": "USD/query", "25": "query/USD"}, got
    # training runs are no requests
    assert extract_text("They finished 3,000 training runs.", project_registry) == []


def test_a_scaled_number_after_a_verb_of_spending_is_money():
    assert read("The four giants spent 300B last year.")[0][1:3] == (300, "billion USD")
    assert read("They spent over 250 billion on data centres.")[0][1:3] == (250, "billion USD")
    # a model size stays a size
    assert read("It has 70B parameters.")[0][2] == "billion parameter"


def test_a_price_per_image_generated_is_a_price_per_request(project_registry):
    got = {d.raw: (d.unit, d.property) for d in extract_text("The fast model is $0.03 per image.", project_registry)}
    assert got == {"$0.03 per image": ("USD/query", "cost-per-query")}, got
    table = "| Model | Cost/Image |\n|---|---|\n| A | $0.05 |\n"
    assert [d.unit for d in extract_text(table, project_registry)] == ["USD/query"]


def test_counts_of_companies_and_providers_in_words_are_counts():
    assert read("The five largest cloud providers raised capex again.")[0][1:3] == (5, "item")
    assert read("It came from three companies alone.")[0][1:3] == (3, "item")
    assert read("the two biggest tech firms")[0][1:3] == (2, "item")
    assert read("Our companies grew.") == []


def test_temperatures_in_words_and_floor_space():
    got = read("Disks tolerate about 40 degrees Celsius and chips 90°C; the tower gives 12 degrees Fahrenheit.")
    assert ("about 40 degrees Celsius", 40, "delta_degC", "approx") in got
    assert ("90°C", 90, "delta_degC", "exact") in got
    assert ("12 degrees Fahrenheit", 12, "delta_degF", "exact") in got
    got = read("The hall covers 12,000 square metres (about 130,000 sq ft).")
    assert [(g[1], g[2]) for g in got] == [(12000, "m2"), (130000, "square_foot")], got


def test_water_used_per_unit_of_time():
    got = extract_text("A large site may draw 3 million gallons of water a day, about 70-90 million litres of "
                       "water each month; the loop moves 1,800 gallons/minute.")
    units = {d.raw: d.unit for d in got}
    assert units["3 million gallons of water a day"] == "million gallon/day", got
    assert units["70-90 million litres of water each month"] == "million liter/month", got
    assert units["1,800 gallons/minute"] == "gallon/min", got
    # water per request and per unit of energy stay what they were
    got = {d.raw: d.unit for d in extract_text("About 400 mL of water per 30 queries, or 1.5 liters of water per kWh.")}
    assert got["About 400 mL"] == "mL" and got["1.5 liters of water per kWh"] == "liter/kWh", got


def test_nodes_with_a_word_between_and_failures_are_counts(project_registry):
    got = {d.raw: (d.unit, d.property) for d in extract_text(
        "We held 24 spare nodes back, 9 machines failed the burn-in and the run saw 11 hardware failures.",
        project_registry)}
    assert got["24 spare nodes"][0] == "node" and got["9 machines"][0] == "node", got
    assert got["11 hardware failures"] == ("event", "interruption-count"), got


def test_a_model_size_after_equivalent_to_stays_a_size():
    assert read("Its compute is equivalent to a 13B dense model.")[0][1:3] == (13, "billion parameter")
    assert read("That is equivalent to 4 million homes.")[0][2] == "x"
def test_a_split_written_n_slash_m_is_two_shares_of_the_whole(project_registry):
    # "N/M" summing to 100 where the words call it a split or a mix: each side a share (the
    # cue before the pair qualifies both); other slashes stay none
    got = read("Spending divides almost 50/50 between chips and the building around them.")
    assert [(r[1], r[2], r[3]) for r in got] == [(50, "percent", "approx"), (50, "percent", "approx")], got
    assert [(r[1], r[2]) for r in read("Traffic settles into a 70/30 split of chat and API.")] == \
        [(70, "percent"), (30, "percent")]
    assert [r[1] for r in read("Revenue follows a 5/95 split of ads and subscriptions.")] == [5, 95]
    props = {d.raw: d.property for d in extract_text("Costs follow a 60/40 mix of compute and power.", project_registry)}
    assert set(props.values()) == {"share"}, props
    assert read("An 80/20 rule applies to the backlog.") == []
    assert read("The split came on 11/12 after the vote.") == []
    assert read("Support runs 24/7 with a split team.") == []


def test_spelled_ranges_of_durations():
    # "two to three years", "four or five months", "five-to-six-year", "from three years to four"
    assert read("New grid hookups take two to three years now.") == [("two to three years", 2, 3, "year")]
    assert read("Expect four or five months of slippage.") == [("four or five months", 4, 5, "month")]
    assert read("Boards use five-to-six-year schedules.") == [("five-to-six-year", 5, 6, "year")]
    assert read("The lead time grew from three years to four.") == [("three years to four", 3, 4, "year")]
    # not rising, or the second number counts something else: no range of durations
    assert read("Training lasted three to two days.") == []
    assert [r[0] for r in read("The team went from two years to five GPUs.")] == ["five GPUs"]


def test_each_or_every_before_a_scale_word_is_one_of_it():
    # "on each trillion tokens", "every billion parameters": one of that many, a count of its own;
    # after an amount it is that amount's denominator ("$3 for every million tokens"), and
    # before a plain noun nothing ("each GPU")
    assert read("Pretraining on each trillion tokens takes 170K GPU hours.")[0][1:3] == (1, "trillion token")
    assert read("Every billion parameters needs about 2 GB.")[0][1:3] == (1, "billion parameter")
    assert [r[0] for r in read("Serving takes 2 GB for every billion parameters.")] == ["2 GB"]
    assert [r[0] for r in read("Each GPU draws 700 W.")] == ["700 W"]


def test_spelled_percentages():
    # "ten percent", "a fifty-percent cut", "a thousand-percent rise": percentages in words, read as
    # the digits are (a change where the words say it rose or fell); "thousand" alone stays a scale
    assert read("Prices climbed ten percent in a year.") == [("ten percent", 10, "percent", "exact")]
    assert read("Revenue fell twenty per cent.")[0][1:3] == (-20, "percent")
    assert read("That thousand-percent jump in estimates stunned analysts.")[0][1:3] == (1000, "percent")
    assert read("Two thousand tokens fit in the window.")[0][1:3] == (2, "thousand token")
    assert read("Thousands of GPUs sat idle.") == []


def test_a_minus_sign_makes_a_number_negative_unless_the_label_says_it_goes_out():
    got = {d.raw: d.value for d in extract_text(
        "| Metric | Q2 |\n|---|---|\n| Operating margin | -4.5% |\n| Free cash flow | ($7.1B) |\n"
        "| Net loss | -$95.0M |\n| Capex | $2.0B (est.) |\n")}
    assert got == {"-4.5%": -4.5, "($7.1B": -7.1, "-$95.0M": 95.0, "$2.0B": 2.0}, got
    assert [d.value for d in extract_text("Its margin was -12% last quarter.")] == [-12]
    # a range's dash, a name's hyphen and a list bullet are no minus signs
    assert [(d.low, d.high) for d in extract_text("Expect 10-20% growth.")] == [(10, 20)]
    assert [d.value for d in extract_text("- 70% average load")] == [70]


def test_a_table_of_metrics_under_a_title_naming_a_company_is_about_it(project_registry):
    text = ("# Nebius – Third-Quarter Results Review\n\n## Overview\n\n| Metric | Value |\n|---|---|\n"
            "| Revenue | $146.1M |\n| Net loss | -$120.0M |\n")
    got = {d.raw: (d.entity, d.entity_new) for d in extract_text(text, project_registry)}
    assert got["$146.1M"][0] == "nebius" and got["-$120.0M"][0] == "nebius", got
    # a subject only counted in the text (not in the title) does not take a table's rows
    text = ("# Running costs explained\n\n" + "Nebius rents GPUs to many. " * 6 + "\n\n## Costs\n\n"
            "The bill, line by line.\n\n| Item | Per hour | Share |\n|---|---|---|\n| Power | $0.16 | 9.3% |\n")
    got = {d.raw: d.entity for d in extract_text(text, project_registry)}
    assert got["9.3%"] != "nebius", got


def test_numbers_in_html_attributes_and_comments_are_no_claims():
    text = ('<p align="center">\n  <img src="./plot.png" alt="4xH100-80GB" width="45%" />\n'
            '  <!-- <img src="./old.png" width="30%" /> -->\n</p>\nThe H100 rents at $2.10 per hour.\n')
    assert [d.raw for d in extract_text(text)] == ["$2.10 per hour"]


def test_a_comment_over_several_lines_hides_its_numbers_and_keeps_the_lines_around_it():
    # a commented-out shell block: its numbers are nothing a reader sees; the paragraphs on either
    # side keep their places (offsets, lines)
    text = ("Grids made 25,000 TWh last year.\n\n<!-- ```sh\n# what the ocean would warm\n"
            "units -t '25000 TWh / (1300000000 km^3)'\n``` -->\n\nA rack draws 120 kW.\n")
    got = [(d.raw, text[d.span_start:d.span_end]) for d in extract_text(text)]
    assert [g[0] for g in got] == ["25,000 TWh", "120 kW"], got
    assert all(raw == at for raw, at in got), got
    # an unclosed comment hides nothing
    assert "120 kW" in [d.raw for d in extract_text("<!-- draft\nA rack draws 120 kW.\n")]


# ---------------------------------------------------------------- powers of ten and petaflop/s-days

def test_scientific_notation_with_a_power_of_ten():
    """Training compute is written as a mantissa times a power of ten (caret or superscript
    digits), or as a power of ten alone; the times sign is not a ratio there."""
    got = read("- Model A: roughly 2.1 × 10^25 FLOP\n- Model B: 6 x 10²³ FLOPs\n- Model C: about 10^24 FLOP\n")
    values = {(round(v / 1e21), u) for _, v, u, _ in got}
    assert values == {(21000, "FLOP"), (600, "FLOP"), (1000, "FLOP")}
    assert all(d.value_text and "10" in d.value_text for d in extract_text("It took 3.14 × 10²³ FLOP."))


def test_a_times_sign_before_ten_of_something_is_not_a_power():
    got = read("A 4 x 10 grid of racks, and 8 × 10 GB disks.")
    assert all(v != 4e10 and v != 8e10 for _, v, *_ in got if isinstance(v, float))


def test_petaflop_s_days():
    got = read("The run used 3,500 petaflop/s-days, the smaller one 30 PF-days.")
    assert ("3,500 petaflop/s-days", 3500, "petaflop_s_day", "exact") in got
    assert ("30 PF-days", 30, "petaflop_s_day", "exact") in got


def test_flops_of_a_training_run_count_operations():
    """Writers put "FLOPS" after a training run's compute: there it is a number of operations;
    a chip's "FLOPS" stays a rate."""
    got = read("Training the model took 3.14e23 FLOPS. The chip delivers 989e12 FLOPS.")
    assert ("3.14e23 FLOPS", 3.14e23, "FLOP", "exact") in got
    assert ("989e12 FLOPS", 989e12, "FLOPS", "exact") in got
    table = read("| Model | Training compute (FLOPS) |\n|---|---|\n| Model A | 2 × 10^24 |\n")
    assert [u for *_, u, _ in table] == ["FLOP"]


# ---------------------------------------------------------------- other currencies as written

def test_the_euro_sign_after_the_amount():
    # paraphrased: a parts list priced in euros, the sign after the number
    assert read("a 35€ board and a 12€ fan") == [("35€", 35, "EUR", "exact"), ("12€", 12, "EUR", "exact")]
    assert read("Total : 480€") == [("480€", 480, "EUR", "exact")]
    assert read("it rents at 2.5 €/h") == [("2.5 €/h", 2.5, "EUR/hour", "exact")]
    # the sign glued to its amount is that amount's, not the next number's
    assert read("a 51€ 850w supply")[0] == ("51€", 51, "EUR", "exact")
    # a spaced sign before another amount is that amount's: a year, then euros
    assert ("€7 billion", 7, "billion EUR", "exact") in read("In 2023 €7 billion went to chips.")
    assert all(u != "EUR" for _, _, u, _ in read("In 2023 €7 billion went to chips."))
    # digits spaced by thousands before the sign: not the last group's 300 euros but the whole 1,300
    got = read("le serveur coûte 1 300 € par mois")
    assert [(v, u) for _, v, u, _ in got if u.startswith("EUR")] == [(1300, "EUR/month")]  # (a month's: miss76)


def test_the_euro_code_before_or_after_the_amount():
    assert read("the node costs EUR 11.25 per hour") == [("EUR 11.25 per hour", 11.25, "EUR/hour", "exact")]
    assert read("the node costs 11.25 EUR per hour") == [("11.25 EUR per hour", 11.25, "EUR/hour", "exact")]
    assert read("EUROPE 5 stops") == []  # a word that begins with the code
    # the other currencies of the vocabulary by their codes, before or after
    assert read("GBP 40 per month") == [("GBP 40 per month", 40, "GBP/month", "exact")]
    assert read("a licence of 2,000 AUD a year") == [("2,000 AUD a year", 2000, "AUD/year", "exact")]
    assert read("KRW 50000 each") == [("KRW 50000", 50000, "KRW", "exact")]
    assert read("CAD 1,200 for the card") == [("CAD 1,200", 1200, "CAD", "exact")]
    assert read("it sold for 850 CAD") == [("850 CAD", 850, "CAD", "exact")]
    assert read("drawn in AutoCAD 2024") == []  # a word that ends with the code
    assert read("a CAD 3D model of the case") == []  # computer-aided design, not 3 Canadian dollars


def test_dollars_with_a_country_prefix():
    assert read("it rents at US$1.40 per hour") == [("US$1.40 per hour", 1.4, "USD/hour", "exact")]
    assert read("the cost was USD 300") == [("USD 300", 300, "USD", "exact")]
    assert read("the card sells for AU$2100") == [("AU$2100", 2100, "AUD", "exact")]
    assert read("power costs A$0.30/kWh") == [("A$0.30/kWh", 0.3, "AUD/kWh", "exact")]
    # the Canadian dollar as the Australian one
    assert read("the card sells for C$1900") == [("C$1900", 1900, "CAD", "exact")]
    assert read("power costs CA$0.12/kWh") == [("CA$0.12/kWh", 0.12, "CAD/kWh", "exact")]
    # another country's dollar is no currency of the vocabulary: no claim, not a USD one
    assert read("the card sells for HK$1900") == []
    assert read("it costs NZ$45 a month and $30 a month") == [("$30 a month", 30, "USD/month", "exact")]
    # in a table's cell too ("US" is the United States' alias; its digits are no part of a name)
    table = "| GPU | Price per hour |\n|---|---|\n| H100 | US$2.10 |\n| A100 | NZ$1.90 |\n"
    assert read(table) == [("US$2.10", 2.1, "USD/hour", "exact")]


def test_a_price_in_another_currency_is_guessed_the_property_of_its_dollar_form(project_registry):
    got = [(d.unit, d.property) for d in extract_text("The H100 rents for 2.40€/hour.", project_registry)]
    assert got == [("EUR/hour", "rental-price")]
    got = [(d.unit, d.property) for d in extract_text("The H100 rents for $2.40/hour.", project_registry)]
    assert got == [("USD/hour", "rental-price")]


def test_a_header_names_the_currency_with_its_code_or_prefix():
    table = "| GPU | Price ({}/hr) |\n|---|---|\n| H100 | 3.10 |\n"
    assert read(table.format("EUR")) == [("3.10", 3.1, "EUR/hour", "exact")]
    assert read(table.format("AU$")) == [("3.10", 3.1, "AUD/hour", "exact")]
    assert read(table.format("GBP")) == [("3.10", 3.1, "GBP/hour", "exact")]
    assert read(table.format("C$")) == [("3.10", 3.1, "CAD/hour", "exact")]
    assert read(table.format("CAD")) == [("3.10", 3.1, "CAD/hour", "exact")]
    assert read(table.format("NZ$")) == []  # no currency of the vocabulary, not dollars
    assert read("| Firm | Revenue (M$) |\n|---|---|\n| Acme | 310 |\n") == [("310", 310, "million USD", "exact")]


def test_the_dollar_sign_after_the_amount():
    # paraphrased: a bill and a cluster priced with the sign after the number
    assert read("my bill came to ~4500$ in May") == [("~4500$", 4500, "USD", "approx")]
    assert read("a 20k$ cluster")[0][1:3] == (20, "K USD")
    assert read("it rents at 3$/hour") == [("3$/hour", 3, "USD/hour", "exact")]
    # a sign that closes or opens math is no dollar
    assert read("with $n = 8$ nodes") == []
    assert all(u != "USD" for _, _, u, _ in read("warms by 0.00003$\\degree$C a year"))


def test_an_amount_in_yuan_by_its_code():
    # a Chinese developer's post on his DeepSeek bill: the yuan's code after the amount
    got = [(d.raw, d.value, d.unit, d.qualifier) for d in
           extract_text("In one month, 15 million tokens cost me approximately 23.5 CNY.")]
    assert ("approximately 23.5 CNY", 23.5, "CNY", "approx") in got, got
    # (but "CNY" before a year is Chinese New Year, no amount)
    assert all(d.unit != "CNY" for d in extract_text("Sales around CNY 2025 were strong."))


def test_an_amount_in_yuan_by_its_name():
    # The Economist on China's model price war (2024-06-15): the yuan named after the amount
    text = "Chinese LLMs will generate 22bn yuan ($3bn) in revenue this year, up from 15bn yuan in 2023."
    got = [(d.raw, d.value, d.unit) for d in extract_text(text)]
    assert ("22bn yuan", 22, "billion CNY") in got and ("15bn yuan", 15, "billion CNY") in got, got
    assert ("$3bn", 3, "billion USD") in got, got
