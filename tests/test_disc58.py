"""disc58: discovery of relations the drafts hold but discovery missed (kb.extract.arith), each
rule built on a short quote of the development article that showed the gap."""
from __future__ import annotations

from dataclasses import replace
from functools import partial

import pytest

from kb.extract.arith import discover, propose
from test_discovery import items


def _with_props(its, props: dict):
    return [replace(it, prop=props.get(it.id)) for it in its]


def _records(text: str, *spec):
    """Draft-like records at the first place each raw text stands: (id, raw, value, unit,
    qualifier, property)."""
    out, pos = [], 0
    for ident, raw, value, unit, qualifier, prop in spec:
        s = text.index(raw, pos)
        pos = s + len(raw)
        rec = {"id": ident, "span_start": s, "span_end": s + len(raw), "value": value, "unit": unit,
               "qualifier": qualifier, "property": prop}
        if isinstance(value, tuple):
            rec.update(value=None, low=value[0], high=value[1])
        out.append(rec)
    return out


# r109 (a homelab's power monitoring): three modes' efficiencies in lists, then "more than
# doubled" two paragraphs below (91.7 / 41.6 = 2.2): a bound whose next step (3x) is far above
# it meets many a pair by chance ("over 60% of GDP", ">2x" elsewhere): no relation
BATCHING = ("Interactive mode:\n- Total tokens: 12,400\n- Efficiency: 41.6 tokens/Wh\n\n"
            "Batch mode:\n- Total tokens: 28,900\n- Efficiency: 91.7 tokens/Wh\n\n"
            "Continuous generation:\n- Total tokens: 34,200\n- Efficiency: 107.2 tokens/Wh\n\n"
            "Batching queries more than doubled efficiency.\n")


def _batching(text: str):
    return _records(text, ("n1", "12,400", 12400, "token", "exact", "text-tokens"),
                    ("e1", "41.6 tokens/Wh", 41.6, "token/Wh", "exact", "tokens-per-energy"),
                    ("n2", "28,900", 28900, "token", "exact", "text-tokens"),
                    ("e2", "91.7 tokens/Wh", 91.7, "token/Wh", "exact", "tokens-per-energy"),
                    ("n3", "34,200", 34200, "token", "exact", "text-tokens"),
                    ("e3", "107.2 tokens/Wh", 107.2, "token/Wh", "exact", "tokens-per-energy"),
                    ("r", "more than doubled", 2, "x", "lower_bound", "ratio"))


# r50 (Nvidia's quarter): the revenue four paragraphs up, the segment's revenue and its share
# "more than 91%" in one paragraph (62.3 / 68.13 = 91.4%); the guidance's two figures with the
# properties the drafter gives them (else 66.21 / 72.6 = 91.2% is a second pair, and nothing)
SEGMENT = ("Revenue of $68.13 billion versus $66.21 billion estimated. And the guidance? **$78 billion** for next "
           "quarter, against the $72.6 billion analysts had projected.\n\n"
           "Read that again: the company beat the forward revenue expectation by **more than $5 billion**.\n\n"
           "Damn. Welcome to the new normal.\n\n## The Money-Printing Machine Called Data Center\n\n"
           "The data center segment delivered $62.3 billion in revenue. Growth of 75% year over year. "
           "Representing more than 91% of the company's total revenue.\n")


def _segment(text: str, share=("more than 91%", 91)):
    return _records(text, ("rev", "$68.13 billion", 68.13, "billion USD", "exact", "revenue"),
                    ("est", "$66.21 billion", 66.21, "billion USD", "exact", "revenue"),
                    ("g", "$78 billion", 78, "billion USD", "exact", "capex"),
                    ("gest", "$72.6 billion", 72.6, "billion USD", "exact", "investment"),
                    ("beat", "more than $5 billion", 5, "billion USD", "lower_bound", "revenue"),
                    ("dc", "$62.3 billion", 62.3, "billion USD", "exact", "revenue"),
                    ("growth", "75%", 75, "percent", "exact", "change"),
                    ("s", share[0], share[1], "percent", "lower_bound", "share"))


