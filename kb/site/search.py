"""Search: the words readers use, indexed with the pages they lead to.

Sphinx's own search does the work. What this module adds:

* **index entries** (MyST ``{index}`` directives, so Sphinx puts them in the search index's
  ``indexentries`` and in the general index): an entity page's name and aliases, a property
  page's name and the words readers search it by — ``TDP``, ``wattage``, ``context
  length``, ``price per million tokens`` — from ``datasets/search-terms.yaml`` (data, like
  the aliases of entities);
* **ranking** (``docs/_static/kb-search.js``, loaded after Sphinx's searchtools): a query
  whose words name an entity and a property (``H100 wattage``) puts the entity page's
  section on that property first, then the property page and the entity page, then
  Sphinx's full-text results; the matching uses those same index entries;
* **clean snippets**: table cells, list items and paragraphs are kept apart, charts and
  folded technical details are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

TERMS_FILE = "datasets/search-terms.yaml"


@dataclass(frozen=True)
class TermsProblem:
    """Something wrong in the search-terms file, with its place."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def read_terms(root: Path, properties: dict, entities: dict) -> tuple[dict[str, list[str]], dict[str, list[str]],
                                                                        list[TermsProblem]]:
    """(property id -> words, entity id -> words, problems) from ``datasets/search-terms.yaml``.

    An unknown id, a word that is not text or a key other than ``properties``/``entities``
    is a problem with its line; the rest of the file is still used. No file: no words.
    """
    from kb.store.yamlnodes import Marked, YamlProblem, read

    path = root / TERMS_FILE
    if not path.is_file():
        return {}, {}, []
    problems: list[TermsProblem] = []
    try:
        data = read(path)
    except YamlProblem as exc:
        return {}, {}, [TermsProblem(TERMS_FILE, exc.line, exc.message)]
    out: dict[str, dict[str, list[str]]] = {"properties": {}, "entities": {}}
    if data is None:
        return {}, {}, []
    if not isinstance(data, Marked):
        return {}, {}, [TermsProblem(TERMS_FILE, 1, "expected a mapping with `properties:` and `entities:`")]
    for key, value in data.items():
        line = data.lines.get(key, data.line)
        known = {"properties": properties, "entities": entities}.get(key)
        if known is None:
            problems.append(TermsProblem(TERMS_FILE, line, f"unknown key {key!r} (expected properties or entities)"))
            continue
        if value is None:
            continue
        if not isinstance(value, Marked):
            problems.append(TermsProblem(TERMS_FILE, line, f"`{key}` must map ids to lists of words"))
            continue
        for ident, words in value.items():
            at = value.lines.get(ident, value.line)
            if ident not in known:
                problems.append(TermsProblem(TERMS_FILE, at, f"no {key[:-3] + 'y' if key == 'properties' else key[:-1]} "
                                                             f"with id {ident!r}"))
                continue
            if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
                problems.append(TermsProblem(TERMS_FILE, at, f"{ident}: expected a list of words"))
                continue
            out[key][str(ident)] = [" ".join(w.split()) for w in words]
    return out["properties"], out["entities"], problems


_UNSAFE = re.compile(r"[^\w\s.+/()&'’%$,:-]", re.UNICODE)


def entry_text(text: str) -> str:
    """Text made safe for an index directive's argument: one line, no backticks, no
    directive syntax (``;`` would split an entry, a leading ``!`` would mark it)."""
    t = _UNSAFE.sub(" ", " ".join(str(text).split())).replace(";", " ").strip(" !:-")
    return " ".join(t.split())[:120]


def index_directive(words: list[str]) -> str:
    """MyST ``{index}`` directives, one main entry per word (each word once)."""
    seen, out = set(), []
    for w in words:
        t = entry_text(w)
        if not t or t.lower() in seen:
            continue
        seen.add(t.lower())
        out.append(f"```{{index}} !single: {t}\n```\n")
    return "".join(out)
