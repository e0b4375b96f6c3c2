"""txt49: numbers in prose the extractor missed or read wrongly (designed on dev-B).

- A model's attention heads counted with the acronym of their kind ("8 KV heads") or with
  "query" before them ("32 query heads") are heads (unit x), not title-cased furniture nor
  queries; "N head dimension" is the size of one head (x).
"""
from __future__ import annotations

import pytest

from conftest import value_units

_read = value_units


@pytest.mark.parametrize("text, value", [
    ("The model uses grouped-query attention with 32 query heads and 8 KV heads.", 32),
    ("The model uses grouped-query attention with 32 query heads and 8 KV heads.", 8),
    ("Its cache grows with 40 layers, 2 KV heads, 96 head dimension and BF16 values.", 2),
    ("Its cache grows with 40 layers, 2 KV heads, 96 head dimension and BF16 values.", 96),
])
def test_attention_heads_and_head_size(text, value):
    assert (value, "x") in _read(text)


def test_query_heads_are_no_queries():
    got = _read("The model uses grouped-query attention with 32 query heads and 8 KV heads.")
    assert (32, "query") not in got
    assert (12, "query") in _read("We sent 12 query requests to the server.")


# - A list item that opens with "Nx" before the name of a part of a build ("- 3x Leaf Switches",
#   "- **6x 4U GPU Servers**", "- 1x Backup Chiller (200kW)") lists a bill of materials: so many
#   of that part (its count noun's unit where it has one, else item), not so many times something.
_PARTS = """## Site build

- **6x 4U GPU Servers**
  - 4x Intel Xeon CPUs per server
- 2x 48U Server Racks
- 1x Backup Chiller (200kW capacity)
- 5x Liquid-Cooled PDUs
"""


@pytest.mark.parametrize("value, unit", [(6, "node"), (4, "item"), (2, "rack"), (1, "item"), (5, "item")])
def test_bill_of_materials_counts(value, unit):
    assert (value, unit) in _read(_PARTS)


@pytest.mark.parametrize("text", [
    "- 10x Cost Reduction\n",
    "- 3x Faster Inference\n",
    "- 4x performance per watt\n",
    "- 2x Throughput\n",
])
def test_list_item_multipliers_stay_multipliers(text):
    got = _read(text)
    assert any(u == "x" for _, u in got) and not any(u in ("item", "node") for _, u in got)


# - Tokens per unit of energy ("41.6 tokens/Wh", "5,000 tokens per kWh") are an efficiency, the
#   energy their denominator (tokens per watt stay tokens: a watt is no amount of energy).
@pytest.mark.parametrize("text, value, unit", [
    ("- Efficiency: 52.3 tokens/Wh", 52.3, "token/Wh"),
    ("Batching reaches 88.5 tokens per Wh on the same card.", 88.5, "token/Wh"),
    ("The server manages 4,000 tokens/kWh at full load.", 4000, "token/kWh"),
])
def test_tokens_per_energy(text, value, unit):
    assert (value, unit) in _read(text)


# - A cost named per something right before an amount of money in a sentence ("the cost per
#   request is $0.004", "the per-image cost fell from $0.15 to $0.03") makes the amount per that
#   thing; a cost per user stays a plain amount (users are counted, not a price's denominator).
@pytest.mark.parametrize("text, value, unit", [
    ("With caching, the cost per request is $0.004 on average.", 0.004, "USD/query"),
    ("We cut the per-image cost from $0.15 to $0.03 in a week.", 0.15, "USD/query"),
    ("We cut the per-image cost from $0.15 to $0.03 in a week.", 0.03, "USD/query"),
    ("Our price per month is $30 for the team plan.", 30, "USD/month"),
])
def test_cost_per_before_the_amount(text, value, unit):
    assert (value, unit) in _read(text)


def test_cost_per_user_is_no_denominator():
    assert (20, "USD") in _read("The cost per user is $20 in the first year.")


# - Parts of a machine or a chip that the `item` condition names are counted as items: "16
#   threads" (cpu-thread), "2 sticks of RAM" and "4 DIMMs" (memory-module), "6 HBM3 stacks".
@pytest.mark.parametrize("text, value", [
    ("The CPU is a Ryzen 7 (8 cores, 16 threads) on a B550 board.", 16),
    ("I bought 2 sticks of 16GB RAM for the build.", 2),
    ("The board takes 4 DIMMs at most.", 4),
    ("The accelerator carries 6 HBM3 stacks beside its die.", 6),
])
def test_machine_parts_counted(text, value):
    assert (value, "item") in _read(text)


# - An article that marks at least two amounts as another country's dollar ("AU$2,000") and more
#   of them than it marks as US dollars writes its bare "$" amounts in that dollar (prose and
#   table cells alike; tests/test_extract_tab49.py has the table); a US-marked amount stays US
#   dollars, and a single marked amount leaves the bare "$" alone.
_HOME = ("# A budget deep-learning box for AU$2500\n\nI aimed for around AU$2,500 all in. The used card was "
         "$1,050 and the CPU $180, for a total of AU$2,430; a cloud GPU would be US$1.10 per hour instead.\n")


@pytest.mark.parametrize("value, unit", [(1050, "AUD"), (180, "AUD"), (2430, "AUD"), (1.1, "USD/hour")])
def test_bare_dollar_in_the_home_dollar(value, unit):
    assert (value, unit) in _read(_HOME)


def test_few_marked_amounts_leave_the_dollar_alone():
    got = _read("The deal was worth A$24 billion. Renting an H100 costs $2.50 per hour in the US.")
    assert (2.5, "USD/hour") in got


# - What a workload reads or writes and a switch's ports, kinds the `item` condition names, are
#   counted: "the last 2-3 messages", "150 PDF documents", "48 ports", "30 research papers".
@pytest.mark.parametrize("text, value", [
    ("The bot keeps only the last 4 messages of a chat.", 4),
    ("The nightly job summarised 150 PDF documents with a local model.", 150),
    ("The new switch has 48 ports at 400G each.", 48),
    ("The survey covers 30 research papers from 2024.", 30),
])
def test_workload_items_counted(text, value):
    assert (value, "item") in _read(text)
