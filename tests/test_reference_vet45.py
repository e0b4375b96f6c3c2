"""The vet45 references (datasets/references/vet45.yaml): the RTX 4090's hourly price on RunPod's
list, GeForce specifications (RTX 4090 memory bus and data rate, RTX 5060 Ti / 5070 / 5080, the
40-series Super cards, laptop GPUs' memory), context windows and sizes of open-weight models; and
the entities that keep the RTX 5070 Ti, the RTX 5080 and the laptop GPUs apart from the desktop
cards their names begin with (datasets/entities/vet45.yaml).

Curated claims that state these facts are backed by the new values (r85, a dev-A article: the
RTX 4090's $0.35 an hour; r116's 384-bit bus and 21 Gbps; r95's context windows), and the two
dev claims a reference now contradicts miss it: r132's ~$1.20 an hour for an RTX 4090 (reviewed
dubious) and r91's 16 GB for the RTX 5070 (a 12 GB card)."""
from __future__ import annotations

import pytest

from conftest import references_backing

from kb.extract.drafts import extract_text


@pytest.mark.parametrize("claim_id, ref_id", [
    # r85 (dev-A): an RTX 4090 for $0.35 an hour, inside RunPod's Community-Secure range
    ("r85-price-4090", "ref-nvidia-geforce-rtx-4090-rental-price-per-gpu-runpod-on-demand-2026-09"),
    ("r85-faq-8b-model", "ref-qwen3-8b-parameters-total"),
    # r116 / r112: the RTX 4090's 384-bit bus and 21 Gbps (also written 21,000 MT/s)
    ("r116-4090-bus-width", "ref-nvidia-geforce-rtx-4090-memory-bus-width"),
    ("r116-4090-data-rate", "ref-nvidia-geforce-rtx-4090-memory-data-rate"),
    ("r116-4090-data-rate-mts", "ref-nvidia-geforce-rtx-4090-memory-data-rate"),
    ("r112-4090-bus-width", "ref-nvidia-geforce-rtx-4090-memory-bus-width"),
    ("r112-4060-memory", "ref-nvidia-geforce-rtx-4060-laptop-memory-capacity"),
    # r95: "128K" windows of gpt-oss-20b and DeepSeek-R1-Distill-Qwen-7B, its 7.61B parameters
    ("r95-gptoss-context", "ref-gpt-oss-20b-context-window"),
    ("r95-distill-context-full", "ref-deepseek-r1-distill-qwen-7b-context-window-128k"),
    ("r95-distill-params", "ref-deepseek-r1-distill-qwen-7b-parameters-total"),
    # r76 (dev-A): Gemma 2 9B's 8k window; r91: GLM-4.6's 200K and the RTX 5060 Ti's 16 GB
    ("r76-groq-gemma-2-9b-context", "ref-gemma-2-9b-context-window-8k"),
    ("r91-glm-4.6-context", "ref-glm-4.6-context-window-200k"),
    ("r91-table-rtx-5060-ti-memory", "ref-nvidia-geforce-rtx-5060-ti-memory-capacity-16gb"),
])
def test_curated_claims_of_these_facts_are_backed_by_the_new_references(project_kb, project_comparer, claim_id, ref_id):
    assert ref_id in references_backing(project_comparer, project_kb, claim_id)
    assert project_comparer.backed(project_kb.claims_by_id[claim_id])


@pytest.mark.parametrize("claim_id, ref_id", [
    # r132 (dev-A, reviewed dubious): "| RTX 4090 | ... | 1.2 |" dollars an hour, above both of
    # RunPod's on-demand prices of the card
    ("r132-rtx-4090-hourly", "ref-nvidia-geforce-rtx-4090-rental-price-per-gpu-runpod-on-demand-2026-09"),
    # r91: "| RTX 5070 | $0.13 | 16 GB GDDR6 |": the RTX 5070 has 12 GB (the 16 GB card is the 5070 Ti)
    ("r91-table-rtx-5070-memory", "ref-nvidia-geforce-rtx-5070-memory-capacity"),
])
def test_a_number_the_new_references_contradict_is_compared_and_misses(project_kb, project_comparer, claim_id, ref_id):
    assert ref_id in references_backing(project_comparer, project_kb, claim_id)
    assert not project_comparer.backed(project_kb.claims_by_id[claim_id])


def test_no_starting_at_price_backs_an_inflated_rtx_4090_hour(project_kb, project_comparer):
    """A marketplace's 'Starting at' price is a lower bound and agrees with every higher price:
    none is a reference of the RTX 4090's hourly price, so r132's $1.20 is backed by nothing."""
    c = project_kb.claims_by_id["r132-rtx-4090-hourly"]
    refs = project_comparer.references_for(c)
    assert refs and not any(r.qualifier == "lower_bound" for r in refs)
    r = project_kb.references_by_id["ref-nvidia-geforce-rtx-4090-rental-price-per-gpu-runpod-on-demand-2026-09"]
    assert r.interval.low <= 0.34 and 0.74 <= r.interval.high and not (r.interval.low <= 1.2 <= r.interval.high)


def test_both_memory_sizes_of_the_rtx_5060_ti_agree_and_others_miss(project_kb):
    refs = [project_kb.references_by_id[f"ref-nvidia-geforce-rtx-5060-ti-memory-capacity-{n}gb"] for n in (8, 16)]
    for size in (8, 16):
        assert any(r.interval.low <= size <= r.interval.high for r in refs)
    assert not any(r.interval.low <= 12 <= r.interval.high for r in refs)


@pytest.mark.parametrize("text, entity", [
    ("The RTX 5070 Ti has 16 GB of memory.", "nvidia-geforce-rtx-5070-ti"),
    ("The RTX 5070 has 12 GB of memory.", "nvidia-geforce-rtx-5070"),
    ("The RTX 5080 has 16 GB of memory.", "nvidia-geforce-rtx-5080"),
    ("The RTX 4090 Laptop GPU has 16 GB of memory.", "nvidia-geforce-rtx-4090-laptop"),
    ("The RTX 4090 has 24 GB of memory.", "nvidia-geforce-rtx-4090"),
    ("The RTX 4080 Laptop GPU has 12 GB of memory.", "nvidia-geforce-rtx-4080-laptop"),
])
def test_a_ti_or_laptop_card_is_not_the_desktop_card_its_name_begins_with(project_registry, text, entity):
    """Without entities of their own, "RTX 5070 Ti" linked to the RTX 5070 and its (correct) 16 GB
    would have missed the RTX 5070's 12 GB: a false alarm on a correct number."""
    drafts = extract_text(text, project_registry)
    assert drafts and {d.entity for d in drafts} == {entity}


def test_every_new_reference_cites_a_page_with_a_locator(project_kb):
    refs = [r for r in project_kb.references if r.path.endswith("references/vet45.yaml")]
    assert len(refs) >= 40
    for r in refs:
        assert r.citation and r.locator and r.verified, r.id
