"""Reading the knowledge base: YAML with line numbers → typed, normalised records.

Loading never checks and never raises on bad data: every problem it meets (a YAML syntax
error, a file that is not UTF-8, a record that is not a mapping, a missing field, an
unreadable unit) is recorded as an :class:`~kb.model.Issue` with file and line, the record
is kept with ``ok=False`` where it is unusable, and loading goes on with the next file.
The integrity rules in :mod:`kb.rules` turn those issues into findings.
"""

from __future__ import annotations

import datetime
import gc
import hashlib
import re
import math
import os
from pathlib import Path
from typing import Any, Iterator

import yaml

from kb.core import intervals
from kb.core.records import (
    QUALIFIERS,
    TRUST_TIERS,
    VERDICTS,
    Citation,
    Claim,
    Entity,
    KnowledgeBase,
    Plausible,
    Property,
    Reference,
    Source,
)
from kb.core.units import UnitError, conversion_factor, dimensionality, parse_unit, stated_precision

#: Files above this size are refused (a claims file is a few hundred KB at most).
MAX_YAML_BYTES = 200_000_000

try:  # the C parser: 5-10x faster than the pure-Python one
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


class Marked(dict):
    """A mapping that remembers its own line and the line of each key (1-based)."""

    __slots__ = ("line", "lines", "dup_keys")


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_TS = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class _Loader(_BaseLoader):
    """The C parser with a memoised tag resolver.

    PyYAML resolves the tag of every plain scalar with a cascade of regular expressions in
    Python; claim files repeat the same few hundred scalars (units, qualifiers, entity ids)
    thousands of times, so the answer is cached by value.
    """

    _tags: dict = {}

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            if implicit[0]:
                tag = self._tags.get(value)
                if tag is None:
                    tag = super().resolve(kind, value, implicit)
                    if len(self._tags) < 100_000:
                        self._tags[value] = tag
                return tag
            return _STR if implicit[1] else super().resolve(kind, value, implicit)
        return _MAP if kind is yaml.MappingNode else _SEQ


class MarkedList(list):
    """A sequence that remembers the line of each item (1-based)."""

    __slots__ = ("lines",)


class _Alias(Exception):
    def __init__(self, line: int):
        self.line = line


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_scalar_constructor = yaml.constructor.SafeConstructor()


def _build(node, seen: set):
    """Turn a composed YAML node into plain values, mappings becoming :class:`Marked`.

    Faster than PyYAML's generic constructor (no generators, no recursion bookkeeping) and
    it notices aliases: a collection node met twice is an alias, refused.
    """
    tag = node.tag
    if tag == _STR:
        return node.value
    if tag == _MAP:
        if id(node) in seen:
            raise _Alias(node.start_mark.line + 1)
        seen.add(id(node))
        data = Marked()
        data.line = node.start_mark.line + 1
        lines = {}
        dups = []
        for k, v in node.value:
            key = _build(k, seen)
            if isinstance(key, (list, dict)):
                raise yaml.constructor.ConstructorError(None, None, "a mapping key must be a plain value", k.start_mark)
            if key in lines:
                dups.append((key, k.start_mark.line + 1))
            lines[key] = k.start_mark.line + 1
            data[key] = _build(v, seen)
        data.lines = lines
        data.dup_keys = dups
        return data
    if tag == _SEQ:
        if id(node) in seen:
            raise _Alias(node.start_mark.line + 1)
        seen.add(id(node))
        out = MarkedList(_build(v, seen) for v in node.value)
        out.lines = [v.start_mark.line + 1 for v in node.value]
        return out
    if tag == _INT:
        v = node.value
        return int(v) if v.isdigit() else _scalar_constructor.construct_yaml_int(node)
    if tag == _FLOAT:
        return _scalar_constructor.construct_yaml_float(node)
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return node.value.lower() in ("yes", "true", "on")
    if tag == _TS:
        v = node.value
        if _DATE.match(v):
            return datetime.date.fromisoformat(v)
        return _scalar_constructor.construct_yaml_timestamp(node)
    if isinstance(node, yaml.ScalarNode):
        return node.value  # an unknown tag: keep the text
    raise yaml.constructor.ConstructorError(None, None, f"unsupported YAML tag {tag}", node.start_mark)


