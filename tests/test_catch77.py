"""catch77: `kb vet`'s misses on a fourth fresh set of public write-ups (pricing notes, GPU spec
tables, context-window lists and funding notes in no corpus, found with the ``search`` tool),
each number judged by hand against a cited page or the text's own arithmetic.

- a list headed by a bold line that is a registry name and nothing else ("**Claude Opus 4.1**"
  over "- Input: $15.00 | Output: $75.00") states that thing's figures: the line was no lead-in
  (it does not end with ':'), and the items' labels ("Input:", "Cached:") counted as labels of
  the article's own things, so every price fell to the section's heading ("## Anthropic
  Claude": the company, a plausible range only). A label that names the side of a token price
  names no thing; the bold name is a way of linking of its own ("bold-name").
- a price table in a section that notes no denominator ("## Cost Comparison (Sorted by Input
  Price)") takes the one token count every noting heading of the text gives ("(All Prices per 1M
  Tokens)"): its cells were read as workload costs, so wrong rows passed.
- a family's count of tokens written in thousands ("GPT-4 ... 8K / 32K") fits the variant whose
  size is 1024-based (gpt-4-32k's 32,768): no conflict with another article's 8,192.
- "200 K" / "8 K (2024-06-20)" in a token column is thousands (it was read as 200 tokens: 16
  false alarms on one table), and "4k~16k" is a range (a tilde set close between numbers).
- OpenAI's $500 billion valuation of the October 2025 employee share sale is a reference
  (datasets/references/catch77.yaml): "approximately $500 billion" as of late 2025 was flagged.
"""
from __future__ import annotations

from conftest import vet_text, vetted_number


def _drafts(text: str, registry):
    from kb.extract.drafts import extract_text

    return {(d.raw, d.span_start): d for d in extract_text(text, registry)}


def _first(drafts: dict, raw: str):
    return min((k for k in drafts if k[0] == raw), key=lambda k: k[1])


# --- a bold name alone over a list of prices ------------------------------------------------

_BOLD = """\
# LLM Pricing Information

Prices in USD per 1 million tokens. Last updated: November 2025.

## Anthropic Claude

**Claude Opus 4.1**
- Input: $15.00 | Output: $75.00
- Cached: $1.50 (90% discount)

**Claude Sonnet 4.5**
- Input: $3.00 | Output: $15.00
"""


def test_bold_name_over_a_list_links_its_prices(project_registry):
    ds = _drafts(_BOLD, project_registry)
    d = ds[_first(ds, "$15.00")]
    assert d.entity == "claude-opus-4.1"
    assert d.evidence["entity"] == "bold-name|sure|kind"
    assert d.entity_confidence >= 0.55
    d = ds[_first(ds, "$3.00")]
    assert d.entity == "claude-sonnet-4.5"


def test_bold_line_with_other_words_is_no_bold_name(project_registry):
    text = _BOLD.replace("**Claude Opus 4.1**", "**Claude Opus 4.1 pricing notes**")
    ds = _drafts(text, project_registry)
    d = ds[_first(ds, "$15.00")]
    assert not d.evidence["entity"].startswith("bold-name")


def test_label_of_own_thing_still_cuts_the_bold_line(project_registry):
    # "- Engineering time: $5,000/month" names a thing of the article's own, not a price's side
    text = "## Budget\n\n**Claude Opus 4.1**\n- Engineering time: $5,000/month\n"
    ds = _drafts(text, project_registry)
    d = ds[_first(ds, "$5,000/month")]
    assert d.entity != "claude-opus-4.1"


def test_wrong_price_under_a_bold_name_is_flagged(tmp_path, root):
    # adapted from a pricing note that gave GPT-4o the realtime model's text prices
    text = ("# LLM Pricing Information\n\nPrices in USD per 1 million tokens. Last updated: November 2025.\n\n"
            "## OpenAI\n\n**GPT-4o**\n- Input: $5.00 | Output: $20.00\n")
    rep = vet_text(tmp_path, root, text)
    n = vetted_number(rep, "$20.00")
    assert n.status == "flagged", (n.status, n.reason)


# --- a price table in a section that notes no denominator, the text's headings all noting one -

