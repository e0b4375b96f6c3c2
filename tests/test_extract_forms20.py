"""Forms of issue 14's value precision on unseen writing (prec20): numbers read with the wrong
unit (a rate read as an amount), each on a short text written for the test."""
from __future__ import annotations

import pytest

from conftest import read_raw_values


@pytest.mark.parametrize("text, raw, unit", [
    ("Seats cost $25 per user per month.", "$25 per user per month", "USD/month"),
    ("The service runs $90/user/month.", "$90/user/month", "USD/month"),
    ("Licences are $40 per seat a month.", "$40 per seat a month", "USD/month"),
    ("They charge $12 per user each month.", "$12 per user each month", "USD/month"),
    ("Support adds $300 per user per year.", "$300 per user per year", "USD/year"),
    ("Storage is $9 per user monthly.", "$9 per user monthly", "USD/month"),
    ("A rented card is $1,500 per GPU per month.", "$1,500 per GPU per month", "USD/month"),
])
def test_a_price_per_user_then_per_period_is_a_rate_of_that_period(text, raw, unit):
    got = read_raw_values(text)
    assert [(r, u) for r, _, _, _, u in got] == [(raw, unit)], got


def test_a_range_per_user_per_month_keeps_its_ends():
    got = read_raw_values("Plans run $15-20 per user per month.")
    assert got == [("$15-20 per user per month", None, 15.0, 20.0, "USD/month")], got


def test_tokens_per_user_per_day_are_a_daily_rate():
    got = read_raw_values("We assume 2M tokens/user/day.")
    assert [(r, u) for r, _, _, _, u in got] == [("2M tokens/user/day", "million token/day")], got


def test_a_price_per_user_with_no_period_stays_an_amount():
    got = read_raw_values("The plan is $8 per user for every team.")
    assert [(r, u) for r, _, _, _, u in got] == [("$8 per user", "USD")], got


def test_a_year_ago_after_a_price_per_user_is_no_period():
    got = read_raw_values("We paid $3 per user a year ago.")
    assert [(r, u) for r, _, _, _, u in got] == [("$3 per user", "USD")], got


def test_per_gpu_per_hour_is_still_a_gpu_hour_price():
    got = read_raw_values("The card rents at $2 per GPU per hour.")
    assert [(r, u) for r, _, _, _, u in got] == [("$2 per GPU per hour", "USD/GPU-hour")], got


def test_a_monthly_column_with_an_assumed_amount_holds_monthly_costs():
    text = ("| Plan | Monthly Cost (2B tokens) |\n|---|---|\n| Small | $400 |\n| Large | $1,250 |\n")
    got = [(r, v, u) for r, v, _, _, u in read_raw_values(text)]
    assert got == [("$400", 400.0, "USD/month"), ("$1,250", 1250.0, "USD/month")], got


def test_a_monthly_column_assuming_hours_holds_monthly_costs():
    text = ("| GPU | Monthly Estimate (720 hrs) |\n|---|---|\n| Card A | $900 - $1,400 |\n")
    got = read_raw_values(text)
    assert got == [("$900 - $1,400", None, 900.0, 1400.0, "USD/month")], got


def test_a_price_column_per_one_million_tokens_keeps_its_denominator():
    # (a parenthesis of one thing is the unit a price is for, not an assumption)
    text = "| Model | Price (1M tokens) |\n|---|---|\n| Alpha | $0.50 |\n"
    got = [(r, u) for r, _, _, _, u in read_raw_values(text)]
    assert got == [("$0.50", "USD per 1M tokens")], got


@pytest.mark.parametrize("text, raw", [
    ("The mid tier costs ~$2.00/M blended.", "~$2.00/M blended"),
    ("Input is billed at $3/M.", "$3/M"),
    ("Output is billed at $15/M output tokens.", "$15/M output tokens"),
    ("Cached reads cost $0.30/M input.", "$0.30/M input"),
    ("A blended price of $1.10/1M blended.", "$1.10/1M blended"),
])
def test_a_price_per_m_is_per_million_tokens(text, raw):
    got = [(r, u) for r, _, _, _, u in read_raw_values(text)]
    assert got == [(raw, "USD per 1M tokens")], got


