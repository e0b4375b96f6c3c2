"""kb.core.intervals: property tests, and equal values in other units giving overlapping intervals.

The unit-equivalence tests go through the real path: a tiny project is written to a temp
folder and read with :func:`kb.load.load`, exactly as ``kb check`` reads claims.
"""

from __future__ import annotations

import math
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.core.intervals import (APPROX_RELATIVE, QUALIFIERS, TOLERANCES, Interval, gap_ratio, interval, midpoint,
                               overlaps, value_ratio)
from kb.core.records import Property
from kb.store.load import load
from kb.store.normalise import Problem, to_interval

SETTINGS = settings(max_examples=200, deadline=None, derandomize=True, database=None)

# Canonical values are 0 or well above float underflow (1e-12 USD per 1M tokens is far
# below any real price), so the strategies stay in that range.
finite = st.one_of(st.just(0.0), st.floats(min_value=1e-12, max_value=1e15, allow_nan=False, allow_infinity=False))
positive = st.floats(min_value=1e-9, max_value=1e15, allow_nan=False, allow_infinity=False)
precision = st.floats(min_value=0.0, max_value=10.0, allow_nan=False)


@st.composite
def intervals(draw, open_ended=True):
    lo = draw(finite)
    if open_ended and draw(st.booleans()) and draw(st.booleans()):
        return (lo, math.inf)
    hi = draw(st.floats(min_value=lo, max_value=max(lo, 1e15) * 2, allow_nan=False, allow_infinity=False))
    return (lo, hi)


# ---------------------------------------------------------------- comparisons


@SETTINGS
@given(intervals(), intervals())
def test_overlaps_is_symmetric(a, b):
    assert overlaps(a, b) == overlaps(b, a)


@SETTINGS
@given(intervals(), intervals())
def test_gap_ratio_is_symmetric_and_at_least_one(a, b):
    r = gap_ratio(a, b)
    assert r == gap_ratio(b, a)
    assert r >= 1.0
    if overlaps(a, b):
        assert r == 1.0
    elif min(a[1], b[1]) > 0:
        assert r > 1.0


@SETTINGS
@given(intervals())
def test_an_interval_overlaps_itself(a):
    assert overlaps(a, a)
    assert gap_ratio(a, a) == 1.0


@SETTINGS
@given(positive, positive, st.floats(min_value=1.0001, max_value=1e6))
def test_gap_ratio_of_disjoint_points_is_their_ratio(x, width, factor):
    a = (x, x * (1 + 1e-9))
    b = (a[1] * factor, a[1] * factor * 2)
    assert not overlaps(a, b)
    assert math.isclose(gap_ratio(a, b), factor, rel_tol=1e-9)


@SETTINGS
@given(intervals(open_ended=False), intervals(open_ended=False))
def test_value_ratio_is_reciprocal(a, b):
    r, s = value_ratio(a, b), value_ratio(b, a)
    if 0 < r < math.inf and 0 < s < math.inf:
        assert math.isclose(r * s, 1.0, rel_tol=1e-9)


@SETTINGS
@given(intervals(), intervals())
def test_compare_defines_factor_and_direction_once(a, b):
    ia, ib = Interval(*a, "W"), Interval(*b, "W")
    factor, direction = ia.compare(ib)
    back, back_direction = ib.compare(ia)
    assert factor == back == gap_ratio(a, b)
    assert {direction, back_direction} in ({"within"}, {"above", "below"})
    assert (direction == "within") == ia.overlaps(ib)
    if direction == "above":
        assert ia.low > ib.high


def test_compare_refuses_other_units():
    with pytest.raises(ValueError, match="cannot compare"):
        Interval(1, 2, "W").compare(Interval(1, 2, "kW"))


@SETTINGS
@given(positive, st.sampled_from(QUALIFIERS), st.sampled_from(["W", "kW", "MW", "mW"]))
def test_the_normaliser_never_gives_a_negative_or_empty_interval(x, q, unit):
    prop = Property("tdp", "TDP", "d", "x.yaml", 1, canonical_unit="W", states_maximum=q == "upper_bound")
    iv = to_interval(prop, q, unit, None if q == "range" else x, x, x * 2)
    assert isinstance(iv, Interval) and 0 <= iv.low <= iv.high and iv.unit == "W"


