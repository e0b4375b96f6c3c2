"""A size given to a class, then a model family named as its example ("a 405B parameter LLM
like Llama 3"), is the family's model of that size (kb/extract/linking.py,
``Index._size_before``): the family's variant of the size, or the model the registry names by
the family's name and the size ("Llama 3 405B"). Without such a size the name stays the family.
"""
from __future__ import annotations

from kb.extract.drafts import extract_text
from kb.extract.linking import index_for


# a registry of its own: a family with two sizes, and a later family whose largest model the
# registry also names by the earlier family's name
ENTITIES = [
    {"id": "acme-3", "kind": "model", "aliases": ["Acme 3"]},
    {"id": "acme-3-8b", "kind": "model", "family": "acme-3", "aliases": ["Acme 3 8B"]},
    {"id": "acme-3-70b", "kind": "model", "family": "acme-3", "aliases": ["Acme 3 70B"]},
    {"id": "acme-3.1", "kind": "model", "aliases": ["Acme 3.1"]},
    {"id": "acme-3.1-405b", "kind": "model", "family": "acme-3.1", "aliases": ["Acme 3.1 405B", "Acme 3 405B"]},
]


def _hits(text):
    idx = index_for(ENTITIES, [])
    return [(text[s:e], eid) for s, e, eid in idx.aliases_in(text)]


def test_a_size_given_to_a_class_before_the_family_named_as_example():
    # r108-llm-training-faqs: "### **How many GPUs are needed to train a 405B parameter LLM
    # like Llama 3?**" (its Llama 3 405B; the registry names it "Llama 3 405B")
    assert _hits("How many GPUs are needed to train a 405B parameter LLM like Acme 3?") == \
        [("Acme 3", "acme-3.1-405b")]
    assert _hits("a 70B model such as Acme 3 needs two GPUs") == [("Acme 3", "acme-3-70b")]
    assert _hits("a 70B-parameter model like Acme 3") == [("Acme 3", "acme-3-70b")]


def test_without_such_a_size_the_family_stays():
    assert _hits("Acme 3 is a family of models.") == [("Acme 3", "acme-3")]
    # a size the family has no model of: the family, not a guess
    assert _hits("a 13B model like Acme 3") == [("Acme 3", "acme-3")]
    # a size far from the name, or not given to the example's class
    assert _hits("We trained 70B tokens on Acme 3.") == [("Acme 3", "acme-3")]
    assert _hits("a 70B model. Acme 3 is another") == [("Acme 3", "acme-3")]


def test_r108_heading_links_its_sized_model(project_registry):
    # r108-llm-training-faqs: the heading names the article's model; the figure after it is
    # Llama 3 405B's (the curated entity llama-3.1-405b)
    text = ("### **How many GPUs are needed to train a 405B parameter LLM like Llama 3?**\n\n"
            "It was pre-trained on 15.6 trillion tokens.\n")
    d = [x for x in extract_text(text, project_registry) if x.value == 15.6]
    assert d and d[0].entity == "llama-3.1-405b"


def test_an_accelerator_followed_by_its_line_noun_is_the_accelerator(project_registry):
    # r49-google-ai-moat-chips: "For Trillium TPUs, this connection provides 3.200 GBps of
    # bandwidth per chip." (curated: google-tpu-v6e, which the registry calls "Trillium")
    idx = index_for(project_registry.entities, project_registry.properties)
    text = "For Trillium TPUs, this connection provides 3.200 GBps of bandwidth per chip."
    assert [(text[s:e], eid) for s, e, eid in idx.aliases_in(text)] == [("Trillium TPUs", "google-tpu-v6e")]
    # a line's name with a number is another chip's name ("TPU v5e"), and two chips side by
    # side in a table header stay two
    text = "the A100 H100 table"
    assert [eid for _, _, eid in idx.aliases_in(text)] == ["nvidia-a100", "nvidia-h100"]
