"""DeepSeek-R1's own training GPU-hours (datasets/references/vetgap23.yaml) tell R1 apart from
DeepSeek-V3, whose 2.788M H800 GPU-hours articles often give R1: the references must miss V3's
figure, agree with R1's reported cost at the $2 per GPU-hour DeepSeek assumes, and make
``kb check`` flag a claim that gives R1 V3's GPU-hours."""
from __future__ import annotations

import pytest

from kb.rules.compare import Comparer
from kb.store.load import load

R1_REFS = ("ref-deepseek-r1-training-gpu-hours-512", "ref-deepseek-r1-training-gpu-hours-648")


@pytest.fixture(scope="module")
def kb(root):
    return load(root)


def test_r1_gpu_hour_references_exist_for_h800s(kb):
    for rid in R1_REFS:
        r = kb.references_by_id[rid]
        assert r.entity == "deepseek-r1" and r.property == "training-gpu-hours"
        assert r.conditions.get("hardware") == "nvidia-h800"
        assert r.interval is not None and r.interval.unit == kb.references_by_id["ref-deepseek-v3-training-gpu-hours"].interval.unit


def test_r1_gpu_hours_miss_v3s_and_fit_r1s_reported_cost(kb):
    v3 = kb.references_by_id["ref-deepseek-v3-training-gpu-hours"].interval
    cost = kb.references_by_id["ref-deepseek-r1-training-cost"].interval
    assert cost.unit == "million USD" and v3.unit == "million GPU_hour"
    hours_at_2_usd = (cost.low + cost.high) / 2 / 2.0  # $294K at $2 per GPU-hour, in millions
    ivs = [kb.references_by_id[rid].interval for rid in R1_REFS]
    assert all(not iv.overlaps(v3) for iv in ivs)
    assert all(iv.high < v3.low / 10 for iv in ivs)  # an order of magnitude apart
    assert ivs[0].low <= hours_at_2_usd <= ivs[0].high


def test_a_claim_giving_r1_v3s_gpu_hours_is_flagged(kb):
    cmp = Comparer(kb)
    c = kb.claims_by_id["r01-deepseek-r1-training-gpu-hours"]
    refs = cmp.references_for(c)
    assert {r.id for r in refs} >= set(R1_REFS)
    assert not any(c.interval.overlaps(r.interval) for r in refs)
