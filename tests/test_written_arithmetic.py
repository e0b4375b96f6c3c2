"""Arithmetic an article writes out in full, redone (kb/extract/written.py) and used by kb vet.

Each text is a paraphrase of a form real articles write, not a copied sentence."""
from __future__ import annotations

import pytest

from conftest import vet_text, vetted_number
from kb.extract.drafts import extract_text
from kb.extract.written import check_expressions


@pytest.mark.parametrize("text, computed", [
    ("(2600 × $2.50 + 300 × $10) / 1M = $0.0095", 0.0095),
    ("32 * (4096/32) * 8 * 2 * 2 = 131072", 131072),
    ("8 × 0.4 × 10¹² × 30 × 86400 = ~8.3 × 10¹⁸", 8.2944e18),
    ("$2.50 / 3600 / 50 = $0.000014", 2.5 / 3600 / 50),
    ("1,280 - 530 × 2 = 220", 220),
    ("It took 26,249 / 256 = 102 hours.", 26249 / 256),
    # a plain number that starts with 10 is no power of ten ("102" is not 10^2)
    ("Cost: 256 x 102 x $98.32 = ~$2.57M", 256 * 102 * 98.32),
    ("105 x 2 = 210", 210),
    ("2 x 10^3 = 2000", 2000),
])
def test_a_written_expression_that_holds_is_consistent(text, computed):
    (c,) = check_expressions(text)
    assert c.verdict == "consistent" and c.computed == pytest.approx(computed)


def test_a_written_expression_that_misses_by_a_power_of_ten_says_so():
    (c,) = check_expressions("- Cost per billion tokens on the A100: $2.00 / (150,000 × 3600 / 1e9) ≈ **$0.037**")
    assert c.verdict == "misses" and c.direction == "below" and c.factor == pytest.approx(100, rel=0.02)
    assert "10^2" in c.cause()


@pytest.mark.parametrize("text", [
    "700 × 24 = 16.8 kWh",                       # a conversion into other units
    "80GB x 2 = 160",                            # a unit on an operand
    "1,700 tokens × $2.50/1M = $0.00425",        # the expression goes on before what is pure
    "The ranges 5-7 = 6 on average",             # a hyphen between numbers is a range
    "GPT-4 = 1.8T parameters",                   # a name, no arithmetic
    "6 × 117M ≈ 7 x 10<sup>8</sup>",             # a power of ten written in a way not read
])
def test_an_expression_with_units_or_not_read_whole_is_left_alone(text):
    assert check_expressions(text) == []


def test_a_line_label_gives_the_unit_of_the_amount_after_it_and_of_its_result():
    got = {d.raw: d.unit for d in extract_text(
        "- Cost per billion tokens on the A100: $2.00 / (150,000 × 3600 / 1e9) ≈ **$0.037**\n"
        "- Cost per request: $0.0018\n- At $0.08/kWh: ~$56,000 (electricity only)\n")}
    assert got["≈ **$0.037"] == "USD per 1B tokens" and got["$0.0018"] == "USD/query"
    # an operand of the arithmetic is an amount of its own, not the line label's: a price divided by
    # a throughput times 3600 is an hourly one (rate58)
    assert got["$2.00"] == "USD/hour"
    assert got["~$56,000"] == "USD"     # "At $0.08/kWh" is the rate assumed, not the unit


def test_vet_flags_the_result_of_written_arithmetic_that_misses(tmp_path):
    root = tmp_path / "kb"
    for d in ("claims", "datasets/sources", "datasets/entities", "datasets/properties", "datasets/references"):
        (root / d).mkdir(parents=True)
    (root / "datasets" / "conditions.yaml").write_text("conditions: {}\n")
    (tmp_path / "w").mkdir()
    rep = vet_text(tmp_path / "w", root,
                   "Pre-training cost at $2.00/hr:\n\n"
                   "- Cost per billion tokens: $2.00 / (150,000 × 3600 / 1e9) ≈ **$0.037**\n"
                   "- Cost per billion tokens at $3.00/hr: $3.00 / (150,000 × 3600 / 1e9) ≈ **$5.56**\n")
    bad = vetted_number(rep, "≈ **$0.037")
    assert bad.status == "flagged" and bad.findings[0].code == "arithmetic"
    assert "10^2" in bad.findings[0].causes[0] and "3.7037" in bad.findings[0].message
    good = vetted_number(rep, "≈ **$5.56")
    assert good.status != "flagged"


def test_vet_flags_a_cost_that_charges_each_gpu_a_whole_instances_hourly_price():
    # a worked cost multiplies a count of GPUs by the hourly price of an eight-GPU instance the
    # line names (the registry's aws-p5.48xlarge, whose reference counts 8 GPUs): 8x too high;
    # the same arithmetic with the price of one GPU, or with a count of instances, holds
    from pathlib import Path
    import tempfile

    root = Path(__file__).resolve().parents[1]
    text = ("## Example: a 7B model\n\n"
            "With 64 H100s: 6,400 / 64 = 100 hours (~4.2 days)\n"
            "Cost at $98.32/hr (AWS P5): 64 x 100 x $98.32 = ~$629K\n\n"
            "## Example: per GPU\n\n"
            "With 16 H100s: 1,600 / 16 = 100 hours\n"
            "Cost at $3.50/hr per H100: 16 x 100 x $3.50 = ~$5.6K\n\n"
            "## Example: by instance\n\n"
            "With 32 H100s, that is 4 instances:\n"
            "Cost at $98.32/hr (AWS P5): 4 x 100 x $98.32 = ~$39.3K\n\n"
            "## Example: one GPU of an instance\n\n"
            "With 1 H100: 100 hours\n"
            "Cost at $98.32/hr (AWS P5): 1 x 100 x $98.32 = ~$9.8K\n")
    with tempfile.TemporaryDirectory() as d:
        rep = vet_text(Path(d), root, text)
    bad = vetted_number(rep, "~$629K")
    assert bad.status == "flagged" and bad.findings[0].code == "scope-mismatch"
    assert "8x too high" in bad.findings[0].message and "78,656" in " ".join(bad.findings[0].evidence)
    for raw in ("~$5.6K", "~$39.3K", "~$9.8K"):
        n = vetted_number(rep, raw)
        assert not any(f.code == "scope-mismatch" for f in n.findings), (raw, n.findings)
