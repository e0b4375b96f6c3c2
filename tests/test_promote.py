"""Draft files and promotion: curation is never clobbered, writes are atomic."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

import kb.extract.promote as promote_mod
import kb.store.write as write_mod
from kb.errors import PromoteError, WriteError
from kb.extract.drafts import extract_file
from kb.extract.promote import draft_path, promote, write_drafts
from kb.store.write import atomic_write_text

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


def _kb(root: Path, *args):
    from click.testing import CliRunner

    from kb.cli import main

    return CliRunner().invoke(main, [*args, "--root", str(root)])


def _extract(root: Path, capsys=None) -> dict:
    res = _kb(root, "extract", str(root / "datasets" / "sources" / f"{SOURCE}.txt"), "--write")
    assert res.exit_code == 0, res.output
    assert res.output.startswith("wrote ")
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
    result = promote(kb_root, SOURCE, [ids["up to 700 watts"], ids["60 teraflops"]])
    assert result.promoted == ["s007-nvidia-h100-tdp", "s007-nvidia-h100-peak-throughput"] and not result.left
    new = (kb_root / "claims" / f"{SOURCE}.yaml").read_text(encoding="utf-8")
    assert new.startswith(CURATED)  # every byte of the curated file kept
    data = yaml.safe_load(new)
    added = data["claims"][1:]
    assert [c["id"] for c in added] == ["s007-nvidia-h100-tdp", "s007-nvidia-h100-peak-throughput"]
    assert [c["value"] for c in added] == [700, 60]
    assert added[0]["qualifier"] == "upper_bound" and added[0]["unit"] == "W"
    for c in added:
        assert not {"raw", "span_start", "span_end", "confidence", "context"} & set(c)
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
    with pytest.raises(PromoteError, match="no entity"):
        promote(kb_root, SOURCE, [price["id"]])
    with pytest.raises(PromoteError, match="no draft nope"):
        promote(kb_root, SOURCE, ["nope"])
    with pytest.raises(PromoteError, match="run `kb extract --write` first"):
        promote(kb_root, "other_source", [])
    res = _kb(kb_root, "promote", SOURCE, "nope")
    assert res.exit_code == 2 and "no draft nope" in res.output and "Traceback" not in res.output
    assert (kb_root / "claims" / f"{SOURCE}.yaml").read_text(encoding="utf-8") == before


def test_promote_all_leaves_incomplete_drafts(kb_root, capsys):
    _extract(kb_root, capsys)
    result = promote(kb_root, SOURCE, [], promote_all=True)
    assert len(result.promoted) == 2
    (left_id, reasons), = result.left  # the range has no registry entity: a new one is proposed
    assert len(reasons) == 1 and reasons[0].startswith("no entity (a new entity: Current estimates")
    data = yaml.safe_load((kb_root / "claims" / f"{SOURCE}.yaml").read_text(encoding="utf-8"))
    assert len(data["claims"]) == 3


def _set_confidences(root: Path, conf: dict) -> None:
    path = draft_path(root, SOURCE)
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    for d in doc["drafts"]:
        d["confidence"] = dict(conf.get(d["raw"], d["confidence"]))
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")


def test_promote_by_default_only_confident_complete_drafts(kb_root, capsys):
    _extract(kb_root, capsys)
    _set_confidences(kb_root, {"60 teraflops": {"value": 0.95, "entity": 0.9, "property": 0.85},
                               "up to 700 watts": {"value": 0.95, "entity": 0.6, "property": 0.9}})
    result = promote(kb_root, SOURCE)
    assert result.promoted == ["s007-nvidia-h100-peak-throughput"]
    assert sorted(r[0][:9] for _, r in result.left) == ["entity co", "no entity"]
    # a lower threshold promotes the rest of the complete drafts; the CLI prints why drafts stay
    res = _kb(kb_root, "promote", SOURCE, "--min-confidence", "0.5")
    assert res.exit_code == 1  # one draft is still incomplete
    assert "promoted 1 claims" in res.output and "no entity" in res.output
    data = yaml.safe_load((kb_root / "claims" / f"{SOURCE}.yaml").read_text(encoding="utf-8"))
    assert len(data["claims"]) == 3


def test_promote_treats_drafts_without_confidence_as_curated(kb_root, capsys):
    _extract(kb_root, capsys)
    path = draft_path(kb_root, SOURCE)
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    for d in doc["drafts"]:
        d.pop("confidence")
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    assert len(promote(kb_root, SOURCE).promoted) == 2


def test_promote_into_a_new_file_and_unique_ids(kb_root, capsys):
    (kb_root / "claims" / f"{SOURCE}.yaml").unlink()
    (kb_root / "claims" / "other.yaml").write_text(
        "source: other\nclaims:\n  - {id: s007-gpt-4o-parameters-total, entity: gpt-4o}\n", encoding="utf-8")
    doc = _extract(kb_root, capsys)
    ids = [d["id"] for d in doc["drafts"] if d["raw"] == "405 billion parameters"]
    assert promote(kb_root, SOURCE, ids).promoted
    data = yaml.safe_load((kb_root / "claims" / f"{SOURCE}.yaml").read_text(encoding="utf-8"))
    assert data["source"] == SOURCE
    assert [c["id"] for c in data["claims"]] == ["s007-gpt-4o-parameters-total-2"]


def test_promote_twice_is_harmless(kb_root, capsys):
    doc = _extract(kb_root, capsys)
    ident = doc["drafts"][0]["id"]
    assert promote(kb_root, SOURCE, [ident]).promoted
    once = (kb_root / "claims" / f"{SOURCE}.yaml").read_text(encoding="utf-8")
    with pytest.raises(PromoteError):
        promote(kb_root, SOURCE, [ident])  # gone from the drafts
    assert (kb_root / "claims" / f"{SOURCE}.yaml").read_text(encoding="utf-8") == once


def test_promote_into_flow_style_file_falls_back_to_round_trip(kb_root, capsys):
    path = kb_root / "claims" / f"{SOURCE}.yaml"
    path.write_text("# my header comment\nclaims: []  # none yet\nsource: 007_testsource\n", encoding="utf-8")
    doc = _extract(kb_root, capsys)
    assert promote(kb_root, SOURCE, [doc["drafts"][0]["id"]]).promoted
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

    monkeypatch.setattr(write_mod.os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        promote(kb_root, SOURCE, [doc["drafts"][0]["id"]])
    assert path.read_text(encoding="utf-8") == CURATED
    assert draft_path(kb_root, SOURCE).read_text(encoding="utf-8") == drafts_before
    # no temporary file left (the lock file of the folder's writers stays, git-ignored)
    assert sorted(p.name for p in (kb_root / "claims").iterdir() if p.name != write_mod.LOCK_NAME) == \
        [f"{SOURCE}.draft.yaml", f"{SOURCE}.yaml"]


def test_atomic_write_interrupted_midway(tmp_path, monkeypatch):
    path = tmp_path / "f.yaml"
    path.write_text("old: whole\n", encoding="utf-8")

    real_fsync = os.fsync  # the draft and curated files are written with kb.store.write

    def failing_fsync(fd):
        real_fsync(fd)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(write_mod.os, "fsync", failing_fsync)
    with pytest.raises(WriteError):
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
    res = _kb(kb_root, "extract", str(kb_root / "datasets" / "sources" / f"{SOURCE}.txt"), "--write")
    assert res.exit_code == 2
    assert "not valid YAML" in res.output and "Traceback" not in res.output
    with pytest.raises(PromoteError, match="not valid YAML"):
        write_drafts(kb_root, SOURCE, extract_file(kb_root / "datasets" / "sources" / f"{SOURCE}.txt")["drafts"])


# ---------------------------------------------------------------- locking, kills, line endings, memory

MANY = 20


def _many_drafts(root: Path) -> list[dict]:
    """A source with MANY numbers and a complete draft for each (written as the extractor would)."""
    lines = [f"Board {i}: the H100 draws up to {600 + i} watts." for i in range(MANY)]
    text = "\n".join(lines) + "\n"
    (root / "datasets" / "sources" / "many.txt").write_text(text, encoding="utf-8")
    records, pos = [], 0
    for i, line in enumerate(lines):
        raw = f"up to {600 + i} watts"
        s = pos + line.index(raw)
        records.append({"id": f"many-at{s}", "entity": "nvidia-h100", "property": "tdp", "value": 600 + i, "unit": "W",
                        "qualifier": "upper_bound", "conditions": {}, "quote": line.rstrip("."), "start": pos,
                        "end": pos + len(line) - 1, "raw": raw, "span_start": s, "span_end": s + len(raw),
                        "confidence": {"value": 0.9, "entity": 0.9, "property": 0.9}})
        pos += len(line) + 1
    write_drafts(root, "many", records)
    return records


def _promote_in_child(root: Path, ids: list[str]) -> int:
    pid = os.fork()
    if pid == 0:  # the child: promote and leave without running pytest's exit handlers
        code = 0
        try:
            promote(root, "many", ids)
        except BaseException:  # noqa: BLE001 - reported through the exit code
            code = 3
        os._exit(code)
    return pid


def _state(root: Path) -> tuple[list, list]:
    cur = yaml.safe_load((root / "claims" / "many.yaml").read_text(encoding="utf-8")) if \
        (root / "claims" / "many.yaml").is_file() else {"claims": []}
    dr = yaml.safe_load(draft_path(root, "many").read_text(encoding="utf-8"))
    return list(cur.get("claims") or []), list(dr.get("drafts") or [])


def test_twenty_parallel_promotes_lose_nothing(kb_root):
    records = _many_drafts(kb_root)
    pids = [_promote_in_child(kb_root, [r["id"]]) for r in records]
    codes = [os.waitstatus_to_exitcode(os.waitpid(p, 0)[1]) for p in pids]
    assert codes == [0] * MANY
    curated, drafts = _state(kb_root)
    assert sorted(c["value"] for c in curated) == [600 + i for i in range(MANY)]
    assert len({c["id"] for c in curated}) == MANY  # unique ids, none overwritten
    assert drafts == []
    assert not list((kb_root / "claims").glob(".*.tmp"))


def test_promotes_killed_at_random_lose_nothing(kb_root):
    import random
    import signal
    import time

    records = _many_drafts(kb_root)
    rng = random.Random(7)
    ids = [r["id"] for r in records]
    for round_ in range(12):
        batch = rng.sample(ids, 3)
        pids = [_promote_in_child(kb_root, [i]) for i in batch]
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(pids[rng.randrange(3)], signal.SIGKILL)
        for p in pids:
            os.waitpid(p, 0)
        curated, drafts = _state(kb_root)  # both files whole after every kill
        have = {c["value"] for c in curated} | {d["value"] for d in drafts}
        assert have == {600 + i for i in range(MANY)}, round_
    promote(kb_root, "many", promote_all=True)  # what a kill left in both files is tidied up
    curated, drafts = _state(kb_root)
    assert sorted(c["value"] for c in curated) == [600 + i for i in range(MANY)] and drafts == []
    assert not list((kb_root / "claims").glob(".*.tmp"))  # a killed writer's temporary file is removed


def test_promote_keeps_a_crlf_file_crlf(kb_root, capsys):
    cpath = kb_root / "claims" / f"{SOURCE}.yaml"
    cpath.write_bytes(CURATED.replace("\n", "\r\n").encode("utf-8"))
    doc = _extract(kb_root, capsys)
    dpath = draft_path(kb_root, SOURCE)
    dpath.write_bytes(dpath.read_bytes().replace(b"\n", b"\r\n"))
    ids = {d["raw"]: d["id"] for d in doc["drafts"]}
    promote(kb_root, SOURCE, [ids["up to 700 watts"]])
    for path in (cpath, dpath):
        data = path.read_bytes()
        assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b""), path.name
    assert cpath.read_bytes().startswith(CURATED.replace("\n", "\r\n").encode("utf-8"))
    assert [c["value"] for c in yaml.safe_load(cpath.read_text(encoding="utf-8"))["claims"]] == [405, 700]
    _extract(kb_root, capsys)  # a rerun keeps the draft file CRLF too
    data = dpath.read_bytes()
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_rerun_does_not_bring_back_deleted_drafts_and_keeps_comments(kb_root, capsys):
    doc = _extract(kb_root, capsys)
    path = draft_path(kb_root, SOURCE)
    text = path.read_text(encoding="utf-8")
    tflops = next(d for d in doc["drafts"] if d["raw"] == "60 teraflops")
    # the curator deletes the TFLOPS draft and writes comments between the others
    start = text.index(f"- id: {tflops['id']}")
    end = text.index("- id:", start + 5)
    text = text[:start] + "# curator: 60 TFLOPS is FP16 sparse, dropped\n  " + text[end:]
    text = text.replace(f"- id: {doc['drafts'][2]['id']}", f"# curator: check this range\n  - id: {doc['drafts'][2]['id']}")
    path.write_text(text, encoding="utf-8")
    res = _kb(kb_root, "extract", str(kb_root / "datasets" / "sources" / f"{SOURCE}.txt"), "--write")
    assert res.exit_code == 0 and "1 deleted earlier, not proposed again" in res.output, res.output
    new = path.read_text(encoding="utf-8")
    assert "# curator: 60 TFLOPS is FP16 sparse, dropped" in new and "# curator: check this range" in new
    assert [d["raw"] for d in yaml.safe_load(new)["drafts"]] == ["up to 700 watts", "$0.01 to $0.05 per token"]
    assert new.startswith(text.split("proposed:")[0].rsplit("\n#", 1)[0])  # the curator's part kept as written


def test_rerun_proposes_what_differs_from_a_deleted_draft(kb_root):
    records = _many_drafts(kb_root)
    path = draft_path(kb_root, "many")
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert len(doc["proposed"]) == MANY
    write_drafts(kb_root, "many", [])  # nothing new: the file keeps its drafts
    # delete every draft, then propose the same ones, one with another value at its place
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("drafts:")] + "drafts: []\n" + text[text.index("proposed:"):], encoding="utf-8")
    changed = dict(records[0], value=999)
    w = write_drafts(kb_root, "many", [changed] + records[1:])
    assert (w.new, w.rejected) == (1, MANY - 1)
    assert [d["value"] for d in yaml.safe_load(path.read_text(encoding="utf-8"))["drafts"]] == [999]


# --------------------------------------------------------------------------------------
# The gate: each field's confidence against its own floor, and why a draft stays
# --------------------------------------------------------------------------------------

def _set_guesses(root: Path, guesses: dict) -> None:
    """Set each draft's confidences and evidence by its raw text."""
    path = draft_path(root, SOURCE)
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    for d in doc["drafts"]:
        if d["raw"] in guesses:
            conf, evidence = guesses[d["raw"]]
            d["confidence"], d["evidence"] = dict(conf), dict(evidence)
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")


