"""`kb vet FILE`: a fact-check report of one article, made in a scratch copy of the knowledge base."""
from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import one_claim_kb, run_kb, write_source
from kb.errors import ExtractError
from kb.extract.vet import STATUSES, VetReport, vet

CONDITIONS = """\
conditions:
  scope:
    description: What one number covers.
    values: [per-gpu, per-node]
    display: value
  direction:
    description: Input or output tokens.
    values: [input, output]
    display: value
"""
ENTITIES = """\
entities:
  - {id: nvidia, name: NVIDIA, kind: organisation, aliases: [NVIDIA]}
  - {id: openai, name: OpenAI, kind: organisation, aliases: [OpenAI]}
  - {id: nvidia-h100, name: NVIDIA H100, kind: gpu, vendor: nvidia, aliases: [H100, NVIDIA H100]}
  - {id: nvidia-h100-sxm, name: NVIDIA H100 SXM, kind: gpu, family: nvidia-h100, vendor: nvidia, aliases: [H100 SXM, NVIDIA H100 SXM]}
  - {id: gpt-4o, name: GPT-4o, kind: model, vendor: openai, aliases: [GPT-4o]}
"""
PROPERTIES = """\
properties:
  - id: tdp
    name: Thermal design power
    description: Maximum board power the vendor specifies.
    canonical_unit: W
    states_maximum: true
    conditions: [scope]
    plausible:
      gpu: {low: 20 W, high: 2000 W, rationale: "Accelerators draw 70 W to 1.2 kW."}
  - id: token-price
    name: Token price
    description: Price per token processed, usually quoted per 1M tokens.
    canonical_unit: USD per 1M tokens
    conditions: [direction]
    plausible:
      model: {low: 0.001 USD per 1M tokens, high: 1000 USD per 1M tokens, rationale: "List prices."}
"""
REFERENCES = """\
citations:
  - {id: nvidia-page, publisher: NVIDIA, title: H100 product page, url: "https://example.org/h100", date: "2026-01-01", kind: primary}
  - {id: openai-page, publisher: OpenAI, title: API pricing, url: "https://example.org/pricing", date: "2026-01-01", kind: primary}
references:
  - {id: ref-h100-sxm-tdp, entity: nvidia-h100-sxm, property: tdp, value: 700, unit: W, qualifier: exact,
     conditions: {scope: per-gpu}, citation: nvidia-page, locator: specifications table}
  - {id: ref-gpt-4o-input, entity: gpt-4o, property: token-price, value: "2.50", unit: USD per 1M tokens,
     qualifier: exact, conditions: {direction: input}, citation: openai-page, locator: pricing table}
"""
OTHER_TEXT = "GPT-4o output tokens cost $10 per 1M tokens.\n"
ARTICLE = ("# Notes on accelerators\n\n"
           "The NVIDIA H100 SXM has a TDP of 7000 W.\n\n"
           "GPT-4o charges $2.50 per 1M input tokens.\n\n"
           "GPT-4o charges $40 per 1M output tokens.\n\n"
           "Our own test rig drew 150 W on a Tuesday.\n")
# the same numbers in tables, where the entity of each cell is linked surely (its row names it):
# flagged without lowering any threshold
TABLE_ARTICLE = ("# Notes on accelerators\n\n"
                 "| GPU | TDP |\n|---|---|\n| NVIDIA H100 SXM | 7000 W |\n\n"
                 "| Model | Input price | Output price |\n|---|---|---|\n"
                 "| GPT-4o | $2.50 per 1M tokens | $40 per 1M tokens |\n\n"
                 "Our own test rig drew 150 W on a Tuesday.\n")


@pytest.fixture()
def kb_root(tmp_path: Path) -> Path:
    claim = {"id": "other-gpt-4o-output", "entity": "gpt-4o", "property": "token-price", "value": 10,
             "unit": "USD per 1M tokens", "qualifier": "exact", "conditions": {"direction": "output"}}
    return one_claim_kb(tmp_path, OTHER_TEXT, claim,
                        conditions=CONDITIONS, entities=ENTITIES, properties=PROPERTIES, references=REFERENCES)


