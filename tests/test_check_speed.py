"""``kb check``'s shortcuts (``make bench`` [1]) give what the plain ways gave.

Each shortcut is compared with the plain way it replaced, written out again below, on
made-up and random inputs; its memory is shown never to answer for a changed input.
"""
from __future__ import annotations

import random
from pathlib import Path

from kb.core.records import KnowledgeBase
from kb.rules.compare import Comparer

ROOT = Path(__file__).resolve().parents[1]


def _comparer(defaults: dict[str, str]) -> Comparer:
    from kb.core.records import ConditionKey

    conds = {k: ConditionKey(id=k, description="", default=v) for k, v in defaults.items()}
    kb = KnowledgeBase(root=ROOT, sources={}, entities={}, properties={}, conditions=conds, claims=(),
                       references=(), citations={}, unrecorded={}, files=(), load_findings=(),
                       claims_by_id={}, references_by_id={})
    return Comparer(kb)


def _plain_effective(defaults: dict, conditions: dict) -> tuple:
    d = dict(defaults)
    d.update(conditions)
    return tuple(sorted(d.items()))


def test_effective_conditions_are_remembered_per_mapping_and_never_stale():
    rng = random.Random(7)
    keys, values = ["batch", "precision", "period", "sparsity", "region"], ["1", "fp8", "2024", "dense", "eu", "us"]
    defaults = {"precision": "fp16", "sparsity": "dense"}
    cmp = _comparer(defaults)
    shared = [{k: rng.choice(values) for k in rng.sample(keys, rng.randint(0, 4))} for _ in range(30)]
    for _ in range(500):
        c = rng.choice(shared)
        assert cmp.effective(c) == _plain_effective(defaults, c)
    # a mapping changed after it was seen, and a new mapping equal to a seen one
    c = shared[0]
    before = cmp.effective(c)
    c["region"] = "mars"
    assert cmp.effective(c) == _plain_effective(defaults, c) != before
    assert cmp.effective(dict(shared[1])) == cmp.effective(shared[1])
    # another knowledge base's defaults are not this one's
    assert _comparer({}).effective(shared[1]) == _plain_effective({}, shared[1])


# --- the JSON report: the same text as json.dumps(indent=2) -----------------------------------

def _random_value(rng: random.Random, depth: int = 0):
    import datetime
    import enum

    class Level(enum.IntEnum):
        LOW = 1

    class Name(str):
        pass

    texts = ["", "plain", "ünïcödé €", 'quote " and \\ backslash', "new\nline\ttab\x00\x1f", "\u2028sep", "𝔘nicode"]
    scalars = [None, True, False, 0, -7, 2**70, 0.0, -0.0, 1.5, 1e16, 1e-7, 123456.789, Level.LOW, Name("sub"),
               datetime.date(2025, 1, 2), *texts]
    roll = rng.random()
    if depth > 4 or roll < 0.5:
        return rng.choice(scalars)
    n = rng.randint(0, 5)
    if roll < 0.75:
        keys = [rng.choice(["id", "value", "ünï", "a\nb", 3, 2.5, True, None, Name("k")]) for _ in range(n)]
        return {k: _random_value(rng, depth + 1) for k in keys}
    items = [_random_value(rng, depth + 1) for _ in range(n)]
    return tuple(items) if rng.random() < 0.3 else items


def test_json_report_text_is_json_dumps_indent_2_on_random_values():
    import json

    from kb.rules.report import json_indented

    rng = random.Random(11)
    for _ in range(2000):
        v = _random_value(rng)
        assert json_indented(v) == json.dumps(v, indent=2, ensure_ascii=False, allow_nan=False, default=str)


def test_json_report_refuses_what_json_dumps_refuses():
    import pytest

    from kb.rules.report import json_indented

    for bad in ({"x": float("nan")}, [1.0, float("inf")], {"k": [float("-inf")]}, {float("nan"): 1}):
        with pytest.raises(ValueError):
            json_indented(bad)
    loop: list = [1]
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular"):
        json_indented({"a": loop})
    with pytest.raises(TypeError):
        json_indented({(1, 2): "tuple key"})


def test_json_report_of_the_real_knowledge_base_is_json_dumps():
    import json

    from kb.rules.check import check

    d = check(ROOT).as_dict()
    from kb.rules.report import json_indented

    assert json_indented(d) == json.dumps(d, indent=2, ensure_ascii=False, allow_nan=False, default=str)


# --- the numbers of quotes, kept on disk ------------------------------------------------------

