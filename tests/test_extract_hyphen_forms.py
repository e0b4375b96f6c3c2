"""Hyphen forms of real writing (issue 14): the non-breaking hyphen U+2011 read as a hyphen, and a
count of sites joined by a hyphen to the noun it counts. Paraphrases, never copied sentences."""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text


def _got(text: str) -> list:
    return [(d.raw, d.value, d.unit) for d in extract_text(text)]


@pytest.mark.parametrize("text, raw, value, unit", [
    ("The pretraining was a 54\u2011day run on the new cluster.", "54\u2011day", 54.0, "day"),
    ("Power use rose to 7\u2010GW in the plan.", "7\u2010GW", 7.0, "GW"),
])
def test_a_non_breaking_hyphen_reads_as_a_hyphen(text, raw, value, unit):
    assert (raw, value, unit) in _got(text), _got(text)


@pytest.mark.parametrize("text, raw, value", [
    ("Regulators studied the 40-data-center outage of last summer.", "40-data-center", 40.0),
    ("Regulators studied the 40\u2011data\u2011center outage of last summer.", "40\u2011data\u2011center", 40.0),
    ("The firm announced a 3-campus build-out in Texas.", "3-campus", 3.0),
])
def test_a_hyphenated_count_of_sites_is_a_count(text, raw, value):
    assert (raw, value, "item") in _got(text), _got(text)


@pytest.mark.parametrize("text", [
    "The 2024-data-center survey listed every site.",   # a year, not a count
    "It was the largest data-center deal of the year.",
    "We compared three 8-GPU nodes.",                     # a configuration, not drafted as a count here
])
def test_no_count_of_sites_where_the_hyphen_joins_no_count(text):
    assert all(u != "item" for _, _, u in _got(text)), _got(text)
