"""disc75: arithmetic discovery (kb.extract.arith) recall on forms of dev-B's missed relations,
each rule built on a short quote (a paraphrase)."""
from __future__ import annotations

from kb.extract.arith import propose

from conftest import drafts_at


def _at(text: str, raw: str, after: int = 0) -> str:
    return f"t-at{text.index(raw, after)}"


def _of(props: list, target: str) -> list:
    return [p for p in props if p.target == target]


# a percentage said against a baseline in a bracket: the change of the amount right before it
CARD = ("Amazon\n$200B\n2026 capex guidance\n▲ about 52% vs 2025 cash purchases ($131.8B)\n\n"
        "Meta\n$115B to $135B (2026E)\n▲ about 59% to 87% vs 2025 capex ($72.22B)\n")


def _card_records(text, pct="52%"):
    recs = drafts_at(text, ("$200B", 200.0, "billion USD"), (pct, float(pct[:-1]), "percent"),
                     ("$131.8B", 131.8, "billion USD"), ("$115B to $135B", None, "billion USD"),
                     ("59% to 87%", None, "percent"), ("$72.22B", 72.22, "billion USD"))
    for r, (lo, hi) in ((recs[3], (115.0, 135.0)), (recs[4], (59.0, 87.0))):
        del r["value"]
        r["low"], r["high"], r["qualifier"] = lo, hi, "range"
    return recs


def test_a_percentage_vs_a_bracketed_baseline_is_the_change_of_the_amount_before_it():
    props = propose(CARD, _card_records(CARD))
    got = _of(props, _at(CARD, "52%"))
    assert [(p.formula, p.inputs) for p in got] == [("a / b - 1", {"a": _at(CARD, "$200B"), "b": _at(CARD, "$131.8B")})]
    # a range of amounts makes a range of changes
    got = _of(props, _at(CARD, "59% to 87%"))
    assert [(p.formula, p.inputs) for p in got] == [("a / b - 1", {"a": _at(CARD, "$115B to $135B"),
                                                                   "b": _at(CARD, "$72.22B")})]


def test_a_percentage_vs_a_baseline_that_it_does_not_match_is_not_proposed():
    text = CARD.replace("about 52%", "about 47%")
    recs = _card_records(text, "47%")
    assert not _of(propose(text, recs), _at(text, "47%"))
    # a bracket of two numbers holds no one baseline
    text = ("Amazon\n$200B\n2026 capex guidance\n▲ about 52% vs 2025 cash purchases ($131.8B, 41 regions)\n")
    recs = drafts_at(text, ("$200B", 200.0, "billion USD"), ("52%", 52.0, "percent"),
                     ("$131.8B", 131.8, "billion USD"), ("41 regions", 41.0, "region"))
    assert not _of(propose(text, recs), _at(text, "52%"))


def test_a_decline_vs_a_baseline_in_prose():
    # no word says which way: the two amounts do
    text = "Revenue came to $3.4 billion, -15% vs $4.0 billion a year earlier."
    recs = drafts_at(text, ("$3.4 billion", 3.4, "billion USD"), ("15%", 15.0, "percent"),
                     ("$4.0 billion", 4.0, "billion USD"))
    got = _of(propose(text, recs), _at(text, "15%"))
    assert [(p.formula, p.inputs) for p in got] == [("1 - a / b", {"a": _at(text, "$3.4 billion"),
                                                                   "b": _at(text, "$4.0 billion")})]


# a table row whose label prices one thing per column: each cell is a count stated before the
# table, paragraphs above it, times its column's price
DEPLOY = ("A provider deploys 64 H100 GPUs for inference over five years.\n\n"
          "We compare two configurations: 8 servers with 8x H100 SXM5 each versus 16 servers with "
          "4x H100 PCIe each. The first needs liquid cooling and a faster fabric; the "
          "second runs on air and plain Ethernet, and fits the racks most colocation sites already have. "
          "Both serve the same chat, completion and embedding traffic, and both are bought outright.\n\n"
          "### Capital expenditure\n\n"
          "| Component | SXM5 | PCIe |\n|---|---|---|\n"
          "| GPU cost (@$37.5K SXM, @$32K PCIe) | $2,400,000 | $2,048,000 |\n"
          "| Networking | $400,000 | $150,000 |\n")


