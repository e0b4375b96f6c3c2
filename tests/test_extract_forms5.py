"""Forms of writing seen in fresh articles of new publishers (issue 14): each test is a
paraphrase of a form, never a copied sentence."""
from __future__ import annotations

from conftest import read_drafts

from kb.extract.drafts import mask


read = read_drafts


# ---------------------------------------------------------------- footnotes that cite

def test_a_footnote_citing_a_source_is_no_claim_of_the_article():
    text = ("Chips sold briskly last year.[^news]\n\n"
            "[^news]: [Vendor shipped 300,000 accelerators in Q2 as waits reach 40 weeks](https://example.org/a)\n"
            "[^paper]: Doe, J. (2023, May 2). Serving 5 billion queries on 12 GW. Journal of Things.\n")
    assert read(text) == []
    assert len(mask(text)) == len(text)


def test_a_footnote_that_explains_is_still_read():
    text = "Power is high.[^1]\n\n[^1]: Each board draws 700 W at peak.\n"
    assert ("700 W", 700, "W", "exact") in read(text)


# ---------------------------------------------------------------- LaTeX scripts inside words

def test_a_latex_subscript_joins_its_unit_and_is_no_dollar():
    got = read("Training released about 620 tCO\\\\$_2\\\\$eq in total, and serving 45 kgCO$_{2}$e a day.")
    units = {g[2] for g in got}
    assert "USD" not in units
    assert ("620 tCO2eq", 620, "tCO2e", "approximate") in [(g[0].replace(" ", ""), *g[1:]) for g in got] or \
        any(g[1] == 620 and g[2] == "tCO2e" for g in got)
    assert any(g[1] == 45 and g[2].startswith("kgCO2e") for g in got)


def test_a_table_header_with_a_latex_subscript_gives_the_unit():
    text = ("| Run | Energy (MWh) | Emissions<br>(tCO\\\\$_2\\\\$eq) |\n|---|---|---|\n"
            "| Small model<br>(training only) | 700 | 290 |\n")
    got = read(text)
    assert any(g[1] == 290 and g[2] == "tCO2e" for g in got)
    assert not any(g[2] == "USD" for g in got)


def test_a_latex_superscript_ordinal_reads_as_a_fraction_word():
    view = mask("about 1/10$^{th}$ of a kilogram")
    assert "1/10th" in view and "$" not in view


# ---------------------------------------------------------------- counts with a sized noun

def test_a_count_of_inferences_sized_by_a_token_adjective():
    got = read("Breaking even takes some 310 million 20-token inferences, or 4.5 billion 20-token generations.")
    assert ("310 million 20-token inferences", 310e6, "million query", "approximate") in got or \
        any(g[1] == 310 and g[2] == "million query" for g in got)
    assert any(g[1] == 4.5 and g[2] == "billion query" for g in got)
    assert not any(g[2] == "token" for g in got)  # the size of each inference is no claim


def test_a_count_of_long_responses():
    got = read("That equals serving 40 million max-length responses.")
    assert any(g[1] == 40 and g[2] == "million query" for g in got)


def test_generations_of_hardware_are_no_count_of_queries():
    assert not any(g[2] == "query" for g in read("Over three generations of chips, power grew."))
    assert not any(g[2] == "query" for g in read("The vendor shipped 4 generations since 2016."))


# ---------------------------------------------------------------- a variant glued to an emphasised name

def test_a_memory_variant_glued_to_an_emphasised_name_is_part_of_the_name():
    got = read("The model ran on _B200_-192GB boards and **H200**-141GB ones, each at 1000W.")
    assert not any(g[2] == "GB" for g in got)
    assert ("1000W", 1000, "W", "exact") in got


def test_a_spaced_minus_after_emphasis_free_text_still_reads():
    got = read("Margins moved by -12% last quarter.")
    assert any(g[2] == "percent" for g in got)


# ---------------------------------------------------------------- power built per year

def test_power_per_year_is_a_build_rate():
    got = read("Utilities can connect roughly 35 GW/year, and builders add 12-18 GW per year at best.")
    assert any(g[1] == 35 and g[2] == "GW/year" for g in got)
    assert ("12-18 GW per year", 12, 18, "GW/year") in got


