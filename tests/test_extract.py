"""The claim extractor: forms it reads, what it leaves out, offsets, guesses, the CLI action."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from kb.extract.drafts import Draft, draft_id_prefix, extract_text
from kb.extract.linking import load_registry

ROOT = Path(__file__).resolve().parents[1]

# A small registry of our own, so that these tests do not move when datasets/ grows.
ENTITIES = [
    {"id": "openai", "kind": "organisation", "aliases": ["OpenAI", "OpenAI’s"]},
    {"id": "nvidia", "kind": "organisation", "aliases": ["NVIDIA", "NVIDIA’s"]},
    {"id": "nvidia-kepler", "kind": "architecture", "aliases": ["Kepler"]},
    {"id": "nvidia-blackwell", "kind": "architecture", "aliases": ["Blackwell"]},
    {"id": "nvidia-h100", "kind": "gpu", "aliases": ["H100", "NVIDIA H100"]},
    {"id": "nvidia-h100-sxm", "kind": "gpu", "family": "nvidia-h100", "aliases": ["H100 SXM", "H100 SXM5"]},
    {"id": "gpt-4", "kind": "model", "aliases": ["GPT-4"]},
    {"id": "gpt-4o", "kind": "model", "aliases": ["GPT-4o", "OpenAI’s GPT-4o"]},
    {"id": "llama-3", "kind": "model", "aliases": ["Llama-3", "Llama 3"]},
    {"id": "llama-3.1-405b", "kind": "model", "aliases": ["Llama 3.1 405B"]},
    {"id": "mixtral-8x7b", "kind": "model", "aliases": ["Mixtral 8x7B"]},
]
PROPERTIES = [
    {"id": "tdp", "name": "Thermal design power", "description": "Maximum board power.", "canonical_unit": "W",
     "plausible": {"gpu": {"low": "20 W", "high": "2000 W"}}},
    {"id": "peak-throughput", "name": "Peak arithmetic throughput", "canonical_unit": "TFLOPS",
     "conditions": ["precision", "sparsity"], "plausible": {"gpu": {"low": "1 TFLOPS", "high": "50000 TFLOPS"}}},
    {"id": "parameters-total", "name": "Total parameters", "description": "Number of trained weights of a model.",
     "canonical_unit": "billion parameter", "plausible": {"model": {"low": "0.01 billion parameter",
                                                                    "high": "20000 billion parameter"}}},
    {"id": "parameters-active", "name": "Active parameters per token",
     "description": "Parameters used for one token.", "canonical_unit": "billion parameter",
     "plausible": {"model": {"low": "0.01 billion parameter", "high": "5000 billion parameter"}}},
    {"id": "context-window", "name": "Context window", "canonical_unit": "token",
     "plausible": {"model": {"low": "512 token", "high": "100000000 token"}}},
    {"id": "token-price", "name": "Token price", "canonical_unit": "USD per 1M tokens",
     "conditions": ["direction"], "plausible": {"model": {"low": "0.001 USD per 1M tokens", "high": "1000 USD per 1M tokens"},
                                                "organisation": {"low": "0.001 USD per 1M tokens", "high": "1000 USD per 1M tokens"}}},
    {"id": "rental-price", "name": "GPU rental price", "description": "Price of renting compute per hour.",
     "canonical_unit": "USD/hour", "conditions": ["scope"], "plausible": {"gpu": {"low": "0.05 USD/hour", "high": "100 USD/hour"}}},
    {"id": "energy-per-token-improvement", "name": "Energy-per-token improvement", "canonical_unit": "x",
     "conditions": ["baseline"], "plausible": {"architecture": {"low": "1 x", "high": "10000000 x"}}},
    {"id": "net-loss", "name": "Net loss", "canonical_unit": "million USD", "conditions": ["period"],
     "plausible": {"organisation": {"low": "0 million USD", "high": "200000 million USD"}}},
    {"id": "revenue", "name": "Revenue", "canonical_unit": "million USD",
     "plausible": {"organisation": {"low": "0 million USD", "high": "1000000 million USD"}}},
    {"id": "cash-burn-rate", "name": "Cash burn rate", "description": "Net cash spent per month.",
     "canonical_unit": "million USD/month", "plausible": {"organisation": {"low": "0 million USD/month", "high": "20000 million USD/month"}}},
    {"id": "inference-latency", "name": "Inference latency", "canonical_unit": "ms",
     "plausible": {"model": {"low": "1 ms", "high": "600000 ms"}}},
]


def one(text: str) -> Draft:
    drafts = extract_text(text)
    assert len(drafts) == 1, [(d.raw, d.unit) for d in drafts]
    return drafts[0]


def key(d: Draft):
    if d.qualifier == "range":
        return (d.low, d.high, d.unit, d.qualifier)
    return (d.value, d.unit, d.qualifier)


# ---------------------------------------------------------------- the forms of the issue

FORMS = [
    ("a burn rate of $100 million per month", (100, "million USD/month", "exact")),
    ("it has 405 billion parameters", (405, "billion parameter", "exact")),
    ("a window of 2 million tokens", (2, "million token", "exact")),
    ("a peak of 60 teraflops for FP16", (60, "TFLOPS", "exact")),
    ("costs range from $0.01 to $0.05 per token", (0.01, 0.05, "USD/token", "range")),
    ("it uses 105,000x less energy", (105000, "x", "exact")),
    ("a context of 128k tokens", (128, "K token", "exact")),
    ("a rack draws 5.6 kW today", (5.6, "kW", "exact")),
    ("rented at $4.92/GPU-hour on demand", (4.92, "USD/GPU-hour", "exact")),
    ("a campus of 1.9 GW is planned", (1.9, "GW", "exact")),
    ("the card draws ~400 W at peak", (400, "W", "approx")),
    ("it costs $0.03 / 1K tokens for prompts", (0.03, "USD per 1K tokens", "exact")),
    ("the first token arrives after 200 ms here", (200, "ms", "exact")),
    ("a 70B model fits on a pair of cards", (70, "billion parameter", "exact")),
]


@pytest.mark.parametrize("text,expected", FORMS, ids=[f[0] for f in FORMS])
def test_forms(text, expected):
    assert key(one(text)) == expected


QUALIFIERS = [
    ("power can reach up to 700 watts", (700, "W", "upper_bound")),
    ("can scale to over 1 trillion parameters", (1, "trillion parameter", "lower_bound")),
    ("a burn rate exceeding $100 million per month", (100, "million USD/month", "lower_bound")),
    ("a bill of more than $7 billion", (7, "billion USD", "lower_bound")),
    ("it consumes around 400 watts", (400, "W", "approx")),
    ("it answers in about 400 ms", (400, "ms", "approx")),
    ("it was nearly 2x faster", (2, "x", "approx")),
    ("it spent at least $2.7 billion", (2.7, "billion USD", "lower_bound")),
    ("priced at roughly $39 an hour", (39, "USD/hour", "approx")),
    ("stays under 350 W", (350, "W", "upper_bound")),
    ("costs $100M or more", (100, "million USD", "lower_bound")),
    ("served for under $1 per million tokens", (1, "USD per 1M tokens", "upper_bound")),
    ("fell 45% last year", (-45, "percent", "exact")),
    ("between $1.25 and $2.50 per million input tokens", (1.25, 2.5, "USD per 1M tokens", "range")),
    ("a rack uses 40 kW to 130 kW", (40, 130, "kW", "range")),
    ("round trips add 20-50 ms", (20, 50, "ms", "range")),
    ("latency ranges from 200 ms to over 1 second", (200, 1000, "ms", "range")),
    ("utilisation of 35–45% is common", (35, 45, "percent", "range")),
    ("a gain of between 1,000x and 5,000x", (1000, 5000, "x", "range")),
    ("10 to 20 billion parameters", (10, 20, "billion parameter", "range")),
]


@pytest.mark.parametrize("text,expected", QUALIFIERS, ids=[q[0] for q in QUALIFIERS])
def test_qualifiers_and_ranges(text, expected):
    assert key(one(text)) == expected


MORE_FORMS = [
    ("OpenAI lost $540 million in 2022", (540, "million USD", "exact")),
    ("a valuation of $13bn", (13, "billion USD", "exact")),
    ("GPT-4o costs $2.50 per million input tokens", (2.5, "USD per 1M tokens", "exact")),
    ("it costs $3/MTok", (3, "USD per 1M tokens", "exact")),
    ("at $0.002 per 1,000 tokens", (0.002, "USD per 1K tokens", "exact")),
    ("a $5.50 per GPU per hour contract", (5.5, "USD/GPU-hour", "exact")),
    ("older cards rent for $1.10/hr", (1.1, "USD/hour", "exact")),
    ("it spends $61 million a year on power", (61, "million USD/year", "exact")),
    ("at 8 cents per kWh", (8, "cent/kWh", "exact")),
    ("it sustains 1,500 tokens per second", (1500, "token/s", "exact")),
    ("decode peaks at 2,400 tokens/s", (2400, "token/s", "exact")),
    ("bandwidth reaches 3.35 TB/s", (3.35, "TB/s", "exact")),
    ("with 80GB of HBM3", (80, "GB", "exact")),
    ("up to 20 petaflops of FP4", (20, "PFLOPS", "upper_bound")),
    ("a 700-watt board", (700, "W", "exact")),
    ("a 128K-token context window", (128, "K token", "exact")),
    ("a 405B-parameter model", (405, "billion parameter", "exact")),
    ("Llama-3 shipped with an 8K context", (8, "K token", "exact")),
    ("trained on 15 trillion tokens", (15, "trillion token", "exact")),
    ("about 6.3e24 FLOPs of compute", (6.3e24, "FLOP", "approx")),
    ("prefill took 4.1 seconds", (4.1, "s", "exact")),
    ("some 150 MW of capacity", (150, "MW", "approx")),
    ("the energy fell 280-fold", (280, "x", "exact")),
    ("about four times the power", (4, "x", "approx")),
    ("up to two million tokens", (2, "million token", "upper_bound")),
    ("17,460 joules per token", (17460, "J/token", "exact")),
    ("about 3 Wh per query", (3, "Wh/query", "approx")),
    ("decoding at 50+ tokens/s", (50, "token/s", "lower_bound")),
    ("A100s at $1.29/GPU/hr", (1.29, "USD/GPU-hour", "exact")),
    ("at $2/hour/GPU", (2, "USD/GPU-hour", "exact")),
    ("ChatGPT Plus costs $20/month", (20, "USD/month", "exact")),
    ("It is 2-3x faster", (2, 3, "x", "range")),
    ("from 8K to 128K tokens", (8, 128, "K token", "range")),
    ("it costs $0.25/M tokens", (0.25, "USD per 1M tokens", "exact")),
    ("just over 50 ms", (50, "ms", "lower_bound")),
    ("GPT-3 (175B)", (175, "billion parameter", "exact")),
    ("an inference bill of $700,000 per day", (700000, "USD/day", "exact")),
    ("the campus needs more than 3 GW", (3, "GW", "lower_bound")),
    ("training costs are rising into the billions of dollars", (1, "billion USD", "lower_bound")),
    ("it costs hundreds of millions of dollars", (100, "million USD", "lower_bound")),
    ("about 13 billion parameters per token", (13, "billion parameter", "approx")),
]


@pytest.mark.parametrize("text,expected", MORE_FORMS, ids=[m[0] for m in MORE_FORMS])
def test_more_forms(text, expected):
    assert key(one(text)) == expected


# ---------------------------------------------------------------- what is not a claim

NOT_CLAIMS = [
    "In 2024 the market changed; by March 18, 2024 and 2025-06-02 it had changed again.",
    "Trends in Artificial Intelligence - Page 131 | Page 130 Page 132",
    "Current Time 0:00 Duration 12:41 Loaded: 0% Remaining Time 0:00",
    "1x",
    "GPT-4 and Llama-3 run on the H100 and the B200; Mixtral 8x7B is sparse.",
    "NousCoder-14B and DeepSeek-V3 are open models; so is Qwen2.5-72B.",
    "the cost-per-token* metric [3] and footnote¹ and [#1432]",
    "Release v1.2.3 (replacing v2.2.0) with CUDA 12.4, driver 550.54.15 and Python 3.11.",
    "Comments (14) · 2.1K shares · 6 min read · Listen 0:00 / 7:42",
    "Only 3 of the top 10 labs use 16-bit weights.",
    "In the 1990s and 2020s, one token meant little; Claude 3.5 and Gemini 1.5 Pro arrived later.",
    "A 10,000-GPU cluster and 8-GPU nodes, with the 5-year TCO.",
    "It has about 47 billion parameters, not 56 billion.",
    "No numbers here at all, only words about AI economics.",
    "",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(text):
    found = extract_text(text)
    if text.startswith("It has about 47"):
        assert [(d.value, d.unit) for d in found] == [(47, "billion parameter")]
    else:
        assert found == [], [(d.raw, d.unit) for d in found]


def test_model_names_with_digits_next_to_claims():
    text = "Llama 3.1 405B has 405 billion parameters; GPT-4 on an H100 drew 700 W."
    drafts = extract_text(text, ENTITIES, PROPERTIES)
    assert [(d.value, d.unit) for d in drafts] == [(405, "billion parameter"), (700, "W")]


# ---------------------------------------------------------------- offsets

OFFSET_TEXT = (
    "Hardware is improving – for example, NVIDIA’s 2024 Blackwell GPU consumes 105,000x less energy per token "
    "than its 2014 Kepler GPU predecessor.\n\n"
    "OpenAI, for instance, has been reported to have a burn rate exceeding $100 million per month, primarily "
    "driven by infrastructure costs. Current estimates suggest that costs can range from $0.01 to $0.05 per token, "
    "depending on the model and usage.\n• The H100 consumes ~400 W. Page 131"
)


def test_offsets_are_exact():
    drafts = extract_text(OFFSET_TEXT, ENTITIES, PROPERTIES)
    assert [d.raw for d in drafts] == ["105,000x", "exceeding $100 million per month",
                                       "$0.01 to $0.05 per token", "~400 W"]
    for d in drafts:
        assert OFFSET_TEXT[d.start:d.end] == d.quote
        assert OFFSET_TEXT[d.span_start:d.span_end] == d.raw
        assert d.start <= d.span_start < d.span_end <= d.end
        assert d.quote == d.quote.strip()
    quotes = [d.quote for d in drafts]
    assert quotes[1] == ("OpenAI, for instance, has been reported to have a burn rate exceeding "
                         "$100 million per month")
    assert quotes[2] == "Current estimates suggest that costs can range from $0.01 to $0.05 per token"
    assert quotes[3] == "The H100 consumes ~400 W"


def test_offsets_are_code_points_with_non_ascii_text():
    text = "Ünïcödé — “quotes” 🚀 first; then the GPU draws 700 W. Then 💬 it costs $2 per hour."
    for d in extract_text(text):
        assert text[d.span_start:d.span_end] == d.raw
        assert text[d.start:d.end] == d.quote


def test_repeated_block_is_recorded_once():
    block = "The H100 consumes around 400 watts during peak operation.\n"
    drafts = extract_text(block + "Other text.\n" + block)
    assert len(drafts) == 1 and drafts[0].span_start < len(block)


def test_a_row_two_tables_share_is_a_claim_in_each_and_a_repeated_table_is_one():
    # two runs' results; the disk row reads the same in both, the throughput rows differ
    first = ("### Card A\n\n| Metric | Engine X | Engine Y |\n|---|---|---|\n"
             "| Throughput (token/s) | 90 | 140 |\n| Disk size (GB) | 4.07 | 3.66 |\n\n")
    second = first.replace("Card A", "Card B").replace("| 90 | 140 |", "| 100 | 166 |")
    drafts = extract_text(first + second)
    assert sorted(d.raw for d in drafts if "GB" in d.unit) == ["3.66", "3.66", "4.07", "4.07"]
    # the same table again, word for word, is one block (its heading aside)
    again = first + first.replace("Card A", "Card A, again")
    assert sorted(d.raw for d in extract_text(again) if "GB" in d.unit) == ["3.66", "4.07"]


def test_value_text_keeps_trailing_zeros():
    d = one("GPT-4o costs $2.50 per million input tokens")
    assert d.value == 2.5 and d.value_text == "2.50"


# ---------------------------------------------------------------- guesses

def guesses(text):
    return [(d.raw, d.entity, d.property) for d in extract_text(text, ENTITIES, PROPERTIES)]


def test_entity_and_property_guesses():
    text = ("OpenAI’s GPT-4o is reported to have a staggering 405 billion parameters. "
            "For instance, the H100 has a theoretical peak performance of 60 teraflops for FP16 operations, "
            "and its power can reach up to 700 watts. OpenAI has a burn rate exceeding $100 million per month. "
            "NVIDIA’s 2024 Blackwell GPU consumes 105,000x less energy per token than its 2014 Kepler GPU.")
    assert guesses(text) == [
        ("405 billion parameters", "gpt-4o", "parameters-total"),
        ("60 teraflops", "nvidia-h100", "peak-throughput"),
        ("up to 700 watts", "nvidia-h100", "tdp"),
        ("exceeding $100 million per month", "openai", "cash-burn-rate"),
        ("105,000x", "nvidia-blackwell", "energy-per-token-improvement"),
    ]


def test_variant_alias_wins_over_family():
    assert guesses("The H100 SXM5 is rated at 700 W.") == [("700 W", "nvidia-h100-sxm", "tdp")]


def test_property_from_nearby_words_when_units_agree():
    assert guesses("OpenAI lost $540 million in 2022 on revenue of $28 million.") == [
        ("$540 million", "openai", "net-loss"), ("$28 million", "openai", "revenue")]
    assert guesses("GPT-4 activates about 13 billion parameters per token.")[0][2] == "parameters-active"
    assert guesses("GPT-4 has about 47 billion parameters.")[0][2] == "parameters-total"


def test_implausible_value_gets_no_property():
    # 1.9 GW is a campus, not a board's power: a thousand times beyond any plausible TDP
    assert guesses("The H100 campus needs 1.9 GW.")[0][2] is None


def test_kind_filter_and_confidence():
    drafts = extract_text("The H100 costs $2 per hour to rent.", ENTITIES, PROPERTIES)
    d = drafts[0]
    assert (d.entity, d.property, d.unit) == ("nvidia-h100", "rental-price", "USD/hour")
    assert 0 < d.entity_confidence <= 1 and 0 < d.property_confidence <= 1
    assert d.conditions == {}


def test_conditions_guessed():
    text = "The H100 SXM5 delivers 989 TFLOPS of dense FP16 and 1,979 TFLOPS with sparsity."
    cvocab = {"precision": {"values": ["fp32", "fp16", "fp8"]}}
    conds = [d.conditions for d in extract_text(text, ENTITIES, PROPERTIES, conditions=cvocab)]
    assert conds == [{"precision": "fp16", "sparsity": "dense"}, {"precision": "fp16", "sparsity": "sparse"}]
    d = extract_text("GPT-4o costs $5 per million input tokens.", ENTITIES, PROPERTIES)[0]
    assert d.conditions == {"direction": "input"}
    d = extract_text("Blackwell uses 25x less energy than Kepler.", ENTITIES, PROPERTIES)[0]
    assert (d.entity, d.conditions) == ("nvidia-blackwell", {"baseline": "nvidia-kepler"})


def test_each_price_of_a_pair_takes_its_own_direction():
    """Both direction words are in the second price's context ("... $0.03 / 1K tokens of input
    and $0.06 / 1K tokens of output"): the word nearest the number decides, in prose and in a
    table cell holding the pair; a cell naming none keeps the column's word."""
    text = "At launch it cost $0.03 / 1K tokens of input and $0.06 / 1K tokens of output for GPT-4o."
    assert [d.conditions.get("direction") for d in extract_text(text, ENTITIES, PROPERTIES)] == ["input", "output"]
    table = ("| Model | Price per 1M tokens |\n|---|---|\n| GPT-4o | $2.50 input / $10 output |\n"
             "| GPT-4o mini | $0.60 output, $0.15 input |\n")
    assert [(d.raw, d.conditions.get("direction")) for d in extract_text(table, ENTITIES, PROPERTIES)] == [
        ("$2.50", "input"), ("$10", "output"), ("$0.60", "output"), ("$0.15", "input")]
    table = "| Model | Input price per 1M tokens |\n|---|---|\n| GPT-4o | $2.50 |\n"
    assert [d.conditions.get("direction") for d in extract_text(table, ENTITIES, PROPERTIES)] == ["input"]
    text = "GPT-4o costs $5 input / $15 output per million tokens."
    assert [(d.unit, d.conditions.get("direction")) for d in extract_text(text, ENTITIES, PROPERTIES)] == [
        ("USD per 1M tokens", "input"), ("USD per 1M tokens", "output")]


