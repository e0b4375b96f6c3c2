"""kb vet flags more of the numbers the article's own arithmetic refutes (session 30, vet63;
designed on the dev-B half of the real development articles, quotes of those articles in each
test):

- arithmetic written out with Markdown's escaped dollar signs and tildes ("0.00003 × 500 =
  \\$0.03", "= \\~\\$0.0024", as editors' exports write them) is redone as the same arithmetic
  written plainly.
"""
from __future__ import annotations

from kb.extract.written import check_expressions

# r123-inference-calculator-notes
NOTES = ("1. **Model Token Cost**:\n\n"
         "   * 500 tokens with GPT-4 = 0.00003 × 500 = \\$0.03\n"
         "2. **Cloud Infra Cost**:\n\n"
         "   * If 1 request takes 3.5s on A100 = (3.5/3600) × \\$2.5 = \\~\\$0.0024\n")


def test_escaped_dollars_are_read_as_dollars():
    checks = check_expressions(NOTES)
    by_result = {NOTES[c.result_start:c.end].strip(): c for c in checks}
    # 0.00003 × 500 is 0.015, half the stated 0.03
    slip = next(c for r, c in by_result.items() if r.endswith("0.03"))
    assert slip.verdict == "misses" and abs(slip.computed - 0.015) < 1e-9
    held = next(c for r, c in by_result.items() if r.endswith("0.0024"))
    assert held.verdict == "consistent"
    # the offsets are the text's own
    assert NOTES[slip.start:slip.end].startswith("0.00003")


def test_the_same_arithmetic_unescaped_reads_the_same():
    plain = NOTES.replace("\\$", "$").replace("\\~", "~")
    a = [(c.verdict, round(c.computed, 9)) for c in check_expressions(NOTES)]
    b = [(c.verdict, round(c.computed, 9)) for c in check_expressions(plain)]
    assert a == b and len(a) == 2


def test_vet_flags_the_escaped_slip(tmp_path):
    from conftest import ROOT
    from kb.extract.vet import vet

    p = tmp_path / "notes.md"
    p.write_text(NOTES, encoding="utf-8")
    ns = {n.raw: n for n in vet(p, ROOT, as_of="2025-06-01").numbers}
    (slip,) = [n for raw, n in ns.items() if raw.endswith("0.03")]
    assert slip.status == "flagged" and any(f.code == "arithmetic" for f in slip.findings)
