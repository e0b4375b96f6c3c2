"""The longest context a serving setup runs a model with (``served-context-length``) against the
model's own context window: the words of serving it (serve, limited to, sufficient for, YaRN,
quantization) are what served-context-length needs and its cues (datasets/properties/corpo.yaml,
read by kb/extract/linking.py's ``_guess_property``).

Sentences from dev-A articles (named in each test); the last keeps a model's context window.
"""
from __future__ import annotations

from kb.extract.drafts import extract_text


def _contexts(reg, text):
    return [d.property for d in extract_text(text, reg) if d.unit.endswith("token")]


def test_what_a_gpu_can_serve_a_model_with_is_a_served_context(project_registry):
    # r72-vllm-benchmark-lambda
    text = ("For example, a single NVIDIA A100/H100 80GB can serve `Meta-Llama-3.1-70B-Instruct-FP8` "
            "with upto 4k context window, wheres 2x NVIDIA A100/H100 80GB can serve the same model "
            "upto 128k context length.")
    assert _contexts(project_registry, text) == ["served-context-length", "served-context-length"]


def test_a_context_a_setup_is_limited_to_is_a_served_context(project_registry):
    # r114-self-hosting-ai-models
    assert _contexts(project_registry, "- **For cost**: Use 4x H200 instead of 8x (limited to 190k context)\n") == \
        ["served-context-length"]


def test_a_context_a_setup_is_sufficient_for_is_a_served_context(project_registry):
    # r114-self-hosting-ai-models
    assert _contexts(project_registry, "2. **Use 4x H200**: Sufficient for 190k context at half the cost\n") == \
        ["served-context-length"]


def test_a_models_own_context_window_stays_one(project_registry):
    # r21-context-window-chart: no words of serving
    text = ("| Model | Context Window | ~Words | ~Pages |\n|-------|---------------|--------|--------|\n"
            "| GPT-5.2 | 400,000 | 300,000 | 1,200 |\n")
    assert [d.property for d in extract_text(text, project_registry) if d.raw.strip("* ") == "400,000"] == ["context-window"]
