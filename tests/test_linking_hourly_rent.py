"""An hourly price of a GPU or a cloud instance is its rental price, whatever word the writer
calls it by ("hourly cost", "costs"), unless a cue word names another property (electricity,
operating costs): kb/extract/linking.py, ``_guess_property``.

Sentences from dev-A's r05-h100-vs-a100-value, and variants of them for the exception.
"""
from __future__ import annotations

from kb.extract.drafts import extract_text


def _hourly(reg, text):
    return [(d.entity, d.property) for d in extract_text(text, reg) if d.unit.endswith("/hour")]


def test_a_gpus_hourly_cost_is_its_rent(project_registry):
    # r05-h100-vs-a100-value
    text = ("**H100** offers much better performance. However, it comes with a higher hourly cost, "
            "starting at **$1.77/hour**.")
    assert _hourly(project_registry, text) == [("nvidia-h100", "rental-price")]


def test_what_a_gpu_costs_per_hour_is_its_rent(project_registry):
    # r05-h100-vs-a100-value
    text = ("At approximately **$3.00 per hour**, the H100 is more expensive than the A100, "
            "which costs around **$1.40 per hour**.")
    assert _hourly(project_registry, text)[1] == ("nvidia-a100", "rental-price")


def test_an_hourly_cost_table_row_of_gpus_is_their_rent(project_registry):
    # r05-h100-vs-a100-value's comparison table
    text = ("| Feature | H100 | A100 |\n|---|---|---|\n"
            "| **Memory Type** | HBM3 | HBM2e |\n"
            "| **Hourly Cost** | Starts at $1.77 | Starts at $0.42 |\n")
    assert [p for _, p in _hourly(project_registry, text)] == ["rental-price", "rental-price"]


def test_a_gpus_hourly_electricity_is_no_rent(project_registry):
    # the exception: a cue word of a running cost ("electricity") keeps it one
    text = "Running the H100 around the clock costs about $0.05/hour in electricity."
    assert _hourly(project_registry, text) == [("nvidia-h100", "cost-rate")]
