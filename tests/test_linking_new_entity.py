"""When linking proposes a thing of the article's own (``entity_new``) and when a registry
thing in scope is the number's entity instead (kb/extract/linking.py).

Each case is a short sentence or table written for the test, of a form real writing uses.
"""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text


def _links(reg, text):
    return [(d.raw, d.entity or ("new" if d.entity_new else None), d.property) for d in extract_text(text, reg)]


def _entities(reg, text):
    return [ent for _, ent, _ in _links(reg, text)]


# --- a name inside the counted noun ----------------------------------------------------------

def test_a_name_in_the_counted_noun_is_whose_count_it_is(project_registry):
    assert _links(project_registry, "By spring there were 500 million weekly active ChatGPT users.") == \
        [("500 million weekly active ChatGPT users", "chatgpt", "weekly-active-users")]


def test_a_name_in_the_units_denominator_is_not_whose_count_it_is(project_registry):
    # "per search query" names what the amount is per, not whose it is
    assert _links(project_registry, "With ChatGPT, answering takes about 3 Wh per search query.")[0][:2] == \
        ("about 3 Wh per search query", "chatgpt")


def test_a_gpu_counted_is_not_the_clusters_entity(project_registry):
    # the GPUs a run uses make a cluster of the article's own, not the GPU's count
    assert _links(project_registry, "The run used 256 H100s for three weeks.")[0] == ("256 H100s", "new", "gpu-count")


# --- a table of one subject's figures over time ----------------------------------------------

def test_a_table_whose_rows_are_years_is_the_headed_regions(project_registry):
    text = ("## Grid load in Ireland\n\n| Year | Data centre electricity (TWh) |\n|---|---|\n"
            "| 2022 | 5.3 |\n| 2026F | 9.0 |\n")
    assert _links(project_registry, text) == [("5.3", "ireland", "electricity-use"), ("9.0", "ireland", "electricity-use")]


def test_a_table_whose_rows_are_sites_stays_the_articles_own(project_registry):
    # rows that are things (not periods) under the same heading: each row a thing of its own
    text = ("## Grid load in Ireland\n\n| Site | Data centre electricity (TWh) |\n|---|---|\n"
            "| North campus | 5.3 |\n| South campus | 9.0 |\n")
    assert _entities(project_registry, text) == ["new", "new"]


@pytest.mark.parametrize("label, period", [
    ("2023", True), ("2028F", True), ("Q3 2024", True), ("FY2025", True), ("H1 2024", True),
    ("Jan 2025", True), ("2024-25", True), ("2030 (est.)", True),
    ("H100", False), ("2x A100", False), ("North campus", False),
])
def test_period_labels(label, period):
    from kb.extract.linking import _PERIOD_LABEL_RE
    assert bool(_PERIOD_LABEL_RE.fullmatch(label)) is period


# --- rows that are precisions of the thing above the table -----------------------------------

def test_rows_of_precisions_are_the_model_the_text_above_names(project_registry):
    text = ("What Mixtral 8x7B needs in memory:\n\n| Precision | Memory |\n|---|---|\n"
            "| float16 | 94 GB |\n| 8-bit | 47 GB |\n")
    assert _entities(project_registry, text) == ["mixtral-8x7b", "mixtral-8x7b"]


# --- a thing called by its own kind's noun ---------------------------------------------------

def test_a_system_called_a_server_is_the_system(project_registry):
    assert _links(project_registry, "A DGX H100 server draws about 10.2 kW under load.")[0][:2] == \
        ("about 10.2 kW", "nvidia-dgx-h100")


def test_a_gpu_named_before_server_qualifies_the_articles_own_server(project_registry):
    assert _links(project_registry, "Our H100 server draws 1.5 kW at the wall.")[0][:2] == ("1.5 kW", "new")


# --- the thing a sentence opens with ---------------------------------------------------------

