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


# quoted from a public GPU spec table (SM counts): the "2" of the B200's cell is no restatement of
# the "(2.0 TB/s)" two rows above, so "264" takes no bandwidth unit
SM_TABLE = ("| GPU Model | SM Count | Cores per SM | Memory Bandwidth |\n"
            "| --- | --- | --- | --- |\n"
            "| **H100 PCIe (Hopper)** | 114 | 128 | **2,000 GB/s (2.0 TB/s)** |\n"
            "| **B200 (Blackwell, dual-die)** | **2 × 132 = 264** | 128 | **>4 TB/s (estimated)** |\n")


def test_cell_operation_takes_no_unit_from_another_row():
    from conftest import read_drafts

    got = [r for r in read_drafts(SM_TABLE) if r[0] == "264"]
    assert got and all("TB/s" not in str(r) for r in got), got
    # a bare operand restating a number of prose keeps doing so (the rule is of table rows only)
    prose = read_drafts("Each node draws 2.0 kW. Two racks: 2 × 16 = 32 kW in all.\n")
    assert any(r[0] == "32 kW" for r in prose), prose
