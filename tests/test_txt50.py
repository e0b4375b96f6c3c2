"""txt50: missed non-money numbers of prose (designed on dev-B).

- A lower-case "b" after a number is a billion before a model's size words ("33b GPTQ models",
  "a 52b params model", "the full 52b model"): so many parameters, as "33B" reads; elsewhere
  ("Figure 5b", "8b/10b encoding", "a 10bn investment") it stays what it was.
- Bits before a memory bus or interface are the interface's width ("a 256-bit memory bus",
  "5120-bit memory bus interface", "a 384-bit GDDR6X bus"), in bits.
- Counted nouns: restarts, training cycles and (production) deployments are items; national labs
  are labs (items); professionals are employees; wafers are items; a GPU's execution
  units (EUs) are its cores; a "unified bus" has a width in bits too.
- A percentage "below prior expectations" ("previous", "last", "original"...) is a signed change;
  "Premium+" after a percentage is a product's tier, no premium ("40% of X Premium+ subscribers").
- A model's size named before a bare number, in words or by its config key ("the vocabulary size
  to 128,256", "d_model is 8192", "num_layers is 64"): a vocabulary in tokens, dimensions in x.
- Transfers a second: "8000 MT/s", "32 GT/s".
- "N-tier" joined to the noun it describes counts tiers ("a 3-tier fat tree", "4-tier network").
- A spelled number before HBM stacks counts them ("Eight HBM stacks per accelerator").
- A double hyphen between two numbers is a range's dash, as plain text writes an en dash
  ("3--5 years", "60--80%", "**1.6--8 months**").
- Pounds of CO2 are emissions ("0.92 lbs CO2/kWh"); emissions labelled with a period before them
  ("Monthly emissions: 40.4 lbs CO2", "Annual emissions: 484 lbs CO2") are a rate of that period.
- An exponent after a plus with its "e" dropped, before FLOPs, is scientific notation
  ("consumed 3.14+23 FLOPs": 3.14e23), not 23 FLOPs.
"""
from __future__ import annotations

import pytest

from conftest import value_units

_read = value_units


@pytest.mark.parametrize("text, value", [
    ("It's basically the same cost as running 33b GPTQ models on two 3090s.", 33),
    ("for a 52b params model, the KV cache is large", 52),
    ("the full 52b model needs more memory", 52),
])
def test_lower_case_b_before_model_words_is_a_parameter_count(text, value):
    assert (value, "billion parameter") in _read(text)


@pytest.mark.parametrize("text", [
    "Figure 5b shows the model.",
    "It uses 8b/10b encoding on the link.",
])
def test_lower_case_b_elsewhere_is_no_parameter_count(text):
    assert not any(u == "billion parameter" for _, u in _read(text))


def test_bn_stays_money():
    got = _read("Microsoft's 10bn investment in OpenAI is paying dividends.")
    assert not any(u == "billion parameter" for _, u in got)


@pytest.mark.parametrize("text, value", [
    ("Let's calculate the memory bandwidth for a hypothetical GPU with a 256-bit memory bus running at 8000 MT/s:", 256),
    ("- **5120-bit memory bus interface** supporting high-bandwidth operations", 5120),
    ("| 1. Gather bus width | bits ➗ 8 = bytes/transfer | 384-bit GDDR6X bus → 48 bytes |", 384),
])
def test_bits_of_a_memory_bus_are_its_width(text, value):
    got = _read(text)
    assert (value, "bit") in got
    assert (value, "bit/parameter") not in got


@pytest.mark.parametrize("text, value, unit", [
    ("These notes cover ~90 restarts over the course of training the lineage of this current model.", 90, "item"),
    ("Break-even: 28-57 training cycles (viable)", (28, 57), "item"),
    ("- Real performance data (from 20+ production deployments)", 20, "item"),
    ("- **DOE Genesis Mission** — Multi-year partnership across 17 national labs", 17, "item"),
    ("- **Accenture** — 30,000 professionals to be trained, enterprise deployment focus", 30000, "employee"),
])
def test_counted_nouns(text, value, unit):
    assert (value, unit) in _read(text)


@pytest.mark.parametrize("text, low, high, unit", [
    ("4. **Maintenance and depreciation excluded**: Hardware lasts 3--5 years. Resale value not", 3, 5, "year"),
    ("utilization jumps from 25% to 60--80%. That transforms the payoff math.", 60, 80, "percent"),
    ("can pay for themselves in **1.6--8 months** when replacing Opus/Sonnet-class API usage", 1.6, 8, "month"),
    ("2. **Dual RTX 3090 + small/medium models: 3--3.5 months.** Highest raw throughput", 3, 3.5, "month"),
])
def test_double_hyphen_range(text, low, high, unit):
    got = _read(text)
    assert ((low, high), unit) in got
    assert (high, unit) not in got


