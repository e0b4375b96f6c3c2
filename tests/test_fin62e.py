"""Which company owns a finance number (kb/extract/linking.py): a stock's figures, a list of
numbers closed by "respectively", an investment said to stand at an amount.

Each case is a short quote of a development article (dev-B half) that showed the gap, with its id.
"""
from __future__ import annotations

from conftest import linked_draft


# r165-ai-early-innings: a price target written "a $X target for <company> stock"
def test_a_price_target_for_a_companys_stock_is_the_companys(project_registry):
    text = ("For Nvidia, Wall Street has forecast calendar-year 2027 earnings per share of $5.39. "
            "When multiplied by 25, that equates to a $162.50 target for Nvidia stock, roughly 10% "
            "above its recent levels.\n")
    assert linked_draft(project_registry, text, "$162.50")[0] == "nvidia"
    assert linked_draft(project_registry, text, "roughly 10%")[0] == "nvidia"


# r165-ai-early-innings: the target of the company the paragraph is about, not named in its sentence
def test_a_price_target_goes_to_the_company_the_paragraph_names_most(project_registry):
    text = ("Shares of Oracle could provide the most upside from current prices. The company has proved "
            "to be the third-party cloud provider of choice for leading AI model companies, and it’s a "
            "strong Nvidia partner. Oracle’s Mahesh Thiagarajan says four of the five largest AI "
            "large-language model makers use the company’s data centers. It can generate earnings of "
            "$10 per share in 2027, equaling a $250 target.\n")
    assert linked_draft(project_registry, text, "$250")[0] == "oracle"


# r143-nvidia-valuation-decomposition: a share price in a section that names no company, the
# article's title naming it
def test_a_share_price_under_a_title_naming_the_company_is_its(project_registry):
    text = ("# NVIDIA: what the stock price implies\n\n## The numbers\n\n"
            "**Sanity check:** If you buy at $186 today and this plays out, in 5 years the stock is "
            "worth ~$295/share.\n")
    assert linked_draft(project_registry, text, "~$295")[0] == "nvidia"


# r165-ai-early-innings: as many numbers closed by "respectively" as names listed before them
def test_numbers_closed_by_respectively_go_to_the_names_in_their_places(project_registry):
    text = ("In the latest September quarter, Alphabet, Microsoft, and Amazon all boosted their capital "
            "expenditures by 62%, 51%, and 81%, respectively, versus the prior year.\n")
    assert linked_draft(project_registry, text, "62%")[0] == "alphabet"
    assert linked_draft(project_registry, text, "51%")[0] == "microsoft"
    assert linked_draft(project_registry, text, "81%")[0] == "amazon"


# r163-anthropic-compute-advantage: the possessive subject's investment said to stand at the amount
def test_an_investment_that_stands_at_an_amount_is_the_investors(project_registry):
    text = ("Amazon’s total investment in Anthropic now stands at $8 billion (following the initial "
            "$4 billion in 2023).\n")
    assert linked_draft(project_registry, text, "$8 billion")[0] == "amazon"
