"""disc76: discovery designed on dev-B's missed relations, and how ``kb vet`` judges the relations
it proposes. A table row whose label states the rate its cells are computed at ("| GPU cost
(@$37.5K SXM, @$32K PCIe) |", discovery's row-label rates, tests/test_disc75.py) ties its cells to
that rate: vet checks the relation (a cell that misses the count times the rate is a slip) and
carries a slip or a missed reference value into the cells, but a rate flagged only because other
articles state another value (a price, an assumption writers differ on) stays the label's: the
row says which value its cells are at."""
from __future__ import annotations

from types import SimpleNamespace

from kb.extract.arith import Proposal
from kb.extract.vet import VetFinding, _anchor, _anchored, _carried_slips

# paraphrased: a deployment's capex table, its GPU row at the prices its label states
ROW = ("| Component | SXM5 | PCIe |\n|---|---|---|\n"
       "| GPU cost (@$37.5K SXM, @$32K PCIe) | $2,400,000 | $2,048,000 |\n"
       "| Total power with PUE 1.25 | 560 kW | 280 kW |\n")


def _p(target, inputs, formula="a * b", how="implied", confidence=0.5):
    return Proposal(target, formula, dict(zip("abc", inputs)), "", (1.0, 1.0), "USD", "consistent", 1.0, None, how,
                    confidence)


def test_a_relation_tied_only_by_its_rows_label_is_label_anchored():
    spans = {"n": -1, "r": ROW.index("$37.5K"), "c": ROW.index("$2,400,000"), "pue": ROW.index("1.25"),
             "it": ROW.index("$32K"), "tot": ROW.index("560 kW")}
    spans["n"] = None   # (the count stands before the table)
    assert _anchor(ROW, _p("c", ("n", "r")), spans) == "label"
    assert _anchor(ROW, _p("c", ("n", "r"), how="written", confidence=0.8), spans) == "stated"
    assert _anchor(ROW, _p("c", ("n", "r"), formula="a + b"), spans) == "stated"
    # no input in the result's label cell: nothing ties them
    assert _anchor(ROW, _p("c", ("n", "it")), {**spans, "it": ROW.index("$2,048,000")}) is None
    # a result whose place is unknown: nothing ties it (and so it is not anchored)
    assert _anchor(ROW, _p("c", ("n", "r")), {**spans, "c": None}) is None
    assert not _anchored(ROW, _p("c", ("n", "r")), {**spans, "c": None})


def _claim(unit, value):
    return SimpleNamespace(unit=unit, quote="", display=lambda: f"{value} {unit}")


KB = SimpleNamespace(claims_by_id={"count": _claim("GPU", 64), "price": _claim("K USD", 37.5),
                                   "cell": _claim("USD", 2400000)})
RELATIONS = {"cell": SimpleNamespace(verdict="consistent", with_numbers="64 GPU × 37.5 K USD",
                                     computed=(2400000.0, 2400000.0), stated="2,400,000 USD")}
PROPOSALS = [_p("cell", ("count", "price"))]


def _flag(code):
    return (VetFinding(code, "warning", code, f"the price {code}", (), ()),)


def test_a_conflict_of_a_rows_label_rate_does_not_carry_into_its_cells():
    conflict = {"price": _flag("conflict")}
    # tied by the row's label only: the cells are right at the rate the label states
    assert not _carried_slips(KB, PROPOSALS, RELATIONS, conflict, anchored={"cell"}, by_label={"cell"})
    # the same relation tied otherwise (written out, a formula the rows share): the conflict carries
    assert set(_carried_slips(KB, PROPOSALS, RELATIONS, conflict, anchored={"cell"}, by_label=set())) == {"cell"}


def test_a_rows_label_rate_that_misses_a_reference_or_is_a_slip_still_carries():
    for code in ("contradicts-reference", "arithmetic"):
        got = _carried_slips(KB, PROPOSALS, RELATIONS, {"price": _flag(code)}, anchored={"cell"}, by_label={"cell"})
        assert set(got) == {"cell"}, code


