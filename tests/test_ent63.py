"""ent63: entity linking in prose: the nearest mention before the number, and subjects the
registry did not find (kb/extract/linking.py, datasets/entities, datasets/properties).

Rules, each built on short quotes of the dev-B articles that showed the gap:

- registry: a chat service the registry files as a model (ChatGPT) is sold by the month:
  subscription-price has a range for kind model, so "Developers must subscribe to the ChatGPT Pro
  plan, which costs $200 per month" is ChatGPT's price, not a thing of the article's own (dev-B
  r161-claude-sonnet-vs-o1, r155-model-subsidies-ending).
"""
from __future__ import annotations

import pytest

from conftest import linked_entity as _link


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


@pytest.mark.parametrize("text, raw", [
    ("Developers must subscribe to the ChatGPT Pro plan, which costs $200 per month.\n", "$200"),
    ("A fully utilized $200 ChatGPT Pro plan, valued at published API rates, would cost up to $14,000 a month.\n",
     "$200"),
])
def test_a_chat_service_has_a_subscription_price(reg, text, raw):
    assert _link(reg, text, raw) == "chatgpt"
