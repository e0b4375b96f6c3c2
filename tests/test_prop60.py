"""Property rules designed on dev-B articles (session 27, prop60): a percentage that is more
than its whole, and one that is what a quality keeps, are ratios, not shares. Short quotes of
the dev-B articles that showed each gap.
"""
from __future__ import annotations

from kb.extract.drafts import extract_text


def _drafts(project_registry, text, unit):
    return [d for d in extract_text(text, project_registry) if d.unit == unit]


# --- more than the whole: a ratio ------------------------------------------------------------

def test_a_percentage_over_a_hundred_of_a_whole_is_a_ratio(project_registry):
    # r129-ai-country-of-thinkers
    text = 'By Jan 2029, in 3 years, the AI "population" will be 11.3 billion, 133% of human population.'
    ds = [d for d in _drafts(project_registry, text, "percent") if d.value == 133]
    assert [d.property for d in ds] == ["ratio"]


def test_a_percentage_under_a_hundred_of_a_whole_stays_a_share(project_registry):
    text = "Data centres will use 12% of US electricity by 2028."
    ds = [d for d in _drafts(project_registry, text, "percent") if d.value == 12]
    assert [d.property for d in ds] == ["share"]


# --- what a quality keeps: a ratio to the original -------------------------------------------

def test_a_percentage_of_performance_is_a_ratio(project_registry):
    # r159-embedding-quantization
    text = ("With binary embeddings, mxbai-embed-large-v1 retains 92.53% of performance on MTEB "
            "Retrieval.")
    ds = [d for d in _drafts(project_registry, text, "percent") if d.value == 92.53]
    assert [d.property for d in ds] == ["ratio"]


def test_a_percentage_of_the_total_retrieval_performance_is_a_ratio(project_registry):
    # r159-embedding-quantization
    text = ("By applying this novel rescoring step, we are able to preserve up to ~96% of the total "
            "retrieval performance, while reducing the memory requirements.")
    ds = [d for d in _drafts(project_registry, text, "percent") if d.value == 96]
    assert [d.property for d in ds] == ["ratio"]


def test_a_performance_retention_is_a_ratio(project_registry):
    # r159-embedding-quantization
    text = ("A rescore multiplier of 4-5 already leads to a remarkable performance retention of 99% "
            "using int8.")
    ds = [d for d in _drafts(project_registry, text, "percent") if d.value == 99]
    assert [d.property for d in ds] == ["ratio"]
