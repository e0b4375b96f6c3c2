"""Site-test helpers: a small hostile knowledge base, and builds shared between test files.

The hostile knowledge base has a source whose text, title, publisher and URL carry
``<script>`` elements, ``onerror=`` attributes, ``javascript:`` URLs and Markdown/MyST
syntax; a claim quote that contains a ``<script>`` element; overlapping quotes; reviewed
claims (for the ClaimReview JSON-LD); an entity and a citation with hostile names; and a
notebook with stored outputs. Built sites are cached under ``.cache/`` behind a file lock,
so that pytest-xdist workers share one build (each build after the first is incremental).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
from pathlib import Path

from conftest import TEST_DIR

ROOT = Path(__file__).resolve().parent.parent
CACHE = TEST_DIR / "site"

PWN = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
SOURCE_ID = "hostile-source"

SOURCE_TEXT = (
    "A hostile page " + PWN + " about GPUs.\n"
    "The H100 delivers 60 TFLOPS at FP16 on tensor cores without sparsity.\n"
    "NVIDIA’s H100 SXM draws up to 700 W " + PWN + " per GPU.\n"
    "An image " + IMG + " and a fence ```{raw} html\n<b>not raw</b>\n``` and {sub}`x` $x$ text.\n"
)

#: (claim id, quote); the quotes of the last two overlap ("H100 SXM").
QUOTES = {
    "fx-h100-fp16": "The H100 delivers 60 TFLOPS at FP16",
    "fx-h100-sxm-tdp": "H100 SXM draws up to 700 W " + PWN,
    "fx-h100-sxm-vendor": "NVIDIA’s H100 SXM",
}


def _q(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def write_hostile_kb(dest: Path) -> Path:
    """Write the hostile knowledge base under ``dest`` (only files whose bytes changed)."""
    from kb.site.build import write_if_changed

    files: dict[str, bytes] = {}
    files["datasets/conditions.yaml"] = (ROOT / "datasets" / "conditions.yaml").read_bytes()
    files["datasets/properties/core.yaml"] = (ROOT / "datasets" / "properties" / "core.yaml").read_bytes()
    files["datasets/search-terms.yaml"] = b"properties:\n  tdp: [TDP, wattage, power rating]\n" \
        b"  context-window: [context length]\nentities:\n  nvidia-h100: [Hopper flagship]\n"
    files["datasets/entities/fixture.yaml"] = f"""entities:
  - id: nvidia
    name: NVIDIA
    kind: organisation
    aliases: ["NVIDIA"]
  - id: nvidia-hopper
    name: NVIDIA Hopper
    kind: architecture
    vendor: nvidia
    aliases: ["Hopper"]
  - id: nvidia-h100
    name: NVIDIA H100
    kind: gpu
    vendor: nvidia
    architecture: nvidia-hopper
    aliases: ["H100", "NVIDIA H100"]
  - id: nvidia-h100-sxm
    name: NVIDIA H100 SXM
    kind: gpu
    family: nvidia-h100
    vendor: nvidia
    architecture: nvidia-hopper
    aliases: ["H100 SXM"]
  - id: hostile-gpu
    name: {_q("Evil " + IMG)}
    kind: gpu
    vendor: nvidia
    aliases: [{_q(PWN)}, "[link](javascript:window.__pwned=1)"]
    note: {_q("note " + IMG)}
""".encode()
    files["datasets/references/fixture.yaml"] = f"""citations:
  - id: nvidia-h100-datasheet
    publisher: NVIDIA
    title: NVIDIA H100 datasheet
    url: https://www.nvidia.com/en-us/data-center/h100/
    date: "2023-01-01"
    kind: primary
  - id: hostile-citation
    publisher: {_q("Evil " + IMG)}
    title: {_q(PWN)}
    url: "javascript:window.__pwned=1"
    date: "2024"
    kind: secondary
references:
  - id: ref-fx-h100-sxm-fp16-dense
    entity: nvidia-h100-sxm
    property: peak-throughput
    value: 989.4
    unit: TFLOPS
    qualifier: exact
    conditions: {{precision: fp16, core: tensor, sparsity: dense, scope: per-gpu}}
    citation: nvidia-h100-datasheet
  - id: ref-fx-h100-sxm-fp16-sparse
    entity: nvidia-h100-sxm
    property: peak-throughput
    value: 1978.9
    unit: TFLOPS
    qualifier: exact
    conditions: {{precision: fp16, core: tensor, sparsity: sparse, scope: per-gpu}}
    citation: nvidia-h100-datasheet
  - id: ref-fx-h100-sxm-tdp
    entity: nvidia-h100-sxm
    property: tdp
    value: 700
    unit: W
    qualifier: exact
    conditions: {{scope: per-gpu}}
    citation: hostile-citation
    note: {_q(IMG)}
