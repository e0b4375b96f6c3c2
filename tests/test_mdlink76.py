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
