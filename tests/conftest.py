"""Shared fixtures: the project root, the broken fixture tree, and a CLI runner.

Everything here is independent of the working directory pytest was started from.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BROKEN = ROOT / "tests" / "fixtures" / "broken"
#: Where tests write what they build (sites, screenshots, caches): never inside the checkout.
TEST_DIR = Path(os.environ.get("KB_TEST_DIR") or Path(tempfile.gettempdir()) /
                f"kb-tests-{hashlib.sha256(str(ROOT).encode()).hexdigest()[:12]}")
for _var, _sub in (("MPLCONFIGDIR", "matplotlib"), ("IPYTHONDIR", "ipython"), ("JUPYTER_CONFIG_DIR", "jupyter/config"),
                   ("JUPYTER_DATA_DIR", "jupyter/data"), ("JUPYTER_RUNTIME_DIR", "jupyter/runtime")):
    if str(ROOT) in os.environ.get(_var, str(ROOT)):
        os.environ[_var] = str(TEST_DIR / _sub)
#: Output folders inside the checkout that tests must leave alone (``make site`` writes them).
WATCHED = ("docs/_build", "docs/generated", "test-artifacts", ".cache/test-site")


def _checkout_state() -> tuple[str, dict[str, int]]:
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=ROOT,
                            capture_output=True, text=True).stdout
    stamps = {}
    for d in WATCHED:
        base = ROOT / d
        if base.is_dir():
            for p in base.rglob("*"):
                if p.is_file():
                    stamps[p.relative_to(ROOT).as_posix()] = p.stat().st_mtime_ns
    return status, stamps


def pytest_configure(config):
    # nbval: when a notebook's stored outputs no longer match, say which claims and references
    # changed since it was executed, show stored vs new output unambiguously, and say to run
    # `make notebooks` (kb.tools.notebooks.nbval_plugin; a plugin, not a hook of this file, because
    # hooks of tests/conftest.py would not reach the items under notebooks/)
    from kb.tools.notebooks import register_nbval_plugin

    register_nbval_plugin(config)


def pytest_sessionstart(session):
    if not hasattr(session.config, "workerinput"):  # the controller (or a run without xdist)
        session.config._kb_checkout = _checkout_state()


def pytest_sessionfinish(session, exitstatus):
    before = getattr(session.config, "_kb_checkout", None)
    if before is None or os.environ.get("KB_ALLOW_CHECKOUT_WRITES"):
        return
    after = _checkout_state()
    if after != before:
        changed = sorted(set(after[0].splitlines()) ^ set(before[0].splitlines()))
        changed += sorted(k for k in after[1].keys() | before[1].keys() if after[1].get(k) != before[1].get(k))
        session.config.pluginmanager.get_plugin("terminalreporter").write_line(
            "tests wrote into the checkout: " + ", ".join(changed[:20]), red=True)
        session.exitstatus = 1


def write_source(root: Path, sid: str, text: str, published: str | None = None) -> None:
    """A source ``sid`` in ``root``'s datasets/sources: its text and its record (for tests
    that build a small knowledge base in tmp_path)."""
    folder = root / "datasets" / "sources"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{sid}.txt").write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    (folder / f"{sid}.yaml").write_text(
        f"id: {sid}\ntitle: {sid} article\npublisher: Example\npublished: {published or 'null'}\nurl: null\n"
        f"original_filename: {sid}.txt\nsha256: {digest}\ntrust: web\n", encoding="utf-8")


def small_kb(tmp_path: Path, sources: dict, *, conditions: str, properties: str, entities: str,
             references: str) -> Path:
    """A tiny project under ``tmp_path/kb``: the vocabulary given and one source per entry of
    ``sources`` (id -> claims, each with its ``quote``): the source's text is the quotes
    joined by blanks, and each claim is placed at its quote."""
    import json

    d = tmp_path / "kb"
    for sub in ("claims", "datasets/sources", "datasets/entities", "datasets/properties", "datasets/references"):
        (d / sub).mkdir(parents=True, exist_ok=True)
    (d / "datasets/conditions.yaml").write_text(conditions)
    (d / "datasets/properties/p.yaml").write_text(properties)
    (d / "datasets/entities/e.yaml").write_text(entities)
    (d / "datasets/references/r.yaml").write_text(references)
    for sid, claims in sources.items():
        text = " ".join(c["quote"] for c in claims) or "no claims"
        (d / f"datasets/sources/{sid}.txt").write_text(text)
        (d / f"datasets/sources/{sid}.yaml").write_text(
            f"id: {sid}\ntitle: T\npublisher: P\nsha256: {hashlib.sha256(text.encode()).hexdigest()}\ntrust: web\n")
        recs, pos = [], 0
        for c in claims:
            c = dict(c)
            c.setdefault("conditions", {})
            c["start"], c["end"] = pos, pos + len(c["quote"])
            pos += len(c["quote"]) + 1
            recs.append(c)
        (d / f"claims/{sid}.yaml").write_text(json.dumps({"source": sid, "claims": recs}, indent=1))
    return d


def claim_findings(tmp_path: Path, claims: list, code: str, **vocabulary) -> dict:
    """``kb check``'s findings of ``code`` on a project of one source holding ``claims``
    (:func:`small_kb` with ``vocabulary``: conditions, properties, entities, references), by the
    first claim each names; the project must load without errors."""
    from kb.rules.check import check

    rep = check(small_kb(tmp_path, {"a": claims}, **vocabulary))
    assert not rep.errors, [f.message for f in rep.errors]
    return {f.claims[0]: f for f in rep.findings if f.code == code}


def run_kb(*args, cwd=None) -> tuple[int, str, str]:
    """Run the ``kb`` command in this process with click's test runner; return (exit code,
    stdout, stderr). ``cwd`` defaults to the project root, so a test never depends on where
    pytest started. (:func:`run_kb_process` runs a real process, where that is the point.)"""
    from click.testing import CliRunner

    from kb.cli import main

    old = os.getcwd()
    os.chdir(str(cwd if cwd is not None else ROOT))
    try:
        result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def run_kb_process(*args, cwd=None, timeout: float = 300) -> tuple[int, str, str]:
    """Run ``python -m kb ARGS`` in a subprocess; return (exit code, stdout, stderr)."""
    env = dict(os.environ)
    env.setdefault("PYTHONHASHSEED", "0")
    env["PYTHONIOENCODING"] = "utf-8"
    proc = subprocess.run(
        [sys.executable, "-m", "kb", *map(str, args)],
        cwd=str(cwd if cwd is not None else ROOT),
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=timeout,
    )
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture(scope="session")
def root() -> Path:
    """The project root (holds claims/ and datasets/)."""
    return ROOT


@pytest.fixture(scope="session")
def broken_root() -> Path:
    """The deliberately broken fixture tree (a small complete project)."""
    return BROKEN


@pytest.fixture(name="run_kb", scope="session")
def run_kb_fixture():
    """``run_kb(*args, cwd=None) -> (code, stdout, stderr)``: the CLI, in this process."""
    return run_kb


@pytest.fixture(name="run_kb_process", scope="session")
def run_kb_process_fixture():
    """``run_kb_process(*args, cwd=None) -> (code, stdout, stderr)``: the CLI in a subprocess."""
    return run_kb_process


@pytest.fixture(scope="session")
def project_registry():
    """The linker's registry of the project's own datasets/ (entities, properties, their words)."""
    from kb.extract.linking import load_registry

    return load_registry(ROOT)


@pytest.fixture(scope="session")
def project_kb(root):
    """The project's own knowledge base, loaded once (claims, references, registry)."""
    from kb.store.load import load

    return load(root)


