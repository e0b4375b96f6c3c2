"""Run the analysis notebooks in place: deterministic outputs, and only when inputs changed.

::

    python -m kb.tools.notebooks run [--all] [--jobs N] [--root DIR] [NAME ...]  # execute stale notebooks
    python -m kb.tools.notebooks check [--root DIR] [NAME ...]   # exit 1 if any is stale or its prose is not glued
    python -m kb.tools.notebooks list [--root DIR]               # name and state
    python -m kb.tools.notebooks explain [--root DIR] [NAME ...] # what changed since each one ran

A notebook's **inputs** are its code cells, every file under ``claims/`` and ``datasets/``
(and the arithmetic labels, :data:`EXTRA_DATA`), and the source of the ``kb`` modules it uses (those it imports and, transitively, what they
import from the package; plus ``kb/core/units.txt``). Their SHA-256 is stored in the notebook's
metadata (``metadata.kb.inputs_hash``) when it runs; ``run`` executes only notebooks whose
stored hash differs from the current one (``--all``: every notebook).

**What a notebook ran on** is kept so that a failure can say what changed: the notebook's
metadata holds a digest of its code cells, of each ``kb`` module and of the data
(``metadata.kb.cells``, ``code``, ``data``) and the versions of the libraries that shape its
output (``libraries``); ``notebooks/inputs.json`` (the *manifest*, written by ``run``) holds,
for each data digest a notebook refers to, a short digest and the stated value of every claim
and reference and a digest of every data file. :func:`explain` compares them with the
current state: "claim s000-h100-tdp changed: ≤ 700 W → ≤ 750 W". The nbval hooks in
``tests/conftest.py`` print it when a notebook's stored outputs no longer match.

**Under CI** (``CI`` set to ``true``/``1``/``yes``) the runner never executes or writes a
notebook: ``run`` reports the stale ones with what changed and exits 1, telling to run
``make notebooks`` and commit the result.

Execution uses nbclient with the ``python3`` kernel, working directory ``notebooks/`` and
``KB_ROOT`` set to the project root, several notebooks at a time (``--jobs``, default: one
per CPU). The stored notebook has no execution timestamps (cell timing is not recorded, and
any ``execution``/``ExecuteTime`` cell metadata is removed). A notebook that fails (for
example on a knowledge base with integrity errors) is left as it was; the error is printed
and the exit status is 1.

**Prose is glued.** Numbers in a notebook's Markdown come from its outputs through myst-nb's
``glue`` (``{glue:text}`name``` in Markdown; ``kb.analysis.api.glue`` in code), so the text
cannot drift from what was computed. :func:`prose_problems` lists every number in Markdown
that is not glued and not in the notebook's allow-list (``metadata.kb.prose_numbers``: exact
phrases such as ``"2:4 sparsity"``, each of which must occur in the prose), every glue name
the prose uses that no output defines, and every glued value the prose does not use.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import difflib
import hashlib
import json
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kb.store.load import find_root

HASH_VERSION = b"kb-notebook-inputs-v1\0"
KERNEL = "python3"
TIMEOUT = 300
MANIFEST = "inputs.json"  # in notebooks/
MANIFEST_VERSION = 1
#: Libraries whose versions are recorded with a notebook (they shape its printed output).
LIBRARIES = ("pandas", "numpy", "matplotlib", "pint", "ipykernel")
#: Keys of ``metadata.kb`` the runner writes; any other key (the prose allow-list) is kept.
STAMP_KEYS = ("inputs_hash", "cells", "code", "data", "libraries")
#: Fields that say where a record is, not what it says.
_POSITION = frozenset({"path", "line", "lines"})
SHOWN = 12  # records listed per kind of change, then "and N more"
REMEDY = "run `make notebooks` (re-executes every notebook), review the new outputs and commit them"


@dataclass
class Result:
    name: str
    state: str  # executed | unchanged | failed | stale (under CI: stale, not executed)
    seconds: float = 0.0
    error: str | None = None


def in_ci(env: dict[str, str] | None = None) -> bool:
    """True when the ``CI`` environment variable says so (``true``, ``1``, ``yes``)."""
    return (env if env is not None else os.environ).get("CI", "").strip().lower() in ("true", "1", "yes")


# ---------------------------------------------------------------------- which notebooks


def notebook_paths(root: Path, names: list[str] | None = None) -> list[Path]:
    """The notebooks under ``root/notebooks`` (all, or those named: stem, file name or path)."""
    folder = root / "notebooks"
    every = sorted(p for p in folder.glob("*.ipynb") if p.is_file())
    if not names:
        return every
    out = []
    for n in names:
        stem = Path(n).name.removesuffix(".ipynb")
        match = [p for p in every if p.stem == stem]
        if not match:
            raise FileNotFoundError(f"no notebook {n!r} in {folder} (have: {', '.join(p.stem for p in every)})")
        out.extend(m for m in match if m not in out)
    return out


# ---------------------------------------------------------------------- inputs


#: Data the notebooks read from outside claims/ and datasets/: the curators' labels of the
#: arithmetic slips (the *arithmetic* notebook scores the checker against them).
EXTRA_DATA = ("tests/arithmetic_labels.yaml",)


def data_files(root: Path) -> list[Path]:
    """Every data file: under claims/ and datasets/ (sorted, hidden files and caches left
    out), then those of :data:`EXTRA_DATA` that exist."""
    out = []
    for top in ("claims", "datasets"):
        base = root / top
        if not base.is_dir():
            continue
        for p in sorted(base.rglob("*")):
            rel = p.relative_to(root)
            if p.is_file() and not any(part.startswith(".") or part == "__pycache__" for part in rel.parts):
                out.append(p)
    out.extend(p for p in (root / rel for rel in EXTRA_DATA) if p.is_file())
    return out


def data_digest(root: Path) -> bytes:
    """SHA-256 over the knowledge base's data: every file under claims/ and datasets/."""
    h = hashlib.sha256()
    for p in data_files(root):
        h.update(p.relative_to(root).as_posix().encode("utf-8") + b"\0")
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.digest()


