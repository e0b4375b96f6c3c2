"""Draft files and promotion: curation is never clobbered, writes are atomic."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

import kb.extract.promote as promote_mod
from kb.extract.drafts import extract_command
from kb.extract.promote import atomic_write_text, draft_path, promote, write_drafts

SOURCE = "007_testsource"
TEXT = ("OpenAI’s GPT-4o is reported to have a staggering 405 billion parameters.\n"
        "For instance, the H100 has a theoretical peak performance of 60 teraflops for FP16 operations, "
        "and its power can reach up to 700 watts under full load.\n\n"
        "Current estimates suggest that costs can range from $0.01 to $0.05 per token.\n")

CURATED = """\
# Claims of source 007_testsource (a test article).
#
# The curator's notes: keep me, and keep my odd formatting below.
source: 007_testsource   # the file names the source
claims:
  # the first claim, with a comment inside the list
  - id: s007-gpt-4o-parameters-total
    entity: gpt-4o
    property: parameters-total
    value: 405
    unit: billion parameter
    qualifier: exact
    conditions: {}
    quote: "OpenAI’s GPT-4o is reported to have a staggering 405 billion parameters"
    start: 0
    end: 71
    note: null
    review:
      verdict: wrong      # 405B is Llama 3.1's size
      note: 'single-quoted on purpose'
      date: 2026-11-21
