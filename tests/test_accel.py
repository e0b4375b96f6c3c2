"""The optional compiled build (kb/accel.py, make accel): loaded only from the current source,
off with KB_PURE=1, and the same drafts as pure Python."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest
import yaml

from kb import accel
from kb.extract import linking

# the checkout of the kb imported (its build, sources and articles), wherever pytest runs from: not
# this file's, which another checkout's kb may be tested with (run from outside the project root)
ROOT = Path(accel.ROOT)
NAME = "kb.extract.linking"


def _fake_tree(tmp_path, monkeypatch, source: bytes):
    """A checkout in tmp_path holding one module's source and a 'build' of it (bytes only)."""
    monkeypatch.setattr(accel, "ROOT", str(tmp_path))
    monkeypatch.setattr(accel, "BUILD_DIR", str(tmp_path / "build" / "accel"))
    src = Path(accel.source_path(NAME))
    src.parent.mkdir(parents=True)
    src.write_bytes(source)
    built = Path(accel.build_path(NAME, accel.source_key(source)))
    built.parent.mkdir(parents=True)
    built.write_bytes(b"not loaded here")
    return src, built


def test_the_finder_gives_the_build_only_of_the_current_source(tmp_path, monkeypatch):
    monkeypatch.delenv("KB_PURE", raising=False)
    src, built = _fake_tree(tmp_path, monkeypatch, b"X = 1\n")
    spec = accel.Finder.find_spec(NAME)
    assert spec is not None and spec.origin == str(built)
    assert isinstance(spec.loader, accel.CompiledLoader) and spec.loader.source == str(src)
    assert accel.Finder.find_spec("kb.extract.vet") is None  # not one of the modules compiled
    src.write_bytes(b"X = 2\n")  # edited: its build is stale
    assert accel.Finder.find_spec(NAME) is None
    src.write_bytes(b"X = 1\n")
    assert accel.Finder.find_spec(NAME) is not None
    src.unlink()
    assert accel.Finder.find_spec(NAME) is None


@pytest.mark.parametrize("value, off", [("1", True), ("yes", True), ("0", False), ("", False)])
def test_kb_pure_turns_the_build_off(tmp_path, monkeypatch, value, off):
    _fake_tree(tmp_path, monkeypatch, b"X = 1\n")
    monkeypatch.setenv("KB_PURE", value)
    assert (accel.Finder.find_spec(NAME) is None) is off
    assert accel.disabled() is off


def test_a_module_reloaded_from_its_source_is_not_given_the_build(tmp_path, monkeypatch):
    """A reload of a module read from its .py (edited since it was built) reads the .py again:
    the compiled file cannot be run into it."""
    monkeypatch.delenv("KB_PURE", raising=False)
    src, built = _fake_tree(tmp_path, monkeypatch, b"X = 1\n")
    read_from_source = types.ModuleType(NAME)
    assert accel.Finder.find_spec(NAME, None, read_from_source) is None
    was_compiled = types.ModuleType(NAME)
    was_compiled.__loader__ = accel.CompiledLoader(NAME, str(built), str(src))
    assert accel.Finder.find_spec(NAME, None, was_compiled).origin == str(built)


# --- the real build, where one was made from the current sources (make accel) ------------------

BUILT = not accel.disabled() and all(accel.compiled_path(n) for n in accel.MODULES)
needs_build = pytest.mark.skipif(not BUILT, reason="no compiled build of the current sources (make accel)")

_DUMP = """
import dataclasses, json, sys
import kb, kb.accel
from kb.extract.arith import propose
from kb.extract.linking import load_registry
from kb.extract.drafts import draft_record, extract_text
from pathlib import Path
reg = load_registry(Path(sys.argv[1]))
out = {"mode": {n: kb.accel.is_compiled(sys.modules[n]) for n in kb.accel.MODULES},
       "file": sys.modules["kb.extract.linking"].__file__, "describe": kb.accel.describe(), "drafts": [],
       "relations": []}
for p in sys.argv[2:]:
    text = Path(p).read_text(encoding="utf-8")
    ds = extract_text(text, reg)
    out["drafts"].append(json.dumps([dataclasses.asdict(d) for d in ds], sort_keys=True, default=str))
    found = propose(text, [draft_record(d, "t") for d in ds])
    out["relations"].append(json.dumps([dataclasses.asdict(x) for x in found], sort_keys=True, default=str))
print(json.dumps(out))
"""


