"""Counts, shares and rates that writers put in words the extractor did not read (issue 14):
batch sizes and requests in flight, people counted with a product's name between, percentage
points, deals and sites, "one in five", one hour, battery charge, run
rates. Each test is a sentence written for the form, never a copied one."""
from __future__ import annotations

from conftest import read_drafts

from kb.core import grammar

read = read_drafts


# ---------------------------------------------------------------- batch sizes and concurrency

def test_a_batch_size_named_before_its_number_counts_requests():
    got = read("We served the model at a batch size of 32 and later at batch size 128.")
    assert ("32", 32, "query", "exact") in got and ("128", 128, "query", "exact") in got
    assert ("≤256", 256, "query", "upper_bound") in read("Runs used batch ≤256 throughout.")
    assert ("less than 90", 90, "query", "upper_bound") in read("While the batch size is less than 90, memory rules.")


def test_a_batch_size_is_no_unit_for_a_number_that_has_one():
    got = read("At batch size 16 the card gave 900 tokens/s.")
    assert ("16", 16, "query", "exact") in got and ("900 tokens/s", 900, "token/s", "exact") in got
    assert not any(g[2] == "query" for g in read("The Batch API costs 50% less."))


def test_requests_in_flight_with_the_noun_left_out():
    got = read("| Load | Tokens/s |\n|---|---|\n| 8 concurrent | ~300 |\n")
    assert ("8 concurrent", 8, "query", "exact") in got
    # users in flight are requests in flight too, as the curation records them (r102, r130 of dev-A; cnt44)
    assert ("12 concurrent users", 12, "query", "exact") in read("The box handles 12 concurrent users.")


def test_one_request_at_a_time_is_one_in_flight():
    assert ("one request at a time", 1, "query", "exact") in read("A laptop answers one request at a time.")
    assert ("one at a time", 1, "query", "exact") in read("The script sends prompts one at a time.")
    assert read("We hired them one at a time.") == []


# ---------------------------------------------------------------- people counted with a name between

def test_users_counted_with_a_product_name_between():
    assert ("40M weekly Gizmo users", 40, "million user", "exact") in read("It reached 40M weekly Gizmo users.")
    assert ("12 million global subscribers", 12, "million user", "exact") in \
        read("The service keeps its 12 million global subscribers.")
    assert ("3,000 Acme customers", 3000, "customer", "exact") in read("There are 3,000 Acme customers.")


# ---------------------------------------------------------------- percentage points

def test_percentage_points_are_recorded_in_percent():
    got = read("The unit adds 2-3 pp to group growth; margin rose 4 percentage points; share fell 1.5pp.")
    assert ("2-3 pp", 2, 3, "percent") in got
    assert any(g[0] == "4 percentage points" and g[2] == "percent" for g in got)
    assert any(g[0] == "1.5pp" and g[2] == "percent" for g in got)
    assert read("See pp. 4-9 of the filing.") == []


def test_a_fall_by_up_to_a_percentage_is_a_change_down():
    got = read("The stock fell by up to 9% after the call.")
    assert got and got[0][1] == -9 and got[0][2] == "percent"


# ---------------------------------------------------------------- deals and sites

def test_deals_and_sites_are_counted_items():
    got = read("The fund closed roughly 80 deals. Two more sites were named. It runs over 40 facilities.")
    assert ("roughly 80 deals", 80, "item", "approx") in got
    assert ("Two more sites", 2, "item", "exact") in got
    assert ("over 40 facilities", 40, "item", "lower_bound") in got


# ---------------------------------------------------------------- shares in words

def test_so_many_of_every_so_many_is_a_share():
    got = read("One in four startups uses it, and nine out of ten buyers agree; one out of every two dollars goes there.")
    assert ("One in four", 25, "percent", "exact") in got
    assert ("nine out of ten", 90, "percent", "exact") in got
    assert ("one out of every two", 50, "percent", "exact") in got
    assert read("It happens once, one in two years.") == []


# ---------------------------------------------------------------- one of a period

def test_one_hour_after_a_cue_is_a_duration():
    assert ("one hour", 1, "hour", "exact") in read("Rent the card for one hour and measure.")
    assert any(g[0].endswith("a single week") and g[2] == "week" for g in read("Demand tripled in a single week."))
    assert read("One day we will know.") == []
    assert read("It ended one year ago.") == []


# ---------------------------------------------------------------- battery charge, run rates

def test_battery_charge_in_milliamp_hours():
    assert ("2800-3600 mAh", 2800, 3600, "mAh") in read("A phone battery holds 2800-3600 mAh.")


def test_an_amount_called_annualized_or_under_a_run_rate_header_is_a_year_s_worth():
    assert ("$8B annualized", 8, "billion USD/year", "exact") in read("The lab hit $8B annualized in May.")
    got = read("| Lab | Run rate |\n|---|---|\n| Alpha | $3B |\n| Beta | $1.5B |\n")
    assert [g[2] for g in got] == ["billion USD/year", "billion USD/year"]
    assert grammar.header_unit("ARR").den == "year"
    assert [g[2] for g in read("| Lab | Arrivals |\n|---|---|\n| Alpha | $3B |\n")] == ["billion USD"]


# ---------------------------------------------------------------- a label's noun, cards in words, conversions

def test_a_line_label_ending_in_a_counted_noun_gives_the_bare_number_its_unit():
    assert read("* **Total parameters**: 400 billion (estimate)") == [("400 billion", 400, "billion parameter", "exact")]
    assert read("- GPUs: 256") == [("256", 256, "GPU", "exact")]
    assert read("- Users: 2024") == []  # (a year)
    assert read("- Notes: 256") == []


def test_cards_and_accelerators_counted_in_words():
    assert ("three cards", 3, "GPU", "exact") in read("The test used three cards side by side.")
    assert ("two accelerators", 2, "GPU", "exact") in read("Each box holds two accelerators.")


def test_so_many_of_one_text_measure_to_one_of_another_is_a_conversion():
    assert read("(about 5 characters = 1 token)") == [("about 5 characters = 1 token", 5, "character/token", "approx")]
    assert [g[2] for g in read("8 GPUs = 1 node here")] == ["GPU", "node"]


def test_a_dozen_counts_twelve_and_labs_are_counted_items():
    assert ("a dozen GPUs", 12, "GPU", "exact") in read("They run a dozen GPUs in a closet.")
    assert ("Half a dozen sites", 6, "item", "exact") in read("Half a dozen sites were picked.")
    assert ("2-4 other AI labs", 2, 4, "item") in read("Only 2-4 other AI labs could do it.")
    assert read("We use a dozen of them.") == []


def test_so_many_of_the_things_named_counts_them():
    got = read("12 of their global data centers run on wind; 5 of those data centers are new. 40 of the GPUs idled.")
    assert ("12 of their global data centers", 12, "item", "exact") in got
    assert ("5 of those data centers", 5, "item", "exact") in got
    assert ("40 of the GPUs", 40, "GPU", "exact") in got
    assert read("Only 3 of the top 10 labs use it.") == []
