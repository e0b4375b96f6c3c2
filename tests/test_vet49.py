"""vet49: false alarms of `kb vet` on dev-B and their general causes (design on dev-B only)."""
from __future__ import annotations

from pathlib import Path

from conftest import ROOT


# --------------------------------------------------------------------------------------
# A condition the article states for a whole block (a section heading, a table column)
# --------------------------------------------------------------------------------------

def test_a_condition_value_is_named_by_a_heading_whatever_the_ending():
    from kb.extract.vet import _value_named

    assert _value_named("fine-tuned", "Fine-tuning Models")
    assert _value_named("training", "Training (per 1M tokens)")
    assert _value_named("cache-write", "Prompt Caching Write")
    assert _value_named("batch", "Output with Batch API*")
    # every word of the value must be there, as the start of a word
    assert not _value_named("cached-input", "Prompt Caching Write")
    assert not _value_named("fine-tuned", "Models we tuned")
    assert not _value_named("batch", "Prices")
    assert not _value_named("fp8", "FP16 throughput")


def test_the_section_heading_is_the_nearest_markdown_heading_above():
    from kb.extract.vet import _section_heading

    text = "# Costs\n\nIntro 5 W.\n\n## Fine-tuning\n\nA line 7 W.\n"
    assert _section_heading(text, text.index("7 W")) == "Fine-tuning"
    assert _section_heading(text, text.index("5 W")) == "Costs"
    assert _section_heading("no heading 3 W", 11) == ""


def _vet_table(tmp_path: Path, heading: str, column: str = "Input (per 1M tokens)"):
    from kb.extract.vet import vet

    text = (f"# A price sheet\n\n{heading}\n\n| Model | {column} | Output (per 1M tokens) |\n|---|---|---|\n"
            "| gpt-4o-2024-08-06 | $3.750 | $15.000 |\n")
    p = tmp_path / "sheet.md"
    p.write_text(text, encoding="utf-8")
    return {n.raw: n for n in vet(p, ROOT, as_of="2025-01-15").numbers}


def test_prices_under_a_heading_that_names_their_tier_are_unsure_not_flagged(tmp_path):
    """GPT-4o's fine-tuned prices ($3.75 / $15 per 1M tokens) miss its list prices: under a
    heading that says fine-tuning, the reading missed the tier; under a plain heading they are
    list prices as read, and wrong."""
    plain = _vet_table(tmp_path, "## Our price list")
    assert plain["$3.750"].status == "flagged" and plain["$15.000"].status == "flagged"
    tuned = _vet_table(tmp_path, "## Fine-tuning price list")
    for raw in ("$3.750", "$15.000"):
        n = tuned[raw]
        assert n.status == "unchecked", (raw, n.status, n.reason)
        assert n.reason.startswith("unsure:") and "names fine-tuned" in n.reason
        assert {f.code for f in n.notes} & {"contradicts-reference", "conflict"}


def test_a_column_that_names_the_tier_makes_its_cell_unsure(tmp_path):
    by_column = _vet_table(tmp_path, "## Our price list", column="Fine-tuned input (per 1M tokens)")
    assert by_column["$3.750"].status == "unchecked" and "its table column" in by_column["$3.750"].reason
    assert by_column["$15.000"].status == "flagged"  # (its own column names no tier)


# --------------------------------------------------------------------------------------
# "monthly revenue hit $X": a shorter period's figure, read with a year's period or none
# --------------------------------------------------------------------------------------

class _Prop:
    def __init__(self, conditions):
        self.conditions = conditions


class _KB:
    properties = {"revenue": _Prop(["period", "basis"]), "memory-capacity": _Prop(["scope"])}


class _Cmp:
    kb = _KB()


class _F:
    def __init__(self, code="contradicts-reference"):
        self.code = code


class _D:
    def __init__(self, text, raw, prop="revenue", conditions=None):
        self.raw, self.property = raw, prop
        self.span_start = text.index(raw)
        self.span_end = self.span_start + len(raw)
        self.conditions = conditions or {}


def _shorter(text, raw, code="contradicts-reference", **kw):
    from kb.extract.vet import _shorter_period

    return _shorter_period(_Cmp(), _F(code), _D(text, raw, **kw), text, 0)


def test_a_figure_the_words_before_it_call_monthly_is_unsure_against_a_years():
    text = "Analysts say the lab's monthly sales reached $250 million in March, up from $90 million."
    assert "'monthly'" in _shorter(text, "$250 million", conditions={"period": "2025"})
    assert "no period was read" in _shorter(text, "$250 million")
    assert _shorter("Its quarterly revenue was $2 billion.", "$2 billion", code="conflict")


def test_a_period_word_elsewhere_or_a_shorter_period_read_leaves_the_finding():
    # the period read is already a month's
    text = "Analysts say the lab's monthly sales reached $250 million in March."
    assert _shorter(text, "$250 million", conditions={"period": "2025-03"}) == ""
    # the word is after the number, or too far before it
    assert _shorter("Revenue was $4 billion, paid in monthly instalments.", "$4 billion") == ""
    far = "Monthly reports are published by the firm, which says that over the whole year revenue was $4 billion."
    assert _shorter(far, "$4 billion") == ""
    # a property without periods, and a finding that is no miss of outside figures
    assert _shorter("Its monthly plan gives 16 GB.", "16 GB", prop="memory-capacity") == ""
    assert _shorter("Its monthly revenue was $2 billion.", "$2 billion", code="arithmetic") == ""
