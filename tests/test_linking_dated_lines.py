"""A model line named without its version ("Gemini Flash", "Mistral Medium") is the line's
version current at the article's date (kb/extract/linking.py, ``Index.dated_lines``): the
latest version the registry dates (``released:``, with ``line_aliases:``) on or before the
source's ``published`` date; with no date, or none out by then, the name links as before.

The sentences are paraphrases of how pricing articles write such names, not copied ones.
"""
from __future__ import annotations

import datetime

import pytest

from kb.extract.drafts import extract_text
from kb.extract.linking import release_bound, index_for, published_of


TABLE = ("| Model | Input/1M | Output/1M |\n|---|---|---|\n"
         "| Gemini Flash | $0.30 | $2.50 |\n| Gemini Flash-Lite | $0.10 | $0.40 |\n")

# a registry of its own: a line of three dated versions and the family name the registry has
ENTITIES = [
    {"id": "google", "kind": "organisation", "aliases": ["Google"]},
    {"id": "acme", "kind": "model", "vendor": "google", "aliases": ["Acme"]},
    {"id": "acme-1-swift", "kind": "model", "aliases": ["Acme 1 Swift"], "released": datetime.date(2024, 5, 24),
     "line_aliases": ["Acme Swift"]},
    {"id": "acme-2-swift", "kind": "model", "aliases": ["Acme 2 Swift"], "released": "2025-06",
     "line_aliases": ["Acme Swift"]},
    {"id": "acme-2-swift-mini", "kind": "model", "aliases": ["Acme 2 Swift-Mini"], "released": 2025,
     "line_aliases": ["Acme Swift-Mini"]},
]


def _hits(text, published):
    idx = index_for(ENTITIES, [])
    low = text.lower()
    return [(text[s:e], eid) for s, e, eid in idx.dated_lines(text, low, idx.aliases_in(text, low), published)]


def test_the_line_is_its_latest_version_released_by_the_date():
    text = "We priced Acme Swift for the chatbot."
    assert _hits(text, datetime.date(2025, 1, 10)) == [("Acme Swift", "acme-1-swift")]
    # released in June 2025 (to the month): out by July, not surely by the 10th of June
    assert _hits(text, datetime.date(2025, 7, 1)) == [("Acme Swift", "acme-2-swift")]
    assert _hits(text, datetime.date(2025, 6, 10)) == [("Acme Swift", "acme-1-swift")]
    assert _hits(text, "2026-04") == [("Acme Swift", "acme-2-swift")]


def test_no_date_or_none_released_yet_keeps_the_family_name():
    text = "We priced Acme Swift for the chatbot."
    assert _hits(text, None) == [("Acme", "acme")]
    assert _hits(text, datetime.date(2023, 12, 1)) == [("Acme", "acme")]
    # a version released in 2025 (to the year) is out only once 2025 is over
    assert _hits("Acme Swift-Mini is cheap.", "2025-08") == [("Acme", "acme")]
    assert _hits("Acme Swift-Mini is cheap.", "2026") == [("Acme Swift-Mini", "acme-2-swift-mini")]


def test_a_version_written_after_the_name_or_a_longer_name_is_left_alone():
    day = datetime.date(2026, 1, 1)
    # "Acme Swift 1.5": the writer named a version (one the registry does not have)
    assert _hits("Acme Swift 1.5 costs less.", day) == [("Acme", "acme")]
    # the longer line's name is not the shorter line's
    assert _hits("Acme Swift-Mini costs less.", day) == [("Acme Swift-Mini", "acme-2-swift-mini")]
    # a registry name that holds the line's words keeps its own entity
    assert _hits("Acme 2 Swift costs less.", day) == [("Acme 2 Swift", "acme-2-swift")]


def test_dates_compare_at_the_precision_written():
    assert release_bound("2025-06", latest=True) == "2025-06-99"
    assert release_bound("2026-04", latest=False) == "2026-04-00"
    assert release_bound(2025, latest=False) == "2025-00-00"
    assert release_bound(datetime.datetime(2025, 6, 17, 9), latest=True) == "2025-06-17"
    assert release_bound("June 2025", latest=True) is None
    assert release_bound(True, latest=True) is None


def _table_entities(reg, published):
    return [(d.raw, d.entity) for d in extract_text(TABLE, reg, published=published)]


