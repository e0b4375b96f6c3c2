"""slip68: discovery catches the slips of arithmetic an article writes out itself
(kb.extract.arith, kb.extract.written), each rule on a short quote (paraphrases of the forms
fresh public cost write-ups use)."""
from __future__ import annotations

from kb.extract.arith import _digits_miss, propose, written_arithmetic
from kb.extract.written import check_expressions

from conftest import drafts_at


_drafts = drafts_at


def _slips(text, records, raw):
    return [p for p in propose(text, records) if p.target == f"t-at{text.index(raw)}" and p.verdict == "misses"]


def test_written_arithmetic_whose_result_misses_by_no_telltale_factor_is_a_slip():
    # 64 × 350 W is 22.4 kW: the stated 25 kW is off by 1.12, no telltale factor, but the
    # arithmetic is written out with its operands and its result
    text = "The cluster draws 64 × 350 W = 25 kW at the wall."
    records = _drafts(text, ("64", 64, "item"), ("350 W", 350, "W"), ("25 kW", 25, "kW"))
    slips = _slips(text, records, "25 kW")
    assert len(slips) == 1 and slips[0].how == "written"
    assert abs(slips[0].factor - 25 / 22.4) < 0.01
    assert "written out" in slips[0].cause


def test_a_result_in_a_larger_unit_is_a_slip_when_its_digits_miss_too():
    text = "Base GPU load: 25,000 GPUs × 700W = 15 MW before cooling."
    records = _drafts(text, ("25,000 GPUs", 25000, "GPU"), ("700W", 700, "W"), ("15 MW", 15, "MW"))
    assert len(_slips(text, records, "15 MW")) == 1


def test_written_arithmetic_that_holds_or_rounds_is_no_slip():
    for text, spec, raw in (
            ("Base GPU load: 25,000 GPUs × 700W = 17.5 MW.",
             (("25,000 GPUs", 25000, "GPU"), ("700W", 700, "W"), ("17.5 MW", 17.5, "MW")), "17.5 MW"),
            # 3 × $3.45 is $10.35: "$10.00" is rounding (3.5%), within WRITTEN_MISS
            ("Three calls: 3 × $3.45 = $10.00 in all.",
             (("3", 3, "item"), ("$3.45", 3.45, "USD"), ("$10.00", "10.00", "USD")), "$10.00")):
        assert not _slips(text, _drafts(text, *spec), raw), text


def test_digits_that_agree_leave_a_miss_to_the_units_not_the_writer():
    text = "A month: 450 W × 720 = 324 kWh"
    w = written_arithmetic(text)[0]
    assert _digits_miss(text, w, 1.0)            # 450 × 720 = 324,000: 324 is it in thousands
    assert not _digits_miss(text, w, 1.2)        # the units part them by 1.2: no power of ten
    text = "Rent: $2.49 x 24 = $65 a day"
    w = written_arithmetic(text)[0]
    assert _digits_miss(text, w, 65 / 59.76)     # 2.49 × 24 is 59.76, stated 65: the digits miss too


def test_a_result_that_goes_on_with_division_is_no_result():
    # "= $0.005 ÷ 3": the expression goes on past the "=", the last result is the one to check
    text = "| Cartesia speech | 1/3 × $0.005 = $0.005 ÷ 3 | 0.001666 |"
    assert not [c for c in check_expressions(text) if c.verdict == "misses"]
    text = "Left over: 8 × 2 = 16 − 3 for the cache."
    assert not [c for c in check_expressions(text) if c.verdict == "misses"]


def test_a_quantity_over_itself_restated_in_another_unit_is_no_relation():
    # "5,000W = 5 kW" restates one quantity: 5 kW ÷ 5,000 W is one, no slip of the "10"
    text = "Total power = 5,000W = 5 kW for 10 servers."
    records = _drafts(text, ("5,000W", 5000, "W"), ("5 kW", 5, "kW"), ("10 servers", 10, "server"))
    assert not [p for p in propose(text, records) if p.verdict == "misses"]


def test_an_operand_of_arithmetic_that_holds_is_no_slip_of_another_relation():
    # 20 × 500W = 10 kW holds; 20 kW ÷ 20 (1 kW, twice 500W) is the facility's power, not a slip
    text = "- With virtualization: Server energy = 20 × 500W = 10 kW, Facility energy = 20 kW\n"
    records = _drafts(text, ("20", 20, "item"), ("500W", 500, "W"), ("10 kW", 10, "kW"), ("20 kW", 20, "kW"))
    assert not [p for p in propose(text, records) if p.verdict == "misses"]
    assert [p.verdict for p in propose(text, records) if p.target == f"t-at{text.index('10 kW')}"] == ["consistent"]


def test_an_approximate_result_is_read_after_its_sign_and_rounds_to_its_figures():
    # "≈" ends arithmetic written out as "=" does; "≈ 400 kW" for 358.4 kW is 400 to one figure,
    # "≈ 420 kW" misses by 17%: a slip
    text = "Heat: 512 GPUs × 700W ≈ 420 kW at full speed."
    assert [[text[a:b] for a, b in w.operands] for w in written_arithmetic(text)] == [["512 GPUs", "700W"]]
    spec = (("512 GPUs", 512, "GPU"), ("700W", 700, "W"), ("420 kW", 420, "kW"))
    assert len(_slips(text, _drafts(text, *spec), "420 kW")) == 1
    text = text.replace("420", "400")
    spec = (("512 GPUs", 512, "GPU"), ("700W", 700, "W"), ("400 kW", 400, "kW"))
    assert not _slips(text, _drafts(text, *spec), "400 kW")
    # "= 20 kW" for 22.4 kW: 20 to one figure too
    text = "Heat: 32 GPUs × 700W = 20 kW at full speed."
    spec = (("32 GPUs", 32, "GPU"), ("700W", 700, "W"), ("20 kW", 20, "kW"))
    assert not _slips(text, _drafts(text, *spec), "20 kW")


def test_the_tail_of_a_longer_product_is_no_arithmetic_of_its_own():
    # read from "64", the last three operands would miss the result by 4 (the two 2s left out)
    text = "- 2 * 2 * 64 * 8192 * 8192 = 17,179,869,184"
    assert written_arithmetic(text) == []
    records = _drafts(text, ("64", 64, "item"), ("8192", 8192, "item"), ("8192", 8192, "item"),
                      ("17,179,869,184", 17179869184, "item"))
    assert not [p for p in propose(text, records) if p.verdict == "misses"]