# r71 (Gemini's image costs): a table of token counts, rates and costs, then "over 98%" below
# it: the bound is no input, and the rows keep their own relations
COSTS = ("| Item | Tokens | Rate | Cost |\n|------|--------|------|------|\n"
         "| Input text (prompt) | ~200 | $1.25/1M | $0.00025 |\n"
         "| **Output image** | **~8,000** | **$16.875/1M** | **$0.135** |\n\n"
         "Output image tokens account for over 98% of the cost.\n")


def test_a_lower_bound_share_is_no_input():
    recs = _records(COSTS, ("n1", "~200", 200, "token", "approx", "text-tokens"),
                    ("r1", "$1.25/1M", 1.25, "USD per 1M tokens", "exact", "token-price"),
                    ("c1", "$0.00025", 0.00025, "USD", "exact", "workload-cost"),
                    ("n2", "~8,000", 8000, "token", "approx", "text-tokens"),
                    ("r2", "$16.875/1M", 16.875, "USD per 1M tokens", "exact", "token-price"),
                    ("c2", "$0.135", 0.135, "USD", "exact", "workload-cost"),
                    ("s", "over 98%", 98, "percent", "lower_bound", "share"))
    got = propose(COSTS, recs)
    assert all("s" not in p.inputs.values() for p in got)
    assert {p.target: set(p.inputs.values()) for p in got}["c2"] == {"n2", "r2"}


# r73 (CoreWeave's quarter): a metrics table's margin row is the quotient of two cells of its
# column (838.1 / 1,364.7 = 61%), not one less the prose's restated revenue over the TTM revenue
METRICS = ("| Metric | Value | Period |\n|--------|-------|--------|\n"
           "| Revenue | $1,364.7M | Q3 2025 |\n| Operating Income | $51.9M | Q3 2025 |\n"
           "| Adjusted EBITDA | $838.1M | Q3 2025 |\n| Adjusted EBITDA Margin | 61% | Q3 2025 |\n"
           "| Revenue (TTM) | $3.53B | TTM |\n\n"
           "- Revenue accelerated to $1.365B with broad-based AI infrastructure demand.\n")


def _metrics(text: str):
    return items(text, ("rev", "$1,364.7M", 1364.7, "million USD"), ("op", "$51.9M", 51.9, "million USD"),
                 ("e", "$838.1M", 838.1, "million USD"), ("m", "61%", 61, "percent"),
                 ("ttm", "$3.53B", 3.53, "billion USD"), ("rev2", "$1.365B", 1.365, "billion USD"))


# r119 (notes on the KV cache): the A100's memory in the bullet before, three GPUs' memory in
# the next; r68 (a really big computer): a wafer's price a paragraph before the wafers bought
KV = ("* lets say A100 has 40gb VRAM\n\n"
      "* given the model params , to get size in bytes, mutiply params by 2 , 52 billion * 2 = 104e12 =~ 104 gb\n"
      "\t- so if we had 3 gpus, 120gb of vram , we have 16 gb left for kv_cache\n")
WAFERS = ("It costs $20,000 for a 3nm wafer from TSMC. Wafer scale compute probably makes sense. I get 89 600mm^2 "
          "dies, so let's say I can get 100 PFLOPS from a 3nm wafer. Cerebras doesn't tell you their FLOPS, but it's "
          "62.5 PFLOPS on a 7nm wafer, which makes me think I could get over 100 on 3nm. But 100 conservatively. "
          "Also, my wafers will be circles, not lame squares.\n\n"
          "It's $7 for a TFLOP on AMD. It's $0.20 for a TFLOP on my wafers. We are in the much more reasonable "
          "land of $69M for my computer, buying 3450 wafers.\n")


def _wafers(text: str):
    return items(text, ("price", "$20,000", 20000, "USD"), ("dies", "89", 89, "item"),
                 ("pf", "100 PFLOPS", 100, "PFLOPS"), ("c", "62.5 PFLOPS", 62.5, "PFLOPS"),
                 ("over", "100", 100, "PFLOPS"), ("cons", "100", 100, "PFLOPS"), ("amd", "$7", 7, "USD/TFLOPS"),
                 ("mine", "$0.20", 0.2, "USD/TFLOPS"), ("cost", "$69M", 69, "million USD"), ("n", "3450 wafers", 3450, "item"))


