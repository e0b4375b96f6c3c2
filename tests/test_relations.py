"""The article's own arithmetic: derived: formulas and comparison claims, recomputed.

Each case is a small knowledge base written into a temporary folder, with the arithmetic
done by hand in the test's comment. Right arithmetic must stay quiet; each telltale slip
of issue 13 must be found with its likely cause; what cannot be evaluated is an error with
file and line; and comparison claims are compared only with what has the same two sides.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import small_kb
from kb.core.findings import EvaluatedRelation, Operand
from kb.rules.check import check

ROOT = Path(__file__).resolve().parents[1]

PROPS = """
properties:
  - {id: tdp, name: TDP, description: d, canonical_unit: W, states_maximum: true, conditions: [scope]}
  - {id: power-draw, name: Power draw, description: d, canonical_unit: kW, conditions: [scope]}
  - {id: energy, name: Energy, description: d, canonical_unit: MWh, conditions: [period]}
  - {id: gpu-count, name: GPUs, description: d, canonical_unit: GPU, conditions: [scope]}
  - {id: node-count, name: Nodes, description: d, canonical_unit: node}
  - {id: token-price, name: Token price, description: d, canonical_unit: USD per 1M tokens, conditions: [direction]}
  - {id: workload-cost, name: Cost, description: d, canonical_unit: USD, conditions: [period]}
  - {id: cost-rate, name: Cost rate, description: d, canonical_unit: USD/hour, conditions: [period]}
  - {id: electricity-price, name: Electricity price, description: d, canonical_unit: USD/kWh}
  - {id: text-tokens, name: Tokens, description: d, canonical_unit: token}
  - {id: words, name: Words, description: d, canonical_unit: word}
  - {id: tokens-per-word, name: Tokens per word, description: d, canonical_unit: token/word}
  - {id: memory, name: Memory, description: d, canonical_unit: GB, conditions: [precision]}
  - {id: memory-bandwidth, name: Memory bandwidth, description: d, canonical_unit: TB/s}
  - {id: peak-throughput, name: Peak throughput, description: d, canonical_unit: TFLOPS, conditions: [precision, sparsity, scope]}
  - {id: parameters, name: Parameters, description: d, canonical_unit: billion parameter}
  - {id: layers, name: Layers, description: d, canonical_unit: x}
  - {id: gpu-hours, name: GPU-hours, description: d, canonical_unit: million GPU_hour}
  - {id: duration, name: Duration, description: d, canonical_unit: day}
  - {id: revenue, name: Revenue, description: d, canonical_unit: billion USD, conditions: [period]}
  - {id: loss, name: Loss, description: d, canonical_unit: billion USD, conditions: [period]}
  - {id: utilisation, name: Utilisation, description: d, canonical_unit: percent, conditions: [period]}
  - {id: ratio, name: Ratio, description: d, canonical_unit: x, comparison: ratio}
  - {id: share, name: Share, description: d, canonical_unit: percent, comparison: share}
  - {id: change, name: Change, description: d, canonical_unit: percent, comparison: change, signed: true}
  - {id: growth-rate, name: Growth rate, description: d, canonical_unit: percent, comparison: growth, signed: true}
  - {id: doubling-time, name: Doubling time, description: d, canonical_unit: month, comparison: growth}
"""
CONDITIONS = """
conditions:
  scope: {description: s, values: [per-gpu, per-node], default: per-gpu}
  direction: {description: d, values: [input, output]}
  precision: {description: p, values: [fp16, fp8]}
  sparsity: {description: s, values: [dense, sparse], mixup: sparse vs dense, ratio: 2}
  period: {description: p, pattern: '^\\d{4}(-(H[12]|Q[1-4]|\\d{2}))?$', examples: ["2024"]}
"""
ENTITIES = """
entities:
  - {id: acme, name: Acme, kind: organisation}
  - {id: gpu-a, name: GPU A, kind: gpu}
  - {id: gpu-a-sxm, name: GPU A SXM, kind: gpu, family: gpu-a}
  - {id: gpu-a-pcie, name: GPU A PCIe, kind: gpu, family: gpu-a}
  - {id: gpu-b, name: GPU B, kind: gpu}
  - {id: model-m, name: Model M, kind: model}
  - {id: model-n, name: Model N, kind: model}
  - {id: english, name: English text, kind: document}
  - {id: doc, name: A document, kind: document}
  - {id: job, name: A workload, kind: workload}
  - {id: job-b, name: Another workload, kind: workload}
"""
REFERENCES = """
citations:
  - {id: sheet, publisher: Acme, title: Datasheet, url: "https://example.org", date: "2024-01-01", kind: primary}
references:
  - {id: ref-tpw, entity: english, property: tokens-per-word, value: 1.33, unit: token/word, citation: sheet}
  - {id: ref-a-sxm-bw, entity: gpu-a-sxm, property: memory-bandwidth, value: 3.35, unit: TB/s, citation: sheet}
  - {id: ref-b-bw, entity: gpu-b, property: memory-bandwidth, value: 4.8, unit: TB/s, citation: sheet}
  - {id: ref-a-sxm-tdp, entity: gpu-a-sxm, property: tdp, value: 700, unit: W, conditions: {scope: per-gpu}, citation: sheet}
  - {id: ref-b-tdp, entity: gpu-b, property: tdp, value: 1000, unit: W, conditions: {scope: per-gpu}, citation: sheet}
  - {id: ref-b-a-tdp-ratio, entity: gpu-b, property: ratio, value: 1.43, unit: x, citation: sheet,
     numerator: {entity: gpu-b, property: tdp}, denominator: {entity: gpu-a-sxm, property: tdp}}
  - {id: ref-b-a-bw-other-ratio, entity: gpu-b, property: ratio, value: 9, unit: x, citation: sheet,
     numerator: {entity: gpu-b, property: layers}, denominator: {entity: gpu-a-sxm, property: layers}}
  - {id: ref-m-price-undated, entity: model-m, property: token-price, value: 10, unit: USD per 1M tokens, conditions: {direction: input}, citation: sheet}
