"""catch78: `kb vet`'s misses on a fifth fresh set of public write-ups (model price and context
tables, GPU spec tables, earnings write-ups, a cloud cost comparison; none in the corpus, found
with the ``search`` tool), each number judged by hand against a page read or the text's own
arithmetic.

- a pair of token prices told apart by the short words "in" and "out" ("GPT-4o Mini ... $1 in /
  $3 out", a tab-separated comparison table's price column) was read with no side, so a wrong
  input price equal to some other tier's output price (GPT-4o mini's priority output $1.00)
  passed as consistent; "in" right after an amount of such a pair is now its input side, "out"
  its output side.
"""
from __future__ import annotations

from conftest import vet_text, vetted_number
from conftest import drafts_by_raw as _drafts


# --- "$1 in / $3 out" --------------------------------------------------------------------------

_IN_OUT = (
    "AI Model Comparison (API), as of April 2025.\n\n"
    "Model\tQuality\tSpeed\tPrice (per 1M tokens)\tContext Window\tNotes\n"
    "GPT-3.5 Turbo\tGood\tFast\t$0.50 in / $1.50 out\t16K\tBest value\n"
    "GPT-4o Mini\tModerate\tVery Fast\t$1 in / $3 out\t128K (likely)\tAPI availability unclear\n"
)


def test_in_out_pair_gives_each_price_its_side(project_registry):
    ds = _drafts(_IN_OUT, project_registry)
    assert ds["$0.50"].conditions.get("direction") == "input"
    assert ds["$1.50"].conditions.get("direction") == "output"
    assert ds["$1"].conditions.get("direction") == "input"
    assert ds["$3"].conditions.get("direction") == "output"


def test_in_out_pair_in_prose(project_registry):
    ds = _drafts("GPT-4o Mini costs $0.15 in, $0.60 out per million tokens.", project_registry)
    assert ds["$0.15"].conditions.get("direction") == "input"
    assert ds["$0.60 out per million tokens"].conditions.get("direction") == "output"


def test_in_without_a_pair_is_no_side(project_registry):
    # "in" after an amount that is no pair of prices says nothing of a side
    ds = _drafts("GPT-4o Mini cost us $15 in March per million tokens.", project_registry)
    assert "direction" not in ds["$15"].conditions


def test_wrong_input_price_of_a_pair_is_flagged(tmp_path, root):
    rep = vet_text(tmp_path, root, _IN_OUT)
    n = vetted_number(rep, "$1")
    assert n.status == "flagged", (n.status, n.reason)
    ok = vetted_number(rep, "$0.50")
    assert ok.status != "flagged", (ok.status, ok.reason)


# --- a tier caption's "per 1M tokens" under a section noted "per 1K tokens" ---------------------

_TIERS = """\
# AI Model Cost Comparison

## Cost per 1K Tokens (Input/Output)

### Standard Tier ($1-$3/$5-$15 per 1M tokens)
| Model | Input | Output | Total (avg) | Use Case |
|-------|-------|--------|-------------|----------|
| **GPT-4.1** | $0.0020 | $0.0150 | $0.0085 | Advanced GPT-4 |
| **Claude Sonnet 4.5** | $0.0030 | $0.0150 | $0.0090 | Technical excellence |
"""


def test_tier_caption_amounts_do_not_set_the_cells_denominator(project_registry):
    ds = [d for d in _drafts_list(_TIERS, project_registry) if d.raw == "$0.0030"]
    assert ds and ds[0].unit == "USD per 1K tokens", [(d.raw, d.unit) for d in ds]
    assert ds[0].conditions.get("direction") == "input"


def test_caption_without_amounts_keeps_its_denominator(project_registry):
    text = _TIERS.replace("### Standard Tier ($1-$3/$5-$15 per 1M tokens)", "### Standard Tier (per 1M tokens)")
    ds = [d for d in _drafts_list(text, project_registry) if d.raw == "$0.0030"]
    assert ds and ds[0].unit == "USD per 1M tokens", [(d.raw, d.unit) for d in ds]


def test_average_column_is_a_blend(project_registry):
    ds = [d for d in _drafts_list(_TIERS, project_registry) if d.raw == "$0.0090"]
    assert ds and ds[0].conditions.get("direction") == "blended"


def test_right_prices_per_1k_pass_and_wrong_one_is_flagged(tmp_path, root):
    rep = vet_text(tmp_path, root, _TIERS)
    for n in rep.numbers:
        if n.raw in ("$0.0030", "$0.0090"):
            assert n.status != "flagged", (n.raw, n.status, n.reason)
    wrong = [n for n in rep.numbers if n.raw == "$0.0150" and n.entity == "gpt-4.1"]
    assert wrong and wrong[0].status == "flagged", [(n.raw, n.entity, n.status) for n in rep.numbers]


def _drafts_list(text: str, registry):
    from kb.extract.drafts import extract_text

    return extract_text(text, registry)


# --- "for prompts ≤ 200K tokens" under "**Output Tokens**:" -------------------------------------

_SONNET4 = """\
### Claude Sonnet 4 Pricing

Anthropic's Claude Sonnet 4 is optimized for nuanced understanding and extended reasoning.

* **Input Tokens**:

  * \\$3.00 per million tokens for prompts ≤ 200K tokens
* **Output Tokens**:

  * \\$15.00 per million tokens for prompts ≤ 200K tokens
"""


def test_prompts_sized_by_a_bound_name_no_side(project_registry):
    ds = [d for d in _drafts_list(_SONNET4, project_registry) if d.raw.startswith("$15.00")]
    assert ds and ds[0].conditions.get("direction") != "input", [(d.raw, d.conditions) for d in ds]


def test_prompts_as_a_side_still_read(project_registry):
    ds = [d for d in _drafts_list("Claude Sonnet 4 costs $3 per million prompt tokens.", project_registry)
          if d.raw.startswith("$3")]
    assert ds and ds[0].conditions.get("direction") == "input", [(d.raw, d.conditions) for d in ds]


def test_right_output_price_for_prompts_under_a_bound_passes(tmp_path, root):
    rep = vet_text(tmp_path, root, _SONNET4)
    n = vetted_number(rep, "$15.00 per million tokens")
    assert n.status != "flagged", (n.status, n.reason)


# --- a column headed "Input Token Size Length" -------------------------------------------------

_LIMITS = """\
| **Model Name**               | **Input Token Size Length** | **Price per Million Input Tokens** |
|------------------------------|-----------------------------|------------------------------------|
| Claude 3.5 Sonnet            | 200,000                     | $3 (estimated)                     |
| Gemini 2.0 Flash             | 131,000                     | $0.1                               |
"""


def test_input_token_size_column_is_the_context_window(project_registry):
    ds = {d.raw: d for d in _drafts_list(_LIMITS, project_registry)}
    assert ds["131,000"].entity == "gemini-2.0-flash"
    assert ds["131,000"].property == "context-window", ds["131,000"].property
    assert ds["200,000"].property == "context-window"


def test_other_token_columns_keep_their_reading(project_registry):
    text = _LIMITS.replace("Input Token Size Length", "Token Size Length")
    ds = {d.raw: d for d in _drafts_list(text, project_registry)}
    assert ds["131,000"].property != "context-window"


def test_wrong_input_limit_is_flagged(tmp_path, root):
    rep = vet_text(tmp_path, root, _LIMITS)
    n = vetted_number(rep, "131,000")
    assert n.status == "flagged", (n.status, n.reason)
    ok = vetted_number(rep, "200,000")
    assert ok.status != "flagged", (ok.status, ok.reason)
