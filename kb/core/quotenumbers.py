"""The numbers a quote states, as :mod:`kb.core.grammar` reads them, kept on disk between runs.

``kb check`` compares each claim's value with the numbers its quote states; where the number
is not there as written it asks the grammar (:func:`~kb.core.grammar.plain_numbers_in`,
:func:`~kb.core.grammar.quantities_in`). Importing the grammar and compiling its tables costs
~0.1 s, a tenth of the whole check, for the same few hundred quotes each time. So the answers
are kept in a small file, keyed by the quote's text and by the source of the grammar, of
:mod:`kb.core.units` and ``units.txt``, of this module, and the installed pint: a changed quote
is a new key, a changed grammar a new file, so no answer is ever stale. When every answer is
there, the grammar is never imported. The file lives in ``$KB_CACHE_DIR`` (default: the
system's temporary folder), never in the project; one that cannot be read or written only
makes the check slower.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path

from kb.core.units import pint_stamp

__all__ = ["plain_numbers_in", "quantities_in"]

#: Answers kept per table at most (a knowledge base has a few hundred such quotes).
MAX_ENTRIES = 50_000

#: The modules (beside this one) whose text decides the answers.
SOURCES = ("grammar.py", "units.py", "units.txt", "quotenumbers.py")


class _Answers:
    def __init__(self, folder: Path | None = None, here: Path | None = None) -> None:
        here = here or Path(__file__).parent
        h = hashlib.sha256()
        for name in SOURCES:
            h.update((here / name).read_bytes())
        h.update(pint_stamp())
        folder = folder or Path(os.environ.get("KB_CACHE_DIR") or tempfile.gettempdir())
        self.path = folder / f"kb-quote-numbers-{h.hexdigest()[:16]}.json"
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.data = data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            self.data = {}
        self.dirty = False
        atexit.register(self.save)

    def get(self, table: str, text: str):
        t = self.data.get(table)
        return t.get(text) if isinstance(t, dict) else None

    def put(self, table: str, text: str, value) -> None:
        t = self.data.get(table)
        if not isinstance(t, dict):
            t = self.data[table] = {}
        if len(t) >= MAX_ENTRIES:
            return  # (a file that would only grow: what is not kept is computed each time)
        t[text] = value
        self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(self.data, sort_keys=True), encoding="utf-8")
            os.replace(tmp, self.path)
            self.dirty = False
        except (OSError, TypeError, ValueError):  # a cache that cannot be written is only slower
            pass


#: What JSON gives back as it was given (an int stays an int, a float a float).
_NUMBERS = (int, float)


@functools.lru_cache(maxsize=1)
def _answers() -> _Answers:
    return _Answers()


def plain_numbers_in(text: str) -> list[float]:
    """:func:`kb.core.grammar.plain_numbers_in`, answered from the file where it can be."""
    hit = _answers().get("plain", text)
    if isinstance(hit, list):
        return list(hit)
    from kb.core import grammar

    out = grammar.plain_numbers_in(text)
    if all(type(x) in _NUMBERS for x in out):
        _answers().put("plain", text, list(out))
    return out


def quantities_in(text: str) -> list[tuple[float, str | None]]:
    """:func:`kb.core.grammar.quantities_in`, answered from the file where it can be."""
    hit = _answers().get("quantities", text)
    if isinstance(hit, list):
        return [(v, u) for v, u in hit]
    from kb.core import grammar

    out = grammar.quantities_in(text)
    if all(type(v) in _NUMBERS and (u is None or type(u) is str) for v, u in out):
        _answers().put("quantities", text, [[v, u] for v, u in out])
    return out
