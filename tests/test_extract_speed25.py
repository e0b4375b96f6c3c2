"""Rewritten for speed, read as before: each fast path is checked against the plain reading it
replaces, on the cases where the two could part."""
import random
import re

from kb.extract.drafts import _ABBREV_ENDS, _ABBREV_RE, _NAME_DASH_RE, _plain_hyphens, sentence_starts


def _by_pattern(view: str) -> str:
    return _NAME_DASH_RE.sub(r"\1-", view)


def test_name_dash_as_the_pattern_reads_it():
    cases = [
        "Gemma-3–27B and Llama–70B, Mixtral–8x7B, H100–80GB",
        "in 2022–2024 and $10–15, 10B–20B, €a–7B, £b–7B",
        "x" * 30 + "–70B " + "Ab" * 13 + "–7B " + "A" * 25 + "–3B " + "A" * 26 + "–3B",
        ".Llama–7B -Llama–7B _Llama–7B é–7B aé–7B a.–7B a.b–7B Qwen2–72B–7B",
        "Phi-4–14B–",
        "–7B at the start, a–7Bx, a–7Bs, a–7x1, a–1.5T",
    ]
    for view in cases:
        assert _plain_hyphens(view) == _by_pattern(view), view
    assert _plain_hyphens(cases[0]) == "Gemma-3-27B and Llama-70B, Mixtral-8x7B, H100-80GB"


def test_name_dash_on_random_text():
    rnd = random.Random(25)
    alphabet = list("aZb9-.–$€ _xGBMKT3é\n") + ["Llama", "70B", "8x7B", "80GB", "–27B"]
    tried = 0
    for _ in range(20000):
        view = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 40)))
        if "–" in view:
            tried += 1
            assert _plain_hyphens(view) == _by_pattern(view), view
    assert tried > 1000


# the boundary pattern as it was written before it started at the stop, the line break or the
# mark (each of the text's blanks tried): sentence_starts must find the same starts
_PLAIN_BOUNDARY_RE = re.compile(r"[.!?…\s](?:(?<=[.!?…])[\"”’)\]]*(?:\[\^[^\]\s]{1,30}\]|\[[0-9]{1,3}\]"
                                r"|<sup>[^\n]{0,120}?</sup>)*\s+(?=[\"“‘(\[]?[A-Z0-9$•\-–])|(?<=\n)\s*|(?<=\s)[•·|]\s)")


def _plain_starts(text: str) -> list[int]:
    starts = [0]
    for m in _PLAIN_BOUNDARY_RE.finditer(text):
        s = m.start()
        if text[s] == "." and text.endswith(_ABBREV_ENDS, max(0, s - 5), s + 1) \
                and _ABBREV_RE.search(text, max(0, s - 5), s + 1):
            continue
        starts.append(m.end())
    return starts


def test_sentence_starts_as_the_plain_pattern_finds_them():
    cases = [
        "It costs $2. The next one costs $3! Why? Because… It does.",
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n• one • two · three",
        "a | | b  |  | c\n | d \n\n | e",
        "vs. Nvidia. e.g. The end. Inc. Two. in 2024.[^3] They said. in 2024.<sup>8</sup> They. [8] Ok.",
        "x.\n| y |\t•\tz.  | Q",
    ]
    for text in cases:
        assert sentence_starts(text) == _plain_starts(text), text
    assert len(sentence_starts(cases[0])) == 5


def test_sentence_starts_on_random_text():
    rnd = random.Random(13)
    alphabet = list(" \n\t.!?…|•·aA1$\"[]^") + ["Inc.", "vs.", " | ", "<sup>1</sup>", "[^2]", "The"]
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 40)))
        assert sentence_starts(text) == _plain_starts(text), text