def test_the_normaliser_names_the_rule_a_unit_breaks():
    prop = Property("tdp", "TDP", "d", "x.yaml", 1, canonical_unit="W")
    assert to_interval(prop, "exact", "gizmos", 1.0).rule.id == "unit-unknown"
    assert to_interval(prop, "exact", "USD/token", 1.0).rule.id == "unit-dimension"
    assert to_interval(prop, "exact", None, 1.0).rule.id == "schema"


@SETTINGS
@given(intervals())
def test_midpoint_lies_in_the_interval(a):
    m = midpoint(a)
    assert a[0] <= m <= a[1] or math.isclose(m, a[0]) or math.isclose(m, a[1])


# ---------------------------------------------------------------- intervals by qualifier


@SETTINGS
@given(positive, precision, st.booleans())
def test_upper_bound_starts_at_zero(value, p, states_maximum):
    lo, hi = interval("upper_bound", value, None, None, (p, p), states_maximum)
    assert hi >= value
    if states_maximum:
        assert (lo, hi) == interval("exact", value, None, None, (p, p))
    else:
        assert lo == 0.0


@SETTINGS
@given(positive, precision, st.booleans())
def test_lower_bound_ends_at_infinity(value, p, states_maximum):
    lo, hi = interval("lower_bound", value, None, None, (p, p), states_maximum)
    assert hi == math.inf
    assert lo <= value


@SETTINGS
@given(positive, precision)
def test_exact_is_value_plus_minus_precision(value, p):
    lo, hi = interval("exact", value, None, None, (p, p))
    assert math.isclose(lo, value - p) and math.isclose(hi, value + p)
    assert lo <= value <= hi


@SETTINGS
@given(positive, precision)
def test_approx_contains_exact(value, p):
    alo, ahi = interval("approx", value, None, None, (p, p))
    elo, ehi = interval("exact", value, None, None, (p, p))
    assert alo <= elo and ehi <= ahi
    assert alo <= value * (1 - APPROX_RELATIVE) and ahi >= value * (1 + APPROX_RELATIVE)


@SETTINGS
@given(positive, positive, precision, precision)
def test_range_contains_its_ends(a, b, p_lo, p_hi):
    low, high = min(a, b), max(a, b)
    lo, hi = interval("range", None, low, high, (p_lo, p_hi))
    assert lo <= low and high <= hi


@SETTINGS
@given(st.sampled_from([q for q in QUALIFIERS if q != "range"]), positive, precision, st.booleans())
def test_every_interval_contains_its_value(q, value, p, states_maximum):
    lo, hi = interval(q, value, None, None, (p, p), states_maximum)
    assert lo <= value <= hi


def test_every_qualifier_has_a_documented_tolerance():
    assert set(TOLERANCES) == set(QUALIFIERS)


# ---------------------------------------------------------------- same value, other units


def _canonical(value_text: str, unit: str, canonical: str, qualifier: str = "exact") -> tuple[float, float]:
    """The real normaliser (the one the loader calls) on one value."""
    prop = Property("p", "P", "d", "x.yaml", 1, canonical_unit=canonical)
    iv = to_interval(prop, qualifier, unit, float(value_text), written={"value": value_text})
    assert not isinstance(iv, Problem), iv
    return iv.bounds


decimals = st.integers(min_value=1, max_value=10**7).flatmap(
    lambda n: st.integers(min_value=0, max_value=4).map(lambda d: Decimal(n).scaleb(-d))
)


@SETTINGS
@given(decimals, st.sampled_from(["exact", "approx"]))
def test_same_power_in_watts_and_kilowatts_overlaps(x, q):
    kw = x.scaleb(-3)
    assert overlaps(_canonical(str(x), "W", "W", q), _canonical(str(kw), "kW", "W", q))


@SETTINGS
@given(decimals, st.sampled_from(["exact", "approx"]))
def test_same_token_price_per_token_per_1k_per_1m_overlaps(x, q):
    per_1m = _canonical(str(x), "USD per 1M tokens", "USD per 1M tokens", q)
    per_1k = _canonical(str(x.scaleb(-3)), "USD per 1K tokens", "USD per 1M tokens", q)
    per_token = _canonical(str(x.scaleb(-6)), "$/token", "USD per 1M tokens", q)
    assert overlaps(per_1m, per_1k) and overlaps(per_1m, per_token) and overlaps(per_1k, per_token)


