"""When a number holds (year76): the period an article dates a money figure with, read into the
draft's condition, and comparisons kept to figures of the same time.

* a month or a part of a year after a preposition ("In May 2023", "By late 2022") or in
  brackets ("(Jan 2022)") is the figure's period; another amount between the figure and a
  period after it takes the period ("a $500M Series D ... followed a $270M Series C in June
  2023");
* "this year", "last year", "next year" date a figure by the article's date;
* a funding round takes a period, and a reference dated by the day its value began (a round's
  ``valid_from``) applies to a figure of a period only when that day falls in it.
"""

from __future__ import annotations

from conftest import small_kb
from kb.extract.linking import _period_in
from kb.rules.check import check


def _at(clause: str, raw: str):
    i = clause.index(raw)
    return _period_in(clause, (i, i + len(raw)))


# ---------------------------------------------------------------- periods in prose


def test_a_month_after_a_preposition_is_the_period():
    assert _period_in("In May 2023, Anthropic raised US$450 million in a round led by Spark Capital.", None) == "2023-05"


def test_a_month_in_brackets_is_the_period():
    assert _period_in("Last raised $200M Series E (Jan 2022) doubling its valuation to $5.2B", None) == "2022-01"


def test_a_month_after_through_is_no_period():
    assert _period_in("through September 2025 it raised $5 billion", None) is None


def test_late_in_a_year_is_that_year():
    assert _period_in("By late 2022, Anthropic had raised US$700 million in funding", None) == "2022"
    assert _period_in("since mid-2023 prices fell to $2", None) is None


def test_a_period_after_another_amount_dates_that_amount():
    clause = "Poised to announce a $500M Series D at $5.5B valuation – followed a $270M Series C in June 2023"
    assert _at(clause, "$500M") is None
    assert _at(clause, "$270M") == "2023-06"


def test_a_leading_or_bracketed_period_dates_every_amount():
    assert _at("In 2024, revenue was $10B and capex $5B", "$5B") == "2024"
    assert _at("Raised $200M Series F at a reduced $3.7B valuation (Dec 2022)", "$200M") == "2022-12"


# ---------------------------------------------------------------- years relative to the article's date


def _drafts(text: str, published):
    from kb.extract.drafts import extract_text
    from kb.extract.linking import load_registry
    from conftest import ROOT

    return extract_text(text, load_registry(ROOT), published=published)


def test_last_year_is_the_year_before_the_articles():
    text = "Anthropic reached about $8 million in monthly revenue last year, two of the people said."
    (d,) = [d for d in _drafts(text, "2024-02-20") if d.raw.endswith("$8 million")]
    assert d.property == "revenue"
    assert d.conditions.get("period") == "2023"
    (d,) = [d for d in _drafts(text, None) if d.raw.endswith("$8 million")]
    assert "period" not in d.conditions


def test_the_last_year_is_no_calendar_year():
    text = "Over the last year, Anthropic's revenue has tripled to $15 million, three people said."
    ds = [d for d in _drafts(text, "2024-02-20") if d.raw.endswith("$15 million")]
    assert ds and all("period" not in d.conditions for d in ds)


# ---------------------------------------------------------------- comparisons by time

PROPS = """
properties:
  - id: valuation
    name: Valuation
    description: A company's valuation (test)
    canonical_unit: billion USD
    conditions: [period]
    plausible:
      organisation: {low: 0 billion USD, high: 10000 billion USD, rationale: "test range"}
  - id: funding-round
    name: Funding round
    description: Money raised in one round (test)
    canonical_unit: billion USD
    conditions: [period]
    plausible:
      organisation: {low: 0 billion USD, high: 200 billion USD, rationale: "test range"}
"""
CONDITIONS = """
conditions:
  period:
    description: the period (test)
    pattern: '^[0-9]{4}.*$'
"""
ENTITIES = """
entities:
  - {id: lab, name: Lab, kind: organisation}
"""
NO_REFERENCES = "citations: []\nreferences: []\n"
ROUNDS = """
citations:
  - {id: c1, publisher: P, title: T, url: "https://example.org/", date: "2025-01-01", kind: secondary}
references:
  - {id: ref-round-a, entity: lab, property: funding-round, value: 450, unit: million USD, qualifier: exact,
     citation: c1, locator: "x", valid_from: "2023-05"}
  - {id: ref-round-b, entity: lab, property: funding-round, value: 13, unit: billion USD, qualifier: exact,
     citation: c1, locator: "x", valid_from: "2025-09-01"}
"""


def _round_findings(tmp_path, conditions: dict):
    sources = {"a": [{"id": "a1", "entity": "lab", "property": "funding-round", "value": 450, "unit": "million USD",
                      "qualifier": "exact", "quote": "In May 2023, Lab raised $450 million", "conditions": conditions}]}
    root = small_kb(tmp_path, sources, conditions=CONDITIONS, properties=PROPS, entities=ENTITIES, references=ROUNDS)
    rep = check(root)
    assert not [f for f in rep.findings if f.severity == "error"]
    return [f for f in rep.findings if f.code == "contradicts-reference"]


def test_a_dated_round_is_compared_with_the_rounds_of_its_period(tmp_path):
    assert _round_findings(tmp_path, {"period": "2023-05"}) == []
    # a round of 2025 is compared with 2025's rounds only: the $450 million of May 2023 is none
    assert len(_round_findings(tmp_path, {"period": "2025"})) == 1


def test_an_undated_round_is_compared_with_every_round(tmp_path):
    # (450 million equals one of them: consistent; the test below shows the other side)
    assert _round_findings(tmp_path, {}) == []


# ---------------------------------------------------------------- sections and table labels


def test_a_section_headed_by_a_year_dates_its_figures():
    from kb.extract.linking import _heading_period
    from kb.extract.tables import MD_HEADING_RE

    text = "# OpenAI\n\n## 2024\n\n### Q4\n\n- Oct 2: a funding round of $6.6B\n\n## Notes\n\nOpenAI raised $6.6B.\n"
    headings = [(m.start(), "h") for m in MD_HEADING_RE.finditer(text)]   # as link holds them
    memo = {}
    assert _heading_period(memo, text, headings, text.index("$6.6B")) == "2024"
    assert _heading_period(memo, text, headings, text.rindex("$6.6B")) is None


def test_a_month_alone_is_a_table_labels_period():
    from kb.extract.linking import _label_period

    assert _label_period("Jan 2023") == "2023-01"
    assert _label_period(" **Oct 2024** ") == "2024-10"
    assert _label_period("End 2023") is None


def test_a_line_labelled_by_a_period_dates_its_figures():
    from kb.extract.linking import _line_period

    line = "- 2027: Approximately 68 GW globally"
    assert _line_period(line, line.index("68")) == "2027"
    line = "- **2025**: 4,419 TWh baseline"
    assert _line_period(line, line.index("4,419")) == "2025"
    line = "- Jan 23: Microsoft announces ~$10B investment"
    assert _line_period(line, line.index("$10B")) is None
    line = "Revenue: $5B in 2024"
    assert _line_period(line, line.index("$5B")) is None
