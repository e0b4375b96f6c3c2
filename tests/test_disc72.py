"""disc72: arithmetic discovery recall (kb.extract.arith) on forms found in fresh public cost
write-ups, each rule built on a short quote (a paraphrase of the kind of text that showed the gap)."""
from __future__ import annotations

from kb.extract.arith import propose

from conftest import drafts_at


def _at(text: str, raw: str, after: int = 0) -> str:
    return f"t-at{text.index(raw, after)}"


def _of(props: list, target: str) -> list:
    return [p for p in props if p.target == target]


# a price-history table: a "vs. launch" column of multiples with a comparative word, the launch
# row's cell left blank (the row the others are multiples of)
CHEAPER = ("| Model | Input (per 1M) | Output (per 1M) | vs. launch |\n|---|---|---|---|\n"
           "| Flagship v1 | $30.00 | $60.00 | |\n"
           "| Flagship Turbo | $10.00 | $30.00 | ~3x cheaper |\n"
           "| Flagship Mini | $0.15 | $0.60 | ~100x cheaper |\n")


def _cheaper_records(text):
    return drafts_at(text, ("$30.00", 30.0, "USD per 1M tokens"), ("$60.00", 60.0, "USD per 1M tokens"),
                     ("$10.00", 10.0, "USD per 1M tokens"), ("$30.00", 30.0, "USD per 1M tokens"),
                     ("~3x", 3.0, "x"), ("$0.15", 0.15, "USD per 1M tokens"),
                     ("$0.60", 0.60, "USD per 1M tokens"), ("~100x", 100.0, "x"))


def test_multiples_with_a_comparative_word_are_ratios_to_the_blank_row():
    props = propose(CHEAPER, _cheaper_records(CHEAPER))
    turbo = _of(props, _at(CHEAPER, "~3x"))
    assert len(turbo) == 1 and turbo[0].formula == "a / b" and turbo[0].verdict == "consistent"
    # the input column makes 3x (30 / 10), the output column 2x: the one column that fits
    assert list(turbo[0].inputs.values()) == [_at(CHEAPER, "$30.00"), _at(CHEAPER, "$10.00")]
    mini = _of(props, _at(CHEAPER, "~100x"))
    assert len(mini) == 1 and list(mini[0].inputs.values()) == [_at(CHEAPER, "$60.00"), _at(CHEAPER, "$0.60")]


def test_a_column_of_words_after_multiples_is_no_column_of_multiples():
    # "3x the context" is no comparison with the blank row: nothing is proposed
    text = CHEAPER.replace("~3x cheaper", "~3x context").replace("~100x cheaper", "~100x context")
    assert not _of(propose(text, _cheaper_records(text)), _at(text, "~3x"))


# a capex table: a "YoY Change" column of signed percentages compares the row's two years
YOY = ("| Company | 2024 Capex | 2025 Capex | YoY Change |\n|---|---|---|---|\n"
       "| Alpha | $53B | $80B | +51% |\n"
       "| Beta | $52B | $75B | +44% |\n"
       "| Gamma | $83B | $73B | -12% |\n")


def _yoy_records(text):
    return drafts_at(text, ("$53B", 53.0, "billion USD"), ("$80B", 80.0, "billion USD"), ("+51%", 51.0, "percent"),
                     ("$52B", 52.0, "billion USD"), ("$75B", 75.0, "billion USD"), ("+44%", 44.0, "percent"),
                     ("$83B", 83.0, "billion USD"), ("$73B", 73.0, "billion USD"), ("-12%", -12.0, "percent"))


def test_a_signed_cell_of_a_change_column_compares_its_rows_two_amounts():
    props = propose(YOY, _yoy_records(YOY))
    for pct, new, old in (("+51%", "$80B", "$53B"), ("+44%", "$75B", "$52B"), ("-12%", "$73B", "$83B")):
        got = _of(props, _at(YOY, pct))
        assert len(got) == 1 and got[0].formula == "a / b - 1" and got[0].verdict == "consistent"
        assert list(got[0].inputs.values()) == [_at(YOY, new), _at(YOY, old)]


def test_a_signed_cell_under_a_header_that_names_no_change_is_left_alone():
    text = YOY.replace("YoY Change", "Analyst score")
    props = propose(text, _yoy_records(text))
    assert not any(_of(props, _at(text, pct)) for pct in ("+51%", "+44%", "-12%"))


# a revenue breakdown: compact arithmetic whose operand counts a thing after its scale ("50M subs",
# "2.5 million users"): the operand is read (no draft reads it) and the product proposed
SUBS = "Where the $25B comes from:\n- Consumer subscriptions (~$20/mo × 50M subs ≈ $12B ARR)\n"


