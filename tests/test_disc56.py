"""disc56: discovery of an article's relations whose numbers stand paragraphs apart
(kb.extract.arith), each rule built on a short quote of the development article that showed
the gap."""
from __future__ import annotations

from dataclasses import replace

from kb.extract.arith import discover
from test_discovery import items


def _with_props(its, props: dict):
    return [replace(it, prop=props.get(it.id)) for it in its]


# r10 (EcoBot's metrics): two per-token energies in the list above, each derived from a
# per-query one, then a ratio on its own paragraph
ECOBOT = ("-   **ChatGPT-5**: 18 Wh per query x query per 1000 tokens = 0.018 Wh/token\n\n"
          "-   **GPT-4o**: 0.60 Wh per query x query per 1000 tokens = 0.0006 Wh/token\n\n"
          "The app will use GPT-5's energy estimate to calculate statistics, but will actually be running "
          "GPT-4o on the backend to conserve resources (30x more efficient)\n")


def _ecobot(text: str, ratio=("30x", 30)):
    its = items(text, ("q5", "18 Wh per query", 18, "Wh/query"), ("k5", "1000 tokens", 1000, "token"),
                ("t5", "0.018 Wh/token", 0.018, "Wh/token"), ("q4", "0.60 Wh per query", 0.6, "Wh/query"),
                ("k4", "1000 tokens", 1000, "token"), ("t4", "0.0006 Wh/token", 0.0006, "Wh/token"),
                ("r", ratio[0], ratio[1], "x"))
    return _with_props(its, {"q5": "energy-per-query", "q4": "energy-per-query", "t5": "energy-per-token",
                             "t4": "energy-per-token", "k5": "text-tokens", "k4": "text-tokens", "r": "ratio"})


def test_a_ratio_takes_its_sides_from_paragraphs_before_the_one_before_it():
    got = {p.target: p for p in discover(ECOBOT, _ecobot(ECOBOT))}
    p = got["r"]
    assert (p.formula, p.inputs, p.verdict) == ("a / b", {"a": "t5", "b": "t4"}, "consistent")


def test_a_ratio_no_pair_from_afar_makes_is_left_alone():
    text = ECOBOT.replace("30x", "12x")
    assert "r" not in {p.target for p in discover(text, _ecobot(text, ("12x", 12)))}


# r48 (a model selection guide): the single-model cost four paragraphs up, the mix's total in
# the ratio's sentence; "(20% savings)" read as 0.8x. A change written in percent takes nothing
# from afar (a "70% higher" meets many a pair of amounts two paragraphs apart)
SAAS = ("**Before (GPT-4o only):**\n- Cost: $300/month\n- Resolution Rate: 75%\n\n"
        "- **GPT-4o mini (40% of queries):** FAQs\n  - Cost: $40/month\n\n"
        "- **GPT-4o (50% of queries):** General questions\n  - Cost: $150/month\n\n"
        "- **o1 (10% of queries):** Complex troubleshooting\n  - Cost: $50/month\n\n"
        "**Total Cost:** $240/month (20% savings)\n")


def test_a_change_in_percent_takes_nothing_from_afar():
    its = items(SAAS, ("single", "$300/month", 300, "USD/month"), ("res", "75%", 75, "percent"),
                ("s1", "40%", 40, "percent"), ("c1", "$40/month", 40, "USD/month"),
                ("s2", "50%", 50, "percent"), ("c2", "$150/month", 150, "USD/month"),
                ("s3", "10%", 10, "percent"), ("c3", "$50/month", 50, "USD/month"),
                ("total", "$240/month", 240, "USD/month"), ("r", "20%", 0.8, "x"))
    its = _with_props(its, {k: "cost-rate" for k in ("single", "c1", "c2", "c3", "total")}
                      | {"r": "ratio", "s1": "share", "s2": "share", "s3": "share", "res": "resolution-rate"})
    assert "r" not in {p.target for p in discover(SAAS, its)}


# r02 (PCIe vs SXM): "the full 42% CapEx differential", read as 1.42x, many paragraphs below two
# hourly prices whose quotient is 1.447 (the article's "45% premium")
PREMIUM = ("CoreWeave's spread is wider: **$4.25/hour PCIe** versus **$6.15/hour for HGX 8-GPU nodes**.\n\n"
           "**For mixed portfolios**, operators increasingly deploy both variants.\n\n"
           "The SXM premium approximates the incremental value for mixed workloads while falling short of "
           "the full 42% CapEx differential.\n")


def test_a_change_in_percent_is_no_ratio_of_amounts_from_afar():
    its = _with_props(items(PREMIUM, ("p", "$4.25/hour", 4.25, "USD/hour"), ("s", "$6.15/hour", 6.15, "USD/hour"),
                            ("r", "42%", 1.42, "x")), {"p": "rental-price", "s": "rental-price", "r": "ratio"})
    assert "r" not in {p.target for p in discover(PREMIUM, its)}


def test_a_share_takes_no_sides_from_afar():
    # "20%" meets many a pair of amounts stated paragraphs apart
    text = ("Revenue was $1.63 trillion.\n\nOther news.\n\nMore news.\n\nUnder a downside mix (20% storage attach) "
            "the pool is $326 billion.\n")
    its = _with_props(items(text, ("a", "$1.63 trillion", 1.63, "trillion USD"), ("s", "20%", 20, "percent"),
                            ("b", "$326 billion", 326, "billion USD")), {"a": "capex", "b": "capex", "s": "share"})
    assert "s" not in {p.target for p in discover(text, its)}


