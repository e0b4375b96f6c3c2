"""kb.core.formula (the safe grammar of derived: formulas) and kb.core.units.UnitSize (the unit
algebra the arithmetic core uses instead of importing pint), checked against pint itself."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.core.derive import Derived
from kb.core.formula import MAX_LENGTH, FormulaError, parse
from kb.core.units import UnitSize, registry

# ---------------------------------------------------------------------- the grammar


@pytest.mark.parametrize("text, names, constants", [
    ("a * b", ("a", "b"), ()),
    ("  (a - b) / b", ("a", "b"), ()),
    ("-a + 3 * b", ("a", "b"), ()),
    ("a * 1e3 + b_2", ("a", "b_2"), ()),
    ("[6 FLOP/parameter/token] * p * t", ("p", "t"), ("FLOP/parameter/token",)),
    ("w * [2 byte/parameter]", ("w",), ("byte/parameter",)),
    ("(i * a + o * b) / [1 request] * n", ("i", "a", "o", "b", "n"), ("request",)),
    ("t * [0.03 USD per 1K tokens]", ("t",), ("USD per 1K tokens",)),
])
def test_accepted_formulas(text, names, constants):
    f = parse(text)
    assert f.names == names and tuple(c.unit for c in f.constants) == constants


@pytest.mark.parametrize("text, words", [
    ("", "empty"),
    ("a ** 2", "operator ** is not allowed"),
    ("a // 2", "operator // is not allowed"),
    ("a % 2", "operator % is not allowed"),
    ("~a", "operator ~ is not allowed"),
    ("f(a)", "a call is not allowed"),
    ("a.b", "an attribute is not allowed"),
    ("a[0]", "a constant in brackets is a number and a unit"),
    ("a if b else c", "if/else is not allowed"),
    ("a < b", "a comparison is not allowed"),
    ("a and b", "and/or is not allowed"),
    ("lambda: 1", "a lambda is not allowed"),
    ("'text'", "is not a number"),
    ("True + a", "is not a number"),
    ("1j * a", "is not a number"),
    ("_a * b", "a name starts with a letter"),
    ("__import__('os').system('x')", "a name starts with a letter"),
    ("[2] * a", "a number and a unit"),
    ("[2 blorp] * a", "unknown unit 'blorp'"),
    ("[[2 W]] * a", "unmatched"),
    ("a * [2 W", "unmatched"),
    ("a +", "not a formula"),
    ("a b", "not a formula"),
    ("a" * (MAX_LENGTH + 1), "longer than"),
])
def test_refused_formulas(text, words):
    with pytest.raises(FormulaError, match=words.replace("*", r"\*").replace("[", r"\[")):
        parse(text)


def test_an_error_says_its_column():
    with pytest.raises(FormulaError) as info:
        parse("  a * b ** 2")
    assert info.value.column == 7


def test_deep_nesting_is_refused_or_evaluated_never_a_crash():
    for text in ("(" * 300 + "a" + ")" * 300, "-" * 490 + "a", "+".join(["a"] * 240)):
        try:
            f = parse(text)
        except FormulaError:
            continue
        assert f.evaluate({"a": Derived.of(1.0)}).low == f.evaluate({"a": Derived.of(1.0)}).high


def test_evaluation_shows_the_inputs_as_labelled_and_refuses_what_arithmetic_refuses():
    f = parse("n * t")
    v = f.evaluate({"n": Derived.of(8, unit="GPU", formula="8 GPUs"), "t": Derived.of(700, unit="W", formula="700 W")})
    assert v.formula == "8 GPUs × 700 W" and v.to("kW").low == pytest.approx(5.6)
    with pytest.raises(FormulaError, match="no value for t"):
        f.evaluate({"n": Derived.of(8)})
    with pytest.raises(FormulaError, match="cannot express"):
        parse("a + b").evaluate({"a": Derived.of(1, unit="W"), "b": Derived.of(1, unit="USD")})
    with pytest.raises(FormulaError, match="division by zero"):
        parse("a / b").evaluate({"a": Derived.of(1), "b": Derived.of(0)})
    # a plain number is exact; a bracketed constant carries its unit
    c = parse("[6 FLOP/parameter/token] * p * t").evaluate(
        {"p": Derived.of(7, unit="billion parameter"), "t": Derived.of(1, unit="trillion token")})
    assert c.to("FLOP").low == pytest.approx(4.2e22)


# ---------------------------------------------------------------------- UnitSize gives pint's results

UNITS = ["W", "kW", "USD/hour", "USD per 1M tokens", "token/s", "hour", "s", "month", "day", "year", "GPU", "x",
         "percent", "TFLOPS", "FLOP", "billion parameter", "GB", "GiB", "TB/s", "USD/kWh", "MWh", "J/token",
         "Wh/query", "token", "USD", "million USD/month", "USD/GPU-hour", "byte", "node", "ms", "kWh",
         "USD per 1K tokens", "query/day", "token/word", "word"]


def _pint_reference(a_units: list[str], ops: list[str]):
    """What the derive layer computed with pint before it had UnitSize: the product,
    pint's reduced units, the plain ratio x dropped, and the unit text of the result."""
    ureg = registry()
    from kb.core.units import parse_unit

    q = parse_unit(a_units[0])
    for u, op in zip(a_units[1:], ops):
        b = parse_unit(u)
        q = q * b if op == "*" else q / b
        if q.dimensionless:
            q = q.to("x") if dict(q.units._units) == {"x": 1} else q.to("dimensionless")
        else:
            q = q.to_reduced_units()
            names = dict(q.units._units)
            if "x" in names:
                rest = ureg.Unit("dimensionless")
                for n, e in names.items():
                    if n != "x":
                        rest *= ureg.Unit(n) ** e
                q = q.to(rest)
    return float(q.magnitude), UnitSize.from_pint(q).text()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(UNITS), min_size=2, max_size=4), st.lists(st.sampled_from("*/"), min_size=3, max_size=3))
