"""co78: company results in news prose, their period and property (kb/extract/drafts.py,
kb/extract/linking.py).

Short quoted forms from fresh public news write-ups of quarterly results and funding (AP and AFP
reports of Microsoft's quarters, a newsletter's notes on OpenAI's and Anthropic's rounds), none
from an article of the corpus:

- a quarter named by its months, without a year ("for the July-September period", "for the
  October-December quarter", "in the three months ended September 30") dates the results of its
  sentence, and, where the article names that one quarter only, those of a sentence that speaks of
  "quarterly" results, "the quarter", "last quarter" or "that period";
- a relative year that is the base of a change ("grew 20% from the same time last year") dates
  nothing; one before an earlier amount does not date an amount the sentence puts "now";
- "net profit of $30.9 billion, or $4.14 per share": the amount per share is the earnings per share;
- "The personal computing business ... grew 17% to $13.2 billion", "quarterly sales up 16% to
  $65.6 billion": a business or its sales grown to an amount is its revenue.
"""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


def _periods(reg, text, published):
    from kb.extract.drafts import extract_text

    return {d.raw: (d.property, d.conditions.get("period")) for d in extract_text(text, reg, published=published)}


def test_a_quarter_named_by_its_months_dates_the_results(reg):
    text = ("Microsoft on Wednesday reported its quarterly sales grew 18% to $77.7 billion.\n\n"
            "The software maker also reported a 22% increase in quarterly profit to $30.8 billion, or $4.13 per "
            "share, which beat Wall Street expectations for the July-September period. Microsoft said those "
            "results excluded the impacts of some $3 billion it invested in OpenAI during that period.\n")
    got = _periods(reg, text, "2025-10-29")
    assert got["$77.7 billion"] == ("revenue", "2025-Q3")
    assert got["$30.8 billion"] == ("net-income", "2025-Q3")
    assert got["$4.13"] == ("earnings-per-share", "2025-Q3")
    assert got["some $3 billion"] == ("investment", "2025-Q3")
    # a quarter whose months come after the article's month is of the year before
    text = "Microsoft reported revenue of $81.3 billion for the October-December quarter.\n"
    assert _periods(reg, text, "2026-01-28")["$81.3 billion"] == ("revenue", "2025-Q4")


def test_three_months_ended_and_last_quarter(reg):
    text = ("Microsoft’s productivity business segment, which includes the Office suite of email and other "
            "workplace products, led in revenue last quarter, growing 12% to $28.3 billion.\n\n"
            "Microsoft’s cloud-focused business segment grew 20% from the same time last year to $24.1 billion "
            "in the three months ended September 30.\n")
    got = _periods(reg, text, "2024-10-30")
    assert got["$24.1 billion"] == ("revenue", "2024-Q3")  # (not "2023": last year is the base of the 20%)
    assert got["$28.3 billion"] == ("revenue", "2024-Q3")


def test_no_quarter_without_one_named_or_with_another_named(reg):
    # no quarter named by months in the article: "the quarter" alone dates nothing
    text = "The company said capital expenditures for the quarter reached US$34.9b, more than expected.\n"
    assert _periods(reg, text, "2025-10-30")["US$34.9b"][1] is None
    # a sentence naming an ordinal quarter (maybe the company's fiscal one) is left alone
    text = ("Revenue was $35.1 billion for the July-September period.\n\n"
            "Revenue for the fourth quarter is expected to be $37.5 billion.\n")
    got = _periods(reg, text, "2024-11-20")
    assert got["$35.1 billion"][1] == "2024-Q3"
    assert got["$37.5 billion"][1] is None
    # months that are no calendar quarter name none
    text = "Revenue was $12 billion for the August-October period, the quarter's best.\n"
    assert _periods(reg, text, "2024-11-20")["$12 billion"][1] is None


def test_a_relative_year_before_an_earlier_amount_does_not_date_now(reg):
    text = ("After making $28 million in revenue last year, OpenAI’s annualized revenue now tops $1.3 billion.\n")
    got = _periods(reg, text, "2023-10")
    assert got["$28 million"][1] == "2022"
    assert got["$1.3 billion"][1] is None


def test_a_profit_restated_per_share_is_earnings_per_share(reg):
    text = ("The company reported net profit of $30.9 billion, or $4.14 per share, excluding the impact from "
            "Microsoft’s investments in ChatGPT maker OpenAI. Microsoft’s profit was higher at $38.5 billion, "
            "or $5.16 per share, when not incorporating OpenAI investments.\n")
    got = _periods(reg, text, "2026-01-28")
    assert got["$4.14"][0] == "earnings-per-share"
    assert got["$5.16"][0] == "earnings-per-share"
    assert got["$30.9 billion"][0] == "net-income"


