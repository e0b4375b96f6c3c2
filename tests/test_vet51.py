"""kb vet reads numbers the way the curation does (session 22, vet51; designed on the dev-B half
of the real development articles, quotes of those articles in each test):

- a number that ends its sentence, with no name before it, is of what the next sentence says it
  is ("The answer starts with a single number: 1,200 watts. That's the thermal design power of
  Nvidia's B200 GPU"): the B200's, not a thing of the article's own that kb vet cannot check.
- an investor's stake with no company named beside it ("| **[[Amazon]]** | $4B |" under "### Key
  investors" of a profile of Anthropic) is in the company the article is about (condition investee);
  a profile with no title that opens by naming its thing in bold and a dash ("**Anthropic** — AI lab,
  maker of Claude") is about that thing, as an article is about what its title names.
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


def test_an_investors_stake_is_in_the_company_the_profile_is_about(project_registry):
    # r87-anthropic-financial-profile: kb vet then sets the $4B against what Amazon put into Anthropic
    text = ("**Anthropic** — AI lab, maker of Claude. More capital-efficient than [[OpenAI]].\n\n---\n\n"
            "### Key investors\n\n| Investor | Amount | Notes |\n|----------|--------|-------|\n"
            "| **[[Google]]** | $2B+ | Cloud partner, multiple rounds |\n"
            "| **[[Amazon]]** | $4B | AWS partnership, Bedrock distribution |\n")
    drafts = {d.raw: d for d in extract_text(text, project_registry)}
    d = drafts["$4B"]
    assert (d.entity, d.property, d.conditions.get("investee")) == ("amazon", "investment", "anthropic")
