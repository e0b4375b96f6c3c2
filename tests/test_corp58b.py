"""corp58b: the vocabulary the two new development articles (r156, r157) needed.

r156 (the Vicuna post) counts the questions of its GPT-4 evaluation ('a set of 80 diverse
questions', 'eight question categories'): two new values of the count's `item` condition.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.rules.check import load

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def kb():
    return load(ROOT)


def test_evaluation_questions_are_a_count_item(kb):
    values = set(kb.conditions["item"].values)
    assert {"question", "question-category"} <= values
    assert kb.claims_by_id["r156-eval-questions"].conditions == {"item": "question"}
