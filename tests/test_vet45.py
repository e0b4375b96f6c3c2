"""vgap45: wrong numbers kb vet could flag but did not (vet's and the checker's decisions)."""
from __future__ import annotations

from dataclasses import dataclass

from kb.core.intervals import Interval
from kb.extract.vet import _agrees_with_article


@dataclass
class _Review:
    verdict: str


class _Rec:
    def __init__(self, id, source, low, high, verdict=None):
        self.id, self.source, self.interval = id, source, Interval(low, high, "x")
        self.conditions, self.property = {}, "p"
        self.review = _Review(verdict) if verdict else None


class _KB:
    def __init__(self, claims):
        self.claims_by_id = {c.id: c for c in claims}


@dataclass
class _Finding:
    code: str = "conflict"
    claims: tuple = ()
    extra: tuple = ()


def _kb(verdict):
    # ours (~175B) sides with another article's ~180B against a third article's ~1.8T
    return _KB([_Rec("ours", "vet-a", 157, 193), _Rec("a", "r123", 161, 198, verdict),
                _Rec("b", "r25", 1570, 2030)])


def test_siding_with_an_article_a_curator_reviewed_as_wrong_or_dubious_excuses_nothing():
    f = _Finding(claims=("a", "b", "ours"))
    for verdict in ("wrong", "dubious"):
        assert _agrees_with_article(_kb(verdict), f, "ours") == [], verdict
    # the agreeing article unreviewed or reviewed correct: the articles disagree among themselves
    assert _agrees_with_article(_kb(None), f, "ours") == ["a"]
    assert _agrees_with_article(_kb("correct"), f, "ours") == ["a"]


def test_one_agreeing_article_not_refuted_is_enough():
    kb = _KB([_Rec("ours", "vet-a", 157, 193), _Rec("a", "r123", 161, 198, "dubious"),
              _Rec("c", "r07", 170, 180), _Rec("b", "r25", 1570, 2030)])
    assert _agrees_with_article(kb, _Finding(claims=("a", "b", "c", "ours")), "ours") == ["c"]


def test_a_conflict_the_references_back_flags_below_the_sure_entity_gate():
    from kb.extract.vet import ENTITY_BACKED, ENTITY_SURE, _backed_conflict, _unsure

    cmp = type("Cmp", (), {"kb": _KB([])})()
    backed = _Finding(claims=("ours", "b"), extra=(("backed_by_references", "b"),))
    entity = (ENTITY_BACKED + ENTITY_SURE) / 2
    assert _backed_conflict(backed, "ours", entity)
    assert _unsure(cmp, backed, "ours", entity) == ""
    # no reference backs the other side: the entity below the gate makes the number unsure
    plain = _Finding(claims=("ours", "b"))
    assert "the entity was linked" in _unsure(cmp, plain, "ours", entity)
    # the references back the number itself: no finding against it to keep
    mine = _Finding(claims=("ours", "b"), extra=(("backed_by_references", "ours"),))
    assert not _backed_conflict(mine, "ours", entity)
    # a reference missed alone still needs a sure entity
    ref = _Finding(code="contradicts-reference", claims=("ours",))
    assert "the entity was linked" in _unsure(cmp, ref, "ours", entity)
    # an entity below the backed gate stays unsure
    assert "the entity was linked" in _unsure(cmp, backed, "ours", ENTITY_BACKED - 0.05)
