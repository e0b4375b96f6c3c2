"""The property vocabulary and the condition keys (datasets/properties, datasets/conditions.yaml)
keep the promises the checker relies on.

- A property that takes `scope` never judges a per-node or per-rack value against a per-GPU
  range: every range of a per-device kind names the scope it is for, and on the real
  knowledge base every scoped value is only checked against ranges of its own scope.
- Conditions with a default keep apart what they separate (a threshold is never compared
  with an actual figure; a part of a cost never with the whole).
- Period values take fiscal, multi-year and "through" forms, and nothing looser.
"""

from __future__ import annotations

import re

import pytest

from kb.rules.compare import Comparer
from kb.store.load import load

#: Kinds whose values come per GPU, per node, per rack...: their ranges must say which. (Ranges
#: for `any` kind are generic bounds, such as a count being at least 0, and may cover every scope.)
PER_DEVICE_KINDS = ("gpu", "architecture", "gpu-class")


@pytest.fixture(scope="module")
def kb(root):
    return load(root)


def test_ranges_of_scoped_properties_name_their_scope(kb):
    missing = [f"{p.id}: plausible.{r.kind} {r.text}" for p in kb.properties.values() if "scope" in p.conditions
               for r in p.plausible if r.kind in PER_DEVICE_KINDS and "scope" not in r.conditions]
    assert not missing, "ranges that would judge every scope alike:\n" + "\n".join(missing)


def test_scoped_values_are_judged_only_against_ranges_of_their_scope(kb):
    cmp = Comparer(kb)
    checked = 0
    for v in kb.claims:
        scope = v.conditions.get("scope")
        prop = kb.properties.get(v.property or "")
        if not scope or prop is None or "scope" not in prop.conditions or v.entity not in kb.entities:
            continue
        ranges = cmp.plausible_for(v)
        assert all(r.conditions.get("scope", scope) == scope for r in ranges), (v.id, scope, ranges)
        if scope != "per-gpu" and kb.entities[v.entity].kind == "gpu":
            checked += 1
            assert ranges, f"{v.id}: a {scope} value of a GPU has no range of its own scope"
    assert checked > 0, "no per-node or per-rack value of a GPU in the knowledge base: the test checks nothing"


@pytest.mark.parametrize("key,value,other", [
    ("threshold", "above", None),   # a threshold vs an actual figure (default none)
    ("component", "staff", None),   # a part vs the whole (default total)
    ("workload_type", "ai", None),  # AI-only vs all computing (default all)
])
def test_defaults_keep_apart_what_they_separate(kb, key, value, other):
    cmp = Comparer(kb)
    assert kb.conditions[key].default, key
    assert not cmp.compatible({key: value}, {} if other is None else {key: other})
    assert cmp.compatible({key: value}, {key: value})


@pytest.mark.parametrize("period,ok", [
    ("2024", True), ("2025-H1", True), ("2024-Q3", True), ("2024-08", True), ("2025-06-15", True),
    ("2023-2028", True), ("through-2029", True), ("FY2025", True), ("FY2026-Q2", True), ("FY2023-FY2026", True),
    ("2025-01/2025-09", True), ("2024/2025-Q3", True), ("2025-H1/2025-Q3", True),
    ("FY25", False), ("2024-Q5", False), ("2024-2", False), ("through 2028", False), ("Q3-2024", False),
    ("2025-01/", False), ("2025-01/2025-09-30", False), ("2025-01..2025-09", False),
])
def test_period_forms(kb, period, ok):
    assert bool(re.match(kb.conditions["period"].pattern, period)) is ok


@pytest.mark.parametrize("a, b, overlap", [
    ("2025-01/2025-09", "2025-Q3", True),      # a span covers its last quarter
    ("2025-01/2025-09", "2025-Q4", False),
    ("2024/2025-Q3", "2024-H2", True),
    ("2024/2025-Q3", "2023", False),
    ("2023-2028", "2026-05", True),            # a span of calendar years
    ("2023-2028", "2029", False),
    ("2025-09/2025-01", "2025-05", False),     # backwards: no period, so no overlap
    ("FY2025", "2025", False),                 # a fiscal period has no calendar here
])
def test_spans_of_periods_cover_their_first_and_last(a, b, overlap):
    from kb.rules.compare import periods_overlap
    assert periods_overlap(a, b) is overlap
    assert periods_overlap(b, a) is overlap


@pytest.mark.parametrize("period, error", [
    ("2025-01/2025-09", False), ("2024/2025-Q3", False), ("2023-2028", False),
    ("2025-09/2025-01", True), ("2028-2023", True),
])
def test_a_span_that_ends_before_it_begins_is_a_finding_at_its_line(tmp_path, period, error):
    from conftest import small_kb
    from kb.rules.check import check

    d = small_kb(
        tmp_path, {"s": [{"id": "s-spend", "entity": "acme", "property": "spend", "value": 5, "unit": "USD",
                          "qualifier": "exact", "conditions": {"period": period}, "quote": "spent five dollars"}]},
        conditions="conditions:\n  period: {description: p, pattern: '^(\\d{4}(-(Q[1-4]|\\d{2}))?/\\d{4}(-(Q[1-4]|\\d{2}))?"
                   "|\\d{4}-\\d{4})$', examples: [\"2025-01/2025-09\"]}\n",
        properties="properties:\n  - {id: spend, name: Spend, description: d, canonical_unit: USD, conditions: [period]}\n",
        entities="entities:\n  - {id: acme, name: Acme, kind: organisation}\n",
        references="citations: []\nreferences: []\n")
    found = [f for f in check(d).findings if f.code == "unknown-condition"]
    assert bool(found) is error, found
    if error:
        assert found[0].path.endswith("claims/s.yaml") and found[0].line and "ends before it begins" in found[0].message
