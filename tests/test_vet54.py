"""vet54: kb vet's false alarms on dev-B and their general causes (design on dev-B only)."""
from __future__ import annotations

# --------------------------------------------------------------------------------------
# A table row whose entity was taken from the text before the table: every cell misses it
# --------------------------------------------------------------------------------------

# dev-B r04's memory generations table, under a paragraph on the H100: 'Bandwidth per Device
# (GBps)' and the capacities in GB, read about the H100 SXM, miss its 3.35 TB/s and 80 GB 5-30x
ROW = "| HBM   | 1.0 |   128 |  8 |  2 | 16 |"
INTRO = "table-intro|contested|kind"
LABEL = "table-row|sure|kind"


def _finding(code: str = "contradicts-reference"):
    from kb.extract.vet import VetFinding

    return VetFinding(code, "warning", "t", "misses the reference value", (), ())


def _number(raw: str, status: str, reason: str = "", findings=(), entity: str = "nvidia-h100-sxm",
            quote: str = ROW, line: int = 5):
    from kb.extract.vet import VetNumber

    at = quote.index(f" {raw} ") + 1
    return VetNumber(raw=raw, span_start=at, span_end=at + len(raw), line=line, quote=quote, start=at,
                     end=at + len(raw), value=float(raw), low=None, high=None, unit="GB", qualifier="exact",
                     entity=entity, entity_name="NVIDIA H100 SXM (80 GB)", property="memory-capacity",
                     property_name="x", conditions={}, confidence={"value": 0.75, "entity": 0.55, "property": 0.54},
                     status=status, reason=reason or ", ".join(f.code for f in findings), claim_id=f"c{raw}",
                     findings=tuple(findings))


def _rows(numbers: list, how: list) -> list:
    from kb.extract.vet import _row_misread

    return _row_misread(numbers, how)


def test_a_row_read_about_the_thing_before_the_table_that_misses_it_in_every_cell_is_unsure():
    ns = [_number("128", "flagged", findings=(_finding(), _finding("conflict"))),
          _number("2", "flagged", findings=(_finding(),)),
          _number("16", "flagged", findings=(_finding(),))]
    for n in _rows(ns, [INTRO] * 3):
        assert n.status == "unchecked" and n.reason.startswith("unsure: the table row's 3 numbers"), n.reason
        assert not n.findings and n.notes and all(f.severity == "info" for f in n.notes)


def test_a_row_that_names_the_thing_keeps_its_flags():
    """dev-B r08's '| **o3** | $15.00 | $60.00 |': the row's label names the model, and both prices
    are wrong: the row's own error, flagged."""
    ns = [_number("2", "flagged", findings=(_finding(),)), _number("16", "flagged", findings=(_finding(),))]
    assert [n.status for n in _rows(ns, [LABEL, LABEL])] == ["flagged", "flagged"]


def test_a_cell_that_agrees_or_a_single_miss_keeps_the_flags():
    agree = [_number("8", "checked", "consistent with 1 reference value, the plausible range"),
             _number("2", "flagged", findings=(_finding(),)), _number("16", "flagged", findings=(_finding(),))]
    assert [n.status for n in _rows(agree, [INTRO] * 3)] == ["checked", "flagged", "flagged"]
    one = [_number("2", "flagged", findings=(_finding(),)), _number("16", "unchecked", "low confidence")]
    assert _rows(one, [INTRO] * 2)[0].status == "flagged"


def test_a_slip_of_the_article_or_another_thing_is_not_pooled():
    slip = [_number("2", "flagged", findings=(_finding(),)), _number("16", "flagged", findings=(_finding("arithmetic"),))]
    assert [n.status for n in _rows(slip, [INTRO] * 2)] == ["flagged", "flagged"]
    split = [_number("2", "flagged", findings=(_finding(),)),
             _number("16", "flagged", findings=(_finding(),), entity="nvidia-h100-pcie")]
    assert [n.status for n in _rows(split, [INTRO] * 2)] == ["flagged", "flagged"]


def test_a_sentence_is_no_table_row():
    text = "The H100 SXM has 2 GB and 16 GB of memory."
    ns = [_number("2", "flagged", findings=(_finding(),), quote=text),
          _number("16", "flagged", findings=(_finding(),), quote=text)]
    assert [n.status for n in _rows(ns, [INTRO] * 2)] == ["flagged", "flagged"]


def test_vet_holds_back_a_generations_table_read_about_the_gpu_named_before_it(tmp_path):
    from conftest import ROOT

    from kb.extract.vet import vet

    text = ("## Memory\n\nThe H100 SXM uses High Bandwidth Memory (HBM), a 3D version of SDRAM.\n\nHere are the specs:\n\n"
            "| Gen | Data Rate (Gbps) | Bandwidth per Device (GBps) | Stack Height | Max. DRAM Capacity (GB) "
            "| Max. Device Capacity (GB) |\n| :--- | --: | ---: | -: | -: | -: |\n" + ROW + "\n")
    p = tmp_path / "memory.md"
    p.write_text(text, encoding="utf-8")
    row = {n.raw: n for n in vet(p, ROOT, as_of="2024-06-01").numbers if n.line == 9}
    for raw in ("128", "2", "16"):
        n = row[raw]
        assert n.entity == "nvidia-h100-sxm" and n.status == "unchecked", (raw, n.entity, n.status, n.reason)
        assert n.reason.startswith("unsure: the table row's") and n.notes
