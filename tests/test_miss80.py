"""miss80: misreadings on fresh public text (issue 14), found on public articles in no corpus
(cloud and neocloud economics notes, a GPU inference benchmark report, cost-per-token
walkthroughs), judged by hand, dev as the guard.

- A span of time alone in brackets right after a percentage ("AI PaaS sub-segment CAGR | 51.1%
  (5yr)") is the period the rate is taken over: no duration of its own.
- A line's label naming counted things and what was done to them ("**GPUs Tested**: 9 (RTX 3090,
  ...)", "Nodes used: 64") gives the bare number after it its unit, as "**GPUs:** 512" does.
- A model size opening a cell under a column of model classes or sizes ("| Model class |" over
  "| 70B-class (DeepSeek V3 / Qwen 72B) |") is the row's size, as "70B dense" above it is; "a
  7B-class model" in passing stays no claim.
"""
from __future__ import annotations

from kb.extract.drafts import extract_text


def _read(text):
    return [(d.raw, d.value, d.low, d.high, d.unit) for d in extract_text(text)]


def test_a_rates_horizon_in_brackets_is_no_duration():
    got = _read("| Metric | Value | Source |\n|---|---|---|\n"
                "| AI PaaS sub-segment CAGR | 51.1% (5yr) | IDC — fastest PaaS growth category |\n")
    assert [(r[1], r[4]) for r in got] == [(51.1, "percent")], got
    got = _read("AI PaaS sub-segment CAGR of 51.1% (5yr), the fastest PaaS growth category.")
    assert [(r[1], r[4]) for r in got] == [(51.1, "percent")], got


def test_a_duration_in_brackets_not_after_a_rate_stays():
    # the duration is what the brackets state, after no percentage, or with more than a span in them
    got = _read("The contract runs (5 years) at $2.10 per GPU-hour.")
    assert (5.0, "year") in [(r[1], r[4]) for r in got], got
    got = _read("Revenue rose 44% (3 months to June).")
    assert (3.0, "month") in [(r[1], r[4]) for r in got], got


def test_a_label_of_counted_things_done_gives_the_count_its_unit():
    got = _read("# GPU Benchmark Report\n\n**GPUs Tested**: 9 (RTX 3090, RTX 4090, RTX 5060 Ti, RTX 5070, "
                "RTX 5070 Ti, RTX 5080, RTX 5090, A100 80GB, H200 NVL)\n")
    assert (9.0, "GPU") in [(r[1], r[4]) for r in got], got
    # a label whose last word is no counted noun nor such a participle after one gives none
    got = _read("**GPUs Rented Hourly**: 9\n")
    assert (9.0, "GPU") not in [(r[1], r[4]) for r in got], got


CLASSES = ("| # | Model class | GPU | Precision | Approx TPS | Cost per 1M tokens |\n|---|---|---|---|---|---|\n"
           "| A | 70B dense | 1x H100 | FP8 | ~85 | ~$6.54 |\n"
           "| C | 70B-class (DeepSeek V3 / Qwen 72B) | 1x H100 | INT4 | ~120 | ~$4.63 |\n")


def test_a_size_class_opening_a_model_class_cell_is_the_rows_size():
    got = [(r[0], r[1], r[4]) for r in _read(CLASSES)]
    assert got.count(("70B", 70.0, "billion parameter")) == 2, got


def test_a_size_class_in_passing_stays_no_claim():
    got = _read("| GPU | Use |\n|---|---|\n| L40S | 7B-class models |\n| H100 | 70B-class models |\n")
    assert not any(r[4] == "billion parameter" for r in got), got
    assert not any(r[4] == "billion parameter" for r in _read("We serve a 70B-class model on one H100.")), got
