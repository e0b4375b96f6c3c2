"""disc54: discovery of more of an article's own relations (kb.extract.arith), each rule built
on a short quote of the development article that showed the gap."""
from __future__ import annotations

from kb.extract.arith import Item, discover
from test_discovery import items


# r73 (a CoreWeave analysis): a table whose columns are cases and whose rows are metrics
CASES = ("### Stressed FY26 Financial Projections\n\n"
         "| Metric | Bull | Base | Bear |\n"
         "|--------|------|------|------|\n"
         "| FY26 Revenue | $13.0B | $10.5B | $8.0B |\n"
         "| Adj. EBITDA Margin | 60% | 57% | 50% |\n"
         "| Adj. EBITDA | $7.8B | $6.0B | $4.0B |\n")


def _cases_items(text: str, ebitda=("$7.8B", 7.8), base=("$6.0B", 6.0)):
    return items(text, ("rb", "$13.0B", 13.0, "billion USD"), ("rm", "$10.5B", 10.5, "billion USD"),
                 ("rr", "$8.0B", 8.0, "billion USD"), ("mb", "60%", 60, "percent"), ("mm", "57%", 57, "percent"),
                 ("mr", "50%", 50, "percent"), ("eb", ebitda[0], ebitda[1], "billion USD"),
                 ("em", base[0], base[1], "billion USD"), ("er", "$4.0B", 4.0, "billion USD"))


def test_a_row_of_a_cases_table_is_the_product_of_rows_above_in_every_column():
    got = {p.target: (p.formula, set(p.inputs.values()), p.verdict) for p in discover(CASES, _cases_items(CASES))}
    assert got["eb"] == ("a * b", {"rb", "mb"}, "consistent")
    assert got["em"] == ("a * b", {"rm", "mm"}, "consistent")
    assert got["er"] == ("a * b", {"rr", "mr"}, "consistent")


def test_a_cases_row_that_holds_in_one_column_alone_is_a_coincidence():
    text = CASES.replace("$7.8B", "$9.1B").replace("$6.0B", "$3.3B")
    ps = discover(text, _cases_items(text, ("$9.1B", 9.1), ("$3.3B", 3.3)))
    assert not [p for p in ps if p.target in ("eb", "em", "er")]


def test_a_column_of_one_quantity_is_no_cases_table():
    # each column one quantity (rows are things): a price is no product of the prices above it
    text = ("| GPU | Price | Share |\n|---|---|---|\n| A | $13.0B | 60% |\n| B | $10.5B | 57% |\n"
            "| C | $7.8B | 50% |\n| D | $6.0B | 40% |\n")
    ps = discover(text, items(text, ("a", "$13.0B", 13.0, "billion USD"), ("as", "60%", 60, "percent"),
                              ("b", "$10.5B", 10.5, "billion USD"), ("bs", "57%", 57, "percent"),
                              ("c", "$7.8B", 7.8, "billion USD"), ("cs", "50%", 50, "percent"),
                              ("d", "$6.0B", 6.0, "billion USD"), ("ds", "40%", 40, "percent")))
    assert not [p for p in ps if p.target in ("c", "d")]


# r73 again, further down the table: free cash flow is EBITDA less capex in every case (a loss,
# stated in brackets, read as a negative number); the debt row restates the capex row
FLOWS = CASES + ("| Capex | $24.0B | $24.0B | $24.0B |\n"
                 "| Free Cash Flow | ($16.2B) | ($18.0B) | ($20.0B) |\n"
                 "| Incremental Debt Growth | $24.0B | $24.0B | $24.0B |\n")


def _flows_items(text: str, bear=-20.0):
    its = _cases_items(text)
    pos = text.index("| Capex")
    for ident, raw, v in (("cb", "$24.0B", 24.0), ("cm", "$24.0B", 24.0), ("cr", "$24.0B", 24.0),
                          ("fb", "$16.2B", -16.2), ("fm", "$18.0B", -18.0), ("fr", "$20.0B", bear),
                          ("db", "$24.0B", 24.0), ("dm", "$24.0B", 24.0), ("dr", "$24.0B", 24.0)):
        s = text.index(raw, pos)
        pos = s + len(raw)
        its.append(Item(ident, s, s + len(raw), v, v, "billion USD"))
    return its


