"""The bad-input corpus: tests/badinput/<case>/ overlays a small valid project (_base) with
the files of one case; the lines that must get findings say so (`# expect: <code>`), and a
case's CASE file says what it is about, the symbolic links to make, and the findings of
files that cannot carry a comment. Every case is checked in every output format, which must
stay well-formed: JSON without NaN or Infinity, JUnit parsed by an XML parser, one text line
per finding."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from expectations import MARKER, diff
from kb.rules.check import check

HERE = Path(__file__).with_name("badinput")
CASES = sorted(p.name for p in HERE.iterdir() if p.is_dir() and not p.name.startswith("_"))


def _build(case: str, dest: Path) -> tuple[Path, list[tuple[str, int, str]], str]:
    shutil.copytree(HERE / "_base", dest)
    src = HERE / case
    expected = []
    for p in sorted(src.rglob("*")):
        rel = p.relative_to(src).as_posix()
        if p.is_dir() or rel == "CASE":
            continue
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(p, target)
        for n, line in enumerate(p.read_bytes().split(b"\n"), 1):
            m = MARKER.search(line)
            if m:
                expected += [(rel, n, c.strip()) for c in m.group(1).decode().split(",")]
    doc = ""
    for line in (src / "CASE").read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            doc = line[2:]
        elif line.startswith("link "):
            link, target = line[5:].split(" -> ")
            (dest / link).parent.mkdir(parents=True, exist_ok=True)
            (dest / link).symlink_to(target)
        elif line.startswith("expect "):
            m = re.fullmatch(r"expect (\S+):(\d+): ([a-z-]+)", line)
            expected.append((m[1], int(m[2]), m[3]))
    return dest, sorted(expected), doc


def test_the_corpus_is_large_and_the_base_is_clean(tmp_path):
    assert len(CASES) >= 40
    rep = check(shutil.copytree(HERE / "_base", tmp_path / "base"))
    assert rep.counts["claims"] == 1 and rep.findings == []


@pytest.mark.parametrize("case", CASES)
def test_bad_input_gets_exactly_its_findings(case, tmp_path):
    root, expected, doc = _build(case, tmp_path / "kb")
    assert doc, f"{case}: CASE says nothing about the case"
    assert expected or case.startswith("implausible-"), f"{case}: no expected finding"
    rep = check(root)
    actual = sorted((f.path, f.line, f.code) for f in rep.findings)
    assert actual == expected, f"{case} ({doc})\n" + diff(expected, actual)
    for fmt in ("text", "json", "junit", "github"):
        _well_formed(rep, fmt)


def _reject(name):
    raise ValueError(f"{name} is not JSON")


def _well_formed(rep, fmt: str) -> None:
    out = rep.render(fmt)
    if fmt == "json":
        data = json.loads(out, parse_constant=_reject)
        assert len(data["findings"]) == len(rep.findings)
    elif fmt == "junit":
        tree = ET.fromstring(out.encode("utf-8"))
        assert tree.tag == "testsuites"
        failures = [f for f in rep.findings if f.severity == "error"]
        assert int(tree.get("failures")) == len(failures)
    elif fmt == "text":
        lines = out.splitlines()
        finding_lines = [l for l in lines if re.match(r"^\S+: (error|warning|info)\[", l)]
        assert len(finding_lines) == len(rep.findings)
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", out)
    else:
        assert len(out.splitlines()) == len(rep.findings)


HOSTILE_NAMES = [
    "GPU\nclaims/s.yaml:1: error[schema] forged",
    "GPU \x1b[31mred\x1b[0m \x07 bell",
    "GPU \u2028 line \u202e reversed",
    "GPU ]]></failure><x>&amp;",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_what_the_data_says_cannot_forge_output(name, tmp_path):
    """An entity name with a newline, control characters, bidi overrides or XML cannot add a
    finding line, break the XML or reach the terminal raw; the exit code stays honest."""
    root = shutil.copytree(HERE / "_base", tmp_path / "kb")
    ents = root / "datasets" / "entities" / "e.yaml"
    ents.write_text(ents.read_text(encoding="utf-8").replace("name: NVIDIA H100 SXM,", f"name: {json.dumps(name)},"),
                    encoding="utf-8")
    claims = root / "claims" / "s.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("value: 700", "value: 650").replace(
        "qualifier: upper_bound", "qualifier: exact"), encoding="utf-8")  # a contradiction naming the entity, an error
    rep = check(root)
    assert [f.code for f in rep.findings] == ["contradicts-reference", "quote-value"] and rep.exit_code == 1
    assert any(name in f.message for f in rep.findings)
    for fmt in ("text", "json", "junit", "github"):
        _well_formed(rep, fmt)
    text = rep.render("text")
    assert not [line for line in text.splitlines() if line.startswith("claims/s.yaml:1: error")]
    assert "\x1b" not in text and "\u202e" not in text and "\u2028" not in text
    assert json.loads(rep.render("json"))["findings"][0]["message"] == rep.findings[0].message


def test_a_folder_that_is_not_a_knowledge_base_is_refused(run_kb, tmp_path):
    (tmp_path / "notes").mkdir()
    code, out, err = run_kb("check", "--root", tmp_path, "--format", "json")
    assert code == 2 and out == "" and "not a knowledge base" in err and "Traceback" not in err


@pytest.mark.parametrize("errno_name", ["ENOSPC", "EROFS"])
def test_add_source_on_a_full_or_read_only_disk(run_kb, tmp_path, monkeypatch, errno_name):
    import errno
    import os

    root = shutil.copytree(HERE / "_base", tmp_path / "kb")
    article = tmp_path / "article.txt"
    article.write_text("The H200 draws up to 700 W.\n", encoding="utf-8")

    def full(*_a, **_k):
        raise OSError(getattr(errno, errno_name), os.strerror(getattr(errno, errno_name)))

    monkeypatch.setattr(os, "link", full)
    code, out, err = run_kb("add-source", article, "--title", "T", "--publisher", "P", "--root", root)
    assert code == 2 and "Traceback" not in err
    assert os.strerror(getattr(errno, errno_name)) in err and "datasets/sources/article.txt" in err
    assert not list((root / "datasets" / "sources").glob("article*")) and not list((root / "datasets" / "sources").glob(".*tmp"))
