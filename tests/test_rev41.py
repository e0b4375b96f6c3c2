"""rev41: findings of the review of session 16's merged code, each with the input that showed it.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import main
from kb.extract.linking import load_registry

ROOT = Path(__file__).resolve().parents[1]


# --------------------------------------------------------------------------- a registry file of the wrong shape

def _kb(tmp_path: Path, entities: str, conditions: str = "conditions: {}\n") -> Path:
    (tmp_path / "datasets" / "entities").mkdir(parents=True)
    (tmp_path / "datasets" / "properties").mkdir(parents=True)
    (tmp_path / "claims").mkdir()
    (tmp_path / "datasets" / "conditions.yaml").write_text(conditions, encoding="utf-8")
    (tmp_path / "datasets" / "entities" / "bad.yaml").write_text(entities, encoding="utf-8")
    (tmp_path / "datasets" / "entities" / "ok.yaml").write_text(
        "entities:\n  - {id: nvidia-h100, kind: gpu, aliases: [H100]}\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("entities", ["entities: 5\n", "- {id: x, kind: gpu}\n", "entities: true\n"])
def test_an_entity_file_that_holds_no_list_is_named_not_a_traceback(tmp_path, entities):
    reg = load_registry(_kb(tmp_path, entities))
    assert [e["id"] for e in reg.entities] == ["nvidia-h100"]
    assert len(reg.problems) == 1 and reg.problems[0].startswith("datasets/entities/bad.yaml:1:")


def test_a_conditions_file_that_is_a_list_is_named(tmp_path):
    reg = load_registry(_kb(tmp_path, "entities: []\n", "- basis\n"))
    assert reg.conditions == {}
    assert len(reg.problems) == 1 and reg.problems[0].startswith("datasets/conditions.yaml:1:")


def test_kb_extract_warns_of_an_entity_file_of_the_wrong_shape(tmp_path):
    root = _kb(tmp_path, "entities: 5\n")
    article = tmp_path / "a.txt"
    article.write_text("The H100 draws 700 W.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(article), "--root", str(root), "--format", "json"])
    assert res.exit_code == 0 and res.exception is None, res.output
    assert any("datasets/entities/bad.yaml:1:" in ln for ln in res.stderr.splitlines() if ln.startswith("kb: warning:"))
    assert '"value": 700' in res.stdout


# --------------------------------------------------------------------------- serving words and a model's own window
# prop41 made serve/serves/serving cues of served-context-length: any of them in the sentence turned a
# model's own stated context window into a served context. They stay words the property needs (and its
# other cues, "limited to", "sufficient for", "max-model-len", stay cues). No dev-A sentence writes a
# model's window next to a serving word; these are sentences of the reviewer's making.

def _contexts(text):
    from kb.extract.drafts import extract_text
    return [(d.entity, d.property) for d in extract_text(text, load_registry(ROOT)) if d.unit.endswith("token")]


@pytest.mark.parametrize("text, entity", [
    ("GPT-4 Turbo supports a 128K context window, ideal for serving long documents.", "gpt-4-turbo"),
    ("Claude 3 has a 200K context window and serves enterprise customers.", "claude-3"),
])
def test_a_models_context_window_beside_a_serving_word_stays_its_window(text, entity):
    assert _contexts(text) == [(entity, "context-window")]


def test_what_a_gpu_can_serve_is_still_a_served_context():
    # r72-vllm-benchmark-lambda
    text = ("For example, a single NVIDIA A100/H100 80GB can serve `Meta-Llama-3.1-70B-Instruct-FP8` "
            "with upto 4k context window")
    assert [p for _, p in _contexts(text)] == ["served-context-length"]


# --------------------------------------------------------------------------- a clause's first word before a count
# gram41 let "About", "Nearly", "Over" ... start a sentence before a count of items (no name before it);
# a clause's other first words ("While", "When", "Among") still dropped the count as a name's version.
# No dev-A sentence starts so; these are the reviewer's.

@pytest.mark.parametrize("text, raw", [
    ("While 20 labs train models, few publish their costs.", "20 labs"),
    ("Among 50 labs surveyed, most rent their GPUs.", "50 labs"),
    ("When 30 companies joined, prices fell.", "30 companies"),
])
def test_a_count_after_a_clauses_first_word(text, raw):
    from kb.extract.drafts import extract_text
    assert [(d.raw, d.unit) for d in extract_text(text, load_registry(ROOT))] == [(raw, "item")]


def test_a_name_before_a_count_is_still_a_version():
    from kb.extract.drafts import extract_text
    # r43-ai-new-hotness: "Llama 3 models" names a version
    assert not any(d.unit == "item" for d in extract_text("In Meta's Llama 3 models, training used H100s.",
                                                          load_registry(ROOT)))


# --------------------------------------------------------------------------- a dated line's name inside another product's
# link41 dated a bare "Llama" to the version out at the article's date; "Llama Guard" (Meta's safety
# classifier), "Llama Stack" are other products, not that version. A heading's capitalised words do not count.

def _dated(text, day):
    from kb.extract.linking import index_for
    reg = load_registry(ROOT)
    idx = index_for(reg.entities, reg.properties)
    low = text.lower()
    return [(text[s:e], eid) for s, e, eid in idx.dated_lines(text, low, idx.aliases_in(text, low), day)]


def test_a_line_name_followed_by_a_capitalised_word_is_another_product():
    import datetime
    day = datetime.date(2024, 9, 1)
    assert not any(eid == "llama-3.1" for _, eid in _dated("We filter prompts with Llama Guard before the model.", day))
    assert ("Llama", "llama-3.1") in _dated("Llama models are open and cheap to run.", day)
    assert ("Llama", "llama-3.1") in _dated("## Why Llama Matters\n", day)


# --------------------------------------------------------------------------- a temperature reached on a day
# gram41 read a temperature with a period after it as a warming rate; with "every day", "a day" or "each
# day" the period says when the temperature is reached, not a change per day. The reviewer's sentences;
# the dev-A form ("0.00002$\degree$C per year") stays a rate (tests/test_extract_gram41.py).

def _read(text):
    from kb.extract.drafts import extract_text
    return [(d.value, d.unit) for d in extract_text(text, load_registry(ROOT))]


@pytest.mark.parametrize("text, value", [
    ("The GPU hits 83°C every day under load.", 83.0),
    ("My card reached 90°C a day after the update.", 90.0),
])
def test_a_temperature_reached_on_a_day_is_no_rate(text, value):
    assert _read(text) == [(value, "delta_degC")]


def test_a_temperature_per_year_is_still_a_rate():
    assert _read("Warming of 0.02°C per year is small.") == [(0.02, "delta_degC/year")]


def test_emissions_every_year_are_still_a_rate():
    assert _read("The plant emits 500 tons of CO2 every year.") == [(500.0, "tCO2e/year")]


# --------------------------------------------------------------------------- an hourly figure another property names
# prop41 made a GPU's hourly price its rent unless a cue of another property applying to a GPU is there;
# a word another property needs ("depreciation") named it before and must still. The reviewer's sentence.

def test_an_hourly_depreciation_of_a_gpu_is_no_rent():
    from kb.extract.drafts import extract_text
    drafts = extract_text("The H100's depreciation works out to $0.85 per hour.", load_registry(ROOT))
    assert [(d.entity, d.property) for d in drafts] == [("nvidia-h100", "depreciation-expense")]


def test_an_hourly_cost_of_a_gpu_is_still_its_rent():
    from kb.extract.drafts import extract_text
    drafts = extract_text("The H100 costs $2.99/hour on Lambda.", load_registry(ROOT))
    assert [(d.entity, d.property) for d in drafts] == [("nvidia-h100", "rental-price")]
