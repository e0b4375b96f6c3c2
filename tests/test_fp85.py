"""fp85: drafts on fresh public text about company finances and data-centre build-outs.

Sentences quoted from fresh public write-ups none of which is in the corpus (each test names its
source), plus the forms fp84 saw on its fresh text and left (their sentences written here), plus
the development articles' own forms where a rule reaches them:

- "$13.5B in loss", "a $13.5B loss": a net loss (not the net income a word "income" near leans to);
- "spent $6.7 billion on R&D", "R&D: $6.7B": an expense line, not capital spending;
- PUE needs a word of power or of a facility: "usage growing more than 10x" is a ratio;
- "close to 50% ..., up from 34% in 2024": the earlier level keeps the new level's property;
- "five gigawatts" in words is read;
- "74.4% GAAP and 75% non-GAAP": the second keeps the first's property;
- "reduced from $47-55": a range glued by a bare hyphen, not a change's two values;
- "$33B ($45B including debt)": the bracketed amount restates the first;
- "Unfulfilled Contracts: $15 billion+": an order backlog;
- "up to 50,000 Nvidia GB200 NVL72 units": so many GPUs deployed (not a scale-up domain);
- "32 trillion operations per second", "32 million billion operations per second": rates;
- "30 executions", "5 repetitions": a count of items ("5 trials" stays unread, tests/test_extract_forms18.py);
- "run-rate revenue had grown to approximately $1 billion": a run rate.
"""
from __future__ import annotations

import pytest

from tests.conftest import drafts_by_raw


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


# --- results: net loss, expense lines, run rates --------------------------------------------------

@pytest.mark.parametrize("text, raw, prop", [
    # fp84's fresh-text form (written here): a loss with no "net" before it
    ("OpenAI reported $4.3B in income and $13.5B in loss for the first half.\n", "$13.5B", "net-loss"),
    ("OpenAI had $4.3B in income and a $13.5B loss in the first half.\n", "$13.5B", "net-loss"),
    ("OpenAI had $4.3B in income and a $13.5B loss in the first half.\n", "$4.3B", "net-income"),
    ("The company recorded a $13.5 billion net loss.\n", "$13.5 billion", "net-loss"),
])
def test_loss_after_an_amount_is_a_net_loss(reg, text, raw, prop):
    assert drafts_by_raw(text, reg)[raw].property == prop


@pytest.mark.parametrize("text, raw", [
    ("The company spent $6.7 billion on R&D in the first half.\n", "$6.7 billion"),
    ("R&D spending reached $6.7 billion.\n", "$6.7 billion"),
    # r144's form (development: the gold records the expense line)
    ("**GAAP expense line items:**\n\n- R&D: $6.7B\n- Sales & advertising: $2.0B\n", "$6.7B"),
    ("**What this means:** The R&D figure ($6.7B) includes non-cash items like stock comp.\n", "$6.7B"),
])
def test_research_and_development_is_an_expense_line(reg, text, raw):
    assert drafts_by_raw(text, reg)[raw].property == "expense-line"


def test_capital_spending_stays_capex(reg):
    d = drafts_by_raw("Meta spent $40 billion on data centers and $45 billion on R&D.\n", reg)
    assert (d["$40 billion"].property, d["$45 billion"].property) == ("capex", "expense-line")


# GitHub xiaoyuge886/aigc, .claude/skills/docs-management/canonical/anthropic-com/news/
# anthropic-raises-series-f-at-usd183b-post-money-valuation.md (Anthropic's announcement)
_SERIES_F = ("Anthropic has seen rapid growth since the launch of Claude in March 2023. At the beginning of 2025, "
             "less than two years after launch, Anthropic’s run-rate revenue had grown to approximately $1 billion. "
             "By August 2025, just eight months later, our run-rate revenue reached over $5 billion—making Anthropic "
             "one of the fastest-growing technology companies in history.\n")
_CLAUDE_CODE = ("Claude Code has quickly taken off—already generating over $500 million in run-rate revenue with "
                "usage growing more than 10x in just three months.\n")


def test_run_rate_grown_to_is_a_run_rate(reg):
    d = drafts_by_raw(_SERIES_F, reg)
    assert (d["approximately $1 billion"].property, d["over $5 billion"].property) \
        == ("annualized-revenue", "annualized-revenue")


def test_usage_growing_tenfold_is_no_pue(reg):
    d = drafts_by_raw(_CLAUDE_CODE, reg)["more than 10x"]
    assert (d.property, d.qualifier) == ("ratio", "lower_bound")


@pytest.mark.parametrize("text, raw, prop", [
    # PUE keeps its own words (development forms: r46, r74)
    ("The facility runs at a PUE of 1.2.\n", "1.2", "pue"),
    ("Data centers average a power usage effectiveness of 1.58x.\n", "1.58x", "pue"),
])
def test_pue_with_its_words_stays_pue(reg, text, raw, prop):
    assert drafts_by_raw(text, reg)[raw].property == prop


# --- an earlier level, pairs and restatements -----------------------------------------------------

# GitHub gmotyl/motyl-dev, news/2026/2025-ai-datacenter-infrastructure-boom-analysis.md
_FUNDING_SHARE = ("AI captured close to 50% of all global funding in 2025, up from 34% in 2024, reaching $202.3 "
                  "billion invested in the sector.\n")