def _tree_digest(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        h.update(p.relative_to(root).as_posix().encode())
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()


def _article(tmp_path: Path, text: str = ARTICLE, name: str = "article.md") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def _by_raw(rep: VetReport, raw: str):
    hits = [n for n in rep.numbers if n.raw == raw]
    assert len(hits) == 1, [(n.raw, n.status, n.reason) for n in rep.numbers]
    return hits[0]


def test_vet_flags_checks_and_explains(kb_root, tmp_path):
    before = _tree_digest(kb_root)
    rep = vet(_article(tmp_path), kb_root, min_confidence=0.0, sure_entity=0.0)
    assert _tree_digest(kb_root) == before  # the knowledge base is never touched
    assert {n.status for n in rep.numbers} <= set(STATUSES)

    tdp = _by_raw(rep, "7000 W")
    assert tdp.status == "flagged" and tdp.entity == "nvidia-h100-sxm" and tdp.property == "tdp"
    codes = {f.code for f in tdp.findings}
    assert {"contradicts-reference", "implausible"} <= codes
    ref = next(f for f in tdp.findings if f.code == "contradicts-reference")
    assert any("700 W" in e and "NVIDIA, H100 product page" in e and "10x above" in e.replace("9.992", "10")
               for e in ref.evidence), ref.evidence
    assert "ref-h100-sxm-tdp" in ref.others
    assert tdp.quote == "The NVIDIA H100 SXM has a TDP of 7000 W" and tdp.line == 3

    out = _by_raw(rep, "$40 per 1M output tokens")
    assert out.status == "flagged" and [f.code for f in out.findings] == ["conflict"]
    assert any("other article" in e and "$10 per 1M tokens" in e for e in out.findings[0].evidence)

    inp = _by_raw(rep, "$2.50 per 1M input tokens")
    assert inp.status == "checked" and "1 reference value" in inp.reason

    rig = _by_raw(rep, "150 W")
    assert rig.status == "unchecked" and rig.reason.startswith(("no registry entity", "no entity"))
    assert rep.exit_code == 1
    assert rep.summary() == f"{tmp_path / 'article.md'}: 4 numbers read: 2 flagged, 1 checked and consistent, 1 not checked"


def test_low_confidence_drafts_are_not_checked_and_say_why(kb_root, tmp_path):
    rep = vet(_article(tmp_path), kb_root, min_confidence=1.0)
    for n in rep.numbers:
        if min(n.confidence.values()) < 1.0 and n.entity:
            assert n.status == "unchecked" and n.reason.startswith("low confidence"), (n.raw, n.reason)
            assert "below 1.00" in n.reason
    assert not rep.flagged and rep.exit_code == 0


def test_a_text_the_knowledge_base_holds_is_checked_without_its_own_claims(kb_root, tmp_path):
    # the article is registered with a curated (and reviewed) claim of its own: vet leaves
    # it out, so the article's numbers are not compared with its own curation
    write_source(kb_root, "art", ARTICLE, published="2025-06-01")
    s = ARTICLE.index("GPT-4o charges $40")
    q = "GPT-4o charges $40 per 1M output tokens"
    (kb_root / "claims" / "art.yaml").write_text(
        "source: art\nclaims:\n  - id: art-out\n    entity: gpt-4o\n    property: token-price\n    value: 40\n"
        "    unit: USD per 1M tokens\n    qualifier: exact\n    conditions: {direction: output}\n"
        f"    quote: \"{q}\"\n    start: {s}\n    end: {s + len(q)}\n", encoding="utf-8")
    rep = vet(_article(tmp_path), kb_root, min_confidence=0.0, sure_entity=0.0)
    assert rep.excluded_source == "art"
    assert rep.as_of == "2025-06-01"  # the registered copy's date
    for n in rep.numbers:
        for f in n.findings:
            assert "art-out" not in f.others
    assert "art" in rep.render("text")


def test_outputs_escape_what_they_print(kb_root, tmp_path):
    nasty = ("The NVIDIA H100 SXM has a TDP of 7000 W <script>alert('x')</script> & \x1b[31mred\x1b[0m.\n"
             "\n## Line\u2028break <b>bold</b>\n")
    path = _article(tmp_path, nasty, name="a<b>&c.md")
    rep = vet(path, kb_root, min_confidence=0.0, sure_entity=0.0)
    assert rep.flagged

    page = rep.render("html")
    root = ET.fromstring(page.split("\n", 1)[1])  # well-formed: an XML parser reads it (after the doctype)
    assert root.tag == "html"
    assert "<script>" not in page and "&lt;script&gt;" in page and "\x1b" not in page
    assert "<b>bold" not in page and "a&lt;b&gt;&amp;c.md" in page
    assert root.find(".//mark") is not None and root.find(".//mark").text == "7000 W"

    text = rep.render("text")
    assert "\x1b" not in text and "\u2028" not in text and "\\x1b" in text
    data = json.loads(rep.render("json"), parse_constant=lambda c: pytest.fail(f"not JSON: {c}"))
    assert data["counts"]["flagged"] == len(rep.flagged)
    assert data["numbers"][0]["quote"].startswith("The NVIDIA H100 SXM")


def test_outputs_are_deterministic(kb_root, tmp_path):
    a = vet(_article(tmp_path), kb_root, min_confidence=0.0, sure_entity=0.0)
    b = vet(_article(tmp_path), kb_root, min_confidence=0.0, sure_entity=0.0)
    for fmt in ("text", "json", "html"):
        assert a.render(fmt) == b.render(fmt)


def test_bad_input_is_a_clear_error(kb_root, tmp_path):
    with pytest.raises(ExtractError, match="no such file"):
        vet(tmp_path / "missing.md", kb_root)
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ExtractError, match="empty"):
        vet(empty, kb_root)
    with pytest.raises(ExtractError, match="not a date"):
        vet(_article(tmp_path), kb_root, as_of="2025-02-30")
    with pytest.raises(ValueError, match="unknown format"):
        vet(_article(tmp_path), kb_root, min_confidence=0.0, sure_entity=0.0).render("xml")


