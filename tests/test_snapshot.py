"""The kept load (:mod:`kb.store.snapshot`) gives what a plain load gives, and is never used
once anything that decided it has changed: a file's bytes, a folder's files, a source text,
a symbolic link, the code."""
from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from kb.rules.check import check
from kb.store import load as load_mod
from kb.store import snapshot
from kb.store.load import load

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def project(tmp_path, monkeypatch):
    """A part of the real knowledge base (its vocabulary and sources, its smallest claims and
    reference files) with a ``.cache`` folder, so that loads keep snapshots."""
    monkeypatch.delenv("KB_NO_PARSE_CACHE", raising=False)
    root = tmp_path / "kb"
    _copy_part(root)
    (root / ".cache").mkdir()
    return root


def _copy_part(root: Path) -> None:
    shutil.copytree(ROOT / "datasets", root / "datasets", ignore=shutil.ignore_patterns("references"))
    for top, n in (("claims", 4), ("datasets/references", 3)):
        (root / top).mkdir(parents=True)
        for p in sorted((ROOT / top).glob("*.yaml"), key=lambda p: (p.stat().st_size, p.name))[:n]:
            shutil.copy(p, root / top / p.name)


def _plain(root: Path, monkeypatch) -> object:
    with monkeypatch.context() as m:
        m.setenv("KB_NO_PARSE_CACHE", "1")
        return load(root)


def _kept(root: Path):
    return snapshot.read(root / ".cache", root.resolve())


def test_a_warm_load_is_the_load_and_its_check_the_same_report(project, monkeypatch):
    plain = _plain(project, monkeypatch)
    report = check(project, kb=plain)
    assert _kept(project) is None
    cold = load(project)
    assert (project / ".cache" / snapshot.NAME).is_file() and cold == plain
    assert _kept(project) == plain
    warm = load(project)
    assert warm == plain and warm is not plain
    assert check(project, kb=warm).render("json") == report.render("json")
    assert check(project).render("text") == report.render("text")
    # records come back frozen, with every field
    c = warm.claims[0]
    with pytest.raises(AttributeError):
        c.value = 1  # type: ignore[misc]
    assert [getattr(c, n) for n in snapshot._names(type(c))] == [getattr(plain.claims[0], n) for n in snapshot._names(type(c))]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CHANGES = {
    "a claims file edited": lambda r: _edit(sorted((r / "claims").glob("*.yaml"))[0], "qualifier: exact", "qualifier: exakt"),
    "a claims file added": lambda r: (r / "claims" / "zz-new.yaml").write_text(
        "source: zz-new\nclaims:\n  - id: [broken\n", encoding="utf-8"),
    "a claims file removed": lambda r: sorted((r / "claims").glob("*.yaml"))[-1].unlink(),
    "a claims file renamed to .yml": lambda r: sorted((r / "claims").glob("*.yaml"))[1].rename(
        r / "claims" / "renamed.yml"),
    "a property file edited": lambda r: _edit(sorted((r / "datasets" / "properties").glob("*.yaml"))[0],
                                              "canonical_unit:", "canonical_unit: frobnitz\n    old_unit:"),
    "an entity file edited": lambda r: _edit(sorted((r / "datasets" / "entities").glob("*.yaml"))[0], "kind:", "knd:"),
    "a reference file edited": lambda r: _edit(sorted((r / "datasets" / "references").glob("*.yaml"))[0],
                                               "references:", "references:\n  - id: zz-ref\n    entity: nowhere"),
    "a source text edited": lambda r: sorted((r / "datasets" / "sources").glob("*.txt"))[0].write_text(
        "another text", encoding="utf-8"),
    "a source text removed": lambda r: sorted((r / "datasets" / "sources").glob("*.txt"))[0].unlink(),
    "conditions.yaml removed": lambda r: (r / "datasets" / "conditions.yaml").unlink(),
    "a file replaced by a symbolic link": lambda r: _relink(sorted((r / "claims").glob("*.yaml"))[2]),
}


def _relink(path: Path) -> None:
    other = path.with_name("elsewhere.txt")
    path.rename(other)
    path.symlink_to(other)  # the same bytes, but read through a link


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_changed_input_is_never_answered_from_the_snapshot(project, monkeypatch, change):
    load(project)
    assert _kept(project) is not None
    CHANGES[change](project)
    assert _kept(project) is None
    after = load(project)
    assert after == _plain(project, monkeypatch)
    assert _kept(project) == after  # and the new load is kept in its place


