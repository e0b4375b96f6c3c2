"""Text for the generated pages: escaping for HTML, Markdown and a JSON-LD script, safe
URLs, slugs, number formatting, and the small HTML pieces (tables, definition lists,
verdict badges) the pages are built from.

Every text that comes from a source, a claim or a dataset is untrusted: it reaches the
Markdown parser either HTML-escaped inside a ``{raw} html`` block (:func:`esc`, :func:`raw`)
or backslash-escaped as plain text (:func:`md`); links are emitted only for http(s) URLs
(:func:`safe_url`); the JSON-LD is escaped for a script context (:func:`json_script`).
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
from typing import Any
from urllib.parse import quote as _urlquote, urlsplit

from kb.core.findings import Finding
from kb.core.records import format_number


# ----------------------------------------------------------------------------- escaping


def esc(s: Any) -> str:
    """HTML-escape text for element content and quoted attributes (backticks too, so that
    escaped text can never close the Markdown fence of the raw block it sits in)."""
    return html.escape("" if s is None else str(s), quote=True).replace("`", "&#96;")


_MD_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")


def md(s: Any) -> str:
    """Untrusted text as literal MyST inline text: one line, every ASCII punctuation
    character backslash-escaped (CommonMark then treats it as a literal character)."""
    return _MD_PUNCT.sub(r"\\\1", " ".join(str(s or "").split()))


def json_script(data: Any, compact: bool = False) -> str:
    """JSON for a ``<script type="application/ld+json">`` element: nothing in it can close
    the element or start markup (``<``, ``>``, ``&`` become ``\\u003c`` etc.)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, allow_nan=False,
                      **({"separators": (",", ":")} if compact else {"indent": 1}))
    for ch, rep in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("`", "\\u0060"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, rep)
    return text


def safe_url(url: Any) -> str | None:
    """The URL if it is an absolute http(s) URL, else None (no javascript:, data:, ...)."""
    if not isinstance(url, str) or not url.strip():
        return None
    u = url.strip()
    try:
        parts = urlsplit(u)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return u


def frag(s: str) -> str:
    return _urlquote(str(s), safe="-._~")


def raw(body: str) -> str:
    """A MyST ``{raw} html`` block. ``body`` is built from escaped parts only."""
    assert "`" not in body, "raw HTML must not contain backticks"
    return "```{raw} html\n" + body.strip("\n") + "\n```\n"


def fence(text: str, lang: str = "text") -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    f = "`" * max(3, longest + 1)
    return f"{f}{lang}\n{text.rstrip()}\n{f}\n"


SLUG_OK = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,80}")


def slug(ident: str) -> str:
    """A file-name-safe, stable slug for an id (ids are data, hence untrusted)."""
    s = str(ident)
    if SLUG_OK.fullmatch(s) and not s.endswith(".") and s.lower() != "index":
        return s
    clean = re.sub(r"[^A-Za-z0-9_-]+", "-", s).strip("-")[:60] or "x"
    return f"{clean}-{hashlib.sha1(s.encode()).hexdigest()[:8]}"


def axis_number(x: float | None) -> str:
    if x is None:
        return "?"
    if isinstance(x, float) and math.isinf(x):
        return "∞"
    if isinstance(x, float) and x != 0 and (abs(x) < 1e-3 or abs(x) >= 1e15):
        return f"{x:.4g}"
    return format_number(round(x, 6) if isinstance(x, float) else x)


# ----------------------------------------------------------------------------- HTML pieces


def verdict_badge(verdict: str | None) -> str:
    return f'<span class="kb-verdict kb-verdict-{esc(verdict)}">{esc(verdict)}</span>' if verdict else ""


def verdict_html(f: Finding) -> str:
    """The reviews of a finding's claims: one badge, or each claim with its badge."""
    if len(f.reviews) == 1:
        return verdict_badge(f.reviews[0].verdict)
    return "; ".join(f'<span class="kb-id">{esc(r.claim)}</span> {verdict_badge(r.verdict)}' for r in f.reviews)


def table(headers: list[str], rows: list[str], cls: str = "", attrs: str = "") -> str:
    """A table; each cell carries its column's header as ``data-label``, which the narrow
    layout (kb.css) prints when the rows become cards."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    c = f"kb-table table {cls}".strip()
    labels = [f'<td data-label="{esc(h)}">' for h in headers]

    def label(row: str) -> str:
        parts = row.split("<td>")
        return parts[0] + "".join((labels[i] if i < len(labels) else "<td>") + part for i, part in enumerate(parts[1:]))

    return (f'<div class="kb-table-wrap"><table class="{c}"{attrs}><thead><tr>{head}</tr></thead>'
            f"<tbody>\n" + "\n".join(label(r) for r in rows) + "\n</tbody></table></div>")


def td(*cells: str) -> str:
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def dl(items: list[tuple[str, str]]) -> str:
    body = "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in items if v not in (None, ""))
    return f'<dl class="kb-fields">{body}</dl>'
