"""Linking a draft claim to the registry: its entity, property and conditions, each with a
calibrated confidence.

- **Entity**: the nearest unambiguous mention of a registry entity (aliases matched
  case-insensitively with hyphens and spaces alike; a family name followed by a model
  size resolves to the variant, so "Llama 3.1 405B" is never "Llama 3 70B") whose kind
  the property allows. Where it is looked for, in order of trust: the column header and
  the row of a table cell, a GPU named in the unit ("$3.933/H100-h"), the same sentence
  (before the number rather than after; "than X" names the baseline, not the subject),
  up to two sentences back in the paragraph (not from a list item above the number's own:
  a sibling item; the list's lead-in is read), the heading of the section. A size written
  as a name ("the 65B model") is the model of that size among those the article names.
  An amount "in" a named thing ("$494M in revenue share payments") is that thing's. A line's own
  label names its number's entity as a table row's does ("- Acme Revenue Share: $7M").
  A sentence that sets up a hypothetical ("if you spend $10B ...", "a $100M run") takes
  nothing from earlier sentences or headings; a command's option ("--max-model-len 400000"),
  a setting of the writer's own run, takes no name at all. Where nothing near is of a kind the property
  applies to, the number is about what its section or the article is about (read once per
  text: a company or region a heading up the section's levels names, else the title; not
  merely the one the article names most often), unless the sentence is the writer's own, a
  hypothetical or one instance of a facility ("a modest data center"). A table row or a
  sentence about something no registry entity names (a worked example, "our 64-GPU
  deployment"; a row naming a model and the hardware it runs on, for a run's cost; a card
  with the model or quantisation it runs in brackets, "RTX 3090 (Q5_K_M 32B)"; what the writer
  says they ran, trained or needed, "I can run Deepseek Coder V2 at ~25 tok/s") gets
  ``entity_new``: a name for an entity that exists only in the article;
  but not where a registry thing of a fitting kind is in scope: a name inside the counted
  noun ("900M weekly ChatGPT users"), the company or region a heading names over a table
  whose rows are periods ("| 2023 |", "| Q3 2024 |"), a thing called by its own kind's noun
  ("a DGX H100 server"), the sentence's only name before the number when it opens the
  sentence and another property of the unit is chiefly of its kind ("OpenAI's inference
  costs reached $2 billion"), the company last named before "The company ...".
- **Property**: among the properties whose canonical unit measures what the draft's unit
  measures (dimensionality and counted noun: ``GPU`` is gpu-count) and whose plausible
  range the value is not a thousand times outside, the one whose words (id, name,
  description) best match the words near the number, weighted by nearness; what the
  grammar already knows decides first (a percent comparison is a ratio or a change; "PUE
  1.2" is the PUE). A specialised property (a saving, a burn, a discount rate, a scale-up
  domain, a measured draw ...) is a candidate only where a word near the number names it
  (its ``needs:`` words in datasets/properties/), so the unit alone gives its plain reading (a cost rate, a GPU count, a
  share, a TDP); once the entity is known, a property chiefly about its kind is preferred.
- Table cells: a table whose columns are each headed by a registry thing ("| **MODEL** |
  **deepseek-chat** | **deepseek-reasoner** |") compares those things, even where its row labels
  repeat (a repeated label, the thing on other terms, is a thing of the article's own); a
  column headed by an amount ("128K Input Cost") or a scenario column
  whose row names nothing in the registry holds a thing of the article's own; a registry
  name in a cell that counts it ("2x A100") is what the row runs on; a vendor's name
  before its product's ("Google TPU v5e") is part of it.
- **Conditions** from cues near the number, for the condition keys the property lists:
  precision (FP8, BF16 ...), sparsity, direction (input/output), scope (per GPU, per
  node, per rack ...), statistic (p99, median ...), latency metric, batch size, link,
  pricing (on-demand, spot, reserved), period, model, hardware, provider, baseline, basis
  (estimated, projected).

Confidences are calibrated: each guess is made one of a few ways (the grammar form for
the value, where the entity was found, how the property was decided), and the confidence
is the share of guesses made that way that were right on the development sets
(``calibration.json`` beside this module, written by ``python -m kb.extract.evaluate
--fit-calibration``), shrunk towards the share of its kind of way and the field's overall
share by as much as leave-one-article-out cross-validation on the development articles
says (each article's weight in a way's count capped, so that one long table does not make
a way look surer than the articles allow); then shifted to writing the extractor was not
tuned on: a logistic map per field, and each way moved towards its own share right on the
development articles measured before tuning (:func:`calibrated`).
"""
from __future__ import annotations

import bisect
import datetime
import functools
import hashlib
import itertools
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import yaml

from kb.core.grammar import (DOUBLING_BETWEEN, HEADER_COST_TO_RE, MONTH_ABBREVS_RE, MONTH_NAMES_RE, MONTH_NUMBERS,
                             MONTH_SHORT_RE, in_points, unit_factor, unit_key)
from kb.core.schema import word_pattern, words_source
from kb.core.units import FOREIGN_CURRENCIES, DiskCache
from kb.errors import ExtractError
from kb.extract.tables import MD_HEADING_RE, line_matches

if TYPE_CHECKING:
    from kb.extract.drafts import Draft, Found

__all__ = ["Registry", "Index", "load_registry", "index_for", "link", "calibrated", "reload_calibration", "shrunk_rate",
           "CALIBRATION_PATH", "value_tag"]

CALIBRATION_PATH = Path(__file__).with_name("calibration.json")


# --------------------------------------------------------------------------------------
# Registry (entities, properties, conditions) - read with yaml.safe_load, kept small.
# --------------------------------------------------------------------------------------

@dataclass
class Registry:
    entities: list = field(default_factory=list)
    properties: list = field(default_factory=list)
    conditions: dict = field(default_factory=dict)
    #: the registry files left out because they could not be read, one "path:line: why" each (path
    #: relative to the knowledge base's root): `kb extract` says so, `kb check` reports them in full
    problems: list = field(default_factory=list)


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser: 20x faster on the registry


#: registry files whose parsed documents the on-disk cache keeps (more are parsed each time)
_YAML_CACHE_MAX = 512

#: how deep the records' lists and dicts may nest for :func:`_json_plain` and :func:`_snapshot`
#: (the registry's nest three or four deep)
_SNAPSHOT_DEPTH = 64


@functools.lru_cache(maxsize=1)
def _yaml_cache() -> DiskCache:
    """Parsed registry files, by the hash of their text, keyed by this module and the installed
    YAML parser: reading the registry's ~700 KB of YAML is ~0.14 s of every ``kb extract`` of
    one article, its JSON a few milliseconds."""
    return DiskCache("kb-registry-yaml", (Path(__file__), Path(yaml.__file__)))


def _entered(x, _open: set | None) -> set | None:
    """The ids of the containers being read (:func:`_json_plain`, :func:`_snapshot`) with
    ``x``'s added (a new set for the outermost); None where ``x`` is one of them already (a
    cycle) or they nest :data:`_SNAPSHOT_DEPTH` deep. The reader discards ``x``'s id when done."""
    if _open is None:
        return {id(x)}
    if id(x) in _open or len(_open) >= _SNAPSHOT_DEPTH:
        return None
    _open.add(id(x))
    return _open


def _json_plain(x, _open=None) -> bool:
    """Does ``x`` read back from JSON as itself: strings, None, booleans, ints, finite floats,
    lists and dicts with string keys (not a date, nor a key YAML read as a number)? A list or
    dict that holds itself (YAML's aliases can make one) or nested deeper than
    :data:`_SNAPSHOT_DEPTH` does not: found by the ids of those being read, never by running
    out of stack (a compiled build has no RecursionError to stop it)."""
    t = type(x)
    if t is str or x is None or t is bool or t is int:
        return True
    if t is float:
        return math.isfinite(x)
    if t is list or t is dict:
        _open = _entered(x, _open)
        if _open is None:
            return False
        if t is list:
            ok = all(_json_plain(v, _open) for v in x)
        else:
            ok = all(type(k) is str and _json_plain(v, _open) for k, v in x.items())
        _open.discard(id(x))
        return ok
    return False


def _yaml_doc(path: Path, root: Path | None = None):
    """``yaml.load`` of a registry file with the safe loader; a document that reads back from
    JSON as itself is kept on disk (as JSON text: each call gets objects of its own) by the
    hash of the file's text, and read from there the next time. An error names the file
    relative to the knowledge base's ``root`` (a `kb vet` copy's temporary folder says nothing)."""
    text = path.read_text(encoding="utf-8")
    key = f"{_LOADER.__name__}:{hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()}"
    cache = _yaml_cache()
    hit = cache.get("doc", key)
    if isinstance(hit, str):
        return json.loads(hit)
    try:
        doc = yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except ValueError as exc:  # a value YAML reads but cannot build ("released: 2025-02-30")
        raise ExtractError(f"{_shown_path(path, root)}:{_unbuilt_line(text)}: a value that is not what it looks like ({exc}); "
                           "`kb check` names it") from None
    if _json_plain(doc):
        cache.put("doc", key, json.dumps(doc, ensure_ascii=False), limit=_YAML_CACHE_MAX)
    return doc


def _shown_path(path: Path, root: Path | None) -> str:
    """``path`` relative to ``root`` where it lies under it, as `kb check` names files."""
    try:
        return path.relative_to(root).as_posix() if root is not None else path.as_posix()
    except ValueError:
        return path.as_posix()


_DATE_VALUE_RE = re.compile(r":[ \t]+['\"]?([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})\b")


def _unbuilt_line(text: str) -> int:
    """The line (from 1) of the first date in a YAML text that is no real date, else 1."""
    for no, line in enumerate(text.splitlines(), 1):
        m = _DATE_VALUE_RE.search(line) if "-" in line else None
        if m:
            try:
                datetime.date(*map(int, m.group(1).split("-")))
            except ValueError:
                return no
    return 1


def unreadable(path: Path, root: Path | None, exc: Exception) -> str:
    """One line, "path:line: why", for a registry file that could not be read (a YAML error's
    line from its mark, else 1), path shown as `kb check` names it."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else 1
    if isinstance(exc, yaml.YAMLError):
        why = f"not valid YAML ({getattr(exc, 'problem', None) or type(exc).__name__})"
    elif isinstance(exc, UnicodeDecodeError):
        why = "not UTF-8 text"
    elif isinstance(exc, OSError):
        why = f"cannot be read ({exc.strerror or exc})"
    else:
        why = str(exc)
    return f"{_shown_path(path, root)}:{line}: {why}; its records are left out of linking (`kb check` reports it)"


def _read_records(folder: Path, key: str, root: Path | None = None, problems: list | None = None) -> list:
    out = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            doc = _yaml_doc(path, root)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            if problems is not None:  # integrity problems are `kb check`'s business; guesses just get poorer
                problems.append(unreadable(path, root, exc))
            continue
        recs = doc.get(key) if isinstance(doc, dict) else None
        if recs is not None and not isinstance(recs, list) or doc is not None and not isinstance(doc, dict):
            # "entities: 5", a file that is a bare list: no records to read, and no traceback
            if problems is not None:
                problems.append(f"{_shown_path(path, root)}:1: its `{key}:` is not a list of records; "
                                "its records are left out of linking (`kb check` reports it)")
            continue
        out.extend(r for r in recs or [] if isinstance(r, dict) and r.get("id"))
    return out


def load_registry(root: Path) -> Registry:
    """Entities, properties and conditions of the knowledge base at ``root``."""
    root = Path(root)
    conditions: dict = {}
    problems: list = []
    cpath = root / "datasets" / "conditions.yaml"
    try:
        doc = _yaml_doc(cpath, root)
        conditions = (doc or {}).get("conditions") or {}
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        problems.append(unreadable(cpath, root, exc))
    except AttributeError:
        conditions = None  # a file that is a bare list
    except OSError:
        pass  # no conditions file: none to read
    if not isinstance(conditions, dict):
        problems.append(f"{_shown_path(cpath, root)}:1: its `conditions:` is not a mapping of conditions; "
                        "they are left out of linking (`kb check` reports it)")
    entities = _read_records(root / "datasets" / "entities", "entities", root, problems)
    properties = _read_records(root / "datasets" / "properties", "properties", root, problems)
    return Registry(entities, properties, conditions if isinstance(conditions, dict) else {}, problems)


# --------------------------------------------------------------------------------------
# Words, aliases, the compiled registry
# --------------------------------------------------------------------------------------

def _trie_pattern(words) -> str:
    """One alternation of ``words`` sharing their prefixes, built without recursion (a name of
    thousands of characters would go past Python's recursion limit): each node's pattern once
    its children's are made."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    made: dict = {}  # id(node) -> its pattern
    todo = [(trie, False)]
    while todo:
        node, ready = todo.pop()
        if not ready:
            todo.append((node, True))
            todo.extend((node[ch], False) for ch in node if ch)
            continue
        alts = [re.escape(ch) + made.pop(id(node[ch])) for ch in sorted(k for k in node if k)]
        if not alts:
            made[id(node)] = ""
            continue
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            body = ("(?:" + body + ")?") if len(alts) == 1 else body + "?"
        made[id(node)] = body
    return made[id(trie)]


_STOP = set("""a an the of and or in on for to by with per as is are be from its it this that at
unless otherwise says e g one usually given quoted reported where stated over under any all when
same than more less under what which who how not no rate rates
hour hours hourly day days daily week weeks weekly month months monthly year years yearly""".split())
_IRREGULAR = {"lost": "loss", "losing": "loss", "lose": "loss", "loses": "loss", "spent": "spend",
              "rental": "rent", "rentals": "rent", "burnt": "burn", "paid": "pay", "sold": "sell",
              "earned": "earn", "params": "parameter", "watts": "watt", "bandwidth": "bandwidth",
              "costs": "cost", "costing": "cost", "priced": "price", "pricing": "price",
              "teraflops": "tflops", "petaflops": "tflops", "flops": "tflops", "tflops": "tflops",
              "capex": "capit", "opex": "opera", "tco": "cost", "subs": "subsc", "valued": "valua"}


@functools.lru_cache(maxsize=65536)
def _stem(w: str) -> str:
    """A crude stem (suffix stripped, first 5 letters): enough to meet a property's words."""
    w = w.lower().strip("’'")
    w = _IRREGULAR.get(w, w)
    for suf in ("ies", "ing", "ed", "es", "s", "e"):
        if len(w) > len(suf) + 2 and w.endswith(suf) and not (suf == "s" and w.endswith("ss")):
            w = w[: -len(suf)] + ("y" if suf == "ies" else "")
            break
    return w[:5]


_WORD_RE = re.compile(r"[A-Za-z][A-Za-z’']+")
_STEMS_OF_MAX = 200_000  # (Index.vocab_stems: words past these are stemmed each time)
_UNSEEN = object()


@functools.lru_cache(maxsize=65536)
def _stem_or_stop(w: str) -> str | None:
    return None if w.lower() in _STOP else _stem(w)
_SIZE_RE = re.compile(r"(?<![0-9.])([0-9]+(?:\.[0-9]+)?)[bmt](?![a-z0-9])")
_WORD_AFTER_RE = re.compile(r" ([a-z]{3,})(?![\w-])")
_SIZE_AFTER_RE = re.compile(r"[ -]?(?P<n>[0-9]+(?:\.[0-9]+)?) ?(?P<s>[bmt])(?![a-z0-9])")
# a tuning's word between a family's name and its size ("Llama 2 Chat 13B", "Llama 2 Instruct 70B")
_SIZE_AFTER_TUNED_RE = re.compile(r" (?:chat|instruct|base|hf) ?(?P<n>[0-9]+(?:\.[0-9]+)?) ?(?P<s>b)(?![a-z0-9])")
# a registry alias that is another name and a size in billions ("llama 3 405b", normalised)
_ALIAS_SIZE_RE = re.compile(r"(.+?) ([0-9]+(?:\.[0-9]+)?)b")
# a family's name with its size in brackets right after it ("Llama 3.1 (405B)", "Qwen2.5 (72B)")
_SIZE_BRACKET_RE = re.compile(r" ?\((?P<n>[0-9]+(?:\.[0-9]+)?) ?(?P<s>b)\)")
# "a 405B parameter LLM like Llama 3", "a 70B model such as Llama 2": a size given to a class
# and then a family named as its example is the family's model of that size (searched in
# the normalised text, where hyphens are spaces, at the end of the stretch before the name).
# The class is a model's ("LLM", "model", "transformer"): "70B tokens like Llama 3" is a
# count of tokens, no size of the family's
_SIZE_BEFORE_RE = re.compile(r"(?<![0-9.a-z])(?P<n>[0-9]+(?:\.[0-9]+)?) ?(?P<s>[bmt])(?: param(?:eter)?s?)?"
                             r" (?:[a-z]+ ){0,2}?(?:models?|llms?|lms?|slms?|transformers?|networks?|moes?"
                             r"|checkpoints?) (?:like|such as|e\.g\.,?) $")
# a size written right before a family's name ("Single GPU for 13B Llama2 models", "the 70B
# Llama 3 model"): the family's model of that size, as "Llama 3 70B" is (not an amount of
# money, "$13B Llama", nor a count of something else, "15T Llama tokens": billions only)
_SIZE_RIGHT_BEFORE_RE = re.compile(r"(?<![0-9.a-z$€£])(?P<n>[0-9]+(?:\.[0-9]+)?) ?(?P<s>b) $")


_SCALE_ATOMS = frozenset({"thous", "milli", "billi", "trill", "k"})
_INNER_WORD_RE = re.compile(r"(?<=[ ])[a-z0-9]")
#: a memory size between a family's name and a variant's word ("h100 80gb sxm5", "h100 80 gb pcie")
_MEMORY_GAP_RE = re.compile(r" ([0-9]+) ?gb ")
_PAREN_GAP_RE = re.compile(r" ?\(")
_ID_MEMORY_RE = re.compile(r"-[0-9]+gb(?![0-9a-z])")
_PER_ONE_DIMS_RE = re.compile(r"\[mass\] \* \[length\] \*\* 2 / \[time\] \*\* 2$|\[length\] \*\* 3$|\[emissions\]$")
_TOTAL_RE = re.compile(r"\b(?:total|annual|year|day|training|train)\b", re.I)


def _norm(s: str) -> str:
    """Lower case with hyphens, underscores and curly quotes as their plain forms (same length)."""
    return s.lower().replace("-", " ").replace("_", " ").replace("’", "'")


_DATE_TEXT_RE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")


def release_bound(when, latest: bool) -> str | None:
    """A date written to month or year precision ("2025-06", 2025, a ``date``) as text that
    compares as dates do: its latest possible day (``latest``: a release in "2025-06" came by
    "2025-06-99") or its earliest ("2026-04" began on "2026-04-00"), so a version counts as out
    by an article's date only when it surely was. The text given back for a full date is the
    date itself (a bound of its own); None for anything else."""
    if isinstance(when, datetime.datetime):
        when = when.date()
    if isinstance(when, datetime.date):
        return when.isoformat()
    if isinstance(when, int) and not isinstance(when, bool):
        when = str(when)
    if not isinstance(when, str) or not _DATE_TEXT_RE.fullmatch(when.strip()):
        return None
    when = when.strip()
    return when + ("-99" if latest else "-00") * ((10 - len(when)) // 3)


def published_of(root, source_id: str):
    """The ``published`` date of the source record datasets/sources/<source_id>.yaml (a date, or
    the text or year of a partial one), None where there is none or the record is unreadable."""
    try:
        doc = _yaml_doc(Path(root) / "datasets" / "sources" / f"{source_id}.yaml")
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError, ExtractError):
        return None
    return doc.get("published") if isinstance(doc, dict) else None


class _Span:
    """A match widened to start earlier (the start of the shorter name it overlaps)."""

    def __init__(self, start: int, m):
        self._start, self._m = start, m

    def start(self, *g):
        return self._start if not g else self._m.start(*g)

    def end(self, *g):
        return self._m.end(*g)

    def group(self, *g):
        return self._m.group(*g)


@dataclass(eq=False)
class _Prop:
    id: str
    key: tuple | None
    canonical: str
    kinds: tuple
    weights: dict
    atoms: frozenset
    conditions: tuple
    low: float | None = None   # plausible envelope over all kinds, in the canonical unit
    high: float | None = None
    states_maximum: bool = False
    kind_set: frozenset = frozenset()
    # (both compiled when first searched with: _LazyPattern)
    cue: "_LazyPattern | None" = None   # words that name the property in articles (its ``cues:``)
    need: "_LazyPattern | None" = None  # words without which the unit alone never makes it this property (``needs:``)
    prior: float = 0.0              # the plain reading of a unit (_PRIOR)
    order: int = 0
    cue_lits: tuple | None = None   # the cue and need patterns' entries with their plain runs (_LITERALS)
    need_lits: tuple | None = None

    def applies_to(self, kinds) -> bool:
        """Whether the property applies to things of one of ``kinds`` (a set of kinds)."""
        return not self.kind_set or "any" in self.kind_set or not self.kind_set.isdisjoint(kinds)


def _plausible_kinds(plausible) -> tuple:
    """The kinds of thing a property's ``plausible:`` gives ranges for, in its order (a range
    is a mapping or a list of ranges each for some conditions). ``any`` only where some range
    of it holds whatever the conditions: ranges of ``any`` each for a scope ("per-node",
    "per-rack") bound the kinds it names built up to that scope, not things of every kind
    (taken as every kind, a model's or a company's numbers took a GPU's properties: on the
    development articles' second half property right fell from 0.835 to 0.830)."""
    kinds = []
    for k, v in (plausible if isinstance(plausible, dict) else {}).items():
        rngs = [r for r in (v if isinstance(v, list) else [v]) if isinstance(r, dict)]
        if not (k == "any" and rngs and all(r.get("conditions") for r in rngs)):
            kinds.append(str(k))
    return tuple(kinds)


def _plausible_envelope(plausible, canonical) -> tuple[float | None, float | None]:
    lows, highs = [], []
    # a kind's range is a mapping, or a list of ranges each for some conditions (``any: [...]``)
    ranges = [r for v in (plausible or {}).values() for r in (v if isinstance(v, list) else [v])]
    for rng in ranges:
        if not isinstance(rng, dict):
            continue
        for key, acc in (("low", lows), ("high", highs)):
            m = re.match(r"\s*([-+0-9.eE,]+)\s+(.+)$", str(rng.get(key, "")))
            f = unit_factor(m.group(2).strip(), canonical) if m else None
            if m and f is not None:
                try:
                    acc.append(float(m.group(1).replace(",", "")) * f)
                except ValueError:
                    pass
    return (min(lows) if lows else None), (max(highs) if highs else None)


_VERSION_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_MODEL_WORD_RE = re.compile(r"[a-z]{3,}")
_NAME_WORD_RE = re.compile(r"[a-z]{2,}")
_GLUED_RE = re.compile(r"([a-z]{2,})([0-9]{2,}[a-z]+)")
_DOTTED_RE = re.compile(r"[0-9]+\.[0-9]+")
_GLUED_GENERATION_RE = re.compile(r"([a-z]{3,}[a-uw-z])([0-9]{1,2})")
_MEMORY_VARIANT_RE = re.compile(r"([a-z]+[0-9]+[a-z]*) ([0-9]+ ?gb) ([a-z][a-z0-9]+)")


def _alias_variants(alias: str, vendor_names) -> list[str]:
    """Other ways of writing a (normalised) alias: the version number and the word before
    or after it swapped ("claude opus 4.5" / "claude 4.5 opus"), the vendor's name left
    out of a name that starts with a letter and has a digit ("openai o3" -> "o3"; never a bare
size such as "7b")."""
    out = []
    t = alias.split(" ")
    if len(t) >= 3:
        if _VERSION_RE.fullmatch(t[-1]) and _MODEL_WORD_RE.fullmatch(t[-2]):
            out.append(" ".join(t[:-2] + [t[-1], t[-2]]))
        elif _VERSION_RE.fullmatch(t[-2]) and _MODEL_WORD_RE.fullmatch(t[-1]):
            out.append(" ".join(t[:-2] + [t[-1], t[-2]]))
    for vn in vendor_names:
        if alias.startswith(vn + " "):
            rest = alias[len(vn) + 1:]
            if len(rest) >= 2 and rest[0].isalpha() and re.search(r"[0-9]", rest):
                out.append(rest)
    # the name and its number written together or apart: "gpt4o" for "gpt 4o", "llama3.1
    # 70b" for "llama 3.1 70b"; "mi 300x" ("MI-300X") for "mi300x" (a name of two letters
    # or more, a number and letters after it: never "gb 200" or "h 100")
    if len(t) >= 2 and _NAME_WORD_RE.fullmatch(t[0]) and t[1][:1].isdigit():
        out.append(" ".join([t[0] + t[1]] + t[2:]))
    for k, w in enumerate(t):
        m = _GLUED_RE.fullmatch(w)
        if m:
            out.append(" ".join(t[:k] + [m.group(1), m.group(2)] + t[k + 1:]))
    # a name's generation written apart from its word: "trainium 2" for "trainium2" (a word of
    # four letters or more, as the last of the name: never "h 100", "mi 300")
    m = _GLUED_GENERATION_RE.fullmatch(t[-1])
    if m:
        out.append(" ".join(t[:-1] + [m.group(1), m.group(2)]))
    # a memory size written before the name or put in brackets with the form factor:
    # "80gb a100 pcie", "a100 (80gb pcie)" for "a100 80gb pcie"
    m = _MEMORY_VARIANT_RE.fullmatch(alias)
    if m:
        out.append(f"{m.group(2)} {m.group(1)} {m.group(3)}")
        out.append(f"{m.group(1)} ({m.group(2)} {m.group(3)})")
    # a version's dot written as a hyphen, as API ids do ("claude-3-5-sonnet" for Claude
    # 3.5 Sonnet): only inside a name, never its last word ("gpt 3 5" is no name)
    for k, w in enumerate(t[:-1]):
        if k and _DOTTED_RE.fullmatch(w):
            out.append(" ".join(t[:k] + w.split(".") + t[k + 1:]))
    return out


def _line_word_variant(alias: str, words) -> str | None:
    """A (normalised) three-word alias of a brand, a line's word and a version, in either order
    ("claude 3.5 sonnet", "claude opus 4", "gemini 2.5 flash"), written as the line's word and
    the version alone ("sonnet 3.5", "opus 4", "flash 2.5"); None for any other alias.
    ``words``: the entity's line names of one word, or of two whose first is the brand
    ("gemini flash")."""
    t = alias.split(" ")
    if len(t) != 3 or not _NAME_WORD_RE.fullmatch(t[0]):
        return None
    if (t[1] in words or f"{t[0]} {t[1]}" in words) and _VERSION_RE.fullmatch(t[2]):
        return f"{t[1]} {t[2]}"
    if (t[2] in words or f"{t[0]} {t[2]}" in words) and _VERSION_RE.fullmatch(t[1]):
        return f"{t[2]} {t[1]}"
    return None


def _word_entries(entries) -> tuple:
    """The entries of a ``cues:``/``needs:`` list that compile (``kb check`` reports the others)."""
    if not isinstance(entries, list):
        return ()
    good = []
    for e in entries:
        try:
            word_pattern(e)
        except ValueError:
            continue
        good.append(e.strip())
    return tuple(good)


def _words(entries) -> "re.Pattern | _LazyPattern | None":
    """One pattern for a property's word entries (see :func:`kb.core.schema.word_pattern`),
    compiled when first searched with (:class:`_LazyPattern`)."""
    good = _word_entries(entries)
    rx = _words_lazy(good)
    if rx is not None and id(rx) not in _LITERALS:
        if len(_LITERALS) > 4096:
            _LITERALS.clear()  # (patterns of registries no longer in use; a pattern left out is searched whole)
        pairs = {(_entry_literal(e), word_pattern(e)) for e in good}
        if any(lit is None for lit, _ in pairs):
            _LITERALS[id(rx)] = (rx, None)
        else:  # each entry alone, as words_pattern writes it into the whole pattern
            _LITERALS[id(rx)] = (rx, tuple((lit, _LazyPattern(f"(?:{pat})", re.I)) for lit, pat in sorted(pairs)))
    return rx


@functools.lru_cache(maxsize=1024)
def _words_lazy(good: tuple) -> "_LazyPattern | None":
    """:func:`kb.core.schema.words_pattern` of these entries, compiled when first searched
    with: one object for the same entries (as the schema's cache gave), their ``_LITERALS``
    made once."""
    source = words_source(good)
    return _LazyPattern(source, re.I) if source is not None else None


class _LazyPattern:
    """A pattern compiled when it is first searched with: a registry's cue and need entries,
    each alone, are over a thousand patterns, of which one text searches few (the entries whose
    plain run it has); compiling them all took about a tenth of a second of every process that
    reads a text. ``search`` is the compiled pattern's own method from then on."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self.flags = pattern, flags

    def __getattr__(self, name: str):  # (only for what the instance does not hold yet)
        if name.startswith("__") or name == "_rx":
            raise AttributeError(name)
        try:
            rx = self._rx
        except AttributeError:
            rx = self._rx = re.compile(self.pattern, self.flags)
            self.search = rx.search
        return getattr(rx, name)


# A word entry's pattern can match only where the longest run of plain characters it
# always has (outside brackets, not "#") is in the text, lower-cased: only the entries
# whose run is there are searched, each alone (the searches of the whole patterns were a
# third of linking's time). id of a compiled pattern -> (the pattern, its entries as
# (run, pattern of the entry alone), or None where an entry has no run); by id, as
# hashing a pattern hashes its whole code each time
_LITERALS: dict = {}
# the characters other than ASCII ones that a case-insensitive pattern takes for ASCII
# letters ("K" is "k"): a text with one is searched without the shortcut
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")


def _entry_literal(entry: str) -> str | None:
    """The longest run of ASCII characters every match of ``entry`` has (lower case), or
    None (see :func:`kb.core.schema.word_pattern` for the entry's syntax)."""
    s = entry.strip()
    if s.startswith("="):
        s = s[1:]
    anywhere, any_end = s.startswith("*"), s.endswith("*") and len(s) > 1
    s = s[1 if anywhere else 0:len(s) - 1 if any_end else len(s)]
    runs, cur, depth = [], "", 0
    for ch in s:
        if ch in "()|#*" or depth:
            depth += (ch == "(") - (ch == ")")
            runs.append(cur)
            cur = ""
        else:
            cur += ch
    runs.append(cur)
    # (the ASCII stretches of the runs: "shareholders’ equity" has "shareholders" and " equity",
    # "ΔT" has "t"; a property with an entry that has none is searched whole)
    runs = [part for run in runs for part in _NON_ASCII_RE.split(run)]
    best = max(runs, key=len).lower()
    return best if best and best.isascii() else None


_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]+")


def _folds_none(text: str) -> bool:
    """``_FOLDS_TO_ASCII.isdisjoint(text)``: an ASCII text at once (C speed), any other by
    looking for each of the four characters (set.isdisjoint made a string of each character
    of the text to hash)."""
    return text.isascii() or not ("\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text)


@functools.lru_cache(maxsize=4096)
def _lower_and_foldless(text: str) -> tuple[str, bool]:
    """(the text in lower case, whether the literal shortcut may be taken on it). (Only looked in
    for words, so its length may differ from the text's; discovery's lower case, whose offsets
    must hold, is :func:`kb.extract.arith._lowered`.)"""
    return text.lower(), _folds_none(text)


def _literal_entries(rx: re.Pattern | None) -> tuple | None:
    """A word pattern's entries with their plain runs (``_LITERALS``), None without."""
    hit = _LITERALS.get(id(rx)) if rx is not None else None
    return hit[1] if hit is not None and hit[0] is rx else None


def _finds_low(rx: re.Pattern, lits: tuple | None, text: str, low: str | None) -> bool:
    """:func:`_finds` with the pattern's entries (``_literal_entries``) and the text's lower
    case (None where the shortcut may not be taken: ``_lower_and_foldless``) looked up beforehand."""
    if lits is not None and low is not None:
        for lit, erx in lits:
            if lit in low and erx.search(text) is not None:
                return True
        return False
    return rx.search(text) is not None


def _finds(rx: re.Pattern, text: str) -> bool:
    """Whether a property's word pattern ``rx`` (made by :func:`_words`) finds a word in ``text``."""
    hit = _LITERALS.get(id(rx))
    entries = hit[1] if hit is not None and hit[0] is rx else None
    if entries is not None:
        low, ok = _lower_and_foldless(text)
        if ok:
            for lit, erx in entries:
                if lit in low and erx.search(text) is not None:
                    return True
            return False
    return rx.search(text) is not None


# the "x" of a count written onto a name ("8xH100", "4xA100"): not "p4d.24xlarge", not "8x7B"
# (nor "0xA100", a hexadecimal number: no count starts with 0)
# (its first digit taken before the look-behind that keeps it the count's first: the engine scans
# for digits in C instead of trying the pattern at every position of the text)
#: a platform's name read as where a text was written: "Twitter thread", "LinkedIn post", "X posts"
_MEDIUM_AFTER_RE = re.compile(r"[ \t]+(?:thread|post|tweet)s?\b(?!-)")
_COUNT_X_RE = re.compile(r"([1-9](?<![\w.,][1-9])[0-9]{0,3})[xX×](?=[A-Za-z])")
#: a count written right before a name ("10,000 V100s", "8x L40s", "2.5k H100s"; searched up to the name)
_COUNT_BEFORE_NAME_RE = re.compile(r"[0-9](?:[0-9,.]*[0-9])?[kK]?(?:[ \t\u00a0]*[xX×])?[ \t\u00a0]*$")


# what a dated version's id adds to its line's: a snapshot's date ("-20241022", "-2024-08-06",
# "-0613", "-preview-04-17")
_DATED_TAIL_RE = re.compile(r"-(?:preview-)?(?:[0-9]{4}|[0-9]{8}|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{2}-[0-9]{2})")

_ID_DATE_RE = re.compile(r"-(20[0-9]{2})-?([01][0-9])-?[0-3][0-9]$")
# a date in brackets right after a line's name: "Claude 3.5 Sonnet (Oct 2024)", "GPT-4o (2024-08-06)"
_BRACKET_DATE_RE = re.compile(r"[ \t]?\((?:([A-Z][a-z]{2,8})\.?,? (20[0-9]{2})|(20[0-9]{2})-?([01][0-9])-?[0-3][0-9])\)")


#: the name of a maker's product line, written between the maker's name and a product's or in
#: place of the maker's ("Nvidia Tensor T4", "Tesla A100", "AMD Instinct MI300X"): part of the
#: product's name, not a mention of anything else (Tesla the carmaker)
_LINE_WORDS = {"tesla": "nvidia", "tensor": "nvidia", "quadro": "nvidia", "geforce": "nvidia",
               "instinct": "amd", "radeon": "amd"}
_LINE_GAP_RE = re.compile(r" [a-z]+ ")
#: a card's code after its line word ("tesla m60", "tesla k80"), lower case as searched
#: (not a quarter, half or fiscal year: "Tesla Q3 revenue", "Tesla FY24")
_CARD_CODE_RE = re.compile(r" (?!q[1-4]\b|h[12]\b|fy)[a-z]{1,2}[0-9]{1,4}[a-z]?\b")

class Index:
    """Compiled registry: alias regex, alias -> entity, variants by size, properties."""

    def __init__(self, entities, properties):
        self.entity_kind: dict = {}
        self.family: dict = {}
        self.sizes: dict = {}       # family id -> {size: variant id}
        alias_to: dict = {}
        gpu_aliases = []
        # a one-word name the registry writes only with capitals ("US", "Replicate"): in
        # lower case it is the common word ("gave us", "to replicate"), not the name
        written: dict = {}
        for e in entities or []:
            eid = str(e.get("id"))
            self.entity_kind[eid] = str(e.get("kind") or "")
            if e.get("family"):
                self.family[eid] = str(e["family"])
            for a in [*(e.get("aliases") or []), *(e.get("word_aliases") or []), *(e.get("ticker_aliases") or [])]:
                if isinstance(a, str) and a.strip():
                    alias_to.setdefault(_norm(a.strip()), eid)
                    written.setdefault(_norm(a.strip()), set()).add(a.strip())
                    if self.entity_kind[eid] == "gpu" and re.search(r"[0-9]", a):
                        gpu_aliases.append(a.strip())
        # the forms articles write that the registry does not list: "Claude 4.5 Opus" for
        # "Claude Opus 4.5", "o3" for "OpenAI o3" (the vendor's name left out); a form that
        # two entities would share is left out
        vendor_of = {str(e.get("id")): str(e.get("vendor") or "") for e in entities or []}
        names_of: dict = {}
        for a, eid in alias_to.items():
            names_of.setdefault(eid, []).append(a)
        # a model's one-word line name ("Sonnet", "Opus", "Haiku"): with the version after it and
        # the brand left out, it names the model ("Sonnet 3.5", "Opus 4" in a list under
        # "Anthropic Claude")
        # (or the last word of a line's name of two, with the brand before it: "Flash 2.5" of
        # "Gemini Flash")
        line_words: dict = {}
        for e in entities or []:
            for a in e.get("line_aliases") or []:
                w = _norm(a.strip()).split(" ") if isinstance(a, str) else []
                if 1 <= len(w) <= 2 and all(_MODEL_WORD_RE.fullmatch(x) for x in w):
                    line_words.setdefault(str(e.get("id")), set()).add(" ".join(w))
        extra: dict = {}
        for a, eid in alias_to.items():
            for v in _alias_variants(a, names_of.get(vendor_of.get(eid, ""), ())):
                if v not in alias_to:
                    extra.setdefault(v, set()).add(eid)
            if eid in line_words:
                v = _line_word_variant(a, line_words[eid])
                if v is not None and v not in alias_to:
                    extra.setdefault(v, set()).add(eid)
        for v, eids in sorted(extra.items()):
            if len(eids) == 1:
                alias_to[v] = next(iter(eids))
        # a dated version of a model line ("gpt-4o-2024-08-06", "claude-3-5-sonnet-20241022"):
        # its id is the line's and a date; the line's own name means the line, not the version
        self.dated = frozenset(eid for eid, fam in self.family.items()
                               if self.entity_kind.get(eid) == "model" and self.entity_kind.get(fam) == "model"
                               and _DATED_TAIL_RE.fullmatch(eid.replace(".", "-")[len(fam):])
                               and eid.replace(".", "-").startswith(fam.replace(".", "-")))
        # line -> {(year, month): its version of that month}, from a full date in the id
        self.dated_by_month: dict = {}
        for eid in sorted(self.dated):
            dm = _ID_DATE_RE.search(eid)
            if dm:
                self.dated_by_month.setdefault(self.family[eid], {}).setdefault((int(dm[1]), int(dm[2])), eid)
        for eid, fam in sorted(self.family.items()):
            for size in _SIZE_RE.findall(eid.lower()):
                # two variants of one size (a base model and a dated instruct release):
                # the size names the plainer one
                cur = self.sizes.setdefault(fam, {}).get(size)
                if cur is None or len(eid) < len(cur):
                    self.sizes[fam][size] = eid
        # a model the registry names by another family's name and its size ("Llama 3 405B" for
        # Llama 3.1 405B, the size the Llama 3 herd grew by): that family's model of the size
        # too ("| 405B |" under "Llama3 Model Specifications", "The 405B model" of "Llama 3"),
        # where the family has no variant of that size of its own
        for a, eid in sorted(alias_to.items()):
            sm = _ALIAS_SIZE_RE.fullmatch(a)
            fam = self.family.get(eid)
            if sm is None or fam is None or self.entity_kind.get(eid) != "model":
                continue
            other = alias_to.get(sm.group(1))
            if other and other != fam and other in self.sizes and self.entity_kind.get(other) == "model" \
                    and other not in self.family and sm.group(2) in _SIZE_RE.findall(eid.lower()):
                self.sizes[other].setdefault(sm.group(2), eid)
        # "the SXM5 delivers 700 W": a variant named by what its names add to the family's
        fam_aliases: dict = {}
        for a, eid in alias_to.items():
            fam_aliases.setdefault(eid, []).append(a)
        self.suffixes: dict = {}  # family -> {suffix word: variant}
        # a model named by its family's name and one word of its own ("Llama 4" + "Maverick"):
        # family -> {word: model}, for a line's name read with the word (see :meth:`dated_lines`)
        self.member_words: dict = {}
        for a, eid in alias_to.items():
            fam = self.family.get(eid)
            if not fam or self.entity_kind.get(eid) != "model":
                continue
            head, _, w = a.rpartition(" ")
            if head and w.isalpha() and len(w) >= 3 and alias_to.get(head) == fam:
                self.member_words.setdefault(fam, {}).setdefault(w, eid)
        for a, eid in alias_to.items():
            fam = self.family.get(eid)
            if not fam or self.entity_kind.get(eid) != "gpu":
                continue
            for fa in fam_aliases.get(fam, ()):
                if a.startswith(fa + " ") and re.fullmatch(r"[a-z][a-z0-9]{2,5}", a[len(fa) + 1:]):
                    self.suffixes.setdefault(fam, {}).setdefault(a[len(fa) + 1:], eid)
        words = sorted({w for d in self.suffixes.values() for w in d}, key=len, reverse=True)
        # a form factor's generation may follow its word ("SXM6" for a variant the registry
        # writes "B200 SXM"): the word names the variant
        self.suffix_re = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, words)) + r")[0-9]?(?![\w-])") if words else None
        self.alias_to = alias_to
        # groups of companies the registry keeps as one thing, by their members: "Big Tech
        # (Amazon, Alphabet, Microsoft, Meta)" is what "Amazon, Alphabet, Microsoft and Meta" together are
        self.groups: dict = {}
        for e in entities or []:
            gm = re.search(r"\(([^()]*)\)\s*$", str(e.get("name") or ""))
            if gm is None or e.get("kind") != "organisation":
                continue
            parts = [x for x in re.split(r"\s*(?:,|\band\b|&)\s*", gm.group(1)) if x]
            # a member written "Alphabet/Google" is named either way
            choices = [[alias_to.get(_norm(y)) for y in x.split("/")] for x in parts]
            if len(parts) < GROUP_MIN or not all(c and all(i is not None and self.entity_kind.get(i) == "organisation"
                                                              for i in c) for c in choices):
                continue
            for ids in itertools.islice(itertools.product(*choices), 64):
                self.groups.setdefault(frozenset(ids), str(e.get("id")))
        self.cased = frozenset(k for k, forms in written.items()
                               if k.isalpha() and all(f != f.lower() for f in forms))
        # names that are also ordinary words ("Scale", "Surge"): capitals tell them apart from
        # the word only outside headings and lines in title case
        self.word_aliases = frozenset(_norm(a.strip()) for e in entities or []
                                      for a in e.get("word_aliases") or [] if isinstance(a, str) and a.strip())
        # such a name written in capitals, as a ticker is ("IREN"; Iren is an Italian utility):
        # read only as written, in capitals, and never as the name's other writings ("Iren"),
        # which a capital at a sentence's start gives the word as well
        word_forms: dict = {}
        for e in entities or []:
            for a in e.get("word_aliases") or []:
                if isinstance(a, str) and a.strip():
                    word_forms.setdefault(_norm(a.strip()), set()).add(a.strip())
        self.upper_words = {k: (frozenset(f for f in forms if f.isupper()), len(forms) > sum(f.isupper() for f in forms))
                            for k, forms in word_forms.items() if any(f.isupper() for f in forms)}
        # tickers that are also words or abbreviations ("MU", "SNOW", "ARM", "LITE"): read only as
        # written and where a ticker stands (see _ticker_place)
        self.ticker_words: dict = {}
        for e in entities or []:
            for a in e.get("ticker_aliases") or []:
                if isinstance(a, str) and a.strip():
                    self.ticker_words.setdefault(_norm(a.strip()), set()).add(a.strip())
        # a capitalised one-word name that is the first word of a longer name of the same
        # thing ("Scale" of "Scale AI", "Surge" of "Surge AI"): its short form
        self.short_forms = frozenset(k for k in self.cased if any(
            o != k and o.startswith(k + " ") and alias_to.get(o) == alias_to.get(k) for o in names_of.get(alias_to.get(k), ())))
        self.vendor_of = {k: v for k, v in vendor_of.items() if v}
        # what names a thing more broadly: its vendor, architecture and family, and theirs
        # ("NVIDIA Hopper H100 (SXM5)" names one GPU, not three rival things)
        up = {str(e.get("id")): [str(e[k]) for k in ("vendor", "architecture", "family") if e.get(k)]
              for e in entities or []}
        self.broader: dict = {}
        for eid in up:
            seen, todo = set(), list(up[eid])
            while todo:
                x = todo.pop()
                if x not in seen and x != eid:
                    seen.add(x)
                    todo.extend(up.get(x, ()))
            if seen:
                self.broader[eid] = frozenset(seen)
        self.gpu_aliases = tuple(sorted(set(gpu_aliases)))
        # a model line named without its version ("Gemini Flash", "Mistral Medium"): its
        # versions with a release date, in the order they came out (see :meth:`dated_lines`)
        self.lines: dict = {}
        for e in entities or []:
            rel = release_bound(e.get("released"), latest=True)
            for a in e.get("line_aliases") or []:
                if rel is not None and isinstance(a, str) and a.strip():
                    self.lines.setdefault(_norm(a.strip()), []).append((rel, str(e.get("id"))))
        for versions in self.lines.values():
            versions.sort()
        self.alias_re = None
        if alias_to:
            # (?<!\w): a name starts a word ("GB200" is no "B200"); the engine skips the
            # insides of words without trying the names there
            # (a name may end in a footnote's superscript digit: "| GPT-4o¹ |", "Claude 3.5 Sonnet²")
            self.alias_re = re.compile(r"(?<!\w)(?P<a>" + _trie_pattern(sorted(alias_to)) + r")(?:s|'s)?"
                                       r"(?![^\W\u00b2\u00b3\u00b9\u2070\u2074-\u2079])(?!\.[0-9])")
        props = []
        docs = []
        self.kind_bounds: dict = {}  # property id -> {kind: (low, high) in its canonical unit}
        for p in properties or []:
            if p.get("type", "quantity") != "quantity" or not p.get("canonical_unit"):
                continue
            words = {}
            for txt, w in ((str(p.get("id", "")).replace("-", " "), 2.0), (str(p.get("name", "")), 2.0),
                           (str(p.get("description", "")), 1.0)):
                for tok in _WORD_RE.findall(txt):
                    if tok.lower() in _STOP:
                        continue
                    s = _stem(tok)
                    words[s] = max(words.get(s, 0.0), w)
            cu = str(p["canonical_unit"])
            atoms = frozenset(_stem(a) for a in re.split(r"[\s/-]+", cu) if a and not a[0].isdigit())
            kinds = _plausible_kinds(p.get("plausible"))
            # the envelope of the kinds it is of (a rack's or a pod's range, given for things
            # of any kind at that scope, is no range of theirs: "40 MW of IT load across 800
            # racks" is a campus's power, never a TDP)
            pl = p.get("plausible")
            lo, hi = _plausible_envelope({k: v for k, v in pl.items() if k in kinds} if isinstance(pl, dict) else pl, cu)
            if isinstance(pl, dict):
                # each kind's own bounds (a GPU's purchase price from $100, a part's from $1)
                self.kind_bounds[str(p["id"])] = {str(k): _plausible_envelope({k: v}, cu) for k, v in pl.items()}
            props.append(_Prop(str(p["id"]), unit_key(cu), cu, kinds,
                               words, atoms, tuple(p.get("conditions") or ()), lo, hi,
                               bool(p.get("states_maximum")), cue=_words(p.get("cues")), need=_words(p.get("needs"))))
            docs.append(set(words))
        n = max(len(docs), 1)
        dfs: dict = {}  # word -> how many properties' words have it (counted once, not per word and property)
        for d in docs:
            for wd in d:
                dfs[wd] = dfs.get(wd, 0) + 1
        for prop in props:  # idf: words shared by many properties say little
            for wd in list(prop.weights):
                prop.weights[wd] *= math.log(1 + n / dfs[wd])

        self.word_weights: dict = {}  # word -> [(property id, weight)]
        # a word as written -> its stem where word_weights has it, else None (_link_one: one
        # lookup for each word near a number instead of a stem's cache and the vocabulary's)
        self.vocab_stems: dict = {}
        for prop in props:
            for wd, w in prop.weights.items():
                self.word_weights.setdefault(wd, []).append((prop.id, w))
        self.props_by_key: dict = {}
        for prop in props:
            self.props_by_key.setdefault(prop.key, []).append(prop)
        self.prop_by_id = {p.id: p for p in props}
        self.prop_order = {p.id: i for i, p in enumerate(props)}
        # the properties that need the same words and share a unit ("experts" total and active
        # per token): a count the grammar gives one of them goes to a sibling its cues name
        self.siblings: dict = {}
        for p in props:
            if p.need is not None:
                self.siblings[p.id] = tuple(o for o in props if o is not p and o.need is not None and o.cue is not None
                                            and o.need.pattern == p.need.pattern and o.key == p.key)
        for i, p in enumerate(props):
            p.kind_set, p.prior, p.order = frozenset(p.kinds), _PRIOR.get(p.id, 0.0), i
            p.cue_lits, p.need_lits = _literal_entries(p.cue), _literal_entries(p.need)
        self._units: dict = {}
        self._hour_key = unit_key("hour")
        self._percent_key = unit_key("percent")

    def unit_info(self, unit: str):
        """(unit key, [(property, factor to its canonical unit, the property's score from the
        unit alone)]) for the properties measured in ``unit``; None when it is unreadable."""
        try:
            return self._units[unit]
        except KeyError:
            pass
        key = unit_key(unit)
        if key is None:
            self._units[unit] = None
            return None
        if not self.props_by_key.get(key) and _FOREIGN_CURRENCY_RE.search(unit):
            # money in another currency ("EUR/hour", "AUD", "EUR/TB"): the properties of the same
            # unit in dollars (a money property's canonical unit is in USD; the checker converts
            # through a dated rate). Their plausible ranges are read as if one unit were a dollar
            # (wide enough for the euro, the pound and the Australian dollar; a won amount may fall
            # outside them, and then no property is guessed, as before)
            self._units[unit] = self.unit_info(_FOREIGN_CURRENCY_RE.sub("USD", unit))
            return self._units[unit]
        duty = None
        if not self.props_by_key.get(key) and _DUTY_CYCLE_UNIT_RE.fullmatch(unit):
            # "8 hours a day", "40 hours/week": a time per period is a share of it, a duty
            # cycle (no property is measured in hours per day): the properties of a percentage,
            # the plain reading of which is then how much of the time something runs
            key, duty = self._percent_key, unit
        unit_atoms = {_stem(a) for a in re.split(r"[\s/-]+", unit) if a and not a[0].isdigit()}
        gpu_hours = any(w in unit for w in ("GPU-hour", "GPU_hour", "GPU-day", "GPU_day"))  # compute, not a duration
        options = []
        for p in self.props_by_key.get(key, ()):
            shared = p.atoms & unit_atoms - {"usd", "token", "param"}
            # "per hour": rental; the scale a canonical unit happens to be written in
            # ("billion USD") says less than the thing per which it is counted
            st = 3.0 * len(shared - _SCALE_ATOMS) + 1.0 * len(shared & _SCALE_ATOMS)
            st += p.prior
            if ("GPU_hour" in p.canonical) != gpu_hours and p.key == self._hour_key:
                st -= 6.0  # GPU-hours are compute, hours a duration
            if p.id in _HOURLY_PRICES and not unit_atoms.isdisjoint(_LONG_PERIOD_ATOMS):
                st -= 1.0
            if duty is not None and p.id == _DUTY_CYCLE:
                st += _DUTY_CYCLE_BONUS
            options.append((p, unit_factor(unit, p.canonical), st))
        self._units[unit] = (key, options)
        return self._units[unit]

    def aliases_in(self, text: str, lowered: str | None = None) -> list[tuple[int, int, str]]:
        """(start, end, entity id) of every alias in ``text``, whole words, longest first;
        a family name followed by a model size becomes that size's variant (the size is
        part of the name then). ``lowered``: ``text.lower()`` when the caller has it (a whole
        text lower-cased is ~1% of extraction)."""
        if self.alias_re is None:
            return []
        low = _norm(text) if lowered is None else lowered.replace("-", " ").replace("_", " ").replace("’", "'")
        rx = self.alias_re
        # (a match in the normalised text is normalised already: lower() gives characters
        # whose lower() is themselves, and no "-", "_" or "’" is left; only the text read as
        # it is needs _norm for each name)
        norm = str
        if len(low) != len(text):  # a few characters change length when lower-cased
            low, rx, norm = text, re.compile(self.alias_re.pattern, re.IGNORECASE), _norm
        if _COUNT_X_RE.search(low) is not None:
            # "3 to 4 nodes of 8xH100": a count written onto the name, which starts after its "x"
            # (as in "8x H100"; the same length, so the positions stay the text's)
            low = _COUNT_X_RE.sub(r"\1 ", low)
        out = []
        pos = 0
        while True:
            m = rx.search(low, pos)
            if m is None:
                break
            pos = m.end()
            if m.start() and (low[m.start() - 1].isalnum() or low[m.start() - 1] == "_"):
                pos = m.start() + 1
                continue  # not a whole word ("GB200" is no "B200")
            # a longer name starting inside this one: "NVIDIA H100 SXM" is the SXM variant
            for w in _INNER_WORD_RE.finditer(low, m.start() + 1, m.end()):
                m2 = rx.match(low, w.start())
                if m2 and m2.end() > m.end() and self.alias_to.get(norm(m2.group("a"))):
                    m = _Span(m.start(), m2)
                    break
            pos = m.end()
            a = norm(m.group("a"))
            eid = self.alias_to.get(a)
            if not eid:
                continue
            if a[-1:] == "s" and a[-2:-1].isdigit() and text[m.end("a") - 1:m.end("a")] == "s" \
                    and (plural := self.alias_to.get(a[:-1])) and _COUNT_BEFORE_NAME_RE.search(text, max(0, m.start("a") - 24), m.start("a")):
                # "on 10,000 V100s", "8 L40s": a count before the name makes its small "s" the plural of
                # the name without it (the V100's), not the capital S of another product (the V100S)
                eid = plural
            if low[m.end():m.end() + 1] == "/" and _REPO_NAME_AFTER_RE.match(text, m.end() + 1) \
                    and not any(ch.isdigit() for ch in a):
                # "deepseek-ai/DeepSeek-R1", "Qwen/QwQ-32B": a repository's owner, naming the model
                # after it (a name with a digit is no owner: "H100/H200", "GB200/GB300" name two)
                continue
            if self.cased and a in self.cased and text[m.start("a"):m.end("a")].islower():
                continue  # a proper name in lower case is the common word
            if (a in self.word_aliases or a in self.ticker_words) and low[m.end("a"):m.end()] == "s":
                continue  # "Arms Race", "Scales": another word than the name ("Arm's" is the name's)
            if a in self.ticker_words and text[m.start("a"):m.end("a")] in self.ticker_words[a]:
                if not self._ticker_place(text, m.start("a"), m.end("a")):
                    continue  # "ARM processors", "a LITE version": the word or abbreviation
            elif a in self.ticker_words and a not in self.word_aliases:
                continue  # "Snow fell", "Mu": a ticker's word not written as the ticker
            elif a in self.upper_words:
                caps, others = self.upper_words[a]
                w = text[m.start("a"):m.end("a")]
                if w.isupper():
                    if w not in caps or _shouted(text, m.start("a")) or _compound_tail(text, m.start("a")) \
                            or _compound_head(text, m.end("a")):
                        continue  # "SNOW DAYS AHEAD", "MU-MIMO": the word, or part of another name
                elif not others or _capitalised_anyway(text, m.start("a")):
                    continue  # "Snow fell", "Mu": a ticker's word not written as the ticker
            elif a in self.word_aliases and (_capitalised_anyway(text, m.start("a"))
                                             or _title_case_label(text, m.start("a"))):
                continue  # "## Power Demand Surge", "**Current Scale**: 230,000 GPUs": the word, capitalised
            if self.entity_kind.get(eid) == "product" and _MEDIUM_AFTER_RE.match(low, m.end()) is not None:
                continue  # "xAI Twitter Thread", "a LinkedIn post": where it was written, not the product
            if (_compound_tail(text, m.start()) or _name_tail(text, m.start()) and self.entity_kind.get(eid) in _CLASS_KINDS) \
                    and (self.entity_kind.get(eid) in _CLASS_KINDS or _VERSION_TAG_RE.fullmatch(a) is not None):
                # "TensorRT-LLM", "non-LLM": a word of another name, not the class; "all-mpnet-base-v2",
                # "jina-embeddings-v2-base-en": a version tag of another name, not "V2" (DeepSeek-V2)
                continue
            end = m.end()
            if self.entity_kind.get(eid) == "model" and m.end("a") == m.end() \
                    and (tw := _TIER_TAIL_RE.match(text, m.end())) is not None:
                # "DeepSeek-V2-Lite", "GLM-4-Air": a smaller or larger sibling the registry does
                # not name (it would have matched whole), not the model whose name it extends
                out.append((m.start(), tw.end(), ""))
                continue
            if self.entity_kind.get(eid) in ("model", "model-class") and m.end("a") == m.end():
                sm = _SIZE_AFTER_RE.match(low, m.end())
                if sm:  # "Llama 3 70B", "GPT-3 175B": the size is part of the name
                    variant = self.sizes.get(eid, {}).get(sm.group("n"))
                    if variant:
                        eid = variant
                    elif self.sizes.get(eid):
                        eid = ""  # a size this family does not have: no entity to name
                    end = sm.end()
                else:
                    bm = _SIZE_BRACKET_RE.match(low, m.end()) if self.sizes.get(eid) else None
                    tm = _SIZE_AFTER_TUNED_RE.match(low, m.end()) if bm is None and self.sizes.get(eid) else None
                    if tm is not None and self.sizes[eid].get(tm.group("n")):
                        # "| Llama 2 Chat 13B | $0.00075 |": the family's chat tuning of that size is
                        # the registry's model of that size (its chat and base weights are one model there)
                        eid = self.sizes[eid][tm.group("n")]
                    elif bm:  # "Llama 3.1 (405B)": the family's model of that size (the bracket stays a number's)
                        eid = self.sizes[eid].get(bm.group("n")) or eid
                    else:
                        eid = self._size_before(low, m.start("a"), a, eid)
            if eid and _DISTILLED_AFTER_RE.match(low, end) and self.entity_kind.get(eid) == "model":
                # "DeepSeek-R1-Distill-Qwen-14B", "DeepSeek-R1-Distill-Llama-70B": a smaller model
                # distilled from the one named, another model (no entity to name, unless the
                # registry has the whole name, matched first as the longer)
                eid = ""
            if eid:
                out.append((m.start(), end, eid))
            else:
                out.append((m.start(), end, ""))
        if self.short_forms and out:
            out = self._common_words(text, low, out)
        if len(out) > 1 and self.vendor_of:
            out = self._vendor_names(low, out)
        if out and self.vendor_of:
            out = self._line_codes(low, out)
        if self.suffix_re is not None and out:
            out = self._variant_words(low, out)
        if len(out) > 1:
            out = self._line_nouns(low, out)
        return out

    def _ticker_place(self, text: str, s: int, e: int) -> bool:
        """Does the word at ``text[s:e]`` stand where a ticker stands: a table cell of its own
        ("| MU | 45% |"), in brackets or after "$" or an exchange's name ("Micron (MU)",
        "(NASDAQ: MU)", "$SNOW"), opening a list line before a colon ("- ARM: royalties ..."),
        or beside another company's ticker ("ANET, PLTR and SNOW", "DLR / EQIX")?"""
        if _shouted(text, s) or _compound_tail(text, s) or _compound_head(text, e):
            return False  # "SNOW DAYS AHEAD", "MU-MIMO"
        ls = text.rfind("\n", 0, s) + 1
        le = text.find("\n", e)
        line_end = le if le >= 0 else len(text)
        if text[ls:s].lstrip().startswith("|"):
            lo, hi = text.rfind("|", ls, s), text.find("|", e, line_end)
            if hi >= 0 and text[lo + 1:hi].strip(" *_`") == text[s:e]:
                return True
        if _TICKER_BEFORE_RE.search(text, max(ls, s - 16), s) is not None:
            return True
        if _LIST_OPENER_RE.fullmatch(text, ls, s) is not None and text[e:e + 1] == ":":
            return True
        for nb in (_TICKER_LEFT_RE.search(text, ls, s), _TICKER_RIGHT_RE.match(text, e, line_end)):
            if nb is not None:
                eid = self.alias_to.get(_norm(nb.group("t")))
                if eid and self.entity_kind.get(eid) == "organisation":
                    return True
        return False

    def _line_nouns(self, low: str, hits: list) -> list:
        """An accelerator's name followed by the name of its maker's line written as a noun,
        without a number ("Trillium TPUs", "Ironwood TPU"): one name, the accelerator's; the
        line's word says what kind of chip it is, as "GPU" does after "H100". Only a line of the
        same maker: "H100 TPU", "MI300X Trainium" name two rival chips side by side."""
        out, k = [], 0
        while k < len(hits):
            h = hits[k]
            if k + 1 < len(hits):
                n = hits[k + 1]
                if h[2] and n[2] and h[2] != n[2] and self.entity_kind.get(h[2]) == "gpu" \
                        and self.entity_kind.get(n[2]) == "gpu" and low[h[1]:n[0]] == " " \
                        and not any(c.isdigit() for c in low[n[0]:n[1]]) \
                        and self.vendor_of.get(h[2]) and self.vendor_of.get(h[2]) == self.vendor_of.get(n[2]):
                    out.append((h[0], n[1], h[2]))
                    k += 2
                    continue
            out.append(h)
            k += 1
        return out

    def _size_before(self, low: str, start: int, alias: str, eid: str) -> str:
        """The model a family's name at ``start`` stands for when a size given to a class comes
        right before it as the family's example ("a 405B parameter LLM like Llama 3"): the
        family's model of that size, or the model the registry names by the family's name and
        the size ("Llama 3 405B"); else the family (``eid``) as it was."""
        sb = _SIZE_BEFORE_RE.search(low, max(0, start - 60), start)
        if sb is None or sb.end() != start:
            sb = _SIZE_RIGHT_BEFORE_RE.search(low, max(0, start - 12), start)
            if sb is None or sb.end() != start:
                return eid
        n, s = sb.group("n"), sb.group("s")
        variant = self.sizes.get(eid, {}).get(n) if s == "b" else None
        if not variant:
            variant = self.alias_to.get(f"{alias} {n}{s}")
        return variant if variant and self.entity_kind.get(variant) == "model" else eid

    def dated_lines(self, view: str, lowered: str, hits: list, published, sized: bool = False) -> list:
        """``hits`` (from :meth:`aliases_in`) with each name of a model line written without its
        version ("Gemini Flash", "Mistral Medium") read as the line's latest version released
        on or before ``published`` (the article's date): writers mean the version current when
        they wrote. A name followed by a version ("Gemini Flash 2.0"), a name of a
        program's file ("Llama.cpp"), a one-word name followed by a capitalised word outside a
        heading (another product's name: "Llama Guard", "Llama Stack"), or a name inside a longer
        registry name, is left as it is; so is every name when the date is unknown or no
        version had come out by then. A one-word name ("Sonnet", "Opus") counts only written
        with a capital: "a haiku" or "magnum opus" is the word, not the model. Each line's
        first word is looked for with ``in`` first. A line's name followed by a word that
        names one model of a version of the line ("Llama Maverick") and no registry name
        already covers is that model, of the latest version out by then that has it; so is,
        where ``sized`` (a group's label read with its row's second cell: "| **Llama** | 70B
        |"), a name followed by a size (Llama 3.1's 70B in 2026, not Llama 4, which has none).
        (Not a size in running text or in a row's own label: read there too, it made 17 things
        of the articles' own a registry model in the development articles' dev-B half, 16 of
        them table cells, and gained 3 in dev-A.)"""
        when = release_bound(published, latest=False)
        if when is None or not self.lines or len(lowered) != len(view):
            return hits
        low = None
        named: list = []  # the spans of the lines' names found (a version out by then or not)
        # the longest names first: "Gemini Flash-Lite" is no "Gemini Flash"
        for name in sorted(self.lines, key=len, reverse=True):
            if name.split(" ", 1)[0] not in lowered:
                continue
            version = None
            for rel, eid in self.lines[name]:
                if rel <= when:
                    version = eid
            if low is None:
                low = lowered.replace("-", " ").replace("_", " ").replace("’", "'")
            i = low.find(name)
            while i >= 0:
                j = i + len(name)
                ok = (i == 0 or not (low[i - 1].isalnum() or low[i - 1] == "_")) \
                    and (j >= len(low) or not low[j].isalnum()) and (" " in name or view[i].isupper())
                if ok and low[j:j + 1] == " " and low[j + 1:j + 2].isalnum() \
                        and not any(a < j and i < b for a, b in named):
                    more = self._line_size(name, low, j, when, sized)
                    if more is not None and not any(h[0] < more[0] and i < h[1] for h in hits):
                        named.append((i, more[0]))
                        hits = sorted(hits + [(i, more[0], more[1])])
                        ok = False
                if ok and not (low[j:j + 1] == " " and low[j + 1:j + 2].isdigit()) \
                        and not (low[j:j + 1] == "." and low[j + 1:j + 2].isalpha()) \
                        and not (" " not in name and _PRODUCT_WORD_RE.match(view, j) and not _in_heading(view, i)) \
                        and not any(a < j and i < b for a, b in named):
                    named.append((i, j))
                    inside = [h for h in hits if h[0] < j and i < h[1]]
                    if version is not None and all(i <= h[0] and h[1] <= j for h in inside):
                        hits = sorted([h for h in hits if h not in inside] + [(i, j, version)])
                i = low.find(name, j)
        return hits

    def _line_size(self, name: str, low: str, j: int, when: str, sized: bool):
        """(end, model) for what is written right after a line's name ending at ``j``: a word
        that with the name of one of the line's versions is a model's name ("llama| maverick":
        Llama 4 Maverick), or (where ``sized``) a size ("llama| 70b"), of the line's latest
        version released by ``when`` that has one; None when there is no such version."""
        m = _SIZE_AFTER_RE.match(low, j) if sized else None
        if m is None or m.start("n") != j + 1:
            w = _WORD_AFTER_RE.match(low, j)
            if w is None or not self.member_words:
                return None
            for rel, eid in reversed(self.lines[name]):  # "Llama Maverick": Llama 4's Maverick
                hit = self.member_words.get(eid, {}).get(w.group(1)) if rel <= when else None
                if hit:
                    return w.end(), hit
            return None
        size = (m.group("n"), m.group("s"))
        for rel, eid in reversed(self.lines[name]):
            variant = self.sizes.get(eid, {}).get(size[0]) if rel <= when else None
            if variant and size in _ID_SIZE_RE.findall(variant):
                return m.end(), variant
        return None

    def _common_words(self, text: str, low: str, hits: list) -> list:
        """Drop the hits of a thing a text names only by the short form of its name that is
        also a word the text writes in lower case ("## Demand Surge", "**Scale Concerns:**"
        and "at scale" in a text that never says "Surge AI" or "Scale AI"): the common word,
        capitalised in a heading or a label, not the name."""
        by: dict = {}  # entity -> the spans of its hits (each written form normalised only when asked)
        for s, e, eid in hits:
            if eid:
                by.setdefault(eid, []).append((s, e))
        drop = set()
        for eid, spans in by.items():
            w = _norm(text[spans[0][0]:spans[0][1]])
            if w in self.short_forms and all(_norm(text[s:e]) == w for s, e in spans) and _written_lower(text, w):
                drop.add(eid)
        return [h for h in hits if h[2] not in drop] if drop else hits

    def _vendor_names(self, low: str, hits: list) -> list:
        """"Intel Gaudi2", "Google TPU v5p": a vendor's name just before the name of one of
        its products is part of the product's name, not a mention of the vendor."""
        out = []
        for h in hits:
            prev = out[-1] if out else None
            maker = self.vendor_of.get(h[2]) if h[2] else None
            gap = low[prev[1]:h[0]].lstrip("®™") if prev else ""
            if prev and prev[2] and maker and (
                    (maker == prev[2] and (gap in (" ", "-", "'s ", "’s ")  # "NVIDIA® H100"
                                           or _LINE_GAP_RE.fullmatch(gap) and _LINE_WORDS.get(gap.strip()) == maker))
                    # "Tesla A100": the maker's line word, read as a company's name
                    or (gap == " " and _LINE_WORDS.get(low[prev[0]:prev[1]]) == maker
                        and self.vendor_of.get(prev[2]) != maker)):
                out[-1] = (prev[0], h[1], h[2])
            else:
                out.append(h)
        return out

    def _line_codes(self, low: str, hits: list) -> list:
        """"Tesla M60" (a card the registry does not hold): a maker's line word before a card's
        code names the card, not the company of that name (Tesla the carmaker)."""
        drop = [h for h in hits if h[2] and low[h[0]:h[1]] in _LINE_WORDS
                and self.vendor_of.get(h[2]) != _LINE_WORDS[low[h[0]:h[1]]] and h[2] != _LINE_WORDS[low[h[0]:h[1]]]
                and _CARD_CODE_RE.match(low, h[1])]
        return [h for h in hits if h not in drop] if drop else hits

    def _suffix_matches(self, low: str):
        """The matches of ``suffix_re`` in ``low``, as ``finditer`` gives them: the pattern is
        tried only where one of its words is (found by ``str.find``), not at every position."""
        at = set()
        words = {w for d in self.suffixes.values() for w in d}
        # (a word that starts with another of the words is found where that one is: "sxm5", "sxm")
        for w in [w for w in words if not any(v != w and w.startswith(v) for v in words)]:
            i = low.find(w)
            while i >= 0:
                at.add(i)
                i = low.find(w, i + 1)
        end = 0
        for i in sorted(at):
            if i >= end:
                m = self.suffix_re.match(low, i)
                if m is not None:
                    end = m.end()
                    yield m

    def _variant_words(self, low: str, hits: list) -> list:
        """A variant named by its suffix alone ("SXM5", "PCIe") after its family was named."""
        starts = [h[0] for h in hits]
        extra = []
        for m in self._suffix_matches(low):
            k = bisect.bisect_right(starts, m.start()) - 1
            if k >= 0 and hits[k][1] > m.start():
                continue  # part of a full name
            fam = None
            for j in range(k, max(k - 40, -1), -1):
                if m.start() - hits[j][0] > 4000:
                    break
                e = hits[j][2]
                f = e if e in self.suffixes else self.family.get(e)
                if f in self.suffixes and m.group(1) in self.suffixes[f]:
                    fam = f
                    break
            if fam is not None:
                variant = self.suffixes[fam][m.group(1)]
                h = hits[k] if k >= 0 else None
                gap = _MEMORY_GAP_RE.fullmatch(low, h[1], m.start()) if h is not None else None
                if gap is not None and h[2] == fam and self._size_fits(fam, variant, gap.group(1)):
                    # "H100 80GB SXM5": one name, the family's size and the variant's word
                    hits[k] = (h[0], m.end(), variant)
                    continue
                if h is not None and h[2] == fam and _PAREN_GAP_RE.fullmatch(low, h[1], m.start()) \
                        and low[m.end():m.end() + 1] == ")":
                    # "H100 (SXM5)": the variant's word in brackets after its family's name
                    hits[k] = (h[0], m.end() + 1, variant)
                    continue
                extra.append((m.start(), m.end(), variant))
        return sorted(hits + extra) if extra else hits

    def _size_fits(self, fam: str, variant: str, size: str) -> bool:
        """Does a memory size written in a name fit the variant? When the family's variants
        are told apart by memory (their ids carry it: "-40gb", "-80gb"), the variant's own
        must be that size; otherwise any size does."""
        sized = [v for v, f in self.family.items() if f == fam and _ID_MEMORY_RE.search(v)]
        return not sized or bool(re.search(rf"-{size}gb(?![0-9a-z])", variant))


#: a table's markup and bracketed asides around a group's label ("| **Llama (hosted)** |")
_LABEL_NOISE_RE = re.compile(r"[*_`]+|\s*\([^)]*\)")
#: a cell that can be the rest of a product's name: a word or a size, no price, no sentence
_NAME_CELL_RE = re.compile(r"[*_]*[A-Za-z0-9][\w.-]*(?: [\w.-]+){0,2}[*_]*$")


#: a capitalised word right after a one-word line name: the rest of another product's name ("Llama Guard")
_PRODUCT_WORD_RE = re.compile(r"[ \u00a0][A-Z][a-z]")


def _in_heading(view: str, i: int) -> bool:
    """Whether ``i`` lies on a Markdown heading's line, where every word may be capitalised."""
    return view.startswith("#", view.rfind("\n", 0, i) + 1)


def grouped_row_names(idx: Index, tables: list, hits: list, published=None) -> list:
    """Alias hits (start, end, entity) for the product names a table splits over two columns,
    its first naming a group once over the rows under it ("| **Mistral** | Small | $0.20 |"
    over "| | Medium | $1.00 |"): the second cell read after the label of the row's group,
    where the two together, and not the label alone, are a registry name ("Mistral Medium",
    dated by ``published`` as :meth:`Index.dated_lines` reads a line's name). Only in a table
    whose first column is left empty in some row (the group's rows); a second cell the
    registry names already is left as it is. Where the two together name nothing the registry
    has and the label names only a maker or a family ("| **Mistral** | Small |"), the row's
    thing is that unnamed product, not the maker: the label's hits are dropped from the row.
    Returns ``hits`` with these changes (sorted), or ``hits`` itself when there are none."""
    out = []
    drop = set()
    starts = [h[0] for h in hits]
    families = None  # (the registry's family ids, looked up once, when a label needs them)
    for t in tables:
        rows = getattr(t, "rows", None)
        if not rows or getattr(t, "html", False) or len(t.header) < 3 \
                or not any(len(r) > 2 and not r[0].text and r[1].text for r in rows):
            continue
        group = None
        for row in rows:
            if len(row) < 3:
                group = None
                continue
            if row[0].text:
                group = row[0]
            cell = row[1]
            if group is None or not cell.text or not _NAME_CELL_RE.match(cell.text) \
                    or not any(ch.isalpha() for ch in cell.text):
                continue
            k = bisect.bisect_left(starts, cell.start)
            if k < len(hits) and hits[k][0] < cell.end:
                continue  # "| | GPT-4o |": named already
            label = _LABEL_NOISE_RE.sub(" ", group.text).strip()
            rest = cell.text.strip("*_ ")
            if not label or not rest:
                continue
            name = f"{label} {rest}"
            low = name.lower()
            got = idx.aliases_in(name, low)
            if published is not None:
                got = idx.dated_lines(name, low, got, published, sized=True)
            # one name over both cells, reaching the end of the second
            spanning = [h for h in got if h[2] and h[0] < len(label) < h[1] and h[1] >= len(name) - 1]
            if len(spanning) == 1:
                out.append((cell.start, cell.end, spanning[0][2]))
            if len(spanning) == 1 and group is row[0] or group is row[0] and (not got[-1:] or got[-1][1] <= len(label)):
                # "| **Mistral** | Small |": a product of the maker (or of the family) the label names;
                # "| **Llama (hosted)** | 8B |": the label's line, read with the second cell, is no
                # rival in the group's first row to the model the two name together
                k = bisect.bisect_left(starts, group.start)
                own = []
                while k < len(hits) and hits[k][0] < group.end:
                    own.append(hits[k])
                    k += 1
                if families is None:
                    families = set(idx.family.values())
                if own and all(idx.entity_kind.get(h[2]) == "organisation" or h[2] in families for h in own):
                    drop.update(own)
    if not out and not drop:
        return hits
    return sorted([h for h in hits if h not in drop] + out)


# a table's label column headed by a word for graphics cards ("| Card |", "| GPU |", "| Graphics
# card |", "| GPU model |"), and a row label that is a card's model number alone ("| 3090 |",
# "| 4070 Ti |", "| 7900 XTX |")
_CARD_HEAD_RE = re.compile(r"(?i)[*_\s]*(?:graphics\s+)?(?:cards?|gpus?)(?:\s+(?:model|name))?s?[*_\s]*")
_MODEL_NUMBER_RE = re.compile(r"(?i)[*_\s]*(?P<n>[0-9]{3,4}(?:\s?(?:ti|super|xtx|xt))*)[*_\s]*")
# the series names a card's model number is written after ("RTX 3090", "GTX 1080 Ti", "RX 7900 XTX")
_CARD_SERIES = ("RTX", "GTX", "RX")


def series_rows(idx: Index, tables: list, hits: list) -> list:
    """Alias hits (start, end, entity) for the rows of a table of graphics cards labelled by
    their model numbers alone, the series left out ("| Card | VRAM |" over "| 3090 | 24GB |",
    "| 4070 Ti | 12GB |"): where the label column is headed by a word for cards, each label of
    two rows or more is read with a series' name before it, and a label is taken for the one
    registry card that some series' name with it names in full (no label two series' cards
    share; no label a name covers already). Returns ``hits`` with these added (sorted), or
    ``hits`` itself when there are none."""
    out = []
    starts = [h[0] for h in hits]
    for t in tables:
        rows = getattr(t, "rows", None)
        head = t.column_header(0) if rows else None
        if head is None or getattr(t, "html", False) or not _CARD_HEAD_RE.fullmatch(head.text):
            continue
        picks = []
        for row in rows:
            if not row:
                continue
            cell = row[0]
            m = _MODEL_NUMBER_RE.fullmatch(cell.text)
            k = bisect.bisect_left(starts, cell.start)
            if m is None or k < len(hits) and hits[k][0] < cell.end:
                continue
            number = " ".join(m.group("n").split())
            ids = set()
            for series in _CARD_SERIES:
                name = f"{series} {number}"
                ids.update(e for a, b, e in idx.aliases_in(name, name.lower())
                           if e and a == 0 and b == len(name) and idx.entity_kind.get(e) == "gpu")
            if len(ids) == 1:
                picks.append((cell.start, cell.end, next(iter(ids))))
        if len(picks) >= 2 and len({e for _, _, e in picks}) == len(picks):
            out += picks
    return sorted(hits + out) if out else hits


#: a row's memory cell: a size in GB ("80", "141 GB", "80GB HBM2e") under a header naming memory,
#: or written with its unit; and a memory type's name ("HBM3e", "GDDR6X")
_ROW_MEMORY_RE = re.compile(r"(?i)[*_\s]*(?P<n>[0-9]{1,3})(?:[ \t]*(?P<u>gb|gib)\b)?")
_ROW_MEMORY_HEAD_RE = re.compile(r"(?i)memory|vram|^\W*gi?b\W*$")
_ROW_MEMORY_TYPE_RE = re.compile(r"(?i)(?<![a-z0-9])(hbm[0-9]e?|gddr[0-9]x?)(?![a-z0-9])")
_ROW_TOKEN_RE = re.compile(r"[a-z0-9]+")


def row_variants(idx: Index, tables: list, hits: list) -> None:
    """Marks the rows of a table of GPUs whose label names a family and whose other cells
    tell its variant (``t.row_variant``: row -> (family, variant)); the row's numbers are the
    variant's, the family's name elsewhere in the article stays the family's: "| NVIDIA A100 SXM | 80 | HBM2e |" under
    "| Accelerator | Memory (GBs) | Type |" is the A100 SXM 80GB, "| NVIDIA GH200 SXM | 141 |
    HBM3e |" the GH200 HBM3e. The row's words (its label's, its memory size as "80gb", its
    memory type) must hold every word a variant's id adds to its family's, and one variant
    (the one adding most) must fit so; a label naming a variant already, or a family with no
    variants, is left as it is ("| H200 | 141 GB |" fits both H200 variants by size: the family)."""
    starts = [h[0] for h in hits]
    variants_of = None
    for t in tables:
        rows = getattr(t, "rows", None)
        if not rows or len(t.header) < 2:
            continue
        mem_cols = None
        for row in rows:
            if len(row) < 2 or not row[0].text:
                continue
            cell = row[0]
            k = bisect.bisect_left(starts, cell.start)
            if k >= len(hits) or hits[k][0] >= cell.end or (k + 1 < len(hits) and hits[k + 1][0] < cell.end):
                continue  # (no name in the label, or two)
            eid = hits[k][2]
            if idx.entity_kind.get(eid) != "gpu" or eid in idx.family:
                continue
            if variants_of is None:
                variants_of = {}
                for v, f in idx.family.items():
                    if idx.entity_kind.get(v) == "gpu":
                        variants_of.setdefault(f, []).append(v)
            vs = variants_of.get(eid)
            if not vs:
                continue
            if mem_cols is None:
                mem_cols = {c for c, h in enumerate(t.header) if c > 0 and _ROW_MEMORY_HEAD_RE.search(h.text)}
            words = {("sxm" if w.startswith("sxm") else w) for w in _ROW_TOKEN_RE.findall(cell.text.lower())}
            for c, other in enumerate(row[1:], 1):
                low = other.text.lower()
                if not low:
                    continue
                mm = _ROW_MEMORY_RE.match(low)
                if mm is not None and (mm.group("u") or c in mem_cols and mm.end() == len(low.rstrip("*_ "))):
                    words.add(mm.group("n") + "gb")
                words.update(x.lower() for x in _ROW_MEMORY_TYPE_RE.findall(low))
            own = set(eid.split("-"))
            fits = []
            for v in vs:
                extra = set(v.split("-")) - own
                if extra and extra <= words:
                    fits.append((len(extra), v))
            fits.sort(reverse=True)
            if fits and (len(fits) == 1 or fits[0][0] > fits[1][0]):
                if not hasattr(t, "row_variant"):
                    t.row_variant = {}
                t.row_variant[id(row)] = (eid, fits[0][1])


# a Markdown reference link's label: "[Claude Haiku 4.5][anthropic-pricing]" (the label after the
# text, or a line defining it, "[anthropic-pricing]: https://..."), in two patterns: the first
# scanned for its "]" in C, the second tried only at the start of a line with a "]"; no match of
# either can overlap one of the other (a label holds no bracket nor a line's end)
_REF_AFTER_RE = re.compile(r"\]\[([^\[\]\n]{1,80})\]")
_REF_LINE_RE = re.compile(r"[ \t]{0,3}\[([^\[\]\n]{1,80})\]:[ \t]")


def without_link_labels(view: str, hits: list) -> list:
    """``hits`` less those inside a Markdown reference link's label ("[GPT-4o][openai-pricing]":
    the label names where the link goes, not a thing the text is about); ``hits`` itself when
    none is."""
    if "][" not in view and "]:" not in view:
        return hits
    spans = [m.span(1) for m in _REF_AFTER_RE.finditer(view)] if "][" in view else []
    if "]:" in view:
        spans = sorted(spans + [m.span(1) for m in line_matches(_REF_LINE_RE, view, "]")])
    if not spans:
        return hits
    los = [a for a, _ in spans]
    out = []
    for h in hits:
        k = bisect.bisect_right(los, h[0]) - 1
        if k >= 0 and h[1] <= spans[k][1]:
            continue
        out.append(h)
    return out if len(out) < len(hits) else hits


@functools.lru_cache(maxsize=8)
def _index_cached(ekey, pkey) -> Index:
    idx = Index([dict(id=i, kind=k, family=f, aliases=list(a), vendor=v, architecture=ar, name=nm, word_aliases=list(w),
                      ticker_aliases=list(t), released=r, line_aliases=list(la))
                  for i, k, f, a, v, ar, nm, w, t, r, la in ekey],
                 [dict(id=i, type=t, canonical_unit=c, name=nm, description=d,
                       plausible={k: [{"low": lo, "high": hi, "conditions": {"": ""} if c else None} for lo, hi, c in rs] for k, rs in pl},
                       conditions=list(cd), states_maximum=sm, cues=list(cu), needs=list(nd))
                  for i, t, c, nm, d, pl, cd, sm, cu, nd in pkey])
    idx.key = (ekey, pkey)  # (what it was built from: tests compare it with the records' key)
    return idx


def _plausible_key(pl) -> tuple:
    """(kind, ((low, high, whether it holds only under conditions), ...)) of a property's
    ``plausible:`` entries: a kind's range is a mapping, or a list of ranges each for some
    conditions (``any: [{..., conditions: {scope: per-node}}, ...]``); both kept."""
    if not isinstance(pl, dict):
        return ()
    out = []
    for k, v in pl.items():
        rngs = v if isinstance(v, list) else [v] if isinstance(v, dict) or v is None else None
        if rngs is not None:
            out.append((str(k), tuple((str(r.get("low", "")), str(r.get("high", "")), bool(r.get("conditions")))
                                      for r in rngs if isinstance(r, dict))))
    return tuple(out)


def _written_lower(text: str, w: str) -> bool:
    """Does ``text`` hold the lower-case word ``w`` as a whole word (no letter, digit, "_" or
    "-" on either side)? Found with ``str.find``: a pattern that looks behind is tried at
    every position of a long text. A part of a web address is no word ("cursor.sh/pricing",
    "perplexity.ai", "github.com/cursor": the name's own site, written in lower case as
    addresses are)."""
    i = text.find(w)
    while i >= 0:
        j = i + len(w)
        if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_-./@")) \
                and (j >= len(text) or not (text[j].isalnum() or text[j] in "_-")) \
                and not (j + 1 < len(text) and text[j] == "." and text[j + 1].isalpha()):
            return True
        i = text.find(w, i + 1)
    return False


#: a bare version tag as a name's short form ("v2", "v3.5")
_VERSION_TAG_RE = re.compile(r"v[0-9]+(?:\.[0-9]+)?")


def _compound_tail(text: str, at: int) -> bool:
    """Whether the name at ``at`` is joined by a hyphen to the word before it ("TensorRT-LLM",
    "non-LLM", "AI-GPU"): then it is the last word of another name or a modified word, not
    the thing's own name (a number before the hyphen, "8-GPU", counts the thing)."""
    return at >= 2 and text[at - 1] == "-" and text[at - 2].isalpha()


#: a tier word joined by a hyphen to a model's name ("DeepSeek-V2-Lite", "Qwen2.5-Max"): another model
_TIER_TAIL_RE = re.compile(r"-(?:lite|mini|nano|tiny|small|medium|large|flash|turbo|pro|max|plus|air|ultra)"
                           r"(?![a-z0-9])", re.IGNORECASE)


def _name_tail(text: str, at: int) -> bool:
    """Whether the word at ``at`` is joined by a hyphen to a name with a version or size in it
    ("Qwen1.5-MoE-A2.7B", "Phi3-MoE"): a word of that model's name, not the class the word names
    alone. A bare number before the hyphen ("8-GPU", "16-MoE") counts the thing instead."""
    if at < 2 or text[at - 1] != "-" or not text[at - 2].isdigit():
        return False
    k = at - 2
    while k >= 0 and (text[k].isalnum() or text[k] == "."):
        k -= 1
    return any(c.isalpha() for c in text[k + 1:at - 1])


def _compound_head(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is joined by a hyphen to a word after it ("MU-MIMO",
    "ARM-based"): then it is the first word of another name or a modifier."""
    return end + 1 < len(text) and text[end] == "-" and text[end + 1].isalpha()


def _shouted(text: str, at: int) -> bool:
    """Is the line of the word at ``at`` written all in capitals ("SNOW DAYS AHEAD")? Then a word
    in capitals there is no ticker."""
    ls = text.rfind("\n", 0, at) + 1
    le = text.find("\n", at)
    words = _CAPS_WORD_RE.findall(text[ls:le if le >= 0 else len(text)])
    return len(words) >= 3 and all(w.isupper() for w in words)


_CAPS_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’]+")
# what comes just before a ticker: a bracket, "$", an exchange's name and a colon ("(NYSE: SNOW)")
_TICKER_BEFORE_RE = re.compile(r"(?:\(|\$|\b(?:NASDAQ|Nasdaq|NYSE|TSX|LSE|HKEX|TWSE|SSE|SZSE)\s*:\s*)$")
# a list line's opening before the word ("- ", "* ", "1. ", "**")
_LIST_OPENER_RE = re.compile(r"\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*)?")
# another ticker beside it in a list ("ANET, PLTR and SNOW", "DLR / EQIX")
_TICKER_LEFT_RE = re.compile(r"\b(?P<t>[A-Z][A-Z0-9.]{1,5})\s*(?:,|/|&|\band\b)\s*$")
_TICKER_RIGHT_RE = re.compile(r"\s*(?:,|/|&|\band\b)\s*(?P<t>[A-Z][A-Z0-9.]{1,5})\b")


def _capitalised_anyway(text: str, at: int) -> bool:
    """Would the word at ``at`` be capitalised whatever it is: in a Markdown heading or a line
    written in title case (its words of four letters or more all capitalised)? (At a
    sentence's start a company's name is as likely as the word: that is left to the name.)"""
    ls = text.rfind("\n", 0, at) + 1
    le = text.find("\n", at)
    line = text[ls:le if le >= 0 else len(text)]
    if line.lstrip().startswith("#"):
        return True
    long = _LONG_WORD_RE.findall(line)
    return len(long) >= 3 and all(w[0].isupper() for w in long)


_LONG_WORD_RE = re.compile(r"\b[A-Za-z][A-Za-z'’]{3,}")


def _title_case_label(text: str, at: int) -> bool:
    """Is the word at ``at`` one of two to five words of a label written in title case, in bold
    ("- **Current Scale**: 230,000 GPUs") or before a line's first colon ("Target Scale: 1
    million GPUs"), and not its first word? Then it is capitalised as the label's word is; a
    label that is the name alone ("**Scale**: ...") or opens with it is left to the name."""
    ls = text.rfind("\n", 0, at) + 1
    le = text.find("\n", at)
    le = le if le >= 0 else len(text)
    lo = text.rfind("**", ls, at)
    hi = text.find("**", at, le) if lo >= 0 else -1
    if lo >= 0 and hi >= 0 and text.count("**", ls, lo) % 2 == 0:
        lo += 2
    else:
        lo = _LIST_OPENER_RE.match(text, ls).end()
        hi = text.find(":", lo, le)
        if hi < at:
            return False
    words = _LABEL_WORD_RE.findall(text, lo, hi)
    return 2 <= len(words) <= 5 and all(w[0].isupper() for w in words) \
        and _LABEL_WORD_RE.match(text, lo) is not None and lo < at


_LABEL_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’&-]*")


class _Exact:
    """A number (or date) in a snapshot of the records (:func:`_snapshot`): equal only to a
    value of the very same type written the same way (``1``, ``1.0`` and ``True`` are equal
    in Python but read differently; so are ``0.0`` and ``-0.0``)."""
    __slots__ = ("kind", "text")
    __hash__ = None

    def __init__(self, value):
        self.kind, self.text = type(value), repr(value)

    def __eq__(self, other):
        return type(other) is self.kind and repr(other) == self.text

    def __ne__(self, other):
        return not self.__eq__(other)


class _Unsnapshotted(Exception):
    pass


_EXACT_TYPES = frozenset({int, float, bool, datetime.date, datetime.datetime})


def _snapshot(x, _open=None):
    """A deep copy of the records that is ``==`` to them only while they read the same:
    strings, None, lists, tuples and dicts with string keys, numbers and dates (:class:`_Exact`);
    anything else (another type, a subclass), a container that holds itself (a cycle) or one
    nested deeper than :data:`_SNAPSHOT_DEPTH` raises :class:`_Unsnapshotted`. The cycle is
    found by the ids of the containers being copied, never by running out of stack (a
    RecursionError is not raised in a compiled build: the C stack overflows instead)."""
    t = type(x)
    if t is str or x is None:
        return x
    if t is dict or t is list or t is tuple:
        _open = _entered(x, _open)
        if _open is None:
            raise _Unsnapshotted
        if t is dict:
            out = {}
            for k, v in x.items():
                if type(k) is not str:
                    raise _Unsnapshotted
                out[k] = _snapshot(v, _open)
        elif t is list:
            out = [_snapshot(v, _open) for v in x]
        else:
            out = tuple([_snapshot(v, _open) for v in x])
        _open.discard(id(x))
        return out
    if t in _EXACT_TYPES:
        return _Exact(x)
    raise _Unsnapshotted


# The last few (snapshot of the records, index) given: a registry read again and again (one
# text at a time) is compared with its snapshot in C (~0.2 ms for the project's) instead of
# having its key built in Python (~3 ms); a record changed in place, added or taken away
# makes it unequal, and the key is built as before.
_RECENT: list = []
_RECENT_SIZE = 4


def index_for(entities, properties) -> Index:
    """The compiled registry for these entity and property records (cached)."""
    records = (entities, properties)
    for i, (snap, idx) in enumerate(_RECENT):
        try:
            same = records == snap
        except Exception:  # (a value whose == raises or gives no truth: an array, a cycle)
            same = False
        if same:
            if i:
                _RECENT.insert(0, _RECENT.pop(i))
            return idx
    idx = _index_keyed(entities, properties)
    try:
        snap = _snapshot(records)
    except _Unsnapshotted:
        return idx
    _RECENT.insert(0, (snap, idx))
    del _RECENT[_RECENT_SIZE:]
    return idx


def _index_keyed(entities, properties) -> Index:
    """:func:`index_for` the plain way: the key built from every record's fields that count."""
    return _index_cached(*_index_key(entities, properties))


def _index_key(entities, properties) -> tuple:
    """(entities' key, properties' key): every record's fields the index reads."""
    ekey = tuple((str(e.get("id")), str(e.get("kind") or ""), str(e.get("family") or ""),
                  tuple(a for a in (e.get("aliases") or []) if isinstance(a, str)),
                  e.get("vendor") if isinstance(e.get("vendor"), str) else "",
                  e.get("architecture") if isinstance(e.get("architecture"), str) else "",
                  str(e.get("name") or "") if e.get("kind") == "organisation" else "",  # groups' members
                  tuple(a for a in (e.get("word_aliases") or []) if isinstance(a, str)),
                  tuple(a for a in (e.get("ticker_aliases") or []) if isinstance(a, str)),
                  release_bound(e.get("released"), latest=True) if e.get("line_aliases") else None,
                  tuple(a for a in (e.get("line_aliases") or []) if isinstance(a, str)))
                 for e in entities or [] if isinstance(e, dict))
    pkey = tuple((str(p.get("id")), str(p.get("type", "quantity")), str(p.get("canonical_unit") or ""),
                  str(p.get("name") or ""), str(p.get("description") or ""),
                  _plausible_key(p.get("plausible")), tuple(p.get("conditions") or ()),
                  bool(p.get("states_maximum")), _word_entries(p.get("cues")), _word_entries(p.get("needs")))
                 for p in properties or [] if isinstance(p, dict))
    return ekey, pkey


# --------------------------------------------------------------------------------------
# Calibration
# --------------------------------------------------------------------------------------

# Priors (share right) per way of guessing, used until calibration.json has seen enough.
PRIORS = {"value": 0.7, "entity": 0.5, "property": 0.5}
_SMOOTHING = 4.0


@functools.lru_cache(maxsize=1)
def _calibration() -> dict:
    try:
        return json.loads(CALIBRATION_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def shrunk_rate(counts: dict, tag: str, smoothing: float, prior: float) -> float:
    """The share right of guesses made the way ``tag`` names, shrunk towards the share of
    its kind of way (the tag's first part: ``before`` for ``before|sure|kind``), which is
    shrunk towards the field's share over all ways, which is shrunk towards ``prior``;
    ``counts`` maps tags to ``[right, n]`` and ``smoothing`` is the pseudo-count of each step."""
    r_all = sum(c[0] for c in counts.values())
    n_all = sum(c[1] for c in counts.values())
    p_all = (r_all + smoothing * prior) / (n_all + smoothing)
    head = tag.split("|")[0]
    r_par = n_par = 0.0
    for t, c in counts.items():
        if t.split("|")[0] == head:
            r_par += c[0]
            n_par += c[1]
    p_par = (r_par + smoothing * p_all) / (n_par + smoothing)
    right, n = counts.get(tag, (0, 0))
    return (right + smoothing * p_par) / (n + smoothing)


@functools.lru_cache(maxsize=4096)
def calibrated(field_name: str, tag: str) -> float:
    """Confidence for a guess of ``field_name`` (value, entity, property) made the way
    ``tag`` names: the share right on the development sets, shrunk (:func:`shrunk_rate`)
    as much as leave-one-article-out cross-validation on them says, then shifted to what
    the same ways of guessing scored on articles before anyone tuned on them
    (``calibration.json``: ``shift``, a logistic map per field, then each way's own share
    there, ``unseen-<field>``, weighed against the map by a pseudo-count, :func:`toward_unseen`)."""
    cal = _calibration()
    counts = cal.get(field_name) or {}
    smoothing = float(((cal.get("settings") or {}).get(field_name) or {}).get("smoothing", _SMOOTHING))
    p = round(shrunk_rate(counts, tag, smoothing, PRIORS[field_name]), 2)
    shift = (cal.get("shift") or {}).get(field_name)
    if shift:
        # The development texts were tuned on: the share right on articles nobody tuned on
        # (the guesses before tuning) is this logistic map of it (kb.extract.evaluate.fit_unseen_shift).
        p = round(shifted(p, float(shift["a"]), float(shift["b"])), 2)
        right, n = (cal.get(f"unseen-{field_name}") or {}).get(tag, (0, 0))
        p = toward_unseen(p, right, n, shift.get("k"))
        p = min(max(p, 0.01), 0.99)  # (never certain either way)
    return p


def toward_unseen(p: float, right: float, n: float, k) -> float:
    """A shifted confidence ``p`` moved towards the share right of its way of guessing on
    articles before tuning (``right`` of ``n``) with pseudo-count ``k`` (None: kept)."""
    if not k or not n:
        return p
    return round((right + k * p) / (n + k), 2)


def logit(p: float) -> float:
    """log(p / (1 - p)), with p kept within 0.001 of 0 and 1."""
    p = min(max(p, 1e-3), 1 - 1e-3)
    return math.log(p / (1 - p))


def shifted(p: float, a: float, b: float) -> float:
    """The logistic map of a confidence: sigmoid(a * logit(p) + b)."""
    return 1.0 / (1.0 + math.exp(-(a * logit(p) + b)))


def reload_calibration() -> None:
    """Read calibration.json again (after ``--fit-calibration`` rewrote it)."""
    _calibration.cache_clear()
    calibrated.cache_clear()


def value_tag(form: str, qualifier: str) -> str:
    return f"{form}|{'range' if qualifier == 'range' else 'single'}"


# --------------------------------------------------------------------------------------
# Property
# --------------------------------------------------------------------------------------

# a value outside a property's plausible range (over every kind it applies to) but not so far
# outside that the range rules it out (_IMPLAUSIBLE_FACTOR) speaks against it as much as a cue word
# speaks for one: "Time for 1M tokens" is a text's length, not a training set's (from 100M tokens)
_OUTSIDE = 3.0
# where no word speaks for any property of the unit, the plain reading in place of the one the
# registry's order puts first: a sum of money is what something costs, not a training run's cost
# (a training run is named where its cost is given; "$0.47" in a column of what a batch of
# requests costs is no training cost)
_DEFAULT_INSTEAD = {"training-cost": "workload-cost"}
_PRIMARY_KIND = 1.5  # the bonus of a property whose first two kinds have the claim's entity's
_IMPLAUSIBLE_FACTOR = 1000.0  # a value this far outside every plausible range is another property
# The plain reading of a multiple, a percentage and a duration: other properties of the
# unit need words of their own to win ("105 layers", "MIG instances", "gross margin").
_PRIOR = {"ratio": 2.0, "share": 1.5, "training-duration": 1.0}
# Prices quoted per hour: an amount per day, month or year is seldom one (in the curated
# articles 9 of 137 such amounts are rents, the rest running costs), so the unit alone speaks
# a little against it there; a GPU or an instance named as the entity still makes it a rent.
_HOURLY_PRICES = frozenset({"rental-price"})
#: the property of a provider's hourly price, and the words of renting that name one whatever
#: plainer word of paying is near (not "price", "cloud" or "provider": a cost is priced too)
RENTAL_PRICE = "rental-price"
HOST_MEMORY = "host-memory"
_UNIFIED_RE = re.compile(r"\bunified\b", re.I)
_RENTING_WORDS_RE = re.compile(r"(?i)\b(?:rent(?:s|ed|ing|als?)?|on[- ]demand|spot|reserved|hourly[ \t]+rates?"
                               r"|per[ \t]+gpu[- ]hours?|neo-?clouds?)\b")
COST_RATE = "cost-rate"
#: capital expenditure, and the words that make an amount what building a facility costs: "to
#: build", "construction cost(s)", a cost "of" or "for" a cluster, a data centre, a campus, a plant
CAPEX = "capex"
_FACILITY_MIN = 0.001  # (in capex's canonical unit, billion USD: a million dollars)
_FACILITY_COST_RE = re.compile(r"(?i)\bto[ \t]+(?:build|construct)\b"
                               r"|\bconstruction[ \t]+(?:(?:and|&)[ \t]+(?:[\w-]+[ \t]+){1,2}?)?costs?\b"
                               r"|\bcosts?[ \t]+(?:of|for)[ \t]+(?:building[ \t]+)?(?:the|a|an|one|each|its|their)[ \t]+(?:[\w-]+[ \t]+){0,3}?"
                               r"(?:clusters?|data[ \t]?cent(?:er|re)s?|datacent(?:er|re)s?|campus(?:es)?|facilit(?:y|ies)|plants?|fabs?)\b")
#: a word of magnitude after a figure ("$32 billion"), no word of what the amount is
_MAGNITUDE_WORD_RE = re.compile(r"(?i)\b(?:m|b|tr)illions?\b")
#: a table header naming a breakdown of a cost into its parts ("Cost Component", "% of TCO")
_COST_BREAKDOWN_HEAD_RE = re.compile(r"(?i)\b(?:components?|breakdown)\b")
#: a power in watts written as a figure ("700W", "1 kW", "350 watts"); not a kWh
_WATTS_RE = re.compile(r"[0-9](?<![\w.][0-9])[0-9,.]*\s?(?:[kMG]?W|(?:kilo|mega)?watts?)(?![\w/])")  # (digit first)
_WATTS_REACH = 80
#: a table header naming the machines a table's prices are of ("Instance", "GPU", "Hardware")
_RENTED_THING_HEAD_RE = re.compile(r"(?i)[\s*_]*(?:instance|gpu|hardware|machine|vm|node|server)s?(?:[ \t]+type)?[\s*_]*")
#: a unit of money per period of time ("USD/hour", "USD/GPU-hour", "K USD/month")
_PERIOD_PRICE_RE = re.compile(r"[A-Z]{3}/(?:[\w-]+-)?(?:hour|day|week|month|year)$")
# a price per minute or second ("USD/min"): what running a thing costs, or a rent, as per hour
_SHORT_PERIOD_PRICE_RE = re.compile(r"[A-Z]{3}/(?:min|minute|s|second)$")
_LONG_PERIOD_ATOMS = frozenset({"day", "week", "month", "year"})
# a price per hour ("USD/hour", "EUR/hr", "USD per hour")
_PER_HOUR_UNIT_RE = re.compile(r"(?:/\s*|\bper\s+)(?:hour|hr|h)\b")
_LONG_PERIOD_UNIT_RE = re.compile(r"(?:/\s*|\bper\s+)(?:day|week|month|year)s?\b")


#: electricity written as used per period ("12.3 TWh/year", "40 Wh per day"): a unit that names a
#: property measured that way (electricity use per year) with no other word (a power in watts is
#: the same dimension, but no one writes a plant's or a chip's power as energy per year)
_ENERGY_PER_PERIOD_RE = re.compile(r"(?:[a-z]+ )?[kMGT]?Wh/(?:day|week|month|year)")

#: a time per period ("hour/day", "hours/week"): a duty cycle, read as the properties of a
#: percentage are, with :data:`_DUTY_CYCLE` (how much of the time a thing runs) its plain reading
#: (a share's own plain reading, :data:`_PRIOR`, is outweighed by the bonus)
_DUTY_CYCLE_UNIT_RE = re.compile(r"(?:second|minute|hour|day|week|month)s?/(?:day|week|month|year)")
_DUTY_CYCLE = "utilisation"
_DUTY_CYCLE_BONUS = 3.0

#: a currency code of the vocabulary other than the dollar, in a unit's text
_FOREIGN_CURRENCY_RE = re.compile(r"\b(?:" + "|".join(FOREIGN_CURRENCIES) + r")\b")

_BOUNDS: dict = {}  # id of a unit's options (Index.unit_info) -> (the options, their bounds, static scores)


def _runs_pattern(entries) -> re.Pattern | None:
    """One pattern that finds any of the plain runs of ``entries`` (``_literal_entries`` of
    several properties; None without any): where it finds none in a lower-cased text, no
    entry of those properties can match there (one search, not one ``in`` for each run)."""
    runs = {lit for lits in entries if lits for lit, _ in lits}
    return _runs_regex(tuple(sorted(runs))) if runs else None


@functools.lru_cache(maxsize=1024)
def _runs_regex(runs: tuple) -> re.Pattern:
    """The pattern of these (sorted) runs: made once for the many units whose properties have
    the same runs ("USD", "million USD", "$/hour" read once each, by the same properties)."""
    return re.compile(_trie_pattern(runs))


_FOUND_RUNS: dict = {}  # id of a unit's options -> (the options, _found_runs's three answers)


def _prefixed(runs: list, lits: list) -> frozenset:
    """The runs (sorted) that begin with one of ``lits``: those beginning with one literal stand
    together in sorted order, from where the literal itself would be inserted (bisection, not a
    test of every run against every literal: made once per unit, but for every property of it)."""
    out = set()
    n = len(runs)
    for lit in lits:
        i = bisect.bisect_left(runs, lit)
        while i < n and runs[i].startswith(lit):
            out.add(runs[i])
            i += 1
    return frozenset(out)


def _found_runs(options: list) -> tuple:
    """For the needed words and for the cue words of a unit's properties: (``search`` of the
    pattern of their plain runs, which finds the longest at a position (:func:`_runs_at`);
    {id(property): the runs that begin with one of the property's own}), or
    None where none has a run. A property's entries can match in a text only where one of its
    runs is in it, that is where the runs found there meet its set (one scan of the text for
    all the properties, not one ``in`` for each run of each). Third: where both kinds have runs,
    (``search`` of both kinds' runs, {id(property): the runs of both kinds that begin with one of
    its own needed words' runs}, the same of its cue words' runs), else None: one scan for a
    window both kinds are looked for in. Made once per unit."""
    hit = _FOUND_RUNS.get(id(options))
    if hit is None or hit[0] is not options:
        if len(_FOUND_RUNS) > 4096:
            _FOUND_RUNS.clear()  # (units of registries no longer in use)
        pairs = []
        every = set()
        for attr in ("need_lits", "cue_lits"):
            runs = sorted({lit for p, _, _ in options for lit, _ in getattr(p, attr) or ()})
            every.update(runs)
            if not runs:
                pairs.append(None)
                continue
            ext = {}
            for p, _, _ in options:
                ext[id(p)] = _prefixed(runs, [lit for lit, _ in getattr(p, attr) or ()])
            pairs.append((_runs_regex(tuple(runs)).search, ext))
        both = None
        if pairs[0] is not None and pairs[1] is not None:
            # the needed words' and the cue words' runs in one pattern, for a window both are
            # looked for in (one scan, not two): the longest run of either kind found at a
            # position begins with a property's own run of a kind exactly where one of those
            # begins there, so each property's own runs of each kind, extended by the runs of
            # both kinds, meet what that scan finds exactly where they meet what the scan of
            # that kind's runs alone finds
            runs = sorted(every)
            exts = [{id(p): _prefixed(runs, [lit for lit, _ in getattr(p, attr) or ()])
                     for p, _, _ in options} for attr in ("need_lits", "cue_lits")]
            both = (_runs_regex(tuple(runs)).search, exts[0], exts[1])
        hit = _FOUND_RUNS[id(options)] = (options, (pairs[0], pairs[1], both))
    return hit[1]


def _runs_at(search, low: str) -> set:
    """The runs a pattern of runs (:func:`_runs_regex`'s ``search``) finds in ``low``, the
    longest at each position where one starts (each search skips in C to the next position
    where one may start)."""
    found = set()
    m = search(low)
    while m is not None:
        found.add(m.group())
        m = search(low, m.start() + 1)
    return found


def _option_bounds(options: list) -> tuple[list, dict]:
    """A unit's properties with their factors and the values below and above which a value
    is implausible for them ((property, factor, low / 1000, high * 1000), None for no
    bound), and each property's score from the unit alone: made once per unit."""
    hit = _BOUNDS.get(id(options))
    if hit is None or hit[0] is not options:
        if len(_BOUNDS) > 4096:
            _BOUNDS.clear()  # (units of registries no longer in use)
        bounds = [(p, f, None if p.low is None else p.low / _IMPLAUSIBLE_FACTOR,
                   None if p.high is None else p.high * _IMPLAUSIBLE_FACTOR) for p, f, _ in options]
        hit = _BOUNDS[id(options)] = (options, bounds, {p.id: st for p, _, st in options})
    return hit[1], hit[2]


_FACTORS: dict = {}  # id of a unit's options -> (the options, {property id: factor to its canonical unit})


def _option_factors(options: list) -> dict:
    """{property id: the factor from the unit to its canonical unit} of a unit's properties."""
    hit = _FACTORS.get(id(options))
    if hit is None or hit[0] is not options:
        if len(_FACTORS) > 4096:
            _FACTORS.clear()
        hit = _FACTORS[id(options)] = (options, {p.id: f for p, f, _ in options})
    return hit[1]


_OPTION_WORDS: dict = {}  # id of a unit's options -> (the options, Index.word_weights of their properties only)
_OPTION_WORDS_BY_SET: dict = {}  # (id of the index, the properties' ids) -> (the index, those words)


def _option_words(idx: Index, options: list) -> dict:
    """``idx.word_weights`` with only the entries of a unit's properties (``options``, of
    ``idx.unit_info``), in the same order: the words' scores of the unit's properties are
    the same, added up without the entries of every other property. Made once per unit."""
    hit = _OPTION_WORDS.get(id(options))
    if hit is None or hit[0] is not options:
        if len(_OPTION_WORDS) > 4096:
            _OPTION_WORDS.clear()  # (units of registries no longer in use)
        ids = frozenset(p.id for p, _, _ in options)
        # (the words depend only on which properties the unit has: the units of one dimension
        # written many ways, "USD/GPU-hour", "USD/hr", "EUR/hour", share one table, made once
        # per set of properties instead of once per unit's spelling)
        by_set = _OPTION_WORDS_BY_SET.get((id(idx), ids))
        if by_set is None or by_set[0] is not idx:
            if len(_OPTION_WORDS_BY_SET) > 4096:
                _OPTION_WORDS_BY_SET.clear()
            words = {}
            for wd, entries in idx.word_weights.items():
                mine = [(pid, w) for pid, w in entries if pid in ids]
                if mine:
                    words[wd] = mine
            by_set = _OPTION_WORDS_BY_SET[(id(idx), ids)] = (idx, words)
        hit = _OPTION_WORDS[id(options)] = (options, by_set[1])
    return hit[1]


# (unit, values, local, own) -> (index, what _property_options found): the properties a
# number may be of, before the kinds of its entity are known, are the same when its
# property is chosen again for the entity (_repick, _subject_for). Emptied by each text's
# linking and when it grows large; an answer depends on its key and the index alone
_OPTIONS_MEMO: dict = {}


def _property_options(idx: Index, unit: str, values, local: str, own: str | None, wide: str | None = None):
    """(the answer, when the unit's properties, their plausible ranges and needed words decide
    it; else None, the properties left, the unit's static scores, {property id: whether its
    cue words are in ``local``}) for :func:`_guess_property`. ``wide``: where the words a
    property needs are looked for, when wider than ``local`` (:func:`_link_one`)."""
    mkey = (unit, values, local, own, wide)
    hit = _OPTIONS_MEMO.get(mkey)
    if hit is not None and hit[0] is idx:
        return hit[1]
    out = _property_options_plain(idx, unit, values, local, own, wide)
    if len(_OPTIONS_MEMO) > 16384:
        _OPTIONS_MEMO.clear()
    _OPTIONS_MEMO[mkey] = (idx, out)
    return out


# a hardware configuration in a table cell's own labels ("| 2xA100-80GB |", "8x H100", "4 GPUs"):
# the number is what that much hardware does (a throughput, the longest context it can serve a
# model with), not a property of the model alone (its context window)
# (both alternatives' first digit taken first and the character before it looked behind for:
# the engine scans for digits in C instead of trying every position)
_HW_CONFIG_RE = re.compile(r"[0-9](?:(?<![\w.-][0-9])[0-9]{0,2}\s?[x×]\s?(?:[A-Za-z]{1,4}[- ]?[0-9]|GPU|TPU|NVIDIA|AMD)"
                           r"|(?<!\w[0-9])[0-9]{0,2}\s?(?:x\s?)?GPUs?\b)")


def _on_hardware(p: "_Prop") -> bool:
    """Whether a property is of what some number of GPUs does (it has a GPU count condition)."""
    return "gpu_count" in p.conditions


#: a count of users too small to be a product's audience (under _SEATS_MAX, in the canonical
#: unit of the users' properties, million users) when no cue word names a period or a payment:
#: the users of a deployment or a scenario, a plain count of users (docs/data-format.md: users
#: are paying subscribers only where the text says they pay)
_SEATS_PROPERTY = "paying-subscribers"
_SEATS_MAX = 0.1
_SEATS_COUNT = "count"


#: the property of a duration in a table column headed by a bare time word (a run time)
RUN_DURATION = "run-duration"
#: time until an investment repays its cost (a duration's reading under a heading that names it)
PAYBACK_PERIOD = "payback-period"
#: the plain reading of a duration where training is spoken of near it (:func:`_link_one`)
TRAINING_DURATION = "training-duration"
# a table's column header that is a bare time word: "| Time |", "| Time (h:m) |", "| Duration |",
# "| Runtime |", "| Est. time |" (not "Time to first token", "Training time", "Lead time")
TIME_HEADER_RE = re.compile(r"(?i)[\s*_]*(?:(?:total|est(?:imated)?\.?|approx(?:imate)?\.?|wall[- ]?clock)\s+)?"
                            r"(?:time|duration|run[- ]?time|elapsed(?:\s+time)?|wall[- ]?clock)\s*(?:\([^)]*\))?[\s*_]*")
# words in a table's caption, labels or the headings it is under that make its column of times
# something else than how long a run took: a response's latency, a training run's length (a
# table of "Training Run Estimates", a "Fine-Tuning Cost Guide"), a lead time, a time between
# releases, a payback period
INFERENCE_LATENCY = "inference-latency"
#: the sign of a result right before a number ("= 43 seconds", "~= 0.69 seconds", "≈ 5 s")
_RESULT_BEFORE_RE = re.compile(r"(?:[=≈]|~=)[ \t]*~?[ \t]*$")
#: a column of times said to be of doing an amount of work ("Time to generate 1 M tokens (minutes)")
_WORK_TIME_HEAD_RE = re.compile(r"[Tt](?<!\w[Tt])(?i:ime\s+to\s+(?:generate|process|complete|finish|produce|render"
                                r"|transcribe|download|run|embed|index))\b")  # (the "t" first: scanned for in C)
TIME_OTHER_RE = re.compile(r"(?i)\b(?:respon|latenc|first\s+token|ttft|prefill|decod|lead|releas|launch|train|pre-?train"
                           r"|fine-?tun|epoch|payback|break-?\s?even|deliver|shipp)")


#: properties that are the plain reading of their unit, with no ``needs:``: candidates only where
#: no other property's needed words are near, or their own cue words are (a duration is a training
#: run's length unless a word names it a payback period, a construction time, a release interval)
_FALLBACKS = frozenset({"training-duration"})


#: a percent's default property (no word names another), and a model's score in percent
SHARE = "share"
MODEL_SCORE = "benchmark-score"
# words that make a percent a part of a whole (or a change), not a score
SHARE_WORDS_RE = re.compile(r"(?i)\b(?:shares?|of|market|usage|use|uses|traffic|portion|fraction|split|mix|adoption|users?"
                            r"|penetration|growth|change|discount|off|saving|savings|cheaper|margin|breakdown|distribution"
                            r"|revenue|spend|cost|costs|budget|allocation|weight|weights|compute)\b")


#: words that make a percentage what is kept of a quality, a ratio to the original ("retains
#: 92.53% of performance", "preserve up to ~96% of the total retrieval performance", "performance
#: retention of 99%"), not a part of a whole
_RETAINED_NEAR = re.compile(r"(?i)\bperformance[ \t]+retention\b"
                            r"|%\**[ \t]+of[ \t]+(?:the[ \t]+|its[ \t]+)?(?:(?:total|original|full|baseline|retrieval)[ \t]+){0,2}"
                            r"(?:performance|accuracy)\b")


#: right after a percentage, the level it is set against: "150% of average for traffic spikes",
#: "80% of baseline." (a ratio to that level; not "37% of the average American's emissions")
_OF_REFERENCE_LEVEL_RE = re.compile(r"(?i)[ \t*_)]*of[ \t]+(?:the[ \t]+|its[ \t]+)?(?:average|normal|baseline|usual)"
                                   r"(?=[ \t]*(?:$|[.,;:)*_]|(?:for|in|during|at|when|on)\b))")


#: the property of a percentage written in percentage points (:func:`kb.core.grammar.in_points`),
#: in place of no hint or of the change a verb made it
DIFFERENCE = "difference"
GROSS_MARGIN, RATIO = "gross-margin", "ratio"
#: a margin stated on cost, not on revenue ("cost-profit margin", "cost-to-profit margin", "a margin
#: on cost", "margins over costs")
_MARGIN_ON_COST_RE = re.compile(r"(?i)\bcost[- ](?:to[- ])?profit[ \u00a0]+margins?\b"
                                r"|\bmargins?[ \u00a0]+(?:on|over)[ \u00a0]+(?:its[ \u00a0]+|the[ \u00a0]+)?costs?\b")
_POINTS_OVERRIDES = frozenset({None, "change", "growth-rate"})
#: the properties of a percentage that say how much a quantity changed (signed), never a part of
#: a whole named right after the number
_CHANGE_PROPERTIES = frozenset({"change", "growth-rate"})
#: right after a percentage, "of" and the whole it is a part of: "12% of US power", "80 to 90% of
#: total ML cloud computing demand", "60% of your API bill" (not "of growth", "of improvement": a
#: change written as a noun; nor "of which", where the percentage is the whole a part of it is
#: taken from: "Revenue grew 40% of which most came from API sales")
OF_WHOLE_RE = re.compile(r"(?i)[ \t*_)]*of[ \t]+(?!(?:an?[ \t]+)?(?:growth|increases?|decreases?|declines?|changes?|improvements?"
                         r"|reductions?|gains?|drops?|rises?|jumps?|which|whom|whose)\b)(?=[\w$€£])")


#: the price of one unit of hardware, and the words right after an amount that make it one
#: ("$199,000 a piece", "$12,000 apiece", "$3 per unit", "spending $800-$1200 on a used GPU")
PURCHASE_PRICE = "purchase-price"
_UNIT_PRICE_AFTER_RE = re.compile(r"(?i)[ \t]*(?:a[ \t]+piece|apiece|per[ \t]+unit"
                                  r"|on[ \t]+(?:a|an|one|my|our)[ \t]+(?:(?:new|used|second-?hand|refurbished|spare)[ \t]+)?"
                                  r"(?:gpu|graphics[ \t]+card|computer|pc|server|workstation|laptop)s?)\b")


#: an amount of money alone, in some currency and scale ("USD", "K USD", "million EUR")
_AMOUNT_UNIT_RE = re.compile(r"(?:(?:K|thousand|million|billion|trillion) )?[A-Z]{3}")


#: the units of an amount whose own plus sign makes it a difference (see :func:`_link_one`): money
#: and energy, whose plus-signed amounts are increments ("+$659.3M", "+128 TWh"); not a size or a
#: temperature ("+20GB ML models" on top of an image, "under +80C")
_SIGNED_AMOUNT_UNIT_RE = re.compile(r"(?:(?:K|thousand|million|billion|trillion) )?[A-Z]{3}|[kMGTP]?Wh(?:/(?:year|month|day))?")


#: the kinds of thing an amount written before its name is the price of (see :func:`_link_one`)
_PRICED_KINDS = frozenset({"gpu", "system", "cpu"})


#: the electrical power plants can supply, and the words right after a power that make it theirs:
#: "of" and what generates it ("100GW of natural gas power plants", "52 GW of incremental
#: generation", "2 GW of new reactors"): no data centre's load, whatever the sentence spends on it
GENERATING_CAPACITY = "generating-capacity"
_POWER_UNITS = frozenset({"W", "kW", "MW", "GW", "TW"})
_GENERATION_AFTER_RE = re.compile(r"(?i)[ \t]+of[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:plants?|reactors?|turbines?|generators?"
                                  r"|generation|generating)\b")
#: right after a power, what generates it, the power written as its adjective ("a 4.4 GW natural
#: gas plant", "a 100MW solar farm", "a 1.1 GW reactor"; a few words between, none of them a
#: data centre's or a preposition), or "of" and a source of electricity ("21 GW of nuclear
#: capacity", "120 GW of solar", "2.5 GW of nuclear power secured"): a plant's or a fleet's
#: generating capacity, however much the sentence says of the data centre it will power
_GENERATOR_NAMED_RE = re.compile(
    r"(?i)[ \t-]+(?:(?!(?:data|datacent\w*|campus\w*|clusters?|facilit\w*|sites?|ai|compute|of|for|to|in|at|by|with|and|or|the"
    r"|a|an|from|on|that|which|will|would|is|are|was|were)\b)[\w'\u2019-]+[ \t]+){0,3}?(?:power[ \t]+plants?|plants?"
    r"|power[ \t]+stations?|generating[ \t]+(?:stations?|units?)|reactors?|turbines?|generators?"
    r"|(?:solar|wind|pv)[ \t]+(?:farms?|parks?|arrays?))\b"
    r"|[ \t]+of[ \t]+(?:(?:new|additional|installed|firm|contracted)[ \t]+)?(?:nuclear|solar(?:[ \t]+pv)?(?:[ \t-]*(?:plus|\+)[ \t-]*storage)?|(?:onshore[ \t]+|offshore[ \t]+)?wind"
    r"|(?:natural[ \t]+)?gas(?:-fired)?|coal(?:-fired)?|hydro(?:power|electric)?|geothermal|renewables?|renewable[ \t]+energy"
    r"|clean[ \t]+energy|fusion)(?:[ \t]+(?:capacity|power|energy|generation))?(?![\w-])"
    r"(?![ \t]+(?:data|datacent\w*|campus\w*|clusters?|load|demand|consumption)\b)")
#: a row label naming a valuation multiple ("P/E (TTM)", "EV/EBITDA", "Price-to-sales", "Forward PE")
_VALUATION_MULTIPLE_RE = re.compile(r"(?i)(?<![\w/])(?:p/?e|p/s|p/b|peg|ev[ \t]*/[ \t]*(?:ebitda|ebit|revenue|sales|fcf)"
                                    r"|price[- /]to[- /](?:earnings|sales|book)|(?:ebitda|revenue|sales|earnings)[ \t]+multiple)"
                                    r"(?![\w/])")
#: a column header that names what generates power ("Turbine / Engine", "Fuel", "Generator type",
#: "Reactor"): a table with one lists plants or units, and its power column is their capacity
_GENERATOR_HEADER_RE = re.compile(r"(?i)\b(?:turbines?|generators?|reactors?|fuel(?:[ \t]+type)?|generation[ \t]+"
                                  r"(?:source|type|technology)|plant[ \t]+type)\b")
#: a power column header of a data centre's own draw ("IT load", "Facility power", "Demand"): never a plant's
_FACILITY_POWER_HEADER_RE = re.compile(r"(?i)\b(?:it[ \t]+load|loads?|demand|draw|consumption|facility|data[ \t]*cent(?:er|re)s?"
                                       r"|campus|critical|tdp|usage)\b")


def _generator_table(table, col: int) -> bool:
    """Whether another column of ``table`` names what generates power (a turbine, a fuel) and the
    column ``col`` is not headed by a word of a facility's own draw."""
    own = table.column_header(col)
    if own is not None and _FACILITY_POWER_HEADER_RE.search(own.text):
        return False
    for c in range(len(table.header)):
        if c == col:
            continue
        h = table.column_header(c)
        if h is not None and _GENERATOR_HEADER_RE.search(h.text):
            return True
    return False


#: a percentage written with a plus sign of its own ("2025E: 33% (+136%)", "+12% on the year"):
#: how much a quantity changed, never a part of a whole (a part has no sign)
_PLUS_AFTER = frozenset(" \t\n([*")  # (what comes before that sign: a space, a bracket or nothing)


#: a part's rated wattage, and the wattage drawn at work (see :func:`_link_one`)
TDP, POWER_DRAW = "tdp", "power-draw"
# between a model's name and a wattage given for it: a bracket, a colon or a dash, or "at"
# ("Llama 3.1 8B (312W)", "Mistral 7B: 290 W", "the 70B model at 350W")
_MODEL_WATTS_GAP_RE = re.compile(r"(?i)[ \t]*(?:[(:\u2013\u2014-]|\bat\b|\bdrew\b|\bdraws?\b|\bran at\b|\bruns at\b)?[ \t]*(?:~|about[ \t]+|around[ \t]+)?")
#: a verb of drawing power and a word of estimate right before a wattage ("consumes about 350 Watt",
#: "draws roughly 95W"): what is drawn at work, as the writer reckons it, no vendor's rating (a
#: rating is stated, not guessed at: "consumes just 350W", "draw up to 350 W"). (Not the noun: "a
#: power draw of about 700 W" is as often a part's rating.)
_ABOUT_DRAW_BEFORE_RE = re.compile(r"(?i)\b(?:draws?|drew|drawing|consumes?|consumed|consuming|pulls?|pulled|pulling)"
                                   r"[ \t]+(?:about|around|roughly|approximately|approx\.?|~|an[ \t]+average[ \t]+of)[ \t]*~?[ \t]*(?=[0-9])")
#: a count of tokens written right before "context" ("2M token context", "128K-token context
#: window", "a 200k context"): the longest input a model takes, not a text's length (a document it
#: is said to fit)
CONTEXT_WINDOW, TEXT_TOKENS = "context-window", "text-tokens"
_CONTEXT_AFTER_RE = re.compile(r"(?i)[ \t-]*(?:tokens?[ \t-]*)?context\b(?![ \t-]*(?:tokens?|cach\w*|switch\w*)\b)")
#: the share of a population in a status: a percentage of a group of people or organisations
ADOPTION_SHARE = "adoption-share"
#: the average growth per year of a quantity over several years (a change is between two dates)
GROWTH_RATE = "growth-rate"
# a period set against the same period a year before ("+134% YoY", "growth of 75% year over
# year"): one change between two dates, not an average growth per year, unless a word makes
# it one ("average year-over-year growth", "a compound annual rate")
# (the "y" first, in either case, then the look-behind that makes it a word's first: scanned for in C;
# no other character is "y" ignoring case)
_YEAR_ON_YEAR_RE = re.compile(r"[Yy](?<!\w[Yy])(?i:oy|/y|ear[- ]over[- ]year|ear[- ]on[- ]year)\b")
_AVERAGE_RATE_RE = re.compile(r"(?i)\b(?:averag\w*|avg|mean|annual\w*|per\s+(?:year|annum)|(?:a|each|every)\s+year"
                              r"|cagr|compound\w*|typical\w*)\b|/\s*(?:year|yr)\b")
# a whole that is an amount, not a population ("55% of enterprise AI spend", "25% of the consumer
# chatbot market", "30% of their time"): a part of it is a share, whatever group its words name
_AMOUNT_WHOLE_RE = re.compile(r"(?i)\b(?:spend|spending|revenues?|sales|income|profits?|earnings|markets?|budgets?|costs?"
                              r"|capex|investments?|funding|valuation|gdp|power|electricity|energy|demand|capacity|compute"
                              r"|traffic|usage|volumes?|time|hours|bills?|margins?|output|supply|emissions|tokens|wallet"
                              r"|share)\b")
# a word of adopting, using or being in a status, or of asking a population (a survey): where no
# "of" names the population right after a percentage, one must be near for the percentage to be
# the share of a population in a status ("40% using Grok", "27% adoption by 2030"); a group named
# near ("80% enterprise, 20% consumer", "largest customer <35%", "GPT-4o (60%): customer-facing")
# says whose part of an amount it is (a mix of revenue, a customer's concentration, a routing split)
_ADOPTING_RE = re.compile(r"(?i)\b(?:adopt\w*|use|uses|using|used|deploy\w*|penetration|attach\w*|respondents?|survey\w*"
                          r"|polled|say|says|said|report(?:s|ed)?|plan|plans|planning|pilot\w*|in\s+production|scaled"
                          r"|rol(?:l|led|ling)\s+out|experiment\w*|install\w*|subscrib\w*)\b")
# the words naming the whole after "of" (:data:`OF_WHOLE_RE`): at most four, up to a preposition, a
# relative word, a verb that opens the rest of the clause as often as not, or a mark
_WHOLE_WORDS_RE = re.compile(r"(?:(?!(?i:in|on|at|for|from|to|by|with|via|that|who|which|and|or|but|than|comes?|came"
                             r"|goes|went|is|are|was|were|will|would|had|has)\b)[\w$€£'’&-]+[ \t]*){1,4}")


#: the percentage properties whose cue words are the name of what a percentage measures: the noun
#: written right after the number says which it is ("idle at 30% MFU", "showed 28-32% GPU
#: utilization", "less than 25% utilization", "99.9% uptime", "20% adoption"), whatever other
#: words of the sentence lean to (an idle share, a margin, a plain share)
_NAMED_PERCENTS = ("mfu", "hfu", "utilisation", "benchmark-score", "adoption-share", "availability")
# the words right after a percentage (up to three, no mark between): where its measure is named
_PERCENT_NOUNS_RE = re.compile(r"[ \t]*(?:[-\u2013][ \t]*)?((?:(?!(?i:of|in|on|at|for|to|by|with|and|or|the|a|an|than|from|is|are"
                               r"|was|were|while|but|vs|versus)\b)[A-Za-z][\w+/-]*[ \t]*){1,3})")
# a word of change after that noun: the percentage is how much the measure moved ("a 30%
# utilization improvement", "a 15% accuracy gain"), not its level
_NOUN_CHANGE_RE = re.compile(r"(?i)\b(?:improvements?|increases?|gains?|boosts?|jumps?|rises?|drops?|declines?|decreases?"
                             r"|reductions?|uplifts?|speed-?ups?|savings?|lifts?|penalty|penalties|loss|losses|growth)\b")


def _named_percent(idx: "Index", view: str, end: int, values) -> str | None:
    """The property of a percentage that the noun right after it names (:data:`_NAMED_PERCENTS`):
    the one whose cue word comes first in the words after the number ("model FLOPs utilization"
    is an MFU, not a plain utilisation), or None."""
    m = _PERCENT_NOUNS_RE.match(view, end)
    if m is None:
        return None
    words = m.group(1)
    if _NOUN_CHANGE_RE.search(words) is not None:
        return None
    best, at = None, len(words) + 1
    for pid in _NAMED_PERCENTS:
        p = idx.prop_by_id.get(pid)
        if p is None or p.cue is None:
            continue
        c = p.cue.search(words)
        if c is not None and c.start() < at and _fits_property(idx, "percent", values, pid):
            best, at = pid, c.start()
    return best


#: the margins a percentage's noun may name ("55% net margin", "75% or higher margins"), by the cue
#: words of each in the property vocabulary ("margin*" of the gross margin reads a bare margin)
_NAMED_MARGINS = ("adjusted-ebitda-margin", "operating-margin", "net-margin", "gross-margin")


def _margin_named_after(idx: "Index", view: str, end: int, values) -> str | None:
    """The margin the words right after a percentage name (up to three, as :func:`_named_percent`
    reads them: "55% net margin", "(74.6% margin)", "75% or higher margins" after "or higher"
    is read by the caller), or None: no word of margin, or a word of change among them ("a 5%
    margin improvement" is how much a margin moved). The margin whose cue word comes first
    (:data:`_NAMED_MARGINS`: "adjusted EBITDA margin", "net profit margin"), any other margin
    the gross margin, as that property's cue reads a bare "margin"."""
    m = _PERCENT_NOUNS_RE.match(view, end)
    if m is None:
        return None
    words = m.group(1)
    if not _MARGIN_WORD_RE.search(words) or _NOUN_CHANGE_RE.search(words) is not None:
        return None
    best, at = None, len(words) + 1
    for pid in _NAMED_MARGINS:
        p = idx.prop_by_id.get(pid)
        if p is None or p.cue is None:
            continue
        c = p.cue.search(words)
        if c is not None and c.start() < at:
            best, at = pid, c.start()
    return best if best is not None and _fits_property(idx, "percent", values, best) else None


#: "or higher", "or more" after a percentage, before the noun it names ("75% or higher margins")
_OR_HIGHER_RE = re.compile(r"(?i)(?:[ \t]+or[ \t]+(?:higher|more|greater|above|better))?")
#: the word of a margin as the last of the words after a percentage ("net margin", "gross margins")
_MARGIN_WORD_RE = re.compile(r"(?i)\bmargins?[ \t]*$")


#: a wattage followed by a slash and a second wattage ("8W / 350W" under nvidia-smi's "Pwr:Usage/Cap"):
#: the first is what the part draws now, the second the cap it may draw at most
_WATTS_OF_CAP_RE = re.compile(r"[ \t]*/[ \t]*[0-9][0-9,.]*[ \t]*[kM]?W\b")
#: right after an amount of money, the market it is the size of ("$22.57B market", "a $400B AI
#: accelerator market"): what is sold there a period, a revenue (not a market's value, "$2T market cap")
MARKET_REVENUE = "revenue"
#: the words that hedge an amount written right before it ("about $5 billion", "more than $40
#: billion"), the alternation many patterns below share (with words of their own added); those with
#: fewer of them, or "\s" for the space in "more than", write theirs out
_HEDGE_WORDS = r"about|around|roughly|nearly|approximately|almost|over|more[ \t]+than"
# a company's measure, a verb of change (its percents between), and "to" right before an amount
_MEASURE_ROSE_TO_RE = re.compile(
    r"(?i)\b(?P<m>revenues?|sales|net\s+income|operating\s+income|capex|capital\s+expenditures?|capital\s+spending"
    r"|remaining\s+performance\s+obligations?|rpo|backlog|segment)\b"
    # (an acronym in brackets, an aside between dashes or commas: "(RPO) — the contractual revenue
    # pipeline —", "segment, which includes Azure, server products, and enterprise services,")
    r"(?:[ \t]*\([^()\n]{1,24}\))?(?:[ \t]*[—–][^—–\n]{1,60}[—–]|,[ \t]+(?:which|that)\b[^.;:\n]{1,80},)?"
    r"(?:,?\s+which)?(?:\s+(?:has|have|had|would|will|could|is|was|also|then|still))*"
    r"\s+(?:rose|rise[sn]?|rising|grew|grow(?:s|n|ing)?|jump(?:ed|s|ing)?|climb(?:ed|s|ing)?|increas(?:ed|es|ing)|vault(?:ed|s|ing)?"
    r"|swell(?:ed|s|ing)?|swollen|balloon(?:ed|s|ing)?"
    r"|fell|fall(?:s|en|ing)?|declin(?:ed|es|ing)|dropp?(?:ed|s|ing)?|surg(?:ed|es|ing)|soar(?:ed|s|ing)"
    r"|skyrocket(?:ed|s|ing)?|slipp?(?:ed|s|ing)?|more\s+than\s+doubl(?:ed|ing)|doubl(?:ed|ing))\b"
    r"[^.;:$€£\n]{0,90}?\bto\s+(?:(?:nearly|about|roughly|around|approximately|almost|over|more\s+than|a\s+record)\s+)?[~≈]?$")
#: a company's profit (not its gross or operating profit, nor a margin), a change between, and "to"
#: right before an amount ("Microsoft's quarterly profits rose 12%, to $27.7bn", "a 33% rise in
#: profit, to roughly $35bn"): the profit's new level, its net income
_PROFIT_TO_RE = re.compile(r"(?i)(?<!gross )(?<!operating )(?<!pre-tax )(?<!gross-)\b(?:net[ \t]+)?profits?\b(?![ \t]+margins?\b)"
                           r"[^.;:$€£\n]{0,60}?\bto[ \t]+(?:(?:" + _HEDGE_WORDS + r"|a[ \t]+record)[ \t]+)?[~≈]?$")
# "valuing OpenAI at ", "value the ChatGPT developer at about ", "valued at ": right before an amount
_VALUING_AT_RE = re.compile(r"(?i)\bvalu(?:e|es|ed|ing)\b(?:\s+(?!at\b)[\w'’.-]+){0,4}\s+at\s+(?:an?\s+(?:[a-z-]+\s+)?)?"
                            r"(?:(?:about|around|roughly|nearly|some|approximately|almost|over|more\s+than|least)\s+)?[~≈]?$")
# right after an amount: a deal it is the worth of, a few words (a term, what is bought) between:
# " deal", " cloud computing contract", ", five-year commitment", " multi-year agreement" (not
# money invested or spent: "$100 billion Nvidia investment deal", "$50 billion infrastructure commitment")
_DEAL_AFTER_RE = re.compile(r"(?i),?(?:[ \t]+(?!(?:in|on|at|for|from|to|by|with|of|and|or|the|a|an|is|was|are|were|will"
                            r"|would|than|this|that|its|their)\b|(?:invest|infrastructure|capex|capital|spend|fund)\w*)[\w-]+,?){0,3}?"
                            r"[ \t]+(?:deal|contract|agreement|commitment)s?\b"
                            r"(?![ \t]+(?:value|price|rate)s?\b)")
# the whole a result is restated as a part of ("29 percent of revenue", "28% of total sales")
_REVENUE_WHOLE_RE = re.compile(r"(?i)(?:(?:its|the|total|net|quarterly|annual|segment)\s+)*(?:revenues?|sales)\b")
# a company's result, its amount, then ", or " right before a percentage ("operating income was $1
# billion, or ", "net income of $26.3 billion, or ")
_RESULT_OR_RE = re.compile(r"(?i)\b(?P<m>operating\s+(?:income|profit)|net\s+(?:income|profit|earnings)|gross\s+(?:profit|margin))\b"
                           r"[^.;:\n%]{0,80}?[$€£][0-9][0-9,.]*(?:\s*(?:million|billion|trillion|mn|bn|[MBK])\b)?\)?,?\s+or\s+"
                           r"(?:(?:about|roughly|nearly|around|approximately|almost|some)\s+)?[~≈]?$")
_RESULT_MARGIN = {"operating": "operating-margin", "net": "net-margin", "gross": "gross-margin"}
# what a company earned or lost on each share, then (a few words on) its amount: "loss per share of ",
# "net income per diluted share was ", "earnings per share came in at "
_PER_SHARE_BEFORE_RE = re.compile(r"(?i)\b(?P<l>loss|earnings|income|profit)\s+per\s+(?:(?:diluted|basic|common)\s+)?share\b"
                                  r"[^.;:\n$€£0-9]{0,50}[-−(]?$")
# an amount of money "per share" or "a share" ("$4.14 per share", "$0.81 per diluted share")
_PER_SHARE_AFTER_RE = re.compile(r"[ \t]+(?:per|a)[ \t]+(?:(?:diluted|basic)[ \t]+)?share\b")
# another amount, then ", or " right before a number ("$30.9 billion, or ")
_OR_AFTER_AMOUNT_RE = re.compile(r"[$€£][0-9][0-9,.]*(?:[ \t]*(?:million|billion|trillion|mn|bn|[MBK])\b)?\)?,?[ \t]+or[ \t]+$")
# the words of a company's result for a period (the last one before an amount says which it is)
_RESULT_WORDS_RE = re.compile(r"(?i)\b(profits?|income|earnings|earned|loss)\b")
# a growth by a percent, up to the amount grown to ("grew 17% to ", "up 16% to ", "growing 12% from a
# year earlier to ")
_GREW_TO_RE = re.compile(r"(?i)\b(?:grew|grow(?:s|ing)|rose|ris(?:es|ing)|increased|increas(?:es|ing)|jumped|climbed|up)"
                         r"[ \t]+(?:by[ \t]+)?[0-9][0-9.,]*[ \t]?(?:%|percent)[^.;:\n$€£]{0,50}?[ \t]to[ \t]+"
                         r"(?:(?:about|roughly|nearly|almost|around)[ \t]+)?(?:US|C|A)?$")
# a company's sales or a part of it (whose growth to an amount is its revenue)
_SALES_SUBJECT_RE = re.compile(r"(?i)\b(?:revenues?|sales|segment|business|division)\b")
# the words of another flow of money a growth may be of (its spending, profit, cash, costs)
_OTHER_FLOW_RE = re.compile(r"(?i)\b(?:capex|capital|spend(?:s|ing)?|income|profits?|loss(?:es)?|earnings|margins?|cash|valuations?"
                            r"|funding|invest\w*|costs?|expenses?|bookings|backlog|debt|buybacks?|dividends?|users?|subscribers?)\b")
# a company an amount is written before as what it is worth ("the first $5 trillion company")
_WORTH_COMPANY_AFTER_RE = re.compile(r"(?:[ \t]+|-)(?:(?:private|public|listed|tech|chip|AI)[ \t]+)?(?:company|companies|firm|firms|startup)\b")
# a company's worth passing a mark ("crossed $4 trillion", "topped the $3 trillion")
_CROSSED_BEFORE_RE = re.compile(r"(?i)\b(?:cross(?:ed|es|ing)?|topp(?:ed|ing)|tops?|surpass(?:ed|es|ing)?|pass(?:ed|es|ing)"
                                r"|hit(?:s|ting)?)[ \t]+(?:the[ \t]+)?(?:US)?$")
# analysts' expectation of an amount, right before it ("topped estimates of ", "consensus expectation among
# analysts of ", "surpassing projections of ", "up from earlier guidance of ")
_ESTIMATE_OF_BEFORE_RE = re.compile(r"(?i)\b(?:estimates?|expectations?|projections?|forecasts?|consensus|guidance)\b"
                                    r"[^.;$€£\n0-9]{0,30}?[ \t](?:of|at)[ \t]+(?:(?:about|around|roughly)[ \t]+)?(?:US)?$")
# an amount analysts expected, said right after it ("the $32.4 billion expected by analysts")
_EXPECTED_AFTER_RE = re.compile(r"(?i)[ \t]+(?:U\.S\.[ \t]+)?(?:expected|estimated|forecast|projected)[ \t]+(?:by|on)\b")
# a company's spending plan or forecast raised or cut, up to the amount it is raised to ("raised its
# 2025 capital expenditures forecast to ", "will raise the company's spending this year to ")
_RAISED_FORECAST_TO_RE = re.compile(r"(?i)\b(?:rais|lift|boost|increas|hik|cut|lower|trimm|reduc)\w*[ \t]+(?:its|their|the)[ \t]+"
                                    r"(?:company['’]s[ \t]+)?(?:[\w-]+[ \t]+){0,3}?(?P<what>forecasts?|outlooks?|guidance|estimates?"
                                    r"|projections?|spending|capex|capital[ \t]+(?:expenditures?|spending))\b[^.;$€£\n]{0,40}?[ \t]to[ \t]+"
                                    r"(?:(?:about|roughly|around|as[ \t]+much[ \t]+as|between)[ \t]+)?(?:US)?$")
# the words of capital spending ("capex", "capital expenditures", "capital spending")
_CAPITAL_WORDS_RE = re.compile(r"(?i)\b(?:capex|capital[ \t]+(?:expenditures?|spending|projects))\b")
# the words of a forecast of something other than capital spending (revenue, sales, earnings, R&D)
_NOT_CAPITAL_RE = re.compile(r"(?i)\b(?:revenues?|sales|earnings|income|profits?|margins?|r&d|research|marketing|opex"
                             r"|operating[ \t]+(?:expenses?|costs?)|growth|users?|subscribers?|price)\b")
# the word "multiple" right after a multiple ("80x multiple", "25x revenue multiple", "15x forward-earnings multiple")
_MULTIPLE_AFTER_RE = re.compile(r"(?i)[ \t]+(?:(?:revenue|sales|earnings|forward|forward-earnings|trailing|ebitda|arr|valuation)[ \t]+){0,2}multiples?\b")
# a revenue's words leading straight into an amount: "revenue of ", "sales of about ", "revenue growth: "
# "of" or ":" and a hedge, the end of a measure's words that lead straight into its amount
_OF_HEDGED = (r"(?:[ \t]+of|[ \t]*:)[ \t]+(?:(?:" + _HEDGE_WORDS + r"|some|just[ \t]+under|just[ \t]+over)[ \t]+)?[~≈]?")
_REVENUE_OF_RE = re.compile(r"(?i)\b(?:revenues?|sales)(?:[ \t]+(?:growth|projections?|forecasts?|targets?))?"
                            + _OF_HEDGED + "$")
# capital spending's words leading straight into an amount: "capex of ", "CapEx of about ", "capital
# expenditures of ", "capex guidance: " (not "capex per GPU of": a unit's share of it)
_CAPEX_OF_RE = re.compile(r"(?i)\b(?:capex|capital[ \t]+(?:expenditures?|spending))(?:[ \t]+(?:guidance|budget|outlay|plans?"
                          r"|forecasts?|targets?))?" + _OF_HEDGED + r"\$?$")
# right before it, the words that make it a rate for a year to come, not a period's revenue
# (nor another amount that revenue is a part of: "cost of revenue of", "a share of revenue of";
# nor revenue not earned yet or lost: "deferred revenue of")
_RUN_RATE_BEFORE_RE = re.compile(r"(?i)(?:annuali[sz]ed|run[- ]rate|recurring|arr|per[- ]user|per[- ]employee|deferred|unearned"
                                 r"|lost|forgone|foregone|(?:costs?|share|portion|part|fraction|percent|per[ \t]+cent|%"
                                 r"|multiple)[ \t]+of)[ \t]*$")
_MEASURE_PROPERTY = {"revenue": "revenue", "revenues": "revenue", "sales": "revenue", "net": "net-income",
                     "operating": "operating-income", "capex": "capex", "capital": "capex",
                     "remaining": "order-backlog", "rpo": "order-backlog", "backlog": "order-backlog",
                     "segment": "revenue"}
_MARKET_AFTER_RE = re.compile(r"(?i)\)?[ \t]+(?:(?!(?:in|on|at|for|from|to|by|with|of|and|or|the|a|an|is|was|are|were"
                              r"|will|would|than|this|that|its|their)\b)[\w-]+[ \t]+){0,3}?markets?\b"
                              r"(?![ \t]*(?:cap|capitali[sz]ation|value|valuation|share|price)s?\b)")
#: right after an amount, the result it is written as the adjective of ("recorded a $13.5 billion
#: net loss", "a $2.1 billion operating loss", "$1.2B in net income"): that result, whatever other
#: result the sentence names before it ("generated $4.3 billion in revenue but recorded a ...")
#: (or with no word of which result: "$13.5B in loss", "a $5 billion loss", "$4.3B in income", a
#: net result; income or profit only after "in", "$50,000 income" being anyone's pay)
_RESULT_AFTER_RE = re.compile(r"(?i)\)?[ \t]+(?:(?:in[ \t]+)?(?P<k>net|operating)[ \t]+(?P<r>loss(?:es)?|income|profits?)"
                              r"|in[ \t]+(?P<b>loss(?:es)?|income|profits?)|(?P<l>loss(?:es)?))\b"
                              r"(?![ \t]+(?:margin|per[ \t]+share|guidance|forecast|tax|taxes|shar\w*)s?\b)")
#: right after an amount, research and development as what it went on ("spent $6.7 billion on R&D",
#: "$45 billion in research and development"), or right before it as the spending's name ("R&D
#: spending reached $6.7 billion", "R&D expenses of $3.2B"): that expense line, not capital
#: spending, whatever word of spending leans to capex
_RD_AFTER_RE = re.compile(r"(?i)[ \t]+(?:on|in|for|of)[ \t]+(?:research[ \t]+(?:and|&)[ \t]+development|R&D)\b")
_RD_BEFORE_RE = re.compile(r"(?i)\b(?:research[ \t]+(?:and|&)[ \t]+development|R&D)[ \t]+(?:spend(?:ing)?|expenses?|expenditures?|figures?|lines?"
                           r"|costs?|budget|outlays?)(?:[ \t]+(?:of|was|were|is|are|reached|rose[ \t]+to|grew[ \t]+to|hit|totall?ed"
                           r"|came[ \t]+to|at))?[ \t]*[:(]?[ \t]*(?:" + _HEDGE_WORDS + r"[ \t]+)?[~≈]?$")
_EXPENSE_LINE = "expense-line"
_RESULT_AFTER_PROPERTY = {("net", "l"): "net-loss", ("net", "i"): "net-income", ("net", "p"): "net-income",
                          ("operating", "l"): "operating-loss", ("operating", "i"): "operating-income",
                          ("operating", "p"): "operating-income"}
#: after a percentage, the period it is set against ("versus the prior year", "compared with a year
#: earlier", "from the same quarter last year"): how much a quantity changed, not a part of a whole
_AGAINST_PERIOD_RE = re.compile(r"(?i)[^.;\n]{0,40}?\b(?:versus|vs\.?|compared\s+(?:to|with)|from|over|than)\s+(?:the\s+|a\s+)?"
                                r"(?:prior|previous|preceding|same|last|year-?ago|year\s+(?:earlier|ago|before))\b"
                                r"|[^.;\n]{0,40}?\ba\s+year\s+(?:earlier|ago|before)\b")
#: right before a time, a verb of doubling or halving and "every" ("compute doubles every 6 months",
#: "inference costs halve every 12 months", "has doubled roughly every 7 months"), or the period's
#: name ("a halving time of 18 months", "the doubling period is about 2 years"): the time is how
#: long the quantity takes to double (or, falling, to halve), no run's or training's length
DOUBLING_TIME = "doubling-time"
_DOUBLING_EVERY_BEFORE_RE = re.compile(
    r"(?i)(?:\b(?:doubl|halv)\w*|\b(?:by|in)[ \t]+half)(?:" + DOUBLING_BETWEEN + r"|[ \t]+approx\.?)"
    r"[ \t]+every[ \t]+(?:(?:~|≈|about|around|roughly|approximately|approx\.?|nearly|almost|just|only)[ \t]*)?$"
    r"|\b(?:doubling|halving)[ \t]+(?:time|period)s?(?:[ \t]+(?:of|is|was|are|were|has[ \t]+been|at|around|about|roughly"
    r"|approximately|just|only|nearly|under|over|below|above|some))*[ \t]*[:=]?[ \t]*[~≈]?[ \t]*$")
#: right after an amount, the valuation it is written as the adjective of ("at a $965 billion
#: valuation", "a $4.5B post-money valuation"): what the company is valued at, whatever money raised is near
#: (or its abbreviation in a funding table or list: "$10.0B raised, $29.0B val.", "$61.5B post-money val.")
_VALUATION_AFTER_RE = re.compile(r"(?i)[ \t]+(?:(?:post|pre)[- ]?money[ \t]+)?val(?:uation\b|\.|\b(?![ \t]*[-:=]?[ \t]*[0-9]))")
#: right before an amount, a verb of raising money ("raised $16.08 billion at a valuation of", "is
#: in talks to raise $2 billion", "raising $100M"): one round's money, not all a company has raised
#: (unless the words after it say so: "to date", "in total") nor a debt
_RAISED_BEFORE_RE = re.compile(r"(?i)\b(?P<perfect>(?:has|have|had)[ \t]+)?(?:rais(?:e|es|ed|ing)|(?P<other>secur(?:e|es|ed|ing)|clos(?:e|es|ed|ing)"
                               r"|land(?:s|ed|ing)?))[ \t]+(?:(?:" + _HEDGE_WORDS + r"|some|up[ \t]+to|another|an[ \t]+additional"
                               r"|additional|a[ \t]+further)[ \t]+)?[~≈]?(?:US)?$")
# after a raised amount, up to the clause's end: the words that make it all a company raised
# ("to date", "in total", "since ChatGPT's public launch", "since its founding")
_RAISED_TOTAL_AFTER_RE = re.compile(r"(?i)^[^.;\n]{0,60}?\b(?:to[ \t]+date|in[ \t]+total|so[ \t]+far|altogether|overall"
                                    r"|cumulative\w*|since)\b")
# after a raised amount: money borrowed (a debt), or a price raised to it, not a round
_RAISED_NOT_ROUND_AFTER_RE = re.compile(r"(?i)[ \t]*(?:(?:million|billion|trillion|[mbk]n?)\b[ \t]*)?(?:in|of|worth[ \t]+of)[ \t]+"
                                        r"(?:new[ \t]+)?(?:debt|loans?|bonds?|notes|credit|convertible)")
#: right before an amount, a company's value and "to" ("raising its value to close to ", "lifting
#: Nvidia's market value to "): its valuation's new level
_OWN_VALUE_TO_RE = re.compile(r"(?i)\b(?:its|their|the[ \t]+(?:company|firm|group)['’]s|[A-Z][\w.&-]*['’]s)[ \t]+"
                              r"(?:market[ \t]+)?(?:value|valuation|capitali[sz]ation)[ \t]+(?:[a-z]+[ \t]+){0,2}?to[ \t]+"
                              r"(?:(?:close[ \t]+to|" + _HEDGE_WORDS + r"|a[ \t]+record|some)[ \t]+)?[~≈]?$")
#: right after an amount, the bet it is, a company's name or a word or two between ("$100bn bet on",
#: "$5 billion Intel bet"; not "bet that", a wager on what happens)
_BET_AFTER_RE = re.compile(r"(?:[ \t]+(?:[A-Z][\w.&'’-]*|[a-z]+-?[a-z]*)){0,2}?[ \t]+bets?\b(?![ \t]+(?:that|whether)\b)")
#: right before an amount, a total brought to it ("bringing its total to ", "taking the company's total
#: funding to "): after money raised (_RAISING_NEAR_RE), all the company has raised
_TOTAL_TO_BEFORE_RE = re.compile(r"(?i)\b(?:bring(?:s|ing)?|brought|tak(?:es|ing)|took|lift(?:s|ed|ing)?|push(?:es|ed|ing)?)"
                                 r"[ \t]+(?:its|their|the[ \t]+company['’]s|[A-Z][\w.-]*['’]s)[ \t]+total(?:[ \t]+(?:funding"
                                 r"|capital[ \t]+raised|raised|investment))?[ \t]+to[ \t]+(?:(?:" + _HEDGE_WORDS + r"|some)[ \t]+)?"
                                 r"[~≈]?(?:US)?$")
_RAISING_NEAR_RE = re.compile(r"(?i)\b(?:rais(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|fund(?:s|ed|ing)|rounds?|investors?)\b")
# a round's words after a raised amount ("in a funding round", "in Series D funding", "seed round")
_RAISED_ROUND_AFTER_RE = re.compile(r"(?i)^[^.;\n]{0,40}?\b(?:rounds?|series[ \t]+[a-z]\b|seed|pre-seed|tranche)")
# (after "secured" or "closed" an amount is a round's only where funding is named after it)
# (or its backers after it, "secures $6 billion backed by Andreessen Horowitz", new money, "lands $6B in
# new cash", or the total it brings the company to, "secured $6.6 billion, bringing its total to")
_FUNDING_AFTER_RE = re.compile(r"(?i)^[^.;\n]{0,40}?\b(?:rounds?|series[ \t]+[a-z]\b|seed|pre-seed|tranche|funding|financing)\b"
                               r"|^[ \t]+(?:(?:backed|led)[ \t]+by|in[ \t]+new[ \t]+(?:cash|capital|money)\b"
                               r"|from[ \t]+(?:investors|backers)\b)"
                               r"|^,[ \t]+(?:bringing|taking|lifting|pushing)[ \t]+(?:its|their|the[ \t]+company['’]s)[ \t]+total\b")
#: right before an amount, a verb of spending or investing, and right after it what the money is spent
#: on: infrastructure, data centres, chips, servers ("spending $185 billion on AI infrastructure",
#: "invest $500 billion in new data centers", "allocated over $40 billion in AI infra"): capital
#: spending, whatever word of investors or plans is near (no stake in a company, no funding gap)
_SPEND_BEFORE_AMOUNT_RE = re.compile(r"(?i)\b(?:spen[dt]s?|spending|allocat(?:e|es|ed|ing)|pour(?:s|ed|ing)?|invest(?:s|ed|ing)?)"
                                     r"[ \t]+(?:(?:" + _HEDGE_WORDS + r"|some|up[ \t]+to"
                                     r"|at[ \t]+least|close[ \t]+to|a[ \t]+combined|an[ \t]+estimated|another|an[ \t]+additional)[ \t]+)?[~≈]?(?:US)?$")
_ON_INFRASTRUCTURE_AFTER_RE = re.compile(r"(?i)[ \t]+(?:on|in|into|toward|towards)[ \t]+(?:(?:new|its|their|the|ai|cloud|digital|compute"
                                         r"|computing|physical|u\.?s\.?|american|domestic|additional|more)[ \t]+){0,3}"
                                         r"(?:infrastructure|infra|data[ \t-]?cent(?:er|re)s?|datacent(?:er|re)s?|capex"
                                         r"|capital[ \t]+expenditures?|chips|gpus|servers|build-?outs?)\b")
#: right before an amount, a verb of taking money in ("OpenAI generated $4.3 billion in the first
#: half", "the segment brought in $115 billion"): what a company earned, a revenue, unless the words
#: after it name another result ("in free cash flow", "of profit", "in savings", "more cumulative
#: margin": a difference)
_EARNED_BEFORE_RE = re.compile(r"(?i)\b(?:generat(?:e|es|ed|ing)|(?:brought|bring(?:s|ing)?|pull(?:s|ed|ing)?|took|tak(?:e|es|ing)"
                               r"|rak(?:e|es|ed|ing))[ \t]+in)[ \t]+(?:(?:" + _HEDGE_WORDS + r"|some|just[ \t]+(?:under|over)"
                               r"|close[ \t]+to|an[ \t]+estimated)[ \t]+)?[~≈]?(?:US)?$")
_EARNED_OTHER_AFTER_RE = re.compile(r"(?i)[ \t*_]+(?:more|less|fewer|higher|lower|extra|additional)\b"
                                    r"|[ \t*_]+(?:[\w-]+[ \t]+){0,3}?(?:profits?|income|earnings|cash"
                                    r"|savings?|value|funding|loss(?:es)?|ebitda|margins?|gains?|returns?|interest|fees?|taxes"
                                    r"|investments?|capital|demand|spend\w*|costs?)\b")
#: right before an amount, contracts and "worth" ("signed contracts worth $300 billion with OpenAI",
#: "a deal valued at $10 billion"): what the contracts are worth
_CONTRACTS_WORTH_BEFORE_RE = re.compile(r"(?i)\b(?:contracts?|deals?|agreements?)[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:worth|valued[ \t]+at"
                                        r"|totall?ing)[ \t]+(?:(?:" + _HEDGE_WORDS + r"|up[ \t]+to|some|at[ \t]+least)[ \t]+)?"
                                        r"[~≈]?(?:US)?$")
#: right before an amount per month or year, the words of a price list's lowest plan ("starting at
#: $10 a month", "plans start at $8/month", "priced from $19 per month"): the price of a plan
_STARTING_AT_BEFORE_RE = re.compile(r"(?i)\b(?:starting|starts?|priced|prices?|plans?)[ \t]+(?:at|from)[ \t]+(?:just[ \t]+|only[ \t]+)?[~≈]?(?:US)?$")
#: right before an amount per month or year, a service's name whose last word names a plan and a
#: verb of costing ("NewtonAI Pro costs $8.49/month", "ChatGPT Plus is $20 a month", "Claude Max
#: runs $100/month"): that plan's price, whatever plain word of cost is near
_PLAN_NAME_COSTS_BEFORE_RE = re.compile(r"\b[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*)?[ \t]+(?:Plus|Pro|Max|Premium|Team|Business|Enterprise"
                                        r"|Ultra|Advanced|Starter|Basic|Standard)\+?(?:['’]s)?[ \t]+(?:(?i:plan|tier|subscription)[ \t]+)?"
                                        r"(?i:costs?|is|was|runs?|charges?|priced[ \t]+at|sells[ \t]+for|goes[ \t]+for)"
                                        r"[ \t]+(?i:(?:just|only|about|around)[ \t]+)?[~≈]?(?:US)?$")
_PLAN_NOT_RENT_RE = re.compile(r"(?i)\b(?:gpus?|instances?|servers?|vms?|nodes?|clusters?|hosting|rent\w*|on[- ]demand|spot)\b")


#: a list of percentages after a change ("boosted ... by 62%, 51%, and 81%"): the gap between two
_PERCENT_LIST_GAP_RE = re.compile(r"%?[ \t]*(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+)")


def _heading_index(memo: dict, view: str, headings: list) -> list:
    """Each of a text's headings (``headings``, link's, bisected by start) as its line, its
    level, the period its title is alone ("## 2023", "### Q3 2024": :func:`_label_period`) or
    opens with as a timeline entry's date (:func:`_dated_title_period`), else None, and the line's end, read once per text (``memo``: link's dict of the text)."""
    index = memo.get("heading-index")
    if index is None:
        index = memo["heading-index"] = []
        for pos, _ in headings:
            m = MD_HEADING_RE.match(view, pos)
            line = m.group(0).lstrip()
            title = m.group(1)
            index.append((line, len(line) - len(line.lstrip("#")),
                          _label_period(title) or _dated_title_period(title), m.end()))
    return index


def _headings_over(index: list, headings: list, at: int):
    """The headings a position is under, nearest first: the nearest heading of each higher
    level (their places in ``headings`` and ``index``, :func:`_heading_index`'s)."""
    level = 7
    k = bisect.bisect_left(headings, (at, "")) - 1
    while k >= 0 and level > 1:
        lv = index[k][1]
        if lv < level:
            yield k
            level = lv
        k -= 1


#: the properties of the load a worked case supposes (tokens or requests a month)
_CASE_LOAD_PROPERTIES = frozenset({"token-volume", "request-rate"})
#: a multiplication by a price right after a number: "400K tokens × $0.10/1M"
_TIMES_PRICE_AFTER_RE = re.compile(r"[ \t]*[×x*][ \t]*[$€£][ \t]?\d")
#: a heading of a worked case: "### Scenario 2: Document Analysis", "## Example: a support bot"
_WORKED_CASE_RE = re.compile(r"(?i)\b(?:scenarios?|examples?|use cases?|case stud(?:y|ies)|hypothetical)\b")


def _worked_case_heading(memo: dict, view: str, headings: list, at: int) -> bool:
    """Whether the nearest heading a position is under (or on) is a worked case's (``_WORKED_CASE_RE``)."""
    index = _heading_index(memo, view, headings)
    k = next(_headings_over(index, headings, at), None)
    return k is not None and _WORKED_CASE_RE.search(index[k][0]) is not None


def _under_nearest_heading(memo: dict, view: str, headings: list, at: int, what: str, read):
    """``read(index, ks)`` of the headings a position is under (``ks``: :func:`_headings_over`,
    ``index``: :func:`_heading_index`): the same for every position under the same nearest
    heading, so worked out once for each (``memo``: link's dict of the text, under ``what``),
    not once for each number up the whole chain of headings above it."""
    key = (what, bisect.bisect_left(headings, (at, "")))
    if key in memo:
        return memo[key]
    index = _heading_index(memo, view, headings)
    got = memo[key] = read(index, _headings_over(index, headings, at))
    return got


def _chain_of(index: list, ks) -> str:
    return " ".join(index[k][0] for k in ks)


def _heading_chain(memo: dict, view: str, headings: list, at: int) -> str:
    """The headings a position is under: the nearest heading of each higher level, joined."""
    return _under_nearest_heading(memo, view, headings, at, "chain-under", _chain_of)


#: a table's caption that names no setting, only that results follow ("### Results",
#: "**Benchmark results**")
_GENERIC_CAPTION_RE = re.compile(r"(?i)[\s*_#]*(?:(?:benchmark|test|serving|inference|performance)[ \t]+)?"
                                 r"(?:results?|outputs?|numbers|benchmarks?)[\s*_:]*")


def _sibling_caption_precision(memo: dict, view: str, headings: list, t, conditions: dict) -> str | None:
    """The precision a table's setting heading names when the table's own heading only says that
    results follow: "### 2.2.1 FP8" then "### Results" over the table (commands between) gives
    its figures at FP8. The heading right before the caption's, at the same level, naming one
    precision and only one; else None (worked out once per table: ``memo``, link's dict)."""
    key = ("sibling-precision", t.start)
    if key in memo:
        return memo[key]
    memo[key] = None
    if not t.caption or _GENERIC_CAPTION_RE.fullmatch(t.caption) is None:
        return None
    index = _heading_index(memo, view, headings)
    k = bisect.bisect_left(headings, (t.start, "")) - 1
    if k < 1 or t.caption not in index[k][0] or index[k - 1][1] != index[k][1]:
        return None
    memo[key] = _intro_precision(view, (headings[k - 1][0], index[k - 1][3]), conditions)
    return memo[key]


#: words of serving a model (a table under them gives inference figures, whatever else its headings name)
_SERVING_WORDS_RE = re.compile(r"(?i)\b(?:inference|serving|serve[sd]?|decod\w*|generation|latency|vllm|sglang)\b")
_LEAD_REACH = 600  # (characters) how far above a table its lead-in prose is read for a precision
_TABLE_ROW_END_RE = re.compile(r"\|[ \t]*\n")


def _lead_precision(memo: dict, view: str, headings: list, t, conditions: dict) -> str | None:
    """The precision the prose right above a table names, when it names one and only one: "The
    results in the table below show pre-training performance ... at FP8 precision.",
    "Performance results for LLAMA 3.1 (8B) with FP8 quantization, 1000 requests." over the
    table. Read from the table's heading (or ``_LEAD_REACH`` back, or the end of a table before
    it) to the table; None where it names none or several (once per table: ``memo``)."""
    key = ("lead-precision", t.start)
    if key in memo:
        return memo[key]
    lo = max(0, t.start - _LEAD_REACH)
    k = bisect.bisect_left(headings, (t.start, "")) - 1
    if k >= 0:
        lo = max(lo, _heading_index(memo, view, headings)[k][3])
    lead = view[lo:t.start]
    cut = None
    for cut in _TABLE_ROW_END_RE.finditer(lead):
        pass
    if cut is not None:
        lead = lead[cut.end():]
    low = lead.lower()
    rx = _precision_re(conditions)
    found = {m.group(1) for m in rx.finditer(low)} if rx is not None else set()
    found |= {_PRECISION_NAMES[m.group(1)] for m in _PRECISION_NAME_RE.finditer(low)} if "float" in low else set()
    memo[key] = found.pop() if len(found) == 1 else None
    return memo[key]


def _table_headings(memo: dict, view: str, headings: list, at: int) -> str:
    """:func:`_heading_chain` of a table starting at ``at``, worked out once per table per text
    (``memo``: link's dict of the text; every cell of the table asks alike)."""
    key = ("heading-chain", at)
    chain = memo.get(key)
    if chain is None:
        chain = memo[key] = _heading_chain(memo, view, headings, at)
    return chain


def _fits_property(idx: Index, unit: str, values, pid: str) -> bool:
    """Whether property ``pid`` is one of the unit's and no value is implausible for it."""
    info = idx.unit_info(unit)
    if info is None:
        return False
    bounds, _ = _option_bounds(info[1])
    for p, f, lo_t, hi_t in bounds:
        if p.id == pid:
            vals = [v for v in values if v is not None]
            return f is None or not any(lo_t is not None and abs(v * f) < lo_t or hi_t is not None and v * f > hi_t
                                        for v in vals)
    return False


def _within_envelope(idx: Index, unit: str, values, pid: str, kind: str) -> bool:
    """Whether no value lies outside property ``pid``'s plausible bounds for things of ``kind``
    as written (not :func:`_fits_property`'s, a thousandfold wider); True where the unit is no
    unit of the property's or the property gives that kind no bounds."""
    info = idx.unit_info(unit)
    if info is None:
        return True
    f = _option_factors(info[1]).get(pid)
    lo, hi = idx.kind_bounds.get(pid, {}).get(kind, (None, None))
    if f is None:
        return True
    return not any(v is not None and (lo is not None and abs(v * f) < lo or hi is not None and v * f > hi)
                   for v in values)


def _property_options_plain(idx: Index, unit: str, values, local: str, own: str | None, wide: str | None = None):
    info = idx.unit_info(unit)
    if info is None:
        return (None, "none"), None, None, None, None
    key, options = info
    bounds, static = _option_bounds(options)
    vals = [v for v in values if v is not None]
    if not vals:
        cands = [b[0] for b in bounds]
    elif len(vals) == 1:  # (one value: the bounds tested in one comprehension, as below)
        v = vals[0]
        cands = [p for p, f, lo_t, hi_t in bounds
                 if f is None or not (lo_t is not None and abs(v * f) < lo_t or hi_t is not None and v * f > hi_t)]
    else:
        cands = []
        for p, f, lo_t, hi_t in bounds:
            if f is not None and (lo_t is not None or hi_t is not None):
                base = [v * f for v in vals]
                if lo_t is not None and max(map(abs, base)) < lo_t:
                    continue
                if hi_t is not None and min(base) > hi_t:
                    continue
            cands.append(p)
    if not cands:
        return (None, "none"), None, None, None, None
    low = local.lower() if _folds_none(local) else None
    # (the words a property needs: looked for in ``wide`` where it is given, cues in ``local``)
    need_at = local if wide is None else wide
    need_low = low if wide is None else (wide.lower() if _folds_none(wide) else None)
    hw = own is not None and len(cands) > 1 and _HW_CONFIG_RE.search(own) is not None
    found_both = None  # (both kinds' runs found in ``low`` by one scan, below)
    if len(cands) > 1:
        # the properties whose needed words are near (what _finds_low tells, written out here:
        # it runs for every property of every number); a candidate without ``needs:`` is kept
        # (when none has any, nothing changes below)
        named = []
        worded = False  # whether some candidate's own needed words are near (not a unit or a table's hardware)
        rate = None
        all_runs = _found_runs(options)
        need_runs = all_runs[0]
        # (the runs of needed words in the text: only a property whose runs are among them has
        # its entries searched, each alone; where they are looked for in the window the cue
        # words are, both kinds' runs found in one scan, kept for the cue words below)
        if need_low is None or need_runs is None:
            found = None
        elif wide is None and all_runs[2] is not None:
            found = found_both = _runs_at(all_runs[2][0], low)
            need_runs = (None, all_runs[2][1])
        else:
            found = _runs_at(need_runs[0], need_low)
        for p in cands:
            need = p.need
            if need is None:
                named.append(p)
                continue
            lits = p.need_lits
            if lits is not None and need_low is not None:
                met = False
                if found and not need_runs[1][id(p)].isdisjoint(found):
                    for lit, erx in lits:
                        if lit in need_low and erx.search(need_at) is not None:
                            met = True
                            break
            else:
                met = need.search(need_at) is not None
            worded = worded or met
            if not met:
                if rate is None:
                    rate = _ENERGY_PER_PERIOD_RE.fullmatch(unit) is not None
                met = rate and _ENERGY_PER_PERIOD_RE.fullmatch(p.canonical) is not None
            if not met and hw:
                met = _on_hardware(p)
            if met:
                named.append(p)
        if own is not None and named:
            # a cue word in the cell's own labels outranks a need met only by the caption
            own_low = own.lower() if _folds_none(own) else None
            by_caption = [p for p in named if p.need is not None and not _finds_low(p.need, p.need_lits, own, own_low)]
            if by_caption and any(p.cue is not None and _finds_low(p.cue, p.cue_lits, own, own_low) for p in cands):
                named = [p for p in named if p not in by_caption]
        if named:
            cands = named
        if worded and len(cands) > 1:
            # a property's own needed words near: the plain reading of the unit (a duration as a
            # training run's length, _FALLBACKS) and a rated maximum (a TDP) leave unless their own
            # cue words are near too ("48 hours to train" stays a training run's; a column of
            # "Power draw" under a heading about rigs is no TDP)
            # (a rated maximum's cue in a table: in the cell's own labels, not only the caption:
            # "| Power (W) |" under "## Power & Thermals" over "270 W for the whole Mac Studio")
            max_at = local if own is None else own
            max_low = low if own is None else (own.lower() if _folds_none(own) else None)
            keep = [p for p in cands
                    if not (p.need is None and (p.id in _FALLBACKS or p.states_maximum and p.cue is not None))
                    or p.cue is not None and (_finds_low(p.cue, p.cue_lits, max_at, max_low) if p.states_maximum
                                              else _finds_low(p.cue, p.cue_lits, local, low))]
            if keep:
                cands = keep
        if len(cands) > 1 and _ENERGY_PER_PERIOD_RE.fullmatch(unit):
            # "200 Wh per day", "12.3 TWh/year": electricity used per period, written as such;
            # a power in watts (a draw, a TDP, a plant's capacity) is never written so
            per = [p for p in cands if _ENERGY_PER_PERIOD_RE.fullmatch(p.canonical)]
            if per:
                cands = per
    cue_hit = {}
    if key[1] == (("user", 1),):
        # a count of users: the period or the payment a cue word names decides outright
        # (the first such property in the registry's order). In a table the cue must be in
        # the cell's own labels: a caption's "monthly" is of what the table shows ("Monthly
        # Cost" by number of users), not of its users.
        where = local if own is None else own
        where_low = low if own is None else (own.lower() if _folds_none(own) else None)
        for p in sorted(cands, key=lambda p: p.order):
            if p.cue is not None:
                hit = cue_hit[p.id] = _finds_low(p.cue, p.cue_lits, where, where_low)
                if hit:
                    return (p.id, "cue"), None, None, None, None
        # no period named and no payment: a few thousand users ("at 500 users", "a 10-user
        # deployment") are a count of the users of a deployment or a plan, not a product's
        # audience (active users are reported in millions)
        seats = next((p for p in cands if p.id == _SEATS_PROPERTY), None)
        if seats is not None and vals:
            f = next((f for q, f, _, _ in bounds if q is seats), None)
            if f is not None and max(abs(v) * f for v in vals) < _SEATS_MAX:
                return (_SEATS_COUNT, "only"), None, None, None, None
    if len(cands) == 1:
        return (cands[0].id, "only"), None, None, None, None
    cue_runs = _found_runs(options)[1] if low is not None else None
    if found_both is not None:
        found, cue_runs = found_both, (None, _found_runs(options)[2][2])
    else:
        found = _runs_at(cue_runs[0], low) if cue_runs is not None else None
    for p in cands:  # (_finds_low written out, as above)
        if p.id in cue_hit:
            continue
        cue = p.cue
        hit = False
        if cue is not None:
            lits = p.cue_lits
            if lits is not None and low is not None:
                if found and not cue_runs[1][id(p)].isdisjoint(found):
                    for lit, erx in lits:
                        if lit in low and erx.search(local) is not None:
                            hit = True
                            break
            else:
                hit = cue.search(local) is not None
        cue_hit[p.id] = hit or hw and _on_hardware(p)
    if cue_hit.get(CAPEX) and ("ata" in local or "ATA" in local) and _DC_LINE_RE.search(local) is not None:
        cx = next(p for p in cands if p.id == CAPEX)
        lines = [(m.start(), m.end()) for m in _DC_LINE_RE.finditer(local)]
        if all(any(a <= m.start() and m.end() <= b for a, b in lines) for m in cx.cue.finditer(local)):
            # "Data center first-quarter revenue was a record $4.28 billion", "its Instinct MI308
            # data center GPU ... revenue increasing 34% ... to nearly $7.7 billion": data centres
            # naming a company's line of business (its segment, its revenue, the chips it sells),
            # the only words of capital spending near, are no cue of capital spent on them
            cue_hit[CAPEX] = False
    return None, options, cands, static, cue_hit


# data centres as the name of a line of business: its segment, its revenue or sales, the chips
# it sells ("data center revenue", "Data center first-quarter revenue", "data center GPU
# revenue", "AMD's data center segment")
_DC_LINE_RE = re.compile(r"(?i)\bdata[- ]?cent(?:er|re)s?(?:\s+(?:first|second|third|fourth|full)[- ](?:quarter|year))?"
                         r"(?:\s+(?:segment|business|division|unit|group|revenues?|sales|gpus?|cpus?|chips?|processors?"
                         r"|accelerators?|products?))+\b")


#: the bonus of a cue whose words hold another property's cue ("HW Cost" over "cost", "list
#: price" over "price"): the writer named which kind of the plainer thing it is; the plainer
#: property's cue bonus is taken back
_WIDER_CUE = 3.0


_WORD_REST_RE = re.compile(r"\w*")


def _word_end(text: str, at: int) -> int:
    """Where the word that ``at`` is inside (or right after) ends."""
    return _WORD_REST_RE.match(text, at).end()


def _guess_found(idx: Index, d, f: "Found", values, ctx_words: dict, local: str, kinds: set | None,
                 own: str | None, wide: str | None) -> tuple[str | None, str]:
    """:func:`_guess_property` for draft ``d`` of the number ``f``: its unit, qualifier and
    hint, and what reading the number found (a whole it is part of, a running cost, its
    column's header)."""
    pid, how = _guess_property(idx, d.unit, values, ctx_words, d.qualifier, f.hint, local, kinds, own, wide,
                               whole=f.whole, whole_words=f.whole_words, owning=f.owning, head=f.head)
    if pid == TEXT_TOKENS and f.context and how not in ("hint", "cue"):
        # "Large document analysis (2M token context)": the longest input the model takes, not the
        # length of the document it is said to fit
        return CONTEXT_WINDOW, "clear"
    return pid, how


def _wider_cues(cands: list, cue_hit: dict, local: str) -> dict | None:
    """{property id: bonus} where two or more candidates' cue words are in ``local`` and the
    words of one hold the others' ("hardware cost" and "cost", "hw cost" and "cost"): the one
    whose cue holds the others' gains :data:`_WIDER_CUE`, each one held loses its cue bonus.
    None where fewer than two cues are near (the common case: no search made)."""
    hit = [p for p in cands if cue_hit.get(p.id) and p.cue is not None]
    if len(hit) < 2:
        return None
    # (a match taken to the end of the word it ends in: "hardware cost*" over "hardware costs"
    # holds the plainer cue "costs")
    spans = {p.id: [(m.start(), _word_end(local, m.end())) for m in p.cue.finditer(local) if m.end() > m.start()]
             for p in hit}
    wide, held = set(), set()
    for p in hit:
        mine = spans[p.id]
        if not mine:
            continue
        for q in hit:
            if q is p or not spans[q.id]:
                continue
            # every match of q's cue lies inside one of p's, and one of p's is longer
            if all(any(a <= c and d <= b and b - a > d - c for a, b in mine) for c, d in spans[q.id]):
                wide.add(p.id)
                held.add(q.id)
    if not held:
        return None
    out = {pid: _WIDER_CUE for pid in wide - held}
    out.update((pid, -3.0) for pid in held)
    return out


def _owning(idx: Index, view: str, f: "Found", sent_lo: int, sent_hi: int, alias_hits, hit_starts) -> bool:
    """Whether an amount of money per period is what running a thing costs, whatever word of
    renting is near: a table that breaks a cost down into its parts ("| Cost Component | Per
    GPU-Hour | % of TCO |": power, colocation, capital), or a wattage beside it in prose ("The
    dual RTX 3090 at 700W costs ~$0.105/hr", "$0.22-$0.27/hour per GPU for SXM systems drawing
    1kW": what that power costs)."""
    if f.table is not None:
        t = f.table
        if any(c.text and _COST_BREAKDOWN_HEAD_RE.search(c.text) for c in t.header):
            return True
        # "| Setup + Model | HW Cost | Cloud $/hr |" over "| C: DGX Spark + GPT-OSS 120B | $3,999 |
        # $3.42 |": an hourly amount of a row that names a model, in a table with no column of the
        # machines rented ("| Instance |"), is what serving that model costs an hour
        if any(c.text and _RENTED_THING_HEAD_RE.fullmatch(c.text) for c in t.header):
            return False
        lab = t.rows[f.row][0] if t.rows[f.row] else None
        if lab is None or f.col == 0:
            return False
        k = bisect.bisect_left(hit_starts, lab.start)
        while k < len(alias_hits) and alias_hits[k][0] < lab.end:
            if idx.entity_kind.get(alias_hits[k][2] or "") == "model":
                return True
            k += 1
        return False
    d = f.draft
    return _WATTS_RE.search(view, max(sent_lo, d.span_start - _WATTS_REACH), min(sent_hi, d.span_end + _WATTS_REACH)) is not None


#: a heading that says the machines are the writer's own, run on the premises, not rented:
#: "### Tier 4: self-hosted on the RTX 4090", "## Running it on-prem", "## Our own H100s"
_SELF_HOSTED_RE = re.compile(r"(?i)\bself[- ]?host(?:ed|ing)?\b|\bon[- ]prem(?:ises?)?\b|\b(?:our|my)[ \t]+own\b"
                             r"|\bhome[- ]?lab\b")


_RENT_OR_CLOUD_RE = re.compile(r"(?i)\b(?:vs\.?|versus|or|compared|rent\w*|cloud\w*|api|apis|hosted[ \t]+by)\b")


def _self_hosted_heading(view: str, headings: list, at: int, sent_lo: int, sent_hi: int) -> bool:
    """Whether the nearest heading above ``at`` says the thing is run on the writer's own
    machines (:data:`_SELF_HOSTED_RE`): an amount per period under it is what running them
    costs (power, upkeep), not a provider's price to rent them, unless a word of renting is in
    the number's sentence ("Renting one on RunPod costs $0.69/hour")."""
    if _RENTING_WORDS_RE.search(view, sent_lo, sent_hi) is not None:
        return False
    k = bisect.bisect_left(headings, (at, "")) - 1
    if k < 0:
        return False
    pos = headings[k][0]
    end = view.find("\n", pos)
    end = len(view) if end < 0 else end
    # (not a heading that weighs owning against renting: "## Self-hosting vs. the cloud")
    return _SELF_HOSTED_RE.search(view, pos, end) is not None and _RENT_OR_CLOUD_RE.search(view, pos, end) is None


def _head_cues_first(cands: list, cue_hit: dict, head: str) -> dict:
    """``cue_hit`` less the cues near a table cell that its column's header lacks, where another
    candidate's cue is in that header: "| Monthly Spend |" under "### Tiered Pricing" is what a
    buyer spends a month, not a provider's price; the column's header names what its numbers
    are, the heading or the row the table's subject. Unchanged where fewer than two candidates'
    cues are near (the common case: no search made)."""
    hit = [p for p in cands if cue_hit.get(p.id) and p.cue is not None]
    if len(hit) < 2:
        return cue_hit
    head_low = head.lower() if _folds_none(head) else None
    mine = {p.id for p in hit if _finds_low(p.cue, p.cue_lits, head, head_low)}
    if not mine or len(mine) == len(hit):
        return cue_hit
    return {pid: h and (pid in mine or pid not in {p.id for p in hit}) for pid, h in cue_hit.items()}


#: a noun of a subscription in the number's clause before it ("the cheapest student membership
#: starting at $10 a month", "a Pro plan that costs $399 per year", "Team is $16 per seat per
#: month"): an amount per month or year is that plan's price (not "plans to", a verb)
_PLAN_NOUN_RE = re.compile(r"(?i)\b(?:subscri\w*|plans?(?![ \t]+to\b)|tiers?|memberships?|seats?)\b|\bper[ \t-]+(?:seat|user)\b")


#: the gap between a number and a name in a bracketed group of numbered reference links after
#: it, "** ([Anthropic][2], [LaoZhang AI][3], [" (the Markdown of a chat answer's sources), and
#: the rest of the link from the name on ("][2]")
_CITATION_GAP_RE = re.compile(r"[ \t*_]*\((?:[ \t]*\[[^\]\n]*\]\[\d+\][ \t]*[,;]?)*[ \t]*\[[^\]\n]*")
_CITATION_END_RE = re.compile(r"[^\]\n]*\]\[\d+\]")


#: a part of a machine and how much of it is in use: "GPU Usage", "CPU Load", "GPU mem util", "SM
#: activity", "CPU hotthread load" (a column's header or a row's label over percentages)
_HARDWARE_USE_RE = re.compile(r"(?i)\b(?:gpu|cpu|tpu|npu|sm|accelerator|chip|core|node|cluster|server|host|ram|vram|memory"
                              r"|mem|hbm|disk)s?(?:[ \t-]+[a-z]+)?[ \t-]+(?:usage|load|activity)\b")
#: a column of changes or differences: its percentages are no level, whatever row they are in
_CHANGE_HEAD_RE = re.compile(r"(?i)\u0394|\b(?:delta|change|diff\w*|vs\.?|versus|improvement|gain|growth|reduction|increase"
                             r"|decrease|drop|savings?)\b")
_UTILISATION = "utilisation"


def _hardware_use_cell(table, row: int, col: int) -> bool:
    """Whether a percentage in cell (row, col) is how busy a machine's part is: its column's
    header or its row's label names the part and its use or load ("| GPU Usage |" over "20-40%",
    "| CPU Load |", "| GPU load | 30 % | 26 % |"), and the column holds no changes ("| Delta |")."""
    head = table.column_header(col)
    if head is not None and _CHANGE_HEAD_RE.search(head.text):
        return False
    if head is not None and _HARDWARE_USE_RE.search(head.text):
        return True
    return col > 0 and bool(table.rows[row]) and _HARDWARE_USE_RE.search(table.rows[row][0].text) is not None


#: a table of plans: a label column headed by a noun of a plan ("| Plan | Price |", "| Tier |",
#: "| Subscription | Amount |"), or a caption naming plans ("### Subscription Plans", "## Pricing
#: Tiers"); or an amount per user or seat in its own cell or its column's header ("$29/user/month")
# (first letters first, "ſ" being "s" ignoring case: scanned for in C)
_PLAN_HEAD_RE = re.compile(r"[SsſPpTtMm](?<!\w[SsſPpTtMm])(?i:(?<=[Ssſ])ubscriptions?|(?<=[Pp])lans?|(?<=[Tt])iers?"
                           r"|(?<=[Mm])emberships?)\b")
_PLAN_CAPTION_RE = re.compile(r"(?i)\b(?:subscriptions?|(?<!business )(?<!action )(?<!project )plans?|tiers?|memberships?)\b")
_PER_SEAT_RE = re.compile(r"(?i)(?:/[ \t]*|\bper[ \t]+|\ba[ \t]+)(?:users?|seats?|members?)\b")
#: an amount per month, week or year in a currency ("USD/month", "EUR/year")
_LONG_PRICE_UNIT_RE = re.compile(r"[A-Z]{3}/(?:week|month|year)$")


#: the word that ends a plan's name ("ChatGPT Plus", "Claude Pro", "Copilot Business")
_PLAN_WORD_END_RE = re.compile(r"(?i)\b(?:plus|pro|max|premium|team|business|enterprise|ultra|advanced|starter)\+?[\s*_]*$")
_PLAN_KINDS = frozenset({"product", "model"})


def _plan_row(idx: Index, view: str, label, alias_hits, hit_starts) -> bool:
    """Whether a row's label names a plan of a chat or software service: a product's or chat
    model's name and the word of its plan after it ("| ChatGPT Plus |", "| ChatGPT Pro |"), or a
    product's name that ends in one ("| Claude Max |", "| Perplexity Pro |"); not a model whose own
    name ends so ("| Gemini 2.5 Pro |": the model, whose monthly cost is a use of it)."""
    m = _PLAN_WORD_END_RE.search(view, label.start, label.end)
    if m is None or m.start() == label.start:
        return False
    k = bisect.bisect_left(hit_starts, label.start)
    while k < len(alias_hits) and alias_hits[k][0] < label.end:
        a_s, a_e, eid = alias_hits[k]
        kind = idx.entity_kind.get(eid)
        if kind in _PLAN_KINDS and (a_e <= m.start() and not view[a_e:m.start()].strip(" \t*_")
                                    or kind == "product" and a_e >= m.end() - 1 and a_s < m.start()):
            return True
        k += 1
    return False


def _plan_table(idx: Index, view: str, table, row: int, col: int, alias_hits, hit_starts) -> bool:
    """Whether the amount per period in cell (row, col) of ``table`` is a plan's list price.

    The rows are plans where the label column is headed by a noun of a plan ("| Plan | Price |",
    "| Tier | Monthly |"), or the row names a service's plan ("| ChatGPT Plus |", :func:`_plan_row`).
    A caption naming plans, a plan noun over a column of names further in ("| Category |
    Subscription | Amount |") or an amount per user or seat ("$29/user/month") say so too, unless the
    number's column is one of costs ("| Service | Tier | Monthly Cost |": what running each piece
    of the writer's own system costs). Never a row of usage or a total ("| 10K traces/month |",
    "| **Total** |"), a column of a usage ("Monthly cost (100 users)"), nor a row or a table that
    rents compute (a word of renting, a GPU or a cloud instance named in the row: _RENTED_KINDS)."""
    cells = table.rows[row]
    label = cells[0]
    head = table.column_header(col)
    if col == 0 or _DIGIT_RE.search(label.text) or _TOTAL_LABEL_RE.match(label.text) \
            or head is not None and (_DIGIT_RE.search(head.text) or _SPEND_HEAD_RE.search(head.text)):
        return False
    if _plan_row(idx, view, label, alias_hits, hit_starts):
        planned = True
    elif any(idx.entity_kind.get(e) == "model" for e in _span_ids(label, alias_hits, hit_starts)) \
            and not _plan_cell(table, row, col):
        # "| Model Tier | ... | Per User |" over "| Gemini Flash-Lite | ... | $5.40 |": a row a model
        # labels is the article's own use of it (_model_costs), whatever the table calls its rows;
        # not where a cell under a column of plans names the plan ("| ChatGPT | Plus | $20/mo |"
        # under "| Service | Plan | Price |": the chat service's plan)
        return False
    else:
        first = table.column_header(0)
        planned = first is not None and _PLAN_HEAD_RE.search(first.text) is not None
    if not planned and (head is None or _PLAN_COST_HEAD_RE.search(head.text) is None):
        caption = view[table.caption_span[0]:table.caption_span[1]] if table.caption_span else ""
        planned = any(h is not None and _PLAN_HEAD_RE.search(h.text)
                      for h in [table.column_header(c) for c in range(1, min(col, len(table.header)))] + [head]) \
            or _PLAN_CAPTION_RE.search(caption) is not None \
            or _PER_SEAT_RE.search(cells[col].text) is not None \
            or head is not None and _PER_SEAT_RE.search(head.text) is not None
    if not planned:
        return False
    lo, hi = table.row_spans[row]
    if _RENTING_WORDS_RE.search(view, lo, hi) or head is not None and _RENTING_WORDS_RE.search(head.text) \
            or table.caption_span and _RENTING_WORDS_RE.search(view, *table.caption_span):
        return False
    k = bisect.bisect_left(hit_starts, lo)
    while k < len(alias_hits) and alias_hits[k][0] < hi:
        if idx.entity_kind.get(alias_hits[k][2]) in _RENTED_KINDS:
            return False
        k += 1
    return True


#: a cell that names a plan by the word of its tier ("Plus", "Pro", "Team (Standard)", "Max 5x")
_PLAN_CELL_RE = re.compile(r"(?i)[*_ \t]*(?:free|go|plus|pro|max|premium|team|business|enterprise|ultra|advanced|starter"
                           r"|basic|standard|individual|personal|hobby)\b\+?")


def _plan_cell(table, row: int, col: int) -> bool:
    """Whether a cell of row ``row`` before column ``col``, under a column of plans ("| Plan |",
    "| Tier |"), names a plan by the word of its tier ("| ChatGPT | Plus | $20/mo |")."""
    cells = table.rows[row]
    for c in range(1, min(col, len(cells))):
        h = table.column_header(c)
        if h is not None and _PLAN_HEAD_RE.search(h.text) and _PLAN_CELL_RE.match(cells[c].text):
            return True
    return False


#: a column of costs, not of prices ("Monthly Cost", "Est. spend"): what the writer's own use costs
_PLAN_COST_HEAD_RE = re.compile(r"(?i)\b(?:costs?|spend\w*|bills?|budget|expenses?|tco)\b(?!.*\bpric)")
#: a column of what a customer spends ("| Tier | Monthly Spend | Discount |": tiers of volume, each a
#: band of spending, no plan's price)
_SPEND_HEAD_RE = re.compile(r"(?i)\b(?:spend\w*|budgets?|bills?|usage|volume)\b")


def _guess_property(idx: Index, unit: str, values, ctx_words: dict, qualifier: str, hint: str | None,
                    local: str, allowed_kinds: set | None = None, own: str | None = None,
                    wide: str | None = None, whole: bool = False, whole_words: str | None = None,
                    owning: bool = False, head: str | None = None) -> tuple[str | None, str]:
    """(property id, how it was decided); ``allowed_kinds``: the kinds of entity the
    claim is about, when known (a new article entity is a workload or a cluster); ``own``:
    a table cell's row and column labels, without the caption that covers the whole table:
    where a cue word names a property, a word another property needs (``needs:``) counts only
    there ("NI" in the column under a heading about valuations); ``whole``: the percentage is
    followed by the whole it is a part of ("could increase to as much as 12% of US power"),
    so it is no change or growth, whatever verb of change is near (:data:`OF_WHOLE_RE`);
    ``whole_words``: the words that name that whole: a share of a population in a status only
    when they name a group of people or organisations ("40% of companies use"), not when they
    name an amount ("60% of revenue", "80% of AI compute spend"), whatever group is near."""
    if hint and (hint in idx.prop_by_id or hint == DIFFERENCE):
        return hint, "hint"  # (a difference takes its unit from its sides: the index has no unit for it)
    decided, options, cands, static, cue_hit = _property_options(idx, unit, values, local, own, wide)
    if decided is not None:
        return decided
    if owning:
        # what running a thing costs a period (_owning): no provider's price to rent it
        kept = [p for p in cands if p.id not in _HOURLY_PRICES]
        if len(kept) == 1:
            return kept[0].id, "clear"
        if kept:
            cands = kept
    held = ()  # properties left out that still rival the guess (below)
    if whole:
        parts = [p for p in cands if p.id not in _CHANGE_PROPERTIES]
        if parts and len(parts) < len(cands):
            if len(parts) == 1:
                return parts[0].id, "only"
            cands = parts
        if whole_words is not None:
            parts = [p for p in cands if p.id != ADOPTION_SHARE or p.need is None
                     or p.need.search(whole_words) and not _AMOUNT_WHOLE_RE.search(whole_words)]
            if parts and len(parts) < len(cands):
                if len(parts) == 1:
                    return parts[0].id, "only"
                cands = parts
            if _ADOPTING_RE.search(whole_words) is not None:
                # "63% of developers use hooks", "17.5% of US businesses used AI", "68% of developers
                # say ...": a group of people or organisations (kept above) and a verb of their status
                # (using, adopting, saying) in the words of the whole: the share of that population in
                # that status, however plain a share of a group reads
                ap = next((p for p in cands if p.id == ADOPTION_SHARE and p.need is not None), None)
                if ap is not None and not any(cue_hit.get(p.id) for p in cands if p is not ap):
                    return ap.id, "clear"
    elif len(cands) > 1 and any(p.id == ADOPTION_SHARE for p in cands) and _ADOPTING_RE.search(local) is None \
            and (wide is None or _ADOPTING_RE.search(wide) is None) and not cue_hit.get(ADOPTION_SHARE):
        # no "of" naming the population after the percentage, and no word of adopting or using
        # near: a group's name near says whose part of an amount it is, not a status of theirs
        # (it stays the rival the guess is measured against: a group's name near leaves the
        # plain reading of the percent no sure one, "99.9% for enterprise customers")
        held = [p for p in cands if p.id == ADOPTION_SHARE]
        cands = [p for p in cands if p.id != ADOPTION_SHARE]
    if len(cands) > 1 and _YEAR_ON_YEAR_RE.search(local) is not None and _AVERAGE_RATE_RE.search(local) is None \
            and any(p.id == GROWTH_RATE for p in cands) and any(p.id == "change" for p in cands):
        # a figure against the same period a year before: a change (the growth rate stays its rival)
        held = list(held) + [p for p in cands if p.id == GROWTH_RATE]
        cands = [p for p in cands if p.id != GROWTH_RATE]
    if len(cands) > 1 and "unified" in local and _UNIFIED_RE.search(local) is not None:
        # "128GB LPDDR5x unified (273 GB/s bandwidth)": memory the CPU and the GPU share is the
        # machine's memory for its models, not a host's beside the GPU's own
        cands = [p for p in cands if p.id != HOST_MEMORY] or cands
    if allowed_kinds is not None and "gpu" in allowed_kinds and cue_hit.get(HOST_MEMORY):
        # "| LPDDR5X size | 480GB (120GB, 240GB) |" in a GH200's column: a superchip filed as its
        # GPU carries its CPU's memory too, in a row of its own named by the memory's type
        hm = next((p for p in cands if p.id == HOST_MEMORY), None)
        if hm is not None and hm.cue is not None and (own is None or _finds(hm.cue, own)):
            return hm.id, "clear"
    if allowed_kinds is not None:
        fitting = [p for p in cands if p.applies_to(allowed_kinds)]
        if len(fitting) == 1:
            return fitting[0].id, "only"
        if _PER_HOUR_UNIT_RE.search(unit):
            # "a higher hourly cost, starting at $1.77/hour" of the H100: an hourly price of a GPU
            # or an instance is its rent, whatever word ("cost", "pay") the writer uses, unless a
            # cue word names another property ("$0.05/hour in electricity", "operating cost"), or a word
            # another property needs does, whatever it applies to ("the H100's depreciation works out
            # to $0.85 per hour"). So too of a thing of the article's own (the kinds of a new entity,
            # _NEW_KINDS): "An 8xH100 node runs $20-$32/hr", "the early $4/hour days" are prices
            # to rent, not what running the thing costs, unless a word of cost is near ("TCO")
            rent = next((p for p in fitting if p.id in _HOURLY_PRICES and (allowed_kinds == _NEW_KINDS
                                                                     or not allowed_kinds.isdisjoint(p.kinds[:2]))), None)
            if rent is not None:
                low = local.lower() if _folds_none(local) else None
                if not any(p is not rent and (cue_hit[p.id] or p.need is not None and _finds_low(p.need, p.need_lits, local, low))
                           for p in cands):
                    return rent.id, "clear"
    if len(cands) > 1 and ("build" in local or "constr" in local or "cost" in local) and _FACILITY_COST_RE.search(local):
        # what building a facility or a cluster costs ("which costs >$50M to build", "$50M in
        # construction costs", "The estimated $500M cost for the GPT-4 cluster"): capital spent
        # on it, whatever plain word of cost is near, unless a word another property needs is
        # near too ("borrowed $2B to build": a debt); a million dollars at least (a PC that "cost
        # $2,000 to build" is bought, no facility)
        cx = next((p for p in cands if p.id == CAPEX), None)
        f = _option_factors(options).get(CAPEX) if cx is not None else None
        if f is not None and all(v is not None and abs(v * f) >= _FACILITY_MIN for v in values) \
                and (allowed_kinds is None or cx.applies_to(allowed_kinds)):
            # (the amount's own "billion" is no word of billing, revenue's "bill*": "$32 billion in
            # construction and IT equipment costs")
            bare = _MAGNITUDE_WORD_RE.sub(lambda m: " " * len(m.group()), local)
            low = bare.lower() if _folds_none(bare) else None
            if not any(p is not cx and p.need is not None and _finds_low(p.need, p.need_lits, bare, low) for p in cands):
                return cx.id, "clear"
    if len(cands) > 1 and cue_hit.get(RENTAL_PRICE) and _PER_HOUR_UNIT_RE.search(unit) and _RENTING_WORDS_RE.search(local):
        # an hourly amount a word of renting names ("A spot instance costs $1.50/hr", "On-demand
        # costs $4/hr"): a provider's price, whatever thing of the article's own it is of and
        # whatever plain word of paying ("costs") is near, unless another property's own cue
        # word or needed word is near too ("a TCO of $1.49 per GPU-hour" against the rent)
        rent = next((p for p in cands if p.id == RENTAL_PRICE), None)
        if rent is not None and (allowed_kinds is None or rent.applies_to(allowed_kinds)):
            low = local.lower() if _folds_none(local) else None
            if not any(p is not rent and (cue_hit[p.id] or p.need is not None and _finds_low(p.need, p.need_lits, local, low))
                       for p in cands):
                return rent.id, "clear"
    if len(cands) > 1 and own is None and _LONG_PERIOD_UNIT_RE.search(unit):
        sp = next((p for p in cands if p.id == _SUBSCRIPTION), None)
        if sp is not None and _PLAN_NOUN_RE.search(local) is not None and not _RENTING_WORDS_RE.search(local) \
                and not any(cue_hit.get(p.id) for p in cands if p.id != _SUBSCRIPTION and p.id not in _HOURLY_PRICES) \
                and (allowed_kinds is None or sp.applies_to(allowed_kinds)):
            # "the cheapest student membership starting at $10 a month", "a Pro plan that costs $399
            # per year": a noun of a plan near an amount per month or year makes it the plan's price,
            # whatever plain word of cost or price ("costs", "pricing") is near, unless a word of
            # renting or another property's own cue is ("a TCO of", "electricity"); a plan sold by a
            # thing of the article's own (a service the registry lacks) keeps it
            return sp.id, "strong"
    if len(cands) > 1 and _LONG_PERIOD_UNIT_RE.search(unit):
        # an amount per day, month or year is a rent only where a word of renting is near
        # ("Monthly Cloud (on-demand)"): the word "GPU" alone says whose cost it is, not that
        # it is a provider's price ("$30,000-$40,000 per GPU per year" fully loaded, a fleet
        # of "1,000 GPUs" wasting "$7M / year")
        cands = [p for p in cands if p.id not in _HOURLY_PRICES or cue_hit[p.id]] or cands
    by_word = _option_words(idx, options)
    word_score: dict = {}
    for wd, cw in ctx_words.items():
        for pid, w in by_word.get(wd, ()):
            word_score[pid] = word_score.get(pid, 0.0) + w * cw
    # the best and the second best by (score, earlier in the registry): what sorting them all
    # by that key (no two properties share an order) put first and second
    best = None
    b_sc = s_sc = 0.0
    b_o = s_o = 0
    second = False
    upper = qualifier == "upper_bound"
    vals = [v for v in values if v is not None]
    factors = _option_factors(options) if vals else {}
    one = vals[0] if len(vals) == 1 else None  # (one value, the common case: no generator per property)
    wider = _wider_cues(cands, cue_hit, local)
    if head is not None:
        cue_hit = _head_cues_first(cands, cue_hit, head)
    for p in (cands + held if held else cands):
        pid = p.id
        sc = word_score.get(pid, 0.0) + static[pid]
        f = factors.get(pid)
        if f is not None and (p.low is not None and (abs(one * f) if one is not None else max(abs(v * f) for v in vals)) < p.low
                              or p.high is not None and (one * f if one is not None else min(v * f for v in vals)) > p.high):
            sc -= _OUTSIDE
        if upper and p.states_maximum:
            sc += 4.0  # "up to 700 W": a rated maximum, as strong a cue as a unit word
        if cue_hit[pid]:
            sc += 3.0
            if wider is not None:
                sc += wider.get(pid, 0.0)
        if allowed_kinds is not None:
            if not allowed_kinds.isdisjoint(p.kinds[:2]):
                sc += _PRIMARY_KIND  # what the property is chiefly about: a GPU's hourly price is its rent
            if not p.applies_to(allowed_kinds):
                sc -= 2.5  # the entity is of a kind the property does not apply to
        o = -p.order
        if held and p in held:
            if not second or sc > s_sc or sc == s_sc and o > s_o:
                s_sc, s_o, second = sc, o, True
            continue
        if best is None or sc > b_sc or sc == b_sc and o > b_o:
            if best is not None:
                s_sc, s_o, second = b_sc, b_o, True
            best, b_sc, b_o = p, sc, o
        elif not second or sc > s_sc or sc == s_sc and o > s_o:
            s_sc, s_o, second = sc, o, True
    if b_sc <= 0.5:
        instead = _DEFAULT_INSTEAD.get(best.id)
        if instead is not None and any(p.id == instead for p in cands):
            return instead, "default"
        return best.id, "default"
    share = b_sc / (b_sc + max(s_sc if second else 0.0, 0.0))
    return best.id, "strong" if share >= 0.75 else "clear" if share >= 0.6 else "weak"


# --------------------------------------------------------------------------------------
# Entity
# --------------------------------------------------------------------------------------

_PREP_RE = re.compile(r"\s*(?:[,]\s*)?(?:on|for|of|from|with|by|at|in)\s+(?:the\s+|its\s+|an?\s+)?$", re.I)
# an amount paid, spent or invested, with whom it went to after it ("spent $8.7 billion on
# Azure", "paid $2.66 billion to AWS", "invested $10 billion in OpenAI")
_SPEND_BEFORE_RE = re.compile(r"(?i)\b(?:spen[dt]s?|spending|paid|pays?|paying|invest(?:ed|s|ing)?|committ(?:ed|ing)|commits?"
                              r"|owe[sd]?|lent|lends?|gave|gives?)\b(?:\s+[\w'’~]+){0,3}\s*[~≈]?$")
#: between a company's name and an amount, only its verb of raising ("Anthropic recently raised ",
#: "xAI has secured about "): the company raised it
_NAME_RAISED_GAP_RE = re.compile(r"(?i)(?:[ \t]+(?:has|have|had|recently|also|just|reportedly|previously|then|now|already"
                                 r"|quietly|officially))*[ \t]+(?:rais(?:ed|es)|secur(?:ed|es)|clos(?:ed|es))[ \t]+"
                                 r"(?:(?:" + _HEDGE_WORDS + r"|some|another"
                                 r"|an[ \t]+additional|additional|a[ \t]+further)[ \t]+)?[~≈]?(?:US)?")
_COUNTERPARTY_RE = re.compile(r"\s*(?:on|to|in|into|with)\s+(?:the\s+|its\s+|a\s+)?$", re.I)
#: between an amount raised and a name: "from" ("raised $4 billion from Amazon", "$2 billion in funding
#: from investors including Nvidia"): the name is a backer's, the money the raising company's
_FROM_BACKER_GAP_RE = re.compile(r"(?i)[ \t]+(?:(?:in|of)[ \t]+(?:new[ \t]+)?(?:funding|capital|cash|equity)[ \t]+)?from[ \t]+"
                                 r"(?:the[ \t]+|its[ \t]+|investors[ \t]+(?:including|such[ \t]+as|like)[ \t]+)?")
#: between an investor's name and a valuation after it: a word of investing right after the name,
#: no sentence's end before the amount ("NVIDIA invested $100M at ", "Cisco investment at ",
#: "Cisco Systems** - Strategic investor (October 2024, $650M, ")
_INVESTOR_GAP_RE = re.compile(r"(?i)[^\w.;\n]{0,8}(?:(?:strategic|lead|early|major|minority|anchor)[ \t]+)?"
                              r"invest(?:s|ed|ing|ment|or)?\b(?:[^.;\n]{0,48}?\b(?:at|valuing|valued)\b[^.;\n]{0,24}"
                              r"|[^.;\n(]{0,24}\([^()\n]{0,48})$")
#: before an amount, close, the round it is ("Series B funding, ", "seed round: ")
_ROUND_BEFORE_RE = re.compile(r"(?i)\b(?:series[ \t]+[a-h](?:-?[0-9])?|seed|funding|round)\b[^.;\n$]{0,12}$")
#: a verb of paying (giving, lending, owing) right before a name that an amount follows: "NVIDIA
#: promised to pay CoreWeave $1.3 billion", "Anthropic is paying xAI $1.25 billion a month": the
#: name is who gets the money (the verb's indirect object), the amount the payer's
_PAYEE_BEFORE_RE = re.compile(r"(?i)\b(?:pa(?:y|ys|id|ying)|owe[sd]?|owing|g[ia]ve|gives|giving|lend(?:s|ing)?|lent"
                              r"|offer(?:s|ed|ing)?|promis(?:e|es|ed|ing))[ \t]+(?:the[ \t]+)?$")
#: after a number, a clause a name opens as its subject, joined by a comma and a conjunction
#: ("Blue Owl provided around $7bn in cash, and Meta secured a one-time distribution of $3bn"):
#: that clause's thing, not the number's before it
_NEXT_CLAUSE_GAP_RE = re.compile(r",[ \t]+(?:and|but|while|whereas|yet)[ \t]+$")
# (the name's appositive between it and the verb too: "while Nvidia, an existing backer, is considering")
_SUBJECT_VERB_AFTER_RE = re.compile(r"(?:,[ \t]+(?:an?|the|its|their)[ \t]+[^,.;:()\n0-9]{1,40},)?"
                                    r"[ \t]+(?:also[ \t]+|then[ \t]+|later[ \t]+|itself[ \t]+)?(?:[a-z]{2,}ed|[a-z]{2,}s|said|got|took"
                                    r"|made|paid|spent|won|grew|rose|fell|led|kept|put|set|gave|sold|bought|will|would|could|can"
                                    r"|may|might|is|are|was|were|has|have|had)\b")
#: a company that led a round, before its amount ("SoftBank led the $40 billion round"): the
#: investor, not the company that raises the round
_LED_GAP_RE = re.compile(r"[ \t]+(?:also[ \t]+)?(?:co-?)?led[ \t]+(?:the|a|an|its|this)[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}?[~≈]?(?:US)?")
_PAYEE_GAP_RE = re.compile(r"(?i)[ \t]+(?:(?:" + _HEDGE_WORDS + r"|some|up[ \t]+to|as[ \t]+much[ \t]+as|another"
                           r"|an[ \t]+(?:additional|extra|estimated)|a[ \t]+further)[ \t]+)?[~≈]?(?:US)?")
_SUBJECT_BONUS = 1.3
_POSSESSED_BONUS = 2.0  # a name in the possessive right before the number ("CEG's $86.7B")
_PRONOUN_BONUS = 2.5
# a sentence whose subject is a pronoun, after an opening phrase ("In 2025 alone, it ...")
# (after a phrase and its comma only "it" or "they": "Nvidia, its biggest supplier, ..." is
# an aside on the name that opens the sentence)
# a pronoun as the subject of a clause, its verb after it ("it's actually", "they are")
_CLAUSE_PRONOUN_RE = re.compile(r"\b(?:[Ii]t|[Tt]hey)(?:['’](?:s|re)\b|\s+(?:is|are|was|were|has|have|had|can|could|will|would"
                                r"|also|now|still|actually|only)\b)")
# a number's sentence ends after it; the next says what the number is of, up to its first comma or stop
_NEXT_DEFINES_RE = re.compile(r"[^\S\n]*[.!]\s+((?:That|This)(?:['’]s| is) (?:the|a|an) [a-z][a-z -]{1,40}? of )[^,.;\n]{1,80}")
# (so too "its" and "their" after a phrase of comparison or a linking adverb and its comma: "By
# comparison, its capital expenditure budget last year was about $92 billion", "Meanwhile, its
# capex ...")
_PRONOUN_OPENER_RE = re.compile(r"[\s*_>#-]*(?:(?:[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,8}),\s+(?:it|they)"
                                r"|(?:(?:By|In)\s+(?:comparison|contrast)|Meanwhile|However|Overall|Instead|Still),\s+(?:its|their)"
                                r"|It(?!\s+(?:is|was|has\s+been|had\s+been|seems|seemed|appears|appeared)\s+(?:(?:widely|now|also)\s+)?"
                                r"(?:reported|said|expected|believed|estimated|understood|rumou?red|thought|known|likely|unlikely"
                                r"|clear|unclear|possible|notable|worth\s+noting)\s+that\b)|They|Its|Their)\b(?!['’]s)")
# (an "It" that stands for what follows, "It is reported that Anthropic is recommending a new round
# of financing", points back to nothing)
# a word that points back to a thing named before: a pronoun, or "the company", "the chipmaker",
# "the model" ("The chipmaker reported revenue of ...", "It draws 400 W"). A number whose
# sentence has none is about the thing the sentence before names less often (on the development
# articles' dev-A half: 14 of 42 guesses from the sentence before right without one, 37 of 57
# with one); a guess from the sentence before whose sentence has one says so (its tag ends
# "|anaphor", which the calibration keeps apart from the weaker guesses without)
_ANAPHOR_RE = re.compile(r"\b(?:[Ii]ts?|[Tt]h(?:ey|eir|em|is|ese|ose)|[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Oo]ur|[Ww]e"
                         r"|[Tt]he\s+(?:[\w-]+\s+)?(?:company|firm|startup|chip\s?maker|giant|lab|provider|platform"
                         r"|service|model|GPU|chip|card|accelerator|country|state|region|team|group)s?)\b")
# what may come before the name a sentence opens with: list and quote marks, emphasis, an article
#: (a clause of its own, as after while/whereas, is also one that "with" opens on a company and a
#: participle: "..., with Alphabet raising its capex forecast to $85 billion")
_ANNUALIZED_REVENUE = "annualized-revenue"
#: a span of time right after an amount ("$166.6 million in a month", "$2 billion a quarter"): the
#: amount of that span, not a year's run rate
_SPAN_AFTER_RE = re.compile(r"(?i)[ \t]+(?:in|per|a|an|each|every|for|that|this|the|last|next|[ \t])*"
                            r"(?:month|quarter|week|day|year|Q[1-4]|H[12]|fiscal|FY|20[0-9]{2})")
#: words of a flow or stock of money other than a run rate, between a run rate and a bare amount
#: after it ("... raised $13 billion", "valued at", "spent", "lost")
_NOT_RUN_RATE_RE = re.compile(r"(?i)\b(?:rais|fund|valu|spen|cost|invest|capex|capital|loss|lost|burn|profit|income|pric"
                              r"|pay|paid|debt|loan|round|sale|sold|bought|buy|acqui|deal|contract|commit|market)")
#: a clause of contrast with a person for its subject, between a number and a name after it ("spend
#: $7-12 million per MW and build your budget from there, but now you need to accommodate GPU-dense
#: workloads, liquid cooling"): what that clause's subject must deal with, not the number's thing
_BUT_PERSON_GAP_RE = re.compile(r"\bbut[ \t]+(?:(?:now|then|today|here)[ \t]+)?(?:you|we|I|they|one)[ \t]+[a-z]{2,}\b")
_NEW_CLAUSE_RE = re.compile(r";|\b(?:while|whereas)\b|,[ \t]+with[ \t]+(?:[A-Z][\w.&'’-]*[ \t]+){1,3}[a-z]{2,}ing\b")
_WITH_SUBJECT_BEFORE_RE = re.compile(r",[ \t]+with[ \t]+$")
#: a sentence opening with a participle of founding or backing and the names after "by", up to its
#: comma ("Founded by former Broadcom and Alphabet employees, Enfabrica has raised ..."): who made or
#: backs the subject after the comma, not what the sentence's numbers are about
_BY_OPENER_RE = re.compile(r"[\s*_>#-]*(?:(?:Co-?)?[Ff]ounded|Started|Backed|Funded|Financed|Owned|Bankrolled|Incubated"
                           r"|Spun[ \t]+(?:out|off)[ \t]+(?:of|from))[ \t]+(?:by[ \t]+)?[^,;:\n]{1,100},[ \t]+(?=\S)")
#: a sentence opening with "With" and its backers, on a word of leading, backing or joining, up to its
#: comma ("With Andreessen Horowitz leading and Lightspeed participating, the startup is raising $1
#: billion"): who backs the subject after the comma, as "Backed by ..." says
_WITH_BACKERS_OPENER_RE = re.compile(r"[\s*_>#-]*With[ \t]+[^,;:\n]{1,100}?\b(?:(?:co-?)?lead(?:ing)?|backing|participating"
                                     r"|investing|joining|on[ \t]+board|as[ \t]+(?:its|an?|the)[ \t]+(?:\w+[ \t]+){0,2}"
                                     r"(?:investors?|backers?)|among[ \t]+(?:its|the)[ \t]+(?:\w+[ \t]+)?(?:backers|investors))"
                                     r"\b(?:[ \t]+(?:the|this|its|a|an)[ \t]+(?:[\w$.-]+[ \t]+){0,3}(?:round|raise|deal|financing"
                                     r"|funding|investment))?(?:[ \t]+and[ \t]+[^,;:\n]{1,60})?,[ \t]+(?=\S)")
#: "Nvidia will generate $33 billion in TSMC revenue": a verb of earning before the amount, and "in" a
#: company's revenue after it: the revenue the subject earns from that company, not the company's own
_EARN_BEFORE_RE = re.compile(r"\b(?:generat|earn|mak|made|bring|brought|book|rak|collect|deriv|receiv|captur|pocket|reap)"
                             r"\w*(?:[ \t]+in)?[ \t]+(?:(?:" + _HEDGE_WORDS + r"|some|at[ \t]+least|up[ \t]+to"
                             r"|an[ \t]+(?:extra|additional)|another)[ \t]+)?[~≈]?(?:US)?$")
_IN_REVENUE_GAP_RE = re.compile(r"[ \t]+in[ \t]+(?:(?:annual|yearly|new|additional|extra|incremental)[ \t]+)?")
_REVENUE_AFTER_RE = re.compile(r"(?:'s|’s)?[ \t]+(?:revenues?|sales|business|orders)\b")
#: a place made an adjective ("the US-based chipmaker", "a China-headquartered startup"): where the
#: thing after it is, not what its numbers are of
_BASED_AFTER_RE = re.compile(r"-(?:based|headquartered)\b")
#: "PitchBook valued Enfabrica at approximately $600 million": the name valued, the amount's owner
_VALUED_NAME_AT_RE = re.compile(r"\bvalu(?:ed|es|ing)[ \t]+(?P<name>[A-Z][\w.&-]*(?:[ \t]+[A-Z][\w.&-]*){0,2})[ \t]+at[ \t]+"
                                r"(?:(?:" + _HEDGE_WORDS + r"|some|at[ \t]+least|up[ \t]+to)[ \t]+)?(?:an?[ \t]+)?[~≈]?(?:US)?$")
_ING_AFTER_RE = re.compile(r"[ \t]+[a-z]{2,}ing\b")
_OPENER_RE = re.compile(r"[\s*_>#-]*(?:(?:the|a|an)\s+)?", re.I)
# a sentence's subject after an opening phrase of time, place or topic and its comma ("In France,
# Nvidia invested ...", "Last week, CoreWeave expanded ...", "Among the most notable investments,
# Nvidia first backed OpenAI ..."): the subject as when it opens the sentence
_INTRO_OPENER_RE = re.compile(r"[\s*_>#-]*(?:In|On|At|By|Among|During|Last|This|Earlier|Later|Since|After|Before|Over|Across"
                              r"|Meanwhile|Separately|Elsewhere|Overall|Still|However|Yet|Now|Today|Previously)\b"
                              r"[^,;:()\n]{0,60},[ \t]+(?:(?:the|a|an)[ \t]+)?")
# a sentence whose subject is a company named before ("The company ...", "The chipmaker's ...")
#: before a name in its sentence, the company's backers listed ("Past backers of the startup include",
#: "its investors are", "backed by"): the name is a backer's, not the company a later "The company" means
_BACKERS_LISTED_RE = re.compile(r"(?i)\b(?:(?:backers|investors|shareholders)\b[^.\n]{0,60}?\b(?:include[sd]?|including|are"
                                r"|were|such[ \t]+as)|(?:backed|funded|financed)[ \t]+by)\b")


def _listed_backer(view: str, a: int, lo: int = 0) -> bool:
    """Whether the name at ``a`` follows, in its sentence, a list of backers' opening."""
    b = max(lo, a - 200, view.rfind(". ", 0, a), view.rfind("\n", 0, a))
    return _BACKERS_LISTED_RE.search(view, b, a) is not None


def _last_listed_backer(view: str, alias_hits, hit_starts, eid: str, hi: int) -> bool:
    """Whether ``eid``, last named before ``hi`` (within 600 characters), is named there as a listed backer."""
    k = bisect.bisect_left(hit_starts, hi) - 1
    while k >= 0 and alias_hits[k][0] >= hi - 600:
        if alias_hits[k][2] == eid:
            return _listed_backer(view, alias_hits[k][0])
        k -= 1
    return False


_COMPANY_ANAPHOR_RE = re.compile(r"[\s*_>#-]*[Tt]he\s+(?:company|firm|startup|chip\s?maker|hyperscaler|AI lab)(?:'s|’s)?\b")
# right after a percentage, the whole it is a share of: "25% of global ...", "10 percent of the world"
_WHOLE_RE = re.compile(r"\s+of\s+(?:the\s+|all\s+|total\s+)?$", re.I)
# a list of this many companies or more ("Amazon, Alphabet, Microsoft, and Meta hit $97B") is a group
GROUP_MIN = 3
_NAME_LIST_GAP_RE = re.compile(r"(?:[ \t]*\((?:(?:NASDAQ|Nasdaq|NYSE)[ \t]*:[ \t]*)?[A-Z][A-Z.]{0,6}\))?"
                               r"\s*(?:,\s*(?:and\s+|&\s*)?|\s(?:and|&)\s+)")
#: a ticker's bracket right after its company's name ("Microsoft (MSFT)"), its opening part
_TICKER_OPEN_RE = re.compile(r"[ \t]*\((?:(?:NASDAQ|Nasdaq|NYSE)[ \t]*:[ \t]*)?")


def _grouped(idx: "Index", view: str, hits: list) -> list:
    """A sentence's alias hits with each list of GROUP_MIN or more companies taken as one: the
    registry's group of exactly those members where it has one (standing where the list
    stands), else nothing (the number is the list's together, not any one company's)."""
    if not idx.groups or len(hits) < GROUP_MIN:
        return hits
    runs = _group_runs(idx, view, hits)
    if not runs:
        return hits
    members = frozenset().union(*(r[2] for r in runs))
    return sorted([h for h in hits if h[0] not in members] + [(g_s, g_e, gid) for g_s, g_e, _, gid in runs if gid])


def _group_runs(idx: "Index", view: str, hits: list) -> list[tuple[int, int, frozenset, str | None]]:
    """Runs of GROUP_MIN or more companies named as one list in a sentence: (start, end, the
    hits' starts, the registry's group of exactly those members or None)."""
    out = []
    run: list = []
    tickers: set = set()  # the starts of tickers bracketed after their names, list items' own

    def close():
        if len(run) >= GROUP_MIN:
            starts = frozenset(h[0] for h in run) | frozenset(t for t in tickers if run[0][0] <= t < run[-1][1])
            out.append((run[0][0], run[-1][1], starts, idx.groups.get(frozenset(h[2] for h in run))))
    for h in hits:
        if idx.entity_kind.get(h[2]) != "organisation":
            close()
            run = []
            continue
        if run and h[2] == run[-1][2] and view.startswith(")", h[1]) \
                and _TICKER_OPEN_RE.fullmatch(view, run[-1][1], h[0]) is not None:
            # "Microsoft (MSFT), Alphabet (GOOGL), Meta (META), and Amazon (AMZN)": the ticker in
            # its bracket is the same list item as the name before it
            tickers.add(h[0])
            run[-1] = (run[-1][0], h[1] + 1, run[-1][2])
            continue
        if run and _NAME_LIST_GAP_RE.fullmatch(view, run[-1][1], h[0]) is None:
            close()
            run = []
        run.append(h)
    close()
    return out
_OPTION_RE = re.compile(r"(?<![\w-])--[A-Za-z][\w-]*(?:[ \t]+|=)['\"]?$")
# the words a thing compared with follows ("than the A100", "vs. its predecessor", "compared with
# the original"), and the article or "its" that may stand between them and its name
_VERSUS_WORDS = r"than|vs\.?|versus"
_COMPARED_WORDS = r"compared\s+(?:to|with)"
_YARDSTICK_ARTICLE = r"(?:(?:the|its|an?)\s+)?"
# what a thing is measured against, right before its name: "than", "vs", "compared with", "parity
# with", "relative to", "equal to"
_YARDSTICK_BEFORE_RE = re.compile(r"(?i)\b(?:" + _VERSUS_WORDS + "|" + _COMPARED_WORDS + r"|parity\s+with|relative\s+to"
                                  r"|equal\s+to|against)\s+" + _YARDSTICK_ARTICLE + "$")
# a yardstick or a base named before the number: "Compared to the original BERT model, it retains
# 97%", "Based on Qwen 2.5 architecture with GQA (28 query heads", "distilled from DeepSeek-R1"
_BASELINE_BEFORE_RE = re.compile(r"\b(?:" + _COMPARED_WORDS + r"|based\s+on|distilled\s+from|derived\s+from"
                                 r"|fine-?tuned\s+from)\s+" + _YARDSTICK_ARTICLE + r"(?:original\s+|previous\s+)?$", re.I)
# a list of things each with its number ("Microsoft and Google will likely do $50B+, AWS and Meta
# $40B+"): the separator after a number, and a name (with the names it is listed with) followed
# right away by a number of its own
_LIST_SEP_RE = re.compile(r"[\s*_]*[,;][\s*_]*")
_NAMED_NUMBER_RE = re.compile(r"(?:\s*(?:,|and|&)\s*[A-Z][\w.-]*){0,3}[\s*_]*:?[\s*_]*[~≈]?[$€£]?[0-9]")
# the words a subject points back to a thing named before with ("This instance", "Each card"), and
# the kinds of hardware it may be called by there
_POINTING_WORDS = r"This|That|Each"
_HARDWARE_KIND_WORDS = r"GPU|card|chip|instance|VM|cluster"
# a list's lead-in whose subject points back to a thing named before it: "This instance boasts:",
# "This machine packs:", "It comes with:"
_LEAD_POINTS_BACK_RE = re.compile(r"(?:^|[.!?]\s+)(?:(?:" + _POINTING_WORDS + r"|These)\s+(?:[\w-]+\s+)?(?:"
                                  + _HARDWARE_KIND_WORDS + r"|machine|server|node|system|setup|rig|build|box)s?|It|They)"
                                  r"\s+(?:[\w-]+\s+){0,3}"
                                  r"(?:has|have|boasts?|packs?|comes?\s+with|includes?|features?|offers?|gives?|provides?)"
                                  r"(?:\s+[\w-]+){0,3}\s*:\s*$")
# a sentence's subject that points back by a word for a kind of thing: "The model also ...",
# "This instance packs:"
_POINTED_RE = re.compile(r"[\s*_>#-]*(?:The|" + _POINTING_WORDS + r")\s+(model|" + _HARDWARE_KIND_WORDS + r"|company|firm)s?\b")
_POINTED_KINDS = {"model": "model", "gpu": "gpu", "card": "gpu", "chip": "gpu", "instance": "cloud-instance",
                  "vm": "cloud-instance", "cluster": "cluster", "company": "organisation", "firm": "organisation"}


def _pointed_kind(view: str, sent_lo: int, lead) -> str | None:
    """The kind of thing the number's sentence (or, for a list item, its lead-in's last
    sentence) points back to by its subject ("The model ...", "This instance packs:")."""
    m = _POINTED_RE.match(view, sent_lo)
    if m is None and lead is not None and ":" in view[lead[1] - 3:lead[1]]:
        lo = max(lead[0], view.rfind(". ", lead[0], lead[1]) + 2)
        m = _POINTED_RE.match(view, lo)
    return _POINTED_KINDS.get(m.group(1).lower()) if m is not None else None


# (its "compared to" takes one space only, not _COMPARED_WORDS' any blanks)
# a multiple of a measure of another thing, right before that thing's name: "7× the performance
# of the", "over 2.5× that of the", "more than doubles the speed of the": the yardstick
_TIMES_OF_RE = re.compile(r"(?:[0-9][0-9.,]*\s*[x×]|\b(?:doubles|triples|quadruples|twice|thrice|times))\s+"
                          r"(?:the\s+[a-z-]+(?:\s+[a-z-]+)?\s+of|that\s+of|those\s+of)\s+" + _YARDSTICK_ARTICLE + "$", re.I)
# a thing a number is said to beat, right before its name: "62.5% accuracy on SimpleQA,
# significantly outperforming both GPT-4o and o1" (the rival, not whose score it is)
_OUTDONE_RE = re.compile(r"\b(?:outperform|outpac|outscor|surpass|beat)\w*\s+(?:both\s+|even\s+|all\s+)?"
                         + _YARDSTICK_ARTICLE + "$", re.I)
# (the verbs alone, a cheap look before the two searches)
_OUTDONE_CUE_RE = re.compile(r"(?i:out(?:perform|pac|scor)|surpass|beat)")
# (and the names listed with it: "outperforming both GPT-4o and o1")
_OUTDONE_LIST_RE = re.compile(r"\b(?:outperform|outpac|outscor|surpass|beat)\w*\s+(?:both\s+|even\s+|all\s+)?"
                              r"[^\s,;.]+(?:\s[^\s,;.]+)?(?:,\s+[^\s,;.]+(?:\s[^\s,;.]+)?)*,?\s+(?:and|or)\s+"
                              + _YARDSTICK_ARTICLE + "$", re.I)
_THAN_RE = re.compile(r"\b(?:" + _VERSUS_WORDS + r"|over|compared (?:to|with))\s+" + _YARDSTICK_ARTICLE + "$", re.I)
# a finite verb (an auxiliary or a copula) between a number and a name after it: the number
# is (in) the clause's subject and the name in what is said of it ("16 of those sites are in
# Virginia", "100% of which were offset by Meta's programme", "The 2T checkpoint is converted
# ... on Llama 2 7B"): the name is not what the number is about (on the development articles
# such names were wrong on every guess they made)
# (the first letters first, "\b" as a look-behind after them: scanned for in C; as case-blind as
# before: "ſ" is "s" and "İ", "ı" are "i" ignoring case)
_VERB_BETWEEN_RE = re.compile(r"[AaWwHhCcMmSsſDdIiİı](?<!\w[AaWwHhCcMmSsſDdIiİı])"
                              r"(?i:(?<=[Iiİı])s|(?<=[Aa])re|(?<=[Ww])as|(?<=[Ww])ere|(?<=[Hh])as|(?<=[Hh])ave|(?<=[Hh])ad"
                              r"|(?<=[Ww])ill|(?<=[Ww])ould|(?<=[Cc])an|(?<=[Cc])ould|(?<=[Mm])ay|(?<=[Mm])ight|(?<=[Mm])ust"
                              r"|(?<=[Ssſ])hall|(?<=[Ssſ])hould|(?<=[Dd])oes|(?<=[Dd])o|(?<=[Dd])id)\b")
_FENCE_RE = re.compile(r"^[ \t]*(?:```|~~~)", re.MULTILINE)
# the kinds of thing an article sets up itself (an everyday activity too: "an hour of streaming")
_NEW_KINDS = {"workload", "cluster", "datacentre", "document", "system", "activity"}
# the kinds of a rented thing whose section ("#### g5.2xlarge On-Demand" over "- On-demand:
# **$1.21/hour**", "- RAM: 32 GB") gives its figures, of a property it has though not chiefly
# (not a model's: "### Generating Images from Text with Stable Diffusion" over "run for batch
# sizes of 4" is the article's own run)
_HEADED_KINDS = frozenset({"cloud-instance"})
# the properties a new entity does not choose again when their own cue words are near (above)
_CUE_KEEPS_KINDLESS = frozenset({MODEL_SCORE, "investment"})
_ATTRIBUTE_LABEL_RE = re.compile(
    r"(?i)\b(?:fp64|fp32|tf32|fp16|bf16|bfloat16|fp8|fp6|fp4|int8|int4|tdp|memory|bandwidth|throughput|flops|tflops"
    r"|tops|power|price|cost per|parameters?|context|latency|capacity|cores?|clock|nvlink|pcie|hbm\w*|specs?"
    r"|tensor|float|precision|sparsity|float(?:16|32|64)|[0-9]{1,2}[- ]?bits?)\b")
# a registry name followed by the noun of a thing the article sets up ("the PCIe
# configuration", "an H100 cluster", "8-GPU SXM nodes"): the name only qualifies that thing
_OWN_THING_RE = re.compile(r"(?:[ -](?:based|powered|gpus?))?[ -](?:configurations?|configs?|set-?ups?|deployments?"
                           r"|clusters?|nodes?|servers?|rigs?|workstations?|scenarios?)\b", re.I)
# the nouns a thing of a kind is itself called by: "a DGX H100 server" is the DGX H100 (a
# system), "the Eagle cluster" a cluster, not a thing of the article's own built from them
_OWN_KIND_NOUN_RE = {"system": re.compile(r"[ -](?:servers?|nodes?)\b", re.I),
                     "cluster": re.compile(r"[ -]clusters?\b", re.I)}


def _own_thing(idx: "Index", view: str, a_e: int, eid: str) -> bool:
    """Whether the registry name ending at ``a_e`` only qualifies a thing of the article's own
    ("the SXM configuration", "our H100 cluster"): a noun of such a thing follows it, other
    than the noun its own kind is called by ("a DGX H100 server")."""
    if not _OWN_THING_RE.match(view, a_e):
        return False
    same = _OWN_KIND_NOUN_RE.get(idx.entity_kind.get(eid, ""))
    return same is None or not same.match(view, a_e)


# a count of things before a name of hardware ("8x H100", "2-3x H100", "Compute (2x H100)",
# "256 H100s", "16 A100 GPUs", "9,000,000 A100s"): the name stands for a group of them that the
# article sets up (a node, a cluster, a fleet), whose figures (its monthly cost, its memory in
# all, its power use) are not the one thing's. A count written "Nx" is a configuration even of
# one ("1x A6000"); a plain count names things in the plural ("256 H100s", "16 A100 GPUs"), so
# a year before a name ("2024 H100 prices") is none
_COUNTED_RE = re.compile(r"(?<![\w$€£¥.,/-])(?:[0-9]+\s*[-–]\s*)?[0-9][0-9,]*(?:\.[0-9]+)?\s*(?:[kKM]\+?\s*)?"
                         r"(?:(?P<x>[x×])\s*)?(?:\*\*|\\text\{\s*)?$")
#: a count of one ("1x ", "1 ×"): the thing itself, not a group of them
_ONE_COUNT_RE = re.compile(r"1\s*[x×]?\s*(?:\*\*|\\text\{\s*)?")
_PLURAL_AFTER_RE = re.compile(r"(?<=s)|[ -]+(?:[0-9]+\s*GB[ -]+)?(?:GPU|card|chip|accelerator|node|server|instance)s\b",
                              re.I)
_COUNTED_KINDS = frozenset({"gpu", "system", "cloud-instance"})
# the kinds such a group is recorded as
_GROUP_KINDS = frozenset({"cluster", "system", "cloud-instance"})
# a figure per one of them ("3,700 tokens/sec/GPU", "$2.10 per GPU-hour", "400 W each"), or the
# one a count multiplies, right after the name ("9,000,000 A100s x 400 W"): the thing's own; so
# is one whose scope is stated ("$98.32/hour per node for 8 H100s": the card's price with the
# scope a condition records)
_PER_ONE_RE = re.compile(r"(?i)[^\n]{0,24}?(?:(?:/\s*|\bper\s+)(?:gpu|card|chip|accelerator|device|node|server|instance)s?\b"
                         r"|\beach\b)")
#: a company's possessive before its evaluation ("Anthropic's internal agentic coding evaluation",
#: "OpenAI's own benchmark"): who runs the test, up to four words qualifying it
_EVAL_OWNER_AFTER_RE = re.compile(r"(?:['’]s)?[ \t]+(?:[\w-]+[ \t]+){0,4}?(?:evaluations?|evals?|benchmarks?|test[ \t]+(?:sets?|suites?))\b")
_TIMES_BETWEEN_RE = re.compile(r"[}\s*]*(?:(?:[x×*]|\\times)\s*)?[~≈$]?\s*")
#: a figure in brackets right after the name ("1× NVIDIA A10G (24 GB GDDR6)"): said of what is named
_BRACKET_AFTER_RE = re.compile(r"[ \t]*\([ \t]*")


def _counted(idx: "Index", view: str, a_s: int, a_e: int, eid: str, f: "Found") -> bool:
    """Whether the name of hardware at ``a_s:a_e`` follows a count of the things (a group of
    them, see ``_COUNTED_RE``) and the number of ``f`` is a figure of the group: not the count
    itself, not a figure per one of them, not the one the count multiplies, not a share ("HFU
    of 57%" on "128 A100 GPUs" is each card's too)."""
    d = f.draft
    q_start, s, e = f.q.start, d.span_start, d.span_end
    if idx.entity_kind.get(eid) not in _COUNTED_KINDS or d.unit == "percent":
        return False
    m = _COUNTED_RE.search(view, max(0, a_s - 24), a_s)
    if m is None or q_start <= m.start() < e:
        return False
    if _ONE_COUNT_RE.fullmatch(m.group(0)) and (f.table is not None or _BRACKET_AFTER_RE.fullmatch(view, a_e, s)):
        # "| 1x NVIDIA A10 | ... | $0.60 / hr |": a row of one of them is the thing itself, no group
        # (not so in prose: "`1xH100` delivers 2.06x higher throughput" serving a model is a set-up)
        return False
    if not m.group("x") and _PLURAL_AFTER_RE.match(view, a_e) is None:
        return False
    if _PER_ONE_RE.match(view, s):
        return False
    # (the masked view blanks a formula's commands: "A100s \\times 400 W" reads "A100s   400 W")
    return not (a_e <= s and s - a_e <= 24 and _TIMES_BETWEEN_RE.fullmatch(view, a_e, s))


_PER_RE = re.compile(r"/|\bper\b", re.I)
_MEASURED_THING_RE = re.compile(r"\s+in\s+(?:the\s+)?")
# an amount for a model named right after it, the name ending its phrase ("from $30 for GPT-4 to
# $2.5 for GPT-4o", "$0.15 for GPT-4o mini, $2.50 for GPT-4o"), or by the unit that follows it ("It
# costs $0.15 for GPT-4o mini per million input tokens", "$30 for GPT-4 / 1M tokens"); where the
# unit follows or the sentence speaks of no one's own use, it is the model's price even where the
# words near chose a cost of the article's own ("costs $1.37 for Opus 4.8, so ...")
# so too a model named after a determiner and at most three adjectives, the word "model" after it
# ("$15 per million input tokens for their most advanced o1 model", "for the GPT-4 model")
_FOR_MODEL_RE = re.compile(r" for (?:(?:the|its|their|OpenAI['’]s|Anthropic['’]s|Google['’]s|Meta['’]s)[ \t]+"
                           r"(?:(?:most|more|new|newer|newest|latest|current|older|flagship|advanced|powerful|capable"
                           r"|expensive|cheapest|cheaper|smaller|smallest|larger|largest|top|premium|reasoning)[ \t]+){0,3})?")
_FOR_MODEL_UNIT_RE = re.compile(r"(?:\s+models?\b)?\s*(?:per\b|/)")
_FOR_MODEL_END_RE = re.compile(r"(?:\s+models?\b)?\s*(?:$|[,.;:)/]|(?:to|and|or|vs\.?|versus|while|but|whereas|per)\b)")
#: the words that set a figure against another ("versus", "vs.", "compared with", "against"), and
#: those with a hedge after them ("about", "an estimated", "~"): one reading for companies,
#: data-centre figures, models and rivals the registry does not name (:func:`_versus_owner`)
# (each word's first letter first, then the look-behind that makes it a word's first, "\b": the
# engine scans for those letters in C instead of trying every position of the window)
_AGAINST_WORDS = (r"[VvCcAa](?<!\w[VvCcAa])(?i:(?<=[Vv])s\.?|(?<=[Vv])ersus|(?<=[Cc])ompared\s+(?:to|with)"
                  r"|(?<=[Aa])gainst)\s+")
_VERSUS = _AGAINST_WORDS + r"(?i:(?:about|around|roughly|nearly|just|only|some|an\s+estimated)\s+)?(?:[~≈][ \t]?)?"
#: a rival's name, capitalised, of up to four words ("Opus", "Claude Haiku")
_RIVAL_NAME = r"(?P<name>[A-Z][\w.-]*(?:[ \t]+[A-Z0-9][\w.-]*){0,3})"
# a rival named after "vs"/"versus"/"compared to" that owns the number right after it, in the
# possessive or given "at" it ("GPT-4o charges $5 per million input tokens versus Claude's $3",
# "Costs $5/$20 per million tokens vs. Claude Haiku at $1/$5"): the number is the rival's, not the
# sentence subject's; where the registry does not name the rival (a brand alone, a tier without its
# version), no registry thing is the number's (the name's "name" group; its span holds no alias)
_RIVAL_OWNS_RE = re.compile(_AGAINST_WORDS + r"(?:the\s+)?" + _RIVAL_NAME +
                            r"(?:['’]s[ \t]+|[ \t]+at[ \t]+)(?:[~≈][ \t]?)?[$€£]?$")
# after a round's amount, the company that raises it: "funding round for the one-year-old
# Reflection AI", "Series B in Sarvam"
_ROUND_FOR_AFTER_RE = re.compile(r"(?:[ \t]+[\w-]+){0,2}?[ \t]+(?:round|raise|Series[ \t]+[A-K])[ \t]+(?:for|in|into)[ \t]+"
                                 r"(?:(?:the[ \t]+)?(?:[a-z][\w-]*[ \t]+){0,3}(?P<name>[A-Z][\w.&-]*)"
                                 r"|an?[ \t]+(?:[\w-]+[ \t]+){0,4}?(?P<name2>start-?ups?|company|firm)\b)")
# names that are a time, not a rival ("vs Q3's $8B", "versus last year's", "compared to 2023's")
_RIVAL_TIME_RE = re.compile(r"(?i)(?:Q[1-4]|H[12]|FY\d*|\d{4}|last|this|next|prior|previous|" + MONTH_NAMES_RE + r")\b")
_COUNT_OF_RE = re.compile(r"\s*[~≈]?[0-9][0-9,.]*\s*[x×]\s*[A-Za-z]")
_TRUST = {"label": 1.0, "table-column": 1.0, "table-row": 0.95, "in-unit": 0.9, "before": 1.0, "after": 0.7,
          "previous": 0.55,
          "table-intro": 0.5, "heading": 0.35, "paragraph": 0.5}


@dataclass
class _Candidate:
    eid: str
    how: str
    score: float


def _kind_factor(idx: Index, eid: str, kinds: tuple, strict: bool) -> float | None:
    kind = idx.entity_kind.get(eid, "")
    if not kinds:
        return 1.0
    if kind in kinds:
        return 1.0 - 0.03 * kinds.index(kind)
    if "any" in kinds:
        return 1.0
    return None if strict else 0.35


#: a table of one thing's figures: its label column headed "Metric", "Spec", "Attribute", ... or
#: its one value column headed "Value"
_KEY_HEAD_RE = re.compile(r"(?i)[*_\s]*(?:metrics?|specs?|specifications?|attributes?|propert(?:y|ies)|features?"
                          r"|characteristics?|keys?|fields?|hyper-?param(?:eter)?s?)[*_\s]*")
_VALUE_HEAD_RE = re.compile(r"(?i)[*_\s]*(?:values?|figures?|numbers?)[*_\s]*")


def _key_value_table(t) -> bool:
    """Whether table ``t`` lists one thing's figures, a row each ("| Metric | Value |" over
    "| Training tokens | 15T |"): its rows are attributes, as "| FP32 | 19.5 |" is, of the thing
    the text right above the table names."""
    got = getattr(t, "_key_value", None)
    if got is None:
        head = t.column_header(0)
        values = [h for h in t.header[1:] if h.text]
        got = t._key_value = head is not None and 2 <= len(t.header) <= 3 and bool(values) and (
            _KEY_HEAD_RE.fullmatch(head.text) is not None or _VALUE_HEAD_RE.fullmatch(values[0].text) is not None)
    return got


#: a column header's words after a company that make it the one paid ("Nvidia spend", "Nvidia GPU
#: purchases", "AMD orders") ...
_PAID_AFTER_HEAD_RE = re.compile(r"(?i)(?:['’]s)?[ \t]+(?:(?:GPU|chip|AI|hardware|compute|accelerator)s?[ \t]+)?"
                                 r"(?:spend|spending|purchases|orders|payments|outlays?)\b")
#: ... or before it ("Spend on Nvidia", "Payments to Nvidia", "Purchases from AMD")
_PAID_BEFORE_HEAD_RE = re.compile(r"(?i)\b(?:spend(?:ing)?[ \t]+(?:on|with)|payments?[ \t]+to|paid[ \t]+to"
                                  r"|purchases?[ \t]+from|orders?[ \t]+(?:from|with)|bought[ \t]+from)[ \t]+$")


def _counterparty_head(idx: Index, view: str, col, a_s: int, a_e: int, eid: str | None) -> bool:
    """Whether the company a money column's header names (``a_s:a_e``, of ``eid``) is the one each
    row pays, not the spender: "| Hyperscaler | Nvidia spend |", "| Buyer | Payments to AMD |"."""
    if not eid or idx.entity_kind.get(eid) != "organisation":
        return False
    return _PAID_AFTER_HEAD_RE.match(view, a_e, col.end) is not None \
        or _PAID_BEFORE_HEAD_RE.search(view, col.start, a_s) is not None


def _row_organisation(idx: Index, t, r: int, alias_hits, hit_starts, other: str) -> bool:
    """Whether row ``r``'s label cell names an organisation other than ``other``."""
    row = t.rows[r]
    if not row:
        return False
    bl = bisect.bisect_left
    return any(eid and eid != other and idx.entity_kind.get(eid) == "organisation"
               for _, _, eid in alias_hits[bl(hit_starts, row[0].start):bl(hit_starts, row[0].end)])


def _row_names(t, r: int, alias_hits, hit_starts) -> tuple[list, bool]:
    """([(column, whether the cell is a count of things ("2x A100 80GB"), the alias hits in the
    cell)] for row ``r`` of table ``t``, whether its label names an attribute ("| FP32 |") and
    no entity): what each number of the row asks of its row, read once per row (kept on the
    table, for these alias hits only)."""
    memo = getattr(t, "_row_names", None)
    if memo is None or memo[0] is not alias_hits:
        memo = t._row_names = (alias_hits, {})
    got = memo[1].get(r)
    if got is None:
        bl = bisect.bisect_left
        row = t.rows[r]
        cells = [(c, _COUNT_OF_RE.match(cell.text) is not None,
                  alias_hits[bl(hit_starts, cell.start):bl(hit_starts, cell.end)]) for c, cell in enumerate(row)]
        label = row[0].text if row else ""
        attribute_row = (bool(_ATTRIBUTE_LABEL_RE.search(label)) or _key_value_table(t)) and not cells[0][2]
        got = memo[1][r] = (cells, attribute_row)
    return got


# a name's possessive right before a number of its own: "OpenAI's $830 billion", "Meta's ~$40B"
_POSSESSED_NUMBER_RE = re.compile(r"\s*`{0,2}[~≈]?\s*[$€£]?[0-9]")


def _owns_next(view: str, a_s: int, a_e: int, hi: int) -> bool:
    """Whether a name after a number is in the possessive with a number of its own right after it
    ("a $350 billion valuation to OpenAI's $830 billion"): that number's thing, the one compared
    with, not the earlier number's."""
    end = a_e
    if view.startswith(("'s", "’s"), end):
        end += 2
    elif not view.endswith(("'s", "’s"), a_s, a_e):
        return False
    return _POSSESSED_NUMBER_RE.match(view, end, hi) is not None


#: between an amount and a name after it that opens the next item of a coordination (", and ", " while ")
_JOINED_GAP_RE = re.compile(r",?[ \t]+(?:and|while|whereas|but)[ \t]+")
#: what follows such a name: a noun or two and a figure of its own ("AWS growth of 24%", "Azure revenue was $5B")
_OWN_FIGURE_AFTER_RE = re.compile(r"(?:['’]s)?[ \t]+(?:[a-z][\w-]*[ \t]+){1,3}?(?:of|at|was|were|is|hit|reached|rose|grew|fell|to)[ \t]+"
                                  r"(?:(?:about|around|roughly|nearly|over|under|some)[ \t]+)?[~≈]?[$€£]?[0-9]")
_LISTED_NAME_BEFORE_RE = re.compile(r"[(,][ \t]*$")
_LISTED_NUMBER_RE = re.compile(r"[ \t]+[~≈]?[$€£]?[0-9]")


def _listed_own(view: str, a_s: int, a_e: int, hi: int) -> bool:
    """Whether a name after a number opens an item of a bracketed or comma list with its number
    right after it ("rerated multiples (NVDA 32×, MSFT 36×, etc.)"): that number's thing, not the
    earlier number's ("10% discount rate, 3% terminal growth, and rerated multiples ...")."""
    return _LISTED_NUMBER_RE.match(view, a_e, hi) is not None \
        and _LISTED_NAME_BEFORE_RE.search(view, max(0, a_s - 3), a_s) is not None


# a name's possessive with nothing but a sign between it and the number ("DeepSeek V3's 2.6M GPU
# hours", "OpenAI's ~$13 billion"): whose the number is, whatever else the sentence names (its
# subject included: "Llama 3 405B used 30.8M GPU hours relative to DeepSeek V3's 2.6M GPU hours");
# so too with the number set in code or in bold, its markup blanked ("compared to o1's `39.4s`", "the
# H200's **141GB**")
_POSSESSOR_RE = re.compile(r"\s{1,2}[ `]{0,2}(?:[~≈]\s?)?[$€£]?")
# so too with a word or two that only date or qualify the figure between ("OpenAI’s last disclosed
# $852 billion valuation", "Meta's previous $65 billion forecast", "Nvidia's record $30 billion")
# so too where the possessive names a measure of money and "at" or "of" gives its amount, whatever
# other names qualify the measure on the way ("Bloomberg estimated OpenAI’s quarterly Nvidia GPU
# spend at approximately $1.8 billion", "Meta's 2025 capex of $72 billion")
_POSSESSED_MEASURE_AT_RE = re.compile(
    r"\s(?:[^\s.,;:!?()]+[ \t]+){0,5}?(?:spend(?:ing)?|revenues?|sales|capex|capital[ \t]+expenditures?|valuation|costs?"
    r"|budget|bills?|investments?|commitments?|loss(?:es)?|profits?|income|backlog|run[- ]rate|market[ \t]+cap(?:italization)?"
    r"|stake|deals?|contracts?|orders?|purchases?|funding|round|payments?|outlay|guidance|forecast|debt|burn)"
    r"[ \t]+(?:at|of)[ \t]+(?:(?:about|around|roughly|nearly|approximately|almost|over|just|some|an[ \t]+estimated)[ \t]+)?"
    r"(?:[~≈]\s?)?[$€£]?")
_POSSESSOR_QUALIFIED_RE = re.compile(r"\s(?:(?:last|latest|previous|prior|earlier|current|recent|most[ \t]+recent|record"
                                     r"|reported|disclosed|announced|estimated|projected|expected|planned|own|new|initial"
                                     r"|annual|annualized|annualised|quarterly|total|roughly|nearly|about|some"
                                     # a comparison's words that only grade the figure ("compared to
                                     # the RTX 4090's more power-efficient 450W", "the A100's lower 1.6 TB/s")
                                     r"|(?:more|less|much|far)[ \t]+[a-z][a-z-]*|lower|higher|smaller|larger|bigger|greater"
                                     r"|modest|mere|paltry)[ \t]+){1,2}"
                                     r"(?:[~≈]\s?)?[$€£]?")
# a yardstick named after "compared to" with its own number right after it, said to be estimated or
# given "at" it ("compared to GPT-4 estimated $100 million", "compared to GPT-4 at $30"): the
# yardstick's number, as its possessive's is ("compared to o1's `39.4s`")
_YARDSTICK_OWN_RE = re.compile(r"[ \t]+(?:at|estimated|reportedly)[ \t]+(?:an[ \t]+estimated[ \t]+|an?[ \t]+)?(?:[~≈][ \t]?)?[$€£]?")
# so too a yardstick whose own relative clause has the number, a verb of having leading straight
# into it ("It currently comes with 8K context window length, compared to GPT-4 that comes with 128K
# context length")
_YARDSTICK_HAS_RE = re.compile(r"[ \t]+(?:that|which)[ \t]+(?:comes?[ \t]+with|has|have|offers?|supports?|provides?"
                               r"|features?|boasts?)[ \t]+(?:(?:an?|up[ \t]+to|only|just)[ \t]+)?(?:[~≈][ \t]?)?[$€£]?")


# a name given as an example of a class after the sentence has named its subject ("Mixtral
# outperforms larger dense models like Llama 2 70B", "rivals such as GPT-4o"), and the break of a
# clause between that name and the number ("... while using only 12.9B active parameters"): the
# number is the subject's, not the example's
_EXAMPLE_OF_CLASS_RE = re.compile(r"\b[A-Za-z-]+s\s+(?:like|such\s+as)\s+$")
_EXAMPLE_GAP_BREAK_RE = re.compile(r",|\b(?:while|whereas|but|yet|and)\b")


def _possesses(view: str, a_s: int, a_e: int, s: int) -> bool:
    """Whether the name at ``a_s:a_e`` is in the possessive right before the number at ``s``."""
    if view.startswith(("'s", "’s"), a_e):
        a_e += 2
    elif not view.endswith(("'s", "’s"), a_s, a_e):
        return False
    return _POSSESSOR_RE.fullmatch(view, a_e, s) is not None or _POSSESSOR_QUALIFIED_RE.fullmatch(view, a_e, s) is not None \
        or _POSSESSED_MEASURE_AT_RE.fullmatch(view, a_e, s) is not None


# a class a sentence's subject is said to be of: "DeepSeek-V3 is a mixture-of-experts (MoE) model"
_CLASS_KINDS = frozenset({"model-class", "gpu-class"})
_COPULA_RE = re.compile(r"(?:\b(?:is|was|are|were|as)|['’]s)\s+(?:an?|the|its|their|one\s+of\s+the)\s+(?:[\w-]+\s+){0,4}\(?$", re.I)


# "a" or "an" right before a model's size, with no verb of being before it ("for a 27 trillion
# parameter model", not "It is a 70B model"), and the model right after the size
_A_SIZE_BEFORE_RE = re.compile(r"(?<![\w'’])(?<!\bis )(?<!\bas )(?<!\bwas )(?<!['’]s )[Aa]n?[ \t]+[*_]*$")
_A_SIZE_AFTER_RE = re.compile(r"[*_]*(?:[- ](?:param(?:eter)?s?)(?=[ \t]))?[ \t]+(?:[\w-]+[ \t]+)?(?:model|LLM|language[ \t]+model)\b")


# a class set after a name by a comma, as what the named thing is: "**Llama 3**, their most
# capable open large language model with ..."
_APPOSED_CLASS_RE = re.compile(r"[*_` \t]*,[ \t]+(?:an?|the|its|their|one[ \t]+of[ \t]+the)[ \t]+(?:[\w-]+[ \t]+){0,4}$", re.I)


def _apposed_class(idx: "Index", view: str, sent_hits: list, lo: int, a_s: int) -> bool:
    """Whether the class named at ``a_s`` is set by a comma after a model (or a product) the
    sentence names right before it: what that thing is, not whose the number is (as with a
    verb of being, :data:`_COPULA_RE`)."""
    m = _APPOSED_CLASS_RE.search(view, max(lo, a_s - 60), a_s)
    if m is None:
        return False
    return any(h_e == m.start() and idx.entity_kind.get(eid) in ("model", "product") for _, h_e, eid in sent_hits)


# a number of its own in a bracket, after the name the bracket holds: "(vs OpenAI's ~7,000)"
_OWN_NUMBER_RE = re.compile(r"(?<![\w.,])[~≈$€£]?[0-9]")


def _aside(view: str, lo: int, a_s: int, a_e: int, s: int) -> bool:
    """Whether a name before a number sits in a bracket that closes before the number and holds
    a number of its own after the name ("Anthropic has 2,300 employees (vs OpenAI's ~7,000), and a
    $350 billion valuation"): the bracket's number is the name's, an aside the later number is not
    about (not "the flagship (H100 SXM5) draws 700 W", whose bracket holds no number of its own)."""
    close = view.find(")", a_e, s)
    if close < 0:
        return False
    opened = view.rfind("(", lo, a_s)
    return opened >= 0 and view.find(")", opened, a_s) < 0 \
        and (_OWN_NUMBER_RE.search(view, a_e, close) is not None
             # "GPT-5 (full)**: Great performance (just behind Opus), much cheaper ($1.25 in": a
             # bracket that sets the name beside the subject, closed before the number, is an
             # aside too, number or none
             or _ASIDE_COMPARED_RE.search(view, opened + 1, a_s) is not None)


#: the words an aside in brackets sets a name beside the subject with: "(just behind Opus)", "(vs
#: GPT-4o)", "(ahead of Gemini)", "(like Claude)"
_ASIDE_COMPARED_RE = re.compile(r"(?i)\b(?:behind|ahead[ \t]+of|vs\.?|versus|than|unlike|like|compared[ \t]+(?:to|with)"
                                r"|relative[ \t]+to|similar[ \t]+to)[ \t]+(?:the[ \t]+|an?[ \t]+)?$")


#: a table column of the parties to a row's deal: its investors ("Leading Investors", "Lead
#: investor(s)", "Backers")
_INVESTOR_HEAD_RE = re.compile(r"(?i)\b(?:investors?|backers?|funders?|(?:lead|led)[ \t]+by|acquirers?|acquired[ \t]+by|buyers?)\b|\binvestor\(s\)")


def _investor_column(t, c: int) -> bool:
    """Whether column ``c`` of table ``t`` names the investors of its rows' rounds (read once per column)."""
    memo = getattr(t, "_investor_cols", None)
    if memo is None:
        memo = t._investor_cols = frozenset(k for k, h in enumerate(t.header)
                                            if "nvest" in h.text or "ack" in h.text or "und" in h.text or "ed by" in h.text
                                            or "cquire" in h.text or "uyer" in h.text
                                            if _INVESTOR_HEAD_RE.search(h.text))
    return c in memo


#: a table column of things its rows' figures are compared with ("Power reference class", "Comparable to")
_REFERENCE_HEAD_RE = re.compile(r"(?i)\b(?:reference|comparable|compared|comparison|analog(?:ue|y)?|equivalent[ \t]+to)\b")


def _reference_column(t, c: int) -> bool:
    """Whether column ``c`` of table ``t`` names things its rows are compared with (read once per table)."""
    memo = getattr(t, "_reference_cols", None)
    if memo is None:
        memo = t._reference_cols = frozenset(k for k, h in enumerate(t.header) if k > 0
                                             and ("ef" in h.text or "ompar" in h.text or "nalog" in h.text or "quiv" in h.text)
                                             and _REFERENCE_HEAD_RE.search(h.text))
    return c in memo


#: a table's label column headed by a word for companies ("| Company |", "| AI lab |", "| Vendor |")
_COMPANY_HEAD_RE = re.compile(r"(?i)[*_\s]*(?:ai[ \t]+)?(?:compan(?:y|ies)|firms?|vendors?|labs?|makers?|organi[sz]ations?)[*_\s]*")


def _company_rows(t) -> bool:
    """Whether the first column of table ``t`` is headed by a word for companies (read once per table)."""
    got = getattr(t, "_company_rows", None)
    if got is None:
        head = t.column_header(0)
        got = t._company_rows = head is not None and _COMPANY_HEAD_RE.fullmatch(head.text) is not None
    return got


#: between a share and the thing its people use, in a table cell: "40% using Grok", "35% use ChatGPT"
_USING_RE = re.compile(r"[ \t*_]*(?:of[ \t]+(?:\w+[ \t]+){0,2}?)?(?:us(?:e|es|ing)|adopt(?:ed|ing)?|on)[ \t]+(?:the[ \t]+)?")


#: a name's own amount right after it in a table cell: "Microsoft $5B" in "(post Microsoft $5B + NVIDIA $10B)"
_NAMED_AMOUNT_RE = re.compile(r"[ \t]*(?:[:=][ \t]*)?[~≈]?[ \t]*[$€£][0-9]")


def _names_amount(view: str, a_e: int, s: int) -> bool:
    """Whether the name ending at ``a_e`` has an amount of money of its own right after it, one
    that is not the number at ``s`` ("| Valuation | $300-350B (post Microsoft $5B + NVIDIA $10B) |": the
    $5B is Microsoft's, not the $10B nor the $300-350B)."""
    m = _NAMED_AMOUNT_RE.match(view, a_e)
    return m is not None and not a_e <= s < m.end()


def _unlike_investors(f: "Found", alias_hits: list, hit_starts: list, lo: int, hi: int, view: str = "") -> tuple[list, list]:
    """(alias hits, their starts) of ``lo:hi`` (the number's sentence: its row) less those in the
    investors' column of the row of a table cell ``f`` (names that row does not state a figure
    of), and less those in the number's own cell with a number of their own right after them
    ("| Valuation | $300-350B (post Microsoft $5B + NVIDIA $10B) |": each name's own stake, not
    what the row's figure is of); all the hits as they are elsewhere."""
    t = f.table
    if t is None and view and f.draft.property in _RAISED_PROPERTIES:
        # "NVIDIA invested $100M at $2B valuation", "Series B funding, $200M from NVIDIA": in prose, a
        # name that invests, or that the money came from, states no round or valuation of its own
        s, e = f.draft.span_start, f.draft.span_end
        bl = bisect.bisect_left
        hits = [h for h in alias_hits[bl(hit_starts, lo):bl(hit_starts, hi)]
                if not (h[1] <= s and _INVESTOR_GAP_RE.match(view, h[1], s) is not None)
                and not (h[0] >= e and h[0] - e <= 24 and _FROM_BACKER_GAP_RE.fullmatch(view, e, h[0]) is not None)]
        return hits, [h[0] for h in hits]
    if t is None or not 0 <= f.row < len(t.rows):
        return alias_hits, hit_starts
    row = t.rows[f.row]
    own = row[f.col] if 0 < f.col < len(row) else None
    investors = _investor_column_of(t)
    if not investors and (own is None or not view or not _names_any(alias_hits, hit_starts, own.start, own.end)):
        return alias_hits, hit_starts
    cells = [cell for c, cell in enumerate(row) if c > 0 and _investor_column(t, c)] if investors else []
    s = f.draft.span_start
    bl = bisect.bisect_left
    hits = [h for h in alias_hits[bl(hit_starts, lo):bl(hit_starts, hi)]
            if not any(cell.start <= h[0] < cell.end for cell in cells)
            and not (own is not None and own.start <= h[0] < own.end and _names_amount(view, h[1], s))]
    return hits, [h[0] for h in hits]


#: a table column of remarks ("| Notes |", "| Comment |", "| Commentary |", "| Context |")
# (so too "| Impact |", "| Status |" at a table's end: "| Grok-1 | Mar 2024 | 314B | ... | Open-sourced
# (xAI) |", a remark on the model that names its maker)
_NOTES_HEAD_RE = re.compile(r"(?i)[*_ \t]*(?:notes?|comments?|commentary|remarks?|context|rationale|impact|status)[*_ \t]*")


def _notes_column(t, c: int) -> bool:
    """Whether column ``c`` of table ``t`` holds remarks on its rows (read once per table)."""
    memo = getattr(t, "_notes_cols", None)
    if memo is None:
        memo = t._notes_cols = frozenset(k for k, h in enumerate(t.header) if k > 0 and _NOTES_HEAD_RE.fullmatch(h.text))
    return c in memo


#: a table column of a price alone ("| Price |", "| Last Price |", "| Share price (USD) |")
_SHARE_PRICE_HEAD_RE = re.compile(r"(?i)[*_ \t]*(?:(?:last|close|closing|current|share|stock)[ \t]+)?price"
                                  r"(?:[ \t]*\((?:usd|us\$|\$)\))?[*_ \t]*")


#: between a name and a bracketed second name that glosses it: "Amazon (AWS)"
_GLOSS_RE = re.compile(r"[ \t]*\(")


#: a row label or column header that is one line of a company's accounts and nothing else, and
#: the property it names ("| OCF |", "| Capex |", "| **Enterprise value** |")
_ACCOUNT_LABELS = (
    (re.compile(r"(?i)(?:ocf|cfo|operating[ \t]+cash[ \t]+flows?|cash[ \t]+(?:flow[ \t]+)?from[ \t]+operations)"),
     "operating-cash-flow"),
    (re.compile(r"(?i)(?:capex|cap[ \t]*ex|capital[ \t]+expenditures?|capital[ \t]+spending)"), "capex"),
    (re.compile(r"(?i)(?:fcf|free[ \t]+cash[ \t]+flow)"), "free-cash-flow"),
    (re.compile(r"(?i)(?:enterprise[ \t]+value|market[ \t]+cap(?:itali[sz]ation)?)"), "valuation"),
    (re.compile(r"(?i)(?:rpo|(?:order[ \t]+)?backlog|remaining[ \t]+performance[ \t]+obligations?)"), "order-backlog"),
    # the cash a company returns to its shareholders ("| Buybacks | Dividends |"), its earnings per
    # share ("| EPS (TTM) |" under "## Valuation Metrics": no valuation), its operating result
    # ("| Operating Profit |", "| Operating CF |")
    (re.compile(r"(?i)(?:(?:share|stock)[ \t]+)?(?:buy[ \t-]?backs?|repurchases?)"), "share-buybacks"),
    (re.compile(r"(?i)(?:dividends(?:[ \t]+paid)?|dividend[ \t]+payments)"), "dividends-paid"),
    (re.compile(r"(?i)(?:(?:diluted|basic|forward|adjusted|adj\.|non-gaap|gaap)[ \t]+)?(?:eps|earnings[ \t]+per[ \t]+share)"),
     "earnings-per-share"),
    (re.compile(r"(?i)operating[ \t]+(?:income|profit)"), "operating-income"),
    (re.compile(r"(?i)operating[ \t]+cf"), "operating-cash-flow"),
)
#: the words a cell writes right after its amount, up to the cell's end or a bracket ("$523B RPO")
_AFTER_AMOUNT_RE = re.compile(r"[ \t]+([A-Za-z][A-Za-z &-]{1,38}?)[*_ \t]*(?:$|[(|])")
_LABEL_TRIM_RE = re.compile(r"[*_`\s]+|\s*\([^()]*\)\s*$")
#: a column or row of a company's results that a margin is of: its net income, its operating income,
#: its gross profit
_MARGIN_OF = ((re.compile(r"(?i)\bnet[ \t]+(?:income|profit|earnings|loss)\b"), "net-margin"),
              (re.compile(r"(?i)\boperating[ \t]+(?:income|profit|loss)\b|\bebit\b"), "operating-margin"),
              (re.compile(r"(?i)\bgross[ \t]+profit\b"), "gross-margin"))
_BARE_MARGIN_RE = re.compile(r"(?i)[*_ \t]*margin[ \t]*(?:%|\(%\))?[*_ \t]*")
_MARGINS = ("gross-margin", "net-margin", "operating-margin")
#: a label that names one margin: "Gross Margin", "Operating margin", "Profit Margin", "Net profit margin"
_NAMED_MARGIN_RE = re.compile(r"(?i)(?:(gross)|(operating)|net(?:[ \t]+profit)?|profit)[ \t]+margin(?:[ \t]*\(?%\)?)?")
#: a year in a column header ("2025 Capex", "FY2026E"), and a header that is a period alone or
#: its projection ("2026 Projected", "2026E", "FY2027 guidance", "2026 (est.)")
_FISCAL_YEAR_RE = re.compile(r"(?i)\b(?:fy[ \t]?)?(?:19|20)[0-9]{2}e?\b")
_PERIOD_HEAD_RE = re.compile(r"(?i)(?:fy[ \t]?)?(?:19|20)[0-9]{2}e?(?:[ \t]+(?:projected|projections?|forecasts?|guidance|"
                             r"estimated?|estimates?|est\.?|outlook|plan(?:ned)?|targets?|expected))?")
#: a row label of a share's price ("| Price |", "| Share price |", "| Last close |")
_SHARE_PRICE_LABEL_RE = re.compile(r"(?i)(?:(?:share|stock|current|last)[ \t]+)?(?:price|close)")
#: an amount of money in any currency the grammar names ("billion USD", "million GBP", "EUR")
_MONEY_UNIT_RE = re.compile(r"(?:^|[ \t])(?:" + "|".join(("USD", *FOREIGN_CURRENCIES)) + r")$")
#: a row of a company's data-centre business ("| Data Center | $5.8B | +57% |"): its segment
_SEGMENT_ROW_RE = re.compile(r"(?i)[*_ \t]*data[ \t-]?cent(?:er|re)s?[*_ \t]*")
_REVENUE_WORD_RE = re.compile(r"(?i)\brevenues?\b|\bsales\b")


def _account_label(text: str) -> str | None:
    """The property a label that is one line of a company's accounts names, or None."""
    t = _LABEL_TRIM_RE.sub(" ", text).strip()
    if not t or len(t) > 40:
        return None
    return next((pid for rx, pid in _ACCOUNT_LABELS if rx.fullmatch(t)), None)


def _share_below_zero(d: "Draft", values, idx: Index) -> bool:
    """Whether a percentage guessed a share is below zero, and so a change: a part of a whole is
    never below zero, so a percentage written with its minus sign is how much a quantity changed
    ("Nvidia stock plunged -11%", "| -20% |" of a YTD performance). The one check for prose and
    lists (:func:`_link_one`, right after the property is guessed) and for a company's tables
    (:func:`_company_table_property`, after the table's margin labels). Any value below zero
    counts, a range's low end too ("-5% to 3%")."""
    return d.property == SHARE and any(v is not None and v < 0 for v in values) \
        and _fits_property(idx, d.unit, values, "change")


def _company_table_property(f: "Found", d: "Draft", values, idx: Index) -> str | None:
    """The property of a company's figure in a table, where the table's own labels say it better
    than the words the guess went by; None to keep the guess.

    - a margin beside one of the company's results ("| Quarter | Revenue | Net income | Margin |",
      "| Operating income | $1,480M (28% margin) |"): the margin of that result;
    - a percent below zero guessed a share ("| –20% |" of a YTD performance, "-10%" under "Stock
      Drop"): no share is below zero, a change is;
    - an amount in a row or column a line of accounts alone labels ("| OCF |", "| Capex |",
      "| Enterprise value |"), the other label naming no line of its own: that line;
    - an amount in a "Data Center" row of a table of revenue ("| Segment | Q1 2026 Revenue |",
      a "Revenue" row above): the data-centre segment's revenue, no spending on data centres."""
    t = f.table
    if not (0 <= f.row < len(t.rows)) or not t.rows[f.row]:
        return None
    row = t.rows[f.row]
    label = row[0].text if f.col > 0 else ""
    col = t.column_header(f.col)
    head = col.text if col is not None else ""
    cell = row[f.col].text if f.col < len(row) else ""
    unit = d.unit
    # (a row of a category, then its line, then the amount: "| **Income (FY2025)** | Revenue |
    # $416.16B |", "| | Dividends | $15.42B |": the line, nearest the amount, labels it)
    inner = next((row[c].text for c in range(min(f.col, len(row)) - 1, 0, -1)
                  if _MARKS_BLANKS_RE.sub("", row[c].text) and not _AMOUNT_CELL_RE.fullmatch(row[c].text)), "")
    if unit == "percent":
        named = _NAMED_MARGIN_RE.fullmatch(_LABEL_TRIM_RE.sub(" ", inner or label).strip())
        if d.property in _MARGINS and named is not None:
            # "| Profit Margin | 27.6% |", "| | Operating margin | 32.0% |": the margin the label names
            # (a profit margin alone is the net margin: what is left of revenue after every cost)
            pid = "gross-margin" if named.group(1) else "operating-margin" if named.group(2) else "net-margin"
            return pid if _fits_property(idx, unit, values, pid) else None
        if d.property in _MARGINS or d.property == SHARE:
            if "argin" in cell and _BARE_MARGIN_RE.fullmatch(head) is None:
                # the cell says it is a margin: of the result its row names
                pid = next((p for rx, p in _MARGIN_OF if rx.search(label)), None)
            elif _BARE_MARGIN_RE.fullmatch(head):
                # a bare "Margin" column: of the one result another column names
                got = {p for h in t.header for rx, p in _MARGIN_OF if h is not col and rx.search(h.text)}
                pid = next(iter(got)) if len(got) == 1 else None
            else:
                pid = None
            if pid is not None and _fits_property(idx, unit, values, pid):
                return pid
        if _share_below_zero(d, values, idx):
            return "change"
        return None
    if not _MONEY_UNIT_RE.search(unit) or "/" in unit:
        return None
    am = _AFTER_AMOUNT_RE.match(cell, d.span_end - row[f.col].start) if d.span_end <= row[f.col].end else None
    if am is not None and (pid := _account_label(am.group(1))) is not None:
        # "| Oracle | — | ~$50B (+136%) | $523B RPO |" under "AI capex": the cell says what its
        # amount is, whatever the table's caption says its amounts are
        return pid if _fits_property(idx, unit, values, pid) else None
    if unit == "USD" and d.property == "valuation" and f.col > 0 \
            and _SHARE_PRICE_LABEL_RE.fullmatch(_LABEL_TRIM_RE.sub(" ", inner or label).strip()) \
            and _fits_property(idx, unit, values, "share-price"):
        # "| Price (close 2026-01-09) | $259.37 |" over "| Market cap | $3.833T |": a price in plain
        # dollars (no scale) in a row of a company's price is its share's, no valuation
        return "share-price"
    by_row = (_account_label(inner) if inner else None) or (_account_label(label) if label else None)
    by_col = _account_label(head) if head else None
    pid = by_row if by_col is None else by_col if by_row is None else None
    if pid is None and by_row is None and head and _PERIOD_HEAD_RE.fullmatch(_LABEL_TRIM_RE.sub(" ", head).strip()):
        # "| Company | 2025 Capex | 2026 Projected |": a column of a later period (a year, a
        # projection of one) beside one column of a line of accounts holds that line too
        lines = {_account_label(_FISCAL_YEAR_RE.sub(" ", h.text)) for h in t.header if h is not col}
        lines.discard(None)
        pid = next(iter(lines)) if len(lines) == 1 else None
    if pid is not None:
        return pid if _fits_property(idx, unit, values, pid) else None
    if d.property in ("capex", "investment", "compute-spend") and label and _SEGMENT_ROW_RE.fullmatch(label) \
            and (_REVENUE_WORD_RE.search(head) or _REVENUE_WORD_RE.search(t.caption or "")
                 or any(r and _REVENUE_WORD_RE.search(r[0].text) for r in t.rows)
                 or any(_REVENUE_WORD_RE.search(h.text) for h in t.header)) \
            and _fits_property(idx, unit, values, "revenue"):
        return "revenue"
    return None


def _heading_company(idx: Index, view: str, t, headings: list, alias_hits, hit_starts, memo: dict) -> str | None:
    """The organisation a table that names nothing is about, by its headings: going up the
    headings' levels from the table, the first heading that names anything names one
    organisation alone; and no cell of the table names anything but that organisation or its
    products. None otherwise (read once per table; ``memo``: link's dict of the text)."""
    got = getattr(t, "_heading_org", _UNSEEN)
    if got is not _UNSEEN:
        return got
    got = None
    bl = bisect.bisect_left
    in_table = set()
    for row in [t.header] + t.rows:
        for c, cell in enumerate(row):
            if c > 0 and _notes_column(t, c):
                continue  # ("| 2023 | $28.1 | -9% | Reality Labs pullback |": a remark, not a row's name)
            in_table.update(eid for _, _, eid in alias_hits[bl(hit_starts, cell.start):bl(hit_starts, cell.end)] if eid)
    index = _heading_index(memo, view, headings)
    for k in _headings_over(index, headings, t.start):
        pos, end = headings[k][0], index[k][3]
        line_hits = [h for h in alias_hits[bl(hit_starts, pos):bl(hit_starts, end)] if h[2]]
        named = {eid for _, _, eid in line_hits}
        if not named:
            continue
        if len(named) == 2 and len(line_hits) == 2 and _GLOSS_RE.fullmatch(view, line_hits[0][1], line_hits[1][0]):
            # "## Amazon (AWS)", "## Google (Alphabet)": the name the heading opens with, the one in
            # brackets after it a gloss of it (its arm, its parent, its ticker)
            named = {line_hits[0][2]}
        if len(named) == 1:
            org = next(iter(named))
            if idx.entity_kind.get(org) == "organisation" \
                    and all(e == org or idx.vendor_of.get(e) == org for e in in_table):
                got = org
        break
    t._heading_org = got
    return got


def _served_model(idx: Index, view: str, t, row: int, col: int, a_s: int, a_e: int, eid: str, kinds,
                  alias_hits, hit_starts) -> bool:
    """Whether the row's label (the name at ``a_s:a_e``, of ``eid``) only says who serves the model
    that a "Model" column names in the same row, for a property chiefly of models: "| Provider |
    Model | Input / 1M |" over "| **DeepInfra** | gpt-oss-120b | $0.04 |" (the model's price at
    that provider; the registry keeps the provider as a condition) or "| Google Gemini | Gemini 2.5
    Flash-Lite | $0.10 |" (the family's name over one of its models)."""
    if not kinds or kinds[0] != "model" or not eid:
        return False
    kind = idx.entity_kind.get(eid)
    if kind not in ("organisation", "model"):
        return False
    cells = t.rows[row]
    label_words = _norm(view[a_s:a_e]).split()
    for c in range(1, len(cells)):
        h = t.column_header(c)
        if c == col or h is None or not _MODEL_COLUMN_RE.fullmatch(h.text):
            continue
        k0, k1 = bisect.bisect_left(hit_starts, cells[c].start), bisect.bisect_left(hit_starts, cells[c].end)
        for m_s, m_e, m_id in alias_hits[k0:k1]:
            if not m_id or m_id == eid or idx.entity_kind.get(m_id) != "model":
                continue
            if kind == "organisation" or label_words and label_words[-1] in _norm(view[m_s:m_e]).split():
                return True
    return False


def _column_things(t, alias_hits, hit_starts) -> list:
    """The registry things each column's header names (a set a column; the first column's too)."""
    got = getattr(t, "_column_things", None)
    if got is None:
        got = []
        for h in t.header:
            k0, k1 = bisect.bisect_left(hit_starts, h.start), bisect.bisect_left(hit_starts, h.end)
            got.append({eid for _, _, eid in alias_hits[k0:k1] if eid})
        t._column_things = got
    return got


def _other_column_things(t, col: int, alias_hits, hit_starts) -> set:
    """The things the headers of the value columns other than ``col`` name, less those ``col``'s
    own header names ("| Feature | OpenAI API | Claude API | Gemini API |": for the OpenAI column,
    Gemini is another column's thing)."""
    things = _column_things(t, alias_hits, hit_starts)
    own = things[col] if 0 <= col < len(things) else set()
    out = set()
    for c in range(1, len(things)):
        if c != col:
            out |= things[c]
    return out - own


#: a label column of the providers that serve a model ("| Gateway |", "| Provider |", "| Host |")
_PROVIDER_HEAD_RE = re.compile(r"(?i)[*_ \t]*(?:(?:api|inference|cloud)[ \t]+)?(?:gateways?|providers?|hosts?|platforms?)[*_ \t]*")


def _provider_rows_of_caption_model(idx: Index, t, alias_hits, hit_starts) -> bool:
    """Whether table ``t``'s rows are the providers of one model its caption names: a label column
    headed "Gateway" or "Provider" under a caption naming one model and no other thing, and no
    column of models."""
    if not t.header or not t.caption_span or _PROVIDER_HEAD_RE.fullmatch(t.header[0].text) is None \
            or any(_MODEL_COLUMN_RE.fullmatch(h.text) for h in t.header[1:]):
        return False
    k0, k1 = bisect.bisect_left(hit_starts, t.caption_span[0]), bisect.bisect_left(hit_starts, t.caption_span[1])
    named = {eid for _, _, eid in alias_hits[k0:k1] if eid}
    return len(named) == 1 and idx.entity_kind.get(next(iter(named))) == "model"


#: a caption that sets things against each other ("OpenAI vs Claude vs Gemini APIs")
_CAPTION_VS_RE = re.compile(r"(?i)\b(?:vs\.?|versus)[ \t]")


def _transposed_comparison(t, alias_hits, hit_starts) -> bool:
    """Whether table ``t`` sets things side by side a column each under a corner that names the
    rows' features ("| Feature | OpenAI API | Claude API | Gemini API |"): two or more value
    columns whose headers name registry things."""
    if t is None or not t.header or _KEY_HEAD_RE.fullmatch(t.header[0].text) is None:
        return False
    things = _column_things(t, alias_hits, hit_starts)
    return sum(1 for c in range(1, len(things)) if things[c]) >= 2


#: a column headed by the word for models ("| Model |", "| Models |", "| LLM |")
_MODEL_COLUMN_RE = re.compile(r"(?i)[*_ \t]*(?:models?|llms?|model[ \t]+names?)[*_ \t]*")


def _investor_column_of(t) -> bool:
    """Whether table ``t`` has a column of investors (see :func:`_investor_column`)."""
    _investor_column(t, -1)
    return bool(t._investor_cols)


#: a column header's words before the name a multiple is against ("Cost vs GLM-5.2", "Speed-up versus A100")
_AGAINST_HEAD_RE = re.compile(r"(?i)\b(?:vs\.?|versus|relative[ \t]+to)[ \t]*$")


#: a memory type's registry id ("hbm3e"): values per stack, never a device's
_MEMORY_TYPE_ID_RE = re.compile(r"(?:hbm|gddr|lpddr)[0-9]?[a-z]?$")
#: a memory other than HBM named in a number's own cell ("44 GB SRAM", "24 GB GDDR6X")
_OTHER_MEMORY_RE = re.compile(r"(?i)\b(?:sram|gddr[0-9]?x?|lpddr[0-9]?x?|dram|ddr[0-9]|unified)\b")


def _entity_candidates(idx: Index, view: str, f: "Found", sent: tuple, paras: list, alias_hits, hit_starts,
                       kinds, strict, headings) -> list[_Candidate]:
    d = f.draft
    s, e = d.span_start, d.span_end
    out: list[_Candidate] = []

    def add(eid, how, base):
        if not eid:
            return
        kf = _kind_factor(idx, eid, kinds, strict)
        if kf is None and how == "table-column" and "model" in kinds and idx.entity_kind.get(eid) == "gpu" \
                and "GPU" not in d.unit:
            # "| First-gen Gaudi | Gaudi2 | A100 |" over latencies of the model the heading names: a
            # table of accelerators side by side gives each column's measure of a model's run
            # (a latency, a throughput) to its accelerator (the model is the workload they ran)
            kf = 0.5
        if kf is None and how == "table-column" and idx.entity_kind.get(eid) == "organisation" \
                and _transposed_comparison(f.table, alias_hits, hit_starts):
            # "| Feature | OpenAI API | Claude API | Gemini API |" over "| **Context Window** | 128K
            # tokens | 1M tokens |": things set side by side a column each, their features a row
            # each; a provider's column holds its offer's figures (a model's property, the
            # provider named for its API), not the figures of a model the caption names
            kf = 0.5
        if kf is None:
            return
        out.append(_Candidate(eid, how, base * kf * _TRUST[how]))

    bl = bisect.bisect_left

    def hits(lo, hi):  # the alias hits that start in [lo, hi)
        return alias_hits[bl(hit_starts, lo):bl(hit_starts, hi)]

    if f.table is not None:
        t = f.table
        col = t.column_header(f.col)
        col_named = False
        if col is not None and f.col > 0:
            for a_s, a_e, eid in hits(col.start, col.end):
                if "v" in view[col.start:a_s] and _AGAINST_HEAD_RE.search(view, col.start, a_s):
                    continue  # "| Cost vs GLM-5.2 |": the thing each row's multiple is of, not whose it is
                if f.q is not None and f.q.cur and not f.q.den \
                        and _counterparty_head(idx, view, col, a_s, a_e, eid) \
                        and _row_organisation(idx, t, f.row, alias_hits, hit_starts, eid):
                    continue  # "| Hyperscaler | Nvidia spend |": what each row's company spent with Nvidia
                add(eid, "table-column", 1.0)
                col_named = col_named or bool(eid)
        cells, attribute_row = _row_names(t, f.row, alias_hits, hit_starts)
        row_cells = t.rows[f.row]
        setup = _setup_rows(t)
        for c, count_of, cell_hits in cells:
            if c == f.col and c > 0:
                # "| CPU | AMD Ryzen 5 5600G 3.9 GHz 6-Core Processor | $209.00 |": a cell that names a
                # part and then its spec; the part named before the number in the number's own cell
                before = False
                owner = [h for h in cell_hits if h[2] and h[1] <= s and _possesses(view, h[0], h[1], s)]
                if owner and not count_of:
                    # "| Model Size | ~1.8T (GPT-4 ...; bigger than GPT-3's 175B) |": a name in the
                    # possessive right before the number owns it, not the other names of its cell
                    add(owner[-1][2], "table-row", 1.1)
                    continue
                for a_s, a_e, eid in cell_hits:
                    if a_e <= s and not count_of and not _own_thing(idx, view, a_e, eid) \
                            and not _counted(idx, view, a_s, a_e, eid, f) and not _names_amount(view, a_e, s):
                        # "| H100 SXM | $6.88/hr (AWS p5.48xlarge $55.04/hr ÷ 8) |": an instance named
                        # before an hourly rate in its cell is what the rate rents (not the row's GPU,
                        # of which it holds several); other names weigh less than the row's label
                        add(eid, "table-row", 1.1 if idx.entity_kind.get(eid) == "cloud-instance"
                            and d.unit.endswith("/hour") and "GPU" not in d.unit else 0.9)
                        before = True
                if not before and not count_of and len(cell_hits) == 1 and cell_hits[0][0] >= e and cell_hits[0][2] \
                        and _USING_RE.fullmatch(view, e, cell_hits[0][0]):
                    # "| X Premium+ Adoption | 40% using Grok |": the share of people who use the one
                    # thing the cell names after the number
                    add(cell_hits[0][2], "table-row", 0.9)
                continue
            if c > 0 and c != f.col and _reference_column(t, c):
                # "| ~2028 | ~10 GW | A small/medium US state |" under "Power reference class": a
                # thing the row's figure is set beside, not whose it is
                continue
            if c > 0 and c != f.col and _notes_column(t, c):
                # "| 2024 | ~$256B | +63% | NVIDIA AI revenue explodes |" under "| Year | Total CapEx
                # (Big 5) | YoY Growth | Notes |": a remark beside the row's figures, not whose they are
                continue
            if c == 0 and c != f.col and len(cell_hits) >= 2 and cell_hits[0][2] \
                    and "\n" in view[cell_hits[0][1]:cell_hits[1][0]] \
                    and not view[view.rfind("\n", 0, cell_hits[0][0]) + 1:cell_hits[0][0]].strip(" \t*_") \
                    and not view[cell_hits[0][1]:view.find("\n", cell_hits[0][1])].strip(" \t*_"):
                # "<div class="company-name">Stargate</div>" over "<div ...>OpenAI · SoftBank ·
                # Oracle</div>" in one label cell: the name alone on the label's first line is the
                # row's thing; the names on the lines below say who is behind it (not a figure of
                # several companies together, nor of the first of those)
                add(cell_hits[0][2], "table-row", 1.0)
                continue
            if c != f.col and len({eid for _, _, eid in cell_hits
                                   if eid and idx.entity_kind.get(eid) == "organisation"}) >= 3:
                # "| Combined MSFT / GOOGL / AMZN / META capex, year over year | $357.5B |": a figure
                # of several companies together, no one company's
                continue
            if c > 0 and _investor_column(t, c):
                # "| Series B | May 2024 | $6 billion | $24 billion | Andreessen Horowitz, ... |" under
                # "Leading Investors": who put the money in, not whose round or valuation it is
                continue
            if c == 0 and kinds and kinds[0] == "model" and cell_hits \
                    and all(idx.entity_kind.get(h[2] or "") == "organisation" for h in cell_hits) \
                    and _provider_rows_of_caption_model(idx, t, alias_hits, hit_starts):
                # "### 2.1 Meta-Llama-3.1-70B-Instruct" over "| Gateway | Prompt | Completion |" and
                # "| DeepInfra | $0.35 | $0.40 |": the section's model's price at each provider (the
                # provider is a condition), not the provider's own figure
                continue
            if setup and c > 0:
                # "| Rig | Tokens/sec | Notes |" over "| RTX 3090 workstation | 8-15 t/s | Qwen3-32B
                # |": the row is the writer's own setup; a name in another cell is what it runs
                continue
            if _model_and_hardware(idx, view, row_cells[c], cell_hits):
                # "| **B: M4 Max + Qwen3 30B** | $3,500 | $0.61 | 7.9 |": a cell that joins a model
                # and the hardware it runs on is a set-up of the article's own, neither the
                # model's nor the machine's (as when the two are in cells of their own)
                continue
            if count_of and (c > 0 or col_named):
                # "| 7B model | 2x A100 80GB | $5,000 |": what the row's thing runs on; so is a
                # row labelled by a count of GPUs under a column headed by a thing ("| 2x A100 |"
                # under "| Llama 3.1 8B |": the model's figure on two A100s)
                continue
            for a_s, a_e, eid in cell_hits:
                if a_e > s and a_s < e or _VERSIONED and (a_s, a_e, eid) in _VERSIONED:
                    continue
                if eid and _MEMORY_TYPE_ID_RE.match(eid) and (c > 0 or _OTHER_MEMORY_RE.search(view, s, t.rows[f.row][f.col].end)):
                    # "| Memory | 80 GB HBM3 | 44 GB SRAM |" under "| Spec | H100 | WSE-3 |": the memory
                    # type another column's device uses is no owner of this column's figure, nor is
                    # the row label's where the number's own cell names another memory ("SRAM")
                    continue
                if _own_thing(idx, view, a_e, eid):
                    continue  # "| RTX 4090 workstation |", "| H100 cluster |": a thing of the article's own
                if _counted(idx, view, a_s, a_e, eid, f):
                    f.grouped = True
                    continue  # "| 8x H100 (spot) | ~$26/hr |": a node of eight, a thing of the article's own
                if c == 0 and idx.entity_kind.get(eid) in ("product", "model") and eid in idx.vendor_of \
                        and _company_rows(t) and idx.entity_kind.get(idx.vendor_of[eid]) == "organisation":
                    # "| **Perplexity** | Just over $56 million |" under "| Company | 2024 Revenue |": the
                    # rows are companies, a product's name standing for its maker
                    eid = idx.vendor_of[eid]
                if c == 0 and hasattr(t, "row_variant"):
                    fam, variant = t.row_variant.get(id(t.rows[f.row]), (None, None))
                    if fam is not None and (eid == fam or idx.family.get(eid) == fam):
                        eid = variant  # "| NVIDIA A100 SXM | 80 | HBM2e |": the A100 SXM 80GB
                add(eid, "table-row", 0.7 if c == 0 and _served_model(idx, view, t, f.row, f.col, a_s, a_e, eid, kinds,
                                                                      alias_hits, hit_starts)
                    # "| Family | Model |" over "| GPT-5 | GPT-5 mini |": the first column names the
                    # group, the second the row's own thing
                    else 0.6 if c == 0 and _grouped_rows(t)
                    else 1.0 if c == 0 else 0.8)
        for eid in _joined_model_names(idx, t, f.row, f.col):
            # "| Claude | Sonnet 4 | $3/M tokens |", "| Gemini | 2.5 Pro | $0.662 |" under "| Provider |
            # Model |": the provider's cell and the model's, read as one name, are the model
            # ("Claude Sonnet 4", "Gemini 2.5 Pro"), not the bare family or maker the label names
            add(eid, "table-row", 1.1)
        joined = _joined_plan_name(idx, t, f.row, f.col)
        if joined is not None:
            # "| Claude | Pro | $20 |" under "| Tool | Tier | Monthly Cost |": the label and the
            # plan beside it, read as one name, are the product (Claude Pro), whatever the
            # column calls the amount
            add(joined, "table-row", 1.05)
        head = _group_head(view, f, alias_hits, hit_starts) if f.row > 0 else None
        if head is not None:
            # "| | Video Input | $0.00002 / second |" under "| Gemini 1.5 Flash | Image Input | ...
            # |": a row that continues a group names the thing the group's first row is labelled by
            for a_s, a_e, eid in hits(head.start, head.end):
                add(eid, "table-row", 1.0)
        if t.caption_span:
            others = _other_column_things(t, f.col, alias_hits, hit_starts) \
                if _CAPTION_VS_RE.search(view, *t.caption_span) and _transposed_comparison(t, alias_hits, hit_starts) \
                else ()
            for a_s, a_e, eid in hits(*t.caption_span):
                if eid in others:
                    # "## OpenAI vs Claude vs Gemini" over "| Feature | OpenAI API | Claude API | Gemini API
                    # |": a caption that sets the columns' things against each other names none of
                    # them for another column's cells
                    continue
                add(eid, "heading", 1.0)
        if attribute_row:
            # "| FP32 | 19.5 |" right under "the A100 specs:": the rows are attributes of
            # the thing the text above the table names
            intro = max(0, t.start - 600, (t.caption_span[1] if t.caption_span and t.caption_span[1] < t.start else 0))
            named = hits(intro, t.start)
            if not _ATTRIBUTE_LABEL_RE.search(t.rows[f.row][0].text if t.rows[f.row] else ""):
                # (a row of a "| Metric | Value |" table whose label is no spec's word: the text
                # above names one thing alone, or no guess; "Llama 3.1 405B at a glance:")
                ids = {eid for _, _, eid in named if eid}
                if len(ids - {b for e in ids for b in idx.broader.get(e, ())}) != 1:
                    named = []
            for a_s, a_e, eid in named:
                add(eid, "table-intro", 1.0 / (1.0 + (t.start - a_e) / 300.0))
    if f.q.gpu_span and d.property not in ("gpu-count",):
        for a_s, a_e, eid in hits(*f.q.gpu_span):
            add(eid, "in-unit", 1.0)
    unnamed_owner = False  # the number is in the possessive of a model the registry does not name
    if f.table is None:
        sent_lo, sent_hi, para_lo, prev_starts = sent
        versus_owner = _versus_owner(view, s, e, sent_lo, sent_hi)  # "versus 1.4 gigawatts for <name>"
        opener = True
        # "The company's rival, OpenAI, ...": the name apposed to the opening phrase is the subject
        am = _COMPANY_ANAPHOR_RE.match(view, sent_lo)
        apposed = am is not None and _apposed_company(idx, view, am, alias_hits, hit_starts)
        apposed_at = _APPOSED_RE.match(view, am.end()).end() if apposed else -1
        subject_c, last_before = None, sent_lo
        sent_hits, role_heads = _sentence_roles(idx, view, alias_hits, hit_starts, sent_lo, sent_hi)
        by_m = (_BY_OPENER_RE.match(view, sent_lo, s) or _WITH_BACKERS_OPENER_RE.match(view, sent_lo, s)) \
            if sent_hits and sent_hits[0][0] < s else None
        units = _possessed_units(idx, view, sent_hits, s)
        unit_at = -1
        for a_s, a_e, eid in sent_hits:
            if units and a_s in units:
                # "Meta's Reality Labs unit ... reported an operating loss of $4.4 billion": a
                # company in the possessive right before a company of its own (a unit, a
                # subsidiary) only says whose that one is; the unit is what the clause is about
                # (the sentence's subject where the possessor opens it)
                unit_at = units[a_s]
                continue
            if _VERSIONED and (a_s, a_e, eid) in _VERSIONED:
                if a_e <= s and (vm := _VERSION_AFTER_RE.match(view, a_e)) is not None and vm.end() <= s \
                        and _possesses(view, a_s, vm.end(), s):
                    # "4.4x more than DeepSeek V4's $0.50": the number is that other model's own,
                    # no registry thing's (not the sentence subject's)
                    unnamed_owner = True
                continue  # "Grok 2 has a 128K context": a version the registry does not name, not the family's
            if by_m is not None and a_e < by_m.end() and idx.entity_kind.get(eid) == "organisation" \
                    and not ((rm := _RELATIVE_OPEN_RE.match(view, a_e)) is not None and rm.end() < s
                             and not any(c in view[rm.end():s] for c in ",.;()\n")):
                # (but the backer's own relative clause, the number in it, is the backer's: "Backed
                # by Nvidia, which holds 6%, CoreWeave runs ...")
                continue  # "Founded by former Broadcom and Alphabet employees, Enfabrica has raised $260 million"
            if idx.entity_kind.get(eid) == "region" and _BASED_AFTER_RE.match(view, a_e) is not None:
                continue  # "the US-based chipmaker's shares": where it is, not whose the number is
            if a_s > e and idx.entity_kind.get(eid) == "organisation" and _IN_REVENUE_GAP_RE.fullmatch(view, e, a_s) \
                    and _REVENUE_AFTER_RE.match(view, a_e) and _EARN_BEFORE_RE.search(view, max(sent_lo, s - 60), s):
                continue  # "Nvidia will generate $33 billion in TSMC revenue": earned from TSMC, not TSMC's own
            if a_e > s and a_s < e:
                if a_s > f.q.start and a_e <= e and kinds and _NEW_KINDS.isdisjoint(kinds) \
                        and idx.entity_kind.get(eid, "") in kinds and not _PER_RE.search(view, f.q.start, a_s):
                    # "900M weekly active ChatGPT users": a name inside the counted noun, of a kind
                    # the property is chiefly of, is whose count it is (not "256 H100s", whose GPU
                    # count is a cluster's of the article's own; not "2.9 Wh per search query", a
                    # name in the unit's denominator)
                    add(eid, "in-unit", 1.0)
                continue
            if _own_thing(idx, view, a_e, eid):
                continue  # "the SXM configuration", "our H100 cluster": a thing of the article's own
            if _counted(idx, view, a_s, a_e, eid, f):
                f.grouped = True
                continue  # "trained on 128 A100 GPUs with 400Gbps networking": the cluster's, not the card's
            if a_e <= s:
                possessed = _possesses(view, a_s, a_e, s) or (_YARDSTICK_OWN_RE.fullmatch(view, a_e, s) is not None
                                                              or _YARDSTICK_HAS_RE.fullmatch(view, a_e, s) is not None) \
                    and _BASELINE_BEFORE_RE.search(view, max(sent_lo, a_s - 40), a_s) is not None
                bracketed = _OPEN_BRACKET_RE.fullmatch(view, a_e, s) is not None \
                    and not _YARDSTICK_BEFORE_RE.search(view, max(sent_lo, a_s - 40), a_s)
                # "RTX 4090 at ~$0.35/hr vs T4 at $0.59/hr", "T4: 2-4 hours, V100: 1.5-3 hours": a
                # name that labels the number right before it owns it, as a bracket after it does
                # (not a name a preposition leads to: "invested $3 billion in Anthropic at approximately
                # 10% equity", "Project Rainier in Indiana: 2.2 gigawatts")
                bracketed = bracketed or s - a_e <= 12 and _NAME_AT_GAP_RE.fullmatch(view, a_e, s) is not None \
                    and _PREP_BEFORE_NAME_RE.search(view, max(sent_lo, a_s - 12), a_s) is None
                if possessed or _keyed_row(view, a_s, a_e, s) or bracketed:
                    # "DeepSeek V3's 2.6M GPU hours", "H100 (700W) → B200 (1,200W)": the number is the
                    # name's own (in the possessive, or the bracket right after the name opens with it;
                    # not a yardstick's: "near parity with Claude Sonnet 4 (48.6% win rate)" is the
                    # subject's rate against it)
                    f.owner = eid
                if _earlier_numbers(view, sent_lo, a_s, a_e, s):
                    continue  # "30 tokens/s with the 65B model, and 277 tokens/s with the 7B model"
                if not possessed and d.property in _RAISED_PROPERTIES and _LED_GAP_RE.fullmatch(view, a_e, s) is not None:
                    continue  # "SoftBank led the $40 billion round, which valued OpenAI at $300 billion"
                if not possessed and d.unit != "x" and idx.entity_kind.get(eid) == "organisation" \
                        and _PAYEE_GAP_RE.fullmatch(view, a_e, s) is not None \
                        and _PAYEE_BEFORE_RE.search(view, max(sent_lo, a_s - 16), a_s) is not None:
                    continue  # "NVIDIA promised to pay CoreWeave $1.3 billion": who gets it, not whose it is
                if not possessed and not bracketed and d.property in _RAISED_PROPERTIES \
                        and not (by_m is not None and a_s == by_m.end()) \
                        and _INVESTOR_LEAD_RE.search(view, max(sent_lo, a_s - 64), a_s) is not None:
                    # "OpenAI secures $6.6 billion investment from SoftBank and others, raising
                    # valuation to $157 billion", "a funding round led by SoftBank, pushing its
                    # valuation to $300 billion", "a new funding round led by Japanese tech investment
                    # group SoftBank at a USD 300 billion valuation": who put the money in, not whose
                    # round or valuation
                    continue
                if s - a_e > 8 and (m_own := _NAME_OWN_NUMBER_RE.match(view, a_e, s)) is not None \
                        and bl(hit_starts, m_own.end()) < bl(hit_starts, s):
                    continue  # "Alphabet declined 5.3%, Meta declined 28.8%": the name before its own number
                if not possessed and not bracketed and sent_hits[0][0] < a_s \
                        and idx.entity_kind.get(eid) == "model" == idx.entity_kind.get(sent_hits[0][2]) \
                        and _EXAMPLE_OF_CLASS_RE.search(view, max(sent_lo, a_s - 40), a_s) is not None \
                        and _EXAMPLE_GAP_BREAK_RE.search(view, a_e, s) is not None:
                    continue  # "Mixtral outperforms larger models like Llama 2 70B while using only 12.9B active parameters"
                if not possessed and d.property == "valuation" and idx.entity_kind.get(eid) == "organisation" \
                        and _INVESTOR_GAP_RE.match(view, a_e, s) is not None:
                    # "NVIDIA invested $100M at $2B valuation", "Cisco investment at $23B valuation",
                    # "Cisco Systems - Strategic investor (October 2024, $650M, $23B valuation)": the
                    # investor's money went in at the valuation of the company it went into
                    continue
                if _aside(view, sent_lo, a_s, a_e, s):
                    continue  # "2,300 employees (vs OpenAI's ~7,000), and a $350 billion valuation"
                if _relative_aside(view, sent_lo, a_s, s) and _RELATIVE_OPEN_RE.match(view, a_e) is None:
                    continue  # "Microsoft, which owns a large stake in OpenAI, said its capex rose to $80 billion"
                if _participle_aside(view, sent_lo, a_s, s):
                    continue  # "The industry as a whole, led by Nvidia, shipped 3.8 million data-center GPUs"
                if _noun_aside(view, sent_lo, a_s, s, {h[1] for h in sent_hits if h[1] < a_s}):
                    continue  # "GPT-4o mini, the nearest GA option on Azure OpenAI, lists at $0.15"
                if _dash_aside(view, sent_lo, a_s, s, sent_hits):
                    continue  # "Amazon — which has not invested in OpenAI — is discussing a $50 billion stake"
                if idx.entity_kind.get(eid) in _CLASS_KINDS and (_COPULA_RE.search(view, max(sent_lo, a_s - 40), a_s)
                                                                 or _apposed_class(idx, view, sent_hits, sent_lo, a_s)):
                    continue  # "DeepSeek-V3 is a mixture-of-experts model with 671B total parameters": what it is, not whose
                dist = s - a_e
                w = 1.0 / (1.0 + dist / 80.0)
                if possessed or bracketed:
                    # "Nuclear power renaissance (CEG's $86.7B PPA pipeline)": the name in the
                    # possessive right before the number owns it, more than the sentence's opener;
                    # so does a thing whose bracket opens with the number ("The hyperscalers keep
                    # spending: Amazon ($100B), Microsoft ($80B)", "NVIDIA RTX 3060 (12GB) / RTX
                    # 4060 Ti (16GB)": the second card's memory, not the line's first card's)
                    w *= _POSSESSED_BONUS
                elif s - a_e <= 40 and idx.entity_kind.get(eid) == "organisation" \
                        and _NAME_RAISED_GAP_RE.fullmatch(view, a_e, s) is not None:
                    # "The company faces stiff competition as Anthropic recently raised $4 billion":
                    # the company whose verb of raising leads straight into the amount raised it,
                    # more than the subject a pronoun or "The company" points back to
                    w *= _POSSESSED_BONUS
                if not possessed and _OPEN_BRACKET_RE.fullmatch(view, a_e, s) is not None \
                        and _PAIR_NEXT_RE.match(view, e) is not None \
                        and _YARDSTICK_BEFORE_RE.search(view, max(sent_lo, a_s - 40), a_s) is not None:
                    # "33% cheaper input** than GPT-4o-mini ($0.10 vs $0.15)": the first of a pair
                    # set against each other in a bracket right after the yardstick is the
                    # subject's (the second, the yardstick's own, keeps it)
                    w *= 0.3
                if not possessed and idx.entity_kind.get(eid) == "organisation" \
                        and _THE_BEFORE_RE.search(view, max(sent_lo, a_s - 6), a_s) is not None \
                        and _EVENT_NAMED_RE.match(view, a_e) is not None:
                    # "Nvidia's share price climbed ... after the OpenAI announcement, raising its value to
                    # close to $4.5trn": a company that only says which announcement or deal is meant
                    # qualifies that thing; the number is the sentence's subject's
                    w *= 0.3
                if "of " in view[max(sent_lo, a_s - 8):a_s] and _TIMES_OF_RE.search(view, max(sent_lo, a_s - 48), a_s) is not None \
                        and not _possesses(view, a_s, a_e, s):
                    # "it delivers nearly 7× the performance of the RTX 4090 and over 2.5× that of
                    # the A100, achieving 5,841 tokens per second": the thing a multiple of whose
                    # measure is told is the yardstick, whatever the number after it (and even as
                    # the first name of a sentence whose subject is a pronoun)
                    add(eid, "before", w * 0.3)
                    opener = False
                    last_before = max(last_before, a_e)
                    continue
                if not opener and not kinds and _THAN_RE.search(view, max(sent_lo, a_s - 40), a_s) \
                        and not _possesses(view, a_s, a_e, s):
                    # "The H100 has 1.68x more memory bandwidth than the A100 (3,350 vs 2,000 GB/s),
                    # which gives a 1.68x latency advantage", "The 70B model only consumed 11% more
                    # power than the 8B model despite being nearly 9x larger": the baseline of a
                    # comparison before a number of no kind of thing (a ratio, a change), as after
                    # it, is not what the number is of (but "even steeper than Meta's 28% decline":
                    # the number the name owns is its own; a figure of a kind of thing keeps its
                    # nearer name: on dev-A, 2 more of those went wrong than right)
                    w *= 0.3
                if d.unit == "x" and idx.entity_kind.get(eid) == "organisation" and _CLAIMER_RE.match(view, a_e, s):
                    # "Nvidia claims 30x higher than A100s", "NVIDIA's claims of up to 30x": the
                    # company is who says it; a multiple it claims (a speed-up) compares its
                    # products, the one under discussion ("Microsoft claim that their data
                    # centers have a PUE of 1.2" stays the company's own)
                    eid = _claimed_product(idx, view, eid, a_s, alias_hits, hit_starts) or eid
                if not possessed and "ed " in view[max(sent_lo, a_s - 40):a_s] \
                        and _BASELINE_BEFORE_RE.search(view, max(sent_lo, a_s - 40), a_s):
                    # "Compared to the original BERT model, it retains 97%", "Based on Qwen 2.5
                    # architecture with GQA (28 query heads": the yardstick or the base a thing is
                    # set against or built from, named before the number, is not what the number
                    # is of (whatever kind the property expects, and even as the sentence's opener);
                    # but the yardstick in the possessive right before the number owns it ("80GB,
                    # compared to the H200's 141GB", "compared to o1's `39.4s`")
                    w *= 0.3
                    add(eid, "before", w)
                    opener = False
                    last_before = max(last_before, a_e)
                    continue
                # "..., with Alphabet raising its full-year capex forecast to $85 billion": the
                # company "with" opens a clause on, its participle after it, is that clause's subject
                with_subject = idx.entity_kind.get(eid) == "organisation" and _ING_AFTER_RE.match(view, a_e) is not None \
                    and _WITH_SUBJECT_BEFORE_RE.search(view, max(sent_lo, a_s - 8), a_s) is not None
                # "Amazon invested $4 billion in Anthropic, which in turn committed to spend $100
                # billion on AWS": a company whose own relative clause holds the number is that
                # clause's subject, even where it is the object of the clause before
                with_subject = with_subject or idx.entity_kind.get(eid) == "organisation" \
                    and _RELATIVE_OPEN_RE.match(view, a_e) is not None and not any(c in view[a_e + 1:s] for c in ",.;()\n")
                if not opener and not possessed and not with_subject and idx.entity_kind.get(eid) == "organisation" \
                        and not (view.startswith(("'s", "’s"), a_e) or view.endswith(("'s", "’s"), a_s, a_e)) \
                        and _OBJECT_BEFORE_RE.search(view, max(sent_lo, a_s - 64), a_s) is not None \
                        and not _OBJECT_CLAUSE_END_RE.search(view, a_e, s):
                    # "Oracle said demand from OpenAI and Meta lifted its cloud revenue to $7.2
                    # billion", "Microsoft has expanded its partnership with OpenAI with an additional
                    # $10 billion investment": a company named as the object of a preposition (the
                    # customer, the partner, the investee), after the clause's subject, is what the
                    # subject deals with, not whose number it is (not a name in the possessive:
                    # "a $14 billion deal with CoreWeave, and CoreWeave's backlog swelled to ...")
                    w *= 0.5
                    if d.property in _RAISED_PROPERTIES and idx.entity_kind.get(eid) == "organisation" \
                            and _INVESTED_IN_BEFORE_RE.search(view, max(sent_lo, a_s - 64), a_s) is not None:
                        # "Nvidia invested for the third time in Mistral AI, ..., during a €1.7
                        # billion Series C, valuing the company at $13.5 billion": the round and the
                        # valuation are the company money went into, not the investor's
                        w *= 2.0 * _POSSESSED_BONUS
                clause_subject = not opener and (with_subject or _CLAUSE_OPEN_BEFORE_RE.search(view, max(sent_lo, a_s - 16), a_s) is not None
                                                 or _REPORTED_BEFORE_RE.search(view, max(sent_lo, a_s - 40), a_s) is not None) \
                    and not _NEW_CLAUSE_RE.search(view, a_e, s)
                if clause_subject or opener and (_OPENER_RE.fullmatch(view, sent_lo, a_s) or a_s == apposed_at or a_s in role_heads
                                                 or a_s == unit_at
                                                 or by_m is not None and a_s == by_m.end()
                                                 or _INTRO_OPENER_RE.fullmatch(view, sent_lo, a_s) is not None
                                                 and idx.entity_kind.get(eid) == "organisation"
                                                 and not (kinds and kinds[0] in _NEW_KINDS)) \
                        and not _NEW_CLAUSE_RE.search(view, a_e, s):
                    # the thing a sentence opens with is its subject, what its numbers are about
                    # more than a thing named nearer in an object or an aside ("Nvidia, a key
                    # supplier to OpenAI, holds a 7% stake"), as in the sentence before; not past
                    # a clause with a subject of its own ("...; the PCIe version draws 350 W"), whose
                    # subject is so for the numbers of that clause ("Alphabet spent $52 billion,
                    # whereas Meta, ..., spent $39 billion")
                    w *= _SUBJECT_BONUS
                    if (view.startswith(("'s", "’s"), a_e) or view.endswith(("'s", "’s"), a_s, a_e)) \
                            and _OWNED_MEASURE_RE.fullmatch(view, a_e, s) is not None:
                        # "OpenAI’s inference spend with Microsoft Azure between CY2024 and Q3 CY2025
                        # was $12.43 billion": the subject in the possessive, its measure said to be
                        # the number by a verb of being, owns it over names in the measure's phrase
                        w *= _POSSESSED_BONUS
                    n_out = len(out)
                    add(eid, "before", w)
                    subject_c = out[-1] if len(out) > n_out else None
                else:
                    add(eid, "before", w)
                opener = False
                last_before = max(last_before, a_e)
            else:
                if _VERB_BETWEEN_RE.search(view, e, a_s):
                    continue  # "16 of those sites are in Virginia": what is said of the number's thing
                if "but" in view[e:a_s] and _BUT_PERSON_GAP_RE.search(view, e, a_s):
                    continue  # "$7-12 million per MW ..., but now you need to accommodate ... liquid cooling"
                if _NEXT_CLAUSE_GAP_RE.search(view, max(e, a_s - 12), a_s) is not None \
                        and _SUBJECT_VERB_AFTER_RE.match(view, a_e) is not None:
                    continue  # "Blue Owl provided around $7bn in cash, and Meta secured ...": the next clause's subject
                if _owns_next(view, a_s, a_e, sent_hi) or _listed_own(view, a_s, a_e, sent_hi):
                    continue  # "a $350 billion valuation to OpenAI's $830 billion": the other number's
                if view.startswith(",", e) and _IN_RELATIVE_RE.search(view, max(sent_lo, s - 60), s) is not None:
                    continue  # "Backed by Nvidia, which holds 6%, CoreWeave runs ...": the clause's, not the next subject's
                if a_s - e <= 6 and _LIST_SEP_RE.fullmatch(view, e, a_s) and _NAMED_NUMBER_RE.match(view, a_e, sent_hi):
                    continue  # "Microsoft and Google will likely do $50B+, AWS and Meta $40B+": the next item's
                if d.unit != "x" and idx.entity_kind.get(eid) == "organisation" \
                        and (_INVESTOR_AFTER_RE.search(view, max(e, a_s - 64), a_s) is not None
                             or (_WITH_NAMES_BEFORE_RE.search(view, max(e, a_s - 64), a_s) is not None
                                 and _PARTICIPATING_AFTER_RE.match(view, a_e) is not None)):
                    continue  # "raised a $1.1 billion Series B led by Aker, with Nvidia participating": its investors
                if d.unit == "percent" and idx.entity_kind.get(eid) == "organisation" \
                        and (view.startswith(("'s", "’s"), a_e) or view.endswith(("'s", "’s"), a_s, a_e)) \
                        and _EVAL_OWNER_AFTER_RE.match(view, a_e) is not None:
                    # "Solves 64% of problems on Anthropic's internal agentic coding evaluation": the
                    # company that runs the evaluation, not the model scored on it
                    continue
                if _CITATION_GAP_RE.fullmatch(view, e, a_s) is not None and _CITATION_END_RE.match(view, a_e) is not None:
                    # "* Output: **$75** ([Anthropic][2], [LaoZhang AI][3])", "**$10** ([OpenAI][5])":
                    # a name in a bracketed group of numbered reference links after the number is
                    # a source the figure is cited from, not its thing (an inline link there,
                    # "312 TFLOPS ([A100](https://...datasheet.pdf))", may name the thing itself)
                    continue
                if a_s - e <= 80 and _RIVAL_AMOUNT_FOR_RE.search(view, e, a_s):
                    # "Kimi K2.6 ran at $1.71 per million tokens versus $11.25 for GPT-5.5": the name
                    # after the rival's amount is the rival's, not the thing of the number before
                    continue
                dist = a_s - e
                w = 1.0 / (1.0 + dist / 80.0)
                if d.unit == "x" and view.startswith(" for ", e) and a_s - e <= 9 and _FOR_NAME_RE.fullmatch(view, e, a_s):
                    w *= 2.0  # "paying 4.3x for Opus or 12.9x for Fable 5": the name after "for" owns the multiple
                elif d.unit != "x" and a_s == versus_owner:
                    # "OpenAI told investors it had 1.9 gigawatts of computing capacity in 2025, versus
                    # 1.4 gigawatts for Anthropic": the figure set against the sentence's, the name
                    # after "for" is whose it is (as a possessive before it would be), not who got the
                    # money ("spent $80 billion, against $60 billion for Meta": Meta's spending)
                    w *= 1.4 * _POSSESSED_BONUS
                    f.owner = f.owner or eid
                elif d.unit == "x":
                    w *= 0.3  # "10x a web search", "2.6x more on Llama 2": the baseline or the workload
                elif _COUNTERPARTY_RE.search(view, max(e, a_s - 16), a_s) \
                        and _SPEND_BEFORE_RE.search(view, max(sent_lo, s - 48), s):
                    continue  # "OpenAI spent $8.7 billion on Microsoft Azure": who got the money, not who spent it
                elif a_s - e <= 24 and _FROM_BACKER_GAP_RE.fullmatch(view, e, a_s) is not None \
                        and (_RAISED_BEFORE_RE.search(view, max(sent_lo, s - 48), s) is not None
                             or d.property == "funding-round" and _ROUND_BEFORE_RE.search(view, max(sent_lo, s - 48), s) is not None):
                    # (or the round is named before the amount: "Series B funding, $200M from NVIDIA")
                    continue  # "Anthropic recently raised $4 billion from Amazon": who gave the money, not who raised it
                elif a_s - e <= 12 and _JOINED_GAP_RE.fullmatch(view, e, a_s) is not None \
                        and _OWN_FIGURE_AFTER_RE.match(view, a_e, sent_hi) is not None \
                        and any(h[1] <= s for h in hits(sent_lo, s)):
                    # "after Q4 revenue of $213.4 billion and AWS growth of 24% to $35.6 billion": a
                    # name opening the next item of a coordination, with a figure of its own, is
                    # that figure's, not the amount's before it (whose thing is named earlier)
                    w *= 0.3
                elif _DEAL_NAMED_RE.match(view, a_e) is not None and _THE_BEFORE_RE.search(view, max(e, a_s - 8), a_s):
                    # "its existing data centre revenue in fiscal 2025 was $10.3 billion, making the
                    # OpenAI agreement nearly triple in scale": a name after the number that only
                    # says which deal is meant qualifies the deal, a thing of its own
                    w *= 0.3
                elif d.property == "investment" and a_s - e <= 24 and _BET_NAME_AFTER_RE.match(view, a_e) is not None \
                        and not view[e:a_s].strip(" \t*_") and any(h[1] <= s for h in hits(sent_lo, s)):
                    # "What Nvidia's stunning $5 billion Intel bet means": the name written between an
                    # amount and its bet or stake is the company bet on, the investor named before
                    continue
                elif d.property == "investment" and _INVESTEE_BEFORE_RE.search(view, max(e, a_s - 24), a_s):
                    # "the company has stepped up with $3 billion additional investments to get a 10
                    # percent stake in Anthropic": money invested is the investor's (the investee is
                    # its condition), not the company it goes into
                    continue
                elif d.unit == "percent" and _WHOLE_RE.match(view, e, a_s) \
                        and any(h[1] <= s for h in hits(sent_lo, s)):
                    w *= 0.3  # "China used 25% of global data-centre power": the whole, not the part
                elif _PREP_RE.search(view, max(e, a_s - 16), a_s) or dist <= 3:
                    w *= 1.4  # "$2.49/hour for PCIe", "$4.25/hour PCIe"
                elif _THAN_RE.search(view, max(e, a_s - 40), a_s) or _YARDSTICK_RE.search(view, max(e, a_s - 40), a_s) \
                        or _OUTDONE_CUE_RE.search(view, max(e, a_s - 60), a_s) is not None \
                        and (_OUTDONE_RE.search(view, max(e, a_s - 40), a_s) or _OUTDONE_LIST_RE.search(view, max(e, a_s - 60), a_s)):
                    w *= 0.3  # "3.5x better than Ampere": the baseline, not the subject; so too
                    # a yardstick ("945 TWh (2030), equal to Japan's total consumption")
                add(eid, "after", w)
        if subject_c is not None and last_before < s and _CLAUSE_PRONOUN_RE.search(view, last_before, s):
            # "Mixtral has a similar architecture to Mistral 7B, but comes with a twist: it's
            # actually 8 expert models in one": a clause whose subject is a pronoun, after the
            # names nearer the number, is about the sentence's subject
            subject_c.score *= _PRONOUN_BONUS / _SUBJECT_BONUS
        # "In 2025 alone, it completed 67 deals": a sentence whose subject is a pronoun is about
        # what the sentence before opened with, more than what either names later
        pronoun = _PRONOUN_OPENER_RE.match(view, sent_lo) is not None or _POINTED_RE.match(view, sent_lo) is not None
        for back, (lo, hi) in enumerate(prev_starts if not apposed else ()):
            if lo < para_lo:
                break
            first = True
            # (a sentence before that opens with a pronoun, its opening phrase naming nothing, not
            # a list item: where its names start, they are no subject; see below)
            roles = _sentence_roles(idx, view, alias_hits, hit_starts, lo, hi)[0]
            pm = _PRONOUN_OPENER_RE.match(view, lo) if roles else None
            pron_end = pm.end() if pm is not None and not any(h[2] for h in hits(lo, pm.end())) \
                and not _LIST_LINE_RE.match(view, view.rfind("\n", 0, lo + 1) + 1) else None
            for a_s, a_e, eid in roles:
                if _own_thing(idx, view, a_e, eid):
                    continue
                if d.property in _RESULTS_PROPERTIES and _STOCK_MARKET_AFTER_RE.match(view, a_e) is not None \
                        and idx.entity_kind.get(eid) != "organisation":
                    # "Its rally lifted the US stock market. Remaining performance obligations rose
                    # to $455 billion": a country naming a stock market is no owner of a company's
                    # results told the sentence after
                    continue
                if _counted(idx, view, a_s, a_e, eid, f):
                    f.grouped = True
                    continue
                if not first and (_owns_next(view, a_s, a_e, hi) or _aside(view, lo, a_s, a_e, hi)):
                    # "Anthropic has ... a $350 billion valuation to OpenAI's $830 billion. Revenue
                    # was ...": a name with a number of its own (in the possessive, or in an aside)
                    # is that number's thing, not what the sentence, or the next one, is about
                    continue
                # the thing a sentence opens with is what it is about more than what it names
                # later ("OpenAI spent $8.7 billion on Microsoft Azure. Full-year revenue hit ...")
                w = (0.8 if back == 0 else 0.6) / (1.0 + (s - a_e) / 400.0)
                if "ed " in view[max(lo, a_s - 40):a_s] and _BASELINE_BEFORE_RE.search(view, max(lo, a_s - 40), a_s):
                    # "Based on Qwen 2.5 architecture ...": the base, not the subject (nor is a name
                    # after it in the same phrase: "when compared with OpenAI's 175B GPT-3")
                    add(eid, "previous", w * 0.3)
                    first = False
                    continue
                if pron_end is not None and a_s >= pron_end:
                    # "The RTX 5090 dramatically improves latency ... It reduces latency by up to
                    # 9.6× over the RTX 4090 ... For throughput, it delivers nearly 7×": a sentence
                    # before whose subject is itself a pronoun names only what it compares or acts
                    # on; the subject it points back to is the one the sentence before it names
                    # (not so where its opening phrase names it: "Every time you use an AI chatbot
                    # like ChatGPT, it uses electricity:", nor in a list item, whose pronoun points
                    # to what the list is about, as the next item's does: "1. They have ... 2. They
                    # have a large amount of compute (A100: 312 TFLOPS ...)")
                    add(eid, "previous", w * 0.3)
                    continue
                w *= (_PRONOUN_BONUS if pronoun else _SUBJECT_BONUS) if first else 1.0
                first = False
                add(eid, "previous", w)
        if not out:
            m = _NEXT_DEFINES_RE.match(view, e, min(len(view), sent_hi + 160))
            if m is not None and m.start(1) >= sent_hi:
                # "The answer starts with a single number: 1,200 watts. That's the thermal design
                # power of Nvidia's B200 GPU": a number that ends its sentence, named by nothing
                # before it, is what the next sentence says it is of
                for a_s, a_e, eid in hits(m.end(1), m.end()):
                    add(eid, "after", 1.0)
                    f.defined = True
    hk = bisect.bisect_right(headings, (s, "\uffff")) - 1
    if hk >= 0 and f.table is None:
        h_s = headings[hk][0]
        h_e = view.find("\n", h_s)
        prev_e, prev_eid = -1, None
        for a_s, a_e, eid in hits(h_s, h_e if h_e >= 0 else len(view)):
            if not _bracketed_after(view, prev_e, a_s):
                add(eid, "heading", 1.0)
            elif eid in idx.broader.get(prev_eid, ()):
                # "### GPT-4o (OpenAI)": the bracket names the maker, what the name before it
                # belongs to, not what it is precisely: the section is the model's
                add(eid, "heading", 1.0 / _HEADING_BRACKET_WEIGHT)
            else:
                add(eid, "heading", _HEADING_BRACKET_WEIGHT)
            prev_e, prev_eid = a_e, eid
    if unnamed_owner:
        return []
    # the subject of a "than" comparison stays down-weighted; keep the best per entity
    best: dict = {}
    for c in out:
        if c.eid not in best or c.score > best[c.eid].score:
            best[c.eid] = c
    ranked = sorted(best.values(), key=lambda c: -c.score)
    if len(ranked) > 1 and ranked[0].how in _NARROWER_HOWS:
        # a row (or a clause) that names a thing and what names it more broadly ("| **OpenAI** |
        # GPT-4o | $2.50 |", its vendor; "H100" and "H100 SXM", its family) is the narrower
        # thing's: the broader name groups the rows or qualifies the name
        top = ranked[0]
        narrower = next((c for c in ranked[1:] if c.how == top.how and top.eid in idx.broader.get(c.eid, ())), None)
        if narrower is not None:
            ranked.remove(narrower)
            ranked.insert(0, narrower)
    return ranked


#: a name made an adjective by a participle joined to it ("Amazon-backed", "Nvidia-owned")
_BACKED_AFTER_RE = re.compile(r"(?i)(?:['’]s)?-(?:backed|owned|funded|controlled|supported|affiliated|financed)\b")
#: a name before a noun of the role another thing plays towards it ("Google parent", "Nvidia's
#: rival", "ChatGPT maker", "Claude-maker"), then an optional comma
_ROLE_AFTER_RE = re.compile(r"(?:['’]s)?(?:[ \t]+|-)(?:arch-?)?(?P<r>parent(?:[ \t]+company)?|owner|maker|developer|creator"
                            r"|rival|competitor|partner|supplier|backer|investor|subsidiary)(?![\w-])[ \t]*,?[ \t]*")
_MAKER_ROLES = frozenset({"maker", "developer", "creator", "owner"})
#: between a company and the phrase set after it by a comma: ", " (and "Inc." or the like)
_APPOSED_GAP_RE = re.compile(r"(?:,?[ \t]+(?:Inc|Corp|Ltd|Co|plc)\.?)?,[ \t]+(?:the[ \t]+)?")
#: a name's possessive, up to two words that qualify (not a number), a noun of a role another
#: company plays towards the named one, and the comma (or dash, bracket) that closes the phrase:
#: "'s parent company,", "'s largest investor,", "'s chief rival —"
_APPOSED_ROLE_RE = re.compile(r"(?:['’]s)?[ \t]+(?:[a-z][a-z-]*[ \t]+){0,2}?(?:parent(?:[ \t]+company)?|owner|maker|developer"
                              r"|creator|rival|competitor|partner|supplier|backer|investor|shareholder|customer"
                              r"|subsidiary|unit|arm|division|spin-?off|affiliate)s?[ \t]*(?:,|[\u2013\u2014)]|\s-\s)")
_THE_BEFORE_RE = re.compile(r"(?i)\bthe[ \t]+$")


#: a clause's opening before its subject: "; ", "while ", "whereas ", "but " (and an article)
_CLAUSE_OPEN_BEFORE_RE = re.compile(r"(?:;|\b(?:while|whereas|but)\b,?)\s+(?:the\s+)?$", re.I)
#: a verb that reports what someone said, before the subject of the clause it reports ("OpenAI
#: later said Stargate is targeting a 10 gigawatt buildout", "Nvidia told investors that Meta ...")
_REPORTED_BEFORE_RE = re.compile(r"\b(?:said|says|told(?:[ \t]+[a-z]+){1,2}?|noted|added|argued|estimated|believes|expects)"
                                 r"[ \t]+(?:that[ \t]+)?(?:the[ \t]+)?$")
#: a preposition that makes the name after it an object (a party dealt with, not the subject):
#: "with OpenAI", "in Anthropic", "from Microsoft", "to Nvidia", "by SoftBank", "on Azure"
_OBJECT_BEFORE_RE = re.compile(r"\b(?:with|in|into|from|to|by|against|on)\s+(?:the\s+|its\s+|their\s+)?"
                               r"(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)){0,3}$")
#: a verb of investing and its preposition before the company money goes into: "invested for the
#: third time in ", "backed ... by investing in ", "invests into "
_INVESTED_IN_BEFORE_RE = re.compile(r"\binvest(?:ed|s|ing)?[ \t]+(?:[\w'’-]+[ \t]+){0,5}?(?:in|into)[ \t]+(?:the[ \t]+)?$")
#: what ends the clause an object is named in before a number: a new clause, a dash, a participle
#: that draws a conclusion ("... from OpenAI — implying revenues of at least $2.469 billion")
_OBJECT_CLAUSE_END_RE = re.compile(r";|[\u2013\u2014]|\s-\s|\b(?:while|whereas|implying|meaning|suggesting|which)\b")
#: a relative clause opened after a comma: ", which ", ", who "
_RELATIVE_OPEN_RE = re.compile(r",\s+(?:which|who|whose)\b")
# a number that closes a relative clause ("Backed by Nvidia, which holds 6%, CoreWeave ..."): the
# clause, up to the number, a few words after its "which" or "who"
_IN_RELATIVE_RE = re.compile(r",\s+(?:which|who)\s+(?:[^\s,;.()]+\s+){1,4}(?:[~≈][ \t]?)?$")


# after a company in another's possessive, a word that makes it a deal's counterparty, not a unit of
# the possessor ("OpenAI's Microsoft deal", "Nvidia's OpenAI stake")
_UNIT_DEAL_AFTER_RE = re.compile(r"[ \t]+(?:deal|agreement|contract|partnership|pact|commitment|stake|investment|bet|holding)s?\b")


def _possessed_units(idx: "Index", view: str, hits: list, s: int) -> dict:
    """The companies before the number at ``s`` in the possessive right before another company
    ("Meta's Reality Labs", "Amazon's AWS"), each mapped to where that other one starts."""
    out = {}
    for (p_s, p_e, p_id), (u_s, u_e, u_id) in zip(hits, hits[1:]):
        if u_e <= s and p_id and u_id and p_id != u_id \
                and (u_s == p_e + 3 and view.startswith(("'s ", "’s "), p_e)
                     or u_s == p_e + 1 and view.endswith(("'s", "’s"), p_s, p_e) and view[p_e] == " ") \
                and idx.entity_kind.get(p_id) == "organisation" == idx.entity_kind.get(u_id) \
                and _UNIT_DEAL_AFTER_RE.match(view, u_e) is None:
            out[p_s] = u_s
    return out


def _relative_aside(view: str, lo: int, a_s: int, s: int) -> bool:
    """Whether a name before a number sits in a relative clause that a comma opens and another
    closes before the number ("Microsoft, which owns a large stake in OpenAI, said its capex rose
    to $80 billion"): what the clause says of the name before it, not the number's thing."""
    k = view.rfind(",", lo, a_s)
    while k >= 0 and _RELATIVE_OPEN_RE.match(view, k) is None:
        k = view.rfind(",", lo, k)
    if k < 0 or "\n" in view[k:a_s]:
        return False
    close = view.find(",", a_s, s)
    return close >= 0 and not any(c in view[k:close] for c in ".;()\n")


#: a phrase a comma opens on a participle of making or backing and its "by", or on "including" /
#: "such as": ", led by Nvidia,", ", built by Crusoe for Oracle,", ", including Microsoft and Meta,"
_PARTICIPLE_OPEN_RE = re.compile(r",[ \t]+(?:(?:co-?)?(?:led|built|backed|owned|run|operated|founded|funded|financed|developed"
                                 r"|made|designed|supplied|acquired|controlled)[ \t]+(?:[a-z]+[ \t]+)?by|including|such[ \t]+as)\b")


def _participle_aside(view: str, lo: int, a_s: int, s: int) -> bool:
    """Whether a name before a number sits in a phrase a comma opens on a participle and its agent
    ("The industry as a whole, led by Nvidia, shipped 3.8 million GPUs", "The Abilene campus, built
    by Crusoe for Oracle, will draw 1.2 GW") or on "including", another comma closing it before the
    number, with no number of its own: who made, backs or belongs to the thing the sentence is
    about, not that thing."""
    k = view.rfind(",", lo, a_s)
    while k >= 0 and _PARTICIPLE_OPEN_RE.match(view, k) is None:
        k = view.rfind(",", lo, k)
    if k < 0 or "\n" in view[k:a_s]:
        return False
    close = view.find(",", a_s, s)
    return close >= 0 and not any(c in view[k:close] for c in ".;()\n") and not _CLAUSE_NUMBER_RE.search(view, k, close) \
        and _RELATIVE_OPEN_RE.match(view, close) is None  # (not "including Amazon, which has invested $8 billion")


#: a sentence that opens with a name alone, its words capitalised or numbers ("Jamba 1.5 Large")
_OPENING_NAME_RE = re.compile(r"[*_\s]*[A-Z][\w.+-]*(?:[ \t]+[A-Z0-9][\w.+-]*){0,4}[*_]*")
#: an appositive a comma opens right after a name: ", the ", ", a ", ", its "
_APPOSITIVE_OPEN_RE = re.compile(r",[ \t]+(?:the|an?|its|their|one[ \t]+of)[ \t]")


def _noun_aside(view: str, lo: int, a_s: int, s: int, hit_ends: set) -> bool:
    """Whether a name before a number sits in an appositive that a comma opens right after another
    name (a registry thing's, or the sentence's opening name) and another comma closes before the
    number ("Jamba 1.5 Large, the newest model on Amazon Bedrock, costs $2 per million input
    tokens"): what the phrase says of the name before it, not the number's thing."""
    k = view.rfind(",", lo, a_s)
    if k < 0 or _APPOSITIVE_OPEN_RE.match(view, k) is None or "\n" in view[k:a_s] \
            or not (k in hit_ends or _OPENING_NAME_RE.fullmatch(view, lo, k)):
        return False
    close = view.find(",", a_s, s)
    return close >= 0 and not any(c in view[k + 1:close] for c in ".;()\n") and not _CLAUSE_NUMBER_RE.search(view, k, close)


_CLASS_OF_KIND = {"model-class": "model", "gpu-class": "gpu"}


def _apposed_name(idx: "Index", view: str, alias_hits: list, hit_starts: list, lo: int, at: int, cls: str) -> str | None:
    """The thing whose appositive the class ``cls`` stands in, where the class is the last name
    before ``at`` in its sentence and an appositive a comma opens right after a thing of the class's
    kind holds it ("DeepSeek-V3, a strong Mixture-of-Experts (MoE) language model with 671B"):
    that thing (the class says what it is), else None."""
    kind = _CLASS_OF_KIND.get(idx.entity_kind.get(cls, ""))
    k = bisect.bisect_left(hit_starts, at) - 1
    if kind is None or k < 1 or alias_hits[k][2] != cls or alias_hits[k][0] < lo:
        return None
    for j in range(k - 1, -1, -1):
        s, e, eid = alias_hits[j]
        if s < lo:
            return None
        if eid == cls:
            continue  # "Mixture-of-Experts (MoE)": the class's name twice
        if not eid or idx.entity_kind.get(eid) != kind:
            return None
        m = _APPOSITIVE_OPEN_RE.match(view, e)
        if m is None or any(c in view[m.end():alias_hits[k][0]] for c in ",.;:\n"):
            return None
        return eid
    return None


#: a dash that opens or closes an aside: " — ", " – ", " -- " (spaced), or an em dash set solid
_DASH_RE = re.compile(r"[ \t]+(?:—|–|--)[ \t]+|—")


def _dash_aside(view: str, lo: int, a_s: int, s: int, hits: list) -> bool:
    """Whether a name before a number sits between two dashes that close before the number, the
    first right after another name, with no number of its own between ("Amazon — which has not
    previously invested in OpenAI — is discussing a stake that could reach $50 billion"): an aside
    on the name before it, not the number's thing (not after a thing of the article's own: "The
    data center segment — which is basically the Nvidia today — delivered $62.3 billion" says
    whose the segment is)."""
    if view.find("—", lo, s) < 0 and view.find("–", lo, s) < 0 and view.find("--", lo, s) < 0:
        return False
    opened = None
    for m in _DASH_RE.finditer(view, lo, a_s):
        opened = m
    if opened is None:
        return False
    close = _DASH_RE.search(view, a_s, s)
    if close is None or opened.start() <= lo or not any(h[1] == opened.start() for h in hits):
        return False
    inner = view[opened.end():close.start()]
    return not any(c in inner for c in ".;()\n") and not _CLAUSE_NUMBER_RE.search(inner) \
        and _DASH_RE.search(view, opened.end(), a_s) is None


#: a number inside the phrase, not a digit of a name (an appositive holding a figure is no aside:
#: "Nvidia, a $3 trillion company,"; "The H100, the successor to the A100," is)
_CLAUSE_NUMBER_RE = re.compile(r"(?<![\w.-])[0-9]")


# a sentence's names as its numbers read them (_sentence_roles), once for all its numbers and the
# sentences after it that look back to it (cleared by link for each text)
_ROLES_MEMO: dict = {}


def _sentence_roles(idx: "Index", view: str, alias_hits: list, hit_starts: list, lo: int, hi: int) -> tuple[list, set]:
    """:func:`_role_names` of the sentence ``view[lo:hi]``'s alias hits, lists of companies taken
    as one (:func:`_grouped`); the answer is shared: never changed by the caller."""
    key = (lo, hi)
    hit = _ROLES_MEMO.get(key)
    if hit is not None and hit[0] is alias_hits and hit[1] is view and hit[2] is idx:
        return hit[3]
    bl = bisect.bisect_left
    got = _role_names(idx, view, _grouped(idx, view, alias_hits[bl(hit_starts, lo):bl(hit_starts, hi)]), lo)
    _ROLES_MEMO[key] = (alias_hits, view, idx, got)
    return got


def _role_names(idx: "Index", view: str, hits: list, lo: int) -> tuple[list, set]:
    """A sentence's alias hits less the names that only qualify another ("Amazon-backed Anthropic",
    "Google parent Alphabet", "Nvidia rival AMD", "ChatGPT maker OpenAI"): the phrase is about the
    name it ends with, the one its number belongs to; and with "the ChatGPT maker" (a maker's
    role, no name after it) read as the product's maker. Returns the hits kept and the starts of
    the names such a phrase ends with where the phrase opens the text at ``lo`` (a sentence that
    opens with the phrase opens with them)."""
    out, heads = [], set()
    for k, (a_s, a_e, eid) in enumerate(hits):
        nxt = hits[k + 1] if k + 1 < len(hits) else None
        if k > 0 and idx.entity_kind.get(hits[k - 1][2] or "") == "organisation" \
                and _APPOSED_GAP_RE.fullmatch(view, hits[k - 1][1], a_s) is not None \
                and (view.startswith(("'s", "’s"), a_e) or view.endswith(("'s", "’s"), a_s, a_e)) \
                and _APPOSED_ROLE_RE.match(view, a_e) is not None:
            # "Shares in Alphabet, Google's parent company, have fallen by 4.2%", "Microsoft,
            # OpenAI's largest investor, saw its stock jump": a phrase set between commas after a
            # company, naming it by the role it plays towards another, is about the company it
            # follows; the name in the possessive only says towards whom
            continue
        if _BACKED_AFTER_RE.match(view, a_e) is not None:
            m = _BACKED_AFTER_RE.match(view, a_e)
            if nxt is not None and view[m.end():nxt[0]].isspace() \
                    and (a_s in heads or _OPENER_RE.fullmatch(view, lo, a_s)):
                heads.add(nxt[0])
            continue  # "Amazon-backed Anthropic raised $4 billion": the backer qualifies, not owns
        m = _ROLE_AFTER_RE.match(view, a_e)
        if m is not None:
            if nxt is not None and nxt[0] == m.end() and idx.entity_kind.get(nxt[2] or "") == "organisation":
                if a_s in heads or _OPENER_RE.fullmatch(view, lo, a_s):
                    heads.add(nxt[0])
                continue  # "Google parent Alphabet reported $80 billion": Alphabet's
            role = m.group("r")
            if _THE_BEFORE_RE.search(view, max(0, a_s - 8), a_s) is not None:
                maker = idx.vendor_of.get(eid) if role in _MAKER_ROLES else None
                if maker and idx.entity_kind.get(maker) == "organisation":
                    out.append((a_s, a_e, maker))  # "the ChatGPT maker": OpenAI
                continue  # "the Claude maker's rival", "the Google parent": not the name's own
        out.append((a_s, a_e, eid))
    return out, heads


_FOR_NAME_RE = re.compile(r" for (?:the )?")
#: after a figure set against another (:data:`_VERSUS`), the rest of its unit and "for" or "at"
#: before the name whose it is ("1.4 gigawatts for Anthropic", "$11.25 for GPT-5.5", "$2.80 at
#: OpenAI", "$1.37 per million for the ")
_OWNER_AFTER = r"[^\n.;!?0-9]{0,40}?[ \t](?:for|at)[ \t]+(?:the[ \t]+)?[*_`]*"
_OWNER_AFTER_RE = re.compile(_OWNER_AFTER)
#: a figure right after the words that set it against another (the number's own start ends it)
_VERSUS_RIGHT_BEFORE_RE = re.compile(_VERSUS + r"$")
# an amount set against the number, the name right after it given it by "for" or "at" ("$1.71 per
# million tokens versus $11.25 for GPT-5.5", "vs. $2.80 at OpenAI"): the name is the rival's, the
# amount's (:func:`_versus_owner`), not the number before the comparison word's
_RIVAL_AMOUNT_FOR_RE = re.compile(_VERSUS + r"[$€£]?[0-9][0-9.,]*(?:[ \t]*/[ \t]*[$€£]?[0-9][0-9.,]*)?"
                                  + _OWNER_AFTER + r"$")
_RIVAL_NAME_RE = re.compile(_RIVAL_NAME)


def _versus_owner(view: str, s: int, e: int, lo: int, hi: int) -> int | None:
    """Where the name whose a figure set against another is starts: the figure at ``s``..``e``
    right after "versus" ("vs", "compared with", "against", a hedge), then the rest of its unit and
    "for" or "at" a name ("versus 1.4 gigawatts for Anthropic", "versus $1.37 for Opus", "vs. about
    $2.80 at OpenAI"); None where the number is no such figure (``lo``..``hi``: its sentence). The
    name owns the figure, as a possessive before it would: a registry thing named there is the
    number's; where the registry names nothing there, no registry thing is (not the subject's)."""
    before = view[max(lo, s - 40):s].lower()
    if not ("vs" in before or "versus" in before or "compared" in before or "against" in before) \
            or _VERSUS_RIGHT_BEFORE_RE.search(view, max(lo, s - 40), s) is None:
        return None  # (the words looked for first: the search runs for every number of every text)
    m = _OWNER_AFTER_RE.match(view, e, hi)
    return m.end() if m is not None else None


#: a deal a name right before says which it is: "the OpenAI agreement", "the Microsoft contract"
_DEAL_NAMED_RE = re.compile(r"(?:['’]s)?[ \t]+(?:deal|agreement|contract|partnership|pact|commitment)s?\b")
#: after "the" and a company's name, the event or deal the name only qualifies ("the OpenAI
#: announcement", "the Microsoft deal")
_EVENT_NAMED_RE = re.compile(r"[ \t]+(?:announcement|news|deal|agreement|partnership|pact|news|tie-up|investment)s?\b")
#: what brings in the company money goes into, after an amount invested: "in ", "into ", "stake in "
#: right after a company's name written after an amount: the bet or stake the amount is ("$5 billion
#: Intel bet", "$2 billion xAI stake"): the company is the investee
_BET_NAME_AFTER_RE = re.compile(r"(?:['’]s)?[ \t]+(?:bets?|stakes?|investments?)\b")
_INVESTEE_BEFORE_RE = re.compile(r"\b(?:in|into)\s+(?:the\s+|its\s+|an?\s+)?$")
# (so too a thing the number is set beside after it: "its valuation of $24 billion pales in
# comparison to OpenAI's", "small relative to Meta's")
_YARDSTICK_RE = re.compile(r"\b(?:(?:equal(?:s|ling)?|equivalent|comparable|similar|relative)\s+to"
                           r"|comparison\s+(?:to|with))\s+(?:the\s+|all\s+(?:of\s+)?)?$", re.I)
# a number, its unit, and a preposition that attaches a name to it ("30 tokens/s with the ")
_NUMBER_PREP_RE = re.compile(r"[0-9][^\s,;]*(?:\s+[^\s,;0-9]+){0,2}?\s+(?:with|for|on)\s+(?:the\s+|an?\s+)?$")
# (a comma or a semicolon before the next number, or "and" right after the name: "32GB on first
# generation Gaudi and 80GB on A100 80GB"; or "to" and the next number, the second end of a change
# from one thing's figure to another's: "increases from 3.35 TB/s on the H100 to 4.8 TB/s on the H200")
_NAME_CLAUSE_BREAK_RE = re.compile(r"[^0-9]*?[,;]|\s+and\s|\s+to\s+[~≈]?[$€£]?\Z")
# a name, a few words (a verb), its own number, and a comma or a semicolon: "Alphabet declined 5.3%,"
_NAME_OWN_NUMBER_RE = re.compile(r"(?:['’]s)?(?:\s+[a-z][\w-]*){1,3}\s+[~≈$€£]?[0-9][^\s,;]*(?:\s+[^\s,;0-9]+)?[,;]")


_RAISED_PROPERTIES = frozenset({"valuation", "funding-round"})
# right after a company's name, an investment it is the label of ("Microsoft Investment 2019",
# "Amazon Extended Investment", "Nvidia strategic investment")
_INVESTOR_LABEL_RE = re.compile(r"(?i)[ \t]+(?:(?:extended|strategic|follow-on|additional|initial|new|second|third)[ \t]+)?investments?\b")
#: the words that bring in a round's investors ("led by ", "backed by ", "with participation
#: from ", "investors including "), and up to five names before the one a number is tried with
_INVESTOR_WORDS = r"led\s+by|co-led\s+by|backed\s+by|participation\s+(?:of|from)|investors?\s+(?:like|such\s+as|including)"
_NAMES_BEFORE = r"(?:[\w'’.&-]+,?\s+(?:and\s+)?){0,5}$"
# the words that bring in an investor's name before a number: those, "investment from ", "including "
_INVESTOR_LEAD_RE = re.compile(r"(?i)\b(?:from|" + _INVESTOR_WORDS + r"|including)\s+(?:the\s+)?" + _NAMES_BEFORE)


#: after a number, the words that bring in its investors ("raised $1.1 billion led by Aker",
#: "a $1 billion round ... with participation from Nvidia, Amazon and Meta"), the names before this one
_INVESTOR_AFTER_RE = re.compile(r"(?i)\b(?:" + _INVESTOR_WORDS + r")\s+(?:the\s+)?" + _NAMES_BEFORE)
#: "... at a $5.5B valuation with Nvidia participating": "with", the investors and a word of joining
_WITH_NAMES_BEFORE_RE = re.compile(r"\bwith\s+" + _NAMES_BEFORE)
_PARTICIPATING_AFTER_RE = re.compile(r"(?:\s*,?\s+(?:and\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2})*\s+(?:also\s+)?"
                                     r"(?:participating|joining|investing|co-investing|chipping\s+in)\b")


# after "The company's": its relation and a comma ("rival, ", "largest investor, "), the name right after
_APPOSED_RE = re.compile(r"(?:\s+[\w-]+){1,3},\s+")


def _apposed_company(idx: "Index", view: str, am: "re.Match", alias_hits: list, hit_starts: list) -> bool:
    """Whether "The company's" at the head of a sentence opens a phrase that names another company
    ("The company's rival, OpenAI, backed by Microsoft and SoftBank, is reportedly assembling a far
    larger round"): the sentence is about that company, not the one named before."""
    if not view.endswith(("'s", "’s"), am.start(), am.end()):
        return False
    m = _APPOSED_RE.match(view, am.end())
    if m is None:
        return False
    k = bisect.bisect_left(hit_starts, m.end())
    return k < len(alias_hits) and alias_hits[k][0] == m.end() and idx.entity_kind.get(alias_hits[k][2] or "") == "organisation"


def _earlier_numbers(view: str, sent_lo: int, a_s: int, a_e: int, s: int) -> bool:
    """Whether the name at [a_s, a_e) is attached by a preposition to an earlier number of the
    sentence, a comma or semicolon between it and the number at ``s`` ("roughly 30 tokens/s
    with the 65B model, and 277 tokens/s with the 7B model"): the earlier number's, not this one's."""
    return _NUMBER_PREP_RE.search(view, max(sent_lo, a_s - 40), a_s) is not None \
        and _NAME_CLAUSE_BREAK_RE.match(view, a_e, s) is not None


# a company as the one who says a number, its verb of saying (or its "claims") right after its name
_CLAIMER_RE = re.compile(r"(?:['’]s)?\s+(?:claims?|claimed|touts?|touted|advertises|advertised)\b")
_CLAIM_REACH = 3000  # how far back a product of the claimer is looked for


def _claimed_product(idx: "Index", view: str, org: str, at: int, alias_hits, hit_starts) -> str | None:
    """The product of company ``org`` that a claim it makes at ``at`` is about: the one the
    article's title names (an article about the H100 quoting Nvidia's "30x"), else the one the
    text named last before the claim (within _CLAIM_REACH characters); None where neither."""
    def own(eid):
        return bool(eid) and eid != org and org in idx.broader.get(eid, ()) \
            and idx.entity_kind.get(eid) != "organisation"

    def chip(eid):  # a vendor's claim is about its chip, not one board or form factor of it
        return idx.family.get(eid, eid) if idx.entity_kind.get(eid) == "gpu" else eid
    m = _TITLE_RE.search(view, 0, min(len(view), _TITLE_REACH))
    if m is not None and m.end("t") <= at:
        lo, hi = bisect.bisect_left(hit_starts, m.start("t")), bisect.bisect_left(hit_starts, m.end("t"))
        titled = [eid for _, _, eid in alias_hits[lo:hi] if own(eid)]
        if titled:
            return chip(titled[0])
    lo, hi = bisect.bisect_left(hit_starts, max(0, at - _CLAIM_REACH)), bisect.bisect_left(hit_starts, at)
    before = [eid for _, _, eid in alias_hits[lo:hi] if own(eid)]
    return chip(before[-1]) if before else None


#: a heading's name in brackets right after another name ("### Assumptions for ChatGPT (GPT-5)"):
#: what the name before it is precisely, the section's thing more than the broader name
_HEADING_BRACKET_WEIGHT = 1.2
_OPEN_BRACKET_RE = re.compile(r"[ \t]*\([ \t]*")
# a second amount set against the one before it: " vs $0.15", " versus 80"
_PAIR_NEXT_RE = re.compile(r"(?i)[ \t]*(?:vs\.?|versus)[ \t]+[~≈]?[$€£]?\d")


# a row of a table written in code, keyed by a name: '"claude-3.5-haiku": {"input": 0.25, "output": 1.25},'
CODE_ROW_KEY_RE = re.compile(r"""[ \t]*(["'])([^"'\n]{2,60})\1[ \t]*:[ \t]*\{""")


#: a label's colon, equals or at sign between a name and its number, and the number's bold opening
#: after it ("V100: 1.5-3 hours", "L4 = **$0.44/hr**"): both gaps below end with it
_LABEL_SIGN = r"[ \t]*[:=@][ \t]*(?:\*\*|__)?"
#: between a name and a number it labels: "at" ("T4 at $0.59/hr", "A10 @ $1.10/hr"), a colon or
#: an equals sign ("V100: 1.5-3 hours", "L4 = 5.5 min")
_NAME_AT_GAP_RE = re.compile(r"(?:\*\*|__|`)?(?:[ \t]+at[ \t]+(?:(?:about|around|roughly|just|only)[ \t]+)?"
                             r"|" + _LABEL_SIGN + r")[~≈]?")
_PREP_BEFORE_NAME_RE = re.compile(r"(?i)\b(?:in|into|of|from|with|to|for|by|on)[ \t]+(?:the[ \t]+)?[*_`]*$")


def _keyed_row(view: str, a_s: int, a_e: int, s: int) -> bool:
    """Whether the name at ``a_s:a_e`` is the key of the row of a table in code that holds the
    number at ``s`` ('"gpt-4o": {"input": 2.50, "output": 10.00}'): the row's numbers are the key's
    own (not the next row's, named on the line after)."""
    after = view[a_e:a_e + 12]
    if '"' not in after and "'" not in after:
        return False
    line_lo = view.rfind("\n", 0, s) + 1
    if a_s < line_lo:
        return False
    m = CODE_ROW_KEY_RE.match(view, line_lo)
    return m is not None and m.start(2) <= a_s and a_e <= m.end(2) and m.end() <= s


def _bracketed_after(view: str, prev_end: int, start: int) -> bool:
    """Whether the name starting at ``start`` opens a bracket right after a name ending at
    ``prev_end`` ("ChatGPT (GPT-5)")."""
    return prev_end >= 0 and _OPEN_BRACKET_RE.fullmatch(view, prev_end, start) is not None


_POSSESSED_MEASURE_RE = re.compile(r"(?:['’]s?)?[ \t]+(?:[A-Za-z][\w-]*[ \t]+){0,3}(?:was|were|is|are|totall?ed|reached|hit|came[ \t]+in[ \t]+at|stood[ \t]+at)"
                                   r"[ \t]+(?:(?:about|around|roughly|nearly|almost|over|at[ \t]+least|only|just)[ \t]+)?[~≈]?[ \t]*")


# words of a company's stock: its price, a price target, earnings per share, the P/E
_STOCK_CUE_RE = re.compile(r"(?i:\bper[ \t]+share\b|/[ \t]?share\b|\bthe[ \t]+stock\b|\bstock[ \t]+(?:price|is|was|trades?|traded)\b"
                           r"|\b[\w.-]+[ \t]+stock\b(?![ \t]+of\b)|\bprice[ \t]+target|\btarget[ \t]+price|\$[0-9][0-9.,]*[ \t]+target\b"
                           r"|\btarget[ \t]+for\b|\bmarket[ \t]+cap\b|\bshares[ \t]+(?:of|in|traded|rose|fell|are|were)\b|\btraded[ \t]+(?:at|around|near)\b)"
                           r"|\bP/E\b")
_STOCK_NOT_RE = re.compile(r"(?i)\b(?:in|out[ \t]+of)[ \t]+stock\b|\bstock[ \t]+of\b|\bmarket[ \t]+share")


# a sentence's (and its paragraph's) stock owner, once for all its numbers (cleared by link for
# each text: a sentence of thousands of numbers is read once, not once for each)
_STOCK_MEMO: dict = {}


def _stock_owner(idx: Index, view: str, para_lo: int, alias_hits: list, hit_starts: list,
                 sent_lo: int, sent_hi: int, subject) -> str | None:
    """The company a passage in the language of its stock is about: the organisation named most
    often in the sentence (twice over) and in its paragraph before it, the nearest breaking a
    tie; where the paragraph names none, the first organisation the article's title names.
    None where the sentence has no words of a stock, neither names one, or the words are of
    goods in stock ("in stock", "a stock of GPUs")."""
    key = (para_lo, sent_lo, sent_hi)
    if key in _STOCK_MEMO:
        return _STOCK_MEMO[key]
    got = _STOCK_MEMO[key] = _stock_owner_of(idx, view, para_lo, alias_hits, hit_starts, sent_lo, sent_hi, subject)
    return got


def _stock_owner_of(idx: Index, view: str, para_lo: int, alias_hits: list, hit_starts: list,
                    sent_lo: int, sent_hi: int, subject) -> str | None:
    """(:func:`_stock_owner`, not memoised)"""
    sent = view[sent_lo:sent_hi]
    if not ("shar" in sent or "stock" in sent or "target" in sent or "P/E" in sent or "traded" in sent) \
            or _STOCK_CUE_RE.search(view, sent_lo, sent_hi) is None:
        return None
    if _STOCK_NOT_RE.search(view, sent_lo, sent_hi):
        return None
    k0, k1 = bisect.bisect_left(hit_starts, min(para_lo, sent_lo)), bisect.bisect_left(hit_starts, sent_hi)
    score: dict = {}
    for a_s, _a_e, eid in alias_hits[k0:k1]:
        if not eid or idx.entity_kind.get(eid) != "organisation":
            continue
        score[eid] = score.get(eid, 0.0) + (2.0 if a_s >= sent_lo else 1.0) + a_s / 1e9
    if score:
        return max(score, key=score.get)
    if subject is not None:
        return next((e for e in subject.title if idx.entity_kind.get(e) == "organisation"), None)
    return None


# a subject's measure (its possessive, up to twelve words, names among them) said to be the number
_OWNED_MEASURE_RE = re.compile(r"(?:['’]s)?[ \t]+(?:[^\s.;:!?]+[ \t]+){0,12}?(?:was|were|is|are|totall?ed|reached|hit"
                               r"|came[ \t]+in[ \t]+at|st(?:ood|ands?)[ \t]+at)[ \t]+(?:(?:about|around|roughly|nearly|almost"
                               r"|over|at[ \t]+least|only|just)[ \t]+)?[~≈]?[ \t]*")


_HELD_MEASURE_RE = re.compile(r"[ \t]+(?:has|have|had|comes[ \t]+with|packs|carries)[ \t]+"
                              r"(?:(?:about|around|roughly|nearly|almost|over|only|just|up[ \t]+to)[ \t]+)?[~≈]?[ \t]*")


# a spec sheet's list item: a short label, a colon, then the value ("- Memory Bandwidth: 3.35 TB/s",
# "* **TDP (Thermal Design Power):** Up to 700W")
_SPEC_ITEM_RE = re.compile(r"[ \t]*(?:[-*•+]|[0-9]{1,2}[.)])[ \t]+[*_]*[A-Z][\w /()&.-]{0,40}?[*_]*:[*_]*[ \t]")
_LEAD_OPENER_RE = re.compile(r"[\s*_>#-]*(?:(?:the|a|an|each|every|one|a\s+single)\s+)?", re.I)
#: a list's lead-in of a word or two and a colon, no more ("**Specifications:**", "Key specs:",
#: "**Technical details**:")
_BARE_LEAD_RE = re.compile(r"[ \t]*(?:\*\*|__)?[A-Za-z]+(?:[ \t]+[A-Za-z]+)?(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*")


def _heading_above(view: str, lo: int) -> tuple[int, int] | None:
    """The Markdown heading right above the line starting at ``lo``, only blank lines between,
    as (start, end); None where another line stands between or none is above."""
    pos = lo
    while pos > 0:
        hi = pos - 1
        start = view.rfind("\n", 0, hi) + 1
        line = view[start:hi]
        if line.strip():
            return (start, hi) if line.lstrip().startswith("#") else None
        pos = start
    return None


# the kinds a pointing subject ("The card", "The model") is looked back for past its paragraph
_POINTED_BACK_KINDS = frozenset({"gpu", "model", "cloud-instance"})
# a heading of the first two levels: a section of its own, whose things a pointing word does not reach
_TOP_HEADING_RE = re.compile(r"^[ \t]*#{1,2}[ \t]", re.M)


def _pointed_back(idx, view: str, sent_lo: int, alias_hits: list, hit_starts: list, kind: str, noun: str,
                  reach: int = 1500) -> str | None:
    """The thing of ``kind`` named last before ``sent_lo`` (within ``reach`` characters, not past
    a heading of the first two levels), for a subject that points back to it by ``noun`` ("The
    card ..."); None where the words since name another such thing by the noun ("The 175B GPT-3
    model ... this 175B (dense) model ... The model was trained": the unnamed one, nearer)."""
    lo = max(0, sent_lo - reach)
    top = None
    for top in _TOP_HEADING_RE.finditer(view, lo, sent_lo):
        pass
    if top is not None:
        lo = top.start()
    k = bisect.bisect_left(hit_starts, sent_lo) - 1
    while k >= 0 and alias_hits[k][0] >= lo:
        a_s, a_e, eid = alias_hits[k]
        if eid and idx.entity_kind.get(eid) == kind and not _own_thing(idx, view, a_e, eid):
            if re.search(r"\b" + re.escape(noun) + r"s?\b", view[a_e:sent_lo], re.I):
                return None
            return eid
        k -= 1
    return None


# a list item's label saying its number is one GPU's ("Power per GPU:", "Memory per accelerator:")
_PER_GPU_LABEL_RE = re.compile(r"\bper (?:gpu|card|accelerator|chip)\b", re.I)


def _list_one_gpu(idx, view: str, lo: int, alias_hits: list, hit_starts: list, reach: int = 1500) -> str | None:
    """The one registry GPU the items of the list starting at ``lo`` (right after its intro
    line) name, up to the first line that is neither a list item nor blank; None when they
    name none or several."""
    pos, hi = lo + 1, min(len(view), lo + reach)
    while pos < hi:
        end = view.find("\n", pos)
        end = hi if end < 0 or end > hi else end
        if view[pos:end].strip() and not _LIST_LINE_RE.match(view, pos):
            hi = pos
            break
        pos = end + 1
    k0, k1 = bisect.bisect_left(hit_starts, lo), bisect.bisect_left(hit_starts, hi)
    named = {e for _, _, e in alias_hits[k0:k1] if e and idx.entity_kind.get(e) == "gpu"}
    return next(iter(named)) if len(named) == 1 else None


def _lead_subject(view: str, lead: tuple[int, int], alias_hits: list, hit_starts: list) -> str | None:
    """The registry thing a list's lead-in (``_lead_in``'s line) opens with ("Alberta, Canada
    Case Study:", "Colossus Supercomputer (Memphis, Tennessee):"); None when it opens with
    anything else."""
    k = bisect.bisect_left(hit_starts, lead[0])
    if k >= len(alias_hits) or alias_hits[k][0] >= lead[1] or not alias_hits[k][2]:
        return None
    if _LEAD_OPENER_RE.fullmatch(view, lead[0], alias_hits[k][0]) is None:
        return None
    return alias_hits[k][2]


def _held_measure(view: str, lo: int, start: int, alias_hits: list, hit_starts: list) -> str | None:
    """The registry thing said to have the number at ``start`` ("A100 has 40gb VRAM"): the last
    name before it in its sentence, a verb of having right between; None otherwise."""
    k = bisect.bisect_left(hit_starts, start) - 1
    if k < 0 or alias_hits[k][0] < lo or not alias_hits[k][2] or start - alias_hits[k][1] > 30:
        return None
    if _HELD_MEASURE_RE.fullmatch(view, alias_hits[k][1], start) is None:
        return None
    return alias_hits[k][2]


def _possessed_measure(view: str, lo: int, start: int, alias_hits: list, hit_starts: list) -> str | None:
    """The registry thing whose measure the number at ``start`` is said to be, the name
    written as its owner ("OpenAI’s inference costs were $1.295 billion", "Nvidia's revenue
    was $35 billion"): the last name before the number in its sentence, followed by "'s",
    up to four words and a verb of being; None otherwise."""
    k = bisect.bisect_left(hit_starts, start) - 1
    if k < 0 or alias_hits[k][0] < lo or not alias_hits[k][2] or start - alias_hits[k][1] > 80:
        return None
    e = alias_hits[k][1]
    if view[e:e + 1] not in ("'", "’") and view[e - 2:e] not in ("'s", "’s"):
        return None  # (the name's own "'s", or one written after it)
    if _POSSESSED_MEASURE_RE.fullmatch(view, e, start) is None:
        return None
    return alias_hits[k][2]


# the article's title: a front matter's ``title:`` (YAML) or ``title =`` (TOML), or a
# Markdown heading; a YAML title wrapped onto indented lines goes on there
_TITLE_RE = re.compile(r"^[ \t]*(?:title[ \t]*[:=][ \t]*|#[ \t]+)(?P<t>[^\n]+(?:\n[ \t]+[^\s#-][^\n]*)*)",
                       re.MULTILINE | re.IGNORECASE)
_TITLE_REACH = 2500  # a title is this near the start of the text
# with no title, a profile that opens by naming its thing in bold and a dash ("**Anthropic** — AI
# lab, maker of Claude") is about that thing
# (the view masks the bold's asterisks as spaces)
_LEAD_NAME_RE = re.compile(r"^  (?P<t>[^\s*—–][^*\n—–]{1,59}?)  [ \t]*[—–][ \t]", re.MULTILINE)
_LEAD_NAME_REACH = 600
# what a report is about: a company (its results), a country or region (its grid); a model
# or a GPU an article is about is more often what its worked examples are built from
_SECTION_KIND_RANK = 3
_SUBJECT_KINDS = frozenset({"organisation", "region"})
# (these four sentence patterns are written with their words' first letters as one set of
# characters first, the "\b" before them as a look behind after it, and each word's own first
# letter looked behind for: "[Aa](?<!\w[Aa])n?" is "\b[Aa]n?". The engine then skips to those
# letters in C instead of trying every position of the sentence; they match where the plain
# "\b(?:...)" forms match, tests/test_extract_speed.py)
# "a modest AI data center with ...", "such massive clusters cost ...": one (hypothetical)
# instance of a kind of facility, a thing of the article's own rather than its subject's
_INSTANCE_RE = re.compile(r"[AaSsOoEe](?<!\w[AaSsOoEe])(?:(?<=[Aa])n?|(?<=[Ss])uch|(?<=[Oo])ne|(?<=[Ee])ach|(?<=[Ee])very)"
                          r"\s+(?:[\w-]+\s+){0,3}?"
                          r"(?:data[ -]?cent(?:er|re)s?|datacent(?:er|re)s?|clusters?|deployments?|servers?|racks?"
                          r"|nodes?|facilit(?:y|ies)|campus(?:es)?)\b")
# "our costs", "we cut ...", "your revenue": the writer's or the reader's own, not the
# article's subject
# "my plant", "my computer": the writer's own thing
_MY_RE = re.compile(r"[Mm](?<!\w[Mm])y\b")  # ("\b[Mm]y\b" with its letter first: scanned for it in C)
_FIRST_PERSON_RE = re.compile(r"[WwOouYy](?<!\w[WwOouYy])(?:(?<=[Ww])e|(?<=[Oo])ur|(?<=u)s|(?<=[Yy])ou(?:r|'re|’re)?)\b")
# a sentence that sets up a hypothetical: a condition, the generic "you", a supposition, an
# amount of money as an instance ("a $100M run"); what a name in an earlier sentence or a
# heading is, it is not
_HYPOTHETICAL_RE = re.compile(r"[IiSsLlhYyAa](?<!\w[IiSsLlhYyAa])(?:(?:(?<=[Ii])f|(?<=[Ss])uppose|(?<=[Ii])magine"
                              r"|(?<=[Ll])et's say|(?<=[Ll])et’s say|(?<=h)ypothetical(?:ly)?"
                              r"|(?<=[Yy])ou(?:'ve|’ve|'d|’d))\b|(?<=[Aa])n?\s+[$€£][0-9]"
                              r"|(?<=[Aa])n?\s+(?:[\w-]+\s+){1,3}?(?:trained|built|bought|costing|priced)"
                              r"\s+(?:for|at)\s+[$€£]?[0-9]"
                              # "you spend $10B", "you get ...": a story told to the reader (not
                              # "you will need", "you can run": what a reader can do with a real thing)
                              r"|(?<=[Yy])ou\s+(?!(?:can|could|will|need|should|must|may|might|have to)\b)[a-z]+)")


# a multiplier compares two things ("3x faster than the A100"): not the subject's where its
# sentence names the second ("than", "vs", "compared", "relative to", "over"); with none named it
# is the subject's own, as any other number ("revenue nearly doubled", "the flops are higher by 3x")
_COMPARED_RE = re.compile(r"[TtVvCcRrOo](?<!\w[TtVvCcRrOo])(?i:(?<=t)han|(?<=v)s\.?|(?<=v)ersus|(?<=c)ompared|(?<=r)elative"
                          r"|(?<=o)ver)\b")


# what a comparison word is followed by when it compares amounts or times, not things ("$43
# billion versus $22.1 billion", "over 5 years", "(vs trailing 47)"): a number, after at most
# two lower-case words
_COMPARED_AMOUNT_RE = re.compile(r"\.?\s+(?:[a-z]+\s+){0,2}?[(~≈$€£]*[0-9]")


def _compares_thing(memo: dict, view: str, lo: int, hi: int) -> bool:
    """Whether the sentence ``view[lo:hi]`` compares with a second thing ("3x faster than the
    A100", "vs. H100"): a comparison word not followed by a number (two amounts or two times
    of one thing, "net income nearly doubled: $43 billion versus $22.1 billion", "earnings
    nearly quadruple ... over 5 years", are the subject's own figures)."""
    key = ("cmp", lo, hi)
    hit = memo.get(key)
    if hit is None:
        hit = False
        for m in _COMPARED_RE.finditer(view, lo, hi):
            if _COMPARED_AMOUNT_RE.match(view, m.end(), hi) is None:
                hit = True
                break
        memo[key] = hit
    return hit


def _paragraph_about(idx: "Index", view: str, para_lo: int, sent_lo: int, sent_hi: int, alias_hits, hit_starts,
                     kinds: tuple) -> str | None:
    """The one registry thing the paragraph names before the sentence ``view[sent_lo:sent_hi]``,
    where that sentence names nothing and the thing is of the kind the property is chiefly of
    (``kinds[0]``; any kind where the property applies to any, a ratio or a change); None
    where the paragraph names none, or more than one thing."""
    if _names_any(alias_hits, hit_starts, sent_lo, sent_hi):
        return None
    k0, k1 = bisect.bisect_left(hit_starts, para_lo), bisect.bisect_left(hit_starts, sent_lo)
    if k0 == k1:
        return None
    named = None
    for k in range(k0, k1):
        eid = alias_hits[k][2]
        if not eid or eid == named:
            continue
        if named is not None and idx.entity_kind.get(eid) in _CLASS_KINDS and (not kinds or kinds[0] not in _CLASS_KINDS):
            continue  # "GPT OSS 20B - A mixture-of-experts (MoE) model": what the thing named is, not a second thing
        a_s = alias_hits[k][0]
        if "ed " in view[max(para_lo, a_s - 40):a_s] and _BASELINE_BEFORE_RE.search(view, max(para_lo, a_s - 40), a_s):
            continue  # "distilled from DeepSeek-R1", "Based on Qwen 2.5 architecture": its base, not a second thing
        if named is not None:
            return None
        named = eid
    if named is None or kinds and idx.entity_kind.get(named) != kinds[0]:
        return None
    return named


_RESULTS_REACH = 2000
# right after a country's name, the market of shares it qualifies: " stock market", " equities", " stock index"
_STOCK_MARKET_AFTER_RE = re.compile(r"(?i)[ \t]+(?:(?:stock|equity|share)[ \t]+(?:markets?|exchanges?|index|indices|futures)"
                                    r"|stocks|equities|shares)\b")
# what a company reports of its own results (not money it invests or raises, which investors share)
_RESULTS_PROPERTIES = frozenset({"revenue", "net-income", "net-loss", "operating-income", "operating-loss",
                                 "earnings-per-share", "gross-margin", "operating-margin", "order-backlog",
                                 "annualized-revenue"})
_MARKET_WORD_RE = re.compile(r"(?i)\bmarkets?\b")


def _results_company(idx: "Index", headings, alias_hits, hit_starts, sent_lo: int, sent_hi: int) -> str | None:
    """The company whose results a sentence naming nothing gives: the one company its section
    (2,000 characters at most) names before it; None where the sentence names something, or the
    text before names no company or two."""
    if _names_any(alias_hits, hit_starts, sent_lo, sent_hi):
        return None
    hk = bisect.bisect_right(headings, (sent_lo, "")) - 1
    lo = max(headings[hk][0] if hk >= 0 else 0, sent_lo - _RESULTS_REACH)
    return _sole_company(idx, alias_hits, hit_starts, lo, sent_lo)


def _sole_company(idx: "Index", alias_hits, hit_starts, lo: int, hi: int) -> str | None:
    """The one organisation the text ``[lo, hi)`` names (other kinds of things aside), None where it
    names none or two or more."""
    org = None
    for k in range(bisect.bisect_left(hit_starts, lo), bisect.bisect_left(hit_starts, hi)):
        eid = alias_hits[k][2]
        if eid and eid != org and idx.entity_kind.get(eid) == "organisation":
            if org is not None:
                return None
            org = eid
    return org


class _Subject:
    """What an article and each of its sections is about, read once per text: the
    entities its title names (the most named first); a section's, the entities the nearest
    heading naming one, going up the headings' levels ("## China" over "### Growth" over a
    number), names. A number whose sentence names nothing the property applies to is about
    these (Nvidia in a results column that names it once in the title, "the US" in a note on
    its grid). The entity an article merely names most often is no such guess: a number whose
    sentences name nothing is then mostly about a thing of the article's own ("AI data
    centres", "these GPUs"); on the development articles such guesses were right 4 times in
    31 (the title's 31 in 34), and the article's subject guesses as a whole once in 19
    before tuning."""

    def __init__(self, idx: Index, view: str, heading_ms: list, alias_hits: list, hit_starts: list):
        self.idx = idx
        counts: dict = {}
        for _, _, eid in alias_hits:
            if eid:
                counts[eid] = counts.get(eid, 0) + 1
        self.counts = counts
        m = _TITLE_RE.search(view, 0, _TITLE_REACH) or _LEAD_NAME_RE.search(view, 0, _LEAD_NAME_REACH)
        self.title = self._named(alias_hits, hit_starts, m.start("t"), m.end("t")) if m else []
        self.title.sort(key=lambda e: -counts.get(e, 0))
        self.heads = [m.start() for m in heading_ms]
        levels = [len(m.group(0).lstrip()) - len(m.group(0).lstrip().lstrip("#")) for m in heading_ms]
        self.levels = levels
        self.parent = []
        for k, lv in enumerate(levels):
            j = k - 1 if k else None
            while j is not None and levels[j] >= lv:
                j = self.parent[j]
            self.parent.append(j)
        self.head_named = [self._named(alias_hits, hit_starts, m.start(), m.end()) for m in heading_ms]
        self._cache: dict = {}
        self._article_cache: dict = {}  # kinds -> the article's subject of those kinds (or None)
        self._company_cache: dict = {}  # heading's index -> company_section's answer under it
        self._org_heads: dict | None = None  # (parent, level) -> the headings naming one organisation alone
        self.sized: list = []  # the sizes written as names (see _size_names)

    @staticmethod
    def _named(alias_hits, hit_starts, lo, hi) -> list:
        out = []
        for k in range(bisect.bisect_left(hit_starts, lo), bisect.bisect_left(hit_starts, hi)):
            eid = alias_hits[k][2]
            if eid and eid not in out:
                out.append(eid)
        return out

    def about(self, pos: int, kinds: tuple) -> tuple[str, str] | None:
        """(entity, "section" or "article") that a number at ``pos`` is about by default,
        of a kind ``kinds`` allows; None when neither its sections nor the article say."""
        hk = bisect.bisect_right(self.heads, pos) - 1
        key = (hk, kinds)
        if key not in self._cache:
            self._cache[key] = self._about(hk, kinds)
        return self._cache[key]

    def section_named(self, pos: int, kind: str) -> list:
        """The entities of ``kind`` that the nearest heading naming one, going up the
        headings' levels from ``pos``, names ("## 1. RunPod" over "### Pricing" over a
        price); [] when no heading above names one."""
        k = bisect.bisect_right(self.heads, pos) - 1
        k = k if k >= 0 else None
        while k is not None:
            hit = [e for e in self.head_named[k] if self.idx.entity_kind.get(e) == kind]
            if hit:
                return hit
            k = self.parent[k]
        return []

    def company_section(self, pos: int) -> str | None:
        """The organisation whose own section ``pos`` is in, where the article gives each of
        several companies a section ("## 1. RunPod - ...", "## 2. Cudo Compute - ...",
        "## 3. Hyperstack - ..."): the nearest heading naming anything, going up the headings'
        levels, names one organisation and nothing else, and at least two other headings of its
        level under the same parent each name another organisation alone. None otherwise."""
        k = bisect.bisect_right(self.heads, pos) - 1
        got = self._company_cache.get(k, _UNSEEN)  # (the same for every number under one heading)
        if got is _UNSEEN:
            got = self._company_cache[k] = self._company_section(k)
        return got

    def _company_section(self, k: int) -> str | None:
        k = k if k >= 0 else None
        while k is not None and not self.head_named[k]:
            k = self.parent[k]
        if k is None or len(self.head_named[k]) != 1:
            return None
        org = self.head_named[k][0]
        if self.idx.entity_kind.get(org) != "organisation":
            return None
        if self._org_heads is None:
            # the headings that name one organisation alone, by their parent and level (made once:
            # a scan of every heading for each section made a long text's linking quadratic)
            self._org_heads = groups = {}
            for j, named in enumerate(self.head_named):
                if len(named) == 1 and self.idx.entity_kind.get(named[0]) == "organisation":
                    groups.setdefault((self.parent[j], self.levels[j]), []).append(j)
        others = {self.head_named[j][0] for j in self._org_heads.get((self.parent[k], self.levels[k]), ())
                  if j != k}
        others.discard(org)
        return org if len(others) >= 2 else None

    def _fits(self, eid: str, kinds: tuple, article: bool = False) -> bool:
        kind = self.idx.entity_kind.get(eid, "")
        if kind not in _SUBJECT_KINDS or _kind_factor(self.idx, eid, kinds, True) is None:
            return False
        # only for a property chiefly about its kind (a count of GPUs is a configuration's,
        # not the company's whose heading it is under): a section's, one of its first
        # kinds; the article's, listed before any kind of thing of the article's own
        if kind not in kinds:
            return True  # any kind
        at = kinds.index(kind)
        return not _NEW_KINDS.intersection(kinds[:at]) if article else at < _SECTION_KIND_RANK

    def _about(self, hk: int, kinds: tuple):
        k = hk if hk >= 0 else None
        while k is not None:
            hit = next((e for e in self.head_named[k] if self._fits(e, kinds)), None)
            if hit:
                return hit, "section"
            k = self.parent[k]
        if kinds not in self._article_cache:  # the same for every section
            self._article_cache[kinds] = self._article(kinds)
        return self._article_cache[kinds]

    def _article(self, kinds: tuple):
        hit = next((e for e in self.title if self._fits(e, kinds, True)), None)
        return (hit, "article") if hit else None


#: a sentence that opens with a name (emphasis around it allowed) and a verb of raising or reporting
#: money ("**Safe Superintelligence** raised **$1 billion**", "Sakana AI secured a $100 million Series A")
_NAMED_OPENER_VERB_RE = re.compile(r"[\s*_>#-]*(?P<n>[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,3})[*_]*"
                                   r"(?:[ \t]+(?:has|have|had|also|recently|just|reportedly|quietly|officially))*"
                                   r"[ \t]+(?:rais(?:ed|es)|secur(?:ed|es)|clos(?:ed|es)|land(?:ed|s)|announc(?:ed|es)"
                                   r"|report(?:ed|s)|post(?:ed|s)|is[ \t]+raising|was[ \t]+valued|is[ \t]+valued)\b"
                                   r"(?![*_]*[ \t]*:)")  # (not a label: "**Total raised:** $15B+")
#: openers that are no name of a thing: a pronoun or a demonstrative
_NOT_A_NAME = frozenset({"It", "They", "He", "She", "We", "This", "That", "These", "Those", "The", "Its", "Their", "Our",
                         "I", "You", "A", "An"})


#: the last sentence :func:`_unknown_subject` read (its text, start, and where its opener ends, -1 for none)
_UNKNOWN_SUBJECT_OF: list = [None, -1, -1]


def _unknown_subject(view: str, sent_lo: int, at: int, alias_hits: list, hit_starts: list) -> bool:
    """Whether the sentence of a number at ``at`` opens with a name the registry does not hold,
    the subject of a verb of raising or reporting money before the number ("**Safe Superintelligence**
    raised **$1 billion**"): the number is that thing's, one of the article's own, not what the
    section or the article is about by default."""
    c = _UNKNOWN_SUBJECT_OF
    if c[0] is view and c[1] == sent_lo:
        end = c[2]  # (the same for every number of the sentence: the opener is matched once)
    else:
        m = _NAMED_OPENER_VERB_RE.match(view, sent_lo)
        end = -1
        if m is not None and m.group("n").split()[0] not in _NOT_A_NAME:
            k = bisect.bisect_left(hit_starts, m.start("n"))
            if not (k < len(alias_hits) and alias_hits[k][0] < m.end("n")):
                end = m.end()
        c[:] = [view, sent_lo, end]
    return 0 <= end <= at


_BRACKET_LABEL_RE = re.compile(r"[ \t]*\(([^()\n]{1,40})\)")


def _bracket_label(view: str, end: int, alias_hits: list, hit_starts: list) -> str | None:
    """The registry thing named in brackets right after the number ending at ``end``, the
    bracket holding one such name ("Cost at $98.32/hr (AWS p5)"): such a bracket labels the
    number, says what it is of. None when there is no such bracket."""
    m = _BRACKET_LABEL_RE.match(view, end)
    if m is None:
        return None
    named = set()
    k = bisect.bisect_left(hit_starts, m.start(1))
    while k < len(alias_hits) and alias_hits[k][0] < m.end(1):
        if alias_hits[k][2]:
            named.add(alias_hits[k][2])
        k += 1
    return next(iter(named)) if len(named) == 1 else None


# a capitalised name and an open bracket right before a number: "Vultr (", "than Azure ("
_NAME_BRACKET_RE = re.compile(r"(?<![\w.])(?P<l>[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2})[ \t]*\([ \t]*\Z")
# a list item opening with a label and a colon: "2. **Vast.ai**: ", "- Lambda: "
_ITEM_LABEL_RE = re.compile(r"[ \t]*(?:[-*+•]|[0-9]{1,2}[.)])[ \t]+(?:\*\*)?(?P<l>[^:*\n]{1,40}?)(?:\*\*)?:[ \t]")


def _provider_item_gpu(idx, view: str, at: int, subject, alias_hits: list, hit_starts: list) -> tuple | None:
    """The one GPU the article's title names (and the provider the label names, or None), where the number at ``at`` is on a list line
    labelled by an organisation or by a name the registry lacks ("2. **Vast.ai**: $2.19/hr"), or
    in brackets right after such a name ("- Vultr ($1.99/hr) is 85% cheaper than Azure ($13.09/hr)"),
    every word of the label capitalised, as a name's are,
    the label and the words between it and the number naming nothing else; else None."""
    line_lo = view.rfind("\n", 0, at) + 1
    m = _ITEM_LABEL_RE.match(view, line_lo)
    if m is None and _LIST_LINE_RE.match(view, line_lo):
        # "- Vultr ($1.99/hr) is 85% cheaper than Azure ($13.09/hr)": a price in brackets right
        # after a provider's name
        m = _NAME_BRACKET_RE.search(view, max(line_lo, at - 48), at)
    if m is None or m.end() > at or not all(w[0].isupper() or w[0].isdigit() for w in m.group("l").split()):
        return None  # (a label of words, "Average specialized provider price:", is no provider's name)
    k0, k1 = bisect.bisect_left(hit_starts, line_lo), bisect.bisect_left(hit_starts, at)
    if any(e and idx.entity_kind.get(e) != "organisation" for _, _, e in alias_hits[k0:k1]):
        return None
    gpus = {e for e in subject.title if idx.entity_kind.get(e) == "gpu"}
    if len(gpus) != 1:
        return None
    orgs = {e for a, b, e in alias_hits[k0:k1] if e and a >= m.start("l") and b <= m.end("l")}
    return next(iter(gpus)), (next(iter(orgs)) if len(orgs) == 1 else None)


#: the count of GPUs a comma record opens with ("2xA100, 80GB, ...")
_RECORD_COUNT_RE = re.compile(r"[ \t]*([0-9]{1,2})[ \t]*[x×]")


def _comma_record_gpu(idx, view: str, at: int, alias_hits: list, hit_starts: list) -> tuple | None:
    """The GPU and the provider of a line that is a record of comma-separated fields ending at the
    number ``at``, the first field naming one GPU (after a count: "1xA100") and a later field at
    most one organisation (None where the registry lacks it: "1xA100, 40GB, Vast, $0.852"), no
    other field naming anything ("1xA100, 40GB, Runpod, $0.89/hr"); else None."""
    line_lo = view.rfind("\n", 0, at) + 1
    head = view[line_lo:at]
    if head.count(",") < 2 or not head.rstrip().endswith(","):
        return None
    first = view.find(",", line_lo, at)
    k0, k1 = bisect.bisect_left(hit_starts, line_lo), bisect.bisect_left(hit_starts, at)
    gpus = {e for a, b, e in alias_hits[k0:k1] if e and b <= first and idx.entity_kind.get(e) == "gpu"}
    orgs = {e for a, b, e in alias_hits[k0:k1] if e and a > first and idx.entity_kind.get(e) == "organisation"}
    if len(gpus) != 1 or len(orgs) > 1 or any(e and e not in gpus and e not in orgs for _, _, e in alias_hits[k0:k1]):
        return None
    return next(iter(gpus)), (next(iter(orgs)) if orgs else None)  # (a provider the registry lacks: none)


# a list's lead-in that is a bold name and a date in brackets: "**GShard** (June 2020):"
# (the bold marks read as blanks)
_DATED_BOLD_LEAD_RE = re.compile(r"[ \t]*(?:\*\*)?(?P<n>[A-Za-z][^*():\n]{0,30}?)(?:\*\*)?[ \t]*\((?:[A-Z][a-z]+\.?[ \t]+)?(?:[0-9]{1,2},?[ \t]+)?"
                                 r"(?:19|20)[0-9]{2}\)[ \t]*:[ \t]*")


# a list item that says which thing the list describes: "- **Model**: NVIDIA H200", "- GPU: A100 80GB"
_MODEL_ITEM_RE = re.compile(r"[ \t]*[-*+•][ \t]+[ *_]*(?i:model|gpu|card|chip|accelerator)[ *_]*:[ \t]*(?P<n>[^\n]*?)[ \t*_]*$",
                            re.M)


def _list_model_item(idx, view: str, at: int, alias_hits: list, hit_starts: list, memo: dict | None = None) -> str | None:
    """The registry thing an item of the list holding ``at`` names by a label "Model" (or "GPU",
    "Card", ...) and its name alone, first ("- **Model**: NVIDIA H200"); None where no item
    does, or items name two. ``memo``: link's dict of the text (a list's items are read once,
    not once for each of its numbers)."""
    lo = hi = view.rfind("\n", 0, at) + 1
    while lo > 0:  # up the list's lines
        prev = view.rfind("\n", 0, lo - 1) + 1
        if not _LIST_LINE_RE.match(view, prev):
            break
        lo = prev
    while hi < len(view):  # and down
        nxt = view.find("\n", hi)
        if nxt < 0 or not _LIST_LINE_RE.match(view, nxt + 1):
            hi = len(view) if nxt < 0 else nxt
            break
        hi = nxt + 1
    key = ("model-item", lo, hi)
    if memo is not None and key in memo:
        return memo[key]
    found = set()
    for m in _MODEL_ITEM_RE.finditer(view, lo, hi):
        k0, k1 = bisect.bisect_left(hit_starts, m.start("n")), bisect.bisect_left(hit_starts, m.end("n"))
        ids = {e for _, _, e in alias_hits[k0:k1] if e}
        if len(ids) == 1 and k0 < k1 and alias_hits[k0][0] == m.start("n") \
                and _bare_name(view, _Cell(m.start("n"), m.end("n")), alias_hits, hit_starts):
            # (the name first: not "- GPU: $1,200 (RTX 4080 16GB)", the card's price)
            found |= ids
    named = next(iter(found)) if len(found) == 1 else None
    if memo is not None:
        memo[key] = named
    return named


class _Cell:
    """A stretch of text, as a table cell is to ``_bare_name``."""

    def __init__(self, start: int, end: int):
        self.start, self.end = start, end


def _section_provider(idx, subject, d) -> str | None:
    """The provider a price is offered by, where its row or sentence names none: the one
    organisation that the section's heading names ("## 1. RunPod - GPU Arbitrage Leader"
    over "### Pricing Breakdown" over "H100 (80GB): $2.79/hr"; "### Groq Models" over a
    table of models' token prices). Not a heading naming several (a comparison), nor the
    thing's own maker ("### OpenAI Models" over GPT-4o's prices: a first party's price
    states no provider)."""
    orgs = subject.section_named(d.span_start, "organisation")
    if len(orgs) != 1 or not d.entity or orgs[0] == d.entity or orgs[0] in idx.broader.get(d.entity, ()):
        return None
    return orgs[0]


def _subject_for(idx, subject, d, kinds, how, values, ctx_words, f, local, own, wide=None):
    """(entity, where, repick) of the section's or article's subject for a draft: of a kind
    the property applies to; else, when the property was no sure guess, of a kind another
    property of the unit applies to, which the words near the number pick (repick true)."""
    hit = subject.about(d.span_start, kinds)
    if hit is not None:
        return hit[0], hit[1], False
    if how in ("hint", "only", "cue") or not kinds:
        return None
    hit = subject.about(d.span_start, ())
    if hit is None:
        return None
    ekind = idx.entity_kind.get(hit[0], "")
    pid, _ = _guess_found(idx, d, f, values, ctx_words, local, {ekind}, own, wide)
    p = idx.prop_by_id.get(pid)
    if p is None or ekind not in p.kinds[:2]:
        return None
    return hit[0], hit[1], True


def _unit_applies_to(idx: Index, unit: str, kind: str) -> bool:
    """Whether some property measured in ``unit`` applies to things of ``kind``."""
    info = idx.unit_info(unit)
    if info is None:
        return True
    return any(p.applies_to((kind,)) for p, _, _ in info[1])


# a sentence opening with a label before its subject ("Note: RTX 3090 has 24GB VRAM")
_LABELLED_OPENER_RE = re.compile(r"[\s*_>#-]*[A-Z][A-Za-z]{1,14}[\s*_]*:[\s*_]*(?:(?:the|a|an)\s+)?")


def _sentence_opener(idx: Index, view: str, sent_lo: int, pos: int, alias_hits, hit_starts) -> str | None:
    """The registry thing a sentence opens with ("OpenAI's ...", "The H100 ..."), its subject,
    when it is the only one named before ``pos``, in the same clause, and not as part of a
    thing of the article's own ("Our H100 cluster ..."); not "OpenAI signed deals with
    Microsoft ($250B)": what a nearer name is about."""
    k = bisect.bisect_left(hit_starts, sent_lo)
    if k >= len(alias_hits):
        return None
    a_s, a_e, eid = alias_hits[k]
    if not eid or a_e > pos or (a_s, a_e, eid) in _VERSIONED \
            or not (_OPENER_RE.fullmatch(view, sent_lo, a_s) or _LABELLED_OPENER_RE.fullmatch(view, sent_lo, a_s)) \
            or (k + 1 < len(alias_hits) and alias_hits[k + 1][0] < pos) \
            or _NEW_CLAUSE_RE.search(view, a_e, pos) or _own_thing(idx, view, a_e, eid):
        return None
    return eid


def _names_any(alias_hits, hit_starts, lo: int, hi: int) -> bool:
    """Whether [lo, hi) names a registry entity."""
    k = bisect.bisect_left(hit_starts, lo)
    while k < len(alias_hits) and alias_hits[k][0] < hi:
        if alias_hits[k][2]:
            return True
        k += 1
    return False


# (a tree drawn with box characters, "├── H100 PCIe: $2.47/hr", is a list too)
_LIST_LINE_RE = re.compile(r"[ \t]*(?:[-*+•]|[0-9]{1,2}[.)]|[│ ]*[├└╰][─━]*)[ \t]+\S")


def _list_intro(view: str, sent_lo: int, reach: int = 1500) -> tuple[int, int] | None:
    """The line right above the list a list item at ``sent_lo`` is in (only list items and
    blank lines between them), as (start, end); None if the line is no list item or nothing is
    above the list."""
    line_lo = view.rfind("\n", 0, sent_lo) + 1
    if not _LIST_LINE_RE.match(view, line_lo):
        return None
    indent = _indent(view, line_lo)
    pos = line_lo
    while pos > 0 and sent_lo - pos < reach:
        prev_hi = pos - 1                          # the newline ending the line above
        prev_lo = view.rfind("\n", 0, prev_hi) + 1
        line = view[prev_lo:prev_hi]
        if line.strip() and not _LIST_LINE_RE.match(line):
            return prev_lo, prev_hi
        if indent and line.strip() and _indent(view, prev_lo) < indent:
            if line.rstrip().endswith(":"):
                # "1. **GPT-5**:" over "   - **Input**: $1.25 / 1M tokens": a nested list's
                # items are about what the item above them introduces
                return prev_lo, prev_hi
            indent = _indent(view, prev_lo)
        pos = prev_lo
    return None


def _intro_precision(view: str, intro: tuple[int, int], conditions: dict) -> str | None:
    """The precision a list's lead-in (a line ending with ':') or heading names, when it names
    one and only one ("### FP16 Tensor Core", "**H100 peak (FP16):**"), else None."""
    line = view[intro[0]:intro[1]].strip()
    if not (line.rstrip("*_ ").endswith(":") or line.startswith("#")):
        return None
    rx = _precision_re(conditions)
    found = {m.group(1) for m in rx.finditer(line.lower())} if rx is not None else set()
    return found.pop() if len(found) == 1 else None


def _indent(view: str, lo: int) -> int:
    """How far the line starting at ``lo`` is indented (spaces; a tab counts four)."""
    n = 0
    while lo + n < len(view) and view[lo + n] in " \t":
        n += 1
    return len(view[lo:lo + n].expandtabs(4))


# a bold line alone over a list that reads as a product's name: two to five words, each
# capitalised or a version ("**Claude Haiku 4**", "**Mistral Small**"; not "**Budget tier**")
_BOLD_MODEL_LEAD_RE = re.compile(r"  (?P<n>[A-Z][A-Za-z]*(?:[ \t-](?:[A-Z][A-Za-z]*|[0-9][0-9.]*[A-Za-z]?)){1,4})  [ \t]*")
# a line that is bold and nothing else, its marks blanked in the view ("**Claude Opus 4.1**" over
# "- Input: $15.00 | Output: $75.00"): a short name heading the list under it
_BOLD_LINE_RE = re.compile(r"  [^\s*#>|-][^\n*|:]{0,58}(?<=\S)  [ \t]*")


#: a list item's label that is only the word of a price, of a way of renting, or of a part of
#: a machine's spec ("- Cost:", "- **On-demand:**", "- Spot (typical):", "- RAM:", "- vCPUs:")
_ATTRIBUTE_ITEM_LABEL_RE = re.compile(r"(?i)[ \t]*[-*+•][ \t]*(?:\*\*)?(?:(?:hourly[ \t]+)?(?P<price>price|cost|rate|pricing)"
                                     r"|on[- ]demand|spot|reserved|preemptible|interruptible|ram|system[ \t]+memory"
                                     r"|vcpus?|cpus?|storage|network(?:ing)?)(?:[ \t]*\([^()\n]{0,24}\))?(?:\*\*)?[ \t]*:")
# a list line's label that names the side of a token price, no thing ("- Input:", "- Cached:",
# "- Output tokens:")
_PRICE_SIDE_LABEL_RE = re.compile(r"(?i)[ \t]*[-*+•][ \t]*(?:cached[ \t]+|cache[ \t]+(?:read|write|hits?)[ \t]*)?"
                                  r"(?:input|output|prompt|completion|cached)?(?:[ \t]+tokens?)?[ \t]*:")


def _bold_name(view: str, lead: tuple[int, int], alias_hits: list, hit_starts: list) -> str | None:
    """The registry thing a bold line alone over a list (``_BOLD_LINE_RE``) is the name of and
    nothing else ("**Claude Opus 4.1**"); None otherwise ("**Budget tier**", "**GPT-4o pricing**")."""
    if _BOLD_LINE_RE.fullmatch(view, lead[0], lead[1]) is None:
        return None
    k = bisect.bisect_left(hit_starts, lead[0])
    if k >= len(alias_hits) or not alias_hits[k][2] or alias_hits[k][0] != lead[0] + 2:
        return None
    a, b, eid = alias_hits[k]
    return eid if not view[b:lead[1]].strip() else None


def _lead_in(view: str, intro: tuple[int, int] | None) -> tuple[int, int] | None:
    """The line above a list (``_list_intro``'s answer) when it is a lead-in, a line ending
    with ':' that introduces the list, or a bold line alone that heads it; else None."""
    if intro is None:
        return None
    line = view[intro[0]:intro[1]]
    return intro if line.rstrip().endswith(":") or _BOLD_LINE_RE.fullmatch(line) else None


# a heading line over a list ("### Results (Concurrency=32)", "**High load**"): its opening only, a
# bold or underscored line too (not tables' MD_HEADING_RE, a Markdown heading's whole line)
_HEADING_LINE_RE = re.compile(r"[ \t]*(?:#{1,6}[ \t]|\*\*|__)")


def _load_intro(view: str, intro: tuple[int, int] | None) -> bool:
    """Whether the line introducing a list (a lead-in ending with ':' or a heading right above
    it) names a load its items were measured under ("P99 latencies at high concurrency:")."""
    if intro is None:
        return False
    line = view[intro[0]:intro[1]]
    return (line.rstrip().endswith(":") or _HEADING_LINE_RE.match(line) is not None) \
        and _LOAD_RE.search(line) is not None


def _chiefly_of(idx: Index, d, values, ctx_words, f, local, own, wide, ekind: str) -> bool:
    """Whether the property chosen again for a thing of kind ``ekind`` is chiefly about things
    of that kind (one of the first two kinds it applies to): a thing found some other way than
    the usual candidates (the sentence's opener, a bracket after the number, the hardware a
    price is said to be of) may take the number only then."""
    pid, _ = _guess_found(idx, d, f, values, ctx_words, local, {ekind}, own, wide)
    p2 = idx.prop_by_id.get(pid)
    return p2 is not None and ekind in p2.kinds[:2]


def _repick(idx: Index, d, values, ctx_words, f, local, kinds: set, own: str | None = None,
            wide: str | None = None) -> None:
    """Choose the property again among those that apply to the entity's kind."""
    pid, how = _guess_found(idx, d, f, values, ctx_words, local, kinds, own, wide)
    if pid and pid != d.property:
        d.property, d.property_confidence = pid, calibrated("property", f"{how}|repicked")
        d.evidence["property"] = f"{how}|repicked"


_SCENARIO_CAPTION_RE = re.compile(r"(?i)\b(?:estimat|example|scenario|hypothetical|calculat|case stud|configuration)")
# the words for what a writer sets up (a column of them, a label column headed by one)
_SETUP_WORDS = "configuration|config|setup|deployment|scenario|option|build"
_SCENARIO_COLUMN_RE = re.compile(rf"(?i)\b(?:{_SETUP_WORDS}|case)s?\b")


# a first column headed by what the writer sets up ("| Option | Cost for the job |", "| Rig |",
# "| Setup | Hourly Cost |"): its rows are the article's own choices, each built from a thing
_SETUP_HEAD_RE = re.compile(rf"(?i)[*_\s]*(?:{_SETUP_WORDS}|choice|set-up|rig|workload)s?[*_\s]*")


def _setup_rows(t) -> bool:
    """Whether a table's label column is headed by a word for the writer's own setups."""
    head = t.column_header(0)
    return head is not None and _SETUP_HEAD_RE.fullmatch(head.text) is not None


# (and the words that say which edition of a card it is, with no word after them: "| RTX 4090
# Desktop (Ada) |", "| RTX 4090 Founders Edition |", "| NVIDIA A100 GPU |"; not "| RTX 4090
# desktop box |", a thing built from it; nor a Markdown reference link's label, "| [GPT-4o][pricing] |";
# and the words that say which released checkpoint of a model it is: "| Llama-3.1-70B-Instruct |",
# "| Mistral-7B-Instruct-v0.3 |", "| Llama 3.1 8B Instruct Turbo |" are the model's, as the
# curated claims have them)
_NAME_REST_RE = re.compile(r"\s*\]\[[^\[\]\n]*\]|\([^()]*\)|\[|\]|[0-9][0-9.,]*\s*[A-Za-z]{0,2}\b"
                           r"|(?i:(?:\b(?:desktop|founders|edition|reference|graphics|card|gpu)\b\s*)+)(?!\s*[A-Za-z])"
                           r"|(?i:\b(?:instruct|chat|base|hf|turbo|awq|gptq|gguf)\b)"
                           r"|[^A-Za-z]+")


def _span_ids(span, alias_hits, hit_starts) -> list[str]:
    """The registry ids of the names found inside ``span`` (a table cell: anything with
    ``start`` and ``end``), in text order."""
    k0, k1 = bisect.bisect_left(hit_starts, span.start), bisect.bisect_left(hit_starts, span.end)
    return [e for _, _, e in alias_hits[k0:k1] if e]


def _bare_name(view: str, cell, alias_hits, hit_starts) -> bool:
    """Whether a table cell is a registry name and next to nothing else ("| RTX 3060 12 GB |",
    "| **Llama 3.2 1B** |"; not "| RTX 3090 workstation |", a thing built from the card)."""
    k = bisect.bisect_left(hit_starts, cell.start)
    rest, at = [], cell.start
    while k < len(alias_hits) and alias_hits[k][0] < cell.end:
        a, b, _ = alias_hits[k]
        if a > at:
            rest.append(view[at:a])
        at = max(at, b)
        k += 1
    if at == cell.start:
        return False
    if rest and alias_hits[bisect.bisect_left(hit_starts, cell.start)][0] > cell.start \
            and _REPO_OWNER_RE.fullmatch(rest[0]):
        # "| meta-llama/Llama-3.3-70B-Instruct |", "| Qwen/QwQ-32B |": the model's repository
        # id, its owner written before its name, names the model alone
        rest = rest[1:]
    rest.append(view[at:cell.end])
    return len(_NAME_REST_RE.sub("", " ".join(rest))) <= 3


#: a model's name in a repository id, after its owner and "/": a name with a digit ("Llama-3.1-8B")
_REPO_NAME_AFTER_RE = re.compile(r"[A-Za-z][\w.-]*[0-9]")
#: a model's name continued by "-Distill" (normalised: " distill"): a model distilled from it
_DISTILLED_AFTER_RE = re.compile(r" distill")
#: a model repository's owner written before the model's name ("meta-llama/", "deepseek-ai/")
_REPO_OWNER_RE = re.compile(r"[*_ \t]*[A-Za-z0-9][\w.-]*/")


# a load the article's own runs were measured under, named by a table's caption or a list's
# lead-in: "(Long Prompts, Concurrency=32)", "at high concurrency", "batch size 64", "16
# concurrent users", "2048x2048 tokens", "input length 512", "at 10 requests per second"
_LOAD_RE = re.compile(r"(?i)\b(?:concurrency|concurrent\s+(?:users|requests|sessions|streams)|batch[ -]?sizes?"
                      r"|(?:short|long|[0-9][0-9,.]*[kK]?[ -]tokens?)\s+(?:prompts?|inputs?|contexts?|sequences?)"
                      r"|(?:input|prompt|output|sequence)\s+lengths?|[0-9][0-9,]*\s*[×x]\s*[0-9][0-9,]*\s+tokens"
                      r"|requests\s+per\s+second|[QR]PS)\b")
# what a run measures (latency, throughput): a model's figure under a stated load is the
# article's own benchmark of it, a workload, not a spec of the model itself
_RUN_PROPERTIES = frozenset({"inference-latency", "inference-throughput", "achieved-throughput", "training-throughput"})
# what a run of a model is set up with: its GPUs, its batch, its concurrent requests
_SETUP_PROPERTIES = frozenset({"gpu-count", "batch-size", "concurrency"})
# (so too a training reported with whose it was, "The 175B GPT-3 model trained by OpenAI required
# 14.8 days of compute on 10,000 V100s": the maker's run of the model, no set-up of the writer's;
# not "trained by us on 8 GPUs")
_WAS_TRAINED_RE = re.compile(r"\b(?:was|were|been)\s+(?:\w+\s+)?(?:pre-?)?trained\b|\b(?:pre-?)?trained\s+by\s+(?!(?:us|me|our|my)\b)", re.I)
# the sizes of one model; and the ways a name near a number in prose is taken
_SIZE_PROPERTIES = frozenset({"parameters-total", "parameters-active"})
_PROSE_HOWS = frozenset({"before", "after", "previous"})
# the ways a name is taken in which a narrower thing named the same way wins over a broader one
_NARROWER_HOWS = frozenset({"table-row", "before"})
# a size written on one model: "7B parameter model", "1T parameter MoE model", "model (1T params"
# a memory size said to be of one of several parts of a card's memory: "8 stacks of HBM3e (24GB
# each)", "24 GB per stack", "six HBM3 stacks, 16GB apiece"
_MEMORY_SIZE_PROPERTIES = frozenset({"memory-capacity", "serving-memory"})
_PART_NOUNS = r"(?:stacks?|dies|modules|cubes|sites)"
_PER_PART_AFTER_RE = re.compile(rf"[\s)]*(?:per\s+(?:(?:HBM[0-9]*e?|memory)\s+)?{_PART_NOUNS[:-1]}|stack|die|module|cube|site)\b|each\b|apiece\b)", re.I)
_PARTS_BEFORE_RE = re.compile(rf"\b(?:[0-9]+|two|three|four|five|six|eight|ten|twelve|sixteen)\s*(?:x\s*)?(?:(?:HBM[0-9]*e?|memory)\s+)?{_PART_NOUNS}\b", re.I)
_ONE_MODEL_AFTER_RE = re.compile(r"(?:[ -]+[\w.-]+){0,3}?[ -]+model\b")
_ONE_MODEL_BEFORE_RE = re.compile(r"\bmodel\s*\(\s*[~≈]?$")


_RUN_ON_KINDS = frozenset({"gpu", "system", "cloud-instance"})


#: what joins a model and its hardware in one cell: "M4 Max + Qwen3 30B", "Llama 3 70B on H100"
_JOINED_RE = re.compile(r"[ \t*_]*(?:\+|&|\bon\b)[ \t*_]*")


_MODEL_SIZE_RE = re.compile(r"(?<![\w.])[0-9]+(?:\.[0-9]+)?[BT](?!\w)")
_PLUS_BEFORE_RE = re.compile(r"\S[ \t*_]*\+[ \t*_]*$")
_PLUS_AFTER_RE = re.compile(r"[ \t*_]*\+[ \t*_]*[\w(]")


def _model_and_hardware(idx: "Index", view: str, cell, cell_hits: list) -> bool:
    """Whether a table cell's names are a model and the hardware it runs on, joined by "+" or
    "on" ("M4 Max + Qwen3 30B", "Llama 3 70B on H100"), or a model joined by "+" to a thing the
    registry does not name ("2x3090 + Qwen3 30B"): a set-up, no registry thing."""
    if not cell_hits or "+" not in view[cell.start:cell.end] and len(cell_hits) < 2:
        return False
    for a_s, a_e, eid in cell_hits:
        kind = idx.entity_kind.get(eid or "")
        if kind == "model" \
                and (_PLUS_BEFORE_RE.search(view, cell.start, a_s) or _PLUS_AFTER_RE.match(view, a_e, cell.end)):
            return True
        if kind in _RUN_ON_KINDS and _PLUS_AFTER_RE.match(view, a_e, cell.end) \
                and _MODEL_SIZE_RE.search(view, a_e, cell.end):
            return True  # "M4 Max + LLaMA 8B": a model the registry does not name, by its size
    for (a_s, a_e, e1), (b_s, b_e, e2) in zip(cell_hits, cell_hits[1:]):
        k1, k2 = idx.entity_kind.get(e1 or ""), idx.entity_kind.get(e2 or "")
        if {k1, k2} & {"model"} and ({k1, k2} - {"model"}) & _RUN_ON_KINDS \
                and _JOINED_RE.fullmatch(view, a_e, b_s):
            return True
    return False


def _model_on_hardware(idx: "Index", t, row: int, alias_hits, hit_starts) -> bool:
    """Whether a table row names a model in one cell and, in another, the hardware it runs on ("|
    Llama 3.3 70B | A100 80GB | ~$15K | ~$200 |", "| DeepSeek R1 671B | 8x H100 | ..."): the row is
    a deployment of the article's own: a figure chiefly of a run (a workload's cost, its cost rate)
    is neither the model's nor the card's (the caller asks only for such properties: a table of
    reported training runs, "| GPT-3 175B | OpenAI | 2020 | 10K A100s |", gives its GPU count
    to the model)."""
    cells = _row_names(t, row, alias_hits, hit_starts)[0]
    model = hardware = None
    for c, _, hits in cells:
        kinds = {idx.entity_kind.get(e or "") for _, _, e in hits}
        if "model" in kinds and model is None:
            model = c
        elif not _RUN_ON_KINDS.isdisjoint(kinds) and hardware is None:
            hardware = c
    return model is not None and hardware is not None and model != hardware


# a bracket in a row label that says how a model is run on the hardware the label names: a
# model's size or a quantisation ("| RTX 3090 (Q5_K_M 32B) |", "| 1x L40S (INT8 quantized) |");
# a bare precision is none ("| H100 SXM (FP8) | 3,958 TFLOPS |", "| A100 (INT8) | 624 TOPS |"
# name the card's peak at that precision)
_RUN_BRACKET_RE = re.compile(r"\(([^()\n]{0,40}?(?<![\w.])(?:[0-9]+(?:\.[0-9]+)?\s?B|Q[2-8](?:_[0-9A-Z]+)*|GGUF|AWQ|GPTQ"
                             r"|[Qq]uanti[sz]ed)(?![\w.])[^()\n]{0,40})\)")


def _configured_hardware(idx: "Index", view: str, cell, alias_hits, hit_starts) -> bool:
    """Whether a table row's label names hardware with a bracket that says what model or
    quantisation runs on it ("| RTX 3090 (Q5_K_M 32B) | ~8 min | ~$0.008 |"): a configuration of
    the article's own, not the card itself (a variant's bracket, "| H100 (SXM5) |", "| A100 (80
    GB) |", names the card)."""
    if "(" not in view[cell.start:cell.end]:
        return False
    if not any(idx.entity_kind.get(e) in _RUN_ON_KINDS for e in _span_ids(cell, alias_hits, hit_starts)):
        return False
    return _RUN_BRACKET_RE.search(view, cell.start, cell.end) is not None


# the writer doing something with a run, in the first person, before the number: "I can run
# Deepseek Coder V2 at ~25 tok/s", "we only trained the 7B model to 2T tokens", "I needed 28.1 GB",
# "With my rig I could set up ... with a 400k context", "We assume we pay for only 3 GPUs"
# (the pronoun first in the class, so the scan skips to it in C)
_WRITER_RUN_RE = re.compile(r"[IWw](?<![\w'’][IWw])(?:(?<=I)|(?<=[Ww])e)(?:['’](?:ve|d|ll))?"
                            r"(?:\s+(?:only|also|then|just|finally|actually|can|could|would|will|did|was|were|am|are|still)){0,2}"
                            r"\s+(?:(?:was|were)\s+able\s+to\s+)?"
                            r"(?:run|ran|running|train|trained|training|need|needed|fit|fitted|set\s+up|measured"
                            r"|clocked|benchmarked|tested|achieved|reached|hit|pay|paid|spend|spent|saw|see|get|got)\b")
# (but seeing as a reader's aside reports what a thing has, not what the writer's run gave: "As we
# saw earlier, the H100 has 80 GB", "Here we see that the A100 offers 2 TB/s", "As I see it, ...")
_SEEING_ASIDE_BEFORE_RE = re.compile(r"(?i)\b(?:as|here)\s+$")
_SEEING_ASIDE_AFTER_RE = re.compile(r"(?i)\s+(?:it\b|that\b)")
# a break in the clause between the writer's verb and the number: "I needed 28.1 GB, which is more
# than the L4's 22.5GB" (the second number is the card's); a comma and a new subject ("When we
# tested the H100, it had 40 GB"); a new subject with its own verb ("we tested it and the card
# has 40 GB", "... that the A100 offers 2 TB/s")
# (a comma and a new subject break it only when a verb of what a thing has follows: "We tested
# Llama 3 8B on the RTX 4090, it reached 40 tok/s" and "..., the throughput was 400 tok/s" are
# still the run's; nor does such a verb inside a relative clause: "a cluster that has 512 A100s")
_SPEC_VERB = (r"(?:has|had|have|offers?|offered|delivers?|delivered|costs?|features?|comes\s+with"
              r"|ships\s+with|is\s+rated|provides?|boasts?)\b")
#: a comma opening a clause with a subject of its own, the writer or a pronoun ("..., we need");
#: or "with" and a thing doing something of its own ("Uses ~10.8 GB for model parameters, with KV
#: cache scaling linearly with prompt size": the KV cache's words are not the 10.8 GB's)
_OWN_CLAUSE_AFTER_RE = re.compile(r", (?:(?:we|I|you|they|it|he|she) (?![a-z]+ing\b)"
                                  r"|with (?:[A-Za-z][\w-]* ){1,3}(?:scal|grow|ris|fall|tak|shrink|increas|decreas|"
                                  r"drop|climb|doubl|requir|need|us|add)ing\b)")
_CLAUSE_BREAK_RE = re.compile(r"[;:]|,\s*(?:which|while|whereas|but|and|so)\b"
                              r"|,\s*(?:it|they|he|she|this|that|these|those|there|you|we|I"
                              r"|(?:the|its|their|our|my)(?:\s+[\w-]+){1,4}?)\s+" + _SPEC_VERB +
                              r"|\b(?:than|vs\.?|versus)\b"
                              r"|(?<!\bthat\s)(?<!\bwhich\s)(?<!\bwho\s)\b" + _SPEC_VERB)


_POSSESSIVE_GAP_RE = re.compile(r"(?:['’]?s)?[ \t]*")


# the writer buying, or finding for sale, before the thing bought: "We got a used RTX 3090 ... for
# $650", "I saw the H100 go for $25,000" (the pronoun first in the class, scanned for in C)
_WRITER_BUY_RE = re.compile(r"[IWw](?<![\w'’][IWw])(?:(?<=I)|(?<=[Ww])e)(?:['’](?:ve|d))?"
                            r"(?:\s+(?:only|also|then|just|finally|eventually|actually|recently|finally)){0,2}"
                            r"\s+(?:got|get|paid|pay|saw|see|found|find|bought|buy|picked\s+up|snagged|grabbed)\b")
# a thing built from the thing named ("an RTX 4090 box", "the H100 cluster"): its price is no card's
_BUILT_FROM_RE = re.compile(r"(?:[\s-]+(?:[0-9]+GB|GPUs?|cards?))?[\s-]+(?:clusters?|servers?|nodes?|rigs?|box(?:es)?|builds?"
                            r"|workstations?|setups?|systems?|machines?|instances?|pods?|racks?)\b", re.I)


def _writer_bought(idx, view: str, d, top, how, sent_lo: int, alias_hits, hit_starts) -> bool:
    """Whether an amount of money in the writer's own sentence is what a bought thing (a GPU, a
    system, a CPU) named before it cost, whoever paid: "there are usually a few 3090s for sale,
    usually around $1000 to $1200", "I saw another ad for a used 3090 ... for $800", "We got a used
    RTX 3090 for $650" (the thing's purchase price, not what a run of the writer's own got). A plain
    sum of money (no rate), read as a purchase price or, with no cue for another property, after
    a verb of buying or finding; not a thing built from it ("our RTX 4090 box")."""
    if top.how != "before" or idx.entity_kind.get(top.eid) not in _BOUGHT_KINDS:
        return False
    if not _CURRENCY_DIM_RE.fullmatch(unit_key(d.unit)[0]):
        return False
    k = bisect.bisect_left(hit_starts, d.span_start) - 1
    while k >= 0 and alias_hits[k][0] >= sent_lo and alias_hits[k][2] != top.eid:
        k -= 1
    if k < 0 or alias_hits[k][0] < sent_lo or _BUILT_FROM_RE.match(view, alias_hits[k][1]):
        return False
    if d.property == PURCHASE_PRICE:
        return True
    return how not in ("hint", "cue", "strong") \
        and _WRITER_BUY_RE.search(view, max(sent_lo, alias_hits[k][0] - 80), alias_hits[k][0]) is not None


def _family_sized(idx: Index, eid: str, d) -> bool:
    """Whether ``d`` is a parameter count that is the size of a registry variant of the model
    line ``eid`` (the family's own sizes, "Llama 2" with its 7B, 13B and 70B): what the line's
    variant of that size has, whoever tested it ("we tested 3 model sizes (7B, 13B, 70B
    parameters)" of Llama 2), not a figure of the writer's run."""
    if d.property not in _SIZE_PROPERTIES or d.value is None or idx.entity_kind.get(eid) != "model":
        return False
    sizes = idx.sizes.get(eid)
    if not sizes:
        return False
    k = unit_factor(d.unit, "billion parameter")
    if k is None:
        return False
    n = d.value * k
    return any(abs(float(sz) - n) <= 0.01 * n for sz in sizes)


def _writer_run(view: str, sent_lo: int, at: int, alias_hits, hit_starts) -> bool:
    """Whether the number at ``at`` is what the writer got or needed from a run of their own, in
    the clause where they say so ("Yes, I can run Deepseek Coder V2 at ~25 tok/s"): the figure of
    the writer's run of the named model or card, not a spec of it; but not a name's own number
    right after it ("the L4's 22.5GB", "the T4s 15GB"), nor past a clause break."""
    lo = max(sent_lo, at - 160)
    m = None
    for m in _WRITER_RUN_RE.finditer(view, lo, at):
        pass
    if m is None or _CLAUSE_BREAK_RE.search(view, m.end(), at):
        return False
    if m.group(0)[-3:].lower() in ("saw", "see") and (_SEEING_ASIDE_BEFORE_RE.search(view, max(lo, m.start() - 8), m.start())
                                                     or _SEEING_ASIDE_AFTER_RE.match(view, m.end())):
        return False
    k = bisect.bisect_left(hit_starts, at) - 1
    return not (k >= 0 and alias_hits[k][2] and alias_hits[k][1] <= at
                and _POSSESSIVE_GAP_RE.fullmatch(view, alias_hits[k][1], at) is not None)


def _load_table(t) -> bool:
    """Whether a table's caption names a load its figures were measured under (read once per
    table): "### TTFT (Short Prompts, Concurrency=1)" over "| Model A | 562ms |"."""
    cached = getattr(t, "_load", None)
    if cached is None:
        cached = t._load = bool(t.caption) and _LOAD_RE.search(t.caption) is not None
    return cached


#: a table's first column headed by a word for who sells or hosts ("| Provider |", "| Cloud |", "| Vendor |")
_PROVIDER_CORNER_RE = re.compile(r"(?i)[*_ \t]*(?:(?:cloud|api|gpu|inference)[ \t]+)?(?:providers?|clouds?|vendors?|hosts?"
                                 r"|platforms?|marketplaces?|companies|company|sellers?)[*_ \t]*")
#: a table's second column headed by a word for the things its rows price or describe ("| GPU |", "| Model |")
_THING_COLUMN_RE = re.compile(r"(?i)[*_ \t]*(?:gpus?|models?|accelerators?|chips?|cards?|hardware|instances?|skus?)[*_ \t]*")
#: a table's first column headed by a word for a group of things ("| Architecture | Name |", "| Family |
#: Model |"), its label repeated down the rows of each group
_GROUP_CORNER_RE = re.compile(r"(?i)[*_ \t]*(?:(?:gpu|chip|model)[ \t]+)?(?:architectures?|arch|famil(?:y|ies)|series"
                              r"|generations?|gen|makers?|manufacturers?|brands?)[*_ \t]*")
#: a table's second column headed by a word for the thing each row names ("| Name |", "| GPU |", "| Model name |")
_NAME_COLUMN_RE = re.compile(r"(?i)[*_ \t]*(?:(?:gpu|model|product|card|chip)[ \t]+)?(?:names?|gpus?|models?|accelerators?"
                             r"|chips?|cards?|products?|skus?)[*_ \t]*")
#: a table's second column headed by a word for a service's plans ("| Tool | Plan | Price |"), or
#: for the way a thing is rented ("| GPU Type | Pricing Model | 1 Hour |" over "| A100 | Spot |")
_PLAN_COLUMN_RE = re.compile(r"(?i)[*_ \t]*(?:(?:(?:subscription|pricing|paid)[ \t]+)?(?:plans?|tiers?|subscriptions?|editions?)"
                             r"|(?:pricing|billing|purchase|payment|rental)[ \t]+(?:models?|options?|types?))[*_ \t]*")


def _grouped_rows(t) -> bool:
    """A table whose first column groups its rows and whose second names each row's thing ("|
    Architecture | Name |" over "| Ampere | A100 |", "| Family | Model |" over "| GPT-5 | GPT-5
    mini |"), every row naming one (read once per table)."""
    cached = getattr(t, "_grouped", None)
    if cached is None:
        cached = len(t.header) > 2 and bool(_GROUP_CORNER_RE.fullmatch(t.header[0].text)) \
            and bool(_NAME_COLUMN_RE.fullmatch(t.header[1].text)) \
            and all(len(r) > 1 and re.search(r"[A-Za-z]", r[1].text) for r in t.rows if r)
        t._grouped = cached
    return cached


def _scenario_table(t) -> bool:
    """A table whose rows are worked scenarios (the same model in several rows, or a
    caption that says estimates or examples): each row is a thing of the article's own."""
    cached = getattr(t, "_scenario", None)
    if cached is None:
        # (a blank label repeats none: "| **OpenAI** | GPT-4o | ... |" over "| | GPT-4o mini | ... |",
        # a group's rows under the label of its first)
        labels = [x for x in (_MARKS_BLANKS_RE.sub(" ", r[0].text).strip().lower() for r in t.rows if r) if x]
        repeated = len(set(labels)) < len(labels)
        if repeated and len(t.header) > 2 and (_PROVIDER_CORNER_RE.fullmatch(t.header[0].text)
                                               and _THING_COLUMN_RE.fullmatch(t.header[1].text)
                                               or _PLAN_COLUMN_RE.fullmatch(t.header[1].text)):
            # (so too "| Tool | Plan | Price |" over "| Cursor | Pro | $20/mo |" and "| Cursor |
            # Business | $40/mo |": a service named again for each of its plans; and "| GPU Type |
            # Pricing Model | 1 Hour |" over "| A100 | Spot | $1.99 |" and "| A100 | On-Demand |
            # $15.92 |": a card named again for each way it is rented)
            # "| Provider | GPU | $/GPU-hr |" over "| AWS | H100 80 GB | $6.88 |" and "| AWS | H200
            # 141 GB | $4.97 |": a label repeats because its provider offers several GPUs, each row a
            # different thing the second column names, not a worked scenario
            pairs = [(_MARKS_BLANKS_RE.sub(" ", r[0].text).strip().lower(),
                      _MARKS_BLANKS_RE.sub(" ", r[1].text).strip().lower()) for r in t.rows if len(r) > 1 and r[0].text]
            repeated = len(set(pairs)) < len(pairs) or not all(b for _, b in pairs)
        elif repeated and _grouped_rows(t):
            # "| Architecture | Name | GPU Memory |" over "| Ampere | A100 | 40 GB |" and "| Ampere |
            # A10 | 24 GB |": the first column groups the rows (a family, an architecture), each row a
            # thing the second column names, not a worked scenario (a name given twice, "| Ampere |
            # A100 | 40 GB |" and "| Ampere | A100 | 80 GB |", is the same card in two variants)
            repeated = False
        cached = repeated or bool(_SCENARIO_CAPTION_RE.search(t.caption or ""))
        t._scenario = cached
    return cached


#: a cloud instance type's code ("p3.2xlarge", "g5.48xlarge", "trn1.32xl", "g4dn.metal"): a row so
#: labelled is that instance's, whatever the registry lacks, never the article's subject
_INSTANCE_CODE_RE = re.compile(r"(?i)[a-z][a-z0-9-]{0,12}\.(?:[0-9]*x?large|[0-9]+xl|metal|medium|small|micro|nano)")


def _unnamed_thing_cell(f: "Found", alias_hits, hit_starts, idx: "Index") -> str | None:
    """The name in a row's thing cell, in a table whose first column is headed by a word for who
    sells ("| Provider | Model | Input $/1M |"), where that cell names no registry thing but
    companies ("| Cohere | Command Light |", "| DeepSeek | DeepSeek-V3.1 (non-think) |"): a thing
    the registry lacks, which the row's figures (past the two cells) are of. None otherwise."""
    t = f.table
    if len(t.header) < 3 or f.col < 2 or not _PROVIDER_CORNER_RE.fullmatch(t.header[0].text) \
            or not _THING_COLUMN_RE.fullmatch(t.header[1].text):
        return None
    row = t.rows[f.row]
    if len(row) < 2:
        return None
    name = _MARKS_RE.sub("", row[1].text).strip()
    if not re.search(r"[A-Za-z]", name) or any(idx.entity_kind.get(e) != "organisation"
                                               for e in _span_ids(row[1], alias_hits, hit_starts)):
        return None
    return name[:120]


def _model_row(view: str, f: "Found", alias_hits, hit_starts, idx: "Index") -> bool:
    """Whether a table's row is labelled by a model's name alone, or by a name the registry lacks
    in a table whose other rows' labels are models' names alone, two at least ("| PaLM 2
    Text-Bison (4k) |" under "| Gemini 1.0 Pro (128k) |" and "| Gemini 2.0 Flash (1M) |")."""
    t = f.table
    cell = t.rows[f.row][0]
    ids = _span_ids(cell, alias_hits, hit_starts)
    if ids:
        return _bare_name(view, cell, alias_hits, hit_starts) and all(idx.entity_kind.get(e) == "model" for e in ids)
    if not re.search(r"[A-Za-z]", _MARKS_RE.sub("", cell.text)):
        return False
    models = 0
    for r in t.rows:
        if r and r[0] is not cell and (rid := _span_ids(r[0], alias_hits, hit_starts)):
            if not (_bare_name(view, r[0], alias_hits, hit_starts) and all(idx.entity_kind.get(e) == "model" for e in rid)):
                return False
            models += 1
    return models >= 2


def _unnamed_card_row(f: "Found", alias_hits, hit_starts, idx: "Index") -> bool:
    """Whether a table's row is labelled by a name the registry lacks that reads as a card's
    (letters and a number: "RTX A4000"), in a table whose other rows' labels name GPUs, two
    at least: the row is a card of the table's list, not a row of its column's provider."""
    t = f.table
    row = t.rows[f.row]
    if not row or f.col == 0 or _span_ids(row[0], alias_hits, hit_starts):
        return False
    label = _MARKS_RE.sub("", row[0].text).strip()
    if not (re.search(r"[A-Za-z]", label) and re.search(r"[0-9]", label)) or len(label) > 40:
        return False
    gpus = 0
    for r in t.rows:
        if r and r is not row and any(idx.entity_kind.get(e) == "gpu" for e in _span_ids(r[0], alias_hits, hit_starts)):
            gpus += 1
            if gpus >= 2:
                return True
    return False


def _named_columns(t, alias_hits, hit_starts) -> bool:
    """A table whose columns past the first are headed each by a registry thing of its own,
    two at least ("| **MODEL** | **deepseek-chat** | **deepseek-reasoner** |"; columns that name
    nothing, their headers no figure, may stand beside them): a comparison
    of those things, whose rows are their attributes; a row label that repeats in it ("| 1M
    TOKENS OUTPUT |" under the standard and under the discount price) is an attribute under
    another group of rows, not a worked scenario's (read once per table, for these hits)."""
    memo = getattr(t, "_named_columns", None)
    if memo is None or memo[0] is not alias_hits:
        named = []
        for cell in t.header[1:]:
            ids = set(_span_ids(cell, alias_hits, hit_starts))
            if not ids and named is not None and _DIGIT_RE.search(cell.text) is None:
                # "| Step | Formula | M3 Ultra Example | RTX 4090 Example |": a column that names
                # nothing (no figure in its header either) is a column of working beside the
                # things compared, not a break in the comparison
                continue
            if len(ids) != 1:
                named = None
                break
            named.append(next(iter(ids)))
        memo = t._named_columns = (alias_hits, named is not None and len(set(named)) == len(named) >= 2)
    return memo[1]


def _thing_columns(view: str, t, alias_hits, hit_starts) -> bool:
    """A spec table of two or more things side by side: each column past the first headed by
    one registry thing (the same one may head two: "| Feature | GH200 | GH200 NVL2 |", a
    product and a variant of it), one of them by its bare name, and no row labelled by a
    registry name alone ("| **Memory bandwidth** |", given twice, for the CPU's and the GPU's
    memory): its rows are attributes of the column things, not worked scenarios of the
    article's own; but not where a group of labels repeats ("| 1M TOKENS OUTPUT |" and the
    rest again under "| **DISCOUNT PRICE** |": the things on terms of the article's own)
    (read once per table, for these hits)."""
    memo = getattr(t, "_thing_columns", None)
    if memo is None or memo[0] is not alias_hits:
        heads = t.header[1:]
        labels = [x for x in (_MARKS_BLANKS_RE.sub(" ", r[0].text).strip().lower() for r in t.rows if r) if x]
        found = len(labels) - len(set(labels)) <= 1 and not _regrouped_label(t) and len(heads) >= 2 and all(len(set(_span_ids(c, alias_hits, hit_starts))) == 1 for c in heads) \
            and any(_bare_name(view, c, alias_hits, hit_starts) for c in heads) \
            and not any(r and _bare_name(view, r[0], alias_hits, hit_starts) for r in t.rows)
        memo = t._thing_columns = (alias_hits, found)
    return memo[1]


def _regrouped_label(t) -> bool:
    """Whether a row label of the table comes again after a row of a label alone (its other cells
    empty: "| **DISCOUNT PRICE** | | |"), i.e. a group of rows given again on other terms."""
    seen, grouped = set(), False
    for r in t.rows:
        if not r:
            continue
        label = _MARKS_BLANKS_RE.sub(" ", r[0].text).strip().lower()
        if label and len(r) > 1 and not any(c.text.strip() for c in r[1:]):
            grouped = True
        elif label in seen and grouped:
            return True
        elif label:
            seen.add(label)
    return False


# (a size, "80GB", "2", is no variant's word: "| H100 80GB |" is the card with that memory; nor
# words in brackets, "| Gaudi2 (BS=64) |": the same card run another way)
_NAME_NUMBER_RE = re.compile(r"[0-9][0-9.,]*\s*[A-Za-z]{0,2}\b|\([^()]*\)")
_VARIANT_WORD_RE = re.compile(r"(?i)\b(?!(?:desktop|founders|edition|reference|graphics|card|gpu)\b)[a-z]{2,}")


def _unnamed_words(view: str, cell, alias_hits, hit_starts) -> str:
    """The words of a table cell outside the registry names found in it."""
    k = bisect.bisect_left(hit_starts, cell.start)
    rest, at = [], cell.start
    while k < len(alias_hits) and alias_hits[k][0] < cell.end:
        a, b, _ = alias_hits[k]
        if a > at:
            rest.append(view[at:a])
        at = max(at, b)
        k += 1
    rest.append(view[at:cell.end])
    return " ".join(rest)


def _variant_header(view: str, f: "Found", eid: str, alias_hits, hit_starts) -> str | None:
    """The header of the number's column where it names registry thing ``eid`` with more words
    ("| GH200 NVL2 |") and another column of the table is headed by ``eid``'s name alone ("|
    GH200 |"): the words of the header, a variant's name; else None."""
    col = f.table.column_header(f.col)
    if col is None or f.col == 0 or set(_span_ids(col, alias_hits, hit_starts)) != {eid} \
            or not _VARIANT_WORD_RE.search(_NAME_NUMBER_RE.sub(" ", _unnamed_words(view, col, alias_hits, hit_starts))):
        return None
    if not any(c is not col and _span_ids(c, alias_hits, hit_starts) == [eid] and _bare_name(view, c, alias_hits, hit_starts)
               and not _VARIANT_WORD_RE.search(_NAME_NUMBER_RE.sub(" ", _unnamed_words(view, c, alias_hits, hit_starts)))
               for c in f.table.header[1:]):
        return None
    name = _MARKS_RE.sub("", col.text).strip()
    return name[:120] or None


def _named_rows(view: str, t, alias_hits, hit_starts) -> bool:
    """A table each of whose rows, two at least, is labelled by the bare name of a registry
    thing of its own ("| A100 |", "| T4 |", "| RTX 4090 |" under "## GPU Hourly Pricing
    (Estimated)"), or has such a name in one column ("| Method | Model | Cost |" over "|
    `generate` | Gemini 3 Pro | $0.13 |" and "| `generate` | Imagen 4 | $0.04 |", the first
    column's labels repeating): a list of those things, whose cells are their figures even
    where the caption says the figures are estimates, or the labels repeat (read once per
    table, for these hits)."""
    memo = getattr(t, "_named_rows", None)
    if memo is None or memo[0] is not alias_hits:
        found = False
        for c in range(max(1, len(t.header))):
            named = []
            for r in t.rows:
                if not r:
                    continue
                if c >= len(r):
                    named = None
                    break
                k0, k1 = bisect.bisect_left(hit_starts, r[c].start), bisect.bisect_left(hit_starts, r[c].end)
                ids = {e for _, _, e in alias_hits[k0:k1] if e}
                if len(ids) != 1 or not _bare_name(view, r[c], alias_hits, hit_starts):
                    named = None
                    break
                named.append(next(iter(ids)))
            if named is not None and len(set(named)) == len(named) >= 2:
                found = True
                break
        memo = t._named_rows = (alias_hits, found)
    return memo[1]


def _repeated_label(t, row: int) -> bool:
    """Whether row ``row``'s label is one an earlier row of the table has: an attribute given
    again under another group of rows ("| 1M TOKENS OUTPUT |" under "| **DISCOUNT PRICE** |",
    after the standard price's), the column's thing on other terms, a thing of the article's own."""
    label = _MARKS_BLANKS_RE.sub(" ", t.rows[row][0].text).strip().lower() if t.rows[row] else ""
    return bool(label) and any(r and _MARKS_BLANKS_RE.sub(" ", r[0].text).strip().lower() == label
                               for r in t.rows[:row])


def _blank_unnamed_row(f: "Found", alias_hits, hit_starts) -> bool:
    """Is the number's row one with a blank label (below a row that has one) whose cells name
    nothing?"""
    t = f.table
    row = t.rows[f.row] if 0 <= f.row < len(t.rows) else None
    if not row or f.row == 0 or _MARKS_BLANKS_RE.sub("", row[0].text):
        return False
    cells = _row_names(t, f.row, alias_hits, hit_starts)[0]
    return not any(eid for _, _, cell_hits in cells for _, _, eid in cell_hits)


def _unnamed_continuation(f: "Found", alias_hits, hit_starts, view: str) -> bool:
    """A row with a blank label (under the label of a group's first row) whose cells name
    nothing: a row of the article's own, as a worked scenario's (its label repeats the one
    above it), not a thing the table's caption or the text around names; but not where the
    group's label is the bare name of a registry thing (see :func:`_group_head`), nor in a
    comparison whose columns are each headed by a registry thing ("| | **Benchmark (Metric)** |
    **DeepSeek V2-0506** | ... | **DeepSeek V3** |" over "| | # Activated Params | 21B |" and "| |
    # Total Params | 236B |": a blank first column sorts the rows, each an attribute of the
    columns' things)."""
    return _blank_unnamed_row(f, alias_hits, hit_starts) and _group_label(view, f, alias_hits, hit_starts) is None \
        and not _category_rows(f.table) and not _named_columns(f.table, alias_hits, hit_starts)


#: a first column headed by a word for groups of rows ("| Category | Metric | Value |", "| Section |")
_CATEGORY_HEAD_RE = re.compile(r"(?i)[*_\s]*(?:categor(?:y|ies)|sections?|groups?|areas?|dimensions?|pillars?|themes?)[*_\s]*")


def _category_rows(t) -> bool:
    """Whether the first column of table ``t`` is headed by a word for groups of rows: its blank
    cells continue the group above ("| **Valuation** | Price | $259.37 |" over "| | Market cap |
    $3.833T |"), each row a line of the same thing's, no scenario of the article's own."""
    head = t.column_header(0)
    return head is not None and _CATEGORY_HEAD_RE.fullmatch(head.text) is not None


def _group_head(view: str, f: "Found", alias_hits, hit_starts):
    """The label cell of the row a blank-labelled row continues, where the row's cells name
    nothing and that label is the bare name of one registry thing ("| Gemini 1.5 Flash | Image
    Input | $0.00002 / image |" over "| | Video Input | $0.00002 / second |"): the group's rows
    are that thing's figures on other terms. None otherwise, and where the group's first row
    names a thing in another cell too ("| **Anthropic** | Claude Haiku 4.5 | $20 |" over "| |
    Team seat | $30 |": the label groups things the rows name, a row naming none is the
    article's own)."""
    return _group_label(view, f, alias_hits, hit_starts) if _blank_unnamed_row(f, alias_hits, hit_starts) else None


def _group_label(view: str, f: "Found", alias_hits, hit_starts):
    """:func:`_group_head` for a row already known to be blank-labelled and to name nothing."""
    t = f.table
    for r in range(f.row - 1, -1, -1):
        above = t.rows[r]
        if not above or not _MARKS_BLANKS_RE.sub("", above[0].text):
            continue
        if len(above) < 2 or all(not c.text for c in above[1:]):
            return None  # a group row of its own ("| **Speedup** |"): its label says what the rows measure
        if any(eid for c, _, cell_hits in _row_names(t, r, alias_hits, hit_starts)[0] if c > 0 for _, _, eid in cell_hits):
            return None  # "| **Anthropic** | Claude Haiku 4.5 |": the label groups things each row names
        k0, k1 = bisect.bisect_left(hit_starts, above[0].start), bisect.bisect_left(hit_starts, above[0].end)
        ids = {e for _, _, e in alias_hits[k0:k1] if e}
        if len(ids) == 1 and _bare_name(view, above[0], alias_hits, hit_starts):
            return above[0]
        return None
    return None


# a row label that is a period: "2023", "2028F", "Q3 2024", "FY2025", "H1 2024", "Jan 2025",
# "2024-25", "2030 (est.)"
_PERIOD_LABEL_RE = re.compile(
    r"(?i)(?:(?:FY|CY|H[12]|Q[1-4])\s*'?|(?:" + MONTH_ABBREVS_RE + r")[a-z]*\.?\s+)?"
    r"(?:19|20)[0-9]{2}(?:\s*[-–/]\s*(?:19|20)?[0-9]{2})?(?:\s*(?:Q[1-4]|H[12]))?"
    r"\s*(?:[EFP]|est\.?|estimated?|projected|forecast)?(?:\s*\([^()]*\))?")


def _period_rows(t) -> bool:
    """A table whose rows are periods ("| 2023 | 176 TWh |", "| Q3 2024 | $4.1B |"): one thing's
    figures over time, not a row of things (read once per table)."""
    cached = getattr(t, "_period_rows", None)
    if cached is None:
        labels = [_MARKS_BLANKS_RE.sub(" ", r[0].text).strip() for r in t.rows if r]
        labels = [x for x in labels if x]
        cached = len(labels) >= 2 and all(_PERIOD_LABEL_RE.fullmatch(x) for x in labels)
        t._period_rows = cached
    return cached


def _scenario_column(t, col: int) -> bool:
    """A column of one of the article's own configurations ("| SXM5 Configuration |")."""
    cell = t.column_header(col) if col > 0 else None
    return cell is not None and bool(_SCENARIO_COLUMN_RE.search(cell.text))


# (not "| 8-GPU Node TDP |": a count joined to its noun is a scope of the row's thing; nor "|
# 2024 Revenue |", "| 2025 Losses |": a year says when the row's thing had the figure, unless
# what follows it is a count's noun, "| 2000 Tokens |")
_WORKLOAD_COLUMN_RE = re.compile(r"\s*[*_]*[~≈]?(?!(?:19[5-9][0-9]|20[0-3][0-9])\s+(?!(?i:tokens?|requests?|queries|images?"
                                 r"|gpus?|hours?|users?|words?|pages?)\b)[A-Za-z])[0-9][0-9,.]*[KMBkmb]?\s+[A-Za-z]")


# "| Cost for the job |", "| Time for this run |": the workload the article has set up
_THE_JOB_RE = re.compile(r"(?i)\b(?:for|of|per) (?:the|this|that|our|your|each) (?:job|run|task|workload|batch|project)s?\b")


# "| 1M Tokens Input Price (Cache Miss) |", "| 1K tokens output price |": the unit a price is
# quoted per, written first (as API price lists head their columns), not a workload
_PER_UNIT_PRICE_COLUMN_RE = re.compile(r"(?i)\s*[*_]*1\s?[KM]?\s+tokens?\s+(?:[a-z]+\s+){0,2}prices?\b")


# "| 1 Hour |", "| 1 Month |": the one unit of time a rate is quoted per
_ONE_PERIOD_COLUMN_RE = re.compile(r"(?i)\s*[*_]*(?:1|one)[ \t-]*(?:hours?|hrs?|days?|weeks?|months?|mos?|years?|yrs?)[*_ \t]*")
# "| 3 Months |", "| 1-Year Reserved |", "| 3 yr commitment |": the term a rate is committed for
_TERM_COLUMN_RE = re.compile(r"(?i)\s*[*_]*[0-9]+[ \t-]*(?:months?|mos?|years?|yrs?)(?P<word>[ \t-]+(?:reserved|commit(?:ment|ted)?"
                             r"|terms?|contracts?|plans?|savings|ri))?[*_ \t]*")


def _term_column(t, col: int, cell) -> bool:
    """A column headed by one unit of time ("| 1 Hour |") or by a term of commitment ("| 1-Year
    Reserved |", or "| 3 Months |" in a table whose second column says how the thing is rented,
    "| GPU Type | Pricing Model |"): its cells are the row's thing's rates (per hour, or under that
    term), not a workload of the article's own."""
    if _ONE_PERIOD_COLUMN_RE.fullmatch(cell.text):
        return True
    m = _TERM_COLUMN_RE.fullmatch(cell.text)
    return m is not None and (m.group("word") is not None
                              or len(t.header) > 1 and _PLAN_COLUMN_RE.fullmatch(t.header[1].text) is not None)


def _workload_column(t, col: int) -> bool:
    """A column headed by an amount of something ("| 128K Input Cost |", "| 1K GPU Hours
    Energy |"): its cells are about that workload on the row's thing, a thing of the
    article's own, not about the row's thing itself; but not a price per one unit of tokens
    ("| 1M Tokens Input Price |") nor a rate per one unit of time or under a term ("| 1 Hour |",
    "| 3 Months |" beside "| Pricing Model |"), which are the row's thing's own."""
    cell = t.column_header(col) if col > 0 else None
    return cell is not None and (bool(_WORKLOAD_COLUMN_RE.match(cell.text))
                                 and not _PER_UNIT_PRICE_COLUMN_RE.match(cell.text) and not _term_column(t, col, cell)
                                 or bool(_THE_JOB_RE.search(cell.text)))


def _index_size_column(view: str, f: "Found", alias_hits, hit_starts) -> bool:
    """A column headed by a number of embeddings ("| 250M Embeddings |") in a row that names one
    registry model ("| [e5-base-v2](...): int8 | 768 | 286.10GB<br>$1087 / mo |"): the size of
    the index that model's vectors fill, a condition (`vectors`) of its memory and cost, not a
    workload of the article's own. A row naming several models ("| 384 | all-MiniLM-L6-v2<br>bge-
    small-en-v1.5 |") stays the article's own class of them."""
    cell = f.table.column_header(f.col) if f.col > 0 else None
    if cell is None or not _INDEX_SIZE_COLUMN_RE.match(cell.text):
        return False
    row = f.table.rows[f.row]
    ids = set()
    for c, _, hits in _row_names(f.table, f.row, alias_hits, hit_starts)[0]:
        got = {eid for _, _, eid in hits if eid}
        if got:
            cell, at, rest = row[c], row[c].start, []
            for a, b, _ in hits:
                rest.append(view[at:a])
                at = max(at, b)
            rest.append(view[at:cell.end])
            if _OTHER_NAME_RE.search(_PRECISION_WORD_RE.sub(" ", " ".join(rest))):
                return False  # a cell listing several models, the registry knowing some
        ids |= got
    return len(ids) == 1


# "| 250M Embeddings |", "| 1B vectors |": the size of an index the row's model fills, a condition
# (`vectors`) of its memory or cost, not a workload of the article's own
# a model's name the registry does not know, beside one it knows ("bge-small-en-v1.5"), and the
# formats a row may add to its model's name ("e5-base-v2: int8")
_OTHER_NAME_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)+|[A-Za-z]+[0-9]")
_PRECISION_WORD_RE = re.compile(r"(?i)\b(?:float|fp|bf|int|uint)[0-9]+\b|\bu?binary\b")
_INDEX_SIZE_COLUMN_RE = re.compile(r"(?i)\s*[*_]*[~≈]?[0-9][0-9,.]*\s*[KMB]?\s+(?:embeddings?|vectors?)\b")


_LINE_LABEL_RE = re.compile(r"[ \t]*(?:[-*+•#]+[ \t]*|[│ ]*[├└╰][─━]*[ \t]*)?(?:\*\*|`)?[A-Za-z][^:\n]{0,40}?(?:\*\*|`)?:[ \t]")


def _own_label(view: str, pos: int, alias_hits, hit_starts) -> int | None:
    """The position of the colon ending a short label that starts the line ``pos`` is in
    ("- Engineering time: $5,000/month") when the label names no registry entity."""
    line_lo = view.rfind("\n", 0, pos) + 1
    m = _LINE_LABEL_RE.match(view, line_lo)
    if m is None or m.end() > pos + 40:
        return None
    k = bisect.bisect_left(hit_starts, line_lo)
    if k < len(alias_hits) and alias_hits[k][0] < m.end() and alias_hits[k][2]:
        return None
    return m.end() - 2 if view[m.end() - 2] == ":" else m.end() - 1


# a label that is a phrase or a sum rather than a name: "With 256 H100s:", "Cost at $98/hr
# (AWS p5):" (a count of a thing, a price, a preposition first: a setup built from it)
_NOT_A_NAME_LABEL_RE = re.compile(r"^[ \t]*(?:[-*+•#]+[ \t]*|[│ ]*[├└╰][─━]*[ \t]*)?(?:\*\*)?(?:with|at|on|for|in|from|by|using|via)\b"
                                  r"|[0-9][0-9,.]*\s*[x×]?\s*[A-Z][A-Za-z]*[0-9]|[$€£=]", re.I | re.M)


#: between a name and its number, a label's colon, equals or at sign ("V100: 1.5-3 hours",
#: "**H100**: $2.49/hr", "L4 = $0.44/hr", "**RunPod RTX 4090 @ $0.77/hr**")
_NAME_LABEL_GAP_RE = re.compile(r"(?:\*\*|__|`)?" + _LABEL_SIGN + r"[~≈]?")
#: between two names that together label a number ("RunPod RTX 4090", "**Modal** **T4**")
_NAME_RUN_GAP_RE = re.compile(r"[ \t*_]{1,5}")


def _name_labels_before(view: str, pos: int, lo: int, alias_hits, hit_starts) -> list[str]:
    """The registry entities whose names label the number at ``pos`` (a name, then a colon, an
    equals or an at sign, then the number: "T4: 2-4 hours, V100: 1.5-3 hours"; with the names
    written right before it, "RunPod RTX 4090 @ $0.77/hr"), nearest first, its sentence starting
    at ``lo``; none where no name does."""
    k = bisect.bisect_left(hit_starts, pos) - 1
    while k >= 0 and alias_hits[k][0] >= lo:
        a, b, eid = alias_hits[k]
        if b <= pos:
            if not (eid and pos - b <= 8 and _NAME_LABEL_GAP_RE.fullmatch(view, b, pos)):
                return []
            out = [eid]
            while k > 0 and alias_hits[k - 1][0] >= lo and alias_hits[k - 1][2] \
                    and _NAME_RUN_GAP_RE.fullmatch(view, alias_hits[k - 1][1], a):
                k -= 1
                a = alias_hits[k][0]
                out.append(alias_hits[k][2])
            return out
        k -= 1
    return []


def _label_entity(view: str, pos: int, alias_hits, hit_starts) -> str | None:
    """The registry entity a short label starting the line ``pos`` is in names, when the
    number comes after the label's colon and no other name stands between them ("- Acme
    Revenue Share: $7 million", "**Nuclear**: 8-15 years"); None otherwise."""
    line_lo = view.rfind("\n", 0, pos) + 1
    m = _LINE_LABEL_RE.match(view, line_lo)
    if m is None or m.end() > pos or _NOT_A_NAME_LABEL_RE.search(view, line_lo, m.end()):
        return None
    k = bisect.bisect_left(hit_starts, line_lo)
    eid = None
    while k < len(alias_hits) and alias_hits[k][0] < pos:
        a, b, e = alias_hits[k]
        if a >= m.end() - 1 or not e:
            return None  # a name after the label, nearer the number (or a name of no entity)
        eid = eid or e
        k += 1
    return eid


# the marks around a line label's name ("- **GPT-4o**: ...", "* `o3-mini`: ..."): its bullet, bold
# and code marks, and blanks
#: a product's name that ends with the name of one of its plans ("Claude Pro", "ChatGPT Plus")
_PLAN_NAME_END_RE = re.compile(r"[ \t](?:Plus|Pro|Team|Teams|Enterprise|Business|Max|Premium|Advanced|Free)$")
_LABEL_MARKS_RE = re.compile(r"[ \t]*(?:[-*+•]+[ \t]*)?(?:\*\*|`)?")


def _label_is_name(view: str, pos: int, alias_hits, hit_starts) -> bool:
    """Whether the short label starting the line ``pos`` is in (``_label_entity``'s) is a
    registry name and nothing else, its marks aside ("- GPT-4.1 nano: $0.150/1M input
    tokens", "- **Claude 3.5 Haiku**: $0.80"), not a name among other words ("- GPT-4o
    savings: ...", "- Claude Sonnet (batch): ...")."""
    line_lo = view.rfind("\n", 0, pos) + 1
    m = _LINE_LABEL_RE.match(view, line_lo)
    if m is None or m.end() > pos:
        return False
    k = bisect.bisect_left(hit_starts, line_lo)
    if k >= len(alias_hits) or alias_hits[k][0] >= m.end() or not alias_hits[k][2]:
        return False
    a, b = alias_hits[k][0], alias_hits[k][1]
    if _PLAN_NAME_END_RE.search(view, a, b):
        return False  # "- Claude Pro: $20/month": a plan of a product (its price is the plan's), no plain name
    opener = _LABEL_MARKS_RE.match(view, line_lo)
    return opener is not None and opener.end() == a and view[b:m.end()].strip(" \t*`") == ":"


def _label_names(f: "Found", alias_hits, hit_starts) -> bool:
    """Whether the label cell of a table cell's row names a registry entity ("| Acme Corp |
    ..." under "| Company | Scenario value |": the scenario is Acme's, the row its entity)."""
    row = f.table.rows[f.row]
    if not row:
        return False
    k = bisect.bisect_left(hit_starts, row[0].start)
    return k < len(alias_hits) and alias_hits[k][0] < row[0].end and bool(alias_hits[k][2])


# (the patterns of _new_entity_name and _scenario_table, compiled once: they ran for each
# number of a new entity through the re module's cache)
_MARKS_BLANKS_RE = re.compile(r"[*_`\s]+")
_AMOUNT_CELL_RE = re.compile(r"[~$≈]*[0-9][0-9,.]*\s*[A-Za-z%]{0,6}\+?")
_MARKS_RE = re.compile(r"[*_`]")
_PRICE_COLUMN_RE = re.compile(r"[$%(]|\b(?:cost|price|hours?|tokens?|gpus?|tdp)\b", re.I)
_BLANKS_RE = re.compile(r"\s+")


def _new_entity_name(f: "Found", view: str, sent: tuple) -> str:
    if f.table is not None:
        row = f.table.rows[f.row]
        label = row[0].text if row else ""
        if _scenario_table(f.table):  # the row's words say which scenario it is
            label = ", ".join(c.text for c in row if c.text and c is not row[f.col]
                              and not _AMOUNT_CELL_RE.fullmatch(c.text))
        col = f.table.column_header(f.col)
        name = _MARKS_RE.sub("", label).strip()
        if col is not None and f.col > 0 and (_workload_column(f.table, f.col)
                                              or not _PRICE_COLUMN_RE.search(col.text)):
            name = f"{name} ({_MARKS_RE.sub('', col.text).strip()})"
        if f.table.caption:
            name = f"{name}, table '{f.table.caption}'"
        return name[:120]
    lo, hi = f.draft.start, f.draft.end
    return _BLANKS_RE.sub(" ", view[lo:hi]).strip()[:120]


# --------------------------------------------------------------------------------------
# Conditions
# --------------------------------------------------------------------------------------

_SPARSE_RE = re.compile(r"\bsparsity\b|\bsparse\b")
_NO_SPARSE_RE = re.compile(r"\bw/o sparsity|\bwithout sparsity|\bno sparsity|\bnon-sparse")
_DENSE_RE = re.compile(r"\bdense\b")
#: a datasheet's footnote marking its starred figures as sparse ("*\\* With sparsity*" under
#: "| 1,979 teraFLOPS* \\| 990 teraFLOPS |")
_SPARSE_FOOTNOTE_RE = re.compile(r"(?im)^[ \t>_]*(?:\\?\*[ \t]*)+with[ \t]+(?:structur(?:al|ed)[ \t]+)?sparsity\b")


def _footnoted_sparse(view: str, end: int, memo: dict | None) -> bool:
    """Whether the number ending at ``end`` carries a footnote's star ("989 teraFLOPS*", not a
    bold's "**") and the text's footnote says its starred figures are with sparsity."""
    if end >= len(view) or view[end] != "*" or view.startswith("**", end) or view[end - 1] == "*":
        return False
    if memo is None:
        return _SPARSE_FOOTNOTE_RE.search(view) is not None
    hit = memo.get("sparse-footnote")
    if hit is None:
        hit = memo["sparse-footnote"] = _SPARSE_FOOTNOTE_RE.search(view) is not None
    return hit
# (and Polish "tokenów wejściowych" / "wyjściowych": input / output tokens)
_DIRECTION_RE = re.compile(r"\b(input|prompt|output|completion)s?\b|\b(wejściow|wyjściow)\w*")
_DIRECTION_WORDS = {"wejściow": "input", "wyjściow": "output"}
_SCOPE_RES = ((re.compile(r"\bper (?:gpu|card|accelerator|chip)\b"), "per-gpu"), (re.compile(r"\bper rack\b|\brack\b"), "per-rack"),
              (re.compile(r"\b(?:8|4|16)[ -]gpu (?:node|server|instance|system)s?\b|\bper (?:node|server)\b"
                          r"|\bnodes?\b|\bservers?\b"), "per-node"),
              (re.compile(r"\binstances?\b"), "per-instance"))
_PRICING_RES = ((re.compile(r"on[- ]demand"), "on-demand"), (re.compile(r"\bspot\b"), "spot"),
                (re.compile(r"\breserved\b"), "reserved"), (re.compile(r"\bcommit"), "committed"))
# a period in prose: "in 2024", "by 2030", "in Q3 2025", "during fiscal 2025", "Q1 FY2026",
# "for H1 2024", "first-half 2025" (a year alone only after a preposition: "the 2024 model"
# names no period)
_PERIOD_RE = re.compile(
    r"(?<![\w-])(?:(?P<pre>(?i:in|during|for|by))\s+(?:the\s+)?)?"
    r"(?:(?P<part>Q[1-4]|H[12])\s?(?:of\s+)?(?P<fy1>(?i:fiscal)\s+(?:(?i:year)\s+)?|FY\s?)?'?(?P<y1>(?:19|20)[0-9]{2})"
    r"|(?P<fy2>(?i:fiscal)\s+(?:(?i:year)\s+)?|FY\s?)'?(?P<y2>(?:19|20)[0-9]{2})(?:\s?(?P<part2>Q[1-4]|H[12]))?"
    r"|(?:(?P<mon>" + MONTH_SHORT_RE + r")\.?\s+|(?P<season>(?i:early|mid|late))[- ]?"
    r"|(?P<half>(?i:first|second))[- ](?i:half)(?:\s+(?i:of))?\s+"
    r"|(?P<qtr>(?i:first|second|third|fourth))[- ](?i:quarter)(?:\s+(?i:of))?\s+)?(?P<y3>(?:19|20)[0-9]{2})(?:[- ]?(?P<part3>Q[1-4]|H[12]))?)(?P<fe>[FE])?(?![\w-])")
# a year's flow of money written right after a bare year ("2024 revenue", "2025 Capex:", "2023
# net loss"): the year is its period
_YEAR_FLOW_RE = re.compile(r"[*_]*\s{1,2}(?i:(?:annual\s+|full[- ]year\s+|total\s+|net\s+|gross\s+|operating\s+)?"
                           r"(?:revenues?|sales|capex|capital\s+(?:expenditures?|spending)|income|profits?|loss(?:es)?"
                           r"|earnings|free\s+cash\s+flow|cash\s+burn))\b")
# a table label that is a period and nothing else ("| Q3 2025 |", "| FY2024 |", "| 2023 |")
_LABEL_PERIOD_RE = re.compile(r"[*_\s]*(?:(?P<part>Q[1-4]|H[12])\s?'?(?P<y1>(?:19|20)[0-9]{2})"
                              r"|(?P<y0>(?:19|20)[0-9]{2})[- ]?(?P<part0>Q[1-4]|H[12])"
                              r"|(?:(?P<part2>Q[1-4]|H[12])\s?)?(?:(?i:fiscal)\s+(?:(?i:year)\s+)?|FY\s?)'?"
                              r"(?P<y2>(?:19|20)[0-9]{2}|[0-9]{2})(?:\s?(?P<part3>Q[1-4]|H[12]))?"
                              r"|(?P<y3>(?:19|20)[0-9]{2}))[FE]?[*_\s]*(?:\([^()]{0,12}\))?[*_\s]*")
# a cache hit or miss marked right after a token price ("$0.028 (hit)", "$0.28 (cache miss)")
_HIT_OR_MISS_RE = re.compile(r"[*_]*\s?\((?:cache[- ])?(hits?|miss(?:es)?)\)", re.I)
# a number's stretch of a sentence: from the last comma, semicolon, colon, full stop or number
# before it, up to the next one ("... 256 experts | and 8 of them active")
_SEGMENT_RE = re.compile(r"[^,;:.\n0-9]{0,80}")
_SEGMENT_BACK_RE = re.compile(r"[^,;:.\n0-9]{0,30}$")
# a token price that mixes input and output prices ("blended price", "Blended $/1M (3:1)")
_BLENDED_RE = re.compile(r"\bblend(?:ed)?\b")
# a price column headed as an average ("Total (avg)", "Average")
_AVERAGE_HEAD_RE = re.compile(r"(?i)\b(?:avg|average)\b")
# a year marked as an analyst's forecast or estimate ("2035F", "FY2026E", "2025E")
_MARKED_YEAR_RE = re.compile(r"(?<![\w-])(?:FY\s?)?(?:19|20)[0-9]{2}([FE])(?![\w-])")
# a table column whose cells say the period of the row's numbers
_PERIOD_COLUMN_RE = re.compile(r"(?i)[*_\s]*(?:period|quarter|qtr|fiscal (?:year|quarter)|fy|year|date|as of)[*_\s]*")
# (written with the words' first letters first and "\b" looked behind for: the engine skips to
# those letters instead of trying every position of the words near a number)
_STAT_RE = re.compile(r"([pmat](?<!\w[pmat])(?:(?<=p)(?:50|90|95|99|eak)|(?<=m)(?:edian|ean)|(?<=a)verage"
                      r"|(?<=t)ypical))\b")
# what every match of _PERIOD_RE holds: a clause without a year is not searched for one
_YEAR_RE = re.compile(r"(?:19|20)[0-9]{2}")
_METRIC_RES = ((re.compile(r"time[- ]to[- ]first[- ]token|\bttft\b"), "time-to-first-token"),
               # ("| Median ITL (ms) |": inter-token latency, the gap between two output tokens)
               (re.compile(r"per output token|inter[- ]token|\btpot\b|\bitl\b|per token"), "per-output-token"),
               (re.compile(r"end[- ]to[- ]end|\be2e\b"), "end-to-end"))
_BATCH_RE = re.compile(r"\bbatch(?: size)?(?: of)?\s*(?:=\s*)?([0-9]+)\b")
#: a precision written out ("| **BFLOAT16** | 989.5 TFLOPS |", "float16 weights"): the key's value
_PRECISION_NAME_RE = re.compile(r"(?<![a-z0-9])(bfloat-?16|float-?16|float-?32|float-?64)(?![a-z0-9])")
_PRECISION_NAMES = {"bfloat16": "bf16", "bfloat-16": "bf16", "float16": "fp16", "float-16": "fp16",
                    "float32": "fp32", "float-32": "fp32", "float64": "fp64", "float-64": "fp64"}
#: which way an interconnect's bandwidth is counted ("NVLink (Unidirectional)", "900 GB/s
#: unidirectional", "1.8 TB/s bidirectional"): one direction, or both together (twice as much)
_LINK_DIRECTION_RES = ((re.compile(r"\buni-?directional\b|\bone[- ]way\b|\b(?:in )?(?:each|one|per) direction\b"),
                        "unidirectional"),
                       (re.compile(r"\bbi-?directional\b|\bboth directions\b|\bbidir\b"), "bidirectional"))
#: the kind of parallelism a degree is of ("| TP | PP |" over "| 4 | 8 |", "8-way tensor parallelism")
_PARALLELISM_RES = ((re.compile(r"\btensor[- ]parallel|\btp\b"), "tensor"),
                    (re.compile(r"\bpipeline[- ]parallel|\bpp\b"), "pipeline"),
                    (re.compile(r"\bdata[- ]parallel|\bdp\b"), "data"),
                    (re.compile(r"\bexpert[- ]parallel|\bep\b"), "expert"),
                    (re.compile(r"\bsequence[- ]parallel|\bsp\b"), "sequence"),
                    (re.compile(r"\bcontext[- ]parallel|\bcp\b"), "context"))
# ("| NVIDIA NVLink-C2C CPU-to-GPU bandwidth | 900GB/s |": the chip-to-chip link, where NVLink's
# fabric itself is not named beside it)
_LINK_RES = ((re.compile(r"\bnvlink\b(?![- ]?c2c)"), "nvlink"), (re.compile(r"\bnvlink[- ]?c2c\b"), "nvlink-c2c"),
             (re.compile(r"\bpcie\b"), "pcie"),
             (re.compile(r"\binfiniband\b"), "infiniband"), (re.compile(r"\bethernet\b"), "ethernet"))
_BASIS_RE = re.compile(r"\(est\.?\)|\bestimated?\b|\bprojected\b|\bforecast\b|\bexpected\b|\bscenario\b")
_STAT_MAP = {"average": "mean"}
_SCOPE_WORDS_RE = re.compile(r"per |rack|node|server|instance")
# (what every match of _BASIS_RE has: searched first, in C; "est" alone is in "best", "test", "largest")
#: Data centres named before a number with no other number between ("the data centers in the
#: United States were consuming 61.4 billion kWh"): the figure is theirs (a segment of a region).
_DATA_CENTRE_BEFORE_RE = re.compile(r"\bdata[ -]?cent(?:er|re)s?\b[^0-9]*$", re.I)
_BASIS_WORDS_RE = re.compile(r"\(est|estimate|projected|forecast|expected|scenario")
_TIER_WORDS_RE = re.compile(r"cach|batch|priority|flex|fine-?tun")
# pricing tiers of token prices ("cached input", "Batch API"); a batch *size* is no tier
_TIER_RES = ((re.compile(r"\bcache (?:write|creation)|\bcache[sd]? writes?\b"), "cache-write"),
             (re.compile(r"\bcached(?: input)?\b|\bcache (?:hit|read)s?\b|\bprompt caching\b"), "cached-input"),
             (re.compile(r"\bbatch (?:api|pricing|mode|tier|discount|jobs?|processing|requests?|input|output)\b"), "batch"),
             (re.compile(r"\bpriority (?:tier|processing|pricing)\b"), "priority"),
             (re.compile(r"\bflex (?:tier|processing|pricing)\b"), "flex"),
             (re.compile(r"\bfine-?tuned (?:model|usage|use|inference)\b"), "fine-tuned"))
_PREC_CACHE: dict = {}


#: what may stand between a number's unit and the precision it is in ("989 TFLOPS dense FP16",
#: "1,979 TFLOPS of FP8", "720 PFLOPS (FP8)", "2x faster in **BF16**"): no comma, no line break
_PRECISION_GAP_RE = re.compile(r"[ \t*_(]*(?:(?:of|in|at|for|with|dense|sparse)[ \t*_(]+)*")
#: how far before a number the precision its own words name may be (characters), and what may
#: not stand between them (a clause's comma, a sentence's stop)
_PRECISION_BEFORE = 48
_PRECISION_CLAUSE_RE = re.compile(r"[,;]|\.\s")
#: precisions written together as one ("FP16/BF16", "FP8 / INT8"): the first one names them
_PRECISION_JOIN_RE = re.compile(r"[ \t]*/[ \t]*$")


def _own_precision(rx: re.Pattern, view: str, f: "Found") -> str | None:
    """The precision a number's own words give, where they give one: in a table, its cell's
    ("| FB8 / INT8 |" over "| 720 PFLOPS (FP8) |": the cell's beats the column's); in prose,
    the one written right after its unit ("989 TFLOPS dense FP16"), else the last one before it
    on its line ("FP8 **+11.1%** (5 vs 4.5 PFLOPS) and FP16/BF16 **+11.1%** (2.5 vs 2.25
    PFLOPS)": FP8's for 5 and 4.5, not the FP16 named after them). None: no own precision."""
    d = f.draft
    if f.table is not None:
        if not (0 <= f.row < len(f.table.rows)) or not (0 <= f.col < len(f.table.rows[f.row])):
            return None
        cell = f.table.rows[f.row][f.col]
        m = rx.search(view[cell.start:cell.end].lower())
        return m.group(1) if m else None
    tail = view[d.span_end:d.span_end + 60].lower()
    m = rx.match(tail, _PRECISION_GAP_RE.match(tail).end())
    if m:
        return m.group(1)
    # (its sentence only, and near: "The int4 compute is 1248 TOPS. ... roughly 30 tokens/s" is
    # no int4 rate; "H100 FP8, A100 FP16, ... BS=32/64": a clause of its own between)
    lo = max(view.rfind("\n", max(0, d.span_start - _PRECISION_BEFORE), d.span_start) + 1, d.start,
             d.span_start - _PRECISION_BEFORE)
    head = view[lo:d.span_start].lower()
    hits = list(rx.finditer(head))
    if not hits or _PRECISION_CLAUSE_RE.search(head, hits[-1].end()) is not None:
        return None
    k = len(hits) - 1
    while k > 0 and hits[k - 1].end() <= hits[k].start() \
            and _PRECISION_JOIN_RE.search(head, hits[k - 1].end(), hits[k].start()) \
            and not head[hits[k - 1].end():hits[k].start()].strip(" \t/"):
        k -= 1
    return hits[k].group(1)


def _precision_re(conditions: dict):
    """The regex of the precision key's values (made once per conditions table)."""
    hit = _PREC_CACHE.get(id(conditions))
    if hit is None or hit[0] is not conditions:
        vals = tuple(str(v).lower() for v in (conditions.get("precision") or {}).get("values") or [])
        hit = (conditions, _values_re(vals))
        _PREC_CACHE.clear()
        _PREC_CACHE[id(conditions)] = hit
    return hit[1]


@functools.lru_cache(maxsize=8)
def _values_re(values: tuple):
    if not values:
        return None
    alts = "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True))
    return re.compile(r"(?<![a-z0-9])(" + alts + r")(?![a-z0-9])")


@functools.lru_cache(maxsize=64)
def _counted_stems(values: tuple) -> tuple:
    """Each value of the ``item`` condition as its words' stems, longest first."""
    out = [(tuple(_stem(w) for w in v.split("-") if w), v) for v in values]
    return tuple(sorted((t for t in out if t[0]), key=lambda t: -len(t[0])))


# the words of a noun that name the same thing as an ``item`` value's ("6 diesel generators", "6
# standby generators": backup-generator; "12 benchmark runs": test-run), as stems
_COUNTED_SYNONYMS = {tuple(_stem(w) for w in k.split()): tuple(_stem(w) for w in v.split()) for k, v in (
    ("diesel generators", "backup generators"), ("standby generators", "backup generators"),
    ("benchmark runs", "test runs"),
    # a cloud's virtual CPU is one hardware thread of a host CPU's core ("8 A100 GPUs, 98 vCPUs"):
    # counted as cpu-thread, as an instance's threads are
    ("vcpus", "cpu threads"))}


def _counted_value(raw: str, values: tuple) -> str | None:
    """The ``item`` value a count's noun names ("4 base models" -> base-model): the longest
    value whose words, stemmed, end the noun ("3 new open models" -> model)."""
    noun = re.sub(r"^[^A-Za-z]*", "", raw or "")
    words = tuple(_stem(w) for w in re.split(r"[\s-]+", noun) if w)
    if not words:
        return None
    if words[-2:] in _COUNTED_SYNONYMS:
        words = words[:-2] + _COUNTED_SYNONYMS[words[-2:]]
    elif words[-1:] in _COUNTED_SYNONYMS:
        words = words[:-1] + _COUNTED_SYNONYMS[words[-1:]]
    for stems, v in _counted_stems(values):
        if len(stems) <= len(words) and words[-len(stems):] == stems:
            return v
    return None


def _nearest_direction(near: str, at: tuple[str, int, int] | None) -> str | None:
    """The direction word ("input", "output", "prompt", "completion") of a price. ``at`` is the
    text the number stands in (its prose context, or its table cell) with the number's span
    there: the word of that text nearest the number wins, so that in "$3 input / $15 output"
    each price gets its own word although both words are in the second one's context. A cell
    that names none takes the first word of its row's and column's labels (``near``)."""
    best, word = None, None
    if at is not None:
        text, a, b = at
        for m in _DIRECTION_RE.finditer(text.lower()):
            gap = a - m.end() if m.end() <= a else m.start() - b if m.start() >= b else 0
            if best is None or gap < best:
                best, word = gap, m.group(1) or _DIRECTION_WORDS[m.group(2)]
    if word is None:
        m = _DIRECTION_RE.search(near)
        if m is None and "_" in near:  # "| input_price | output_price |": a label's underscore parts words
            m = _DIRECTION_RE.search(near.replace("_", " "))
        word = (m.group(1) or _DIRECTION_WORDS[m.group(2)]) if m else None
    return word


# prompts sized by a bound ("for prompts ≤ 200K tokens", "prompts > 200K", "prompts longer than
# 128K"): a tier of context length, no side of a call
_PROMPT_BOUND_RE = re.compile(r"(?i)\bprompts?[ \t]*(?:[≤≥<>]|(?:longer|shorter|over|under|above|below|up[ \t]+to"
                              r"|exceeding|beyond)\b)")
# a pair of token prices told apart by the short words "in" and "out" ("$5 in / $15 out",
# "$0.50 in, $1.50 out"), and the word right after one of its amounts
_IN_OUT_PAIR_RE = re.compile(r"(?i)\$[ \t]?\d[\d.,]*[ \t]+in[ \t]*[/,;][ \t]*\$[ \t]?\d[\d.,]*[ \t]+out\b")
_IN_OUT_AFTER_RE = re.compile(r"(?i)[ \t]+(in|out)\b")


def _in_out_direction(at: tuple[str, int, int]) -> str | None:
    """The direction of a token price written in a pair "$5 in / $15 out" (``at``: the text the
    number stands in, with its span there): "in" right after it an input price, "out" an
    output price; None where the text holds no such pair ("$5 in savings")."""
    text, _, b = at
    m = _IN_OUT_AFTER_RE.match(text, b)
    if m is None or _IN_OUT_PAIR_RE.search(text) is None:
        return None
    return "input" if m.group(1).lower() == "in" else "output"


def _nearest_pricing(text: str, at: tuple[str, int, int] | None) -> str | None:
    """The pricing model a word near a rental price names ("on-demand", "spot", "reserved",
    "committed"): in prose the word nearest the number (``at``: the number's context and
    its span there), so that in "$2.47/hr on-demand, $1.73/hr committed" each price gets its
    own; else the first kind ``text`` names."""
    if at is not None:
        ctx, a, b = at
        ctx = ctx.lower()
        best = None
        for rx, val in _PRICING_RES:
            for m in rx.finditer(ctx):
                gap = a - m.end() if m.end() <= a else m.start() - b if m.start() >= b else 0
                if best is None or gap < best[0]:
                    best = (gap, val)
        if best is not None:
            return best[1]
    return next((val for rx, val in _PRICING_RES if rx.search(text)), None)


_QUARTER_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _period_value(year: str, part: str | None, fiscal: bool) -> str:
    y = year if len(year) == 4 else "20" + year
    return ("FY" if fiscal else "") + y + ("-" + part if part else "")


def _period_matches(clause: str):
    """The matches of _PERIOD_RE in a clause, searched only around its years (every period
    holds one; a scan of the whole clause tried the pattern at each of its characters)."""
    done = 0
    for ym in _YEAR_RE.finditer(clause):
        if ym.end() <= done:
            continue
        for m in _PERIOD_RE.finditer(clause, max(done, ym.start() - 30), min(len(clause), ym.end() + 4)):
            if m.start() >= done:
                done = m.end()
                yield m


#: an earlier level a comparison names, right before the period it is of ("up from 34% in ",
#: "compared with $2B in ", "versus 1.2 GW during ")
_EARLIER_LEVEL_RE = re.compile(r"(?i)\b(?:from|versus|vs\.?|compared[ \t]+(?:with|to))[ \t]+(?:about[ \t]+|around[ \t]+|roughly[ \t]+)?"
                               r"(?:US)?[$€£]?[0-9][0-9.,]*(?:[ \t]?(?:%|percent|[kKMBT]\b|[mb]illion|trillion|bn|GW|MW))?"
                               r"[ \t]+(?:(?:in|during|for)[ \t]+(?:the[ \t]+)?(?:(?:fiscal|full|first|second|third|fourth)[ \t]+)?)?$")
#: a clause of a subject of its own set against the one before: ", while Meta committed", ", whereas Google"
_OTHER_SUBJECT_RE = re.compile(r"[,;][ \t]+(?:while|whereas)[ \t]+[A-Z][\w.&-]*(?:[ \t]+[A-Z][\w.&-]*)*[ \t]+[a-z]+")
#: the word that opens an earlier level, right before it ("doubling from $4.8 billion")
_FROM_BEFORE_RE = re.compile(r"(?i)\bfrom[ \t]+(?:(?:about|around|roughly|nearly|just|only|approximately)[ \t]+)?[~≈]?$")
#: an amount of money right before a year ("$200 billion 2026 capex", "$135B 2026 AI spending")
_AMOUNT_BEFORE_YEAR_RE = re.compile(r"[$€£¥][ \t]?[0-9][0-9.,]*(?:[ \t]?(?:[kKMBT]\b|[mb]illion|trillion|bn))?[ \t]+(?:in[ \t]+)?$")
#: an amount of money in a clause ("$270M", "€600 million", "US$1.5 billion")
_AMOUNT_RE = re.compile(r"[$€£¥][ \t]?[0-9]")


def _period_in(clause: str, pos: tuple[int, int] | None) -> str | None:
    """The period a clause names (see _PERIOD_RE), the one nearest ``pos`` (the number's span
    in the clause; the first when None), as datasets/conditions.yaml writes it: "2025-Q3",
    "FY2025", "FY2026-Q1"."""
    best = None
    for m in _period_matches(clause):
        flow_year = False
        if m.group("y1"):
            val = _period_value(m.group("y1"), m.group("part"), bool(m.group("fy1")))
        elif m.group("y2"):
            val = _period_value(m.group("y2"), m.group("part2"), True)
        elif m.group("mon"):
            # "in May 2023", "(Jan 2022)": a month named after a preposition or opening a bracket
            # is the month the number is of; else ("through September 2025") no period
            val = (f"{m.group('y3')}-{MONTH_NUMBERS[m.group('mon')[:3].lower()]:02d}"
                   if m.group("pre") or clause[m.start() - 1:m.start()] == "(" else None)
        elif m.group("half"):
            # "first-half 2025 revenue", "in the second half of 2024": a half of the year, H1 or H2
            val = _period_value(m.group("y3"), "H1" if m.group("half").lower() == "first" else "H2", False)
        elif m.group("qtr"):
            # "in the second quarter of 2026": that quarter of the year, Q2
            val = _period_value(m.group("y3"), "Q" + str(_QUARTER_ORDINALS[m.group("qtr").lower()]), False)
        elif m.group("season"):
            # "by late 2022", "in early 2024": a part of a year after a preposition is of that year
            val = m.group("y3") if m.group("pre") or clause[m.start() - 1:m.start()] == "(" else None
        elif m.group("pre") or m.group("part3") or m.group("fe"):  # "2035F": a forecast's year
            val = _period_value(m.group("y3"), m.group("part3"), False)
        elif _YEAR_FLOW_RE.match(clause, m.end()):
            # "OpenAI's 2024 revenue was $3.7 billion", "2024 Revenue: $3.7 billion": a year
            # written right before a year's flow of money names the year it is for
            val = _period_value(m.group("y3"), None, False)
            flow_year = True
        else:
            val = None  # a year named otherwise ("through September 2025"): nearer, it leaves the period unsaid
        if pos is None:
            return val
        gap = pos[0] - m.end() if m.end() <= pos[0] else m.start() - pos[1] if m.start() >= pos[1] else 0
        if gap > 0 and m.start() >= pos[1] and clause[m.start() - 1:m.start()] != "(" \
                and _AMOUNT_RE.search(clause, pos[1], m.start()):
            # "a $500M Series D ... followed a $270M Series C in June 2023": another amount
            # between the number and a period after it is the one the period dates (a period
            # that leads the clause, "In 2024, revenue was $10B and capex $5B", dates them all;
            # so does a date in brackets closing it, "raised $200M at a $3.7B valuation (Dec 2022)")
            continue
        if gap > 0 and m.end() <= pos[0] and _FROM_BEFORE_RE.search(clause, max(0, pos[0] - 40), pos[0]) \
                and _AMOUNT_RE.search(clause, max(0, m.start() - 30), m.start()):
            # "revenue to exceed $10.9 billion in the second quarter of 2026, more than doubling
            # from $4.8 billion in the first quarter": a period right after the new level, before
            # the earlier level, dates the new level, not the one it moved from (a period leading
            # the clause dates both, "In 2025, revenue grew from $2B to $5B")
            continue
        if gap > 0 and m.end() <= pos[0] and _AMOUNT_RE.search(clause, max(0, m.start() - 30), m.start()) \
                and _OTHER_SUBJECT_RE.search(clause, m.end(), pos[0]):
            # "Microsoft reported $37.5 billion in capex for Q2 FY2026 (just one quarter), while
            # Meta committed $6 billion": a period after another amount, before a clause of
            # another subject, dates that amount only
            continue
        if flow_year and gap > 0 and m.end() <= pos[0] and _AMOUNT_BEFORE_YEAR_RE.search(clause, max(0, m.start() - 24), m.start()):
            # "with $200 billion 2026 capex guidance after Q4 revenue of $213.4 billion": a year
            # between an amount and its flow word dates that amount's flow, not later amounts
            continue
        if gap > 0 and m.end() <= pos[0] and _EARLIER_LEVEL_RE.search(clause, max(0, m.start() - 60), m.start()):
            # "close to 50% of all global funding in 2025, up from 34% in 2024, reaching $202.3
            # billion": a period closing a comparison's earlier level dates that level, not a
            # number after it
            continue
        if best is None or gap < best[0]:
            best = (gap, val)
    return best[1] if best else None


#: a heading that opens with a full date and goes on to say what happened then ("2022-04-01: Anthropic
#: raises $580M", "March 3, 2025 - Series E", "Sep 2024: OpenAI raises $6.6B"): a timeline's entry
_DATED_TITLE_RE = re.compile(r"[*_\s]*(?:(?P<y>(?:19|20)[0-9]{2})-(?P<m>0[1-9]|1[0-2])(?:-[0-3][0-9])?"
                             r"|(?P<mon>" + MONTH_SHORT_RE + r")\.?[ \t]+(?:[0-3]?[0-9](?:st|nd|rd|th)?,?[ \t]+)?"
                             r"(?P<y2>(?:19|20)[0-9]{2}))[*_]*[ \t]*(?::|[-–—|])[ \t]*\S")


def _dated_title_period(title: str) -> str | None:
    """The month a heading's opening date names, where the title goes on past it ("2022-04-01:
    Anthropic raises $580M": "2022-04"); None for any other title."""
    m = _DATED_TITLE_RE.match(title)
    if m is None:
        return None
    if m.group("y"):
        return f"{m.group('y')}-{m.group('m')}"
    return f"{m.group('y2')}-{MONTH_NUMBERS[m.group('mon')[:3].lower()]:02d}"


def _heading_period(memo: dict, view: str, headings: list, at: int) -> str | None:
    """The period of the nearest heading above ``at`` whose title is a period alone ("## 2023",
    "### Q3 2024", "## FY2025"), among the headings the position is under (the nearest of each
    higher level): a timeline's or a report's section dates the figures written in it."""
    return _under_nearest_heading(memo, view, headings, at, "period-under", _period_of)


def _period_of(index: list, ks) -> str | None:
    return next((index[k][2] for k in ks if index[k][2] is not None), None)


#: a line's label before a colon, after a list marker ("- **2025**: ...", "2027: ...")
_LINE_PERIOD_LABEL_RE = re.compile(r"[ \t]*(?:[-*+•][ \t]+)?([^:\n]{4,24}?)[ \t]*:")


def _line_period(view: str, at: int) -> str | None:
    """The period a line's label is alone ("- 2027: Approximately 68 GW", "- **2025**: 4,419 TWh
    baseline", "Q3 2024: $4.1B"), when the number comes after the label; else None."""
    lo = view.rfind("\n", 0, at) + 1
    m = _LINE_PERIOD_LABEL_RE.match(view, lo)
    if m is None or m.end() > at or not any(ch.isdigit() for ch in m.group(1)):
        return None
    return _label_period(m.group(1))


def _own_cell(f: "Found"):
    """The table cell a draft's number is in, or None."""
    t = f.table
    row = t.rows[f.row] if 0 <= f.row < len(t.rows) else []
    cell = row[f.col] if 0 <= f.col < len(row) else None
    return cell if cell is not None and cell.start <= f.draft.span_start and f.draft.span_end <= cell.end else None


#: a table label or heading that is a month alone ("| Jan 2023 |", "| March 2025 |")
_LABEL_MONTH_RE = re.compile(r"[*_\s]*(?P<mon>" + MONTH_SHORT_RE + r")\.?[ \t]+'?(?P<y>(?:19|20)[0-9]{2})[*_\s]*")


def _label_period(label: str | None) -> str | None:
    m = _LABEL_PERIOD_RE.fullmatch(label) if label else None
    if m is None:
        mm = _LABEL_MONTH_RE.fullmatch(label) if label else None
        return f"{mm.group('y')}-{MONTH_NUMBERS[mm.group('mon')[:3].lower()]:02d}" if mm is not None else None
    if m.group("y1"):
        return _period_value(m.group("y1"), m.group("part"), False)
    if m.group("y0"):
        return _period_value(m.group("y0"), m.group("part0"), False)
    if m.group("y2"):
        return _period_value(m.group("y2"), m.group("part2") or m.group("part3"), True)
    return m.group("y3")


def _table_period(f: "Found") -> str | None:
    """The period of a table cell's amount of money: its column's header or its row's label when
    that is a period ("| Q3 2025 |"), the row's cell in a period column ("Quarter", "FY", "Year"),
    or the period the table's heading names ("## Q3 2025 results"). (Not of a count: a "Year"
    column beside a model's GPUs is when it came out.) A percent's (a margin, a change) only
    from its column's header ("| Gross Margin | ~72% |" under "| FY2024 (Jan '24) |")."""
    t = f.table
    if not f.q.cur:
        if not f.q.percent or f.col <= 0:
            return None
        col = t.column_header(f.col)
        return _label_period(col.text) if col is not None else None
    row = t.rows[f.row] if 0 <= f.row < len(t.rows) else []
    col = t.column_header(f.col)
    p = _label_period(col.text if col is not None else None) or (_label_period(row[0].text) if row and f.col > 0 else None)
    if p is not None:
        return p
    for c, h in enumerate(t.header):
        if c != f.col and c < len(row) and _PERIOD_COLUMN_RE.fullmatch(h.text):
            p = _label_period(row[c].text)
            if p is not None:
                return p
    if t.caption and _YEAR_RE.search(t.caption):
        return _period_in(t.caption, None)
    return None


#: a table cell that counts the GPUs of its row: "8x H100", "4× H100", "(2×A100)", "16x Trainium" (a
#: count glued to a name with a capital letter; "8x" alone is as often a speed-up, "| H100 | 80GB | 8x |")
_ROW_GPU_COUNT_RE = re.compile(r"(?:^|\()[*_]*([1-9][0-9]?)[ \t]?[x×][ \t]?(?=[A-Z])")
#: a column header that counts GPUs ("GPUs", "# GPUs", "GPU count", "Count"): its cells' whole numbers
_GPU_COUNT_HEADER_RE = re.compile(r"(?i)[*_\s]*(?:#[ \t]*(?:of[ \t]+)?)?(?:gpus|gpu[ \t]count|count|number[ \t]+of[ \t]+gpus"
                                  r"|gpus/chips)[*_\s]*")
_ROW_COUNT_CELL_RE = re.compile(r"[*_~\s]*([1-9][0-9]?)[ \t]?[x×]?[*_\s]*")
#: an instance named in a row or its headers ("| Instance |", "| VM SKU |", "p4d.24xlarge", "gpu_8x_h100")
_INSTANCE_WORD_RE = re.compile(r"(?i)\binstances?\b|\bvm\b|\bsku\b|xlarge\b|_[0-9]+x_")


def _row_gpu_count(f: "Found") -> int | None:
    """The number of GPUs a table row states beside a cell's amount: a cell that counts a named
    GPU ("8x H100") or a whole number under a header that counts GPUs ("| GPUs |" over "| 8 |");
    None where the row states none."""
    t = f.table
    row = t.rows[f.row] if 0 <= f.row < len(t.rows) else []
    for c, cell in enumerate(row):
        if c == f.col or not cell.text:
            continue
        m = _ROW_GPU_COUNT_RE.search(cell.text)
        if m is not None:
            return int(m.group(1))
        head = t.column_header(c)
        if head is not None and _GPU_COUNT_HEADER_RE.fullmatch(head.text) and (cm := _ROW_COUNT_CELL_RE.fullmatch(cell.text)):
            return int(cm.group(1))
    return None


def _row_is_instance(f: "Found") -> bool:
    """Whether a table row's machine is a cloud instance: its header or its cells name one."""
    t = f.table
    row = t.rows[f.row] if 0 <= f.row < len(t.rows) else []
    return any(_INSTANCE_WORD_RE.search(c.text) for c in list(t.header) + list(row) if c.text)


#: The prices whose scope, said of a GPU by a provider with no scope cue, is one GPU's (the
#: curated claims give a GPU's rental price per GPU, unless a node, an instance or a cluster is
#: said). Not without a provider: prices on the open market differ from one seller to another,
#: and a conflict between two of them says little of either; nor a purchase price (a range of
#: prices "per GPU" is as often a system's or a month's).
_ONE_GPU_PRICES = ("rental-price",)


def _guess_conditions(idx: Index, f: "Found", prop: _Prop | None, clause: str, local: str, conditions: dict,
                      aliases_near: list, at: tuple[str, int, int] | None = None, view: str | None = None,
                      headings: list | None = None, memo: dict | None = None) -> dict:
    """The conditions of a draft's property its words give (``view``, with ``headings`` and
    ``memo`` as link holds them: the text, its headings and its dict, for a section's period)."""
    if prop is None or not prop.conditions:
        return {}
    q = f.q
    out = {}
    low = clause.lower()
    near = (local or clause).lower()
    keys = prop.conditions
    # (each regex runs only where a word it needs is there: the same answers, found faster)
    if "precision" in keys:
        rx = _precision_re(conditions)
        own = _own_precision(rx, view, f) if rx is not None and view is not None else None
        m = None if own is not None else rx and (rx.search(near) or rx.search(low))
        if own is not None:
            out["precision"] = own
        elif m:
            out["precision"] = m.group(1)
        elif "float" in near or "float" in low:
            # "| **BFLOAT16** | 989.5 TFLOPS |": the format's name written out
            m = _PRECISION_NAME_RE.search(near) or _PRECISION_NAME_RE.search(low)
            if m and _PRECISION_NAMES[m.group(1)] in ((conditions.get("precision") or {}).get("values") or ()):
                out["precision"] = _PRECISION_NAMES[m.group(1)]
    if "sparsity" in keys and view is not None and _footnoted_sparse(view, f.draft.span_end, memo):
        out["sparsity"] = "sparse"
    elif "sparsity" in keys and ("spars" in near or "dense" in near):
        if _NO_SPARSE_RE.search(near):
            out["sparsity"] = "dense"
        elif _SPARSE_RE.search(near):
            out["sparsity"] = "sparse"
        elif _DENSE_RE.search(near):
            out["sparsity"] = "dense"
    after = _HIT_OR_MISS_RE.match(at[0], at[2]) if at is not None and "tier" in keys else None
    if after is not None:
        # "$0.28 (miss) / $0.028 (hit)": a cached input price is the one marked a cache hit
        if after.group(1).lower().startswith("hit"):
            out["tier"] = "cached-input"
    elif "tier" in keys and _TIER_WORDS_RE.search(near):
        allowed = set((conditions.get("tier") or {}).get("values") or ())
        hit = next((val for rx, val in _TIER_RES if val in allowed and rx.search(near)), None)
        if hit:
            out["tier"] = hit
    if "direction" in keys:
        dr = q.direction or q.mod
        # (a lone price "per million input and output tokens" is for both: no direction)
        if dr is None and not q.dir_pair and ("put" in near or "prompt" in near or "complet" in near
                                              or "ściow" in near):
            dr = _nearest_direction(near, at)
            if dr == "prompt" and "rompt" in f.draft.quote and _PROMPT_BOUND_RE.search(f.draft.quote):
                # "$15.00 per million tokens for prompts ≤ 200K tokens" under "**Output Tokens**:":
                # prompts sized by a bound name a long-context tier, which output prices have too
                dr = None
        if dr is None and not q.dir_pair and at is not None and "ut" in at[0]:
            dr = _in_out_direction(at)
        if dr in ("input", "prompt"):
            out["direction"] = "input"
        elif dr in ("output", "completion", "generated"):
            out["direction"] = "output"
        elif dr is None and "blend" in near and _BLENDED_RE.search(near):
            out["direction"] = "blended"  # "Blended $/1M (3:1)": a mix of input and output prices
        elif dr is None and "av" in near and f.table is not None and f.col is not None and f.col > 0 \
                and (head := f.table.column_header(f.col)) is not None and _AVERAGE_HEAD_RE.search(head.text):
            # "| Model | Input | Output | Total (avg) |": the mean of a model's input and output
            # prices, a blend of both sides, neither one's price
            out["direction"] = "blended"
        if "direction" not in out and out.get("tier") in ("cached-input", "cache-write"):
            out["direction"] = "input"  # "- Cache read: $0.30/M tokens": a cached token is an input token
    if "scope" in keys:
        if q.scope:
            out["scope"] = q.scope
        elif _SCOPE_WORDS_RE.search(near):
            hit = next((val for rx, val in _SCOPE_RES if rx.search(near)), None)
            if hit:
                out["scope"] = hit
    if "pricing" in keys:
        # a table cell's own labels first (the column "H100 On-Demand $/hr" names it), then
        # the clause (in a table: the whole row)
        allowed = set((conditions.get("pricing") or {}).get("values") or ("on-demand", "spot", "reserved"))
        for text in ((near, low) if f.table is not None else (low,)):
            if "demand" in text or "spot" in text or "reserved" in text or "commit" in text:
                hit = _nearest_pricing(text, at if f.table is None else None)
                if hit:
                    out["pricing"] = hit if hit in allowed else "reserved"
                    break
    if "period" in keys:
        period = _table_period(f) if f.table is not None else None
        cell = _own_cell(f) if period is None and f.table is not None else None
        if cell is not None and _YEAR_RE.search(cell.text):
            # a cell of prose that names its own dates ("Poised to raise $500M ... followed a
            # $270M Series C in June 2023"): the period nearest the number in its cell
            period = _period_in(cell.text, (f.draft.span_start - cell.start, f.draft.span_end - cell.start))
        elif period is None and _YEAR_RE.search(clause):
            period = _period_in(clause, (f.draft.span_start - f.draft.start, f.draft.span_end - f.draft.start)
                                if f.table is None else None)
        if period is None and f.table is None and view is not None:
            # "- 2027: Approximately 68 GW", "- **2025**: 4,419 TWh": a line labelled by a period
            # alone dates its figures; "## 2024" ... "- Aug: ~$3.6B ARR": so does a section
            # headed by one
            period = _line_period(view, f.draft.span_start)
            if period is None and headings is not None and memo is not None:
                period = _heading_period(memo, view, headings, f.draft.span_start)
        if period is not None:
            out["period"] = period
    if "statistic" in keys:
        m = _STAT_RE.search(near)
        if m:
            out["statistic"] = _STAT_MAP.get(m.group(1), m.group(1))
    if "metric" in keys:
        hit = next((val for rx, val in _METRIC_RES if rx.search(near)), None)
        if hit:
            out["metric"] = hit
    if "batch_size" in keys and ("batch" in near or "batch" in low):
        # the number's own labels first ("| Tok/s (batch 32) |" over "| ~3,200 |"), then its clause
        m = _BATCH_RE.search(near) or _BATCH_RE.search(low)
        if m:
            out["batch_size"] = m.group(1)
    if "link" in keys and ("nvlink" in near or "pcie" in near or "infiniband" in near or "ethernet" in near):
        hit = next((val for rx, val in _LINK_RES if rx.search(near)), None)
        if hit:
            out["link"] = hit
    if "link_direction" in keys and ("direction" in near or "way" in near or "bidir" in near):
        # "| NVLink (Unidirectional) | 450 GB/s |", "(900 GB/s unidirectional)": one way only where
        # the number's own words say which (both said: neither)
        hits = {val for rx, val in _LINK_DIRECTION_RES if rx.search(near)}
        if len(hits) == 1:
            out["link_direction"] = hits.pop()
    if "parallelism" in keys:
        # "| TP | PP |" over "| 4 | 8 |": the column's header names the kind, else the number's words
        # (one kind only)
        col = f.table.column_header(f.col) if f.table is not None else None
        for text in ((col.text.lower(), near) if col is not None else (near,)):
            hits = {val for rx, val in _PARALLELISM_RES if rx.search(text)}
            if hits:
                if len(hits) == 1:
                    out["parallelism"] = hits.pop()
                break
    if "basis" in keys and _BASIS_WORDS_RE.search(low) and _BASIS_RE.search(low):
        out["basis"] = "projected" if re.search(r"projected|forecast|expected|scenario", low) else "estimated"
    elif "basis" in keys and _YEAR_RE.search(clause):
        m = _MARKED_YEAR_RE.search(clause)  # "2035F", "FY2026E": an analyst's forecast or estimate
        if m:
            out["basis"] = "projected" if m.group(1) == "F" else "estimated"
    if "item" in keys and (f.draft.unit == "item" or f.draft.unit.endswith(" item")):  # ("11.6 million households")
        hit = _counted_value(f.draft.raw, tuple((conditions.get("item") or {}).get("values") or ()))
        if hit:
            out["item"] = hit
    for key, kind in (("model", "model"), ("hardware", "gpu"), ("provider", "organisation")):
        if key not in keys:
            continue
        for eid in aliases_near:
            if idx.entity_kind.get(eid) == kind and eid != f.draft.entity:
                out[key] = eid
                break
    return out


# --------------------------------------------------------------------------------------
# Linking
# --------------------------------------------------------------------------------------

_ROW_LABEL_MAX = 40  # (characters) a cell of words before a table's number read as a label of its row
_DIGIT_RE = re.compile(r"[0-9]")
_LETTER_RE = re.compile(r"[A-Za-z]")
_CAPTION_WEIGHT = 0.5  # of a table caption's words beside the cell's row and column labels (1.0)
_QUERY_SUBJECT_RE = re.compile(r"\b(?:quer(?:y|ies)|searche?s?|prompts?|requests?|responses?|questions?"
                               r"|emails?|chats?|conversations?)\b", re.I)


def _items_as_counts(idx: Index, found: list, conditions: dict) -> None:
    """A count of a thing that has no property of its own but is an ``item`` of the condition
    ("1000 racks": unit rack) is a ``count`` in the unit item, so that the property and its item
    follow ("1000 racks" -> count, item rack). Per-rack readings ("80 kW per rack") keep their
    units: only a bare counted noun is rewritten."""
    values = (conditions.get("item") or {}).get("values") or ()
    for f in found:
        u = f.draft.unit
        if u and u != "item" and u.isalpha() and u in values and not idx.props_by_key.get(unit_key(u)):
            f.draft.unit = "item"


_GPU_HOLDER_KINDS = frozenset({"cloud-instance", "system"})


def _instance_gpu_counts(idx: Index, view: str, found: list, alias_hits: list) -> None:
    """A bare multiple in brackets right after the name of a cloud instance or a server
    ("p5.48xlarge (8×)", "DGX H100 (8x)") counts the GPUs it holds, as "(8× H100)" would: its unit
    becomes GPU (before, a ratio or MIG instances of no GPU)."""
    if not alias_hits or not any(f.draft.unit == "x" for f in found):
        return
    ends = {}
    for a, b, eid in alias_hits:
        if idx.entity_kind.get(eid) in _GPU_HOLDER_KINDS:
            ends[b] = eid
    if not ends:
        return
    for f in found:
        d = f.draft
        if d.unit != "x" or d.raw[-1:] not in ("x", "×", "X") or d.qualifier == "range":
            continue
        p = d.span_start - 1
        while p >= 0 and view[p] in " \t":
            p -= 1
        if p < 1 or view[p] != "(" or view[d.span_end:d.span_end + 1] != ")":
            continue
        q = p
        while q > 0 and view[q - 1] in " \t":
            q -= 1
        if q in ends and d.value is not None and d.value == int(d.value) and 1 <= d.value <= 1000:
            d.unit = "GPU"


def link(idx: Index, view: str, starts: list[int], found: list, alias_hits: list, conditions: dict) -> None:
    """Fill in entity, property, conditions and confidences of every draft in ``found``."""
    _OPTIONS_MEMO.clear()  # (the numbers of the previous text are no use here)
    _STOCK_MEMO.clear()
    _ROLES_MEMO.clear()
    _VERSIONED.clear()
    _items_as_counts(idx, found, conditions)
    alias_hits = _currency_countries(view, alias_hits)
    alias_hits = _bare_card_numbers(idx, view, alias_hits)
    alias_hits = _dated_names(idx, view, alias_hits)
    alias_hits = _memory_type_names(idx, view, alias_hits)
    alias_hits = _glued_class_names(idx, view, alias_hits)
    _instance_gpu_counts(idx, view, found, alias_hits)
    named_hits = alias_hits
    alias_hits = sole_hits = _sole_variants(idx, alias_hits, found)
    alias_hits = _short_names(idx, view, alias_hits)
    alias_hits = _tier_names(idx, view, alias_hits)
    sized = _size_names(idx, view, alias_hits, found) if found else []
    if sized:
        alias_hits = sorted(alias_hits + sized)
    # (a name with a version the registry does not name, "Grok 2", is no owner of a number of its
    # sentence or its table row; what the article and its sections are about is still read from
    # every name it writes, "Grok-2" and "Grok 3" counting for Grok)
    alias_hits = _versioned_names(idx, view, alias_hits, _VERSIONED)
    _VERSIONED_STARTS[:] = sorted(h[0] for h in _VERSIONED)
    hit_starts = [h[0] for h in alias_hits]
    paras = [0] + [m.end() for m in re.finditer(r"\n[ \t]*\n\s*", view)]
    fences = [m.start() for m in line_matches(_FENCE_RE, view, "`~")] if "```" in view or "~~~" in view else []
    # a "# comment" line inside a fenced code block is no heading
    heading_ms = [m for m in line_matches(MD_HEADING_RE, view, "#") if not bisect.bisect_right(fences, m.start()) % 2]
    headings = [(m.start(), "h") for m in heading_ms]
    spans: dict = {}  # the stems of a table's header, label and caption cells, read once (and _searched's answers)
    spans["fences"] = fences
    subject = _Subject(idx, view, heading_ms, alias_hits, hit_starts) if found else None
    if subject is not None:
        subject.sized = sized
    for i, f in enumerate(found):
        _link_one(idx, view, starts, paras, headings, found, i, alias_hits, hit_starts, conditions, spans, subject)
    _workload_models(idx, view, starts, found, alias_hits, hit_starts)
    _maker_products(idx, view, starts, paras, found, alias_hits, hit_starts)
    _respectively(idx, view, starts, found, alias_hits, hit_starts)
    _results_sentences(idx, starts, found, hit_starts)
    _adjacent_pairs(_Walk(idx, view, starts, found, alias_hits, hit_starts))
    _estimates(view, starts, found)
    _syndicates(idx, view, starts, found, alias_hits, hit_starts)
    if named_hits is not alias_hits:
        _family_prices(idx, view, found, named_hits, sole_hits)
    _sized_models(idx, found, named_hits)
    _model_costs(idx, view, found)
    _plan_entities(idx, view, found, alias_hits, hit_starts)
    if any(f.table is not None for f in found):
        _row_ratios(idx, found)
        _api_served(idx, found)
        _total_rows(idx, found)
        _input_limit_columns(idx, found)
    _product_units(idx, view, found, alias_hits)
    _series_counts(found)
    _bracketed_discounts(view, found)
    _cell_named_figures(idx, view, found, alias_hits)


#: a count of a product's units: the number, then the product's name and "units" ("150-200 thousand
#: Blackwell units", "2 million H100 units")
_PRODUCT_UNITS_RE = re.compile(r"[ \t]+units?\b")
_PRODUCT_KINDS = frozenset({"architecture", "gpu", "accelerator", "chip"})


def _product_units(idx: Index, view: str, found: list, alias_hits: list) -> None:
    """So many "units" of a named chip or architecture ("Nvidia shipped 150-200 thousand Blackwell
    units in Q4 2024") count that product's units shipped or sold: the count is the product's, not
    the vendor's that ships them."""
    if " unit" not in view:
        return
    starts = [h[0] for h in alias_hits]
    for f in found:
        d = f.draft
        if d.unit.split()[-1:] != ["GPU"] or f.table is not None or not _PRODUCT_UNITS_RE.search(view, d.span_start, d.span_end):
            continue
        k = bisect.bisect_left(starts, d.span_start)
        hits = [h for h in alias_hits[k:k + 4] if h[0] < d.span_end and h[1] <= d.span_end and h[2]
                and idx.entity_kind.get(h[2]) in _PRODUCT_KINDS]
        if len(hits) != 1 or not _PRODUCT_UNITS_RE.match(view, hits[0][1]) or d.entity == hits[0][2]:
            continue
        d.entity, d.entity_new = hits[0][2], None
        d.evidence["entity"] = "units|product"
        d.entity_confidence = calibrated("entity", d.evidence["entity"])


#: a price's discount in brackets right after it: "$1.50 (90% discount)", "$0.075 (50% off)"
_BRACKET_DISCOUNT_RE = re.compile(r"[ \t]*\((?:up to |about |~)?$")
_DISCOUNT_AFTER_RE = re.compile(r"[ \t]*(?:discount|off|cheaper|savings?|less|lower|reduction)\b", re.I)


def _bracketed_discounts(view: str, found: list) -> None:
    """A percentage in brackets right after a price, saying how much it is cut ("- Cached: $1.50
    (90% discount)" under "**Claude Opus 4.1**"): the discount of the thing the price is of, the
    price's entity (or its thing of the article's own), not what the section's heading names nor
    a thing of its own named after the line's words."""
    prev = None
    for f in found:
        d = f.draft
        p = prev.draft if prev is not None else None
        prev = f
        if p is None or d.unit != "percent" or f.table is not None or not p.unit.startswith("USD") \
                or not (p.entity or p.entity_new) or (d.entity, d.entity_new) == (p.entity, p.entity_new) \
                or p.entity is None and d.entity is None and d.entity_new:
            continue  # (both things of the article's own: only their names differ)
        gap = view[p.span_end:d.span_start]
        if "\n" in gap or not _BRACKET_DISCOUNT_RE.fullmatch(gap) or not _DISCOUNT_AFTER_RE.match(view, d.span_end):
            continue
        d.entity, d.entity_new = p.entity, p.entity_new
        d.evidence["entity"] = "bracket|price"
        d.entity_confidence = min(p.entity_confidence, calibrated("entity", d.evidence["entity"]))


#: what a table cell's own name before a bracketed figure names ("| GPT-5 Nano ($0.05/1M in) |")
_CELL_NAME_KINDS = frozenset({"model", "gpu", "accelerator", "cloud-instance", "product"})
_CELL_NAME_GAP_RE = re.compile(r"[*_ \t]*\([ \t]*(?:~|about |up to )?")


def _cell_named_figures(idx: Index, view: str, found: list, alias_hits: list) -> None:
    """A figure in brackets right after a name in its own table cell ("| **Cheapest Option** |
    GPT-5 Nano ($0.05/1M in) | Haiku 4.5 ($1/1M in) |" under "| Feature | OpenAI API | Claude API
    |"): the figure of the thing the cell names, not of its column's vendor nor of what the
    heading names."""
    starts = None
    for f in found:
        d = f.draft
        if f.table is None or not 0 < f.col < len(f.table.rows[f.row]):
            continue
        cell = f.table.rows[f.row][f.col]
        if not cell.start <= d.span_start < cell.end or "(" not in view[cell.start:d.span_start]:
            continue
        if starts is None:
            starts = [h[0] for h in alias_hits]
        k0, k1 = bisect.bisect_left(starts, cell.start), bisect.bisect_left(starts, d.span_start)
        hits = [h for h in alias_hits[k0:k1] if h[2] and h[1] <= d.span_start]
        if len({h[2] for h in hits}) != 1:
            continue
        eid = hits[-1][2]
        if eid == d.entity or idx.entity_kind.get(eid) not in _CELL_NAME_KINDS \
                or not _CELL_NAME_GAP_RE.fullmatch(view, hits[-1][1], d.span_start) \
                or not d.evidence.get("entity", "").startswith(("table-column", "heading")):
            continue
        d.entity, d.entity_new = eid, None
        d.evidence["entity"] = "cell-name|sure|kind"
        d.entity_confidence = calibrated("entity", d.evidence["entity"])


def _series_counts(found: list) -> None:
    """A count that goes on from the sentence before with its noun left out ("Nvidia shipped
    150-200 thousand Blackwell units in Q4 2024. By Q1 2025 that ramped to 750-800 thousand.",
    the grammar's ``series`` form) counts the same thing: it takes that count's entity and
    property, not a new thing named after its own sentence's words."""
    prev = None
    for f in found:
        d = f.draft
        if f.q.form == "series" and prev is not None and prev.draft.unit.split()[-1:] == d.unit.split()[-1:] \
                and (prev.draft.entity or prev.draft.entity_new) and prev.draft.span_end <= d.span_start:
            p = prev.draft
            d.entity, d.entity_new, d.entity_confidence = p.entity, p.entity_new, p.entity_confidence
            d.evidence["entity"] = (p.evidence.get("entity") or "").removesuffix("|series") + "|series"
            if p.property:
                d.property, d.property_confidence = p.property, p.property_confidence
        if f.table is None and f.draft.value is not None or f.draft.low is not None:
            prev = f if f.q.atom and not f.q.cur else prev


# a model named as the workload a measurement ran on ("10,907 tokens/second on GPT-J 6B", "2.6x
# higher throughput on Llama 2 70B"), and a card named as the one compared with ("over A100",
# "than the A100", "the A100 NVLink baseline")
_WORKLOAD_BEFORE_RE = re.compile(r"(?<![\w-])on[ \t]+(?:the[ \t]+)?$", re.I)
_COMPARED_BEFORE_RE = re.compile(r"(?i)(?<![\w-])(?:over|than|vs\.?|versus|against|compared[ \t]+(?:to|with)"
                                 r"|relative[ \t]+to)[ \t]+(?:(?:the|an?)[ \t]+)?(?:[\d,]+[ \t]*[x×][ \t]*)?$")
_BASELINE_AFTER_RE = re.compile(r"[^.,;:()\n]{0,24}?\bbaselines?\b", re.I)
_WORKLOAD_KINDS = frozenset({"gpu", "system", "cloud-instance"})


def _workload_models(idx: Index, view: str, starts: list, found: list, alias_hits: list, hit_starts: list) -> None:
    """A figure given to the model its sentence names as the workload ("on Llama 3.1 70B")
    where the same sentence names one card that ran it, not as the one compared with: the card's
    ("TensorRT-LLM benchmarks show H100 SXM5 achieving 10,907 tokens/second on GPT-J 6B ... a
    3.0x throughput improvement over A100": the 3.0x is the H100 SXM's)."""
    for f in found:
        d = f.draft
        if f.table is not None or not d.entity or idx.entity_kind.get(d.entity) != "model" \
                or d.evidence.get("entity", "").split("|")[0] not in ("before", "after"):
            continue
        p = idx.prop_by_id.get(d.property or "")
        if p is None or not p.applies_to(_WORKLOAD_KINDS):
            continue
        sent_i = bisect.bisect_right(starts, d.span_start) - 1
        lo = starts[sent_i] if sent_i >= 0 else 0
        hi = starts[sent_i + 1] if sent_i + 1 < len(starts) else len(view)
        model_hits, cards = [], set()
        for k in range(bisect.bisect_left(hit_starts, lo), len(alias_hits)):
            a, b, eid = alias_hits[k]
            if a >= hi:
                break
            if eid == d.entity:
                model_hits.append(a)
            elif eid and idx.entity_kind.get(eid) in _WORKLOAD_KINDS \
                    and not _COMPARED_BEFORE_RE.search(view, max(lo, a - 40), a) \
                    and not _BASELINE_AFTER_RE.match(view, b):
                cards.add(eid)
        if len(cards) != 1 or not model_hits:
            continue
        near = min(model_hits, key=lambda a: abs(a - d.span_start))
        if not _WORKLOAD_BEFORE_RE.search(view, max(lo, near - 12), near):
            continue
        d.entity = next(iter(cards))
        d.evidence["entity"] = "workload|" + d.evidence.get("entity", "").split("|", 1)[-1]


_MAKER_HOWS = frozenset({"heading", "subject", "previous"})


def _maker_products(idx: Index, view: str, starts: list, paras: list, found: list, alias_hits: list,
                    hit_starts: list) -> None:
    """A figure given to a company by its section or an earlier sentence where the paragraph, up
    to the figure's sentence, names one thing that company makes and nothing else of its own:
    that thing's ("Maia 200, announced January 26, 2026, is a more serious design ... In practice
    it entered limited deployment in two data centers" under a heading about Microsoft)."""
    for f in found:
        d = f.draft
        if f.table is not None or not d.entity or idx.entity_kind.get(d.entity) != "organisation" \
                or d.evidence.get("entity", "").split("|")[0] not in _MAKER_HOWS:
            continue
        sent_i = bisect.bisect_right(starts, d.span_start) - 1
        hi = starts[sent_i + 1] if sent_i + 1 < len(starts) else len(view)
        lo = paras[bisect.bisect_right(paras, d.span_start) - 1] if paras else 0
        made = set()
        for k in range(bisect.bisect_left(hit_starts, lo), len(alias_hits)):
            a, b, eid = alias_hits[k]
            if a >= hi:
                break
            if eid and idx.vendor_of.get(eid) == d.entity:
                made.add(eid)
        if len(made) != 1:
            continue
        eid = next(iter(made))
        p = idx.prop_by_id.get(d.property or "")
        if p is None or not p.applies_to({idx.entity_kind.get(eid, "")}):
            continue
        d.entity = eid


def _results_sentences(idx: Index, starts: list, found: list, hit_starts: list) -> None:
    """The other numbers of a sentence that names nothing and gives a company's result, the company
    the text before names alone (``Found.results_of``), or the company the sentence before is about
    (a guess from the sentence before or the section's subject): "GAAP earnings per diluted share
    for the quarter were $0.82, up 28% from a year ago and up 44% from the previous quarter", "The
    third-quarter revenue reached $1.4 billion, a year-on-year increase of 134%" give the changes
    of that company's results too, not things of the article's own."""
    by_sent: dict = {}
    for f in found:
        d = f.draft
        sent_i = bisect.bisect_right(starts, d.span_start) - 1
        if f.results_of is not None and d.entity == f.results_of:
            by_sent.setdefault(sent_i, f)
        elif f.table is None and d.property in _RESULTS_PROPERTIES and d.entity \
                and idx.entity_kind.get(d.entity) == "organisation" \
                and d.evidence.get("entity", "").split("|")[0] in ("previous", "subject"):
            lo, hi = starts[sent_i], starts[sent_i + 1] if sent_i + 1 < len(starts) else None
            k = bisect.bisect_left(hit_starts, lo)
            if k >= len(hit_starts) or hi is not None and hit_starts[k] >= hi:  # (the sentence names nothing)
                f.results_of = d.entity
                by_sent.setdefault(sent_i, f)
    if not by_sent:
        return
    for g in found:
        d = g.draft
        if g.table is not None or not d.entity_new or d.entity:
            continue
        f = by_sent.get(bisect.bisect_right(starts, d.span_start) - 1)
        if f is None:
            continue
        p = idx.prop_by_id.get(d.property or "")
        if p is not None and not p.applies_to({"organisation"}):
            continue
        d.entity, d.entity_new = f.results_of, None
        d.evidence["entity"] = f.draft.evidence.get("entity", "")
        d.entity_confidence = f.draft.entity_confidence


# right after an amount, the analysts' estimate it is: " estimate", " consensus estimate", " analysts
# had expected", " that analysts polled by LSEG expected", " Wall Street forecast"
_ESTIMATE_AFTER_RE = re.compile(r"(?i)(?:[ \t]+(?:analysts?['’]?|consensus|wall[ \t]+street(?:['’]s)?|average|street|lseg|factset))*"
                                r"[ \t]+(?:estimates?|forecasts?|expectations?|consensus|projections?)\b"
                                r"|(?:[ \t]+that)?[ \t]+analysts[ \t]+(?:(?:had|were|polled[ \t]+by[ \t]+[\w-]+)[ \t]+)?"
                                r"(?:expected|estimated|forecast|predicted|projected|anticipated)\b")
# right before it (or opening its quote), what compares the result to it: "above the ", "beating ",
# "compared with the ", "than the "
_ESTIMATE_BEFORE_RE = re.compile(r"(?i)\b(?:above|below|beat(?:s|ing)?|top(?:s|ped|ping)?|ahead[ \t]+of|short[ \t]+of"
                                 r"|miss(?:es|ed|ing)?|than|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|vs\.?|versus"
                                 r"|compared[ \t]+(?:with|to)|against)[ \t]+(?:(?:the|an?)[ \t]+)?[~≈]?$")


def _estimates(view: str, starts: list, found: list) -> None:
    """An amount the sentence gives as the analysts' estimate a result beat or missed ("revenue of
    $35.1 billion, above the $33.2 billion estimate", "$65.6 billion, beating the $64.5 billion
    analysts had expected") is an estimate of the same company's same measure: the entity and the
    property of the result before it in the sentence, not a thing of the article's own."""
    for k, g in enumerate(found):
        d = g.draft
        if g.table is None and k > 0 and _ESTIMATE_AFTER_RE.match(view, d.span_end) is not None:
            at = d.span_start + len(d.raw) - len(d.raw.lstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ ~≈"))
            if _ESTIMATE_BEFORE_RE.search(view, max(0, at - 40), at) is None:
                continue
            si = bisect.bisect_right(starts, d.span_start) - 1
            prev = found[k - 1]
            pd = prev.draft
            if prev.table is not None or bisect.bisect_right(starts, pd.span_start) - 1 != si \
                    or pd.unit != d.unit or not (pd.entity or pd.entity_new) or pd.property is None:
                continue
            if (d.entity, d.entity_new, d.property) == (pd.entity, pd.entity_new, pd.property):
                continue
            d.entity, d.entity_new, d.property = pd.entity, pd.entity_new, pd.property
            d.entity_confidence, d.property_confidence = pd.entity_confidence, pd.property_confidence
            d.evidence["entity"] = pd.evidence.get("entity", "")
            d.evidence["property"] = "estimate"


# right after an amount, the unnamed investors it came from: " from a syndicate of investors",
# " came from a group of other backers", " from outside investors"
_SYNDICATE_AFTER_RE = re.compile(
    r"(?i)(?:[ \t]+(?:came|comes|coming|will[ \t]+come|is[ \t]+coming|was[ \t]+raised|were[ \t]+raised|raised))?"
    r"[ \t]+from[ \t]+(?:(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+)?(?:syndicate|group|consortium|pool|number|range|mix|host|set"
    r"|collection|club)[ \t]+of[ \t]+(?:(?:other|outside|additional|new|existing|[\w-]+)[ \t]+)?"
    r"|(?:other|outside|additional|new|existing)[ \t]+)(?:investors|backers|lenders|banks|financiers|funds)\b")
# the company money goes into: "in OpenAI", "into Anthropic" right before its name
_INTO_BEFORE_RE = re.compile(r"(?i)\b(?:in|into)[ \t]+$")
# after the name, the round it raises: "'s $40 billion round", "’s latest funding"
_ROUND_AFTER_RE = re.compile(r"(?i)(?:['’]s)?[ \t]+(?:[\w$.,-]+[ \t]+){0,3}?(?:round|raise|funding|fundraising)\b")


def _syndicates(idx: Index, view: str, starts: list, found: list, alias_hits: list, hit_starts: list) -> None:
    """An amount the sentence says came from unnamed investors ("with a further $2.5 billion from a
    syndicate of investors", "The remaining $2.5 billion came from a group of investors") is not
    the investor's named before ("SoftBank invested $22.5 billion in OpenAI"): it is the money the
    company they invest in took, the one named after "in" or before its round, in the sentence or
    the one before."""
    for g in found:
        d = g.draft
        if g.table is not None or not d.entity or idx.entity_kind.get(d.entity) != "organisation" \
                or _SYNDICATE_AFTER_RE.match(view, d.span_end) is None:
            continue
        si = bisect.bisect_right(starts, d.span_start) - 1
        lo = starts[si - 1] if si >= 1 else 0
        into = None
        for h in range(bisect.bisect_left(hit_starts, d.span_start) - 1, bisect.bisect_left(hit_starts, lo) - 1, -1):
            a_s, a_e, eid = alias_hits[h]
            if eid and eid != d.entity and idx.entity_kind.get(eid) == "organisation" \
                    and (_INTO_BEFORE_RE.search(view, max(0, a_s - 8), a_s) is not None
                         or (view.startswith(("'s", "’s"), a_e) or view.endswith(("'s", "’s"), 0, a_e))
                         and _ROUND_AFTER_RE.match(view, a_e) is not None):
                into = eid
                break
        if into is not None:
            d.entity, d.entity_new = into, None
            d.evidence["entity"] = "syndicate"


#: a column of models' input token limits ("Input Token Size Length", "Input token limit", "Max
#: input tokens"): how Google's model pages name a context window ("Input token limit 1,048,576")
_INPUT_LIMIT_HEAD_RE = re.compile(r"(?i)\b(?:max(?:imum)?[ \t]+)?input[ \t]+tokens?(?:[ \t]+(?:size|length|limit|window)s?)+\b"
                                  r"|\bmax(?:imum)?[ \t]+input[ \t]+tokens?\b")


def _input_limit_columns(idx: Index, found: list) -> None:
    """A count of tokens in a column headed as the input token limit of the models its rows name
    ("| Gemini 2.0 Flash | 131,000 |" under "Input Token Size Length") is the model's context
    window, not its vocabulary (the header's "size") nor the length of some text ("length")."""
    for f in found:
        t, d = f.table, f.draft
        if t is None or f.col is None or f.col <= 0 or d.unit != "token" or d.property == CONTEXT_WINDOW \
                or not d.entity or idx.entity_kind.get(d.entity) != "model":
            continue
        head = t.column_header(f.col)
        if head is None or "nput" not in head.text or _INPUT_LIMIT_HEAD_RE.search(head.text) is None:
            continue
        vals = [v for v in (d.value, d.low, d.high) if v is not None]
        if _fits_property(idx, d.unit, vals, CONTEXT_WINDOW):
            d.property, d.property_confidence = CONTEXT_WINDOW, calibrated("property", "cue")
            d.evidence["property"] = "cue"


#: a table row that sums the rows above it ("| **Total** |", "| Combined |", "| Grand total |")
_TOTAL_LABEL_RE = re.compile(r"(?i)[\s*_]*(?:grand[ \t]+)?(?:totals?|combined|sum)[\s*_:]*")
_SCALE_WORD_RE = re.compile(r"^(?:K|thousand|million|billion|trillion) ")


def _total_rows(idx: Index, found: list) -> None:
    """An amount in a table's total row whose property the guess took from other words than
    its column's ("| Total | $98,392 |" a workload cost, below "| Products | $68,887 |" and
    "| Services | $29,505 |" both gross profit; "| Total | ~$26M |" below funding rounds): the
    sum of the rows above is of what they are of (of funding rounds, the total raised), when
    at least two of them are and none is of anything else."""
    by_col: dict = {}
    for f in found:
        t = f.table
        if t is None or f.col is None or f.col <= 0 or not (0 <= f.row < len(t.rows)) or not t.rows[f.row] \
                or f.draft.property is None or not f.draft.unit.endswith("USD"):
            continue
        by_col.setdefault((id(t), f.col), []).append(f)
    for fs in by_col.values():
        if len(fs) < 3:
            continue
        totals = [f for f in fs if "ot" in (lab := fs[0].table.rows[f.row][0].text) or "omb" in lab or "um" in lab]
        totals = [f for f in totals if _TOTAL_LABEL_RE.fullmatch(f.table.rows[f.row][0].text)]
        if len(totals) != 1:
            continue
        tot = totals[0]
        unit = _SCALE_WORD_RE.sub("", tot.draft.unit)
        others = [f for f in fs if f is not tot and f.row < tot.row]
        props = {f.draft.property for f in others}
        if len(others) < 2 or len(props) != 1 or any(_SCALE_WORD_RE.sub("", f.draft.unit) != unit for f in others):
            continue
        pid = next(iter(props))
        if pid == "funding-round":
            pid = "total-funding"
        d = tot.draft
        if pid == d.property:
            continue
        vals = [v for v in (d.value, d.low, d.high) if v is not None]
        if _fits_property(idx, d.unit, vals, pid):
            d.property, d.property_confidence = pid, calibrated("property", "weak|repicked")
            d.evidence["property"] = "weak|repicked"


# ("r(?<!\wr)" is "\br" with the letter first: the engine scans for the word's letters in C, not
# trying every position of the text)
_RESPECTIVELY_RE = re.compile(r"r(?<!\wr)espectively\b")
# "81%, respectively", "81% (respectively"; so too with what the numbers are of or whom they went
# to between ("2 TB/s and 3.35 TB/s of memory bandwidth, respectively", "$8 billion and $3 billion
# in Anthropic, respectively"): a few words, no number among them
_RESPECTIVELY_GAP_RE = re.compile(r"(?:[ \t]+(?:of|in|into|on|for|to|from|per|as|with)(?:[ \t]+[^\s\d.,;:!?()]+){1,5})?"
                                  r"[ \t]*\(?[ \t]*,?[ \t]*")
# between the items of a list: "62%, 51%, and 81%", "Alphabet, Microsoft, and Amazon" (a link's
# target masked to blanks, its brackets kept: "[Alphabet](...) , Microsoft")
_LIST_ITEM_GAP_RE = re.compile(r"[\]\s]*(?:,[ \t]*(?:and[ \t]+|&[ \t]*)?|[ \t]+(?:and|&)[ \t]+)\[?")


def _respectively(idx: Index, view: str, starts: list, found: list, alias_hits: list, hit_starts: list) -> None:
    """A list of numbers closed by "respectively" and a list of as many names before them in
    the sentence ("Alphabet, Microsoft, and Amazon all boosted their capital expenditures by
    62%, 51%, and 81%, respectively"): each number is the thing named in its place, whatever
    the words nearest each number name or fail to."""
    if "respectively" not in view:
        return
    prose = sorted((f.draft.span_start, f.draft.span_end, k) for k, f in enumerate(found)
                   if f.table is None and f.draft.value is not None)
    if len(prose) < 2:
        return
    p_starts = [p[0] for p in prose]
    for m in _RESPECTIVELY_RE.finditer(view):
        j = bisect.bisect_right(starts, m.start()) - 1
        sent_lo = starts[j] if j >= 0 else 0
        k = bisect.bisect_left(p_starts, m.start()) - 1
        if k < 0 or prose[k][0] < sent_lo or _RESPECTIVELY_GAP_RE.fullmatch(view, prose[k][1], m.start()) is None:
            continue
        chain = [prose[k]]
        while k > 0 and prose[k - 1][0] >= sent_lo \
                and _LIST_ITEM_GAP_RE.fullmatch(view, prose[k - 1][1], chain[0][0]) is not None:
            k -= 1
            chain.insert(0, prose[k])
        if len(chain) < 2:
            continue
        h = bisect.bisect_left(hit_starts, chain[0][0]) - 1
        while h >= 0 and alias_hits[h][0] >= sent_lo and not alias_hits[h][2]:
            h -= 1
        if h < 0 or alias_hits[h][0] < sent_lo:
            continue
        names = [alias_hits[h]]
        while h > 0 and alias_hits[h - 1][0] >= sent_lo and alias_hits[h - 1][2] \
                and _LIST_ITEM_GAP_RE.fullmatch(view, alias_hits[h - 1][1], names[0][0]) is not None:
            h -= 1
            names.insert(0, alias_hits[h])
        eids = [e for _, _, e in names]
        if len(eids) != len(chain) or len(set(eids)) != len(eids) \
                or len({idx.entity_kind.get(e) for e in eids}) != 1:
            continue
        for (_, _, fk), eid in zip(chain, eids):
            d = found[fk].draft
            d.entity, d.entity_new = eid, None
            d.evidence["entity"] = "respectively|sure|kind"
            d.entity_confidence = calibrated("entity", d.evidence["entity"])


#: A model's id as an API takes it, written as code writes it ("deepseek-chat", "gpt-4o-mini",
#: "claude-3-5-sonnet-20241022"): lower-case letters and digits joined by hyphens, dots or
#: underscores; no space, no capital (a model's name, "DeepSeek-V3") and no slash (a weights
#: repository, "mistralai/Mixtral-8x7B-Instruct-v0.1", is of the model itself)
_API_MODEL_ID_RE = re.compile(r"[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+")


def _api_served(idx: Index, found: list) -> None:
    """A context length in a table whose column (or row) is headed by a model's API id, the
    label the registry knows the model by ("| **MODEL** | **deepseek-chat** | ..." over
    "| **CONTEXT LENGTH** | 64K | ..."): what the API serves under that id
    (served-context-length), which a provider may set below the model's own window, not the
    model's context window. Tables headed by the models' names ("GPT-4o", "Claude 3.5 Haiku",
    "DeepSeek R1") keep their context windows."""
    if "served-context-length" not in idx.prop_by_id:
        return
    for f in found:
        d = f.draft
        if f.table is None or d.property != "context-window" or not d.entity or not d.context:
            continue
        for label in (d.context.get("column"), d.context.get("row")):
            label = (label or "").strip().strip("*`").strip()
            if label and _API_MODEL_ID_RE.fullmatch(label) is not None and idx.alias_to.get(_norm(label)) == d.entity:
                d.property = "served-context-length"
                d.evidence["property"] = d.evidence.get("property", "") + "|api-id"
                break


_ROW_RATIO_TOLERANCE = 0.05  # "4.7x" beside 197 and 918 (4.66): a ratio as written is rounded


_CHANGES = ("change", "growth-rate")


def _row_ratios(idx: Index, found: list) -> None:
    """A comparison table's ratio column ("| 197 TFLOPs | 918 TFLOPs | 4.7x |", "| 3.35 TB/s |
    2.0 TB/s | +67.5% |"): the ratio is about the thing whose value is its numerator, found by
    redoing the row's arithmetic (the column headers name the things; which one is the
    numerator depends on the table: the newer chip on the right, or the one first named), and
    the other is its baseline. A row where no pair of the other cells gives the ratio, or where
    two pairs give it with different numerators, is left as it was."""
    rows: dict = {}
    for f in found:
        if f.table is not None and f.draft.value is not None:
            rows.setdefault((id(f.table), f.row), []).append(f)
    done: dict = {}  # (table, column) -> the numerators its rows' ratios were found to be of
    for cells in rows.values():
        if len(cells) < 3:
            continue
        for f in cells:
            d = f.draft
            if d.unit == "x":
                r = d.value
            elif d.unit == "percent" and d.property in ("change", "ratio") and d.value > 0:
                r = 1 + d.value / 100  # "+67.5%", "67% improvement": the larger is 1.675 times the other
            else:
                continue
            if not r or r <= 1.0:
                continue
            fits = set()
            for a in cells:
                da = a.draft
                if a is f or not da.value or not da.entity or a.col == f.col or da.property in _CHANGES:
                    continue  # (a change is no value to compare: "| +55% | +33% | +65% |", a row of changes)
                for b in cells:
                    db = b.draft
                    if b is f or b is a or not db.value or not db.entity or db.entity == da.entity \
                            or b.col == f.col or b.col == a.col or db.property in _CHANGES:
                        continue
                    k = unit_factor(db.unit, da.unit) if db.unit != da.unit else 1.0
                    if k is None:
                        continue
                    if abs(db.value * k / da.value - r) <= _ROW_RATIO_TOLERANCE * r:
                        fits.add((db.entity, da.entity))
            if len({num for num, _ in fits}) != 1:
                continue
            num, base = next(iter(fits))
            done.setdefault((id(f.table), f.col), set()).add(num)
            d.entity, d.entity_new = num, None
            d.evidence["entity"] = "row-ratio|sure|kind"
            d.entity_confidence = calibrated("entity", "row-ratio|sure|kind")
            if d.unit == "x" and d.property != "ratio" and "ratio" in idx.prop_by_id:
                # (a row label's words made it something else: "Thermal Design Power (TDP)")
                d.property, d.property_confidence = "ratio", calibrated("property", "row-ratio")
                d.evidence["property"] = "row-ratio"
            prop = idx.prop_by_id.get(d.property)
            if prop is not None and "baseline" in prop.conditions and len({b for _, b in fits}) == 1:
                d.conditions["baseline"] = base
    # the column's other ratios, in rows whose arithmetic cannot be redone ("| Energy
    # Efficiency | Baseline | 1.67 x vs. v5e | 67% improvement |" under rows whose uplift is
    # the newer chip's): two rows or more of the column found of one thing, and none of
    # another, the column is that thing's uplift, so is the cell given no registry thing
    if not done:
        return
    n_rows: dict = {}  # (table, column) -> its rows found above (counted once, not per cell)
    for g in found:
        if g.table is not None and g.draft.evidence.get("entity") == "row-ratio|sure|kind":
            key = (id(g.table), g.col)
            n_rows[key] = n_rows.get(key, 0) + 1
    for f in found:
        d = f.draft
        if f.table is None or d.value is None or d.entity is not None or d.value <= 0 \
                or not (d.unit == "x" or d.unit == "percent" and d.property in ("change", "ratio")):
            continue
        nums = done.get((id(f.table), f.col))
        if nums is None or len(nums) != 1:
            continue
        if n_rows.get((id(f.table), f.col), 0) >= 2:
            d.entity, d.entity_new = next(iter(nums)), None
            d.evidence["entity"] = "row-ratio|sure|kind"
            d.entity_confidence = calibrated("entity", "row-ratio|sure|kind")


# "the 65B model", "the 8B version": a size used as the name of a model the article names
# (written "[Tt](?<!\w[Tt])he", which is "\b[Tt]he": a pattern that starts with a set of
# characters is scanned for them in C, four times faster over a whole text than one that
# starts with "\b")
# ... and "the 70B requires 40GB+", "the 8B runs at 280 tokens/second", "the 405B's weights": a
# size right before a verb of what a model needs, does or scores (or a possessive) is a model's
# name too (it stays a model's only where a model the article names has that size)
_SIZE_NAME_RE = re.compile(r"[Tt](?<!\w[Tt])he\s+(?P<n>[0-9]+(?:\.[0-9]+)?)\s?(?P<s>[BMT])(?:(?:[- ]param(?:eter)?s?)?"
                           r"\s+(?:model|version|variant|checkpoint)s?\b|(?=['’]s\b|\s+(?:is|was|requires?|required|needs?"
                           r"|needed|runs?|ran|fits?|uses?|used|has|had|can|could|will|would|costs?|takes?|took|gets?"
                           r"|scores?|scored|delivers?|achieves?|achieved|offers?|outperforms?|outperformed|beats?"
                           r"|reach(?:es|ed)|hits?|generates?|produces?|handles?|supports?|wants?|demands?|consumes?"
                           r"|loads?|occupies|tops?|trails?|lands?|sits?|manages?|managed|comes?|came)\b))")
# a size written as a name without "the" where the article is left out: at a line's or a list
# item's start, after a sentence's end, or after "of" ("The performance of 405B model is very
# similar to Claude 3.5 Sonnet", "70B model has an even more impressive performance", "- 405B
# trained on 15.6T tokens"): one model (not "7B models", sizes in general), or a verb after it
# (tried at the first digit of a run only: one tried inside the run reads the same tail, and a
# match at the run's first digit takes the whole run)
_BARE_SIZE_NAME_RE = re.compile(r"(?P<n>[0-9](?<![0-9][0-9])[0-9]*(?:\.[0-9]+)?)\s?(?P<s>[BMT])(?:(?:[- ]param(?:eter)?)?[ \t]+(?:model|version"
                                r"|variant|checkpoint)(?![\w-])|(?=[ \t]+(?:is|was|has|had|trained|requires?|needs?|runs?|fits?"
                                r"|uses?|costs?|scores?|scored|achieves?|achieved|outperforms?|outperformed|beats?)\b))")
# (what comes right before such a size: the scan finds the sizes first, a digit leading, and
# keeps those this ends right before)
_BARE_SIZE_OPEN_RE = re.compile(r"(?:^|\n)(?:[-*+] )?$|[.!?] $|(?<![\w-])of $")


def _bare_size_names(view: str) -> list:
    """The spots of :data:`_BARE_SIZE_NAME_RE`'s sizes that open a line, a list item or a
    sentence, or follow "of"."""
    return [m for m in _BARE_SIZE_NAME_RE.finditer(view)
            if _BARE_SIZE_OPEN_RE.search(view, max(0, m.start() - 6), m.start()) is not None
            and (m.start() == 0 or not (view[m.start() - 1].isalnum() or view[m.start() - 1] in ".,"))]


# a table row's label that is a size alone ("7B", "70B", "1.5 B")
_SIZE_LABEL_RE = re.compile(r"(?:\*\*)?(?P<n>[0-9]+(?:\.[0-9]+)?)\s?(?P<s>[BMT])(?:\*\*)?")
_ID_SIZE_RE = re.compile(r"(?<![0-9.])([0-9]+(?:\.[0-9]+)?)([bmt])(?![a-z0-9])")


def _size_names(idx: Index, view: str, alias_hits: list, found: list = ()) -> list:
    """Alias hits (start, end, model) for sizes written as names ("the 65B model"), and for
    the labels of a table's rows that are a size alone ("| 7B |" over "| 13B |", the rows of a
    table of a family's sizes): the model of that size among those the article names, or of
    a named model's family; the one named last before it, else the only one the article
    names. Read once per text."""
    named = [(a, eid) for a, _, eid in alias_hits if eid and idx.entity_kind.get(eid) == "model"]
    if not named:
        return []
    out = []
    by_size: dict = {}  # size -> the model of that size each named entity stands for (or None)
    spots = [(m.start("n"), m.end(), m.group("n"), m.group("s"), None, None) for m in _SIZE_NAME_RE.finditer(view)]
    spots += [(m.start("n"), m.end(), m.group("n"), m.group("s"), None, None) for m in _bare_size_names(view)]
    tables = {id(f.table): f.table for f in found if f.table is not None}
    for t in tables.values():
        labels = [r[0] for r in t.rows if r]
        sizes = [_SIZE_LABEL_RE.fullmatch(c.text) for c in labels]
        if len(labels) >= 2 and all(sizes):  # (a table of sizes: every row so labelled, two or more)
            spots += [(c.start, c.end, m.group("n"), m.group("s"), id(t), None) for c, m in zip(labels, sizes)]
    spots += _line_sizes(idx, view, alias_hits, [(t.start, t.end) for t in tables.values()])
    spots.sort()
    table_picks: dict = {}  # table -> the picks of its rows' sizes (kept only when all are of one family)
    # (the names that fit a size, with where they start, the same for each spot of that size and
    # line: made once for each; the pick before a spot is found by bisection)
    fits_of: dict = {}
    for lo, hi, n, s, tid, line in spots:
        size = (n, s.lower())
        pick_of = by_size.get(size)
        if pick_of is None:
            pick_of = by_size[size] = {}
            for eid in {eid for _, eid in named}:
                v = eid if size in _ID_SIZE_RE.findall(eid) else idx.sizes.get(idx.family.get(eid, eid), {}).get(size[0])
                pick_of[eid] = v if v and size in _ID_SIZE_RE.findall(v) else None
        got = fits_of.get((size, line))
        if got is None:
            fits = [(a, pick_of[eid]) for a, eid in named if pick_of[eid]
                    and (line is None or idx.family.get(pick_of[eid]) in line)]
            only = fits[0][1] if fits and len({v for _, v in fits}) == 1 else None
            # the pick before a place: of the names that start before it, the one latest in
            # ``named``'s order (the last named before it, where the names are in the text's
            # order): the names sorted by where they start (equal starts kept in their order),
            # and for each first k of them the one latest in ``named``
            order = sorted(range(len(fits)), key=lambda i: fits[i][0])
            latest, i_max = [], -1
            for i in order:
                i_max = i if i > i_max else i_max
                latest.append(fits[i_max][1])
            got = fits_of[(size, line)] = ([fits[i][0] for i in order], latest, only)
        fit_starts, latest, only = got
        k = bisect.bisect_left(fit_starts, lo)
        pick = latest[k - 1] if k else only
        if tid is not None:
            table_picks.setdefault(tid, []).append((lo, hi, pick))
        elif pick:
            out.append((lo, hi, pick))
    for picks in table_picks.values():
        # every row's size a model of one family the article names (Llama 2's 7B, 13B, 34B and
        # 70B): the table lists that family's models; rows of sizes of several families, or of
        # sizes no named model has, are sizes of runs of the article's own
        # (a family's model of a size may be another family's by id: "Llama 3 405B" is Llama 3.1's)
        fams = {idx.family.get(v) for _, _, v in picks}
        if all(v for _, _, v in picks) and (len(fams) == 1 and None not in fams or any(
                all(v in sizes.values() for _, _, v in picks) for sizes in idx.sizes.values())):
            out += picks
    out.sort()
    return out


_LINE_SIZE_MEMO: dict = {}  # id(index) -> (the index, the pattern of its lines' names followed by a size); one index kept
_LINE_SIZE_TAIL = r")[ -]?(?P<n>[0-9]+(?:\.[0-9]+)?) ?(?P<s>[bmt])(?![\w.])"


def _line_size_pattern(names: list) -> re.Pattern:
    """The pattern of the lines' names (longest first), each a word's first, followed by a size,
    in any case. Written with each name's first character (in either case, or any character
    beyond ASCII, which may be one of them in another case) taken before the look-behind that
    keeps it a word's first, and the names that start with it after (tried in the same order):
    the engine scans for those characters in C instead of trying every name at every position
    of the text. (The plain alternation where a name starts with another character.)"""
    groups: dict = {}
    for n in names:
        groups.setdefault(n[:1], []).append(n)
    if not all(ch.isascii() and ch.isalnum() for ch in groups):
        return re.compile(r"(?<![\w.])(?P<line>" + "|".join(re.escape(n).replace("\\ ", "[ -]") for n in names)
                          + _LINE_SIZE_TAIL, re.IGNORECASE)
    firsts = "".join(sorted({c for ch in groups for c in (ch.lower(), ch.upper())}))
    alts = "|".join("(?<=" + ch + ")(?:" + "|".join(re.escape(n[1:]).replace("\\ ", "[ -]") for n in group) + ")"
                    for ch, group in groups.items())
    return re.compile(r"(?P<line>(?-i:[" + firsts + r"\x80-\U0010ffff])(?<![\w.].)(?:" + alts + ")" + _LINE_SIZE_TAIL,
                      re.IGNORECASE)


def _line_sizes(idx: Index, view: str, alias_hits: list, tables: list = ()) -> list:
    """The spots (start, end, number, scale, None, versions) for a model line's name written
    without its version but with a size in running text ("Llama 8B at $0.05/$0.08"), that no
    registry name covers: the size of the model of that size among those of the line's
    versions the article names (its "Llama 3.1 8B"). Not in a table (``tables``: their
    spans): there "| Llama 70B |" labels runs of the article's own as often as the model
    (read in tables too, the development articles' dev-B half lost 17 things of their own to
    registry models; so too reading the line's latest version: see :meth:`Index.dated_lines`)."""
    if not idx.lines:
        return []
    memo = _LINE_SIZE_MEMO.get(id(idx))
    if memo is None or memo[0] is not idx:
        _LINE_SIZE_MEMO.clear()  # (kept for the latest index only: an old registry is let go)
        memo = _LINE_SIZE_MEMO[id(idx)] = (idx, _line_size_pattern(sorted(idx.lines, key=len, reverse=True)))
    out = []
    starts = [h[0] for h in alias_hits]
    # (the tables by their starts, each with the furthest end of those starting at or before it:
    # a position is in some table where that end is beyond it; one bisect, not a scan of them all)
    spans = sorted(tables)
    table_starts = [a for a, _ in spans]
    reach, far = [], -1
    for _, b in spans:
        far = max(far, b)
        reach.append(far)
    for m in memo[1].finditer(view):
        t = bisect.bisect_right(table_starts, m.start())
        if t and reach[t - 1] > m.start():
            continue
        k = bisect.bisect_left(starts, m.end())
        if any(h[1] > m.start() for h in alias_hits[max(0, k - 3):k]):
            continue  # inside or over a registry name ("Llama 405B", "Mistral 7B")
        line = _norm(m.group("line"))
        versions = frozenset(eid for _, eid in idx.lines.get(line, ()))
        if versions:
            out.append((m.start("n"), m.end(), m.group("n"), m.group("s"), None, versions))
    return out


# (a registry alias of a consumer card, lower-cased: "rtx 3090", "geforce gtx 1080 ti")
_CARD_NAME_RE = re.compile(r"(?:nvidia )?(?:geforce )?(?:rtx|gtx) (?P<n>[0-9]{4}(?: ti| super)?)")
_CARD_MEMO: dict = {}  # id(index) -> (the index, {a card's number: its entity}); one index kept
# (its first digit taken before the look-behind that keeps it the number's first: the engine scans
# for digits in C instead of trying the pattern at every position of the text); wider than grammar's
# GAMING_CARD_NUMBER (x050 cards and any series: only a number the article's registry cards have counts)
_BARE_NUMBER_RE = re.compile(r"(?P<n>[1-9](?<![\w$€£.,/-][1-9])0[5-9]0(?:[ -]?(?:Ti|Super))?)(?:s)?(?![\w%/-]|[.,][0-9])")
_WITH_CARD_RE = re.compile(r"(?i)\bwith\s+(?:an?\s+|the\s+|two\s+|dual\s+|[0-9]+\s*x\s*)?(?:nvidia\s+)?$")
_NUMBER_CONTEXT_RE = re.compile(r"(?i)(?:\b(?:by|in|until|to|from|since|of|than|about|around|over|under)|[=+*×x~≈<>])\s*$")


def _currency_countries(view: str, alias_hits: list) -> list:
    """The alias hits less a country's letters glued before a dollar sign ("US$0.08 per
    GB-month", "A$220"): the amount's currency, not a thing the number is of (the amount is
    still read in that currency, see grammar's dollar_prefix)."""
    if "$" not in view:
        return alias_hits
    return [h for h in alias_hits if not (view.startswith("$", h[1]) and h[1] - h[0] <= 3
                                          and view[h[0]:h[1]].isupper())]


def _bare_card_numbers(idx: Index, view: str, alias_hits: list) -> list:
    """A consumer card the article names in full ("a used RTX 3090") and then by its number
    alone ("The 3090 is the best bang for your buck", "These 3090s can draw up to about 350
    watts", "3090 GPU with 24GB of memory"): the bare number is that card's name too. Only a
    number the article's names give a card (not a year or an amount: no number before it on
    the line of words "by", "in", "than" or an operator). The card's maker's name right before
    its number ("a used NVIDIA 3090,") names it in full too: the card's, not the maker's."""
    memo = _CARD_MEMO.get(id(idx))
    if memo is None or memo[0] is not idx:
        cards = {}
        for a, eid in idx.alias_to.items():
            m = _CARD_NAME_RE.fullmatch(a)
            if m and idx.entity_kind.get(eid) == "gpu":
                cards.setdefault(m.group("n"), eid)
        _CARD_MEMO.clear()
        memo = _CARD_MEMO[id(idx)] = (idx, cards)
    cards = memo[1]
    named = {eid for _, _, eid in alias_hits if eid}
    if not cards or not any(e in named or idx.vendor_of.get(e) in named for e in cards.values()):
        return alias_hits
    starts = [h[0] for h in alias_hits]
    extra, vendor = [], set()
    bare = list(_BARE_NUMBER_RE.finditer(view))
    for m in bare:
        eid = cards.get(m.group("n").lower().replace("-", " ").replace("  ", " "))
        if eid is None or eid in named:
            continue
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and alias_hits[k][1] == m.start() - 1 and view[m.start() - 1] == " " \
                and alias_hits[k][2] and alias_hits[k][2] == idx.vendor_of.get(eid):
            named.add(eid)  # "a used NVIDIA 3090": the card's maker and its number name the card
    for m in bare:
        eid = cards.get(m.group("n").lower().replace("-", " ").replace("  ", " "))
        if eid is None or eid not in named:
            continue
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and alias_hits[k][1] > m.start():
            continue  # inside a name already ("RTX 3090")
        if _NUMBER_CONTEXT_RE.search(view, max(0, m.start() - 12), m.start()):
            continue
        if _WITH_CARD_RE.search(view, max(0, m.start() - 16), m.start()):
            continue  # "a computer ... with a 4070 Ti": a thing of the article's own that has the card
        lo = m.start()
        if k >= 0 and alias_hits[k][1] == m.start() - 1 and view[m.start() - 1] == " " \
                and idx.entity_kind.get(alias_hits[k][2]) == "organisation":
            lo = alias_hits[k][0]  # "2 x Nvidia 4090": the maker's name and the number, one name
            vendor.add(k)
        elif view.startswith((".", ","), m.end()):
            continue  # (a bare number ending a clause, "comparable ... to a 3090, and": not read as the card)
        extra.append((lo, m.end(), eid))
    if not extra:
        return alias_hits
    return sorted([h for j, h in enumerate(alias_hits) if j not in vendor] + extra)


# a version right after a name that holds none ("Grok 2", "Grok-4.1", "Gemini 3.1 Pro", "DeepSeek
# V3.1", "DeepSeek-V2.5"): a company's name takes only a lettered version ("V3.1", "R2", "K2"), a
# family's a bare one too; not a year, nor a number with its unit ("Gemini 1 million tokens")
_VERSION_AFTER_RE = re.compile(r"(?:[ \t]|-)(?P<v>[VvRrKk]?)(?!(?:19|20)[0-9]{2}\b)[0-9]{1,2}(?:\.[0-9]{1,2})?o?(?![\w.,%/×]|\.[0-9])"
                               r"(?![ \t]*(?:[xX×]\b|%|percent|million|billion|thousand|trillion|[BMKT]\b|GB|TB|tokens?\b"
                               r"|param|[Gg][Pp][Uu]|hours?\b|days?\b|weeks?\b|months?\b|years?\b|times\b|of\b|and\b|or\b|to\b))")


#: the alias hits of the text being linked that name a version the registry does not (cleared by link)
_VERSIONED: set = set()
#: the starts of those hits, sorted (set by link; whether one is in a stretch is one bisection)
_VERSIONED_STARTS: list = []


def _starts_between(starts: list, lo: int, hi: int) -> bool:
    """Whether some position of the sorted ``starts`` is in ``lo <= x < hi``."""
    k = bisect.bisect_left(starts, lo)
    return k < len(starts) and starts[k] < hi


def _versioned_names(idx: Index, view: str, alias_hits: list, versioned: set) -> list:
    """A model family's or a company's name (one holding no version of its own) with a version
    right after it that the registry does not name ("Grok 2" where it records the Grok family,
    "DeepSeek V3.1" where it records DeepSeek, V3 and V3.2): another model, which the name alone
    does not stand for; the hit is put in ``versioned`` (no owner of the numbers of its sentence
    or its table row). "ChatGPT-5", "ChatGPT 4o": the chat service named by its model's version,
    the hit that model's where the registry names it."""
    out, changed = [], False
    for k, (a, b, eid) in enumerate(alias_hits):
        kind = idx.entity_kind.get(eid)
        if kind in ("model", "organisation") and b < len(view) and view[b] in " \t-" \
                and (m := _VERSION_AFTER_RE.match(view, b)) is not None \
                and (kind == "model" or m.group("v")) and not any(c.isdigit() for c in view[a:b]) \
                and not (k + 1 < len(alias_hits) and alias_hits[k + 1][0] < m.end()):
            if view[a:b].lower() == "chatgpt" and (gpt := idx.alias_to.get(_norm("GPT-" + view[m.start("v"):m.end()]))):
                out.append((a, m.end(), gpt))  # "ChatGPT-5": the chat service by its model's version, GPT-5
                changed = True
                continue
            versioned.add((a, b, eid))
        out.append((a, b, eid))
    return out if changed else alias_hits


# a memory generation's name as written ("HBM3", "HBM3e", "GDDR6X", "LPDDR5X"): the registry's
# figures of one are per stack (or per chip), not of a card's memory
_MEMORY_TYPE_NAME_RE = re.compile(r"(?i)(?:HBM[0-9]*E?|GDDR[0-9]+X?|LPDDR[0-9]+X?)")
# a memory size right before such a name ("80GB HBM3", "192 GB of HBM3e", "48GB GDDR6"), and not a
# size of one stack or die of it ("a 24GB HBM3e stack")
_SIZE_BEFORE_TYPE_RE = re.compile(r"[0-9][0-9.,]*\s*(?:[GT]i?B|gigabytes?|terabytes?)(?:\s+of)?\s*$", re.I)
_PART_NOUN_AFTER_RE = re.compile(r"[\s-]*(?:stacks?|dies?|modules?|chips?|cubes?)\b", re.I)


# a word joined by a hyphen and then a model's size: "-MoE 16B", "-Coder 33B"
_GLUED_MODEL_RE = re.compile(r"-[A-Za-z][A-Za-z0-9.]*[ \t]+[0-9]+(?:\.[0-9]+)?[BM]\b")


def _glued_class_names(idx: Index, view: str, alias_hits: list) -> list:
    """A name of a class of models joined by a hyphen to the word before it ("Qwen1.5-MoE")
    is the end of one model's name, not the class: the hit names nothing, nor does a company's
    name it is joined to, nor a company's name joined to a word and a model size ("DeepSeek-MoE
    16B": the model, not its maker)."""
    out = None
    for k, (a, b, eid) in enumerate(alias_hits):
        if eid and idx.entity_kind.get(eid) == "organisation" and _GLUED_MODEL_RE.match(view, b):
            # "DeepSeek-MoE 16B": a company's name joined to a word and a size is a model's name
            if out is None:
                out = list(alias_hits)
            out[k] = (a, b, None)
            continue
        if not eid or a < 2 or view[a - 1] != "-" or not view[a - 2].isalnum() \
                or idx.entity_kind.get(eid) != "model-class" or b < len(view) and (view[b].isalnum() or view[b] == "-"):
            continue
        if out is None:
            out = list(alias_hits)
        out[k] = (a, b, None)
        j = k - 1
        if j >= 0 and out[j][1] == a - 1 and out[j][2] and idx.entity_kind.get(out[j][2]) == "organisation":
            out[j] = (out[j][0], out[j][1], None)
    return alias_hits if out is None else out


def _memory_type_names(idx: Index, view: str, alias_hits: list) -> list:
    """A memory generation named right after a memory size ("Memory: 80GB HBM3", "192 GB of
    HBM3e") says what type the card's memory is: it is no owner of that size, nor of another
    number near it ("80GB HBM3 (some configurations may have 94GB)"); the hit names nothing
    (the registry's figures of a memory generation are per stack)."""
    out = None
    for k, (a, b, eid) in enumerate(alias_hits):
        if not eid or idx.entity_kind.get(eid) != "product" or not _MEMORY_TYPE_NAME_RE.fullmatch(view, a, b):
            continue
        if _SIZE_BEFORE_TYPE_RE.search(view, max(0, a - 24), a) is None or _PART_NOUN_AFTER_RE.match(view, b):
            continue
        if out is None:
            out = list(alias_hits)
        out[k] = (a, b, None)
    return alias_hits if out is None else out


def _dated_names(idx: Index, view: str, alias_hits: list) -> list:
    """A model line's name with a date in brackets right after it ("Claude 3.5 Sonnet (Oct
    2024)", "GPT-4o (2024-08-06)") names the line's version of that month, where the registry
    has one (its id dated so); the name alone stays the line."""
    if not idx.dated_by_month or "(" not in view:
        return alias_hits
    out = None
    for k, (a, b, eid) in enumerate(alias_hits):
        by = idx.dated_by_month.get(eid)
        if by is None or "(" not in view[b:b + 2]:
            continue
        m = _BRACKET_DATE_RE.match(view, b)
        if m is None:
            continue
        if m[2]:
            when = (int(m[2]), MONTH_NUMBERS.get(m[1][:3].lower(), 0))
        else:
            when = (int(m[3]), int(m[4]))
        v = by.get(when)
        if v:
            if out is None:
                out = list(alias_hits)
            out[k] = (a, m.end(), v)
    return alias_hits if out is None else out


def _sole_variants(idx: Index, alias_hits: list, found: list = ()) -> list:
    """An article that names one size of a model family and no other ("Mixtral 8x7B", then
    "Mixtral" throughout) means that model by the family's name; so does one that names one
    form factor of a GPU and no other ("H100 SXM 80GB" in a table header, then "the H100"):
    in the development articles that do, the curators recorded the variant for 100 claims
    and the family for 9."""
    named: dict = {}
    for _, _, eid in alias_hits:
        fam = idx.family.get(eid)
        if fam and idx.entity_kind.get(eid) in ("model", "gpu") and eid not in idx.dated:
            named.setdefault(fam, set()).add(eid)
    sole = {fam: next(iter(vs)) for fam, vs in named.items() if len(vs) == 1}
    if not sole:
        return alias_hits
    # a table with a row for the family and a row for its variant ("| H200 | $2.59 |" over
    # "| H200 NVL | $2.27 |", "| gpt-4o-mini |" over "| gpt-4o-mini-2024-07-18 |"): the family's
    # row is the family, set beside the variant
    keep = set()
    for t in {id(f.table): f.table for f in found if f.table is not None}.values():
        labels = []
        for row in t.rows:
            if row and row[0].text:
                k = bisect.bisect_left(alias_hits, (row[0].start,))
                while k < len(alias_hits) and alias_hits[k][0] < row[0].end:
                    labels.append(alias_hits[k])
                    k += 1
        fams = {eid for _, _, eid in labels if eid in sole}
        if fams:
            beside = {idx.family.get(eid) for _, _, eid in labels} & fams
            keep.update(h for h in labels if h[2] in beside)
    return [(a, b, eid if (a, b, eid) in keep else sole.get(eid, eid)) for a, b, eid in alias_hits]


# a word of a model's name that its short form keeps ("Gemini", "Flash"), and one it drops (a
# version: "1.5", "4.1", "v2")
_SHORT_WORD_RE = re.compile(r"[A-Z][A-Za-z]+")
_VERSION_WORD_RE = re.compile(r"[vV]?[0-9][0-9.]*")


def _short_names(idx: Index, view: str, alias_hits: list) -> list:
    """A model named in full in the article ("Gemini 1.5 Flash", "Claude Opus 4.1", "Imagen 4
    Fast") and elsewhere by its name less the version ("Gemini Flash", "Claude Opus", "Imagen
    Fast"), a form the registry does not list: the short form is that model, where no other
    model the article names has the same short form ("Claude Sonnet 3.7" beside "Claude Sonnet
    4.5" leaves "Claude Sonnet" as it was). A short form the registry knows as a name of its
    own, or one inside a longer name, is left alone."""
    by_short: dict = {}
    for a, b, eid in alias_hits:
        if not eid or b - a < 8 or " " not in view[a:b] or idx.entity_kind.get(eid) != "model":
            continue
        words = view[a:b].split()
        kept = [w for w in words if not _VERSION_WORD_RE.fullmatch(w)]
        if len(kept) == len(words) or len(kept) < 2 or not all(_SHORT_WORD_RE.fullmatch(w) for w in kept):
            continue
        by_short.setdefault(" ".join(kept), set()).add(eid)
    if not by_short:
        return alias_hits
    starts = [h[0] for h in alias_hits]
    drop, add = set(), []
    for short, eids in by_short.items():
        if len(eids) != 1:
            continue
        eid = next(iter(eids))
        i = view.find(short)
        while i >= 0:
            j = i + len(short)
            if (i == 0 or not view[i - 1].isalnum()) and (j >= len(view) or not view[j].isalnum()):
                k = max(bisect.bisect_right(starts, i) - 1, 0)  # (a hit that starts before it may reach in)
                inside, clash = [], False
                while k < len(alias_hits) and alias_hits[k][0] < j:
                    a, b, _ = alias_hits[k]
                    if b > i:
                        if a >= i and b <= j and b - a < j - i:
                            inside.append(k)
                        else:
                            clash = True  # (the registry's own name, or a longer name it is part of)
                    k += 1
                if not clash:
                    drop.update(inside)
                    add.append((i, j, eid))
            i = view.find(short, j)
    if not add:
        return alias_hits
    return sorted([h for k, h in enumerate(alias_hits) if k not in drop] + add)


# a model's last word that names its tier in its line ("Sonnet", "Haiku", "Flash", "Opus"),
# written alone; (not the words for sizes, releases and plans that name no one model alone:
# "Large", "Mini", "Preview", "Pro", nor adjectives: "Fast", "Ultra", whose tier of an
# article's own mix or plan is as often meant)
# (the capital first, then the look-behind at the character before it: scanned for capitals in C)
_TIER_WORD_RE = re.compile(r"[A-Z](?<![\w.-][A-Z])[a-z]{2,}(?![\w-])")
_TIER_GENERIC = frozenset({"large", "medium", "small", "mini", "base", "chat", "instruct", "preview", "latest",
                           "model", "models", "version", "edition", "beta", "new", "open", "plus", "max", "pro",
                           "fast", "ultra", "lite", "light", "super", "standard", "premium", "basic"})
_TIER_BEFORE_RE = re.compile(r"(?<![\w.-])[A-Z](?:[\w.-]*\w)?[ \t]$")
_TIER_AFTER_RE = re.compile(r"[ \t]+[A-Z0-9]")


def _tier_names(idx: Index, view: str, alias_hits: list) -> list:
    """A model's tier word written alone ("Sonnet", "Haiku", "Flash") where the article names a
    model of that line in full: the word is that model ("Claude 3.5 Sonnet costs $3 ... Sonnet
    offers the best value"), or, where no model the article names ends in it, the line's
    sibling of that tier, which the registry names by the named model's name less its tier and
    the word, where the article names two tiers of that line ("Claude 3 Opus costs $15 ..., while
    Sonnet costs $3 and Haiku $0.25": Claude 3 Sonnet, Claude 3 Haiku). Only a word that one
    model fits, written apart from other names (no capitalised word right before or after it:
    "Claude Pro", "Haiku Labs"), outside every name found already."""
    own: dict = {}
    tiers_of: dict = {}  # a named model's name less its tier -> the named models so written
    for a, b, eid in alias_hits:
        if not eid or idx.entity_kind.get(eid) != "model" or " " not in view[a:b].strip():
            continue
        head, _, last = view[a:b].strip().rpartition(" ")
        if _TIER_WORD_RE.fullmatch(last) and last.lower() not in _TIER_GENERIC:
            own.setdefault(last, set()).add(eid)
            tiers_of.setdefault(head, set()).add(eid)
    if not own:
        return alias_hits
    # (a sibling only of a line two of whose tiers the article names: "Claude 3 Opus ... Sonnet
    # costs $3 and Haiku $0.25"; with one named, "Claude 3.5 Sonnet ... Haiku", the writer as often
    # means another version's, the one then current: Claude 3 Haiku came before Claude 3.5 Haiku)
    heads = {h for h, eids in tiers_of.items() if len(eids) >= 2}
    starts = [h[0] for h in alias_hits]
    add = []
    sibling_memo: dict = {}
    for m in _TIER_WORD_RE.finditer(view):
        w = m.group()
        if w.lower() in _TIER_GENERIC:
            continue
        if w in own:
            fits = own[w]
        else:
            fits = sibling_memo.get(w)
            if fits is None:
                fits = sibling_memo[w] = {e for h in heads if (e := idx.alias_to.get(_norm(f"{h} {w}")))
                                          and idx.entity_kind.get(e) == "model"}
        if len(fits) != 1:
            continue
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and alias_hits[k][1] > m.start() or k + 1 < len(alias_hits) and alias_hits[k + 1][0] < m.end():
            continue  # (inside a name found already)
        if _TIER_BEFORE_RE.search(view, max(0, m.start() - 40), m.start()) or _TIER_AFTER_RE.match(view, m.end()):
            continue  # "Claude Pro", "Flash Attention": part of another name
        add.append((m.start(), m.end(), next(iter(fits))))
    if not add:
        return alias_hits
    return sorted(alias_hits + add)


_SIZE_SCALE = {"b": 1e9, "m": 1e6, "t": 1e12}
# a model's size written round, as names write it ("72B", "30B models", "the 72B parameter
# model"), not a measured count ("1.23B", "685B total"): the size a model's name would carry
_BARE_SIZE_RE = re.compile(r"[0-9]+(?:\s?B\+?| billion)(?:[ -]param(?:eter)?s?)?")
# an id whose size counts each expert ("mixtral-8x7b" is 46.7B in all): no size of the whole
_EXPERTS_SIZE_RE = re.compile(r"[0-9]x[0-9]")


def _sized_models(idx: Index, found: list, named_hits: list) -> None:
    """A parameter count given to a class ("this 405B parameter LLM") in an article that names
    one model of that size ("Llama 3.1 405B"): that model's size, said again; a class has no
    size. Two named models of the size leave it as it was, and so does a count given to a new
    thing (in the dev-A articles that is as often the article's own run or model of that size,
    "a 7B model trained for 2T tokens", as the model named)."""
    todo = [f.draft for f in found if f.draft.property == "parameters-total" and f.draft.value
            and idx.entity_kind.get(f.draft.entity or "") in _CLASS_KINDS]
    if not todo:
        return
    by_size: dict = {}
    line_sizes: dict = {}
    for eid in {eid for _, _, eid in named_hits if eid}:
        if idx.entity_kind.get(eid) != "model":
            continue
        m = _ID_SIZE_RE.search(eid)  # (the first size of the id: "qwen3-omni-30b-a3b" is 30B)
        if m:
            by_size.setdefault(float(m.group(1)) * _SIZE_SCALE[m.group(2)], set()).add(eid)
        # a named line's sizes too, where no named model has the size ("Meta has released Llama
        # 3, ... with 8B and 70B parameter versions": Llama 3 8B, though only the line and its
        # 70B are named)
        for v in idx.sizes.get(idx.family.get(eid, eid), {}).values():
            if idx.family.get(v) == idx.family.get(eid, eid) and (m := _ID_SIZE_RE.search(v)):
                line_sizes.setdefault(float(m.group(1)) * _SIZE_SCALE[m.group(2)], set()).add(v)
    for size, eids in line_sizes.items():
        by_size.setdefault(size, eids)
    if not by_size:
        return
    for d in todo:
        k = unit_factor(d.unit, "parameter")
        if k is None:
            continue
        n = d.value * k
        hits = [eids for size, eids in by_size.items() if abs(size - n) <= 1e-6 * size]
        if len(hits) == 1 and len(hits[0]) == 1:
            d.entity, d.entity_new = next(iter(hits[0])), None
            d.evidence["entity"] = d.evidence.get("entity", "") + "|size"
            d.entity_confidence = calibrated("entity", d.evidence["entity"])


_SUBSCRIPTION = "subscription-price"


def _model_costs(idx: Index, view: str, found: list) -> None:
    """A model has no running cost per hour or month of its own: such a cost given to a model
    ("| GPT-4o | $13,200 |" under "Monthly cost") is the cost of the article's own use of it (a
    new thing). In the dev-A articles the curators gave none of 168 costs per unit of time to a
    model (144 to workloads). A table's monthly cost read as a subscription's price ("| GPT-4o |
    ~$4.40 | $13,200 |" under "Monthly cost (100 users)") is the same: a plan is a product's
    (ChatGPT Plus), and a row of monthly costs by model is the article's own use of each.

    A table of plans (``_plan_table``: "| Plan | Price |", "| ChatGPT Plus | $20/mo |") keeps its
    prices (:func:`_plan_entities`)."""
    for f in found:
        d = f.draft
        if not d.entity or idx.entity_kind.get(d.entity) != "model":
            continue
        if d.property == _SUBSCRIPTION and f.table is not None and f.hint == _SUBSCRIPTION:
            continue  # (_plan_entities)
        if not (d.property == "cost-rate" or d.property == _SUBSCRIPTION and f.table is not None):
            continue
        if d.property == _SUBSCRIPTION and "cost-rate" in idx.prop_by_id:
            d.property = "cost-rate"  # (the use's running cost, no plan's price)
            d.evidence["property"] = d.evidence.get("property", "") + "|own-use"
            d.property_confidence = calibrated("property", d.evidence["property"])
        d.entity, d.entity_new = None, _new_entity_name(f, view, (d.span_start, d.span_end))
        d.evidence["entity"] = "new|table" if f.table is not None else "new|prose"
        d.entity_confidence = calibrated("entity", d.evidence["entity"])


def _plan_entities(idx: Index, view: str, found: list, alias_hits, hit_starts) -> None:
    """A plan's price in a table of plans (``_plan_table``) is of the service whose name labels the
    row ("| ChatGPT Plus | $20/mo |") or its plan (:func:`_plan_name_cells`), or that the table's
    heading or column names, never of a thing named only in another cell of the row ("| Plus | $20/month | GPT-4o |", "| Pro | $20/mo | Claude
    Code access |": what the plan gives access to): there the plan is a thing of the article's own."""
    intros: dict = {}
    for f in found:
        d = f.draft
        if f.table is None or f.hint != _SUBSCRIPTION:
            continue
        joined = _joined_plan_name(idx, f.table, f.row, f.col)
        if joined is None and d.entity is None:
            # "| Claude | Team | $30/user/mo |" below "| Claude | Pro | $20/mo |": a label the
            # table reads as a product with one of its plans names that product in its other rows
            joined = _label_products(idx, f.table).get(_row_label(f.table, f.row))
        if joined is not None and joined != d.entity:
            # "| Claude | Pro | $20/mo |", "| Gemini | Advanced | $19.99/mo |" under "| Service |
            # Plan | Price |": the service's name and its plan's, read together, name the product
            # ("Claude Pro", "Gemini Advanced": the chat apps), not the bare name alone (none, or
            # the model family)
            d.entity, d.entity_new = joined, None
            d.evidence["entity"] = "table-row|sure|kind"
            d.entity_confidence = calibrated("entity", d.evidence["entity"])
        if d.entity and d.evidence.get("entity", "").startswith("table-row") \
                and not any(d.entity in _span_ids(cell, alias_hits, hit_starts) for cell in _plan_name_cells(f.table, f.row, f.col)) \
                and d.entity != joined:
            d.entity, d.entity_new = None, _new_entity_name(f, view, (d.span_start, d.span_end))
            d.evidence["entity"] = "new|table"
            d.entity_confidence = calibrated("entity", d.evidence["entity"])
        if d.entity is None:
            # "Cursor offers a free tier and paid subscriptions:" right above "| Plan | Price |":
            # the plans are of the one service the lead-in names
            t = f.table
            if id(t) not in intros:
                intros[id(t)] = _plan_intro(idx, view, t, alias_hits, hit_starts)
            eid = intros[id(t)]
            if eid is not None:
                d.entity, d.entity_new = eid, None
                d.evidence["entity"] = "table-intro|sure|kind"
                d.entity_confidence = calibrated("entity", d.evidence["entity"])


#: a Markdown link's target and brackets ("[Claude](https://claude.ai)" reads "Claude")
_LINK_TARGET_RE = re.compile(r"\]\([^)]*\)|[\[\]]")


def _head_columns(t, attr: str, test) -> frozenset:
    """The columns of table ``t`` whose header ``test`` (a pattern's ``search`` or ``fullmatch``)
    accepts: read once per table (kept on it as ``attr``), not once per cell of each row."""
    memo = getattr(t, attr, None)
    if memo is None:
        memo = frozenset(c for c, h in enumerate(t.header) if h.text and test(h.text))
        setattr(t, attr, memo)
    return memo


def _joined_plan_name(idx: Index, t, row: int, col: int) -> str | None:
    """The product that a row's label and its plan, read as one name, are an alias of ("| Claude |
    Pro |" is "Claude Pro", "| Gemini | Advanced |" "Gemini Advanced"), where a cell before ``col``
    under a column of plans names the plan by its tier's word (:func:`_plan_cell`); or None."""
    cells = t.rows[row]
    plan_cols = _head_columns(t, "_plan_cols", _PLAN_HEAD_RE.search)
    if not cells or not plan_cols:
        return None
    label = _MARKS_BLANKS_RE.sub(" ", _LINK_TARGET_RE.sub("", cells[0].text)).strip()
    if not label:
        return None
    for c in range(1, min(col, len(cells))):
        if c not in plan_cols or not _PLAN_CELL_RE.match(cells[c].text):
            continue
        plan = _MARKS_BLANKS_RE.sub(" ", cells[c].text).strip()
        name = f"{label} {plan}"
        for a_s, a_e, eid in idx.aliases_in(name):
            if a_s == 0 and a_e > len(label) + 1 and eid and idx.entity_kind.get(eid) == "product":
                return eid
    return None


#: a cell's trailing remark in brackets ("Sonnet 5 (intro)", "Haiku 4.5 (fast)")
_TRAILING_REMARK_RE = re.compile(r"\s*\([^()]*\)\s*$")


def _joined_model_names(idx: Index, t, row: int, col: int) -> list:
    """The models that a cell under a "Model" column names together with the cell just before it
    ("| Claude | Sonnet 4 |" is "Claude Sonnet 4", "| Gemini | 2.5 Pro |" "Gemini 2.5 Pro"): each
    a model whose alias starts in the earlier cell's words and ends in the model cell's (so more
    than either names alone, and not what the model cell names by itself); none where the number
    is in either cell."""
    cells = t.rows[row]
    model_cols = _head_columns(t, "_model_cols", _MODEL_COLUMN_RE.fullmatch)
    out = []
    for c in range(1, len(cells)):
        if c == col or c - 1 == col or c not in model_cols:
            continue
        first = _MARKS_BLANKS_RE.sub(" ", _LINK_TARGET_RE.sub("", cells[c - 1].text)).strip()
        second = _MARKS_BLANKS_RE.sub(" ", _TRAILING_REMARK_RE.sub("", _LINK_TARGET_RE.sub("", cells[c].text))).strip()
        if not first or not second or _DIGIT_RE.fullmatch(first.replace(".", "")):
            continue
        name = f"{first} {second}"
        alone = {e for _, _, e in idx.aliases_in(second)}
        for a_s, a_e, eid in idx.aliases_in(name):
            # (not a model the model cell names by itself, "| OpenAI | GPT-4o |": the row's
            # names are read as they stand there)
            if a_s < len(first) and a_e > len(first) + 1 and eid and idx.entity_kind.get(eid) == "model" \
                    and eid not in alone and eid not in out:
                out.append(eid)
    return out


#: a model's size in a name ("gemma-7b-it", "Llama Guard 3 8B"): the row names a model
_MODEL_SIZE_IN_NAME_RE = re.compile(r"(?i)(?<![\w.])[0-9]+(?:\.[0-9]+)?b\b")


def _unnamed_model_row(idx: Index, t, row: int, alias_hits, hit_starts) -> bool:
    """A row of a table of models ("| gemma2-9b-it | 30 | 14,400 |", "| llama3-70b-8192 | ... |")
    whose label names a model of a size ("| gemma-7b-it |", "| llama-guard-3-8b |") the registry
    lacks: a model of the article's own, not what its section or title is about (the host that
    serves them all). Two thirds of the table's labels at least, three or more, name registry models."""
    cells = t.rows[row]
    if not cells or not _MODEL_SIZE_IN_NAME_RE.search(cells[0].text):
        return False
    k0, k1 = bisect.bisect_left(hit_starts, cells[0].start), bisect.bisect_left(hit_starts, cells[0].end)
    if any(e for _, _, e in alias_hits[k0:k1]):
        return False
    named = 0
    for r in t.rows:
        if r:
            k0, k1 = bisect.bisect_left(hit_starts, r[0].start), bisect.bisect_left(hit_starts, r[0].end)
            named += any(idx.entity_kind.get(e) == "model" for _, _, e in alias_hits[k0:k1])
    return named >= 3 and 3 * named >= 2 * len(t.rows)


def _row_label(t, row: int) -> str:
    """Row ``row``'s label as plain words (no emphasis, link target or brackets)."""
    cells = t.rows[row]
    return _MARKS_BLANKS_RE.sub(" ", _LINK_TARGET_RE.sub("", cells[0].text)).strip().lower() if cells else ""


def _label_products(idx: Index, t) -> dict:
    """{row label: product} of the rows of a table of plans whose label and plan read together
    name a product (:func:`_joined_plan_name`), each label one product (read once per table)."""
    memo = getattr(t, "_label_products", None)
    if memo is None:
        found: dict = {}
        for r, cells in enumerate(t.rows):
            eid = _joined_plan_name(idx, t, r, len(cells)) if cells else None
            if eid is not None:
                found.setdefault(_row_label(t, r), set()).add(eid)
        memo = t._label_products = {k: next(iter(v)) for k, v in found.items() if k and len(v) == 1}
    return memo


def _plan_name_cells(t, row: int, col: int) -> list:
    """The cells of a row that name its plan: its label, and any cell before ``col`` under a header
    of plans ("| Provider | Plan | Monthly price |" over "| Anthropic | Claude Haiku 4.5 | $20 |"), or
    the number's own cell there ("| OpenAI | ChatGPT Plus $20.00/mo |": the name before the price)."""
    cells = t.rows[row]
    out = [cells[0]] if cells else []
    for c in range(1, min(col + 1, len(cells))):
        h = t.column_header(c)
        if h is not None and _PLAN_HEAD_RE.search(h.text):
            out.append(cells[c])
    return out


def _plan_intro(idx: Index, view: str, t, alias_hits, hit_starts) -> str | None:
    """The one product or chat service that the paragraph right above a table of plans names (no
    heading between), or None."""
    hi = t.start
    lo = view.rfind("\n\n", 0, max(0, hi - 1))
    lo = 0 if lo < 0 else lo + 2
    if not view[lo:hi].strip() or view[lo:hi].lstrip().startswith("#") or hi - lo > 600 \
            or t.caption_span and t.caption_span[1] > lo:
        return None
    k0, k1 = bisect.bisect_left(hit_starts, lo), bisect.bisect_left(hit_starts, hi)
    named = {e for _, _, e in alias_hits[k0:k1] if e and idx.entity_kind.get(e) in _PLAN_KINDS}
    return next(iter(named)) if len(named) == 1 else None


# what a GPU sells or rents for: the market prices the family ("H100 rentals fell to $2/hr"), and
# a price is the variant's only where its line names the variant ("H100 SXM: $2.99/hr")
_MARKET_PRICES = frozenset({"rental-price", "purchase-price"})


def _family_prices(idx: Index, view: str, found: list, named_hits: list, sole_hits: list) -> None:
    """A GPU's price where the article names one form factor (``_sole_variants`` took the bare
    family's name for it): the family's, unless the price's own line names the variant. In the
    dev-A articles that name one form factor, the curators recorded the prices whose quote does
    not name it on the family 6 times and on the variant never (other figures: on the variant
    42 times, on the family 9, so the rule stays for them); in all dev-A articles, prices
    quoted with the bare name ("H100 at $2/hr") went to the family 49 times, to a variant once."""
    variants = {new for (_, _, old), (_, _, new) in zip(named_hits, sole_hits)
                if old != new and idx.entity_kind.get(new) == "gpu"}
    if not variants:
        return
    named_starts = None
    for f in found:
        d = f.draft
        if d.entity not in variants or d.property not in _MARKET_PRICES:
            continue
        if named_starts is None:
            named_starts = [h[0] for h in named_hits]
        lo = view.rfind("\n", 0, d.span_start) + 1
        hi = view.find("\n", d.span_end)
        hi = len(view) if hi < 0 else hi
        k = bisect.bisect_left(named_starts, lo)
        own = False
        while k < len(named_hits) and named_hits[k][0] < hi:
            if named_hits[k][2] == d.entity:
                own = True
                break
            k += 1
        if not own:
            d.entity = idx.family[d.entity]


_VS_RE = re.compile(r"\s*(?:vs\.?|versus)\s+(?:[A-Za-z]{1,6}@)?$", re.I)


# "revenue of $68.1 billion versus $66.2 billion estimated", "$68.1 billion, against the $72.6
# billion analysts had projected": the second amount measures what the first does
_AGAINST_RE = re.compile(r"[ \t]*,?[ \t]*(?:vs\.?|versus|against|compared (?:to|with))[ \t]+(?:the[ \t]+|an?[ \t]+)?"
                         r"(?:(?:about|around|roughly|nearly|some|~)[ \t]+)?$", re.I)


# what the first amount measures is named right before it ("revenue of", "net income was")
_MEASURE_BEFORE_RE = re.compile(r"[A-Za-z]{3,}[ \t]+(?:of|at|was|were|is|hit|reached|totall?ed|came[ \t]+in[ \t]+at)[ \t]+"
                                r"(?:(?:about|around|roughly|nearly|some|~)[ \t]+)?$")


#: between two amounts of one unit in a sentence, ending right before the second: a move from it
#: ("AI captured close to 50% of all global funding in 2025, up from 34% in 2024")
_UP_FROM_RE = re.compile(r"(?i)[^\n]{0,80}?\b(?:up|down|rising|rose|falling|fell|increas(?:e|ed|ing)|decreas(?:e|ed|ing)|grew"
                         r"|growing|climb(?:ed|ing)?|jump(?:ed|ing)?)[ \t]+from[ \t]+(?:(?:about|around|roughly|just|nearly"
                         r"|approximately|only)[ \t]+)?[~≈]?")


def _earlier_level(w: "_Walk", i: int, da, db) -> None:
    """An amount a quantity moved from, right after its new level ("close to 50% of all global
    funding in 2025, up from 34% in 2024", "revenue of $4B, up from $2B"): the same quantity's
    earlier level, of the new level's property (a share stays a share), not a change."""
    if da.property == db.property or db.span_start - da.span_end > 90:
        return
    gap = w.view[da.span_end:db.span_start]
    if ". " in gap or "; " in gap or not _UP_FROM_RE.fullmatch(gap):
        return
    db.property, db.property_confidence = da.property, da.property_confidence
    db.evidence["property"] = (da.evidence.get("property") or "") + "|earlier"


#: two amounts each followed by its own label, joined ("gross margins of 74.4% GAAP and 75%
#: non-GAAP"): the gap after the first's label, then the second's label
_LABELLED_PAIR_GAP_RE = re.compile(r"[ \t]+(?P<a>(?:non-|un)?[A-Za-z][\w-]*)[ \t]+(?:and|or)[ \t]+")
_LABEL_AFTER_RE = re.compile(r"[ \t]+(?P<b>(?:non-|un)?[A-Za-z][\w-]*)\b")


#: an amount in brackets right after another, with what it takes in or leaves out after it ("valuing X
#: at $33B ($45B including debt)", "$2.1B ($2.6B excluding one-off charges)")
_BRACKET_OPEN_RE = re.compile(r"[ \t]*\([ \t]*(?:~|about |around |roughly |nearly |over )?")
_INCLUDING_AFTER_RE = re.compile(r"(?i)[ \t]+(?:including|incl\.|inc\.|excluding|excl\.|ex\.|net[ \t]+of|with|without|plus|before|after)\b")


def _bracketed_restatement(w: "_Walk", i: int, da, db) -> None:
    """An amount in brackets right after another of its unit, saying what it takes in or leaves out
    ("valuing X at $33B ($45B including debt)"): the same quantity counted another way, of the
    first's entity and property, not a thing of its own nor the property its last words lean to
    (the debt)."""
    if (da.property, da.entity, da.entity_new) == (db.property, db.entity, db.entity_new) \
            or not _BRACKET_OPEN_RE.fullmatch(w.view, da.span_end, db.span_start) \
            or not _INCLUDING_AFTER_RE.match(w.view, db.span_end):
        return
    db.property, db.property_confidence = da.property, da.property_confidence
    db.evidence["property"] = (da.evidence.get("property") or "") + "|restated"
    db.entity, db.entity_new, db.entity_confidence = da.entity, da.entity_new, da.entity_confidence
    db.evidence["entity"] = (da.evidence.get("entity") or "") + "|restated"


def _labelled_pair(w: "_Walk", i: int, da, db) -> None:
    """The second of two amounts of one unit written "A label and B other-label", where the labels
    are one word and its negation ("74.4% GAAP and 75% non-GAAP"): the same measure on another
    basis, of the first's property (the guess made without the property's words, "share", lost)."""
    if da.property == db.property:
        return
    gm = _LABELLED_PAIR_GAP_RE.fullmatch(w.view, da.span_end, db.span_start)
    lm = _LABEL_AFTER_RE.match(w.view, db.span_end) if gm is not None else None
    if lm is None:
        return
    la, lb = gm.group("a").lower(), lm.group("b").lower()
    if la == lb or la.removeprefix("non-").removeprefix("un") != lb.removeprefix("non-").removeprefix("un"):
        return
    db.property, db.property_confidence = da.property, da.property_confidence
    db.evidence["property"] = (da.evidence.get("property") or "") + "|pair"


def _compared_amount(w: "_Walk", i: int, da, db) -> None:
    """The second of two amounts compared ("A versus B", "A against B") takes the first's
    property where both are in one unit and the first's was the surer guess."""
    if da.property == db.property or not _AGAINST_RE.match(w.view, da.span_end, db.span_start) \
            or not _MEASURE_BEFORE_RE.search(w.view, max(0, da.span_start - 40), da.span_start):
        return
    if da.property_confidence >= db.property_confidence:
        db.property, db.property_confidence = da.property, da.property_confidence
        db.evidence["property"] = da.evidence.get("property", "")


def _pair_entities(w: "_Walk", i: int, da, db) -> None:
    """"H200 is the same as H100 but has 141GB vs 80GB": a pair of numbers written "A vs
    B" after two entities are named goes to them in the order they were named."""
    if da.property != db.property or not _VS_RE.match(w.view, da.span_end, db.span_start):
        return
    idx, alias_hits, hit_starts = w.idx, w.alias_hits, w.hit_starts
    k = bisect.bisect_left(hit_starts, db.span_end)
    if k < len(alias_hits) and alias_hits[k][2] and _FOR_MODEL_RE.fullmatch(w.view, db.span_end, alias_hits[k][0]):
        return  # "gpt-4o-mini costs $0.15 per million input tokens vs $2.50 for gpt-4o": the second's own
    sent_lo = w.starts[bisect.bisect_right(w.starts, da.span_start) - 1]
    if sent_lo > db.span_start:
        return
    prop = idx.prop_by_id.get(da.property)
    kinds = prop.kinds if prop else ()
    named: list = []
    for k in range(bisect.bisect_left(hit_starts, sent_lo), bisect.bisect_left(hit_starts, da.span_start)):
        eid = alias_hits[k][2]
        if eid and _kind_factor(idx, eid, kinds, True) is not None:
            if eid in named:
                named.remove(eid)
            named.append(eid)
    if len(named) < 2:
        return
    order = (named[-2], named[-1])
    by_ratio = _by_stated_ratio(w.view, w.found, i, sent_lo, alias_hits, hit_starts, order)
    for d, eid in zip((da, db), by_ratio or order):
        if d.entity != eid:
            d.entity, d.entity_new = eid, None
        d.evidence["entity"] = "pair|sure|kind"
        d.entity_confidence = calibrated("entity", "pair|sure|kind")


class _Walk(NamedTuple):
    """What the rules of :data:`_ADJACENT_RULES` read besides the pair itself."""
    idx: Index
    view: str
    starts: list
    found: list
    alias_hits: list
    hit_starts: list


#: the rules over two drafts side by side (:func:`_adjacent_pairs`), in the order they run: each is
#: called as ``rule(walk, i, da, db)`` with ``da``, ``db`` the drafts of ``found[i]`` and
#: ``found[i + 1]``, and may change ``db`` (``_pair_entities`` both)
_ADJACENT_RULES = (_pair_entities, _compared_amount, _earlier_level, _labelled_pair, _bracketed_restatement)


def _adjacent_pairs(w: _Walk) -> None:
    """Two drafts side by side in the prose (neither in a table), of one unit, the first's property
    known: each rule of :data:`_ADJACENT_RULES` reads the words between and around them and may
    give the second what the first measures. A rule runs over every pair before the next rule
    starts, so that it reads what the rules before it wrote (as the five passes they were did)."""
    found = w.found
    pairs = [i for i in range(len(found) - 1) if found[i].table is None and found[i + 1].table is None]
    same: dict = {}  # pair -> whether its drafts are of one unit (read when first asked)
    for rule in _ADJACENT_RULES:
        for i in pairs:
            da, db = found[i].draft, found[i + 1].draft
            if not da.property or (ok := same.get(i)) is False:
                continue
            if ok is None and not same.setdefault(i, unit_key(da.unit) == unit_key(db.unit)):
                continue
            rule(w, i, da, db)


# a comparison the sentence states before a pair of figures: "H100s are 3x faster than A100s -
# [312 vs 989 TFLOPS]", "have <2x the bandwidth than A100s (2.0 vs 3.35 TB/s)"
_THAN_WORD_RE = re.compile(r"\bthan\b", re.I)
_MORE_RE = re.compile(r"(?i)\b(?:faster|higher|more|greater|larger|bigger|better|the)\b")
_LESS_RE = re.compile(r"(?i)\b(?:slower|lower|less|fewer|smaller|cheaper|worse)\b")
_RATIO_SLACK = 1.5  # a stated "3x" against the pair's 3.17, "<2x" against 1.68: rounded or a bound


def _by_stated_ratio(view: str, found: list, i: int, lo: int, alias_hits, hit_starts, order: tuple):
    """The entities of the pair ``found[i]``, ``found[i + 1]`` ("312 vs 989") by the comparison
    the sentence states before it ("H100s are 3x faster than A100s"): the larger figure is the
    thing said to be more's, the smaller the baseline's (the one named after "than"), when the
    pair's own ratio is about the stated one; None when the sentence states no such comparison
    (the pair then goes by the order the two were named)."""
    da, db = found[i].draft, found[i + 1].draft
    if da.value is None or db.value is None or min(da.value, db.value) <= 0:
        return None
    ratio = None
    for j in range(i - 1, -1, -1):  # (the drafts are in text order: none before ``lo`` is in the sentence)
        dj = found[j].draft
        if dj.span_start < lo:
            break
        if dj.unit == "x":
            ratio = dj
            break
    if ratio is None or ratio.value is None or ratio.value <= 1:
        return None
    than = None
    for m in _THAN_WORD_RE.finditer(view, ratio.span_end, da.span_start):
        than = m
    if than is None:
        return None
    k = bisect.bisect_left(hit_starts, than.end())
    base = alias_hits[k][2] if k < len(alias_hits) and alias_hits[k][0] < da.span_start else None
    if base not in order:
        return None
    words = view[ratio.span_end:than.start()]
    more, less = _MORE_RE.search(words) is not None, _LESS_RE.search(words) is not None
    if more == less:
        return None
    big, small = max(da.value, db.value), min(da.value, db.value)
    if not ratio.value / _RATIO_SLACK <= big / small <= ratio.value * _RATIO_SLACK:
        return None
    other = order[0] if base == order[1] else order[1]
    a_big = da.value >= db.value
    # "more": the larger figure is the subject's; "less": the smaller one
    return (other, base) if a_big == more else (base, other)


_AMOUNT_INSTANCE_RE = re.compile(r"[Aa]n?\s+[$€£][0-9]")
# "a $3 billion burn", "a $300 billion contract", "a $500B data center commitment": an amount
# written as an instance of a deal, a valuation or a year's money reports what happened (news
# writes every round and contract so), not a story's "a $100M training run"
_EVENT_AMOUNT_RE = re.compile(r"[Aa]n?\s+[$€£][0-9][0-9.,]*\s*(?:[kKmMbBtT]n?\b|[Bb]illion|[Mm]illion|[Tt]rillion)?\+?"
                              r"[\s-]+(?:[\w-]+\s+){0,2}?(?i:valuations?|burn|loss(?:es)?|deals?|contracts?|rounds?"
                              r"|investments?|commitments?|joint venture|projects?|stakes?|acquisitions?|raises?|funding"
                              r"|revenues?|profits?|buybacks?|settlements?|agreements?|partnerships?|orders?|leases?"
                              # a company's reported items: "aided by a $126.7M tax benefit"
                              r"|benefits?|charges?|gains?|write-?(?:downs?|offs?)|impairments?|backlogs?|dividends?|fines?)\b")


def _event_amount(view: str, at: int) -> bool:
    """Whether the instance form found at ``at`` ("a $3 billion ...") is a reported event's
    amount (``_EVENT_AMOUNT_RE``) rather than a hypothetical's."""
    return _EVENT_AMOUNT_RE.match(view, at) is not None


# an amount said to be the cost of a piece of hardware named next ("170€ can be the cost of your
# P40 GPU", "$30,000, the price of one H100"); the kinds of things bought whole
_COST_OF_RE = re.compile(r"[\s,]+(?:[a-z]+\s+){0,2}?(?:the|its)\s+(?:(?:purchase|retail|list|street|sticker)\s+)?"
                         r"(?:cost|price)\s+of\s+(?:(?:an?|the|one|your|our|their|each|a\s+single|a\s+new|a\s+used)\s+)?")
_CURRENCY_DIM_RE = re.compile(r"\[currency(?:_[a-z]+)?\]")
_EACH_RE = re.compile(r"\s+(?:each|apiece)\b")
_BOUGHT_KINDS = frozenset({"gpu", "system", "cpu"})
# the things rented by the hour: an hourly price in a run's row naming one is its rent
_RENTED_KINDS = frozenset({"gpu", "cloud-instance"})
_HOURLY_DIM_RE = re.compile(r"\[currency(?:_[a-z]+)?\] / \[time\]")
# what may follow the name of the thing bought: the noun of its kind, then the sentence's end,
# a mark or a word that starts another phrase ("the cost of your P40 GPU.", "the price of one
# H100 in 2023"); not a noun of a thing made or done with it ("the cost of an H100 data
# centre", "... H100 fleet", "... H100 training run")
_BOUGHT_END_RE = re.compile(r"(?:[ -](?:gpus?|cards?|chips?|accelerators?|cpus?|processors?|systems?|servers?|boards?))?"
                            r"(?:\s*(?:$|[^\w\s-])|\s+(?:in|on|at|for|from|with|and|or|is|was|are|were|today|alone|itself"
                            r"|back|then|now|new|used|retail|apiece|each)\b)", re.I)


def _bought_hardware(idx: Index, view: str, end: int, sent_lo: int, sent_hi: int, alias_hits, hit_starts):
    """(entity, "after") of the hardware an amount ending at ``end`` is said to be the cost of,
    named right after the words that say so ("170€ can be the cost of your P40 GPU") and with
    no noun of another thing after it (``_BOUGHT_END_RE``); None where the words or such a
    name are not there."""
    m = _COST_OF_RE.match(view, end, sent_hi)
    if m is None:
        return None
    k = bisect.bisect_left(hit_starts, m.end())
    if k < len(alias_hits) and alias_hits[k][0] == m.end() and alias_hits[k][2] \
            and idx.entity_kind.get(alias_hits[k][2]) in _BOUGHT_KINDS \
            and not _own_thing(idx, view, alias_hits[k][1], alias_hits[k][2]) \
            and _BOUGHT_END_RE.match(view, alias_hits[k][1]) is not None:
        # (not "the cost of our H100 cluster", "the cost of an H100 data centre": a thing built
        # from it or done with it)
        return alias_hits[k][2], "after"
    return None


def _hypothetical(memo: dict, view: str, lo: int, hi: int, end: int) -> bool:
    """Whether the sentence ``view[lo:hi]`` sets up a hypothetical (``_HYPOTHETICAL_RE``) for a
    number ending at ``end``: an amount written as an instance after the number ("Revenue was
    $3.7 billion against a $3 billion burn") says so of that later amount only, not of the
    number's (a plain figure stated before it)."""
    if not _searched(memo, "hyp", _HYPOTHETICAL_RE, view, lo, hi):
        return False
    return any((m.start() < end or not _AMOUNT_INSTANCE_RE.match(view, m.start())) and not _event_amount(view, m.start())
               for m in _HYPOTHETICAL_RE.finditer(view, lo, hi))


# a sentence that supposes what it introduces: a conditional ("how many days it would take"),
# "what if", a supposition (not a bare "if": "If you see timeouts, reduce users:" introduces
# a command, not a supposed case)
_SUPPOSED_RE = re.compile(r"\b(?:would|[Ww]hat if|[Ss]uppose|[Ii]magine|[Ll]et['’]s say|[Hh]ypothetical(?:ly)?)\b")


def _supposed_block(memo: dict, view: str, at: int) -> bool:
    """Whether the number at ``at`` lies in a fenced display block (```math, a code block) that
    a sentence ending with ":" or "?" on the line right before it introduces as a supposed case
    ("We can now calculate how many days it would take ... with a single H100:", "What if we
    could deliver 16,000 H100s to this training task?"), and the number comes after an "=" of
    its line: the block works that case out, so what it gives is the scenario's, not a reported
    fact (the figures it starts from, before the "=", are what they were: "3.79e25 FLOPs" of the
    real run). ``memo["fences"]``: the starts of the fence lines."""
    fences = memo.get("fences") or ()
    k = bisect.bisect_right(fences, at)
    if not k % 2 or "=" not in view[view.rfind("\n", 0, at) + 1:at]:
        return False  # not inside a fenced block, or no result of its working
    opened = fences[k - 1]
    key = ("supposed", opened)
    hit = memo.get(key)
    if hit is None:
        line_end = view.rfind("\n", 0, opened)
        line = view[view.rfind("\n", 0, max(0, line_end)) + 1:max(0, line_end)].rstrip()
        # (the line's last sentence: the one that ends with the colon or question mark)
        sent = re.split(r"(?<=[.!?])\s+(?=\S)", line[:-1])[-1] if line[-1:] in (":", "?") else ""
        hit = memo[key] = bool(sent) and _SUPPOSED_RE.search(sent) is not None
    return hit


def _searched(memo: dict, name: str, rx: re.Pattern, view: str, lo: int, hi: int) -> bool:
    """Whether ``rx`` finds something in ``view[lo:hi]``, each (name, lo, hi) searched once
    per text (``memo``: link's dict of the text; the numbers of a sentence ask alike)."""
    key = (name, lo, hi)
    hit = memo.get(key)
    if hit is None:
        hit = memo[key] = rx.search(view, lo, hi) is not None
    return hit


def _supposes_or_owns(memo: dict, view: str, lo: int, hi: int, end: int, inst_lo: int, inst_hi: int) -> bool:
    """Whether the sentence ``view[lo:hi]`` of a number ending at ``end`` sets up a hypothetical,
    the words from ``inst_lo`` to ``inst_hi`` make an instance of a thing ("a modest data center")
    or the sentence speaks of the writer's own ("my plant will cost $135M"): then what its
    paragraph, section or lead-in is about is not the number's thing (the guard of ``_link_one``'s
    fallbacks, searched once per text and span)."""
    return _hypothetical(memo, view, lo, hi, end) or _searched(memo, "inst", _INSTANCE_RE, view, inst_lo, inst_hi) \
        or _searched(memo, "my", _MY_RE, view, lo, hi)


def _states_plainly(memo: dict, view: str, alias_hits, hit_starts, lo: int, hi: int, end: int,
                    inst_lo: int, inst_hi: int) -> bool:
    """Whether the sentence ``view[lo:hi]`` of a number ending at ``end`` states it plainly, so
    that what a section or the article is about may be the number's thing: the sentence names
    nothing of the registry, speaks of no first person's own set-up ("our cluster"), sets up no
    hypothetical, and the words from ``inst_lo`` to ``inst_hi`` make no instance of a thing ("a
    modest data center"). The shared guard of ``_link_one``'s subject fallbacks."""
    return not _names_any(alias_hits, hit_starts, lo, hi) \
        and not _searched(memo, "first", _FIRST_PERSON_RE, view, lo, hi) \
        and not _hypothetical(memo, view, lo, hi, end) \
        and not _searched(memo, "inst", _INSTANCE_RE, view, inst_lo, inst_hi)


_LIST_GAP_RE = re.compile(r"-?[ \t]*(?:,[ \t]*(?:(?:or|and)[ \t]+)?|[ \t]+(?:or|and)[ \t]+)")  # ("1- or 3-year")


#: between two amounts of one run from one value to the next ("from $100 million to $1 billion")
_TO_GAP_RE = re.compile(r"[ \t]+(?:to|→|->)[ \t]+(?:[~≈][ \t]*)?")
#: between two amounts of one series, each with its year ("from $2 billion in 2023 to an
#: estimated $10 billion in 2024 and a projected $13 billion in 2025"): the words around the
#: whole series say what each amount is (the hedge before an amount is its own)
_YEAR_TO_GAP_RE = re.compile(r"[ \t]+in[ \t]+(?:FY[ \t]?)?(?:19|20)[0-9]{2},?[ \t]+(?:to|and)[ \t]+"
                             r"(?:(?:an?|the)[ \t]+)?(?:(?:estimated|expected|projected|forecast|reported"
                             r"|anticipated)[ \t]+)?(?:(?:about|around|roughly|nearly|almost|over)[ \t]+|[~≈][ \t]*)?")
#: between the amounts of one list written with slashes, of one unit ("ASPs of $12k / $10k / $9k",
#: "38% / 28% net margins"): the words around the whole list say what each one is
_SLASH_GAP_RE = re.compile(r"[ \t]+/[ \t]+")


def _in_one_list(view: str, a: "Found", b: "Found") -> bool:
    """Are two neighbouring numbers of prose in one list whose unit only the last states
    (``listed`` drafts: "1, 3 or 6 months"), or two amounts of one unit the one "to" the other
    ("from $100 million to $1 billion in training costs", "from 80% to 20% utilization"), or
    of one list written with slashes ("ASPs of $12k / $10k / $9k"): the words around them say
    what all of them measure"""
    if a.table is not None or b.table is not None:
        return False
    if a.draft.form == "listed":
        return _LIST_GAP_RE.fullmatch(view, a.draft.span_end, b.draft.span_start) is not None
    return (_TO_GAP_RE.fullmatch(view, a.draft.span_end, b.draft.span_start) is not None
            or _YEAR_TO_GAP_RE.fullmatch(view, a.draft.span_end, b.draft.span_start) is not None
            or "/" in view[a.draft.span_end:b.draft.span_start]
            and _SLASH_GAP_RE.fullmatch(view, a.draft.span_end, b.draft.span_start) is not None) \
        and unit_key(a.draft.unit) == unit_key(b.draft.unit)


_PRODUCTS_MEMO: dict = {}  # id(alias hits) -> (the hits, the index, {company: ([offsets], [products])})


def _title_makers_model(idx: Index, subject, alias_hits: list, at: int) -> str | None:
    """The one model the text names of the one company the article's title names (that
    company the vendor of the model); None when the title names no such company or several,
    or the text names none of its models or several."""
    orgs = [e for e in subject.title if idx.entity_kind.get(e) == "organisation"]
    if len(orgs) != 1 or _named_product(idx, orgs[0], alias_hits, at) is None:
        return None
    memo = _PRODUCTS_MEMO.get(id(alias_hits))
    made = {e for e in memo[2][orgs[0]][1] if idx.entity_kind.get(e) == "model"}
    return next(iter(made)) if len(made) == 1 else None


def _named_product(idx: Index, org: str, alias_hits: list, at: int, until: int | None = None) -> str | None:
    """The one product (or model) of company ``org`` the text names, the nearest before ``at``
    when it names several (the nearest after when none is before); None when it names none (or,
    given ``until``, names none before ``at`` and none after it before ``until``)."""
    memo = _PRODUCTS_MEMO.get(id(alias_hits))
    if memo is None or memo[0] is not alias_hits or memo[1] is not idx:
        by_org: dict = {}
        for a, _, eid in alias_hits:  # (once per text: each company's product mentions in order)
            if eid and idx.entity_kind.get(eid) in ("product", "model") and idx.vendor_of.get(eid):
                got = by_org.setdefault(idx.vendor_of[eid], ([], []))
                got[0].append(a)
                got[1].append(eid)
        _PRODUCTS_MEMO.clear()
        memo = _PRODUCTS_MEMO[id(alias_hits)] = (alias_hits, idx, by_org)
    got = memo[2].get(org)
    if got is None:
        return None
    k = bisect.bisect_left(got[0], at)
    if k == 0 and until is not None and got[0][0] >= until:
        return None
    return got[1][k - 1] if k > 0 else got[1][k]


def _main_product(idx: Index, org: str, alias_hits: list) -> str | None:
    """The product (or model) of company ``org`` the text names most often, counting a model's
    variants as its family ("Grok 3", "Grok 4" as "Grok" where the registry has the family);
    None when it names none, or two as often."""
    _named_product(idx, org, alias_hits, 0)  # (fills the memo of each company's products)
    memo = _PRODUCTS_MEMO.get(id(alias_hits))
    got = memo[2].get(org) if memo is not None else None
    if not got:
        return None
    counts: dict = {}
    for e in got[1]:
        e = idx.family.get(e, e)
        counts[e] = counts.get(e, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if len(ranked) > 1 and ranked[1] == ranked[0]:
        return None
    return max(counts, key=counts.get)


_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz’'")  # (what _WORD_RE's words are made of)


def _words_weighed(idx, view: str, lo: int, hi: int) -> tuple[list, list]:
    """(starts, [(start, end, stem)]) of the words of ``view[lo:hi]`` (``_WORD_RE``) whose stem
    some property weighs (``idx.word_weights``)."""
    vocab, stems_of = idx.word_weights, idx.vocab_stems
    starts, out = [], []
    for m in _WORD_RE.finditer(view, lo, hi):
        w = m[0]
        st = stems_of.get(w, _UNSEEN)  # (a word's stem where some property weighs it, else None)
        if st is _UNSEEN:
            st = _stem_or_stop(w)
            if st not in vocab:
                st = None
            if len(stems_of) < _STEMS_OF_MAX:
                stems_of[w] = st
        if st is not None:
            ws, we = m.span()
            starts.append(ws)
            out.append((ws, we, st))
    return starts, out


def _weighed_words(idx, view: str, memo: dict, sent_lo: int, sent_hi: int, a: int, b: int) -> list:
    """:func:`_words_weighed` of ``view[a:b]``, a stretch of the sentence ``view[sent_lo:sent_hi]``:
    where no word runs across either end of the stretch, the sentence's words in it, the
    sentence read once per text (``memo``: link's dict of the text; the numbers of a sentence
    read their stretches of it, which overlap); else the stretch read alone."""
    if sent_lo <= a and b <= sent_hi and (a == 0 or view[a - 1] not in _WORD_CHARS) \
            and (b >= len(view) or view[b] not in _WORD_CHARS):
        key = ("words", sent_lo, sent_hi)
        got = memo.get(key)
        if got is None:
            got = memo[key] = _words_weighed(idx, view, sent_lo, sent_hi)
        starts, words = got
        return words[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]
    return _words_weighed(idx, view, a, b)[1]


def _is_change_word(d) -> bool:
    """Whether a draft is a ratio written as a word ("doubled", "tripled", "halved"): a verb of
    change says how a quantity named before it moved, so the words before it name the amounts
    after it too ("Net income nearly doubled: $43 billion versus $22.1 billion"); the context of
    the number after it is not cut half-way to it."""
    return d.form == "word" and d.unit == "x"


# the words right after a number up to a sign of division or product: its label in a sum
_FORMULA_LABEL_RE = re.compile(r"[ \t]+([A-Za-z][A-Za-z'’-]*(?:[ \t]+[A-Za-z][A-Za-z'’-]*){0,3})[ \t]*(?:÷|×|/[ \t])")
# between a rate of change and the amount it started from: "rise by 14% a year, from $215 billion"
_RATE_THEN_FROM_RE = re.compile(r"(?:[ \t]+(?:a|per|each)[ \t]+year)?[ \t]*,?[ \t]+from[ \t\\~]*")
_BY_BEFORE_RE = re.compile(r"\bby[ \t]+(?:about[ \t]+|around[ \t]+|roughly[ \t]+|~)?$")


def _rate_then_from(view: str, d, lo_at: int) -> bool:
    """Whether a percentage of change ("by 14% a year") is followed right away by the amount it
    moves from ("data center capex could rise by 14% a year, from $215 billion in 2023"): the
    words before the rate name that amount too, so its context is not cut half-way to the rate."""
    return d.unit == "percent" and "from" in view[d.span_end:lo_at] \
        and _RATE_THEN_FROM_RE.fullmatch(view, d.span_end, lo_at) is not None \
        and _BY_BEFORE_RE.search(view, max(0, d.span_start - 20), d.span_start) is not None


#: right after an amount of money, the words of credits given away ("$30/mo free credits", "$300
#: in free credits", "$5 in free credits every month", "$100 of free credit", "a $20 free credit")
_CREDITS_AFTER_RE = re.compile(r"(?i)[*_]*[ \t]+(?:(?:in|of)[ \t]+)?(?:(?:free|promotional|signup|sign-up|trial|starter"
                               r"|welcome|bonus)[ \t]+)+(?:compute[ \t]+|api[ \t]+|cloud[ \t]+|usage[ \t]+)?credits?\b")
_CREDIT_CURRENCIES = frozenset({"USD", "EUR", "GBP"})


def _link_one(idx, view, starts, paras, headings, found, i, alias_hits, hit_starts, conditions, spans,
              subject=None) -> None:
    f = found[i]
    d = f.draft
    d.evidence = {"value": value_tag(d.form, d.qualifier)}
    d.confidence = calibrated("value", d.evidence["value"])
    # (what the hints below ask of the number, read once: its unit is an amount of money, and its
    # values, which no hint changes before one is set)
    amount = _AMOUNT_UNIT_RE.fullmatch(d.unit) is not None
    vals = (d.value,) if d.qualifier != "range" else (d.low, d.high)
    # "could increase to as much as 12% of US power by 2028": a part of the whole named after it
    wm = OF_WHOLE_RE.match(view, d.span_end) if d.unit == "percent" and f.table is None else None
    f.whole = wm is not None
    if wm is not None:
        # the whole's own words: up to four, not past a preposition, a clause's word or a stop
        # ("60% of revenue at the company", "70% of revenue comes from enterprise customers")
        wm2 = _WHOLE_WORDS_RE.match(view, wm.end())
        f.whole_words = wm2.group(0) if wm2 is not None else ""
    if f.hint is None and len(d.unit) == 3 and d.unit.isupper() and _UNIT_PRICE_AFTER_RE.match(view, d.span_end) is not None \
            and _fits_property(idx, d.unit, vals, PURCHASE_PRICE):
        # "At $199,000 a piece, and factoring in networking equipment, hosting costs": the price of
        # one unit of what is bought, whatever costs are named around it
        f.hint = PURCHASE_PRICE
    if f.hint is None and d.span_start > 0 and view[d.span_start - 1] == "@" and amount \
            and _fits_property(idx, d.unit, vals, PURCHASE_PRICE):
        # "| GPU cost (@$37.5K SXM, @$32K PCIe) |": an amount "at" which each unit is counted
        f.hint = PURCHASE_PRICE
    if f.hint is None and f.table is None and amount:
        # "start with one $3,500 M4 Max", "a $30,000 H100": an amount written right before the name
        # of a piece of hardware, as an adjective, is what one of it costs
        k = bisect.bisect_left(hit_starts, d.span_end)
        if k < len(alias_hits) and alias_hits[k][0] - d.span_end <= 2 and not view[d.span_end:alias_hits[k][0]].strip() \
                and idx.entity_kind.get(alias_hits[k][2]) in _PRICED_KINDS \
                and _fits_property(idx, d.unit, vals, PURCHASE_PRICE):
            f.hint = PURCHASE_PRICE
    if f.hint is None and f.table is None and d.unit in _POWER_UNITS and "of" in view[d.span_end:d.span_end + 6] \
            and _GENERATION_AFTER_RE.match(view, d.span_end) is not None \
            and _fits_property(idx, d.unit, vals, GENERATING_CAPACITY):
        f.hint = GENERATING_CAPACITY
    if f.hint is None and f.table is None and d.unit in _POWER_UNITS and _GENERATOR_NAMED_RE.match(view, d.span_end) is not None \
            and _fits_property(idx, d.unit, vals, GENERATING_CAPACITY):
        f.hint = GENERATING_CAPACITY
    if f.hint is None and f.table is not None and d.unit in _POWER_UNITS and _generator_table(f.table, f.col) \
            and _fits_property(idx, d.unit, vals, GENERATING_CAPACITY):
        # "| Site Name | Capacity (MW) | Turbine / Engine | OEM |": a table whose other columns say
        # what generates (the turbine, the fuel) lists plants, whatever a row's name says of the
        # data centre it powers ("... Data Centers E Monahans Campus | 400 |"): each capacity is a
        # plant's generating capacity, not the facility's power
        f.hint = GENERATING_CAPACITY
    if f.hint is None and f.table is not None and d.unit == "x" and f.table.rows[f.row] \
            and _VALUATION_MULTIPLE_RE.search(f.table.rows[f.row][0].text) is not None and RATIO in idx.prop_by_id:
        # "| P/E (TTM) | 52.3x |", "| EV/EBITDA | 45.1x |": a company's valuation multiple is a
        # ratio of two of its amounts (no model's head dimension), the company's the table's
        f.hint = RATIO
    if f.hint is None and f.table is None and amount and "/" not in d.unit and " to" in view[max(0, d.span_start - 20):d.span_start] \
            and (fm := _RAISED_FORECAST_TO_RE.search(view, max(0, d.span_start - 120), d.span_start)) is not None \
            and _NOT_CAPITAL_RE.search(fm.group(0)) is None and _fits_property(idx, d.unit, vals, CAPEX):
        what = fm.group("what").lower()
        if not what.startswith(("forecast", "outlook", "guidance", "estimate", "projection")) \
                or _CAPITAL_WORDS_RE.search(fm.group(0)) is not None \
                or _CAPITAL_WORDS_RE.search(view, max(0, fm.start() - 400), fm.start()) is not None:
            # "raised its capital expenditures forecast for the full year to $85 billion", "will raise
            # the company's spending this year to $85 billion", "raised its forecast for this year to
            # $91bn to $93bn" after a paragraph on capital expenditures: a company's spending plan
            # raised or cut to an amount (no round raised, no funding gap)
            f.hint = CAPEX
    if f.hint is None and f.table is None and amount and i > 0 \
            and (_ESTIMATE_OF_BEFORE_RE.search(view, max(0, d.span_start - 60), d.span_start) is not None
                 or _EXPECTED_AFTER_RE.match(view, d.span_end) is not None):
        # "Google Cloud revenue ... came in at $13.62 billion U.S., which was ahead of consensus
        # estimates of $13.11 billion", "EPS of $2.31, which topped estimates of $2.18": what analysts
        # expected is of the property of the reported amount the sentence measures it against
        k = bisect.bisect_right(starts, d.span_start) - 1
        lo = starts[k] if k >= 0 else 0
        for j in range(i - 1, -1, -1):
            g = found[j]
            if g.draft.span_start < lo:
                break
            if g.table is None and g.draft.unit == d.unit and g.draft.property is not None \
                    and g.draft.property in idx.prop_by_id and _fits_property(idx, d.unit, vals, g.draft.property):
                f.hint = g.draft.property
                break
    if f.hint is None and f.table is None and d.unit == "x" and _MULTIPLE_AFTER_RE.match(view, d.span_end) is not None \
            and RATIO in idx.prop_by_id:
        # "at a lower 80x multiple on $1 billion in annualized revenue", "a 25x revenue multiple": a
        # valuation's multiple of a company's amount is a ratio (no model's perplexity)
        f.hint = RATIO
    if f.hint is None and f.table is not None and d.unit == "percent" and _hardware_use_cell(f.table, f.row, f.col) \
            and all(v is not None and v >= 0 for v in vals) \
            and _fits_property(idx, d.unit, vals, _UTILISATION):
        # "| GPU Usage |" over "20-40%", "| CPU Load | GPU Load |", "| GPU load | 30 % | 26 % |": the
        # share of a machine's part in use, no plain share of a whole
        f.hint = _UTILISATION
    if f.hint is None and f.table is not None and _LONG_PRICE_UNIT_RE.search(d.unit) is not None \
            and _SUBSCRIPTION in idx.prop_by_id and _plan_table(idx, view, f.table, f.row, f.col, alias_hits, hit_starts) \
            and _fits_property(idx, d.unit, vals, _SUBSCRIPTION):
        # "| Plan | Price |" over "| Pro | $20/month |", "### Subscription Tiers" over "| Premium |
        # $29/user/month |", "| ChatGPT Plus | $20/mo |": an amount per month or year in a table of
        # plans is that plan's price, whatever a "Price" header leans to (a GPU's rent)
        f.hint = _SUBSCRIPTION
    if f.hint is None and d.unit in _POWER_UNITS and "/" in view[d.span_end:d.span_end + 3] \
            and _WATTS_OF_CAP_RE.match(view, d.span_end) is not None \
            and _fits_property(idx, d.unit, vals, POWER_DRAW):
        # "8W / 350W" (nvidia-smi's "Pwr:Usage/Cap"): the power drawn now, out of the cap after it
        f.hint = POWER_DRAW
    if f.hint is None and f.table is None and amount and "market" in view[d.span_end:d.span_end + 48] \
            and _MARKET_AFTER_RE.match(view, d.span_end) is not None \
            and _fits_property(idx, d.unit, vals, MARKET_REVENUE):
        # "Liquid cooling equipment ($3.93B→$22.57B market)", "a $400B AI accelerator market by
        # 2027": the size of a market, what is sold in it (a revenue), however billions lean to capex
        f.hint = MARKET_REVENUE
    if f.hint is None and f.table is None and amount and (ep := idx.prop_by_id.get(_EXPENSE_LINE)) is not None \
            and ep.cue is not None \
            and (_RD_AFTER_RE.match(view, d.span_end) is not None
                 # (the words before looked at only where one of the expense line's cue words is
                 # among them: the vocabulary's own cheap test, its entries' plain runs)
                 or _finds_low(ep.cue, ep.cue_lits, rd_at := view[max(0, d.span_start - 70):d.span_start],
                               rd_at.lower() if _folds_none(rd_at) else None)
                 and _RD_BEFORE_RE.search(view, max(0, d.span_start - 70), d.span_start) is not None) \
            and _fits_property(idx, d.unit, vals, _EXPENSE_LINE):
        # "spent $6.7 billion on R&D", "R&D spending reached $6.7 billion": research and
        # development is one line of operating expenses, not capital spending
        f.hint = _EXPENSE_LINE
    if f.hint is None and f.table is None and amount \
            and (ra := _RESULT_AFTER_RE.match(view, d.span_end)) is not None \
            and (pid := _RESULT_AFTER_PROPERTY[(ra.group("k") or "net").lower(),
                                               (ra.group("r") or ra.group("b") or ra.group("l"))[0].lower()]) in idx.prop_by_id \
            and _fits_property(idx, d.unit, vals, pid):
        # "OpenAI generated $4.3 billion in first-half 2025 revenue but recorded a $13.5 billion
        # net loss": the result named right after the amount is its property, not the revenue
        # named before it (the other amount's)
        f.hint = pid
    if f.hint is None and f.table is None and amount and d.span_start > 4 \
            and "to" in view[max(0, d.span_start - 16):d.span_start] \
            and (rm := _MEASURE_ROSE_TO_RE.search(view, max(0, d.span_start - 200), d.span_start)) is not None \
            and "\n" not in view[rm.start():d.span_start] \
            and _fits_property(idx, d.unit, vals,
                               pid := _MEASURE_PROPERTY[rm.group("m").lower().split()[0]]):
        # "AWS revenue rose 20% to $33 billion", "net income, which skyrocketed 229% year-over-year
        # and 23% sequentially to $872 million", "OCI revenue would grow 77% to $18 billion": the
        # amount a measure rose or fell to is that measure's new level, whatever words of another
        # property (the segment's data centres, the chips sold) are near
        f.hint = pid
    if f.hint is None and f.table is None and amount and d.span_start > 4 \
            and "to" in view[max(0, d.span_start - 16):d.span_start] and "rofit" in view[max(0, d.span_start - 80):d.span_start] \
            and _PROFIT_TO_RE.search(view, max(0, d.span_start - 80), d.span_start) is not None \
            and _fits_property(idx, d.unit, vals, "net-income"):
        # "Microsoft's quarterly profits rose 12%, to $27.7bn", "Alphabet reported a 33% rise in
        # profit, to roughly $35bn": the amount a plain profit rose or fell to is the net income,
        # whatever capital spending the paragraph before was about or a gross profit's word leans to
        f.hint = "net-income"
    if f.hint is None and f.table is None and amount and d.span_start > 9 \
            and (rm := _REVENUE_OF_RE.search(view, max(0, d.span_start - 60), d.span_start)) is not None \
            and _RUN_RATE_BEFORE_RE.search(view, max(0, rm.start() - 30), rm.start()) is None \
            and _fits_property(idx, d.unit, vals, "revenue"):
        # "OpenAI told investors it expects revenue of $29.4 billion", "projections shared with
        # investors: revenue of $32 billion (2027), $73 billion (2028)": the amount the words of a
        # revenue lead straight into is that revenue (the list's other amounts follow it), whatever
        # word of investing (the investors told) is near; not a run rate ("annualized revenue of")
        f.hint = "revenue"
    if f.hint is None and f.table is None and amount and d.span_start > 8 \
            and (rm := _CAPEX_OF_RE.search(view, max(0, d.span_start - 60), d.span_start)) is not None \
            and _fits_property(idx, d.unit, vals, CAPEX):
        # "AI capex of $132B in 2025", "Meta guided 2026 capex of $115B to $135B": the amount the
        # words of capital spending lead straight into is that spending, whatever a free cash flow
        # or an investment named near it leans to
        f.hint = CAPEX
    if f.hint is None and f.table is None and amount and "alu" in view[max(0, d.span_start - 80):d.span_start] \
            and _VALUING_AT_RE.search(view, max(0, d.span_start - 80), d.span_start) is not None \
            and _fits_property(idx, d.unit, vals, "valuation"):
        # "valuing OpenAI at $300 billion", "would value the ChatGPT developer at about $830bn": what a
        # company is valued at is its valuation, whatever words of funding or investing are near
        f.hint = "valuation"
    if f.hint is None and f.table is None and amount \
            and _EARNED_BEFORE_RE.search(view, max(0, d.span_start - 40), d.span_start) is not None \
            and _EARNED_OTHER_AFTER_RE.match(view, d.span_end) is None \
            and _fits_property(idx, d.unit, vals, "revenue"):
        # "Microsoft's Azure business generated $75 billion in fiscal 2025", "Anthropic is on track to
        # bring in $5 billion this year": the money a company took in is its revenue, whatever word of
        # building or spending is near
        f.hint = "revenue"
    if f.hint is None and f.table is None and amount \
            and any(w in view[max(0, d.span_start - 30):d.span_start] for w in ("orth", "otal", "alued")) \
            and _CONTRACTS_WORTH_BEFORE_RE.search(view, max(0, d.span_start - 60), d.span_start) is not None \
            and _fits_property(idx, d.unit, vals, "contract-value"):
        # "Oracle signed contracts worth $300 billion with OpenAI": what the contracts are worth; so
        # too "OpenAI has signed infrastructure deals totaling $1.4 trillion" (no money raised)
        f.hint = "contract-value"
    if f.hint is None and f.table is None and amount \
            and _ON_INFRASTRUCTURE_AFTER_RE.match(view, d.span_end) is not None \
            and _SPEND_BEFORE_AMOUNT_RE.search(view, max(0, d.span_start - 40), d.span_start) is not None \
            and _fits_property(idx, d.unit, vals, CAPEX):
        # "Google just told investors they're spending $185 billion on AI infrastructure in 2026",
        # "Hyperscalers are planning to spend nearly $700 billion on AI infrastructure": money spent
        # on long-lived assets is capital spending, whatever word of investors or plans is near
        f.hint = CAPEX
    if f.hint is None and f.table is None and amount and "val" in view[d.span_end:d.span_end + 24].lower() \
            and _VALUATION_AFTER_RE.match(view, d.span_end) is not None \
            and _fits_property(idx, d.unit, vals, "valuation"):
        # "raising $65 billion in a funding round at a $965 billion valuation": the amount written as
        # the adjective of a valuation is that valuation, whatever words of a round are near
        f.hint = "valuation"
    if f.hint is None and f.table is None and amount and ("rais" in view[max(0, d.span_start - 40):d.span_start]
                                                                       or "ecur" in view[max(0, d.span_start - 40):d.span_start]
                                                                       or "los" in view[max(0, d.span_start - 40):d.span_start]
                                                                       or "land" in view[max(0, d.span_start - 40):d.span_start]) \
            and (rm := _RAISED_BEFORE_RE.search(view, max(0, d.span_start - 40), d.span_start)) is not None \
            and _RAISED_NOT_ROUND_AFTER_RE.match(view, d.span_end) is None:
        # "Facebook raised $16.08 billion at a valuation of $104.2 billion", "Cursor is in talks to
        # raise $2 billion": the money raised is one round's, whatever valuation is near; all a
        # company raised where the words after say so ("to date", "in total"); "has raised $X"
        # alone is as often all it raised: a round only where a round is named after it
        after = view[d.span_end:min(len(view), d.span_end + 80)]
        if _RAISED_TOTAL_AFTER_RE.match(after) is not None:
            if _fits_property(idx, d.unit, vals, "total-funding"):
                f.hint = "total-funding"
        elif (rm.group("other") is None or _FUNDING_AFTER_RE.match(after) is not None) \
                and (rm.group("perfect") is None or _RAISED_ROUND_AFTER_RE.match(after) is not None) \
                and _fits_property(idx, d.unit, vals, "funding-round"):
            f.hint = "funding-round"
    if f.hint is None and f.table is None and amount and "alu" in view[max(0, d.span_start - 60):d.span_start] \
            and _OWN_VALUE_TO_RE.search(view, max(0, d.span_start - 60), d.span_start) is not None \
            and _fits_property(idx, d.unit, vals, "valuation"):
        # "Nvidia's share price climbed ..., raising its value to close to $4.5trn": what a company's
        # value is raised or falls to is its valuation, whatever the trillions lean to (a country's GDP)
        f.hint = "valuation"
    if f.hint is None and f.table is None and amount and "bet" in view[d.span_end:d.span_end + 48] \
            and _BET_AFTER_RE.match(view, d.span_end) is not None \
            and _fits_property(idx, d.unit, vals, "investment"):
        # "Nvidia's $100bn bet on OpenAI", "a $1 billion bet on the ChatGPT maker", "Nvidia's stunning $5
        # billion Intel bet": money bet on a company is money invested in it, whatever word of a
        # round or of spending is near
        f.hint = "investment"
    if f.hint is None and f.table is None and amount and "total" in view[max(0, d.span_start - 40):d.span_start] \
            and _TOTAL_TO_BEFORE_RE.search(view, max(0, d.span_start - 60), d.span_start) is not None \
            and _RAISING_NEAR_RE.search(view, max(0, d.span_start - 160), d.span_start) is not None \
            and _fits_property(idx, d.unit, vals, "total-funding"):
        # "OpenAI secured $6.6 billion, bringing its total to $17.9 billion": after money raised, the
        # total it brings the company to is all it has raised, not another round
        f.hint = "total-funding"
    if f.hint is None and f.table is None and _LONG_PRICE_UNIT_RE.search(d.unit) \
            and _SUBSCRIPTION in idx.prop_by_id \
            and (_STARTING_AT_BEFORE_RE.search(view, max(0, d.span_start - 40), d.span_start) is not None
                 or _PLAN_NAME_COSTS_BEFORE_RE.search(view, max(0, d.span_start - 80), d.span_start) is not None) \
            and _PLAN_NOT_RENT_RE.search(view, max(0, d.span_start - 100), min(len(view), d.span_end + 40)) is None \
            and _fits_property(idx, d.unit, vals, _SUBSCRIPTION):
        # "the cheapest student membership starting at $10 a month", "NewtonAI Pro costs $8.49/month":
        # the price list's words or a plan's name (its last word Plus, Pro, Max...) and a verb of
        # costing right before an amount per month or year make it that plan's price, whatever word
        # of cost is near; not where a machine or renting is near (a GPU server "starting at $2/hour")
        f.hint = _SUBSCRIPTION
    if f.hint is None and f.table is None and d.span_start > 8 and "every" in view[max(0, d.span_start - 30):d.span_start] \
            or f.hint is None and f.table is None and d.span_start > 8 and "ing " in view[max(0, d.span_start - 60):d.span_start] \
            and ("doubling" in view[max(0, d.span_start - 60):d.span_start].lower()
                 or "halving" in view[max(0, d.span_start - 60):d.span_start].lower()):
        if DOUBLING_TIME in idx.prop_by_id and _DOUBLING_EVERY_BEFORE_RE.search(view, max(0, d.span_start - 60), d.span_start) is not None \
                and _fits_property(idx, d.unit, vals, DOUBLING_TIME):
            # "inference costs halve every 12 months", "compute doubles every 6 months": the period
            # of a doubling or a halving, not how long a run or a training takes
            f.hint = DOUBLING_TIME
    if f.hint is None and f.table is None and amount \
            and _DEAL_AFTER_RE.match(view, d.span_end) is not None \
            and _fits_property(idx, d.unit, vals, "contract-value"):
        # "a $10 billion deal with Cerebras", "a $300bn cloud computing contract with Oracle", "a
        # $300 billion, five-year commitment from OpenAI": the amount written as an adjective of a
        # deal is what the deal is worth, whatever the money buys (capacity, chips)
        f.hint = "contract-value"
    if f.hint is None and f.whole and f.table is None and d.unit == "percent" and " or " in view[max(0, d.span_start - 24):d.span_start] \
            and _REVENUE_WHOLE_RE.match(f.whole_words or "") is not None \
            and (mm := _RESULT_OR_RE.search(view, max(0, d.span_start - 140), d.span_start)) is not None \
            and (pid := _RESULT_MARGIN[mm.group("m").split()[0].lower()]) in idx.prop_by_id:
        # "operating income was $1 billion, or 29 percent of revenue", "net income of $26.3 billion,
        # or 28 percent of revenue": the result restated as a part of the revenue is its margin
        # (operating, net, gross), not a share of something else
        f.hint = pid
    if f.hint is None and f.table is None and d.unit == "USD" and "share" in view[max(0, d.span_start - 90):d.span_start] \
            and (em := _PER_SHARE_BEFORE_RE.search(view, max(0, d.span_start - 90), d.span_start)) is not None \
            and "earnings-per-share" in idx.prop_by_id:
        # "a loss per share of $1.49", "net income per diluted share was $0.82": what a company earned
        # or lost on each share is its earnings per share, not its net loss or income; a loss per share
        # is a negative one
        f.hint = "earnings-per-share"
        if em.group("l").lower() == "loss" and d.value is not None and d.value > 0:
            d.value = -d.value
            if d.low is not None and d.high is not None:
                d.low, d.high = -d.high, -d.low
    if f.hint is None and f.table is None and d.unit == "USD" and _PER_SHARE_AFTER_RE.match(view, d.span_end) is not None \
            and _OR_AFTER_AMOUNT_RE.search(view, max(0, d.span_start - 40), d.span_start) is not None \
            and (rm := _RESULT_WORDS_RE.findall(view, max(0, d.span_start - 140), d.span_start)) \
            and rm[-1].lower() != "loss" and "earnings-per-share" in idx.prop_by_id:
        # "net profit of $30.9 billion, or $4.14 per share", "$38.5 billion, or $5.16 per share": a
        # profit restated per share is the earnings per share, not the profit again
        f.hint = "earnings-per-share"
    if f.hint is None and f.table is None and amount and "/" not in d.unit and " to" in view[max(0, d.span_start - 12):d.span_start] \
            and (gm := _GREW_TO_RE.search(view, max(0, d.span_start - 90), d.span_start)) is not None \
            and MARKET_REVENUE in idx.prop_by_id:
        k = bisect.bisect_right(starts, d.span_start) - 1
        before = view[starts[k] if k >= 0 else 0:gm.start()]
        if _SALES_SUBJECT_RE.search(before) is not None and _OTHER_FLOW_RE.search(before) is None \
                and _OTHER_FLOW_RE.search(view, gm.start(), d.span_start) is None:
            # "The personal computing business ... grew 17% to $13.2 billion", "quarterly sales up 16%
            # to $65.6 billion", "led in revenue last quarter, growing 12% to $28.3 billion": a business,
            # a segment or its sales grown to an amount is its revenue (not capex, not an investment)
            f.hint = MARKET_REVENUE
    if f.hint is None and f.table is None and d.unit in ("trillion USD", "billion USD") and "valuation" in idx.prop_by_id \
            and (_WORTH_COMPANY_AFTER_RE.match(view, d.span_end) is not None
                 or d.unit == "trillion USD" and _CROSSED_BEFORE_RE.search(view, max(0, d.span_start - 30), d.span_start) is not None
                 and _OTHER_FLOW_RE.search(view[starts[max(0, bisect.bisect_right(starts, d.span_start) - 1)]:d.span_start]) is None
                 and _SALES_SUBJECT_RE.search(view[starts[max(0, bisect.bisect_right(starts, d.span_start) - 1)]:d.span_start]) is None):
        # "the first $5 trillion company", "Microsoft again and Apple for the first time crossed $4
        # trillion this week": what a company is worth, not money it spends or invests
        f.hint = "valuation"
    if f.hint is None and f.table is None and d.unit == "percent" and d.span_start > 0 and view[d.span_start - 1] == "+" \
            and (d.span_start < 2 or view[d.span_start - 2] in _PLUS_AFTER):
        f.hint = "change"
    if f.hint is None and f.table is None and d.span_start > 1 and view[d.span_start - 1] == "+" \
            and view[d.span_start - 2] in _PLUS_AFTER and _SIGNED_AMOUNT_UNIT_RE.fullmatch(d.unit):
        # "(+128 TWh from 2023)", "**+90 TWh by 2030**", "deferred revenue +$659.3M": an amount with
        # a plus sign of its own is how much a quantity grew, the difference of two of its values
        f.hint = DIFFERENCE
    if f.hint is None and f.table is None and d.unit == "percent" \
            and (pid := _named_percent(idx, view, d.span_end, vals)):
        # "idle at 30% MFU", "showed 28-32% GPU utilization": the noun right after a percentage
        # names what it measures
        f.hint = pid
    if d.unit == "percent" and f.hint in _POINTS_OVERRIDES and in_points(view, d.span_start, d.span_end):
        # "utilization gain: +8-12 percentage points", "fell 3 pp": the difference of two percentages
        # (a change in points is no relative change, nor a share)
        f.hint = DIFFERENCE
    sent_i = bisect.bisect_right(starts, d.span_start) - 1
    sent_lo = starts[sent_i]
    sent_hi = starts[sent_i + 1] if sent_i + 1 < len(starts) else len(view)
    if f.table is not None:
        sent_lo, sent_hi = f.table.row_spans[f.row]
    # the words around a mention, up to half-way to its neighbours, nearer words weighing
    # more and words after it less ("lose around $5 billion on revenue of ...")
    if f.table is not None:
        ctx_spans = [(f.table.rows[f.row][0].start, f.table.rows[f.row][0].end, 1.0)]
        col = f.table.column_header(f.col)
        if col is not None:
            ctx_spans.append((col.start, col.end, 1.0))
        group = f.table.group_label(f.row)
        if group is not None:  # "| **Speedup** |" over the rows: what the rows under it measure
            ctx_spans.append((group.start, group.end, 1.0))
        row = f.table.rows[f.row]
        for c in range(1, min(f.col, len(row))):
            # "| Gemini 1.0 Pro | Multimodal | Video Input | $0.002 / second |": the row's further
            # label cells before the number (words, no figure) say what it is of, as its first does
            lab = row[c]
            if lab.end - lab.start <= _ROW_LABEL_MAX and _DIGIT_RE.search(view, lab.start, lab.end) is None \
                    and _LETTER_RE.search(view, lab.start, lab.end) is not None:
                ctx_spans.append((lab.start, lab.end, 1.0))
        if f.table.caption_span:
            ctx_spans.append((f.table.caption_span[0], f.table.caption_span[1], _CAPTION_WEIGHT))
        cell = f.table.rows[f.row][f.col]
        ctx_spans.append((cell.start, cell.end, 0.8))
        local = " ".join(view[a:b] for a, b, _ in ctx_spans)
        wide = None
        # the cell's own labels: where a word a property needs must be (not only the caption)
        own = " ".join(view[a:b] for a, b, w in ctx_spans if w != _CAPTION_WEIGHT)
        intro, load_list = None, False
    else:
        # the numbers of one list ("1, 3 or 6 months": bare numbers the last one's unit was given
        # to) share the words around the whole list
        first = last = i
        while first > 0 and _in_one_list(view, found[first - 1], found[first]):
            first -= 1
        while last + 1 < len(found) and _in_one_list(view, found[last], found[last + 1]):
            last += 1
        lo_at, hi_at = found[first].draft.span_start, found[last].draft.span_end
        ctx_lo = wide_lo = max(sent_lo, lo_at - 150)
        ctx_hi = min(sent_hi, hi_at + 60)
        if first > 0 and found[first - 1].draft.span_end > ctx_lo and found[first - 1].table is None \
                and not _is_change_word(found[first - 1].draft) \
                and not _rate_then_from(view, found[first - 1].draft, lo_at):
            ctx_lo = max(ctx_lo, (found[first - 1].draft.span_end + lo_at) // 2)
        if last + 1 < len(found) and found[last + 1].draft.span_start < ctx_hi:
            nx = found[last + 1].draft.span_start
            ctx_hi = min(ctx_hi, (hi_at + nx) // 2)
            cut = view.find(", ", hi_at, nx)
            if ctx_hi < cut <= hi_at + 32 and "\n" not in view[hi_at:cut]:
                # "guidance of $175-185 billion in 2026 capex, 55-65% above Wall Street estimates":
                # the phrase after a number up to the comma is its own, however near the next one
                ctx_hi = cut
            if ("÷" in view[hi_at:nx] or "×" in view[hi_at:nx] or " / " in view[hi_at:nx]) \
                    and (fm := _FORMULA_LABEL_RE.match(view, hi_at, nx)) is not None:
                # "= $80B market cap ÷ 24.3B shares": in a sum, the words between a number and
                # the operator after it are that number's own label, however near the next one
                ctx_hi = max(ctx_hi, fm.end(1))
        while ctx_hi < sent_hi and view[ctx_hi].isalnum():  # never cut a word in two
            ctx_hi += 1
        if ", " in view[hi_at:ctx_hi]:
            # "since each TPU v5p has 96GB of HBM, we need `16.5e12 / 96e9 = 171` TPUs": a clause
            # after the number with a subject of its own (the writer, a pronoun) says what that
            # clause's own figure is, not this one ("need" is no cue of a model's memory here)
            cm = _OWN_CLAUSE_AFTER_RE.search(view, hi_at, ctx_hi)
            if cm is not None:
                ctx_hi = cm.start()
        while ctx_lo > sent_lo and view[ctx_lo - 1].isalnum():
            ctx_lo -= 1
        ctx_spans = [(ctx_lo, ctx_hi, None)]
        local = view[ctx_lo:ctx_hi]
        own = None
        # the words a property needs, looked for up to the same reach before the number but not
        # cut half-way to the number before it: "to train a model to 2T tokens at 3,700
        # tokens/sec": the training the rate is of comes before the count of tokens (its cue
        # words, which score one property over another, stay the number's own)
        while wide_lo > sent_lo and view[wide_lo - 1].isalnum():
            wide_lo -= 1
        wide = view[wide_lo:ctx_hi] if wide_lo < ctx_lo else None
        intro = _list_intro(view, sent_lo)
        load_list = _load_intro(view, intro)
        if intro is not None and d.unit == "percent" and f.hint is None and ADOPTION_SHARE in idx.prop_by_id \
                and not (f.whole and _AMOUNT_WHOLE_RE.search(f.whole_words or "")):
            # "**Market Impact:** Liquid cooling penetration:" over "- 2024: 14% of AI datacenters":
            # a lead-in that names adoption (its cue words) says what its items' percentages are
            line = view[intro[0]:intro[1]]
            ap = idx.prop_by_id[ADOPTION_SHARE]
            if line.rstrip().endswith(":") and ap.cue is not None and ap.cue.search(line) is not None \
                    and _fits_property(idx, d.unit, (d.value,) if d.qualifier != "range" else (d.low, d.high), ADOPTION_SHARE):
                f.hint = ADOPTION_SHARE
        if load_list:
            # "P99 latencies at high concurrency:" over "- Model A: 76s": the lead-in says what
            # its items measure (read as a caption is, over the item's own words)
            ctx_spans.append((intro[0], intro[1], _CAPTION_WEIGHT))
            local = local + " " + view[intro[0]:intro[1]]
            if wide is not None:
                wide = wide + " " + view[intro[0]:intro[1]]
    # only the stems some property has a weight for: the others score nothing (_guess_property)
    ctx_words: dict = {}
    vocab = idx.word_weights
    s0, e0 = d.span_start, d.span_end
    for a, b, wfix in ctx_spans:
        if wfix is not None:  # a table's cell: every word weighs the same
            stems = spans.get((a, b))
            if stems is None:
                stems = spans[(a, b)] = [st for st in map(_stem_or_stop, _WORD_RE.findall(view, a, b)) if st in vocab]
            for st in stems:
                if wfix > ctx_words.get(st, 0.0):
                    ctx_words[st] = wfix
            continue
        for ws, we, st in _weighed_words(idx, view, spans, sent_lo, sent_hi, a, b):
            if we <= s0:
                wt = 1.0 / (1.0 + (s0 - we) / 40.0)
            elif ws >= e0:
                wt = 0.6 / (1.0 + (ws - e0) / 40.0)
            else:
                wt = 1.0
            if wt > ctx_words.get(st, 0.0):
                ctx_words[st] = wt
    values = (d.value,) if d.qualifier != "range" else (d.low, d.high)
    # "a ChatGPT query uses ~0.3 Wh": an energy (or water, or emissions) of one request
    uk = unit_key(d.unit) if f.hint is None and "/" not in d.unit and " per " not in d.unit else None
    if uk is not None and _PER_ONE_DIMS_RE.match(uk[0]) \
            and _QUERY_SUBJECT_RE.search(view, max(sent_lo, d.span_start - 80), d.span_start) \
            and not _TOTAL_RE.search(view, sent_lo, d.span_start):
        d.unit += "/query"
    if f.table is not None:
        col = f.table.column_header(f.col)
        f.head = col.text if col is not None else None
    if f.hint is None and _PERIOD_PRICE_RE.search(d.unit) is not None:
        f.owning = _owning(idx, view, f, sent_lo, sent_hi, alias_hits, hit_starts) \
            or _self_hosted_heading(view, headings, d.span_start, sent_lo, sent_hi)
    elif f.hint is None and _SHORT_PERIOD_PRICE_RE.search(d.unit) is not None:
        f.owning = _self_hosted_heading(view, headings, d.span_start, sent_lo, sent_hi)
    f.context = "token" in d.unit and "ontext" in view[d.span_end:d.span_end + 16] \
        and _CONTEXT_AFTER_RE.match(view, d.span_end) is not None and _fits_property(idx, d.unit, values, CONTEXT_WINDOW)
    d.property, how = _guess_found(idx, d, f, values, ctx_words, local, None, own, wide)
    if d.property == TDP and how != "cue" and f.table is None:
        # "Llama 3.1 8B (312W)", "the 70B model: 347 W": a wattage given right after a model's
        # name is what the hardware drew while serving it; a rating (tdp) is a hardware part's
        # figure, never a model's
        k = bisect.bisect_left(hit_starts, d.span_start) - 1
        while k >= 0 and alias_hits[k][1] > d.span_start:
            k -= 1
        if k >= 0 and idx.entity_kind.get(alias_hits[k][2], "") == "model" \
                and _MODEL_WATTS_GAP_RE.fullmatch(view, alias_hits[k][1], d.span_start):
            d.property, how = POWER_DRAW, "clear"
    if d.property == TDP and how not in ("hint", "cue") and f.table is None \
            and _ABOUT_DRAW_BEFORE_RE.search(view, max(sent_lo, d.span_start - 40), d.span_end) is not None \
            and _fits_property(idx, d.unit, values, POWER_DRAW):
        # "a H800 GPU which consumes about 350 Watt": an estimate of what is drawn
        d.property, how = POWER_DRAW, "clear"
    if d.property == DIFFERENCE:
        # the two percentages the points are the difference of: what the number would be as a
        # level ("gross margin fell 3 percentage points": two gross margins), a share by default
        side, _ = _guess_property(idx, d.unit, values, ctx_words, d.qualifier, None, local, None, own, wide, whole=True)
        d.numerator = side if side is not None and side not in _CHANGE_PROPERTIES else SHARE
    if d.property in _MARGINS and "cost" in view[max(sent_lo, d.span_start - 40):d.span_end + 40].lower() \
            and RATIO in idx.prop_by_id \
            and _MARGIN_ON_COST_RE.search(view, max(sent_lo, d.span_start - 40), min(sent_hi, d.span_end + 40)):
        # "a theoretical 545% cost-profit margin", "a 60% margin on cost": profit over cost (it
        # may run to several times the cost), not a gross or net margin (a share of revenue, at
        # most 100%; "profit margin" is a cue of the net margin)
        d.property = RATIO
    if d.property == SHARE and how not in ("hint", "cue") and RATIO in idx.prop_by_id and d.unit == "percent" \
            and (any(v is not None and abs(v) > 100.0 for v in values)
                 or _RETAINED_NEAR.search(view, max(sent_lo, d.span_start - 40), min(sent_hi, d.span_end + 60))):
        # "133% of human population", "retains 92.53% of performance", "preserve ~96% of the total
        # retrieval performance": more than the whole, or what is kept of a quality, is how many
        # times one quantity is another (a part is never more than its whole, and a score kept is
        # no part of a score)
        d.property = RATIO
    if d.unit == "percent" and how != "hint" and d.property != RATIO and RATIO in idx.prop_by_id \
            and _OF_REFERENCE_LEVEL_RE.match(view, d.span_end, sent_hi) is not None:
        # "Burst Capacity: 150% of average for traffic spikes": a level set against the average
        # (normal, baseline) one is how many times that level it is, no utilisation or part of a whole
        d.property = RATIO
    if how == "hint" and idx.siblings.get(d.property):
        # "two experts are selected for each token": the count's own stretch of the sentence
        # (up to a comma or the sentence's end) names a sibling of the property the grammar gave
        lo = max(sent_lo, d.span_start - 30)
        before = _SEGMENT_BACK_RE.search(view, lo, d.span_start)
        seg = view[before.start() if before else d.span_start:_SEGMENT_RE.match(view, d.span_end).end()]
        hit = next((o for o in idx.siblings[d.property] if o.cue.search(seg)), None)
        if hit is not None:
            d.property, how = hit.id, "cue"
    timed = False  # (a table's column of times read as run times: kept whatever thing the row names)
    if f.table is not None and how not in ("hint", "cue") and d.property != RUN_DURATION:
        col = f.table.column_header(f.col)
        if col is not None and TIME_HEADER_RE.fullmatch(view, col.start, col.end) is not None:
            # "| Batch Size | Time |" over "| 5,000 | 37 min |", "| GPU | $/hr | Time (h:m) |": a
            # table's column of times is how long the row's run (a batch, a job on the row's GPU)
            # takes, unless its caption, labels or headings name a training run, a latency, a lead
            # time ("## Training Run Estimates by Scale" over "| Duration |" is a training run's)
            chain = _table_headings(spans, view, headings, f.table.start)
            if TIME_OTHER_RE.search(local) is None and TIME_OTHER_RE.search(chain) is None \
                    and _fits_property(idx, d.unit, values, RUN_DURATION):
                d.property, how, timed = RUN_DURATION, "clear", True
        elif col is not None and how != "hint" and _WORK_TIME_HEAD_RE.search(col.text) is not None \
                and TIME_OTHER_RE.search(col.text) is None and _fits_property(idx, d.unit, values, RUN_DURATION):
            # "| Time to generate 1 M tokens (minutes) |": the column says what work its times are of,
            # whatever a heading names ("### Best Latency Deployment" over it): a run's length
            d.property, how, timed = RUN_DURATION, "clear", True
    if d.property == "inference-throughput" and how not in ("hint", "cue") and f.table is not None \
            and "training-throughput" in idx.prop_by_id and _fits_property(idx, d.unit, values, "training-throughput"):
        # "# MPT Training Benchmarks" over "## H100 80GB BF16" over "| Throughput (T/s) |": a table
        # of token rates under a heading of training, none of serving, gives training rates
        tp = idx.prop_by_id["training-throughput"]
        chain = _table_headings(spans, view, headings, f.table.start)
        if tp.need is not None and tp.need.search(chain) is not None and _SERVING_WORDS_RE.search(chain) is None \
                and _SERVING_WORDS_RE.search(local) is None:
            d.property, how = "training-throughput", "strong"  # (kept whatever thing the row is of)
    if d.property == TRAINING_DURATION and how not in ("hint", "cue", "only") and f.table is None:
        # a span of time in prose is a training run's only where training is spoken of: in the
        # number's own words, the paragraph up to it, or the headings it is under ("## Training a
        # 7B model" over "102 hours"); else it is how long some run of a thing takes ("~4 minutes
        # of a 60W light bulb", "7 days of g5.12xlarge", "5 minutes is usually enough" for a load
        # test). (A table's column of times has its own rule above: a row of a model's size and
        # its GPUs over "| Wall time |" reads as a training run.)
        tp = idx.prop_by_id.get(TRAINING_DURATION)
        if tp is not None and tp.cue is not None and _fits_property(idx, d.unit, values, RUN_DURATION):
            p_lo = paras[bisect.bisect_right(paras, d.span_start) - 1] if paras else 0
            before = view[min(p_lo, sent_lo):d.span_end]
            chain = _heading_chain(spans, view, headings, d.span_start)
            # (the paragraph up to the number may be long: its lower case is looked in for the
            # cue's words first, as _finds does, before the pattern is tried at its positions)
            if not any(_finds(tp.cue, t) for t in (local, wide or "", before, chain)):
                d.property, timed = RUN_DURATION, True
                pp = idx.prop_by_id.get(PAYBACK_PERIOD)
                if pp is not None and pp.cue is not None and headings \
                        and _fits_property(idx, d.unit, values, PAYBACK_PERIOD):
                    # "#### Investment Payback Periods" over "- **Data Centers**: 24-36 months for
                    # custom facilities": the section the span is directly under names what its
                    # spans of time are, a payback period, not how long some run takes
                    index = _heading_index(spans, view, headings)
                    k = next(_headings_over(index, headings, d.span_start), None)
                    if k is not None and pp.cue.search(index[k][0]):
                        d.property, timed = PAYBACK_PERIOD, False
    if d.property == INFERENCE_LATENCY and how in ("default", "weak") and f.table is None and d.unit != "ms" \
            and _RESULT_BEFORE_RE.search(view, max(sent_lo, d.span_start - 6), d.span_start) is not None \
            and _fits_property(idx, d.unit, values, RUN_DURATION) \
            and not _finds(idx.prop_by_id[INFERENCE_LATENCY].cue, view[sent_lo:d.span_end]):
        # "100 tokens at 2.3 tok/s = 43 seconds", "6 * for_compute ~= 0.69 seconds": a time
        # worked out from an amount of work and a rate is how long that work takes, no request's
        # latency (unless a word of latency opens the sum: "TTFT: 2,000 tokens / ... = 0.2 s")
        d.property, how, timed = RUN_DURATION, "clear", True
    if f.table is None and _share_below_zero(d, values, idx):
        # "Nvidia stock plunged -11%", "Amazon (AMZN) -2.4%": prose and lists (a table's cells
        # are checked by _company_table_property, once the row's company is known)
        d.property, how = "change", "clear"
    if d.property == SHARE and how not in ("hint", "cue") and f.table is None and not f.whole:
        if _AGAINST_PERIOD_RE.match(view, d.span_end, sent_hi) is not None:
            # "... by 62%, 51%, and 81%, respectively, versus the prior year": set against an
            # earlier period, a percentage is how much a quantity changed, no part of a whole
            d.property, how = "change", "clear"
        elif i > 0 and found[i - 1].table is None and found[i - 1].draft.property in _CHANGE_PROPERTIES \
                and found[i - 1].draft.unit == "percent" and found[i - 1].draft.span_start >= sent_lo \
                and _PERCENT_LIST_GAP_RE.fullmatch(view, found[i - 1].draft.span_end, d.span_start) is not None:
            # "boosted their capital expenditures by 62%, 51%, and 81%": a list of percentages
            # after a change is of changes, each one's own
            d.property, how = found[i - 1].draft.property, "neighbour"
    if how in ("default", "weak", "none") and i > 0 and f.table is None:
        # "lost $540 million in 2022, and $1.3 billion in 2023": the neighbour's property
        pf = found[i - 1]
        pd = pf.draft
        bp = idx.prop_by_id.get(d.property) if how == "weak" else None
        if pd.property and pf.table is None and bisect.bisect_right(starts, pd.span_start) - 1 == sent_i \
                and unit_key(pd.unit) == unit_key(d.unit) \
                and not (bp is not None and bp.need is not None and bp.need.search(d.raw)) \
                and not (bp is not None and bp.id != pd.property and bp.cue is not None and bp.need is not None
                         and bp.cue.search(view, pd.span_end, d.span_start) and bp.need.search(view, pd.span_end, d.span_start)) \
                and not (pd.property == PURCHASE_PRICE and _UNIT_PRICE_AFTER_RE.match(view, pd.span_end)) \
                and not (pd.property == "earnings-per-share" and pd.unit != d.unit) \
                and not (pd.property == MARKET_REVENUE and pf.hint == MARKET_REVENUE
                         and _MARKET_AFTER_RE.match(view, pd.span_end) is not None):
            # (not where the number's own words name its property: "671B total and 37B active parameters",
            # "its projected $12 billion revenue for 2025, while it incurs annual losses of $5 billion";
            # nor after the price of one unit: "At $199,000 a piece, ... would have to spend close to
            # $100 million" is no price of one thing; nor after a market's size: "a $400B AI
            # accelerator market by 2027, implying $700B+ of total AI spending"; nor a company's
            # amount in billions after its earnings per share: "topped estimates of $2.18 U.S. Revenue
            # ... came in at $96.43 billion")
            d.property, how = pd.property, "neighbour"
    if how in ("default", "weak", "none") and i > 0 and f.table is None and (d.unit == "USD" or d.unit.endswith(" USD")):
        # "its annualized revenue run rate had crossed $30 billion, a figure that sits clearly above
        # OpenAI's most recently disclosed approximately $25 billion", "Anthropic ended 2025 at
        # roughly $9 billion in annualized run rate. Four months later, the company is at $30
        # billion": a bare amount whose own words name no flow, after a run rate in its sentence
        # or the one before, is a run rate too (a year's rate), not a stock of money
        j = i - 1
        while j >= 0 and found[j].table is None and "USD" not in found[j].draft.unit:
            j -= 1
        pd = found[j].draft if j >= 0 and found[j].table is None else None
        if pd is not None and pd.property == _ANNUALIZED_REVENUE and pd.unit.endswith("USD/year") \
                and bisect.bisect_right(starts, pd.span_start) - 1 >= sent_i - 1 \
                and bisect.bisect_right(paras, pd.span_start) == bisect.bisect_right(paras, d.span_start) \
                and not _NOT_RUN_RATE_RE.search(view, pd.span_end, d.span_end) \
                and not _SPAN_AFTER_RE.match(view, d.span_end):
            d.property, how = _ANNUALIZED_REVENUE, "neighbour"
            d.unit = d.unit + "/year"
    if f.table is not None and how == "strong" and d.property and d.unit.startswith("USD") \
            and (wp := idx.prop_by_id.get(d.property)) is not None and "model" not in wp.kinds \
            and f.table.rows[f.row] and f.col > 0 \
            and not any(_span_ids(c, alias_hits, hit_starts) for c in f.table.rows[f.row][1:]) \
            and _model_row(view, f, alias_hits, hit_starts, idx):
        # "### Google Vertex AI" over "| Gemini 1.0 Pro (128k) | $0.0005 |" under "| Model | Input |":
        # an amount in a row labelled by a model's name alone is a figure of that model (a price),
        # not one the words of the caption lean to that no model has (an investment "in AI")
        pid, rhow = _guess_found(idx, d, f, values, ctx_words, local, {"model"}, own, wide)
        if pid and pid != d.property:
            d.property, how = pid, f"{rhow}|repicked"
    if d.property and f.table is None and d.unit[:3] in _CREDIT_CURRENCIES \
            and _CREDITS_AFTER_RE.match(view, d.span_end) is not None:
        # "Modal T4 - $0.59/hr + $30/mo free credits", "up to $300 in free credits": an allowance
        # a provider gives away, no price, cost or spending of anything (the registry has no
        # property of it; not the neighbour's rent)
        d.property = None
    d.property_confidence = calibrated("property", how) if d.property else 0.0
    if d.property:
        d.evidence["property"] = how
    prop = idx.prop_by_id.get(d.property)
    if prop is None and d.property == DIFFERENCE and d.unit != "percent":
        # a plus-signed amount's difference is of two values of one thing (its sides' property):
        # whose values they are is found as for that property ("deferred revenue +$659.3M")
        prop = idx.prop_by_id.get(d.numerator)
    kinds = prop.kinds if prop else ()
    strict = how in ("hint", "only", "cue", "strong", "clear")
    prev_sents = []
    for back in (1, 2):
        j = sent_i - back
        if j < 0:
            break
        prev_sents.append((starts[j], starts[j + 1]))
    p_i = bisect.bisect_right(paras, d.span_start) - 1
    para_lo = paras[p_i]
    if f.table is None and p_i > 0 and _PRONOUN_OPENER_RE.match(view, para_lo) \
            and not _LIST_LINE_RE.match(view, para_lo):
        # "Digital Realty is a large ... trust. ¶ They report their water sources ... About 36% of
        # their water ...": a paragraph that opens with a pronoun goes on about what the
        # paragraph before named; its sentences reach back across the break
        para_lo = paras[p_i - 1]
    bold_lead = None  # a bold line alone over the number's list that is no registry name
    if f.table is None:
        lead = _lead_in(view, intro)
        if lead is not None and not view[lead[0]:lead[1]].rstrip().endswith(":") \
                and _bold_name(view, lead, alias_hits, hit_starts) is None:
            bold_lead = lead
            lead = None  # a bold line heads its list as a lead-in only when it is a registry name alone
        item_lo = view.rfind("\n", 0, sent_lo) + 1
        if prev_sents and _LIST_LINE_RE.match(view, item_lo) \
                and not (_PRONOUN_OPENER_RE.match(view, sent_lo) or _COMPANY_ANAPHOR_RE.match(view, sent_lo)):
            # "- At $0.08/kWh: ~$56,000" over "- Note: Represents ~1-5% of total cost": a list
            # item is about what its own words or the list's lead-in name, not what the item
            # above it names (a sibling, not a sentence the item goes on from); but an item that
            # opens by pointing back ("- It draws 700 W", "- The company ...") goes on from it
            prev_sents = [sp for sp in prev_sents if sp[0] >= item_lo]
        if lead is not None:  # "For example, A100-80GB has:" over the list the number is in
            para_lo = min(para_lo, lead[0])
            if lead not in prev_sents:
                prev_sents.append(lead)
    heads = headings
    own_kinds = not _NEW_KINDS.isdisjoint(kinds)  # (set(kinds) & _NEW_KINDS, without making the set)
    if f.table is None and own_kinds:
        colon = _own_label(view, d.span_start, alias_hits, hit_starts)
        if colon is not None and d.property == "token-price" and lead is not None \
                and _PRICE_SIDE_LABEL_RE.match(view, view.rfind("\n", 0, d.span_start) + 1, colon + 1):
            # "**Claude Opus 4.1**" over "- Input: $15.00 | Output: $75.00": a label that says
            # which side of a token price the number is names no thing; the price is of what
            # the list's lead-in names
            colon = None
        if colon is not None and (am := _ATTRIBUTE_ITEM_LABEL_RE.match(view, view.rfind("\n", 0, d.span_start) + 1,
                                                                       colon + 1)) is not None \
                and (am.group("price") is None or "hour" in (d.unit or "")):
            # "#### g5.2xlarge On-Demand" over "- On-demand: **$1.21/hour**", "- RAM: 32 GB", "-
            # Preemptible: $1.10/hour": a label that is the word of a price, a way of renting or a
            # part's spec names no thing of the article's own; the figure is of what the list is
            # under (the bare word of a cost only before an hourly rate: "**Gemini Flash (40% of
            # queries):**" over "- Cost: $40/month" is the writer's own part of a chatbot)
            colon = None
        if colon is not None:
            # "- Ops overhead: $2,000/month", "Simple queries (60%): ...": the line's own
            # label names what the number is about (when the property applies to things of
            # the article's own); names further back or past the colon (when the number is
            # in the label) are not its entity
            prev_sents, heads = [], []
            if d.span_start < colon:
                sent_hi = min(sent_hi, colon)
            sent_lo = max(sent_lo, view.rfind("\n", 0, d.span_start) + 1)
    sent = (sent_lo, sent_hi, para_lo, prev_sents)
    cands = _entity_candidates(idx, view, f, sent, paras, alias_hits, hit_starts, kinds, True, heads)
    kept_property = False
    scenario = f.table is not None and (_scenario_table(f.table) and not (_named_columns(f.table, alias_hits, hit_starts)
                                                                          and not _repeated_label(f.table, f.row))
                                        and not _thing_columns(view, f.table, alias_hits, hit_starts)
                                        and not (kinds and kinds[0] not in _NEW_KINDS
                                                 and _named_rows(view, f.table, alias_hits, hit_starts))
                                        or _unnamed_continuation(f, alias_hits, hit_starts, view)
                                        or _workload_column(f.table, f.col) and not _index_size_column(view, f, alias_hits, hit_starts)
                                        or _scenario_column(f.table, f.col) and not _label_names(f, alias_hits, hit_starts)
                                        or bool(kinds) and kinds[0] == "workload"
                                        and _model_on_hardware(idx, f.table, f.row, alias_hits, hit_starts)
                                        or bool(f.table.rows[f.row])
                                        and _configured_hardware(idx, view, f.table.rows[f.row][0], alias_hits, hit_starts))
    # a latency or a throughput in a table or a list whose caption or lead-in names a load
    # ("### TTFT (Short Prompts, Concurrency=1)" over "| Model A | 562ms |", "P99 latencies at
    # high concurrency:" over "- Model A: 76s"): the article's own run of the row's model under
    # that load (a workload), not a figure of the model itself
    under_load = d.property in _RUN_PROPERTIES and (_load_table(f.table) if f.table is not None else load_list)
    scenario = scenario or (under_load and f.table is not None)
    if cands and f.table is not None and kinds and kinds[0] in _NEW_KINDS and cands[0].how == "table-row" \
            and idx.entity_kind.get(cands[0].eid, "") not in kinds \
            and not _bare_name(view, f.table.rows[f.row][0], alias_hits, hit_starts) \
            and cands[0].eid != _joined_plan_name(idx, f.table, f.row, f.col):
        # "| Rented RTX 3090 | ... | About 1.7 hours |": a property chiefly of the article's own
        # things (a job's run time) in a row labelled by a thing built from a registry thing (not
        # its bare name): the row's own thing, not the card it runs on
        cands = [c for c in cands if c.how != "table-row"]
    # (The entity a section names most often is no guess for a number whose sentences name none:
    # on the development articles 7 of 34 such guesses were right, before tuning 0 of 14.)
    if not cands and f.table is None and kinds and kinds[0] == "product" and "organisation" in kinds \
            and "model" not in kinds:
        # a service's users, subscribers, customers ("ChatGPT has over 800 million weekly active
        # users, of which roughly 20 million are paid subscribers"): the registry records a chat
        # service by its model; a model the number's own sentence names is the service whose
        # usage it is (not a model a table's row names: "| Self-hosted vs Mid-tier API (Haiku) |
        # ~400-500 users |" is a scenario's)
        cands = [c for c in _entity_candidates(idx, view, f, sent, paras, alias_hits, hit_starts, kinds + ("model",),
                                               True, heads) if c.how in ("before", "after")]
    org_fallback = None
    if not cands and not strict:  # nothing of a kind the property applies to: any kind
        cands = _entity_candidates(idx, view, f, sent, paras, alias_hits, hit_starts, kinds, False, heads)
        # "Azure remains expensive at $6.98-$10.50/hour", "Meta's $70M sunk cost in the Temple
        # datacenter demolition", "- TSMC: $36,000 × 3.18% = ~$1,145": a company named near a
        # figure of a property that applies to no company (a card's hourly rent, a building's
        # cost, a saver's holding) is whose offer, site or shares the thing is, not the thing; the
        # figure's thing is one of the article's own (the property is read as for the company,
        # below, as before: the words near it still speak of the company's kind of figure). On
        # dev-B, where the rule was designed, the prose figures given a company so were wrong 21
        # of 21 times (14 were the article's own things); on dev-A, 12 of 14
        # (A company paying or spending the amount keeps it: "Anthropic is paying xAI $1.25 billion
        # per month for compute" is Anthropic's spend, whatever property its words first suggest.)
        if cands and f.table is None and kinds and "organisation" not in kinds and "any" not in kinds \
                and idx.entity_kind.get(cands[0].eid) == "organisation" \
                and not _SPEND_BEFORE_RE.search(view, max(sent_lo, d.span_start - 48), d.span_start):
            org_fallback = cands[0].eid
    elif not cands and f.table is not None and not scenario and not _NEW_KINDS.issuperset(kinds) \
            and not _setup_rows(f.table):
        # nothing of a kind the property applies to: any kind (in a table of things, not of
        # worked scenarios, whatever the cell's property: "| RTX 3060 | about $0.40 |" under
        # "| GPU | Cost per 1M output tokens |" is the card's cost, not a thing of the article's
        # own; but a property only such a thing has, a text's pages, stays the article's own)
        cands = _entity_candidates(idx, view, f, sent, paras, alias_hits, hit_starts, kinds, False, heads)
        # only the thing a row's label or a column's header is the bare name of ("| RTX 3060 12 GB |",
        # not "| RTX 3090 workstation |": a thing built from it)
        by = cands[0].how if cands else None
        named = f.table.rows[f.row][0] if by == "table-row" else f.table.column_header(f.col) if by == "table-column" \
            else None
        if by == "table-row" and not _MARKS_BLANKS_RE.sub("", named.text):
            named = _group_head(view, f, alias_hits, hit_starts)  # (a row continuing a group: the group's label)
        if named is None or not _bare_name(view, named, alias_hits, hit_starts):
            cands = []
        kept_property = bool(cands)
        if kept_property and idx.entity_kind.get(cands[0].eid, "") in _BOUGHT_KINDS \
                and _CURRENCY_DIM_RE.fullmatch(unit_key(d.unit)[0]) and how not in ("hint", "cue"):
            # "| 4080 | New | 16GB | ... | $1800 |" under "| Card | ... | Cost |": a sum of money
            # (no rate, no price per token) in the row of a bare piece of hardware is what it
            # costs to buy, whatever plain word of cost the column uses: the property chosen
            # again for it (a GPU's hourly rent or its cost per token keep theirs: other units)
            kept_property = False
    if subject is not None and subject.sized and kinds and "model" in kinds:
        # "the 7B parameter model": the number is the size of the model it names (so too the
        # label "| 7B |" of a row of a table of a family's sizes)
        k = bisect.bisect_right(hit_starts, d.span_start) - 1
        if k >= 0 and alias_hits[k][1] > d.span_start and (alias_hits[k][0], alias_hits[k][1], alias_hits[k][2]) \
                in subject.sized:
            cands = [_Candidate(alias_hits[k][2], "before" if f.table is None else "table-row",
                                _TRUST["before" if f.table is None else "table-row"])]
    inst_lo, inst_hi = max(sent_lo, d.span_start - 120), min(sent_hi, d.span_end + 60)
    if f.table is None and cands and d.property == "parameters-total" \
            and _A_SIZE_BEFORE_RE.search(view, max(sent_lo, d.span_start - 24), d.span_start) is not None \
            and _A_SIZE_AFTER_RE.match(view, d.span_end) is not None:
        # "AWS planning to acquire 20,000 B200 GPUs for a 27 trillion parameter model": a model of
        # that size, one not yet named, not a model an earlier sentence or a heading names (but
        # "It is a 70B parameter model": what the subject is)
        cands = [c for c in cands if c.how not in ("previous", "heading", "table-intro", "paragraph")]
    if f.table is None and cands and _supposes_or_owns(spans, view, sent_lo, sent_hi, d.span_end, inst_lo, inst_hi):
        # "if you train a model for $100M ...", "my plant will cost $135M": not about what an
        # earlier sentence or a heading names
        cands = [c for c in cands if c.how not in ("previous", "heading", "table-intro")]
    if cands and "--" in view[max(0, d.span_start - 48):d.span_start] \
            and _OPTION_RE.search(view, max(0, d.span_start - 48), d.span_start):
        # "--tensor-parallel-size 8", "--max-model-len=400000": a command's option is a setting of
        # the writer's own run, not a figure of the model or the GPU named above it
        cands = []
    if cands and f.table is None and cands[0].how in ("before", "previous", "heading") \
            and not _writer_bought(idx, view, d, cands[0], how, sent_lo, alias_hits, hit_starts) \
            and not (cands[0].how == "before" and _family_sized(idx, cands[0].eid, d)) \
            and _writer_run(view, sent_lo, d.span_start, alias_hits, hit_starts):
        # "Yes, I can run Deepseek Coder V2 at ~25 tok/s", "we only trained the 7B model to 2T
        # tokens": what the writer got from a run of their own, not a figure of the thing named
        # before the number or above it (the thing named after it, "We measured 104 tokens per
        # second on an RTX 4090", is what the number was measured on, and stays)
        cands = []
    priced_model = None
    label_name = None  # the registry thing a list line's label is the name of, and nothing else
    if f.table is None:
        k = bisect.bisect_left(hit_starts, d.span_end)
        if k < len(alias_hits) and alias_hits[k][2] and _MEASURED_THING_RE.fullmatch(view, d.span_end, alias_hits[k][0]) \
                and not _SPEND_BEFORE_RE.search(view, max(sent_lo, d.span_start - 48), d.span_start) \
                and not (_REVENUE_AFTER_RE.match(view, alias_hits[k][1])
                         and _IN_REVENUE_GAP_RE.fullmatch(view, d.span_end, alias_hits[k][0])
                         and _EARN_BEFORE_RE.search(view, max(sent_lo, d.span_start - 60), d.span_start)):
            # "$494 million in revenue-share payments": the amount of the thing named right after it
            # (not "Nvidia invested $100 billion in OpenAI": who got the money, not who paid it; nor
            # "Nvidia will generate $33 billion in TSMC revenue": what it earns from that company)
            eid = alias_hits[k][2]
            cands = [_Candidate(eid, "after", _TRUST["after"])] + [c for c in cands if c.eid != eid]
        elif k < len(alias_hits) and idx.entity_kind.get(alias_hits[k][2]) == "model" \
                and _FOR_MODEL_RE.fullmatch(view, d.span_end, alias_hits[k][0]) \
                and _FOR_MODEL_END_RE.match(view, alias_hits[k][1]):
            # "drops from $30 for GPT-4 to $2.5 for GPT-4o": an amount for a model named right
            # after it, the name ending the phrase, is that model's (not the one named before it)
            eid = alias_hits[k][2]
            if _FOR_MODEL_UNIT_RE.match(view, alias_hits[k][1]) or not (_FIRST_PERSON_RE.search(view, sent_lo, sent_hi)
                                                                       or _MY_RE.search(view, sent_lo, sent_hi)):
                # "It costs $0.15 for GPT-4o mini (per million input tokens)": the model's price,
                # not a cost of the article's own (but "Our bill came to $300 for GPT-4o": the
                # writer's own use of it)
                priced_model = eid
            cands = [_Candidate(eid, "after", _TRUST["after"])] + [c for c in cands if c.eid != eid]
        labelled = _label_entity(view, d.span_start, alias_hits, hit_starts)
        if labelled is not None and kinds and not _unit_applies_to(idx, d.unit, idx.entity_kind.get(labelled, "")):
            # "- **A100 SXM 80GB**: ~120,000 tokens/sec per GPU (8k context)": nothing measured
            # in tokens is a GPU's; the window is the workload's, not the label's
            labelled = None
        if under_load:
            labelled, cands = None, []
        if labelled is not None and priced_model is not None and priced_model != labelled:
            # "Use gpt-4o-mini by default: ~$0.15/1M input tokens (vs $2.50 for gpt-4o)": an amount
            # for a model named right after it is that model's, not the line label's
            labelled = None
        if labelled is not None:
            # "- Acme Revenue Share: $7 million", "**Nuclear**: 8-15 years": the line's label
            # names what the number is about, as a table row's label does, whatever kind the
            # property guessed from the unit expects (the property is chosen again for it)
            cands = [_Candidate(labelled, "label", _TRUST["label"])] + [c for c in cands if c.eid != labelled]
            label_name = labelled if _label_is_name(view, d.span_start, alias_hits, hit_starts) else None
    if len(cands) > 1 and f.table is None and cands[0].how in ("previous", "before", "heading"):
        # "The model also demonstrates 15% better token efficiency", "This instance packs:" over
        # "* 96 vCPUs": a sentence (or a list's lead-in) whose subject points back by a word
        # for a kind of thing is about the thing of that kind named before, not a nearer name
        # of another kind
        pointed = _pointed_kind(view, sent_lo, lead if f.table is None else None)
        if pointed is not None and idx.entity_kind.get(cands[0].eid) != pointed:
            fit = next((c for c in cands[1:] if c.how in ("previous", "before")
                        and idx.entity_kind.get(c.eid) == pointed), None)
            if fit is not None:
                cands = [fit] + [c for c in cands if c is not fit]
    if f.table is None and not cands:
        # "At its core, the RTX 4090 is powered by ... The Ada Lovelace architecture brings ...
        # The card operates with a total graphics power (TGP) of 450 watts": a sentence whose
        # subject points back by a word for a kind of hardware or model, where nothing near names
        # what the number is of, is about the one of that kind named last before it in its section
        # (not a thing of the article's own)
        pm = _POINTED_RE.match(view, sent_lo)
        pointed = _POINTED_KINDS.get(pm.group(1).lower()) if pm is not None else None
        if pointed in _POINTED_BACK_KINDS:
            back = _pointed_back(idx, view, sent_lo, alias_hits, hit_starts, pointed, pm.group(1))
            if back is not None:
                cands = [_Candidate(back, "previous", _TRUST["previous"])] + [c for c in cands if c.eid != back]
    if cands and f.table is None and prop is not None and "provider" in prop.conditions and kinds \
            and kinds[0] != "organisation" and idx.entity_kind.get(cands[0].eid) == "organisation":
        # "For open models like Llama 3.1 8B, DeepInfra charges $0.02 per million input tokens": a
        # price the property records with its provider as a condition is of the thing the provider
        # sells (the model, the GPU) that the sentence names, the company being its provider
        sold = next((c for c in cands[1:] if c.how in _PROSE_HOWS and c.how != "previous"
                     and idx.entity_kind.get(c.eid) == kinds[0]), None)
        if sold is not None:
            cands = [sold] + [c for c in cands if c is not sold]
    if cands and kinds and kinds[0] == "product" and idx.entity_kind.get(cands[0].eid) == "organisation":
        # "OpenAI ... 800 million weekly users" in an article about ChatGPT: the users are its
        # product's (a service's users, subscribers and requests are the product's, as curators
        # record them), when the article names one product of that company (but one it names
        # only after the number's paragraph is no product the number's company stands for yet:
        # "Anthropic now serves over 300,000 business customers" before a later paragraph on
        # Claude Code counts the company's customers)
        p_hi = paras[p_i + 1] if f.table is None and p_i + 1 < len(paras) else None
        made = _named_product(idx, cands[0].eid, alias_hits, d.span_start, p_hi)
        if made is not None:
            top = cands[0]
            cands = [_Candidate(made, top.how, top.score)] + [c for c in cands if c.eid != made]
    if scenario and f.table is not None and d.unit.endswith("/hour") and how not in ("hint", "cue") \
            and _HOURLY_DIM_RE.fullmatch(unit_key(d.unit)[0]):
        # "| Llama 2 70B | GPTQ | ml.g5.12xlarge | 5 | ... | $7.09 |" under "| ... | On-demand cost
        # ($/h) |": an hourly price in the row of a worked run that names one cloud instance or
        # one GPU in a cell of its own, past the row's label (the run), is what that instance (or
        # GPU) rents for, not a cost of the run; (a row labelled by the card itself, "| A100 |
        # 3.0 |" under "## GPU Hourly Pricing (Estimated)", stays what the table's rows are)
        row = f.table.rows[f.row]
        rented = {e for cell in row[1:] for e in _span_ids(cell, alias_hits, hit_starts)
                  if idx.entity_kind.get(e) in _RENTED_KINDS}
        if row and len(rented) == 1 and not any(
                idx.entity_kind.get(e) in _RENTED_KINDS for e in _span_ids(row[0], alias_hits, hit_starts)):
            cands = [_Candidate(next(iter(rented)), "table-row", _TRUST["table-row"])]
            scenario = False
    if cands and f.table is not None and d.property == "token-price" and how not in ("hint", "cue"):
        # "| Llama 2 70B | None | ml.p4d.24xlarge | ... | $10.43 |" under "| ... | cost to generate
        # 1M tokens ($) |": what the work the column names cost in a worked run's row that names
        # the instance (or GPU) it ran on, past the row's label, is that run's own, not a price
        # the row's model is sold at (the hourly price beside it is the instance's rent, above)
        col = f.table.column_header(f.col)
        if col is not None and " to " in col.text and HEADER_COST_TO_RE.search(col.text) is not None:
            if any(idx.entity_kind.get(e) in _RENTED_KINDS
                   for cell in f.table.rows[f.row][1:] for e in _span_ids(cell, alias_hits, hit_starts)):
                cands = []
    if scenario and f.table is not None and not cands:
        # "`Llama 3.1 8B`: tp=1, 5,000 prompts" on the line right above a table of runs whose rows
        # and columns name nothing: the runs are that model's (its benchmark), not things of
        # the article's own
        t = f.table
        lo = view.rfind("\n", 0, max(0, t.start - 1)) + 1
        if lo < t.start and view[lo] not in "#|":
            k0, k1 = bisect.bisect_left(hit_starts, lo), bisect.bisect_left(hit_starts, t.start)
            named = {e for _, _, e in alias_hits[k0:k1] if e}
            if len(named) == 1:
                eid = next(iter(named))
                if kinds and not _NEW_KINDS.issuperset(kinds):
                    cands = [_Candidate(eid, "table-intro", _TRUST["table-intro"])]
                    scenario = False
                    kept_property = _kind_factor(idx, eid, kinds, True) is None
    if not cands and f.table is None and prop is not None and kinds and how not in ("hint", "only", "cue") \
            and not under_load:
        opened = _sentence_opener(idx, view, sent_lo, d.span_start, alias_hits, hit_starts)
        if opened is not None and not _supposes_or_owns(spans, view, sent_lo, sent_hi, d.span_end, inst_lo, inst_hi):
            # "OpenAI's compute costs are about $4 billion a year": the words near the number
            # chose a property of things of the article's own (a cost rate), but the sentence
            # opens with a registry thing another property of the unit is chiefly about (an
            # organisation's operating cost): that thing's, its property chosen again
            if _chiefly_of(idx, d, values, ctx_words, f, local, own, wide, idx.entity_kind.get(opened, "")):
                cands = [_Candidate(opened, "before", _TRUST["before"])]
    # the registry thing a bracket right after the number names ("$98.32/hr (AWS p5)")
    bracketed = _bracket_label(view, d.span_end, alias_hits, hit_starts) if f.table is None else None
    if (not cands or cands[0].how == "previous") and f.table is None and prop is not None and kinds \
            and how not in ("hint", "only", "cue") and not under_load:
        if bracketed is not None:
            # "Cost at $98.32/hr (AWS p5)": the words near the number chose a property of
            # things of the article's own (a cost rate), but the bracket right after it names
            # what the number is of (a cloud instance), rather than a thing the sentence before
            # names: that thing's, its property chosen again
            if _chiefly_of(idx, d, values, ctx_words, f, local, own, wide, idx.entity_kind.get(bracketed, "")):
                cands = [_Candidate(bracketed, "after", _TRUST["after"])]
    if not cands and f.table is None and prop is not None and kinds and how not in ("hint", "only", "cue") \
            and not under_load:
        owner = _possessed_measure(view, sent_lo, d.span_start, alias_hits, hit_starts)
        if owner is not None:
            # "OpenAI’s inference costs were $1.295 billion": the measure a registry thing is
            # said to own, its value given by a verb of being, is that thing's figure; the words
            # near the number chose a property of things of the article's own (a job's cost):
            # the owner's, its property chosen again
            cands = [_Candidate(owner, "before", _TRUST["before"])]
    if not cands and f.table is None and prop is not None and kinds and how not in ("hint", "only") \
            and not under_load and not _CURRENCY_DIM_RE.fullmatch(unit_key(d.unit)[0]):
        owner = f.owner or _held_measure(view, sent_lo, d.span_start, alias_hits, hit_starts)
        if owner is not None and _chiefly_of(idx, d, values, ctx_words, f, local, own, wide,
                                             idx.entity_kind.get(owner, "")):
            # "the RTX 4090 (24 GB VRAM)", "A100 has 40gb VRAM": the number the name owns (in a
            # bracket right after it, or said to be had by it) is that thing's, though the words
            # near chose a property of another kind of thing (a model's memory to run, from
            # "VRAM"): the owner's, its property chosen again, where that property is chiefly of
            # the owner's kind (not an amount of money: "Microsoft ($250B in cloud services)" is
            # a deal's, a thing of the article's own)
            cands = [_Candidate(owner, "before", _TRUST["before"])]
    if not cands and f.table is None and prop is not None and not own_kinds and not under_load \
            and (kinds or not _searched(spans, "first", _FIRST_PERSON_RE, view, sent_lo, sent_hi)):
        # (a list item's paragraph is the item: not what the items above it name); a number of no
        # kind of thing (a ratio, a change: "- **Cached Input**: $0.30 / 1M tokens (90% discount)")
        # too, unless its sentence speaks of the writer's or the reader's own ("reduced our API
        # calls by 75%": their own usage)
        item_lo = view.rfind("\n", 0, sent_lo) + 1
        p_lo = max(para_lo, item_lo) if _LIST_LINE_RE.match(view, item_lo) else para_lo
        about = _paragraph_about(idx, view, p_lo, sent_lo, sent_hi, alias_hits, hit_starts, kinds) \
            if p_lo < sent_lo else None
        if about is not None and (subject is None or subject.about(d.span_start, kinds) is None) \
                and not _supposes_or_owns(spans, view, sent_lo, sent_hi, d.span_end, inst_lo, inst_hi):
            # "Qwen2.5-7B ... Uses ~10.8 GB for model parameters ... At our largest tested prompt,
            # the KV cache is 939 MB": a sentence that names nothing, in a paragraph that names
            # one registry thing alone, of the kind the property is chiefly of, before it, is
            # about that thing (further back than the two sentences before); not where the
            # property applies to things of the article's own too, nor where the section or the
            # article is about a thing of its kind (the subject's guess below)
            cands = [_Candidate(about, "paragraph", _TRUST["paragraph"])]
        elif about is None and headings and (subject is None or subject.about(d.span_start, kinds) is None):
            # "## Context Caching Economics" over "- **Standard Input**: $3.00 / 1M tokens (Claude
            # Sonnet 4.5)" over "- **Cached Input**: $0.30 / 1M tokens": a sentence that names
            # nothing, in a section (from its heading on) that names one registry thing alone
            # before it, of the kind the property is chiefly of, is about that thing, as a
            # paragraph's one thing is (same conditions); not the text under the article's
            # title ("# The real AI moat" over "The 2.5 Gemini models ..." over a context window:
            # what an article names is no guess, test_linking_entities45)
            hk = bisect.bisect_right(headings, (sent_lo, "")) - 1
            s_lo = headings[hk][0] if hk >= 0 else -1
            if 0 <= s_lo < p_lo and view.startswith("##", s_lo):  # (a section, not the article under its title)
                about = _paragraph_about(idx, view, s_lo, sent_lo, sent_hi, alias_hits, hit_starts, kinds)
                if about is not None and not _supposes_or_owns(spans, view, sent_lo, sent_hi, d.span_end, inst_lo, inst_hi):
                    cands = [_Candidate(about, "paragraph", _TRUST["paragraph"])]
        if about is None and not cands and d.property in _RESULTS_PROPERTIES and p_lo > 0 \
                and not _MARKET_WORD_RE.search(view, sent_lo, sent_hi) \
                and (subject is None or subject.about(d.span_start, kinds) is None):
            # "NVIDIA reported quarterly revenue of $7.19B ..." then, paragraphs on, "GAAP earnings
            # per diluted share for the quarter were $0.82", "Total revenue for the quarter was $6.8
            # billion": a sentence that names nothing, its figure one of a company's own (its
            # results), in a stretch of text (its section, 2,000 characters at most) that names one
            # company alone before it, is that company's, as a paragraph's one thing is (same
            # conditions); not where it names two companies or more (whose results, none can say)
            org = _results_company(idx, headings, alias_hits, hit_starts, sent_lo, sent_hi)
            if org is not None \
                    and not _supposes_or_owns(spans, view, sent_lo, sent_hi, d.span_end, inst_lo, inst_hi):
                cands = [_Candidate(org, "paragraph", _TRUST["paragraph"])]
                f.results_of = org
    if not cands and f.table is None and prop is not None and own_kinds and not under_load \
            and d.property in _RESULTS_PROPERTIES and kinds and kinds[0] == "organisation" and para_lo > 0 \
            and not _MARKET_WORD_RE.search(view, sent_lo, sent_hi) \
            and (subject is None or subject.about(d.span_start, kinds) is None):
        # "Microsoft expects to outlay $100 billion on capex ..." then "Net income hit $28.5 billion
        # this quarter": the results rule above for a property that applies to things of the
        # article's own too (a market's net income), chiefly of a company: the one company the
        # text before names, the sentence naming nothing (and no market)
        org = _results_company(idx, headings, alias_hits, hit_starts, sent_lo, sent_hi)
        if org is not None and not _supposes_or_owns(spans, view, sent_lo, sent_hi, d.span_end, inst_lo, inst_hi):
            cands = [_Candidate(org, "paragraph", _TRUST["paragraph"])]
            f.results_of = org
    lead_name = None  # a dated bold name the registry lacks, leading the number's list
    if f.table is None and lead is not None and prop is not None and not under_load and how != "hint" \
            and (not cands or cands[0].how == "heading" or idx.entity_kind.get(cands[0].eid) == "model-class"):
        m = _DATED_BOLD_LEAD_RE.fullmatch(view, lead[0], lead[1])
        if m is not None:
            k0, k1 = bisect.bisect_left(hit_starts, m.start("n")), bisect.bisect_left(hit_starts, m.end("n"))
            named = {e for _, _, e in alias_hits[k0:k1] if e}
            if not named and all(w[0].isupper() for w in m.group("n").split()) \
                    and all(c.how == "heading" or idx.entity_kind.get(c.eid) == "model-class" for c in cands):
                # "**GShard** (June 2020):" over "- 600B parameters total": a thing released then,
                # the registry lacking it, whose figures the items give (not the class of models
                # the article's title names)
                cands, lead_name = [], m.group("n").strip()
            elif len(named) == 1 and idx.entity_kind.get(next(iter(named))) == "model" and cands:
                # "**DeepSeek-V2** (May 2024):" over "- 236B total parameters, fine-grained MoE": the
                # model the lead-in names, not the class a word of the item names
                cands = [_Candidate(next(iter(named)), "label", _TRUST["label"])]
    if lead_name is None and bold_lead is not None and prop is not None and not under_load and how != "hint" \
            and cands and cands[0].how == "heading" and idx.entity_kind.get(cands[0].eid) == "organisation" \
            and "model" in kinds and (bm := _BOLD_MODEL_LEAD_RE.fullmatch(view, *bold_lead)) is not None:
        k0, k1 = bisect.bisect_left(hit_starts, bm.start("n")), bisect.bisect_left(hit_starts, bm.end("n"))
        named = {e for _, _, e in alias_hits[k0:k1] if e}
        if named <= {cands[0].eid} and all(c.how == "heading" for c in cands):
            # "## Anthropic Claude" then "**Claude Haiku 4**" over "- Input: $0.25 | Output: $1.25",
            # "## Mistral AI" then "**Mistral Small**" over "- Input: $0.20": a model the registry
            # lacks, named by the bold line heading its list, whose prices the items give (not
            # the company the section's heading names)
            cands, lead_name = [], bm.group("n").strip()
    led_by = None  # the list lead-in's subject, where an item that names nothing is given it
    if not cands and f.table is None and lead is not None and prop is not None and not under_load \
            and how != "hint" and not _names_any(alias_hits, hit_starts, sent_lo, d.span_start) \
            and not _names_any(alias_hits, hit_starts, d.span_end, sent_hi) \
            and (f.q.gpu_span is not None or not _names_any(alias_hits, hit_starts, d.span_start, d.span_end)):
        led = _lead_subject(view, lead, alias_hits, hit_starts)
        if led is not None and not _supposes_or_owns(spans, view, sent_lo, sent_hi, d.span_end, inst_lo, inst_hi):
            # "**Alberta, Canada Case Study:**" over "- **Problem:** 16,000 MW requested",
            # "**Colossus Supercomputer (Memphis, Tennessee):**" over "- **Planned Expansion:** 1
            # million GPUs by 2026": an item that names nothing, in a list whose lead-in opens with a registry thing, is about that
            # thing, even for a property chiefly of the article's own things (its label names
            # what of the thing the number measures); the property chosen again where it does
            # not apply to the thing's kind; but not a model leading a list of figures of the
            # article's own things (the prompts and completions of a run of the model: the run's;
            # on dev-A, 4 such guesses, none right)
            ekind = idx.entity_kind.get(led, "")
            if not (own_kinds and ekind in ("model", "model-class")) \
                    and (not kinds or ekind in kinds or _chiefly_of(idx, d, values, ctx_words, f, local, own, wide, ekind)):
                cands = [_Candidate(led, "label", _TRUST["label"])]
                led_by = led
    spec_intro = intro if f.table is None and lead is None else None
    if not cands and f.table is None and lead is not None and prop is not None and not under_load \
            and _BARE_LEAD_RE.fullmatch(view, lead[0], lead[1]) is not None \
            and not _names_any(alias_hits, hit_starts, lead[0], lead[1]):
        # "### NVIDIA H100 (Hopper)" / "**Specifications:**" over "- **Memory Bandwidth**: 3 TB/s":
        # a lead-in of a word or two that names nothing ("Specifications:", "Key specs:") passes
        # on the heading right above it (blank lines between), as if the list stood under it
        spec_intro = _heading_above(view, lead[0])
    if not cands and f.table is None and spec_intro is not None and prop is not None and not under_load \
            and how != "hint" and _SPEC_ITEM_RE.match(view, view.rfind("\n", 0, sent_lo) + 1) is not None \
            and not _names_any(alias_hits, hit_starts, sent_lo, sent_hi):
        # "1. NVIDIA H100 (Hopper Architecture)" / "The H100, launched in 2022, marked a leap." over
        # "- Memory Bandwidth: 3.35 TB/s": a spec sheet's labelled items that name nothing, under a
        # line that opens with a GPU (as its sentence's subject), are that GPU's, as under a
        # lead-in ending with ':' (the lead-in way)
        led = _lead_subject(view, spec_intro, alias_hits, hit_starts)
        if led is not None and idx.entity_kind.get(led) == "gpu" \
                and (not kinds or "gpu" in kinds
                     # "### H100" over "- **VRAM:** 80 GB": a word that names a model's need too
                     # (serving memory's cue) gives the card its own property of the kind
                     or _chiefly_of(idx, d, values, ctx_words, f, local, own, wide, "gpu")) \
                and not (_hypothetical(spans, view, sent_lo, sent_hi, d.span_end)
                         or _searched(spans, "inst", _INSTANCE_RE, view, inst_lo, inst_hi)):
            cands = [_Candidate(led, "label", _TRUST["label"])]
            led_by = led
    if not cands and f.table is None and prop is not None and not under_load and how != "hint" \
            and _LIST_LINE_RE.match(view, view.rfind("\n", 0, sent_lo) + 1) \
            and not _names_any(alias_hits, hit_starts, sent_lo, sent_hi):
        named = _list_model_item(idx, view, sent_lo, alias_hits, hit_starts, spans)
        if named is not None and (not kinds or idx.entity_kind.get(named) in kinds):
            # "## GPU Specifications" over "- **Model**: NVIDIA H200" and "- **Memory**: 141GB HBM3e":
            # a list one of whose items says which model or card it describes gives that thing
            # the figures of its items that name nothing
            cands = [_Candidate(named, "label", _TRUST["label"])]
            led_by = named
    listed_gpu = False
    if not cands and f.table is None and intro is not None and prop is not None and not under_load \
            and how != "hint" and "per " in view[view.rfind("\n", 0, sent_lo) + 1:d.span_start].lower():
        item_lo = view.rfind("\n", 0, sent_lo) + 1
        if _LIST_LINE_RE.match(view, item_lo) and _PER_GPU_LABEL_RE.search(view, item_lo, d.span_start) \
                and not _names_any(alias_hits, hit_starts, sent_lo, sent_hi):
            gpu = _list_one_gpu(idx, view, intro[1], alias_hits, hit_starts)
            if gpu is not None and _chiefly_of(idx, d, values, ctx_words, f, local, own, wide, "gpu"):
                # "**Configuration:**" over "- **GPU cluster:** 25,000 NVIDIA A100 GPUs" and "-
                # **Power per GPU:** 700W (at load)": an item whose label says its number is per
                # GPU, naming nothing itself, is about the one GPU the list's items name
                cands = [_Candidate(gpu, "label", _TRUST["label"])]
                listed_gpu = True
    provider_item = record_gpus = None
    if f.table is None and subject is not None and prop is not None and prop.id == "rental-price" and kinds \
            and kinds[0] == "gpu" and not under_load and how != "hint" \
            and not any(idx.entity_kind.get(c.eid) != "organisation" for c in cands):
        provider_item = _provider_item_gpu(idx, view, d.span_start, subject, alias_hits, hit_starts)
        if provider_item is not None:
            # "# H200 GPU Pricing Summary" over "2. **Vast.ai**: $2.19/hr - Excellent spot pricing":
            # a list item labelled by a provider (or by a name the registry lacks), giving an
            # hourly price and naming no GPU, prices the one GPU the article's title names, as
            # the same article's table rows do; the provider is the price's condition
            cands = [_Candidate(provider_item[0], "heading", _TRUST["heading"])]
    if f.table is None and provider_item is None and prop is not None and prop.id == "rental-price" \
            and view.count(",", view.rfind("\n", 0, d.span_start) + 1, d.span_start) >= 2:
        provider_item = _comma_record_gpu(idx, view, d.span_start, alias_hits, hit_starts)
        record_gpus = _RECORD_COUNT_RE.match(view, view.rfind("\n", 0, d.span_start) + 1)
        if provider_item is not None:
            # "1xA100, 40GB, Runpod, $0.89/hr": a line of comma-separated fields, a GPU first and
            # a provider before the price, rents the GPU at that provider (a condition)
            cands = [_Candidate(provider_item[0], "before", _TRUST["before"])]
    new_ok = own_kinds or f.table is not None or under_load
    if f.table is None and not scenario and d.property in _CASE_LOAD_PROPERTIES \
            and all(c.how == "heading" for c in cands) \
            and (_worked_case_heading(spans, view, headings, d.span_start)
                 # "### If Switched to Gemini 2.0 Flash" over "- Input: 400K tokens × $0.10/1M =
                 # **$0.040**": a load multiplied by a price in a written-out cost is the cost's
                 # workload (the article's own, as the cost is), whatever model the heading names
                 or _TIMES_PRICE_AFTER_RE.match(view, d.span_end) is not None):
        # "### Scenario 1: High Volume Chat (GPT-4o-mini vs Claude 3.5 Haiku)" over "- 50M input
        # tokens/month, 10M output tokens/month", "### Scenario 1: Customer Service Bot (1M
        # queries/month, ~500 tokens avg)": the load a worked case supposes is the case's own (a
        # workload of the article's), not the model its heading names first nor what the article
        # is about
        scenario, cands = True, []
    local_how = {"table-column", "table-row", "in-unit", "before", "after", "table-intro", "previous", "label",
                 "paragraph"}
    # the heading's entity, when it is of the kind the property is chiefly about ("## The
    # Gaudi 2" over "96 GB of HBM2E per chip"), rather than a thing of the article's own
    headed = bool(cands) and cands[0].how == "heading" and bool(kinds) \
        and (idx.entity_kind.get(cands[0].eid) == kinds[0]
             or idx.entity_kind.get(cands[0].eid) in _HEADED_KINDS and idx.entity_kind.get(cands[0].eid) in kinds)
    if cands and f.table is None and kinds and kinds[0] in _NEW_KINDS and cands[0].how in ("previous", "after") \
            and bracketed != cands[0].eid and cands[0].eid != priced_model and cands[0].eid != f.owner \
            and not (cands[0].how == "previous" and _PRONOUN_OPENER_RE.match(view, sent_lo)) \
            and not (cands[0].how == "previous" and lead is not None and ":" in view[lead[1] - 3:lead[1]]
                     and (_LEAD_POINTS_BACK_RE.search(view, max(lead[0], lead[1] - 80), lead[1])
                          or d.property == "gpu-count"
                          and _lead_subject(view, lead, alias_hits, hit_starts) == cands[0].eid)):
        # (nor a list item under a lead-in that points back so: "This instance boasts:" over
        # "* 8 NVIDIA A100 GPUs", the instance the sentence before names)
        # a property chiefly of things of the article's own (a job, a cluster, a data centre)
        # whose own clause names no registry thing before the number: the article's own thing
        # ("We could use two hosts with 8 GPUs each" after a sentence on Nvidia's chips), not a
        # thing named in the sentence before or after the number ("spending $3,000 a month on
        # OpenAI's API": the writer's usage); but a sentence whose subject is a pronoun ("It
        # intends to deploy 10 gigawatts", "They run 20 data centres") is about the thing the
        # sentence before names, as its subject
        cands = []
    if not cands and f.table is None and prop is not None and _CURRENCY_DIM_RE.fullmatch(unit_key(d.unit)[0]) \
            and how not in ("hint", "only", "cue") and not under_load:
        # "170€ can be the cost of your P40 GPU", "some a100 gpus. They cost about $10k each": an
        # amount said to be the cost of one piece of hardware named right after it, or what each
        # of the things the sentence before names costs, is that hardware's price (not a cost of
        # the writer's own: the property chosen again for it)
        bought = _bought_hardware(idx, view, d.span_end, sent_lo, sent_hi, alias_hits, hit_starts)
        if bought is None and _PRONOUN_OPENER_RE.match(view, sent_lo) and _EACH_RE.match(view, d.span_end) \
                and prev_sents:
            lo, hi = prev_sents[0]
            k0, k1 = bisect.bisect_left(hit_starts, lo), bisect.bisect_left(hit_starts, hi)
            named = {e for _, _, e in alias_hits[k0:k1] if e}
            if len(named) == 1 and idx.entity_kind.get(next(iter(named))) in _BOUGHT_KINDS:
                bought = (next(iter(named)), "previous")
        if bought is not None:
            if _chiefly_of(idx, d, values, ctx_words, f, local, own, wide, idx.entity_kind.get(bought[0], "")):
                cands = [_Candidate(bought[0], bought[1], _TRUST[bought[1]])]
    if cands and f.table is None and d.property in _SIZE_PROPERTIES \
            and (_ONE_MODEL_AFTER_RE.match(view, d.span_end) or _ONE_MODEL_BEFORE_RE.search(view, max(0, d.span_start - 40), d.span_start)):
        # "a 1T parameter MoE model", "the 7B parameter model", "a large MoE model (1T params)": a
        # size of one model (the noun in the singular) is the size of a model of the class, not
        # of the class ("models employing MoE scale to over 1 trillion parameters" is the class's)
        cands = [c for c in cands if c.how not in _PROSE_HOWS or idx.entity_kind.get(c.eid) != "model-class"]
    if cands and f.table is None and d.property in _MEMORY_SIZE_PROPERTIES \
            and (pm := _PER_PART_AFTER_RE.match(view, d.span_end)) is not None \
            and (pm.group(0).strip(" )").lower().startswith("per")
                 or _PARTS_BEFORE_RE.search(view, max(sent_lo, d.span_start - 80), d.span_start)):
        # "the B200 features 8 stacks of HBM3e (24GB each)", "24 GB per stack": the size of one
        # stack (die, module) of the card's memory, not the card's memory
        cands = []
    if cands and f.table is None and d.property in _SETUP_PROPERTIES and cands[0].how == "before" \
            and idx.entity_kind.get(cands[0].eid) == "model" \
            and not _WAS_TRAINED_RE.search(view, sent_lo, d.span_start):
        # the GPUs, the batch or the concurrency a model named before the number is run with in
        # prose ("fine-tune Mixtral on a single A100", "the 7B model is trained on 128 A100 GPUs",
        # "Llama 3.1 405B can be served by 8x GPUs"): the set-up of a run of the article's own
        # (its training or serving), not a figure of the model (on the development articles'
        # dev-A half none of 9 such guesses was right); but the training a model had, reported
        # ("Llama 3.1 405B was trained on 16K H100s"), is the model's
        cands = []
    if f.table is None and prop is not None and (am := _COMPANY_ANAPHOR_RE.match(view, sent_lo)) is not None \
            and not (cands and cands[0].how in local_how and idx.entity_kind.get(cands[0].eid) == "organisation"
                     and not (cands[0].how == "previous" and _last_listed_backer(view, alias_hits, hit_starts,
                                                                                 cands[0].eid, sent_lo))) \
            and not _apposed_company(idx, view, am, alias_hits, hit_starts):
        # "The company shipped about 2 million H100s": the company last named before, in the
        # section (its heading too) or the 3,000 characters before, whatever else is named
        # near ("The firm's H100 cluster ..." is the firm's)
        hk = bisect.bisect_right(headings, (sent_lo, "")) - 1
        lo = max(headings[hk][0] if hk >= 0 else 0, sent_lo - 3000)
        k = bisect.bisect_left(hit_starts, sent_lo) - 1
        while k >= 0 and alias_hits[k][0] >= lo and (idx.entity_kind.get(alias_hits[k][2] or "") != "organisation"
                                                     or _listed_backer(view, alias_hits[k][0], lo)):
            # (a backer the company's backers are listed as, "Past backers of the startup include
            # BMW and Microsoft", is not the company the text goes on about)
            k -= 1
        org = alias_hits[k][2] if k >= 0 and alias_hits[k][0] >= lo else None
        if org is not None and subject is not None and not cands \
                and not _names_any(alias_hits, hit_starts, sent_lo, sent_hi) \
                and (subject.about(d.span_start, kinds) or ("",))[0] == org:
            org = None  # the section's or the article's subject, which the guess below makes
        if org is not None:
            fits = "organisation" in kinds or "any" in kinds
            if not fits and how not in ("hint", "only", "cue"):
                fits = _chiefly_of(idx, d, values, ctx_words, f, local, own, wide, "organisation")
            if fits:
                cands = [_Candidate(org, "previous", _TRUST["previous"])] + [c for c in cands if c.eid != org]
    # a table of one thing's figures over time, under a heading (or text) that names a company
    # or a region ("### Data centre load (US)" over "| 2023 | 176 TWh |"): that subject's figures
    # (not "| Q3 2024 | $3,300 |" under a GPU's name: a worked run on the GPU)
    if cands and f.table is None and not kinds and cands[0].how == "previous" and len(cands) > 1 \
            and cands[1].score >= 0.6 * cands[0].score and cands[1].eid not in idx.broader.get(cands[0].eid, ()) \
            and not _ANAPHOR_RE.search(view, sent_lo, sent_hi):
        # a number of no kind of thing (a ratio, a change) whose sentence names nothing and points
        # back to nothing, the sentence before naming one thing with a rival near alike (its tag's
        # "contested"): no guess of either (on the development articles' dev-A half 1 such guess
        # in 5 was right; most are the article's own, "On-demand is roughly 2-3x more")
        cands = []
    if cands and f.table is None and (rival := _RIVAL_OWNS_RE.search(view, max(sent_lo, d.span_start - 64), d.span_start)) \
            and not _RIVAL_TIME_RE.match(rival.group("name")) \
            and bisect.bisect_left(hit_starts, rival.start("name")) == bisect.bisect_left(hit_starts, rival.end("name")):
        # "GPT-4o mini's lower output rate of $0.60 per million tokens versus Claude's $4.00": the
        # rival the registry does not name owns the number, not the thing the sentence is about
        cands = []
    if cands and f.table is None \
            and (at := _versus_owner(view, d.span_start, d.span_end, sent_lo, sent_hi)) is not None \
            and (rival := _RIVAL_NAME_RE.match(view, at)) is not None \
            and not _RIVAL_TIME_RE.match(rival.group("name")) \
            and bisect.bisect_left(hit_starts, rival.start("name")) == bisect.bisect_left(hit_starts, rival.end("name")):
        # "DeepSeek's API costs 6 cents per million input tokens versus $1.37 for Opus": the rival
        # named after "for", which the registry does not name, owns the number, not the subject
        cands = []
    if cands and f.table is None and d.property in _RAISED_PROPERTIES \
            and "nvestment" in view[(line_lo := view.rfind("\n", 0, sent_lo) + 1):d.span_start]:
        # "OpenAI funding history: Microsoft Extended Investment 2023, $10.0B raised, $29.0B val.":
        # a company named as the label of an investment ("Microsoft Investment", "Amazon
        # Investment 2023") is the investor; the round and the valuation it sets are the company's
        # that is invested in, not the investor's
        # (in the number's line: "... Funding Round 2024, $6.6B raised, $157.0B val." after it)
        k0, k1 = bisect.bisect_left(hit_starts, line_lo), bisect.bisect_left(hit_starts, d.span_start)
        investors = {e for a, b, e in alias_hits[k0:k1]
                     if e and idx.entity_kind.get(e) == "organisation" and _INVESTOR_LABEL_RE.match(view, b)}
        if investors:
            cands = [c for c in cands if c.eid not in investors or c.how not in _PROSE_HOWS]
    if cands and f.table is None and d.property in _RAISED_PROPERTIES \
            and (rm := _ROUND_FOR_AFTER_RE.match(view, d.span_end, sent_hi)) is not None \
            and not _RIVAL_TIME_RE.match(rm.group("name") or "") \
            and bisect.bisect_left(hit_starts, rm.start("name") if rm.group("name") else rm.start("name2")) \
            == bisect.bisect_left(hit_starts, rm.end()):
        # "Nvidia led a $2 billion funding round for the one-year-old Reflection AI", "a $300 million
        # funding round for a promising quantum computing startup": a round (or the valuation it
        # sets) is the company's that raises it, named after "for" or "in"; one the registry does
        # not name is a company of the article's own, not the investor named before
        cands = []
    if cands and f.table is None and "alu" in view[max(sent_lo, d.span_start - 80):d.span_start] \
            and (vm := _VALUED_NAME_AT_RE.search(view, max(sent_lo, d.span_start - 80), d.span_start)) is not None \
            and not _RIVAL_TIME_RE.match(vm.group("name")) \
            and bisect.bisect_left(hit_starts, vm.start("name")) == bisect.bisect_left(hit_starts, vm.end("name")):
        # "PitchBook valued Enfabrica at approximately $600 million": the amount is the valuation of
        # the company valued; one the registry does not name is a company of the article's own, not
        # the sentence's (or the sentence before's) registry company
        cands = []
    if len(cands) > 1 and f.table is None and idx.entity_kind.get(cands[0].eid) in _CLASS_KINDS:
        named = _apposed_name(idx, view, alias_hits, hit_starts, sent_lo, d.span_start, cands[0].eid)
        if named is not None and any(c.eid == named for c in cands):
            # "We present DeepSeek-V3, a strong Mixture-of-Experts (MoE) language model with 671B
            # total parameters": the class names what the model named before it is, not the number's
            # thing
            cands = [c for c in cands if c.eid == named] + [c for c in cands if c.eid != named]
    over_time = bool(cands) and f.table is not None and cands[0].how in ("heading", "table-intro") \
        and idx.entity_kind.get(cands[0].eid) in _SUBJECT_KINDS and _period_rows(f.table)
    if cands and not scenario and (cands[0].how in local_how or headed or over_time or not new_ok):
        top = cands[0]
        d.entity = top.eid
        broader = idx.broader.get(top.eid, ())
        rival = next((c for c in cands[1:] if c.eid not in broader), None)
        margin = "sure" if rival is None or rival.score < 0.6 * top.score or top.eid == f.owner else "contested"
        tag = f"{top.how}|{margin}|{'kind' if kinds else 'nokind'}"
        if top.how == "paragraph":
            # a sentence further back than the previous two: confident as a link to a sentence
            # before is, no more (an unknown way would shrink to the share of all ways, 0.56,
            # past kb vet's gate; on dev-A it flagged 3 correct claims)
            tag = f"previous|{margin}|{'kind' if kinds else 'nokind'}|paragraph"
        if top.how == "after" and f.defined:
            # "1,200 watts. That's the thermal design power of Nvidia's B200 GPU": the next sentence
            # says outright whose the number is, a way of its own (not a name that merely follows the
            # number, "after", right about a third of the time; until a refit measures it, an
            # unmeasured way is as confident as all ways together)
            tag = f"defines|{margin}|{'kind' if kinds else 'nokind'}"
        if top.how == "label" and led_by is not None and top.eid == led_by:
            # "Each H100 SXM provides:" over "- Peak FP8: 3,958 TFLOPS": an item naming nothing
            # given its list lead-in's subject is a way of its own, not a line's own label
            # ("- DeepSeek-V3: ~$300K"), with which it shared a tag: right on all 7 development
            # guesses (own labels 126 of 167) and on 3 of 3 in fresh articles judged by hand,
            # while the shared tag's share before tuning (the two ways together, 29 of 75) held
            # both under kb vet's entity gate; unmeasured until a refit (as confident as all
            # ways together, as "defines" and "listed-gpu" are)
            tag = f"lead-in|{margin}|{'kind' if kinds else 'nokind'}"
        if top.how == "label" and label_name is not None and top.eid == label_name and led_by is None:
            # "- GPT-4.1 nano: $0.150/1M input tokens", "- **Claude 3.5 Haiku**: $0.25 input":
            # a line whose label is a registry name and nothing else states that thing's figure,
            # as a table row labelled by the name does; a way of its own, not a label that holds
            # a name among other words ("- GPT-4o savings: 20%", "- Claude Sonnet (batch): ...")
            # with which it shared a tag (right on 14 of 30 guesses on articles before tuning,
            # which held every such line under kb vet's entity gate); unmeasured until a refit
            # (as confident as all ways together, as "lead-in" and "defines" are)
            tag = f"label-name|{margin}|{'kind' if kinds else 'nokind'}"
        if top.how == "label" and listed_gpu:
            # a list's per-GPU item given the one GPU its sibling items name: a way of its own,
            # unmeasured until a refit (as confident as all ways together, as "defines" is)
            tag = f"listed-gpu|{margin}|{'kind' if kinds else 'nokind'}"
        if top.how == "previous" and f.table is None and lead is not None and top.eid == _bold_name(view, lead, alias_hits, hit_starts):
            # "**Claude Opus 4.1**" over "- Input: $15.00 | Output: $75.00": a list headed by a
            # bold line that is a registry name and nothing else states that thing's figures, as
            # a line labelled by the name alone does ("label-name"); a way of its own, not a
            # sentence before (right about half the time); unmeasured until a refit (as
            # confident as all ways together, as "label-name" and "lead-in" are)
            tag = f"bold-name|{margin}|{'kind' if kinds else 'nokind'}"
        if top.how == "previous" and _ANAPHOR_RE.search(view, sent_lo, sent_hi):
            tag += "|anaphor"  # the number's sentence points back to a thing named before ("It", "The company")
        d.entity_confidence = calibrated("entity", tag)
        d.evidence["entity"] = tag
        ekind = idx.entity_kind.get(d.entity, "")
        if prop is not None and kinds and how not in ("hint", "only") and not kept_property and not timed \
                and (ekind not in kinds and "any" not in kinds or ekind not in kinds[:2]):
            was = d.property, d.property_confidence, d.evidence.get("property")
            _repick(idx, d, values, ctx_words, f, local, {ekind}, own, wide)
            if top.how == "label" and f.table is None and d.property != was[0] \
                    and not _within_envelope(idx, d.unit, values, d.property, ekind):
                # "**L4 ($0.75/hour - Cloud):**" over "- Cost: ~$2-3": a list line's label (or its
                # lead-in) names the card a run of the writer's was on; what the run cost is no
                # price of the card's, a figure of that kind's properties only past their bounds
                # ($2 to buy a GPU): a thing of the article's own, its property kept
                d.property, d.property_confidence, d.evidence["property"] = was
                d.entity, d.entity_new = None, _new_entity_name(f, view, (sent_lo, sent_hi))
                d.evidence["entity"] = "new|prose"
                d.entity_confidence = calibrated("entity", d.evidence["entity"])
        if d.property == "purchase-price" and f.table is not None and top.how == "table-row" and ekind == "organisation" \
                and (col := f.table.column_header(f.col)) is not None and "rice" in col.text \
                and _SHARE_PRICE_HEAD_RE.fullmatch(col.text) and _fits_property(idx, d.unit, values, "share-price"):
            # "| NVDA | NVIDIA | $224.08 | +5.32% |" under "| Ticker | Name | Price | Δ% |": the price
            # in a company's row is of a share of its stock (a company is no thing one buys whole)
            d.property, d.property_confidence = "share-price", calibrated("property", "weak|repicked")
            d.evidence["property"] = "weak|repicked"
        if d.property == SHARE and f.table is not None and top.how == "table-row" and ekind == "model" \
                and d.evidence.get("property", "").split("|")[0] not in ("hint", "cue"):
            # "| GPT-5.2 | 100% | 98% |" under "### Results (Typical)": a percent in a model's row
            # that no word names a part of something (a share of a market, of traffic, of
            # users) is the model's score on what the table measured
            chain = _table_headings(spans, view, headings, f.table.start)
            if SHARE_WORDS_RE.search(local) is None and SHARE_WORDS_RE.search(chain) is None \
                    and _fits_property(idx, d.unit, values, MODEL_SCORE):
                d.property, d.property_confidence = MODEL_SCORE, calibrated("property", "weak|repicked")
                d.evidence["property"] = "weak|repicked"
        if d.property == SHARE and f.table is None and ekind == "model" and not f.whole \
                and d.evidence.get("property", "").split("|")[0] not in ("hint", "cue") \
                and (sp := idx.prop_by_id.get(MODEL_SCORE)) is not None and sp.cue is not None \
                and sp.cue.search(view, sent_lo, sent_hi) is not None and SHARE_WORDS_RE.search(local) is None \
                and _fits_property(idx, d.unit, values, MODEL_SCORE):
            # "It scores 88.7% on MMLU versus GPT-4o's 87.2%, 59.4% on GPQA Diamond": a model's
            # percentage in a sentence that speaks of a benchmark or a score, with no word of a part
            # of something near it, is the model's score (as in a table of models' results, above)
            d.property, d.property_confidence = MODEL_SCORE, calibrated("property", "weak|repicked")
            d.evidence["property"] = "weak|repicked"
        if org_fallback is not None and d.entity == org_fallback:
            # (the company passed over, above: a thing of the article's own, its property kept)
            d.entity, d.entity_new = None, _new_entity_name(f, view, (sent_lo, sent_hi))
            d.evidence["entity"] = "new|prose"
            d.entity_confidence = calibrated("entity", d.evidence["entity"])
    elif lead_name is not None:
        d.entity_new = lead_name
        d.evidence["entity"] = "new|prose"
        d.entity_confidence = calibrated("entity", d.evidence["entity"])
    elif not scenario and (f.table is None or not cands) and subject is not None and prop is not None \
            and not (f.table is not None and _unnamed_model_row(idx, f.table, f.row, alias_hits, hit_starts)) \
            and not (f.table is None and _VERSIONED_STARTS and _starts_between(_VERSIONED_STARTS, sent_lo, d.span_start)) \
            and (d.unit != "x" or not _compares_thing(spans, view, sent_lo, sent_hi)) \
            and not (f.table is None and _unknown_subject(view, sent_lo, d.span_start, alias_hits, hit_starts)) \
            and _states_plainly(spans, view, *_unlike_investors(f, alias_hits, hit_starts, sent_lo, sent_hi, view), sent_lo,
                                sent_hi, d.span_end, inst_lo, inst_hi) \
            and not (f.table is not None and f.table.rows[f.row]
                     and _INSTANCE_CODE_RE.fullmatch(_MARKS_RE.sub("", f.table.rows[f.row][0].text).strip())) \
            and (about := _subject_for(idx, subject, d, kinds, how, values, ctx_words, f, local, own, wide)) is not None \
            and (f.table is None or about[0] in subject.title):
        # nothing named near that the property applies to: what the section or the article is about;
        # in a table whose rows and columns name nothing, only what the title names ("# Acme Corp:
        # Financial Analysis" over "| Net Loss | -$110.1M |"): the subject counted from the text is
        # no guess there (a cost table's rows are the article's own things)
        d.entity = about[0]
        if f.table is not None and kinds and kinds[0] == "product" and not about[2] and "user" in prop.canonical \
                and idx.entity_kind.get(about[0]) == "organisation":
            # "## User Metrics" over "| Monthly Active Users | 27.8 million |" in a profile of xAI:
            # a service's users are its product's (as the rule for a named company above reads
            # them), the one of the company's products the text names most often
            about = (_main_product(idx, about[0], alias_hits) or about[0],) + tuple(about[1:])
            d.entity = about[0]
        tag = f"subject|{about[1]}|{'kind' if kinds else 'nokind'}"
        d.entity_confidence = calibrated("entity", tag)
        d.evidence["entity"] = tag
        if about[2]:
            # the property guessed from the words near applies to no such thing: the subject's own
            _repick(idx, d, values, ctx_words, f, local, {idx.entity_kind.get(d.entity, "")}, own, wide)
    elif f.table is None and not cands and not scenario and subject is not None and prop is not None \
            and not under_load and (org := subject.company_section(d.span_start)) is not None \
            and _states_plainly(spans, view, alias_hits, hit_starts, sent_lo, sent_hi, d.span_end, inst_lo, inst_hi):
        # an article that gives each of several companies its own section ("## 1. RunPod - GPU
        # Arbitrage Leader" over "- **Lowest overall pricing**: $0.17-$4.18/hr", "## 3. Hyperstack"
        # over "350 Gbps networking"): a number whose sentence names nothing is what the section's
        # company offers, whatever kind of thing the property is chiefly of (its property kept)
        d.entity = org
        d.evidence["entity"] = "subject|section|company"  # (read as what the section is about)
        d.entity_confidence = calibrated("entity", d.evidence["entity"])
    elif f.table is None and not cands and subject is not None and prop is not None and kinds and kinds[0] == "model" \
            and not under_load and (made := _title_makers_model(idx, subject, alias_hits, d.span_start)) is not None \
            and _states_plainly(spans, view, alias_hits, hit_starts, sent_lo, sent_hi, d.span_end, inst_lo, inst_hi):
        # a figure of a model (a context window) in an article whose title names a company that
        # makes models, the article naming one model of its own ("Google's AI moat" with "the
        # 2.5 Gemini models"), the number's sentence naming nothing: that model's ("that 1
        # million token context window that broke our brains")
        d.entity = made
        d.evidence["entity"] = "subject|article|maker"  # (read as what the article is about)
        d.entity_confidence = calibrated("entity", d.evidence["entity"])
    elif f.table is None and not scenario \
            and (org := _stock_owner(idx, view, para_lo, alias_hits, hit_starts, sent_lo, sent_hi, subject)) is not None:
        # a number in the language of a company's stock ("a $162.50 target for Nvidia stock",
        # "earnings of $10 per share, equaling a $250 target", "the stock is worth ~$295/share")
        # that nothing else claims: the company the passage is about (named most in the sentence
        # and the stretch of its section before), not a thing of the article's own
        d.entity = org
        d.evidence["entity"] = "stock|sure|" + ("kind" if kinds else "nokind")
        d.entity_confidence = calibrated("entity", d.evidence["entity"])
    elif f.table is not None and not scenario and (prop is not None or d.property == "difference") \
            and all(c.how == "heading" for c in cands) and (not kinds or kinds[0] in ("organisation", "any")) \
            and (org := _heading_company(idx, view, f.table, headings, alias_hits, hit_starts, spans)) is not None:
        # "## NVIDIA (NVDA)" over "### Financials" over "| Total Revenue | $60.9B | $130.5B |": a
        # table that names nothing, under headings of which the nearest naming anything names one
        # company alone, gives that company's figures (of a property of companies, or of no kind
        # of thing: a change, a share); the property chosen again among a company's
        d.entity = org
        d.evidence["entity"] = "heading|sure|" + ("kind" if kinds else "nokind")
        d.entity_confidence = calibrated("entity", d.evidence["entity"])
        if kinds and how not in ("hint", "only"):
            _repick(idx, d, values, ctx_words, f, local, {"organisation"}, own, wide)
    elif new_ok or not cands and (prop is not None or idx.prop_by_id):
        # nothing named near: a thing of the article's own ("= 26,249 GPU-Hours" of a worked example);
        # so too where no property fits the number ("Running this setup costs €13.698/h"), with a
        # registry to guess from
        d.entity_new = _new_entity_name(f, view, (sent_lo, sent_hi))
        # (a worked case's load in prose, below, keeps the way a thing of the article's own is
        # otherwise proposed there: its confidence is measured so)
        where = "scenario" if scenario and f.table is not None else "group" if f.grouped else "table" if f.table \
            else "prose" if new_ok else "unnamed"
        d.evidence["entity"] = f"new|{where}"
        d.entity_confidence = calibrated("entity", d.evidence["entity"])
        # (not where the words around the number name its property strongly: "can offer a 1
        # million token context window" stays a context window, whatever thing it is of; nor
        # where the thing is a group of the hardware named, "8x H100", and the property is one
        # a group of them has: a node's hourly rental stays a rental price)
        # nor a score its cue words name a benchmark of ("88.7% on MMLU and 90.2% on HumanEval"
        # of "the model"): a benchmark is run on a model, whatever the writer calls it; nor an
        # investment its cue words name ("$100K in a typical 401k", "holdings", "a stake"): a
        # saver's or a programme's money invested is so whatever thing of the article's own holds it
        if prop is not None and kinds and how not in ("hint", "strong") and not under_load \
                and not (f.grouped and not _GROUP_KINDS.isdisjoint(kinds)) \
                and (not own_kinds and "any" not in kinds or _NEW_KINDS.isdisjoint(kinds[:2])) \
                and not (prop.id in _CUE_KEEPS_KINDLESS and prop.cue is not None and prop.cue.search(local) is not None):
            _repick(idx, d, values, ctx_words, f, local, _NEW_KINDS, own, wide)
    else:
        d.entity_confidence = 0.0
    if d.entity and f.table is not None and d.evidence.get("entity", "").startswith("table-column") \
            and (variant := _variant_header(view, f, d.entity, alias_hits, hit_starts)) is not None:
        # "| Feature | GH200 | GH200 NVL2 |": a column headed by a registry name and more, beside
        # one headed by that name alone, is a variant the registry lacks (two superchips joined,
        # every figure doubled), not the thing of the plain column
        d.entity, d.entity_new = None, variant
        d.evidence["entity"] = "new|table"
        d.entity_confidence = calibrated("entity", d.evidence["entity"])
    if d.entity and f.table is not None and d.evidence.get("entity", "").startswith("table-row") \
            and idx.entity_kind.get(d.entity) == "organisation" and kinds and kinds[0] != "organisation" \
            and (thing := _unnamed_thing_cell(f, alias_hits, hit_starts, idx)) is not None:
        # "| Cohere | Command Light | 0.30 |", "| DeepSeek | DeepSeek-V3.1 (non-think) | 0.56 |" under
        # "| Provider | Model | Input $/1M |": the price is of the model the row's second cell
        # names, one the registry lacks, not of the provider the first cell names
        d.entity, d.entity_new = None, thing
        d.evidence["entity"] = "new|table"
        d.entity_confidence = calibrated("entity", d.evidence["entity"])
    if d.entity and f.table is not None and d.evidence.get("entity", "").startswith("table-column") \
            and idx.entity_kind.get(d.entity) == "organisation" and kinds and kinds[0] == "gpu" and f.col > 0 \
            and _unnamed_card_row(f, alias_hits, hit_starts, idx):
        # "| RTX A4000 | 16GB | $0.34/hr |" under "| GPU | VRAM | RunPod |", among rows of cards the
        # registry names ("| RTX A5000 | 24GB | $0.44/hr |"): the hourly price is of the row's card,
        # one the registry lacks, not of the provider heading the column
        d.entity, d.entity_new = None, _new_entity_name(f, view, (d.span_start, d.span_end))
        d.evidence["entity"] = "new|table"
        d.entity_confidence = calibrated("entity", d.evidence["entity"])
    fam = d.entity if d.entity in idx.sizes else idx.family.get(d.entity or "")
    if d.entity and fam in idx.sizes and d.value is not None and d.property == "parameters-total":
        # "Llama 3 comes in two sizes: 8B ... and 70B": the family's variant of that size (also
        # where a sibling of another size was named: "the Llama 2 7B ... models of 13B and 70B")
        f_b = unit_factor(d.unit, "billion parameter")
        if f_b is not None:
            size = d.value * f_b
            # (not where the entity is itself a variant of that size: "Qwen3-Omni-30B" stays
            # itself, not the family's plainer 30B model)
            own_sizes = _SIZE_RE.findall(d.entity.lower()) if d.entity != fam else ()
            for sz, variant in idx.sizes[fam].items():
                if abs(float(sz) - size) <= 0.01 * size and sz in own_sizes:
                    break
                if abs(float(sz) - size) <= 0.01 * size and variant != d.entity:
                    d.entity = variant
                    d.evidence["entity"] = d.evidence.get("entity", "") + "|size"
                    d.entity_confidence = calibrated("entity", d.evidence["entity"])
                    break
            else:
                if own_sizes and _BARE_SIZE_RE.fullmatch(d.raw or "") and not _EXPERTS_SIZE_RE.search(d.entity) \
                        and not any(abs(float(sz) - size) <= 0.01 * size for sz in own_sizes):
                    # "compared with 72B" beside Llama-3-70B, "other 30B models, such as Llama2-34B": a
                    # round size written as a model's size that is not the size in the named model's
                    # name, and no model of the family has it: another model, one the registry lacks
                    d.entity, d.entity_new = None, _new_entity_name(f, view, (d.span_start, d.span_end))
                    d.evidence["entity"] = "new|unnamed"
                    d.entity_confidence = calibrated("entity", d.evidence["entity"])
    if f.table is not None and d.property is not None and idx.entity_kind.get(d.entity or "") == "organisation":
        fixed = _company_table_property(f, d, values, idx)
        if fixed is not None and fixed != d.property:
            d.property, d.property_confidence = fixed, calibrated("property", "weak|repicked")
            d.evidence["property"] = "weak|repicked"
    if d.property in _CHANGE_PROPERTIES and d.unit == "percent" \
            and (pid := _margin_named_after(idx, view, _OR_HIGHER_RE.match(view, d.span_end).end(), values)):
        # "109% year-over-year growth with 55% net margin", "| Gross Profit | $26.2B | (74.6% margin) |"
        # under "YoY Change", "up to 75% or higher margins": a margin is a share of revenue, never a
        # change, whatever the neighbour, the column or a word of change before it says (margin85)
        if f.table is not None and pid == "gross-margin" and 0 <= f.row < len(f.table.rows) and f.col > 0 \
                and f.table.rows[f.row]:
            # (a bare "margin" in a cell is the margin of the result its row names: "| Operating
            # Income | $21,869.0M | (62.3% margin) |" is the operating margin)
            label = f.table.rows[f.row][0].text
            pid = next((p for rx, p in _MARGIN_OF if rx.search(label)), pid)
        if _fits_property(idx, d.unit, values, pid):
            d.property, d.property_confidence = pid, calibrated("property", "clear")
            d.evidence["property"] = "clear"
    prop = idx.prop_by_id.get(d.property)
    near = []
    lo = f.table.row_spans[f.row][0] if f.table is not None else sent_lo
    hi = f.table.row_spans[f.row][1] if f.table is not None else sent_hi
    k = bisect.bisect_left(hit_starts, lo)
    while k < len(alias_hits) and alias_hits[k][0] < hi:
        near.append(alias_hits[k][2])
        k += 1
    if f.table is not None:
        col = f.table.column_header(f.col)
        if col is not None:
            k = bisect.bisect_left(hit_starts, col.start)
            while k < len(alias_hits) and alias_hits[k][0] < col.end:
                near.insert(0, alias_hits[k][2])
                k += 1
    elif len(near) > 1 and (labs := _name_labels_before(view, d.span_start, lo, alias_hits, hit_starts)):
        # ("T4: 2-4 hours, V100: 1.5-3 hours": the V100's, not the sentence's first name's; no
        # other name of a label's kind is the number's, the T4's own "2-4 hours" no V100's;
        # "Modal A10 @ $1.10/hr or RunPod RTX 4090 @ $0.77/hr": RunPod's, not Modal's)
        kinds_of = {idx.entity_kind.get(e) for e in labs}
        near = labs + [e for e in near if idx.entity_kind.get(e) not in kinds_of]
    if f.table is None:
        at = (local, d.span_start - ctx_lo, d.span_end - ctx_lo)
    else:
        cell = f.table.rows[f.row][f.col]
        at = (view[cell.start:cell.end], d.span_start - cell.start, d.span_end - cell.start)
    cond_local = local
    if f.table is None and prop is not None and "tier" in prop.conditions:
        line_lo = view.rfind("\n", 0, d.span_start) + 1
        lm = _LINE_LABEL_RE.match(view, line_lo)
        if lm is not None and lm.end() <= d.span_start and _TIER_WORDS_RE.search(view[line_lo:lm.end()].lower()) \
                and lm.end() < ctx_lo:
            # "- **Cached input**: $1.25 / 1M tokens = $0.00000125/token": the line's label says
            # which tier every price on the line is, the second one too (its own words are cut
            # half-way to the first)
            cond_local = local + " " + view[line_lo:lm.end()]
    d.conditions = _guess_conditions(idx, f, prop, view[d.start:d.end], cond_local, conditions, near, at, view,
                                     headings, spans)
    if provider_item is not None and d.entity == provider_item[0]:
        # the provider is the one the item's label names ("Vultr ($1.99/hr) is 85% cheaper than
        # Azure": not Azure, the one it is compared with)
        if provider_item[1] is not None:
            d.conditions["provider"] = provider_item[1]
        else:
            d.conditions.pop("provider", None)
        if record_gpus is not None and int(record_gpus.group(1)) > 1 and "scope" in getattr(prop, "conditions", ()):
            d.conditions["scope"] = "per-instance"  # "2xA100, 80GB, Lambda, $2.2": the two GPUs' price
    if intro is not None and prop is not None and "precision" in prop.conditions and "precision" not in d.conditions:
        # "**H100 Theoretical Peak (FP16 Tensor Core):**" over "- Without sparsity: 494 TFLOPS": a
        # lead-in or heading over a list says the precision of every item that says none
        pm = _intro_precision(view, intro, conditions)
        if pm is not None:
            d.conditions["precision"] = pm
    elif f.table is not None and prop is not None and "precision" in prop.conditions and "precision" not in d.conditions:
        # "### 2.2.1 FP8" over "### Results" over the table; "... with FP8 quantization, 1000
        # requests." right over it: what the table's figures were measured at
        pm = _sibling_caption_precision(spans, view, headings, f.table, conditions) \
            or _lead_precision(spans, view, headings, f.table, conditions)
        if pm is not None:
            d.conditions["precision"] = pm
    if prop is not None and "basis" in prop.conditions and "basis" not in d.conditions and f.table is None \
            and _supposed_block(spans, view, d.span_start):
        # "... how many days it would take ... with a single H100:" over "```math ... =438657\;days":
        # the case the block works out is a supposed one (basis scenario: a range check says so
        # without flagging it)
        d.conditions["basis"] = "scenario"
    if prop is not None and "segment" in prop.conditions and "segment" not in d.conditions and f.table is None \
            and idx.entity_kind.get(d.entity or "") == "region" \
            and _DATA_CENTRE_BEFORE_RE.search(view, max(d.start, d.span_start - 80), d.span_start):
        # "the data centers in the United States were consuming 61.4 billion kWh per year": a
        # region's figure that its clause, before it and with no other number between, says is
        # its data centres' is the data-centre segment's, not the whole region's (curated so:
        # a region with segment data-center)
        d.conditions["segment"] = "data-center"
    if prop is not None and "provider" in prop.conditions and "provider" not in d.conditions \
            and subject is not None and not any(idx.entity_kind.get(e) == "organisation" for e in near if e):
        hit = _section_provider(idx, subject, d)
        if hit:
            d.conditions["provider"] = hit
    if prop is not None and "investee" in prop.conditions and "investee" not in d.conditions and subject is not None \
            and idx.entity_kind.get(d.entity or "") == "organisation":
        # "| **[[Amazon]]** | $4B |" under "### Key investors" of a company's profile: an
        # investor's stake, no company named beside it, is in the company the article is about
        hit = subject.about(d.span_start, ("organisation",))
        if hit is not None and hit[0] != d.entity and d.entity not in idx.broader.get(hit[0], ()):
            d.conditions["investee"] = hit[0]
    if prop is not None and f.table is not None and f.q.cur and "scope" in prop.conditions and "scope" not in d.conditions \
            and idx.entity_kind.get(d.entity or "") in ("gpu", "organisation") and (n := _row_gpu_count(f)) and n > 1:
        # "| p5.48xlarge | 8x H100 | $98.32 |", "| H100 | 8 | $37.52 |" under "| GPU | GPUs | Price/hr |": a
        # price in a row that counts several GPUs is the node's or the instance's, not one GPU's
        d.conditions["scope"] = "per-instance" if _row_is_instance(f) else "per-node"
    if prop is not None and prop.id in _ONE_GPU_PRICES and "provider" in d.conditions and "scope" in prop.conditions \
            and "scope" not in d.conditions and idx.entity_kind.get(d.entity or "") == "gpu":
        # "RunPod's H100: $2.79/hr": a provider's price of a GPU, with no scope said, is one GPU's
        d.conditions["scope"] = "per-gpu"
    if f.q.ratio and prop and "baseline" in prop.conditions:
        k = bisect.bisect_left(hit_starts, d.span_end)
        after = [h for h in alias_hits[k:k + 3] if h[0] < sent_hi and re.search(r"\bthan\b", view[d.span_end:h[0]])]
        if after and after[0][2]:
            d.conditions["baseline"] = after[0][2]
