"""The refs57 references (datasets/references/refs57.yaml): H100 rental prices in force during
2023-2025, from dated pull requests and issues that quote a provider's price on the day written.

r153 (Latent Space, "$2 H100s: How the GPU Rental Bubble Burst", October 2024, dev-B) writes
"$2 H100s" for the H100's hourly rental price in October 2024; the only H100 rental-price references
in force then were list prices of $4.25 and more (CoreWeave, AWS), so the title was flagged. A
marketplace price of $2.69 (TensorDock, April 2024) now backs it. A reading is held for at most a
year, so Lambda's $1.99 of June 2023 does not meet a claim of late 2025 that Lambda's H100 PCIe
costs $2.49 (r02, reviewed correct)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from conftest import references_backing

from kb.rules.compare import Comparer

_FILE = Path(__file__).resolve().parent.parent / "datasets" / "references" / "refs57.yaml"


def _records():
    doc = yaml.safe_load(_FILE.read_text(encoding="utf-8"))
    return doc["citations"], doc["references"]


def test_the_file_loads_with_every_reference_and_its_citation(project_kb):
    citations, refs = _records()
    cited = {c["id"] for c in citations}
    assert len(refs) == 5
    for r in refs:
        assert r["citation"] in cited
        assert r["id"] in project_kb.references_by_id
        assert r["entity"].startswith("nvidia-h100") and r["property"] == "rental-price"
        assert r["conditions"]["scope"] == "per-gpu" and r["unit"] == "USD/hour"


@pytest.mark.parametrize("ref", _records()[1], ids=lambda r: r["id"])
def test_each_value_is_the_one_its_quote_prints(ref):
    """The value appears in the quoted passage as printed (a '$' price or a catalog column)."""
    value = ref["value"]
    printed = re.findall(r"\$?(\d+\.\d+)", ref["locator"])
    assert value in printed


@pytest.mark.parametrize("ref", _records()[1], ids=lambda r: r["id"])
def test_each_reading_holds_at_most_a_year(ref):
    frm, to = ref["valid_from"], ref["valid_to"]
    assert isinstance(frm, dt.date) and isinstance(to, dt.date)
    assert dt.date(2023, 1, 1) <= frm < to <= frm.replace(year=frm.year + 1)


@pytest.mark.parametrize("claim_id", ["r153-title-price", "r153-title-price-2"])
def test_r153_title_price_of_october_2024_is_backed(project_kb, project_comparer, claim_id):
    # r153: "$2 H100s" (about $2 an hour, October 2024)
    assert "ref-nvidia-h100-sxm-rental-price-per-gpu-tensordock-marketplace-2024-04" in \
        references_backing(project_comparer, project_kb, claim_id)
    assert project_comparer.backed(project_kb.claims_by_id[claim_id])


def test_lambda_launch_price_gives_way_to_the_june_2023_cut(project_kb):
    old = project_kb.references_by_id["ref-nvidia-h100-pcie-rental-price-per-gpu-lambda-labs-on-demand-2023-05"]
    new = project_kb.references_by_id["ref-nvidia-h100-pcie-rental-price-per-gpu-lambda-labs-on-demand-2023-06"]
    for day, in_force in ((dt.date(2023, 5, 31), old), (dt.date(2023, 9, 30), new)):
        assert [r for r in (old, new) if Comparer.in_force(r, day)] == [in_force]


def test_a_2023_reading_does_not_meet_a_late_2025_price(project_kb, project_comparer):
    # r02: "Lambda Labs charges **$2.49/hour for PCIe**" (late 2025, reviewed correct)
    backing = references_backing(project_comparer, project_kb, "r02-lambda-pcie")
    assert not any(i.startswith("ref-nvidia-h100-pcie-rental-price-per-gpu-lambda-labs-on-demand-2023") for i in backing)