def code_modules(nb) -> list[str]:
    """The ``kb`` modules a notebook's code depends on, as dotted names: those it imports and
    everything they import from the package, transitively (read from the source with
    :mod:`ast`, never executed). ``kb.<name>`` attributes that :mod:`kb` imports lazily count
    as the modules they stand for."""
    import ast

    todo: set[str] = set()
    for cell in nb.cells:
        if cell.cell_type == "code":
            try:
                tree = ast.parse(_strip_magics(cell.source))
            except SyntaxError:
                continue
            todo |= _imports(tree)
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        path = _module_file(name)
        if name in seen or path is None:
            continue
        seen.add(name)
        todo |= _imports(ast.parse(path.read_text(encoding="utf-8"))) - seen
    return sorted(seen)


def _strip_magics(source: str) -> str:
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())


def _package() -> Path:
    return Path(__file__).resolve().parent.parent


def _module_file(name: str) -> Path | None:
    parts = name.split(".")
    if parts[0] != "kb":
        return None
    base = _package().joinpath(*parts[1:])
    for p in (base.with_suffix(".py"), base / "__init__.py"):
        if p.is_file():
            return p
    return None


def _imports(tree) -> set[str]:
    """Dotted ``kb`` module names a module imports (``from kb.x import y`` gives ``kb.x`` and,
    when ``y`` is a module, ``kb.x.y``)."""
    import ast

    import kb

    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and node.module.split(".")[0] == "kb":
            out.add(node.module)
            for a in node.names:
                sub = f"{node.module}.{a.name}"
                if _module_file(sub) is not None:
                    out.add(sub)
                elif node.module == "kb" and a.name in kb.LAZY:
                    out.add(kb.LAZY[a.name].partition(":")[0])
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] == "kb"}
    return out


def code_files(nb) -> list[Path]:
    """The source files of :func:`code_modules`, and ``kb/core/units.txt``."""
    files = [_module_file(m) for m in code_modules(nb)] + [_package() / "core" / "units.txt"]
    return [p for p in files if p is not None and p.is_file()]


def inputs_hash(nb, digest: bytes) -> str:
    """The hash a notebook stores: its code cells, the data (:func:`data_digest`) and the
    source of the ``kb`` modules it depends on (:func:`code_modules`; ``units.txt`` too)."""
    h = hashlib.sha256(HASH_VERSION)
    for cell in nb.cells:
        if cell.cell_type == "code":
            h.update(cell.source.encode("utf-8") + b"\0")
    h.update(digest)
    pkg = _package()
    for p in code_files(nb):
        h.update(p.relative_to(pkg.parent).as_posix().encode("utf-8") + b"\0")
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def cells_digest(nb) -> str:
    h = hashlib.sha256()
    for cell in nb.cells:
        if cell.cell_type == "code":
            h.update(cell.source.encode("utf-8") + b"\0")
    return h.hexdigest()[:16]


def code_digests(nb) -> dict[str, str]:
    """``{"kb/analysis/api.py": "<16 hex>", ...}`` for :func:`code_files`."""
    pkg = _package()
    return {p.relative_to(pkg.parent).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()[:16]
            for p in code_files(nb)}


def library_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": ".".join(map(str, sys.version_info[:2]))}
    for name in LIBRARIES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "not installed"
    return out


def stamp(nb, digest: bytes) -> None:
    """Record in ``nb.metadata.kb`` what it is (about to be) executed on; other keys stay."""
    kb = dict(nb.metadata.get("kb") or {})
    kb.update({"inputs_hash": inputs_hash(nb, digest), "cells": cells_digest(nb), "code": code_digests(nb),
               "data": digest.hex(), "libraries": library_versions()})
    nb.metadata["kb"] = kb


def stored_hash(nb) -> str | None:
    return (nb.metadata.get("kb") or {}).get("inputs_hash")


