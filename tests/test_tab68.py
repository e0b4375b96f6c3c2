"""tab68: property guesses for numbers in tables of plans and of machine use, each rule built on
short quotes of public tables in no corpus (GitHub Markdown found with the ``find_string`` tool;
the ids are that tool's), or paraphrases of them.

- an amount per month or year in a table of plans ("| Plan | Price |", "| Tier |", a caption
  naming plans, "$29/user/month", a row "| ChatGPT Plus |") is the plan's subscription price
  (before, a GPU's rent by the "Price" header, or a cost of the article's own use where a chat
  service labels the row), of the one service the line above the table names ("Cursor offers ...:");
  not a row a model labels ("| Model Tier |" over "| Gemini Flash-Lite |"),
  a band of spending ("| Tier | Monthly Spend |"), a column of costs, nor a rented GPU's row.
- a percentage in a column or a row named after a machine's part and its use or load ("| GPU Usage
  |", "| CPU Load |", "| GPU load | 30 % |") is its utilisation (before, a plain share).
"""
from __future__ import annotations

import pytest

from conftest import draft_of


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


_draft = draft_of


# find_string id 4913627 (a guide to Cursor's plans)
CURSOR = ("Cursor offers a free tier with limited AI usage and paid subscriptions with expanded features:\n\n"
          "| Plan | Price | Usage |\n|------|-------|-------|\n"
          "| Hobby (Free) | $0 | 2,000 code completions, 50 slow requests |\n"
          "| Pro | $20/month | Unlimited completions |\n"
          "| Pro Plus | $60/month | higher limits |\n")


def test_price_column_of_a_plan_table_is_the_subscription_price(reg):
    assert _draft(reg, CURSOR, "$20/month").property == "subscription-price"
    assert _draft(reg, CURSOR, "$60/month").property == "subscription-price"


def test_plans_are_of_the_one_service_the_line_above_names(reg):
    assert _draft(reg, CURSOR, "$20/month").entity == "cursor"
    # (not where the line above names two: a comparison)
    two = CURSOR.replace("Cursor offers", "Cursor and GitHub Copilot offer")
    assert _draft(reg, two, "$20/month").entity is None


# paraphrase of find_string id 63065837853 ("## Pricing Tiers" over "| Tier | Price | Features |")
def test_tier_table_prices_per_user_are_subscription_prices(reg):
    text = ("## Pricing Tiers\n\n| Tier | Price | Features |\n|------|-------|----------|\n"
            "| **Free** | $0/month | 5 users |\n| **Pro** | $8/user/month | Unlimited users, SSO |\n")
    assert _draft(reg, text, "$8/user/month").property == "subscription-price"


# paraphrase of find_string id 52141085883 (competitors' prices per user)
def test_amount_per_user_per_month_is_a_subscription_price(reg):
    text = ("| Competitor | Price | Key Difference |\n|---|---|---|\n"
            "| **Notion** | $8–$15/user/month | Cloud-only. |\n")
    assert _draft(reg, text, "$8–$15/user/month").property == "subscription-price"


# paraphrase of find_string id 53328618135 ("| Auth Method | Cost | Best For |")
def test_row_naming_a_chat_service_s_plan_gives_its_subscription_price(reg):
    text = ("| Auth Method | Cost | Best For |\n|---|---|---|\n"
            "| ChatGPT Plus | $20/mo | Heavy use |\n| ChatGPT Pro | $200/mo | Power users |\n")
    d = _draft(reg, text, "$20/mo")
    assert (d.property, d.entity) == ("subscription-price", "chatgpt")
    assert _draft(reg, text, "$200/mo").property == "subscription-price"


def test_model_named_in_another_cell_of_a_plan_row_is_not_the_plan_s(reg):
    text = ("| Plan | Price | Model |\n|---|---|---|\n| Plus | $20/month | GPT-4o |\n")
    d = _draft(reg, text, "$20/month")
    assert d.property == "subscription-price" and d.entity is None and d.entity_new


def test_rows_of_models_keep_the_cost_of_their_use(reg):
    # (the rule kb/extract/linking.py _model_costs was made for: a row a model labels is the
    # article's own use of it, whatever the first column calls its rows)
    text = ("| Model Tier | Blended Rate (per M tokens) | Per User |\n|---|---|---|\n"
            "| Gemini Flash-Lite | ~$0.18 | $5.40/month |\n")
    assert _draft(reg, text, "$5.40/month").property != "subscription-price"


def test_tiers_of_monthly_spend_are_no_plan_prices(reg):
    text = ("Some providers offer volume discounts:\n\n| Tier | Monthly Spend | Discount |\n"
            "|------|---------------|----------|\n| Growth | $5K - $50K | 10-20% |\n")
    assert _draft(reg, text, "$5K - $50K").property != "subscription-price"


def test_a_monthly_price_in_a_gpu_s_row_stays_a_rent(reg):
    text = "| Plan | GPU | Price |\n|---|---|---|\n| Starter | H100 | $1,500/month |\n"
    assert _draft(reg, text, "$1,500/month").property == "rental-price"


def test_cost_column_of_the_writer_s_services_is_no_plan_price(reg):
    # paraphrase of find_string id 23464637613 ("| Component | Tier | Monthly Cost |")
    text = ("| Component | Tier | Monthly Cost |\n|---|---|---|\n"
            "| API Server | Starter (512MB) | $7/month |\n")
    assert _draft(reg, text, "$7/month").property != "subscription-price"


# find_string id 54794063639 (ML-Agents training environments)
def test_gpu_usage_column_is_utilisation(reg):
    text = ("## Expected Performance\n\n| Environment | Steps/sec | GPU Usage | Time to Train |\n"
            "|-------------|-----------|-----------|---------------|\n"
            "| 3DBall      | 20K-50K   | 20-40%    | 2-5 min       |\n")
    assert _draft(reg, text, "20-40%").property == "utilisation"


# paraphrase of find_string ids 71620753130 and 60852891455
def test_cpu_and_gpu_load_are_utilisation(reg):
    text = ("| Condition | Drop Rate | CPU Load | GPU Load |\n| :--- | :---: | :---: | :---: |\n"
            "| Baseline | 0.0% | 19.6% | 32.1% |\n")
    assert _draft(reg, text, "19.6%").property == "utilisation"
    assert _draft(reg, text, "32.1%").property == "utilisation"
    rows = ("| Metric | HAGS on | HAGS off | Delta |\n|---|---|---|---|\n"
            "| GPU load | 30 % | 26 % | 12 % |\n")
    assert _draft(reg, rows, "30 %").property == "utilisation"
    assert _draft(reg, rows, "12 %").property != "utilisation"  # (a column of changes)


def test_plain_usage_column_stays_a_share(reg):
    text = "| Model | Usage |\n|---|---|\n| GPT-4o | 25% |\n"
    assert _draft(reg, text, "25%").property == "share"
