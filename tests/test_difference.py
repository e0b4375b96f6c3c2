"""Absolute differences as claims: the ``difference`` comparison (numerator − denominator).

A difference is in the unit of its numerator's property ("14 GB more memory"), or in that unit
per year for a yearly addition ("adds 40 TWh a year"). Each case is a small knowledge base in
a temporary folder, with the arithmetic done by hand in the test's comment: a difference that
agrees with its sides stays quiet, a wrong one is flagged with its evidence and likely cause,
a unit of another dimension is a finding with file and line, and the site says what it
compares.
"""

from __future__ import annotations

import json

from conftest import small_kb
from kb.rules.check import check
from kb.store.load import load

PROPS = """
properties:
  - {id: memory, name: Memory, description: d, canonical_unit: GB}
  - {id: memory-bandwidth, name: Memory bandwidth, description: d, canonical_unit: TB/s}
  - {id: tdp, name: TDP, description: d, canonical_unit: W}
  - {id: energy, name: Energy use, description: d, canonical_unit: TWh, conditions: [period]}
  - {id: revenue-rate, name: Revenue rate, description: d, canonical_unit: million USD/year}
  - {id: cost-rate, name: Cost rate, description: d, canonical_unit: USD/year}
  - {id: difference, name: Difference, description: d, unit_from: numerator, comparison: difference, signed: true}
"""
CONDITIONS = """
conditions:
  period: {description: p, pattern: '^\\d{4}$', examples: ["2024"]}
"""
ENTITIES = """
entities:
  - {id: gpu-a, name: GPU A, kind: gpu}
  - {id: gpu-b, name: GPU B, kind: gpu}
  - {id: land, name: A country, kind: region}
  - {id: site, name: A site, kind: datacentre}
"""
REFERENCES = """
citations:
  - {id: sheet, publisher: Acme, title: Datasheet, url: "https://example.org", date: "2024-01-01", kind: primary}
references:
  - {id: ref-a-bw, entity: gpu-a, property: memory-bandwidth, value: 3.35, unit: TB/s, citation: sheet}
  - {id: ref-b-bw, entity: gpu-b, property: memory-bandwidth, value: 4.8, unit: TB/s, citation: sheet}
"""

_LETTERS = str.maketrans("0123456789", "abcdefghij")


def claim(cid, entity, prop, value=None, unit=None, qualifier="exact", **kw):
    c = {"id": cid, "entity": entity, "property": prop, "qualifier": qualifier,
         "quote": f"quote of {cid.translate(_LETTERS)}"}  # no digits: quote-value stays quiet
    if value is not None:
        c["value"] = value
    if unit is not None:
        c["unit"] = unit
    c.update(kw)
    return c


def sides(num_entity, den_entity, prop="memory", num_conditions=None, den_conditions=None):
    n = {"entity": num_entity, "property": prop}
    d = {"entity": den_entity, "property": prop}
    if num_conditions:
        n["conditions"] = num_conditions
    if den_conditions:
        d["conditions"] = den_conditions
    return {"numerator": n, "denominator": d}


def diff(cid, value, unit, qualifier="exact", low=None, high=None, **side_kw):
    extra = {} if low is None else {"low": low, "high": high}
    return claim(cid, side_kw.pop("entity", "gpu-b"), "difference", value, unit, qualifier, **extra,
                 **sides(side_kw.pop("num", "gpu-b"), side_kw.pop("den", "gpu-a"), **side_kw))


def kb_dir(tmp_path, claims):
    return small_kb(tmp_path, {"a": claims}, conditions=CONDITIONS, properties=PROPS, entities=ENTITIES,
                    references=REFERENCES)


def run(tmp_path, claims):
    rep = check(kb_dir(tmp_path, claims))
    errors = [f"{f.path}:{f.line} {f.code} {f.message}" for f in rep.findings if f.severity == "error"]
    assert not errors, errors
    return rep


def of(rep, code, cid):
    return [f for f in rep.findings if f.code == code and cid in f.claims]


def relations(rep, cid):
    return {e.basis: e for e in rep.relations if e.claim == cid}


