"""`kb vet` carries no flag through a relation that pairs the numbers of a line writing its
operation out with numbers of other lines: the line's own operands are what its numbers are
computed from (kb.extract.vet._off_written_line)."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from conftest import vet_text

ROOT = Path(__file__).resolve().parents[1]

# quoted from a public GPU-hours estimate (a cost write-up): the rate stated in the list above
# is flagged against the reference price, but the line's own arithmetic is right
# (8.5 × 32.77 = 278.5): discovery paired "$278" with the rate of the list and the "8.5 hours"
# of the next line, and "8.5 hours" with "$278" over the list's rate
COST = ("### AWS p5.48xlarge Pricing:\n"
        "- **On-demand rate:** ~$32.77/hour\n"
        "- **Spot rate:** ~$10-15/hour (70% savings, but can be interrupted)\n\n"
        "### Total Cost:\n```\n"
        "On-demand: 8.5 hours × $32.77 = $278\n"
        "Spot:      8.5 hours × $12.00 = $102\n```\n")


def test_written_line_numbers_not_carried_from_other_lines(tmp_path):
    rep = vet_text(tmp_path, ROOT, COST)
    line = COST[:COST.index("On-demand: 8.5")].count("\n") + 1
    mine = {n.raw: n for n in rep.numbers if n.line == line}
    assert "$278" in mine and "8.5 hours" in mine, [(n.raw, n.line) for n in rep.numbers]
    for raw in ("$278", "8.5 hours"):
        assert mine[raw].status != "flagged", (raw, mine[raw].reason, mine[raw].findings)


def test_off_written_line_only_for_inputs_off_the_line():
    from kb.extract.vet import _off_written_line

    text = "rate: $32.77/hour\nOn-demand: 8.5 hours × $32.77 = $278\nthe total was $278 at 8.5 hours"
    at = {"rate": 6, "hours": text.index("8.5"), "op": text.index("$32.77 ="), "cost": text.index("$278"),
          "cost2": text.rindex("$278"), "hours2": text.rindex("8.5")}
    p = lambda t, *ins, verdict="consistent": SimpleNamespace(  # noqa: E731
        target=t, inputs={chr(97 + i): x for i, x in enumerate(ins)}, verdict=verdict)
    props = [p("cost", "hours", "rate"), p("hours", "cost", "op"), p("cost2", "hours2", "rate"),
             p("hours", "cost", "rate", verdict="misses")]
    # the written line's result from the list's rate: off the line; from its own operand: kept;
    # a line writing no operation out, and a slip, are left to the other rules
    assert _off_written_line(text, props, at) == {"cost"}
