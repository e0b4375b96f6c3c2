"""Helpers shared by several test files."""

from __future__ import annotations

from pathlib import Path


def break_a_unit(root: Path) -> tuple[str, int]:
    """Give the first claim with a unit an unreadable one; return (path, line) of that unit."""
    for path in sorted((root / "claims").glob("*.yaml")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        for i, line in enumerate(lines):
            if line.strip().startswith("unit:"):
                indent = line[: len(line) - len(line.lstrip())]
                lines[i] = f"{indent}unit: USD per blorp\n"
                path.write_text("".join(lines), encoding="utf-8")
                return path.relative_to(root).as_posix(), i + 1
    raise AssertionError("no claim with a unit to break")
