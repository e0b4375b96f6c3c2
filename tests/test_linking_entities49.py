"""Numbers given a new article entity where the curated one is in the registry
(kb/extract/linking.py), session 21's rules, on tables.

The layouts follow the development articles' dev-B half (the design half this session);
the sentences are this file's own.
"""
from __future__ import annotations

from conftest import linked_draft


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
