"""The word entries of a property's ``cues:`` and ``needs:`` (kb/core/schema.py): the syntax
a curator writes, and ``kb check`` on entries that cannot be read (a finding at the entry's
line, never a traceback)."""
from __future__ import annotations

import pytest

from kb.core.schema import word_pattern, words_pattern
from kb.rules.check import check
from kb.store.load import load
from test_load import PROPS, make_project


@pytest.mark.parametrize("entry, text, hit", [
    ("spot", "a Spot instance", True),
    ("spot", "SPOT pricing", True),
    ("spot", "a hotspot", False),          # a word start
    ("spot", "spotted", False),            # and a whole word
    ("subscri*", "paying subscribers", True),
    ("subscri*", "unsubscribed", False),
    ("*subs*", "unsubscribed", True),      # anywhere
    ("nvl#*", "an NVL72 rack", True),
    ("nvl#*", "NVLink", False),
    ("max(imum) power*", "maximum power draw", True),
    ("max(imum) power*", "max power", True),
    ("max(imum) power*", "maxi power", False),
    ("over (the next |a )#*", "over the next 5 years", True),
    ("over (the next |a )#*", "over 3 years", True),
    ("over (the next |a )#*", "over a decade", False),
    ("=NI", "NI was $2B", True),
    ("=NI", "ni was low", False),
    ("cost of ownership*", "total cost of ownership", True),
    ("cost of ownership*", "cost-of-ownership", False),  # a space is a space
    ("gb/s/pin*", "9.2 Gb/s/pin", True),
    ("d_model", "d_model = 4096", True),
    ("  pue ", "a PUE of 1.2", True),      # spaces around an entry do not count
])
def test_an_entry_matches_as_written(entry, text, hit):
    assert bool(words_pattern((entry,)).search(text)) is hit


def test_one_pattern_matches_any_entry_and_case_only_where_asked():
    p = words_pattern(("net income*", "=NI"))
    assert p.search("Net Income rose") and p.search("NI rose") and not p.search("ni rose")
    assert words_pattern(()) is None


@pytest.mark.parametrize("entry", ["", "   ", "*", "**", "a*b", "a|b", "(a", "a)", "(a)", "()", "(a|)", "(|a)",
                                   "(a)(b)", "=", "=*",
                                   pytest.param("(" * 1000 + "a" + ")" * 1000 + "b", id="brackets-too-deep")])
def test_an_entry_that_cannot_be_read_says_why(entry):
    with pytest.raises(ValueError):
        word_pattern(entry)


def _project(tmp_path, fields: str):
    root = make_project(tmp_path)
    props = PROPS.replace("    states_maximum: true\n", "    states_maximum: true\n" + fields, 1)
    assert props != PROPS
    (root / "datasets" / "properties" / "p.yaml").write_text(props, encoding="utf-8")
    return root


def _schema_findings(root):
    kb = load(root)
    return [(f.code, f.path, f.line, f.message) for f in kb.load_findings]


def test_good_entries_give_no_finding(tmp_path):
    root = _project(tmp_path, '    cues: ["tdp", "max(imum) power*", "=TBP"]\n    needs: [rated, "thermal*"]\n')
    assert _schema_findings(root) == []
    assert [f for f in check(root).findings if f.severity == "error"] == []


@pytest.mark.parametrize("fields, line, says", [
    # the property's 'states_maximum' is on line 6 of p.yaml; the new fields start on line 7
    ('    cues: ["tdp", "a*b"]\n', 7, "entry 2"),
    ('    cues:\n      - tdp\n      - "(rated"\n', 9, "entry 2"),
    ('    needs:\n      - thermal*\n      - ""\n', 9, "entry 2"),
    ('    needs: [tdp, [nested]]\n', 7, "entry 2"),
    ('    needs: tdp\n', 7, "list"),
    ('    cues:\n      - 42\n', 8, "entry 1"),
])
def test_a_bad_entry_is_a_schema_finding_at_its_line(tmp_path, fields, line, says):
    root = _project(tmp_path, fields)
    found = _schema_findings(root)
    assert len(found) == 1, found
    code, path, at, message = found[0]
    assert (code, path, at) == ("schema", "datasets/properties/p.yaml", line)
    assert says in message


def test_kb_check_names_the_file_and_line_of_a_bad_entry(tmp_path, run_kb):
    root = _project(tmp_path, '    needs: ["rated", "thermal*x*"]\n')
    code, out, err = run_kb("check", cwd=root)
    assert code != 0 and "Traceback" not in out + err
    assert "datasets/properties/p.yaml:7" in out + err and "'*' stands only at the start or the end" in out + err


def test_a_word_negated_by_non_is_not_the_word():
    import re

    from kb.core.schema import word_pattern

    rx = re.compile(word_pattern("paying"), re.I)
    assert rx.search("20 million paying users") and rx.search("Paying customers")
    assert not rx.search("780 million non-paying users") and not rx.search("Non-paying tiers")
