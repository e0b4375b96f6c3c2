"""kb.tools.entity_tags: the entity guesses of the development articles, by the way each was made."""
from __future__ import annotations

from pathlib import Path

from kb.tools.entity_tags import PROSE_WAYS, error_kinds, render_classes, render_kinds, tag_counts, wrong_classes

ROOT = Path(__file__).resolve().parents[1]


def test_the_tags_of_one_development_article_are_counted(project_registry):
    counts = tag_counts(ROOT, ["r85-hourly-gpu-vs-per-token-api", "no-such-article"], project_registry)
    guesses = sum(n for n, _ in counts.values())
    assert guesses > 20   # its matched mentions with a curated entity (a missing article is skipped)
    assert all(0 <= right <= n for n, right in counts.values())
    assert 0 < sum(right for _, right in counts.values()) < guesses
    assert any(tag.startswith("new|") for tag in counts) and any("|sure|" in tag for tag in counts)


def test_the_wrong_prose_guesses_of_one_article_are_classed_by_where_the_right_entity_is(project_registry):
    counts = wrong_classes(ROOT, ["r90-ai-money-loop", "no-such-article"], project_registry)
    assert sum(counts.values()) > 0
    assert all(way in PROSE_WAYS and k > 0 for (way, _), k in counts.items())
    # its deals are things of the article's own; its investors are named in the sentence
    assert any(where == "a thing of the article's own" for _, where in counts)
    assert render_classes(counts).startswith(f"dev-A wrong guesses by where the right entity is: {sum(counts.values())}")
    # only the ways asked for
    assert set(w for w, _ in wrong_classes(ROOT, ["r90-ai-money-loop"], project_registry, ("before",))) <= {"before"}


def test_the_wrong_guesses_of_one_article_are_counted_by_table_or_prose_kind_and_error(project_registry):
    wrong, total = error_kinds(ROOT, ["r90-ai-money-loop", "no-such-article"], project_registry)
    assert sum(total.values()) > 20 and 0 < sum(wrong.values()) < sum(total.values())
    # each class's wrong guesses are counted against the matched mentions of the same class
    assert all(0 < k <= total[(where, what)] for (where, what, _), k in wrong.items())
    assert {where for where, _ in total} <= {"table", "prose"}
    # its deals are things of the article's own, some given a registry id
    assert any(what == "article-only" for _, what, _ in wrong)
    out = render_kinds("dev-B", wrong, total, top=3)
    assert out.startswith(f"dev-B: {sum(wrong.values())} wrong entity guesses of {sum(total.values())}")
    assert len(out.splitlines()) == 1 + min(3, len(wrong))
