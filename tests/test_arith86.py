"""An approximate factor ("~6x", "~3x increase", "nearly double") takes its two sides from its own
line or sentence (kb.extract.arith._approx_factor_sides).

The drafted interval of "~6x" (4.9-7.1) is too vague for any quotient to be held to it, so r118's
"A100 = 2 min (~6x faster than T4)" under "T4 = 12 min", r144's "2025: 1.9 GW (~3x increase)"
under "2024: 0.6 GW" and r134's "$110 billion ..., nearly double the previous year's $60 billion"
found nothing. Read to its last digit's rounding (at least 10% either side), the one pair at hand
of one dimension makes each: the amount right before the factor on its line or in its sentence
is one side, and a comparison follows the factor ("faster", "increase", "the", "from"). Not r164's
"about five times Ebitda" (no comparison of two amounts follows), nor a "nearly" factor the pair
exceeds.
"""
from __future__ import annotations

from kb.extract.arith import propose


def _recs(text: str, spec: list[tuple]) -> list[dict]:
    """Draft records for (id, the number as written, value, unit, property, qualifier) in text order."""
    out, pos = [], 0
    for ident, shown, value, unit, prop, qualifier in spec:
        s = text.index(shown, pos)
        pos = s + len(shown)
        out.append({"id": ident, "value": value, "unit": unit, "qualifier": qualifier, "property": prop,
                    "span_start": s, "span_end": pos})
    return out


R118 = ("With these reduced settings, it looks like 500 training steps will take roughly:\n\n"
        "* T4 = 12 min\n* L4 = 5.5 min (~2.2x faster than T4)\n* A100 = 2 min (~6x faster than T4)\n\n\n"
        "**At Desired Settings**\n")
R118_SPEC = [("t4", "12 min", 12, "min", "run-duration", "exact"),
             ("l4", "5.5 min", 5.5, "min", "run-duration", "exact"),
             ("r2", "~2.2x", 2.2, "x", "ratio", "approx"),
             ("a100", "2 min", 2, "min", "run-duration", "exact"),
             ("x", "~6x", 6, "x", "ratio", "approx")]


def test_approx_factor_from_its_list():
    ps = propose(R118, _recs(R118, R118_SPEC))
    six = [p for p in ps if "x" in (p.target, *p.inputs.values())]
    assert len(six) == 1 and six[0].verdict == "consistent"
    assert {six[0].target, *six[0].inputs.values()} == {"x", "t4", "a100"}


R144 = ("**Computing capacity (per CFO Sarah Friar, Jan 2026):**\n\n- 2024: 0.6 GW\n- 2025: 1.9 GW (~3x increase)\n\n"
        "[source](https://example.org)\n")


def test_approx_increase_from_the_line_above():
    spec = [("y24", "0.6 GW", 0.6, "GW", "facility-power", "exact"),
            ("y25", "1.9 GW", 1.9, "GW", "facility-power", "exact"),
            ("x", "~3x", 3, "x", "ratio", "approx")]
    ps = propose(R144, _recs(R144, spec))
    got = [p for p in ps if "x" in (p.target, *p.inputs.values())]
    assert len(got) == 1 and {got[0].target, *got[0].inputs.values()} == {"x", "y24", "y25"}
    assert got[0].verdict == "consistent"


def _r134(value: str) -> str:
    return ("Nvidia's forecasting indicates continued growth, with projected revenue of "
            f"${value} billion for the fiscal year that just started, nearly double the previous year's "
            "$60 billion.\n")


def _r134_spec(value: float) -> list:
    return [("fy25", f"${value:g} billion", value, "billion USD", "revenue", "exact"),
            ("x", "nearly double", 2, "x", "ratio", "approx"),
            ("fy24", "$60 billion", 60, "billion USD", "revenue", "exact")]


def test_nearly_double_from_its_sentence():
    ps = propose(_r134("110"), _recs(_r134("110"), _r134_spec(110)))
    got = [p for p in ps if "x" in (p.target, *p.inputs.values())]
    assert len(got) == 1 and {got[0].target, *got[0].inputs.values()} == {"x", "fy25", "fy24"}


def test_nearly_double_is_at_most_twice():
    # (adapted: $130 billion over $60 billion is 2.17, more than double)
    ps = propose(_r134("130"), _recs(_r134("130"), _r134_spec(130)))
    assert not [p for p in ps if "x" in (p.target, *p.inputs.values())]


