"""html64: HTML pages and company-table rows, each rule built on short quotes of the dev-B article
r167 (R&D World's 'The AI Capex Arms Race, 2026', an HTML page with a company table).

- a page's <style> and <script> elements and inline style attributes are no text: their figures
  ("width: 100%", "transition: background 0.2s") were drafted as claims.
- an HTML cell that breaks a range over two lines ('<div>$175B</div>' over '<div>to $185B
  (2026E)</div>') holds one range; before, two single amounts.
- a page's head and frame tags ('<meta charset="UTF-8" />', '<link ...>', '<html>') are no text:
  before, the head's "meta" made Meta's name in the body a common word, and Meta's figures went to
  Alphabet or to a new entity.
- counts: a cell's prose that breaks a count down in parentheses ("200,000+ GPUs operational (150K
  H100, 50K H200, 30K+ GB200)") keeps the kinds' counts (a bare count in a cell's parentheses is
  still the row's setting, "| Llama 70B (8 GPUs) |"); a GPU family named for its architecture
  between a count and its GPUs ("555,000 Blackwell GPUs"); gas turbines ("up to 35 unpermitted gas
  turbines"), a cloud's regions and availability zones ("39 AWS Regions and 123 Availability
  Zones"), and an adjective before a name before sites ("5 additional U.S. sites") are counted.
- a power added "of capacity in the quarter" ("added nearly 1 gigawatt of capacity in the quarter")
  is capacity built per quarter (GW/quarter), as "8 GW a year" is per year; before, a facility's power.
- fractions: "A third site" is an ordinal before its noun, no fraction; a fraction followed by a
  verb ("about two-thirds was short-lived assets") is a share, no ratio.
"""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


def _raws(reg, text):
    return [d.raw for d in extract_text(text, reg)]


STYLE = ("<html><head><style>\n  .capex-table {\n    width: 100%;\n    border-collapse: collapse;\n  }\n"
         "  .capex-table tbody tr {\n    transition: background 0.2s;\n  }\n</style></head>\n<body>\n"
         "<p>Amazon guided about $200B in 2026 capex across the company.</p>\n</body></html>\n")


def test_style_sheet_is_no_text(reg):
    raws = _raws(reg, STYLE)
    assert "100%" not in raws and "0.2s" not in raws
    assert "about $200B" in raws


def test_script_and_inline_style_are_no_text(reg):
    text = ("<script>var w = 100; setTimeout(f, 200);</script>\n"
            '<li style="font-size:0.7rem; width:45%">OpenAI announced $500B over four years.</li>\n')
    raws = _raws(reg, text)
    assert "45%" not in raws and not any("100" in r or "200" in r for r in raws)
    assert "$500B" in raws


CELL = ('<table class="capex-table">\n  <thead>\n    <tr>\n      <th>Company</th>\n'
        "      <th>Capex figure shown</th>\n    </tr>\n  </thead>\n  <tbody>\n    <tr>\n"
        '      <td class="company-cell">\n        <div class="company-name">Alphabet</div>\n      </td>\n'
        '      <td class="capex-cell">\n          <div class="capex-amount">$175B</div>\n'
        '          <div class="capex-unit">to $185B (2026E)</div>\n      </td>\n    </tr>\n'
        "  </tbody>\n</table>\n")


def test_range_split_over_two_lines_of_one_html_cell(reg):
    ds = extract_text(CELL, reg)
    rng = [d for d in ds if d.qualifier == "range"]
    assert len(rng) == 1, [(d.raw, d.qualifier) for d in ds]
    assert (rng[0].low, rng[0].high) == (175, 185)
    assert not [d for d in ds if d.qualifier != "range" and d.unit and "USD" in d.unit]


XAI = ('<table>\n<thead>\n<tr>\n<th>Company</th>\n<th>What they say the money is for</th>\n</tr>\n</thead>\n'
       '<tbody>\n<tr>\n<td>\n<div class="company-name">xAI</div>\n</td>\n<td class="details-cell">\n'
       '<span class="flagship">Colossus is the world\'s largest single-site AI training cluster: 200,000+ GPUs '
       'operational (150K H100, 50K H200, 30K+ GB200), built in 122 days.</span>\n</td>\n</tr>\n</tbody>\n</table>\n')


def test_breakdown_of_a_count_in_a_cells_parentheses(reg):
    ds = {d.raw: d for d in extract_text(XAI, reg)}
    for raw, v in (("150K H100", 150), ("50K H200", 50), ("30K+ GB200", 30)):
        assert raw in ds, list(ds)
        assert (ds[raw].value, ds[raw].unit) == (v, "K GPU")


@pytest.mark.parametrize("text, raw, value, unit", [
    ("A second facility (Colossus 2) is bringing 555,000 Blackwell GPUs online.", "555,000 Blackwell GPUs", 555000, "GPU"),
    ("xAI used to run up to 35 unpermitted gas turbines at the Memphis site.", "up to 35 unpermitted gas turbines", 35, "item"),
    ("AWS footprint context: 39 AWS Regions and 123 Availability Zones.", "39 AWS Regions", 39, "item"),
    ("AWS footprint context: 39 AWS Regions and 123 Availability Zones.", "123 Availability Zones", 123, "item"),
    ("OpenAI later announced 5 additional U.S. sites.", "5 additional U.S. sites", 5, "item"),
])
def test_counts_of_gpus_turbines_regions_and_sites(reg, text, raw, value, unit):
    ds = {d.raw: d for d in extract_text(text, reg)}
    assert raw in ds, list(ds)
    assert (ds[raw].value, ds[raw].unit) == (value, unit)


def test_bare_count_in_a_cells_parentheses_stays_out(reg):
    text = ("| Model | Throughput (tokens/s) |\n|---|---|\n| Llama 70B (8 GPUs) | 1,200 |\n")
    assert not [d for d in extract_text(text, reg) if d.unit == "GPU"]


def test_ordinal_before_its_noun_is_no_fraction(reg):
    ds = extract_text('A third site ("MACROHARDRR") targets 2 GW total capacity.', reg)
    assert [d.raw for d in ds] == ["2 GW"]
    # (the fraction itself stays: "a third cheaper", "a third of the budget")
    assert [d.unit for d in extract_text("It is a third cheaper.", reg)] == ["x"]


def test_fraction_before_a_verb_is_a_share(reg):
    ds = extract_text("CFO commentary said about two-thirds was short-lived assets (servers, including CPUs and GPUs).", reg)
    d = next(d for d in ds if "two-thirds" in d.raw)
    assert (d.unit, d.property, round(d.value, 3)) == ("percent", "share", 66.667)


HEAD = ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="UTF-8" />\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0" />\n</head>\n<body>\n')


def test_head_tags_leave_metas_name_a_name(reg):
    text = HEAD + ("<div>Combined full-year 2026 capex guidance (Amazon $200B, Alphabet $175B to $185B, "
                   "Meta $115B to $135B).</div>\n</body>\n</html>\n")
    ds = {d.raw: d for d in extract_text(text, reg)}
    assert ds["$115B to $135B"].entity == "meta"
    assert ds["$175B to $185B"].entity == "alphabet"


def test_capacity_added_in_a_period_is_a_build_rate(reg):
    ds = extract_text("Microsoft also said it added nearly 1 gigawatt of capacity in the quarter.", reg)
    assert [(d.value, d.unit, d.property) for d in ds] == [(1, "GW/quarter", "capacity-build-rate")]
    # (capacity with no period it was added in stays a power)
    assert [d.unit for d in extract_text("It has 2 GW of capacity in the pipeline.", reg)] == ["GW"]
