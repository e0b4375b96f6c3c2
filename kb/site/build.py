"""The published site: MyST pages generated from the knowledge base, built by Sphinx.

``python -m kb.site build [--root DIR] [--clean] [--base-url URL]`` writes
``docs/generated/`` (one page per source, entity and property; the claims table; the
findings report; the home page's chart and example; the changelog; the rules and CLI
references; the notebooks, copied with their stored outputs; the downloads; plotly.js) and
then runs ``sphinx-build -W --keep-going -b html docs docs/_build/html``.

Incremental by construction: a generated file is rewritten only when its content changed,
so Sphinx re-reads only the pages a change touched. Charts are JSON specs inside their
pages, drawn in the browser (no image is rendered at build time); plotly.js is copied once.

Safety: every text that comes from a source, a claim or a dataset is untrusted. It reaches
the Markdown parser either HTML-escaped inside a ``{raw} html`` block (:func:`esc`) or
backslash-escaped as plain text (:func:`md`); links are emitted only for http(s) URLs; the
JSON-LD and the chart specs are escaped for a script context (:func:`json_script`).

The pieces: :mod:`kb.site.markup` (escaping, slugs, HTML pieces), :mod:`kb.site.words`
(values for readers), :mod:`kb.site.model` (the indexes, links and sentences the pages
share), :mod:`kb.site.sourcepage` (source pages and ClaimReview), :mod:`kb.site.pages` (the
other pages), :mod:`kb.site.charts` (Plotly specs), :mod:`kb.site.data` (downloads),
:mod:`kb.site.history` (dates and changes from git), :mod:`kb.site.search` (search words);
this module writes them (incrementally), runs Sphinx and times it.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kb.core import schema
from kb.errors import KBError
from kb.site import charts, data, history
from kb.site.markup import SLUG_OK
from kb.site.markup import esc, json_script, md, raw, safe_url, slug  # noqa: F401  (re-exported: the tests use site.esc, ...)
from kb.site.pages import (all_paths, page_changelog, page_claims, page_cli, page_entity, page_findings, page_home,
                           page_index, page_notebooks, page_property, page_rules, page_summary)
from kb.site.model import Site
from kb.site.search import read_terms
from kb.site.sourcepage import SITE_NAME, page_source

PROJECT = Path(__file__).resolve().parents[2]
TEMPLATE_DIRS = ("_static", "_templates")
#: The static pages of docs/ (their dates come from their own history).
STATIC_PAGES = ("index", "guide", "data-format", "checker", "architecture", "measurements")


class SiteInputError(KBError):
    """Data the site needs is unusable (the message names the file and line)."""


# ----------------------------------------------------------------------------- generation


def _notebooks(root: Path) -> list[tuple[str, str, bytes]]:
    """(stem, title, bytes) of each notebook in notebooks/, sorted."""
    folder = root / "notebooks"
    out = []
    if not folder.is_dir():
        return out
    for nb in sorted(folder.glob("*.ipynb")):
        if not nb.is_file() or not SLUG_OK.fullmatch(nb.stem):
            continue
        raw_bytes = nb.read_bytes()
        title = nb.stem
        try:
            cells = json.loads(raw_bytes).get("cells", [])
            for cell in cells:
                if cell.get("cell_type") == "markdown":
                    src = "".join(cell.get("source", []))
                    m = re.search(r"^#\s+(.+)$", src, re.M)
                    if m:
                        title = m.group(1).strip()
                    break
        except (ValueError, AttributeError):
            pass
        out.append((nb.stem, title, raw_bytes))
    return out


def default_base_url(root: Path | None = None) -> str:
    """The base URL the site is published at: ``html_baseurl`` in docs/conf.py (the
    knowledge base's own, else the project's)."""
    for conf in ([root / "docs" / "conf.py"] if root is not None else []) + [PROJECT / "docs" / "conf.py"]:
        try:
            tree = ast.parse(conf.read_text(encoding="utf-8"))
        except (OSError, SyntaxError):
            continue
        for node in tree.body:
            if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "html_baseurl" for t in node.targets):
                try:
                    value = ast.literal_eval(node.value)
                except ValueError:
                    continue
                if isinstance(value, str) and safe_url(value):
                    return value.rstrip("/") + "/"
    return ""


def generate(root: Path, gen_dir: Path, base_url: str = "") -> dict[str, int]:
    """Write the generated pages under ``gen_dir``; only changed files are rewritten.

    Returns counts: ``written``, ``unchanged``, ``removed``.
    """
    from kb.rules.check import check

    report = check(root)
    terms, entity_terms, problems = read_terms(root, report.kb.properties, report.kb.entities)
    if problems:
        raise SiteInputError("; ".join(str(x) for x in problems))
    dates = history.file_dates(root)
    base_url = base_url or default_base_url(root)
    if base_url and not safe_url(base_url):
        raise SiteInputError(f"--base-url must be an absolute http(s) URL, got {base_url!r}")
    site = Site(report.kb, report.findings, report.comparer, base_url, dates, terms, entity_terms, report.relations)
    changes = history.changes(root)
    kb = site.kb
    files: dict[str, bytes] = {}

    def put(rel: str, text: str) -> None:
        files[rel] = text.encode("utf-8")

    for eid in sorted(kb.entities):
        put(f"entities/{site.entity_slug[eid]}.md", page_entity(site, eid, charts.entity_chart(site, eid)))
    for sid in sorted(kb.sources):
        put(f"sources/{site.source_slug[sid]}.md", page_source(site, sid))
    for pid in sorted(kb.properties):
        put(f"properties/{site.property_slug[pid]}.md", page_property(site, pid, charts.property_charts(site, pid)))
    for kind in ("sources", "entities", "properties"):
        put(f"{kind}/index.md", page_index(site, kind))
    put("claims.md", page_claims(site))
    put("findings.md", page_findings(site, report))
    put("rules.md", page_rules())
    put("cli.md", page_cli())
    put("schema.md", schema.markdown())
    put("summary.md", page_summary(site, report))
    put("home.md", page_home(site, charts.home_chart(site)))
    put("changelog.md", page_changelog(site, changes))
    nbs = _notebooks(root)
    for stem, _, nb in nbs:
        files[f"notebooks/{stem}.ipynb"] = nb
    put("notebooks/index.md", page_notebooks([(s, t) for s, t, _ in nbs]))

    # downloads: the Data Package, and each entity's and property's own data
    def previous(rel: str) -> bytes | None:
        try:
            return (gen_dir / "_extra" / "data" / rel).read_bytes()
        except OSError:
            return None

    for rel, blob in data.package(site, SITE_NAME, previous).items():
        files[f"_extra/data/{rel}"] = blob
    for eid in sorted(kb.entities):
        targets = site.targets(eid)
        csv_b, json_b = data.slice_files(
            site, [c for t in targets for c in site.claims_by_entity.get(t, [])],
            [r for t in targets for r in site.refs_by_entity.get(t, [])],
            {"entity": eid, "name": kb.entities[eid].name, "includes": targets})
        files[f"_extra/data/entities/{site.entity_slug[eid]}.csv"] = csv_b
        files[f"_extra/data/entities/{site.entity_slug[eid]}.json"] = json_b
    for pid in sorted(kb.properties):
        csv_b, json_b = data.slice_files(site, site.claims_by_property.get(pid, []), site.refs_by_property.get(pid, []),
                                         {"property": pid, "name": kb.properties[pid].name,
                                          "canonical_unit": kb.properties[pid].canonical_unit})
        files[f"_extra/data/properties/{site.property_slug[pid]}.csv"] = csv_b
        files[f"_extra/data/properties/{site.property_slug[pid]}.json"] = json_b
    # plotly.js, once for the whole site
    files["_static/plotly.min.js"] = charts.plotly_js().read_bytes()
    # the dates of the pages Sphinx reads from elsewhere (docs/*.md, notebooks), and the base URL
    static_dates: dict[str, str] = {}
    if dates is not None:
        for name in STATIC_PAGES:
            d = dates.get(f"docs/{name}.md")
            if name == "index":
                d = max([x for x in (d, site.updated(all_paths(site))) if x], default=None)
            if d:
                static_dates[name] = d
        for stem, _, _ in nbs:
            d = dates.get(f"notebooks/{stem}.ipynb")
            if d:
                static_dates[f"generated/notebooks/{stem}"] = d
    put("_meta.json", json.dumps({"base_url": base_url, "dates": static_dates, "history": dates is not None},
                                 indent=1, sort_keys=True) + "\n")

    stats = {"written": 0, "unchanged": 0, "removed": 0}
    for rel, blob in sorted(files.items()):
        stats["written" if write_if_changed(gen_dir / rel, blob) else "unchanged"] += 1
    if gen_dir.is_dir():
        for path in sorted(gen_dir.rglob("*"), reverse=True):
            rel = path.relative_to(gen_dir).as_posix()
            if path.is_file() and rel not in files:
                path.unlink()
                stats["removed"] += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return stats


def write_if_changed(path: Path, data: bytes) -> bool:
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True


def _mirror_template(src_dir: Path) -> None:
    """Copy the static docs (conf.py, index, guide, _static, ...) into a build workspace."""
    template = PROJECT / "docs"
    for f in sorted([template / "conf.py", *template.glob("*.md")]):
        if f.is_file():
            write_if_changed(src_dir / f.name, f.read_bytes())
    for d in TEMPLATE_DIRS:
        for f in sorted((template / d).rglob("*")) if (template / d).is_dir() else []:
            if f.is_file():
                write_if_changed(src_dir / f.relative_to(template), f.read_bytes())


def paths(root: Path, workdir: Path | None = None) -> tuple[Path, Path, Path]:
    """(Sphinx source dir, HTML output dir, doctrees dir) for a knowledge base.

    The project's own ``docs/`` when ``root`` has ``docs/conf.py`` and no ``workdir`` is
    given; otherwise a workspace under ``workdir`` (default ``root/.site``) holding a copy of
    the project's static docs.
    """
    if workdir is None and (root / "docs" / "conf.py").is_file():
        docs = root / "docs"
        return docs, docs / "_build" / "html", docs / "_build" / "doctrees"
    work = Path(workdir) if workdir is not None else root / ".site"
    return work / "src", work / "html", work / "doctrees"


def _remove_stale(src: Path, out: Path) -> None:
    """Sphinx never deletes what it wrote before: once a generated page or download goes away
    (an entity removed, a source renamed), remove its HTML page and its download from the
    output, so that the site holds only what the knowledge base has."""
    gen = src / "generated"
    pages = {p.relative_to(gen).with_suffix("").as_posix() for p in gen.rglob("*") if p.suffix in (".md", ".ipynb")}
    for html in sorted((out / "generated").rglob("*.html")):
        if html.relative_to(out / "generated").with_suffix("").as_posix() not in pages:
            html.unlink()
    extra = gen / "_extra" / "data"
    for f in sorted((out / "data").rglob("*")):
        if f.is_file() and not (extra / f.relative_to(out / "data")).is_file():
            f.unlink()


def build(root: Path | str | None = None, *, clean: bool = False, workdir: Path | str | None = None,
          base_url: str = "", quiet: bool = True, jobs: str | None = None) -> int:
    """Generate the pages and run Sphinx (warnings are errors). Returns Sphinx's exit status."""
    from kb.store.load import find_root

    root = Path(root).resolve() if root is not None else find_root()
    src, out, doctrees = paths(root, Path(workdir) if workdir is not None else None)
    if clean:
        for d in (out, doctrees, src / "generated"):
            shutil.rmtree(d, ignore_errors=True)
    if src != root / "docs":
        _mirror_template(src)
    t0 = time.perf_counter()
    base_url = base_url or default_base_url(root)
    stats = generate(root, src / "generated", base_url)
    t1 = time.perf_counter()
    if not quiet:
        print(f"kb.site: generated pages in {t1 - t0:.1f}s: {stats['written']} written, {stats['unchanged']} unchanged, "
              f"{stats['removed']} removed", file=sys.stderr)
    # jsonschema (imported by nbformat, which myst-nb imports) compiles some forty lark grammars
    # at import when the optional rfc3987-syntax package is installed (Jupyter's extras bring
    # it): five seconds of every build, for an IRI format check that rendering stored notebooks
    # never makes. The site's build process does without it.
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    from sphinx.cmd.build import build_main

    args = ["-W", "--keep-going", "-b", "html", "-d", str(doctrees), str(src), str(out)]
    if base_url:
        args[0:0] = ["-D", f"html_baseurl={base_url}"]
    if quiet:
        args.insert(0, "-q")
    if jobs:
        args[0:0] = ["-j", jobs]
    rc = build_main(args)
    if rc == 0:
        _remove_stale(src, out)
    if rc != 0:
        # Sphinx reports a warning only while it reads the page; forget what it read, so that
        # the next (incremental) build reads everything again and fails the same way.
        (doctrees / "environment.pickle").unlink(missing_ok=True)
    if not quiet:
        print(f"kb.site: sphinx-build finished in {time.perf_counter() - t1:.1f}s (exit {rc}): {out}", file=sys.stderr)
    return rc


