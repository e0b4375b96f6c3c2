"""vgap49: a conflict among several articles is 'within rounding' for a number only when that
number's own comparison is (designed on dev-B only; the sentences here are made up)."""
from __future__ import annotations

from types import SimpleNamespace as NS


def _cmp(subject: str, other: str, factor: float):
    return NS(subject=subject, other=other, factor=factor, stated="", other_stated="")


def test_a_group_conflict_whose_near_pair_is_two_other_articles_is_not_rounding_for_ours():
    from kb.extract.vet import _within_rounding

    # "44,000 MWh" (article a) and "~50 GWh" (article b) are 1.01x apart; ours only joins the group
    f = NS(code="conflict", claims=("a-1", "b-1", "ours"), comparisons=(_cmp("b-1", "a-1", 1.011),))
    assert not _within_rounding(f, "ours")
    # without a claim to look for, the nearest pair still says it (the old reading)
    assert _within_rounding(f)


def test_a_group_conflict_is_rounding_when_our_own_comparison_is_near():
    from kb.extract.vet import _own_comparison, _within_rounding

    near = _cmp("ours", "a-1", 1.02)
    f = NS(code="conflict", claims=("a-1", "ours"), comparisons=(_cmp("b-1", "a-1", 1.5), near))
    assert _own_comparison(f, "ours") is near
    assert _within_rounding(f, "ours")
    far = NS(code="conflict", claims=("a-1", "ours"), comparisons=(_cmp("a-1", "ours", 1.3),))
    assert not _within_rounding(far, "ours")


def test_a_missed_reference_compares_the_claim_itself():
    from kb.extract.vet import _within_rounding

    # a reference miss names one claim: its first comparison is that claim's, whatever it is called
    f = NS(code="contradicts-reference", claims=("ours",), comparisons=(_cmp("vet-at12", "ref-x", 1.03),))
    assert _within_rounding(f, "ours")
    g = NS(code="contradicts-reference", claims=("ours",), comparisons=(_cmp("vet-at12", "ref-x", 1.2),))
    assert not _within_rounding(g, "ours")
    assert not _within_rounding(NS(code="implausible", claims=("ours",), comparisons=()), "ours")
