"""Prices in other currencies: a money claim stated in EUR, GBP, AUD, CAD or KRW keeps its value and
unit and is compared in USD through the cited yearly average rate of its date (its ``as_of``,
else its source's published date); without a rate it is not compared, and an info finding
(``not-compared``) says so at the claim's unit line.

Each case is a small knowledge base written into a temporary folder; the last tests check the
real knowledge base's rates (more than zero, each with its citation) and its converted claims.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import small_kb
from kb.core.units import FOREIGN_CURRENCIES, foreign_currency
from kb.rules.check import check
from kb.store.load import load

ROOT = Path(__file__).resolve().parents[1]

CONDITIONS = """
conditions:
  scope: {description: s, values: [per-gpu, per-instance]}
"""
PROPS = """
properties:
  - id: rental-price
    name: Rental price
    description: Price to rent a GPU per hour (test)
    canonical_unit: USD/hour
    conditions: [scope]
  - id: tdp
    name: Thermal design power
    description: TDP (test)
    canonical_unit: W
    conditions: [scope]
"""
ENTITIES = """
entities:
  - {id: gpu-x, name: GPU X, kind: gpu}
"""
RATES = """
citations:
  - {id: rates-table, publisher: A tax office, title: Yearly average exchange rates, url: "https://example.org/rates", date: "2025", kind: primary}
rates:
  - {currency: EUR, year: 2024, per_usd: 0.8, citation: rates-table, quote: "Euro 0.800"}
  - {currency: AUD, year: 2024, per_usd: 1.5, citation: rates-table}
"""


def price(cid: str, value, unit: str, **kw) -> dict:
    return {"id": cid, "entity": "gpu-x", "property": "rental-price", "value": value, "unit": unit,
            "qualifier": "exact", "conditions": {"scope": "per-gpu"}, "quote": f"{cid}: {value} {unit}", **kw}


def make(tmp_path: Path, sources: dict, references: str = RATES) -> Path:
    return small_kb(tmp_path, sources, conditions=CONDITIONS, properties=PROPS, entities=ENTITIES,
                    references=references)


def line_of(root: Path, path: str, text: str) -> int:
    """The 1-based line of the first line of ``path`` that contains ``text``."""
    return next(n for n, line in enumerate((root / path).read_text().splitlines(), 1) if text in line)


def test_foreign_currency_reads_the_currency_and_the_factor():
    assert foreign_currency("EUR", "USD") == ("EUR", 1.0)
    code, factor = foreign_currency("EUR/month", "USD/hour")
    assert code == "EUR" and factor == pytest.approx(1 / 730.485, rel=1e-3)
    assert foreign_currency("AUD/kWh", "USD/kWh") == ("AUD", 1.0)
    assert foreign_currency("W", "USD") is None  # a unit of no currency
    assert foreign_currency("EUR", "W") is None  # a property in no currency
    assert set(FOREIGN_CURRENCIES) >= {"EUR", "GBP", "AUD", "CAD", "KRW"}
    assert foreign_currency("CAD", "USD") == ("CAD", 1.0)  # the Canadian dollar, not a US one


def test_a_euro_price_keeps_its_unit_and_is_compared_in_usd(tmp_path):
    # 2 EUR an hour (1.5-2.5 by its precision) in 2024 at 0.8 EUR per USD is 1.875-3.125 USD an
    # hour; the other article's 5 USD (4.5-5.5) is 1.44x above
    root = make(tmp_path, {"a": [price("a-eur", 2, "EUR/hour", as_of="2024-06")],
                           "b": [price("b-usd", 5, "USD/hour")]})
    kb = load(root)
    c = kb.claims_by_id["a-eur"]
    assert (c.value, c.unit) == (2, "EUR/hour")  # nothing the user wrote is rewritten
    assert c.interval.unit == "USD/hour"
    assert (c.interval.low, c.interval.high) == pytest.approx((1.5 / 0.8, 2.5 / 0.8))
    assert c.interval.via is kb.rates[("EUR", 2024)]
    rep = check(root)
    assert not rep.errors, [f.message for f in rep.errors]
    [f] = [f for f in rep.findings if f.code == "conflict"]
    comps = json.loads(json.dumps(f.as_dict()))["evidence"]["comparisons"]
    rates = [c.get("exchange_rate") or c.get("other_exchange_rate") for c in comps]
    assert {"currency": "EUR", "year": 2024, "per_usd": 0.8, "citation": "rates-table",
            "path": "datasets/references/r.yaml", "line": 5} in rates
    assert f.comparisons[0].factor == pytest.approx(4.5 / (2.5 / 0.8))


def test_a_converted_price_that_agrees_gives_no_finding(tmp_path):
    root = make(tmp_path, {"a": [price("a-aud", 3, "AUD/hour", as_of="2024")],
                           "b": [price("b-usd", 2, "USD/hour")]})  # 3 AUD at 1.5 AUD per USD is 2 USD
    assert [f.code for f in check(root).findings] == []


def test_the_source_date_picks_the_rate_when_the_claim_has_no_as_of(tmp_path):
    root = make(tmp_path, {"a": [price("a-eur", 2, "EUR/hour")]})
    src = root / "datasets/sources/a.yaml"
    src.write_text(src.read_text() + "published: 2024-03-01\n")
    c = load(root).claims_by_id["a-eur"]
    assert c.interval is not None and c.interval.via.year == 2024 and c.not_compared is None


def test_no_rate_for_the_year_is_an_info_finding_at_the_unit(tmp_path):
    root = make(tmp_path, {"a": [price("a-eur", 2, "EUR/hour", as_of="2019-05-01")],
                           "b": [price("b-usd", 50, "USD/hour")]})
    rep = check(root)
    assert rep.ok and not rep.errors
    [f] = rep.findings
    assert (f.code, f.severity, f.claims) == ("not-compared", "info", ("a-eur",))
    assert "no EUR rate for 2019" in f.message
    assert (f.path, f.line) == ("claims/a.yaml", line_of(root, "claims/a.yaml", '"unit": "EUR/hour"'))
    assert load(root).claims_by_id["a-eur"].interval is None  # compared with nothing, not even b's 50 USD


def test_no_date_at_all_is_an_info_finding(tmp_path):
    root = make(tmp_path, {"a": [price("a-aud", 2, "AUD/hour")]})
    [f] = check(root).findings
    assert f.code == "not-compared" and "needs a date" in f.message


def test_a_currency_for_a_quantity_that_is_no_money_is_a_unit_error(tmp_path):
    bad = {**price("a-tdp", 700, "EUR", as_of="2024"), "property": "tdp"}
    root = make(tmp_path, {"a": [bad]})
    errs = [f for f in check(root).findings if f.severity == "error"]
    assert [f.code for f in errs] == ["unit-dimension"]
    assert errs[0].line == line_of(root, "claims/a.yaml", '"unit": "EUR"')


def test_bad_rate_records_are_schema_findings_with_their_lines(tmp_path):
    refs = RATES + """\
  - {currency: CHF, year: 2024, per_usd: 0.9, citation: rates-table}
  - {currency: EUR, year: 2023, per_usd: 0, citation: rates-table}
  - {currency: GBP, year: 2024, per_usd: 0.8, citation: no-such-table}
  - {currency: EUR, year: 2024, per_usd: 0.9, citation: rates-table}
  - {currency: EUR, year: 2022, citation: rates-table}
