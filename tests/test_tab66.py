"""tab66: technical tables (GPU specifications, cloud GPU rental prices, API token prices), each
rule built on short quotes of public tables that are in no corpus (GitHub Markdown found with the
``find_string`` tool; the ids are that tool's).

- a price table whose "Input" / "Output" columns hold bare amounts ("$5.00"), under a caption or a
  line above it that says once what they are per ("### Models & Pricing (per 1M tokens)", "All
  prices are per 1 million tokens (input / output)."): each amount is a token price per so many
  tokens, of its side; before, a purchase price (or a training cost) in plain dollars.
- a provider's name repeated down the first column because it rents several GPUs ("| AWS | H100 80
  GB |", "| AWS | H200 141 GB |"), the second column headed "GPU": each row the GPU it names, not a
  worked scenario of the article's own; before, no registry entity for any row.
- a unit written once in a column ("19.5 TFLOP/s" over "67", "82.6") is the unit of its bare
  cells, whatever the header counts ("FP32 CUDA cores"); a column headed by a precision alone
  ("TF32 tensor", "FP16 tensor") beside it takes it too, with that precision; before, CUDA-core
  counts and nothing.
- in a table of devices with a memory column, a bare "Bandwidth" is the memory's bandwidth (before,
  a link's); "VRAM" under a "GPU" corner is the device's memory (before, the memory a model needs);
  a bare "L2" column is a cache's size (before, an upload's size).
- "PB/s" is a bandwidth ("~1 PB/s"); before, "~1 PB" of memory.
- a power column its header says was measured ("Power (incremental)") is a draw; before, a TDP.
"""
from __future__ import annotations

import pytest

from conftest import draft_of


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


_draft = draft_of


# find_string id 55681080114 (an LLM-provider research note)
CLAUDE = ("## 1. Claude (Anthropic)\n\n### Models & Pricing (per 1M tokens)\n\n"
          "| Model | Input | Output | Context | Best For |\n|-------|-------|--------|---------|----------|\n"
          "| **Opus 4.6** | $5.00 | $25.00 | 1M | Complex reasoning |\n"
          "| **Haiku 4.5** | $1.00 | $5.00 | 200K | Classification |\n")


def test_caption_per_million_tokens_prices_bare_input_output_cells(reg):
    d = _draft(reg, CLAUDE, "$25.00")
    assert (d.unit, d.property, d.conditions.get("direction")) == ("USD per 1M tokens", "token-price", "output")
    d = _draft(reg, CLAUDE, "$1.00")
    assert (d.entity, d.conditions.get("direction")) == ("claude-haiku-4.5", "input")


# find_string id 57037994184 (an LLM pricing research note)
def test_note_under_the_heading_above_prices_the_table(reg):
    text = ("## 1. Proprietary API Pricing\n\nAll prices are per 1 million tokens (input / output).\n\n"
            "### Frontier Models\n\n| Model | Input | Output | Context | Notes |\n|---|---|---|---|---|\n"
            "| **GPT-5** | $1.25 | $10.00 | 128K | Good quality/cost balance |\n"
            "| **GPT-4.1** | $2.00 | $8.00 | 128K | Solid mid-tier |\n")
    d = _draft(reg, text, "$1.25")
    assert (d.entity, d.unit, d.property) == ("gpt-5", "USD per 1M tokens", "token-price")


def test_a_price_column_that_names_no_side_is_left_alone(reg):
    # (a hardware cost beside a note about token prices is no token price)
    text = ("Prices below are per 1M tokens.\n\n| Setup | HW Cost | Payoff |\n|---|---|---|\n"
            "| RTX 4090 box | $2,500 | 14 months |\n| Mac Studio | $4,000 | 20 months |\n")
    assert _draft(reg, text, "$2,500").unit == "USD"


# find_string id 16785458749 (a cloud GPU price survey)
GPUHR = ("All prices are on-demand, per single GPU-hour, USD, US regions.\n\n"
         "| Provider | GPU | Instance / SKU | $/GPU-hr | Notes |\n|---|---|---|---|---|\n"
         "| **AWS** | H100 80 GB | p5.48xlarge (8×) | **$6.88** | Unchanged since mid-2025 cut |\n"
         "| **AWS** | H200 141 GB | p5e.48xlarge (8×) | **$4.97** | Hiked in Jan 2026 |\n"
         "| **AWS** | A100 80 GB | p4d.24xlarge (8×) | **~$2.45** | Post mid-2025 cuts |\n"
         "| **Azure** | H100 80 GB | NC H100 v5 (1×) | **$6.98** | Single-GPU VM, East US |\n"
         "| **Vast.ai** | H100 80 GB | Third-party hosts | **~$1.47** | Marketplace lowest |\n")


def test_repeated_provider_with_a_gpu_column_is_no_scenario(reg):
    d = _draft(reg, GPUHR, "$6.88")
    assert (d.entity, d.property, d.conditions.get("provider")) == ("nvidia-h100", "rental-price", "aws")
    assert _draft(reg, GPUHR, "$4.97").entity == "nvidia-h200"
    assert _draft(reg, GPUHR, "~$2.45").entity == "nvidia-a100"


def test_repeated_labels_without_a_thing_column_stay_scenarios(reg):
    text = ("| Setup | Users | Cost |\n|---|---|---|\n| H100 | 10 | $2.00 |\n| H100 | 50 | $3.00 |\n"
            "| H100 | 100 | $4.00 |\n")
    assert _draft(reg, text, "$3.00").entity != "nvidia-h100"