"""


@pytest.fixture()
def kb_root(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    (root / "claims").mkdir(parents=True)
    (root / "datasets" / "sources").mkdir(parents=True)
    (root / "datasets" / "entities").mkdir(parents=True)
    (root / "datasets" / "properties").mkdir(parents=True)
    (root / "datasets" / "sources" / f"{SOURCE}.txt").write_text(TEXT, encoding="utf-8")
    (root / "datasets" / "entities" / "e.yaml").write_text(
        "entities:\n"
        "  - {id: gpt-4o, kind: model, aliases: [GPT-4o, OpenAI’s GPT-4o]}\n"
        "  - {id: nvidia-h100, kind: gpu, aliases: [H100]}\n"
        "  - {id: llms, kind: model-class, aliases: [LLMs]}\n", encoding="utf-8")
    (root / "datasets" / "properties" / "p.yaml").write_text(
        "properties:\n"
        "  - {id: tdp, name: Thermal design power, canonical_unit: W, plausible: {gpu: {low: 20 W, high: 2000 W}}}\n"
        "  - {id: peak-throughput, name: Peak throughput, canonical_unit: TFLOPS, conditions: [precision],"
        " plausible: {gpu: {low: 1 TFLOPS, high: 50000 TFLOPS}}}\n"
        "  - {id: parameters-total, name: Total parameters, canonical_unit: billion parameter,"
        " plausible: {model: {low: 0.01 billion parameter, high: 20000 billion parameter}}}\n"
        "  - {id: token-price, name: Token price, canonical_unit: USD per 1M tokens,"
        " plausible: {model: {low: 0.001 USD per 1M tokens, high: 1000 USD per 1M tokens}}}\n", encoding="utf-8")
    (root / "claims" / f"{SOURCE}.yaml").write_text(CURATED, encoding="utf-8")
    return root


def _extract(root: Path, capsys) -> dict:
    assert extract_command(root / "datasets" / "sources" / f"{SOURCE}.txt", "yaml", True, root) == 0
    out = capsys.readouterr().out
    assert out.startswith("wrote ")
    return yaml.safe_load(draft_path(root, SOURCE).read_text(encoding="utf-8"))


def test_extract_write_puts_drafts_beside_curated_file(kb_root, capsys):
    doc = _extract(kb_root, capsys)
    assert (kb_root / "claims" / f"{SOURCE}.yaml").read_text(encoding="utf-8") == CURATED  # untouched
    assert doc["source"] == SOURCE
    raws = [d["raw"] for d in doc["drafts"]]
    # 405 billion parameters is curated already: not proposed again
    assert raws == ["60 teraflops", "up to 700 watts", "$0.01 to $0.05 per token"]
    for d in doc["drafts"]:
        assert TEXT[d["start"]:d["end"]] == d["quote"]
    assert draft_path(kb_root, SOURCE).read_text(encoding="utf-8").startswith("# Draft claims proposed")


def test_rerunning_extract_keeps_the_curators_draft_edits(kb_root, capsys):
    _extract(kb_root, capsys)
    path = draft_path(kb_root, SOURCE)
    edited = path.read_text(encoding="utf-8").replace("entity: null", "entity: llms  # curator: LLMs in general")
    edited = edited.replace("qualifier: upper_bound", "qualifier: exact")
    path.write_text(edited, encoding="utf-8")
    doc = _extract(kb_root, capsys)
    text = path.read_text(encoding="utf-8")
    assert "# curator: LLMs in general" in text
    price = next(d for d in doc["drafts"] if d["unit"] == "USD/token")
    assert price["entity"] == "llms"
    assert [d["qualifier"] for d in doc["drafts"]].count("upper_bound") == 0
    assert len(doc["drafts"]) == 3


def test_promote_keeps_comments_order_and_formatting(kb_root, capsys):
    doc = _extract(kb_root, capsys)
    ids = {d["raw"]: d["id"] for d in doc["drafts"]}
    assert promote(kb_root, SOURCE, [ids["up to 700 watts"], ids["60 teraflops"]]) == 0
    out = capsys.readouterr().out
    assert "promoted 2 claims" in out
    new = (kb_root / "claims" / f"{SOURCE}.yaml").read_text(encoding="utf-8")
    assert new.startswith(CURATED)  # every byte of the curated file kept
    data = yaml.safe_load(new)
    added = data["claims"][1:]
    assert [c["id"] for c in added] == ["s007-nvidia-h100-tdp", "s007-nvidia-h100-peak-throughput"]
    assert [c["value"] for c in added] == [700, 60]
    assert added[0]["qualifier"] == "upper_bound" and added[0]["unit"] == "W"
    for c in added:
        assert not {"raw", "span_start", "span_end", "confidence"} & set(c)
        assert list(c)[:3] == ["id", "entity", "property"]
        assert TEXT[c["start"]:c["end"]] == c["quote"]
    assert '    quote: "' in new[len(CURATED):]  # new records in the file's own style
    left = yaml.safe_load(draft_path(kb_root, SOURCE).read_text(encoding="utf-8"))
    assert [d["raw"] for d in left["drafts"]] == ["$0.01 to $0.05 per token"]


def test_promote_refuses_incomplete_and_unknown_drafts(kb_root, capsys):
    doc = _extract(kb_root, capsys)
    price = next(d for d in doc["drafts"] if d["unit"] == "USD/token")
    assert price["entity"] is None
    before = (kb_root / "claims" / f"{SOURCE}.yaml").read_text(encoding="utf-8")
    assert promote(kb_root, SOURCE, [price["id"]]) == 2
    assert "no entity" in capsys.readouterr().err
    assert promote(kb_root, SOURCE, ["nope"]) == 2
    assert "no draft nope" in capsys.readouterr().err
    assert promote(kb_root, "other_source", []) == 2
    assert "run `kb extract --write` first" in capsys.readouterr().err
    assert (kb_root / "claims" / f"{SOURCE}.yaml").read_text(encoding="utf-8") == before


def test_promote_all_leaves_incomplete_drafts(kb_root, capsys):
    _extract(kb_root, capsys)
    assert promote(kb_root, SOURCE, []) == 1  # the range has no entity yet
    captured = capsys.readouterr()
    assert "promoted 2 claims" in captured.out and "left 1 incomplete" in captured.err
    data = yaml.safe_load((kb_root / "claims" / f"{SOURCE}.yaml").read_text(encoding="utf-8"))
    assert len(data["claims"]) == 3


def test_promote_into_a_new_file_and_unique_ids(kb_root, capsys):
    (kb_root / "claims" / f"{SOURCE}.yaml").unlink()
    (kb_root / "claims" / "other.yaml").write_text(
        "source: other\nclaims:\n  - {id: s007-gpt-4o-parameters-total, entity: gpt-4o}\n", encoding="utf-8")
    doc = _extract(kb_root, capsys)
    ids = [d["id"] for d in doc["drafts"] if d["raw"] == "405 billion parameters"]
    assert promote(kb_root, SOURCE, ids) == 0
    data = yaml.safe_load((kb_root / "claims" / f"{SOURCE}.yaml").read_text(encoding="utf-8"))
    assert data["source"] == SOURCE
    assert [c["id"] for c in data["claims"]] == ["s007-gpt-4o-parameters-total-2"]


def test_promote_twice_is_harmless(kb_root, capsys):
    doc = _extract(kb_root, capsys)
    ident = doc["drafts"][0]["id"]
    assert promote(kb_root, SOURCE, [ident]) == 0
    once = (kb_root / "claims" / f"{SOURCE}.yaml").read_text(encoding="utf-8")
    assert promote(kb_root, SOURCE, [ident]) == 2  # gone from the drafts
    assert (kb_root / "claims" / f"{SOURCE}.yaml").read_text(encoding="utf-8") == once


def test_promote_into_flow_style_file_falls_back_to_round_trip(kb_root, capsys):
    path = kb_root / "claims" / f"{SOURCE}.yaml"
    path.write_text("# my header comment\nclaims: []  # none yet\nsource: 007_testsource\n", encoding="utf-8")
    doc = _extract(kb_root, capsys)
    assert promote(kb_root, SOURCE, [doc["drafts"][0]["id"]]) == 0
    new = path.read_text(encoding="utf-8")
    assert new.startswith("# my header comment\n")
    data = yaml.safe_load(new)
    assert list(data) == ["claims", "source"] and len(data["claims"]) == 1


def test_interrupted_write_leaves_old_file_whole(kb_root, capsys, monkeypatch):
    doc = _extract(kb_root, capsys)
    path = kb_root / "claims" / f"{SOURCE}.yaml"
    drafts_before = draft_path(kb_root, SOURCE).read_text(encoding="utf-8")

    def boom(*args, **kwargs):
        raise KeyboardInterrupt("power cut")

    monkeypatch.setattr(promote_mod.os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        promote(kb_root, SOURCE, [doc["drafts"][0]["id"]])
    assert path.read_text(encoding="utf-8") == CURATED
    assert draft_path(kb_root, SOURCE).read_text(encoding="utf-8") == drafts_before
    assert sorted(p.name for p in (kb_root / "claims").iterdir()) == [f"{SOURCE}.draft.yaml", f"{SOURCE}.yaml"]


def test_atomic_write_interrupted_midway(tmp_path, monkeypatch):
    path = tmp_path / "f.yaml"
    path.write_text("old: whole\n", encoding="utf-8")

    real_fsync = os.fsync

    def failing_fsync(fd):
        real_fsync(fd)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(promote_mod.os, "fsync", failing_fsync)
    with pytest.raises(OSError):
        atomic_write_text(path, "new: " + "x" * 100000 + "\n")
    assert path.read_text(encoding="utf-8") == "old: whole\n"
    assert [p.name for p in tmp_path.iterdir()] == ["f.yaml"]
    monkeypatch.undo()
    atomic_write_text(path, "new: value\n")
    assert path.read_text(encoding="utf-8") == "new: value\n"


def test_write_drafts_refuses_a_foreign_file(kb_root):
    draft_path(kb_root, SOURCE).write_text("claims: []\n", encoding="utf-8")
    with pytest.raises(promote_mod.PromoteError, match="not a draft file"):
        write_drafts(kb_root, SOURCE, [])


def test_extract_write_reports_a_broken_draft_file(kb_root, capsys):
    draft_path(kb_root, SOURCE).write_text("drafts: [ {id: x\n", encoding="utf-8")
    assert extract_command(kb_root / "datasets" / "sources" / f"{SOURCE}.txt", "yaml", True, kb_root) == 2
    err = capsys.readouterr().err
    assert "not valid YAML" in err and "Traceback" not in err