""".encode()
    text = SOURCE_TEXT.encode("utf-8")
    files[f"datasets/sources/{SOURCE_ID}.txt"] = text
    files[f"datasets/sources/{SOURCE_ID}.yaml"] = f"""id: {SOURCE_ID}
title: {_q(PWN + " GPUs & *tokens* ```{raw} html <b>x</b>")}
publisher: {_q("Evil Press " + IMG)}
author: {_q(PWN)}
published: 2025-01-02
url: "javascript:window.__pwned=1"
original_filename: hostile.txt
sha256: {hashlib.sha256(text).hexdigest()}
trust: low
note: {_q("A note " + IMG)}
""".encode()
    claims = [
        dict(id="fx-h100-fp16", entity="nvidia-h100", property="peak-throughput", value=60, unit="TFLOPS",
             qualifier="exact", conditions={"precision": "fp16", "core": "tensor", "sparsity": "dense"},
             review={"verdict": "wrong", "note": "The H100 SXM does 989.4 TFLOPS dense at FP16 </script><b>x</b>",
                     "date": "2026-11-21", "reviewer": "kb-curators"}),
        dict(id="fx-h100-sxm-tdp", entity="nvidia-h100-sxm", property="tdp", value=700, unit="W",
             qualifier="upper_bound", conditions={"scope": "per-gpu"},
             review={"verdict": "correct", "note": "Matches the datasheet.", "date": "2026-11-21"}),
        dict(id="fx-h100-sxm-vendor", entity="nvidia-h100-sxm", property="vendor", value="nvidia",
             qualifier="exact", conditions={}, note="A note " + IMG),
    ]
    src = SOURCE_TEXT
    lines = [f"source: {SOURCE_ID}", "claims:"]
    for c in claims:
        quote = QUOTES[c["id"]]
        start = src.index(quote)
        lines.append(f"  - id: {c['id']}")
        for key in ("entity", "property", "value", "unit", "qualifier"):
            if key in c:
                lines.append(f"    {key}: {c[key]}")
        lines.append(f"    conditions: {json.dumps(c['conditions'])}")
        lines.append(f"    quote: {_q(quote)}")
        lines.append(f"    start: {start}")
        lines.append(f"    end: {start + len(quote)}")
        if "note" in c:
            lines.append(f"    note: {_q(c['note'])}")
        if "review" in c:
            lines.append("    review:")
            for k, v in c["review"].items():
                lines.append(f"      {k}: {_q(v)}")
    files[f"claims/{SOURCE_ID}.yaml"] = ("\n".join(lines) + "\n").encode("utf-8")
    files["notebooks/fixture_notebook.ipynb"] = json.dumps(NOTEBOOK, indent=1, sort_keys=True).encode()
    for rel, data in files.items():
        write_if_changed(dest / rel, data)
    return dest


NOTEBOOK = {
    "cells": [
        {"cell_type": "markdown", "id": "c0", "metadata": {}, "source": ["# Fixture notebook\n", "\n", "Stored outputs only."]},
        {"cell_type": "code", "execution_count": 1, "id": "c1", "metadata": {},
         "outputs": [{"name": "stdout", "output_type": "stream", "text": ["2\n"]}], "source": ["print(1 + 1)"]},
        {"cell_type": "code", "execution_count": 2, "id": "c2", "metadata": {},
         "outputs": [{"data": {"text/plain": ["42"]}, "execution_count": 2, "metadata": {}, "output_type": "execute_result"}],
         "source": ["6 * 7"]},
    ],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                 "language_info": {"name": "python"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}


@contextlib.contextmanager
def locked(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def hostile_site() -> Path:
    """Build (incrementally) the hostile knowledge base's site; return its HTML folder."""
    from kb.site.build import build

    with locked(CACHE / "hostile.lock"):
        kb_root = write_hostile_kb(CACHE / "hostile" / "kb")
        rc = build(kb_root, workdir=CACHE / "hostile" / "work")
        assert rc == 0, "the hostile fixture site did not build cleanly (warnings are errors)"
    return CACHE / "hostile" / "work" / "html"


def project_site() -> Path:
    """Build (incrementally) the project's own site in the test folder and return its HTML
    folder (the checkout's docs/_build is ``make site``'s, never written by tests)."""
    from kb.site.build import build

    work = CACHE / "project"
    with locked(CACHE / "project.lock"):
        rc = build(ROOT, workdir=work)
        assert rc == 0, "the site did not build cleanly (warnings are errors)"
    return work / "html"


def fresh_copy(dest: Path) -> Path:
    """A copy of the project's knowledge base and docs (no build outputs) under ``dest``."""
    ignore = shutil.ignore_patterns("_build", "generated", ".ipynb_checkpoints", "__pycache__")
    for d in ("claims", "datasets", "docs", "notebooks"):
        if (ROOT / d).is_dir():
            shutil.copytree(ROOT / d, dest / d, ignore=ignore)
    return dest
