"""Running every rule over a knowledge base: :func:`check` returns a :class:`Report`.

The report holds the findings (sorted), their counts, the loaded knowledge base and the
:class:`~kb.rules.compare.Comparer` the content rules used, so that the site and the
notebook API show the very comparisons the findings rest on. The CLI prints
``report.render(fmt)``; the JSON it prints is ``report.as_dict()`` and nothing else.
"""

from __future__ import annotations

import dataclasses
import gc
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kb.core.catalogue import RULES
from kb.core.findings import EvaluatedRelation, Finding
from kb.core.records import KnowledgeBase
from kb.rules import CONTENT_CHECKS, INTEGRITY_CHECKS, REVIEW_CHECKS
from kb.rules.compare import Comparer
from kb.store.load import load


@dataclass
class Report:
    """What a check found. ``relations`` holds every recomputed relation (each claim's
    ``derived:`` formula, and each ratio, share or change claim on every basis that applies:
    the formula with the article's numbers, the computed interval, the verdict), as
    :class:`~kb.core.findings.EvaluatedRelation` values, sorted by file and line; the
    ``arithmetic``, ``relation-invalid`` and comparison ``contradicts-reference`` findings
    rest on them, and the site and notebooks show them."""

    findings: list[Finding]
    counts: dict[str, Any]
    strict: bool = False
    gx: dict[str, Any] | None = None
    kb: KnowledgeBase | None = field(default=None, repr=False)
    comparer: Comparer | None = field(default=None, repr=False)
    relations: tuple[EvaluatedRelation, ...] = field(default=(), repr=False)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def unreviewed_content(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == "content" and not f.reviewed]

    @property
    def ok(self) -> bool:
        if self.errors:
            return False
        if self.gx is not None and not self.gx.get("success", True):
            return False
        return not (self.strict and self.unreviewed_content)

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1

    def as_dict(self) -> dict[str, Any]:
        out = {"ok": self.ok, "counts": self.counts, "findings": [f.as_dict() for f in self.findings],
               "relations": [e.as_dict() for e in self.relations]}
        if self.gx is not None:
            out["gx"] = self.gx
        return out

    def render(self, fmt: str = "text") -> str:
        from kb.rules import report

        was_enabled = gc.isenabled()
        gc.disable()  # (as in check(): the many small objects it makes die with it)
        try:
            return report.render(self, fmt)
        finally:
            if was_enabled:
                gc.enable()


def check(root: Path | str | None = None, *, fail_fast: bool = False, strict: bool = False,
          gx: bool = False, kb: KnowledgeBase | None = None, content: bool = True) -> Report:
    """Load the knowledge base at ``root`` (unless ``kb`` is given) and run every rule over it."""
    # The rules make many small objects that stay in the report (findings, comparisons,
    # relations) beside the loaded records; the cyclic garbage collector would walk them again
    # and again (~5% of a check). It is paused for the duration, as loading does, and left as
    # it was.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _check(root, fail_fast=fail_fast, strict=strict, gx=gx, kb=kb, content=content)
    finally:
        if was_enabled:
            gc.enable()


def _check(root: Path | str | None, *, fail_fast: bool, strict: bool, gx: bool, kb: KnowledgeBase | None,
           content: bool) -> Report:
    kb = kb if kb is not None else load(root)
    findings: list[Finding] = list(kb.load_findings)
    if fail_fast and any(f.severity == "error" for f in findings):
        findings = [next(f for f in findings if f.severity == "error")]
    else:
        for _rule, fn in INTEGRITY_CHECKS:
            for f in fn(kb):
                findings.append(f)
                if fail_fast and f.severity == "error":
                    break
            if fail_fast and any(f.severity == "error" for f in findings):
                break
    comparer = Comparer(kb)
    if content and not (fail_fast and any(f.severity == "error" for f in findings)):
        for _rule, fn in CONTENT_CHECKS:
            findings.extend(fn(comparer))
        for _rule, fn in REVIEW_CHECKS:
            findings.extend(fn(kb))
    findings = _with_reviews(kb, findings)
    findings.sort(key=Finding.sort_key)
    report = Report(findings, counts(kb, findings), strict=strict, kb=kb, comparer=comparer,
                    relations=comparer.relations())
    if gx:
        from kb.rules.expectations import run_expectations

        report.gx = run_expectations(kb)
    return report


def _with_reviews(kb: KnowledgeBase, findings: list[Finding]) -> list[Finding]:
    """A content finding carries the reviews of the claims it names; it is reviewed when
    every one of them (that exists) has a review that is current (not stale)."""
    out = []
    for f in findings:
        if f.kind == "content" and f.claims and f.code != "review-stale":
            named = [kb.claims_by_id[c] for c in f.claims if c in kb.claims_by_id]
            reviews = tuple(c.review for c in named if c.review is not None)
            if reviews:
                current = sum(1 for r in reviews if r.current)
                f = dataclasses.replace(f, reviews=reviews, reviewed=current == len(named))
        out.append(f)
    return out


def counts(kb: KnowledgeBase, findings: list[Finding]) -> dict[str, Any]:
    sev = Counter(f.severity for f in findings)
    return {
        "files": len(kb.files),
        "sources": len(kb.sources),
        "claims": len(kb.claims),
        "references": len(kb.references),
        "entities": len(kb.entities),
        "properties": len(kb.properties),
        "findings": len(findings),
        "error": sev.get("error", 0),
        "warning": sev.get("warning", 0),
        "info": sev.get("info", 0),
        "reviewed": sum(1 for f in findings if f.reviewed),
        "unreviewed_content": sum(1 for f in findings if f.kind == "content" and not f.reviewed),
        "by_code": dict(sorted(Counter(f.code for f in findings).items())),
    }


__all__ = ["Report", "check", "counts", "RULES"]
