"""Prose numbers that a registry thing near them is the entity of, not a thing of the
article's own (kb/extract/linking.py): a pronoun subject after a long opening phrase, a model
named as the service whose users are counted, a count written onto a name ("8xH100"), and an
amount said to be what a piece of hardware costs.

The sentences are quoted from the development articles (dev-A half), each with its id.
"""
from __future__ import annotations

from conftest import linked_draft

from kb.extract.linking import index_for


# --- a pronoun subject after an opening phrase ------------------------------------------------

# r90-ai-money-loop
STARGATE = ("The Stargate Project — a $500 billion joint venture between OpenAI, Oracle, SoftBank, and Abu "
            "Dhabi's MGX — is one of the largest infrastructure commitments in tech history. Announced at "
            "the White House alongside President Trump, it intends to deploy 10 gigawatts of AI compute "
            "across the US over four years.")


def test_a_pronoun_after_a_long_opening_phrase_is_the_sentence_befores_subject(project_registry):
    # "it" (after an eight-word participle phrase) is the project the sentence before is about,
    # not a cluster of the writer's own nor the US named after the number
    assert linked_draft(project_registry, STARGATE, "10 gigawatts")[0] == "stargate"


def test_without_the_pronoun_the_power_stays_the_articles_own(project_registry):
    text = STARGATE.replace("Trump, it intends to deploy", "Trump, the plan is to deploy")
    assert linked_draft(project_registry, text, "10 gigawatts")[0] != "stargate"


# --- a model named as the service whose users are counted -------------------------------------

# r56-lean-and-hungry-ant
CHATGPT = ("ChatGPT has over 800 million weekly active users, of which roughly 20 million are paid "
           "subscribers: a conversion rate around 2.5%.")


def test_a_chat_services_paying_subscribers_are_the_models(project_registry):
    assert linked_draft(project_registry, CHATGPT, "roughly 20 million") == ("chatgpt", "paying-subscribers")


def test_a_model_in_a_tables_row_is_no_service_whose_users_are_counted(project_registry):
    # r102-token-economics-cost-equation: a crossover point of a scenario, not the model's users
    text = ("| Comparison | Break-even point |\n|---|---|\n"
            "| Self-hosted vs Mid-tier API (Haiku) | **~400-500 users** |\n"
            "| Self-hosted vs Frontier API (Sonnet) | **~100-200 users** |\n")
    assert linked_draft(project_registry, text, "400-500 users")[0] == "new"


# --- a count written onto a name --------------------------------------------------------------

def test_a_count_written_onto_a_name_is_the_name(project_registry):
    idx = index_for(project_registry.entities, project_registry.properties)
    assert [e for _, _, e in idx.aliases_in("you need 3 to 4 nodes of 8xH100 (80 GB each)")] == ["nvidia-h100"]
    # an instance's size, a model's experts: no count before a name
    assert [e for _, _, e in idx.aliases_in("a p4d.24xlarge instance")] == ["aws-p4d.24xlarge"]
    assert [e for _, _, e in idx.aliases_in("Mixtral 8x7B")] == ["mixtral-8x7b"]


def test_each_cards_memory_in_a_node_of_8xh100_is_the_cards(project_registry):
    # r102-token-economics-cost-equation
    text = ("Add KV-cache for concurrent users, activation memory, and operational headroom, and you need "
            "3 to 4 nodes of 8xH100 (80 GB each) to serve 100 concurrent users with acceptable latency.")
    assert linked_draft(project_registry, text, "80 GB")[0] == "nvidia-h100"


# --- what a piece of hardware costs -----------------------------------------------------------

def test_an_amount_said_to_be_the_cost_of_a_gpu_is_its_price(project_registry):
    # r115-cheapest-dl-workstation
    assert linked_draft(project_registry, "Goal : upgrade the GPU to a P40 or multiple ones.\n\n170€ can be the cost of your P40 GPU.",
                        "170€") == ("nvidia-tesla-p40", "purchase-price")


def test_what_each_of_the_gpus_named_before_costs_is_their_price(project_registry):
    # r122-assistant-startup-costs-notes
    text = "It seems like we are gonna need some a100 gpus. They cost about $10k each."
    assert linked_draft(project_registry, text, "about $10k") == ("nvidia-a100", "purchase-price")


def test_the_cost_of_a_cluster_of_the_writers_own_stays_its_own(project_registry):
    text = "We paid $30,000, the cost of our H100 cluster for a month."
    assert linked_draft(project_registry, text, "$30,000")[0] == "new"