def _run(pkg_root: Path, texts, pure: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "KB_PURE"}
    env["PYTHONPATH"] = str(pkg_root)
    if pure:
        env["KB_PURE"] = "1"
    r = subprocess.run([sys.executable, "-c", _DUMP, str(ROOT), *map(str, texts)], env=env, cwd=ROOT,
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    return json.loads(r.stdout)


def _texts():
    spec = yaml.safe_load((ROOT / "tests/extract_corpus/real.yaml").read_text(encoding="utf-8"))
    ids = list(spec["seeds"])[:3] + list(spec["dev"])[:1]  # seeds and the first dev-A article
    return [ROOT / "datasets/sources" / f"{i}.txt" for i in ids]


@needs_build
def test_compiled_and_pure_give_the_same_drafts():
    texts = _texts()
    fast, pure = _run(ROOT, texts, pure=False), _run(ROOT, texts, pure=True)
    assert all(fast["mode"].values()) and not any(pure["mode"].values())
    assert fast["file"] == str(ROOT / "kb/extract/linking.py")  # __file__ is the source
    assert fast["describe"].startswith("compiled: ") and pure["describe"].startswith("pure Python")
    assert fast["drafts"] == pure["drafts"] and any(d != "[]" for d in pure["drafts"])
    assert fast["relations"] == pure["relations"] and any(r != "[]" for r in pure["relations"])


@needs_build
def test_an_edited_module_is_read_from_its_source(tmp_path):
    """A checkout whose linking.py was edited after make accel: linking runs from its .py (the
    edit seen), the others compiled."""
    shutil.copytree(ROOT / "kb", tmp_path / "kb", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "build" / "accel", tmp_path / "build" / "accel",
                    ignore=shutil.ignore_patterns("work-*"))
    src = tmp_path / "kb/extract/linking.py"
    src.write_text(src.read_text(encoding="utf-8") + "\nEDITED_IN_JUPYTERLAB = True\n", encoding="utf-8")
    code = ("import sys, kb.accel, kb.extract.drafts as d, kb.extract.linking as l; "
            "print(kb.accel.is_compiled(l), kb.accel.is_compiled(d), getattr(l, 'EDITED_IN_JUPYTERLAB', False), "
            "l.__file__ == sys.argv[1])")
    env = {k: v for k, v in os.environ.items() if k != "KB_PURE"}
    env["PYTHONPATH"] = str(tmp_path)
    r = subprocess.run([sys.executable, "-c", code, str(src)], env=env, cwd=tmp_path, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr[-3000:]
    assert r.stdout.split() == ["False", "True", "True", "True"]


@needs_build
def test_a_module_edited_while_running_is_reloaded_from_its_source(tmp_path):
    """JupyterLab: linking imported compiled, then edited and reloaded (importlib.reload, as
    IPython's autoreload does, which watches ``__file__``: the .py): the edit runs."""
    shutil.copytree(ROOT / "kb", tmp_path / "kb", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "build" / "accel", tmp_path / "build" / "accel",
                    ignore=shutil.ignore_patterns("work-*"))
    code = """
import importlib, sys, kb.accel, kb.extract.linking as l
from pathlib import Path
src = Path(l.__file__)
before = kb.accel.is_compiled(l)
text = src.read_text(encoding="utf-8")
src.write_text(text + "\\nEDITED_IN_JUPYTERLAB = True\\n", encoding="utf-8")
importlib.reload(l)
print(before, kb.accel.is_compiled(l), getattr(l, "EDITED_IN_JUPYTERLAB", False), src == Path(sys.argv[1]))
"""
    env = {k: v for k, v in os.environ.items() if k != "KB_PURE"}
    env["PYTHONPATH"] = str(tmp_path)
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path / "kb/extract/linking.py")], env=env, cwd=tmp_path,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-3000:]
    assert r.stdout.split() == ["True", "False", "True", "True"]


# --- make accel itself -------------------------------------------------------------------------------


def _probe_tree(tmp_path, monkeypatch, source: str):
    monkeypatch.setattr(accel, "ROOT", str(tmp_path))
    monkeypatch.setattr(accel, "BUILD_DIR", str(tmp_path / "build" / "accel"))
    monkeypatch.setattr(accel, "MODULES", ("kb.accel_probe",))
    src = Path(accel.source_path("kb.accel_probe"))
    src.parent.mkdir(parents=True)
    src.write_text(source, encoding="utf-8")
    return src


