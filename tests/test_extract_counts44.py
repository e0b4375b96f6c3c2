"""cnt44: counts and multipliers as the curation records them (designed on dev-A).

- Users in flight (concurrent, simultaneous, virtual users; users given as a test's load) are
  requests (query), a load's concurrency; other users stay users.
- Users with one or two lower-case words of theirs before them ("100 internal users") are users.
- People counted as such are items.
- "N times" is a count of occurrences (item) when it says how often ("5 times for each engine",
  "four times per layer", "ran the tests 5 times"), a multiplier (x) when it compares.
- Number words after "a factor of" are a multiplier ("a factor of two to three": 2-3x).
- A GPU count with a times sign in a table row label's parentheses ("| Compute (2x H100) |").
- A batch-size column's whole numbers written with thousands commas are requests.
"""
from __future__ import annotations

import pytest

from conftest import value_units

from kb.extract.drafts import extract_text


_read = value_units


@pytest.mark.parametrize("text, value", [
    ("Runs a 5-minute sustained load test with 150 concurrent users (heavy load).", 150),
    ("To serve 100 simultaneous users with acceptable latency you need 3 nodes.", 100),
    ("At High Load (50 users): 250 tokens/sec", 50),
    ("We ran a load test with 200 users against the server.", 200),
    ("The script spawns 500 virtual users.", 500),
])
def test_users_in_flight_are_requests(text, value):
    got = _read(text)
    assert (value, "query") in got
    assert (value, "user") not in got


@pytest.mark.parametrize("text, value", [
    ("At 100 users, you price competitively with the client's DIY cost.", 100),
    ("Consider a bank that wants to run the model on-premises for 100 internal users.", 100),
    ("The app reached 40 million end users last year.", 40e6),
])
def test_other_users_stay_users(text, value):
    got = {(v, u) for v, u in _read(text) if u in ("user", "million user", "query")}
    assert got and all(u != "query" for _, u in got)
    assert any(u.endswith("user") and v == (value if u == "user" else value / 1e6) for v, u in got)


def test_people_counted_are_items():
    assert (1.0, "million item") in _read("The projects replenish water, reaching a million people with water access.")


@pytest.mark.parametrize("text, value, unit", [
    ("We ran tests 5 times for each inference engine, on a bare-metal server.", 5, "item"),
    ("comms happen once per model pass, instead of four times per layer.", 4, "item"),
    ("Each request was retried three times before it failed.", 3, "item"),
    ("It runs 3 times faster than the A100.", 3, "x"),
    ("A ChatGPT query needs almost 10 times the electricity of a search.", 10, "x"),
    ("They can process 16,000 times more samples per step.", 16000, "x"),
])
def test_times_counts_occurrences_or_compares(text, value, unit):
    got = _read(text)
    assert (value, unit) in got
    assert (value, "x" if unit == "item" else "item") not in got


@pytest.mark.parametrize("text, value", [
    ("Operating costs exceed income by a factor of two to three. In short, it loses money.", (2.0, 3.0)),
    ("The new chip cut the cost by a factor of ten.", 10),
    ("It is off by a factor of about four.", 4),
])
def test_factor_of_number_words_is_a_multiplier(text, value):
    assert (value, "x") in _read(text)


def test_factor_of_words_not_a_multiplier_when_it_counts_something_else():
    assert not any(u == "x" for _, u in _read("a factor of two of the inputs"))


def test_gpu_count_in_a_row_label():
    text = ("For the 20B model:\n\n| Component | Monthly Cost |\n|---|---|\n"
            "| Compute (2x H100) | $5,000 - $8,000 |\n| Operations overhead | $5,000 - $8,000 |\n")
    assert (2, "GPU") in _read(text)


def test_batch_size_column_with_thousands_commas():
    text = ("| Batch Size | Time | Cost |\n|---|---|---|\n| 5,000 | 37 min | $0.05 |\n"
            "| 50,000 | 6.1 hrs | $0.51 |\n| 200,000 | 24.5 hrs | $2.06 |\n")
    got = _read(text)
    assert {(5000, "query"), (50000, "query"), (200000, "query")} <= got


def test_users_in_flight_are_a_concurrency(project_registry):
    reg = project_registry
    got = {d.raw: d.property for d in extract_text("At High Load (50 users): 250 tokens/sec on the server.", reg)}
    assert got["50 users"] == "concurrency"


def test_batches_of_thousands_are_request_counts(project_registry):
    reg = project_registry
    big = ("| Batch Size | Time | Cost |\n|---|---|---|\n| 5,000 | 37 min | $0.05 |\n"
           "| 50,000 | 6.1 hrs | $0.51 |\n")
    small = "| Batch size | Tokens/s |\n|---|---|\n| 8 | 300 |\n| 32 | 900 |\n"
    assert {d.property for d in extract_text(big, reg) if d.unit == "query"} == {"request-count"}
    assert {d.property for d in extract_text(small, reg) if d.unit == "query"} == {"batch-size"}


@pytest.mark.parametrize("text, low, high", [
    ("The new kernels are two to three times faster than before.", 2.0, 3.0),
    ("It is four or five times cheaper.", 4.0, 5.0),
])
def test_a_range_of_multipliers_in_words(text, low, high):
    got = [(d.low, d.high, d.value, d.unit) for d in extract_text(text)]
    assert got == [(low, high, None, "x")]  # (not the second word alone: "three times", 3x)


def test_a_total_of_so_many_things_is_a_count():
    assert (10, "item") in _read("Through the month, let's say I want a total of 10 articles, which is a lot.")
    assert _read("A total of 30 is fine.") == set()
