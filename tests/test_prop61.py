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
