"""kb vet flags more of the numbers the article's own arithmetic refutes (session 30, vet63;
designed on the dev-B half of the real development articles, quotes of those articles in each
test):

- arithmetic written out with Markdown's escaped dollar signs and tildes ("0.00003 × 500 =
  \\$0.03", "= \\~\\$0.0024", as editors' exports write them) is redone as the same arithmetic
  written plainly;
- a rate of growth a year stated with the two dated amounts it joins ("rise by 14% a year, from
  $215 billion in 2023 to $311 billion in 2026") is set against their compound rate (13.1%); a
  range of rates between two single amounts, against it at each end ("15-20% annually → 425 TWh
  by 2030 (from 183 TWh in 2024)": 15.1%; 20% would give 546 TWh).
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


# r165-ai-early-innings
CAPEX = ("BofA Global Research estimates that data center capex could rise by 14% a year, "
         "from \\$215 billion in 2023 to \\$311 billion in 2026. Look for those forecasts to go higher.\n")


def _vet(tmp_path, text):
    from conftest import ROOT
    from kb.extract.vet import vet

    p = tmp_path / "article.md"
    p.write_text(text, encoding="utf-8")
    return vet(p, ROOT, as_of="2024-11-15").numbers


def test_a_rate_a_year_its_own_amounts_refute_is_flagged(tmp_path):
    (rate,) = [n for n in _vet(tmp_path, CAPEX) if n.unit == "percent"]
    # (311 / 215)^(1/3) - 1 = 13.1% a year, not 14%
    assert rate.status == "flagged"
    f = next(f for f in rate.findings if f.code == "arithmetic")
    assert "13.09" in f.evidence[0] and "2023" in f.message and "2026" in f.message


def test_a_rate_the_amounts_give_or_a_rough_one_is_not_flagged(tmp_path):
    for text in (CAPEX.replace("14%", "13%"), CAPEX.replace("by 14%", "by about 14%"),
                 CAPEX.replace("14% a year", "14%")):
        (rate,) = [n for n in _vet(tmp_path, text) if n.unit == "percent"]
        assert not any(f.code == "arithmetic" and "compound" in f.message for f in rate.findings), text


# r52-us-china-dc-energy
DC = ("### Scenario Modeling: US\n\n"
      "- **Data center demand growth**: 15-20% annually → 425 TWh by 2030 (from 183 TWh in 2024)\n")


def test_a_range_of_rates_whose_end_its_amounts_refute_is_flagged(tmp_path):
    (rate,) = [n for n in _vet(tmp_path, DC) if n.unit == "percent"]
    # (425 / 183)^(1/6) - 1 = 15.1% a year; at 20% a year 183 TWh grows to 546 TWh
    assert rate.status == "flagged"
    f = next(f for f in rate.findings if f.code == "arithmetic")
    assert "top end" in f.message and "546" in f.evidence[0]


def test_a_range_its_amounts_fit_is_not_flagged(tmp_path):
    (rate,) = [n for n in _vet(tmp_path, DC.replace("15-20%", "14-17%")) if n.unit == "percent"]
    assert not any(f.code == "arithmetic" and "compound" in f.message for f in rate.findings)
