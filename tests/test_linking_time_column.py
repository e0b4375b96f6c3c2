"""A table's column headed by a bare time word ("Time", "Time (h:m)", "Duration") holds how
long the row's run takes (``run-duration``), whatever thing the row names (a batch, a GPU),
unless the table's caption, labels or the headings it is under name a training run, a latency
or a lead time: kb/extract/linking.py (``TIME_HEADER_RE``, ``TIME_OTHER_RE``).

Tables from dev-A articles (named in each test); the last keeps a training run's length.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kb.extract.drafts import extract_text
from kb.extract.linking import TIME_HEADER_RE, TIME_OTHER_RE, load_registry

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def reg():
    return load_registry(ROOT)


def _durations(reg, text):
    return [(d.raw, d.property) for d in extract_text(text, reg)
            if d.unit in ("min", "minute", "hour", "hr", "hrs", "day", "s", "second", "sec")]


def test_a_time_column_of_batches_is_a_run_time(reg):
    # r126-self-hosted-vs-parasail-costs
    text = ("## 📈 Cost Projections by Batch Size\n\n"
            "### **Gemma 3 4B (Self-Hosted)**\n\n"
            "| Batch Size | Time | Self-Hosted Cost | Parasail GPT-OSS 20B | Savings |\n"
            "|------------|------|------------------|----------------------|---------|\n"
            "| 5,000 | 37 min | **$0.05** | $0.47 | $0.42 (89%) |\n"
            "| 50,000 | 6.1 hrs | **$0.51** | $4.66 | $4.15 (89%) |\n"
            "| 200,000 | 24.5 hrs | **$2.06** | $18.63 | $16.57 (89%) |\n")
    assert _durations(reg, text) == [("37 min", "run-duration"), ("6.1 hrs", "run-duration"),
                                     ("24.5 hrs", "run-duration")]


def test_a_time_column_in_a_gpus_row_is_a_run_time(reg):
    # r118-colab-gpu-pricing
    text = ("# S3. Cost Per GPU\n\n"
            "The fourth column shows you how much time you'll get (in hours:minutes) for your $10.\n\n"
            "| GPU  | Units/hr  | $/hr   | Time (h:m)  | Date Checked |\n"
            "|------|--------------|----------|----------------------|---------|\n"
            "| T4   | 1.84         | \\\\$0.18    | 54:20                |  2024-04-10 |\n"
            "| V100 | 4.91         | \\\\$0.49    | 20:21                |  2024-04-10 |\n")
    assert [p for _, p in _durations(reg, text)] == ["run-duration", "run-duration"]


def test_a_duration_column_under_a_training_heading_stays_a_training_run(reg):
    # r01-training-cost-index
    text = ("## Training Run Estimates by Scale\n\n"
            "### Small Scale (Research / Startup)\n\n"
            "| Model Size | Tokens | GPUs | Duration | Cost (H100 on-demand) |\n"
            "|-----------|--------|------|----------|----------------------|\n"
            "| 1B | 100B | 8 | ~8 hrs | ~$6.3K |\n"
            "| 7B | 200B | 32 | ~2.5 days | ~$197K |\n")
    assert [p for _, p in _durations(reg, text)] == ["training-duration", "training-duration"]


@pytest.mark.parametrize("header, bare", [
    ("Time", True), (" Time (h:m)  ", True), ("**Duration**", True), ("Est. time", True), ("Runtime", True),
    ("Time to first token", False), ("Training time", False), ("Lead time", False), ("Date Checked", False),
])
def test_a_bare_time_header(header, bare):
    assert (TIME_HEADER_RE.fullmatch(header) is not None) == bare


def test_words_of_other_times():
    assert TIME_OTHER_RE.search("## Fine-Tuning Cost Guide")
    assert TIME_OTHER_RE.search("Latency by model")
    assert not TIME_OTHER_RE.search("Gemma 3 4B (Self-Hosted) Batch Size Time 5,000 37 min")
