"""What the checker says: findings, the comparisons they rest on, likely causes and reviews.

All of these are values (frozen dataclasses), never exceptions and never dicts of varying
shape. A :class:`Finding` carries the :class:`Comparison` objects it was decided on (both
intervals, the factor and the direction), its :class:`Cause` objects (kind, the records they
point at, a sentence) and, once the check attaches them, the :class:`Review` of each claim it
names. Every output (text, JSON, JUnit, GitHub, the site, the notebook tables) is rendered
from these fields; none recomputes them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from kb.core.catalogue import RULES
from kb.core.intervals import Interval

VERDICTS = ("correct", "wrong", "dubious", "unverifiable")

#: Kinds of likely cause, in the order a finding lists them.
CAUSE_KINDS = (
    "fits-variants",      # a family claim fits some variants only
    "other-variant",      # equals another variant's value
    "other-conditions",   # equals the value for other conditions (precision, sparsity, ...)
    "outdated",           # equals a value no longer in force (or not yet)
    "other-property",     # equals another property of the same entity
    "other-entity",       # equals another entity's value (a misattribution)
    "scale-slip",         # off by 10^3, 10^6, 10^9 (per 1K/1M tokens, thousand/million/billion)
    "factor-two",         # off by about 2 (sparse vs dense)
    "registry",           # a categorical value that belongs to other entities
    # the article's own arithmetic (relations and comparison claims):
    "time-unit",          # per day vs per month or year, per hour vs per month (30, 365, 730, ...)
    "binary-prefix",      # GB vs GiB (1.074), TB vs TiB (1.1)
    "bits-bytes",         # off by 8: bits vs bytes
    "inverted",           # a ratio upside down (b/a for a/b; "10x cheaper" read the wrong way)
    "complement",         # the part for the rest ("46% lower" given as 54%, or the reverse)
    "percent-points",     # a difference of percentages given as a percent change, or the reverse
    "ratio-as-change",    # "3x" written as "up 300%" (a change is the ratio minus one)
    "different-periods",  # inputs from different dates or periods
    "scope",              # a whole instance's or node's figure counted once per GPU
)


@dataclass(frozen=True, slots=True)
class Comparison:
    """A claim's value beside another value: a reference, another claim, a plausible range.

    ``factor`` and ``direction`` come from :meth:`Interval.compare` (the smallest ratio
    between the two intervals, ≥ 1, and whether the claim lies ``above``, ``below`` or
    ``within`` the other). A categorical comparison has no intervals and no factor.
    """

    subject: str                  # the claim's id
    other: str                    # a reference or claim id, "plausible:<property>:<kind>", or
                                  # "computed:<claim id>:<basis>" for a value recomputed from others
    other_kind: str               # reference | claim | plausible | registry | computed
    stated: str                   # the claim's value as stated ("≤ 700 W")
    other_stated: str             # the other value as stated
    subject_iv: Interval | None = None
    other_iv: Interval | None = None
    factor: float | None = None
    direction: str = "within"     # within | above | below | differs (categorical)

    @classmethod
    def of(cls, subject: str, other: str, other_kind: str, stated: str, other_stated: str,
           a: Interval, b: Interval) -> "Comparison":
        factor, direction = a.compare(b)
        return cls(subject, other, other_kind, stated, other_stated, a, b, factor, direction)

    @property
    def agrees(self) -> bool:
        return self.direction == "within"

    @property
    def distance(self) -> float:
        """How far apart on a log scale (0 when they agree): orders "nearest first"."""
        if self.factor is None:
            return math.inf
        return 0.0 if self.factor <= 1 else (math.inf if math.isinf(self.factor) else math.log(self.factor))

    def text(self) -> str:
        """``consistent``, ``1.69x below``, ``about 1,000x above``, ``differs``."""
        if self.direction == "differs":
            return "differs"
        if self.agrees:
            return "consistent"
        if self.factor is None or math.isinf(self.factor):
            return f"{self.direction}, no common scale"
        return f"{format_factor(self.factor)}x {self.direction}"

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"subject": self.subject, "other": self.other, "other_kind": self.other_kind,
                               "stated": self.stated, "other_stated": self.other_stated}
        if self.subject_iv is not None and self.other_iv is not None:
            out.update({"unit": self.subject_iv.unit,
                        "low": _num(self.subject_iv.low), "high": _num(self.subject_iv.high),
                        "other_low": _num(self.other_iv.low), "other_high": _num(self.other_iv.high)})
        out["factor"] = _num(self.factor)
        out["direction"] = self.direction
        for key, iv in (("exchange_rate", self.subject_iv), ("other_exchange_rate", self.other_iv)):
            if iv is not None and iv.via is not None:
                out[key] = iv.via.as_dict()  # the cited rate a value in another currency was compared through
        return out


@dataclass(frozen=True, slots=True)
class Cause:
    """Why a value probably went wrong: a kind, a sentence, and the ids it points at."""

    kind: str
    text: str
    points_at: tuple[str, ...] = ()
    factor: float | None = None

    def __post_init__(self) -> None:
        if self.kind not in CAUSE_KINDS:
            raise ValueError(f"unknown cause kind {self.kind!r}")

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "points_at": list(self.points_at), "factor": _num(self.factor)}


@dataclass(frozen=True, slots=True)
class Operand:
    """One input of an evaluated relation: the record a formula name (or a comparison's side)
    stands for, with the value as the article or the reference states it."""

    name: str                     # the formula's name ("a"), or "numerator" / "denominator"
    id: str                       # the claim's or reference's id
    kind: str                     # claim | reference
    stated: str                   # the value as stated ("700 W", "~2 x")
    interval: Interval | None     # the value's interval, in its property's canonical unit
    quote: str | None = None      # a claim's quote; None for a reference
    when: str | None = None       # its date or period, where it has one ("2024", "2025-06-01")

    def as_dict(self) -> dict[str, Any]:
        iv = self.interval
        return {"name": self.name, "id": self.id, "kind": self.kind, "stated": self.stated, "quote": self.quote,
                "when": self.when, "unit": iv.unit if iv else None, "low": _num(iv.low) if iv else None,
                "high": _num(iv.high) if iv else None}


#: What an evaluated relation says about the stated value.
RELATION_VERDICTS = ("consistent", "misses", "not-evaluated")


@dataclass(frozen=True, slots=True)
class EvaluatedRelation:
    """A claim's value recomputed from other values: its ``derived:`` formula over the
    article's numbers (``kind`` "derived"), or, for a ratio, share or change claim, the same
    comparison computed from its two sides (``kind`` "comparison", ``basis`` saying whether
    the sides came from the article's own claims, from reference values, or both).

    ``computed`` and ``stated_iv`` are in the claim's canonical unit; ``comparison`` is the
    stated value beside the computed one (its factor and direction, as every comparison);
    ``verdict`` is ``consistent``, ``misses`` or ``not-evaluated`` (then ``error`` says why).
    """

    claim: str                    # the claim's id
    source: str | None            # the claim's source
    path: str                     # the claims file
    line: int                     # the line of the `derived:` block (of the claim, for a comparison)
    kind: str                     # derived | comparison
    basis: str                    # formula | article | references | article+references
    formula: str                  # as written ("n * t"; "numerator / denominator" for a ratio)
    with_numbers: str             # the formula with the inputs' values ("8 GPU × 700 W")
    inputs: tuple[Operand, ...]
    stated: str                   # the claim's value as stated
    stated_iv: Interval | None
    computed: Interval | None
    verdict: str
    comparison: Comparison | None = None
    causes: tuple[Cause, ...] = ()
    error: str | None = None

    def __post_init__(self) -> None:
        if self.verdict not in RELATION_VERDICTS:
            raise ValueError(f"unknown relation verdict {self.verdict!r}")

    @property
    def factor(self) -> float | None:
        return self.comparison.factor if self.comparison is not None else None

    @property
    def misses(self) -> bool:
        return self.verdict == "misses"

    def as_dict(self) -> dict[str, Any]:
        iv = self.computed
        return {"claim": self.claim, "source": self.source, "path": self.path, "line": self.line, "kind": self.kind,
                "basis": self.basis, "formula": self.formula, "with_numbers": self.with_numbers,
                "inputs": [i.as_dict() for i in self.inputs], "stated": self.stated,
                "unit": iv.unit if iv else (self.stated_iv.unit if self.stated_iv else None),
                "computed_low": _num(iv.low) if iv else None, "computed_high": _num(iv.high) if iv else None,
                "verdict": self.verdict, "factor": _num(self.factor),
                "direction": self.comparison.direction if self.comparison is not None else None,
                "causes": [c.as_dict() for c in self.causes], "error": self.error}


@dataclass(frozen=True, slots=True)
class Review:
    """A curator's verdict on one claim, as recorded in the claim's record."""

    claim: str
    verdict: str
    note: str | None = None
    date: str | None = None
    reviewer: str | None = None
    #: what was judged (:func:`kb.core.records.fingerprint` of the claim at the time)
    fingerprint: str | None = None
    #: False when the claim no longer is what was judged (or nothing says what was judged)
    current: bool = True

    def as_dict(self) -> dict[str, Any]:
        return {"claim": self.claim, "verdict": self.verdict, "note": self.note, "date": self.date,
                "reviewer": self.reviewer, "fingerprint": self.fingerprint, "current": self.current}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the checker found, with file and line. A value, never an exception."""

    code: str
    severity: str
    message: str
    path: str
    line: int | None = None
    claims: tuple[str, ...] = ()
    comparisons: tuple[Comparison, ...] = ()
    causes: tuple[Cause, ...] = ()
    reviews: tuple[Review, ...] = ()
    #: for a content finding: True when every claim it names carries a review
    reviewed: bool = False
    extra: tuple[tuple[str, Any], ...] = field(default=())
    #: for a finding on a claim's own arithmetic: the relation it was decided on
    relation: EvaluatedRelation | None = None

    def __post_init__(self) -> None:
        rule = RULES.get(self.code)
        if rule is None:
            raise ValueError(f"finding code {self.code!r} is not in the rule catalogue")
        if self.severity not in ("error", "warning", "info"):
            raise ValueError(f"unknown severity {self.severity!r}")

    @property
    def kind(self) -> str:
        return RULES[self.code].kind

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    @property
    def likely_cause(self) -> str | None:
        return "; ".join(c.text for c in self.causes) or None

    @property
    def anchor(self) -> str:
        """A stable fragment id from the rule and the claims (or the place) it names."""
        tail = "--".join(self.claims) if self.claims else f"{self.path}-{self.line or 0}"
        return "f-" + re.sub(r"[^a-z0-9-]+", "-", f"{self.code}--{tail}".lower()).strip("-")

    @property
    def evidence(self) -> dict[str, Any] | None:
        if not self.comparisons and not self.extra and self.relation is None:
            return None
        out: dict[str, Any] = {}
        if self.comparisons:
            out["comparisons"] = [c.as_dict() for c in self.comparisons]
            out["ratio"] = _num(self.comparisons[0].factor)
        if self.relation is not None:
            out["relation"] = self.relation.as_dict()
        out.update(dict(self.extra))
        return out

    def sort_key(self) -> tuple:
        return (self.path, self.line or 0, self.code, self.claims, self.message)

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "claims": list(self.claims),
            "evidence": self.evidence,
            "likely_cause": self.likely_cause,
            "causes": [c.as_dict() for c in self.causes],
            "reviewed": self.reviewed,
            "reviews": [r.as_dict() for r in self.reviews],
        }


def format_factor(x: float) -> str:
    """A factor for people: 4 significant digits, thousands separators (``1,000``, ``1.693``)."""
    if x is None or not math.isfinite(x):
        return "∞"
    r = float(f"{x:.4g}")
    return f"{int(r):,}" if r.is_integer() else f"{r:,.4g}" if r < 1000 else f"{r:,.0f}"


def _num(x: float | None) -> float | None:
    """A number for JSON: rounded to 6 significant digits; no NaN or infinity (None)."""
    if x is None or not isinstance(x, (int, float)) or not math.isfinite(x):
        return None
    return float(f"{x:.6g}")
