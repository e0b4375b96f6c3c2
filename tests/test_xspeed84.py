"""The extractor's shortcuts of xspeed84 give what the plain ways gave (``make bench`` [1d]).

- ``_property_options_plain`` finds the runs of the needed words and of the cue words of a
  unit's properties in one scan where both are looked for in the same window (``_found_runs``'s
  third answer), instead of one scan for each kind;
- ``_two_unit_durations`` asks whether a place lies inside another draft's number by bisection
  over the drafts' spans (``_Inside``), instead of walking every draft for each duration.

Each is compared with the plain way it replaced, on real development sentences and on random
texts made of the runs themselves.
"""
from __future__ import annotations

import random

import pytest

from conftest import drafts_by_raw
from kb.extract import drafts, linking
from kb.extract.drafts import _Inside
from kb.extract.linking import index_for


# --- one scan for both kinds of runs ------------------------------------------------------------

def _units_with_both(idx) -> list:
    """The units of the registry whose properties have runs of both kinds (needed and cue words)."""
    out = []
    for unit in ("USD", "USD/hour", "USD/month", "%", "GPU", "hour", "W", "token", "token/s", "GB", "USD/Mtoken",
                 "user", "s", "MW", "item", "FLOP"):
        info = idx.unit_info(unit)
        if info is not None and linking._found_runs(info[1])[2] is not None:
            out.append((unit, info[1]))
    return out


def _plain_hits(search, ext, low) -> dict:
    found = linking._runs_at(search, low)
    return {pid: bool(found) and not runs.isdisjoint(found) for pid, runs in ext.items()}


def test_one_scan_of_both_kinds_meets_each_property_where_each_kinds_scan_does(project_registry):
    idx = index_for(project_registry.entities, project_registry.properties)
    units = _units_with_both(idx)
    assert len(units) >= 5
    rng = random.Random(84)
    for unit, options in units:
        need, cue, both = linking._found_runs(options)
        runs = sorted({r for ext in (need[1], cue[1]) for rs in ext.values() for r in rs})
        pieces = runs + [" ", "  ", "x", "-", "s", "ing", "e", "tion", "per ", "a"]
        texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(400)]
        texts += ["", "the monthly subscription price per seat", "rented on demand at spot prices",
                  "training run of 4 weeks", "inference cost per million tokens"]
        met = 0
        for low in texts:
            found = linking._runs_at(both[0], low)
            want_need, want_cue = _plain_hits(need[0], need[1], low), _plain_hits(cue[0], cue[1], low)
            got_need = {pid: bool(found) and not rs.isdisjoint(found) for pid, rs in both[1].items()}
            got_cue = {pid: bool(found) and not rs.isdisjoint(found) for pid, rs in both[2].items()}
            assert got_need == want_need, (unit, low)
            assert got_cue == want_cue, (unit, low)
            met += sum(want_need.values()) + sum(want_cue.values())
        assert met > 50, unit  # (the texts do hold runs: the comparison is not of empty sets)


