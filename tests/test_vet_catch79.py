"""A price per hour written bare in "N hours × $X = $Y" (kb.extract.drafts._hourly_operand) and the
operands of written products that no other relation explains (kb.extract.arith._operands_unexplained).

From a GPU-hours estimate for an 8x H100 node, its cost lines:

    On-demand: 8.5 hours × $32.77 = $278
    Spot:      8.5 hours × $12.00 = $102

"$32.77" is the line's price per hour (hours times money is no money), and "8.5 hours" is an operand
of the line's arithmetic: $278 ÷ the list's "~$32.77/hour" above (the line's own expression turned
round) or the other line's numbers give it no derivation, so a flag on the list's rate does not carry
into it.
"""
from __future__ import annotations

from kb.extract.arith import propose
from kb.extract.drafts import draft_record, extract_text

_LINES = ("### AWS p5.48xlarge Pricing:\n"
          "- **On-demand rate:** ~$32.77/hour\n"
          "- **Spot rate:** ~$10-15/hour (70% savings, but can be interrupted)\n\n"
          "### Total Cost:\n```\n"
          "On-demand: 8.5 hours × $32.77 = $278\n"
          "Spot:      8.5 hours × $12.00 = $102\n```\n")


def _drafts(text: str) -> dict:
    return {text[d.span_start:d.span_end]: d for d in extract_text(text)}


def test_a_bare_amount_hours_multiply_into_an_amount_is_a_price_per_hour():
    ds = _drafts("The run took 8.5 hours × $32.77 = $278 in total.\n")
    assert ds["$32.77"].unit == "USD/hour"
    assert ds["$278"].unit == "USD"
    assert ds["8.5 hours"].unit == "hour"


def test_the_line_states_its_own_rate_beside_the_lists():
    text = _LINES
    starts = {}
    for d in extract_text(text):
        starts.setdefault(text[d.span_start:d.span_end], []).append(d)
    assert [d.unit for d in starts["$32.77"]] == ["USD/hour"]   # the line's, not only the list's "~$32.77/hour"
    assert [d.unit for d in starts["$12.00"]] == ["USD/hour"]


def test_a_product_into_a_rate_or_a_count_keeps_its_amount():
    # the result is no bare amount: "$/hour", a count; the amount stays money
    ds = _drafts("Rent: 730 hours × $2 = $1,460/month\n")
    assert ds["$2"].unit == "USD"
    ds = _drafts("It comes to 3 × $25,000 = $75,000 for the servers.\n")
    assert ds["$25,000"].unit == "USD"


def test_an_operand_of_written_arithmetic_is_no_other_relations_result():
    text = _LINES
    records = [draft_record(d, "c-") for d in extract_text(text)]
    at = {str(r["id"]): (text[r["span_start"]:r["span_end"]], r["span_start"]) for r in records}
    ps = propose(text, records)
    line = text.index("On-demand: 8.5")
    spot = text.index("Spot:      8.5")
    by_target = {at[p.target]: p for p in ps}
    # the two written products hold, each within its line
    cost = by_target[("$278", text.index("$278"))]
    assert {at[x][1] for x in cost.inputs.values()} == {text.index("8.5", line), text.index("$32.77", line)}
    spot_cost = by_target[("$102", text.index("$102"))]
    assert {at[x][1] for x in spot_cost.inputs.values()} == {text.index("8.5", spot), text.index("$12.00", spot)}
    # no operand of them is the result of another relation
    for shown, start in (("8.5 hours", text.index("8.5", line)), ("8.5 hours", text.index("8.5", spot)),
                         ("$12.00", text.index("$12.00")), ("$32.77", text.index("$32.77", line))):
        assert (shown, start) not in by_target, by_target[(shown, start)].with_numbers


def test_an_operand_derived_elsewhere_in_prose_is_kept():
    # "2.7 GPU-hours" is worked out on its own line, then used: a result first, an operand after
    text = ("**GPU-hours:** 8 GPUs × 0.33 hours = 2.7 GPU-hours\n\n"
            "At $2 per GPU-hour that is 2.7 GPU-hours × $2/GPU-hour = $5.40.\n")
    records = [draft_record(d, "c-") for d in extract_text(text)]
    at = {str(r["id"]): r["span_start"] for r in records}
    ps = propose(text, records)
    assert any(at[p.target] == text.index("2.7") for p in ps)