QUOTES = ["It costs $2.50 per hour.", "about 1,200 GPUs and twice the memory", "three-quarters of a million tokens",
          "a 405B model trained on 15.6T tokens", "1.34e-05 USD per token", "10^6 users", "one and a half days",
          "nothing numeric here", "", "52 percent", "700W TDP, up to 1.5x faster", "¼ of the 8×H100 node"]


def test_quote_numbers_are_the_grammars_computed_and_read_back(tmp_path, monkeypatch):
    from kb.core import grammar, quotenumbers

    rng = random.Random(5)
    pieces = QUOTES + [" ", "$", "1", "2.5", "K", "M", " million", " per ", "hour", ",", "half", "%"]
    texts = QUOTES + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(300)]
    first = quotenumbers._Answers(folder=tmp_path)
    monkeypatch.setattr(quotenumbers, "_answers", lambda: first)
    for t in texts:
        assert quotenumbers.plain_numbers_in(t) == grammar.plain_numbers_in(t)
        assert quotenumbers.quantities_in(t) == grammar.quantities_in(t)
    first.save()
    again = quotenumbers._Answers(folder=tmp_path)
    assert again.path == first.path and again.data
    monkeypatch.setattr(quotenumbers, "_answers", lambda: again)
    monkeypatch.setattr(grammar, "quantities_in", None)  # every answer from the file, none computed
    monkeypatch.setattr(grammar, "plain_numbers_in", None)
    for t in texts:
        got_plain, got_q = quotenumbers.plain_numbers_in(t), quotenumbers.quantities_in(t)
        monkeypatch.undo()
        want_plain, want_q = grammar.plain_numbers_in(t), grammar.quantities_in(t)
        assert [(type(x), x) for x in got_plain] == [(type(x), x) for x in want_plain]
        assert [(type(v), v, u) for v, u in got_q] == [(type(v), v, u) for v, u in want_q]
        monkeypatch.setattr(quotenumbers, "_answers", lambda: again)
        monkeypatch.setattr(grammar, "quantities_in", None)
        monkeypatch.setattr(grammar, "plain_numbers_in", None)


def test_quote_numbers_of_an_edited_quote_or_grammar_are_never_stale(tmp_path, monkeypatch):
    import shutil

    from kb.core import grammar, quotenumbers

    cache = quotenumbers._Answers(folder=tmp_path)
    monkeypatch.setattr(quotenumbers, "_answers", lambda: cache)
    assert quotenumbers.quantities_in("it costs $3 per hour") == grammar.quantities_in("it costs $3 per hour")
    edited = "it costs $4 per hour"
    assert quotenumbers.quantities_in(edited) == grammar.quantities_in(edited) != grammar.quantities_in("it costs $3 per hour")
    # a change to any of the sources makes another file (the old answers are not read)
    src = tmp_path / "src"
    src.mkdir()
    here = Path(quotenumbers.__file__).parent
    for name in quotenumbers.SOURCES:
        shutil.copy(here / name, src / name)
    base = quotenumbers._Answers(folder=tmp_path, here=src).path
    assert base == cache.path
    for name in quotenumbers.SOURCES:
        original = (src / name).read_bytes()
        (src / name).write_bytes(original + b"\n")
        assert quotenumbers._Answers(folder=tmp_path, here=src).path != base, name
        (src / name).write_bytes(original)


def test_check_reads_quotes_without_the_grammar_and_files_without_yaml_once_cached(tmp_path):
    import subprocess
    import sys

    env = {"KB_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1"}
    code = ("import sys, hashlib, kb.rules.check; r = kb.rules.check.check(); "
            "print(hashlib.sha256(r.render('json').encode()).hexdigest(), len(r.findings)); "
            "print('kb.core.grammar' in sys.modules, 'yaml' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env, check=True)
            for _ in range(2)]
    (f1, imported1), (f2, imported2) = (r.stdout.splitlines() for r in runs)
    assert imported1.split()[0] == "True" and imported2.split()[0] == "False", [r.stderr for r in runs]
    assert f1 == f2 and int(f1.split()[1]) > 0
    # with every file in the parse cache, PyYAML is not imported either; without the cache
    # the same report
    from kb.store.load import parse_cache_dir

    if parse_cache_dir(ROOT) is not None:
        assert imported2.split()[1] == "False"
    plain = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                           env={**env, "KB_NO_PARSE_CACHE": "1"})
    assert plain.stdout.splitlines()[0] == f1 and plain.stdout.split()[-1] == "True"