def test_a_sentence_opening_with_a_company_is_about_the_company(project_registry):
    # the words chose a cost of a thing of the article's own; the sentence's subject is a
    # company, and a property of the unit is chiefly a company's
    assert _links(project_registry, "OpenAI's inference costs reached $2 billion last year.")[0][:2] == ("$2 billion", "openai")


def test_the_writers_own_cost_stays_the_articles_own(project_registry):
    assert _links(project_registry, "Our inference costs reached $2,000 last month.")[0][:2] == ("$2,000", "new")


# --- names the registry knows the things by --------------------------------------------------

@pytest.mark.parametrize("text, entity", [
    ("deepseek-chat costs $0.27 per million input tokens.", "deepseek-v3"),
    ("Training a large language model costs $5 million in GPU time.", "llms"),
])
def test_aliases(project_registry, text, entity):
    assert _entities(project_registry, text)[0] == entity


# --- "the company": the company named before ------------------------------------------------

def test_the_company_is_the_company_named_before_in_the_section(project_registry):
    text = ("## Nvidia\n\nNvidia sells most of the accelerators used for training.\n\n"
            "The company shipped about 2 million H100s in 2024.\n")
    assert _links(project_registry, text)[0][:2] == ("about 2 million H100s", "nvidia")


def test_the_company_with_no_company_named_before_is_no_guess_of_one(project_registry):
    ents = _entities(project_registry, "The company shipped about 2 million H100s in 2024.\n")
    assert ents[0] == "new"


# --- a model's latency or throughput measured under a stated load ------------------------------

_LOAD_TABLE = "# Serving notes\n\n### Time to first token{load}\n\n| Model | Mean TTFT |\n| --- | --- |\n" \
              "| Llama 3.1 8B | 120ms |\n| Llama 3.1 70B | 310ms |\n"


def test_a_latency_table_captioned_with_a_load_is_the_articles_own_runs(project_registry):
    # "(Short Prompts, Concurrency=1)": each row is the model served under that load, a workload
    # (the caption's own "Concurrency=1" is read too, as a concurrency: not what this test is about)
    assert [x for x in _links(project_registry, _LOAD_TABLE.format(load=" (Short Prompts, Concurrency=1)"))
            if x[2] != "concurrency"] == \
        [("120ms", "new", "inference-latency"), ("310ms", "new", "inference-latency")]


def test_a_latency_table_with_no_load_stays_the_rows_model(project_registry):
    assert _links(project_registry, _LOAD_TABLE.format(load="")) == \
        [("120ms", "llama-3.1-8b", "inference-latency"), ("310ms", "llama-3.1-70b", "inference-latency")]


def test_a_throughput_table_at_a_batch_size_is_the_articles_own_runs(project_registry):
    text = "# Serving notes\n\n### Throughput at batch size 64\n\n| Model | Throughput (tok/s) |\n| --- | --- |\n" \
           "| Llama 3.1 8B | 5,200 |\n| Llama 3.1 70B | 1,900 |\n"
    assert [x for x in _links(project_registry, text) if x[2] == "inference-throughput"] == \
        [("5,200", "new", "inference-throughput"), ("1,900", "new", "inference-throughput")]


def test_a_spec_in_a_table_captioned_with_a_load_stays_the_models(project_registry):
    text = "# Serving notes\n\n### Models (Concurrency=32)\n\n| Model | Parameters |\n| --- | --- |\n| Llama 3.1 8B | 8B |\n"
    assert [x for x in _links(project_registry, text) if x[2] != "concurrency"] == [("8B", "llama-3.1-8b", "parameters-total")]


def test_a_list_whose_lead_in_names_a_load_is_the_articles_own_runs(project_registry):
    # the lead-in also says what the items measure (a latency, not a training run's duration)
    text = "# Serving notes\n\nEvery model shows long tail latencies at high concurrency:\n\n" \
           "- Llama 3.1 8B: 40s\n- Llama 3.1 70B: 65s\n"
    assert _links(project_registry, text) == [("40s", "new", "inference-latency"), ("65s", "new", "inference-latency")]


