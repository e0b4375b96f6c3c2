"""The registry's alias pattern is built without recursion (rev30 finding 7): the same pattern
string as the recursive build gave, on the real registry's aliases, and a name too long for
Python's recursion limit."""
from __future__ import annotations

import re
import sys
from pathlib import Path

from kb.extract import linking
from kb.extract.drafts import index_for
from kb.extract.linking import load_registry

ROOT = Path(__file__).resolve().parents[1]


def _recursive(words) -> str:
    """The recursive build the iterative one replaced (kept here as the reference)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return ("(?:" + body + ")?") if len(alts) == 1 else body + "?"
        return body

    return build(trie)


def test_the_iterative_build_gives_the_recursive_pattern_on_the_registrys_aliases():
    reg = load_registry(ROOT)
    words = sorted({linking._norm(a) for e in reg.entities for a in [e.get("name"), e.get("id"), *(e.get("aliases") or [])]
                    if isinstance(a, str) and a.strip()})
    assert len(words) > 1000
    assert linking._trie_pattern(words) == _recursive(words)
    idx = index_for(reg.entities, reg.properties)  # and the index compiles it
    assert idx.alias_re is not None and idx.alias_re.search("the h100 and the a100")


def test_a_name_past_the_recursion_limit_builds():
    word = "a" * (sys.getrecursionlimit() + 100)
    assert re.fullmatch(linking._trie_pattern([word, "ab"]), word)
