"""Reviews bound to what they judged: a review whose claim changed is stale."""

from __future__ import annotations

from typing import Iterator

from kb.core import catalogue as cat
from kb.core.findings import Finding
from kb.core.records import KnowledgeBase, fingerprint


def review_stale(kb: KnowledgeBase) -> Iterator[Finding]:
    for c in kb.claims:
        r = c.review
        if r is None or r.current:
            continue
        now = fingerprint(c)
        if r.fingerprint is None:
            why = (f"the review of {c.id} ({r.verdict}, {r.date}) does not say what it judged (no fingerprint); "
                   f"confirm it with `kb review {c.id} --confirm` or review the claim again")
        else:
            why = (f"the review of {c.id} ({r.verdict}, {r.date}) judged another version of the claim "
                   f"(fingerprint {r.fingerprint}, now {now}); review it again with `kb review {c.id} --verdict ...`")
        yield cat.REVIEW_STALE.finding(why, c.path, c.line_of("review"), (c.id,))
