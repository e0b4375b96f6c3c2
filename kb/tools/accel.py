"""Build the optional compiled extraction modules: ``python -m kb.tools.accel build`` (``make accel``).

Each of :data:`kb.accel.MODULES` is compiled unchanged with Cython (``binding=True``: its
functions introspect like Python's; ``annotation_typing=False``: annotations are not read as C
types, so a value is never coerced or refused by its annotation) and the C compiler Python was
built with (``-O2``), into ``build/accel/<module>.<key><suffix>``, the key the sha256 of its
source and of the build's configuration (the directives, the C flags, the Python and Cython
versions: kb.accel.build_config). The source is read once: the key is that of exactly the bytes
compiled. Builds of earlier sources of the
same module are removed. A module whose compile fails is left to its ``.py`` (exit status 1,
nothing else changes); ``status`` prints which mode ``kb`` runs in; ``compare`` checks that the
drafts of every development article, seed and the bench text, and the relations discovery
proposes over them, are the same compiled and pure
(run it after ``make accel`` once the modules changed: a construct Cython reads otherwise would
show there).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

from kb import accel

#: Cython's directives (the modules' Python semantics kept: see the module's docstring) and the C
#: flags: kb.accel's, which the build's key covers with the Python and Cython versions
DIRECTIVES = accel.DIRECTIVES
CFLAGS = list(accel.CFLAGS)


def _compiler() -> list[str] | None:
    cc = sysconfig.get_config_var("CC") or "cc"
    cmd = cc.split()
    if not shutil.which(cmd[0]):
        return None
    link = ["-bundle", "-undefined", "dynamic_lookup"] if sys.platform == "darwin" else ["-shared"]
    return cmd + CFLAGS + link + ["-I", sysconfig.get_paths()["include"]]


def _start(name: str, work: Path, cc: list[str]):
    """Write the source into ``work`` (its packages' folders with it, so that Cython names the
    module fully) and start its compile; (process, source key, compiled file in work)."""
    src = Path(accel.source_path(name)).read_bytes()
    key = accel.source_key(src)
    rel = Path(*name.split(".")).with_suffix(".py")
    for i in range(1, len(rel.parts)):
        pkg = work.joinpath(*rel.parts[:i])
        pkg.mkdir(exist_ok=True)
        (pkg / "__init__.py").touch()
    (work / rel).write_bytes(src)
    c_file, so = rel.with_suffix(".c"), work / (name + accel.SUFFIX)
    script = (shlex.join([sys.executable, "-m", "cython", "-3", "--directive", DIRECTIVES, "--module-name", name,
                          "-o", str(c_file), str(rel)])
              + " && " + shlex.join([*cc, str(c_file), "-o", so.name]))
    proc = subprocess.Popen(["/bin/sh", "-c", script], cwd=work, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    return proc, key, so


def build(quiet: bool = False) -> int:
    """Compile every module that has no build of its current source; 0 when all have one."""
    try:
        import Cython  # noqa: F401  (only to say plainly that it is missing)
    except ImportError:
        print("kb accel: Cython is not installed (pip install -e '.[test]'): kb runs as pure Python")
        return 1
    cc = _compiler()
    if cc is None:
        print("kb accel: no C compiler found: kb runs as pure Python")
        return 1
    os.makedirs(accel.BUILD_DIR, exist_ok=True)
    todo = [n for n in accel.MODULES if accel.compiled_path(n) is None]
    if not todo:
        if not quiet:
            print(f"kb accel: up to date ({accel.BUILD_DIR})")
        return 0
    failed = 0
    with tempfile.TemporaryDirectory(dir=accel.BUILD_DIR, prefix="work-") as tmp:
        t0 = time.perf_counter()
        jobs = []
        for name in todo:
            work = Path(tmp) / name
            work.mkdir()
            jobs.append((name, *_start(name, work, cc)))
        for name, proc, key, so in jobs:
            out, _ = proc.communicate()
            target = accel.build_path(name, key)
            if proc.returncode != 0 or not so.is_file():
                failed += 1
                print(f"kb accel: {name} did not compile; it runs as pure Python\n{out[-2000:]}")
                continue
            os.replace(so, target)  # whole, or not at all
            for old in Path(accel.BUILD_DIR).glob(f"{name}.*{accel.SUFFIX}"):
                if str(old) != target:
                    old.unlink(missing_ok=True)  # (another build may have removed it)
            if not quiet:
                print(f"kb accel: {name} compiled ({time.perf_counter() - t0:.0f} s)")
    return 1 if failed else 0


_DIGESTS = """
import dataclasses, hashlib, json, sys
from pathlib import Path
import kb.accel
from kb.extract.arith import propose
from kb.extract.drafts import draft_record, extract_text
from kb.extract.linking import load_registry
from kb.tools.bench import vet_article_text
root = Path(sys.argv[1])
reg = load_registry(root)
texts = {p.stem: p.read_text(encoding="utf-8") for p in map(Path, sys.argv[2:])}
texts["(the bench text)"] = vet_article_text(root, chars=10**9)
out = {"mode": kb.accel.describe(), "drafts": {}}
for name, text in texts.items():
    drafts = extract_text(text, reg)
    ser = json.dumps([dataclasses.asdict(d) for d in drafts], sort_keys=True, default=str)
    # the relations discovery proposes over those drafts (named as kb extract names them)
    found = propose(text, [draft_record(d, "t") for d in drafts])
    ser += json.dumps([dataclasses.asdict(p) for p in found], sort_keys=True, default=str)
    out["drafts"][name] = hashlib.sha256(ser.encode()).hexdigest()
