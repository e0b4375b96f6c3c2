"""Content rules: conflict, contradicts-reference, implausible, likely causes, reviews.

Each rule is exercised on small knowledge bases written into a temporary folder (passing
and failing cases), and on the seed articles (the findings the project exists to show).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import small_kb
from kb.rules.check import check

ROOT = Path(__file__).resolve().parents[1]

PROPS = """
properties:
  - id: tdp
    name: Thermal design power
    description: Thermal design power (test)
    canonical_unit: W
    states_maximum: true
    conditions: [scope]
    plausible:
      gpu: {low: 20 W, high: 2000 W, rationale: "test range"}
  - id: peak-throughput
    name: Peak throughput
    description: Peak throughput (test)
    canonical_unit: TFLOPS
    states_maximum: true
    conditions: [precision, sparsity]
    plausible:
      gpu: {low: 1 TFLOPS, high: 50000 TFLOPS, rationale: "test range"}
  - id: token-price
    name: Token price
    description: Token price (test)
    canonical_unit: USD per 1M tokens
    conditions: [direction]
    plausible:
      model: {low: 0.001 USD per 1M tokens, high: 1000 USD per 1M tokens, rationale: "test range"}
      model-class: {low: 0.001 USD per 1M tokens, high: 1000 USD per 1M tokens, rationale: "test range"}
  - id: parameters-total
    name: Total parameters
    description: Total parameters (test)
    canonical_unit: billion parameter
    plausible:
      model: {low: 0.01 billion parameter, high: 20000 billion parameter, rationale: "test range"}
  - id: architecture
    name: Architecture
    description: Architecture (test)
    type: categorical
    values_from: architecture
    registry_field: architecture
"""
CONDITIONS = """
conditions:
  scope: {description: s, values: [per-gpu, per-node]}
  precision: {description: p, values: [fp32, fp16, fp8], mixup: a precision mix-up}
  sparsity: {description: s, values: [dense, sparse], mixup: sparse vs dense, ratio: 2}
  direction: {description: d, values: [input, output], mixup: input vs output price}
"""
ENTITIES = """
entities:
  - {id: acme, name: Acme, kind: organisation}
  - {id: arch-a, name: Arch A, kind: architecture}
  - {id: arch-b, name: Arch B, kind: architecture}
  - {id: gpu-x, name: GPU X, kind: gpu, vendor: acme, architecture: arch-a}
  - {id: gpu-x-big, name: GPU X Big, kind: gpu, family: gpu-x, vendor: acme, architecture: arch-a}
  - {id: gpu-x-small, name: GPU X Small, kind: gpu, family: gpu-x, vendor: acme, architecture: arch-a}
  - {id: gpu-y, name: GPU Y, kind: gpu, vendor: acme, architecture: arch-b}
  - {id: model-m, name: Model M, kind: model}
  - {id: model-n, name: Model N, kind: model}
  - {id: models, name: Models in general, kind: model-class, class_of: model}
"""
REFERENCES = """
citations:
  - {id: sheet, publisher: Acme, title: Datasheet, url: "https://example.org", date: "2024-01-01", kind: primary}