def test_no_registry_means_no_guesses():
    d = one("The H100 draws 700 W.")
    assert (d.entity, d.entity_confidence, d.property, d.property_confidence) == (None, 0.0, None, 0.0)


def test_real_registry_loads_and_guesses():
    reg = load_registry(ROOT)
    assert len(reg.entities) > 10 and len(reg.properties) > 5
    d = extract_text("OpenAI’s GPT-4o is reported to have a staggering 405 billion parameters.", reg)[0]
    assert (d.entity, d.property) == ("gpt-4o", "parameters-total")


def test_registry_tolerates_broken_files(tmp_path):
    (tmp_path / "datasets" / "entities").mkdir(parents=True)
    (tmp_path / "datasets" / "entities" / "bad.yaml").write_text("entities: [ {id: x\n", encoding="utf-8")
    (tmp_path / "datasets" / "entities" / "ok.yaml").write_text(
        "entities:\n  - {id: nvidia-h100, kind: gpu, aliases: [H100]}\n", encoding="utf-8")
    reg = load_registry(tmp_path)
    assert [e["id"] for e in reg.entities] == ["nvidia-h100"] and reg.properties == []


# ---------------------------------------------------------------- large and odd inputs

def test_large_text_is_linear():
    import time

    text = (OFFSET_TEXT + "\n") * 800  # ~0.5 MB of one block repeated
    drafts = extract_text(text, ENTITIES, PROPERTIES)
    assert len(drafts) == 4  # the repeats are one block

    line = "The H100 draws {} W and costs ${}.{} per hour, said OpenAI. "

    def seconds(n):  # n different sentences, no blank line: best of two runs, CPU time (other
        # processes on a shared machine slow the wall clock, not this process's CPU time)
        text = "".join(line.format(i, i % 97, i % 89) for i in range(n))
        best = float("inf")
        for _ in range(2):
            t0 = time.process_time()
            drafts = extract_text(text, ENTITIES, PROPERTIES)
            best = min(best, time.process_time() - t0)
        assert len(drafts) == 2 * n
        return best

    small, large = seconds(1000), seconds(8000)
    assert large / small < 16  # linear: ~8; quadratic: ~64


