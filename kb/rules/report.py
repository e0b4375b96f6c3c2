"""A report in its output formats: text, JSON, JUnit XML, GitHub workflow commands.

Every format escapes what it prints: data from the knowledge base (a name with a newline, a
control character) can never forge an extra finding line, break the XML, or reach the
terminal raw. JSON has no NaN or infinity (those are ``null``).
"""

from __future__ import annotations

import json
import re

from kb.core.catalogue import RULES
from kb.core.findings import Finding

# C0 and C1 control characters, DEL, and the Unicode line and paragraph separators and
# bidirectional overrides that can make a line read as something else.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def plain(s: object) -> str:
    """One line of printable text: control characters written as escapes (``\\n``, ``\\x1b``)."""
    text = str(s)
    if not _CONTROL.search(text):
        return text

    def esc(m: re.Match) -> str:
        ch = m.group(0)
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch, f"\\u{ord(ch):04x}" if ord(ch) > 0xff else f"\\x{ord(ch):02x}")

    return _CONTROL.sub(esc, text)


def render(report, fmt: str = "text") -> str:
    return {"text": render_text, "json": render_json, "junit": render_junit, "github": render_github}[fmt](report)


def verdict_text(f: Finding) -> str:
    """``wrong`` for one claim; ``s001-x wrong, s000-y correct`` when several are reviewed."""
    if len(f.reviews) == 1:
        return f.reviews[0].verdict
    return ", ".join(f"{r.claim} {r.verdict}" for r in f.reviews)


def render_text(report) -> str:
    lines = []
    for f in report.findings:
        tag = f" (reviewed: {verdict_text(f)})" if f.reviewed else ""
        lines.append(f"{plain(f.where)}: {f.severity}[{f.code}] {plain(f.message)}{plain(tag)}")
        if f.likely_cause:
            lines.append(f"    likely cause: {plain(f.likely_cause)}")
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


def render_json(report) -> str:
    return json_indented(report.as_dict()) + "\n"


_SCALARS = frozenset({str, int, float, bool, type(None)})
_INF = float("inf")


def _floatstr(o: float) -> str:
    if o != o or o == _INF or o == -_INF:
        raise ValueError("Out of range float values are not JSON compliant: " + repr(o))
    return float.__repr__(o)


def json_indented(obj, default=str) -> str:
    """``json.dumps(obj, indent=2, ensure_ascii=False, allow_nan=False, default=default)``,
    the very same text, about twice as fast: with ``indent`` the standard library encodes in
    Python, one generator per container (~0.1 s of every ``kb check --format json``); here
    the mappings and lists of plain values (most of a report) go to the C encoder, each
    written with the separators of its depth, and the rest is walked once."""
    parts: list[str] = []
    app = parts.append
    markers: set[int] = set()
    leaf_encoders: dict[str, object] = {}
    enc = json.encoder.encode_basestring

    def leaf(o, inner: str) -> str:
        e = leaf_encoders.get(inner)
        if e is None:
            make = json.encoder.c_make_encoder
            if make is None:  # pragma: no cover - a Python without the C encoder
                return json.dumps(o, ensure_ascii=False, allow_nan=False, separators=("," + inner, ": "))
            e = leaf_encoders[inner] = make(None, default, enc, None, ": ", "," + inner, False, False, False)
        return "".join(e(o, 0))

    def key(k) -> str:
        if isinstance(k, str):
            return enc(k)
        if isinstance(k, float):
            return enc(_floatstr(k))
        if k is True:
            return '"true"'
        if k is False:
            return '"false"'
        if k is None:
            return '"null"'
        if isinstance(k, int):
            return enc(int.__repr__(k))
        raise TypeError(f"keys must be str, int, float, bool or None, not {k.__class__.__name__}")

    def enter(o) -> int:
        i = id(o)
        if i in markers:
            raise ValueError("Circular reference detected")
        markers.add(i)
        return i

    def value(o, nl: str) -> None:
        t = type(o)
        if t is str:
            app(enc(o))
        elif o is None:
            app("null")
        elif o is True:
            app("true")
        elif o is False:
            app("false")
        elif t is int:
            app(int.__repr__(o))
        elif t is float:
            app(_floatstr(o))
        elif t is dict:
            mapping(o, nl)
        elif t is list or t is tuple:
            sequence(o, nl)
        elif isinstance(o, str):
            app(enc(o))
        elif isinstance(o, int):
            app(int.__repr__(o))
        elif isinstance(o, float):
            app(_floatstr(o))
        elif isinstance(o, (list, tuple)):
            sequence(o, nl)
        elif isinstance(o, dict):
            mapping(o, nl)
        else:
            i = enter(o)
            value(default(o), nl)
            markers.discard(i)

    def mapping(o: dict, nl: str) -> None:
        if not o:
            app("{}")
            return
        inner = nl + "  "
        for k, v in o.items():
            if type(k) is not str or type(v) not in _SCALARS:
                break
        else:  # plain keys and values: the C encoder, with this depth's separator
            app("{" + inner + leaf(o, inner)[1:-1] + nl + "}")
            return
        i = enter(o)
        sep = "{" + inner
        for k, v in o.items():
            head = sep + (enc(k) if type(k) is str else key(k)) + ": "
            t = type(v)
            if t is str:  # the plain values inline, as value() writes them
                app(head + enc(v))
            elif v is None:
                app(head + "null")
            elif t is int:
                app(head + int.__repr__(v))
            elif t is float:
                app(head + _floatstr(v))
            else:
                app(head)
                value(v, inner)
            sep = "," + inner
        app(nl + "}")
        markers.discard(i)

    def sequence(o, nl: str) -> None:
        if not o:
            app("[]")
            return
        inner = nl + "  "
        for v in o:
            if type(v) not in _SCALARS:
                break
        else:
            app("[" + inner + leaf(o, inner)[1:-1] + nl + "]")
            return
        i = enter(o)
        sep = "[" + inner
        for v in o:
            app(sep)
            value(v, inner)
            sep = "," + inner
        app(nl + "]")
        markers.discard(i)

    value(obj, "\n")
    return "".join(parts)


