"""disc84: an open ratio ("more than doubled") whose sentence names one of the labelled lists
right before it takes its pair from those lists (kb.extract.arith._labelled_sides)."""
from __future__ import annotations

import pytest

from kb.extract.arith import propose
from test_disc58 import BATCHING, _batching


def _ratio(text: str, value: float = 2):
    recs = _batching(text.replace("more than tripled", "more than doubled"))   # (the same length)
    recs[-1]["value"] = value
    return {p.target: p for p in propose(text, recs)}.get("r")


# r109 (a homelab's power monitoring): "Interactive mode:", "Batch mode:" and "Continuous
# generation:" each over a list, then "Batching queries more than doubled efficiency":
# 91.7 tokens/Wh under "Batch mode:" over 41.6 under "Interactive mode:" (2.2)
def test_an_open_ratio_takes_the_list_its_sentence_names_over_another_list():
    p = _ratio(BATCHING)
    assert p is not None and (p.formula, p.inputs) == ("a / b", {"a": "e2", "b": "e1"})


@pytest.mark.parametrize("text, value", [
    # the sentence names no label: the lists are too far for a loose bound
    pytest.param(BATCHING.replace("Batching queries", "Queries"), 2, id="no_label_named"),
    # "more than tripled": 91.7 / 41.6 (2.2) is below it, and nothing else under "Batch mode:"
    pytest.param(BATCHING.replace("more than doubled", "more than tripled"), 3, id="no_quotient_in_reach"),
    # a heading between the lists and the sentence: another section
    pytest.param(BATCHING.replace("Batching queries", "## Notes\nBatching queries"), 2, id="a_heading_between"),
    # the lists are not labelled paragraphs
    pytest.param(BATCHING.replace("Interactive mode:\n", "").replace("Batch mode:\n", "")
                 .replace("Continuous generation:\n", ""), 2, id="no_labels"),
])
def test_an_open_ratio_takes_no_unnamed_or_far_lists(text, value):
    assert _ratio(text, value) is None
