"""kb.analysis.api: the knowledge base as tables for notebooks, and a clean stop on broken data."""

from __future__ import annotations

import datetime as dt
import math
import shutil
from pathlib import Path

import pytest
from kbtestutil import break_a_unit

from kb.analysis import api
from kb.analysis.derive import Derived
from kb.core.intervals import Interval
from kb.core.records import Claim, Entity, KnowledgeBase, Reference
from kb.core.units import parse_unit
from kb.errors import IntegrityError
from kb.rules.check import check

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def kbase() -> api.KB:
    return api.open_kb(ROOT)


def copy_project(dest: Path) -> Path:
    """A copy of the knowledge base's data (claims/ and datasets/) under ``dest``."""
    for top in ("claims", "datasets"):
        shutil.copytree(ROOT / top, dest / top)
    return dest




# ---------------------------------------------------------------------- finding the root


def test_open_from_any_working_directory(monkeypatch, tmp_path):
    monkeypatch.delenv("KB_ROOT", raising=False)
    monkeypatch.chdir(ROOT / "notebooks")
    assert api.open_kb(content=False).root == ROOT
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FileNotFoundError, match="no knowledge base"):
        api.open_kb(content=False)
    monkeypatch.setenv("KB_ROOT", str(ROOT))
    assert api.open_kb(content=False).root == ROOT


def test_a_root_without_a_knowledge_base_is_refused(tmp_path):
    with pytest.raises(FileNotFoundError, match="claims/ and datasets/"):
        api.open_kb(tmp_path)


# ---------------------------------------------------------------------- tables


def test_claims_table(kbase):
    df = kbase.claims()
    assert len(df) == len(kbase.model.claims) > 0
    for col in ("id", "source", "entity", "property", "conditions", "value", "low", "high", "unit", "qualifier",
                "canonical_low", "canonical_high", "canonical_unit", "quantity", "verdict", "path", "line"):
        assert col in df.columns
    assert list(df["id"]) == sorted(df["id"]) and df["id"].is_unique
    for row in df.itertuples():
        c = kbase.record(row.id)
        assert row.conditions == api.conditions_text(c.conditions)
        if c.categorical or not c.ok:
            assert row.quantity is None
            continue
        one = parse_unit(c.unit)
        if c.qualifier == "range":
            assert list(row.quantity.magnitude) == pytest.approx([c.low * one.magnitude, c.high * one.magnitude])
        else:
            assert row.quantity.magnitude == pytest.approx(c.value * one.magnitude)
        assert row.quantity.units == one.units
        if c.qualifier == "lower_bound":
            assert row.canonical_high == math.inf


def test_references_table(kbase):
    df = kbase.references()
    assert len(df) == len(kbase.model.references) > 0
    assert list(df["id"]) == sorted(df["id"])
    assert (df["current"] == df["valid_to"].isna()).all()
    cited = df[df["citation"].notna()]
    assert cited["publisher"].notna().all()


def test_findings_table_follows_the_report(kbase):
    df = kbase.findings()
    assert len(df) == len(kbase.report.findings)
    for row, f in zip(df.itertuples(), kbase.report.findings):
        assert (row.code, row.path, row.message) == (f.code, f.path, f.message)
        assert row.where == (f"{f.path}:{f.line}" if f.line else f.path)
        assert row.reviewed == f.reviewed
    assert set(df["kind"]) <= {"integrity", "content"}
    assert len(kbase.findings("content")) + len(kbase.findings("integrity")) == len(df)


def test_sources_table(kbase):
    df = kbase.sources()
    assert list(df["id"]) == sorted(kbase.model.sources)
    assert df["claims"].sum() == len(kbase.model.claims)


def test_reference_values_filter_by_conditions(kbase):
    df = kbase.reference_values("tdp", scope="per-gpu")
    assert len(df) > 0 and (df["scope"] == "per-gpu").all() and (df["property"] == "tdp").all()
    assert all(isinstance(v, Derived) and v.unit == "W" for v in df["value"])
    assert all(kbase.record(i).valid_to is None for i in df["id"])