def test_an_operand_with_a_scale_and_a_noun_is_read_in_compact_arithmetic():
    records = drafts_at(SUBS, ("$25B", 25.0, "billion USD"), ("$20/mo", 20.0, "USD/month"),
                        ("$12B", 12.0, "billion USD/year"))
    got = _of(propose(SUBS, records), _at(SUBS, "$12B"))
    assert len(got) == 1 and got[0].formula == "a * b" and got[0].verdict == "consistent" and got[0].how == "written"
    assert _at(SUBS, "$20/mo") in got[0].inputs.values()
    read = [r for r in got[0].read if r["id"] in got[0].inputs.values()]
    assert len(read) == 1 and read[0]["span_start"] == SUBS.index("50M subs")


def test_an_operand_in_millions_of_users_times_a_price():
    text = "At scale: 2.5 million users × $4 = $10 million in monthly revenue.\n"
    records = drafts_at(text, ("$4", 4.0, "USD"), ("$10 million", 10.0, "million USD"))
    got = _of(propose(text, records), _at(text, "$10 million"))
    assert len(got) == 1 and got[0].formula == "a * b" and got[0].verdict == "consistent"


def test_the_hours_of_a_month_after_an_hourly_rate_are_a_conversion_not_a_count():
    # compact arithmetic that opens with a rate is read now ("$20/mo × 50M subs"); "$12/hour ×
    # 730" only converts the rate's period: no relation, no slip, and the 730 no count
    from conftest import ROOT
    from kb.extract.arith import written_arithmetic
    from kb.extract.drafts import extract_text
    from kb.extract.linking import load_registry

    text = "Self-hosted:\n- 4x H100 80GB: ~$12/hour × 730 = $8,760/month\n- Storage: $3/hour × 4 = $12/hour\n"
    ws = written_arithmetic(text)
    assert [[text[a:b] for a, b in w.operands] for w in ws] == [["$3/hour", "4"]]
    values = [d.value for d in extract_text(text, load_registry(ROOT))]
    assert 8760 in values and 730 not in values
    records = drafts_at(text, ("$12/hour", 12.0, "USD/hour"), ("$8,760/month", 8760.0, "USD/month"))
    assert not _of(propose(text, records), _at(text, "$8,760/month"))


# an API bill worked out: tokens a request times requests a month, the "per request" unsaid
BILL = ("Take a support bot: 800 input tokens and 400 output tokens per reply, 50,000 requests a month.\n\n"
        "- Input: 800 x 50,000 = 40M tokens, so $100\n")


def _bill_records(text, result="40M tokens", value=40.0):
    return drafts_at(text, ("800 input tokens", 800.0, "token"), ("400 output tokens", 400.0, "token"),
                     ("50,000 requests a month", 50_000.0, "query/month"), (result, value, "million token/month"),
                     ("$100", 100.0, "USD/month"))


def test_compact_arithmetic_may_leave_its_per_request_unsaid():
    got = _of(propose(BILL, _bill_records(BILL)), _at(BILL, "40M tokens"))
    assert len(got) == 1 and got[0].formula == "a * b" and got[0].verdict == "consistent" and got[0].how == "written"
    assert set(got[0].inputs.values()) == {_at(BILL, "800 input tokens"), _at(BILL, "50,000 requests")}


def test_a_per_request_product_that_misses_is_no_slip():
    text = BILL.replace("= 40M tokens", "= 4M tokens")
    assert not _of(propose(text, _bill_records(text, "4M tokens", 4.0)), _at(text, "4M tokens"))


# a token bill: an operand priced per million ("$2.50/1M") is one operand, a rate, not a division
PER_M = ("Input per request: 500 + 850 = 1,350 tokens.\n\nWith the flagship:\n"
         "- Input: 1,350 × $2.50/1M = $0.003375\n")


def test_an_operand_priced_per_million_is_one_rate():
    from kb.extract.arith import written_arithmetic

    assert [[PER_M[a:b] for a, b in w.operands] for w in written_arithmetic(PER_M)] == [["1,350", "$2.50/1M"]]
    records = drafts_at(PER_M, ("500", 500.0, "token"), ("850", 850.0, "token"), ("1,350 tokens", 1350.0, "token"),
                        ("$0.003375", 0.003375, "USD"))
    got = _of(propose(PER_M, records), _at(PER_M, "$0.003375"))
    assert len(got) == 1 and got[0].formula == "a * b" and got[0].verdict == "consistent"
    assert _at(PER_M, "1,350 tokens") in got[0].inputs.values()
