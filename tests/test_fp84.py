"""fp84: drafts on fresh public text, general forms (kb/core/grammar.py, kb/extract/drafts.py).

Sentences quoted from fresh public write-ups none of which is in the corpus (each test names its
source), plus the development articles' own forms where a rule reaches them:

- "over four years" after an amount is the span the amount is spread over (exact), as the curated
  development claims record it (r55, r67, r90, r167); "it took over 3 months" and "over two years
  behind" stay more than;
- verbs of market news before a percentage ("tumbling", "plummeted", "sank", "slid", "spiked") are
  signed changes, like "fell" and "rose";
- "400,000 of Nvidia's GB200 Grace Blackwell processors", "GB200 superchips": so many GPUs;
- "evaluated 30 times", "30 times each": how often a thing was done, a count (item), not 30x;
- "DOUBLE or MORE": at least twice.
"""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


def _drafts(reg, text):
    from kb.extract.drafts import extract_text

    return {d.raw: d for d in extract_text(text, reg)}


# --- "over N years" after an amount: the span ---------------------------------------------------

# GitHub xlei77/quant-wiki, translated/ai/aiquant/deepseek.md
_STARGATE_SPAN = ("Shortly after DeepSeek-R1 went public, OpenAI CEO Sam Altman met with U.S. President Donald "
                  "Trump, jointly announcing the Stargate Project, an AI infrastructure construction plan costing "
                  "$500 billion over four years, aiming to maintain global leadership in AI hardware.\n")


@pytest.mark.parametrize("text, raw, qualifier", [
    (_STARGATE_SPAN, "four years", "exact"),
    # the development articles' forms (r55, r67, r90: their curated claims say exact)
    ("Apple added another $500 billion over four years.\n", "four years", "exact"),
    ("That is **~780 runs/day over 1 year**.\n", "1 year", "exact"),
    ("OpenAI signed a $300 billion contract with Oracle for computing power over five years.\n", "five years", "exact"),
    # how long something took or how late it is: more than (r17, r163)
    ("OpenAI's Orion needed so much compute that it took over 3 months to train.\n", "over 3 months", "lower_bound"),
    ("It entered limited deployment in early 2026, over two years behind the original roadmap.\n",
     "over two years", "lower_bound"),
    ("We have run the cluster for over 2 years.\n", "over 2 years", "lower_bound"),
])
def test_over_a_duration_after_an_amount_is_its_span(reg, text, raw, qualifier):
    d = _drafts(reg, text)[raw]
    assert (d.qualifier, d.unit in ("year", "month")) == (qualifier, True)


# --- verbs of market news before a percentage ------------------------------------------------------

@pytest.mark.parametrize("text, raw, value", [
    # GitHub raf-97414/ml-portfolio-website, ml-portfolio/content/posts/Nvidia-Loss.md
    ("DeepSeek, a Chinese AI startup, just dropped the mic on the AI industry with the release of its R1 "
     "model, sending shockwaves across the market—and **Nvidia's stock tumbling 16.9%!**\n", "16.9%", -16.9),
    ("Shares of the chipmaker plummeted 17% on Monday.\n", "17%", -17.0),
    ("The stock sank 9% before it slid 3% more.\n", "9%", -9.0),
    ("Broadcom shares spiked 20% after earnings.\n", "20%", 20.0),
])
def test_market_news_verbs_sign_a_percentage(reg, text, raw, value):
    d = _drafts(reg, text)[raw]
    assert (d.value, d.unit, d.property) == (value, "percent", "change")


def test_a_verb_that_is_no_change_leaves_a_share_alone(reg):
    d = _drafts(reg, "The slides 12% of the deck cover pricing.\n")["12%"]
    assert d.value == 12.0


# --- counted GPUs in news writing --------------------------------------------------------------------

# GitHub theneworacle/theneworacle.github.io, posts/20250524/stargates-first-ai-data-center-in-texas-10-things-.md
_ORACLE_GB200 = ("Cutting-Edge Hardware: The project is set to deploy Nvidia's latest and most powerful chips. "
                 "Reports suggest Oracle is purchasing around 400,000 of Nvidia's GB200 Grace Blackwell processors "
                 "for the facility.\n")


@pytest.mark.parametrize("text, start", [
    (_ORACLE_GB200, "around 400,000"),
    ("Oracle bought 400,000 GB200 superchips for the campus.\n", "400,000"),
    ("Meta bought 350,000 of Nvidia's H100 chips last year.\n", "350,000"),
])
def test_so_many_of_a_makers_chips_are_gpus(reg, text, start):
    d = next(d for raw, d in _drafts(reg, text).items() if raw.startswith(start))
    assert (d.unit, d.property) == ("GPU", "gpu-count")


@pytest.mark.parametrize("text", [
    "One of Nvidia's customers bought 5 of Nvidia's racks.\n",   # racks, not GPUs: no "of the maker's" count
    "The server has 2 Intel Xeon processors.\n",                 # a CPU's processors: no GPU
])
def test_no_gpus_from_other_things_of_a_maker(reg, text):
    assert not any(d.unit == "GPU" for d in _drafts(reg, text).values())


# --- how often a thing was done -----------------------------------------------------------------------

# GitHub luiscruz/course_sustainableSE, 2026/p1_measuring_software/g27_llm_response_generation.md
@pytest.mark.parametrize("text", [
    "The data for our test will consist of 18 total prompts. Each prompt will be evaluated 30 times to ensure a "
    "valid energy measurement is obtained.\n",
    "The reason for this is because we test six total prompts, of lengths five to ten inclusive, 30 times each.\n",
])
def test_repetitions_are_a_count(reg, text):
    d = _drafts(reg, text)["30 times"]
    assert (d.value, d.unit) == (30.0, "item")


def test_a_multiplier_stays_a_ratio(reg):
    assert _drafts(reg, "The H100 is 3 times faster than the A100.\n")["3 times"].unit == "x"


# --- a multiplier in words, at least ------------------------------------------------------------------

# GitHub United-DigiArt-Vision/jonny-lab, x-threads/2026-02-10_big-tech-588b-ai-capex.md
def test_double_or_more_is_a_lower_bound(reg):
    got = _drafts(reg, "These aren't small increases. These are DOUBLE or MORE in one year.\n")
    d = got["DOUBLE or MORE"]
    assert (d.value, d.unit, d.qualifier) == (2.0, "x", "lower_bound")
    assert _drafts(reg, "Costs double.\n")["double"].qualifier == "exact"