def test_a_symbolic_link_that_changes_target_is_seen(project, monkeypatch):
    claims = sorted((project / "claims").glob("*.yaml"))
    a, b = project / "a.txt", project / "b.txt"
    a.write_bytes(claims[3].read_bytes())
    b.write_bytes(claims[3].read_bytes().replace(b"qualifier: exact", b"qualifier: exakt", 1))
    claims[3].unlink()
    claims[3].symlink_to(a)
    load(project)
    assert _kept(project) is not None
    claims[3].unlink()
    claims[3].symlink_to(b)
    assert _kept(project) is None
    assert load(project) == _plain(project, monkeypatch)


def test_a_damaged_or_foreign_snapshot_is_no_snapshot(project, monkeypatch):
    plain = _plain(project, monkeypatch)
    load(project)
    path = project / ".cache" / snapshot.NAME
    for data in (b"not a pickle", pickle.dumps(("another code", [])) + pickle.dumps("x"),
                 path.read_bytes()[: len(path.read_bytes()) // 2]):
        path.write_bytes(data)
        assert _kept(project) is None
        assert load(project) == plain


def test_another_root_or_other_code_makes_another_key(project, tmp_path, monkeypatch):
    key = snapshot.code_key(project)
    assert snapshot.code_key(tmp_path) != key
    code = tmp_path / "code" / "kb"
    shutil.copytree(Path(snapshot.__file__).parents[1], code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(snapshot, "_HERE", code / "store")
    base = snapshot.code_key(project)
    assert base == key
    watched = [*sorted((code / "core").glob("*.py")), code / "core" / "units.txt",
               *sorted((code / "store").glob("*.py")), code / "errors.py"]
    assert len(watched) > 10
    for p in watched:
        original = p.read_bytes()
        p.write_bytes(original + b"\n")
        assert snapshot.code_key(project) != base, p
        p.write_bytes(original)
    assert snapshot.yaml_stamp()  # the installed PyYAML is found
    for stamp in ("yaml_stamp", "pint_stamp"):
        with monkeypatch.context() as m:
            if stamp == "yaml_stamp":
                m.setattr(snapshot, stamp, lambda: b"another PyYAML")
            else:
                import kb.core.units as units

                m.setattr(units, stamp, lambda: b"another pint")
            assert snapshot.code_key(project) != base, stamp


def test_nothing_is_kept_without_a_cache_folder_or_when_a_read_failed(tmp_path, project, monkeypatch):
    bare = tmp_path / "bare"
    _copy_part(bare)
    load(bare)
    assert not (bare / ".cache").exists()
    with monkeypatch.context() as m:
        m.setenv("KB_NO_PARSE_CACHE", "1")
        load(project)
    assert not (project / ".cache" / snapshot.NAME).exists()
    # a file that cannot be read (its error could differ next time): the load is not kept
    real = Path.read_bytes
    victim = sorted((project / "claims").glob("*.yaml"))[0]

    def failing(self):
        if self == victim:
            raise PermissionError(13, "Permission denied")
        return real(self)

    with monkeypatch.context() as m:
        m.setattr(Path, "read_bytes", failing)
        kb = load(project)
    assert any("cannot read file" in f.message for f in kb.load_findings)
    assert not (project / ".cache" / snapshot.NAME).exists()
    load(project)
    assert (project / ".cache" / snapshot.NAME).is_file()


def test_the_hash_kept_is_of_the_bytes_parsed(project, monkeypatch):
    """A file edited while the load reads it, then edited back (an editor saving in place):
    the snapshot holds what was parsed, under the hash of what was parsed, so the file as it
    is now is loaded again."""
    from kb.store import yamlnodes

    victim = sorted((project / "claims").glob("*.yaml"))[0]
    original = victim.read_bytes()
    real = yamlnodes.read

    def edited_while_read(path, *args, **kwargs):
        if Path(path) != victim:
            return real(path, *args, **kwargs)
        victim.write_bytes(original.replace(b"qualifier: exact", b"qualifier: exakt", 1))
        try:
            return real(path, *args, **kwargs)
        finally:
            victim.write_bytes(original)

    monkeypatch.setattr(yamlnodes, "read", edited_while_read)
    during = load(project)
    monkeypatch.setattr(yamlnodes, "read", real)
    assert any("exakt" in f.message for f in during.load_findings)
    assert (project / ".cache" / snapshot.NAME).is_file()
    assert _kept(project) is None
    after = load(project)
    assert after == _plain(project, monkeypatch) != during


def test_too_large_a_knowledge_base_is_not_kept(project, monkeypatch):
    monkeypatch.setattr(snapshot, "MAX_BYTES", 10_000)
    load(project)
    assert not (project / ".cache" / snapshot.NAME).exists()
    assert os.listdir(project / ".cache")  # the parse cache still works
