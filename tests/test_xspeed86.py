"""xspeed86: extraction speed with byte-identical drafts.

``drafts._enumeration_label`` searches for the label word's letters first (the look-behind that
makes it a word's first after them), so the engine scans the text for the literal in C: the same
answer as the pattern with the look-behind first. ``linking._option_words`` makes one table of a
unit's property words per set of properties: every unit the registry's properties are written in
gets the same words as filtering the index's words by its own properties.
"""

from __future__ import annotations

import random
import re

import pytest

from tests.conftest import drafts_by_raw


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


@pytest.fixture(scope="module")
def idx(reg):
    from kb.extract.linking import index_for

    return index_for(reg.entities, reg.properties)


def _label_before(view: str, start: int, num: str) -> bool:
    """The pattern as it was written before (the look-behind first)."""
    from kb.extract.drafts import _LABEL_WORD_BEFORE_RE

    m = _LABEL_WORD_BEFORE_RE.search(view, max(0, start - 24), start)
    if not m:
        return False
    return re.search(r"(?<![\w.-])" + m.group(1) + r"[ \t\u00a0]+" + re.escape(num) + r"[ACDEFGHIJ]\b", view) is not None


def test_enumeration_label_same_answer_as_look_behind_first():
    from kb.extract.drafts import _enumeration_label

    rnd = random.Random(86)
    # the word glued to a letter, a dot or a hyphen before it is no label's word; at the text's
    # start it is
    toks = ["Ripple", "xRipple", "-Ripple", ".Ripple", "_Ripple", "Ripple\u00a0", "RippleRipple", " ", "\t", "\n",
            "1A", "1B", "1C", "1", "2A", "1.5A", "Ripple 1A", "Ripple 1B", "ripple", "é"]
    agree = labels = 0
    for _ in range(3000):
        view = "".join(rnd.choice(toks) + rnd.choice(("", " ")) for _ in range(rnd.randint(1, 8)))
        for num in ("1", "1.5"):
            for start in range(len(view) + 1):
                want = _label_before(view, start, num)
                assert _enumeration_label(view, start, num) == want, (view, start, num)
                agree += 1
                labels += want
    assert labels > 100 and agree > labels  # (both answers were met)


@pytest.mark.parametrize("view, expected", [
    ("- **Ripple 1A**: first\n- **Ripple 1B**: second\n", True),
    ("Ripple 1A and xRipple 1B", False),       # no sibling: "xRipple" is another word
    ("Ripple 1A and the Ripple 1B", True),
    ("-Ripple 1A then Ripple 1B", False),      # the sibling's word glued to a hyphen
    ("Ripple 1B alone", False),
])
def test_enumeration_label_cases(view, expected):
    from kb.extract.drafts import _enumeration_label

    at = view.rindex("1B")
    assert _enumeration_label(view, at, "1") is expected
    assert _label_before(view, at, "1") is expected


def test_list_labels_still_no_model_size(reg):
    # GitHub NicoLafakis/oracle-news-aggregator, node_n78_coreweave_ipo.md (as tests/test_misc85.py),
    # the list read inside a longer text: the sibling found far from the label
    text = ("- **Ripple 1A**: AI infrastructure validated as investable asset class\n\n"
            + "Meta trained Llama 3 on 15T tokens.\n" * 200
            + "- **Ripple 1B**: Competitor cloud providers accelerate GPU buildout\n")
    assert "1B" not in drafts_by_raw(text, reg)


def _vocabulary_units(idx) -> set:
    """Every unit the registry's properties are written in (their canonical units), and those
    units' common spellings the extractor reads."""
    units = {p.canonical for props in idx.props_by_key.values() for p in props}
    return {u for u in units if idx.unit_info(u) is not None}


def test_option_words_cover_every_unit_of_the_vocabulary(idx):
    from kb.extract.linking import _option_words

    units = _vocabulary_units(idx)
    assert len(units) > 20
    for u in sorted(units):
        options = idx.unit_info(u)[1]
        ids = {p.id for p, _, _ in options}
        want = {}
        for wd, entries in idx.word_weights.items():
            mine = [(pid, w) for pid, w in entries if pid in ids]
            if mine:
                want[wd] = mine
        got = _option_words(idx, options)
        assert got == want, u
        assert list(got) == list(want), u  # (the same order: the scores are added up in it)


def test_option_words_shared_by_units_of_one_property_set(idx):
    from kb.extract.linking import _option_words

    # two spellings of an hourly price: their own option lists, one table of words
    a, b = idx.unit_info("USD/GPU-hour"), idx.unit_info("USD/hour")
    assert a is not None and b is not None
    if {p.id for p, _, _ in a[1]} == {p.id for p, _, _ in b[1]}:
        assert _option_words(idx, a[1]) is _option_words(idx, b[1])
    c = idx.unit_info("billion parameter")
    assert _option_words(idx, c[1]) is not _option_words(idx, a[1])


@pytest.mark.parametrize("text, raw, unit, prop", [
    # one number of each dimension: the property its unit's words choose
    ("Llama 3 70B has 70 billion parameters.", "70 billion parameters", "billion parameter", "parameters-total"),
    ("An H100 rents for $2.49 per GPU-hour on Lambda.", "$2.49 per GPU-hour", "USD/GPU-hour", "rental-price"),
    ("The H100 has a TDP of 700 W.", "700 W", "W", "tdp"),
])
def test_a_number_of_each_dimension_keeps_its_draft(reg, text, raw, unit, prop):
    d = drafts_by_raw(text, reg)[raw]
    assert d.unit == unit
    assert d.property == prop