# ---------------------------------------------------------------------- integrity


def test_require_clean_returns_the_knowledge_base(kbase):
    assert kbase.require_clean() is kbase


def test_require_clean_lists_every_integrity_error_with_file_and_line(tmp_path):
    root = copy_project(tmp_path)
    path, line = break_a_unit(root)
    kb = api.open_kb(root)
    with pytest.raises(IntegrityError) as info:
        kb.require_clean()
    text = str(info.value)
    assert "integrity error" in text and "no analysis is shown" in text
    assert f"{path}:{line}: error[unit-unknown]" in text
    assert str(root) not in text  # paths relative to the root: the same everywhere
    # IPython shows the message alone, not a traceback into kb/
    assert info.value._render_traceback_() == [f"IntegrityError: {text}"]


# ---------------------------------------------------------------------- comparisons


def test_comparisons_agree_with_the_checker(kbase):
    """A numeric claim has a contradicts-reference finding exactly when references apply to
    it and it overlaps none of them: the notebooks' tables and the checker tell one story."""
    flagged = {c for f in kbase.report.findings if f.code == "contradicts-reference" for c in f.claims}
    cmp = kbase.comparisons()
    checked = 0
    for claim in kbase.model.claims:
        if claim.canonical_unit is None or not claim.ok:
            continue
        rows = cmp[cmp["claim"] == claim.id]
        if len(rows) == 0:
            assert claim.id not in flagged
            continue
        checked += 1
        assert (claim.id in flagged) == (not rows["agrees"].any()), claim.id
    assert checked > 0


def test_nearest_reference_and_side_by_side(kbase):
    near = kbase.nearest_references()
    assert len(near) > 0 and (near["factor"] >= 1).all()
    assert ((near["agreeing"] > 0) == (near["factor"] == 1)).all()
    cid = near["claim"].iloc[0]
    rows = kbase.side_by_side([cid], limit=3)
    assert rows["kind"].iloc[0] == "claim" and rows["id"].iloc[0] == cid
    assert 1 <= (rows["kind"] == "reference").sum() <= 3
    assert rows["unit"].nunique() == 1


def _tiny_kb(tmp_path) -> api.KB:
    """A family with two variants, references on each, and claims on the family and a variant."""
    entities = [Entity("g", "G", "gpu", "e.yaml", 1), Entity("g-a", "G A", "gpu", "e.yaml", 2, family="g"),
                Entity("g-b", "G B", "gpu", "e.yaml", 3, family="g")]

    def ref(ident, entity, low, high, cond, valid_to=None):
        return Reference(ident, "r.yaml", 1, entity, "tdp", cond, "exact", "W", interval=Interval(low, high, "W"),
                         valid_to=valid_to)

    references = [
        ref("r-a", "g-a", 699.5, 700.5, {"scope": "per-gpu"}),
        ref("r-b", "g-b", 349.5, 350.5, {"scope": "per-gpu"}),
        ref("r-node", "g-a", 5599.5, 5600.5, {"scope": "per-node"}),
        ref("r-old", "g-a", 599.5, 600.5, {"scope": "per-gpu"}, valid_to=dt.date(2023, 1, 1)),
        ref("r-fam", "g", 349.5, 700.5, {}),
    ]
    claims = [
        Claim("c-fam", "c.yaml", 1, "g", "tdp", {"scope": "per-gpu"}, "exact", "W", value=400.0,
              interval=Interval(399.5, 400.5, "W")),
        Claim("c-var", "c.yaml", 2, "g-a", "tdp", {}, "exact", "W", value=600.0, interval=Interval(599.5, 600.5, "W"),
              as_of=dt.date(2022, 6, 1)),
    ]
    model = KnowledgeBase.of(tmp_path, entities=entities, references=references, claims=claims)
    return api.KB(model, check(kb=model))


