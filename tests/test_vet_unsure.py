"""`kb vet` flags a number against the world outside the article only when the reading it
rests on is sure: an entity linked below ``sure_entity``, a condition the article does not
state whose two values make the very factor of the miss, and a conflict with a forecast make
the number *unsure* (a note, not a flag)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import one_claim_kb, write_source
from kb.extract.vet import ENTITY_SURE, VetReport, vet

CONDITIONS = """\
conditions:
  link:
    description: The interconnect.
    values: [nvlink, pcie]
    display: value
  link_direction:
    description: Both directions together or one.
    values: [bidirectional, unidirectional]
    mixup: bidirectional vs one-way bandwidth
    ratio: 2
    display: value
  basis:
    description: What kind of figure it is.
    values: [reported, projected]
    display: value
"""
ENTITIES = """\
entities:
  - {id: nvidia, name: NVIDIA, kind: organisation, aliases: [NVIDIA]}
  - {id: world, name: World, kind: region, aliases: [worldwide, global]}
  - {id: nvidia-h100-sxm, name: NVIDIA H100 SXM, kind: gpu, vendor: nvidia, aliases: [H100 SXM, NVIDIA H100 SXM]}
"""
PROPERTIES = """\
properties:
  - id: interconnect-bandwidth
    name: Interconnect bandwidth
    description: Bandwidth of a GPU's links to other GPUs.
    canonical_unit: GB/s
    conditions: [link, link_direction]
    plausible:
      gpu: {low: 1 GB/s, high: 100000 GB/s, rationale: "Links of one GPU."}
  - id: memory-capacity
    name: GPU memory capacity
    description: Memory on one GPU.
    canonical_unit: GB
    states_maximum: true
    plausible:
      gpu: {low: 1 GB, high: 1000 GB, rationale: "GPUs carry 8 GB to 288 GB."}
  - id: facility-power
    name: Facility power
    description: Power a set of data centres draws.
    canonical_unit: GW
    conditions: [basis]
"""
REFERENCES = """\
citations:
  - {id: nv, publisher: NVIDIA, title: H100 page, url: "https://example.org/h100", date: "2026-01-01", kind: primary}
references:
  - {id: ref-h100-nvlink, entity: nvidia-h100-sxm, property: interconnect-bandwidth, value: 900, unit: GB/s,
     qualifier: exact, conditions: {link: nvlink, link_direction: bidirectional}, citation: nv, locator: table}