def find_root(start: Path | None = None) -> Path:
    """The project root: the nearest folder upwards holding ``claims/`` and ``datasets/``."""
    here = (start or Path.cwd()).resolve()
    for p in (here, *here.parents):
        if (p / "claims").is_dir() and (p / "datasets").is_dir():
            return p
    raise FileNotFoundError(
        f"no knowledge base here: no folder with claims/ and datasets/ above {here}"
    )


def read_yaml(kb: KnowledgeBase, path: Path) -> Any:
    """Parse one YAML file; on any problem record an issue and return None."""
    rel = _rel(kb, path)
    kb.files.append(rel)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        kb.issue("yaml-syntax", rel, 1, f"cannot read file: {exc.strerror or exc}")
        return None
    if len(raw) > MAX_YAML_BYTES:
        kb.issue("yaml-syntax", rel, 1, f"file too large ({len(raw):,} bytes)")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        kb.issue("yaml-syntax", rel, line, f"not UTF-8: invalid byte 0x{raw[exc.start]:02x} at offset {exc.start}")
        return None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = _build(node, set()) if node is not None else None
    except _Alias as exc:
        kb.issue("yaml-syntax", rel, exc.line,
                 "YAML anchors and aliases are not allowed in knowledge-base files; write each value out")
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        kb.issue("yaml-syntax", rel, line, f"YAML syntax: {exc.problem or exc.context}")
        return None
    except yaml.YAMLError as exc:
        kb.issue("yaml-syntax", rel, 1, f"YAML: {exc}")
        return None
    except RecursionError:
        kb.issue("yaml-syntax", rel, 1, "YAML nested too deeply")
        return None
    finally:
        loader.dispose()
    return data


def _rel(kb: KnowledgeBase, path: Path) -> str:
    try:
        return path.resolve().relative_to(kb.root).as_posix()
    except ValueError:
        return path.as_posix()


def _files(folder: Path, pattern: str = "*.yaml") -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(pattern) if p.is_file())


def load(root: Path | str | None = None) -> KnowledgeBase:
    """Read and normalise everything under ``root`` (default: found from the cwd)."""
    root = Path(root).resolve() if root is not None else find_root()
    # Loading creates millions of small objects that all stay alive; the cyclic garbage
    # collector would walk them again and again (2-3x the parse time). Nothing here makes
    # cycles, so it is paused for the duration.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(root)
    finally:
        if was_enabled:
            gc.enable()


def _load(root: Path) -> KnowledgeBase:
    kb = KnowledgeBase(root=root)
    seen: dict[str, list[tuple[str, int]]] = {}
    _load_conditions(kb)
    for path in _files(root / "datasets" / "properties"):
        _load_properties(kb, path, seen)
    for path in _files(root / "datasets" / "entities"):
        _load_entities(kb, path, seen)
    for ent in kb.entities.values():
        if ent.family and ent.family in kb.entities:
            kb.entities[ent.family].variants.append(ent.id)
    for path in _files(root / "datasets" / "sources"):
        _load_source(kb, path, seen)
    ref_docs = [(p, read_yaml(kb, p)) for p in _files(root / "datasets" / "references")]
    for path, data in ref_docs:  # citations first: a reference may cite one from another file
        _load_citations(kb, path, data, seen)
    for path, data in ref_docs:
        _load_references(kb, path, data, seen)
    for path in _files(root / "claims"):
        if path.name.endswith(".draft.yaml"):
            continue  # drafts are proposals, not knowledge
        _load_claims(kb, path, seen)
    for key, places in seen.items():
        if len(places) > 1:
            kind, ident = key.split(":", 1)
            kb.duplicates.append((kind, ident, places))
    return kb


# --------------------------------------------------------------------------- helpers


def _records(kb: KnowledgeBase, data: Any, rel: str, key: str) -> Iterator[Marked]:
    """The list under ``key`` of a file's top mapping; issues for anything else."""
    if data is None:
        return
    if not isinstance(data, dict):
        kb.issue("schema", rel, getattr(data, "line", 1), f"the file must be a mapping with a '{key}' list")
        return
    items = data.get(key)
    if items is None:
        kb.issue("schema", rel, data.line, f"missing '{key}' list")
        return
    if not isinstance(items, list):
        kb.issue("schema", rel, data.lines.get(key, data.line), f"'{key}' must be a list")
        return
    for i, item in enumerate(items):
        if not isinstance(item, Marked):
            line = items.lines[i] if isinstance(items, MarkedList) else data.lines.get(key, data.line)
            kb.issue("schema", rel, line, f"{key}[{i}] is not a mapping (got {type(item).__name__}: {str(item)[:40]!r})")
            continue
        for dup, line in item.dup_keys:
            kb.issue("schema", rel, line, f"key '{dup}' given twice in one record; the first is lost")
        yield item


