"""tab49: numbers in tables the extractor mis-read (designed on dev-B's table misses).

- A column of amounts of money whose header names no unit ("Cached input") beside a column
  whose header begins with the same word and names the denominator ("Cached ... (per 1M
  tokens)" / "Input (per 1M tokens)") is priced per that denominator too, when every column
  that names a denominator names the same one: a price list states it once.
- A column whose header holds a percentage of its own ("30%/yr growth", "At 60% load") is the
  scenario its figures were worked out for; where the table names one unit for all its cells
  (its caption "Payback (months)"), its bare cells are in that unit, not percentages.
"""
from __future__ import annotations

from conftest import value_units

_read = value_units

_PRICES = ("## Model prices\n\n"
           "| Model | Input (per 1M tokens) | Output (per 1M tokens) | Input via queue | Output via queue |\n"
           "|---|---|---|---|---|\n"
           "| Alpha-large | $4.000 | $12.000 | $2.000 | $6.000 |\n"
           "| Alpha-small | $0.200 | $0.800 | $0.100 | $0.400 |\n")


def test_sibling_money_column_takes_the_shared_denominator():
    got = _read(_PRICES)
    assert (2.0, "USD per 1M tokens") in got
    assert (0.4, "USD per 1M tokens") in got
    assert (2.0, "USD") not in got and (0.4, "USD") not in got
    assert (4.0, "USD per 1M tokens") in got  # (the named columns as before)


def test_no_shared_first_word_no_denominator():
    # "Setup fee" shares no first word with a priced column: a one-off amount stays an amount
    text = ("| Model | Input (per 1M tokens) | Setup fee |\n|---|---|---|\n"
            "| Alpha-large | $4.000 | $250 |\n| Alpha-small | $0.200 | $100 |\n")
    got = _read(text)
    assert (250, "USD") in got or (250.0, "USD") in got
    assert (250.0, "USD per 1M tokens") not in got


def test_two_denominators_share_nothing():
    # the named columns disagree (per 1M tokens, per image): a bare column takes neither
    text = ("| Model | Price (per 1M tokens) | Price (per image) | Price with discount |\n|---|---|---|---|\n"
            "| Alpha | $4.000 | $0.040 | $3.000 |\n| Beta | $2.000 | $0.020 | $1.500 |\n")
    got = _read(text)
    assert (3.0, "USD per 1M tokens") not in got
    assert (3.0, "USD") in got


_PAYBACK = ("### Payback of the workstation (months)\n\n"
            "| Load | Flat price | 30%/yr price drop | 60%/yr price drop |\n"
            "|---|---|---|---|\n"
            "| Full day | 3 | 5 | 14 |\n"
            "| Half day | 6 | 11 | 27 |\n")


def test_percent_scenario_header_takes_the_caption_unit():
    got = _read(_PAYBACK)
    assert (11, "month") in got or (11.0, "month") in got
    assert (27, "month") in got or (27.0, "month") in got
    assert not any(u == "percent" and v in (0.11, 0.27, 0.14) for v, u in got)


def test_percent_header_without_a_table_unit_keeps_percent():
    # no caption names a unit for the table: the header's percent is all there is to read
    text = ("## Results\n\n| Model | Share at 25% discount |\n|---|---|\n"
            "| Alpha | 40 |\n| Beta | 35 |\n")
    got = _read(text)
    assert (40.0, "percent") in got


# - A table's bare dollar amounts ("| $1,150 |") in an article that marks its dollars as another
#   country's ("CA$", "AU$") more often than as US dollars, at least twice, are that country's
#   dollars: a cell has no words around it to say whose dollar (the article-wide rule of
#   tests/test_extract_txt49.py reads prose and cells alike).
_BUILD = ("My rig came to about CA$3,100 all in. Power here runs CA$0.14 per kWh, and a cloud box "
          "costs US$1.10 an hour.\n\n| Part | Price |\n|---|---|\n| GPU | $1,150 |\n| Board | $240 |\n")


def test_table_dollar_is_the_articles_own():
    got = _read(_BUILD)
    assert (1150.0, "CAD") in got and (240.0, "CAD") in got
    assert (1150.0, "USD") not in got


