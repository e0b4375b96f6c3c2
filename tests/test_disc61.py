"""disc61: discovery rules (kb.extract.arith), each built on a short quote of the development
article that showed the gap."""
from __future__ import annotations

from kb.extract.arith import propose
from test_disc58 import _records


# r159 (embedding quantization): "Costs are computed at an estimated $3.8 per GB/mo" before the
# first table; the results table sections below prices each index at the same rate
# (286.10 GB x $3.8 = $1087), the rate far from it (not the text right before the table)
RATE = "Costs are computed at an estimated $3.8 per GB/mo with `x2gd` instances on AWS.\n\n"
GAP = ("Binary quantization refers to the conversion of the `float32` values in an embedding to 1-bit "
       "values, resulting in a 32x reduction in memory and storage usage. To quantize `float32` "
       "embeddings to binary, we simply threshold normalized embeddings at 0.\n\n") * 4
COSTS = ("| Model | Embedding Dimension | 250M Embeddings | MTEB Retrieval (NDCG@10) | Percentage of default "
         "performance |\n"
         "| - | -: | -: | -: | -: |\n"
         "| e5-base-v2: float32 | 768 | 286.10GB<br>$1087 / mo |50.77 | 100% |\n"
         "| e5-base-v2: int8 | 768 | 178.81GB<br>$679 / mo| 47.54 | 94.68% |\n"
         "| e5-base-v2: binary | 768 | 22.35GB<br>$85 / mo | 37.96 |74.77% |\n"
         "| all-MiniLM-L6-v2: float32 | 384 | 357.62GB<br>$1358 / mo | 41.66 |100%\n"
         "| all-MiniLM-L6-v2: binary | 384 | 11.18GB<br>$42 / mo |39.07| 93.79%|\n")


COST_CELLS = ("$1087 / mo", "$679 / mo", "$85 / mo", "$1358 / mo", "$42 / mo")


def _cost_records(text: str, costs: tuple = COST_CELLS, rate: bool = True):
    rows = []
    for n, (mem, score, share) in enumerate((
            (("286.10GB", 286.10), ("50.77", 50.77), ("100%", 100)),
            (("178.81GB", 178.81), ("47.54", 47.54), ("94.68%", 94.68)),
            (("22.35GB", 22.35), ("37.96", 37.96), ("74.77%", 74.77)),
            (("357.62GB", 357.62), ("41.66", 41.66), ("100%", 100)),
            (("11.18GB", 11.18), ("39.07", 39.07), ("93.79%", 93.79)))):
        cost = costs[n]
        rows += [(f"mem{n}", mem[0], mem[1], "GB", "exact", "index-memory"),
                 (f"cost{n}", cost, float(cost[1:].split()[0]), "USD/month", "exact", "index-cost"),
                 (f"score{n}", score[0], score[1], "percent", "exact", "benchmark-score"),
                 (f"share{n}", share[0], share[1], "percent", "exact", "ratio")]
    if rate:
        rows.insert(0, ("rate", "$3.8 per GB/mo", 3.8, "USD/GB/month", "approx", "memory-price"))
    return _records(text, *rows)


def test_a_table_column_at_one_rate_stated_far_before_the_table():
    text = RATE + GAP + COSTS
    links = {frozenset((p.target, *p.inputs.values())): p for p in propose(text, _cost_records(text))}
    for n in range(5):
        assert links[frozenset((f"cost{n}", f"mem{n}", "rate"))].verdict == "consistent"


def test_a_rate_that_makes_too_few_rows_of_its_column_is_no_relation():
    # two rows of five at the rate, the others off it: a coincidence as likely as a relation
    costs = ("$1087 / mo", "$779 / mo", "$95 / mo", "$1358 / mo", "$52 / mo")
    text = RATE + GAP + COSTS
    for old, new in zip(COST_CELLS, costs):
        text = text.replace(old, new)
    links = {frozenset((p.target, *p.inputs.values())) for p in propose(text, _cost_records(text, costs))}
    assert not any("rate" in link for link in links)