def _str(kb, rec: Marked, rel: str, name: str, required=True, ident="") -> str | None:
    v = rec.get(name)
    if v is None:
        if required:
            kb.issue("schema", rel, rec.line, f"missing required field '{name}'", [ident] if ident else [])
        return None
    if isinstance(v, (dict, list)) or isinstance(v, bool):
        kb.issue("schema", rel, rec.lines.get(name, rec.line), f"'{name}' must be text, got {type(v).__name__}", [ident] if ident else [])
        return None
    return str(v)


def _number(kb, rec: Marked, rel: str, name: str, ident: str) -> float | None:
    v = rec.get(name)
    line = rec.lines.get(name, rec.line)
    if isinstance(v, bool) or v is None:
        kb.issue("schema", rel, line, f"'{name}' must be a number, got {v!r}", [ident])
        return None
    if isinstance(v, str):
        s = v.strip().replace(",", "")
        try:
            x = float(s)
        except ValueError:
            kb.issue("schema", rel, line, f"'{name}' must be a number, got the text {v!r}", [ident])
            return None
    elif isinstance(v, (int, float)):
        x = float(v)
    else:
        kb.issue("schema", rel, line, f"'{name}' must be a number, got {type(v).__name__}", [ident])
        return None
    if math.isnan(x) or math.isinf(x):
        kb.issue("schema", rel, line, f"'{name}' must be a finite number, got {v!r}", [ident])
        return None
    if x < 0:
        kb.issue("schema", rel, line, f"'{name}' must not be negative ({v!r}): amounts are stated as positive numbers", [ident])
        return None
    return x


_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _date(kb, rec: Marked, rel: str, name: str, ident: str) -> Any:
    """An optional date field: a date, a year, or text YYYY[-MM[-DD]]; anything else is an issue."""
    v = rec.get(name)
    if v is None or isinstance(v, datetime.date):
        return v
    if isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 9999:
        return v
    if isinstance(v, str) and _PARTIAL_DATE.match(v) and int(v[:4]) >= 1:
        try:
            if len(v) == 10:
                datetime.date.fromisoformat(v)
            return v
        except ValueError:
            pass
    kb.issue("schema", rel, rec.lines.get(name, rec.line), f"'{name}' must be a date YYYY-MM-DD, got {v!r}", [ident])
    return None


def _mark(kb, kind: str, ident: str, rel: str, line: int, seen) -> None:
    seen.setdefault(f"{kind}:{ident}", []).append((rel, line))


# --------------------------------------------------------------------------- datasets


def _load_conditions(kb: KnowledgeBase) -> None:
    path = kb.root / "datasets" / "conditions.yaml"
    if not path.exists():
        return
    data = read_yaml(kb, path)
    if isinstance(data, dict) and isinstance(data.get("conditions"), dict):
        kb.conditions = {k: (v if isinstance(v, dict) else {}) for k, v in data["conditions"].items()}
    elif data is not None:
        kb.issue("schema", _rel(kb, path), 1, "expected a mapping 'conditions: {key: {...}}'")


def _load_properties(kb: KnowledgeBase, path: Path, seen) -> None:
    rel = _rel(kb, path)
    for rec in _records(kb, read_yaml(kb, path), rel, "properties"):
        pid = _str(kb, rec, rel, "id")
        if pid is None:
            continue
        _mark(kb, "property", pid, rel, rec.line, seen)
        ptype = str(rec.get("type") or "quantity")
        prop = Property(
            id=pid,
            name=str(rec.get("name") or pid),
            description=str(rec.get("description") or ""),
            path=rel,
            line=rec.line,
            type=ptype,
            canonical_unit=_str(kb, rec, rel, "canonical_unit", required=ptype != "categorical"),
            states_maximum=bool(rec.get("states_maximum", False)),
            conditions=[str(c) for c in (rec.get("conditions") or [])],
            values_from=rec.get("values_from"),
            registry_field=rec.get("registry_field"),
            lines=rec.lines,
        )
        if ptype not in ("quantity", "categorical"):
            kb.issue("schema", rel, rec.lines.get("type", rec.line), f"property type must be quantity or categorical, not {ptype!r}")
        for c in prop.conditions:
            if kb.conditions and c not in kb.conditions:
                kb.issue("unknown-condition", rel, rec.lines.get("conditions", rec.line), f"property {pid}: condition key {c!r} is not in datasets/conditions.yaml")
        if prop.canonical_unit:
            try:
                prop.dimensionality = dimensionality(prop.canonical_unit)
            except UnitError as exc:
                kb.issue("unit-unknown", rel, rec.lines.get("canonical_unit", rec.line), f"property {pid}: {exc}")
                prop.canonical_unit = None
        plaus = rec.get("plausible") or {}
        if isinstance(plaus, dict):
            for kind, spec in plaus.items():
                p = _plausible(kb, rel, plaus.lines.get(kind, rec.line) if isinstance(plaus, Marked) else rec.line, prop, kind, spec)
                if p:
                    prop.plausible[str(kind)] = p
        kb.properties[pid] = prop


