"""The loaded knowledge base kept between runs, with what it was made from.

A ``kb check`` with a warm parse cache still spends ~0.3 s turning parsed files into records
(validating every field, normalising every value). When the files have not changed, that
work gives the same :class:`~kb.core.records.KnowledgeBase` every time, so the loader keeps
it in one file of the project's parse cache folder (``.cache/kb-load.pickle``, used under
the same conditions as the parse cache: see :func:`kb.store.load.parse_cache_dir`).

What decides a load is recorded while it runs, as *observations*: each folder listed (the
names it would read, and for each whether it is a file, a symbolic link and where that
leads), each file read (a hash of the very bytes parsed), each path resolved and each
existence asked, each the answer the loader itself got.
The snapshot is used only when every observation, made again, gives the same answer, and
when it was written by the same code: the file is keyed by a hash of the sources of
``kb.core`` and ``kb.store`` (with ``units.txt``), of the installed pint and PyYAML, of the
Python version and of the project's folder. Any difference, an unreadable or damaged file, or a
load that met an error of the file system (its message could differ next time) means a
plain load; so a snapshot can make a load faster, never different.
"""

from __future__ import annotations

import collections
import dataclasses
import functools
import hashlib
import io
import operator
import os
import pickle
import sys
import types
from itertools import repeat
from pathlib import Path
from typing import Any

#: The snapshot's file name in the parse cache folder's parent (``.cache``).
NAME = "kb-load.pickle"

#: A knowledge base whose files hold more bytes than this is not kept (its snapshot would
#: cost more memory and writing than the loading it saves).
MAX_BYTES = 64_000_000

_HERE = Path(__file__).resolve().parent


def code_key(root: Path) -> str:
    """What made the snapshot: the sources of ``kb.core`` and ``kb.store`` (and
    ``units.txt``), ``kb/errors.py``, the installed pint and PyYAML, Python's version and the
    root."""
    from kb.core.units import pint_stamp

    h = hashlib.blake2b(digest_size=16)
    pkg = _HERE.parent
    for folder in (pkg / "core", pkg / "store"):
        for p in sorted(folder.iterdir()):
            if p.suffix in (".py", ".txt"):
                h.update(p.name.encode())
                h.update(p.read_bytes())
    h.update((pkg / "errors.py").read_bytes())
    h.update(pint_stamp())
    h.update(yaml_stamp())
    h.update(sys.version.encode())
    h.update(os.fsencode(str(root)))
    return h.hexdigest()


def yaml_stamp() -> bytes:
    """What identifies the installed PyYAML (it parses every file), found as
    :func:`kb.core.units.pint_stamp` finds pint's."""
    from kb.core.units import dist_stamp

    return dist_stamp("yaml", "[Pp][Yy][Yy][Aa][Mm][Ll]", "PyYAML")


def listing(folder: Path) -> tuple | None:
    """What :meth:`kb.store.load._Loading.files_in` decides from (it reads the folder through
    this function): ``None`` when ``folder`` is not a folder, else each entry it considers
    (not hidden, ending ``.yaml`` or ``.yml``), in name order, with whether it is a symbolic
    link, where that resolves (``None``: nowhere, or a loop) and whether it is a file. An
    error listing the folder is raised."""
    if not folder.is_dir():
        return None
    out = []
    for p in sorted(folder.iterdir()):
        name = p.name
        if name.startswith(".") or p.suffix.lower() not in (".yaml", ".yml"):
            continue
        link = p.is_symlink()
        out.append((name, link, resolved(p) if link else None, p.is_file()))
    return tuple(out)


def digest_of(raw: bytes) -> tuple[str, int]:
    """A hash of bytes, and their number."""
    return hashlib.blake2b(raw, digest_size=20).hexdigest(), len(raw)


def digest(path: Path) -> tuple[str, int]:
    """:func:`digest_of` a file's bytes (an error reading it is raised)."""
    return digest_of(path.read_bytes())


def resolved(path: Path) -> str | None:
    """Where ``path`` leads (``None``: nowhere, or a loop of links)."""
    try:
        return str(path.resolve(strict=True))
    except (OSError, RuntimeError):
        return None


def exists(path: Path) -> bool:
    return path.exists()


_MAKE = {"ls": listing, "bytes": digest, "resolve": resolved, "exists": exists}


