"""Running the rules over a knowledge base, and the report in its output formats.

``check(root)`` loads, runs every registered rule, attaches review verdicts and returns a
:class:`Report`. The CLI prints ``report.render(fmt)``; the JSON it prints is
``report.as_dict()`` and nothing else (a test holds the two equal).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from kb.rules import integrity as _rules  # noqa: F401  (registers the integrity rules)
from kb.store.load import load
from kb.core.records import Finding, KnowledgeBase

CONTENT_CODES: set[str] = set()  # filled in by kb.content when it registers its rules


def _register_content() -> None:
    from kb.rules import content  # noqa: F401  (registers the content rules)


@dataclass
class Report:
    findings: list[Finding]
    counts: dict[str, Any]
    strict: bool = False
    gx: dict[str, Any] | None = None
    kb: KnowledgeBase | None = field(default=None, repr=False)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def unreviewed_content(self) -> list[Finding]:
        return [f for f in self.findings if _is_content(f) and not f.reviewed]

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
        out = {"ok": self.ok, "counts": self.counts, "findings": [f.as_dict() for f in self.findings]}
        if self.gx is not None:
            out["gx"] = self.gx
        return out

    def render(self, fmt: str = "text") -> str:
        return {"text": render_text, "json": render_json, "junit": render_junit, "github": render_github}[fmt](self)


def _is_content(f: Finding) -> bool:
    from kb.rules.integrity import RULES

    r = RULES.get(f.code)
    return r is not None and r.kind == "content"


def check(root: Path | str | None = None, *, fail_fast: bool = False, strict: bool = False,
          gx: bool = False, kb: KnowledgeBase | None = None, content: bool = True) -> Report:
    """Load the knowledge base at ``root`` and run every rule over it."""
    from kb.rules.integrity import RULES

    if content:
        _register_content()
    kb = kb if kb is not None else load(root)
    findings: list[Finding] = []
    integrity_failed = False
    for r in RULES.values():
        if r.kind == "content" and (not content or (fail_fast and integrity_failed)):
            continue
        for f in r.fn(kb):
            findings.append(f)
            if fail_fast and f.severity == "error":
                break
        if fail_fast and any(f.severity == "error" for f in findings):
            integrity_failed = True
            break
    _attach_reviews(kb, findings)
    findings.sort(key=Finding.sort_key)
    report = Report(findings, _counts(kb, findings), strict=strict, kb=kb)
    if gx:
        from kb.rules.expectations import run_expectations

        report.gx = run_expectations(kb)
    return report


def _attach_reviews(kb: KnowledgeBase, findings: list[Finding]) -> None:
    """A content finding is reviewed when every claim it names carries a verdict."""
    by_id = {c.id: c for c in kb.claims if c.review}
    for f in findings:
        if not _is_content(f) or not f.claims:
            continue
        reviews = [by_id[c].review for c in f.claims if c in by_id]
        named = [c for c in f.claims if kb_claim_exists(kb, c)]
        if reviews and len(reviews) == len(named):
            f.review = reviews[0] if len(reviews) == 1 else {"verdicts": reviews}


def kb_claim_exists(kb: KnowledgeBase, cid: str) -> bool:
    ids = getattr(kb, "_claim_ids", None)
    if ids is None:
        ids = {c.id for c in kb.claims}
        kb._claim_ids = ids  # type: ignore[attr-defined]
    return cid in ids


def _counts(kb: KnowledgeBase, findings: list[Finding]) -> dict[str, Any]:
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
        "unreviewed_content": sum(1 for f in findings if _is_content(f) and not f.reviewed),
        "by_code": dict(sorted(Counter(f.code for f in findings).items())),
    }


# ------------------------------------------------------------------------ formats


def render_text(report: Report) -> str:
    lines = []
    for f in report.findings:
        where = f"{f.path}:{f.line}" if f.line else f.path
        tag = " (reviewed: " + _verdict(f) + ")" if f.reviewed else ""
        lines.append(f"{where}: {f.severity}[{f.code}] {f.message}{tag}")
        if f.likely_cause:
            lines.append(f"    likely cause: {f.likely_cause}")
    c = report.counts
    lines.append(
        f"checked {c['claims']} claims, {c['references']} references, {c['sources']} sources "
        f"in {c['files']} files: {c['error']} errors, {c['warning']} warnings, {c['info']} info"
        f" ({c['reviewed']} reviewed, {c['unreviewed_content']} unreviewed content findings)"
    )
    if report.gx is not None:
        g = report.gx
        lines.append(f"expectations: {g.get('successful', 0)}/{g.get('evaluated', 0)} passed")
    return "\n".join(lines) + "\n"


def _verdict(f: Finding) -> str:
    r = f.review or {}
    if "verdicts" in r:
        return ", ".join(v.get("verdict", "?") for v in r["verdicts"])
    return str(r.get("verdict", "?"))


def render_json(report: Report) -> str:
    return json.dumps(report.as_dict(), indent=2, ensure_ascii=False, default=str) + "\n"


def render_junit(report: Report) -> str:
    """One test case per rule; each finding that fails a rule is a <failure> of its case."""
    from kb.rules.integrity import RULES

    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    failing = [f for f in report.findings if f.severity == "error" or (report.strict and _is_content(f) and not f.reviewed)]
    out.append(f'<testsuites name="kb check" tests="{len(RULES)}" failures="{len(failing)}">')
    out.append(f'  <testsuite name="kb check" tests="{len(RULES)}" failures="{len(failing)}">')
    by_code: dict[str, list[Finding]] = {}
    for f in report.findings:
        by_code.setdefault(f.code, []).append(f)
    for rid in RULES:
        fs = by_code.get(rid, [])
        out.append(f"    <testcase classname=\"kb.rules.integrity\" name={quoteattr(rid)}>")
        for f in fs:
            where = f"{f.path}:{f.line}" if f.line else f.path
            body = escape(f"{where}: {f.message}" + (f"\nlikely cause: {f.likely_cause}" if f.likely_cause else ""))
            if f in failing:
                out.append(f"      <failure type={quoteattr(f.code)} message={quoteattr(f.message)}>{body}</failure>")
            else:
                out.append(f"      <system-out>{escape(f.severity)}: {body}</system-out>")
        out.append("    </testcase>")
    out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"


def render_github(report: Report) -> str:
    """GitHub Actions workflow commands: one annotation per finding, with file and line."""
    level = {"error": "error", "warning": "warning", "info": "notice"}
    lines = []
    for f in report.findings:
        props = [f"file={_gh(f.path, True)}"]
        if f.line:
            props.append(f"line={f.line}")
        props.append(f"title={_gh(f.code, True)}")
        msg = f.message + (f" — likely cause: {f.likely_cause}" if f.likely_cause else "")
        if f.reviewed:
            msg += f" (reviewed: {_verdict(f)})"
        lines.append(f"::{level.get(f.severity, 'notice')} {','.join(props)}::{_gh(msg)}")
    return "\n".join(lines) + ("\n" if lines else "")


def _gh(s: str, prop: bool = False) -> str:
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        s = s.replace(":", "%3A").replace(",", "%2C")
    return s
