"""Numbers that parse like quantities but are no claims (issue 14, precision on unseen writing):
configuration labels, a card's memory variant in its name, quarters of a year, plural model
numbers. Each sentence below is written for the test."""
from kb.extract.drafts import extract_text


def raws(text: str) -> list[str]:
    return [d.raw for d in extract_text(text)]


def test_a_glued_gpu_count_that_is_a_label_is_no_count():
    # a configuration named as an identifier: its hyphen goes on ("2xL40S-48GB-PCIe"), or it is code
    table = "| Setup | Price |\n|---|---|\n| 2xL40S-48GB-PCIe | $1.90/hr |\n| 4xL40S-48GB-PCIe | $3.70/hr |\n"
    assert raws(table) == ["$1.90/hr", "$3.70/hr"]
    assert raws("Our `4xH200` runs 1.8x faster than the old box.") == ["1.8x"]
    # but a glued count standing as a word, or written with a space, still counts GPUs
    assert [(d.raw, d.value, d.unit) for d in extract_text("We bought a 4xB200 box.")] == [("4x", 4.0, "GPU")]
    assert [(d.raw, d.unit) for d in extract_text("We rented 8x H100-80GB nodes.")] == [("8x", "GPU")]


def test_a_memory_size_in_a_cards_name_is_no_claim():
    assert raws("### A100 (40GB) rental prices\n\nIt rents at $1.10 an hour.\n") == ["$1.10 an hour"]
    assert raws("- H200 (141GB): $3.20/hr\n") == ["$3.20/hr"]
    assert raws("One A100 80GB can serve the model.") == []
    assert raws("An L40S 48GB: $0.95/hr on demand.") == ["$0.95/hr"]
    # the memory stated of the card is a claim
    assert raws("The A100 has 80GB of memory.") == ["80GB"]
    assert raws("The H100 (80GB of HBM3) costs more.") == ["80GB"]


def test_quarters_of_a_year_are_periods_not_fractions():
    assert raws("In the first three quarters of 2024 the lab lost $3B.") == ["$3B"]
    assert raws("Sales grew for the past two quarters.") == []
    assert raws("It shipped in three quarters of 2023.") == []
    # a fraction of something is still a fraction
    assert [(d.raw, d.value) for d in extract_text("About three quarters of users pay.")] == [
        ("About three quarters", 0.75)]
    assert [d.value for d in extract_text("Three quarters of 2024 revenue came from ads.")] == [0.75]


def test_plural_model_numbers_and_thousands_are_no_seconds():
    assert raws("Gamers run it on 3080s/4080s with 16GB each.") == ["16GB"]
    assert raws("We tried 1000s of prompts.") == []
    assert [(d.raw, d.unit) for d in extract_text("The job took 3600s to finish.")] == [("3600s", "s")]


def test_a_quoted_example_of_a_format_is_no_claim():
    assert raws('Waits show in minutes (e.g., "12 mins") and longer ones in hours.') == []
    assert raws('Rates print per hour, for example "$2.10/hr".') == []
    # an example that is no quoted format is a claim as ever
    assert raws("Some cards are cheap (e.g., $0.50 per hour on spot).") == ["$0.50 per hour"]
    assert raws('He said "it costs $5 per hour".') == ["$5 per hour"]


def test_so_many_times_per_something_is_a_frequency_not_a_multiplier():
    assert raws("The cache is flushed four times per hour.") == []
    assert raws("We retrain the model three times a year.") == []
    assert [(d.raw, d.value, d.unit) for d in extract_text("The new chip is four times faster.")] == [
        ("four times", 4.0, "x")]
