"""perf70: reading a long text's tables without copying the text before each (output unchanged).

The line right above a table is looked for a few hundred characters back; where no line ends
there (a long paragraph right above the table) the "line" is the whole text before the table,
which was copied (and stripped) for each table: quadratic in a long text with many tables. It
is now read in place (``_stripped_bounds``, and the volume pattern searched up to the table);
these tests pin the readings that path gives, which are the same as before.
"""
from __future__ import annotations

from conftest import value_units

from kb.extract.drafts import _stripped_bounds

_read = value_units


def test_stripped_bounds_is_where_strip_leaves_the_text():
    for s in ("  a b \t", "abc", "   ", "", "\u00a0x\u2003", "\u3000\u3000", "x\n\ny\n", " \u0085z\u2028 "):
        text = "#" + s + "#"
        got = _stripped_bounds(text, 1, 1 + len(s))
        want = s.strip()
        assert (got is None) == (not want)
        if want:
            assert text[got[0]:got[1]] == want


# a paragraph right above the table longer than the reach of the look back: its whole text is
# the table's lead (the volume per month it names still makes the table's costs monthly)
_LONG = ("**Scenario:** normalized to 5,000 chats/month, " + "with every answer checked by a person " * 12
         + "before it is sent.\n| Workload | Model A Cost |\n|---|---|\n| Support | $40 |\n| Search | $90 |\n")


def test_long_paragraph_above_a_table_is_its_lead():
    assert "\n" not in _LONG[:_LONG.index("\n|")]
    got = _read(_LONG)
    assert (40.0, "USD/month") in got and (90.0, "USD/month") in got


def test_long_lead_with_a_table_before_it_names_no_period():
    # (a pipe in the text before: no line above the table of its own)
    got = _read("| A | B |\n|---|---|\n| x | 1 |\n\n" + _LONG)
    assert (40.0, "USD") in got


def test_long_lead_with_a_scale_note_far_back_gives_no_scale():
    # "(in millions)" in a paragraph longer than a line's reach: no note of the table's own
    text = ("Figures in millions. " + "The company reported its results for the quarter today. " * 4
            + "\n| Item | Value |\n|---|---|\n| Revenue | $813.0 |\n")
    got = _read(text)
    assert (813.0, "USD") in got
