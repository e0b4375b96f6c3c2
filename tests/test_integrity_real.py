"""The real knowledge base (claims/ and datasets/) passes every integrity rule.

And it is not vacuous: more than zero records of every kind were checked, and the number
of claims per source is pinned, so a lost claim fails CI. When claims are added or removed
on purpose, update CLAIMS_PER_SOURCE in the same change.
"""

from __future__ import annotations

from collections import Counter

import os

import pytest

from kb.core.catalogue import RULES
from kb.rules.check import check

#: Claims per source id, as curated. A lost (or unreviewed new) claim fails here.
CLAIMS_PER_SOURCE = {
    "000_f7fd7c52cf5c4f3d": 13,
    "001_dda9dabc24e7028c": 14,
    "002_61c95b9a03462e6b": 3,
    "003_a356f6938ac75750": 1,
    "004_04e6a78feba2595e": 2,
    "r01-training-cost-index": 253,
    "r02-h100-pcie-vs-sxm": 208,
    "r03-h100-inference-breakdown": 134,
    "r04-accelerators-chapter": 208,
    "r05-h100-vs-a100-value": 44,
    "r08-pricing-and-costs": 168,
    "r09-llm-api-costs": 25,
    "r10-ecobot-metrics": 34,
    "r12-ai-electricity-footprint": 14,
    "r13-ai-energy-crisis": 42,
    "r14-stargate-grid": 23,
    "r16-abundant-intelligence": 110,
    "r17-deepseek-v3-cost": 40,
    "r18-llm-moores-law": 14,
    "r19-welcome-mixtral": 49,
    "r20-welcome-llama3": 25,
    "r21-context-window-chart": 107,
    "r22-llm-evolution": 18,
    "r23-openai-trouble": 10,
    "r24-anthropic-landscape": 183,
    "r25-openai-training-compute": 128,
    "r40-llama-cpp-possible": 41,
    "r41-openai-inference-spend": 86,
    "r42-ai-models-standalone-pnl": 47,
    "r43-ai-new-hotness": 106,
    "r44-ai-datacenters-eat-world": 14,
    "r45-nvidia-ai-ambitions": 6,
    "r46-ai-datacenter-power-revolution": 172,
    "r47-gpu-cloud-providers": 111,
    "r48-ai-model-selection-guide": 135,
    "r49-google-ai-moat-chips": 59,
    "r50-nvidia-q4-fy2026": 29,
    "r51-megawatt-economics": 25,
    "r52-us-china-dc-energy": 122,
    "r53-h100-vs-a100-cloud-price": 88,
    "r54-self-hosting-economics": 94,
    "r55-seven-gigawatt-problem": 53,
    "r56-lean-and-hungry-ant": 33,
    "r57-ai-replacement-spending": 40,
    "r58-ai-dc-financial-bubble": 20,
    "r59-economics-of-compute": 45,
    "r60-ai-infrastructure-deals": 28,
    "r61-xai-colossus-2": 47,
    "r62-inhouse-llm-vs-api": 30,
    "r63-context-window-guide": 37,
    "r64-inference-obviously-profitable": 25,
    "r65-ai-data-vendor-oligopoly": 51,
    "r66-composer-vs-sonnet": 23,
    "r67-local-vs-api-cost": 88,
    "r80-power-hungry-giants": 59,
    "r81-h100-mi300x-memory-saturation": 66,
    "r82-self-hosted-vs-api": 56,
    "r83-cost-of-training-llm": 37,
    "r84-hyperscaler-capex-tracker": 169,
    "r68-a-really-big-computer": 46,
    "r69-big-tech-ai-spending": 32,
    "r71-gemini-image-cost": 84,
    "r72-vllm-benchmark-lambda": 237,
    "r73-coreweave-q3-2025-analysis": 85,
    "r74-data-center-water": 51,
    "r75-opt-175b-training-run": 37,
    "r76-models-pricing-comparison": 71,
    "r77-ai-api-pricing-summary": 103,
    "r78-ai-impact-tracker-energy": 78,
    "r79-xai-company-profile": 65,
    "r85-hourly-gpu-vs-per-token-api": 90,
    "r87-anthropic-financial-profile": 52,
    "r88-ai-datacenter-power-water": 34,
    "r89-llm-hardware": 38,
    "r90-ai-money-loop": 42,
    "r91-open-weights-borrowed-gpus": 64,
    "r92-gpt-is-dead-deepseek": 17,
    "r93-fsdl-cloud-gpus": 19,
    "r94-pytorch-fsdp-throughput": 113,
    "r95-hathora-inference-latencies": 72,
    "r96-ai-first-market-surge": 52,
    "r98-mismatched-intelligence": 11,
    "r99-stargate-infrastructure-boom": 15,
    "r100-vllm-benchmarking-four-models": 125,
    "r101-virginia-data-center-demand": 12,
    "r102-token-economics-cost-equation": 268,
    "r103-local-ai-cost-return": 242,
    "r104-tensorrt-llm-h100-vs-a100": 51,
    "r105-hyperscaler-energy-trail": 15,
    "r106-api-vs-self-hosted-2026": 22,
    "r107-ai-trillion-dollar-trap": 24,
    "r108-llm-training-faqs": 36,
    "r109-homelab-gpu-power-monitoring": 149,
    "r110-age-of-ai-subscriptions": 18,
    "r111-counting-pennies-genai": 44,
    "r112-tensorrt-llm-vs-llama-cpp": 67,
    "r113-deep-learning-build-2k": 81,
    "r114-self-hosting-ai-models": 101,
    "r115-cheapest-dl-workstation": 26,
    "r116-gpu-spec-cheatsheet": 87,
    "r117-used-rtx3090-for-llms": 21,
    "r118-colab-gpu-pricing": 54,
    "r119-kv-cache-notes": 47,
    "r120-ai-electricity-costs-essay": 12,
    "r121-edge-datacenter-container": 41,
    "r122-assistant-startup-costs-notes": 25,
    "r123-inference-calculator-notes": 42,
    "r124-datacenter-power-concern-notes": 27,
    "r125-deepseek-v3-gpu-hours-note": 4,
    "r126-self-hosted-vs-parasail-costs": 115,
    "r127-datacenter-scaling-bottlenecks": 44,
    "r128-h100-fleet-compute-drift": 27,
    "r129-ai-country-of-thinkers": 32,
    "r130-llm-locust-cost-estimation": 70,
    "r131-unsustainable-genai-economics": 14,
    "r132-inference-research-analysis": 16,
    "r133-onprem-llm-gpu-autoscaling": 13,
    "r134-nvidia-earnings-market-impact": 21,
    "r135-llm-api-cost-strategies": 31,
    "r136-gpt-compute-time-naive": 23,
    "r137-groq-tokens-as-a-service": 10,
    "r138-llm-cost-guide-mit": 45,
    "r139-833x-economics-of-intelligence": 24,
    "r140-chatgpt-api-cheap": 13,
    "r141-chatgpt-has-an-api": 16,
    "r142-gpt-45-not-a-frontier-model": 32,
    "r143-nvidia-valuation-decomposition": 127,
    "r144-openai-finances-notes": 93,
    "r145-401k-ai-exposure": 71,
    "r146-people-use-ai-more": 29,
    "r147-trillion-dollar-cluster": 163,
    "r148-switching-to-inference-endpoints": 47,
    "r149-llama2-sagemaker-benchmark": 88,
    "r150-transformer-math-101": 32,
    "r151-llama-3-on-tpus": 65,
    "r152-high-cost-of-ai-compute": 58,
    "r153-h100-rental-bubble": 111,
    "r154-ai-observability-pricing": 66,
    "r155-model-subsidies-ending": 58,
    "r156-vicuna-chatbot": 47,
    "r157-gaudi2-vs-a100": 64,
    "r158-inferentia2-llama2": 62,
    "r159-embedding-quantization": 166,
    "r160-gpt-4-1-developer-guide": 61,
    "r161-claude-sonnet-vs-o1": 45,
    "r162-ai-funding-boom": 52,
    "r163-anthropic-compute-advantage": 75,
    "r164-alphabet-ai-breakup": 59,
    "r165-ai-early-innings": 51,
    "r166-top-tech-stocks": 23,
    "r167-ai-capex-arms-race": 54,
    "r168-nvidia-partners-comparison": 110,
}


