"""catch72: `kb vet`'s misses on fresh public write-ups (Markdown blog posts and notes about
GPU specs, LLM prices, AI company finances and self-hosting costs, in no corpus; found with the
``search`` tool), every wrong or dubious number judged by hand against a cited fact or the
article's own arithmetic. Each rule is built on a short quote of such a text.

- a Markdown post's front matter dates it (``date: 2026-01-28``, ``pubDate: 'Feb 01 2026'``,
  ``publishedAt: "2025-09-18T19:51:42.708Z"``): vet compares its numbers with the references in
  force then, not today's (a price right when the post was written, cut since, was flagged).
- a bare year written right before a year's flow of money ("OpenAI's 2024 revenue", "2024
  Revenue: ...") is the amount's period: before, the period was left unread and the amount met
  no reference of that year (or only as "unsure").
- the amounts of one series, each with its year ("from $2 billion in 2023 to an estimated $10
  billion in 2024 and a projected $13 billion in 2025"), share the words around the whole series:
  before, each amount after the first saw only the words near it and was read as capex or an
  investment, and the wrong 2024 revenue went unchecked.
- a list's lead-in opening with "Each" or "Every" before the thing it names ("Each H100 SXM
  provides:") still names the items' thing (before, the items were the article's own).
- a table column headed by a ratio of two units the grammar has no unit for ("W/TFLOP", "$/GB")
  gives its bare cells no unit: before, "| W/TFLOP |" over 0.35 read 0.35 W, the H100's TDP, and
  vet flagged the (right) ratio against the card's 700 W (a false alarm).
- a table cell holding one number spaced by thousands ("| 14 592 |", "| **16 896** |") is that
  number: before, it was read as 14 and 592 cores, both flagged against the card's 14,592.
"""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import draft_of, linked_entity, vet_text, vetted_number


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


# --- the post's own date -------------------------------------------------------------------

@pytest.mark.parametrize("head, day", [
    ('---\ntitle: "GPT-4o vs Claude 3.5 Sonnet"\ndate: "2026-01-28"\n---\n', dt.date(2026, 1, 28)),
    ("---\ntitle: 'Build vs. Buy'\npubDate: 'Feb 01 2026'\n---\n", dt.date(2026, 2, 1)),
    ('---\ntitle: "H100 vs A100"\npublishedAt: "2025-09-18T19:51:42.708Z"\n---\n', dt.date(2025, 9, 18)),
    ("---\ntitle: A Really Big Computer\ndate: 2023/11/30\n---\n", dt.date(2023, 11, 30)),
    ("+++\ntitle = \"Notes\"\ndate = 2024-05-01T10:00:00Z\n+++\n", dt.date(2024, 5, 1)),
    ("---\npublished: false\ndate: 9 December 2025\n---\n", dt.date(2025, 12, 9)),
    ("---\ndate: Sept. 3, 2025\n---\n", dt.date(2025, 9, 3)),
    ("---\ndate: 3 Sep 2025\n---\n", dt.date(2025, 9, 3)),
])
def test_front_matter_dates_the_post(head, day):
    from kb.extract.vet import _text_date

    assert _text_date(head + "\nSome text.\n") == day


@pytest.mark.parametrize("text", [
    "date: 2024-01-01\n\nNo front matter: a line of the text that names a date.\n",
    "---\ntitle: Notes\nlastmod: 2025-01-01\n---\n",          # (an update, not the publication)
    "---\ntitle: Notes\ndate: Mayday 1 2020\n---\n",          # (no month)
    "---\ntitle: Notes\ndate: Decem 1, 2020\n---\n",          # (no month's name either)
])
def test_no_date_without_a_front_matter_date(text):
    from kb.extract.vet import _text_date

    assert _text_date(text) is None


# a note on reasoning models' API prices, dated before o3's June-2025 price cut (paraphrase)
O3_BEFORE_CUT = ("---\ntitle: \"Reasoning models compared\"\ndate: 2025-05-01\n---\n\n"
                 "OpenAI's o3 costs $10 per million input tokens and $40 per million output tokens.\n")


def test_vet_compares_a_dated_post_with_the_references_in_force_then(tmp_path, root):
    rep = vet_text(tmp_path, root, O3_BEFORE_CUT)
    assert rep.as_of == "2025-05-01"
    # the price before the cut, right when the post was written: no longer flagged
    assert vetted_number(rep, "$10 per million input tokens").status == "checked"
    assert vetted_number(rep, "$40 per million output tokens").status == "checked"


# --- a year right before a year's flow of money ----------------------------------------------

def test_a_year_before_revenue_is_its_period(reg):
    d = draft_of(reg, "OpenAI's 2024 revenue was $10 billion.", "$10 billion")
    assert (d.entity, d.property, d.conditions.get("period")) == ("openai", "revenue", "2024")


def test_a_year_labelling_a_list_item_is_its_period(reg):
    # (an AI-written company report: "* 2024 Revenue: Estimated to reach over $10 billion")
    text = "OpenAI's performance:\n\n* 2023 Revenue: $2 billion\n* 2024 Revenue: Estimated to reach over $10 billion\n"
    assert draft_of(reg, text, "$2 billion").conditions.get("period") == "2023"
    assert draft_of(reg, text, "over $10 billion").conditions.get("period") == "2024"


