"""Run the analysis notebooks in place: deterministic outputs, and only when inputs changed.

::

    python -m kb.tools.notebooks run [--all] [--root DIR] [NAME ...]   # execute stale notebooks
    python -m kb.tools.notebooks check [--root DIR] [NAME ...]         # exit 1 if any is stale
    python -m kb.tools.notebooks list [--root DIR]                     # name, state, stored hash

A notebook's **inputs** are its code cells, every file under ``claims/`` and ``datasets/``,
and the source of the ``kb`` modules it uses (those it imports and, transitively, what they
import from the package; plus ``kb/core/units.txt``). Their SHA-256 is stored in the notebook's
metadata (``metadata.kb.inputs_hash``) when it runs; ``run`` executes only notebooks whose
stored hash differs from the current one (``--all``: every notebook).

Execution uses nbclient with the ``python3`` kernel, working directory ``notebooks/`` and
``KB_ROOT`` set to the project root. The stored notebook has no execution timestamps (cell
timing is not recorded, and any ``execution``/``ExecuteTime`` cell metadata is removed).
A notebook that fails (for example on a knowledge base with integrity errors) is left as
it was; the error is printed and the exit status is 1.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from kb.store.load import find_root

HASH_VERSION = b"kb-notebook-inputs-v1\0"
KERNEL = "python3"
TIMEOUT = 300


@dataclass
class Result:
    name: str
    state: str  # executed | unchanged | failed
    seconds: float = 0.0
    error: str | None = None


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


def data_digest(root: Path) -> bytes:
    """SHA-256 over the knowledge base's data: every file under claims/ and datasets/."""
    h = hashlib.sha256()
    for top in ("claims", "datasets"):
        base = root / top
        if not base.is_dir():
            continue
        for p in sorted(base.rglob("*")):
            rel = p.relative_to(root)
            if p.is_file() and not any(part.startswith(".") or part == "__pycache__" for part in rel.parts):
                h.update(rel.as_posix().encode("utf-8") + b"\0")
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


def _module_file(name: str) -> Path | None:
    pkg = Path(__file__).resolve().parent.parent
    parts = name.split(".")
    if parts[0] != "kb":
        return None
    base = pkg.joinpath(*parts[1:])
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


def inputs_hash(nb, digest: bytes) -> str:
    """The hash a notebook stores: its code cells, the data (:func:`data_digest`) and the
    source of the ``kb`` modules it depends on (:func:`code_modules`; ``units.txt`` too)."""
    h = hashlib.sha256(HASH_VERSION)
    for cell in nb.cells:
        if cell.cell_type == "code":
            h.update(cell.source.encode("utf-8") + b"\0")
    h.update(digest)
    pkg = Path(__file__).resolve().parent.parent
    files = [_module_file(m) for m in code_modules(nb)] + [pkg / "core" / "units.txt"]
    for p in files:
        if p is not None and p.is_file():
            h.update(p.relative_to(pkg.parent).as_posix().encode("utf-8") + b"\0")
            h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def stored_hash(nb) -> str | None:
    return (nb.metadata.get("kb") or {}).get("inputs_hash")


def is_stale(path: Path, digest: bytes) -> bool:
    import nbformat

    nb = nbformat.read(path, as_version=4)
    return stored_hash(nb) != inputs_hash(nb, digest)


def execute(path: Path, root: Path, timeout: int = TIMEOUT):
    """Execute a notebook (cwd: its folder; ``KB_ROOT``: ``root``) and return it, normalised."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    env = dict(os.environ)
    env["KB_ROOT"] = str(root)
    env.setdefault("PYTHONHASHSEED", "0")
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    client = NotebookClient(
        nb, timeout=timeout, kernel_name=KERNEL, allow_errors=False, record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute(env=env, cwd=str(path.parent))
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
        out=sys.stdout, err=sys.stderr) -> list[Result]:
    """Execute the stale (or, with ``force``, all) notebooks in place."""
    digest = data_digest(root)
    results = []
    for path in notebook_paths(root, names):
        import nbformat

        if not force and not is_stale(path, digest):
            results.append(Result(path.stem, "unchanged"))
            print(f"{path.stem}: unchanged", file=out)
            continue
        t0 = time.monotonic()
        try:
            nb = execute(path, root, timeout)
        except Exception as exc:  # nbclient's CellExecutionError, a timeout, a dead kernel
            msg = _error_text(exc)
            results.append(Result(path.stem, "failed", time.monotonic() - t0, msg))
            print(f"{path.stem}: FAILED, left unchanged\n{msg}", file=err)
            continue
        nb.metadata["kb"] = {"inputs_hash": inputs_hash(nbformat.read(path, as_version=4), digest)}
        write(nb, path)
        secs = time.monotonic() - t0
        results.append(Result(path.stem, "executed", secs))
        print(f"{path.stem}: executed in {secs:.1f} s", file=out)
    return results


def _error_text(exc: Exception) -> str:
    ename = getattr(exc, "ename", None)
    if ename == "KnowledgeBaseError":
        return f"{ename}: {getattr(exc, 'evalue', '')}"
    return str(exc).strip()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kb.tools.notebooks", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name, helptext in (("run", "execute stale notebooks in place"),
                           ("check", "exit 1 when a notebook's stored inputs hash is stale"),
                           ("list", "list the notebooks and whether each is current")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("names", nargs="*", metavar="NAME", help="notebook names (default: all)")
        p.add_argument("--root", type=Path, default=None, help="project root (default: found from the cwd)")
        if name == "run":
            p.add_argument("--all", action="store_true", help="execute every notebook, stale or not")
            p.add_argument("--timeout", type=int, default=TIMEOUT, help="seconds per cell (default %(default)s)")
    a = ap.parse_args(argv)
    try:
        root = (a.root or find_root()).resolve()
        paths = notebook_paths(root, a.names)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if a.cmd == "run":
        results = run(root, a.names, force=a.all, timeout=a.timeout)
        return 1 if any(r.state == "failed" for r in results) else 0
    digest = data_digest(root)
    stale = [p for p in paths if is_stale(p, digest)]
    if a.cmd == "list":
        for p in paths:
            print(f"{p.stem}: {'stale' if p in stale else 'current'}")
        return 0
    for p in stale:
        print(f"{p.relative_to(root).as_posix()}: stale (inputs changed since it last ran; "
              "run `python -m kb.tools.notebooks run`)", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
