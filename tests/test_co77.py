"""co77: company finance numbers in news prose, their company and property (kb/extract/linking.py).

Short quoted forms from fresh public news articles (funding rounds, hyperscaler results), none
from an article of the corpus:

- "Microsoft's quarterly profits rose 12%, to $27.7bn", "a 33% rise in profit, to roughly
  $35bn": the amount a plain profit rose or fell to is the net income (not a gross profit, not the
  capital spending the paragraph before was about);
- money raised: "secures $6 billion backed by ...", "lands $6B in new cash", "raises additional
  $6B", "secured $6.6 billion, bringing its total to $17.9 billion" (the round, then the total);
- "Anthropic recently raised $4 billion from Amazon": the company that raised, not the backer
  after "from", nor the subject "The company" points back to;
- "**Safe Superintelligence** raised **$1 billion**": a sentence opening with a name the registry
  lacks and its verb of raising is that thing's, not what the article's title is about.
"""
from __future__ import annotations

import pytest

from conftest import linked_entity as _link


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


def _drafts(reg, text):
    from kb.extract.drafts import extract_text

    return {d.raw: (d.entity, d.property) for d in extract_text(text, reg)}


def test_the_amount_a_profit_rose_to_is_the_net_income(reg):
    text = ("Microsoft's capital expenditures in the quarter totalled $34.9bn.\n\n"
            "Microsoft's quarterly profits rose 12%, to $27.7bn. Alphabet reported a 33% rise in profit, "
            "to roughly $35bn.\n")
    got = _drafts(reg, text)
    assert got["$27.7bn"] == ("microsoft", "net-income")
    assert got["roughly $35bn"][1] == "net-income"
    # a gross profit stays a gross profit
    got = _drafts(reg, "Nvidia's gross profit rose 20% to $5bn.\n")
    assert got["$5bn"][1] != "net-income"


@pytest.mark.parametrize("text, raw, prop", [
    ("Elon Musk's xAI lands $6B in new cash to fuel AI ambitions\n", "$6B", "funding-round"),
    ("xAI secures $6 billion backed by Andreessen Horowitz, Lightspeed, Sequoia Capital, and others.\n",
     "$6 billion", "funding-round"),
    ("xAI raises additional $6B, totaling $12B+ in funding\n", "$6B", "funding-round"),
    ("OpenAI secured $6.6 billion, bringing its total to $17.9 billion.\n", "$6.6 billion", "funding-round"),
    ("OpenAI secured $6.6 billion, bringing its total to $17.9 billion.\n", "$17.9 billion", "total-funding"),
])
def test_money_raised_is_a_round_and_the_total_it_brings_is_all_raised(reg, text, raw, prop):
    assert _drafts(reg, text)[raw][1] == prop


def test_a_total_after_money_spent_is_no_funding(reg):
    got = _drafts(reg, "Meta will spend another $10 billion, bringing its total to $72 billion.\n")
    assert got["$72 billion"][1] != "total-funding"


def test_secured_debt_stays_a_debt(reg):
    assert _drafts(reg, "Oracle secured $38 billion in debt financing from banks.\n")["$38 billion"][1] == "debt"


def test_money_raised_from_a_backer_is_the_raisers(reg):
    text = ("xAI plans another fundraising round next year. The company faces stiff competition as "
            "Anthropic recently raised $4 billion from Amazon.\n")
    assert _link(reg, text, "$4 billion") == "anthropic"


def test_a_name_the_registry_lacks_opening_a_sentence_of_raising_owns_its_amounts(reg):
    text = ("---\ntitle: \"$1150m for SSI, Sakana, You.com + Claude 500m context\"\n---\n\n"
            "**Safe Superintelligence** raised **$1 billion** at a **$5 billion** valuation. **Sakana AI** "
            "secured a **$100 million Series A** funding round. **You.com** pivoted after a **$50 million "
            "Series B** round.\n")
    assert _link(reg, text, "$1 billion") == "new"
    assert _link(reg, text, "$5 billion") == "new"
    assert _link(reg, text, "$100 million") == "new"
    assert _link(reg, text, "$50 million") == "you-com"


def test_a_label_ending_in_a_verb_of_raising_is_no_name(reg):
    text = "# Anthropic\n\n**Total raised:** $15B+\n"
    assert _link(reg, text, "$15B+") == "anthropic"


@pytest.mark.parametrize("text, raw", [
    ("What Nvidia's stunning $5 billion Intel bet means for enterprise AI\n", "$5 billion"),
    ("Nvidia’s $100bn bet on OpenAI raises plenty of questions\n", "$100bn"),
])
def test_money_bet_on_a_company_is_the_backers_investment(reg, text, raw):
    assert _drafts(reg, text)[raw] == ("nvidia", "investment")


def test_a_company_value_raised_to_trillions_written_trn(reg):
    from kb.extract.drafts import extract_text

    text = ("Nvidia’s share price climbed by almost 4% after the OpenAI announcement, raising its value "
            "to close to $4.5trn (it later fell back a bit).\n")
    d = next(d for d in extract_text(text, reg) if "4.5" in d.raw)
    assert (d.value, d.unit) == (4.5, "trillion USD")
    assert (d.entity, d.property) == ("nvidia", "valuation")


def test_a_month_without_its_year_is_of_the_articles_year(reg):
    from kb.extract.drafts import extract_text

    text = ("This latest funding brings xAI’s total capital raised to $12 billion, following a $6 billion "
            "round in May.\n\nPerplexity AI raised over $250 million this summer.\n")
    got = {d.raw: d.conditions.get("period") for d in extract_text(text, reg, published="2024-12-26")}
    assert got["$6 billion"] == "2024-05"
    assert got["$12 billion"] is None  # (another amount between: the month dates the round only)
    assert got["over $250 million"] == "2024"
    # "Last May" in an article of March is the May before; "in May" then may be to come: no period
    got = {d.raw: d.conditions.get("period") for d in extract_text(
        "Last May, xAI raised $6 billion. Mistral raised $2 billion in May.\n", reg, published="2025-03-10")}
    assert got["$6 billion"] == "2024-05"
    assert got["$2 billion"] is None
    # a sentence that names a year anywhere (a link's path too) is left to the grammar of periods
    got = {d.raw: d.conditions.get("period") for d in extract_text(
        "The paper [reported](https://example.com/2024/09/27/story) that revenue hit $300 million in August.\n",
        reg, published="2025-11-12")}
    assert got["$300 million"] is None


def test_a_heading_opening_with_a_full_date_dates_its_entry(reg):
    from kb.extract.drafts import extract_text

    text = ("# Anthropic timeline\n\n## 2022-04-01: Anthropic raises $580M\n\nIts valuation reached $4 billion.\n\n"
            "## March 3, 2025 - Series E\n\nAnthropic raised $3.5 billion.\n")
    got = {d.raw: d.conditions.get("period") for d in extract_text(text, reg)}
    assert got == {"$580M": "2022-04", "$4 billion": "2022-04", "$3.5 billion": "2025-03"}


def test_a_page_date_in_front_matter_dates_the_text():
    from kb.extract.vet import _text_date

    assert str(_text_date('---\n  title: "xAI lands $6B"\n  page_date: "Dec 26, 2024"\n---\n\nxAI has raised.\n')) \
        == "2024-12-26"
