"""Percentages and multipliers read as each other (pctx58): a fraction in words after "by" is a
change in percent, not a multiplier (docs/data-format.md's *Comparisons*)."""
from kb.core.grammar import word_number_at
from kb.extract.drafts import extract_text


def _word(text, at):
    return word_number_at(text, text.index(at))


def test_by_a_fraction_is_a_change_in_percent():
    # r57: "A two-percentage-point depreciation wedge shifts the optimal AI stock by around a fifth."
    q = _word("A two-percentage-point depreciation wedge shifts the optimal AI stock by around a fifth.", "a fifth")
    assert q.percent and not q.ratio and q.value == 20.0 and q.hint == "change"


def test_by_a_fraction_after_a_falling_verb_is_negative():
    q = _word("Prices were cut by a third.", "a third")
    assert q.percent and q.compare == "down"


def test_a_fraction_of_a_magnitude_stays_a_multiplier():
    q = _word("priced at a third of the old chip's price", "a third")
    assert q.ratio and not q.percent


def test_by_a_fraction_is_drafted_as_a_change():
    text = ("A two-percentage-point depreciation wedge shifts the optimal AI stock by around a fifth. "
            "Compute taxation is high-leverage and fast-acting.\n")
    d = [d for d in extract_text(text) if "fifth" in d.raw]
    assert d and d[0].unit == "percent" and d[0].value == 20


def test_a_premium_set_against_the_market_norm_is_a_premium_too():
    # r02: "if it commands a price premium exceeding 50% over PCIe—beyond current market norms of 20-30%."
    text = ("The SXM configuration only becomes economically superior if it commands a price premium "
            "exceeding 50% over PCIe—beyond current market norms of 20-30%.\n")
    d = [d for d in extract_text(text) if "20" in d.raw]
    assert d and d[0].unit == "x" and (d[0].low, d[0].high) == (1.2, 1.3)
