"""new58: forms the two new dev-B articles showed unseen (r155, an Arize AI blog post on model
subsidies; r157, a Hugging Face post benchmarking Gaudi2 against the A100 80GB).

- A multiple written with its sign before the number ("a x3.04 speedup", a Speedup row's
  "| x1.0 | x3.04 |", "x2.44 faster than A100 80GB") is a ratio, as "3.04x" is; the sign alone
  before a whole number is not ("PCIe 4.0 x16", "x86", "Fan (x4)").
- Samples a second ("1580.2 samples/s versus 981.6", a "Throughput (samples/s)" row) are a
  throughput in examples a second, not a count of samples; the bare figure after "versus" takes
  the rate too.
- Costs "per task" are per request ("| Cost per task |" over "$10.40"); an Elo column's ratings
  are points (benchmark-points), no ratio.
- Whose a figure is: a column headed by what the rows' multiples are against ("| Cost vs GLM-5.2 |")
  gives its cells to the row's model, not to the one named after "vs"; in prose the name right
  after "for" owns a multiple ("paying 4.3x for Opus or 12.9x for Fable 5"); a table whose columns
  are accelerators gives each column's latency or throughput of a model's run to its accelerator,
  not to the model the section heading names.
"""
from __future__ import annotations

import pytest

from conftest import value_units

from kb.extract.drafts import extract_text

_read = value_units


@pytest.mark.parametrize("text, value", [
    ("**That makes a x3.04 speedup on Gaudi2 without changing anything.**", 3.04),
    ("The throughput is x1.16 higher with this configuration, while this new batch size strongly accelerates "
     "convergence.", 1.16),
    ("**Gaudi2 is x2.44 faster than A100 80GB.** We observe that we cannot fit a batch size larger than 1", 2.44),
])
def test_sign_before_the_multiple(text, value):
    got = [(d.value, d.unit, text[d.span_start:d.span_end]) for d in extract_text(text)]
    assert (value, "x", "x%s" % value) in got


_SPEEDUP_TABLE = ("|   | First-gen Gaudi (BS=32) | Gaudi2 (BS=32) | A100 (BS=32) |\n"
                  "|:-:|:-----------------------:|:--------------:|:-------:|\n"
                  "| Throughput (samples/s) | 520.2 | 1580.2 | 981.6 |\n"
                  "| Speedup | x1.0 | x3.04 | x1.89 |\n")


def test_speedup_row_and_throughput_row():
    got = _read(_SPEEDUP_TABLE)
    for v in (1.0, 3.04, 1.89):
        assert (v, "x") in got
    for v in (520.2, 1580.2, 981.6):
        assert (v, "example/s") in got
        assert (v, "example") not in got


@pytest.mark.parametrize("text", [
    "transferring weights from system RAM to GPU VRAM over PCIe 4.0 x16 interface, is a critical step",
    "| ARCTIC F12 PST 53 CFM 120 mm Fan (x4) | $32.00 |",
    "It runs on x86 servers.",
])
def test_sign_before_a_lane_count_or_name_is_no_multiple(text):
    assert not any(unit == "x" for _, unit in _read(text))


def test_samples_a_second_versus():
    text = ("**Gaudi2 also offers a speedup over A100**: 1580.2 samples/s versus 981.6 for a batch size of 32 "
            "and 1835.8 samples/s versus 1082.6 for a batch size of 64")
    got = _read(text)
    for v in (1580.2, 981.6, 1835.8, 1082.6):
        assert (v, "example/s") in got


def test_samples_per_device_stay_samples():
    assert (32.0, "example/s") not in _read("65k training steps were performed with a batch size of 32 samples "
                                            "per device")


_BRIEFCASE = ("| Model | Cost per task | AA-Briefcase Elo | Cost vs GLM-5.2 |\n|---|---|---|---|\n"
              "| Claude Fable 5 | ~$31 | 1587 | 12.9x |\n"
              "| Claude Opus 4.8 (max) | $10.40 | 1356 | 4.3x |\n"
              "| GLM-5.2 (max), open weights | $2.40 | 1266 | 1x |\n")