@pytest.fixture(scope="module")
def report(root):
    return check(root)


def test_more_than_zero_records_were_checked(report):
    c = report.counts
    for kind in ("claims", "references", "sources", "entities", "properties", "files"):
        assert c[kind] > 0, f"checked no {kind}"
    kb = report.kb
    assert len(kb.claims) == c["claims"] and len(kb.references) == c["references"]
    assert len(kb.citations) > 0
    assert kb.conditions


def test_no_error_finding(report):
    errors = [f"{f.path}:{f.line}: {f.code} {f.message}" for f in report.findings if f.severity == "error"]
    assert not errors, "\n".join(errors)
    assert report.ok and report.exit_code == 0


def test_no_integrity_finding_at_all(report):
    integrity = [f"{f.path}:{f.line}: {f.code} {f.message}" for f in report.findings if RULES[f.code].kind == "integrity"]
    assert not integrity, "\n".join(integrity)


def test_no_loader_finding(report):
    assert not report.kb.load_findings


def test_claims_per_source_are_pinned(report, root):
    counts = Counter(c.source for c in report.kb.claims)
    assert dict(counts) == CLAIMS_PER_SOURCE
    # one claims file per source, named after it
    assert sorted(p.stem for p in (root / "claims").glob("*.yaml") if not p.name.endswith(".draft.yaml")) == sorted(
        CLAIMS_PER_SOURCE)


