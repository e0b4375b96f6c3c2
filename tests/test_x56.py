"""x56: multipliers and counts of items (designed on dev-B).

- "N-way" with a parallelism or a sharding named within a few words is the parallelism's degree,
  in x: "2048-way FSDP and 4-way model parallelism", "data parallelism (1024-way)". Without one
  ("a 3-way split") it is no figure.
- A CPU's cores are counted as items ("a 6-core 3.9GHz CPU", "CPU: Intel i9-9900K (8 cores, 16
  threads)"); an Apple chip's GPU or Neural Engine cores are its compute units ("80-core GPU", "80
  GPU cores", "32-core Neural Engine"); a CUDA GPU's "6912 CUDA Cores" stay cores.
- Images a workload generates are counted as requests (an image's price is per request): "Every
  post automatically generates 4 images", "For 4 blog images:"; not the whole of a share ("8-9 out
  of 10 images are fine").
- What a benchmark tries, counted in digits, is so many items: "analyzing over 60 different
  deployment configurations", "we tested 3 model sizes"; not after a name ("all Llama 2 model sizes").
- Documents, articles or generations a workload handles per period are a volume of requests
  ("Cost Comparison (1,000 generations/month)", "(500 documents/month, 50k tokens each)"); documents
  without a period stay items.
- A clause two items of one list share word for word ("(using 28 layers, 4 KV heads, 128 head
  dimension, BF16)" of two models) is drafted in each item; a whole list repeated stays one.
- "Doubling every 6 months", "doubles every two years" state a doubling time (the period is drafted,
  also spelled), no 2x ratio; "double as" is the verb "serve as" ("Tensor Cores double as AI units").
  "profit nearly doubles" stays 2x.
- A graphics card named by its number after a multiplier is so many GPUs: 'title2="2 x Nvidia
  4090"', "| D: 2x 3090 |" (a gaming card's number alone, or with its maker or line); not "2x 3090
  performance" (so many times the card's) nor a year.
- A memory kit written "2 x 16 GB DDR4-3200" is so many modules (items), the
  size each one's; not "4x 80GB GPU" (no RAM named).
"""
from __future__ import annotations

import pytest

from conftest import value_units
from kb.extract.drafts import extract_text

_read = value_units


@pytest.mark.parametrize("text, values", [
    ("that gives us roughly 2048-way FSDP and 4-way model parallelism.", (2048.0, 4.0)),
    ("a mixture of data parallelism (1024-way), sequence parallelism (2-way), and tensor parallelism (4-way)",
     (1024.0, 2.0, 4.0)),
])
def test_n_way_parallelism(text, values):
    got = _read(text)
    for v in values:
        assert (v, "x") in got


def test_n_way_without_parallelism_is_no_figure():
    assert not any(v == 3.0 for v, _ in _read("The revenue is a 3-way split between the partners."))


@pytest.mark.parametrize("text, value, unit", [
    ("I constructed a PC with a used RTX 3090, a 6-core 3.9GHz CPU, 32GB of RAM", 6.0, "item"),
    ("- CPU: Intel i9-9900K (8 cores, 16 threads)", 8.0, "item"),
    ("Apple's **M3 Ultra** (80-core GPU, 512 GB unified memory)", 80.0, "compute_unit"),
    ("For an M3 Ultra with 80 GPU cores (1,280 execution units), running", 80.0, "compute_unit"),
    ("| AI coprocessor  | 32-core Neural Engine, 36 TOPS INT8 |", 32.0, "compute_unit"),
    ("- 6912 CUDA Cores", 6912.0, "core"),
])
def test_cores(text, value, unit):
    assert (value, unit) in _read(text)


@pytest.mark.parametrize("text", [
    "I run a blog with a Telegram bot. Every post automatically generates 4 images, and with Gemini 3 Pro",
    "For 4 blog images:\n- **Before**: Gemini 3 Pro",
])
def test_generated_images_are_requests(text):
    assert (4.0, "query") in _read(text)


def test_images_out_of_is_no_count():
    assert (10.0, "query") not in _read("In practice, 8-9 out of 10 images are fine with Fast.")


