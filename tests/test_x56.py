"""x56: multipliers and counts of items (designed on dev-B).

- "N-way" with a parallelism or a sharding named within a few words is the parallelism's degree,
  in x: "2048-way FSDP and 4-way model parallelism", "data parallelism (1024-way)". Without one
  ("a 3-way split") it is no figure.
"""
from __future__ import annotations

import pytest

from conftest import value_units

_read = value_units


@pytest.mark.parametrize("text, values", [
    ("that gives us roughly 2048-way FSDP and 4-way model parallelism.", (2048.0, 4.0)),
    ("a mixture of data parallelism (1024-way), sequence parallelism (2-way), and tensor parallelism (4-way)",
     (1024.0, 2.0, 4.0)),
])
def test_n_way_parallelism(text, values):
    got = _read(text)
    for v in values:
        assert (v, "x") in got


def test_n_way_without_parallelism_is_no_figure():
    assert not any(v == 3.0 for v, _ in _read("The revenue is a 3-way split between the partners."))
