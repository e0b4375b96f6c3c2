"""Misses that are wrong by construction are unsure (a note, not a warning):

- a claim about a class (every model) compared with the references of only a few of its
  members (they are a sample of the class, not the class), while the class's own references,
  or the references of many members, still make a contradiction;
- a price that names no provider compared with other providers' prices only, near one of them
  (it may be the price of a provider without a reference), while the entity's own first-party
  price, or a value far from every provider's, still makes a contradiction;
- an exact value with the reference's digits cut, not rounded;
- a round figure ("1,000 TFLOPS" for 989) whose trailing zeros may only hold places, near the
  other value (a reference, or another article's claim in a conflict);
- a count of tokens or bytes that is the reference read in decimal for binary units (1,000,000
  tokens for 1,048,576; 32 GB for 32 GiB), while a count of other things 1.024x off, or tokens
  off by another factor, still contradicts.
"""

from __future__ import annotations

from conftest import claim_findings, small_kb
from kb.rules.check import check
from kb.rules.compare import CLASS_MIN_MEMBERS, PARTY_SLACK, ROUND_FIGURE_SLACK

CONDITIONS = """
conditions:
  direction: {description: d, values: [input, output], mixup: input vs output price}
  provider: {description: who sells it, values_from: organisation, mixup: another provider's price}
  sparsity: {description: s, values: [dense, sparse], mixup: sparse vs dense, ratio: 2}
"""
PROPERTIES = """
properties:
  - id: training-cost
    name: Training cost
    description: Cost of training one model (test)
    canonical_unit: million USD
  - id: token-price
    name: Token price
    description: Token price (test)
    canonical_unit: USD per 1M tokens
    conditions: [direction, provider]
  - id: peak-throughput
    name: Peak throughput
    description: Peak throughput (test)
    canonical_unit: TFLOPS
    conditions: [sparsity]
  - id: context-window
    name: Context window
    description: Context window (test)
    canonical_unit: token
  - id: memory
    name: Memory
    description: Memory (test)
    canonical_unit: GB
  - id: gpus
    name: Number of GPUs
    description: GPUs of a cluster (test)
    canonical_unit: GPU
"""
N = CLASS_MIN_MEMBERS
ENTITIES = "entities:\n" + "".join(
    f"  - {{id: m{i}, name: Model {i}, kind: model, vendor: lab}}\n" for i in range(N)) + """
  - {id: lab, name: The Lab, kind: organisation}
  - {id: host, name: Host Inc, kind: organisation}
  - {id: cloud, name: Cloud Co, kind: organisation}
  - {id: models, name: Models in general, kind: model-class, class_of: model}
  - {id: open-model, name: Open Model, kind: model, vendor: lab}
  - {id: chip, name: Chip, kind: gpu, vendor: lab}
"""
CITE = 'citations:\n  - {id: s, publisher: P, title: T, url: "https://example.org", date: "2025", kind: primary}\nreferences:\n'


def _refs(lines: list[str]) -> str:
    return CITE + "".join(f"  - {line}\n" for line in lines)


def _claim(cid, entity, prop, value, unit, qualifier="exact", **kw):
    return {"id": cid, "entity": entity, "property": prop, "value": value, "unit": unit, "qualifier": qualifier,
            "quote": f"{cid} says {value} {unit}", **kw}


def _findings(tmp_path, claims, refs):
    return claim_findings(tmp_path, claims, "contradicts-reference", conditions=CONDITIONS, properties=PROPERTIES,
                          entities=ENTITIES, references=_refs(refs))


def test_a_class_claim_against_few_members_is_unsure(tmp_path):
    refs = [f"{{id: r{i}, entity: m{i}, property: training-cost, value: {i + 1}, unit: million USD, citation: s}}"
            for i in range(2)]
    f = _findings(tmp_path, [_claim("c1", "models", "training-cost", 1000, "million USD", "lower_bound")], refs)["c1"]
    assert f.severity == "info" and "unsure" in f.message and "only 2 of its members" in f.message
    assert len(f.comparisons) == 2  # still compared with them, shown nearest first


def test_a_class_claim_against_many_members_or_its_own_reference_is_a_contradiction(tmp_path):
    many = [f"{{id: r{i}, entity: m{i}, property: training-cost, value: {i + 1}, unit: million USD, citation: s}}"
            for i in range(N)]
    f = _findings(tmp_path, [_claim("c1", "models", "training-cost", 1000, "million USD", "lower_bound")], many)["c1"]
    assert f.severity == "warning" and "unsure" not in f.message
    own = ["{id: r-own, entity: models, property: training-cost, value: 50, unit: million USD, citation: s}",
           "{id: r1, entity: m1, property: training-cost, value: 2, unit: million USD, citation: s}"]
    f = _findings(tmp_path / "own", [_claim("c1", "models", "training-cost", 1000, "million USD", "lower_bound")],
                  own)["c1"]
    assert f.severity == "warning" and "unsure" not in f.message


