"""plain54: plain numbers, counts, multipliers and percentages (designed on dev-B).

- A list item repeated under another heading ("- NVIDIA: 7.17%" in a summary list and again
  in a later list of the same weights, in another order) states its number again: each is a
  draft. A whole list repeated word for word, its neighbours and all, is still drafted once.
"""
from __future__ import annotations

from conftest import read_raw_values

_SUMMARY = "### Direct AI Beneficiaries (conservative)\n\n- NVIDIA: 7.17%\n- Microsoft: 5.33%\n- Alphabet: 6.39%\n\n"
_LATER = ("Current S&P 500 weights for AI-related companies (as of January 2026):\n\n"
          "- NVIDIA: 7.17%\n- Alphabet: 6.39%\n- Microsoft: 5.33%\n\n")


def _count(text: str, raw: str) -> int:
    return sum(1 for r, *_ in read_raw_values(text) if r == raw)


def test_list_item_repeated_under_another_heading_is_drafted_again():
    text = _SUMMARY + "You hold approximately **54% in domestic stock**.\n\n" + _LATER
    assert _count(text, "7.17%") == 2
    assert _count(text, "6.39%") == 2


def test_whole_list_repeated_is_drafted_once():
    assert _count(_SUMMARY + _SUMMARY, "7.17%") == 1

