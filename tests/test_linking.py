"""Linking on real writing: which property and entity a number gets (kb/extract/linking.py).

Each case is a paraphrase of a kind of sentence or table the real development articles
write, not a copied one; the registry is the project's own (datasets/), whose properties'
cues: and needs: words the linker reads.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import drafts_by_raw

from kb.extract.drafts import extract_text
from kb.extract import linking
from kb.extract.linking import load_registry

ROOT = Path(__file__).resolve().parents[1]


def _links(reg, text):
    return [(d.raw, d.entity or ("new" if d.entity_new else None), d.property) for d in extract_text(text, reg)]


def _entities(reg, text):
    """The entity (or "new") of each number of ``text``, by the number as written (the last of equal ones)."""
    return {raw: e for raw, e, _ in _links(reg, text)}


# --- a property the unit alone never makes a number (its needs: words) -----------------

@pytest.mark.parametrize("text, prop", [
    # a monthly amount is a cost rate; a saving, a burn or a subscription needs its word
    ("Our hosted chatbot setup costs about $4,200 per month in GPU time.", "cost-rate"),
    ("Moving the batch jobs to another provider saves roughly $1,500 a month.", "savings-rate"),
    # a count of GPUs is how many there are; the scale-up domain needs its interconnect named
    ("The new training cluster has 512 GPUs in total.", "gpu-count"),
    ("A single NVLink domain joins up to 72 GPUs.", "scale-up-domain-size"),
    # a percentage is a share; a discount rate needs its word
    ("About 35% of the budget goes to electricity.", "share"),
    ("The analysts discount future cash flows at 8% a year, their cost of capital.", "discount-rate"),
    ("| Item | Portion |\n|---|---|\n| Evaluation and testing | 5-10% |\n", "share"),
    ("The company kept a 70% margin on its chips.", "gross-margin"),
    # a device's wattage is its rating; a measured draw says it was measured
    ("The box consumes 6 kW.", "tdp"),
    ("In our tests the card was measured drawing 450 W on average under load.", "power-draw"),
])
def test_a_specialised_property_needs_its_word(project_registry, text, prop):
    assert [p for _, _, p in _links(project_registry, text)] == [prop]


TABLES = """\
## Runs at larger scale

| Model size | GPUs | Wall time |
|------------|------|-----------|
| 13B | 48 | ~6 days |

## Budget split

| Item | Portion | Comment |
|------|---------|---------|
| Power (own site) | 5-10% | Depends on tariff |

| Team | Monthly bill (committed) |
|------|--------------------------|
| 16 | ~$60,000 |
"""


@pytest.mark.parametrize("text, prop", [
    # a cue word is a whole word: "subs" is not "subsidies", "paid" is not "unpaid"
    ("Subsidies for the service reached 20 million users.", "weekly-active-users"),
    ("The app has 20 million paid subs.", "paying-subscribers"),
])
def test_a_cue_is_a_whole_word_not_letters_inside_another(project_registry, text, prop):
    assert [p for _, _, p in _links(project_registry, text)] == [prop]


@pytest.mark.parametrize("text, prop", [
    # finance and build-out words name their own properties; plain spending stays what it was
    ("The lab reported a cost of revenue of $2.5 billion in the first half.", "cost-of-revenue"),
    ("The company spent $2.5 billion on compute in 2024.", "compute-spend"),
    ("It ended the year with $1 billion of cash on hand.", "cash-on-hand"),
    ("Gas turbines now cost $2,500/kW to build.", "capital-cost-per-capacity"),
    ("Transformer shortages push back go-live by 12 months.", "schedule-delay"),
])
def test_finance_and_build_out_words(project_registry, text, prop):
    assert [p for _, _, p in _links(project_registry, text)] == [prop]


def test_table_cells_take_the_plain_reading_of_their_unit(project_registry):
    # "scale" in a heading is no scale-up domain; "site" or "own" no idle share; a monthly
    # bill no saving
    got = {raw: prop for raw, _, prop in _links(project_registry, TABLES)}
    assert got == {"13B": "parameters-total", "48": "gpu-count", "~6 days": "training-duration",
                   "5-10%": "share", "~$60,000": "cost-rate"}


# --- a table's scenario column and its rows -------------------------------------------

SCENARIO_COLUMN = """\
## Who gains

| Company | Scenario value (TUSD) | Today (TUSD) |
|---------|------------------------|--------------|
| Microsoft | 5.10 | 3.90 |
| Widget Works | 0.40 | 0.20 |
"""


def test_a_scenario_column_keeps_the_registry_entity_a_row_names(project_registry):
    # the scenario is the named company's; a row naming nothing in the registry is the
    # article's own thing
    got = [(raw, ent) for raw, ent, _ in _links(project_registry, SCENARIO_COLUMN)]
    assert got == [("5.10", "microsoft"), ("3.90", "microsoft"), ("0.40", "new"), ("0.20", "new")]


@pytest.mark.parametrize("text, prop", [
    ("OpenAI expects to be bringing in $100 billion a few years from now.", "revenue"),
])
def test_money_words(project_registry, text, prop):
    assert [p for _, _, p in _links(project_registry, text)] == [prop]


# --- the heading's entity -------------------------------------------------------------

HEADED = """\
## Intel Gaudi 3

Every card carries 128GB of HBM2e memory.

## CoreWeave

The pilot deployment used 64 GPUs.
"""


def test_a_heading_names_the_entity_of_the_kind_its_property_is_about(project_registry):
    # a GPU's memory under a GPU's heading is that GPU's; a deployment's GPUs under a
    # company's heading are the article's own deployment (a GPU count is chiefly a system's)
    assert _links(project_registry, HEADED) == [("128GB", "intel-gaudi-3", "memory-capacity"), ("64 GPUs", "new", "gpu-count")]


# --- the kind of the entity decides between properties of one unit ---------------------

HOURLY = """\
The H100 is widely available. One smaller host asks a premium rate of $9.50 per hour for it.

### Our own cluster, cost per GPU-hour

| Component | $/GPU-hr | Share |
|-----------|----------|-------|
| Electricity | $0.18 | 10% |
"""


def test_an_hourly_price_of_a_gpu_is_its_rent_and_of_the_articles_own_cluster_a_cost(project_registry):
    # "rate" and "per hour" are in both properties' names; what the number is about decides
    assert _links(project_registry, HOURLY) == [("$9.50 per hour", "nvidia-h100", "rental-price"),
                                                ("$0.18", "new", "cost-rate"), ("10%", "new", "share")]


# --- a registry name that only qualifies the article's own thing --------------------------

def test_a_name_qualifying_the_articles_own_configuration_is_not_the_entity(project_registry):
    text = ("Our H100 SXM configuration needs 40% more capital than the alternative.\n\n"
            "The H100 SXM is rated at 700 W.\n")
    assert [(raw, ent) for raw, ent, _ in _links(project_registry, text)] == [("40%", "new"), ("700 W", "nvidia-h100-sxm")]


def test_what_follows_a_multiple_is_its_baseline(project_registry):
    text = "Per request, ChatGPT is put at 0.3 Wh in one estimate - 10x a Google search.\n"
    assert [(raw, ent) for raw, ent, _ in _links(project_registry, text)] == [("0.3 Wh", "chatgpt"), ("10x", "chatgpt")]


# --- a vendor's name before its product's ------------------------------------------------

def test_a_vendors_name_before_its_products_is_part_of_the_name(project_registry):
    from kb.extract.linking import index_for

    idx = index_for(project_registry.entities, project_registry.properties)
    text = "Benchmarks of the Google TPU v5e and the AMD MI250; Google itself"
    assert [(text[a:b], e) for a, b, e in idx.aliases_in(text)] == [
        ("Google TPU v5e", "google-tpu-v5e"), ("AMD MI250", "amd-mi250"), ("Google", "google")]


def test_a_memory_size_is_no_cache_without_the_word(project_registry):
    table = "| Chip | Memory per chip (GB) |\n|---|---|\n| Google TPU v5e | 16 |\n"
    assert _links(project_registry, table) == [("16", "google-tpu-v5e", "memory-capacity")]


def test_a_count_of_gpus_in_a_row_is_what_the_row_runs_on_not_what_it_is(project_registry):
    table = ("| Served model | Hardware | Monthly cost |\n|---|---|---|\n"
             "| 13B chat model | 2x A100 80GB | $6,000-9,000 |\n"
             "| H100 SXM | 1x H100 SXM | $2,000 |\n")
    got = [(raw, ent) for raw, ent, _ in _links(project_registry, table) if raw.startswith("$")]
    assert got == [("$6,000-9,000", "new"), ("$2,000", "nvidia-h100-sxm")]


def test_context_length_and_memory_to_run_a_model(project_registry):
    text = ("## Mistral 7B\n\nIt supports a context length of 32k tokens. "
            "You will need a card with at least 16 GB of RAM to run it.\n")
    assert _links(project_registry, text) == [("32k tokens", "mistral-7b", "context-window"),
                                              ("at least 16 GB", "mistral-7b", "serving-memory")]


def test_cost_in_a_caption_does_not_outweigh_on_demand_in_the_column(project_registry):
    text = ("### What a trillion-token run costs\n\n"
            "| Quarter | H100 on-demand $/hr | Cost per 1B tokens |\n|---|---|---|\n"
            "| Q2 2024 | $27-$31 | ~$3,500 |\n")
    assert ("$27-$31", "nvidia-h100", "rental-price") in _links(project_registry, text)


@pytest.mark.parametrize("header, pricing", [("Spot price per hour", "spot"),
                                               ("On demand ($/h)", "on-demand"),
                                               ("Reserved, 1 yr ($/h)", "reserved"),
                                               ("Price per hour", None)])
def test_a_price_columns_header_names_its_pricing_model(project_registry, header, pricing):
    # the row says nothing of the pricing model: the column's header does
    text = (f"| GPU | {header} |\n|---|---|\n"
            "| A100 80GB | $1.10 |\n| L40S | $0.85 |\n")
    drafts = [d for d in extract_text(text, project_registry) if d.property == "rental-price"]
    assert len(drafts) == 2
    assert all(d.conditions.get("pricing") == pricing for d in drafts)


def test_a_cue_in_the_cells_own_labels_outranks_a_word_only_the_caption_has(project_registry):
    # the caption says what the table is about ("Today" is a valuation), unless the
    # column names another property itself ("NI")
    text = ("## Valuations: who adds the most\n\n"
            "| Company | Market cap (TUSD) | Today (TUSD) | Incremental NI (BUSD) |\n|---|---|---|---|\n"
            "| Microsoft | 5.10 | 3.70 | 80.5 |\n")
    assert _links(project_registry, text) == [("5.10", "microsoft", "valuation"), ("3.70", "microsoft", "valuation"),
                                              ("80.5", "microsoft", "net-income")]


def test_a_family_name_means_the_one_size_the_article_names(project_registry):
    text = ("Mixtral 8x7B is a sparse mixture of experts. In our tests Mixtral needed 90GB of VRAM in half "
            "precision.\n\nLlama 3 70B is large. Llama 3 8B is small. Llama 3 was trained on 15T tokens.\n")
    # one size named: the family's name is that model; two sizes named: the family
    assert [(raw, ent) for raw, ent, _ in _links(project_registry, text)] == [("90GB", "mixtral-8x7b"), ("15T tokens", "llama-3")]


def test_a_memory_generations_table(project_registry):
    # "GBps" is gigabytes (a bandwidth), not a per-pin data rate; DRAM is what HBM is made of
    table = ("| Memory | Data rate (Gbps) | Bandwidth per stack (GBps) | DRAM capacity per stack (GB) |\n"
             "|---|---|---|---|\n| HBM3 | 6.4 | 819 | 24 |\n")
    assert _links(project_registry, table) == [("6.4", "hbm3", "memory-data-rate"), ("819", "hbm3", "memory-bandwidth"),
                                               ("24", "hbm3", "memory-capacity")]


def test_a_size_shared_by_two_variants_names_the_plainer_one(project_registry):
    from kb.extract.linking import index_for

    idx = index_for(project_registry.entities, project_registry.properties)
    text = "Qwen 3 235B is open"
    assert [(text[a:b], e) for a, b, e in idx.aliases_in(text)] == [("Qwen 3 235B", "qwen3-235b-a22b")]


def test_a_column_headed_by_an_amount_is_a_workload_on_the_rows_thing(project_registry):
    text = ("| Model | Price per 1M input | 128K Input Cost |\n|---|---|---|\n| GPT-4o | $2.50 | $0.32 |\n\n"
            "| GPU | 8-GPU Node TDP |\n|---|---|\n| H100 SXM | ~10 kW |\n")
    drafts = extract_text(text, project_registry)
    assert [(d.raw, d.entity, d.property) for d in drafts] == [
        ("$2.50", "gpt-4o", "token-price"), ("$0.32", None, "workload-cost"), ("~10 kW", "nvidia-h100-sxm", "tdp")]
    assert drafts[1].entity_new == "GPT-4o (128K Input Cost)"


def test_a_list_lines_own_label_names_its_number(project_registry):
    text = "Self-hosting a 70B model on rented H100 GPUs:\n\n- Storage fees: $400/month\n- H100: $2,000/month\n"
    got = {raw: (ent, prop) for raw, ent, prop in _links(project_registry, text)}
    # the storage line is the article's own cost item; the line that names the GPU is the GPU's
    assert got["$400/month"] == ("new", "cost-rate")
    assert got["$2,000/month"][0] == "nvidia-h100"
    # (a line naming a count of them, "- 2x H100: $4,000/month", is a group of the article's
    # own, as curators record it: tests/test_linking_new_entity.py)
    got = {raw: ent for raw, ent, _ in _links(project_registry, text.replace("H100: $2,000", "2x H100: $4,000"))}
    assert got["$4,000/month"] == "new"


# --- a curator's own property: its cues: and needs: words are data ----------------------

NEW_PROPS = """\
properties:
  - id: resend-share
    name: Resend share
    description: Part of calls sent again.
{words_resend}    canonical_unit: percent
    plausible:
      any: {{low: 0 percent, high: 100 percent, rationale: "A part of a whole."}}
  - id: quarter-audience
    name: Quarter audience
    description: Distinct people in three months.
{words_quarter}    canonical_unit: million user
    plausible:
      product: {{low: 0 million user, high: 8000 million user, rationale: "People online."}}
