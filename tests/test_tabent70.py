"""tabent70: which entity a number in a table belongs to, each rule built on short quotes of
public Markdown tables in no corpus (GitHub files found with the ``find_string`` tool; the ids
are that tool's), or paraphrases of them.

- a table of plans whose second column is headed by a plan noun ("| Tool | Plan | Price |") names
  a service again for each of its plans ("| Cursor | Pro |", "| Cursor | Business |"): no worked
  scenario (before, every price of such a table went to a new thing);
- a row labelled by a chat service the registry files as a model ("| ChatGPT | Plus | $20/mo |")
  is a plan's price when a cell under the plan column names the tier (before, the article's own
  use of the model, with no entity);
- a service's name and its plan's, read together, name the product ("| Claude | Pro |" is "Claude
  Pro", "| Gemini | Advanced |" "Gemini Advanced"): the chat apps;
- a name written in lower case only inside a web address ("cursor.sh/pricing") is not the
  common word that makes a capitalised name a heading's word (before, "Cursor" was dropped);
- the same label names the same product in every row of a table of plans ("| Claude | Team |"
  below "| Claude | Pro |"), and a product named before the price in a plan cell is the plan's
  ("| OpenAI | ChatGPT Plus $20.00/mo |"); a label and a plan read together are the product in a
  column of costs too ("| Tool | Plan | Cost |");
- a provider's cell and a "Model" cell beside it, read as one name, are the model ("| Claude |
  Sonnet 4 |" is Claude Sonnet 4, "| Gemini | 2.5 Pro |" Gemini 2.5 Pro), not the bare family or
  maker the first names (before, none or the family);
- a row whose label only says who serves the model a "Model" column names ("| **DeepInfra** |
  gpt-oss-120b | $0.04 |", "| Google Gemini | Gemini 2.5 Flash-Lite | $0.10 |") gives a price of
  models to the model (the provider is a condition), not to the provider or the family.
"""
from __future__ import annotations

import pytest

from conftest import draft_of


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


_draft = draft_of


# paraphrase of find_string id 55516260023 ("## Tool Pricing Table")
TOOLS = ("## Tool Pricing Table\n\n| Tool | Plan | Price/Seat/Month | Notes |\n|---|---|---|---|\n"
         "| GitHub Copilot | Business | $19 | SSO |\n| Cursor | Pro | $20 | Unlimited completions |\n"
         "| Cursor | Business | $40 | Centralised billing |\n| ChatGPT | Plus | $20 | Per user |\n"
         "| ChatGPT | Team | $25 | Min 2 seats |\n")


def test_a_service_named_again_for_each_plan_is_no_worked_scenario(reg):
    assert _draft(reg, TOOLS, "$19").entity == "github-copilot"
    assert _draft(reg, TOOLS, "$40").entity == "cursor"


def test_a_chat_service_filed_as_a_model_has_plans(reg):
    d = _draft(reg, TOOLS, "$25")
    assert (d.entity, d.property) == ("chatgpt", "subscription-price")


# paraphrase of find_string id 67327195777 ("## Dataset Price Coverage")
VENDORS = ("## Dataset Price Coverage\n\n| Vendor | Plan | Price stored | Official source URL |\n"
           "| --- | --- | ---: | --- |\n| ChatGPT | Plus | $20/mo | https://openai.com/chatgpt/pricing |\n"
           "| Claude | Pro | $20/mo | https://claude.com/pricing |\n"
           "| Gemini | Advanced | $19.99/mo | https://gemini.google/subscriptions |\n")


def test_a_service_and_its_plan_read_together_name_the_product(reg):
    assert _draft(reg, VENDORS, "$20/mo", 1).entity == "claude-ai"
    assert _draft(reg, VENDORS, "$19.99/mo").entity == "gemini-app"
    d = _draft(reg, VENDORS, "$20/mo")
    assert (d.entity, d.property) == ("chatgpt", "subscription-price")


# paraphrase of find_string id 56489342633 (a pricing table citing each vendor's page)
def test_a_name_written_in_lower_case_only_in_a_web_address_stays_a_name(reg):
    text = ("## Pricing data\n\n| Tool | Plan | Price | Source |\n|---|---|---|---|\n"
            "| Cursor | Pro | $20/user/mo | cursor.sh/pricing |\n")
    assert _draft(reg, text, "$20/user/mo").entity == "cursor"
    # (the word written in lower case in prose is still the common word: "the cursor")
    prose = "## Cursor Settings\n\nMove the cursor to the field. It costs $20/mo.\n"
    assert _draft(reg, prose, "$20/mo").entity != "cursor"


