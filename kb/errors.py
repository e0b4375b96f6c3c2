"""The errors the library raises on purpose, under one base class.

Bad *data* is never an exception: it is a :class:`~kb.core.findings.Finding` with file and
line. An exception here means the caller asked for something that cannot be done (no
knowledge base at that folder, an unreadable unit text given to a function, a source that
already exists, a file that cannot be written). The command line maps every
:class:`KBError` to its ``exit_code`` in one place (:mod:`kb.cli`) and prints its message,
never a traceback.
"""

from __future__ import annotations


class KBError(Exception):
    """Base of every error :mod:`kb` raises on purpose. ``exit_code``: what ``kb`` exits with."""

    exit_code = 2


class NotAKnowledgeBase(KBError, FileNotFoundError):
    """No knowledge base (a folder with ``claims/`` and ``datasets/``) where one was expected."""


class UnitError(KBError, ValueError):
    """A unit text that the registry cannot read completely."""


class DeriveError(KBError, ValueError):
    """A value that cannot be derived (a categorical or unusable record, a bad division)."""


class SourceError(KBError):
    """A source that cannot be registered (exists already, unreadable, bad id or date)."""


class IngestError(SourceError):
    """A file that cannot be read as a source text (binary, too large, not decodable)."""


class ExtractError(KBError):
    """Drafts that cannot be proposed or written for a file."""


class PromoteError(KBError):
    """Drafts that cannot be promoted (no drafts, unknown ids, a curated file that cannot be read)."""


class ReviewError(KBError):
    """A review that cannot be recorded (unknown claim, bad verdict, unreadable file)."""


class WriteError(KBError):
    """A file of the knowledge base that cannot be written (disk full, read-only, locked)."""


class IntegrityError(KBError):
    """The knowledge base has integrity errors, so an analysis of it would be wrong.

    ``errors`` holds the findings; the message lists them as ``kb check`` prints them.
    In IPython and Jupyter it displays as its message alone, not as a traceback.
    """

    exit_code = 1

    def __init__(self, errors):
        self.errors = list(errors)
        n = len(self.errors)
        head = (f"the knowledge base has {n} integrity error{'s' if n != 1 else ''}, so no analysis is shown; "
                f"fix {'it' if n == 1 else 'them'} and run again (`kb check` reports the same):")
        lines = [head] + [f"  {f.where}: {f.severity}[{f.code}] {f.message}" for f in self.errors]
        super().__init__("\n".join(lines))

    def _render_traceback_(self) -> list[str]:  # IPython: show this instead of a traceback
        return [f"{type(self).__name__}: {self}"]