# find_string id 71026331529 (a GPU programming book's chapter)
PEAKS = ("The peaks in the memory chapter are this hardware, dense, with no 2:4 sparsity:\n\n"
         "| GPU | FP32 CUDA cores | TF32 tensor | FP16 tensor |\n|---|---|---|---|\n"
         "| A100 | 19.5 TFLOP/s | 156 | 312 |\n| H100 SXM | 67 | 494 | 989 |\n| RTX 4090 | 82.6 | 82.6 | 165 |\n")


def test_unit_written_once_in_a_column_is_its_bare_cells_unit(reg):
    d = _draft(reg, PEAKS, "67")
    assert (d.value, d.unit, d.entity, d.property) == (67.0, "TFLOPS", "nvidia-h100-sxm", "peak-throughput")
    assert d.conditions.get("precision") == "fp32"


def test_precision_column_beside_takes_the_compute_unit(reg):
    d = _draft(reg, PEAKS, "989")
    assert (d.unit, d.property, d.conditions.get("precision")) == ("TFLOPS", "peak-throughput", "fp16")
    assert _draft(reg, PEAKS, "494").conditions.get("precision") == "tf32"


# find_string id 69413667789 (a book chapter on local inference hardware)
def test_bare_bandwidth_beside_a_memory_column_is_memory_bandwidth(reg):
    text = ("| Device | Memory | Bandwidth | FP16 compute |\n| --- | --- | --- | --- |\n"
            "| RTX 4090 | 24 GB GDDR6X | ~1,010 GB/s | ~165 TFLOPS |\n"
            "| H100 SXM | 80 GB HBM3 | ~3,350 GB/s | ~990 TFLOPS |\n")
    d = _draft(reg, text, "~1,010 GB/s")
    assert (d.entity, d.property) == ("nvidia-geforce-rtx-4090", "memory-bandwidth")


def test_bandwidth_of_a_link_table_stays_a_links(reg):
    text = ("| Link | Bandwidth | Where |\n| --- | --- | --- |\n| NVLink | up to ~900 GB/s | Between GPUs |\n"
            "| PCIe 5.0 ×16 | ~64 GB/s | GPU to host |\n")
    assert _draft(reg, text, "~64 GB/s").property != "memory-bandwidth"


# find_string id 59066156820 (a workstation's upgrade notes)
def test_vram_of_a_gpu_row_is_its_memory(reg):
    text = ("### Upgrade Options (April 2026 pricing)\n\n| GPU | VRAM | TDP | Price |\n|-----|------|-----|-------|\n"
            "| RTX 3060 | 12 GB | 170W | ~$250 |\n| RTX 4070 Ti | 12 GB | 285W | ~$810 |\n")
    d = _draft(reg, text, "12 GB")
    assert (d.entity, d.property) == ("nvidia-geforce-rtx-3060", "memory-capacity")


def test_vram_of_a_model_row_is_what_it_needs(reg):
    text = "| Model | VRAM |\n|---|---|\n| Llama 3 70B | 40 GB |\n| Llama 3 8B | 16 GB |\n"
    assert _draft(reg, text, "40 GB").property == "serving-memory"


# find_string id 60505937499 (a GPU kernels study note)
def test_bare_l2_column_is_a_cache_size(reg):
    text = ("## 2026 hardware specs\n\n| GPU | HBM | BW | L2 |\n|---|---|---|---|\n"
            "| A100 80GB | 80 GB HBM2e | 1.94 TB/s | 40 MB |\n| H100 SXM | 80 GB HBM3 | 3.35 TB/s | 50 MB |\n")
    d = _draft(reg, text, "50 MB")
    assert (d.entity, d.property) == ("nvidia-h100-sxm", "cache-size")


# find_string id 57777185010 (a note on Cerebras's wafer-scale engine)
def test_petabytes_per_second_is_a_bandwidth(reg):
    text = ("| Dimension | WSE-3 | H100 SXM |\n|---|---|---|\n| Memory bandwidth | **~1 PB/s** | 3.35 TB/s |\n")
    d = _draft(reg, text, "~1 PB/s")
    assert (d.value, d.unit, d.property) == (1.0, "PB/s", "memory-bandwidth")


# find_string id 43654923500 (a fine-tuning study's resource table)
def test_repeated_task_with_a_model_column_stays_the_articles_runs(reg):
    # (only a provider's name repeated down the first column makes rows of the GPUs named beside it)
    text = ("**Resource Utilization:**\n\n| Task | Model | GPU Hours | Memory (GB) | Energy (kWh) |\n"
            "|------|-------|-----------|-------------|--------------|\n| Classification | GPT-2 Small | 2 | 8 | 0.8 |\n"
            "| Classification | GPT-2 Medium | 4 | 16 | 1.6 |\n| Instruction | GPT-2 Small | 6 | 8 | 2.4 |\n")
    assert _draft(reg, text, "4").entity is None


# find_string id 55260776480 (an energy estimate of a meeting workflow run on a laptop)
def test_measured_power_column_is_a_draw(reg):
    text = ("| Component | Duration | Power (incremental) | Energy (kWh) |\n|---|---|---|---|\n"
            "| Transcription (Whisper) | 60 min | 0.86 W | 0.00086 |\n| Summarization (Gemma 4) | 45 sec | 12.11 W | 0.00015 |\n")
    assert _draft(reg, text, "12.11 W").property == "power-draw"


def test_bare_power_column_of_a_gpu_stays_its_tdp(reg):
    text = "| GPU | Power |\n|---|---|\n| H100 SXM | 700 W |\n| A100 | 400 W |\n"
    assert _draft(reg, text, "700 W").property == "tdp"
