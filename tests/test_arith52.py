"""A percentage right after a table compared against two cells of one of its rows, and which of
the article's relations ``kb vet`` may take a finding from (kb.extract.arith, kb.extract.vet).

"The SXM configuration demands 42% higher capital investment" under a table whose "Total
CapEx" row reads "$3,900,000 | $2,738,000" is 3,900,000 ÷ 2,738,000 − 1; "46% lower annual
operating expenses" (read as −46%) under "Total Annual OpEx" is 995,100 ÷ 1,845,400 − 1. Where
several rows make it (a per-GPU row is the total row over the GPUs), the total row; where two
rows make it and neither is the total or the one in bold, nothing.

``kb vet`` takes a finding (a slip, or a flag carried from an input) only from a relation more
than a coincidence of units ties together: written out, shared by a table's rows, an input in
the label cell of the result's row ("| Total power with PUE 1.25 | 560 kW |"), or words that
write it out between the inputs and the result ("which comes to").
"""
from __future__ import annotations

from conftest import number_records as _recs, relation_of as _rel

from kb.extract.arith import Proposal, propose
from kb.extract.vet import _anchored


CAPEX = ("| Component | SXM5 Configuration | PCIe Configuration |\n|---|---|---|\n"
         "| **Total CapEx** | **$3,900,000** | **$2,738,000** |\n"
         "| **Per-GPU CapEx** | **$60,938** | **$42,781** |\n\n"
         "The SXM configuration demands **42% higher capital investment** primarily due to liquid cooling.\n")
CAPEX_SPEC = [("st", "$3,900,000", 3900000, "USD"), ("pt", "$2,738,000", 2738000, "USD"),
              ("sg", "$60,938", 60938, "USD"), ("pg", "$42,781", 42781, "USD"), ("r", "42%", 42, "percent")]


def test_a_percentage_after_a_table_compares_the_cells_of_its_total_row():
    ps = propose(CAPEX, _recs(CAPEX, CAPEX_SPEC))
    assert _rel(ps, "r") == ("a / b - 1", {"a": "st", "b": "pt"})


def test_a_lower_percentage_after_a_table_read_as_a_negative_change():
    text = ("| Cost category | SXM5 Configuration | PCIe Configuration |\n|---|---|---|\n"
            "| Support staff (allocated) | $200,000 | $150,000 |\n"
            "| **Total Annual OpEx** | **$1,845,400** | **$995,100** |\n\n"
            "The PCIe configuration's lower power draw cascades through cooling and colocation costs, "
            "resulting in **46% lower annual operating expenses**.\n")
    spec = [("ss", "$200,000", 200000, "USD/year"), ("sp", "$150,000", 150000, "USD/year"),
            ("ts", "$1,845,400", 1845400, "USD/year"), ("tp", "$995,100", 995100, "USD/year"),
            ("r", "46%", -46, "percent")]
    ps = propose(text, _recs(text, spec))
    assert _rel(ps, "r") == ("a / b - 1", {"a": "tp", "b": "ts"})


def test_no_row_difference_without_a_single_row_that_makes_it():
    # no row makes 30%
    text = CAPEX.replace("42% higher", "30% higher")
    spec = [s if s[0] != "r" else ("r", "30%", 30, "percent") for s in CAPEX_SPEC]
    assert _rel(propose(text, _recs(text, spec)), "r") is None
    # two rows make it and neither is the table's total row or set in bold: nothing
    text = CAPEX.replace("**Total CapEx**", "Hardware").replace("**Per-GPU CapEx**", "Per GPU")
    assert _rel(propose(text, _recs(text, CAPEX_SPEC)), "r") is None
    # a percentage far below the table is not compared with it
    text = CAPEX.replace("The SXM", "Other words. " * 40 + "\n\nThe SXM")
    assert _rel(propose(text, _recs(text, CAPEX_SPEC)), "r") is None


def _p(target, inputs, how="implied", confidence=0.5, formula="a * b"):
    return Proposal(target, formula, dict(zip("abc", inputs)), "", (1.0, 1.0), "kW", "consistent", 1.0, None, how,
                    confidence)


def test_vet_takes_findings_only_from_anchored_relations():
    row = ("| Power consumption (IT load) | 448 kW (64 × 700W) | 224 kW (64 × 350W) |\n"
           "| Total power with PUE 1.25 | 560 kW | 280 kW |\n"
           "| TFLOPS/Watt | 5.65 | 8.65 | PCIe wins |\n")
    spans = {k: row.index(v) for k, v in (("it", "448 kW"), ("pue", "1.25"), ("tot", "560 kW"), ("w", "350W"),
                                          ("eff", "8.65"))}
    # an input in the label cell of the result's row
    assert _anchored(row, _p("tot", ("pue", "it")), spans)
    # a quotient of numbers whose units only make the result's: no anchor
    assert not _anchored(row, _p("eff", ("it", "w"), formula="a / b"), spans)
    # written out, or a formula a table's rows share
    assert _anchored(row, _p("eff", ("it", "w"), how="written", confidence=0.8), spans)
    assert _anchored(row, _p("eff", ("it", "w"), confidence=0.8), spans)
    for cue, anchored in (("which comes to", True), ("and", False)):
        prose = f"It sends 4,000 tokens at $0.02 per 1,000 tokens, {cue} $0.08 per run."
        spans = {"n": prose.index("4,000"), "r": prose.index("$0.02"), "c": prose.index("$0.08")}
        assert _anchored(prose, _p("c", ("n", "r")), spans) is anchored
