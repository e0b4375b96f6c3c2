"""Compact arithmetic with an operand given per a unit ("$0.16/kWh") and a bracketed note before
"=" ("(US average)") is still compact arithmetic: kb/extract/arith.py, ``_X_FORWARD_RE``.

Paraphrases of a fresh public cost write-up (in no corpus) whose line went unread, so a slip
in its result was missed.
"""
from __future__ import annotations

from conftest import vet_text
from kb.extract.arith import written_arithmetic


def test_an_operand_per_unit_and_a_note_before_the_result_are_read():
    text = "324 kWh × $0.16/kWh (US average) = $51.84 a month"
    (w,) = written_arithmetic(text)
    assert [text[a:b] for a, b in w.operands] == ["324 kWh", "$0.16/kWh"] and w.ops == ("*",)
    assert text[w.result[0]:].startswith("$51.84")


def test_a_division_is_no_rate():
    (w,) = written_arithmetic("176/9=19.5")
    assert w.ops == ("/",)


def test_a_note_with_numbers_is_no_note():
    assert written_arithmetic("324 kWh × $0.16/kWh (2 sites) = $51.84") == []


def test_a_slip_in_such_a_line_is_flagged(tmp_path, root):
    text = ("The box draws 450W × 24h/day × 30 days = 324 kWh/month.\n\n"
            "324 kWh × $0.16/kWh (US average) = $58.14\n")
    rep = vet_text(tmp_path, root, text)
    (n,) = [n for n in rep.numbers if n.raw.startswith("$58.14")]
    assert n.status == "flagged" and n.findings[0].code == "arithmetic"
