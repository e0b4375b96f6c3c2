"""kb.store.load: YAML with line marks, the project root, and never a traceback on bad data."""

from __future__ import annotations

import datetime
import math

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.core.records import date_of
from kb.errors import NotAKnowledgeBase
from kb.rules.check import check
from kb.store import yamlnodes
from kb.store.load import find_root, load
from kb.store.yamlnodes import Unusual, YamlProblem

PROPS = """\
properties:
  - id: tdp
    name: TDP
    description: d
    canonical_unit: W
    states_maximum: true
    conditions: [scope]
  - id: token-price
    name: Token price
    description: d
    canonical_unit: USD per 1M tokens
    conditions: []
  - id: architecture
    name: Architecture
    description: d
    type: categorical
    values_from: architecture
    registry_field: architecture
    conditions: []
"""
ENTS = """\
entities:
  - {id: hopper, name: Hopper, kind: architecture}
  - {id: h100, name: H100, kind: gpu, architecture: hopper}
"""
CONDS = "conditions:\n  scope: {description: s, values: [per-gpu, per-node]}\n"
TEXT = "The H100 draws 700 W. Tokens cost $2.50 per 1M tokens.\n"


def make_project(tmp, claims_yaml: str | bytes | None = None):
    """A minimal valid project with one source 's'; ``claims_yaml`` becomes claims/s.yaml."""
    import hashlib

    (tmp / "claims").mkdir(parents=True, exist_ok=True)
    for d in ("sources", "entities", "properties", "references"):
        (tmp / "datasets" / d).mkdir(parents=True, exist_ok=True)
    (tmp / "datasets" / "conditions.yaml").write_text(CONDS, encoding="utf-8")
    (tmp / "datasets" / "properties" / "p.yaml").write_text(PROPS, encoding="utf-8")
    (tmp / "datasets" / "entities" / "e.yaml").write_text(ENTS, encoding="utf-8")
    (tmp / "datasets" / "sources" / "s.txt").write_text(TEXT, encoding="utf-8")
    sha = hashlib.sha256(TEXT.encode()).hexdigest()
    (tmp / "datasets" / "sources" / "s.yaml").write_text(
        f"id: s\ntitle: T\npublisher: P\npublished: null\nsha256: {sha}\ntrust: web\n", encoding="utf-8")
    if claims_yaml is not None:
        path = tmp / "claims" / "s.yaml"
        if isinstance(claims_yaml, bytes):
            path.write_bytes(claims_yaml)
        else:
            path.write_text(claims_yaml, encoding="utf-8")
    return tmp


GOOD_CLAIM = {
    "id": "c1",
    "entity": "h100",
    "property": "tdp",
    "value": 700,
    "unit": "W",
    "qualifier": "exact",
    "conditions": {"scope": "per-gpu"},
    "quote": "The H100 draws 700 W.",
    "start": 0,
    "end": 21,
}


class _NoAliases(yaml.SafeDumper):
    """PyYAML writes anchors for shared objects; knowledge-base files refuse them."""

    def ignore_aliases(self, data):
        return True


def dump(doc) -> str:
    return yaml.dump(doc, Dumper=_NoAliases, sort_keys=False, allow_unicode=True)


def claims_doc(*records) -> str:
    return dump({"source": "s", "claims": list(records)})


# ---------------------------------------------------------------- root


def test_find_root_from_any_subfolder(root):
    assert find_root(root) == root
    for sub in ("kb", "claims", "datasets/sources", "tests/fixtures"):
        assert find_root(root / sub) == root
    assert find_root(root / "tests" / "fixtures" / "broken" / "claims") == root / "tests" / "fixtures" / "broken"


def test_find_root_outside_a_project_raises(tmp_path):
    with pytest.raises(NotAKnowledgeBase, match="no knowledge base"):
        find_root(tmp_path)


def test_load_refuses_a_folder_that_is_not_a_knowledge_base(tmp_path):
    (tmp_path / "claims").mkdir()
    with pytest.raises(NotAKnowledgeBase, match="needs claims/ and datasets/"):
        load(tmp_path)