# paraphrase of find_string id 16713366458 (gpt-oss prices by provider)
PROVIDERS = ("*Pricing varies significantly by provider.*\n\n| Provider | Model | Input / 1M | Output / 1M |\n"
             "| :--- | :--- | :--- | :--- |\n| **OpenRouter** | gpt-oss-120b | **$0.07** | **$0.28** |\n"
             "| **DeepInfra** | gpt-oss-120b | **$0.04** | **$0.16** |\n"
             "| **Cerebras** | gpt-oss-120b | $0.35 | $0.75 |\n")


def test_a_model_price_at_a_provider_is_the_models(reg):
    assert _draft(reg, PROVIDERS, "$0.07").entity == "gpt-oss-120b"
    assert _draft(reg, PROVIDERS, "$0.35").entity == "gpt-oss-120b"


# paraphrase of find_string id 63444565418 ("| Google Gemini | Gemini 2.5 Flash-Lite | $0.10 |")
def test_a_family_over_one_of_its_models_gives_the_price_to_the_model(reg):
    text = ("Prices are quoted per 1 million tokens.\n\n| Provider | Model | Input $/1M tokens | Output $/1M tokens |\n"
            "|---|---|---|---|\n| Google Gemini | Gemini 2.5 Flash-Lite | $0.10 | $0.40 |\n"
            "| OpenAI | GPT-4o mini | $0.15 | $0.60 |\n")
    assert _draft(reg, text, "$0.10").entity == "gemini-2.5-flash-lite"
    assert _draft(reg, text, "$0.15").entity == "gpt-4o-mini"


# find_string id 57997308212: a company's figure stays the company's ("| Company | 2025 Capex |")
def test_a_company_row_keeps_its_figures(reg):
    text = ("| Company | 2025 Capex | 2026 Capex Guidance |\n|---|---|---|\n| Amazon | ~$125B | ~$200B |\n"
            "| Meta | ~$72B | $115–145B |\n")
    assert _draft(reg, text, "~$125B").entity == "amazon"


# paraphrase of find_string id 58707246810 ("## Summary Table (for audit-engine reference)")
def test_a_label_names_the_same_product_in_each_row_of_its_plans(reg):
    text = ("| Tool | Plan | $/month/seat | Flat or Per-seat |\n|---|---|---|---|\n"
            "| Claude | Free | $0 | Flat |\n| Claude | Pro | $20 | Per-user flat |\n"
            "| Claude | Team (Standard) | $25 (monthly) | Per-seat, min 5 |\n")
    assert _draft(reg, text, "$25").entity == "claude-ai"
    assert _draft(reg, text, "$0").entity == "claude-ai"


# paraphrase of find_string id 52704266558 (subscriptions amortised by day)
def test_a_product_named_before_the_price_in_its_plan_cell(reg):
    text = ("## Subscriptions\n\n| Provider | Plan | Daily |\n|----------|------|-------|\n"
            "| OpenAI | ChatGPT Plus $20.00/mo | $.66 |\n")
    assert _draft(reg, text, "$20.00/mo").entity == "chatgpt"


# paraphrase of find_string id 61368493932 ("## Tools & Plans")
def test_a_label_and_its_plan_are_the_product_in_a_column_of_costs(reg):
    text = ("## Tools & Plans\n\n| Tool | Plan | Cost | Notes |\n|---|---|---|---|\n"
            "| Airtable | Free | $0 | Data layer |\n| Claude | Pro | $20/mo | AI assistant |\n")
    assert _draft(reg, text, "$20/mo").entity == "claude-ai"


# paraphrase of find_string ids 40392400131 and 60139386042 (model names split over two cells)
def test_a_provider_cell_and_a_model_cell_read_as_one_name(reg):
    text = ("## Cost Comparison\n\n| Provider | Model | Input Cost | Output Cost |\n|---|---|---|---|\n"
            "| Claude | Sonnet 4 | $3/M tokens | $15/M tokens |\n| Gemini | 2.5 Pro | $1.25/M tokens | $10/M tokens |\n"
            "| OpenAI | GPT-4 Turbo | $10/M tokens | $30/M tokens |\n")
    assert _draft(reg, text, "$3/M tokens").entity == "claude-sonnet-4"
    assert _draft(reg, text, "$1.25/M tokens").entity == "gemini-2.5-pro"
    assert _draft(reg, text, "$30/M tokens").entity == "gpt-4-turbo"
    # (a rank before the provider: the provider's cell is the one next to the model's)
    ranked = ("| # | Provider | Model | Cost per task |\n|---|---|---|---|\n| 26 | Gemini | 2.5 Pro | $0.662 |\n")
    assert _draft(reg, ranked, "$0.662").entity == "gemini-2.5-pro"
