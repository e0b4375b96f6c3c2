"""The notebooks: stored as executed, thin, deterministic, re-run only when inputs change,
stopped (not analysed) by a knowledge base with integrity errors, and unable to lie: every
number in their prose is glued from an output.

nbval (``pytest notebooks --nbval``) re-executes them and compares their outputs; these
tests check what nbval does not: how they are stored, their prose, the runner
(``kb.tools.notebooks``: staleness, what changed, CI) and the nbval hints.
"""

from __future__ import annotations

import ast
import base64
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from kbtestutil import break_a_unit

from kb.analysis import api
from kb.analysis.derive import Derived, fmt
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
    meta = nb.metadata["kb"]
    assert re.fullmatch(r"[0-9a-f]{64}", meta["inputs_hash"])
    # what it ran on, to say what changed when nbval fails: cells, kb code, data, libraries
    assert re.fullmatch(r"[0-9a-f]{16}", meta["cells"]) and re.fullmatch(r"[0-9a-f]{64}", meta["data"])
    assert "kb/analysis/api.py" in meta["code"] and {"python", "pandas"} <= set(meta["libraries"])


def test_the_manifest_records_the_data_every_notebook_ran_on():
    manifest = runner.read_manifest(ROOT)
    for path in NOTEBOOKS:
        state = manifest["states"].get(read(path).metadata["kb"]["data"])
        assert state is not None, f"{path.name}: notebooks/{runner.MANIFEST} lacks its data: make notebooks"
        assert state["claims"] and state["references"] and state["files"]
        assert all(re.fullmatch(r"[0-9a-f]{8} .+", v) for v in state["claims"].values())


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_prose_states_only_glued_numbers(path):
    """Numbers in Markdown come from outputs (myst-nb glue), so prose cannot drift from them."""
    assert runner.prose_problems(read(path)) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_glued_values_are_text_as_people_read_it(path):
    nb = read(path)
    names = runner.glued_names(nb)
    assert names, "an analysis states its results in prose, from glued values"
    for cell in code_cells(nb):
        for o in cell.outputs:
            if "scrapbook" in o.get("metadata", {}):
                text = ast.literal_eval(o.data[api.GLUE_PREFIX + "text/plain"])
                assert isinstance(text, str) and text.strip(), o
                assert not re.search(r"\d\.\d{6,}", text), f"unrounded number glued: {text!r}"


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


@pytest.fixture(scope="module")
def data_state():
    """What the project's data is now (the manifest's record of it), loaded once."""
    return runner.data_state(ROOT)


def project_copy(dest: Path, names: list[str], state: dict | None = None) -> Path:
    """claims/, datasets/ and some notebooks under ``dest``, each stamped as if it had just
    run on the copied data (so the copy does not depend on the committed stamps); with
    ``state`` (:func:`runner.data_state` of the project), the manifest too."""
    for top in ("claims", "datasets"):
        shutil.copytree(ROOT / top, dest / top)
    (dest / "notebooks").mkdir()
    digest = runner.data_digest(dest)
    for n in names:
        nb = read(ROOT / "notebooks" / f"{n}.ipynb")
        runner.stamp(nb, digest)
        nbformat.write(nb, str(dest / "notebooks" / f"{n}.ipynb"))
    if state is not None:
        runner.write_manifest(dest, (digest.hex(), state))
    return dest