@pytest.fixture(scope="session")
def project_comparer(project_kb):
    """A :class:`kb.rules.compare.Comparer` over :func:`project_kb`."""
    from kb.rules.compare import Comparer

    return Comparer(project_kb)


def drafts_at(text: str, *spec) -> list[dict]:
    """Draft records named as kb extract names them (``t-at<place>``), at the first place each raw
    text stands from the last one on: ``spec`` is (raw, value, unit) per draft."""
    out, pos = [], 0
    for raw, value, unit in spec:
        s = text.index(raw, pos)
        pos = s + len(raw)
        out.append({"id": f"t-at{s}", "span_start": s, "span_end": s + len(raw), "value": value, "unit": unit,
                    "qualifier": "exact", "property": None})
    return out


def drafts_by_raw(text: str, registry=None) -> dict:
    """The drafts ``kb extract`` makes of ``text``, by the number as written (the last of equal ones)."""
    from kb.extract.drafts import extract_text

    return {d.raw: d for d in extract_text(text, registry)}


def draft_records(text: str, spec: list[tuple]) -> list[dict]:
    """Draft records for (id, the number as written, value, unit, property), exact, in text order:
    each at the first place its number stands from the last one on."""
    out, pos = [], 0
    for ident, shown, value, unit, prop in spec:
        s = text.index(shown, pos)
        pos = s + len(shown)
        out.append({"id": ident, "value": value, "unit": unit, "qualifier": "exact", "property": prop,
                    "span_start": s, "span_end": pos})
    return out


