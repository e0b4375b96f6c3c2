"""kb.tools.bench's extraction line on the text's length (no timing is asserted: tests are never
timed; the line's texts and its check are)."""

from kb.extract.evaluate import numbers_permuted
from kb.extract.linking import load_registry
from kb.tools.bench import (LENGTH_RATIO, Targets, bench_extraction_length, extraction_text, pieces_of,
                            vet_article_text)


def test_extraction_text_is_the_development_writing_cut_at_a_line_end(root):
    unit = vet_article_text(root, chars=10**9) + "\n\n"
    short = extraction_text(root, 5_000)
    assert unit.startswith(short) and short.endswith("\n") and 4_000 < len(short) <= 5_000
    # longer than the articles: further copies, their digits permuted as the throughput's are
    long = extraction_text(root, len(unit) + 20_000)
    assert long.startswith(unit) and long.endswith("\n") and len(long) <= len(unit) + 20_000
    assert numbers_permuted(unit, 1).startswith(long[len(unit):])
    assert long[len(unit):] != unit[: len(long) - len(unit)]


def test_pieces_are_the_text_cut_at_line_ends():
    text = "| GPU | $/hr |\n|---|---|\n| H100 | $2.49 |\n\nA line with no end"
    ps = pieces_of(text, 20)
    assert "".join(ps) == text and len(ps) > 2
    assert all(p.endswith("\n") and len(p) <= 20 for p in ps[:-1])
    assert pieces_of("x" * 50, 20) == ["x" * 20, "x" * 20, "x" * 10]   # (a line longer than a piece: cut inside it)
    assert pieces_of("", 20) == []


def test_the_length_line_checks_the_whole_against_its_pieces(root):
    t = Targets()
    pieces, whole = bench_extraction_length(root, load_registry(root), t, sizes=(3_000, 12_000))
    assert pieces > 0 and whole > 0
    (name, ok, detail), = t.results
    assert "near-linear in the text's length" in name and "0.012 MB whole" in name and "0.003 MB pieces" in name
    assert ok == (whole >= LENGTH_RATIO * pieces) and detail == f"{whole / pieces:.2f}"
