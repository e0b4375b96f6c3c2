"""`kb vet` on numbers about the article's own things: its arithmetic, plausible ranges and
rows it repeats, never other articles or references; and every number as an input."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import one_claim_kb
from kb.extract.vet import OWN_KIND, VetReport, vet

ENTITIES = """\
entities:
  - {id: nvidia-h100, name: NVIDIA H100, kind: gpu, aliases: [H100, NVIDIA H100]}
  - {id: gpt-4o, name: GPT-4o, kind: model, aliases: [GPT-4o]}
"""
PROPERTIES = """\
properties:
  - id: tdp
    name: Thermal design power
    description: Maximum board power.
    canonical_unit: W
    states_maximum: true
    plausible:
      gpu: {low: 20 W, high: 2000 W, rationale: "Accelerators draw 70 W to 1.2 kW."}
  - id: workload-cost
    name: Cost of a workload
    description: What one job costs.
    canonical_unit: USD
    plausible:
      any: {low: 0 USD, high: 10000000 USD, rationale: "No job of these tests costs over ten million."}
  - id: cost-per-query
    name: Cost per request
    description: What one request (a run, a call) costs.
    canonical_unit: USD/query
    plausible:
      any: {low: 0 USD/query, high: 100 USD/query, rationale: "No request of these tests costs over $100."}
  - id: token-price
    name: Token price
    description: Price per token processed.
    canonical_unit: USD per 1M tokens
    plausible:
      model: {low: 0.001 USD per 1M tokens, high: 1000 USD per 1M tokens, rationale: "List prices."}
"""
REFERENCES = """\
citations:
  - {id: openai-page, publisher: OpenAI, title: API pricing, url: "https://example.org/pricing", date: "2026-01-01", kind: primary}
references:
  - {id: ref-gpt-4o-output, entity: gpt-4o, property: token-price, value: 10, unit: USD per 1M tokens,
     qualifier: exact, citation: openai-page, locator: pricing table}