@SETTINGS
@given(decimals)
def test_a_scale_slip_never_overlaps(x):
    """The same digits per token and per 1K tokens are 1000x apart and must not overlap."""
    if x < 1:
        return
    per_token = _canonical(str(x), "USD/token", "USD per 1M tokens")
    per_1k = _canonical(str(x), "USD per 1K tokens", "USD per 1M tokens")
    assert not overlaps(per_token, per_1k)
    assert gap_ratio(per_token, per_1k) > 100


PROPS = """\
properties:
  - {id: tdp, name: TDP, description: d, canonical_unit: W, states_maximum: true, conditions: []}
  - {id: token-price, name: Price, description: d, canonical_unit: USD per 1M tokens, conditions: []}
  - {id: context-window, name: Context, description: d, canonical_unit: token, states_maximum: true, conditions: []}
  - {id: parameters-total, name: Params, description: d, canonical_unit: billion parameter, conditions: []}
"""
ENTS = "entities:\n  - {id: e, name: E, kind: gpu}\n"

PAIRS = [
    ("tdp", ("700", "W"), ("0.7", "kW")),
    ("tdp", ("700", "watts"), ("0.7", "kilowatts")),
    ("token-price", ("30", "USD per 1M tokens"), ("0.00003", "USD/token")),
    ("token-price", ("30", "$ per 1M tokens"), ("0.03", "$ per 1K tokens")),
    ("token-price", ("0.03", "USD per 1K tokens"), ("0.00003", "$ per token")),
    ("context-window", ("128", "K token"), ("128000", "token")),
    ("context-window", ("2", "million tokens"), ("2,000,000", "tokens")),
    ("parameters-total", ("405", "billion parameters"), ("405000", "million parameters")),
]


def _project(tmp: Path, prop: str, a: tuple[str, str], b: tuple[str, str]) -> Path:
    (tmp / "claims").mkdir()
    for d in ("sources", "entities", "properties", "references"):
        (tmp / "datasets" / d).mkdir(parents=True)
    (tmp / "datasets" / "properties" / "p.yaml").write_text(PROPS, encoding="utf-8")
    (tmp / "datasets" / "entities" / "e.yaml").write_text(ENTS, encoding="utf-8")
    recs = []
    for i, (value, unit) in enumerate((a, b)):
        recs.append(
            f"  - id: c{i}\n    entity: e\n    property: {prop}\n    value: \"{value}\"\n"
            f"    unit: \"{unit}\"\n    qualifier: exact\n    quote: q\n    start: 0\n    end: 1\n"
        )
    (tmp / "claims" / "s.yaml").write_text("source: s\nclaims:\n" + "".join(recs), encoding="utf-8")
    return tmp


@pytest.mark.parametrize("prop,a,b", PAIRS, ids=[f"{a[0]} {a[1]} = {b[0]} {b[1]}" for _, a, b in PAIRS])
def test_loaded_claims_in_other_units_overlap(tmp_path, prop, a, b):
    kb = load(_project(tmp_path, prop, a, b))
    unit_issues = [f for f in kb.load_findings if f.code.startswith("unit")]
    assert not unit_issues, unit_issues
    c0, c1 = sorted(kb.claims, key=lambda c: c.id)
    assert c0.ok and c1.ok
    assert c0.interval.overlaps(c1.interval), (c0.interval, c1.interval)
    assert c0.interval.unit == c1.interval.unit == kb.properties[prop].canonical_unit


@settings(max_examples=25, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(decimals)
def test_loaded_watts_and_kilowatts_overlap_for_any_value(tmp_path_factory, x):
    tmp = tmp_path_factory.mktemp("kw")
    kb = load(_project(tmp, "tdp", (str(x), "W"), (str(x.scaleb(-3)), "kW")))
    c0, c1 = sorted(kb.claims, key=lambda c: c.id)
    assert c0.interval.overlaps(c1.interval)
