"""A hyphen in a unit joins two units ("kW-h", "PFLOP/s-day"); it never subtracts.

pint reads "s-day" as "second minus day": "PFLOP/s-day" (the unit of OpenAI's "AI and
Compute" training-compute figures) came out as -1.157e-05 petaFLOP/second, and "kW-h" as a
dimension error. A unit text now reads as a product of its hyphenated parts, or is refused.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kb.core.units import UnitError, conversion_factor, parse_unit
from kb.rules.check import check

BADINPUT = Path(__file__).with_name("badinput")

# Hyphenated forms as writers give them.
HYPHENATED = [
    "PFLOP/s-day", "PFLOP/s-days", "FLOP/s-day", "petaflop/s-day", "petaflop/s-days",
    "petaflops/s-day", "pfs-days", "PF-days", "kW-h", "kW-hour", "MW-h", "USD/kW-h",
    "GPU-hour", "GPU-hours", "USD/GPU-hour", "instance-hour", "USD/instance-hour",
    "GPU-day", "person-hour", "USD/million-token", "kW-h/year", "USD/s-hour",
]


@pytest.mark.parametrize("text", HYPHENATED)
def test_a_hyphenated_unit_never_has_a_negative_or_summed_size(text):
    q = parse_unit(text)
    assert q.magnitude > 0


@pytest.mark.parametrize("text", ["PFLOP/s-day", "PFLOP/s-days", "petaflop/s-day", "petaflops/s-day",
                                  "pfs-days", "PF-days"])
def test_a_petaflop_s_day_is_the_defined_unit(text):
    # "1 petaflop/s-day (pfs-day) consists of performing 10^15 neural net operations per second for one day"
    assert conversion_factor(text, "petaflop_s_day") == pytest.approx(1.0)
    assert conversion_factor(text, "FLOP") == pytest.approx(8.64e19)


def test_a_flop_a_second_day_is_a_quadrillionth_of_the_petaflop_s_day():
    assert conversion_factor("FLOP/s-day", "petaflop_s_day") == pytest.approx(1e-15)


def test_kilowatt_hour_with_a_hyphen_is_a_kilowatt_hour():
    assert conversion_factor("kW-h", "kWh") == pytest.approx(1.0)
    assert conversion_factor("MW-h", "kWh") == pytest.approx(1000.0)
    # "$/kW-h": a price per kilowatt-hour, the hyphen joins inside the denominator
    assert conversion_factor("USD/kW-h", "USD/kWh") == pytest.approx(1.0)


def test_defined_hyphenated_units_read_as_before():
    assert conversion_factor("GPU-hour", "hour") == 1.0
    assert conversion_factor("USD/GPU-hour", "USD/hour") == 1.0
    assert str(parse_unit("USD/GPU-hour").units) == "USD / GPU_hour"
    assert conversion_factor("instance-hour", "hour") == 1.0
    assert conversion_factor("GPU-days", "hour") == 24.0


def test_staff_effort_with_a_hyphen_is_labour_not_time():
    # "1,000 engineer-hours": person_hour in units.txt, not a head count times hours
    assert conversion_factor("engineer-hours", "person_hour") == 1.0
    assert conversion_factor("person-days", "person_hour") == 8.0


def test_a_count_of_flops_a_second_is_unchanged_and_a_rate_word_is_not_doubled():
    assert str(parse_unit("FLOP/s").units) == "FLOP / second"
    assert str(parse_unit("PFLOP/s").units) == "petaFLOP / second"
    # "petaflop/s" is the rate, not petaflops per second
    assert conversion_factor("petaflop/s", "PFLOPS") == 1.0


@pytest.mark.parametrize("text", ["kW-", "-h", "kW--h", "m-2", "kW-blorp", "blorp-h", "kW+h", "s - day"])
def test_a_hyphen_that_does_not_join_two_units_is_refused(text):
    with pytest.raises(UnitError):
        parse_unit(text)


def test_kb_check_gives_a_finding_for_an_unknown_hyphenated_part(tmp_path):
    root = shutil.copytree(BADINPUT / "_base", tmp_path / "kb")
    claims = root / "claims" / "s.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("unit: W\n", "unit: W-blorp\n"),
                      encoding="utf-8")
    rep = check(root)
    codes = [f.code for f in rep.findings]
    assert "unit-unknown" in codes


def test_kb_check_accepts_kilowatt_hours_with_a_hyphen_where_energy_is_not_power(tmp_path):
    root = shutil.copytree(BADINPUT / "_base", tmp_path / "kb")
    claims = root / "claims" / "s.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("unit: W\n", "unit: kW-h\n"),
                      encoding="utf-8")
    rep = check(root)
    # energy is not power: a dimension finding, never a traceback or a negative value
    assert any(f.code.startswith("unit") for f in rep.findings)