def test_cost_per_task_column():
    got = _read(_BRIEFCASE)
    for v in (31.0, 10.4, 2.4):
        assert (v, "USD/query") in got
        assert (v, "USD") not in got


def test_elo_column_is_points():
    from kb.extract.linking import load_registry
    from pathlib import Path
    reg = load_registry(Path(__file__).resolve().parents[1])
    drafts = extract_text(_BRIEFCASE, reg)
    elo = [d for d in drafts if d.value in (1587.0, 1356.0, 1266.0)]
    assert len(elo) == 3
    assert all(d.property == "benchmark-points" for d in elo)


@pytest.fixture(scope="module")
def reg():
    from pathlib import Path

    from kb.extract.linking import load_registry
    return load_registry(Path(__file__).resolve().parents[1])


def _owners(text, reg, published=None):
    return {(d.value, d.unit): d.entity for d in extract_text(text, reg, published=published)}


def test_versus_column_is_the_rows(reg):
    got = _owners(_BRIEFCASE, reg)
    assert got[(12.9, "x")] == "claude-fable-5"
    assert got[(4.3, "x")] == "claude-opus-4.8"


def test_name_after_for_owns_the_multiple(reg):
    text = ("GLM-5.2 landing about 90 Elo below Opus 4.8 for less than a quarter of the cost and outranking GPT-5.5 "
            "xhigh while costing less to run. On a metered bill, paying 4.3x for Opus or 12.9x for Fable 5 over "
            "GLM-5.2 is a choice you would have to justify per task.")
    got = _owners(text, reg, published="2026-07-01")
    assert got[(4.3, "x")] == "claude-opus-4.8"
    assert got[(12.9, "x")] == "claude-fable-5"


def test_accelerator_columns_own_a_models_latency(reg):
    text = ("### Generating Images from Text with Stable Diffusion\n\n"
            "The results we got are displayed in the table below.\n\n"
            "|   | First-gen Gaudi (BS=4/8) | Gaudi2 (BS=4/8) | A100 (BS=1) |\n"
            "|:-:|:----------------:|:----------------:|:-----------:|\n"
            "| Latency (s/img) | 4.34 | 1.19 | 2.63 |\n")
    got = _owners(text, reg)
    assert got[(4.34, "s")] == "intel-gaudi-1"
    assert got[(1.19, "s")] == "intel-gaudi-2"
    assert got[(2.63, "s")] == "nvidia-a100"


# - A GPU's name with its memory at a line's or a sentence's end ("... vs Nvidia A100 80GB", "x2.44
#   faster than A100 80GB.** We observe") is the product's name, no memory claimed; the memory said
#   before the name stays ("80GB on A100 80GB").
@pytest.mark.parametrize("text", [
    "title: \"Faster Training and Inference: Habana Gaudi®2 vs Nvidia A100 80GB\"\nthumbnail: /blog/x.png\n",
    "**Gaudi2 is x2.44 faster than A100 80GB.** We observe that we cannot fit a batch size larger than 1 on Gaudi2.",
    "We compare first generation Gaudi, Gaudi2 and Nvidia A100 80GB. Spoiler alert - Gaudi2 is about twice faster.",
])
def test_gpu_name_with_memory_at_the_end_is_a_name(text):
    assert (80.0, "GB") not in _read(text)


def test_memory_before_the_name_stays():
    assert (80.0, "GB") in _read("with 96GB of memory each (versus 32GB on first generation Gaudi and 80GB on A100 80GB).")


# - Samples counted as a batch's size ("a batch size of 32 samples per device") are requests per
#   batch (batch-size), not a data set's examples.
def test_batch_of_samples_is_a_batch_size():
    got = _read("65k training steps were performed with a batch size of 32 samples per device (so 8*32=256 in total)")
    assert (32.0, "query") in got
    assert (32.0, "example") not in got

