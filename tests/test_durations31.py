"""One reader for a duration in hours and minutes and one for a clock's duration (gram31):
the grammar's ``hours_and_minutes`` serves the quote check (kb check's quote-value) and the
drafts alike, and the grammar's ``clock_duration`` reads "2:30 hours" in prose and "54:20"
under a column headed "Time (h:m)" alike. Before, each pair was two readers with different
rules (the check took "2 hours 90 minutes" for 210 minutes, which no draft ever read)."""
from __future__ import annotations

import pytest

from kb.core.grammar import clock_duration, hours_and_minutes
from kb.core.quotenumbers import durations_in_minutes
from kb.extract.drafts import extract_text


@pytest.mark.parametrize("text, minutes", [
    ("The runtime will last 3 hours and 20 minutes at this rate.", [200]),
    ("The run took ~2h 10min on the T4.", [130]),
    ("It finished in 1 hr, 5 min.", [65]),
    ("Training: 2 Hours 15 Minutes.", [135]),
    ("We waited 2 hours 90 minutes.", []),          # 90 minutes is no minutes part
    ("It took 1.5 h 10 min.", []),                  # hours with a fraction are no such hours
    ("It took 2 hours, then 90 minutes more.", []),
    ("It used 4 H100s for 10 min.", []),
])
def test_the_quote_check_and_the_drafts_read_the_same_durations(text, minutes):
    assert [x.total for x in hours_and_minutes(text)] == minutes
    assert durations_in_minutes(text) == [float(x) for x in minutes]
    drafted = [d.value for d in extract_text(text) if d.unit == "min" and "h" in d.raw.lower()]
    assert drafted == [float(x) for x in minutes]


def test_the_reader_reads_only_between_its_bounds():
    text = "first 1h 5min, then 2h 10min"
    got = hours_and_minutes(text, text.index("then"))
    assert [(x.big, x.small, text[x.start:x.end]) for x in got] == [(2, 10, "2h 10min")]
    assert text[got[0].small_at:].startswith("10min")


@pytest.mark.parametrize("text, value, atom", [
    ("It took 2:30 hours.", 150, "min"),
    ("a 54:20 minutes run", 3260, "s"),
])
def test_a_clock_with_its_unit_needs_no_column(text, value, atom):
    pos = next(i for i, ch in enumerate(text) if ch.isdigit())
    q = clock_duration(text, pos)
    assert (q.value, q.atom) == (value, atom)
    assert clock_duration(text, pos, hours_minutes=True).value == value  # the unit after it still decides


@pytest.mark.parametrize("text, value", [
    ("| 54:20 |", 3260),
    ("| 8:30 |", 510),
    ("| 1:02:03 |", None),     # three parts where the column says two
    ("| 0:00 |", None),        # no duration
])
def test_a_clock_under_a_column_of_hours_and_minutes(text, value):
    q = clock_duration(text, 2, hours_minutes=True)
    assert (q.value if q else None) == value
    if q:
        assert q.atom == "min"
    assert clock_duration(text, 2) is None    # alone, "54:20" says nothing of being a duration


def test_a_clock_cell_with_a_cue_is_read_with_it():
    table = ("The fourth column shows you how much time you get for your $10.\n\n"
             "| GPU  | $/hr   | Time (h:m) |\n|------|--------|------------|\n"
             "| T4   | $0.18  | ~54:20     |\n| A100 | $1.18  | 8:30       |\n")
    got = {(d.value, d.raw) for d in extract_text(table) if d.unit == "min"}
    assert got == {(3260, "~54:20"), (510, "8:30")}


def test_the_quote_checks_durations_are_read_back_from_the_file(tmp_path, monkeypatch):
    from kb.core import grammar, quotenumbers

    texts = ["~2h 10min", "3 hours and 20 minutes, then 1 hr, 5 min", "2 hours 90 minutes", "no time"]
    first = quotenumbers._Answers(folder=tmp_path)
    monkeypatch.setattr(quotenumbers, "_answers", lambda: first)
    want = [quotenumbers.durations_in_minutes(t) for t in texts]
    assert want == [[130.0], [200.0, 65.0], [], []]
    first.save()
    again = quotenumbers._Answers(folder=tmp_path)
    monkeypatch.setattr(quotenumbers, "_answers", lambda: again)
    monkeypatch.setattr(grammar, "hours_and_minutes", None)  # every answer from the file, none computed
    assert [quotenumbers.durations_in_minutes(t) for t in texts] == want
