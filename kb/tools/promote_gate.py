"""How right the drafts that ``kb promote`` would promote are, per half of the development
set: ``python -m kb.tools.promote_gate [--min-confidence X] [--min-value X] [--min-entity X]
[--min-property X] [--by-field] [--holdout]``.

For each half of ``real.yaml``'s ``dev:`` list (dev-A, on which the gate's floors are
chosen; dev-B, which decides) every draft the current extractor proposes is made into its
draft record (:func:`kb.extract.drafts.draft_record`) and put through the gate of
:mod:`kb.extract.promote` (complete, and each confidence at its floor: the default floors or
the ones given). A draft is *fully right* when its number matches a curated claim (as
:mod:`kb.extract.evaluate` matches them) and its entity and property are the curated ones.
Printed per half: the complete drafts and the fully right ones among them, the drafts the
gate passes, the share of them fully right, the fully right drafts it holds back (its
recall), and what is wrong in the ones it passes (entity, property, both, or the number:
not a curated claim). ``--by-field`` adds the share fully right of the complete drafts by
each field's confidence and by the entity's evidence tag, to choose floors from (on dev-A).
The held-out articles are read only with ``--holdout`` (the lead's figure, once floors are
chosen), and then give one line of counts. Only aggregate counts are printed.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

from kb.extract import evaluate as ev
from kb.extract.drafts import draft_record, extract_text
from kb.extract.linking import load_registry, published_of
from kb.extract.promote import FIELDS, below_floors, gate_floors, missing_fields


def rows_of(root: Path, ids: list[str], reg) -> list[dict]:
    """One row per draft of the articles ``ids``: its ``record``, whether it is ``complete``
    and what is wrong with it (``wrong``: "" when fully right, else "number", "entity",
    "property" or "entity+property")."""
    out = []
    for sid in ids:
        txt, cf = root / "datasets" / "sources" / f"{sid}.txt", root / "claims" / f"{sid}.yaml"
        if not (txt.is_file() and cf.is_file()):
            continue
        text = txt.read_text(encoding="utf-8")
        gold, _ = ev.claims_gold(text, yaml.safe_load(cf.read_text(encoding="utf-8")), sid)
        drafts = extract_text(text, reg, published=published_of(root, sid))
        preds = []
        for d in drafts:
            m = ev._mention(d.span_start, d.span_end, d.value, d.low, d.high, d.unit, d.qualifier)
            if m is None:
                m = ev.Mention(d.span_start, d.span_end, None, None, None, d.unit, d.qualifier)
            m.entities = {d.entity} if d.entity else set()
            m.entity_new = d.entity is None and bool(d.entity_new)
            m.properties = {d.property} if d.property else set()
            preds.append(m)
        pairs, _ = ev.match(gold, preds)
        matched = {id(p): g for g, p in pairs if p is not None}
        for d, p in zip(drafts, preds):
            g = matched.get(id(p))
            if g is None:
                wrong = "number"
            else:
                bad = [k for k, ok in (("entity", bool(g.entities) and ev._entity_right(g, p)),
                                       ("property", bool(g.properties & p.properties))) if not ok]
                wrong = "+".join(bad)
            rec = draft_record(d, "t")
            out.append({"record": rec, "complete": not missing_fields(rec), "wrong": wrong})
    return out


def tally(rows: list[dict], floors: dict) -> dict:
    """The gate's counts over ``rows`` (see :func:`rows_of`) at ``floors``."""
    complete = [r for r in rows if r["complete"]]
    passed = [r for r in complete if not below_floors(r["record"], floors)]
    return {"complete": len(complete), "complete_right": sum(not r["wrong"] for r in complete),
            "passed": len(passed), "passed_right": sum(not r["wrong"] for r in passed),
            "wrong": Counter(r["wrong"] for r in passed if r["wrong"])}


def render(name: str, t: dict) -> str:
    n, k, right = t["passed"], t["passed_right"], t["complete_right"]
    wrong = ", ".join(f"{w} {c}" for w, c in sorted(t["wrong"].items(), key=lambda kv: (-kv[1], kv[0])))
    return (f"{name}: {t['complete']} complete drafts, {right} fully right; the gate passes {n}, "
            f"{k} fully right ({k / n if n else 0:.3f}); holds back {right - k} fully right "
            f"(recall {k / right if right else 0:.2f}); wrong among passed: {wrong or 'none'}")


def by_field(name: str, rows: list[dict]) -> str:
    """The share fully right of the complete drafts by each field's confidence and by the
    entity's evidence tag."""
    complete = [r for r in rows if r["complete"]]
    lines = [f"{name}: share fully right of the complete drafts"]
    for key in FIELDS:
        levels: dict = defaultdict(lambda: [0, 0])
        for r in complete:
            c = round(float(r["record"]["confidence"][key]), 2)
            levels[c][0] += 1
            levels[c][1] += not r["wrong"]
        lines.append(f"  {key} confidence: " + "  ".join(f"{c:.2f} {k}/{n}" for c, (n, k) in sorted(levels.items())))
    tags: dict = defaultdict(lambda: [0, 0, 0.0])
    for r in complete:
        t = tags[(r["record"].get("evidence") or {}).get("entity", "")]
        t[0] += 1
        t[1] += not r["wrong"]
        t[2] = float(r["record"]["confidence"]["entity"])
    for tag, (n, k, c) in sorted(tags.items(), key=lambda kv: -kv[1][0]):
        lines.append(f"  {tag or '(none)':32} entity confidence {c:.2f}  {n:5} drafts  {k / n:5.2f} fully right")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=Path.cwd())
    ap.add_argument("--min-confidence", type=float, default=None, help="one floor for all three fields")
    for key in FIELDS:
        ap.add_argument(f"--min-{key}", type=float, default=None, help=f"the {key} confidence's floor")
    ap.add_argument("--by-field", action="store_true", help="shares by each field's confidence and by entity tag")
    ap.add_argument("--holdout", action="store_true",
                    help="also the held-out articles' one line of counts (the lead's figure; no tables)")
    args = ap.parse_args(argv)
    floors = gate_floors(args.min_confidence, {k: getattr(args, f"min_{k}") for k in FIELDS})
    root = args.root
    spec = yaml.safe_load((root / "tests" / "extract_corpus" / "real.yaml").read_text(encoding="utf-8")) or {}
    dev = spec.get("dev") or []
    reg = load_registry(root)
    print("floors: " + ", ".join(f"{k} {v:g}" for k, v in floors.items()))
    for name, ids in zip(("dev-A", "dev-B"), ev.dev_halves(dev)):
        rows = rows_of(root, [str(x) for x in ids], reg)
        print(render(name, tally(rows, floors)))
        if args.by_field:
            print(by_field(name, rows))
    if args.holdout:
        print(render("held-out", tally(rows_of(root, [str(x) for x in spec.get("holdout") or []], reg), floors)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