def test_a_models_spec_in_a_list_whose_lead_in_names_a_load_stays_the_models(project_registry):
    text = "# Serving notes\n\nContext windows of the models we ran at high concurrency:\n\n" \
           "- Llama 3.1 8B: 128K tokens\n- Llama 3.1 70B: 128K tokens\n"
    assert _entities(project_registry, text) == ["llama-3.1-8b", "llama-3.1-70b"]


def test_a_variant_named_with_its_size_keeps_its_own_parameter_count(project_registry):
    # the family's plainer model of the same size is no better guess than the variant named
    text = "### Qwen3-Omni-30B-A3B-Instruct\n\n**Model Size**: 30 billion parameters\n"
    assert _entities(project_registry, text) == ["qwen3-omni-30b-a3b"]


def test_a_size_of_a_sibling_is_the_families_variant_of_that_size(project_registry):
    assert _entities(project_registry, "The Llama 2 7B model has siblings of 13B and 70B parameters.") == \
        ["llama-2-13b", "llama-2-70b"]


# --- a table of the writer's own rigs and runs ---------------------------------------------------

def test_a_name_in_a_rigs_notes_cell_is_what_it_runs_not_the_rows_thing(project_registry):
    text = "# Local rigs\n\n| Rig | Tokens/sec | Notes |\n| --- | --- | --- |\n" \
           "| RTX 3090 workstation | 8-15 t/s | runs Qwen3-32B |\n"
    assert _entities(project_registry, text) == ["new"]


def test_a_jobs_run_time_on_a_rented_card_is_the_rows_own_thing(project_registry):
    # "Rented RTX 3090": a thing built from the card; a job's run time is that thing's, not the card's
    text = "# Jobs\n\n| Option | Cost of the job | Time |\n| --- | --- | --- |\n| Rented RTX 3090 | about $0.33 | About 1.7 hours |\n"
    assert _links(project_registry, text)[1] == ("About 1.7 hours", "new", "run-duration")


def test_a_jobs_run_time_on_a_bare_card_name_stays_the_cards(project_registry):
    text = "# Jobs\n\n| Option | Cost of the job | Time |\n| --- | --- | --- |\n| RTX 3090 | about $0.33 | About 1.7 hours |\n"
    assert _links(project_registry, text)[1] == ("About 1.7 hours", "nvidia-geforce-rtx-3090", "run-duration")


# --- a count of hardware before its name: a group of the article's own -----------------------

def test_a_figure_of_a_counted_group_of_gpus_is_the_groups(project_registry):
    # "8x H100" in a row's label is a node of eight cards: its hourly price is the node's, and
    # stays a rental price (a group of cards is rented like one)
    text = "| Setup | Rental price |\n|---|---|\n| 8x H100 (spot) | ~$24/hr |\n| H100 (spot) | ~$3/hr |\n"
    links = {raw: (ent, prop) for raw, ent, prop in _links(project_registry, text)}
    assert links["~$24/hr"] == ("new", "rental-price")
    assert links["~$3/hr"][0] == "nvidia-h100"
    # the evidence says why, so that such guesses are calibrated apart
    assert [d.evidence["entity"] for d in extract_text(text, project_registry) if d.raw == "~$24/hr"] == ["new|group"]


def test_a_count_inside_a_label_names_a_group_too(project_registry):
    text = "| Component | Monthly cost |\n|---|---|\n| Compute (2x A100) | $4,000 |\n"
    # (the label's count is read too, as in prose: the group's GPU count, cnt44)
    assert [(raw, ent) for raw, ent, _ in _links(project_registry, text)] == [("2x", "new"), ("$4,000", "new")]


def test_a_plain_count_of_gpus_in_prose_is_a_cluster(project_registry):
    # a number in all of "64 A100 GPUs" (their network, their memory in all) is the cluster's
    assert _entities(project_registry, "We trained it on 64 A100 GPUs with 200 Gbps networking.") == ["new", "new"]


