"""A money column headed by the work its amounts pay for (session 25, tbl57; designed on the dev-B
half of the real development articles): "| cost to generate 1M tokens ($) |" prices its cells per
the amount of work it names, as "Cost per 1M tokens ($)" does; a column of times headed "Time to
generate 1 M tokens (minutes)" stays a column of minutes. The quotes are from r149, "Llama 2 on
Amazon SageMaker a Benchmark" (Hugging Face blog), shortened to the columns they test.
"""
from __future__ import annotations

from kb.core.grammar import header_unit
from kb.extract.drafts import extract_text

# r149's "Most Cost-Effective Deployment" table, the model, price, time and cost columns
_TABLE = ("### Most Cost-Effective Deployment\n\n"
          "| Model       | On-demand cost ($/h) in us-west-2 | Time to generate 1 M tokens (minutes) "
          "| cost to generate 1M tokens ($) |\n"
          "| ----------- | --------------------------------- | ------------------------------------- "
          "| ------------------------------ |\n"
          "| Llama 2 7B  | $1.52                             | 138.78                                "
          "| $3.50                          |\n"
          "| Llama 2 13B | $1.52                             | 232.43                                "
          "| $5.87                          |\n")


def test_a_cost_to_generate_header_names_its_denominator():
    q = header_unit("cost to generate 1M tokens ($)")
    assert (q.cur, q.den, q.den_count) == ("USD", "token", "1m")
    q = header_unit("Cost to process one million tokens")
    assert (q.den, q.den_count) == ("token", "million")


def test_a_time_to_generate_header_stays_a_time():
    q = header_unit("Time to generate 1 M tokens (minutes)")
    assert q.atom == "min" and q.den is None and q.cur is None


def test_a_cost_to_do_without_an_amount_names_no_denominator():
    # "Cost to train ($)": no amount of work, so no rate
    q = header_unit("Cost to train ($)")
    assert q.cur == "USD" and q.den is None


def test_the_cost_column_cells_are_prices_per_million_tokens(project_registry):
    by_raw = {}
    for d in extract_text(_TABLE, project_registry):
        by_raw.setdefault(d.raw, d)
    for raw in ("$3.50", "$5.87"):
        assert by_raw[raw].unit == "USD per 1M tokens", by_raw[raw].unit
    assert by_raw["$1.52"].unit == "USD/hour"
    assert by_raw["138.78"].unit == "min"


# r149's "Best Latency Deployment" table: the median latency per token (16.81 ms) is not the
# inverse of the throughput (61.46 tokens/s is 16.27 ms a token): two measures, 3% apart, not one
# rounded. The cost column follows from the price and the minutes, which follow from the
# throughput: discovery finds those relations and proposes no slip on the hourly prices.
_LATENCY_TABLE = (
    "### Best Latency Deployment\n\n"
    "| Model       | Latency (ms/token) median | Thorughput (tokens/second) | On-demand cost ($/h) in us-west-2 "
    "| Time to generate 1 M tokens (minutes) | cost to generate 1M tokens ($) |\n"
    "| ----------- | ------------------------- | -------------------------- | --------------------------------- "
    "| ------------------------------------- | ------------------------------ |\n"
    "| Llama 2 7B  | 16.812526                 | 61.45733054                | $7.09                             "
    "| 271.19                                | $32.05                         |\n"
    "| Llama 2 13B | 21.002715                 | 47.15736567                | $7.09                             "
    "| 353.43                                | $41.76                         |\n"
    "| Llama 2 70B | 41.348543                 | 24.5142928                 | $37.69                            "
    "| 679.88                                | $427.05                        |\n")


def test_the_cost_cells_follow_from_price_and_minutes_with_no_slip(project_registry):
    from kb.extract.arith import propose
    from kb.extract.drafts import draft_id_prefix, draft_record

    records = [draft_record(d, draft_id_prefix("t")) for d in extract_text(_LATENCY_TABLE, project_registry)]
    raw_of = {str(r["id"]): r["raw"] for r in records}
    props = propose(_LATENCY_TABLE, records)
    assert not [p for p in props if p.verdict != "consistent"]
    costs = {raw_of.get(p.target) for p in props if p.unit == "USD per 1M tokens"}
    assert {"$32.05", "$41.76", "$427.05"} <= costs


# r149's "Most Cost-Effective Deployment" rows with their instance column
_RUNS = ("| Model       | Quantization | Instance       | On-demand cost ($/h) in us-west-2 "
         "| cost to generate 1M tokens ($) |\n"
         "| ----------- | ------------ | -------------- | --------------------------------- "
         "| ------------------------------ |\n"
         "| Llama 2 7B  | GPTQ         | g5.2xlarge     | $1.52                             "
         "| $3.50                          |\n"
         "| Llama 2 70B | GPTQ         | ml.g5.12xlarge | $7.09                             "
         "| $59.08                         |\n")


def test_the_cost_of_the_work_in_a_run_row_naming_its_instance_is_the_runs(project_registry):
    by_raw = {d.raw: d for d in extract_text(_RUNS, project_registry)}
    for raw in ("$3.50", "$59.08"):
        d = by_raw[raw]
        assert d.unit == "USD per 1M tokens" and d.entity is None and d.entity_new, (raw, d.entity)


def test_a_model_row_without_an_instance_keeps_its_model(project_registry):
    # written for the test: no instance in the row, so the cost stays the row model's
    text = ("| Model       | cost to generate 1M tokens ($) |\n"
            "| ----------- | ------------------------------ |\n"
            "| Llama 2 7B  | $3.50                          |\n")
    d = {d.raw: d for d in extract_text(text, project_registry)}["$3.50"]
    assert d.entity == "llama-2-7b"
