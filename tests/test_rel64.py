"""rel64: discovery of relative comparisons whose two sides are stated elsewhere in the article
(kb.extract.arith), each rule built on a short quote of the development article that showed the gap."""
from __future__ import annotations

from kb.extract.arith import propose
from test_disc58 import _records


def _links(text: str, records: list) -> dict:
    return {frozenset((p.target, *p.inputs.values())): p for p in propose(text, records)}


def _with(records: list, **extra) -> list:
    """The records, each given the entity and conditions named for its id."""
    for r in records:
        r.update(extra.get(r["id"], {}))
    return records


# r161 (Claude 3.5 Sonnet vs o1): "Claude 3.5 Sonnet is 4x cheaper than OpenAI o1" over the
# output prices ($60 / $15) of the table under it, and sections below the summary restates it:
# "Claude 3.5 Sonnet ... is a better choice as it is 4x cheaper"
# (between them, sections of benchmark scores: more numbers of the two models than a ratio's
# named sides look through)
BENCHMARKS = "".join(f"## Benchmark {i}\n\nClaude 3.5 Sonnet scores {60 + i}.5% and o1 scores {70 + i}.5%.\n\n"
                     for i in range(12))
CHEAPER = ("## 2. Cost Efficiency\n\n**Claude 3.5 Sonnet is 4x cheaper than OpenAI o1**. It's ideal for "
           "budget-conscious users.\n\n"
           "| Feature | Claude 3.5 Sonnet | OpenAI o1 |\n| --- | --- | --- |\n"
           "| **Input Cost**  | $3 per million tokens | $15 per million tokens |\n"
           "| **Output Cost** | $15 per million tokens | $60 per million tokens |\n\n"
           + BENCHMARKS +
           "## Conclusion\n\n- **For budget-conscious users** who don't need the 5-10% improvement that "
           "comes with o1, **Claude 3.5 Sonnet** is a better choice as it is 4x cheaper.\n")
_CLAUDE = {"entity": "claude-3.5-sonnet"}
_O1 = {"entity": "o1"}


def _cheaper(text: str, again: str = "4x"):
    recs = _records(text, ("r", "4x", 4, "x", "exact", "ratio"),
                    ("ci", "$3 per million tokens", 3, "USD/Mtoken", "exact", "token-price"),
                    ("oi", "$15 per million tokens", 15, "USD/Mtoken", "exact", "token-price"),
                    ("co", "$15 per million tokens", 15, "USD/Mtoken", "exact", "token-price"),
                    ("oo", "$60 per million tokens", 60, "USD/Mtoken", "exact", "token-price"),
                    *[(f"{m}{i}", f"{v + i}.5%", v + i + 0.5, "percent", "exact", "benchmark-score")
                      for i in range(12) for m, v in (("cb", 60), ("ob", 70))],
                    ("again", again, int(again[:-1]), "x", "exact", "ratio"))
    out = {"ci": {**_CLAUDE, "conditions": {"direction": "input"}}, "co": {**_CLAUDE, "conditions": {"direction": "output"}},
           "oi": {**_O1, "conditions": {"direction": "input"}}, "oo": {**_O1, "conditions": {"direction": "output"}}}
    out.update({f"cb{i}": _CLAUDE for i in range(12)})
    out.update({f"ob{i}": _O1 for i in range(12)})
    return _with(recs, r=_CLAUDE, again=_CLAUDE, **out)


def test_a_one_digit_ratio_restated_of_the_same_things_takes_its_sides():
    links = _links(CHEAPER, _cheaper(CHEAPER))
    assert frozenset(("oo", "co", "r")) in links
    assert links[frozenset(("again", "oo", "co"))].verdict == "consistent"


def test_a_one_digit_ratio_restated_in_another_sense_is_no_relation():
    # "4x faster" of the same model is another comparison
    text = CHEAPER.replace("it is 4x cheaper.", "it is 4x faster.").replace("comes with o1", "comes with it")
    links = _links(text, _cheaper(text))
    assert frozenset(("oo", "co", "r")) in links
    assert not [k for k in links if "again" in k]


def test_a_one_digit_ratio_restated_of_other_things_is_no_relation():
    text = CHEAPER.replace("comes with o1", "comes with it")
    recs = _cheaper(text)
    recs[-1]["entity"] = "gpt-4o"
    links = _links(text, recs)
    assert not [k for k in links if "again" in k]
