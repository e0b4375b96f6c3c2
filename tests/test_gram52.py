"""gram52: business items counted across a name between them and the count (designed on dev-B):
"170+ AI Agent startups" (r103), "Only 3 US plants" (r13).

(gram52's GPU counts by maker and card name were taken back at merge: "a single NVIDIA A100/H100
80GB" then drafted a count that stopped at "A100", and the "/H100" left over took r72's served
context from Llama 3.1 70B; tests/test_extract_forms16.py and tests/test_spur50.py failed too.)
"""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text


def _read(text):
    return {(None if d.value is None else round(d.value, 9), d.unit) for d in extract_text(text)}


@pytest.mark.parametrize("text, value", [
    # r103-local-ai-cost-return
    ("CB Insights tracks 170+ AI Agent startups", 170),
    # r13-ai-energy-crisis
    ("Only 3 US plants online by 2030", 3),
    ("It has signed 5 OpenAI deals this year", 5),
])
def test_name_between_count_and_business_items(text, value):
    assert (value, "item") in _read(text)


def test_title_case_heading_is_no_count_of_plants():
    assert not any(u == "item" for _, u in _read("Page 3 Power Plants"))
