"""ref86: the per-GPU rental price's plausible range is held to what GPUs are rented for.

The ceiling of ``kb vet`` (curated wrong or dubious claims ``kb check`` flags) missed per-GPU
prices of $21.60 an hour (r47: Massed Compute's 8x H100 SXM5 price, $2.70 a GPU-hour, given as
one GPU's) because the per-GPU range reached $40 (a GPU) and $100 (any kind). The range now tops
out at $20: the dearest on-demand list price the knowledge base cites is $14.24 per GPU-hour
(AWS's 8x B200 instance). Every cited per-GPU reference must still lie inside it."""

from __future__ import annotations

import pytest

from kb.core.units import conversion_factor
from kb.rules.compare import Comparer
from kb.store.load import load


@pytest.fixture(scope="module")
def kb(root):
    return load(root)


def _ranges(kb, kind, conditions):
    p = kb.properties["rental-price"]
    cmp = Comparer(kb)
    return p, [r for r in p.plausible if r.kind in (kind, "any") and cmp.compatible(conditions, r.conditions)]


def _inside(kb, kind, conditions, value, unit) -> bool:
    p, ranges = _ranges(kb, kind, conditions)
    assert ranges, f"no rental-price range applies to a {kind} with {conditions}"
    x = value * conversion_factor(unit, p.canonical_unit)
    return any(r.low <= x <= r.high for r in ranges)


@pytest.mark.parametrize("value,what", [
    (21.60, "Massed Compute's 8x H100 SXM5 instance price given as one H100's (r47)"),
    (32.77, "AWS p4d.24xlarge (8x A100) on-demand, an instance's price as one GPU's"),
    (98.32, "AWS p5.48xlarge (8x H100) on-demand, an instance's price as one GPU's"),
])
def test_an_instance_price_stated_per_gpu_is_implausible(kb, value, what):
    assert not _inside(kb, "gpu", {"scope": "per-gpu"}, value, "USD/hour"), what


@pytest.mark.parametrize("value,what", [
    (14.2416, "AWS p6-b200.48xlarge $113.9328 / 8 (ref-nvidia-b200-hgx-rental-price-per-gpu-aws-on-demand)"),
    (12.29, "AWS p5.48xlarge $98.32 / 8 before June 2025"),
    (0.05, "the floor: old consumer cards on marketplaces"),
])
def test_real_per_gpu_prices_stay_plausible(kb, value, what):
    assert _inside(kb, "gpu", {"scope": "per-gpu"}, value, "USD/hour"), what


def test_an_instance_price_per_instance_is_still_plausible(kb):
    """The narrower per-GPU top does not reach per-instance prices: 8x H100 at $98.32 is fine."""
    assert _inside(kb, "gpu", {"scope": "per-instance"}, 98.32, "USD/hour")


def test_every_cited_per_gpu_reference_lies_in_the_range(kb):
    """A reference the knowledge base cites is a real price: none may fall outside the range."""
    p = kb.properties["rental-price"]
    seen = 0
    for r in kb.references:
        if r.property != "rental-price" or (r.conditions or {}).get("scope") != "per-gpu" or r.interval is None:
            continue
        ent = kb.entities.get(r.entity)
        if ent is None or ent.kind != "gpu":
            continue
        f = conversion_factor(r.interval.unit, p.canonical_unit)
        _, ranges = _ranges(kb, ent.kind, r.conditions)
        lo, hi = r.interval.low * f, r.interval.high * f
        assert any(g.low <= hi and lo <= g.high for g in ranges), (r.id, lo, hi)
        seen += 1
    assert seen >= 10
