"""perf75: patterns that started with "\\b" or a look-behind now start with their first
characters (output unchanged).

A pattern whose first step is a word boundary, a look-behind or an alternation under a
whole-pattern ``(?i)`` is tried by the regex engine at every position of the text or window
it searches; one whose first step is a plain character or set of characters is scanned for
them in C first. Each pattern below was rewritten so (the first letter, then
``(?<!\\w<letter>)`` for the "\\b" before it, the rest case-blind as before); these tests pin
that they match exactly where their plain forms, kept here, match (spans and groups, from
anywhere to anywhere, on random sentences with the characters that are one ignoring case:
"ſ" and "s", "İ", "ı" and "i"), and that the engine can scan for their first characters.
"""
from __future__ import annotations

import random
import re
from re import _constants as C
from re import _parser

import pytest

from kb.core import grammar
from kb.extract import drafts, linking

_COMPARED = r"compared\s+(?:to|with)"
_AGAINST = r"\b(?i:vs\.?|versus|" + _COMPARED + r"|against)\s+"
_VERSUS = _AGAINST + r"(?i:(?:about|around|roughly|nearly|just|only|some|an\s+estimated)\s+)?(?:[~≈][ \t]?)?"

#: (module, name) -> the plain form the pattern had
PLAIN = {
    (linking, "_RESPECTIVELY_RE"): re.compile(r"\brespectively\b"),
    (linking, "_TIER_WORD_RE"): re.compile(r"(?<![\w.-])[A-Z][a-z]{2,}(?![\w-])"),
    (linking, "_YEAR_ON_YEAR_RE"): re.compile(r"(?i)\b(?:yoy|y/y|year[- ]over[- ]year|year[- ]on[- ]year)\b"),
    (linking, "_VERB_BETWEEN_RE"): re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might"
                                              r"|must|shall|should|does|do|did)\b", re.I),
    (linking, "_RIVAL_OWNS_RE"): re.compile(_AGAINST + r"(?:the\s+)?" + linking._RIVAL_NAME
                                            + r"(?:['’]s[ \t]+|[ \t]+at[ \t]+)(?:[~≈][ \t]?)?[$€£]?$"),
    (linking, "_VERSUS_RIGHT_BEFORE_RE"): re.compile(_VERSUS + r"$"),
    (grammar, "_RATE_BEFORE_RE"): re.compile(
        r"(?i)\b(?P<w>hourly|daily|weekly|monthly|yearly|annual|annually|per[ -](?:hour|day|week|month|year))"
        r"(?:[ \t]+[\w-]+){0,3}?(?:[ \t]*[:=][ \t]*|[ \t]+(?:rate|price|cost|costs|bill|fee|spend|spending|charge|usage)s?"
        r"(?:[ \t]+(?:of|is|was|are|were|at|about|around|roughly|~))*[ \t]*"
        r"|[ \t]+(?:rate|price|cost|costs|bill|fee|spend|spending|charge|usage)s?[ \t]+(?:(?:has|have|had)[ \t]+)?"
        r"(?:jumped|rose|risen|grew|grown|climbed|went|gone|increased|fell|fallen|dropped|ballooned|shot[ \t]+up)"
        r"[ \t]+(?:from|to)[ \t]+)$"),
    (grammar, "_ANNUALISED_BEFORE_RE"): re.compile(
        r"(?i)(?:\brevenue\s+run[- ]?rate|\bARR|\bannuali[sz]ed\s+(?:revenue|sales))"
        r"(?:\s+(?:of|at|to|is|was|hit|hits|crossed|reached|topped|passed|surpassed"
        r"|exceeded|above|over|near|nearly|about|around|roughly|approximately))*\s*[~≈]?\s*$"),
    (grammar, "_VOLUME_PERIOD_BEFORE_RE"): re.compile(
        r"(?i)\bat[ \t]+[0-9][0-9,.]*[ \t]?(?:k|m|thousand|million)?[ \t]+[a-z]+(?:[ \t]+[a-z]+)?[ \t]+"
        r"(?:a|per|each|every)[ \t]+(?P<t>day|week|month|year)\b,[^.;:\n$0-9]{0,50}$"),
    (grammar, "_PCT_NOUN_PARTS"): re.compile(r"\b(?:premium|mark|uplift|discount)"),
    (drafts, "_FACTOR_OF_RE"): re.compile(
        r"(?i)\bfactor\s+of\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+|~)?$"),
    (linking, "_WATTS_RE"): re.compile(r"(?<![\w.])[0-9][0-9,.]*\s?(?:[kMG]?W|(?:kilo|mega)?watts?)(?![\w/])"),
    (linking, "_WORK_TIME_HEAD_RE"): re.compile(r"(?i)\btime\s+to\s+(?:generate|process|complete|finish|produce|render"
                                                r"|transcribe|download|run|embed|index)\b"),
    (linking, "_PLAN_HEAD_RE"): re.compile(r"(?i)\b(?:subscriptions?|plans?|tiers?|memberships?)\b"),
    (drafts, "_GROUP_NAME_RE"): re.compile(r"(?<![A-Za-z])(?:Big|BIG|Magnificent|Mag)[ ]$"),
    (drafts, "_TOKEN_PRICE_NOTE_RE"): re.compile(
        r"(?i)(?:\bper|/)\s*(?:(?P<n>1\s?[KM]|1,000(?:,000)?|one\s+million|1\s+million|million"
        r"|one\s+thousand|thousand)\s*(?:(?:input|output|prompt|completion|text)\s+)?tok(?:ens?)?\b"
        r"|(?P<mt>M\s?Tok(?:ens)?)\b)"),
}
IDS = [name for _, name in PLAIN]

