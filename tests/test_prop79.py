"""prop79: the property and conditions of GPU spec and serving-benchmark figures, read where
fresh public write-ups (Markdown datasheet copies, spec notes and SGLang/vLLM benchmark tables,
in no corpus) put them:

- "| Median ITL (ms) |": inter-token latency is the time per output token (its metric);
- "| NVIDIA NVLink-C2C CPU-to-GPU bandwidth | 900GB/s |": the chip-to-chip link, not NVLink;
- a table cell's own precision beats its column's ("| FB8 / INT8 |" over "| 720 PFLOPS (FP8) |");
- in prose, the precision written right after a number ("989 TFLOPS dense FP16") or else the
  last one before it on its line, not the next item's ("FP8 +11.1% (5 vs 4.5 PFLOPS) and
  FP16/BF16 ...": 4.5 PFLOPS is FP8's);
- a datasheet's starred figures under "* With sparsity" are sparse;
- "| LPDDR5X size | 480GB |" of a GH200 is its CPU's (host) memory, not the GPU's; LPDDR
  bandwidth is a memory bandwidth, and unified LPDDR memory stays the machine's memory.
"""
from __future__ import annotations

from kb.extract.drafts import extract_text


def _draft(text, raw, registry, nth=0):
    hits = [d for d in extract_text(text, registry) if d.raw == raw]
    assert len(hits) > nth, (raw, [d.raw for d in extract_text(text, registry)])
    return hits[nth]


_ITL = """\
### FP8

| RPS  | Num Prompts | Median E2E Latency (ms) | Median TTFT (ms) | Median TPOT (ms) | Median ITL (ms) |
| ---- | ----------- | ----------------------- | ---------------- | ---------------- | --------------- |
| 1    | 300         | 147,735.43              | 563.41           | 143.71           | 101.78          |
"""


def test_itl_column_is_a_per_output_token_latency(project_registry):
    d = _draft(_ITL, "101.78", project_registry)
    assert d.property == "inference-latency"
    assert d.conditions.get("metric") == "per-output-token"
    assert _draft(_ITL, "563.41", project_registry).conditions.get("metric") == "time-to-first-token"


_GH200 = """\
### Product Specifications

| Feature | GH200 | GH200 NVL2 |
| :--- | :--- | :--- |
| **LPDDR5X size** | 480GB (120GB, 240GB) | 960GB (240GB, 480GB) |
| **TF32 Tensor Core** | 989 teraFLOPS* \\| 494 teraFLOPS | 1,979 teraFLOPS* \\| 990 teraFLOPS |
| **High-bandwidth memory (HBM) size** | 96GB HBM3 \\| 144GB HBM3e | Up to 288GB HBM3e |
| **NVIDIA NVLink-C2C CPU-to-GPU bandwidth** | 900GB/s | 1800GB/s |

*\\* With sparsity*
"""


def test_nvlink_c2c_row_names_its_own_link(project_registry):
    d = _draft(_GH200, "900GB/s", project_registry)
    assert d.property == "interconnect-bandwidth"
    assert d.conditions.get("link") == "nvlink-c2c"


def test_plain_nvlink_stays_nvlink(project_registry):
    text = "All Blackwell GPUs have Fifth-Generation NVLink **1.8 TB/s** (900 GB/s unidirectional).\n"
    assert _draft(text, "1.8 TB/s", project_registry).conditions.get("link") == "nvlink"


def test_starred_figures_under_a_sparsity_footnote_are_sparse(project_registry):
    assert _draft(_GH200, "989 teraFLOPS", project_registry).conditions.get("sparsity") == "sparse"
    assert _draft(_GH200, "494 teraFLOPS", project_registry).conditions.get("sparsity") != "sparse"


def test_a_star_without_the_footnote_says_nothing(project_registry):
    text = _GH200.replace("*\\* With sparsity*\n", "")
    assert "sparsity" not in _draft(text, "989 teraFLOPS", project_registry).conditions


def test_lpddr_row_of_a_superchip_is_host_memory(project_registry):
    assert _draft(_GH200, "480GB", project_registry).property == "host-memory"
    assert _draft(_GH200, "96GB", project_registry).property == "memory-capacity"


def test_unified_lpddr_memory_is_no_host_memory(project_registry):
    text = ("| Component | Spec |\n|---|---|\n"
            "| **Memory**    | 128GB LPDDR5x unified (273 GB/s bandwidth) |\n")
    assert _draft(text, "128GB", project_registry).property != "host-memory"


def test_lpddr_bandwidth_is_memory_bandwidth(project_registry):
    text = ("- Grace LPDDR5X bandwidth depends on capacity SKU, up to 512 GB/s for 120/240 GB configs, "
            "and up to 384 GB/s for 480 GB configs.\n")
    assert _draft(text, "up to 512 GB/s", project_registry).property == "memory-bandwidth"


_DATASHEET = """\
## Blackwell
| Architecture | Name | GPU Memory | Memory Bandwidth | FP16 / BF16 | FB8 / INT8 | FP4 |
| ----------- | ----------- | ----------- | ----------- | ----------- | ----------- | ----------- |
| Blackwell | GB200 | 13.5 TB |  | 360 PFLOPS (FP16) | 720 PFLOPS (FP8) | 1440 PFLOPS |

## Hopper
| Architecture | Name | GPU Memory | Memory Bandwidth | FP16 / BF16 | FB8 / INT8 |
| ----------- | ----------- | ----------- | ----------- | ----------- | ----------- |
| Hopper | H100 | 80 GB | 3.35 TB/s | 1979 TFLOPS (BF16 / FP16) | 3958 TFLOPS (FP8 / INT8) |
"""


def test_a_cells_precision_beats_its_columns(project_registry):
    assert _draft(_DATASHEET, "720 PFLOPS", project_registry).conditions.get("precision") == "fp8"
    assert _draft(_DATASHEET, "3958 TFLOPS", project_registry).conditions.get("precision") == "fp8"
    assert _draft(_DATASHEET, "360 PFLOPS", project_registry).conditions.get("precision") == "fp16"


_COMPARED = ("- **Compute:** GB300 dense **FP4** performance is **66.67%** (15 vs 9 PFLOPS), FP8 **+11.1%** "
             "(5 vs 4.5 PFLOPS) and FP16/BF16 **+11.1%** (2.5 vs 2.25 PFLOPS) .\n")


def test_prose_precision_is_the_one_before_not_the_next_items(project_registry):
    assert _draft(_COMPARED, "9 PFLOPS", project_registry).conditions.get("precision") == "fp4"
    assert _draft(_COMPARED, "4.5 PFLOPS", project_registry).conditions.get("precision") == "fp8"
    assert _draft(_COMPARED, "2.25 PFLOPS", project_registry).conditions.get("precision") == "fp16"


def test_precision_written_right_after_the_number_wins(project_registry):
    text = "The FP8 peak is 1,979 TFLOPS, while the card reaches 989 TFLOPS dense FP16.\n"
    assert _draft(text, "989 TFLOPS", project_registry).conditions.get("precision") == "fp16"
    assert _draft(text, "1,979 TFLOPS", project_registry).conditions.get("precision") == "fp8"


def test_a_precision_in_the_sentence_before_is_not_the_numbers(project_registry):
    text = ("On an A100 (80GB PCIe), the memory bandwidth is 1935GB/s. The int4 compute is 1248 TOPS. "
            "As such, the model is (heavily) memory-bound. We should expect to see inferences as given in "
            "the table; roughly 30 tokens/s with the 65B model, and 277 tokens/s with the 7B model.\n")
    assert "precision" not in _draft(text, "roughly 30 tokens/s", project_registry).conditions
