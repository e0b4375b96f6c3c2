"""Draft-claim extractor: numbers with units, qualifiers and entity/property guesses.

``extract_text(text, entities, properties)`` scans a source text and proposes one
:class:`Draft` per numeric mention that carries a unit: ``405 billion parameters``,
``$0.03 / 1K tokens``, ``$4.92/GPU-hour``, ``~400 W``, ``105,000x``, ``128k tokens``, ``70B``,
ranges (``$0.01 to $0.05 per token``, ``20-50 ms``, ``between 1,000x and 5,000x``), spelled
numbers with a scale word (``two million tokens``, ``about four times``), vague plurals read
as lower bounds (``billions of dollars`` = at least 1 billion USD), and a unit the sentence
leaves out (``13 billion parameters ... out of 47 billion``). It leaves out what is not a
claim: bare numbers (years, dates, page numbers, counts of things), clock times (``0:00``),
digits in model and product names (``GPT-4``, ``H100``, ``Llama-3``, ``8x7B``, and any
registry alias such as ``Llama 3.1 405B``), footnote markers, version numbers
(``v1.2.3``), ``1x``/``0%`` player furniture, ``6 min read`` bylines, and values the text
rejects (``not 56 billion``). Qualifier cues right before the number (``up to``, ``over``,
``exceeding``, ``more than``, ``at least``, ``around``, ``about``, ``nearly``, ``~`` ...) or
after it (``or more``, ``+``) set the qualifier.

Offsets (Python string indices). ``start``/``end`` delimit ``quote``, the clause around the
number (its sentence, cut to the clause when long) so that ``text[start:end] == quote``:
the form curated claims use. ``span_start``/``span_end`` delimit ``raw``, the number with
its unit and qualifier cue (``text[span_start:span_end] == raw``); evaluation matches on it.

Values. ``value`` (or ``low``/``high`` for a range) is the number as written and ``unit`` a
unit text of docs/data-format.md carrying the scale word: ``405 billion parameters`` ->
405 ``billion parameter``; ``$100 million per month`` -> 100 ``million USD/month``; ``128k
tokens`` -> 128 ``K token``; ``$0.03 / 1K tokens`` -> 0.03 ``USD per 1K tokens``; ratios are
``x`` and percentages ``percent``. ``value_text`` keeps the written digits so that trailing
zeros (``2.50``) survive into the draft file.

Guesses, each with a confidence in [0, 1]. The property is chosen among the properties whose
canonical unit has the draft unit's dimensionality and whose plausible ranges the value is
not a thousand times outside, scored by the words of the property's id, name and
description near the number (nearer words weigh more; words nearer another mention count
for that one) and by a shared denominator (``per hour`` -> rental price). The entity is the
nearest registry alias (case-insensitive, whole words; same sentence first, then up to two
sentences back within the paragraph) whose kind the property allows (its ``plausible``
kinds); an entity introduced by ``than`` is the baseline, not the subject. Conditions
(precision, sparsity, direction, scope, pricing, period, model, baseline) are guessed from
the mention's neighbourhood for the condition keys the property lists.

A block the article repeats word for word yields its drafts once (docs/data-format.md asks
the same of curated claims). The scan is linear in the text: about 2-4 MB/s.

The pieces: :mod:`kb.quantities` (the number, scale-word and unit grammar) and
:mod:`kb.guess` (the registry and the entity, property and condition guesses); this module
finds the mentions, builds the drafts and writes them.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kb.extract.linking import Registry, _guess, _index_for, _same_sentence, load_registry
from kb.extract.grammar import (_BETWEEN_RE, _CONNECT_RE, _PRE_CUE_RE, _SCALES, _VAGUE_RE, _Q, _candidate_starts, _factor,
                         _looks_like_year, _parse_at, _same_kind, _unit_text, _vague)

__all__ = ["Draft", "Registry", "extract_text", "load_registry", "extract_command",
           "drafts_document", "draft_record", "draft_id_prefix"]

@dataclass
class Draft:
    """One proposed claim. ``text[start:end] == quote``; ``text[span_start:span_end] == raw``."""

    quote: str
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    unit: str
    qualifier: str
    entity: str | None = None
    entity_confidence: float = 0.0
    property: str | None = None
    property_confidence: float = 0.0
    raw: str = ""
    span_start: int = 0
    span_end: int = 0
    conditions: dict = field(default_factory=dict)
    value_text: str | None = None
    low_text: str | None = None
    high_text: str | None = None


# --------------------------------------------------------------------------------------
# Sentences and clauses
# --------------------------------------------------------------------------------------

_BOUNDARY_RE = re.compile(r"[.!?…][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9$•\-–])|\n\s*|\s[•·|]\s")
_ABBREV_RE = re.compile(r"(?:\b(?:vs|e\.g|i\.e|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr"
                        r"|Inc|Corp|Ltd|Co|No|approx|est|U\.S|fig|Fig|al)\.)$")
_PARA_RE = re.compile(r"\n[ \t]*\n\s*")
_CLAUSE_SEP_RE = re.compile(r"[,;:]\s|\s[–—-]\s|\s\(")


def _sentence_starts(text: str) -> list[int]:
    starts = [0]
    for m in _BOUNDARY_RE.finditer(text):
        if m.group(0)[0] in ".!?…" and _ABBREV_RE.search(text, max(0, m.start() - 5), m.start() + 1):
            continue
        starts.append(m.end())
    return starts


# --------------------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------------------

def _skip_candidate(text: str, s: int) -> bool:
    if s >= 2 and text[s - 1] == "-" and text[s - 2].isalnum():
        return True  # GPT-4, Llama-3, NousCoder-14B, 2023-2024
    if s >= 2 and text[s - 1] == ":" and text[s - 2].isdigit():
        return True
    if s >= 1 and text[s - 1] in "#^/_":
        return True
    return False


def _qualifier(text: str, s: int, sent_start: int, q: _Q) -> tuple[str, int]:
    """Qualifier from the cue right before ``s`` (and trailing cues); start of the cue."""
    lo = max(sent_start, s - 40)
    m = _PRE_CUE_RE.search(text, lo, s)
    if m:
        kind = next(k for k in ("upper", "lower", "approx") if m.group(k))
        return {"upper": "upper_bound", "lower": "lower_bound", "approx": "approx"}[kind], m.start()
    return (q.post or "exact"), s


def _clause(text: str, starts: list[int], s: int, e: int) -> tuple[int, int]:
    i = bisect.bisect_right(starts, s) - 1
    ss = starts[i]
    se = starts[i + 1] if i + 1 < len(starts) else len(text)
    lo = ss
    if s - ss > 160:  # long sentence: start at the nearest clause boundary that keeps <= 160 chars
        for m in _CLAUSE_SEP_RE.finditer(text, ss, s):
            if s - m.end() <= 160:
                lo = m.end()
                break
    hi = se
    for m in _CLAUSE_SEP_RE.finditer(text, e, se):
        hi = m.start()
        break
    if hi - lo > 400:
        hi = min(hi, e + 120)
    while lo < hi and (text[lo].isspace() or text[lo] in "•·-–—*|"):
        lo += 1
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in ".,;:"):
        hi -= 1
    if hi < e:
        hi = e
    if lo > s:
        lo = s
    return lo, hi


_ELLIPSIS_LINK_RE = re.compile(r"\b(?:from|than|versus|vs\.?|against|compared (?:with|to)|instead of)\b", re.I)
_PER_TOKEN_RE = re.compile(r"\s+(?:per|for each|each|a)\s+token\b", re.I)
_NEGATION_RE = re.compile(r"\b(?:not|never)\s+(?:even\s+)?$", re.I)


def extract_text(text: str, entities=None, properties=None, *, conditions=None) -> list[Draft]:
    """Draft claims for ``text``; ``entities``/``properties`` are registry records (dicts)
    or a :class:`Registry` as ``entities``."""
    if isinstance(entities, Registry):
        entities, properties, conditions = entities.entities, entities.properties, entities.conditions
    if not text:
        return []
    idx = _index_for(entities, properties)
    conditions = conditions or {}
    alias_hits = idx.aliases_in(text, 0, len(text)) if idx.alias_re is not None else []
    hit_starts = [h[0] for h in alias_hits]
    hit_ends = [h[1] for h in alias_hits]
    starts = _sentence_starts(text)
    paras = [0] + [m.end() for m in _PARA_RE.finditer(text)]
    found: list[tuple[Draft, _Q]] = []
    seen: set = set()
    consumed = 0
    prev: tuple[Draft, _Q] | None = None
    for s in _candidate_starts(text):
        if s < consumed or _skip_candidate(text, s):
            continue
        k = bisect.bisect_right(hit_starts, s) - 1
        if k >= 0 and hit_ends[k] > s:
            consumed = max(consumed, hit_ends[k])
            continue  # digits inside an entity alias (Llama 3.1 405B)
        if text[s].isalpha() and text[s:s + 1].lower() in "thmbs" and _VAGUE_RE.match(text, s):
            vg = _vague(text, s)
            if vg is None:
                continue
            q, qual = vg
            d = Draft(quote="", start=0, end=0, value=q.value, low=None, high=None, unit=_unit_text(q),
                      qualifier=qual, span_start=q.start, span_end=q.end)
            end = q.end
        else:
            q = _parse_at(text, s)
            if q is None:
                continue
            if _NEGATION_RE.search(text, max(0, s - 12), s):
                consumed = max(consumed, q.end)
                continue  # "47 billion parameters, not 56 billion": a value the text rejects
            built = _build(text, q, starts, prev)
            if built is None:
                if not q.has_unit:
                    consumed = max(consumed, q.end)
                continue
            d, end = built
            if d.qualifier != "range":
                sent_lo = starts[bisect.bisect_right(starts, d.span_start) - 1]
                d.qualifier, cue = _qualifier(text, d.span_start, sent_lo, q)
                d.span_start = min(d.span_start, cue)
        consumed = end
        d.raw = text[d.span_start:d.span_end]
        lo, hi = _clause(text, starts, d.span_start, d.span_end)
        d.start, d.end, d.quote = lo, hi, text[lo:hi]
        key = (d.quote, d.raw, d.span_start - lo)
        prev = (d, q)
        if key in seen:
            continue  # a block repeated word for word is recorded once
        seen.add(key)
        found.append((d, q))
    for i, (d, q) in enumerate(found):
        _guess(idx, text, starts, d, q, found, i, alias_hits, hit_starts, conditions, paras)
    return [d for d, _ in found]


def _inherit(text: str, q: _Q, starts, prev) -> bool:
    """Fill in a unit the text leaves out, from the previous mention in the sentence:
    "13 billion parameters out of roughly 47 billion", "$5.50 per GPU-hour, down from $8"."""
    if prev is None:
        return False
    pd, pq = prev
    if pd.span_end > q.start or q.start - pd.span_end > 100 or not _same_sentence(starts, pd.span_start, q.start):
        return False
    if pq.ratio or pq.percent:
        return False
    if not q.has_unit and q.scale and pq.atom and not pq.cur:
        q.atom, q.den, q.den_count = pq.atom, pq.den, pq.den_count
        return True
    if q.cur and not q.atom and not q.den and pq.cur == q.cur and pq.den \
            and _ELLIPSIS_LINK_RE.search(text, pd.span_end, q.start):
        q.den, q.den_count, q.per_gpu = pq.den, pq.den_count, pq.per_gpu
        return True
    return False


def _build(text: str, q: _Q, starts, prev=None) -> tuple[Draft, int] | None:
    """Turn a parsed quantity (maybe the start of a range) into a Draft; None if no claim."""
    # range: Q1 <connector> Q2
    cm = _CONNECT_RE.match(text, q.end)
    if cm and not (q.spelled or _looks_like_year(q)):
        c = cm.group("c").lower()
        ok = c != "and" or _BETWEEN_RE.search(text, max(0, q.start - 12), q.start)
        q2 = _parse_at(text, cm.end()) if ok else None
        if q2 is not None and not q2.spelled and q2.has_unit and not _looks_like_year(q2):
            joined = _join_range(q, q2)
            if joined is not None:
                lowv, highv, unit_q, low_text, high_text = joined
                if lowv is not None and highv is not None and lowv < highv:
                    if _reject(text, unit_q, q2.end, lowv) or _reject(text, unit_q, q2.end, highv):
                        return None
                    d = Draft(quote="", start=0, end=0, value=None, low=lowv, high=highv, unit=_unit_text(unit_q),
                              qualifier="range", span_start=q.start, span_end=q2.end,
                              low_text=low_text, high_text=high_text)
                    return d, q2.end
    if not q.has_unit or (q.cur and not q.atom and not q.den):
        if q.spelled:
            return None
        suffix = text[q.start + len(q.num_text):q.start + len(q.num_text) + 1]
        if _inherit(text, q, starts, prev):
            pass
        elif q.has_unit:
            pass  # a plain amount of money
        elif q.scale in ("billion", "trillion") and suffix in ("B", "T"):
            q.atom = "parameter"  # bare 70B / 1.8T: a parameter count
        elif q.scale in ("K", "million") and re.match(r"[\s-]*(?:token\s+)?context\b", text[q.end:q.end + 20], re.I):
            q.atom = "token"  # a 128K context
        else:
            return None
    if q.atom == "parameter":  # "13 billion parameters per token": active parameters, same unit
        pm = _PER_TOKEN_RE.match(text, q.end)
        if pm:
            q.end = pm.end()
    value = q.value
    scale = q.scale
    if (q.ratio or q.percent) and scale:
        value = value * _SCALES[scale]
        q.scale = None
    if q.spelled and not (q.ratio or q.percent) and q.scale is None:
        return None
    if _reject(text, q, q.end, value):
        return None
    vt = None if q.spelled or (q.ratio or q.percent) and scale else q.num_text
    return Draft(quote="", start=0, end=0, value=value, low=None, high=None, unit=_unit_text(q), qualifier="exact",
                 span_start=q.start, span_end=q.end, value_text=vt), q.end


def _reject(text: str, q: _Q, end: int, value: float) -> bool:
    """Furniture and non-claims that parse like quantities."""
    if q.ratio:
        if value == 1:
            return True  # "1x" playback speed
        nxt = text[end:end + 12]
        if re.match(r"\s?[A-Z]+[A-Za-z]*[0-9]", nxt):
            return True  # "8x H100": a count of products, not a ratio
    if q.percent and value == 0:
        return True  # "Loaded: 0%"
    if q.atom in ("min", "s", "hour") and re.match(r"\s+(?:read|watch|listen)\b", text[end:end + 10], re.I):
        return True  # "6 min read"
    if q.atom == "s" and not q.den and re.fullmatch(r"(1[89]|20)[0-9]0", q.num_text) \
            and text[q.start + len(q.num_text):q.start + len(q.num_text) + 1] == "s":
        return True  # the 1990s
    return False


def _join_range(a: _Q, b: _Q):
    """(low, high, unit-bearing quantity, low_text, high_text) for "a to b", or None."""
    if not a.has_unit and a.scale is None:
        return a.value, b.value, b, a.num_text, b.num_text
    if not a.has_unit and a.scale == b.scale:
        return a.value, b.value, b, a.num_text, b.num_text
    if a.cur and not a.atom and not a.den and b.cur == a.cur:
        if a.scale == b.scale:
            return a.value, b.value, b, a.num_text, b.num_text
        if a.scale is None and b.scale:
            return a.value, b.value, b, a.num_text, b.num_text
        f = _SCALES.get(b.scale or "", 1.0) / _SCALES.get(a.scale or "", 1.0)
        a.den, a.den_count = b.den, b.den_count
        return a.value, b.value * f, a, a.num_text, None
    if not a.has_unit and a.scale != b.scale:
        return None
    if a.ratio and b.ratio or a.percent and b.percent:
        return a.value, b.value, b, a.num_text, b.num_text
    if _same_kind(a, b):
        fa, fb = _factor(a), _factor(b)
        if fa == fb:
            return a.value, b.value, b, a.num_text, b.num_text
        return a.value, _round(b.value * fb / fa), a, a.num_text, None
    return None


def _round(x: float) -> float:
    return float(f"{x:.12g}")


# --------------------------------------------------------------------------------------
# Output: records, documents, the CLI action
# --------------------------------------------------------------------------------------

def draft_id_prefix(source_id: str) -> str:
    """``000_f7fd...`` -> ``s000``; other ids -> a slug of their first characters."""
    m = re.match(r"([0-9]+)", source_id)
    if m:
        return "s" + m.group(1)
    slug = re.sub(r"[^a-z0-9]+", "-", source_id.lower()).strip("-")[:24].strip("-")
    return slug or "src"


def _yaml_number(x: float | None, written: str | None):
    if x is None:
        return None
    if written and re.fullmatch(r"[0-9,]*\.[0-9]*0", written) and "e" not in written.lower():
        return written.replace(",", "")  # trailing zeros carry precision: keep "2.50"
    if float(x).is_integer() and abs(x) < 1e15:
        return int(x)
    return float(f"{x:.12g}")


def draft_record(d: Draft, prefix: str) -> dict:
    rec: dict = {"id": f"{prefix}-at{d.span_start}", "entity": d.entity, "property": d.property}
    if d.qualifier == "range":
        rec["low"] = _yaml_number(d.low, d.low_text)
        rec["high"] = _yaml_number(d.high, d.high_text)
    else:
        rec["value"] = _yaml_number(d.value, d.value_text)
    rec.update({"unit": d.unit, "qualifier": d.qualifier, "conditions": dict(d.conditions),
                "quote": d.quote, "start": d.start, "end": d.end, "raw": d.raw,
                "span_start": d.span_start, "span_end": d.span_end,
                "confidence": {"entity": d.entity_confidence, "property": d.property_confidence}})
    return rec


def drafts_document(source_id: str, drafts: list[Draft]) -> dict:
    prefix = draft_id_prefix(source_id)
    return {"source": source_id, "drafts": [draft_record(d, prefix) for d in drafts]}


def extract_command(path: Path, fmt: str = "yaml", write: bool = False, root: Path | None = None) -> int:
    """The whole ``kb extract FILE`` action. 0 ok, 2 for unreadable input; never a traceback.

    Prints ``{source, drafts}`` as YAML or JSON, or with ``write`` writes (merges)
    ``claims/<source>.draft.yaml`` under ``root`` (see kb.promote). The source id is the file
    name without its .txt/.md/.html suffix. Offsets refer to the text kb.ingest reads, which
    is what ``kb add-source`` stores (for HTML, the extracted main text). A draft's value is
    a string when the text writes trailing zeros (``"2.50"``), as docs/data-format.md allows.
    """
    import json
    import sys

    from kb.store.ingest import HTML_SUFFIXES, TEXT_SUFFIXES, IngestError, read_source_text
    from kb.extract.promote import PromoteError, write_drafts

    path = Path(path)
    root = Path(root) if root is not None else Path.cwd()
    try:
        if fmt not in ("yaml", "json"):
            raise IngestError(f"unknown format {fmt!r}: use yaml or json")
        text = read_source_text(path)
        reg = load_registry(root)
        drafts = extract_text(text, reg.entities, reg.properties, conditions=reg.conditions)
        known = TEXT_SUFFIXES | HTML_SUFFIXES
        source_id = path.stem if path.suffix.lower() in known else path.name
        if write:
            summary = write_drafts(root, source_id, drafts_document(source_id, drafts)["drafts"])
            if not (root / "datasets" / "sources" / f"{source_id}.txt").is_file():
                summary += f"; note: no registered source {source_id!r} yet (kb add-source) to check quotes against"
            print(summary)
            return 0
        doc = drafts_document(source_id, drafts)
        if fmt == "json":
            print(json.dumps(doc, ensure_ascii=False, indent=2))
        else:
            print(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=1000), end="")
        return 0
    except IngestError as exc:
        print(f"kb extract: {path}: {exc}", file=sys.stderr)
        return 2
    except PromoteError as exc:
        print(f"kb extract: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"kb extract: {path}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - the contract: a message, never a traceback
        print(f"kb extract: {path}: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
