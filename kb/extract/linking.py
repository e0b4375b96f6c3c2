"""Guesses for a draft claim: its property (dimensions, plausible range, the words near the
number), its entity (the nearest registry alias the property's kinds allow) and its
conditions; and the registry (entities, properties, conditions) they are made from.
"""
from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from kb.extract.grammar import _SCALES, _Q, _unit_dims, _unit_info

if TYPE_CHECKING:
    from kb.extract.drafts import Draft


# --------------------------------------------------------------------------------------
# Registry (entities, properties, conditions) - read with yaml.safe_load, kept small.
# --------------------------------------------------------------------------------------

@dataclass
class Registry:
    entities: list = field(default_factory=list)
    properties: list = field(default_factory=list)
    conditions: dict = field(default_factory=dict)


def _read_records(folder: Path, key: str) -> list:
    out = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue  # integrity problems are `kb check`'s business; guesses just get poorer
        recs = doc.get(key) if isinstance(doc, dict) else None
        out.extend(r for r in recs or [] if isinstance(r, dict) and r.get("id"))
    return out


def load_registry(root: Path) -> Registry:
    """Entities, properties and conditions of the knowledge base at ``root``."""
    root = Path(root)
    conditions = {}
    try:
        doc = yaml.safe_load((root / "datasets" / "conditions.yaml").read_text(encoding="utf-8"))
        conditions = (doc or {}).get("conditions") or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError, AttributeError):
        pass
    return Registry(_read_records(root / "datasets" / "entities", "entities"),
                    _read_records(root / "datasets" / "properties", "properties"),
                    conditions if isinstance(conditions, dict) else {})


# --------------------------------------------------------------------------------------
# Aliases, words, the compiled registry
# --------------------------------------------------------------------------------------

def _trie_pattern(words) -> str:
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


_STOP = set("""a an the of and or in on for to by with per as is are be from its it this that at
unless otherwise says e g one usually given quoted reported where stated over under any all when
same than more less under what which who how""".split())
_IRREGULAR = {"lost": "loss", "losing": "loss", "lose": "loss", "loses": "loss", "spent": "spend",
              "rental": "rent", "rentals": "rent", "burnt": "burn", "paid": "pay", "sold": "sell",
              "earned": "earn", "params": "parameter", "watts": "watt", "bandwidth": "bandwidth",
              "costs": "cost", "costing": "cost", "priced": "price", "pricing": "price",
              "teraflops": "tflops", "petaflops": "tflops", "flops": "tflops", "tflops": "tflops"}


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


@dataclass(eq=False)
class _Prop:
    id: str
    dims: tuple | None
    kinds: tuple
    weights: dict
    atoms: frozenset
    conditions: tuple
    low: float | None = None   # plausible envelope over all kinds, in base-atom units
    high: float | None = None
    states_maximum: bool = False


def _plausible_envelope(plausible, dims) -> tuple[float | None, float | None]:
    lows, highs = [], []
    for rng in (plausible or {}).values():
        if not isinstance(rng, dict):
            continue
        for key, acc in (("low", lows), ("high", highs)):
            m = re.match(r"\s*([-+0-9.eE,]+)\s+(.+)$", str(rng.get(key, "")))
            info = _unit_info(m.group(2).strip()) if m else None
            if m and info and info[0] == dims:
                try:
                    acc.append(float(m.group(1).replace(",", "")) * info[1])
                except ValueError:
                    pass
    return (min(lows) if lows else None), (max(highs) if highs else None)


