"""Evaluate the claim extractor against curated claims, with quantulum3 as the baseline.

Run ``python -m kb.extract.evaluate [--root DIR] [--json FILE] [--no-timing] [--check]``.

Sets evaluated (each text is read exactly as stored):

- ``seeds``: ``datasets/sources/<id>.txt`` against the curated ``claims/<id>.yaml``;
- ``dev``: ``tests/extract_corpus/dev`` (texts the extractor was developed on);
- ``holdout``: ``tests/extract_corpus/holdout`` (kept out of all tuning).

Corpus gold files (``<name>.gold.yaml``) list ``claims`` with ``at`` (a substring of the
text that locates the mention, unique in the text unless ``nth`` says which occurrence),
``value`` or ``low``/``high``, ``unit``, ``qualifier`` and optionally ``entity`` and
``property``.

Matching. A prediction matches a gold mention when its number span overlaps the gold span
(the curated ``quote`` span, or the ``at`` span) and value+unit are equal after
normalisation to canonical magnitudes (relative tolerance 1e-6). Gold records that share
span, value and unit (one quote, two entities) are one mention; the entity guess counts as
right when it is any of their entities. Each prediction and each gold mention is used once.
Precision = matched predictions / predictions; recall = matched gold mentions / gold
mentions. Entity, property and qualifier accuracy are over matched mentions whose gold
states them. Categorical claims (no unit) are not numeric mentions and are left out.

Normalisation uses ``kb.units.to_quantity`` when the project provides it, else a private
pint registry (``_to_quantity``) that reads the unit texts of docs/data-format.md. ``GPU``
in a denominator counts as a plain count (``USD/GPU-hour`` equals ``USD/hour`` per GPU).

quantulum3 baseline (how its output is made comparable, as fairly as we can):
- each parsed quantity's unit is rebuilt from quantulum's own dimension list (dollar, watt,
  kilowatt, millisecond, gigabyte, percentage, ...) into a unit text and normalised the
  same way; quantities with units we cannot map still count as predictions;
- a dimensionless quantity matches gold in a pure count unit (token, parameter, x) of the
  same magnitude: quantulum has no token or parameter units, so "405 billion" is given
  credit for "405 billion parameters";
- "second of arc" is read as second (quantulum's disambiguation slip on "seconds");
- quantulum's ranges (value +/- uncertainty) are read back as low/high, and a gold range
  also matches two single quantities equal to its ends.

Determinism: quantulum3's figures depend on Python's hash randomisation (it iterates over
sets of strings), so ``main`` re-runs itself with ``PYTHONHASHSEED=0`` when that is not set.

Throughput: extractor time on one synthetic text of at least 4 MB built by repeating every
corpus and seed text (each copy with the digits of its stand-alone numbers permuted, so that
the copies are not one block repeated word for word, which the extractor records once),
registry loaded beforehand; reported in MB/s of UTF-8 input. It is the only figure that
varies between runs (``--no-timing`` leaves it out).
"""
from __future__ import annotations

import argparse
import functools
import json
import math
import os
import re
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kb.extract.drafts import extract_text, load_registry

__all__ = ["main", "evaluate", "normalise"]

TARGET_F1 = 0.9
TARGET_MARGIN = 0.25
TARGET_MBPS = 1.0

# --------------------------------------------------------------------------------------
# Normalisation (private pint registry; swapped for kb.units when it exists)
# --------------------------------------------------------------------------------------

_UREG = None
_SCALE = {"k": 1e3, "K": 1e3, "thousand": 1e3, "million": 1e6, "M": 1e6, "billion": 1e9, "B": 1e9,
          "bn": 1e9, "trillion": 1e12, "T": 1e12}
