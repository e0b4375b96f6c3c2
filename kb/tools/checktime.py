"""Where a ``kb check`` spends its time: ``python -m kb.tools.checktime [--root DIR] [--format json]``.

Runs the check's steps one by one in this process, as :func:`kb.rules.check.check` runs them
(the imports, loading, each integrity rule, each content rule, the review rules, the
relations, the report and its rendering), and prints the CPU time (``time.process_time``) of
each with its share of the whole. A flat profile without the profiler's own cost, which
doubles a check's time and inflates what makes many small calls: the figures of a speed
change's before and after, run side by side. The interpreter's start (~0.02 s) and its exit
are outside the process's measure; ``make bench`` times the whole subprocess.

The garbage collector is paused as the check pauses it. The findings are those of
:func:`kb.rules.check.check` (tests/test_check85.py compares them); a step that raises stops
the run, as it would stop a check.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path


def steps(root: Path | None = None, fmt: str = "json") -> tuple[list[tuple[str, float]], object, str]:
    """The check's steps with the CPU seconds of each, the :class:`~kb.rules.check.Report` and
    its text in ``fmt``. The first step is the imports of :mod:`kb.rules.check` (nothing when
    this process has imported it already)."""
    out: list[tuple[str, float]] = []
    clock = time.process_time
    t = clock()

    def mark(name: str) -> None:
        nonlocal t
        now = clock()
        out.append((name, now - t))
        t = now

    from kb.rules import CONTENT_CHECKS, INTEGRITY_CHECKS, REVIEW_CHECKS
    from kb.rules import check as C
    from kb.rules import report as R
    from kb.store.load import resolve_root

    mark("imports (kb.rules.check)")
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        kb = C.load(resolve_root(root))
        mark("load")
        findings = list(kb.load_findings)
        for _rule, fn in INTEGRITY_CHECKS:
            findings.extend(fn(kb))
            mark(f"integrity: {fn.__name__}")
        comparer = C.Comparer(kb)
        for _rule, fn in CONTENT_CHECKS:
            findings.extend(fn(comparer))
            mark(f"content: {fn.__name__}")
        for _rule, fn in REVIEW_CHECKS:
            findings.extend(fn(kb))
            mark(f"reviews: {fn.__name__}")
        findings = C._with_reviews(kb, findings)
        findings.sort(key=C.Finding.sort_key)
        relations = comparer.relations()
        report = C.Report(findings, C.counts(kb, findings), kb=kb, comparer=comparer, relations=relations)
        mark("report (sort, counts, relations)")
        text = R.render(report, fmt)
        mark(f"render {fmt}")
    finally:
        if was_enabled:
            gc.enable()
    return out, report, text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kb.tools.checktime", description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=None, help="the knowledge base (default: found from the cwd)")
    ap.add_argument("--format", dest="fmt", choices=("text", "json", "junit", "github"), default="json")
    args = ap.parse_args(argv)
    timed, _report, _text = steps(args.root, args.fmt)
    total = sum(s for _, s in timed) or 1e-9
    for name, s in timed:
        print(f"{name:40s} {s:7.3f} s {100 * s / total:5.1f}%")
    print(f"{'total (CPU of this process)':40s} {total:7.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
