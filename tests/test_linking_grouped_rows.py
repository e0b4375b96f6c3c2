"""A product name a table splits over two columns, the first naming a group once over the
rows under it (kb/extract/linking.py, ``grouped_row_names``): "| **Mistral** | Small |" over
"| | Medium |" is Mistral Medium in the second row, and the first row's thing is Mistral's
unnamed "Small", not the company.

The rows are those of r102-token-economics-cost-equation (dev-A; published 2026-04).
"""
from __future__ import annotations

from kb.extract.drafts import extract_text


# r102-token-economics-cost-equation, "### Frontier and Mid-Tier Model Pricing"
R102_TABLE = ("| Provider | Model | Input (per M tokens) | Output (per M tokens) |\n"
              "|---|---|---|---|\n"
              "| **OpenAI** | GPT-4.1 | $2.00 | $8.00 |\n"
              "| | GPT-4o | $2.50 | $10.00 |\n"
              "| **Mistral** | Small | $0.20 | $0.60 |\n"
              "| | Medium | $1.00 | $3.00 |\n"
              "| | Large | $2.00 | $6.00 |\n"
              "| **Llama (hosted)** | 8B | $0.05 | $0.08 |\n")


def _by_price(reg, text, published="2026-04"):
    return {d.raw: (d.entity, d.entity_new is not None) for d in extract_text(text, reg, published=published)}


def test_a_groups_label_and_the_rows_name_together_are_the_product(project_registry):
    got = _by_price(project_registry, R102_TABLE)
    assert got["$1.00"][0] == "mistral-medium-3"  # "Mistral Medium" in April 2026
    assert got["$2.00"][0] == "mistral-large"
    assert got["$6.00"][0] == "mistral-large"
    # a second cell the registry names itself stays its own
    assert got["$2.50"][0] == "gpt-4o"
    assert got["$8.00"][0] == "gpt-4.1"


def test_a_makers_label_over_a_name_the_registry_lacks_is_no_figure_of_the_maker(project_registry):
    got = _by_price(project_registry, R102_TABLE)
    # "Mistral Small" is no registry name: the row's product, of the article's own, not Mistral AI
    assert got["$0.20"] == (None, True)
    assert got["$0.60"] == (None, True)


def test_a_table_without_group_rows_gives_no_maker_a_model_the_registry_lacks(project_registry):
    # every row labelled ("| **Mistral** | Small |" alone): no group rows, but the model cell still
    # names the row's thing, so a name the registry lacks is a product of the article's own, not its
    # maker's (as in the grouped table above, and linking's provider/model tables rule)
    text = ("| Provider | Model | Input (per M tokens) | Output (per M tokens) |\n|---|---|---|---|\n"
            "| **Mistral** | Small | $0.20 | $0.60 |\n| **OpenAI** | Medium | $1.00 | $3.00 |\n")
    got = _by_price(project_registry, text)
    assert got["$0.20"] == (None, True) and got["$0.60"] == (None, True)
    assert got["$1.00"] == (None, True) and got["$3.00"] == (None, True)
