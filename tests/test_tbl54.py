"""Table cells (session 24, tbl54; designed on the dev-B half of the real development articles,
quotes of those articles in each test):

- a table row whose label names a GPU family and whose other cells tell its variant (a memory
  size under a memory header, a memory type) is that variant's ("| NVIDIA A100 SXM | 80 | HBM2e |"
  is the A100 SXM 80GB; "| NVIDIA GH200 SXM (2) | 141 | HBM3e |" the GH200 HBM3e); the family's
  name in other tables and in prose stays the family's.
"""
from __future__ import annotations

from kb.extract.drafts import extract_text


def _linked(project_registry, text):
    return [(d.raw, d.entity) for d in extract_text(text, project_registry)]


# r04-accelerators-chapter: the memory specs table
_MEMORY_TABLE = (
    "| Accelerator          |  Memory<br> (GBs) | Type  | Bandwidth<br> (TBps) |\n"
    "| :------------------- | ----------------: | :---- | -------------------: |\n"
    "| NVIDIA GH200 SXM (2) |               141 | HBM3e |                 4.80 |\n"
    "| NVIDIA H200 SXM      |               141 | HBM3e |                 4.80 |\n"
    "| NVIDIA GH200 SXM (1) |                96 | HBM3  |                 4.00 |\n"
    "| NVIDIA A100 SXM      |                80 | HBM2e |                 2.00 |\n"
)


def test_a_rows_memory_cells_name_the_variant(project_registry):
    got = _linked(project_registry, _MEMORY_TABLE)
    assert ("80", "nvidia-a100-sxm-80gb") in got
    assert ("2.00", "nvidia-a100-sxm-80gb") in got
    assert ("141", "nvidia-gh200-hbm3e") in got
    assert ("4.00", "nvidia-gh200-hbm3") in got
    assert ("141", "nvidia-h200-sxm") in got  # (named by its variant's name already)


def test_the_family_elsewhere_stays_the_family(project_registry):
    text = ("| Accelerator \\ TFLOPS | fp32 | fp16 |\n| --- | --- | --- |\n| NVIDIA A100 SXM | 19.5 | 312 |\n\n"
            + _MEMORY_TABLE + "\nThe A100 delivers 312 TFLOPS of dense fp16.\n")
    got = _linked(project_registry, text)
    assert ("19.5", "nvidia-a100") in got
    assert ("312 TFLOPS", "nvidia-a100") in got
    assert ("80", "nvidia-a100-sxm-80gb") in got


def test_a_size_both_variants_share_leaves_the_family(project_registry):
    # r91-open-weights-borrowed-gpus: "141 GB" is both H200 variants' memory
    got = _linked(project_registry, "| GPU | Price | Memory |\n| --- | --- | --- |\n| H200 | $2.59 | 141 GB HBM3e |\n")
    assert ("141 GB", "nvidia-h200") in got


# - a table's column of investors ("Leading Investors") names who put the money in, not whose the
#   row's round or valuation is: the row's figures stay the article's subject's.
def test_an_investors_column_is_not_the_rows_thing(project_registry):
    # r79-xai-company-profile
    text = ("# xAI\n\n## Venture Funding Information\n\n"
            "| Round | Date | Amount Raised | Valuation | Leading Investors |\n"
            "|-------|------|---------------|-----------|-------------------|\n"
            "| Series B | May 2024 | $6 billion | $24 billion | Andreessen Horowitz, Sequoia Capital, Vy Capital |\n"
            "| Follow-on | November 2024 | $5 billion | $50 billion | - |\n"
            "| Series C | December 2024 | $6 billion | $45 billion | BlackRock, Qatar Investment Authority |\n")
    got = _linked(project_registry, text)
    assert ("$24 billion", "xai") in got
    assert ("$45 billion", "xai") in got
    assert ("$50 billion", "xai") in got


# - a table with a row for a family and a row for one of its variants names the family in the
#   first, set beside the variant: the article naming that one variant does not make the family's
#   row the variant's.
def test_a_family_row_beside_its_variants_row(project_registry):
    # r77-ai-api-pricing-summary
    text = ("| Model | Input (per 1M tokens) | Output (per 1M tokens) |\n|---|---|---|\n"
            "| gpt-4o-mini | $0.150 | $0.600 |\n| gpt-4o-mini-2024-07-18 | $0.170 | $0.650 |\n")
    got = _linked(project_registry, text)
    assert ("$0.150", "gpt-4o-mini") in got
    assert ("$0.170", "gpt-4o-mini-2024-07-18") in got
    # r91-open-weights-borrowed-gpus
    text = "| GPU | Price/hr | Memory |\n|---|---|---|\n| H200 | $2.59 | 141 GB HBM3e |\n| H200 NVL | $2.27 | 141 GB HBM3e |\n"
    got = _linked(project_registry, text)
    assert ("$2.59", "nvidia-h200") in got
    assert ("$2.27", "nvidia-h200-nvl") in got


# - a table whose label column is headed by a word for companies ("| Company |") has companies for
#   rows: a product's name there stands for its maker.
def test_a_product_in_a_company_column_is_its_maker(project_registry):
    # r131-unsustainable-genai-economics
    text = ("| Company | 2024 Revenue | 2024 Losses | Key Financial Facts |\n"
            "|---------|-------------|-------------|-------------------|\n"
            "| **Perplexity** | Just over $56 million | Not profitable | • Valued at $9 billion (late 2024) |\n")
    got = _linked(project_registry, text)
    assert ("over $56 million", "perplexity-ai") in got
    # (the product's own table keeps the product)
    got = _linked(project_registry, "| Product | Price |\n|---|---|\n| Perplexity Pro | $20/month |\n")
    assert ("$20/month", "perplexity") in got


