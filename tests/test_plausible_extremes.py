"""The property vocabulary's plausible ranges hold the extremes their rationales cite: a range
is a net for slips (a unit or scale read wrongly), and a floor or ceiling that excludes a real,
documented device or model flags correct claims. Each extreme below is a datasheet or vendor
figure (the source in the row); the test fails where a range no longer holds one."""

from __future__ import annotations

import pytest

from kb.core.units import conversion_factor
from kb.rules.compare import Comparer
from kb.store.load import load

# (property, entity kind, conditions, value, unit, what it is)
EXTREMES = [
    ("memory-bandwidth", "gpu", {"scope": "per-gpu"}, 25.6, "GB/s",
     "NVIDIA Jetson Nano: 64-bit LPDDR4 at 3200 MT/s"),
    ("memory-bandwidth", "gpu", {"scope": "per-gpu"}, 68.25, "GB/s",
     "Apple M1: 128-bit LPDDR4X-4266 (Apple's specifications)"),
    ("memory-bandwidth", "system", {"scope": "per-node"}, 12.8, "GB/s",
     "Raspberry Pi 4: 32-bit LPDDR4-3200 (product brief)"),
    ("memory-bandwidth", "system", {"scope": "per-node"}, 0.32, "TB/s", "a server with one NVIDIA T4 (320 GB/s)"),
    ("tdp", "gpu", {"scope": "per-gpu"}, 5, "W", "NVIDIA Jetson Nano module, 5 W power mode"),
    ("tdp", "system", {"scope": "per-node"}, 5, "W", "Jetson Nano developer kit ('as little as 5 watts')"),
    ("power-draw", "gpu", {"scope": "per-gpu"}, 5, "W", "Jetson Nano in its 5 W mode"),
    ("power-draw", "system", {}, 5, "W", "Jetson Nano developer kit"),
    ("peak-throughput", "gpu", {"scope": "per-gpu"}, 0.04, "TFLOPS", "Quadro P600 FP64 (~40 GFLOPS)"),
    ("peak-throughput", "system", {"scope": "per-node"}, 48, "GFLOPS",
     "Raspberry Pi 4: 4 Cortex-A72 cores x 1.5 GHz x 8 FP32 FLOP"),
    ("inference-latency", "model", {"metric": "per-output-token"}, 0.56, "ms",
     "Cerebras Inference, Llama 3.1 8B at 1,800 tokens/s"),
    # the other ends still hold the data-centre extremes
    ("memory-bandwidth", "gpu", {"scope": "per-gpu"}, 8, "TB/s", "NVIDIA B200 HBM3e"),
    ("tdp", "gpu", {"scope": "per-gpu"}, 1200, "W", "a Blackwell module"),
]


@pytest.fixture(scope="module")
def kb(root):
    return load(root)


@pytest.mark.parametrize("prop,kind,conditions,value,unit,what", EXTREMES, ids=[f"{e[0]}-{e[5][:30]}" for e in EXTREMES])
def test_a_cited_extreme_lies_in_a_range_for_its_kind(kb, prop, kind, conditions, value, unit, what):
    p = kb.properties[prop]
    x = value * conversion_factor(unit, p.canonical_unit)
    cmp = Comparer(kb)
    ranges = [r for r in p.plausible if r.kind in (kind, "any") and cmp.compatible(conditions, r.conditions)]
    assert ranges, f"no range of {prop} applies to a {kind} with {conditions}"
    assert any(r.low <= x <= r.high for r in ranges), (
        f"{what}: {value} {unit} is outside every range of {prop} for a {kind}: "
        + "; ".join(f"{r.low:g}-{r.high:g} {p.canonical_unit}" for r in ranges))


def test_ranges_still_flag_a_scale_slip(kb):
    """Lowering floors keeps the net: a GB/s figure read as TB/s, or kW as W, is still caught."""
    cmp = Comparer(kb)
    for prop, kind, conditions, value, unit in [("memory-bandwidth", "gpu", {"scope": "per-gpu"}, 3350, "TB/s"),
                                                ("tdp", "gpu", {"scope": "per-gpu"}, 700, "kW"),
                                                ("inference-latency", "model", {"metric": "end-to-end"}, 0.5, "ms")]:
        p = kb.properties[prop]
        x = value * conversion_factor(unit, p.canonical_unit)
        ranges = [r for r in p.plausible if r.kind in (kind, "any") and cmp.compatible(conditions, r.conditions)]
        assert ranges and not any(r.low <= x <= r.high for r in ranges), (prop, value, unit)