def test_saved_html_is_read_like_add_source(kb_root, tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<!DOCTYPE html><html><head><title>t</title><script>var x = 5000;</script></head><body>"
                    "<nav>Home 12 34</nav><article><p>The NVIDIA H100 SXM has a TDP of 7000 W.</p>"
                    "<table><tr><th>GPU</th><th>TDP</th></tr><tr><td>H100 SXM</td><td>7000 W</td></tr></table>"
                    "</article></body></html>", encoding="utf-8")
    rep = vet(page, kb_root, min_confidence=0.0, sure_entity=0.0)
    assert [n.raw for n in rep.flagged].count("7000 W") >= 1
    assert all("5000" not in n.raw for n in rep.numbers)


def test_cli_vet(kb_root, tmp_path):
    art = _article(tmp_path, TABLE_ARTICLE)
    code, out, err = run_kb("vet", art, "--root", kb_root)
    assert code == 1, err
    assert "FLAGGED (2)" in out and "7000 W" in out and out.rstrip().endswith("1 not checked")
    code, out, _ = run_kb("vet", art, "--root", kb_root, "--format", "json")
    assert json.loads(out)["counts"]["flagged"] == 2
    dest = tmp_path / "report.html"
    code, out, _ = run_kb("vet", art, "--root", kb_root, "--format", "html", "--out", dest)
    assert code == 1 and out == "" and dest.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    calm = _article(tmp_path, "GPT-4o charges $2.50 per 1M input tokens.\n", name="calm.md")
    code, out, _ = run_kb("vet", calm, "--root", kb_root, "--min-confidence", "0")
    assert code == 0 and "nothing flagged" in out
    code, _, err = run_kb("vet", tmp_path / "nope.md", "--root", kb_root)
    assert code == 2 and err.startswith("kb: ") and "Traceback" not in err


