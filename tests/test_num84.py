"""Number forms session 42 left unread (num84): tokens a second written "T/s" after a number, so many
operations a second written with a power of ten and the precision they are counted at, and a
card's name pluralised after a count ("10,000 V100s") that is no other product's name with a
capital S (the V100S)."""

from __future__ import annotations

import pytest

from kb.core.grammar import parse_at
from kb.core.units import conversion_factor
from tests.conftest import drafts_by_raw


def _at_first_digit(text: str):
    return parse_at(text, next(i for i, c in enumerate(text) if c.isdigit() or c == "$"))


@pytest.mark.parametrize("text, shown", [
    # fresh text (session 42's fp83): an inference provider's rate, not 500 trillion parameters
    ("Groq's chips hit the official 500T/s on Mixtral.", "500T/s"),
    ("It served Mixtral at 500 T/s.", "500 T/s"),
])
def test_t_per_second_is_tokens_a_second(text, shown):
    q = _at_first_digit(text)
    assert q is not None and q.scale is None and q.atom == "token"
    assert text[q.start:q.end] == shown


@pytest.mark.parametrize("text, scale", [
    # the trillion's letter stays one where no "/s" follows it
    ("The model was trained on 15T tokens.", "trillion"),
    ("The largest is rumoured to have 1.8 T parameters.", "trillion"),
    ("The market could reach $2T/year by 2030.", "trillion"),
])
def test_trillion_letter_kept(text, scale):
    assert _at_first_digit(text).scale == scale


def test_t_per_second_drafted(project_registry):
    d = drafts_by_raw("Groq's chips hit the official 500T/s on Mixtral.", project_registry)
    assert "500T" not in d
    assert d["500T/s"].unit in ("token/s", "token/second") and d["500T/s"].value == 500


@pytest.mark.parametrize("text, shown, value", [
    # fresh text (session 42's fp83)
    ("The chip delivers 6.24×10¹⁴ dense INT8 operations per second.",
     "6.24×10¹⁴ dense INT8 operations per second", 6.24e14),
    ("An accelerator that runs 3.12e14 FP16 ops/s.", "3.12e14 FP16 ops/s", 3.12e14),
])
def test_operations_per_second_with_power(project_registry, text, shown, value):
    d = drafts_by_raw(text, project_registry)[shown]
    assert d.value * conversion_factor(d.unit, "FLOPS") == pytest.approx(value)
    assert d.property in ("peak-throughput", "achieved-throughput")


def test_few_operations_without_a_second_are_no_claim(project_registry):
    # below 10^15 operations only a rate (a second after them) makes the count a quantity of compute
    assert "5e12" not in {raw.split()[0] for raw in drafts_by_raw("That is 5e12 operations in total.", project_registry)}


@pytest.mark.parametrize("text, shown, hardware", [
    # r75's sentence (its link markup left out): the V100's plural after a count
    ("GPT-3 trained by OpenAI required 14.8 days of compute on 10,000 V100s.", "10,000 V100s", "nvidia-v100"),
    ("We rented 8 L40s at $1.20 per hour each.", "8 L40s", "nvidia-l40"),
])
def test_plural_after_count_is_not_the_s_product(project_registry, text, shown, hardware):
    assert drafts_by_raw(text, project_registry)[shown].conditions.get("hardware") == hardware


def test_capital_s_product_kept(project_registry):
    assert drafts_by_raw("The V100S has 32 GB of memory.", project_registry)["32 GB"].entity == "nvidia-v100s-pcie"
    assert drafts_by_raw("The L40S has 48 GB of memory.", project_registry)["48 GB"].entity == "nvidia-l40s"


@pytest.mark.parametrize("header, atom", [
    ("SM Count", "compute_unit"), ("SM count", "compute_unit"), ("CU Count", "compute_unit"),
    ("Core Count", "core"), ("CUDA Core Count", "core"),
])
def test_unit_count_headers(header, atom):
    from kb.core.grammar import header_unit

    q = header_unit(header)
    assert q is not None and q.atom == atom and q.count


def test_sm_count_column_drafted(project_registry):
    text = "| GPU | SM Count | Memory |\n|---|---|---|\n| H100 SXM | 132 | 80 GB |\n| A100 | 108 | 80 GB |\n"
    d = drafts_by_raw(text, project_registry)
    assert d["132"].unit == "compute_unit" and d["132"].property == "compute-units"
    assert d["132"].entity == "nvidia-h100-sxm"


@pytest.mark.parametrize("text, shown, unit", [
    # r114's and r119's KV caches (development; curated MB/token and GB/token, kv-cache-per-token)
    ("The KV cache (that's what stores the conversation context) eats about 4.2MB per token when using FP16 precision.",
     "about 4.2MB per token", "MB/token"),
    ("2,097,152 bytes ~= 0.002GB per token , 6 / 0.002 -= 8000 tokens", "0.002GB per token", "GB/token"),
])
def test_memory_per_token_is_a_rate(project_registry, text, shown, unit):
    d = drafts_by_raw(text, project_registry)[shown]
    assert d.unit == unit and d.property == "kv-cache-per-token"


def test_memory_per_request_stays_an_amount(project_registry):
    # r03's curated reading: "1.27 GB per request" is the request's memory, GB (not GB/request)
    d = drafts_by_raw("Each sequence needs 1.27 GB per request at this context length.", project_registry)
    assert d["1.27 GB"].unit == "GB"