def test_power_for_a_year_is_no_rate():
    got = read("The campus drew 90 MW for a year.")
    assert any(g[1] == 90 and g[2] == "MW" for g in got)


# ---------------------------------------------------------------- unit spellings

def test_energy_written_with_a_hyphenated_hour():
    got = read("A long answer can take about 0.3 kW-hr, a batch 2 MW-h.")
    assert any(g[1] == 0.3 and g[2] == "kWh" for g in got)
    assert any(g[1] == 2 and g[2] == "MWh" for g in got)


def test_voltages_and_megaliters():
    got = read("Racks move to a 400 V DC bus fed at 13.8 kV; the site used 3 million megalitres of water.")
    assert ("400 V", 400, "V", "exact") in got
    assert ("13.8 kV", 13.8, "kV", "exact") in got
    assert any(g[1] == 3 and g[2] == "million megaliter" for g in got)


# ---------------------------------------------------------------- link text splits a number from its unit

def test_a_scale_word_inside_link_text_belongs_to_the_number_before():
    got = read("The lab raised $4.1 [billion](https://example.org/story) in its last round.")
    assert any(g[1] == 4.1 and g[2] == "billion USD" for g in got)
    got = read("It serves 30 [million weekly users](https://example.org/x).")
    assert any(g[1] == 30 and g[2] == "million user" for g in got)


# ---------------------------------------------------------------- progressions are no ranges

def test_a_chain_of_values_joined_by_to_is_a_progression():
    got = read("Yearly spend climbs from $50 million to $400 million to $3 billion.")
    assert not any(len(g) == 4 and g[1] == 50 and g[2] == 400 for g in got)
    values = [(g[1], g[2]) for g in got]
    assert (50, "million USD") in values and (400, "million USD") in values and (3, "billion USD") in values


def test_a_plain_range_with_to_is_still_a_range():
    got = read("A campus costs $4 billion to $9 billion to build.")
    assert ("$4 billion to $9 billion", 4, 9, "billion USD") in got


# ---------------------------------------------------------------- the cent sign

def test_the_cent_sign_is_a_currency():
    got = read("Power runs 7.5¢ per kWh here, and a call costs 2 ¢.")
    assert ("7.5¢ per kWh", 7.5, "cent/kWh", "exact") in got
    assert ("2 ¢", 2, "cent", "exact") in got


# ---------------------------------------------------------------- arrows share a trailing denominator

def test_a_price_progression_by_arrows_shares_its_denominator():
    got = read("Serving fell $40 → $4 → $0.40 per million tokens in three years.")
    assert ("$40", 40, "USD per 1M tokens", "exact") in got
    assert ("$4", 4, "USD per 1M tokens", "exact") in got
    assert ("$0.40 per million tokens", 0.4, "USD per 1M tokens", "exact") in got


def test_prices_not_joined_by_arrows_keep_their_own_unit():
    got = read("A seat is $30, and API use $3 per million tokens.")
    assert ("$30", 30, "USD", "exact") in got


# ---------------------------------------------------------------- a hyphenated modifier in a header counts nothing

def test_a_header_naming_gpus_as_a_modifier_gives_no_count():
    from kb.core.grammar import header_unit
    assert header_unit("Node-level carbon equivalent") is None
    assert header_unit("GPU-only emissions equivalent") is None
    assert header_unit("GPUs") is not None and header_unit("GPUs").atom == "GPU"
    text = ("| Run | Chip-only equivalent |\n|---|---|\n| Big run | 4 transatlantic flights |\n")
    assert not any(g[2] == "GPU" for g in read(text))


# ---------------------------------------------------------------- a size class names no model

def test_a_model_size_class_is_no_claim():
    assert read("Any 13B-class model can answer this, as can 30B class models.") == []
    got = read("The new model has 13B parameters.")
    assert any(g[1] == 13 and g[2] == "billion parameter" for g in got)


# ---------------------------------------------------------------- fractions in words

def test_a_quarter_of_a_year_is_no_fraction():
    assert read("The company lost $9B in one quarter, a record.") == [("$9B", 9, "billion USD", "exact")]
    # (grown by a quarter: a change of +25%, docs/data-format.md's comparisons; pctx58)
    assert read("Revenue grew by a quarter.") == [("a quarter", 25.0, "percent", "exact")]


