"""left82: leftovers session 40's helpers saw on fresh text, each in a short quoted form.

- a line listing numbers each labelled by a name ("T4: 2-4 hours, V100: 1.5-3 hours", a fresh
  GPU comparison's recommendations; "L4 = 5.5 min" under "T4 = 12 min") gave every number the
  sentence's first GPU as its hardware: the name labelling a number (a colon or equals sign
  between) is its own, and no other name of that kind is.
"""
from __future__ import annotations

from conftest import drafts_by_raw as _drafts


def test_a_name_labelling_a_number_is_its_hardware(project_registry):
    text = ("   - Faster GPU access than free tier\n"
            "   - T4: 2-4 hours, V100: 1.5-3 hours\n"
            "   - No additional cost (already have Pro)\n")
    d = _drafts(text, project_registry)
    assert d["1.5-3 hours"].conditions.get("hardware") == "nvidia-v100"
    # the T4's own hours are no V100's
    assert d["2-4 hours"].conditions.get("hardware") != "nvidia-v100"


def test_a_labelled_gpu_takes_no_other_gpus_hardware(project_registry):
    text = ("* T4 = 12 min\n"
            "* L4 = 5.5 min (~2.2x faster than T4)\n"
            "* A100 = 2 min (~6x faster than T4)\n")
    d = _drafts(text, project_registry)
    assert d["5.5 min"].entity == "nvidia-l4"
    assert d["5.5 min"].conditions.get("hardware") != "nvidia-t4"
    assert d["2 min"].conditions.get("hardware") != "nvidia-t4"
