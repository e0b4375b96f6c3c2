"""kb vet's sentence around a number is the extractor's sentence (rev30 finding 10): not cut
after an abbreviation the extractor knows ("Inc.", "Corp.", "Fig.")."""
from __future__ import annotations

import pytest

from kb.extract.vet import _sentence_bounds


@pytest.mark.parametrize("text, want", [
    ("Old news. By 2030, Acme Inc. will spend $5 million on GPUs. Then more.",
     "By 2030, Acme Inc. will spend $5 million on GPUs."),
    ("As Fig. 3 shows, 2030 brings $5 billion in sales. Next.", "As Fig. 3 shows, 2030 brings $5 billion in sales."),
    ("First line\nthe fund holds $5 million\nlast line", "the fund holds $5 million"),
])
def test_the_sentence_around_a_number_is_the_extractors(text, want):
    lo, hi = _sentence_bounds(text, text.index("$5"))
    assert text[lo:hi] == want
