"""A duration of the writer's own job (a run, a batch, a setup, a download, days of GPU compute)
is a run time (``run-duration``), not a training run's length or a time between releases:
``needs:``/``cues:`` of run-duration and training-duration in datasets/properties/, read by
kb/extract/linking.py's ``_guess_property``.

Sentences from dev-A articles (named in each test); the last two keep a training run's length.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kb.extract.drafts import extract_text
from kb.extract.linking import load_registry

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def reg():
    return load_registry(ROOT)


def _durations(reg, text):
    return [(d.raw, d.property) for d in extract_text(text, reg)
            if d.unit in ("min", "minute", "hour", "hr", "hrs", "day", "second", "sec", "ms")]


def test_a_setup_time_is_a_run_time(reg):
    # r114-self-hosting-ai-models
    assert [p for _, p in _durations(reg, "- 2-3 hours for initial setup\n")] == ["run-duration"]


def test_a_time_including_a_download_is_a_run_time(reg):
    # r114-self-hosting-ai-models
    text = ("This completes the detailed setup guide for AI agents. The entire process should take "
            "2-3 hours including model download time.")
    assert [p for _, p in _durations(reg, text)] == ["run-duration"]


def test_days_of_gpu_compute_are_a_run_time(reg):
    # r115-cheapest-dl-workstation
    text = "Challenge - with only a budget of 7 days of EC2 GPU compute"
    assert [p for _, p in _durations(reg, text)] == ["run-duration"]


def test_an_hour_batch_is_a_run_time(reg):
    # r54-self-hosting-economics
    text = ("Spot instances save 60-80% but can be reclaimed mid-batch. You need retry logic or "
            "checkpointing. For a 1-hour batch this is usually fine (low probability of preemption), "
            "but for multi-hour jobs it becomes a real concern.")
    assert _durations(reg, text)[0][1] == "run-duration"


def test_a_time_per_run_column_is_a_run_time(reg):
    # r67-local-vs-api-cost
    text = ("| Rig | Time per run (est.) | Cost per run | Runs per $1 | Notes |\n"
            "| --- | --- | --- | --- | --- |\n"
            "| RTX 3090 (Q5_K_M 32B) | ~8 min | ~$0.008 | 125 | Cheapest if you own hardware |\n")
    assert [p for _, p in _durations(reg, text)] == ["run-duration"]


def test_a_training_time_stays_a_training_duration(reg):
    # r19-welcome-mixtral
    text = ("This takes about 48 hours to train on a single A100, but can be easily parallelised by "
            "tweaking `--num_processes` to the number of GPUs you have available.")
    assert [p for _, p in _durations(reg, text)] == ["training-duration"]


def test_a_pretraining_stage_stays_a_training_duration(reg):
    # r17-deepseek-v3-cost
    text = ("> During the pre-training state, training DeepSeek-V3 on each trillion tokens requires only "
            "180K H800 GPU hours, i.e., 3.7 days on our own cluster with 2048 H800 GPUs.")
    assert [p for _, p in _durations(reg, text)] == ["training-duration"]
