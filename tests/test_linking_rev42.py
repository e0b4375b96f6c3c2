"""Review of this session's linking rules (kb/extract/linking.py): the case a display block
works out after a sentence that supposes it is a scenario (``_supposed_block``), and the
narrowings of the rules merged before it (an accelerator's line noun of its own maker only, a
size before "like" only when given to a class of model, a count written onto a name never "0x").

The sentences are quoted from the development articles (dev-A half), each with its id, or
made from them where the test shows a form the rule must leave alone.
"""
from __future__ import annotations

from conftest import drafts_by_raw, linked_draft

from kb.extract.linking import index_for


# r108-llm-training-faqs, lines 27-29 and 39-42
ONE_GPU = ("Llama 3 405B was pre-trained on 15.6 trillion tokens.\n\n"
           "Remember that FLOPdays is the same as FLOPs per day. We can now calculate how many days it would "
           "take to perform the total compute of Llama 3 405B pre-training with a single H100:\n"
           "```math\n"
           "\\frac{3.79\\times10^{25}\\;FLOPs}{8.64\\times10^{19}\\;FLOPs\\;per\\;day}=438657\\;days=1200\\;years\n"
           "```\n"
           "Interesting.\n\n"
           "What if we could deliver 16,000 H100s to this training task? \n"
           "```math\n"
           "\\frac{3.79\\times10^{25}\\;FLOPs}{16000\\times(8.64\\times10^{19}\\;FLOPs\\;per\\;day)}=27\\;days\n"
           "```\n")


def test_what_a_block_after_a_supposing_sentence_gives_is_a_scenario(project_registry):
    got = drafts_by_raw(ONE_GPU, project_registry)
    # the run on one H100 "would take" 1,200 years: the block's result is the supposed case's
    assert got["438657\\;days"].conditions.get("basis") == "scenario"
    assert got["1200\\;years"].conditions.get("basis") == "scenario"
    # "What if ...?" before the block: its result too
    assert got["27\\;days"].conditions.get("basis") == "scenario"
    # the figure the working starts from (before its "=") is the real run's estimate
    assert got["3.79\\times10^{25}\\;FLOPs"].conditions.get("basis") != "scenario"


def test_a_block_after_a_plain_sentence_is_no_scenario(project_registry):
    text = ONE_GPU.replace("how many days it would take to perform", "how many days it took to perform") \
        .replace("What if we could deliver", "Meta delivered")
    got = drafts_by_raw(text, project_registry)
    assert got["438657\\;days"].conditions.get("basis") != "scenario"
    assert got["27\\;days"].conditions.get("basis") != "scenario"
    # nor a bare "if" of an instruction ("If you see failures/timeouts, reduce users:", r130)
    text = ONE_GPU.replace("We can now calculate how many days it would take",
                           "If it fails, calculate how many days it takes")
    assert drafts_by_raw(text, project_registry)["438657\\;days"].conditions.get("basis") != "scenario"


def _hits(reg, text):
    idx = index_for(reg.entities, reg.properties)
    return [(text[s:e], eid) for s, e, eid in idx.aliases_in(text)]


def test_a_line_noun_of_another_maker_is_a_second_chip(project_registry):
    # r49-google-ai-moat-chips: "For Trillium TPUs, this connection provides 3.200 GBps of
    # bandwidth per chip." (Google's chip and Google's line noun: one name)
    assert _hits(project_registry, "For Trillium TPUs, this connection provides 3.200 GBps of bandwidth per chip.") == \
        [("Trillium TPUs", "google-tpu-v6e")]
    # the same form with NVIDIA's chip before Google's noun: two rivals, not an H100 called a TPU
    assert _hits(project_registry, "For H100 TPUs, this connection provides 3.200 GBps of bandwidth per chip.") == \
        [("H100", "nvidia-h100"), ("TPUs", "google-tpu")]


def test_a_size_before_like_is_a_models_only_when_given_to_a_class_of_model(project_registry):
    # r108-llm-training-faqs: "How many GPUs are needed to train a 405B parameter LLM like Llama 3?"
    assert _hits(project_registry, "How many GPUs are needed to train a 405B parameter LLM like Llama 3?")[-1] == \
        ("Llama 3", "llama-3.1-405b")
    # r108-llm-training-faqs: "Llama 3 405B was pre-trained on 15.6 trillion tokens." -- a count
    # of tokens before "like" is no size of the family's: "70B tokens like Llama 3" stays Llama 3
    assert _hits(project_registry, "It was pre-trained on 70B tokens like Llama 3.") == [("Llama 3", "llama-3")]


def test_a_hexadecimal_number_is_no_count_written_onto_a_name(project_registry):
    # r102-token-economics-cost-equation: "3 to 4 nodes of 8xH100" (a node of eight); "0xA100" is a
    # hexadecimal number
    assert _hits(project_registry, "3 to 4 nodes of 8xH100") == [("H100", "nvidia-h100")]
    assert _hits(project_registry, "the register at 0xA100 holds 4 bytes") == []


def test_the_cost_of_a_thing_made_with_the_hardware_is_not_its_price(project_registry):
    # r115-cheapest-dl-workstation: "170€ can be the cost of your P40 GPU." -- the card's price
    assert linked_draft(project_registry, "Goal : upgrade the GPU to a P40 or multiple ones.\n\n170€ can be the cost of your P40 GPU.",
                        "170€") == ("nvidia-tesla-p40", "purchase-price")
    # the same words with a noun of another thing after the name: the cost of that thing
    text = "Goal : upgrade the GPU to a P40 or multiple ones.\n\n170€ can be the cost of your P40 data center."
    assert linked_draft(project_registry, text, "170€") != ("nvidia-tesla-p40", "purchase-price")