def test_table_dollar_stays_us_without_a_home_mark():
    # one mark only, or as many US$ marks as others: a bare "$" is the US dollar
    once = _BUILD.replace("CA$0.14", "US$0.14")
    assert (1150.0, "USD") in _read(once)
    plain = "Prices below.\n\n| Part | Price |\n|---|---|\n| GPU | $1,150 |\n| Board | $240 |\n"
    assert (1150.0, "USD") in _read(plain)


# - A column of a population ("Human Population" over "9.30B") counts people; a "Qty" column of
#   whole numbers in a parts list counts each row's thing, named by the last word before a comma
#   of the cell after it when that is a counted noun ("2U storage Server, 4x SSD": nodes), items
#   otherwise.
_POP = ('| Year | Human Population | AI "Population" |\n| --| -- | -- |\n'
        '| 2031| 9.30B| 83M |\n| 2032| 9.37B| 428M |\n')
_PARTS = ("| Qty | Description | Vendor |\n|-----|------|-----|\n"
          "| 14  | 2U storage Server, 4x NVMe drives | Acme |\n| 2   | 48-port switch | Acme |\n"
          "| 40  | NVIDIA L40S GPUs | Acme |\n")


def test_population_column_counts_people():
    got = _read(_POP)
    assert (9.3, "billion person") in got and (428.0, "million person") in got
    assert (9.3, "billion parameter") not in got


def test_qty_column_counts_the_rows_thing():
    got = _read(_PARTS)
    assert (14.0, "node") in got and (2.0, "item") in got and (40.0, "GPU") in got


def test_qty_column_of_non_counts_is_left_alone():
    # a "Count" column holding sizes is no list of how many
    text = "| Count | Description |\n|---|---|\n| 2 TB | disk |\n| 4 TB | disk |\n"
    assert (2.0, "item") not in _read(text)


# - A line right above a table that names a volume per period ("normalized to 5,000 chats/month")
#   makes the table's amounts of money with no period of their own amounts per that period.
_VOLUME = ("**Scenario:** Three workloads, normalized to 5,000 chats/month\n\n"
           "| Workload | Model A Cost | Model B Cost |\n|---|---|---|\n| Support | $40 | $12 |\n| Search | $90 | $35 |\n")


def test_lead_volume_per_month_makes_monthly_costs():
    got = _read(_VOLUME)
    assert (40.0, "USD/month") in got and (35.0, "USD/month") in got
    assert (40.0, "USD") not in got


def test_lead_without_a_volume_per_period_leaves_amounts():
    got = _read(_VOLUME.replace("normalized to 5,000 chats/month", "at list prices"))
    assert (40.0, "USD") in got
    # two periods named: neither is taken
    got = _read(_VOLUME.replace("5,000 chats/month", "5,000 chats/month or 60,000 chats/year"))
    assert (40.0, "USD") in got


# - A batch-size column's cells may carry "+" ("64+": 64 and more) or a note in parentheses
#   ("1 (one user)"): still so many requests.
_BATCH = ("| Batch Size | Speedup | Worth it? |\n|---|---|---|\n| 1 (one user) | ~1.3× | No |\n"
          "| 16 | ~1.9× | Maybe |\n| 64+ | ~2.4× | Yes |\n")


def test_batch_size_cells_with_plus_or_note():
    got = _read(_BATCH)
    assert (1.0, "query") in got and (64.0, "query") in got and (16.0, "query") in got


def test_batch_size_cell_with_a_number_in_its_note_is_no_count_column():
    text = _BATCH.replace("1 (one user)", "1 (2 GB)")
    assert (16.0, "query") not in _read(text)


# - "t/s" in a header is tokens per second, whatever else the header counts ("1 Node (t/s)").
def test_t_per_s_header_is_tokens_per_second():
    text = ("| Model | 1 Node (t/s) | 4 Nodes RDMA (t/s) |\n|---|---|---|\n"
            "| Big-A 200B | 18.5 | **30.2** (+63%) |\n| Big-B 600B | 20.1 | **31.5** (+57%) |\n")
    got = _read(text)
    assert (18.5, "token/s") in got and (31.5, "token/s") in got
    assert (18.5, "node") not in got


def test_ft_per_s_is_no_token_rate():
    text = "| Fan | Air speed (ft/s) |\n|---|---|\n| A | 12 |\n| B | 15 |\n"
    assert (12.0, "token/s") not in _read(text)