"""


def make_kb(tmp_path: Path, sources: dict[str, list[dict]], references: str = REFERENCES) -> Path:
    """A tiny project with the vocabulary above and one source per entry."""
    return small_kb(tmp_path, sources, conditions=CONDITIONS, properties=PROPS, entities=ENTITIES,
                    references=references)


_LETTERS = str.maketrans("0123456789", "abcdefghij")


def claim(cid, entity, prop, value=None, unit=None, qualifier="exact", derived=None, **kw):
    c = {"id": cid, "entity": entity, "property": prop, "qualifier": qualifier, "quote": f"quote of {cid.translate(_LETTERS)}"}  # no digits: quote-value stays quiet
    if value is not None:
        c["value"] = value
    if unit is not None:
        c["unit"] = unit
    if derived is not None:
        c["derived"] = {"formula": derived[0], "from": derived[1]}
    c.update(kw)
    return c


def run(tmp_path, claims, **kw):
    """Check a one-source knowledge base; no integrity error may come of it."""
    rep = check(make_kb(tmp_path, {"a": claims}, **kw))
    errors = [f"{f.path}:{f.line} {f.code} {f.message}" for f in rep.findings if f.severity == "error"]
    assert not errors, errors
    return rep


def of(rep, code, cid):
    return [f for f in rep.findings if f.code == code and cid in f.claims]


def kinds(f) -> list[str]:
    return [c.kind for c in f.causes]


def relation(rep, cid, basis=None) -> EvaluatedRelation:
    (e,) = [e for e in rep.relations if e.claim == cid and (basis is None or e.basis == basis)]
    return e


# ---------------------------------------------------------------------- right arithmetic stays quiet


def test_right_arithmetic_stays_quiet(tmp_path):
    """8 x 700 W = 5.6 kW; 24,576 GPUs x 54 days x 24 h = 31,850,496 GPU-hours (31.85M);
    16 nodes x 8 GPUs = 128 GPUs; $2.50/hour is $1,800 a month of 720 hours (a 30-day month,
    which the calendar slack allows; pint's month is 730.5 hours)."""
    rep = run(tmp_path, [
        claim("n", "gpu-a-sxm", "gpu-count", 8, "GPU", conditions={"scope": "per-node"}),
        claim("t", "gpu-a-sxm", "tdp", 700, "W"),
        claim("p", "gpu-a-sxm", "power-draw", "5.6", "kW", conditions={"scope": "per-node"},
              derived=("n * t", {"n": "n", "t": "t"})),
        claim("g", "job", "gpu-count", 24576, "GPU"),
        claim("d", "job", "duration", 54, "day"),
        claim("h", "job", "gpu-hours", "31.85", "million GPU-hours", derived=("g * d", {"g": "g", "d": "d"})),
        claim("nodes", "job", "node-count", 16, "node"),
        claim("per", "job", "gpu-count", 8, "GPU", conditions={"scope": "per-node"}),
        claim("total", "job", "gpu-count", 128, "GPU", derived=("nodes * per", {"nodes": "nodes", "per": "per"})),
        claim("rate", "job", "cost-rate", "2.50", "USD/hour"),
        claim("month", "job", "cost-rate", 1800, "USD/month", derived=("r", {"r": "rate"})),
    ])
    assert not [f for f in rep.findings if f.code == "arithmetic"]
    rels = {e.claim: e for e in rep.relations}
    assert set(rels) == {"p", "h", "total", "month"}
    assert all(e.verdict == "consistent" for e in rels.values())
    assert rels["p"].with_numbers == "8 GPU × 700 W"
    assert rels["p"].computed.unit == "kW" and rels["p"].computed.low <= 5.6 <= rels["p"].computed.high


def test_inputs_are_the_numbers_the_article_computed_with(tmp_path):
    """"1 trillion tokens" is 10^12 in the article's arithmetic (not 0.5-1.5 x 10^12), and
    "~5 days" is 5 days: 64 GPUs x 120 h x $98.32 = $755K, so "~$990K" misses. A bound stays
    open: "over 1 trillion parameters" x 15 trillion tokens x 6 FLOP is anything from 9e25 up."""
    rep = run(tmp_path, [
        claim("n", "job", "gpu-count", 64, "GPU"),
        claim("d", "job", "duration", 5, "day", "approx"),
        claim("p", "job", "cost-rate", "98.32", "USD/hour"),
        claim("c", "job", "workload-cost", 990, "K USD", "approx", derived=("n * d * p", {"n": "n", "d": "d", "p": "p"})),
        claim("params", "model-m", "parameters", 1, "trillion parameter", "lower_bound"),
        claim("tokens", "model-m", "text-tokens", 15, "trillion token"),
        claim("flop", "model-m", "energy", 1, "MWh", derived=("params / [1 trillion parameter] * [1 MWh]",
                                                             {"params": "params"})),
    ])
    (f,) = of(rep, "arithmetic", "c")
    assert f.relation.computed.high < 0.80e6 and f.relation.computed.low > 0.70e6
    # the open bound: 1 MWh per trillion parameters of "over 1 trillion" is anything over 1 MWh
    assert relation(rep, "flop").verdict == "consistent" and math.isinf(relation(rep, "flop").computed.high)


# ---------------------------------------------------------------------- the telltale slips


def test_ten_times_slip_in_a_token_cost(tmp_path):
    """"12 pages (8,192 tokens) at $0.03 per 1,000 tokens would cost about $2.50": 8,192 x
    0.03 / 1,000 = $0.2458, a factor 10."""
    rep = run(tmp_path, [
        claim("t", "doc", "text-tokens", 8192, "token"),
        claim("p", "model-m", "token-price", "0.03", "USD per 1K tokens", conditions={"direction": "input"}),
        claim("c", "doc", "workload-cost", "2.50", "USD", "approx", derived=("t * p", {"t": "t", "p": "p"})),
    ])
    (f,) = of(rep, "arithmetic", "c")
    assert f.severity == "warning" and f.line == f.relation.line
    assert kinds(f)[0] == "scale-slip" and "10^1" in f.causes[0].text and f.causes[0].factor == pytest.approx(10)
    e = f.relation
    assert e.with_numbers == "8,192 token × 0.03 USD per 1K tokens"
    assert e.computed.low == pytest.approx(0.2458 * 0.97, rel=1e-3) and e.comparison.direction == "above"
    assert [(i.name, i.id, i.kind, i.quote) for i in e.inputs] == [("t", "t", "claim", "quote of t"),
                                                                  ("p", "p", "claim", "quote of p")]
    # the JSON evidence carries the same relation
    d = f.as_dict()["evidence"]["relation"]
    assert d["formula"] == "t * p" and d["verdict"] == "misses" and d["inputs"][0]["quote"] == "quote of t"
    json.dumps(d)


def test_price_per_1k_applied_as_per_1m(tmp_path):
    """5,000 tokens at $3 per 1M tokens is $0.015; the article says $15 (a price per 1K)."""
    rep = run(tmp_path, [
        claim("t", "doc", "text-tokens", 5000, "token"),
        claim("p", "model-m", "token-price", 3, "USD per 1M tokens", conditions={"direction": "input"}),
        claim("c", "doc", "workload-cost", 15, "USD", derived=("t * p", {"t": "t", "p": "p"})),
    ])
    (f,) = of(rep, "arithmetic", "c")
    assert f.causes[0].kind == "scale-slip" and "per 1K vs per 1M tokens" in f.causes[0].text


def test_cost_per_day_called_per_month(tmp_path):
    """50,000 requests a day at $0.009 is $450 a day; "$450 per month" is the daily figure."""
    rep = run(tmp_path, [
        claim("n", "job", "cost-rate", 450, "USD/day"),
        claim("m", "job", "cost-rate", 450, "USD/month", derived=("n", {"n": "n"})),
    ])
    (f,) = of(rep, "arithmetic", "m")
    assert f.causes[0].kind == "time-unit" and "per day vs per month" in f.causes[0].text
    assert f.causes[0].factor == pytest.approx(1 / 30.4375, rel=1e-3)


def test_power_bill_per_hour_called_per_month(tmp_path):
    """10 kW x $0.10/kWh = $1 an hour (730.5 hours a month: $730); "$1 a month" is per hour."""
    rep = run(tmp_path, [
        claim("p", "job", "power-draw", 10, "kW"),
        claim("e", "job", "electricity-price", "0.10", "USD/kWh"),
        claim("bill", "job", "cost-rate", 1, "USD/month", derived=("p * e", {"p": "p", "e": "e"})),
    ])
    (f,) = of(rep, "arithmetic", "bill")
    assert f.causes[0].kind == "time-unit" and "per hour vs per month" in f.causes[0].text


def test_gb_vs_gib_and_bits_vs_bytes(tmp_path):
    """8 x 10 GiB = 85.9 GB, stated "80 GB" (GiB read as GB); 70 billion parameters x 2 bytes =
    140 GB, stated 1,120 GB (the bits)."""
    rep = run(tmp_path, [
        claim("n", "gpu-a", "gpu-count", 8, "GPU"),
        claim("m", "gpu-a", "memory", 10, "GiB"),
        claim("total", "gpu-a", "memory", 80, "GB", derived=("n * m", {"n": "n", "m": "m"})),
        claim("p", "model-m", "parameters", 70, "billion parameter"),
        claim("w", "model-m", "memory", 1120, "GB", derived=("p * [2 byte/parameter]", {"p": "p"})),
    ])
    (f,) = of(rep, "arithmetic", "total")
    assert "binary-prefix" in kinds(f)
    (g,) = of(rep, "arithmetic", "w")
    assert kinds(g) == ["bits-bytes"] and g.relation.with_numbers == "70 billion parameter × 2 byte/parameter"


def test_sparse_vs_dense_and_a_doubled_kv_cache(tmp_path):
    """8 GPUs x 1,000 TFLOPS = 8 PFLOPS, stated 16 (the sparse figure); a KV cache of 2 (K and
    V) x 2 bytes x 80 layers x 8,192 x 1,000 tokens = 2.62 GB, stated twice that."""
    rep = run(tmp_path, [
        claim("n", "gpu-a", "gpu-count", 8, "GPU"),
        claim("f", "gpu-a", "peak-throughput", 1000, "TFLOPS", conditions={"precision": "fp16"}),
        claim("node", "gpu-a", "peak-throughput", 16, "PFLOPS", conditions={"precision": "fp16", "scope": "per-node"},
              derived=("n * f", {"n": "n", "f": "f"})),
        claim("l", "model-m", "layers", 80, "x"),
        claim("h", "model-m", "layers", 8192, "x"),
        claim("t", "doc", "text-tokens", 1000, "token"),
        claim("kv", "model-m", "memory", "5.24", "GB",
              derived=("2 * [2 byte] * l * h * t / [1 token]", {"l": "l", "h": "h", "t": "t"})),
    ])
    (f,) = of(rep, "arithmetic", "node")
    assert f.causes[0].kind == "factor-two" and "sparse vs dense" in f.causes[0].text
    (g,) = of(rep, "arithmetic", "kv")
    assert g.causes[0].kind == "factor-two" and g.causes[0].factor == pytest.approx(2)


def test_tokens_per_word_inverted_against_a_cited_conversion(tmp_path):
    """1,000 words x 1.33 tokens per word (a cited reference value, never a constant in code)
    = 1,330 tokens; "about 750 tokens" divided by the ratio instead."""
    rep = run(tmp_path, [
        claim("w", "doc", "words", 1000, "word"),
        claim("t", "doc", "text-tokens", 750, "token", "approx", derived=("w * r", {"w": "w", "r": "ref-tpw"})),
    ])
    (f,) = of(rep, "arithmetic", "t")
    inv = [c for c in f.causes if c.kind == "inverted"]
    assert inv and "ref-tpw" in inv[0].points_at
    assert [i.kind for i in f.relation.inputs] == ["claim", "reference"] and f.relation.inputs[1].quote is None


def test_figures_from_different_periods(tmp_path):
    """A loss ratio of the 2024 loss (5) over the 2023 revenue (3.7): 135%, stated 50%."""
    rep = run(tmp_path, [
        claim("loss", "acme", "loss", 5, "billion USD", conditions={"period": "2024"}),
        claim("rev", "acme", "revenue", "3.7", "billion USD", conditions={"period": "2023"}),
        claim("ratio", "acme", "share", 50, "percent", derived=("l / r", {"l": "loss", "r": "rev"}),
              numerator={"entity": "acme", "property": "loss"}, denominator={"entity": "acme", "property": "revenue"}),
    ])
    (f,) = of(rep, "arithmetic", "ratio")
    per = [c for c in f.causes if c.kind == "different-periods"]
    assert per and set(per[0].points_at) == {"loss", "rev"}


# ---------------------------------------------------------------------- one step: to the stated digits


def test_one_step_on_exact_numbers_holds_to_the_stated_digits(tmp_path):
    """A quotient of two exact figures has no intermediate result to round: 1,230.74 ÷ 467.85
    = 2.6306, so "2.65" (2.645-2.655) misses though it is within the 3% left for rounding, and
    "2.63" holds; 180.74 ÷ 73.54 = 2.4577 truncated to "2.45" holds (a unit in the last digit).
    The same slip two operations deep (× 1 GPU ÷ 1 GPU is still one figure over another, but
    an article could have rounded 1,230.74 × 2 first) keeps the 3%."""
    num = {"entity": "gpu-b", "property": "memory-bandwidth"}
    den = {"entity": "gpu-a-sxm", "property": "memory-bandwidth"}
    rep = run(tmp_path, [
        claim("a", "gpu-b", "memory-bandwidth", "1230.74", "GB/s"),
        claim("b", "gpu-a-sxm", "memory-bandwidth", "467.85", "GB/s"),
        claim("c", "model-m", "memory-bandwidth", "180.74", "GB/s"),
        claim("d", "model-n", "memory-bandwidth", "73.54", "GB/s"),
        claim("slip", "gpu-b", "layers", "2.65", "x", derived=("a / b", {"a": "a", "b": "b"})),
        claim("right", "gpu-b", "layers", "2.63", "x", derived=("a / b", {"a": "a", "b": "b"})),
        claim("cut", "model-m", "layers", "2.45", "x", derived=("c / d", {"c": "c", "d": "d"})),
        claim("deep", "gpu-b", "layers", "5.30", "x", derived=("a * 2 / b", {"a": "a", "b": "b"})),
        claim("ratio", "gpu-b", "ratio", "2.65", "x", numerator=num, denominator=den),
    ])
    (f,) = of(rep, "arithmetic", "slip")
    assert f.relation.computed.high < 2.645 < 2.6306 * 1.03
    assert not of(rep, "arithmetic", "right") and not of(rep, "arithmetic", "cut")
    assert relation(rep, "deep").verdict == "consistent"
    # a comparison claim over one exact figure on each side is one step too
    (g,) = of(rep, "arithmetic", "ratio")
    assert g.relation.basis == "article" and g.relation.with_numbers == "1,230.74 GB/s ÷ 467.85 GB/s"


def test_one_step_allows_the_inputs_rounding_and_round_numbers(tmp_path):
    """An input written with few digits may be rounded from the number the article computed
    with: 2.5 (2.45-2.55, 2% either way) x 1,024 hours = 2,560, so "2,590" holds; written
    "2.50" it is precise to 0.2% and "2,590" misses. The trailing zeros of a whole number do not
    count: 3,700 tokens/s x 128 GPUs is 40.9 billion tokens a day, which "40 billion" (to the
    nearest ten billion) holds. An approximate input keeps the 3% left for rounding: ~2.5 x
    1,024 = "2,630"."""
    rep = run(tmp_path, [
        claim("rough", "job", "cost-rate", "2.5", "USD/hour"),
        claim("fine", "job-b", "cost-rate", "2.50", "USD/hour"),
        claim("about", "job", "cost-rate", "2.5", "USD/hour", "approx", conditions={"period": "2024"}),
        claim("hours", "job", "duration", 1024, "hour"),
        claim("c1", "job", "workload-cost", 2590, "USD", derived=("r * h", {"r": "rough", "h": "hours"})),
        claim("c2", "job-b", "workload-cost", 2590, "USD", derived=("r * h", {"r": "fine", "h": "hours"})),
        claim("c3", "job", "workload-cost", 2630, "USD", conditions={"period": "2024"},
              derived=("r * h", {"r": "about", "h": "hours"})),
        claim("rate", "model-m", "text-tokens", 3700, "token"),
        claim("gpus", "model-m", "gpu-count", 128, "GPU"),
        claim("total", "model-m", "text-tokens", 40, "billion token",
              derived=("r * g / [1 GPU] * [86400 x]", {"r": "rate", "g": "gpus"})),
    ])
    assert not of(rep, "arithmetic", "c1") and not of(rep, "arithmetic", "c3")
    (f,) = of(rep, "arithmetic", "c2")
    assert f.relation.computed.high < 2589.5
    assert relation(rep, "total").verdict == "consistent"


# ---------------------------------------------------------------------- comparison claims


def test_comparison_against_the_articles_own_figures(tmp_path):
    """"Doubling the memory bandwidth" next to the article's own 3.35 and 4.8 TB/s (1.43x). (A
    written "2" is 1.5-2.5 by the precision rule, so "about 2x", 1.3-2.7, would hold 1.43.)"""
    rep = run(tmp_path, [
        claim("a", "gpu-a-sxm", "memory-bandwidth", "3.35", "TB/s"),
        claim("b", "gpu-b", "memory-bandwidth", "4.8", "TB/s"),
        claim("double", "gpu-b", "ratio", 2, "x", numerator={"entity": "gpu-b", "property": "memory-bandwidth"},
              denominator={"entity": "gpu-a-sxm", "property": "memory-bandwidth"}),
        claim("ok", "gpu-b", "ratio", "1.43", "x", numerator={"entity": "gpu-b", "property": "memory-bandwidth"},
              denominator={"entity": "gpu-a-sxm", "property": "memory-bandwidth"}),
    ])
    (f,) = of(rep, "arithmetic", "double")
    assert f.relation.basis == "article" and f.relation.with_numbers == "4.8 TB/s ÷ 3.35 TB/s"
    assert not of(rep, "arithmetic", "ok")
    # and against the references of the two sides (a hint: info)
    (g,) = of(rep, "comparison-contradicts-references", "double")
    assert g.severity == "info" and g.relation.basis == "references"
    assert {i.id for i in g.relation.inputs} == {"ref-a-sxm-bw", "ref-b-bw"}
    assert not of(rep, "comparison-contradicts-references", "ok")


def test_ten_times_cheaper_read_the_wrong_way(tmp_path):
    """"Model N is 10x cheaper": N's $1 over M's $10 per 1M tokens is 0.1, stated 10."""
    rep = run(tmp_path, [
        claim("m", "model-m", "token-price", 10, "USD per 1M tokens", conditions={"direction": "input"}),
        claim("n", "model-n", "token-price", 1, "USD per 1M tokens", conditions={"direction": "input"}),
        claim("r", "model-n", "ratio", 10, "x", numerator={"entity": "model-n", "property": "token-price",
                                                           "conditions": {"direction": "input"}},
              denominator={"entity": "model-m", "property": "token-price", "conditions": {"direction": "input"}}),
    ])
    (f,) = of(rep, "arithmetic", "r")
    assert "inverted" in kinds(f)


def test_percent_vs_percentage_points_ratio_as_change_and_the_complement(tmp_path):
    """Utilisation from 20% to 30% is +50%, not "up 10%" (points); revenue from 1 to 3 is
    +200%, not "up 300%" (the ratio); 0.54 of the cost is a 46% saving, stated as the share."""
    rep = run(tmp_path, [
        claim("u24", "job", "utilisation", 20, "percent", conditions={"period": "2024"}),
        claim("u25", "job", "utilisation", 30, "percent", conditions={"period": "2025"}),
        claim("up", "job", "change", 10, "percent",
              numerator={"entity": "job", "property": "utilisation", "conditions": {"period": "2025"}},
              denominator={"entity": "job", "property": "utilisation", "conditions": {"period": "2024"}}),
        claim("r24", "acme", "revenue", 1, "billion USD", conditions={"period": "2024"}),
        claim("r25", "acme", "revenue", 3, "billion USD", conditions={"period": "2025"}),
        claim("tripled", "acme", "change", 300, "percent",
              numerator={"entity": "acme", "property": "revenue", "conditions": {"period": "2025"}},
              denominator={"entity": "acme", "property": "revenue", "conditions": {"period": "2024"}}),
        claim("c-new", "job-b", "workload-cost", 54, "USD"),
        claim("c-old", "job", "workload-cost", 100, "USD"),
        claim("part", "job-b", "share", 46, "percent", numerator={"entity": "job-b", "property": "workload-cost"},
              denominator={"entity": "job", "property": "workload-cost"}),
    ])
    assert "percent-points" in kinds(of(rep, "arithmetic", "up")[0])
    assert "ratio-as-change" in kinds(of(rep, "arithmetic", "tripled")[0])
    assert "complement" in kinds(of(rep, "arithmetic", "part")[0])


def test_sides_must_state_the_conditions_they_name_and_common_values_tell_nothing(tmp_path):
    """A side "revenue in 2024" is not an undated revenue figure; an undated reference applies
    to both dates of a change, so it says nothing about the change."""
    rep = run(tmp_path, [
        claim("undated", "acme", "revenue", 25, "billion USD"),
        claim("r25", "acme", "revenue", 25, "billion USD", conditions={"period": "2025"}),
        claim("growth", "acme", "change", 35, "percent",
              numerator={"entity": "acme", "property": "revenue", "conditions": {"period": "2025"}},
              denominator={"entity": "acme", "property": "revenue", "conditions": {"period": "2024"}}),
        claim("cut", "model-m", "change", -50, "percent",
              numerator={"entity": "model-m", "property": "token-price", "conditions": {"direction": "input"},
                         "as_of": 2025},
              denominator={"entity": "model-m", "property": "token-price", "conditions": {"direction": "input"},
                           "as_of": 2024}),
    ])
    assert not [e for e in rep.relations if e.claim in ("growth", "cut")]
    assert not [f for f in rep.findings if f.code in ("arithmetic", "comparison-contradicts-references")]


def test_a_published_value_for_the_same_sides_outranks_a_computed_one(tmp_path):
    """ref-b-a-tdp-ratio (1.43) has the claim's two sides: a claim of 1.43 agrees with it and is
    not recomputed from references; a ratio of other sides (9x) is never compared."""
    rep = run(tmp_path, [
        claim("r", "gpu-b", "ratio", "1.43", "x", numerator={"entity": "gpu-b", "property": "tdp"},
              denominator={"entity": "gpu-a-sxm", "property": "tdp"}),
        claim("wrong", "gpu-b", "ratio", 9, "x", numerator={"entity": "gpu-b", "property": "tdp"},
              denominator={"entity": "gpu-a-sxm", "property": "tdp"}),
    ])
    assert not [e for e in rep.relations if e.claim == "r"]
    comps = rep.comparer.comparisons(rep.kb.claims_by_id["wrong"])
    assert [c.other for c in comps] == ["ref-b-a-tdp-ratio"]  # not the 9x ratio of layers
    (f,) = of(rep, "contradicts-reference", "wrong")
    assert f.comparisons[0].other == "ref-b-a-tdp-ratio"
    assert not [c for c in f.causes if c.kind in ("other-entity", "other-property", "other-variant")]


def test_comparison_claims_conflict_only_with_the_same_two_sides(tmp_path):
    root = make_kb(tmp_path, {
        "a": [claim("a1", "gpu-b", "ratio", 2, "x", numerator={"entity": "gpu-b", "property": "tdp"},
                    denominator={"entity": "gpu-a-sxm", "property": "tdp"})],
        "b": [claim("b1", "gpu-b", "ratio", 9, "x", numerator={"entity": "gpu-b", "property": "memory-bandwidth"},
                    denominator={"entity": "gpu-a-sxm", "property": "memory-bandwidth"}),
              claim("b2", "gpu-b", "ratio", 5, "x", numerator={"entity": "gpu-b", "property": "tdp"},
                    denominator={"entity": "gpu-a-sxm", "property": "tdp"})],
    })
    conflicts = [f for f in check(root).findings if f.code == "conflict"]
    assert [set(f.claims[:2]) for f in conflicts] == [{"a1", "b2"}]


# ---------------------------------------------------------------------- what cannot be evaluated


@pytest.mark.parametrize("formula, inputs, words", [
    ("n ** t", {"n": "n", "t": "t"}, "operator ** is not allowed"),
    ("__import__('os')", {}, "a name starts with a letter"),
    ("open('x')", {}, "a call is not allowed"),
    ("n.real", {"n": "n"}, "an attribute is not allowed"),
    ("n * q", {"n": "n"}, "uses q, which `from` does not bind"),
    ("n * t", {"n": "n", "t": "t", "u": "t"}, "binds u, which formula"),
    ("n * t", {"n": "n", "t": "nothing"}, "'nothing' is neither a claim nor a reference id"),
    ("n * t", {"n": "n", "t": "elsewhere"}, "is a claim of another source (b)"),
    ("n * s", {"n": "n", "s": "x"}, "cannot follow from itself"),
    ("n", {"n": "n"}, "gives GPU (a plain number), but x is in kW"),
    ("[2 blorp] * t", {"t": "t"}, "unknown unit 'blorp'"),
    ("n * t +", {"n": "n", "t": "t"}, "not a formula"),
    ("t + n", {"n": "n", "t": "t"}, "cannot express"),
])
def test_a_relation_that_cannot_be_evaluated_is_an_error_with_its_line(tmp_path, formula, inputs, words):
    root = make_kb(tmp_path, {
        "a": [claim("n", "gpu-a", "gpu-count", 8, "GPU"), claim("t", "gpu-a", "tdp", 700, "W"),
              claim("x", "gpu-a", "power-draw", "5.6", "kW", derived=(formula, inputs))],
        "b": [claim("elsewhere", "gpu-a", "tdp", 700, "W")],
    })
    rep = check(root)
    (f,) = [f for f in rep.findings if f.severity == "error"]
    assert f.code == "relation-invalid" and words in f.message, f.message
    lines = (root / "claims/a.yaml").read_text().splitlines()
    assert lines[f.line - 1].strip().startswith('"derived"')
    assert f.relation.verdict == "not-evaluated" and f.relation.error
    assert not rep.ok


# ---------------------------------------------------------------------- the report carries the relations


def test_report_relations_are_typed_sorted_and_complete(tmp_path):
    rep = run(tmp_path, [
        claim("n", "gpu-a", "gpu-count", 8, "GPU"),
        claim("t", "gpu-a", "tdp", 700, "W"),
        claim("p", "gpu-a", "power-draw", 56, "kW", derived=("n * t", {"n": "n", "t": "t"})),
        claim("q", "gpu-a", "power-draw", "5.6", "kW", derived=("n * t", {"n": "n", "t": "t"})),
    ])
    assert isinstance(rep.relations, tuple) and all(isinstance(e, EvaluatedRelation) for e in rep.relations)
    assert [e.claim for e in rep.relations] == ["p", "q"]
    assert [e.verdict for e in rep.relations] == ["misses", "consistent"]
    assert all(isinstance(i, Operand) for e in rep.relations for i in e.inputs)
    json.dumps([e.as_dict() for e in rep.relations])
    # one evaluation feeds the findings and the report
    (f,) = [f for f in rep.findings if f.code == "arithmetic"]
    assert f.relation is rep.relations[0]


def test_relations_on_the_real_knowledge_base_all_evaluate():
    """Every curated derived: formula of the real articles evaluates (no relation-invalid)."""
    rep = check(ROOT)
    derived = [e for e in rep.relations if e.kind == "derived"]
    assert len(derived) == sum(1 for c in rep.kb.claims if c.derived is not None) >= 300
    assert not [f for f in rep.findings if f.code == "relation-invalid"]
    assert sum(e.verdict == "consistent" for e in derived) > sum(e.verdict == "misses" for e in derived) > 20


def test_measurement_meets_its_targets_on_the_curated_relations():
    """python -m kb.tools.arithmetic: precision >= 0.9 for the arithmetic rule on the real
    articles' curated relations, every flagged claim labelled, and recall at the 0.7 of issue
    13 (0.714, 65 of 91, since a one-step relation is held to its stated digits: r72's 2.65x
    for the 2.63x of its own table, inside the 3% slack left for rounding, is now seen). Still
    missed: r100's '30% faster TTFT', labelled dubious, compares two models' times to first
    token that the article gives both as a mean and a median; the relation's terms name no
    statistic (the sentence names none), so the rule finds a pairing within reach of 1.3."""
    from kb.tools.arithmetic import DEFAULT_LABELS, load_labels, measure

    rep = check(ROOT)
    scores = measure(rep, load_labels(ROOT / DEFAULT_LABELS))
    s = scores["formula+article"]
    assert s.labelled > 100 and s.errors > 20
    assert s.precision >= 0.9 and s.recall >= 0.7, s.as_dict()
    assert not s.unlabelled_flagged


def test_check_does_not_import_pint_once_unit_texts_are_cached(tmp_path):
    env = {"KB_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "0"}
    code = "import sys, kb.rules.check; r = kb.rules.check.check(); print(len(r.relations), 'pint' in sys.modules)"
    first = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env, check=True)
    second = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env, check=True)
    n, imported = second.stdout.split()
    assert int(n) > 300 and imported == "False", (first.stdout, second.stdout, second.stderr)