def is_stale(path: Path, digest: bytes) -> bool:
    import nbformat

    nb = nbformat.read(path, as_version=4)
    return stored_hash(nb) != inputs_hash(nb, digest)


# ---------------------------------------------------------------------- what the data was


def _plain(x: Any) -> Any:
    """A loaded record as plain JSON data, without where it is (path, line)."""
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return {f.name: _plain(getattr(x, f.name)) for f in dataclasses.fields(x) if f.name not in _POSITION}
    if isinstance(x, dict):
        return {str(k): _plain(v) for k, v in sorted(x.items(), key=lambda kv: str(kv[0]))}
    if isinstance(x, (list, tuple)):
        return [_plain(v) for v in x]
    if isinstance(x, (set, frozenset)):
        return sorted((_plain(v) for v in x), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(x, float):
        return repr(x)
    if x is None or isinstance(x, (str, int, bool)):
        return x
    if hasattr(x, "isoformat"):
        return x.isoformat()
    return repr(x)


def record_digest(rec: Any) -> str:
    """8 hex digits over everything a record says (its position in its file left out)."""
    text = json.dumps(_plain(rec), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def _stated(rec: Any) -> str:
    try:
        return rec.display()
    except Exception:  # a record too broken to show: its digest still tells it changed
        return "?"


def data_state(root: Path) -> dict[str, Any]:
    """What the data is now: ``files`` (path → 12 hex digits) and, for ``claims`` and
    ``references``, id → ``"<digest> <value as stated>"``."""
    from kb.store.load import load

    model = load(root)
    state: dict[str, Any] = {"files": {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()[:12]
                                       for p in data_files(root)}}
    for kind, recs in (("claims", model.claims), ("references", model.references)):
        out: dict[str, str] = {}
        for r in sorted(recs, key=lambda r: r.id or ""):
            if r.id and r.id not in out:
                out[r.id] = f"{record_digest(r)} {_stated(r)}"
        state[kind] = out
    return state


def record_places(root: Path) -> dict[str, str]:
    """id → ``path:line`` of every claim and reference now."""
    from kb.store.load import load

    model = load(root)
    return {r.id: f"{r.path}:{r.line}" for r in [*model.claims, *model.references] if r.id}


def read_manifest(root: Path) -> dict[str, Any]:
    p = root / "notebooks" / MANIFEST
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"version": MANIFEST_VERSION, "states": {}}
    if not isinstance(data, dict) or not isinstance(data.get("states"), dict):
        return {"version": MANIFEST_VERSION, "states": {}}
    return data


def write_manifest(root: Path, current: tuple[str, dict] | None = None) -> None:
    """Keep in the manifest the states the notebooks refer to (``current``: digest and state
    of the data now, added when a notebook refers to it); drop the others."""
    import nbformat

    old = read_manifest(root)["states"]
    wanted = set()
    for p in notebook_paths(root):
        d = (nbformat.read(p, as_version=4).metadata.get("kb") or {}).get("data")
        if d:
            wanted.add(d)
    states = {d: s for d, s in old.items() if d in wanted}
    if current is not None and current[0] in wanted:
        states[current[0]] = current[1]
    doc = {"about": "What the notebooks were executed on, written by `python -m kb.tools.notebooks run`: per data "
                    "digest (metadata.kb.data of a notebook) a digest of every data file and, for every claim and "
                    "reference, '<digest> <value as stated>'. Used to say what changed when a notebook's outputs "
                    "no longer match.",
           "version": MANIFEST_VERSION, "states": {d: states[d] for d in sorted(states)}}
    path = root / "notebooks" / MANIFEST
    text = json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)


# ---------------------------------------------------------------------- what changed


@dataclass
class Explanation:
    """What differs between the inputs a notebook was executed on and the current ones."""

    notebook: str
    stale: bool
    cells: bool = False
    code: list[str] = field(default_factory=list)
    libraries: list[str] = field(default_factory=list)
    data: bool = False
    known: bool = True  # False: the manifest has no record of the data it ran on
    changed: dict[str, list[str]] = field(default_factory=dict)  # "claims changed" → lines
    files: list[str] = field(default_factory=list)
    unstamped: bool = False

    def counts(self) -> str:
        parts = [f"{len(v)} {k}" for k, v in self.changed.items() if v]
        return ", ".join(parts)

    def text(self) -> str:
        head = f"{self.notebook}: "
        if self.unstamped:
            return head + ("no record of what it was executed on (metadata.kb is missing): it has never been run by "
                           f"the runner; {REMEDY}.")
        if not self.stale:
            lines = [head + "its inputs (code cells, data, kb code) are the ones it was executed on, so a difference in "
                            "its outputs does not come from changed inputs."]
            if self.libraries:
                lines.append("  libraries differ from those it ran with: " + "; ".join(self.libraries))
            else:
                lines.append("  look for output that is not deterministic (order, randomness, dates).")
            return "\n".join(lines)
        lines = [head + "executed on other inputs than the current ones:"]
        if self.cells:
            lines.append("  its code cells changed")
        if self.code:
            lines.append("  kb code changed: " + ", ".join(self.code))
        if self.data and not self.known:
            lines.append(f"  the data changed (claims/ or datasets/), but notebooks/{MANIFEST} has no record of the data "
                         "it ran on, so the changed claims cannot be listed")
        for kind, items in self.changed.items():
            if not items:
                continue
            lines.append(f"  {kind} ({len(items)}):")
            lines.extend(f"    {x}" for x in items[:SHOWN])
            if len(items) > SHOWN:
                lines.append(f"    ... and {len(items) - SHOWN} more")
        if self.files:
            lines.append(f"  data files changed ({len(self.files)}): " + ", ".join(self.files[:SHOWN])
                         + (f", ... and {len(self.files) - SHOWN} more" if len(self.files) > SHOWN else ""))
        if self.data and self.known and not any(self.changed.values()) and not self.files:
            lines.append("  the data changed")
        if self.libraries:
            lines.append("  libraries differ: " + "; ".join(self.libraries))
        lines.append(f"  To update it: {REMEDY}.")
        return "\n".join(lines)


