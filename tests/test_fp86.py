"""fp86: entity, property and period slips on fresh finance and build-out write-ups.

Sentences quoted from fresh public write-ups, none in the corpus (each test names its source):

- "$32 billion in construction and IT equipment costs": what building the facility costs (capex),
  not the training cost of a model named before it ("the computing power that trained GPT-4"),
  even though the amount's own "billion" matches revenue's needed word "bill*";
- "close to 50% ... in 2025, up from 34% in 2024, reaching $202.3 billion": the period closing an
  earlier level dates that level, not the number after it;
- "in the second quarter of 2026": a quarter written in words is read as 2026-Q2; an earlier level
  after it ("more than doubling from $4.8 billion in the first quarter") does not take it;
- "It is reported that Anthropic is recommending ... its valuation expected to surpass $900
  billion": an "It" that stands for the clause after it points back to nothing.
"""
from __future__ import annotations

import pytest

from tests.conftest import drafts_by_raw


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


def test_construction_and_equipment_costs_are_capex(reg):
    # Motyl, "The infrastructure boom and its discontents" (2025 review of the AI build-out)
    text = ("OpenAI's Stargate Abilene data center will need enough electricity to serve the population "
            "of Seattle, more than 250x the computing power that trained GPT-4, and $32 billion in "
            "construction and IT equipment costs.\n")
    d = drafts_by_raw(text, reg)["$32 billion"]
    assert d.property == "capex"
    assert d.entity == "stargate-abilene"


def test_construction_costs_plain_stay_capex(reg):
    text = "The campus cost $50 billion in construction costs, the developer said.\n"
    assert drafts_by_raw(text, reg)["$50 billion"].property == "capex"


def test_period_of_earlier_level_does_not_date_the_next_number(reg):
    # Motyl, as above
    text = ("AI captured close to 50% of all global funding in 2025, up from 34% in 2024, reaching "
            "$202.3 billion invested in the sector.\n")
    d = drafts_by_raw(text, reg)
    assert d["$202.3 billion"].conditions.get("period") == "2025"


def test_earlier_level_keeps_its_own_period(reg):
    text = "Revenue was $5 billion in 2025, up from $2 billion in 2024.\n"
    d = drafts_by_raw(text, reg)
    assert d["$5 billion"].conditions.get("period") == "2025"
    assert d["$2 billion"].conditions.get("period") == "2024"


def test_quarter_in_words_and_earlier_level(reg):
    # asiaict.com (Bohu Finance), 29 May 2026, on Anthropic's growth
    text = ("According to The Wall Street Journal, Anthropic expects its revenue to exceed $10.9 billion "
            "in the second quarter of 2026, more than doubling from $4.8 billion in the first quarter.\n")
    d = drafts_by_raw(text, reg)
    assert d["exceed $10.9 billion"].conditions.get("period") == "2026-Q2"
    assert "period" not in d["$4.8 billion"].conditions


def test_leading_period_dates_both_levels(reg):
    text = "In 2025, revenue grew from $2 billion to $5 billion.\n"
    d = drafts_by_raw(text, reg)
    assert d["$2 billion"].conditions.get("period") == "2025"
    assert d["$5 billion"].conditions.get("period") == "2025"


def test_it_is_reported_that_points_back_to_nothing(reg):
    # asiaict.com (Bohu Finance), as above
    text = ("Meanwhile, OpenAI reported an adjusted operating profit margin of -122% in the first quarter.\n\n"
            "It is reported that Anthropic is recommending a new round of financing, with its valuation "
            "expected to surpass $900 billion. If successfully completed, it could even exceed OpenAI's "
            "estimated valuation of $852 billion.\n")
    d = drafts_by_raw(text, reg)
    assert d["surpass $900 billion"].entity == "anthropic"
    assert d["$852 billion"].entity == "openai"


def test_it_as_subject_still_points_back(reg):
    text = "OpenAI raised new money. It is expected to reach $20 billion in revenue.\n"
    assert drafts_by_raw(text, reg)["$20 billion"].entity == "openai"


def test_period_of_another_subjects_amount_stays_there(reg):
    # newzino.com, "AI infrastructure buildout" story (February 2026)
    text = ("Microsoft reported $37.5 billion in capex for Q2 FY2026 (just one quarter), while Meta "
            "committed $6 billion to Corning for fiber-optic cables in late January.\n")
    d = drafts_by_raw(text, reg)
    assert d["$37.5 billion"].conditions.get("period") == "FY2026-Q2"
    assert "period" not in d["$6 billion"].conditions


def test_period_carries_over_and_clause(reg):
    text = "Revenue was $10 billion in 2025, and capex hit $4 billion.\n"
    assert drafts_by_raw(text, reg)["$4 billion"].conditions.get("period") == "2025"


def test_name_opening_next_item_with_own_figure(reg):
    # newzino.com, as above
    text = ("Amazon escalated the spending war on February 5 with $200 billion 2026 capex guidance after "
            "Q4 revenue of $213.4 billion and AWS growth of 24% to $35.6 billion.\n")
    d = drafts_by_raw(text, reg)
    assert d["$213.4 billion"].entity == "amazon"
    assert d["$35.6 billion"].entity == "aws"
