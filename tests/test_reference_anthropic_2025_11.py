"""Anthropic's valuation with Microsoft's and NVIDIA's investment of November 2025
(datasets/references/vet29.yaml) fills the months between the Series F ($183B, September 2025)
and the Series G ($380B, 12 February 2026): a claim dated in between that gives the then-current
~$350 billion agrees with a value in force at its date, while a figure of neither round misses
them all."""
from __future__ import annotations

import datetime as _dt

import pytest

from kb.rules.compare import Comparer
from kb.store.load import load

REF = "ref-anthropic-valuation-2025-11-strategic"


@pytest.fixture(scope="module")
def kb(root):
    return load(root)


def test_the_reference_lies_between_the_two_rounds(kb):
    r = kb.references_by_id[REF]
    f, g = kb.references_by_id["ref-anthropic-valuation-series-f"], kb.references_by_id["ref-anthropic-valuation-series-g"]
    assert r.entity == "anthropic" and r.property == "valuation"
    # ("around $350 billion": approximate, so its interval reaches the Series G's figure)
    assert f.interval.high < r.interval.low and r.value < g.interval.low <= r.interval.high
    assert Comparer.in_force(r, _dt.date(2026, 2, 10)) and not Comparer.in_force(g, _dt.date(2026, 2, 10))


def test_a_claim_of_february_2026_giving_350_billion_is_backed(kb):
    cmp = Comparer(kb)
    c = kb.claims_by_id["r56-anthropic-valuation"]
    refs = cmp.references_for(c)
    assert REF in {r.id for r in refs}
    assert any(c.interval.overlaps(r.interval) for r in refs)
    assert cmp.backed(c)