MEMORY = [claim("a", "gpu-a", "memory", 80, "GB"), claim("b", "gpu-b", "memory", 94, "GB")]


# ---------------------------------------------------------------------- normalised in the sides' unit


def test_a_difference_is_normalised_to_the_numerator_propertys_unit(tmp_path):
    """"14 GB more" and "14,000 MB more" are both 14 GB; "adds 40 TWh a year" is in TWh/year;
    "$5 billion less" is signed (-5000 million USD/year for a rate)."""
    kb = load(kb_dir(tmp_path, [
        diff("gb", 14, "GB"),
        diff("mb", "14,000", "MB"),
        diff("yearly", 40, "TWh/year", qualifier="approx", entity="land", num="land", den="land", prop="energy"),
        diff("less", -5, "billion USD/year", entity="site", num="site", den="site", prop="revenue-rate"),
    ]))
    assert not kb.load_findings, kb.load_findings
    iv = {c.id: c.interval for c in kb.claims}
    assert iv["gb"].unit == "GB" and iv["gb"].low == 13.5 and iv["gb"].high == 14.5
    assert iv["mb"].unit == "GB" and abs(iv["mb"].low - 13.9995) < 1e-9
    assert iv["yearly"].unit == "TWh/year" and iv["yearly"].low < 40 < iv["yearly"].high
    assert iv["less"].unit == "million USD/year" and iv["less"].low == -5500 and iv["less"].high == -4500


def test_a_unit_of_another_dimension_is_a_finding_with_file_and_line(tmp_path):
    """Watts for a difference of memory sizes; sides of two dimensions (GB − W); a difference
    without a numerator: each a finding at the line of what is wrong, and no traceback."""
    d = kb_dir(tmp_path, [
        diff("watts", 14, "W"),
        claim("mixed", "gpu-b", "difference", 14, "GB", numerator={"entity": "gpu-b", "property": "memory"},
              denominator={"entity": "gpu-a", "property": "tdp"}),
        claim("no-side", "gpu-b", "difference", 14, "GB"),
    ])
    rep = check(d)
    path = "claims/a.yaml"
    lines = (d / path).read_text().splitlines()
    by_claim = {f.claims[0]: f for f in rep.findings if f.claims and f.code in ("unit-dimension", "schema")}
    w = by_claim["watts"]
    assert w.code == "unit-dimension" and w.severity == "error" and w.path == path
    assert '"unit": "W"' in lines[w.line - 1] and "GB" in w.message and "GB/year" in w.message
    m = by_claim["mixed"]
    assert m.code == "unit-dimension" and '"denominator"' in lines[m.line - 1] and "tdp" in m.message
    n = by_claim["no-side"]
    assert n.code == "schema" and "numerator" in n.message and n.line >= 1
    assert {c.id: c.ok for c in rep.kb.claims} == {"watts": False, "mixed": False, "no-side": False}
    assert rep.exit_code != 0


def test_a_property_gives_its_unit_one_way(tmp_path):
    """canonical_unit and unit_from together: a schema finding at the unit_from line."""
    d = kb_dir(tmp_path, [])
    props = d / "datasets/properties/p.yaml"
    props.write_text(PROPS.replace("  - {id: difference, name: Difference, description: d, unit_from: numerator, "
                                   "comparison: difference, signed: true}\n", "")
                     + "  - id: difference\n    name: Difference\n    description: d\n    canonical_unit: GB\n"
                       "    unit_from: numerator\n    comparison: difference\n")
    kb = load(d)
    (f,) = [f for f in kb.load_findings if "unit_from" in f.message]
    assert f.code == "schema" and f.path == "datasets/properties/p.yaml"
    assert props.read_text().splitlines()[f.line - 1].strip() == "unit_from: numerator"


# ---------------------------------------------------------------------- recomputed from its sides


