"""The extractor's guesses on real articles before anyone tuned it on them:
``python -m kb.tools.before_tuning`` (``make before-tuning``).

Every development article joined the corpus the same way: curated by hand, committed, and
measured with the code of that commit *before* any change was made for it. That first
measurement is the only honest sample of how the extractor guesses on writing it has never
seen: afterwards the article is part of what the rules were tuned on, and its drafts are
right more often than a new article's will be (the held-out articles show it).

``tests/extract_corpus/real.yaml`` lists, under ``before_tuning:``, each such article with
the commit its claims first came in. For each, this tool checks that commit out into a
temporary git worktree, runs *that commit's* extractor on the article, scores its drafts
against *today's* curated claims (the same matching as ``kb.extract.evaluate``) and keeps
the guesses: per field (value, entity, property) the way each guess was made (its evidence
tag) and whether it was right. They go to ``tests/extract_corpus/before_tuning.json``, from
which ``python -m kb.extract.evaluate --fit-calibration`` fits the shift of the confidences
to unseen writing (see :func:`kb.extract.evaluate.fit_unseen_shift`).

It needs the git history (a full clone) and is run by hand when an article joins; the
result is committed, so the calibration can be refitted without the history.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from kb.extract.evaluate import BEFORE_TUNING

OUTPUT = BEFORE_TUNING

# Run inside the old commit's worktree (its kb on the path): score that code's drafts of one
# text against a claims file given by path. Only names that have not changed since the first
# listed commit are used.
_DRIVER = """
import json, sys, yaml
from pathlib import Path
from kb.extract import evaluate as E
from kb.extract.linking import load_registry
sid, claims, text_path = sys.argv[1:4]
text = Path(text_path).read_text(encoding="utf-8")
doc = yaml.safe_load(Path(claims).read_text(encoding="utf-8")) or {}
gold, ignored = E.claims_gold(text, doc, sid)
s, _ = E.score(gold, E.our_predictions(text, load_registry(Path("."))), ignored)
print(json.dumps({f: [[t, bool(ok)] for t, ok in s.tags[f]] for f in ("value", "entity", "property")}))
"""


def listed(root: Path) -> dict[str, str]:
    """{source id: commit} of ``before_tuning:`` in real.yaml."""
    path = root / "tests" / "extract_corpus" / "real.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    spec = doc.get("before_tuning") or {}
    if not isinstance(spec, dict):
        raise SystemExit(f"{path}: before_tuning must map source ids to commits")
    return {str(k): str(v) for k, v in spec.items()}


def collect(root: Path, python: str = sys.executable, only=None, out=sys.stderr) -> dict:
    """{source id: {"commit": c, "value"|"entity"|"property": [[tag, right], ...]}} of the listed
    articles (``only``: of these ids)."""
    root = Path(root).resolve()
    result: dict = {}
    with tempfile.TemporaryDirectory(prefix="kb-before-tuning-") as tmp:
        trees: dict[str, Path] = {}
        try:
            for sid, commit in sorted(listed(root).items()):
                if only is not None and sid not in only:
                    continue
                claims = root / "claims" / f"{sid}.yaml"
                text = root / "datasets" / "sources" / f"{sid}.txt"
                if not (claims.is_file() and text.is_file()):
                    print(f"{sid}: not in the knowledge base, skipped", file=out)
                    continue
                tree = trees.get(commit)
                if tree is None:
                    tree = Path(tmp) / commit
                    add = subprocess.run(["git", "-C", str(root), "worktree", "add", "--quiet", "--detach", str(tree),
                                          commit], capture_output=True, text=True)
                    if add.returncode:
                        print(f"{sid}: commit {commit} cannot be checked out here (a full git clone is needed): "
                              f"{add.stderr.strip().splitlines()[-1] if add.stderr.strip() else 'git failed'}; skipped",
                              file=out)
                        continue
                    trees[commit] = tree
                env = dict(os.environ, PYTHONPATH=str(tree), PYTHONHASHSEED="0")
                run = subprocess.run([python, "-c", _DRIVER, sid, str(claims), str(text)], cwd=tree, env=env,
                                     capture_output=True, text=True)
                if run.returncode:
                    print(f"{sid}: the extractor of {commit} failed:\n{run.stderr[-2000:]}", file=out)
                    continue
                guesses = json.loads(run.stdout.strip().splitlines()[-1])
                result[sid] = {"commit": commit, **guesses}
                print(f"{sid} @ {commit}: " + ", ".join(
                    f"{f} {sum(ok for _, ok in guesses[f])}/{len(guesses[f])}" for f in ("value", "entity", "property")),
                    file=out)
        finally:
            for tree in trees.values():
                subprocess.run(["git", "-C", str(root), "worktree", "remove", "--force", str(tree)],
                               capture_output=True)
    return result


def write(root: Path, result: dict) -> Path:
    """One line per article, so that a new article is a one-line change."""
    path = Path(root) / OUTPUT
    lines = ["{"]
    items = sorted(result.items())
    for i, (sid, row) in enumerate(items):
        lines.append(f" {json.dumps(sid)}: {json.dumps(row, sort_keys=True)}{',' if i < len(items) - 1 else ''}")
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kb.tools.before_tuning", description=__doc__.split("\n")[0])
    ap.add_argument("--root", type=Path, default=Path("."), help="project root (a git clone with its history)")
    args = ap.parse_args(argv)
    result = collect(args.root)
    if not result:
        print("no article measured: nothing written", file=sys.stderr)
        return 1
    print(f"wrote {write(args.root, result)} ({len(result)} articles)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
