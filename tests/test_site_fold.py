"""An entity page of many properties folds the smaller ones into one compact table.

The properties with the most claims stay sections; each other one is a row (its
``prop-<entity>-<property>`` anchor, the values claimed, the reference values, how many
claims and findings), and every claim and reference value of the folded properties is still
on the page, in one folded block below the table. The search index keeps a title at every
folded row's anchor (docs/conf.py), as it does for a section heading.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import sitefixture
from kb.site import build as site
from kb.site import pages, words

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::PendingDeprecationWarning")

ENTITY = "nvidia-h100"  # the hostile fixture's H100 page: three properties (two through its SXM variant)
PROPS = ("peak-throughput", "tdp", "vendor")


@pytest.fixture(scope="module")
def hostile_kb(tmp_path_factory) -> Path:
    return sitefixture.write_hostile_kb(tmp_path_factory.mktemp("hostile-fold") / "kb")


@pytest.fixture
def fold_early(monkeypatch):
    """Fold a page of more than one property, showing one section (the fixture is small)."""
    monkeypatch.setattr(pages, "PROPERTIES_SHOWN", 1)
    monkeypatch.setattr(pages, "FOLD_OVER", 1)


def _entity_page(root: Path, gen: Path) -> str:
    site.generate(root, gen)
    return (gen / "entities" / f"{ENTITY}.md").read_text()


def test_a_page_of_few_properties_is_not_folded(hostile_kb, tmp_path):
    page = _entity_page(hostile_kb, tmp_path / "gen")
    assert "kb-props-table" not in page and "Other properties" not in page
    assert all(f"(prop-{ENTITY}-{p})=\n### " in page for p in PROPS)


def test_many_properties_fold_into_one_table_with_every_anchor(hostile_kb, tmp_path, fold_early):
    page = _entity_page(hostile_kb, tmp_path / "gen")
    # the property with the most claims (peak throughput: one claim and a finding) stays a section
    sections = re.findall(r"^\((prop-[^)]+)\)=\n### ", page, re.M)
    assert sections == [f"prop-{ENTITY}-peak-throughput"]
    # the others are rows of one table, each with its anchor and its name for the search index
    rows = re.findall(r'<tr id="(prop-[^"]+)" data-kb-title="([^"]*)">', page)
    assert [a for a, _ in rows] == [f"prop-{ENTITY}-tdp", f"prop-{ENTITY}-vendor"]
    assert [t for _, t in rows] == ["Thermal design power", "Vendor"]
    assert page.count('class="kb-table table kb-props-table"') == 1
    # every property's anchor is on the page exactly once
    for p in PROPS:
        anchor = f"prop-{ENTITY}-{p}"
        assert page.count(f'id="{anchor}"') + page.count(f"({anchor})=") == 1, anchor
    # a row: the property's page, the values claimed and referenced, claims and findings counts
    tdp = re.search(rf'<tr id="prop-{ENTITY}-tdp".*?</tr>', page).group(0)
    assert 'href="../properties/tdp.html"' in tdp and "≤ 700 W" in tdp and "reference: 700 W" in tdp
    assert f'href="#prop-{ENTITY}-tdp-all">1</a>' in tdp
    vendor = re.search(rf'<tr id="prop-{ENTITY}-vendor".*?</tr>', page).group(0)
    assert ">NVIDIA<" in vendor
    # nothing is lost: every claim and reference value of the folded properties is in the folded block
    block = page[page.index('<details class="kb-more kb-folded-props">'):page.index("## Data")]
    assert block.rstrip().endswith("</div></details>\n```") and f'id="prop-{ENTITY}-vendor-all"' in block
    for ident in ("fx-h100-sxm-tdp", "fx-h100-sxm-vendor"):
        assert page.count(f'<tr id="claim-{ident}">') == 1 and f'<tr id="claim-{ident}">' in block
    assert '<tr id="ref-ref-fx-h100-sxm-tdp">' in block
    assert page.count('<tr id="claim-fx-h100-fp16">') == 1 and '<tr id="claim-fx-h100-fp16">' not in block
    # the hostile citation's note stays escaped in the folded block too
    assert "<img src=x" not in page and "&lt;img src=x" in block


def test_a_folded_page_is_deterministic(hostile_kb, tmp_path, fold_early):
    assert _entity_page(hostile_kb, tmp_path / "a") == _entity_page(hostile_kb, tmp_path / "b")


def test_span_reads_a_property_in_one_line(hostile_kb):
    from kb.rules.check import check

    kb = check(hostile_kb).kb
    claims = {c.id: c for c in kb.claims}
    refs = {r.id: r for r in kb.references}
    # one value reads as stated, its qualifier kept
    assert words.span([claims["fx-h100-sxm-tdp"]]) == "≤ 700 W"
    # several: the range of their numbers in the canonical unit
    both = [refs["ref-fx-h100-sxm-fp16-dense"], refs["ref-fx-h100-sxm-fp16-sparse"]]
    assert words.span(both) == "989.4–1,979 TFLOPS"
    # categories by name; nothing when there is no number
    assert words.span([claims["fx-h100-sxm-vendor"]], lambda e: kb.entities[e].name) == "NVIDIA"
    assert words.span([]) == ""


@pytest.mark.slow
def test_folded_rows_are_search_titles_and_draw_nothing_else(hostile_kb, tmp_path, fold_early):
    rc = site.build(hostile_kb, workdir=tmp_path / "work")
    assert rc == 0, "sphinx-build -W failed: a warning or an error (see the output above)"
    html = (tmp_path / "work" / "html" / "generated" / "entities" / f"{ENTITY}.html").read_text()
    for p in PROPS:
        assert html.count(f'id="prop-{ENTITY}-{p}"') == 1, p
    # the search titles draw nothing: the page shows a folded property's name as often as its source does
    src = (tmp_path / "work" / "src" / "generated" / "entities" / f"{ENTITY}.md").read_text()
    assert html.count("Thermal design power") == src.count("Thermal design power") > 0
    text = (tmp_path / "work" / "html" / "searchindex.js").read_text()
    index = json.loads(text[text.index("(") + 1:text.rindex(")")])
    doc = index["docnames"].index(f"generated/entities/{ENTITY}")
    titles = {(t, hit[1]) for t, hits in index["alltitles"].items() for hit in hits if hit[0] == doc}
    assert {("Peak arithmetic throughput", f"prop-{ENTITY}-peak-throughput"),
            ("Thermal design power", f"prop-{ENTITY}-tdp"), ("Vendor", f"prop-{ENTITY}-vendor")} <= titles