def test_the_registry_dates_gemini_lines_by_general_availability(project_registry):
    # before Gemini 2.5 Flash was generally available (June 2025), "Gemini Flash" was 2.0 Flash
    assert _table_entities(project_registry, datetime.date(2025, 3, 1)) == [
        ("$0.30", "gemini-2.0-flash"), ("$2.50", "gemini-2.0-flash"),
        ("$0.10", "gemini-2.0-flash-lite"), ("$0.40", "gemini-2.0-flash-lite")]
    # in 2026 the stable 2.5 models (Gemini 3 Flash was a preview), whatever the day's precision
    assert _table_entities(project_registry, "2026-02") == [
        ("$0.30", "gemini-2.5-flash"), ("$2.50", "gemini-2.5-flash"),
        ("$0.10", "gemini-2.5-flash-lite"), ("$0.40", "gemini-2.5-flash-lite")]
    # from May 2026 the generally available Gemini 3.1 Flash-Lite (the 7th) and 3.5 Flash (the 19th)
    assert _table_entities(project_registry, datetime.date(2026, 5, 10)) == [
        ("$0.30", "gemini-2.5-flash"), ("$2.50", "gemini-2.5-flash"),
        ("$0.10", "gemini-3.1-flash-lite"), ("$0.40", "gemini-3.1-flash-lite")]
    assert {ent for _, ent in _table_entities(project_registry, "2026-06")} == {"gemini-3.5-flash", "gemini-3.1-flash-lite"}


CLAUDE_TABLE = ("| Model | Input/1M | Output/1M |\n|---|---|---|\n"
                "| Claude Sonnet | $3.00 | $15.00 |\n| Claude Haiku | $1.00 | $5.00 |\n"
                "| Claude Opus | $5.00 | $25.00 |\n")


def _claude_entities(reg, published):
    return [ent for _, ent in [(d.raw, d.entity) for d in extract_text(CLAUDE_TABLE, reg, published=published)]][::2]


def test_the_registry_dates_claude_lines_by_their_launch(project_registry):
    # Sonnet, Haiku and Opus in that order, one entity per row
    assert _claude_entities(project_registry, "2026-04") == ["claude-sonnet-4.6", "claude-haiku-4.5", "claude-opus-4.6"]
    assert _claude_entities(project_registry, datetime.date(2026, 4, 20)) == ["claude-sonnet-4.6", "claude-haiku-4.5",
                                                                              "claude-opus-4.7"]
    assert _claude_entities(project_registry, datetime.date(2025, 8, 1)) == ["claude-sonnet-4", "claude-3.5-haiku",
                                                                             "claude-opus-4"]
    # versions dated to the month (Opus 4.1, August 2025; Sonnet 3.5, June 2024) count from the next
    assert _claude_entities(project_registry, datetime.date(2025, 9, 1))[2] == "claude-opus-4.1"
    assert _claude_entities(project_registry, datetime.date(2024, 6, 25))[0] == "claude-3-sonnet"
    assert _claude_entities(project_registry, datetime.date(2024, 7, 1))[0] == "claude-3.5-sonnet"
    # "Claude Sonnet 4.5" names its own version, whatever the date
    text = "Claude Sonnet 4.5 costs $3.00 per million input tokens."
    assert [d.entity for d in extract_text(text, project_registry, published="2026-04")] == ["claude-sonnet-4.5"]


def test_a_tier_named_alone_is_the_version_of_its_day_but_not_the_word(project_registry):
    # writers shorten 'Claude Sonnet' to 'Sonnet' once the vendor is clear
    for text, version in (("Sonnet costs $15 per million output tokens.", "claude-sonnet-4"),
                          ("Opus costs $75 per million output tokens.", "claude-opus-4"),
                          ("Haiku costs $4 per million output tokens.", "claude-3.5-haiku")):
        assert [d.entity for d in extract_text(text, project_registry, published="2025-07-31")] == [version]
    # in lower case it is the word: a poem, a life's work
    text = "Writing a haiku took 40 tokens; his magnum opus took 900,000 tokens."
    assert not {d.entity for d in extract_text(text, project_registry, published="2025-07-31")} & {
        "claude-3.5-haiku", "claude-opus-4"}


# r40-llama-cpp-possible (published 2023-03-16): "## Running LLaMa on an A100" over its paragraph
R40_A100 = ("## Running LLaMa on an A100\n\nOn an A100 (80GB PCIe), the memory bandwidth is 1935GB/s. "
            "The int4 compute is 1248 TOPS. As such, the model is (heavily) memory-bound. We should expect to "
            "see inferences as given in the table; roughly 30 tokens/s with the 65B model, and 277 tokens/s "
            "with the 7B model.")


