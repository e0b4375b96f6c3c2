"""perf76: extraction work read once instead of once per number (output unchanged).

- The whole-text patterns of numbers grouped by spaces, commas, dots or LaTeX braces started
  with a look-behind, so the regex engine tried them at every position of the text (the text is
  scanned twice per extraction for spaced groups); each now starts with its first digit and
  looks behind from there, as ``_DOT_MILLIONS_RE`` already did. These tests pin that each
  matches exactly where its plain form, kept here, matches, and that the engine can scan for it.
- A table's columns of plans and of models are read once per table, not once per cell of
  each row (``_joined_plan_name``, ``_joined_model_names``).
- A sentence's names as its numbers read them (``_role_names`` of ``_grouped``) are read once
  per sentence, not once per number of it and of the sentences after it.
- The hints of ``_link_one`` ask once whether the unit is an amount of money.
"""
from __future__ import annotations

import random
import re
from re import _constants as C
from re import _parser

import pytest

from kb.core import grammar
from kb.extract import drafts, linking
from kb.extract.tables import find_tables

#: name -> the plain form the pattern had
PLAIN = {
    "_LATEX_THOUSANDS_RE": re.compile(r"(?<![0-9])[0-9]{1,3}(?:\{,\}[0-9]{3})+(?![0-9])"),
    "_COMMA_MILLIONS_RE": re.compile(r"(?<![0-9.,])[0-9]{1,3}(?:,[0-9]{3}){2,}(?![0-9]|[.,][0-9])"),
    "_DOT_GROUPS_RE": re.compile(r"(?<![0-9.,])[0-9]{1,3}(?:\.[0-9]{3})+(?![0-9]|[.,][0-9])"),
    "_EURO_NUM_RE": re.compile(r"(?<![0-9.,])[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?(?![0-9]|[.,][0-9])"
                               r"|(?<![0-9.,])[0-9]+,[0-9]{1,2}(?![0-9]|[.,][0-9])"
                               r"|(?<![0-9.,])[0-9]+,[0-9]{3}(?![0-9]|[.,][0-9])(?=[ \u00a0]?[$€])"),
    "_SPACE_GROUPS_RE": re.compile(r"(?<![0-9.,])(?<![0-9][ \u00a0\u202f])[1-9][0-9]{0,2}"
                                   r"(?:(?:[\u00a0\u202f][0-9]{3})+|(?: [0-9]{3}){2,}| 000)(?![0-9]|[.,][0-9]| [0-9])"),
    "_SPACED_RUN_RE": re.compile(r"(?<![0-9.,])(?<![0-9][ \u00a0\u202f])[1-9][0-9]{0,2}(?:[ \u00a0\u202f][0-9]{3})+"
                                 r"(?![0-9]|[.,][0-9])"),
}
#: the module each pattern lives in (the spaced thousands are read by the grammar's view)
MODULE = {"_SPACE_GROUPS_RE": grammar, "_SPACED_RUN_RE": grammar}

#: a quote each pattern is for
QUOTES = {"_LATEX_THOUSANDS_RE": r"$1{,}000{,}000$ tokens", "_COMMA_MILLIONS_RE": "1,000,000 tokens",
          "_DOT_GROUPS_RE": "1.600 GB/s", "_EURO_NUM_RE": "5.000,50 € und 2,5 %",
          "_SPACE_GROUPS_RE": "10 000 000 000 Watt, 100 000 GPUs, 10\u202f000 GPUs",
          "_SPACED_RUN_RE": "| 14 592 |, 1 500 €"}

PIECES = ["0", "1", "7", "12", "100", "000", "999", "2024", ",", ".", " ", "\u00a0", "\u202f", "{,}", "a", "$", "-",
          ",000", ".000", " 000", "{,}000", ",5", "\u202f000"]


def _random_text(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30)))


