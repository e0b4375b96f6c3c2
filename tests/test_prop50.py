"""Property cue rules designed on dev-B articles (session 22, prop50): the words that name a
number's property (``needs:``/``cues:`` in datasets/properties/, read by ``_guess_property`` in
kb/extract/linking.py). Short quotes of the dev-B articles that showed each gap.
"""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text

_TIME = ("min", "minute", "hour", "hr", "hrs", "day", "week", "month", "months", "year", "s", "second", "ms")


def _drafts(project_registry, text, units=None):
    return [d for d in extract_text(text, project_registry) if units is None or d.unit in units]


# --- a payoff is a payback ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # r103-local-ai-cost-return
    "A payoff period of 8 months today becomes 80 months if prices drop 10x.",
    "DGX Spark running GPT-OSS 120B breaks even in under 2 months.",
])
def test_a_payoff_or_a_break_even_written_as_a_verb_is_a_payback_period(project_registry, text):
    ds = _drafts(project_registry, text, _TIME)
    assert ds and all(d.property == "payback-period" for d in ds)


def test_a_payoff_column_is_a_payback_period_of_the_writers_setup(project_registry):
    # r103-local-ai-cost-return: the row's setup is the writer's own (a new entity), not the
    # Mac or the model its label names
    text = ("| Setup + Model | HW Cost | Cloud $/hr | **Payoff Months** |\n"
            "|---|---|---|---|\n"
            "| **B: M4 Max + LLaMA 8B** | $3,500 | $0.96 | **5.1** |\n")
    ds = [d for d in _drafts(project_registry, text) if d.value == 5.1]
    assert [d.property for d in ds] == ["payback-period"]
    assert ds[0].entity is None