def test_unit_algebra_agrees_with_pint(units, ops):
    ops = ops[: len(units) - 1]
    size = UnitSize.of(units[0])
    for u, op in zip(units[1:], ops):
        b = UnitSize.of(u)
        size = (size * b if op == "*" else size / b).reduced()
    magnitude, text = _pint_reference(units, ops)
    assert size.text() == text
    assert math.isclose(size.magnitude, magnitude, rel_tol=1e-9)


@pytest.mark.parametrize("a, b", [("month", "day"), ("year", "hour"), ("GiB", "GB"), ("byte", "bit"), ("kWh", "J"),
                                  ("USD per 1K tokens", "USD per 1M tokens")])
def test_conversions_agree_with_pint(a, b):
    from kb.core.units import parse_unit

    expected = float((parse_unit(a) / parse_unit(b)).to("dimensionless").magnitude)
    assert math.isclose(UnitSize.of(a).ratio(UnitSize.of(b)), expected, rel_tol=1e-12)


def test_different_dimensions_do_not_convert():
    from kb.errors import UnitError

    with pytest.raises(UnitError) as info:
        UnitSize.of("W").ratio(UnitSize.of("USD/hour"))
    assert info.value.kind == "dimension" and "[currency]/[time]" in str(info.value)


def test_derived_values_still_speak_pint_where_a_notebook_asks():
    """The core is pint-free, but a notebook can still hand it pint units and get pint back."""
    ureg = registry()
    d = Derived.of(2, 3, "USD per 1M tokens")
    assert str(d.one.units) == "USD / token" and d.one.magnitude == pytest.approx(1e-6)
    assert list(d.quantity.magnitude) == pytest.approx([2e-6, 3e-6])
    assert Derived.of(1, unit="W").to(ureg.kW).low == pytest.approx(0.001)
    assert Derived.of(1, unit="W").to(1 * ureg.kW).unit == "kW"
    e = Derived.of(2, unit="W") * (3 * ureg.hour)
    assert e.unit == "W·hour" and e.to("Wh").low == pytest.approx(6)
