"""``kb export``: the normalised claims table, one row per claim, deterministic."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from kb.analysis.export import COLUMNS, claim_rows, export_claims
from kb.store.load import load

REQUIRED = ["id", "source", "entity", "property", "conditions", "value", "low", "high", "unit", "qualifier",
            "canonical_low", "canonical_high", "canonical_unit", "quote", "start", "end", "review"]


@pytest.fixture(scope="module")
def broken_rows(broken_root):
    return {r["id"]: r for r in claim_rows(load(broken_root))}


def test_columns_include_the_contract():
    assert set(REQUIRED) <= set(COLUMNS)


@pytest.fixture(scope="module")
def exported(run_kb, broken_root, tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    files = {}
    for fmt in ("json", "csv", "parquet"):
        # once by the CLI, once in this process: the two must be byte for byte the same
        path = out / f"claims1.{fmt}"
        code, stdout, err = run_kb("export", "--root", broken_root, "--format", fmt, "--out", path)
        assert code == 0, err
        files[fmt, 1] = path
        files[fmt, 2] = out / f"claims2.{fmt}"
        data = export_claims(broken_root, fmt)
        files[fmt, 2].write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return files


def test_json_export_equals_the_library_rows(exported, broken_root):
    rows = json.loads(exported["json", 1].read_text(encoding="utf-8"))
    assert rows == json.loads(json.dumps(claim_rows(load(broken_root)), default=str))


def test_one_row_per_claim_with_every_column(exported, broken_root):
    kb = load(broken_root)
    n = len(kb.claims)
    rows = json.loads(exported["json", 1].read_text(encoding="utf-8"))
    csv = pd.read_csv(exported["csv", 1])
    parquet = pd.read_parquet(exported["parquet", 1])
    for table_len, cols in ((len(rows), set(rows[0])), (len(csv), set(csv.columns)), (len(parquet), set(parquet.columns))):
        assert table_len == n
        assert set(REQUIRED) <= cols
    assert list(csv.columns) == COLUMNS and list(parquet.columns) == COLUMNS
    ids = [r["id"] for r in rows]
    assert ids == sorted(ids)
    assert list(csv["id"]) == ids and list(parquet["id"]) == ids


@pytest.mark.parametrize("fmt", ["json", "csv", "parquet"])
def test_export_is_deterministic(exported, fmt):
    assert exported[fmt, 1].read_bytes() == exported[fmt, 2].read_bytes()


def test_json_to_stdout(run_kb, broken_root, exported):
    code, out, err = run_kb("export", "--root", broken_root, "--format", "json")
    assert code == 0 and out == exported["json", 1].read_text(encoding="utf-8")


def test_parquet_needs_out(run_kb, broken_root):
    code, out, err = run_kb("export", "--root", broken_root, "--format", "parquet")
    assert code == 2 and "--out" in err and "Traceback" not in err


def test_export_to_an_unwritable_place(run_kb, broken_root, tmp_path):
    code, out, err = run_kb("export", "--root", broken_root, "--format", "json", "--out", tmp_path / "no" / "x.json")
    assert code == 2 and "Traceback" not in err


def test_canonical_values(broken_rows):
    r = broken_rows["g-gpt-4o-output-price-1k"]
    assert (r["value"], r["unit"], r["qualifier"]) == (0.03, "USD per 1K tokens", "exact")
    assert r["canonical_unit"] == "USD per 1M tokens"
    assert math.isclose(r["canonical_low"], 25) and math.isclose(r["canonical_high"], 35)
    assert json.loads(r["conditions"]) == {"direction": "output"}
    assert (r["source"], r["entity"], r["property"]) == ("good", "gpt-4o", "token-price")
    assert r["quote"] == "$0.03 per 1K tokens" and r["end"] - r["start"] == len(r["quote"])

    r = broken_rows["g-h100-sxm-tdp-kw"]
    assert math.isclose(r["canonical_low"], 650) and math.isclose(r["canonical_high"], 750)

    r = broken_rows["g-h100-rental"]
    assert (r["value"], r["low"], r["high"], r["qualifier"]) == (None, 2, 3, "range")
    assert (r["canonical_low"], r["canonical_high"], r["canonical_unit"]) == (1.5, 3.5, "USD/hour")


def test_open_interval_and_categorical_and_review(broken_rows):
    r = broken_rows["g-b200-tdp"]
    assert r["qualifier"] == "lower_bound" and r["canonical_low"] == 999.5 and r["canonical_high"] is None
    r = broken_rows["g-h100-architecture"]
    assert r["value"] == "nvidia-hopper" and r["canonical_low"] is None and r["unit"] is None
    r = broken_rows["g-h100-sxm-tdp"]
    assert json.loads(r["review"])["verdict"] == "correct" and r["verdict"] == "correct"
    assert broken_rows["g-h100-sxm-tdp-kw"]["review"] is None


def test_bad_claims_are_exported_without_canonical_values(broken_rows):
    r = broken_rows["b-unknown-unit"]
    assert r["unit"] == "gizmos" and r["canonical_low"] is None and r["canonical_unit"] is None


def test_parquet_types(exported):
    df = pd.read_parquet(exported["parquet", 1])
    assert pd.api.types.is_float_dtype(df["canonical_low"])
    assert pd.api.types.is_float_dtype(df["canonical_high"])
    assert df.loc[df["id"] == "g-h100-architecture", "value"].item() == "nvidia-hopper"


def test_real_data_export(run_kb, root):
    code, out, err = run_kb("export", "--format", "json", cwd=root / "claims")
    assert code == 0, err
    df = pd.DataFrame(json.loads(out))
    kb = load(root)
    assert len(df) == len(kb.claims) > 0
    assert df["id"].is_unique
    signed = {p.id for p in kb.properties.values() if p.signed}
    quantities = df[df["canonical_unit"].notna() & ~df["property"].isin(signed)]
    assert len(quantities) > 0 and (quantities["canonical_low"] >= 0).all()