class Explainer:
    """Explains notebooks against one root, loading the current data at most once."""

    def __init__(self, root: Path):
        self.root = root
        self.digest = data_digest(root)
        self._state: dict | None = None
        self._places: dict | None = None

    def state(self) -> dict:
        if self._state is None:
            self._state = data_state(self.root)
        return self._state

    def places(self) -> dict:
        if self._places is None:
            self._places = record_places(self.root)
        return self._places

    def explain(self, path: Path) -> Explanation:
        import nbformat

        nb = nbformat.read(path, as_version=4)
        name = _rel(path, self.root)
        meta = nb.metadata.get("kb") or {}
        if not meta.get("inputs_hash"):
            return Explanation(name, True, unstamped=True)
        ex = Explanation(name, meta.get("inputs_hash") != inputs_hash(nb, self.digest))
        ex.libraries = [f"{k} {v} (it ran with {meta['libraries'].get(k)})" for k, v in library_versions().items()
                        if isinstance(meta.get("libraries"), dict) and meta["libraries"].get(k) not in (None, v)]
        if not ex.stale:
            return ex
        ex.cells = meta.get("cells") not in (None, cells_digest(nb))
        old_code, new_code = meta.get("code") or {}, code_digests(nb)
        ex.code = sorted(p for p in old_code.keys() | new_code.keys() if old_code.get(p) != new_code.get(p))
        ex.data = meta.get("data") != self.digest.hex()
        if ex.data:
            then = read_manifest(self.root)["states"].get(meta.get("data") or "")
            if then is None:
                ex.known = False
            else:
                ex.changed, ex.files = self._diff(then, self.state())
        return ex

    def _diff(self, then: dict, now: dict) -> tuple[dict[str, list[str]], list[str]]:
        out: dict[str, list[str]] = {}
        places = None
        for kind in ("claims", "references"):
            a, b = then.get(kind) or {}, now.get(kind) or {}
            changed, added = [], []
            for rid in sorted(b):
                if rid not in a:
                    added.append(rid)
                elif a[rid].split(" ", 1)[0] != b[rid].split(" ", 1)[0]:
                    changed.append(rid)
            if (changed or added) and places is None:
                places = self.places()
            out[f"{kind} changed"] = [_change_line(rid, a[rid], b[rid], places.get(rid)) for rid in changed]
            out[f"{kind} added"] = [f"{rid}: {_value(b[rid])} ({places.get(rid, '?')})" for rid in added]
            out[f"{kind} removed"] = [f"{rid}: was {_value(a[rid])}" for rid in sorted(set(a) - set(b))]
        fa, fb = then.get("files") or {}, now.get("files") or {}
        files = sorted(p for p in fa.keys() | fb.keys() if fa.get(p) != fb.get(p))
        files = [p + (" (added)" if p not in fa else " (removed)" if p not in fb else "") for p in files]
        return out, files


def _value(entry: str) -> str:
    return entry.split(" ", 1)[1] if " " in entry else "?"


def _change_line(rid: str, old: str, new: str, where: str | None) -> str:
    a, b = _value(old), _value(new)
    what = f"{a} → {b}" if a != b else f"value unchanged ({b}); other fields changed"
    return f"{rid}: {what} ({where or '?'})"


def explain(path: Path, root: Path) -> Explanation:
    """What changed since the notebook at ``path`` was executed (see :class:`Explanation`)."""
    return Explainer(root).explain(path)


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


# ---------------------------------------------------------------------- outputs, stored vs now

_NUMBER = re.compile(r"[-+]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:e[-+]?\d+)?|[-+]?∞")
_COMPARED_SKIP = {"image/png", "image/jpeg", "image/svg+xml", "application/vnd.jupyter.widget-view+json"}


