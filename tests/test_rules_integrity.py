"""The broken fixture tree against its golden list of (path, line, code).

``tests/fixtures/broken/`` is a small complete project with one case per rule and every bad
input the checker must survive; ``tests/golden/broken.txt`` lists one ``path:line:code`` per
expected finding. The comparison is exact: a lost finding or a new one fails.

To regenerate the golden list after a deliberate change, run
``KB_UPDATE_GOLDEN=1 python -m pytest tests/test_rules_integrity.py`` and review the diff.
"""

from __future__ import annotations

import os
import re

import pytest

import kb.rules.check  # noqa: F401  (registers the integrity rules)
import kb.rules.content  # noqa: F401  (registers the content rules)
from kb.rules.check import check
from kb.store.load import load
from kb.core.records import SEVERITIES
from kb.rules.integrity import RULES

from conftest import GOLDEN


def _parse_golden() -> list[tuple[str, int, str]]:
    out = []
    for n, raw in enumerate(GOLDEN.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        m = re.fullmatch(r"(?P<path>[^:]+):(?P<line>\d+):(?P<code>[a-z0-9-]+)", line)
        assert m, f"{GOLDEN.name}:{n}: not 'path:line:code': {raw!r}"
        out.append((m["path"], int(m["line"]), m["code"]))
    return out


@pytest.fixture(scope="module")
def report(broken_root):
    return check(broken_root)


@pytest.fixture(scope="module")
def actual(report) -> list[tuple[str, int, str]]:
    return sorted((f.path, f.line, f.code) for f in report.findings)


def test_golden_list_matches_exactly(actual):
    if os.environ.get("KB_UPDATE_GOLDEN"):
        GOLDEN.write_text("".join(f"{p}:{n}:{c}\n" for p, n, c in actual), encoding="utf-8")
    golden = _parse_golden()
    missing = sorted(set(golden) - set(actual))
    unexpected = sorted(set(actual) - set(golden))
    assert not missing and not unexpected and golden == actual, (
        "findings differ from tests/golden/broken.txt\n"
        + "".join(f"  lost: {p}:{n}:{c}\n" for p, n, c in missing)
        + "".join(f"  new:  {p}:{n}:{c}\n" for p, n, c in unexpected)
        + ("  (same set, different multiplicity)\n" if not missing and not unexpected else "")
    )


def test_golden_file_is_sorted():
    golden = _parse_golden()
    assert golden == sorted(golden), "keep tests/golden/broken.txt sorted by (path, line, code)"


def test_every_registered_rule_has_a_failing_fixture():
    codes = {c for _, _, c in _parse_golden()}
    uncovered = sorted(set(RULES) - codes)
    assert not uncovered, f"rules with no case in the broken fixture tree: {uncovered}"


def test_golden_names_only_registered_rules():
    unknown = sorted({c for _, _, c in _parse_golden()} - set(RULES))
    assert not unknown, f"golden list names codes that are not rules: {unknown}"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_is_documented(rule_id):
    r = RULES[rule_id]
    assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", r.id), "rule ids are stable kebab-case"
    assert r.fn.__doc__ and r.fn.__doc__.strip(), f"rule {rule_id} has no docstring"
    assert r.doc.strip() and r.summary.strip(), f"rule {rule_id} has an empty summary"
    assert r.severity in SEVERITIES
    assert r.kind in ("integrity", "content")


def test_integrity_findings_are_errors_and_content_findings_are_not(report):
    for f in report.findings:
        if RULES[f.code].kind == "integrity":
            assert f.severity == "error", f
        else:
            assert f.severity != "error", f


def test_every_finding_has_a_path_and_a_line(report, broken_root):
    for f in report.findings:
        assert f.path and not f.path.startswith("/") and ".." not in f.path.split("/"), f
        assert (broken_root / f.path).is_file(), f
        assert isinstance(f.line, int) and f.line >= 1, f
        assert f.message.strip(), f
        n_lines = (broken_root / f.path).read_bytes().count(b"\n") + 1
        assert f.line <= n_lines, f


VALID_FILES = [
    "claims/good.yaml",
    "datasets/conditions.yaml",
    "datasets/entities/core.yaml",
    "datasets/properties/core.yaml",
    "datasets/references/core.yaml",
    "datasets/sources/good.yaml",
    "datasets/sources/bad.yaml",
    "datasets/sources/content.yaml",
]


def test_valid_files_produce_no_finding(report, broken_root):
    for rel in VALID_FILES:
        assert (broken_root / rel).is_file(), rel
    hits = [f"{f.path}:{f.line}: {f.code} {f.message}" for f in report.findings if f.path in VALID_FILES]
    assert not hits, "\n".join(hits)


def test_valid_claims_are_loaded_and_normalised(broken_root):
    kb = load(broken_root)
    good = [c for c in kb.claims if c.path == "claims/good.yaml"]
    assert len(good) == 16
    for c in good:
        assert c.ok, c.id
        if isinstance(c.value, str):  # categorical
            assert c.canonical_low is None
            continue
        assert c.canonical_low is not None and c.canonical_high is not None, c.id
        assert c.canonical_low <= c.canonical_high
        assert c.canonical_unit == kb.properties[c.property].canonical_unit


def test_drafts_are_never_loaded(report, broken_root):
    assert (broken_root / "claims" / "proposals.draft.yaml").is_file()
    assert not [f for f in report.findings if "draft" in f.path]


def test_one_broken_file_never_hides_the_others(report):
    """Files with syntax errors are skipped; every other file is still read and checked."""
    paths = {f.path for f in report.findings}
    assert {"claims/malformed.yaml", "claims/alias-bomb.yaml", "claims/latin1.yaml",
            "datasets/references/broken.yaml"} <= paths
    c = report.counts
    assert c["claims"] >= 40 and c["references"] >= 2 and c["sources"] >= 6
    assert c["entities"] >= 10 and c["properties"] >= 9
    # Findings come from many files, for several rules each.
    assert len(paths) >= 15


# The bad inputs the issue lists, each with the finding it must get (path, line, code).
BAD_INPUTS = [
    ("malformed YAML", "claims/malformed.yaml", 7, "yaml-syntax"),
    ("malformed YAML in a dataset file", "datasets/references/broken.yaml", 6, "yaml-syntax"),
    ("a YAML alias bomb", "claims/alias-bomb.yaml", 3, "yaml-syntax"),
    ("a file that is not UTF-8", "claims/latin1.yaml", 5, "yaml-syntax"),
    ("a record that is not a mapping", "claims/bad.yaml", 5, "schema"),
    ("a file that is not a mapping", "claims/not-a-mapping.yaml", 1, "schema"),
    ("an entity that is not a mapping", "datasets/entities/extra.yaml", 23, "schema"),
    ("a missing field (entity)", "claims/bad.yaml", 7, "schema"),
    ("a missing field (value)", "claims/bad.yaml", 17, "schema"),
    ("a missing field (id)", "claims/bad.yaml", 27, "schema"),
    ("a missing field (unit)", "claims/bad.yaml", 35, "schema"),
    ("a string where a number belongs", "claims/bad.yaml", 48, "schema"),
    ("NaN", "claims/bad.yaml", 59, "schema"),
    ("infinity", "claims/bad.yaml", 70, "schema"),
    ("a negative amount", "claims/bad.yaml", 81, "schema"),
    ("an unknown unit", "claims/bad.yaml", 93, "unit-unknown"),
    ("a bare '$'", "claims/bad.yaml", 104, "unit-unknown"),
    ("a unit of the wrong dimension", "claims/bad.yaml", 115, "unit-dimension"),
    ("'per 1M tokens' is not a price", "claims/bad.yaml", 126, "unit-dimension"),
    ("a quote that is not in its source", "claims/bad.yaml", 140, "quote-not-found"),
    ("a quote at the wrong offsets", "claims/bad.yaml", 151, "quote-not-found"),
    ("a source text edited after registration", "datasets/sources/edited.yaml", 8, "source-hash-mismatch"),
    ("a source path that points outside the project", "datasets/sources/escape.yaml", 8, "source-path"),
    ("a source text that is not UTF-8", "datasets/sources/latin1.yaml", 1, "source-path"),
    ("a source text that is missing", "datasets/sources/missing-text.yaml", 1, "source-path"),
    ("an unknown entity", "claims/bad.yaml", 156, "unknown-entity"),
    ("an unknown property", "claims/bad.yaml", 168, "unknown-property"),
    ("an unknown source", "claims/ghost.yaml", 2, "unknown-source"),
    ("a condition key the property does not take", "claims/bad.yaml", 183, "unknown-condition"),
    ("a condition value the key does not allow", "claims/bad.yaml", 194, "unknown-condition"),
    ("a duplicate claim id", "claims/bad.yaml", 332, "duplicate-id"),
    ("a duplicate entity id", "datasets/entities/extra.yaml", 3, "duplicate-id"),
    ("a duplicate key in one record", "claims/bad.yaml", 281, "schema"),
]


@pytest.mark.parametrize("what,path,line,code", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_gets_a_finding_with_path_and_line(report, what, path, line, code):
    hits = [f for f in report.findings if (f.path, f.line, f.code) == (path, line, code)]
    assert hits, f"{what}: no {code} finding at {path}:{line}"
    assert all(f.severity == "error" for f in hits)


def test_alias_bomb_is_refused_without_expanding(broken_root):
    from kb.store.load import read_yaml
    from kb.core.records import KnowledgeBase

    kb = KnowledgeBase(root=broken_root)
    assert read_yaml(kb, broken_root / "claims" / "alias-bomb.yaml") is None
    assert [(i.code, i.line) for i in kb.issues] == [("yaml-syntax", 3)]
    assert "alias" in kb.issues[0].message


def test_findings_are_deterministic(broken_root, report):
    again = check(broken_root)
    assert [f.as_dict() for f in again.findings] == [f.as_dict() for f in report.findings]
