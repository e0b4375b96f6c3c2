"""kb vet flags what the curated claims let kb check flag (session 26, vet58; designed on the dev-B
half of the real development articles, quotes of those articles in each test):

- a number in a bracket right after a name ("H100 (700W) → B200 (1,200W)") is the name's own, as
  a number right after a name in the possessive is: the link is sure, whatever else the line
  names, so that kb vet compares it with the name's reference values;
- a number whose next sentence says outright whose it is ("1,200 watts. That's the thermal design
  power of Nvidia's B200 GPU") is linked a way of its own ("defines"), not as a name that merely
  follows the number ("after", right about a third of the time on the development articles).
"""
from __future__ import annotations

from kb.extract.drafts import extract_text


def _drafts(project_registry, text):
    return {d.raw: d for d in extract_text(text, project_registry)}


def test_number_in_a_bracket_after_a_name_is_the_names_own(project_registry):
    # r127-datacenter-scaling-bottlenecks
    text = ("**Air cooling no longer works** (server power ≈ heat generated):\n\n"
            "- GPU TDP: H100 (700W) → B200 (1,200W) → Blackwell Ultra (1,400W) → Feynman 2028 (4,400W)\n")
    ds = _drafts(project_registry, text)
    for raw, eid in (("700W", "nvidia-h100"), ("1,200W", "nvidia-b200"), ("1,400W", "nvidia-blackwell-ultra")):
        assert ds[raw].entity == eid
        assert ds[raw].evidence["entity"] == "before|sure|kind"
    # a bracket after a name the registry does not know (Feynman) is not the name before it
    assert ds["4,400W"].evidence["entity"] != "before|sure|kind"


def test_next_sentence_that_defines_the_number_is_a_way_of_its_own(project_registry):
    # r55-seven-gigawatt-problem
    text = ("### The watt problem\n\nThe answer starts with a single number: 1,200 watts. That's the thermal "
            "design power of Nvidia's B200 GPU, the Blackwell-generation chip that every hyperscaler is ordering.\n")
    d = _drafts(project_registry, text)["1,200 watts"]
    assert d.entity == "nvidia-b200"
    assert d.evidence["entity"] == "defines|sure|kind"