_WORDS = {
    "$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "cent": "cent", "cents": "cent",
    "eur": "EUR", "gbp": "GBP",
    "w": "watt", "watt": "watt", "watts": "watt", "kw": "kilowatt", "mw": "megawatt", "gw": "gigawatt",
    "tw": "terawatt", "wh": "watt_hour", "kwh": "kilowatt_hour", "mwh": "megawatt_hour",
    "gwh": "gigawatt_hour", "twh": "terawatt_hour", "j": "joule", "joule": "joule", "joules": "joule",
    "kj": "kilojoule", "mj": "megajoule",
    "flop": "FLOP", "flops": "FLOPS", "gflops": "GFLOPS", "tflops": "TFLOPS", "pflops": "PFLOPS",
    "eflops": "EFLOPS", "teraflops": "TFLOPS", "petaflops": "PFLOPS", "tops": "TFLOPS",
    "mb": "megabyte", "gb": "gigabyte", "tb": "terabyte", "pb": "petabyte", "gib": "gibibyte",
    "tib": "tebibyte", "gbit": "gigabit", "tbit": "terabit",
    "token": "token", "tokens": "token", "tok": "token", "mtok": "Mtoken",
    "parameter": "parameter", "parameters": "parameter", "param": "parameter", "params": "parameter",
    "ns": "nanosecond", "µs": "microsecond", "us": "microsecond", "ms": "millisecond", "s": "second",
    "sec": "second", "second": "second", "seconds": "second", "min": "minute", "minute": "minute",
    "h": "hour", "hr": "hour", "hour": "hour", "hours": "hour", "day": "day", "days": "day",
    "week": "week", "month": "month", "months": "month", "mo": "month", "year": "year", "yr": "year",
    "years": "year", "ghz": "gigahertz", "mhz": "megahertz", "nm": "nanometer",
    "x": "ratio", "%": "percent", "percent": "percent", "gpu": "gpu", "gpus": "gpu",
    "query": "query", "queries": "query", "request": "query", "requests": "query",
}


def _ureg():
    global _UREG
    if _UREG is None:
        import pint
        u = pint.UnitRegistry()
        for d in ("USD = [currency]", "cent = 0.01 USD", "EUR = [currency_eur]", "GBP = [currency_gbp]",
                  "token = [token]", "Mtoken = 1e6 token", "parameter = [parameter]", "FLOP = [flop]",
                  "FLOPS = FLOP / second", "GFLOPS = 1e9 FLOPS", "TFLOPS = 1e12 FLOPS", "PFLOPS = 1e15 FLOPS",
                  "EFLOPS = 1e18 FLOPS", "ratio = [ratio]", "gpu = []", "query = [query]"):
            u.define(d)
        _UREG = u
    return _UREG


class UnitTextError(ValueError):
    pass


def _to_quantity(value: float, unit_text: str):
    """Private normaliser: a unit text of docs/data-format.md -> pint Quantity."""
    u = _ureg()
    t = str(unit_text).strip().replace("$", " $ ")
    t = re.sub(r"(?i)\s+per\s+", " / ", t)
    factor = 1.0
    parts = []
    for i, part in enumerate(t.split("/")):
        words = []
        for w in re.split(r"[\s*·]+|(?<=[A-Za-z])-(?=[A-Za-z])", part.strip()):
            if not w:
                continue
            if w in _SCALE or w.lower() in ("thousand", "million", "billion", "trillion"):
                f = _SCALE.get(w, _SCALE.get(w.lower()))
                factor = factor * f if i == 0 else factor / f
                continue
            m = re.fullmatch(r"([0-9][0-9,]*(?:\.[0-9]+)?)([kKMB]?)", w)
            if m:
                f = float(m.group(1).replace(",", "")) * _SCALE.get(m.group(2), 1.0)
                factor = factor * f if i == 0 else factor / f
                continue
            name = _WORDS.get(w) or _WORDS.get(w.lower())
            if name is None:
                raise UnitTextError(f"unknown unit word {w!r} in {unit_text!r}")
            words.append(name)
        parts.append("*".join(words) if words else "")
    expr = parts[0] or "dimensionless"
    for p in parts[1:]:
        if not p:
            raise UnitTextError(f"empty denominator in {unit_text!r}")
        expr += f" / ({p})"
    return u.Quantity(value * factor, expr)


