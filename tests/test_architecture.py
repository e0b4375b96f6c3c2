"""The layers of docs/architecture.md, held by reading every import of the package."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "kb"

LAYERS = {
    "kb.errors": 0, "kb.accel": 0,
    "kb.core": 1,
    "kb.store": 2,
    "kb.rules": 3,
    "kb.analysis": 4, "kb.extract": 4, "kb.site": 4,
    "kb.tools": 5, "kb.cli": 5, "kb.__main__": 5,
}
#: Imports against the layering, each with its reason.
ALLOWED = {
    ("kb.site.pages", "kb.cli"): "the site renders the command-line reference from the click group itself",
}


def _layer(module: str) -> int | None:
    parts = module.split(".")
    for n in (2, 1):
        key = ".".join(parts[:n])
        if key in LAYERS:
            return LAYERS[key]
    return None


def _modules():
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG.parent).with_suffix("")
        name = ".".join(rel.parts).removesuffix(".__init__")
        yield name, ast.parse(path.read_text(encoding="utf-8"))


def _imports(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, [a.name for a in node.names], node.lineno
        elif isinstance(node, ast.Import):
            for a in node.names:
                yield a.name, [], node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level:
            yield "." * node.level + (node.module or ""), [a.name for a in node.names], node.lineno


def test_every_module_is_in_a_layer():
    assert not [m for m, _ in _modules() if m != "kb" and _layer(m) is None]


def test_imports_go_down_the_layers_only():
    wrong = []
    for module, tree in _modules():
        mine = _layer(module)
        for target, _names, line in _imports(tree):
            if not target.startswith("kb.") or mine is None:
                continue
            theirs = _layer(target)
            if theirs is not None and theirs > mine and (module, target) not in ALLOWED:
                wrong.append(f"{module}:{line} imports {target} (layer {theirs} > {mine})")
    assert not wrong, "\n".join(wrong)


def test_no_relative_imports_and_no_private_names_across_modules():
    wrong = []
    for module, tree in _modules():
        for target, names, line in _imports(tree):
            if target.startswith("."):
                wrong.append(f"{module}:{line}: relative import {target}")
            elif target.startswith("kb") and target != module:
                wrong += [f"{module}:{line}: private name {n} from {target}" for n in names
                          if n.startswith("_") and not n.startswith("__")]
    assert not wrong, "\n".join(wrong)


def test_import_kb_is_light():
    import subprocess
    import sys

    code = "import sys, kb; print(sorted(m for m in ('pandas', 'pint', 'yaml', 'great_expectations') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("name", sorted(__import__("kb").LAZY))
def test_the_public_api_resolves(name):
    import kb

    assert getattr(kb, name) is not None


def test_open_kb_from_the_top_level(root):
    import kb

    kbase = kb.open_kb(root)
    assert kbase.report.counts["claims"] > 0
