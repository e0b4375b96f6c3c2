"""Finance-number property rules designed on dev-B company-finance articles (session 28, fin62p):
a share's price is named by a price target, by what "the stock is worth" or where it "traded
around", and a capital stock is no figure of a hundred dollars. Short quotes of the dev-B articles
that showed each gap.
"""
from __future__ import annotations

from kb.extract.drafts import extract_text


def _props(project_registry, text, unit="USD"):
    return [(d.raw, d.property) for d in extract_text(text, project_registry) if d.unit == unit]


# --- a share's price: a target, what the stock is worth, where it traded ---------------------

def test_a_target_for_a_stock_is_a_share_price(project_registry):
    # r165-ai-early-innings
    text = ("When multiplied by 25, that equates to a $162.50 target for Nvidia stock, "
            "roughly 10% above its recent levels.")
    assert _props(project_registry, text) == [("$162.50", "share-price")]


def test_a_bare_target_after_earnings_per_share_is_a_share_price(project_registry):
    # r165-ai-early-innings
    text = "It can generate earnings of $10 per share in 2027, equaling a $250 target."
    assert _props(project_registry, text) == [("$10", "earnings-per-share"), ("$250", "share-price")]


def test_where_a_stock_traded_around_is_its_share_price(project_registry):
    # r165-ai-early-innings
    text = "Oracle recently traded around $188."
    assert [p for _, p in _props(project_registry, text)] == ["share-price"]


def test_what_the_stock_is_worth_is_a_share_price_not_a_capital_stock(project_registry):
    # r165-ai-early-innings; r143-nvidia-valuation-decomposition
    text = "At 25 times that figure, the stock is worth $137.50, 10% above the recent close."
    assert _props(project_registry, text) == [("$137.50", "share-price")]
    text = ("If you buy at $186 today and this plays out, in 5 years the stock is worth "
            "~$295/share ($7.2T ÷ 24.3B shares).")
    assert ("~$295", "share-price") in _props(project_registry, text)


def test_a_compute_stock_in_billions_stays_a_capital_stock(project_registry):
    # a guard: the plausible floor of a capital stock is a million dollars (r57-ai-replacement-spending)
    text = "A hyperscaler that wants to maintain a $100 billion compute stock must spend $33 billion a year."
    assert ("$100 billion", "capital-stock") in _props(project_registry, text, "billion USD")


# --- the amount a rate of change starts from shares the words before the rate -----------------

def test_the_amount_a_rate_of_growth_starts_from_keeps_the_words_before_the_rate(project_registry):
    # r165-ai-early-innings
    text = ("BofA Global Research estimates that data center capex could rise by 14% a year, "
            "from $215 billion in 2023 to $311 billion in 2026.")
    assert ("$215 billion", "capex") in _props(project_registry, text, "billion USD")


# --- in a sum, the words between a number and the operator after it are its own ---------------

def test_a_market_cap_in_a_sum_is_a_valuation(project_registry):
    # r143-nvidia-valuation-decomposition
    text = ("At a mature-company P/E of 20x: $99B × 20 = $2T market cap ÷ 24.3B shares = "
            "**$82/share**.")
    assert ("$2T", "valuation") in _props(project_registry, text, "trillion USD")


# --- a list of amounts written with slashes shares its words --------------------------------

def test_a_slash_list_of_prices_shares_its_cue(project_registry):
    # r16-abundant-intelligence
    text = ("- **Share of the GPU pie:** NVIDIA 65%, AMD 25%, custom silicon 10%; ASPs of $12k / $10k / $9k "
            "with 38% / 28% net margins.")
    got = [(d.raw, d.property) for d in extract_text(text, project_registry)]
    assert [p for r, p in got if r.startswith("$")] == ["purchase-price"] * 3
    assert ("38%", "net-margin") in got
