"""kb.tools.promote_gate: how right the drafts `kb promote` would promote are."""
from __future__ import annotations

from pathlib import Path

from kb.extract.promote import DEFAULT_FLOORS, gate_floors
from kb.tools.promote_gate import by_field, render, rows_of, tally

ROOT = Path(__file__).resolve().parents[1]


def _row(value, entity, prop, wrong="", tag="before|sure|kind", complete=True):
    rec = {"confidence": {"value": value, "entity": entity, "property": prop}, "evidence": {"entity": tag}}
    return {"record": rec, "complete": complete, "wrong": wrong}


def test_the_gate_is_tallied_with_what_is_wrong_in_what_it_passes():
    rows = [_row(0.84, 0.74, 0.69, tag="table-row|sure|kind"),       # passes, right
            _row(0.84, 0.91, 0.54, "entity", "table-column|sure|kind"),  # passes, entity wrong
            _row(0.84, 0.69, 0.69),                                   # a prose entity: held back, right
            _row(0.47, 0.91, 0.97, "number", "table-column|sure|kind"),  # the value's floor
            _row(0.9, 0.9, 0.9, complete=False)]                      # incomplete: never counted
    t = tally(rows, DEFAULT_FLOORS)
    assert (t["complete"], t["complete_right"], t["passed"], t["passed_right"]) == (4, 2, 2, 1)
    assert dict(t["wrong"]) == {"entity": 1}
    # one floor of 0.65 for all three (the gate before) lets the prose entity through, not the
    # weaker property
    one = tally(rows, gate_floors(0.65))
    assert (one["passed"], one["passed_right"]) == (2, 2)
    line = render("dev-A", t)
    assert line.startswith("dev-A: 4 complete drafts, 2 fully right; the gate passes 2, 1 fully right (0.500)")
    assert "holds back 1 fully right (recall 0.50); wrong among passed: entity 1" in line
    table = by_field("dev-A", rows)
    assert "before|sure|kind" in table and "entity confidence: " in table


def test_the_drafts_of_one_development_article_are_scored(project_registry):
    rows = rows_of(ROOT, ["r85-hourly-gpu-vs-per-token-api", "no-such-article"], project_registry)
    assert len(rows) > 20 and any(r["complete"] for r in rows)
    assert {r["wrong"] for r in rows} <= {"", "number", "entity", "property", "entity+property"}
    assert any(r["wrong"] == "" for r in rows)
    t = tally(rows, DEFAULT_FLOORS)
    assert 0 <= t["passed_right"] <= t["passed"] <= t["complete"] and t["passed_right"] <= t["complete_right"]