def test_vet_measured_against_curated_verdicts(kb_root):
    from kb.extract.evaluate import check_vet, evaluate_vet, render_vet

    write_source(kb_root, "r91-art", TABLE_ARTICLE)
    (kb_root / "tests" / "extract_corpus").mkdir(parents=True)
    (kb_root / "tests" / "extract_corpus" / "real.yaml").write_text(
        "dev: [r91-art]\nholdout: [r92-missing]\n", encoding="utf-8")

    def claim(cid, raw, value, unit, verdict, entity="nvidia-h100-sxm", prop="tdp"):
        s = TABLE_ARTICLE.index(raw)
        return (f"  - id: {cid}\n    entity: {entity}\n    property: {prop}\n    value: {value}\n    unit: {unit}\n"
                f"    qualifier: exact\n    quote: \"{raw}\"\n    start: {s}\n    end: {s + len(raw)}\n"
                f"    review: {{verdict: {verdict}, note: n, date: 2026-01-01}}\n")

    (kb_root / "claims" / "r91-art.yaml").write_text(
        "source: r91-art\nclaims:\n"
        + claim("r91-tdp", "7000 W", 7000, "W", "wrong")
        + claim("r91-in", "$2.50 per 1M tokens", "2.50", "USD per 1M tokens", "correct", "gpt-4o", "token-price")
        + claim("r91-out", "$40 per 1M tokens", 40, "USD per 1M tokens", "dubious", "gpt-4o", "token-price")
        + claim("r91-rig", "150 W", 150, "W", "correct", "r91-rig", "power-draw"), encoding="utf-8")
    result = evaluate_vet(kb_root)
    dev = result["sets"]["real-dev"]
    assert dev["articles"] == 1 and result["sets"]["real-holdout"]["missing"] == ["r92-missing"]
    assert (dev["correct"]["claims"], dev["correct"]["matched"], dev["correct"]["flagged"]) == (2, 2, 0)
    assert (dev["wrong_or_dubious"]["claims"], dev["wrong_or_dubious"]["flagged"]) == (2, 2)
    assert dev["wrong_or_dubious"]["flagged_of_all"] == 1.0 and dev["flagged_not_curated"] == 0
    # the ceiling: the curated claims as kb check flags them (7000 W against the reference's
    # TDP and the plausible range; the $40 against the reference), none of the correct ones
    # (their reviews' own findings, stale here, say nothing about the number)
    assert dev["wrong_or_dubious"]["flagged_when_curated"] == 2
    assert dev["correct"]["flagged_when_curated"] == 0
    assert "real-dev" in render_vet(result) and "ceiling" in render_vet(result)
    assert check_vet(result) == []  # measured on the dev set while the held-out one has no article


def test_a_conflict_only_with_claims_reviewed_wrong_does_not_flag(kb_root, tmp_path):
    # the other article's $10 is reviewed as wrong: differing from it says nothing against $40
    other = kb_root / "claims" / "other.yaml"
    other.write_text(other.read_text(encoding="utf-8")
                     + "    review: {verdict: wrong, note: a misprint, date: 2026-01-01}\n", encoding="utf-8")
    rep = vet(_article(tmp_path), kb_root, min_confidence=0.0, sure_entity=0.0)
    out = _by_raw(rep, "$40 per 1M output tokens")
    assert out.status != "flagged" and not out.findings, out.findings
    assert "reviewed as wrong or dubious (other-gpt-4o-output)" in out.reason
    assert "other article" not in out.reason.split(";")[0]  # the refuted claim is no peer it agrees with
    # reviewed as correct, the same claim flags it again
    other.write_text(other.read_text(encoding="utf-8").replace("verdict: wrong", "verdict: correct"), encoding="utf-8")
    rep = vet(_article(tmp_path), kb_root, min_confidence=0.0, sure_entity=0.0)
    assert [f.code for f in _by_raw(rep, "$40 per 1M output tokens").findings] == ["conflict"]


def test_a_dated_article_is_checked_like_an_undated_one(kb_root, tmp_path):
    # every claim carries the article's date: the scratch claims file must still load (one
    # date shared by all claims once became a YAML alias, which the knowledge base refuses)
    undated = vet(_article(tmp_path), kb_root, min_confidence=0.0, sure_entity=0.0)
    dated = vet(_article(tmp_path), kb_root, min_confidence=0.0, sure_entity=0.0, as_of="2026-06-01")
    assert dated.as_of == "2026-06-01" and not dated.problems, dated.problems
    assert [(n.raw, n.status) for n in dated.numbers] == [(n.raw, n.status) for n in undated.numbers]
    assert len(dated.flagged) == 2


