"""A growth's period written as a compound before its name ("a 3.4-month doubling time", "a 2-year
doubling period") is a doubling time, and the word "doubling" that names it is no multiplier.

Before, the duration was dropped as an adjective ("the 5-year TCO") and "doubling" drafted as a 2x
ratio. The quote is from OpenAI's "AI and compute" (2018), quoted widely in writing on AI compute
(found with the ``find_string`` tool in several public repositories)."""
from __future__ import annotations

import pytest

from conftest import draft_of, read_raw_values

AI_AND_COMPUTE = ("Since 2012, the amount of compute used in the largest AI training runs has been increasing "
                  "exponentially with a 3.4-month doubling time (by comparison, Moore's Law had a 2-year "
                  "doubling period).")


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


def test_compound_period_before_doubling_time_is_a_doubling_time(reg):
    d = draft_of(reg, AI_AND_COMPUTE, "3.4-month")
    assert (d.value, d.unit, d.property) == (3.4, "month", "doubling-time")
    assert draft_of(reg, AI_AND_COMPUTE, "2-year").property == "doubling-time"


def test_the_word_naming_the_period_is_no_multiplier():
    raws = [r[0] for r in read_raw_values(AI_AND_COMPUTE)]
    assert "doubling" not in raws
    raws = [r[0] for r in read_raw_values("Training compute has grown with a doubling time of 3.4 months.")]
    assert raws == ["3.4 months"]


def test_a_doubling_verb_is_still_a_multiplier():
    assert [r[0] for r in read_raw_values("Revenue doubled in 2024, to $3.7 billion.")][0] == "doubled"


def test_an_adjective_duration_stays_dropped():
    # "the 5-year TCO": no period claimed (the rule this one extends)
    assert not any(r[0] == "5-year" for r in read_raw_values("We compare the 5-year TCO of both options."))
