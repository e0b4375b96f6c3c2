"""tabprop86: the property of a number in a table, read on fresh public Markdown tables (in no corpus):

- a price column named by an underscore header ("| input_price | output_price |") under "The prices
  are based on 1 million tokens." is a price per 1M tokens (it was purchase-price or training-cost);
- a "| Cached Input |" column whose cells give a discount in brackets ("$0.125 (90%)") is a price
  per 1M tokens of the input side, as its plain siblings are (it was workload-cost);
- a slash pair "$0.75 / $2.40" under "| Price (In/Out MToken) |" is the input and output price per
  1M tokens (it was purchase-price or training-cost);
- "| 1 Hour | 1 Month | 3 Months | 6 Months |": "3 Months" is a term the prices are for, no run
  duration of its own;
- "| GPU Component Cost Per Hour |": a price per hour (it was a plain amount, purchase-price).
"""
from __future__ import annotations

from kb.extract.drafts import extract_text


def _drafts(text, raw, registry):
    hits = [d for d in extract_text(text, registry) if d.raw == raw]
    assert hits, (raw, [d.raw for d in extract_text(text, registry)])
    return hits


# An excerpt of the GMI Cloud serverless price page
# (github.com/GMISWE/gmiswe.github.io docs/inference-engine/billing/price.md).
_UNDERSCORE = """\
# Pricing
## Serverless Pricing
The prices are based on 1 million tokens.

| model_name                                   | input_price | output_price |
|----------------------------------------------|-------------|--------------|
| deepseek-ai/DeepSeek-R1                      | $0.50       | $2.18        |
| Qwen/QwQ-32B                                 | $0.50       | $1.50        |
"""


def test_underscore_price_headers_under_a_based_on_note_are_token_prices(project_registry):
    for raw, side in (("$2.18", "output"), ("$1.50", "output")):
        (d,) = _drafts(_UNDERSCORE, raw, project_registry)
        assert d.property == "token-price" and d.unit == "USD per 1M tokens", (raw, d.property, d.unit)
        assert d.conditions.get("direction") == side
    for d in _drafts(_UNDERSCORE, "$0.50", project_registry):
        assert d.property == "token-price" and d.conditions.get("direction") == "input"


def test_no_note_no_token_price(project_registry):
    # guard: the same table with no note of a count of tokens gets no denominator from nowhere
    text = _UNDERSCORE.replace("The prices are based on 1 million tokens.\n", "")
    (d,) = _drafts(text, "$2.18", project_registry)
    assert "token" not in d.unit


# An excerpt of github.com/kylehart/ic-ml LLM_PRICING_REFERENCE.md (OpenAI's listed prices).
_CACHED = """\
## OpenAI Models (All Prices per 1M Tokens)

### GPT-5 Series (Released August 2025)

| Model | Input | Output | Cached Input | Context | Max Output |
|-------|-------|--------|--------------|---------|------------|
| **GPT-5** | $1.25 | $10.00 | $0.125 (90%) | 400K | 128K |
| **GPT-5 mini** | $0.25 | $2.00 | $0.025 (90%) | 400K | 128K |
"""


def test_a_cached_input_cell_with_its_discount_is_a_token_price(project_registry):
    for raw in ("$0.125", "$0.025"):
        (d,) = _drafts(_CACHED, raw, project_registry)
        assert d.property == "token-price" and d.unit == "USD per 1M tokens", (raw, d.property, d.unit)
        assert d.conditions.get("direction") == "input"


# An excerpt of a public list of LLM infrastructure prices (Feb 2025; DeepInfra's table).
_MTOKEN = """\
### LLM infrastructure service prices

> Data from Feb/2025

## DeepInfra

| Model                      | Price (In/Out MToken) |
|----------------------------|----------------------|
| DeepSeek-R1                | $0.75 / $2.40       |
| Mistral-7B-Instruct-v0.3   | $0.03 / $0.05       |
"""


def test_a_price_pair_under_a_bare_mtoken_header_is_per_million_tokens(project_registry):
    for raw, side in (("$0.75", "input"), ("$2.40", "output"), ("$0.05", "output")):
        (d,) = _drafts(_MTOKEN, raw, project_registry)
        assert d.property == "token-price" and d.unit == "USD per 1M tokens", (raw, d.property, d.unit)
        assert d.conditions.get("direction") == side


def test_a_price_pair_under_a_header_with_no_token_count_stays_plain(project_registry):
    # guard: "Price (In/Out)" says no count of tokens
    text = _MTOKEN.replace("Price (In/Out MToken)", "Price (In/Out)       ")
    (d,) = _drafts(text, "$2.40", project_registry)
    assert "token" not in d.unit


# An excerpt of a public Runpod / CoreWeave price comparison (Markdown).
_TERMS = """\
### Runpod.io

| GPU Type | Pricing Model | 1 Hour | 1 Month | 3 Months | 6 Months |
|----------|---------------|--------|---------|----------|----------|
| A40      | On-Demand     | $0.49  | $0.75   | $0.71    | $0.67    |
| L4       | On-Demand     | $0.44  | $0.42   | $0.39    | $0.37    |

### CoreWeave

| GPU Type         | VRAM (GB) | GPU Component Cost Per Hour |
|------------------|-----------|-----------------------------|
| NVIDIA HGX H100  | 80        | $4.76                       |
| NVIDIA H100 PCIe | 80        | $4.25                       |
"""


def test_term_headers_beside_a_one_period_header_are_no_durations(project_registry):
    raws = [d.raw for d in extract_text(_TERMS, project_registry)]
    assert "3 Months" not in raws and "6 Months" not in raws


def test_a_term_header_alone_is_still_read(project_registry):
    # guard: with no "1 Hour" / "1 Month" sibling, "3 Months" is not taken for a term
    text = ("| Plan | 3 Months | Notes |\n|------|----------|-------|\n| Basic | $30 | billed once |\n")
    assert "3 Months" in [d.raw for d in extract_text(text, project_registry)]


def test_a_gpu_cost_per_hour_header_is_a_rate_per_hour(project_registry):
    for raw in ("$4.76", "$4.25"):
        (d,) = _drafts(_TERMS, raw, project_registry)
        assert d.unit == "USD/hour" and d.property != "purchase-price", (raw, d.property, d.unit)
