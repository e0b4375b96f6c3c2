"""kb vet flags what the curated claims let kb check flag (session 26, vet58; designed on the dev-B
half of the real development articles, quotes of those articles in each test):

- a number in a bracket right after a name ("H100 (700W) → B200 (1,200W)") is the name's own, as
  a number right after a name in the possessive is: the link is sure, whatever else the line
  names, so that kb vet compares it with the name's reference values (not a yardstick's bracket:
  "near parity with Claude Sonnet 4 (48.6% win rate)" is the subject's rate against it);
- a number whose next sentence says outright whose it is ("1,200 watts. That's the thermal design
  power of Nvidia's B200 GPU") is linked a way of its own ("defines"), not as a name that merely
  follows the number ("after", right about a third of the time on the development articles);
- a price table written in code ('"claude-3.5-haiku": {"input": 0.25, "output": 1.25},' in
  "pricing = {...}", its cost dividing tokens by 1_000_000) gives token prices per million, each
  its key's direction and its row key's model (not the next row's, named on the line after).
"""
from __future__ import annotations

from conftest import drafts_by_raw


def test_number_in_a_bracket_after_a_name_is_the_names_own(project_registry):
    # r127-datacenter-scaling-bottlenecks
    text = ("**Air cooling no longer works** (server power ≈ heat generated):\n\n"
            "- GPU TDP: H100 (700W) → B200 (1,200W) → Blackwell Ultra (1,400W) → Feynman 2028 (4,400W)\n")
    ds = drafts_by_raw(text, project_registry)
    for raw, eid in (("700W", "nvidia-h100"), ("1,200W", "nvidia-b200"), ("1,400W", "nvidia-blackwell-ultra")):
        assert ds[raw].entity == eid
        assert ds[raw].evidence["entity"] == "before|sure|kind"
    # a bracket after a name the registry does not know (Feynman) is not the name before it
    assert ds["4,400W"].evidence["entity"] != "before|sure|kind"


def test_bracket_after_a_yardstick_is_not_its_own(project_registry):
    # r91-open-weights-borrowed-gpus
    text = ("In real-world evaluations using CC-Bench, GLM-4.6 achieves near parity with Claude Sonnet 4 (48.6% win "
            "rate) while clearly outperforming other open-source baselines.\n")
    assert drafts_by_raw(text, project_registry)["48.6%"].evidence["entity"] != "before|sure|kind"


def test_next_sentence_that_defines_the_number_is_a_way_of_its_own(project_registry):
    # r55-seven-gigawatt-problem
    text = ("### The watt problem\n\nThe answer starts with a single number: 1,200 watts. That's the thermal "
            "design power of Nvidia's B200 GPU, the Blackwell-generation chip that every hyperscaler is ordering.\n")
    d = drafts_by_raw(text, project_registry)["1,200 watts"]
    assert d.entity == "nvidia-b200"
    assert d.evidence["entity"] == "defines|sure|kind"


_CODE = ("```python\n"
         "def calculate_request_cost(\n    input_tokens: int,\n    output_tokens: int,\n    model: str\n) -> float:\n"
         "    pricing = {\n"
         "        \"gpt-4o\": {\"input\": 2.50, \"output\": 10.00},\n"
         "        \"claude-3.5-haiku\": {\"input\": 0.25, \"output\": 1.25},\n"
         "    }\n    \n    rates = pricing[model]\n    cost = (\n"
         "        (input_tokens / 1_000_000) * rates[\"input\"] +\n"
         "        (output_tokens / 1_000_000) * rates[\"output\"]\n    )\n    return cost\n```\n")


def test_price_table_in_code_gives_token_prices(project_registry):
    # r08-pricing-and-costs
    ds = drafts_by_raw(_CODE, project_registry)
    for raw, eid, direction in (("2.50", "gpt-4o", "input"), ("10.00", "gpt-4o", "output"),
                                ("0.25", "claude-3.5-haiku", "input"), ("1.25", "claude-3.5-haiku", "output")):
        d = ds[raw]
        assert (d.value, d.unit, d.property) == (float(raw), "USD per 1M tokens", "token-price")
        assert d.conditions.get("direction") == direction
        assert d.entity == eid and d.evidence["entity"] == "before|sure|kind"


def test_numbers_in_code_without_a_price_table_stay_unread(project_registry):
    # the same row outside a table named for prices, or with no division of tokens, is no price
    text = _CODE.replace("pricing = {", "models = {").replace("pricing[model]", "models[model]")
    assert "0.25" not in drafts_by_raw(text, project_registry)
    text = _CODE.replace("/ 1_000_000", "")
    assert "0.25" not in drafts_by_raw(text, project_registry)
