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