def test_a_figure_per_gpu_of_a_counted_group_stays_the_gpus(project_registry):
    # per GPU, or the factor right after the name: the card's own figure
    assert _entities(project_registry, "The run reached 3,100 tokens/sec/GPU on 64 A100 GPUs.")[0] == "nvidia-a100"
    assert ("400 W", "nvidia-a100") in [x[:2] for x in _links(project_registry, "The fleet draws 1,000 A100s x 400 W = 400 kW.")]
    assert _entities(project_registry, "At 400 W each, 1,000 A100s draw 400 kW.") == ["nvidia-a100", "new", "new"]
    # a scope the writer states ("per node") is the card's figure under that scope (a condition)
    d = [d for d in extract_text("AWS charges $98.32/hour per node for 8 H100s.", project_registry) if d.raw.startswith("$")][0]
    assert (d.entity, d.conditions.get("scope")) == ("nvidia-h100", "per-node")


def test_a_year_before_a_name_is_no_count(project_registry):
    # "2024 H100" is no group of 2,024 cards (a plain count needs the plural)
    assert _entities(project_registry, "In 2024 H100 rental fell to $2.10 per hour.")[-1] == "nvidia-h100"


# --- a table whose rows are grouped under a label written once -------------------------------

_GROUPED_PRICES = ("| Provider | Model | Input (per 1M tokens) |\n|---|---|---|\n"
                   "| **OpenAI** | GPT-4o | $2.50 |\n| | GPT-4o mini | $0.15 |\n"
                   "| **Anthropic** | Claude Haiku 4.5 | $1.00 |\n| | Claude Sonnet 4.5 | $3.00 |\n")


def test_blank_labels_of_a_grouped_table_repeat_no_row(project_registry):
    # the blank first cells continue the group above: no row is repeated, so the rows are not
    # the article's own worked scenarios; each price is the model's its row names
    assert _entities(project_registry, _GROUPED_PRICES) == ["gpt-4o", "gpt-4o-mini", "claude-haiku-4.5", "claude-sonnet-4.5"]


def test_a_narrower_thing_named_the_same_way_wins_over_its_vendor(project_registry):
    # the row's label is the vendor, the next cell its model: the model's price, and "sure"
    # (the vendor names it more broadly, no rival)
    tags = [d.evidence["entity"] for d in extract_text(_GROUPED_PRICES, project_registry)]
    assert tags[0] == "table-row|sure|kind"
    # in prose too, the vendor the sentence opens with and its model named before the number
    assert _entities(project_registry, "OpenAI prices GPT-4o at $2.50 per million input tokens.") == ["gpt-4o"]


def test_an_unnamed_row_under_a_blank_label_stays_the_articles_own(project_registry):
    # a group's later row that names nothing in any cell is a row of the article's own (as a
    # worked scenario's), not the thing the heading over the table names
    text = ("## Claude pricing\n\n| Provider | Plan | Monthly price |\n|---|---|---|\n"
            "| **Anthropic** | Claude Haiku 4.5 | $20 |\n| | Team seat | $30 |\n")
    assert _entities(project_registry, text) == ["claude-haiku-4.5", "new"]


# --- a list item and the item above it ---------------------------------------------------------

def test_a_list_item_takes_nothing_from_the_item_above_it(project_registry):
    # a sibling item's name is not what the next item is about ...
    text = ("- The H100 is what we compare here.\n"
            "- Note: this is about 5% of the total compute cost\n")
    assert _links(project_registry, text) == [("about 5%", "new", "share")]


def test_a_list_item_that_points_back_goes_on_from_the_item_above_it(project_registry):
    text = "- The H100 is what we compare here.\n- It draws about 700 W under load\n"
    assert _entities(project_registry, text) == ["nvidia-h100"]


def test_a_sentence_goes_on_from_the_sentence_before_it(project_registry):
    # ... as a sentence in prose goes on from the one before it
    text = "The H100 is what we compare here. Note: this is about 5% of the total compute cost.\n"
    assert _entities(project_registry, text) == ["nvidia-h100"]