def test_find_root_default_is_the_cwd(root, monkeypatch):
    monkeypatch.chdir(root / "datasets")
    assert find_root() == root


# ---------------------------------------------------------------- YAML reading


def test_read_yaml_keeps_line_marks(tmp_path):
    p = tmp_path / "x.yaml"
    p.write_text("# comment\nsource: s\nclaims:\n  - id: a\n    value: 1\n  - id: b\n", encoding="utf-8")
    data = yamlnodes.read(p)
    assert data.line == 2 and data.lines == {"source": 2, "claims": 3}
    a, b = data["claims"]
    assert (a.line, a.lines["value"], b.line) == (4, 5, 6)


def test_read_yaml_scalars(tmp_path):
    p = tmp_path / "x.yaml"
    p.write_text('a: 2024-05-01\nb: "2.50"\nc: 2.50\nd: 0x10\ne: true\nf: null\ng: 1_000\nh: .nan\n'
                 'i: 2026-02-30\n', encoding="utf-8")
    data = yamlnodes.read(p)
    assert data["a"] == datetime.date(2024, 5, 1)
    assert data["b"] == "2.50" and data["c"] == 2.5
    assert data["e"] is True and data["f"] is None
    assert math.isnan(data["h"])
    # what YAML 1.1 would silently turn into another number or a crash is kept as text
    for key in ("d", "g", "i"):
        assert isinstance(data[key], Unusual), key


@pytest.mark.parametrize(
    "content,line,words",
    [
        (b"a: [1, 2\nb: 3\n", 2, "YAML syntax"),
        (b"a: 1\n\xff\xfe: 2\n", 2, "not UTF-8"),
        (b"a: &x [1]\nb: *x\n", 2, "alias"),
        (b"a: &x {k: 1}\nb: *x\n", 2, "alias"),
        (b"a: 1\n\tb: 2\n", 2, "YAML syntax"),
        (b"a: 1\n---\nb: 2\n", 2, "YAML"),
        (b"? [1, 2]\n: 3\n", 1, "plain value"),
        (b"a: !!python/object:os.system {}\n", None, None),
    ],
)
def test_read_yaml_problems_are_findings_not_tracebacks(tmp_path, content, line, words):
    p = tmp_path / "x.yaml"
    p.write_bytes(content)
    with pytest.raises(YamlProblem) as exc:
        yamlnodes.read(p)
    if line is not None:
        assert exc.value.line == line
    if words is not None:
        assert words.lower() in exc.value.message.lower()
    else:  # an unknown tag is refused, never executed
        assert "tag" in exc.value.message


