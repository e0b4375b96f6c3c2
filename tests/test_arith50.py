"""Relative differences stated in prose right after a table of side-by-side columns.

"The SXM configuration demands 42% higher capital investment" under a table whose "Total CapEx"
row reads $3,900,000 and $2,738,000 (3,900,000 / 2,738,000 - 1 = 0.424) compares two cells of one
row of the table above it: discovery proposes that row's pair where exactly one row makes the
percentage (or one row the sentence names, the bold one of several, or the total where none is
named), and nothing where several rows make it alike.
"""
from __future__ import annotations

from kb.extract.arith import propose


def _recs(text: str, spec: list[tuple]) -> list[dict]:
    """Draft records for (id, the number as written, value, unit) in text order."""
    out, pos = [], 0
    for ident, shown, value, unit in spec:
        s = text.index(shown, pos)
        pos = s + len(shown)
        out.append({"id": ident, "value": value, "unit": unit, "qualifier": "exact",
                    "span_start": s, "span_end": pos})
    return out


def _rel(ps, target):
    return next(((p.formula, p.inputs) for p in ps if p.target == target), None)


CAPEX = ("| Item | SXM | PCIe |\n"
         "|------|-----|------|\n"
         "| Installation and commissioning | $100,000 | $60,000 |\n"
         "| **Total CapEx** | **$3,900,000** | **$2,738,000** |\n"
         "| **Per-GPU CapEx** | **$60,938** | **$42,781** |\n"
         "\n"
         "The SXM configuration demands **42% higher capital investment** primarily from the GPUs.\n")
CAPEX_SPEC = [("i1", "$100,000", 100000, "USD"), ("i2", "$60,000", 60000, "USD"),
              ("t1", "$3,900,000", 3900000, "USD"), ("t2", "$2,738,000", 2738000, "USD"),
              ("g1", "$60,938", 60938, "USD"), ("g2", "$42,781", 42781, "USD"),
              ("r", "42%", 42, "percent")]


def test_a_percentage_after_a_table_compares_the_total_row_of_two_that_make_it():
    # 3,900,000 / 2,738,000 - 1 = 0.424 and 60,938 / 42,781 - 1 = 0.424: the total row
    ps = propose(CAPEX, _recs(CAPEX, CAPEX_SPEC))
    assert _rel(ps, "r") == ("a / b - 1", {"a": "t1", "b": "t2"})


def test_a_reduction_after_a_table_compares_the_row_it_makes():
    # 995,100 / 1,845,400 - 1 = -0.461 ("46% lower", drafted as a change of -46%)
    text = ("| Cost | SXM | PCIe |\n"
            "|------|-----|------|\n"
            "| Support staff (allocated) | $200,000 | $150,000 |\n"
            "| **Total Annual OpEx** | **$1,845,400** | **$995,100** |\n"
            "| **Per-GPU Annual OpEx** | **$28,834** | **$15,548** |\n"
            "\n"
            "The cheaper card cascades through cooling, resulting in **46% lower annual operating expenses**.\n")
    spec = [("s1", "$200,000", 200000, "USD/year"), ("s2", "$150,000", 150000, "USD/year"),
            ("t1", "$1,845,400", 1845400, "USD/year"), ("t2", "$995,100", 995100, "USD/year"),
            ("g1", "$28,834", 28834, "USD/year"), ("g2", "$15,548", 15548, "USD/year"),
            ("r", "46%", -46, "percent")]
    ps = propose(text, _recs(text, spec))
    assert _rel(ps, "r") == ("a / b - 1", {"a": "t2", "b": "t1"})


def test_of_rows_the_sentence_names_the_bold_one():
    # 12,507,034 / 10,268,198 - 1 = 0.218 and 2.79 / 2.29 - 1 = 0.218: both "revenue", one bold
    text = ("| Metric | SXM | PCIe |\n"
            "|--------|-----|------|\n"
            "| Revenue per GPU-hour | $2.79 | $2.29 |\n"
            "| **Annual revenue (64 GPUs)** | **$12,507,034** | **$10,268,198** |\n"
            "\n"
            "Despite 22% higher revenue, the SXM configuration earns a lower margin.\n")
    spec = [("h1", "$2.79", 2.79, "USD/hour"), ("h2", "$2.29", 2.29, "USD/hour"),
            ("a1", "$12,507,034", 12507034, "USD/year"), ("a2", "$10,268,198", 10268198, "USD/year"),
            ("r", "22%", 22, "percent")]
    ps = propose(text, _recs(text, spec))
    assert _rel(ps, "r") == ("a / b - 1", {"a": "a1", "b": "a2"})


def test_nothing_where_several_named_rows_make_it_alike_or_the_table_is_far():
    # 448 / 224 and 560 / 280 both halve, both rows name "power": which one, the text does not say
    text = ("| Cost | SXM | PCIe |\n"
            "|------|-----|------|\n"
            "| Power consumption (IT load) | 448 kW | 224 kW |\n"
            "| Total power with PUE 1.25 | 560 kW | 280 kW |\n"
            "\n"
            "The PCIe configuration's 50% lower power draw cascades through cooling.\n")
    spec = [("p1", "448 kW", 448, "kW"), ("p2", "224 kW", 224, "kW"), ("q1", "560 kW", 560, "kW"),
            ("q2", "280 kW", 280, "kW"), ("r", "50%", -50, "percent")]
    ps = propose(text, _recs(text, spec))
    assert _rel(ps, "r") is None
    # the same sentence a long way below the table compares nothing of it
    far = CAPEX.replace("\nThe SXM", "\n" + "Other words about racks and cooling. " * 15 + "\n\nThe SXM")
    ps = propose(far, _recs(far, CAPEX_SPEC))
    assert _rel(ps, "r") is None


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
