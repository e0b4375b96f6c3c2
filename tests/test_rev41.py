"""rev41: findings of the review of session 16's merged code, each with the input that showed it.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import main
from kb.extract.linking import load_registry

ROOT = Path(__file__).resolve().parents[1]


# --------------------------------------------------------------------------- a registry file of the wrong shape

def _kb(tmp_path: Path, entities: str, conditions: str = "conditions: {}\n") -> Path:
    (tmp_path / "datasets" / "entities").mkdir(parents=True)
    (tmp_path / "datasets" / "properties").mkdir(parents=True)
    (tmp_path / "claims").mkdir()
    (tmp_path / "datasets" / "conditions.yaml").write_text(conditions, encoding="utf-8")
    (tmp_path / "datasets" / "entities" / "bad.yaml").write_text(entities, encoding="utf-8")
    (tmp_path / "datasets" / "entities" / "ok.yaml").write_text(
        "entities:\n  - {id: nvidia-h100, kind: gpu, aliases: [H100]}\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("entities", ["entities: 5\n", "- {id: x, kind: gpu}\n", "entities: true\n"])
def test_an_entity_file_that_holds_no_list_is_named_not_a_traceback(tmp_path, entities):
    reg = load_registry(_kb(tmp_path, entities))
    assert [e["id"] for e in reg.entities] == ["nvidia-h100"]
    assert len(reg.problems) == 1 and reg.problems[0].startswith("datasets/entities/bad.yaml:1:")


def test_a_conditions_file_that_is_a_list_is_named(tmp_path):
    reg = load_registry(_kb(tmp_path, "entities: []\n", "- basis\n"))
    assert reg.conditions == {}
    assert len(reg.problems) == 1 and reg.problems[0].startswith("datasets/conditions.yaml:1:")


def test_kb_extract_warns_of_an_entity_file_of_the_wrong_shape(tmp_path):
    root = _kb(tmp_path, "entities: 5\n")
    article = tmp_path / "a.txt"
    article.write_text("The H100 draws 700 W.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(article), "--root", str(root), "--format", "json"])
    assert res.exit_code == 0 and res.exception is None, res.output
    assert any("datasets/entities/bad.yaml:1:" in ln for ln in res.stderr.splitlines() if ln.startswith("kb: warning:"))
    assert '"value": 700' in res.stdout
