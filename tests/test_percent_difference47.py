"""A percent difference in prose ("57% faster", "20% less") drafts as a signed `change` in
percent, as in a table cell (docs/data-format.md's *percent difference*); its exceptions stay:
a speed-up stated of a time ("30% faster TTFT") is a ratio of the times, a noun of a relative
difference ("a 60% premium") a ratio, and "cheaper" said of a pricing scheme against its list
price ("Spot instances: 90% cheaper") a `price-discount`."""
import pytest

from kb.extract.drafts import extract_text

PROPS = [{"id": "change", "name": "Change", "canonical_unit": "percent"},
         {"id": "ratio", "name": "Ratio", "canonical_unit": "x"},
         {"id": "price-discount", "name": "Price discount", "canonical_unit": "percent"}]


def _one(text):
    drafts = extract_text(text, [], PROPS)
    assert len(drafts) == 1, drafts
    d = drafts[0]
    return d.value, d.low, d.high, d.unit, d.property


@pytest.mark.parametrize("text,expected", [
    ("The new kernel is 57% faster than the old one.", (57, None, None, "percent", "change")),
    ("The fine-tuned model needs 40% more capital.", (40, None, None, "percent", "change")),
    ("It uses 20% less memory than the baseline.", (-20, None, None, "percent", "change")),
    ("The distilled model is 40% smaller.", (-40, None, None, "percent", "change")),
    ("The multi-model setup is 50% cheaper than one model alone.", (-50, None, None, "percent", "change")),
    ("Operators see 15-25% higher returns on invested capital.", (None, 15, 25, "percent", "change")),
    ("Racks draw 20-30% lower power.", (None, -30, -20, "percent", "change")),
])
def test_a_percent_difference_in_prose_is_a_signed_change(text, expected):
    assert _one(text) == expected


def test_a_speed_up_of_a_time_stays_a_ratio_of_the_times():
    assert _one("The small model shows 30% faster TTFT on the same GPU.")[3:] == ("x", "ratio")
    assert _one("The small model shows 30% faster TTFT on the same GPU.")[0] == pytest.approx(1.3)


def test_a_noun_of_a_relative_difference_stays_a_ratio():
    assert _one("Buyers pay a 60% premium for the faster card.")[0::3] == (pytest.approx(1.6), "x")


def test_cheaper_said_of_a_pricing_scheme_is_a_price_discount():
    assert _one("3. **Spot instances**: 90% cheaper but risk of termination") == (90, None, None, "percent", "price-discount")
    assert _one("Reserved capacity is 40-60% cheaper than the list price.") == (None, 40, 60, "percent", "price-discount")
    # without a pricing scheme before it, "cheaper" is a change; a scheme after another clause does not count
    assert _one("Batch jobs are 50% cheaper per token.")[3:] == ("percent", "change")
    assert _one("We kept spot nodes. The cluster is 30% cheaper now.")[3:] == ("percent", "change")
