"""A multiplier that restates, sections away, a comparison of two amounts (kb.extract.arith._vs_pair_far).

"A single server contains 8 accelerator devices with 96GB of memory each (versus 32GB on first
generation Gaudi ..." and, sections later, "Gaudi2 has roughly 3 times more memory per device
compared to first-gen Gaudi": the 3 is 96GB ÷ 32GB. A subtitle's "profit nearly doubles" restates
the body's "Net income nearly doubled: $43 billion versus $22.1 billion". Only where exactly one
such comparison makes the multiplier (within 3%) and the two sentences share a word.
"""
from __future__ import annotations

from conftest import number_records as _recs, relation_of as _rel

from kb.extract.arith import propose


_FILLER = ("\n\n## Fine-tuning results\n\n"
           "The runs used the same scripts and hyperparameters on every accelerator.\n\n"
           "Each run was repeated to make sure the timings were stable.\n\n"
           "Mixed precision was used throughout.\n\n"
           "The loss curves of the runs were alike.\n\n"
           "Nothing else was changed between the runs.\n\n")


def _gaudi(pair: str, later: str) -> tuple[str, list]:
    text = ("## Gaudi2\n\nA single server contains 8 accelerator devices with " + pair + _FILLER + later)
    return text


def test_a_multiplier_restates_a_comparison_sections_before_it():
    # 96 / 32 = 3
    text = _gaudi("96GB of memory each (versus 32GB on first generation Gaudi and 80GB on A100).",
                  "Since Gaudi2 has roughly 3 times more memory per device compared to first-gen Gaudi, "
                  "larger batches fit.\n")
    spec = [("n", "8 accelerator", 8, "GPU", "exact"), ("g2", "96GB", 96, "GB", "exact"),
            ("g1", "32GB", 32, "GB", "exact"), ("a", "80GB", 80, "GB", "exact"),
            ("r", "roughly 3 times", 3, "x", "approx")]
    ps = propose(text, _recs(text, spec))
    assert _rel(ps, "r") == ("a / b", {"a": "g2", "b": "g1"})


def test_a_subtitle_restates_the_comparison_of_the_body():
    # 43 / 22.1 = 1.95: "nearly doubles"
    text = ("subtitle: Data center revenue up 75%, profit nearly doubles, guidance crushes estimates\n\n"
            "## The quarter\n\nRevenue of $68.13 billion versus $66.21 billion estimated.\n\n"
            "The data center segment delivered most of it.\n\nGaming was flat.\n\n"
            "Networking grew again.\n\nThe guidance beat the estimates.\n\n"
            "Net income nearly doubled: $43 billion versus $22.1 billion in the same period a year ago.\n")
    spec = [("g", "75%", 75, "percent", "exact"), ("r", "nearly doubles", 2, "x", "approx"),
            ("rev", "$68.13 billion", 68.13, "billion USD", "exact"),
            ("est", "$66.21 billion", 66.21, "billion USD", "exact"),
            ("r2", "nearly doubled", 2, "x", "approx"),
            ("n1", "$43 billion", 43, "billion USD", "exact"), ("n0", "$22.1 billion", 22.1, "billion USD", "exact")]
    ps = propose(text, _recs(text, spec))
    assert _rel(ps, "r") == ("a / b", {"a": "n1", "b": "n0"})


def test_no_restated_comparison_without_a_shared_word():
    # the quotient alone: "roughly 3 times sooner" says nothing the comparison's sentence says
    text = _gaudi("96GB of memory each (versus 32GB on first generation Gaudi and 80GB on A100).",
                  "Our runs finished roughly 3 times sooner overall.\n")
    spec = [("n", "8 accelerator", 8, "GPU", "exact"), ("g2", "96GB", 96, "GB", "exact"),
            ("g1", "32GB", 32, "GB", "exact"), ("a", "80GB", 80, "GB", "exact"),
            ("r", "roughly 3 times", 3, "x", "approx")]
    assert _rel(propose(text, _recs(text, spec)), "r") is None


