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

import functools
from pathlib import Path

from kb.core.units import DiskCache

__all__ = ["plain_numbers_in", "quantities_in", "durations_in_minutes", "durations_in_seconds"]

#: Answers kept per table at most (a knowledge base has a few hundred such quotes).
MAX_ENTRIES = 50_000

#: The modules (beside this one) whose text decides the answers.
SOURCES = ("grammar.py", "units.py", "units.txt", "quotenumbers.py")


class _Answers(DiskCache):
    def __init__(self, folder: Path | None = None, here: Path | None = None) -> None:
        here = here or Path(__file__).parent
        super().__init__("kb-quote-numbers", [here / name for name in SOURCES], folder)

    def put(self, table: str, text: str, value, limit: int | None = None) -> None:
        super().put(table, text, value, MAX_ENTRIES if limit is None else limit)


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


def durations_in_minutes(text: str) -> list[float]:
    """The durations ``text`` writes in hours and minutes ("2h 10min": 130.0), as
    :func:`kb.core.grammar.hours_and_minutes` reads them for drafts; from the file where it can be."""
    return _compound_durations("hours-minutes", "hours_and_minutes", text)


def durations_in_seconds(text: str) -> list[float]:
    """The durations ``text`` writes in minutes and seconds ("13min 13s": 793.0), as
    :func:`kb.core.grammar.minutes_and_seconds` reads them for drafts; from the file where it can be."""
    return _compound_durations("minutes-seconds", "minutes_and_seconds", text)


def _compound_durations(kind: str, reader: str, text: str) -> list[float]:
    """The totals of the two-unit durations the grammar's ``reader`` finds in ``text``, kept in
    the file under ``kind`` (:func:`durations_in_minutes`, :func:`durations_in_seconds`); the
    grammar is imported only when the file has no answer."""
    hit = _answers().get(kind, text)
    if isinstance(hit, list):
        return list(hit)
    from kb.core import grammar

    out = [float(x.total) for x in getattr(grammar, reader)(text)]
    _answers().put(kind, text, out)
    return out
