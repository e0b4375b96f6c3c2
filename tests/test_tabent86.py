"""tabent86: the entity of a number in a table, read on fresh public Markdown tables (in no corpus):

- "| Architecture | Name | GPU Memory |" over "| Ampere | A100 | 40 GB |" and "| Ampere | A10 |
  24 GB |": the first column groups the rows (its label repeats down each group), the second names
  each row's thing; the rows are not worked scenarios, so each number is the named card's (it was a
  new entity for every number of such a table, a registry card in every row);
- "| A100 80GB NVLINK |" (CoreWeave's name for the NVLink/SXM4 card) is the registry's A100 SXM4 80GB.
- a row label naming a model's released checkpoint ("| Llama-3.1-70B-Instruct |", "|
  Mistral-7B-Instruct-v0.3 |") is the model's (it was a new entity where a price column gave no token unit).
"""
from __future__ import annotations

from kb.extract.drafts import extract_text


def _drafts(text, raw, registry):
    hits = [d for d in extract_text(text, registry) if d.raw == raw]
    assert hits, (raw, [d.raw for d in extract_text(text, registry)])
    return hits


# An excerpt of github.com/astroC86/gpu-datasheet README.md (its Ampere table, links left out).
_GROUPED = """\
## Ampere
| Architecture | Name | GPU Memory | Memory Bandwidth | FP16 / BF16 |
| ----------- | ----------- | ----------- | ----------- | ----------- |
| Ampere | A100 | 40 GB | 1.55 TB/s | 312 TFLOPS (FP16) |
| Ampere | A100 | 80 GB | 1.94 TB/s | 312 TFLOPS (FP16) |
| Ampere | A10 | 24 GB | 600 GB/s | 125 TFLOPS (FP16) |
| Ampere | A40 | 48 GB | 696 GB/s | 149.7 TFLOPS (BF16 / FP16) |
"""


def test_grouped_rows_are_the_named_cards(project_registry):
    assert _drafts(_GROUPED, "40 GB", project_registry)[0].entity == "nvidia-a100"
    assert _drafts(_GROUPED, "1.94 TB/s", project_registry)[0].entity == "nvidia-a100"
    assert _drafts(_GROUPED, "600 GB/s", project_registry)[0].entity == "nvidia-a10"
    assert _drafts(_GROUPED, "149.7 TFLOPS", project_registry)[0].entity == "nvidia-a40"


# The same layout headed "| Family | Model |" (a model price table grouped by family; the figures
# are OpenAI's published per-million-token prices as listed in github.com/kylehart/ic-ml
# LLM_PRICING_REFERENCE.md).
_FAMILY = """\
| Family | Model | Input | Output |
|--------|-------|-------|--------|
| GPT-5 | GPT-5 mini | $0.25 | $2.00 |
| GPT-5 | GPT-5 nano | $0.05 | $0.40 |
| GPT-4o | GPT-4o-mini | $0.15 | $0.60 |
"""


def test_family_grouped_price_rows_are_the_named_models(project_registry):
    assert _drafts(_FAMILY, "$2.00", project_registry)[0].entity == "gpt-5-mini"
    assert _drafts(_FAMILY, "$0.05", project_registry)[0].entity == "gpt-5-nano"


# A worked-scenario table keeps its article entity: the same model in several rows, the first
# column not a group ("| Model | Requests/day | Monthly cost |").
_SCENARIO = """\
| Model | Requests per day | Monthly cost |
|-------|------------------|--------------|
| GPT-4o | 1,000 | $450 |
| GPT-4o | 10,000 | $4,500 |
"""


def test_repeated_model_rows_stay_scenarios(project_registry):
    assert _drafts(_SCENARIO, "$4,500", project_registry)[0].entity != "gpt-4o"


# An excerpt of a public CoreWeave price comparison (Markdown, "### CoreWeave" table).
_COREWEAVE = """\
### CoreWeave

| GPU Type         | VRAM (GB) | Max vCPUs per GPU | Max RAM (GB) per GPU | GPU Component Cost Per Hour |
|------------------|-----------|--------------------|-----------------------|-----------------------------|
| NVIDIA H100 PCIe | 80        | 48                 | 256                   | $4.25                       |
| A100 80GB NVLINK | 80        | 48                 | 256                   | $2.21                       |
"""


def test_nvlink_a100_is_the_sxm_card(project_registry):
    assert _drafts(_COREWEAVE, "$2.21", project_registry)[0].entity == "nvidia-a100-sxm-80gb"


# A row label that names a model's released checkpoint ("-Instruct", "-Instruct-v0.3", a repository
# owner before it) is the model's; from a public Markdown note of LLM infrastructure prices
# (DeepInfra's price list, Feb 2025, "| Model | Price (In/Out MToken) |") and GMI Cloud's
# serverless price page (github.com/GMISWE/gmiswe.github.io docs/inference-engine/billing/price.md).
_CHECKPOINTS = """\
| Model                      | Price (In/Out MToken) |
|----------------------------|----------------------|
| DeepSeek-R1                | $0.75 / $2.40       |
| Mistral-7B-Instruct-v0.3   | $0.03 / $0.05       |
| Llama-3.1-70B-Instruct     | $0.23 / $0.40       |
"""

_REPO_IDS = """\
| model_name                                   | input_price | output_price |
|----------------------------------------------|-------------|--------------|
| meta-llama/Llama-4-Scout-17B-16E-Instruct    | $0.15       | $0.6         |
| meta-llama/Llama-3.1-8B                      | $0.03       | $0.09        |
"""


def test_instruct_checkpoint_rows_are_the_models(project_registry):
    assert _drafts(_CHECKPOINTS, "$0.05", project_registry)[0].entity == "mistral-7b"
    assert _drafts(_CHECKPOINTS, "$0.23", project_registry)[0].entity == "llama-3.1-70b"
    assert _drafts(_REPO_IDS, "$0.15", project_registry)[0].entity == "llama-4-scout"


def test_a_thing_built_from_a_model_stays_apart(project_registry):
    # (the checkpoint words are not any word: "| Llama 3.1 70B fine-tune |" is no bare name)
    text = ("| Model | Price |\n|---|---|\n| DeepSeek-R1 | $0.75 |\n"
            "| Llama-3.1-70B customer-support fine-tune | $0.23 |\n")
    assert _drafts(text, "$0.23", project_registry)[0].entity != "llama-3.1-70b"
