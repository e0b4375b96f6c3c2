"""Numbers given a new article entity where the curated one is in the registry
(kb/extract/linking.py): the company whose own section a number is in, where the article
gives each of several companies a section.

The layouts follow the development articles (dev-A half), each with its id.
"""
from __future__ import annotations

from conftest import linked_draft

from kb.extract.drafts import extract_text


# --- a section per company ----------------------------------------------------------------------

# r47-gpu-cloud-providers: one section per provider, their offers listed under sub-headings
PROVIDERS = """# GPU Cloud Providers Compared

## Detailed Provider Analysis

## 1. RunPod - GPU Arbitrage Leader

### Value Proposition
- **Lowest overall pricing**: $0.17-$4.18/hr depending on GPU and tier

## 2. Cudo Compute - Distributed Cloud Platform

### Value Proposition
- **Transparent pricing**: no hidden fees

## 3. Hyperstack - Premium GPU Specialist

### Value Proposition
- **Performance optimized**: 350 Gbps networking for distributed AI
"""


def test_a_number_in_a_companys_own_section_is_the_companys(project_registry):
    assert linked_draft(project_registry, PROVIDERS, "$0.17")[0] == "runpod"
    assert linked_draft(project_registry, PROVIDERS, "350 Gbps")[0] == "hyperstack"


def test_a_single_companys_section_is_no_such_layout(project_registry):
    # one section naming a company among sections naming none: the article's own set-up there
    text = PROVIDERS.replace("Cudo Compute", "Second Option").replace("Hyperstack", "Third Option")
    assert linked_draft(project_registry, text, "$0.17")[0] != "runpod"


def test_a_sentence_naming_a_thing_keeps_its_own_entity(project_registry):
    text = PROVIDERS.replace("depending on GPU and tier", "for an H100 SXM")
    assert linked_draft(project_registry, text, "$0.17")[0] != "runpod"


def test_the_company_sections_guess_reads_as_what_the_section_is_about(project_registry):
    from kb.extract.promote import entity_way

    d = next(d for d in extract_text(PROVIDERS, project_registry) if d.raw.startswith("$0.17"))
    assert entity_way(d.evidence["entity"]) == "taken as what the section is about"


# --- a table whose rows are labelled by a family's sizes ------------------------------------------

# r94-pytorch-fsdp-throughput: "the configuration knobs that work well for the Llama 2 models",
# then a table whose rows are labelled "7B", "13B", "34B", "70B"
SIZES = """We share the configuration knobs that work well for the Llama 2 models, from Llama 2 7B up.

| Model size | Batch size | Throughput tokens/sec/GPU |
|---|---|---|
| 7B | 2 | 3700 |
| 13B | 2 | 1800 |
| 70B | 2 | 700 |
"""


def _row_entities(reg, text, row_label):
    """The entities of the drafts of the table row labelled ``row_label``."""
    line = next(ln for ln in text.splitlines() if ln.startswith(f"| {row_label} |"))
    lo = text.index(line)
    return [d.entity or ("new" if d.entity_new else None) for d in extract_text(text, reg)
            if lo <= d.span_start < lo + len(line)]


def test_the_rows_of_a_table_of_a_familys_sizes_are_its_models(project_registry):
    assert set(_row_entities(project_registry, SIZES, "13B")) == {"llama-2-13b"}
    assert set(_row_entities(project_registry, SIZES, "70B")) == {"llama-2-70b"}


def test_sizes_of_no_one_family_are_runs_of_the_articles_own(project_registry):
    # r01-training-cost-index's "| 175B | 1T | 2,048 | ~20 days | ~$50M |": a size no model of
    # the family named has, among the rows: none of the rows is a model of the family
    text = SIZES.replace("| 13B |", "| 175B |")
    assert "llama-2-70b" not in _row_entities(project_registry, text, "70B")
    assert "llama-2-7b" not in _row_entities(project_registry, text, "7B")


# --- the one model of the company an article's title names ----------------------------------------

# r49-google-ai-moat-chips: the title names Google, the text its Gemini models once, and a
# context window is then spoken of with no name in its sentence
MAKER = """# Google's real AI moat is its chips

The 2.5 Gemini models are top-tier, good for reasoning and coding.

When I first read about that 1 million token context window, I said "What?".
"""


def test_a_models_figure_in_an_article_on_its_maker_is_the_makers_model(project_registry):
    assert linked_draft(project_registry, MAKER, "1 million token")[0] == "gemini"


def test_no_model_of_the_maker_named_no_such_guess(project_registry):
    text = MAKER.replace("The 2.5 Gemini models are", "Its models are")
    assert linked_draft(project_registry, text, "1 million token")[0] != "gemini"


def test_a_title_naming_no_maker_no_such_guess(project_registry):
    text = MAKER.replace("Google's real AI moat", "The real AI moat")
    assert linked_draft(project_registry, text, "1 million token")[0] != "gemini"
