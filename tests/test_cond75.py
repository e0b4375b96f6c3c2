"""cond75: the conditions a number should carry, read where fresh public write-ups (Markdown
notes about GPU specs, in no corpus; catch75's two sets) put them, so that `kb vet` compares a
figure with the references for the same conditions.

- a lead-in or heading over a list names the precision of its items: "**H100 Theoretical Peak
  (FP16 Tensor Core):**" over "- Without sparsity: 494 TFLOPS" (494 was compared as a TF32
  figure, which it equals, and passed; at FP16 it is half the dense peak);
- a peak in operations ("285 TOPS" for an RTX 3090, with no precision said) is an integer or
  8-bit-or-narrower figure: where every reference compared is at a wider floating-point
  precision (the card's FP32 peak only), the miss says nothing and the number is unsure, not
  flagged;
- "well below NVIDIA H100 (~500 TFLOPs FP16)" compares an Apple chip with the H100's peak: the
  word "below" (from the achieved throughput's description, "below the theoretical peak") was
  read as a cue of an achieved figure. A comparison word says nothing of which figure it is.
"""
from __future__ import annotations

from conftest import vet_text, vetted_number

from kb.extract.drafts import extract_text


_LEAD_IN = """\
# Cluster sizing

**H100 Theoretical Peak (FP16 Tensor Core):**
- Per GPU: 989 TFLOPS (with sparsity)
- Without sparsity: 494 TFLOPS
"""


def _conditions(text, raw, project_registry):
    return next(d.conditions for d in extract_text(text, project_registry) if d.raw == raw)


def test_list_lead_in_names_the_items_precision(project_registry):
    for raw in ("989 TFLOPS", "494 TFLOPS"):
        assert _conditions(_LEAD_IN, raw, project_registry).get("precision") == "fp16", raw


def test_heading_over_a_list_names_the_items_precision(project_registry):
    text = "# Specs\n\n### H100 FP8 throughput\n\n- Dense: 1,979 TFLOPS\n- Sparse: 3,958 TFLOPS\n"
    assert _conditions(text, "1,979 TFLOPS", project_registry).get("precision") == "fp8"


def test_a_lead_in_naming_two_precisions_names_none(project_registry):
    text = "# Specs\n\n**H100 peak (FP16 vs FP8):**\n- Dense: 989 TFLOPS\n"
    assert "precision" not in _conditions(text, "989 TFLOPS", project_registry)


def test_item_own_precision_wins_over_lead_in(project_registry):
    text = "# Specs\n\n**H100 peak (FP16 Tensor Core):**\n- FP8 dense: 1,979 TFLOPS\n"
    assert _conditions(text, "1,979 TFLOPS", project_registry).get("precision") == "fp8"


def test_dense_fp16_half_peak_under_a_lead_in_is_flagged(tmp_path, root):
    rep = vet_text(tmp_path, root, _LEAD_IN)
    n = vetted_number(rep, "494 TFLOPS")
    assert n.status == "flagged", (n.status, n.reason)


_TOPS = """\
# GeForce cards

The GeForce RTX 3090 has 24 GB of memory and a peak of 285 TOPS for AI inference.
"""


def test_tops_without_precision_against_fp32_only_is_unsure(tmp_path, root):
    n = vetted_number(vet_text(tmp_path, root, _TOPS), "285 TOPS")
    assert n.status != "flagged", (n.status, n.reason)
    assert "operations" in n.reason


def test_tflops_without_precision_stays_flagged(tmp_path, root):
    # (the same miss in FLOPS is a floating-point figure: nothing excuses it)
    n = vetted_number(vet_text(tmp_path, root, _TOPS.replace("285 TOPS", "285 TFLOPS")), "285 TFLOPS")
    assert n.status == "flagged", (n.status, n.reason)


def test_below_another_card_is_no_cue_of_achieved(project_registry):
    text = "# Apple\n\nThey are well below NVIDIA H100 (~500 TFLOPs FP16), which is expected.\n"
    d = next(d for d in extract_text(text, project_registry) if d.raw == "~500 TFLOPs")
    assert d.property == "peak-throughput", d.property


def test_sustained_stays_achieved(project_registry):
    text = "# Training\n\nOur run sustained ~400 TFLOPs per H100 in BF16.\n"
    d = next(d for d in extract_text(text, project_registry) if d.raw == "~400 TFLOPs")
    assert d.property == "achieved-throughput", d.property