#: the quotes each pattern is for
QUOTES = {"_RESPECTIVELY_RE": "62%, 51%, and 81%, respectively",
          "_TIER_WORD_RE": "Claude 3 Opus costs $15, while Sonnet costs $3",
          "_YEAR_ON_YEAR_RE": "+134% YoY", "_VERB_BETWEEN_RE": "Nvidia said it will ship",
          "_RIVAL_OWNS_RE": "GPT-4o charges $5 versus Claude's $",
          "_VERSUS_RIGHT_BEFORE_RE": "$5/$20 per million tokens vs. about ~",
          "_RATE_BEFORE_RE": "an hourly rate of ", "_ANNUALISED_BEFORE_RE": "revenue run rate crossed ",
          "_VOLUME_PERIOD_BEFORE_RE": "At 1,000 queries per day, the bill is ",
          "_PCT_NOUN_PARTS": "a price premium exceeding", "_FACTOR_OF_RE": "by a factor of about ",
          "_WATTS_RE": "the H100 draws 700 W at most", "_WORK_TIME_HEAD_RE": "| Time to generate (s) |",
          "_PLAN_HEAD_RE": "| Subscription tier |", "_GROUP_NAME_RE": "the Magnificent ",
          "_TOKEN_PRICE_NOTE_RE": "$3 per 1M input tokens, $15/MTok"}

PIECES = ["respectively", "Respectively", "RESPECTIVELY", "yoy", "YoY", "y/y", "year-over-year", "Year on year",
          "is", "IS", "İs", "ıs", "are", "was", "Were", "has", "have", "had", "will", "would", "can", "could", "may",
          "might", "must", "shall", "ſhall", "should", "Does", "do", "did", "vs", "vs.", "VS", "versus", "compared to",
          "Compared with", "against", "Claude's", "Claude Haiku", "GPT-4o", "at", "At", "the", "~", "$3", "$",
          "hourly", "Daily", "weekly", "monthly", "yearly", "annual", "annually", "per hour", "per-month", "rate",
          "price", "costs", "bill", "bills", "are", "of", ":", "=", "rose", "from", "to", "revenue", "run-rate",
          "run rate", "ARR", "arr", "annualized", "annualised", "revenue", "sales", "crossed", "about",
          "1,000", "20", "5k", "million", "queries", "posts", "a", "per", "each", "day", "week", "month", "year",
          ",", "premium", "markup", "uplift", "discount", "Discounted", "factor", "Factor", "of", "around",
          "Sonnet", "Haiku", "Opus", "Flash", "Pro", "Mini", "Large", "700", "1.5", "W", "kW", "watts", "kilowatt",
          "time to", "Time", "generate", "render", "subscriptions", "Plan", "tiers", "membership", "ſubscription",
          "Big", "BIG", "Magnificent", "Mag", "per", "PER", "/", "1M", "1 K", "1,000,000", "one million", "thousand",
          "input", "tokens", "tok", "MTok", "M Tokens",
          "x", "é", "K", "\u212a", "ſ", "1", "-", "_", "."]


