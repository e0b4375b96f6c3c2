"""Wrong numbers that ``kb check`` did not flag even as curated (the ceiling of ``kb vet``),
caught by rules and references added for them (designed on dev-B).

Each rule case is a small knowledge base in a temporary folder built on a short quote of the
dev-B article that showed the gap."""

from __future__ import annotations

from conftest import claim_findings

# --------------------------------------------------------------------------- serving memory

CONDITIONS = ("conditions:\n  precision: {description: d, values: [fp32, fp16, bf16, fp8, int8, int4, fp4, mixed]}\n"
              "  threshold: {description: d, values: [above, below, band, none], default: none}\n"
              "  method: {description: d, values: [inference, fine-tuning]}\n"
              "  context_length: {description: d}\n")
PROPERTIES = """
properties:
  - id: weights-memory
    name: Memory for the weights
    description: d
    canonical_unit: GB
    conditions: [precision, threshold]
  - id: serving-memory
    name: Memory to run a model
    description: d
    canonical_unit: GB
    conditions: [precision, method, context_length]
  - id: parameters-total
    name: Total parameters
    description: d
    canonical_unit: billion parameter
    conditions: []
"""
ENTITIES = """entities:
  - {id: qwen, name: Qwen 7B, kind: model}
  - {id: bare, name: Bare model, kind: model}
"""
REFERENCES = """citations:
  - {id: s, publisher: P, title: T, url: "https://example.org", date: "2025", kind: primary}
references:
  - {id: r-qwen, entity: qwen, property: parameters-total, value: 7.61, unit: billion parameter, citation: s}
"""


def _serving(cid, entity, value, quote, qualifier="approx", **conditions):
    return {"id": cid, "entity": entity, "property": "serving-memory", "value": value, "unit": "GB",
            "qualifier": qualifier, "conditions": conditions, "quote": quote}


def _weights_findings(tmp_path, claims):
    return claim_findings(tmp_path, claims, "weights-size", conditions=CONDITIONS, properties=PROPERTIES,
                          entities=ENTITIES, references=REFERENCES)


def test_a_memory_to_run_a_model_below_its_weights_alone_is_found(tmp_path):
    # dev-B (an inference-latency post): "A dense 7.61B parameter model ... the KV cache is 939 MB,
    # so our total memory usage is ~11.8 GB": 7.61B x 2 bytes in BF16 is 15.2 GB of weights alone
    got = _weights_findings(tmp_path, [_serving("total", "qwen", 11.8, "so our total memory usage is ~11.8 GB",
                                                precision="bf16", method="inference", context_length="16384")])
    f = got["total"]
    assert f.severity == "warning" and "less than its weights alone" in f.message
    assert "7.61 billion parameter x 2 byte" in f.message
    assert f.comparisons[0].direction == "below"


def test_only_the_floor_is_checked_and_gib_is_within_it(tmp_path):
    # weights plus a long context's cache run far above the weights: no bound above; 14.2 GiB is
    # 15.2 GB; a 4-bit run of the same model is a quarter of the BF16 weights
    got = _weights_findings(tmp_path, [
        _serving("long", "qwen", 60, "needs 60 GB at 128K", qualifier="exact", precision="bf16", context_length="131072"),
        _serving("gib", "qwen", 14.2, "about 14.2 GB (GiB) in BF16", precision="bf16"),
        _serving("int4", "qwen", 5, "runs in ~5 GB at 4 bits", precision="int4"),
        _serving("no-precision", "qwen", 4, "runs in ~4 GB", ),
    ])
    assert got == {}


def test_the_articles_own_parameter_count_serves_without_a_reference(tmp_path):
    own = {"id": "p", "entity": "bare", "property": "parameters-total", "value": 13, "unit": "billion parameter",
           "qualifier": "exact", "quote": "a 13B model"}
    got = _weights_findings(tmp_path, [own, _serving("bare-fp16", "bare", 13, "runs in ~13 GB in FP16", precision="fp16"),
                                       _serving("bare-ok", "bare", 30, "runs in ~30 GB in FP16", precision="fp16")])
    assert set(got) == {"bare-fp16"}
    assert "the article's own figure" in got["bare-fp16"].message


# --------------------------------------------------------------------------- training cost per token

from conftest import ROOT  # noqa: E402

TOKEN_ENTITIES = """entities:
  - {id: large-models, name: Large models trained Chinchilla-optimally, kind: model-class}
  - {id: run, name: A training run, kind: workload}
  - {id: ft-model, name: A fine-tunable model, kind: model}
"""


def _price(cid, entity, value, unit, quote, **conditions):
    return {"id": cid, "entity": entity, "property": "token-price", "value": value, "unit": unit,
            "qualifier": "exact", "conditions": conditions, "quote": quote}


def _implausible(tmp_path, claims):
    # the project's own vocabulary and plausible ranges
    return claim_findings(tmp_path, claims, "implausible", conditions=(ROOT / "datasets/conditions.yaml").read_text(),
                          properties=(ROOT / "datasets/properties/core.yaml").read_text(), entities=TOKEN_ENTITIES,
                          references="references: []\n")


def test_a_training_cost_of_cents_per_billion_tokens_is_implausible(tmp_path):
    # dev-B (a chapter on the economics of compute): "Chinchilla-optimal training at $0.01-0.05 per
    # billion tokens for large models"; (an H100-vs-A100 post): "Cost per billion tokens on A100:
    # $2.00 / (120,000 x 3600 / 1e9) ≈ $0.046" (2 dollars an hour over 432 million tokens an hour is
    # $4.6 per billion: a factor of 100 lost)
    low = {"id": "cls", "entity": "large-models", "property": "token-price", "low": 0.01, "high": 0.05,
           "unit": "USD per 1B tokens", "qualifier": "range", "conditions": {"tier": "training"},
           "quote": "Chinchilla-optimal training at $0.01-0.05 per billion tokens for large models"}
    got = _implausible(tmp_path, [low, _price("a100", "ft-model", 0.046, "USD per 1B tokens",
                                              "Cost per billion tokens on A100: ≈ $0.046", tier="training")])
    assert set(got) == {"cls", "a100"}
    assert got["cls"].severity == "warning" and "a single model's training" in got["cls"].message
    assert "6 FLOP per parameter per token" in got["a100"].message


def test_fine_tuning_list_prices_and_real_training_costs_are_plausible(tmp_path):
    got = _implausible(tmp_path, [
        _price("ft", "ft-model", 25, "USD per 1M tokens", "training: $25.00 / 1M tokens", tier="training"),
        _price("run-ok", "large-models", 4.6, "USD per 1B tokens", "about $4.6 per billion tokens", tier="training"),
        # a training run (a workload) has no token-price range: the extractor takes the kinds a
        # property has ranges for as the kinds it applies to, and a workload's would relink prices
        _price("run", "run", 0.046, "USD per 1B tokens", "a run at $0.046 per billion tokens", tier="training"),
        # a standard-tier price is judged by the standard range, as before
        _price("std", "ft-model", 0.02, "USD per 1M tokens", "$0.02 / 1M tokens"),
    ])
    assert got == {}
