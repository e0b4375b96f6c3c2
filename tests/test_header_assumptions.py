"""What a table's column header says beside its unit (paraphrased examples, not corpus text):

* the device a column was measured on ("GGUF (using GPU)", "Runtime (GPU)") is no count of
  GPUs: the row's own unit ("Throughput (token/s)") stands;
* an amount in parentheses ("Monthly Cost (2B tokens)", "Cost (10K requests)") is what each
  of the column's figures is for: discovery reads it (``read_header_amounts``) and finds each
  row's cost as the row's rate times it, over the period the header names.
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
    # parentheses outside a header row, or without a count of a thing, are not read
    text = "| Job | Cost |\n|---|---|\n| a (2B tokens) | $5 |\n"
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
