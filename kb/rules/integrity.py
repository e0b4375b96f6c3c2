"""The rules table and the integrity rules.

A rule is a plain generator function ``fn(kb) -> Iterator[Finding]`` registered with
:func:`rule` under a stable kebab-case id, a severity and a kind (``integrity`` or
``content``). Its docstring is its documentation: the site renders this table, and a test
fails when a rule has no docstring or no failing fixture.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass
from typing import Callable, Iterator

from kb.core.records import Finding, KnowledgeBase


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    kind: str
    fn: Callable[[KnowledgeBase], Iterator[Finding]]
    doc: str

    @property
    def summary(self) -> str:
        return self.doc.split("\n\n", 1)[0].replace("\n", " ")


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: str = "error", kind: str = "integrity"):
    """Register a rule function under ``rule_id``."""

    def deco(fn):
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} registered twice")
        RULES[rule_id] = Rule(rule_id, severity, kind, fn, inspect.getdoc(fn) or "")
        return fn

    return deco


def _from_issues(kb: KnowledgeBase, code: str, severity: str = "error") -> Iterator[Finding]:
    for i in kb.issues:
        if i.code == code:
            yield Finding(code, severity, i.message, i.path, i.line, i.ids)


# ------------------------------------------------------------------------ integrity


@rule("yaml-syntax")
def yaml_syntax(kb):
    """A file cannot be read as YAML.

    Malformed YAML, a file that is not UTF-8, a file too large to be a knowledge-base file,
    or a file that uses YAML anchors and aliases (which would let one line stand for
    millions of values). The file is skipped; every other file is still checked.
    """
    yield from _from_issues(kb, "yaml-syntax")


@rule("schema")
def schema(kb):
    """A record does not have the shape the data format requires.

    A record that is not a mapping, a missing required field, a string where a number
    belongs, NaN, infinity or a negative amount, an unknown qualifier, a range whose low is
    above its high, a review without a valid verdict, a key given twice, a claims file whose
    `source` does not match its name.
    """
    yield from _from_issues(kb, "schema")


@rule("duplicate-id")
def duplicate_id(kb):
    """The same id is defined more than once (claims, references, entities, properties, sources, citations)."""
    for kind, ident, places in kb.duplicates:
        first = f"{places[0][0]}:{places[0][1]}"
        for path, line in places[1:]:
            yield Finding("duplicate-id", "error", f"{kind} id {ident!r} is already defined at {first}", path, line, [ident])


@rule("unknown-entity")
def unknown_entity(kb):
    """A claim or reference names an entity that is not in the registry (datasets/entities/).

    Also checks the registry's own links: a variant's `family`, a `vendor`, an
    `architecture`, and condition values that name entities (`provider`, `baseline`, `model`).
    """
    ents = kb.entities
    for v in (*kb.claims, *kb.references):
        if v.entity is not None and v.entity not in ents:
            yield Finding("unknown-entity", "error", f"unknown entity {v.entity!r}{_suggest(v.entity, ents)}",
                          v.path, v.line_of("entity"), [v.id])
        for key in ("provider", "baseline", "model"):
            val = v.conditions.get(key)
            if val is not None and val not in ents:
                yield Finding("unknown-entity", "error", f"condition {key}: unknown entity {val!r}{_suggest(val, ents)}",
                              v.path, v.line_of("conditions"), [v.id])
    for e in ents.values():
        for field in ("family", "vendor", "architecture"):
            ref = getattr(e, field)
            if ref is not None and ref not in ents:
                yield Finding("unknown-entity", "error", f"entity {e.id}: {field} {ref!r} is not in the registry",
                              e.path, e.lines.get(field, e.line), [e.id])


@rule("unknown-property")
def unknown_property(kb):
    """A claim or reference names a property that is not in the vocabulary (datasets/properties/)."""
    for v in (*kb.claims, *kb.references):
        if v.property is not None and v.property not in kb.properties:
            yield Finding("unknown-property", "error",
                          f"unknown property {v.property!r}{_suggest(v.property, kb.properties)}",
                          v.path, v.line_of("property"), [v.id])


@rule("unknown-source")
def unknown_source(kb):
    """A claims file names a source that is not registered in datasets/sources/."""
    yield from _from_issues(kb, "unknown-source")


@rule("unknown-condition")
def unknown_condition(kb):
    """A condition key the property does not take, or a value the key does not allow.

    Conditions change what a number means (FP16 or FP32, input or output tokens); only the
    keys listed by the property and the values listed in datasets/conditions.yaml are allowed.
    """
    yield from _from_issues(kb, "unknown-condition")
    for v in (*kb.claims, *kb.references):
        prop = kb.properties.get(v.property or "")
        if prop is None:
            continue
        for key, val in v.conditions.items():
            spec = kb.conditions.get(key)
            if key not in prop.conditions:
                yield Finding("unknown-condition", "error",
                              f"{v.property} takes no condition {key!r} (it takes: {', '.join(prop.conditions) or 'none'})",
                              v.path, v.line_of("conditions"), [v.id])
            elif spec is not None:
                allowed = spec.get("values")
                pattern = spec.get("pattern")
                if allowed is not None and val not in allowed:
                    yield Finding("unknown-condition", "error",
                                  f"condition {key}: {val!r} is not one of {', '.join(map(str, allowed))}",
                                  v.path, v.line_of("conditions"), [v.id])
                elif pattern is not None and not re.match(pattern, val):
                    yield Finding("unknown-condition", "error",
                                  f"condition {key}: {val!r} does not have the form {', '.join(spec.get('examples', [pattern]))}",
                                  v.path, v.line_of("conditions"), [v.id])


@rule("unit-unknown")
def unit_unknown(kb):
    """A unit text the registry cannot read completely.

    Nothing is guessed and nothing is dropped: an unknown word, a bare `$`, or a symbol
    pint would silently ignore is a finding.
    """
    yield from _from_issues(kb, "unit-unknown")


@rule("unit-dimension")
def unit_dimension(kb):
    """A unit of the wrong dimensionality for its property (watts for a token price, USD/token for a TDP).

    Also flags a categorical value whose category is not an entity of the right kind.
    """
    yield from _from_issues(kb, "unit-dimension")
    for v in (*kb.claims, *kb.references):
        prop = kb.properties.get(v.property or "")
        if prop is None or prop.type != "categorical" or not isinstance(v.value, str):
            continue
        if v.unit is not None:
            yield Finding("unit-dimension", "error", f"{v.property} is categorical and takes no unit (got {v.unit!r})",
                          v.path, v.line_of("unit"), [v.id])
        target = kb.entities.get(v.value)
        if prop.values_from and (target is None or target.kind != prop.values_from):
            yield Finding("unit-dimension", "error",
                          f"{v.property} must name an entity of kind {prop.values_from}; {v.value!r} is "
                          + ("not in the registry" if target is None else f"a {target.kind}"),
                          v.path, v.line_of("value"), [v.id])


@rule("quote-not-found")
def quote_not_found(kb):
    """A claim's quote is not a verbatim part of its source text at the recorded offsets.

    The message says where the quote does occur, if it occurs elsewhere, so the offsets can
    be corrected.
    """
    for c in kb.claims:
        src = kb.sources.get(c.source or "")
        if src is None or src.text is None or c.quote is None:
            continue
        text = src.text
        if c.start is not None and c.end is not None and text[c.start:c.end] == c.quote:
            continue
        pos = text.find(c.quote)
        if pos < 0:
            msg = f"quote not found in {src.text_path}: {c.quote[:60]!r}"
        else:
            msg = (f"quote found at {pos}–{pos + len(c.quote)} in {src.text_path}, "
                   f"not at the recorded {c.start}–{c.end}")
        yield Finding("quote-not-found", "error", msg, c.path, c.line_of("quote"), [c.id])


@rule("source-hash-mismatch")
def source_hash_mismatch(kb):
    """A source text no longer has the SHA-256 recorded when it was registered: it was edited."""
    yield from _from_issues(kb, "source-hash-mismatch")


@rule("source-path")
def source_path(kb):
    """A source's text file is missing, unreadable, not UTF-8, or points outside the project."""
    yield from _from_issues(kb, "source-path")


def _suggest(name: str, known) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def integrity_rules() -> list[Rule]:
    return [r for r in RULES.values() if r.kind == "integrity"]
