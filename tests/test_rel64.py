"""rel64: discovery of relative comparisons whose two sides are stated elsewhere in the article
(kb.extract.arith), each rule built on a short quote of the development article that showed the gap."""
from __future__ import annotations

from kb.extract.arith import propose
from test_disc58 import _records


def _links(text: str, records: list) -> dict:
    return {frozenset((p.target, *p.inputs.values())): p for p in propose(text, records)}


def _with(records: list, **extra) -> list:
    """The records, each given the entity and conditions named for its id."""
    for r in records:
        r.update(extra.get(r["id"], {}))
    return records


# r161 (Claude 3.5 Sonnet vs o1): "Claude 3.5 Sonnet is 4x cheaper than OpenAI o1" over the
# output prices ($60 / $15) of the table under it, and sections below the summary restates it:
# "Claude 3.5 Sonnet ... is a better choice as it is 4x cheaper"
# (between them, sections of benchmark scores: more numbers of the two models than a ratio's
# named sides look through)
BENCHMARKS = "".join(f"## Benchmark {i}\n\nClaude 3.5 Sonnet scores {60 + i}.5% and o1 scores {70 + i}.5%.\n\n"
                     for i in range(12))
CHEAPER = ("## 2. Cost Efficiency\n\n**Claude 3.5 Sonnet is 4x cheaper than OpenAI o1**. It's ideal for "
           "budget-conscious users.\n\n"
           "| Feature | Claude 3.5 Sonnet | OpenAI o1 |\n| --- | --- | --- |\n"
           "| **Input Cost**  | $3 per million tokens | $15 per million tokens |\n"
           "| **Output Cost** | $15 per million tokens | $60 per million tokens |\n\n"
           + BENCHMARKS +
           "## Conclusion\n\n- **For budget-conscious users** who don't need the 5-10% improvement that "
           "comes with o1, **Claude 3.5 Sonnet** is a better choice as it is 4x cheaper.\n")
_CLAUDE = {"entity": "claude-3.5-sonnet"}
_O1 = {"entity": "o1"}


def _cheaper(text: str, again: str = "4x"):
    recs = _records(text, ("r", "4x", 4, "x", "exact", "ratio"),
                    ("ci", "$3 per million tokens", 3, "USD/Mtoken", "exact", "token-price"),
                    ("oi", "$15 per million tokens", 15, "USD/Mtoken", "exact", "token-price"),
                    ("co", "$15 per million tokens", 15, "USD/Mtoken", "exact", "token-price"),
                    ("oo", "$60 per million tokens", 60, "USD/Mtoken", "exact", "token-price"),
                    *[(f"{m}{i}", f"{v + i}.5%", v + i + 0.5, "percent", "exact", "benchmark-score")
                      for i in range(12) for m, v in (("cb", 60), ("ob", 70))],
                    ("again", again, int(again[:-1]), "x", "exact", "ratio"))
    out = {"ci": {**_CLAUDE, "conditions": {"direction": "input"}}, "co": {**_CLAUDE, "conditions": {"direction": "output"}},
           "oi": {**_O1, "conditions": {"direction": "input"}}, "oo": {**_O1, "conditions": {"direction": "output"}}}
    out.update({f"cb{i}": _CLAUDE for i in range(12)})
    out.update({f"ob{i}": _O1 for i in range(12)})
    return _with(recs, r=_CLAUDE, again=_CLAUDE, **out)


def test_a_one_digit_ratio_restated_of_the_same_things_takes_its_sides():
    links = _links(CHEAPER, _cheaper(CHEAPER))
    assert frozenset(("oo", "co", "r")) in links
    assert links[frozenset(("again", "oo", "co"))].verdict == "consistent"


def test_a_one_digit_ratio_restated_in_another_sense_is_no_relation():
    # "4x faster" of the same model is another comparison
    text = CHEAPER.replace("it is 4x cheaper.", "it is 4x faster.").replace("comes with o1", "comes with it")
    links = _links(text, _cheaper(text))
    assert frozenset(("oo", "co", "r")) in links
    assert not [k for k in links if "again" in k]


def test_a_one_digit_ratio_restated_of_other_things_is_no_relation():
    text = CHEAPER.replace("comes with o1", "comes with it")
    recs = _cheaper(text)
    recs[-1]["entity"] = "gpt-4o"
    links = _links(text, recs)
    assert not [k for k in links if "again" in k]