"""
# written for these tests
OTHER = "Worldwide, data centres may draw 200 GW by 2030.\n"


@pytest.fixture()
def kb_root(tmp_path: Path) -> Path:
    claim = {"id": "other-world", "entity": "world", "property": "facility-power", "value": 200,
             "unit": "GW", "qualifier": "exact", "conditions": {"basis": "projected"}}
    return one_claim_kb(tmp_path, OTHER, claim,
                        conditions=CONDITIONS, entities=ENTITIES, properties=PROPERTIES, references=REFERENCES)


def _vet(tmp_path: Path, root: Path, text: str, **kw) -> VetReport:
    p = tmp_path / "article.md"
    p.write_text(text, encoding="utf-8")
    return vet(p, root, **kw)


def _one(rep: VetReport, raw: str):
    hits = [n for n in rep.numbers if n.raw == raw]
    assert len(hits) == 1, [(n.raw, n.status, n.reason) for n in rep.numbers]
    return hits[0]


TABLE = ("| GPU | NVLink bandwidth |\n|---|---|\n| NVIDIA H100 SXM | {} |\n")


def test_a_surely_linked_miss_flags_and_a_loosely_linked_one_is_unsure(kb_root, tmp_path):
    # a table row names the entity of its cells: linked surely, the miss flags
    rep = _vet(tmp_path, kb_root, TABLE.format("9000 GB/s"))
    n = _one(rep, "9000 GB/s")
    assert n.confidence["entity"] >= ENTITY_SURE
    assert n.status == "flagged" and "contradicts-reference" in {f.code for f in n.findings}
    # the same miss read with a lower bar for the entity, and with a higher one
    rep = _vet(tmp_path, kb_root, TABLE.format("9000 GB/s"), sure_entity=1.0)
    n = _one(rep, "9000 GB/s")
    assert n.status == "unchecked" and not n.findings and rep.exit_code == 0
    assert n.reason.startswith("unsure: the entity was linked with confidence 0.") and "below 1.00" in n.reason
    assert [f.code for f in n.notes] == ["contradicts-reference"]
    assert n.notes[0].causes[0].startswith("not flagged, unsure: the entity was linked")
    assert "9000 GB/s" in rep.render("text").split("NOTES")[1]
    assert rep.as_dict()["sure_entity"] == 1.0 and "entity confidence of 1.00" in rep.render("text")


def test_a_miss_by_the_factor_of_an_unstated_condition_is_unsure(kb_root, tmp_path):
    # 450 GB/s is half the bidirectional 900 GB/s: one direction, which the table does not say
    rep = _vet(tmp_path, kb_root, TABLE.format("450 GB/s"))
    n = _one(rep, "450 GB/s")
    assert n.status == "unchecked" and not n.findings, (n.reason, n.findings)
    assert "the factor 2 that bidirectional vs one-way bandwidth makes" in n.reason
    assert "does not say which it is" in n.reason
    # a miss by another factor is no such mix-up: flagged
    n = _one(_vet(tmp_path, kb_root, TABLE.format("300 GB/s")), "300 GB/s")
    assert n.status == "flagged", n.reason
    # with the one-way value a reference too, twice the bidirectional one is no counterpart of
    # anything left unread: both directions were compared, and it missed them
    refs = kb_root / "datasets" / "references" / "r.yaml"
    refs.write_text(refs.read_text(encoding="utf-8") + (
        "  - {id: ref-h100-nvlink-one-way, entity: nvidia-h100-sxm, property: interconnect-bandwidth, value: 450,\n"
        "     unit: GB/s, qualifier: exact, conditions: {link: nvlink, link_direction: unidirectional}, citation: nv,\n"
        "     locator: table}\n"), encoding="utf-8")
    n = _one(_vet(tmp_path, kb_root, TABLE.format("1800 GB/s")), "1800 GB/s")
    assert n.status == "flagged" and "contradicts-reference" in {f.code for f in n.findings}, n.reason
    assert _one(_vet(tmp_path, kb_root, TABLE.format("450 GB/s")), "450 GB/s").status == "checked"


def test_a_conflict_with_a_forecast_is_unsure(kb_root, tmp_path):
    # two forecasts of different sources differ: neither is shown wrong by the other
    text = "| Year | Worldwide data-centre power |\n|---|---|\n| 2030 | 90 GW (projected) |\n"
    rep = _vet(tmp_path, kb_root, text, min_confidence=0.0, sure_entity=0.0)
    n = _one(rep, "90 GW")
    assert n.conditions.get("basis") == "projected", n.conditions
    assert n.entity == "world" and n.property == "facility-power", (n.entity, n.property)
    assert n.status == "unchecked" and not n.findings
    assert "no reported fact (projected)" in n.reason and [f.code for f in n.notes] == ["conflict"]



def test_a_number_far_out_of_range_with_a_guessed_property_is_unsure(kb_root, tmp_path):
    # the linker itself drops a property a thousand times out of range; a number it kept
    # anyway (another kind's range, a unit converted later) is judged here, on a claim of the
    # knowledge base standing for one vet made
    from kb.extract.vet import IMPLAUSIBLE_FAR, PROPERTY_SURE, _unsure
    from kb.rules.check import check

    body = "| GPU | Memory |\n|---|---|\n| NVIDIA H100 SXM | 8000000 GB |\n| NVIDIA H100 SXM | 3000 GB |\n"
    write_source(kb_root, "mem", body)
    claims = "source: mem\nclaims:\n"
    for cid, raw in (("mem-far", "8000000 GB"), ("mem-near", "3000 GB")):
        s = body.index(raw)
        claims += (f"  - id: {cid}\n    entity: nvidia-h100-sxm\n    property: memory-capacity\n"
                   f"    value: {raw.split()[0]}\n    unit: GB\n    qualifier: exact\n    quote: \"{raw}\"\n"
                   f"    start: {s}\n    end: {s + len(raw)}\n")
    (kb_root / "claims" / "mem.yaml").write_text(claims, encoding="utf-8")
    rep = check(kb_root)
    found = {f.claims[0]: f for f in rep.findings if f.code == "implausible"}
    assert set(found) == {"mem-far", "mem-near"}
    assert found["mem-far"].comparisons[0].factor >= IMPLAUSIBLE_FAR > found["mem-near"].comparisons[0].factor
    why = _unsure(rep.comparer, found["mem-far"], "mem-far", 1.0, property_confidence=PROPERTY_SURE - 0.1)
    assert "outside the plausible range of gpu memory capacity" in why and "another property" in why
    # read surely, or only just out of range: a finding that flags
    assert _unsure(rep.comparer, found["mem-far"], "mem-far", 1.0, property_confidence=PROPERTY_SURE) == ""
    assert _unsure(rep.comparer, found["mem-near"], "mem-near", 1.0, property_confidence=0.0) == ""
    # and the entity's bar applies to it as to any finding against the outside
    assert _unsure(rep.comparer, found["mem-near"], "mem-near", 0.5).startswith("the entity was linked")


def test_a_miss_of_references_each_for_a_period_is_unsure_when_no_period_is_read(tmp_path):
    conditions = CONDITIONS + """\
  period:
    description: The period a figure covers.
    pattern: '^\\d{4}(-Q[1-4])?$'
    display: key
"""
    properties = PROPERTIES + """\
  - id: revenue
    name: Revenue
    description: Money a company takes in over a period.
    canonical_unit: USD
    conditions: [period]
"""
    references = REFERENCES + """\
  - {id: ref-nvidia-rev-2024, entity: nvidia, property: revenue, value: 60.9, unit: billion USD, qualifier: exact,
     conditions: {period: "2024"}, citation: nv, locator: table}
"""
    claim = {"id": "other-world", "entity": "world", "property": "facility-power", "value": 200,
             "unit": "GW", "qualifier": "exact", "conditions": {"basis": "projected"}}
    root = one_claim_kb(tmp_path / "kb", OTHER, claim, conditions=conditions, entities=ENTITIES,
                        properties=properties, references=references)
    text = "| Company | Revenue |\n|---|---|\n| NVIDIA | $9.0B |\n"
    n = _one(_vet(tmp_path, root, text, min_confidence=0.0, sure_entity=0.0), "$9.0B")
    assert n.entity == "nvidia" and n.property == "revenue", (n.entity, n.property)
    assert n.status == "unchecked" and not n.findings, (n.status, n.reason)
    assert "each for a period (2024)" in n.reason and [f.code for f in n.notes] == ["contradicts-reference"]
    # a reference that names no period is the thing's value, whenever: missing it flags
    (root / "datasets" / "references" / "r.yaml").write_text(REFERENCES + """\
  - {id: ref-nvidia-rev, entity: nvidia, property: revenue, value: 60.9, unit: billion USD, qualifier: exact,
     citation: nv, locator: table}
""", encoding="utf-8")
    assert _one(_vet(tmp_path, root, text, min_confidence=0.0, sure_entity=0.0), "$9.0B").status == "flagged"
