"""The ``kb check`` contract: exit codes, output formats, --fail-fast, --root from anywhere.

Every test runs the real command in a subprocess (``python -m kb``).
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET

import pytest

import kb.rules.content  # noqa: F401  (registers the content rules)
from kb.rules.check import check

TEXT_LINE = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+): (?P<severity>error|warning|info)\[(?P<code>[a-z0-9-]+)\] (?P<message>.+)$")


def _json_roundtrip(report) -> dict:
    return json.loads(json.dumps(report.as_dict(), default=str))


@pytest.fixture(scope="module")
def broken_json(run_kb, broken_root):
    code, out, err = run_kb("check", "--root", broken_root, "--format", "json")
    assert code == 1, err
    return json.loads(out)


def test_json_equals_the_library_report(broken_json, broken_root):
    assert broken_json == _json_roundtrip(check(broken_root))


def test_json_shape(broken_json):
    assert set(broken_json) >= {"ok", "counts", "findings"}
    assert broken_json["ok"] is False
    for f in broken_json["findings"]:
        assert set(f) >= {"code", "severity", "message", "path", "line", "claims", "evidence", "likely_cause"}
    counts = broken_json["counts"]
    assert counts["findings"] == len(broken_json["findings"])
    assert counts["error"] == sum(f["severity"] == "error" for f in broken_json["findings"])
    assert counts["claims"] > 0


def test_json_on_the_real_data_equals_the_library_report(run_kb_process, root):
    """The installed command, in a process of its own, prints the library's report."""
    code, out, err = run_kb_process("check", "--format", "json")
    report = check(root)
    assert code == report.exit_code == 0, err
    assert json.loads(out) == _json_roundtrip(report)


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--format", "yaml"),
        ("check", "--root", "{missing}"),
        ("check", "--no-such-option"),
        ("check", "--root", "{file}"),
        ("export", "--format", "xml"),
        ("nonsense-command",),
    ],
)
def test_exit_code_2_on_usage_errors(run_kb, tmp_path, root, args):
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    args = [a.format(missing=tmp_path / "nowhere", file=tmp_path / "a-file") for a in args]
    code, out, err = run_kb(*args)
    assert code == 2, (out, err)
    assert "Traceback" not in err
    assert err.strip()


def test_exit_code_2_outside_a_project(run_kb, tmp_path):
    code, out, err = run_kb("check", cwd=tmp_path)
    assert code == 2
    assert "no knowledge base" in err and "Traceback" not in err


def test_exit_code_2_when_the_report_cannot_be_written(run_kb, root, tmp_path):
    code, out, err = run_kb("check", "--out", tmp_path / "no-such-dir" / "report.json", "--format", "json")
    assert code == 2
    assert "cannot write" in err and "Traceback" not in err


def test_out_writes_the_report(run_kb, broken_root, tmp_path, broken_json):
    out_file = tmp_path / "report.json"
    code, out, err = run_kb("check", "--root", broken_root, "--format", "json", "--out", out_file)
    assert code == 1 and out == ""
    assert json.loads(out_file.read_text(encoding="utf-8")) == broken_json


def test_out_to_a_pipe_or_device_writes_into_it_and_leaves_it_there(run_kb, broken_root, tmp_path, broken_json):
    """``--out /dev/null`` (as ``make bench`` runs it) or a named pipe: written as it is; the
    atomic rename of a regular file would put a file in the device's place."""
    import os
    import stat
    import threading

    from kb.store.write import atomic_write_bytes

    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, out, err = run_kb("check", "--root", broken_root, "--format", "json", "--out", fifo)
    reader.join(timeout=10)  # (a pipe replaced by a file never gets a writer: the thread waits on)
    assert code == 1 and out == "" and "Traceback" not in err and not reader.is_alive()
    assert stat.S_ISFIFO(fifo.stat().st_mode) and not list(tmp_path.glob(".report.fifo.*"))
    assert json.loads(got[0].decode("utf-8")) == broken_json
    if stat.S_ISCHR(os.stat(os.devnull).st_mode):
        atomic_write_bytes(os.devnull, b"report")
        assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_text_format_lines(run_kb, broken_root, broken_json):
    code, out, err = run_kb("check", "--root", broken_root)
    assert code == 1 and "Traceback" not in err
    lines = out.splitlines()
    finding_lines = [ln for ln in lines if not ln.startswith("    ") and not ln.startswith("checked ")]
    assert len(finding_lines) == len(broken_json["findings"])
    for ln, f in zip(finding_lines, broken_json["findings"]):
        m = TEXT_LINE.match(ln)
        assert m, ln
        assert (m["path"], int(m["line"]), m["severity"], m["code"]) == (f["path"], f["line"], f["severity"], f["code"])
        assert m["message"].startswith(f["message"])
    assert lines[-1].startswith("checked ")
    # Continuation lines carry the likely cause of the finding above them.
    for ln in lines:
        if ln.startswith("    "):
            assert ln.startswith("    likely cause: ")