class _Index:
    """Compiled registry: alias regex, alias->entity, properties by dimensions."""

    def __init__(self, entities, properties):
        self.entity_kind: dict = {}
        alias_to: dict = {}
        for e in entities or []:
            eid = str(e.get("id"))
            self.entity_kind[eid] = str(e.get("kind") or "")
            for a in e.get("aliases") or []:
                if isinstance(a, str) and a.strip():
                    alias_to.setdefault(a.strip().lower(), eid)
        self.alias_to = alias_to
        self.alias_re = None
        if alias_to:
            pat = _trie_pattern(sorted(alias_to))
            self.alias_re = re.compile(r"(?P<a>" + pat + r")(?:s)?(?![\w])")  # on lower-cased text
            self.alias_re_i = re.compile(self.alias_re.pattern, re.IGNORECASE)
        props = []
        docs = []
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
            atoms = frozenset(_stem(a) for a in re.split(r"[\s/-]+", cu) if a and a not in _SCALES)
            dims = _unit_dims(cu)
            lo, hi = _plausible_envelope(p.get("plausible"), dims)
            props.append(_Prop(str(p["id"]), dims, tuple((p.get("plausible") or {}).keys()),
                               words, atoms, tuple(p.get("conditions") or ()), lo, hi,
                               bool(p.get("states_maximum"))))
            docs.append(set(words))
        n = max(len(docs), 1)
        for prop in props:  # idf: words shared by many properties say little
            for wd in list(prop.weights):
                df = sum(1 for d in docs if wd in d)
                prop.weights[wd] *= math.log(1 + n / df)
        self.props = props
        self.prop_by_id = {p.id: p for p in props}
        self.prop_order = {p.id: i for i, p in enumerate(props)}

    def aliases_in(self, text: str, lo: int, hi: int):
        if self.alias_re is None:
            return []
        out = []
        low = text.lower()  # case-insensitive matching, much faster than re.IGNORECASE
        rx = self.alias_re
        if len(low) != len(text):  # a few characters change length when lower-cased
            low, rx = text, self.alias_re_i
        for m in rx.finditer(low, lo, hi):
            if m.start() and (low[m.start() - 1].isalnum() or low[m.start() - 1] == "_"):
                continue  # not a whole word ("GB200" is no "B200")
            eid = self.alias_to.get(m.group("a").lower())
            if eid:
                out.append((m.start(), m.end(), eid, True))
        return out


@functools.lru_cache(maxsize=8)
def _index_cached(ekey, pkey) -> _Index:
    return _Index([dict(id=i, kind=k, aliases=list(a)) for i, k, a in ekey],
                  [dict(id=i, type=t, canonical_unit=c, name=nm, description=d,
                        plausible={k: {"low": lo, "high": hi} for k, lo, hi in pl},
                        conditions=list(cd), states_maximum=sm) for i, t, c, nm, d, pl, cd, sm in pkey])


def _plausible_key(pl) -> tuple:
    if not isinstance(pl, dict):
        return ()
    return tuple((str(k), str((v or {}).get("low", "")), str((v or {}).get("high", "")))
                 for k, v in pl.items() if isinstance(v, dict) or v is None)


def _index_for(entities, properties) -> _Index:
    ekey = tuple((str(e.get("id")), str(e.get("kind") or ""),
                  tuple(a for a in (e.get("aliases") or []) if isinstance(a, str)))
                 for e in entities or [] if isinstance(e, dict))
    pkey = tuple((str(p.get("id")), str(p.get("type", "quantity")), str(p.get("canonical_unit") or ""),
                  str(p.get("name") or ""), str(p.get("description") or ""),
                  _plausible_key(p.get("plausible")), tuple(p.get("conditions") or ()),
                  bool(p.get("states_maximum")))
                 for p in properties or [] if isinstance(p, dict))
    return _index_cached(ekey, pkey)


# --------------------------------------------------------------------------------------
# Guessing
# --------------------------------------------------------------------------------------

_IMPLAUSIBLE_FACTOR = 1000.0  # a value this far outside every plausible range is another property


def _guess_property(idx: _Index, unit: str, values, ctx_words: set,
                    qualifier: str = "exact") -> tuple[str | None, float]:
    info = _unit_info(unit)
    if info is None:
        return None, 0.0
    dims, factor = info
    cands = []
    for p in idx.props:
        if p.dims != dims:
            continue
        base = [v * factor for v in values if v is not None]
        if p.low is not None and base and max(base) < p.low / _IMPLAUSIBLE_FACTOR:
            continue
        if p.high is not None and base and min(base) > p.high * _IMPLAUSIBLE_FACTOR:
            continue
        cands.append(p)
    if not cands:
        return None, 0.0
    unit_atoms = {_stem(a) for a in re.split(r"[\s/-]+", unit) if a and a not in _SCALES}
    scored = []
    for p in cands:
        sc = sum(w * ctx_words[wd] for wd, w in p.weights.items() if wd in ctx_words)
        sc += 3.0 * len(p.atoms & unit_atoms - {"usd", "token", "parameter"})  # "per hour": rental
        if qualifier == "upper_bound" and p.states_maximum:
            sc += 4.0  # "up to 700 W": a rated maximum, as strong a cue as a unit word
        scored.append((sc, -idx.prop_order[p.id], p))
    scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
    best = scored[0]
    if len(cands) == 1:
        return best[2].id, 0.9 if best[0] > 0 else 0.7
    total = sum(max(t[0], 0.0) for t in scored)
    if best[0] <= 0:
        return best[2].id, round(0.5 / len(cands), 2)
    share = best[0] / total
    return best[2].id, round(min(0.9, 0.3 + 0.6 * share), 2)