def test_checker_page_states_the_constants_and_telltale_factors():
    from kb.core.units import UnitSize
    from kb.rules.relations import CALENDAR_SLACK, MATCH_RELATIVE, RELATION_SLACK, SCALE_POWERS, TELLTALES

    page = " ".join((ROOT / "docs" / "checker.md").read_text(encoding="utf-8").split())
    assert f"widened by {RELATION_SLACK:.0%} on each side" in page
    assert f"by {CALENDAR_SLACK:.1%} more" in page
    assert f"(within {MATCH_RELATIVE:.0%}," in page
    assert f"10^{SCALE_POWERS[0]} … 10^{SCALE_POWERS[-1]}" in page
    for _kind, big, small, _dim, words in TELLTALES:
        f = UnitSize.of(big).ratio(UnitSize.of(small))
        shown = f"{f:,.4g}" if f < 1000 else f"{f:,.0f}"
        assert shown.rstrip("0").rstrip(".") in page, (words, shown)
        assert words.split(" vs ")[0] in page


def test_the_measurement_counts_from_reviews_and_labels(tmp_path, capsys):
    """Reviewed wrong and flagged: a true positive; reviewed wrong, but the labels file says
    the review judges the input: not an error (so quiet is right); reviewed correct and
    flagged: a false positive; reviewed wrong and quiet: a false negative; unreviewed and
    flagged: listed as unlabelled."""
    from kb.tools import arithmetic

    rev = lambda v: {"verdict": v, "note": "n", "date": "2026-01-01"}  # noqa: E731
    root = make_kb(tmp_path, {"a": [
        claim("n", "gpu-a", "gpu-count", 8, "GPU"), claim("t", "gpu-a", "tdp", 700, "W"),
        claim("tp", "gpu-a", "power-draw", 56, "kW", derived=("n * t", {"n": "n", "t": "t"}), review=rev("wrong")),
        claim("input", "gpu-a", "power-draw", "5.6", "kW", derived=("n * t", {"n": "n", "t": "t"}), review=rev("wrong")),
        claim("fp", "gpu-a", "power-draw", 9, "kW", derived=("n * t", {"n": "n", "t": "t"}), review=rev("correct")),
        claim("fn", "gpu-a", "power-draw", "5.6", "kW", derived=("n * t", {"n": "n", "t": "t"}), review=rev("dubious")),
        claim("new", "gpu-a", "power-draw", 20, "kW", derived=("n * t", {"n": "n", "t": "t"})),
    ]})
    labels = tmp_path / "labels.yaml"
    labels.write_text("labels:\n  input: {relation: correct, why: the review judges the input}\n")
    s = arithmetic.measure(check(root), arithmetic.load_labels(labels))["formula"]
    assert (s.evaluated, s.flagged, s.labelled, s.errors, s.true_positives) == (5, 3, 4, 2, 1)
    assert (s.false_positives, s.false_negatives, s.unlabelled_flagged) == (["fp"], ["fn"], ["new"])
    assert (s.precision, s.recall) == (0.5, 0.5)
    assert arithmetic.main(["--root", str(root), "--labels", str(labels), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["groups"]["formula"]["precision"] == 0.5 and out["sources"][0]["misses"] == 3
    labels.write_text("labels:\n  input: {relation: maybe, why: x}\n")
    with pytest.raises(ValueError, match="wrong or correct"):
        arithmetic.load_labels(labels)
    labels.write_text("labels:\n  nosuch: {relation: wrong, why: x}\n")
    with pytest.raises(ValueError, match="do not exist: nosuch"):
        arithmetic.measure(check(root), arithmetic.load_labels(labels))


def test_the_json_report_lists_the_relations(tmp_path):
    from conftest import run_kb

    root = make_kb(tmp_path, {"a": [
        claim("n", "gpu-a", "gpu-count", 8, "GPU"), claim("t", "gpu-a", "tdp", 700, "W"),
        claim("p", "gpu-a", "power-draw", 56, "kW", derived=("n * t", {"n": "n", "t": "t"}))]})
    code, out, _ = run_kb("check", "--root", root, "--format", "json")
    data = json.loads(out)
    (rel,) = data["relations"]
    assert rel["claim"] == "p" and rel["verdict"] == "misses" and rel["with_numbers"] == "8 GPU × 700 W"
    assert rel["unit"] == "kW" and rel["computed_low"] < 5.6 < rel["computed_high"]
    (f,) = [f for f in data["findings"] if f["code"] == "arithmetic"]
    assert f["evidence"]["relation"] == rel and "10^1" in f["likely_cause"]
    code, out, _ = run_kb("check", "--root", root)
    assert "warning[arithmetic]" in out and "8 GPU × 700 W = " in out and "likely cause: a 10^1 scale slip" in out


def test_growth_rate_and_doubling_time_between_the_terms_dates(tmp_path):
    """"$8.19B in 2026, $49.8B by 2034 (25.9% CAGR)": (49.8 / 8.19)^(1/8) − 1 = 25.3%; the
    same figures double every 3.1 years (37 months). Without dates nothing is recomputed."""
    later = {"entity": "acme", "property": "revenue", "as_of": "2034"}
    earlier = {"entity": "acme", "property": "revenue", "as_of": "2026"}
    rep = run(tmp_path, [
        claim("early", "acme", "revenue", "8.19", "billion USD", conditions={"period": "2026"}),
        claim("late", "acme", "revenue", "49.8", "billion USD", conditions={"period": "2034"}),
        claim("cagr", "acme", "growth-rate", "25.9", "percent", numerator=later, denominator=earlier),
        claim("cagr-slip", "acme", "growth-rate", 52, "percent", numerator=later, denominator=earlier),
        claim("dt", "acme", "doubling-time", 37, "month", numerator=later, denominator=earlier),
        claim("undated", "acme", "growth-rate", 900, "percent",
              numerator={"entity": "acme", "property": "revenue"}, denominator={"entity": "acme", "property": "revenue"}),
    ])
    ok = relation(rep, "cagr", "article")
    assert ok.verdict == "consistent" and ok.formula.startswith("(") and "^0.125" in ok.with_numbers
    assert 24.0 < ok.computed.low < 25.3 < ok.computed.high < 26.5 and not of(rep, "arithmetic", "cagr")
    (f,) = of(rep, "arithmetic", "cagr-slip")
    assert f.relation.basis == "article"
    assert relation(rep, "dt", "article").verdict == "consistent"
    assert not [e for e in rep.relations if e.claim == "undated"]


def test_the_measurement_on_some_sources_lists_no_other_source_s_ids():
    """With --sources, the ids of misses and the rows per source are of those sources only (the
    counts stay over every source): measuring one half never shows a held-out article's claims."""
    from kb.tools.arithmetic import GroupScore, render

    s = GroupScore("formula", "arithmetic")
    s.false_negatives = ["a-1", "b-1"]
    s.false_positives = ["b-2"]
    rows = [{"source": x, "claims": 1, "relations": 1, "consistent": 0, "misses": 1, "not_evaluated": 0} for x in "ab"]
    out = render({"formula": s}, rows, 0, {"a-1": "a", "b-1": "b", "b-2": "b"}, {"a"})
    assert "a-1" in out and "b-1" not in out and "b-2" not in out
    assert "\nb " not in out and "\na " in out
    full = render({"formula": s}, rows, 0)
    assert "b-1" in full and "b-2" in full


def test_the_measurement_of_every_source_lists_no_held_out_ids(tmp_path):
    """Without --sources, the counts are over every source but the ids of misses and the rows
    per source leave out the held-out articles (tests/extract_corpus/real.yaml's holdout)."""
    from kb.tools.arithmetic import GroupScore, held_out_sources, render

    (tmp_path / "tests" / "extract_corpus").mkdir(parents=True)
    (tmp_path / "tests" / "extract_corpus" / "real.yaml").write_text("dev: [a]\nholdout: [b]\n", encoding="utf-8")
    held = held_out_sources(tmp_path)
    assert held == {"b"}
    s = GroupScore("formula", "arithmetic")
    s.false_negatives = ["a-1", "b-1"]
    rows = [{"source": x, "claims": 1, "relations": 1, "consistent": 0, "misses": 1, "not_evaluated": 0} for x in "ab"]
    out = render({"formula": s}, rows, 0, {"a-1": "a", "b-1": "b"}, {"a", "b"} - held,
                 "every source but the 1 held-out articles")
    assert "a-1" in out and "b-1" not in out and "\nb " not in out
    assert " 2 " in out.splitlines()[1]  # FN counted over both sources
    assert held_out_sources(tmp_path / "nowhere") == set()


# ------------------------------------------------------- a duration written in hours and minutes


def test_a_duration_in_hours_and_minutes_is_their_sum(tmp_path):
    """'~2h 10min' states 130 minutes (2 x 60 + 10) and '3 hours and 20 minutes' 200; a value
    edited to 140 while the quote still says 2h 10min is caught (quote-value)."""
    props = PROPS + "  - {id: run-duration, name: Duration, description: d, canonical_unit: hour}\n"
    rep = check(small_kb(tmp_path, {"a": [
        claim("run-a", "gpu-a", "run-duration", 130, "minute", quote="~2h 10min"),
        claim("run-b", "gpu-a", "run-duration", 2.5, "hour", quote="2 hours and 30 minutes"),
        claim("run-c", "gpu-a", "run-duration", 140, "minute", quote="2h 10min of training"),
    ]}, conditions=CONDITIONS, properties=props, entities=ENTITIES, references=REFERENCES))
    bad = [f.claims for f in rep.findings if f.code == "quote-value"]
    assert bad == [("run-c",)], bad
