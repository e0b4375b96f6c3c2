"""prop78: the property and conditions of GPU specs, inference benchmarks and training runs as
fresh public write-ups give them (Markdown spec sheets, serving and training benchmark tables,
in no corpus). The short forms below are quoted or adapted from them.

- conditions the vocabulary has and the extractor never set: which way an interconnect's
  bandwidth is counted ("NVLink (Unidirectional)", "900 GB/s unidirectional"); the kind of
  parallelism a degree is ("| TP |" over "| 4 |");
- a latency column "Median E2E Latency (ms)" is the whole request's (end-to-end);
- a batch size in the column's own header ("| Tok/s (batch 32) |"), not only in the row;
- a precision written out ("| **BFLOAT16** | 989.5 TFLOPS |");
- the precision of a table whose heading only says results follow ("### 2.2.1 FP8", commands,
  then "### Results" over the table), or that the prose right above it names ("Performance
  results for LLAMA 3.1 (8B) with FP8 quantization, 1000 requests.");
- headers of rates written with slashes: "Throughput (T/s/GPU)" is tokens a second, "Model TFLOP
  / sec / GPU" is TFLOPS (both were read as counts of GPUs), the latter an achieved rate;
- token rates in a table under a heading of training ("# MPT Training Benchmarks") are training
  throughput.
"""
from __future__ import annotations

from kb.core.grammar import header_unit
from kb.extract.drafts import extract_text


def _draft(text, raw, reg):
    return next(d for d in extract_text(text, reg) if d.raw == raw)


_NET = """\
## 1. GPU Specs (A100 - B200)

|                           | A100 80GB SXM | H100 SXM      |
| -                         | -             | -             |
| GPU Memory Bandwidth      | 2,039 GB/s    | 3.35 TB/s     |
| NVLink (Unidirectional)   | 300 GB/s      | 450 GB/s      |
"""


def test_unidirectional_row_label_sets_link_direction(project_registry):
    d = _draft(_NET, "450 GB/s", project_registry)
    assert d.property == "interconnect-bandwidth"
    assert d.conditions.get("link") == "nvlink"
    assert d.conditions.get("link_direction") == "unidirectional"
    assert "link_direction" not in _draft(_NET, "3.35 TB/s", project_registry).conditions


def test_direction_word_is_the_nearer_numbers_own(project_registry):
    text = "All Blackwell GPUs have Fifth-Generation NVLink **1.8 TB/s** (900 GB/s unidirectional).\n"
    assert _draft(text, "900 GB/s", project_registry).conditions.get("link_direction") == "unidirectional"
    assert "link_direction" not in _draft(text, "1.8 TB/s", project_registry).conditions


def test_bidirectional_in_prose(project_registry):
    text = "The H100 SXM offers NVLink at 900 GB/s bidirectional per GPU.\n"
    assert _draft(text, "900 GB/s", project_registry).conditions.get("link_direction") == "bidirectional"


_NEMO = """\
### Pretraining

- The results in the table below show pre-training performance for various tasks at FP8 precision.
  - System: DGX-H100

| Model         | #-GPUs | GBS  | MBS | Sequence Length| TP | PP | CP | VP | Tokens / sec / GPU | Model TFLOP / sec / GPU |
| -----         | ------ | ---  | --- | ---------------| -- | -- | -- | -- | ------------------ | ----------------------- |
| LLAMA2-70B    | 64     | 128  | 1   | 4096           | 4  | 4  | 1  | 20 | 1707               | 759                     |
"""


def test_tp_column_is_tensor_parallelism(project_registry):
    d = _draft(_NEMO, "4", project_registry)
    assert d.property == "parallelism-degree"
    assert d.conditions.get("parallelism") == "tensor"


def test_prose_over_a_table_names_its_precision(project_registry):
    d = _draft(_NEMO, "1707", project_registry)
    assert d.property == "training-throughput"
    assert d.conditions.get("precision") == "fp8"


def test_model_tflop_per_sec_per_gpu_is_an_achieved_rate(project_registry):
    d = _draft(_NEMO, "759", project_registry)
    assert d.unit == "TFLOPS"
    assert d.property == "achieved-throughput"


