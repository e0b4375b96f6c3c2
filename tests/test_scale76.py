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

