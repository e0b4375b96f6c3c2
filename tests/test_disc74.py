"""disc74: precision of arithmetic discovery (kb.extract.arith) on forms found in fresh public
write-ups of company results, each rule built on a short quote (a paraphrase)."""
from __future__ import annotations

from kb.extract.arith import propose

from conftest import drafts_at


def _at(text: str, raw: str, after: int = 0) -> str:
    return f"t-at{text.index(raw, after)}"


def _of(props: list, target: str) -> list:
    return [p for p in props if p.target == target]


# a percentage stated as a change over time is no share: it scales no other amount into a third
SEGMENTS = ("Revenue was $7.19B in the quarter.\n\n"
            "- Gaming revenue was $2.24 billion, down 38% from a year ago.\n"
            "- Visualization revenue was $295 million, up 31% from the previous quarter.\n")


def test_a_change_up_from_a_year_ago_is_no_share_of_revenue():
    records = drafts_at(SEGMENTS, ("$7.19B", 7.19, "billion USD"), ("$2.24 billion", 2.24, "billion USD"),
                        ("38%", 38.0, "percent"), ("$295 million", 295.0, "million USD"), ("31%", 31.0, "percent"))
    # 7.19 × 31% is 2.23: a coincidence, the 31% a change of another segment
    assert not _of(propose(SEGMENTS, records), _at(SEGMENTS, "$2.24 billion"))
    # a share stated as such still scales the amount
    text = SEGMENTS.replace("up 31% from the previous quarter", "31% of the total")
    records = drafts_at(text, ("$7.19B", 7.19, "billion USD"), ("$2.24 billion", 2.24, "billion USD"),
                        ("38%", 38.0, "percent"), ("$295 million", 295.0, "million USD"), ("31%", 31.0, "percent"))
    assert _of(propose(text, records), _at(text, "$2.24 billion"))


CAPEX = ("Microsoft spent $34.9 billion in the quarter, a 74% jump from a year ago.\n\n"
         "Amazon reported $31.4 billion in capital expenditures in Q2. With $24 billion in Q1, spending keeps rising.\n")


def test_a_jump_in_percent_is_no_factor_of_an_implied_product():
    # as kb extract drafts it: 31.4 × 74% is 23.2, near the $24 billion of Q1 by chance (the 74%
    # another company's change)
    from conftest import ROOT
    from kb.extract.drafts import draft_record, extract_text
    from kb.extract.linking import load_registry

    records = [draft_record(d, "t") for d in extract_text(CAPEX, load_registry(ROOT))]
    assert _at(CAPEX, "$24 billion") in {r["id"] for r in records}
    assert not _of(propose(CAPEX, records), _at(CAPEX, "$24 billion"))


# a total stated as one value: a bound ("well above the $30 billion estimate") is no part of it
TOTAL = ("Microsoft spent $34.9 billion in the quarter, well above the $30 billion estimate. "
         "Amazon spent $31.4 billion and $24 billion, a total of $120.3 billion.\n")


def _total_records(text, shown="≥30"):
    recs = drafts_at(text, ("$34.9 billion", 34.9, "billion USD"), ("the $30 billion", 30.0, "billion USD"),
                     ("$31.4 billion", 31.4, "billion USD"), ("$24 billion", 24.0, "billion USD"),
                     ("$120.3 billion", 120.3, "billion USD"))
    recs[1]["qualifier"] = "lower_bound" if shown else "exact"
    return recs


def test_a_bound_is_no_part_of_a_total():
    from kb.extract.arith import _record_item

    recs = _total_records(TOTAL)
    item = _record_item(recs[1])
    assert item is not None and item.shown.startswith("≥")   # the draft reads as a bound
    assert not _of(propose(TOTAL, recs), _at(TOTAL, "$120.3 billion"))
    # the same amount stated as one value is a part
    exact = _total_records(TOTAL, shown="")
    got = _of(propose(TOTAL, exact), _at(TOTAL, "$120.3 billion"))
    assert len(got) == 1 and got[0].formula == "a + b + c + d"


# a capex table whose guided amount is a range: the change column compares the row's two amounts,
# the range giving a range of changes ("$38B" to "$60-65B" is +58% to +71%)
RANGED = ("| Company | 2024 Capex | 2025 Capex (Guided) | YoY Change |\n|---|---|---|---|\n"
          "| Alpha | $53B | $80B | +51% |\n"
          "| Beta | $38B | $60-65B | +60% |\n"
          "| Gamma | $83B | $73B | -12% |\n")


def _ranged_records(text, pct=60.0):
    recs = drafts_at(text, ("$53B", 53.0, "billion USD"), ("$80B", 80.0, "billion USD"), ("+51%", 51.0, "percent"),
                     ("$38B", 38.0, "billion USD"), ("$60-65B", 60.0, "billion USD"), (f"+{pct:.0f}%", pct, "percent"),
                     ("$83B", 83.0, "billion USD"), ("$73B", 73.0, "billion USD"), ("-12%", -12.0, "percent"))
    del recs[4]["value"]
    recs[4].update(low=60.0, high=65.0, qualifier="range")
    return recs


def test_a_change_cell_compares_a_range_with_its_rows_other_amount():
    props = propose(RANGED, _ranged_records(RANGED))
    got = _of(props, _at(RANGED, "+60%"))
    assert len(got) == 1 and got[0].formula == "a / b - 1" and got[0].verdict == "consistent"
    assert list(got[0].inputs.values()) == [_at(RANGED, "$60-65B"), _at(RANGED, "$38B")]
    # and the signed change is no share of the row's amounts ("$38B" is no "$60-65B" × 60%)
    assert not _of(props, _at(RANGED, "$38B"))


def test_a_change_cell_outside_the_ranges_changes_is_left_alone():
    text = RANGED.replace("+60%", "+90%")
    assert not _of(propose(text, _ranged_records(text, 90.0)), _at(text, "+90%"))