_PREP_RE = re.compile(r"\s*(?:[,]\s*)?(?:on|for|of|from|with|by|at|in)\s+(?:the\s+|its\s+|a\s+)?$", re.I)
_THAN_RE = re.compile(r"\bthan\s+(?:the\s+|its\s+|a\s+)?$", re.I)


def _guess_entity(idx: _Index, text: str, starts: list[int], s: int, e: int, kinds: tuple,
                  alias_hits: list, hit_starts: list, strict: bool = True,
                  paras: list | None = None) -> tuple[str | None, float, list]:
    """Nearest registry alias the property's kinds allow: same sentence first, then up to two
    sentences back within the paragraph; (entity id, confidence, candidates)."""
    i = bisect.bisect_right(starts, s) - 1
    tiers = []
    para_lo = paras[bisect.bisect_right(paras, s) - 1] if paras else 0
    for back, weight in ((0, 1.0), (1, 0.6), (2, 0.4)):
        j = i - back
        if j < 0:
            break
        lo = starts[j]
        hi = starts[j + 1] if j + 1 < len(starts) else len(text)
        if back and lo < para_lo:  # never reach into the previous paragraph
            break
        tiers.append((lo, hi, weight))
    best = None
    scores: dict = {}
    for lo, hi, weight in tiers:
        k = bisect.bisect_left(hit_starts, lo)
        while k < len(alias_hits) and alias_hits[k][0] < hi:
            a_s, a_e, eid, _ = alias_hits[k]
            k += 1
            if a_e > s and a_s < e:
                continue
            kind = idx.entity_kind.get(eid, "")
            if kinds and kind not in kinds:
                if strict:
                    continue  # the property does not apply to this kind of entity
                kf = 0.4
            else:
                kf = (1.0 - 0.05 * kinds.index(kind)) if kinds else 1.0
            if a_e <= s:
                dist = s - a_e
                df = 1.0 / (1.0 + dist / 80.0)
            else:
                dist = a_s - e
                df = 0.7 / (1.0 + dist / 80.0)
                if weight == 1.0 and _PREP_RE.search(text, max(e, a_s - 16), a_s):
                    df *= 1.5
                elif _THAN_RE.search(text, max(e, a_s - 40), a_s):
                    df *= 0.3  # "3.5x better than Ampere": the baseline, not the subject
                if weight < 1.0:
                    continue
            sc = weight * kf * df
            scores[eid] = max(scores.get(eid, 0.0), sc)
            if best is None or sc > best[0]:
                best = (sc, eid, weight, kf)
    if best is None:
        return None, 0.0, []
    total = sum(scores.values())
    conf = best[2] * min(best[3], 1.0) * (0.5 + 0.5 * best[0] / total) * 0.95
    return best[1], round(conf, 2), sorted(scores)


_SPARSE_RE = re.compile(r"\bsparsity\b|\bsparse\b")
_DENSE_RE = re.compile(r"\bdense\b")
_DIRECTION_RE = re.compile(r"\b(input|prompt|output|completion)s?\b")
_SCOPE_RES = ((re.compile(r"\bper (?:gpu|card)\b"), "per-gpu"), (re.compile(r"\brack\b"), "per-rack"),
              (re.compile(r"\b(?:node|server|system)\b"), "per-node"))
_PRICING_RES = ((re.compile(r"on[- ]demand"), "on-demand"), (re.compile(r"\bspot\b"), "spot"),
                (re.compile(r"\breserved\b"), "reserved"))
_PERIOD_RE = re.compile(r"\b(?:in|during|for|fiscal|FY)\s+((?:19|20)[0-9]{2})\b")


@functools.lru_cache(maxsize=8)
def _values_re(values: tuple):
    if not values:
        return None
    alts = "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True))
    return re.compile(r"(?<![a-z0-9])(" + alts + r")(?![a-z0-9])")