def _output_texts(outputs) -> dict[str, list[str]]:
    """What nbval compares, as text per key: streams by name, data by MIME type (images left
    out; nbval skips them too); a glued value is keyed by its glue name."""
    out: dict[str, list[str]] = {}
    for o in outputs or []:
        kind = o.get("output_type")
        if kind == "stream":
            out.setdefault(f"stream {o.get('name', 'stdout')}", []).append(_text(o.get("text", "")))
        elif kind == "error":
            out.setdefault("error", []).append(f"{o.get('ename')}: {o.get('evalue')}")
        for mime, v in (o.get("data") or {}).items():
            if mime in _COMPARED_SKIP:
                continue
            glue = ((o.get("metadata") or {}).get("scrapbook") or {}).get("name")
            key = f"glued value {glue!r}" if glue else mime
            out.setdefault(key, []).append(_text(v) if not isinstance(v, (dict, list)) else json.dumps(v, sort_keys=True))
    return out


def _text(v: Any) -> str:
    return "".join(v) if isinstance(v, list) else str(v)


def output_diff(stored, now) -> str:
    """The difference between a cell's stored outputs and the ones computed now, labelled so
    that it cannot be read backwards: ``-`` lines are the stored output, ``+`` lines the new
    one, and changed numbers are listed as ``stored → now``."""
    a, b = _output_texts(stored), _output_texts(now)
    parts = []
    differs = {k for k in a.keys() | b.keys() if a.get(k) != b.get(k)}
    for key in sorted(differs):
        old, new = "\n".join(a.get(key, [])), "\n".join(b.get(key, []))
        if key == "text/html" and "text/plain" in differs:
            parts.append("text/html differs too (the same table as HTML; not shown)")
            continue
        if key not in a:
            parts.append(f"{key}: new output, not in the stored notebook:\n" + _indent(new))
            continue
        if key not in b:
            parts.append(f"{key}: stored output no longer produced:\n" + _indent(old))
            continue
        diff = list(difflib.unified_diff(old.splitlines(), new.splitlines(), "stored (the notebook as committed)",
                                         "now (computed from the current inputs)", n=1, lineterm=""))
        block = [f"{key} differs (lines starting with - are the stored output, + the output computed now):"]
        block += ["  " + line for line in diff]
        changes = number_changes(old, new)
        if changes:
            shown = ", ".join(f"{x} → {y}" for x, y in changes[:SHOWN])
            more = f", ... and {len(changes) - SHOWN} more" if len(changes) > SHOWN else ""
            block.append(f"  numbers changed (stored → now): {shown}{more}")
        parts.append("\n".join(block))
    return "\n\n".join(parts) if parts else "the compared outputs are the same (the difference is in what nbval ignores)"


def number_changes(old: str, new: str) -> list[tuple[str, str]]:
    """Numbers that differ between two texts, paired line by line where the lines line up."""
    out: list[tuple[str, str]] = []
    a, b = old.splitlines(), new.splitlines()
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "replace" or i2 - i1 != j2 - j1:
            continue
        for x, y in zip(a[i1:i2], b[j1:j2]):
            nx, ny = _NUMBER.findall(x), _NUMBER.findall(y)
            if len(nx) == len(ny):
                out.extend((p, q) for p, q in zip(nx, ny) if p != q and (p, q) not in out)
    return out


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


# ---------------------------------------------------------------------- nbval


def nbval_plugin():
    """A pytest plugin that makes nbval's failures say what changed: for a notebook cell
    whose outputs no longer match, it replaces nbval's diff (whose ``-`` lines are the *new*
    output) with :func:`output_diff` and adds :func:`explain`'s account of the inputs that
    changed since the notebook ran; at the end of the run it lists the failing notebooks
    with what changed and says to run ``make notebooks``. ``tests/conftest.py`` registers it
    (``make test`` runs ``pytest tests notebooks --nbval``); ``pytest -p kb.tools.notebooks
    notebooks --nbval`` loads it without the tests."""
    import pytest

    class NbvalHints:
        def __init__(self) -> None:
            self.explainers: dict[str, Explainer] = {}
            self.texts: dict[str, str] = {}

        def explanation(self, path: Path) -> str:
            key = str(path.resolve())
            if key not in self.texts:
                try:
                    root = find_root(path.resolve().parent)
                    ex = self.explainers.setdefault(str(root), Explainer(root))
                    self.texts[key] = ex.explain(path).text()
                except Exception as exc:  # the hint must never hide nbval's own report
                    self.texts[key] = f"{path}: could not tell what changed since it ran ({type(exc).__name__}: {exc})"
            return self.texts[key]

        @pytest.hookimpl(wrapper=True)
        def pytest_runtest_makereport(self, item, call):
            report = yield
            if report.when == "call" and report.failed and is_nbval_cell(item):
                try:
                    report.longrepr = self.cell_report(item, call, report)
                except Exception as exc:  # never lose nbval's own report to a failing hint
                    report.longrepr = f"{report.longrepr}\n\n(kb: could not explain this failure: {exc!r})"
            return report

        def cell_report(self, item, call, report) -> str:
            path = Path(str(item.fspath))
            exc = call.excinfo.value if call.excinfo is not None else None
            where = f"{item.nodeid.split('::', 1)[0]}, cell {getattr(item, 'cell_num', '?')}"
            if exc is not None and str(exc) == "Cell outputs differ":
                head = [f"{where}: the output computed now differs from the one stored in the notebook.",
                        "Input:\n" + _indent(item.cell.source),
                        output_diff(item.cell.outputs, getattr(item, "test_outputs", None) or [])]
            else:
                head = [str(report.longrepr)]
            ex = self.explanation(path)
            return "\n\n".join([*head, "What changed since the notebook was executed:\n" + _indent(ex)])

        def pytest_terminal_summary(self, terminalreporter, exitstatus, config):
            failed = terminalreporter.stats.get("failed", [])
            names = sorted({r.nodeid.split("::", 1)[0] for r in failed if r.nodeid.split("::", 1)[0].endswith(".ipynb")})
            if not names:
                return
            terminalreporter.section("notebooks whose stored outputs no longer match", red=True)
            texts = [self.explanation(Path(config.rootpath) / name) for name in names]
            for text in texts:
                terminalreporter.write_line(text)
            if not any(REMEDY in t for t in texts):
                terminalreporter.write_line("Their inputs are the ones they were executed on: if the new outputs are "
                                            f"right, {REMEDY}.")

    return NbvalHints()