# r109 (a homelab's power monitoring): the electricity price near the top, the night's cost
# many paragraphs down; a model's power in a list, its task's energy paragraphs later
HOMELAB = ("Real watts flowing through my Kill-A-Watt P4400 meter, translating to dollars at $0.12/kWh.\n\n"
           "- Llama 3.1 8B: 312W average\n- Llama 3.1 70B (Q4 quantized): 347W average\n"
           "- Mistral 7B: 298W average\n- Phi-3 Mini (3.8B): 276W average\n\n"
           "To make this concrete: the 8B model completes the same task in 0.7 minutes using 3.6Wh.\n\n"
           "For 9 hours, my GPU churned at 347W, consuming 3.12 kWh and costing me roughly $0.37.\n")


def _homelab(text: str, cost=("$0.37", 0.37)):
    return items(text, ("price", "$0.12/kWh", 0.12, "USD/kWh"), ("p8", "312W", 312, "W"), ("p70", "347W", 347, "W"),
                 ("pm", "298W", 298, "W"), ("pp", "276W", 276, "W"), ("t8", "0.7 minutes", 0.7, "min"),
                 ("e8", "3.6Wh", 3.6, "Wh"), ("h", "9 hours", 9, "hour"), ("w", "347W", 347, "W"),
                 ("kwh", "3.12 kWh", 3.12, "kWh"), ("cost", cost[0], cost[1], "USD"))


def test_a_quantity_takes_a_rate_of_its_dimension_stated_paragraphs_before():
    got = {p.target: p for p in discover(HOMELAB, _homelab(HOMELAB))}
    assert (got["cost"].formula, set(got["cost"].inputs.values()), got["cost"].verdict) == \
        ("a * b", {"kwh", "price"}, "consistent")
    # the 8B's power of the four stated in the list above (the nearest is the 70B's)
    assert (got["e8"].formula, set(got["e8"].inputs.values())) == ("a * b", {"t8", "p8"})


def test_a_rate_from_afar_that_misses_is_no_slip():
    text = HOMELAB.replace("$0.37", "$3.70")
    got = {p.target: p for p in discover(text, _homelab(text, ("$3.70", 3.70)))}
    assert "cost" not in got


# r53 (H100 vs A100 cloud prices): a ratio stated with its two sides, and restated paragraphs later
RESTATED = ("The FP16 headline numbers (312 vs 989 TFLOPS) show a 3.2× raw compute advantage for the H100.\n\n"
            "Interactive serving with small batch sizes is where the H100 advantage shrinks.\n\n"
            "That gives a latency advantage — not the 3.2× you'd expect from raw FLOPS.\n")


def test_a_restated_ratio_takes_the_sides_of_its_first_statement():
    its = items(RESTATED, ("a", "312", 312, "TFLOPS"), ("h", "989 TFLOPS", 989, "TFLOPS"), ("r", "3.2×", 3.2, "x"),
                ("r2", "3.2×", 3.2, "x"))
    got = {p.target: p for p in discover(RESTATED, its)}
    assert (got["r2"].formula, got["r2"].inputs, got["r2"].verdict) == ("a / b", {"a": "h", "b": "a"}, "consistent")


def test_a_round_ratio_stated_twice_is_two_comparisons():
    text = RESTATED.replace("989", "624").replace("3.2×", "2×")
    its = items(text, ("a", "312", 312, "TFLOPS"), ("h", "624 TFLOPS", 624, "TFLOPS"), ("r", "2×", 2, "x"),
                ("r2", "2×", 2, "x"))
    assert "r2" not in {p.target for p in discover(text, its)}


# r121 (an edge data centre): the PUE row under the table's loads, the IT load five rows up
PUE = ("| Component                            | Power (kW) |\n"
       "|--------------------------------------|------------|\n"
       "| IT Load (GPU, Servers)               | 144        |\n"
       "| Cooling (Liquid + Fans)              | 30         |\n"
       "| Power Conversion (UPS, PDU Losses)   | 6          |\n"
       "| Lighting and Misc                    | 3          |\n"
       "| **Total Facility Load**              | **183**    |\n"
       "| **PUE**                              | **1.27**   |\n")


def _pue(text: str, pue=("1.27", 1.27)):
    return items(text, ("it", "144", 144, "kW"), ("c", "30", 30, "kW"), ("u", "6", 6, "kW"), ("l", "3", 3, "kW"),
                 ("tot", "183", 183, "kW"), ("pue", pue[0], pue[1], "x"))


def test_a_quotient_row_of_a_metrics_table_is_two_cells_of_its_column():
    got = {p.target: p for p in discover(PUE, _pue(PUE))}
    p = got["pue"]
    assert (p.formula, p.inputs, p.verdict) == ("a / b", {"a": "tot", "b": "it"}, "consistent")


def test_a_row_whose_label_names_no_quotient_is_no_quotient():
    text = PUE.replace("**PUE**", "**Racks**")
    assert "pue" not in {p.target for p in discover(text, _pue(text))}