def _plausible(kb, rel, line, prop: Property, kind, spec) -> Plausible | None:
    if not isinstance(spec, dict) or "low" not in spec or "high" not in spec:
        kb.issue("schema", rel, line, f"property {prop.id}: plausible.{kind} needs low, high and rationale")
        return None
    if not prop.canonical_unit:
        return None
    bounds = []
    for end in ("low", "high"):
        text = str(spec[end]).strip()
        num, _, unit = text.partition(" ")
        try:
            x = float(num.replace(",", ""))
            factor = conversion_factor(unit or prop.canonical_unit, prop.canonical_unit)
        except (ValueError, UnitError) as exc:
            # A unit that reads but has the wrong dimensionality is unit-dimension; anything
            # unreadable (a bare "$", an unknown word, a bad number) is unit-unknown.
            code = "unit-unknown"
            if isinstance(exc, UnitError):
                try:
                    parse_unit(unit or prop.canonical_unit)
                    code = "unit-dimension"
                except UnitError:
                    pass
            kb.issue(code, rel, line, f"property {prop.id}: plausible.{kind}.{end} {text!r}: {exc}")
            return None
        bounds.append(x * factor)
    if not spec.get("rationale"):
        kb.issue("schema", rel, line, f"property {prop.id}: plausible.{kind} has no rationale")
    return Plausible(bounds[0], bounds[1], str(spec.get("rationale") or ""), f"{spec['low']} to {spec['high']}")


def _load_entities(kb: KnowledgeBase, path: Path, seen) -> None:
    rel = _rel(kb, path)
    for rec in _records(kb, read_yaml(kb, path), rel, "entities"):
        eid = _str(kb, rec, rel, "id")
        kind = _str(kb, rec, rel, "kind", ident=eid or "")
        if eid is None:
            continue
        _mark(kb, "entity", eid, rel, rec.line, seen)
        aliases = rec.get("aliases") or []
        if not isinstance(aliases, list):
            kb.issue("schema", rel, rec.lines.get("aliases", rec.line), f"entity {eid}: aliases must be a list")
            aliases = []
        kb.entities[eid] = Entity(
            id=eid,
            name=str(rec.get("name") or eid),
            kind=kind or "unknown",
            path=rel,
            line=rec.line,
            vendor=rec.get("vendor"),
            architecture=rec.get("architecture"),
            family=rec.get("family"),
            class_of=rec.get("class_of"),
            aliases=[str(a) for a in aliases],
            note=rec.get("note"),
            lines=rec.lines,
        )


