"""No module of kb binds one top-level name twice: the later binding silently replaces the
earlier for every function of the module, as two regular expressions of linking.py once did
(each written for its own function, one shadowing the other when the module loaded)."""
from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _bound_twice(source: str) -> dict[str, list[int]]:
    lines: dict[str, list[int]] = defaultdict(list)
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            lines[node.name].append(node.lineno)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    lines[target.id].append(node.lineno)
    return {name: at for name, at in lines.items() if len(at) > 1}


def test_the_check_finds_a_name_bound_twice():
    assert _bound_twice("A = 1\ndef f():\n    return A\nA = 2\n") == {"A": [1, 4]}
    assert _bound_twice("A = 1\nB: int = 2\n") == {}


def test_no_module_of_kb_binds_a_top_level_name_twice():
    modules = sorted((ROOT / "kb").rglob("*.py"))
    assert len(modules) > 10
    twice = {str(p.relative_to(ROOT)): found for p in modules
             if (found := _bound_twice(p.read_text(encoding="utf-8")))}
    assert twice == {}, twice