"""


def _registry_with(tmp_path, words_resend: str, words_quarter: str):
    import shutil

    for sub in ("entities", "properties"):
        shutil.copytree(ROOT / "datasets" / sub, tmp_path / "datasets" / sub)
    shutil.copy(ROOT / "datasets" / "conditions.yaml", tmp_path / "datasets" / "conditions.yaml")
    (tmp_path / "datasets" / "properties" / "zz-own.yaml").write_text(
        NEW_PROPS.format(words_resend=words_resend, words_quarter=words_quarter), encoding="utf-8")
    return load_registry(tmp_path)


RETRIED = "About 12% of the requests were retried after a timeout."
ANSWERED = "About 12% of the requests were answered after a timeout."
LAST_QUARTER = "The app reached 30 million users in the last quarter."
IN_MARCH = "The app reached 30 million users in March."


def test_a_property_added_as_data_links_as_its_words_say(tmp_path):
    reg = _registry_with(tmp_path, '    cues: ["retr*"]\n    needs: ["retr*"]\n', '    cues: ["*quarter*"]\n')
    assert [p for _, _, p in _links(reg, RETRIED)] == ["resend-share"]
    assert [p for _, _, p in _links(reg, ANSWERED)] == ["share"]  # not without its word
    assert [p for _, _, p in _links(reg, LAST_QUARTER)] == ["quarter-audience"]  # a count of users: a cue decides
    assert [p for _, _, p in _links(reg, IN_MARCH)] == ["weekly-active-users"]


def test_without_the_words_the_same_property_is_not_picked(tmp_path):
    reg = _registry_with(tmp_path, "", "")
    assert [p for _, _, p in _links(reg, RETRIED)] == ["share"]
    assert [p for _, _, p in _links(reg, LAST_QUARTER)] == ["weekly-active-users"]


def test_a_needed_word_alone_makes_a_property_a_candidate_not_the_winner(tmp_path):
    # needs: without cues: the word lets the property compete; the plain reading of a
    # percentage still outweighs it when nothing else names it
    reg = _registry_with(tmp_path, '    needs: ["retr*"]\n', "")
    assert [p for _, _, p in _links(reg, RETRIED)] == ["share"]
    # an entry marked "=" matches the case as written, in needs: as in cues:
    reg = _registry_with(tmp_path / "b", '    needs: ["=RETRY"]\n    cues: ["=RETRY"]\n', "")
    assert [p for _, _, p in _links(reg, "About 12% of the requests hit RETRY after a timeout.")] == ["resend-share"]
    assert [p for _, _, p in _links(reg, "About 12% of the requests hit retry after a timeout.")] == ["share"]


# --- a count: what it counts, from the counted noun ------------------------------------

@pytest.mark.parametrize("text, item", [
    ("The preprint credits 212 authors across four institutions.", "author"),
    ("The lab published 3 base models alongside the chat versions.", "base-model"),
    ("Alongside them come 2 instruct models tuned for dialogue.", "instruct-model"),
    ("This spring the startup put out 6 new open models.", "model"),
])
def test_a_count_says_what_it_counts_from_its_noun(project_registry, text, item):
    counts = [d for d in extract_text(text, project_registry) if d.unit == "item"]
    assert counts, text
    assert counts[0].property == "count"
    assert counts[0].conditions.get("item") == item


@pytest.mark.parametrize("text, value, unit, item", [
    # a thing with no count property of its own ("racks": unit rack) is a count with its item
    ("A computing centre with 1000 racks and about 25000 square feet needs 100 MW.", 1000, "item", "rack"),
    # a site's equipment and its operation ("PDUs", "spine switches", "batches", "test runs")
    ("The hall needs 24 PDUs and 4 backup generators.", 24, "item", "pdu"),
    ("The fabric has 2 spine switches above the leaves.", 2, "item", "spine-switch"),
    ("The GPU pays for itself after 2,553 batches.", 2553, "item", "batch"),
    ("We did 5 test runs on each engine.", 5, "item", "test-run"),
    # other words for the same kinds name the same item ("diesel", "standby" generators are backup ones)
    ("The site keeps 6 diesel generators on the lot.", 6, "item", "backup-generator"),
    ("The site keeps 6 standby generators on the lot.", 6, "item", "backup-generator"),
    ("Meta's Llama 3 8B had 12 benchmark runs.", 12, "item", "test-run"),
    # a decimal with a scale word is a count too ("the 3.1 models" stays a version)
    ("The city has 11.6 million households.", 11.6, "million item", "household"),
])
def test_a_count_of_equipment_or_operations_has_its_item(project_registry, text, value, unit, item):
    counts = [d for d in extract_text(text, project_registry) if d.value == value]
    assert counts, text
    assert (counts[0].unit, counts[0].property, counts[0].conditions.get("item")) == (unit, "count", item)


def test_a_reading_per_rack_keeps_its_unit_and_a_version_is_no_count(project_registry):
    ds = extract_text("Racks draw 80-120 kW per rack in the new hall.", project_registry)
    assert [(d.unit, d.conditions.get("scope")) for d in ds] == [("kW", "per-rack")]
    # "a 200K batch" is the batch's size, no count of batches
    assert not [d for d in extract_text("Run one 200K batch a week.", project_registry) if d.property == "count"]
    assert not [d for d in extract_text("The Llama 3.1 models are out.", project_registry) if d.property == "count"]
    # a kind the item condition has no value for is no count with no item
    assert not [d for d in extract_text("The hall has 48 network switches.", project_registry)
                if d.property == "count" and not d.conditions.get("item")]


@pytest.mark.parametrize("text, value", [
    ("Training GPT-3 used 1 year of electricity for 212 households.", 212),
    ("The new campus will draw as much power as 750,000 households.", 750000),
    ("The data center uses enough electricity to power 80,000 households.", 80000),
    ("| Model | Energy | Equivalent |\n|---|---|---|\n| GPT-3 | 1,287 MWh | 212 households |\n", 212),
])
def test_households_an_equivalence_puts_a_figure_in_are_a_multiple_not_a_count(project_registry, text, value):
    # the equivalence readings win over the item count: so many times what one household uses
    ds = [d for d in extract_text(text, project_registry) if d.value == value]
    assert [(d.unit, d.property) for d in ds] == [("x", "ratio")], text


def test_a_noun_the_vocabulary_lacks_leaves_the_item_unset():
    from kb.extract.linking import _counted_value
    values = ("model", "base-model", "author")
    assert _counted_value("40 tapestries", values) is None
    assert _counted_value("", values) is None
    # the longest value that ends the noun, never one the noun only begins with
    assert _counted_value("5 base models", values) == "base-model"
    assert _counted_value("5 models of the base kind", values) is None


# --- a proper name in lower case is the common word --------------------------------------

def test_a_capitalised_name_in_lower_case_is_the_common_word(project_registry):
    # "us" the pronoun is not the US, "replicate" the verb is not the company
    for text in ("Batching the requests gave us a 12x speed-up over the naive loop.",
                 "Anyone hoping to replicate the run would need about $40 million of hardware."):
        ds = extract_text(text, project_registry)
        assert ds, text
        assert all(d.entity not in ("us", "replicate") for d in ds), [(d.raw, d.entity) for d in ds]
    # written as a name, it still is one
    ds = extract_text("The US added 9 GW of generating capacity last year.", project_registry)
    assert [d.entity for d in ds if d.unit == "GW"] == ["us"]


@pytest.mark.parametrize("written, entity", [
    ("GPT4o", "gpt-4o"),                          # the name and its number written together
    ("Llama3.1 70B", "llama-3.1-70b"),
    ("MI-300X", "amd-mi300x"),                    # ... or apart
    ("claude-3-5-sonnet", "claude-3.5-sonnet"),   # a version's dot as a hyphen, as API ids write it
    ("gemini-1-5-pro", "gemini-1.5-pro"),
])
def test_a_name_written_as_ids_and_code_write_it(project_registry, written, entity):
    from kb.extract.linking import index_for

    text = f"Last quarter we moved the summariser to {written} and kept the rest."
    hits = index_for(project_registry.entities, project_registry.properties).aliases_in(text)
    assert [(text[a:b], e) for a, b, e in hits] == [(written, entity)]


@pytest.mark.parametrize("text", [
    "Its TPU 7x faster claim was never checked.",    # a multiplier after a name is no name
    "The card has 80 GB 200 times over.",            # a unit and a number are no glued name
    "They compared GPT 3 5 times in a row.",         # a version split only inside a name
])
def test_the_written_forms_never_make_a_name_of_a_number(project_registry, text):
    from kb.extract.linking import index_for

    hits = index_for(project_registry.entities, project_registry.properties).aliases_in(text)
    assert all(e not in ("google-tpu-v7", "nvidia-gb200", "gpt-3.5-turbo") for _, _, e in hits)


@pytest.mark.parametrize("text, entity", [
    ("Each of our H100 80 GB PCIe cards is capped at 350 W.", "nvidia-h100-pcie"),
    ("An H100 80GB SXM5 board moves 3.35 TB/s from its memory.", "nvidia-h100-sxm"),
])
def test_a_memory_size_between_family_and_variant_word_is_one_name(project_registry, text, entity):
    # one name, not the family and then a variant: the variant is the only candidate
    (d,) = extract_text(text, project_registry)
    assert d.entity == entity
    assert "|sure|" in d.evidence["entity"], d.evidence


def test_a_name_followed_by_a_point_release_is_not_that_name():
    # "Zephyr 2.5" is not "Zephyr 2": a later point release the registry lacks names nothing of it
    from kb.extract.linking import index_for

    ents = [{"id": "zephyr-2", "kind": "model", "aliases": ["Zephyr 2"]},
            {"id": "zephyr-2.1", "kind": "model", "aliases": ["Zephyr 2.1"]}]
    idx = index_for(ents, [])
    for text, want in (("Zephyr 2.5 is out.", []), ("Zephyr 2.1 is out.", ["zephyr-2.1"]),
                       ("We ran Zephyr 2. It was fine.", ["zephyr-2"]), ("Two Zephyr 2s ran.", ["zephyr-2"])):
        assert [e for _, _, e in idx.aliases_in(text)] == want, text


def test_a_vendors_trademark_sign_does_not_split_the_name(project_registry):
    from kb.extract.linking import index_for

    text = "The NVIDIA® H100 and the AMD® MI300X were both sold out."
    hits = index_for(project_registry.entities, project_registry.properties).aliases_in(text)
    assert [(text[a:b], e) for a, b, e in hits] == [("NVIDIA® H100", "nvidia-h100"), ("AMD® MI300X", "amd-mi300x")]


# --- specialised properties of the December 2026 vocabulary: each needs its word, and the
# general property of the same unit keeps the numbers that do not say it ------------------

@pytest.mark.parametrize("text, prop", [
    ("The plant's chillers provide about 150 MW of cooling capacity.", "cooling-capacity"),
    ("The campus needs 300 MW of power for its GPUs.", "facility-power"),
    ("The chipmaker reported earnings per share of $0.89 for the quarter.", "earnings-per-share"),
    ("The firm reported revenue of $3.2 billion for the quarter.", "revenue"),
    ("We ran the load test with 64 concurrent requests.", "concurrency"),
    ("The service handled 2 million requests per day.", "workload-requests"),
    ("The model's weights take 140 GB in FP16.", "weights-memory"),
    ("The forecast assumes a constraint factor of 60% for the grid.", "constraint-factor"),
    ("Solar farms reach a capacity factor of 25%.", "capacity-factor"),
])
def test_a_new_specialised_property_needs_its_word(project_registry, text, prop):
    assert [p for _, _, p in _links(project_registry, text)] == [prop]


# --- what the article or the section is about -----------------------------------------

# a company's results: its name only in the title; the numbers below name nothing
RESULTS = """\
---
title: "Intel's quarter: a miss on sales, a beat on margins"
---

The chipmaker posted sales of $12.7 billion against the $13.1 billion expected.

Net income fell to $1.4 billion in the same period.
"""

# a country's grid: its name in a heading two levels up, then a heading that names nothing
GRID = """\
# Power for computing

## Germany

### Consumption

- Projected demand for 2030: 95 TWh
- Demand in 2024: 71 TWh

## India

