"""xspeed85: the byte-identity check for speed work (kb/tools/same_drafts.py) and the extractor's
independence of what it read before (a memo keyed too loosely, or state left from one text, makes
a text's drafts depend on the texts read before it: the identity check would then see noise)."""

from __future__ import annotations

import json

import pytest

from kb.tools import same_drafts

# r02 (development): prose with ranges, rates and shares, then a table of the same figures
PROSE = ("Current market rates reveal consistent PCIe vs SXM differentiation. Lambda Labs charges "
         "**$2.49/hour for PCIe** versus **$2.99-$3.29/hour for SXM**—a 20-32% premium. CoreWeave's "
         "spread is wider: **$4.25/hour PCIe** versus **$6.15/hour for HGX 8-GPU nodes** (45% premium "
         "including InfiniBand infrastructure).\n")
TABLE = ("| Cost component | $/GPU-hour | Share |\n|---|---|---|\n| GPU + InfiniBand capital | $0.92 | 53.8% |\n"
         "| Electricity | $0.16 | 9.3% |\n| Colocation/space | $0.30 | 17.6% |\n")
OTHER = ("Hardware acquisition represents the dominant cost component. Individual H100 PCIe GPUs trade at "
         "**$25,000-$38,000** while SXM variants command **$35,000-$40,000+**.\n")


def test_digest_is_of_every_field(project_registry):
    """The digest covers the drafts' fields, not only their number: the same text gives the
    same digest, a text differing in one figure another."""
    a = same_drafts._drafts_digest(PROSE, project_registry)
    assert a == same_drafts._drafts_digest(PROSE, project_registry)
    b = same_drafts._drafts_digest(PROSE.replace("$4.25/hour", "$4.35/hour"), project_registry)
    assert a[0] != b[0]


def test_drafts_do_not_depend_on_texts_read_before(project_registry):
    """A text read cold, after other texts, and as the first of a longer text gives the same drafts
    (what the extractor remembers across texts is no input)."""
    from dataclasses import asdict

    from kb.extract.drafts import extract_text

    first = [asdict(d) for d in extract_text(PROSE + "\n" + TABLE, project_registry)]
    extract_text(OTHER + "\n" + TABLE + "\n" + PROSE, project_registry)
    extract_text(TABLE, project_registry)
    again = [asdict(d) for d in extract_text(PROSE + "\n" + TABLE, project_registry)]
    assert first == again
    assert len(first) >= 10


def test_compare_names_development_items_and_only_counts_held_out(tmp_path, capsys):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    base = {"real-dev-A:r01": ["x", "y"], "real-holdout:0123456789ab": ["p", "q"], "bench:unit": ["u", "v"]}
    a.write_text(json.dumps(base))
    b.write_text(json.dumps(base))
    assert same_drafts.compare(a, b) == 0
    assert "3 of 3 items identical" in capsys.readouterr().out
    b.write_text(json.dumps({**base, "real-dev-A:r01": ["x", "z"], "real-holdout:0123456789ab": ["p", "r"]}))
    assert same_drafts.compare(a, b) == 1
    out = capsys.readouterr().out
    assert "1 of 3 items identical" in out
    assert "differs: real-dev-A:r01" in out
    assert "0123456789ab" not in out and "1 held-out items differ" in out


def test_compare_counts_a_missing_item(tmp_path, capsys):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps({"seeds:s1": ["x", "y"], "bench:unit": ["u", "v"]}))
    b.write_text(json.dumps({"bench:unit": ["u", "v"]}))
    assert same_drafts.compare(a, b) == 1
    assert "differs: seeds:s1" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [[], ["record"], ["compare", "a.json"]])
def test_usage(argv, capsys):
    assert same_drafts.main(argv) == 2
    assert "record" in capsys.readouterr().out


def test_numbers_per_place_counts_prose_and_rows_and_restores_the_linker(project_registry):
    """The profiler's count of numbers a sentence and a row hold (the most per-sentence sharing can
    save), and the linker left as it was."""
    import kb.extract.linking as linking
    from kb.tools.profile_extract import numbers_per_place

    orig = linking._link_one
    got = numbers_per_place(PROSE + "\n" + TABLE, project_registry)
    assert linking._link_one is orig
    assert got["table"] == 6 and got["rows"] == 3
    assert got["prose"] == 6 and got["sentences"] == 2   # three numbers in each of two sentences (the first holds none)


def test_regex_calls_are_counted_by_line():
    """Counted in pure Python (a process of its own with KB_PURE=1: the compiled build, which `make
    test` runs after `make accel`, makes calls no hook sees, and the counter refuses it)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    code = ("import json, sys; from kb.tools.profile_extract import regex_calls; "
            "from kb.extract.linking import load_registry; from pathlib import Path; "
            "calls = regex_calls(sys.argv[1], load_registry(Path.cwd())); "
            "print(json.dumps([sum(calls.values()), sorted({fn for _, fn, _, _ in calls})]))")
    env = dict(os.environ, KB_PURE="1")
    out = subprocess.run([sys.executable, "-c", code, OTHER], cwd=root, env=env, capture_output=True, text=True,
                         check=True)
    total, functions = json.loads(out.stdout.strip().splitlines()[-1])
    assert total > 20
    assert "parse_at" in functions


def test_regex_calls_refuse_the_compiled_build(monkeypatch, project_registry):
    """Under the compiled build the hook would count nothing and say nothing: it says why instead."""
    import kb.accel
    from kb.tools import profile_extract

    monkeypatch.setattr(kb.accel, "is_compiled", lambda module: True)
    with pytest.raises(RuntimeError, match="KB_PURE=1"):
        profile_extract.regex_calls(OTHER, project_registry)
