"""`kb vet` reads the sentence around a number before it lets a finding against the world
outside the article flag it (:func:`kb.extract.vet._context_doubt`): a number its sentence puts
in a year after the article's date (a forecast), a number that only names what another is
counted per ("on each trillion tokens") and the number counted per it, and a GPU's number
above the values compared in a sentence that counts many GPUs are *unsure*: a note, not a flag."""
from __future__ import annotations

import builtins
import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path

from conftest import one_claim_kb
from kb.extract.vet import _context_doubt, _sentence_bounds, vet


@dataclass
class _Draft:
    raw: str
    span_start: int
    unit: str = ""
    value: float | None = None
    entity: str = "x"
    conditions: dict = field(default_factory=dict)
    property: str | None = None
    context: dict = field(default_factory=dict)

    @builtins.property
    def span_end(self) -> int:
        return self.span_start + len(self.raw)


@dataclass
class _Comparison:
    direction: str = "above"


@dataclass
class _Finding:
    code: str
    comparisons: tuple = (_Comparison(),)


class _Cmp:
    def __init__(self, kinds: dict):
        self.kinds = kinds
        self.kb = type("KB", (), {"properties": {}})()

    def kind_of(self, eid):
        return self.kinds.get(eid)


def _drafts(text: str, *spec) -> list:
    return [_Draft(raw, text.index(raw), unit, value, entity) for raw, unit, value, entity in spec]


def test_a_number_its_sentence_puts_after_the_article_s_date_is_unsure():
    text = ("Demand was 60 GW last year. Demand could grow by 20% a year between 2023 and 2030, "
            "reaching 171 to 219 GW. Another 90 GW came online.")
    d, = _drafts(text, ("171 to 219 GW", "GW", None, "world"))
    cmp, day = _Cmp({"world": "region"}), _dt.date(2025, 1, 23)
    for code in ("conflict", "contradicts-reference"):
        why = _context_doubt(cmp, _Finding(code), d, text, day, [d])
        assert "names 2030, after the article's date" in why and "forecast" in why
    # implausible is about the number alone; an article of 2031 states 2030 as past; a period
    # read is compared as such; no date, no judgement
    assert _context_doubt(cmp, _Finding("implausible"), d, text, day, [d]) == ""
    assert _context_doubt(cmp, _Finding("conflict"), d, text, _dt.date(2031, 1, 1), [d]) == ""
    d.conditions = {"period": "2030"}
    assert _context_doubt(cmp, _Finding("conflict"), d, text, day, [d]) == ""
    d.conditions = {}
    assert _context_doubt(cmp, _Finding("conflict"), d, text, None, [d]) == ""
    # the year must be in the number's own sentence
    other, = _drafts(text, ("90 GW", "GW", None, "world"))
    assert _context_doubt(cmp, _Finding("conflict"), other, text, day, [other]) == ""
    first, = _drafts(text, ("60 GW", "GW", None, "world"))
    assert _context_doubt(cmp, _Finding("conflict"), first, text, day, [first]) == ""


def test_a_number_counted_per_another_is_unsure():
    text = "Training the model on each trillion tokens requires only 180K GPU hours, i.e. 3.7 days."
    per, hours = _drafts(text, ("each trillion tokens", "trillion token", 1.0, "m"),
                         ("180K GPU hours", "K GPU_hour", 180.0, "m"))
    cmp, day = _Cmp({"m": "model"}), _dt.date(2025, 1, 9)
    lo, hi = _sentence_bounds(text, hours.span_start)
    assert (lo, hi) == (0, len(text))  # ("i.e." ends no sentence)
    assert "names what another number is counted per" in _context_doubt(cmp, _Finding("contradicts-reference"), per,
                                                                       text, day, [per, hours])
    for code in ("conflict", "contradicts-reference"):
        assert "stated per 'each trillion tokens'" in _context_doubt(cmp, _Finding(code), hours, text, day,
                                                                      [per, hours])
    # without the denominator before it, the total is judged
    text2 = "Training the model requires only 180K GPU hours on 14.8 trillion tokens."
    hours2, tokens = _drafts(text2, ("180K GPU hours", "K GPU_hour", 180.0, "m"),
                             ("14.8 trillion tokens", "trillion token", 14.8, "m"))
    assert _context_doubt(cmp, _Finding("conflict"), hours2, text2, day, [hours2, tokens]) == ""


