"""Relations proposed by `kb extract` (kb.extract.arith) and carried by `kb promote`."""
from __future__ import annotations

import time
from pathlib import Path

import yaml

from kb.extract.arith import Item, attach, discover, propose, read_written
from kb.extract.drafts import drafts_document, extract_text
from kb.extract.promote import draft_path, promote, write_drafts

from conftest import draft_records as _recs


def items(text: str, *spec) -> list[Item]:
    """Items at the first place each raw text stands: (id, raw, value or (low, high), unit)."""
    out, pos = [], 0
    for ident, raw, value, unit in spec:
        s = text.index(raw, pos)
        pos = s + len(raw)
        lo, hi = value if isinstance(value, tuple) else (value, value)
        out.append(Item(ident, s, s + len(raw), lo, hi, unit))
    return out


def test_right_arithmetic_is_proposed_as_consistent():
    text = "A node of eight H100s at 700 W each draws 5.6 kW."
    ps = discover(text, items(text, ("n", "eight H100s", 8, "GPU"), ("w", "700 W", 700, "W"), ("p", "5.6 kW", 5.6, "kW")))
    assert [(p.target, p.formula, p.inputs, p.verdict) for p in ps] == [("p", "a * b", {"a": "n", "b": "w"}, "consistent")]
    assert ps[0].with_numbers == "8 GPU × 700 W" and ps[0].computed == (5.6, 5.6)


def test_a_scale_slip_is_proposed_as_a_miss_with_its_cause():
    text = "Summarising 12 pages (8,192 tokens) at $0.03 per 1,000 tokens would cost about $2.50."
    ps = discover(text, items(text, ("pages", "12 pages", 12, "page"), ("t", "8,192 tokens", 8192, "token"),
                              ("price", "$0.03 per 1,000 tokens", 0.03, "USD per 1K tokens"),
                              ("cost", "$2.50", 2.5, "USD")))
    (p,) = ps
    assert (p.target, p.verdict, set(p.inputs.values())) == ("cost", "misses", {"t", "price"})
    assert "10^1" in p.cause and abs(p.factor - 10.17) < 0.01


def test_a_cost_per_day_called_per_month():
    text = "Two GPUs at $2 per GPU-hour cost $96 per month."
    ps = discover(text, items(text, ("n", "Two GPUs", 2, "GPU"), ("r", "$2 per GPU-hour", 2, "USD/hour"),
                              ("c", "$96 per month", 96, "USD/month")))
    # written out? no operator: an implied relation with a count is not claimed as a slip
    assert ps == []
    text = "Two GPUs × $2 per GPU-hour = $96 per month."
    ps = discover(text, items(text, ("n", "Two GPUs", 2, "GPU"), ("r", "$2 per GPU-hour", 2, "USD/hour"),
                              ("c", "$96 per month", 96, "USD/month")))
    (p,) = ps
    assert p.verdict == "misses" and p.how == "written" and "per day vs per month" in p.cause


def test_coincidences_are_not_proposed():
    # 2 x 400 W is 800 W, not 700 W: no telltale factor, nothing proposed
    text = "The A100 draws 400 W, the H100 700 W, and two cards share one 2 kW supply."
    assert discover(text, items(text, ("a", "400 W", 400, "W"), ("h", "700 W", 700, "W"),
                                ("n", "two cards", 2, "GPU"), ("s", "2 kW", 2, "kW"))) == []
    # shares and ratios meet powers of ten by chance: never a slip
    text = "Revenue grew 10x to $2 billion, up from $20 billion a decade ago in another market."
    assert all(p.verdict == "consistent" for p in discover(text, items(
        text, ("r", "10x", 10, "x"), ("a", "$2 billion", 2e9, "USD"), ("b", "$20 billion", 2e10, "USD"))))
    # different paragraphs: unrelated
    text = "Eight GPUs.\n\nEach draws 700 W.\n\nThe site uses 5.6 kW."
    assert discover(text, items(text, ("n", "Eight GPUs", 8, "GPU"), ("w", "700 W", 700, "W"),
                                ("p", "5.6 kW", 5.6, "kW"))) == []


def test_each_target_gets_at_most_one_proposal_and_results_follow_inputs():
    text = "8 GPUs at 700 W: 5.6 kW; at 1,000 W each it would be 8 kW."
    ps = discover(text, items(text, ("n", "8 GPUs", 8, "GPU"), ("w", "700 W", 700, "W"), ("p", "5.6 kW", 5.6, "kW"),
                              ("w2", "1,000 W", 1000, "W"), ("p2", "8 kW", 8, "kW")))
    assert {p.target for p in ps} == {"p", "p2"}
    assert next(p for p in ps if p.target == "p2").inputs == {"a": "n", "b": "w2"}


def test_discovery_is_linear_in_the_text():
    para = "A node of eight H100s at 700 W each draws 5.6 kW, and $2 per hour for 730 hours is $1,460.\n\n"
    small, big = para * 200, para * 800

    def run(text):
        recs = []
        for i in range(text.count(para)):
            base = i * len(para)
            for j, (raw, v, u) in enumerate((("eight H100s", 8, "GPU"), ("700 W", 700, "W"), ("5.6 kW", 5.6, "kW"),
                                             ("$2 per hour", 2, "USD/hour"), ("730 hours", 730, "hour"),
                                             ("$1,460", 1460, "USD"))):
                s = text.index(raw, base)
                recs.append(Item(f"x{i}-{j}", s, s + len(raw), v, v, u))
        t0 = time.process_time()
        out = discover(text, recs)
        return time.process_time() - t0, out

    t_small, ps_small = run(small)
    t_big, ps_big = run(big)
    assert len(ps_small) == 400 and len(ps_big) == 1600  # both relations of every paragraph
    assert t_big < 4 * t_small * 2 + 0.5  # 4x the text: about 4x the time, never quadratic


def test_extract_writes_the_relation_and_promote_carries_it(tmp_path: Path):
    root = tmp_path / "kb"
    (root / "claims").mkdir(parents=True)
    (root / "datasets" / "sources").mkdir(parents=True)
    (root / "datasets" / "entities").mkdir(parents=True)
    (root / "datasets" / "properties").mkdir(parents=True)
    text = "A node of eight H100 GPUs at 700 W each draws 5.6 kW.\n"
    (root / "datasets" / "sources" / "009_node.txt").write_text(text, encoding="utf-8")
    (root / "datasets" / "entities" / "e.yaml").write_text(
        "entities:\n  - {id: nvidia-h100, kind: gpu, aliases: [H100]}\n", encoding="utf-8")
    (root / "datasets" / "properties" / "p.yaml").write_text(
        "properties:\n"
        "  - {id: tdp, name: Thermal design power, canonical_unit: W}\n"
        "  - {id: gpu-count, name: GPUs, canonical_unit: GPU}\n"
        "  - {id: power-draw, name: Power draw, canonical_unit: kW}\n", encoding="utf-8")
    drafts = extract_text(text, [{"id": "nvidia-h100", "kind": "gpu", "aliases": ["H100"]}],
                          [{"id": "tdp", "name": "TDP", "canonical_unit": "W"},
                           {"id": "gpu-count", "name": "GPUs", "canonical_unit": "GPU"},
                           {"id": "power-draw", "name": "Power draw", "canonical_unit": "kW"}])
    doc = drafts_document("009_node", drafts, text)
    recs = doc["drafts"]
    (target,) = [r for r in recs if "derived" in r]
    assert target["relation"]["verdict"] == "consistent" and target["relation"]["with_numbers"] == "8 GPU × 700 W"
    assert set(target["derived"]["from"].values()) <= {r["id"] for r in recs}
    for r in recs:  # the curator completes what the guess left empty
        r["entity"] = r["entity"] or "nvidia-h100"
        r["property"] = r["property"] or {"W": "tdp", "kW": "power-draw"}.get(r["unit"], "gpu-count")
    write_drafts(root, "009_node", recs)
    # promoting the result alone: its inputs are not curated, so its relation is not carried
    res = promote(root, "009_node", [target["id"]])
    assert res.relations == [] and res.dropped and "not curated" in res.dropped[0][1]
    cur = yaml.safe_load((root / "claims" / "009_node.yaml").read_text(encoding="utf-8"))
    assert all("derived" not in c and "relation" not in c for c in cur["claims"])
    # with its inputs in the same promote, the relation comes along, renamed to the new ids
    (root / "claims" / "009_node.yaml").unlink()
    draft_path(root, "009_node").write_text(yaml.safe_dump({"source": "009_node", "drafts": recs}), encoding="utf-8")
    res = promote(root, "009_node", [r["id"] for r in recs])
    assert len(res.relations) == 1 and not res.dropped
    cur = yaml.safe_load((root / "claims" / "009_node.yaml").read_text(encoding="utf-8"))
    by_id = {c["id"]: c for c in cur["claims"]}
    (carried,) = [c for c in cur["claims"] if "derived" in c]
    assert set(carried["derived"]["from"].values()) <= set(by_id) and "relation" not in carried
    from kb.rules.check import check

    rep = check(root)
    (rel,) = [e for e in rep.relations if e.claim == carried["id"]]
    assert rel.verdict == "consistent"
    # measured as kb extract runs: the text's drafts, matched to the curated claims, recover it
    import hashlib

    from kb.tools.arithmetic import measure_pipeline

    (root / "datasets" / "sources" / "009_node.yaml").write_text(
        f"id: 009_node\ntitle: T\npublisher: P\nsha256: {hashlib.sha256(text.encode()).hexdigest()}\ntrust: web\n",
        encoding="utf-8")
    m = measure_pipeline(check(root), {})
    assert (m["expressible"], m["all_drafted"], m["found"], m["misses"], m["recall"]) == (1, 1, 1, 0, 1.0)


def test_drafts_are_matched_to_claims_by_place_value_and_dimension():
    from types import SimpleNamespace as NS

    from kb.core.intervals import Interval
    from kb.tools.arithmetic import match_drafts

    claims = [NS(id="w", start=10, end=40, interval=Interval(699.5, 700.5, "W")),
              NS(id="p", start=10, end=40, interval=Interval(5.55, 5.65, "kW"))]
    drafts = [{"id": "d1", "value": 700, "unit": "W", "span_start": 12, "span_end": 17},
              {"id": "d2", "value": 5600, "unit": "W", "span_start": 20, "span_end": 26},   # 5.6 kW, written in W
              {"id": "d3", "value": 700, "unit": "W", "span_start": 50, "span_end": 55},    # outside the quote
              {"id": "d4", "value": 700, "unit": "GPU", "span_start": 30, "span_end": 33},  # another dimension
              {"id": "d5", "value": None, "unit": "W", "span_start": 14, "span_end": 15}]
    assert match_drafts(claims, drafts) == {"d1": "w", "d2": "p"}


def test_drafts_are_matched_closest_first_and_the_other_way_up():
    from types import SimpleNamespace as NS

    from kb.core.intervals import Interval
    from kb.tools.arithmetic import match_drafts

    # "40 hours (~1.7 days)": the 40 hours fall within the ±10% of ~1.7 days too, but belong
    # to the claim of 40 hours; "600 words per 1,000 tokens" is the claim of 1.667 tokens per word
    claims = [NS(id="days", start=0, end=30, interval=Interval(1.53, 1.87, "day")),
              NS(id="hours", start=0, end=30, interval=Interval(39.5, 40.5, "hour")),
              NS(id="tpw", start=40, end=70, interval=Interval(1.66, 1.67, "token/word"))]
    drafts = [{"id": "h", "value": 40, "unit": "hour", "span_start": 0, "span_end": 8},
              {"id": "d", "value": 1.7, "unit": "day", "qualifier": "approx", "span_start": 10, "span_end": 19},
              {"id": "w", "value": 600, "unit": "word per 1K tokens", "span_start": 40, "span_end": 66}]
    assert match_drafts(claims, drafts) == {"h": "hours", "d": "days", "w": "tpw"}


def test_claims_of_one_quote_and_value_take_its_drafts_in_the_order_they_are_recorded():
    from types import SimpleNamespace as NS

    from kb.core.intervals import Interval
    from kb.tools.arithmetic import match_drafts

    # "the split is nearly 50/50 between compute hardware and everything else": the curators
    # record the compute side first, then the other; their ids sort the other way round
    claims = [NS(id="split-it", start=0, end=40, interval=Interval(45, 55, "percent")),
              NS(id="split-facility", start=0, end=40, interval=Interval(45, 55, "percent"))]
    drafts = [{"id": "first", "value": 50, "unit": "percent", "span_start": 20, "span_end": 29},
              {"id": "second", "value": 50, "unit": "percent", "span_start": 30, "span_end": 32}]
    assert match_drafts(claims, drafts) == {"first": "split-it", "second": "split-facility"}


def test_a_change_in_percent_is_matched_to_the_multiplier_it_was_drafted_as():
    from types import SimpleNamespace as NS

    from kb.core.intervals import Interval
    from kb.tools.arithmetic import match_drafts

    # "| 90 | 140.27 | 55% faster |" drafted as 1.55x, curated as a change of +55%; "22% less"
    # drafted as 0.78x, curated as -22%; a multiplier that is no 1 + the change matches nothing
    claims = [NS(id="up", start=0, end=20, interval=Interval(54.5, 55.5, "percent")),
              NS(id="down", start=30, end=50, interval=Interval(-22.5, -21.5, "percent")),
              NS(id="other", start=60, end=80, interval=Interval(54.5, 55.5, "percent"))]
    drafts = [{"id": "x155", "value": 1.55, "unit": "x", "span_start": 2, "span_end": 5},
              {"id": "x078", "value": 0.78, "unit": "x", "span_start": 32, "span_end": 35},
              {"id": "x2", "value": 2.0, "unit": "x", "span_start": 62, "span_end": 65}]
    assert match_drafts(claims, drafts) == {"x155": "up", "x078": "down"}


def test_a_negative_draft_is_matched_to_a_negative_claim_only():
    from types import SimpleNamespace as NS

    from kb.core.intervals import Interval
    from kb.tools.arithmetic import match_drafts

    # "an 85% reduction", drafted and curated as a change of -85%; a rise of 85% is another number
    claims = [NS(id="fall", start=0, end=30, interval=Interval(-85.5, -84.5, "percent"))]
    drafts = [{"id": "up", "value": 85, "unit": "percent", "span_start": 2, "span_end": 5},
              {"id": "down", "value": -85, "unit": "percent", "span_start": 10, "span_end": 13}]
    assert match_drafts(claims, drafts) == {"down": "fall"}
    assert match_drafts(claims, drafts[:1]) == {}


def test_a_claim_compared_through_an_exchange_rate_is_matched_to_its_draft_in_the_currency_written():
    from types import SimpleNamespace as NS

    from kb.core.intervals import Interval
    from kb.core.records import Rate
    from kb.tools.arithmetic import match_drafts

    # "40€ motherboard": curated as 40 EUR, compared in USD at 0.8 EUR per USD (39.5-40.5 EUR is
    # 49.375-50.625 USD); drafted as 40 EUR, and a draft of 50 USD is another number
    rate = Rate("EUR", 2024, 0.8, "rates-table", "datasets/references/r.yaml", 5)
    claims = [NS(id="board", start=0, end=20, interval=Interval(39.5 / 0.8, 40.5 / 0.8, "USD", rate)),
              NS(id="rent", start=30, end=50, interval=Interval(1.5 / 0.8 / 730.485, 2.5 / 0.8 / 730.485, "USD/hour",
                                                                 rate))]
    drafts = [{"id": "eur", "value": 40, "unit": "EUR", "span_start": 0, "span_end": 3},
              {"id": "month", "value": 2, "unit": "EUR/month", "span_start": 32, "span_end": 40},
              {"id": "usd", "value": 50, "unit": "USD", "span_start": 5, "span_end": 8}]
    assert match_drafts(claims, drafts) == {"eur": "board", "month": "rent"}


def test_two_claims_of_one_stated_number_share_its_draft():
    from types import SimpleNamespace as NS

    from kb.core.intervals import Interval
    from kb.tools.arithmetic import match_drafts, shared_drafts

    # "a provider running 32 GPUs" recorded once per configuration: both are that draft
    claims = [NS(id="a", start=0, end=30, interval=Interval(31.5, 32.5, "GPU")),
              NS(id="b", start=0, end=30, interval=Interval(31.5, 32.5, "GPU")),
              NS(id="c", start=0, end=30, interval=Interval(15.5, 16.5, "GPU"))]   # another number
    drafts = [{"id": "d", "value": 32, "unit": "GPU", "span_start": 20, "span_end": 27}]
    to_claim = match_drafts(claims, drafts)
    assert to_claim == {"d": "a"}
    assert shared_drafts(claims, to_claim) == {"a": "d", "b": "d"}


def test_propose_reads_draft_records():
    text = "Eight GPUs at 700 W: 5.6 kW."
    recs = [{"id": "d1", "value": 8, "unit": "GPU", "qualifier": "exact", "span_start": 0, "span_end": 10},
            {"id": "d2", "value": 700, "unit": "W", "qualifier": "exact", "span_start": 14, "span_end": 19},
            {"id": "d3", "value": 5.6, "unit": "kW", "qualifier": "exact", "span_start": 21, "span_end": 27},
            {"id": "d4", "value": None, "unit": None}]
    (p,) = propose(text, recs)
    assert p.target == "d3"


# --- tables, lists and order (paraphrased examples, not corpus sentences) ---

def _table_items(text: str, rows: list[tuple], units: tuple, prefix: str = "") -> list[Item]:
    """Items for a table's cells, row by row: each row a tuple of raw cells (None: no number)."""
    spec = []
    for r, row in enumerate(rows):
        for c, raw in enumerate(row):
            if raw is None:
                continue
            value = float(raw.replace("$", "").replace(",", "").replace("%", "").split()[0])
            spec.append((f"{prefix}r{r}c{c}", f"| {raw} |" if c == 0 else f" {raw} |", value, units[c]))
    out = []
    pos = 0
    for ident, raw, value, unit in spec:
        s = text.index(raw, pos) + raw.index(raw.strip(" |"))
        pos = s + len(raw.strip(" |"))
        out.append(Item(ident, s, pos, value, value, unit))
    return out


def test_a_table_row_times_the_price_in_its_header():
    text = ("| Job | GPUs | Hours | Cost at $2 per GPU-hour |\n|---|---|---|---|\n"
            "| alpha | 8 | 10 | $160 |\n| beta | 16 | 4 | $128 |\n| gamma | 4 | 25 | $200 |\n")
    price = items(text, ("price", "$2 per GPU-hour", 2, "USD/hour"))
    rows = [("alpha", "8", "10", "$160"), ("beta", "16", "4", "$128"), ("gamma", "4", "25", "$200")]
    cells = _table_items(text, [(None, *r[1:]) for r in rows], (None, "GPU", "hour", "USD"))
    ps = {p.target: p for p in discover(text, price + cells)}
    for r in range(3):
        p = ps[f"r{r}c3"]
        assert p.verdict == "consistent" and p.formula == "a * b * c"
        assert set(p.inputs.values()) == {f"r{r}c1", f"r{r}c2", "price"}
        assert p.confidence == 0.8  # the formula holds on every row
    assert set(ps) == {"r0c3", "r1c3", "r2c3"}  # one orientation each: the cost, not the hours


def test_the_constant_of_the_paragraph_before_a_table():
    text = ("Power is billed at $0.10 per kWh, whatever the site.\n\n"
            "| Site | Energy | Bill |\n|---|---|---|\n| north | 1,200 kWh | $120 |\n| south | 3,000 kWh | $300 |\n")
    price = items(text, ("price", "$0.10 per kWh", 0.1, "USD/kWh"))
    cells = _table_items(text, [(None, "1,200 kWh", "$120"), (None, "3,000 kWh", "$300")], (None, "kWh", "USD"))
    ps = {p.target: p for p in discover(text, price + cells)}
    assert {t: set(p.inputs.values()) for t, p in ps.items()} == {"r0c2": {"r0c1", "price"}, "r1c2": {"r1c1", "price"}}
    assert all(p.verdict == "consistent" for p in ps.values())
    # the same table without the sentence before it: nothing to compute the bills from
    alone = text[text.index("| Site"):]
    cells = _table_items(alone, [(None, "1,200 kWh", "$120"), (None, "3,000 kWh", "$300")], (None, "kWh", "USD"))
    assert discover(alone, cells) == []


def test_a_list_item_uses_its_intro_line():
    text = "For a fleet of 40 GPUs at 500 W each:\n\n- the fleet draws 20 kW\n- and needs 3 racks\n"
    ps = discover(text, items(text, ("n", "40 GPUs", 40, "GPU"), ("w", "500 W", 500, "W"), ("p", "20 kW", 20, "kW")))
    (p,) = ps
    assert (p.target, set(p.inputs.values()), p.verdict) == ("p", {"n", "w"}, "consistent")
    # the same bullet with no intro line above the list: its paragraph alone has nothing
    text = "\n\n".join(["For a fleet of 40 GPUs at 500 W each.", "Unrelated words.", "- the fleet draws 20 kW"])
    assert discover(text, items(text, ("n", "40 GPUs", 40, "GPU"), ("w", "500 W", 500, "W"),
                                ("p", "20 kW", 20, "kW"))) == []