def _load_source(kb: KnowledgeBase, path: Path, seen) -> None:
    rel = _rel(kb, path)
    rec = read_yaml(kb, path)
    if rec is None:
        return
    if not isinstance(rec, Marked):
        kb.issue("schema", rel, 1, "source metadata must be a mapping")
        return
    sid = _str(kb, rec, rel, "id")
    if sid is None:
        return
    if sid != path.stem:
        kb.issue("schema", rel, rec.lines.get("id", rec.line), f"source id {sid!r} must equal the file name {path.stem!r}")
    _mark(kb, "source", sid, rel, rec.line, seen)
    text_name = str(rec.get("text") or f"{path.stem}.txt")
    text_path = (path.parent / text_name).resolve()
    src = Source(
        id=sid, path=rel, line=rec.line, text_path=_rel(kb, text_path),
        title=rec.get("title"), publisher=rec.get("publisher"), author=rec.get("author"),
        published=rec.get("published"), url=rec.get("url"),
        original_filename=rec.get("original_filename"), sha256=_str(kb, rec, rel, "sha256", ident=sid),
        trust=rec.get("trust"), note=rec.get("note"), lines=rec.lines,
    )
    if src.trust not in TRUST_TIERS:
        kb.issue("schema", rel, rec.lines.get("trust", rec.line), f"trust must be one of {', '.join(TRUST_TIERS)}, not {src.trust!r}", [sid])
    kb.sources[sid] = src
    if not text_path.is_relative_to(kb.root):
        kb.issue("source-path", rel, rec.lines.get("text", rec.line), f"source text {text_name!r} points outside the project", [sid])
        return
    try:
        raw = text_path.read_bytes()
    except OSError:
        kb.issue("source-path", rel, rec.lines.get("text", rec.line), f"source text {src.text_path} is missing", [sid])
        return
    digest = hashlib.sha256(raw).hexdigest()
    if src.sha256 and digest != src.sha256:
        kb.issue(
            "source-hash-mismatch", rel, rec.lines.get("sha256", rec.line),
            f"{src.text_path} was changed after registration (SHA-256 {digest[:12]}…, registered {src.sha256[:12]}…); "
            "sources are never edited: register the new text as a new source", [sid],
        )
    try:
        src.text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        kb.issue("source-path", rel, rec.line, f"source text {src.text_path} is not UTF-8 (byte {exc.start})", [sid])


def _load_citations(kb: KnowledgeBase, path: Path, data, seen) -> None:
    rel = _rel(kb, path)
    if isinstance(data, Marked) and data.get("citations") is not None:
        for rec in _records(kb, data, rel, "citations"):
            cid = _str(kb, rec, rel, "id")
            if cid is None:
                continue
            _mark(kb, "citation", cid, rel, rec.line, seen)
            kb.citations[cid] = Citation(cid, rel, rec.line, rec.get("publisher"), rec.get("title"),
                                         rec.get("url"), rec.get("date"), rec.get("kind"))


def _load_references(kb: KnowledgeBase, path: Path, data, seen) -> None:
    rel = _rel(kb, path)
    for rec in _records(kb, data, rel, "references"):
        ref = Reference(**_value_fields(kb, rec, rel, "reference", seen))
        if ref.id is None:
            continue
        ref.citation = _str(kb, rec, rel, "citation", ident=ref.id)
        ref.locator = rec.get("locator")
        ref.valid_from = _date(kb, rec, rel, "valid_from", ref.id)
        ref.valid_to = _date(kb, rec, rel, "valid_to", ref.id)
        ref.estimate_by = rec.get("estimate_by")
        ref.verified = rec.get("verified")
        if ref.citation and ref.citation not in kb.citations:
            kb.issue("schema", rel, rec.lines.get("citation", rec.line), f"reference {ref.id}: unknown citation {ref.citation!r}", [ref.id])
        _normalise(kb, ref)
        kb.references.append(ref)


def _load_claims(kb: KnowledgeBase, path: Path, seen) -> None:
    rel = _rel(kb, path)
    data = read_yaml(kb, path)
    if data is None:
        return
    source = None
    if isinstance(data, Marked):
        source = data.get("source")
        if source is None:
            kb.issue("schema", rel, data.line, "missing 'source' (the id of the source these claims quote)")
        elif str(source) != path.stem:
            kb.issue("schema", rel, data.lines.get("source", data.line), f"source {source!r} must equal the file name {path.stem!r}")
        elif str(source) not in kb.sources:
            kb.issue("unknown-source", rel, data.lines.get("source", data.line), f"no source {source!r} in datasets/sources/")
    for rec in _records(kb, data, rel, "claims"):
        fields = _value_fields(kb, rec, rel, "claim", seen)
        if fields["id"] is None:
            continue
        claim = Claim(**fields)
        claim.source = str(source) if source is not None else None
        claim.quote = _str(kb, rec, rel, "quote", ident=claim.id)
        for name in ("start", "end"):
            v = rec.get(name)
            if isinstance(v, int) and not isinstance(v, bool) and v >= 0:
                setattr(claim, name, v)
            else:
                kb.issue("schema", rel, rec.lines.get(name, rec.line), f"'{name}' must be a character offset (a whole number ≥ 0), got {v!r}", [claim.id])
        claim.as_of = _date(kb, rec, rel, "as_of", claim.id)
        review = rec.get("review")
        if review is not None:
            if isinstance(review, dict) and review.get("verdict") in VERDICTS:
                claim.review = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in review.items()}
            else:
                kb.issue("schema", rel, rec.lines.get("review", rec.line),
                         f"review needs a verdict ({', '.join(VERDICTS)}), a note and a date", [claim.id])
        _normalise(kb, claim)
        kb.claims.append(claim)


