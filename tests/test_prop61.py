"""Money property rules designed on dev-B articles (session 28, prop61): the specific cue of a
money property (a word of renting, of investing, of revenue, of buying one unit) wins over a
plainer word of paying. Short quotes of the dev-B articles that showed each gap.
"""
from __future__ import annotations

from kb.extract.drafts import extract_text


def _props(project_registry, text, unit):
    return [(d.raw, d.property) for d in extract_text(text, project_registry) if d.unit == unit]


# --- an hourly price: a rent, whatever plain word of paying is near ---------------------------

def test_an_hourly_price_a_word_of_renting_names_is_a_rent(project_registry):
    # r59-economics-of-compute
    text = ("3. A spot instance costs $1.50/hr but has 5% chance of preemption per hour. "
            "On-demand costs $4/hr.")
    assert _props(project_registry, text, "USD/hour") == [("$1.50/hr", "rental-price"), ("$4/hr", "rental-price")]


def test_an_hourly_price_of_the_articles_own_node_is_a_rent(project_registry):
    # r53-h100-vs-a100-cloud-price
    text = ("For multi-GPU configurations, these prices scale roughly linearly. An 8×H100 node runs "
            "$20–$32/hr; an 8×A100 node runs $12–$20/hr.")
    assert [p for _, p in _props(project_registry, text, "USD/hour")] == ["rental-price", "rental-price"]


def test_an_hourly_price_in_passing_is_a_rent(project_registry):
    # r153-h100-rental-bubble
    text = ("**TLDR: Don’t buy H100s. The market has flipped from shortage ($8/hr) to oversupplied ($2/hr), "
            "because of reserved compute resales, open model finetuning.")
    assert _props(project_registry, text, "USD/hour") == [("$8/hr", "rental-price"), ("$2/hr", "rental-price")]


def test_an_hourly_cost_a_cost_word_names_stays_a_cost_rate(project_registry):
    # a word of cost near the rent's words keeps what owning costs an hour (r02-h100-pcie-vs-sxm)
    text = ("Meta's 24,576 GPU cluster analysis provides the clearest window into at-scale ownership "
            "economics, showing a TCO of $1.49-$1.70 per GPU-hour over a 4-year lifecycle.")
    assert [p for _, p in _props(project_registry, text, "USD/GPU-hour")] == ["cost-rate"]


# --- an investment its cue words name stays one, whatever thing of the article's own holds it ---

def test_money_in_a_401k_is_an_investment(project_registry):
    # r145-401k-ai-exposure
    text = ("Suppose you have $100K in a typical 401k, invested in a typical fund like Fidelity "
            "Freedom target-date 2055.")
    assert [p for _, p in _props(project_registry, text, "K USD")] == ["investment"]


# --- what building a facility or a cluster costs: capex -----------------------------------------

def test_what_a_cluster_costs_to_build_is_capex(project_registry):
    # r153-h100-rental-bubble
    text = ("- Existing ~1k node clusters (which costs >$50M to build), is no longer big enough for "
            "them, to train bigger models")
    assert [p for _, p in _props(project_registry, text, "million USD")] == ["capex"]


def test_the_cost_for_a_cluster_is_capex(project_registry):
    # r147-trillion-dollar-cluster
    text = ("So far, every 10x scaleup in AI investment seems to yield the necessary returns. GPT-3.5 "
            "unleashed the ChatGPT mania. The estimated $500M cost for the GPT-4 cluster would have been "
            "paid off by the reported billions of annual revenue for Microsoft and OpenAI.")
    assert [p for _, p in _props(project_registry, text, "million USD")] == ["capex"]


def test_construction_costs_are_capex(project_registry):
    # r68-a-really-big-computer
    assert [p for _, p in _props(project_registry, "- $50M in construction costs", "million USD")] == ["capex"]


def test_what_running_a_workload_costs_stays_a_workload_cost(project_registry):
    text = "Fine-tuning the model on our support tickets cost $1,200 in GPU time."
    assert [p for _, p in _props(project_registry, text, "USD")] == ["workload-cost"]


def test_what_a_pc_costs_to_build_is_no_capex(project_registry):
    text = "My new deep learning PC cost $2,000 to build, including the GPU."
    assert "capex" not in [p for _, p in _props(project_registry, text, "USD")]


# --- a price of one thing for sale: its purchase price ---------------------------------------------

def test_a_card_for_sale_or_being_sold_has_a_purchase_price(project_registry):
    # r117-used-rtx3090-for-llms
    text = ("I set up a search on Kijiji and there are usually a few 3090s for sale, usually around $1000 "
            "to $1200. Then I saw a post from a local person, just a few blocks away in fact, who was "
            "selling one for $700.")
    assert [p for _, p in _props(project_registry, text, "USD")] == ["purchase-price", "purchase-price"]