def _deploy_records(text, cell="$2,048,000"):
    return drafts_at(text, ("64 H100 GPUs", 64.0, "GPU"), ("8 servers", 8.0, "node"), ("8x", 8.0, "GPU"),
                     ("16 servers", 16.0, "node"), ("4x", 4.0, "GPU"), ("$37.5K", 37.5, "K USD"), ("$32K", 32.0, "K USD"),
                     ("$2,400,000", 2400000.0, "USD"), (cell, float(cell[1:].replace(",", "")), "USD"),
                     ("$400,000", 400000.0, "USD"), ("$150,000", 150000.0, "USD"))


def _ins(p):
    return p.formula, set(p.inputs.values())


def test_a_cell_is_a_count_before_the_table_times_its_label_rate():
    props = propose(DEPLOY, _deploy_records(DEPLOY))
    for cell, rate in (("$2,400,000", "$37.5K"), ("$2,048,000", "$32K")):
        got = _of(props, _at(DEPLOY, cell))
        assert [_ins(p) for p in got] == [("a * b", {_at(DEPLOY, "64 H100 GPUs"), _at(DEPLOY, rate)})]


def test_a_label_rate_makes_no_cell_that_no_count_before_the_table_explains():
    text = DEPLOY.replace("$2,048,000", "$2,300,000")
    assert not _of(propose(text, _deploy_records(text, "$2,300,000")), _at(text, "$2,300,000"))
    # a number of the label that no "@" names as a rate: no rate of the row
    text = DEPLOY.replace("@$37.5K SXM, @$32K PCIe", "$37.5K SXM, $32K PCIe")
    assert not _of(propose(text, _deploy_records(text)), _at(text, "$2,400,000"))


# a column's header states the price its figures are at: each cell is its row's amount at it
STAFF = ("### Development costs\n\n"
         "| Activity | Time | Cost (@ $150/hr) |\n|---|---|---|\n"
         "| Feature work | 40 hrs | $6,000 |\n"
         "| Maintenance | 10 hrs | $1,500 |\n")


def test_a_header_price_makes_each_row_cost():
    from kb.extract.drafts import draft_record, extract_text
    from kb.extract.linking import load_registry

    from conftest import ROOT

    records = [draft_record(d, "t") for d in extract_text(STAFF, load_registry(ROOT))]
    props = propose(STAFF, records)
    rate = _at(STAFF, "$150/hr")
    for cell, hours in (("$6,000", "40 hrs"), ("$1,500", "10 hrs")):
        got = _of(props, _at(STAFF, cell))
        assert [_ins(p) for p in got] == [("a * b", {_at(STAFF, hours), rate})]
    # a price without "@" or "at" is no rate the header states its figures at
    text = STAFF.replace("(@ $150/hr)", "($150/hr max)")
    records = [draft_record(d, "t") for d in extract_text(text, load_registry(ROOT))]
    assert _at(text, "$150/hr") not in {x for p in propose(text, records) for x in p.inputs.values()}


def test_a_percentage_vs_a_baseline_after_a_period_word():
    text = "Capex hit $22.6 billion in the quarter (+77% y/y vs. $12.8 billion)."
    recs = drafts_at(text, ("$22.6 billion", 22.6, "billion USD"), ("77%", 77.0, "percent"),
                     ("$12.8 billion", 12.8, "billion USD"))
    got = _of(propose(text, recs), _at(text, "77%"))
    assert [_ins(p) for p in got] == [("a / b - 1", {_at(text, "$22.6 billion"), _at(text, "$12.8 billion")})]


# a change stated as a range: an amount stated as a range against one stated as one value
GUIDED = "Meta guided $60-65 billion for 2025, versus $39.2 billion in 2024, a 53% to 66% jump."


