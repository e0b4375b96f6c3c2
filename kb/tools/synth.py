"""A synthetic knowledge base of realistic shape, for benchmarks.

Many sources (about 50 claims each), hundreds of entities in families and variants, every
property kind, equivalent units (W and kW; USD per token, per 1K and per 1M tokens), every
qualifier, conditions, references with citations, and a few per cent of deliberately wrong
values (scale slips, sparse-for-dense, another variant's value) so that the content rules
have work to do. Deterministic for a given seed.
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

# property id: (canonical unit, [(unit text, factor from canonical to that unit)], kind,
#              typical canonical value range, states_maximum, condition keys)
PROPS = {
    "tdp": ("W", [("W", 1), ("kW", 1e-3), ("watts", 1)], "gpu", (250, 1200), True, ["scope"]),
    "peak-throughput": ("TFLOPS", [("TFLOPS", 1), ("teraflops", 1), ("PFLOPS", 1e-3)], "gpu", (20, 5000), True,
                        ["precision", "sparsity"]),
    "memory-capacity": ("GB", [("GB", 1)], "gpu", (16, 288), True, []),
    "rental-price": ("USD/hour", [("USD/hour", 1), ("USD/GPU-hour", 1), ("$/hour", 1)], "gpu", (0.5, 15), False, ["provider"]),
    "parameters-total": ("billion parameter", [("billion parameter", 1), ("B parameter", 1), ("million parameters", 1e3)],
                         "model", (1, 2000), False, []),
    "context-window": ("token", [("token", 1), ("K token", 1e-3), ("million tokens", 1e-6)], "model", (4000, 2000000), True, []),
    "token-price": ("USD per 1M tokens", [("USD per 1M tokens", 1), ("USD per 1K tokens", 1e-3), ("USD/token", 1e-6)],
                    "model", (0.1, 60), False, ["direction"]),
    "inference-latency": ("ms", [("ms", 1), ("s", 1e-3)], "model", (50, 5000), False, []),
    "net-loss": ("million USD", [("million USD", 1), ("billion USD", 1e-3)], "organisation", (100, 10000), False, ["period"]),
    "cash-burn-rate": ("million USD/month", [("million USD/month", 1), ("billion USD/month", 1e-3)], "organisation",
                       (10, 1000), False, ["period"]),
}
PLAUSIBLE = {"tdp": (20, 2000), "peak-throughput": (1, 50000), "memory-capacity": (4, 1000), "rental-price": (0.05, 100),
             "parameters-total": (0.01, 20000), "context-window": (512, 1e8), "token-price": (0.001, 1000),
             "inference-latency": (1, 600000), "net-loss": (0, 200000), "cash-burn-rate": (0, 20000)}
CONDITION_VALUES = {
    "scope": ["per-gpu", "per-node"], "precision": ["fp64", "fp32", "fp16", "fp8"], "sparsity": ["dense", "sparse"],
    "direction": ["input", "output"], "period": ["2022", "2023", "2024", "2025"],
}
QUALIFIERS = ["exact"] * 5 + ["approx"] * 2 + ["upper_bound", "lower_bound", "range"]
WORDS = ("the analysts said that in practice the figure for the new system was reported as roughly "
         "comparable with earlier estimates while vendors claimed more").split()


def synthesize(out: Path, n_claims: int, seed: int = 0, per_source: int = 50) -> dict:
    """Write a knowledge base with ``n_claims`` claims under ``out`` (which must not exist or be
    empty), ``per_source`` claims per source (one claims file each)."""
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise ValueError(f"{out} exists and is not empty")
    rng = random.Random(seed)
    for d in ("claims", "datasets/sources", "datasets/entities", "datasets/properties", "datasets/references"):
        (out / d).mkdir(parents=True, exist_ok=True)

    # vocabulary and conditions
    conds = {"conditions": {k: {"description": k, "values": v} for k, v in CONDITION_VALUES.items()} | {
        "provider": {"description": "provider", "values_from": "organisation"}}}
    conds["conditions"]["period"] = {"description": "period", "pattern": r"^\d{4}$"}
    (out / "datasets/conditions.yaml").write_text(json.dumps(conds, indent=1))
    props = []
    for pid, (canon, _units, kind, _rng, smax, ckeys) in PROPS.items():
        lo, hi = PLAUSIBLE[pid]
        props.append({"id": pid, "name": pid, "description": f"synthetic {pid}", "canonical_unit": canon,
                      "states_maximum": smax, "conditions": ckeys,
                      "plausible": {kind: {"low": f"{lo} {canon}", "high": f"{hi} {canon}", "rationale": "synthetic"}}})
    (out / "datasets/properties/props.yaml").write_text(json.dumps({"properties": props}, indent=1))

    # entities: organisations, GPU families with variants, model families with variants
    n_fam = max(10, n_claims // 1000)
    ents, by_kind = [], {"gpu": [], "model": [], "organisation": []}
    for i in range(max(5, n_fam // 2)):
        ents.append({"id": f"org-{i}", "name": f"Org {i}", "kind": "organisation", "aliases": [f"Org{i}"]})
        by_kind["organisation"].append(f"org-{i}")
    for kind in ("gpu", "model"):
        for i in range(n_fam):
            fam = f"{kind}-{i}"
            ents.append({"id": fam, "name": fam, "kind": kind, "vendor": f"org-{i % max(5, n_fam // 2)}", "aliases": [fam.upper()]})
            by_kind[kind].append(fam)
            for v in range(rng.randint(1, 3)):
                vid = f"{fam}-v{v}"
                ents.append({"id": vid, "name": vid, "kind": kind, "family": fam, "aliases": [vid.upper()]})
                by_kind[kind].append(vid)
    (out / "datasets/entities/entities.yaml").write_text(json.dumps({"entities": ents}, indent=1))

    # a "true" value per (entity, property, conditions) and references for about half of them
    truth: dict[tuple, float] = {}
    refs = []
    fams = {e["id"]: [v["id"] for v in ents if v.get("family") == e["id"]] for e in ents}
    for pid, (canon, _u, kind, (lo, hi), _s, ckeys) in PROPS.items():
        for ent in by_kind[kind]:
            if fams.get(ent):
                continue  # a family's values are its variants'
            cond = {k: rng.choice(CONDITION_VALUES[k]) for k in ckeys if k in CONDITION_VALUES}
            if "provider" in ckeys:
                cond["provider"] = rng.choice(by_kind["organisation"])
            val = float(f"{rng.uniform(lo, hi):.3g}")  # articles and datasheets round
            truth[(ent, pid)] = (val, cond)
            if rng.random() < 0.5:
                refs.append({"id": f"ref-{ent}-{pid}", "entity": ent, "property": pid, "value": val, "unit": canon,
                             "qualifier": "exact", "conditions": cond, "citation": "synthetic-datasheet",
                             "locator": "table 1"})
        for ent in by_kind[kind]:
            if fams.get(ent):  # a claim about a family states one of its variants' values
                truth[(ent, pid)] = truth[(rng.choice(fams[ent]), pid)]
    cit = [{"id": "synthetic-datasheet", "publisher": "Synthetic", "title": "Synthetic datasheet", "url": "https://example.org",
            "date": "2025-01-01", "kind": "primary"}]
    (out / "datasets/references/refs.yaml").write_text(json.dumps({"citations": cit, "references": refs}, indent=1))

    keys = list(truth)
    n_sources = max(1, -(-n_claims // per_source))
    made = 0
    for s in range(n_sources):
        sid = f"src-{s:06d}"
        parts, claims, pos = [], [], 0
        for _ in range(min(per_source, n_claims - made)):
            ent, pid = rng.choice(keys)
            val, cond = truth[(ent, pid)]
            canon, units, *_ = PROPS[pid]
            unit, f = rng.choice(units)
            r = rng.random()
            if r < 0.02:
                val *= 1000  # a scale slip
            elif r < 0.04:
                val *= 2  # sparse for dense
            stated = float(f"{val * f:.4g}")
            q = rng.choice(QUALIFIERS)
            filler = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 12)))
            high = float(f"{stated * 1.2:.4g}")
            num = f"{stated:g} to {high:g}" if q == "range" else f"{stated:g}"
            quote = f"{ent.upper()} {pid.replace('-', ' ')} is {num} {unit}"
            sentence = f"{filler.capitalize()}, {quote}. "
            start = pos + len(filler) + 2
            rec = {"id": f"{sid}-c{made:07d}", "entity": ent, "property": pid, "unit": unit, "qualifier": q,
                   "conditions": cond if rng.random() < 0.8 else {}, "quote": quote, "start": start,
                   "end": start + len(quote), "as_of": f"202{rng.randint(2, 5)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"}
            if q == "range":
                rec["low"], rec["high"] = stated, high
            else:
                rec["value"] = stated
            if rng.random() < 0.05:
                rec["review"] = {"verdict": rng.choice(["correct", "wrong", "dubious"]), "note": "synthetic", "date": "2025-06-01"}
            parts.append(sentence)
            pos += len(sentence)
            claims.append(rec)
            made += 1
        text = "".join(parts)
        data = text.encode("utf-8")
        (out / f"datasets/sources/{sid}.txt").write_bytes(data)
        (out / f"datasets/sources/{sid}.yaml").write_text(
            f"id: {sid}\ntitle: Synthetic article {s}\npublisher: Synthetic Media\nauthor: null\npublished: null\n"
            f"url: null\noriginal_filename: {sid}.txt\nsha256: {hashlib.sha256(data).hexdigest()}\ntrust: web\n")
        (out / f"claims/{sid}.yaml").write_text(_claims_yaml(sid, claims))
    return {"claims": made, "sources": n_sources, "entities": len(ents), "references": len(refs)}


def _claims_yaml(sid: str, claims: list[dict]) -> str:
    """Block-style YAML like a curator writes, built directly (PyYAML's dumper is slow)."""
    lines = [f"source: {sid}", "claims:"]
    for c in claims:
        lines.append(f"  - id: {c['id']}")
        for k in ("entity", "property", "value", "low", "high", "unit", "qualifier"):
            if k in c:
                v = c[k]
                lines.append(f"    {k}: {json.dumps(v) if isinstance(v, str) else v}")
        if c["conditions"]:
            lines.append("    conditions: {" + ", ".join(f"{k}: {json.dumps(v)}" for k, v in c["conditions"].items()) + "}")
        else:
            lines.append("    conditions: {}")
        lines.append(f"    quote: {json.dumps(c['quote'])}")
        lines.append(f"    start: {c['start']}")
        lines.append(f"    end: {c['end']}")
        lines.append(f"    as_of: {c['as_of']}")
        if "review" in c:
            r = c["review"]
            lines.append(f"    review: {{verdict: {r['verdict']}, note: {r['note']}, date: {r['date']}}}")
    return "\n".join(lines) + "\n"
