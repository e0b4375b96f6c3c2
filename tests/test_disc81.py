"""disc81: arithmetic discovery recall (kb.extract.arith), each rule built on a short quote (a
paraphrase of the development article that showed the gap)."""
from __future__ import annotations

from kb.extract.arith import propose

from conftest import drafts_at


def _ranged(text: str, raw: str, low: float, high: float, unit: str) -> dict:
    s = text.index(raw)
    return {"id": f"t-at{s}", "span_start": s, "span_end": s + len(raw), "low": low, "high": high, "unit": unit,
            "qualifier": "range", "property": None}


def _at(text: str, raw: str, pos: int = 0) -> str:
    return f"t-at{text.index(raw, pos)}"


# r57 (AI replacement spending): "an order of magnitude" over the two rates its sentence compares,
# a fivefold gap: the article's slip
DEPRECIATION = ("Taking rental-market and resale evidence together, economic depreciation of AI hardware runs at "
                "something like 30–40 per cent per year, an order of magnitude faster than the 6 per cent annual "
                "rate used for conventional equipment.")


def test_an_order_of_magnitude_between_two_rates_of_its_sentence():
    text = DEPRECIATION
    records = [_ranged(text, "30–40 per cent", 30, 40, "percent/year")] + \
        drafts_at(text, ("an order of magnitude", 10, "x"), ("6 per cent", 6, "percent/year"))
    props = [p for p in propose(text, records) if p.target == _at(text, "an order of magnitude")]
    assert [(p.verdict, p.formula, p.inputs) for p in props] == \
        [("misses", "a / b", {"a": _at(text, "30–40"), "b": _at(text, "6 per cent")})]


def test_an_order_of_magnitude_that_holds():
    text = DEPRECIATION.replace("30–40 per cent", "60 per cent")
    records = drafts_at(text, ("60 per cent", 60, "percent/year"), ("an order of magnitude", 10, "x"),
                        ("6 per cent", 6, "percent/year"))
    # (one relation, one orientation: "60 = 10 × 6" where the product is found first)
    three = {_at(text, "60"), _at(text, "an order"), _at(text, "6 per")}
    props = [p for p in propose(text, records) if {p.target, *p.inputs.values()} == three]
    assert [p.verdict for p in props] == ["consistent"]


# r44 (AI datacenters): the two sides in a bracket after the phrase, larger over smaller
RACKS = ("AI datacenters require an order-of-magnitude leap in rack power density (from 3-7kW to 132kW per "
         "rack), fundamentally breaking traditional design assumptions.")


def test_an_order_of_magnitude_with_its_sides_in_a_bracket():
    text = RACKS
    records = drafts_at(text, ("an order-of-magnitude", 10, "x")) + [_ranged(text, "3-7kW", 3, 7, "kW")] + \
        drafts_at(text, ("132kW per rack", 132, "kW"))
    props = [p for p in propose(text, records) if p.target == _at(text, "an order-of-magnitude")]
    assert [(p.verdict, p.inputs) for p in props] == [("misses", {"a": _at(text, "132kW"), "b": _at(text, "3-7kW")})]


def test_an_order_of_magnitude_with_sides_in_another_sentence_is_left_alone():
    # the phrase's sentence states one amount only: the other is no side it names
    text = "Racks drew 7kW a decade ago. Today's AI racks need an order of magnitude more, 132kW per rack."
    records = drafts_at(text, ("7kW", 7, "kW"), ("an order of magnitude", 10, "x"), ("132kW per rack", 132, "kW"))
    assert not [p for p in propose(text, records) if p.target == _at(text, "an order of magnitude")]


def test_an_order_of_magnitude_among_three_amounts_is_left_alone():
    # three amounts of one kind: which two it compares, the sentence does not say
    text = "Rack power went from 3kW to 7kW and then an order of magnitude up to 132kW per rack."
    records = drafts_at(text, ("3kW", 3, "kW"), ("7kW", 7, "kW"), ("an order of magnitude", 10, "x"),
                        ("132kW per rack", 132, "kW"))
    assert not [p for p in propose(text, records) if p.target == _at(text, "an order of magnitude")]


# the measure (kb.tools.arithmetic): r02's "| Power consumption (IT load) | 224 kW (64 × 350W) |"
# recorded as 64 GPUs × the "350W" stated sections up; discovery links the cell's own "350W"
IT_LOAD = ("The **PCIe** version consumes just 350W and slots into standard servers.\n\n"
           "| Component | PCIe Configuration |\n|---|---|\n| Power consumption (IT load) | 224 kW (64 × 350W) |\n")


def _claim(cid, text, quote, value, unit):
    from types import SimpleNamespace as NS
    s = text.index(quote)
    return NS(id=cid, entity=cid, property=cid, conditions={}, value=value, unit=unit, start=s, end=s + len(quote))


def _draft(text, raw, value, unit, pos=0):
    s = text.index(raw, pos)
    return {"id": f"t-at{s}", "span_start": s, "span_end": s + len(raw), "value": value, "unit": unit}


def test_the_measure_credits_the_operand_the_relations_own_quote_writes():
    from kb.tools.arithmetic import own_operands, restated_members

    text = IT_LOAD
    row = text[text.index("| Power"):text.rindex("|") + 1]
    claims = {c.id: c for c in (_claim("load", text, row, 224, "kW"), _claim("tdp", text, "350W", 350, "W"),
                                _claim("gpus", text, "64", 64, "GPU"))}
    cell = text.index("350W)")
    records = [_draft(text, "350W", 350, "W"), _draft(text, "224 kW", 224, "kW"), _draft(text, "64", 64, "GPU"),
               _draft(text, "350W", 350, "W", cell)]
    draft_of = {"load": records[1]["id"], "tdp": records[0]["id"], "gpus": records[2]["id"]}
    members = ["load", "gpus", "tdp"]
    own = own_operands(members, draft_of, claims, records, [])
    assert own == {"tdp": {f"t-at{cell}"}}
    linked = {records[1]["id"]: [(records[1]["id"], records[2]["id"], f"t-at{cell}")]}
    assert restated_members(members, draft_of, claims, linked, own)
    assert not restated_members(members, draft_of, claims, linked)   # (no claim records the cell's 350W)
    # a 350W outside the relation's quotes and its written arithmetic is no operand of it
    far = text + "\nA later card also draws 350W.\n"
    records2 = records[:3] + [_draft(far, "350W", 350, "W", len(text))]
    assert own_operands(members, draft_of, claims, records2, []) == {}
    # ... unless the arithmetic written out to the result writes it
    assert own_operands(members, draft_of, claims, records2, [(0, len(far))]) == {"tdp": {records2[3]["id"]}}


def test_an_order_of_magnitude_loosely_so_is_no_slip():
    # a fresh article (an agent-cost note): "12 × 0.042 = 0.504 USD—an order of magnitude more than
    # the intended single execution": twelvefold is loosely tenfold, neither a match nor a slip
    text = ("If a single attempt costs 0.042 USD and the agent retries twelve times, the retry overhead alone "
            "is 0.504 USD, an order of magnitude more than the intended single execution.")
    records = drafts_at(text, ("0.042 USD", 0.042, "USD"), ("0.504 USD", 0.504, "USD"),
                        ("an order of magnitude", 10, "x"))
    assert not [p for p in propose(text, records) if p.target == _at(text, "an order of magnitude")]
