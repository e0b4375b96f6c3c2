"""Writing files of the knowledge base safely: all or nothing, never half a file.

:func:`atomic_write_bytes` writes to a temporary file in the target's folder, flushes it to
disk and renames it over the target, so a reader (or a crash) sees the old file or the new
one. A new file gets the usual permissions (0644 less the umask); an existing file keeps
its own. A device or a pipe (``/dev/null``, a FIFO) is written in place, never replaced by
a file. A failed write leaves no temporary file behind and raises
:class:`~kb.errors.WriteError` naming the file.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import tempfile
import time
from pathlib import Path

from kb.errors import WriteError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: The errors for which ``Path.exists()`` answers False.
_ABSENT = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)


def _temp_copy(path: Path, data: bytes, mode: int, durable: bool = True) -> str:
    """A temporary file in ``path``'s folder holding ``data`` (flushed to disk unless not
    ``durable``), with ``mode``: its name, for the caller to rename or link into place and to
    remove where that fails. (One removed here if writing it fails.)"""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def atomic_write_bytes(path: Path, data: bytes, durable: bool = True) -> None:
    """Write ``data`` to ``path`` all or nothing (see the module). ``durable=False`` skips the
    flush to disk: for a cache, where a file lost or cut short by a crash is only a miss."""
    path = Path(path)
    tmp = None
    try:
        try:
            st = path.stat()
        except OSError as exc:
            if exc.errno not in _ABSENT:
                raise
            st = None  # as Path.exists() answers False
        if st is not None and not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
            # a device or a pipe (``--out /dev/null``, ``/dev/stdout``, a FIFO) is written as it
            # is: renaming a file over it would put a regular file in its place
            with open(path, "wb") as fh:
                fh.write(data)
            return
        mode = st.st_mode & 0o7777 if st is not None else 0o666 & ~_umask()
        tmp = _temp_copy(path, data, mode, durable)
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
        tmp = _temp_copy(path, data, 0o666 & ~_umask())
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


#: The lock file of a folder of the knowledge base (git-ignored). Every read-modify-write of
#: a file in that folder (promoting drafts, writing a review) holds it.
LOCK_NAME = ".kb-write.lock"


#: How long a writer waits for a folder's lock, in seconds, unless ``KB_LOCK_TIMEOUT`` says
#: otherwise (a writer holds it for one read-modify-write, a knowledge base's load included).
LOCK_TIMEOUT = 60.0


def _lock_timeout() -> float:
    try:
        return float(os.environ.get("KB_LOCK_TIMEOUT", LOCK_TIMEOUT))
    except ValueError:
        return LOCK_TIMEOUT


@contextlib.contextmanager
def locked(folder: Path, timeout: float | None = None):
    """Hold the folder's write lock (an exclusive ``flock``) for a read-modify-write.

    While it is held, temporary files left by writers that were killed in that folder
    (``.<name>.*.tmp``) are removed. Raises :class:`~kb.errors.WriteError` after
    ``timeout`` seconds of waiting (default :data:`LOCK_TIMEOUT`, or the ``KB_LOCK_TIMEOUT``
    environment variable's).
    """
    folder = Path(folder)
    timeout = _lock_timeout() if timeout is None else timeout
    try:
        fh = open(folder / LOCK_NAME, "a+")
    except OSError as exc:
        raise WriteError(f"cannot lock {folder}: {exc.strerror or exc}") from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise WriteError(f"{folder} is locked by another kb command (waited {timeout:g} s)") from None
                time.sleep(0.02)
        for stale in folder.glob(".*.tmp"):
            try:
                stale.unlink()
            except OSError:
                pass
        yield
    finally:
        try:
            fcntl.flock(fh, fcntl.LOCK_UN)
        finally:
            fh.close()
