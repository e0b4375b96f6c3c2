"""Which percent a percentage is: a part of a whole (``share``), the share of a group of people or
organisations in a status (``adoption-share``), or a change.

- ``adoption-share`` needs a word naming such a group or adopting (``needs:`` in
  datasets/properties/usage.yaml): a bare part of a whole ("30-40% of total power", "40% for
  training") is a ``share``.
- A percentage followed by "of" and the whole it is a part of ("could increase to as much as 12%
  of US power") is no change or growth rate, whatever verb of change is near (``OF_WHOLE_RE``,
  ``_guess_property``'s ``whole``); "up 12%" stays a change.

Sentences from dev-A articles (named in each test).
"""
from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text
from kb.extract.linking import OF_WHOLE_RE


def _percents(reg, text):
    return [(d.raw, d.property) for d in extract_text(text, reg) if d.unit == "percent"]


def test_a_share_at_a_later_date_is_no_change(project_registry):
    # r12-ai-electricity-footprint
    text = ("Further, data centres in the US used about 4.4% of the nation’s power in 2023, and could "
            "increase to as much as 12% of US power by 2028 [^5].")
    assert [p for _, p in _percents(project_registry, text)] == ["share", "share"]


def test_less_than_a_part_of_a_bill_is_a_share(project_registry):
    # r54-self-hosting-economics
    text = "If the self-hosted monthly cost is less than 60% of your API bill, it's probably worth it."
    assert [p for _, p in _percents(project_registry, text)] == ["share"]


def test_a_part_of_the_worlds_electricity_is_a_share(project_registry):
    # r74-data-center-water
    text = "In 2022, data centers made up about 1 to 1.3% of the world's electricity consumption."
    assert [p for _, p in _percents(project_registry, text)] == ["share"]


def test_a_rise_without_a_whole_stays_a_change(project_registry):
    # r74-data-center-water
    text = ("Microsoft's 2022 sustainability report mentions that their 2022 water consumption leapt 34% "
            "from 2021. Considering there was only a 13% increase from 2020 to 2021, this is a big jump.")
    assert [p for _, p in _percents(project_registry, text)] == ["change", "change"]


def test_part_of_total_power_is_a_share_not_an_adoption_share(project_registry):
    # r51-megawatt-economics
    text = "In high-density AI racks, thermal management can consume 30–40% of total power."
    assert [p for _, p in _percents(project_registry, text)] == ["share"]


def test_a_part_of_energy_use_for_training_is_a_share(project_registry):
    # r43-ai-new-hotness
    text = ("similarly, a 2022 study from Google attributed 60% of its ML energy use to inference, "
            "compared to 40% for training.")
    assert [p for _, p in _percents(project_registry, text)] == ["share", "share"]


def test_a_share_of_global_generation_is_a_share(project_registry):
    # r74-data-center-water
    text = ("They believe that AI will propel data center share to 4.5% of global energy generation by 2030.")
    assert [p for _, p in _percents(project_registry, text)] == ["share"]


def test_a_share_of_companies_using_a_thing_is_an_adoption_share(project_registry):
    # the property's own reading (datasets/properties/usage.yaml: a population in a status); no
    # dev-A article has one
    text = "About 40% of enterprises have adopted generative AI in production."
    assert [p for _, p in _percents(project_registry, text)] == ["adoption-share"]


@pytest.mark.parametrize("after, whole", [
    (" of US power by 2028", True),
    (" of total ML cloud computing demand", True),
    (" of your API bill", True),
    ("** of the world's electricity", True),
    (" of growth", False),
    (" of improvement in throughput", False),
    (" from 2021", False),
    (" off", False),
    (" of which most came from API sales", False),  # (the percentage is the whole here)
])
def test_of_whole(after, whole):
    assert (OF_WHOLE_RE.match(after) is not None) is whole


def test_improving_by_a_percentage_is_a_change(project_registry):
    # r94-pytorch-fsdp-throughput
    text = ("batch size is 1 million tokens per batch for 128 GPUs and improves throughput by about 10% "
            "when compared to activation checkpointing.")
    assert [p for _, p in _percents(project_registry, text)] == ["change"]


def test_a_noun_of_change_is_a_whole_word(project_registry):
    # "40% of enterprises": no "rises" in "enterprises" (kb.core.grammar's _PCT_AFTER_RE)
    from kb.core.grammar import parse_at
    text = "About 40% of enterprises have adopted generative AI."
    q = parse_at(text, text.index("40"))
    assert q is not None and q.percent and q.compare is None
    text = "A 40% rise in prices."
    assert parse_at(text, text.index("40")).compare == "up"
