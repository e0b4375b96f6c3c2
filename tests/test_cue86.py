"""cue86: the margin named after a percentage and the R&D hint's prefilter read the property
vocabulary's cue words (datasets/properties), not hand-written word lists.

Sentences from development articles (r168's "Profit Margin" column, r73's opening, r155's
DeepSeek margin on cost, the last two shortened) and short sentences written for the test (the
margin phrases, the R&D lines)."""
from __future__ import annotations

import pytest

from tests.conftest import drafts_by_raw


@pytest.mark.parametrize("pid, entry", [("net-margin", "net margin"), ("net-margin", "profit margin"),
                                        ("operating-margin", "operating margin"),
                                        ("adjusted-ebitda-margin", "EBITDA margin"),
                                        ("expense-line", "research & development")])
def test_vocabulary_declares_the_cue_words(project_registry, pid, entry):
    # the words the linker reads are the property's own cue words
    from kb.extract.linking import index_for

    idx = index_for(project_registry.entities, project_registry.properties)
    p = idx.prop_by_id[pid]
    assert p.cue is not None and p.cue.search(entry) is not None


@pytest.mark.parametrize("words, pid", [("net margin", "net-margin"), ("net profit margin", "net-margin"),
                                        ("profit margins", "net-margin"), ("operating margin", "operating-margin"),
                                        ("operating profit margin", "operating-margin"),
                                        ("adjusted EBITDA margin", "adjusted-ebitda-margin"),
                                        ("gross margin", "gross-margin"), ("margins", "gross-margin"),
                                        ("contribution margin", "gross-margin")])
def test_margin_named_after_by_cue(project_registry, words, pid):
    from kb.extract.linking import _margin_named_after, index_for

    idx = index_for(project_registry.entities, project_registry.properties)
    view = f"50% {words}."
    assert _margin_named_after(idx, view, 3, [50.0]) == pid


def test_margin_change_word_is_no_margin(project_registry):
    from kb.extract.linking import _margin_named_after, index_for

    idx = index_for(project_registry.entities, project_registry.properties)
    assert _margin_named_after(idx, "a 5% margin improvement.", 4, [5.0]) is None


def test_profit_margin_column_is_net_margin(project_registry):
    # r168-nvidia-partners-comparison's "Profit Margin" column (its first row)
    text = ("### Profitability Metrics\n\n| **Company** | **Profit Margin** | **ROA** | **ROE** |\n"
            "| --- | --- | --- | --- |\n| **TSMC** | 39.12% | 12.41% | 28.03% |\n")
    assert drafts_by_raw(text, project_registry)["39.12%"].property == "net-margin"


def test_operating_margin_after_ebitda_margin(project_registry):
    # r73-coreweave-q3-2025-analysis's opening
    text = ("Revenue rose to $1.36B (+134% YoY) and a 61% adjusted EBITDA margin while GAAP operating "
            "margin compressed to 4% and debt leverage climbed.\n")
    got = drafts_by_raw(text, project_registry)
    assert got["61%"].property == "adjusted-ebitda-margin"
    assert got["4%"].property == "operating-margin"


def test_cost_profit_margin_stays_a_ratio(project_registry):
    # r155-model-subsidies-ending: "profit margin" is a net margin's cue, a margin on cost a ratio
    text = "In March 2025, DeepSeek disclosed a theoretical 545% cost-profit margin for its service.\n"
    assert drafts_by_raw(text, project_registry)["545%"].property == "ratio"


@pytest.mark.parametrize("text, raw", [
    ("Meta's research & development expenses of $12.1 billion rose again.\n", "$12.1 billion"),
    ("Alphabet spent $13.5 billion on research and development in the quarter.\n", "$13.5 billion"),
    ("The company's R&D spending reached $6.7 billion last year.\n", "$6.7 billion"),
])
def test_rd_spending_is_an_expense_line(project_registry, text, raw):
    assert drafts_by_raw(text, project_registry)[raw].property == "expense-line"