class Recorder:
    """The observations of one load, in order: the answers the loader itself got (a folder's
    listing, where a path leads, whether a file exists) and a hash of the very bytes it
    parsed. ``ok`` turns false for good when a file could not be read (the next load could
    meet another error), or the files are too large to keep."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str, Any]] = []
        self.ok = True
        self.bytes = 0

    def note(self, kind: str, path: Path, answer: Any) -> None:
        if self.ok:
            self.seen.append((kind, str(path), answer))

    def bytes_of(self, path: Path) -> "_Bytes":
        """A callable for the bytes of ``path`` as read; its ``done()`` after the read marks
        the load unsure if it was never called (the file could not be read)."""
        return _Bytes(self, path)

    def unsure(self) -> None:
        self.ok = False


class _Bytes:
    __slots__ = ("recorder", "path", "called")

    def __init__(self, recorder: Recorder, path: Path) -> None:
        self.recorder, self.path, self.called = recorder, path, False

    def __call__(self, raw: bytes) -> None:
        self.called = True
        rec = self.recorder
        if not rec.ok:
            return
        rec.bytes += len(raw)
        if rec.bytes > MAX_BYTES:
            rec.ok = False
            return
        rec.seen.append(("bytes", str(self.path), digest_of(raw)))

    def done(self) -> None:
        if not self.called:
            self.recorder.unsure()


def still_true(seen) -> bool:
    """Whether every observation, made again now, gives the answer it gave."""
    try:
        for kind, path, answer in seen:
            if _MAKE[kind](Path(path)) != answer:
                return False
    except (OSError, RuntimeError, KeyError, TypeError, ValueError):
        return False
    return True


# Frozen dataclasses with slots pickle through a ``__setstate__`` written in Python that looks
# up the fields of each object again (~2/3 of reading a snapshot). The snapshot's own pickler
# writes each such record as its class, its field names (one shared tuple per class, which
# pickle writes once) and its values; :func:`_rebuild` sets them through the slots' own
# descriptors, as the class's ``__init__`` would but without a Python step per field, and
# without running ``__init__`` again (the values were checked when first made).
_new = object.__new__
_call = operator.call
_consume = collections.deque(maxlen=0).extend


@functools.lru_cache(maxsize=None)
def _setters(cls, names: tuple[str, ...]) -> tuple:
    return tuple(getattr(cls, n).__set__ for n in names)


def _rebuild(cls, names: tuple[str, ...], values: tuple) -> Any:
    obj = _new(cls)
    _consume(map(_call, _setters(cls, names), repeat(obj), values))
    return obj


@functools.lru_cache(maxsize=None)
def _names(cls) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


@functools.lru_cache(maxsize=None)
def _fields_of(cls) -> tuple[tuple[str, ...], Any]:
    """The field names of a class, and a function giving an object's values in that order."""
    names = _names(cls)
    get = operator.attrgetter(*names)
    return names, (get if len(names) > 1 else lambda obj: (get(obj),))


def _reduce(obj: Any):
    cls = type(obj)
    names, values = _fields_of(cls)
    return _rebuild, (cls, names, values(obj))


def _dispatch() -> dict:
    """A reducer for every frozen dataclass with slots (every field a slot) of the modules a load
    builds from."""
    from kb.core import findings, intervals, records

    table = {}
    for module in (records, findings, intervals):
        for cls in vars(module).values():
            if (isinstance(cls, type) and cls.__module__ == module.__name__ and dataclasses.is_dataclass(cls)
                    and "__slots__" in cls.__dict__ and cls.__dataclass_params__.frozen
                    and all(isinstance(getattr(cls, n, None), types.MemberDescriptorType) for n in _names(cls))):
                table[cls] = _reduce
    return table


def dumps(kb: Any) -> bytes:
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _dispatch()
    pickler.dump(kb)
    return buf.getvalue()


def read(cache: Path, root: Path):
    """The knowledge base kept in ``cache`` for ``root``, if it is still what a load gives;
    else ``None``."""
    try:
        with open(cache / NAME, "rb") as fh:
            head = pickle.load(fh)
            if not (isinstance(head, tuple) and len(head) == 2 and head[0] == code_key(root)
                    and still_true(head[1])):
                return None
            return pickle.load(fh)
    except Exception:  # noqa: BLE001 - a damaged or foreign file is no snapshot
        return None


def write(cache: Path, root: Path, recorder: Recorder, kb: Any) -> None:
    """Keep ``kb`` with the observations that decided it. The file is replaced atomically but
    not flushed to the disk (a cache: one lost or cut short by a crash does not unpickle, and
    is no snapshot). A folder that cannot be written is no cache."""
    if not recorder.ok:
        return
    try:
        from kb.store.write import atomic_write_bytes

        data = (pickle.dumps((code_key(root), recorder.seen), protocol=pickle.HIGHEST_PROTOCOL)
                + dumps(kb))
        cache.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(cache / NAME, data, durable=False)
    except Exception:  # noqa: BLE001 - a snapshot that cannot be made or written is no cache
        pass
