"""Forms of writing that real articles keep using and the extractor misread (issue 14): units
given only by a table's row label, slash pairs, rates per year, a table's period column,
products and their makers. Each test is a paraphrase of a form, never a copied sentence."""
from __future__ import annotations

from pathlib import Path

from conftest import read_drafts

from kb.core.grammar import header_unit


read = read_drafts


# ---------------------------------------------------------------- units in a row label only

def test_a_row_label_opening_with_a_million_tokens_prices_the_bare_dollar_cells():
    text = ("| **Plan** | **alpha-fast** | **alpha-deep** |\n|---|---|---|\n"
            "| 1M TOKENS INPUT (CACHE MISS) | $0.30 | $0.60 |\n| 1M TOKENS OUTPUT | $1.20 | $2.40 |\n")
    got = read(text)
    assert [g[1:3] for g in got] == [(0.3, "USD per 1M tokens"), (0.6, "USD per 1M tokens"),
                                     (1.2, "USD per 1M tokens"), (2.4, "USD per 1M tokens")]


def test_a_label_s_parentheses_that_name_the_unit_are_kept():
    text = ("| Option | Small | Large |\n|---|---|---|\n| Output (per 1M tokens) | $0.90 | $4.50 |\n"
            "| Throughput (Tokens per Second) | 640 | 210 |\n")
    assert [g[1:3] for g in read(text)] == [(0.9, "USD per 1M tokens"), (4.5, "USD per 1M tokens"),
                                           (640, "token/s"), (210, "token/s")]


def test_a_label_s_parentheses_with_a_number_or_a_price_stay_out():
    text = ("| Model | Input $/1M | Score |\n|---|---|---|\n| Big One (200k context tier) | $12.00 | 48 |\n"
            "\n| Item | Site A |\n|---|---|\n| Rent (@$150/kW/month) | $9,000 |\n")
    got = read(text)
    assert ("$12.00", 12, "USD per 1M tokens", "exact") in got
    # (the label's "200k" gives nothing to the score: "48" under "Score" is a score in points)
    assert [g for g in got if g[0] == "48"] == [("48", 48, "x", "exact")]
    assert ("$9,000", 9000, "USD", "exact") in got


def test_a_label_in_another_language_naming_a_million_tokens():
    # Polish: "price per million input tokens"
    text = "| Parametr | Model A | Model B |\n|---|---|---|\n| Cena za milion tokenów wejściowych | $0.25 | $2.00 |\n"
    assert [g[1:3] for g in read(text)] == [(0.25, "USD per 1M tokens"), (2.0, "USD per 1M tokens")]


def test_a_direction_between_the_scale_and_tokens_in_a_header():
    for h in ("Price per 1M input tokens", "USD per million output tokens"):
        q = header_unit(h)
        assert q is not None and q.den == "token" and q.atom is None
    q = header_unit("Context (1M tokens)")
    assert q is not None and q.atom == "token" and q.den is None  # a window, not a rate's denominator


def test_a_header_s_million_or_thousand_tokens_written_m_or_with_digits():
    text = "| Model | Input ($ / M tokens) | Price per 1,000 tokens |\n|---|---|---|\n| Alpha | $2.40 | $0.003 |\n"
    assert read(text) == [("$2.40", 2.4, "USD per 1M tokens", "exact"), ("$0.003", 0.003, "USD per 1K tokens", "exact")]


def test_a_capital_i_typed_for_the_one_of_a_million():
    text = "| Item | Flagship |\n|---|---|\n| Input Price | $40.00 / IM tokens |\n"
    assert read(text) == [("$40.00 / IM tokens", 40.0, "USD per 1M tokens", "exact")]


# ---------------------------------------------------------------- electricity used per period

def test_electricity_per_year_or_per_day_is_a_rate():
    got = read("Cities: Lyon (8.1 TWh/year), Oslo (9 TWh per year); a server room draws 36 MWh a year "
               "and a household 11 kWh per day.")
    assert [g[1:3] for g in got] == [(8.1, "TWh/year"), (9, "TWh/year"), (36, "MWh/year"), (11, "kWh/day")]


