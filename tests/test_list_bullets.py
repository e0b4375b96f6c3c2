"""A star that opens a line is a markdown list's bullet, not a product's operator: the number
after it is a claim (paraphrased examples, not corpus text)."""
from __future__ import annotations

from pathlib import Path

from kb.extract.arith import propose
from kb.extract.drafts import draft_record, extract_text
from kb.extract.linking import load_registry

ROOT = Path(__file__).resolve().parents[1]


def _values(text: str) -> list[tuple]:
    return [(d.value, d.unit) for d in extract_text(text, load_registry(ROOT))]


def test_a_number_after_a_star_bullet_is_read():
    got = _values("Sizes:\n* 4.15 Wh is small\n* 52.5 Wh is more\n* 610 Wh is most\n")
    assert got == [(4.15, "Wh"), (52.5, "Wh"), (610.0, "Wh")]


def test_a_star_within_a_line_is_still_a_product():
    # an operand of the article's arithmetic is no claim of its own, bullets or not
    assert not [v for v in _values("* The bill: 256 x 102 x $98.32 in all\n") if v[0] in (102.0, 98.32)]
    assert not [v for v in _values("It costs 8 * 3 GB of memory.\n") if v[0] == 3.0]


def test_each_bullet_s_conversion_is_proposed():
    text = ("**Examples**:\n* 3 Wh → ~3 minutes of a 60W bulb\n* 30 Wh → ~30 minutes of a 60W bulb\n"
            "* 300 Wh → ~5 hours of a 60W bulb\n")
    recs = [draft_record(d, "doc") for d in extract_text(text, load_registry(ROOT))]
    energies = {r["id"] for r in recs if r["unit"] == "Wh"}
    assert len(energies) == 3
    related = {m for p in propose(text, recs) for m in (p.target, *p.inputs.values())}
    assert energies <= related
