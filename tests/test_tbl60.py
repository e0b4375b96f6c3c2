"""tbl60: tables whose rows are registry models (kb/extract/tables.py, kb/extract/linking.py),
each rule built on short quotes of the dev-B article that showed the gap
(r159-embedding-quantization, Hugging Face blog).

- a column headed by a number of embeddings ("| 250M Embeddings |") in a row naming one
  registry model ("| [e5-base-v2](...): int8 |") is the size of the index that model's vectors
  fill (the condition `vectors` of its memory and cost), not a workload of the article's own:
  the cells are the row's model's. Before, a new entity. A row listing several models, some
  the registry does not know ("all-MiniLM-L6-v2<br>bge-small-en-v1.5"), stays the article's own.
- two or more rows running without their closing pipe ("| 41.66 |100%") between two rows of a
  table are rows of it (one such row already was). Before, the table was cut in two and the
  rows read as prose.
"""
from __future__ import annotations

import pytest

from conftest import linked_entity as _link
from kb.extract.tables import find_pipe_tables


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


EXPERIMENTS = (
    "| Model | Embedding Dimension | 250M Embeddings | MTEB Retrieval (NDCG@10) | Percentage of default performance |\n"
    "| - | -: | -: | -: | -: |\n"
    "| [e5-base-v2](https://huggingface.co/intfloat/e5-base-v2): float32 | 768 | 286.10GB<br>$1087 / mo |50.77 | 100% |\n"
    "| [e5-base-v2](https://huggingface.co/intfloat/e5-base-v2): int8 | 768 | 178.81GB<br>$679 / mo| 47.54 | 94.68% |\n"
)

COST = (
    "| Embedding Dimension | Example Models | 100M Embeddings | 250M Embeddings |\n"
    "|---|---|---|---|\n"
    "| 384 | [all-MiniLM-L6-v2](https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2)<br>"
    "[bge-small-en-v1.5](https://huggingface.co/BAAI/bge-small-en-v1.5) | 143.05GB<br>$543 / mo | 357.62GB<br>$1,358 / mo |\n"
    "| 1536 | [OpenAI text-embedding-3-small](https://openai.com/blog/new-embedding-models-and-api-updates) "
    "|572.20GB<br>$2,174 / mo|1430.51GB<br>$5,435 / mo|\n"
)


def test_index_size_column_cells_are_the_row_models(reg):
    assert _link(reg, EXPERIMENTS, "178.81GB") == "e5-base-v2"
    assert _link(reg, EXPERIMENTS, "$679 / mo") == "e5-base-v2"


def test_index_size_column_in_a_row_of_one_known_model(reg):
    assert _link(reg, COST, "572.20GB") == "openai-text-embedding-3-small"


def test_row_listing_several_models_stays_the_articles_own(reg):
    assert _link(reg, COST, "143.05GB") == "new"


OPEN_ROWS = (
    "| Model | Embedding Dimension | MTEB Retrieval (NDCG@10) | Percentage of default performance |\n"
    "| - | -: | -: | -: |\n"
    "| [e5-base-v2](https://huggingface.co/intfloat/e5-base-v2): binary | 768 | 37.96 |74.77% |\n"
    "| [all-MiniLM-L6-v2](https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2): float32 | 384 | 41.66 |100%\n"
    "| [all-MiniLM-L6-v2](https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2): int8 | 384 | 37.82 | 90.79%\n"
    "| [all-MiniLM-L6-v2](https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2): binary | 384 |39.07| 93.79%|\n"
)


def test_run_of_rows_missing_their_last_pipe_stays_in_the_table():
    tables = find_pipe_tables(OPEN_ROWS)
    assert len(tables) == 1
    assert len(tables[0].rows) == 4
    assert tables[0].rows[2][-1].text == "90.79%"


def test_row_missing_its_last_pipe_is_the_row_models(reg):
    assert _link(reg, OPEN_ROWS, "90.79%") == "all-minilm-l6-v2"