def test_extract_writes_how_each_guess_was_made_and_promote_drops_it(kb_root, capsys):
    doc = _extract(kb_root, capsys)
    watts = next(d for d in doc["drafts"] if d["raw"] == "up to 700 watts")
    # "the H100 has ... up to 700 watts": the entity is the name before the number
    assert watts["evidence"]["entity"].startswith("before|")
    assert set(watts["evidence"]) <= {"value", "entity", "property"}
    assert "evidence: {" in draft_path(kb_root, SOURCE).read_text(encoding="utf-8")  # one line, like confidence
    promote(kb_root, SOURCE, [watts["id"]])
    added = yaml.safe_load((kb_root / "claims" / f"{SOURCE}.yaml").read_text(encoding="utf-8"))["claims"][-1]
    assert "evidence" not in added and "confidence" not in added


def test_a_weak_entity_stays_with_its_reason_and_a_strong_draft_moves(kb_root, capsys):
    _extract(kb_root, capsys)
    # both reach 0.65 in every field (the one floor before); the entity guessed from a name
    # before the number is below the entity floor, the one read from a table row is not
    _set_guesses(kb_root, {
        "up to 700 watts": ({"value": 0.84, "entity": 0.69, "property": 0.69}, {"entity": "before|sure|kind"}),
        "60 teraflops": ({"value": 0.84, "entity": 0.74, "property": 0.69}, {"entity": "table-row|sure|kind"}),
    })
    result = promote(kb_root, SOURCE)
    assert result.promoted == ["s007-nvidia-h100-peak-throughput"]
    reasons = dict(result.left)
    watts = next(r for i, r in reasons.items() if i.endswith(str(TEXT.index("up to 700"))))
    assert watts == ["entity confidence 0.69 < 0.72 (entity guessed from a name before the number in its sentence)"]
    # the CLI prints it; one floor for all three (the gate before) promotes it
    res = _kb(kb_root, "promote", SOURCE)
    assert res.exit_code == 1 and "guessed from a name before the number" in res.output
    res = _kb(kb_root, "promote", SOURCE, "--min-confidence", "0.65")
    assert "promoted 1 claims" in res.output and "s007-nvidia-h100-tdp" in res.output


