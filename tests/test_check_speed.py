"""``kb check``'s shortcuts (``make bench`` [1]) give what the plain ways gave.

Each shortcut is compared with the plain way it replaced, written out again below, on
made-up and random inputs; its memory is shown never to answer for a changed input.
"""
from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

from kb.core.records import KnowledgeBase
from kb.rules.compare import Comparer

ROOT = Path(__file__).resolve().parents[1]


def _comparer(defaults: dict[str, str]) -> Comparer:
    from kb.core.records import ConditionKey

    conds = {k: ConditionKey(id=k, description="", default=v) for k, v in defaults.items()}
    kb = KnowledgeBase(root=ROOT, sources={}, entities={}, properties={}, conditions=conds, claims=(),
                       references=(), citations={}, unrecorded={}, files=(), load_findings=(),
                       claims_by_id={}, references_by_id={})
    return Comparer(kb)


def _plain_effective(defaults: dict, conditions: dict) -> tuple:
    d = dict(defaults)
    d.update(conditions)
    return tuple(sorted(d.items()))


def test_effective_conditions_are_remembered_per_mapping_and_never_stale():
    rng = random.Random(7)
    keys, values = ["batch", "precision", "period", "sparsity", "region"], ["1", "fp8", "2024", "dense", "eu", "us"]
    defaults = {"precision": "fp16", "sparsity": "dense"}
    cmp = _comparer(defaults)
    shared = [{k: rng.choice(values) for k in rng.sample(keys, rng.randint(0, 4))} for _ in range(30)]
    for _ in range(500):
        c = rng.choice(shared)
        assert cmp.effective(c) == _plain_effective(defaults, c)
    # a mapping changed after it was seen, and a new mapping equal to a seen one
    c = shared[0]
    before = cmp.effective(c)
    c["region"] = "mars"
    assert cmp.effective(c) == _plain_effective(defaults, c) != before
    assert cmp.effective(dict(shared[1])) == cmp.effective(shared[1])
    # another knowledge base's defaults are not this one's
    assert _comparer({}).effective(shared[1]) == _plain_effective({}, shared[1])