def test_an_earlier_item_s_continuation_lines_are_not_the_intro_line():
    # each item of the list splits the total stated above it; the first item runs on over an
    # indented line that states numbers of its own
    text = ("A new plant costs about $80 million to build.\n\n"
            "- **Machines (≈25%)**: ~$20 million  \n"
            "  Presses and lathes drawing 30–60 kW each, so 5–10 of them per hall.\n\n"
            "- **Buildings (≈75%)**: ~$60 million  \n"
            "  Walls, roofs and wiring.\n")
    spec = [("t", "$80 million", 80e6, "USD"), ("s1", "≈25%", 25, "percent"), ("a1", "~$20 million", 20e6, "USD"),
            ("k", "30–60 kW", (30, 60), "kW"), ("m", "5–10", (5, 10), "item"),
            ("s2", "≈75%", 75, "percent"), ("a2", "~$60 million", 60e6, "USD")]
    ps = {p.target: p for p in discover(text, items(text, *spec))}
    assert set(ps["a2"].inputs.values()) == {"s2", "t"} and ps["a2"].verdict == "consistent"
    # an indented line with no item above it is still the intro line
    text = "Intro words.\n  Over a budget of $80 million:\n- **Buildings (≈75%)**: ~$60 million\n"
    ps = {p.target: p for p in discover(text, items(text, *[s for s in spec if s[0] in ("t", "s2", "a2")]))}
    assert set(ps["a2"].inputs.values()) == {"s2", "t"}


def test_a_result_written_before_its_inputs():
    text = "The summary cost $2.40 — 8,000 tokens at $0.30 per 1K tokens."
    ps = discover(text, items(text, ("cost", "$2.40", 2.4, "USD"), ("t", "8,000 tokens", 8000, "token"),
                              ("price", "$0.30 per 1K tokens", 0.3, "USD per 1K tokens")))
    (p,) = ps  # one relation, not three orientations of it
    assert (p.target, set(p.inputs.values()), p.verdict) == ("cost", {"t", "price"}, "consistent")
    # a cue marks the result even when the product is the input: 900 GPU-hours / 12 GPUs = 75 hours
    text = "With 12 GPUs, 900 GPU-hours / 12 = 75 hours."
    ps = discover(text, items(text, ("n", "12 GPUs", 12, "GPU"), ("gh", "900 GPU-hours", 900, "hour"),
                              ("h", "75 hours", 75, "hour")))
    (p,) = ps
    assert p.target == "h" and set(p.inputs.values()) == {"gh", "n"}


def test_a_coincidence_in_one_row_of_a_table_is_not_proposed():
    # total = nodes x fee holds on the first row only, by chance
    text = ("| Plan | Nodes | Fee | Total |\n|---|---|---|---|\n| a | 4 | $50 | $200 |\n| b | 3 | $70 | $900 |\n"
            "| c | 6 | $20 | $410 |\n| d | 2 | $90 | $35 |\n")
    rows = [(None, "4", "$50", "$200"), (None, "3", "$70", "$900"), (None, "6", "$20", "$410"), (None, "2", "$90", "$35")]
    ps = discover(text, _table_items(text, rows, (None, "node", "USD", "USD")))
    assert ps == []
    # the same numbers in a sentence: a lone relation nearby is still proposed (the row rule is the table's)
    text = "Four nodes at $50 each: $200."
    (p,) = discover(text, items(text, ("n", "Four nodes", 4, "node"), ("f", "$50", 50, "USD"), ("t", "$200", 200, "USD")))
    assert p.target == "t"


def test_a_slip_on_one_row_of_a_consistent_table_is_proposed():
    text = ("Every job below pays $2 per GPU-hour.\n\n| Job | GPUs | Hours | Cost |\n|---|---|---|---|\n"
            "| alpha | 8 | 10 | $160 |\n| beta | 16 | 4 | $128 |\n| gamma | 4 | 25 | $2,000 |\n| delta | 2 | 30 | $120 |\n")
    price = items(text, ("price", "$2 per GPU-hour", 2, "USD/hour"))
    rows = [(None, "8", "10", "$160"), (None, "16", "4", "$128"), (None, "4", "25", "$2,000"), (None, "2", "30", "$120")]
    ps = {p.target: p for p in discover(text, price + _table_items(text, rows, (None, "GPU", "hour", "USD")))}
    slip = ps["r2c3"]
    assert slip.verdict == "misses" and abs(slip.factor - 10) < 1e-9 and "10^1" in slip.cause
    assert set(slip.inputs.values()) == {"r2c1", "r2c2", "price"} and slip.confidence == 0.8
    assert all(ps[f"r{r}c3"].verdict == "consistent" for r in (0, 1, 3))
    # the same slip in a table whose formula holds on no other row is a coincidence: not proposed
    rows = [(None, "8", "10", "$999"), (None, "16", "4", "$17"), (None, "4", "25", "$2,000"), (None, "2", "30", "$55")]
    text2 = text.replace("$160", "$999").replace("$128", "$17").replace("$120", "$55")
    ps = discover(text2, items(text2, ("price", "$2 per GPU-hour", 2, "USD/hour"))
                  + _table_items(text2, rows, (None, "GPU", "hour", "USD")))
    assert [p for p in ps if p.verdict == "misses"] == []


def test_a_row_twice_what_the_formula_its_table_shares_gives_is_a_slip():
    # implied arithmetic twice or half off is a coincidence in a sentence; in a table whose
    # other rows follow the formula, a row twice what it gives is a slip (counted twice)
    text = ("Every job below pays $2 per GPU-hour.\n\n| Job | GPUs | Hours | Cost |\n|---|---|---|---|\n"
            "| alpha | 8 | 10 | $160 |\n| beta | 16 | 4 | $128 |\n| gamma | 4 | 25 | $400 |\n| delta | 2 | 30 | $120 |\n")
    price = items(text, ("price", "$2 per GPU-hour", 2, "USD/hour"))
    rows = [(None, "8", "10", "$160"), (None, "16", "4", "$128"), (None, "4", "25", "$400"), (None, "2", "30", "$120")]
    ps = {p.target: p for p in discover(text, price + _table_items(text, rows, (None, "GPU", "hour", "USD")))}
    slip = ps["r2c3"]
    assert slip.verdict == "misses" and abs(slip.factor - 2) < 1e-9 and "twice" in slip.cause
    # where no other row follows the formula, twice is a coincidence
    text2 = text.replace("$160", "$999").replace("$128", "$17").replace("$120", "$55")
    rows = [(None, "8", "10", "$999"), (None, "16", "4", "$17"), (None, "4", "25", "$400"), (None, "2", "30", "$55")]
    ps = discover(text2, items(text2, ("price", "$2 per GPU-hour", 2, "USD/hour"))
                  + _table_items(text2, rows, (None, "GPU", "hour", "USD")))
    assert [p for p in ps if p.verdict == "misses"] == []
    # nor is it a slip in a sentence
    text3 = "A job of 4 GPUs for 25 hours at $2 per GPU-hour came to $400."
    assert [p for p in discover(text3, items(text3, ("g", "4 GPUs", 4, "GPU"), ("h", "25 hours", 25, "hour"),
                                              ("price", "$2 per GPU-hour", 2, "USD/hour"), ("c", "$400", 400, "USD")))
            if p.verdict == "misses"] == []


def test_a_telltale_miss_beside_a_formula_holding_on_half_the_rows_is_no_slip():
    # paraphrased: a table of the longest context each card count serves; "÷ the card count"
    # makes one row (the four-card one) and the eight-card row is then twice off: a
    # coincidence of a formula holding on 2 rows of 4, not a slip
    text = ("| Cards | Model P (K tokens) | Model Q (K tokens) |\n|---|---|---|\n| 1 | 32 | 0 |\n| 2 | 32 | 0 |\n"
            "| 4 | 32 | 128 |\n| 8 | 32 | 128 |\n| 4 | 32 | 128 |\n| 8 | 32 | 128 |\n")
    rows = [("1", "32", None), ("2", "32", None), ("4", "32", "128"), ("8", "32", "128"),
            ("4", "32", "128"), ("8", "32", "128")]
    ps = discover(text, _table_items(text, rows, ("GPU", "K token", "K token")))
    assert [p for p in ps if p.verdict == "misses"] == []
    # where it holds on more rows than it misses, the telltale row is a slip
    text2 = text + "| 4 | 32 | 128 |\n"
    ps = discover(text2, _table_items(text2, rows + [("4", "32", "128")], ("GPU", "K token", "K token")))
    assert any(p.verdict == "misses" and "twice" in p.cause for p in ps)


def _members(ps) -> set[frozenset]:
    return {frozenset((p.target, *p.inputs.values())) for p in ps}


def test_a_note_under_a_table_and_its_total_row():
    text = ("| Report | Words | Pages |\n|---|---|---|\n| spring | 5,000 | 20 |\n| autumn | 2,500 | 10 |\n\n"
            "*at roughly 250 words a page*\n")
    cells = _table_items(text, [(None, "5,000", "20"), (None, "2,500", "10")], (None, "word", "page"))
    note = items(text, ("wpp", "250 words", 250, "word"))
    ps = discover(text, cells + note)
    assert {frozenset({"r0c2", "r0c1", "wpp"}), frozenset({"r1c2", "r1c1", "wpp"})} <= _members(ps)
    assert all(p.verdict == "consistent" for p in ps)
    # each line's share of the total row
    text = ("| Item | Cost | Share |\n|---|---|---|\n| compute | $6 | 60% |\n| power | $3 | 30% |\n"
            "| space | $1 | 10% |\n| **Total** | $10 | 100% |\n")
    rows = [(None, "$6", "60%"), (None, "$3", "30%"), (None, "$1", "10%"), (None, "$10", "100%")]
    ps = discover(text, _table_items(text, rows, (None, "USD", "percent")))
    assert {frozenset({f"r{r}c1", f"r{r}c2", "r3c1"}) for r in range(3)} <= _members(ps)
    assert all(p.verdict == "consistent" for p in ps)


def _face_items(text: str, *spec) -> list[Item]:
    """Items read as the checker reads a claim: an interval from the stated precision ("3x" is
    2.5-3.5) and the face value the arithmetic computes with (3)."""
    out, pos = [], 0
    for ident, raw, value, half, unit in spec:
        s = text.index(raw, pos)
        pos = s + len(raw)
        out.append(Item(ident, s, s + len(raw), value - half, value + half, unit, face_low=value, face_high=value))
    return out


def test_rounded_small_numbers_are_not_consistent_by_their_width():
    # paraphrased: "3x" and "2x" read as 2.5-3.5 and 1.5-2.5 meet 1.7 only by their width; at
    # face value 3 / 2 = 1.5 is no 1.7, and the checker computes at face value: no proposal
    text = "Of the gain, 1.7x came from doubling the chips, with 3x from faster maths and 2x from smaller weights."
    ps = discover(text, _face_items(text, ("t", "1.7x", 1.7, 0.05, "x"), ("a", "3x", 3, 0.5, "x"),
                                    ("b", "2x", 2, 0.5, "x")))
    assert [p for p in ps if p.target == "t"] == []
    # a card with 2 chips and 96 GB is not 144 GB by the width of "2"
    text = "The board holds 2 chips, one with 96 GB or 144 GB of memory."
    ps = discover(text, _face_items(text, ("n", "2 chips", 2, 0.5, "GPU"), ("m", "96 GB", 96, 0.5, "GB"),
                                    ("t", "144 GB", 144, 0.5, "GB")))
    assert [p for p in ps if p.target == "t"] == []


def test_face_values_that_agree_are_still_consistent():
    text = "A rack of 8 GPUs at 700 W each draws 5.6 kW."
    ps = discover(text, _face_items(text, ("n", "8 GPUs", 8, 0.5, "GPU"), ("w", "700 W", 700, 0.5, "W"),
                                    ("p", "5.6 kW", 5.6, 0.05, "kW")))
    assert [(p.target, p.verdict) for p in ps] == [("p", "consistent")]


def test_a_written_slip_in_a_cell_survives_another_orientation():
    # paraphrased: a cell states its own arithmetic after the result, and the same result is
    # also the other column's value over a share the prose gives (a consistent relation that
    # goes to the other column's number); the cell's slip is still proposed
    text = ("Config B draws half the power of config A.\n\n"
            "| Row | Config A | Config B |\n|---|---|---|\n"
            "| IT power draw | 336 kW (48 × 700W) | 168 kW (48 × 350W) |\n")
    ps = discover(text, _face_items(text, ("half", "half", 0.5, 0.0, "x"), ("a", "336 kW", 336, 0.5, "kW"),
                                    ("n1", "48", 48, 0.0, "item"), ("w1", "700W", 700, 0.5, "W"),
                                    ("b", "168 kW", 168, 0.5, "kW"), ("n2", "48", 48, 0.0, "item"),
                                    ("w2", "350W", 350, 0.5, "W")))
    by = {p.target: p for p in ps}
    assert by["a"].verdict == "misses" and set(by["a"].inputs.values()) == {"n1", "w1"}
    assert abs(by["a"].factor - 10) < 0.01 and "10^1" in by["a"].cause
    # and the arithmetic written right at 168 kW outranks its agreement with 336 kW × half
    assert by["b"].verdict == "misses" and by["b"].with_numbers.endswith("× 349.5–350.5 W")


def test_arithmetic_written_at_a_number_outranks_a_coincidence_far_off():
    # paraphrased: the prose's "half" and the other figure agree with 150 kW, but the
    # sentence writes 150 kW's own arithmetic out right at it, and that one misses by 10
    text = "Option B uses half the power of option A, 300 kW. Option B draws 150 kW (30 × 500 W) in all."
    ps = discover(text, _face_items(text, ("half", "half", 0.5, 0.0, "x"), ("a", "300 kW", 300, 0.5, "kW"),
                                    ("b", "150 kW", 150, 0.5, "kW"), ("n", "30", 30, 0.0, "item"),
                                    ("w", "500 W", 500, 0.5, "W")))
    by = {p.target: p for p in ps}
    assert by["b"].verdict == "misses" and set(by["b"].inputs.values()) == {"n", "w"}
    # without the written arithmetic, the agreement stands
    text2 = "Option B uses half the power of option A, 300 kW. Option B draws 150 kW in all."
    ps = discover(text2, _face_items(text2, ("half", "half", 0.5, 0.0, "x"), ("a", "300 kW", 300, 0.5, "kW"),
                                     ("b", "150 kW", 150, 0.5, "kW")))
    assert [(p.target, p.verdict) for p in ps] == [("b", "consistent")]


def test_counts_of_different_things_make_no_slip():
    # paraphrased: "6 racks of 8 GPUs versus 12 racks of 4 GPUs": 6 × 4 is twice 12, but a count
    # of racks times a count of GPUs is no count of racks, and markdown's bold is no "×"
    text = "We set **6 racks with 8x GPUs each** against **12 racks with 4x GPUs each**."
    ps = discover(text, _face_items(text, ("r1", "6 racks", 6, 0.5, "rack"), ("g1", "8x GPUs", 8, 0.5, "GPU"),
                                    ("r2", "12 racks", 12, 0.5, "rack"), ("g2", "4x GPUs", 4, 0.5, "GPU")))
    assert [p for p in ps if p.verdict == "misses"] == []
    # the same where the sentence writes other arithmetic out ("= 48 GPUs")
    text = "We set 6 racks with 8x GPUs each = 48 GPUs, against 3 racks with 5x GPUs each."
    ps = discover(text, _face_items(text, ("r1", "6 racks", 6, 0.5, "rack"), ("g1", "8x GPUs", 8, 0.5, "GPU"),
                                    ("t", "48 GPUs", 48, 0.5, "GPU"), ("r2", "3 racks", 3, 0.5, "rack"),
                                    ("g2", "5x GPUs", 5, 0.5, "GPU")))
    assert [p for p in ps if p.verdict == "misses"] == []
    assert [(p.target, p.verdict) for p in ps if p.target == "t"] == [("t", "consistent")]


def test_markdown_bold_writes_no_arithmetic_but_a_star_between_numbers_does():
    from kb.extract.arith import _Marks

    bold = "Costs **$5 per hour** for **3 GPUs**"
    assert not _Marks(bold).written(0, len(bold))
    for written in ("3 * 4 = 12", "3*4", "(2 * 8)"):
        assert _Marks(written).written(0, len(written))
    assert not _Marks("a *very* big run").written(0, 16)


def test_a_row_computed_from_the_row_above_by_its_own_factor():
    # paraphrased: a total row is the load row above it times the factor its own label states
    text = ("| Line | Site A | Site B |\n|---|---|---|\n| Server load | 336 kW | 168 kW |\n"
            "| Total draw with overhead 1.25 | 420 kW | 210 kW |\n"
            "| Staff | $160,000 | $90,000 |\n| Rent | $200,000 | $70,000 |\n")
    spec = [("a", "336 kW", 336, "kW"), ("b", "168 kW", 168, "kW"), ("f", "1.25", 1.25, "x"),
            ("c", "420 kW", 420, "kW"), ("d", "210 kW", 210, "kW"), ("s1", "$160,000", 160000, "USD"),
            ("s2", "$90,000", 90000, "USD"), ("r1", "$200,000", 200000, "USD"), ("r2", "$70,000", 70000, "USD")]
    ps = {p.target: p for p in discover(text, _face_items(text, *((i, raw, v, v * 0.001, u) for i, raw, v, u in spec)))}
    assert set(ps["c"].inputs.values()) == {"a", "f"} and ps["c"].verdict == "consistent"
    assert set(ps["d"].inputs.values()) == {"b", "f"} and ps["d"].verdict == "consistent"
    # the factor of another row does not scale a row above by coincidence ($160,000 × 1.25)
    assert "r1" not in ps


def test_a_bare_operand_is_an_input_only_within_its_expression():
    # paraphrased: "7*8=56ms" writes the unit once; its bare 7 and 8 (operands no draft read)
    # must not be multiplied by a number from outside the expression (2 ms × 7 × 8 = 112 ms,
    # twice 56 ms, would be a slip by coincidence), and are never results themselves
    text = "The wait (5ms queueing, 2ms network) would take 7*8=56ms in all."
    expr = f"{text.index('7*8')}:{text.index('7*8') + 3}"
    its = _face_items(text, ("q", "5ms", 5, 0.5, "ms"), ("n", "2ms", 2, 0.5, "ms"), ("t", "56ms", 56, 0.5, "ms"))
    s7, s8 = text.index("7*8"), text.index("7*8") + 2
    its += [Item("x7", s7, s7 + 1, 7, 7, "item", "7", 7, 7, expr), Item("x8", s8, s8 + 1, 8, 8, "item", "8", 8, 8, expr)]
    ps = discover(text, its)
    assert [p for p in ps if set(p.inputs.values()) & {"x7", "x8"} and "n" in p.inputs.values()] == []
    assert not any(p.target in ("x7", "x8") for p in ps)
    # written with its unit in the cell, the operands make the result's relation
    text = "| Load | 336 kW (48 × 700W) |"
    s48 = text.index("48")
    expr = f"{s48}:{text.index('700W') + 4}"
    its = _face_items(text, ("t", "336 kW", 336, 0.5, "kW"), ("w", "700W", 700, 0.5, "W"))
    its.append(Item("x48", s48, s48 + 2, 48, 48, "item", "48", 48, 48, expr))
    (p,) = discover(text, its)
    assert p.target == "t" and set(p.inputs.values()) == {"x48", "w"} and p.verdict == "misses"


def test_written_cues_are_the_written_pattern_s_matches():
    """The written-out arithmetic is found in parts (for speed); the spans are exactly those of
    the one pattern, on paraphrased arithmetic and on generated mixes of its tricky pieces
    (markdown bold, an "x" inside a word, a cue word inside a longer word, " x x x ")."""
    import random

    from kb.extract.arith import _WRITTEN_RE, _written_cues

    texts = ["Eight GPUs x 700 W = 5.6 kW, which is a lot; that's **bold** and 3 * 4 -> 12.",
             "sometimes the subtotal comes to 9; in total it works out to 10 (multiplied, divided, 2 times)",
             "a x x x b", "", "x", " x ", "*", "2*3", "2 ** 3", "→⇒×"]
    rnd = random.Random(7)
    pieces = list("×=→⇒*-> xX\t\n\xa0().!?)]ab09$é_") + [
        "that", "that's", "that’s", "that is", "which is", "comes to", "come to", "works out", "total",
        "totals", "totalling", "in total", "multiplied", "divided", "times", "sometimes", "within total"]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30))) for _ in range(3000)]
    for text in texts:
        assert _written_cues(text) == [m.span() for m in _WRITTEN_RE.finditer(text)], text
    assert _written_cues(texts[0])   # the pattern finds cues in them (the test compares something)


