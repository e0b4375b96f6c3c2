"""Compact arithmetic whose result the line sets in bold ("$8.65B / 9 months = **~$961M/month**",
quoted from a development article's notes on OpenAI's inference spend): discovery reads it as
written arithmetic, its result the bold number, as it reads the same line without the bold."""
from __future__ import annotations

import re
from pathlib import Path

from kb.extract.arith import propose, written_arithmetic
from kb.extract.drafts import draft_record, extract_text
from kb.extract.linking import load_registry

ROOT = Path(__file__).resolve().parents[1]

LINES = ("- **2024:** $3.8B inference / 12 months = **~$317M/month**\n"
         "- **Jan-Sept 2025:** $8.65B / 9 months = **~$961M/month**\n")


def _spans(text: str) -> list[tuple[list[str], str]]:
    return [([text[a:b] for a, b in w.operands], re.match(r"[$€£]?[\d,.]+[KMB]?", text[w.result[0]:]).group())
            for w in written_arithmetic(text)]


def test_a_bold_result_is_the_expression_s_result():
    assert _spans(LINES) == [(["$3.8B inference", "12 months"], "$317M"), (["$8.65B", "9 months"], "$961M")]
    assert _spans("8 hours × $12 = **$96**") == _spans("8 hours × $12 = $96")
    assert _spans("8 hours × $12 = __$96__") == _spans("8 hours × $12 = $96")
    # bold that opens before the arithmetic is no result of it; a lone asterisk is no bold
    assert _spans("8 hours × $12 = *$96*") == []


def _proposals(text: str):
    recs = [draft_record(d, "doc") for d in extract_text(text, load_registry(ROOT))]
    value = {r["id"]: r.get("value") for r in recs}
    return [(frozenset(value.get(x) for x in (p.target, *p.inputs.values())), p.verdict)
            for p in propose(text, recs) if p.how == "written"]


def test_a_bold_result_is_checked_against_its_arithmetic():
    got = _proposals(LINES)
    assert (frozenset((3.8, 12, 317)), "consistent") in got and (frozenset((8.65, 9, 961)), "consistent") in got
    # ... and one a power of ten off is the line's slip
    slipped = LINES.replace("~$961M", "~$96M")
    assert (frozenset((8.65, 9, 96)), "misses") in _proposals(slipped)


# quoted from a public capacity-estimation note (a table of monthly costs): the 730 is the hours
# of a month beside a rate per hour, a conversion of the rate's period, not a count of things
ROW = ("| Component | Instance Type | Count | Monthly Cost |\n|---|---|---|---|\n"
       "| API Gateway pods (EKS) | m5.2xlarge | 30 nodes | $0.384/hr × 730 × 30 = **$8,400** |\n"
       "| Request queue workers (SQS consumers) | c5.2xlarge | 20 nodes | $0.340/hr × 730 × 20 = **$4,960** |\n")


def test_the_hours_of_a_month_beside_a_rate_per_hour_are_no_operand():
    assert [ops for ops, _ in _spans(ROW)] == [["$0.384/hr", "30"], ["$0.340/hr", "20"]]
    # a bare 730 beside no rate per hour stays an operand
    assert [ops for ops, _ in _spans("We run 12 × 730 × 3 = 26,280 jobs.")] == [["12", "730", "3"]]
    # and the rows' monthly costs, right, are no slip
    assert all(v != "misses" for _, v in _proposals(ROW))