def test_a_difference_that_agrees_with_its_sides_stays_quiet(tmp_path):
    """94 GB − 80 GB = 14 GB; "more than 10 GB" holds too; from the references, 4.8 − 3.35 TB/s
    = 1.45 TB/s, and "1.45 TB/s more bandwidth" holds."""
    rep = run(tmp_path, MEMORY + [
        diff("ok", 14, "GB"),
        diff("floor", 10, "GB", qualifier="lower_bound"),
        diff("bw", "1.45", "TB/s", prop="memory-bandwidth"),
    ])
    ok = relations(rep, "ok")["article"]
    assert ok.verdict == "consistent" and ok.with_numbers == "94 GB − 80 GB" and ok.formula == "numerator − denominator"
    assert ok.computed.low < 14 < ok.computed.high
    assert relations(rep, "floor")["article"].verdict == "consistent"
    bw = relations(rep, "bw")["references"]
    assert bw.verdict == "consistent" and {i.id for i in bw.inputs} == {"ref-a-bw", "ref-b-bw"}
    assert not [f for f in rep.findings if set(f.claims) & {"ok", "floor", "bw"}]


def test_a_wrong_difference_is_flagged_with_evidence_and_a_likely_cause(tmp_path):
    """94 − 80 is 14 GB, not 41 GB (no telltale); "14 GB less" has the sides the wrong way
    round; "14,000 GB more" is a 10^3 slip; 3 TB/s against the references' 1.45 TB/s is a hint."""
    rep = run(tmp_path, MEMORY + [
        diff("wrong", 41, "GB"),
        diff("swapped", -14, "GB"),
        diff("slip", 14000, "GB"),
        diff("bw", 3, "TB/s", prop="memory-bandwidth"),
    ])
    (f,) = of(rep, "arithmetic", "wrong")
    assert f.severity == "warning" and f.relation.basis == "article" and f.relation.verdict == "misses"
    assert f.relation.with_numbers == "94 GB − 80 GB" and {i.id for i in f.relation.inputs} == {"a", "b"}
    assert "GPU B memory − GPU A memory" in f.message and "41 GB" in f.message
    assert f.comparisons and f.comparisons[0].direction == "above"
    (s,) = of(rep, "arithmetic", "swapped")
    assert "inverted" in [c.kind for c in s.causes] and "other way round" in s.causes[0].text
    (k,) = of(rep, "arithmetic", "slip")
    assert k.causes and k.causes[0].kind == "scale-slip" and k.causes[0].factor == 1000
    (g,) = of(rep, "comparison-contradicts-references", "bw")
    assert g.severity == "info" and g.relation.basis == "references"


def test_a_yearly_addition_is_the_difference_over_the_years_between_the_sides(tmp_path):
    """4,100 TWh in 2025 and 4,600 TWh in 2030: 500 TWh over 5 years is 100 TWh a year, so
    "adds 80-120 TWh a year" holds, "adds 500 TWh a year" (the total given per year) misses, and
    an addition whose sides carry no dates is not recomputed."""
    later = {"period": "2030"}
    earlier = {"period": "2025"}
    kw = dict(entity="land", num="land", den="land", prop="energy", num_conditions=later, den_conditions=earlier)
    rep = run(tmp_path, [
        claim("e25", "land", "energy", 4100, "TWh", conditions=earlier),
        claim("e30", "land", "energy", 4600, "TWh", conditions=later),
        diff("adds", None, "TWh/year", qualifier="range", low=80, high=120, **kw),
        diff("total", 500, "TWh", **kw),
        diff("total-per-year", 500, "TWh/year", **kw),
        diff("undated", 40, "TWh/year", qualifier="approx", entity="land", num="land", den="land", prop="energy"),
    ])
    adds = relations(rep, "adds")["article"]
    assert adds.verdict == "consistent" and adds.formula == "(numerator − denominator) / 5 years"
    assert adds.computed.unit == "TWh/year" and adds.computed.low < 100 < adds.computed.high
    assert relations(rep, "total")["article"].verdict == "consistent"
    (f,) = of(rep, "arithmetic", "total-per-year")
    assert f.relation.computed.low < 100 < f.relation.computed.high
    assert "undated" not in {e.claim for e in rep.relations}
    # a total and a yearly addition with the same sides are never taken for the same figure
    assert not [x for x in rep.findings if x.code == "conflict"]


