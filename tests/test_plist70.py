"""plist70: token prices in LISTS under a note that says the prices are per so many tokens (fresh
public pricing write-ups and README notes in no corpus, found with the ``find_string`` tool, judged
by hand). Before, a list item's bare amounts ("- GPT-4o: $5.00 / $20.00", "- Input: $15.00 |
Output: $75.00", "- Sonnet: $3 input, $15 output") read as workload costs in dollars: the note
above them ("# USD per million text tokens (input / output)", "Prices in USD per 1 million tokens",
"Pricing (per 1M tokens):") reached only tables, and `kb vet` compared none of them with the
token-price references.

- the note of a list's section (the titles of the headings above, of its own level and higher, or
  a short line with no amount of its own that the section opens with, or the text opens with)
  gives the count to a slash pair of prices with no denominator; its presence is a token cue;
- a label naming the side of a call before a bare amount ("Input: $15.00") or a side word after
  it ("$3 input", "$15 out", "$2.50 (input)") makes a price per that many tokens of that side;
- the note's wordings: "per million text tokens", "/1M tok", "per 1K tokens".
"""
from __future__ import annotations

import pytest

from conftest import draft_of


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


def _read(d):
    return d.unit, d.property, d.conditions.get("direction")


# a public API price note (find_string tool, code corpus), paraphrased shorter
TEXT_TOKENS = ("# USD per million text tokens (input / output)\n\n"
               "- GPT-4o: $5.00 / $20.00\n- GPT-4o mini: $0.60 / $2.40\n")


def test_heading_note_prices_a_slash_pair_in_its_list(reg):
    assert _read(draft_of(reg, TEXT_TOKENS, "$5.00")) == ("USD per 1M tokens", "token-price", "input")
    assert _read(draft_of(reg, TEXT_TOKENS, "$2.40")) == ("USD per 1M tokens", "token-price", "output")


# a lead line above the text's headings says it once for every model's section
LEAD = ("Prices in USD per 1 million tokens.\n\n## Claude Opus 4\n\n- Input: $15.00 | Output: $75.00\n\n"
        "## Claude Sonnet 4\n\n- Input: $3.00 | Output: $15.00\n")


def test_lead_line_note_prices_labelled_sides(reg):
    d = draft_of(reg, LEAD, "$75.00")
    assert _read(d) == ("USD per 1M tokens", "token-price", "output")
    d = draft_of(reg, LEAD, "$3.00")
    assert (d.entity,) + _read(d) == ("claude-sonnet-4", "USD per 1M tokens", "token-price", "input")


def test_side_word_after_the_amount(reg):
    # "Pricing (per 1M tokens):\n- Sonnet: $3 input, $15 output" (a public cost-tracking note)
    text = "Pricing (per 1M tokens):\n- Sonnet: $3 input, $15 output\n- Haiku: $1 input, $5 output\n"
    assert _read(draft_of(reg, text, "$15")) == ("USD per 1M tokens", "token-price", "output")
    assert _read(draft_of(reg, text, "$1")) == ("USD per 1M tokens", "token-price", "input")


def test_bracketed_sides_of_a_pair_under_a_bold_lead(reg):
    text = ("**6. Provider Comparison (per 1M tokens)**\n"
            "- **GPT-4o**: $2.50 (input) / $10 (output)\n- **Local Models**: FREE (after setup)\n")
    d = draft_of(reg, text, "$2.50")
    assert (d.entity,) + _read(d) == ("gpt-4o", "USD per 1M tokens", "token-price", "input")
    assert _read(draft_of(reg, text, "$10")) == ("USD per 1M tokens", "token-price", "output")


def test_unnamed_model_pair_takes_the_note(reg):
    # a model the registry does not know ("Sonnet: $3 / $15"): the note is the cue
    text = "**Model Pricing** (per 1M tokens):\n- GPT-4o-mini: $0.15 / $0.60\n- Sonnet: $3 / $15\n"
    assert _read(draft_of(reg, text, "$15")) == ("USD per 1M tokens", "token-price", "output")


@pytest.mark.parametrize("note, unit", [("## Pricing (/1M tok)", "USD per 1M tokens"),
                                        ("Pricing (per 1K tokens):", "USD per 1K tokens")])
def test_note_wordings(reg, note, unit):
    text = f"{note}\n\n- GPT-4: $0.03 input, $0.06 output\n"
    assert _read(draft_of(reg, text, "$0.06")) == (unit, "token-price", "output")


def test_sibling_section_takes_no_note(reg):
    # (a note in a heading of the same level is another section's)
    text = ("## Hosted API (per 1M tokens)\n\n- GPT-4o: $2.50 / $10\n\n"
            "## Hardware\n\n- Workstation: $2,500 input, $300 output\n")
    assert draft_of(reg, text, "$2,500").unit == "USD"


def test_a_line_with_its_own_price_is_no_note(reg):
    # "GPT-4 costs $30 per 1M tokens" states a price: no note for the amounts below it
    text = "GPT-4 costs $30 per 1M tokens.\n\n- Setup: $500 input, $200 output\n"
    assert draft_of(reg, text, "$500").unit == "USD"


def test_cached_input_is_no_input_price(reg):
    # (left72: the cached input's price is now read, per 1M tokens of the cached tier: an input price of
    # its own tier, as the curated claims record one, never the standard input price)
    text = "Pricing (per 1M tokens):\n- Input: $3.00\n- Cached input: $0.30\n"
    d = draft_of(reg, text, "$3.00")
    assert d.conditions.get("direction") == "input" and d.conditions.get("tier") in (None, "standard")
    assert draft_of(reg, text, "$0.30").conditions.get("tier") == "cached-input"


LIST_PRICES = "Prices in USD per 1 million tokens.\n\n## OpenAI o4-mini\n\n- Input: $0.20 | Output: $0.80\n"


def test_vet_flags_a_wrong_price_in_a_noted_list(tmp_path, root):
    from conftest import vet_text, vetted_number

    rep = vet_text(tmp_path, root, LIST_PRICES)
    assert vetted_number(rep, "$0.20").status == "flagged"


def test_one_price_of_a_model_item(reg):
    # "### Cost Analysis (per 1M tokens)" over single prices per model (a public README), no side
    text = ("### Cost Analysis (per 1M tokens)\n- **Llama 3.1 70B (Local)**: $0.00 (hardware costs only)\n"
            "- **GPT-4 Turbo**: $10.00\n- **ChatGPT Plus**: $20\n")
    d = draft_of(reg, text, "$10.00")
    assert (d.entity, d.unit, d.property) == ("gpt-4-turbo", "USD per 1M tokens", "token-price")
    assert draft_of(reg, text, "$0.00").unit == "USD"  # (a free model's: no price)
    assert draft_of(reg, text, "$20").unit == "USD"  # (a plan of a product, no model)
