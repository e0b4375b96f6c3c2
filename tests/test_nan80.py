"""A claim value that is no finite number (YAML's ``.nan``, ``.inf``) is a schema finding at its
file and line when the knowledge base loads, never a traceback in the checks that read values:
the quote check's written forms (kb.rules.integrity._written_forms) once raised on ``int(nan)``.
"""
from __future__ import annotations

import dataclasses
import math

import pytest

from conftest import run_kb, small_kb
from kb.rules.integrity import _forms_of, _written_forms, quote_value
from kb.store.load import load

PROPERTIES = """
properties:
  - id: peak-throughput
    name: Peak throughput
    description: Peak throughput (test)
    canonical_unit: TFLOPS
"""
ENTITIES = "entities:\n  - {id: chip, name: Chip, kind: gpu, vendor: lab}\n  - {id: lab, name: The Lab, kind: organisation}\n"
REFERENCES = ('citations:\n  - {id: s, publisher: P, title: T, url: "https://example.org", date: "2025", kind: primary}\n'
              "references: []\n")
QUOTE = "The card peaks at 989 TFLOPS"


def _project(tmp_path, body: str):
    root = small_kb(tmp_path, {"a": [{"id": "a1", "entity": "chip", "property": "peak-throughput", "value": 989,
                                      "unit": "TFLOPS", "quote": QUOTE}]},
                    conditions="conditions: {}\n", properties=PROPERTIES, entities=ENTITIES, references=REFERENCES)
    # the claim file as a person writes it, in YAML: the value on line 6
    (root / "claims/a.yaml").write_text(
        "source: a\nclaims:\n  - id: a1\n    entity: chip\n    property: peak-throughput\n" + body
        + f"    unit: TFLOPS\n    quote: {QUOTE}\n    conditions: {{}}\n    start: 0\n    end: {len(QUOTE)}\n",
        encoding="utf-8")
    return root


@pytest.mark.parametrize("body,line,words", [
    ("    value: .nan\n", 6, "'value' must be a finite number, got nan"),
    ("    value: .NaN\n    qualifier: lower_bound\n", 6, "'value' must be a finite number, got nan"),
    ("    value: -.inf\n", 6, "'value' must be a finite number, got -inf"),
    ("    low: .nan\n    high: 1000\n    qualifier: range\n", 6, "'low' must be a finite number, got nan"),
    ("    low: 900\n    high: .inf\n    qualifier: range\n", 7, "'high' must be a finite number, got inf"),
])
def test_a_value_that_is_no_finite_number_is_a_finding_at_its_line(tmp_path, body, line, words):
    root = _project(tmp_path, body)
    code, out, _ = run_kb("check", cwd=root)  # the runner lets a traceback through
    assert code != 0
    assert f"claims/a.yaml:{line}: error[schema] {words}" in out


def test_the_same_claim_with_a_number_is_checked_clean(tmp_path):
    root = _project(tmp_path, "    value: 989\n")
    code, out, _ = run_kb("check", cwd=root)
    assert code == 0 and "0 errors" in out, out


def test_a_value_no_finite_number_has_no_written_form_and_no_quote_finding(tmp_path):
    for x in (math.nan, math.inf, -math.inf):
        assert _forms_of(x) == () and _written_forms(x) == ()
    assert "989" in _written_forms(989.0)
    # a NaN that got past loading (a record made in code) is skipped by the quote check, not raised on
    kb = load(_project(tmp_path, "    value: 989\n"))
    (claim,) = kb.claims
    for bad in (math.nan, math.inf):
        kb2 = dataclasses.replace(kb, claims=(dataclasses.replace(claim, value=bad),))
        assert list(quote_value(kb2)) == []
    assert list(quote_value(dataclasses.replace(kb, claims=(dataclasses.replace(claim, value=990.0),)))) != []
