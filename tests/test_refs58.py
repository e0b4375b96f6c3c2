"""The refs58 references (datasets/references/refs58.yaml): cited values for the (entity, property,
conditions) that the development claims state and no reference covered.

Dev-B sentences they now back: r04's "24x 100 Gigabit Ethernet (RoCEv2) integrated on chip" (the
Gaudi 2's ports), r95's "64 query heads and 8 KV heads" and "64 head dimension" (gpt-oss-20b) and
"GQA (28 query heads ... 4 KV heads)" across "28 layers" (DeepSeek-R1-Distill-Qwen-7B), r93's
"| P100 | Pascal | 9.3 | N/A | 18.7 |" (the PCIe P100), r116's "1.3 PFLOPS theoretical" (the RTX
4090's dense INT4 peak), r143's "Revenue: $57.0B", "Data Center: $51.2B", "Net income: $31.9B" and
"73% gross margins" (NVIDIA, fiscal Q3 2026), r87's "NVIDIA $10B" and "Microsoft $5B" (in
Anthropic, November 2025) and r55's "was built in 122 days" (xAI's Colossus)."""
from __future__ import annotations


import pytest

from conftest import check_reference_file, printed_numbers, reference_records, references_backing


def _records():
    return reference_records("refs58")


def test_the_file_loads_with_every_reference_and_its_citation(project_kb):
    check_reference_file("refs58", project_kb, own_citations=True)


@pytest.mark.parametrize("ref", _records()[1], ids=lambda r: r["id"])
def test_each_value_is_the_one_its_quote_prints(ref):
    """The value appears in the quoted passage as printed ('$57,006', '73.4 %', '660.60 TOPS')."""
    assert float(str(ref["value"])) in printed_numbers(ref["locator"])


@pytest.mark.parametrize("claim_id, ref_id", [
    # r04: "- 24x 100 Gigabit Ethernet (RoCEv2) integrated on chip"
    ("r04-gaudi2-port-bw", "ref-intel-gaudi-2-interconnect-bandwidth-ethernet-per-port"),
    ("r04-gaudi2-ports", "ref-intel-gaudi-2-network-ports"),
    # r95: "64 query heads and 8 KV heads", "64 head dimension"
    ("r95-gptoss-heads", "ref-gpt-oss-20b-attention-heads"),
    ("r95-gptoss-kv-heads", "ref-gpt-oss-20b-kv-heads"),
    ("r95-gptoss-head-dim", "ref-gpt-oss-20b-head-dim"),
    # r95: "GQA (28 query heads", "4 KV heads)", "across 28 layers"
    ("r95-distill-heads", "ref-deepseek-r1-distill-qwen-7b-attention-heads"),
    ("r95-distill-kv-heads", "ref-deepseek-r1-distill-qwen-7b-kv-heads"),
    ("r95-distill-layers", "ref-deepseek-r1-distill-qwen-7b-layers"),
    # r93: "| P100  | Pascal | 9.3  | N/A             | 18.7 |"
    ("r93-p100-fp32-tflops", "ref-nvidia-tesla-p100-peak-throughput-fp32-pcie"),
    ("r93-p100-fp16-tflops", "ref-nvidia-tesla-p100-peak-throughput-fp16-pcie"),
    # r116: "1.3 PFLOPS theoretical" (INT4, dense)
    ("r116-4090-int4", "ref-nvidia-geforce-rtx-4090-peak-throughput-int4-tensor-dense"),
    # r143: "Revenue: $57.0B", "Data Center: $51.2B", "Net income: $31.9B", "collects **73% gross margins**"
    ("r143-revenue-q3", "ref-nvidia-revenue-fy2026-q3-total-fiscal-label"),
    ("r143-dc-revenue-q3", "ref-nvidia-revenue-fy2026-q3-data-center-fiscal-label"),
    ("r143-net-income-q3", "ref-nvidia-net-income-fy2026-q3"),
    ("r143-gross-margin", "ref-nvidia-gross-margin-fy2026-q3"),
    # r87: "NVIDIA $10B)", "post Microsoft $5B" (in Anthropic, November 2025)
    ("r87-nvidia-investment-table", "ref-nvidia-investment-anthropic-committed-2025-11"),
    ("r87-microsoft-investment-table", "ref-microsoft-investment-anthropic-committed-2025-11"),
    # r55: "was built in 122 days"; r79: "(122 days from announcement to deployment)"
    ("r55-colossus-build-time", "ref-xai-colossus-construction-time"),
    ("r79-colossus-build-days", "ref-xai-colossus-construction-time"),
])
def test_a_right_number_is_backed_by_the_new_reference(project_kb, project_comparer, claim_id, ref_id):
    assert ref_id in references_backing(project_comparer, project_kb, claim_id)
    assert project_comparer.backed(project_kb.claims_by_id[claim_id])


def test_each_p100_board_agrees_and_a_figure_between_them_misses(project_kb):
    """One registry entity holds the P100's boards: 9.3 (PCIe) and 10.6 TFLOPS (NVLink) both agree
    with a reference, 12 TFLOPS FP32 meets none."""
    refs = [project_kb.references_by_id[f"ref-nvidia-tesla-p100-peak-throughput-fp32-{b}"] for b in ("pcie", "nvlink")]
    for tflops in (9.3, 10.6):
        assert any(r.interval.low <= tflops <= r.interval.high for r in refs)
    assert not any(r.interval.low <= 12 <= r.interval.high for r in refs)


def test_the_4090_int8_dense_peak_is_half_the_sparse_one(project_kb):
    dense = project_kb.references_by_id["ref-nvidia-geforce-rtx-4090-peak-throughput-int8-tensor-dense"]
    sparse = project_kb.references_by_id["ref-nvidia-geforce-rtx-4090-peak-throughput-int8-tensor"]
    assert dense.conditions["sparsity"] == "dense" and sparse.conditions["sparsity"] == "sparse"
    assert abs(2 * dense.interval.mid - sparse.interval.mid) < 1.0


def test_a_commitment_is_not_compared_with_a_year_of_investments(project_kb, project_comparer):
    """A company's investments over a year (period 2025) are another quantity than one commitment
    announced in that year: the commitment carries the month it was made."""
    for ref_id in ("ref-nvidia-investment-openai-committed-2025-09", "ref-nvidia-investment-anthropic-committed-2025-11"):
        ref = project_kb.references_by_id[ref_id]
        assert not project_comparer.compatible({"period": "2025"}, ref.conditions)
        assert project_comparer.compatible({"investee": ref.conditions["investee"]}, ref.conditions)


def test_the_fiscal_quarter_is_labelled_as_the_conditions_vocabulary_asks(project_kb):
    """NVIDIA's quarter ended 2025-10-26 is fiscal Q3 2026 (FY2026-Q3), not calendar 2026-Q3."""
    for ref_id in ("ref-nvidia-revenue-fy2026-q3-total-fiscal-label", "ref-nvidia-net-income-fy2026-q3",
                   "ref-nvidia-gross-margin-fy2026-q3"):
        assert project_kb.references_by_id[ref_id].conditions["period"] == "FY2026-Q3"


def test_a_commitment_is_in_force_only_from_its_announcement(project_kb, project_comparer):
    """The Microsoft 10-Q's USD 13 billion of commitments is dated at the quarter's end: an article
    of 2023 writing the USD 10 billion tranche is not compared with it."""
    import datetime as dt

    ref = project_kb.references_by_id["ref-microsoft-investment-openai-committed-2025-09"]
    assert not project_comparer.in_force(ref, dt.date(2023, 1, 31))
    assert project_comparer.in_force(ref, dt.date(2025, 9, 30))
