"""miss82: value+unit misses on fresh technical inference and hardware writing (a VRAM calculator's
notes, a KV-cache quantisation write-up, an energy-per-context study, a GPU energy log, SGLang's
benchmark against vLLM, TensorRT-LLM's H200 launch note; none in the corpus, found with the
``search`` tool), each number judged by hand.

- a footnote's mark closing a header cell ("| Batch Size<sup>(1)</sup> |") hid what the column
  holds: its cells were dropped or read with the next column's unit; the mark is no part of the
  header now;
- "RPS" and "QPS" (requests, queries a second in one symbol, as "TPS" is tokens a second) named no
  unit, in a header or after a number; "reqs" (and "req/s") counted nothing;
- a header "Bits/Param" ("Bytes/Param") read its cells as bytes; it is bits (bytes) per parameter,
  as "Bits per parameter" is;
- a capital "X" glued to a decimal multiple ("a 1.4X increase over H100") was no ratio;
- a serving run's lengths written "ISL/OSL=2048/128" drafted nothing: the input's and the
  output's tokens;
- a Radeon card's model number after "RX" ("| GPU | AMD Radeon RX 9070 XT 16 GB |") was read as
  so many GPUs;
- "107,929 J·s" (an energy-delay product) was read as joules, the unit cut at its first symbol; a
  number whose unit goes on with "·" and a letter drafts nothing now.
"""
from __future__ import annotations

from conftest import drafts_by_raw as _drafts


# --- a footnote's mark in a header ----------------------------------------------------------------

_H200_TABLE = (
    "|Model      | Batch Size<sup>(1)</sup> | TP<sup>(2)</sup> | Input Length | Output Length "
    "| Throughput (out tok/s/GPU) |\n"
    "|:----------|:-------------------------|:-----------------|:-------------|:--------------"
    "|---------------------------:|\n"
    "| llama_13b | 1024                     | 1                | 128          | 2048          "
    "|                      4,750 |\n"
)


def test_header_footnote_mark_keeps_the_column():
    d = _drafts(_H200_TABLE)
    assert d["1024"].unit == "query" and d["1024"].value == 1024
    assert d["1"].unit == "x"
    assert d["4,750"].unit == "token/s"


def test_header_footnote_mark_only_at_the_end():
    from kb.extract.tables import find_pipe_tables

    t = find_pipe_tables(_H200_TABLE)[0]
    assert [c.text for c in t.header][:3] == ["Model", "Batch Size", "TP"]
    assert _H200_TABLE[t.header[1].start:t.header[1].end] == "Batch Size"
    # a superscript inside the header (a unit's power) is no footnote's mark
    u = find_pipe_tables("| Area (m<sup>2</sup>) | Site |\n|---|---|\n| 400 | A |\n")[0]
    assert u.header[0].text == "Area (m<sup>2</sup>)"


# --- requests a second in one symbol, "reqs" --------------------------------------------------------

_SGLANG_TABLE = (
    "| RPS  | Num prompts | Engine | Median E2E Latency |\n"
    "|------|-------------|--------|--------------------|\n"
    "| 4    | 1200        | SGLang | 1564.17            |\n"
)


def test_rps_header_is_requests_a_second():
    d = _drafts(_SGLANG_TABLE)
    assert d["4"].unit == "query/s" and d["4"].value == 4
    assert d["1200"].unit == "query"


def test_rps_and_reqs_in_prose():
    d = _drafts("The server was driven at 4 RPS. Avg prompt throughput: 0.0 tokens/s, Running: 10 reqs, "
                "Pending: 0 reqs, at 3.5 req/s.")
    assert d["4 RPS"].unit == "query/s"
    assert d["10 reqs"].unit == "query" and d["0 reqs"].unit == "query"
    assert d["3.5 req/s"].unit == "query/s"


# --- bits or bytes per parameter with a slash --------------------------------------------------------

def test_bits_per_param_header():
    d = _drafts("| Quantization | Bits/Param | Bytes/Param | Example: 70B Model |\n"
                "|--------------|------------|-------------|--------------------|\n"
                "| **Q6_K** | ~6.6 | 0.825 | ~58 GB |\n")
    assert d["~6.6"].unit == "bit/parameter" and d["~6.6"].value == 6.6
    assert d["0.825"].unit == "byte"
    assert d["~58 GB"].unit == "GB"


# --- a capital "X" multiple ------------------------------------------------------------------------

def test_capital_x_multiple_before_comparison():
    d = _drafts("H200 is the first GPU with HBM3e memory with 4.8TB/s of memory bandwidth, a 1.4X increase "
                "over H100.")
    assert d["1.4X"].unit == "x" and d["1.4X"].value == 1.4


def test_capital_x_of_a_part_name_is_no_multiple():
    d = _drafts("The test box runs a Ryzen 5 5600X Performance profile.")
    assert "5600X" not in d and all(x.unit != "x" for x in d.values())
    # a whole number's capital "X" (a quoted headline's "Up to 30X Higher") is left as it was
    assert "Up to 30X" not in _drafts('the 530B model ("Up to 30X Higher AI Inference Performance").')


# --- ISL/OSL ------------------------------------------------------------------------------------

def test_isl_osl_pair():
    d = _drafts("an offline summarization scenario (ISL/OSL=2048/128) with Llama-70B on a single H200 is "
                "1.9x more performant than H100.")
    assert d["2048"].unit == "token" and d["2048"].value == 2048
    assert d["128"].unit == "token" and d["128"].value == 128
    assert d["1.9x"].unit == "x"


def test_isl_osl_mentioned_without_numbers_drafts_no_length():
    d = _drafts("H100 FP8, A100 FP16, SXM 80GB GPUs, ISL/OSL's provided, TP=1.")
    assert all(x.unit != "token" for x in d.values())


# --- a Radeon card's model number -----------------------------------------------------------------

def test_radeon_rx_model_number_is_no_count():
    d = _drafts("| Component | Specification |\n|-----------|--------------|\n"
                "| GPU | AMD Radeon RX 9070 XT 16 GB |\n| GPU | 2 |\n")
    assert "9070" not in d
    assert d["16 GB"].unit == "GB"
    assert d["2"].unit == "GPU"


# --- a compound unit read to its first symbol -------------------------------------------------------

def test_joule_seconds_are_no_joules():
    d = _drafts("This apparent paradox is resolved by the EDP metric, which grows from 107,929 J·s at 0k to "
                "over 13.8 million J·s at 20k. Average CPU power falls from 46.8 W at 0k to 33.9 W at 20k.")
    assert all(x.unit != "J" for x in d.values()) and all("J" not in raw for raw in d)
    assert d["46.8 W"].unit == "W" and d["33.9 W"].unit == "W"
