"""Differences and totals a line's label names, proposed by discovery (kb.extract.arith).

"# Savings: $900/month" under "# Baseline: $3,000/month" and "# With caching: $2,100/month" is
their difference (a "Savings:" percentage their relative difference, from the lines above only);
"- Total inference spend for CY2024: $3.767 billion" sums the run of "- Inference: $X" lines of
the quarters' sections above it; "2.5 million TPUs in 2025 — 1.9 million v5 and 600 thousand v6"
sums the parts after the dash. None without its words, nor where the numbers do not make it.
"""
from __future__ import annotations

from conftest import number_records as _recs, relation_of as _rel

from kb.extract.arith import propose


# --- a line's label that names a difference ("Savings: $900/month") ---------------------------

def test_a_savings_label_states_a_difference_of_the_lines_above():
    # 3,000 - 2,100 = 900
    text = ("# With 30% cache hit rate:\n"
            "# Baseline: $3,000/month\n"
            "# With caching: $2,100/month\n"
            "# Savings: $900/month\n")
    spec = [("h", "30%", 30, "percent"), ("b", "$3,000/month", 3000, "USD/month"),
            ("c", "$2,100/month", 2100, "USD/month"), ("s", "$900/month", 900, "USD/month")]
    ps = propose(text, _recs(text, spec))
    assert _rel(ps, "s") == ("a - b", {"a": "b", "b": "c"})
    # 76,275 - 5,650 = 70,625: "Premium justified:"
    text = ("Tier II Datacenter:\n- Expected loss: $76,275 per training cycle\n\n"
            "Tier III Datacenter:\n- Expected loss: $5,650 per training cycle\n\n"
            "Premium justified: $70,625 per cycle\n")
    spec = [("t2", "$76,275", 76275, "USD"), ("t3", "$5,650", 5650, "USD"), ("p", "$70,625", 70625, "USD")]
    ps = propose(text, _recs(text, spec))
    assert _rel(ps, "p") == ("a - b", {"a": "t2", "b": "t3"})


def test_a_savings_label_states_a_percentage_of_the_lines_above_only():
    # 1 - 0.005 / 0.015 = 0.667
    text = ("- **Before:** 500-word system prompt → $0.015/conversation\n"
            "- **After:** 150-word system prompt → $0.005/conversation\n"
            "- **Savings:** 67%\n")
    spec = [("b", "$0.015/conversation", 0.015, "USD/query"), ("a", "$0.005/conversation", 0.005, "USD/query"),
            ("s", "67%", 67, "percent")]
    ps = propose(text, _recs(text, spec))
    assert _rel(ps, "s") == ("1 - a / b", {"a": "a", "b": "b"})
    # 1 - 2.10 / 45 = 0.953; the $42.90 after it is the saving itself, no side of it
    text = ("- **Total: $45/month**\n\n**After Optimization**:\n"
            "- **Total: $2.10/month**\n"
            "- **Savings: 95% ($42.90/month)**\n")
    spec = [("b", "$45/month", 45, "USD/month"), ("a", "$2.10/month", 2.10, "USD/month"),
            ("s", "95%", 95, "percent"), ("d", "$42.90/month", 42.90, "USD/month")]
    ps = propose(text, _recs(text, spec))
    assert _rel(ps, "s") == ("1 - a / b", {"a": "a", "b": "b"})


def test_no_difference_without_a_difference_label():
    # "Net income:" or a plain label is no difference of the lines above, whatever they make
    text = "- Revenue: $3,000/month\n- Costs: $2,100/month\n- Income: $900/month\n"
    spec = [("r", "$3,000/month", 3000, "USD/month"), ("c", "$2,100/month", 2100, "USD/month"),
            ("i", "$900/month", 900, "USD/month")]
    ps = propose(text, _recs(text, spec))
    assert _rel(ps, "i") is None


# --- a total a line's label names, over the lines of one repeated label above it --------------

def _quarters(labels_total: str, total: str) -> str:
    return ("### Q1 CY2024\n\n- Inference: $546.8 million\n- Revenue share: $77.3 million\n\n"
            "### Q2 CY2024\n\n- Inference: $748.3 million\n- Revenue share: $109.5 million\n\n"
            f"### Totals\n\n- {labels_total}: {total}\n")


def test_a_labelled_total_sums_the_run_of_one_label_above_it():
    # 546.8 + 748.3 = 1,295.1 million
    for label in ("Total inference spend for H1 CY2024", "H1 CY2024 Inference"):
        text = _quarters(label, "$1.295 billion")
        spec = [("i1", "$546.8 million", 546.8e6, "USD"), ("r1", "$77.3 million", 77.3e6, "USD"),
                ("i2", "$748.3 million", 748.3e6, "USD"), ("r2", "$109.5 million", 109.5e6, "USD"),
                ("t", "$1.295 billion", 1.295e9, "USD")]
        ps = propose(text, _recs(text, spec))
        got = next((p for p in ps if p.target == "t"), None)
        assert got is not None and set(got.inputs.values()) == {"i1", "i2"}, label


def test_no_labelled_total_where_the_run_does_not_make_it_or_the_label_names_no_total():
    # 546.8 + 748.3 is no 2.1 billion; "Inference spend" alone names no total
    for label, total in (("Total inference spend for H1 CY2024", "$2.1 billion"),
                         ("Inference spend", "$1.295 billion")):
        text = _quarters(label, total)
        spec = [("i1", "$546.8 million", 546.8e6, "USD"), ("r1", "$77.3 million", 77.3e6, "USD"),
                ("i2", "$748.3 million", 748.3e6, "USD"), ("r2", "$109.5 million", 109.5e6, "USD"),
                ("t", total, float(total.strip("$ billion")) * 1e9, "USD")]
        ps = propose(text, _recs(text, spec))
        assert not any(p.target == "t" and " + " in p.formula for p in ps), label


# --- a total and its parts after a dash in one sentence ---------------------------------------

def test_a_total_and_its_parts_after_a_dash():
    # 1.9 million + 600 thousand = 2.5 million
    text = "Google shipped 2.5 million TPUs in 2025 — 1.9 million v5 and 600 thousand v6. Others shipped fewer."
    spec = [("t", "2.5 million TPUs", 2.5, "million GPU"), ("a", "1.9 million", 1.9, "million GPU"),
            ("b", "600 thousand", 600, "thousand GPU")]
    ps = propose(text, _recs(text, spec))
    assert _rel(ps, "t") == ("a + b", {"a": "a", "b": "b"})


def test_no_dash_total_where_the_parts_miss_it_or_the_list_runs_on():
    # 1.9 + 0.5 is no 2.5; and a list that runs on past two parts is not summed in part
    for text, spec in (
            ("Google shipped 2.5 million TPUs in 2025 — 1.9 million v5 and 500 thousand v6.",
             [("t", "2.5 million TPUs", 2.5, "million GPU"), ("a", "1.9 million", 1.9, "million GPU"),
              ("b", "500 thousand", 500, "thousand GPU")]),
            ("Google shipped 2.5 million TPUs in 2025 — 1.9 million v5 and 600 thousand v6 and 200 thousand v4.",
             [("t", "2.5 million TPUs", 2.5, "million GPU"), ("a", "1.9 million", 1.9, "million GPU"),
              ("b", "600 thousand", 600, "thousand GPU"), ("c", "200 thousand", 200, "thousand GPU")])):
        ps = propose(text, _recs(text, spec))
        assert not any(p.target == "t" and " + " in p.formula for p in ps)