references:
  - {id: r-big-tdp, entity: gpu-x-big, property: tdp, value: 700, unit: W, conditions: {scope: per-gpu}, citation: sheet}
  - {id: r-small-tdp, entity: gpu-x-small, property: tdp, low: 300, high: 350, qualifier: range, unit: W, conditions: {scope: per-gpu}, citation: sheet}
  - {id: r-y-tdp, entity: gpu-y, property: tdp, value: 400, unit: W, conditions: {scope: per-gpu}, citation: sheet}
  - {id: r-big-fp16-dense, entity: gpu-x-big, property: peak-throughput, value: 1000, unit: TFLOPS, conditions: {precision: fp16, sparsity: dense}, citation: sheet}
  - {id: r-big-fp16-sparse, entity: gpu-x-big, property: peak-throughput, value: 2000, unit: TFLOPS, conditions: {precision: fp16, sparsity: sparse}, citation: sheet}
  - {id: r-big-fp32, entity: gpu-x-big, property: peak-throughput, value: 60, unit: TFLOPS, conditions: {precision: fp32, sparsity: dense}, citation: sheet}
  - {id: r-big-fp32-old, entity: gpu-x-big, property: peak-throughput, value: 50, unit: TFLOPS, conditions: {precision: fp32, sparsity: dense}, citation: sheet, valid_to: 2023-01-01}
  - {id: r-m-in, entity: model-m, property: token-price, value: 30, unit: USD per 1M tokens, conditions: {direction: input}, citation: sheet}
  - {id: r-m-out, entity: model-m, property: token-price, value: 60, unit: USD per 1M tokens, conditions: {direction: output}, citation: sheet}
  - {id: r-m-params, entity: model-m, property: parameters-total, value: 200, qualifier: approx, unit: billion parameter, citation: sheet, estimate_by: Somebody}
  - {id: r-n-params, entity: model-n, property: parameters-total, value: 405, unit: billion parameter, citation: sheet}
