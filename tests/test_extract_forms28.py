"""Numbers the extractor never drafted that relations need (draft28, issues 13 and 14): the bare
first part of a sum whose second part names the unit ("16M input + 1.6M output tokens"), and a
count shared out over places ("16 of those data centers are in Virginia, 2 in California"). Each
on a short text written for the test, with the negatives that keep each form narrow."""
from __future__ import annotations

import pytest

from conftest import read_values


@pytest.mark.parametrize("text, first, unit", [
    ("For a mixed workload that is roughly 16M input + 1.6M output tokens.", 16, "million token"),
    ("A workload processing 16M input + 1.5M output tokens daily.", 16, "million token/day"),
    ("Each run sends 12K input and 3K output tokens to the model.", 12, "K token"),
])
def test_the_first_part_of_a_sum_takes_the_unit_its_second_part_states(text, first, unit):
    assert (first, None, None, unit) in read_values(text)


@pytest.mark.parametrize("text", [
    "The cards came in 2 and then 4 GB versions.",            # "and" with no kind of token named
    "We ran 16M input + 1.6M tokens in all.",                  # the kinds disagree
    "It scored 16 + 1.6M tokens in the log.",                  # only the second part has a scale
    "Version 16 plus 20% more data.",                          # a percentage is no unit to share
])
def test_no_unit_is_carried_back_across_what_is_no_sum_of_one_kind(text):
    assert 16 not in [v for v, *_ in read_values(text)]


def test_a_count_shared_out_over_places_says_what_is_counted_once():
    got = read_values("16 of those data centers are in Virginia, 2 in California and 3 in Singapore.")
    assert [(v, u) for v, _, _, u in got] == [(16, "item"), (2, "item"), (3, "item")]
    got = read_values("We run 16 GPUs in Virginia, 2 in California.")
    assert (2, None, None, "GPU") in got


@pytest.mark.parametrize("text", [
    "The 5 GW campus in Texas, 2 in Ohio.",          # no count before: a power is not shared out
    "It rose 16% in Virginia, 2 in California.",     # nor a percentage
    "We run 16 GPUs in Virginia, 2 of them idle.",   # no place after the second number
])
def test_no_count_is_shared_out_without_a_count_and_places(text):
    assert 2 not in [v for v, *_ in read_values(text)]