def test_one_floor_set_alone_keeps_the_others(kb_root, capsys):
    _extract(kb_root, capsys)
    _set_guesses(kb_root, {
        "up to 700 watts": ({"value": 0.84, "entity": 0.6, "property": 0.45}, {"entity": "previous|contested|kind"}),
        "60 teraflops": ({"value": 0.3, "entity": 0.3, "property": 0.3}, {}),
    })
    left = dict(promote(kb_root, SOURCE).left)
    wid = next(i for i in left if i.endswith(str(TEXT.index("up to 700"))))
    reasons = left[wid]
    assert reasons == ["entity confidence 0.60 < 0.72 (entity guessed from a name in an earlier sentence, "
                       "another name near competing)", "property confidence 0.45 < 0.50"]
    # a lower entity floor: the property's floor still holds it back
    res = _kb(kb_root, "promote", SOURCE, "--min-entity", "0.6")
    assert f"left {wid}: property confidence 0.45 < 0.50\n" in res.output and "nothing promoted" in res.output
    res = _kb(kb_root, "promote", SOURCE, "--min-entity", "0.6", "--min-property", "0.4")
    assert "promoted 1 claims" in res.output
    res = _kb(kb_root, "promote", SOURCE, "--min-entity", "1.5")
    assert res.exit_code == 2 and "Traceback" not in res.output


