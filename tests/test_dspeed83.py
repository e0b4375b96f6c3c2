"""Relation discovery's faster scans find what the plain scans found (session 42, dspeed83)."""
from __future__ import annotations

import re

from kb.extract.arith import (_PROSE_AFTER_GATES, _PROSE_AFTER_STARTS, _PROSE_BEFORE_GATES, _PROSE_BEFORE_STARTS,
                              _PROSE_TOTAL_AFTER_RE, _PROSE_TOTAL_BEFORE_RE, _RULE_LINE_RE, _cue_anchors, _cue_finder,
                              _cue_matches)
from kb.extract.tables import line_matches


def _cue_matches_by_find(text: str, low: str, pattern: re.Pattern, heads: tuple, gates: dict | None = None) -> list:
    """The plain scan: every place of every anchor by str.find, the word's start checked with
    str.isalnum, the group's heads with str.startswith."""
    out = {}
    for anchor, group in _cue_anchors(heads):
        gate = gates.get(anchor) if gates else None
        pos = low.find(anchor)
        while pos >= 0:
            if not (anchor[0].isalpha() and pos and low[pos - 1].isalnum()) and pos not in out \
                    and (group is None or any(low.startswith(h, pos) for h in group)) \
                    and (gate is None or gate.match(text, pos)):
                m = pattern.match(text, pos)
                if m is not None:
                    out[pos] = m
            pos = low.find(anchor, pos + 1)
    return [out[k] for k in sorted(out)]


def test_the_short_cue_anchors_found_by_pattern_are_those_str_find_finds():
    # forms of the development articles ("a combined $220B", "$2,000 a month in total", "Of the
    # $9, ..."), in emphasis ("_in total_": an underscore is no letter), after a digit or a
    # letter ("2in", "éin", "within": no word's start), "of"/"for" heads of several words
    text = ("The three of them will spend a combined $220B this year, $2,000 a month in total and _in total_ "
            "$5; 2in total 3, éin total 4, within all 5, *of the* $6, for the two $7, for those $8, fort $9. "
            "Of the $9, Of this $1, OF WHICH $2; (about $3 in all), sum: $4, add to $5, ADDS UP TO $6.\n"
            "| in total | $7 |\ninin total $8, of of the $9, for for the two $1.")
    low = text.lower()
    for rx, heads, gates in ((_PROSE_TOTAL_BEFORE_RE, _PROSE_BEFORE_STARTS, _PROSE_BEFORE_GATES),
                             (_PROSE_TOTAL_AFTER_RE, _PROSE_AFTER_STARTS, _PROSE_AFTER_GATES)):
        for g in (None, gates):
            want = [m.span() for m in _cue_matches_by_find(text, low, rx, heads, g)]
            assert want, rx
            assert [m.span() for m in _cue_matches(text, low, rx, heads, g)] == want


def test_an_anchor_that_overlaps_itself_is_found_at_every_place():
    # ("--" in "---" stands at two places; a pattern that took the first would skip the second;
    # a word's anchor only at a word's start: "aa" of "baa" and the second "aa" of "aaa" are none)
    assert [m.start() for m in _cue_finder("--", None).finditer("--- x --")] == [0, 1, 6]
    assert [m.start() for m in _cue_finder("aa", None).finditer("aaa baa aaaa _aa")] == [0, 8, 14]
    assert [m.start() for m in _cue_finder("in", ("in total", "in all")).finditer("in total, within all, in all")] \
        == [0, 22]


def test_the_rule_lines_under_headers_are_those_the_pattern_finds_anywhere():
    text = ("| Model | Monthly Cost (3B tokens) |\n|---|---|\n| A | $1 |\n\n"
            "  | :--- | ---: |\nModel | Cost\n--- | ---\n:----\nnot a rule --- here\n"
            "| - | - |\n---\n")
    want = [m.span() for m in _RULE_LINE_RE.finditer(text)]
    assert len(want) == 5
    assert [m.span() for m in line_matches(_RULE_LINE_RE, text, ("---",))] == want


def test_a_proposal_made_without_its_init_is_the_one_its_init_makes():
    from dataclasses import asdict, replace

    from kb.extract.arith import Item, Proposal, _Cand, _with_numbers

    items = {"n": Item("n", 0, 6, 8.0, 8.0, "GPU"), "w": Item("w", 9, 13, 700.0, 700.0, "W", shown="700")}
    c = _Cand("t", "a * b", {"a": "n", "b": "w"}, (5600.0, 5600.0), "W", "consistent", 1.0, None, "written", 0.9)
    got = _with_numbers(c, items)
    want = Proposal("t", "a * b", {"a": "n", "b": "w"}, "8 GPU × 700 W", (5600.0, 5600.0), "W", "consistent", 1.0, None,
                    "written", 0.9)
    assert got == want and repr(got) == repr(want) and asdict(got) == asdict(want)
    assert replace(got, read=("r",)).read == ("r",) and got.read == ()
