"""miss81: value+unit misses on fresh benchmark write-ups and news posts on AI spending (a vLLM
benchmark README, a TensorRT-LLM against vLLM comparison, a news digest on data-centre capex;
none in the corpus, found with the ``search`` tool), each number judged by hand.

- a benchmark's result block ("Benchmark duration (s):   46.96", "Mean TTFT (ms):   2111.51",
  "Total input tokens:   10239") drafted nothing, or read the next line's first words as the
  unit ("0.21 [newline] Output token" as 0.21 tokens): a line that is a label, a colon and one
  number is now a one-cell table, the label its header;
- a price per unit of power capacity written "per GW" or "per gigawatt" ("the costs can run to
  $50bn per GW") lost its denominator;
- "sub-" before an amount ("Consistently sub-20ms TTFT") was skipped as a name's number (GPT-4);
  it is now an amount, at most that much;
- seconds glued to the minutes before them ("Training time went down to 1m30s") started no
  candidate, so the duration was lost; they are read and joined to the minutes (90 s);
- a throughput column or label naming what it counts but no unit ("| Output token throughput |",
  "Request throughput") was read as a count of tokens or requests; it is so many a second;
- a grid table ("+-----+" borders between "| ... |" rows) outside a fence drafted nothing; it is
  read as one inside a fence is.
"""
from __future__ import annotations

from conftest import drafts_by_raw as _drafts


# --- a benchmark's result block ---------------------------------------------------------------

_VLLM_BLOCK = (
    "============ Serving Benchmark Result ============\n"
    "Successful requests:                     10        \n"
    "Benchmark duration (s):                  46.96     \n"
    "Total input tokens:                      10239     \n"
    "Request throughput (req/s):              0.21      \n"
    "Output token throughput (tok/s):         218.04    \n"
    "---------------Time to First Token----------------\n"
    "Mean TTFT (ms):                          2111.51   \n"
    "P99 TTFT (ms):                           3346.14   \n"
)


def test_result_block_lines_take_the_label_unit():
    ds = _drafts(_VLLM_BLOCK)
    assert (ds["46.96"].value, ds["46.96"].unit) == (46.96, "s")
    assert (ds["10239"].value, ds["10239"].unit) == (10239, "token")
    assert ds["0.21"].unit == "query/s"
    assert ds["218.04"].unit == "token/s"
    assert (ds["2111.51"].unit, ds["3346.14"].unit) == ("ms", "ms")


def test_result_block_number_does_not_take_next_line_as_unit():
    ds = _drafts(_VLLM_BLOCK)
    assert not any("\n" in raw for raw in ds)  # (was "0.21      \nOutput token": 0.21 tokens)


def test_one_word_key_is_no_label():
    # "words: 4642" in a page's metadata: a field, not a count the article states
    assert _drafts("title: A post\nwords: 4642\n") == {}


def test_label_line_with_more_after_the_number_is_left_to_the_grammar():
    ds = _drafts("Avg generation throughput: 238.7 tokens/s, Running: 10 reqs\n")
    assert ds["238.7 tokens/s"].unit == "token/s"


# --- "per GW" -----------------------------------------------------------------------------------

def test_price_per_gigawatt_keeps_its_denominator():
    ds = _drafts("But in the AI era, appetites are measured in gigawatts (GW), and the costs can run to $50bn per GW.")
    assert ds["$50bn per GW"].unit == "billion USD/GW"
    ds = _drafts("a capex of $12 billion per gigawatt of capacity")
    assert ds["$12 billion per gigawatt"].unit == "billion USD/GW"


def test_power_is_not_per_gigawatt():
    # a power per GW is no rate the grammar reads (a price's denominator only)
    ds = _drafts("a 1 GW campus uses 8.76 TWh per year")
    assert ds["1 GW"].unit == "GW"


# --- "sub-20ms" ---------------------------------------------------------------------------------

def test_sub_before_an_amount_is_an_upper_bound():
    ds = _drafts("- **TensorRT**: Consistently sub-20ms TTFT across all models")
    d = ds["sub-20ms"]
    assert (d.value, d.unit, d.qualifier) == (20, "ms", "upper_bound")
    assert _drafts("a sub-$1 price")["sub-$1"].qualifier == "upper_bound"


def test_word_hyphen_number_is_still_a_name():
    assert "4" not in _drafts("GPT-4 costs $30 per month")
    assert _drafts("a hub-20 port") == {}


# --- "1m30s" ------------------------------------------------------------------------------------

def test_glued_minutes_and_seconds_are_one_duration():
    d = _drafts("Training time went down to 1m30s on 8 GPUs.")["1m30s"]
    assert (d.value, d.unit) == (90, "s")
    assert _drafts("It took ~2m15s per run.")["~2m15s"].value == 135


def test_glued_seconds_after_money_are_not_read():
    assert "30s" not in _drafts("raised $5m30s later")


# --- "| Output token throughput |" -------------------------------------------------------------

def test_throughput_column_with_no_unit_is_per_second():
    table = ("| Concurrency | Output token throughput | Request throughput |\n"
             "|---|---|---|\n"
             "| 8 | 812.4 | 1.62 |\n")
    ds = _drafts(table)
    assert ds["812.4"].unit == "token/s"
    assert ds["1.62"].unit == "query/s"


def test_prompt_throughput_is_of_tokens():
    from kb.core.grammar import header_unit, unit_text

    assert unit_text(header_unit("Avg prompt throughput")) == "token/s"
    assert unit_text(header_unit("Throughput (tokens)")) == "token"  # (a unit said is left as said)


# --- a grid table outside a fence ----------------------------------------------------------------

_GRID = (
    "+-----------+------------------+--------------+\n"
    "| GPU       | Throughput (t/s) | Latency (ms) |\n"
    "+===========+==================+==============+\n"
    "| A100 80GB | 1,250            | 42           |\n"
    "+-----------+------------------+--------------+\n"
    "| H100      | 2,310            | 23           |\n"
    "+-----------+------------------+--------------+\n"
)


def test_grid_table_outside_a_fence_is_read():
    ds = _drafts("Results:\n\n" + _GRID + "\nA total of 5 GPUs.\n")
    assert (ds["1,250"].unit, ds["42"].unit) == ("token/s", "ms")
    assert (ds["2,310"].value, ds["23"].unit) == (2310, "ms")
    assert ds["5 GPUs"].unit == "GPU"


def test_grid_table_with_a_cell_over_two_lines_is_no_table():
    from kb.extract.tables import find_grid_tables

    two_line = ("+------+-----------+\n| GPU  | Price     |\n+======+===========+\n"
                "| H100 | $2.50     |\n| SXM  | per hour  |\n+------+-----------+\n")
    assert find_grid_tables(two_line) == []
