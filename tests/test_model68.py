"""model68: which model a number belongs to (kb/extract/linking.py), rules built on fresh public
passages in no corpus (blog and documentation repositories read with the search tools, judged by
hand), the development articles as the no-regression guard.

- a model the registry names by another family's name and its size ("Llama 3 405B" for Llama 3.1
  405B) is that family's model of the size too: "| 405B |" in a table of the Llama 3 sizes and
  "The 405B model" after "Llama 3" are Llama 3.1 405B, not the Llama 3 family;
- a family's name with its size in brackets right after it ("Llama 3.1 (405B)") names the family's
  model of that size, as "Llama 3.1 405B" does.
"""
from __future__ import annotations

import pytest

from conftest import linked_entity as _link


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


SIZES_TABLE = ("### Llama3 Model Specifications\n\n"
               "| Model | Parameters | Layers |\n|---|---|---|\n"
               "| 8B | 8B | 32 |\n| 70B | 70B | 80 |\n| 405B | 405B | 126 |\n")


@pytest.mark.parametrize("raw, eid", [("126", "llama-3.1-405b"), ("80", "llama-3-70b")])
def test_a_size_another_family_name_gives_in_a_table(reg, raw, eid):
    assert _link(reg, SIZES_TABLE, raw) == eid


def test_a_size_another_family_name_gives_in_prose(reg):
    text = ("- Llama 3 comes in different sizes: 8B, 70B, and 405B parameters.\n"
            "- The 405B model has 126 layers and 128 attention heads.\n")
    assert _link(reg, text, "126 layers") == "llama-3.1-405b"


def test_a_bracketed_size_after_a_family_name(reg):
    text = ("| Model | Organization | Elo |\n|---|---|---|\n"
            "| Llama 3.3 (70B) | Meta | 1755 |\n| Llama 3.1 (405B) | Meta | 1750 |\n")
    assert _link(reg, text, "1750") == "llama-3.1-405b"
