"""The entity guesses of the current extractor on the development articles, by the way each
was made: ``python -m kb.tools.entity_tags [--top N] [--before-tuning]``.

For each half of ``real.yaml``'s ``dev:`` list (dev-A, the odd positions, which rules are
tuned on; dev-B, the even ones, the deciding figure) it counts, per evidence tag of
``Draft.evidence['entity']`` ("table-row|sure|kind", "new|table", ...), the matched mentions
whose curated claim names an entity and the share guessed right (scored as
:mod:`kb.extract.evaluate` scores entity). ``--before-tuning`` prints the same table pooled
over ``tests/extract_corpus/before_tuning.json`` (the guesses at the commit each article
joined), to compare with. Only aggregate counts are printed.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import yaml

from kb.extract import evaluate as ev
from kb.extract.linking import load_registry


def tag_counts(root: Path, ids: list[str], reg) -> dict:
    """{tag: [guesses, right]} over the matched mentions of the articles ``ids``."""
    counts: dict = defaultdict(lambda: [0, 0])
    for sid in ids:
        txt, cf = root / "datasets" / "sources" / f"{sid}.txt", root / "claims" / f"{sid}.yaml"
        if not (txt.is_file() and cf.is_file()):
            continue
        text = txt.read_text(encoding="utf-8")
        gold, ignored = ev.claims_gold(text, yaml.safe_load(cf.read_text(encoding="utf-8")), sid)
        s, _ = ev.score(gold, ev.our_predictions(text, reg), ignored)
        for tag, ok in s.tags["entity"]:
            counts[tag][0] += 1
            counts[tag][1] += bool(ok)
    return counts


def render(name: str, counts: dict, top: int) -> str:
    n = sum(v[0] for v in counts.values())
    ok = sum(v[1] for v in counts.values())
    lines = [f"{name}: {ok}/{n} right ({ok / n:.3f})" if n else f"{name}: no guesses"]
    for tag, (k, r) in sorted(counts.items(), key=lambda kv: (kv[1][1] - kv[1][0], kv[0]))[:top]:
        lines.append(f"  {tag:30} {k:5} guesses  {r / k:5.2f} right  {k - r:4} wrong")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=Path.cwd())
    ap.add_argument("--top", type=int, default=20, help="the tags with the most wrong guesses first")
    ap.add_argument("--before-tuning", action="store_true")
    args = ap.parse_args(argv)
    root = args.root
    dev = (yaml.safe_load((root / "tests" / "extract_corpus" / "real.yaml").read_text(encoding="utf-8")) or {}).get("dev") or []
    reg = load_registry(root)
    for name, ids in (("dev-A", dev[0::2]), ("dev-B", dev[1::2])):
        print(render(name, tag_counts(root, [str(x) for x in ids], reg), args.top))
    if args.before_tuning:
        pooled: dict = defaultdict(lambda: [0, 0])
        for arts in ev.load_before_tuning(root).values():
            for tag, ok in arts.get("entity") or []:
                pooled[tag][0] += 1
                pooled[tag][1] += bool(ok)
        print(render("before tuning (pooled)", pooled, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