def test_a_gpu_s_number_above_what_is_compared_in_a_sentence_counting_gpus_is_unsure():
    text = "For GPU clusters of 10K+ H100s, electricity ends up costing over $10M per year."
    count, cost = _drafts(text, ("10K+ H100s", "K GPU", 10.0, "h100"), ("over $10M per year", "million USD/year",
                                                                         10.0, "h100"))
    cmp, day = _Cmp({"h100": "gpu"}), _dt.date(2025, 1, 9)
    why = _context_doubt(cmp, _Finding("implausible"), cost, text, day, [count, cost])
    assert why.startswith("its sentence counts GPUs ('10K+ H100s')")
    # below the range, a count cannot explain it; one GPU counted is no cluster; another kind
    assert _context_doubt(cmp, _Finding("implausible", (_Comparison("below"),)), cost, text, day, [count, cost]) == ""
    one = _Draft("1 H100", 0, "GPU", 1.0, "h100")
    assert _context_doubt(cmp, _Finding("implausible"), cost, text, day, [one, cost]) == ""
    assert _context_doubt(_Cmp({"h100": "model"}), _Finding("implausible"), cost, text, day, [count, cost]) == ""
    # a scope read says what it is for
    cost.conditions = {"scope": "per-cluster"}
    assert _context_doubt(cmp, _Finding("implausible"), cost, text, day, [count, cost]) == ""


CONDITIONS = "conditions: {}\n"
ENTITIES = """\
entities:
  - {id: nvidia-h100-sxm, name: NVIDIA H100 SXM, kind: gpu, aliases: [H100 SXM, NVIDIA H100 SXM]}
"""
PROPERTIES = """\
properties:
  - id: memory-capacity
    name: GPU memory capacity
    description: Memory on one GPU.
    canonical_unit: GB
    plausible:
      gpu: {low: 1 GB, high: 1000 GB, rationale: "GPUs carry 8 GB to 288 GB."}
"""
REFERENCES = """\
citations:
  - {id: nv, publisher: NVIDIA, title: H100 page, url: "https://example.org/h100", date: "2024-01-01", kind: primary}
references:
  - {id: ref-h100-mem, entity: nvidia-h100-sxm, property: memory-capacity, value: 80, unit: GB,
     qualifier: exact, citation: nv, locator: table}
"""


def test_vet_holds_back_a_forecast_s_miss(tmp_path: Path):
    claim = {"id": "other-mem", "entity": "nvidia-h100-sxm", "property": "memory-capacity", "value": 80,
             "unit": "GB", "qualifier": "exact"}
    root = one_claim_kb(tmp_path, "The H100 SXM has 80 GB.\n", claim, conditions=CONDITIONS, entities=ENTITIES,
                        properties=PROPERTIES, references=REFERENCES)
    p = tmp_path / "article.md"
    for text, status in (("The NVIDIA H100 SXM carries 200 GB of memory.\n", "flagged"),
                         ("By 2030 the NVIDIA H100 SXM could carry 200 GB of memory.\n", "unchecked")):
        p.write_text(text, encoding="utf-8")
        rep = vet(p, root, as_of="2025-06-01", min_confidence=0.0, sure_entity=0.0)
        n, = [n for n in rep.numbers if n.raw == "200 GB"]
        assert n.status == status, (n.status, n.reason)
        if status == "unchecked":
            assert "names 2030, after the article's date" in n.reason
            assert {f.code for f in n.notes} >= {"contradicts-reference"}