def test_up_from_keeps_the_new_levels_property(reg):
    d = drafts_by_raw(_FUNDING_SHARE, reg)
    assert (d["close to 50%"].property, d["34%"].property) == ("share", "share")


def test_up_from_a_change_stays_a_change(reg):
    # r164's form (development): the new level is a change, so is the earlier one
    d = drafts_by_raw("Advertising revenue will grow more than 6% in 2025, up from about 5% in 2024.\n", reg)
    assert d["about 5%"].property == d["more than 6%"].property == "change"


# GitHub lingtouyangLeo/Tariff_Sentiment, dataset/sp500_summaries/sp500_summaries/NVDA_2025_Q2_summary.md
_MARGINS = ("- **EPS and Margins:** Not specified in the transcript, but gross margins were 75.1% GAAP and 75.7% "
            "non-GAAP.\n- **Guidance:** Q3 revenue expected to be $32.5 billion ± 2%, with gross margins of 74.4% "
            "GAAP and 75% non-GAAP.\n")


@pytest.mark.parametrize("raw", ["75.1%", "75.7%", "74.4%", "75%"])
def test_gaap_and_non_gaap_pair_share_the_property(reg, raw):
    assert drafts_by_raw(_MARGINS, reg)[raw].property == "gross-margin"


# GitHub NicoLafakis/oracle-news-aggregator, oracle/oracle-nodes/oracle-nodes/node_n78_coreweave_ipo.md
_IPO = ("### **IPO Details:**\n- **Ticker**: CRWV (Nasdaq)\n- **Amount Raised**: $1.5 billion\n"
        "- **Valuation**: $23 billion (fully diluted)\n- **Price**: $40/share (reduced from $47-55 target)\n"
        "- **Debt**: ~$8 billion\n- **Unfulfilled Contracts**: $15 billion+\n")


def test_from_a_hyphen_range_is_a_range(reg):
    d = drafts_by_raw(_IPO, reg)["$47-55"]
    assert (d.low, d.high, d.qualifier) == (47, 55, "range")


def test_a_change_from_to_stays_two_values(reg):
    d = drafts_by_raw("Costs jumped from $300 to $4,200.\n", reg)
    assert ("$300" in d, "$4,200" in d, d["$300"].qualifier) == (True, True, "exact")


def test_unfulfilled_contracts_are_a_backlog(reg):
    assert drafts_by_raw(_IPO, reg)["$15 billion+"].property == "order-backlog"


# GitHub paradise-runner/ai-timeline, news/xai.md
_X_DEAL = ("Elon Musk announces xAI's acquisition of X Corp in an all-stock transaction valuing X at $33B ($45B "
           "including debt). xAI and X merge into X.AI Holdings Corp, combining AI and social media.\n")


def test_bracketed_amount_including_debt_restates_the_first(reg):
    d = drafts_by_raw(_X_DEAL, reg)
    assert d["$45B"].property == d["$33B"].property == "valuation"
    assert (d["$45B"].entity, d["$45B"].entity_new) == (d["$33B"].entity, d["$33B"].entity_new)


# --- numbers read ---------------------------------------------------------------------------------

# GitHub thebadely/thebadely.github.io, _posts/2025-07-15-big-news-meta-to-spend-hundreds-of-billions-to-build-ai-data-centres.md
_HYPERION = ("In a post on his social media platform, Threads, Zuckerberg said Meta was building several "
             "multi-gigawatt clusters, and that one cluster, called Hyperion, could scale up to five gigawatts "
             "over several years.\n")


def test_gigawatts_in_words(reg):
    d = drafts_by_raw(_HYPERION, reg)["up to five gigawatts"]
    assert (d.value, d.unit, d.qualifier) == (5, "GW", "upper_bound")


@pytest.mark.parametrize("text", ["It used two gigawatt-hours last year.\n", "The plan has two gigawatt campuses.\n"])
def test_energy_and_adjectives_are_no_power_in_words(reg, text):
    assert not any(d.unit == "GW" for d in drafts_by_raw(text, reg).values())


@pytest.mark.parametrize("text, raw, value, unit", [
    # fp84's misses (written here)
    ("Oracle plans to deploy up to 50,000 Nvidia GB200 NVL72 units.\n", "up to 50,000 Nvidia GB200 NVL72 units",
     50000, "GPU"),
    ("The chip does 32 trillion operations per second.\n", "32 trillion operations per second", 32, "trillion FLOP/s"),
    ("The chip does 32 million billion operations per second.\n", "32 million billion operations per second", 32,
     "quadrillion FLOP/s"),
    ("We ran 30 executions of each benchmark.\n", "30 executions", 30, "item"),
])
def test_numbers_read(reg, text, raw, value, unit):
    d = drafts_by_raw(text, reg)[raw]
    assert (d.value, d.unit) == (value, unit)


def test_gpu_units_deployed_are_a_gpu_count(reg):
    d = drafts_by_raw("Oracle plans to deploy up to 50,000 Nvidia GB200 NVL72 units.\n", reg)
    assert d["up to 50,000 Nvidia GB200 NVL72 units"].property == "gpu-count"


def test_millions_of_operations_stay_unread(reg):
    assert "2 million operations per second" not in drafts_by_raw("It does 2 million operations per second.\n", reg)