def test_times_a_thing_is_no_comparison():
    text = ("That leaves Alphabet's search business worth roughly $550 billion, adjusted for its "
            "$117 billion in net cash and investments, or about five times Ebitda. Nygren, who doesn't include")
    spec = [("worth", "$550 billion", 550, "billion USD", "valuation", "approx"),
            ("cash", "$117 billion", 117, "billion USD", "net-cash", "exact"),
            ("x", "about five times", 5, "x", "ratio", "approx")]
    ps = propose(text, _recs(text, spec))
    assert not [p for p in ps if "x" in (p.target, *p.inputs.values())]


def test_approx_factor_held_to_its_rounding():
    # (adapted: 12 / 2.5 min is 4.8, outside ~6x's 5.45-6.6)
    text = R118.replace("A100 = 2 min", "A100 = 2.5 min")
    spec = [s if s[0] != "a100" else ("a100", "2.5 min", 2.5, "min", "run-duration", "exact") for s in R118_SPEC]
    ps = propose(text, _recs(text, spec))
    assert not [p for p in ps if "x" in (p.target, *p.inputs.values())]


R130 = ("Example with $1.47/hour infrastructure:\n\n"
        "Light Load (10 users, 50 tok/s):\n  Cost per 1M tokens = ($1.47/hr ÷ 180K tok/hr) × 1M = $8.17\n\n"
        "Heavy Load (50 users, 250 tok/s):\n  Cost per 1M tokens = ($1.47/hr ÷ 900K tok/hr) × 1M = $1.63\n\n"
        "→ 5× more throughput = 5× cheaper per token\n")


def _r130_spec() -> list:
    tp = "inference-throughput"
    return [("rate", "$1.47/hour", 1.47, "USD/hour", "cost-rate", "exact"),
            ("u1", "10 users", 10, "query", "concurrency", "exact"), ("s1", "50 tok/s", 50, "token/s", tp, "exact"),
            ("r1", "$1.47/hr", 1.47, "USD/hour", "cost-rate", "exact"),
            ("h1", "180K tok/hr", 180, "K token/hour", tp, "exact"),
            ("c1", "$8.17", 8.17, "USD per 1M tokens", "token-price", "exact"),
            ("u2", "50 users", 50, "query", "concurrency", "exact"), ("s2", "250 tok/s", 250, "token/s", tp, "exact"),
            ("r2", "$1.47/hr", 1.47, "USD/hour", "cost-rate", "exact"),
            ("h2", "900K tok/hr", 900, "K token/hour", tp, "exact"),
            ("c2", "$1.63", 1.63, "USD per 1M tokens", "token-price", "exact"),
            ("more", "5×", 5, "x", "ratio", "exact"),
            ("x", "5×", 5, "x", "ratio", "exact")]


def test_far_ratio_takes_the_property_it_names():
    # r130: "5× cheaper per token" from the costs per 1M tokens two paragraphs up ($8.17 / $1.63),
    # not the throughputs that also differ fivefold (180K and 900K tok/hr)
    ps = propose(R130, _recs(R130, _r130_spec()))
    got = [p for p in ps if p.target == "x"]
    assert len(got) == 1 and set(got[0].inputs.values()) == {"c1", "c2"}


def test_far_ratio_naming_no_property_takes_nothing():
    # (adapted: "5× better" names neither property: two pairs make it, a coincidence)
    text = R130.replace("5× cheaper per token", "5× better overall")
    ps = propose(text, _recs(text, _r130_spec()))
    assert not [p for p in ps if p.target == "x"]


def test_factor_before_its_compared_sides():
    # r143: "Earnings nearly quadruple from ~$100B → ~$360B over 5 years" (3.6x); "and" compares nothing
    text = "**The bet:** Earnings nearly quadruple from ~$100B → ~$360B over 5 years.\n"
    spec = [("x", "nearly quadruple", 4, "x", "ratio", "approx"),
            ("e0", "~$100B", 100, "billion USD", "net-income", "approx"),
            ("e5", "~$360B", 360, "billion USD", "net-income", "approx")]
    got = [p for p in propose(text, _recs(text, spec)) if "x" in (p.target, *p.inputs.values())]
    assert len(got) == 1 and {got[0].target, *got[0].inputs.values()} == {"x", "e0", "e5"}
    text2 = text.replace(" → ", " and ")
    assert not [p for p in propose(text2, _recs(text2, spec)) if "x" in (p.target, *p.inputs.values())]
