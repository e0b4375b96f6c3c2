"""Which duration is it, and a power draw against a TDP (``_guess_property`` in
kb/extract/linking.py, ``needs:``/``cues:`` in datasets/properties/).

- A time between releases (``release-interval``) needs a word of releases or generations: a span
  over which money is spent, or a latency, is none.
- A training run's length (``training-duration``) is the plain reading of a duration, but it
  yields to a property whose own needed words are near (a payback, a construction, a release)
  unless a word of training is near too (``_FALLBACKS``).
- A rated maximum (``tdp``) yields to a measured draw named by its words unless its own words
  (TDP, rated, thermal design) are near.

Sentences from dev-A articles (named in each test).
"""
from __future__ import annotations

from kb.extract.drafts import extract_text


def _props(reg, text, units):
    return [(d.raw, d.property) for d in extract_text(text, reg) if d.unit in units]


_TIME = ("min", "minute", "hour", "hr", "hrs", "day", "week", "month", "year", "s", "second", "ms")
_POWER = ("W", "kW", "watt", "MW")


def test_a_spend_over_three_months_is_no_release_interval(project_registry):
    # r69-big-tech-ai-spending
    text = ("The three largest cloud providers in the US, plus Meta, spent a combined **$112 billion in "
            "just the past three months** on capital expenditures.")
    props = [p for _, p in _props(project_registry, text, _TIME)]
    assert props and "release-interval" not in props


def test_running_a_model_for_years_is_no_release_interval(project_registry):
    # r120-ai-electricity-costs-essay
    text = ("Nvidia's current figures would mean a $4bn expense on training per model alone, and nearly "
            "$600m in electricity to run one instance of that new model for 3 years.")
    props = [p for _, p in _props(project_registry, text, _TIME)]
    assert props and "release-interval" not in props


def test_milliseconds_between_gpus_are_no_release_interval(project_registry):
    # r03-h100-inference-breakdown
    text = ("We can predict that this will not be comms bound, it'll be the same 11 ms between the "
            "fast-connection gpus, and then almost nothing for that jump in the middle.")
    props = [p for _, p in _props(project_registry, text, _TIME)]
    assert props and "release-interval" not in props


def test_a_training_run_stays_a_training_duration(project_registry):
    # r19-welcome-mixtral
    text = "This takes about 48 hours to train on a single A100, but can be easily parallelised."
    assert [p for _, p in _props(project_registry, text, _TIME)][:1] == ["training-duration"]


def test_a_break_even_time_is_no_training_duration(project_registry):
    # r126-self-hosted-vs-parasail-costs
    text = "**Example:** If you run one 200K batch per week, you break even in **~15 months**."
    props = [p for raw, p in _props(project_registry, text, _TIME) if "15" in raw]
    assert props and props[0] in ("payback-period", "time-to-breakeven")


def test_a_rig_in_a_table_of_power_draw_is_no_tdp(project_registry):
    # r67-local-vs-api-cost: the column is headed "Power draw", the heading names rigs (a word
    # power-draw needs) and no TDP word is near: the rated maximum is not the reading
    text = ("## Local Energy Cost Model (27GB VRAM rigs)\n\n"
            "| Rig | Power draw (W) | Cost per hour (USD) | Tokens/sec (est.) | Notes |\n"
            "| --- | --- | --- | --- | --- |\n"
            "| RTX 3090 workstation | 350W | $0.058/hr | 8–15 t/s | Q5_K_M Qwen3-32B |\n"
            "| RTX 4090 workstation | 450W | $0.074/hr | 15–25 t/s | Faster inference |\n"
            "| Mac Studio (M2 Ultra) | 295W | $0.049/hr | 10–18 t/s | Unified memory advantage |\n")
    props = [p for raw, p in _props(project_registry, text, _POWER) if "295" in raw]
    assert props and props[0] != "tdp"


def test_a_measured_draw_beside_a_tdp_keeps_both(project_registry):
    # r43-ai-new-hotness names TDP as "the maximum power draw"; a draw and a TDP in one sentence
    # keep each its own reading (the TDP's own word is near it)
    text = "The H100 draws an average of 550 W under load, well below its 700 W TDP."
    assert [p for _, p in _props(project_registry, text, _POWER)] == ["power-draw", "tdp"]


def test_a_tdp_stays_a_tdp(project_registry):
    # r43-ai-new-hotness
    text = ("Llama 2 trained on NVIDIA _A100_-80GB accelerators (TDP of 350 or 400W), and Llama 3 "
            "trained on NVIDIA _H100_-80GB accelerators (TDP of 700W).")
    props = [p for _, p in _props(project_registry, text, _POWER)]
    assert props and set(props) == {"tdp"}