def test_sentence_ends_are_the_sentence_pattern_s_matches():
    """Sentence ends are found as stops plus line ends (for speed); the positions are exactly
    those of the one pattern, a line end inside a stop's spaces included."""
    import random

    from kb.extract.arith import _SENTENCE_END_RE, _sentence_ends

    texts = ["It costs $2. The next one\ncosts $3!\n\n(Then) more.\n A new line. “Quoted” ends? Yes.)  \nNo",
             "", "\n", ".", ". A", ".\nA", "a.\n\nB"]
    rnd = random.Random(11)
    pieces = list(".!?\"”’)]* \t\n\xa0AaZ“(x")
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30))) for _ in range(3000)]
    for text in texts:
        assert _sentence_ends(text) == [m.start() for m in _SENTENCE_END_RE.finditer(text)], text
    assert len(_sentence_ends(texts[0])) >= 6   # stops and line ends both found


def test_discovery_pauses_the_garbage_collector_only_while_it_runs():
    """Discovery pauses the cyclic garbage collector for speed and leaves it as it found it."""
    import gc

    from kb.extract.arith import _gc_paused

    text = "8 GPUs × 700 W = 5.6 kW"
    recs = [{"id": "g", "value": 8, "unit": "GPU", "span_start": 0, "span_end": 1},
            {"id": "w", "value": 700, "unit": "W", "span_start": 9, "span_end": 12},
            {"id": "k", "value": 5.6, "unit": "kW", "span_start": 15, "span_end": 18}]
    assert gc.isenabled()
    with _gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    assert propose(text, recs) and gc.isenabled()
    gc.disable()
    try:
        propose(text, recs)
        assert not gc.isenabled()
    finally:
        gc.enable()


# --- ratio claims a paragraph away from their sides (paraphrased) ---

def test_a_ratio_claim_is_found_from_two_sides_of_one_property_in_the_paragraph_before():
    text = ("| Plan | Yearly spend |\n|---|---|\n| Owned racks | $510,000 |\n| Rented racks | $300,000 |\n\n"
            "Owning the racks means 70% higher spending each year.")
    recs = _recs(text, [("a", "$510,000", 510000, "USD", "opex"), ("b", "$300,000", 300000, "USD", "opex"),
                        ("r", "70%", 1.7, "x", "ratio")])
    (p,) = propose(text, recs)
    assert (p.target, p.formula, p.inputs, p.verdict) == ("r", "a / b", {"a": "a", "b": "b"}, "consistent")
    # two numbers that measure different things are no sides of it, nor numbers of unknown kind
    for props in (("opex", "capex"), (None, None)):
        other = [dict(r, property=pr) for r, pr in zip(recs[:2], props)] + recs[2:]
        assert propose(text, other) == []
    # a ratio that misses its sides is no finding: two numbers of one kind meet a telltale factor by chance
    slip = [*recs[:2], dict(recs[2], value=17.0)]
    assert propose(text, slip) == []
    # a share works the same: renting costs 59% of owning
    share = text.replace("Owning the racks means 70% higher spending each year.", "Renting costs 59% of owning.")
    recs2 = _recs(share, [("a", "$510,000", 510000, "USD", "opex"), ("b", "$300,000", 300000, "USD", "opex"),
                          ("r", "59%", 59, "percent", "share")])
    (p,) = propose(share, recs2)
    assert (p.target, p.inputs, p.verdict) == ("r", {"a": "b", "b": "a"}, "consistent")
    # nor does a wide range of ratios ("1.5-2x higher") name two sides: many quotients fall in it
    wide = [*recs[:2], {k: v for k, v in recs[2].items() if k != "value"} | {"qualifier": "range", "low": 1.5, "high": 2}]
    assert propose(text, wide) == []


def test_a_ratio_right_after_two_amounts_of_two_kinds_is_their_quotient():
    # a shop buys stock for $40,000 and sells it for $120,000: "a 3x markup"
    text = ("> Say a shop spends $40,000 on stock and sells all of it for $120,000.\n\n"
            "That is a healthy 3x markup on what it paid.")
    spec = [("c", "$40,000", 40000, "USD", "cost"), ("r", "$120,000", 120000, "USD", "revenue"),
            ("m", "3x", 3, "x", "ratio")]
    (p,) = propose(text, _recs(text, spec))
    assert (p.target, p.inputs, p.verdict) == ("m", {"a": "r", "b": "c"}, "consistent")
    # the ratio as stated: "3x" is 3, not the 2.5-3.5 its digit allows ($40,000 and $110,000 make 2.75)
    off = text.replace("$120,000", "$110,000")
    assert propose(off, _recs(off, [spec[0], ("r", "$110,000", 110000, "USD", "revenue"), spec[2]])) == []
    # only the last two amounts: an earlier pair meets the ratio by chance
    more = text.replace("for $120,000.", "for $120,000, then pays $9,000 in rent.")
    recs = _recs(more, [*spec[:2], ("x", "$9,000", 9000, "USD", "opex"), spec[2]])
    assert propose(more, recs) == []
    # an approximate ratio ("~3x") or amounts of two paragraphs are no such pair
    approx = text.replace("3x", "~3x")
    assert propose(approx, [dict(r, qualifier="approx") if r["id"] == "m" else r
                            for r in _recs(approx, [*spec[:2], ("m", "~3x", 3, "x", "ratio")])]) == []
    apart = text.replace(" and sells", ".\n\nIt sells")
    assert propose(apart, _recs(apart, spec)) == []


def test_a_ratio_claim_does_not_reach_two_paragraphs_back():
    text = ("Owned racks cost $510,000 a year and rented ones $300,000.\n\nSomething else entirely.\n\n"
            "Owning means 70% higher spending.")
    recs = _recs(text, [("a", "$510,000", 510000, "USD", "opex"), ("b", "$300,000", 300000, "USD", "opex"),
                        ("r", "70%", 1.7, "x", "ratio")])
    assert propose(text, recs) == []
    near = text.replace("Something else entirely.\n\n", "")
    (p,) = propose(near, _recs(near, [("a", "$510,000", 510000, "USD", "opex"),
                                      ("b", "$300,000", 300000, "USD", "opex"), ("r", "70%", 1.7, "x", "ratio")]))
    assert p.target == "r" and p.formula == "a / b"


# --- a computation split by a blank line (paraphrased) ---

def test_a_quantity_may_follow_from_the_end_of_the_paragraph_before():
    text = "Total compute comes to 400 GPU-hours.\n\nOn 16 GPUs: 400 / 16 = 25 hours of wall clock."
    recs = _recs(text, [("h", "400 GPU-hours", 400, "GPU-hour", None), ("n", "16 GPUs", 16, "GPU", None),
                        ("d", "25 hours", 25, "hour", None)])
    (p,) = propose(text, recs)
    assert (p.target, p.formula, p.inputs, p.verdict) == ("d", "a / b", {"a": "h", "b": "n"}, "consistent")
    # not from two paragraphs back (where the text does not write the arithmetic out with it:
    # "400 / 16 = 25" names the 400 it restates, see test_compact_arithmetic_reads_restated_operands)
    far = text.replace("\n\n", "\n\nSomething else.\n\n").replace("400 / 16 = 25", "that is 25")
    assert propose(far, _recs(far, [("h", "400 GPU-hours", 400, "GPU-hour", None), ("n", "16 GPUs", 16, "GPU", None),
                                    ("d", "25 hours", 25, "hour", None)])) == []


def test_a_price_each_in_the_paragraph_before_times_a_count_makes_the_total():
    # the quantity's own number is no number its paragraph computes with: a total of a unit
    # stated once in its paragraph takes a part of that unit from the end of the paragraph before
    text = "They cost about $10k each.\n\nMost are trained using 8 a100's. That's about $80k."
    spec = [("p", "$10k", 10, "K USD", None), ("n", "8 a100's", 8, "GPU", None), ("t", "$80k", 80, "K USD", None)]
    (p,) = propose(text, _recs(text, spec))
    assert (p.target, p.formula, set(p.inputs.values()), p.verdict) == ("t", "a * b", {"n", "p"}, "consistent")
    # where the paragraph states another amount of that unit, it computes with its own
    own = text.replace("Most are", "A kit costs $3k. Most are")
    spec2 = [spec[0], ("k", "$3k", 3, "K USD", None), *spec[1:]]
    assert not [p for p in propose(own, _recs(own, spec2)) if p.target == "t" and "p" in p.inputs.values()]


def test_a_factor_at_hand_scales_an_amount_of_its_kind_from_the_paragraph_before():
    # "$400m" is not among the last numbers of the paragraph before, nor within SPAN: the
    # factor stated with the total ("by 10x") reaches for amounts of the total's kind there
    filler = "Some words about other matters follow here. " * 8
    text = (f"If it would cost $400m to train a model, and nearly $60m in electricity to keep it running "
            f"for 3 years, {filler}\n\nIf they kept up the habit of increasing scale by 10x per generation, "
            f"then even the current figures would mean a $4bn expense on training.")
    spec = [("c", "$400m", 400, "million USD", "training-cost"), ("e", "$60m", 60, "million USD", None),
            ("y", "3 years", 3, "year", None), ("r", "10x", 10, "x", "ratio"), ("t", "$4bn", 4, "billion USD", None)]
    (p,) = propose(text, _recs(text, spec))
    assert (p.target, p.formula, set(p.inputs.values()), p.verdict) == ("t", "a * b", {"c", "r"}, "consistent")
    # no factor at hand: the amount two numbers back in the paragraph before is no input
    plain = text.replace("by 10x per generation", "per generation")
    assert propose(plain, _recs(plain, [x for x in spec if x[0] != "r"])) == []


def test_a_paragraph_computes_with_its_own_count_not_the_one_before():
    # the second paragraph has its own token count: the first's is no input of its numbers
    # ($0.10 / 8,000 tokens is $0.0125 per 1,000, within what "$0.01" may round)
    text = ("The report sends 8,000 tokens at $0.01 per 1,000 tokens: $0.80.\n\n"
            "The digest sends 10,000 tokens at $0.01 per 1,000 tokens: $0.10.")
    recs = _recs(text, [("a", "8,000 tokens", 8000, "token", None), ("b", "$0.01 per 1,000 tokens", "0.01", "USD per 1K tokens", None),
                        ("c", "$0.80", "0.80", "USD", None), ("d", "10,000 tokens", 10000, "token", None),
                        ("e", "$0.01 per 1,000 tokens", "0.01", "USD per 1K tokens", None), ("f", "$0.10", "0.10", "USD", None)])
    used = {x for p in propose(text, recs) if p.target in ("d", "e", "f") for x in (p.target, *p.inputs.values())}
    assert used == {"d", "e", "f"}


def test_a_ratio_or_a_range_of_the_paragraph_before_is_no_input():
    # 5 kW × 2x is 10 kW, but the 2x is another paragraph's comparison; so is a range's 4-6 kW
    text = "Demand grew 2x last year.\n\nA node draws 5 kW and a rack 10 kW."
    recs = _recs(text, [("r", "2x", 2, "x", "ratio"), ("n", "5 kW", 5, "kW", None), ("k", "10 kW", 10, "kW", None)])
    assert propose(text, recs) == []
    text = "Each GPU draws 400-600 W.\n\nSo 8 of them: 4 kW."
    recs = [{"id": "w", "low": 400, "high": 600, "qualifier": "range", "unit": "W", "span_start": 15,
             "span_end": 24}] + _recs(text, [("g", "8", 8, "GPU", None), ("k", "4 kW", 4, "kW", None)])
    assert propose(text, recs) == []


# --- a rate stated once, used far below (paraphrased) ---

def test_a_rate_stated_earlier_in_the_text_holds_further_down():
    filler = "Some words about other matters follow here. " * 12
    text = (f"Rule of thumb: 3 words per 4 tokens.\n\n{filler}\n\n## A 40K-token prompt (about 30K words)\n\n"
            "More text.")
    recs = _recs(text, [("k", "3 words per 4 tokens", 0.75, "word/token", "words-per-token"),
                        ("t", "40K-token", 40000, "token", None), ("w", "30K words", 30000, "word", None)])
    (p,) = propose(text, recs)
    assert p.verdict == "consistent" and {p.target, *p.inputs.values()} == {"k", "t", "w"}
    # a count that nothing at hand makes with the rate: no proposal from afar
    lone = text.replace("40K-token prompt (about 30K words)", "prompt of 30K words")
    assert propose(lone, _recs(lone, [("k", "3 words per 4 tokens", 0.75, "word/token", "words-per-token"),
                                      ("w", "30K words", 30000, "word", None)])) == []
    # the rate restated in the target's own paragraph: that one is the input, not the far one
    near = text.replace("(about 30K words)", "(about 30K words at 3 words per 4 tokens)")
    recs = _recs(near, [("k", "3 words per 4 tokens", 0.75, "word/token", None), ("t", "40K-token", 40000, "token", None),
                        ("w", "30K words", 30000, "word", None), ("k2", "3 words per 4 tokens", 0.75, "word/token", None)])
    assert all("k" not in p.inputs.values() for p in propose(near, recs))


# --- totals: a table's total row, a list's "Total" item (paraphrased) ---

def test_a_total_row_is_the_sum_of_its_column():
    text = ("| Item | Cluster A | Cluster B |\n|---|---|---|\n| Servers | $1,200,000 | $900,000 |\n"
            "| Network | $300,000 | $150,000 |\n| Cooling | $100,000 | $75,000 |\n| **Total** | $1,600,000 | $1,125,000 |\n")
    rows = [(None, "$1,200,000", "$900,000"), (None, "$300,000", "$150,000"), (None, "$100,000", "$75,000"),
            (None, "$1,600,000", "$1,125,000")]
    cells = _table_items(text, rows, (None, "USD", "USD"))
    ps = {p.target: p for p in discover(text, cells)}
    a, b = ps["r3c1"], ps["r3c2"]
    assert a.formula == "a + b + c" and set(a.inputs.values()) == {"r0c1", "r1c1", "r2c1"} and a.verdict == "consistent"
    assert set(b.inputs.values()) == {"r0c2", "r1c2", "r2c2"} and b.with_numbers == "9e+05 USD + 1.5e+05 USD + 7.5e+04 USD"
    # a total that is not the sum: nothing (a sum is never called a slip)
    wrong = text.replace("$1,600,000", "$1,900,000")
    cells = _table_items(wrong, [*rows[:3], (None, "$1,900,000", "$1,125,000")], (None, "USD", "USD"))
    assert "r3c1" not in {p.target for p in discover(wrong, cells)}


def test_a_total_an_intro_line_states_is_the_sum_of_its_items():
    text = ("Fitting out the hall costs about $12 million in total.\n\n"
            "- **Servers (≈60%)**: ~$7 million  \n  with racks drawing 20–40 kW each\n\n"
            "- **Cooling and power (≈40%)**: ~$5 million\n")
    spec = [("t", "$12 million", 12e6, "USD", None), ("s1", "≈60%", 60, "percent", None),
            ("a", "~$7 million", 7e6, "USD", None), ("s2", "≈40%", 40, "percent", None),
            ("b", "~$5 million", 5e6, "USD", None)]
    ps = {p.target: p for p in propose(text, _recs(text, spec))}
    assert ps["t"].formula == "a + b" and set(ps["t"].inputs.values()) == {"a", "b"}
    # the items as stated must make it (to 2%: $7M and $4M are no parts of $12M) ...
    off = text.replace("~$5 million", "~$4 million")
    spec_off = [*spec[:4], ("b", "~$4 million", 4e6, "USD", None)]
    assert "t" not in {p.target for p in propose(off, _recs(off, spec_off))}
    # ... and the intro line must say it is a total
    plain = text.replace(" in total", "")
    assert "t" not in {p.target for p in propose(plain, _recs(plain, spec))}


def test_a_list_total_is_the_sum_of_the_items_above_it():
    text = ("Running it ourselves:\n- 2 GPUs at $3/hour × 730 = $4,380/month\n- Staff: $6,000/month\n"
            "- Power: $620/month\n- Total: $11,000/month\n")
    recs = _recs(text, [("g", "2 GPUs", 2, "GPU", None), ("p", "$3/hour", 3, "USD/hour", None),
                        ("h", "730", 730, "hour", None), ("x", "$4,380/month", 4380, "USD/month", None),
                        ("s", "$6,000/month", 6000, "USD/month", None), ("w", "$620/month", 620, "USD/month", None),
                        ("t", "$11,000/month", 11000, "USD/month", None)])
    ps = {p.target: p for p in propose(text, recs)}
    assert set(ps["t"].inputs.values()) == {"x", "s", "w"} and ps["t"].formula == "a + b + c"
    # a line that does not say "Total" is no total
    other = text.replace("Total:", "Budget:")
    assert "t" not in {p.target for p in propose(other, _recs(other, [("x", "$4,380/month", 4380, "USD/month", None),
                                                                     ("s", "$6,000/month", 6000, "USD/month", None),
                                                                     ("w", "$620/month", 620, "USD/month", None),
                                                                     ("t", "$11,000/month", 11000, "USD/month", None)]))}


def test_a_metric_row_of_a_spec_table_from_rows_further_up_its_column():
    # a per-watt row computed from the throughput and power rows, a row of another metric between
    text = ("| Spec | Chip A | Chip B |\n|---|---|---|\n| Peak TFLOPS | 1,200 | 750 |\n| Memory | 96 GB | 64 GB |\n"
            "| Power | 600 W | 300 W |\n| TFLOPS per watt | 2.0 | 2.5 |\n")
    rows = [(None, "1,200", "750"), (None, "96 GB", "64 GB"), (None, "600 W", "300 W"), (None, "2.0", "2.5")]
    cells = _table_items(text, rows, (None, "TFLOPS", "TFLOPS"))
    units = {"r1": "GB", "r2": "W", "r3": "TFLOPS/W"}
    cells = [Item(c.id, c.start, c.end, c.low, c.high, units.get(c.id[:2], c.unit)) for c in cells]
    members = {frozenset((p.target, *p.inputs.values())) for p in discover(text, cells) if p.verdict == "consistent"}
    assert frozenset(("r0c1", "r2c1", "r3c1")) in members and frozenset(("r0c2", "r2c2", "r3c2")) in members


def test_a_wide_share_or_ratio_meets_many_numbers_and_is_no_relation():
    # "a 20-30% margin on $8.0M of sales": $2.0M is 25% of it, but the range holds many a quotient
    text = "A 20-30% margin on $8.0M of sales leaves $2.0M."
    recs = [{"id": "m", "low": 20, "high": 30, "qualifier": "range", "unit": "percent", "span_start": 2, "span_end": 8}]
    recs += _recs(text, [("s", "$8.0M", 8.0, "million USD", None), ("p", "$2.0M", 2.0, "million USD", None)])
    assert propose(text, recs) == []
    # "2x" read as 1.5-2.5 is met by 3 x 0.6 by chance; a stated 25% is not
    text = "Margins of 25% on $8.0M of sales leave $2.0M."
    (p,) = propose(text, _recs(text, [("m", "25%", 25, "percent", None), ("s", "$8.0M", 8.0, "million USD", None),
                                      ("p", "$2.0M", 2.0, "million USD", None)]))
    assert p.verdict == "consistent" and {p.target, *p.inputs.values()} == {"m", "s", "p"}
    text = "It is 6x faster, but only 0.30x as efficient: 2x overall."
    assert propose(text, _recs(text, [("a", "6x", 6, "x", None), ("b", "0.30x", "0.30", "x", None),
                                      ("c", "2x", 2, "x", None)])) == []


# --- compact arithmetic written out (paraphrased) ---

def _drafted(text: str) -> list[dict]:
    from kb.extract.drafts import draft_record
    return [draft_record(d, "t") for d in extract_text(text)]


def test_compact_arithmetic_drafts_its_operands_and_result_with_the_units_it_gives_them():
    from kb.extract.arith import written_arithmetic
    text = "A rack of accelerators: 12x96GB=1152GB of memory in all."
    (w,) = written_arithmetic(text)
    assert [text[a:b] for a, b in w.operands] == ["12", "96GB"] and w.formula == "a * b"
    got = {(r["value"], r["unit"]) for r in _drafted(text)}
    assert {(12, "item"), (96, "GB"), (1152, "GB")} <= got
    # its relation, with its operands in the written order
    (p,) = [p for p in propose(text, _drafted(text)) if p.formula == "a * b"]
    recs = {r["id"]: r for r in _drafted(text)}
    assert [recs[p.inputs[n]]["value"] for n in "ab"] == [12, 96] and recs[p.target]["value"] == 1152
    assert (p.verdict, p.how) == ("consistent", "written")


