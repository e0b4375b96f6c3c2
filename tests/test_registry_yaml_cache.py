"""The registry's YAML, parsed once and kept on disk as JSON (kb.extract.linking): the same
records as parsing it, re-read when a file changes, and never a value JSON would change."""

from __future__ import annotations

import datetime

import pytest
import yaml

from kb.core.units import DiskCache
from kb.extract import linking
from kb.extract.linking import load_registry

ENTITIES = """entities:
  - id: acme-gpu
    kind: gpu
    aliases: [Acme GPU, AG-1]
    tdp_w: 700
    ratio: 0.1
    flag: true
    missing: null
"""
PROPERTIES = """properties:
  - id: tdp
    canonical_unit: W
    plausible: {gpu: {low: 10, high: 2000}}
"""


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    box = [DiskCache("kb-registry-yaml-test", [], folder=folder)]
    monkeypatch.setattr(linking, "_yaml_cache", lambda: box[0])

    def reopen():  # what the next process reads
        box[0].save()
        box[0] = DiskCache("kb-registry-yaml-test", [], folder=folder)
        return box[0]
    return reopen


def _root(tmp_path, entities=ENTITIES):
    root = tmp_path / "kb"
    (root / "datasets" / "entities").mkdir(parents=True)
    (root / "datasets" / "properties").mkdir(parents=True)
    (root / "datasets" / "entities" / "e.yaml").write_text(entities, encoding="utf-8")
    (root / "datasets" / "properties" / "p.yaml").write_text(PROPERTIES, encoding="utf-8")
    (root / "datasets" / "conditions.yaml").write_text("conditions:\n  scope: {values: [per-gpu]}\n", encoding="utf-8")
    return root


def test_cached_registry_is_the_parsed_one_and_is_not_parsed_again(tmp_path, cache, monkeypatch):
    root = _root(tmp_path)
    first = load_registry(root)
    assert len(cache().data["doc"]) == 3
    monkeypatch.setattr(yaml, "load", lambda *a, **k: pytest.fail("parsed again"))
    second = load_registry(root)
    assert second == first and second.entities[0]["tdp_w"] == 700 and type(second.entities[0]["ratio"]) is float
    assert second.conditions == {"scope": {"values": ["per-gpu"]}}
    second.entities[0]["aliases"].append("changed")  # (a caller's records are its own)
    assert load_registry(root) == first


def test_a_changed_file_is_parsed_again(tmp_path, cache):
    root = _root(tmp_path)
    load_registry(root)
    cache()
    (root / "datasets" / "entities" / "e.yaml").write_text(ENTITIES.replace("tdp_w: 700", "tdp_w: 800"), encoding="utf-8")
    assert load_registry(root).entities[0]["tdp_w"] == 800


@pytest.mark.parametrize("extra", ["    released: 2024-05-01\n", "    by_year: {2024: 1}\n", "    big: .inf\n"])
def test_values_json_would_change_are_parsed_each_time(tmp_path, cache, extra):
    root = _root(tmp_path, ENTITIES + extra)
    want = yaml.safe_load(ENTITIES + extra)["entities"][0]
    for _ in range(2):
        got = load_registry(root).entities[0]
        assert got == want and {k: type(v) for k, v in got.items()} == {k: type(v) for k, v in want.items()}
        assert len(cache().data.get("doc", {})) == 2  # (the properties and the conditions only)
    assert isinstance(want.get("released", datetime.date.today()), datetime.date)