Grid demand reached 1,700 TWh last year.
"""


def test_a_number_that_names_nothing_is_about_the_titles_company(project_registry):
    got = _links(project_registry, RESULTS)
    assert [(e, p) for _, e, p in got] == [("intel", "revenue"), ("intel", "revenue"), ("intel", "net-income")]
    (d, *_) = extract_text(RESULTS, project_registry)
    assert d.evidence["entity"].startswith("subject|article|")


def test_a_section_is_about_the_region_its_heading_or_a_heading_above_names(project_registry):
    got = [(e, p) for _, e, p in _links(project_registry, GRID)]
    assert got == [("germany", "electricity-use"), ("germany", "electricity-use"), ("india", "electricity-use")]


@pytest.mark.parametrize("sentence", [
    "In our own setup we pay $4.1 billion a year for it.",           # the writer's own
    "If you spend $4.1 billion on it, you get twice that back.",     # a hypothetical
    "A mid-sized data center would cost $4.1 billion to build.",     # one instance of a facility
])
def test_a_hypothetical_or_the_writers_own_is_not_the_subjects(project_registry, sentence):
    text = "# Intel after the spin-off\n\n" + sentence + "\n"
    assert all(e != "intel" for _, e, _ in _links(project_registry, text))


def test_a_model_or_gpu_in_the_title_is_no_default_for_worked_examples(project_registry):
    # an article about a GPU works examples on configurations built from it
    text = "# Renting the MI300X\n\nThe monthly bill comes to $9,800 for the whole setup.\n"
    assert [e for _, e, _ in _links(project_registry, text)] != ["amd-mi300x"]


@pytest.mark.parametrize("line, entity", [
    ("- Three Mile Island: 835 MW", "three-mile-island-unit-1"),
    ("**Small modular reactors**: 4-6 years to build", "small-modular-reactors"),
])
def test_a_lines_label_names_its_numbers_entity(project_registry, line, entity):
    text = "# Intel's power plans\n\nWhat the plans list:\n\n" + line + "\n"
    assert [e for _, e, _ in _links(project_registry, text)] == [entity]


@pytest.mark.parametrize("line", ["- With 64 H100s: 12 days", "- Cost at $2.10/hr (on Lambda Labs): $86,000"])
def test_a_label_that_is_a_setup_or_a_sum_names_no_entity(project_registry, line):
    text = "A worked example:\n\n" + line + "\n"
    assert all(ev != "label" for ev in (d.evidence.get("entity", "").split("|")[0] for d in extract_text(text, project_registry)))


@pytest.mark.parametrize("story", [
    "If a lab spends $300 million on a run, it needs $600 million back.",
    "Say you've spent $300 million on the run; you need $600 million back.",
    "Picture it: a $300 million run that brings in $600 million.",
    "A model built for $300 million that brings in $600 million pays for itself.",
])
def test_a_hypothetical_after_a_companys_name_is_not_the_companys(project_registry, story):
    # a quoted worked example right after a real company is named (the company's chief
    # speaking): the numbers are the example's, not the company's
    text = "Anthropic's chief explained the economics in an interview. \"" + story + "\"\n"
    got = _links(project_registry, text)
    assert len(got) == 2 and all(e != "anthropic" for _, e, _ in got), got


@pytest.mark.parametrize("written", ["an A100 (80GB PCIe)", "a 80GB A100 PCIe"])
def test_a_variants_memory_size_written_first_or_in_brackets_names_the_variant(project_registry, written):
    text = f"On {written} the memory moves 1,935 GB/s."
    assert [e for _, e, _ in _links(project_registry, text)] == ["nvidia-a100-pcie-80gb"]


def test_a_comment_in_a_code_block_is_no_heading(project_registry):
    text = ("## Germany\n\nThe model we use:\n\n```python\n# grow the load each year\nload = load * 1.1\n```\n\n"
            "Demand reached 71 TWh in 2024.\n")
    assert [e for raw, e, _ in _links(project_registry, text) if raw.startswith("71")] == ["germany"]


@pytest.mark.parametrize("lead, entity", [
    # named far more often than anything else, but in no title or heading: no subject (a number
    # naming nothing was then mostly about a thing of the article's own)
    ("China builds. China plans. China grows. China again, and China once more; India once.", None),
    ("China builds. China plans. China grows. India too.", None),
    ("# China's grid\n\nChina builds. India too.", "china"),  # the title names it
])
def test_the_articles_subject_is_what_its_title_names_not_what_it_names_most(project_registry, lead, entity):
    (d,) = extract_text(lead + "\n\nGrid demand grew 12% a year since then.\n", project_registry)
    assert d.entity == entity


def test_the_subject_chooses_the_property_when_the_words_guessed_one_it_cannot_have(project_registry):
    # "inference costs" alone reads as a workload's cost; under a company's title it is the
    # company's spending on compute
    (d,) = extract_text("# OpenAI and its bills\n\n- Reported inference costs for 2024: $2 billion\n", project_registry)
    assert (d.entity, d.property) == ("openai", "compute-spend")


@pytest.mark.parametrize("sentence, is_subjects", [
    ("Operating profit roughly tripled in the quarter.", True),   # its own growth
    ("The new part runs 3x faster than the old one.", False),     # a comparison of two things
    ("Orders doubled compared with the rival's.", False),
])
def test_a_multiplier_is_the_subjects_only_when_it_is_its_own_growth(project_registry, sentence, is_subjects):
    (d,) = extract_text("---\ntitle: Intel's results\n---\n\n" + sentence + "\n", project_registry)
    assert (d.entity == "intel") == is_subjects, d.evidence


def test_a_size_written_as_a_name_is_the_named_models_variant_of_that_size(project_registry):
    text = ("We compared Llama 3 with its bigger sibling at length.\n\n"
            "The weights of the 70B model take 140 GB of memory in 16-bit.\n")
    assert [(e, p) for _, e, p in _links(project_registry, text)] == [("llama-3-70b", "parameters-total"),
                                                                       ("llama-3-70b", "weights-memory")]
    # with no model named in the article, a size names nothing
    assert all(e is None or not e.startswith("llama") for _, e, _ in _links(project_registry, text.split("\n\n")[1]))


@pytest.mark.parametrize("label, entity", [
    ("**Natural gas combined-cycle**: 3 years to build", "natural-gas-ccgt"),
    ("- Nuclear power plants: about 10 years to build", "nuclear-plant"),
])
def test_a_power_source_is_named_by_its_usual_full_name(project_registry, label, entity):
    assert [e for _, e, _ in _links(project_registry, "How long new capacity takes:\n\n" + label + "\n")] == [entity]


@pytest.mark.parametrize("sentence, entity", [
    # the thing an amount is in, named right after it, not the party named before
    ("Last year Microsoft booked $310 million in revenue share payments.", "openai-microsoft-revenue-share"),
    ("Microsoft reported $310 million in revenue share payments.", "openai-microsoft-revenue-share"),
])
def test_an_amount_of_a_named_thing_is_that_things(project_registry, sentence, entity):
    assert [e for _, e, _ in _links(project_registry, sentence + "\n")] == [entity]


def test_a_ratio_column_is_about_the_thing_whose_value_is_its_numerator(project_registry):
    """In a comparison table the ratio column names no thing; redoing the row's arithmetic
    says which column is the numerator, whichever side of the table it stands on."""
    table = ("| Feature | NVIDIA H100 | NVIDIA B200 | Generational Uplift |\n| --- | --- | --- | --- |\n"
             "| Memory | 80 GB | 192 GB | 2.4x |\n| Thermal Design Power (TDP) | 700 W | 1,000 W | 1.43x |\n")
    got = [(d.raw, d.entity, d.property) for d in extract_text(table, project_registry) if d.unit == "x"]
    assert got == [("2.4x", "nvidia-b200", "ratio"), ("1.43x", "nvidia-b200", "ratio")]
    table = ("| Spec | H100 SXM | H100 PCIe | Difference |\n|---|---|---|---|\n"
             "| Bandwidth | 3.35 TB/s | 2.0 TB/s | +67.5% |\n")
    got = [(d.raw, d.entity, d.unit) for d in extract_text(table, project_registry) if d.unit in ("x", "percent")]
    assert got == [("67.5%", "nvidia-h100-sxm", "percent")]   # a signed change, the SXM's
    # a ratio that no pair of the row's numbers gives is left as the column's words made it
    table = ("| Feature | NVIDIA H100 | NVIDIA B200 | Uplift |\n| --- | --- | --- | --- |\n"
             "| Memory | 80 GB | 192 GB | 5x |\n")
    got = [d for d in extract_text(table, project_registry) if d.unit == "x"]
    assert got and got[0].entity != "nvidia-b200"


def test_a_tree_drawn_with_box_characters_is_a_list_and_each_price_takes_its_own_pricing_word(project_registry):
    """"├── A100 PCIe: $1.35/hr on-demand, $1.25/hr committed": each line of the tree is an
    item whose label names its GPU (not the one of the line above), and each price takes the
    pricing word nearest to it."""
    text = ("High-End GPUs:\n├── H100 PCIe: $2.47/hr on-demand, $1.73/hr committed\n"
            "├── A100 PCIe: $1.35/hr on-demand, $1.25/hr committed\n└── L40S: $0.90/hr\n")
    got = [(d.raw, d.entity, d.conditions.get("pricing")) for d in extract_text(text, project_registry)]
    assert got == [("$2.47/hr", "nvidia-h100-pcie", "on-demand"), ("$1.73/hr", "nvidia-h100-pcie", "committed"),
                   ("$1.35/hr", "nvidia-a100", "on-demand"), ("$1.25/hr", "nvidia-a100", "committed"),
                   ("$0.90/hr", "nvidia-l40s", None)]
    # the quote of an item leaves the drawing out
    assert all(not d.quote.startswith(("├", "└")) for d in extract_text(text, project_registry))
    got = [(d.raw, d.conditions.get("pricing"))
           for d in extract_text("Lambda charges $2.99/hr on-demand and $1.85/hr reserved for the H100.", project_registry)]
    assert got == [("$2.99/hr", "on-demand"), ("$1.85/hr", "reserved")]


def test_a_name_with_its_vendor_and_architecture_names_one_thing(project_registry):
    """"NVIDIA Hopper H100 (SXM5)" names the H100 SXM; its vendor and architecture named
    beside it are no rival candidates that would make the link contested (and its
    confidence lower)."""
    table = ("| Feature | NVIDIA Hopper H100 (SXM5) |\n| --- | --- |\n| Peak Compute (BF16, Dense) | 990 TFLOPS |\n")
    (d,) = [d for d in extract_text(table, project_registry) if d.unit == "TFLOPS"]
    assert d.entity == "nvidia-h100-sxm" and d.evidence["entity"] == "table-column|sure|kind"
    # two GPUs in one header do contest each other
    table = ("| Feature | H100 or A100 |\n| --- | --- |\n| Peak Compute (BF16, Dense) | 990 TFLOPS |\n")
    (d,) = [d for d in extract_text(table, project_registry) if d.unit == "TFLOPS"]
    assert d.evidence["entity"].startswith("table-column|contested")


def test_an_article_naming_one_form_factor_of_a_gpu_means_it_by_the_family_name(project_registry):
    """"H100 SXM" named once and no other H100: "the H100" later is the SXM; an article
    that names both the SXM and the PCIe card keeps the family for the bare name."""
    one = "We compare the H100 SXM with its predecessor.\n\nThe H100 draws 700 W at full load."
    (d,) = [d for d in extract_text(one, project_registry) if d.raw == "700 W"]
    assert d.entity == "nvidia-h100-sxm"
    both = "We compare the H100 SXM with the H100 PCIe.\n\nThe H100 draws 700 W at full load."
    (d,) = [d for d in extract_text(both, project_registry) if d.raw == "700 W"]
    assert d.entity == "nvidia-h100"


@pytest.mark.parametrize("text, raw, entity", [
    # a price written with the bare name is the market's price of the family, even where the
    # article names one form factor elsewhere
    ("We compare the H100 SXM with its predecessor.\n\nAt $3.20/hr the H100 is the faster buy.",
     "$3.20/hr", "nvidia-h100"),
    ("We compare the H100 SXM with its predecessor.\n\nThe H100 sells for about $30,000 each.",
     "about $30,000", "nvidia-h100"),
    # a price on a line that names the variant is the variant's
    ("We compare the H100 SXM with its predecessor.\n\nThe H100 SXM rents at $3.20/hr on most clouds.",
     "$3.20/hr", "nvidia-h100-sxm"),
    ("| GPU | Price |\n|---|---|\n| H100 SXM | $2.99/hr |\n| A100 | $1.29/hr |\n\nThe H100 is fast.",
     "$2.99/hr", "nvidia-h100-sxm"),
])
def test_a_gpu_price_by_the_bare_name_is_the_familys(project_registry, text, raw, entity):
    (d,) = [d for d in extract_text(text, project_registry) if d.raw == raw]
    assert d.entity == entity
    assert d.property in ("rental-price", "purchase-price")


def test_a_class_name_hyphenated_to_the_word_before_is_not_the_class(project_registry):
    """"TensorRT-LLM" and "non-LLM" are no mention of LLMs in general; "LLMs" alone and a
    count before the hyphen ("8-GPU") are."""
    from kb.extract.linking import index_for

    idx = index_for(project_registry.entities, project_registry.properties)
    text = "TensorRT-LLM serves it; non-LLM jobs wait; most LLMs answer fast."
    assert [(text[a:b], e) for a, b, e in idx.aliases_in(text)] == [("LLMs", "llms")]
    (d,) = extract_text("We benchmark TensorRT-LLM on one H200.\n\nThe first token came after 100 ms.",
                        project_registry)
    assert d.entity != "llms"


def test_a_line_label_naming_a_thing_no_such_number_can_be_about_is_not_its_entity(project_registry):
    """"- **A100 SXM 80GB**: ~120,000 tokens/sec per GPU (8k context)": the line's label names
    a GPU, and no property measured in tokens is a GPU's; the 8k is not the GPU's context
    window (its throughput, in tokens per second, is the GPU's)."""
    text = "- **A100 SXM 80GB**: ~120,000 tokens/sec per GPU (8k context)\n"
    got = drafts_by_raw(text, project_registry)
    assert got["8k"].entity != "nvidia-a100-sxm-80gb"
    assert got["~120,000 tokens/sec"].entity == "nvidia-a100-sxm-80gb"


def test_who_got_the_money_is_not_who_spent_it(project_registry):
    """"OpenAI spent $8.7 billion on Microsoft Azure": the spending is OpenAI's; the thing
    named after "on" or "to" a verb of spending or paying is who got the money."""
    got = [(d.raw, d.entity) for d in extract_text("OpenAI spent $8.7 billion on Microsoft Azure inference in 2025.",
                                                     project_registry)]
    assert ("$8.7 billion", "openai") in got
    got = [(d.raw, d.entity) for d in extract_text(
        "Anthropic grew fast. They spent $2.66 billion on AWS through September 2025.", project_registry)]
    assert ("$2.66 billion", "anthropic") in got
    # a price for a thing keeps the thing named after it
    got = [(d.raw, d.entity) for d in extract_text("Lambda charges $2.49/hour for the H100.", project_registry)]
    assert ("$2.49/hour", "nvidia-h100") in got


def test_a_sentence_is_about_the_thing_it_opens_with(project_registry):
    """The sentence before a number names two things: the one it opens with is what the
    next sentence goes on about, not the one it names later."""
    text = "OpenAI spent $8.7 billion on Microsoft Azure inference last year. Full-year revenue hit ~$20 billion."
    got = [(d.raw, d.entity) for d in extract_text(text, project_registry)]
    assert ("~$20 billion", "openai") in got, got


def test_a_list_of_companies_is_the_group_not_its_last_member(project_registry):
    """"Amazon, Alphabet, Microsoft and Meta spent $X": the group the registry keeps with
    exactly those members (its name lists them), in the next sentence too; a list no group
    has is none of its members; one company named on its own is itself."""
    got = {d.raw: d.entity for d in extract_text(
        "Together Microsoft, Meta, Alphabet and Amazon invested $90 billion last quarter. "
        "That was five times their 2019 pace.", project_registry)}
    assert got == {"$90 billion": "big-tech", "five times": "big-tech"}, got
    # a member the group's name writes "Alphabet/Google" is named either way
    (d,) = extract_text("Amazon, Google, Microsoft and Meta spent $300 billion.", project_registry)
    assert d.entity == "big-tech", d.entity
    (d,) = extract_text("Meta, Oracle and Apple together raised $30 billion of debt.", project_registry)
    assert d.entity not in ("meta", "oracle", "apple"), d.entity
    (d,) = extract_text("Meta said it would spend $70 billion on capex.", project_registry)
    assert d.entity == "meta"


def test_a_list_of_companies_joined_by_an_ampersand_is_the_group(project_registry):
    """"Amazon, Alphabet, Microsoft & Meta spent $X": an ampersand joins a list as "and" does
    (the list's own gap pattern, not the one of two amounts "$2, $3 or $4" further down the
    module, which once shadowed it under the same name); a list no group has, with "&", is
    none of its members."""
    (d,) = extract_text("Amazon, Alphabet, Microsoft & Meta spent $300 billion.", project_registry)
    assert d.entity == "big-tech", d.entity
    (d,) = extract_text("Meta, Oracle & Apple together raised $30 billion of debt.", project_registry)
    assert d.entity not in ("meta", "oracle", "apple"), d.entity


def test_the_whole_a_percentage_is_of_is_not_its_subject(project_registry):
    """"China used 20% of global data-centre power": China's share; the world is the whole."""
    (d,) = extract_text("China used 20% of global data-centre electricity in 2023.", project_registry)
    assert d.entity == "china", d.entity
    # with no other thing named, the whole is all there is to link
    (d,) = extract_text("Inference takes 70% of the world's AI compute.", project_registry)
    assert d.entity == "world", d.entity


def test_a_form_factor_with_its_generation_names_the_variant(project_registry):
    """"B200 (SXM6)": the registry writes the variant "B200 SXM"; the generation digit after
    the form factor's word does not hide it."""
    text = "| Spec | NVIDIA B200 (SXM6) |\n|---|---|\n| Memory | 192 GB |\n"
    (d,) = extract_text(text, project_registry)
    assert d.entity == "nvidia-b200-hgx", d.entity


def test_an_amount_compared_with_a_named_measure_measures_the_same(project_registry):
    """"revenue of $X versus $Y estimated": $Y is revenue too; with no measure named before
    the first amount, each keeps its own reading."""
    got = {d.raw: d.property for d in extract_text(
        "The chipmaker posted revenue of $51.2 billion versus $49.9 billion estimated.", project_registry)}
    assert got == {"$51.2 billion": "revenue", "$49.9 billion": "revenue"}, got
    got = {d.raw: d.property for d in extract_text(
        "The two plans differ ($30M vs $28M revenue, $5M vs $9M TCO).", project_registry)}
    assert got["$9M"] != "revenue", got


def test_the_writers_own_thing_is_not_what_the_sentence_before_names(project_registry):
    """"... thanks to China. My 500 MW plant will cost $100M": the plant is the writer's, not China's."""
    got = {d.raw: d.entity for d in extract_text(
        "Panels got cheap, thanks to China. My 500 MW plant will cost $100M.", project_registry)}
    assert got["$100M"] != "china" and got["500 MW"] != "china", got


# --- a table cell whose property is not chiefly of the thing its row or column names ----

CARD_ROWS = """\
## From hourly rent to a price per token

| Card | Rent per hour | Price per million output tokens, card always busy |
| --- | --- | --- |
| RTX 4090 | $0.30 | roughly $0.85 |
| RTX 3090 | $0.18 | roughly $0.60 |
"""

MODEL_COLUMNS = """\
| Measure | **Llama 3.1 8B** | **Mistral 7B** |
| --- | --- | --- |
| Generation speed (tokens per second) | 410 | 380 |
"""

OWN_RIGS = """\
| Card | Rent per hour | Price per million output tokens, card always busy |
| --- | --- | --- |
| RTX 4090 desktop box | $0.30 | roughly $0.85 |
"""

SETUP_ROWS = """\
| Setup | Price per million output tokens |
| --- | --- |
| RTX 4090 | roughly $0.85 |
"""


def test_a_table_row_or_column_that_is_a_bare_name_is_the_cells_thing(project_registry):
    # a price per million tokens is chiefly a model's; in a table of cards it is the card's
    # (the card's rent turned into a token price), and a speed under a model's column is
    # that model's: not a thing of the article's own
    got = {raw: ent for raw, ent, _ in _links(project_registry, CARD_ROWS)}
    assert got == {"$0.30": "nvidia-geforce-rtx-4090", "roughly $0.85": "nvidia-geforce-rtx-4090",
                   "$0.18": "nvidia-geforce-rtx-3090", "roughly $0.60": "nvidia-geforce-rtx-3090"}
    assert {raw: (ent, prop) for raw, ent, prop in _links(project_registry, CARD_ROWS) if "$0.8" in raw} \
        == {"roughly $0.85": ("nvidia-geforce-rtx-4090", "token-price")}
    # the property the words say stays (a model's speed is its throughput, as curators record
    # it), not one of those the row's kind has chosen again
    assert _links(project_registry, MODEL_COLUMNS) == [("410", "llama-3.1-8b", "inference-throughput"),
                                                       ("380", "mistral-7b", "inference-throughput")]


def test_a_thing_built_from_a_named_one_or_a_setup_stays_the_articles_own(project_registry):
    # "an RTX 4090 desktop box" is a machine of the writer's, and a row under "Setup" one of
    # the writer's setups: the token price the card's kind does not have is theirs
    got = {raw: ent for raw, ent, _ in _links(project_registry, OWN_RIGS)}
    assert got["roughly $0.85"] == "new"
    assert {raw: ent for raw, ent, _ in _links(project_registry, SETUP_ROWS)} == {"roughly $0.85": "new"}


# --- a table of runs under a line that names what was run --------------------------------

RUNS = """\
## Engine versions compared

`Mistral 7B`: tp=2, 1,000 prompts, batch limit 128
| Engine build | Batching | Output Throughput (tokens/sec) | Median latency per token (ms) |
|---|---|---|---|
| v1.2 | on | 2100.5 | 40.1 |
| v1.3 | off | 2600.2 | 35.2 |
| v1.3 | on | 3900.8 | 22.7 |
"""


def test_runs_under_a_line_naming_one_model_are_that_models(project_registry):
    # the rows (engine builds, one repeated) name nothing in the registry: runs of the model
    # the line right above the table names, its benchmark, not things of the article's own
    got = {raw: (ent, prop) for raw, ent, prop in _links(project_registry, RUNS) if "." in raw}
    assert got == {"2100.5": ("mistral-7b", "inference-throughput"), "40.1": ("mistral-7b", "inference-latency"),
                   "2600.2": ("mistral-7b", "inference-throughput"), "35.2": ("mistral-7b", "inference-latency"),
                   "3900.8": ("mistral-7b", "inference-throughput"), "22.7": ("mistral-7b", "inference-latency")}
    # without the name the runs stay the article's own
    assert {ent for raw, ent, _ in _links(project_registry, RUNS.replace("`Mistral 7B`", "Runs")) if "." in raw} == {"new"}


# --- a row label that names a thing built from a registry one -----------------------------

BUILT_ROWS = """\
| Machine | Wall power | Electricity per hour |
| --- | --- | --- |
| RTX 4090 workstation | 450W | $0.07/hr |
| RTX 4090 | 450W | $0.07/hr |
"""


def test_a_row_naming_a_workstation_built_on_a_card_is_the_articles_own(project_registry):
    # "an RTX 4090 workstation" is the writer's machine (as "an H100 cluster" is in prose): its
    # power and running cost are not the card's; the bare card's row stays the card's
    got = [(raw, ent) for raw, ent, _ in _links(project_registry, BUILT_ROWS)]
    assert got == [("450W", "new"), ("$0.07/hr", "new"),
                   ("450W", "nvidia-geforce-rtx-4090"), ("$0.07/hr", "nvidia-geforce-rtx-4090")]


# --- a column of the article's own job ---------------------------------------------------

JOB_COLUMN = """\
| Way to run it | Cost for the job | Notes |
| --- | --- | --- |
| Mistral 7B on an API | roughly $0.04 | cheapest |
| RTX 4090 | roughly $0.50 | slower |
"""


def test_a_column_of_the_job_set_up_is_the_articles_own(project_registry):
    # "the job" is the workload the article set up: what it costs on each way of running it
    # is a thing of the article's own, not the model's or the card's
    assert [(raw, ent) for raw, ent, _ in _links(project_registry, JOB_COLUMN)] == [("roughly $0.04", "new"),
                                                                                   ("roughly $0.50", "new")]


# --- the sentence's subject over a name nearer the number ------------------------------

@pytest.mark.parametrize("text, subject", [
    ("Nvidia, a key supplier to OpenAI, holds a 7% stake.", "nvidia"),
    ("- **Anthropic**, unlike OpenAI, reported revenue of $4 billion.", "anthropic"),
])
def test_the_name_a_sentence_opens_with_is_its_subject(project_registry, text, subject):
    # the thing a sentence opens with is what its number is about, more than a thing named
    # nearer the number in an aside or an object
    assert [ent for _, ent, _ in _links(project_registry, text)] == [subject]


# --- a property of the article's own things with no name in its own clause ----------------

@pytest.mark.parametrize("text, raw", [
    ("Nvidia sells the H100 to every lab. We could use two hosts with 8 GPUs each.", "8 GPUs"),
    ("The report covers Microsoft. The new campus will draw 300 MW at full load.", "300 MW"),
])
def test_a_name_in_the_sentence_before_is_not_the_articles_own_things(project_registry, text, raw):
    # a count of GPUs or a facility's power is chiefly a cluster's or a data centre's: with no
    # registry name before it in its own sentence, it is a thing of the article's own, not what
    # the sentence before names
    assert [ent for r, ent, _ in _links(project_registry, text) if r == raw] == ["new"]


@pytest.mark.parametrize("text, raw, ent", [
    ("Stargate was announced in January. It intends to deploy 10 gigawatts of compute.", "10 gigawatts", "stargate"),
    ("Nvidia sells the H100. They shipped 2 million units, using 500 MW of data centres.", "500 MW", "nvidia"),
    # (not a sentence whose subject is the writer: still the article's own)
    ("Stargate was announced in January. We plan to deploy 10 gigawatts of compute.", "10 gigawatts", "new"),
])
def test_a_pronoun_subject_points_back_to_the_sentence_before(project_registry, text, raw, ent):
    # "It intends to deploy 10 GW": a sentence whose subject is a pronoun is about the thing
    # the sentence before names, even for a property chiefly of things of the article's own
    assert [e for r, e, _ in _links(project_registry, text) if r == raw] == [ent]


@pytest.mark.parametrize("text, raw, ent", [
    # an amount written as an instance after the number ("a $3 billion burn") leaves the
    # number before it a plain figure of what the sentence before is about
    ("OpenAI has 3,000 staff. Revenue was $4 billion in 2025 against a $3 billion burn.", "$4 billion", "openai"),
    # (an instance before the number still sets up a story of the article's own)
    ("Nvidia reported strong results. A $100M training run would need 10,000 GPUs.", "10,000 GPUs", "new"),
])
def test_an_amount_as_an_instance_after_the_number_leaves_it_plain(project_registry, text, raw, ent):
    assert [e for r, e, _ in _links(project_registry, text) if r == raw] == [ent]


@pytest.mark.parametrize("text, raw, ent", [
    # a deal's, a valuation's or a year's money written as an instance is reported, not a story
    ("OpenAI has 3,000 staff. Revenue was $4 billion in 2025 against a $3 billion burn.", "$3 billion", "openai"),
    ("Stargate was announced in January. A $500B data center commitment is not demand.", "$500B", "stargate"),
    # (a thing bought or run for the amount is still a story of the article's own)
    ("Nvidia reported strong results. A $100M training run would need 10,000 GPUs.", "$100M", "new"),
])
def test_an_amount_as_an_instance_of_a_deal_or_a_years_money_is_reported(project_registry, text, raw, ent):
    assert [e for r, e, _ in _links(project_registry, text) if r == raw] == [ent]


# a company the article names often, but not in its title
OFTEN_NAMED = """\
# Notes on the AI build-out

Nvidia sold more chips. Nvidia raised prices. Nvidia shipped Blackwell. Nvidia hired staff.
Nvidia opened an office.

AI data centers will face about $40 billion in annual depreciation.
"""


def test_the_company_an_article_names_most_often_is_not_what_a_number_naming_nothing_is_about(project_registry):
    # a number whose sentences name nothing is about what the title or a heading names; the
    # company named most often elsewhere is no guess (the data centers are the article's own)
    assert [ent for raw, ent, _ in _links(project_registry, OFTEN_NAMED) if "40" in raw] == ["new"]
    # named in the title, it is
    titled = OFTEN_NAMED.replace("# Notes on the AI build-out", "# Nvidia's quarter")
    assert [ent for raw, ent, _ in _links(project_registry, titled) if "40" in raw] == ["nvidia"]


# --- a short form of a name that is also a common word ----------------------------------

def test_a_short_name_that_is_also_a_word_the_text_writes_in_lower_case_is_the_word(project_registry):
    # "Surge" of "Surge AI" in a title-case heading of a text that also says "a surge" and
    # never "Surge AI": the word, not the company
    text = "## Power Demand Surge\n\nA surge in demand followed. The grid needs 40 GW more by 2030.\n"
    assert all(ent != "surge-ai" for _, ent, _ in _links(project_registry, text))
    # a text that names the company by its full name keeps the short form as the name
    named = "Surge AI pays its raters well. Surge earned $1.2 billion last year; a surge.\n"
    assert [ent for _, ent, _ in _links(project_registry, named)] == ["surge-ai"]
    # and one that never writes the word in lower case
    assert [ent for _, ent, _ in _links(project_registry, "Surge earned $1.2 billion last year.\n")] == ["surge-ai"]


# --- the property of a number: what hardware does, a rate, an everyday activity -----------

def test_a_context_length_under_a_hardware_configuration_is_what_it_can_serve(project_registry):
    # rows of GPU configurations: the longest context that hardware serves each model with;
    # the same table with plain GPU names keeps the model's own context window
    served = ("## Max context length\n\n| GPU | Llama 3.1 70B |\n|---|---|\n"
              "| 1xA100-80GB | 4k |\n| 2x H100 | 128k |\n")
    assert [p for raw, _, p in _links(project_registry, served) if raw.endswith("k")] == ["served-context-length"] * 2
    plain = "## Max context length\n\n| GPU | Llama 3.1 70B |\n|---|---|\n| A100-80GB | 4k |\n| H100 | 128k |\n"
    assert [p for raw, _, p in _links(project_registry, plain) if raw.endswith("k")] == ["context-window"] * 2


@pytest.mark.parametrize("text, prop", [
    # tokens per second or per hour are a throughput, tokens a month a product's volume
    ("On a phone you can run the small model at 1 token/s.", "inference-throughput"),
    ("| GPU | Tokens per hour |\n|---|---|\n| RTX 3090 | about 315,000 |\n", "inference-throughput"),
    ("Google now processes 480 trillion tokens a month.", "token-volume"),
])
def test_a_token_rate_per_second_is_a_throughput(project_registry, text, prop):
    assert [p for _, _, p in _links(project_registry, text)] == [prop]


@pytest.mark.parametrize("text, prop", [
    # an everyday activity's energy, and an appliance's or a workstation's watts, which it draws
    ("Streaming an hour of video uses about 15 Wh.", "activity-energy"),
    ("A single 60W light bulb left on for an hour.", "power-draw"),
    ("| Setup | Power |\n|---|---|\n| RTX 4090 workstation | 450W |\n", "power-draw"),
])
def test_everyday_energy_and_what_an_appliance_draws(project_registry, text, prop):
    assert [p for _, _, p in _links(project_registry, text)][:1] == [prop]


def test_a_property_the_words_name_strongly_stays_with_an_articles_own_thing(project_registry):
    # the words after the number name the property; an article-own thing does not change it
    assert _links(project_registry, "Rivals can only offer a 1 million token context window.") == \
        [("1 million token", "new", "context-window")]


def test_a_propertys_kinds_include_those_its_plausible_lists_give():
    # a kind's range written as a list of ranges each for some conditions counts as a kind
    # the property is of (the cached index once dropped every list); ``any`` given only per
    # scope bounds the kinds named, while an unconditional ``any`` makes it of any kind
    from kb.extract.linking import index_for
    props = [dict(id="speed", canonical_unit="token/s", plausible={
        "gpu": {"low": "1 token/s", "high": "1000 token/s"},
        "system": [{"low": "0.01 token/s", "high": "2000 token/s", "conditions": {"scope": "per-node"}}],
        "any": [{"low": "1 token/s", "high": "5000 token/s", "conditions": {"scope": "per-rack"}}]}),
        dict(id="portion", canonical_unit="percent", plausible={"any": {"low": "0 percent", "high": "100 percent"}})]
    idx = index_for([], props)
    speed = idx.prop_by_id["speed"]
    assert speed.kinds == ("gpu", "system")
    # the envelope a value is checked against is its kinds': the per-rack range of "any" is not
    assert (speed.low, speed.high) == (0.01, 2000.0)
    assert speed.applies_to({"system"}) and not speed.applies_to({"organisation"})
    assert idx.prop_by_id["portion"].kinds == ("any",) and idx.prop_by_id["portion"].applies_to({"organisation"})


def test_a_models_speed_on_a_count_of_gpus_is_the_models(project_registry):
    # a row labelled by a count of GPUs is the hardware the column's model ran on: the speed
    # is the model's (a model's throughput is a kind the property lists)
    text = "| Setup | Llama 3.1 8B | Mistral 7B |\n|---|---|---|\n| 2x H100 | 1,850 tok/s | 1,900 tok/s |\n"
    got = [(e, p) for raw, e, p in _links(project_registry, text) if "tok/s" in raw]
    assert got == [("llama-3.1-8b", "inference-throughput"), ("mistral-7b", "inference-throughput")]


def test_a_thing_after_on_an_is_what_the_number_ran_on(project_registry):
    # "on an RTX 4090" is as near a preposition as "on the RTX 4090": the card, not the model
    # named after "with"
    links = _links(project_registry, "We measured 104 tokens per second on an RTX 4090 with Qwen3 8B.")
    assert [(e, p) for _, e, p in links] == [("nvidia-geforce-rtx-4090", "inference-throughput")]


def test_money_invested_in_a_company_is_the_investors(project_registry):
    # "$X in <name>" is the amount of the thing named, unless a verb of paying comes before:
    # then the name is who got the money
    assert [(e, p) for _, e, p in _links(project_registry, "Nvidia invested $100 billion in OpenAI.")] == \
        [("nvidia", "investment")]


def test_a_size_after_a_named_variant_is_its_siblings_of_that_size(project_registry):
    links = _links(project_registry, "We share settings for the Llama 2 7B model and for its siblings of 13B and 70B parameters.")
    assert [e for _, e, _ in links] == ["llama-2-13b", "llama-2-70b"]


@pytest.mark.parametrize("sentence, entity", [
    # a multiplier whose sentence names no second thing is the subject's own figure
    ("Data-centre revenue grew 3x in a year.", "nvidia"),
    ("Data-centre revenue doubled in a year.", "nvidia"),
    # one with a second thing ("than", "vs") compares two: not the subject's
    ("Data-centre revenue grew 3x more than the market did.", "new"),
])
def test_a_multiplier_comparing_nothing_named_is_the_subjects(project_registry, sentence, entity):
    text = f"# Nvidia's record year\n\n## Results\n\n{sentence}"
    assert [e for _, e, _ in _links(project_registry, text)] == [entity]


@pytest.mark.parametrize("sentence, entity", [
    # a sentence whose subject is a pronoun is about what the sentence before opened with,
    # not the last name of a list there
    ("In 2025 alone, it completed 67 deals.", "nvidia"),
    ("They completed 67 deals in 2025.", "nvidia"),
    # a name of its own opens the sentence: its number (an aside on it too)
    ("CoreWeave completed 67 deals in 2025.", "coreweave"),
    ("CoreWeave, its newest partner, completed 67 deals in 2025.", "coreweave"),
])
def test_a_pronoun_subject_is_what_the_sentence_before_opened_with(project_registry, sentence, entity):
    text = ("Over the five years to the end of last year Nvidia spread its money widely and quickly across almost "
            "every corner of the industry, from the model developers like OpenAI and Mistral and Cohere to the "
            f"smaller cloud providers like Lambda and CoreWeave. {sentence}")
    assert [e for raw, e, _ in _links(project_registry, text) if "67" in raw] == [entity]


def test_chatgpt_with_a_version_is_that_model(project_registry):
    # "ChatGPT-4" is how writers often name GPT-4 (the model behind the chat service), not ChatGPT
    assert [e for _, e, _ in _links(project_registry, "Training ChatGPT-4 took over 50 GWh.")] == ["gpt-4"]


# --- a name after the number, past the verb; a sentence after a footnote's marker -----------

@pytest.mark.parametrize("text, want", [
    # the name after the number is in what the sentence says of the number's thing, past its verb:
    # not what the number is about (the sentence before names that)
    ("Amazon runs 20 data centers that use recycled water. 16 of those data centers are in Virginia.",
     [("20 data centers", "amazon"), ("16 of those data centers", "amazon")]),
    ("ChatGPT has 800 million weekly users. The remaining 97.5% are free users that OpenAI serves at a loss.",
     [("800 million weekly users", "chatgpt"), ("97.5%", "chatgpt")]),
])
def test_a_name_past_the_verb_after_the_number_is_not_its_entity(project_registry, text, want):
    assert [(raw, ent) for raw, ent, _ in _links(project_registry, text)] == want


@pytest.mark.parametrize("marker", ["<sup>8</sup>", "[^8]", "[8]"])
def test_a_footnote_marker_after_the_full_stop_ends_the_sentence(project_registry, marker):
    # the next sentence's name is not the entity of the number before the marker
    text = f"Anthropic has about 2,000 employees. Revenue was $3.7 billion in 2025.{marker} They spent $2.7 billion on AWS."
    links = {raw: ent for raw, ent, _ in _links(project_registry, text)}
    assert links["$3.7 billion"] == "anthropic" and links["$2.7 billion"] == "anthropic"


@pytest.mark.parametrize("second, tag", [
    ("It reported revenue of $30 billion.", "previous|sure|kind|anaphor"),
    ("The chipmaker reported revenue of $30 billion.", "previous|sure|kind|anaphor"),
    ("Revenue reached $30 billion.", "previous|sure|kind"),
])
def test_a_guess_from_the_sentence_before_says_whether_its_sentence_points_back(project_registry, second, tag):
    # (the two ways are right at different rates: the calibration keeps their tags apart)
    d = [d for d in extract_text("Nvidia makes GPUs. " + second, project_registry) if d.raw == "$30 billion"][0]
    assert d.entity == "nvidia" and d.evidence["entity"] == tag


@pytest.mark.parametrize("text, raw, prop", [
    ("Mixtral 8x7B can be fine-tuned on a single A100 GPU.", "a single A100 GPU", "gpu-count"),
    ("Llama 3.1 405B can be served by 8x GPUs.", "8x GPUs", "gpu-count"),
    ("The Llama 2 7B model is trained on 128 A100 GPUs.", "128 A100 GPUs", "gpu-count"),
    ("With ChatGPT running locally, assume a batch size of 1.", "1", "batch-size"),
])
def test_what_a_model_named_before_is_run_with_is_a_run_of_the_articles_own(project_registry, text, raw, prop):
    # (the GPUs, the batch, the concurrency of a training or serving run, not the model's figure;
    # a company's fleet stays the company's)
    assert (raw, "new", prop) in _links(project_registry, text)
    assert ("about 500k H100s", "nvidia", "gpu-count") in _links(project_registry, "Nvidia shipped about 500k H100s last year.")
    # the training a model had, reported, is the model's
    assert ("16K H100s", "llama-3.1-405b", "gpu-count") in _links(project_registry, "Llama 3.1 405B was trained on 16K H100s.")


@pytest.mark.parametrize("text, raw, want", [
    # the size of one model (the noun in the singular) is no size of the class it belongs to
    ("SkyPilot runs a 1T parameter MoE model on spot instances.", "1T parameter", "new"),
    ("A large MoE model (1T params) runs on 8x A100-80GB.", "1T params", "new"),
    # the class's own size, said of its models in the plural
    ("Models employing MoE can scale to over 1 trillion parameters.", "over 1 trillion parameters", "moe-models"),
])
def test_a_size_written_on_one_model_is_not_its_classs(project_registry, text, raw, want):
    assert (raw, want, "parameters-total") in _links(project_registry, text)


@pytest.mark.parametrize("second, want", [
    ("On-demand is roughly 2-3x more.", "new"),  # nothing points back to either name before
    ("Their on-demand price is roughly 2-3x more.", "aws"),  # "Their": the sentence before's
])
def test_a_ratio_whose_sentence_names_nothing_takes_no_contested_name_from_the_sentence_before(project_registry, second, want):
    text = "We compared spot prices on AWS and Google Cloud for eight H100s. " + second
    assert ("2-3x", want, "ratio") in _links(project_registry, text)


# --- a count of users: a product's audience or a deployment's seats -------------------

USERS_BY_SCALE = """\
### Hosting versus the API: monthly cost

| Scale | Self-hosted | API |
|---|---|---|
| 50 users | $900 | $300 |
"""


@pytest.mark.parametrize("text, prop", [
    # a few hundred users with no period named are a count of a deployment's users (they
    # are paying subscribers only where the text says they pay)
    ("Self-hosting pays off at about 400 users.", "count"),
    ("Self-hosting pays off at about 400 paying users.", "paying-subscribers"),
    # a product's audience, in millions, stays its active users; a period named decides
    ("The chatbot reached 20 million users.", "weekly-active-users"),
    ("The tool has 3,000 monthly active users.", "monthly-active-users"),
])
def test_a_small_count_of_users_is_seats_unless_a_period_is_named(project_registry, text, prop):
    assert [p for _, _, p in _links(project_registry, text)] == [prop]


def test_a_captions_period_is_not_the_period_of_a_rows_users(project_registry):
    # "monthly" in the caption is of the cost the table shows, not of the 50 users
    got = {raw: prop for raw, _, prop in _links(project_registry, USERS_BY_SCALE)}
    assert got.get("50 users") == "count"


# --- the tokens a training run trains on ------------------------------------------------

TRAINING_RUNS = """\
## Training runs by size

| Model size | Tokens | GPUs | Time |
|---|---|---|---|
| 7B | 1T | 64 | ~10 days |
"""


@pytest.mark.parametrize("text, prop", [
    # a training run (a new workload of the article) trains on its tokens
    ("We pre-trained a 3B model on 600B tokens using 256 GPUs.", "training-tokens"),
    # a text's length stays a length
    ("A long prompt is 8,000 tokens.", "text-tokens"),
])
def test_the_tokens_of_a_training_run(project_registry, text, prop):
    got = [p for raw, _, p in _links(project_registry, text) if "token" in raw]
    assert got == [prop]


def test_a_tokens_column_of_training_runs(project_registry):
    got = {raw: prop for raw, _, prop in _links(project_registry, TRAINING_RUNS)}
    assert got["1T"] == "training-tokens"


# --- a name that another number of the sentence owns -------------------------------------

@pytest.mark.parametrize("text, raw, entity", [
    # a name in a bracket holding its own number is an aside, not the later number's subject
    ("Mistral AI, by contrast, employs about 700 people (vs Google's ~180,000), and raised "
     "a $2 billion round last year.", "$2 billion", "mistral-ai"),
    ("Anthropic reported a $5 billion revenue run rate (against OpenAI's $13 billion), and a "
     "$61.5 billion valuation.", "$61.5 billion", "anthropic"),
    # a name after the number in the possessive with a number of its own is the one compared with
    ("Meta's capital spending reached $40 billion last year, against Microsoft's $80 billion.",
     "$40 billion", "meta"),
    # the bracket's own number stays the bracket's name's
    ("Mistral AI, by contrast, employs about 700 people (vs Google's ~180,000), and raised "
     "a $2 billion round last year.", "~180,000", "google"),
])
def test_a_name_another_number_owns_is_not_this_ones(project_registry, text, raw, entity):
    got = {r: e for r, e, _ in _links(project_registry, text)}
    assert got[raw] == entity


@pytest.mark.parametrize("text, raw, entity", [
    # a bracket naming the thing, with no number of its own, still names it
    ("NVIDIA's flagship (the H100 SXM5) draws 700 W at full load.", "700 W", "nvidia-h100-sxm"),
    # a possessive name with no number right after it is still a candidate
    ("The annual revenue reached $4 billion at Anthropic's consumer business.", "$4 billion", "anthropic"),
])
def test_a_name_no_other_number_owns_stays_a_candidate(project_registry, text, raw, entity):
    got = {r: e for r, e, _ in _links(project_registry, text)}
    assert got[raw] == entity


def test_a_possessive_name_with_its_own_number_is_no_rival(project_registry):
    # "to OpenAI's $300 billion" is the number compared with: neither the earlier number's
    # thing nor a rival to the sentence's subject for it
    text = "Last year the valuation of $60 billion trailed OpenAI's $300 billion."
    got = {r: e for r, e, _ in _links(project_registry, text)}
    assert got["$60 billion"] != "openai" and got["$300 billion"] == "openai"
    text = ("Anthropic, by comparison, has roughly 1,000 employees and a $60 billion valuation "
            "to OpenAI's $300 billion.")
    d = next(d for d in extract_text(text, project_registry) if d.raw == "$60 billion")
    assert d.entity == "anthropic" and d.evidence["entity"] == "before|sure|kind"


_OPENER = ("Mistral AI, by contrast, has about 2 million monthly users on its chat app, roughly 700 employees "
           "{} behind it. Revenue was about $300 million in 2025.")


@pytest.mark.parametrize("middle", [
    # the sentence before names another company with a number of its own (in the possessive, or
    # in an aside): that number's thing, no rival for what the next sentence's number is about
    "and a $14 billion valuation to Google's $2 trillion, with more",
    "(vs Google's ~180,000) and a large round",
])
def test_a_name_owning_a_number_in_the_sentence_before_is_no_rival(project_registry, middle):
    d = next(d for d in extract_text(_OPENER.format(middle), project_registry) if d.raw == "about $300 million")
    assert d.entity == "mistral-ai" and d.evidence["entity"].startswith("previous|sure")


def test_a_name_in_the_sentence_before_without_a_number_of_its_own_stays_a_rival(project_registry):
    # the contrast: a later name in the sentence before with no number of its own still contests
    d = next(d for d in extract_text(_OPENER.format("and a deal with Google"), project_registry) if d.raw == "about $300 million")
    assert d.entity == "mistral-ai" and d.evidence["entity"].startswith("previous|contested")


# --- a class the sentence says its subject is --------------------------------------------

@pytest.mark.parametrize("text, raw, entity", [
    # the class after "is a" is what the subject is, not whose the number is
    ("Mixtral 8x7B is a sparse mixture of experts (MoE) model with 47B total parameters.",
     "47B total parameters", "mixtral-8x7b"),
    ("Mixtral 8x7B was released in December. It's their first mixture of experts (MoE) model "
     "with 47B total parameters.", "47B total parameters", "mixtral-8x7b"),
    # a class that is the sentence's subject stays its numbers' thing
    ("Most MoE models activate about 10% of their parameters per token.", "about 10%", "moe-models"),
])
def test_a_class_its_subject_is_said_to_be_is_not_the_numbers(project_registry, text, raw, entity):
    got = {r: e for r, e, _ in _links(project_registry, text)}
    assert got[raw] == entity


# --- a pair of figures after a comparison the sentence states ------------------------------

@pytest.mark.parametrize("text, first, second", [
    # the larger figure is the one said to be faster's, whatever order the pair is written in
    ("The B200 is about 2.3x faster than the H100 on dense FP8 math (1,979 vs 4,500 TFLOPS).",
     "nvidia-h100", "nvidia-b200"),
    # "less": the smaller figure is the subject's
    ("The A100 has 2x less memory bandwidth than the H200 (4.8 vs 2.0 TB/s).",
     "nvidia-h200", "nvidia-a100"),
    # no comparison stated: the order the two were named
    ("The H100 and the A100 differ a lot: 989 vs 312 TFLOPS.", "nvidia-h100", "nvidia-a100"),
    # a pair whose own ratio is far from the stated one is not what the comparison is about
    ("The B200 is 2.3x faster than the H100 at about 700 vs 1,000 W.", "nvidia-b200", "nvidia-h100"),
])
def test_a_pair_after_a_stated_comparison(project_registry, text, first, second):
    got = [d.entity for d in extract_text(text, project_registry) if d.evidence.get("entity") == "pair|sure|kind"]
    assert got == [first, second]


# --- a clause whose subject is a pronoun, after names nearer the number --------------------

@pytest.mark.parametrize("text, raw, entity", [
    # "but it has": the pronoun is the sentence's subject, not the thing compared with
    ("The H200 uses the same compute die as the H100, but it has 141 GB of HBM3e memory.",
     "141 GB", "nvidia-h200"),
    ("Mixtral shares its layout with Mistral 7B, but it is really 8 expert networks in one.",
     "8 expert", "mixtral"),
    # a relative clause ("which has") is about the name right before it
    ("The H200 uses the same compute die as the H100, which has 80 GB of memory.", "80 GB", "nvidia-h100"),
])
def test_a_pronoun_clause_is_about_the_sentences_subject(project_registry, text, raw, entity):
    got = {r: e for r, e, _ in _links(project_registry, text)}
    assert got[raw] == entity


# --- a provider's price of what it sells ---------------------------------------------------

@pytest.mark.parametrize("text, entity, provider", [
    # the model the sentence names is what the price is of; the company is its provider
    ("For small open models such as Llama 3.1 8B, DeepInfra charges $0.03 per million input tokens.",
     "llama-3.1-8b", "deepinfra"),
    ("Among hosts of Llama 3.1 70B, Together AI lists $0.88 per million tokens.", "llama-3.1-70b", "together-ai"),
    # a company's own price, with nothing of its named, stays the company's
    ("OpenAI charges $10 per million output tokens.", "openai", None),
])
def test_a_providers_price_is_of_what_it_sells(project_registry, text, entity, provider):
    (d,) = [d for d in extract_text(text, project_registry) if d.property == "token-price"]
    assert d.entity == entity and d.conditions.get("provider") == provider


def test_the_tpu_v5_is_the_family_of_its_two_variants(project_registry):
    """TPU v5e and v5p are the two variants of the fifth generation (the registry's family
    google-tpu-v5): an article naming only the v5p means it by "TPU v5"; one naming both
    keeps the generation. Other generations are separate products, with no family."""
    one = "Google trains on the TPU v5p.\n\nEach TPU v5 chip has 95 GB of HBM."
    (d,) = extract_text(one, project_registry)
    assert d.entity == "google-tpu-v5p"
    both = "Google serves on the TPU v5e and trains on the TPU v5p.\n\nEach TPU v5 chip has 95 GB of HBM."
    (d,) = extract_text(both, project_registry)
    assert d.entity == "google-tpu-v5"
    fams = {e["id"]: e.get("family") for e in project_registry.entities if str(e.get("id", "")).startswith("google-tpu")}
    assert fams["google-tpu-v5e"] == fams["google-tpu-v5p"] == "google-tpu-v5"
    assert fams["google-tpu-v6e"] is None and fams["google-tpu-v4"] is None


@pytest.mark.parametrize("text, entity", [
    # a class has no size: the count is the named model's of that size
    ("We ran Llama 3.1 405B on our cluster.\n\nHow many GPUs train a 405B parameter LLM like that?",
     "llama-3.1-405b"),
    # two named models of the size: no telling which
    ("We ran Llama 2 7B and Mistral 7B.\n\nEach 7B parameter LLM fits on one card.", None),
])
def test_a_parameter_count_given_to_a_class_is_the_named_model_of_that_size(project_registry, text, entity):
    (d,) = [d for d in extract_text(text, project_registry) if d.property == "parameters-total"]
    if entity is None:
        assert d.entity not in ("llama-2-7b", "mistral-7b")
    else:
        assert d.entity == entity


def test_a_models_cost_per_month_is_the_articles_own_use_of_it(project_registry):
    """A model has no running cost of its own: a monthly cost in a row labelled by a model is
    the article's own use of it (a new thing); the row's price per token stays the model's."""
    text = ("| Model | Cost per 1M tokens | Monthly cost |\n|---|---|---|\n"
            "| GPT-4o | ~$4.40 | $13,200 |\n| Claude Haiku 4.5 | ~$2.00 | $6,000 |\n")
    got = {d.raw: (d.entity, bool(d.entity_new), d.property) for d in extract_text(text, project_registry)}
    assert got["$13,200"] == (None, True, "cost-rate")
    assert got["$6,000"] == (None, True, "cost-rate")
    assert got["~$4.40"] == ("gpt-4o", False, "token-price")


def test_a_models_monthly_cost_per_user_is_the_articles_own_use_not_a_plan(project_registry):
    """A monthly cost per user in a row labelled by a model ("| GPT-4o | ... | $88.00 |" under
    "| Per user |") is the article's own use of it, not the price of a subscription plan (a
    plan is a product's, ChatGPT Plus): a new thing's running cost."""
    text = ("| Model | Blended rate (per M tokens) | Monthly cost (2B tokens) | Per user |\n|---|---|---|---|\n"
            "| GPT-4o | ~$4.40 | $8,800 | $88.00 |\n| Claude Haiku 4.5 | ~$2.00 | $4,000 | $40.00 |\n")
    got = {d.raw: (d.entity, bool(d.entity_new), d.property) for d in extract_text(text, project_registry)}
    assert got["$88.00"] == (None, True, "cost-rate")
    assert got["$40.00"] == (None, True, "cost-rate")
    assert got["~$4.40"] == ("gpt-4o", False, "token-price")


def test_a_context_length_under_a_models_api_id_is_what_the_api_serves(project_registry):
    # a provider's table of its API's model ids: the context length it serves under each id,
    # which may be shorter than the model's own window; the same table headed by the models'
    # names states their context windows
    by_id = ("| Model | deepseek-chat | deepseek-reasoner |\n|---|---|---|\n"
             "| Context length | 64K | 64K |\n| Output price per 1M tokens | $1.10 | $2.19 |\n")
    by_name = by_id.replace("deepseek-chat", "DeepSeek-V3").replace("deepseek-reasoner", "DeepSeek-R1")
    ctx = [(ent, prop) for raw, ent, prop in _links(project_registry, by_id) if raw == "64K"]
    assert ctx == [("deepseek-v3", "served-context-length"), ("deepseek-r1", "served-context-length")]
    ctx = [(ent, prop) for raw, ent, prop in _links(project_registry, by_name) if raw == "64K"]
    assert ctx == [("deepseek-v3", "context-window"), ("deepseek-r1", "context-window")]
    # the ids down the first column: the same
    rows = "| API model | Context |\n|---|---|\n| deepseek-chat | 64K |\n| deepseek-reasoner | 64K |\n"
    assert [p for raw, _, p in _links(project_registry, rows) if raw == "64K"] == ["served-context-length"] * 2


def test_a_label_written_as_code_names_its_numbers_entity(project_registry):
    """"`Llama 3.1 8B`: `tp=1`, `num-prompt=5000`": a benchmark's settings listed after the
    model's name written as code (backticks) are that model's, as after a plain or bold label."""
    text = ("We ran three models.\n\n"
            "`Llama 3.1 8B`: `tp=1`, `rps=inf`, `num-prompt=5000`, `max-num-seq=256`\n")
    got = [(e, d.evidence.get("entity", "").split("|")[0]) for d in extract_text(text, project_registry)
           for e in [d.entity]]
    # (a label that is a registry name and nothing else links a way of its own since catch76: "label-name")
    assert got and all(e == "llama-3.1-8b" and ev in ("label", "label-name") for e, ev in got), got


@pytest.mark.parametrize("heading, entity", [
    # the name in brackets right after another one says what that one is precisely
    ("### Assumptions for ChatGPT (GPT-5)", "gpt-5"),
    # (two names side by side: the first, as before)
    ("### Assumptions for ChatGPT and GPT-5", "chatgpt"),
])
def test_a_headings_name_in_brackets_after_another_is_the_sections_thing(project_registry, heading, entity):
    text = "# Notes\n\n" + heading + "\n\n* **Total parameters**: 300 billion parameters\n"
    assert [e for _, e, _ in _links(project_registry, text)] == [entity]


def test_a_registry_date_that_is_no_real_date_is_an_extraction_error_naming_file_and_line(tmp_path):
    from kb.errors import ExtractError
    from kb.extract.linking import load_registry as _load

    folder = tmp_path / "datasets" / "entities"
    folder.mkdir(parents=True)
    (folder / "gpus.yaml").write_text("entities:\n  - id: x-gpu\n    name: X\n    kind: gpu\n"
                                      "    released: 2025-02-30\n", encoding="utf-8")
    with pytest.raises(ExtractError, match=r"^datasets/entities/gpus\.yaml:5: ") as err:
        _load(tmp_path)
    # named relative to the knowledge base's root, as `kb check` names it: no temporary folder
    assert str(tmp_path) not in str(err.value)


# --- a name in the possessive right before a number owns it ----------------------------------

def test_a_name_in_the_possessive_right_before_a_number_is_its_sure_owner(project_registry):
    """r17-deepseek-v3-cost: "[Llama 3 405B used 30.8M](https://x.com/...) GPU hours for training
    relative to DeepSeek V3's 2.6M GPU hours": the sentence's subject (Llama 3 405B) is no rival
    for the number "DeepSeek V3's" owns, so the link is sure, not contested."""
    text = ("[Llama 3 405B used 30.8M](https://x.com/rasbt/status/1872432770691318224) GPU hours for training "
            "relative to DeepSeek V3's 2.6M GPU hours (more information in the Llama 3 model card).")
    got = {d.raw: (d.entity, d.evidence["entity"]) for d in extract_text(text, project_registry)}
    assert got["2.6M GPU hours"] == ("deepseek-v3", "before|sure|kind")
    assert got["30.8M](https://x.com/rasbt/status/1872432770691318224) GPU hours"][0] == "llama-3.1-405b"
    # a sign between the possessive and the number changes nothing ("OpenAI's ~$13 billion")
    d = next(d for d in extract_text("Anthropic has 2,300 employees, compared with OpenAI's ~$13 billion in revenue.",
                                     project_registry)
             if d.raw.endswith("billion"))
    assert (d.entity, d.evidence["entity"]) == ("openai", "before|sure|kind")
    # without the possessive the two names still contest the number
    d = next(d for d in extract_text("Llama 3 405B used 30.8M GPU hours for training, relative to DeepSeek V3 with 2.6M GPU hours.",
                                     project_registry)
             if d.raw == "2.6M GPU hours")
    assert "|contested|" in d.evidence["entity"]


# --- a subject that points back past its paragraph; a multiple's yardstick; a pronoun's chain ---

def test_the_card_points_back_to_the_gpu_its_section_named_last(project_registry):
    # computeprices.com's "RTX 4090 vs H100" (2025): "The card operates with a total graphics
    # power (TGP) of 450 watts" a paragraph after the one naming the RTX 4090
    text = ("## NVIDIA RTX 4090: Specs and AI Performance\n\n### Technical Specs\n\n"
            "At its core, the RTX 4090 is powered by the AD102 GPU, packing 16,384 CUDA cores.\n\n"
            "The Ada Lovelace architecture brings in fourth-generation Tensor cores. The card operates "
            "with a total graphics power (TGP) of 450 watts and runs at a base clock of 2,230 MHz.\n")
    got = {raw: ent for raw, ent, _ in _links(project_registry, text)}
    assert got["450 watts"] == "nvidia-geforce-rtx-4090"
    assert got["2,230 MHz"] == "nvidia-geforce-rtx-4090"


def test_the_card_does_not_point_back_past_a_section_heading(project_registry):
    text = ("## NVIDIA RTX 4090\n\nThe RTX 4090 has 24GB of memory.\n\n"
            "## Building your own rig\n\n"
            "The card operates with a total graphics power (TGP) of 450 watts.\n")
    got = {raw: ent for raw, ent, _ in _links(project_registry, text)}
    assert got["450 watts"] != "nvidia-geforce-rtx-4090"


def test_a_multiple_of_another_things_measure_is_not_that_things(project_registry):
    # computeprices.com's "Best GPUs for AI Inference" (2025): "it delivers nearly 7× the
    # performance of the RTX 4090 and over 2.5× that of the A100": the RTX 5090's multiples
    text = ("The RTX 5090 dramatically improves latency and throughput compared to its predecessors. "
            "It reduces latency by up to 9.6× over the RTX 4090. For throughput, it delivers nearly 7× "
            "the performance of the RTX 4090 and over 2.5× that of the A100.\n")
    got = {raw: ent for raw, ent, _ in _links(project_registry, text)}
    assert got["up to 9.6×"] == "nvidia-geforce-rtx-5090"
    assert got["nearly 7×"] == "nvidia-geforce-rtx-5090"
    assert got["over 2.5×"] == "nvidia-geforce-rtx-5090"


def test_claude_3_7_alone_is_the_sonnet(project_registry):
    # Helicone's Claude 3.7 review (2025): "Claude 3.7 has a context window of 200k tokens, like
    # Claude 3.5": Claude 3.7 Sonnet is the one model of that version
    text = "Claude 3.7 has a context window of 200k tokens, like Claude 3.5.\n"
    got = {raw: ent for raw, ent, _ in _links(project_registry, text)}
    assert got["200k tokens"] == "claude-3.7-sonnet"


def test_the_rivals_a_score_beats_are_not_whose_it_is(project_registry):
    # Helicone's GPT-4.5 review (2025): "62.5% accuracy on SimpleQA, significantly outperforming
    # both GPT-4o and o1" in a list under a heading on GPT-4.5
    text = ("### What's new with GPT-4.5?\n\n"
            "- **Better Knowledge**: 62.5% accuracy on SimpleQA, significantly outperforming both GPT-4o and o1\n")
    got = {raw: ent for raw, ent, _ in _links(project_registry, text)}
    assert got["62.5%"] == "gpt-4.5-preview"


# --- technical figures of fresh benchmark and spec write-ups (session 37) ---------------

def test_bytes_per_parameter_is_bytes_per_value(project_registry):
    # genmind.ch, "Stop Buying GPUs for the Wrong Spec": storage per parameter, not an upload's size
    text = ("VRAM requirement drops from ~16 bytes/param (full fine-tune) to roughly "
            "**1.5–2.5 bytes/param** for the frozen quantized base.\n")
    assert [p for _, _, p in _links(project_registry, text)] == ["bytes-per-value", "bytes-per-value"]
    table = ("| Component | Bytes per Parameter | 7B Model |\n|---|---:|---:|\n"
             "| **Subtotal (parameters)** | **16** | **~112 GB** |\n")
    assert _links(project_registry, table)[0][2] == "bytes-per-value"
    # an upload's size keeps its own reading
    assert [p for _, _, p in _links(project_registry, "Each request uploads a 10 MB image.")] == ["payload-size"]


def test_a_tp_column_is_the_tensor_parallel_degree(project_registry):
    # NVIDIA TensorRT-LLM's H200 launch post: "| Batch Size | TP | ... | Throughput (out tok/s/GPU) |"
    table = ("| Model | Batch Size | TP | Input Length | Output Length | Throughput (out tok/s/GPU) |\n"
             "|:--|:--|:--|:--|:--|--:|\n"
             "| llama_13b | 1024 | 1 | 128 | 128 | 11,819 |\n"
             "| llama_70b | 512 | 2 | 128 | 2048 | 1,654 |\n")
    got = {(raw, p) for raw, _, p in _links(project_registry, table)}
    assert ("1", "parallelism-degree") in got and ("2", "parallelism-degree") in got
    assert ("11,819", "inference-throughput") in got


def test_a_bare_size_called_a_dataset_counts_tokens(project_registry):
    # Karpathy on the Llama 3 release: "15T training dataset" is tokens, no parameter count
    text = ("Llama 2 was trained on 2 trillion tokens, Llama 3 was bumped to 15T training dataset. "
            "Very notably, 15T is a very very large dataset to train with for a model as small as 8B parameters.")
    props = [(raw, p) for raw, _, p in _links(project_registry, text)]
    assert props.count(("15T", "training-tokens")) == 2
    # a data centre is no dataset; a bare size alone stays a model's size
    assert [p for _, _, p in _links(project_registry, "The 1.8T data center deal closed.")] != ["training-tokens"]
    assert [p for _, _, p in _links(project_registry, "The 70B is a dense model.")] == ["parameters-total"]


# --- spec tables, provider lists and model tables of fresh write-ups (session 38) ---------

def _drafts(reg, text):
    return [(d.raw, d.entity, d.entity_new) for d in extract_text(text, reg)]


def test_a_spec_table_of_a_product_and_its_variant(project_registry):
    # NVIDIA's GH200 datasheet as a Markdown table: "| Feature | GH200 | GH200 NVL2 |", a row label
    # ("Memory bandwidth") given twice, for the CPU's memory and the GPU's
    table = ("| Feature | GH200 | GH200 NVL2 |\n| :--- | :--- | :--- |\n"
             "| **L3 cache** | 114MB | 228MB |\n"
             "| **Memory bandwidth** | Up to 384GB/s / Up to 512GB/s | Up to 768GB/s / Up to 1024GB/s |\n"
             "| **FP64** | 34 teraFLOPS | 68 teraFLOPS |\n"
             "| **Memory bandwidth** | Up to 4TB/s \\| Up to 4.9TB/s | Up to 9.8TB/s |\n")
    got = {raw: (ent, new) for raw, ent, new in _drafts(project_registry, table)}
    assert got["114MB"][0] == got["34 teraFLOPS"][0] == got["Up to 4TB/s"][0] == "nvidia-gh200"
    # the variant's column is a thing the registry lacks, named by its header
    assert got["228MB"] == (None, "GH200 NVL2") and got["Up to 9.8TB/s"] == (None, "GH200 NVL2")


def test_columns_of_one_card_run_two_ways_are_no_variant(project_registry):
    # Hugging Face's Gaudi2 post: "| Gaudi2 (BS=32) | Gaudi2 (BS=64) |", the same card, batch sizes
    # in brackets: neither column is a variant of the other
    table = ("|   | Gaudi2 (BS=32) | Gaudi2 (BS=64) | A100 (BS=32) |\n|:-:|:-:|:-:|:-:|\n"
             "| Throughput (samples/s) | 1580.2 | 1835.8 | 981.6 |\n")
    assert all(new is None or "Gaudi2 (BS" not in new for _, _, new in _drafts(project_registry, table))


def test_a_provider_list_prices_the_gpu_of_the_title(project_registry):
    # an H200 pricing summary: its "Key Findings" list labels each price by the provider
    text = ("# H200 GPU Pricing Summary\n\n## Key Findings\n\n### Most Affordable Providers\n"
            "1. **Vultr**: $1.99/hr - Best overall value\n"
            "2. **Vast.ai**: $2.19/hr - Excellent spot/on-demand pricing\n"
            "4. **FluidStack**: $2.30/hr - Tied with Nebius for 4th place\n\n"
            "## Cost Savings Analysis\n\n- Average specialized provider price: **$2.78/hr**\n")
    got = {raw: ent for raw, ent, _ in _drafts(project_registry, text)}
    assert got["$2.19/hr"] == got["$2.30/hr"] == "nvidia-h200"
    # a label of words, not a provider's name, keeps its own reading
    assert got["$2.78/hr"] is None


def test_a_class_name_joined_to_a_model_name_is_the_model(project_registry):
    # an MoE write-up's table: "Qwen1.5-MoE", "DeepSeek-MoE 16B" are models the registry lacks,
    # not the class of MoE models nor DeepSeek the company; "Open-sourced (xAI)" under "Impact" is
    # a remark on Grok-1, not whose figures the row gives
    table = ("| Model | Year | Total Params | Active Params | Activation | Impact |\n"
             "|-------|------|--------------|---------------|------------|--------|\n"
             "| DeepSeek-MoE 16B | Jan 2024 | 16.4B | ~2.7B | 12% | First fine-grained |\n"
             "| Qwen1.5-MoE | Early 2024 | 14.3B | 2.7B | ~6% | Fine-grained |\n"
             "| Grok-1 | Mar 2024 | 314B | 86B | 27% | Open-sourced (xAI) |\n")
    got = {raw: (ent, new or "") for raw, ent, new in _drafts(project_registry, table)}
    assert got["14.3B"][0] is None and got["14.3B"][1].startswith("Qwen1.5-MoE")
    assert got["12%"][0] is None and got["12%"][1].startswith("DeepSeek-MoE 16B")
    assert got["314B"][0] is None and got["314B"][1].startswith("Grok-1")


def test_a_dated_bold_name_leads_its_list(project_registry):
    # an MoE write-up: "**GShard** (June 2020):" over its items, under "# Mixture of Experts (MoE)";
    # GShard is no registry thing and no class of models: a thing of its own
    text = ("# Mixture of Experts (MoE)\n\n**GShard** (June 2020):\n- Google's first large-scale MoE transformer\n"
            "- 600B parameters total, only fraction active per token\n- Scaled to 2048 TPU cores\n\n"
            "**DeepSeek-V2** (May 2024):\n- 236B total parameters, fine-grained MoE\n")
    got = {raw: (ent, new) for raw, ent, new in _drafts(project_registry, text)}
    assert got["600B parameters"] == (None, "GShard") and got["2048 TPU"] == (None, "GShard")
    # a lead-in naming a registry model gives it the item's figure, not the class a word names
    assert got["236B total parameters"][0] == "deepseek-v2"


def test_a_price_in_brackets_after_a_provider_prices_the_title_gpu(project_registry):
    # the same H200 summary: "- Vultr ($1.99/hr) is 85% cheaper than Azure ($13.09/hr)"
    text = ("# H200 GPU Pricing Summary\n\n## Cost Savings Analysis\n\n"
            "- Vultr ($1.99/hr) is **85% cheaper** than Azure ($13.09/hr)\n")
    got = drafts_by_raw(text, project_registry)
    assert got["$1.99/hr"].entity == got["$13.09/hr"].entity == "nvidia-h200"
    # each price's provider is the name it follows, not the other one on the line
    assert got["$13.09/hr"].conditions.get("provider") == "microsoft"
    assert "provider" not in got["$1.99/hr"].conditions


def test_a_list_item_naming_the_model_gives_it_the_other_items(project_registry):
    # the H200 summary's "## GPU Specifications": "- **Model**: NVIDIA H200" over "- **Memory**: 141GB HBM3e"
    text = ("## GPU Specifications\n- **Model**: NVIDIA H200\n- **Memory**: 141GB HBM3e\n\n"
            "## Other\n- **Memory**: 80GB HBM3\n")
    got = [(raw, ent) for raw, ent, _ in _drafts(project_registry, text)]
    assert got[0] == ("141GB", "nvidia-h200")
    # a list that names no model keeps its own reading
    assert got[1][1] != "nvidia-h200"
    # an item that prices the card names no model of the list ("- GPU: $1,200 (RTX 4080 16GB)")
    text2 = "**Hardware:**\n- GPU: $1,200 (RTX 4080 16GB)\n- Lifespan: 3 years\n- Amortized cost: **$0.046/hour**\n"
    assert dict((raw, ent) for raw, ent, _ in _drafts(project_registry, text2))["$0.046/hour"] != "nvidia-geforce-rtx-4080"


def test_starts_between_is_a_half_open_stretch():
    # (link's test for a versioned name, "Grok 2", before a number in its sentence: a bisection over
    # the sorted starts of such names, no walk over every one in the text per number)
    from kb.extract.linking import _starts_between

    starts = [10, 40, 90]
    assert _starts_between(starts, 0, 11) and _starts_between(starts, 40, 41) and _starts_between(starts, 35, 95)
    assert not _starts_between(starts, 0, 10)      # the end is left out
    assert not _starts_between(starts, 11, 40)
    assert not _starts_between(starts, 91, 500)
    assert not _starts_between([], 0, 500)


def test_a_column_of_how_a_card_is_rented_and_its_term_columns(project_registry):
    # a GPU cloud comparison's Runpod table: each card named again for each way it is rented,
    # under columns of one hour and of terms ("| GPU Type | Pricing Model | 1 Hour | 1 Month |")
    table = ("| GPU Type | Pricing Model | 1 Hour | 1 Month | 3 Months |\n|---|---|---|---|---|\n"
             "| A100     | Spot          | $1.99  | -       | -        |\n"
             "| A100     | On-Demand     | $15.92 | -       | -        |\n"
             "| A40      | Spot          | $0.49  | $0.75   | $0.71    |\n"
             "| A40      | On-Demand     | $0.79  | $0.75   | $0.71    |\n")
    got = [(raw, ent) for raw, ent, _ in _drafts(project_registry, table) if raw.startswith("$")]
    assert got[:3] == [("$1.99", "nvidia-a100"), ("$15.92", "nvidia-a100"), ("$0.49", "nvidia-a40")]
    assert all(ent == "nvidia-a40" for raw, ent in got[2:])
    # a column of an amount of use stays a workload of the article's own ("| 100 Hours |")
    work = ("| GPU | 100 Hours | 500 Hours |\n|---|---|---|\n| A100 | $150 | $750 |\n| H100 | $250 | $1,250 |\n"
            "| A100 | $160 | $800 |\n")
    assert all(ent is None for _, ent, _ in _drafts(project_registry, work))


def test_a_blank_sorting_column_leaves_the_named_columns_their_figures(project_registry):
    # DeepSeek-V3's README: "| | **Benchmark (Metric)** | **DeepSeek V2-0506** | ... |" over rows
    # whose first cell is blank ("| | # Activated Params | 21B |", "| | # Total Params | 236B |")
    table = ("| | **Benchmark (Metric)** | **DeepSeek V2-0506** | **Qwen2.5 72B-Inst.** | **DeepSeek V3** |\n"
             "|---|---|---|---|---|\n"
             "| | Architecture | MoE | Dense | MoE |\n"
             "| | # Activated Params | 21B | 72B | 37B |\n"
             "| | # Total Params | 236B | 72B | 671B |\n")
    got = [(raw, ent) for raw, ent, _ in _drafts(project_registry, table)]
    assert got == [("21B", "deepseek-v2"), ("72B", "qwen2.5-72b"), ("37B", "deepseek-v3"),
                   ("236B", "deepseek-v2"), ("72B", "qwen2.5-72b"), ("671B", "deepseek-v3")]


def test_one_of_a_card_is_the_card_not_a_group(project_registry):
    # Lambda's price list: "| 1x NVIDIA A10 | 1 | 24 GB | 30 | 200 GB | 1.4 TB | $0.60 / hr |"
    table = ("| Instance | GPU | GPU Memory | vCPUs | Price Per Hour |\n|---|---|---|---|---|\n"
             "| 1x NVIDIA A10 | 1 | 24 GB | 30 | $0.60 / hr |\n"
             "| 8x NVIDIA A100 | 1 | 40 GB | 124 | $8.80 / hr |\n")
    got = {raw: (ent, new) for raw, ent, new in _drafts(project_registry, table)}
    assert got["$0.60 / hr"][0] == "nvidia-a10" and got["24 GB"][0] == "nvidia-a10"
    # a node of eight stays a thing of the article's own
    assert got["$8.80 / hr"][0] is None and got["$8.80 / hr"][1]


def test_an_attribute_label_in_a_list_names_no_thing_of_its_own(project_registry):
    # a cost comparison's "#### g5.2xlarge On-Demand" over "- RAM: 32 GB" and "**Pricing:**" over
    # "- On-demand: **$1.21/hour**", "- Spot (typical): **$0.36-0.48/hour**"
    text = ("#### g5.2xlarge On-Demand\n**Specs:**\n- vCPUs: 8\n- RAM: 32 GB\n\n**Pricing:**\n"
            "- On-demand: **$1.21/hour**\n- Spot (typical): **$0.36-0.48/hour** (70% discount)\n")
    got = {raw: ent for raw, ent, _ in _drafts(project_registry, text)}
    assert got["32 GB"] == "aws-g5.2xlarge"
    assert got["$1.21/hour"] == "aws-g5.2xlarge" and got["$0.36-0.48/hour"] == "aws-g5.2xlarge"
    # a label that names a cost of the article's own keeps it ("- Ops overhead: $2,000/month")
    own = "#### g5.2xlarge On-Demand\n- Ops overhead: $2,000/month\n"
    assert [ent for _, ent, _ in _drafts(project_registry, own)] == [None]
    # nor the bare word of a cost before a monthly sum (a model guide's "**Multi-Model Strategy:**"
    # over "- **Gemini Flash (40% of queries):** ..." over "  - Cost: $40/month": the writer's part)
    part = ("**Multi-Model Strategy:**\n- **Gemini Flash (40% of queries):** simple questions\n"
            "  - Cost: $40/month\n  - Quality: Good\n")
    assert dict((raw, ent) for raw, ent, _ in _drafts(project_registry, part))["$40/month"] is None


def test_a_model_the_registry_lacks_is_not_its_providers(project_registry):
    # a price list's rows: "| Cohere | Command Light | 0.30 | 0.60 |" beside "| OpenAI | GPT-4o | 2.50 |"
    table = ("| Provider | Model | Input \\$/1M | Output \\$/1M |\n|---|---|---|---|\n"
             "| OpenAI     | GPT-4o                    | 2.50 | 10.00 |\n"
             "| Cohere     | Command Light             | 0.30 | 0.60  |\n"
             "| DeepSeek   | DeepSeek-V3.1 (non-think) | 0.56 | 1.68  |\n")
    got = [(raw, ent, new) for raw, ent, new in _drafts(project_registry, table)]
    assert [ent for _, ent, _ in got[:2]] == ["gpt-4o", "gpt-4o"]
    assert all(ent is None for _, ent, _ in got[2:])
    assert got[2][2].startswith("Command Light") and got[4][2].startswith("DeepSeek-V3.1")


def test_a_row_of_an_instance_code_is_never_the_articles_subject(project_registry):
    # a price list titled "# LambdaLabs Labs ..." with a later "# EC2 p3 Instance Type (Training)"
    # table: "| p3.2xlarge | 1 | 16 GB | 8 | 61 GB |" is that instance's, its vCPUs too
    text = ("# LambdaLabs Labs (16 GB GPU to 48 GB GPU) (Training)\n\nSome prices.\n\n"
            "# EC2 p3 Instance Type (Training)\n"
            "| Instance Size | GPU | GPU Memory | vCPUs | RAM | On-Demand Hourly Cost |\n|---|---|---|---|---|---|\n"
            "| p3.2xlarge | 1 | 16 GB | 8 | 61 GB | $3.259 / hr |\n"
            "| p3.8xlarge | 4 | 64 GB | 32 | 244 GB | $13.036 / hr |\n")
    got = [(raw, ent, new) for raw, ent, new in _drafts(project_registry, text) if raw in ("8", "32")]
    assert len(got) == 2 and all(ent is None and new.startswith("p3.") for _, ent, new in got)


def test_a_family_named_with_its_tuning_and_size_is_the_model_of_that_size(project_registry):
    # a cloud price table: "| Llama 2 Chat 13B | $0.00075 | $0.00100 | $0.00175 | 4096 |" is Llama
    # 2 13B's, every cell of the row (not the family's, which only the size cell used to get)
    table = ("### Meta Llama 2 via AWS Bedrock\n| Model | Input | Output | Total | Context |\n|---|---|---|---|---|\n"
             "| Llama 2 Chat 13B | $0.00075 | $0.00100 | $0.00175 | 4096 |\n"
             "| Llama 2 Chat 70B | $0.00195 | $0.00256 | $0.00451 | 4096 |\n"
             "| Llama 2 Fine-tuned | $0.00149 | N/A | N/A | Custom |\n")
    got = _drafts(project_registry, table)
    assert {ent for raw, ent, _ in got if raw in ("$0.00075", "$0.00175")} == {"llama-2-13b"}
    assert {ent for raw, ent, _ in got if raw in ("$0.00195", "$0.00451")} == {"llama-2-70b"}
    # (a row naming the family and no size stays the family's)
    assert [ent for raw, ent, _ in got if raw == "$0.00149"] == ["llama-2"]


def test_a_bold_name_the_registry_lacks_is_not_the_heading_company(project_registry):
    # a price list: "## Anthropic Claude" over "**Claude Haiku 4**" over "- Input: $0.25 | Output: $1.25":
    # a model the registry lacks, not Anthropic; a bold registry name beside it keeps its model
    text = ("Prices in USD per 1 million tokens.\n\n## Anthropic Claude\n\n**Claude Sonnet 4.5**\n- Input: $3.00 | Output: $15.00\n\n"
            "**Claude Haiku 4**\n- Input: $0.25 | Output: $1.25\n\n"
            "## Mistral AI\n\n**Mistral Small**\n- Input: $0.20 | Output: $0.60\n")
    got = {raw: (ent, new) for raw, ent, new in _drafts(project_registry, text)}
    assert got["$3.00"] == ("claude-sonnet-4.5", None)
    assert got["$0.25"] == (None, "Claude Haiku 4") and got["$1.25"] == (None, "Claude Haiku 4")
    assert got["$0.20"] == (None, "Mistral Small")


def test_a_card_the_registry_lacks_is_not_its_price_columns_provider(project_registry):
    # "| RTX A4000 | 16GB | $0.34/hr |" under "| GPU | VRAM | RunPod |" among cards the registry
    # names: the hourly price is the A4000's (a thing of the article's own), not RunPod's
    table = ("GPU | VRAM | RunPod | Notes\n----|----|----|----\n"
             "RTX 3090 | 24GB | $0.44/hr 8max |\nRTX A5000 | 24GB | $0.44/hr |\n"
             "RTX A4000 | 16GB | $0.34/hr |\n")
    got = {raw: (ent, new) for raw, ent, new in _drafts(project_registry, table)}
    assert got["$0.44/hr"][0] in ("nvidia-geforce-rtx-3090", "nvidia-rtx-a5000")
    ent, new = got["$0.34/hr"]
    assert ent is None and new.startswith("RTX A4000")


def test_an_amount_in_a_models_row_is_no_investment_of_the_captions_company(project_registry):
    # "### Google Vertex AI" over "| Gemini 1.0 Pro (128k) | $0.0005 | $0.0015 |" under "| Model |
    # Input | Output |": the model's prices, not an investment of Google's ("AI" leaned to it)
    table = ("### Google Vertex AI\n| Model | Input | Output | Total | Context |\n|---|---|---|---|---|\n"
             "| Gemini 1.0 Pro (128k) | $0.0005 | $0.0015 | $0.002 | 128k |\n"
             "| Gemini 2.0 Flash (1M) | $0.0001 | $0.0004 | $0.0005 | 1,000k |\n"
             "| PaLM 2 Text-Bison (4k) | $0.004 | $0.004 | $0.008 | 4k |\n")
    got = _drafts(project_registry, table)
    assert [ent for raw, ent, _ in got if raw in ("$0.0005", "$0.0015")][:2] == ["gemini-1.0-pro"] * 2
    # (a row among them naming a model the registry lacks is that model's, a new thing, not Google's)
    palm = [(ent, new) for raw, ent, new in got if raw == "$0.004"]
    assert len(palm) == 2 and all(ent is None and new.startswith("PaLM 2") for ent, new in palm)


def test_a_sides_price_for_the_next_tier_is_the_same_models(project_registry):
    # "**Gemini 1.5 Pro**" over "- Input: $1.25 (≤128K) | $2.50 (>128K)" in a list whose prices
    # are per 1M tokens: the amount after the bar is the same side's price for the longer
    # prompts, Gemini 1.5 Pro's per 1M tokens (not a cost of a thing named "$2.50")
    text = ("Prices in USD per 1 million tokens.\n\n## Google Gemini\n\n**Gemini 1.5 Pro**\n"
            "- Input: $1.25 (≤128K) | $2.50 (>128K)\n- Output: $5.00 (≤128K) | $10.00 (>128K)\n")
    got = drafts_by_raw(text, project_registry)
    for raw in ("$2.50", "$10.00"):
        assert got[raw].entity == "gemini-1.5-pro" and got[raw].property == "token-price"
        assert got[raw].unit == got["$1.25"].unit


# --- fresh GPU and model write-ups (session 40, ent81) ----------------------------------

# texts (of this section and later ones) whose one check is which entity each number is linked
# to: raw -> entity
_OWN_ENTITY = [
    # "**NVIDIA RTX 3060 (12GB) / RTX 4060 Ti (16GB)**" (a GPU buying guide): the bracket right
    # after a card's name holds that card's memory, not the line's opening card's
    pytest.param("### Entry Level\n**NVIDIA RTX 3060 (12GB) / RTX 4060 Ti (16GB)**\n\n"
                 "### High-End\n**NVIDIA RTX 4090 (24GB) / RTX A6000 (48GB)**\n",
                 {"16GB": "nvidia-geforce-rtx-4060-ti", "48GB": "nvidia-rtx-a6000"},
                 id="a_bracket_opening_with_the_number_owns_it_over_the_lines_first_card"),
    # "compared to the RTX 4090's more power-efficient 450W": the yardstick's own wattage,
    # not the sentence subject's
    pytest.param("However, the H100's 700W power consumption reflects its enterprise-grade focus, "
                 "compared to the RTX 4090's more power-efficient 450W.",
                 {"700W": "nvidia-h100", "450W": "nvidia-geforce-rtx-4090"},
                 id="a_possessive_graded_by_a_comparison_owns_the_number"),
    # "Meta has released Llama 3, their most capable open large language model with 8B and 70B
    # parameter versions": Llama 3 8B, though only the line (and its 70B) is named; sizes other
    # named lines share stay with the model named
    pytest.param("**Meta** has released **Llama 3**, their most capable open large language model with "
                 "**8B and 70B parameter versions** supporting **8K context length** and outperforming "
                 "previous models including **Llama 2** and **Mistral 7B**. **Groq** serves the "
                 "**Llama 3 70B** model at **500-800 tokens/second**.",
                 {"8B": "llama-3-8b", "70B parameter": "llama-3-70b"},
                 id="a_named_lines_size_given_to_a_class"),
    # "| **Cheapest Option** | GPT-5 Nano ($0.05/1M in) | ... | Flash 2.5 ($0.15/1M in) |" under
    # "| Feature | OpenAI API | Claude API | Gemini API |": the price of the model the cell names,
    # not of the column's vendor (nor of the family the heading names)
    pytest.param("## Quick Comparison: OpenAI vs Claude vs Gemini APIs\n\n"
                 "| Feature | OpenAI API | Claude API | Gemini API |\n|---|---|---|---|\n"
                 "| **Cheapest Option** | GPT-5 Nano ($0.05/1M in) | Haiku 4.5 ($1/1M in) | Flash 2.5 ($0.15/1M in) |\n",
                 {"$0.05/1M": "gpt-5-nano", "$1/1M": "claude-haiku-4.5", "$0.15/1M": "gemini-2.5-flash"},
                 id="a_figure_in_brackets_after_a_cells_own_name"),
    # DeepSeek-V3's README: "We present DeepSeek-V3, a strong Mixture-of-Experts (MoE) language
    # model with 671B total parameters with 37B activated for each token": DeepSeek-V3's
    pytest.param("We present DeepSeek-V3, a strong Mixture-of-Experts (MoE) language model with 671B "
                 "total parameters with 37B activated for each token.\n",
                 {"671B total parameters": "deepseek-v3"},
                 id="a_class_in_the_appositive_of_a_named_model"),
]


@pytest.mark.parametrize("text, expected", _OWN_ENTITY)
def test_a_number_is_the_entitys_its_text_gives_it(project_registry, text, expected):
    got = _entities(project_registry, text)
    for raw, entity in expected.items():
        assert got[raw] == entity, raw


def test_a_run_cost_under_a_cards_label_is_no_price_of_the_card(project_registry):
    # "**L4 ($0.75/hour - Cloud):**" over "- Cost: ~$2-3": what the writer's run cost on the
    # card; $2 is no price to buy a GPU, so the card does not take it (its hourly rent stays)
    text = "## Cost Analysis\n\n**L4 ($0.75/hour - Cloud):**\n- Cost: ~$2-3\n- Time: 1-2 hours\n\n" \
           "- **RTX 4090**: Costs around $1,599\n"
    got = {raw: (e, p) for raw, e, p in _links(project_registry, text)}
    assert got["$0.75/hour"] == ("nvidia-l4", "rental-price")
    assert got["$2-3"][0] in ("new", None) and got["$2-3"][1] != "purchase-price"
    assert got["around $1,599"] == ("nvidia-geforce-rtx-4090", "purchase-price")


def test_a_size_written_as_a_name_without_the_article(project_registry):
    # a Llama 3.1 release note: "The performance of 405B model is very similar to Claude 3.5
    # Sonnet", "70B model has ...", "- 405B trained on 15.6T tokens": the named line's model of
    # that size (not "a 7B model", a size in general)
    text = "# Llama 3.1 405B Matches Or Beats The Top Foundation Models\n\n" \
           "Llama 3.1 405B, 70B, 8B is officially out.\n\n## Model evaluations\n\n" \
           "The performance of 405B model is very similar to Claude 3.5 Sonnet.\n\n" \
           "70B model has an even more impressive performance.\n\n" \
           "Important facts:\n- 405B trained on 15.6T tokens and fine-tuned on 25M examples.\n"
    got = [(raw, e) for raw, e, _ in _links(project_registry, text)]
    assert got[:4] == [("405B", "llama-3.1-405b"), ("70B", "llama-3.1-70b"), ("405B", "llama-3.1-405b"),
                       ("15.6T tokens", "llama-3.1-405b")]
    # (a size in general keeps no model: "a 7B model", "7B models")
    assert not linking._bare_size_names("a 7B model in FP16. 7B models are common. Use a 13B model.")


def test_a_model_of_a_size_with_a_is_a_new_one_not_the_one_named_before(project_registry):
    # "AWS planning to acquire 20,000 B200 GPUs for a 27 trillion parameter model" (a news
    # digest on Llama 3): a model not yet named, not the GPT-4 or Llama the text named before;
    # "It is a 70B parameter model" still says what the subject is
    text = "# Llama-3-70b is GPT-4-level Open Model\n\n" \
           "**Groq** serves the **Llama 3 70B** model at **500-800 tokens/second**. Discussions " \
           "highlight scaling, with **AWS** planning to acquire **20,000 B200 GPUs** for a " \
           "**27 trillion parameter model**.\n\n" \
           "Meta released Llama 3 70B. It is a 70B parameter model.\n"
    got = _entities(project_registry, text)
    assert got["27 trillion parameter"] in ("new", None)
    assert got["70B parameter"] == "llama-3-70b"


def test_a_line_word_and_version_without_the_brand_name_the_model(project_registry):
    # a price list under "Anthropic Claude" writes "Sonnet 3.5", "Haiku 3.5", "Opus 4" (the
    # line's word and the version, the brand left out): those models, not the vendor
    text = "# USD per million text tokens (input / output)\n\nAnthropic Claude\n" \
           "  Haiku 3.5............... $0.80 / $4.00\n" \
           "  Sonnet 3.5.............. $3.00 / $15.00\n" \
           "  Opus 4.................. $15.00 / $75.00\n"
    got = [(raw, e) for raw, e, _ in _links(project_registry, text)]
    assert got == [("$0.80", "claude-3.5-haiku"), ("$4.00", "claude-3.5-haiku"),
                   ("$3.00", "claude-3.5-sonnet"), ("$15.00", "claude-3.5-sonnet"),
                   ("$15.00", "claude-opus-4"), ("$75.00", "claude-opus-4")]
    # (only a three-word name of a brand, a one-word line name and a version gives the short form)
    assert linking._line_word_variant("claude 3.5 sonnet", {"sonnet"}) == "sonnet 3.5"
    assert linking._line_word_variant("claude opus 4", {"opus"}) == "opus 4"
    assert linking._line_word_variant("llama 3 70b", {"llama"}) is None
    assert linking._line_word_variant("claude sonnet", {"sonnet"}) is None
    # (a line's name of two words, the brand's and the line's: "Flash 2.5" of "Gemini Flash")
    assert linking._line_word_variant("gemini 2.5 flash", {"gemini flash"}) == "flash 2.5"
    assert linking._line_word_variant("vertex 2.5 flash", {"gemini flash"}) is None


def test_a_worked_cases_load_is_the_cases_own(project_registry):
    # "### Scenario 1: High Volume Chat (GPT-4o-mini vs Claude 3.5 Haiku)" over "- 50M input
    # tokens/month": the load the case supposes, not the first model its heading names; a
    # "Scenario" heading's own "(1M queries/month, ...)" is the case's, not the article's subject
    text = "# OpenAI vs Anthropic Pricing\n\n## Real-World Cost Examples\n\n" \
           "### Scenario 1: High Volume Chat (GPT-4o-mini vs Claude 3.5 Haiku)\n\n" \
           "- 50M input tokens/month, 10M output tokens/month\n" \
           "- **GPT-4o-mini:** $7.50 + $6 = **$13.50/month**\n\n" \
           "### Scenario 2: Customer Service Bot (1M queries/month, ~500 tokens avg)\n\n" \
           "OpenAI's GPT-4o is the default.\n"
    got = _entities(project_registry, text)
    assert got["50M input tokens/month"] in ("new", None)
    assert got["10M output tokens/month"] in ("new", None)
    assert got["$7.50"] == "gpt-4o-mini"
    assert got["1M queries/month"] in ("new", None)
    # (a load under a heading that is no worked case keeps the heading's model)
    plain = "### GPT-4o-mini\n\n- 50M input tokens/month\n"
    assert _entities(project_registry, plain)["50M input tokens/month"] == "gpt-4o-mini"


def test_a_bracketed_discount_is_the_prices_thing(project_registry):
    # "**Gemini 1.5 Pro**" over "- Cached: $0.3125 (75% discount)": the discount is of what the
    # price is of, not a thing of its own nor the section heading's vendor
    text = "# LLM Pricing Information\n\nPrices in USD per 1 million tokens.\n\n" \
           "## Google Gemini\n\n**Gemini 1.5 Pro**\n- Input: $1.25 (≤128K) | $2.50 (>128K)\n" \
           "- Cached: $0.3125 (75% discount)\n\n**Gemini 1.5 Flash**\n- Input: $0.075 (≤128K) | $0.15 (>128K)\n" \
           "- Cached: $0.01875 (75% discount)\n"
    got = [(raw, e) for raw, e, _ in _links(project_registry, text) if raw == "75%"]
    assert got == [("75%", "gemini-1.5-pro"), ("75%", "gemini-1.5-flash")]
    # (a share in brackets that is no cut keeps its own reading)
    assert linking._DISCOUNT_AFTER_RE.match(" of revenue") is None


def test_a_repository_id_names_its_model_not_its_owner(project_registry):
    # an inference host's price table: "| meta-llama/Llama-3.1-8B | $0.03 | $0.09 |", "|
    # deepseek-ai/DeepSeek-R1 | ... |": the model the repository id names (its owner before the
    # "/" is no mention of the organisation); "DeepSeek-R1-Distill-Llama-70B" is another model,
    # distilled from R1, not R1 (a new thing where the registry lacks it)
    text = "## Serverless Pricing\nThe prices are based on 1 million tokens.\n\n" \
           "| model_name | input_price | output_price |\n|---|---|---|\n" \
           "| meta-llama/Llama-3.1-8B | $0.03 | $0.09 |\n" \
           "| deepseek-ai/DeepSeek-R1 | $0.50 | $2.18 |\n" \
           "| deepseek-ai/DeepSeek-R1-Distill-Llama-70B | $0.25 | $0.75 |\n" \
           "| Qwen/QwQ-32B | $0.40 | $1.50 |\n"
    got = _entities(project_registry, text)
    assert got["$0.03"] == got["$0.09"] == "llama-3.1-8b"
    assert got["$0.50"] == got["$2.18"] == "deepseek-r1"
    assert got["$0.25"] in ("new", None) and got["$0.75"] in ("new", None)
    assert got["$0.40"] == got["$1.50"] == "qwq-32b"
    # (two companies written with a slash between stay both named: "Alphabet/Google")
    assert _links(project_registry, "Alphabet/Google spent $10 billion on servers.")[0][1] == "alphabet"


def test_a_model_row_the_registry_lacks_is_no_hosts(project_registry):
    # a host's table of models' prices under "# Groq Integration": "| Gemma 7b It | ~950
    # tokens/s | $0.07/$0.07 |" among rows of registry models is a model of the article's own
    # (the registry has no Gemma 7B), not Groq, what the title is about
    text = "# Groq Integration\n\n## On Demand Pricing\n" \
           "| Model | CURRENT SPEED | PRICE PER MILLION TOKENS |\n| --- | --- | --- |\n" \
           "| Gemma 7b It | ~950 tokens/s | $0.07/$0.07 |\n" \
           "| Gemma2 9b It | ~500 tokens/s | $0.20/$0.20 |\n" \
           "| Llama3 70b 8192 | ~330 tokens/s | $0.59/$0.79 |\n" \
           "| Llama3 8b 8192 | ~1,250 tokens/s | $0.05/$0.08 |\n" \
           "| Mixtral 8x7b 32768 | ~575 tokens/s | $0.24/$0.24 |\n"
    got = _entities(project_registry, text)
    assert got["$0.07"] in ("new", None)
    assert got["$0.59"] == "llama-3-70b"
    # (a label with no model's size in it, "| Total |", is no model of the article's own)
    assert linking._MODEL_SIZE_IN_NAME_RE.search("Total") is None
    assert linking._MODEL_SIZE_IN_NAME_RE.search("gemma-7b-it") is not None


def test_two_cards_written_with_a_slash_stay_two_names(project_registry):
    # "100,000–200,000 H100/H200 chips", "a single NVIDIA A100/H100 80GB": both cards are named
    # (a name with a digit before the slash is no repository's owner)
    reg = project_registry
    from kb.extract.linking import index_for
    idx = index_for(reg.entities, reg.properties)
    got = [e for _, _, e in idx.aliases_in("deployments at 100,000–200,000 H100/H200 chips")]
    assert "nvidia-h100" in got and "nvidia-h200" in got
    assert [e for _, _, e in idx.aliases_in("Qwen/QwQ-32B")] == ["qwq-32b"]


# --- company and funding news: labels, platforms as the medium, investors' valuations ----

def test_a_short_name_in_a_title_case_label_is_the_labels_word(project_registry):
    # "- **Current Scale**: 230,000 GPUs operational" (a profile of xAI's GPU procurement): the
    # word of a title-case label, not Scale AI; the label that is the name alone stays the name's
    text = "# xAI GPU Procurement Strategy\n\n**Key Metrics:**\n" \
           "- **Current Scale**: 230,000 GPUs operational as of November 2025\n" \
           "- **Target Scale**: 1 million+ GPUs by late 2025/early 2026 via Colossus 2\n"
    assert all(ent != "scale-ai" for _, ent, _ in _links(project_registry, text))
    assert linking._title_case_label("- **Current Scale**: 230,000 GPUs", 12)
    assert linking._title_case_label("Target Scale: 1 million GPUs", 7)
    assert not linking._title_case_label("- **Scale**: 230,000", 4)
    assert not linking._title_case_label("the firm Scale raised: $1B", 9)


def test_a_platform_named_as_where_a_text_was_written_is_no_subject(project_registry):
    # "# xAI Twitter Thread: $200B in 30 Months" over "• May 2024: $6B at $24B valuation": the
    # thread is on Twitter; the title's company is xAI, and the funding lines naming nothing are its
    text = "# xAI Twitter Thread: $200B in 30 Months\n\n" \
           "The funding timeline is insane:\n\n" \
           "• May 2024: $6B at $24B valuation\n" \
           "• Dec 2024: $6B at $50B valuation\n\n" \
           "Annualized revenue (Dec 2024): $100M\n"
    got = {(raw, e) for raw, e, _ in _links(project_registry, text)}
    assert ("$24B", "xai") in got and ("$50B", "xai") in got and ("$100M", "xai") in got
    assert all(e != "x-twitter" for _, e in got)
    # the platform as the product keeps its name
    said = "Twitter had 330 million monthly active users in 2019.\n"
    assert [e for _, e, _ in _links(project_registry, said)] == ["x-twitter"]


def test_a_valuation_after_an_investor_is_the_investees(project_registry):
    # a profile of CoreWeave: "NVIDIA invested $100M at $2B valuation", "Cisco investment at
    # $23B valuation", "Series B funding, $200M from NVIDIA": the money went into the company
    # the profile is about, at its valuation; the investment stays the investor's
    text = "# CoreWeave: The Essential Cloud for AI\n\n" \
           "*Q1-Q2 2023: Strategic Partnerships Emerge*\n" \
           "- **April 2023:** NVIDIA invested $100M at $2B valuation\n" \
           "- **May 2023:** Series B funding, $200M from NVIDIA\n\n" \
           "*Q3-Q4 2024:*\n" \
           "- **October:** Cisco investment at $23B valuation\n"
    got = _entities(project_registry, text)
    assert got["$2B"] == "coreweave" and got["$23B"] == "coreweave" and got["$200M"] == "coreweave"
    assert got["$100M"] == "nvidia"


def test_a_prompt_column_over_prices_is_the_input_side_of_a_token_price(project_registry):
    # a gateway table under a model's section, prices "USD per 1M tokens" said once above: the
    # "Prompt" column is the input price (not a count of prompts), of the section's model
    text = "**Currency**: USD per 1M tokens (unless specified)\n\n" \
           "### 1.1 Claude-3-Opus (200K Context)\n\n**Availability**: Clarifai only\n\n" \
           "| Gateway | Prompt | Completion | Context | Status |\n" \
           "|---------|--------|------------|---------|--------|\n" \
           "| Clarifai | $15.00 | $75.00 | 200K | ✅ Available |\n" \
           "| Others | - | - | - | ❌ Not Available |\n"
    got = drafts_by_raw(text, project_registry)
    assert got["$15.00"].property == got["$75.00"].property == "token-price"
    assert got["$15.00"].entity == got["$75.00"].entity == "claude-3-opus"
    assert got["$15.00"].conditions.get("direction") == "input"
    assert got["$75.00"].conditions.get("direction") == "output"


def test_a_transposed_comparison_gives_each_column_its_own_thing(project_registry):
    # "| Feature | OpenAI API | Claude API | Gemini API |": a column each thing, a row each
    # feature; the caption's "Gemini" is the last column's, not the OpenAI column's
    text = "## Quick Comparison: OpenAI vs Claude vs Gemini APIs at a Glance\n\n" \
           "| Feature | OpenAI API | Claude API | Gemini API |\n" \
           "|---------|-----------|------------|------------|\n" \
           "| **Top Model** | GPT-5.2 Pro | Claude Opus 4.5 | Gemini 2.5 Pro |\n" \
           "| **Context Window** | 128K tokens | 1M tokens | 1M tokens |\n"
    got = [(raw, e) for raw, e, _ in _links(project_registry, text)]
    assert got[0] == ("128K tokens", "openai")
    assert got[1] == ("1M tokens", "anthropic")  # ("Claude API": Anthropic's)
    assert got[2] == ("1M tokens", "gemini")


def test_a_provider_row_under_a_models_section_is_the_models_price_there(project_registry):
    # "### 2.1 Meta-Llama-3.1-70B-Instruct" over "| Gateway | Prompt | Completion |": each row is
    # the section model's price at one provider (a condition), not the provider's own figure
    text = "**Currency**: USD per 1M tokens (unless specified)\n\n" \
           "### 2.1 Meta-Llama-3.1-70B-Instruct (131K Context)\n\n" \
           "| Gateway | Prompt | Completion | Context | Status |\n" \
           "|---------|--------|------------|---------|--------|\n" \
           "| Clarifai | $0.35 | $0.35 | 131K | ✅ Symmetric |\n" \
           "| DeepInfra | $0.35 | $0.40 | - | ⚠️ Asymmetric |\n"
    got = drafts_by_raw(text, project_registry)
    assert got["$0.40"].entity == "llama-3.1-70b"
    assert got["$0.40"].conditions.get("provider") == "deepinfra"
    # (a caption naming no model leaves a provider's row its own: "| Provider | Price |" under
    # "## Hosts")
    assert not linking._PROVIDER_HEAD_RE.fullmatch("Model")


def test_a_comma_record_of_a_gpu_and_a_provider_rents_the_gpu(project_registry):
    # "1xA100, 40GB, Runpod, $0.89": a rental line of comma-separated fields; the GPU is what is
    # rented, the provider a condition (here with an hourly unit on the price)
    text = "## GPU Rent Price Comparison per hour\n\n" \
           "1xA100, 40GB, Runpod, $0.89/hr  \n1xA100, 40GB, Lambda, $1.1/hr  \n"
    got = drafts_by_raw(text, project_registry)
    assert got["$0.89/hr"].entity == got["$1.1/hr"].entity == "nvidia-a100"
    assert got["$0.89/hr"].conditions.get("provider") == "runpod"
    # (a line with no GPU first is no such record: the provider keeps it)
    assert _links(project_registry, "Runpod, community cloud, $0.89/hr")[0][1] != "nvidia-a100"


def test_a_gpu_record_under_an_hourly_heading_is_an_hourly_rent(project_registry):
    # "## GPU Rent Price Comparison per hour" over "1xA100, 40GB, Vast, $0.852": the bare price
    # is per hour (the heading says so once), the GPU's rent; a provider the registry lacks
    # ("Vast") leaves no provider condition
    text = "## GPU Rent Price Comparison per hour\n\n" \
           "1xA100, 80GB, Vast, $0.852  \n1xA100, 80GB, Runpod, $2.04  \n"
    got = drafts_by_raw(text, project_registry)
    assert got["$0.852"].unit == got["$2.04"].unit == "USD/hour"
    assert got["$0.852"].property == "rental-price" and got["$0.852"].entity == "nvidia-a100"
    assert got["$2.04"].entity == "nvidia-a100" and got["$2.04"].conditions.get("provider") == "runpod"
    assert "provider" not in got["$0.852"].conditions
    assert got["$2.04"].conditions.get("scope") == "per-gpu"
    # (a record of two GPUs prices both: "2xA100, 80GB, Lambda, $2.2")
    two = drafts_by_raw("## GPU Rent Price Comparison per hour\n\n2xA100, 80GB, Lambda, $2.2\n", project_registry)
    assert two["$2.2"].entity == "nvidia-a100" and two["$2.2"].conditions.get("scope") == "per-instance"
    # (under a heading that says no hour, the amount stays bare)
    plain = drafts_by_raw("## GPU prices\n\n1xA100, 80GB, Vast, $0.852\n", project_registry)
    assert plain["$0.852"].unit == "USD"


def test_a_class_word_inside_a_models_name_is_no_class(project_registry):
    # Qwen's MoE release post: "| Qwen1.5-MoE-A2.7B | 14.3 | 2.7 | 2.0 |" and "Compared to
    # Qwen1.5-7B ..., Qwen1.5-MoE-A2.7B contains only 2.0 billion non-embedding parameters": "MoE"
    # is a word of the model's name (one the registry lacks), not mixture-of-experts models
    text = "| Model | #Parameters | #(Activated) Parameters |\n| :--- | :--: | :--: |\n" \
           "| Mistral-7B | 7.2 | 7.2 |\n| Qwen1.5-MoE-A2.7B | 14.3 | 2.7 |\n\n" \
           "Notably, Qwen1.5-MoE-A2.7B achieves a 75% decrease in training expenses.\n"
    got = [(raw, e) for raw, e, _ in _links(project_registry, text)]
    assert ("14.3", "moe-models") not in got and ("75%", "moe-models") not in got
    assert ("7.2", "mistral-7b") in got
    assert linking._name_tail("Qwen1.5-MoE-A2.7B", 8)
    assert not linking._name_tail("an 8-GPU node", 5)  # a count before the hyphen
    # (the class written alone still is the class)
    assert [e for raw, e, _ in _links(project_registry, "MoE models cut training costs by 40%.")] == ["moe-models"]


def test_a_round_size_another_than_the_named_models_is_another_model(project_registry):
    # Qwen1.5 release posts: "competitive with the Llama-3-70B model ... the performance improvement
    # compared with 72B comes from increasing model size"; "Compared with the 72B parameter model,
    # Qwen1.5-32B ... outperforms other 30B models, such as Llama2-34B": not Llama's 70B or 34B
    text = "The above results show that the new 110B model is at least competitive with the " \
           "Llama-3-70B model in terms of base capabilities, and thus we believe that the " \
           "performance improvement compared with 72B comes from increasing model size.\n\n" \
           "Compared with the 72B parameter model, Qwen1.5-32B exhibits a slight decrease in " \
           "performance, yet it still outperforms other 30B models, such as Llama2-34B and Mixtral-8x7B.\n"
    got = [(raw, e) for raw, e, _ in _links(project_registry, text)]
    assert ("72B", "llama-3-70b") not in got
    assert all(e not in ("llama-2-34b", "llama-3-70b") for raw, e in got if raw in ("72B parameter", "30B"))
    # (the named model's own size stays its: "Llama 3 comes in two sizes — 8B and 70B parameters")
    got = _entities(project_registry, "Llama 3 comes in two sizes — 8B and 70B parameters.")
    assert got["70B parameters"] == "llama-3-70b" and got["8B"] == "llama-3-8b"


def test_a_tier_word_joined_to_a_models_name_is_another_model(project_registry):
    # DeepSeek-V2's README: "| DeepSeek-V2-Lite | 16B | 2.4B | 32k |" above "| DeepSeek-V2 | 236B |
    # 21B | 128k |": the Lite model (one the registry lacks), not DeepSeek-V2
    text = "| **Model** | **#Total Params** | **#Activated Params** |\n| :---: | :---: | :---: |\n" \
           "| DeepSeek-V2-Lite | 16B | 2.4B |\n| DeepSeek-V2 | 236B | 21B |\n"
    got = [(raw, e) for raw, e, _ in _links(project_registry, text)]
    assert ("16B", "deepseek-v2") not in got and ("2.4B", "deepseek-v2") not in got
    assert ("236B", "deepseek-v2") in got and ("21B", "deepseek-v2") in got


@pytest.mark.parametrize("text, raw, prop", [
    # a hyperscaler's hourly rate for a card the article is about: the provider offers it, the
    # card (or the article's own offer) is what is rented
    ("The hyperscaler premium persists. Azure remains expensive at **$6.98-$10.50/hour** depending on region.",
     "$6.98-$10.50/hour", "rental-price"),
    # a company in the possessive before the cost of a thing of its own (a site torn down)
    ("Meta's $70M sunk cost in the Temple datacenter demolition shows the stakes.", "$70M", None),
    # a company's hardware figure said of a wafer, no company's figure
    ("Cerebras builds wafer-scale chips. By their numbers, it’s 62.5 PFLOPS on a 7nm wafer.", "62.5 PFLOPS",
     "peak-throughput"),
])
def test_a_company_is_no_owner_of_a_figure_no_company_has(project_registry, text, raw, prop):
    got = [(e, p) for r, e, p in _links(project_registry, text) if r == raw]
    assert got and got[0][0] == "new"
    if prop is not None:
        assert got[0][1] == prop


def test_a_company_labelling_a_holding_gives_it_the_share_not_the_savers_money(project_registry):
    # "- TSMC: $36,000 × 3.18% = ~$1,145": the company's weight in a fund is its own; the saver's
    # money in it is a thing of the article's own, its property kept as the words read it
    text = ("A typical 401(k) holds these stocks through index funds.\n\n"
            "- TSMC: $36,000 × 3.18% = ~$1,145\n- ASML: $36,000 × 1.19% = ~$430\n")
    got = _links(project_registry, text)
    assert ("3.18%", "tsmc", "share") in got and ("1.19%", "asml", "share") in got
    assert [e for r, e, p in got if r in ("$36,000", "~$1,145", "~$430")] == ["new"] * 4


@pytest.mark.parametrize("text, raw, eid", [
    ("Nvidia reported revenue of $35.1 billion for the quarter.", "$35.1 billion", "nvidia"),
    ("Microsoft said its capital expenditures rose to $80 billion.", "$80 billion", "microsoft"),
])
def test_a_company_keeps_a_figure_of_a_company(project_registry, text, raw, eid):
    assert [e for r, e, p in _links(project_registry, text) if r == raw] == [eid]