def test_a_total_is_a_count_times_one_things_amount_stated_before():
    # (the numbers as drafted: "52 billion * 2" is working no draft reads, "=~ 104 gb" is about 104)
    its = items(KV, ("m", "40gb", 40, "GB"), ("w", "104 gb", (93.6, 114.4), "GB"), ("n", "3 gpus", 3, "GPU"),
                ("tot", "120gb", 120, "GB"), ("left", "16 gb", 16, "GB"))
    got = {p.target: p for p in discover(KV, its)}
    assert (got["tot"].formula, got["tot"].inputs, got["tot"].verdict) == ("a * b", {"a": "n", "b": "m"}, "consistent")
    got = {p.target: p for p in discover(WAFERS, _wafers(WAFERS))}
    assert (got["cost"].formula, got["cost"].inputs) == ("a * b", {"a": "n", "b": "price"})


# r139 (833x): the headline's "$8,333 per million tokens", worked out two paragraphs below and
# stated again there: the relation found for the restatement, solved for the headline
WORKER = ("I ran the math, and the answer stopped me cold: **$8,333 per million tokens**.\n\n"
          "Here's how that breaks down. The average knowledge worker processes about 36,000 words per day. Convert "
          "that to tokens, and you get roughly 48,000 tokens daily.\n\n"
          "At a $100,000 salary across 250 working days, that's $400 per day of human cognition. Divide by those "
          "48,000 tokens, scale it up, and you land at $8,333 per million tokens.\n")


def _worker(text: str):
    return _records(text, ("head", "$8,333 per million tokens", 8333, "USD per 1M tokens", "exact", "token-price"),
                    ("w", "about 36,000 words", 36000, "word", "approx", "text-words"),
                    ("k", "roughly 48,000 tokens daily", 48000, "token/day", "approx", "token-volume"),
                    ("sal", "$100,000", 100000, "USD/year", "exact", "salary"),
                    ("day", "$400 per day", 400, "USD/day", "exact", "cost-rate"),
                    ("k2", "48,000 tokens", 48000, "token", "exact", "text-tokens"),
                    ("again", "$8,333 per million tokens", 8333, "USD per 1M tokens", "exact", "token-price"))


def test_a_round_restated_quantity_takes_nothing():
    # "$8,000" (one significant digit) stated twice is as often two amounts
    text = WORKER.replace("$8,333", "$8,000").replace("$400 per day", "$384 per day")
    recs = _records(text, ("head", "$8,000 per million tokens", 8000, "USD per 1M tokens", "exact", "token-price"),
                    ("k", "roughly 48,000 tokens daily", 48000, "token/day", "approx", "token-volume"),
                    ("day", "$384 per day", 384, "USD/day", "exact", "cost-rate"),
                    ("again", "$8,000 per million tokens", 8000, "USD per 1M tokens", "exact", "token-price"))
    got = {p.target: p for p in propose(text, recs)}
    assert "head" not in got and set(got["day"].inputs.values()) == {"again", "k"}


# r08 (pricing and costs): a break-even block's API cost, then the saving and its share "= 37%"
# two blocks down (9,240 / 25,000 = 36.96%)
BREAK_EVEN = ("API cost at scale:\n- 1M requests/month\n- 2,500 tokens average\n- GPT-4o: ~$25,000/month\n\n"
              "Self-hosted equivalent (Llama 70B):\n- 4x H100 80GB: ~$12/hour × 730 = $8,760/month\n"
              "- Engineering time: $5,000/month (0.5 FTE)\n- Ops overhead: $2,000/month\n- Total: ~$15,760/month\n\n"
              "Savings: $9,240/month = 37%\n")


