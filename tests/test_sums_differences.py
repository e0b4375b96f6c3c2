"""Sums and differences an article computes, proposed by discovery (kb.extract.arith).

Each case is a short sentence of a form writers use, with the arithmetic done by hand in the
comment: a difference the words state ("saves $800", "a gap of $12", "300 W more than", "the
remaining 780 million", "you've lost $800 million") is the larger less the smaller of two
amounts at hand; a total the words or the layout state ("overall", "of whom", "between the
three", "jointly", "brings ... to", "Of $X,", a "Monthly total" row) is the sum of its parts.
Neither is proposed without the words, nor where the numbers do not make it nearly exactly.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from conftest import number_records as _recs, relation_of as _rel

from kb.extract.arith import propose
from kb.extract.drafts import drafts_document, extract_text
from kb.extract.promote import promote, write_drafts


def _sum_of(ps, target):
    return next(({*p.inputs.values()} for p in ps if p.target == target and " + " in p.formula), None)


def _linked(ps) -> set:
    return {frozenset((p.target, *p.inputs.values())) for p in ps}


# --- differences ---------------------------------------------------------------------------

def test_an_amount_the_words_state_as_a_saving_or_a_gap_is_the_larger_less_the_smaller():
    # 1,000 - 200 = 800
    text = "Running it locally costs $200 a month against $1,000 a month on the API, which saves $800 a month."
    spec = [("l", "$200 a month", 200, "USD/month"), ("a", "$1,000 a month", 1000, "USD/month"),
            ("s", "$800 a month", 800, "USD/month")]
    ps = propose(text, _recs(text, spec))
    assert _rel(ps, "s") == ("a - b", {"a": "a", "b": "l"})
    assert next(p for p in ps if p.target == "s").verdict == "consistent"
    # 15 - 3 = 12, "a gap of"; 3.5 - 2 = 1.5, "up"; 700 - 400 = 300, "more than"
    for text, spec, target in (
            ("Output costs $15 per million tokens and input $3 per million tokens, a gap of $12 per million tokens.",
             [("o", "$15 per million tokens", 15, "USD per 1M tokens"), ("i", "$3 per million tokens", 3, "USD per 1M tokens"),
              ("g", "$12 per million tokens", 12, "USD per 1M tokens")], "g"),
            ("Revenue rose from $2 billion to $3.5 billion, up $1.5 billion.",
             [("b", "$2 billion", 2e9, "USD"), ("a", "$3.5 billion", 3.5e9, "USD"), ("g", "$1.5 billion", 1.5e9, "USD")], "g"),
            ("The new card draws 700 W, 300 W more than the old card's 400 W.",
             [("a", "700 W", 700, "W"), ("g", "300 W", 300, "W"), ("b", "400 W", 400, "W")], "g")):
        ps = propose(text, _recs(text, spec))
        assert _rel(ps, target) is not None and _rel(ps, target)[0] == "a - b", text
        assert frozenset(x[0] for x in spec) in _linked(ps), text


def test_what_remains_of_a_whole_and_a_loss_across_paragraphs():
    # 800 - 20 = 780 users: a count takes counts of the same thing only
    text = "The app has 800 million weekly users, of whom 20 million pay; the other 780 million use the free tier."
    spec = [("w", "800 million", 8e8, "user"), ("p", "20 million", 2e7, "user"), ("f", "780 million", 7.8e8, "user")]
    assert frozenset(("w", "p", "f")) in _linked(propose(text, _recs(text, spec)))
    # 1,000 - 200 = 800: the revenue two paragraphs before, the cost in the loss's own
    text = ("Say a model costs $100 million and earns $200 million.\n\nThat looks fine.\n\n"
            "Then the next model costs $1,000 million. You have lost $800 million the second year.")
    spec = [("c1", "$100 million", 1e8, "USD"), ("r1", "$200 million", 2e8, "USD"),
            ("c2", "$1,000 million", 1e9, "USD"), ("l", "$800 million", 8e8, "USD")]
    assert _rel(propose(text, _recs(text, spec)), "l") == ("a - b", {"a": "c2", "b": "r1"})


def test_a_savings_column_of_amounts_is_the_difference_of_the_row_s_two_costs():
    text = ("| Setup | API | Local | Savings |\n|---|---|---|---|\n"
            "| Small | $1,000 | $200 | $800 |\n| Large | $5,000 | $1,200 | $3,800 |\n")
    spec = [("a1", "$1,000", 1000, "USD"), ("l1", "$200", 200, "USD"), ("s1", "$800", 800, "USD"),
            ("a2", "$5,000", 5000, "USD"), ("l2", "$1,200", 1200, "USD"), ("s2", "$3,800", 3800, "USD")]
    ps = propose(text, _recs(text, spec))
    assert _rel(ps, "s1") == ("a - b", {"a": "a1", "b": "l1"})
    assert _rel(ps, "s2") == ("a - b", {"a": "a2", "b": "l2"})


def test_no_difference_without_the_words_or_where_the_numbers_do_not_make_it():
    # no words that state a difference: 1,000 - 200 = 800 by chance
    text = "The small plan costs $200, the large one $1,000, and the support contract $800."
    spec = [("a", "$200", 200, "USD"), ("b", "$1,000", 1000, "USD"), ("c", "$800", 800, "USD")]
    assert propose(text, _recs(text, spec)) == []
    # the words, but 1,000 - 200 is 800, not 750: nothing (a difference is never a slip)
    text = "Running it locally costs $200 a month against $1,000 a month on the API, which saves $750 a month."
    spec = [("l", "$200 a month", 200, "USD/month"), ("a", "$1,000 a month", 1000, "USD/month"),
            ("s", "$750 a month", 750, "USD/month")]
    assert propose(text, _recs(text, spec)) == []
    # counts of different things: 800 GPUs less 20 racks is no 780 of anything
    text = "The site holds 800 GPUs in 20 racks; the other 780 GPUs are on order."
    spec = [("g", "800 GPUs", 800, "GPU"), ("r", "20 racks", 20, "rack"), ("o", "780 GPUs", 780, "GPU")]
    assert _rel(propose(text, _recs(text, spec)), "o") is None
    # numbers in steps make differences by chance: two pairs that make it, nothing
    text = "Plans cost $300, $500, $700 and $900; upgrading saves $200."
    spec = [("a", "$300", 300, "USD"), ("b", "$500", 500, "USD"), ("c", "$700", 700, "USD"),
            ("d", "$900", 900, "USD"), ("s", "$200", 200, "USD")]
    assert _rel(propose(text, _recs(text, spec)), "s") is None


def test_a_difference_kb_extract_writes_is_checked_consistent_once_promoted(tmp_path: Path):
    from kb.rules.check import check

    root = tmp_path / "kb"
    for d in ("claims", "datasets/sources", "datasets/entities", "datasets/properties"):
        (root / d).mkdir(parents=True)
    text = "Running the jobs in house costs $2,000 a month against $5,000 a month on the API, saving $3,000 a month.\n"
    (root / "datasets" / "sources" / "011_bill.txt").write_text(text, encoding="utf-8")
    (root / "datasets" / "sources" / "011_bill.yaml").write_text(
        f"id: 011_bill\ntitle: T\npublisher: P\nsha256: {hashlib.sha256(text.encode()).hexdigest()}\ntrust: web\n",
        encoding="utf-8")
    (root / "datasets" / "entities" / "e.yaml").write_text(
        "entities:\n  - {id: acme-batch, name: Acme batch jobs, kind: workload}\n", encoding="utf-8")
    (root / "datasets" / "properties" / "p.yaml").write_text(
        "properties:\n"
        "  - {id: cost-rate, name: Cost rate, description: What it costs per month, canonical_unit: USD/month}\n",
        encoding="utf-8")
    recs = drafts_document("011_bill", extract_text(text, []), text)["drafts"]
    (target,) = [r for r in recs if "derived" in r]
    assert target["value"] == 3000 and target["derived"]["formula"] == "a - b"
    for r in recs:
        r["entity"], r["property"] = "acme-batch", "cost-rate"
    write_drafts(root, "011_bill", recs)
    res = promote(root, "011_bill", [r["id"] for r in recs])
    assert len(res.relations) == 1 and not res.dropped
    (rel,) = check(root).relations
    assert rel.verdict == "consistent" and rel.formula == "a - b"
    # measured as kb extract runs: a curated difference, recovered
    from kb.tools.arithmetic import measure_pipeline

    m = measure_pipeline(check(root), {})
    assert (m["absdiffs_expressible"], m["absdiffs_found"], m["absdiffs_missed_why"]) == (1, 1, {})


# --- sums ----------------------------------------------------------------------------------

SPEC = [("a", "$80 billion", 8e10, "USD"), ("b", "$75 billion", 7.5e10, "USD"), ("c", "$65 billion", 6.5e10, "USD"),
        ("t", "$220 billion", 2.2e11, "USD")]


def test_more_words_that_state_a_total():
    # 80 + 75 + 65 = 220
    for said in ("$220 billion between the three", "for $220 billion across the three", "$220 billion overall",
                 "which they will jointly spend: $220 billion", "$220 billion collectively"):
        text = f"Firm A will spend $80 billion, firm B $75 billion and firm C $65 billion, {said}."
        assert _sum_of(propose(text, _recs(text, SPEC)), "t") == {"a", "b", "c"}, said
    text = ("Firm A will spend $80 billion. Firm B plans $75 billion. Firm C expects $65 billion. "
            "That brings the sector's capex to $220 billion.")
    assert _sum_of(propose(text, _recs(text, SPEC)), "t") == {"a", "b", "c"}
    first = [SPEC[3], *SPEC[:3]]
    for text in ("Of $220 billion, firm A spends $80 billion, firm B $75 billion and firm C $65 billion.",
                 "The $220 billion includes $80 billion for firm A, $75 billion for firm B and $65 billion for firm C.",
                 "The $220 billion splits as $80 billion for firm A, $75 billion for firm B and $65 billion for firm C."):
        assert _sum_of(propose(text, _recs(text, first)), "t") == {"a", "b", "c"}, text
    # "of whom": 20 + 780 = 800 users
    text = "The app has 800 million weekly users, of whom 20 million pay and 780 million do not."
    spec = [("t", "800 million", 8e8, "user"), ("p", "20 million", 2e7, "user"), ("f", "780 million", 7.8e8, "user")]
    assert _sum_of(propose(text, _recs(text, spec)), "t") == {"p", "f"}
    # the names between a total and its colon may hold digits ("X100s and Y200s"): 140 + 360 = 500
    text = "Last quarter the vendor shipped about 500k X100s and Y200s: 140k Y200s and 360k X100s."
    spec = [("t", "500k", 5e5, "GPU", "approx"), ("y", "140k", 1.4e5, "GPU"), ("x", "360k", 3.6e5, "GPU")]
    assert _sum_of(propose(text, _recs(text, spec)), "t") == {"y", "x"}
    # a sum written out with "≈" or "→"; "plus ..., or $X"
    for text in ("Compute costs $12,000 + storage $3,000 ≈ $15,000.", "Compute costs $12,000 + storage $3,000 → $15,000.",
                 "We spend $12,000 on compute plus $3,000 on storage, or $15,000."):
        spec = [("a", "$12,000", 12000, "USD"), ("b", "$3,000", 3000, "USD"), ("t", "$15,000", 15000, "USD")]
        assert _sum_of(propose(text, _recs(text, spec)), "t") == {"a", "b"}, text


def test_no_total_without_the_words_even_where_the_amounts_sum():
    text = "Firm A will spend $80 billion, firm B $75 billion and firm C $65 billion; firm D is worth $220 billion."
    assert _sum_of(propose(text, _recs(text, SPEC)), "t") is None
    # "for both" is a price that holds for two things, not their total
    text = "Input costs $2 and output $3; the bundle is $5 for both."
    spec = [("a", "$2", 2, "USD"), ("b", "$3", 3, "USD"), ("t", "$5", 5, "USD")]
    assert _sum_of(propose(text, _recs(text, spec)), "t") is None


def test_a_number_compared_with_is_no_part_of_the_total_it_stands_among():
    # 80 + 75 + 65 = 220; the 55 is what firm A spent before
    text = "Firm A spends $80 billion (up from $55 billion), firm B $75 billion and firm C $65 billion, $220 billion combined."
    spec = [SPEC[0], ("o", "$55 billion", 5.5e10, "USD"), *SPEC[1:]]
    assert _sum_of(propose(text, _recs(text, spec)), "t") == {"a", "b", "c"}


def test_a_total_stated_roughly_holds_its_parts_to_its_last_digit():
    # 12.3 + 7.2 = 19.5 for "about $20 million" (2.5% off; its last significant digit is the
    # tens, so up to 5%); 1.2 + 0.7 = 1.9 for "roughly $2 billion" (5% off); 18.5 and 1.8 are too far
    for text, a, b, t, ok in (
            ("The east hall took $12.3 million and the west hall $7.2 million, about $20 million combined.",
             12.3e6, 7.2e6, 20e6, True),
            ("The east hall took $12.3 million and the west hall $6.2 million, about $20 million combined.",
             12.3e6, 6.2e6, 20e6, False),
            ("The east hall took $1.2 billion and the west hall $0.7 billion, roughly $2 billion together.",
             1.2e9, 0.7e9, 2e9, True),
            ("The east hall took $1.2 billion and the west hall $0.6 billion, roughly $2 billion together.",
             1.2e9, 0.6e9, 2e9, False)):
        shown = [m for m in ("$12.3 million", "$7.2 million", "$6.2 million", "$1.2 billion", "$0.7 billion",
                             "$0.6 billion") if m in text]
        total = "$20 million" if "million" in text else "$2 billion"
        spec = [("a", shown[0], a, "USD"), ("b", shown[1], b, "USD"), ("t", total, t, "USD", "approx")]
        assert (_sum_of(propose(text, _recs(text, spec)), "t") == {"a", "b"}) is ok, text
    # stated exactly, the same total holds them to 2% only
    text = "The east hall took $12.3 million and the west hall $7.2 million, $20 million combined."
    spec = [("a", "$12.3 million", 12.3e6, "USD"), ("b", "$7.2 million", 7.2e6, "USD"), ("t", "$20 million", 20e6, "USD")]
    assert _sum_of(propose(text, _recs(text, spec)), "t") is None


def test_a_total_row_or_item_labelled_overall_or_with_a_word_before_total():
    for label in ("Overall", "**Monthly total**", "TCO", "Sum", "All"):
        text = ("| Item | Cost |\n|---|---|\n| Compute | $12,000 |\n| Storage | $3,000 |\n| Egress | $1,000 |\n"
                f"| {label} | $16,000 |\n")
        spec = [("a", "$12,000", 12000, "USD"), ("b", "$3,000", 3000, "USD"), ("c", "$1,000", 1000, "USD"),
                ("t", "$16,000", 16000, "USD")]
        assert _sum_of(propose(text, _recs(text, spec)), "t") == {"a", "b", "c"}, label
    # "Total of ..." / "total per ..." name another thing: no total row
    text = ("| Item | Cost |\n|---|---|\n| Compute | $12,000 |\n| Storage | $3,000 |\n| Egress | $1,000 |\n"
            "| Share total per user | $16,000 |\n")
    assert _sum_of(propose(text, _recs(text, spec)), "t") is None


def test_a_number_of_two_things_its_words_name_is_the_sum_of_their_numbers_stated_after_it():
    # 140 + 360 = 500 GPUs; $4 + $1 = $5 million
    text = "Last quarter the vendor shipped about 500k A100s and H100s. It sold 140k H100s and 360k A100s."
    spec = [("t", "about 500k A100s", 5e5, "GPU", "approx"), ("h", "140k H100s", 1.4e5, "GPU"),
            ("a", "360k A100s", 3.6e5, "GPU")]
    assert _sum_of(propose(text, _recs(text, spec)), "t") == {"h", "a"}
    text = "The payroll was $5 million in salaries and benefits: $4 million of salaries, $1 million of benefits."
    spec = [("t", "$5 million", 5e6, "USD"), ("s", "$4 million", 4e6, "USD"), ("b", "$1 million", 1e6, "USD")]
    assert _sum_of(propose(text, _recs(text, spec)), "t") == {"s", "b"}
    # "and" joining a verb, or parts before it: no total
    text = "The GPU costs $30,000 and draws 700 W; the server costs $10,000 and the rack $40,000."
    spec = [("g", "$30,000", 3e4, "USD"), ("w", "700 W", 700, "W"), ("s", "$10,000", 1e4, "USD"),
            ("r", "$40,000", 4e4, "USD")]
    assert _sum_of(propose(text, _recs(text, spec)), "r") is None and _sum_of(propose(text, _recs(text, spec)), "g") is None
    text = "It sold 140k H100s and 360k A100s, about 500k A100s and H100s in all of last year."
    spec = [("h", "140k H100s", 1.4e5, "GPU"), ("a", "360k A100s", 3.6e5, "GPU"),
            ("t", "about 500k A100s", 5e5, "GPU", "approx")]
    assert _sum_of(propose(text, _recs(text, spec)), "t") == {"h", "a"}   # ("in all": a total of the parts before)


def test_parts_written_out_in_items_stated_each_or_one_paragraph_each():
    # 10,000 + 3,000 + 3,000 = 16,000: each item's last amount where its working is written out
    text = ("The monthly bill comes to $16,000:\n\n- Compute: 4 nodes at $2,500 = $10,000\n"
            "- Storage: 30 TB at $100 = $3,000\n- Egress: $3,000\n")
    spec = [("t", "$16,000", 16000, "USD"), ("n", "4 nodes", 4, "node"), ("p", "$2,500", 2500, "USD"),
            ("c", "$10,000", 10000, "USD"), ("v", "30 TB", 30, "TB"), ("q", "$100", 100, "USD"),
            ("s", "$3,000", 3000, "USD"), ("e", "$3,000", 3000, "USD")]
    assert _sum_of(propose(text, _recs(text, spec)), "t") == {"c", "s", "e"}
    # a price of each of several among the parts is none of them
    text = "Compute runs $10,000, with 4 nodes at $2,500 each, storage $3,000 and egress $3,000, for a total of $16,000."
    spec = [("c", "$10,000", 10000, "USD"), ("n", "4 nodes", 4, "node"), ("p", "$2,500", 2500, "USD"),
            ("s", "$3,000", 3000, "USD"), ("e", "$3,000", 3000, "USD"), ("t", "$16,000", 16000, "USD")]
    assert _sum_of(propose(text, _recs(text, spec)), "t") == {"c", "s", "e"}
    # one paragraph each, then the total
    text = "**Compute**: $10,000\n\n**Storage**: $3,000\n\n**Egress**: $3,000\n\n**Total**: $16,000\n"
    spec = [("c", "$10,000", 10000, "USD"), ("s", "$3,000", 3000, "USD"), ("e", "$3,000", 3000, "USD"),
            ("t", "$16,000", 16000, "USD")]
    assert _sum_of(propose(text, _recs(text, spec)), "t") == {"c", "s", "e"}


def test_a_difference_written_out_and_more_words_that_state_one():
    # 5,000 - 1,200 = 3,800, written with a spaced hyphen, a minus sign or "minus"
    for text in ("Per run, $5,000 - $1,200 = $3,800.", "Per run, $5,000 − $1,200 = $3,800.",
                 "The API bill of $5,000 minus the $1,200 GPU bill is $3,800."):
        spec = [("a", "$5,000", 5000, "USD"), ("b", "$1,200", 1200, "USD"), ("t", "$3,800", 3800, "USD")]
        ps = propose(text, _recs(text, spec))
        assert _rel(ps, "t") == ("a - b", {"a": "a", "b": "b"}), text
        assert next(p for p in ps if p.target == "t").how == "written"
    # a range ("$5-7") is no subtraction; a result that does not agree is no relation
    for text, spec in (("Plans run $5-7 and setup is $2.", [("r", "$5-7", (5, 7), "USD"), ("t", "$2", 2, "USD")]),
                       ("Per run, $5,000 - $1,200 = $3,300.", [("a", "$5,000", 5000, "USD"),
                                                               ("b", "$1,200", 1200, "USD"),
                                                               ("t", "$3,300", 3300, "USD")])):
        recs = _recs(text, [x for x in spec if not isinstance(x[2], tuple)])
        assert _rel(propose(text, recs), "t") is None, text
    # 8.7 - 3.7 = 5, "a shortfall of"; 800 - 20 = 780, "non-paying" within the number's words
    text = "Revenue of $3.7 billion against costs of $8.7 billion leaves a shortfall of $5 billion."
    spec = [("r", "$3.7 billion", 3.7e9, "USD"), ("c", "$8.7 billion", 8.7e9, "USD"), ("t", "$5 billion", 5e9, "USD")]
    assert _rel(propose(text, _recs(text, spec)), "t") == ("a - b", {"a": "c", "b": "r"})
    text = "It has 800 million users; 780 million non-paying users get the free tier while 20 million pay."
    spec = [("w", "800 million users", 8e8, "user"), ("f", "780 million non-paying users", 7.8e8, "user"),
            ("p", "20 million", 2e7, "user")]
    assert _rel(propose(text, _recs(text, spec)), "f") == ("a - b", {"a": "w", "b": "p"})


def test_a_difference_stated_before_its_sides_in_the_paragraphs_after():
    # 10 - 2 = 8: the loss first, the year's revenue and spending after it
    text = ("So far you have lost $8 billion in the third year.\n\nThe pattern goes on:\n"
            ">In that year you get $2 billion of revenue.\n\n>And you spend $10 billion on the next model.")
    spec = [("l", "$8 billion", 8e9, "USD"), ("r", "$2 billion", 2e9, "USD"), ("c", "$10 billion", 1e10, "USD")]
    assert _rel(propose(text, _recs(text, spec)), "l") == ("a - b", {"a": "c", "b": "r"})


def test_the_rest_of_a_whole_and_its_part_stated_paragraphs_before():
    # 800 - 20 = 780: the split ("of which") stated paragraphs before the remainder its words state
    filler = "Nothing here counts users; the free tier is a strategic choice that both labs make.\n\n" * 8
    text = ("ChatGPT has over 800 million weekly active users, of which roughly 20 million are paid subscribers.\n\n"
            + filler + "So it must spend billions to serve 780 million non-paying users.")
    spec = [("w", "800 million weekly active users", 8e8, "user", "lower_bound"),
            ("p", "20 million", 2e7, "user", "approx"), ("f", "780 million non-paying users", 7.8e8, "user")]
    assert len(text) > 800   # beyond the window of the sides at hand
    assert _rel(propose(text, _recs(text, spec)), "f") == ("a - b", {"a": "w", "b": "p"})
    # no difference word at the amount, or a remainder the split does not make: nothing
    for tail, value in (("So it must serve 780 million users.", 7.8e8),
                        ("So it must spend billions to serve 760 million non-paying users.", 7.6e8)):
        t2 = text[:text.rindex("So it")] + tail
        shown = tail[tail.index(str(int(value / 1e6))):].rstrip(".")
        spec2 = spec[:2] + [("f", shown, value, "user")]
        assert _rel(propose(t2, _recs(t2, spec2)), "f") is None, tail
    # two splits that both make it: ambiguous, nothing
    t3 = ("Site A has 800 million visits, of which 20 million convert.\n\n" + filler
          + "Site B has 790 million visits, of which 10 million convert.\n\n" + filler
          + "That leaves 780 million other visits.")
    spec3 = [("a", "800 million visits", 8e8, "visit"), ("ap", "20 million", 2e7, "visit"),
             ("b", "790 million visits", 7.9e8, "visit"), ("bp", "10 million", 1e7, "visit"),
             ("f", "780 million other visits", 7.8e8, "visit")]
    assert _rel(propose(t3, _recs(t3, spec3)), "f") is None


def test_a_split_written_a_slash_b_is_the_two_parts_of_the_total_before_it():
    # 30 / 59 = 50.8% and 29 / 59 = 49.2%: "nearly 50/50", the first share the first part's
    head = "### Capex\n\nOne MW costs approximately **$59 million** in total.\n\n"
    items = ("- **IT (≈50%)**: ~$30 million  \n  The GPUs and the network.\n\n"
             "- **Facility (≈50%)**: ~$29 million  \n  The building, cooling and power.\n\n")
    filler = "Lead times for transformers run for years and the shells take long to build as well.\n\n" * 4
    text = head + items + filler + "The split is nearly 50/50 between compute and everything else."
    spec = [("t", "$59 million", 59e6, "USD", "approx"), ("ps", "≈50%", 50, "percent", "approx"),
            ("a", "~$30 million", 30e6, "USD", "approx"), ("qs", "≈50%", 50, "percent", "approx"),
            ("b", "~$29 million", 29e6, "USD", "approx"), ("s1", "nearly 50", 50, "percent", "approx"),
            ("s2", "50", 50, "percent", "approx")]
    ps = propose(text, _recs(text, spec))
    assert _sum_of(ps, "t") == {"a", "b"}
    assert _rel(ps, "s1") == ("a / b", {"a": "a", "b": "t"})
    assert _rel(ps, "s2") == ("a / b", {"a": "b", "b": "t"})
    # a split the parts do not make ("70/30"), or one under another heading: nothing
    for tail, sep in (("The split is nearly 70/30 between compute and everything else.", ""),
                      ("The split is nearly 50/50 between compute and everything else.", "## Elsewhere\n\n")):
        t2 = head + items + filler + sep + tail
        a_, b_ = tail.split("nearly ")[1].split(" ")[0].split("/")
        spec2 = spec[:5] + [("s1", "nearly " + a_, float(a_), "percent", "approx"),
                            ("s2", b_ + " between", float(b_), "percent", "approx")]
        ps2 = propose(t2, _recs(t2, spec2))
        assert _rel(ps2, "s1") is None and _rel(ps2, "s2") is None, tail


def test_more_words_and_headers_that_state_a_difference():
    # 8.7 - 3.7 = 5 billion: burned; 800 - 20 = 780: the others
    text = "The lab burned $5 billion, spending $8.7 billion against $3.7 billion of revenue."
    spec = [("t", "$5 billion", 5e9, "USD"), ("c", "$8.7 billion", 8.7e9, "USD"), ("r", "$3.7 billion", 3.7e9, "USD")]
    assert _rel(propose(text, _recs(text, spec)), "t") == ("a - b", {"a": "c", "b": "r"})
    text = "Of 800 million users, 20 million pay; the others, 780 million, do not."
    spec = [("w", "800 million", 8e8, "user"), ("p", "20 million", 2e7, "user"), ("f", "780 million", 7.8e8, "user")]
    assert frozenset(("w", "p", "f")) in _linked(propose(text, _recs(text, spec)))
    # a "Net loss" or "Δ" column: each row's cell is the difference of its two amounts
    for head in ("Net loss", "Δ"):
        text = (f"| Year | Revenue | Costs | {head} |\n|---|---|---|---|\n| 2024 | $3.7B | $8.7B | $5B |\n"
                "| 2025 | $12B | $20B | $8B |\n")
        spec = [("r1", "$3.7B", 3.7e9, "USD"), ("c1", "$8.7B", 8.7e9, "USD"), ("l1", "$5B", 5e9, "USD"),
                ("r2", "$12B", 1.2e10, "USD"), ("c2", "$20B", 2e10, "USD"), ("l2", "$8B", 8e9, "USD")]
        ps = propose(text, _recs(text, spec))
        assert _rel(ps, "l1") == ("a - b", {"a": "c1", "b": "r1"}) and _rel(ps, "l2") == ("a - b", {"a": "c2", "b": "r2"})


def test_a_breakdown_after_a_colon_with_words_first_a_multi_year_column_and_amounts_to():
    # 8,000 + 2,000 = 10,000: "($10,000)**: GPUs $8,000 and CPUs $2,000"
    text = "- **Compute ($10,000)**: GPUs $8,000 and CPUs $2,000\n- **Storage ($3,000)**: disks $2,500 and tape $500\n"
    spec = [("c", "$10,000", 10000, "USD"), ("g", "$8,000", 8000, "USD"), ("p", "$2,000", 2000, "USD"),
            ("s", "$3,000", 3000, "USD"), ("d", "$2,500", 2500, "USD"), ("b", "$500", 500, "USD")]
    ps = propose(text, _recs(text, spec))
    assert _sum_of(ps, "c") == {"g", "p"} and _sum_of(ps, "s") == {"d", "b"}
    # a "3-year" column: each row's cells to its left; 8 + 8 + 8 = 24, 2 + 2.5 + 3 = 7.5
    text = ("| Component | Year 1 | Year 2 | Year 3 | 3-year |\n|---|---|---|---|---|\n"
            "| GPUs | $8,000 | $8,000 | $8,000 | $24,000 |\n| Power | $2,000 | $2,500 | $3,000 | $7,500 |\n")
    spec = [("g1", "$8,000", 8000, "USD"), ("g2", "$8,000", 8000, "USD"), ("g3", "$8,000", 8000, "USD"),
            ("g", "$24,000", 24000, "USD"), ("p1", "$2,000", 2000, "USD"), ("p2", "$2,500", 2500, "USD"),
            ("p3", "$3,000", 3000, "USD"), ("p", "$7,500", 7500, "USD")]
    ps = propose(text, _recs(text, spec))
    assert _sum_of(ps, "g") == {"g1", "g2", "g3"} and _sum_of(ps, "p") == {"p1", "p2", "p3"}
    text = "Compute at $10 and storage at $6 amounts to $16."
    spec = [("a", "$10", 10, "USD"), ("b", "$6", 6, "USD"), ("t", "$16", 16, "USD")]
    assert _sum_of(propose(text, _recs(text, spec)), "t") == {"a", "b"}


def test_a_total_row_labelled_in_its_second_cell_after_a_rank():
    # 12,000 + 3,000 + 1,000 = 16,000; the first cell a rank, empty on the total row
    text = ("| # | Item | Cost |\n|---|---|---|\n| 1 | Compute | $12,000 |\n| 2 | Storage | $3,000 |\n"
            "| 3 | Egress | $1,000 |\n|  | **Total** | $16,000 |\n")
    spec = [("a", "$12,000", 12000, "USD"), ("b", "$3,000", 3000, "USD"), ("c", "$1,000", 1000, "USD"),
            ("t", "$16,000", 16000, "USD")]
    assert _sum_of(propose(text, _recs(text, spec)), "t") == {"a", "b", "c"}


def test_a_missed_relation_s_detail_says_whether_it_holds_and_how_far_apart():
    from types import SimpleNamespace

    from kb.tools.arithmetic import _miss_detail

    text = "The A100 does 312 TFLOPS.\n\nUnrelated words.\n\n| GPU | TFLOPS |\n|---|---|\n| H100 | 990 |\n\nSo about 3x.\n"
    members = [SimpleNamespace(start=text.index(x)) for x in ("312", "990", "3x")]
    d = _miss_detail(text, members, "consistent")
    assert d.startswith("holds; its numbers ") and "3 paragraph breaks apart" in d and d.endswith("one in a table")
    assert _miss_detail(text, members[:1], "misses").startswith("misses at the checker; its numbers 0 characters")
    assert _miss_detail(text, [], None) == ""
