"""The rules over two drafts side by side in prose (kb/extract/linking.py ``_ADJACENT_RULES``, one
walk in :func:`_adjacent_pairs`) and the list labels read once per text (kb/extract/drafts.py
``_enumeration_label``). Each rule's test runs the extractor with and without that rule: the
draft it moves must differ, so the test fails when the rule no longer fires."""

from __future__ import annotations

import re

import pytest

import kb.extract.drafts as drafts_mod
import kb.extract.linking as linking
from tests.conftest import drafts_by_raw


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


def _without(monkeypatch, name: str) -> None:
    monkeypatch.setattr(linking, "_ADJACENT_RULES", tuple(r for r in linking._ADJACENT_RULES if r.__name__ != name))


# development article r52-us-china-dc-energy
_UP_FROM = "- Data centers projected to reach **10-12% of total US generation by 2028-2030**, up from ~4% in 2024\n"
# development article r50-nvidia-q4-fy2026
_VERSUS = "Revenue of $68.13 billion versus $66.21 billion estimated.\n"
# GitHub lingtouyangLeo/Tariff_Sentiment, NVDA_2025_Q2_summary.md (as in tests/test_misc85.py)
_GAAP = "Q3 revenue expected to be $32.5 billion, with gross margins of 74.4% GAAP and 75% non-GAAP.\n"
_DEBT = "The startup raised at a valuation of $33 billion ($45 billion including debt).\n"
_VS = "H200 is the same as H100 but has 141GB vs 80GB of memory.\n"
_CHAIN = "Revenue was $4 billion, up from $2 billion ($2.5 billion including acquisitions).\n"


def test_rules_run_in_the_old_passes_order():
    assert [r.__name__ for r in linking._ADJACENT_RULES] == [
        "_pair_entities", "_compared_amount", "_earlier_level", "_labelled_pair", "_bracketed_restatement"]


def test_earlier_level(reg, monkeypatch):
    d = drafts_by_raw(_UP_FROM, reg)["~4%"]
    assert (d.property, d.evidence["property"]) == ("share", "clear|earlier")
    _without(monkeypatch, "_earlier_level")
    assert "|earlier" not in drafts_by_raw(_UP_FROM, reg)["~4%"].evidence.get("property", "")


def test_compared_amount(reg, monkeypatch):
    d = drafts_by_raw(_VERSUS, reg)["$66.21 billion"]
    assert (d.property, d.evidence["property"]) == ("revenue", "hint")
    _without(monkeypatch, "_compared_amount")
    assert drafts_by_raw(_VERSUS, reg)["$66.21 billion"].evidence.get("property") != "hint"


def test_labelled_pair(reg, monkeypatch):
    d = drafts_by_raw(_GAAP, reg)["75%"]
    assert d.property == "gross-margin" and d.evidence["property"].endswith("|pair")
    _without(monkeypatch, "_labelled_pair")
    assert not drafts_by_raw(_GAAP, reg)["75%"].evidence.get("property", "").endswith("|pair")


def test_bracketed_restatement(reg, monkeypatch):
    d = drafts_by_raw(_DEBT, reg)["$45 billion"]
    assert d.property == "valuation" and d.evidence["property"].endswith("|restated")
    _without(monkeypatch, "_bracketed_restatement")
    assert drafts_by_raw(_DEBT, reg)["$45 billion"].property != "valuation"


def test_pair_entities(reg, monkeypatch):
    got = drafts_by_raw(_VS, reg)
    assert (got["141GB"].entity, got["80GB"].entity) == ("nvidia-h200", "nvidia-h100")
    _without(monkeypatch, "_pair_entities")
    assert drafts_by_raw(_VS, reg)["80GB"].evidence.get("entity") != "pair|sure|kind"


def test_a_later_rule_reads_what_an_earlier_one_wrote(reg):
    # "$2 billion" takes revenue from "up from" (_earlier_level), then "$2.5 billion" from it (_bracketed_restatement)
    d = drafts_by_raw(_CHAIN, reg)["$2.5 billion"]
    assert (d.property, d.evidence["property"]) == ("revenue", "strong|earlier|restated")


def test_no_rule_inside_a_table(reg):
    d = drafts_by_raw("| Metric | Value |\n|---|---|\n| Revenue | $4 billion, up from $2 billion |\n", reg)["$2 billion"]
    assert "|earlier" not in d.evidence.get("property", "")


def test_no_rule_across_units(reg):
    d = drafts_by_raw("Revenue was $4 billion, up from 2 million users.\n", reg)["2 million users"]
    assert d.property != "revenue" and "|earlier" not in d.evidence.get("property", "")


def _searched(view: str, start: int, num: str) -> bool:
    """``_enumeration_label`` as it was: the whole text searched for each hit."""
    m = drafts_mod._LABEL_WORD_BEFORE_RE.search(view, max(0, start - 24), start)
    return bool(m) and re.search(r"(?<![\w.-])" + m.group(1) + r"[ \t\u00a0]+" + re.escape(num)
                                 + r"[ACDEFGHIJ]\b", view) is not None


@pytest.mark.parametrize("text", [
    "- **Ripple 1A**: one\n- **Ripple 1B**: two\n",
    "- **Ripple 1B**: two\n",
    "Ripple\u00a01.5C and Ripple 1.5B",
    "Ripple 15A, Ripple 1B",           # another number: no sibling
    "xRipple 1A, Ripple 1B",           # the word glued to another: no sibling
    "Ripple 1AB; Ripple 1B",           # a letter inside a word: no sibling
    "Ripple 1,000D and Ripple 1,000B; Wave 7E Ripple 7B",
    "Ripples 1A, Ripple 1B, Falcon 180B",
])
def test_labels_read_once_answer_as_the_search(text):
    for m in re.finditer(r"[0-9][0-9.,]*(?=B)", text):
        assert drafts_mod._enumeration_label(text, m.start(), m.group()) == _searched(text, m.start(), m.group()), m.group()


def test_labels_are_the_asked_texts_own():
    # a text read before must not answer for the next (the labels are kept by the text's identity)
    assert drafts_mod._enumeration_label("Ripple 1A and Ripple 1B", 21, "1")
    assert not drafts_mod._enumeration_label("Ripple 2A and Ripple 1B", 21, "1")
    assert drafts_mod._enumeration_label("Ripple 1A and Ripple 1B", 21, "1")