def test_sides_of_two_properties_of_one_dimension(tmp_path):
    """Net revenue: $15 million a year of revenue less $1.1 million a year of cost is $13.9
    million a year; "can exceed $1 million a year" holds (a floor), "$1 million" does not."""
    rep = run(tmp_path, [
        claim("rev", "site", "revenue-rate", 15, "million USD/year"),
        claim("cost", "site", "cost-rate", "1.1", "million USD/year"),
        claim("floor", "site", "difference", 1, "million USD/year", "lower_bound",
              numerator={"entity": "site", "property": "revenue-rate"},
              denominator={"entity": "site", "property": "cost-rate"}),
        claim("exact", "site", "difference", 1, "million USD/year",
              numerator={"entity": "site", "property": "revenue-rate"},
              denominator={"entity": "site", "property": "cost-rate"}),
    ])
    assert relations(rep, "floor")["article"].verdict == "consistent"
    (f,) = of(rep, "arithmetic", "exact")
    assert 13.4 < f.relation.computed.low * 1 and f.relation.computed.unit == "million USD/year"


# ---------------------------------------------------------------------- the vocabulary and the site


def test_the_project_vocabulary_declares_the_difference():
    from pathlib import Path

    kb = load(Path(__file__).resolve().parents[1])
    p = kb.properties["difference"]
    assert p.comparison == "difference" and p.unit_from == "numerator" and p.signed and p.canonical_unit is None
    used = [c for c in kb.claims if c.property == "difference"]
    assert used and all(c.ok and c.interval is not None for c in used)


def test_the_site_says_what_a_difference_compares(tmp_path):
    from kb.site.model import Page, Site
    from kb.site.sourcepage import claim_entry, sides_text, signed

    rep = run(tmp_path, MEMORY + [diff("ok", 14, "GB"), diff("less", -2, "GB"),
                                  claim("r", "gpu-b", "difference", 5, "GB", "lower_bound",
                                        **sides("gpu-b", "gpu-a"))])
    site = Site(rep.kb, rep.findings, rep.comparer, relations=rep.relations)
    page = Page(site, "sources/a.md")
    c = rep.kb.claims_by_id["ok"]
    text = sides_text(site, page, c)
    assert "GPU B</a> memory − " in text and "GPU A</a> memory" in text and text.endswith("= <strong>+14 GB</strong>")
    assert sides_text(site, page, rep.kb.claims_by_id["less"]).endswith("<strong>-2 GB</strong>")
    assert sides_text(site, page, rep.kb.claims_by_id["r"]).endswith("<strong>&gt; +5 GB</strong>")
    assert sides_text(site, page, rep.kb.claims_by_id["a"]) == ""  # not a comparison
    html = claim_entry(site, page, c, 1)
    assert "Compares" in html and "+14 GB" in html and "94 GB − 80 GB" in html
    assert signed("about 40 TWh/year") == "about +40 TWh/year" and signed("0 GB") == "0 GB"
    json.dumps(html)  # plain text, no objects


def test_charts_never_put_differences_of_two_units_on_one_axis(tmp_path):
    """A difference of memory sizes (GB) and one of energy (TWh): the property page draws no
    common axis for them; on an entity's chart each unit is a panel of its own."""
    from kb.site.charts import entity_chart, property_charts
    from kb.site.model import Site

    rep = run(tmp_path, MEMORY + [
        diff("gb", 14, "GB"),
        diff("twh", 90, "TWh", entity="gpu-b", num="gpu-b", den="gpu-b", prop="energy",
             num_conditions={"period": "2030"}, den_conditions={"period": "2022"}),
    ])
    site = Site(rep.kb, rep.findings, rep.comparer, relations=rep.relations)
    assert property_charts(site, "difference") == []
    assert property_charts(site, "memory")  # one unit: charted as before
    spec = entity_chart(site, "gpu-b")
    titles = json.dumps(spec, ensure_ascii=False)
    assert "Difference (GB)" in titles and "Difference (TWh)" in titles
