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


def test_the_command_prints_each_half_and_the_held_out_line_when_asked(tmp_path, capsys):
    from kb.tools.promote_gate import main

    root = tmp_path / "kb"
    for d in ("claims", "datasets/sources", "datasets/entities", "datasets/properties", "tests/extract_corpus"):
        (root / d).mkdir(parents=True)
    (root / "datasets" / "entities" / "e.yaml").write_text(
        "entities:\n  - {id: nvidia-h100, kind: gpu, aliases: [H100]}\n", encoding="utf-8")
    (root / "datasets" / "properties" / "p.yaml").write_text(
        "properties:\n  - {id: tdp, name: Thermal design power, canonical_unit: W,"
        " plausible: {gpu: {low: 20 W, high: 2000 W}}}\n", encoding="utf-8")
    text = "The H100 draws up to 700 watts under load.\n"
    for sid in ("a1", "b1", "h1"):
        (root / "datasets" / "sources" / f"{sid}.txt").write_text(text, encoding="utf-8")
        (root / "claims" / f"{sid}.yaml").write_text(
            f"source: {sid}\nclaims:\n  - {{id: {sid}-x, entity: nvidia-h100, property: tdp, value: 700, unit: W,"
            " qualifier: upper_bound, quote: 'The H100 draws up to 700 watts', start: 0, end: 30}\n", encoding="utf-8")
    (root / "tests" / "extract_corpus" / "real.yaml").write_text("dev: [a1, b1]\nholdout: [h1]\n", encoding="utf-8")
    assert main(["--root", str(root), "--min-confidence", "0"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "floors: value 0, entity 0, property 0"
    assert [line.split(":")[0] for line in out[1:]] == ["dev-A", "dev-B"]
    assert out[1].startswith("dev-A: 1 complete drafts, 1 fully right; the gate passes 1, 1 fully right (1.000)")
    assert main(["--root", str(root), "--holdout"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("held-out: 1 complete drafts, 1 fully right;")
