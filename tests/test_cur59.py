"""The curation conventions lint (kb.tools.conventions): one reading per case the curators once
split on (docs/data-format.md, "Readings the curation settles").

Each rule is checked on a synthetic claims file in a temporary folder, built on short quotes of
the development articles that were recorded the other way, with the record that breaks the
rule and the one that keeps it; the development articles themselves must give no finding.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kb.tools import conventions as cv

ROOT = Path(__file__).resolve().parents[1]


def _kb(tmp_path: Path, claims: list[dict], entities: list[dict] | None = None,
        properties: list[dict] | None = None) -> Path:
    (tmp_path / "claims").mkdir()
    (tmp_path / "datasets" / "entities").mkdir(parents=True)
    (tmp_path / "datasets" / "properties").mkdir(parents=True)
    (tmp_path / "tests" / "extract_corpus").mkdir(parents=True)
    (tmp_path / "tests" / "extract_corpus" / "real.yaml").write_text(
        yaml.safe_dump({"dev": ["t01-a", "t02-b"], "holdout": ["t03-c"]}), encoding="utf-8")
    (tmp_path / "datasets" / "entities" / "e.yaml").write_text(yaml.safe_dump({"entities": entities or [
        {"id": "nvidia-h100", "kind": "gpu"}, {"id": "aws-p5.48xlarge", "kind": "cloud-instance"}]}),
        encoding="utf-8")
    (tmp_path / "datasets" / "properties" / "p.yaml").write_text(yaml.safe_dump({"properties": properties or [
        {"id": "inference-latency", "canonical_unit": "ms"}, {"id": "cost-rate", "canonical_unit": "USD/hour"},
        {"id": "tensor-cores", "canonical_unit": "core"}]}), encoding="utf-8")
    (tmp_path / "claims" / "t01-a.yaml").write_text(
        yaml.safe_dump({"source": "t01-a", "claims": claims}, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return tmp_path


def _rules(claim: dict, **kw) -> list[str]:
    return [r for r, _ in cv.check_claim(claim, cv.Vocabulary(kw.pop("root")))]


def _claim(**kw) -> dict:
    c = {"id": "t01-x", "entity": "e1", "conditions": {}}
    c.update(kw)
    return c


@pytest.fixture
def root(tmp_path):
    return _kb(tmp_path, [])


def test_percent_difference_recorded_as_ratio(root):
    side = {"numerator": {"entity": "nvidia-h100-sxm", "property": "tensor-cores"},
            "denominator": {"entity": "nvidia-h100-pcie", "property": "tensor-cores"}}
    q = "the 15% additional Tensor Cores the SXM variant enables"
    assert _rules(_claim(property="ratio", value=1.15, unit="x", quote=q, **side), root=root) == [
        "percent-difference-as-ratio"]
    assert _rules(_claim(property="change", value=15, unit="percent", quote=q, **side), root=root) == []
    # savings, a reduction, "cheaper" with a plus, a range, and a share of a saving
    for prop, kw, q in [
        ("ratio", {"value": 0.45}, "**Cost:** $450/month (55% savings)"),
        ("ratio", {"value": 0.5}, "translates to 50%+ effective cost reduction per inference"),
        ("ratio", {"value": 0.8}, "Upgrade when new model is 20%+ better or 20%+ cheaper"),
        ("ratio", {"low": 0.1, "high": 0.5}, "RunPod, Cudo Compute (50-90% savings vs hyperscalers)"),
        ("share", {"value": 60}, "saving up to 60% on self-hosting costs"),
        ("ratio", {"value": 0.1}, "- **Cached Input**: $0.30 / 1M tokens (90% discount)"),
    ]:
        assert _rules(_claim(property=prop, unit="x", quote=q, **kw), root=root) == [
            "percent-difference-as-ratio"], q


def test_percent_difference_rule_reads_only_the_claims_own_number(root):
    # "30% by more expensive models" is a part of the queries, not a percent difference
    q = "**Result:** 70% of queries handled by Gemini (cheap), 30% by more expensive models (when needed)"
    assert _rules(_claim(property="share", value=30, unit="percent", quote=q), root=root) == []
    # a ratio in a row that also writes a percent: the percent is not the ratio's number
    q = "| LLM pre-training (FP8) | 2.5× | ~60% cheaper |"
    assert _rules(_claim(property="ratio", value=2.5, unit="x", quote=q), root=root) == []


def test_speed_up_of_a_time_stays_a_ratio(root):
    side = {"numerator": {"entity": "bert-base", "property": "inference-latency"},
            "denominator": {"entity": "distilbert", "property": "inference-latency"}}
    assert _rules(_claim(property="ratio", value=1.6, unit="x", quote="and 60% faster", **side), root=root) == []


def test_premium_recorded_as_change(root):
    q = "(45% premium including InfiniBand infrastructure)"
    assert _rules(_claim(property="change", value=45, unit="percent", quote=q), root=root) == ["premium-as-change"]
    assert _rules(_claim(property="ratio", value=1.45, unit="x", quote=q), root=root) == []
    # a signed cell under a "Capex Premium" column is a change (its quote says no premium)
    q = "| **Tier III** | N+1 distribution | 99.982% | 1.6 hours | ✅ Yes | +25-40% |"
    assert _rules(_claim(property="change", low=25, high=40, unit="percent", quote=q), root=root) == []


def test_multiple_per_year_recorded_as_growth_rate(root):
    q = "Large language model size has been increasing 10x every year for the last few years."
    assert _rules(_claim(property="growth-rate", value=900, unit="percent", quote=q), root=root) == [
        "multiple-per-year-as-growth-rate"]
    assert _rules(_claim(property="ratio", value=10, unit="x", quote=q), root=root) == []
    # "grew 33% a year" is a growth rate
    assert _rules(_claim(property="growth-rate", value=33, unit="percent", quote="grew 33% a year"),
                  root=root) == []


def test_multiple_word_recorded_as_change(root):
    q = "Ireland's data centers may **double** their electricity consumption by 2026."
    assert _rules(_claim(property="change", value=100, unit="percent", quote=q), root=root) == [
        "multiple-word-as-change"]
    assert _rules(_claim(property="ratio", value=2, unit="x", quote=q), root=root) == []
    # "tripled, but power consumption stayed flat" (+0%) is not the multiple's change
    q = "Data center workload **tripled**, but power consumption stayed **flat** due to efficiency gains."
    assert _rules(_claim(property="change", value=0, unit="percent", quote=q), root=root) == []


def test_fraction_of_another_quantity_recorded_as_share(root):
    q = "near a quarter of list price"
    assert _rules(_claim(property="share", value=25, unit="percent", quote=q), root=root) == [
        "fraction-of-another-as-share"]
    assert _rules(_claim(property="ratio", value=0.25, unit="x", quote=q), root=root) == []
    # half of a whole is a share
    q = "home to half the data center market in the U.S."
    assert _rules(_claim(property="share", value=50, unit="percent", quote=q), root=root) == []


def test_period_of_the_quote_and_of_the_unit(root):
    assert _rules(_claim(property="cost-rate", value=25, unit="billion USD/year",
                         quote="Amazon is investing over $25 billion per quarter."), root=root) == ["period-differs"]
    assert _rules(_claim(property="cost-rate", value=25, unit="billion USD/quarter",
                         quote="Amazon is investing over $25 billion per quarter."), root=root) == []
    # a period inside another number's compound unit is that number's
    q = "| Colocation (@$170/kW/month) | $1,142,400 | $571,200 |"
    assert _rules(_claim(property="cost-rate", value=571200, unit="USD/year", quote=q), root=root) == []
    # "a quarter of" is a fraction, not a period
    assert _rules(_claim(property="cost-rate", value=5, unit="USD/month",
                         quote="a quarter of the $20 a month plan"), root=root) == []


def test_users_counted_as_item(root):
    q = "If your long prefix is used by **more than 2 users**"
    assert _rules(_claim(property="count", value=2, unit="item", conditions={"item": "user"}, quote=q),
                  root=root) == ["users-as-item"]
    assert _rules(_claim(property="count", value=2, unit="user", conditions={"item": "user"}, quote=q),
                  root=root) == []


def test_instance_price_owned_by_its_gpu(root):
    q = "over $100/hour for 8-GPU instances at hyperscalers"
    c = _claim(property="rental-price", value=100, unit="USD/hour", conditions={"scope": "per-instance"}, quote=q)
    assert _rules(dict(c, entity="nvidia-h100"), root=root) == ["instance-price-owned-by-gpu"]
    assert _rules(dict(c, entity="aws-p5.48xlarge"), root=root) == []
    assert _rules(dict(c, entity="nvidia-h100", conditions={"scope": "per-gpu"}), root=root) == []


def test_yardstick_owner(root):
    q = "Burning **14x less cash** than OpenAI before profitability"
    c = _claim(property="ratio", value=14, unit="x", quote=q,
               numerator={"entity": "openai", "property": "cash-burn"},
               denominator={"entity": "anthropic", "property": "cash-burn"})
    assert _rules(dict(c, entity="openai"), root=root) == ["yardstick-owner"]
    assert _rules(dict(c, entity="anthropic"), root=root) == []


def test_lint_prints_file_line_rule_and_counts(tmp_path, capsys):
    root = _kb(tmp_path, [
        _claim(id="t01-ok", property="ratio", value=2, unit="x", quote="double"),
        _claim(id="t01-bad", property="change", value=100, unit="percent", quote="may **double** by 2026"),
    ])
    assert cv.main(["--root", str(root)]) == 1   # a finding: exit status 1
    out = capsys.readouterr().out
    line = next(i for i, l in enumerate((root / "claims" / "t01-a.yaml").read_text().splitlines(), 1)
                if "t01-bad" in l)
    assert f"claims/t01-a.yaml:{line}: multiple-word-as-change:" in out
    assert "1 finding(s) in 2 source(s)" in out and "  multiple-word-as-change: 1" in out
    # counts only: nothing of the claims is printed
    assert cv.main(["--root", str(root), "--count-only"]) == 1
    out = capsys.readouterr().out
    assert "t01-bad" not in out and "  multiple-word-as-change: 1" in out


def test_sources_default_to_dev_and_name_halves(tmp_path):
    root = _kb(tmp_path, [])
    assert cv.sources(root, None) == ["t01-a", "t02-b"]
    assert cv.sources(root, "dev-A") == ["t01-a"] and cv.sources(root, "dev-B") == ["t02-b"]
    assert cv.sources(root, "holdout") == ["t03-c"]


def test_development_articles_follow_the_conventions(capsys):
    assert cv.main(["--root", str(ROOT)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("0 finding(s)"), out


def test_unreadable_files_are_skipped_with_their_line_not_a_traceback(tmp_path, capsys):
    root = _kb(tmp_path, [
        _claim(id="t01-bad", property="change", value=100, unit="percent", quote="may **double** by 2026"),
    ])
    (root / "claims" / "t02-b.yaml").write_text("claims:\n  - id: [t02-x\n", encoding="utf-8")
    (root / "datasets" / "entities" / "zz.yaml").write_text("entities: 5\n", encoding="utf-8")
    assert cv.main(["--root", str(root)]) == 1   # the readable file is still linted
    out, err = capsys.readouterr()
    assert "multiple-word-as-change" in out and "Traceback" not in out + err
    assert "t02-b.yaml:3: skipped, not readable as YAML" in err