def test_a_cases_row_is_the_difference_of_rows_above_in_every_column():
    got = {p.target: (p.formula, p.inputs, p.verdict, p.computed) for p in discover(FLOWS, _flows_items(FLOWS))}
    assert got["fb"][:3] == ("a - b", {"a": "eb", "b": "cb"}, "consistent")
    assert got["fm"][:3] == ("a - b", {"a": "em", "b": "cm"}, "consistent") and got["fm"][3] == (-18.0, -18.0)
    assert got["fr"][:3] == ("a - b", {"a": "er", "b": "cr"}, "consistent")
    # the debt row restates the capex row (EBITDA less free cash flow makes it too): no result
    assert not {"db", "dm", "dr"} & set(got)


def test_a_cases_difference_must_hold_in_every_column():
    got = {p.target for p in discover(FLOWS, _flows_items(FLOWS, bear=-21.5))}
    assert not {"fb", "fm", "fr"} & got


# r53 (H100 vs A100 cloud prices): a summary table whose headers compare ("H100 Speedup", "H100
# Cost Premium"), its ratios made of numbers stated sections before it
BENCH = ("- **A100 SXM 80GB**: ~120,000 tokens/sec per GPU (8k context)\n"
         "- **H100 SXM 80GB**: ~220,000 tokens/sec per GPU (8k context, Transformer Engine BF16)\n\n"
         "At $2.00/hr (A100) vs $3.20/hr (H100):\n\n"
         "## Workload Break-Even Summary\n\n"
         "| Workload | H100 Speedup | H100 Cost Premium | H100 Cheaper? |\n"
         "|---|---|---|---|\n"
         "| LLM pre-training (BF16) | 1.8× | ~60% | Yes |\n")
H100, A100 = frozenset(("h100", "h100sxm")), frozenset(("a100", "a100sxm80gb"))


def _bench_items(text: str, speedup=1.8, premium=1.6):
    spec = (("ta", "120,000 tokens/sec", 120000, "token/s", "inference-throughput", A100, ""),
            ("th", "220,000 tokens/sec", 220000, "token/s", "inference-throughput", H100, ""),
            ("pa", "$2.00/hr", 2.0, "USD/hour", "rental-price", A100, ""),
            ("ph", "$3.20/hr", 3.2, "USD/hour", "rental-price", H100, ""),
            ("s", "1.8×", speedup, "x", "ratio", H100, ""),
            ("p", "~60%", premium, "x", "ratio", H100, "~"))
    out, pos = [], 0
    for ident, raw, v, unit, prop, names, shown in spec:
        s = text.index(raw, pos)
        pos = s + len(raw)
        out.append(Item(ident, s, s + len(raw), v, v, unit, shown=f"{shown}{v}", prop=prop, names=names))
    return out


def test_a_comparing_column_header_names_what_its_ratios_compare():
    got = {p.target: (p.formula, p.inputs, p.verdict) for p in discover(BENCH, _bench_items(BENCH))}
    assert got["s"] == ("a / b", {"a": "th", "b": "ta"}, "consistent")   # a speedup: throughputs
    assert got["p"] == ("a / b", {"a": "ph", "b": "pa"}, "consistent")   # a premium: prices


def test_a_comparing_header_ratio_no_pair_makes_is_left_alone():
    got = {p.target for p in discover(BENCH, _bench_items(BENCH, speedup=2.4, premium=1.3))}
    assert not {"s", "p"} & got
    plain = BENCH.replace("H100 Speedup", "H100 Figure").replace("H100 Cost Premium", "H100 Other")
    assert not {"s", "p"} & {p.target for p in discover(plain, _bench_items(plain))}


# r53 again: "~60%" in every row of the premium column; a speedup cell over the "~1.5×" stated just
# before the table meets "~60%" within its rounding (1.39-1.81) in most rows: no shared formula
ROWS = ("At $2.00/hr (A100) vs $3.20/hr (H100):\n\n"
        "- **LoRA / QLoRA** on a single GPU: H100 advantage is smaller (~1.5×).\n\n"
        "| Workload | H100 Speedup | H100 Cost Premium | H100 Cheaper? |\n"
        "|---|---|---|---|\n"
        "| LLM pre-training (FP8) | 2.5× | ~60% | Yes, by ~35% |\n"
        "| Batch inference (large batch) | 2.0–2.5× | ~60% | Yes |\n"
        "| Full fine-tuning (multi-GPU) | 1.8–2.2× | ~60% | Yes |\n")