# --- a table whose columns are headed by registry things -------------------------------------

_NAMED_COLUMNS = """### Prices

| **MODEL** | **deepseek-chat** | **deepseek-reasoner** |
|---|---|---|
| **STANDARD PRICE** | | |
| 1M TOKENS OUTPUT | $1.10 | $2.19 |
| **DISCOUNT PRICE** | | |
| 1M TOKENS OUTPUT | $0.55 | $0.55 |
"""


def test_a_table_of_named_columns_is_the_columns_things(project_registry):
    # the row labels repeat (a group of rows each), yet the rows are attributes of the column's
    # thing, not worked scenarios; the label given again is the thing on other terms
    assert _entities(project_registry, _NAMED_COLUMNS) == ["deepseek-v3", "deepseek-r1", "new", "new"]


# --- a number no property fits and nothing near names ----------------------------------------

def test_a_number_of_no_property_naming_nothing_is_the_articles_own(project_registry):
    # an amount in a currency no property is kept in: still a thing of the article's own (before,
    # no entity at all, which is never right)
    assert _entities(project_registry, "Running this setup costs €13.698/h per hour.") == ["new"]


# --- a command's option ------------------------------------------------------------------------

def test_a_commands_option_is_a_setting_of_the_writers_own_run(project_registry):
    text = ("We serve Qwen3-Coder-480B on eight H200s:\n\n```\nvllm serve Qwen/Qwen3-Coder-480B \\\n"
            "  --tensor-parallel-size 8 \\\n  --max-model-len 400000\n```\n")
    assert _links(project_registry, text)[1:] == [("8", "new", "parallelism-degree"), ("400000", "new", "served-context-length")]


# --- a row that names a model and the hardware it runs on -----------------------------------

DEPLOYMENTS = """\
| Model | Hardware | Hardware cost | Cost per month |
| --- | --- | --- | --- |
| Mistral 7B | RTX 4090 | ~$2K | ~$60/month |
| Llama 3.1 8B | L40S | ~$8K | ~$90/month |
"""


def test_a_row_naming_a_model_and_its_hardware_is_a_deployment_whose_running_cost_is_its_own(project_registry):
    # the monthly cost of serving the model on the card is neither the model's nor the card's:
    # a deployment of the article's own
    got = {raw: (ent, prop) for raw, ent, prop in _links(project_registry, DEPLOYMENTS) if "month" in raw}
    assert got == {"~$60/month": ("new", "cost-rate"), "~$90/month": ("new", "cost-rate")}
    # a row that names the card alone (no model run on it) keeps the card's cost, as before
    cards = DEPLOYMENTS.replace("| Mistral 7B |", "| Chat app |").replace("| Llama 3.1 8B |", "| Search app |")
    assert {raw: ent for raw, ent, _ in _links(project_registry, cards) if "month" in raw} \
        == {"~$60/month": "nvidia-geforce-rtx-4090", "~$90/month": "nvidia-l40s"}


# --- the writer's own run, said in the first person -----------------------------------------

@pytest.mark.parametrize("text, expected", [
    # what the writer got from running the model is their run's figure, not the model's
    ("On my workstation I can run Mistral 7B at about 40 tok/s, which is fine for chat.",
     [("about 40 tok/s", "new")]),
    ("Mistral 7B runs at about 40 tok/s on a workstation.", [("about 40 tok/s", "mistral-7b")]),
    # past a clause break, a name's own number is the name's again
    ("I needed 30 GB of memory, which is more than the L4's 24 GB.",
     [("30 GB", "new"), ("24 GB", "nvidia-l4")]),
    ("We only trained Llama 2 7B to 1T tokens before the budget ran out.", [("1T tokens", "new")]),
    ("Llama 2 7B was trained on 2T tokens.", [("2T tokens", "llama-2-7b")]),
])
def test_what_the_writer_ran_or_needed_is_their_own_runs(project_registry, text, expected):
    assert [(raw, ent) for raw, ent, _ in _links(project_registry, text)] == expected


