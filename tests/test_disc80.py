"""disc80: compact arithmetic written out whose operands restate numbers drafted earlier in the
text (issue 13, dev-B's Llama-on-TPUs article): "16.5e12" spells out "~16.5TB" in bytes (a
prefix's scale, not the bits the base units count): discovery links the earlier statements. An
operand written with its own unit ("44 days" in "`44 days * 8960 / 171`") stays the arithmetic's
own, as curators record it. Short quoted forms."""
from __future__ import annotations

from kb.extract.arith import _prefix_scale, propose
from kb.extract.drafts import draft_record, extract_text

MEMORY = ("| **Total** |  | ~16.5TB |\n\n"
          "With these assumptions, since each TPU v5p has 96GB of HBM, we need `16.5e12 / 96e9 = 171` TPUs. "
          "That's not very much actually!\n")

DURATION = ("At 40% MFU, this will take about `T = 6.3e24 / (8960 * 4.59e14 * 0.4) = 3.8e6 seconds`. "
            "**This is about 44 days!**\n\n"
            "With these assumptions, since each TPU v5p has 96GB of HBM, we need `16.5e12 / 96e9 = 171` TPUs.\n\n"
            "*Why wouldn't we do this?* Well, because it would take us `44 days * 8960 / 171 = 2305 days` to train.\n")


def _records(text):
    return [draft_record(d, "t") for d in extract_text(text)]


def _by_raw(records, raw):
    return next(r["id"] for r in records if r["raw"] == raw)


def test_an_amount_in_e_notation_restates_the_prefixed_amount_drafted_before_it():
    records = _records(MEMORY)
    tb, gb, n = _by_raw(records, "~16.5TB"), _by_raw(records, "96GB"), _by_raw(records, "171` TPUs")
    ps = [p for p in propose(MEMORY, records) if p.target == n]
    assert ps and set(ps[0].inputs.values()) == {tb, gb}, ps
    assert not ps[0].read   # the operands are the drafts, no numbers of the code span read anew


def test_a_prefix_scale_is_the_prefix_only():
    assert (_prefix_scale("TB"), _prefix_scale("GB"), _prefix_scale("kW")) == (1e12, 1e9, 1e3)
    assert _prefix_scale("B") is None and _prefix_scale("GPU") is None and _prefix_scale("") is None


def test_an_operand_with_its_unit_is_the_arithmetic_own_even_when_stated_before():
    # curators record the arithmetic's numbers where it writes them (tests/test_disc65.py): the
    # "44 days" of the working, not the "about 44 days" stated before it
    records = _records(DURATION)
    earlier = _by_raw(records, "about 44 days")
    again = _by_raw(records, "44 days")
    total = next(r["id"] for r in records if r["value"] == 2305)
    ps = [p for p in propose(DURATION, records) if p.target == total]
    assert ps and again in ps[0].inputs.values() and earlier not in ps[0].inputs.values(), ps


def test_an_operand_with_its_unit_stated_nowhere_before_stays_the_operand():
    text = "It would take us `44 days * 8960 / 171 = 2305 days` to train."
    records = _records(text)
    own, total = _by_raw(records, "44 days"), _by_raw(records, "2305 days")
    ps = [p for p in propose(text, records) if p.target == total]
    assert ps and own in ps[0].inputs.values(), ps
