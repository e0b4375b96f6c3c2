"""Writing a review into a claim's record, keeping the file's comments, order and line endings.

The review block of the claim (if any) is replaced, or a new one is added at the end of the
record, by editing the text of the file: nothing else in the file changes, byte for byte.
The edit happens under the folder's write lock (:func:`kb.store.write.locked`), reads the
file afresh under it, writes atomically, and reads the result back to make sure the claim
carries exactly the review written; otherwise the file is left as it was.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
from pathlib import Path

from kb.core.findings import VERDICTS, Review
from kb.core.records import Claim, fingerprint
from kb.errors import ReviewError
from kb.store import yamlnodes
from kb.store.load import load
from kb.store.write import atomic_write_text, locked


@dataclasses.dataclass(frozen=True)
class Written:
    claim: str
    path: str
    line: int
    review: Review
    replaced: bool


def write_review(root: Path, claim_id: str, verdict: str | None = None, note: str | None = None,
                 reviewer: str | None = None, *, confirm: bool = False, today: _dt.date | None = None) -> Written:
    """Record a verdict on a claim (or, with ``confirm``, bind its existing verdict to the
    claim as it is now). Returns what was written; raises :class:`ReviewError`."""
    root = Path(root)
    kb = load(root)
    claim = kb.claims_by_id.get(claim_id)
    if claim is None:
        raise ReviewError(f"no claim {claim_id!r} in {root / 'claims'}")
    if confirm:
        if claim.review is None:
            raise ReviewError(f"{claim_id} has no review to confirm: give --verdict and --note")
        verdict = verdict or claim.review.verdict
        note = note or claim.review.note
        reviewer = reviewer or claim.review.reviewer
    if verdict not in VERDICTS:
        raise ReviewError(f"--verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
    if not note or not note.strip():
        raise ReviewError("a review needs a --note that says why")
    date = (today or _dt.date.today()).isoformat()
    path = root / claim.path
    with locked(path.parent):
        return _write(path, claim, Review(claim_id, verdict, note.strip(), date, reviewer, fingerprint(claim)), root)


def _write(path: Path, claim: Claim, review: Review, root: Path) -> Written:
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    data = yamlnodes.read(path)
    items = data.get("claims") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ReviewError(f"{path}: no claims list")
    index = next((i for i, r in enumerate(items) if isinstance(r, dict) and r.get("id") == claim.id), None)
    if index is None:
        raise ReviewError(f"{claim.id} is not in {path} any more")
    rec = items[index]
    first = rec.line  # the line of the record's first key
    if lines[first - 1].lstrip().startswith("- {") or lines[first - 1].rstrip().endswith("}"):
        raise ReviewError(f"{claim.id} is written as a one-line mapping at {path.name}:{first}; write the review by hand")
    end = _record_end(lines, items, index, data)
    indent = len(lines[first - 1]) - len(lines[first - 1].lstrip(" -"))
    block = _block(review, " " * indent)
    replaced = "review" in rec
    if replaced:
        start = rec.lines["review"]
        later = sorted(n for k, n in rec.lines.items() if n > start)
        stop = (later[0] - 1) if later else end
        while stop > start and (not lines[stop - 1].strip() or lines[stop - 1].lstrip().startswith("#")):
            stop -= 1
        new = lines[: start - 1] + block + lines[stop:]
    else:
        new = lines[:end] + block + lines[end:]
    out = newline.join(new)
    atomic_write_text(path, out)
    check = load(root).claims_by_id.get(claim.id)
    if check is None or check.review is None or (check.review.verdict, check.review.note, check.review.fingerprint) != (
            review.verdict, review.note, review.fingerprint) or not check.review.current:
        atomic_write_text(path, text)
        raise ReviewError(f"could not write the review of {claim.id} into {path.name} safely; the file is unchanged")
    return Written(claim.id, claim.path, first, review, replaced)


def _record_end(lines: list[str], items, index: int, data) -> int:
    """The last line (1-based) of the index-th record: up to the next record or the next
    top-level key, without trailing blank and comment lines."""
    nxt = items.lines[index + 1] if index + 1 < len(items) else len(lines) + 1
    after = [n for n in data.lines.values() if n > items.lines[index]]
    if after:
        nxt = min(nxt, min(after))
    end = nxt - 1
    while end > items.lines[index] and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return end


def _block(r: Review, indent: str) -> list[str]:
    def q(s: str) -> str:
        return json.dumps(s, ensure_ascii=False)

    out = [f"{indent}review:", f"{indent}  verdict: {r.verdict}", f"{indent}  note: {q(r.note)}", f"{indent}  date: {r.date}"]
    if r.reviewer:
        out.append(f"{indent}  reviewer: {q(r.reviewer)}")
    out.append(f"{indent}  fingerprint: {q(r.fingerprint)}")
    return out
