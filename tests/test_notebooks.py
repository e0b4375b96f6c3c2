"""The notebooks: stored as executed, thin, deterministic, re-run only when inputs change,
and stopped (not analysed) by a knowledge base with integrity errors.

nbval (``pytest notebooks --nbval``) re-executes them and compares their outputs; these
tests check what nbval does not: how they are stored, and the runner ``kb.notebooks``.
"""

from __future__ import annotations

import base64
import io
import os
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from kbtestutil import break_a_unit

from kb.tools import notebooks as runner

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
EXPECTED = {"claims_overview", "conflicts", "gpu_specs", "token_economics", "energy", "openai_finances", "validation",
            "arithmetic"}
MAX_CELL_LINES = 12  # thin notebooks: the logic lives in kb/


def read(path: Path):
    return nbformat.read(path, as_version=4)


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def test_the_notebooks_are_there():
    assert EXPECTED <= {p.stem for p in NOTEBOOKS}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_executed_in_order_without_errors(path):
    nb = read(path)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    cells = code_cells(nb)
    assert [c.execution_count for c in cells] == list(range(1, len(cells) + 1)), "run it top to bottom: make notebooks"
    for c in cells:
        assert not [o for o in c.outputs if o.output_type == "error"]
        assert not [o for o in c.outputs if o.output_type == "stream" and o.name == "stderr"], c.source
        for key in ("execution", "ExecuteTime"):
            assert key not in c.metadata, "execution timings make the stored notebook differ run to run"
    assert re.fullmatch(r"[0-9a-f]{64}", nb.metadata["kb"]["inputs_hash"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_thin_and_stopped_by_integrity_errors_first(path):
    nb = read(path)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    assert "**Question:**" in first.source or path.stem == "validation"
    cells = code_cells(nb)
    assert "api.setup_notebook()" in cells[0].source
    assert "require_clean()" in cells[1].source  # before any analysis
    for c in cells:
        assert len(c.source.splitlines()) <= MAX_CELL_LINES, f"move logic into kb/: {c.source[:60]!r}"
        # nbval runs cells without storing history, so IPython ignores a trailing ";" there
        # and the value would be shown: end a chart cell with plt.show() instead
        assert not c.source.rstrip().endswith(";"), c.source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_an_ignored_output_says_why(path):
    for c in code_cells(read(path)):
        lines = [ln.strip() for ln in c.source.splitlines()]
        assert "# NBVAL_SKIP" not in lines, "every cell runs under nbval"
        for i, ln in enumerate(lines):
            if ln == "# NBVAL_IGNORE_OUTPUT":
                assert i + 1 < len(lines) and lines[i + 1].startswith("# reason:"), c.source
                assert not [o for o in c.outputs if o.output_type != "stream"], "only the notice may be ignored"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_charts_are_png_without_dates_or_versions(path):
    """nbval skips PNG; the stored bytes still must not change from run to run."""
    from PIL import Image

    for c in code_cells(read(path)):
        for o in c.outputs:
            data = o.get("data", {})
            assert "image/svg+xml" not in data  # nbval would compare SVG text
            if "image/png" in data:
                img = Image.open(io.BytesIO(base64.b64decode(data["image/png"])))
                assert not ({"Software", "Creation Time", "date:create"} & set(img.info)), img.info


# ---------------------------------------------------------------------- the runner


def project_copy(dest: Path, names: list[str]) -> Path:
    """claims/, datasets/ and some notebooks under ``dest``, each stamped with the current
    inputs hash as if it had just run (so the copy does not depend on the committed stamps)."""
    for top in ("claims", "datasets"):
        shutil.copytree(ROOT / top, dest / top)
    (dest / "notebooks").mkdir()
    digest = runner.data_digest(dest)
    for n in names:
        nb = read(ROOT / "notebooks" / f"{n}.ipynb")
        nb.metadata["kb"] = {"inputs_hash": runner.inputs_hash(nb, digest)}
        nbformat.write(nb, str(dest / "notebooks" / f"{n}.ipynb"))
    return dest




def test_check_reports_a_notebook_stale_only_when_its_inputs_change(tmp_path, capsys):
    root = project_copy(tmp_path, ["validation"])
    nb_path = root / "notebooks" / "validation.ipynb"
    assert runner.main(["check", "--root", str(root)]) == 0  # same data, same code: current
    nb = read(nb_path)
    nb.cells[0].source += "\n\nA note."  # markdown is not an input
    nbformat.write(nb, str(nb_path))
    assert runner.main(["check", "--root", str(root)]) == 0
    claims = sorted((root / "claims").glob("*.yaml"))[0]
    claims.write_text(claims.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    assert runner.main(["check", "--root", str(root), "validation"]) == 1
    assert "notebooks/validation.ipynb: stale" in capsys.readouterr().err


def test_code_cells_are_inputs(tmp_path):
    root = project_copy(tmp_path, ["validation"])
    nb_path = root / "notebooks" / "validation.ipynb"
    nb = read(nb_path)
    code_cells(nb)[-1].source += "\n"
    nbformat.write(nb, str(nb_path))
    assert runner.is_stale(nb_path, runner.data_digest(root))


def test_code_inputs_are_the_kb_modules_the_notebook_uses():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("from kb import api\nfrom kb.analysis import derive\nimport kb.core.units")])
    mods = {m.rsplit(".", 1)[-1] for m in runner.code_modules(nb)}
    assert {"api", "derive", "units", "check", "load", "records", "integrity", "content"} <= mods
    assert not {"drafts", "build", "cli", "synth", "notebooks"} & mods  # unrelated code: not an input
    assert runner.code_modules(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import math")])) == []


def test_unknown_notebook_name_is_a_usage_error(tmp_path, capsys):
    root = project_copy(tmp_path, ["validation"])
    assert runner.main(["run", "--root", str(root), "nosuch"]) == 2
    assert "no notebook 'nosuch'" in capsys.readouterr().err


@pytest.mark.slow
def test_run_skips_current_notebooks_and_is_deterministic(tmp_path):
    root = project_copy(tmp_path, ["validation"])
    nb_path = root / "notebooks" / "validation.ipynb"
    out, err = io.StringIO(), io.StringIO()
    assert [r.state for r in runner.run(root, out=out, err=err)] == ["unchanged"]
    first = [r.state for r in runner.run(root, force=True, out=out, err=err)]
    once = nb_path.read_bytes()
    second = [r.state for r in runner.run(root, force=True, out=out, err=err)]
    assert first == second == ["executed"], err.getvalue()
    assert nb_path.read_bytes() == once, "two runs on the same inputs must store the same bytes"
    assert not runner.is_stale(nb_path, runner.data_digest(root))


@pytest.mark.slow
def test_a_broken_knowledge_base_stops_the_notebook_with_the_errors_listed(tmp_path):
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    root = project_copy(tmp_path, ["token_economics"])
    where, line = break_a_unit(root)
    nb_path = root / "notebooks" / "token_economics.ipynb"
    before = nb_path.read_bytes()

    # the runner: fails, prints the errors plainly, leaves the stored notebook as it was
    out, err = io.StringIO(), io.StringIO()
    results = runner.run(root, ["token_economics"], force=True, out=out, err=err)
    assert [r.state for r in results] == ["failed"]
    assert f"{where}:{line}: error[unit-unknown]" in err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert nb_path.read_bytes() == before

    # in Jupyter: the require_clean cell shows the error list alone, and nothing after it runs
    nb = read(nb_path)
    for c in code_cells(nb):
        c.outputs, c.execution_count = [], None
    client = NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(nb_path.parent)}})
    with pytest.raises(CellExecutionError):
        client.execute(env={**os.environ, "KB_ROOT": str(root)})
    cells = code_cells(nb)
    errors = [o for o in cells[1].outputs if o.output_type == "error"]
    assert len(errors) == 1 and errors[0].ename == "IntegrityError"
    shown = "\n".join(errors[0].traceback)
    assert f"{where}:{line}: error[unit-unknown]" in shown
    assert "site-packages" not in shown and "kb/api.py" not in shown  # plain, not a traceback
    assert all(not c.outputs for c in cells[2:]), "no analysis from broken data"