"""


def make_kb(tmp_path: Path, sources: dict[str, list[dict]]) -> Path:
    """A tiny project: the vocabulary above and one source per entry with its claims."""
    return small_kb(tmp_path, sources, conditions=CONDITIONS, properties=PROPS, entities=ENTITIES,
                    references=REFERENCES)


def claim(cid, entity, prop, value=None, unit=None, qualifier="exact", **kw):
    said = f"{kw.get('low')} to {kw.get('high')}" if qualifier == "range" else value
    c = {"id": cid, "entity": entity, "property": prop, "qualifier": qualifier, "quote": f"{cid} says {said} {unit or ''}"}
    if value is not None:
        c["value"] = value
    if unit is not None:
        c["unit"] = unit
    c.update(kw)
    return c


def findings(root, code=None):
    rep = check(root)
    errors = [f for f in rep.findings if f.severity == "error"]
    assert not errors, [f"{f.path}:{f.line} {f.code} {f.message}" for f in errors]
    return [f for f in rep.findings if code is None or f.code == code]


# ---------------------------------------------------------------- conflict


def test_a_conflict_is_laid_on_the_side_the_references_do_not_back(tmp_path):
    root = make_kb(tmp_path, {
        "a": [claim("a1", "gpu-y", "tdp", 400, "W", conditions={"scope": "per-gpu"})],       # the datasheet's
        "b": [claim("b1", "gpu-y", "tdp", 550, "W", conditions={"scope": "per-gpu"})],       # backed by nothing
        "c": [claim("c1", "model-n", "parameters-total", 70, "billion parameter")],          # neither side backed
        "d": [claim("d1", "model-n", "parameters-total", 140, "billion parameter")],
        "e": [claim("e1", "model-m", "parameters-total", 200, "billion parameter")],         # only an estimate
        "f": [claim("f1", "model-m", "parameters-total", 400, "billion parameter")],
    })
    got = {f.claims: f for f in findings(root, "conflict")}
    assert set(got) == {("b1",), ("c1", "d1"), ("e1", "f1")}
    assert dict(got[("b1",)].extra)["backed_by_references"] == "a1" and got[("b1",)].path == "claims/b.yaml"
    assert "400 W (a) agrees with the reference values in force" in got[("b1",)].message
    assert "backed_by_references" not in dict(got[("e1", "f1")].extra)


def test_a_peak_without_sparsity_is_read_as_dense(tmp_path):
    # "GPU X Big does 2,000 TFLOPS of FP16": the datasheet's figure with sparsity, stated as
    # plain throughput. With the project's default (sparsity: dense) it misses the dense figure.
    conditions = CONDITIONS.replace("mixup: sparse vs dense, ratio: 2}", "mixup: sparse vs dense, ratio: 2, default: dense}")
    root = small_kb(tmp_path, {"a": [claim("a1", "gpu-x-big", "peak-throughput", 2000, "TFLOPS",
                                           conditions={"precision": "fp16"})]},
                    conditions=conditions, properties=PROPS, entities=ENTITIES, references=REFERENCES)
    got = findings(root, "contradicts-reference")
    assert [f.claims for f in got] == [("a1",)] and got[0].severity == "warning"
    assert any("sparse" in c.text for c in got[0].causes)
    shipped = yaml.safe_load((Path(__file__).resolve().parents[1] / "datasets" / "conditions.yaml").read_text())
    assert shipped["conditions"]["sparsity"]["default"] == "dense"


def test_a_conflict_of_two_backed_sides_is_info(tmp_path):
    # "GPU X draws 700 W" and "GPU X draws 320 W": each fits a variant of the family (Big, Small)
    root = make_kb(tmp_path, {
        "a": [claim("a1", "gpu-x", "tdp", 700, "W", conditions={"scope": "per-gpu"})],
        "b": [claim("b1", "gpu-x", "tdp", 320, "W", conditions={"scope": "per-gpu"})],
    })
    got = findings(root, "conflict")
    assert len(got) == 1 and got[0].severity == "info"
    assert "both agree with reference values in force" in got[0].message


def test_conflict_between_sources_with_disjoint_intervals(tmp_path):
    root = make_kb(tmp_path, {
        "a": [claim("a1", "gpu-x", "tdp", 700, "W", "upper_bound", conditions={"scope": "per-gpu"})],
        "b": [claim("b1", "gpu-x", "tdp", 400, "W", "approx", conditions={"scope": "per-gpu"})],
    })
    (f,) = findings(root, "conflict")
    # 700 W agrees with a variant's reference: the conflict is the ~400 W claim's
    assert f.claims == ("b1",) and "agrees with the reference values in force" in f.message
    assert f.evidence["ratio"] > 1.5
    # each side says which variant it fits
    assert "fits GPU X Big only" in f.likely_cause and "fits GPU X Small" not in f.likely_cause
    # ~400 W equals another entity's value (GPU Y, 400 W)
    assert "GPU Y" in f.likely_cause


def test_no_conflict_when_intervals_overlap_or_same_source_or_other_conditions(tmp_path):
    root = make_kb(tmp_path, {
        "a": [claim("a1", "model-m", "token-price", 30, "USD per 1M tokens", conditions={"direction": "input"}),
              claim("a2", "gpu-x", "tdp", 700, "W")],
        "b": [claim("b1", "model-m", "token-price", 0.06, "USD per 1K tokens", conditions={"direction": "output"}),
              claim("b2", "gpu-x", "tdp", 0.7, "kW")],
        "c": [claim("c1", "model-n", "parameters-total", 405, "billion parameter"),
              claim("c2", "model-n", "parameters-total", 175, "billion parameter")],
    })
    assert findings(root, "conflict") == []


def test_conflict_is_found_without_comparing_all_pairs(tmp_path):
    # 60 agreeing claims and one outlier: one gap, so one finding (not 60).
    claims = {f"s{i}": [claim(f"s{i}c", "model-n", "parameters-total", 405, "billion parameter")] for i in range(60)}
    claims["odd"] = [claim("oddc", "model-n", "parameters-total", 405, "million parameter")]
    (f,) = findings(make_kb(tmp_path, claims), "conflict")
    assert "oddc" in f.claims[:2]
    assert f.evidence["claims_above_gap"] == 60 and f.evidence["claims_below_gap"] == 1


# ---------------------------------------------------------------- contradicts-reference


def test_family_claim_fitting_one_variant_is_not_a_contradiction(tmp_path):
    root = make_kb(tmp_path, {"a": [claim("a1", "gpu-x", "tdp", 700, "W", "upper_bound", conditions={"scope": "per-gpu"})]})
    assert findings(root, "contradicts-reference") == []


def test_precision_mix_up_and_outdated_value_are_named(tmp_path):
    root = make_kb(tmp_path, {"a": [
        claim("a1", "gpu-x", "peak-throughput", 60, "teraflops", conditions={"precision": "fp16"}),
        claim("a2", "gpu-x-big", "peak-throughput", 50, "TFLOPS", conditions={"precision": "fp32", "sparsity": "dense"},
              as_of="2024-06-01"),
    ]})
    fs = {f.claims[0]: f for f in findings(root, "contradicts-reference")}
    assert "precision" in fs["a1"].likely_cause and "GPU X Big" in fs["a1"].likely_cause
    assert fs["a1"].comparisons[0].other_iv.low >= 999
    assert "outdated" in fs["a2"].likely_cause


def test_sparse_for_dense_is_named(tmp_path):
    root = make_kb(tmp_path, {"a": [claim("a1", "gpu-x-big", "peak-throughput", 2000, "TFLOPS",
                                          conditions={"precision": "fp16", "sparsity": "dense"})]})
    (f,) = findings(root, "contradicts-reference")
    assert "sparse" in f.likely_cause


def test_scale_slip_per_token_is_named_for_a_class(tmp_path):
    root = make_kb(tmp_path, {"a": [claim("a1", "models", "token-price", 0.03, "USD/token", "lower_bound")]})
    (f,) = findings(root, "contradicts-reference")
    assert "per 1K tokens quoted as a price per token" in f.likely_cause
    (g,) = findings(root, "implausible")
    assert "per 1K tokens" in g.likely_cause and g.comparisons[0].other_kind == "plausible"
    assert g.comparisons[0].other_iv.high == 1000


def test_misattribution_and_estimate_severity(tmp_path):
    root = make_kb(tmp_path, {"a": [claim("a1", "model-m", "parameters-total", 405, "billion parameter")]})
    (f,) = findings(root, "contradicts-reference")
    assert f.severity == "info"  # the only reference is an estimate
    assert "Model N" in f.likely_cause and "misattribution" in f.likely_cause


def test_categorical_claim_against_registry(tmp_path):
    root = make_kb(tmp_path, {"a": [claim("a1", "gpu-y", "architecture", "arch-a"),
                                    claim("a2", "gpu-x", "architecture", "arch-a")]})
    (f,) = findings(root, "contradicts-reference")
    assert f.claims == ("a1",) and "GPU X" in f.likely_cause


def test_dates_pick_the_reference_in_force(tmp_path):
    root = make_kb(tmp_path, {"a": [claim("a1", "gpu-x-big", "peak-throughput", 50, "TFLOPS",
                                          conditions={"precision": "fp32", "sparsity": "dense"}, as_of="2022-06-01")]})
    assert findings(root, "contradicts-reference") == []


# ---------------------------------------------------------------- implausible


def test_implausible_passing_and_failing(tmp_path):
    root = make_kb(tmp_path, {"a": [claim("a1", "gpu-y", "tdp", 400, "kW"), claim("a2", "gpu-y", "tdp", 0.4, "kW")]})
    (f,) = findings(root, "implausible")
    assert f.claims == ("a1",) and "thousand" in f.likely_cause


def test_implausible_hypothetical_is_info(tmp_path):
    # "a GPU Y that drew 400 kW" as a case the article imagines (basis: scenario) is said, not flagged
    props = PROPS.replace("    conditions: [scope]\n", "    conditions: [scope, basis]\n", 1)
    conditions = CONDITIONS + "  basis: {description: b, values: [reported, scenario]}\n"
    root = small_kb(tmp_path, {"a": [claim("a1", "gpu-y", "tdp", 400, "kW", conditions={"basis": "scenario"}),
                                     claim("a2", "gpu-y", "tdp", 400, "kW", conditions={"basis": "reported"})]},
                    conditions=conditions, properties=props, entities=ENTITIES, references=REFERENCES)
    got = {f.claims: f for f in findings(root, "implausible")}
    assert got[("a1",)].severity == "info" and "hypothetical" in got[("a1",)].message
    assert got[("a2",)].severity == "warning"


# ---------------------------------------------------------------- reviews and --strict


def test_a_range_for_stated_conditions_outranks_the_general_one(tmp_path):
    # "if we get 50% out of these panels": a solar plant's capacity factor is held to solar's
    # range, not excused by the range for any source; a wind farm's 50%, or one with no source
    # named, stays within the general range
    props = PROPS + """  - id: capacity-factor
    name: Capacity factor
    description: Capacity factor (test)
    canonical_unit: percent
    conditions: [generation_source]
    plausible:
      any:
        - {low: 0 percent, high: 100 percent, rationale: "any source"}
        - {low: 0 percent, high: 40 percent, conditions: {generation_source: solar}, rationale: "solar test range"}
