"""miss59: numbers read with the right value and the wrong unit, or not read (designed on dev-B).

- An article that prices accelerators by the hour ("H100s were $8/hr") and then drops the
  "/hr": a bare small amount in a sentence that prices, rents or sells ("If you price it below
  $2.25", "resale markets selling them under $2") or right before the GPUs it prices ("$2
  H100s") or that opens a list item ("- **>$2.85**: Beat stock market IRR") is an hourly price.
- A sentence whose subject is a cost per something ("Cost per task varies by more than 800x ...,
  from over $31 for the leader down to about $0.04") gives its amounts that denominator; so does
  "each <thing> costs" before an amount, and "each one costs" the requests the sentence counted
  ("Every post automatically generates 4 images, and ..., each one costs $0.134").
- A dollar amount marked by its country's name or "CDN" after it ("$800 (Canadian)", "$1000 CDN")
  counts as a mark of the article's own dollar, as "C$40" does.
- A run rate named as a sentence's subject gives the first amount after its verb of reaching
  its year ("yearly run rate — a measure of ... — hit the $2bn milestone").
- Bits per weight written out ("(4.25 bits per parameter)") are a claim wherever they stand, and
  so are bits a model is held "in" ("a 672-billion-parameter model in 4-bit form"); a technique
  named ("with 4-bit quantization") stays no claim.
- A bare amount right before a named plan ("a fully utilized $200 ChatGPT Pro plan"), in an
  article that prices by the month, is the plan's monthly price.
- A training run's steps ("65k training steps were performed", "with 20k steps") and a
  benchmark's tasks ("against 91 private tasks") are counts of items.
"""
from __future__ import annotations

from conftest import value_units

_read = value_units

# the hourly prices the article gives first (r153's opening lines)
_HOURLY_LEAD = ("### Last year, H100s were $8/hr if you could get them. Renting H100s at $4/hr was common. "
                "The original rental rates of H100 started at approximately $4.70 an hour.\n\n")


def test_bare_price_in_an_hourly_article_is_hourly():
    got = _read(_HOURLY_LEAD + "There is a lot against you, if you price it below $2.25, depending on your OPEX.\n\n"
                "If you price it too high >= $3, you might not be able to get sufficient buyers.\n\n"
                "Today, there's 7 different resale markets selling them under $2. What happened?\n\n"
                "# $2 H100s: How the GPU Bubble Burst\n")
    assert (2.25, "USD/hour") in got
    assert (3.0, "USD/hour") in got
    assert (2.0, "USD/hour") in got
    assert (2.25, "USD") not in got and (2.0, "USD") not in got


def test_list_item_opening_with_an_amount_in_an_hourly_article():
    got = _read(_HOURLY_LEAD + "**In summary, for an on-demand workload**\n\n"
                "- **>$2.85**: Beat stock market IRR\n- **<$1.65**: Expect loss in investment\n")
    assert (2.85, "USD/hour") in got
    assert (1.65, "USD/hour") in got


def test_term_in_years_does_not_block_the_hourly_reading():
    got = _read(_HOURLY_LEAD + "If you are paying $3 or $4 per hour for your H100, for the next 3 years, "
                "locked into a contract.\n")
    assert (3.0, "USD/hour") in got


def test_no_hourly_reading_without_hourly_prices_or_for_other_amounts():
    # one hourly price is no article priced by the hour
    got = _read("H100s were $8/hr last year. If you price it below $2.25, you risk being unprofitable.\n")
    assert (2.25, "USD") in got
    # a bare amount beside a period, a token price or a large sum keeps its own unit
    got = _read(_HOURLY_LEAD + "The plan's price is $10 a month for most users.\n\n"
                "API prices are $2.50 per million input tokens.\n\n"
                "They sell the server for $250,000.\n")
    assert (10.0, "USD/hour") not in got
    assert (2.5, "USD/hour") not in got
    assert (250000.0, "USD/hour") not in got


def test_cost_per_subject_of_the_sentence():
    got = _read("Cost per task varies by more than 800x across every model tested, from over $31 for the leader "
                "down to about $0.04 for a quantized DeepSeek variant that never reaches frontier quality.\n")
    assert (31.0, "USD/query") in got
    assert (0.04, "USD/query") in got


def test_each_one_costs_is_per_request_counted():
    got = _read("Every post automatically generates 4 images, and with Gemini 3 Pro, each one costs **$0.134**. "
                "That's $0.54 per post.\n")
    assert (0.134, "USD/query") in got
    assert (0.134, "USD") not in got
    # nothing counted before "each one": no denominator to give
    got = _read("We bought three servers and each one costs $12,000.\n")
    assert (12000.0, "USD") in got


def test_canadian_named_after_the_amount_marks_the_articles_dollar():
    got = _read("I set up a search on Kijiji and there are usually a few 3090s for sale, usually around $1000 to $1200.\n\n"
                "Eventually, I saw another ad for a used 3090 for $800 (Canadian) and contacted them about it.\n\n"
                "In the end, I paid them $800 cash and took the card home.\n\n"
                "So far, I've spent about $1000 CDN on this, which isn't too bad.\n")
    assert (800.0, "CAD") in got
    assert ((1000.0, 1200.0), "CAD") in got
    assert (1000.0, "CAD") in got
    assert not any(u == "USD" for _, u in got)
    # one such mark alone is no article written in that dollar
    got = _read("The card sold for $800 (Canadian) in Toronto; in the US it lists at $1,499.\n")
    assert (1499.0, "USD") in got


def test_run_rate_subject_gives_its_year_to_the_amount_it_reached():
    got = _read("The San Francisco-based start-up's yearly run rate — a measure of the previous month's revenue "
                "multiplied by 12 — hit the $2bn milestone in December 2023, according to two people.\n")
    assert (2.0, "billion USD/year") in got
    # the amount of something else later in the sentence keeps its own unit
    got = _read("Its run rate hit $5 billion, while its costs reached $3 billion.\n")
    assert (3.0, "billion USD") in got


def test_bits_per_parameter_written_out_and_in_n_bit_form():
    got = _read("Uses ~10.6 GB for model parameters due to MXFP4 quantization (4.25 bits per parameter), "
                "with KV cache scaling linearly with prompt size.\n")
    assert (4.25, "bit/parameter") in got
    got = _read("Practically speaking, a **672-billion-parameter** model in 4-bit form (weights + KV cache) *can* "
                "shoehorn into 512 GB of unified memory.\n")
    assert (4.0, "bit/parameter") in got
    assert not any(u == "bit/parameter" for _, u in _read("We fine-tune it with 4-bit quantization and QLoRA.\n"))


def test_named_plan_price_is_monthly():
    got = _read("SemiAnalysis bought every consumer tier: a fully utilized $200 ChatGPT Pro plan, valued at published "
                "API rates, would cost up to $14,000 a month, a 70x gap.\n")
    assert (200.0, "USD/month") in got
    # no month named anywhere: the amount keeps its own unit
    assert (200.0, "USD") in _read("They sold the $200 Founder Edition plan to early backers.\n")


def test_training_steps_and_benchmark_tasks_are_counted():
    got = _read("65k training steps were performed with a batch size of 32 samples per device. With 20k steps we "
                "got a similar loss convergence to the 65k steps of the previous runs.\n")
    assert (65.0, "K item") in got
    assert (20.0, "K item") in got
    got = _read("AA-Briefcase ran frontier models against 91 private tasks across four multi-week projects.\n")
    assert (91.0, "item") in got
    # a rate of steps is no count of them
    assert not any(u.endswith("item") for _, u in _read("Training ran at 3.2 steps/s on each node.\n"))