def test_check_and_render_leave_the_garbage_collector_as_they_found_it():
    import gc

    from kb.rules.check import check

    assert gc.isenabled()
    rep = check(ROOT)
    assert gc.isenabled()
    text = rep.render("json")
    assert gc.isenabled()
    gc.disable()
    try:
        again = check(ROOT)
        assert not gc.isenabled()  # a caller that paused it keeps it paused
        assert again.render("json") == text and not gc.isenabled()
    finally:
        gc.enable()


def test_quote_numbers_file_stops_growing_at_its_limit(tmp_path, monkeypatch):
    from kb.core import grammar, quotenumbers

    cache = quotenumbers._Answers(folder=tmp_path)
    monkeypatch.setattr(quotenumbers, "_answers", lambda: cache)
    monkeypatch.setattr(quotenumbers, "MAX_ENTRIES", 3)
    texts = [f"{i} GPUs at ${i}.50 per hour" for i in range(6)]
    for t in texts:
        assert quotenumbers.quantities_in(t) == grammar.quantities_in(t)
    assert list(cache.data["quantities"]) == texts[:3]
    for t in texts:  # beyond the limit: still right, computed each time
        assert quotenumbers.quantities_in(t) == grammar.quantities_in(t)


# --- check79's shortcuts -------------------------------------------------------------------------

def _plain_compatible(defaults: dict, a: dict, b: dict) -> bool:
    for k in a.keys() | b.keys() if defaults else a.keys() & b.keys():
        va, vb = a.get(k, defaults.get(k)), b.get(k, defaults.get(k))
        if va is not None and vb is not None and va != vb:
            return False
    return True


def test_compatible_conditions_are_the_plain_rule_on_random_mappings():
    rng = random.Random(79)
    keys = ["sparsity", "tier", "period", "precision", "region"]
    values = [None, "dense", "sparse", "standard", "2024", "fp8", "eu"]
    for defaults in ({"sparsity": "dense", "tier": "standard"}, {}, {"period": "2024", "region": "eu", "tier": "x"}):
        cmp = _comparer(defaults)
        for _ in range(4000):
            a = {k: rng.choice(values) for k in rng.sample(keys, rng.randint(0, 5))}
            b = {k: rng.choice(values) for k in rng.sample(keys, rng.randint(0, 5))}
            assert cmp.compatible(a, b) == _plain_compatible(defaults, a, b), (defaults, a, b)
    # a key one side leaves out stands for its default ("sparse" differs from the default "dense")
    cmp = _comparer({"sparsity": "dense"})
    assert not cmp.compatible({"sparsity": "sparse"}, {}) and not cmp.compatible({}, {"sparsity": "sparse"})
    assert cmp.compatible({"sparsity": "dense"}, {}) and cmp.compatible({"period": "2024"}, {"period": None})


def test_related_entities_are_remembered_and_each_caller_gets_its_own_list():
    from kb.core.records import Entity

    ents = {
        "h100": Entity("h100", "H100", "gpu", "e.yaml", 1, variants=("h100-sxm", "h100-pcie")),
        "h100-sxm": Entity("h100-sxm", "H100 SXM", "gpu", "e.yaml", 2, family="h100"),
        "h100-pcie": Entity("h100-pcie", "H100 PCIe", "gpu", "e.yaml", 3, family="h100"),
        "gpus": Entity("gpus", "GPUs", "class", "e.yaml", 4, class_of="gpu"),
    }
    kb = KnowledgeBase(root=ROOT, sources={}, entities=ents, properties={}, conditions={}, claims=(),
                       references=(), citations={}, unrecorded={}, files=(), load_findings=(),
                       claims_by_id={}, references_by_id={})
    cmp = Comparer(kb)
    assert cmp.related_entities("h100-sxm") == ["h100-sxm", "h100"]
    assert cmp.related_entities("h100") == ["h100", "h100-sxm", "h100-pcie"]
    assert cmp.related_entities("gpus") == ["gpus", "h100", "h100-pcie", "h100-sxm"]
    assert cmp.related_entities("nothing") == [] and cmp.related_entities(None) == []
    mine = cmp.related_entities("h100")
    mine.append("changed by a caller")
    assert cmp.related_entities("h100") == ["h100", "h100-sxm", "h100-pcie"]


