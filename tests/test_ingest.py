"""Reading a source file: plain text unchanged, HTML reduced to its main text, bad input refused."""
from __future__ import annotations

import pytest

from kb.store.ingest import IngestError, html_to_text, read_source_text

ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>GPU power</title>
<style>body { font: 12px serif } .nav { color: red }</style>
<script>window.dataLayer = []; function track() { return "700 W"; }</script>
<script type="application/ld+json">{"@type": "NewsArticle", "price": "$30 per hour"}</script>
</head><body>
<header><nav class="nav"><a href="/">Home</a> | <a href="/tech">Tech</a> | <a href="/about">About us</a></nav></header>
<main><article>
<h1>Blackwell racks and the power problem</h1>
<p>When NVIDIA unveiled the B200, the headline figure was compute: up to 20 petaflops of FP4 throughput per GPU.</p>
<p>A single B200 is rated at 1,000 W, and a rack of 72 of them draws roughly 120 kW, about four times what a
typical enterprise rack was designed for.</p>
<p>The older H100 SXM is specified at 700 W, while the PCIe card stays under 350 W.</p>
</article></main>
<aside><h3>Related</h3><ul><li><a href="/x">You can now watch HBO Max for $10</a></li></ul></aside>
<footer>© 2025 Example Media · <a href="/privacy">Privacy</a></footer>
<script>track(); console.log("$0.03 per token");</script>
</body></html>
"""


def test_plain_text_is_returned_unchanged(tmp_path):
    raw = "Line one: the H100 draws 700 W.\r\n\r\nLine “two” — ünïcode 🚀\n  indented\n"
    for name in ("a.txt", "b.md", "noext"):
        p = tmp_path / name
        p.write_bytes(raw.encode("utf-8"))
        assert read_source_text(p) == raw


def test_html_main_text(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(ARTICLE, encoding="utf-8")
    text = read_source_text(p)
    assert "A single B200 is rated at 1,000 W" in text
    assert "The older H100 SXM is specified at 700 W" in text
    for junk in ("window.dataLayer", "track()", "font: 12px", "NewsArticle", "About us", "Privacy", "$0.03 per token"):
        assert junk not in text
    lines = text.splitlines()
    assert any(ln.startswith("When NVIDIA unveiled the B200") for ln in lines)  # one paragraph per line
    assert read_source_text(p) == text  # deterministic


def test_html_sniffed_without_extension(tmp_path):
    p = tmp_path / "saved_page"
    p.write_text(ARTICLE, encoding="utf-8")
    assert "A single B200 is rated at 1,000 W" in read_source_text(p)


def test_txt_extension_is_never_sniffed(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    assert read_source_text(p) == ARTICLE


def test_short_html_page_keeps_its_text_without_navigation(tmp_path):
    p = tmp_path / "short.htm"
    p.write_text("<html><body><nav><a href=/>Home</a> <a href=/x>About</a></nav><article><h1>GPU power</h1>"
                 "<p>The H100 draws up to 700 W.</p></article></body></html>", encoding="utf-8")
    assert read_source_text(p) == "GPU power\nThe H100 draws up to 700 W.\n"


def test_html_in_another_declared_charset(tmp_path):
    p = tmp_path / "latin.html"
    p.write_bytes('<html><head><meta charset="iso-8859-1"></head><body><article><p>Caf\xe9 GPUs draw 700 W, '
                  'says the r\xe9sum\xe9.</p></article></body></html>'.encode("latin-1"))
    assert "Café GPUs draw 700 W" in read_source_text(p)


@pytest.mark.parametrize("content,msg", [
    (b"", "file is empty"),
    (b"  \n\t\n", "only whitespace"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    (b"%PDF-1.7\n\x00\x01binary", "binary"),
    (b"caf\xe9 and cr\xe8me", "not valid UTF-8"),
])
def test_bad_input_is_refused_with_a_message(tmp_path, content, msg):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(IngestError, match=msg):
        read_source_text(p)


def test_enormous_file_is_refused_before_reading(tmp_path, monkeypatch):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:  # a sparse 30 MB file: refused from its size alone
        fh.seek(30_000_000)
        fh.write(b"\n")
    with pytest.raises(IngestError, match=r"30\.0 MB, larger than the 20\.0 MB limit"):
        read_source_text(p)
    small = tmp_path / "small.txt"
    small.write_text("x" * 2000, encoding="utf-8")
    with pytest.raises(IngestError, match="larger than"):
        read_source_text(small, max_bytes=1000)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(IngestError, match="no such file"):
        read_source_text(tmp_path / "missing.txt")
    with pytest.raises(IngestError, match="directory"):
        read_source_text(tmp_path)


def test_script_only_html_is_refused(tmp_path):
    p = tmp_path / "scripts.html"
    p.write_text("<html><head>" + "<script>var a = 1;</script>" * 500 + "<style>p{}</style></head>"
                 "<body><script>document.write('700 W')</script><noscript></noscript></body></html>",
                 encoding="utf-8")
    with pytest.raises(IngestError, match="no main text"):
        read_source_text(p)


def test_html_to_text_of_garbage_never_raises_unexpectedly():
    for junk in ("<<<>>>", "<html", "</p></p></div>", "<script>" * 100, "\ufeff<html><body></body></html>"):
        try:
            assert isinstance(html_to_text(junk), str)
        except IngestError:
            pass


TABLES = """<!DOCTYPE html><html><head><title>Energy per task</title></head><body><main><article>
<h1>What one task costs in energy</h1>
<p>Estimates vary a lot; the table below collects what the main studies say for everyday tasks and AI queries.</p>
<table><tr><td><b>Task</b></td><td><b>Energy</b></td></tr>
<tr><td><p>Reading an article</p><p>(this piece)</p></td><td><p>0.34 Wh</p></td></tr>
<tr><td>A Google search</td><td>0.3 Wh</td></tr></table>
<table><thead><tr><th>GPU</th><th>TDP (W)</th><th>Price</th></tr></thead>
<tbody><tr><td>H100 SXM</td><td>700</td><td>$30,000</td></tr></tbody></table>
<p>Both tables come from public spec sheets and studies; the text after them is long enough to stay.</p>
</article></main></body></html>
"""


def test_html_tables_stay_tables(tmp_path):
    p = tmp_path / "tables.html"
    p.write_text(TABLES, encoding="utf-8")
    text = read_source_text(p)
    lines = text.splitlines()
    # every table is a Markdown pipe table with a rule under its header row; cells are not glued
    assert "| Reading an article (this piece) | 0.34 Wh |" in lines
    assert "(this piece)0.34" not in text
    i = lines.index("| Task | Energy |")
    assert lines[i + 1] == "|---|---|"
    j = lines.index("| GPU | TDP (W) | Price |")
    assert set(lines[j + 1]) <= set("|-: ")
    assert lines[j + 2] == "| H100 SXM | 700 | $30,000 |"


def test_html_table_cells_are_read_with_their_headers(tmp_path):
    from kb.extract.drafts import extract_text

    p = tmp_path / "tables.html"
    p.write_text(TABLES, encoding="utf-8")
    text = read_source_text(p)
    drafts = {d.raw: d for d in extract_text(text)}
    assert drafts["700"].unit == "W" and drafts["700"].context == {"row": "H100 SXM", "column": "TDP (W)"}
    assert drafts["0.34 Wh"].quote == "| Reading an article (this piece) | 0.34 Wh |"
    assert drafts["$30,000"].unit == "USD"


def test_html_power_of_ten_in_superscript_keeps_its_caret():
    """"10<sup>25</sup>" would run together as 1025; a footnote mark elsewhere is left alone."""
    text = html_to_text("<html><body><p>The run took 2.1 × 10<sup>25</sup> FLOP on H100<sup>1</sup> GPUs.</p></body></html>")
    assert "2.1 × 10^25 FLOP" in text and "1025" not in text
