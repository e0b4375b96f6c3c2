"""ent60: a model line against its dated versions, and other registry things a table names
(kb/extract/linking.py, datasets/entities).

Rules, each built on short quotes of the dev-B articles that showed the gap:

- a dated version of a model line (its id the line's and a snapshot's date:
  "claude-3-5-sonnet-20241022", "gpt-4o-2024-08-06") is no size of the line: an article that
  names one dated version (a link to "claude-3-5-sonnet-20241022", "the upgraded Claude 3.5
  Sonnet") and elsewhere the line's own name ("Claude 3.5 Sonnet") means the line there, as
  written; the dated name stays the version (dev-B r161-claude-sonnet-vs-o1).
- a line's name with a date in brackets right after it ("Claude 3.5 Sonnet (Oct 2024)", "GPT-4o
  (2024-08-06)") is the line's version of that month where the registry dates one so (the form
  r161's "upgraded Claude 3.5 Sonnet - October 2024" heading takes in a table or a list).
- registry: a processor has a purchase price (hardware.yaml's purchase-price gains a range for
  kind cpu): "| CPU | AMD Ryzen 5 5600G 3.9 GHz 6-Core Processor | $209.00 |" in a build's parts
  table is the Ryzen's price, as the GPU row's is the card's (dev-B r113-deep-learning-build-2k).
- registry: "STT" and "TTS" (speech to text, text to speech) are words a price per minute of
  audio needs, as "speech" is: "| Provider | STT cost per minute |" over "| OpenAI Whisper |
  $0.006 |" is the Whisper API's media price (dev-B r141-chatgpt-has-an-api).
- registry: "human population" and "world population" name the world (its people): "| Year
  (Jan 01) | Human Population | AI \"Population\" |" over "| 2026| 8.30B| 93M |" is the world's
  population (dev-B r129-ai-country-of-thinkers).
"""
from __future__ import annotations

import pytest

from conftest import linked_entity as _link


@pytest.fixture(scope="module")
def reg(project_registry):
    return project_registry


SONNET = ("# What's new in the upgraded Claude 3.5 Sonnet - October 2024\n\n"
          "The upgraded model shows wide-ranging improvements across various industry benchmarks.\n\n"
          "## Claude 3.5 Sonnet vs o1: Pricing\n\n"
          "Claude 3.5 Sonnet costs $3 per million input tokens.\n")


def test_line_name_beside_a_dated_version_is_the_line(reg):
    assert _link(reg, SONNET, "$3 per million") == "claude-3.5-sonnet"


def test_dated_name_stays_the_version(reg):
    text = "The claude-3-5-sonnet-20241022 model costs $3 per million input tokens.\n"
    assert _link(reg, text, "$3 per million") == "claude-3-5-sonnet-20241022"


def test_a_size_alone_still_names_its_variant(reg):
    # (the rule it narrows: one size of a family named, the family's name is that size)
    text = "We ran Mixtral 8x7B on two GPUs.\n\nMixtral costs $0.70 per million tokens.\n"
    assert _link(reg, text, "$0.70") == "mixtral-8x7b"


@pytest.mark.parametrize("name, eid", [
    ("Claude 3.5 Sonnet (Oct 2024)", "claude-3-5-sonnet-20241022"),
    ("Claude 3.5 Sonnet (October 2024)", "claude-3-5-sonnet-20241022"),
    ("Claude 3.5 Sonnet (June 2024)", "claude-3-5-sonnet-20240620"),
    ("GPT-4o (2024-08-06)", "gpt-4o-2024-08-06"),
    ("Claude 3.5 Sonnet (March 2024)", "claude-3.5-sonnet"),  # (no version of that month)
])
def test_line_with_a_bracketed_date_is_that_version(reg, name, eid):
    assert _link(reg, f"{name} costs $3 per million input tokens.\n", "$3") == eid


PARTS = ("| Component    | Selection                                                | Price        |\n"
         "|--------------|----------------------------------------------------------|--------------|\n"
         "| GPU          | PNY XLR8 RGB GeForce RTX 3090 24 GB Video Card (Used)    | $1200.00     |\n"
         "| CPU          | AMD Ryzen 5 5600G 3.9 GHz 6-Core Processor               | $209.00      |\n"
         "| Motherboard  | MSI MPG B550 GAMING PLUS ATX AM4 Motherboard             | $134.12      |\n")


def test_a_processor_has_a_purchase_price(reg):
    assert _link(reg, PARTS, "$209.00") == "amd-ryzen-5-5600g"
    assert _link(reg, PARTS, "$1200.00") == "nvidia-geforce-rtx-3090"


STT = ("| Provider | STT cost per minute | \n| -------------- | ------ |\n| OpenAI Whisper | $0.006 |\n"
       "| Azure STT | $0.016* |\n")


def test_stt_price_per_minute_is_a_media_price(reg):
    assert _link(reg, STT, "$0.006") == "openai-whisper-api"


POPULATION = ("| Year (Jan 01) | Human Population | AI \"Population\" | AI as % of Human |\n"
              "| --| -- | -- | -- |\n"
              "| 2026| \t8.30B| \t93M |\t1.1%\n"
              "| 2027| \t8.37B| \t438M |\t5.2%\n")


def test_human_population_column_is_the_worlds(reg):
    assert _link(reg, POPULATION, "8.30B") == "world"
