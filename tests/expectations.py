"""Expected findings written in the fixture files themselves.

A line of a fixture file that must get findings carries a marker in a comment::

    value: -700  # expect: schema

(several codes: ``# expect: schema, unit-unknown``). The expectations move with the lines
they mark, so no test keeps line numbers by hand: edit a fixture and its expectations stay
true, or the mismatch is reported as lost and new findings.
"""

from __future__ import annotations

import re
from pathlib import Path

MARKER = re.compile(rb"#\s*expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)")


def expected_findings(root: Path) -> list[tuple[str, int, str]]:
    """(path, line, code) for every marker under ``root``, sorted (a code once per finding)."""
    out = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        for n, line in enumerate(path.read_bytes().split(b"\n"), 1):
            m = MARKER.search(line)
            if m:
                for code in m.group(1).decode().split(","):
                    out.append((rel, n, code.strip()))
    return sorted(out)


def diff(expected: list, actual: list) -> str:
    """A readable difference between two sorted lists of (path, line, code)."""
    from collections import Counter

    e, a = Counter(expected), Counter(actual)
    lost = sorted((e - a).elements())
    new = sorted((a - e).elements())
    return ("".join(f"  lost: {p}:{n}: {c}\n" for p, n, c in lost)
            + "".join(f"  new:  {p}:{n}: {c}\n" for p, n, c in new))