def test_compact_arithmetic_reads_restated_operands():
    # the operands restate numbers read above: no drafts of their own, and the relation links
    # the numbers as first stated; a bare result that divides two latencies is a ratio
    text = ("The slow path takes 230ms and the fast one 46ms per batch.\n\n"
            "So 230/46=5 times as long, and a rental at $3.10/hr for 128 hours: 128 x $3.10 = $396.80.")
    recs = _drafted(text)
    by_value = {float(r["value"]): r for r in recs}
    assert sorted(float(r["value"]) for r in recs if float(r["value"]) in (230, 46)) == [46, 230]   # once each
    assert by_value[5]["unit"] == "x"
    props = {p.target: p for p in propose(text, recs)}
    ratio = props[by_value[5]["id"]]
    assert ratio.formula == "a / b" and [ratio.inputs[n] for n in "ab"] == [by_value[230]["id"], by_value[46]["id"]]
    cost = props[by_value[396.8]["id"]]
    assert cost.verdict == "consistent" and set(cost.inputs.values()) == {by_value[128]["id"], by_value[3.1]["id"]}


def _at(text: str, spec: list[tuple]) -> list[dict]:
    """Draft records named as kb extract names them (``<prefix>-at<place>``)."""
    return [dict(r, id=f"doc-at{r['span_start']}") for r in _recs(text, spec)]


def test_discovery_reads_the_numbers_of_written_arithmetic_no_draft_read():
    # bare single digits are constants of the working to the drafter; discovery reads them for
    # the arithmetic they are written in, and kb extract gets them as drafts of their own
    text = "Every node carries 6 × 4 = 24 GPUs, so the room's 10 nodes need cooling."
    recs = _at(text, [("d", "24 GPUs", 24, "GPU", None), ("s", "10 nodes", 10, "node", None)])
    (p,) = propose(text, recs)
    six, four = text.index("6 ×"), text.index("4 =")
    assert (p.target, p.formula, p.how, p.verdict) == (f"doc-at{text.index('24')}", "a * b", "written", "consistent")
    assert [p.inputs[n] for n in "ab"] == [f"doc-at{six}", f"doc-at{four}"]
    assert [(r["value"], r["unit"], r["span_start"]) for r in p.read] == [(6, "item", six), (4, "item", four)]
    assert attach(recs, [p]) == 1
    assert [r["id"] for r in recs] == [f"doc-at{x}" for x in sorted((six, four, text.index("24"), text.index("10")))]
    assert recs[2]["derived"] == {"formula": "a * b", "from": {"a": f"doc-at{six}", "b": f"doc-at{four}"}}
    assert all(r["confidence"]["entity"] == 0.0 for r in recs[:2])   # never promoted as curated
    # a bare result of bare operands is a count, read too; records named otherwise: nothing read
    bare = "The grid is 7 × 9 = 63 cells wide, with 12 kW per rack."
    recs = _at(bare, [("k", "12 kW", 12, "kW", None)])
    (p,) = propose(bare, recs)
    assert p.target == f"doc-at{bare.index('63')}" and {r["value"] for r in p.read} == {7, 9, 63}
    assert propose(bare, [dict(r, id="k") for r in recs]) == []
    # an operand that restates a number read above is that number, not a draft of its own
    again = "We rent 16 GPUs.\n\nSo 16 × 3 = 48 GPUs across the three sites."
    recs = _at(again, [("g", "16 GPUs", 16, "GPU", None), ("t", "48 GPUs", 48, "GPU", None)])
    (p,) = propose(again, recs)
    assert p.inputs["a"] == recs[0]["id"] and [r["value"] for r in p.read] == [3]
    # read numbers are for their written arithmetic only: no implied relation names them
    text = "Each rack holds 4 × 2 = 8 nodes; 2 racks draw 12 kW, so each node draws 750 W."
    recs = _at(text, [("s", "8 nodes", 8, "node", None), ("r", "2 racks", 2, "rack", None),
                      ("k", "12 kW", 12, "kW", None), ("w", "750 W", 750, "W", None)])
    named = [p for p in propose(text, recs) if p.read]
    assert [(p.target, p.how) for p in named] == [(recs[0]["id"], "written")]   # not 2 racks = 4 ÷ 2


def test_kb_extract_writes_the_numbers_discovery_read_as_drafts():
    text = "Every node carries 6 × 4 = 24 GPUs, so the room's 10 nodes need cooling."
    doc = drafts_document("s1", extract_text(text), text)
    by_at = {r["span_start"]: r for r in doc["drafts"]}
    six, four, total = (text.index(x) for x in ("6 ×", "4 =", "24 GPUs"))
    assert by_at[total]["derived"] == {"formula": "a * b", "from": {"a": f"s1-at{six}", "b": f"s1-at{four}"}}
    assert (by_at[six]["value"], by_at[six]["unit"], by_at[four]["value"]) == (6, "item", 4)
    assert [r["span_start"] for r in doc["drafts"]] == sorted(r["span_start"] for r in doc["drafts"])
    # a number read keeps the precision written (trailing zeros), as the drafter's do
    bare = "So 6 × 2.50 = 15.0, with 12 kW."
    read = read_written(bare, [{"id": "d-at27", "value": 12, "unit": "kW", "span_start": 27, "span_end": 32}])
    assert [r["value"] for r, _ in read.values()] == [6, "2.50", "15.0"]


def test_compact_arithmetic_that_misses_is_a_written_slip():
    text = "Each node draws 8 x 650W = 52 kW at full load."
    recs = _drafted(text)
    (p,) = [p for p in propose(text, recs) if p.how == "written" and p.verdict == "misses"]
    assert abs(p.factor - 10) < 0.1


def test_part_of_a_longer_expression_is_no_compact_arithmetic():
    from kb.extract.arith import written_arithmetic
    for text in ("We keep 1280-530x2=220GB free.", "Hours = (6 x 7e9 x 1e12) / (989e12 x 0.45)",
                 "The Mixtral 8x7B model is fast.", "So 2x2x105x20480x148 = 1.27 GB per request."):
        assert written_arithmetic(text) == [], text


# --- a share stated once and applied further down (paraphrased) ---

def test_a_share_in_force_scales_a_later_amount_into_another():
    text = ("The platform keeps 15% of every sale its sellers make.\n\n"
            "Last year it collected fees of $42 million.\n\n"
            "- Fees in the spring: $9 million\n- Implied sales in the spring: at least $60 million\n")
    recs = _recs(text, [("s", "15%", 15, "percent", "share"), ("f", "$42 million", 42, "million USD", None),
                        ("q", "$9 million", 9, "million USD", None), ("r", "$60 million", 60, "million USD", None)])
    recs[-1]["qualifier"] = "lower_bound"
    (p,) = propose(text, recs)
    assert set(p.inputs.values()) | {p.target} == {"s", "q", "r"} and p.verdict == "consistent"
    # an approximate amount is not computed so, nor is a miss by a telltale factor a slip
    rough = text.replace("at least $60 million", "~$60 million")
    recs2 = [dict(r) for r in recs]
    recs2[-1].update(qualifier="approx", span_start=rough.index("$60"), span_end=rough.index("$60") + 11)
    assert all(p.target != "r" for p in propose(rough, recs2))
    slip = text.replace("$60 million", "$600 million")
    recs3 = _recs(slip, [("s", "15%", 15, "percent", "share"), ("f", "$42 million", 42, "million USD", None),
                         ("q", "$9 million", 9, "million USD", None), ("r", "$600 million", 600, "million USD", None)])
    recs3[-1]["qualifier"] = "lower_bound"
    assert propose(slip, recs3) == []


# --- a row labelled per something divides by its count (paraphrased) ---

def _drafted_by_value(text: str) -> tuple[list[dict], dict[float, str]]:
    """The text's drafts, and each draft's id by its value."""
    recs = _drafted(text)
    return recs, {float(r["value"]): r["id"] for r in recs}


def test_a_per_gpu_row_divides_its_total_by_the_gpus_stated_before():
    text = ("A lab rents 32 GPUs for a year, in 4 racks of 8 each.\n\n"
            "| Item | Cloud | Owned |\n|---|---|---|\n| Compute | $900,000 | $500,000 |\n"
            "| Power | $60,000 | $80,000 |\n| **Total** | **$960,000** | **$580,000** |\n"
            "| **Per-GPU cost** | **$30,000** | **$18,125** |\n")
    recs, val = _drafted_by_value(text)
    props = {p.target: p for p in propose(text, recs)}
    for per, total in ((30000, 960000), (18125, 580000)):
        p = props[val[per]]
        assert (p.formula, p.inputs, p.verdict) == ("a / b", {"a": val[total], "b": val[32]}, "consistent")
    # a row not labelled per GPU is not divided so
    plain = text.replace("Per-GPU cost", "Reserve fund")
    recs, val = _drafted_by_value(plain)
    assert all(val[32] not in p.inputs.values() for p in propose(plain, recs) if p.target in (val[30000], val[18125]))


def test_a_bare_amount_in_a_column_header_is_the_amount_stated_above():
    text = ("## Filling a 64K-token window\n\nA prompt of 64K tokens, at each model's input price.\n\n"
            "| Model | Price per 1M | 64K Prompt Cost |\n|---|---|---|\n| Alpha | $10 | $0.64 |\n"
            "| Beta | $2.50 | $0.16 |\n")
    recs, val = _drafted_by_value(text)
    props = {p.target: p for p in propose(text, recs)}
    for cost, price in ((0.64, 10), (0.16, 2.5)):
        p = props[val[cost]]
        assert p.verdict == "consistent" and set(p.inputs.values()) == {val[price], val[64]}


# --- ratio claims whose sentence names its two sides, far from them (paraphrased) ---

def _named(text: str, spec: list[tuple]) -> list[dict]:
    """Draft records for (id, as written, value, unit, property, entity, conditions) in text order."""
    out = _recs(text, [s[:5] for s in spec])
    for r, s in zip(out, spec):
        r["entity"], r["conditions"] = s[5], s[6]
    return out


_FILLER = "\n\n".join(f"Paragraph {w} says nothing with numbers." for w in ("one", "two", "three", "four"))


def test_a_ratio_that_names_its_sides_finds_them_pages_away():
    text = ("| Chip | Dense FP8 |\n|---|---|\n| Zephyr ZX90 | 900 TFLOPS |\n| Zephyr ZX70 | 450 TFLOPS |\n\n"
            f"{_FILLER}\n\nIn our runs the ZX90 was 2x faster than the ZX70 on every model.")
    spec = [("a", "900 TFLOPS", 900, "TFLOPS", "peak-throughput", "zephyr-zx90", {}),
            ("b", "450 TFLOPS", 450, "TFLOPS", "peak-throughput", "zephyr-zx70", {}),
            ("r", "2x", 2, "x", "ratio", None, {})]
    (p,) = propose(text, _named(text, spec))
    assert (p.target, p.formula, p.inputs, p.verdict) == ("r", "a / b", {"a": "a", "b": "b"}, "consistent")
    # the sentence names things the sides are not of: nothing
    other = text.replace("the ZX90 was 2x faster than the ZX70", "the QR50 was 2x faster than the QR30")
    assert propose(other, _named(other, spec)) == []
    # no comparison in the sentence ("than", "vs", "the"): nothing
    plain = text.replace("the ZX90 was 2x faster than the ZX70 on every model", "the ZX90 ran 2x on every model")
    assert propose(plain, _named(plain, spec)) == []
    # a comparison further on is another number's: "the ZX90 takes 2x ... and 4x less power than"
    later = text.replace("the ZX90 was 2x faster than the ZX70 on every model",
                         "the ZX90 ran 2x per card, drawing 4x less power than the ZX70")
    assert propose(later, _named(later, spec)) == []


def test_a_ratio_between_two_conditions_is_found_by_the_condition_values():
    text = ("The Kestrel card does 300 TFLOPS in bf16 and 600 TFLOPS in int8.\n\n"
            f"{_FILLER}\n\nSo int8 runs 2x faster than bf16 on it.")
    spec = [("a", "300 TFLOPS", 300, "TFLOPS", "peak-throughput", "kestrel", {"precision": "bf16"}),
            ("b", "600 TFLOPS", 600, "TFLOPS", "peak-throughput", "kestrel", {"precision": "int8"}),
            ("r", "2x", 2, "x", "ratio", None, {})]
    (p,) = propose(text, _named(text, spec))
    assert (p.target, p.inputs, p.verdict) == ("r", {"a": "b", "b": "a"}, "consistent")


def test_two_pairs_as_near_are_ambiguous_and_the_nearer_pair_wins():
    table = ("| Card | bf16 | int8 |\n|---|---|---|\n| Kestrel | 300 TFLOPS | 600 TFLOPS |\n"
             "| Osprey | 150 TFLOPS | 300 TFLOPS |\n\n")
    text = f"{table}{_FILLER}\n\nAcross the board int8 runs 2x faster than bf16."
    spec = [("a", "300 TFLOPS", 300, "TFLOPS", "peak-throughput", "kestrel", {"precision": "bf16"}),
            ("b", "600 TFLOPS", 600, "TFLOPS", "peak-throughput", "kestrel", {"precision": "int8"}),
            ("c", "150 TFLOPS", 150, "TFLOPS", "peak-throughput", "osprey", {"precision": "bf16"}),
            ("d", "300 TFLOPS", 300, "TFLOPS", "peak-throughput", "osprey", {"precision": "int8"}),
            ("r", "2x", 2, "x", "ratio", None, {})]
    assert [p for p in propose(text, _named(text, spec)) if p.target == "r"] == []   # two cards give it, in one table
    # one of them restated in the paragraph of the ratio is nearer: that pair
    # (two paragraphs up, beyond the reach of a ratio's own paragraph and the one before)
    near = (f"{table}{_FILLER}\n\nThe Osprey does 150 TFLOPS in bf16 and 300 TFLOPS in int8.\n\n"
            "Nothing more on it.\n\nAcross the board int8 runs 2x faster than bf16.")
    spec2 = spec[:4] + [("e", "150 TFLOPS", 150, "TFLOPS", "peak-throughput", "osprey", {"precision": "bf16"}),
                        ("f", "300 TFLOPS", 300, "TFLOPS", "peak-throughput", "osprey", {"precision": "int8"}),
                        spec[4]]
    ps = [p for p in propose(near, _named(near, spec2)) if p.target == "r"]
    assert [(p.inputs, p.verdict) for p in ps] == [({"a": "f", "b": "e"}, "consistent")]


def test_a_ratio_with_a_comparative_takes_its_subject_from_the_linked_entity():
    # "N% higher" with no "than": one side is the ratio's own subject, the other named after it
    text = ("The Vireo Max streams 3.2 TB/s of memory bandwidth; the Vireo Lite 2.0 TB/s.\n\n"
            f"{_FILLER}\n\nFor big models, the Max variant's 60% greater memory bandwidth beats the Lite.")
    spec = [("a", "3.2 TB/s", 3.2, "TB/s", "memory-bandwidth", "acme-vireo-max", {}),
            ("b", "2.0 TB/s", 2.0, "TB/s", "memory-bandwidth", "acme-vireo-lite", {}),
            ("r", "60%", 1.6, "x", "ratio", "acme-vireo-max", {})]
    (p,) = propose(text, _named(text, spec))
    assert (p.target, p.inputs, p.verdict) == ("r", {"a": "a", "b": "b"}, "consistent")
    # the two named sides that miss it by no telltale factor: nothing
    off = [dict(r, value=1.45) if r["id"] == "r" else r for r in _named(text, spec)]
    assert propose(text, off) == []
    # with only one side named, the other is found by value, and "about 60%" matches too loosely
    one = text.replace("beats the Lite", "wins")
    approx = [dict(r, qualifier="approx") if r["id"] == "r" else r for r in _named(one, spec)]
    assert propose(one, approx) == []
    (p,) = propose(one, _named(one, spec))
    assert (p.target, p.inputs, p.verdict) == ("r", {"a": "a", "b": "b"}, "consistent")


def test_two_named_sides_a_power_of_ten_off_make_a_slip():
    # the article's own figures: 0.4 Wh against 0.0004 kWh (the same), yet "10x"
    text = ("| Task | Energy per query |\n|---|---|\n| Keyword lookup | 0.0004 kWh |\n\n"
            f"{_FILLER}\n\nOne Heron query uses 0.4 Wh, 10x a keyword lookup.")
    spec = [("k", "0.0004 kWh", 0.0004, "kWh/query", "energy-per-query", "keyword-lookup", {}),
            ("h", "0.4 Wh", 0.4, "Wh/query", "energy-per-query", "heron", {}),
            ("r", "10x", 10, "x", "ratio", "heron", {})]
    ps = [p for p in propose(text, _named(text, spec)) if p.target == "r"]
    assert [(p.inputs, p.verdict) for p in ps] == [({"a": "h", "b": "k"}, "misses")]
    assert "10^1" in ps[0].cause and abs(ps[0].factor - 10) < 1e-6
    # a miss by a factor that is no power of ten is no finding
    three = text.replace("10x a keyword", "3x a keyword")
    spec3 = spec[:2] + [("r", "3x", 3, "x", "ratio", "heron", {})]
    assert [p for p in propose(three, _named(three, spec3)) if p.target == "r"] == []
    # nor where the sentence does not say what it compares (the property's words)
    vague = text.replace("| Keyword lookup | 0.0004 kWh |", "| Keyword lookup | 0.0004 kWh |\n| Heron | 0.4 Wh |").replace(
        "One Heron query uses 0.4 Wh, 10x a keyword lookup.", "Heron is 10x a keyword lookup.")
    spec4 = spec[:2] + [("r", "10x", 10, "x", "ratio", "heron", {})]
    assert [p for p in propose(vague, _named(vague, spec4)) if p.target == "r" and p.verdict == "misses"] == []


def test_a_percentage_change_takes_two_dated_numbers_of_its_subject():
    text = ("| Year | Heron revenue |\n|---|---|\n| 2024 | $50 million |\n| 2025 | $70 million |\n\n"
            f"{_FILLER}\n\nHeron's revenue was up 40% last year.")
    spec = [("a", "$50 million", 50, "million USD", "revenue", "heron", {"period": "2024"}),
            ("b", "$70 million", 70, "million USD", "revenue", "heron", {"period": "2025"}),
            ("r", "40%", 40, "percent", "change", "heron", {})]
    (p,) = [p for p in propose(text, _named(text, spec)) if p.target == "r"]
    assert (p.formula, p.inputs, p.verdict) == ("a / b - 1", {"a": "b", "b": "a"}, "consistent")
    # a fall, and the same numbers the other way round
    down = text.replace("| 2024 | $50 million |\n| 2025 | $70 million |", "| 2024 | $70 million |\n| 2025 | $50 million |")
    down = down.replace("was up 40%", "fell by 28.6%")
    spec_d = [("a", "$70 million", 70, "million USD", "revenue", "heron", {"period": "2024"}),
              ("b", "$50 million", 50, "million USD", "revenue", "heron", {"period": "2025"}),
              ("r", "28.6%", 28.6, "percent", "change", "heron", {})]
    (p,) = [p for p in propose(down, _named(down, spec_d)) if p.target == "r"]
    assert (p.formula, p.inputs, p.verdict) == ("1 - a / b", {"a": "b", "b": "a"}, "consistent")
    # another entity's numbers, undated numbers, or no change word: nothing
    for other in ([dict(r, entity="osprey") if r["id"] != "r" else r for r in _named(text, spec)],
                  [dict(r, conditions={}) for r in _named(text, spec)]):
        assert [p for p in propose(text, other) if p.target == "r"] == []
    flat = text.replace("was up 40% last year", "is 40% of the sector")
    assert [p for p in propose(flat, _named(flat, spec)) if p.target == "r"] == []


def test_a_ratio_s_clause_gives_its_subject_and_what_it_compares():
    # a dash ends the clause before the ratio: its subject is the Max alone, not the Lite of the
    # clause before; two pairs of the two cards meet "60%" (bandwidth and price), and the clause
    # says which it compares
    table = ("| Card | Memory bandwidth | Price |\n|---|---|---|\n| Vireo Max | 3.2 TB/s | $4.80/hour |\n"
             "| Vireo Lite | 2.0 TB/s | $3.00/hour |\n\n")
    text = f"{table}{_FILLER}\n\nThe Lite is the budget pick—yet the Max variant's 60% greater memory bandwidth wins."
    spec = [("a", "3.2 TB/s", 3.2, "TB/s", "memory-bandwidth", "acme-vireo-max", {}),
            ("p", "$4.80/hour", 4.8, "USD/hour", "rental-price", "acme-vireo-max", {}),
            ("b", "2.0 TB/s", 2.0, "TB/s", "memory-bandwidth", "acme-vireo-lite", {}),
            ("q", "$3.00/hour", 3.0, "USD/hour", "rental-price", "acme-vireo-lite", {}),
            ("r", "60%", 1.6, "x", "ratio", "acme-vireo-max", {})]
    ps = [p for p in propose(text, _named(text, spec)) if p.target == "r"]
    assert [(p.inputs, p.verdict) for p in ps] == [({"a": "a", "b": "b"}, "consistent")]
    # the same words of the price: the price pair
    priced = text.replace("greater memory bandwidth wins", "higher price stings")
    ps = [p for p in propose(priced, _named(priced, spec)) if p.target == "r"]
    assert [(p.inputs, p.verdict) for p in ps] == [({"a": "p", "b": "q"}, "consistent")]
    # a clause that does not say what it compares, with one side named: nothing (a quotient
    # found by value meets the ratio by chance)
    unsaid = text.replace("60% greater memory bandwidth wins", "60% edge wins")
    assert [p for p in propose(unsaid, _named(unsaid, spec)) if p.target == "r"] == []
    # with no clause break, the sentence names both cards before the ratio: no side is "the other"
    whole = text.replace("budget pick—yet the Max", "budget pick and yet the Max")
    assert [p for p in propose(whole, _named(whole, spec)) if p.target == "r"] == []
    # a range ("50-70% greater") holds too many quotients to find a side by value
    ranged = text.replace("60% greater", "50-70% greater")
    spec_r = spec[:4] + [("r", "50-70%", 1.6, "x", "ratio", "acme-vireo-max", {})]
    recs = [dict(r, qualifier="range", low=1.5, high=1.7) if r["id"] == "r" else r for r in _named(ranged, spec_r)]
    assert [p for p in propose(ranged, recs) if p.target == "r"] == []
    single = [dict(r, qualifier="range", low=1.6, high=1.6) if r["id"] == "r" else r for r in _named(ranged, spec_r)]
    assert [p.target for p in propose(ranged, single)] == ["r"]   # (the same read as one value: found)