print(json.dumps(out))
"""


def compare(root: Path) -> int:
    """Drafts of the development articles, the seeds and the bench text (and the relations
    discovery proposes over them), compiled and pure
    (two processes): 0 when every one is the same, 1 (naming the texts) when not, 2 when there
    is no compiled build of the current sources to compare."""
    import yaml

    if accel.disabled() or not all(accel.compiled_path(n) for n in accel.MODULES):
        print("kb accel compare: no compiled build of the current sources (make accel)")
        return 2
    spec = yaml.safe_load((root / "tests" / "extract_corpus" / "real.yaml").read_text(encoding="utf-8")) or {}
    ids = list(spec.get("dev") or []) + list(spec.get("seeds") or [])  # (never the held-out list)
    paths = [str(p) for p in (root / "datasets" / "sources" / f"{i}.txt" for i in ids) if p.is_file()]
    runs = {}
    for mode in ("compiled", "pure"):
        env = {k: v for k, v in os.environ.items() if k != "KB_PURE"}
        env["PYTHONPATH"] = os.pathsep.join([accel.ROOT, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
        if mode == "pure":
            env["KB_PURE"] = "1"
        r = subprocess.run([sys.executable, "-c", _DIGESTS, str(root), *paths], env=env, cwd=accel.ROOT,
                           capture_output=True, text=True)
        if r.returncode != 0:
            print(f"kb accel compare: the {mode} run failed\n{r.stderr[-3000:]}")
            return 1
        runs[mode] = json.loads(r.stdout)
    fast, pure = runs["compiled"], runs["pure"]
    if not fast["mode"].startswith("compiled: ") or pure["mode"] != "pure Python (KB_PURE is set)":
        print(f"kb accel compare: the runs were not in their modes ({fast['mode']}; {pure['mode']})")
        return 1
    differ = [name for name in pure["drafts"] if fast["drafts"].get(name) != pure["drafts"][name]]
    print(f"kb accel compare: {len(pure['drafts']) - len(differ)} of {len(pure['drafts'])} texts give the same "
          f"drafts and relations compiled and pure" + (f"; differ: {', '.join(differ)}" if differ else ""))
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kb.tools.accel", description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=["build", "status", "compare"])
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    if args.command == "build":
        return build(args.quiet)
    if args.command == "compare":
        from kb.store.load import find_root

        return compare(Path(find_root()).resolve())
    print(f"kb extraction modules: {accel.describe()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