def edit_claim(root: Path, claim_id: str, key: str, old: str, new: str) -> None:
    """Change ``key: old`` to ``key: new`` in the record of ``claim_id``."""
    for path in sorted((root / "claims").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        at = text.find(f"- id: {claim_id}\n")
        if at < 0:
            continue
        end = text.find("\n  - id:", at + 1)
        end = len(text) if end < 0 else end
        record = text[at:end]
        assert f"{key}: {old}\n" in record, record
        path.write_text(text[:at] + record.replace(f"{key}: {old}\n", f"{key}: {new}\n", 1) + text[end:],
                        encoding="utf-8")
        return
    raise AssertionError(f"no claim {claim_id}")




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


def test_the_arithmetic_labels_are_inputs(tmp_path, capsys):
    # the arithmetic notebook scores the checker against the curators' labels: a label
    # change must make the notebooks stale like a claim change does
    root = project_copy(tmp_path, ["validation"])
    labels = root / runner.EXTRA_DATA[0]
    labels.parent.mkdir(parents=True)
    labels.write_bytes((ROOT / runner.EXTRA_DATA[0]).read_bytes())
    assert runner.main(["check", "--root", str(root), "validation"]) == 1  # not what it was stamped on
    nb_path = root / "notebooks" / "validation.ipynb"
    nb = read(nb_path)
    runner.stamp(nb, runner.data_digest(root))
    nbformat.write(nb, str(nb_path))
    assert runner.main(["check", "--root", str(root), "validation"]) == 0
    labels.write_text(labels.read_text(encoding="utf-8") + "# relabelled\n", encoding="utf-8")
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
    assert [r.state for r in runner.run(root, ci=False, out=out, err=err)] == ["unchanged"]
    first = [r.state for r in runner.run(root, force=True, ci=False, out=out, err=err)]
    once, manifest = nb_path.read_bytes(), (root / "notebooks" / runner.MANIFEST).read_bytes()
    second = [r.state for r in runner.run(root, force=True, ci=False, out=out, err=err)]
    assert first == second == ["executed"], err.getvalue()
    assert nb_path.read_bytes() == once, "two runs on the same inputs must store the same bytes"
    assert (root / "notebooks" / runner.MANIFEST).read_bytes() == manifest
    assert read(nb_path).metadata["kb"]["data"] in json.loads(manifest)["states"]
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
    results = runner.run(root, ["token_economics"], force=True, ci=False, out=out, err=err)
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


# ---------------------------------------------------------------------- what changed since a notebook ran


def test_stamp_records_the_inputs_and_keeps_the_authors_keys():
    nb = read(ROOT / "notebooks" / "gpu_specs.ipynb")
    allowed = list(nb.metadata["kb"]["prose_numbers"])
    nb.metadata["kb"] = {"prose_numbers": allowed, "inputs_hash": "old"}
    digest = runner.data_digest(ROOT)
    runner.stamp(nb, digest)
    meta = nb.metadata["kb"]
    assert meta["prose_numbers"] == allowed
    assert meta["inputs_hash"] == runner.inputs_hash(nb, digest) and meta["data"] == digest.hex()
    assert set(meta["code"]) == {p.relative_to(ROOT).as_posix() for p in runner.code_files(nb)}


def test_explain_names_the_claims_that_changed_were_added_or_removed(tmp_path, data_state):
    root = project_copy(tmp_path, ["validation"], data_state)
    nb_path = root / "notebooks" / "validation.ipynb"
    assert not runner.explain(nb_path, root).stale
    # a unit slip (a value change would contradict the quote: an integrity error, no output)
    edit_claim(root, "s000-h100-tdp", "unit", "W", "kW")
    src = root / "claims" / "000_f7fd7c52cf5c4f3d.yaml"
    text = src.read_text(encoding="utf-8")
    # a new claim (a copy of the last one under a new id) and a removed one
    last = text.rfind("\n  - id: ")
    new = text[last:].replace("- id: ", "- id: zz-added-", 1)
    gone = "s000-gpt-4o-parameters-total"
    start = text.find(f"\n  - id: {gone}\n")
    end = text.find("\n  - id: ", start + 1)
    text = text[:start] + text[end:]
    src.write_text(text + new.rstrip("\n") + "\n", encoding="utf-8")
    ex = runner.explain(nb_path, root)
    assert ex.stale and ex.data and not ex.cells and not ex.code
    out = ex.text()
    assert "s000-h100-tdp: ≤ 700 W → ≤ 700 kW (claims/000_f7fd7c52cf5c4f3d.yaml:" in out
    assert re.search(r"claims added \(1\):\n    zz-added-\S+: ", out)
    assert f"claims removed (1):\n    {gone}: was 405 billion parameter" in out
    assert "references changed" not in out and "claims/000_f7fd7c52cf5c4f3d.yaml" in out
    assert "make notebooks" in out


def test_explain_tells_code_and_cell_changes_and_a_missing_record(tmp_path, data_state):
    root = project_copy(tmp_path, ["validation"])  # no manifest
    nb_path = root / "notebooks" / "validation.ipynb"
    nb = read(nb_path)
    nb.metadata["kb"]["code"]["kb/analysis/api.py"] = "0" * 16
    code_cells(nb)[-1].source += "\n"
    nbformat.write(nb, str(nb_path))
    # a unit slip (a value change would contradict the quote: an integrity error, no output)
    edit_claim(root, "s000-h100-tdp", "unit", "W", "kW")
    out = runner.explain(nb_path, root).text()
    assert "its code cells changed" in out and "kb code changed: kb/analysis/api.py" in out
    assert f"notebooks/{runner.MANIFEST} has no record of the data it ran on" in out


def test_explain_when_inputs_are_unchanged_says_so(tmp_path):
    root = project_copy(tmp_path, ["validation"])
    nb_path = root / "notebooks" / "validation.ipynb"
    nb = read(nb_path)
    nb.metadata["kb"]["libraries"]["pandas"] = "0.1"
    nbformat.write(nb, str(nb_path))
    out = runner.explain(nb_path, root).text()
    assert "are the ones it was executed on" in out and "pandas" in out and "(it ran with 0.1)" in out
    del nb.metadata["kb"]
    nbformat.write(nb, str(nb_path))
    assert "has never been run by the runner" in runner.explain(nb_path, root).text()


def test_record_digests_ignore_position_and_see_content():
    from kb.store.load import load

    import dataclasses

    c = load(ROOT).record("s000-h100-tdp")
    moved = dataclasses.replace(c, line=c.line + 10, path="claims/elsewhere.yaml")
    assert runner.record_digest(moved) == runner.record_digest(c)
    assert runner.record_digest(dataclasses.replace(c, quote=c.quote + ".")) != runner.record_digest(c)


# ---------------------------------------------------------------------- under CI nothing rewrites notebooks


def test_under_ci_run_reports_stale_notebooks_and_writes_nothing(tmp_path, data_state, monkeypatch, capsys):
    root = project_copy(tmp_path, ["validation", "gpu_specs"], data_state)
    monkeypatch.setenv("CI", "true")
    assert runner.main(["run", "--root", str(root)]) == 0  # current: nothing to do, success
    # a unit slip (a value change would contradict the quote: an integrity error, no output)
    edit_claim(root, "s000-h100-tdp", "unit", "W", "kW")
    before = {p.name: p.read_bytes() for p in (root / "notebooks").iterdir()}
    capsys.readouterr()
    assert runner.main(["run", "--root", str(root)]) == 1
    assert runner.main(["run", "--all", "--root", str(root)]) == 1
    after = {p.name: p.read_bytes() for p in (root / "notebooks").iterdir()}
    assert after == before, "under CI the runner must not write"
    err = capsys.readouterr().err
    assert "s000-h100-tdp: ≤ 700 W → ≤ 700 kW" in err
    assert "Under CI they are not re-executed: run `make notebooks`" in err and "commit" in err
    assert "notebooks/gpu_specs.ipynb: executed on other inputs" in err


@pytest.mark.parametrize("value,expected", [("true", True), ("1", True), ("YES", True), ("", False),
                                            ("false", False), ("0", False)])
def test_ci_is_read_from_the_environment(value, expected):
    assert runner.in_ci({"CI": value}) is expected
    assert runner.in_ci({}) is False


# ---------------------------------------------------------------------- stored vs now, unambiguous


def test_output_diff_labels_stored_and_new_and_lists_changed_numbers():
    stored = [nbformat.v4.new_output("execute_result", {"text/plain": "what     value\nper watt 0.086\nsame 1"},
                                     execution_count=1),
              nbformat.v4.new_output("display_data", {api.GLUE_PREFIX + "text/plain": "'0.086'"},
                                     metadata={"scrapbook": {"name": "implied", "mime_prefix": api.GLUE_PREFIX}})]
    now = [nbformat.v4.new_output("execute_result", {"text/plain": "what     value\nper watt 0.080\nsame 1"},
                                  execution_count=1),
           nbformat.v4.new_output("display_data", {api.GLUE_PREFIX + "text/plain": "'0.080'"},
                                  metadata={"scrapbook": {"name": "implied", "mime_prefix": api.GLUE_PREFIX}})]
    text = runner.output_diff(stored, now)
    assert "--- stored (the notebook as committed)" in text and "+++ now (computed from the current inputs)" in text
    assert "-per watt 0.086" in text and "+per watt 0.080" in text  # - is stored, + is new
    assert "glued value 'implied' differs" in text
    assert "numbers changed (stored → now): 0.086 → 0.080" in text
    assert runner.output_diff(stored, stored).startswith("the compared outputs are the same")


def test_number_changes_pairs_numbers_line_by_line_with_their_signs():
    assert runner.number_changes("a 1,181 b -5\nc 2", "a 1,200 b +5\nc 2") == [("1,181", "1,200"), ("-5", "+5")]
    assert runner.number_changes("x 1\n", "x 1\ny 2\n") == []  # an added line: shown by the diff itself


def test_fmt_writes_one_unambiguous_sign():
    assert fmt(-1220.3) == "-1,220" and fmt(1220.3, sign=True) == "+1,220" and fmt(-0.0) == "0"
    assert fmt(float("-inf")) == "-∞" and fmt(float("inf")) == "∞" and fmt(float("inf"), sign=True) == "+∞"
    assert fmt(float("nan")) == "n/a" and fmt(None) == "n/a"  # never a dash that reads as a minus or a range
    assert Derived.of(-40.5, -29.5, "percent").display() == "-40.5 to -29.5 percent"
    assert Derived.of(-5, 3, "W").display() == "-5 to 3 W"
    assert Derived.of(2, 3, "W").display() == "2–3 W"
    assert Derived.of(float("-inf"), 3, "W").display() == "≤ 3 W"


def test_a_negative_range_as_stated_reads_unambiguously():
    from kb.core.records import Value

    v = Value(id="x", path="p", line=1, entity="e", property="change", conditions={}, qualifier="range",
              unit="percent", low=-40, high=-30)
    assert v.display() == "-40 to -30 percent"
    assert Value(id="x", path="p", line=1, entity="e", property="change", conditions={}, qualifier="range",
                 unit="percent", low=30, high=40).display() == "30–40 percent"


# ---------------------------------------------------------------------- prose: glued or allowed


def md_notebook(markdown: str, glued: tuple[str, ...] = (), allowed: tuple[str, ...] = ()):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("api.glue(...)")
    cell.outputs = [nbformat.v4.new_output("display_data", {api.GLUE_PREFIX + "text/plain": "'1'"},
                                           metadata={"scrapbook": {"name": n, "mime_prefix": api.GLUE_PREFIX}})
                    for n in glued]
    nb.cells = [nbformat.v4.new_markdown_cell(markdown), cell]
    nb.metadata["kb"] = {"prose_numbers": list(allowed)}
    return nb


def test_prose_numbers_finds_what_is_not_glued():
    found = runner.prose_numbers
    assert found("The article's numbers imply about 0.086, some 16 times less.") == ["0.086", "16"]
    assert found("$30 per hour, ~400 W, 1,000x, -5% and 405B parameters") == ["$30", "~400", "1,000x", "-5%", "405B"]
    assert found("implies {glue:text}`implied`, some {glue}`times` times less") == []
    assert found("an H100 SXM, FP16, GPT-4o, Llama-3.1 and s000-h100-tdp") == []  # names, not numbers
    assert found("see `claims/000_f7fd7c52cf5c4f3d.yaml` and `s000-h100-tdp`") == []  # ids in code
    assert found("the value `0.086`") == ["0.086"]  # a number in backticks is still a number
    assert found("[the report](https://example.com/2024/07/report-42)") == []
    assert found("dense (no 2:4 sparsity)", ["2:4 sparsity"]) == []
    assert found("dense (no 2:4\nsparsity)", ["2:4 sparsity"]) == []  # a phrase may wrap


def test_prose_problems_lists_every_way_prose_can_drift():
    assert runner.prose_problems(md_notebook("It is {glue:text}`a`.", glued=("a",))) == []
    problems = runner.prose_problems(md_notebook("About 0.086; {glue:text}`b` and {glue:text}`c:.2f`.",
                                                 glued=("a", "b", "b"), allowed=("2:4 sparsity", "words")))
    text = "\n".join(problems)
    assert "the number '0.086' is not glued" in text
    assert "glue name 'b' is defined more than once" in text
    assert "no output glues 'c'" in text
    assert "glued value 'a' is not used in the prose" in text
    assert "allowed phrase '2:4 sparsity' is not in the prose" in text
    assert "allowed phrase 'words' holds no number" in text


def test_glue_emits_what_myst_nb_reads(tmp_path, monkeypatch):
    """api.glue in an IPython shell: one display output per value, read back by myst-nb."""
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output
    from myst_nb.ext.glue import extract_glue_data

    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    with capture_output() as cap:
        api.glue(nothing=1)  # outside IPython there is nothing to glue into
    assert cap.outputs == [] and cap.stdout == ""
    InteractiveShell.instance()
    try:
        with capture_output() as cap:
            table = api.glue(ratio=1181.4, share=api.percent(0.8966), value=Derived.of(0.0849, 0.0865, "TFLOPS/W"),
                             n=1788)
    finally:
        InteractiveShell.clear_instance()
    assert list(table["text"]) == ["1,180", "90%", "0.0849–0.0865 TFLOPS/W", "1,788"]
    cell = nbformat.v4.new_code_cell("api.glue(...)")
    cell.outputs = [nbformat.v4.new_output("display_data", o.data, metadata=o.metadata) for o in cap.outputs]
    nb = nbformat.v4.new_notebook(cells=[cell])
    glued = extract_glue_data(nb, [0], None)
    assert {k: ast.literal_eval(v["data"]["text/plain"]) for k, v in glued.items()} == {
        "ratio": "1,180", "share": "90%", "value": "0.0849–0.0865 TFLOPS/W", "n": "1,788"}
    with pytest.raises(ValueError, match="glue name"):
        api.glue(**{"not a name": 1})


@pytest.mark.parametrize("value,text", [(1788, "1,788"), (-3, "-3"), (0.08571, "0.0857"), ("as is", "as is")])
def test_say_writes_values_for_prose(value, text):
    assert api.say(value) == text


def test_say_and_percent_refuse_what_is_not_a_value():
    with pytest.raises(TypeError):
        api.say(True)
    with pytest.raises(TypeError):
        api.say(None)
    assert api.percent(0.0345) == "3.5%" and api.percent(1) == "100%" and api.percent(float("nan")) == "n/a"


# ---------------------------------------------------------------------- nbval says what changed


@pytest.mark.slow
def test_nbval_failure_says_which_claims_changed_and_to_run_make_notebooks(tmp_path, data_state):
    root = project_copy(tmp_path, ["gpu_specs"], data_state)
    # a unit slip (a value change would contradict the quote: an integrity error, no output)
    edit_claim(root, "s000-h100-tdp", "unit", "W", "kW")
    env = {k: v for k, v in os.environ.items() if k != "KB_ROOT"}
    proc = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "kb.tools.notebooks",
                           "--nbval", "-q", "notebooks/gpu_specs.ipynb"], cwd=root, env=env, capture_output=True, text=True,
                          timeout=600)
    out = proc.stdout
    assert proc.returncode == 1, out[-3000:]
    assert "notebooks whose stored outputs no longer match" in out
    assert "s000-h100-tdp: ≤ 700 W → ≤ 700 kW" in out and "run `make notebooks`" in out
    assert "lines starting with - are the stored output, + the output computed now" in out
    assert "numbers changed (stored → now): 0.0849 → 8.49e-05" in out