def _break_even(text: str, share=("37%", 37)):
    return _records(text, ("req", "1M requests/month", 1, "million query/month", "exact", "workload-requests"),
                    ("tok", "2,500 tokens", 2500, "token", "exact", "text-tokens"),
                    ("api", "~$25,000/month", 25000, "USD/month", "approx", "cost-rate"),
                    ("n", "4x", 4, "GPU", "exact", "gpu-count"),
                    ("hr", "~$12/hour", 12, "USD/hour", "approx", "rental-price"),
                    ("gpu", "$8,760/month", 8760, "USD/month", "exact", "rental-price"),
                    ("eng", "$5,000/month", 5000, "USD/month", "exact", "cost-rate"),
                    ("ops", "$2,000/month", 2000, "USD/month", "exact", "cost-rate"),
                    ("self", "~$15,760/month", 15760, "USD/month", "approx", "cost-rate"),
                    ("save", "$9,240/month", 9240, "USD/month", "exact", "savings-rate"),
                    ("s", share[0], share[1], "percent", "exact", "share"))


# r151 (Llama 3 on TPUs): "6.3e24 FLOPs total. 6.3 yottaFLOPs. ... On a single TPU": a count of
# one makes no relation (6.3e24 FLOPs = 6.3 yottaFLOPs × 1 TPU is the same number again)
SINGLE = ("**Answer**: That's easy, it's just `4.2e11 * 15e12 = 6.3e24 FLOPs` total. 6.3 yottaFLOPs. That's a lot! "
          "On a single TPU this would take `6.3e24 / 4.59E+14 = 435 years`.\n")


def test_a_count_of_one_is_no_factor():
    its = items(SINGLE, ("c", "6.3e24 FLOPs", 6.3e24, "FLOP"), ("y", "6.3 yottaFLOPs", 6.3, "yottaFLOP"),
                ("one", "a single TPU", 1, "GPU"), ("yr", "435 years", 435, "year"))
    for p in discover(SINGLE, its):
        assert "one" not in (p.target, *p.inputs.values())


# r89 (LLM hardware): "10% of your user base will be logged in and 10% of those users will be
# active simultaneously", then "for every 1000 users you can expect 10 users in the queue"
FUNNEL = ("> The 10% rule of LLM's. 10% of your user base will be logged in and 10% of those users will be active "
          "simultaneously\n\nThat means for every 1000 users you can expect 10 users in the queue waiting for their "
          "requests to stream.\n")


def _funnel(text: str, queue=("10 users", 10)):
    return items(text, ("rule", "10%", 10, "percent"), ("s1", "10%", 10, "percent"), ("s2", "10%", 10, "percent"),
                 ("n", "1000 users", 1000, "user"), ("q", queue[0], queue[1], "user"))


# r52 (US and China data centre energy): two growth rates stated as ranges in a list, then the
# implication as a ratio range (17.5% / 2% = 8.75, within 7-10x)
GAP = ("The critical tension in US energy for AI:\n"
       "- **Total grid growth**: 1.5-2.5% annually (population, electrification, general economy)\n"
       "- **Datacenter growth**: 15-20% annually (AI training, cloud migration, edge computing)\n"
       "- **Implication**: Datacenters growing 7-10x faster than overall grid capacity\n")


def _gap(text: str, ratio=("7-10x", (7, 10))):
    its = items(text, ("grid", "1.5-2.5%", (1.5, 2.5), "percent"), ("dc", "15-20%", (15, 20), "percent"),
                ("r", ratio[0], ratio[1], "x"))
    return _with_props(its, {"grid": "growth-rate", "dc": "growth-rate", "r": "ratio"})


# r46 (AI data centre power): an air-cooled rack's ceiling in a block, a GB200 rack's power as a
# range under it, then "5-6x theoretical air cooling limit" (126 / 25 = 5.04)
COOLING = ("```\nTheoretical maximum heat removal (air):\n= Mass flow × Specific heat × Temperature delta\n"
           "= 5,000 CFM × 0.24 BTU/lb-°F × 20°F\n≈ 25 kW per rack (absolute ceiling)\n```\n\n"
           "**AI Requirements:**\n- GB200 rack: 120-132 kW\n- Required cooling: **5-6x theoretical air cooling limit**\n")


def _cooling(text: str):
    # (as drafted: "≈ 25 kW" about 25, the rack's power and the ratio ranges)
    return _records(text, ("cfm", "5,000 CFM", 5000, "CFM", "exact", None),
                    ("air", "25 kW", 25, "kW", "approx", "power-draw"),
                    ("gb", "120-132 kW", (120, 132), "kW", "range", "power-draw"),
                    ("r", "5-6x", (5, 6), "x", "range", "ratio"))


