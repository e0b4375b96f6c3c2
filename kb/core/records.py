"""The records of the knowledge base: sources, entities, properties, condition keys, claims,
references, citations, and the :class:`KnowledgeBase` that holds them.

Records are frozen dataclasses with slots: the loader builds each one complete (its value
already normalised into an :class:`~kb.core.intervals.Interval`), and nothing changes it
afterwards. Every record keeps the file and line it came from (``path``, ``line``) and the
line of each field (``lines``), so that every finding can point at the exact place.
"""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kb.core.findings import Finding, Review
from kb.core.intervals import QUALIFIERS, Interval

TRUST_TIERS = ("primary", "secondary", "web", "low")
__all__ = ["Source", "Entity", "Plausible", "Property", "ConditionKey", "Value", "Claim", "Reference", "Citation",
           "Term", "Relation", "Unrecorded", "KnowledgeBase", "QUALIFIERS", "TRUST_TIERS", "date_of", "format_number"]


class Lines:
    """The line of each field of a record, compactly: one byte per field of the schema (its
    distance from the record's first line), instead of a dict per record. Reads like the
    mapping it replaces (``get``, ``in``, ``items``)."""

    __slots__ = ("line", "names", "offsets")

    def __init__(self, line: int, names: tuple[str, ...], offsets: bytes):
        self.line = line
        self.names = names
        self.offsets = offsets

    @classmethod
    def of(cls, line: int, names: tuple[str, ...], mapping: dict[str, int]) -> "Lines | dict[str, int]":
        offsets = bytearray(len(names))
        index = _name_index(names)
        for name, n in mapping.items():
            i = index.get(name)
            d = n - line + 1
            if i is None or not 0 < d < 256:
                return mapping  # a field the schema does not know, or far away: keep the mapping
            offsets[i] = d
        return cls(line, names, bytes(offsets))

    def get(self, name: str, default: Any = None) -> Any:
        i = _name_index(self.names).get(name)
        if i is None or not self.offsets[i]:
            return default
        return self.line + self.offsets[i] - 1

    def __contains__(self, name: object) -> bool:
        return self.get(name) is not None  # type: ignore[arg-type]

    def items(self):
        return [(n, self.line + d - 1) for n, d in zip(self.names, self.offsets) if d]

    def values(self):
        return [v for _, v in self.items()]

    def __eq__(self, other: object) -> bool:
        return dict(self.items()) == (dict(other.items()) if hasattr(other, "items") else other)

    def __repr__(self) -> str:
        return repr(dict(self.items()))


_NAME_INDEX: dict[tuple[str, ...], dict[str, int]] = {}


def _name_index(names: tuple[str, ...]) -> dict[str, int]:
    index = _NAME_INDEX.get(names)
    if index is None:
        index = _NAME_INDEX[names] = {n: i for i, n in enumerate(names)}
    return index


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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
    aliases: tuple[str, ...] = ()
    note: str | None = None
    released: Any = None
    retired: Any = None
    variants: tuple[str, ...] = ()  # the entities whose `family` is this one
    lines: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Plausible:
    """A plausible range of a property for one entity kind, under some conditions."""

    kind: str
    low: float  # canonical units
    high: float
    rationale: str
    text: str  # as written, e.g. "20 W to 2000 W"
    conditions: dict[str, str] = field(default_factory=dict)
    line: int = 0


@dataclass(frozen=True, slots=True)
class Property:
    id: str
    name: str
    description: str
    path: str
    line: int
    type: str = "quantity"  # quantity | categorical
    canonical_unit: str | None = None
    states_maximum: bool = False
    signed: bool = False
    dated: bool = False  # the value is a function of its date: claims compare only at the same date
    comparison: str | None = None  # ratio | share | change | growth | difference: a claim names what it compares
    unit_from: str | None = None  # "numerator": a claim's canonical unit is its numerator property's (a difference)
    conditions: tuple[str, ...] = ()
    plausible: tuple[Plausible, ...] = ()
    values_from: str | None = None
    registry_field: str | None = None
    dimensionality: str | None = None
    lines: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ConditionKey:
    """A condition key and what it means for comparisons (datasets/conditions.yaml)."""

    id: str
    description: str = ""
    values: tuple[str, ...] | None = None
    pattern: str | None = None
    examples: tuple[str, ...] = ()
    values_from: str | None = None  # an entity kind, or "any"
    mixup: str | None = None  # how a cause names a mix-up of this key's values
    display: str = "value"  # value: the value says what it is; key: show "key value"
    default: str | None = None  # the value a record means when it leaves the key out
    ratio: float | None = None  # the factor two values of the key make (sparse = 2 x dense)
    line: int = 0


