"""disc58b: discovery of the relations kb vet needs to flag an article's own slips
(kb.extract.arith), each rule built on a short quote of the development article that showed it."""
from __future__ import annotations

from functools import partial

import pytest

from kb.extract.arith import propose
from test_disc58 import _records


# r109 (a homelab's power monitoring): two sibling list items, the CPU's energy holding with the
# CPU's draw stated before the list (43 s x 95 W = 1.13 Wh), the GPU's missing its draw by ten
# (5.3 s x 312 W = 0.459 Wh, stated 4.59 Wh)
SIBLINGS = ("CPU-only inference draws about 95W total system power versus 312W for GPU inference.\n\n"
            "The trade-off: CPU inference is slower (2.3 tokens/second vs 18.7), but for tiny tasks, total "
            "time is comparable.\n"
            "- CPU: 100 tokens at 2.3 tok/s = 43 seconds, 1.13Wh energy\n"
            "- GPU: 100 tokens at 18.7 tok/s = 5.3 seconds, 4.59Wh energy\n")


def _sibling_records(text: str, gpu_energy: float, gpu_shown: str = "4.59Wh"):
    return _records(text, ("cpu-w", "95W", 95, "W", "approximate", "power-draw"),
                    ("gpu-w", "312W", 312, "W", "exact", "power-draw"),
                    ("cpu-rate", "2.3 tokens/second", 2.3, "token/s", "exact", "throughput"),
                    ("c-n", "100 tokens", 100, "token", "exact", "text-tokens"),
                    ("c-r", "2.3 tok/s", 2.3, "token/s", "exact", "throughput"),
                    ("c-s", "43 seconds", 43, "s", "exact", "duration"),
                    ("c-e", "1.13Wh", 1.13, "Wh", "exact", "activity-energy"),
                    ("g-n", "100 tokens", 100, "token", "exact", "text-tokens"),
                    ("g-r", "18.7 tok/s", 18.7, "token/s", "exact", "throughput"),
                    ("g-s", "5.3 seconds", 5.3, "s", "exact", "duration"),
                    ("g-e", gpu_shown, gpu_energy, "Wh", "exact", "activity-energy"))


def test_a_sibling_items_relation_with_a_scale_slip_is_a_slip():
    props = {p.target: p for p in propose(SIBLINGS, _sibling_records(SIBLINGS, 4.59))}
    assert props["c-e"].verdict == "consistent"
    g = props["g-e"]
    assert g.verdict == "misses" and sorted(g.inputs.values()) == ["g-s", "gpu-w"]
    assert round(g.factor) == 10


# r53 (H100 vs A100 cloud prices): a cost per billion tokens written out with its unit
# conversions, $2.00 / (120,000 x 3600 / 1e9) = 4.63, stated $0.046: a hundredth
FORMULA = ("- **A100 SXM 80GB**: ~120,000 tokens/sec per GPU (8k context)\n"
           "- **H100 SXM 80GB**: ~220,000 tokens/sec per GPU (8k context, Transformer Engine BF16)\n\n"
           "At $2.00/hr (A100) vs $3.20/hr (H100):\n\n"
           "- Cost per billion tokens on A100: $2.00 / (120,000 × 3600 / 1e9) ≈ **$0.046**\n"
           "- Cost per billion tokens on H100 BF16: $3.20 / (220,000 × 3600 / 1e9) ≈ **$0.040**\n")


def _formula_records(text: str, a100: float, a100_shown: str = "$0.046"):
    return _records(text, ("a-tp", "120,000 tokens/sec", 120000, "token/s", "approximate", "throughput"),
                    ("h-tp", "220,000 tokens/sec", 220000, "token/s", "approximate", "throughput"),
                    ("a-p", "$2.00/hr", 2.0, "USD/hour", "exact", "rental-price"),
                    ("h-p", "$3.20/hr", 3.2, "USD/hour", "exact", "rental-price"),
                    ("a-2", "$2.00", 2.0, "USD", "exact", None),
                    ("a-c", a100_shown, a100, "USD per 1B tokens", "exact", "cost-per-token"),
                    ("h-3", "$3.20", 3.2, "USD", "exact", None),
                    ("h-c", "$0.040", 0.040, "USD per 1B tokens", "exact", "cost-per-token"))


def test_a_bracketed_formula_missing_its_result_by_a_power_of_ten_is_a_slip():
    props = {p.target: p for p in propose(FORMULA, _formula_records(FORMULA, 0.046))}
    for t, ins in (("a-c", ["a-p", "a-tp"]), ("h-c", ["h-p", "h-tp"])):
        assert props[t].verdict == "misses" and sorted(props[t].inputs.values()) == sorted(ins)
        assert 95 < 1 / props[t].factor < 105


# a relation that holds: (the text as changed, its records, the target, its inputs)
HOLDS = [
    pytest.param(SIBLINGS.replace("4.59Wh", "0.46Wh"), partial(_sibling_records, gpu_energy=0.46, gpu_shown="0.46Wh"),
                 "g-e", ["g-s", "gpu-w"], id="a_sibling_item_that_holds_is_consistent"),
    pytest.param(FORMULA.replace("$0.046", "$4.63"), partial(_formula_records, a100=4.63, a100_shown="$4.63"),
                 "a-c", ["a-p", "a-tp"], id="a_bracketed_formula_that_holds_is_consistent"),
]


@pytest.mark.parametrize("text, records, target, inputs", HOLDS)
def test_a_relation_that_holds_is_consistent(text, records, target, inputs):
    p = {p.target: p for p in propose(text, records(text))}[target]
    assert p.verdict == "consistent" and sorted(p.inputs.values()) == inputs


# a relation with none of its rule's grounds: (the text as changed, its records, the target, an
# input it does not take)
TAKES_NOTHING = [
    pytest.param(SIBLINGS.replace("for GPU inference", "for the other box"), partial(_sibling_records, gpu_energy=4.59),
                 "g-e", "gpu-w", id="a_sibling_whose_label_the_sentence_does_not_name_takes_nothing"),
    pytest.param(FORMULA.replace("3600 / 1e9", "3600 / 1e6"), partial(_formula_records, a100=0.046),
                 "a-c", "a-p", id="a_bracketed_formula_whose_constants_are_no_conversions_takes_nothing"),
]


@pytest.mark.parametrize("text, records, target, not_input", TAKES_NOTHING)
def test_a_relation_without_its_grounds_takes_nothing(text, records, target, not_input):
    props = {p.target: p for p in propose(text, records(text))}
    assert target not in props or not_input not in props[target].inputs.values()
