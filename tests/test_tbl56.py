"""Tables in fenced blocks, and money beside percentages in tables (session 25, tbl56;
designed on the dev-B half of the real development articles):

- a fenced block (``` or ~~~) whose lines are rows of bars (box-drawing ``│``, pipes between
  ``+---+`` borders, or pipes between the cells only, as a command prints a table) or a table
  laid out in columns of blanks (a header line of words over rows that state numbers) is read
  as a table: each numeric cell with its row's label and its column's header. No dev-B article
  has such a table, so those tests use minimal tables written for them; code, a diagram and
  lines of notes in a fence stay no table (those tests quote dev-B fences);
- a column of parts of the whole ("% of TCO") beside amounts per hour: each percentage is a share
  whatever its row's label names ("Cost of capital (9.3% WACC)"), and the amounts are the parts'
  running costs, no rental prices.
"""
from __future__ import annotations

from conftest import drafts_by_raw

from kb.extract.drafts import extract_text
from kb.extract.tables import find_fenced_tables, find_tables


def _cells(text):
    return [([c.text for c in t.header], [[c.text for c in r] for r in t.rows]) for t in find_tables(text)]


# --- tables in fenced blocks (minimal tables written for the tests: dev-B has none) ----------------

def test_a_table_laid_out_in_columns_in_a_fence_is_a_table():
    # written for the test
    text = ("## Monthly costs\n\n```\n"
            "Component          Monthly cost   Share\n"
            "GPU rental         $12,000        60%\n"
            "Storage            $2,000         10%\n"
            "Total              $20,000        100%\n"
            "```\n")
    assert _cells(text) == [(["Component", "Monthly cost", "Share"],
                             [["GPU rental", "$12,000", "60%"], ["Storage", "$2,000", "10%"],
                              ["Total", "$20,000", "100%"]])]
    t = find_tables(text)[0]
    assert t.caption == "Monthly costs"
    assert [text[a:b] for a, b in t.row_spans][0] == "GPU rental         $12,000        60%"


def test_a_column_table_with_a_blank_corner_and_a_rule_line():
    # written for the test: the header leaves the corner over the rows' labels blank
    text = ("```text\n"
            "              Input    Output\n"
            "-----------------------------\n"
            "GPT-4o        $2.50    $10.00\n"
            "GPT-4o mini   $0.15     $0.60\n"
            "```\n")
    assert _cells(text) == [(["", "Input", "Output"], [["GPT-4o", "$2.50", "$10.00"], ["GPT-4o mini", "$0.15", "$0.60"]])]


def test_a_column_table_row_with_an_empty_cell_keeps_its_columns():
    # written for the test: the middle cell of the second row is blank
    text = ("```\n"
            "GPU      On-demand   Reserved   Spot\n"
            "H100     $4.10       $2.90      $1.80\n"
            "A100     $2.20                  $0.90\n"
            "```\n")
    assert _cells(text) == [(["GPU", "On-demand", "Reserved", "Spot"],
                             [["H100", "$4.10", "$2.90", "$1.80"], ["A100", "$2.20", "", "$0.90"]])]


def test_box_drawn_and_bordered_tables_in_a_fence():
    # written for the test
    box = ("```\n"
           "┌──────────┬────────┬────────┐\n"
           "│ GPU      │ Price  │ Margin │\n"
           "├──────────┼────────┼────────┤\n"
           "│ H100     │ $2.50  │ 40%    │\n"
           "│ A100     │ $1.20  │ 35%    │\n"
           "└──────────┴────────┴────────┘\n"
           "```\n")
    assert _cells(box) == [(["GPU", "Price", "Margin"], [["H100", "$2.50", "40%"], ["A100", "$1.20", "35%"]])]
    ascii_ = ("```\n"
              "+-----------+---------+-------+\n"
              "| Provider  | $/hour  | Disc. |\n"
              "+-----------+---------+-------+\n"
              "| AWS       | $3.90   | 20%   |\n"
              "| GCP       | $3.67   | 15%   |\n"
              "+-----------+---------+-------+\n"
              "```\n")
    # (without the fenced reading the border under the header cut it off: "AWS" read as the header)
    assert _cells(ascii_) == [(["Provider", "$/hour", "Disc."], [["AWS", "$3.90", "20%"], ["GCP", "$3.67", "15%"]])]


def test_a_command_s_table_with_inner_pipes_in_a_shell_fence():
    # written for the test: pipes between the cells only, under a rule line, in a ```bash block
    text = ("```bash\n"
            "Instance     | vCPUs | Memory (GB) | $/hour\n"
            "-------------------------------------------\n"
            "c6i.2xlarge  | 8     | 16          | $0.34\n"
            "c6i.4xlarge  | 16    | 32          | $0.68\n"
            "```\n")
    assert _cells(text) == [(["Instance", "vCPUs", "Memory (GB)", "$/hour"],
                             [["c6i.2xlarge", "8", "16", "$0.34"], ["c6i.4xlarge", "16", "32", "$0.68"]])]


