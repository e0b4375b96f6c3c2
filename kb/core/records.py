"""The records of the knowledge base: sources, entities, properties, claims, references.

Plain dataclasses with slots, so that a 100,000-claim knowledge base stays small and fast.
Every record keeps the file and line it came from (``path``, ``line``) and the line of
each field (``lines``), so that every finding can point at the exact place.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

QUALIFIERS = ("exact", "approx", "upper_bound", "lower_bound", "range")
VERDICTS = ("correct", "wrong", "dubious", "unverifiable")
SEVERITIES = ("error", "warning", "info")
TRUST_TIERS = ("primary", "secondary", "web", "low")


@dataclass(slots=True)
class Finding:
    """One thing the checker found. A value, never an exception."""

    code: str
    severity: str
    message: str
    path: str
    line: int | None = None
    claims: list[str] = field(default_factory=list)
    evidence: dict[str, Any] | None = None
    likely_cause: str | None = None
    review: dict[str, Any] | None = None

    @property
    def reviewed(self) -> bool:
        return self.review is not None

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
            "reviewed": self.reviewed,
            "review": self.review,
        }

    def sort_key(self) -> tuple:
        return (self.path, self.line or 0, self.code, tuple(self.claims), self.message)


@dataclass(slots=True)
class Source:
    id: str
    path: str  # metadata file, relative to the root
    line: int
    text_path: str  # text file, relative to the root
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: Any = None
    url: str | None = None
    original_filename: str | None = None
    sha256: str | None = None
    trust: str | None = None
    note: str | None = None
    text: str | None = None  # None when the text could not be read
    lines: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    kind: str
    path: str
    line: int
    vendor: str | None = None
    architecture: str | None = None
    family: str | None = None
    class_of: str | None = None
    aliases: list[str] = field(default_factory=list)
    note: str | None = None
    variants: list[str] = field(default_factory=list)  # filled in from the variants' `family`
    lines: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class Plausible:
    low: float  # canonical units
    high: float
    rationale: str
    text: str  # as written, e.g. "20 W to 2000 W"


@dataclass(slots=True)
class Property:
    id: str
    name: str
    description: str
    path: str
    line: int
    type: str = "quantity"  # quantity | categorical
    canonical_unit: str | None = None
    states_maximum: bool = False
    conditions: list[str] = field(default_factory=list)
    plausible: dict[str, Plausible] = field(default_factory=dict)
    values_from: str | None = None
    registry_field: str | None = None
    dimensionality: str | None = None
    lines: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class Value:
    """What claims and references share: a stated value with its place and meaning."""

    id: str
    path: str
    line: int
    entity: str | None
    property: str | None
    conditions: dict[str, str]
    qualifier: str
    unit: str | None
    value: Any = None  # float, or a category id for categorical properties
    low: float | None = None
    high: float | None = None
    written: dict[str, Any] = field(default_factory=dict)  # values as written (precision)
    note: str | None = None
    lines: dict[str, int] = field(default_factory=dict)
    # Normalised interval in the property's canonical unit (None when not computable).
    canonical_low: float | None = None
    canonical_high: float | None = None
    canonical_unit: str | None = None
    ok: bool = True  # False when an integrity problem makes the value unusable

    def line_of(self, name: str) -> int:
        return self.lines.get(name, self.line)

    @property
    def categorical(self) -> bool:
        return isinstance(self.value, str)

    def display(self) -> str:
        """The value as stated: ``≤ 700 W``, ``0.01–0.05 USD/token``."""
        if self.categorical:
            return str(self.value)
        unit = f" {self.unit}" if self.unit else ""
        if self.qualifier == "range":
            return f"{_num(self.low)}–{_num(self.high)}{unit}"
        sign = {"approx": "~", "upper_bound": "≤ ", "lower_bound": "> "}.get(self.qualifier, "")
        return f"{sign}{_num(self.value)}{unit}"


@dataclass(slots=True)
class Claim(Value):
    source: str | None = None
    quote: str | None = None
    start: int | None = None
    end: int | None = None
    as_of: Any = None
    review: dict[str, Any] | None = None


@dataclass(slots=True)
class Citation:
    id: str
    path: str
    line: int
    publisher: str | None = None
    title: str | None = None
    url: str | None = None
    date: Any = None
    kind: str | None = None


@dataclass(slots=True)
class Reference(Value):
    citation: str | None = None
    locator: str | None = None
    valid_from: Any = None
    valid_to: Any = None
    estimate_by: str | None = None
    verified: bool | None = None


@dataclass(slots=True)
class Issue:
    """A problem found while reading or normalising data; integrity rules report these."""

    code: str
    path: str
    line: int | None
    message: str
    ids: list[str] = field(default_factory=list)


@dataclass
class KnowledgeBase:
    root: Path
    sources: dict[str, Source] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    properties: dict[str, Property] = field(default_factory=dict)
    conditions: dict[str, dict] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    citations: dict[str, Citation] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    # ids defined more than once: id -> [(path, line), ...]
    duplicates: list[tuple[str, str, list[tuple[str, int]]]] = field(default_factory=list)

    def issue(self, code: str, path: str, line: int | None, message: str, ids=()) -> None:
        self.issues.append(Issue(code, path, line, message, list(ids)))

    def family_of(self, entity_id: str) -> str:
        ent = self.entities.get(entity_id)
        return ent.family if ent and ent.family else entity_id

    def claim(self, claim_id: str) -> Claim | None:
        for c in self.claims:
            if c.id == claim_id:
                return c
        return None


def _num(x: Any) -> str:
    if x is None:
        return "?"
    if isinstance(x, float):
        if math.isinf(x):
            return "∞"
        if x.is_integer() and abs(x) < 1e15:
            return f"{int(x):,}"
        return f"{x:,.6g}"
    if isinstance(x, int):
        return f"{x:,}"
    return str(x)


def format_number(x: Any) -> str:
    """Numbers for people: thousands separators, no float noise."""
    return _num(x)
