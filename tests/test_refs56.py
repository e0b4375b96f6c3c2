"""The refs56 references (datasets/references/refs56.yaml): published values where wrong numbers of
real writing land and the knowledge base had only a plausible range.

Dev-B articles whose wrong or dubious numbers these values now contradict: r95's "~10.6 GB for
model parameters" of gpt-oss-20b (the model card's checkpoint is 12.8 GiB) and r04's table, which
gives the GH200's HBM3e version the H200's 141 GB and 4.8 TB/s (144 GB, 4.9 TB/s). Correct numbers
of the same articles are backed: r04's "144GB HBM3e", r139's "$60 per million tokens" for GPT-3 in
November 2021, r77's "ada v2 | $0.100", r116's "80-core GPU" of the M3 Ultra."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import references_backing

from kb.rules.compare import Comparer


@pytest.mark.parametrize("claim_id, ref_id", [
    # r95: "Uses ~10.6 GB for model parameters due to MXFP4 quantization" (reviewed dubious)
    ("r95-gptoss-weights", "ref-gpt-oss-20b-weights-memory-mxfp4-checkpoint"),
    ("r95-gptoss-weights-loading", "ref-gpt-oss-20b-weights-memory-mxfp4-checkpoint"),
    # r04: "| NVIDIA GH200 SXM (2) | ... 141 ... 4.80 TB/s" (the H200's figures; reviewed dubious)
    ("r04-mem-gh200-hbm3e-capacity", "ref-nvidia-gh200-hbm3e-memory-capacity"),
    ("r04-mem-gh200-hbm3e-bandwidth", "ref-nvidia-gh200-hbm3e-memory-bandwidth"),
])
def test_a_wrong_number_is_compared_with_the_new_reference_and_misses(project_kb, project_comparer, claim_id, ref_id):
    assert ref_id in references_backing(project_comparer, project_kb, claim_id)
    assert not project_comparer.backed(project_kb.claims_by_id[claim_id])


@pytest.mark.parametrize("claim_id, ref_id", [
    # r04: "(1) H100 w/ 96GB HBM3 or 144GB HBM3e"
    ("r04-gh200-hbm3e-144", "ref-nvidia-gh200-hbm3e-memory-capacity"),
    # r139: "In November 2021, GPT-3 cost $60 per million tokens"
    ("r139-gpt-3-price-2021", "ref-gpt-3-token-price-davinci-before-2022-09"),
    # r77: "| ada v2 | $0.100 | $0.050 |" (standard and batch price per 1M tokens)
    ("r77-ada-v2-price", "ref-openai-text-embedding-ada-002-token-price-input"),
    # r116: "(80-core GPU"
    ("r116-m3u-gpu-cores", "ref-apple-m3-ultra-compute-units-80"),
])
def test_a_right_number_is_backed_by_the_new_reference(project_kb, project_comparer, claim_id, ref_id):
    assert ref_id in references_backing(project_comparer, project_kb, claim_id)
    assert project_comparer.backed(project_kb.claims_by_id[claim_id])


def test_the_gpt_3_price_cut_of_september_2022_splits_the_two_prices(project_kb):
    """$0.06 per 1K tokens is in force until 2022-09-01, $0.02 from that day: a claim dated in
    2021 meets only the old price, one dated 2023 only the new one."""
    old = project_kb.references_by_id["ref-gpt-3-token-price-davinci-before-2022-09"]
    new = project_kb.references_by_id["ref-gpt-3-token-price-davinci-2022-09"]
    assert old.interval.low <= 60 <= old.interval.high and new.interval.low <= 20 <= new.interval.high
    for day, in_force in ((dt.date(2021, 11, 1), old), (dt.date(2023, 3, 1), new)):
        assert [r for r in (old, new) if Comparer.in_force(r, day)] == [in_force]


def test_the_batch_price_of_ada_v2_is_not_compared_with_the_standard_price(project_kb, project_comparer):
    """r77's "$0.050" is the batch tier: the standard-tier reference does not apply to it."""
    assert "ref-openai-text-embedding-ada-002-token-price-input" not in references_backing(
        project_comparer, project_kb, "r77-ada-v2-batch-price")


def test_both_gpu_sizes_of_the_m3_ultra_agree_and_others_miss(project_kb):
    refs = [project_kb.references_by_id[f"ref-apple-m3-ultra-compute-units-{n}"] for n in (60, 80)]
    for cores in (60, 80):
        assert any(r.interval.low <= cores <= r.interval.high for r in refs)
    assert not any(r.interval.low <= 76 <= r.interval.high for r in refs)  # the M2 Ultra's


def test_the_gpt_oss_checkpoint_is_read_in_gib(project_kb):
    """12.8 GiB is 13.7 GB: r95's 10.6 GB lies 1.17x below it, beyond the value's rounding."""
    r = project_kb.references_by_id["ref-gpt-oss-20b-weights-memory-mxfp4-checkpoint"]
    assert r.interval.unit in ("GiB", "GB")
    gb = r.interval.low * (1.073741824 if r.interval.unit == "GiB" else 1)
    assert 13.6 < gb < 13.8


def test_gemini_1_5_flash_window_agrees_written_either_way_and_2m_misses(project_kb):
    """1,048,576 tokens and "1M" are the same window; "2M" is Gemini 1.5 Pro's, not Flash's."""
    refs = [project_kb.references_by_id[i] for i in ("ref-gemini-1.5-flash-context-window",
                                                     "ref-gemini-1.5-flash-context-window-1m")]
    for window in (1048576, 1000000):
        assert any(r.interval.low <= window <= r.interval.high for r in refs)
    assert not any(r.interval.low <= 2000000 <= r.interval.high for r in refs)