def test_gate_floors_and_entity_ways():
    from kb.extract.promote import DEFAULT_FLOORS, entity_way, gate_floors

    assert gate_floors() == DEFAULT_FLOORS and gate_floors() is not DEFAULT_FLOORS
    assert gate_floors(0.65) == {"value": 0.65, "entity": 0.65, "property": 0.65}
    assert gate_floors(0.65, {"entity": 0.8, "value": None}) == {"value": 0.65, "entity": 0.8, "property": 0.65}
    for bad in ({"size": 0.5}, {"entity": "high"}, {"entity": 1.2}):
        with pytest.raises(PromoteError):
            gate_floors(None, bad)
    assert entity_way("table-column|sure|kind") == "read from the table column's header"
    assert entity_way("subject|section|kind") == "taken as what the section is about"
    assert entity_way("after|sure|kind|size") == ("guessed from a name after the number, "
                                                 "then the variant of the size written")
    for unknown in ("", None, 7, "nowhere|sure", "|||"):
        assert entity_way(unknown) == ""


def test_cli_help_states_the_default_floors():
    from click.testing import CliRunner

    from kb.cli import main
    from kb.extract.promote import DEFAULT_FLOORS

    out = " ".join(CliRunner().invoke(main, ["promote", "--help"]).output.split())
    assert all(f"{k} {v:g}" in out for k, v in DEFAULT_FLOORS.items())


def test_a_confidence_that_is_not_a_number_holds_a_draft_back(kb_root, capsys):
    _extract(kb_root, capsys)
    _set_guesses(kb_root, {
        "up to 700 watts": ({"value": 0.84, "entity": "high", "property": 0.69}, {"entity": 7}),
        "60 teraflops": ({"value": 0.84, "entity": float("nan"), "property": 0.69}, {}),
    })
    result = promote(kb_root, SOURCE)
    assert not result.promoted
    reasons = sorted(r[0] for _, r in result.left)
    assert reasons[:2] == ["entity confidence 'high' is not a number", "entity confidence nan < 0.72"]
