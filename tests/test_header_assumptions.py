"""What a table's column header says beside its unit (paraphrased examples, not corpus text):

* the device a column was measured on ("GGUF (using GPU)", "Runtime (GPU)") is no count of
  GPUs: the row's own unit ("Throughput (token/s)") stands;
* an amount in parentheses ("Monthly Cost (2B tokens)", "Cost (10K requests)") is what each
  of the column's figures is for: discovery reads it (``read_header_amounts``) and finds each
  row's cost as the row's rate times it, over the period the header names;
* a row's label may name the amount its figures are for too ("| **Annual revenue (64 GPUs)** |",
  quoted from a development article, under rows per GPU): each column's figure is its cells per
  GPU times that count, and a figure that misses it by a telltale factor is the row's slip.
"""
from __future__ import annotations

from pathlib import Path

from kb.core.grammar import header_unit
from kb.extract.arith import propose, read_header_amounts
from kb.extract.drafts import draft_record, extract_text
from kb.extract.linking import load_registry

ROOT = Path(__file__).resolve().parents[1]


def test_the_device_a_column_ran_on_is_no_count_of_gpus():
    for h in ("GGUF (using GPU)", "Runtime (GPU)", "Latency on GPU", "Speed with a GPU"):
        assert header_unit(h) is None, h
    # a count of GPUs still reads as one
    for h in ("GPUs", "# GPUs", "GPU count", "Number of GPUs"):
        assert header_unit(h).atom == "GPU", h
    assert header_unit("Power (W) on GPU").atom == "W"


def test_a_row_s_unit_stands_under_a_device_column():
    text = ("| Metric | Runtime (using CPU) | Runtime (using GPU) |\n|---|---|---|\n"
            "| Throughput (token/s) | 12.5 | 88.25 |\n")
    drafts = extract_text(text, load_registry(ROOT))
    (d,) = [d for d in drafts if d.value == 88.25]
    assert d.unit == "token/s"


def _records(text: str) -> list[dict]:
    return [draft_record(d, "doc") for d in extract_text(text, load_registry(ROOT))]


TABLE = ("| Tier | Rate (per M tokens) | Monthly Cost (2B tokens) |\n|---|---|---|\n"
         "| Small | $0.20 | $400 |\n| Medium | $1.10 | $2,200 |\n| Large | $5.00 | $10,000 |\n")


def test_a_header_s_amount_is_read_over_its_period():
    recs = _records(TABLE)
    heads = read_header_amounts(TABLE, recs)
    ((rec, expr),) = heads.values()
    assert (rec["value"], rec["unit"], expr) == (2_000_000_000, "token/month", None)
    assert TABLE[rec["span_start"]:rec["span_end"]] == "2B tokens"
    # without a period word, a plain count; a rate's unit in parentheses is no amount
    text = "| Job | Cost (10K requests) | Price (per 1M tokens) |\n|---|---|---|\n| a | $5 | $0.50 |\n"
    (rec,) = [r for r, _ in read_header_amounts(text, _records(text)).values()]
    assert (rec["value"], rec["unit"]) == (10_000, "query")
    # parentheses in a body cell other than the row's label, or without a count of a thing,
    # are not read
    text = "| Job | Cost |\n|---|---|\n| a | $5 (2B tokens) |\n"
    assert read_header_amounts(text, _records(text)) == {}
    text = "| Job | Cost (2024) |\n|---|---|\n| a | $5 |\n"
    assert read_header_amounts(text, _records(text)) == {}


def test_each_row_s_cost_is_its_rate_times_the_header_s_amount():
    recs = _records(TABLE)
    props = propose(TABLE, recs)
    (head,) = read_header_amounts(TABLE, recs)
    by_value = {r["id"]: float(r["value"]) for r in recs}
    found = set()
    for p in props:
        members = {p.target, *p.inputs.values()}
        if head in members:
            assert p.verdict == "consistent"
            assert [r["id"] for r in p.read] == [head]   # kb extract writes the number it read
            found.add(frozenset(by_value[m] for m in members if m != head))
    assert found == {frozenset((0.2, 400)), frozenset((1.1, 2200)), frozenset((5.0, 10000))}
    # a row that misses it by a power of ten is the row's slip
    slipped = TABLE.replace("$2,200", "$22,000")
    recs = _records(slipped)
    misses = [p for p in propose(slipped, recs) if p.verdict == "misses"]
    assert [float(r["value"]) for p in misses for r in recs if r["id"] == p.target] in ([22000], [1.1])


def test_bad_records_give_no_header_amounts_and_no_traceback():
    text = "| Job | Cost (for 100 users) |\n|---|---|\n| a | $5 |\n"
    assert read_header_amounts(text, []) == {}   # no draft ids to follow
    recs = [{"id": "doc-at30", "value": None, "unit": None, "span_start": "x"}, "not a record"]
    ((rec, _),) = read_header_amounts(text, recs).values()
    assert (rec["value"], rec["unit"], rec["id"]) == (100, "user", f"doc-at{text.index('100')}")


# quoted from a development article (an H100 SXM vs PCIe break-even table): the revenue row is
# ten times the label's 64 GPUs x 7,008 hours a GPU x the price per GPU-hour
REVENUE = ("| Metric | SXM5 Configuration | PCIe Configuration |\n|--------|-------------------|-------------------|\n"
           "| Annual hours per GPU (80% util) | 7,008 | 7,008 |\n| Revenue per GPU-hour | $2.79 | $2.29 |\n"
           "| **Annual revenue (64 GPUs)** | **$12,507,034** | **$10,268,198** |\n")


def test_a_row_label_s_amount_is_read_without_the_row_s_period():
    recs = _records(REVENUE)
    ((rec, expr),) = read_header_amounts(REVENUE, recs).values()
    # 64 GPUs all year, not 64 GPUs a year
    assert (rec["value"], rec["unit"], expr) == (64, "GPU", None)
    assert REVENUE[rec["span_start"]:rec["span_end"]] == "64 GPUs"
    # a number the drafts read already is left to them
    recs = [*recs, {**recs[0], "id": "doc-at99999", "span_start": rec["span_start"], "span_end": rec["span_end"]}]
    assert read_header_amounts(REVENUE, recs) == {}


def test_a_row_label_s_count_times_the_column_s_cells_per_unit():
    recs = _records(REVENUE)
    by_value = {r["id"]: float(r["value"]) for r in recs}
    (n,) = read_header_amounts(REVENUE, recs)
    slips = {by_value[p.target]: sorted(by_value.get(x, 0) for x in p.inputs.values())
             for p in propose(REVENUE, recs) if p.verdict == "misses" and n in p.inputs.values()}
    assert slips == {12_507_034: [0, 2.79, 7008], 10_268_198: [0, 2.29, 7008]}   # (0: the label's 64, read by discovery)
    # the same rows computed right hold, and are no slip
    right = REVENUE.replace("$12,507,034", "$1,251,348").replace("$10,268,198", "$1,027,092")
    recs = _records(right)
    (n,) = read_header_amounts(right, recs)
    props = [p for p in propose(right, recs) if n in p.inputs.values()]
    assert props and all(p.verdict == "consistent" for p in props)
    # without rows per GPU above it, the label's count scales nothing
    other = REVENUE.replace("Annual hours per GPU", "Annual hours").replace("Revenue per GPU-hour", "Price")
    recs = _records(other)
    assert not [p for p in propose(other, recs) if any(x in read_header_amounts(other, recs) for x in p.inputs.values())]
