"""ent56: numbers the draft gave no registry entity where the curation has one
(kb/extract/linking.py).

Four rules, each built on short quotes of the dev-B articles that showed the gap:

- ``_short_names``: a model named in full ("Gemini 1.5 Flash", "Claude Opus 4.1", "Imagen 4
  Fast") and elsewhere by its name less the version ("Gemini Flash", "Claude Opus", "Imagen
  Fast"), a form the registry does not list, is that model where no other model of the
  article shares the short form (dev-B r48-ai-model-selection-guide, r71-gemini-image-cost).
  Before, "Gemini Flash" was the Gemini family and "Claude Opus" nothing.
- the section's one thing: a sentence that names nothing, under a heading whose section names
  one registry thing alone before it (of the kind the property is chiefly of), is about that
  thing, as a paragraph's one thing already is (dev-B r08-pricing-and-costs: the list items
  under "(Claude Sonnet 4.5)").
- an hourly price in a worked run's row that names one cloud instance or GPU past the row's
  label is that thing's rent (dev-B r149-llama2-sagemaker-benchmark).
- a table whose columns each name one registry thing may have a column of working that names
  nothing (dev-B r116-gpu-spec-cheatsheet: "| Step | Formula | M3 Ultra Example | RTX 4090
  Example |").
"""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text
from conftest import linked_entity as _link

@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


GUIDE = ("Based on hands-on experience building with Claude Sonnet 3.7, Claude Opus 4.1, GPT-4, "
         "GPT-4o, Gemini, and Grok across production systems.\n\n"
         "- **Claude Opus 4.1:** Most capable, best reasoning\n"
         "- **Gemini 1.5 Flash:** Fast, cheap\n\n")


def test_short_form_of_a_named_model_is_that_model(reg):
    text = GUIDE + "### Why Use Multiple Models?\n\n- Use Gemini Flash for 30% of tasks (simple lookups)\n"
    assert _link(reg, text, "30%") == "gemini-1.5-flash"


def test_short_form_without_a_registry_name_is_found(reg):
    text = GUIDE + "### Why Use Multiple Models?\n\n- Use Claude Opus for 10% of tasks (complex reasoning)\n"
    assert _link(reg, text, "10%") == "claude-opus-4.1"


def test_short_form_with_a_number_of_its_own(reg):
    text = ("By switching from PNG to JPEG and using Imagen 4 Fast as default, I cut the cost.\n\n"
            "## Optimization 2\n\nImagen Fast is **$0.02 per image**. Quality is perfectly adequate.\n")
    assert _link(reg, text, "$0.02") == "imagen-4-fast"


def test_short_form_shared_by_two_named_models_is_left(reg):
    # "Claude Sonnet" is both "Claude Sonnet 3.7" and "Claude Sonnet 4.5" here: no guess of one
    from kb.extract.linking import _short_names, index_for
    idx = index_for(reg.entities, reg.properties)
    text = "We compared Claude Sonnet 3.7 with Claude Sonnet 4.5. Claude Sonnet wins."
    hits = idx.aliases_in(text)
    got = _short_names(idx, text, hits)
    assert not any(text[a:b] == "Claude Sonnet" for a, b, _ in got)


def test_section_names_one_thing_alone(reg):
    text = ("## Context Caching Economics\n\n"
            "If you have a fixed system prompt larger than 10,000 tokens, **Context Caching** is mandatory.\n\n"
            "**Break-even Analysis:**\n"
            "- **Standard Input**: $3.00 / 1M tokens (Claude Sonnet 4.5)\n"
            "- **Cached Input**: $0.30 / 1M tokens (90% discount)\n")
    assert _link(reg, text, "$0.30") == "claude-sonnet-4.5"


def test_section_naming_two_things_gives_no_guess(reg):
    text = ("## Context Caching Economics\n\n"
            "**Break-even Analysis:**\n"
            "- **Standard Input**: $3.00 / 1M tokens (Claude Sonnet 4.5) or $2.50 / 1M tokens (GPT-4o)\n"
            "- **Cached Input**: $0.30 / 1M tokens (90% discount)\n")
    assert _link(reg, text, "$0.30") != "claude-sonnet-4.5"


RUNS = ("### Best Throughput Deployment\n\n"
        "| Model       | Quantization | Instance        | concurrent requests | Throughput (tokens/second) "
        "| On-demand cost ($/h) in us-west-2 | cost to generate 1M tokens ($) |\n"
        "| ----------- | ------------ | --------------- | ------------------- | -------------------------- "
        "| --------------------------------- | ------------------------------ |\n"
        "| Llama 2 13B | None         | ml.g5.12xlarge  | 20                  | 295.6378071                "
        "| $7.09                             | $2.21                          |\n"
        "| Llama 2 70B | None         | ml.p4d.24xlarge | 20                  | 321.5369158                "
        "| $37.69                            | $10.43                         |\n")


def _draft(reg, text, raw):
    return next(d for d in extract_text(text, reg) if d.raw == raw or d.raw.endswith(raw))


def test_hourly_price_in_a_runs_row_is_the_instances_rent(reg):
    d = _draft(reg, RUNS, "$37.69")
    assert (d.entity, d.property) == ("aws-sagemaker-ml.p4d.24xlarge", "rental-price")


def test_the_runs_own_cost_stays_the_runs(reg):
    # the cost of 1M tokens in the same row is the run's (no hourly price): the article's own
    d = _draft(reg, RUNS, "$10.43")
    assert d.entity is None and d.entity_new


WORKED = ("## 2 · Mini-Guide: How to calculate memory bandwidth\n\n"
          "Put differently, that GPU can sling about **256 GB** every second between memory and its cores.\n\n\n"
          "| Step                  | Formula                   | M3 Ultra Example                 | RTX 4090 Example              |\n"
          "| --------------------- | ------------------------- | -------------------------------- | ----------------------------- |\n"
          "| 1. Gather bus width   | bits ➗ 8 = bytes/transfer | 1024-bit unified bus → 128 bytes | 384-bit GDDR6X bus → 48 bytes |\n"
          "| 3. Multiply & convert | (bytes × rate)/1 000 ≈ GB/s | 128 × 6400 = 819,200 MB/s ≈ **819 GB/s** "
          "| 48 × 21,000 = 1008,000 MB/s ≈ **1,008 GB/s** |\n")


def test_columns_named_beside_a_column_of_working(reg):
    # r116: two columns each headed by one registry thing, beside a "Formula" column that names
    # nothing: the cells are those things' figures, not a worked scenario's
    assert _draft(reg, WORKED, "1,008 GB/s").entity == "nvidia-geforce-rtx-4090"
    assert _draft(reg, WORKED, "819 GB/s").entity == "apple-m3-ultra"


def test_hourly_price_in_a_row_labelled_by_the_card_keeps_the_tables_reading(reg):
    # test_linking_entities48: "| A100 | 3.0 |" under an estimates caption with a row of the
    # writer's own set-up stays a scenario's; the rule is for a run's row naming its instance
    text = ("## GPU Hourly Pricing (Estimated)\n\n| GPU      | Cloud Price (USD/hr) |\n| -------- | ---- |\n"
            "| A100     | 3.0                  |\n| T4 home box | 0.6 |\n| RTX 4090 | 1.2 |\n")
    assert _draft(reg, text, "3.0").entity != "nvidia-a100"
