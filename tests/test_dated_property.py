"""A property whose value is a function of its date (``dated: true``, time since a release):
its claims are compared with each other only at the same date, never across dates."""

from __future__ import annotations

from conftest import small_kb
from kb.rules.check import check

PROPS = """
properties:
  - id: time-since-release
    name: Time since release
    description: Time from a product's release to the record's date (test)
    canonical_unit: month
    dated: {dated}
    plausible:
      product: {{low: 0 month, high: 600 month, rationale: "test range"}}
"""
CONDITIONS = "conditions: {}\n"
ENTITIES = """
entities:
  - {id: chat-app, name: Chat App, kind: product}
"""
REFERENCES = "citations: []\nreferences: []\n"


def _conflicts(tmp_path, dated: str, second_as_of: str):
    sources = {
        "early": [{"id": "e1", "entity": "chat-app", "property": "time-since-release", "value": 3,
                   "unit": "month", "qualifier": "approx", "quote": "about 3 months since the launch",
                   "as_of": "2023-03-02"}],
        "late": [{"id": "l1", "entity": "chat-app", "property": "time-since-release", "value": 2.5,
                  "unit": "year", "qualifier": "exact", "quote": "two and a half years since the launch",
                  "as_of": second_as_of}],
    }
    root = small_kb(tmp_path, sources, conditions=CONDITIONS, properties=PROPS.format(dated=dated),
                    entities=ENTITIES, references=REFERENCES)
    rep = check(root)
    assert not [f for f in rep.findings if f.severity == "error"]
    assert rep.counts["claims"] == 2
    return [f for f in rep.findings if f.code == "conflict"]


def test_a_dated_property_is_not_compared_across_dates(tmp_path):
    assert _conflicts(tmp_path, "true", "2025-07-09") == []


def test_a_dated_property_still_conflicts_at_one_date(tmp_path):
    (f,) = _conflicts(tmp_path, "true", "2023-03-02")
    assert set(f.claims) <= {"e1", "l1"}


def test_without_dated_the_same_claims_conflict(tmp_path):
    assert len(_conflicts(tmp_path, "false", "2025-07-09")) == 1


def test_the_vocabulary_marks_time_since_release_dated():
    from pathlib import Path

    import yaml

    root = Path(__file__).resolve().parents[1]
    props = {p["id"]: p for f in (root / "datasets/properties").glob("*.yaml")
             for p in (yaml.safe_load(f.read_text()) or {}).get("properties", [])}
    assert props["time-since-release"].get("dated") is True
    assert sum(1 for p in props.values() if p.get("dated")) >= 1