PLUGIN_NAME = "kb-nbval-hints"


def pytest_configure(config) -> None:
    """So that ``pytest -p kb.tools.notebooks notebooks --nbval`` gets the hints without
    tests/conftest.py (which registers them for ``make test``)."""
    register_nbval_plugin(config)


def register_nbval_plugin(config) -> None:
    """Register :func:`nbval_plugin` once per pytest run (from any conftest)."""
    if not config.pluginmanager.has_plugin(PLUGIN_NAME):
        config.pluginmanager.register(nbval_plugin(), PLUGIN_NAME)


def is_nbval_cell(item) -> bool:
    return type(item).__module__.split(".")[0] == "nbval" and hasattr(item, "cell")


# ---------------------------------------------------------------------- prose

_GLUE_ROLE = re.compile(r"\{glue(?::(?:any|text|md))?\}`([^`]*)`")
_GLUE_DIRECTIVE = re.compile(r"^(`{3,}|:{3,})\{glue(?::\w+)?\}[ \t]+(\S+)", re.M)
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
_URL = re.compile(r"https?://\S+|\]\([^)]*\)")
_TOKEN = re.compile(r"[^\s()\[\]{}\"'“”‘’;!?*|<>=]+")
_LEAD = "$€£~≈≤≥+-−–"


def glue_key(text: str) -> str:
    """The glue name in a role's text (``"name"``, ``"name:.2f"``, ``"doc.ipynb::name"``)."""
    key = text.split("::", 1)[-1]
    return key.rsplit(":", 1)[0] if ":" in key else key


def glued_names(nb) -> list[str]:
    """The names a notebook's outputs glue (myst-nb ``glue``), in order."""
    out = []
    for cell in nb.cells:
        for o in cell.get("outputs", []) if cell.cell_type == "code" else []:
            name = ((o.get("metadata") or {}).get("scrapbook") or {}).get("name")
            if name:
                out.append(name)
    return out


def prose_numbers(source: str, allowed: list[str] | tuple[str, ...] = ()) -> list[str]:
    """The numbers a Markdown text states that are neither glued nor allowed.

    Glue roles and directives, URLs and link targets are left out, and so are code spans
    that name something (they hold a letter, ``_`` or ``/``: ids, paths), the allowed
    phrases, and words that start with a letter (``H100``, ``fp16``, ``GPT-4o``). What is
    left and starts with a digit (after a sign or currency: ``$0.03``, ``~400``, ``1,000x``,
    ``2.3``, ``405B``) is a number."""
    text = _GLUE_DIRECTIVE.sub(" ", _GLUE_ROLE.sub(" ", source))
    text = _URL.sub(" ", text)
    text = _CODE_SPAN.sub(lambda m: " " if re.search(r"[A-Za-z_/]", m.group(2)) else f" {m.group(2)} ", text)
    text = re.sub(r"\s+", " ", text)  # a phrase may wrap across lines
    for phrase in sorted((re.sub(r"\s+", " ", p) for p in allowed), key=len, reverse=True):
        text = text.replace(phrase, " ")
    found = []
    for tok in _TOKEN.findall(text):
        core = tok.lstrip(_LEAD).rstrip(".,:")
        if core[:1].isdigit():
            found.append(tok.rstrip(".,:"))
    return found