def _value_fields(kb, rec: Marked, rel: str, kind: str, seen) -> dict:
    ident = _str(kb, rec, rel, "id")
    out = dict(id=ident, path=rel, line=rec.line, entity=None, property=None, conditions={},
               qualifier="exact", unit=None, lines=rec.lines, note=rec.get("note"))
    if ident is None:
        return out
    _mark(kb, "value", ident, rel, rec.line, seen)
    out["entity"] = _str(kb, rec, rel, "entity", ident=ident)
    out["property"] = _str(kb, rec, rel, "property", ident=ident)
    cond = rec.get("conditions") or {}
    if isinstance(cond, dict) and all(not isinstance(v, (dict, list)) for v in cond.values()):
        out["conditions"] = {str(k): str(v) for k, v in cond.items()}
    else:
        kb.issue("schema", rel, rec.lines.get("conditions", rec.line), "conditions must be a mapping of key: value", [ident])
    q = rec.get("qualifier", "range" if "low" in rec and "value" not in rec else "exact")
    if q not in QUALIFIERS:
        kb.issue("schema", rel, rec.lines.get("qualifier", rec.line), f"qualifier must be one of {', '.join(QUALIFIERS)}, not {q!r}", [ident])
        q = "exact"
        out["ok"] = False
    out["qualifier"] = q
    unit = rec.get("unit")
    out["unit"] = str(unit) if unit is not None else None
    written = {}
    prop = kb.properties.get(out["property"] or "")
    if prop is not None and prop.type == "categorical":
        v = rec.get("value")
        if not isinstance(v, str):
            kb.issue("schema", rel, rec.lines.get("value", rec.line), f"{prop.id} is categorical: value must be a category id, got {v!r}", [ident])
            out["ok"] = False
        out["value"] = v
        return out
    if q == "range":
        for end in ("low", "high"):
            if end not in rec:
                kb.issue("schema", rel, rec.line, f"a range needs '{end}'", [ident])
                out["ok"] = False
                continue
            x = _number(kb, rec, rel, end, ident)
            out[end] = x
            written[end] = rec[end]
            if x is None:
                out["ok"] = False
        if out.get("low") is not None and out.get("high") is not None and out["low"] > out["high"]:
            kb.issue("schema", rel, rec.lines.get("low", rec.line), f"range low {out['low']} is above high {out['high']}", [ident])
            out["ok"] = False
    else:
        if "value" not in rec:
            kb.issue("schema", rel, rec.line, "missing required field 'value' (or low/high with qualifier: range)", [ident])
            out["ok"] = False
        else:
            x = _number(kb, rec, rel, "value", ident)
            out["value"] = x
            written["value"] = rec["value"]
            if x is None:
                out["ok"] = False
    out["written"] = written
    return out


def _normalise(kb: KnowledgeBase, v) -> None:
    """Compute the canonical interval, recording unit problems as issues."""
    prop = kb.properties.get(v.property or "")
    if prop is None or prop.type == "categorical" or not v.ok:
        return
    if v.unit is None:
        kb.issue("schema", v.path, v.line, "missing required field 'unit'", [v.id])
        v.ok = False
        return
    line = v.line_of("unit")
    if not prop.canonical_unit:
        v.ok = False
        return
    try:
        factor = conversion_factor(v.unit, prop.canonical_unit)
    except UnitError as exc:
        try:
            parse_unit(v.unit)
        except UnitError:
            kb.issue("unit-unknown", v.path, line, f"{exc}", [v.id])
        else:
            kb.issue("unit-dimension", v.path, line, f"{v.property} is measured in {prop.canonical_unit}: {exc}", [v.id])
        v.ok = False
        return
    w = v.written
    prec = (stated_precision(w.get("low", w.get("value"))), stated_precision(w.get("high", w.get("value"))))
    lo, hi = intervals.interval(v.qualifier, v.value, v.low, v.high, prec, prop.states_maximum)
    v.canonical_low = max(lo * factor, 0.0)
    v.canonical_high = hi * factor
    v.canonical_unit = prop.canonical_unit


def relpath(root: Path, p: Path) -> str:
    return os.path.relpath(p, root)
