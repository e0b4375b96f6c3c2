"""new75: registry things drafted as things of the article's own ("wrongly new").

- a writer's own shopping ("I set up a search and there are usually a few RTX 3090s for sale,
  usually around $1000 to $1200", "I saw another ad for a used RTX 3090 ... for $800") prices the
  card named before the amount in that sentence: what one pays for a bought thing (a GPU, a
  system, a CPU) is its purchase price, whoever pays it. Before, the first-person verb ("set up",
  "saw", "paid") read the amount as what the writer's own run got, and the card as no owner of it.
  So too a plain sum after a verb of buying or finding ("We got a used RTX 3090 off a marketplace
  for $650", "I saw the H100 go for $25,000"), read before as a workload's cost of the article's
  own; not a thing built from the card ("our RTX 4090 box ... for $3,200"), nor a sum spent on a
  run ("We trained on 8 A100s for $2,000 of compute").
  Not so for other properties of a writer's run ("I can run Llama 3 8B at ~25 tok/s").
"""
from __future__ import annotations

import pytest

from conftest import draft_of, linked_entity


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


@pytest.mark.parametrize("text, raw, want", [
    ("I set up a search on a classifieds site and there are usually a few RTX 3090s for sale, "
     "usually around $1000 to $1200.", "$1000 to $1200", "nvidia-geforce-rtx-3090"),
    ("Eventually, I saw another ad for a used RTX 3090 that had been pulled from a workstation "
     "for $800 and contacted the seller.", "$800", "nvidia-geforce-rtx-3090"),
    ("I saw a used RTX 4090 listed for $1,500 on a local forum.", "$1,500", "nvidia-geforce-rtx-4090"),
    ("We got two used RTX 3060 cards for $250 each.", "$250", "nvidia-geforce-rtx-3060"),
])
def test_writer_purchase_is_the_named_cards_price(reg, text, raw, want):
    d = draft_of(reg, text, raw)
    assert d.property == "purchase-price"
    assert d.entity == want


def test_writer_run_still_not_the_models_figure(reg):
    # a throughput the writer got from a run stays the run's (unchanged behaviour)
    text = "Yes, I can run Llama 3 8B at ~25 tokens per second on my laptop."
    assert linked_entity(reg, text, "25") != "llama-3-8b"


@pytest.mark.parametrize("text, raw, want", [
    ("We got a used RTX 3090 off Facebook Marketplace for $650 last month.", "$650", "nvidia-geforce-rtx-3090"),
    ("I got an RTX 4070 Super for $599 on Black Friday.", "$599", "nvidia-geforce-rtx-4070-super"),
    ("I saw the H100 go for $25,000 and decided to rent instead.", "$25,000", "nvidia-h100"),
])
def test_writer_buying_prices_the_named_card(reg, text, raw, want):
    d = draft_of(reg, text, raw)
    assert (d.entity, d.property) == (want, "purchase-price")


@pytest.mark.parametrize("text, raw", [
    ("We got our RTX 4090 box for $3,200 from a local builder.", "$3,200"),
    ("We trained on 8 A100s for $2,000 of compute.", "$2,000"),
])
def test_writer_buying_a_built_thing_or_a_run_stays_own(reg, text, raw):
    d = draft_of(reg, text, raw)
    assert d.entity is None