def test_a_member_claim_is_never_compared_with_the_class_or_other_members(tmp_path):
    refs = ["{id: r-own, entity: models, property: training-cost, value: 50, unit: million USD, citation: s}",
            "{id: r1, entity: m1, property: training-cost, value: 2, unit: million USD, citation: s}"]
    got = _findings(tmp_path, [_claim("c0", "m0", "training-cost", 9, "million USD"),
                               _claim("c1", "m1", "training-cost", 9, "million USD")], refs)
    assert "c0" not in got  # m0 has no reference of its own: nothing to contradict
    assert got["c1"].severity == "warning" and [c.other for c in got["c1"].comparisons] == ["r1"]


THIRD_PARTY = ["{id: p-host, entity: open-model, property: token-price, value: 3.5, unit: USD per 1M tokens, "
               "conditions: {direction: input, provider: host}, citation: s}",
               "{id: p-cloud, entity: open-model, property: token-price, value: 5, unit: USD per 1M tokens, "
               "conditions: {direction: input, provider: cloud}, citation: s}"]


def test_a_price_without_provider_near_other_providers_prices_is_unsure(tmp_path):
    got = _findings(tmp_path, [_claim("c1", "open-model", "token-price", 2.5, "USD per 1M tokens",
                                      conditions={"direction": "input"})], THIRD_PARTY)
    f = got["c1"]
    assert f.severity == "info" and "names no provider" in f.message and "Cloud Co, Host Inc" in f.message


def test_a_price_far_from_every_provider_or_naming_one_or_missing_the_first_party_price_contradicts(tmp_path):
    far = 3.5 / (PARTY_SLACK * 1.5)
    got = _findings(tmp_path, [
        _claim("far", "open-model", "token-price", round(far, 2), "USD per 1M tokens", conditions={"direction": "input"}),
        _claim("named", "open-model", "token-price", 2.5, "USD per 1M tokens",
               conditions={"direction": "input", "provider": "host"}),
    ], THIRD_PARTY)
    assert got["far"].severity == "warning" and "unsure" not in got["far"].message
    assert got["named"].severity == "warning"
    first_party = THIRD_PARTY + ["{id: p-lab, entity: open-model, property: token-price, value: 4, "
                                 "unit: USD per 1M tokens, conditions: {direction: input}, citation: s}"]
    got = _findings(tmp_path / "fp", [_claim("c1", "open-model", "token-price", 2.5, "USD per 1M tokens",
                                             conditions={"direction": "input"})], first_party)
    assert got["c1"].severity == "warning" and "unsure" not in got["c1"].message
    vendor_named = THIRD_PARTY + ["{id: p-lab, entity: open-model, property: token-price, value: 4, "
                                  "unit: USD per 1M tokens, conditions: {direction: input, provider: lab}, citation: s}"]
    got = _findings(tmp_path / "vn", [_claim("c1", "open-model", "token-price", 2.5, "USD per 1M tokens",
                                             conditions={"direction": "input"})], vendor_named)
    assert got["c1"].severity == "warning"


def test_a_closed_condition_left_out_still_contradicts(tmp_path):
    refs = ["{id: t-d, entity: chip, property: peak-throughput, value: 100, unit: TFLOPS, conditions: {sparsity: dense}, citation: s}",
            "{id: t-s, entity: chip, property: peak-throughput, value: 200, unit: TFLOPS, conditions: {sparsity: sparse}, citation: s}"]
    got = _findings(tmp_path, [_claim("c1", "chip", "peak-throughput", 150, "TFLOPS")], refs)
    assert got["c1"].severity == "warning"


def test_the_checker_page_states_these_constants():
    from pathlib import Path

    page = " ".join((Path(__file__).resolve().parents[1] / "docs" / "checker.md").read_text(encoding="utf-8").split())
    assert f"at least {CLASS_MIN_MEMBERS} members have one (`CLASS_MIN_MEMBERS`" in page
    assert f"within a factor of {PARTY_SLACK:g} (`PARTY_SLACK`)" in page
    assert f"within {ROUND_FIGURE_SLACK:.1%} of it (`ROUND_FIGURE_SLACK`)" in page


def test_references_that_differ_in_more_than_the_provider_leave_the_miss_a_contradiction(tmp_path):
    # no direction either: the input and output prices of two hosts are not "one price, several sellers"
    refs = ["{id: p-host, entity: open-model, property: token-price, value: 3.5, unit: USD per 1M tokens, "
            "conditions: {direction: input, provider: host}, citation: s}",
            "{id: p-cloud, entity: open-model, property: token-price, value: 5, unit: USD per 1M tokens, "
            "conditions: {direction: output, provider: cloud}, citation: s}"]
    got = _findings(tmp_path, [_claim("c1", "open-model", "token-price", 2.5, "USD per 1M tokens")], refs)
    assert got["c1"].severity == "warning" and "unsure" not in got["c1"].message