def _xml(s: object) -> str:
    return _XML_BAD.sub(lambda m: f"\\x{ord(m.group(0)):02x}", str(s))


def render_junit(report) -> str:
    """One test case per rule of the catalogue; each finding that fails a rule is a
    <failure> of its case, the others are <system-out> lines."""
    # imported here: xml.sax.saxutils imports urllib.request (http, email, ssl), ~35 ms that
    # every other format would pay
    from xml.sax.saxutils import escape, quoteattr

    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    failing = {id(f) for f in report.findings
               if f.severity == "error" or (report.strict and f.kind == "content" and not f.reviewed)}
    n = len(RULES)
    out.append(f'<testsuites name="kb check" tests="{n}" failures="{len(failing)}">')
    out.append(f'  <testsuite name="kb check" tests="{n}" failures="{len(failing)}">')
    by_code: dict[str, list[Finding]] = {}
    for f in report.findings:
        by_code.setdefault(f.code, []).append(f)
    for rid in RULES:
        out.append(f'    <testcase classname="kb.rules" name={quoteattr(rid)}>')
        for f in by_code.get(rid, []):
            body = escape(_xml(f"{f.where}: {f.message}" + (f"\nlikely cause: {f.likely_cause}" if f.likely_cause else "")))
            if id(f) in failing:
                out.append(f"      <failure type={quoteattr(f.code)} message={quoteattr(_xml(f.message))}>{body}</failure>")
            else:
                out.append(f"      <system-out>{escape(f.severity)}: {body}</system-out>")
        out.append("    </testcase>")
    out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"


def render_github(report) -> str:
    """GitHub Actions workflow commands: one annotation per finding, with file and line."""
    level = {"error": "error", "warning": "warning", "info": "notice"}
    lines = []
    for f in report.findings:
        props = [f"file={_gh(f.path, True)}"]
        if f.line:
            props.append(f"line={f.line}")
        props.append(f"title={_gh(f.code, True)}")
        msg = f.message + (f" (likely cause: {f.likely_cause})" if f.likely_cause else "")
        if f.reviewed:
            msg += f" (reviewed: {verdict_text(f)})"
        lines.append(f"::{level.get(f.severity, 'notice')} {','.join(props)}::{_gh(msg)}")
    return "\n".join(lines) + ("\n" if lines else "")


def _gh(s: str, prop: bool = False) -> str:
    s = str(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    s = plain(s)
    if prop:
        s = s.replace(":", "%3A").replace(",", "%2C")
    return s
