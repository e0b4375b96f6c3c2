"""YAML files read with the line of every mapping, key and list item, refusing what the
knowledge base does not allow (anchors and aliases, unknown tags, nesting beyond reason).

The C parser's events are turned into plain values one at a time (no node tree is built, so
memory stays near the size of the values), mappings becoming :class:`Marked` (with
``line``, ``lines`` per key, and the keys given twice) and lists :class:`MarkedList` (with
the line of each item). Scalars keep enough of their
written form for the schema to refuse what YAML 1.1 would silently turn into something else:
an integer written in hexadecimal, octal or with underscores is a :class:`Unusual` text, and
so is an impossible date (``2026-02-30``).
"""

from __future__ import annotations

import datetime
import hashlib
import pickle
import re
import sys
from pathlib import Path
from typing import Any

#: PyYAML, imported by the first file that is parsed (:func:`_yaml`): with every file in the
#: parse cache, a check never needs it (its import is ~25 ms of each ``kb check``).
yaml: Any = None

#: Files above this size are refused (a claims file is a few hundred KB at most).
MAX_YAML_BYTES = 200_000_000


class Marked(dict):
    """A mapping that remembers its own line and the line of each key (1-based)."""

    __slots__ = ("line", "lines", "dup_keys")


class MarkedList(list):
    """A sequence that remembers its own line and the line of each item (1-based); for a
    list read item by item (see :func:`read`), ``streamed`` is the number of items."""

    __slots__ = ("line", "lines", "streamed")


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


_LOADER: Any = None


def _yaml():
    """Import PyYAML (once) and make the loader: the C parser where PyYAML has it (5-10x
    faster than the pure-Python one) with a memoised tag resolver."""
    global yaml, _LOADER, _scalar_constructor
    if _LOADER is not None:
        return _LOADER
    import yaml as _yaml_module

    yaml = _yaml_module
    try:
        _BaseLoader = yaml.CSafeLoader
    except AttributeError:  # pragma: no cover - PyYAML built without libyaml
        _BaseLoader = yaml.SafeLoader

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

    _scalar_constructor = yaml.constructor.SafeConstructor()
    _LOADER = _Loader
    return _LOADER


class YamlProblem(Exception):
    """A file that cannot be used: ``line`` and ``message`` say where and why."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DECIMAL_INT = re.compile(r"^[-+]?\d+$")
_scalar_constructor: Any = None  # made with the loader (:func:`_yaml`)
MAX_DEPTH = 50


def _unusual(text: str, why: str) -> Unusual:
    u = Unusual(text)
    u.why = why
    return u


#: Files up to this size have their parsed values kept in the parse cache (larger ones are
#: streamed in memory proportional to one record, and not cached).
CACHE_MAX_BYTES = 4_000_000
#: What the cache entries were made by: this module's own text (a changed parser never reads
#: an entry an older one wrote).
_CODE = hashlib.blake2b(Path(__file__).read_bytes(), digest_size=8).hexdigest()


def read(path: Path, stream: str | None = None, on_item=None, cache_dir: Path | None = None, on_bytes=None) -> Any:
    """Parse one YAML file; raise :class:`YamlProblem` (with a line) for anything unusable.

    With ``stream`` and ``on_item``, the items of the top-level list under the key ``stream``
    are not kept: each is passed, as soon as it is complete, to ``on_item(item, line, top)``
    (``top``: the top-level mapping as far as it has been read), so that a file of any size
    is read in memory proportional to one record.

    With ``cache_dir``, a file up to :data:`CACHE_MAX_BYTES` is parsed once per content: the
    values (and streamed items) are kept in ``cache_dir``, keyed by the file's path and
    checked against a hash of its bytes and of this parser, and given back as parsing would
    (a file that does not parse is never cached). The cache is only a shortcut: deleting it,
    or a folder that cannot be written, changes nothing but the time taken.

    ``on_bytes``, if given, is called with the file's bytes as read, before they are parsed
    (:mod:`kb.store.snapshot` keeps a hash of exactly what was parsed).
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlProblem(1, f"cannot read file: {exc.strerror or exc}") from None
    if on_bytes is not None:
        on_bytes(raw)
    if len(raw) > MAX_YAML_BYTES:
        raise YamlProblem(1, f"file too large ({len(raw):,} bytes)")
    entry = None
    if cache_dir is not None and len(raw) <= CACHE_MAX_BYTES:
        digest = hashlib.blake2b(raw, digest_size=20).hexdigest() + _CODE + (stream or "")
        entry = Path(cache_dir) / (hashlib.blake2b(str(Path(path).resolve()).encode("utf-8", "surrogateescape"),
                                                   digest_size=16).hexdigest() + ".pickle")
        hit = _cached(entry, digest)
        if hit is not None:
            value, items = hit
            if items is not None and on_item is not None:
                _replay(value, stream, items, on_item)
            return value
        if on_item is not None:
            items, user = [], on_item

            def on_item(item, line, top, _items=items, _user=user):
                _items.append((item, line, len(top)))
                _user(item, line, top)
        else:
            items = None
        buf = [raw]
        del raw
        value = _parse(buf, stream, on_item)
        _store(entry, digest, value, items)
        return value
    buf = [raw]
    del raw  # the parser holds the only copy: it lets go of the bytes once decoded
    return _parse(buf, stream, on_item)


