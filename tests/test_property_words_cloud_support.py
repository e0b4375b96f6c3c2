"""The words of the cloud and support properties (datasets/properties/): a GPU cloud's data-transfer
allowance, egress and storage prices; the resolution, escalation and satisfaction (CSAT) rates of
an AI support deployment; a model's answer confidence in a routing rule; the length of a call.
Each one is made by its own words and takes no number that its unit shares with an older property.

Each sentence is a paraphrase of the kind of sentence real articles write, not a copied one;
the registry is the project's own (datasets/), whose cues: and needs: words the linker reads.
"""
from __future__ import annotations

import pytest

from conftest import drafted_properties
from kb.core.units import dimensionality


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


@pytest.mark.parametrize("text, prop", [
    # the outbound data a plan or a free tier includes before per-GB charges
    ("Every dedicated server comes with 20 TB of traffic a month.", "data-transfer-allowance"),
    ("The free tier gives you 1 TB of outbound data transfer per month.", "data-transfer-allowance"),
    ("The first 100 GB of egress each month costs nothing.", "data-transfer-allowance"),
    # the share of conversations an AI agent resolves without a human
    ("Our support agent now resolves 68% of tickets without a human.", "resolution-rate"),
    ("The bot's first-contact resolution rate climbed to 71%.", "resolution-rate"),
    # the share handed on to a person or a larger model
    ("About 30% of chats are escalated to a human agent.", "escalation-rate"),
    # customer satisfaction
    ("Customer satisfaction (CSAT) held at 88% after the switch.", "satisfaction-score"),
    ("The assistant's CSAT score rose to 91%.", "satisfaction-score"),
    # a confidence threshold of a routing rule
    ("When the classifier's confidence is below 70%, the request goes to the larger model.", "answer-confidence"),
    # how long a call or a session lasts
    ("The average support call lasts 6 minutes.", "session-duration"),
    ("Voice agents handle 3-minute calls around the clock.", "session-duration"),
    ("Cost estimate for 5,000 calls a month at 4 minutes each.", "session-duration"),
])
def test_a_new_property_is_made_by_its_words(reg, text, prop):
    assert [p for _, p in drafted_properties(reg, text)][-1] == prop


@pytest.mark.parametrize("text, prop", [
    # bytes: memory and stored data stay what they were, also near the word traffic
    ("The H200 has 141 GB of HBM3e.", "memory-capacity"),
    ("Each node has 2 TB of DDR5 host memory.", "host-memory"),
    ("An instance includes 30 TB of local NVMe storage.", "storage-capacity"),
    # times: the latency of one request and a training run's length stay what they were
    ("Each API call returns in 800 ms on average.", "inference-latency"),
    ("Training took 14 days on the new cluster.", "training-duration"),
    # percentages: plain shares, a benchmark score, an idle share and a statistical level
    ("About 35% of the budget goes to electricity.", "share"),
    ("Around 30% of queries go to the more expensive models.", "share"),
    ("The model scored 86% on MMLU.", "benchmark-score"),
    ("The cluster sat idle 30% of the time.", "idle-share"),
])
def test_a_new_property_takes_no_number_of_an_older_one(reg, text, prop):
    assert [p for _, p in drafted_properties(reg, text)] == [prop]


@pytest.mark.parametrize("text, prop", [
    # the size of a data set is no allowance because the word traffic is near it
    ("The corpus is 45 TB of text scraped from web traffic logs.", "data-transfer-allowance"),
    ("Analysts are confident that 80% of enterprises will adopt the tools by 2027.", "answer-confidence"),
])
def test_a_new_property_is_not_made_by_a_word_of_another_sense(reg, text, prop):
    got = drafted_properties(reg, text)
    assert got and all(p != prop for _, p in got)


def test_a_statistical_confidence_level_is_no_answer_confidence(reg):
    # (a survey's confidence level is no model's confidence in its answer; since miss65 it is no
    # claim at all, as "95% CI" is not)
    assert drafted_properties(reg, "The survey reports its results at the 95% confidence level.") == []


def test_the_new_vocabulary_is_data(reg):
    # what the round added is in the registry the extractor reads, with its unit and words
    by_id = {p["id"]: p for p in reg.properties}
    for pid, unit in [("data-transfer-allowance", "TB"), ("egress-price", "USD/GB"), ("resolution-rate", "percent"),
                      ("escalation-rate", "percent"), ("satisfaction-score", "percent"),
                      ("answer-confidence", "percent"), ("session-duration", "minute")]:
        assert by_id[pid]["canonical_unit"] == unit
        assert by_id[pid].get("needs"), f"{pid}: a specialised property needs its words"
    assert by_id["storage-price"]["canonical_unit"] == "USD/GB/month"
    assert "storage_type" in by_id["storage-price"]["conditions"]


@pytest.mark.parametrize("unit, prop", [("USD/GB/month", "storage-price"), ("$/GB", "egress-price")])
def test_a_price_per_byte_has_one_property(reg, unit, prop):
    # a price per GB (and month) is read as the one property of its dimension that needs no cue
    # word, so the unit alone makes it once it is read; another of its dimension (memory-price:
    # a GB of RAM a month) is taken only where its words stand
    dim = dimensionality(unit)
    same = [p["id"] for p in reg.properties if p.get("canonical_unit") and dimensionality(p["canonical_unit"]) == dim]
    by_id = {p["id"]: p for p in reg.properties}
    assert prop in same and all(by_id[p].get("needs") for p in same if p != prop), same


@pytest.mark.parametrize("text, prop", [
    # a bill or a spend per unit of time is what running something costs, not a rental price
    ("Our OpenAI bill was $4,000/month.", "cost-rate"),
    ("The team's API spend reached $12,000 per month.", "cost-rate"),
    # a price per hour of renting stays a rental price
    ("Lambda rents the H100 at $2.49/hour on demand.", "rental-price"),
    # "budget-friendly" is no budget
    ("The A100 is more budget-friendly, starting at $0.42/hour.", "rental-price"),
    # an amount per month with no word for either: a running cost (rents are quoted per
    # hour), unless the words say it is a rent
    ("- GPT-4o: $150-300/month", "cost-rate"),
    # (a year's capex is the amount invested, curated as capex in USD: tests/test_new52.py)
    ("Big Tech's combined AI cloud spend runs at $326 B/year.", "cost-rate"),
    ("An H100 server rents for $1,500/month.", "rental-price"),
])
def test_a_bill_or_a_spend_per_month_is_a_cost_rate(reg, text, prop):
    assert [p for _, p in drafted_properties(reg, text)] == [prop]
