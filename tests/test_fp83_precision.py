"""False drafts on fresh real writing (issue 14, value+unit precision; fp83): a duration before
"ago" is a date said relative to the writing, and a model family's name in lower case before a
version is a name. Each form is quoted or adapted from a fresh article the rule was made on."""
from kb.extract.drafts import extract_text


def raws(text: str) -> list[str]:
    return [d.raw for d in extract_text(text)]


def test_a_duration_before_ago_is_a_date_not_a_quantity():
    # an X thread on a funding round: when the last round was, not a quantity of anything
    assert raws("That's nearly 2x their last valuation — from just 5 months ago.") == ["nearly 2x"]
    assert raws("5 months ago they raised $13B at $183B valuation.") == ["$13B", "$183B"]
    # spelled: "for computing five years ago", "If you had told me five years ago"
    assert raws("a power number that would have seemed absurd for computing five years ago.") == []


def test_a_duration_ago_that_is_an_age_stays():
    # "since" or a verb of releasing or buying says what the time is the age of
    assert [(d.raw, d.value, d.unit) for d in extract_text(
        "Since OpenAI unleashed ChatGPT on the world two and a half years ago, the company has grown.")] == [
        ("two and a half years", 2.5, "year")]
    assert raws("An H100 purchased 18 months ago sells for less.") == ["18 months"]
    # a duration without "ago" is untouched
    assert raws("It took 5 months to train the model.") == ["5 months"]


def test_a_lower_case_family_name_before_a_version_is_a_name():
    # front matter of a post: "llama 4 models include Behemoth(288B active params ...)"
    text = "llama 4 models include Behemoth and Scout."
    assert raws(text) == []
    assert raws("The claude 3 models are fast.") == []
    # a count of models stays a count
    assert [(d.raw, d.value) for d in extract_text("We tested 4 models including Llama.")] == [("4 models", 4.0)]


def test_a_unit_symbol_in_brackets_does_not_cut_off_the_rate():
    # energy notes: "Electric Vehicle = 0.35 kWh per mile / 394 kilowatt-hours (kWh) a month"
    assert [(d.raw, d.unit) for d in extract_text("An EV uses 394 kilowatt-hours (kWh) a month.")] == [
        ("394 kilowatt-hours (kWh) a month", "kWh/month")]
    assert [d.unit for d in extract_text("Data centres use 415 terawatt-hours (TWh) per year.")] == ["TWh/year"]
    # a bracketed symbol with no rate after it leaves the amount as it was
    assert [(d.raw, d.unit) for d in extract_text("Data centres used around 415 terawatt hours (TWh) in 2024.")] == [
        ("around 415 terawatt hours", "TWh")]


def test_a_run_rate_near_funding_stays_a_yearly_revenue():
    # a news summary: "... in Series F funding by September 2025, growing from about $1B run-rate in
    # January to over $5B run-rate by August 2025"
    text = ("Anthropic achieved a $183B post-money valuation in Series F funding by September 2025, "
            "growing from about $1B run-rate in January to over $5B run-rate by August 2025.")
    assert [(d.raw, d.unit) for d in extract_text(text)] == [
        ("$183B", "billion USD"), ("about $1B run-rate", "billion USD/year"), ("over $5B run-rate", "billion USD/year")]
    # a yearly investment is still its amount
    assert [d.unit for d in extract_text("Total AI investment could be north of $1T annually.")] == ["trillion USD"]
