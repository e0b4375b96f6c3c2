"""The vet42 references (datasets/references/vet42.yaml): GeForce RTX 4080 / 4070 Ti / 4070 /
3090 Ti / 4060 Ti and RTX PRO 6000 Blackwell specifications, GLM-4.5's and QwQ-32B's sizes and
context windows, gpt-oss-120b's context window; and the entities that keep the Super cards and
GLM-4.5-Air apart from them (datasets/entities/vet42.yaml).

Curated claims that state these facts are backed by the new values (r76, a dev-A article:
"| Context window | 128k | ..." in the Qwen QwQ 32B column; r113's table of cards; r91's), a
figure of the right size but the wrong card misses, and a card sold with several memory sizes
agrees with each of them."""
from __future__ import annotations

import pytest

from conftest import references_backing

from kb.extract.drafts import extract_text
from kb.rules.compare import Comparer


@pytest.mark.parametrize("claim_id, ref_id", [
    # r76 (dev-A): "| Context window | 128k | 128k | ..." under "Qwen QwQ 32B"
    ("r76-groq-qwq-32b-context", "ref-qwq-32b-context-window-128k"),
    # r91: GLM-4.5's 128K window and the RTX PRO 6000's 96 GB
    ("r91-glm-4.5-context", "ref-glm-4.5-context-window-128k"),
    ("r91-table-rtx-pro-6000-memory", "ref-nvidia-rtx-pro-6000-blackwell-memory-capacity"),
    # r113: "| 4070 | New | 12GB |", the RTX 4070 Ti's and the RTX 3090 Ti's memory
    ("r113-table-4070-memory", "ref-nvidia-geforce-rtx-4070-memory-capacity"),
    ("r113-table-4070ti-memory", "ref-nvidia-geforce-rtx-4070-ti-memory-capacity"),
    ("r113-table-3090ti-memory", "ref-nvidia-geforce-rtx-3090-ti-memory-capacity"),
])
def test_curated_claims_of_these_facts_are_backed_by_the_new_references(project_kb, project_comparer, claim_id, ref_id):
    assert ref_id in references_backing(project_comparer, project_kb, claim_id)
    assert project_comparer.backed(project_kb.claims_by_id[claim_id])


def test_both_ways_of_writing_a_128k_window_agree(project_kb):
    """131,072 tokens and "128K" are the same window: a claim of either lies in one reference."""
    exact, k = project_kb.references_by_id["ref-qwq-32b-context-window"], project_kb.references_by_id["ref-qwq-32b-context-window-128k"]
    assert exact.interval.low <= 131072 <= exact.interval.high
    assert k.interval.low <= 128000 <= k.interval.high
    assert not (k.interval.low <= 131072 <= k.interval.high)  # hence two references
    for rid in ("ref-glm-4.5-context-window", "ref-gpt-oss-120b-context-window"):
        assert project_kb.references_by_id[rid].interval.low <= 131072 <= project_kb.references_by_id[rid].interval.high


def test_a_card_sold_with_two_memory_sizes_agrees_with_both(project_kb):
    """Memory capacity states a maximum, so an upper bound of 16 GB would read as 16 GB and make a
    correct "8 GB" miss: the RTX 4060 Ti has both sizes as references instead."""
    refs = [project_kb.references_by_id[f"ref-nvidia-geforce-rtx-4060-ti-memory-capacity-{n}gb"] for n in (8, 16)]
    for size in (8, 16):
        assert any(r.interval.low <= size <= r.interval.high for r in refs)
    assert not any(r.interval.low <= 24 <= r.interval.high for r in refs)
    upper = project_kb.references_by_id["ref-apple-m3-ultra-memory-capacity-max"]  # (an upper bound reads as exact)
    assert upper.qualifier == "upper_bound" and upper.interval.low > 256


def test_the_rtx_4080_bandwidth_reads_717_not_the_4080_supers_736(project_kb):
    r = project_kb.references_by_id["ref-nvidia-geforce-rtx-4080-memory-bandwidth"]
    assert r.interval.unit == "TB/s"
    assert r.interval.low <= 0.7168 <= r.interval.high  # "716.8 GB/s", 22.4 Gbps x 256 bits / 8
    assert not (r.interval.low <= 0.736 <= r.interval.high)


@pytest.mark.parametrize("text, entity", [
    ("The RTX 4080 Super has 736 GB/s of memory bandwidth.", "nvidia-geforce-rtx-4080-super"),
    ("The RTX 4070 Ti Super has 16 GB of memory.", "nvidia-geforce-rtx-4070-ti-super"),
    ("The RTX 4070 Super has a 220W TDP.", "nvidia-geforce-rtx-4070-super"),
    ("GLM-4.5-Air has 106 billion parameters.", "glm-4.5-air"),
    ("The RTX 4080 has 717 GB/s of memory bandwidth.", "nvidia-geforce-rtx-4080"),
    ("GLM-4.5 has 355 billion parameters.", "glm-4.5"),
])
def test_a_super_card_or_an_air_model_is_not_the_card_or_model_its_name_begins_with(project_registry, text, entity):
    """Without entities of their own, "RTX 4080 Super" linked to the RTX 4080, and its 736 GB/s
    would have missed the RTX 4080's 717 GB/s: a false alarm on a correct number."""
    drafts = extract_text(text, project_registry)
    assert drafts and {d.entity for d in drafts} == {entity}


def test_every_memory_size_the_m3_ultra_is_sold_with_agrees(project_kb, project_comparer):
    """vet41's "up to 512 GB" reads as 512 GB (memory capacity states a maximum): the 96, 128 and
    256 GB machines are references too, and a size Apple does not sell misses them all."""
    refs = [r for r in project_kb.references if r.entity == "apple-m3-ultra" and r.property == "memory-capacity"]
    for size in (96, 128, 256, 512):
        assert any(r.interval.low <= size <= r.interval.high for r in refs), size
    assert not any(r.interval.low <= 192 <= r.interval.high for r in refs)


def test_the_g5_xlarge_price_speaks_only_from_the_month_of_its_page(project_kb):
    """The page read gives the June 2026 price: a claim dated before it is not set against it."""
    import datetime as _dt

    r = project_kb.references_by_id["ref-aws-g5.xlarge-rental-price-aws-on-demand-2026-06"]
    assert r.interval.low <= 1.006 <= r.interval.high and not (r.interval.low <= 1.01 <= r.interval.high)
    assert Comparer.in_force(r, _dt.date(2026, 7, 1)) and Comparer.in_force(r, None)
    assert not Comparer.in_force(r, _dt.date(2025, 1, 1))