# --- a row label naming hardware with what runs on it in brackets ---------------------------

QUANT_ROWS = """\
| Machine | Time per report | Reports per $1 |
| --- | --- | --- |
| RTX 4090 (Q4_K_M 14B) | ~3 min | 250 |
| RTX 3090 (INT8 quantized) | ~5 min | 140 |
"""


def test_a_card_with_its_model_or_quantisation_in_brackets_is_a_configuration(project_registry):
    # the bracket says what model runs on the card, and how: the row is a configuration of the
    # writer's, whose time per report is its own, not the card's
    got = {raw: ent for raw, ent, _ in _links(project_registry, QUANT_ROWS) if "min" in raw}
    assert got == {"~3 min": "new", "~5 min": "new"}
    # a bracket that names the card's memory leaves the card (as before)
    plain = QUANT_ROWS.replace("(Q4_K_M 14B)", "(24 GB)").replace("(INT8 quantized)", "(24GB)")
    assert {raw: ent for raw, ent, _ in _links(project_registry, plain) if "min" in raw} \
        == {"~3 min": "nvidia-geforce-rtx-4090", "~5 min": "nvidia-geforce-rtx-3090"}


@pytest.mark.parametrize("text, raw, entity", [
    # seeing, getting, or a new subject past a comma is no run of the writer's: the thing's own figure
    ("As we saw earlier, the NVIDIA H100 SXM has 80 GB of HBM3 memory.", "80 GB", "nvidia-h100-sxm"),
    ("Here we see that the NVIDIA A100 offers 2 TB/s of memory bandwidth.", "2 TB/s", "nvidia-a100"),
    ("As I see it, GPT-4 costs $30 per million input tokens.", "$30", "gpt-4"),
    ("When we tested the NVIDIA H100 SXM, it had 40 GB of memory.", "40 GB", "nvidia-h100-sxm"),
    # the number inside the writer's verb phrase stays their run's
    ("I can run Mistral 7B at ~25 tok/s on my desk.", "~25 tok/s", "new"),
    ("We only trained the Llama 2 7B model to 2T tokens.", "2T tokens", "new"),
    # a comma and a new subject without a verb of what a thing has, a verb of having inside a
    # relative clause, and seeing that is no reader's aside leave the figure the writer's run's
    ("We tested Llama 3 8B on the NVIDIA RTX 4090, it reached 40 tok/s.", "40 tok/s", "new"),
    ("On the NVIDIA A100 we saw 35 tok/s with Llama 2 13B.", "35 tok/s", "new"),
    ("We ran Llama 2 70B on the NVIDIA H100 SXM, the throughput was 400 tok/s.", "400 tok/s", "new"),
    ("We trained Llama 2 7B on a cluster that has 512 A100 GPUs for 21 days.", "21 days", "new"),
])
def test_only_a_number_inside_the_writer_s_verb_phrase_is_their_run_s(project_registry, text, raw, entity):
    got = {r: e for r, e, _ in _links(project_registry, text)}
    assert [e for r, e in got.items() if r.startswith(raw)] == [entity], got


PRECISION_ROWS = """\
| GPU | Peak dense compute |
| --- | --- |
| NVIDIA H100 SXM (FP8) | 3,958 TFLOPS |
| NVIDIA A100 (INT8) | 624 TOPS |
"""


def test_a_bare_precision_in_brackets_leaves_the_card(project_registry):
    # the card's peak at that precision, not a configuration of the writer's (a bracket with a
    # model size or a quantisation beside the precision still is one: QUANT_ROWS)
    got = {raw: ent for raw, ent, _ in _links(project_registry, PRECISION_ROWS) if "TOPS" in raw or "TFLOPS" in raw}
    assert got == {"3,958 TFLOPS": "nvidia-h100-sxm", "624 TOPS": "nvidia-a100"}, got
