"""disc65: arithmetic discovery recall (kb.extract.arith, and its measure kb.tools.arithmetic),
each rule built on a short quote (a paraphrase of the development article that showed the gap)."""
from __future__ import annotations

from types import SimpleNamespace

from kb.extract.arith import propose, written_arithmetic
from kb.tools.arithmetic import match_drafts

from conftest import drafts_at


_drafts = drafts_at


# r46 (an AI datacenter's power): a calculation block whose operands carry units spaced from
# their numbers ("25,000 GPUs × 700W", "17.5 MW × 1.3"), the GPU's 700W stated above it
POWER = ("- **Power per GPU:** 700W (at load)\n\n**Power Calculation:**\n```\nBase GPU load:\n"
         "25,000 GPUs × 700W = 17.5 MW\n```\n")


def test_written_arithmetic_with_a_spaced_unit_before_the_operator():
    found = [(POWER[w.start:w.end], [POWER[a:b] for a, b in w.operands]) for w in written_arithmetic(POWER)]
    assert ("25,000 GPUs × 700W = 17.5", ["25,000 GPUs", "700W"]) in found
    text = "The cluster draws 17.5 MW × 1.3 = 22.75 MW at the meter."
    assert [[text[a:b] for a, b in w.operands] for w in written_arithmetic(text)] == [["17.5 MW", "1.3"]]


def test_an_operand_with_its_own_unit_is_read_where_the_arithmetic_writes_it():
    # the 700W of the calculation is its own operand (curators record the arithmetic's numbers
    # where it writes them), not the 700W stated above it
    records = _drafts(POWER, ("700W", 700, "W"), ("25,000 GPUs", 25000, "GPU"), ("17.5 MW", 17.5, "MW"))
    calc = POWER.index("700W", POWER.index("25,000"))
    props = [p for p in propose(POWER, records) if p.target == f"t-at{POWER.index('17.5 MW')}"]
    assert len(props) == 1 and props[0].verdict == "consistent" and props[0].how == "written"
    assert set(props[0].inputs.values()) == {f"t-at{POWER.index('25,000')}", f"t-at{calc}"}
    assert [r["raw"] for r in props[0].read] == ["700W"]


def test_an_operand_restating_a_rate_is_still_that_rate():
    # "8 × $2.50" with "$2.50 per GPU-hour" stated before: the "$2.50" written bare of its "per
    # GPU-hour" restates the rate, which is the operand
    text = "We run 8 GPUs at $2.50 per GPU-hour. That is 8 × $2.50 = $20 an hour."
    records = _drafts(text, ("8 GPUs", 8, "GPU"), ("$2.50 per GPU-hour", 2.5, "USD/GPU/hour"),
                      ("$20 an hour", 20, "USD/hour"))
    props = [p for p in propose(text, records) if p.target == f"t-at{text.index('$20')}"]
    assert [(p.how, set(p.inputs.values()), p.read) for p in props] == [("written", {"t-at7", "t-at17"}, ())]


# r151 (LLaMA 3 on TPUs): the arithmetic in code spans, its numbers in e-notation
def test_written_arithmetic_in_e_notation():
    text = "Since each TPU v5p has 96GB of HBM, we need `16.5e12 / 96e9 = 171` TPUs."
    assert [[text[a:b] for a, b in w.operands] for w in written_arithmetic(text)] == [["16.5e12", "96e9"]]
    text = "this should take roughly `4.2e11 / 4.59E+14 = 1ms` on a single chip"
    assert [[text[a:b] for a, b in w.operands] for w in written_arithmetic(text)] == [["4.2e11", "4.59E+14"]]


def test_e_notation_is_no_operator():
    # "1e9" is one number, not 1 times 9; nor is a version number an exponent
    assert not written_arithmetic("a budget of 1e9 = one billion dollars")


# the measure: a curated upper bound ("under $1000 per kW") is drafted as the bound it states
def test_the_measure_matches_an_upper_bound_at_its_bound():
    text = "The capex for gas power plants seems to be under $1000 per kW."
    s = text.index("under")
    claim = SimpleNamespace(id="c", start=s, end=len(text) - 1,
                            interval=SimpleNamespace(low=0.0, high=1000.0, unit="USD/kW", via=None))
    draft = {"id": "t-at1", "span_start": s, "span_end": len(text) - 1, "value": 1000, "unit": "USD/kW",
             "qualifier": "upper_bound"}
    assert match_drafts([claim], [draft]) == {"t-at1": "c"}


