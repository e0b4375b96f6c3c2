"""disc87: a "Total ...:" line under a block of lines that each state an amount of its kind after
a colon or an "=" (kb.extract.arith._total_line_parts), each rule on a short quote of the article
that showed the gap."""
from __future__ import annotations

from conftest import NODE_COST_BLOCK

from kb.extract.arith import propose
from test_disc58 import _records


def _links(text: str, records: list) -> dict:
    return {frozenset((p.target, *p.inputs.values())): p for p in propose(text, records)}


# r46 (AI data-centre power): a cost block in a code fence whose parts are ranges, the total
# under them ("~$100M" within 93.1-103.7)
BUDGET = ("**Cost Analysis (at $0.06/kWh industrial rate):**\n```\n"
          "Electricity cost: $3.1-3.7M\n"
          "GPU rental cost: ~$90-100M (90 days @ $2/GPU-hour)\n"
          "Total training budget: ~$100M\n\n"
          "Power as % of total cost: 3-4%\n```\n")


def _budget(text: str, total: str = "~$100M", value: float = 100):
    return _records(text, ("rate", "$0.06/kWh", 0.06, "USD/kWh", "exact", "electricity-price"),
                    ("power", "$3.1-3.7M", (3.1, 3.7), "million USD", "range", "workload-cost"),
                    ("rental", "~$90-100M", (90, 100), "million USD", "range", "workload-cost"),
                    ("days", "90 days", 90, "day", "exact", "training-duration"),
                    ("price", "$2/GPU-hour", 2, "USD/GPU-hour", "exact", "rental-price"),
                    ("total", total, value, "million USD", "approx", "training-cost"))


def test_a_total_line_under_a_block_of_ranges_is_their_sum():
    p = _links(BUDGET, _budget(BUDGET)).get(frozenset(("total", "power", "rental")))
    assert p is not None and p.verdict == "consistent" and p.formula == "a + b"


def test_a_total_line_its_block_does_not_make_is_no_sum_and_no_slip():
    text = BUDGET.replace("~$100M", "~$140M")
    links = _links(text, _budget(text, "~$140M", 140))
    assert frozenset(("total", "power", "rental")) not in links


# a fresh cost estimate (an 8x H100 node's GPU-hours estimate): a code block of hours each "=
# $X", one blank line, then "Total if you keep node up: $320"; the next total line is no part
NODE = NODE_COST_BLOCK


def _node(text: str, total: str = "$320", value: float = 320):
    # as the drafter reads it: each line's GPUs before its cost
    rows = []
    gpus = (None, "8 GPUs", "1 GPU", "8 GPUs", "2 GPUs", "0 GPUs")
    for n, raw in enumerate(("= $32", "= $32", "= $128", "= $32", "= $32", "= $64")):
        if gpus[n]:
            rows.append((f"g{n}", gpus[n], float(gpus[n].split()[0]), "GPU", "exact", "gpu-count"))
        rows.append((f"h{n}", raw[2:], float(raw[3:]), "USD", "exact", "workload-cost"))
    rows.insert(5, ("four", "4 hours", 4, "hour", "exact", "training-duration"))
    return _records(text, *rows, ("total", total, value, "USD", "exact", "workload-cost"),
                    ("shut", "~$160-200", (160, 200), "USD", "range", "workload-cost"))


def test_a_total_line_after_a_blank_line_sums_each_lines_amount_after_its_equals_sign():
    links = _links(NODE, _node(NODE))
    p = links.get(frozenset(("total", "h0", "h1", "h2", "h3", "h4", "h5")))
    assert p is not None and p.verdict == "consistent"
    # the second total line sums no block: the line above it is a total of its own
    assert not any("shut" in k and len(k) > 3 for k in links)


def test_a_block_that_does_not_make_its_total_line_gives_no_sum():
    text = NODE.replace("$320", "$350")
    links = _links(text, _node(text, "$350", 350))
    assert frozenset(("total", "h0", "h1", "h2", "h3", "h4", "h5")) not in links


# r138 (an LLM cost guide): a "Relative Cost" column whose baseline row states "1x (cheapest)":
# each row's multiple is its input price over the baseline row's ($1.00 / $0.075 = 13.3, "13x")
RELATIVE = ("| Model | Cost per 1M Input Tokens | Cost per 1M Output Tokens | Relative Cost |\n"
            "|-------|-------------------------|--------------------------|---------------|\n"
            "| Gemini 1.5 Flash | $0.075 | $0.30 | 1x (cheapest) |\n"
            "| GPT-4o-mini | $0.15 | $0.60 | 2x |\n"
            "| Claude Haiku 4.5 | $1.00 | $5.00 | 13x |\n")


def _relative(text: str, haiku: str = "13x", value: float = 13):
    price = ("USD per 1M tokens", "exact", "token-price")
    return _records(text, ("fl-in", "$0.075", 0.075, *price), ("fl-out", "$0.30", 0.30, *price),
                    ("mini-in", "$0.15", 0.15, *price), ("mini-out", "$0.60", 0.60, *price),
                    ("mini-x", "2x", 2, "x", "exact", "ratio"),
                    ("haiku-in", "$1.00", 1.0, *price), ("haiku-out", "$5.00", 5.0, *price),
                    ("haiku-x", haiku, value, "x", "exact", "ratio"))


def test_a_baseline_row_that_says_1x_with_a_word_in_brackets_is_the_columns_baseline():
    p = _links(RELATIVE, _relative(RELATIVE)).get(frozenset(("haiku-x", "haiku-in", "fl-in")))
    assert p is not None and p.verdict == "consistent"


def test_a_multiple_no_column_makes_over_the_bracketed_baseline_is_no_relation():
    text = RELATIVE.replace("13x", "9x")
    links = _links(text, _relative(text, "9x", 9))
    assert not any("haiku-x" in k for k in links)
