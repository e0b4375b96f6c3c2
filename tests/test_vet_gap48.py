"""vgap48: wrong numbers kb vet could flag but did not (vet's and the checker's decisions)."""
from __future__ import annotations

from dataclasses import dataclass

from kb.extract.vet import ENTITY_BACKED, ENTITY_SURE, NEAR_MISS, _near_miss, _unsure


@dataclass
class _Comparison:
    factor: float | None


@dataclass
class _Finding:
    code: str = "conflict"
    claims: tuple = ()
    extra: tuple = ()
    comparisons: tuple = ()


class _KB:
    claims_by_id: dict = {}


_CMP = type("Cmp", (), {"kb": _KB()})()
_BETWEEN = (ENTITY_BACKED + ENTITY_SURE) / 2


def test_a_near_miss_flags_below_the_sure_entity_gate():
    # a seller's H100 price 7% off another article's for the same seller, entity linked at 0.52
    for code in ("conflict", "contradicts-reference"):
        f = _Finding(code=code, claims=("ours", "b"), comparisons=(_Comparison(1.068),))
        assert _near_miss(f, _BETWEEN), code
        assert _unsure(_CMP, f, "ours", _BETWEEN) == "", code
    # the nearest value decides: one comparison near is enough
    f = _Finding(claims=("ours", "b", "c"), comparisons=(_Comparison(3.0), _Comparison(1.1)))
    assert _near_miss(f, _BETWEEN)


def test_a_far_miss_or_a_weak_entity_stays_unsure():
    far = _Finding(claims=("ours", "b"), comparisons=(_Comparison(NEAR_MISS * 1.2),))
    assert not _near_miss(far, _BETWEEN)
    assert "the entity was linked" in _unsure(_CMP, far, "ours", _BETWEEN)
    near = _Finding(claims=("ours", "b"), comparisons=(_Comparison(1.05),))
    assert not _near_miss(near, ENTITY_BACKED - 0.05)
    assert "the entity was linked" in _unsure(_CMP, near, "ours", ENTITY_BACKED - 0.05)
    # no factor known: nothing says the number lands near the entity's values
    assert not _near_miss(_Finding(claims=("ours", "b"), comparisons=(_Comparison(None),)), _BETWEEN)
    assert not _near_miss(_Finding(claims=("ours", "b")), _BETWEEN)


def test_a_near_implausible_value_is_no_near_miss():
    # the plausible range bounds any thing of the kind: landing near it says nothing of the entity
    f = _Finding(code="implausible", claims=("ours",), comparisons=(_Comparison(1.1),))
    assert not _near_miss(f, _BETWEEN)
    assert "the entity was linked" in _unsure(_CMP, f, "ours", _BETWEEN)