# - a column header that names a change a scenario assumes ("| 25%/yr decline |" over the payoff
#   months at that fall of cloud prices) is an amount of its own, in each table that has it; a
#   change's period may come between the percent and its noun ("a 25%/yr decline": -25%).
_PAYOFF_TABLE = ("| Utilization | Constant price | 25%/yr decline | 50%/yr decline | 80%/yr decline |\n"
                 "|-------------|----------------|----------------|----------------|----------------|\n"
                 "| 100% (24/7) | {0}              | 2              | 2              | 2              |\n")


def test_a_change_in_a_column_header(project_registry):
    # r103-local-ai-cost-return
    text = "### Risk-Adjusted Payoff (months)\n\n" + _PAYOFF_TABLE.format(2) + "\nAnd the M4 Max:\n\n" + _PAYOFF_TABLE.format(8)
    got = [(d.raw, d.value, d.unit) for d in extract_text(text, project_registry)]
    assert got.count(("25%", -25.0, "percent")) == 2
    assert got.count(("80%", -80.0, "percent")) == 2


def test_a_change_with_its_period_before_the_noun(project_registry):
    got = [(d.raw, d.value, d.unit) for d in extract_text("Assume a 25%/yr decline in API prices.", project_registry)]
    assert ("25%", -25.0, "percent") in got


# - in a table of yearly costs (its caption says so), a row label's percent of the capital spent
#   ("Maintenance (5% of IT CapEx)") is a share of it each year: percent a year.
def test_a_labels_share_of_capex_in_a_yearly_table(project_registry):
    # r02-h100-pcie-vs-sxm
    head = "| Component | SXM5 Configuration | PCIe Configuration |\n|-----------|-------------------|-------------------|\n"
    row = "| Maintenance (5% of IT CapEx) | $160,000 | $102,400 |\n"
    got = [(d.raw, d.unit) for d in extract_text("### Operational cost analysis (annual)\n\n" + head + row, project_registry)]
    assert ("5%", "percent/year") in got
    got = [(d.raw, d.unit) for d in extract_text("### Capital expenditure comparison\n\n" + head + row, project_registry)]
    assert ("5%", "percent") in got


# - a table of tab-separated values (copied from a web page as text), its rows one blank line apart,
#   is read cell by cell as a pipe table is; a column headed "# of H100s-equivalent" over "~10k",
#   "~1M" counts GPUs; a growth rate in the paragraph above ("~0.5 OOMs/year") is no volume per year
#   its costs are worked out for; a column of the things the rows are set beside ("Power reference
#   class") names no row's thing.
_TAB_TABLE = ("Earlier, we found a roughly ~0.5 OOMs/year trend growth of AI training compute.\n\n"
              "Year\tOOMs\t# of H100s-equivalent   \tCost\tPower\tPower reference class\n\n"
              "2022\t~GPT-4 cluster\t~10k\t~$500M\t~10 MW\t~10,000 average homes\n\n"
              "~2024\t+1 OOM\t~100k\t$billions\t~100MW\t~100,000 homes\n\n"
              "~2028\t+3 OOMs\t~10M\t$100s of billions\t~10 GW\tA small/medium US state\n\n"
              "Scaling the largest training clusters, rough back-of-the-envelope calculations.\n")


def test_a_tab_separated_table(project_registry):
    # r147-trillion-dollar-cluster
    got = {d.raw: (d.value, d.unit, d.entity) for d in extract_text(_TAB_TABLE, project_registry)}
    assert got["~10k"][:2] == (10.0, "K GPU")
    assert got["~10M"][:2] == (10.0, "million GPU")
    assert got["~$500M"][:2] == (500.0, "million USD")
    assert got["~10 GW"][2] != "us" and got["~10M"][2] != "us"


def test_indented_tab_lines_are_no_table():
    from kb.extract.tables import find_tab_tables
    # r119-kv-cache-notes: a tab-indented list of sums
    text = ("\t- 2 * 2 * 64 * 8192 * 8192 = 17,179,869,184\n\t- for_memory : 17\t/ 1,500\t= 0.01 seconds\n"
            "\t- for_compute : 17\t/ 312\t= 0.0005 seconds\n\t- a\tb\tc\n")
    assert find_tab_tables(text) == []


# - hours a day written "12h/d" or "6 h/day" (a duty cycle beside a utilisation: "| 50% (12h/d) |")
#   are hours a day; a bare "12h" stays unread.
def test_hours_a_day_abbreviated(project_registry):
    # r103-local-ai-cost-return
    got = [(d.raw, d.value, d.unit) for d in extract_text(
        "| Utilization | Constant price |\n|---|---|\n| 50% (12h/d) | 4 |\n| 10% (2.4h/d)| 17 |\n", project_registry)]
    assert ("12h/d", 12.0, "hour/day") in got and ("2.4h/d", 2.4, "hour/day") in got
    assert not any(raw.startswith("12h") for raw, _, _ in
                   [(d.raw, 0, 0) for d in extract_text("It ran for 12h.", project_registry)])
