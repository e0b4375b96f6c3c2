"""dedupe77: code written twice, now one piece.

- A section's period (year76) is read from link's own heading index, the one the heading chain
  of a table or a training time walks: the headings a position is under found one way. Link's
  headings leave out a "# comment" line inside a fenced code block ("# Example" in a
  ```python block of r08), so such a line neither dates the figures below it nor ends the walk
  up to the "## 2024" heading above it.
- A table's scale note names a letter's scale by the grammar's one scale table (scale_name):
  "(USD bn)" is billions as "3bn" is; its plural words keep their own ("thousands" is "K").
"""
from __future__ import annotations

from conftest import ROOT


def _drafts(text: str):
    from kb.extract.drafts import extract_text
    from kb.extract.linking import load_registry

    return extract_text(text, load_registry(ROOT))


def _round_period(text: str):
    (d,) = [d for d in _drafts(text) if d.raw == "$6.6B"]
    assert d.property == "funding-round"
    return d.conditions.get("period")


def test_a_section_headed_by_a_year_dates_a_round_in_it():
    assert _round_period("# OpenAI\n\n## 2024\n\n### Q4\n\n- Oct 2: a funding round of $6.6B\n") == "2024"


def test_a_code_comment_is_no_heading_of_the_sections_period():
    # (a comment heading a code block, as r08's "# Example", is no level-1 heading over the list)
    code = "```python\n# Example\nprompt = 'Summarize'\n```\n\n"
    assert _round_period(f"# OpenAI\n\n## 2024\n\n{code}- Oct 2: a funding round of $6.6B\n") == "2024"
    # (nor does a comment that is a year alone date it)
    code = "```bash\n# 2023\npip install vllm\n```\n\n"
    assert _round_period(f"# OpenAI\n\n## 2024\n\n{code}- Oct 2: a funding round of $6.6B\n") == "2024"


def test_a_scale_notes_letter_names_the_grammars_scale():
    from kb.core.grammar import scale_name
    from kb.extract.drafts import _scale_note

    assert _scale_note("Capex (USD bn)") == ("USD", scale_name("bn")) == ("USD", "billion")
    assert _scale_note("| Item | Value (M) |") == (None, "million")
    assert _scale_note("Gross Margin ($ in millions)") == ("USD", "million")
    assert _scale_note("Revenue (in thousands)") == (None, "K")