def _guided(text, pct="53% to 66%", lo=53.0, hi=66.0):
    recs = drafts_at(text, ("$60-65 billion", None, "billion USD"), ("$39.2 billion", 39.2, "billion USD"),
                     (pct, None, "percent"))
    for r, (a, b) in ((recs[0], (60.0, 65.0)), (recs[2], (lo, hi))):
        del r["value"]
        r["low"], r["high"], r["qualifier"] = a, b, "range"
    return recs


def test_a_range_of_changes_from_a_range_against_one_value():
    got = _of(propose(GUIDED, _guided(GUIDED)), _at(GUIDED, "53% to 66%"))
    assert [_ins(p) for p in got] == [("a / b - 1", {_at(GUIDED, "$60-65 billion"), _at(GUIDED, "$39.2 billion")})]
    # one end off: no relation
    text = GUIDED.replace("53% to 66%", "40% to 66%")
    assert not _of(propose(text, _guided(text, "40% to 66%", 40.0, 66.0)), _at(text, "40% to 66%"))


def test_a_signed_percentage_after_two_amounts_compared():
    for text, a, b, pct in (("Revenue: $35.1B (vs. $30.0B last quarter, +17%).", "$35.1B", "$30.0B", "17%"),
                            ("The H100 drew 700 W vs 400 W for the A100 (+75%).", "700 W", "400 W", "75%")):
        from kb.extract.drafts import draft_record, extract_text
        from kb.extract.linking import load_registry

        from conftest import ROOT

        records = [draft_record(d, "t") for d in extract_text(text, load_registry(ROOT))]
        got = _of(propose(text, records), _at(text, pct))
        assert [_ins(p) for p in got] == [("a / b - 1", {_at(text, a), _at(text, b)})], text
    # a percentage that no sign marks as a change, or one that disagrees: nothing
    for text in ("The H100 drew 700 W vs 400 W for the A100 (75% of its peak).",
                 "The H100 drew 700 W vs 400 W for the A100 (+25%)."):
        records = [draft_record(d, "t") for d in extract_text(text, load_registry(ROOT))]
        assert not _of(propose(text, records), f"t-at{text.index('%') - 2}"), text


def test_a_change_against_its_baseline_is_no_share_of_another_amount():
    text = ("Microsoft reported $37.5B of capex in the quarter. Amazon: $200B of 2026 capex guidance, about 52% "
            "vs 2025 cash purchases ($131.8B). Meta's 2025 capex came to $72.22B.\n")
    recs = drafts_at(text, ("$37.5B", 37.5, "billion USD"), ("$200B", 200.0, "billion USD"), ("52%", 52.0, "percent"),
                     ("$131.8B", 131.8, "billion USD"), ("$72.22B", 72.22, "billion USD"))
    props = propose(text, recs)
    assert _of(props, _at(text, "52%"))   # the change of $200B from $131.8B
    # 37.5 ÷ 52% is 72.1: a coincidence, the 52% a change and no share
    assert not _of(props, _at(text, "$72.22B"))


def test_a_label_rate_count_is_of_the_dimension_the_cell_over_the_rate_has():
    # 720 ÷ 2 is 360, the tokens before the table: a number of another kind, no count of the row
    text = DEPLOY.replace("64 H100 GPUs", "64 H100 GPUs (360 tokens each)")
    recs = _deploy_records(text)
    recs.insert(1, drafts_at(text, ("360 tokens", 360.0, "token"))[0])
    text2 = text.replace("| Networking | $400,000 | $150,000 |", "| Storage (@ $2) | $720 | $720 |")
    recs2 = [r for r in recs if r["unit"] != "USD" or r["value"] not in (400000.0, 150000.0)]
    recs2 += drafts_at(text2, ("$2)", 2.0, "USD"), ("$720", 720.0, "USD"), ("$720 |", 720.0, "USD"))
    assert not _of(propose(text2, recs2), _at(text2, "$720"))
