"""gram41: forms of the value+unit grammar on real text, and a broken registry file named by
`kb extract`.

- Emissions and a temperature's change followed by a period ("per year", "annually") are a rate
  of that period, the vocabulary's emissions-rate (r43, r124 of dev-A).
- A degree sign written in LaTeX or HTML ("0.00002$\\degree$C", r43 of dev-A; "&deg;C",
  "^\\circ C": the same sentence with the sign as other markup writes it).
- A count after a sentence's first capitalised word that names nothing ("About 11.6 million
  households lost power.") is a count, as it is after a lower-case one.
- `kb extract` says which registry file it could not read (file:line), without a traceback.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import main
from kb.core.grammar import parse_at
from kb.extract.drafts import extract_text
from kb.extract.linking import load_registry


def _read(text):
    return {(None if d.value is None else round(d.value, 9), d.unit) for d in extract_text(text)}


# --------------------------------------------------------------------------- emissions per period

@pytest.mark.parametrize("text, value, unit", [
    # r43-ai-new-hotness (Markdown-escaped LaTeX subscript)
    ("For comparison, the Mammoth facility can capture 36,000 tons of CO\\\\$_2\\\\$ per year.", 36000, "tCO2e/year"),
    # r124-datacenter-power-concern-notes
    ("a typical Gmail user is responsible for producing 1.2 kilogram of CO<sub>2</sub> per year.", 1.2, "kgCO2e/year"),
    ("Google discloses the fact that it emits 1.5 million tonnes of carbon annually", 1.5, "million tCO2e/year"),
])
def test_emissions_with_a_period_are_a_rate(text, value, unit):
    assert (value, unit) in _read(text)


@pytest.mark.parametrize("text, value, unit", [
    # r124: emissions of a thing with no period stay an amount
    ("a typical Google user creates 1.46 kilogram of CO<sub>2</sub> by consuming its services", 1.46, "kgCO2e"),
    # r43: a total of a training run
    ("Estimated total emissions were 2290 tCO\\\\$_2\\\\$eq, 100% of which were offset", 2290, "tCO2e"),
    # a period that is a date, not a rate
    ("Training emitted 500 tonnes of CO2 a year earlier.", 500, "tCO2e"),
])
def test_emissions_without_a_period_stay_an_amount(text, value, unit):
    assert (value, unit) in _read(text)


# --------------------------------------------------------------------------- degree signs in markup

@pytest.mark.parametrize("text, value, unit", [
    # r43-ai-new-hotness, as written (LaTeX's \degree between math dollars), in a masked text
    ("*Note*: it would increase global ocean temperature by 0.00002$\\degree$C per year", 2e-05, "delta_degC/year"),
    ("I imagine that exposing 90$\\degree$C hotspots directly to ocean ecosystems *would* be bad", 90, "delta_degC"),
    # r43 as its lines break, after "per"
    ("it would increase global ocean temperature by 0.00002$\\degree$C per\nyear. *Note*", 2e-05, "delta_degC/year"),
    # the same sentence with the sign as HTML and other LaTeX write it
    ("*Note*: exposing 90&deg;C hotspots directly to ocean ecosystems", 90, "delta_degC"),
    ("*Note*: exposing 90&#176;F hotspots directly to ocean ecosystems", 90, "delta_degF"),
    ("*Note*: exposing 90^\\circ C hotspots directly to ocean ecosystems", 90, "delta_degC"),
    ("*Note*: exposing 90 $^{\\circ}$C hotspots directly to ocean ecosystems", 90, "delta_degC"),
])
def test_a_degree_sign_in_markup(text, value, unit):
    assert (value, unit) in _read(text)


@pytest.mark.parametrize("text", [
    "*Note*: it turns the panel by 90$^\\circ$ to the left",  # an angle: no scale's letter after
    "*Note*: the $\\degree$ sign alone",
])
def test_a_degree_sign_without_its_scale_is_no_temperature(text):
    assert all(not u.startswith("delta_deg") for _, u in _read(text))


def test_the_grammar_reads_the_markup_sign_itself():
    text = "it would increase global ocean temperature by 0.00002$\\degree$C per year"
    q = parse_at(text, text.index("0.0"))
    assert (q.atom, q.den) == ("delta_degC", "year")
    text = "exposing 90&deg;C hotspots"
    q = parse_at(text, text.index("90"))
    assert q.atom == "delta_degC" and text[q.start:q.end] == "90&deg;C"


# --------------------------------------------------------------------------- a sentence's first word

@pytest.mark.parametrize("text, value, unit", [
    ("About 11.6 million households lost power.", 11.6, "million item"),
    ("Nearly 300 facilities were built.", 300, "item"),
])
def test_a_count_after_a_capitalised_cue_word(text, value, unit):
    assert (value, unit) in _read(text)


def test_a_name_before_a_count_still_makes_a_version():
    # r43-ai-new-hotness: "Llama 3 models" names a version, no count of three models
    assert not any(u == "item" for _, u in _read("In Meta's Llama 3 models, training used H100s."))


# --------------------------------------------------------------------------- broken registry files

def _kb(tmp_path: Path) -> Path:
    (tmp_path / "datasets" / "entities").mkdir(parents=True)
    (tmp_path / "datasets" / "properties").mkdir(parents=True)
    (tmp_path / "claims").mkdir()
    (tmp_path / "datasets" / "entities" / "bad.yaml").write_text(
        "entities:\n  - id: nvidia-a100\n    aliases: [A100\n  - id: x\n", encoding="utf-8")
    (tmp_path / "datasets" / "entities" / "ok.yaml").write_text(
        "entities:\n  - {id: nvidia-h100, kind: gpu, aliases: [H100]}\n", encoding="utf-8")
    return tmp_path


def test_the_registry_names_a_file_it_could_not_read(tmp_path):
    reg = load_registry(_kb(tmp_path))
    assert [e["id"] for e in reg.entities] == ["nvidia-h100"]
    assert len(reg.problems) == 1
    assert reg.problems[0].startswith("datasets/entities/bad.yaml:4: not valid YAML")


def test_a_readable_registry_has_no_problems():
    assert load_registry(Path(__file__).resolve().parents[1]).problems == []


def test_kb_extract_warns_of_a_broken_entity_file(tmp_path):
    root = _kb(tmp_path)
    article = tmp_path / "a.txt"
    article.write_text("The H100 draws 700 W.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(article), "--root", str(root), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert res.exception is None
    warnings = [ln for ln in res.stderr.splitlines() if ln.startswith("kb: warning:")]
    assert len(warnings) == 1 and "datasets/entities/bad.yaml:4:" in warnings[0]
    assert "Traceback" not in res.stderr
    assert '"value": 700' in res.stdout


# --------------------------------------------------------------------------- counts of systems and switches

def test_a_count_of_servers_named_by_their_system():
    # r122-assistant-startup-costs-notes
    text = "OpenAI requires ~3,617 HGX A100 servers (28,936 GPUs) to serve Chat GPT."
    ds = [d for d in extract_text(text) if d.value == 3617]
    assert [(d.unit, d.qualifier) for d in ds] == [("node", "approx")]
    assert (28936, "GPU") in _read(text)


@pytest.mark.parametrize("text, value", [
    ("The hall holds 48 network switches.", 48),
    ("Each pod has 4 top-of-rack switches.", 4),
])
def test_a_count_of_switches_named_by_their_network(text, value):
    assert (value, "item") in _read(text)


def test_switches_as_a_verb_are_no_count():
    assert not any(u == "item" for _, u in _read("He switches 3 network cards a day."))


def test_the_vocabulary_has_the_switch_item():
    import yaml

    root = Path(__file__).resolve().parents[1]
    doc = yaml.safe_load((root / "datasets" / "conditions.yaml").read_text(encoding="utf-8"))
    assert "network-switch" in doc["conditions"]["item"]["values"]
