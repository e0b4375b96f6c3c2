"""resolve83: registry things drafted as new things of the article's own ("wrongly new").

- a parameter count that is one of the sizes of the model line named before it in the sentence
  ("To benchmark the real-world performance of Llama 2, we tested 3 model sizes (7B, 13B, 70B
  parameters)") is the size of the line's variant, whoever tested it: the first-person verb
  ("we tested") made the sizes figures of the writer's own run before, each a new thing. A size
  the line does not have, or a size given after a first-person verb with no line named before
  it, stays as it was.
"""
from __future__ import annotations

import pytest

from conftest import draft_of


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


@pytest.mark.parametrize("raw, want", [
    ("7B", "llama-2-7b"),
    ("13B", "llama-2-13b"),
    ("70B parameters", "llama-2-70b"),
])
def test_tested_sizes_of_a_named_line_are_its_variants(reg, raw, want):
    text = ("To benchmark the real-world performance of Llama 2, we tested 3 model sizes "
            "(7B, 13B, 70B parameters) on four different instance types.")
    d = draft_of(reg, text, raw)
    assert (d.entity, d.property) == (want, "parameters-total")


def test_size_the_line_lacks_stays_the_writers(reg):
    # Llama 2 has no 30B size: the writer's own model of that size, not a variant
    text = "After trying Llama 2, we trained a 30B parameter model on our own data."
    d = draft_of(reg, text, "30B parameter")
    assert d.entity is None


def test_writer_run_of_a_named_line_still_not_its_figure(reg):
    # a throughput the writer got stays the run's (the exemption is for sizes only)
    text = "Yes, I can run Llama 3 8B at ~25 tokens per second on my laptop."
    d = draft_of(reg, text, "~25 tokens per second")
    assert d.entity != "llama-3-8b"