def test_a_word_of_the_clause_naming_a_far_property_gives_way_to_the_two_named_things_nearer_pair():
    # "at blended rates": "rates" is a word of the request rate stated further on, but the two
    # models' blended prices, nearer (above), are the pair that makes 20x
    table = ("| Model | Input | Output | Blended |\n|---|---|---|---|\n| Zephyr Max | $30.00 | $90.00 | $45.00 |\n"
             "| Zephyr Mini | $1.00 | $6.00 | $2.25 |\n\n")
    later = "Zephyr Max serves 400 requests a day and Zephyr Mini 50 requests a day."
    text = (f"{table}{_FILLER}\n\nZephyr Mini is 20x cheaper than Zephyr Max at blended rates.\n\n"
            f"{_FILLER}\n\n{_FILLER}\n\n{later}")
    spec = [("ai", "$30.00", "30.00", "USD per 1M tokens", "token-price", "zephyr-max", {"direction": "input"}),
            ("ao", "$90.00", "90.00", "USD per 1M tokens", "token-price", "zephyr-max", {"direction": "output"}),
            ("ab", "$45.00", "45.00", "USD per 1M tokens", "token-price", "zephyr-max", {}),
            ("bi", "$1.00", "1.00", "USD per 1M tokens", "token-price", "zephyr-mini", {"direction": "input"}),
            ("bo", "$6.00", "6.00", "USD per 1M tokens", "token-price", "zephyr-mini", {"direction": "output"}),
            ("bb", "$2.25", "2.25", "USD per 1M tokens", "token-price", "zephyr-mini", {}),
            ("r", "20x", 20, "x", "ratio", "zephyr-mini", {}),
            ("an", "400 requests a day", 400, "query/day", "request-rate", "zephyr-max", {}),
            ("bn", "50 requests a day", 50, "query/day", "request-rate", "zephyr-mini", {})]
    ps = [p for p in propose(text, _named(text, spec)) if p.target == "r"]
    assert [(p.inputs, p.verdict) for p in ps] == [({"a": "ab", "b": "bb"}, "consistent")]
    # the request rates nearer than the prices (the paragraph right after): the clause's word
    # decides as before, and their quotient (8) does not make 20x: nothing
    near = text.replace(f"{_FILLER}\n\n{_FILLER}\n\n", "")
    assert [p for p in propose(near, _named(near, spec)) if p.target == "r"] == []