@dataclass(frozen=True, slots=True)
class Term:
    """One side of a comparison claim: an entity's property under conditions (at a date)."""

    entity: str | None
    property: str | None
    conditions: dict[str, str] = field(default_factory=dict)
    as_of: Any = None
    line: int = 0


@dataclass(frozen=True, slots=True)
class Relation:
    """How a claim follows from others: ``formula`` over names bound to claim or reference ids."""

    formula: str
    inputs: dict[str, str]
    line: int = 0


@dataclass(frozen=True, slots=True)
class Unrecorded:
    """A number of a source that could not be recorded faithfully, and why."""

    quote: str
    start: int | None
    end: int | None
    reason: str
    note: str | None
    line: int


@dataclass(frozen=True, slots=True)
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
    note: str | None = None
    lines: dict[str, int] = field(default_factory=dict)
    #: the stated value as an interval in the property's canonical unit (None when not computable)
    interval: Interval | None = None
    ok: bool = True  # False when an integrity problem makes the value unusable

    def line_of(self, name: str) -> int:
        return self.lines.get(name, self.line)

    @property
    def categorical(self) -> bool:
        return isinstance(self.value, str)

    # kept for readers of the tables: the interval's ends and unit
    @property
    def canonical_low(self) -> float | None:
        return self.interval.low if self.interval else None

    @property
    def canonical_high(self) -> float | None:
        return self.interval.high if self.interval else None

    @property
    def canonical_unit(self) -> str | None:
        return self.interval.unit if self.interval else None

    def display(self) -> str:
        """The value as stated: ``≤ 700 W``, ``0.01–0.05 USD/token``."""
        if self.categorical:
            return str(self.value)
        unit = f" {self.unit}" if self.unit else ""
        if self.qualifier == "range":  # "-40 to -30", never "-40–-30" (a dash beside a minus)
            neg = any(isinstance(x, (int, float)) and x < 0 for x in (self.low, self.high))
            return f"{format_number(self.low)}{' to ' if neg else '–'}{format_number(self.high)}{unit}"
        return f"{_SIGNS.get(self.qualifier, '')}{format_number(self.value)}{unit}"


_SIGNS = {"approx": "~", "upper_bound": "≤ ", "lower_bound": "> "}


@dataclass(frozen=True, slots=True)
class Claim(Value):
    source: str | None = None
    quote: str | None = None
    start: int | None = None
    end: int | None = None
    as_of: Any = None
    review: Review | None = None
    numerator: Term | None = None
    denominator: Term | None = None
    derived: Relation | None = None
    #: why a value in another currency is not compared ("no EUR rate for 2019"); None otherwise
    not_compared: str | None = None


@dataclass(frozen=True, slots=True)
class Reference(Value):
    citation: str | None = None
    locator: str | None = None
    valid_from: Any = None
    valid_to: Any = None
    estimate_by: str | None = None
    verified: bool | None = None
    numerator: Term | None = None
    denominator: Term | None = None


@dataclass(frozen=True, slots=True)
class Rate:
    """A yearly average exchange rate to USD, with its citation: how a money claim stated in
    another currency is compared in USD (its interval carries the rate as ``via``)."""

    currency: str
    year: int
    per_usd: float  # units of the currency one US dollar bought on average that year
    citation: str
    path: str
    line: int
    locator: str | None = None
    quote: str | None = None

    @property
    def usd_per_unit(self) -> float:
        return 1.0 / self.per_usd

    def as_dict(self) -> dict:
        return {"currency": self.currency, "year": self.year, "per_usd": self.per_usd, "citation": self.citation,
                "path": self.path, "line": self.line}

    def text(self) -> str:
        return f"{self.per_usd:g} {self.currency} per USD, {self.year} average ({self.citation})"


