"""disc59: discovery rules (kb.extract.arith), each built on a short quote of the development
article that showed the gap."""
from __future__ import annotations

from kb.extract.arith import propose
from test_disc58 import _records


# r52 (US and China data-centre energy): China's data-centre growth "3-4x faster" than its grid's,
# 18-20% over 5-7% (middles 19 / 6 = 3.2); 17.5 / 6 (the US's 15-20% over China's grid) is 2.9,
# inside 3-4x only where the range is read wider than stated (2.5 to 4.5)
GROWTH = ("- **US**: 2-2.5% annual growth in total generation\n"
          "- **China**: 5-7% annual growth in total power generation capacity, slowing from historical 8-10% "
          "as economy matures\n\n"
          "**Datacenter-Specific Growth (AI/Cloud Boom)**:\n"
          "- **US**: 15-20% annual growth in datacenter energy consumption, 5-10x faster than overall grid\n"
          "- **China**: 18-20% annual growth in datacenter energy consumption, 3-4x faster than overall grid\n")


def _growth_records(text: str):
    return _records(text, ("us-grid", "2-2.5%", (2, 2.5), "percent", "range", "growth-rate"),
                    ("cn-grid", "5-7%", (5, 7), "percent", "range", "growth-rate"),
                    ("cn-hist", "8-10%", (8, 10), "percent", "range", "share"),
                    ("us-dc", "15-20%", (15, 20), "percent", "range", "growth-rate"),
                    ("us-x", "5-10x", (5, 10), "x", "range", "ratio"),
                    ("cn-dc", "18-20%", (18, 20), "percent", "range", "growth-rate"),
                    ("cn-x", "3-4x", (3, 4), "x", "range", "ratio"))


def test_a_ratio_range_takes_the_one_pair_inside_its_range_as_stated():
    props = {p.target: p for p in propose(GROWTH, _growth_records(GROWTH))}
    assert sorted(props["cn-x"].inputs.values()) == ["cn-dc", "cn-grid"]
    assert sorted(props["us-x"].inputs.values()) == ["us-dc", "us-grid"]


# r46 (the AI data-centre power revolution): "83-92% premium" (drafted as 1.83-1.92x) in a table
# row after "$110-115/MWh PPAs", the industrial rate "$0.06/kWh" sections above: 110 / 60 = 1.83
# and 115 / 60 = 1.92, each end nearly exactly; restated in prose below (and in the takeaway above)
PREMIUM = ("Interruption costs $14,125/hour for 100K GPU clusters, driving 83-92% premiums for nuclear "
           "baseload contracts.\n\n"
           "**Cost Analysis (at $0.06/kWh industrial rate):**\n\n"
           "Electricity is a small share of the bill.\n\n"
           "| Rank | Segment | Key Metric | Why They Win |\n"
           "|------|---------|------------|--------------|\n"
           "| **1** | Liquid Cooling Equipment | 33% penetration (2025) | Forced upgrade, no alternatives |\n"
           "| **2** | Nuclear Operators | $110-115/MWh PPAs | 83-92% premium pricing |\n\n"
           "This math explains why Microsoft pays 83-92% premiums for nuclear baseload power.\n")


def _premium_records(text: str, ppa: tuple = (110, 115)):
    return _records(text, ("cost", "$14,125/hour", 14125, "USD/hour", "exact", "cost-rate"),
                    ("gpus", "100K GPU", 100, "K GPU", "exact", "gpu-count"),
                    ("top", "83-92%", (1.83, 1.92), "x", "range", "ratio"),
                    ("rate", "$0.06/kWh", 0.06, "USD/kWh", "exact", "electricity-price"),
                    ("pen", "33%", 33, "percent", "exact", "adoption-share"),
                    ("ppa", f"${ppa[0]}-{ppa[1]}/MWh", ppa, "USD/MWh", "range", "electricity-price"),
                    ("row", "83-92%", (1.83, 1.92), "x", "range", "ratio"),
                    ("prose", "83-92%", (1.83, 1.92), "x", "range", "ratio"))


def test_a_range_ratio_is_a_range_over_one_value_stated_before_where_both_ends_agree():
    links = {frozenset((p.target, *p.inputs.values())): p for p in propose(PREMIUM, _premium_records(PREMIUM))}
    for ratio in ("row", "prose", "top"):   # (any orientation: ppa = row x rate is one relation)
        assert links[frozenset((ratio, "ppa", "rate"))].verdict == "consistent"


def test_a_range_ratio_whose_one_end_alone_agrees_takes_nothing():
    text = PREMIUM.replace("$110-115/MWh", "$110-125/MWh")   # 110 / 60 = 1.83, but 125 / 60 = 2.08
    links = {frozenset((p.target, *p.inputs.values())) for p in propose(text, _premium_records(text, (110, 125)))}
    assert not {frozenset(("prose", "ppa", "rate")), frozenset(("top", "ppa", "rate"))} & links


