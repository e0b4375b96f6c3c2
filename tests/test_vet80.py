"""A bare single digit of arithmetic written in a table cell restates no number of another row
(kb.extract.drafts, the written operations' operands)."""
from __future__ import annotations

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
