"""unify72: one reading of a figure set against another, and of a note that prices are per so many
tokens, where two helpers had each written one.

- "versus", "vs.", "compared with" and "against", with a hedge after them ("about", "roughly",
  "an estimated", "~"), set a figure against the number before them, for companies, data-centre
  figures, models and rivals the registry does not name alike (kb/extract/linking.py ``_VERSUS``);
  the name after the figure's unit and "for" or "at" is whose the figure is (``_versus_owner``):
  a registry thing named there owns it, a rival the registry does not name leaves it no registry
  thing's; and that name is not the number's before the comparison word.
- a note that prices are per so many tokens is read for tables as for lists (kb/extract/drafts.py
  ``_section_token_note``): the headings of the table's section and the short lines their sections
  open with, a line between the heading and the table among them; not a sibling section's.
- a halving period is a doubling time as a doubling period is (datasets/properties/comparisons.yaml:
  the property ``doubling-time`` needs "doubl*" or "halv*" near the number): "halved in just two
  months", "the halving time of compute-per-capability at ~8 months".
"""
from __future__ import annotations

import pytest

from conftest import draft_of, linked_entity as _link


# (text, number, entity it is, entity it is not)
VERSUS = [
    # a paraphrase of a public note: "Opus costs $5/$25 per million tokens against Sonnet's $2/$10"
    ("Claude Opus 4 costs $15 per million input tokens against Sonnet's $3.\n", "$3", None, "claude-opus-4"),
    ("GPT-4o costs $2.50 per million input tokens against $15 for Opus.\n", "$15", None, "gpt-4o"),
    ("GPT-4o costs $2.50 per million input tokens against $15 for Opus.\n", "$2.50", "gpt-4o", None),
    # a paraphrase of a subsidy write-up's "zero gross margin near 5.7% utilization against roughly
    # 10% for Anthropic"
    ("The analysts' work shows OpenAI's top tier reaching zero gross margin near 5.7% utilization against "
     "roughly 10% for Anthropic.\n", "5.7%", None, "anthropic"),
    ("OpenAI had 1.9 gigawatts of capacity in 2025, versus around 1.4 gigawatts at Anthropic.\n",
     "1.4 gigawatts", "anthropic", None),
]


@pytest.mark.parametrize("text, raw, eid, not_eid", VERSUS)
def test_a_figure_set_against_another(project_registry, text, raw, eid, not_eid):
    got = _link(project_registry, text, raw)
    assert got == eid if eid else got != not_eid


def test_a_note_between_the_heading_and_its_table(project_registry):
    text = ("### Frontier models\n\nAll prices are per 1M tokens.\n\n"
            "| Model | Input | Output |\n|---|---|---|\n| GPT-4o | $2.50 | $10.00 |\n")
    d = draft_of(project_registry, text, "$10.00")
    assert (d.unit, d.property, d.conditions.get("direction")) == ("USD per 1M tokens", "token-price", "output")


def test_a_sibling_sections_closing_note_is_not_the_tables(project_registry):
    # (a note that ends one section is that section's, for tables as for lists)
    text = ("## Hosted APIs\n\nAll prices above are per 1M tokens.\n\n## Hardware\n\n"
            "| Setup | Input | Output |\n|---|---|---|\n| RTX 4090 box | $2,500 | $300 |\n")
    assert draft_of(project_registry, text, "$2,500").unit == "USD"


@pytest.mark.parametrize("text, raw", [
    # public texts (find_string tool): an estimate of algorithmic progress, a project's history
    ("Epoch AI (Ho et al. 2024) puts the halving time of compute-per-capability at ~8 months with a 95% "
     "interval of 5 to 14 months.\n", "~8 months"),
    ("Because of this major turnaround, the amount of tickets open was halved in just two months.\n", "two months"),
    ("On average the value of your Ford Focus will be halved in just 5 years.\n", "5 years"),
])
def test_a_halving_period_is_a_doubling_time(project_registry, text, raw):
    assert draft_of(project_registry, text, raw).property == "doubling-time"
    # (as the doubling period written the same way already was)
    assert draft_of(project_registry, text.replace("halving", "doubling").replace("halved", "doubled"), raw).property == "doubling-time"
