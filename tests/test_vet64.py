"""kb vet flags a card's peak throughput at a precision the card's datasheet does not list
(session 30, vet64; designed on the dev-B half of the real development articles, a quote of
one of them in each test): an A100 table's "FP8 Tensor Core 624 | 1248" row, which copies the
card's INT8 figures (the A100 has no FP8 math; its references give its peak at FP64, FP32, TF32,
BF16, FP16, INT8 and INT4, none at FP8).
"""
from __future__ import annotations

# r04-accelerators-chapter
A100 = ("For example, here are a few entries from the theoretical peak TFLOPS from "
        "[A100 spec](https://www.nvidia.com/en-us/data-center/a100/):\n\n"
        "| Data type \\ TFLOPS     | w/o Sparsity | w/ Sparsity |\n"
        "| :--------------------  | -----------: | ----------: |\n"
        "| FP32                   |         19.5 |         n/a |\n"
        "| Tensor Float 32 (TF32) |          156 |         312 |\n"
        "| BFLOAT16 Tensor Core   |          312 |         624 |\n"
        "| FP16 Tensor Core       |          312 |         624 |\n"
        "| FP8 Tensor Core        |          624 |        1248 |\n"
        "| INT8 Tensor Core       |          624 |        1248 |\n")


def _numbers(tmp_path, text):
    from conftest import ROOT
    from kb.extract.vet import vet

    p = tmp_path / "article.md"
    p.write_text(text, encoding="utf-8")
    return vet(p, ROOT, as_of="2024-01-01").numbers


def _row(numbers, text, label):
    at = text.index(label)
    end = text.index("\n", at)
    return [n for n in numbers if at <= n.span_start < end]


def test_a100_fp8_row_is_flagged_as_its_int8_figures(tmp_path):
    ns = _numbers(tmp_path, A100)
    fp8 = _row(ns, A100, "| FP8 Tensor Core")
    assert len(fp8) == 2 and all(n.status == "flagged" for n in fp8)
    for n in fp8:
        (f,) = [f for f in n.findings if f.title == "A precision the card's datasheet does not list"]
        assert "no fp8 math" in f.message and "int8" in f.message
        assert any("int8" in c for c in f.causes)  # the INT8 figure, copied
    # the rows the card's datasheet lists are left to the other rules
    for label in ("| INT8 Tensor Core", "| FP16 Tensor Core", "| BFLOAT16 Tensor Core"):
        for n in _row(ns, A100, label):
            assert not any(f.title == "A precision the card's datasheet does not list" for f in n.findings)


def test_a_card_with_fp8_math_is_left_alone(tmp_path):
    # the same row about the H100, whose datasheet lists FP8: not this rule's to flag
    text = A100.replace("A100 spec", "H100 spec").replace("/a100/", "/h100/")
    for n in _numbers(tmp_path, text):
        assert not any(f.title == "A precision the card's datasheet does not list" for f in n.findings)


def test_the_rule_needs_a_full_datasheet_table():
    from types import SimpleNamespace as NS

    from kb.extract.vet import _precision_unlisted

    # references at two precisions (a figure or two cited) say nothing of what the card lacks
    refs = tuple(NS(entity="card", property="peak-throughput", interval=NS(low=1.0, high=1.0), citation="c",
                    id=f"r{i}", conditions={"precision": p}) for i, p in enumerate(("int8", "bf16")))
    kb = NS(entities={"card": NS(id="card", name="Card", family=None, variants=())}, references=refs,
            claims_by_id={})
    n = NS(status="checked", property="peak-throughput", conditions={"precision": "fp8"}, entity="card",
           confidence={"value": 0.9, "entity": 0.9, "property": 0.9}, claim_id="x", reason="checked")
    assert _precision_unlisted(kb, [n]) == [n]
