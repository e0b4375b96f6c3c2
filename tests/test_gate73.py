"""An item naming nothing, given its list lead-in's subject, is linked a way of its own (session 34,
gate73; quotes paraphrase a fresh public article outside every corpus):

- "Each H100 SXM provides:" over "- Peak FP8: 3,958 TFLOPS": the item's number is the lead-in's
  GPU's, tagged "lead-in", no longer sharing the tag "label" with a line's own label ("-
  DeepSeek-V3: ~$300K training cost"), whose share right before tuning held both under kb vet's
  entity gate (the lead-in way was right on all its development guesses and on the fresh ones
  judged by hand), so that kb vet checks such a number against the GPU's reference values.
"""
from __future__ import annotations

from conftest import drafts_by_raw

from kb.extract.vet import ENTITY_SURE


def test_item_given_its_lead_in_subject_is_a_way_of_its_own(project_registry):
    text = ("### Hardware\n\nEach H100 SXM provides:\n- Peak FP8: 3,958 TFLOPS\n"
            "- Memory Bandwidth: 3.35 TB/s\n")
    ds = drafts_by_raw(text, project_registry)
    for raw in ("3,958 TFLOPS", "3.35 TB/s"):
        assert ds[raw].entity == "nvidia-h100-sxm"
        assert ds[raw].evidence["entity"] == "lead-in|sure|kind"
        assert ds[raw].entity_confidence >= ENTITY_SURE


def test_a_lines_own_label_keeps_its_way(project_registry):
    text = "Training costs compared:\n\n- DeepSeek-V3: ~$300K training cost\n"
    d = drafts_by_raw(text, project_registry)["~$300K"]
    assert d.entity == "deepseek-v3"
    # (a line's own label, not the lead-in's; a label that is the name alone is a way of its
    # own since catch76, "label-name", tests/test_catch76.py)
    assert d.evidence["entity"] in ("label|sure|kind", "label-name|sure|kind")


def test_lead_in_way_in_words():
    from kb.extract.promote import entity_way
    assert entity_way("lead-in|sure|kind") == "named in the lead-in of the list the line is an item of"