def number_records(text: str, spec: list[tuple]) -> list[dict]:
    """Draft records for (id, the number as written, value, unit[, qualifier]) in text order, each
    at the first place its number stands from the last one on: the qualifier "exact" where the row
    gives none; a (low, high) value gives a range's bounds in place of a value (the qualifier the
    row's own), for the tests of kb.extract.arith's proposals."""
    out, pos = [], 0
    for ident, shown, value, unit, *qualifier in spec:
        s = text.index(shown, pos)
        pos = s + len(shown)
        rec = {"id": ident, "unit": unit, "qualifier": qualifier[0] if qualifier else "exact",
               "span_start": s, "span_end": pos}
        if isinstance(value, tuple):
            rec["low"], rec["high"] = value
        else:
            rec["value"] = value
        out.append(rec)
    return out


#: An 8x H100 node's GPU-hours estimate (a fresh cost write-up): a code block of hours each "=
#: $X", one blank line, then two total lines ("Total if you keep node up: $320"); read by the
#: arithmetic tests of a total line's block (test_disc87) and of counts times amounts
#: (test_arith_slip77).
NODE_COST_BLOCK = ("### Actual Cost Calculation:\n```\n"
                   "Hour 0-1:   Setup + data prep            = $32\n"
                   "Hour 1-2:   SFT training (8 GPUs)        = $32\n"
                   "Hour 2-6:   Extensions (1 GPU used)      = $128 (4 hours × $32)\n"
                   "Hour 6-7:   Testing (8 GPUs)             = $32\n"
                   "Hour 7-8:   Validation (2 GPUs)          = $32\n"
                   "Hour 8-10:  Documentation (0 GPUs)       = $64 (or shut down)\n\n"
                   "Total if you keep node up: $320\n"
                   "Total if you shut down when not needed: ~$160-200\n```\n")


def relation_of(proposals, target: str):
    """(formula, inputs) of the first proposal for ``target``; None where there is none."""
    return next(((p.formula, p.inputs) for p in proposals if p.target == target), None)


def reference_records(name: str) -> tuple[list, list]:
    """(citations, references) of ``datasets/references/<name>.yaml`` as written."""
    import yaml

    doc = yaml.safe_load((ROOT / "datasets" / "references" / f"{name}.yaml").read_text(encoding="utf-8"))
    return doc["citations"], doc["references"]


def check_reference_file(name: str, kb, own_citations: bool = False) -> None:
    """Every reference of ``datasets/references/<name>.yaml`` loads into ``kb`` with an interval, a
    known entity and a declared citation (with ``own_citations``, one the file itself declares);
    every citation the file declares has an https address, a date and a kind."""
    citations, refs = reference_records(name)
    declared = {c["id"] for c in citations} if own_citations else kb.citations
    assert refs and len(refs) == len({r["id"] for r in refs})
    for c in citations:
        assert c["url"].startswith("https://") and c["date"] and c["kind"] in ("primary", "secondary")
        assert c["id"] in kb.citations
    for r in refs:
        assert r["citation"] in declared
        assert r["id"] in kb.references_by_id
        assert kb.references_by_id[r["id"]].interval is not None
        assert r["entity"] in kb.entities


