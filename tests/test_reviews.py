"""Reviews bound to what they judged: fingerprints, stale reviews, `kb review`, safe concurrent writes."""

from __future__ import annotations

import multiprocessing
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kb.core.records import fingerprint
from kb.rules.check import check
from kb.store.load import load
from kb.store.reviews import write_review

ROOT = Path(__file__).resolve().parents[1]
SEED = "claims/000_f7fd7c52cf5c4f3d.yaml"


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the knowledge base's data (claims and datasets)."""
    for d in ("claims", "datasets"):
        shutil.copytree(ROOT / d, tmp_path / d, ignore=shutil.ignore_patterns(".kb-write.lock", "*.draft.yaml"))
    return tmp_path


def _set_value(path: Path, claim_id: str, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {claim_id}\n")
    end = text.find("\n  - id:", start + 1)
    block = text[start:end]
    assert f"value: {old}\n" in block
    path.write_text(text[:start] + block.replace(f"value: {old}\n", f"value: {new}\n") + text[end:], encoding="utf-8")


def test_every_review_of_the_real_knowledge_base_is_bound_and_current():
    kb = load(ROOT)
    reviewed = [c for c in kb.claims if c.review is not None]
    assert len(reviewed) > 100
    stale = [c.id for c in reviewed if not c.review.current]
    assert not stale, stale


def test_a_changed_value_makes_its_review_stale_and_strict_fail(project, run_kb):
    assert check(project, strict=True).ok or check(project).unreviewed_content  # the baseline check runs
    _set_value(project / SEED, "s000-h100-tdp", "700", "750")
    rep = check(project, strict=True)
    stale = [f for f in rep.findings if f.code == "review-stale"]
    assert [f.claims for f in stale] == [("s000-h100-tdp",)]
    assert stale[0].path == SEED and "judged another version" in stale[0].message
    assert not rep.ok
    code, out, _ = run_kb("check", "--root", project, "--strict")
    assert code == 1 and "review-stale" in out
    # a finding about the changed claim is not reviewed any more
    about = [f for f in rep.findings if "s000-h100-tdp" in f.claims and f.code != "review-stale"]
    assert about and not any(f.reviewed for f in about)


def test_kb_review_writes_a_bound_review_and_changes_nothing_else(project, run_kb):
    path = project / SEED
    before = path.read_text(encoding="utf-8")
    _set_value(path, "s000-h100-tdp", "700", "750")
    code, out, err = run_kb("review", "s000-h100-tdp", "--verdict", "wrong", "--note", "750 W is no H100's TDP.",
                            "--reviewer", "tester", "--root", project)
    assert code == 0, err
    assert "replaced the review of s000-h100-tdp" in out
    after = path.read_text(encoding="utf-8")
    # only the value line and the review block differ
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert len(before.splitlines()) == len(after.splitlines())
    assert all(re.match(r"\s+(value|verdict|note|date|reviewer|fingerprint):", b) for _, b in changed), changed
    kb = load(project)
    c = kb.claims_by_id["s000-h100-tdp"]
    assert c.review.verdict == "wrong" and c.review.current and c.review.fingerprint == fingerprint(c)
    assert check(project, strict=True).findings == check(project).findings
    assert not [f for f in check(project).findings if f.code == "review-stale"]


def test_kb_review_adds_a_review_and_keeps_crlf_and_comments(project):
    path = project / SEED
    text = path.read_text(encoding="utf-8")
    crlf = text.replace("\n", "\r\n")
    path.write_bytes(crlf.encode("utf-8"))
    kb = load(project)
    target = next(c for c in kb.claims if c.source == "000_f7fd7c52cf5c4f3d" and c.review is None)
    w = write_review(project, target.id, "unverifiable", 'A note with "quotes" and a colon: here.', None)
    assert not w.replaced
    raw = path.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    new_text = raw.decode("utf-8").replace("\r\n", "\n")
    assert all(line in new_text for line in text.splitlines() if line.lstrip().startswith("#"))
    c = load(project).claims_by_id[target.id]
    assert c.review.note == 'A note with "quotes" and a colon: here.' and c.review.current


def test_confirm_keeps_the_verdict_for_the_claim_as_it_is_now(project, run_kb):
    _set_value(project / SEED, "s000-h100-tdp", "700", "750")
    code, out, err = run_kb("review", "s000-h100-tdp", "--confirm", "--root", project)
    assert code == 0, err
    c = load(project).claims_by_id["s000-h100-tdp"]
    assert c.review.verdict == "correct" and c.review.current


@pytest.mark.parametrize("args, words", [
    (["review", "no-such-claim", "--verdict", "wrong", "--note", "n"], "no claim"),
    (["review", "s000-h100-tdp", "--verdict", "wrong"], "--note"),
    (["review", "s000-h100-tdp", "--note", "   ", "--verdict", "wrong"], "note"),
    (["review"], "name the claim"),
    (["review", "s000-llms-context-window", "--confirm"], "no review to confirm"),
])
def test_review_usage_errors_are_messages_not_tracebacks(project, run_kb, args, words):
    code, out, err = run_kb(*args, "--root", project)
    assert code == 2 and words in err and "Traceback" not in err


def test_pending_lists_what_needs_a_verdict(project, run_kb):
    _set_value(project / SEED, "s000-h100-tdp", "700", "750")
    code, out, err = run_kb("review", "--pending", "--root", project)
    assert code == 0
    assert "review-stale: s000-h100-tdp" in out
    assert re.search(r"^\d+ findings need a review$", out, re.M)


def _review_one(args):
    root, claim_id = args
    write_review(Path(root), claim_id, "unverifiable", f"parallel review of {claim_id}", "proc")
    return claim_id


@pytest.mark.slow
def test_twenty_parallel_reviews_of_one_file_lose_nothing(project, monkeypatch):
    # each writer holds the lock for a load of the knowledge base: on a shared, loaded machine
    # twenty in a row can outwait the default minute; what is tested is that none is lost
    monkeypatch.setenv("KB_LOCK_TIMEOUT", "900")
    kb = load(project)
    ids = [c.id for c in kb.claims if c.path == "claims/r01-training-cost-index.yaml"][:20]
    assert len(ids) == 20
    with multiprocessing.get_context("spawn").Pool(8) as pool:
        done = pool.map(_review_one, [(str(project), i) for i in ids])
    assert sorted(done) == sorted(ids)
    after = load(project)
    for i in ids:
        r = after.claims_by_id[i].review
        assert r is not None and r.note == f"parallel review of {i}" and r.current, i
    assert not list((project / "claims").glob(".*.tmp"))
    assert len(after.claims) == len(kb.claims)


KILLER = """
import sys, time
from pathlib import Path
import kb.store.write as w
real = w.atomic_write_bytes
def slow(path, data):
    # write half, then stall, so the parent can kill us mid-write
    import os, tempfile
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.write(fd, data[: len(data) // 2])
    print("writing", flush=True)
    time.sleep(30)
w.atomic_write_bytes = slow
from kb.store import reviews
reviews.atomic_write_text = lambda p, t: slow(p, t.encode())
reviews.write_review(Path(sys.argv[1]), sys.argv[2], "wrong", "killed while writing", None)
"""


def test_a_writer_killed_mid_write_loses_nothing_and_leaves_nothing(project):
    path = project / SEED
    before = path.read_bytes()
    proc = subprocess.Popen([sys.executable, "-c", KILLER, str(project), "s000-h100-tdp"], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "writing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert path.read_bytes() == before  # the file is whole
    assert list((project / "claims").glob(".*.tmp"))  # the killed writer's temporary file
    write_review(project, "s000-h100-tdp", "correct", "after the crash", None)
    assert not list((project / "claims").glob(".*.tmp"))  # cleaned up by the next writer
    assert load(project).claims_by_id["s000-h100-tdp"].review.note == "after the crash"


def test_the_lock_wait_is_set_by_kb_lock_timeout(tmp_path, monkeypatch):
    from kb.errors import WriteError
    from kb.store.write import locked

    monkeypatch.setenv("KB_LOCK_TIMEOUT", "0.2")
    with locked(tmp_path):
        with pytest.raises(WriteError, match=r"locked by another kb command \(waited 0.2 s\)"):
            with locked(tmp_path):
                pass
    monkeypatch.setenv("KB_LOCK_TIMEOUT", "not a number")   # falls back to the default minute
    with locked(tmp_path):
        pass
