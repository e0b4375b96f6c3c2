"""An amount per hour (or minute) under a heading that says the machines are the writer's own
("self-hosted", "on-prem") is what running them costs, not a provider's price to rent them:
kb/extract/linking.py, ``_self_hosted_heading``.

Paraphrases of a fresh public cost write-up (in no corpus), whose electricity per hour was read
as an RTX 4090 rental price and flagged against the rental references.
"""
from __future__ import annotations

from kb.extract.drafts import extract_text


def _props(reg, text):
    return [(d.value, d.property) for d in extract_text(text, reg) if d.unit.startswith("USD/")]


def test_an_hourly_amount_under_a_self_hosted_heading_is_no_rent(project_registry):
    text = ("### Tier 4: self-hosted on the RTX 4090\n\n"
            "The unrounded figure is $0.001125 × 60 = $0.0675 per hour.\n")
    props = _props(project_registry, text)
    assert (0.0675, "rental-price") not in props
    assert (0.0675, "cost-rate") in props


def test_a_per_minute_cell_under_a_self_hosted_heading_is_no_rent(project_registry):
    text = ("### Self-hosted on the RTX 4090\n\n| Line | $/min |\n|---|---|\n"
            "| Reactions | 0.003 |\n| Total | 0.004125 |\n")
    assert all(p != "rental-price" for _, p in _props(project_registry, text))


def test_a_word_of_renting_keeps_the_rent(project_registry):
    # the exception: the sentence itself speaks of renting
    text = ("## Self-hosted on the RTX 4090\n\n"
            "Renting an RTX 4090 on demand instead costs $0.69 per hour.\n")
    assert (0.69, "rental-price") in _props(project_registry, text)


def test_a_heading_weighing_renting_against_owning_keeps_the_rent(project_registry):
    text = "## Self-hosting vs. the cloud\n\nThe RTX 4090 costs $0.69 per hour.\n"
    assert (0.69, "rental-price") in _props(project_registry, text)
