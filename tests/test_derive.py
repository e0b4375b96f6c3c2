"""kb.analysis.derive: interval arithmetic with units and lineage, checked against hand-computed values."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest

from kb.analysis import derive
from kb.analysis.derive import Derived, DeriveError, constant, envelope, fmt, from_record
from kb.core.intervals import Interval


def rec(ident, low, high, unit, **kw):
    """A stand-in for a claim or reference: only what from_record reads."""
    iv = Interval(low, high, unit) if low is not None else None
    return SimpleNamespace(id=ident, interval=iv, **kw)


def approx(d: Derived, low: float, high: float, rel: float = 1e-9) -> bool:
    return d.low == pytest.approx(low, rel=rel) and d.high == pytest.approx(high, rel=rel)


# ---------------------------------------------------------------------- interval rules


def test_product_of_positive_intervals_is_product_of_ends():
    d = Derived.of(2, 3, "W") * Derived.of(4, 5)
    assert (d.low, d.high) == (8, 15)


def test_product_with_a_negative_end_takes_the_extremes():
    d = Derived.of(-1, 2) * Derived.of(3, 4)
    assert (d.low, d.high) == (-4, 8)


def test_quotient_of_positive_intervals():
    d = Derived.of(10, 20) / Derived.of(2, 5)
    assert (d.low, d.high) == (2, 10)


def test_divisor_starting_at_zero_gives_an_open_upper_end():
    d = Derived.of(10, 20) / Derived.of(0, 5)
    assert d.low == 2 and d.high == math.inf


def test_divisor_holding_zero_inside_is_an_error():
    with pytest.raises(DeriveError, match="holds 0"):
        Derived.of(1, 2) / Derived.of(-1, 1)


def test_division_by_exact_zero():
    with pytest.raises(ZeroDivisionError):
        Derived.of(1, 2) / Derived.of(0, 0)


def test_infinite_ends_propagate_and_zero_times_infinity_is_zero():
    # "over 1" × "up to 2": anything from 0 up.
    d = Derived.of(1, math.inf) * Derived.of(0, 2)
    assert (d.low, d.high) == (0, math.inf)
    # "up to 30.5" ÷ "over 0.025": at most 1,220.
    d = Derived.of(0, 30.5) / Derived.of(0.025, math.inf)
    assert approx(d, 0, 1220)


def test_sum_and_difference_convert_the_second_operand_to_the_first_unit():
    s = Derived.of(1, 1, "kW") + Derived.of(500, 600, "W")
    assert s.unit == "kW" and approx(s, 1.5, 1.6)
    d = Derived.of(10, 12, "W") - Derived.of(1, 3, "W")
    assert (d.low, d.high) == (7, 11)  # [a - d, b - c]


def test_sum_of_different_dimensions_is_refused():
    with pytest.raises(DeriveError, match="cannot express"):
        Derived.of(1, 1, "W") + Derived.of(1, 1, "token")


def test_power_of_a_positive_interval():
    d = Derived.of(4, 9) ** 0.5
    assert (d.low, d.high) == (2, 3)
    assert approx(Derived.of(105_000, 105_000, "x") ** (1 / 10), 105_000 ** 0.1, 105_000 ** 0.1)


def test_malformed_intervals_are_refused():
    with pytest.raises(DeriveError):
        Derived.of(3, 2)
    with pytest.raises(DeriveError):
        Derived.of(math.inf, math.inf)
    with pytest.raises(DeriveError):
        Derived.of(float("nan"))


# ---------------------------------------------------------------------- units


def test_the_issues_example_cost_per_token():
    """Implied cost per token = rental price per GPU-hour ÷ (tokens per second × 3,600 s/hour).

    By hand: $2 per GPU-hour and 1,000 tokens/s: 2 / (1,000 × 3,600) = 5.5556e-7 USD per
    token = $0.5556 per million tokens.
    """
    price = from_record(rec("price", 2, 2, "USD/GPU-hour"))
    speed = from_record(rec("speed", 1000, 1000, "token/s"))
    per_hour = speed * constant(3600, "s/hour")
    cost = price / per_hour
    assert cost.unit == "USD/token"
    assert approx(cost, 2 / 3.6e6, 2 / 3.6e6)
    assert approx(cost.to("USD per 1M tokens"), 0.5555555555, 0.5555555556, rel=1e-9)
    # pint cancels hours against seconds without the explicit constant as well
    assert approx((price / speed).to("USD/token"), 2 / 3.6e6, 2 / 3.6e6)


def test_canonical_units_with_scale_words_are_read():
    # 30,000 USD per 1M tokens is 0.03 USD per token
    d = from_record(rec("t", 30_000, 30_000, "USD per 1M tokens")).to("USD/token")
    assert approx(d, 0.03, 0.03)
    # 405 billion parameters
    assert approx(from_record(rec("p", 405, 405, "billion parameter")).to("parameter"), 4.05e11, 4.05e11)


def test_energy_per_token_in_joules():
    # 700 W ÷ 350 token/s = 2 J per token
    e = (Derived.of(700, 700, "W") / Derived.of(350, 350, "token/s")).to("J/token")
    assert approx(e, 2, 2) and e.unit == "J/token"


def test_ratio_of_plain_ratios_stays_dimensionless():
    r = Derived.of(105_000, 105_000, "x") / Derived.of(50_000, 50_000, "x")
    assert approx(r, 2.1, 2.1)
    assert r.display() == "2.1"


def test_plain_ratio_drops_out_of_a_product():
    d = Derived.of(0.1, 0.1, "J/token") * Derived.of(1000, 1000, "x")
    assert d.unit == "J/token" and approx(d, 100, 100)


def test_converting_to_another_dimension_is_refused():
    with pytest.raises(DeriveError, match="cannot express"):
        Derived.of(1, 1, "W").to("USD/hour")


# ---------------------------------------------------------------------- lineage


def test_inputs_are_the_union_of_the_operands_ids_sorted():
    a = from_record(rec("b-claim", 1, 2, "USD/hour"))
    b = from_record(rec("a-ref", 3, 4, "token/s"))
    c = from_record(rec("c-claim", 1, 1, "x"))
    d = (a / b) * c
    assert d.inputs == ("a-ref", "b-claim", "c-claim")
    assert (a / (b * c)).formula == "b-claim ÷ (a-ref × c-claim)"
    assert ((a / b) * c).formula == "b-claim ÷ a-ref × c-claim"
    assert (a - (a - a)).formula == "b-claim − (b-claim − b-claim)"


def test_conversion_and_naming_keep_the_inputs():
    d = from_record(rec("x", 1, 2, "kW")).to("W").named("power")
    assert d.inputs == ("x",) and d.formula == "power" and (d.low, d.high) == (1000, 2000)


def test_constants_and_plain_numbers_have_no_inputs():
    d = from_record(rec("x", 1, 2, "W")) * 2
    assert d.inputs == ("x",) and d.formula == "x × 2" and (d.low, d.high) == (2, 4)
    assert constant(3600, "s/hour").inputs == ()


def test_from_record_refuses_categorical_and_unusable_records():
    with pytest.raises(DeriveError, match="categorical"):
        from_record(SimpleNamespace(id="v", interval=None, categorical=True))
    with pytest.raises(DeriveError, match="no usable value"):
        from_record(rec("u", None, None, None))


def test_stated_reads_the_number_as_written():
    r = SimpleNamespace(id="c", qualifier="upper_bound", value=30.0, low=None, high=None, unit="USD/hour",
                        categorical=False)
    d = derive.stated(r)
    assert (d.low, d.high, d.unit, d.inputs) == (30, 30, "USD/hour", ("c",))


# ---------------------------------------------------------------------- comparing


def test_envelope_gap_and_overlap():
    a = envelope([Derived.of(2, 3, "USD/hour", inputs=["p1"]), Derived.of(400, 500, "cent/hour", inputs=["p2"])])
    assert a.unit == "USD/hour" and approx(a, 2, 5) and a.inputs == ("p1", "p2")
    b = Derived.of(50, 60, "USD/hour")
    assert not a.overlaps(b) and a.gap(b) == pytest.approx(10)
    assert a.overlaps(Derived.of(4, 40, "USD/hour")) and a.gap(Derived.of(4, 40, "USD/hour")) == 1


def test_display_and_fmt():
    assert Derived.of(0, 30.5, "USD/hour").display() == "0–30.5 USD/hour"
    assert Derived.of(0.025, math.inf, "USD/token").display() == "≥ 0.025 USD/token"
    assert Derived.of(700, 700, "W").display() == "700 W"
    assert fmt(0.008472) == "0.00847"
    assert fmt(1220.3) == "1,220"
    assert fmt(105_000) == "105,000"
    assert fmt(3.2e-9) == "3.20e-09"
    assert fmt(math.inf) == "∞"


# ---------------------------------------------------------------------- tables


def test_table_envelope_by_and_join():
    import pandas as pd

    tput = pd.DataFrame({"entity": ["g1", "g2"], "value": [Derived.of(100, 100, "TFLOPS", inputs=["t1"]),
                                                           Derived.of(300, 300, "TFLOPS", inputs=["t2"])]})
    tdp = pd.DataFrame({"entity": ["g1", "g1", "g2"], "value": [Derived.of(200, 250, "W", inputs=["w1"]),
                                                                Derived.of(250, 250, "W", inputs=["w2"]),
                                                                Derived.of(300, 300, "W", inputs=["w3"])]})
    env = derive.envelope_by(tdp, "entity")
    assert list(env["n"]) == [2, 1]
    per_watt = derive.join(tput, env, lambda t, p: (t / p).to("TFLOPS/W"))
    t = derive.table(per_watt)
    assert list(t["entity"]) == ["g1", "g2"]
    assert t.loc[0, "low"] == pytest.approx(0.4) and t.loc[0, "high"] == pytest.approx(0.5)
    assert t.loc[0, "inputs"] == "t1, w1, w2"
    assert t.loc[1, "value"] == "1 TFLOPS/W"
    against = derive.table({"x": Derived.of(1, 1, "TFLOPS/W")}, against=Derived.of(2, 3, "TFLOPS/W"))
    assert list(against.columns[:2]) == ["what", "value"] and against.loc[0, "factor"] == 2


# ---------------------------------------------------------------------- on the real data


def test_article_001_price_and_token_price_imply_an_impossible_h100(kb_api):
    """"Up to $30 per hour" with "over $0.03 per token": at most 30.5 / 3,600 / 0.025 tokens/s."""
    implied = (kb_api.value("s001-h100-rental-price") / kb_api.value("s001-llms-token-price")).to("token/s")
    assert implied.low == 0 and implied.high == pytest.approx(30.5 / 3600 / 0.025)
    assert implied.inputs == ("s001-h100-rental-price", "s001-llms-token-price")
    point = (kb_api.value("s001-h100-rental-price", stated=True)
             / kb_api.value("s001-llms-token-price", stated=True)).to("token/s")
    assert point.low == pytest.approx(30 / 3600 / 0.03)  # 0.278 tokens per second
    h100 = envelope(kb_api.reference_values("inference-throughput", scope="per-gpu",
                                            entities=kb_api.related_entities("nvidia-h100"))["value"])
    assert not implied.overlaps(h100) and implied.gap(h100) > 100


@pytest.fixture(scope="module")
def kb_api():
    from pathlib import Path

    from kb.analysis import api

    return api.open_kb(Path(__file__).resolve().parents[1])
