"""kb vet reads numbers the way the curation does (session 25, vet57; designed on the dev-B half
of the real development articles, quotes of those articles in each test):

- the memory a model's weights take is named by the words "weights" or "for model parameters"
  ("Uses ~10.6 GB for model parameters due to MXFP4 quantization"): weights-memory, not the
  memory to run the model that a word of quantising alone suggests.
"""
from __future__ import annotations

from kb.extract.drafts import extract_text


def _props(project_registry, text):
    return {d.raw: d.property for d in extract_text(text, project_registry)}


def test_memory_for_model_parameters_is_the_weights(project_registry):
    # r95-hathora-inference-latencies
    text = ("**GPT OSS 20B** - A mixture-of-experts (MoE) model with 21B total parameters. Uses ~10.6 GB for model "
            "parameters due to MXFP4 quantization (4.25 bits per parameter), with KV cache scaling linearly.\n")
    assert _props(project_registry, text).get("~10.6 GB") == "weights-memory"


def test_memory_to_run_a_model_stays_serving_memory(project_registry):
    text = "Llama 3 70B needs 140 GB of GPU memory to run in half precision.\n"
    assert _props(project_registry, text).get("140 GB") == "serving-memory"
