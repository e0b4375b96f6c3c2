"""disc70: arithmetic discovery recall (kb.extract.arith), each rule built on a short quote (a
paraphrase of the kind of text that showed the gap)."""
from __future__ import annotations

from kb.extract.arith import propose

from conftest import drafts_at


def _at(text: str, raw: str, after: int = 0) -> str:
    return f"t-at{text.index(raw, after)}"


def _of(props: list, target: str) -> list:
    return [p for p in props if p.target == target]


# a cost comparison's last table: the 5-year TCO row is the sum of the rows above it, in each column
TCO = ("| Metric | Plan A | Plan B |\n|---|---|---|\n"
       "| Initial CapEx | $1,000,000 | $800,000 |\n"
       "| 5-year OpEx | $2,000,000 | $1,500,000 |\n"
       "| Replacement reserve | $100,000 | $80,000 |\n"
       "| **5-year TCO** | **$3,100,000** | **$2,380,000** |\n")


def test_a_tco_row_named_after_its_period_is_a_total_row():
    records = drafts_at(TCO, ("$1,000,000", 1_000_000, "USD"), ("$800,000", 800_000, "USD"),
                        ("$2,000,000", 2_000_000, "USD"), ("$1,500,000", 1_500_000, "USD"),
                        ("$100,000", 100_000, "USD"), ("$80,000", 80_000, "USD"),
                        ("$3,100,000", 3_100_000, "USD"), ("$2,380,000", 2_380_000, "USD"))
    props = propose(TCO, records)
    for total, parts in (("$3,100,000", ("$1,000,000", "$2,000,000", "$100,000")),
                         ("$2,380,000", ("$800,000", "$1,500,000", "$80,000"))):
        got = _of(props, _at(TCO, total))
        assert len(got) == 1 and got[0].verdict == "consistent" and got[0].formula == "a + b + c"
        assert set(got[0].inputs.values()) == {_at(TCO, x) for x in parts}


def test_a_tco_row_that_is_no_sum_is_not_proposed_as_one():
    text = TCO.replace("$3,100,000", "$3,900,000").replace("$2,380,000", "$2,900,000")
    records = drafts_at(text, ("$1,000,000", 1_000_000, "USD"), ("$800,000", 800_000, "USD"),
                        ("$2,000,000", 2_000_000, "USD"), ("$1,500,000", 1_500_000, "USD"),
                        ("$100,000", 100_000, "USD"), ("$80,000", 80_000, "USD"),
                        ("$3,900,000", 3_900_000, "USD"), ("$2,900,000", 2_900_000, "USD"))
    props = propose(text, records)
    assert not _of(props, _at(text, "$3,900,000")) and not _of(props, _at(text, "$2,900,000"))


# a homelab write-up: an open ratio whose bracket states its two sides
VS = "Use batch processing: 2x+ efficiency gains are possible (91.7 vs 41.6 tokens/Wh in my testing).\n"


def _vs_records(text, first="91.7", second="41.6"):
    records = drafts_at(text, ("2x+", 2, "x"), (first, float(first), "token/Wh"),
                        (f"{second} tokens/Wh", float(second), "token/Wh"))
    records[0]["qualifier"] = "lower_bound"
    return records


def test_an_open_ratio_takes_the_two_sides_its_bracket_compares():
    got = _of(propose(VS, _vs_records(VS)), _at(VS, "2x+"))
    assert len(got) == 1 and got[0].verdict == "consistent" and got[0].formula == "a / b"
    assert got[0].inputs == {"a": _at(VS, "91.7"), "b": _at(VS, "41.6")}


def test_a_bracket_whose_quotient_is_beyond_the_ratio_is_no_side():
    text = VS.replace("41.6", "21.6")   # 4.2x: not "2x+" as a writer rounds it
    assert not _of(propose(text, _vs_records(text, second="21.6")), _at(text, "2x+"))