def test_lead_naming_two_precisions(project_registry):
    text = _NEMO.replace("at FP8 precision", "at FP8 and BF16 precision")
    assert "precision" not in _draft(text, "1707", project_registry).conditions


_SGLANG = """\
## 2.2 DeepSeek V3 on 8xH200 (single-node)

### 2.2.1 FP8

```bash
python3 -m sglang.launch_server --model deepseek-ai/DeepSeek-V3 --tp 8
```

### Results

| RPS | Num Prompts | Median E2E Latency (ms) | Median TTFT (ms) | Output token throughput (tok/s) |
| :---: | :---: | :---: | :---: | :---: |
| 1 | 300 | 147,735.43 | 563.41 | 773.15 |
"""


def test_results_heading_takes_the_precision_of_the_heading_before(project_registry):
    d = _draft(_SGLANG, "773.15", project_registry)
    assert d.property == "inference-throughput"
    assert d.conditions.get("precision") == "fp8"


def test_a_results_heading_after_a_heading_of_another_level_takes_nothing(project_registry):
    text = _SGLANG.replace("### 2.2.1 FP8", "#### 2.2.1 FP8")
    assert "precision" not in _draft(text, "773.15", project_registry).conditions


def test_e2e_latency_is_end_to_end(project_registry):
    d = _draft(_SGLANG, "147,735.43", project_registry)
    assert d.property == "inference-latency"
    assert d.conditions.get("metric") == "end-to-end"
    assert _draft(_SGLANG, "563.41", project_registry).conditions.get("metric") == "time-to-first-token"


def test_bfloat16_row_is_bf16(project_registry):
    text = """\
# Hopper GPU specs comparison: H100 & H200

| Technical Specifications |  |  |
| :---- | :---: | :---: |
|  | **H100 SXM** | **H200 SXM** |
| **BFLOAT16** | 989.5 TFLOPS | 989.5 TFLOPS |
| **FP8** | 1979 TFLOPS | 1979 TFLOPS |
"""
    drafts = extract_text(text, project_registry)
    bf = [d for d in drafts if d.raw == "989.5 TFLOPS"]
    assert bf and all(d.conditions.get("precision") == "bf16" for d in bf)
    assert all(d.conditions.get("precision") == "fp8" for d in drafts if d.raw == "1979 TFLOPS")


def test_batch_size_in_the_column_header(project_registry):
    text = """\
### Model Performance

| Model | Precision | VRAM Used | Tok/s (batch 1) | Tok/s (batch 32) |
|-------|-----------|-----------|-----------------|------------------|
| Llama 3.1 70B | FP8 | 70GB | ~280 | ~4,000 |
"""
    assert _draft(text, "~280", project_registry).conditions.get("batch_size") == "1"
    assert _draft(text, "~4,000", project_registry).conditions.get("batch_size") == "32"


def test_slashed_rate_headers():
    q = header_unit("Throughput (T/s/GPU)")
    assert (q.atom, q.den) == ("token", "s")
    assert header_unit("Model TFLOP / sec / GPU").atom == "TFLOPS"
    assert header_unit("TFLOP/s per GPU").atom == "TFLOPS"
    # transfers a second stay what they were
    assert header_unit("Speed (MT/s)").atom != "token"


_MPT = """\
# MPT Training Benchmarks

Benchmark measurements for MPT models trained on MosaicML platform, including throughput, MFU, and HFU.

## H100 80GB FP8
|  Model | SeqLen (T) | # GPUs | GPU | MFU | HFU | Throughput (T/s) | Throughput (T/s/GPU) | Precision |
|  --- | --- | --- | --- | --- | --- | --- | --- | --- |
|  3b | 32768 | 8 | h100_80gb | 14.38 | 19.18 | 46853 | 5856 | amp_fp8 |
"""


def test_token_rates_under_a_training_heading_are_training_throughput(project_registry):
    for raw in ("46853", "5856"):
        d = _draft(_MPT, raw, project_registry)
        assert d.property == "training-throughput", (raw, d.property)
        assert d.unit == "token/s", (raw, d.unit)


def test_token_rates_under_a_serving_heading_stay_inference(project_registry):
    text = _MPT.replace("# MPT Training Benchmarks", "# MPT Inference Benchmarks (serving, trained models)")
    assert _draft(text, "5856", project_registry).property == "inference-throughput"