@pytest.mark.parametrize("text", ["\x00\x01\x02", "$$$ % x × ~ — – -", "1" * 5000, "9" * 50 + " W",
                                  "$" * 1000, "1,000," * 500, ". " * 3000])
def test_odd_text_never_raises(text):
    for d in extract_text(text):
        assert text[d.span_start:d.span_end] == d.raw


# ---------------------------------------------------------------- the library and the CLI action

def _kb(*args, root=ROOT):
    from click.testing import CliRunner

    from kb.cli import main

    return CliRunner().invoke(main, [*args, *(["--root", str(root)] if root else [])])


def test_extract_file_returns_the_document(tmp_path):
    from kb.extract.drafts import extract_file

    src = tmp_path / "a.txt"
    src.write_text("The H100 has a TDP of up to 700 W.\n", encoding="utf-8")
    doc = extract_file(src, ROOT)
    assert doc["source"] == "a"
    (rec,) = doc["drafts"]
    assert rec["value"] == 700 and rec["unit"] == "W" and rec["qualifier"] == "upper_bound"
    assert rec["entity"] == "nvidia-h100" and rec["property"] == "tdp"
    assert set(rec["confidence"]) == {"value", "entity", "property"}
    assert all(0 < c <= 1 for c in rec["confidence"].values())
    text = src.read_text(encoding="utf-8")
    assert text[rec["start"]:rec["end"]] == rec["quote"]