# ----------------------------------------------------------------------------- benchmark


def bench(project: Path | None = None) -> dict[str, float]:
    """Full build from clean, then a rebuild after changing one claim, in a temporary copy
    of the project (each build in a fresh interpreter, as ``make site`` runs it)."""
    project = Path(project or PROJECT)
    with tempfile.TemporaryDirectory(prefix="kb-site-bench-") as tmp:
        copy = Path(tmp) / "kb"
        ignore = shutil.ignore_patterns("_build", "generated", ".ipynb_checkpoints", "__pycache__")
        for d in ("claims", "datasets", "docs", "notebooks"):
            if (project / d).is_dir():
                shutil.copytree(project / d, copy / d, ignore=ignore)
        cmd = [sys.executable, "-m", "kb.site", "build", "--root", str(copy)]
        env = dict(os.environ, PYTHONPATH=str(PROJECT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        t = time.perf_counter()
        subprocess.run(cmd, check=True, env=env, cwd=copy)
        full = time.perf_counter() - t
        edit_one_claim(copy)
        t = time.perf_counter()
        subprocess.run(cmd, check=True, env=env, cwd=copy)
        again = time.perf_counter() - t
    return {"full_build_s": round(full, 2), "rebuild_one_claim_s": round(again, 2)}


def edit_one_claim(root: Path) -> str:
    """Change the first numeric claim value in claims/ (for the benchmark and the tests)."""
    for path in sorted((root / "claims").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        m = re.search(r"^(\s+value:\s*)(\d+(?:\.\d+)?)\s*$", text, re.M)
        if m:
            new = str(float(m.group(2)) * 1.5).rstrip("0").rstrip(".")
            path.write_text(text[:m.start(2)] + new + text[m.end(2):], encoding="utf-8")
            return path.name
    raise FileNotFoundError("no numeric claim to edit")


# ----------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kb.site", description="Build the published Sphinx site.")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="generate the pages and run sphinx-build -W (incremental)")
    b.add_argument("--root", type=Path, default=None, help="knowledge-base root (default: found upwards)")
    b.add_argument("--clean", action="store_true", help="remove the generated pages and the build first")
    b.add_argument("--workdir", type=Path, default=None, help="build in this folder instead of ROOT/docs")
    b.add_argument("--base-url", default="", help="absolute URL the site is published at (for JSON-LD)")
    b.add_argument("-j", "--jobs", default=None, help="Sphinx parallel jobs (e.g. auto)")
    b.add_argument("-v", "--verbose", action="store_true")
    sub.add_parser("bench", help="time a full build and a one-claim rebuild in a temporary copy")
    args = parser.parse_args(argv)
    if args.command == "bench":
        print(json.dumps(bench()))
        return 0
    try:
        return build(args.root, clean=args.clean, workdir=args.workdir, base_url=args.base_url,
                     quiet=not args.verbose, jobs=args.jobs)
    except (FileNotFoundError, KBError) as exc:
        print(f"kb.site: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
