"""A total stated in prose over a span of time, summed from one repeated label's lines above it
(kb.extract.arith._prose_label_totals).

"In the first half of CY2024, ... OpenAI's inference costs were $1.295 billion, and its revenues
at least $934 million" sums the "- Inference: $X" lines (and the "- Implied OpenAI Revenue: at
least $X" lines) of the quarters' sections above it. Not without a span of time in the sentence,
nor where the run does not make the total, nor where the clause names no label.
"""
from __future__ import annotations

from conftest import number_records as _recs

from kb.extract.arith import propose


_QUARTERS = ("### Q1 CY2024 (January, February, March)\n\n- Inference: $546.8 million\n"
             "- Microsoft Revenue Share: $77.3 million\n- Implied OpenAI revenue: at least $386.5 million\n\n"
             "Some reporting said otherwise.\n\n"
             "### Q2 CY2024 (April, May, June)\n\n- Inference: $748.3 million\n"
             "- Microsoft Revenue Share: $109.5 million\n- Implied OpenAI Revenue: at least $547.5 million\n\n")
_SPEC = [("i1", "$546.8 million", 546.8, "million USD"), ("s1", "$77.3 million", 77.3, "million USD"),
         ("r1", "$386.5 million", 386.5, "million USD"), ("i2", "$748.3 million", 748.3, "million USD"),
         ("s2", "$109.5 million", 109.5, "million USD"), ("r2", "$547.5 million", 547.5, "million USD")]


def _parts(ps, target):
    return next((set(p.inputs.values()) for p in ps if p.target == target and " + " in p.formula), None)


def test_a_prose_total_over_a_half_year_sums_its_labels_run():
    # 546.8 + 748.3 = 1,295.1 million; 386.5 + 547.5 = 934 million
    text = _QUARTERS + ("In the first half of CY2024, based on the information in the documents, OpenAI’s "
                        "inference costs were $1.295 billion, and its revenues at least $934 million.\n")
    spec = _SPEC + [("ti", "$1.295 billion", 1.295, "billion USD"), ("tr", "$934 million", 934, "million USD")]
    ps = propose(text, _recs(text, spec))
    assert _parts(ps, "ti") == {"i1", "i2"}
    assert _parts(ps, "tr") == {"r1", "r2"}


def test_no_prose_total_without_a_span_of_time_or_where_the_run_misses_it():
    # no span of time named: "costs were" alone is no total of the quarters
    text = _QUARTERS + "Based on the documents, OpenAI’s inference costs were $1.295 billion.\n"
    spec = _SPEC + [("ti", "$1.295 billion", 1.295, "billion USD")]
    assert _parts(propose(text, _recs(text, spec)), "ti") is None
    # 546.8 + 748.3 is no $1.4 billion
    text = _QUARTERS + "In the first half of CY2024, OpenAI’s inference costs were $1.4 billion.\n"
    spec = _SPEC + [("ti", "$1.4 billion", 1.4, "billion USD")]
    assert _parts(propose(text, _recs(text, spec)), "ti") is None
    # the clause names no label's word ("spend" is none of the lines' labels)
    text = _QUARTERS + "In the first half of CY2024, the spend came to $1.295 billion.\n"
    spec = _SPEC + [("ti", "$1.295 billion", 1.295, "billion USD")]
    assert _parts(propose(text, _recs(text, spec)), "ti") is None