def test_comparison_cues_are_the_comparison_pattern_s_matches():
    """A sentence's comparison words are found on its lower case in two parts (for speed); the
    spans are exactly those of the one case-blind pattern, within any stretch of the text."""
    import random

    from kb.extract.arith import _COMPARE_RE, _compare_cues

    texts = ["The Osprey is 3x the Kestrel and 2 X  an Ibis; VS. the rest, Compared  with last year, relative to peers.",
             "Nothing THAN this, 10 times the cost, twofold a gain, 4×the, 5 x* the", "", "x", "2x the"]
    rnd = random.Random(5)
    pieces = list("xX× \t\n*_.0123456789abİıſ") + ["than", "THAN", "vs", "Vs.", "versus", "compared with", "compared to",
                                                  "relative to", "times", "fold", "the", "an", "a", "thank", "other"]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 25))) for _ in range(3000)]
    for text in texts:
        for a in range(0, len(text) + 1, 3):
            for b in (a, (a + len(text)) // 2 + 1, len(text)):
                if b >= a:
                    assert _compare_cues(text, a, b) == [m.span() for m in _COMPARE_RE.finditer(text, a, b)], (text, a, b)
    assert len(_compare_cues(texts[0], 0, len(texts[0]))) >= 5   # the cues are found (the test compares something)



def test_table_cells_read_by_split_are_those_read_pipe_by_pipe():
    """The row reader's shortcut (a row with no escaped pipe split at C speed) gives the cells,
    offsets and texts that reading the row pipe by pipe gives, blanks of every kind included."""
    from kb.extract.tables import _cells, _cells_escaped, find_tables

    rows = ["| a | b |", "|a|b|", "  | GPU  |  $2.49 /hr |  ", "|  |   | x |", "| x |",
            "|\u00a0H100\u2003| 80\u2009GB |\t|", "| one | two | three | four | five |",
            "| a \\| b | c |"]
    for row in rows:
        text = "intro\n" + row + "\nafter"
        lo, hi = 6, 6 + len(row)
        first, last = text.index("|", lo, hi), text.rindex("|", lo, hi)
        assert _cells(text, lo, hi) == _cells_escaped(text, first, last), row
    assert [c.text for c in _cells("| x |", 0, 5)] == ["x"]
    assert [c.text for c in _cells("x | y", 0, 5)] == []   # one pipe: no cell
    # a table's rows and their stripped spans
    text = "# Prices\n\n| GPU | Price |\n|---|---|\n|  H100 | $2.49 \u00a0|\n| A100 | $1.10 |\n"
    (t,) = find_tables(text)
    assert [[c.text for c in r] for r in t.rows] == [["H100", "$2.49"], ["A100", "$1.10"]]
    assert [text[a:b] for a, b in t.row_spans] == ["|  H100 | $2.49 \u00a0|", "| A100 | $1.10 |"]
    assert all(text[c.start:c.end] == c.text for r in t.rows for c in r)


def test_record_items_are_made_as_the_dataclass_makes_them():
    """_record_item builds its Item without the frozen dataclass's __init__ (a shortcut): every
    field is set, in order, and the item equals, hashes and prints as Item(...) of those fields."""
    import dataclasses

    from kb.extract.arith import _record_item

    recs = [{"id": "n1", "value": 2.5, "unit": "USD/hour", "qualifier": "approx", "span_start": 3, "span_end": 8},
            {"id": 7, "value": 80, "unit": "GB", "qualifier": "exact", "span_start": 10, "span_end": 15,
             "property": "memory", "entity": "acme-x200-pro", "conditions": {"precision": "bf16"}},
            {"id": "r", "low": "1.5", "high": 3, "unit": "hour", "qualifier": "range", "start": 1, "end": 4,
             "expression": "0:9"},
            {"id": "b", "value": 386.5, "unit": "million USD", "qualifier": "lower_bound",
             "span_start": 0, "span_end": 5, "property": "cost"}]
    names = [f.name for f in dataclasses.fields(Item)]
    for rec in recs:
        it = _record_item(rec)
        plain = Item(*(getattr(it, n) for n in names))
        assert list(vars(it)) == names
        assert it == plain and hash(it) == hash(plain) and repr(it) == repr(plain)
    assert _record_item(recs[1]).names == frozenset({"acmex200pro", "x200pro", "pro", "x200", "bf16"})
    assert _record_item(recs[0]).prop is None and _record_item(recs[0]).names == frozenset()


# --- a percentage stated as the relative difference of two amounts (paraphrased) ---

def test_a_saving_stated_as_a_percentage_is_one_minus_the_quotient_of_its_two_amounts():
    text = "The second request costs $0.02 instead of $0.10, a saving of 80%."
    recs = _recs(text, [("a", "$0.02", 0.02, "USD", "workload-cost"), ("b", "$0.10", 0.10, "USD", "workload-cost"),
                        ("s", "80%", 80, "percent", "share")])
    (p,) = propose(text, recs)
    assert (p.target, p.formula, p.inputs, p.verdict) == ("s", "1 - a / b", {"a": "a", "b": "b"}, "consistent")
    assert abs(p.computed[0] - 80) < 1e-9 and p.unit == "percent"
    # the same words after the number, and a margin: what remains of the price
    for said, words in (("a saving of 80%", "an 80% cost reduction"), ("a saving of 80%", "an 80% margin")):
        other = text.replace(said, words)
        (p,) = propose(other, _recs(other, [r[:5] for r in (("a", "$0.02", 0.02, "USD", "workload-cost"),
                                                              ("b", "$0.10", 0.10, "USD", "workload-cost"),
                                                              ("s", "80%", 80, "percent", "share"))]))
        assert (p.target, p.formula) == ("s", "1 - a / b")
    # no such word: 80% is no difference of them (nor their quotient: 20%)
    plain = text.replace("a saving of 80%", "as 80% of users do")
    assert [p for p in propose(plain, _recs(plain, [("a", "$0.02", 0.02, "USD", "workload-cost"),
                                                   ("b", "$0.10", 0.10, "USD", "workload-cost"),
                                                   ("s", "80%", 80, "percent", "share")])) if p.target == "s"] == []
    # a saving the two amounts do not make (1 - 0.02 / 0.10 is 80%, not 70%): nothing, and never a slip
    off = text.replace("80%", "70%")
    assert propose(off, _recs(off, [("a", "$0.02", 0.02, "USD", "workload-cost"),
                                    ("b", "$0.10", 0.10, "USD", "workload-cost"),
                                    ("s", "70%", 70, "percent", "share")])) == []


def test_more_words_that_state_a_percentage_as_a_difference():
    spec = [("a", "$10,000", 10000, "USD", "opex"), ("b", "$8,000", 8000, "USD", "opex")]
    for text, r, formula in (("The bill is now $8,000, 20% below the $10,000 it was.", 20, "1 - a / b"),
                             ("Costs were $10,000 last year and $8,000 this year, a 20% year-over-year decline.", 20,
                              "1 - a / b"),
                             ("Costs were $8,000 last year and $10,000 this year, 25% above.", 25, "a / b - 1"),
                             ("Costs surged 25% from $8,000 to $10,000.", 25, "a / b - 1"),
                             ("The budget shrank 20% from $10,000 to $8,000.", 20, "1 - a / b")):
        recs = _recs(text, sorted(spec + [("r", f"{r}%", r, "percent", "change")], key=lambda x: text.index(x[1])))
        (p,) = [p for p in propose(text, recs) if p.target == "r"]
        assert (p.formula, p.verdict) == (formula, "consistent") and set(p.inputs.values()) == {"a", "b"}, text


def test_a_premium_or_a_rise_in_percent_is_the_larger_over_the_smaller_less_one():
    text = "Our headcount is 500, up 25% on the 400 of a year ago."
    recs = _recs(text, [("a", "500", 500, "employee", "employees"), ("r", "25%", 25, "percent", "change"),
                        ("b", "400", 400, "employee", "employees")])
    (p,) = [p for p in propose(text, recs) if p.target == "r"]
    assert (p.formula, p.inputs, p.verdict) == ("a / b - 1", {"a": "a", "b": "b"}, "consistent")
    # "up to 25%" is a bound, no rise ("up" before "to" is no cue; "25% above" would be one)
    bound = text.replace("up 25% on", "up to 25% on")
    assert [p for p in propose(bound, _recs(bound, [("a", "500", 500, "employee", "employees"),
                                                   ("r", "25%", 25, "percent", "change"),
                                                   ("b", "400", 400, "employee", "employees")])) if p.target == "r"] == []
    # amounts of different kinds are no two sides of one difference
    mixed = _recs(text, [("a", "500", 500, "employee", "employees"), ("r", "25%", 25, "percent", "change"),
                         ("b", "400", 400, "USD", "capex")])
    assert [p for p in propose(text, mixed) if p.target == "r"] == []


def test_a_savings_column_is_the_difference_of_the_row_s_two_costs():
    text = ("| Daily GPU time | GPU cost per month | API cost per month | Savings |\n|---|---|---|---|\n"
            "| 1 hour | $700/mo | $2,000/mo | **65%** |\n| 2 hours | $1,400/mo | $2,000/mo | **30%** |\n")
    recs = _recs(text, [("h1", "1 hour", 1, "hour", None), ("g1", "$700/mo", 700, "USD/month", "cost-rate"),
                        ("a1", "$2,000/mo", 2000, "USD/month", "cost-rate"), ("s1", "65%", 65, "percent", "share"),
                        ("h2", "2 hours", 2, "hour", None), ("g2", "$1,400/mo", 1400, "USD/month", "cost-rate"),
                        ("a2", "$2,000/mo", 2000, "USD/month", "cost-rate"), ("s2", "30%", 30, "percent", "share")])
    got = {p.target: (p.formula, p.inputs) for p in propose(text, recs) if p.target in ("s1", "s2")}
    assert got == {"s1": ("1 - a / b", {"a": "g1", "b": "a1"}), "s2": ("1 - a / b", {"a": "g2", "b": "a2"})}
    # under a header that says nothing of a difference, the cells are not read so
    share = text.replace("| Savings |", "| Utilisation |")
    assert [p for p in propose(share, recs) if p.target in ("s1", "s2")] == []


def test_a_reduction_read_as_a_negative_change_is_the_quotient_less_one():
    # the drafter reads "an 85% reduction" as a change of -85%: discovery takes it up at its magnitude
    text = "Monthly spend: $4,200 → $630 (85% reduction)."
    recs = _recs(text, [("a", "$4,200", 4200, "USD/month", "cost-rate"), ("b", "$630", 630, "USD/month", "cost-rate"),
                        ("r", "85%", -85, "percent", "change")])
    (p,) = [p for p in propose(text, recs) if p.target == "r"]
    assert (p.formula, p.inputs, p.verdict) == ("a / b - 1", {"a": "b", "b": "a"}, "consistent")
    assert abs(p.computed[0] + 85) < 1e-9
    # a fall the amounts do not make, or a negative change with no word of a fall: nothing
    for other in (text.replace("85%", "60%"), text.replace("85% reduction", "85% vs plan")):
        num = "60%" if "60%" in other else "85%"
        recs2 = _recs(other, [("a", "$4,200", 4200, "USD/month", "cost-rate"),
                              ("b", "$630", 630, "USD/month", "cost-rate"),
                              ("r", num, -float(num[:-1]), "percent", "change")])
        assert [p for p in propose(other, recs2) if p.target == "r"] == []


def test_a_percentage_faster_or_smaller_is_drafted_as_a_change_of_the_two_cells_it_compares():
    # paraphrased from a benchmark table: each row's last cell states how the second engine's
    # figure compares with the first's; curators record a change, "a / b - 1" of the two cells
    text = ("| Metric | Engine A | Engine B | Difference |\n|---|---|---|---|\n"
            "| Throughput (token/s) | 80 | 124 | 55% faster |\n"
            "| Memory used (GB) | 5.0 | 6.0 | 20% more |\n"
            "| Disk size (GB) | 5.0 | 4.5 | 10% smaller |\n")
    recs = drafts_document("011_bench", extract_text(text, []), text)["drafts"]
    cells = {}   # (the row's label, the value) -> the draft
    for r in recs:
        row = text[r["start"]:r["end"]]
        cells[(row.split("|")[1].strip(), float(r["value"]))] = r
    faster = cells[("Throughput (token/s)", 55)]
    more = cells[("Memory used (GB)", 20)]
    smaller = cells[("Disk size (GB)", -10)]
    for r in (faster, more, smaller):
        assert r["unit"] == "percent"
    ids = {k: r["id"] for k, r in cells.items()}
    assert faster["derived"] == {"formula": "a / b - 1", "from": {"a": ids[("Throughput (token/s)", 124)],
                                                                  "b": ids[("Throughput (token/s)", 80)]}}
    assert more["derived"] == {"formula": "a / b - 1", "from": {"a": ids[("Memory used (GB)", 6.0)],
                                                               "b": ids[("Memory used (GB)", 5.0)]}}
    assert smaller["derived"] == {"formula": "a / b - 1", "from": {"a": ids[("Disk size (GB)", 4.5)],
                                                                  "b": ids[("Disk size (GB)", 5.0)]}}


def test_of_two_pairs_that_make_a_difference_the_nearer_is_taken_and_two_as_near_are_ambiguous():
    # 1 - 30/40 and 1 - 60/80 are both 25%: the saving is of the two costs right before it
    text = "Plan A is $30 against $40 and plan B is $60 against $80, a 25% saving."
    recs = _recs(text, [("a", "$30", 30, "USD", "workload-cost"), ("b", "$40", 40, "USD", "workload-cost"),
                        ("c", "$60", 60, "USD", "workload-cost"), ("d", "$80", 80, "USD", "workload-cost"),
                        ("s", "25%", 25, "percent", "share")])
    (p,) = [p for p in propose(text, recs) if p.target == "s"]
    assert (p.formula, p.inputs) == ("1 - a / b", {"a": "c", "b": "d"})
    # one pair each side of it, as near: which two it is of, the row does not say
    text = "| Saving | A now | A before | Saving | B now | B before |\n|---|---|---|---|---|---|\n| x | $30 | $40 | 25% | $60 | $80 |\n"
    recs = _recs(text, [("a", "$30", 30, "USD", "workload-cost"), ("b", "$40", 40, "USD", "workload-cost"),
                        ("s", "25%", 25, "percent", "share"),
                        ("c", "$60", 60, "USD", "workload-cost"), ("d", "$80", 80, "USD", "workload-cost")])
    assert all(p.formula != "1 - a / b" for p in propose(text, recs) if p.target == "s")


def test_a_projection_column_that_scales_with_the_row_labels_is_the_first_row_scaled():
    # an API-cost column that is one price per request on every row: each later row's cell is
    # the first row's times its batch over the first row's batch
    text = ("| Batch | Own cost | API cost |\n|---|---|---|\n| 20 | $0.0009 | $0.0046 |\n"
            "| 4,000 | $0.11 | $0.92 |\n| 80,000 | $1.90 | $18.40 |\n")
    spec = [("n1", "20", 20, "query", "request-count"), ("o1", "$0.0009", 0.0009, "USD", "workload-cost"),
            ("a1", "$0.0046", 0.0046, "USD", "workload-cost"),
            ("n2", "4,000", 4000, "query", "request-count"), ("o2", "$0.11", 0.11, "USD", "workload-cost"),
            ("a2", "$0.92", 0.92, "USD", "workload-cost"),
            ("n3", "80,000", 80000, "query", "request-count"), ("o3", "$1.90", 1.90, "USD", "workload-cost"),
            ("a3", "$18.40", 18.40, "USD", "workload-cost")]
    got = {(p.target, p.formula, tuple(sorted(p.inputs.items())), p.verdict) for p in propose(text, _recs(text, spec))}
    assert ("a2", "a * b / c", (("a", "a1"), ("b", "n2"), ("c", "n1")), "consistent") in got
    assert ("a3", "a * b / c", (("a", "a1"), ("b", "n3"), ("c", "n1")), "consistent") in got
    # the own-cost column does not scale (0.0009 per 20 is not 0.11 per 4,000): none of it
    assert not [x for x in got if x[0] in ("o2", "o3")]
    # a column that misses on one row is no such column; two rows are too few to say
    bad = text.replace("$18.40", "$21.00")
    got = [p for p in propose(bad, _recs(bad, [x if x[0] != "a3" else ("a3", "$21.00", 21.0, "USD", "workload-cost") for x in spec]))
           if p.target in ("a2", "a3")]
    assert got == []
    two = text[:text.index("| 80,000")]
    assert [p for p in propose(two, _recs(two, spec[:6])) if p.target == "a2"] == []


# --- a ratio whose sentence names what it compares, none of the things (paraphrased) ---

def test_a_ratio_that_names_only_the_property_takes_the_one_pair_of_its_numbers_that_makes_it():
    table = ("| | Wren 40 | Wren 80 |\n|---|---|---|\n| Memory | 40 GB | 80 GB |\n"
             "| Memory bandwidth | 1.6 TB/s | 3.2 TB/s |\n\n")
    # (two fillers: farther than a note under the table, whose numbers its cells may use)
    text = f"{table}{_FILLER}\n\n{_FILLER}\n\nIn short: the memory bandwidth is higher by 2x, so memory-bound work runs twice as fast."
    spec = [("m1", "40 GB", 40, "GB", "memory-capacity", "wren-40", {}),
            ("m2", "80 GB", 80, "GB", "memory-capacity", "wren-80", {}),
            ("b1", "1.6 TB/s", 1.6, "TB/s", "memory-bandwidth", "wren-40", {}),
            ("b2", "3.2 TB/s", 3.2, "TB/s", "memory-bandwidth", "wren-80", {}),
            ("r", "2x", 2, "x", "ratio", None, {})]
    # the capacities make 2x too, but the clause names the bandwidth (both its words)
    (p,) = [p for p in propose(text, _named(text, spec)) if p.target == "r"]
    assert (p.formula, p.inputs, p.verdict) == ("a / b", {"a": "b2", "b": "b1"}, "consistent")
    # no comparative at the ratio, or a clause that names no property whole: nothing
    for said in ("the memory bandwidth ratio: 2x, so", "the memory is higher by 2x, so"):
        other = text.replace("the memory bandwidth is higher by 2x, so", said)
        assert [p for p in propose(other, _named(other, spec)) if p.target == "r"] == []
    # two pairs of bandwidths that make it: which two things it compares, the text does not say
    third = table.replace("| Wren 80 |\n|---|---|---|", "| Wren 80 | Wren 20 |\n|---|---|---|---|")
    third = third.replace("| 40 GB | 80 GB |", "| 40 GB | 80 GB | 20 GB |").replace("| 3.2 TB/s |", "| 3.2 TB/s | 0.8 TB/s |")
    text3 = text.replace(table, third)
    spec3 = [*spec[:2], ("m3", "20 GB", 20, "GB", "memory-capacity", "wren-20", {}), *spec[2:4],
             ("b3", "0.8 TB/s", 0.8, "TB/s", "memory-bandwidth", "wren-20", {}), spec[4]]
    assert [p for p in propose(text3, _named(text3, spec3)) if p.target == "r"] == []


def test_a_ratio_that_names_the_property_by_its_head_word_takes_the_pair_of_its_worked_example():
    # "5x more throughput" names "inference-throughput" by its last word, right after the
    # comparative; the throughput stated in the prose above (10 and 50 tokens/sec make 5x too)
    # is farther than the worked example right above the ratio, whose pair is taken
    text = ("Your servers cost the same whether they process 10 tokens/sec or 50 tokens/sec.\n\n"
            "Some words about other matters.\n\nMore words about other matters.\n\n"
            "Quiet hours (50 tok/s):\n  cost per 1M tokens = ($2.00/hr / 180K tok/hr) x 1M = $11.11\n\n"
            "Busy hours (250 tok/s):\n  cost per 1M tokens = ($2.00/hr / 900K tok/hr) x 1M = $2.22\n\n"
            "So 5x more throughput = 5x cheaper per token.")
    spec = [("t10", "10 tokens/sec", 10, "token/s", "inference-throughput"),
            ("t50a", "50 tokens/sec", 50, "token/s", "inference-throughput"),
            ("q", "50 tok/s", 50, "token/s", "inference-throughput"),
            ("qh", "180K tok/hr", 180, "K token/hour", "inference-throughput"),
            ("b", "250 tok/s", 250, "token/s", "inference-throughput"),
            ("bh", "900K tok/hr", 900, "K token/hour", "inference-throughput"),
            ("r", "5x", 5, "x", "ratio"), ("r2", "5x", 5, "x", "ratio")]
    ps = propose(text, _recs(text, spec))
    (p,) = [p for p in ps if p.target == "r"]
    # (the plain statements, not the operands of the working that restate them per hour)
    assert (p.formula, p.inputs, p.verdict) == ("a / b", {"a": "b", "b": "q"}, "consistent")
    # "5x cheaper per token" names no throughput: no sides of it
    assert not [p for p in ps if p.target == "r2" and p.inputs.get("a") in ("b", "bh")]
    # the prose pair alone (the worked example gone): it is not close before, but the one pair
    far = "So 5x more throughput = 5x cheaper per token."
    text2 = text[:text.index("Quiet")] + far
    ps = propose(text2, _recs(text2, spec[:2] + spec[-2:]))
    assert [(p.inputs, p.verdict) for p in ps if p.target == "r"] == [({"a": "t50a", "b": "t10"}, "consistent")]
    # two pairs of values, neither close: which two it compares, the text does not say
    text3 = text.replace("Some words", "Then 250 tokens/sec. Some words")
    spec3 = spec[:2] + [("t250", "250 tokens/sec", 250, "token/s", "inference-throughput")] + spec[-2:]
    text3 = text3[:text3.index("Quiet")] + "\n\nA.\n\nB.\n\nC.\n\nD.\n\n" + far
    assert [p for p in propose(text3, _recs(text3, spec3)) if p.target == "r"] == []


# --- a quantity from a number at hand and a rate of the thing its sentence names (paraphrased) ---

def test_a_quantity_takes_the_rate_of_the_thing_its_list_intro_names_from_a_table_above():
    table = "| Chip | Board power |\n|---|---|\n| Zephyr ZX90 | 900 W |\n| Zephyr ZX70 | 450 W |\n\n"
    text = (f"{table}**Energy for 2M ZX90 GPU-hours:**\n- Energy used: ~1,800 MWh\n"
            "- At $0.10/kWh: ~$180,000\n")
    spec = [("p90", "900 W", 900, "W", "tdp", "zephyr-zx90", {}), ("p70", "450 W", 450, "W", "tdp", "zephyr-zx70", {}),
            ("h", "2M ZX90 GPU-hours", 2, "million GPU-hour", "training-gpu-hours", None, {}),
            ("e", "~1,800 MWh", 1800, "MWh", "electricity-use", None, {}),
            ("r", "$0.10/kWh", 0.10, "USD/kWh", "electricity-price", None, {}),
            ("c", "~$180,000", 180000, "USD", "opex", None, {})]
    ps = propose(text, _named(text, spec))
    assert any({p.target, *p.inputs.values()} == {"h", "e", "p90"} and p.verdict == "consistent" for p in ps)
    # the other chip named: its rate does not make it (450 W), and the ZX90's is not its own
    other = text.replace("2M ZX90", "2M ZX70")
    ps = propose(other, _named(other, [s if s[0] != "h" else ("h", "2M ZX70 GPU-hours", *s[2:]) for s in spec]))
    assert not any("p90" in p.inputs.values() or "p70" in p.inputs.values() or p.target in ("p90", "p70") for p in ps)
    # no thing named: no rate from afar
    plain = text.replace("2M ZX90 GPU-hours", "2M GPU-hours")
    ps = propose(plain, _named(plain, [s if s[0] != "h" else ("h", "2M GPU-hours", *s[2:]) for s in spec]))
    assert not any("p90" in p.inputs.values() or p.target == "p90" for p in ps)


def test_a_margin_row_of_a_vertical_table_is_the_difference_of_the_amounts_above_it():
    text = "| Line | Amount |\n|---|---|\n| Sales | $250M |\n| Cost of sales | $100M |\n| Gross margin | 60% |\n"
    spec = [("s", "$250M", 250, "million USD", "revenue"), ("c", "$100M", 100, "million USD", "opex"),
            ("m", "60%", 60, "percent", "gross-margin")]
    (p,) = [p for p in propose(text, _recs(text, spec)) if p.target == "m"]
    assert (p.formula, p.inputs, p.verdict) == ("1 - a / b", {"a": "c", "b": "s"}, "consistent")
    # a row whose label says nothing of a difference: 60% is no difference of the amounts
    other = text.replace("Gross margin", "Utilisation")
    assert [p for p in propose(other, _recs(other, spec)) if p.target == "m"] == []


def test_a_relative_column_is_each_row_over_the_row_it_states_as_1x():
    text = ("| Card | Hourly price | Hours to train | Relative price | Speed-up |\n|---|---|---|---|---|\n"
            "| Tern 1 | $2.00 | 100 | 1.0x | baseline |\n| Tern 2 | $2.80 | 50 | 1.40x | 2.0x |\n"
            "| Tern 3 | $3.50 | 40 | 1.75x | 2.5x |\n")
    spec = [("p1", "$2.00", 2.0, "USD/hour", "rental-price"), ("h1", "100", 100, "hour", "training-duration"),
            ("p2", "$2.80", 2.8, "USD/hour", "rental-price"), ("h2", "50", 50, "hour", "training-duration"),
            ("r2", "1.40x", 1.4, "x", "ratio"), ("s2", "2.0x", 2.0, "x", "ratio"),
            ("p3", "$3.50", 3.5, "USD/hour", "rental-price"), ("h3", "40", 40, "hour", "training-duration"),
            ("r3", "1.75x", 1.75, "x", "ratio"), ("s3", "2.5x", 2.5, "x", "ratio")]
    ps = propose(text, _recs(text, spec))
    got = {p.target: (p.formula, p.inputs, p.verdict) for p in ps}
    # the price over the baseline's; the baseline's time over the row's (a speed-up); (the second
    # row's price is also the row above times its own factor: the same relation, that way round)
    assert {frozenset((p.target, *p.inputs.values())) for p in ps} == {
        frozenset(x) for x in (("r2", "p2", "p1"), ("r3", "p3", "p1"), ("s2", "h1", "h2"), ("s3", "h1", "h3"))}
    assert got["r3"] == ("a / b", {"a": "p3", "b": "p1"}, "consistent")
    assert got["s3"] == ("a / b", {"a": "h1", "b": "h3"}, "consistent")
    # no row stated as the baseline: none but the row computed from the row above
    plain = text.replace("| 1.0x | baseline |", "| n/a | n/a |")
    assert {p.target for p in propose(plain, _recs(plain, spec))} == {"p2"}


def test_a_difference_kb_extract_writes_is_checked_consistent_once_promoted(tmp_path: Path):
    import hashlib

    from kb.rules.check import check

    root = tmp_path / "kb"
    for d in ("claims", "datasets/sources", "datasets/entities", "datasets/properties"):
        (root / d).mkdir(parents=True)
    text = "Moving the batch jobs in house cut the bill from $10,000 a month to $8,000 a month, a saving of 20%.\n"
    (root / "datasets" / "sources" / "010_bill.txt").write_text(text, encoding="utf-8")
    (root / "datasets" / "sources" / "010_bill.yaml").write_text(
        f"id: 010_bill\ntitle: T\npublisher: P\nsha256: {hashlib.sha256(text.encode()).hexdigest()}\ntrust: web\n",
        encoding="utf-8")
    (root / "datasets" / "entities" / "e.yaml").write_text(
        "entities:\n  - {id: acme-batch, name: Acme batch jobs, kind: workload}\n", encoding="utf-8")
    (root / "datasets" / "properties" / "p.yaml").write_text(
        "properties:\n"
        "  - {id: cost-rate, name: Cost rate, description: What it costs per month, canonical_unit: USD/month}\n"
        "  - {id: saving, name: Saving, description: The share of a cost saved, canonical_unit: percent}\n",
        encoding="utf-8")
    doc = drafts_document("010_bill", extract_text(text, []), text)
    recs = doc["drafts"]
    (target,) = [r for r in recs if "derived" in r]
    assert target["unit"] == "percent" and target["derived"]["formula"] == "1 - a / b"
    for r in recs:
        r["entity"] = "acme-batch"
        r["property"] = "saving" if r["unit"] == "percent" else "cost-rate"
    write_drafts(root, "010_bill", recs)
    res = promote(root, "010_bill", [r["id"] for r in recs])
    assert len(res.relations) == 1 and not res.dropped
    (rel,) = check(root).relations
    assert rel.verdict == "consistent" and rel.formula == "1 - a / b"


def test_a_cost_per_request_is_the_tokens_one_request_sends_times_the_price():
    # paraphrased: a plain token count and a price per token in the sentence of a cost per run,
    # per call or per request: the count is what one request sends
    text = "Each digest sends 6,000 tokens at $0.01 per 1,000 tokens, so it costs $0.06 per run."
    ps = discover(text, items(text, ("t", "6,000 tokens", 6000, "token"), ("p", "$0.01 per 1,000 tokens", 0.01,
                                                                           "USD per 1K tokens"),
                              ("c", "$0.06 per run", 0.06, "USD/query")))
    assert [(p.target, p.formula, p.inputs, p.verdict) for p in ps] == \
        [("c", "a * b / [1 request]", {"a": "t", "b": "p"}, "consistent")]
    assert ps[0].with_numbers == "6000 token × 0.01 USD per 1K tokens ÷ [1 request]"
    # a factor ten off, the arithmetic written out: a slip
    text = "A call sends 3,000 tokens at $0.02 per 1,000 tokens, which comes to $0.60 per call."
    (p,) = discover(text, items(text, ("t", "3,000 tokens", 3000, "token"), ("p", "$0.02 per 1,000 tokens", 0.02,
                                                                              "USD per 1K tokens"),
                                ("c", "$0.60 per call", 0.6, "USD/query")))
    assert (p.target, p.verdict, p.formula) == ("c", "misses", "a * b / [1 request]") and "10^1" in p.cause
    # the count in another sentence: no request of its own, nothing proposed
    text = "The corpus holds 6,000 tokens. Our plan bills $0.01 per 1,000 tokens, and $0.06 per run."
    assert discover(text, items(text, ("t", "6,000 tokens", 6000, "token"), ("p", "$0.01 per 1,000 tokens", 0.01,
                                                                              "USD per 1K tokens"),
                                ("c", "$0.06 per run", 0.06, "USD/query"))) == []


def test_a_cost_per_request_read_from_prose_is_related_by_kb_extract(project_registry):
    text = "Every call ships 2,000 tokens billed at $3 per million tokens: about $0.006 per call."
    from kb.extract.drafts import draft_record

    records = [draft_record(d, "t") for d in extract_text(text, project_registry)]
    assert [r["unit"] for r in records] == ["token", "USD per 1M tokens", "USD/query"], records
    (p,) = propose(text, records)
    assert p.formula == "a * b / [1 request]" and p.verdict == "consistent"


# --- a cost per request in a table row: a rate of the thing the row names, stated before (paraphrased) ---

_RIGS = ("| Machine | Draw | Cost per hour |\n|---|---|---|\n| Orion X7 desktop | 400W | $0.060/hr |\n"
         "| Vega K3 desktop | 600W | $0.090/hr |\n| Lyra M5 laptop | 300W | $0.045/hr |\n\n"
         "Each report then runs on one of them.\n\n"
         "| Machine | Minutes per report | Cost per report |\n|---|---|---|\n| Orion X7 (13B) | 10 min | $0.010 |\n"
         "| Vega K3 (13B) | 4 min | $0.006 |\n| Lyra M5 (13B) | 8 min | $0.006 |\n")


def _rigs(text: str, costs: tuple = ("$0.010", "$0.006", "$0.006"), order: str = "ovl") -> list[dict]:
    values = {"$0.010": 0.01, "$0.006": 0.006, "$0.060": 0.06, "$0.011": 0.011, "$0.013": 0.013}
    rates, jobs = [], []
    for m, ent, w, hr in (("o", "orion-x7", 400, 0.06), ("v", "vega-k3", 600, 0.09), ("l", "lyra-m5", 300, 0.045)):
        rates += [(m + "w", f"{w}W", w, "W", "tdp", ent, {}), (m + "r", f"${hr:.3f}/hr", hr, "USD/hour", "cost-rate", ent, {})]
    for m, ent, mins, cost in (("o", "orion-x7", 10, costs[0]), ("v", "vega-k3", 4, costs[1]),
                               ("l", "lyra-m5", 8, costs[2])):
        jobs += [(m + "m", f"{mins} min", mins, "min", "run-duration", ent, {}),
                 (m + "c", cost, values[cost], "USD/query", "cost-per-query", None, {})]
    jobs.sort(key=lambda x: order.index(x[0][0]))
    # (in text order)
    return _named(text, rates + jobs if text.index("Cost per hour") < text.index("Cost per report") else jobs + rates)


def _per_request_of(ps) -> dict:
    return {p.target: (p.inputs, p.verdict) for p in ps if p.formula == "a * b / [1 request]"}


def test_a_cost_per_run_in_a_table_row_is_its_minutes_times_the_named_machines_hourly_cost_from_an_earlier_table():
    got = _per_request_of(propose(_RIGS, _rigs(_RIGS)))
    assert got == {"oc": ({"a": "om", "b": "or"}, "consistent"), "vc": ({"a": "vm", "b": "vr"}, "consistent"),
                   "lc": ({"a": "lm", "b": "lr"}, "consistent")}
    # the rows name machines the earlier table does not price: nothing
    other = _RIGS.replace("| Orion X7 (13B)", "| Nova Q1 (13B)").replace("| Vega K3 (13B)", "| Nova Q2 (13B)") \
        .replace("| Lyra M5 (13B)", "| Nova Q3 (13B)")
    assert _per_request_of(propose(other, _rigs(other))) == {}
    # the hourly costs stated after the table: no input of it
    i = _RIGS.index("Each report")
    after = _RIGS[i:] + "\n" + _RIGS[:i]
    assert _per_request_of(propose(after, _rigs(after))) == {}


def test_a_row_a_named_rate_misses_by_ten_is_a_slip_only_where_the_other_rows_hold():
    text = _RIGS.replace("| 8 min | $0.006 |", "| 8 min | $0.060 |")
    got = _per_request_of(propose(text, _rigs(text, ("$0.010", "$0.006", "$0.060"))))
    assert got["oc"][1] == got["vc"][1] == "consistent" and got["lc"] == ({"a": "lm", "b": "lr"}, "misses")
    (p,) = [p for p in propose(text, _rigs(text, ("$0.010", "$0.006", "$0.060"))) if p.target == "lc"]
    assert "10^1" in p.cause


def test_a_lone_row_that_happens_to_agree_with_a_named_rate_is_no_relation():
    # one row of three agrees, the others miss by no telltale factor: a coincidence
    text = _RIGS.replace("| 4 min | $0.006 |", "| 4 min | $0.011 |").replace("| 8 min | $0.006 |", "| 8 min | $0.013 |")
    assert _per_request_of(propose(text, _rigs(text, ("$0.010", "$0.011", "$0.013")))) == {}


def test_a_rows_named_rate_is_found_by_its_name_pages_away_whatever_the_order_of_the_rows():
    # the rows in another order than the earlier table's, pages between: each row's own machine's rate
    rows = _RIGS.split("\n")
    jobs = rows.index("| Orion X7 (13B) | 10 min | $0.010 |")
    rows[jobs:jobs + 3] = [rows[jobs + 2], rows[jobs], rows[jobs + 1]]
    text = "\n".join(rows).replace("Each report then", f"{_FILLER}\n\n{_FILLER}\n\nEach report then")
    got = _per_request_of(propose(text, _rigs(text, order="lov")))
    assert got == {"oc": ({"a": "om", "b": "or"}, "consistent"), "vc": ({"a": "vm", "b": "vr"}, "consistent"),
                   "lc": ({"a": "lm", "b": "lr"}, "consistent")}


_CARDS = ("| Card | Tokens per hour |\n|---|---|\n| Orion X7 | 200,000 |\n| Vega K3 | 400,000 |\n"
          "| Lyra M5 | 250,000 |\n\nPrices next.\n\n"
          "| Card | Price per hour | Cost per 1M tokens |\n|---|---|---|\n| Orion X7 | $0.10 | $0.50 |\n"
          "| Vega K3 | $0.60 | $1.50 |\n| Lyra M5 | $0.30 | $1.20 |\n\nThen one job.\n\n"
          "| Option | Cost for the job | Time |\n|---|---|---|\n| Hosted API | $0.90 | n/a |\n"
          "| Rented Orion X7 | $0.25 | 2.5 hours |\n| Rented Vega K3 | $0.72 | 1.2 hours |\n"
          "| Rented Lyra M5 | $0.60 | 2 hours |\n")


def _cards(text: str, jobs: tuple = ("0.25", "0.72", "0.60")) -> list[dict]:
    spec, cards = [], (("o", "orion-x7"), ("v", "vega-k3"), ("l", "lyra-m5"))
    for (m, ent), n in zip(cards, ("200,000", "400,000", "250,000")):
        spec.append((m + "t", n, float(n.replace(",", "")), "token/hour", "token-throughput", ent, {}))
    for (m, ent), (p, c) in zip(cards, (("0.10", "0.50"), ("0.60", "1.50"), ("0.30", "1.20"))):
        # (the values as drafts carry them: "0.10" keeps its last digit)
        spec += [(m + "p", f"${p}", p, "USD/hour", "rental-price", ent, {}),
                 (m + "c", f"${c}", c, "USD per 1M tokens", "token-price", ent, {})]
    spec.append(("api", "$0.90", 0.9, "USD", "workload-cost", None, {}))
    for (m, ent), c, h in zip(cards, jobs, ("2.5", "1.2", "2")):
        spec += [(m + "j", f"${c}", c, "USD", "workload-cost", None, {}),
                 (m + "h", f"{h} hours", float(h), "hour", "workload-duration", None, {})]
    return _named(text, spec)


def test_a_row_s_cell_is_another_cell_of_it_times_or_over_a_rate_of_the_thing_its_label_names_stated_before():
    ps = propose(_CARDS, _cards(_CARDS))
    got = {p.target: (p.formula, p.inputs, p.verdict) for p in ps}
    # an hourly price over the card's tokens an hour (a table before: the relation of the three,
    # found the other way up), a job's hours times the card's hourly price (the table before,
    # the row's label "Rented Orion X7" naming the card)
    assert {frozenset((p.target, *p.inputs.values())) for p in ps} == {
        frozenset((m + x, m + y, m + z)) for m in "ovl" for x, y, z in (("c", "p", "t"), ("j", "h", "p"))}
    assert all(p.verdict == "consistent" for p in ps)
    for m in "ovl":
        assert got[m + "j"] == ("a * b", {"a": m + "h", "b": m + "p"}, "consistent"), got
    # the job's rows name cards no table prices: no job cost from a rate
    other = _CARDS.replace("Rented Orion X7", "Rented Nova Q1").replace("Rented Vega K3", "Rented Nova Q2") \
        .replace("Rented Lyra M5", "Rented Nova Q3")
    assert not any(p.target in ("oj", "vj", "lj") for p in propose(other, _cards(other)))
    # one job row of three that agrees with its card's price is a coincidence, no relation
    lone = _CARDS.replace("| $0.72 | 1.2 hours |", "| $0.95 | 1.2 hours |").replace("| $0.60 | 2 hours |",
                                                                                        "| $0.80 | 2 hours |")
    assert not any(p.target in ("oj", "vj", "lj") for p in propose(lone, _cards(lone, ("0.25", "0.95", "0.80"))))


def _own_rigs(recs: list[dict], context: bool = True) -> list[dict]:
    """The first table's rows as things of the article's own, named after the machines
    ("Orion X7 desktop"), as linking drafts them: no entity, a new thing's name (and the row)."""
    out = []
    for r in recs:
        r = dict(r)
        if r["property"] in ("tdp", "cost-rate"):
            label = {"orion-x7": "Orion X7 desktop", "vega-k3": "Vega K3 desktop", "lyra-m5": "Lyra M5 laptop"}[r["entity"]]
            r["entity"], r["entity_new"] = None, f"{label}, table 'Rigs'"
            if context:
                r["context"] = {"row": label, "column": "Cost per hour"}
        out.append(r)
    return out


def test_a_row_s_rate_of_a_thing_of_the_article_s_own_named_after_a_machine_is_found_by_the_machine_s_name():
    got = _per_request_of(propose(_RIGS, _own_rigs(_rigs(_RIGS))))
    assert got == {"oc": ({"a": "om", "b": "or"}, "consistent"), "vc": ({"a": "vm", "b": "vr"}, "consistent"),
                   "lc": ({"a": "lm", "b": "lr"}, "consistent")}
    # a new thing drafted from prose (no table row): its name is a sentence, no name to look up by
    assert _per_request_of(propose(_RIGS, _own_rigs(_rigs(_RIGS), context=False))) == {}


def test_the_names_of_a_table_row_s_own_thing_are_its_words_with_a_digit():
    from kb.extract.arith import _label_names

    assert _label_names("Orion X7 desktop") == {"orionx7"}   # ("x7" alone: too short to match)
    assert _label_names("RTX 3090 workstation") == {"rtx3090"}   # a bare number only with the word before it
    assert _label_names("H100 cluster (8x, 32B)") == {"h100"}    # the bracket says how it was run
    assert _label_names("Owned racks") == frozenset() and _label_names("") == frozenset()
    # a period is no thing ("| Q3 2025 |" would name every later "Q3 2025")
    assert _label_names("Q3 2025") == _label_names("FY2024") == _label_names("H1 '25") == frozenset()
    assert _label_names("RTX 2060") == {"rtx2060"}


def test_a_total_is_the_count_of_requests_times_what_each_request_takes():
    text = ("Picture a team making 2,000 calls a day. Every call carries 3,000 tokens of context and returns "
            "400 tokens. In all that is 6 million tokens in and 0.8 million tokens out.")
    spec = [("n", "2,000 calls", 2000, "query"), ("i", "3,000 tokens", 3000, "token"), ("o", "400 tokens", 400, "token"),
            ("ti", "6 million tokens", 6, "million token"), ("to", "0.8 million tokens", 0.8, "million token")]
    got = {p.target: (p.formula, p.inputs, p.verdict) for p in discover(text, items(text, *spec))}
    assert got["ti"] == ("a * b / [1 request]", {"a": "n", "b": "i"}, "consistent")
    assert got["to"] == ("a * b / [1 request]", {"a": "n", "b": "o"}, "consistent")
    # nothing says the amount is each call's: no relation
    plain = text.replace("Every call carries", "The prompt library holds").replace("and returns", "and the summary")
    got = {p.target: p.formula for p in discover(plain, items(plain, *spec))}
    assert "ti" not in got and "to" not in got
    # a total the product misses (by any factor): never a slip, nothing
    off = text.replace("6 million tokens in", "60 million tokens in")
    spec_off = [x if x[0] != "ti" else ("ti", "60 million tokens", 60, "million token") for x in spec]
    assert "ti" not in {p.target for p in discover(off, items(off, *spec_off))}


def test_a_total_of_each_requests_tokens_is_related_by_kb_extract(project_registry):
    from kb.extract.drafts import draft_record

    text = "Assume you send 500 requests. Each one carries 2,000 tokens. That's 1 million tokens in total."
    records = [draft_record(d, "t") for d in extract_text(text, project_registry)]
    assert [r["unit"] for r in records] == ["query", "token", "million token"], records
    (p,) = propose(text, records)
    assert p.formula == "a * b / [1 request]" and p.verdict == "consistent" and p.target == records[2]["id"]


# --- totals in prose, total columns, a total row stated first (paraphrased) ---

def _sum_of(ps, target):
    return next(({*p.inputs.values()} for p in ps if p.target == target and " + " in p.formula), None)


def test_a_total_the_words_before_it_state_is_the_sum_of_the_amounts_before_or_after_it():
    # the parts first, then "a combined" / "together" / "for a total of"
    for said in ("a combined $70 million", "together $70 million", "for a total of $70 million",
                 "which adds up to $70 million"):
        text = f"The east hall took $45 million and the west hall $25 million, {said}."
        spec = [("a", "$45 million", 45e6, "USD", None), ("b", "$25 million", 25e6, "USD", None),
                ("t", "$70 million", 70e6, "USD", None)]
        assert _sum_of(propose(text, _recs(text, spec)), "t") == {"a", "b"}, said
    # the total first, its parts after it (its paragraph or the next)
    text = ("The fleet's yearly draw comes to a cumulative 9 million MWh.\n\n"
            "Old cards: 2,000,000 × 300 W × 8,760 h = 5,256,000 MWh; new cards: 1,000,000 × 430 W × 8,760 h "
            "= 3,766,800 MWh.")
    spec = [("t", "9 million MWh", 9e6, "MWh", None), ("n1", "2,000,000", 2e6, "GPU", None),
            ("w1", "300 W", 300, "W", None), ("h1", "8,760 h", 8760, "hour", None),
            ("a", "5,256,000 MWh", 5256000, "MWh", None), ("n2", "1,000,000", 1e6, "GPU", None),
            ("w2", "430 W", 430, "W", None), ("h2", "8,760 h", 8760, "hour", None),
            ("b", "3,766,800 MWh", 3766800, "MWh", None)]
    assert _sum_of(propose(text, _recs(text, spec)), "t") == {"a", "b"}
    # the same per year, the total scaled ("9 million MWh/yr"): the watts between the parts are a
    # power as energies per year are, but the working's, no part of the total
    text = ("The fleet's yearly draw is a cumulative ~9 million MWh/yr.\n\n"
            "Old cards: 2,000,000 × 300 W × 8,760 h/yr = 5,256,000 MWh/yr; new cards: 1,000,000 × 430 W × 8,760 h/yr "
            "= 3,766,800 MWh/yr.")
    spec = [("t", "~9 million MWh/yr", 9, "million MWh/year", None), ("n1", "2,000,000", 2e6, "GPU", None),
            ("w1", "300 W", 300, "W", None), ("h1", "8,760 h/yr", 8760, "hour/year", None),
            ("a", "5,256,000 MWh/yr", 5256000, "MWh/year", None), ("n2", "1,000,000", 1e6, "GPU", None),
            ("w2", "430 W", 430, "W", None), ("h2", "8,760 h/yr", 8760, "hour/year", None),
            ("b", "3,766,800 MWh/yr", 3766800, "MWh/year", None)]
    assert _sum_of(propose(text, _recs(text, spec)), "t") == {"a", "b"}
    # no words that say total: amounts that happen to sum are no total
    text = "The east hall took $45 million and the west hall $25 million; the new wing needs $70 million."
    spec = [("a", "$45 million", 45e6, "USD", None), ("b", "$25 million", 25e6, "USD", None),
            ("t", "$70 million", 70e6, "USD", None)]
    assert _sum_of(propose(text, _recs(text, spec)), "t") is None
    # the words, but the parts do not make it (to 2%): nothing
    off = text.replace("; the new wing needs", ", a combined").replace("$70 million", "$75 million")
    assert _sum_of(propose(off, _recs(off, [*spec[:2], ("t", "$75 million", 75e6, "USD", None)])), "t") is None


def test_more_words_that_state_a_total_before_or_after_it():
    spec = [("a", "$45 million", 45e6, "USD", None), ("b", "$25 million", 25e6, "USD", None),
            ("t", "$70 million", 70e6, "USD", None)]
    for said in ("summing to $70 million", "overall, $70 million", "for an all-in cost of $70 million",
                 "so the bill comes to $70 million", "which add to $70 million", "$70 million in aggregate",
                 "$70 million between them"):
        text = f"The east hall took $45 million and the west hall $25 million; {said}."
        assert _sum_of(propose(text, _recs(text, spec)), "t") == {"a", "b"}, said
    first = [spec[2], spec[0], spec[1]]
    for text in ("The $70 million bill breaks down into $45 million for the east hall and $25 million for the west.",
                 "Spending reached $70 million, with $45 million on the east hall and $25 million on the west."):
        assert _sum_of(propose(text, _recs(text, first)), "t") == {"a", "b"}, text
    # "Of the $X, ..." opening a sentence; "$a plus $b is $X"
    text = "Of the $70 million, $45 million goes to the east hall and $25 million to the west."
    assert _sum_of(propose(text, _recs(text, first)), "t") == {"a", "b"}
    for text in ("The east hall took $45 million plus $25 million for the west, which is $70 million.",
                 "The halls: $45 million plus $25 million gives $70 million."):
        assert _sum_of(propose(text, _recs(text, spec)), "t") == {"a", "b"}, text
    # "plus" with no result word before the third amount: no total
    text = "The east hall took $45 million plus a $25 million bonus, and the wing is worth $70 million."
    assert _sum_of(propose(text, _recs(text, spec)), "t") is None
    # ", with" and a number that is no part of it: nothing
    text = "Spending reached $70 million, with $45 million on the east hall and $20 million on the west."
    assert _sum_of(propose(text, _recs(text, [spec[2], spec[0], ("b", "$20 million", 20e6, "USD", None)])),
                   "t") is None


def test_the_total_cues_are_looked_for_at_every_place_a_pattern_matches():
    """The prose total patterns are tried only where one of their first words stands: every
    match the pattern finds anywhere starts with one of them."""
    from kb.extract.arith import (_PROSE_AFTER_GATES, _PROSE_AFTER_STARTS, _PROSE_BEFORE_GATES, _PROSE_BEFORE_STARTS,
                                  _PROSE_TOTAL_AFTER_RE, _PROSE_TOTAL_BEFORE_RE, _cue_matches)

    text = ("A grand total of $5, totalling $6, in total $7, combined $8, together $9, altogether $1, in all $2, "
            "all told $3, cumulatively $4, aggregate $5, overall $6, all-in $7, all in $8, sums to $9, summing to "
            "$1, summed $2, adds up to $3, add to $4, comes to $5, came to $6, coming to $7, $8 in aggregate, $9 "
            "between them, $1 of which, $2 split between, $3 broken down, $4 breaks down, $5 made up of, $6 "
            "consisting of, $7 comprising, $8 divided into, $9 ($1 and $2), $3: $4 and $5, $6, with $7, $8, "
            "including $9. Subtotal 5; Sum 6; TOTAL: 7; Come to 8. Of the $9, Of this $1, Of their $2. "
            # the gates: "in" and "of" before a line's end or a tab; "IN ALL", "OF WHICH"; "in" of
            # "includes", and "in"/"of" with no blank after (no cue)
            "Spent $3 in\ntotal, $4 in\tall, $5 IN ALL, $6 OF WHICH $1, $7 of\nwhom $2; it includes $8. "
            "Of $9 and Of 7 GPUs; of the $1; into $2; often $3; in-house $4.")
    for rx, heads, gates in ((_PROSE_TOTAL_BEFORE_RE, _PROSE_BEFORE_STARTS, _PROSE_BEFORE_GATES),
                             (_PROSE_TOTAL_AFTER_RE, _PROSE_AFTER_STARTS, _PROSE_AFTER_GATES)):
        want = {m.start() for m in rx.finditer(text)}
        assert want <= {m.start() for m in _cue_matches(text, text.lower(), rx, heads)}
        # the gates leave out only places where the pattern matches nothing
        assert want <= {m.start() for m in _cue_matches(text, text.lower(), rx, heads, gates)}
        assert [m.span() for m in _cue_matches(text, text.lower(), rx, heads, gates)] == \
            [m.span() for m in _cue_matches(text, text.lower(), rx, heads)]


def test_a_total_after_its_number_a_breakdown_in_brackets_and_a_written_sum():
    spec = [("t", "$12 billion", 12e9, "USD", None), ("a", "$9 billion", 9e9, "USD", None),
            ("b", "$3 billion", 3e9, "USD", None)]
    for text in ("Sales were $12 billion (chips $9 billion, boards $3 billion).",
                 "Sales were $12 billion, of which chips made $9 billion and boards $3 billion.",
                 "Sales were $12 billion, split between $9 billion of chips and $3 billion of boards."):
        assert _sum_of(propose(text, _recs(text, spec)), "t") == {"a", "b"}, text
    text = "Chips $9 billion + boards $3 billion = $12 billion of sales."
    assert _sum_of(propose(text, _recs(text, [spec[1], spec[2], spec[0]])), "t") == {"a", "b"}
    # a bracket whose amounts do not make it: no parts of it
    text = "Sales were $12 billion (up $8 billion on a year before, $3 billion less than planned)."
    assert _sum_of(propose(text, _recs(text, [spec[0], ("a", "$8 billion", 8e9, "USD", None), spec[2]])), "t") is None


def test_a_prose_total_is_the_sum_of_a_column_of_the_table_next_to_it():
    table = "| Firm | Spend ($B) |\n|---|---|\n| North | $80 |\n| South | $75 |\n| West | $65 |\n\n"
    text = table + "The three of them will spend a combined $220B this year."
    rows = [(None, "$80"), (None, "$75"), (None, "$65")]
    cells = _table_items(text, rows, (None, "billion USD"))
    t = items(text, ("t", "$220B", 220, "billion USD"))
    assert _sum_of(discover(text, cells + t), "t") == {"r0c1", "r1c1", "r2c1"}
    # not every row: no total of the column
    text2 = text.replace("$220B", "$155B")
    assert _sum_of(discover(text2, _table_items(text2, rows, (None, "billion USD"))
                            + items(text2, ("t", "$155B", 155, "billion USD"))), "t") is None


def test_a_total_column_and_a_total_row_stated_first():
    text = ("| Plan | Input | Output | Total |\n|---|---|---|---|\n| Small | $120 | $80 | $200 |\n"
            "| Large | $300 | $150 | $450 |\n")
    rows = [(None, "$120", "$80", "$200"), (None, "$300", "$150", "$450")]
    ps = discover(text, _table_items(text, rows, (None, "USD", "USD", "USD")))
    assert _sum_of(ps, "r0c3") == {"r0c1", "r0c2"} and _sum_of(ps, "r1c3") == {"r1c1", "r1c2"}
    # the same column not called a total: nothing
    plain = text.replace("| Total |", "| Budget |")
    assert _sum_of(discover(plain, _table_items(plain, rows, (None, "USD", "USD", "USD"))), "r0c3") is None
    text = "| Segment | Sales ($B) |\n|---|---|\n| Total | $40 |\n| Chips | $35 |\n| Boards | $5 |\n"
    rows = [(None, "$40"), (None, "$35"), (None, "$5")]
    assert _sum_of(discover(text, _table_items(text, rows, (None, "billion USD"))), "r0c1") == {"r1c1", "r2c1"}


def test_a_difference_takes_its_two_amounts_from_the_end_of_the_paragraph_before():
    # paraphrased: the two amounts end one paragraph, the percentage opens the next
    text = "Our monthly bill went from $9,000 to $6,300.\n\nThat is a 30% reduction in one quarter."
    spec = [("a", "$9,000", 9000, "USD", None), ("b", "$6,300", 6300, "USD", None), ("p", "30%", 30, "percent", None)]
    (p,) = [p for p in propose(text, _recs(text, spec)) if p.target == "p"]
    assert (p.formula, p.inputs) == ("1 - a / b", {"a": "b", "b": "a"})
    # read as a change of -30%: the same two amounts
    neg = [*spec[:2], ("p", "30%", -30, "percent", None)]
    (p,) = [p for p in propose(text, _recs(text, neg)) if p.target == "p"]
    assert (p.formula, set(p.inputs.values())) == ("a / b - 1", {"a", "b"})
    # a paragraph further back is too far; and amounts that do not make it are no sides
    far = text.replace("\n\nThat", "\n\nThe team grew.\n\nThat")
    assert [p for p in propose(far, _recs(far, spec)) if p.target == "p"] == []
    off = text.replace("$6,300", "$5,000")
    assert [p for p in propose(off, _recs(off, [spec[0], ("b", "$5,000", 5000, "USD", None), spec[2]]))
            if p.target == "p"] == []


def test_a_total_its_breakdown_follows_after_a_colon_and_the_run_that_makes_it_best():
    text = "Last quarter brought $2.45 billion of sales: $2.2 billion from rentals and $250 million from storage."
    spec = [("t", "$2.45 billion", 2.45e9, "USD", None), ("a", "$2.2 billion", 2.2e9, "USD", None),
            ("b", "$250 million", 2.5e8, "USD", None)]
    assert _sum_of(propose(text, _recs(text, spec)), "t") == {"a", "b"}
    # the first two parts come within 2% of it, the three of them make it exactly: the three
    text = "Total outlay: $7.43 million. The build took $7.1 million, testing $0.3 million and fixes $0.03 million."
    spec = [("t", "$7.43 million", 7.43e6, "USD", None), ("a", "$7.1 million", 7.1e6, "USD", None),
            ("b", "$0.3 million", 3e5, "USD", None), ("c", "$0.03 million", 3e4, "USD", None)]
    assert _sum_of(propose(text, _recs(text, spec)), "t") == {"a", "b", "c"}


def test_a_change_against_the_amount_a_year_earlier_is_related_by_kb_extract(project_registry):
    # paraphrased: "a year earlier" dates the older amount (no "per year"), so the two amounts are
    # of one kind and the change is their relative difference
    from kb.extract.drafts import draft_record

    text = "Sales reached $9 billion, up 20% on $7.5 billion a year earlier."
    records = [draft_record(d, "t") for d in extract_text(text, project_registry)]
    (p,) = [p for p in propose(text, records) if p.formula == "a / b - 1"]
    assert p.verdict == "consistent" and abs(p.computed[0] - 20) < 1e-6 and p.unit == "percent"


def test_an_amount_on_a_line_that_introduces_a_list_with_a_colon_is_the_sum_of_its_items():
    text = "Where the $18 million of the build goes:\n\n- Halls: $10 million\n- Power: $5 million\n- Cooling: $3 million\n"
    spec = [("t", "$18 million", 18e6, "USD", None), ("a", "$10 million", 10e6, "USD", None),
            ("b", "$5 million", 5e6, "USD", None), ("c", "$3 million", 3e6, "USD", None)]
    assert _sum_of(propose(text, _recs(text, spec)), "t") == {"a", "b", "c"}
    # no colon and no word that says total: the amount is no total of the list
    plain = text.replace("goes:", "goes further")
    assert _sum_of(propose(plain, _recs(plain, spec)), "t") is None
    # the items do not make it: nothing
    off = text.replace("$3 million", "$4 million")
    assert _sum_of(propose(off, _recs(off, [*spec[:3], ("c", "$4 million", 4e6, "USD", None)])), "t") is None


def test_a_blended_price_column_is_the_weighted_mean_its_header_states():
    text = ("| Model | Input $/1M | Output $/1M | Blended $/1M (3:1) |\n|---|---|---|---|\n"
            "| Alpha | $2.00 | $10.00 | $4.00 |\n| Beta | $1.00 | $3.00 | $1.50 |\n| Gamma | $6.00 | $8.00 | $65.00 |\n")
    recs, val = _drafted_by_value(text)
    props = {p.target: p for p in propose(text, recs)}
    for blend, a, b in ((4.0, 2.0, 10.0), (1.5, 1.0, 3.0)):
        p = props[val[blend]]
        assert (p.formula, p.inputs, p.verdict) == ("0.75 * a + 0.25 * b", {"a": val[a], "b": val[b]}, "consistent")
    # Gamma's $65 is ten times its blend of $6.50: a slip the two other rows confirm
    p = props[val[65.0]]
    assert p.verdict == "misses" and p.formula == "0.75 * a + 0.25 * b"
    # without the weights in the header, no blend is proposed
    plain = text.replace(" (3:1)", "")
    recs, val = _drafted_by_value(plain)
    assert all("0.75" not in p.formula for p in propose(plain, recs))


def test_three_inputs_of_one_sentence_without_an_operator():
    # GPUs x hours x a rate, all in the sentence of the cost: nearly exactly, so proposed
    text = "Renting 4 GPUs for 10 hours at $3 per GPU-hour comes out at $120 for the job."
    spec = (("n", "4 GPUs", 4, "GPU"), ("h", "10 hours", 10, "hour"), ("r", "$3 per GPU-hour", 3, "USD/GPU-hour"),
            ("c", "$120", 120, "USD"))
    (p,) = discover(text, items(text, *spec))
    assert (p.target, p.formula, set(p.inputs.values()), p.verdict, p.how) == \
        ("c", "a * b * c", {"n", "h", "r"}, "consistent", "implied")
    # ... never as a slip (a telltale factor off: three numbers meet one by chance)
    text = "Renting 4 GPUs for 10 hours at $3 per GPU-hour comes out at $1,200 for the job."
    assert discover(text, items(text, *spec[:3], ("c", "$1,200", 1200, "USD"))) == []
    # ... nor across sentences
    text = "We rent 4 GPUs. They run for 10 hours. At $3 per GPU-hour the job comes out at $120."
    assert all(p.formula != "a * b * c" for p in discover(text, items(text, *spec)))


def test_three_inputs_with_the_rate_stated_before():
    # the rate leads a list; each item states the count and the hours, and its cost
    text = "At $3 per GPU-hour:\n\n- 4 GPUs for 10 hours: $120\n- 8 GPUs for 5 hours: $120\n"
    ps = discover(text, items(text, ("r", "$3 per GPU-hour", 3, "USD/GPU-hour"), ("n1", "4 GPUs", 4, "GPU"),
                              ("h1", "10 hours", 10, "hour"), ("c1", "$120", 120, "USD"), ("n2", "8 GPUs", 8, "GPU"),
                              ("h2", "5 hours", 5, "hour"), ("c2", "$120", 120, "USD")))
    got = {p.target: set(p.inputs.values()) for p in ps if p.formula == "a * b * c"}
    assert got == {"c1": {"r", "n1", "h1"}, "c2": {"r", "n2", "h2"}}


def test_a_bare_total_of_parts_per_month():
    # "a total of $X" after parts per month: per month, the parts' own period
    text = "Compute costs $2,000/month and storage $500/month, for a total of $2,500."
    spec = (("a", "$2,000/month", 2000, "USD/month"), ("b", "$500/month", 500, "USD/month"))
    (p,) = discover(text, items(text, *spec, ("t", "$2,500", 2500, "USD")))
    assert (p.target, p.formula, set(p.inputs.values()), p.verdict) == ("t", "a + b", {"a", "b"}, "consistent")
    assert p.computed == (2500, 2500)
    # ... or per the period its words name: an annual total is twelve months of them
    text = "Compute costs $2,000/month and storage $500/month: an annual total of $30,000."
    (p,) = discover(text, items(text, *spec, ("t", "$30,000", 30000, "USD")))
    assert (p.target, p.verdict) == ("t", "consistent") and abs(p.computed[0] - 30000) < 1
    text = "Compute costs $2,000 per month and storage $500 per month, or $30,000 in total over a year."
    spec2 = (("a", "$2,000 per month", 2000, "USD/month"), ("b", "$500 per month", 500, "USD/month"))
    (p,) = discover(text, items(text, *spec2, ("t", "$30,000", 30000, "USD")))
    assert p.target == "t" and p.formula == "a + b"
    # a bare total that is neither a month nor the year its words name of them: none
    text = "Compute costs $2,000/month and storage $500/month, for a total of $30,000."
    assert discover(text, items(text, *spec, ("t", "$30,000", 30000, "USD"))) == []


def test_a_list_s_bare_annual_total_of_monthly_items():
    text = "Our annual bill totals $30,000:\n\n- compute: $2,000/month\n- storage: $500/month\n"
    (p,) = discover(text, items(text, ("t", "$30,000", 30000, "USD"), ("a", "$2,000/month", 2000, "USD/month"),
                                ("b", "$500/month", 500, "USD/month")))
    assert (p.target, p.formula, set(p.inputs.values()), p.verdict) == ("t", "a + b", {"a", "b"}, "consistent")


def _parallel_table() -> str:
    return ("| GPU | Orca-13B | Orca-70B |\n|---|---|---|\n"
            "| 1xKite-40GB | 1000 tok/s | 300 tok/s |\n"
            "| 2xKite-40GB | 1900 tok/s | 560 tok/s |\n"
            "| 1xHawk-40GB | 2500 tok/s | 640 tok/s |\n"
            "| 2xHawk-40GB | 4800 tok/s | 1500 tok/s |\n\n"
            f"{_FILLER}\n\n")


def _parallel_spec(ratio: str, value: float) -> list[tuple]:
    cells = (("k13", "1000 tok/s", 1000, "orca-13b"), ("k70", "300 tok/s", 300, "orca-70b"),
             ("kk13", "1900 tok/s", 1900, "orca-13b"), ("kk70", "560 tok/s", 560, "orca-70b"),
             ("h13", "2500 tok/s", 2500, "orca-13b"), ("h70", "640 tok/s", 640, "orca-70b"),
             ("hh13", "4800 tok/s", 4800, "orca-13b"), ("hh70", "1500 tok/s", 1500, "orca-70b"))
    return [(i, raw, v, "token/s", "inference-throughput", e, {}) for i, raw, v, e in cells] + \
        [("r", ratio, value, "x", "ratio", None, {})]


def test_a_ratio_naming_a_table_row_takes_the_parallel_rows_cell_of_the_named_column():
    # "1xHawk" names a row; its parallel row (its label with one word changed) is "1xKite-40GB";
    # the column is the model the sentence names: 2500 / 1000
    text = _parallel_table() + "For serving Orca-13B, `1xHawk` delivers 2.5x higher throughput."
    ps = [p for p in propose(text, _named(text, _parallel_spec("2.5x", 2.5))) if p.target == "r"]
    assert [(p.formula, p.inputs, p.verdict) for p in ps] == [("a / b", {"a": "h13", "b": "k13"}, "consistent")]
    # the other column named: 640 / 300 is no 2.5 (nor any parallel row's): nothing
    other = text.replace("Orca-13B,", "Orca-70B,")
    assert [p for p in propose(other, _named(other, _parallel_spec("2.5x", 2.5))) if p.target == "r"] == []
    # and 1500 / 560 (2xHawk against 2xKite) for the 70B
    text70 = _parallel_table() + "For serving Orca-70B, `2xHawk` delivers 2.68x higher throughput."
    ps = [p for p in propose(text70, _named(text70, _parallel_spec("2.68x", 2.68))) if p.target == "r"]
    assert [(p.inputs, p.verdict) for p in ps] == [({"a": "hh70", "b": "kk70"}, "consistent")]


def test_a_ratio_naming_a_table_row_but_no_column_or_two_parallel_pairs_proposes_nothing():
    # no column named (the table has two): nothing
    text = _parallel_table() + "On our runs `1xHawk` delivers 2.5x higher throughput."
    assert [p for p in propose(text, _named(text, _parallel_spec("2.5x", 2.5))) if p.target == "r"] == []
    # two parallel rows make the ratio as stated (2500 / 1000 and 2500 / 1010): ambiguous, nothing
    amb = _parallel_table().replace("1900 tok/s", "1010 tok/s") + \
        "For serving Orca-13B, `1xHawk` delivers 2.5x higher throughput."
    spec = [(s[0], "1010 tok/s", 1010, *s[3:]) if s[0] == "kk13" else s for s in _parallel_spec("2.5x", 2.5)]
    assert [p for p in propose(amb, _named(amb, spec)) if p.target == "r"] == []
    # no comparison at the ratio ("ran 2.5x per card"): nothing
    plain = _parallel_table() + "For serving Orca-13B, `1xHawk` ran 2.5x per card."
    assert [p for p in propose(plain, _named(plain, _parallel_spec("2.5x", 2.5))) if p.target == "r"] == []


def test_a_ratio_is_not_a_count_of_one_times_another_ratio():
    # "1 GPU" times 2x is 2x restated, not the 2.02x beside it (nor is the count 2.02x over 2x)
    text = "On 1 GPU the Hawk is 2x faster and 2.02x cheaper than the Kite."
    assert discover(text, items(text, ("n", "1 GPU", 1, "GPU"), ("a", "2x", 2, "x"), ("b", "2.02x", 2.02, "x"))) == []
    # two GPUs are a count: 2 × 2x makes the 4x
    text = "On 2 GPUs the Hawk is 2x faster per card, 4x in all."
    ps = discover(text, items(text, ("n", "2 GPUs", 2, "GPU"), ("a", "2x", 2, "x"), ("b", "4x", 4, "x")))
    assert [(p.target, p.formula) for p in ps] == [("b", "a * b")]


def test_of_two_pairs_alike_in_all_else_the_one_standing_nearer_its_ratio_is_taken():
    """Two paragraphs of one template each end with a ratio of their two amounts: 23.5 / 22.0 =
    1.068 and 68.0 / 60.0 = 1.133, each about 3% from "1.1x" (one below, one above), and for
    the second ratio both pairs are in reach (its paragraph and the one before). Each ratio
    takes the pair of its own paragraph, the nearer, not the earlier pair by id."""
    text = ("Plant A would use **23.5 TWh** a year, **1.1x more than Norway**'s use (22.0 TWh).\n\n"
            "Plant B would use **68.0 TWh** a year, **1.1x more than Spain**'s use (60.0 TWh).")
    spec = [("a1", "23.5 TWh", 23.5, "TWh/year", "electricity-use-rate", "plant-a", {}),
            ("r1", "1.1x", 1.1, "x", "ratio", None, {}),
            ("b1", "22.0 TWh", 22.0, "TWh/year", "electricity-use-rate", "norway", {}),
            ("a2", "68.0 TWh", 68.0, "TWh/year", "electricity-use-rate", "plant-b", {}),
            ("r2", "1.1x", 1.1, "x", "ratio", None, {}),
            ("b2", "60.0 TWh", 60.0, "TWh/year", "electricity-use-rate", "spain", {})]
    got = {p.target: set(p.inputs.values()) for p in propose(text, _named(text, spec)) if p.target in ("r1", "r2")}
    assert got == {"r1": {"a1", "b1"}, "r2": {"a2", "b2"}}


def test_a_ratio_row_in_a_group_is_the_matching_rows_of_two_other_groups():
    """A table in groups of the same rows: a "Speedup" group's cell is the same cell of the
    matching row of the "Kite" group over the "Hawk" group's (3,600 / 1,200 = 3.0x), or the other
    way round for times (480 / 96 = 5.0x); a cell no pair makes ("2.4x" for 150 / 100) gets
    nothing."""
    text = ("| Model | Batch | Throughput | Latency |\n|---|---|---|---|\n| **Kite**\n"
            "| Orca 7B | 64 | 3,600 tok/s | 96 ms |\n| Orca 7B | 1 | 150 tok/s | 8.0 ms |\n| **Hawk** |\n"
            "| Orca 7B | 64 | 1,200 tok/s | 480 ms |\n| Orca 7B | 1 | 100 tok/s | 12.0 ms |\n| **Speedup** |\n"
            "| Orca 7B | 64 | **3.0x** | **5.0x** |\n| Orca 7B | 1 | 2.4x | 1.5x |\n")
    spec = [("k64", "3,600 tok/s", 3600, "token/s"), ("k64l", "96 ms", 96, "ms"),
            ("k1", "150 tok/s", 150, "token/s"), ("k1l", "8.0 ms", 8.0, "ms"),
            ("h64", "1,200 tok/s", 1200, "token/s"), ("h64l", "480 ms", 480, "ms"),
            ("h1", "100 tok/s", 100, "token/s"), ("h1l", "12.0 ms", 12.0, "ms"),
            ("s64", "3.0x", 3.0, "x"), ("s64l", "5.0x", 5.0, "x"), ("s1", "2.4x", 2.4, "x"), ("s1l", "1.5x", 1.5, "x")]
    ps = {p.target: (p.inputs, p.verdict) for p in discover(text, items(text, *spec))}
    assert ps.get("s64") == ({"a": "k64", "b": "h64"}, "consistent")
    assert ps.get("s64l") == ({"a": "h64l", "b": "k64l"}, "consistent")
    assert "s1" not in ps   # 150 / 100 is 1.5, not 2.4


def test_a_difference_column_with_a_baseline_row_is_each_row_against_the_baseline():
    # r126 (dev-A), "Key Findings (5K Batch - Gemma 3 4B)": the savings column states its
    # baseline row in words; each row's percentage is its cost against the baseline's
    text = ("| Provider | Cost | Savings |\n|----------|------|---------|\n"
            "| **Self-Hosted (RTX 4080)** | **$0.05** | Baseline |\n"
            "| Parasail GPT-OSS 20B | $0.47 | **89% cheaper self-hosted** |\n"
            "| Parasail OLMo 2 32B | $1.33 | **96% cheaper self-hosted** |\n"
            "| Parasail Gemma3 27B | $1.56 | **97% cheaper self-hosted** |\n")
    spec = [("c0", "$0.05", 0.05, "USD", "workload-cost"),
            ("c1", "$0.47", 0.47, "USD", "workload-cost"), ("s1", "89%", -89.0, "percent", "change"),
            ("c2", "$1.33", 1.33, "USD", "workload-cost"), ("s2", "96%", -96.0, "percent", "change"),
            ("c3", "$1.56", 1.56, "USD", "workload-cost"), ("s3", "97%", -97.0, "percent", "change")]
    got = {p.target: (p.formula, p.inputs, p.verdict) for p in propose(text, _recs(text, spec))}
    assert got == {f"s{k}": ("a / b - 1", {"a": "c0", "b": f"c{k}"}, "consistent") for k in (1, 2, 3)}
    # read as positive savings, the same: 1 - the baseline's over the row's
    pos = [(i, s, abs(v), u, p) for i, s, v, u, p in spec]
    got = {p.target: (p.formula, p.inputs) for p in propose(text, _recs(text, pos))}
    assert got == {f"s{k}": ("1 - a / b", {"a": "c0", "b": f"c{k}"}) for k in (1, 2, 3)}
    # no row stated as the baseline: no sides (one cost per row is no pair)
    plain = text.replace("| Baseline |", "| n/a |")
    assert propose(plain, _recs(plain, spec)) == []
    # a percentage its row and the baseline miss is no relation, nor a slip
    off = [(i, s, -70.0 if i == "s2" else v, u, p) for i, s, v, u, p in spec]
    assert "s2" not in {p.target for p in propose(text, _recs(text, off))}



def test_a_ratio_takes_the_sides_of_the_property_the_words_after_it_name():
    # two costs and two throughputs both differ fivefold: "5x more throughput" is the throughputs'
    text = ("Light load: 50 tok/s at $8.17 per 1M tokens. Heavy load: 250 tok/s at $1.63 per 1M tokens.\n\n"
            "So you get 5x more throughput for the same server.")
    spec = [("lt", "50 tok/s", 50, "token/s", "inference-throughput"), ("lc", "$8.17", 8.17, "USD", "purchase-price"),
            ("ht", "250 tok/s", 250, "token/s", "inference-throughput"), ("hc", "$1.63", 1.63, "USD", "purchase-price"),
            ("r", "5x", 5, "x", "ratio")]

    def its(t):
        out, pos = [], 0
        for ident, raw, v, unit, prop in spec:
            s = t.index(raw, pos)
            pos = s + len(raw)
            out.append(Item(ident, s, s + len(raw), v, v, unit, prop=prop))
        return out

    ps = {p.target: p for p in discover(text, its(text))}
    assert ps["r"].verdict == "consistent" and set(ps["r"].inputs.values()) == {"ht", "lt"}
    cheaper = text.replace("more throughput", "cheaper per token")
    ps = {p.target: p for p in discover(cheaper, its(cheaper))}
    # words that name neither property leave both pairs candidates: one of them is proposed
    assert ps["r"].verdict == "consistent" and set(ps["r"].inputs.values()) in ({"hc", "lc"}, {"ht", "lt"})


def test_a_miss_by_a_factor_the_text_states_among_the_numbers_is_an_operand_left_out_not_a_slip():
    # the GPU count is not read as a number of its own, so the quotient of the two read inputs
    # misses the stated time by exactly that count (10^4): a telltale factor only by chance
    text = "A run of 4 × 10^25 FLOP / (10000 × 312 TFLOPS) = 1.28 × 10^7 seconds."
    spec = (("c", "4 × 10^25 FLOP", 4e25, "FLOP"), ("r", "312 TFLOPS", 312, "TFLOPS"),
            ("t", "1.28 × 10^7 seconds", 1.28e7, "s"))
    assert not [p for p in discover(text, items(text, *spec)) if p.verdict == "misses"]
    # with no such number at hand the same miss is a scale slip
    text = "A run of 4 × 10^25 FLOP / (312 TFLOPS) = 1.28 × 10^7 seconds."
    assert [p.target for p in discover(text, items(text, *spec)) if p.verdict == "misses"] == ["t"]


def test_a_literal_alternation_finds_a_word_where_a_test_per_word_does():
    """The stems of a difference are looked for with one pattern of their shared first letters
    (a word that is the start of another, "los" of "loss", included): it finds one wherever a
    test per word finds one, within the same bounds."""
    import re

    from kb.extract.arith import _ABS_STEMS, _ABS_STEMS_RE, _literal_alternation

    words = ("los", "loss", "lower", "non-", "up", "delta", "declin")
    rx = re.compile(_literal_alternation(words))
    for text in ("you've lost $800 million", "the lower tier", "a non-paying user", "a 30% premium", "rose 5%",
                 "losses", "lo w", "", "non paying"):
        for a in range(len(text) + 1):
            for b in range(a, len(text) + 2):
                assert (rx.search(text, a, b) is not None) == any(w in text[a:b] for w in words), (text, a, b)
    for text in ("saves $800 a month", "a gap of $12", "$300 more than", "the remaining 780 million", "costs $4"):
        assert (_ABS_STEMS_RE.search(text) is not None) == any(w in text for w in _ABS_STEMS), text
    assert _ABS_STEMS_RE.search("costs $4") is None


def _bound_share_records(text: str, again: str) -> list[dict]:
    def rec(i, raw, value, unit, prop, qualifier="exact"):
        s = text.index(raw)
        return {"id": i, "value": value, "unit": unit, "qualifier": qualifier, "property": prop,
                "entity": "nvidia" if i != "again" else None, "span_start": s, "span_end": s + len(raw)}
    return [rec("rev", "$68.13 billion", 68.13, "billion USD", "revenue"),
            rec("dc", "$62.3 billion", 62.3, "billion USD", "revenue"),
            rec("share", "more than 91%", 91, "percent", "share", "lower_bound"),
            rec("again", f"over {again}%", int(again), "percent", "share", "lower_bound")]


def test_round_lower_bound_restates_the_share_before():
    # r50: "more than 91% of the company's total revenue", then "When over 90% of your revenue":
    # the round bound is the same share ($62.3 billion of $68.13 billion), too loose for any other rule
    text = ("Revenue of $68.13 billion versus $66.21 billion estimated.\n\n"
            "The data center segment delivered $62.3 billion in revenue. Representing more than 91% of the "
            "company's total revenue.\n\nWhen over 90% of your revenue comes from a single segment, you're "
            "not a chip company anymore.")
    got = {p.target: p for p in propose(text, _bound_share_records(text, "90"))}
    assert got["share"].inputs == {"a": "dc", "b": "rev"}
    assert got["again"].inputs == {"a": "dc", "b": "rev"} and got["again"].verdict == "consistent"
    # a bound that is no rounding of the first (80% is not 91% rounded down) is another claim
    text80 = text.replace("over 90%", "over 80%")
    assert "again" not in {p.target for p in propose(text80, _bound_share_records(text80, "80"))}
    # nor is one stated paragraphs away
    far = text.replace("\n\nWhen over", "\n\nA.\n\nB.\n\nWhen over")
    assert "again" not in {p.target for p in propose(far, _bound_share_records(far, "90"))}
