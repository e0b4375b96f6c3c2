"""``kb add-source``: copies the text, records SHA-256 and metadata, never overwrites.

(HTML reduction is :mod:`kb.ingest`'s and is tested in tests/test_ingest.py.)
"""

from __future__ import annotations

import datetime
import hashlib

import pytest
import yaml

from kb.rules.check import check
from kb.store.load import load
from kb.store.sources import SourceError, add_source, source_id_for

TEXT = "An article about GPUs.\nThe H100 SXM draws 700 W — “up to” 700 W, per GPU.\r\nCafé.\n"


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "kb"
    (root / "claims").mkdir(parents=True)
    (root / "datasets").mkdir()
    return root


@pytest.fixture
def article(tmp_path):
    p = tmp_path / "in" / "My Article.txt"
    p.parent.mkdir()
    p.write_bytes(TEXT.encode("utf-8"))
    return p


def test_add_source_copies_hashes_and_records_metadata(run_kb, project, article):
    code, out, err = run_kb("add-source", article, "--title", "GPUs: a story", "--publisher", "Example Media",
                            "--published", "2024-05-01", "--url", "https://example.org/a", "--root", project)
    assert code == 0, err
    assert "registered source my-article" in out
    txt = project / "datasets" / "sources" / "my-article.txt"
    meta_path = project / "datasets" / "sources" / "my-article.yaml"
    assert txt.read_bytes() == article.read_bytes()  # exactly as registered
    meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    assert meta["id"] == "my-article"
    assert meta["sha256"] == hashlib.sha256(article.read_bytes()).hexdigest()
    assert meta["title"] == "GPUs: a story" and meta["publisher"] == "Example Media"
    assert meta["published"] == datetime.date(2024, 5, 1)
    assert meta["url"] == "https://example.org/a"
    assert meta["original_filename"] == "My Article.txt"
    assert meta["trust"] == "web"
    # The registered source loads and checks cleanly.
    kb = load(project)
    assert not kb.load_findings
    assert kb.sources["my-article"].text == TEXT
    assert check(project).findings == []


def test_add_source_refuses_to_overwrite(run_kb, project, article):
    args = ("add-source", article, "--title", "T", "--publisher", "P", "--root", project)
    assert run_kb(*args)[0] == 0
    txt = project / "datasets" / "sources" / "my-article.txt"
    meta = project / "datasets" / "sources" / "my-article.yaml"
    before = (txt.read_bytes(), meta.read_bytes())
    article.write_text("Another text under the same name.\n", encoding="utf-8")
    code, out, err = run_kb(*args)
    assert code == 2
    assert "already exists" in err and "Traceback" not in err
    assert (txt.read_bytes(), meta.read_bytes()) == before
    # With another id it is a new source.
    meta = add_source(project, article, title="T", publisher="P", source_id="my-article-2")
    assert meta["id"] == "my-article-2"
    assert (project / "datasets" / "sources" / "my-article-2.txt").read_text(encoding="utf-8").startswith("Another")


def test_add_source_refuses_when_only_the_metadata_exists(project, article):
    folder = project / "datasets" / "sources"
    folder.mkdir(parents=True)
    (folder / "my-article.yaml").write_text("id: my-article\n", encoding="utf-8")
    with pytest.raises(SourceError, match="already exists"):
        add_source(project, article, title="T", publisher="P")
    assert not (folder / "my-article.txt").exists()


BAD_FILES = [
    (b"", "empty"),
    (b"caf\xe9 au lait, 700 W\n", "UTF-8"),
    (b"   \n\t\n", "whitespace"),
    (b"\x00\x01\x02binary", "binary"),
]


@pytest.mark.parametrize("content,words", BAD_FILES[:2], ids=["empty", "latin-1"])
def test_add_source_bad_file_is_a_clear_error(run_kb, project, tmp_path, content, words):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, out, err = run_kb("add-source", bad, "--title", "T", "--publisher", "P", "--root", project)
    assert code == 2, (out, err)
    assert "Traceback" not in err
    assert err.startswith("kb: ") and words.lower() in err.lower()
    assert not list((project / "datasets").rglob("bad*"))


@pytest.mark.parametrize("content,words", BAD_FILES, ids=["empty", "latin-1", "whitespace", "binary"])
def test_add_source_bad_file_raises_source_error(project, tmp_path, content, words):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(SourceError) as exc:
        add_source(project, bad, title="T", publisher="P")
    assert words.lower() in str(exc.value).lower()
    assert not list((project / "datasets").rglob("bad*"))


def test_add_source_missing_file(run_kb, project, tmp_path):
    code, out, err = run_kb("add-source", tmp_path / "nope.txt", "--title", "T", "--publisher", "P", "--root", project)
    assert code == 2 and "Traceback" not in err and "no such file" in err


def test_add_source_bad_date(run_kb, project, article):
    code, out, err = run_kb("add-source", article, "--title", "T", "--publisher", "P", "--published", "May 2024",
                            "--root", project)
    assert code == 2 and "YYYY-MM-DD" in err and "Traceback" not in err
    assert not (project / "datasets" / "sources" / "my-article.txt").exists()


def test_add_source_needs_title_and_publisher(run_kb, project, article):
    code, out, err = run_kb("add-source", article, "--root", project)
    assert code == 2 and "Traceback" not in err


def test_add_source_bad_id(project, article):
    with pytest.raises(SourceError, match="lower case"):
        add_source(project, article, title="T", publisher="P", source_id="Bad Id!")


@pytest.mark.parametrize(
    "name,sid",
    [
        ("000_f7fd7c52cf5c4f3d.txt", "000_f7fd7c52cf5c4f3d"),
        ("My Article.txt", "my-article"),
        ("page.html", "page"),
        ("report.v2.txt", "report"),
    ],
)
def test_source_id_for(tmp_path, name, sid):
    assert source_id_for(tmp_path / name) == sid


def test_registered_sources_match_their_hashes(root):
    """Every source of the real knowledge base is stored exactly as registered."""
    for meta_path in sorted((root / "datasets" / "sources").glob("*.yaml")):
        meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
        txt = meta_path.with_suffix(".txt")
        assert meta["id"] == meta_path.stem
        assert hashlib.sha256(txt.read_bytes()).hexdigest() == meta["sha256"], txt
        txt.read_bytes().decode("utf-8")