def test_extract_cli_yaml(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("The H100 has a TDP of up to 700 W.\n", encoding="utf-8")
    res = _kb("extract", str(src))
    assert res.exit_code == 0, res.output
    doc = yaml.safe_load(res.output)
    assert doc["source"] == "a" and doc["drafts"][0]["property"] == "tdp"


def test_extract_cli_json_and_trailing_zeros(tmp_path):
    src = tmp_path / "b.txt"
    src.write_text("It costs $2.50 per 1M tokens and $0.00001 per token.", encoding="utf-8")
    res = _kb("extract", str(src), "--format", "json", root=None)
    assert res.exit_code == 0, res.output
    doc = json.loads(res.output)
    assert [r["value"] for r in doc["drafts"]] == ["2.50", 1e-05]


@pytest.mark.parametrize("content,msg", [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"caf\xe9 costs $2", "UTF-8"),
])
def test_extract_bad_input(tmp_path, content, msg):
    from kb.errors import ExtractError
    from kb.extract.drafts import extract_file

    src = tmp_path / "bad.txt"
    src.write_bytes(content)
    with pytest.raises(ExtractError, match=msg):
        extract_file(src, tmp_path)
    res = _kb("extract", str(src), root=None)
    assert res.exit_code == 2 and msg in res.output and "Traceback" not in res.output
    assert res.output.count("\n") == 1


def test_extract_missing_file(tmp_path):
    res = _kb("extract", str(tmp_path / "nope.txt"), root=None)
    assert res.exit_code == 2 and "no such file" in res.output


def test_extract_no_numbers_gives_empty_draft(tmp_path):
    src = tmp_path / "words.txt"
    src.write_text("Nothing numeric here.\n", encoding="utf-8")
    res = _kb("extract", str(src), root=None)
    assert yaml.safe_load(res.output) == {"source": "words", "drafts": []}


def test_extract_script_only_html(tmp_path):
    src = tmp_path / "page.html"
    src.write_text("<html><head><script>var a = '700 W';</script></head><body><script>x()</script></body></html>",
                   encoding="utf-8")
    res = _kb("extract", str(src), root=None)
    assert res.exit_code == 2 and "no main text" in res.output


def test_draft_id_prefix():
    assert draft_id_prefix("000_f7fd7c52cf5c4f3d") == "s000"
    assert draft_id_prefix("My Article (2024)") == "my-article-2024"


# ---------------------------------------------------------------- the corpus and the evaluation

CORPUS = ROOT / "tests" / "extract_corpus"


@pytest.mark.parametrize("txt", sorted(CORPUS.glob("*/*.txt")), ids=lambda p: p.name)
def test_corpus_gold_is_well_formed(txt):
    from kb.extract.evaluate import corpus_gold, normalise

    text = txt.read_text(encoding="utf-8")
    doc = yaml.safe_load(txt.with_suffix(".gold.yaml").read_text(encoding="utf-8"))
    for c in doc["claims"]:
        assert text.count(c["at"]) == 1 or "nth" in c, c["at"]
        assert c["qualifier"] in ("exact", "approx", "upper_bound", "lower_bound", "range")
        assert ("value" in c) != ("low" in c and "high" in c), c
        assert normalise(c.get("value", c.get("low")), c["unit"]) is not None, c["unit"]
    _, gold, ignored = corpus_gold(txt)
    assert sum(g.records for g in gold) == len(doc["claims"]) and ignored == []


def test_evaluation_meets_targets_on_dev_and_holdout():
    from kb.extract.evaluate import evaluate

    result = evaluate(ROOT, timing=False, only=["self-dev", "self-holdout"], baseline=False)
    assert result["sets"]["self-dev"]["ours"]["f1"] >= 0.95
    assert result["sets"]["self-holdout"]["ours"]["f1"] >= 0.9


# ---------------------------------------------------------------- forms of real writing (issue 14)

REAL_FORMS = [
    # ranges sharing a unit
    ("rents for $10–15/hour", (10, 15, "USD/hour", "range")),
    ("a budget of $8K–12K/month", (8, 12, "K USD/month", "range")),
    ("raised $3.0M–$6.0M so far", (3, 6, "million USD", "range")),
    ("each absorb $160–245 B.", (160, 245, "billion USD", "range")),
    ("from 64-512 GPUs", (64, 512, "GPU", "range")),
    # units after a slash or "per", with a qualifier
    ("it costs $3.933/H100-h now", (3.933, "USD/GPU-hour", "exact")),
    ("it costs $31.464 per p5.48xlarge hour", (31.464, "USD/hour", "exact")),
    ("about $4.5 k/month", (4.5, "K USD/month", "approx")),
    ("at $0.22/hour per GPU", (0.22, "USD/GPU-hour", "exact")),
    ("networking of $7,800 per GPU", (7800, "USD", "exact")),
    # scale letters glued to numbers
    ("a 54-day run", (54, "day", "exact")),
    ("it took 31.85M H100-h in total", (31.85, "million GPU-hour", "exact")),
    ("costs 2664K GPU hours", (2664, "K GPU-hour", "exact")),
    ("trained on 15.6T tokens", (15.6, "trillion token", "exact")),
    ("it was trained on 15.6T", (15.6, "trillion token", "exact")),
    ("a 405B model", (405, "billion parameter", "exact")),
    ("likely 1B-7B in size", (1, 7, "billion parameter", "range")),
    # number words
    ("it is twice as fast", (2, "x", "exact")),
    ("a tenfold rise", (10, "x", "exact")),
    ("at a third of the price", (1 / 3, "x", "exact")),
    ("one-fifteenth of a teaspoon of water", (1 / 15, "teaspoon", "exact")),
    ("with 1/10th the cost", (0.1, "x", "exact")),
    ("roughly half the current market rate", (0.5, "x", "approx")),
    ("data centres may double their consumption", (100, "percent", "exact")),
    ("the load roughly tripled", (3, "x", "approx")),
    ("halving the memory it needs", (0.5, "x", "exact")),
    ("in less than two months", (2, "month", "upper_bound")),
    # counts
    ("a cluster of 100,000 GPUs", (100000, "GPU", "exact")),
    ("on 512 H100s", (512, "GPU", "exact")),
    ("an 8x H100 node", (8, "GPU", "exact")),
    ("deploying 64 H100 GPUs", (64, "GPU", "exact")),
    ("a downside of 12 M subs", (12, "million user", "exact")),
    ("over 800 million weekly users", (800, "million user", "lower_bound")),
    ("a 2,000 words essay", (2000, "word", "exact")),
    ("a report of 40 pages", (40, "page", "exact")),
    ("8 servers with", (8, "node", "exact")),
    ("the model has 105 layers", (105, "x", "exact")),
    ("on a single A100", (1, "GPU", "exact")),
    # dimensionless figures named by a word
    ("a facility with PUE 1.2", (1.2, "x", "exact")),
    ("- Cooling: PUE: 1.3", (1.3, "x", "exact")),
    # percent comparisons: ratios and changes (the curation brief's conventions)
    ("a 35-45% higher capital cost", (35, 45, "percent", "range")),
    ("at 20-30% lower hourly rates", (-30, -20, "percent", "range")),
    ("a 60-80% decline", (-80, -60, "percent", "range")),
    ("AWS's 44% price cut", (-44, "percent", "exact")),
    ("a 160% increase", (160, "percent", "exact")),
    ("prices have fallen ~40% from peak", (-40, "percent", "approx")),
    ("cut our costs by 85% without", (-85, "percent", "exact")),
    # LaTeX and Markdown around numbers
    ("$$= 109\\text{ms}$$", (109, "ms", "exact")),
    ("$18 \\frac{\\text{Wh}}{\\text{query}}$", (18, "Wh/query", "exact")),
    ("**$2.49/hour for PCIe**", (2.49, "USD/hour", "exact")),
    ("[used 30.8M](https://x.com/a/status/1872432770691318224) GPU hours", (30.8, "million GPU-hour", "exact")),
]


