"""miss77: value+unit on a fresh set of English write-ups on AI economics (hyperscaler capex
notes, earnings summaries, survey digests, a company profile, a thread; found with the
``search`` tool, in no corpus), each number labelled by hand before any change. The forms
that lost a number or drafted one that is no claim:

- a table under a caption that calls capital expenditure annual ("### Annual Capex by
  Company" over "| Amazon (AMZN) | $77B | $100-105B | ~$200B |", columns named by year) holds
  each year's capex, an amount of its year, as a column header naming capex already did
  ("Annual CapEx ($B)"): the caption's "annual" made every cell a rate (USD per year);
- a thread's numbering ("### Tweet 1/9", "1/9 🚨 BIG TECH IS GOING ALL-IN" over "2/9 💰 THE
  SPENDING BREAKDOWN") was read as the fraction 1/9 (0.111 x);
- the term of an agreement ("**Qatar** (February 2025): Five-year partnership", "a 20-year
  PPA") was left out, where "a 4-year lifecycle" and "a 3-year contract" are durations.
"""
from __future__ import annotations

from kb.extract.drafts import extract_text


def _drafts(text: str, registry):
    return [(text[d.span_start:d.span_end], d.value, d.low, d.high, d.unit) for d in extract_text(text, registry)]


# --- a caption that calls capex annual --------------------------------------------------------

_CAPEX = """\
### Annual Capex by Company

| Company | 2024 Actual | 2025 Actual | 2026 Projected |
|---------|------------|------------|----------------|
| Amazon (AMZN) | $77B | $100-105B | ~$200B |
| Microsoft (MSFT) | ~$55B | ~$80B | ~$145B (run-rate) |
"""


def test_annual_capex_caption_gives_amounts_of_the_year(project_registry):
    got = {raw: unit for raw, _, _, _, unit in _drafts(_CAPEX, project_registry)}
    assert got["$77B"] == "billion USD"
    assert got["$100-105B"] == "billion USD"
    assert got["~$145B"] == "billion USD"


def test_annual_costs_caption_still_gives_yearly_rates(project_registry):
    text = "### Annual Costs by Team\n\n| Team | Cost |\n|---|---|\n| Research | $77K |\n"
    assert [u for *_, u in _drafts(text, project_registry)] == ["K USD/year"]


# --- a thread's numbering ---------------------------------------------------------------------

_THREAD = """\
## THREAD (10 tweets)

### Tweet 1/9 🚨
1/9 🚨 BIG TECH IS GOING ALL-IN ON AI — AND THE NUMBERS ARE INSANE

Microsoft, Meta, Amazon, and Google are about to spend $588 BILLION on AI infrastructure in 2026.

### Tweet 2/9
2/9 💰 THE SPENDING BREAKDOWN
"""


def test_thread_numbering_is_no_fraction(project_registry):
    got = _drafts(_THREAD, project_registry)
    assert [raw for raw, *_ in got] == ["$588 BILLION"]


def test_fraction_at_line_start_with_no_series_stays(project_registry):
    got = _drafts("1/3 of the racks are idle.\n", project_registry)
    assert [(raw, round(v, 3), u) for raw, v, _, _, u in got] == [("1/3", 0.333, "x")]


def test_fraction_of_a_whole_beside_another_line_stays(project_registry):
    got = _drafts("1/4 of the budget goes to GPUs.\n3/4 of it goes to power.\n", project_registry)
    assert ("1/4", 0.25, "x") in [(raw, v, u) for raw, v, _, _, u in got]


# --- an agreement's term ----------------------------------------------------------------------

def test_agreement_term_is_a_duration(project_registry):
    text = "- **Qatar** (February 2025): Five-year partnership to improve government services through AI\n"
    assert _drafts(text, project_registry) == [("Five-year", 5.0, None, None, "year")]
    assert _drafts("Meta signed a 20-year PPA with Constellation.", project_registry) == \
        [("20-year", 20.0, None, None, "year")]


# --- a header in petaflop/s-days (found on the check set, after the rules above froze) ---------

_PF_DAYS = """\
| Model | Year | Parameters | Training Compute (PFlop/s-days) | Energy (MWh) |
|-------|------|------------|--------------------------------|--------------|
| **GPT-3** | 2020 | 175B | ~3,640 | 1,287 |
"""


def test_petaflop_s_days_header_is_compute_not_days(project_registry):
    got = {raw: (v, u) for raw, v, _, _, u in _drafts(_PF_DAYS, project_registry)}
    assert got["~3,640"] == (3640.0, "petaflop_s_day")
    assert got["1,287"] == (1287.0, "MWh")


def test_per_second_header_still_a_rate(project_registry):
    text = "| Model | Throughput (tokens/s) |\n|---|---|\n| Llama 3 8B | 1,200 |\n"
    assert [u for *_, u in _drafts(text, project_registry)] == ["token/s"]
