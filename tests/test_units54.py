"""Bit rates as networks write them (units54): pint reads "bps" as baud, so "Mbps" came out as
megabaud, and "Mb"/"Gb" as megabarn and gilbert ("100 Mb/s" a megabarn a second); the grammar read
"Gbps" but not "Mbps", so a container registry's download tiers in Mbps were missed. Bytes a
second ("GB/s", "MBps") stay bytes."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import read_values

from kb.core.units import conversion_factor, dimensionality, parse_unit
from kb.extract.drafts import extract_text
from kb.extract.linking import load_registry

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("unit, name, bits_a_second", [
    ("Mbps", "megabit / second", 1e6),
    ("Gbps", "gigabit / second", 1e9),
    ("Tbps", "terabit / second", 1e12),
    ("kbps", "kilobit / second", 1e3),
    ("Kbps", "kilobit / second", 1e3),
    ("Mb/s", "megabit / second", 1e6),
    ("Gb/s", "gigabit / second", 1e9),
    ("Tb/s", "terabit / second", 1e12),
    ("GB/s", "gigabyte / second", 8e9),
    ("MBps", "megabyte / second", 8e6),
    ("GBps", "gigabyte / second", 8e9),
])
def test_bit_rates_are_bits_a_second_and_byte_rates_bytes(unit, name, bits_a_second):
    q = parse_unit(unit)
    assert str(q.units) == name
    assert "baud" not in str(q.units) and "barn" not in str(q.units) and "gilbert" not in str(q.units)
    assert dimensionality(unit) == "[information] / [time]"
    assert q.to("bit / second").magnitude == pytest.approx(bits_a_second)


def test_a_rate_in_a_denominator_keeps_its_seconds_upstairs():
    assert conversion_factor("USD per Mbps", "USD per Gbps") == pytest.approx(1e3)
    assert conversion_factor("Mbps", "GB/s") == pytest.approx(1.25e-4)


def test_a_registry_s_download_tiers_in_mbps_are_read():
    # r133's table of a container registry's tiers (minimum download bandwidth)
    text = ("| Tier     | Minimum Download Bandwidth  |\n|----------|-----------------------------|\n"
            "| Basic    | 30 Mbps                     |\n| Standard | 60 Mbps                     |\n"
            "| Premium  | 100 Mbps                    |\n")
    got = {(d.value, d.unit) for d in extract_text(text, load_registry(ROOT))}
    assert {(30, "Mbit/s"), (60, "Mbit/s"), (100, "Mbit/s")} <= got


@pytest.mark.parametrize("text, want", [
    ("The uplink runs at 512 kbps.", (512, None, None, "kbit/s")),
    ("A 100 Mb/s office line.", (100, None, None, "Mbit/s")),
    ("It streams at 25 megabits per second.", (25, None, None, "Mbit/s")),
])
def test_slower_links_in_bits_a_second(text, want):
    assert want in read_values(text)


def test_megabytes_a_second_stay_bytes():
    got = read_values("The disk reads at 500 MB/s.")
    assert not any("Mbit" in u for *_, u in got)