def test_deep_nesting_is_refused(tmp_path):
    p = tmp_path / "x.yaml"
    p.write_text("a: " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    with pytest.raises(YamlProblem, match="nest"):
        yamlnodes.read(p)


def test_too_large_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(yamlnodes, "MAX_YAML_BYTES", 100)
    p = tmp_path / "x.yaml"
    p.write_text("a: " + "x" * 200 + "\n", encoding="utf-8")
    with pytest.raises(YamlProblem, match="too large"):
        yamlnodes.read(p)


def test_an_empty_claims_file_is_a_finding_and_an_empty_references_file_is_fine(tmp_path):
    make_project(tmp_path, "")
    (tmp_path / "datasets" / "references" / "r.yaml").write_text("# nothing yet\n", encoding="utf-8")
    kb = load(tmp_path)
    assert [(f.code, f.path, f.line) for f in kb.load_findings] == [("schema", "claims/s.yaml", 1)]
    assert "empty" in kb.load_findings[0].message and kb.claims == ()


# ---------------------------------------------------------------- records


def test_a_valid_claim_loads_and_normalises(tmp_path):
    kb = load(make_project(tmp_path, claims_doc(GOOD_CLAIM)))
    assert not kb.load_findings
    (c,) = kb.claims
    assert (c.id, c.source, c.entity, c.property, c.unit, c.qualifier) == ("c1", "s", "h100", "tdp", "W", "exact")
    assert (c.canonical_low, c.canonical_high, c.canonical_unit) == (699.5, 700.5, "W")
    assert c.path == "claims/s.yaml" and c.line == 3
    assert check(tmp_path).findings == []


def test_precision_is_taken_from_the_written_form(tmp_path):
    rec = dict(GOOD_CLAIM, property="token-price", value="2.50", unit="USD per 1M tokens", conditions={},
               quote="Tokens cost $2.50 per 1M tokens.", start=22, end=54)
    kb = load(make_project(tmp_path, claims_doc(rec)))
    assert not kb.load_findings
    (c,) = kb.claims
    assert c.value == 2.5
    assert math.isclose(c.canonical_low, 2.495) and math.isclose(c.canonical_high, 2.505)


def test_numbers_with_thousands_separators(tmp_path):
    rec = dict(GOOD_CLAIM, value="1,000", qualifier="lower_bound")
    kb = load(make_project(tmp_path, claims_doc(rec)))
    (c,) = kb.claims
    assert c.value == 1000.0 and c.canonical_low == 999.5 and c.canonical_high == math.inf


def test_canonical_interval_is_never_negative(tmp_path):
    rec = dict(GOOD_CLAIM, value=0, qualifier="exact")
    kb = load(make_project(tmp_path, claims_doc(rec)))
    (c,) = kb.claims
    assert c.canonical_low == 0.0


def test_categorical_claim_needs_no_unit(tmp_path):
    rec = {k: v for k, v in GOOD_CLAIM.items() if k != "unit"}
    rec.update(property="architecture", value="hopper", conditions={})
    kb = load(make_project(tmp_path, claims_doc(rec)))
    assert not kb.load_findings
    assert kb.claims[0].value == "hopper" and kb.claims[0].canonical_low is None


def test_review_dates_become_text(tmp_path):
    rec = dict(GOOD_CLAIM, review={"verdict": "wrong", "note": "n", "date": datetime.date(2024, 6, 1)})
    kb = load(make_project(tmp_path, claims_doc(rec)))
    r = kb.claims[0].review
    assert (r.claim, r.verdict, r.note, r.date, r.fingerprint, r.current) == ("c1", "wrong", "n", "2024-06-01", None, False)


def test_records_after_a_bad_one_are_still_loaded(tmp_path):
    bad = dict(GOOD_CLAIM, id="c0", value="lots")
    good = dict(GOOD_CLAIM, id="c2")
    kb = load(make_project(tmp_path, claims_doc(bad, "not a mapping", good)))
    assert [c.id for c in kb.claims] == ["c0", "c2"]
    assert not kb.claims[0].ok and kb.claims[1].ok
    assert sorted(f.code for f in kb.load_findings) == ["schema", "schema"]


def test_source_text_outside_the_project_is_never_read(tmp_path):
    proj = make_project(tmp_path / "p")
    secret = tmp_path / "secret.txt"
    secret.write_text("secret", encoding="utf-8")
    meta = proj / "datasets" / "sources" / "s.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + "text: ../../../secret.txt\n", encoding="utf-8")
    kb = load(proj)
    assert [(f.code, f.line) for f in kb.load_findings] == [("source-path", 7)]
    assert kb.sources["s"].text is None


def test_source_text_symlinked_outside_the_project(tmp_path):
    proj = make_project(tmp_path / "p")
    secret = tmp_path / "secret.txt"
    secret.write_text("secret", encoding="utf-8")
    txt = proj / "datasets" / "sources" / "s.txt"
    txt.unlink()
    txt.symlink_to(secret)
    kb = load(proj)
    assert [f.code for f in kb.load_findings] == ["source-path"]
    assert kb.sources["s"].text is None


# ---------------------------------------------------------------- robustness (fuzz)

yaml_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-10**20, max_value=10**20),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=20),
        st.dates(),
        st.sampled_from(["W", "$", "USD per 1M tokens", "h100", "tdp", "exact", "range", "per-gpu", "1,000", "2.50"]),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=8,
)
FIELDS = ["id", "entity", "property", "value", "low", "high", "unit", "qualifier", "conditions",
          "quote", "start", "end", "review", "as_of", "note", "source"]
