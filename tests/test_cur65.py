"""cur65: readings the curation settles (docs/data-format.md), checked by the conventions lint.

Four inconsistencies among the development articles, each settled one way and linted so that it
cannot come back (kb.tools.conventions), on short quotes of the dev-B articles (and two dev-A
ones) recorded the wrong way and the right way:

- an "N-bit" that names a technique or labels a model is a name, not ``bits-per-parameter``
  ("All benchmarks use 4-bit quantization"), unlike a setting ("at 4-bit quantization");
- a slash fraction ("1/6.7th of Gemini 3 Pro") is the fraction as written, not its inverse;
- a GPU's rated TDP is ``tdp`` whatever the verb ("vs. 300W" of an A100), not ``power-draw``;
- the span of a committed amount ("$500B over 4 years") is its ``commitment-term``.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from kb.tools import conventions as cv

ROOT = Path(__file__).resolve().parents[1]


def _vocab(tmp_path: Path, entities=(), references=()) -> cv.Vocabulary:
    for d in ("entities", "properties", "references"):
        (tmp_path / "datasets" / d).mkdir(parents=True)
    (tmp_path / "datasets" / "entities" / "e.yaml").write_text(
        yaml.safe_dump({"entities": list(entities)}), encoding="utf-8")
    (tmp_path / "datasets" / "references" / "r.yaml").write_text(
        yaml.safe_dump({"references": list(references)}), encoding="utf-8")
    return cv.Vocabulary(tmp_path)


def _claim(**kw) -> dict:
    c = {"id": "t01-x", "entity": "e1", "conditions": {}}
    c.update(kw)
    return c


def _rules(c: dict, vocab, text=None) -> list[str]:
    return [r for r, _ in cv.check_claim(c, vocab, None, text)]


# --- an N-bit technique ---------------------------------------------------------------------------

def test_a_bit_width_naming_a_technique_is_no_bits_per_parameter_claim(tmp_path):
    vocab = _vocab(tmp_path)
    for q in ["All benchmarks use 4-bit quantization",      # r103
              "GPTQ 4-bit",                                  # r149
              "4-bit model fits"]:                           # r116
        c = _claim(property="bits-per-parameter", value=4, unit="bit/parameter", quote=q, start=0)
        assert _rules(c, vocab) == ["bit-width-technique-as-claim"], q


def test_a_bit_width_given_as_a_setting_or_per_weight_stays_a_claim(tmp_path):
    vocab = _vocab(tmp_path)
    for q, v in [("in 4-bit form", 4), ("Even at 4-bit", 4),                      # r116
                 ("which achieves sub-1-bit quantization for MoEs", 1),           # r19
                 ("(4.25 bits per parameter)", 4.25), ("from 32 bits", 32)]:
        c = _claim(property="bits-per-parameter", value=v, unit="bit/parameter", quote=q)
        assert _rules(c, vocab) == [], q
    # the words before the quote decide: "tested Qwen3 8B at 4-bit quantization (Q4_K_XL)" (r85),
    # "**Quantization**: 16-bit precision" (r78)
    for text, q, v in [("tested Qwen3 8B at 4-bit quantization", "4-bit quantization", 4),
                       ("* **Quantization**: 16-bit precision", "16-bit precision", 16)]:
        c = _claim(property="bits-per-parameter", value=v, unit="bit/parameter", quote=q, start=text.index(q))
        assert _rules(c, vocab, text) == [], q
        assert _rules(c, vocab) == ["bit-width-technique-as-claim"], q   # (without the text, no setting)


# --- slash fractions ------------------------------------------------------------------------------

def test_a_slash_fraction_recorded_as_its_inverse(tmp_path):
    vocab = _vocab(tmp_path)
    for q, inverse, fraction in [("**1/6.7th** of Gemini 3 Pro", 6.7, 0.149253731343),   # r71
                                 ("Gemini Flash can handle this for 1/100th the cost", 100, "0.0100")]:  # r48
        assert _rules(_claim(property="ratio", value=inverse, unit="x", quote=q), vocab) == ["inverse-fraction"], q
        assert _rules(_claim(property="ratio", value=fraction, unit="x", quote=q), vocab) == [], q
    # "1/10th the cost" recorded 0.1 (r17, r87), and a ratio in a quote that writes no slash fraction
    assert _rules(_claim(property="ratio", value=0.1, unit="x", quote="with 1/10th the cost"), vocab) == []
    assert _rules(_claim(property="ratio", value=10, unit="x", quote="10x more expensive"), vocab) == []


# --- a rating recorded as a draw ------------------------------------------------------------------

_A100 = [{"id": "gpu-a", "kind": "gpu"}, {"id": "gpu-a-pcie", "kind": "gpu", "family": "gpu-a"}]
_A100_TDP = [{"id": "ref-a", "entity": "gpu-a-pcie", "property": "tdp", "value": 300, "unit": "W"}]


def test_a_gpus_rated_tdp_recorded_as_a_draw(tmp_path):
    vocab = _vocab(tmp_path, _A100, _A100_TDP)
    # r152 "vs. 300W" of an A100 (the PCIe card's rating, its variant's reference)
    c = _claim(entity="gpu-a", property="power-draw", value=300, unit="W", quote="vs. 300W")
    assert _rules(c, vocab) == ["rating-as-draw"]
    assert _rules({**c, "property": "tdp"}, vocab) == []
    # in kW too
    assert _rules(_claim(entity="gpu-a-pcie", property="power-draw", value=0.3, unit="kW", quote="0.3 kW"), vocab) == [
        "rating-as-draw"]


def test_a_draw_that_is_no_rating_stays_a_draw(tmp_path):
    vocab = _vocab(tmp_path, _A100 + [{"id": "rig", "kind": "system"}], _A100_TDP)
    for c in [
        _claim(entity="gpu-a", property="power-draw", value=700, unit="W", quote="700W (at load)"),  # not the rating
        _claim(entity="gpu-a", property="power-draw", value=300, unit="W", quote="300W average"),  # an average
        _claim(entity="gpu-a", property="power-draw", value=300, unit="W", quote="300W",
               conditions={"basis": "measured"}),
        _claim(entity="rig", property="power-draw", value=300, unit="W", quote="consumption is 300W"),  # a machine
    ]:
        assert _rules(c, vocab) == [], c["quote"]


# --- the span of a committed amount ---------------------------------------------------------------

def test_the_span_of_a_committed_amount_is_no_planning_horizon(tmp_path):
    vocab = _vocab(tmp_path)
    for q in ["$500B over 4 years", "Apple added another $500 billion over four years"]:   # r87, r55
        assert _rules(_claim(property="planning-horizon", value=4, unit="year", quote=q), vocab) == [
            "commitment-span-as-horizon"], q
        assert _rules(_claim(property="commitment-term", value=4, unit="year", quote=q), vocab) == [], q
    # a model's span stays a planning horizon (r02)
    q = "the PCIe configuration generates **$2.45 million more cumulative margin over 5 years**"
    assert _rules(_claim(property="planning-horizon", value=5, unit="year", quote=q), vocab) == []


# --- the development articles ----------------------------------------------------------------------

def test_the_development_articles_give_none_of_these_findings():
    vocab = cv.Vocabulary(ROOT)
    new = {"bit-width-technique-as-claim", "inverse-fraction", "rating-as-draw", "commitment-span-as-horizon"}
    assert new <= set(cv.RULES)
    found = []
    for sid in cv.sources(ROOT, "dev"):
        p = ROOT / "claims" / f"{sid}.yaml"
        if p.is_file():
            found += [f for f in cv.lint_file(p, vocab) if f[2] in new]
    assert found == []


def test_the_lint_reads_the_source_text_beside_the_claims(tmp_path):
    vocab = _vocab(tmp_path)
    (tmp_path / "claims").mkdir()
    (tmp_path / "datasets" / "sources").mkdir()
    text = "We tested Qwen3 8B at 4-bit quantization (Q4_K_XL)."
    (tmp_path / "datasets" / "sources" / "t01-a.txt").write_text(text, encoding="utf-8")
    q = "4-bit quantization"
    c = _claim(property="bits-per-parameter", value=4, unit="bit/parameter", quote=q, start=text.index(q),
               end=text.index(q) + len(q))
    (tmp_path / "claims" / "t01-a.yaml").write_text(yaml.safe_dump({"source": "t01-a", "claims": [c]}),
                                                    encoding="utf-8")
    assert cv.lint_file(tmp_path / "claims" / "t01-a.yaml", vocab) == []
    (tmp_path / "datasets" / "sources" / "t01-a.txt").unlink()   # no text: the quote alone names a technique
    assert [f[2] for f in cv.lint_file(tmp_path / "claims" / "t01-a.yaml", vocab)] == ["bit-width-technique-as-claim"]