def test_a_year_before_other_words_names_no_period(reg):
    # (the report of a year is no period of the amount it gives)
    d = draft_of(reg, "In its 2024 report, Nvidia said revenue was $60.9 billion.", "$60.9 billion")
    assert "period" not in d.conditions


# --- a series of amounts with their years ------------------------------------------------------

SERIES = ("OpenAI has exhibited impressive growth over recent years, with revenues increasing from $2 billion in "
          "2023 to an estimated $10 billion in 2024 and a projected $13 billion in 2025.")


def test_every_amount_of_a_year_series_is_what_the_series_is(reg):
    got = [(draft_of(reg, SERIES, raw).property, draft_of(reg, SERIES, raw).conditions.get("period"))
           for raw in ("$2 billion", "$10 billion", "$13 billion")]
    assert got == [("revenue", "2023"), ("revenue", "2024"), ("revenue", "2025")]


def test_two_amounts_with_their_years_joined_by_and(reg):
    text = "Microsoft spent $55 billion in 2024 and $80 billion in 2025 on data centers."
    assert draft_of(reg, text, "$80 billion").property == draft_of(reg, text, "$55 billion").property == "capex"


def test_vet_flags_a_wrong_revenue_inside_a_year_series(tmp_path, root):
    rep = vet_text(tmp_path, root, SERIES + "\n")
    n = vetted_number(rep, "$10 billion")
    assert (n.entity, n.property, n.status) == ("openai", "revenue", "flagged")


# --- a lead-in opening with "Each" ---------------------------------------------------------------

# a public book chapter's case study of a training run (search tool, code corpus)
EACH = ("Each H100 SXM provides:\n- Peak FP16/BF16: 1,979 TFLOPS\n- Peak FP8: 3,958 TFLOPS\n"
        "- Memory Bandwidth: 3.35 TB/s\n")


def test_a_lead_in_opening_with_each_names_its_items_thing(reg):
    assert linked_entity(reg, EACH, "1,979 TFLOPS") == "nvidia-h100-sxm"
    assert linked_entity(reg, EACH, "3.35 TB/s") == "nvidia-h100-sxm"



# --- a column of a ratio of two units ---------------------------------------------------------

# a public course slide deck's table of GPU power against throughput (search tool, code corpus)
POWER = ("| GPU | Year | TDP (W) | FP16 TFLOPs | W/TFLOP |\n|---|---:|---:|---:|---:|\n"
         "| V100 | 2017 | 300 | 125 | 2.40 |\n| H100 SXM | 2022 | 700 | 1979 | 0.35 |\n")


@pytest.mark.parametrize("header", ["W/TFLOP", "$/TFLOP", "$/GB", "Price/GB ($)"])
def test_a_ratio_of_two_units_is_no_unit_of_its_column(header):
    from kb.core.grammar import header_unit

    assert header_unit(header) is None


@pytest.mark.parametrize("header, cur, atom, den", [
    ("TFLOPS/W", None, "TFLOPS", "W"), ("Memory BW (TB/s)", None, "TB", "s"), ("$/GPU", "USD", None, None),
    ("Price ($/hr)", "USD", None, "hour"), ("TDP (W)", None, "W", None),
])
def test_known_ratios_and_prices_per_thing_keep_their_unit(header, cur, atom, den):
    from kb.core.grammar import header_unit

    q = header_unit(header)
    assert (q.cur, q.atom, q.den) == (cur, atom, den)


def test_a_watts_per_teraflop_cell_is_no_tdp(reg):
    from kb.extract.drafts import extract_text

    got = {d.raw: (d.entity, d.property) for d in extract_text(POWER, reg)}
    assert got["700"] == ("nvidia-h100-sxm", "tdp")
    assert "0.35" not in got and "2.40" not in got


# --- a table cell's number spaced by thousands ------------------------------------------------

# a public notes repository's table of NVIDIA GPUs' SMs and cores (search tool, code corpus)
CORES = ("| GPU Model | SM Count | Total CUDA Cores | Memory Type |\n| --- | --- | --- | --- |\n"
         "| **H100 PCIe (Hopper)** | 114 | 14 592 | HBM2e |\n"
         "| **H200 (Hopper + HBM3e)** | **132** | **16 896** | **HBM3e** |\n")


def test_a_cell_of_one_number_spaced_by_thousands_is_that_number():
    from conftest import read_raw_values

    got = {raw: value for raw, value, *_ in read_raw_values(CORES)}
    assert got.get("14 592") == 14592 and got.get("16 896") == 16896
    assert "592" not in got and "896" not in got


def test_spaced_digits_in_prose_stay_apart():
    # (outside a cell, "14 592 cores" may be two numbers: only the cell's edges make it one)
    from conftest import read_raw_values

    assert "14 592 cores" not in {raw for raw, *_ in read_raw_values("We counted 14 592 cores.")}