def test_annual_electricity_use_before_the_amount_is_a_rate_too():
    got = read("It equals Lisbon's annual electricity consumption (3.4 TWh); the yearly power use of 9 GWh is small. "
               "The campus used 40 GWh in 2023.")
    assert [g[1:3] for g in got if g[2].endswith("Wh") or "Wh/" in g[2]] == [(3.4, "TWh/year"), (9, "GWh/year"),
                                                                           (40, "GWh")]


def test_energy_per_hour_or_minute_of_an_activity_stays_an_amount():
    got = read("Streaming video takes about 0.2 Wh per minute, or 12 Wh per hour of viewing; 0.3 Wh per query.")
    assert [g[1:3] for g in got] == [(0.2, "Wh"), (12, "Wh"), (0.3, "Wh/query")]


def test_electricity_per_year_links_to_the_rate_without_its_word(project_registry):
    from kb.extract.drafts import extract_text

    got = [(d.raw, d.property) for d in extract_text("* **Small nations**: Malta (2.1 TWh/year), Cyprus (5 TWh/year)\n",
                                                       project_registry)]
    assert got == [("2.1 TWh/year", "electricity-use-rate"), ("5 TWh/year", "electricity-use-rate")]


# ---------------------------------------------------------------- slash pairs in a table

_PAIR_TABLE = ("|   | Model-A | Model-B |\n|---:|---:|---:|\n| Rig A | 1210.5/44.1 | 230.75/61.2 |\n"
               "| Rig B | 1650.25/39.8 | N/A |\n")
_LATER = ("\n| Release | Output Throughput (tokens/sec) | Median ITL (ms) |\n|---|---|---|\n| v2 | 2900.5 | 47.3 |\n")


def test_slash_pairs_named_before_the_table_take_each_side_s_unit():
    text = ("We also track the median inter-token latency (ITL).\n\nEach cell below gives "
            "`throughput/latency` for one setup:\n\n" + _PAIR_TABLE + _LATER)
    got = [g[1:3] for g in read(text)]
    assert got[:6] == [(1210.5, "token/s"), (44.1, "ms"), (230.75, "token/s"), (61.2, "ms"),
                       (1650.25, "token/s"), (39.8, "ms")]


def test_slash_pairs_whose_sides_have_no_unit_anywhere_stay_unread():
    # no lead-in naming the sides; and names the article gives no unit for
    assert [g for g in read(_PAIR_TABLE) if g[1] in (1210.5, 44.1)] == []
    text = "Cells give `speed/quality` per setup:\n\n" + _PAIR_TABLE
    assert [g for g in read(text) if g[1] in (1210.5, 44.1)] == []


# ---------------------------------------------------------------- the period of a number

def _periods(reg, text):
    from kb.extract.drafts import extract_text

    return [(d.raw, (d.conditions or {}).get("period")) for d in extract_text(text, reg)]


def test_a_quarter_or_a_fiscal_year_in_prose_is_the_period(project_registry):
    got = dict(_periods(project_registry, "Acme Cloud booked revenue of $2.1 billion in Q3 2025, up from $1.4 billion in Q3 2024. "
                                          "During fiscal 2025 its capital expenditure was $9 billion."))
    assert got["$2.1 billion"] == "2025-Q3" and got["$1.4 billion"] == "2024-Q3"
    assert got["$9 billion"] == "FY2025"


def test_a_table_s_period_column_row_label_or_heading_gives_the_period(project_registry):
    text = ("| Quarter | Revenue | Net loss |\n|---|---|---|\n| Q2 2025 | $1.2B | $0.3B |\n| Q3 2025 | $1.4B | $0.1B |\n\n"
            "| Metric | FY2024 | FY2025 |\n|---|---|---|\n| Revenue | $5.0B | $7.5B |\n\n"
            "## Q1 2026 results\n\n| Line | Amount |\n|---|---|\n| Revenue | $2.2B |\n")
    got = _periods(project_registry, text)
    assert [p for _, p in got] == ["2025-Q2", "2025-Q2", "2025-Q3", "2025-Q3", "FY2024", "FY2025", "2026-Q1"]


def test_a_year_column_beside_counts_or_a_year_in_a_name_is_no_period(project_registry):
    text = "| Model | Year | GPUs |\n|---|---|---|\n| Foo 70B | 2023 | 2K A100s |\n"
    assert all(p is None for _, p in _periods(project_registry, text))
    assert all(p is None for _, p in _periods(project_registry, "The 2024 model costs $3 per hour to run."))