_ITEM = ("Uses ~10.8 GB for model parameters, with KV cache scaling linearly with prompt size. Note: Full 128K "
         "context would require additional ~7.4 GB for KV cache (using 28 layers, 4 KV heads, 128 head dimension, BF16).")


def _drafts_of(text):
    from kb.extract.drafts import extract_text
    return [(d.raw, d.unit) for d in extract_text(text)]


def test_a_whole_line_repeated_is_recorded_once():
    line = "2. **Deepseek R1 Distill Qwen 7B** - A dense 7.61B parameter model. " + _ITEM
    got = _drafts_of(line + "\n\n" + line + "\n")
    assert [r for r, _ in got].count("~7.4 GB") == 1, got


@pytest.mark.parametrize("text, value, unit", [
    ("- U.S. grid average: 0.92 lbs CO2/kWh ([EPA, 2023](https://www.epa.gov/energy/))", 0.92, "lbCO2e/kWh"),
    ("- **Monthly emissions: 40.4 lbs CO2 (18.3 kg)**", 40.4, "lbCO2e/month"),
    ("- **Annual emissions: 484 lbs CO2 (220 kg)**", 484, "lbCO2e/year"),
])
def test_pounds_of_co2_and_period_labelled_emissions(text, value, unit):
    assert (value, unit) in _read(text)


def test_pounds_alone_are_no_emissions():
    assert not any("CO2" in u for _, u in _read("It costs 40 pounds a month."))


@pytest.mark.parametrize("text, value", [
    ("required 14.8 days of compute on 10,000 V100s, and consumed 3.14+23 FLOPs.", 3.14e23),
    ("* A 1.1T Mixture-of-Experts model requires ~2.16+22 FLOPs of compute with 512 A100s.", 2.16e22),
])
def test_plus_exponent_before_flops(text, value):
    got = _read(text)
    assert (value, "FLOP") in got
    assert not any(v in (22, 23) and u == "FLOP" for v, u in got)


@pytest.mark.parametrize("text, value, unit", [
    ("For an M3 Ultra with 80 GPU cores (1,280 execution units), running at 1.4 GHz:", 1280, "core"),
    ("each cluster houses 16 execution units, giving the 1,280 EUs used in this calculation.", 1280, "core"),
    ("We are in the much more reasonable land of $69M for my computer, buying 3450 wafers.", 3450, "item"),
    ("| 1. Gather bus width | bits ➗ 8 = bytes/transfer | 1024-bit unified bus → 128 bytes |", 1024, "bit"),
])
def test_more_counted_nouns(text, value, unit):
    assert (value, unit) in _read(text)


def test_percent_below_prior_is_a_change():
    got = _read("- 2025 capex guidance was reduced to $12–14B (roughly 40% below prior expectations) as projects shift")
    assert (-40, "percent") in got


def test_premium_plus_is_a_tier_not_a_premium():
    got = _read("- 40% of X Premium+ subscribers using Grok")
    assert (40, "percent") in got
    assert (1.4, "x") not in got


@pytest.mark.parametrize("text, value, unit", [
    ("a new tokenizer that expands the vocabulary size to 128,256 (from 32K tokens in the previous version)",
     128256, "token"),
    ("* so for a 52b params model, where d_model is 8192 and num_layers is 64, flops are", 8192, "x"),
    ("* so for a 52b params model, where d_model is 8192 and num_layers is 64, flops are", 64, "x"),
])
def test_model_sizes_named_before_their_number(text, value, unit):
    assert (value, unit) in _read(text)


@pytest.mark.parametrize("text, value, unit", [
    ("Let's calculate the memory bandwidth for a hypothetical GPU with a 256-bit memory bus running at 8000 MT/s:",
     8000, "MT/s"),
    ("you can treat 21 Gbps per pin on GDDR6X as ≈21,000 MT/s on a one-bit lane", 21000, "MT/s"),
])
def test_transfers_a_second(text, value, unit):
    assert (value, unit) in _read(text)


@pytest.mark.parametrize("text, value", [
    ("- InfiniBand 3-tier fat tree maxes out at ~65,536 GPUs fully connected", 3),
    ("- Beyond that requires 4-tier network with 7:1 oversubscription between pods", 4),
    ("## Optimization 3: 3-Tier Quality System — Let Users Choose", 3),
])
def test_hyphenated_tiers_are_counted(text, value):
    assert (value, "item") in _read(text)


def test_spelled_hbm_stacks():
    got = _read("- **Memory and power:** Eight HBM stacks per accelerator ($5.5k each) with SK Hynix and Micron")
    assert (8, "item") in got