def test_a_number_off_only_by_rounding_is_not_flagged(kb_root, tmp_path):
    # 720 W beside the reference's 700 W: within the 5% that rounding explains; 900 W is not
    text = "The NVIDIA H100 SXM has a TDP of 720 W.\n\nThe NVIDIA H100 SXM has a TDP of 900 W.\n"
    rep = vet(_article(tmp_path, text), kb_root, min_confidence=0.0, sure_entity=0.0)
    near = _by_raw(rep, "720 W")
    assert near.status == "checked" and not near.findings, near.findings
    assert near.reason == "consistent with the plausible range; within rounding with a reference value (1.027x)"
    far = _by_raw(rep, "900 W")
    assert far.status == "flagged" and "contradicts-reference" in {f.code for f in far.findings}


def test_a_conflict_between_variants_of_a_family_does_not_flag(kb_root, tmp_path):
    # another article gives the family's PCIe figure, this one the SXM figure: both fit a variant
    (kb_root / "datasets" / "entities" / "e.yaml").write_text(
        ENTITIES + "  - {id: nvidia-h100-pcie, name: NVIDIA H100 PCIe, kind: gpu, family: nvidia-h100, vendor: nvidia, "
                   "aliases: [H100 PCIe]}\n", encoding="utf-8")
    (kb_root / "datasets" / "references" / "r.yaml").write_text(
        REFERENCES + "  - {id: ref-h100-pcie-tdp, entity: nvidia-h100-pcie, property: tdp, value: 350, unit: W, "
                     "qualifier: exact, conditions: {scope: per-gpu}, citation: nvidia-page, locator: table}\n",
        encoding="utf-8")
    text = "Board power of the H100 cards is 350 W each.\n"
    write_source(kb_root, "third", text)
    (kb_root / "claims" / "third.yaml").write_text(
        "source: third\nclaims:\n  - id: third-h100-tdp\n    entity: nvidia-h100\n    property: tdp\n    value: 350\n"
        "    unit: W\n    qualifier: exact\n    conditions: {scope: per-gpu}\n"
        f"    quote: \"{text.strip().rstrip('.')}\"\n    start: 0\n    end: {len(text.strip()) - 1}\n", encoding="utf-8")
    rep = vet(_article(tmp_path, "The NVIDIA H100 has a TDP of 700 W per GPU.\n"), kb_root, min_confidence=0.0, sure_entity=0.0)
    n = _by_raw(rep, "700 W per GPU")
    assert n.entity == "nvidia-h100" and n.status == "checked" and not n.findings, (n.reason, n.findings)
    assert "only as its variants do" in n.reason and "fits NVIDIA H100 SXM" in n.reason


def test_the_knowledge_base_s_own_errors_are_named_not_hidden(tmp_path, kb_root):
    """A broken file in the knowledge base does not stop kb vet, but the report says the
    knowledge base has errors (left out of every comparison) and where, in every format."""
    assert vet(_article(tmp_path), kb_root).kb_errors == ()
    (kb_root / "claims" / "broken.yaml").write_text("source: other\nclaims:\n  - id: [oops\n", encoding="utf-8")
    rep = vet(_article(tmp_path), kb_root)
    assert len(rep.kb_errors) == 1 and rep.kb_errors[0].startswith("claims/broken.yaml:")
    assert "error[yaml-syntax]" in rep.kb_errors[0]
    assert rep.as_dict()["knowledge_base_errors"] == list(rep.kb_errors)
    assert "the knowledge base has 1 error of its own" in rep.render("text")
    assert "claims/broken.yaml:" in rep.render("html")


