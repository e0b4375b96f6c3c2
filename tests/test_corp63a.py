"""corp63a: the vocabulary the new development article r167 needed.

r167 (R&D World's 'The AI Capex Arms Race, 2026', an HTML table whose rows are companies with
their 2026 capex guidance) counts AWS's footprint ('39 AWS Regions and 123 Availability Zones'):
the count item had no value for a cloud provider's regions or availability zones. NASA, the
yardstick of its scale box ('20× to 21× NASA'), was not in the registry.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.rules.check import load

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def kb():
    return load(ROOT)


def test_cloud_regions_and_availability_zones_are_count_items(kb):
    assert {"cloud-region", "availability-zone"} <= set(kb.conditions["item"].values)
    regions = kb.claims_by_id["r167-aws-regions"]
    zones = kb.claims_by_id["r167-aws-availability-zones"]
    assert (regions.entity, regions.property, regions.value, regions.conditions) == ("aws", "count", 39, {"item": "cloud-region"})
    assert (zones.value, zones.conditions) == (123, {"item": "availability-zone"})


def test_nasa_is_a_registry_organisation(kb):
    nasa = kb.entities["nasa"]
    assert nasa.kind == "organisation"
    assert "NASA" in nasa.aliases
    budget = kb.claims_by_id["r167-nasa-budget"]
    assert (budget.entity, budget.property, budget.value, budget.unit) == ("nasa", "total-costs", 24.4, "billion USD")


def test_the_table_rows_are_claims_of_their_companies(kb):
    amazon = kb.claims_by_id["r167-table-amazon-change"]
    assert (amazon.entity, amazon.property, amazon.value, amazon.unit) == ("amazon", "change", 52, "percent")
    meta = kb.claims_by_id["r167-table-meta-2026"]
    assert (meta.entity, meta.low, meta.high) == ("meta", 115, 135)
    # a ratio of the three's guidance over the defense budget, not a share of it
    defense = kb.claims_by_id["r167-compare-defense"]
    assert (defense.property, defense.low, defense.high, defense.unit) == ("ratio", 58, 62, "percent")