_COMPARISON = """\
# LLM Pricing Reference

## OpenAI Models (All Prices per 1M Tokens)

| Model | Input | Output |
|-------|-------|--------|
| **o3-mini** | $1.10 | $4.40 |

## Anthropic Claude Models (All Prices per 1M Tokens)

| Model | Input | Output |
|-------|-------|--------|
| **Claude 3 Haiku** | $0.25 | $1.25 |

## Cost Comparison (Sorted by Input Price)

| Rank | Model | Provider | Input | Output | Best For |
|------|-------|----------|-------|--------|----------|
| 3 | **o4-mini** | OpenAI | $0.20 | $0.80 | Compact reasoning |
"""


def test_comparison_table_takes_the_texts_one_token_note(project_registry):
    ds = _drafts(_COMPARISON, project_registry)
    d = ds[_first(ds, "$0.20")]
    assert d.property == "token-price", (d.property, d.unit)
    assert d.unit == "USD per 1M tokens"
    assert d.entity == "o4-mini"


def test_two_notes_that_disagree_give_no_token_price(project_registry):
    text = _COMPARISON.replace("## Anthropic Claude Models (All Prices per 1M Tokens)",
                               "## Anthropic Claude Models (All Prices per 1K Tokens)")
    ds = _drafts(text, project_registry)
    d = ds[_first(ds, "$0.20")]
    assert d.unit != "USD per 1M tokens"


# --- a family's window written in thousands for a variant's 1024-based size -----------------

_WINDOWS = """\
# LLM Context Size - Popular LLMs

| **Model**                   | **Context Size (tokens)** | **Notes**                            |
| --------------------------- | ------------------------- | ------------------------------------ |
| **GPT-4 (OpenAI)**          | 8K / 32K                  | 32K only in API                      |
"""


def test_binary_overlap_reads_thousands_for_1024s():
    from kb.core.intervals import Interval
    from kb.rules.compare import _binary_overlap

    k32 = Interval(31_500, 32_500, "token")
    assert _binary_overlap(k32, Interval(32_768, 32_768, "token"))
    assert not _binary_overlap(k32, Interval(8_192, 8_192, "token"))
    assert not _binary_overlap(k32, Interval(32_768, 32_768, "byte"))


def test_family_window_of_the_32k_variant_is_no_false_alarm(tmp_path, root):
    # "GPT-4 ... 8K / 32K": the 32K is gpt-4-32k's 32,768-token window, not a wrong GPT-4 figure
    rep = vet_text(tmp_path, root, _WINDOWS)
    n = vetted_number(rep, "32K")
    assert n.status != "flagged", (n.status, n.reason)


# --- a count of tokens in a table cell with its thousands letter set apart ------------------

def test_spaced_thousands_letter_in_a_token_column(project_registry):
    # "| Claude-3-5-sonnet | 200 K | 8 K (2024-06-20) |": 200 thousand tokens, not 200; the
    # snapshot's date after the output limit is no count of tokens
    text = ("# Context Length of Different LLMs\n\n| Model Name | Context Window | Max Output Tokens |\n"
            "|---|---|---|\n| Claude-3-5-sonnet | 200 K | 8 K (2024-06-20) |\n")
    got = [(d.raw, d.value, d.unit) for d in extract_from(text, project_registry)]
    assert ("200 K", 200.0, "K token") in got, got
    assert ("8 K", 8.0, "K token") in got, got
    assert not any(raw == "2024" for raw, _, _ in got), got


def test_spaced_letter_stays_apart_outside_a_token_column(project_registry):
    # only a count of tokens takes the letter: a cell under a header of money keeps its reading
    text = "| Plan | Price ($) |\n|---|---|\n| Team | 20 K |\n"
    got = [(d.raw, d.unit) for d in extract_from(text, project_registry)]
    assert got and not any("token" in unit for _, unit in got), got
    assert all(raw == "20" for raw, _ in got), got


def extract_from(text: str, registry):
    from kb.extract.drafts import extract_text

    return extract_text(text, registry)


# --- a tilde set close between two numbers joins a range -----------------------------------

def test_tilde_between_numbers_is_a_range(project_registry):
    # "| OpenAI | GPT-3.5 | ... | 4k~16k |" under "context window": the 4K and 16K windows, one range
    text = "| Model | context window |\n|---|---|\n| GPT-3.5 | 4k~16k |\n"
    got = [(d.raw, d.low, d.high, d.unit) for d in extract_from(text, project_registry)]
    assert got == [("4k~16k", 4.0, 16.0, "K token")], got


def test_tilde_before_a_number_stays_approximate(project_registry):
    got = [(d.raw, d.value, d.qualifier) for d in extract_from("It costs ~$5 a month.", project_registry)]
    assert got and got[0][1] == 5.0 and got[0][2] != "range", got