# r151 (LLaMA 3 on TPUs): "15e12" in the code restates "15 trillion tokens" in base units, whether
# the drafter read it as a bare count or not at all
TRAINING = ("The model was trained on about 15 trillion tokens.\n\n"
            + "It was trained on a cluster of accelerators in one region over several weeks. " * 8
            + "\n\nEach token costs 4.2e11 FLOPs per token: `4.2e11 * 15e12 = 6.3e24 FLOPs` in total.")


def _training(with_count: bool):
    spec = [("15 trillion tokens", 15, "trillion token"), ("4.2e11 FLOPs per token", 4.2e11, "FLOP/token")]
    if with_count:
        spec.append(("15e12", 15e12, "item"))
    spec.append(("6.3e24 FLOPs", 6.3e24, "FLOP"))
    return _drafts(TRAINING, *spec)


def test_an_operand_in_e_notation_restates_a_scaled_amount():
    rate, tokens = f"t-at{TRAINING.index('4.2e11')}", f"t-at{TRAINING.index('15 trillion')}"
    for with_count in (True, False):
        props = [p for p in propose(TRAINING, _training(with_count))
                 if p.target == f"t-at{TRAINING.index('6.3e24')}"]
        assert [(p.verdict, p.how, set(p.inputs.values())) for p in props] == \
            [("consistent", "written", {rate, tokens})], with_count


def test_an_operand_in_e_notation_of_another_value_restates_nothing():
    text = TRAINING.replace("15 trillion", "16 trillion")
    records = _drafts(text, ("16 trillion tokens", 16, "trillion token"), ("4.2e11 FLOPs per token", 4.2e11, "FLOP/token"),
                      ("6.3e24 FLOPs", 6.3e24, "FLOP"))
    assert not [p for p in propose(text, records) if p.target == f"t-at{text.index('6.3e24')}"
                and f"t-at{text.index('16 trillion')}" in p.inputs.values()]


# r46: "× 24 hours" beside "× 90 days" converts the days to hours; no quantity of its own
def test_hours_a_day_beside_days_convert_them():
    text = "Total energy (90-day cycle):\n22.75 MW × 24 hours × 90 days = 49,140 MWh\n"
    assert [[text[a:b] for a, b in w.operands] for w in written_arithmetic(text)] == [["22.75 MW", "90 days"]]
    records = _drafts(text, ("22.75 MW", 22.75, "MW"), ("90 days", 90, "day"), ("49,140 MWh", 49140, "MWh"))
    props = [p for p in propose(text, records) if p.target == f"t-at{text.index('49,140')}"]
    assert [(p.verdict, p.formula) for p in props] == [("consistent", "a * b")]


def test_hours_of_a_day_alone_are_a_duration():
    # "5.6 kW × 24 hours": a day's energy, the 24 hours its duration
    text = "The node draws 5.6 kW × 24 hours = 134.4 kWh a day."
    assert [[text[a:b] for a, b in w.operands] for w in written_arithmetic(text)] == [["5.6 kW", "24 hours"]]


def _drafted(text: str) -> list[tuple]:
    from kb.extract.drafts import extract_text
    from kb.extract.linking import load_registry

    return [(text[d.span_start:d.span_end], d.unit, dict(d.conditions).get("precision"))
            for d in extract_text(text, load_registry(_ROOT))]


_ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]


# r153 (the H100 rental bubble): a number format between a throughput and its unit
def test_a_number_format_between_a_throughput_and_its_unit():
    got = _drafted("The A100 SXM had 624 bf16 TFlops, the H100 SXM was 1,979 bf16 TFlops.")
    assert ("624 bf16 TFlops", "TFLOPS", "bf16") in got and ("1,979 bf16 TFlops", "TFLOPS", "bf16") in got
    got = _drafted("The H100 delivers 3,958 FP8 TFLOPS.")
    assert ("3,958 FP8 TFLOPS", "TFLOPS", "fp8") in got


def test_a_number_format_before_another_unit_is_no_gap():
    # "8 FP16 GPUs" is no throughput: the format word joins only a unit of operations a second
    assert not [g for g in _drafted("We use 4 int8 GPUs for inference.") if g[1] == "GPU" and g[0].startswith("4 int8")]


# r151: a bare number in e-notation in written-out arithmetic is in base units of a thing it
# does not name: no count
def test_a_bare_operand_in_e_notation_is_no_count():
    got = _drafted("One step should take roughly `4.2e11 / 4.59E+14 = 1ms` on a single TPU v5p chip.")
    assert not [g for g in got if g[0].startswith(("4.59E+14", "4.2e11"))]