def test_a_price_per_m_range_is_per_million_tokens():
    got = read_raw_values("Budget models run $0.20-$0.35/M blended.")
    assert got == [("$0.20-$0.35/M blended", None, 0.20, 0.35, "USD per 1M tokens")], got


def test_a_price_per_megawatt_hour_is_not_per_million_tokens():
    got = [(r, u) for r, _, _, _, u in read_raw_values("Power costs $60/MWh there.")]
    assert got == [("$60/MWh", "USD/MWh")], got


def _units(text):
    return [(r, u) for r, _, _, _, u in read_raw_values(text)]


def test_a_list_of_prices_that_says_the_rate_once_shares_it():
    got = _units("Lambda charges $2.49/hr, RunPod $2.79 and AWS $4.10.")
    assert got == [("$2.49/hr", "USD/hour"), ("$2.79", "USD/hour"), ("$4.10", "USD/hour")], got


def test_a_second_model_in_parentheses_shares_the_first_models_rate():
    got = _units("Against Alpha ($2.00 per million output tokens) or Beta 4.5 ($5.00), the card wins.")
    assert got == [("$2.00 per million output tokens", "USD per 1M tokens"), ("$5.00", "USD per 1M tokens")], got


@pytest.mark.parametrize("text, second", [
    ("It costs $2 per hour, a total of $1,400.", "$1,400"),
    ("It costs $2 per hour and $5 to set up.", "$5"),
    ("It costs $2 per hour and you pay $3 once.", "$3"),
    ("The API costs $3 per million tokens, and the whole project cost $20.", "$20"),
    ("It rents for $2 per hour, and the card sells for $25,000.", "$25,000"),
])
def test_an_amount_of_another_kind_after_a_rate_stays_an_amount(text, second):
    got = dict(_units(text))
    assert got[second] == "USD", got


@pytest.mark.parametrize("text, raw, unit", [
    ("The service handles 2 billion tokens daily.", "2 billion tokens daily", "billion token/day"),
    ("The API serves 10M requests daily.", "10M requests daily", "million query/day"),
    ("Data centres use 200 TWh of electricity a year.", "200 TWh of electricity a year", "TWh/year"),
    ("The site burns 300 MWh of power each month.", "300 MWh of power each month", "MWh/month"),
])
def test_an_accruing_amount_with_a_period_after_it_is_a_rate(text, raw, unit):
    assert _units(text) == [(raw, unit)], _units(text)


@pytest.mark.parametrize("text, raw, unit", [
    ("Training used 1,300 MWh of electricity.", "1,300 MWh", "MWh"),
    ("The country used 5 TWh a year ago.", "5 TWh", "TWh"),
    # (gram41: emissions with a period after them are a rate, the vocabulary's emissions-rate, as the
    # newer curations record them, r43's "36,000 tons of CO2 per year", r124's "1.2 kilogram of CO2 per
    # year": tests/test_extract_gram41.py; an older one, r43's "44 million metric tons per year", keeps an
    # amount)
    ("The fleet emitted 44 million tonnes a year earlier.", "44 million tonnes", "million tCO2e"),
])
def test_an_amount_with_no_period_or_of_emissions_stays_an_amount(text, raw, unit):
    assert _units(text) == [(raw, unit)], _units(text)


def test_a_per_user_column_beside_a_monthly_column_is_monthly():
    text = "| Deployment | Monthly Cost | Per User |\n|---|---|---|\n| Plan A | $900 | $9 |\n| Plan B | $6,000 | $60 |\n"
    got = [(r, u) for r, _, _, _, u in read_raw_values(text)]
    assert got == [("$900", "USD/month"), ("$9", "USD/month"), ("$6,000", "USD/month"), ("$60", "USD/month")], got