def _cached(entry: Path, digest: str):
    try:
        with open(entry, "rb") as fh:
            stored = pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError, TypeError):
        return None
    if not (isinstance(stored, tuple) and len(stored) == 3 and stored[0] == digest):
        return None
    return stored[1], stored[2]


def _store(entry: Path, digest: str, value: Any, items) -> None:
    """Keep a parse in the cache; a cache that cannot be written is no cache (no error)."""
    from kb.errors import WriteError
    from kb.store.write import atomic_write_bytes

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(entry, pickle.dumps((digest, value, items), protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, WriteError, pickle.PicklingError, RecursionError):
        pass


def _replay(value: Any, stream: str | None, items, on_item) -> None:
    """Give the cached streamed items to ``on_item`` as parsing did: each with the top-level
    mapping as far as it had been read then (its first keys)."""
    keys = list(value) if isinstance(value, dict) else []
    for item, line, n in items:
        top = Marked((k, value[k]) for k in keys[:n])
        top.line = value.line
        top.lines = {k: value.lines[k] for k in keys[:n] if k in value.lines}
        top.dup_keys = []
        on_item(item, line, top)


def _parse(buf: list, stream: str | None, on_item) -> Any:
    raw = buf.pop()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlProblem(line, f"not UTF-8: invalid byte 0x{raw[exc.start]:02x} at offset {exc.start}") from None
    del raw
    loader = _yaml()(text)
    try:
        return _Events(loader, stream, on_item).document()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YamlProblem(mark.line + 1 if mark else 1, f"YAML syntax: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1, f"YAML: {exc}") from None
    except RecursionError:
        raise YamlProblem(1, "YAML nested too deeply") from None
    finally:
        loader.dispose()


_intern = sys.intern
_ALIAS_MESSAGE = "YAML anchors and aliases are not allowed in knowledge-base files; write each value out"


class _Events:
    """Plain values from the parser's events, one at a time (no node tree is ever built)."""

    def __init__(self, loader, stream: str | None, on_item):
        self.loader = loader
        self.stream = stream
        self.on_item = on_item
        self.resolve = loader.resolve

    def document(self) -> Any:
        get = self.loader.get_event
        get()  # StreamStart
        ev = get()
        if isinstance(ev, yaml.StreamEndEvent):
            return None
        value = self.value(get(), 0, top=True)  # the event after DocumentStart
        get()  # DocumentEnd
        ev = get()
        if not isinstance(ev, yaml.StreamEndEvent):
            raise YamlProblem(ev.start_mark.line + 1, "a knowledge-base file holds one YAML document, not several")
        return value

    def value(self, ev, depth: int, top: bool = False) -> Any:
        if depth > MAX_DEPTH:
            raise YamlProblem(ev.start_mark.line + 1, "YAML nested too deeply")
        cls = type(ev)
        if cls is yaml.ScalarEvent:
            return self.scalar(ev)
        if cls is yaml.MappingStartEvent:
            return self.mapping(ev, depth, top)
        if cls is yaml.SequenceStartEvent:
            return self.sequence(ev, depth)
        if cls is yaml.AliasEvent:
            raise YamlProblem(ev.start_mark.line + 1, _ALIAS_MESSAGE)
        raise YamlProblem(ev.start_mark.line + 1, f"unexpected YAML event {cls.__name__}")  # pragma: no cover

    def mapping(self, ev, depth: int, top: bool) -> "Marked":
        self._tag(ev, _MAP)
        get = self.loader.get_event
        data = Marked()
        data.line = ev.start_mark.line + 1
        lines: dict = {}
        dups: list = []
        data.lines = lines
        data.dup_keys = dups
        while True:
            kev = get()
            if type(kev) is yaml.MappingEndEvent:
                return data
            if type(kev) is not yaml.ScalarEvent:
                if type(kev) is yaml.AliasEvent:
                    raise YamlProblem(kev.start_mark.line + 1, _ALIAS_MESSAGE)
                raise YamlProblem(kev.start_mark.line + 1, "a mapping key must be a plain value")
            key = self.scalar(kev)
            if type(key) is str:
                key = _intern(key)
            kline = kev.start_mark.line + 1
            if key in lines:
                dups.append((key, kline))
            lines[key] = kline
            vev = get()
            if top and self.on_item is not None and key == self.stream and type(vev) is yaml.SequenceStartEvent:
                data[key] = self.streamed(vev, depth + 1, data)
            else:
                data[key] = self.value(vev, depth + 1)

    def sequence(self, ev, depth: int) -> "MarkedList":
        self._tag(ev, _SEQ)
        get = self.loader.get_event
        out = MarkedList()
        out.line = ev.start_mark.line + 1
        lines = []
        out.lines = lines
        while True:
            iev = get()
            if type(iev) is yaml.SequenceEndEvent:
                return out
            lines.append(iev.start_mark.line + 1)
            out.append(self.value(iev, depth + 1))

    def streamed(self, ev, depth: int, top: "Marked") -> "MarkedList":
        """A top-level list whose items go to ``on_item`` one by one; what is kept is an
        empty list that knows its line and its length (``streamed``)."""
        get = self.loader.get_event
        out = MarkedList()
        out.line = ev.start_mark.line + 1
        out.lines = []
        n = 0
        while True:
            iev = get()
            if type(iev) is yaml.SequenceEndEvent:
                out.streamed = n
                return out
            line = iev.start_mark.line + 1
            self.on_item(self.value(iev, depth + 1), line, top)
            n += 1

    def _tag(self, ev, default: str) -> None:
        tag = ev.tag
        if tag is not None and tag != default and tag != "!":
            raise YamlProblem(ev.start_mark.line + 1, f"YAML tag {tag!r} is not allowed in knowledge-base files")

    def scalar(self, ev) -> Any:
        tag = ev.tag
        value = ev.value
        if tag is None or tag == "!":
            implicit = ev.implicit
            if implicit[0]:
                tag = self.resolve(yaml.ScalarNode, value, implicit)
            else:
                tag = _STR
        if tag == _STR:
            # short texts repeat (units, qualifiers, ids of entities and properties): one copy each
            return _intern(value) if len(value) <= 48 else value
        if tag == _INT:
            if value.isdigit() or _DECIMAL_INT.match(value):
                return int(value)
            return _unusual(value, "an integer written in another base or with '_' or ':'")
        if tag == _FLOAT:
            if "_" in value or ":" in value:
                return _unusual(value, "a number written with '_' or ':'")
            v = value.lower()
            if v in (".inf", "+.inf"):
                return float("inf")
            if v == "-.inf":
                return float("-inf")
            if v == ".nan":
                return float("nan")
            return float(v)
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return value.lower() in ("yes", "true", "on")
        if tag == _TS:
            try:
                if _DATE.match(value):
                    return datetime.date.fromisoformat(value)
                node = yaml.ScalarNode(tag, value, ev.start_mark, ev.end_mark)
                return _scalar_constructor.construct_yaml_timestamp(node)
            except ValueError:
                return _unusual(value, "not a real date")
        raise YamlProblem(ev.start_mark.line + 1, f"YAML tag {tag!r} is not allowed in knowledge-base files")