def test_comparable_references_follow_family_conditions_and_dates(tmp_path):
    kb = _tiny_kb(tmp_path)
    # a family claim: every variant, the family itself, compatible conditions, current values
    assert [r.id for r in kb.comparable_references("c-fam")] == ["r-a", "r-b", "r-fam"]
    # a variant claim: its own values and its family's, in force at its date (2022: r-old too);
    # not its own per-node figure: a card's claim that names no scope is one card's, not its node's
    assert [r.id for r in kb.comparable_references("c-var")] == ["r-a", "r-fam", "r-old"]
    assert [r.id for r in kb.comparable_references("c-fam", in_force=False)] == ["r-a", "r-b", "r-fam", "r-old"]
    cmp = kb.comparisons(["c-fam"])  # nearest first
    assert list(cmp["reference"]) == ["r-fam", "r-b", "r-a"]
    assert list(cmp["agrees"]) == [True, False, False]
    assert cmp.loc[1, "factor"] == pytest.approx(399.5 / 350.5) and cmp.loc[1, "claim_is"] == "above"
    assert cmp.loc[2, "factor"] == pytest.approx(699.5 / 400.5) and cmp.loc[2, "claim_is"] == "below"
    assert cmp.loc[2, "comparison"] == "1.747x below"


# ---------------------------------------------------------------------- small functions


def test_conditions_text():
    assert api.conditions_text({"scope": "per-gpu", "precision": "fp16"}) == "precision=fp16, scope=per-gpu"
    assert api.conditions_text({}) == ""


@pytest.mark.parametrize("period, first, last, months", [
    ("2022", dt.date(2022, 1, 1), dt.date(2022, 12, 31), 12),
    ("2025-H1", dt.date(2025, 1, 1), dt.date(2025, 6, 30), 6),
    ("2025-H2", dt.date(2025, 7, 1), dt.date(2025, 12, 31), 6),
    ("2024-Q3", dt.date(2024, 7, 1), dt.date(2024, 9, 30), 3),
    ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29), 1),
    ("2024-12", dt.date(2024, 12, 1), dt.date(2024, 12, 31), 1),
])
def test_period_bounds(period, first, last, months):
    assert api.period_bounds(period) == (first, last, months)


@pytest.mark.parametrize("bad", ["", "22", "2024-13", "2024-H3", "2024-Q5", "FY2024"])
def test_period_bounds_refuses_what_is_not_a_period(bad):
    with pytest.raises(ValueError):
        api.period_bounds(bad)


def test_monthly_rate_keeps_lineage():
    total = Derived.of(1200, 1200, "million USD", inputs=["loss"], formula="loss")
    m = api.monthly(total, "2025-H1").to("million USD/month")
    assert (m.low, m.high, m.inputs, m.formula) == (200, 200, ("loss",), "loss ÷ 6 months")


# ---------------------------------------------------------------------- notebook helpers


def test_setup_notebook_makes_output_deterministic():
    import matplotlib
    import pandas as pd

    with matplotlib.rc_context():
        api.setup_notebook()
        assert matplotlib.rcParams["svg.hashsalt"] == "kb"
        assert pd.get_option("display.float_format")(1220.3) == "1,220"
    pd.reset_option("display.float_format")
    for opt in ("max_rows", "max_columns", "max_colwidth", "width"):
        pd.reset_option(f"display.{opt}")


def test_plot_helpers_draw_open_ends_and_periods():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pandas as pd

    rows = pd.DataFrame({"label": ["up to", "over", "exact"], "low": [0.0, 5.0, 2.0], "high": [3.0, math.inf, 2.0],
                         "kind": ["claim", "reference", "derived"]})
    ax = api.plot_intervals(rows, title="t", xlabel="x")
    assert ax.get_xscale() == "log" and [t.get_text() for t in ax.get_yticklabels()] == ["up to", "over", "exact"]
    plt.close("all")
    periods = pd.DataFrame({"series": ["loss", "loss"], "period": ["2022", "2025-H1"], "low": [40.0, 2000.0],
                            "high": [50.0, 2300.0]})
    ax = api.plot_periods(periods, title="t")
    assert ax.get_yscale() == "log"
    plt.close("all")