def test_a_fraction_of_a_price_stays_a_ratio():
    got = read("The new chip sells at a third of the old chip's price.")
    assert any(g[2] == "x" and abs(g[1] - 1 / 3) < 1e-9 for g in got)


def test_power_per_week_or_month_is_a_build_rate_too():
    got = read("The plan: a 2 GW-per-week factory line, later 6 GW per month.")
    assert any(g[1] == 2 and g[2] == "GW/week" for g in got)
    assert any(g[1] == 6 and g[2] == "GW/month" for g in got)


# ---------------------------------------------------------------- display math and blockquotes

def test_display_math_delimiters_are_no_dollars():
    got = read("The layer holds $$4 \\cdot d$$ weights, and $$2 \\cdot d$$ more; a card costs $900.")
    assert got == [("$900", 900, "USD", "exact")]


def test_a_quantity_wrapped_inside_a_blockquote_keeps_its_unit():
    text = "> The authors put training at 612\n> tCO2e in total, and\n> 500 mL of water per run.\n"
    got = read(text)
    assert any(g[1] == 612 and g[2] == "tCO2e" for g in got)
    assert ("500 mL", 500, "mL", "exact") in got  # the quote marker is no 'more than' cue


# ---------------------------------------------------------------- open ranges

def test_a_plus_suffix_written_as_a_word_is_a_lower_bound():
    got = read("They plan a 40-plus GW build-out on 20,000-plus GPUs, a $7B-plus deal.")
    assert ("40-plus GW", 40, "GW", "lower_bound") in got
    assert ("20,000-plus GPUs", 20000, "GPU", "lower_bound") in got
    assert ("$7B-plus", 7, "billion USD", "lower_bound") in got


def test_a_scale_word_after_the_plus_still_scales_the_number():
    got = read("The lab raised $13+ billion from 500+ million users; its rival took $2+ bn in 2024.")
    assert ("$13+ billion", 13, "billion USD", "lower_bound") in got
    assert ("500+ million users", 500, "million user", "lower_bound") in got
    assert ("$2+ bn", 2, "billion USD", "lower_bound") in got


# ---------------------------------------------------------------- numbers inside LaTeX

def test_latex_thousands_separators_and_environments():
    text = ("$$\n\\begin{align*}\n6{,}000 \\text{ H100s} \\times 700 \\text{W} & = 4{,}200 \\text{ kW} \\\\\n"
            "\\end{align*}\n$$\n")
    got = read(text)
    values = [(g[1], g[2]) for g in got]
    assert (6000, "GPU") in values and (700, "W") in values and (4200, "kW") in values
    assert (0, "GPU") not in values and (0, "kW") not in values


# ---------------------------------------------------------------- annualised amounts

def test_an_amount_named_annualised_after_it_is_a_yearly_rate():
    got = read("The startup passed $3 billion on an annualized basis; rivals cite $900M ARR, "
               "$2.5B in annualized revenue and a $1.2B run-rate.")
    values = {(g[1], g[2]) for g in got}
    assert (3, "billion USD/year") in values
    assert (900, "million USD/year") in values
    assert (2.5, "billion USD/year") in values
    assert (1.2, "billion USD/year") in values


def test_a_plain_revenue_figure_stays_an_amount():
    got = read("Revenue for the quarter was $3 billion.")
    assert ("$3 billion", 3, "billion USD", "exact") in got


def test_an_annualised_phrase_belongs_to_the_amount_before_it():
    got = read("Its $12bn annualized revenue works out to around $1 billion in a month.")
    assert any(g[1] == 12 and g[2] == "billion USD/year" for g in got)
    assert not any(g[1] == 1 and g[2] == "billion USD/year" for g in got)


# ---------------------------------------------------------------- equivalences

def test_a_count_in_an_equivalence_is_a_multiple():
    got = read("One training run uses as much electricity in a year as 2 million fridges, "
               "enough power to supply a small town of more than 30,000 residents, equivalent to 9 long-haul flights.")
    assert any((g[1], g[2]) in ((2, "million x"), (2e6, "x")) for g in got)
    assert any(g[1] == 30000 and g[2] == "x" and g[3] == "lower_bound" for g in got)
    assert any(g[1] == 9 and g[2] == "x" for g in got)


def test_a_bare_number_without_an_equivalence_is_still_no_claim():
    assert read("The town has 30,000 residents.") == []