def test_llama_named_alone_is_the_generation_of_its_day(project_registry):
    # "LLaMa" in March 2023 is the first LLaMA: "the 65B model" is its 65B, not the A100 of the heading
    got = {d.raw: d.entity for d in extract_text(R40_A100, project_registry, published="2023-03-16")}
    assert got["roughly 30 tokens/s"] == "llama-1-65b"
    # the generations by their release (Llama 2 July 2023, Llama 3 April 2024, 3.1 July 2024, 4 April 2025)
    for published, version in (("2023-03-16", "llama-1"), ("2023-09-01", "llama-2"), ("2024-05-01", "llama-3"),
                               ("2024-08-01", "llama-3.1"), ("2025-06-01", "llama-4")):
        assert [e for _, e in _reg_hits(project_registry, "We ran Llama on a single CPU.", published)] == [version]
    # a version or a size written after the name is left to name itself
    assert [e for _, e in _reg_hits(project_registry, "We ran Llama 2 on a single CPU.", "2025-06-01")] == ["llama-2"]


def test_a_program_named_after_the_line_is_no_version_of_it(project_registry):
    # r40-llama-cpp-possible: 'the current status of the Llama.cpp project': a program, not a model
    text = "This is not an attempt at documenting the current status of the Llama.cpp project."
    assert _reg_hits(project_registry, text, "2023-03-16") == []
    assert _reg_hits(project_registry, "How is it possible to run Llama on a single CPU?", "2023-03-16") == [("Llama", "llama-1")]


def _reg_hits(reg, text, published):
    idx = index_for(reg.entities, reg.properties)
    low = text.lower()
    return [(text[s:e], eid) for s, e, eid in idx.dated_lines(text, low, idx.aliases_in(text, low), published)]


def test_without_a_date_the_registry_links_as_before(project_registry):
    assert {ent for _, ent in _table_entities(project_registry, None)} == {"gemini"}
    # before any dated Flash came out
    assert {ent for _, ent in _table_entities(project_registry, datetime.date(2024, 1, 15))} == {"gemini"}


def test_the_date_comes_from_the_source_record(tmp_path):
    src = tmp_path / "datasets" / "sources"
    src.mkdir(parents=True)
    (src / "a.yaml").write_text("id: a\npublished: 2026-02-13\n", encoding="utf-8")
    (src / "b.yaml").write_text("id: b\npublished: null\n", encoding="utf-8")
    (src / "c.yaml").write_text("id: c\npublished: [oops\n", encoding="utf-8")
    assert published_of(tmp_path, "a") == datetime.date(2026, 2, 13)
    assert published_of(tmp_path, "b") is None
    assert published_of(tmp_path, "c") is None  # unreadable: no date, no traceback
    assert published_of(tmp_path, "missing") is None


def test_a_line_alias_without_a_release_date_is_a_schema_finding(tmp_path):
    from kb.store.load import load
    from test_load import make_project

    root = make_project(tmp_path)
    (root / "datasets" / "entities" / "lines.yaml").write_text(
        "entities:\n"
        "  - id: acme-2-swift\n    name: Acme 2 Swift\n    kind: model\n    released: 2025-06\n"
        "    line_aliases: [Acme Swift]\n"
        "  - id: acme-3-swift\n    name: Acme 3 Swift\n    kind: model\n"
        "    line_aliases: [Acme Swift]\n", encoding="utf-8")
    found = [(f.code, f.path, f.line) for f in load(root).load_findings]
    assert found == [("schema", "datasets/entities/lines.yaml", 10)]  # the second line_aliases


@pytest.mark.parametrize("published, passed", [("2026-04", "2026-04"), ("2026-02-13", datetime.date(2026, 2, 13)),
                                               ("null", None)])
def test_kb_vet_gives_the_extractor_the_texts_date_even_to_the_month(tmp_path, monkeypatch, published, passed):
    import kb.extract.drafts as drafts
    from kb.extract.vet import vet
    from test_load import make_project

    root = make_project(tmp_path)
    meta = root / "datasets" / "sources" / "s.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("published: null", f"published: {published}"),
                    encoding="utf-8")
    seen = []
    real = drafts.extract_text

    def spy(*args, **kw):
        seen.append(kw.get("published"))
        return real(*args, **kw)

    monkeypatch.setattr(drafts, "extract_text", spy)
    vet(root / "datasets" / "sources" / "s.txt", root)
    assert seen == [passed]