def test_every_source_has_its_text_and_every_claim_is_quoted(report):
    kb = report.kb
    for sid, src in kb.sources.items():
        assert src.text, sid
    for c in kb.claims:
        src = kb.sources[c.source]
        assert src.text[c.start:c.end] == c.quote, c.id


def test_every_quantity_claim_is_normalised(report):
    kb = report.kb
    for v in (*kb.claims, *kb.references):
        assert v.ok, v.id
        if kb.properties[v.property].type == "categorical":
            continue
        if getattr(v, "not_compared", None):
            assert v.interval is None and "not compared" in v.not_compared, v.id  # another currency, no rate
            continue
        assert v.interval is not None, v.id
        prop = kb.properties[v.property]
        assert (prop.signed or 0 <= v.interval.low) and v.interval.low <= v.interval.high, v.id


def test_ids_are_unique(report):
    kb = report.kb
    ids = [v.id for v in (*kb.claims, *kb.references)]
    assert len(ids) == len(set(ids))
    assert not [f for f in report.findings if f.code == "duplicate-id"]


def test_every_finding_has_path_and_line(report, root):
    for f in report.findings:
        assert f.path and (root / f.path).is_file(), f
        assert isinstance(f.line, int) and f.line >= 1, f


SNAPSHOT = __import__("pathlib").Path(__file__).with_name("snapshots") / "seed-findings.txt"
SEEDS = ("000_", "001_", "002_", "003_", "004_")


def test_findings_on_the_seed_articles_are_the_recorded_ones(report):
    """Codes, claims and severities of the findings among the five seed articles are pinned:
    a change of the checker that changes them must say so (regenerate with
    ``KB_UPDATE_SNAPSHOT=1`` and review the diff)."""
    seed_claims = {c.id for c in report.kb.claims if c.source.startswith(SEEDS)}
    rows = sorted(f"{f.code} {f.severity} {' '.join(f.claims)}" for f in report.findings
                  if f.claims and set(f.claims) <= seed_claims)
    if os.environ.get("KB_UPDATE_SNAPSHOT"):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text("".join(r + "\n" for r in rows), encoding="utf-8")
    assert rows == SNAPSHOT.read_text(encoding="utf-8").splitlines()
