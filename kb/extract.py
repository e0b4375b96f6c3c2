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
"""
from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

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
# Units: surface forms -> unit text, dimensions (for property guessing), factor.
# --------------------------------------------------------------------------------------

# canonical atom -> (dimensions, factor within its dimension)
_ATOMS = {
    "W": ({"power": 1}, 1.0), "kW": ({"power": 1}, 1e3), "MW": ({"power": 1}, 1e6),
    "GW": ({"power": 1}, 1e9), "TW": ({"power": 1}, 1e12),
    "Wh": ({"energy": 1}, 1.0), "kWh": ({"energy": 1}, 1e3), "MWh": ({"energy": 1}, 1e6),
    "GWh": ({"energy": 1}, 1e9), "TWh": ({"energy": 1}, 1e12),
    "J": ({"energy": 1}, 1 / 3600), "kJ": ({"energy": 1}, 1e3 / 3600), "MJ": ({"energy": 1}, 1e6 / 3600),
    "FLOPS": ({"flop": 1, "time": -1}, 1.0), "GFLOPS": ({"flop": 1, "time": -1}, 1e9),
    "TFLOPS": ({"flop": 1, "time": -1}, 1e12), "PFLOPS": ({"flop": 1, "time": -1}, 1e15),
    "EFLOPS": ({"flop": 1, "time": -1}, 1e18), "TOPS": ({"flop": 1, "time": -1}, 1e12),
    "FLOP": ({"flop": 1}, 1.0),
    "MB": ({"data": 1}, 1e-3), "GB": ({"data": 1}, 1.0), "TB": ({"data": 1}, 1e3),
    "PB": ({"data": 1}, 1e6), "GiB": ({"data": 1}, 1.073741824), "TiB": ({"data": 1}, 1099.511627776),
    "Gbit": ({"data": 1}, 0.125), "Tbit": ({"data": 1}, 125.0),
    "token": ({"token": 1}, 1.0), "parameter": ({"parameter": 1}, 1.0),
    "ns": ({"time": 1}, 1e-9), "µs": ({"time": 1}, 1e-6), "ms": ({"time": 1}, 1e-3),
    "s": ({"time": 1}, 1.0), "min": ({"time": 1}, 60.0), "hour": ({"time": 1}, 3600.0),
    "day": ({"time": 1}, 86400.0), "week": ({"time": 1}, 604800.0),
    "month": ({"time": 1}, 2629800.0), "year": ({"time": 1}, 31557600.0),
    "MHz": ({"time": -1}, 1e6), "GHz": ({"time": -1}, 1e9), "nm": ({"length": 1}, 1.0),
    "USD": ({"currency": 1}, 1.0), "cent": ({"currency": 1}, 0.01),
    "EUR": ({"currency_eur": 1}, 1.0), "GBP": ({"currency_gbp": 1}, 1.0),
    "x": ({}, 1.0), "percent": ({"percent": 1}, 1.0),
    "GPU": ({}, 1.0), "query": ({"query": 1}, 1.0), "request": ({"query": 1}, 1.0),
}
# spellings met in unit texts (property canonical units, curated claims) -> atom
_ATOM_ALIASES = {
    "watt": "W", "watts": "W", "tokens": "token", "tok": "token", "parameters": "parameter",
    "params": "parameter", "param": "parameter", "h": "hour", "hr": "hour", "hours": "hour",
    "hrs": "hour", "sec": "s", "second": "s", "seconds": "s", "days": "day", "weeks": "week",
    "months": "month", "mo": "month", "years": "year", "yr": "year", "$": "USD", "dollar": "USD",
    "dollars": "USD", "cents": "cent", "%": "percent", "flops": "FLOPS", "teraflops": "TFLOPS",
    "petaflops": "PFLOPS", "FLOPs": "FLOP", "GPUs": "GPU", "queries": "query", "requests": "request",
    "us": "µs", "μs": "µs", "TFLOP/s": "TFLOPS", "PFLOP/s": "PFLOPS",
}
_SCALES = {"K": 1e3, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALE_WORD = {"k": "K", "K": "K", "M": "million", "B": "billion", "T": "trillion", "bn": "billion",
               "mn": "million", "mln": "million", "tn": "trillion", "thousand": "thousand",
               "million": "million", "billion": "billion", "trillion": "trillion"}


@functools.lru_cache(maxsize=512)
def _unit_info(unit_text: str):
    """(dimensions as a sorted tuple, factor to the dimension's base atom) or None if unknown.

    A small reader for the unit texts this module writes and the property vocabulary uses;
    it serves the property guess only (evaluation and checking use kb.units).
    """
    t = str(unit_text).strip().replace("$", " USD ")
    t = re.sub(r"\s+per\s+", "/", t)
    dims: dict = {}
    factor = 1.0
    for i, part in enumerate(t.split("/")):
        sign = 1 if i == 0 else -1
        for w in re.split(r"[\s*·-]+", part.strip()):
            if not w:
                continue
            f = _SCALES.get(w) or _SCALES.get(w.lower())
            m = re.fullmatch(r"([0-9][0-9,]*(?:\.[0-9]+)?)([kKM]?)", w)
            if f is None and m:
                f = float(m.group(1).replace(",", "")) * {"k": 1e3, "K": 1e3, "M": 1e6}.get(m.group(2), 1.0)
            if f is not None:
                factor = factor * f if sign > 0 else factor / f
                continue
            if w.lower() == "mtok":
                w, factor = "token", factor / 1e6 if sign < 0 else factor * 1e6
            atom = w if w in _ATOMS else _ATOM_ALIASES.get(w) or _ATOM_ALIASES.get(w.lower())
            if atom is None and w.endswith("s") and w[:-1] in _ATOMS:
                atom = w[:-1]
            if atom is None:
                return None
            adims, af = _ATOMS[atom]
            factor = factor * af if sign > 0 else factor / af
            for k, v in adims.items():
                dims[k] = dims.get(k, 0) + sign * v
    return tuple(sorted((k, v) for k, v in dims.items() if v)), factor


def _unit_dims(unit_text: str):
    info = _unit_info(str(unit_text))
    return info[0] if info else None


# Surface forms of units written after a number. Each entry: regex, canonical atom.
_UNIT_FORMS = [
    (r"(?i:kilowatt[- ]hours?)|kWh", "kWh"), (r"(?i:megawatt[- ]hours?)|MWh", "MWh"),
    (r"(?i:gigawatt[- ]hours?)|GWh", "GWh"), (r"(?i:terawatt[- ]hours?)|TWh", "TWh"),
    (r"(?i:watt[- ]hours?)|Wh", "Wh"),
    (r"(?i:kilowatts?)|kW", "kW"), (r"(?i:megawatts?)|MW", "MW"), (r"(?i:gigawatts?)|GW", "GW"),
    (r"(?i:terawatts?)|TW", "TW"), (r"(?i:watts?)|W", "W"),
    (r"(?i:kilojoules?)|kJ", "kJ"), (r"(?i:megajoules?)|MJ", "MJ"), (r"(?i:joules?)|J", "J"),
    (r"TFLOP/s|TFLOPS|TFLOPs|(?i:tera-?flops)", "TFLOPS"),
    (r"PFLOP/s|PFLOPS|PFLOPs|(?i:peta-?flops)", "PFLOPS"),
    (r"EFLOP/s|EFLOPS|EFLOPs|(?i:exa-?flops)", "EFLOPS"),
    (r"GFLOP/s|GFLOPS|GFLOPs|(?i:giga-?flops)", "GFLOPS"),
    (r"TOPS|(?i:tera-?ops)", "TOPS"),
    (r"FLOP/s|FLOPS|flops", "FLOPS"),
    (r"FLOPs|FLOP|(?i:floating[- ]point operations)", "FLOP"),
    (r"GiB", "GiB"), (r"TiB", "TiB"),
    (r"Gbps|Gb/s", "Gbit/s"), (r"Tbps|Tb/s", "Tbit/s"),
    (r"GB|(?i:gigabytes?)", "GB"), (r"TB|(?i:terabytes?)", "TB"), (r"MB|(?i:megabytes?)", "MB"),
    (r"PB|(?i:petabytes?)", "PB"),
    (r"(?i:tokens?|toks?)", "token"), (r"(?i:parameters?|params?)", "parameter"),
    (r"ms|(?i:milli-?seconds?|msecs?)", "ms"), (r"µs|μs|(?i:micro-?seconds?)", "µs"),
    (r"ns|(?i:nano-?seconds?)", "ns"),
    (r"(?i:seconds?|secs?)|s", "s"), (r"(?i:minutes?|mins?)", "min"),
    (r"(?i:hours?|hrs?)", "hour"), (r"(?i:days?)", "day"), (r"(?i:weeks?)", "week"),
    (r"GHz", "GHz"), (r"MHz", "MHz"), (r"nm", "nm"),
]
_UNIT_RE = re.compile("(?:" + "|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(_UNIT_FORMS))
                      + r")(?![A-Za-z0-9])")

_NUM = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]{1,3}(?![A-Za-z0-9]))?|\.[0-9]+"
_SPELLED = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
            "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
            "half a": 0.5}
_SCALE_WORDS_RE = r"thousand|million|billion|trillion|bn|mn|mln|tn"
# Candidate starts. The numeric scan starts with literal characters so that the regex
# engine can skip ahead fast; spelled numbers ("two million", "four times") and vague
# plurals ("billions of dollars") are found from the rarer scale words and looked back for.
_CAND_RE = re.compile(r"US\$|\$|€|£|USD\s?(?=[0-9])|[0-9](?<![\w.,][0-9])|\.[0-9](?<![0-9,]\.[0-9])")
_SCALE_HIT_RE = re.compile(r"(?:[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion|times|fold|THOUSAND|MILLION|BILLION"
                           r"|TRILLION|TIMES|FOLD)")
_SPELLED_BEFORE_RE = re.compile(r"(?<![A-Za-z])(?i:half a|an?|one|two|three|four|five|six|seven|eight|nine|ten"
                                r"|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)[\s-]+$")
_VAGUE_BEFORE_RE = re.compile(r"(?<![A-Za-z])(?i:tens|hundreds)\s+of\s+$")


def _candidate_starts(text: str) -> list[int]:
    out = [m.start() for m in _CAND_RE.finditer(text)]
    extra = []
    for m in _SCALE_HIT_RE.finditer(text):
        p = m.start()
        if p and text[p - 1].isalpha():
            continue
        window_lo = max(0, p - 16)
        sm = _SPELLED_BEFORE_RE.search(text, window_lo, p)
        if sm:
            extra.append(sm.start())
        vm = _VAGUE_BEFORE_RE.search(text, window_lo, p)
        if vm:
            extra.append(vm.start())
        elif text[m.end():m.end() + 1] in ("s", "S"):
            extra.append(p)  # "billions of ..."
    if extra:
        out = sorted(set(out).union(extra))
    return out


_NUM_AT = re.compile(
    r"(?P<cur>US\$|\$|€|£|USD\s?)?[ \u00a0]?(?P<num>" + _NUM + r")"
    r"|(?P<word>(?i:half a|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|fifteen|twenty|thirty|forty|fifty|hundred))\b")
_SFX_RE = re.compile(r"(?P<s>bn|mn|mln|tn|[kKMBT])(?![A-Za-z0-9])")
_SCALE_RE = re.compile(r"[\s\u00a0-]+(?P<s>(?i:" + _SCALE_WORDS_RE + r"))\b")
_RATIO_RE = re.compile(r"(?:[x×](?![A-Za-z0-9])|[\s-]*(?i:times\b|fold\b))")
_PCT_RE = re.compile(r"\s?%|\s(?i:percent|per cent)\b")
_CUR_SFX_RE = re.compile(r"\s+(?:(?i:US dollars?|dollars?)\b|USD\b|(?i:euros?)\b|EUR\b|(?i:cents?)\b)")
_GAP_RE = re.compile(r"[\s\u00a0\u202f]*-?[\s\u00a0\u202f]*(?:(?P<mod>(?i:input|output|prompt|completion"
                     r"|training|total|active|trainable|generated|context|dense|sparse)"
                     r")[\s-]+)?")
_PER_RE = re.compile(
    r"\s*(?:/|(?i:per|every|each)\s|(?i:an?)\s(?=(?i:hour|month|year|day|week|second|minute)))\s*"
    r"(?:(?P<count>1\s?[kKM]\b|1,000,000\b|1,000\b|1000\b|1\s(?i:thousand|million)\b"
    r"|(?i:one\s)?(?i:thousand|million)\b|[kKM](?=\s?tok))\s*)?"
    r"(?:(?P<dir>(?i:input|output|prompt|completion|generated))\s+)?"
    r"(?P<den>(?i:mtoks?|tokens?|toks?)|(?i:gpu)[- ](?i:hours?|hrs?)\b|(?i:gpu)\s?(?:/|per\s)\s?(?i:hours?|hrs?|h)\b"
    r"|(?i:gpu)(?:s\b|\b)(?:\s?(?:/|per\s|an?\s)\s?(?i:hour|hr|h)\b)?"
    r"|(?i:hours?|hrs?)|h|(?i:months?)|mo|(?i:years?|yr)|(?i:days?)|(?i:weeks?)|(?i:seconds?|secs?)|s"
    r"|(?i:minutes?|mins?)|(?i:quer(?:y|ies)|requests?)|kWh|MWh|(?i:watts?)|W)(?![A-Za-z0-9])")
_PER_WORD_RE = re.compile(r"\s*(?P<w>(?i:annually|per annum|yearly|monthly|daily|hourly))\b")
_PER_HOUR_RE = re.compile(r"\s*(?:/|per\s|an?\s)\s*(?i:hours?|hrs?|h)\b")
_PER_GPU_RE = re.compile(r"\s*(?:/|\s(?i:per)\s)\s*(?i:gpu|card|accelerator)\b")
# units that take a denominator ("tokens per second", "TB/s", "Wh per query"), and which
_PER_ATOMS = {"token", "TB", "GB", "MB", "TFLOPS", "PFLOPS", "FLOPS", "TOPS", "J", "kJ", "Wh", "kWh", "MWh"}
_ENERGY = {"J", "kJ", "Wh", "kWh", "MWh"}


def _per_allowed(q: "_Q", den: str) -> bool:
    d = den.lower()
    if q.cur:
        return True
    if q.atom in _ENERGY:  # energy per token / per query; not "kWh per year"
        return d.startswith(("tok", "quer", "request"))
    return not d.startswith(("tok", "mtok", "gpu", "quer", "request", "kwh", "mwh", "watt", "w"))
_POST_RE = re.compile(r"(?P<lower_bound>\+|\s+(?:or (?:more|higher|above|greater)\b|plus\b|and up\b))"
                      r"|(?P<upper_bound>\s+or (?:less|fewer|lower|below)\b)|(?P<approx>\s+or so\b)")
_CONNECT_RE = re.compile(r"\s*(?P<c>-|–|—|(?i:to|and|through))\s*(?:(?i:just\s|nearly\s|about\s|around\s"
                         r"|roughly\s|over\s|more than\s|under\s|almost\s|up to\s))?")
_PRE_CUE_RE = re.compile(
    r"(?:(?P<upper>\bup to|\bas (?:much|many|high) as|\bat most|\bno more than|\bnot more than|\bmaximum of"
    r"|\bunder|\bbelow|\bless than|\bfewer than|\blower than|\bcapped at|\bat the most)"
    r"|(?P<lower>\bmore than|\bover|\bexceed(?:s|ed|ing)?|\bin excess of|\bat least|\bupwards of|\babove"
    r"|\bgreater than|\bhigher than|\bnorth of|\bpass(?:ed|es)?|\bsurpass(?:es|ed|ing)?|\bminimum of"
    r"|\bstarting at|\bas (?:low|little) as|\blonger than|\bbeyond)"
    r"|(?P<approx>\babout|\baround|\bapproximately|\bapprox\.?|\broughly|\bnearly|\balmost|\bclose to"
    r"|\bcloser? to|\bsome|\bcirca|\bca\.|~|≈|\bon the order of|\bin the region of"
    r"|\bsomething like))"
    r"(?:\s+(?:of|at|a|an|the|just|only|some))?[\s\u00a0]*$", re.IGNORECASE)
_BETWEEN_RE = re.compile(r"\b(?:between|from)\s*$", re.IGNORECASE)


@dataclass
class _Q:
    start: int
    end: int
    num_text: str
    value: float
    cur: str | None = None         # USD, EUR, GBP, cent
    scale: str | None = None       # K, thousand, million, billion, trillion
    atom: str | None = None        # canonical atom (W, token, ...)
    ratio: bool = False
    percent: bool = False
    den: str | None = None         # token, hour, GPU-hour, month, ...
    den_count: str | None = None   # 1K, 1M
    direction: str | None = None
    per_gpu: bool = False
    post: str | None = None        # lower_bound / upper_bound / approx from a trailing cue
    spelled: bool = False
    mod: str | None = None

    @property
    def has_unit(self) -> bool:
        return bool(self.cur or self.atom or self.ratio or self.percent)


def _num_value(s: str) -> float:
    return float(s.replace(",", ""))


_DEN_ATOMS = {"hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "h": "hour", "month": "month",
              "months": "month", "mo": "month", "year": "year", "years": "year", "yr": "year", "day": "day",
              "days": "day", "week": "week", "weeks": "week", "second": "s", "seconds": "s", "sec": "s",
              "secs": "s", "s": "s", "minute": "min", "minutes": "min", "min": "min", "mins": "min",
              "query": "query", "queries": "query", "request": "request", "requests": "request",
              "kwh": "kWh", "mwh": "MWh", "watt": "W", "watts": "W", "w": "W"}


def _den_atom(den: str) -> tuple[str, bool]:
    """Canonical denominator for a matched denominator text, and whether it is per GPU."""
    d = re.sub(r"\s+", "", den.lower())
    if d.startswith("gpu"):
        return ("GPU-hour" if re.search(r"(?:hours?|hrs?|/h|perh)$", d) else "GPU"), True
    if d.startswith("mtok"):
        return "MTok", False
    if d.startswith("tok"):
        return "token", False
    return _DEN_ATOMS.get(d, d), False


def _parse_at(text: str, pos: int) -> _Q | None:
    """Parse a number with its scale, unit and denominator starting at ``pos``."""
    m = _NUM_AT.match(text, pos)
    if not m:
        return None
    n = len(text)
    if m.group("word"):
        word = m.group("word").lower()
        q = _Q(m.start(), m.end(), m.group("word"), float(_SPELLED[word]), spelled=True)
    else:
        num = m.group("num")
        e = m.end()
        if e < n - 1 and text[e] in ".:" and text[e + 1].isdigit():
            return None  # version number (1.2.3) or clock time (0:00)
        if e < n and (text[e].isdigit() or text[e] == ","):
            return None
        cur = m.group("cur")
        q = _Q(m.start(), e, num, _num_value(num))
        if cur:
            q.cur = {"€": "EUR", "£": "GBP"}.get(cur.strip(), "USD")
    p = q.end
    if not q.spelled:
        sm = _SFX_RE.match(text, p)
        if sm:
            q.scale = _SCALE_WORD[sm.group("s")]
            p = sm.end()
    if q.scale is None:
        sm = _SCALE_RE.match(text, p)
        if sm:
            q.scale = _SCALE_WORD[sm.group("s").lower()]
            p = sm.end()
    if text[p:p + 1] == "+" and not q.spelled:  # "50+ tokens/s", "$10M+"
        q.post, p = "lower_bound", p + 1
    rm = _RATIO_RE.match(text, p)
    if q.spelled and q.scale is None and not rm:
        return None  # "one token": spelled numbers count with a scale word or as "four times"
    if rm and not q.cur:
        q.ratio, p = True, rm.end()
    else:
        pm = _PCT_RE.match(text, p)
        if pm and not q.cur:
            q.percent, p = True, pm.end()
    if not (q.ratio or q.percent):
        if not q.cur:
            cm = _CUR_SFX_RE.match(text, p)
            if cm:
                w = cm.group(0).strip().lower()
                q.cur = "cent" if w.startswith("cent") else "EUR" if w.startswith(("euro", "eur")) else "USD"
                p = cm.end()
        if not q.cur:
            gm = _GAP_RE.match(text, p)
            um = _UNIT_RE.match(text, gm.end()) if gm else None
            if um:
                q.atom = _UNIT_FORMS[int(um.lastgroup[1:])][1]
                q.mod = gm.group("mod")
                p = um.end()
        if q.cur or q.atom in _PER_ATOMS:
            pm = _PER_RE.match(text, p)
            if pm and _per_allowed(q, pm.group("den")):
                q.den, per_gpu = _den_atom(pm.group("den"))
                q.per_gpu = per_gpu
                q.den_count = pm.group("count")
                q.direction = (pm.group("dir") or "").lower() or None
                p = pm.end()
                if q.den == "GPU":  # "per GPU per hour"
                    hm = _PER_HOUR_RE.match(text, p)
                    if hm:
                        q.den, p = "GPU-hour", hm.end()
                elif q.den == "hour" and q.cur:
                    gm2 = _PER_GPU_RE.match(text, p)
                    if gm2:
                        q.den, p = "GPU-hour", gm2.end()
            elif q.cur:
                wm = _PER_WORD_RE.match(text, p)
                if wm:
                    w = wm.group("w").lower()
                    q.den = {"annually": "year", "per annum": "year", "yearly": "year",
                             "monthly": "month", "daily": "day", "hourly": "hour"}[w]
                    p = wm.end()
            if q.atom and q.den is None:
                gm3 = _PER_GPU_RE.match(text, p)
                if gm3:
                    q.per_gpu, p = True, gm3.end()
    post = _POST_RE.match(text, p)
    if post:
        q.post, p = post.lastgroup, post.end()
    q.end = p
    return q


def _den_text(q: _Q) -> str:
    count = (q.den_count or "").replace(" ", "").replace(",", "").lower()
    if q.den == "MTok":
        count = "1m"
    if q.den in ("token", "MTok") and count:
        k = "1K" if count in ("1k", "1000", "k", "thousand", "onethousand", "1thousand") else "1M"
        return f" per {k} tokens"
    return f"/{q.den}"


def _unit_text(q: _Q) -> str:
    if q.ratio:
        return "x"
    if q.percent:
        return "percent"
    core = q.cur or q.atom or ""
    text = f"{q.scale} {core}" if q.scale else core
    if q.den:
        text += _den_text(q)
    return text


def _factor(q: _Q) -> float:
    f = _SCALES.get(q.scale or "", 1.0)
    atom = q.cur or q.atom
    if atom in _ATOMS:
        f *= _ATOMS[atom][1]
    return f


def _same_kind(a: _Q, b: _Q) -> bool:
    """Units of a and b measure the same thing (so a range can join them: 200 ms to 1 s)."""
    def kind(q: _Q):
        dims = tuple(sorted(_ATOMS[q.atom][0].items())) if q.atom in _ATOMS else q.atom
        return q.cur, q.ratio, q.percent, dims, _den_text(q) if q.den else None
    return kind(a) == kind(b)


def _looks_like_year(q: _Q) -> bool:
    return (not q.has_unit and q.scale is None and re.fullmatch(r"(1[89]|20)[0-9]{2}", q.num_text) is not None)


# --------------------------------------------------------------------------------------
# Sentences, clauses, aliases
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
                               words, atoms, tuple(p.get("conditions") or ()), lo, hi))
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
                        conditions=list(cd)) for i, t, c, nm, d, pl, cd in pkey])


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
                  _plausible_key(p.get("plausible")), tuple(p.get("conditions") or ()))
                 for p in properties or [] if isinstance(p, dict))
    return _index_cached(ekey, pkey)


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


_IMPLAUSIBLE_FACTOR = 1000.0  # a value this far outside every plausible range is another property


def _guess_property(idx: _Index, unit: str, values, ctx_words: set) -> tuple[str | None, float]:
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


_VAGUE_RE = re.compile(
    r"(?P<m>(?i:tens|hundreds|thousands|millions|billions|trillions))"
    r"(?P<chain>(?:\s+of\s+(?i:thousands|millions|billions|trillions))*)"
    r"(?:\s+(?i:or|and)(?:\s+(?i:even|perhaps|possibly))?\s+(?i:tens\s+of\s+|hundreds\s+of\s+)?"
    r"(?i:thousands|millions|billions|trillions)(?:\s+of\s+(?i:thousands|millions|billions|trillions))*)?"
    r"\s+of\s+(?:(?P<mod>(?i:input|output|training|active|total))\s+)?"
    r"(?P<u>(?i:US\s+dollars|dollars|tokens|parameters|watts|kilowatts|megawatts|gigawatts|teraflops"
    r"|petaflops|GPU[- ]hours))\b")
_VAGUE_MULT = {"tens": 10.0, "hundreds": 100.0}
_VAGUE_UNIT = {"dollars": ("USD", None), "us dollars": ("USD", None), "tokens": (None, "token"),
               "parameters": (None, "parameter"), "watts": (None, "W"), "kilowatts": (None, "kW"),
               "megawatts": (None, "MW"), "gigawatts": (None, "GW"), "teraflops": (None, "TFLOPS"),
               "petaflops": (None, "PFLOPS")}
_ELLIPSIS_LINK_RE = re.compile(r"\b(?:from|than|versus|vs\.?|against|compared (?:with|to)|instead of)\b", re.I)
_PER_TOKEN_RE = re.compile(r"\s+(?:per|for each|each|a)\s+token\b", re.I)
_NEGATION_RE = re.compile(r"\b(?:not|never)\s+(?:even\s+)?$", re.I)


def _vague(text: str, s: int) -> tuple[_Q, str] | None:
    """"billions of dollars" -> lower bound 1 billion USD (the reading curated claims use)."""
    m = _VAGUE_RE.match(text, s)
    if not m:
        return None
    words = [m.group("m").lower()] + re.findall(r"(?i:thousands|millions|billions|trillions)", m.group("chain"))
    value = _VAGUE_MULT.get(words[0], 1.0)
    scales = [w[:-1] for w in words if w not in _VAGUE_MULT]
    u = m.group("u").lower()
    if u.startswith("gpu"):
        return None
    cur, atom = _VAGUE_UNIT[re.sub(r"\s+", " ", u)]
    scale = None
    if scales:
        f = 1.0
        for w in scales:
            f *= _SCALES[w]
        scale = {1e3: "thousand", 1e6: "million", 1e9: "billion", 1e12: "trillion"}.get(f)
        if scale is None:
            return None
    q = _Q(m.start(), m.end(), "", value, cur=cur, scale=scale, atom=atom, mod=m.group("mod"))
    return q, "lower_bound"


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
    d.property, d.property_confidence = _guess_property(idx, d.unit, values, ctx_words)
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

    from kb.ingest import HTML_SUFFIXES, TEXT_SUFFIXES, IngestError, read_source_text
    from kb.promote import PromoteError, write_drafts

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