def test_a_point_ratio_takes_its_bracketed_sides_as_rounded():
    text = "The new card is roughly 3x faster (912 vs 312 tokens/s) in our tests.\n"

    def records(t):
        recs = drafts_at(t, ("3x", 3, "x"), ("912", 912, "token/s"), ("312 tokens/s", 312, "token/s"))
        recs[0]["qualifier"] = "approx"
        return recs
    got = _of(propose(text, records(text)), _at(text, "3x"))
    assert len(got) == 1 and got[0].verdict == "consistent"
    assert got[0].inputs == {"a": _at(text, "912"), "b": _at(text, "312")}
    # no comparison between them ("and"), no sides
    text2 = text.replace(" vs ", " and ")
    assert not _of(propose(text2, records(text2)), _at(text2, "3x"))


# a quarterly analysis: "A plus B" states the sum of two rows of the table above it
CASH = ("| Metric | Value | Period |\n|---|---|---|\n"
        "| Cash & Cash Equivalents | $1,894.4M | 9/30/2025 |\n"
        "| Restricted Cash (current) | $596.8M | 9/30/2025 |\n"
        "| Total Debt | $14,034.9M | 9/30/2025 |\n\n"
        "- Cash plus restricted cash sits at $2.49B, bolstered by recent debt raises.\n")


def _cash_records(text, total="$2.49B", value=2.49):
    return drafts_at(text, ("$1,894.4M", 1894.4, "million USD"), ("$596.8M", 596.8, "million USD"),
                     ("$14,034.9M", 14034.9, "million USD"), (total, value, "billion USD"))


def test_a_plus_b_sums_the_two_amounts_their_labels_name():
    got = _of(propose(CASH, _cash_records(CASH)), _at(CASH, "$2.49B"))
    assert len(got) == 1 and got[0].verdict == "consistent" and got[0].formula == "a + b"
    assert set(got[0].inputs.values()) == {_at(CASH, "$1,894.4M"), _at(CASH, "$596.8M")}


def test_a_plus_b_that_misses_the_sum_or_names_no_row_is_nothing():
    text = CASH.replace("$2.49B", "$2.90B")
    assert not _of(propose(text, _cash_records(text, "$2.90B", 2.90)), _at(text, "$2.90B"))
    text = CASH.replace("restricted cash sits", "marketable securities sits")
    assert not _of(propose(text, _cash_records(text)), _at(text, "$2.49B"))


# a fund's holdings table: its "Subtotal" row of weights is the sum of the weights above it
WEIGHTS = ("| Holding | Weight | Role |\n|---|---|---|\n"
           "| Taiwan Semiconductor | 3.18% | Makes chips |\n"
           "| ASML Holding | 1.19% | Lithography |\n"
           "| Samsung Electronics | 0.92% | Memory chips |\n"
           "| **Subtotal AI-adjacent** | ~5.3% | |\n")


def _weight_records(text, total="~5.3%", value=5.3):
    records = drafts_at(text, ("3.18%", 3.18, "percent"), ("1.19%", 1.19, "percent"), ("0.92%", 0.92, "percent"),
                        (total, value, "percent"))
    records[-1]["qualifier"] = "approx"
    return records


def test_a_subtotal_row_of_percentages_sums_the_shares_above_it():
    got = _of(propose(WEIGHTS, _weight_records(WEIGHTS)), _at(WEIGHTS, "~5.3%"))
    assert len(got) == 1 and got[0].verdict == "consistent" and got[0].formula == "a + b + c"
    assert set(got[0].inputs.values()) == {_at(WEIGHTS, x) for x in ("3.18%", "1.19%", "0.92%")}
    # a total row of multipliers sums nothing ("| Total | 5.3x |" over 3.18x, 1.19x, 0.92x)
    text = WEIGHTS.replace("%", "x")
    records = drafts_at(text, ("3.18x", 3.18, "x"), ("1.19x", 1.19, "x"), ("0.92x", 0.92, "x"), ("~5.3x", 5.3, "x"))
    assert not [p for p in _of(propose(text, records), _at(text, "~5.3x")) if p.formula == "a + b + c"]