def _guess_conditions(idx: _Index, prop_id: str | None, clause: str, q: _Q, text: str,
                      alias_in_clause: list, conditions: dict, local: str = "") -> dict:
    """Condition guesses for the property's condition keys: from the mention's own
    neighbourhood (``local``: up to half-way to the next mention) or its clause."""
    prop = idx.prop_by_id.get(prop_id)
    if prop is None or not prop.conditions:
        return {}
    out = {}
    low = clause.lower()
    near = (local or clause).lower()
    keys = prop.conditions
    if "precision" in keys:
        rx = _values_re(tuple(str(v).lower() for v in (conditions.get("precision") or {}).get("values") or []))
        m = rx and (rx.search(near) or rx.search(low))
        if m:
            out["precision"] = m.group(1)
    if "sparsity" in keys:
        if _SPARSE_RE.search(near):
            out["sparsity"] = "sparse"
        elif _DENSE_RE.search(near):
            out["sparsity"] = "dense"
    if "direction" in keys:
        d = q.direction or q.mod
        if d is None:
            m = _DIRECTION_RE.search(near)
            d = m.group(1) if m else None
        if d in ("input", "prompt"):
            out["direction"] = "input"
        elif d in ("output", "completion", "generated"):
            out["direction"] = "output"
    if "scope" in keys:
        if q.per_gpu or q.den in ("GPU", "GPU-hour"):
            out["scope"] = "per-gpu"
        else:
            hit = next((val for rx, val in _SCOPE_RES if rx.search(near)), None)
            if hit:
                out["scope"] = hit
    if "pricing" in keys:
        hit = next((val for rx, val in _PRICING_RES if rx.search(low)), None)
        if hit:
            out["pricing"] = hit
    if "period" in keys:
        m = _PERIOD_RE.search(clause)
        if m:
            out["period"] = m.group(1)
    if "model" in keys:
        for _, _, eid, _ in alias_in_clause:
            if idx.entity_kind.get(eid) == "model":
                out["model"] = eid
                break
    return out


def _guess(idx, text, starts, d: Draft, q: _Q, found, i, alias_hits, hit_starts, conditions, paras) -> None:
    """Fill in the property, entity and condition guesses of draft ``d`` (the i-th found)."""
    sent_i = bisect.bisect_right(starts, d.span_start) - 1
    sent_lo = starts[sent_i]
    sent_hi = starts[sent_i + 1] if sent_i + 1 < len(starts) else len(text)
    # the words around a mention, up to half-way to its neighbours in the sentence, nearer
    # words weighing more and words after it less ("lose around $5 billion on revenue of ...")
    ctx_lo = max(sent_lo, d.span_start - 150)
    ctx_hi = min(sent_hi, d.span_end + 60)
    if i > 0 and found[i - 1][0].span_end > ctx_lo:
        ctx_lo = max(ctx_lo, (found[i - 1][0].span_end + d.span_start) // 2)
    if i + 1 < len(found) and found[i + 1][0].span_start < ctx_hi:
        ctx_hi = min(ctx_hi, (d.span_end + found[i + 1][0].span_start) // 2)
    while ctx_hi < sent_hi and text[ctx_hi].isalnum():  # never cut a word in two
        ctx_hi += 1
    while ctx_lo > sent_lo and text[ctx_lo - 1].isalnum():
        ctx_lo -= 1
    ctx_words: dict = {}
    for m in _WORD_RE.finditer(text, ctx_lo, ctx_hi):
        w = m.group(0)
        if w.lower() in _STOP:
            continue
        if m.end() <= d.span_start:
            wt = 1.0 / (1.0 + (d.span_start - m.end()) / 40.0)
        elif m.start() >= d.span_end:
            wt = 0.6 / (1.0 + (m.start() - d.span_end) / 40.0)
        else:
            wt = 1.0
        st = _stem(w)
        ctx_words[st] = max(ctx_words.get(st, 0.0), wt)
    values = (d.value,) if d.qualifier != "range" else (d.low, d.high)
    d.property, d.property_confidence = _guess_property(idx, d.unit, values, ctx_words, d.qualifier)
    if d.property_confidence < 0.5 and i > 0:  # "lost $540 million in 2022, and $1.3 billion in 2023"
        pd = found[i - 1][0]
        if pd.property and _same_sentence(starts, pd.span_start, d.span_start) \
                and _unit_dims(pd.unit) == _unit_dims(d.unit):
            d.property, d.property_confidence = pd.property, 0.5
    prop = idx.prop_by_id.get(d.property)
    kinds = prop.kinds if prop else ()
    d.entity, d.entity_confidence, _ = _guess_entity(
        idx, text, starts, d.span_start, d.span_end, kinds, alias_hits, hit_starts,
        strict=d.property_confidence >= 0.6, paras=paras)
    k0 = bisect.bisect_left(hit_starts, d.start)
    in_clause = [h for h in alias_hits[k0:k0 + 20] if h[0] < d.end]
    d.conditions = _guess_conditions(idx, d.property, d.quote, q, text, in_clause, conditions,
                                     text[ctx_lo:ctx_hi])
    if q.ratio and prop and "baseline" in prop.conditions:
        k = bisect.bisect_left(hit_starts, d.span_end)
        after = [h for h in alias_hits[k:k + 3] if h[0] < sent_hi and re.search(r"\bthan\b", text[d.span_end:h[0]])]
        if after:
            d.conditions["baseline"] = after[0][2]


def _same_sentence(starts, a: int, b: int) -> bool:
    return bisect.bisect_right(starts, a) == bisect.bisect_right(starts, b)