@pytest.mark.parametrize("text,expected", REAL_FORMS, ids=[f[0] for f in REAL_FORMS])
def test_real_forms(text, expected):
    d = one(text)
    got = key(d)
    assert got[:-2] == pytest.approx(expected[:-2]) and got[-2:] == expected[-2:], got


NOT_CLAIMS_REAL = [
    "in the 1990s the A100 80GB PCIe and H100 80GB SXM did not exist",
    "Llama 8B and Mistral 7B are small",
    "For 8-bit it's half, and the 5-year cost is high.",
    "Trends in Artificial Intelligence - Page 131 | Page 130 Page 132",
    "see status/1872432770691318224 and https://example.com/a/100-GPUs/2024",
]


@pytest.mark.parametrize("text", NOT_CLAIMS_REAL)
def test_not_claims_in_real_writing(text):
    assert extract_text(text) == [], [(d.raw, d.unit) for d in extract_text(text)]


def test_restated_operands_are_left_out_new_ones_kept():
    # an operand that restates a number read earlier is that number (curators record it once);
    # one stated nowhere else is a quantity of its own (issue 13: compact arithmetic)
    text = "With 256 H100s for 102 hours.\nCost at $98.32/hr (AWS p5): 256 x 102 x $98.32 = ~$2.57M"
    assert [(d.raw, d.unit) for d in extract_text(text)] == [
        ("256 H100s", "GPU"), ("102 hours", "hour"), ("$98.32/hr", "USD/hour"), ("~$2.57M", "million USD")]
    text = "Cost at $98.32/hr (AWS p5): 256 x 102 x $98.32 = ~$2.57M"
    assert [(d.raw, d.unit) for d in extract_text(text)] == [
        ("$98.32/hr", "USD/hour"), ("256", "item"), ("102", "item"), ("~$2.57M", "million USD")]
    # a bare digit among bare numbers is a constant of the working; the product of counts a count
    assert [(d.raw, d.unit) for d in extract_text("Cost at 256 x 102 x 8 = 208,896 units")] == [
        ("256", "item"), ("102", "item"), ("208,896", "item")]


def test_count_holding_another_quantity():
    drafts = extract_text("roughly 52 million 700 W accelerators")
    assert [(d.value, d.unit) for d in drafts] == [(52, "million GPU"), (700, "W")]


def test_changes_from_one_value_to_another_are_two_claims():
    # (both a month's spend: "monthly ... usage had jumped from", as the curators record them)
    drafts = extract_text("Our monthly GPT-4 usage had jumped from $300 to $4,200.")
    assert [(d.value, d.unit, d.qualifier) for d in drafts] == [(300, "USD/month", "exact"),
                                                                 (4200, "USD/month", "exact")]


def test_a_change_verb_carries_over_an_and():
    drafts = extract_text("Batching reduced our API calls by 75% and token usage by 40%.")
    assert [(d.value, d.unit) for d in drafts] == [(-75, "percent"), (-40, "percent")]


MARKDOWN_TABLE = """\
## Foundation models

| Model | GPUs | GPU-Hours | Compute Cost | TDP (W) | H100 On-Demand $/hr |
|-------|------|-----------|--------------|---------|---------------------|
| GPT-4 | ~25K A100s | ~50M | ~$63M | 400 | $32-$36 |
| Llama 3.1 405B | 16K H100s | ~30.8M | ~$37M | 700 | $40+ |
"""


def test_markdown_table_cells_take_their_headers():
    drafts = extract_text(MARKDOWN_TABLE, ENTITIES, PROPERTIES)
    got = [(d.raw, d.value if d.value is not None else (d.low, d.high), d.unit, d.qualifier) for d in drafts]
    assert got == [
        ("~25K A100s", 25, "K GPU", "approx"), ("~50M", 50, "million GPU-hour", "approx"),
        ("~$63M", 63, "million USD", "approx"), ("400", 400, "W", "exact"),
        ("$32-$36", (32, 36), "USD/hour", "range"),
        ("16K H100s", 16, "K GPU", "exact"), ("~30.8M", 30.8, "million GPU-hour", "approx"),
        ("~$37M", 37, "million USD", "approx"), ("700", 700, "W", "exact"), ("$40+", 40, "USD/hour", "lower_bound"),
    ]
    row = MARKDOWN_TABLE.splitlines()[4]
    for d in drafts[:5]:
        assert d.quote == row and MARKDOWN_TABLE[d.start:d.end] == d.quote
        assert d.context == {"row": "GPT-4", "column": d.context["column"]}
    assert drafts[0].context["column"] == "GPUs"
    assert [d.entity for d in drafts[:3]] == ["gpt-4", "gpt-4", "gpt-4"]
    assert [d.entity for d in drafts[5:8]] == ["llama-3.1-405b"] * 3


def test_table_unit_in_the_corner_and_columns_as_conditions():
    text = ("The A100 specs:\n\n| Data type \\ TFLOPS | w/o Sparsity | w/ Sparsity |\n| :-- | --: | --: |\n"
            "| FP16 Tensor Core | 312 | 624 |\n")
    cvocab = {"precision": {"values": ["fp32", "fp16", "fp8"]}}
    drafts = extract_text(text, ENTITIES + [{"id": "nvidia-a100", "kind": "gpu", "aliases": ["A100"]}], PROPERTIES,
                          conditions=cvocab)
    assert [(d.value, d.unit, d.entity, d.property) for d in drafts] == [
        (312, "TFLOPS", "nvidia-a100", "peak-throughput"), (624, "TFLOPS", "nvidia-a100", "peak-throughput")]
    assert [d.conditions for d in drafts] == [{"precision": "fp16", "sparsity": "dense"},
                                              {"precision": "fp16", "sparsity": "sparse"}]


