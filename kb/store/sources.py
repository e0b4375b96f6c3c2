"""Registering a source: its text is copied into datasets/sources/, hashed and never edited."""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from pathlib import Path

import yaml

from kb.errors import IngestError, SourceError, WriteError
from kb.store.write import write_new


def source_id_for(path: Path) -> str:
    """A source id from a file name: lower case letters, digits, ``_`` and ``-``."""
    stem = path.name.split(".")[0] if path.name.count(".") > 1 and path.suffix in {".html", ".htm", ".txt"} else path.stem
    sid = re.sub(r"[^a-z0-9_-]+", "-", stem.lower()).strip("-_")
    if not sid:
        raise SourceError(f"cannot make a source id from the file name {path.name!r}: pass --id")
    return sid


def add_source(root: Path, file: Path, *, title: str, publisher: str, published: str | None = None,
               url: str | None = None, author: str | None = None, trust: str = "web",
               source_id: str | None = None) -> dict:
    """Copy ``file``'s text into ``datasets/sources/<id>.txt`` with ``<id>.yaml`` metadata.

    Saved HTML pages are reduced to their main text first (see :mod:`kb.ingest`). Refuses to
    overwrite an existing source, an empty or non-UTF-8 file, and a malformed date.
    """
    from kb.store.ingest import read_source_text

    if not file.is_file():
        raise SourceError(f"no such file: {file}")
    try:
        text = read_source_text(file)
    except IngestError as exc:
        raise SourceError(f"{file}: {exc}") from None
    if not text.strip():
        raise SourceError(f"{file}: the file has no text")
    sid = source_id or source_id_for(file)
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", sid):
        raise SourceError(f"source id {sid!r} must be lower case letters, digits, '_' and '-'")
    if published is not None:
        try:
            published_date = _dt.date.fromisoformat(published)
        except ValueError:
            raise SourceError(f"--published must be a date YYYY-MM-DD, not {published!r}") from None
    else:
        published_date = None
    folder = root / "datasets" / "sources"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(f"cannot create {folder}: {exc.strerror or exc}") from None
    txt, meta_path = folder / f"{sid}.txt", folder / f"{sid}.yaml"
    if txt.exists() or meta_path.exists():
        raise SourceError(f"source {sid!r} already exists (datasets/sources/{sid}.*); sources are never overwritten: pass another --id")
    data = text.encode("utf-8")
    meta = {
        "id": sid,
        "title": title,
        "publisher": publisher,
        "author": author,
        "published": published_date,
        "url": url,
        "original_filename": file.name,
        "sha256": hashlib.sha256(data).hexdigest(),
        "trust": trust,
    }
    write_new(txt, data)
    try:
        write_new(meta_path, yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=120).encode("utf-8"))
    except BaseException:
        txt.unlink(missing_ok=True)
        raise
    return meta
