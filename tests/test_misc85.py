"""misc85: a percent written after a plus-or-minus sign with a space ("± 2%") or as "+/- 2%" is read as
"±2%" already was: a range from -2% to +2% (a change or a tolerance), never a share of something.

Counts on the 129 development texts (session 44): "±N%" stands 5 times (r16 once, recorded as a change
range; r109 four times, unrecorded: a variance), "+/- N%" once (r143, unrecorded: a guidance tolerance),
"± N%" with a space never; "$X in lease commitments", "acquires X for $Y" and list labels like
"Ripple 1B" never (left alone: no development evidence of how the gold would record them).
"""

from __future__ import annotations

import pytest

from tests.conftest import drafts_by_raw


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


# GitHub lingtouyangLeo/Tariff_Sentiment, dataset/sp500_summaries/sp500_summaries/NVDA_2025_Q2_summary.md
_GUIDANCE = ("- **Guidance:** Q3 revenue expected to be $32.5 billion ± 2%, with gross margins of 74.4% "
             "GAAP and 75% non-GAAP.\n")
# development article r143-nvidia-valuation-decomposition (its outlook; the gold leaves "(+/- 2%)" unrecorded)
_OUTLOOK = "**Q4 FY26 Outlook:**\n- Revenue expected: $65.0B (+/- 2%)\n- Gross margins expected: ~75%\n"


def test_spaced_plus_minus_is_a_range_not_a_share(reg):
    d = drafts_by_raw(_GUIDANCE, reg)["± 2%"]
    assert (d.low, d.high, d.qualifier) == (-2.0, 2.0, "range")
    assert d.property != "share"


def test_slash_plus_minus_is_a_range_not_a_share(reg):
    d = drafts_by_raw(_OUTLOOK, reg)["+/- 2%"]
    assert (d.low, d.high, d.qualifier) == (-2.0, 2.0, "range")
    assert d.property != "share"


def test_neighbours_keep_their_reading(reg):
    drafts = drafts_by_raw(_GUIDANCE, reg)
    assert drafts["$32.5 billion"].property == "revenue"
    assert drafts["74.4%"].property == "gross-margin"
    assert drafts_by_raw(_OUTLOOK, reg)["~75%"].property == "gross-margin"


# development article r16-abundant-intelligence: the gold records "±20%" as a change from -20 to 20 percent
def test_unspaced_plus_minus_unchanged(reg):
    d = drafts_by_raw("Valuation ranges from $4.75 T to $8.24 T across ±20% ASP moves and 55–75% share.",
                      reg)["±20%"]
    assert (d.low, d.high, d.property) == (-20.0, 20.0, "change")


def test_plus_sign_alone_is_still_a_rise(reg):
    # a "+" without the slash keeps its reading: how much something rose, one value, not a range
    d = drafts_by_raw("Record $4.3 billion in Q3 2025 (+22%).", reg)["22%"]
    assert (d.value, d.low, d.property) == (22.0, None, "change")


# GitHub NicoLafakis/oracle-news-aggregator, node_n78_coreweave_ipo.md (its "Generated Ripple Effects" list)
_RIPPLES = ("## **Generated Ripple Effects**\n\n### **First-Order Effects (Confidence: 90%)**\n"
            "- **Ripple 1A**: AI infrastructure validated as investable asset class\n"
            "- **Ripple 1B**: Competitor cloud providers accelerate GPU buildout\n")


def test_list_label_with_a_sibling_is_no_model_size(reg):
    assert "1B" not in drafts_by_raw(_RIPPLES, reg)


def test_size_without_a_sibling_label_is_still_parameters(reg):
    d = drafts_by_raw("- **Ripple 1B**: Competitor cloud providers accelerate GPU buildout\n", reg)["1B"]
    assert (d.value, d.unit) == (1.0, "billion parameter")