def test_scenario_rows_are_entities_of_the_article():
    text = ("### Fine-tuning estimates\n\n| Base Model | Examples | GPUs | Cost |\n|---|---|---|---|\n"
            "| Llama 3 70B | 50K examples | 64x H100 | ~$25K |\n| Llama 3 70B | 1M examples | 64x H100 | ~$450K |\n")
    props = PROPERTIES + [{"id": "workload-cost", "name": "Cost of a workload", "canonical_unit": "USD",
                           "plausible": {"workload": {"low": "0 USD", "high": "1e12 USD"}}},
                          {"id": "gpu-count", "name": "Number of GPUs", "canonical_unit": "GPU",
                           "plausible": {"workload": {"low": "1 GPU", "high": "1e7 GPU"}}}]
    ents = ENTITIES + [{"id": "llama-3-70b", "kind": "model", "aliases": ["Llama 3 70B"]}]
    drafts = extract_text(text, ents, props)
    assert all(d.entity is None and d.entity_new for d in drafts)
    assert [d.value for d in drafts if d.unit.endswith("example")] == [50, 1]  # the examples are counts too
    drafts = [d for d in drafts if not d.unit.endswith("example")]
    assert drafts[0].entity_new.startswith("Llama 3 70B, 50K examples")
    assert {d.property for d in drafts} == {"gpu-count", "workload-cost"}


LINK_ENTITIES = ENTITIES + [
    {"id": "llama-3-70b", "kind": "model", "family": "llama-3", "aliases": ["Llama 3 70B"]},
    {"id": "llama-3-8b", "kind": "model", "family": "llama-3", "aliases": ["Llama 3 8B"]},
    {"id": "llama-3.1", "kind": "model", "aliases": ["Llama 3.1"]},
    {"id": "llama-3.1-8b", "kind": "model", "family": "llama-3.1", "aliases": ["Llama 3.1 8B"]},
    {"id": "nvidia-h100-pcie", "kind": "gpu", "family": "nvidia-h100", "aliases": ["H100 PCIe"]},
    {"id": "aws", "kind": "organisation", "aliases": ["AWS"]},
]
LINK_PROPERTIES = PROPERTIES + [
    {"id": "gpu-count", "name": "Number of GPUs", "canonical_unit": "GPU",
     "conditions": ["hardware"], "plausible": {"model": {"low": "1 GPU", "high": "1e7 GPU"}}},
    {"id": "ratio", "name": "Ratio", "canonical_unit": "x", "conditions": []},
    {"id": "memory-bandwidth", "name": "GPU memory bandwidth", "canonical_unit": "TB/s", "conditions": ["scope"],
     "plausible": {"gpu": {"low": "0.1 TB/s", "high": "50 TB/s"}}},
]


def test_model_sizes_resolve_to_the_variant():
    text = ("Llama 3.1 405B was trained on 16K H100s. The Llama 3 70B model has 70 billion parameters, "
            "and Llama 3.1 supports a 128K context.")
    drafts = extract_text(text, LINK_ENTITIES, LINK_PROPERTIES)
    got = [(d.raw, d.entity, d.property) for d in drafts]
    assert got == [("16K H100s", "llama-3.1-405b", "gpu-count"), ("70 billion parameters", "llama-3-70b", "parameters-total"),
                   ("128K", "llama-3.1", "context-window")]
    assert drafts[0].conditions == {"hardware": "nvidia-h100"}


def test_a_variant_named_by_its_suffix():
    text = "The H100 PCIe and SXM5 variants differ. The SXM5 delivers 700 W; the PCIe version consumes 350 W."
    drafts = extract_text(text, LINK_ENTITIES, LINK_PROPERTIES)
    assert [(d.raw, d.entity) for d in drafts] == [("700 W", "nvidia-h100-sxm"), ("350 W", "nvidia-h100-pcie")]


def test_conditions_from_cues():
    cvocab = {"precision": {"values": ["fp16", "fp8"]}}
    props = [p for p in LINK_PROPERTIES if p["id"] not in ("rental-price", "inference-latency")] + [
        {"id": "inference-latency", "name": "Inference latency", "canonical_unit": "s",
         "conditions": ["statistic", "batch_size", "model"], "plausible": {"gpu": {"low": "0.001 s", "high": "600 s"}}},
        {"id": "rental-price", "name": "GPU rental price", "canonical_unit": "USD/hour",
         "conditions": ["scope", "pricing", "provider"], "plausible": {"gpu": {"low": "0.05 USD/hour", "high": "100 USD/hour"}}}]
    d = extract_text("The H100 delivers 3,958 TFLOPS of FP8 with sparsity.", LINK_ENTITIES, props, conditions=cvocab)[0]
    assert d.conditions == {"precision": "fp8", "sparsity": "sparse"}
    d = extract_text("On the H100 the p99 latency was 1.2 s at batch size 64.", LINK_ENTITIES, props)[0]
    assert d.conditions == {"statistic": "p99", "batch_size": "64"}
    d = extract_text("AWS charges $98.32/hour per node for 8 H100s on demand.", LINK_ENTITIES, props)[0]
    assert d.conditions["scope"] == "per-node" and d.conditions["pricing"] == "on-demand"
    d = extract_text("GPT-4o costs $10 per million output tokens.", LINK_ENTITIES, props)[0]
    assert d.conditions == {"direction": "output"}
    # a chip is one accelerator: a figure per chip is per GPU (a TPU's bandwidth, one die of a pair)
    memory = [{"id": "memory-capacity", "name": "Memory capacity", "canonical_unit": "GB", "conditions": ["scope"]}]
    d = extract_text("The H100 carries 80 GB of HBM per chip.", LINK_ENTITIES, props + memory)[0]
    assert d.conditions == {"scope": "per-gpu"}


def test_percent_comparisons_are_ratios_and_changes():
    drafts = extract_text("The H100 has 67% greater memory bandwidth; H100 prices fell 40% last year.",
                          LINK_ENTITIES, LINK_PROPERTIES + [{"id": "change", "name": "Change", "canonical_unit": "percent"}])
    assert [(d.value, d.unit, d.property) for d in drafts] == [(67, "percent", "change"), (-40, "percent", "change")]


def test_a_percent_comparison_in_a_table_cell_is_a_signed_change():
    """A table cell that states how one figure of its row compares with another ("| 57% faster |",
    "| 20% less |") is a change of +57% or -20%, as the curators record it (docs/data-format.md);
    as in prose "67% greater" (above); a signed percent under a column of a relative difference
    ("| +30% |" under "Price premium", "| -12% |" under "Savings") a signed change too
    (docs/data-format.md's *Readings the curation settles*), and "30% faster TTFT" compares two
    times, the other's over this one's."""
    props = LINK_PROPERTIES + [{"id": "change", "name": "Change", "canonical_unit": "percent"}]
    table = ("| Metric | Engine A | Engine B | Difference |\n|---|---|---|---|\n"
             "| Throughput (token/s) | 80 | 124 | ✅ 55% faster |\n"
             "| RAM used (GB) | 0.5 | 0.4 | 20% less |\n"
             "| Disk size (GB) | 4.0 | 3.6 | up to 10% smaller |\n"
             "| Cost per hour | $2.00 | $1.20 | 40% cheaper |\n"
             "| First token | 500 ms | 385 ms | 30% faster TTFT |\n")
    got = [(d.value, d.unit, d.property, d.qualifier) for d in extract_text(table, LINK_ENTITIES, props)
           if d.unit in ("percent", "x")]
    assert got == [(55, "percent", "change", "exact"), (-20, "percent", "change", "exact"),
                   (-10, "percent", "change", "lower_bound"), (-40, "percent", "change", "exact"),
                   (1.3, "x", "ratio", "exact")]
    premium = "| GPU | Price premium | Savings |\n|---|---|---|\n| H100 | +30% | -12% |\n"
    assert [(d.value, d.unit) for d in extract_text(premium, LINK_ENTITIES, props) if d.unit in ("percent", "x")] \
        == [(30, "percent"), (-12, "percent")]


