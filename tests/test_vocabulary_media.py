"""What the vocabulary gained in the eighth session, read from sentences written for the tests:
prices per second or minute of audio and video and per character of text (what model APIs
charge besides tokens), hardware FLOPs utilisation apart from MFU, storage read bandwidth, a
model's load time and a training batch counted in tokens."""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text


@pytest.mark.parametrize("text, value, unit", [
    ("Text input costs $0.00001875 / 1k characters here.", 1.875e-05, "USD per 1k characters"),
    ("It is $0.000075 per 1,000 characters of output.", 7.5e-05, "USD per 1k characters"),
    ("Speech synthesis is $16 per million characters.", 16.0, "USD per 1M characters"),
    ("A price of $0.0002 per character.", 0.0002, "USD/character"),
])
def test_a_price_per_characters_keeps_its_count(text, value, unit):
    (d,) = [d for d in extract_text(text) if d.unit.startswith("USD")]
    assert (d.value, d.unit) == (value, unit)


def test_characters_per_token_stay_a_ratio_of_counts():
    (d,) = extract_text("English runs to about 4 characters per token.")
    assert d.unit == "character/token"


@pytest.mark.parametrize("text, prop", [
    ("Gemini 1.5 Pro charges $0.000125 per second of input audio.", "media-price"),
    ("Whisper transcription costs $0.006 per minute of audio.", "media-price"),
    ("Gemini 1.5 Pro bills text at $0.00125 / 1k characters of input.", "character-price"),
    ("The run reached an HFU of 57%.", "hfu"),
    ("The run reached an MFU of 51%.", "mfu"),
    ("Llama 2 was trained with a batch size of 4M tokens.", "batch-tokens"),
    ("Modern NVMe drives read at 3.5-7 GB/s sequentially.", "storage-bandwidth"),
    ("The 15 GB of weights take 2-4 seconds to load from disk.", "model-load-time"),
])
def test_the_new_properties_are_guessed_from_their_words(project_registry, text, prop):
    props = {d.property for d in extract_text(text, project_registry)}
    assert prop in props, props


def test_an_hourly_gpu_price_is_no_media_price(project_registry):
    (d,) = extract_text("An H100 rents for $2.49 per hour on demand.", project_registry)
    assert d.property == "rental-price"