# r157 (Gaudi2 vs A100): "The throughput is x1.16 higher with this configuration" (batch 64
# against batch 32 on Gaudi2) says what it compares only by its subject; the table paragraphs
# below states the throughputs: 1835.8 / 1580.2 = 1.16, the one pair of throughputs that makes it
# (only the table's numbers drafted here)
HIGHER = ("With a batch size of 64 samples per device (512 in total), we got with 20k steps a similar loss "
          "convergence. The throughput is x1.16 higher with this configuration, while this new batch size "
          "strongly accelerates convergence.\n"
          "**Overall, with Gaudi2, the total training time is reduced by a 5.75 factor and the throughput is "
          "x3.53 higher compared to first-gen Gaudi**.\n\n"
          "**Gaudi2 also offers a speedup over A100**: 1580.2 samples/s versus 981.6 for a batch size of 32 "
          "and 1835.8 samples/s versus 1082.6 for a batch size of 64, which is consistent with the x1.8 "
          "speedup [annouced by Habana](https://habana.ai/training/gaudi2/) on the phase 1 of BERT "
          "pre-training with a batch size of 64.\n\n"
          "The following table displays the throughputs we got for first-gen Gaudi, Gaudi2 and Nvidia A100 "
          "80GB GPUs:\n\n<center>\n\n"
          "|   | First-gen Gaudi (BS=32) | Gaudi2 (BS=32) | Gaudi2 (BS=64) | A100 (BS=32) | A100 (BS=64) |\n"
          "|:-:|:-----------------------:|:--------------:|:--------------:|:-------:|:---------------------:|\n"
          "| Throughput (samples/s) | 520.2 | 1580.2 | 1835.8 | 981.6 | 1082.6 |\n")


def _higher(text: str, ratio: str = "1.16"):
    recs = _records(text, ("r", f"x{ratio}", float(ratio), "x", "exact", "ratio"),
                    ("all", "x3.53", 3.53, "x", "exact", "ratio"),
                    ("p32", "1580.2", 1580.2, "example/s", "exact", "sample-throughput"),
                    ("q32", "981.6", 981.6, "example/s", "exact", "sample-throughput"),
                    ("p64", "1835.8", 1835.8, "example/s", "exact", "sample-throughput"),
                    ("q64", "1082.6", 1082.6, "example/s", "exact", "sample-throughput"),
                    ("habana", "x1.8", 1.8, "x", "exact", "ratio"),
                    ("g1", "520.2", 520.2, "example/s", "exact", "sample-throughput"),
                    ("g32", "1580.2", 1580.2, "example/s", "exact", "sample-throughput"),
                    ("g64", "1835.8", 1835.8, "example/s", "exact", "sample-throughput"),
                    ("a32", "981.6", 981.6, "example/s", "exact", "sample-throughput"),
                    ("a64", "1082.6", 1082.6, "example/s", "exact", "sample-throughput"))
    gaudi2, a100 = {"entity": "intel-gaudi-2"}, {"entity": "nvidia-a100"}
    return _with(recs, g1={"entity": "intel-gaudi-1"}, g32=gaudi2, g64=gaudi2, a32=a100, a64=a100,
                 p32=gaudi2, p64=gaudi2, q32=a100, q64=a100, all=gaudi2, habana=gaudi2)


def _sides(links: dict, target: str) -> set:
    """The values of the inputs of the relation found for ``target``."""
    return {frozenset(k - {target}) for k in links if target in k}


def test_a_ratio_whose_clause_names_its_property_as_subject_takes_the_one_pair():
    links = _links(HIGHER, _higher(HIGHER))
    # batch 64 over batch 32 on Gaudi2, stated in prose and in the table (the nearer taken)
    assert _sides(links, "r") in ({frozenset(("p64", "p32"))}, {frozenset(("g64", "g32"))})


def test_a_ratio_of_its_property_subject_that_no_pair_makes_is_no_relation():
    text = HIGHER.replace("x1.16", "x1.25")
    links = _links(text, _higher(text, "1.25"))
    assert not [k for k in links if "r" in k]


def test_a_ratio_whose_subject_is_another_word_is_no_relation():
    text = HIGHER.replace("The throughput is", "The result is")
    links = _links(text, _higher(text))
    assert not [k for k in links if "r" in k]


# r109 (a homelab's power monitoring): "The 70B model only consumed 11% more power than the 8B
# model" under each model's average and range of power (347 / 312 - 1 = 11%): the one pair of
# points of the two models named (the "8B" is llama-3.1-8b), not a range's quotient, nor their
# sizes (8B / 70B = 11% by chance), nor a number of no model (347 / 315 = 1.10)
POWER = ("### 2. Model Size Doesn't Linearly Predict Power Consumption\n\n"
         "I expected Llama 3.1 70B to consume roughly 8-9x more power than Llama 3.1 8B, scaling with "
         "parameter count. Reality proved more nuanced.\n\n"
         "**Measurements during active inference:**\n"
         "- Llama 3.1 8B: 312W average (294W-328W range)\n"
         "- Llama 3.1 70B (Q4 quantized): 347W average (331W-368W range)\n"
         "- Mistral 7B: 298W average (285W-314W range)\n"
         "- Idle between requests: 315W average\n\n"
         "The 70B model only consumed 11% more power than the 8B model despite being nearly 9x larger.\n")