def test_no_restated_comparison_beyond_three_percent_or_of_two_comparisons():
    # 96 / 30 = 3.2: "roughly 3" is no restatement of it
    text = _gaudi("96GB of memory each (versus 30GB on first generation Gaudi and 80GB on A100).",
                  "Since Gaudi2 has roughly 3 times more memory per device compared to first-gen Gaudi, "
                  "larger batches fit.\n")
    spec = [("n", "8 accelerator", 8, "GPU", "exact"), ("g2", "96GB", 96, "GB", "exact"),
            ("g1", "30GB", 30, "GB", "exact"), ("a", "80GB", 80, "GB", "exact"),
            ("r", "roughly 3 times", 3, "x", "approx")]
    assert _rel(propose(text, _recs(text, spec)), "r") is None
    # two comparisons of memory make 3: which one it restates, the text does not say
    text = _gaudi("96GB of memory each (versus 32GB on first generation Gaudi). Its host has 768GB of memory "
                  "versus 256GB before.",
                  "Since Gaudi2 has roughly 3 times more memory per device compared to first-gen Gaudi, "
                  "larger batches fit.\n")
    spec = [("n", "8 accelerator", 8, "GPU", "exact"), ("g2", "96GB", 96, "GB", "exact"),
            ("g1", "32GB", 32, "GB", "exact"), ("h2", "768GB", 768, "GB", "exact"),
            ("h1", "256GB", 256, "GB", "exact"), ("r", "roughly 3 times", 3, "x", "approx")]
    assert _rel(propose(text, _recs(text, spec)), "r") is None


# --- a percentage whose line's label states it a share of the total above ("Power as % of total cost:") ---

def _r(ident, shown, unit, value=None, low=None, high=None, qualifier="exact"):
    return ident, shown, (low, high) if qualifier == "range" else value, unit, qualifier


_COST_BLOCK = ("**Cost Analysis (at $0.06/kWh industrial rate):**\n```\n"
               "Electricity cost: $3.1-3.7M\n"
               "GPU rental cost: ~$90-100M (90 days @ $2/GPU-hour)\n"
               "Total training budget: ~$100M\n\n"
               "{label}: 3-4%\n```\n")


def _cost_spec():
    return [_r("rate", "$0.06/kWh", "USD/kWh", 0.06), _r("e", "$3.1-3.7M", "million USD", low=3.1, high=3.7,
                                                         qualifier="range"),
            _r("g", "$90-100M", "million USD", low=90, high=100, qualifier="range"), _r("d", "90 days", "day", 90),
            _r("p", "$2/GPU-hour", "USD/hour", 2), _r("t", "~$100M", "million USD", 100, qualifier="approx"),
            _r("s", "3-4%", "percent", low=3, high=4, qualifier="range")]


def test_a_share_of_the_total_its_label_names_is_the_part_over_the_total_line():
    # 3.1-3.7 / 100 = 3.1-3.7%: "3-4%"
    text = _COST_BLOCK.format(label="Power as % of total cost")
    assert _rel(propose(text, _recs(text, _cost_spec())), "s") == ("a / b", {"a": "e", "b": "t"})


def test_no_share_of_the_total_without_its_label_or_where_two_lines_make_it():
    # "Power share:" names no total
    text = _COST_BLOCK.format(label="Power share")
    assert _rel(propose(text, _recs(text, _cost_spec())), "s") is None
    # two lines of 3-4% of the total: which one, the lines do not say
    text = ("```\nElectricity cost: $3.1-3.7M\nCooling cost: $3.2-3.8M\nGPU rental cost: ~$90M\n"
            "Total training budget: ~$100M\n\nPower as % of total cost: 3-4%\n```\n")
    spec = [_r("e", "$3.1-3.7M", "million USD", low=3.1, high=3.7, qualifier="range"),
            _r("c", "$3.2-3.8M", "million USD", low=3.2, high=3.8, qualifier="range"),
            _r("g", "~$90M", "million USD", 90, qualifier="approx"),
            _r("t", "~$100M", "million USD", 100, qualifier="approx"),
            _r("s", "3-4%", "percent", low=3, high=4, qualifier="range")]
    assert _rel(propose(text, _recs(text, spec)), "s") is None
