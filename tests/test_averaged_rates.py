"""An amount over a period written for a rate ("uses 876,000 MWh/year" for a facility's power in
MW) is converted to the rate's unit (99.93 MW: the same dimension) but is an average over the
period: it is compared with averages only (values written the same way), never with a
capacity or a rating in MW, which an average below it does not contradict. It keeps its unit as
written, and the plausible range still applies."""

from __future__ import annotations

import pytest

from conftest import small_kb
from kb.rules.check import check
from kb.store.load import load

CONDITIONS = "conditions:\n  basis: {description: b, values: [reported, rated]}\n"
PROPERTIES = """
properties:
  - id: facility-power
    name: Facility power
    description: Power of a data centre (test)
    canonical_unit: MW
    conditions: [basis]
    plausible:
      datacentre: {low: 0.1 MW, high: 20000 MW, rationale: "test range"}
"""
ENTITIES = "entities:\n  - {id: dc, name: The DC, kind: datacentre}\n"
REFERENCES = """citations:
  - {id: s, publisher: P, title: T, url: "https://example.org", date: "2025", kind: primary}
references:
  - {id: r-cap, entity: dc, property: facility-power, value: 100, unit: MW, citation: s}
  - {id: r-avg, entity: dc, property: facility-power, value: 600000, unit: MWh/year, citation: s}
"""


def _claim(cid, value, unit):
    return {"id": cid, "entity": "dc", "property": "facility-power", "value": value, "unit": unit,
            "qualifier": "exact", "quote": f"{cid}: {value} {unit}"}


@pytest.fixture()
def report(tmp_path):
    def make(sources, references=REFERENCES):
        root = small_kb(tmp_path, sources, conditions=CONDITIONS, properties=PROPERTIES, entities=ENTITIES,
                        references=references)
        rep = check(root)
        assert not rep.errors, [f.message for f in rep.errors]
        return root, rep
    return make


def test_an_average_is_converted_and_shown_as_written(report):
    root, rep = report({"a": [_claim("a1", 600000, "MWh/year")]})
    (c,) = load(root).claims
    assert c.display() == "600,000 MWh/year" and c.interval.unit == "MW"
    assert 68.4 < c.interval.low <= c.interval.high < 68.5  # 600,000 MWh over 8,766 hours


def test_an_average_below_a_capacity_is_no_contradiction_but_misses_another_average(report):
    root, rep = report({"a": [_claim("a1", 500000, "MWh/year"), _claim("a2", 900000, "MWh/year"),
                              _claim("a3", 150, "MW")]})
    found = {f.claims[0]: f for f in rep.findings if f.code == "contradicts-reference"}
    assert "a1" in found and [c.other for c in found["a1"].comparisons] == ["r-avg"]  # 57 MW vs 68.4 MW: both averages
    assert [c.other for c in found["a2"].comparisons] == ["r-avg"]
    assert [c.other for c in found["a3"].comparisons] == ["r-cap"]  # a capacity beside the capacity only


def test_an_average_and_a_capacity_from_two_articles_do_not_conflict(report):
    root, rep = report({"a": [_claim("a1", 500000, "MWh/year")], "b": [_claim("b1", 100, "MW")],
                        "c": [_claim("c1", 800000, "MWh/year")]})
    conflicts = [f for f in rep.findings if f.code == "conflict"]
    assert len(conflicts) == 1 and set(conflicts[0].claims[:2]) == {"a1", "c1"}


def test_an_implausible_average_is_still_flagged(report):
    root, rep = report({"a": [_claim("a1", 5e9, "MWh/year")]})
    assert any(f.code == "implausible" and f.claims == ("a1",) for f in rep.findings)


def test_an_average_is_not_explained_by_a_capacity_it_happens_to_equal(report):
    """The likely-cause search looks for references a wrong value would fit: an average
    (876,000 MWh/year, 99.9 MW) that misses the other average equals the rated 100 MW only by
    a coincidence of units, so no cause names the rating; a value written as a power does."""
    refs = REFERENCES.replace("unit: MW, citation: s}", "unit: MW, citation: s, conditions: {basis: rated}}")
    refs = refs.replace("unit: MWh/year, citation: s}", "unit: MWh/year, citation: s, conditions: {basis: reported}}")
    avg = dict(_claim("a1", 876000, "MWh/year"), conditions={"basis": "reported"})
    root, rep = report({"a": [avg]}, refs)
    (f,) = [f for f in rep.findings if f.code == "contradicts-reference"]
    assert [c.other for c in f.comparisons] == ["r-avg"]
    assert not any("r-cap" in c.points_at for c in f.causes), [c.text for c in f.causes]
    power = dict(_claim("b1", 100, "MW"), conditions={"basis": "reported"})
    root, rep = report({"b": [power]}, refs.replace("r-avg, entity: dc, property: facility-power, value: 600000,"
                                                    " unit: MWh/year", "r-avg, entity: dc, property: facility-power,"
                                                    " value: 60, unit: MW"))
    (f,) = [f for f in rep.findings if f.code == "contradicts-reference"]
    assert any("r-cap" in c.points_at for c in f.causes), [c.text for c in f.causes]