"""
    conditions = CONDITIONS + "  generation_source: {description: g, values: [solar, wind]}\n"
    entities = ENTITIES + "  - {id: plant, name: Plant, kind: facility}\n"
    root = small_kb(tmp_path, {"a": [
        claim("a1", "plant", "capacity-factor", 50, "percent", conditions={"generation_source": "solar"}),
        claim("a2", "plant", "capacity-factor", 50, "percent", conditions={"generation_source": "wind"}),
        claim("a3", "plant", "capacity-factor", 50, "percent"),
        claim("a4", "plant", "capacity-factor", 25, "percent", conditions={"generation_source": "solar"})]},
        conditions=conditions, properties=props, entities=entities, references=REFERENCES)
    (f,) = findings(root, "implausible")
    assert f.claims == ("a1",) and "solar test range" in f.message


def test_reviews_mark_findings_and_strict_fails_only_unreviewed(tmp_path):
    bad = claim("a1", "gpu-y", "tdp", 400, "kW")
    root = make_kb(tmp_path, {"a": [bad]})
    assert check(root).ok and not check(root, strict=True).ok
    from kb.core.records import fingerprint
    from kb.store.load import load

    fp = fingerprint(load(root).claims_by_id["a1"])
    bad["review"] = {"verdict": "wrong", "note": "kW for W", "date": "2026-11-21", "fingerprint": fp}
    root = make_kb(tmp_path / "x", {"a": [bad]})
    rep = check(root, strict=True)
    assert rep.ok
    (f,) = [f for f in rep.findings if f.code == "implausible"]
    assert f.reviewed and f.as_dict()["reviews"] == [
        {"claim": "a1", "verdict": "wrong", "note": "kW for W", "date": "2026-11-21", "reviewer": None,
         "fingerprint": fp, "current": True}]
    # the same review without its fingerprint does not say what it judged: stale, and --strict fails
    del bad["review"]["fingerprint"]
    rep = check(make_kb(tmp_path / "y", {"a": [bad]}), strict=True)
    assert not rep.ok and [f.code for f in rep.findings if f.code == "review-stale"] == ["review-stale"]


# ---------------------------------------------------------------- seed articles


@pytest.fixture(scope="module")
def seed():
    return check(ROOT)


def _by_claim(rep, code):
    out = {}
    for f in rep.findings:
        if f.code == code:
            for c in f.claims:
                out.setdefault(c, []).append(f)
    return out


def test_seed_gpt4o_parameters_conflict_names_both_other_models(seed):
    (f,) = [f for f in seed.findings if f.code == "conflict" and "s000-gpt-4o-parameters-total" in f.claims]
    assert "s001-gpt-4o-parameters-total" in f.claims
    assert "Llama 3.1 405B" in f.likely_cause and "GPT-3" in f.likely_cause


def test_seed_h100_power_conflict_names_variants(seed):
    (f,) = [f for f in seed.findings if f.code == "conflict" and "s000-h100-tdp" in f.claims]
    assert "SXM" in f.likely_cause and "NVL" in f.likely_cause and "A100" in f.likely_cause


def test_seed_contradictions(seed):
    cr = _by_claim(seed, "contradicts-reference")
    assert "precision" in cr["s000-h100-fp16-peak-throughput"][0].likely_cause
    for cid in ("s000-llms-token-price", "s001-llms-token-price"):
        assert "per 1K tokens" in cr[cid][0].likely_cause
    assert cr["s001-gpt-4o-context-window"][0].comparisons[0].other_iv.high >= 128000
    assert "Gemini 1.5 Pro" in cr["s000-llama-3-context-window"][0].likely_cause
    assert "Gemini 1.5 Pro" in cr["s000-claude-3-5-context-window"][0].likely_cause
    # right claims raise no content finding
    content = {c for f in seed.findings if f.code in ("contradicts-reference", "implausible") for c in f.claims}
    assert "s000-h100-tdp" not in content
    assert "s001-openai-net-loss-2022" not in content


SEED_PREFIXES = ("s000-", "s001-", "s002-", "s003-", "s004-")


def test_seed_findings_are_all_reviewed(seed):
    content = [f for f in seed.findings if f.code in ("conflict", "contradicts-reference", "implausible")
               and all(c.startswith(SEED_PREFIXES) for c in f.claims)]
    assert len(content) >= 10
    assert all(f.reviewed for f in content)


def test_no_rule_names_an_entity_or_article():
    """Rules, tolerances and causes come from data: no entity or source id in the code."""
    import yaml

    ids = set()
    for p in (ROOT / "datasets/entities").glob("*.yaml"):
        ids |= {e["id"] for e in yaml.safe_load(p.read_text())["entities"]}
    ids |= {p.stem for p in (ROOT / "datasets/sources").glob("*.yaml")}
    for mod in sorted((ROOT / "kb" / "rules").glob("*.py")) + sorted((ROOT / "kb" / "core").glob("*.py")):
        code = mod.read_text()
        literals = set(re.findall(r"[\"']([^\"'\n]+)[\"']", code))
        assert not (ids & literals), (mod, ids & literals)


# ---------------------------------------------------------------- formats and gx


def test_junit_and_github_formats(seed):
    import xml.etree.ElementTree as ET

    tree = ET.fromstring(seed.render("junit"))
    cases = tree.findall(".//testcase")
    from kb.core.catalogue import RULES

    assert {c.get("name") for c in cases} == set(RULES)
    gh = seed.render("github").splitlines()
    assert len(gh) == len(seed.findings)
    assert all(re.match(r"^::(error|warning|notice) file=[^,]+(,line=\d+)?,title=[\w-]+::", line) for line in gh)


def test_default_check_does_not_import_great_expectations():
    code = "import sys, kb.rules.check; kb.rules.check.check(); print('great_expectations' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.slow
def test_expectations_let_a_scenario_lie_outside_the_plausible_range(tmp_path):
    # r147's 2030 cluster of 100 GW: a hypothetical case, as kb check reads it (information);
    # the same value stated as a real one still fails the suite
    conditions = CONDITIONS + "  basis: {description: b, values: [reported, scenario]}\n"
    for basis, passes in (("scenario", True), ("reported", False)):
        root = small_kb(tmp_path / basis, {"a": [claim("a1", "gpu-y", "tdp", 400, "kW",
                                                        conditions={"basis": basis})]},
                        conditions=conditions, properties=PROPS, entities=ENTITIES, references=REFERENCES)
        rep = check(root, gx=True)
        assert rep.gx["success"] is passes, basis


@pytest.mark.slow
def test_expectations_pass_on_real_data_and_fail_on_bad(tmp_path):
    rep = check(ROOT, gx=True)
    assert rep.gx["success"] and rep.gx["evaluated"] >= 20, [r for r in rep.gx["results"] if not r["success"]]
    assert rep.as_dict()["gx"]["results"]
    root = make_kb(tmp_path, {"a": [claim("a1", "gpu-y", "tdp", 400, "kW")]})
    bad = check(root, gx=True)
    assert not bad.gx["success"] and not bad.ok
    failed = {r["column"] for r in bad.gx["results"] if not r["success"]}
    assert "plausible_or_reviewed" in failed


def test_checker_page_states_the_constants_of_the_code():
    from kb.rules.causes import SCALE_SLACK, SCALES
    from kb.rules.compare import MATCH_RELATIVE
    from kb.core.intervals import APPROX_RELATIVE

    page = " ".join((ROOT / "docs" / "checker.md").read_text().split())
    assert f"± {APPROX_RELATIVE:.0%} of the value" in page
    assert f"within {MATCH_RELATIVE:.0%} of each other" in page
    assert f"within a factor of {SCALE_SLACK:g}" in page
    assert all(f"10^{k}" in page for k in SCALES)
