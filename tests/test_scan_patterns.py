"""Whole-text scan patterns written so that the regex engine skips in C to where they may match:
each must find exactly what its plain form finds (quoted and adapted forms of real text)."""
import re

from kb.extract import drafts, linking

_TEXTS = [
    "The performance of 405B model is very similar to Claude 3.5 Sonnet.\n\n70B model has an even more impressive",
    "Important facts:\n- 405B trained on 15.6T tokens. v1.2.5B model is out; 12345B model, x7B model, 0.5B model",
    "uses as much water as three hospitals; has much water as three; equivalent to the emissions of five cars",
    "roughly equivalent to two flights; nonequivalent to three; AS MUCH power as four homes; as  much co2 as six",
]


def _plain(pattern: str, flags=0) -> re.Pattern:
    return re.compile(pattern, flags)


def _spans(rx: re.Pattern, text: str) -> list:
    return [(m.span(), m.groupdict()) for m in rx.finditer(text)]


def test_bare_size_scan_starts_at_a_runs_first_digit_only():
    # "of 405B model", "70B model has": the plain form tried at every digit finds the same sizes
    plain = _plain(linking._BARE_SIZE_NAME_RE.pattern.replace("[0-9](?<![0-9][0-9])[0-9]*", "[0-9]+", 1))
    assert plain.pattern != linking._BARE_SIZE_NAME_RE.pattern
    for text in _TEXTS:
        assert _spans(linking._BARE_SIZE_NAME_RE, text) == _spans(plain, text)
    assert [m.group("n") for m in linking._BARE_SIZE_NAME_RE.finditer(_TEXTS[0])] == ["405", "70"]


def test_equivalence_cue_scan_is_a_word_boundary():
    # "as much water as three hospitals": a cue word that starts a word ("has much water" is none)
    plain = _plain(drafts._EQUIV_WORD_CAND_RE.pattern.replace("e(?<!\\we)quivalent", "\\bequivalent", 1)
                   .replace("a(?<!\\wa)s\\s+much", "\\bas\\s+much", 1).replace("(?:\\bequivalent", "\\b(?:equivalent", 1)
                   .replace("|\\bas\\s+much", "|as\\s+much", 1))
    assert plain.pattern != drafts._EQUIV_WORD_CAND_RE.pattern
    for text in _TEXTS:
        low = text.lower()
        assert _spans(drafts._EQUIV_WORD_CAND_RE, low) == _spans(plain, low)
    assert [m.group("n") for m in drafts._EQUIV_WORD_CAND_RE.finditer(_TEXTS[2])] == ["three", "five"]