# r159 again: each model's rows under its own float32 row, which states "100%": 74.77% is the
# binary row's score over that float32 row's (37.96 / 50.77), 93.79% the MiniLM binary's over the
# MiniLM float32's (39.07 / 41.66)
def test_a_ratio_column_of_groups_each_led_by_its_own_baseline_row():
    text = COSTS
    recs = _cost_records(text, rate=False)
    links = {frozenset((p.target, *p.inputs.values())): p for p in propose(text, recs)}
    assert links[frozenset(("share2", "score2", "score0"))].verdict == "consistent"
    assert links[frozenset(("share4", "score4", "score3"))].verdict == "consistent"
    assert frozenset(("share4", "score4", "score0")) not in links


# r02 (H100 PCIe vs SXM): "53% more FP8 TFLOPS per watt" under the table (8.65 / 5.65 - 1), then
# "the PCIe variant's **53% better TFLOPS-per-watt** efficiency" sections below: the same relation
EFFICIENCY = ("| Specification | H100 SXM5 | H100 PCIe | Advantage |\n"
              "|-----------|---------------|\n"
              "| TFLOPS/Watt | 5.65 | 8.65 | PCIe wins |\n\n"
              "The power efficiency inversion is critical: PCIe delivers **53% more FP8 TFLOPS per watt**, making "
              "it compelling for power-constrained deployments.\n\n"
              "The performance differential reduces to the ~67% memory bandwidth advantage of SXM—partially "
              "offset by the PCIe variant's **53% better TFLOPS-per-watt** efficiency.\n")


def _efficiency_records(text: str):
    return _records(text, ("sxm", "5.65", 5.65, "TFLOPS/W", "exact", "compute-efficiency"),
                    ("pcie", "8.65", 8.65, "TFLOPS/W", "exact", "compute-efficiency"),
                    ("more", "53%", 53, "percent", "exact", "change"),
                    ("bw", "~67%", 67, "percent", "approx", "change"),
                    ("again", "53%", 53, "percent", "exact", "change"))


def test_a_relative_difference_restated_takes_its_other_statements_relation():
    links = {frozenset((p.target, *p.inputs.values())): p for p in propose(EFFICIENCY, _efficiency_records(EFFICIENCY))}
    assert links[frozenset(("more", "pcie", "sxm"))].formula == "a / b - 1"
    assert links[frozenset(("again", "pcie", "sxm"))].formula == "a / b - 1"


def test_a_percentage_restated_without_words_of_a_difference_takes_nothing():
    text = EFFICIENCY.replace("**53% better TFLOPS-per-watt** efficiency", "53% of its TFLOPS-per-watt budget")
    links = {frozenset((p.target, *p.inputs.values())) for p in propose(text, _efficiency_records(text))}
    assert frozenset(("again", "pcie", "sxm")) not in links


# r145 (a 401k's AI exposure): a list of holdings, then a labelled line that states their sum
# (7.17 + 5.33 + 6.39 + 3.98 + 2.49 + 2.51 = 27.87%; $1,145 + $430 + $330 = $1,905)
WEIGHTS = ("### Direct AI Beneficiaries (conservative)\n\n"
           "- NVIDIA: 7.17%\n- Microsoft: 5.33%\n- Alphabet: 6.39%\n- Amazon: 3.98%\n- Meta: 2.49%\n"
           "- Broadcom: 2.51%\n\n"
           "**Conservative AI exposure in S&P 500: ~27.9%**\n")
HOLDINGS = ("For the ~$36,000 in international holdings (from $100K 401k):\n\n"
            "- TSMC: $36,000 × 3.18% = ~$1,145\n"
            "- ASML: $36,000 × 1.19% = ~$430\n"
            "- Samsung: $36,000 × 0.92% = ~$330\n\n"
            "**International AI exposure: ~$1,900**\n")


def _weights(text: str, total: str = "~27.9%", value: float = 27.9):
    names = ("nvda", "msft", "goog", "amzn", "meta", "avgo")
    shares = ("7.17%", "5.33%", "6.39%", "3.98%", "2.49%", "2.51%")
    return _records(text, *[(n, s, float(s[:-1]), "percent", "exact", "share") for n, s in zip(names, shares)],
                    ("total", total, value, "percent", "approx", "share"))


