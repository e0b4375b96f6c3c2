"""The grammar's first-character dispatch reads patterns with Python's private ``re._parser``;
where that is missing or reads otherwise, the dispatch must still give the whole pattern's
matches (every alternative tried), never fewer."""

import re

import pytest

from kb.core import grammar

ALTS = [("a", r"(?i:kw?h)"), ("b", r"GPUs?"), ("c", r"[0-9]+ ?ms"), ("d", r"(?:per )?hour"), ("e", r"x*y")]
TEXTS = ["kWh", "KH", "GPUs", "12 ms", "per hour", "hour", "y", "xxy", "zzz", "", "é"]


def _matches(rx, texts):
    out = []
    for t in texts:
        m = rx.match(t)
        out.append(None if m is None else (m.lastgroup, m.group(0)))
    return out


def test_dispatch_gives_the_whole_patterns_matches():
    d = grammar._ByFirstChar(ALTS, r"(?![A-Za-z0-9])")
    assert _matches(d, TEXTS) == _matches(d.plain, TEXTS)
    assert d.match("kWh") is not None and d.match("zzz") is None


@pytest.mark.parametrize("breakage", ["missing", "raises"])
def test_without_the_private_parser_every_alternative_is_tried(monkeypatch, breakage):
    if breakage == "missing":
        monkeypatch.delattr(re, "_parser", raising=False)
    else:
        class Changed:
            @staticmethod
            def parse(pattern):
                raise TypeError("a parser of another shape")
        monkeypatch.setattr(re, "_parser", Changed, raising=False)
    d = grammar._ByFirstChar(ALTS, r"(?![A-Za-z0-9])")
    got = _matches(d, TEXTS)
    monkeypatch.undo()
    assert got == _matches(d.plain, TEXTS)
    assert got[0] == ("a", "kWh") and got[2] == ("b", "GPUs") and got[8] is None
    assert all(f is None for f in d._firsts)  # the fallback: no alternative is skipped