def test_ceiling_misses_counted_by_how_vet_read_them():
    # the wrong or dubious claims kb check flags as curated but vet does not, grouped by how vet
    # read each; a claim vet flags, a correct one and one the checker does not flag stay out
    from kb.extract.evaluate import _vet_counts

    def row(verdict, ceiling, flagged, read):
        return {"claim": "c", "verdict": verdict, "matched": read is not None, "checked": False, "flagged": flagged,
                "codes": [], "curated_flagged": ceiling, "read": "x", "curated_as": "x · y",
                "read_status": read and "unchecked", "read_reason": read}

    low = "low confidence: entity 0.30 below 0.40"
    own = "no registry entity: it is about something of the article's own (a rig: 8 x 3): ..."
    rows = [row("wrong", True, False, None), row("dubious", True, False, low), row("wrong", True, False, low),
            row("wrong", True, False, own), row("wrong", True, True, low), row("correct", True, False, low),
            row("wrong", False, False, low)]
    missed = _vet_counts(rows)["ceiling_missed"]
    assert missed == {"unchecked: low confidence": 2, "not read (no draft with its value and unit)": 1,
                      "unchecked: no registry entity": 1}
    assert _vet_counts([row("wrong", True, True, low)])["ceiling_missed"] == {}


@pytest.mark.parametrize("listing", ["dev", "holdout"])
def test_verbose_never_lists_the_held_out_articles(kb_root, listing):
    # --verbose lists a set's missed and flagged claims one by one, but never the held-out
    # set's: those articles are scored, not read; the same article as a development one is listed
    import io

    from kb.extract.evaluate import evaluate, evaluate_vet

    write_source(kb_root, "r91-art", TABLE_ARTICLE)
    (kb_root / "tests" / "extract_corpus").mkdir(parents=True)
    ids = {"dev": "[r91-art]", "holdout": "[]"} if listing == "dev" else {"dev": "[]", "holdout": "[r91-art]"}
    (kb_root / "tests" / "extract_corpus" / "real.yaml").write_text(
        f"dev: {ids['dev']}\nholdout: {ids['holdout']}\n", encoding="utf-8")
    raw = "7000 W"
    s = TABLE_ARTICLE.index(raw)
    (kb_root / "claims" / "r91-art.yaml").write_text(
        "source: r91-art\nclaims:\n"
        f"  - id: r91-tdp\n    entity: nvidia-h100-sxm\n    property: tdp\n    value: 7000\n    unit: W\n"
        f"    qualifier: exact\n    quote: \"{raw}\"\n    start: {s}\n    end: {s + len(raw)}\n"
        "    review: {verdict: wrong, note: n, date: 2026-01-01}\n"
        "  - id: r91-missed\n    entity: r91-rig\n    property: power-draw\n    value: 3\n    unit: W\n"
        "    qualifier: exact\n    quote: \"Our own test rig\"\n", encoding="utf-8")
    name = "real-dev" if listing == "dev" else "real-holdout"
    vet_out, ext_out = io.StringIO(), io.StringIO()
    result = evaluate_vet(kb_root, only=(name,), verbose=True, out=vet_out)
    scores = evaluate(kb_root, timing=False, baseline=False, verbose=True, only=(name,), out=ext_out)
    assert result["sets"][name]["articles"] == 1 and scores["sets"][name]["files"] == 1
    if listing == "dev":
        assert "r91-art" in vet_out.getvalue() and "r91-art" in ext_out.getvalue()
    else:
        assert vet_out.getvalue() == "" and ext_out.getvalue() == ""


def test_a_broken_entity_file_is_named_with_its_line(tmp_path, kb_root):
    """(gram41) A registry file that is not valid YAML: kb vet still runs (linking without its
    records) and names the file and line among the knowledge base's own errors."""
    (kb_root / "datasets" / "entities" / "broken.yaml").write_text(
        "entities:\n  - id: x\n    aliases: [X\n", encoding="utf-8")
    rep = vet(_article(tmp_path), kb_root)
    named = [e for e in rep.kb_errors if e.startswith("datasets/entities/broken.yaml:")]
    assert len(named) == 1 and "error[yaml-syntax]" in named[0]
    assert "datasets/entities/broken.yaml:" in rep.render("text")
