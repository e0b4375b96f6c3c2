"""The broken fixture tree against the findings its files expect.

``tests/fixtures/broken/`` is a small complete project with one case per rule and every bad
input the checker must survive. Each line that must get a finding says so in a comment,
``# expect: <code>`` (see tests/expectations.py); the comparison is exact: a lost finding
or a new one fails, and the expectations move with the lines they mark.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from expectations import diff, expected_findings
from kb.core.catalogue import RULES, SEVERITIES
from kb.rules import CONTENT_CHECKS, INTEGRITY_CHECKS, REVIEW_CHECKS
from kb.rules.check import check
from kb.store import yamlnodes
from kb.store.load import load


@pytest.fixture(scope="module")
def report(broken_root):
    return check(broken_root)


@pytest.fixture(scope="module")
def actual(report) -> list[tuple[str, int, str]]:
    return sorted((f.path, f.line, f.code) for f in report.findings)


@pytest.fixture(scope="module")
def expected(broken_root) -> list[tuple[str, int, str]]:
    return expected_findings(broken_root)


def test_findings_are_exactly_the_expected_ones(actual, expected):
    assert len(expected) >= 60
    assert actual == expected, "findings differ from the # expect: markers\n" + diff(expected, actual)


def test_every_rule_has_a_failing_fixture(expected):
    uncovered = sorted(set(RULES) - {c for _, _, c in expected})
    assert not uncovered, f"rules with no case in the broken fixture tree: {uncovered}"


def test_markers_name_only_rules_of_the_catalogue(expected):
    unknown = sorted({c for _, _, c in expected} - set(RULES))
    assert not unknown, f"markers name codes that are not rules: {unknown}"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_is_documented(rule_id):
    r = RULES[rule_id]
    assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", r.id), "rule ids are stable kebab-case"
    assert r.title.strip() and r.doc.strip(), f"rule {rule_id} has no documentation"
    assert r.severity in SEVERITIES
    assert r.kind in ("integrity", "content") and r.stage in ("load", "check")


def test_every_check_runs_under_a_catalogue_rule():
    listed = [r for r, _ in (*INTEGRITY_CHECKS, *CONTENT_CHECKS, *REVIEW_CHECKS)]
    assert all(r is RULES[r.id] for r in listed)
    assert {r.id for r in listed if r.kind == "content"} == {r.id for r in RULES.values() if r.kind == "content"}


def test_a_code_outside_the_catalogue_cannot_be_emitted():
    from kb.core.findings import Finding

    with pytest.raises(ValueError, match="catalogue"):
        Finding("schmea", "error", "a misspelled code", "claims/x.yaml", 1)


def test_junit_cases_do_not_depend_on_what_was_imported(tmp_path, broken_root):
    """The same check renders the same JUnit test cases in a fresh interpreter."""
    code = ("import sys; from kb.rules.check import check; "
            "sys.stdout.write(check(sys.argv[1]).render('junit'))")
    fresh = subprocess.run([sys.executable, "-c", code, str(broken_root)], capture_output=True, text=True, check=True)
    here = check(broken_root).render("junit")
    cases = re.compile(r'<testcase classname="kb.rules" name="([^"]+)"')
    assert cases.findall(fresh.stdout) == cases.findall(here) == list(RULES)


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


def test_messages_never_show_python_class_names(report):
    for f in report.findings:
        assert not re.search(r"Marked|NoneType|<class|\bdict\b|\bstr\b|\bint\b|\bfloat\b|Unusual", f.message), f


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
            assert c.interval is None
            continue
        assert c.interval is not None, c.id
        assert c.interval.low <= c.interval.high
        assert c.interval.unit == kb.properties[c.property].canonical_unit


def test_records_are_frozen(broken_root):
    import dataclasses

    kb = load(broken_root)
    with pytest.raises(dataclasses.FrozenInstanceError):
        kb.claims[0].value = 1.0  # type: ignore[misc]


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
    assert len(paths) >= 15


def test_alias_bomb_is_refused_without_expanding(broken_root):
    with pytest.raises(yamlnodes.YamlProblem) as exc:
        yamlnodes.read(broken_root / "claims" / "alias-bomb.yaml")
    assert exc.value.line == 4 and "alias" in exc.value.message  # the line of the first alias


def test_findings_are_deterministic(broken_root, report):
    again = check(broken_root)
    assert [f.as_dict() for f in again.findings] == [f.as_dict() for f in report.findings]


def test_digits_grouped_by_dots_count_both_ways_in_a_quote():
    """An article that writes a dot for the thousands separator ("3.200 GBps", "1.000.000
    tokens") states 3,200 and 1,000,000 as much as 3.2: a claim (or a draft of kb vet) that
    reads them so is no misreading; a version number is no grouped number."""
    from kb.core.grammar import plain_numbers_in

    assert 3200.0 in plain_numbers_in("this connection provides 3.200 GBps per chip")
    assert 3.2 in plain_numbers_in("this connection provides 3.200 GBps per chip")
    assert 1_000_000.0 in plain_numbers_in("a 1.000.000 Token Context Window")
    assert 3200.0 not in plain_numbers_in("llama.cpp v3.200.1") and 3.5 in plain_numbers_in("about 3.5 GB")
