"""Session 36 (scale76): the number vocabulary's last copies derived from one table, and
discovery reading the text as the drafts read it."""

from kb.site import words


def test_site_scale_words_are_the_units_scale_words():
    # a unit text's scale word in full, quadrillion included (the site's own list lacked it):
    # "1 quadrillion tokens" is many tokens, its unit without the scale is the same unit
    assert words.plural_unit("quadrillion token", 1) == "quadrillion tokens"
    assert words._unscaled("quadrillion FLOP") == words._unscaled("trillion FLOP") == "FLOP"
    assert words.quantity(2, "quadrillion USD") == "$2 quadrillion"
    # (the letters glued onto the number and the other words as before)
    assert words.plural_unit("billion parameter", 1) == "billion parameters"
    assert words.quantity(2.5, "billion USD") == "$2.5 billion"
    assert words.quantity(128, "K tokens") == "128K tokens"


def _records(text):
    from pathlib import Path

    from kb.extract.drafts import draft_record, extract_text
    from kb.extract.linking import load_registry

    return [draft_record(d, "t") for d in extract_text(text, load_registry(Path(".")))]


def test_written_arithmetic_read_through_the_drafts_view():
    # "€1 500" is 1,500 euros to the drafts; discovery reads the operation written out the same
    # way (it read "€1" and no operation at all in the raw text)
    from kb.extract.arith import read_written

    text = "The rack costs 12 × €1 500 = €18 000 in total."
    read = read_written(text, _records(text)[:1])   # (only the "12" read by a record)
    assert sorted((rec["raw"], rec["value"], rec["unit"]) for rec, _ in read.values()) == [
        ("€1 500", 1500, "EUR"), ("€18 000", 18000, "EUR")]


def test_header_amount_read_through_the_drafts_view():
    from kb.extract.arith import read_header_amounts

    text = "Costs by model:\n\n| Model | Monthly Cost (3 000 000 tokens) |\n|---|---|\n| A | $6 |\n| B | $9 |\n"
    heads = read_header_amounts(text, _records(text))
    assert [(rec["value"], rec["unit"]) for rec, _ in heads.values()] == [(3000000, "token/month")]


def test_dot_thousands_before_every_continental_scale_word():
    # the drafts' continental scale words are the grammar's table: "1.500 millions d'euros",
    # "1.000 Billionen" (German trillions) are thousands of millions like "2.000 millones"
    from kb.core import grammar
    from kb.extract.drafts import _dot_thousands

    assert _dot_thousands("1.500 millions d'euros") == "1,500 millions d'euros"
    assert _dot_thousands("rund 1.000 Billionen Euro") == "rund 1,000 Billionen Euro"
    for w in grammar._SCALE_CONTINENTAL:
        if not w.endswith("."):
            assert _dot_thousands(f"1.500 {w} x") == f"1,500 {w} x", w


def test_glued_scale_words_are_the_tables_english_words():
    from kb.core.grammar import parse_at

    q = parse_at("a 2quadrillion token corpus", 2)
    assert q is not None and q.value == 2 and q.scale == "quadrillion"
    q = parse_at("$4.6million raised", 0)
    assert q is not None and q.scale == "million"