# - a percentage of what another version of the thing scores ("| Percentage of default
#   performance |" over "97%", "retains 92.53% of performance", "performance retention of 99%")
#   is a ratio of the two scores in percent, as the curation records it (the quantized model's
#   score is no part of the full one's), not a share. Before, a share.

def _prop(registry, text: str, raw: str):
    from kb.extract.drafts import extract_text

    for d in extract_text(text, registry):
        if d.raw == raw or raw in d.raw:
            return d.property
    raise AssertionError(f"{raw!r} not extracted from {text!r}")


def test_percentage_of_default_performance_column_is_a_ratio(reg):
    assert _prop(reg, EXPERIMENTS, "94.68%") == "ratio"


def test_percentage_of_default_performance_row_is_a_ratio(reg):
    text = ("|                               | float32 | int8/uint8 | binary/ubinary |\n"
            "|-------------------------------|---------:|------------:|----------------:|\n"
            "| **Memory & Index size savings** | 1x      | exactly 4x         | exactly 32x            |\n"
            "| **Percentage of default performance**         | 100%    | ~99.3%     | ~96%           |\n")
    assert _prop(reg, text, "99.3%") == "ratio"


@pytest.mark.parametrize("text, raw", [
    ("Binary quantization with rescoring retains 92.53% of performance.", "92.53%"),
    ("With rescoring, mxbai-embed-large-v1 keeps more than 96% of performance.", "96%"),
    ("Scalar quantization with rescoring reaches a performance retention of 99%.", "99%"),
    ("Binary quantization can preserve up to ~96% of the total retrieval performance.", "96%"),
])
def test_retained_performance_in_prose_is_a_ratio(reg, text, raw):
    assert _prop(reg, text, raw) == "ratio"


def test_a_share_of_something_else_stays_a_share(reg):
    assert _prop(reg, "Inference is 60% of the total compute spend.", "60%") == "share"


# - a column headed by a benchmark or its metric with no word for a score ("| MTEB Retrieval
#   (NDCG@10) |" over "54.39", "52.79") whose cells are all bare numbers above 10 and at most 100,
#   some with decimals: each a benchmark score in percent, of the row's model. Before, not drafted.

def test_benchmark_metric_column_cells_are_scores(reg):
    from kb.extract.drafts import extract_text

    got = {d.raw: (d.property, d.entity, d.unit) for d in extract_text(EXPERIMENTS, reg)}
    assert got.get("47.54") == ("benchmark-score", "e5-base-v2", "percent")


def test_benchmark_metric_column_of_whole_numbers_is_not_taken(reg):
    from kb.extract.drafts import extract_text

    text = ("| Model | MTEB Retrieval (NDCG@10) |\n|---|---|\n| e5-base-v2 | 50 |\n| all-MiniLM-L6-v2 | 41 |\n")
    assert not [d for d in extract_text(text, reg) if d.raw in ("50", "41")]


# - a version tag joined by a hyphen to the words of another name ("all-mpnet-base-v2",
#   "jina-embeddings-v2-base-en") is no short form of a registry model ("V2" of DeepSeek-V2).
#   Before, the cost table's 768 row was DeepSeek-V2's.

def test_version_tag_inside_another_name_is_no_name(reg):
    text = ("| Embedding Dimension | Example Models |\n|---|---|\n"
            "| 768 | [all-mpnet-base-v2](https://huggingface.co/sentence-transformers/all-mpnet-base-v2) |\n"
            "| 1024 | [bge-large-en-v1.5](https://huggingface.co/BAAI/bge-large-en-v1.5) |\n")
    assert _link(reg, text, "768") != "deepseek-v2"


def test_the_models_own_name_with_its_version_still_links(reg):
    assert _link(reg, "DeepSeek-V2 has 236B parameters.", "236B") == "deepseek-v2"
