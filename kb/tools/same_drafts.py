"""Byte-identity check for speed work: ``python -m kb.tools.same_drafts record OUT.json`` hashes
the drafts (every field of every :class:`~kb.extract.drafts.Draft`, in order) and the relation
proposals (:func:`kb.extract.arith.propose`) of every text of the extractor's corpus (the real
development, held-out and seed articles, the self-written texts) and of the bench's text;
``python -m kb.tools.same_drafts compare A.json B.json`` prints how many hashes agree and the
names of the development items that differ. Held-out items are only counted, never named or
shown (their names are hashed too), so comparing them keeps them unseen.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import asdict
from pathlib import Path


def _digest(obj) -> str:
    return hashlib.sha256(repr(obj).encode("utf-8")).hexdigest()


def _drafts_digest(text: str, reg, published=None) -> tuple[str, str]:
    from kb.extract.arith import propose
    from kb.extract.drafts import draft_record, extract_text

    drafts = extract_text(text, reg, published=published)
    recs = [draft_record(d, "x") for d in drafts]
    props = propose(text, recs)
    return _digest([asdict(d) for d in drafts]), _digest([repr(p) for p in props])


def record(root: Path, out: Path, bench: bool = True) -> None:
    from kb.extract.evaluate import UNLISTED_SETS, load_sets, published_of
    from kb.extract.linking import load_registry

    reg = load_registry(root)
    result: dict = {}
    seen = set()
    for es in load_sets(root):
        if es.name == "real-dev":   # the halves list the same articles
            continue
        for name, loader in es.items:
            if (es.name, name) in seen:
                continue
            seen.add((es.name, name))
            text = loader()[0]
            key = f"{es.name}:" + (hashlib.sha256(name.encode()).hexdigest()[:12] if es.name in UNLISTED_SETS else name)
            result[key] = _drafts_digest(text, reg, published_of(root, name))
    if bench:
        from kb.tools.bench import extraction_text, vet_article_text

        result["bench:unit"] = _drafts_digest(vet_article_text(root, chars=10**9), reg)
        result["bench:250k"] = _drafts_digest(extraction_text(root, 250_000), reg)
        text = "The offers were " + ", ".join(f"${i % 97 + 1}.{i % 10}5 per GPU-hour" for i in range(1000)) + ".\n"
        result["bench:sentence"] = _drafts_digest(text, reg)
    out.write_text(json.dumps(result, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{len(result)} items recorded in {out}")


def compare(a: Path, b: Path) -> int:
    da, db = json.loads(a.read_text()), json.loads(b.read_text())
    keys = sorted(set(da) | set(db))
    same = [k for k in keys if da.get(k) == db.get(k)]
    diff = [k for k in keys if k not in same]
    print(f"{len(same)} of {len(keys)} items identical (drafts and proposals)")
    for k in diff:
        if not k.startswith("real-holdout:"):
            print("  differs:", k)
    held = sum(k.startswith("real-holdout:") for k in diff)
    if held:
        print(f"  {held} held-out items differ")
    return 1 if diff else 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) == 2 and args[0] == "record":
        record(Path.cwd(), Path(args[1]))
        return 0
    if len(args) == 3 and args[0] == "compare":
        return compare(Path(args[1]), Path(args[2]))
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
