"""cur61: users counted as docs/data-format.md's reading says ("Readings the curation settles").

People using a product or a deployment whom the text never says pay are a ``count`` of ``user``
(``item: user``), not ``paying-subscribers``; users the text says pay are ``paying-subscribers``.
The conventions lint (kb.tools.conventions) checks both directions, on short quotes of the
development articles (dev-B) recorded the wrong way and the right way.
"""

from __future__ import annotations

from pathlib import Path

from kb.tools import conventions as cv

ROOT = Path(__file__).resolve().parents[1]


def _vocab(tmp_path: Path) -> cv.Vocabulary:
    for d in ("entities", "properties"):
        (tmp_path / "datasets" / d).mkdir(parents=True)
    return cv.Vocabulary(tmp_path)


def _claim(**kw) -> dict:
    c = {"id": "t01-x", "entity": "e1", "conditions": {}}
    c.update(kw)
    return c


def _rules(c: dict, vocab, others=None) -> list[str]:
    return [r for r, _ in cv.check_claim(c, vocab, others)]


def test_users_never_said_to_pay_are_a_count_not_paying_subscribers(tmp_path):
    vocab = _vocab(tmp_path)
    for q, value in [("to work for 1000 registered users", 1000),
                     ("SaaS app with 50k users asking simple product questions", 50000),
                     ("If your long prefix is used by **more than 2 users**", 2)]:
        assert _rules(_claim(property="paying-subscribers", value=value, unit="user", quote=q), vocab) == [
            "users-as-paying"], q
        assert _rules(_claim(property="count", value=value, unit="user", quote=q,
                             conditions={"item": "user"}), vocab) == [], q


def test_users_said_to_pay_stay_paying_subscribers(tmp_path):
    vocab = _vocab(tmp_path)
    for q in ["there are around 350 million paid subscribers to Microsoft Office",
              "Under a downside mix (12 M subs at $80, 20% storage attach, 25% robotics margin)",
              "applications with 20 paying users"]:
        assert _rules(_claim(property="paying-subscribers", value=1, unit="million user", quote=q), vocab) == [], q
    # someone else paying at a number of users does not make the users payers
    q = "At 100 users, you are paying $13,000-$16,000 per month for a 20B parameter model"
    assert _rules(_claim(property="paying-subscribers", value=100, unit="user", quote=q), vocab) == [
        "users-as-paying"]
    # nor does "non-paying"
    assert _rules(_claim(property="paying-subscribers", value=5, unit="million user",
                         quote="5 million non-paying users"), vocab) == ["users-as-paying"]


def test_a_count_worked_out_from_what_each_user_pays_is_of_paying_users(tmp_path):
    vocab = _vocab(tmp_path)
    price = {"id": "t01-p", "property": "revenue-per-user", "value": 600, "unit": "USD/user"}
    cost = {"id": "t01-c", "property": "investment", "value": 100000, "unit": "USD"}
    c = _claim(property="paying-subscribers", value=166, unit="user", quote="== 166 users",
               conditions={"basis": "break-even"}, derived={"formula": "c / r", "from": {"c": "t01-c", "r": "t01-p"}})
    assert _rules(c, vocab, {"t01-p": price, "t01-c": cost}) == []
    # without what it is derived from, the quote alone never says they pay
    assert _rules(c, vocab) == ["users-as-paying"]


def test_users_said_to_pay_recorded_as_a_count(tmp_path):
    vocab = _vocab(tmp_path)
    q = "applications with paying users are not being built"
    assert _rules(_claim(property="count", value=1, unit="user", quote=q, conditions={"item": "user"}), vocab) == [
        "paying-users-as-count"]
    q = "a billion users paying for AI products"
    assert _rules(_claim(property="count", value=1, unit="billion user", quote=q,
                         conditions={"item": "user"}), vocab) == ["paying-users-as-count"]
    assert _rules(_claim(property="paying-subscribers", value=1, unit="billion user", quote=q), vocab) == []


def test_the_development_articles_give_no_user_finding():
    vocab = cv.Vocabulary(ROOT)
    found = []
    for sid in cv.sources(ROOT, "dev"):
        p = ROOT / "claims" / f"{sid}.yaml"
        if p.is_file():
            found += [f for f in cv.lint_file(p, vocab) if f[2] in ("users-as-paying", "paying-users-as-count")]
    assert found == []


def test_the_rules_are_listed():
    assert {"users-as-paying", "paying-users-as-count"} <= set(cv.RULES)
