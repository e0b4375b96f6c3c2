"""conv79: two readings the curation settles (docs/data-format.md), linted by kb.tools.conventions.

- An equivalence in everyday things ("as much power as a small city (~400,000 homes)", "as much
  water as three hospitals") is a ratio of the yardstick, never a count of the things named
  (``equivalence-as-count``).
- The inputs of a computed number are the statements of them in its own sentence, row or working:
  an operand the working writes with its unit ("`44 days * 8960 / 171 = 2305 days`") is recorded
  there and the result derived from it, not from the same number stated earlier
  (``input-outside-passage``).
"""

from __future__ import annotations

from pathlib import Path

from kb.tools import conventions as cv

ROOT = Path(__file__).resolve().parents[1]


def _vocab(tmp_path: Path) -> cv.Vocabulary:
    for d in ("entities", "properties", "references"):
        (tmp_path / "datasets" / d).mkdir(parents=True)
    return cv.Vocabulary(tmp_path)


def _at(text: str, quote: str, nth: int = 0, **kw) -> dict:
    s = -1
    for _ in range(nth + 1):
        s = text.index(quote, s + 1)
    c = {"id": kw.pop("id", "t01-x"), "entity": "e1", "conditions": {}, "quote": quote, "start": s,
         "end": s + len(quote)}
    c.update(kw)
    return c


def _rules(c: dict, vocab, text: str, others=None) -> list[str]:
    return [r for r, _ in cv.check_claim(c, vocab, others, text)]


# --- an equivalence in everyday things ------------------------------------------------------------

EQUIVALENCES = [
    # r127
    ("**Local impact:** A 500 MW data center consumes as much power as a small city (~400,000 homes).",
     "~400,000 homes", 400000),
    # r124
    ("3% of the US electricity production is about 120 billion kWh or equivalent to the average "
     "consumption of a large city with 11.6 million households.", "11.6 million households", 11.6),
    # r74
    ("That is as much water as three hospitals, or two 18-hole golf courses.", "three hospitals", 3),
    ("That is as much water as three hospitals, or two 18-hole golf courses.", "two 18-hole golf courses", 2),
]


def test_an_equivalence_recorded_as_a_count_is_a_finding(tmp_path):
    vocab = _vocab(tmp_path)
    for text, q, v in EQUIVALENCES:
        count = _at(text, q, property="count", value=v, unit="item", conditions={"item": "household"})
        assert _rules(count, vocab, text) == ["equivalence-as-count"], q
        ratio = _at(text, q, property="ratio", value=v, unit="x",
                    numerator={"entity": "e1", "property": "facility-power"},
                    denominator={"entity": "us-household", "property": "power-draw"})
        assert _rules(ratio, vocab, text) == [], q


def test_a_count_that_is_no_equivalence_stays_a_count(tmp_path):
    vocab = _vocab(tmp_path)
    # r162: "as much as" comparing roles, then a count of funding rounds; a count with no equivalence
    text = ("Nvidia, which has become a strategic investor as much as a chipmaker, appears in at least 8. "
            "Last year, 49 companies raised $100 million or more.")
    for q, v in [("appears in at least 8", 8), ("49 companies", 49)]:
        assert _rules(_at(text, q, property="count", value=v, unit="item"), vocab, text) == [], q


# --- the inputs of a computed number --------------------------------------------------------------

# r109: the ratio's sentence restates both efficiencies
R109 = ("- Efficiency: 41.6 tokens/Wh\n- Efficiency: 91.7 tokens/Wh\n\n"
        "**Use batch processing**: 2x+ efficiency gains are possible (91.7 vs 41.6 tokens/Wh in my testing)")


