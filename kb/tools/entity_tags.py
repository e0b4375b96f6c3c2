"""The entity guesses of the current extractor on the development articles, by the way each
was made: ``python -m kb.tools.entity_tags [--top N] [--before-tuning]``.

For each half of ``real.yaml``'s ``dev:`` list (dev-A, the odd positions, which rules are
tuned on; dev-B, the even ones, the deciding figure) it counts, per evidence tag of
``Draft.evidence['entity']`` ("table-row|sure|kind", "new|table", ...), the matched mentions
whose curated claim names an entity and the share guessed right (scored as
:mod:`kb.extract.evaluate` scores entity). ``--before-tuning`` prints the same table pooled
over ``tests/extract_corpus/before_tuning.json`` (the guesses at the commit each article
joined), to compare with. ``--kinds SET`` (dev-A, dev-B or holdout) counts the wrong entity
guesses of one set by where the number stands (a table or prose), the registry kind of the
curated entity ("article-only" for a thing of the article's own) and the error (a new entity
proposed for a registry one, a wrong registry id, a registry id for an article's own thing), each
against the matched mentions of its class: the profile to aim work at. ``--classes`` counts, on dev-A only (the half rules are tuned on),
the wrong guesses of the prose ways ("previous", "after", "before", "subject"; or the ways
given) by where the curated entity is: a thing of the article's own (a "new" guess would
have been right), or a registry thing named in the number's sentence (as the name it opens
with or a later one), in the sentence before or the one before that, earlier in the
paragraph, within 3,000 characters before, elsewhere in the article, or nowhere. Only
aggregate counts are printed.
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

from kb.extract import evaluate as ev
from kb.extract.drafts import mask, sentence_starts
from kb.extract.linking import index_for, load_registry

PROSE_WAYS = ("previous", "after", "before", "subject")


def _articles(root: Path, ids: list[str]):
    """(text, gold mentions, ignored spans) of each article of ``ids`` the knowledge base holds."""
    for sid in ids:
        txt, cf = root / "datasets" / "sources" / f"{sid}.txt", root / "claims" / f"{sid}.yaml"
        if txt.is_file() and cf.is_file():
            text = txt.read_text(encoding="utf-8")
            yield (text, *ev.claims_gold(text, yaml.safe_load(cf.read_text(encoding="utf-8")), sid))


def tag_counts(root: Path, ids: list[str], reg) -> dict:
    """{tag: [guesses, right]} over the matched mentions of the articles ``ids``."""
    counts: dict = defaultdict(lambda: [0, 0])
    for text, gold, ignored in _articles(root, ids):
        s, _ = ev.score(gold, ev.our_predictions(text, reg), ignored)
        for tag, ok in s.tags["entity"]:
            counts[tag][0] += 1
            counts[tag][1] += bool(ok)
    return counts


def _where(g, view: str, starts: list, paras: list, hits: list) -> str:
    """Where the curated registry entity of the gold mention ``g`` is named, near it first."""
    si = bisect.bisect_right(starts, g.start) - 1
    lo, hi = starts[si], starts[si + 1] if si + 1 < len(starts) else len(view)
    named = [h for h in hits if lo <= h[0] < hi]
    if any(h[2] in g.entities for h in named):
        return "sentence, the name it opens with" if named[0][2] in g.entities else "sentence, a later name"
    for back in (1, 2):
        if si - back < 0:
            break
        plo, phi = starts[si - back], starts[si - back + 1]
        named = [h for h in hits if plo <= h[0] < phi]
        if any(h[2] in g.entities for h in named):
            return f"{'sentence before' if back == 1 else 'two sentences before'}, " + \
                ("the name it opens with" if named[0][2] in g.entities else "a later name")
    para_lo = paras[bisect.bisect_right(paras, g.start) - 1]
    before = [h for h in hits if h[0] < g.start and h[2] in g.entities]
    if any(h[0] >= para_lo for h in before):
        return "earlier in the paragraph"
    if any(h[0] >= g.start - 3000 for h in before):
        return "within 3,000 characters before"
    return "elsewhere in the article" if any(h[2] in g.entities for h in hits) else "nowhere in the article"


def wrong_classes(root: Path, ids: list[str], reg, ways=PROSE_WAYS) -> dict:
    """{(way, class): wrong guesses} of the guesses made in one of ``ways`` (the first part of
    their tag) over the articles ``ids``: where their curated entity is (see the module's note)."""
    idx = index_for(reg.entities, reg.properties)
    counts: dict = defaultdict(int)
    for text, gold, _ in _articles(root, ids):
        view = mask(text)
        hits = [h for h in idx.aliases_in(view) if h[2]]
        starts = sentence_starts(view)
        paras = [0] + [m.end() for m in re.finditer(r"\n[ \t]*\n\s*", view)]
        pairs, _ = ev.match(gold, ev.our_predictions(text, reg))
        for g, p in pairs:
            way = (p.evidence.get("entity") or "").split("|")[0] if p is not None else ""
            if p is None or not g.entities or way not in ways or ev._entity_right(g, p):
                continue
            where = "a thing of the article's own" if g.article_only else _where(g, view, starts, paras, hits)
            counts[(way, where)] += 1
    return counts


def error_kinds(root: Path, ids: list[str], reg) -> tuple[dict, dict]:
    """({(where, kind, error): wrong guesses}, {(where, kind): matched mentions}) over the
    articles ``ids``; ``where`` is "table" when the guess was made from a table, else "prose"."""
    kind = {e["id"]: e.get("kind") for e in reg.entities}
    wrong: dict = defaultdict(int)
    total: dict = defaultdict(int)
    for text, gold, ignored in _articles(root, ids):
        pairs, _ = ev.match(gold, ev.our_predictions(text, reg))
        for g, p in pairs:
            if p is None or not g.entities:
                continue
            where = "table" if "table" in (p.evidence.get("entity") or "") else "prose"
            what = "article-only" if g.article_only else \
                ",".join(sorted({str(kind.get(e)) for e in g.entities}))
            total[(where, what)] += 1
            if ev._entity_right(g, p):
                continue
            if g.article_only:
                error = "a registry id for the article's own thing"
            elif p.entities:
                error = "wrong registry id"
            else:
                error = "new entity for a registry one"
            wrong[(where, what, error)] += 1
    return wrong, total


def render_kinds(name: str, wrong: dict, total: dict, top: int) -> str:
    n, bad = sum(total.values()), sum(wrong.values())
    lines = [f"{name}: {bad} wrong entity guesses of {n} matched mentions with a curated entity"]
    for (where, what, error), k in sorted(wrong.items(), key=lambda kv: (-kv[1], kv[0]))[:top]:
        lines.append(f"  {k:4} of {total[(where, what)]:5}  {where:5} {what:14} {error}")
    return "\n".join(lines)


def render_classes(counts: dict) -> str:
    n = sum(counts.values())
    lines = [f"dev-A wrong guesses by where the right entity is: {n}"]
    by_class: dict = defaultdict(int)
    for (_, where), k in counts.items():
        by_class[where] += k
    for where, k in sorted(by_class.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  {k:4}  {where}")
    for (way, where), k in sorted(counts.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1])):
        lines.append(f"  {way:10} {k:4}  {where}")
    return "\n".join(lines)


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
    ap.add_argument("--classes", nargs="?", const=",".join(PROSE_WAYS), default=None, metavar="WAYS",
                    help="dev-A only: the wrong guesses of these ways (comma-separated) by where the right entity is")
    ap.add_argument("--kinds", choices=("dev-A", "dev-B", "holdout"), default=None,
                    help="the wrong guesses of one set by table or prose, curated kind and error (counts only)")
    args = ap.parse_args(argv)
    root = args.root
    dev = (yaml.safe_load((root / "tests" / "extract_corpus" / "real.yaml").read_text(encoding="utf-8")) or {}).get("dev") or []
    dev_a, dev_b = ev.dev_halves(dev)
    reg = load_registry(root)
    if args.kinds is not None:
        spec = yaml.safe_load((root / "tests" / "extract_corpus" / "real.yaml").read_text(encoding="utf-8")) or {}
        ids = {"dev-A": dev_a, "dev-B": dev_b, "holdout": spec.get("holdout") or []}[args.kinds]
        print(render_kinds(args.kinds, *error_kinds(root, [str(x) for x in ids], reg), args.top))
        return 0
    if args.classes is not None:
        ways = tuple(w.strip() for w in args.classes.split(",") if w.strip())
        print(render_classes(wrong_classes(root, [str(x) for x in dev_a], reg, ways)))
        return 0
    for name, ids in (("dev-A", dev_a), ("dev-B", dev_b)):
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