# ---------------------------------------------------------------- a product and its maker

def test_a_service_s_users_go_to_the_product_the_article_names_not_its_maker(project_registry):
    from kb.extract.drafts import extract_text

    text = ("ChatGPT kept growing through the summer. OpenAI now says it has 700 million weekly active users, "
            "and OpenAI's revenue reached $4 billion.")
    got = {d.raw: d.entity for d in extract_text(text, project_registry)}
    assert got["700 million weekly active users"] == "chatgpt"
    assert got["$4 billion"] == "openai"  # the company's own money stays the company's


def test_without_a_product_named_the_users_stay_the_company_s(project_registry):
    from kb.extract.drafts import extract_text

    got = {d.raw: d.entity for d in extract_text("OpenAI now says it has 700 million weekly active users.", project_registry)}
    assert got["700 million weekly active users"] == "openai"


def test_a_year_marked_as_a_forecast_or_an_estimate_is_the_period_and_the_basis(project_registry):
    from kb.extract.drafts import extract_text

    text = ("| Year | Data-centre load | Source |\n|---|---|---|\n| 2024 | 4 GW | Utility |\n"
            "| 2035F | 123 GW | Analyst |\n\nAcme Cloud's revenue reaches $9 billion in FY2027E.\n")
    got = {d.raw: d.conditions or {} for d in extract_text(text, project_registry)}
    assert got["123 GW"].get("basis") == "projected"
    assert got["$9 billion"].get("period") == "FY2027" and got["$9 billion"].get("basis") == "estimated"
    assert "basis" not in got["4 GW"]


def test_a_number_whose_own_words_name_its_property_keeps_it_beside_a_neighbour(project_registry):
    from kb.extract.drafts import extract_text

    got = {d.raw: d.property for d in extract_text("Kimi K2 weighs in at 1T total and 32B active parameters.", project_registry)}
    assert got["1T"] == "parameters-total" and got["32B active parameters"] == "parameters-active"


def test_a_blended_price_column_is_neither_input_nor_output(project_registry):
    from kb.extract.drafts import extract_text

    text = ("| Model | Input $/1M | Output $/1M | Blended $/1M (3:1) |\n|---|---|---|---|\n"
            "| Claude Opus 4.5 | $5.00 | $25.00 | $10.00 |\n")
    got = {d.raw: (d.conditions or {}).get("direction") for d in extract_text(text, project_registry)}
    assert got == {"$5.00": "input", "$25.00": "output", "$10.00": "blended"}


def test_a_price_marked_as_a_cache_hit_is_the_cached_input_tier(project_registry):
    from kb.extract.drafts import extract_text

    text = ("| Model | Input $/1M | Output $/1M |\n|---|---|---|\n"
            "| DeepSeek V3.2 | $0.30 (miss) / $0.03 (hit) | $0.45 |\n")
    got = {d.raw: (d.conditions or {}).get("tier") for d in extract_text(text, project_registry)}
    assert got == {"$0.30": None, "$0.03": "cached-input", "$0.45": None}


def test_experts_selected_for_each_token_are_the_active_ones(project_registry):
    from kb.extract.drafts import extract_text

    def props(text):
        return {d.raw: d.property for d in extract_text(text, project_registry)}

    assert props("In Mixtral, two experts are selected for each token.") == {"two experts": "experts-active"}
    assert props("Mixtral has 8 experts, of which 2 are active per token.")["8 experts"] == "experts-total"
    assert props("Mixtral has 8 experts.") == {"8 experts": "experts-total"}


def test_a_name_that_is_also_a_word_is_not_read_in_a_title_case_heading(project_registry):
    from kb.extract.drafts import extract_text

    text = ("## 1. Quantitative Power Demand Surge\n\nLoad reached 123 GW by 2035.\n\n"
            "Surge raised $25 million in its seed round.\n")
    got = {d.raw: d.entity for d in extract_text(text, project_registry)}
    assert got["123 GW"] != "surge-ai" and got["$25 million"] == "surge-ai"


def test_a_name_that_is_also_a_word_is_still_a_name_readers_see_and_search():
    from pathlib import Path

    from kb.store.load import load

    ent = load(Path(__file__).resolve().parents[1]).entities["surge-ai"]
    assert ent.aliases == ("Surge AI", "Surge")
