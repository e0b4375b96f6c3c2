"""html64: HTML pages and company-table rows, each rule built on short quotes of the dev-B article
r167 (R&D World's 'The AI Capex Arms Race, 2026', an HTML page with a company table).

- a page's <style> and <script> elements and inline style attributes are no text: their figures
  ("width: 100%", "transition: background 0.2s") were drafted as claims.
- an HTML cell that breaks a range over two lines ('<div>$175B</div>' over '<div>to $185B
  (2026E)</div>') holds one range; before, two single amounts.
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