"""
    root = make(tmp_path, {"a": [price("a-usd", 2, "USD/hour")]}, references=refs)
    got = sorted((f.line, f.code) for f in check(root).findings)
    assert got == [(7, "schema"), (8, "schema"), (9, "schema"), (10, "duplicate-id"), (11, "schema")]
    assert set(load(root).rates) == {("EUR", 2024), ("AUD", 2024)}


# ------------------------------------------------------------ the real knowledge base

@pytest.fixture(scope="module")
def real():
    return load(ROOT)


def test_the_real_rates_are_checked_and_cited(real):
    assert len(real.rates) > 0
    for (cur, year), r in real.rates.items():
        assert cur in FOREIGN_CURRENCIES and 1990 < year < 2100 and r.per_usd > 0
        assert r.citation in real.citations and real.citations[r.citation].url, r
        assert r.quote and f"{r.per_usd:g}" in r.quote.replace(",", ""), r  # the rate is the row's number


def test_real_claims_in_another_currency_are_converted_or_said_not_compared(real):
    foreign = [c for c in real.claims if c.unit and c.property in real.properties
               and real.properties[c.property].canonical_unit
               and foreign_currency(c.unit, real.properties[c.property].canonical_unit)]
    assert len(foreign) > 0
    converted = [c for c in foreign if c.interval is not None]
    assert converted and all(c.interval.via is not None and c.interval.unit.count("USD") for c in converted)
    assert all(c.not_compared for c in foreign if c.interval is None)


def test_real_canadian_dollar_prices_are_compared_through_the_2023_rate(real):
    # r117's used RTX 3090s and power supply, bought in Toronto in December 2023 (cad28)
    assert real.rates[("CAD", 2023)].per_usd == pytest.approx(1.35)
    assert real.rates[("EUR", 2023)].per_usd == pytest.approx(0.924)
    cad = [c for c in real.claims if c.unit == "CAD"]
    assert len(cad) >= 6
    assert all(c.interval is not None and c.interval.via is not None and not c.not_compared for c in cad)
