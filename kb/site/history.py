"""Dates from the project's git history: when each data file last changed (the "last
updated" line of every page) and the changelog of data changes.

Deterministic: the dates are commit dates, so the same history gives the same pages, on any
machine and in a fresh clone. Without git, or outside a repository, or in a copy without
history, there are no dates: pages leave the line out and the changelog says so.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

#: What the changelog covers: the knowledge, not the code.
DATA_PATHS = ("claims", "datasets")


@dataclass(frozen=True)
class Change:
    """One commit that changed data files."""

    date: str  # YYYY-MM-DD (commit date)
    subject: str
    files: tuple[str, ...] = field(default=())


def _git(root: Path, *args: str) -> str | None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    try:
        out = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=120,
                             env=env, encoding="utf-8", errors="replace")
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout if out.returncode == 0 else None


def _has_history(root: Path) -> bool:
    """True when the knowledge base's own files are tracked by the repository around ``root``
    (a copy of them elsewhere, with or without a repository around it, has no history)."""
    tracked = _git(root, "ls-files", "--", *DATA_PATHS)
    return bool(tracked and tracked.strip())


def file_dates(root: Path) -> dict[str, str] | None:
    """path (relative to ``root``) -> the date of the last commit that changed it; None
    when there is no history to read."""
    if not _has_history(root):
        return None
    log = _git(root, "log", "--format=%x00%cs", "--name-only", "--no-renames", "--relative", "--", ".")
    if log is None:
        return None
    dates: dict[str, str] = {}
    for block in log.split("\x00")[1:]:
        lines = block.strip("\n").split("\n")
        date, paths = lines[0].strip(), [p for p in lines[1:] if p.strip()]
        for p in paths:
            dates.setdefault(p, date)  # newest first: the first date seen is the last change
    return dates


def changes(root: Path, limit: int = 400) -> list[Change] | None:
    """The commits that changed data files, newest first; None without history."""
    if not _has_history(root):
        return None
    log = _git(root, "log", "--no-merges", f"--max-count={limit}", "--format=%x00%cs%x09%s", "--name-only",
               "--no-renames", "--relative", "--", *DATA_PATHS)
    if log is None:
        return None
    out = []
    for block in log.split("\x00")[1:]:
        lines = block.strip("\n").split("\n")
        date, _, subject = lines[0].partition("\t")
        out.append(Change(date.strip(), subject.strip(), tuple(sorted(p for p in lines[1:] if p.strip()))))
    return out
