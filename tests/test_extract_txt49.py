"""txt49: numbers in prose the extractor missed or read wrongly (designed on dev-B).

- A model's attention heads counted with the acronym of their kind ("8 KV heads") or with
  "query" before them ("32 query heads") are heads (unit x), not title-cased furniture nor
  queries; "N head dimension" is the size of one head (x).
"""
from __future__ import annotations

import pytest

from conftest import value_units

_read = value_units


@pytest.mark.parametrize("text, value", [
    ("The model uses grouped-query attention with 32 query heads and 8 KV heads.", 32),
    ("The model uses grouped-query attention with 32 query heads and 8 KV heads.", 8),
    ("Its cache grows with 40 layers, 2 KV heads, 96 head dimension and BF16 values.", 2),
    ("Its cache grows with 40 layers, 2 KV heads, 96 head dimension and BF16 values.", 96),
])
def test_attention_heads_and_head_size(text, value):
    assert (value, "x") in _read(text)


def test_query_heads_are_no_queries():
    got = _read("The model uses grouped-query attention with 32 query heads and 8 KV heads.")
    assert (32, "query") not in got
    assert (12, "query") in _read("We sent 12 query requests to the server.")
