"""Counts of GPUs whose noun is spelled out, as news writing does ("graphics processing units"),
also behind a Markdown link on the vendor's name (session 36, mdlink76)."""
from kb.core.grammar import parse_at
from kb.extract.drafts import extract_text


def test_graphics_processing_units_is_a_gpu_count():
    q = parse_at("100,000 graphics processing units.", 0)
    assert q is not None and q.atom == "GPU" and q.value == 100000


def test_tensor_processing_units_and_graphics_processors():
    assert parse_at("50,000 tensor processing units", 0).atom == "GPU"
    assert parse_at("350,000 Nvidia graphics processors", 0).atom == "GPU"


def test_linked_vendor_before_spelled_out_noun_is_drafted():
    text = "xAI runs more than 100,000 [Nvidia](https://nvidia.com) Hopper graphics processing units."
    drafts = extract_text(text)
    assert [(d.value, d.unit) for d in drafts] == [(100000.0, "GPU")]
    assert text[drafts[0].start:drafts[0].end] == drafts[0].quote


def _read(text):
    return [(d.value, d.unit) for d in extract_text(text)]


def test_code_span_closing_before_a_rate():
    # the backtick after the amount is no part of "per hour"
    assert _read("It costs about `$2.50` per hour to rent an H100.") == [(2.5, "USD/hour")]


def test_single_star_emphasis_around_an_amount():
    # "*$2.50*": emphasis, not a footnote mark after the amount with a stray star before it
    assert _read("GPT-4o costs *$2.50* per million input tokens.") == [(2.5, "USD per 1M tokens")]


def test_reference_style_link_reads_its_text():
    text = "The model was trained on [15 trillion][3] tokens.\n\n[3]: https://ai.meta.com/blog/x\n"
    drafts = extract_text(text)
    assert [(d.value, d.unit) for d in drafts] == [(15.0, "trillion token")]
    assert text[drafts[0].start:drafts[0].end] == drafts[0].quote


def test_reference_brackets_without_definitions_are_left_alone():
    from kb.extract.drafts import mask
    assert mask("see a[1][2] here") == "see a[1][2] here"


def test_non_breaking_space_entity_between_number_and_unit():
    assert _read("The H100 has 80&nbsp;GB of HBM3 memory.") == [(80.0, "GB")]


def test_footnote_reference_between_count_and_noun():
    text = "Meta trained Llama 3 on 24,576[^1] H100 GPUs.\n\n[^1]: https://ai.meta.com/x\n"
    assert _read(text) == [(24576.0, "GPU")]


def test_reference_link_opening_a_list_item_stays_as_written():
    # an entry of a list of sources: a cited page's title, not prose
    from kb.extract.drafts import mask
    text = "- [DGX Spark ($3,999 MSRP)][spark]\n\n[spark]: https://x.com/y\n"
    assert mask(text).startswith("- [DGX Spark ($3,999 MSRP)][spark]")
    prose = "It sells for [$3,999][spark] now.\n\n[spark]: https://x.com/y\n"
    assert mask(prose).startswith("It sells for  $3,999         now.")


def test_footnote_pairs_are_no_reference_links():
    from kb.extract.drafts import mask
    text = "around 4x10^20 operations.[^1][^2]\n\n[^1]: Wikipedia.\n[spark]: https://x.com/y\n"
    assert "[^1][^2]" in mask(text)


def test_money_spent_in_compute_per_month_is_a_rate():
    # what the money buys stands between the amount and its period
    assert _read("The startup spends $3,500 in compute every month.") == [(3500.0, "USD/month")]
    assert _read("We pay $400 in API fees a month.") == [(400.0, "USD/month")]