def test_a_draft_whose_span_opens_with_a_hedge_is_matched_by_where_its_number_stands():
    from kb.core.intervals import Interval
    from kb.tools.arithmetic import match_drafts

    # "would cost up to [$14,000 a month](https://...)": the curators quote "$14,000 a month", the
    # draft's span opens with the hedge and the link's bracket; "a roughly 400% annual growth"
    text = "would cost up to [$14,000 a month](https://example.org), a roughly 400% annual growth"
    q1, q2 = text.index("$14,000"), text.index("400%")
    claims = [SimpleNamespace(id="value", start=q1, end=q1 + len("$14,000 a month"),
                              interval=Interval(14000, 14000, "USD/month")),
              SimpleNamespace(id="growth", start=q2, end=q2 + len("400% annual growth"),
                              interval=Interval(399.5, 400.5, "percent"))]
    drafts = [{"id": "d1", "value": 14000, "unit": "USD/month", "qualifier": "upper_bound",
               "raw": "up to [$14,000 a month", "span_start": text.index("up to"), "span_end": q1 + 15},
              {"id": "d2", "value": 400, "unit": "percent", "qualifier": "approx", "raw": "roughly 400%",
               "span_start": text.index("roughly"), "span_end": q2 + 4},
              # a number that itself stands before the quote matches nothing
              {"id": "d3", "value": 14000, "unit": "USD/month", "raw": "$14,000",
               "span_start": q1 - 8, "span_end": q1 - 1}]
    assert match_drafts(claims, drafts) == {"d1": "value", "d2": "growth"}


# paraphrased: a projection's growth against the fastest-growing country's, then an open ratio
GROWTH = ("The projections for the next 4 years show a roughly 400% annual growth. The country with the "
          "highest growth rate today grows at only 3.8% a year. Ours would grow more than 100 times as fast.")


def _growth_records(text, niger=3.8, more=()):
    from conftest import drafts_at

    recs = drafts_at(text, ("4 years", 4.0, "year"), ("roughly 400%", 400.0, "percent"),
                     (f"{niger}%", niger, "percent"), *more, ("more than 100 times", 100.0, "x"))
    for r in recs[1:-1]:
        r["property"] = "growth-rate"
    recs[-1].update(property="ratio", qualifier="lower_bound")
    return recs


def _open(text, recs, at):
    from kb.extract.arith import propose

    s = text.index(at)
    return [(p.formula, p.inputs) for p in propose(text, recs) if p.target == f"t-at{s}"]


def test_an_open_ratio_is_the_one_quotient_of_one_property_near_it_from_its_bound_up():
    got = _open(GROWTH, _growth_records(GROWTH), "more than 100 times")
    assert got == [("a / b", {"a": f"t-at{GROWTH.index('roughly 400%')}", "b": f"t-at{GROWTH.index('3.8%')}"})]


def test_an_open_ratio_takes_nothing_across_a_heading_from_afar_nor_from_two_pairs():
    # a heading between: the numbers above it are another section's
    text = GROWTH.replace(" Ours would", "\n\n### Outlook\n\nOurs would")
    assert not _open(text, _growth_records(text), "more than 100 times")
    # paragraphs apart: a loose bound takes nothing from afar
    text = GROWTH.replace(" Ours would", "\n\nA paragraph.\n\nAnother one.\n\nOurs would")
    assert not _open(text, _growth_records(text), "more than 100 times")
    # 400% / 2.4% is 167: beyond the reach of "more than 100 times" (100 up to 115)
    text = GROWTH.replace("3.8%", "2.4%")
    assert not _open(text, _growth_records(text, niger=2.4), "more than 100 times")
    # 400% / 3.8% and 400% / 3.6%: two pairs, nothing
    text = GROWTH.replace("a year.", "a year, the next 3.6%.")
    assert not _open(text, _growth_records(text, more=(("3.6%", 3.6, "percent"),)), "more than 100 times")