def _holdings(text: str):
    return _records(text, ("pool", "~$36,000", 36000, "USD", "approx", "investment"),
                    ("k401", "$100K", 100, "K USD", "exact", "investment"),
                    ("tsmc-in", "$36,000", 36000, "USD", "exact", "investment"),
                    ("tsmc-w", "3.18%", 3.18, "percent", "exact", "share"),
                    ("tsmc", "~$1,145", 1145, "USD", "approx", "investment"),
                    ("asml-in", "$36,000", 36000, "USD", "exact", "investment"),
                    ("asml-w", "1.19%", 1.19, "percent", "exact", "share"),
                    ("asml", "~$430", 430, "USD", "approx", "investment"),
                    ("ssnlf-in", "$36,000", 36000, "USD", "exact", "investment"),
                    ("ssnlf-w", "0.92%", 0.92, "percent", "exact", "share"),
                    ("ssnlf", "~$330", 330, "USD", "approx", "investment"),
                    ("total", "~$1,900", 1900, "USD", "approx", "investment"))


def test_a_labelled_line_after_a_list_is_the_sum_of_its_items():
    sums = {p.target: p for p in propose(WEIGHTS, _weights(WEIGHTS))}
    assert sorted(sums["total"].inputs.values()) == ["amzn", "avgo", "goog", "meta", "msft", "nvda"]
    sums = {p.target: p for p in propose(HOLDINGS, _holdings(HOLDINGS))}
    assert sorted(sums["total"].inputs.values()) == ["asml", "ssnlf", "tsmc"]


def test_a_line_after_a_list_that_its_items_do_not_sum_to_takes_no_sum():
    text = WEIGHTS.replace("~27.9%", "~33.8%")
    props = {p.target: p for p in propose(text, _weights(text, "~33.8%", 33.8))}
    assert "total" not in props or len(props["total"].inputs) < 6


# r02 again: "67% greater memory bandwidth" in the summary (its subject the SXM variant), the two
# cards' bandwidths a paragraph below (3.35 / 2.0 - 1 = 67.5%): nothing at hand makes it
BANDWIDTH = ("For a mid-sized neo-cloud operator deploying 64-512 GPUs, the SXM variant's 35-45% higher capital "
             "cost is offset by 67% greater memory bandwidth and superior multi-GPU scaling.\n\n"
             "## Architecture\n\n"
             "The **SXM5** delivers 700W TDP with **3.35 TB/s HBM3 memory bandwidth** and 900 GB/s NVLink "
             "connectivity. The **PCIe** version consumes just 350W, provides **2.0 TB/s HBM2e bandwidth**, and "
             "slots into standard servers.\n")


def _bandwidth_records(text: str, pct: str = "67%", value: float = 67):
    recs = _records(text, ("gpus", "64-512 GPUs", (64, 512), "GPU", "range", "gpu-count"),
                    ("capex", "35-45%", (35, 45), "percent", "range", "change"),
                    ("more", pct, value, "percent", "exact", "change"),
                    ("sxm-tdp", "700W", 700, "W", "exact", "tdp"),
                    ("sxm", "3.35 TB/s", 3.35, "TB/s", "exact", "memory-bandwidth"),
                    ("nvlink", "900 GB/s", 900, "GB/s", "exact", "interconnect-bandwidth"),
                    ("pcie-tdp", "350W", 350, "W", "exact", "tdp"),
                    ("pcie", "2.0 TB/s", 2.0, "TB/s", "exact", "memory-bandwidth"))
    for r in recs:
        r["entity"] = "nvidia-h100-pcie" if r["id"].startswith("pcie") else "nvidia-h100-sxm"
    return recs


def test_a_relative_difference_takes_the_sides_of_the_things_its_sentence_names():
    props = {p.target: p for p in propose(BANDWIDTH, _bandwidth_records(BANDWIDTH))}
    assert props["more"].formula == "a / b - 1"
    assert props["more"].inputs == {"a": "sxm", "b": "pcie"}


def test_a_relative_difference_its_named_sides_miss_takes_nothing():
    text = BANDWIDTH.replace("67% greater", "60% greater")   # 3.35 / 2.0 - 1 is 67.5%, not 60%
    props = {p.target: p for p in propose(text, _bandwidth_records(text, "60%", 60))}
    assert "more" not in props