def _same(a, b) -> bool:
    return (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


@pytest.mark.parametrize("name", list(PLAIN))
def test_a_rewritten_pattern_matches_where_its_plain_form_does(name):
    fast, plain = getattr(MODULE.get(name, drafts), name), PLAIN[name]
    rng = random.Random(76)
    found = 0
    for _ in range(3000):
        t = _random_text(rng)
        spans = [(m.span(), m.groups()) for m in plain.finditer(t)]
        assert [(m.span(), m.groups()) for m in fast.finditer(t)] == spans, t
        assert plain.sub("#", t) == fast.sub("#", t), t
        found += bool(spans)
        for _ in range(4):
            lo = rng.randint(0, len(t))
            hi = rng.randint(lo, len(t))
            assert _same(fast.search(t, lo, hi), plain.search(t, lo, hi)), (t, lo, hi)
            assert _same(fast.match(t, lo, hi), plain.match(t, lo, hi)), (t, lo, hi)
    assert found > 5  # (the pattern had things to find)


def test_the_quotes_are_found_alike():
    for name, plain in PLAIN.items():
        q = QUOTES[name]
        assert plain.search(q) is not None
        assert [m.span() for m in getattr(MODULE.get(name, drafts), name).finditer(q)] == [m.span() for m in plain.finditer(q)], name


def _scanned_for_first_characters(rx: re.Pattern) -> bool:
    """Whether the pattern's first step is a character or a set of them (what re._compiler's
    prefix reading can scan for), or an alternation of such."""
    items = list(_parser.parse(rx.pattern, rx.flags))
    while items and items[0][0] is C.SUBPATTERN:
        items = list(items[0][1][3])
    if not items:
        return False
    op, av = items[0]
    return op in (C.LITERAL, C.IN) or op is C.BRANCH and all(alt and alt[0][0] in (C.LITERAL, C.IN) for alt in av[1])


@pytest.mark.parametrize("name", list(PLAIN))
def test_a_rewritten_pattern_is_scanned_for_its_first_digit(name):
    assert _scanned_for_first_characters(getattr(MODULE.get(name, drafts), name))
    assert not _scanned_for_first_characters(PLAIN[name])


def test_spaced_thousands_are_still_read_as_thousands():
    assert grammar.space_thousands("10 000 000 000 Watt, 100 000 GPUs") == "10,000,000,000 Watt, 100,000 GPUs"
    assert grammar.space_thousands("in 2024 100 000 GPUs") == "in 2024 100 000 GPUs"  # (no group after a year)


_PLANS = """| Product | Plan | Price |
|---|---|---|
| Claude | Pro | $20/month |
"""


class _Idx:
    """An index that names one product when its label and plan are read together."""

    entity_kind = {"claude-pro": "product", "claude-sonnet-4": "model"}

    def aliases_in(self, text):
        low = text.lower()
        out = []
        for alias, eid in (("claude pro", "claude-pro"), ("claude sonnet 4", "claude-sonnet-4")):
            at = low.find(alias)
            if at >= 0:
                out.append((at, at + len(alias), eid))
        return out


def test_a_tables_plan_columns_are_read_once():
    t = find_tables(_PLANS)[0]
    assert linking._joined_plan_name(_Idx(), t, 0, 2) == "claude-pro"
    assert t._plan_cols == frozenset({1})  # (kept on the table for its other cells)
    assert linking._joined_plan_name(_Idx(), t, 0, 1) is None  # (the plan is not before the number's cell)


def test_a_tables_model_columns_are_read_once():
    t = find_tables("| Vendor | Model | Price |\n|---|---|---|\n| Claude | Sonnet 4 | $3 |\n")[0]
    assert linking._joined_model_names(_Idx(), t, 0, 2) == ["claude-sonnet-4"]
    assert t._model_cols == frozenset({1})
    assert linking._joined_model_names(_Idx(), t, 0, 1) == []  # (the number in the model's cell)
    t2 = find_tables(_PLANS)[0]
    assert linking._joined_model_names(_Idx(), t2, 0, 2) == [] and t2._model_cols == frozenset()


def test_a_sentences_names_are_read_once():
    class Idx:
        groups = {}
        entity_kind = {"openai": "organisation"}
    view = "OpenAI raised $40 billion. It spent $8 billion."
    hits = [(0, 6, "openai")]
    starts = [0]
    idx = Idx()
    first = linking._sentence_roles(idx, view, hits, starts, 0, 26)
    assert first == ([(0, 6, "openai")], set())
    assert linking._sentence_roles(idx, view, hits, starts, 0, 26) is first  # (the same answer, not read again)
    assert linking._sentence_roles(idx, view, list(hits), starts, 0, 26) is not first  # (another text's hits)
