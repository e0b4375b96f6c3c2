"""flop56: FLOP figures, scientific notation and percentages in prose (designed on dev-B).

- "6.3 yottaFLOPs", "21 zettaFLOPs": so many operations, a training run's compute, in the unit
  written (they were not read at all; "6.3e24 FLOPs" was).
- FLOPs per token are a model's compute per token ("4.2e11 FLOPs / token"; they were drafted as an
  amount of FLOPs), not where a parameter follows ("2 FLOPs per token per parameter").
- A number that closes an inline code span, its unit of measure after it ("`6 * 70e9 = 4.2e11`
  FLOPs / token"), takes that unit (it was read without one).
- Petaflop/s-days as the prefix's symbol writes them ("PFLOP/s-days", "PFLOPS-days", "PF/s-days")
  are compute, as "petaflop/s-days" and "PF-days" were; "1 PFLOP FP4" is a chip's speed.
- A percent multiplied into an amount ("$36,000 × 3.18% = ~$1,145") is a share the article
  states, not only an operand of its arithmetic (it was dropped with the operands).
- "edge" at the end of a compound adjective ("3-10% of annual leading-edge wafer production") is
  no percent advantage: the percent is a share (it was drafted as a ratio of 1.03 to 1.1).
- Half of a whole named without a determiner ("close to half of datacenter capex") is a share, as
  "half of the total" is (it was not read).
"""
from __future__ import annotations

import pytest

from conftest import value_units

_read = value_units


@pytest.mark.parametrize("text, value, unit", [
    ("That's easy, it's just `4.2e11 * 15e12 = 6.3e24 FLOPs` total. 6.3 yottaFLOPs. That's a lot!",
     6.3, "yottaFLOP"),
    ("GPT-4 used about 21 zettaFLOPs of training compute.", 21.0, "zettaFLOP"),
])
def test_zetta_and_yotta_flops(text, value, unit):
    assert (value, unit) in _read(text)


def test_scientific_flops_unchanged():
    assert (6.3e24, "FLOP") in _read("it's just `4.2e11 * 15e12 = 6.3e24 FLOPs` total.")


_R151 = ("**Answer**: As shown in [Section 4](../transformers), we do roughly $$6 \\cdot \\text{param count}$$ FLOPs "
         "per token, so here that's roughly `6 * 70e9 = 4.2e11` FLOPs / token. That's about half a TFLOP per token.")


def test_flops_per_token_after_code_span():
    assert (4.2e11, "FLOP/token") in _read(_R151)


@pytest.mark.parametrize("text, value, unit", [
    ("that's roughly 4.2e11 FLOPs per token.", 4.2e11, "FLOP/token"),
    ("about 2 FLOPs per token per parameter", 2.0, "FLOP"),
    ("each TPU v5p can perform 4.59e14 FLOPs / second.", 4.59e14, "FLOP/s"),
])
def test_flops_per_token(text, value, unit):
    assert (value, unit) in _read(text)


def test_code_span_before_count_noun_unchanged():
    assert (168.0, "GPU") not in _read("(so `21*8=168` cards for intra-node and `3*8=24` cards for inter-node)")


@pytest.mark.parametrize("text", ["GPT-3 took 3,640 PFLOP/s-days.", "GPT-3 took 3,640 PFLOPS-days.",
                                  "GPT-3 took 3,640 PF/s-days.", "GPT-3 took 3,640 PFLOPs-days."])
def test_petaflop_s_days_by_symbol(text):
    assert (3640.0, "petaflop_s_day") in _read(text)


def test_pflop_with_number_format_is_a_speed():
    assert (1.0, "PFLOPS") in _read("| **AI Compute**| 1 PFLOP FP4                  |")


@pytest.mark.parametrize("text, value", [
    ("- TSMC: $36,000 × 3.18% = ~$1,145", 3.18),
    ("- ASML: $36,000 × 1.19% = ~$430", 1.19),
    ("**$43,200 × 27.9% = ~$12,050 in AI-heavy stocks**", 27.9),
])
def test_percent_operand_is_drafted(text, value):
    assert (value, "percent") in _read(text)


def test_other_operands_keep_their_own_units():
    # (a non-percent operand is no share; since disc65 a product whose operands write their units
    # spaced is compact arithmetic, whose operands are each a quantity of their own, as in "16x80GB=1280GB")
    assert _read("Monthly: 30 days × 20 GB = 600 GB") == {(30.0, "day"), (20.0, "GB"), (600.0, "GB")}


def test_leading_edge_is_no_advantage():
    got = _read("that's about 3-10% of annual leading-edge wafer production.")
    assert ((3.0, 10.0), "percent") in got
    assert not any(u == "x" for _, u in got)


def test_edge_noun_still_a_ratio():
    assert (1.2, "x") in _read("That gives it a 20% edge over the A100 on price.")


@pytest.mark.parametrize("text", [
    "Nvidia's datacenter revenue is close to half of datacenter capex.",
    "smartphones are close to half of leading chip demand",
])
def test_half_of_a_bare_noun_is_a_share(text):
    assert (50.0, "percent") in _read(text)


@pytest.mark.parametrize("text, value, unit", [
    ("It costs a third of the old chip's price.", 0.333333333, "x"),
    ("in the second half of 2024", None, None),
    ("half of which were idle", None, None),
])
def test_half_of_unchanged(text, value, unit):
    got = _read(text)
    if value is None:
        assert not got
    else:
        assert (value, unit) in got