"""
OTHER = "GPT-4o output tokens cost $10 per 1M tokens.\n"

# paraphrased, written for these tests
ARITHMETIC = ("# What our summariser costs\n\n"
              "Our summariser sends 4,000 tokens to a model billed at $0.02 per 1,000 tokens, which comes to "
              "$0.80 per run.\n\n"
              "The nightly digest sends 5,000 tokens at $0.02 per 1,000 tokens, which comes to $0.10.\n")
NOT_COMPARED = ("Our in-house model charges $45 per 1M output tokens.\n\n"
                "Each pilot run costs $50 million.\n\n"
                "The test rig drew 9000 W on a Tuesday.\n")
TABLES = ("Costs of the first setup:\n\n"
          "| Job | Runs | Cost |\n|---|---|---|\n"
          "| Nightly sync | daily | $120 |\n"
          "| Weekly rebuild | weekly | $900 |\n"
          "| Nightly sync | daily | $480 |\n"
          "| Weekly rebuild | monthly | $300 |\n"
          "| Weekly rebuild | weekly | ~$880 |\n\n"
          "Costs of the second setup:\n\n"
          "| Job | Runs | Cost |\n|---|---|---|\n"
          "| Nightly sync | daily | $45 |\n")


@pytest.fixture()
def kb_root(tmp_path: Path) -> Path:
    claim = {"id": "other-out", "entity": "gpt-4o", "property": "token-price", "value": 10,
             "unit": "USD per 1M tokens", "qualifier": "exact"}
    return one_claim_kb(tmp_path, OTHER, claim,
                        conditions="conditions: {}\n", entities=ENTITIES, properties=PROPERTIES, references=REFERENCES)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _vet(tmp_path: Path, root: Path, text: str, **kw) -> VetReport:
    p = tmp_path / "article.md"
    p.write_text(text, encoding="utf-8")
    return vet(p, root, **kw)


def _one(rep: VetReport, raw: str, nth: int = 0):
    hits = [n for n in rep.numbers if n.raw == raw]
    assert len(hits) > nth, [(n.raw, n.status, n.reason) for n in rep.numbers]
    return hits[nth]


def test_article_arithmetic_checks_numbers_about_its_own_things(kb_root, tmp_path):
    rep = _vet(tmp_path, kb_root, ARITHMETIC)
    # a cost per run is per request: the run's token count is what one request sends
    slip = _one(rep, "$0.80 per run")
    assert slip.entity is None and slip.property == "cost-per-query"  # no registry entity: the article's own
    assert slip.status == "flagged" and [f.code for f in slip.findings] == ["arithmetic"]
    f = slip.findings[0]
    assert any(e.startswith("the article's own arithmetic: 4,000 token × 0.02 USD per 1K tokens ÷ 1 request =")
               for e in f.evidence)
    assert any(e.startswith("input ") and "Our summariser sends 4,000 tokens" in e for e in f.evidence)
    assert any("10^1 scale slip" in c for c in f.causes)
    assert "vet-" not in " ".join(f.evidence)  # scratch ids stay out of the words for a reader

    right = _one(rep, "$0.10")
    assert right.status == "checked" and "the article's own arithmetic (5,000 token × 0.02 USD per 1K tokens)" \
        in right.reason


def test_every_number_is_an_input_but_only_results_are_flagged(kb_root, tmp_path):
    rep = _vet(tmp_path, kb_root, ARITHMETIC)
    tokens = _one(rep, "4,000 tokens")  # no property measures tokens here: an input only
    assert tokens.status == "unchecked" and tokens.property is None and tokens.claim_id is None
    # (nothing named near it: the article's own thing, whatever property measures it)
    assert tokens.reason.startswith("no registry entity: it is about something of the article's own") \
        and "no property" in tokens.reason
    assert "used as an input of the article's arithmetic (line 3)" in tokens.reason
    price = _one(rep, "$0.02 per 1,000 tokens")
    assert price.status == "unchecked" and "used as an input" in price.reason
    assert {n.raw for n in rep.flagged} == {"$0.80 per run"}
    # with every draft below the threshold, nothing is a result and nothing is flagged
    rep = _vet(tmp_path, kb_root, ARITHMETIC, min_confidence=1.0)
    assert not rep.flagged and all(n.status == "unchecked" for n in rep.numbers)
    assert all(n.reason.startswith(("no entity", "no registry entity")) and "low confidence" in n.reason
               for n in rep.numbers if n.property), [n.reason for n in rep.numbers]


def test_article_only_numbers_are_never_compared_with_references_or_other_articles(kb_root, tmp_path):
    rep = _vet(tmp_path, kb_root, NOT_COMPARED)
    own = _one(rep, "$45 per 1M output tokens")
    # the same property as a reference and another article's claim, and far from both:
    # still nothing to say, because what it is about is not known
    assert own.entity is None and own.property == "token-price" and own.claim_id is not None
    assert own.status == "unchecked" and not own.findings and not own.notes
    assert own.reason.startswith("no registry entity") and "no plausible range applies" in own.reason
    assert "reference" not in own.reason and "other article" not in own.reason


def test_article_only_numbers_meet_only_the_ranges_for_any_kind(kb_root, tmp_path):
    rep = _vet(tmp_path, kb_root, NOT_COMPARED)
    huge = _one(rep, "$50 million")
    # out of the range for anything: shown as a note (its guessed property is more likely
    # misread than the number wrong), never flagged, never "checked"
    assert huge.status == "unchecked" and not huge.findings and [f.code for f in huge.notes] == ["implausible"]
    assert "for any kind of thing" in huge.notes[0].message and "(≤ 10,000,000 USD)" in huge.notes[0].message
    assert "more likely a misread property than a wrong number" in huge.reason
    assert huge.notes[0].causes[0].startswith("the property (cost of a workload) was guessed")
    assert "out of every plausible range as read (1)" in rep.render("text")
    # a range for GPUs says nothing of a rig of unknown kind
    rig = _one(rep, "9000 W")
    assert rig.status == "unchecked" and rig.property == "tdp" and not rig.findings
    rep = _vet(tmp_path, kb_root, "Each pilot run costs $5 million.\n")
    assert _one(rep, "$5 million").status == "checked"
    assert _one(rep, "$5 million").reason == "consistent with the plausible range for any kind of thing"


def test_a_table_row_repeated_with_another_value_is_flagged(kb_root, tmp_path):
    rep = _vet(tmp_path, kb_root, TABLES)
    a, b = _one(rep, "$120"), _one(rep, "$480")
    for n, other in ((a, "480 USD"), (b, "120 USD")):
        assert n.status == "flagged" and [f.code for f in n.findings] == ["conflict"], (n.raw, n.reason)
        assert any(e.startswith(f"elsewhere in this article: {other}") for e in n.findings[0].evidence)
        assert "another article" not in " ".join(n.findings[0].evidence)
    # the same label with another cell differing is another case; the same row in another
    # table is another scenario
    assert _one(rep, "$300").status != "flagged"
    # a row repeated with an overlapping value says the same thing twice, consistently
    assert _one(rep, "$900").status != "flagged" and _one(rep, "~$880").status != "flagged"
    assert _one(rep, "$45").status != "flagged"


def test_scratch_entities_never_reach_the_knowledge_base(kb_root, tmp_path):
    before = _tree(kb_root)
    rep = _vet(tmp_path, kb_root, ARITHMETIC + "\n" + NOT_COMPARED + "\n" + TABLES)
    assert rep.flagged  # it did work
    assert _tree(kb_root) == before  # byte for byte: no file added, removed or changed
    assert OWN_KIND.encode() not in b"".join(before.values())
    # and the next vet starts from the same knowledge base
    again = _vet(tmp_path, kb_root, ARITHMETIC + "\n" + NOT_COMPARED + "\n" + TABLES)
    assert again.render("json") == rep.render("json")


def test_reports_count_and_show_article_only_numbers(kb_root, tmp_path):
    rep = _vet(tmp_path, kb_root, ARITHMETIC + "\n" + NOT_COMPARED)
    n = len(rep.numbers)
    assert len(rep.flagged) + len(rep.checked) + len(rep.unchecked) == n
    assert rep.summary().endswith(f"{n} numbers read: {len(rep.flagged)} flagged, {len(rep.checked)} checked and "
                                  f"consistent, {len(rep.unchecked)} not checked")
    assert sum(v for _, v in rep.unchecked_reasons()) == len(rep.unchecked)

    text = rep.render("text")
    assert f"FLAGGED ({len(rep.flagged)})" in text and "finding (arithmetic, warning)" in text
    assert "evidence: the article's own arithmetic: 4,000 token × 0.02 USD per 1K tokens" in text
    assert text.rstrip().endswith(rep.summary())

    data = json.loads(rep.render("json"))
    assert data["counts"] == {"numbers": n, "flagged": len(rep.flagged), "checked": len(rep.checked),
                              "unchecked": len(rep.unchecked), "unchecked_by_reason": dict(rep.unchecked_reasons())}
    slip = next(x for x in data["numbers"] if x["raw"] == "$0.80 per run")
    assert slip["status"] == "flagged" and slip["entity"] is None and slip["findings"][0]["code"] == "arithmetic"

    page = rep.render("html")
    root = ET.fromstring(page.split("\n", 1)[1])
    flags = root.findall(".//div[@class='flag']")
    assert len(flags) == len(rep.flagged)
    assert any("the article's own arithmetic" in "".join(li.itertext()) for li in root.iter("li"))


def test_numbers_of_arithmetic_written_out_are_inputs_even_unread(kb_root, tmp_path):
    # paraphrased: the operands of "(48 × 700W)" are no drafts of their own (a bare count), yet
    # the written result is checked against them (a factor 10 slip), and they are never reported
    from kb.extract.vet import _written_operands

    text = "| Row | Rig A |\n|---|---|\n| Power draw | 336 kW (48 × 700W) |\n"
    ops = _written_operands(text, [], "vet", set())
    assert [(r["value"], r["unit"], text[r["span_start"]:r["span_end"]]) for r in ops] == \
        [(48.0, "item", "48"), (700.0, "W", "700W")]
    assert all(text[r["start"]:r["end"]] == r["quote"] for r in ops)
    # a number a draft already read is not read again
    covered = [{"span_start": ops[0]["span_start"], "span_end": ops[0]["span_end"]}]
    assert [r["value"] for r in _written_operands(text, covered, "vet", set())] == [700.0]
    # an operand is a whole number: not the tail of "1e5" or of a word
    assert _written_operands("grew 1e5 × 3 and v2 × 4", [], "vet", set()) == []


# paraphrased, written for these tests: a cell's own arithmetic misses by ten, and the row
# under it is computed from it (so the slip carries), while the other column is right
CARRIED = ("Power of the two clusters:\n\n"
           "| Line | Cluster A | Cluster B |\n|---|---|---|\n"
           "| Board power | 48 kW (8 × 600 W) | 3.6 kW (6 × 600 W) |\n"
           "| Total power with PUE 1.5 | 72 kW | 5.4 kW |\n")


def test_a_slip_carries_into_the_numbers_computed_from_it(kb_root, tmp_path):
    rep = _vet(tmp_path, kb_root, CARRIED)
    slip = _one(rep, "48 kW")
    assert slip.status == "flagged" and [f.code for f in slip.findings] == ["arithmetic"]
    assert any("10^1" in c for c in slip.findings[0].causes)
    carried = _one(rep, "72 kW")
    assert carried.status == "flagged", carried.reason
    (f,) = carried.findings
    assert f.code == "arithmetic" and "carries" in f.causes[0]
    assert any("misses its own arithmetic: 8 item × 600 W" in e for e in f.evidence), f.evidence
    # the right column: its cell's arithmetic holds, and so nothing carries into the row under it
    assert _one(rep, "3.6 kW").status == "checked"
    assert _one(rep, "5.4 kW").status != "flagged"
