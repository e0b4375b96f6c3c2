"""Registry and reference coverage added from fresh public writing (datasets/entities/api-models.yaml,
datasets/references/reg75.yaml): the spellings price comparisons use for a model, and facts they
state that had no cited reference. Each case is a short quote of the form such articles use.
"""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text


@pytest.mark.parametrize("text", [
    "The cheapest option is Gemini Flash 8B at $0.0375 per million input tokens.",
    "Gemini Flash-8B costs $0.0375 per million input tokens.",
])
def test_the_spaced_and_unversioned_flash_8b_names_link_to_the_model(project_registry, text):
    drafts = [d for d in extract_text(text, project_registry) if d.raw.startswith("$0.0375")]
    assert drafts and drafts[0].entity == "gemini-1.5-flash-8b"
