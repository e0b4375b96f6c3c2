"""The V100 PCIe card's non-tensor FP16 peak as a reference (session 30, vet65;
datasets/references/vet65.yaml). The family name "V100" covers the PCIe card and the SXM2
module; the references gave the non-tensor FP16 peak of the SXM2 module only (31.4 TFLOPS), so
the PCIe card's 28 TFLOPS, in a table whose other V100 figures are the PCIe card's (14 FP32,
112 tensor), missed every reference of the family and `kb vet` flagged a correct number
(dev-B, r93's "| V100 | Volta | 14 | 112 | 28 |").
"""
from __future__ import annotations

from conftest import references_backing

# r93-fsdl-cloud-gpus (dev-B), the table's header and its V100 row
V100 = ("Below are the raw TFLOPs of the different GPUs available from cloud providers.\n\n"
        "| Model | Arch   | FP32 | Mixed-precision | FP16 | Source             |\n"
        "| ----- | ------ | ---- | --------------- | ---- | ------------------ |\n"
        "| V100  | Volta  | 14   | 112             | 28   | [Datasheet][v100]  |\n")

REF = "ref-nvidia-v100-pcie-peak-throughput-fp16-vector-dense"


def test_the_curated_v100_fp16_figure_is_backed_by_the_pcie_reference(project_kb, project_comparer):
    assert REF in references_backing(project_comparer, project_kb, "r93-v100-fp16-tflops")
    assert project_comparer.backed(project_kb.claims_by_id["r93-v100-fp16-tflops"])


def test_the_sxm2_module_keeps_its_own_figure(project_kb):
    """The new value is the PCIe card's: an SXM2 module's non-tensor FP16 peak is still 31.4."""
    ref = {r.id: r for r in project_kb.references}[REF]
    assert ref.entity == "nvidia-v100-pcie" and float(ref.value) == 28
    sxm2 = {r.id: r for r in project_kb.references}["ref-nvidia-v100-sxm2-peak-throughput-fp16-vector-dense"]
    assert float(sxm2.value) == 31.4


def test_vet_does_not_flag_the_v100_rows_fp16_figure(tmp_path):
    from conftest import ROOT
    from kb.extract.vet import vet

    p = tmp_path / "article.md"
    p.write_text(V100, encoding="utf-8")
    ns = [n for n in vet(p, ROOT, as_of="2023-10-30").numbers if n.raw.strip().startswith("28")]
    assert ns
    for n in ns:
        assert n.status != "flagged", [f.message for f in n.findings]