def test_fenced_table_cells_are_read_with_their_headers(project_registry):
    # written for the test: each number under its column's header, for its row
    text = ("## Serving setup\n\n```\n"
            "Model         VRAM     RAM      Tokens/s\n"
            "Llama 3 8B    16 GB    32 GB    45\n"
            "Llama 3 70B   80 GB    128 GB   12\n"
            "```\n")
    got = {(d.raw, d.entity): (d.unit, d.property) for d in extract_text(text, project_registry)}
    assert got[("32 GB", "llama-3-8b")] == ("GB", "host-memory")
    assert got[("45", "llama-3-8b")] == ("token/s", "inference-throughput")
    assert got[("12", "llama-3-70b")] == ("token/s", "inference-throughput")


def test_code_notes_and_diagrams_in_fences_are_no_table():
    # r46-ai-datacenter-power-revolution: a worked sum in a fence
    sums = ("```\nBase GPU load:\n25,000 GPUs × 700W = 17.5 MW\n\nWith overhead (PUE 1.3):\n"
            "17.5 MW × 1.3 = 22.75 MW continuous load\n```\n")
    # r48-ai-model-selection-guide: two columns of words, no numbers
    routes = ("```\nFast mode:  Imagen Fast → Gemini Flash → Gemini Pro → Imagen → SVG placeholder\n"
              "Pro mode:   Gemini 3 Pro → Gemini Flash → Imagen Fast → SVG placeholder\n```\n")
    # r59-economics-of-compute: a drawn chart
    chart = ("```\nMFU\n ^\n |  *\n |    *\n |      *\n |        *  *\n |             *  *\n"
             " +-------------------> Number of GPUs\n     \"Efficiency cliff\"\n```\n")
    # r52-us-china-dc-energy: code
    code = ("```python\n# Energy can grow at 15-20% per year in theory\nyear_mean = mean * ((1 + 0.15) ** year)\n\n"
            "# But constraint caps maximum achievable\nmax_theoretical = year_mean * 3\n```\n")
    for text in (sums, routes, chart, code):
        assert find_fenced_tables(text) == []


def test_a_table_of_aligned_columns_in_a_code_fence_is_code():
    # written for the test: aligned assignments in a Python block stay code
    text = ("```python\n"
            "name        price    share\n"
            "h100        2.50     0.4\n"
            "a100        1.20     0.6\n"
            "```\n")
    assert find_fenced_tables(text) == []


def test_shell_output_with_bars_of_unequal_rows_stays_as_it_was():
    # r117-used-rtx3090-for-llms: nvidia-smi's output (a prompt line, rows of unlike cells) is no
    # fenced table; its pipe rows are read as before
    text = ("```\n$ nvidia-smi\n"
            "+-----------------------------------------------------------------------------+\n"
            "| NVIDIA-SMI 470.223.02   Driver Version: 470.223.02   CUDA Version: 11.4     |\n"
            "|-------------------------------+----------------------+----------------------+\n"
            "| GPU  Name        Persistence-M| Bus-Id        Disp.A | Volatile Uncorr. ECC |\n"
            "|  0%   30C    P8     8W / 350W |     10MiB / 24268MiB |      0%      Default |\n"
            "+-------------------------------+----------------------+----------------------+\n"
            "```\n")
    assert find_fenced_tables(text) == []


# --- parts of a whole beside money (dev-B quotes) --------------------------------------------------------

_TCO = ("| Cost Component | Per GPU-Hour | % of TCO |\n"
        "|---------------|-------------|----------|\n"
        "| GPU + InfiniBand capital | $0.92 | 53.8% |\n"
        "| Electricity | $0.16 | 9.3% |\n"
        "| Cost of capital (9.3% WACC) | $0.21 | 12.3% |\n"
        "| **Total** | **$1.70** | 100% |\n")


def test_a_percent_under_a_share_of_column_is_a_share(project_registry):
    # r02-h100-pcie-vs-sxm: the row's label names a cost of capital; the column its share of the TCO
    at = {d.span_start: d for d in extract_text(_TCO, project_registry)}
    assert at[_TCO.index("12.3%")].property == "share"
    assert at[_TCO.index("9.3% |")].property == "share"
    assert at[_TCO.index("9.3% WACC")].property == "discount-rate"  # (the label's own rate keeps its reading)


def test_amounts_beside_a_share_of_column_are_running_costs(project_registry):
    # r02-h100-pcie-vs-sxm: a breakdown of the cost per GPU-hour, no rental prices
    got = drafts_by_raw(_TCO, project_registry)
    for raw in ("$0.92", "$0.16", "$0.21", "$1.70"):
        assert got[raw].property == "cost-rate", raw

