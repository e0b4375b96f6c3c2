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