def _r109(a: str, b: str) -> dict[str, dict]:
    t = R109
    cs = [_at(t, "41.6 tokens/Wh", id="int", property="energy-efficiency", value=41.6, unit="token/Wh"),
          _at(t, "91.7 tokens/Wh", id="bat", property="energy-efficiency", value=91.7, unit="token/Wh"),
          _at(t, "(91.7 vs", id="bat-2", property="energy-efficiency", value=91.7, unit="token/Wh"),
          _at(t, "41.6 tokens/Wh in my testing", id="int-2", property="energy-efficiency", value=41.6,
              unit="token/Wh"),
          _at(t, "2x+ efficiency gains", id="ratio", property="ratio", value=2, unit="x", qualifier="lower_bound",
              derived={"formula": "a / b", "from": {"a": a, "b": b}})]
    return {c["id"]: c for c in cs}


def test_an_input_its_own_sentence_restates_is_taken_there(tmp_path):
    vocab = _vocab(tmp_path)
    first = _r109("bat", "int")
    assert _rules(first["ratio"], vocab, R109, first) == ["input-outside-passage"] * 2
    own = _r109("bat-2", "int-2")
    assert _rules(own["ratio"], vocab, R109, own) == []


# r151: the working writes "44 days" with its unit (recorded there); 8960 and 171 are bare
R151 = ("At 40% MFU, this will take about `T = 6.3e24 / (8960 * 4.59e14 * 0.4) = 3.8e6 seconds`. "
        "**This is about 44 days!** That's fairly reasonable.\n\n"
        "*Why wouldn't we do this?* Well, because it would take us `44 days * 8960 / 171 = 2305 days` to train.")


def _r151(d: str) -> dict[str, dict]:
    t = R151
    cond = {"hardware": "google-tpu-v5p", "gpu_count": 8960, "basis": "scenario"}
    cs = [_at(t, "This is about 44 days!", id="days", property="training-duration", value=44, unit="day",
              conditions=cond),
          _at(t, "take us `44 days", id="days-working", property="training-duration", value=44, unit="day",
              conditions=cond),
          _at(t, "8960", id="chips", entity="pod", property="gpu-count", value=8960, unit="GPU"),
          _at(t, "= 2305 days", id="slice-days", property="training-duration", value=2305, unit="day",
              conditions={**cond, "gpu_count": 171},
              derived={"formula": "d * g / n", "from": {"d": d, "g": "chips", "n": "chips"}})]
    return {c["id"]: c for c in cs}


def test_an_operand_the_working_writes_with_its_unit_is_the_input(tmp_path):
    vocab = _vocab(tmp_path)
    first = _r151("days")
    assert _rules(first["slice-days"], vocab, R151, first) == ["input-outside-passage"]
    own = _r151("days-working")
    assert _rules(own["slice-days"], vocab, R151, own) == []   # the bare 8960 is bound to its statement


def test_the_same_value_under_other_conditions_is_another_quantity(tmp_path):
    # r159: an int8 row's score equals the float32 row's, but at another precision
    vocab = _vocab(tmp_path)
    t = "| model: float32 | 55.0 | 100% |\n| model: int8 | 55.0 | 100% |"
    cs = [_at(t, "55.0", id="f32", property="score", value=55.0, unit="score", conditions={"precision": "fp32"}),
          _at(t, "55.0", 1, id="i8", property="score", value=55.0, unit="score", conditions={"precision": "int8"}),
          _at(t, "100%", 1, id="ret", property="ratio", value=100, unit="percent",
              derived={"formula": "a / b", "from": {"a": "i8", "b": "f32"}})]
    others = {c["id"]: c for c in cs}
    assert _rules(others["ret"], vocab, t, others) == []


# --- the development articles ----------------------------------------------------------------------

def test_the_development_articles_follow_both_readings():
    vocab = cv.Vocabulary(ROOT)
    new = {"equivalence-as-count", "input-outside-passage"}
    assert new <= set(cv.RULES)
    found = []
    for sid in cv.sources(ROOT, "dev"):
        p = ROOT / "claims" / f"{sid}.yaml"
        if p.is_file():
            found += [f for f in cv.lint_file(p, vocab) if f[2] in new]
    assert found == []