def test_a_formula_is_parsed_once_per_text_and_a_bad_one_refused_each_time():
    import ast

    from kb.core.formula import FormulaError, parse

    a = parse("(a - b) / b")
    assert parse("(a - b) / b") is a and a.operations == 2 and a.names == ("a", "b")
    assert parse("n * [700 W]").operations == 1 and parse("x").operations == 0
    for _ in range(2):  # each time the error of the text, with its column (never a remembered one)
        try:
            parse("a ** b")
        except FormulaError as exc:
            assert "**" in str(exc) and exc.column == 1
        else:
            raise AssertionError("a ** b parsed")
    for bad in (None, 3, ["a"]):  # what is not a text: the grammar's error, never a TypeError
        try:
            parse(bad)
        except FormulaError as exc:
            assert "empty" in str(exc)
        else:
            raise AssertionError(f"{bad!r} parsed")
    # a formula made by hand (not by parse) counts its own tree
    from kb.core.formula import Formula

    tree = ast.parse("a * b * c", mode="eval")
    assert Formula("a * b * c", ("a", "b", "c"), (), tree).operations == 2


def test_python_m_kb_leaves_the_collector_out_of_its_exit_and_keeps_the_exit_code(tmp_path):
    """``python -m kb`` runs main() then freezes what is alive (no last collection at exit): the
    output, the exit code and the atexit handlers are those of main() alone."""
    import subprocess
    import sys

    probe = ("import atexit, gc, sys\n"
             "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0, file=sys.stderr))\n"
             "sys.argv = ['kb', *sys.argv[1:]]\n"
             "from kb.cli import run\nrun()\n")
    script = tmp_path / "probe.py"
    script.write_text(probe, encoding="utf-8")
    import os

    broken = ROOT / "tests" / "fixtures" / "broken"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # this checkout's kb, as python -m kb in ROOT finds it
    got = subprocess.run([sys.executable, str(script), "check", "--root", str(broken), "--format", "json"],
                         cwd=ROOT, capture_output=True, text=True, env=env)
    plain = subprocess.run([sys.executable, "-m", "kb", "check", "--root", str(broken), "--format", "json"],
                           cwd=ROOT, capture_output=True, text=True)
    assert got.returncode == plain.returncode == 1
    assert got.stdout == plain.stdout and '"ok": false' in got.stdout
    assert got.stderr.strip().endswith("frozen True")
    usage = subprocess.run([sys.executable, str(script), "check", "--no-such-option"], cwd=ROOT,
                           capture_output=True, text=True, env=env)
    assert usage.returncode == 2 and "no such option" in usage.stderr.lower()


def test_written_forms_are_remembered_per_type_and_value_never_for_another():
    from kb.rules.integrity import _forms_of, _written_forms

    rng = random.Random(5)
    values = [1, 1.0, 0, 0.0, -0.0, 1000, 1000.0, 2.5, -7, 1e-5, 12345.678, 10 ** 16]
    values += [rng.choice([rng.randint(-5000, 5000), round(rng.uniform(-2000, 2000), rng.randint(0, 4))])
               for _ in range(2000)]
    for x in values + values:  # the second time from memory
        assert sorted(_written_forms(x)) == sorted(_forms_of(x)), x
    assert "1.0" in _written_forms(1.0) and "1.0" not in _written_forms(1)  # 1 and 1.0 are one key of a dict
    assert "-0" in _written_forms(-0.0) and "-0" not in _written_forms(0.0)


def test_derived_values_are_made_as_the_generated_init_made_them():
    import dataclasses
    import pickle

    from kb.core.derive import Derived
    from kb.errors import DeriveError

    a = Derived(1, 2, "W", ("b", "a", "a"), "x")
    assert (a.low, a.high, a.unit, a.inputs, a.formula, a.prec) == (1.0, 2.0, "W", ("a", "b"), "x", 3)
    assert type(a.low) is float and a.size is not None and list(vars(a)) == [f.name for f in dataclasses.fields(a)]
    assert a == Derived(1.0, 2.0, "W", ("a", "b"), "x") and hash(a) == hash(Derived(1.0, 2.0, "W", ("a", "b"), "x"))
    assert dataclasses.replace(a, low=0.5).low == 0.5 and pickle.loads(pickle.dumps(a)) == a
    assert Derived(low=3, high=4, unit="hour", prec=2).prec == 2
    for args, words in (((2, 1, "W"), "value: low 2.0 is above high 1.0"), ((float("nan"), 1, "W", (), "f"), "f: not a number"),
                        ((float("inf"), float("inf"), "W"), "cannot start at +∞"), ((1, 2, "no such unit"), "unknown unit")):
        try:
            Derived(*args)
        except DeriveError as exc:
            assert words in str(exc), (args, exc)
        else:
            raise AssertionError(args)
    try:
        a.low = 3
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("a Derived value changed")
