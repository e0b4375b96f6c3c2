"""Equivalences in everyday things drafted as the curation reads them (docs/data-format.md,
"Readings the curation settles"; issue 14): a multiple of the yardstick (`x`), never a count of
homes, hospitals, cars or books. Quoted forms from the development articles (r127, r124, r74,
r109, r77); a count the text says exists stays a count."""
from __future__ import annotations

from conftest import read_drafts

read = read_drafts


def _multiples(text: str) -> list[tuple]:
    return [g for g in read(text) if g[-1] == "x" or g[2] == "x" or g[2] == "million x"]


def test_a_count_in_brackets_after_the_yardstick_is_a_multiple():
    # r127: "as much power as a small city (~400,000 homes)"
    got = read("**Local impact:** A 500 MW data center consumes as much power as a small city (~400,000 homes).")
    assert ("~400,000", 400000, "x", "approx") in got
    assert not any(g[2] == "item" for g in got)


def test_eight_words_between_the_cue_and_the_number():
    # r124: "equivalent to the average consumption of a large city with 11.6 million households"
    got = read("3% of the US electricity production is about 120 billion kWh or equivalent to the average "
               "consumption of a large city with 11.6 million households.")
    assert any(g[1] in (11.6e6,) and g[2] == "x" for g in got), got
    assert not any(g[2] in ("item", "million item") for g in got)


def test_a_number_in_words_right_after_the_cue_is_a_multiple():
    # r74, r109
    got = read("That is as much water as three hospitals, or two 18-hole golf courses.")
    assert ("three", 3, "x", "exact") in got
    got = read("training a single large language model can emit as much carbon as five cars over their lifetimes.")
    assert ("five", 5, "x", "exact") in got
    # a fresh summary (grubnews.com): the yardstick's quantity named between the cue and the number
    got = read("the carbon footprint of training a single large AI model can be equivalent to the lifetime "
               "emissions of five cars, highlighting the need for more energy-efficient AI development.")
    assert ("five", 5, "x", "exact") in got


def test_a_range_of_multiples_after_equivalent_to():
    # r77: "Equivalent to 1-2 average books" (a range that starts at 1)
    assert read("3. Length examples:\n   - Equivalent to 1-2 average books\n") == [("1-2", 1, 2, "x")]


def test_homes_and_numbers_in_words_without_an_equivalence_stay_as_they_were():
    assert read("They built three hospitals last year.") == []
    assert read("The storm left 400,000 homes without power.") == []
    assert read("It is equivalent to one of the three options.") == []
    assert read("That is as much energy as one home uses.") == []
    # a "1-2x" speed-up that is no equivalence is not read as a range from 1 (as before)
    assert read("It is 1-2x faster.") == []