def test_a_value_with_the_reference_digits_cut_not_rounded_is_unsure(tmp_path):
    refs = ["{id: r1, entity: m1, property: training-cost, value: 5.576, unit: million USD, citation: s}"]
    got = _findings(tmp_path, [
        _claim("cut1", "m1", "training-cost", 5.5, "million USD"),      # 5.576 cut after one decimal
        _claim("cut0", "m1", "training-cost", 5, "million USD"),        # cut to the unit
        _claim("low", "m1", "training-cost", 5.4, "million USD"),       # not the reference's digits
        _claim("high", "m1", "training-cost", 6.2, "million USD"),      # above: no cut gives it
        _claim("round", "m1", "training-cost", 5.58, "million USD"),    # rounded: agrees, no finding
    ], refs)
    assert got["cut1"].severity == "info" and "digits cut" in got["cut1"].message
    assert got["cut0"].severity == "info" and "digits cut" in got["cut0"].message
    assert got["low"].severity == "warning" and "unsure" not in got["low"].message
    assert got["high"].severity == "warning" and "unsure" not in got["high"].message
    assert "round" not in got
    approx = _findings(tmp_path / "a", [_claim("a", "m1", "training-cost", 4, "million USD", "approx")], refs)
    assert approx["a"].severity == "warning"  # only exact values have written digits to cut


def test_a_size_read_in_decimal_for_binary_units_is_unsure(tmp_path):
    refs = ["{id: w1, entity: m1, property: context-window, value: 1048576, unit: token, citation: s}",
            "{id: w2, entity: m2, property: context-window, value: 131072, unit: token, citation: s}",
            "{id: g1, entity: chip, property: memory, value: 32, unit: GiB, citation: s}",
            "{id: w3, entity: m3, property: context-window, value: 128000, unit: token, citation: s}",
            "{id: n1, entity: chip, property: gpus, value: 24576, unit: GPU, citation: s}"]
    got = _findings(tmp_path, [
        _claim("mega", "m1", "context-window", 1000000, "token"),      # 1000^2 for 1024^2
        _claim("kilo", "m2", "context-window", 128, "K token"),        # "128K" for 131,072
        _claim("gib", "chip", "memory", 32, "GB"),                     # 32 GB for 32 GiB
        _claim("up", "m3", "context-window", 131072, "token"),         # the other way round
        _claim("off", "m1", "context-window", 1100000, "token"),       # another factor
        _claim("half", "m2", "context-window", 64, "K token"),         # half of it: no reading gives it
        _claim("gpus", "chip", "gpus", 24000, "GPU"),                  # GPUs are no binary size
    ], refs)
    for cid in ("mega", "kilo", "gib", "up"):
        assert got[cid].severity == "info" and "decimal and in binary" in got[cid].message, cid
    for cid in ("off", "half", "gpus"):
        assert got[cid].severity == "warning" and "unsure" not in got[cid].message, cid


def test_a_round_figure_near_the_reference_is_unsure(tmp_path):
    refs = ["{id: t1, entity: chip, property: peak-throughput, value: 989, unit: TFLOPS, "
            "conditions: {sparsity: dense}, citation: s}"]
    got = _findings(tmp_path, [
        _claim("round", "chip", "peak-throughput", 1000, "TFLOPS"),      # 989 written as a round thousand
        _claim("far", "chip", "peak-throughput", 1100, "TFLOPS"),        # 11% off: a contradiction
        _claim("digits", "chip", "peak-throughput", 1001, "TFLOPS"),     # no trailing zeros to excuse it
        _claim("one", "chip", "peak-throughput", 990.5, "TFLOPS"),       # not a whole number
    ], refs)
    assert got["round"].severity == "info" and "round figure" in got["round"].message
    for cid in ("far", "digits", "one"):
        assert got[cid].severity == "warning" and "round figure" not in got[cid].message, cid


def test_a_round_figure_in_a_conflict_between_articles_is_unsure(tmp_path):
    root = small_kb(tmp_path, {"a": [_claim("a1", "chip", "peak-throughput", 989, "TFLOPS")],
                               "b": [_claim("b1", "chip", "peak-throughput", 1000, "TFLOPS")],
                               "c": [_claim("c1", "chip", "peak-throughput", 1300, "TFLOPS")]},
                    conditions=CONDITIONS, properties=PROPERTIES, entities=ENTITIES, references=_refs([]))
    rep = check(root)
    conflicts = sorted((f.claims[:2], f.severity, "round figure" in f.message) for f in rep.findings if f.code == "conflict")
    assert conflicts == [(("a1", "b1"), "info", True), (("b1", "c1"), "warning", False)]
