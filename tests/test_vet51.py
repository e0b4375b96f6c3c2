"""kb vet reads numbers the way the curation does (session 22, vet51; designed on the dev-B half
of the real development articles, quotes of those articles in each test):

- a number that ends its sentence, with no name before it, is of what the next sentence says it
  is ("The answer starts with a single number: 1,200 watts. That's the thermal design power of
  Nvidia's B200 GPU"): the B200's, not a thing of the article's own that kb vet cannot check.
"""
from __future__ import annotations

from kb.extract.drafts import extract_text


def _linked(project_registry, text):
    return [(d.raw, d.entity) for d in extract_text(text, project_registry)]


def test_the_next_sentence_says_whose_the_number_is(project_registry):
    # r55-seven-gigawatt-problem
    text = ("### The watt problem\n\nThe answer starts with a single number: 1,200 watts. That's the thermal "
            "design power of Nvidia's B200 GPU, the Blackwell-generation chip that every hyperscaler is ordering.\n")
    got = dict(_linked(project_registry, text))
    assert got.get("1,200 watts") == "nvidia-b200"


def test_a_name_before_the_number_still_wins(project_registry):
    text = "The H100 draws 700 watts. That's the power of a small heater, more than the A100.\n"
    got = dict(_linked(project_registry, text))
    assert got.get("700 watts") == "nvidia-h100"
