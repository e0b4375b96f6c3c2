"""kb.tools.entity_tags: the entity guesses of the development articles, by the way each was made."""
from __future__ import annotations

from pathlib import Path

from kb.tools.entity_tags import tag_counts

ROOT = Path(__file__).resolve().parents[1]


def test_the_tags_of_one_development_article_are_counted(project_registry):
    counts = tag_counts(ROOT, ["r85-hourly-gpu-vs-per-token-api", "no-such-article"], project_registry)
    guesses = sum(n for n, _ in counts.values())
    assert guesses > 20   # its matched mentions with a curated entity (a missing article is skipped)
    assert all(0 <= right <= n for n, right in counts.values())
    assert 0 < sum(right for _, right in counts.values()) < guesses
    assert any(tag.startswith("new|") for tag in counts) and any("|sure|" in tag for tag in counts)
