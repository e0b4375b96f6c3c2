"""`kb vet` sets a training run's duration against the compute it needs: 6 x parameters x
tokens over the GPUs and the time it took is what each GPU computed per second, which cannot be
above the dense 16-bit peak of the GPU the row or clause names (the references in force)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import one_claim_kb, vet_text, vetted_number

ENTITIES = """\
entities:
  - {id: nvidia-h100, name: NVIDIA H100, kind: gpu, aliases: [H100, NVIDIA H100]}
  - {id: nvidia-b200, name: NVIDIA B200, kind: gpu, aliases: [B200, NVIDIA B200]}
"""
CONDITIONS = """\
conditions:
  scope:
    description: What one number covers.
    values: [per-gpu, per-node]
  precision:
    description: Number format.
    values: [fp8, bf16, fp16]
  sparsity:
    description: Dense or sparse.
    values: [dense, sparse]
"""
PROPERTIES = """\
properties:
  - id: peak-throughput
    name: Peak throughput
    description: Peak FLOP/s of one GPU.
    canonical_unit: TFLOPS
    conditions: [scope, precision, sparsity]
  - id: parameters-total
    name: Parameters
    description: How many parameters a model has.
    cues: ["model size", "parameters"]
    canonical_unit: parameter
  - id: training-tokens
    name: Training tokens
    description: Tokens a model was trained on.
    cues: ["tokens"]
    canonical_unit: token
  - id: gpu-count
    name: GPU count
    description: How many GPUs.
    cues: ["GPUs"]
    canonical_unit: GPU
  - id: training-duration
    name: Training duration
    description: How long a run takes.
    cues: ["duration"]
    canonical_unit: day
"""
# the peaks, written for these tests (the H100 SXM's datasheet figures: 989 dense, 1,979 sparse)
REFERENCES = """\
citations:
  - {id: sheet, publisher: NVIDIA, title: Datasheet, url: "https://example.org/h100", date: "2023-01-01", kind: primary}
references:
  - {id: ref-h100-bf16-dense, entity: nvidia-h100, property: peak-throughput, value: 989, unit: TFLOPS,
     qualifier: exact, conditions: {precision: bf16, sparsity: dense, scope: per-gpu}, citation: sheet, locator: table}
  - {id: ref-h100-bf16-sparse, entity: nvidia-h100, property: peak-throughput, value: 1979, unit: TFLOPS,
     qualifier: exact, conditions: {precision: bf16, sparsity: sparse, scope: per-gpu}, citation: sheet, locator: table}
  - {id: ref-h100-fp8-dense, entity: nvidia-h100, property: peak-throughput, value: 1979, unit: TFLOPS,
     qualifier: exact, conditions: {precision: fp8, sparsity: dense, scope: per-gpu}, citation: sheet, locator: table}
