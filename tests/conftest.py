"""Shared fixtures: the project root, the broken fixture tree, and a CLI runner.

Everything here is independent of the working directory pytest was started from.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BROKEN = ROOT / "tests" / "fixtures" / "broken"


def run_kb(*args, cwd=None, timeout: float = 300) -> tuple[int, str, str]:
    """Run ``python -m kb ARGS`` in a subprocess; return (exit code, stdout, stderr).

    ``cwd`` defaults to the project root, so a test never depends on where pytest started.
    """
    env = dict(os.environ)
    env.setdefault("PYTHONHASHSEED", "0")
    env["PYTHONIOENCODING"] = "utf-8"
    proc = subprocess.run(
        [sys.executable, "-m", "kb", *map(str, args)],
        cwd=str(cwd if cwd is not None else ROOT),
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=timeout,
    )
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture(scope="session")
def root() -> Path:
    """The project root (holds claims/ and datasets/)."""
    return ROOT


@pytest.fixture(scope="session")
def broken_root() -> Path:
    """The deliberately broken fixture tree (a small complete project)."""
    return BROKEN


@pytest.fixture(name="run_kb", scope="session")
def run_kb_fixture():
    """``run_kb(*args, cwd=None) -> (code, stdout, stderr)``: the CLI in a subprocess."""
    return run_kb
