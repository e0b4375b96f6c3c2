"""A percent in a table row naming a registry model, with no word near (labels, caption, the
headings the table is under) that makes it a part of a whole, is the model's score
(``benchmark-score``), not a ``share`` by default: kb/extract/linking.py (``SHARE_WORDS_RE``).

Tables from dev-A articles (named in each test); the last keeps a share.
"""
from __future__ import annotations

from kb.extract.drafts import extract_text
from kb.extract.linking import SHARE_WORDS_RE


def _percents(reg, text):
    return [(d.raw, d.entity, d.property) for d in extract_text(text, reg) if d.unit == "percent"]


def test_a_percent_in_a_models_row_is_its_score(project_registry):
    # r21-context-window-chart
    text = ("# Context Window Comparison Chart\n\n"
            "### Needle in a Haystack Test\n\n"
            "Insert a specific fact in the middle of a long context and test retrieval:\n\n"
            "### Results (Typical)\n\n"
            "| Model | 25% | 50% | 75% | 95% |\n"
            "|-------|-----|-----|-----|-----|\n"
            "| GPT-5.2 | 100% | 98% | 99% | 100% |\n"
            "| Llama 4 | 98% | 88% | 92% | 97% |\n")
    got = _percents(project_registry, text)
    assert [p for _, _, p in got] == ["benchmark-score"] * 8
    assert got[0][1] == "gpt-5.2"


def test_a_market_share_in_a_models_row_stays_a_share(project_registry):
    # the same table under a heading naming a market (as r21-context-window-chart's table is laid out)
    text = ("# Context Window Comparison Chart\n\n"
            "### Market share (Typical)\n\n"
            "| Model | 2024 | 2025 |\n"
            "|-------|-----|-----|\n"
            "| GPT-5.2 | 40% | 38% |\n")
    assert [p for _, _, p in _percents(project_registry, text)] == ["share", "share"]


def test_words_of_a_part():
    assert SHARE_WORDS_RE.search("Share of traffic")
    assert SHARE_WORDS_RE.search("Cost breakdown")
    assert not SHARE_WORDS_RE.search("GPT-5.2 25% Results (Typical) 100%")
