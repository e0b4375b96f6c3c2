"""falarm74: `kb vet`'s false alarms on fresh public write-ups (tables of cloud GPU prices in
no corpus, found with the ``find_string`` tool, judged by hand).

- a money column whose header names only a pricing tier ("Spot", "Spot/Preemptible", "Reserved
  (1yr)") beside a tier column that states its period ("On-Demand $/hr") is priced per that
  period, even where another column gives a second period ("| Monthly (730 hrs) |"): before, the
  spot prices were read as purchase prices of the GPU and flagged as a thousand-fold slip.
- a count under a column header or beside a row label "... per SM" ("Cores per SM", "FP32
  cores/SM", "Tensor cores per SM") is per streaming multiprocessor (compute unit): its scope is
  ``per-compute-unit``, so vet no longer flags 128 cores per SM against the card's 16,896.
"""
from __future__ import annotations

import pytest

from conftest import draft_of, vet_text, vetted_number


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


_SPOT_MONTHLY = """\
| Provider | GPU | On-Demand $/hr | Spot/Preemptible | Monthly (730 hrs) |
|----------|-----|----------------|------------------|-------------------|
| AWS | T4 | $0.526 | $0.16 | $384 |
| GCP | A100 (40GB) | $3.673 | $1.10 | $2,681 |
"""

_RESERVED_SPOT = """\
| Provider | Config | Total VRAM | On-Demand $/hr | Reserved (1yr) | Spot | Regions |
|----------|--------|-----------|---------------|----------------|------|---------|
| **GCP A3** | 1x H100 | 80GB | ~$3.90 | ~$2.10 | ~$2.50 | us-central1 |
"""

_SPOT_BARE = """\
| GPU | Memory | On-Demand $/hr | Spot | Status |
|---|---|---|---|---|
| **NVIDIA H100** | 80 GB HBM3 | $3.08 | $1.38 | Available |
"""


@pytest.mark.parametrize("text, raw, pricing", [
    (_SPOT_MONTHLY, "$0.16", "spot"),
    (_SPOT_MONTHLY, "$1.10", "spot"),
    (_RESERVED_SPOT, "~$2.10", "reserved"),
    (_RESERVED_SPOT, "~$2.50", "spot"),
    (_SPOT_BARE, "$1.38", "spot"),
])
def test_tier_column_priced_per_the_on_demand_period(reg, text, raw, pricing):
    d = draft_of(reg, text, raw)
    assert d.property == "rental-price"
    assert d.unit == "USD/hour"
    assert d.conditions.get("pricing") == pricing


def test_tier_columns_keep_their_own_units(reg):
    # (the on-demand and monthly columns read as before)
    assert draft_of(reg, _SPOT_MONTHLY, "$0.526").unit == "USD/hour"
    assert draft_of(reg, _SPOT_MONTHLY, "$384").unit == "USD/month"



_SM_COLUMNS = """\
| GPU | SMs | FP32 cores/SM | Tensor Cores/SM | HBM BW |
|---|---|---|---|---|
| H100 SXM | 132 | 128 | 4 (4th gen, FP8) | 3.35 TB/s |
"""

_SM_ROWS = """\
| Spec | A100 SXM4 80GB | H100 SXM5 80GB |
|---|---|---|
| SMs | 108 | 132 |
| FP32 CUDA cores | 6,912 | 16,896 |
| FP32 cores per SM | 64 | 128 |
"""


@pytest.mark.parametrize("text, raw", [
    (_SM_COLUMNS, "128"),
    (_SM_COLUMNS, "4"),
    (_SM_ROWS, "128"),
    (_SM_ROWS, "64"),
])
def test_count_per_sm_is_per_compute_unit(reg, text, raw):
    assert draft_of(reg, text, raw).conditions.get("scope") == "per-compute-unit"


@pytest.mark.parametrize("text, raw", [(_SM_COLUMNS, "132"), (_SM_ROWS, "16,896")])
def test_whole_card_counts_keep_no_scope(reg, text, raw):
    assert "scope" not in draft_of(reg, text, raw).conditions


def test_cores_per_sm_not_flagged_against_the_card(tmp_path, root):
    rep = vet_text(tmp_path, root, _SM_ROWS)
    assert vetted_number(rep, "128").status != "flagged"
