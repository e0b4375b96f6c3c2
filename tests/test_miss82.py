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

import pytest
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


# --- what each form's numbers are read as: raw -> (unit, value or None where only the unit is asked) ---

_READ = [
    # a footnote's mark closing a header cell keeps its column
    pytest.param(_H200_TABLE, {"1024": ("query", 1024), "1": ("x", None), "4,750": ("token/s", None)},
                 id="header_footnote_mark_keeps_the_column"),
    # "RPS" in a header, and "RPS", "reqs", "req/s" in prose
    pytest.param(_SGLANG_TABLE, {"4": ("query/s", 4), "1200": ("query", None)},
                 id="rps_header_is_requests_a_second"),
    pytest.param("The server was driven at 4 RPS. Avg prompt throughput: 0.0 tokens/s, Running: 10 reqs, "
                 "Pending: 0 reqs, at 3.5 req/s.",
                 {"4 RPS": ("query/s", None), "10 reqs": ("query", None), "0 reqs": ("query", None),
                  "3.5 req/s": ("query/s", None)},
                 id="rps_and_reqs_in_prose"),
    # bits or bytes per parameter with a slash
    pytest.param("| Quantization | Bits/Param | Bytes/Param | Example: 70B Model |\n"
                 "|--------------|------------|-------------|--------------------|\n"
                 "| **Q6_K** | ~6.6 | 0.825 | ~58 GB |\n",
                 {"~6.6": ("bit/parameter", 6.6), "0.825": ("byte", None), "~58 GB": ("GB", None)},
                 id="bits_per_param_header"),
    # a capital "X" multiple
    pytest.param("H200 is the first GPU with HBM3e memory with 4.8TB/s of memory bandwidth, a 1.4X increase "
                 "over H100.", {"1.4X": ("x", 1.4)},
                 id="capital_x_multiple_before_comparison"),
    # ISL/OSL
    pytest.param("an offline summarization scenario (ISL/OSL=2048/128) with Llama-70B on a single H200 is "
                 "1.9x more performant than H100.",
                 {"2048": ("token", 2048), "128": ("token", 128), "1.9x": ("x", None)},
                 id="isl_osl_pair"),
]


@pytest.mark.parametrize("text, expected", _READ)
def test_numbers_read_with_their_units(text, expected):
    d = _drafts(text)
    for raw, (unit, value) in expected.items():
        assert d[raw].unit == unit, raw
        if value is not None:
            assert d[raw].value == value, raw


# --- a capital "X" that is no multiple ------------------------------------------------------------

def test_capital_x_of_a_part_name_is_no_multiple():
    d = _drafts("The test box runs a Ryzen 5 5600X Performance profile.")
    assert "5600X" not in d and all(x.unit != "x" for x in d.values())
    # a whole number's capital "X" (a quoted headline's "Up to 30X Higher") is left as it was
    assert "Up to 30X" not in _drafts('the 530B model ("Up to 30X Higher AI Inference Performance").')


# --- ISL/OSL ------------------------------------------------------------------------------------

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