def _random_sentence(rng: random.Random) -> str:
    # (words mostly apart, sometimes glued or split by a hyphen, an underscore, a line, a point;
    # half of them with a quote the patterns are for in the middle)
    words = [rng.choice(["", " ", " ", " ", " ", "-", "_", "\n", ".", "é"]) + rng.choice(PIECES)
             for _ in range(rng.randint(0, 20))]
    if rng.random() < 0.5:
        words.insert(rng.randint(0, len(words)), rng.choice(["", " ", "-", "x"]) + rng.choice(list(QUOTES.values())))
    return "".join(words)


def _same(a, b) -> bool:
    return (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


@pytest.mark.parametrize("key", list(PLAIN), ids=IDS)
def test_a_rewritten_pattern_matches_where_its_plain_form_does(key):
    mod, name = key
    fast, plain = getattr(mod, name), PLAIN[key]
    rng = random.Random(75)
    found = 0
    for _ in range(3000):
        t = _random_sentence(rng)
        spans = [(m.span(), m.groups()) for m in plain.finditer(t)]
        assert [(m.span(), m.groups()) for m in fast.finditer(t)] == spans, t
        found += bool(spans)
        for _ in range(4):
            lo = rng.randint(0, len(t))
            hi = rng.randint(lo, len(t))
            assert _same(fast.search(t, lo, hi), plain.search(t, lo, hi)), (t, lo, hi)
            found += plain.search(t, lo, hi) is not None
            assert _same(fast.match(t, lo, hi), plain.match(t, lo, hi)), (t, lo, hi)
        assert _same(fast.fullmatch(t), plain.fullmatch(t)), t
    assert found > 5  # (the pattern had things to find)


def test_the_plain_forms_find_their_words():
    # (found by both forms)
    for (mod, name), plain in PLAIN.items():
        q = QUOTES[name]
        assert plain.search(q) is not None and _same(getattr(mod, name).search(q), plain.search(q)), name


def _scanned_for_first_characters(rx: re.Pattern) -> bool:
    """Whether the engine can scan for the pattern's first characters (the first step a
    character or a set of them, or an alternation of characters; no case-blind whole pattern),
    as re._compiler's prefix reading takes it."""
    if rx.flags & re.IGNORECASE:
        return False
    items = list(_parser.parse(rx.pattern, rx.flags))
    while items and items[0][0] is C.SUBPATTERN:
        _group, add, _del, sub = items[0][1]
        if add & C.SRE_FLAG_IGNORECASE:
            return False
        items = list(sub)
    if not items:
        return False
    op, av = items[0]
    if op in (C.LITERAL, C.IN):
        return True
    return op is C.BRANCH and all(alt and alt[0][0] is C.LITERAL for alt in av[1])


@pytest.mark.parametrize("key", list(PLAIN) + [(drafts, "_LOCAL_DOLLAR_RE")],
                         ids=IDS + ["_LOCAL_DOLLAR_RE"])
def test_a_rewritten_pattern_is_scanned_for_its_first_characters(key):
    mod, name = key
    assert _scanned_for_first_characters(getattr(mod, name))


def test_the_plain_forms_were_tried_at_every_position():
    # (what the rewrite changed: none of the plain forms could be scanned for)
    assert not any(_scanned_for_first_characters(p) for p in PLAIN.values())


def test_a_local_dollar_is_read_as_before():
    # the country's letters are now what the match has before its "$" (no group around them)
    assert drafts._local_dollar("AU$2,000 for the card, AU$300 for the board") == "AUD"
    assert drafts._local_dollar("C$40 a month, or CA$400 a year") == "CAD"
    assert drafts._local_dollar("CDN$40 a month, $400 CAD a year") == "CAD"
    assert drafts._local_dollar("$800 (Canadian) and $40 Canadian") == "CAD"
    assert drafts._local_dollar("AU$2,000 and C$40") is None  # (two dollars)
    assert drafts._local_dollar("BAU$2,000 and XA$40") is None  # (not a word's first letters)
    assert drafts._local_dollar("AU$5, AU$6, US$1.20, US$3, USD 4") is None  # (the US dollar as often)
