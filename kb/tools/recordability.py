"""How much of what real articles say the knowledge base can hold: ``python -m kb.tools.recordability``
(``make recordability``).

A curator records every number of a source as a claim, or lists it under ``unrecorded:`` with
the reason it could not be recorded faithfully (no property, no entity, vague, ambiguous, out
of scope, other). This report counts both, per source and overall, from the data alone.

What is counted:

* **Real articles** are the registered sources with a ``url``: public third-party texts read
  at that address. Sources without one (the seed files, which came without an address) are
  listed apart and not counted.
* A **recorded number** is a claim. A claim that repeats another of the same source (same
  quote, same value, another entity: "Llama-3 and Claude 3.5 ... 2 million tokens") is one
  record per entity; the report also gives *distinct numbers*, counting each (quote, value)
  of a source once, as the stricter figure.
* An **unrecorded number** is one entry of ``unrecorded:``, whatever its reason: numbers left
  out as out of scope or vague count against the share like those no property could hold.

The share is recorded / (recorded + unrecorded). A knowledge base with no real article has no
share: the report refuses it (``NoRealArticles``) rather than print 100% of nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kb.core.records import KnowledgeBase
from kb.core.schema import UNRECORDED_REASONS
from kb.errors import KBError


class NoRealArticles(KBError):
    """The knowledge base holds no real article (no source with a url), so there is no share to report."""


@dataclass(frozen=True)
class SourceCount:
    source: str
    records: int  # claims
    numbers: int  # distinct (quote span, value) pairs among the claims
    unrecorded: dict[str, int]  # reason -> count

    @property
    def unrecorded_total(self) -> int:
        return sum(self.unrecorded.values())

    @property
    def share(self) -> float:
        total = self.records + self.unrecorded_total
        return self.records / total if total else 1.0

    @property
    def number_share(self) -> float:
        total = self.numbers + self.unrecorded_total
        return self.numbers / total if total else 1.0


@dataclass(frozen=True)
class Report:
    sources: tuple[SourceCount, ...]  # real articles, by id
    not_counted: tuple[str, ...] = ()  # sources without a url
    totals: SourceCount = field(init=False)

    def __post_init__(self) -> None:
        reasons: Counter[str] = Counter()
        for s in self.sources:
            reasons.update(s.unrecorded)
        object.__setattr__(self, "totals", SourceCount(
            "overall", sum(s.records for s in self.sources), sum(s.numbers for s in self.sources), dict(reasons)))

    @property
    def share(self) -> float:
        return self.totals.share

    @property
    def number_share(self) -> float:
        return self.totals.number_share

    def as_dict(self) -> dict:
        def row(s: SourceCount) -> dict:
            return {"source": s.source, "recorded": s.records, "distinct_numbers": s.numbers,
                    "unrecorded": s.unrecorded_total,
                    "unrecorded_by_reason": {r: s.unrecorded.get(r, 0) for r in UNRECORDED_REASONS if s.unrecorded.get(r)},
                    "share": round(s.share, 4), "distinct_number_share": round(s.number_share, 4)}
        return {"sources": [row(s) for s in self.sources], "overall": row(self.totals),
                "not_counted": list(self.not_counted)}


def _value_key(c) -> str:
    if c.value is not None:
        return f"{c.value}"
    return f"{c.low}..{c.high}"


def recordability(kb: KnowledgeBase) -> Report:
    """Recorded and unrecorded numbers of every real article of ``kb``."""
    real = sorted(sid for sid, src in kb.sources.items() if src.url)
    if not real:
        raise NoRealArticles("no real article in the knowledge base (no source has a url): there is no share to report")
    records: Counter[str] = Counter()
    numbers: dict[str, set] = {sid: set() for sid in real}
    for c in kb.claims:
        if c.source in numbers:
            records[c.source] += 1
            numbers[c.source].add((c.start, c.end, _value_key(c)))
    rows = []
    for sid in real:
        reasons = Counter(u.reason for u in kb.unrecorded.get(sid, ()))
        rows.append(SourceCount(sid, records[sid], len(numbers[sid]), dict(reasons)))
    return Report(tuple(rows), tuple(sorted(sid for sid in kb.sources if sid not in set(real))))


def format_text(report: Report) -> str:
    reasons = [r for r in UNRECORDED_REASONS if report.totals.unrecorded.get(r)]
    head = ["source", "recorded", "unrecorded", *reasons, "share", "distinct", "share(d)"]
    rows = []
    for s in (*report.sources, report.totals):
        rows.append([s.source, str(s.records), str(s.unrecorded_total), *(str(s.unrecorded.get(r, 0)) for r in reasons),
                     f"{100 * s.share:.1f}%", str(s.numbers), f"{100 * s.number_share:.1f}%"])
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    out = [line(head), line(["-" * w for w in widths])]
    out += [line(r) for r in rows[:-1]]
    out += [line(["-" * w for w in widths]), line(rows[-1])]
    out.append("")
    out.append(f"recorded: claims; distinct: claims counted once per (quote, value) of a source; unrecorded: "
               f"entries of `unrecorded:` by reason. Real articles: sources with a url ({len(report.sources)}).")
    if report.not_counted:
        out.append(f"not counted (no url): {', '.join(report.not_counted)}")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kb.tools.recordability", description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=None, help="knowledge base folder (default: found from here)")
    ap.add_argument("--format", choices=("text", "json"), default="text")
    args = ap.parse_args(argv)
    from kb.store.load import load

    try:
        report = recordability(load(args.root))
    except KBError as exc:
        print(f"kb: {exc}", file=sys.stderr)
        return exc.exit_code
    if args.format == "json":
        print(json.dumps(report.as_dict(), indent=2))
    else:
        sys.stdout.write(format_text(report))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