@functools.lru_cache(maxsize=1)
def _lead_to_quantity():
    try:
        from kb.core import units  # noqa: F401 - the project's registry, once it exists
        return getattr(units, "to_quantity", None)
    except Exception:  # noqa: BLE001 - not written yet, or broken: use ours
        return None


def normalise(value: float, unit_text: str):
    """(dimensionality key, canonical magnitude) or None when the unit text cannot be read."""
    q = None
    lead = _lead_to_quantity()
    if lead is not None:
        try:
            q = lead(float(value), unit_text)
        except Exception:  # noqa: BLE001 - a text the project's registry refuses: try ours
            q = None
    try:
        if q is None:
            q = _to_quantity(float(value), unit_text)
        b = q.to_base_units()
    except Exception:  # noqa: BLE001
        return None
    dims = tuple(sorted((str(k), v) for k, v in b.dimensionality.items()))
    return dims, float(b.magnitude)


# --------------------------------------------------------------------------------------
# Gold and predictions
# --------------------------------------------------------------------------------------

@dataclass
class Mention:
    start: int
    end: int
    dims: tuple | None
    lo: float | None
    hi: float | None
    unit: str
    qualifier: str | None = None
    entities: set = field(default_factory=set)
    properties: set = field(default_factory=set)
    range: bool = False
    count_only: bool = False  # quantulum dimensionless: compares with pure counts


def _num(x):
    return float(str(x).replace(",", "")) if x is not None else None


def _mention(start, end, value, low, high, unit, qualifier=None, entity=None, prop=None) -> Mention | None:
    if unit in (None, ""):
        return None
    if value is not None:
        n = normalise(_num(value), unit)
        lo = hi = n[1] if n else None
        rng = False
    else:
        n1, n2 = normalise(_num(low), unit), normalise(_num(high), unit)
        n = n1 if n1 and n2 else None
        lo, hi = (n1[1], n2[1]) if n else (None, None)
        rng = True
    m = Mention(start, end, n[0] if n else None, lo, hi, str(unit), qualifier, range=rng)
    if entity:
        m.entities.add(entity)
    if prop:
        m.properties.add(prop)
    return m


def _group(mentions: list[Mention]) -> list[Mention]:
    out: dict = {}
    for m in mentions:
        key = (m.start, m.end, m.dims, _r(m.lo), _r(m.hi), m.unit if m.dims is None else "")
        if key in out:
            out[key].entities |= m.entities
            out[key].properties |= m.properties
        else:
            out[key] = m
    return list(out.values())


def _r(x):
    return None if x is None else float(f"{x:.9g}")


def corpus_gold(txt: Path) -> tuple[str, list[Mention]]:
    text = txt.read_text(encoding="utf-8")
    doc = yaml.safe_load(txt.with_suffix(".gold.yaml").read_text(encoding="utf-8")) or {}
    gold = []
    for c in doc.get("claims") or []:
        at = str(c["at"])
        pos, nth = -1, int(c.get("nth", 1))
        for _ in range(nth):
            pos = text.find(at, pos + 1)
        if pos < 0:
            raise ValueError(f"{txt.name}: gold 'at' not found: {at!r}")
        m = _mention(pos, pos + len(at), c.get("value"), c.get("low"), c.get("high"), c.get("unit"),
                     c.get("qualifier"), c.get("entity"), c.get("property"))
        if m:
            gold.append(m)
    return text, _group(gold)