@dataclass(frozen=True, slots=True)
class Citation:
    id: str
    path: str
    line: int
    publisher: str | None = None
    title: str | None = None
    url: str | None = None
    date: Any = None
    kind: str | None = None


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything loaded from one project folder, and the findings made while loading it."""

    root: Path
    sources: dict[str, Source]
    entities: dict[str, Entity]
    properties: dict[str, Property]
    conditions: dict[str, ConditionKey]
    claims: tuple[Claim, ...]
    references: tuple[Reference, ...]
    citations: dict[str, Citation]
    unrecorded: dict[str, tuple[Unrecorded, ...]]  # source id -> numbers left out, with reasons
    files: tuple[str, ...]
    load_findings: tuple[Finding, ...]
    claims_by_id: dict[str, Claim] = field(repr=False)
    references_by_id: dict[str, Reference] = field(repr=False)
    #: yearly average exchange rates to USD, by (currency, year)
    rates: dict[tuple[str, int], "Rate"] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, root: Path, *, sources=(), entities=(), properties=(), conditions=(), claims=(), references=(),
           citations=(), load_findings=(), rates=()) -> "KnowledgeBase":
        """A knowledge base built from records in memory (tests, notebooks); a family's
        ``variants`` are filled in from its variants' ``family``."""
        import dataclasses

        ents = {e.id: e for e in entities}
        fams: dict[str, list[str]] = {}
        for e in ents.values():
            if e.family and e.family in ents and e.family != e.id:
                fams.setdefault(e.family, []).append(e.id)
        for fam, vs in fams.items():
            ents[fam] = dataclasses.replace(ents[fam], variants=tuple(vs))
        claims, references = tuple(claims), tuple(references)
        return cls(root=Path(root), sources={s.id: s for s in sources}, entities=ents,
                   properties={p.id: p for p in properties}, conditions={c.id: c for c in conditions},
                   claims=claims, references=references, citations={c.id: c for c in citations}, unrecorded={},
                   files=(), load_findings=tuple(load_findings), claims_by_id={c.id: c for c in reversed(claims)},
                   references_by_id={r.id: r for r in reversed(references)},
                   rates={(r.currency, r.year): r for r in rates})

    def family_of(self, entity_id: str) -> str:
        ent = self.entities.get(entity_id)
        return ent.family if ent and ent.family else entity_id

    def claim(self, claim_id: str) -> Claim | None:
        return self.claims_by_id.get(claim_id)

    def record(self, ident: str) -> Claim | Reference | None:
        return self.claims_by_id.get(ident) or self.references_by_id.get(ident)


def fingerprint(c: Claim) -> str:
    """What a review judges, as 12 hex digits: entity, property, value (or range), unit,
    qualifier, conditions, the compared terms and the quote. A review whose fingerprint
    differs from its claim's judged something else: it is stale."""
    import hashlib
    import json

    def term(t: Term | None):
        return None if t is None else [t.entity, t.property, sorted(t.conditions.items()), str(t.as_of or "")]

    what = [c.entity, c.property, c.value if isinstance(c.value, str) else _fp_num(c.value), _fp_num(c.low),
            _fp_num(c.high), c.unit, c.qualifier, sorted(c.conditions.items()), term(c.numerator),
            term(c.denominator), c.quote]
    return hashlib.sha256(json.dumps(what, ensure_ascii=False).encode("utf-8")).hexdigest()[:12]


def _fp_num(x: Any) -> Any:
    return None if x is None else float(f"{float(x):.12g}")


def date_of(x: Any) -> _dt.date | None:
    """A date from a record's date field: a date, ``YYYY-MM-DD``, or a year (its last day)."""
    if x is None:  # (most records give none)
        return None
    if isinstance(x, _dt.datetime):
        return x.date()
    if isinstance(x, _dt.date):
        return x
    if isinstance(x, str):
        try:
            if len(x) >= 10:
                return _dt.date.fromisoformat(x[:10])
            if len(x) == 7:
                y, m = int(x[:4]), int(x[5:7])
                return _dt.date(y + (m == 12), m % 12 + 1, 1) - _dt.timedelta(days=1)
            return _dt.date(int(x[:4]), 12, 31)
        except ValueError:
            return None
    if isinstance(x, int) and not isinstance(x, bool) and 1 <= x <= 9999:
        return _dt.date(x, 12, 31)
    return None


def format_number(x: Any) -> str:
    """Numbers for people: thousands separators, no float noise."""
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