def _power(text: str, share: str = "11%"):
    recs = _records(text, ("p8", "312W", 312, "W", "exact", "power-draw"),
                    ("r8", "294W-328W", (294, 328), "W", "range", "power-draw"),
                    ("p70", "347W", 347, "W", "exact", "power-draw"),
                    ("r70", "331W-368W", (331, 368), "W", "range", "power-draw"),
                    ("p7", "298W", 298, "W", "exact", "power-draw"),
                    ("r7", "285W-314W", (285, 314), "W", "range", "power-draw"),
                    ("batch", "315W", 315, "W", "exact", "power-draw"),
                    ("s70", "70", 70, "billion parameter", "exact", "parameters-total"),
                    ("more", share, int(share[:-1]), "percent", "exact", "change"),
                    ("s8", "8", 8, "billion parameter", "exact", "parameters-total"),
                    ("x", "9x", 9, "x", "approx", "ratio"))
    mean = {"conditions": {"statistic": "mean"}}
    small, large, mistral = {"entity": "llama-3.1-8b"}, {"entity": "llama-3.1-70b"}, {"entity": "mistral-7b"}
    for r in recs:
        if r["property"] == "power-draw":
            r.update(mean)
    return _with(recs, p8=small, r8=small, s8=small, p70=large, r70=large, s70=large, more=large, x=large,
                 p7=mistral, r7=mistral)


def test_a_difference_of_two_named_models_takes_their_points_not_their_ranges():
    made = {p.target: p for p in propose(POWER, _power(POWER))}
    assert made["more"].formula == "a / b - 1"
    assert made["more"].inputs == {"a": "p70", "b": "p8"}


def test_a_difference_that_the_named_points_miss_is_no_relation_of_theirs():
    text = POWER.replace("11% more", "14% more")
    made = {p.target: p for p in propose(text, _power(text, "14%"))}
    assert "more" not in made or set(made["more"].inputs.values()) != {"p70", "p8"}


# r48 (model selection guide): "**Total Cost:** $240/month (20% savings)" under the multi-model
# costs ($40, $150, $50 a month), against the single model's "Cost: $300/month" a list above:
# 1 - 240 / 300 = 20% (40 against 50 makes 20% too, but the bracket is the $240's)
SAVINGS = ("**Single-Model (GPT-4o only):**\n- Cost: $300/month\n- Quality: Good\n- Resolution Rate: 75%\n\n"
           "**Multi-Model Strategy:**\n"
           "- **Gemini Flash (40% of queries):** \"How do I reset password?\" \"What's your pricing?\" etc.\n"
           "  - Cost: $40/month\n  - Quality: Good (for simple tasks)\n\n"
           "- **GPT-4o (50% of queries):** General questions, moderate complexity\n"
           "  - Cost: $150/month\n  - Quality: Good\n\n"
           "- **Claude Sonnet (10% of queries):** \"Why is my integration failing?\" \"Complex account issue...\"\n"
           "  - Cost: $50/month\n  - Quality: Excellent (for complex tasks)\n\n"
           "**Total Cost:** $240/month (20% savings)\n")


def _savings(text: str, saving: str = "20%", single: str = "$300/month"):
    return _records(text, ("single", single, float(single[1:4]), "USD/month", "exact", "cost-rate"),
                    ("rate", "75%", 75, "percent", "exact", "resolution-rate"),
                    ("s1", "40%", 40, "percent", "exact", "share"),
                    ("c1", "$40/month", 40, "USD/month", "exact", "cost-rate"),
                    ("s2", "50%", 50, "percent", "exact", "share"),
                    ("c2", "$150/month", 150, "USD/month", "exact", "cost-rate"),
                    ("s3", "10%", 10, "percent", "exact", "share"),
                    ("c3", "$50/month", 50, "USD/month", "exact", "cost-rate"),
                    ("total", "$240/month", 240, "USD/month", "exact", "cost-rate"),
                    ("saving", saving, -int(saving[:-1]), "percent", "exact", "change"))


def test_a_bracketed_saving_is_its_amount_against_one_number_of_its_kind_before():
    made = {p.target: p for p in propose(SAVINGS, _savings(SAVINGS))}
    assert made["saving"].inputs == {"a": "total", "b": "single"}
    assert made["saving"].verdict == "consistent"


def test_a_bracketed_saving_two_numbers_make_is_no_relation():
    # $300 and $192 a month before it: 240 is 20% under 300, and 192 is 20% under 240
    text = SAVINGS.replace("- Quality: Good\n- Resolution", "- Quality: Good\n- Budget: $192/month\n- Resolution")
    recs = _savings(text)
    recs += _records(text, ("budget", "$192/month", 192, "USD/month", "exact", "cost-rate"))
    made = {p.target: p for p in propose(text, recs)}
    assert "saving" not in made or set(made["saving"].inputs.values()) != {"total", "single"}
