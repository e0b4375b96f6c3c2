"""Reading a source file: plain text kept as it is, HTML reduced to its main text.

``read_source_text(path)`` returns the text the knowledge base stores, hashes and quotes:

- ``.txt``, ``.md``, ``.text``, ``.markdown``: the UTF-8 text exactly as in the file
  (a byte-order mark, if any, is kept too: offsets refer to what is stored);
- ``.html``, ``.htm``, ``.xhtml``, and files of any other (or no) extension whose content
  starts like an HTML document: the main text extracted with trafilatura (scripts, styles,
  navigation, headers, footers and comments dropped; one paragraph, heading or list item
  per line). Tables stay tables: each is written as a Markdown pipe table, one row per
  line, with a ``|---|`` line under its first row, so that every cell keeps its row and
  column (the extractor reads a number in a cell with its headers). The extraction is
  deterministic: same bytes, same text.

Problems raise :class:`~kb.errors.IngestError` with a one-line message meant for the user: a missing
file, a directory, an empty file, a binary file (NUL bytes), a file that is not UTF-8, a file
larger than ``max_bytes`` (refused before reading), an HTML page with no main text.
"""
from __future__ import annotations

import re
from pathlib import Path

from kb.errors import IngestError

__all__ = ["IngestError", "read_source_text", "is_html", "html_to_text", "TEXT_SUFFIXES", "HTML_SUFFIXES"]

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_HTML_SNIFF = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
                         re.IGNORECASE | re.DOTALL)


def is_html(path: Path, head: bytes) -> bool:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return True
    if suffix in TEXT_SUFFIXES:
        return False
    return bool(_HTML_SNIFF.match(head[:4096]))


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def read_source_text(path: Path, max_bytes: int = 20_000_000) -> str:
    """The text to store for the source file at ``path`` (see the module docstring)."""
    path = Path(path)
    try:
        if path.is_dir():
            raise IngestError("is a directory, not a file")
        size = path.stat().st_size
    except FileNotFoundError:
        raise IngestError("no such file") from None
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}") from None
    if size > max_bytes:
        raise IngestError(f"file is {_mb(size)}, larger than the {_mb(max_bytes)} limit for a source; "
                          "split it into smaller files first")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:  # grew while we looked
        raise IngestError(f"file is larger than the {_mb(max_bytes)} limit for a source")
    if not data.strip():
        raise IngestError("file is empty" if not data else "file contains only whitespace")
    if b"\x00" in data:
        raise IngestError("file looks binary (it contains NUL bytes); give a text or HTML file")
    if is_html(path, data):
        text = html_to_text(data)
        if not text.strip():
            raise IngestError("no main text found in the HTML page (only scripts, styles or navigation)")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IngestError(f"file is not valid UTF-8 (byte {exc.start}); convert it to UTF-8 first") from None


def _decode_html(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", data[:4096], re.IGNORECASE)
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    raise IngestError("HTML page is neither UTF-8 nor in the charset its <meta> declares")


_POW10_SUP_RE = re.compile(r"(?<![0-9.,])10[ \t]*<sup>[ \t]*([-−]?[0-9]{1,3})[ \t]*</sup>", re.IGNORECASE)


def html_to_text(data: bytes | str) -> str:
    """Main text of an HTML page, one block per line (trafilatura, deterministic settings)."""
    import trafilatura
    from trafilatura.settings import use_config

    html = data if isinstance(data, str) else _decode_html(data)
    # a power of ten in superscript ("2.1 × 10<sup>25</sup>") would run together as "1025"
    html = _POW10_SUP_RE.sub(r"10^\1", html)
    config = use_config()
    # keep short pages (the default drops documents under 250 characters to a fallback that
    # keeps navigation), never time out differently from run to run
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    try:
        text = trafilatura.extract(html, config=config, include_comments=False, include_tables=True,
                                   include_images=False, include_links=False, deduplicate=False,
                                   output_format="txt", with_metadata=False)
    except Exception as exc:  # noqa: BLE001 - a broken page is a user-facing problem
        raise IngestError(f"cannot parse the HTML page: {type(exc).__name__}") from None
    if not text:
        return ""
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(_tables_with_header_rule([ln for ln in lines if ln.strip()])) + "\n"


_PIPE_ROW_RE = re.compile(r"^\s*\|.*\|\s*$")
_RULE_RE = re.compile(r"^\s*\|(?:\s*:?-{2,}:?\s*\|)+\s*$")


def _tables_with_header_rule(lines: list[str]) -> list[str]:
    """Give every pipe table trafilatura wrote a ``|---|`` line under its first row (it
    writes one only when the HTML marks a header row), so that it reads as a Markdown
    table whose first row is the header."""
    out = []
    i = 0
    while i < len(lines):
        if _PIPE_ROW_RE.match(lines[i]) and i + 1 < len(lines) and _PIPE_ROW_RE.match(lines[i + 1]) \
                and (i == 0 or not _PIPE_ROW_RE.match(lines[i - 1])):
            out.append(lines[i])
            if not _RULE_RE.match(lines[i + 1]):
                cells = lines[i].strip().strip("|").split("|")
                out.append("|" + "|".join("---" for _ in cells) + "|")
            i += 1
            continue
        out.append(lines[i])
        i += 1
    return out
