"""Forms of numbers in real writing that are no claims, or claims missed (gram31, issue 14).
Each on a short text written for the test, with the negatives that keep each form narrow."""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text


def _read(text):
    return [(d.value, d.unit, d.raw) for d in extract_text(text)]


@pytest.mark.parametrize("text", [
    'prompt = "USER: Explain what a Mixture of Experts is in less than 100 words. ASSISTANT:"',
    'messages = [{"role": "user", "content": "Explain it in less than 100 words."}]',
    "PROMPT_TEMPLATE = 'List 5 reasons to rent 8 GPUs.'",
])
def test_a_number_inside_a_prompt_written_in_code_is_no_claim(text):
    assert _read(text) == []


@pytest.mark.parametrize("text, want", [
    ('prompt = "Summarise this."\nIt ran at 30 tokens/s.', (30.0, "token/s", "30 tokens/s")),   # after the string
    ('messages = [{"content": "hi"}]  # on 8 GPUs', (8.0, "GPU", "8 GPUs")),                       # after it closes
    ("The prompt = 500 tokens long.", (500.0, "token", "500 tokens")),                             # no string
    ('The prompt "hi" took 30 ms.', (30.0, "ms", "30 ms")),
])
def test_a_number_near_a_prompt_but_outside_it_stays(text, want):
    assert want in _read(text)


_EQUIV = """To put these numbers in scale, here are some equivalents:

|                 | GPU-only emissions equivalent | + Datacenter emissions equivalent |
| --------------: | :---------------------------: | :-------------------------------: |
| Model training  | 3 round-trip flights          | 1 year of electricity for 212 homes |
| 1,000 10-token inferences | 2.8 smartphone charges | 4.3 million homes |
"""


def test_a_bare_number_under_a_column_of_equivalents_is_so_many_times_the_thing_named():
    got = {(v, u) for v, u, _ in _read(_EQUIV)}
    assert {(3.0, "x"), (212.0, "x"), (2.8, "x"), (4.3e6, "x")} <= got
    assert not [g for g in got if g[1] in ("token", "GPU")]   # not the row label's unit


def test_a_column_not_of_equivalents_keeps_its_reading():
    text = _EQUIV.replace("emissions equivalent", "emissions note   ")
    assert (2.8, "x") not in {(v, u) for v, u, _ in _read(text)}


@pytest.mark.parametrize("text, want", [
    ("We assume a sequence length of 4k.", (4.0, "K token", "4k")),
    ("It has a context length of 128K.", (128.0, "K token", "128K")),
    ("Context length: 32K", (32.0, "K token", "32K")),
])
def test_a_length_of_text_in_thousands_is_so_many_thousand_tokens(text, want):
    assert want in _read(text)


def test_a_thousand_after_no_length_stays_unread():
    assert _read("the hidden size is 16k") == []


@pytest.mark.parametrize("column", ["H100 equivalents", "H100-equivalent GPUs", "GPU equivalents"])
def test_a_column_of_equivalents_of_a_chip_counts_the_chip_not_a_multiple(column):
    # "600,000 H100 equivalents" is a count of H100-class chips, no 600000x ratio
    text = f"| Company | {column} |\n|---|---|\n| Meta | 600,000 |\n"
    got = [(v, u) for v, u, _ in _read(text) if v == 600000.0]
    # a column that names the chip counts GPUs; one that names a chip model ("H100 equivalents")
    # is left unread for now (no count of the model's chips yet), and never read as a multiple
    assert got == ([(600000.0, "GPU")] if column == "GPU equivalents" else []), got
