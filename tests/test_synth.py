"""``kb synth``: a synthetic knowledge base of realistic shape that passes the integrity rules."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from kb.rules.check import check
from kb.store.load import load
from kb.core.records import QUALIFIERS
import kb.rules.content  # noqa: F401  (registers the content rules)
from kb.core.catalogue import RULES
from kb.tools.synth import synthesize

N = 1200


@pytest.fixture(scope="module")
def synth_dir(run_kb, tmp_path_factory):
    out = tmp_path_factory.mktemp("synth") / "kb"
    code, stdout, err = run_kb("synth", "--claims", N, "--out", out)
    assert code == 0, err
    assert f"wrote {N} claims" in stdout
    return out


@pytest.fixture(scope="module")
def synth_kb(synth_dir):
    return load(synth_dir)


def test_exact_number_of_claims(synth_kb):
    assert len(synth_kb.claims) == N
    assert len({c.id for c in synth_kb.claims}) == N


def test_realistic_shape(synth_kb):
    kb = synth_kb
    assert len(kb.sources) >= 20
    per_source = Counter(c.source for c in kb.claims)
    assert max(per_source.values()) <= 100
    assert len(kb.entities) >= 30
    assert {e.kind for e in kb.entities.values()} >= {"gpu", "model", "organisation"}
    assert any(e.family for e in kb.entities.values()) and any(e.variants for e in kb.entities.values())
    assert len(kb.properties) >= 8
    assert len({c.property for c in kb.claims}) >= 8
    assert len({c.unit for c in kb.claims}) >= 15
    assert len({c.entity for c in kb.claims}) >= 30
    assert {c.qualifier for c in kb.claims} == set(QUALIFIERS)
    assert any(c.conditions for c in kb.claims) and any(not c.conditions for c in kb.claims)
    assert any(c.review for c in kb.claims)
    assert len(kb.references) > 0 and len(kb.citations) > 0
    # equivalent units of one property: W and kW; per token, per 1K and per 1M tokens
    units_of = {}
    for c in kb.claims:
        units_of.setdefault(c.property, set()).add(c.unit)
    assert {"W", "kW"} <= units_of["tdp"]
    assert {"USD per 1M tokens", "USD per 1K tokens", "USD/token"} <= units_of["token-price"]


def test_every_claim_normalises(synth_kb):
    for c in synth_kb.claims:
        assert c.ok and c.canonical_low is not None, c.id
    assert not synth_kb.load_findings


def test_check_finds_no_integrity_problem(run_kb, synth_dir):
    code, out, err = run_kb("check", "--root", synth_dir, "--format", "json")
    data = json.loads(out)
    integrity = [f for f in data["findings"] if RULES[f["code"]].kind == "integrity"]
    assert not integrity, integrity[:5]
    assert data["counts"]["error"] == 0
    assert code == 0
    assert data["counts"]["claims"] == N


def test_deliberate_errors_give_content_findings(synth_dir):
    report = check(synth_dir)
    codes = Counter(f.code for f in report.findings)
    assert codes["contradicts-reference"] + codes["conflict"] + codes["implausible"] > 0


def test_deterministic_for_a_seed(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    synthesize(a, 300, seed=7)
    synthesize(b, 300, seed=7)
    synthesize(c, 300, seed=8)
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel
    assert (a / "claims" / "src-000000.yaml").read_bytes() != (c / "claims" / "src-000000.yaml").read_bytes()


def test_small_and_uneven_sizes(tmp_path):
    for n in (1, 51):
        stats = synthesize(tmp_path / str(n), n)
        assert stats["claims"] == n
        kb = load(tmp_path / str(n))
        assert len(kb.claims) == n and not kb.load_findings


def test_refuses_a_non_empty_folder(run_kb, tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "keep.txt").write_text("mine", encoding="utf-8")
    code, out, err = run_kb("synth", "--claims", 10, "--out", tmp_path / "x")
    assert code == 2 and "not empty" in err and "Traceback" not in err
    assert (tmp_path / "x" / "keep.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("n", ["0", "-5", "many"])
def test_bad_claim_count_is_a_usage_error(run_kb, tmp_path, n):
    code, out, err = run_kb("synth", "--claims", n, "--out", tmp_path / "y")
    assert code == 2 and "Traceback" not in err
    assert not (tmp_path / "y").exists()


def test_bench_measures_a_child_process():
    """kb.tools.bench's measuring helper (no timing is asserted: tests are never timed)."""
    import sys

    from kb.tools.bench import PARSE_SCRIPT, Targets, run_measured

    run = run_measured([sys.executable, "-c", "x = bytearray(20_000_000)"])
    assert run.returncode == 0 and run.seconds > 0
    assert run.max_rss >= 20_000_000
    with pytest.raises(RuntimeError, match="exited with 3"):
        run_measured([sys.executable, "-c", "raise SystemExit(3)"])
    t = Targets()
    t.check("a", True, "ok")
    t.check("b", False, "too slow")
    assert t.failed == ["b"]
    compile(PARSE_SCRIPT, "<parse>", "exec")


def test_bench_parse_script_reads_a_synthetic_tree(tmp_path):
    import subprocess
    import sys

    from kb.tools.bench import PARSE_SCRIPT

    synthesize(tmp_path / "kb", 60)
    proc = subprocess.run([sys.executable, "-c", PARSE_SCRIPT, str(tmp_path / "kb")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