# r157 (Gaudi2 vs A100): a speed-up row whose baseline is a column ("x1.0" under A100): x2.44 is
# the Gaudi2 throughput over the A100's in the row above, 19.7 / 8.07 (the prose's "x2.44" above
# the table made 19.7 = 8.07 x 2.44, and the table's x2.44 took nothing)
SPEEDUP = ("The results we achieved are presented in the table below. **Gaudi2 is x2.44 faster than A100 "
           "80GB.**\n\n"
           "|   | First-gen Gaudi | Gaudi2 (BS=1) | A100 (BS=16) |\n"
           "|:-:|:-------:|:--------------:|:------------:|\n"
           "| Throughput (samples/s) | N/A | 19.7 | 8.07 |\n"
           "| Speedup | / | x2.44 | x1.0 |\n")


def _speedup_records(text: str, shown: str = "x2.44", value: float = 2.44):
    return _records(text, ("prose", "x2.44", 2.44, "x", "exact", "ratio"),
                    ("g2", "19.7", 19.7, "example/s", "exact", "throughput"),
                    ("a100", "8.07", 8.07, "example/s", "exact", "throughput"),
                    ("up", shown, value, "x", "exact", "ratio"),
                    ("one", "x1.0", 1.0, "x", "exact", "ratio"))


def test_a_ratio_row_with_a_baseline_column_is_its_column_over_the_baseline_column():
    links = {frozenset((p.target, *p.inputs.values())): p for p in propose(SPEEDUP, _speedup_records(SPEEDUP))}
    assert links[frozenset(("up", "g2", "a100"))].verdict == "consistent"


def test_a_ratio_row_with_a_baseline_column_that_no_row_makes_takes_nothing():
    text = SPEEDUP.replace("| x2.44 |", "| x2.90 |")
    assert not any(p.target == "up" or "up" in p.inputs.values() for p in propose(text, _speedup_records(text, "x2.90", 2.9)))


# r10 (an eco-bot's metrics): a table of impacts per token whose water and emissions rows are each
# model's energy per token times the site's water and carbon per Wh, all stated sections above
# (0.018 Wh/token x 0.30 mL/Wh = 0.0054 mL; 0.0006 x 0.3528 = 0.00021 g)
IMPACTS = ("-   **ChatGPT-5**: = 0.018 Wh/token\n\n"
           "-   **GPT-4o**: = 0.0006 Wh/token\n\n"
           "---\n### Milliliters of Water (mL)\n\n"
           "**Microsoft Azure WUE**: = 0.30 mL/Wh\n\n"
           "---\n### Emissions (g CO2e)\n\n"
           "**Microsoft Azure CIF**: = 0.3528 g CO2e/Wh\n\n"
           "---\n### Impact per Token\n\n"
           "| Metric       | GPT-5 | GPT-4o |\n"
           "| :----------- | :--------------------- | :----------------------------- |\n"
           "| **Water**  | 0.0054 mL          | 0.00018 mL                 |\n"
           "| **Emissions**    | 0.0064 g CO2e          | 0.00021 g CO2e                 |\n")


def _impact_records(text: str, water4o: str = "0.00018 mL", water4o_value: float = 0.00018):
    return _records(text, ("e5", "0.018 Wh/token", 0.018, "Wh/token", "exact", "energy-per-token"),
                    ("e4o", "0.0006 Wh/token", 0.0006, "Wh/token", "exact", "energy-per-token"),
                    ("wue", "0.30 mL/Wh", 0.30, "mL/Wh", "exact", "water-intensity"),
                    ("cif", "0.3528 g CO2e/Wh", 0.3528, "gCO2e/Wh", "exact", "carbon-intensity"),
                    ("w5", "0.0054 mL", 0.0054, "mL/token", "exact", "water-per-token"),
                    ("w4o", water4o, water4o_value, "mL/token", "exact", "water-per-token"),
                    ("c5", "0.0064 g CO2e", 0.0064, "gCO2e/token", "exact", "carbon-per-token"),
                    ("c4o", "0.00021 g CO2e", 0.00021, "gCO2e/token", "exact", "carbon-per-token"))


def test_a_row_of_cells_each_two_rates_stated_before_the_table_with_one_in_common():
    props = {p.target: p for p in propose(IMPACTS, _impact_records(IMPACTS))}
    for cell, ins in (("w5", ["e5", "wue"]), ("w4o", ["e4o", "wue"]), ("c5", ["cif", "e5"]), ("c4o", ["cif", "e4o"])):
        assert props[cell].verdict == "consistent" and sorted(props[cell].inputs.values()) == ins


def test_a_row_with_one_cell_two_rates_make_takes_nothing():
    text = IMPACTS.replace("0.00018 mL", "0.00025 mL")   # the GPT-4o water cell no longer made so
    props = {p.target: p for p in propose(text, _impact_records(text, "0.00025 mL", 0.00025))}
    assert "w5" not in props and "w4o" not in props
    assert sorted(props["c5"].inputs.values()) == ["cif", "e5"]