def test_without_cython_the_build_says_so_and_changes_nothing(tmp_path, monkeypatch, capsys):
    from kb.tools import accel as tool

    _probe_tree(tmp_path, monkeypatch, "X = 1\n")
    monkeypatch.setitem(sys.modules, "Cython", None)
    assert tool.build() == 1
    assert "Cython is not installed" in capsys.readouterr().out
    assert not (tmp_path / "build").exists()


def test_a_failed_compile_leaves_the_module_to_its_source(tmp_path, monkeypatch, capsys):
    pytest.importorskip("Cython")
    from kb.tools import accel as tool

    _probe_tree(tmp_path, monkeypatch, "X = 1\n")
    monkeypatch.setattr(tool, "_compiler", lambda: ["false"])
    assert tool.build() == 1
    assert "did not compile" in capsys.readouterr().out
    assert accel.compiled_path("kb.accel_probe") is None
    assert [p.name for p in (tmp_path / "build" / "accel").iterdir()] == []  # its work folder gone too


@pytest.mark.slow
def test_make_accel_builds_a_module_that_runs_as_its_source(tmp_path, monkeypatch):
    """A small module compiled for real: named by its source's key, loaded through the finder's
    spec with ``__file__`` its source; built again only once the source changes, the stale
    build removed."""
    pytest.importorskip("Cython")
    from kb.tools import accel as tool

    if tool._compiler() is None:
        pytest.skip("no C compiler")
    monkeypatch.delenv("KB_PURE", raising=False)  # (the finder gives the build only with it on)
    src = _probe_tree(tmp_path, monkeypatch, "def f(x: float):\n    return x\n\nX = f(3)\nFILE = __file__\n")
    assert tool.build(quiet=True) == 0
    first = accel.compiled_path("kb.accel_probe")
    assert first is not None
    spec = accel.Finder.find_spec("kb.accel_probe")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert accel.is_compiled(mod) and type(mod.f).__name__ != "function"
    assert mod.X == 3 and type(mod.X) is int  # an annotation is not a C type: 3 stays an int
    assert mod.FILE == str(src) == mod.__file__
    assert tool.build(quiet=True) == 0 and accel.compiled_path("kb.accel_probe") == first  # up to date
    src.write_text("X = 2\n", encoding="utf-8")
    assert accel.compiled_path("kb.accel_probe") is None
    assert tool.build(quiet=True) == 0
    assert accel.compiled_path("kb.accel_probe") not in (None, first) and not Path(first).exists()


@needs_build
def test_every_development_text_gives_the_same_drafts_compiled_and_pure(capsys):
    """python -m kb.tools.accel compare: the development articles, the seeds and the bench text
    (not the held-out articles), their drafts and the relations discovery proposes over them,
    in two processes."""
    from kb.tools import accel as tool

    assert tool.compare(ROOT) == 0, capsys.readouterr().out
    assert " texts give the same drafts and relations compiled and pure" in capsys.readouterr().out


def test_the_build_key_covers_the_directives_flags_and_versions(monkeypatch):
    """rev30 findings 8-9: a build by another Cython, Python, set of directives or flags is not
    the current source's build."""
    import importlib.metadata

    config = accel.build_config()
    for part in (accel.DIRECTIVES, " ".join(accel.CFLAGS), sys.version, importlib.metadata.version("Cython")):
        assert part in config
    key = accel.source_key(b"X = 1\n")
    monkeypatch.setattr(accel, "_CONFIG", [config.replace(sys.version, "3.0.0 (another)")])
    assert accel.source_key(b"X = 1\n") != key
    from kb.tools import accel as tool

    assert tool.DIRECTIVES == accel.DIRECTIVES and tuple(tool.CFLAGS) == accel.CFLAGS


def test_a_compiled_file_gone_before_its_load_leaves_the_source(tmp_path, monkeypatch):
    monkeypatch.delenv("KB_PURE", raising=False)
    src, built = _fake_tree(tmp_path, monkeypatch, b"X = 41 + 1\n")
    spec = accel.Finder.find_spec(NAME)
    assert spec is not None
    built.unlink()  # (a rebuild or a clean between the finder's look and the load)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.X == 42 and not accel.is_compiled(module) and module.__file__ == str(src)
