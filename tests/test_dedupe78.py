"""dedupe78: code written twice, now written once (byte-identical on drafts and relations).

- the months' names (kb/core/grammar.py) that drafts, linking, vet and the site share: the
  alternations built from them are the ones written out before ("Sep(?:t(?:ember)?)?");
- the nearest dating phrase either side of a number (kb/extract/drafts.py ``_nearest_phrase``),
  that the relative-year and the bare-month passes share.
"""
from __future__ import annotations

import re
from types import SimpleNamespace

from kb.core import grammar


def test_month_alternations_as_written_before():
    assert grammar.MONTH_NAMES_RE == ("January|February|March|April|May|June|July|August|September|October|November"
                                      "|December")
    assert grammar.MONTH_SHORT_RE == ("Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
                                      "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?")
    assert grammar.MONTH_ABBREVS_RE == "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"


def test_month_short_or_full_matches_each_form():
    short = re.compile(rf"(?:{grammar.MONTH_SHORT_RE})")
    for word in ("Sep", "Sept", "September", "Jun", "June", "May", "Jan", "January"):
        assert short.fullmatch(word), word
    for word in ("Septe", "Ma", "Janu", "Mayy"):
        assert not short.fullmatch(word), word


def test_month_numbers_by_name():
    assert grammar.MONTH_NUMBERS["sep"] == 9 and len(grammar.MONTH_NUMBERS) == 12
    # vet reads a front matter's "pubDate: 'Sept 18 2025'" or "February 1, 2026"
    assert grammar.MONTH_OF_NAME["sept"] == grammar.MONTH_OF_NAME["september"] == 9
    assert grammar.MONTH_OF_NAME["february"] == grammar.MONTH_OF_NAME["feb"] == 2
    from kb.extract.vet import _month
    assert _month("Sept") == 9 and _month("Juni") is None


def _draft(quote: str, number: str):
    at = quote.index(number)
    return SimpleNamespace(quote=quote, start=0, span_start=at, span_end=at + len(number))


def test_nearest_phrase_either_side_skips_money_after():
    from kb.extract.drafts import _BARE_MONTH_RE, _RELATIVE_YEAR_RE, _nearest_phrase

    word = lambda r: r.group(1).lower()
    # "It reached about $8 million in monthly revenue last year": the phrase after the number
    d = _draft("It reached about $8 million in monthly revenue last year", "$8 million")
    assert _nearest_phrase(_RELATIVE_YEAR_RE, d, word) == "last"
    # the nearer of two, either side
    d = _draft("Last year it spent $3 billion on chips, and far more this year", "$3 billion")
    assert _nearest_phrase(_RELATIVE_YEAR_RE, d, word) == "last"
    d = _draft("Last year it spent $3 billion, this year more", "$3 billion")
    assert _nearest_phrase(_RELATIVE_YEAR_RE, d, word) == "this"
    # one after the number with another amount between dates that amount, not this one
    d = _draft("revenue was $5 billion, up from $3 billion last year", "$5 billion")
    assert _nearest_phrase(_RELATIVE_YEAR_RE, d, word) is None
    # a phrase the value gives None for is passed over for the next nearest
    d = _draft("following a $6 billion round in May, and one in August", "$6 billion")
    mon = lambda r: None if r.group("mon") == "May" else r.group("mon")
    assert _nearest_phrase(_BARE_MONTH_RE, d, mon) == "August"


def test_hedge_words_shared_by_the_money_patterns():
    # the alternation the patterns of money before an amount share, each with words of its own
    from kb.extract import linking as L

    assert L._HEDGE_WORDS == r"about|around|roughly|nearly|approximately|almost|over|more[ \t]+than"
    assert L._OWN_VALUE_TO_RE.search("raising its value to close to ")
    assert L._OWN_VALUE_TO_RE.search("lifting Nvidia's market value to more than ")
    assert L._PROFIT_TO_RE.search("a 33% rise in profit, to roughly ")
    assert L._TOTAL_TO_BEFORE_RE.search("bringing its total to about ")
    assert L._RAISED_BEFORE_RE.search("is in talks to raise another ")
    assert L._CONTRACTS_WORTH_BEFORE_RE.search("signed contracts worth up to ")
    assert L._VALUED_NAME_AT_RE.search("PitchBook valued Enfabrica at approximately ")
    # not a hedge: a word that is none of them
    assert not L._PROFIT_TO_RE.search("a 33% rise in profit, to perhaps ")
    assert not L._OWN_VALUE_TO_RE.search("raising its value to well over ")