def test_the_hooks_are_registered_for_nbval(pytestconfig):
    assert pytestconfig.pluginmanager.has_plugin(runner.PLUGIN_NAME)


# ---------------------------------------------------------------------- the API helpers the notebooks use


@pytest.fixture(scope="module")
def kbase():
    return api.open_kb(ROOT)


def test_agreement_counts_what_nearest_references_finds(kbase):
    claims = kbase.claims()
    gpu = claims[claims["entity_kind"] == "gpu"]
    fit = kbase.agreement(gpu, by="property")
    assert list(fit["property"]) == sorted(fit["property"])
    numeric = gpu[gpu["canonical_unit"].notna()]
    near = kbase.nearest_references(numeric["id"])
    assert fit["claims"].sum() == len(numeric)
    assert fit["compared"].sum() == len(near) > 0
    assert fit["agree"].sum() == (near["agreeing"] > 0).sum()
    row = fit.set_index("property").loc["peak-throughput"]
    ids = set(numeric.loc[numeric["property"] == "peak-throughput", "id"])
    sub = near[near["claim"].isin(ids)]
    assert row["share"] == pytest.approx((sub["agreeing"] > 0).mean())
    assert row["median_miss"] == pytest.approx(sub.loc[sub["agreeing"] == 0, "factor"].median())
    none = fit[fit["compared"] == 0]
    assert none["share"].isna().all() and none["median_miss"].isna().all()