def printed_numbers(locator: str) -> set[float]:
    """The numbers a quoted passage prints ('$88.2 billion' -> 88.2, '1,212,788' -> 1212788)."""
    import re

    return {float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", locator)}


def references_backing(comparer, kb, claim_id: str) -> set[str]:
    """The ids of the reference values the comparer holds for a claim of ``kb``."""
    return {r.id for r in comparer.references_for(kb.claims_by_id[claim_id])}


def drafted_properties(registry, text: str) -> list[tuple[str, str | None]]:
    """(raw, property) of each draft the extractor makes of ``text`` with ``registry``."""
    from kb.extract.drafts import extract_text

    return [(d.raw, d.property) for d in extract_text(text, registry)]


def read_values(text: str, registry=None) -> list[tuple]:
    """(value, low, high, unit) of each draft the extractor makes of ``text`` (with ``registry``
    where one is given)."""
    from kb.extract.drafts import extract_text

    return [(d.value, d.low, d.high, d.unit) for d in extract_text(text, registry)]


def value_units(text: str) -> set[tuple]:
    """The set of (value, unit) the extractor drafts of ``text``: a range as its (low, high),
    floats rounded to 9 places."""
    from kb.extract.drafts import extract_text

    out = set()
    for d in extract_text(text):
        v = d.value if d.value is not None else (d.low, d.high)
        out.add((round(v, 9) if isinstance(v, float) else v, d.unit))
    return out


def draft_of(reg, text: str, raw: str, nth: int = 0):
    """The ``nth`` draft of ``text`` whose quoted number is ``raw`` (failing with the drafted
    numbers listed when there are fewer)."""
    from kb.extract.drafts import extract_text

    drafts = extract_text(text, reg)
    hits = [d for d in drafts if d.raw == raw]
    assert len(hits) > nth, [d.raw for d in drafts]
    return hits[nth]


def read_raw_values(text: str) -> list[tuple]:
    """(raw, value, low, high, unit) of each draft the extractor makes of ``text``."""
    from kb.extract.drafts import extract_text

    return [(d.raw, d.value, d.low, d.high, d.unit) for d in extract_text(text)]


def linked_draft(registry, text: str, raw_start: str) -> tuple[str | None, str | None]:
    """(entity, or "new" for an article's own thing, property) of the first draft the extractor
    makes of ``text`` with ``registry`` whose quoted number starts with ``raw_start``; an
    AssertionError naming the drafts where there is none."""
    from kb.extract.drafts import extract_text

    drafts = extract_text(text, registry)
    for d in drafts:
        if d.raw.startswith(raw_start):
            return d.entity or ("new" if d.entity_new else None), d.property
    raise AssertionError(f"no draft {raw_start!r} in {[d.raw for d in drafts]}")


def linked_entity(registry, text: str, raw: str) -> str | None:
    """The entity (or "new" for an article's own thing) of the first draft of ``text`` whose quoted
    number is ``raw`` or contains it; an AssertionError where there is none."""
    from kb.extract.drafts import extract_text

    for d in extract_text(text, registry):
        if d.raw == raw or raw in d.raw:
            return d.entity or ("new" if d.entity_new else None)
    raise AssertionError(f"{raw!r} not extracted from {text!r}")


def vet_text(tmp_path: Path, root: Path, text: str, **options):
    """``kb vet``'s report of ``text`` (written to ``tmp_path/article.md``) against ``root``
    (``options``: vet's keyword arguments)."""
    from kb.extract.vet import vet

    p = tmp_path / "article.md"
    p.write_text(text, encoding="utf-8")
    return vet(p, root, **options)


def vetted_number(rep, raw: str):
    """The one number of a vet report written ``raw``."""
    hits = [n for n in rep.numbers if n.raw == raw]
    assert len(hits) == 1, [(n.raw, n.status, n.reason) for n in rep.numbers]
    return hits[0]


def read_drafts(text: str) -> list[tuple]:
    """What the extractor reads in ``text``: (raw, low, high, unit) for a range, else (raw,
    value, unit, qualifier), for the tests of forms of writing."""
    from kb.extract.drafts import extract_text

    out = []
    for d in extract_text(text):
        if d.qualifier == "range":
            out.append((d.raw, d.low, d.high, d.unit))
        else:
            out.append((d.raw, d.value, d.unit, d.qualifier))
    return out


def one_claim_kb(tmp_path: Path, text: str, claim: dict, *, conditions: str, entities: str, properties: str,
                 references: str) -> Path:
    """A tiny project under ``tmp_path/kb`` for the ``kb vet`` tests: the vocabulary given and
    one other article, source ``other`` of ``text``, whose one claim (``claim``'s fields, written
    one per line so that a test may append more) quotes the text's first line; it must check
    without errors."""
    import json

    from kb.rules.check import check

    root = tmp_path / "kb"
    for sub in ("claims", "datasets/entities", "datasets/properties", "datasets/references"):
        (root / sub).mkdir(parents=True)
    (root / "datasets" / "conditions.yaml").write_text(conditions, encoding="utf-8")
    (root / "datasets" / "entities" / "e.yaml").write_text(entities, encoding="utf-8")
    (root / "datasets" / "properties" / "p.yaml").write_text(properties, encoding="utf-8")
    (root / "datasets" / "references" / "r.yaml").write_text(references, encoding="utf-8")
    write_source(root, "other", text)
    quote = text.strip().rstrip(".")
    fields = {**claim, "quote": quote, "start": 0, "end": len(quote)}
    lines = [f"    {k}: {json.dumps(v)}" for k, v in fields.items()]
    lines[0] = "  - " + lines[0].lstrip()
    (root / "claims" / "other.yaml").write_text("source: other\nclaims:\n" + "\n".join(lines) + "\n",
                                                  encoding="utf-8")
    rep = check(root)
    assert not rep.errors, [f"{f.where} {f.code} {f.message}" for f in rep.errors]
    return root
