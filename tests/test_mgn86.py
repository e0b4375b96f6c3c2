"""mgn86: margin words and a cached price's discount left by cue86 and tabprop86.

- "gross profit margin" after a percentage is the gross margin (gross-margin's cue
  "gross (profit )margin*" starts before net-margin's "profit margin*");
- "EBIT margin" is the operating margin (operating-margin's cue and needed word "EBIT margin*",
  as the company-table code already treats EBIT as the operating result);
- "| Cached Input |" over "$0.125 (90%)": the bracketed percent is the cached price's discount
  against the input price, not a cache hit rate.

The margin forms occur in no development article (counted: 0 of 129), so the margin sentences
are short sentences written for the test. The cached-price table is an excerpt of tabent86's
fresh LLM pricing reference (/tmp/tabent86/f1_llm_pricing.md, "Last Updated: October 22, 2025",
OpenAI's and Anthropic's price lists); the guard table is r76-models-pricing-comparison's
"(50% OFF)" rows and r126-self-hosted-vs-parasail-costs's "Savings" column (development)."""
from __future__ import annotations

import pytest

from tests.conftest import drafts_by_raw


@pytest.mark.parametrize("pid, entry", [("gross-margin", "gross profit margin"), ("gross-margin", "gross margins"),
                                        ("operating-margin", "EBIT margin"), ("operating-margin", "EBIT margins")])
def test_vocabulary_declares_the_cue_words(project_registry, pid, entry):
    from kb.extract.linking import index_for

    idx = index_for(project_registry.entities, project_registry.properties)
    p = idx.prop_by_id[pid]
    assert p.cue is not None and p.cue.search(entry) is not None
    if pid == "operating-margin":
        assert p.need is not None and p.need.search(entry) is not None


@pytest.mark.parametrize("words, pid", [("gross profit margin", "gross-margin"), ("gross profit margins", "gross-margin"),
                                        ("EBIT margin", "operating-margin"), ("EBITDA margin", "adjusted-ebitda-margin"),
                                        ("net profit margin", "net-margin"), ("profit margin", "net-margin")])
def test_margin_named_after(project_registry, words, pid):
    from kb.extract.linking import _margin_named_after, index_for

    idx = index_for(project_registry.entities, project_registry.properties)
    assert _margin_named_after(idx, f"50% {words}.", 3, [50.0]) == pid


@pytest.mark.parametrize("text, raw, pid", [
    ("Nvidia's revenue rose 94% year over year, with a 75% gross profit margin.\n", "75%", "gross-margin"),
    ("Nvidia posted a gross profit margin of 73.5% in fiscal 2025.\n", "73.5%", "gross-margin"),
    ("Oracle's EBIT margin was 31% in fiscal 2025.\n", "31%", "operating-margin"),
    ("Oracle grew cloud revenue 52% with a 31% EBIT margin.\n", "31%", "operating-margin"),
    ("Oracle grew cloud revenue 52% with a 61% EBITDA margin.\n", "61%", "adjusted-ebitda-margin"),
    ("Nvidia's revenue rose 94% year over year, with a 55% net profit margin.\n", "55%", "net-margin"),
])
def test_margin_in_prose(project_registry, text, raw, pid):
    assert drafts_by_raw(text, project_registry)[raw].property == pid


def test_margin_table_headers(project_registry):
    text = ("| Company | Revenue | Gross Profit Margin | EBIT Margin |\n|---|---|---|---|\n"
            "| Microsoft | $245B | 69.8% | 44.6% |\n")
    got = drafts_by_raw(text, project_registry)
    assert got["69.8%"].property == "gross-margin"
    assert got["44.6%"].property == "operating-margin"


_CACHED = ("## OpenAI Models (All Prices per 1M Tokens)\n\n"
           "| Model | Input | Output | Cached Input | Context | Max Output |\n"
           "|-------|-------|--------|--------------|---------|------------|\n"
           "| **GPT-5** | $1.25 | $10.00 | $0.125 (90%) | 400K | 128K |\n"
           "| **GPT-4o-mini** | $0.15 | $0.60 | $0.075 (50%) | 128K |\n")


def test_cached_price_share_is_its_discount(project_registry):
    got = drafts_by_raw(_CACHED, project_registry)
    assert got["90%"].property == "price-discount" and got["90%"].value == 90
    assert got["50%"].property == "price-discount"
    assert got["$0.125"].property == "token-price"


def test_cached_column_in_capitals(project_registry):
    # the fresh table's first row, its header written in capitals as r76 writes its rows
    text = _CACHED.replace("Cached Input", "CACHED INPUT")
    assert drafts_by_raw(text, project_registry)["90%"].property == "price-discount"


def test_bracketed_share_outside_a_cached_column_unchanged(project_registry):
    # r126's "Savings" column: not a cached price, no discount read from the column
    text = ("| Batch Size | Time | Self-Hosted Cost | Parasail GPT-OSS 20B | Savings |\n"
            "|------------|------|------------------|----------------------|---------|\n"
            "| 5,000 | 37 min | **$0.05** | $0.47 | $0.42 (89%) |\n")
    assert drafts_by_raw(text, project_registry)["89%"].property != "price-discount"


def test_off_in_a_cache_hit_row_still_a_discount(project_registry):
    # r76-models-pricing-comparison's off-peak rows (the row, not the column, names the cache)
    text = ("| | DEEPSEEK-V3 | DEEPSEEK-R1 |\n|---|---|---|\n"
            "| 1M TOKENS INPUT (CACHE HIT)            | $0.035 (50% OFF)  | $0.035 (75% OFF)      |\n")
    got = drafts_by_raw(text, project_registry)
    assert got["50%"].property == "price-discount" and got["75%"].property == "price-discount"