def test_a_per_user_column_with_no_periodic_column_stays_an_amount():
    text = "| Plan | Price | Per User |\n|---|---|---|\n| Plan A | $900 | $9 |\n"
    got = [(r, u) for r, _, _, _, u in read_raw_values(text)]
    assert got == [("$900", "USD"), ("$9", "USD")], got


def test_a_rate_column_beside_an_hourly_column_is_hourly():
    text = ("| GPU | Lowest Hourly Rate | Typical Market Rate |\n| --- | --- | --- |\n"
            "| Card A | $1.50 (Cloud X) | $2.10-$2.90 |\n")
    got = [(r, u) for r, _, _, _, u in read_raw_values(text)]
    assert got == [("$1.50", "USD/hour"), ("$2.10-$2.90", "USD/hour")], got


def test_a_share_column_of_bare_numbers_beside_a_monthly_column_is_left_as_read():
    text = "| Deployment | Monthly Cost | Per User |\n|---|---|---|\n| Plan A | $900 | 9 |\n"
    got = dict((r, u) for r, _, _, _, u in read_raw_values(text))
    assert got["$900"] == "USD/month" and got.get("9") != "month", got


def test_a_percent_rate_column_beside_a_monthly_column_stays_percent():
    text = "| Model | Monthly Cost | Win rate |\n|---|---|---|\n| A | $900 | 45% |\n"
    got = dict((r, u) for r, _, _, _, u in read_raw_values(text))
    assert got == {"$900": "USD/month", "45%": "percent"}, got


@pytest.mark.parametrize("text, raw, unit", [
    ("If everyone used that much daily, in a year it would represent 12.5 TWh.", "12.5 TWh", "TWh/year"),
    ("Each year, the region's data centres use 150 TWh.", "150 TWh", "TWh/year"),
    ("Every day it draws 35 kWh.", "35 kWh", "kWh/day"),
])
def test_electricity_said_per_period_before_it_is_a_rate(text, raw, unit):
    assert _units(text) == [(raw, unit)], _units(text)


@pytest.mark.parametrize("text, raw", [
    ("Over the past year the company used 10 TWh.", "10 TWh"),
    ("Training took 50 GWh in one month.", "50 GWh"),
])
def test_electricity_with_no_period_before_it_stays_an_amount(text, raw):
    assert _units(text) == [(raw, raw.split()[1])], _units(text)


@pytest.mark.parametrize("text", [
    "Our monthly API usage had jumped from $300 to $4,200.",
    "Our monthly bill rose from $300 to $4,200.",
])
def test_a_monthly_cost_that_went_from_one_amount_to_another_is_monthly_at_both_ends(text):
    assert _units(text) == [("$300", "USD/month"), ("$4,200", "USD/month")], _units(text)


def test_a_rate_then_an_amount_to_buy_is_no_change_of_the_rate():
    assert _units("It costs $2/hour to run and $300 to buy.") == [("$2/hour", "USD/hour"), ("$300", "USD")]


def test_annual_revenue_that_grew_stays_an_amount_of_its_year():
    got = _units("Annual revenue grew from $3 billion to $5 billion.")
    assert got == [("$3 billion", "billion USD"), ("$5 billion", "billion USD")], got


def test_a_row_that_restates_an_annual_column_per_month_is_monthly():
    text = ("| Cost Component | Annual Cost |\n|---|---|\n| Hardware | $17,000 - $23,000 |\n"
            "| **Total annual cost** | **$150,000** |\n| **Monthly equivalent** | **$12,500** |\n"
            "| **Per user per month** | **$125** |\n")
    got = _units(text)
    assert got == [("$17,000 - $23,000", "USD/year"), ("$150,000", "USD/year"), ("$12,500", "USD/month"),
                   ("$125", "USD/month")], got
