"""A duration of the writer's own job (a run, a batch, a setup, a download, days of GPU compute)
is a run time (``run-duration``), not a training run's length or a time between releases:
``needs:``/``cues:`` of run-duration and training-duration in datasets/properties/, read by
kb/extract/linking.py's ``_guess_property``.

A table's column headed by a bare time word ("Time", "Time (h:m)", "Duration") holds how long the
row's run takes, whatever thing the row names (a batch, a GPU), unless the table's caption, labels
or the headings it is under name a training run, a latency or a lead time (``TIME_HEADER_RE``,
``TIME_OTHER_RE``).

Sentences and tables from dev-A articles (named in each test); some keep a training run's length.
"""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text
from kb.extract.linking import TIME_HEADER_RE, TIME_OTHER_RE


def _durations(reg, text):
    return [(d.raw, d.property) for d in extract_text(text, reg)
            if d.unit in ("min", "minute", "hour", "hr", "hrs", "day", "s", "second", "sec", "ms")]


def test_a_setup_time_is_a_run_time(project_registry):
    # r114-self-hosting-ai-models
    assert [p for _, p in _durations(project_registry, "- 2-3 hours for initial setup\n")] == ["run-duration"]


def test_a_time_including_a_download_is_a_run_time(project_registry):
    # r114-self-hosting-ai-models
    text = ("This completes the detailed setup guide for AI agents. The entire process should take "
            "2-3 hours including model download time.")
    assert [p for _, p in _durations(project_registry, text)] == ["run-duration"]


def test_days_of_gpu_compute_are_a_run_time(project_registry):
    # r115-cheapest-dl-workstation
    text = "Challenge - with only a budget of 7 days of EC2 GPU compute"
    assert [p for _, p in _durations(project_registry, text)] == ["run-duration"]


def test_an_hour_batch_is_a_run_time(project_registry):
    # r54-self-hosting-economics
    text = ("Spot instances save 60-80% but can be reclaimed mid-batch. You need retry logic or "
            "checkpointing. For a 1-hour batch this is usually fine (low probability of preemption), "
            "but for multi-hour jobs it becomes a real concern.")
    assert _durations(project_registry, text)[0][1] == "run-duration"


def test_a_time_per_run_column_is_a_run_time(project_registry):
    # r67-local-vs-api-cost
    text = ("| Rig | Time per run (est.) | Cost per run | Runs per $1 | Notes |\n"
            "| --- | --- | --- | --- | --- |\n"
            "| RTX 3090 (Q5_K_M 32B) | ~8 min | ~$0.008 | 125 | Cheapest if you own hardware |\n")
    assert [p for _, p in _durations(project_registry, text)] == ["run-duration"]


def test_a_training_time_stays_a_training_duration(project_registry):
    # r19-welcome-mixtral
    text = ("This takes about 48 hours to train on a single A100, but can be easily parallelised by "
            "tweaking `--num_processes` to the number of GPUs you have available.")
    assert [p for _, p in _durations(project_registry, text)] == ["training-duration"]


def test_a_pretraining_stage_stays_a_training_duration(project_registry):
    # r17-deepseek-v3-cost
    text = ("> During the pre-training state, training DeepSeek-V3 on each trillion tokens requires only "
            "180K H800 GPU hours, i.e., 3.7 days on our own cluster with 2048 H800 GPUs.")
    assert [p for _, p in _durations(project_registry, text)] == ["training-duration"]


def test_a_time_column_of_batches_is_a_run_time(project_registry):
    # r126-self-hosted-vs-parasail-costs
    text = ("## 📈 Cost Projections by Batch Size\n\n"
            "### **Gemma 3 4B (Self-Hosted)**\n\n"
            "| Batch Size | Time | Self-Hosted Cost | Parasail GPT-OSS 20B | Savings |\n"
            "|------------|------|------------------|----------------------|---------|\n"
            "| 5,000 | 37 min | **$0.05** | $0.47 | $0.42 (89%) |\n"
            "| 50,000 | 6.1 hrs | **$0.51** | $4.66 | $4.15 (89%) |\n"
            "| 200,000 | 24.5 hrs | **$2.06** | $18.63 | $16.57 (89%) |\n")
    assert _durations(project_registry, text) == [("37 min", "run-duration"), ("6.1 hrs", "run-duration"),
                                                  ("24.5 hrs", "run-duration")]


def test_a_time_column_in_a_gpus_row_is_a_run_time(project_registry):
    # r118-colab-gpu-pricing
    text = ("# S3. Cost Per GPU\n\n"
            "The fourth column shows you how much time you'll get (in hours:minutes) for your $10.\n\n"
            "| GPU  | Units/hr  | $/hr   | Time (h:m)  | Date Checked |\n"
            "|------|--------------|----------|----------------------|---------|\n"
            "| T4   | 1.84         | \\\\$0.18    | 54:20                |  2024-04-10 |\n"
            "| V100 | 4.91         | \\\\$0.49    | 20:21                |  2024-04-10 |\n")
    assert [p for _, p in _durations(project_registry, text)] == ["run-duration", "run-duration"]


def test_a_duration_column_under_a_training_heading_stays_a_training_run(project_registry):
    # r01-training-cost-index
    text = ("## Training Run Estimates by Scale\n\n"
            "### Small Scale (Research / Startup)\n\n"
            "| Model Size | Tokens | GPUs | Duration | Cost (H100 on-demand) |\n"
            "|-----------|--------|------|----------|----------------------|\n"
            "| 1B | 100B | 8 | ~8 hrs | ~$6.3K |\n"
            "| 7B | 200B | 32 | ~2.5 days | ~$197K |\n")
    assert [p for _, p in _durations(project_registry, text)] == ["training-duration", "training-duration"]


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
