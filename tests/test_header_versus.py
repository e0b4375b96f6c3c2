"""A table caption or header comparing two things with "v.s." names no unit: the "s." is
"versus", not seconds (a column of counts under "### Old v.s. new" is no list of durations)."""
from __future__ import annotations

from pathlib import Path

from kb.core.grammar import header_unit
from kb.extract.drafts import extract_text
from kb.extract.linking import load_registry

ROOT = Path(__file__).resolve().parents[1]


def test_versus_is_no_unit():
    assert header_unit("Release 1.2 v.s. release 1.3") is None
    assert header_unit("OLD V.S. NEW") is None
    # seconds as such still read
    assert header_unit("Run time (s)").atom == "s"
    assert header_unit("Latency s").atom == "s"


def test_counts_under_a_versus_caption_are_no_durations():
    text = ("### Release 1.2 v.s. release 1.3\n\n| Release | Steps | Throughput (tokens/sec) |\n"
            "|---|---|---|\n| 1.3 | 12 | 7021.5 |\n")
    drafts = extract_text(text, load_registry(ROOT))
    assert not [d for d in drafts if d.value == 12 and d.unit == "s"]
    assert [d for d in drafts if d.unit == "token/s"]