"""
OTHER = "An H100 server holds 8 GPUs.\n"

# written for these tests: a plan whose first row needs ~2,600 TFLOPS per H100 (6 x 1e9 x 100e9
# FLOP on 8 GPUs in 8 hours), whose second needs ~300 (6 x 7e9 x 200e9 on 64 GPUs in 5 days)
PLAN = ("Our training runs.\n\n"
        "| Model Size | Tokens | GPUs | Duration | Cost (H100 on-demand) |\n|---|---|---|---|---|\n"
        "| 1B | 100B | 8 | ~8 hrs | ~$600 |\n"
        "| 7B | 200B | 64 | ~5 days | ~$20K |\n")


@pytest.fixture()
def kb_root(tmp_path: Path) -> Path:
    claim = {"id": "other-count", "entity": "nvidia-h100", "property": "gpu-count", "value": 8,
             "unit": "GPU", "qualifier": "exact"}
    return one_claim_kb(tmp_path, OTHER, claim, conditions=CONDITIONS, entities=ENTITIES,
                        properties=PROPERTIES, references=REFERENCES)


def test_a_run_faster_than_the_gpus_peak_is_flagged(kb_root, tmp_path):
    rep = vet_text(tmp_path, kb_root, PLAN)
    short = vetted_number(rep, "~8 hrs")
    assert short.status == "flagged", short.reason
    (f,) = [f for f in short.findings if f.title == "The training run it implies is faster than the GPU"]
    assert f.code == "implausible"
    # 6e20 FLOP / (8 GPUs x 8.8 h, the longest "~8 hours" may be): 2,367 TFLOPS; only dense 16-bit peaks count
    assert "needs 2,367 TFLOPS per GPU" in f.message and "989 TFLOPS dense 16-bit peak of the NVIDIA H100" in f.message


def test_a_run_within_the_gpus_peak_is_not_flagged(kb_root, tmp_path):
    rep = vet_text(tmp_path, kb_root, PLAN)
    assert vetted_number(rep, "~5 days").status != "flagged"


def test_no_gpu_named_no_finding(kb_root, tmp_path):
    rep = vet_text(tmp_path, kb_root, PLAN.replace(" (H100 on-demand)", ""))
    assert all(f.title != "The training run it implies is faster than the GPU"
               for n in rep.numbers for f in n.findings)


def test_a_lower_bound_on_the_duration_is_not_flagged(kb_root, tmp_path):
    rep = vet_text(tmp_path, kb_root, PLAN.replace("~8 hrs", ">8 hrs"))
    assert all(f.title != "The training run it implies is faster than the GPU"
               for n in rep.numbers for f in n.findings)


MOE_PROPERTIES = PROPERTIES.replace("""  - id: training-tokens""", """  - id: parameters-active
    name: Active parameters
    description: Parameters a token goes through.
    cues: ["active parameters", "active"]
    canonical_unit: parameter
  - id: training-tokens""")
# written for these tests: a mixture of experts, 400B parameters of which 20B active per token,
# on 1T tokens on 64 GPUs in ~30 days: ~13,000 TFLOPS per GPU counted with all its parameters,
# ~660 with the active ones (the H100: 989)
MOE = ("Our mixture-of-experts run.\n\n"
       "| Total parameters | Active parameters | Tokens | GPUs | Duration (H100) |\n|---|---|---|---|---|\n"
       "| 400B | 20B | 1T | 64 | ~30 days |\n")


def test_a_mixture_of_experts_is_counted_by_its_active_parameters(tmp_path):
    claim = {"id": "other-count", "entity": "nvidia-h100", "property": "gpu-count", "value": 8,
             "unit": "GPU", "qualifier": "exact"}
    root = one_claim_kb(tmp_path, OTHER, claim, conditions=CONDITIONS, entities=ENTITIES,
                        properties=MOE_PROPERTIES, references=REFERENCES)
    rep = vet_text(tmp_path, root, MOE)
    props = {n.raw: n.property for n in rep.numbers}
    assert props.get("20B") == "parameters-active" and props.get("400B") == "parameters-total", props
    assert vetted_number(rep, "~30 days").status != "flagged"
    # the same row read with its total parameters only would need more than the H100's peak
    rep = vet_text(tmp_path, root, MOE.replace("| Active parameters ", "").replace("| 20B ", "").replace("|---|---|---|---|---|", "|---|---|---|---|"))
    assert vetted_number(rep, "~30 days").status == "flagged"


def test_a_run_faster_than_the_utilisation_the_article_gives_is_flagged(kb_root, tmp_path):
    # the 5-day row needs ~276 TFLOPS per H100 (28% of its peak): above what an article that puts
    # MFU at 20% at most allows, within what one that says 35-55% allows
    low = "MFU = Model FLOP Utilization (typically 0.15-0.20)\n\n" + PLAN
    n = vetted_number(vet_text(tmp_path, kb_root, low), "~5 days")
    assert n.status == "flagged", n.reason
    (f,) = [f for f in n.findings if f.title == "The training run it implies is faster than the GPU"]
    assert "28% of the 989 TFLOPS dense 16-bit peak" in f.message and "(MFU up to 20%)" in f.message
    high = "MFU = Model FLOP Utilization (typically 0.35-0.55)\n\n" + PLAN
    assert vetted_number(vet_text(tmp_path, kb_root, high), "~5 days").status != "flagged"
    # the run above the peak itself is flagged as before, whatever the article says
    f = [f for f in vetted_number(vet_text(tmp_path, kb_root, high), "~8 hrs").findings
         if f.title == "The training run it implies is faster than the GPU"][0]
    assert "more than the 989 TFLOPS dense 16-bit peak" in f.message


def test_the_utilisation_an_article_states():
    from kb.extract.vet import _stated_utilisation

    assert _stated_utilisation("  MFU        = Model FLOP Utilization (typically 0.35-0.55)\n") == 0.55
    assert _stated_utilisation("We trained at 45% MFU on 1,024 GPUs.") == 0.45
    assert _stated_utilisation("model FLOPs utilization of 38.5 %") == 0.385
    # no share on a line that names it, or no such line: none
    assert _stated_utilisation("MFU improved 2.5x over the baseline.") is None
    # a share next to other words on the line is not the MFU
    assert _stated_utilisation("GPU utilization was 90%, while MFU reached 40%.") == 0.4
    assert _stated_utilisation("Tokens per second: 0.45 per GPU") is None
