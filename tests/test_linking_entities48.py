"""Numbers given a new article entity (or another entity) where the curated one is in the
registry (kb/extract/linking.py), session 20's rules.

The layouts follow the development articles (dev-A half), each with its id.
"""
from __future__ import annotations

from conftest import linked_draft


# --- a model line's name with a size: the size of a version the article names ------------------

# r102-token-economics-cost-equation: "Llama 3.1 8B/70B" in the text, then a table row
# "| Llama 70B (hosted) |" and "Llama 8B at $0.05/$0.08" in prose
LINES = """# Token economics

The realistic play is a smaller model. Models like Mistral Small or Llama 3.1 8B and
Llama 3.1 70B can deliver strong performance on focused tasks.

| Model Tier | Blended Rate (per M tokens) |
|---|---|
| GPT-4o-mini | ~$0.30 |
| Llama 70B (hosted) | ~$0.75 |

The price floor keeps dropping: Llama 8B at $0.05 per million tokens is nearly free.
"""


def test_a_lines_name_with_a_size_is_that_size_of_the_version_the_article_names(project_registry):
    assert linked_draft(project_registry, LINES, "$0.05")[0] == "llama-3.1-8b"


def test_a_table_row_labelled_by_a_lines_name_with_a_size_is_left_as_it_was(project_registry):
    # "| Llama 70B |" in a table labels runs of the article's own as often as the model
    assert linked_draft(project_registry, LINES, "~$0.75")[0] != "llama-3.1-70b"


def test_the_size_is_of_the_version_the_article_names_not_the_latest(project_registry):
    # the article names Llama 3's 70B: "Llama 8B" is Llama 3's 8B (its family's), not 3.1's
    text = LINES.replace("Llama 3.1 8B and\nLlama 3.1 70B", "Llama 3 70B")
    assert linked_draft(project_registry, text, "$0.05")[0] == "llama-3-8b"


def test_a_size_of_another_lines_model_is_not_taken(project_registry):
    # only Mistral's models named: a Llama of that size is none of them
    text = LINES.replace("Llama 3.1 8B and\nLlama 3.1 70B", "Mistral Large")
    assert linked_draft(project_registry, text, "$0.05")[0] not in ("llama-3.1-8b", "mistral-large")


# --- a table of bare registry names under a caption saying estimates -----------------------------

# r132-inference-research-analysis: "## GPU Hourly Pricing (Estimated)" over rows labelled each
# by a card's bare name
ESTIMATED = """# Research Notes

## GPU Hourly Pricing (Estimated)

| GPU      | Cloud Price (USD/hr) |
| -------- | -------------------- |
| A100     | 3.0                  |
| T4       | 0.6                  |
| RTX 4090 | 1.2                  |
"""


def test_rows_named_each_by_a_registry_thing_are_those_things_under_an_estimates_caption(project_registry):
    assert linked_draft(project_registry, ESTIMATED, "0.6")[0] == "nvidia-t4"
    assert linked_draft(project_registry, ESTIMATED, "3.0")[0] == "nvidia-a100"


def test_a_row_built_from_a_registry_thing_keeps_the_table_a_scenarios(project_registry):
    # one row a set-up of the writer's own ("| 2x T4 box |"): the caption's estimates stand
    text = ESTIMATED.replace("| T4       |", "| T4 home box |")
    assert linked_draft(project_registry, text, "3.0")[0] != "nvidia-a100"


# --- a comparison table's uplift column: one thing's throughout ---------------------------------

# r49-google-ai-moat-chips: the uplift column's rows whose arithmetic can be redone are the
# newer chip's; so is the row whose baseline is written "Baseline"
UPLIFT = """# TPUs

| Feature                      | TPU v5e    | Trillium (TPU v6e)  | Generational Uplift |
| ---------------------------- | ---------- | ------------------- | ------------------- |
| Peak Compute per Chip (BF16) | 197 TFLOPs | 918 TFLOPs          | 4.7x                |
| HBM Capacity per Chip        | 16 GB      | 32 GB               | 2x                  |
| Energy Efficiency            | Baseline   | 1.67 x vs. v5e      | 67% improvement     |
"""


def test_an_uplift_columns_cell_whose_row_cannot_be_redone_is_the_columns_thing(project_registry):
    assert linked_draft(project_registry, UPLIFT, "4.7x")[0] == "google-tpu-v6e"
    assert linked_draft(project_registry, UPLIFT, "67%")[0] == "google-tpu-v6e"


def test_one_redone_row_is_no_column(project_registry):
    text = UPLIFT.replace("| 16 GB      | 32 GB               | 2x                  |",
                          "| 16 GB      | 32 GB               | n/a                 |")
    assert linked_draft(project_registry, text, "67%")[0] != "google-tpu-v6e"


def test_the_line_size_pattern_is_kept_for_the_latest_registry_only(project_registry):
    """The pattern of a registry's model lines with a size is compiled once per registry and
    kept for the latest one only: a session that links with several registries (tests, a
    notebook re-run after an edit) does not keep every old one alive."""
    from kb.extract import linking

    first = linking.index_for(project_registry.entities, project_registry.properties)
    second = linking.index_for(project_registry.entities[:-1], project_registry.properties)
    assert first is not second and first.lines and second.lines
    for idx in (first, second):
        assert linking._line_sizes(idx, "Llama 3.1 8B is cheap; Llama 8B costs $0.05.", []) != []
    assert len(linking._LINE_SIZE_MEMO) == 1
