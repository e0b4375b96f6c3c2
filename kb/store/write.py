"""Writing files of the knowledge base safely: all or nothing, never half a file.

:func:`atomic_write_bytes` writes to a temporary file in the target's folder, flushes it to
disk and renames it over the target, so a reader (or a crash) sees the old file or the new
one. A new file gets the usual permissions (0644 less the umask); an existing file keeps
its own. A failed write leaves no temporary file behind and raises
:class:`~kb.errors.WriteError` naming the file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kb.errors import WriteError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path = Path(path)
    tmp = None
    try:
        mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask()
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise WriteError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8, line endings as given (nothing is translated)."""
    atomic_write_bytes(path, text.encode("utf-8"))


def write_new(path: Path, data: bytes) -> None:
    """Write a file that must not exist yet, atomically: a hard link from a complete
    temporary file, so a second writer or an existing file is refused, never overwritten."""
    path = Path(path)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.link(tmp, path)  # fails if path exists
    except FileExistsError:
        raise WriteError(f"{path} already exists; it is never overwritten") from None
    except OSError as exc:
        raise WriteError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