def seed_gold(txt: Path, claims_file: Path) -> tuple[str, list[Mention]]:
    text = txt.read_text(encoding="utf-8")
    doc = yaml.safe_load(claims_file.read_text(encoding="utf-8")) or {}
    gold = []
    for c in doc.get("claims") or []:
        if not isinstance(c, dict) or c.get("start") is None or not c.get("unit"):
            continue
        m = _mention(int(c["start"]), int(c["end"]), c.get("value"), c.get("low"), c.get("high"),
                     c.get("unit"), c.get("qualifier"), c.get("entity"), c.get("property"))
        if m:
            gold.append(m)
    return text, _group(gold)


def our_predictions(text: str, reg) -> tuple[list[Mention], list]:
    drafts = extract_text(text, reg.entities, reg.properties, conditions=reg.conditions)
    preds = []
    for d in drafts:
        m = _mention(d.span_start, d.span_end, d.value, d.low, d.high, d.unit, d.qualifier)
        if m is None:
            m = Mention(d.span_start, d.span_end, None, None, None, d.unit)
        m.entities = {d.entity} if d.entity else set()
        m.properties = {d.property} if d.property else set()
        preds.append(m)
    return preds, drafts


_Q_BASES = {
    "dollar": "USD", "cent": "cent", "euro": "EUR", "pound sterling": "GBP",
    "watt": "W", "kilowatt": "kW", "megawatt": "MW", "gigawatt": "GW", "terawatt": "TW",
    "watt hour": "Wh", "kilowatt hour": "kWh", "megawatt hour": "MWh", "gigawatt hour": "GWh",
    "terawatt hour": "TWh", "joule": "J", "kilojoule": "kJ", "megajoule": "MJ",
    "nanosecond": "ns", "microsecond": "µs", "millisecond": "ms", "second": "s", "second of arc": "s",
    "minute": "min", "hour": "hour", "day": "day", "week": "week", "month": "month", "year": "year",
    "megabyte": "MB", "gigabyte": "GB", "terabyte": "TB", "petabyte": "PB", "gibibyte": "GiB",
    "tebibyte": "TiB", "gigabit": "Gbit", "terabit": "Tbit", "gigahertz": "GHz", "megahertz": "MHz",
    "nanometre": "nm", "nanometer": "nm", "percentage": "percent", "token": "token",
    "floating-point operation per second": "FLOPS", "flops": "FLOPS", "teraflops": "TFLOPS",
    "petaflops": "PFLOPS",
}


def quantulum_predictions(text: str) -> list[Mention]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser
        quants = parser.parse(text)
    preds = []
    for q in quants:
        s, e = q.span
        dims = getattr(q.unit, "dimensions", None) or []
        names = [(d.get("base"), d.get("power", 1)) for d in dims]
        lo = hi = q.value
        if q.uncertainty and re.search(r"[0-9]\s*(?:-|–|—|to|and)\s*\$?[0-9]", q.surface):
            lo, hi = q.value - q.uncertainty, q.value + q.uncertainty
        if names == [("dimensionless", 1)] or not names:
            m = Mention(s, e, (), lo, hi, "", range=lo != hi, count_only=True)
            preds.append(m)
            continue
        num, den, ok = [], [], True
        for base, power in names:
            t = _Q_BASES.get(base)
            if t is None or abs(power) != 1:
                ok = False
                break
            (num if power > 0 else den).append(t)
        if not ok:
            preds.append(Mention(s, e, None, None, None, q.unit.name))
            continue
        unit = " ".join(num) if num else ""
        if den:
            unit = (unit or "") + "/" + "/".join(den)
        if not num:
            preds.append(Mention(s, e, None, None, None, q.unit.name))
            continue
        # quantulum folds scale words into the value ($100 million -> 1e8 dollar)
        m = _mention(s, e, lo if lo == hi else None, lo if lo != hi else None, hi if lo != hi else None, unit)
        preds.append(m or Mention(s, e, None, None, None, unit))
    return preds


# --------------------------------------------------------------------------------------
# Matching and scores
# --------------------------------------------------------------------------------------

def _close(a, b) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-12)


