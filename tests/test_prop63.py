"""Property cues of session 63 (designed on the dev-B half): a wattage over its cap, a market's
size, and percentages set against an earlier period or listed after a change.

Each text is a short quote, or a quote cut short, of a dev-B article (public text); the
registry is the project's own (datasets/).
"""
from __future__ import annotations

import pytest

from conftest import drafted_properties


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


def props(reg, text):
    return dict(drafted_properties(reg, text))


def test_a_wattage_over_its_cap_is_what_is_drawn(reg):
    # nvidia-smi's "Pwr:Usage/Cap" column: the card drawing 8 W out of its 350 W cap
    got = props(reg, "|  0%   30C	P8 	8W / 350W | 	10MiB / 24268MiB |")
    assert got["8W"] == "power-draw"


@pytest.mark.parametrize("text, raw", [
    ("- **Part 2**: Liquid cooling equipment ($3.93B→$22.57B market)", "$22.57B"),
    ("AMD forecasted a $400B AI accelerator market by 2027.", "$400B"),
])
def test_an_amount_before_market_is_its_size(reg, text, raw):
    assert props(reg, text)[raw] == "revenue"


def test_a_market_cap_is_no_market_size(reg):
    assert props(reg, "That leaves the company at a $2T market cap.")["$2T"] != "revenue"


def test_a_market_size_is_not_passed_on_to_the_next_amount(reg):
    got = props(reg, "AMD forecasted a $400B AI accelerator market by 2027, implying $700B+ of total AI spending.")
    assert got["$400B"] == "revenue" and got["$700B+"] != "revenue"


def test_percentages_against_the_prior_year_are_changes(reg):
    text = ("In the latest September quarter, Alphabet, Microsoft, and Amazon all boosted their capital "
            "expenditures by 62%, 51%, and 81%, respectively, versus the prior year.")
    got = props(reg, text)
    assert [got[r] for r in ("62%", "51%", "81%")] == ["change"] * 3


def test_a_part_of_a_whole_stays_a_share(reg):
    assert props(reg, "Data centres used 4.4% of US electricity in 2023, versus 1.9% in 2018.")["4.4%"] == "share"


def test_a_list_of_percentages_after_a_change_is_of_changes(reg):
    got = props(reg, "Alphabet, Microsoft, and Amazon all boosted their capital expenditures by 62%, 51%, and 81%.")
    assert [got[r] for r in ("62%", "51%", "81%")] == ["change"] * 3


def test_a_lead_in_naming_adoption_makes_its_items_adoption_shares(reg):
    text = "**Market Impact:** Liquid cooling penetration:\n- 2024: 14% of AI datacenters\n- 2025E: 33% (+136%)\n"
    got = props(reg, text)
    assert got["14%"] == "adoption-share" and got["33%"] == "adoption-share"


def test_a_lead_in_without_adoption_leaves_shares(reg):
    text = "Where the power goes:\n- 40% of the electricity goes to cooling\n"
    assert props(reg, text)["40%"] == "share"


def test_an_estimated_draw_is_no_rating(reg):
    got = props(reg, "That is about 326 years on a H800 GPU which consumes about 350 Watt.")
    assert got["about 350 Watt"] == "power-draw"


@pytest.mark.parametrize("text, raw", [
    ("The **PCIe** version consumes just 350W.", "350W"),
    ("The H100 SXM can draw up to about 700 W.", "700 W"),
])
def test_a_stated_draw_stays_a_rating(reg, text, raw):
    got = props(reg, text)
    assert [p for r, p in got.items() if raw in r] == ["tdp"]


def test_a_count_of_tokens_before_context_is_a_context_window(reg):
    got = props(reg, "- Large document analysis (2M token context)\n")
    assert got["2M token"] == "context-window"
