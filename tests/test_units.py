"""kb.core.units: every form articles use is read completely, and nothing is silently dropped.

The unit text excludes the number: "$0.03 per token" is value 0.03, unit "$ per token".
"""

from __future__ import annotations

import math

import pytest

from kb.core.intervals import stated_precision
from kb.core.units import (
    UnitError,
    conversion_factor,
    dimensionality,
    parse_unit,
    to_quantity,
    ureg,
)


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-12)


# (value, unit text, expected magnitude, expected pint unit) for the forms in the issue.
ARTICLE_FORMS = [
    (0.03, "$ per token", 0.03, "USD/token"),
    (0.03, "$/token", 0.03, "USD/token"),
    (0.03, "USD per token", 0.03, "USD/token"),
    (100, "$ million per month", 100e6, "USD/month"),
    (100, "million $ per month", 100e6, "USD/month"),
    (100, "million USD/month", 100e6, "USD/month"),
    (405, "billion parameters", 405e9, "parameter"),
    (405, "billion parameter", 405e9, "parameter"),
    (405, "B parameter", 405e9, "parameter"),
    (2, "million tokens", 2e6, "token"),
    (128, "K tokens", 128e3, "token"),
    (60, "teraflops", 60e12, "FLOP/second"),
    (60, "TFLOPS", 60e12, "FLOP/second"),
    (2, "PFLOPS", 2e15, "FLOP/second"),
    (700, "watts", 700, "W"),
    (0.7, "kW", 700, "W"),
    (105_000, "x", 105_000, "dimensionless"),
    (105_000, "times", 105_000, "dimensionless"),
    (30, "USD per 1M tokens", 30e-6, "USD/token"),
    (30, "$ / 1M tokens", 30e-6, "USD/token"),
    (0.03, "USD per 1K tokens", 0.03e-3, "USD/token"),
    (0.03, "$ per 1k tokens", 0.03e-3, "USD/token"),
    (0.03, "$ per thousand tokens", 0.03e-3, "USD/token"),
    (2.5, "USD per million tokens", 2.5e-6, "USD/token"),
    (2.5, "USD/GPU-hour", 2.5, "USD/hour"),
    (2.5, "$ per GPU-hour", 2.5, "USD/hour"),
    (3.35, "TB/s", 3.35e12, "byte/second"),
    (80, "GB", 80e9, "byte"),
    (250, "ms", 0.25, "second"),
]


@pytest.mark.parametrize("value,unit,magnitude,target", ARTICLE_FORMS, ids=[f"{v} {u}" for v, u, *_ in ARTICLE_FORMS])
def test_article_forms_normalise(value, unit, magnitude, target):
    q = to_quantity(value, unit)
    converted = q.to(target)
    assert close(converted.magnitude, magnitude), (q, converted)


def test_whole_phrase_with_number_reads_completely():
    # A unit text may carry its number too: nothing in it is dropped.
    assert close(parse_unit("$100 million per month").to("USD/month").magnitude, 100e6)
    assert close(parse_unit("105,000x").to("dimensionless").magnitude, 105_000)


@pytest.mark.parametrize(
    "unit,canonical,factor",
    [
        ("USD per 1K tokens", "USD/token", 1e-3),
        ("USD per 1M tokens", "USD/token", 1e-6),
        ("$ / 1M tokens", "USD per 1K tokens", 1e-3),
        ("USD/token", "USD per 1M tokens", 1e6),
        ("USD per 1K tokens", "USD per 1M tokens", 1e3),
        ("kW", "W", 1e3),
        ("watts", "W", 1),
        ("teraflops", "TFLOPS", 1),
        ("PFLOPS", "TFLOPS", 1e3),
        ("K token", "token", 1e3),
        ("million tokens", "token", 1e6),
        ("billion parameters", "billion parameter", 1),
        ("million parameters", "billion parameter", 1e-3),
        ("billion USD", "million USD", 1e3),
        ("$ million per month", "million USD/month", 1),
        ("billion USD/month", "million USD/month", 1e3),
        ("cents per 1K tokens", "USD per 1M tokens", 10),
        ("s", "ms", 1e3),
        ("x", "x", 1),
        # a quarter of a year (not pint's 28-pound quarter), a decade of years (not its log unit)
        ("percent/quarter", "percent/year", 4),
        ("quarter", "month", 3),
        ("decade", "year", 10),
        ("job/month", "job/year", 12),
        ("GPU-days", "GPU-hour", 24),
    ],
)
def test_conversion_factor(unit, canonical, factor):
    assert close(conversion_factor(unit, canonical), factor)


def test_factors_compose():
    a = conversion_factor("USD per 1K tokens", "USD/token")
    b = conversion_factor("USD/token", "USD per 1M tokens")
    assert close(a * b, conversion_factor("USD per 1K tokens", "USD per 1M tokens"))


# ---------------------------------------------------------------- nothing silently dropped


@pytest.mark.parametrize("text", ["$", " $ ", "US$", "¢"])
def test_bare_currency_symbol_is_refused(text):
    with pytest.raises(UnitError, match="bare"):
        parse_unit(text)


