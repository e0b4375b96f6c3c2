"""YAML files read with the line of every mapping, key and list item, refusing what the
knowledge base does not allow (anchors and aliases, unknown tags, nesting beyond reason).

The C parser composes the node tree; :func:`build` turns it into plain values, mappings
becoming :class:`Marked` (with ``line``, ``lines`` per key, and the keys given twice) and
lists :class:`MarkedList` (with the line of each item). Scalars keep enough of their
written form for the schema to refuse what YAML 1.1 would silently turn into something else:
an integer written in hexadecimal, octal or with underscores is a :class:`Unusual` text, and
so is an impossible date (``2026-02-30``).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import yaml

#: Files above this size are refused (a claims file is a few hundred KB at most).
MAX_YAML_BYTES = 200_000_000

try:  # the C parser: 5-10x faster than the pure-Python one
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


class Marked(dict):
    """A mapping that remembers its own line and the line of each key (1-based)."""

    __slots__ = ("line", "lines", "dup_keys")


class MarkedList(list):
    """A sequence that remembers its own line and the line of each item (1-based)."""

    __slots__ = ("line", "lines")


class Unusual(str):
    """A scalar YAML would read as a number or date but the knowledge base does not accept as
    one (``0x10``, ``1_000``, ``2026-02-30``): kept as its text, so the schema can say why."""

    __slots__ = ("why",)


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_TS = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_KNOWN = {_STR, _INT, _FLOAT, _NULL, _BOOL, _TS, _MAP, _SEQ}


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


class YamlProblem(Exception):
    """A file that cannot be used: ``line`` and ``message`` say where and why."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DECIMAL_INT = re.compile(r"^[-+]?\d+$")
_scalar_constructor = yaml.constructor.SafeConstructor()
MAX_DEPTH = 50


def build(node, seen: set | None, depth: int = 0) -> Any:
    """Plain values from a composed YAML node; mappings become :class:`Marked`.

    Faster than PyYAML's generic constructor (no generators, no recursion bookkeeping) and
    strict: a node met twice is an alias (refused); unknown tags are refused. ``seen`` is
    None when the text has no ``&`` at all, so no node can be an alias of another and
    scalars need not be tracked.
    """
    tag = node.tag
    if depth > MAX_DEPTH:
        raise YamlProblem(node.start_mark.line + 1, "YAML nested too deeply")
    if seen is not None:
        if id(node) in seen:
            raise YamlProblem(node.start_mark.line + 1,
                              "YAML anchors and aliases are not allowed in knowledge-base files; write each value out")
        seen.add(id(node))
    if tag == _STR:
        return node.value
    if tag == _MAP:
        data = Marked()
        data.line = node.start_mark.line + 1
        lines = {}
        dups = []
        for k, v in node.value:
            key = build(k, seen, depth + 1)
            if isinstance(key, (list, dict)):
                raise YamlProblem(k.start_mark.line + 1, "a mapping key must be a plain value")
            if key in lines:
                dups.append((key, k.start_mark.line + 1))
            lines[key] = k.start_mark.line + 1
            data[key] = build(v, seen, depth + 1)
        data.lines = lines
        data.dup_keys = dups
        return data
    if tag == _SEQ:
        out = MarkedList(build(v, seen, depth + 1) for v in node.value)
        out.line = node.start_mark.line + 1
        out.lines = [v.start_mark.line + 1 for v in node.value]
        return out
    if tag == _INT:
        v = node.value
        if v.isdigit():
            return int(v)
        if _DECIMAL_INT.match(v):
            return int(v)
        return _unusual(v, "an integer written in another base or with '_' or ':'")
    if tag == _FLOAT:
        v = node.value
        if "_" in v or ":" in v:
            return _unusual(v, "a number written with '_' or ':'")
        x = _scalar_constructor.construct_yaml_float(node)
        return x
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return node.value.lower() in ("yes", "true", "on")
    if tag == _TS:
        v = node.value
        try:
            if _DATE.match(v):
                return datetime.date.fromisoformat(v)
            return _scalar_constructor.construct_yaml_timestamp(node)
        except ValueError:
            return _unusual(v, "not a real date")
    if tag not in _KNOWN:
        raise YamlProblem(node.start_mark.line + 1, f"YAML tag {tag!r} is not allowed in knowledge-base files")
    return node.value  # pragma: no cover


def _unusual(text: str, why: str) -> Unusual:
    u = Unusual(text)
    u.why = why
    return u


def read(path: Path) -> Any:
    """Parse one YAML file; raise :class:`YamlProblem` (with a line) for anything unusable."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlProblem(1, f"cannot read file: {exc.strerror or exc}") from None
    if len(raw) > MAX_YAML_BYTES:
        raise YamlProblem(1, f"file too large ({len(raw):,} bytes)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlProblem(line, f"not UTF-8: invalid byte 0x{raw[exc.start]:02x} at offset {exc.start}") from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return build(node, set() if "&" in text else None) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YamlProblem(mark.line + 1 if mark else 1, f"YAML syntax: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1, f"YAML: {exc}") from None
    except RecursionError:
        raise YamlProblem(1, "YAML nested too deeply") from None
    finally:
        loader.dispose()