def prose_problems(nb) -> list[str]:
    """Everything that lets a notebook's prose drift from its outputs (empty when none):
    numbers that are neither glued nor allowed, glue names used but not defined (or defined
    twice), glued values the prose does not use, allowed phrases the prose does not hold."""
    allowed = list((nb.metadata.get("kb") or {}).get("prose_numbers") or [])
    names = glued_names(nb)
    problems = [f"glue name {n!r} is defined more than once" for n in sorted({n for n in names if names.count(n) > 1})]
    used: set[str] = set()
    prose = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown":
            continue
        prose.append(cell.source)
        used |= {glue_key(m) for m in _GLUE_ROLE.findall(cell.source)}
        used |= {m[1] for m in _GLUE_DIRECTIVE.findall(cell.source)}
        for n in prose_numbers(cell.source, allowed):
            problems.append(f"cell {i}: the number {n!r} is not glued (glue it from a computed value, or add the exact "
                            "phrase to metadata.kb.prose_numbers if it is not data)")
    problems += [f"the prose uses {{glue}}`{n}` but no output glues {n!r} (run the notebook?)"
                 for n in sorted(used - set(names))]
    problems += [f"glued value {n!r} is not used in the prose" for n in sorted(set(names) - used)]
    everything = re.sub(r"\s+", " ", "\n".join(prose))
    for phrase in allowed:
        if not re.search(r"\d", phrase):
            problems.append(f"allowed phrase {phrase!r} holds no number: remove it from metadata.kb.prose_numbers")
        elif re.sub(r"\s+", " ", phrase) not in everything:
            problems.append(f"allowed phrase {phrase!r} is not in the prose: remove it from metadata.kb.prose_numbers")
    return problems


# ---------------------------------------------------------------------- running


def _client(nb, path: Path, timeout: int):
    from nbclient import NotebookClient

    return NotebookClient(nb, timeout=timeout, kernel_name=KERNEL, allow_errors=False, record_timing=False,
                          resources={"metadata": {"path": str(path.parent)}})