def test_a_ratio_stated_roughly_holds_a_rows_formula_at_its_face_value():
    spec = (("pa", "$2.00/hr", (2.0, 2.0), "USD/hour", "rental-price", A100, "2"),
            ("ph", "$3.20/hr", (3.2, 3.2), "USD/hour", "rental-price", H100, "3.2"),
            ("l", "~1.5×", (1.5, 1.5), "x", "ratio", H100, "~1.5"),
            ("s1", "2.5×", (2.5, 2.5), "x", "ratio", H100, "2.5"), ("p1", "~60%", (1.6, 1.6), "x", "ratio", H100, "~1.6"),
            ("s2", "2.0–2.5×", (2.0, 2.5), "x", "ratio", H100, "2–2.5"), ("p2", "~60%", (1.6, 1.6), "x", "ratio", H100, "~1.6"),
            ("s3", "1.8–2.2×", (1.8, 2.2), "x", "ratio", H100, "1.8–2.2"), ("p3", "~60%", (1.6, 1.6), "x", "ratio", H100, "~1.6"))
    its, pos = [], 0
    for ident, raw, (lo, hi), unit, prop, names, shown in spec:
        s = ROWS.index(raw, pos)
        pos = s + len(raw)
        wide = 0.13 * lo if shown.startswith("~") else 0.0
        its.append(Item(ident, s, s + len(raw), lo - wide, hi + wide, unit, shown=shown, face_low=lo, face_high=hi,
                        prop=prop, names=names))
    got = {p.target: (p.formula, p.inputs) for p in discover(ROWS, its)}
    for p in ("p1", "p2", "p3"):
        assert got[p] == ("a / b", {"a": "ph", "b": "pa"})


# r50 (NVIDIA's quarter): a ratio, a colon, then the two amounts it compares
DOUBLED = "Net income nearly doubled: $43 billion versus $22.1 billion in the same period a year ago."


def _doubled_items(text: str, then=22.1):
    return [Item("r", text.index("nearly doubled"), text.index(":"), 1.3, 2.7, "x", shown="~2", face_low=2.0,
                 face_high=2.0),
            *items(text, ("a", "$43 billion", 43, "billion USD"), ("b", f"${then:g} billion", then, "billion USD"))]


def test_a_ratio_then_a_colon_then_the_two_amounts_it_compares():
    (p,) = [p for p in discover(DOUBLED, _doubled_items(DOUBLED)) if p.target == "r"]
    assert (p.formula, p.inputs, p.verdict) == ("a / b", {"a": "a", "b": "b"}, "consistent")


def test_a_colon_pair_far_from_the_ratio_is_no_relation():
    text = DOUBLED.replace("$22.1 billion", "$19.5 billion")   # 2.2x: not "nearly doubled"
    assert not [p for p in discover(text, _doubled_items(text, 19.5)) if p.target == "r"]


# r109 (a homelab's GPU power log): a lead line's duration holds for the lists under its sub-intros
RESULTS = ("**Results over 1-hour test periods:**\n\n"
           "Interactive mode:\n- Total tokens: 12,400\n- Average power: 298W\n- Energy: 298Wh\n\n"
           "Batch mode:\n- Total tokens: 28,900\n- Average power: 315W\n- Energy: 315Wh\n")


def _results_items(text: str):
    return items(text, ("h", "1-hour", 1, "hour"), ("t1", "12,400", 12400, "token"), ("p1", "298W", 298, "W"),
                 ("e1", "298Wh", 298, "Wh"), ("t2", "28,900", 28900, "token"), ("p2", "315W", 315, "W"),
                 ("e2", "315Wh", 315, "Wh"))


def test_a_lead_lines_duration_holds_for_the_lists_of_its_sub_intros():
    got = {p.target: (p.formula, set(p.inputs.values())) for p in discover(RESULTS, _results_items(RESULTS))}
    assert got["e1"] == ("a * b", {"p1", "h"})
    assert got["e2"] == ("a * b", {"p2", "h"})


def test_no_lead_line_past_a_line_of_prose():
    text = RESULTS.replace("**Results over 1-hour test periods:**\n\n",
                           "**Results over 1-hour test periods:**\n\nThe card idled in between.\n\n")
    got = {p.target for p in discover(text, _results_items(text))}
    assert not {"e1", "e2"} & got
