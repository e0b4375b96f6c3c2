"""checkidx86: what a check computes once and looks up after gives the very findings it gave
when computed each time: the reduced unit of a product or quotient of two unit sizes
(kb.core.derive._product_unit, kept per pair of sizes), and the properties of one canonical
unit (Comparer.properties_in, an index made once per check). Checked on a part of the real
knowledge base (development articles only) with conflicts made in it, and after a claims file
changes (nothing kept goes stale)."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from kb.core import derive
from kb.core.units import UnitSize
from kb.rules.check import check
from kb.rules.compare import Comparer

ROOT = Path(__file__).resolve().parents[1]
# development articles with many `derived:` relations (tests/extract_corpus/real.yaml: dev)
SAMPLE = ("r10-ecobot-metrics", "r128-h100-fleet-compute-drift", "r09-llm-api-costs")


def _part(root: Path) -> Path:
    dev = yaml.safe_load((ROOT / "tests" / "extract_corpus" / "real.yaml").read_text(encoding="utf-8"))["dev"]
    assert set(SAMPLE) <= set(dev)
    shutil.copytree(ROOT / "datasets", root / "datasets")
    (root / "claims").mkdir()
    for name in SAMPLE:
        shutil.copy(ROOT / "claims" / f"{name}.yaml", root / "claims" / f"{name}.yaml")
    return root


def _times(root: Path, name: str, every: int = 3, factor: float = 7.0) -> int:
    """Multiply every ``every``-th stated value of a claims file by ``factor`` (conflicts,
    missed references, relations that miss); how many were changed."""
    p = root / "claims" / f"{name}.yaml"
    n = [0, 0]

    def f(m: re.Match) -> str:
        n[0] += 1
        if n[0] % every:
            return m.group(0)
        n[1] += 1
        return f"{m.group(1)}{float(m.group(2)) * factor:g}"

    p.write_text(re.sub(r"(?m)^(\s+value: )([0-9]+(?:\.[0-9]+)?)\s*$", f, p.read_text(encoding="utf-8")),
                 encoding="utf-8")
    return n[1]


def _json(root: Path) -> str:
    return check(root).render("json")


def _direct(sa: UnitSize, sb: UnitSize, op: str) -> tuple[float, tuple, str]:
    q = ((sa * sb) if op == "*" else (sa / sb)).reduced()
    size = UnitSize(1.0, q.names)
    return q.magnitude, size.names, size.text()


def test_kept_units_give_the_findings_computed_afresh(tmp_path):
    root = _part(tmp_path / "kb")
    assert _times(root, SAMPLE[0]) > 0
    derive._PRODUCTS.clear()
    cold = _json(root)
    kept = dict(derive._PRODUCTS)
    assert kept, "the sample multiplies or divides units"
    warm = _json(root)  # every product and quotient now looked up
    assert warm == cold
    report = json.loads(cold)
    assert report["counts"]["by_code"].get("arithmetic", 0) > 0  # the changed values miss their relations
    assert sum(1 for e in report["relations"] if e["verdict"] == "consistent") > 10
    # each kept unit is the one computed afresh, for every pair of sizes the check met
    for (op, ma, na, mb, nb), (m, size, text) in kept.items():
        assert (m, size.names, text) == _direct(UnitSize(ma, na), UnitSize(mb, nb), op)


def test_a_kept_unit_is_the_reduced_one():
    derive._PRODUCTS.clear()
    a, b = UnitSize.of("USD/hour"), UnitSize.of("hour")
    first = derive._product_unit(a, b, "*")
    assert derive._product_unit(a, b, "*") is first  # looked up, not computed again
    assert first[2] == "USD" and first[0] == 1.0
    m, size, text = derive._product_unit(UnitSize.of("kW"), UnitSize.of("W"), "/")
    assert (m, text) == (1000.0, "dimensionless")
    # a quotient is not the product of the same two sizes
    assert derive._product_unit(a, b, "/")[2] != "USD"
    # a size of magnitude 0 is never kept
    n = len(derive._PRODUCTS)
    derive._product_unit(UnitSize(0.0, a.names), b, "*")
    assert len(derive._PRODUCTS) == n


def test_the_properties_of_a_unit_are_those_of_the_knowledge_base_in_order(tmp_path):
    kb = check(_part(tmp_path / "kb")).kb
    cmp = Comparer(kb)
    units = {p.canonical_unit for p in kb.properties.values()}
    assert len(units) > 5
    for u in units:
        assert cmp.properties_in(u) == [p for p in kb.properties.values() if p.canonical_unit == u]
    assert cmp.properties_in("no such unit") == []


@pytest.mark.parametrize("name", SAMPLE[:2])
def test_nothing_kept_goes_stale_when_a_claims_file_changes(tmp_path, name):
    root = _part(tmp_path / "kb")
    before = _json(root)
    assert _times(root, name, every=2, factor=1000.0) > 0
    after = _json(root)  # the same process: its kept units, a fresh comparer
    assert after != before
    fresh = _part(tmp_path / "fresh")
    shutil.copy(root / "claims" / f"{name}.yaml", fresh / "claims" / f"{name}.yaml")
    derive._PRODUCTS.clear()
    assert _json(fresh).replace(str(fresh), str(root)) == after
