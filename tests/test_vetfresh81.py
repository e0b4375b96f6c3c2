"""`kb vet` on fresh articles (vetfresh81): false alarms traced to how a number was read.

* "first-half 2025 revenue": a half of a year is the figure's period (2025-H1), not the whole
  year, so a half-year's revenue is not set against a full year's;
* "recorded a $13.5 billion net loss": the result named right after an amount is its property,
  not the revenue the sentence named before it for another amount;
* a Markdown report without front matter dates itself in a dateline under its title
  ("**Date**: October 2, 2025"): its prices are compared with the references in force then;
* an implausible value just past a wide range's edge is not called a thousandfold slip.

Quoted forms are from the fresh articles (a Hacker News digest of OpenAI's first-half 2025
results; a GPU inference provider price survey of October 2025).
"""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import small_kb
from kb.extract.drafts import extract_text
from kb.extract.linking import _period_in
from kb.extract.vet import _text_date
from kb.rules.check import check

# quantum-pilot/hn-digest, 2025/10/02 (OpenAI's H1 2025)
H1 = ("According to shareholder disclosures summarized by Tech in Asia, OpenAI generated $4.3 billion in "
      "first-half 2025 revenue but recorded a $13.5 billion net loss.")


@pytest.mark.parametrize("clause, period", [
    (H1, "2025-H1"),
    ("In the second half of 2024, revenue was $5 billion", "2024-H2"),
    ("in the first half of 2025 it spent $2.5 billion", "2025-H1"),
    ("OpenAI's 2025 revenue was $13 billion", "2025"),          # (a whole year stays one)
])
def test_a_half_of_a_year_is_the_period(clause, period):
    assert _period_in(clause, None) == period


def test_the_result_named_right_after_an_amount_is_its_property(project_registry):
    got = {d.raw: d for d in extract_text(H1, project_registry)}
    assert got["$4.3 billion"].property == "revenue"
    assert got["$4.3 billion"].conditions.get("period") == "2025-H1"
    assert got["$13.5 billion"].property == "net-loss"
    assert got["$13.5 billion"].conditions.get("period") == "2025-H1"


# hollis-source/unified-intelligence-cli, docs/GPU_PRICING_RESEARCH_OCT_2025.md (its head)
HEAD = ("# GPU Inference Provider Research - October 2025\n## Best Value Analysis for 8B Model Inference\n\n"
        "**Research Method**: Category Theory DSL workflow with parallel data collection\n"
        "**Date**: October 2, 2025\n**Excluded**: vast.ai (per user request)\n")


@pytest.mark.parametrize("text, day", [
    (HEAD + "\n| Lambda Labs | H100 | 80GB | $2.99 | Premium reliability |\n", dt.date(2025, 10, 2)),
    ("# Notes\n\nPublished: 2025-03-04\n\nText.\n", dt.date(2025, 3, 4)),
    ("# Notes\n*Date: 12 May 2024*\n\nText.\n", dt.date(2024, 5, 12)),
])
def test_a_dateline_under_the_title_dates_a_text_without_front_matter(text, day):
    assert _text_date(text) == day


@pytest.mark.parametrize("text", [
    "# Notes\n\n**Research Date**: October 2, 2025\n",                 # (not a "Date" line)
    "# Notes\n\n" + "A line of text.\n" * 60 + "Date: 2024-01-01\n",   # (far from the head)
    "# Notes\n\nThe date: when the H100 shipped, 2022.\n",              # (no full date)
])
def test_no_dateline_no_date(text):
    assert _text_date(text) is None


PROPS = """
properties:
  - id: token-price
    name: Token price
    description: Token price (test)
    canonical_unit: USD per 1M tokens
    plausible:
      model: {low: 0.001 USD per 1M tokens, high: 1000 USD per 1M tokens, rationale: "test range"}
"""
ENTITIES = """
entities:
  - {id: model-n, name: Model N, kind: model}
"""
CONDITIONS = "conditions: {}\n"
REFERENCES = "citations: []\nreferences: []\n"


def _claim(cid, value):
    return {"id": cid, "entity": "model-n", "property": "token-price", "qualifier": "exact", "value": value,
            "unit": "USD per 1M tokens", "quote": f"{cid} says {value}"}


def test_a_miss_just_past_a_wide_range_is_no_thousandfold_slip(tmp_path):
    # ("$30/mo" read as a T4's rent was 1.2x below 0.05-100 USD/hour, yet called "multiplied by a
    # thousand it is plausible"); a value a thousand times below the range still is
    root = small_kb(tmp_path, {"a": [_claim("a1", 0.0008), _claim("a2", 0.000001)]}, properties=PROPS,
                    entities=ENTITIES, conditions=CONDITIONS, references=REFERENCES)
    got = {f.claims: f for f in check(root).findings if f.code == "implausible"}
    assert set(got) == {("a1",), ("a2",)}
    assert not got[("a1",)].causes
    assert got[("a2",)].causes and "thousand" in got[("a2",)].likely_cause


class _Cmp:
    """A comparer with no reference value and no plausible range: only the peers are counted."""

    def references_for(self, claim):
        return []

    def plausible_for(self, claim):
        return []


class _Claim:
    ok = True
    interval = object()


@pytest.mark.parametrize("peers, words", [(1, "consistent with 1 other article's claim"),
                                          (4, "consistent with 4 other articles' claims")])
def test_the_claims_a_number_agreed_with_are_counted_in_good_english(peers, words):
    # ("$2.99/hr ... consistent with 1 other article' claim, the plausible range" in the GPU
    # price survey's report)
    from kb.extract.vet import _compared_with

    assert _compared_with(_Cmp(), _Claim(), peers) == words