FUZZ = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _check_survives(root):
    report = check(root)
    for f in report.findings:
        assert f.path and f.code and f.message
    report.render("text"), report.render("json"), report.render("junit"), report.render("github")
    return report


@FUZZ
@given(st.dictionaries(st.sampled_from(FIELDS), yaml_values, max_size=5))
def test_any_field_value_gives_findings_never_a_traceback(tmp_path_factory, changes):
    rec = dict(GOOD_CLAIM, **changes)
    root = make_project(tmp_path_factory.mktemp("fz"), dump({"source": "s", "claims": [rec]}))
    _check_survives(root)


@FUZZ
@given(yaml_values)
def test_any_document_gives_findings_never_a_traceback(tmp_path_factory, doc):
    root = make_project(tmp_path_factory.mktemp("fz"), dump(doc))
    _check_survives(root)


@FUZZ
@given(st.binary(max_size=200))
def test_any_bytes_give_findings_never_a_traceback(tmp_path_factory, data):
    root = make_project(tmp_path_factory.mktemp("fz"), b"source: s\nclaims:\n" + data)
    _check_survives(root)


@FUZZ
@given(st.sampled_from(["sources", "entities", "properties", "references"]), yaml_values)
def test_any_dataset_document_gives_findings_never_a_traceback(tmp_path_factory, folder, doc):
    root = make_project(tmp_path_factory.mktemp("fz"), claims_doc(GOOD_CLAIM))
    name = "s.yaml" if folder == "sources" else "extra.yaml"
    (root / "datasets" / folder / name).write_text(dump(doc), encoding="utf-8")
    _check_survives(root)


@pytest.mark.parametrize("as_of", [0, False, 2147483648, "last year", "2024-02-30", "0000", [2024], {"y": 2024}])
def test_a_bad_date_is_a_schema_finding(tmp_path, as_of):
    kb = load(make_project(tmp_path, claims_doc(dict(GOOD_CLAIM, as_of=as_of))))
    assert [(f.code, f.line) for f in kb.load_findings] == [("schema", 14)]
    assert kb.claims[0].as_of is None
    _check_survives(tmp_path)


@pytest.mark.parametrize("as_of", [2024, "2024", "2024-08", "2024-08-01", datetime.date(2024, 8, 1)])
def test_good_dates_are_kept(tmp_path, as_of):
    kb = load(make_project(tmp_path, claims_doc(dict(GOOD_CLAIM, as_of=as_of))))
    assert not kb.load_findings
    assert date_of(kb.claims[0].as_of) == date_of(as_of)
    _check_survives(tmp_path)


def test_parse_cache_gives_back_what_parsing_gives(tmp_path, monkeypatch):
    """With a .cache folder the parsed files are kept; a warm load is the same load, an edited
    file is parsed again, and a damaged entry is ignored."""
    import shutil

    from kb.rules.check import check
    from pathlib import Path

    from kb.store.load import PARSE_CACHE

    ROOT = Path(__file__).resolve().parents[1]

    monkeypatch.delenv("KB_NO_PARSE_CACHE", raising=False)
    root = tmp_path / "kb"
    for top in ("claims", "datasets"):
        shutil.copytree(ROOT / top, root / top)

    def summary():
        rep = check(root)
        return ([(c.id, c.line, c.interval, c.quote) for c in rep.kb.claims],
                [(f.code, f.path, f.line, f.message) for f in rep.findings], len(rep.kb.references))

    plain = summary()
    assert not (root / ".cache").exists()  # no .cache folder: nothing written
    (root / ".cache").mkdir()
    cold = summary()
    entries = sorted((root / PARSE_CACHE).glob("*.pickle"))
    assert entries and cold == plain
    assert summary() == plain  # warm
    # an edited claims file is read again
    path = sorted((root / "claims").glob("*.yaml"))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("qualifier: exact", "qualifier: exakt", 1), encoding="utf-8")
    edited = summary()
    assert edited != plain and any("exakt" in m for *_, m in edited[1])
    path.write_text(text, encoding="utf-8")
    # damaged entries are ignored
    for e in entries:
        e.write_bytes(b"not a pickle")
    assert summary() == plain