# a rented-GPU walkthrough: the intro's total is a count times the card's memory in a table further down
RENTED = ("I rented four RTX Pro 6000 GPUs for a total of 384 GB of VRAM.\n\n"
          "Prices on the marketplace:\n\n| GPU | Price | Memory |\n|---|---|---|\n"
          "| H100 SXM | $1.87 | 80 GB |\n| RTX Pro 6000 | $1.01 | 96 GB |\n")


def _rented_records(text):
    records = drafts_at(text, ("four", 4, "GPU"), ("384 GB", 384, "GB"), ("$1.87", 1.87, "USD/hour"),
                        ("80 GB", 80, "GB"), ("$1.01", 1.01, "USD/hour"), ("96 GB", 96, "GB"))
    for r, entity, prop in zip(records, (None, "rtx-pro-6000", "h100-sxm", "h100-sxm", "rtx-pro-6000", "rtx-pro-6000"),
                               ("gpu-count", "memory-capacity", "rental-price", "memory-capacity", "rental-price",
                                "memory-capacity")):
        r["entity"], r["property"] = entity, prop
    return records


def test_a_stated_total_is_a_count_times_the_one_amount_of_its_thing_stated_anywhere():
    got = _of(propose(RENTED, _rented_records(RENTED)), _at(RENTED, "384 GB"))
    assert len(got) == 1 and got[0].verdict == "consistent" and got[0].formula == "a * b"
    assert got[0].inputs == {"a": _at(RENTED, "four"), "b": _at(RENTED, "96 GB")}


def test_an_amount_not_stated_as_a_total_takes_no_amount_from_afar():
    text = RENTED.replace("for a total of 384 GB", "with 384 GB")
    assert not _of(propose(text, _rented_records(text)), _at(text, "384 GB"))


# a chatbot cost estimate: an amount, "an additional" one, then their sum ("So, ...")
ADDED = ("Each message holds about 200 tokens and an additional 100 tokens are used for prompting. "
         "So, 300 tokens for the input.\n")


def _added_records(text, total="300 tokens", value=300):
    return drafts_at(text, ("200 tokens", 200, "token"), ("100 tokens", 100, "token"), (total, value, "token"))


def test_an_amount_and_an_additional_one_make_the_sum_stated_next():
    got = _of(propose(ADDED, _added_records(ADDED)), _at(ADDED, "300 tokens"))
    assert len(got) == 1 and got[0].verdict == "consistent" and got[0].formula == "a + b"
    assert set(got[0].inputs.values()) == {_at(ADDED, "200 tokens"), _at(ADDED, "100 tokens")}


def test_an_additional_amount_beside_a_number_that_is_no_sum_is_nothing():
    text = ADDED.replace("So, 300 tokens", "So, 350 tokens")
    assert not _of(propose(text, _added_records(text, "350 tokens", 350)), _at(text, "350 tokens"))


def test_a_bracket_from_one_number_to_another_states_the_sides_once():
    text = "The rewrite made the solver 59x faster (218 s to 3.7 s) with identical output.\n"
    records = drafts_at(text, ("59x", 59, "x"), ("218 s", 218, "s"), ("3.7 s", 3.7, "s"))
    props = [p for p in propose(text, records) if _at(text, "59x") in (p.target, *p.inputs.values())]
    # one relation of the three numbers, in one orientation
    assert len(props) == 1 and props[0].verdict == "consistent"
    assert {props[0].target, *props[0].inputs.values()} == {_at(text, x) for x in ("59x", "218 s", "3.7 s")}
    text = "Haiku is 3x cheaper (2 vs 9 seconds a call, $1 vs $3 per million tokens).\n"
    records = drafts_at(text, ("3x", 3, "x"), ("2", 2, "s"), ("9 seconds", 9, "s"), ("$1", 1, "USD/Mtoken"),
                        ("$3 per million tokens", 3, "USD/Mtoken"))
    # four numbers in the bracket: which two it compares is not said
    assert not _of(propose(text, records), _at(text, "3x"))
