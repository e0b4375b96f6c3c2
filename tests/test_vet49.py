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
