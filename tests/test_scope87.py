"""scope87: a claim about one card that names no scope is not matched by a reference for a
group of cards (a board pair, a node, a rack, a pod).

"The NVIDIA H100 delivers 1,979 TFLOPS of FP16 compute." (a fresh article vetted in session
41) is the H100 SXM's SPARSE FP16 peak quoted as plain FP16 (dense: 989.4). ``kb vet`` found
it "consistent with 1 reference value": the 2023 H100 NVL figure of 1,978.8 TFLOPS for a PAIR
of NVLink-bridged boards. ``scope`` has no default, so a claim that left it unsaid matched a
reference of any scope. A claim about a card (an entity of kind ``gpu``) that names no scope
is now read per GPU against another entity's (a variant's, the family's) group-scope
reference; the entity's own group figures (a TPU pod, the 2023 two-board H100 NVL) and claims
that say "per node" or name a node or system keep matching.
"""
from __future__ import annotations

from types import SimpleNamespace

from conftest import vet_text, vetted_number

_H100 = """\
---
title: "GPU notes"
date: 2025-06-01
---

The NVIDIA H100 delivers 1,979 TFLOPS of FP16 compute.
"""


def _ref(kb, rid):
    return next(r for r in kb.references if r.id == rid)


def _claim(entity, **conditions):
    return SimpleNamespace(entity=entity, conditions=dict(conditions))


_PAIR = "ref-nvidia-h100-nvl-peak-throughput-fp16-tensor-dense-per-board-pair-2023"
_SXM_NODE = "ref-nvidia-h100-sxm-tdp-per-node-dgx"
_DGX_NODE = "ref-nvidia-dgx-h100-tdp-per-node"


def test_unscoped_h100_fp16_sparse_peak_is_flagged(tmp_path, root):
    n = vetted_number(vet_text(tmp_path, root, _H100), "1,979 TFLOPS")
    assert n.status == "flagged", (n.status, n.reason)
    assert n.reason == "contradicts-reference"
    causes = " ".join(str(c) for f in n.findings for c in f.causes)
    assert "sparse vs dense" in causes


def test_unscoped_card_claim_does_not_fit_a_variants_board_pair_figure(project_kb, project_comparer):
    pair = _ref(project_kb, _PAIR)
    assert not project_comparer.fits(_claim("nvidia-h100", precision="fp16"), pair)
    # the reading names the scope the claim is taken for (a likely cause says "per GPU vs ...")
    assert project_comparer.read_conditions(_claim("nvidia-h100", precision="fp16"), pair)["scope"] == "per-gpu"


def test_group_scope_said_or_own_entity_still_fits(project_kb, project_comparer):
    pair = _ref(project_kb, _PAIR)
    assert project_comparer.fits(_claim("nvidia-h100", precision="fp16", scope="per-board-pair"), pair)
    # the 2023 H100 NVL was sold and quoted as a pair: its own figure may be named for it
    assert project_comparer.fits(_claim("nvidia-h100-nvl", precision="fp16"), pair)


def test_per_node_power_fits_its_node_reference(project_kb, project_comparer):
    sxm_node, dgx_node = _ref(project_kb, _SXM_NODE), _ref(project_kb, _DGX_NODE)
    # "an H100 node draws 10.2 kW": the claim says per node
    assert project_comparer.fits(_claim("nvidia-h100", scope="per-node"), sxm_node)
    # "a DGX H100 draws 10.2 kW": a system entity, not a card
    assert project_comparer.fits(_claim("nvidia-dgx-h100"), dgx_node)
    # "the H100's TDP is 10.2 kW" names one card: not a node's figure
    assert not project_comparer.fits(_claim("nvidia-h100"), sxm_node)


def test_dgx_system_power_stays_consistent(tmp_path, root):
    text = _H100.replace("The NVIDIA H100 delivers 1,979 TFLOPS of FP16 compute.",
                         "A DGX H100 system draws up to 10.2 kW.")
    n = vetted_number(vet_text(tmp_path, root, text), "up to 10.2 kW")
    assert n.status == "checked", (n.status, n.reason)


# refscope88: the card's OWN per-node figures (recorded on the card so that "an H100 node:
# 10.2 kW" claims find them) no longer match a claim that names one card and no scope.
_SXM_405B_NODE = "ref-nvidia-h100-sxm-inference-throughput-llama-3.1-405b-fp8-per-node"
_GAUDI3_KIT = "ref-intel-gaudi-3-purchase-price-reported-per-node"
_TPU_POD = "ref-google-tpu-v4-peak-throughput-bf16-tensor-per-pod"
_GB200_C2C = "ref-nvidia-gb200-interconnect-bandwidth-nvlink-c2c-per-superchip"


def test_unscoped_card_claim_does_not_fit_its_own_node_figure(project_kb, project_comparer):
    # "the H100 SXM's TDP is 10.2 kW": the DGX H100's eight cards, not one
    sxm_node = _ref(project_kb, _SXM_NODE)
    assert not project_comparer.fits(_claim("nvidia-h100-sxm"), sxm_node)
    assert project_comparer.read_conditions(_claim("nvidia-h100-sxm"), sxm_node)["scope"] == "per-gpu"
    # "H100 TP8 (FP8)" 2,919 tokens/s is eight GPUs' throughput
    node_tps = _ref(project_kb, _SXM_405B_NODE)
    assert not project_comparer.fits(
        _claim("nvidia-h100-sxm", precision="fp8", model="llama-3.1-405b"), node_tps)
    # "a Kit mit acht Gaudi3-Chips 125.000 US-Dollar": the kit's price, not one chip's
    assert not project_comparer.fits(_claim("intel-gaudi-3", basis="reported"), _ref(project_kb, _GAUDI3_KIT))


def test_card_claim_saying_per_node_still_fits_its_own_node_figure(project_kb, project_comparer):
    # r01's "8 x H100 SXM node ... kW" rows are curated per-node on the card
    assert project_comparer.fits(_claim("nvidia-h100-sxm", scope="per-node"), _ref(project_kb, _SXM_NODE))


def test_groups_an_entity_is_named_for_still_fit_unscoped(project_kb, project_comparer):
    # "TPU v4 ... 1.1 exaflops" names the pod by its chip; the GB200 is the superchip
    assert project_comparer.fits(_claim("google-tpu-v4", precision="bf16"), _ref(project_kb, _TPU_POD))
    assert project_comparer.fits(_claim("nvidia-gb200", link="nvlink-c2c"), _ref(project_kb, _GB200_C2C))


def test_unscoped_card_tdp_at_node_scale_is_flagged(tmp_path, root):
    # before: "consistent with 1 reference value" (the DGX H100's 10.2 kW recorded on the card)
    text = _H100.replace("The NVIDIA H100 delivers 1,979 TFLOPS of FP16 compute.",
                         "The H100 SXM has a TDP of 10.2 kW.")
    n = vetted_number(vet_text(tmp_path, root, text), "10.2 kW")
    assert n.status == "flagged", (n.status, n.reason)
    assert n.reason == "contradicts-reference"
