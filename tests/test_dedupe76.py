"""dedupe76: one mechanism where two were written.

- Thousands grouped by spaces are read in one place, kb.core.grammar.space_thousands, which the
  drafts' view, the quote check (quantities_in) and vet's written operands all use: in prose
  ("100 000 GPUs", "10 000 000 000 Watt", "10\u202f000 GPUs"), in an amount with its currency
  ("1 500 €", "€1 500 000", "EUR 1 500") and in a table cell ("| 14 592 |"). Before, the
  extractor's view read the first and the grammar's parser the other two, so a quote checked by
  ``kb check`` did not state the 100,000 its draft had read.
"""
from __future__ import annotations

import pytest

from kb.core.grammar import numbers_in, space_thousands


@pytest.mark.parametrize("text, want", [
    ("The cluster has 100 000 GPUs.", "The cluster has 100,000 GPUs."),
    ("Plant OpenAI 10 000 000 000 Watt.", "Plant OpenAI 10,000,000,000 Watt."),
    ("The cluster has 100\u202f000 GPUs.", "The cluster has 100,000 GPUs."),
    ("That is 1 500 € per month.", "That is 1,500 € per month."),
    ("It was €1 500 000 in all.", "It was €1,500,000 in all."),
    ("A fee of EUR 1 500 a year.", "A fee of EUR 1,500 a year."),
    ("| H100 PCIe | 114 | 14 592 |", "| H100 PCIe | 114 | 14,592 |"),
    ("| H200 | **16 896** |", "| H200 | **16,896** |"),
])
def test_spaced_thousands_read_as_commas_one_character_for_one(text, want):
    got = space_thousands(text)
    assert got == want and len(got) == len(text)


@pytest.mark.parametrize("text", [
    "He had 3 500 GPUs in two sites.",             # no currency, no cell: a 3, then 500 GPUs
    "Plus costs $20 100 messages are allowed.",     # never after a dollar sign
    "It cost $1 500 € in the end.",                 # (nor with the euro's sign after it)
    "Scores 1 500 2 500 € apart.",                  # more groups go on after the amount's
    "It was €1 500 12 times.",                       # a digit goes on after the amount's sign's groups
    "We counted 14 592 cores.",                      # outside a cell: maybe two numbers
])
def test_spaced_digits_without_an_amounts_or_a_cells_edges_stay(text):
    assert space_thousands(text) == text


@pytest.mark.parametrize("quote, value", [
    ("The cluster has 100 000 GPUs.", 100000),
    ("Plant OpenAI eine Infrastruktur mit 10 000 000 000 Watt.", 1e10),
    ("It was €1 500 000 in all.", 1500000),
])
def test_a_quote_states_the_spaced_number_its_draft_read(quote, value):
    # (kb check's quote_value compares a claim's value with these)
    assert value in numbers_in(quote)


def test_vets_written_operand_reads_a_spaced_amount_whole():
    from kb.extract.vet import _written_operands

    got = {(r["value"], r["unit"]) for r in _written_operands("The bill: 12 × €1 500 000 a year.", [], "t", set())}
    assert (1500000.0, "EUR/year") in got


# --- the scale words: one table (_SCALE_NAME), the pattern derived from it ---------------------------

def test_every_scale_word_of_the_table_is_read_after_a_number():
    from kb.core.grammar import _SCALE_NAME, parse_at, scale_factor

    for word, name in _SCALE_NAME.items():
        if len(word) < 2 or word.endswith("."):
            continue  # (the single letters are read glued, "70B"; a period only before what it counts)
        q = parse_at(f"about 5 {word} of them", 6)
        assert q is not None and q.scale == name and scale_factor(q.scale) > 1, word


def test_a_scale_of_two_words_with_a_no_break_space_after_a_plus_reads():
    # ("20+ mil millones": the plus's scale word was looked up without its no-break space read as
    # a space, a KeyError, where the same words without the plus read)
    from conftest import read_raw_values

    got = read_raw_values("They raised 20+ mil\u00a0millones de dólares.")
    assert any(v == 20 and u == "billion USD" for _, v, _, _, u in got), got


# --- German counted nouns: one list for the grammar's units and the dot-grouped thousands ----------

@pytest.mark.parametrize("text, value, unit", [
    ("Das Werk in Dresden mit 1.200 Beschäftigten läuft.", 1200, "employee"),   # (dative plural)
    ("Die Plattform hat 2.500 Nutzerinnen und Nutzer.", 2500, "user"),
    ("Sie kauften 10.000 KI-Chips.", 10000, "GPU"),
])
def test_dot_grouped_thousands_before_every_german_counted_noun(text, value, unit):
    # (the drafts' list of nouns before which "1.200" is thousands had only some of the forms the
    # grammar reads a unit from: "1.200 Beschäftigten" was 1.2 employees)
    from conftest import read_raw_values

    got = read_raw_values(text)
    assert any(v == value and u == unit for _, v, _, _, u in got), got
