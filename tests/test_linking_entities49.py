"""Numbers given a new article entity where the curated one is in the registry
(kb/extract/linking.py), session 21's rules, on tables.

The layouts follow the development articles' dev-B half (the design half this session);
the sentences are this file's own.
"""
from __future__ import annotations

from conftest import linked_draft


# --- a table of graphics cards labelled by their model numbers alone ---------------------------

# r113-deep-learning-build-2k: "| Card | ... | VRAM | Cost |" over "| 3090 | Used | 24GB | $1200 |"
CARDS = """# Picking a card

| Card    | Condition | VRAM | Cost  |
|---------|-----------|------|-------|
| 3060    | Used      | 12GB | $250  |
| 3090    | Used      | 24GB | $1100 |
| 4090 | New         | 24GB | $2600 |
"""


def test_a_card_table_row_labelled_by_a_model_number_is_that_card(project_registry):
    assert linked_draft(project_registry, CARDS, "24GB")[0] == "nvidia-geforce-rtx-3090"
    assert linked_draft(project_registry, CARDS, "$2600")[0] == "nvidia-geforce-rtx-4090"


def test_model_numbers_under_a_header_naming_no_card_are_not_cards(project_registry):
    # "| Year |" over "| 3090 |": a number, no card
    text = CARDS.replace("| Card    |", "| Build   |")
    assert linked_draft(project_registry, text, "24GB")[0] != "nvidia-geforce-rtx-3090"


def test_one_model_number_alone_is_no_table_of_cards(project_registry):
    # a single row: no list of cards to read the series into
    text = CARDS.replace("| 3060    | Used      | 12GB | $250  |\n", "").replace(
        "| 4090 | New         | 24GB | $2600 |\n", "")
    assert linked_draft(project_registry, text, "24GB")[0] != "nvidia-geforce-rtx-3090"


# --- a column of registry names in a table whose labels repeat -----------------------------------

# r71-gemini-image-cost: "| Method | Model | Cost/Image |" over rows whose first cell repeats
REPEATED = """# Image generation prices

| Method | Model | Cost/Image |
|--------|-------|-----------|
| `draw` | GPT-4o | $0.05 |
| `draw` | Claude 3.5 Sonnet | $0.07 |
| `edit` | Gemini 1.5 Pro | $0.03 |
"""


def test_a_column_of_bare_names_makes_the_rows_those_things_despite_repeated_labels(project_registry):
    assert linked_draft(project_registry, REPEATED, "$0.07")[0] == "claude-3.5-sonnet"


def test_repeated_labels_with_no_column_of_names_stay_scenarios(project_registry):
    text = REPEATED.replace("GPT-4o", "small").replace("Claude 3.5 Sonnet", "large").replace("Gemini 1.5 Pro", "tiny")
    assert linked_draft(project_registry, text, "$0.07")[0] == "new"


# r103-local-ai-cost-return: names written as Markdown reference links, "[GPT-4o][openai-pricing]"
LINKED = """# API prices

| Provider | Model | Input $/MTok |
|----------|-------|--------------|
| [**OpenAI**][openai-pricing] | [GPT-4o][openai-pricing] | $2.50 |
| [**OpenAI**][openai-pricing] | [GPT-4o mini][openai-pricing] | $0.15 |
| [**Anthropic**][anthropic-pricing] | [Claude 3.5 Sonnet][anthropic-pricing] | $3.00 |

[openai-pricing]: https://example.com/openai
[anthropic-pricing]: https://example.com/anthropic
"""


def test_a_reference_links_label_names_nothing_and_the_linked_names_are_bare(project_registry):
    assert linked_draft(project_registry, LINKED, "$0.15")[0] == "gpt-4o-mini"
    assert linked_draft(project_registry, LINKED, "$3.00")[0] == "claude-3.5-sonnet"


# --- a year heading a column is no workload ------------------------------------------------------

# r131-unsustainable-genai-economics: "| Company | 2024 Revenue | 2024 Losses |"
YEARS = """# The labs' books

| Company | 2024 Revenue | 2024 Losses |
|---------|-------------|-------------|
| **OpenAI** | $4 billion | $5 billion |
| **Anthropic** | $900 million | $5.3 billion |
"""


def test_a_column_headed_by_a_year_and_a_figure_is_the_rows_companys(project_registry):
    assert linked_draft(project_registry, YEARS, "$900 million")[0] == "anthropic"


def test_a_column_headed_by_an_amount_of_work_stays_a_workload(project_registry):
    text = YEARS.replace("2024 Revenue", "1000 Tokens Cost")
    assert linked_draft(project_registry, text, "$900 million")[0] != "anthropic"


# --- rows continuing a group under a registry name -----------------------------------------------

# r77-ai-api-pricing-summary: "| Gemini 1.5 Flash | Image Input | ... |" over "| | Video Input | ... |"
GROUPS = """# Gemini prices

| Model | Type | Price |
|-------|------|-------|
| Gemini 1.5 Flash | Image Input | $0.00002 / image |
| | Text Input | $0.075 / 1M tokens |
| | Text Output | $0.30 / 1M tokens |
| Gemini 1.5 Pro | Image Input | $0.001315 / image |
| | Text Input | $1.25 / 1M tokens |
"""


def test_a_row_continuing_a_group_is_the_groups_labelled_thing(project_registry):
    assert linked_draft(project_registry, GROUPS, "$0.30")[0] == "gemini-1.5-flash"
    assert linked_draft(project_registry, GROUPS, "$1.25")[0] == "gemini-1.5-pro"


def test_a_row_continuing_a_group_labelled_by_no_registry_thing_stays_the_articles(project_registry):
    text = GROUPS.replace("Gemini 1.5 Flash", "Our small tier").replace("Gemini 1.5 Pro", "Our big tier")
    assert linked_draft(project_registry, text, "$0.30")[0] in ("new", None)