def test_every_draft_has_calibrated_confidences():
    drafts = extract_text(MARKDOWN_TABLE + "\n" + OFFSET_TEXT, LINK_ENTITIES, LINK_PROPERTIES)
    for d in drafts:
        assert 0 < d.confidence <= 1
        assert set(d.evidence) >= {"value"}
        if d.entity:
            assert 0 < d.entity_confidence <= 1 and "entity" in d.evidence
        if d.property:
            assert 0 < d.property_confidence <= 1 and "property" in d.evidence


# ---------------------------------------------------------------- the evaluation on real articles

def _mini_kb(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    (root / "claims").mkdir(parents=True)
    (root / "datasets" / "sources").mkdir(parents=True)
    (root / "tests" / "extract_corpus").mkdir(parents=True)
    text = "The H100 draws 700 W. Only 3 US plants are online. A 7B model costs $2/hour.\n"
    (root / "datasets" / "sources" / "r90-mini.txt").write_text(text, encoding="utf-8")
    claims = {"source": "r90-mini", "claims": [
        {"id": "a", "entity": "nvidia-h100", "property": "power-draw", "value": 700, "unit": "W", "qualifier": "exact",
         "quote": "The H100 draws 700 W", "start": 0, "end": 20},
        {"id": "b", "entity": "r90-mini-model", "property": "rental-price", "value": 2, "unit": "USD/hour",
         "qualifier": "exact", "quote": "costs $2/hour", "start": text.index("costs"), "end": text.index("costs") + 13}],
        "unrecorded": [{"quote": "Only 3 US plants", "start": text.index("Only"), "end": text.index("Only") + 16,
                        "reason": "no-property"}]}
    (root / "claims" / "r90-mini.yaml").write_text(yaml.safe_dump(claims), encoding="utf-8")
    (root / "tests" / "extract_corpus" / "real.yaml").write_text(
        "dev: [r90-mini]\nholdout: [r99-not-there]\nseeds: []\n", encoding="utf-8")
    return root


def test_evaluation_reads_the_knowledge_base_and_skips_what_is_missing(tmp_path):
    from kb.extract.evaluate import evaluate, render

    result = evaluate(_mini_kb(tmp_path), timing=False, baseline=False, only=["real-dev", "real-holdout"])
    dev, held = result["sets"]["real-dev"], result["sets"]["real-holdout"]
    assert dev["files"] == 1 and dev["ours"]["gold"] == 2
    assert held["files"] == 0 and held["missing"] == ["r99-not-there"]
    assert "skipped (not in the knowledge base): r99-not-there" in render(result)
    # "7B" is no claim of the gold; "3 US plants" is unrecorded: neither is a spurious prediction
    assert dev["ours"]["recall"] == 1.0
    assert set(dev["ours"]["calibration"]) == {"value", "entity", "property"}


def test_the_halves_of_the_development_set_are_sets_of_their_own_only_when_asked_for(tmp_path, capsys, monkeypatch):
    from kb.extract.evaluate import evaluate, main

    monkeypatch.setenv("PYTHONHASHSEED", "0")  # (else main runs itself again in a subprocess)
    root = _mini_kb(tmp_path)
    (root / "tests" / "extract_corpus" / "real.yaml").write_text(
        "dev: [r90-mini, r91-not-there, r92-not-there]\nholdout: []\nseeds: []\n", encoding="utf-8")
    result = evaluate(root, timing=False, baseline=False, only=["real-dev-A", "real-dev-B"])
    a, b = result["sets"]["real-dev-A"], result["sets"]["real-dev-B"]
    assert (a["files"], a["missing"]) == (1, ["r92-not-there"])  # dev[0::2]
    assert (b["files"], b["missing"]) == (0, ["r91-not-there"])  # dev[1::2]
    assert "real-dev-A" not in evaluate(root, timing=False, baseline=False)["sets"]  # not by default
    assert main(["--root", str(root), "--sets", "real-dev-C", "--no-timing", "--no-baseline"]) == 2
    assert "unknown set: real-dev-C" in capsys.readouterr().err


def test_gold_of_a_claims_file():
    from kb.extract.evaluate import claims_gold

    text = "| H100 | 312 | 312 |\n"
    doc = {"claims": [
        {"entity": "a", "property": "p", "value": 312, "unit": "TFLOPS", "start": 0, "end": 20},
        {"entity": "b", "property": "p", "value": 312, "unit": "TFLOPS", "start": 0, "end": 20},
        {"entity": "r07-x", "property": "p", "value": 1, "unit": "x", "start": 0, "end": 5}],
        "unrecorded": [{"start": 2, "end": 6}]}
    gold, ignored = claims_gold(text, doc, "r07-article")
    assert [(g.records, sorted(g.entities), g.article_only) for g in gold] == [(2, ["a", "b"], False), (1, ["r07-x"], True)]
    assert ignored == [(2, 6)]


# ---------------------------------------------------------------- linking: forms, sizes, lists, pairs, tiers

MORE_ENTITIES = LINK_ENTITIES + [
    {"id": "anthropic", "kind": "organisation", "aliases": ["Anthropic"]},
    {"id": "claude-opus-4.5", "kind": "model", "vendor": "anthropic", "aliases": ["Claude Opus 4.5"]},
    {"id": "o3", "kind": "model", "vendor": "openai", "aliases": ["OpenAI o3"]},
    {"id": "mistral", "kind": "organisation", "aliases": ["Mistral"]},
    {"id": "mistral-7b", "kind": "model", "vendor": "mistral", "aliases": ["Mistral 7B"]},
    {"id": "nvidia-a100", "kind": "gpu", "aliases": ["A100"]},
    {"id": "nvidia-h200", "kind": "gpu", "aliases": ["H200"]},
]
MORE_PROPERTIES = LINK_PROPERTIES + [
    {"id": "memory-capacity", "name": "GPU memory capacity", "canonical_unit": "GB",
     "plausible": {"gpu": {"low": "1 GB", "high": "2000 GB"}}},
    {"id": "cuda-cores", "name": "CUDA cores", "description": "Number of CUDA cores.", "canonical_unit": "core",
     "plausible": {"gpu": {"low": "1 core", "high": "100000 core"}}},
]


def test_names_written_in_other_orders_and_without_the_vendor():
    drafts = extract_text("Claude 4.5 Opus costs $15 per 1M input tokens, and o3 costs $2 per 1M input tokens.",
                          MORE_ENTITIES, MORE_PROPERTIES)
    assert [(d.raw, d.entity) for d in drafts] == [("$15 per 1M input tokens", "claude-opus-4.5"),
                                                   ("$2 per 1M input tokens", "o3")]
    # a bare size is never a name, even where "Mistral 7B" minus its vendor would read "7B"
    drafts = extract_text("A 7B model has 7 billion parameters.", MORE_ENTITIES, MORE_PROPERTIES)
    assert [d.raw for d in drafts] == ["7B", "7 billion parameters"]  # "7B" read as a number, not as a name
    assert all(d.entity != "mistral-7b" for d in drafts)


def test_a_family_and_a_size_is_the_variant_of_that_size():
    drafts = extract_text("Llama 3 comes in two sizes: 8B for consumer GPUs, and 70B for large-scale applications.",
                          MORE_ENTITIES, MORE_PROPERTIES)
    assert [(d.raw, d.entity, d.property) for d in drafts] == [("8B", "llama-3-8b", "parameters-total"),
                                                               ("70B", "llama-3-70b", "parameters-total")]


def test_the_line_that_introduces_a_list_names_its_items_entity():
    text = "Streaming multiprocessors hold the cores.\n\nFor example, the A100 has:\n\n- 6912 CUDA cores\n- 108 SMs\n"
    drafts = extract_text(text, MORE_ENTITIES, MORE_PROPERTIES)
    d = next(d for d in drafts if d.raw.startswith("6912"))
    assert d.entity == "nvidia-a100"


def test_a_vs_b_goes_to_the_two_entities_in_order():
    drafts = extract_text("The H200 is the same as the H100 but has 141GB vs 80GB of HBM memory.",
                          MORE_ENTITIES, MORE_PROPERTIES)
    assert [(d.raw, d.entity) for d in drafts] == [("141GB", "nvidia-h200"), ("80GB", "nvidia-h100")]
    assert {d.evidence["entity"] for d in drafts} == {"pair|sure|kind"}


def test_pricing_tier_from_its_cues():
    props = MORE_PROPERTIES + []
    cvocab = {"tier": {"values": ["standard", "batch", "cached-input", "cache-write"]},
              "direction": {"values": ["input", "output"]}}
    props = [dict(p, conditions=["direction", "tier"]) if p["id"] == "token-price" else p for p in props]
    d = extract_text("GPT-4o cached input costs $1.25 per 1M tokens.", MORE_ENTITIES, props, conditions=cvocab)[0]
    assert d.conditions.get("tier") == "cached-input"
    d = extract_text("With the Batch API, GPT-4o costs $1.25 per 1M input tokens.", MORE_ENTITIES, props,
                     conditions=cvocab)[0]
    assert d.conditions == {"direction": "input", "tier": "batch"}
    d = extract_text("GPT-4o costs $2.50 per 1M input tokens at batch size 8.", MORE_ENTITIES, props, conditions=cvocab)[0]
    assert "tier" not in d.conditions  # a batch size is no pricing tier


# ---------------------------------------------------------------- calibration, cross-validated

def test_shrunk_rate_falls_back_on_its_kind_of_way_then_the_field():
    from kb.extract.linking import shrunk_rate

    counts = {"before|sure": [9, 10], "before|contested": [0, 0], "new|table": [1, 10]}
    unseen_before = shrunk_rate(counts, "before|contested", 4, 0.5)
    unseen_new = shrunk_rate(counts, "new|prose", 4, 0.5)
    assert unseen_before > 0.6 > 0.3 > unseen_new  # shrunk to its kind of way, not to one rate
    assert shrunk_rate(counts, "before|sure", 1, 0.5) > shrunk_rate(counts, "before|sure", 64, 0.5)
    assert abs(shrunk_rate({}, "x", 4, 0.7) - 0.7) < 1e-9


def test_cross_validation_leaves_each_article_out():
    from kb.extract.evaluate import _counts, cross_validated

    articles = [("a", {"value": [("t", True)] * 10, "entity": [], "property": []}),
                ("b", {"value": [("t", False)] * 10, "entity": [], "property": []})]
    pairs = cross_validated(articles, "value", 1.0, None)
    # a's guesses are predicted from b's record (all wrong) and the other way round
    assert all(c < 0.2 for c, ok in pairs if ok) and all(c > 0.8 for c, ok in pairs if not ok)
    assert _counts(articles, "value", 5) == {"t": [5.0, 10.0]}  # each article weighs at most 5 guesses
    assert _counts(articles, "value", None) == {"t": [10.0, 20.0]}


def test_calibration_file_says_how_it_was_fitted():
    from kb.extract.linking import CALIBRATION_PATH, calibrated

    cal = json.loads(CALIBRATION_PATH.read_text(encoding="utf-8"))
    for fld in ("value", "entity", "property"):
        assert cal[fld] and cal["settings"][fld]["smoothing"] > 0
        assert 0 <= cal["cv"][fld]["ece"] <= 1 and cal["cv"][fld]["n"] > 100
        for tag in cal[fld]:
            assert 0 < calibrated(fld, tag) < 1


def test_plausible_envelope_reads_lists_of_scoped_ranges():
    """A kind's plausible range may be a list of ranges, each for some conditions (``any:
    [...]`` in datasets/properties): every one of them bounds the envelope the extractor uses."""
    from kb.extract.linking import _plausible_envelope

    plausible = {"gpu": {"low": "100 W", "high": "1500 W"},
                 "any": [{"low": "1 kW", "high": "200 kW", "conditions": {"scope": "per-node"}},
                         {"low": "10 W", "high": "20 W", "conditions": {"scope": "per-chip"}}]}
    assert _plausible_envelope(plausible, "W") == (10.0, 200_000.0)
    assert _plausible_envelope({"any": []}, "W") == (None, None)


def test_wrong_registry_entities_are_counted_by_what_was_guessed_instead():
    from kb.extract.evaluate import Mention, render, score

    def gold(start, entity, article_only=False):
        return Mention(start, start + 4, ("W", 700.0), 700.0, 700.0, "W", entities={entity},
                       article_only=article_only)

    def guess(start, entity=None, new=False):
        return Mention(start, start + 4, ("W", 700.0), 700.0, 700.0, "W",
                       entities={entity} if entity else set(), entity_new=new)

    golds = [gold(0, "nvidia-h100"), gold(10, "nvidia-h100"), gold(20, "nvidia-h100"),
             gold(30, "nvidia-h100"), gold(40, "our-cluster", article_only=True)]
    preds = [guess(0, "nvidia-h100"), guess(10, new=True), guess(20), guess(30, "nvidia-a100"),
             guess(40, new=True)]
    d = score(golds, preds)[0].as_dict()
    assert (d["entity_registry_evaluated"], d["entity_registry_accuracy"]) == (4, 0.25)
    assert (d["entity_registry_wrongly_new"], d["entity_registry_none"]) == (1, 1)
    assert d["entity_article_accuracy"] == 1.0
    result = {"sets": {"real-dev": {"label": "x", "files": 1, "missing": [], "ours": d,
                                    "quantulum3": d, "f1_margin": 0.0, "per_file": []}}}
    assert "registry 0.250 (n=4; new 1, none 1)" in render(result)


def test_property_confusions_are_counted_most_frequent_first():
    from kb.extract.evaluate import Mention, render, score

    def mention(start, prop):
        return Mention(start, start + 4, ("W", 700.0), 700.0, 700.0, "W", properties={prop} if prop else set())

    golds = [mention(0, "power-draw"), mention(10, "power-draw"), mention(20, "tdp"), mention(30, "tdp")]
    preds = [mention(0, "tdp"), mention(10, "tdp"), mention(20, "power-draw"), mention(30, "tdp")]
    d = score(golds, preds)[0].as_dict()
    assert d["property_confusions"] == [{"curated": "power-draw", "guessed": "tdp", "n": 2},
                                        {"curated": "tdp", "guessed": "power-draw", "n": 1}]
    result = {"sets": {"real-dev": {"label": "x", "files": 1, "missing": [], "ours": d,
                                    "quantulum3": d, "f1_margin": 0.0, "per_file": []}}}
    assert "real-dev      power-draw -> tdp 2; tdp -> power-draw 1" in render(result)
    held = {"sets": {"real-holdout": result["sets"]["real-dev"]}}
    assert "power-draw -> tdp" not in render(held)  # (the held-out articles' errors are not named)