def test_github_format(run_kb, broken_root, broken_json):
    code, out, err = run_kb("check", "--root", broken_root, "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == len(broken_json["findings"])
    for ln, f in zip(lines, broken_json["findings"]):
        level = {"error": "error", "warning": "warning", "info": "notice"}[f["severity"]]
        assert ln.startswith(f"::{level} file={f['path']},line={f['line']},title={f['code']}::"), ln


def test_junit_format(run_kb, broken_root, broken_json):
    from kb.core.catalogue import RULES

    code, out, err = run_kb("check", "--root", broken_root, "--format", "junit")
    assert code == 1
    suite = ET.fromstring(out)
    cases = suite.findall(".//testcase")
    assert {c.get("name") for c in cases} == set(RULES)
    failures = suite.findall(".//failure")
    assert len(failures) == sum(f["severity"] == "error" for f in broken_json["findings"])
    assert int(suite.get("failures")) == len(failures)


def test_fail_fast_stops_at_the_first_error(run_kb, broken_root, broken_json):
    code, out, err = run_kb("check", "--root", broken_root, "--fail-fast", "--format", "json")
    assert code == 1
    data = json.loads(out)
    errors = [f for f in data["findings"] if f["severity"] == "error"]
    assert len(errors) == 1
    assert len(data["findings"]) < len(broken_json["findings"])
    full = {(f["path"], f["line"], f["code"]) for f in broken_json["findings"]}
    assert {(f["path"], f["line"], f["code"]) for f in data["findings"]} <= full
    assert data == _json_roundtrip(check(broken_root, fail_fast=True))


def test_fail_fast_on_clean_data_is_a_full_check(run_kb, root):
    code, out, err = run_kb("check", "--fail-fast", "--format", "json", "--root", root, cwd=root / "datasets" / "sources")
    assert code == 0
    assert json.loads(out)["findings"] == _json_roundtrip(check(root))["findings"]


def test_root_is_found_from_a_subfolder(run_kb, root):
    code, out, err = run_kb("check", "--format", "json", cwd=root / "kb")
    assert code == 0, err
    assert json.loads(out) == _json_roundtrip(check(root))
    assert json.loads(out)["counts"]["claims"] > 0


def test_root_of_the_broken_tree_is_found_from_its_claims_folder(run_kb, broken_root, broken_json):
    code, out, err = run_kb("check", "--format", "json", cwd=broken_root / "claims")
    assert code == 1
    assert json.loads(out) == broken_json


def test_relative_root(run_kb, root, broken_json):
    code, out, err = run_kb("check", "--root", "broken", "--format", "json", cwd=root / "tests" / "fixtures")
    assert code == 1
    assert json.loads(out) == broken_json


def test_strict_fails_on_unreviewed_content_findings(run_kb, tmp_path, broken_root):
    # Only the content case of the broken tree: integrity is clean, content findings remain.
    proj = tmp_path / "p"
    shutil.copytree(broken_root, proj)
    keep = {"content.yaml", "good.yaml"}
    for p in (proj / "claims").iterdir():
        if p.name not in keep:
            p.unlink()
    for folder in ("entities", "properties", "references"):
        for p in (proj / "datasets" / folder).iterdir():
            if p.name != "core.yaml":
                p.unlink()
    for p in (proj / "datasets" / "sources").iterdir():
        if p.stem not in {"good", "content"}:
            p.unlink()
    code, out, err = run_kb("check", "--root", proj, "--format", "json")
    data = json.loads(out)
    assert code == 0, out
    assert data["counts"]["error"] == 0 and data["counts"]["unreviewed_content"] > 0
    code, out, err = run_kb("check", "--root", proj, "--strict")
    assert code == 1


def test_version_and_help(run_kb_process, run_kb):
    code, out, err = run_kb_process("--version")
    assert code == 0 and "kb" in out
    code, out, err = run_kb("check", "--help")
    assert code == 0 and "--root" in out and "--fail-fast" in out


def test_vet_help_states_the_gate_vet_uses(run_kb):
    """The help writes the check gate out (the CLI does not import the vet module to start up
    fast): it must say the gate kb vet applies."""
    from kb.extract.vet import DEFAULT_MIN_CONFIDENCE

    code, out, err = run_kb("vet", "--help")
    assert code == 0 and f"(default {DEFAULT_MIN_CONFIDENCE:g}," in " ".join(out.split())