# a relation found: (how it is looked for, the text, its records, the target, the relation's
# formula, inputs and, where given, verdict)
FOUND = [
    pytest.param(propose, SEGMENT, _segment, "s", ("a / b", {"a": "dc", "b": "rev"}, "consistent"),
                 id="a_share_stated_as_a_lower_bound_is_the_quotient_just_above_it"),
    pytest.param(discover, METRICS, _metrics, "m", ("a / b", {"a": "e", "b": "rev"}, "consistent"),
                 id="a_margin_row_is_a_quotient_of_its_column_before_a_difference"),
    pytest.param(propose, WORKER, _worker, "head", ("a / b", {"a": "day", "b": "k"}, "consistent"),
                 id="a_restated_quantity_takes_the_relation_of_its_other_statement"),
    pytest.param(propose, BREAK_EVEN, _break_even, "s", ("a / b", {"a": "save", "b": "api"}, "consistent"),
                 id="a_share_written_as_an_amounts_equivalent_is_it_over_a_whole_stated_before"),
    pytest.param(discover, FUNNEL, _funnel, "q", ("a * b * c", {"a": "n", "b": "s1", "c": "s2"}),
                 id="an_amount_is_one_of_its_sentence_times_a_share_of_a_share_stated_before"),
    pytest.param(discover, GAP, _gap, "r", ("a / b", {"a": "dc", "b": "grid"}, "consistent"),
                 id="a_ratio_range_is_the_quotient_of_two_rate_ranges_before_it"),
    pytest.param(propose, COOLING, _cooling, "r", ("a / b", {"a": "gb", "b": "air"}),
                 id="a_ratio_range_is_the_quotient_of_two_amounts_of_one_property_before_it"),
]


@pytest.mark.parametrize("find, text, records, target, want", FOUND)
def test_a_relation_is_found(find, text, records, target, want):
    p = {p.target: p for p in find(text, records(text))}[target]
    assert (p.formula, p.inputs, p.verdict)[:len(want)] == want


# no relation found: (how it is looked for, the text as changed, its records, the target)
LEFT_ALONE = [
    # (disc84: where the sentence names none of the list labels; "Batching" naming "Batch mode:" is
    # tests/test_disc84.py)
    pytest.param(propose, BATCHING.replace("Batching queries", "Queries"), _batching, "r",
                 id="a_loose_lower_bound_takes_no_sides_from_afar"),
    # "more than 90%": 62.3 / 68.13 (91.4%) and 62.3 / 66.21 (94.1%) both lie below 100%
    pytest.param(propose, SEGMENT.replace("more than 91%", "more than 90%"),
                 partial(_segment, share=("more than 90%", 90)), "s",
                 id="a_lower_bound_share_two_pairs_make_is_left_alone"),
    # "more than 89%" reads up to 90%: 62.3 / 68.13 (91.4%) is above it
    pytest.param(propose, SEGMENT.replace("more than 91%", "more than 89%"),
                 partial(_segment, share=("more than 89%", 89)), "s",
                 id="a_share_a_little_below_its_sides_quotient_is_left_alone"),
    pytest.param(discover, WAFERS.replace("for a 3nm wafer", "at TSMC"), _wafers, "cost",
                 id="an_amount_not_said_to_be_one_things_is_no_factor"),
    pytest.param(propose, BREAK_EVEN.replace("= 37%", "= 45%"), partial(_break_even, share=("45%", 45)), "s",
                 id="a_share_no_whole_before_makes_is_left_alone"),
    pytest.param(discover, FUNNEL.replace("10% of those users", "10% of all users"), _funnel, "q",
                 id="shares_not_chained_make_no_product"),
    pytest.param(discover, GAP.replace("7-10x", "2-3x"), partial(_gap, ratio=("2-3x", (2, 3))), "r",
                 id="a_ratio_range_its_sides_miss_is_left_alone"),
]


@pytest.mark.parametrize("find, text, records, target", LEFT_ALONE)
def test_no_relation_is_found(find, text, records, target):
    assert target not in {p.target for p in find(text, records(text))}