@pytest.mark.parametrize(
    "text",
    [
        "gizmos",
        "$ per gizmo",
        "teraflops per blorp",
        "USD per 1K",  # a number with no unit after "per"
        "USD per",
        "USD /",
        "",
        "   ",
        "700",
        "W!",
        "USD & tokens",
        "token^",
        "1ZZ tokens",
    ],
)
def test_unreadable_unit_text_raises(text):
    with pytest.raises(UnitError):
        parse_unit(text)


def test_non_text_unit_raises():
    with pytest.raises(UnitError):
        parse_unit(None)  # type: ignore[arg-type]


def test_dollar_per_token_keeps_the_currency():
    """pint alone reads "$0.03/token" as 0.03 1/token; the registry must not."""
    q = parse_unit("$/token")
    assert q.dimensionality == ureg.Quantity(1, "USD/token").dimensionality
    assert q.dimensionality != ureg.Quantity(1, "1/token").dimensionality
    assert "currency" in dimensionality("$/token")
    with pytest.raises(UnitError):
        conversion_factor("$/token", "per token")
    with pytest.raises(UnitError):
        conversion_factor("per 1M tokens", "USD per 1M tokens")


@pytest.mark.parametrize(
    "unit,canonical",
    [
        ("USD/token", "W"),
        ("W", "USD"),
        ("GB", "x"),  # memory is not a plain ratio
        ("token", "parameter"),
        ("TFLOPS", "W"),
        ("USD/hour", "USD"),
        ("million USD", "million USD/month"),
    ],
)
def test_wrong_dimension_raises(unit, canonical):
    with pytest.raises(UnitError, match="not"):
        conversion_factor(unit, canonical)


def test_unit_error_is_a_value_error():
    assert issubclass(UnitError, ValueError)


# ---------------------------------------------------------------- stated precision


@pytest.mark.parametrize(
    "written,precision",
    [
        ("0.03", 0.005),
        (0.03, 0.005),
        (700, 0.5),
        ("700", 0.5),
        ("2.50", 0.005),
        (2.5, 0.05),
        ("105,000", 0.5),
        ("0.00003", 0.000005),
        (3e-05, 0.000005),
        ("1e3", 0.5),
    ],
)
def test_stated_precision(written, precision):
    assert close(stated_precision(written), precision)


def test_stated_precision_of_text_is_zero():
    assert stated_precision("about seven") == 0.0


def test_petaflop_s_day_is_a_day_at_a_petaflop_a_second():
    from kb.core.units import conversion_factor

    assert conversion_factor("petaflop_s_day", "FLOP") == pytest.approx(1e15 * 86400)


SHAPE_TEXTS = ["USD per 1K tokens", "kW", "GPU", "x", "percent", "million GPU/hour", "TFLOPS", "GB/s",
               "K tokens/second", "USD/GPU-hour", "bit", "tokens", "$", "furlongs of nothing", "per"]


@pytest.mark.parametrize("text", SHAPE_TEXTS)
def test_unit_shape_is_what_pint_says_from_the_disk_cache_too(text, tmp_path, monkeypatch):
    """unit_shape (what the extractor's unit keys are made of) gives pint's own answers, the
    exponents' types kept, both when pint computes them and when the on-disk cache answers."""
    from kb.core import units

    try:
        q = parse_unit(text)
        want = (str(q.dimensionality), tuple(q.unit_items()), bool(q.dimensionless))
    except UnitError as exc:
        want = exc
    cache = units.DiskCache("kb-units-test", [], folder=tmp_path)
    monkeypatch.setattr(units, "_cache", lambda: cache)
    for _ in range(2):  # computed, then read back from the file
        units.unit_shape.cache_clear()
        if isinstance(want, UnitError):
            with pytest.raises(UnitError) as got:
                units.unit_shape(text)
            assert str(got.value) == str(want)
        else:
            got = units.unit_shape(text)
            assert got == want and [type(e) for _, e in got[1]] == [type(e) for _, e in want[1]]
        cache.save()
        cache = units.DiskCache("kb-units-test", [], folder=tmp_path)
        assert "shape" in cache.data
    units.unit_shape.cache_clear()


def test_extract_does_not_import_pint_once_unit_texts_are_cached(tmp_path):
    """``kb extract`` of one article: pint's import and registry are about 0.25 s of start-up,
    and every answer the extractor needs of a unit text is kept on disk after the first run."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    env = {"KB_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "0", "PYTHONPATH": str(root)}
    code = ("import sys, io, contextlib, runpy\n"
            "sys.argv = ['kb', 'extract', 'datasets/sources/r12-ai-electricity-footprint.txt', '--format', 'json']\n"
            "out = io.StringIO()\n"
            "try:\n"
            "    with contextlib.redirect_stdout(out): runpy.run_module('kb', run_name='__main__')\n"
            "except SystemExit: pass\n"
            "print(len(out.getvalue()), 'pint' in sys.modules)\n")
    runs = [subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, env=env, check=True)
            for _ in range(2)]
    (n1, first), (n2, second) = (r.stdout.split() for r in runs)
    assert int(n1) > 1000 and n1 == n2 and first == "True" and second == "False", [r.stderr for r in runs]
