"""check85: ``python -m kb check`` leaves its report alive for the process's exit (the same
output and exit code, nothing kept for in-process callers); kb.tools.checktime's steps, timed
one by one, give the very report ``kb check`` gives, on a part of the real knowledge base and
on a broken copy of it, and name every rule that runs."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kb.rules import CONTENT_CHECKS, INTEGRITY_CHECKS, REVIEW_CHECKS
from kb.rules.check import check
from kb.tools import checktime

ROOT = Path(__file__).resolve().parents[1]


def _part(root: Path) -> Path:
    """The vocabulary, the sources, the four smallest claims files and three reference files."""
    shutil.copytree(ROOT / "datasets", root / "datasets", ignore=shutil.ignore_patterns("references"))
    for top, n in (("claims", 4), ("datasets/references", 3)):
        (root / top).mkdir(parents=True)
        for p in sorted((ROOT / top).glob("*.yaml"), key=lambda p: (p.stat().st_size, p.name))[:n]:
            shutil.copy(p, root / top / p.name)
    return root


def _broken(root: Path) -> Path:
    """The part with a YAML error in a new claims file, an unknown unit and a quote that is not
    in its source."""
    _part(root)
    (root / "claims" / "zz_broken.yaml").write_text("claims: [\n  - id: x\n", encoding="utf-8")
    files = sorted((root / "claims").glob("*.yaml"))
    text = files[0].read_text(encoding="utf-8")
    text, n_unit = re.subn(r"(?m)^(\s+unit:\s*).+$", r"\1florps per widget", text, count=1)
    text, n_quote = re.subn(r"(?m)^(\s+quote:\s*).+$", r"\1'a sentence no article wrote 123'", text, count=1)
    assert n_unit == 1 and n_quote == 1
    files[0].write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("make,fmt", [(_part, "json"), (_broken, "text")], ids=["part", "broken"])
def test_the_timed_steps_give_the_checks_own_report(tmp_path, monkeypatch, make, fmt):
    monkeypatch.setenv("KB_NO_PARSE_CACHE", "1")
    root = make(tmp_path / "kb")
    timed, report, text = checktime.steps(root, fmt)
    plain = check(root)
    assert text == plain.render(fmt)
    assert [f.as_dict() for f in report.findings] == [f.as_dict() for f in plain.findings]
    assert report.exit_code == plain.exit_code
    if make is _broken:  # the broken copy is reported, not raised
        codes = {f.code for f in plain.findings if f.severity == "error"}
        assert len(codes) >= 2 and plain.exit_code == 1


def test_every_rule_is_a_step_of_its_own_and_the_times_add_up(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KB_NO_PARSE_CACHE", "1")
    root = _part(tmp_path / "kb")
    timed, _, _ = checktime.steps(root)
    names = [n for n, _ in timed]
    for group, rules in (("integrity", INTEGRITY_CHECKS), ("content", CONTENT_CHECKS), ("reviews", REVIEW_CHECKS)):
        for _rule, fn in rules:
            assert f"{group}: {fn.__name__}" in names
    assert names[0].startswith("imports") and names[1] == "load" and names[-1] == "render json"
    assert all(s >= 0 for _, s in timed)
    assert checktime.main(["--root", str(root)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(timed) + 1 and lines[-1].startswith("total")
    total = float(lines[-1].split()[-2])
    assert total == pytest.approx(sum(float(x.split()[-3]) for x in lines[:-1]), abs=0.01)


#: ``python -m kb`` as kb/__main__.py runs it, with a probe left beside the report: an object
#: that says so on stderr when it is freed
_PROBED_RUN = """\
import sys
import kb.cli

class Probe:
    def __del__(self):
        sys.stderr.write("probe freed\\n")

kept = kb.cli._left_for_exit

def left(obj):
    kept(obj)
    kept(Probe())

kb.cli._left_for_exit = left
kb.cli.run()
"""


@pytest.mark.parametrize("make", [_part, _broken], ids=["part", "broken"])
def test_python_m_kb_check_leaves_its_report_for_the_exit_with_the_same_output(tmp_path, monkeypatch, make):
    monkeypatch.setenv("KB_NO_PARSE_CACHE", "1")
    root = make(tmp_path / "kb")
    env = dict(os.environ, KB_NO_PARSE_CACHE="1", PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", _PROBED_RUN, "check", "--root", str(root), "--format", "json"],
                          env=env, capture_output=True, text=True, cwd=ROOT)
    plain = check(root)
    assert proc.returncode == plain.exit_code
    assert proc.stdout == plain.render("json")
    assert "Traceback" not in proc.stderr
    assert "probe freed" not in proc.stderr  # kept to the very end: never taken apart


def test_in_process_callers_keep_nothing(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import kb.cli

    monkeypatch.setenv("KB_NO_PARSE_CACHE", "1")
    root = _part(tmp_path / "kb")
    monkeypatch.setattr(kb.cli, "_KEPT", None)
    result = CliRunner().invoke(kb.cli.main, ["check", "--root", str(root), "--format", "json"])
    assert result.exit_code == check(root).exit_code
    assert kb.cli._KEPT is None
    kb.cli._left_for_exit(object())  # outside run(): nothing is held
    assert kb.cli._KEPT is None
