"""A saving, a discount and a signed percent in a table's comparison column are drafted as the
curation records them (docs/data-format.md's *Readings the curation settles*): a signed
`change`, not a ratio of 1 - X/100; discovery still redoes them from the two figures they
compare. Quotes from development articles (r46, r02)."""
from __future__ import annotations

import pytest

from kb.extract.arith import propose
from kb.extract.drafts import extract_text


def _drafts(text: str, registry):
    return [d for d in extract_text(text, registry)]


def _records(drafts):
    return [{"id": f"d{i}", "span_start": d.span_start, "span_end": d.span_end, "value": d.value, "low": d.low,
             "high": d.high, "unit": d.unit, "qualifier": d.qualifier, "property": d.property}
            for i, d in enumerate(drafts)]


@pytest.mark.parametrize("text, raw, expected", [
    # r46 (an AI data-centre power article): a saving in brackets after the two PUEs
    ("- PUE improvement: 1.6 → 1.15 (28% energy savings)\n", "28%", (-28, "percent", "change")),
    ("a discount of 25% applies", "25%", (-25, "percent", "change")),
    # (a slow-down stated of a time stays the ratio of the times)
    ("Engine B: 30% slower TTFT than engine A.", "30%", (0.7, "x", "ratio")),
    # (a premium noun stays a ratio of 1 + X/100)
    ("only if it earns a price premium of 40% over rivals", "40%", (1.4, "x", "ratio")),
])
def test_a_saving_is_a_signed_change(project_registry, text, raw, expected):
    got = [(d.value, d.unit, d.property) for d in _drafts(text, project_registry) if d.raw == raw]
    assert got == [expected]


def test_a_saving_between_two_measures_in_x_is_redone(project_registry):
    """"1.6 → 1.15 (28% energy savings)": 1.15 / 1.6 - 1 = -28%, from the two PUEs (numbers in
    "x" that are measures of their own, not ratios of two others)."""
    text = "- PUE improvement: 1.6 → 1.15 (28% energy savings)\n"
    drafts = _drafts(text, project_registry)
    recs = _records(drafts)
    ids = {d.raw: r["id"] for d, r in zip(drafts, recs)}
    got = [(p.formula, p.inputs, p.verdict) for p in propose(text, recs) if p.target == ids["28%"]]
    assert got == [("a / b - 1", {"a": ids["1.15"], "b": ids["1.6"]}, "consistent")]


def test_a_signed_percent_in_an_advantage_column_is_a_change_redone_from_its_row(project_registry):
    """r02 (H100 SXM vs PCIe): "| Bandwidth | 3.35 TB/s | 2.0 TB/s | +67.5% |" under "SXM
    Advantage" is +67.5%, the SXM's bandwidth over the PCIe's less one."""
    text = ("| Specification | H100 SXM5 | H100 PCIe | SXM Advantage |\n|---|---|---|---|\n"
            "| Bandwidth | 3.35 TB/s | 2.0 TB/s | +67.5% |\n")
    drafts = _drafts(text, project_registry)
    got = [(d.value, d.unit, d.property) for d in drafts if d.raw == "67.5%"]
    assert got == [(67.5, "percent", "change")]
    recs = _records(drafts)
    ids = {d.raw: r["id"] for d, r in zip(drafts, recs)}
    props = [(p.formula, p.inputs) for p in propose(text, recs) if p.target == ids["67.5%"]]
    assert props == [("a / b - 1", {"a": ids["3.35 TB/s"], "b": ids["2.0 TB/s"]})]
