"""kb vet flags what the curated claims let kb check flag (session 27, vet59; designed on the dev-B
half of the real development articles, quotes of those articles in each test):

- a cost stated for a count of one direction's tokens of a named model ("- 700K input tokens
  (optimized prompts) @ GPT-4o Mini: $1.05", or a list item under the item that names the model)
  implies the price per token it was worked out at; beyond 1.5x of every price the references
  give that model for that direction (any seller's or date's; a batch or cached tier's only where
  the line names it), the cost is flagged, and the error carries into the totals added up from it;
- a margin stated on cost ("a theoretical 545% cost-profit margin") is profit over cost, a ratio
  that may run to several times the cost, not a gross margin (a share of revenue, at most 100%).
"""
from __future__ import annotations

from kb.extract.drafts import extract_text

# r135-llm-api-cost-strategies
EXAMPLE = ("### Real-World Example\n\n"
           "**Before Optimization**:\n"
           "- 1M input tokens/month @ GPT-4: $30\n"
           "- 500K output tokens/month: $15\n"
           "- **Total: $45/month**\n\n"
           "**After Optimization**:\n"
           "- 700K input tokens (optimized prompts) @ GPT-4o Mini: $1.05\n"
           "- 350K output tokens (token limits): $1.05\n"
           "- **Total: $2.10/month**\n")


def _numbers(tmp_path, text):
    from conftest import ROOT
    from kb.extract.vet import vet

    p = tmp_path / "article.md"
    p.write_text(text, encoding="utf-8")
    return {(n.line, n.raw): n for n in vet(p, ROOT, as_of="2025-06-01").numbers}


def test_a_cost_of_tokens_off_every_price_of_the_model_is_flagged(tmp_path):
    ns = _numbers(tmp_path, EXAMPLE)
    # 700K input tokens of GPT-4o mini at $0.15 per 1M are $0.105; 350K output tokens at $0.60, $0.21
    for line in (9, 10):
        n = ns[(line, "$1.05")]
        assert n.status == "flagged" and n.findings[0].code == "contradicts-reference"
    # the list's item without a model is priced at the model of the item above it: GPT-4's output
    # is $60 per 1M (8K context) or $120 (32K), so 500K tokens are $30-60, not $15 (the batch
    # tier's $30 per 1M applies only where the line says so)
    assert ns[(5, "$15")].status == "flagged"
    # 1M input tokens at GPT-4's $30 per 1M are $30: no flag
    assert ns[(4, "$30")].status != "flagged"
    # the totals added up from the flagged costs carry their error
    assert ns[(6, "$45/month")].status == "flagged" and ns[(11, "$2.10/month")].status == "flagged"


def test_a_cost_of_tokens_at_a_price_of_the_model_or_without_a_direction_is_not_flagged(tmp_path):
    text = EXAMPLE.replace("$1.05\n- 350K", "$0.105\n- 350K").replace("(token limits): $1.05", "(token limits): $0.21")
    ns = _numbers(tmp_path, text)
    assert ns[(9, "$0.105")].status != "flagged"
    assert ns[(10, "$0.21")].status != "flagged"
    # no direction named: input and output prices differ, the line says not which
    ns = _numbers(tmp_path, EXAMPLE.replace("700K input tokens", "700K tokens"))
    assert ns[(9, "$1.05")].status != "flagged"
    # the batch tier named on the line: GPT-4's batch output price ($30 per 1M) applies
    ns = _numbers(tmp_path, EXAMPLE.replace("500K output tokens/month:", "500K output tokens/month (batch API):"))
    assert ns[(5, "$15")].status != "flagged"


def test_a_margin_on_cost_is_a_ratio_not_a_gross_margin(project_registry):
    # r155-model-subsidies-ending
    text = ("In March 2025, during its Open Source Week, DeepSeek disclosed a theoretical 545% cost-profit margin "
            "on its serving stack, with the caveat that real revenue runs lower because most usage is free or "
            "discounted.\n")
    (d,) = [d for d in extract_text(text, project_registry) if d.raw == "545%"]
    assert d.property == "ratio"
    # (the same article) a gross margin stays one
    text = "OpenAI's implied gross margins improved from 28% in 2024 to 43% in 2025.\n"
    assert {d.raw: d.property for d in extract_text(text, project_registry)}["28%"] == "gross-margin"