def _env(root: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["KB_ROOT"] = str(root)
    env.setdefault("PYTHONHASHSEED", "0")
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    return env


def execute(path: Path, root: Path, timeout: int = TIMEOUT):
    """Execute a notebook (cwd: its folder; ``KB_ROOT``: ``root``) and return it, normalised."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    _client(nb, path, timeout).execute(env=_env(root), cwd=str(path.parent))
    return normalise(nb)


async def _execute_async(path: Path, root: Path, timeout: int):
    import nbformat

    nb = nbformat.read(path, as_version=4)
    await _client(nb, path, timeout).async_execute(env=_env(root), cwd=str(path.parent))
    return normalise(nb)


def normalise(nb):
    """Remove what differs between runs of the same inputs: timings, transient data."""
    for cell in nb.cells:
        for key in ("execution", "ExecuteTime", "collapsed", "scrolled"):
            cell.metadata.pop(key, None)
        for out in cell.get("outputs", []):
            out.pop("transient", None)
    nb.metadata.pop("widgets", None)
    return nb


def write(nb, path: Path) -> None:
    import nbformat

    tmp = path.with_name(f".{path.name}.tmp")
    nbformat.write(nb, str(tmp))
    os.replace(tmp, path)


def run(root: Path, names: list[str] | None = None, *, force: bool = False, timeout: int = TIMEOUT,
        jobs: int | None = None, ci: bool | None = None, out=None, err=None) -> list[Result]:
    """Execute the stale (or, with ``force``, all) notebooks in place, ``jobs`` at a time;
    then record what they ran on in the manifest. Under CI (``ci``; default: :func:`in_ci`)
    nothing is executed or written: stale notebooks are reported with what changed."""
    import nbformat

    out, err = out or sys.stdout, err or sys.stderr

    ci = in_ci() if ci is None else ci
    digest = data_digest(root)
    paths = notebook_paths(root, names)
    if ci:
        return _report_stale(root, paths, force, out, err)
    results: dict[Path, Result] = {}
    todo = []
    for path in paths:
        if not force and not is_stale(path, digest):
            results[path] = Result(path.stem, "unchanged")
            print(f"{path.stem}: unchanged", file=out)
        else:
            todo.append(path)
    if todo:
        stamps = {}
        for path in todo:
            nb = nbformat.read(path, as_version=4)
            stamp(nb, digest)
            stamps[path] = nb.metadata["kb"]
        n = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
        for path, nb, exc, secs in asyncio.run(_execute_all(todo, root, timeout, n)):
            if exc is not None:
                msg = _error_text(exc)
                results[path] = Result(path.stem, "failed", secs, msg)
                print(f"{path.stem}: FAILED, left unchanged\n{msg}", file=err)
                continue
            nb.metadata["kb"] = stamps[path]
            write(nb, path)
            results[path] = Result(path.stem, "executed", secs)
            print(f"{path.stem}: executed in {secs:.1f} s", file=out)
        if any(r.state == "executed" for r in results.values()):
            write_manifest(root, (digest.hex(), data_state(root)))
    return [results[p] for p in paths]


async def _execute_all(paths: list[Path], root: Path, timeout: int, jobs: int):
    sem = asyncio.Semaphore(jobs)

    async def one(path: Path):
        async with sem:
            t0 = time.monotonic()
            try:
                nb = await _execute_async(path, root, timeout)
            except Exception as exc:  # nbclient's CellExecutionError, a timeout, a dead kernel
                return path, None, exc, time.monotonic() - t0
            return path, nb, None, time.monotonic() - t0

    return await asyncio.gather(*(one(p) for p in paths))


def _report_stale(root: Path, paths: list[Path], force: bool, out, err) -> list[Result]:
    ex = Explainer(root)
    results = []
    note = " (--all asked to re-execute every notebook)" if force else ""
    print(f"CI is set: notebooks are never re-executed or written here{note}.", file=out)
    for path in paths:
        e = ex.explain(path)
        if e.stale:
            results.append(Result(path.stem, "stale"))
            print(e.text(), file=err)
        else:
            results.append(Result(path.stem, "unchanged"))
            print(f"{path.stem}: current", file=out)
    stale = [r.name for r in results if r.state == "stale"]
    if stale:
        print(f"{len(stale)} notebook(s) stale: {', '.join(stale)}. Under CI they are not re-executed: "
              "run `make notebooks` on your machine and commit the notebooks and notebooks/inputs.json.", file=err)
    return results


def _error_text(exc: Exception) -> str:
    ename = getattr(exc, "ename", None)
    if ename == "KnowledgeBaseError":
        return f"{ename}: {getattr(exc, 'evalue', '')}"
    return str(exc).strip()


# ---------------------------------------------------------------------- benchmark


def bench(project: Path | None = None, jobs: int | None = None) -> dict[str, float]:
    """Re-execute every notebook (``run --all``, as ``make notebooks`` does) in a temporary
    copy of the project, in a fresh interpreter: wall seconds, and CPU seconds of the runner
    and its kernels together (for ``make bench``)."""
    import resource
    import shutil
    import subprocess
    import tempfile

    project = Path(project or find_root()).resolve()
    with tempfile.TemporaryDirectory(prefix="kb-notebooks-bench-") as tmp:
        copy = Path(tmp) / "kb"
        for d in ("claims", "datasets", "notebooks"):
            shutil.copytree(project / d, copy / d, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        for rel in EXTRA_DATA:  # read by the notebooks too
            if (project / rel).is_file():
                (copy / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(project / rel, copy / rel)
        cmd = [sys.executable, "-m", "kb.tools.notebooks", "run", "--all", "--root", str(copy)]
        if jobs:
            cmd += ["--jobs", str(jobs)]
        env = {k: v for k, v in os.environ.items() if k != "CI"}  # measured, not checked: it runs here
        env["PYTHONPATH"] = str(_package().parent) + os.pathsep + env.get("PYTHONPATH", "")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, env=env, cwd=copy, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode != 0:
            raise RuntimeError(f"notebooks failed in the benchmark copy:\n{proc.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"notebooks": len(notebook_paths(project)), "run_all_s": round(wall, 2), "cpu_s": round(cpu, 2)}


# ---------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kb.tools.notebooks", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name, helptext in (("run", "execute stale notebooks in place (under CI: only report them)"),
                           ("check", "exit 1 when a notebook is stale or its prose states numbers that are not glued"),
                           ("list", "list the notebooks and whether each is current"),
                           ("explain", "say what changed since each notebook was executed")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("names", nargs="*", metavar="NAME", help="notebook names (default: all)")
        p.add_argument("--root", type=Path, default=None, help="project root (default: found from the cwd)")
        if name == "run":
            p.add_argument("--all", action="store_true", help="execute every notebook, stale or not")
            p.add_argument("--timeout", type=int, default=TIMEOUT, help="seconds per cell (default %(default)s)")
            p.add_argument("--jobs", type=int, default=None, help="notebooks at a time (default: one per CPU)")
    a = ap.parse_args(argv)
    try:
        root = (a.root or find_root()).resolve()
        paths = notebook_paths(root, a.names)
    except (FileNotFoundError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if a.cmd == "run":
        results = run(root, a.names, force=a.all, timeout=a.timeout, jobs=a.jobs)
        return 1 if any(r.state in ("failed", "stale") for r in results) else 0
    if a.cmd == "explain":
        ex = Explainer(root)
        for p in paths:
            print(ex.explain(p).text())
        return 0
    digest = data_digest(root)
    stale = [p for p in paths if is_stale(p, digest)]
    if a.cmd == "list":
        for p in paths:
            print(f"{p.stem}: {'stale' if p in stale else 'current'}")
        return 0
    import nbformat

    bad = 0
    for p in stale:
        print(f"{p.relative_to(root).as_posix()}: stale (inputs changed since it last ran; "
              "run `python -m kb.tools.notebooks run`)", file=sys.stderr)
    for p in paths:
        for problem in prose_problems(nbformat.read(p, as_version=4)):
            bad += 1
            print(f"{p.relative_to(root).as_posix()}: {problem}", file=sys.stderr)
    return 1 if stale or bad else 0


if __name__ == "__main__":
    sys.exit(main())