@pytest.mark.parametrize("text, value", [
    ("we created a comprehensive benchmark analyzing over 60 different deployment configurations for Llama 2.", 60.0),
    ("In this benchmark, we tested 60 configurations of Llama 2 on Amazon SageMaker.", 60.0),
    ("we tested 3 model sizes (7B, 13B, 70B parameters) on four different instance types", 3.0),
])
def test_configurations_counted(text, value):
    assert (value, "item") in _read(text)


def test_model_sizes_after_a_name_are_no_count():
    assert (2.0, "item") not in _read("latency for all Llama 2 model sizes.")


@pytest.mark.parametrize("text, value", [
    ("**Cost Comparison (1,000 generations/month):**\n- GPT-4: $100-200/month", 1000.0),
    ("**Cost Comparison (500 documents/month, 50k tokens each):**\n- Gemini", 500.0),
    ("**Cost Comparison (100 articles/month, 2k words each):**\n- GPT-4o:", 100.0),
])
def test_workload_volume_per_month(text, value):
    assert (value, "query/month") in _read(text)


def test_documents_without_period_stay_items():
    assert (200.0, "item") in _read("We indexed 200 PDF documents for the search.")


_ITEMS = ("1. **Qwen 2.5 7B Instruct** - A dense model. Full 128K context would require additional ~7.4 GB for KV "
          "cache (using 28 layers, 4 KV heads, 128 head dimension, BF16).\n\n\n"
          "2. **Deepseek R1 Distill Qwen 7B** - A dense model distilled from DeepSeek-R1. Full 128K context would "
          "require additional ~7.4 GB for KV cache (using 28 layers, 4 KV heads, 128 head dimension, BF16).\n")


def test_clause_shared_by_two_list_items_drafted_in_each():
    layers = [d for d in extract_text(_ITEMS) if d.value == 28 and d.unit == "x"]
    assert len(layers) == 2


def test_whole_list_repeated_is_drafted_once():
    text = "Models:\n\n- Qwen uses 28 layers in all.\n\nAgain:\n\nModels:\n\n- Qwen uses 28 layers in all.\n"
    assert len([d for d in extract_text(text) if d.value == 28]) == 1


@pytest.mark.parametrize("text, period", [
    ("That's roughly a doubling every 6 months. If that trend holds", (6.0, "month")),
    ("Moore's law is an observation that computing power doubles every two years, whereas", (2.0, "year")),
])
def test_doubling_every_is_a_period(text, period):
    got = _read(text)
    assert period in got
    assert (2.0, "x") not in got


@pytest.mark.parametrize("text", [
    "| Tensor Cores double as AI units (1.3 peta-INT4) |",
    "pumping enough heat to double as a space-heater during Seoul winters",
])
def test_double_as_is_no_ratio(text):
    assert (2.0, "x") not in _read(text)


def test_doubles_stays_a_ratio():
    assert (2.0, "x") in _read("Data center revenue up 75%, profit nearly doubles, guidance crushes estimates")


@pytest.mark.parametrize("text", [
    '    title2="2 x Nvidia 4090",\n    data2="38 t/s",',
    "| Model                    | A: M3 Ultra | B: M4 Max | C: DGX Spark | D: 2x 3090 |",
])
def test_cards_by_number_after_a_multiplier(text):
    assert (2.0, "GPU") in _read(text)


@pytest.mark.parametrize("text", ["It delivers 2x 3090 performance at half the power.", "prices rose 3x 2024 levels"])
def test_multiplier_before_a_number_is_no_card(text):
    assert not any(u == "GPU" for _, u in _read(text))


def test_memory_kit_modules():
    got = _read("| Memory       | G.Skill Ripjaws V 2 x 16 GB DDR4-3200 CL16 Memory        | $105.00      |")
    assert (2.0, "item") in got
    assert any(u == "GB" for _, u in got)


def test_multiplier_before_gpu_memory_is_no_kit():
    assert (4.0, "item") not in _read("a 4x 80GB GPU server")
