"""The ref68 references (datasets/references/ref68.yaml): facts that writing on AI economics quotes
again and again and the datasets lacked, each cited to a page read: the hyperscalers' capital
expenditure guidance for 2026 (Alphabet, Meta, Amazon) and the sizes of Gemma 2 9B and 27B.

Dev-B sentences they now back (before, nothing could be compared with them, and the other articles'
figures for the same plans raised conflicts): r57's "Meta has guided $115–135 billion for 2026" and
r167's "Alphabet $175B to $185B", "Amazon $200B"."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import check_reference_file, printed_numbers, reference_records, references_backing


def _records():
    return reference_records("ref68")


def test_the_file_loads_with_every_reference_and_its_citation(project_kb):
    check_reference_file("ref68", project_kb)


@pytest.mark.parametrize("ref", _records()[1], ids=lambda r: r["id"])
def test_each_value_is_printed_in_its_quote(ref):
    """A value or both ends of a range appear in the quoted passage; a parameter count is the
    printed count rounded (9,241,705,984 -> 9.24 billion)."""
    printed = printed_numbers(ref["locator"])
    if ref["property"] == "parameters-total":
        assert any(round(p / 1e9, 2) == float(ref["value"]) for p in printed)
    elif "value" in ref:
        assert float(str(ref["value"])) in printed
    else:
        assert {float(ref["low"]), float(ref["high"])} <= printed


@pytest.mark.parametrize("ref", [r for r in _records()[1] if r["property"] == "capex"], ids=lambda r: r["id"])
def test_a_capex_plan_carries_its_period_and_the_date_it_was_given(ref):
    assert ref["conditions"]["basis"] == "projected" and ref["conditions"]["period"] == "2026"
    assert dt.date.fromisoformat(ref["valid_from"]) < dt.date(2026, 3, 1)


@pytest.mark.parametrize("claim_id, ref_id", [
    ("r57-meta-capex-2026-guidance", "ref-meta-capex-2026-plan-jan"),   # "Meta has guided $115–135 billion for 2026"
    ("r167-box-alphabet-2026", "ref-alphabet-capex-2026-plan-feb"),     # "Alphabet $175B to $185B"
    ("r167-box-amazon-2026", "ref-amazon-capex-2026-plan-feb"),         # "Amazon $200B"
])
def test_a_right_plan_is_backed_by_the_new_reference(project_kb, project_comparer, claim_id, ref_id):
    assert ref_id in references_backing(project_comparer, project_kb, claim_id)
    assert project_comparer.backed(project_kb.claims_by_id[claim_id])


def test_a_plan_is_not_in_force_before_it_was_given(project_kb, project_comparer):
    """An article of October 2025 guessing at 2026 is not held to the plan of February 2026."""
    ref = project_kb.references_by_id["ref-alphabet-capex-2026-plan-feb"]
    assert not project_comparer.in_force(ref, dt.date(2025, 10, 30))
    assert project_comparer.in_force(ref, dt.date(2026, 2, 5))


def test_a_reported_year_is_not_compared_with_the_plan(project_kb, project_comparer):
    """r167's "$91.447B of 2025 purchases" (Alphabet, reported 2025) meets no 2026 plan."""
    backing = references_backing(project_comparer, project_kb, "r167-table-alphabet-2025-detail")
    assert "ref-alphabet-capex-2026-plan-feb" not in backing
