"""Reading the knowledge base: YAML files → records validated against the declared schema.

Loading never checks content and never raises on bad data: every problem it meets (a YAML
syntax error, a file that is not UTF-8, a field the schema does not know, a missing field,
an unreadable unit) becomes a :class:`~kb.core.findings.Finding` with file and line, the
record is kept with ``ok=False`` where it is unusable (or dropped where it has no id), and
loading goes on with the next record and the next file. Every record is built complete and
frozen: its value normalised by :func:`kb.store.normalise.to_interval`.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import functools
import gc
import hashlib
import math
import os
import re
from pathlib import Path
from typing import Any, Iterator

from kb.core import catalogue as cat
from kb.core.catalogue import Rule
from kb.core.findings import Finding, Review
from kb.core.intervals import Interval
from kb.core.records import (Citation, Claim, ConditionKey, Entity, KnowledgeBase, Lines, Plausible, Property, Rate,
                             Reference, Relation, Source, Term, Unrecorded, date_of, fingerprint)
from kb.core.schema import FILES, SCHEMAS, RecordSchema, word_pattern
from kb.core.units import FOREIGN_CURRENCIES, UnitError, conversion_factor, dimensionality, foreign_currency
from kb.errors import NotAKnowledgeBase
from kb.store import snapshot, yamlnodes
from kb.store.normalise import Problem, side_unit, to_interval
from kb.store.yamlnodes import Marked, MarkedList, Unusual, YamlProblem

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_SOURCE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_DECIMAL = re.compile(r"^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][-+]?\d+)?$|^[-+]?\.\d+$")
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_MISSING = object()


def find_root(start: Path | None = None) -> Path:
    """The project root: the nearest folder upwards holding ``claims/`` and ``datasets/``."""
    here = (start or Path.cwd()).resolve()
    for p in (here, *here.parents):
        if (p / "claims").is_dir() and (p / "datasets").is_dir():
            return p
    raise NotAKnowledgeBase(f"no knowledge base here: no folder with claims/ and datasets/ above {here} "
                            "(run kb inside one, or name it with --root DIR)")


def resolve_root(root: Path | str | None) -> Path:
    """``root`` checked to be a knowledge base (default: found from the working directory)."""
    if root is None:
        return find_root()
    path = Path(root).resolve()
    if not path.is_dir():
        raise NotAKnowledgeBase(f"no such folder: {path}")
    if not ((path / "claims").is_dir() and (path / "datasets").is_dir()):
        raise NotAKnowledgeBase(f"{path} is not a knowledge base: it needs claims/ and datasets/")
    return path


def load(root: Path | str | None = None) -> KnowledgeBase:
    """Read and validate everything under ``root`` (default: found from the working directory).

    Where the parse cache is used (:func:`parse_cache_dir`), the last load is kept beside it
    with what decided it and given back while all of that is unchanged
    (:mod:`kb.store.snapshot`)."""
    root = resolve_root(root)
    # Loading creates millions of small objects that all stay alive; the cyclic garbage
    # collector would walk them again and again (2-3x the parse time). Nothing here makes
    # cycles, so it is paused for the duration.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        cache = parse_cache_dir(root)
        if cache is None:
            return _Loading(root).run()
        kept = snapshot.read(cache.parent, root)
        if kept is not None:
            return kept
        loading = _Loading(root, snapshot.Recorder())
        kb = loading.run()
        snapshot.write(cache.parent, root, loading.recorder, kb)
        return kb
    finally:
        if was_enabled:
            gc.enable()


# --------------------------------------------------------------------------- field types


def _kind_of(v: Any) -> str:
    """What a value is, in words (never a Python class name)."""
    if isinstance(v, dict):
        return "a mapping"
    if isinstance(v, list):
        return "a list"
    if isinstance(v, bool):
        return "true/false"
    if v is None:
        return "nothing"
    if isinstance(v, (int, float)):
        return f"the number {v!r}"
    if isinstance(v, (datetime.date, datetime.datetime)):
        return f"the date {v.isoformat()}"
    return f"the text {str(v)[:40]!r}"


class _Bad(Exception):
    """A field value of the wrong type; the message says what was expected."""


def _as_id(v):
    if type(v) is str and _ID.match(v):
        return v
    if isinstance(v, bool) or not isinstance(v, (str, int)) or isinstance(v, Unusual):
        raise _Bad(f"must be an id, got {_kind_of(v)}")
    s = str(v)
    if not _ID.match(s):
        raise _Bad(f"{s[:60]!r} is not an id (letters, digits, '.', '_' and '-', starting with a letter or digit)")
    return s


def _as_text(v):
    if isinstance(v, (dict, list)) or isinstance(v, bool) or v is None:
        raise _Bad(f"must be text, got {_kind_of(v)}")
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()
    return str(v)


def _as_number(v):
    t = type(v)
    if t is float:
        if v != v or v in (math.inf, -math.inf):
            raise _Bad(f"must be a finite number, got {v!r}")
        return v
    if t is int:
        try:
            return float(v)
        except OverflowError:
            raise _Bad(f"is out of range ({len(str(v))} digits)") from None
    if isinstance(v, bool):
        raise _Bad(f"must be a number, got {_kind_of(v)}")
    if isinstance(v, Unusual):
        raise _Bad(f"must be a plain decimal number, got {str(v)!r} ({v.why})")
    if isinstance(v, int):
        try:
            x = float(v)
        except OverflowError:
            raise _Bad(f"is out of range ({len(str(v))} digits)") from None
    elif isinstance(v, float):
        x = v
    elif isinstance(v, str):
        s = v.strip()
        if not _DECIMAL.match(s):
            raise _Bad(f"must be a number, got the text {v[:40]!r} (write decimals like 1234.5 or \"1,234.5\")")
        x = float(s.replace(",", ""))
    else:
        raise _Bad(f"must be a number, got {_kind_of(v)}")
    if math.isnan(x) or math.isinf(x):
        raise _Bad(f"must be a finite number, got {str(v)[:40]!r}")
    return x


def _as_integer(v):
    if isinstance(v, bool) or not isinstance(v, int) or isinstance(v, Unusual) or v < 0:
        raise _Bad(f"must be a character offset (a whole number ≥ 0), got {_kind_of(v)}")
    return v


def _as_date(v):
    if isinstance(v, datetime.datetime):
        return v.date()
    if isinstance(v, datetime.date):
        return v
    if isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 9999:
        return v
    if isinstance(v, str) and not isinstance(v, Unusual) and _PARTIAL_DATE.match(v) and int(v[:4]) >= 1:
        try:
            if len(v) == 10:
                return datetime.date.fromisoformat(v)
            if len(v) == 7 and not 1 <= int(v[5:7]) <= 12:
                raise ValueError
            return v
        except ValueError:
            pass
    raise _Bad(f"must be a date YYYY-MM-DD (or YYYY-MM, YYYY), got {str(v)[:40]!r}"
               + (" (not a real date)" if isinstance(v, (str, Unusual)) and _PARTIAL_DATE.match(str(v)) else ""))


def _as_bool(v):
    if not isinstance(v, bool):
        raise _Bad(f"must be true or false, got {_kind_of(v)}")
    return v


_MAPPINGS: dict[tuple, dict] = {}
_EMPTY: dict = {}  # the conditions of a record that states none (shared; records never change them)


def _as_mapping(v):
    if not isinstance(v, dict):
        raise _Bad(f"must be a mapping of key: value, got {_kind_of(v)}")
    out = {}
    for k, x in v.items():
        if isinstance(x, (dict, list)) or x is None:
            raise _Bad(f"must map each key to a plain value; {k!r} has {_kind_of(x)}")
        out[str(k)] = x.isoformat() if isinstance(x, (datetime.date, datetime.datetime)) else str(x)
    # records repeat the same few condition sets: share one (records never change them)
    key = tuple(out.items())
    shared = _MAPPINGS.get(key)
    if shared is None:
        if len(_MAPPINGS) < 100_000:
            _MAPPINGS[key] = out
        return out
    return shared


def _as_list(v):
    if not isinstance(v, list):
        raise _Bad(f"must be a list, got {_kind_of(v)}")
    for x in v:
        if isinstance(x, (dict, list)) or x is None:
            raise _Bad(f"must be a list of plain values, got an item that is {_kind_of(x)}")
    return tuple(str(x) for x in v)


def _as_words(v):
    """A ``cues:``/``needs:`` list: each entry a word or phrase that compiles (its line on a bad one)."""
    if not isinstance(v, list):
        raise _Bad(f"must be a list of words, got {_kind_of(v)}")
    lines = getattr(v, "lines", None) or ()
    for i, x in enumerate(v):
        try:
            if type(x) is not str:
                raise ValueError(f"an entry must be a word or phrase, got {_kind_of(x)}")
            word_pattern(x)
        except ValueError as exc:
            bad = _Bad(f"entry {i + 1}: {exc}")
            bad.line = lines[i] if i < len(lines) else None
            raise bad from None
    return tuple(x.strip() for x in v)


_COERCE = {"id": _as_id, "text": _as_text, "number": _as_number, "integer": _as_integer, "date": _as_date,
           "bool": _as_bool, "mapping": _as_mapping, "list": _as_list, "words": _as_words,
           "any": lambda v: v}


@functools.lru_cache(maxsize=None)
def _field_index(schema: RecordSchema) -> dict[str, tuple]:
    """name -> (Field, coercion function; None for nested records)."""
    out = {}
    for f in schema.fields:
        if f.type in ("record", "records"):
            out[f.name] = (f, None)
        else:
            out[f.name] = (f, _COERCE["text" if f.type == "enum" else f.type])
    return out


@functools.lru_cache(maxsize=None)
def _required(schema: RecordSchema) -> tuple[str, ...]:
    return tuple(f.name for f in schema.fields if f.required)


def _suggest(name: str, known) -> str:
    close = difflib.get_close_matches(str(name), [str(k) for k in known], n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


# --------------------------------------------------------------------------- the loading


#: The parse cache of a project (see :func:`kb.store.yamlnodes.read`): used when the project
#: has a ``.cache`` folder (``make`` creates it; it is git-ignored) and ``KB_NO_PARSE_CACHE``
#: is not set, so a knowledge base elsewhere never gets a folder it did not ask for.
PARSE_CACHE = Path(".cache") / "kb-parse"


def parse_cache_dir(root: Path) -> Path | None:
    if os.environ.get("KB_NO_PARSE_CACHE") or not (Path(root) / ".cache").is_dir():
        return None
    return Path(root) / PARSE_CACHE


class _Loading:
    def __init__(self, root: Path, recorder: snapshot.Recorder | None = None):
        self.root = root
        self.recorder = recorder  # what decides this load, to keep it (see kb.store.snapshot)
        self.cache_dir = parse_cache_dir(root)
        self.findings: list[Finding] = []
        self.files: list[str] = []
        self.places: dict[tuple[str, str], list[tuple[str, int]]] = {}
        self.marked: list[tuple[str, str]] = []  # the order of marks, to undo a file's
        self.conditions: dict[str, ConditionKey] = {}
        self.properties: dict[str, Property] = {}
        self.entities: dict[str, Entity] = {}
        self.sources: dict[str, Source] = {}
        self.citations: dict[str, Citation] = {}
        self.references: list[Reference] = []
        self.claims: list[Claim] = []
        self.unrecorded: dict[str, tuple[Unrecorded, ...]] = {}
        self.rates: dict[tuple[str, int], Rate] = {}

    # --- findings and places

    def add(self, rule: Rule, message: str, path: str, line: int | None, ids=()) -> None:
        self.findings.append(rule.finding(message, path, line, tuple(i for i in ids if i)))

    def mark(self, kind: str, ident: str, rel: str, line: int) -> None:
        key = (kind, ident)
        self.places.setdefault(key, []).append((rel, line))
        self.marked.append(key)

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    # --- files

    def files_in(self, folder: Path, drafts: bool = False) -> list[Path]:
        """The ``*.yaml`` files of a folder, in name order; a finding for each file that looks
        like one but will not be read (``.yml``, a dangling or outside symbolic link)."""
        entries = snapshot.listing(folder)  # (name, is a link, where it leads, is a file)
        if self.recorder is not None:
            self.recorder.note("ls", folder, entries)
        if entries is None:
            return []
        out = []
        for name, link, target, is_file in entries:
            p = folder / name
            suffix = p.suffix
            rel = self.rel(p)
            if link:
                if target is None:
                    self.add(cat.YAML_SYNTAX, "a symbolic link that points nowhere (or loops): not read", rel, 1)
                    continue
                if not Path(target).is_relative_to(self.root):
                    self.add(cat.YAML_SYNTAX, "a symbolic link that points outside the project: not read", rel, 1)
                    continue
            if not is_file:
                continue
            if suffix != ".yaml":
                self.add(cat.YAML_SYNTAX, f"knowledge-base files end in '.yaml', not {suffix!r}: this file is not read; "
                         "rename it", rel, 1)
                continue
            if name.endswith(".draft.yaml") and not drafts and folder.name == "claims":
                continue  # drafts are proposals, not knowledge
            out.append(p)
        return out

    def read(self, path: Path) -> Any:
        rel = self.rel(path)
        self.files.append(rel)
        seen = self.recorder.bytes_of(path) if self.recorder is not None else None
        try:
            return yamlnodes.read(path, cache_dir=self.cache_dir, on_bytes=seen)
        except YamlProblem as exc:
            self.add(cat.YAML_SYNTAX, exc.message, rel, exc.line)
            return _MISSING
        finally:
            if seen is not None:
                seen.done()

    # --- validation against the schema

    def fields(self, rec: Marked, schema: RecordSchema, rel: str, ident: str = "") -> dict[str, Any]:
        """The fields of ``rec`` the schema knows, each coerced to its type; a finding for every
        unknown key, key given twice, missing required field and value of the wrong type."""
        out: dict[str, Any] = {}
        index = _field_index(schema)
        for key, v in rec.items():
            entry = index.get(key) if type(key) is str else None
            if entry is None:
                self.add(cat.SCHEMA, f"{schema.kind} has no field {str(key)!r}{_suggest(key, schema.names)}",
                         rel, rec.lines.get(key, rec.line), (ident,) if ident else ())
                continue
            if v is None:
                continue
            f, coerce = entry
            if type(v) is str and f.type == "text":  # the common case, without a call
                out[key] = v
                continue
            if coerce is None:
                if f.type == "records":
                    out[key] = v
                    continue
                sub = SCHEMAS[f.values[0]]
                if not isinstance(v, Marked):
                    self.add(cat.SCHEMA, f"{key!r} must be a mapping ({sub.doc.lower().rstrip('.')}), got {_kind_of(v)}",
                             rel, rec.lines.get(key, rec.line), (ident,) if ident else ())
                    continue
                out[key] = (v, self.fields(v, sub, rel, ident))
                continue
            try:
                x = coerce(v)
            except _Bad as exc:
                self.add(cat.SCHEMA, f"{key!r} {exc}", rel, getattr(exc, "line", None) or rec.lines.get(key, rec.line),
                         (ident,) if ident else ())
                continue
            if f.type == "enum" and x not in f.values:
                self.add(cat.SCHEMA, f"{key!r} must be one of {', '.join(f.values)}, not {x[:40]!r}"
                         f"{_suggest(x, f.values)}", rel, rec.lines.get(key, rec.line), (ident,) if ident else ())
                continue
            out[key] = x
        if rec.dup_keys:
            for key, line in rec.dup_keys:
                self.add(cat.SCHEMA, f"key {str(key)!r} given twice in one {schema.kind}; the first is lost", rel, line,
                         (ident,) if ident else ())
        for name in _required(schema):
            if name not in out and name not in rec:
                self.add(cat.SCHEMA, f"{schema.kind} is missing required field {name!r}", rel, rec.line,
                         (ident,) if ident else ())
        return out

    def records(self, data: Any, rel: str, file_kind: str) -> dict[str, Any]:
        """The top-level fields of a file (validated), with ``records`` lists kept raw."""
        schema = FILES[file_kind]
        if data is _MISSING:
            return {}
        if data is None:
            if not any(f.required for f in schema.fields):
                return {}
            self.add(cat.SCHEMA, f"empty file: a {schema.kind} needs {', '.join(repr(f.name) for f in schema.fields if f.required) or 'content'}"
                     + (" (an empty list is written `claims: []`)" if file_kind == "claims" else ""), rel, 1)
            return {}
        if not isinstance(data, Marked):
            self.add(cat.SCHEMA, f"the file must be a mapping with {', '.join(repr(f.name) for f in schema.fields)}, "
                     f"got {_kind_of(data)}", rel, getattr(data, "line", 1))
            return {}
        return self.fields(data, schema, rel)

    def items(self, top: dict, key: str, data: Marked, rel: str) -> Iterator[tuple[Marked, int]]:
        items = top.get(key)
        if items is None:
            return
        line = data.lines.get(key, data.line)
        if not isinstance(items, list):
            self.add(cat.SCHEMA, f"{key!r} must be a list, got {_kind_of(items)}", rel, line)
            return
        for i, item in enumerate(items):
            at = items.lines[i] if isinstance(items, MarkedList) else line
            if not isinstance(item, Marked):
                self.add(cat.SCHEMA, f"{key}[{i}] must be a mapping, got {_kind_of(item)}", rel, at)
                continue
            yield item, at

    # --- the knowledge base

    def run(self) -> KnowledgeBase:
        ds = self.root / "datasets"
        self.load_conditions(ds / "conditions.yaml")
        for path in self.files_in(ds / "properties"):
            self.load_properties(path)
        for path in self.files_in(ds / "entities"):
            self.load_entities(path)
        self.link_variants()
        for path in self.files_in(ds / "sources"):
            self.load_source(path)
        ref_docs = [(p, self.read(p)) for p in self.files_in(ds / "references")]
        for path, data in ref_docs:  # citations first: a reference may cite one from another file
            self.load_citations(path, data)
        for path, data in ref_docs:
            self.load_references(path, data)
            if isinstance(data, Marked):
                self.load_rates(data, self.rel(path))
        for path in self.files_in(self.root / "claims"):
            self.load_claims(path)
        self.report_duplicates()
        claims = tuple(self.claims)
        refs = tuple(self.references)
        return KnowledgeBase(
            root=self.root, sources=self.sources, entities=self.entities, properties=self.properties,
            conditions=self.conditions, claims=claims, references=refs, citations=self.citations,
            unrecorded=self.unrecorded, files=tuple(self.files), load_findings=tuple(self.findings),
            claims_by_id={c.id: c for c in reversed(claims)}, references_by_id={r.id: r for r in reversed(refs)},
            rates=self.rates,
        )

    def report_duplicates(self) -> None:
        for (kind, ident), places in self.places.items():
            if len(places) < 2:
                continue
            first = f"{places[0][0]}:{places[0][1]}"
            for path, line in places[1:]:
                what = f"alias {ident!r} already names another entity" if kind == "alias" else f"{kind} id {ident!r} is already defined"
                self.add(cat.DUPLICATE_ID, f"{what} at {first}", path, line, () if kind == "alias" else (ident,))

    def load_conditions(self, path: Path) -> None:
        exists = path.exists()
        if self.recorder is not None:
            self.recorder.note("exists", path, exists)
        if not exists:
            return
        rel = self.rel(path)
        data = self.read(path)
        top = self.records(data, rel, "conditions")
        raw = data.get("conditions") if isinstance(data, Marked) else None
        if "conditions" not in top or not isinstance(raw, Marked):
            return
        for key, spec in raw.items():
            line = raw.lines.get(key, raw.line)
            if not isinstance(spec, Marked):
                self.add(cat.SCHEMA, f"condition {key!r} must be a mapping with a description, got {_kind_of(spec)}", rel, line)
                continue
            f = self.fields(spec, SCHEMAS["condition"], rel, str(key))
            self.conditions[str(key)] = ConditionKey(
                id=str(key), description=f.get("description", ""), values=f.get("values"), pattern=f.get("pattern"),
                examples=f.get("examples", ()), values_from=f.get("values_from"), mixup=f.get("mixup"),
                display=f.get("display", "value"), default=f.get("default"), ratio=f.get("ratio"), line=line)

    def load_properties(self, path: Path) -> None:
        rel = self.rel(path)
        data = self.read(path)
        top = self.records(data, rel, "properties")
        for rec, _ in self.items(top, "properties", data, rel):
            f = self.fields(rec, SCHEMAS["property"], rel, str(rec.get("id") or ""))
            pid = f.get("id")
            if pid is None:
                continue
            self.mark("property", pid, rel, rec.line)
            ptype = f.get("type", "quantity")
            unit = f.get("canonical_unit")
            if ptype == "quantity" and unit is None and "canonical_unit" not in rec and "unit_from" not in f:
                self.add(cat.SCHEMA, f"property {pid}: a quantity needs a canonical_unit", rel, rec.line, (pid,))
            if "unit_from" in f and "canonical_unit" in rec:
                self.add(cat.SCHEMA, f"property {pid}: give canonical_unit or unit_from, not both (unit_from takes "
                         f"the unit of the {f['unit_from']}'s property)", rel, rec.lines.get("unit_from", rec.line), (pid,))
            dim = None
            if unit:
                try:
                    dim = dimensionality(unit)
                except UnitError as exc:
                    self.add(cat.UNIT_UNKNOWN, f"property {pid}: {exc}", rel, rec.lines.get("canonical_unit", rec.line), (pid,))
                    unit = None
            conds = f.get("conditions", ())
            for c in conds:
                if self.conditions and c not in self.conditions:
                    self.add(cat.UNKNOWN_CONDITION, f"property {pid}: condition key {c!r} is not in datasets/conditions.yaml"
                             f"{_suggest(c, self.conditions)}", rel, rec.lines.get("conditions", rec.line), (pid,))
            plausible = self.plausible(rec.get("plausible"), rel, rec, pid, unit) if "plausible" in f else ()
            self.properties[pid] = Property(
                id=pid, name=f.get("name", pid), description=f.get("description", ""), path=rel, line=rec.line,
                type=ptype, canonical_unit=unit, states_maximum=f.get("states_maximum", False),
                signed=f.get("signed", False), dated=f.get("dated", False), comparison=f.get("comparison"), unit_from=f.get("unit_from"),
                conditions=conds, plausible=plausible,
                values_from=f.get("values_from"), registry_field=f.get("registry_field"), dimensionality=dim,
                lines=rec.lines)

    def plausible(self, raw: Any, rel: str, rec: Marked, pid: str, unit: str | None) -> tuple[Plausible, ...]:
        if not isinstance(raw, Marked):
            return ()
        out = []
        for kind, specs in raw.items():
            line = raw.lines.get(kind, rec.line)
            for spec in (specs if isinstance(specs, list) else [specs]):
                if not isinstance(spec, Marked):
                    self.add(cat.SCHEMA, f"property {pid}: plausible.{kind} needs low, high and rationale", rel, line, (pid,))
                    continue
                f = self.fields(spec, SCHEMAS["plausible"], rel, pid)
                if not unit or "low" not in f or "high" not in f:
                    continue
                bounds = []
                for end in ("low", "high"):
                    text = f[end].strip()
                    num, _, u = text.partition(" ")
                    try:
                        x = _as_number(num)
                        factor = conversion_factor(u or unit, unit)
                    except (_Bad, UnitError) as exc:
                        rule = cat.UNIT_DIMENSION if getattr(exc, "kind", None) == "dimension" else cat.UNIT_UNKNOWN
                        self.add(rule, f"property {pid}: plausible.{kind}.{end} {text!r}: {exc}", rel,
                                 spec.lines.get(end, line), (pid,))
                        break
                    bounds.append(x * factor)
                if len(bounds) == 2:
                    out.append(Plausible(str(kind), bounds[0], bounds[1], f.get("rationale", ""),
                                         f"{f['low']} to {f['high']}", f.get("conditions", {}), spec.line))
        return tuple(out)

    def load_entities(self, path: Path) -> None:
        rel = self.rel(path)
        data = self.read(path)
        top = self.records(data, rel, "entities")
        for rec, _ in self.items(top, "entities", data, rel):
            f = self.fields(rec, SCHEMAS["entity"], rel, str(rec.get("id") or ""))
            eid = f.get("id")
            if eid is None:
                continue
            self.mark("entity", eid, rel, rec.line)
            aliases = f.get("aliases", ())
            for a in sorted({a.strip().lower() for a in aliases}):
                self.mark("alias", a, rel, rec.lines.get("aliases", rec.line))
            for a in sorted({a.strip().lower() for a in f.get("word_aliases", ())} - {a.strip().lower() for a in aliases}):
                self.mark("alias", a, rel, rec.lines.get("word_aliases", rec.line))
            for a in sorted({a.strip().lower() for a in f.get("ticker_aliases", ())}
                            - {a.strip().lower() for a in (*aliases, *f.get("word_aliases", ()))}):
                self.mark("alias", a, rel, rec.lines.get("ticker_aliases", rec.line))
            if f.get("line_aliases") and f.get("released") is None:
                self.add(cat.SCHEMA, f"entity {eid}: 'line_aliases' name it only as the version current at a "
                         "date, so it needs its 'released' date (nothing is read from them without one)",
                         rel, rec.lines.get("line_aliases", rec.line), (eid,))
            self.entities[eid] = Entity(
                id=eid, name=f.get("name", eid), kind=f.get("kind", "unknown"), path=rel, line=rec.line,
                vendor=f.get("vendor"), architecture=f.get("architecture"), family=f.get("family"),
                class_of=f.get("class_of"),
                aliases=(*aliases, *(a for a in (*f.get("word_aliases", ()), *f.get("ticker_aliases", ())) if a not in aliases)),
                note=f.get("note"), released=f.get("released"),
                retired=f.get("retired"), lines=rec.lines)

    def link_variants(self) -> None:
        variants: dict[str, list[str]] = {}
        for e in self.entities.values():
            if e.family and e.family in self.entities and e.family != e.id:
                variants.setdefault(e.family, []).append(e.id)
        for fam, vs in variants.items():
            self.entities[fam] = dataclasses.replace(self.entities[fam], variants=tuple(vs))

    def load_source(self, path: Path) -> None:
        rel = self.rel(path)
        rec = self.read(path)
        if rec is _MISSING:
            return
        if not isinstance(rec, Marked):
            self.add(cat.SCHEMA, f"source metadata must be a mapping, got {_kind_of(rec)}", rel, getattr(rec, "line", 1))
            return
        f = self.fields(rec, SCHEMAS["source"], rel, str(rec.get("id") or ""))
        sid = f.get("id")
        if sid is None:
            return
        if sid != path.stem:
            self.add(cat.SCHEMA, f"source id {sid!r} must equal the file name {path.stem!r}", rel, rec.lines.get("id", rec.line), (sid,))
        elif not _SOURCE_ID.match(sid):
            self.add(cat.SCHEMA, f"source id {sid!r} must be lower-case letters, digits, '_' and '-'", rel,
                     rec.lines.get("id", rec.line), (sid,))
        sha = f.get("sha256")
        if sha is not None and not _SHA256.match(sha):
            self.add(cat.SCHEMA, f"'sha256' must be the 64 hex digits of the text's SHA-256, got {sha[:70]!r}", rel,
                     rec.lines.get("sha256", rec.line), (sid,))
            sha = None
        self.mark("source", sid, rel, rec.line)
        text_name = f.get("text") or f"{path.stem}.txt"
        text_file = path.parent / text_name
        text_rel = self.rel(text_file)
        text = None
        target = snapshot.resolved(text_file)  # (None: missing, or a link that loops)
        if self.recorder is not None:
            self.recorder.note("resolve", text_file, target)
        resolved = None if target is None else Path(target)
        if resolved is None:
            self.add(cat.SOURCE_PATH, f"source text {text_rel} is missing", rel, rec.lines.get("text", rec.line), (sid,))
        if resolved is not None and not resolved.is_relative_to(self.root):
            self.add(cat.SOURCE_PATH, f"source text {text_name!r} points outside the project", rel,
                     rec.lines.get("text", rec.line), (sid,))
        elif resolved is not None:
            seen = self.recorder.bytes_of(resolved) if self.recorder is not None else None
            try:
                raw = resolved.read_bytes()
                if seen is not None:
                    seen(raw)
            except OSError as exc:
                raw = None
                self.add(cat.SOURCE_PATH, f"source text {text_rel} cannot be read: {exc.strerror or exc}", rel, rec.line, (sid,))
            if seen is not None:
                seen.done()
            if raw is not None:
                digest = hashlib.sha256(raw).hexdigest()
                if sha and digest != sha:
                    self.add(cat.SOURCE_HASH_MISMATCH,
                             f"{text_rel} was changed after registration (SHA-256 {digest[:12]}…, registered {sha[:12]}…); "
                             "sources are never edited: register the new text as a new source",
                             rel, rec.lines.get("sha256", rec.line), (sid,))
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    self.add(cat.SOURCE_PATH, f"source text {text_rel} is not UTF-8 (byte {exc.start})", rel, rec.line, (sid,))
        self.sources[sid] = Source(
            id=sid, path=rel, line=rec.line, text_path=text_rel, title=f.get("title"), publisher=f.get("publisher"),
            author=f.get("author"), published=f.get("published"), url=f.get("url"),
            original_filename=f.get("original_filename"), sha256=sha, trust=f.get("trust"), note=f.get("note"),
            text=text, lines=rec.lines)

    def load_citations(self, path: Path, data: Any) -> None:
        rel = self.rel(path)
        top = self.records(data, rel, "references")
        for rec, _ in self.items(top, "citations", data, rel):
            f = self.fields(rec, SCHEMAS["citation"], rel, str(rec.get("id") or ""))
            cid = f.get("id")
            if cid is None:
                continue
            self.mark("citation", cid, rel, rec.line)
            self.citations[cid] = Citation(cid, rel, rec.line, f.get("publisher"), f.get("title"), f.get("url"),
                                           f.get("date"), f.get("kind"))

    def load_references(self, path: Path, data: Any) -> None:
        rel = self.rel(path)
        if not isinstance(data, Marked):
            return  # reported by load_citations
        top = {k: data.get(k) for k in ("references",) if k in data}
        schema = SCHEMAS["reference"]
        for rec, _ in self.items(top, "references", data, rel):
            f = self.fields(rec, schema, rel, str(rec.get("id") or ""))
            base = self.value(rec, f, rel, "reference")
            if base is None:
                continue
            rid = base["id"]
            cit = f.get("citation")
            if cit is not None and cit not in self.citations:
                self.add(cat.SCHEMA, f"reference {rid}: unknown citation {cit!r}{_suggest(cit, self.citations)}", rel,
                         rec.lines.get("citation", rec.line), (rid,))
            frm, to = f.get("valid_from"), f.get("valid_to")
            if frm is not None and to is not None and _sort_date(frm) > _sort_date(to):
                self.add(cat.SCHEMA, f"reference {rid}: valid_from {frm} is after valid_to {to}", rel,
                         rec.lines.get("valid_from", rec.line), (rid,))
                base["ok"] = False
            self.references.append(Reference(
                **base, citation=cit, locator=f.get("locator"), valid_from=frm, valid_to=to,
                estimate_by=f.get("estimate_by"), verified=f.get("verified"), **self.terms(f)))

    def load_rates(self, data: Marked, rel: str) -> None:
        """The yearly average exchange rates of a references file (``rates:``)."""
        top = {"rates": data.get("rates")} if "rates" in data else {}
        for rec, _ in self.items(top, "rates", data, rel):
            f = self.fields(rec, SCHEMAS["rate"], rel)
            if not all(k in f for k in ("currency", "year", "per_usd", "citation")):
                continue  # the schema finding is out already
            cur, year, cit = f["currency"], f["year"], f["citation"]
            if cur not in FOREIGN_CURRENCIES:
                self.add(cat.SCHEMA, f"rate: currency {cur!r} is not one of {', '.join(FOREIGN_CURRENCIES)} "
                         "(the currencies of kb/core/units.txt other than USD)", rel, rec.lines.get("currency", rec.line))
                continue
            if f["per_usd"] <= 0:
                self.add(cat.SCHEMA, f"rate: per_usd must be above 0, got {f['per_usd']:g}", rel,
                         rec.lines.get("per_usd", rec.line))
                continue
            if cit not in self.citations:
                self.add(cat.SCHEMA, f"rate {cur} {year}: unknown citation {cit!r}{_suggest(cit, self.citations)}", rel,
                         rec.lines.get("citation", rec.line))
                continue
            if (cur, year) in self.rates:
                first = self.rates[(cur, year)]
                self.add(cat.DUPLICATE_ID, f"a {cur} rate for {year} is already given at {first.path}:{first.line}", rel,
                         rec.line)
                continue
            self.rates[(cur, year)] = Rate(cur, year, float(f["per_usd"]), cit, rel, rec.line, f.get("locator"),
                                           f.get("quote"))

    def in_usd(self, prop, q: str, out: dict, written: dict, when: Any) -> tuple[Interval | None, str | None]:
        """The USD interval of a money value stated in another currency (``(None, None)`` when
        its unit is no currency's), or ``(None, why not)`` when no rate converts it."""
        fx = foreign_currency(out["unit"], prop.canonical_unit)
        if fx is None:
            return None, None
        code, factor = fx
        day = date_of(when)
        year = day.year if day is not None else None
        if year is None:
            return None, (f"not compared: a {code} value needs a date (its as_of, or its source's published date) "
                          "to pick the exchange rate")
        rate = self.rates.get((code, year))
        if rate is None:
            return None, f"not compared: no {code} rate for {year} among the cited exchange rates"
        in_own = to_interval(dataclasses.replace(prop, canonical_unit=out["unit"]), q, out["unit"], out.get("value"),
                             out.get("low"), out.get("high"), written)
        if isinstance(in_own, Problem):
            return None, f"not compared: {in_own.message}"
        k = factor / rate.per_usd
        return Interval(in_own.low * k, in_own.high * k, prop.canonical_unit, rate), None

    def load_claims(self, path: Path) -> None:
        """A claims file, read record by record: each claim is built as soon as the parser
        has read it, so a file of any size needs memory for the claims only."""
        rel = self.rel(path)
        self.files.append(rel)
        before = (len(self.claims), len(self.findings), len(self.marked))
        seen = self.recorder.bytes_of(path) if self.recorder is not None else None
        pending: list[tuple[Any, int]] = []

        def on_item(item: Any, line: int, top: Marked) -> None:
            src = top.get("source")
            if "source" in top and (src is None or isinstance(src, str)):
                while pending:
                    self.claim_record(*pending.pop(0), rel, src)
                self.claim_record(item, line, rel, src)
            else:
                pending.append((item, line))

        try:
            data = yamlnodes.read(path, stream="claims", on_item=on_item, cache_dir=self.cache_dir, on_bytes=seen)
        except YamlProblem as exc:  # the file is skipped whole, as if never read
            n_claims, n_findings, n_marked = before
            del self.claims[n_claims:], self.findings[n_findings:]
            for key in self.marked[n_marked:]:
                self.places[key].pop()
            del self.marked[n_marked:]
            self.add(cat.YAML_SYNTAX, exc.message, rel, exc.line)
            return
        finally:
            if seen is not None:
                seen.done()
        top = self.records(data, rel, "claims")
        source = top.get("source")
        if isinstance(data, Marked) and "source" in data and source is not None:
            if source != path.stem:
                self.add(cat.SCHEMA, f"source {source!r} must equal the file name {path.stem!r}", rel,
                         data.lines.get("source", data.line))
            elif source not in self.sources:
                self.add(cat.UNKNOWN_SOURCE, f"no source {source!r} in datasets/sources/{_suggest(source, self.sources)}",
                         rel, data.lines.get("source", data.line))
        for item, line in pending:  # the file named its source after its claims
            self.claim_record(item, line, rel, source)
        claims = data.get("claims") if isinstance(data, Marked) else None
        if claims is not None and not isinstance(claims, list):
            self.add(cat.SCHEMA, f"'claims' must be a list, got {_kind_of(claims)}", rel, data.lines.get("claims", data.line))
        if source is not None:
            self.unrecorded[source] = tuple(self.load_unrecorded(top, data, rel))

    def claim_record(self, rec: Any, line: int, rel: str, source: str | None) -> None:
        if not isinstance(rec, Marked):
            self.add(cat.SCHEMA, f"a claim must be a mapping, got {_kind_of(rec)}", rel, line)
            return
        f = self.fields(rec, SCHEMAS["claim"], rel, str(rec.get("id") or ""))
        src = self.sources.get(source) if isinstance(source, str) else None
        base = self.value(rec, f, rel, "claim", f.get("as_of") or (src.published if src is not None else None))
        if base is None:
            return
        cid = base["id"]
        review = None
        if "review" in f:
            raw, rf = f["review"]
            if "verdict" in rf and "note" in rf and "date" in rf:
                d = rf["date"]
                review = Review(cid, rf["verdict"], rf.get("note"), d.isoformat() if hasattr(d, "isoformat") else str(d),
                                rf.get("reviewer"), rf.get("fingerprint"))
        derived = None
        if "derived" in f:
            raw, df = f["derived"]
            if "formula" in df and "from" in df:
                derived = Relation(df["formula"], df["from"], rec.lines.get("derived", raw.line))  # the line of the `derived:` key
        claim = Claim(**base, source=source, quote=f.get("quote"), start=f.get("start"), end=f.get("end"),
                      as_of=f.get("as_of"), review=review, derived=derived, **self.terms(f))
        if review is not None and review.fingerprint != fingerprint(claim):
            claim = dataclasses.replace(claim, review=dataclasses.replace(review, current=False))
        self.claims.append(claim)

    @staticmethod
    def terms(f: dict) -> dict[str, Term]:
        """The numerator and denominator of a comparison record, as :class:`Term` values."""
        out = {}
        for side in ("numerator", "denominator"):
            if side in f:
                raw, tf = f[side]
                out[side] = Term(tf.get("entity"), tf.get("property"), tf.get("conditions", {}), tf.get("as_of"), raw.line)
        return out

    def load_unrecorded(self, top: dict, data: Any, rel: str) -> Iterator[Unrecorded]:
        for rec, _ in self.items(top, "unrecorded", data, rel):
            f = self.fields(rec, SCHEMAS["unrecorded"], rel)
            if "quote" in f and "reason" in f:
                yield Unrecorded(f["quote"], f.get("start"), f.get("end"), f["reason"], f.get("note"), rec.line)

    def value(self, rec: Marked, f: dict, rel: str, kind: str, when: Any = None) -> dict | None:
        """The fields claims and references share, with the value normalised."""
        ident = f.get("id")
        if ident is None:
            return None
        self.mark("claim or reference", ident, rel, rec.line)
        out = dict(id=ident, path=rel, line=rec.line, entity=f.get("entity"), property=f.get("property"),
                   conditions=f.get("conditions", _EMPTY), qualifier="exact", unit=f.get("unit"),
                   lines=Lines.of(rec.line, SCHEMAS[kind].names, rec.lines), note=f.get("note"), ok=True)
        if "qualifier" in rec and "qualifier" not in f:
            out["ok"] = False
        q = f.get("qualifier", "range" if "low" in rec and "value" not in rec else "exact")
        out["qualifier"] = q
        prop = self.properties.get(out["property"] or "")
        required_missing = any(name not in rec for name in ("id", "entity", "property"))
        if prop is not None and prop.type == "categorical":
            v = rec.get("value")
            if not isinstance(v, str) or isinstance(v, Unusual):
                self.add(cat.SCHEMA, f"{prop.id} is categorical: value must be a category id, got {_kind_of(v)}", rel,
                         rec.lines.get("value", rec.line), (ident,))
                out["ok"] = False
            out["value"] = v if isinstance(v, str) else None
            return out
        written = {}
        names = ("low", "high") if q == "range" else ("value",)
        for name in names:
            if name not in rec:
                self.add(cat.SCHEMA, f"a {'range' if q == 'range' else kind} needs {name!r}"
                         + ("" if q == "range" else " (or low/high with qualifier: range)"), rel, rec.line, (ident,))
                out["ok"] = False
            elif name not in f:
                out["ok"] = False  # the schema finding is out already
            else:
                x = f[name]
                if name == "value":
                    try:
                        x = _as_number(x)
                    except _Bad as exc:
                        self.add(cat.SCHEMA, f"'value' {exc}", rel, rec.lines.get("value", rec.line), (ident,))
                        out["ok"] = False
                        continue
                if x < 0 and not (prop is not None and prop.signed):
                    self.add(cat.SCHEMA, f"{name!r} must not be negative ({rec[name]!r}): amounts are stated as positive "
                             "numbers", rel, rec.lines.get(name, rec.line), (ident,))
                    out["ok"] = False
                out[name] = x
                written[name] = rec[name]
        if q == "range" and out["ok"] and out["low"] > out["high"]:
            self.add(cat.SCHEMA, f"range low {out['low']:g} is above high {out['high']:g}", rel,
                     rec.lines.get("low", rec.line), (ident,))
            out["ok"] = False
        if required_missing:
            out["ok"] = False
        if prop is not None and prop.unit_from and out["ok"]:
            if _term_property(rec.get("numerator")) not in ("", *self.properties):
                out["ok"] = False  # unknown-property names the side's property
                return out
            cu = side_unit(prop, out["unit"], *(self.properties.get(_term_property(rec.get(side)))
                                                for side in ("numerator", "denominator")))
            if isinstance(cu, Problem):
                self.add(cu.rule, f"{ident}: {cu.message}", rel, rec.lines.get(cu.field, rec.line), (ident,))
                out["ok"] = False
                return out
            prop = dataclasses.replace(prop, canonical_unit=cu)
        if prop is None or not out["ok"] or not prop.canonical_unit:
            return out
        iv = to_interval(prop, q, out["unit"], out.get("value"), out.get("low"), out.get("high"), written)
        if isinstance(iv, Problem) and iv.rule is cat.UNIT_DIMENSION and kind == "claim":
            usd, why = self.in_usd(prop, q, out, written, when)  # a price in another currency
            if usd is not None:
                iv = usd
            elif why is not None:
                out["not_compared"] = why
                return out
        if isinstance(iv, Problem):
            self.add(iv.rule, iv.message, rel, rec.lines.get(iv.field, rec.line), (ident,))
            out["ok"] = False
        else:
            out["interval"] = iv
        return out


def _term_property(raw: Any) -> str:
    """The property id a comparison side names ("" when the side is missing or not a mapping)."""
    if isinstance(raw, Marked):
        pid = raw.get("property")
        return pid if isinstance(pid, str) else ""
    return ""


def _sort_date(x: Any) -> str:
    return x.isoformat() if hasattr(x, "isoformat") else str(x)