_COUNT_DIMS = {"[token]", "[parameter]", "[ratio]"}


def _equal(g: Mention, p: Mention) -> bool:
    if p.count_only:
        if not (len(g.dims or ()) == 1 and g.dims[0][0] in _COUNT_DIMS and g.dims[0][1] == 1):
            return False
    elif g.dims is None or p.dims is None or g.dims != p.dims:
        return False
    return _close(g.lo, p.lo) and _close(g.hi, p.hi)


def _overlap(g: Mention, p: Mention) -> bool:
    return p.start < g.end and g.start < p.end


def match(gold: list[Mention], preds: list[Mention], endpoint_pairs: bool = False):
    """[(gold, pred or None)], set of matched prediction indexes."""
    used: set = set()
    pairs = []
    for g in gold:
        best = None
        for i, p in enumerate(preds):
            if i in used or not _overlap(g, p) or not _equal(g, p):
                continue
            if best is None or abs(p.start - g.start) < abs(preds[best].start - g.start):
                best = i
        if best is not None:
            used.add(best)
            pairs.append((g, preds[best]))
            continue
        if endpoint_pairs and g.range and g.dims is not None:
            ends = []
            for target in (g.lo, g.hi):
                for i, p in enumerate(preds):
                    if i in used or i in ends or not _overlap(g, p) or p.range:
                        continue
                    single = Mention(g.start, g.end, g.dims, target, target, g.unit)
                    if _equal(single, p):
                        ends.append(i)
                        break
            if len(ends) == 2:
                used.update(ends)
                pairs.append((g, preds[ends[0]]))
                continue
        pairs.append((g, None))
    return pairs, used


