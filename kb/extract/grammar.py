"""The grammar of quantities in text: numbers (digits, spelled numbers, scale words and
suffixes), currencies, units and their denominators, qualifier cues and range connectors,
vague plurals (``billions of dollars``); the unit tables (atoms, aliases, scales) and a small
reader of unit texts (dimensions and factor) for the property guess.

:func:`_parse_at` reads one quantity (:class:`_Q`) at a candidate start
(:func:`_candidate_starts`); :func:`_unit_text` writes its unit text. kb.extract builds the
drafts from them.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass


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
# Vague plurals
# --------------------------------------------------------------------------------------

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
