"""catch75: `kb vet`'s misses and false alarms on fresh public write-ups (Markdown posts and
notes about LLM prices and GPU specs, in no corpus; found with the ``search`` tool), each
number judged by hand against a cited fact. Each rule is built on a short quote of such a text.

- a superseded price that an older snapshot kept: "GPT-4o costs $5 per million input tokens
  and $15 per million output tokens" in a 2026 post equals only the first GPT-4o snapshot's
  price (gpt-4o-2024-05-13 kept its launch price) while GPT-4o's own price fell to $2.50 / $10
  in August 2024. A family claim that fits one variant was never a contradiction, so the stale
  price was checked as consistent; now a family claim that equals only a variant's value, and
  the family's own value before it changed, misses the family's value in force (flagged).
- a spec table that quotes the sparse peak of every precision (an H100 row of 1,979 FP16 and
  3,958 FP8 TFLOPS, the datasheet's headline figures) follows a convention: each figure was
  flagged as a sparse figure quoted as dense. When two or more of an article's figures for one
  thing leave sparsity unsaid and each equals that thing's sparse value (none a dense one
  only), the misses are unsure, not flags; a lone sparse figure among dense ones stays flagged,
  and so does a table whose figure the article then multiplies as the throughput it gets.
"""
from __future__ import annotations

from conftest import vet_text, vetted_number


# --- a superseded price an older snapshot kept ----------------------------------------------

_STALE = """\
---
title: "Claude Sonnet 4 vs GPT-4o for Code Generation"
date: 2026-08-17
---

For API users, GPT-4o costs $5 per million input tokens and $15 per million output tokens.
"""


def test_superseded_family_price_is_flagged(tmp_path, root):
    rep = vet_text(tmp_path, root, _STALE)
    for raw in ("$5 per million input tokens", "$15 per million output tokens"):
        n = vetted_number(rep, raw)
        assert n.status == "flagged", (raw, n.status, n.reason)
        assert n.reason == "contradicts-reference"
        assert any("older snapshot" in f.message for f in n.findings)


def test_launch_price_in_its_own_time_is_consistent(tmp_path, root):
    # (the same sentence written in June 2024, when $5 / $15 was GPT-4o's price)
    rep = vet_text(tmp_path, root, _STALE.replace("2026-08-17", "2024-06-01"))
    for raw in ("$5 per million input tokens", "$15 per million output tokens"):
        assert vetted_number(rep, raw).status == "checked"


def test_current_family_price_stays_consistent(tmp_path, root):
    text = _STALE.replace("$5 per million", "$2.50 per million").replace("$15 per million", "$10 per million")
    rep = vet_text(tmp_path, root, text)
    for raw in ("$2.50 per million input tokens", "$10 per million output tokens"):
        assert vetted_number(rep, raw).status == "checked"


def test_the_snapshot_named_keeps_its_own_price(tmp_path, root):
    # (the first snapshot, named, still costs $5 / $15: no superseded value of the family)
    text = _STALE.replace("GPT-4o costs", "the gpt-4o-2024-05-13 snapshot costs")
    rep = vet_text(tmp_path, root, text)
    assert vetted_number(rep, "$5 per million input tokens").status != "flagged"


# --- a spec table of sparse peaks -----------------------------------------------------------

_SPARSE_TABLE = """\
| Spec | A100 80GB | H100 80GB |
|------|-----------|-----------|
| FP8 Tensor | N/A | 3,958 TFLOPS |
| FP16 Tensor | 312 TFLOPS | 1,979 TFLOPS |
"""


def test_sparse_peaks_of_every_precision_are_a_convention(tmp_path, root):
    rep = vet_text(tmp_path, root, "# H100 builds\n\n" + _SPARSE_TABLE)
    n = vetted_number(rep, "3,958 TFLOPS")
    assert n.status != "flagged", (n.status, n.reason)
    assert "convention" in n.reason


def test_a_lone_sparse_figure_stays_flagged(tmp_path, root):
    text = "# H100\n\nThe NVIDIA H100 SXM delivers 3,958 TFLOPS of FP8 compute.\n"
    rep = vet_text(tmp_path, root, text)
    assert vetted_number(rep, "3,958 TFLOPS").status == "flagged"


def test_sparse_peak_the_article_computes_with_stays_flagged(tmp_path, root):
    # (the same figures, then used as the throughput the run gets: the mix-up itself)
    text = ("# LLaMA 3 case study\n\n" + _SPARSE_TABLE
            + "\nEffective FLOPS = 16384 × 1979 × 10^12 × 0.40 ≈ 1.3 × 10^19 FLOPS\n")
    rep = vet_text(tmp_path, root, text)
    assert vetted_number(rep, "3,958 TFLOPS").status == "flagged"


def test_an_undated_text_may_predate_the_change(tmp_path, root):
    # (no date: the table may be from when $5 / $15 was GPT-4o's price)
    text = _STALE.replace("date: 2026-08-17\n", "")
    rep = vet_text(tmp_path, root, text)
    assert vetted_number(rep, "$5 per million input tokens").status != "flagged"