SENTENCES = [
    # development articles' sentences (r47, r53, r93, r110, r118 are development articles)
    "Lambda Labs offers H100 instances at $2.49 per GPU-hour on demand, while reserved capacity runs lower.",
    "ChatGPT Plus costs $20 per month, and the Team plan is $25 per user per month billed annually.",
    "Training GPT-3 took about 34 days on 1,024 A100 GPUs, costing roughly $4.6 million.",
    "Colab Pro gives you about 100 compute units for $9.99 a month.",
    "The monthly active users of the app reached 100 million in two months.",
    "A single H100 draws up to 700 W at peak, and a DGX node around 10.2 kW.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_property_options_are_those_of_the_separate_scans(project_registry, monkeypatch, sentence):
    """Every unit's options for a window, with the one scan and with a scan of each kind."""
    idx = index_for(project_registry.entities, project_registry.properties)
    calls = []
    for unit in ("USD", "USD/hour", "USD/month", "user", "GPU", "W", "kW", "hour", "day", "item", "%"):
        for values in ((1.0,), (20.0,), (700.0,), (1e8,), (None,)):
            for wide in (None, sentence + " under a heading about rental prices"):
                calls.append((unit, values, sentence, None, wide))
    got = [linking._property_options_plain(idx, *c) for c in calls]
    real = linking._found_runs
    monkeypatch.setattr(linking, "_found_runs", lambda options: real(options)[:2] + (None,))
    want = [linking._property_options_plain(idx, *c) for c in calls]
    assert got == want
    assert any(g[0] is None for g in got)  # (some answer came from the cue words, not the unit alone)


def test_the_memo_of_runs_holds_three_answers_and_none_without_both_kinds():
    class P:
        def __init__(self, need, cue):
            self.need_lits = tuple((r, None) for r in need) or None
            self.cue_lits = tuple((r, None) for r in cue) or None

    a, b = P(["price"], ["monthly"]), P([], ["rent"])
    both = linking._found_runs([(a, 1.0, 0.0), (b, 1.0, 0.0)])
    assert both[0] is not None and both[1] is not None and both[2] is not None
    assert both[2][1][id(a)] == {"price"} and both[2][2][id(b)] == {"rent"}
    assert linking._found_runs([(b, 1.0, 0.0)])[2] is None  # (no needed words: nothing to share)


# --- a place inside another number: bisection over the spans -----------------------------------

def test_inside_is_any_span_strictly_around_the_place():
    rng = random.Random(8)
    for _ in range(500):
        spans = []
        for _ in range(rng.randint(0, 12)):
            a = rng.randint(0, 60)
            spans.append((a, a + rng.randint(0, 15)))
        ins = _Inside(spans)
        for at in range(-1, 80):
            assert ins.covers(at) == any(a < at < b for a, b in spans), (spans, at)
    assert not _Inside([]).covers(3)
    assert not _Inside([(2, 5)]).covers(2) and _Inside([(2, 5)]).covers(3) and not _Inside([(2, 5)]).covers(5)


@pytest.mark.parametrize("text, raw, value, unit", [
    ("The benchmark finished in 13min 13s on one GPU.", "13min 13s", 793, "s"),
    ("Each run took ~9min 55s end to end.", "~9min 55s", 595, "s"),
    ("The job ran for 3 hours and 20 minutes in total.", "3 hours and 20 minutes", 200, "min"),
])
def test_two_unit_durations_still_join(text, raw, value, unit):
    d = drafts_by_raw(text)
    assert raw in d, sorted(d)
    assert d[raw].value == value and d[raw].unit == unit


def test_minutes_inside_another_number_are_not_a_lead():
    """"$5m 10s later": five million dollars, then ten seconds; the "5m" lies inside the dollar
    amount's draft, so the seconds stay alone."""
    d = drafts_by_raw("They raised $5m 10s later than planned.")
    assert not any(k.startswith("5m") or k.startswith("$5m 10s") for k in d), sorted(d)


def test_inside_sees_a_span_a_join_moved(monkeypatch):
    """A draft whose start a join moved earlier is asked about as it is now (``moved``): the same
    answers as walking every draft."""
    seen = []
    real = drafts._Inside.covers

    def covers(self, at):
        seen.append(at)
        return real(self, at)

    monkeypatch.setattr(drafts._Inside, "covers", covers)
    text = "Results: 1m 20s, then 2m 30s, then 3m 40s, and $5m 10s later."
    d = drafts_by_raw(text)
    assert {"1m 20s", "2m 30s", "3m 40s"} <= set(d), sorted(d)
    assert [d[k].value for k in ("1m 20s", "2m 30s", "3m 40s")] == [80, 150, 220]
    assert seen  # (the "5m" of "$5m" was asked about)
    assert not any(k.startswith("5m") for k in d), sorted(d)


def test_prefixed_runs_are_those_a_test_of_every_run_finds(project_registry):
    # the runs beginning with a property's literals, found by bisection in the sorted runs, are
    # exactly those a test of every run against every literal finds (for every property of every
    # unit with runs of both kinds, each kind's runs alone and both kinds' together)
    idx = index_for(project_registry.entities, project_registry.properties)
    units = _units_with_both(idx)
    assert len(units) >= 5
    compared = 0
    for _, options in units:
        every = set()
        for attr in ("need_lits", "cue_lits"):
            every.update(lit for p, _, _ in options for lit, _ in getattr(p, attr) or ())
        for attr in ("need_lits", "cue_lits"):
            own_runs = sorted({lit for p, _, _ in options for lit, _ in getattr(p, attr) or ()})
            for runs in (own_runs, sorted(every)):
                for p, _, _ in options:
                    lits = [lit for lit, _ in getattr(p, attr) or ()]
                    want = frozenset(r for r in runs if any(r.startswith(lit) for lit in lits))
                    assert linking._prefixed(runs, lits) == want
                    compared += bool(want)
    assert compared > 50
    assert linking._prefixed(["ab", "abc", "abd", "b"], ["ab"]) == {"ab", "abc", "abd"}
    assert linking._prefixed(["ab", "b"], ["c", "a"]) == {"ab"}
