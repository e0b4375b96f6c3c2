"""A model line's name read with what follows it (kb/extract/linking.py, ``Index.dated_lines``
and ``grouped_row_names``; new42t): a group's label that is a line's name ("| **Llama (hosted)**
|") over rows whose second cell is a size ("8B", "70B") or a word of one model's name
("Maverick") is that model of the latest version out by the article's date that has it
(Llama 3.1's 8B and 70B in 2026, Llama 4's Maverick), not the line's latest version (Llama 4)
or a thing of the article's own; and a card's row label with words of its edition ("| RTX 4090
Desktop (Ada) |") is the card's bare name.

Rows and sentences from r102-token-economics-cost-equation (dev-A, published 2026-04) and
r112-tensorrt-llm-vs-llama-cpp (dev-A).
"""
from __future__ import annotations

from kb.extract.drafts import extract_text
from kb.extract.linking import index_for


# r102-token-economics-cost-equation, "### Frontier and Mid-Tier Model Pricing"
R102_TABLE = ("| Provider | Model | Input (per M tokens) | Output (per M tokens) |\n"
              "|---|---|---|---|\n"
              "| **Mistral** | Small | $0.20 | $0.60 |\n"
              "| | Medium | $1.00 | $3.00 |\n"
              "| | Large | $2.00 | $6.00 |\n"
              "| **Llama (hosted)** | 8B | $0.05 | $0.08 |\n"
              "| | Maverick | $0.15 | $0.60 |\n"
              "| | 70B | $0.70 | $0.90 |\n")

# r112-tensorrt-llm-vs-llama-cpp, "### How We Conducted the Tests"
R112_TABLE = ("| NVIDIA GPU                | VRAM Used (GB) | CUDA Cores | Tensor Cores | Memory Bus Width (bit) | Memory Bandwidth (GB/s) |\n"
              "| ------------------------- | -------------- | ---------- | ------------ | ---------------------- | ----------------------- |\n"
              "| RTX 4090 Desktop (Ada)    | 24             | 16,384     | 512          | 384                    | ~1000                   |\n"
              "| RTX 3090 Desktop (Ampere) | 24             | 10,496     | 328          | 384                    | 935.8                   |\n")


def _by_price(reg, text, published="2026-04"):
    return {d.raw: (d.entity, d.entity_new is not None) for d in extract_text(text, reg, published=published)}


def _hits(reg, text, published):
    idx = index_for(reg.entities, reg.properties)
    low = text.lower()
    return [(text[s:e], eid) for s, e, eid in idx.dated_lines(text, low, idx.aliases_in(text, low), published)]


def test_a_line_label_over_a_size_is_the_latest_version_with_that_size(project_registry):
    got = _by_price(project_registry, R102_TABLE)
    # "Llama" in April 2026 is Llama 4, which has no 8B or 70B: Llama 3.1's, the newest that has
    assert got["$0.05"] == ("llama-3.1-8b", False)
    assert got["$0.08"] == ("llama-3.1-8b", False)
    assert got["$0.70"] == ("llama-3.1-70b", False)
    assert got["$0.90"] == ("llama-3.1-70b", False)
    # (the Mistral rows read as before)
    assert got["$1.00"][0] == "mistral-medium-3"
    assert got["$0.20"] == (None, True)


def test_a_line_label_over_a_word_of_one_models_name_is_that_model(project_registry):
    got = _by_price(project_registry, R102_TABLE)
    assert got["$0.15"] == ("llama-4-maverick", False)


def test_the_version_is_the_one_out_by_the_date(project_registry):
    # before Llama 3.1 (July 2024) a "Llama" 70B was Llama 3's; before Llama 4, no Maverick
    got = _by_price(project_registry, R102_TABLE, published="2024-05-01")
    assert got["$0.70"] == ("llama-3-70b", False)
    assert got["$0.15"][0] != "llama-4-maverick"


def test_a_word_after_the_line_in_prose_names_the_model_and_a_size_is_left_alone(project_registry):
    assert _hits(project_registry, "We priced Llama Maverick for the chatbot.", "2026-04") == \
        [("Llama Maverick", "llama-4-maverick")]
    # a word no model of the line has: another product ("Llama Guard"), left as before
    assert _hits(project_registry, "We ran Llama Guard on each prompt.", "2026-04") == []
    # a size in running text is left as before (r102: "Llama 8B at $0.05/$0.08"): no new reading
    assert ("Llama 8B", "llama-3.1-8b") not in _hits(project_registry, "Llama 8B at $0.05/$0.08 is nearly free", "2026-04")


def test_a_cards_row_label_with_its_edition_is_the_card(project_registry):
    got = [(d.raw, d.entity) for d in extract_text(R112_TABLE, project_registry, published="2024-04")]
    # "VRAM Used (GB)": the card's memory, of the card the row names (not a thing built from it)
    assert got[0] == ("24", "nvidia-geforce-rtx-4090")
    assert ("24", "nvidia-geforce-rtx-3090") in got

