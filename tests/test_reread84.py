"""reread84: what session 42's re-read of its own diff found and left.

A "Total ...:" line found in any case (kb.extract.arith._total_line_parts): its candidate lines
were found by the literal anchors "otal", "OTAL", "ombined", "verall", so a label in capitals
("COMBINED:", "OVERALL COST:") was never tried.
"""
from __future__ import annotations

import pytest

from test_disc87 import BUDGET, _budget, _links


def _capitals(label: str, total: str = "~$100M", value: float = 100) -> tuple[str, list]:
    """r46's cost block (test_disc87's), its total line labelled ``label``."""
    text = BUDGET.replace("Total training budget: ~$100M", f"{label}: {total}")
    assert text != BUDGET
    return text, _budget(text, total, value)


CAPITALS = ("COMBINED", "OVERALL TRAINING BUDGET", "**COMBINED COST**", "- Overall", "GRAND TOTAL")


@pytest.mark.parametrize("label", CAPITALS)
def test_a_total_line_in_capitals_sums_the_block_above_it(label):
    p = _links(*_capitals(label)).get(frozenset(("total", "power", "rental")))
    assert p is not None and p.verdict == "consistent" and p.formula == "a + b"


@pytest.mark.parametrize("label", CAPITALS)
def test_a_total_line_in_capitals_its_block_does_not_make_is_no_sum_and_no_slip(label):
    links = _links(*_capitals(label, "~$140M", 140))
    assert frozenset(("total", "power", "rental")) not in links


# kb.extract.linking._size_names: one path for the pick before a size written as a name ("the 65B
# model"), whether the names come in the text's order or not: the last in the hits' order among
# those named before it, as the plain lookup (test_extract_speed's) picks


def test_sizes_as_names_pick_as_the_plain_lookup_with_names_out_of_text_order(project_registry):
    import random

    from kb.extract import drafts, linking
    from test_extract_speed import _idx, _plain_size_names, _random_text

    idx = _idx(project_registry)
    names = {}
    for e in project_registry.entities:
        if e.get("id") in idx.sizes or idx.family.get(e.get("id")) in idx.sizes:
            names.setdefault(e["id"], e.get("name") or e["id"])
    pieces = [f"{n} " for n in sorted(names.values())[:40]] + [
        f"the {s}{u} model " for s in ["7", "8", "13", "65", "70", "405"] for u in "Bb"] + [". ", "\n\n"]
    rng = random.Random(84)
    n_found = n_moved = 0
    for _ in range(150):
        view = drafts.mask(_random_text(rng, pieces, rng.randint(2, 60)))
        hits = idx.aliases_in(view)
        shuffled = hits[:]
        rng.shuffle(shuffled)
        plain = _plain_size_names(idx, view, shuffled)
        # (the sizes as names the plain lookup reads; the others, a line's name and its size, left out)
        got = {(s, e): v for s, e, v in linking._size_names(idx, view, shuffled)}
        assert [(s, e, got.get((s, e))) for s, e, _ in plain] == plain, view
        n_found += len(plain)
        n_moved += plain != _plain_size_names(idx, view, sorted(hits))
    # out of order, some picks are not the nearest name's (the test tells the two orders apart)
    assert n_found > 20 and n_moved > 5