def test_causes_are_the_findings_causes(kbase):
    table = kbase.causes()
    every = [(f.code, c.kind, c.text) for f in kbase.report.findings if f.kind == "content" for c in f.causes]
    assert list(zip(table["code"], table["kind"], table["text"])) == every
    assert all(t.startswith(w) for w, t in zip(table["why"], table["text"]))
    one = kbase.causes(["s001-llms-token-price"])
    assert len(one) and all("s001-llms-token-price" in c.split(", ") for c in one["claims"])
    assert "scale-slip" in set(one["kind"])
    findings = kbase.findings("content")
    assert set(findings["causes"].str.split(", ").explode()) - {""} == set(table["kind"])


def test_reference_values_bounded_leaves_out_open_ends(kbase):
    every = kbase.reference_values("rental-price", scope="per-gpu")
    bounded = kbase.reference_values("rental-price", scope="per-gpu", bounded=True)
    is_open = [v.high == float("inf") or v.low == float("-inf") for v in every["value"]]
    assert any(is_open), "the data has prices stated only as a bound"
    assert list(bounded["id"]) == [i for i, o in zip(every["id"], is_open) if not o]


def test_committed_notebooks_ran_on_the_current_data_and_code(capsys):
    """A change to the data or to code the notebooks import leaves them stale until they are
    re-executed and committed; otherwise `make site` on a fresh clone rewrites them."""
    code = runner.main(["check", "--root", str(ROOT)])
    assert code == 0, capsys.readouterr().out + "\nrun `make notebooks` and commit the notebooks"