def test_a_business_grown_to_an_amount_is_its_revenue(reg):
    text = ("Microsoft reports quarterly sales up 16% to $65.6 billion as investors ask if AI spending worth it\n\n"
            "The personal computing business, led by the Windows division, grew 17% to $13.2 billion.\n")
    got = _periods(reg, text, "2024-10-30")
    assert got["$65.6 billion"][0] == "revenue"
    assert got["$13.2 billion"][0] == "revenue"
    # a growth of spending is not revenue
    text = "The cloud business grew its capital spending 50% to $20 billion.\n"
    assert _periods(reg, text, "2024-10-30")["$20 billion"][0] != "revenue"


def test_a_company_worth_a_mark_is_its_valuation(reg):
    text = ("Microsoft again and Apple for the first time crossed $4 trillion this week, while Nvidia went on "
            "to achieve a different milestone: the first $5 trillion company.\n")
    got = _periods(reg, text, "2025-10-29")
    assert got["$4 trillion"][0] == "valuation"
    assert got["$5 trillion"][0] == "valuation"
    # spending that crosses a mark is no valuation
    text = "Hyperscaler capital spending crossed $1 trillion this year.\n"
    assert _periods(reg, text, "2025-10-29")["$1 trillion"][0] != "valuation"


def test_a_valuation_multiple_is_a_ratio(reg):
    from kb.extract.drafts import extract_text

    text = ("For comparison, OpenAI is reportedly seeking an $80-90 billion valuation at a lower 80x multiple on "
            "$1 billion in annualized revenue.\n")
    d = next(d for d in extract_text(text, reg) if d.raw == "80x")
    assert (d.entity, d.property) == ("openai", "ratio")


def test_a_range_runs_on_past_an_amount_in_another_currency(reg):
    from kb.extract.drafts import extract_text

    text = ("Meta said its capital expenditures for 2025 will be between $70bn (£53bn) to $72bn, up from an "
            "earlier estimate of $66bn to $72bn.\n")
    d = next(d for d in extract_text(text, reg) if d.raw.startswith("$70bn"))
    assert (d.qualifier, d.low, d.high, d.unit) == ("range", 70.0, 72.0, "billion USD")
    assert (d.entity, d.property) == ("meta", "capex")


def test_a_spending_forecast_raised_to_an_amount_is_capex(reg):
    text = ("Meta said its capital expenditures for 2025 will be between $70bn (£53bn) to $72bn.\n\n"
            "Google and YouTube owner Alphabet similarly raised its forecast for this year to $91bn to $93bn.\n\n"
            "Management said that they will raise the company’s spending this year to $85 billion U.S.\n")
    got = _periods(reg, text, "2025-10-30")
    assert got["$91bn to $93bn"] == ("capex", "2025")
    assert got["$85 billion"][0] == "capex"
    # a forecast of revenue raised is no capital spending
    text = "Nvidia raised its revenue forecast to $54 billion.\n"
    assert _periods(reg, text, "2025-10-30")["$54 billion"][0] != "capex"


def test_us_after_a_dollar_amount_names_the_dollar(reg):
    from kb.extract.drafts import extract_text

    text = ("Revenue in the April through June period came in at $96.43 billion U.S., which was ahead of the "
            "consensus expectation among analysts of $94 billion U.S.\n")
    got = {d.raw: (d.entity, d.conditions.get("period")) for d in extract_text(text, reg, published="2025-07-24")}
    assert got["$94 billion"][0] != "us"
    assert got["$96.43 billion"][1] == "2025-Q2"


def test_a_quarter_ending_a_month_dates_its_sentence(reg):
    text = ("Alphabet Inc., the parent company of Google, posted stronger-than-expected second-quarter earnings. "
            "Total revenue for the quarter ending June 30 reached $96.43 billion, up 14% from the same period last year.\n")
    assert _periods(reg, text, "2025-07-24")["$96.43 billion"] == ("revenue", "2025-Q2")


def test_an_analysts_estimate_takes_the_reported_amounts_property(reg):
    text = ("Alphabet’s cloud division delivered standout results, with revenue rising 32% year-over-year to "
            "$13.62 billion, exceeding estimates of $13.14 billion.\n\n"
            "The search engine giant announced earnings per share (EPS) of $2.31 U.S., which topped estimates of "
            "$2.18 U.S.\n")
    got = _periods(reg, text, "2025-07-24")
    assert got["$13.14 billion"][0] == "revenue"
    assert got["$2.18"][0] == "earnings-per-share"