@dataclass
class Score:
    gold: int = 0
    pred: int = 0
    tp_gold: int = 0
    tp_pred: int = 0
    ent_ok: int = 0
    ent_n: int = 0
    prop_ok: int = 0
    prop_n: int = 0
    qual_ok: int = 0
    qual_n: int = 0

    def add(self, other: "Score"):
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))

    @property
    def precision(self):
        return self.tp_pred / self.pred if self.pred else (1.0 if not self.gold else 0.0)

    @property
    def recall(self):
        return self.tp_gold / self.gold if self.gold else 1.0

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self, full=True):
        d = {"gold": self.gold, "predicted": self.pred, "matched": self.tp_gold,
             "precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3)}
        if full:
            d.update({"entity_accuracy": _ratio(self.ent_ok, self.ent_n), "entity_evaluated": self.ent_n,
                      "property_accuracy": _ratio(self.prop_ok, self.prop_n), "property_evaluated": self.prop_n,
                      "qualifier_accuracy": _ratio(self.qual_ok, self.qual_n)})
        return d


def _ratio(a, b):
    return round(a / b, 3) if b else None


def score(gold, preds, drafts=None, endpoint_pairs=False) -> tuple[Score, list]:
    pairs, used = match(gold, preds, endpoint_pairs)
    s = Score(gold=len(gold), pred=len(preds), tp_gold=sum(1 for _, p in pairs if p is not None), tp_pred=len(used))
    misses = []
    for g, p in pairs:
        if p is None:
            misses.append(("missed", g))
            continue
        if g.entities:
            s.ent_n += 1
            s.ent_ok += bool(p.entities & g.entities)
        if g.properties:
            s.prop_n += 1
            s.prop_ok += bool(p.properties & g.properties)
        if g.qualifier and drafts is not None:
            d = next((d for d in drafts if d.span_start == p.start and d.span_end == p.end), None)
            s.qual_n += 1
            s.qual_ok += bool(d and d.qualifier == g.qualifier)
    for i, p in enumerate(preds):
        if i not in used:
            misses.append(("spurious", p))
    return s, misses


# --------------------------------------------------------------------------------------
# Running
# --------------------------------------------------------------------------------------

def _sets(root: Path) -> dict:
    sets: dict = {"seeds": [], "dev": [], "holdout": []}
    src = root / "datasets" / "sources"
    for txt in sorted(src.glob("*.txt")) if src.is_dir() else []:
        cf = root / "claims" / f"{txt.stem}.yaml"
        if cf.is_file():
            sets["seeds"].append(("seed", txt, cf))
    for name in ("dev", "holdout"):
        d = root / "tests" / "extract_corpus" / name
        for txt in sorted(d.glob("*.txt")) if d.is_dir() else []:
            if txt.with_suffix(".gold.yaml").is_file():
                sets[name].append(("corpus", txt, None))
    return sets


def evaluate(root: Path, timing: bool = True, verbose: bool = False, only=None, baseline: bool = True) -> dict:
    """Scores per set (see the module docstring); ``baseline=False`` skips quantulum3."""
    root = Path(root)
    reg = load_registry(root)
    result: dict = {"normaliser": "kb.core.units" if _lead_to_quantity() else "private pint registry",
                    "sets": {}}
    texts = []
    for name, items in _sets(root).items():
        if only and name not in only:
            continue
        ours, base = Score(), Score()
        files = []
        for kind, txt, cf in items:
            text, gold = seed_gold(txt, cf) if kind == "seed" else corpus_gold(txt)
            texts.append(text)
            preds, drafts = our_predictions(text, reg)
            s_ours, misses = score(gold, preds, drafts)
            s_base, _ = score(gold, quantulum_predictions(text) if baseline else [], endpoint_pairs=True)
            ours.add(s_ours)
            base.add(s_base)
            files.append({"file": txt.name, "ours": s_ours.as_dict(False), "quantulum3": s_base.as_dict(False)})
            if verbose:
                for what, m in misses:
                    print(f"  {txt.name}: {what}: {text[m.start:m.end]!r} {m.unit} {m.lo} {m.hi}", file=sys.stderr)
        result["sets"][name] = {"files": len(items), "ours": ours.as_dict(), "quantulum3": base.as_dict(False),
                                "f1_margin": round(ours.f1 - base.f1, 3), "per_file": files}
    if timing:
        result["throughput"] = _throughput(texts, reg)
    return result


_DIGITS_RE = re.compile(r"(?<![A-Za-z-])[0-9][0-9,.]*")


def _variant(text: str, i: int) -> str:
    """Copy ``i`` of a text with its stand-alone numbers' digits permuted, so that the
    synthetic text is not one block repeated (which the extractor records once)."""
    if i == 0:
        return text
    import random

    table = str.maketrans("123456789", "".join(random.Random(i).sample("123456789", 9)))
    return _DIGITS_RE.sub(lambda m: m.group(0).translate(table), text)


def _throughput(texts: list[str], reg, min_bytes: int = 4_000_000) -> dict:
    unit = "\n\n".join(texts) + "\n\n"
    if not unit.strip():
        return {}
    reps = max(1, math.ceil(min_bytes / len(unit.encode("utf-8"))))
    big = "".join(_variant(unit, i) for i in range(reps))
    nbytes = len(big.encode("utf-8"))
    extract_text(unit, reg.entities, reg.properties)  # warm caches (registry index)
    import gc

    gc.collect()
    gc.freeze()  # what quantulum3 left in memory is not the extractor's to walk: time it as a fresh process
    try:
        t0 = time.perf_counter()
        drafts = extract_text(big, reg.entities, reg.properties, conditions=reg.conditions)
        dt = time.perf_counter() - t0
    finally:
        gc.unfreeze()
    return {"bytes": nbytes, "seconds": round(dt, 3), "mb_per_s": round(nbytes / 1e6 / dt, 2),
            "drafts": len(drafts)}


def _fmt(x):
    return "  -  " if x is None else f"{x:5.3f}"


def render(result: dict) -> str:
    lines = [f"Extractor evaluation (value+unit; normaliser: {result['normaliser']})", ""]
    lines.append(f"{'set':8} {'files':>5} {'gold':>5} | {'ours P':>6} {'R':>5} {'F1':>5} | "
                 f"{'q3 P':>5} {'R':>5} {'F1':>5} | {'F1 gap':>6} | {'entity':>6} {'property':>8} {'qualif':>6}")
    for name, s in result["sets"].items():
        o, b = s["ours"], s["quantulum3"]
        if not s["files"]:
            lines.append(f"{name:8} {0:>5}  (no texts with curated claims yet)")
            continue
        lines.append(f"{name:8} {s['files']:>5} {o['gold']:>5} | {_fmt(o['precision']):>6} {_fmt(o['recall'])} "
                     f"{_fmt(o['f1'])} | {_fmt(b['precision'])} {_fmt(b['recall'])} {_fmt(b['f1'])} | "
                     f"{s['f1_margin']:+6.3f} | {_fmt(o['entity_accuracy']):>6} {_fmt(o['property_accuracy']):>8} "
                     f"{_fmt(o['qualifier_accuracy']):>6}")
    lines.append("")
    lines.append("entity/property/qualifier: accuracy of the guesses on matched mentions whose gold states them")
    t = result.get("throughput")
    if t:
        lines.append(f"throughput: {t['mb_per_s']:.2f} MB/s ({t['bytes']:,} bytes in {t['seconds']:.2f} s, "
                     f"{t['drafts']:,} drafts)")
    return "\n".join(lines)


def check(result: dict) -> list[str]:
    problems = []
    h = result["sets"].get("holdout")
    if h and h["files"]:
        if h["ours"]["f1"] < TARGET_F1:
            problems.append(f"holdout F1 {h['ours']['f1']:.3f} < {TARGET_F1}")
        if h["f1_margin"] < TARGET_MARGIN:
            problems.append(f"holdout F1 margin over quantulum3 {h['f1_margin']:+.3f} < {TARGET_MARGIN}")
    t = result.get("throughput")
    if t and t["mb_per_s"] < TARGET_MBPS:
        problems.append(f"throughput {t['mb_per_s']:.2f} MB/s < {TARGET_MBPS}")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kb.extract.evaluate", description=__doc__.split("\n")[0])
    ap.add_argument("--root", type=Path, default=None, help="project root (default: found from the cwd)")
    ap.add_argument("--json", type=Path, default=None, help="also write the results as JSON to this file")
    ap.add_argument("--no-timing", action="store_true", help="leave out the throughput measurement")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("--verbose", action="store_true", help="list missed and spurious mentions on stderr")
    ap.add_argument("--sets", default="seeds,dev,holdout", help="comma-separated sets to evaluate")
    args = ap.parse_args(argv)
    if os.environ.get("PYTHONHASHSEED") != "0":
        # quantulum3's disambiguation iterates over sets of strings: its figures move with
        # hash randomisation. Run again with a fixed seed so that the output is deterministic.
        import subprocess

        env = dict(os.environ, PYTHONHASHSEED="0")
        cmd = [sys.executable, "-m", "kb.extract.evaluate", *(sys.argv[1:] if argv is None else argv)]
        return subprocess.call(cmd, env=env, cwd=os.getcwd())
    root = args.root or _find_root(Path.cwd())
    only = [x.strip() for x in args.sets.split(",") if x.strip()]
    result = evaluate(root, timing=not args.no_timing, verbose=args.verbose, only=only)
    print(render(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    if args.check:
        problems = check(result)
        for p in problems:
            print(f"target missed: {p}", file=sys.stderr)
        return 1 if problems else 0
    return 0


def _find_root(start: Path) -> Path:
    for d in [start, *start.parents]:
        if (d / "datasets").is_dir() and (d / "claims").is_dir():
            return d
    return Path(__file__).resolve().parents[1]


if __name__ == "__main__":
    sys.exit(main())
