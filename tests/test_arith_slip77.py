"""Proposals a cost write-up's units rule out (kb.extract.arith: _CLOCK_SPAN_RE, _count_times_amount).

From a GPU-hours estimate for an 8x H100 node: "| Hours 1-1.5 | 8×H100 | SFT training | $16 |" is
the half hour from hour 1 to hour 1.5, no duration of 1 to 1.5 hours, so it times no hourly rate;
"Hour 8-10:  Documentation (0 GPUs) = $64" is two hours at "$32" an hour, not "2 GPUs" times
"$32": a count of things times a money amount is a money amount only where the amount is each
thing's ("$30,000 each"), and "$128" over "$64" is a pure number, not "2 GPUs".
"""
from __future__ import annotations

from conftest import NODE_COST_BLOCK, number_records as _recs, relation_of as _rel

from kb.extract.arith import propose


_RATES = ("### AWS p5.48xlarge Pricing:\n"
          "- **On-demand rate:** ~$32.77/hour\n"
          "- **Spot rate:** ~$10-15/hour (70% savings, but can be interrupted)\n\n")


def test_a_span_of_clock_hours_is_no_duration():
    # 1-1.5 hours × $10-15/hour would make $16; the row means the half hour from hour 1 to 1.5
    text = (_RATES + "#### Active GPU Time Breakdown:\n"
            "| Hours 1-1.5 | 8×H100 | SFT training | $16 |\n"
            "| Hours 1.5-5.5 | 1×H100 | Extensions (testing) | $16 |\n")
    spec = [("od", "$32.77/hour", 32.77, "USD/hour", "approx"),
            ("spot", "$10-15/hour", (10, 15), "USD/hour", "range"),
            ("sav", "70%", 70, "percent", "exact"),
            ("h1", "1-1.5", (1, 1.5), "hour", "range"), ("c1", "$16", 16, "USD", "exact"),
            ("h2", "1.5-5.5", (1.5, 5.5), "hour", "range"), ("c2", "$16", 16, "USD", "exact")]
    ps = propose(text, _recs(text, spec))
    assert _rel(ps, "c1") is None and _rel(ps, "c2") is None
    assert not any("h1" in p.inputs.values() or "h2" in p.inputs.values() for p in ps)


def test_a_duration_range_still_times_a_rate():
    # "Training time: 1-2 hours" with "$0.75-1.00/hour" makes "Cost: ~$1.50-2.00"
    text = ("**A10G Training:**\n- A10G: ~$0.75-1.00/hour\n- Training time: 1-2 hours\n"
            "- Cost: ~$1.50-2.00\n")
    spec = [("r", "$0.75-1.00/hour", (0.75, 1.0), "USD/hour", "range"),
            ("h", "1-2 hours", (1, 2), "hour", "range"), ("c", "$1.50-2.00", (1.5, 2.0), "USD", "range")]
    ps = propose(text, _recs(text, spec))
    assert _rel(ps, "c") is not None


_BILLING = NODE_COST_BLOCK


def test_a_count_of_gpus_times_an_amount_is_no_amount():
    text = _BILLING
    spec = [("u0", "$32", 32, "USD", "exact"), ("n1", "8 GPUs", 8, "GPU", "exact"), ("u1", "$32", 32, "USD", "exact"),
            ("n2", "1 GPU", 1, "GPU", "exact"), ("u2", "$128", 128, "USD", "exact"),
            ("h2", "4 hours", 4, "hour", "exact"), ("p2", "$32", 32, "USD", "exact"),
            ("n3", "8 GPUs", 8, "GPU", "exact"), ("u3", "$32", 32, "USD", "exact"),
            ("n4", "2 GPUs", 2, "GPU", "exact"), ("u4", "$32", 32, "USD", "exact"),
            ("n5", "0 GPUs", 0, "GPU", "exact"), ("u5", "$64", 64, "USD", "exact"),
            ("t", "$320", 320, "USD", "exact"), ("s", "~$160-200", (160, 200), "USD", "range")]
    ps = propose(text, _recs(text, spec))
    for p in ps:
        ins = set(p.inputs.values())
        # "2 GPUs" times "$32" (or "$160-200") is no "$64" (or "$320"); "$128" over "$64" no "2 GPUs"
        assert not ({"n4", "n1", "n2", "n3"} & ins and p.unit == "USD"), (p.target, p.with_numbers)
        assert p.target not in ("n1", "n2", "n3", "n4"), (p.target, p.with_numbers)


def test_a_count_times_each_ones_amount_is_an_amount():
    # "$30,000 each": the amount is each GPU's
    text = "The node holds 8 GPUs at $30,000 each, so the hardware comes to $240,000 before networking.\n"
    spec = [("n", "8 GPUs", 8, "GPU", "exact"), ("p", "$30,000", 30000, "USD", "exact"),
            ("t", "$240,000", 240000, "USD", "exact")]
    ps = propose(text, _recs(text, spec))
    assert _rel(ps, "t") is not None


def test_a_per_gpu_row_is_the_total_over_the_gpus():
    # "| **Per-GPU CapEx** | **$60,938** |": $3,900,000 over 64 GPUs, each GPU's amount
    text = ("The cluster has 64 GPUs in 8 servers.\n\n"
            "| Item | SXM | PCIe |\n|---|---|---|\n"
            "| **Total CapEx** | **$3,900,000** | **$2,738,000** |\n"
            "| **Per-GPU CapEx** | **$60,938** | **$42,781** |\n")
    spec = [("n", "64 GPUs", 64, "GPU", "exact"), ("s", "8 servers", 8, "server", "exact"),
            ("t1", "$3,900,000", 3900000, "USD", "exact"), ("t2", "$2,738,000", 2738000, "USD", "exact"),
            ("p1", "$60,938", 60938, "USD", "exact"), ("p2", "$42,781", 42781, "USD", "exact")]
    ps = propose(text, _recs(text, spec))
    assert _rel(ps, "p1") == ("a / b", {"a": "t1", "b": "n"}) or _rel(ps, "t1") == ("a * b", {"a": "p1", "b": "n"}) \
        or _rel(ps, "t1") == ("a * b", {"a": "n", "b": "p1"})


def test_an_amount_over_an_amount_written_out_is_a_count():
    # "$100,000 / $600 == 166 users": the division written between them
    text = "$50/month * 12 months in year = $600 per month per user\n\n$100,000 / $600 == 166 users\n"
    spec = [("m", "$50/month", 50, "USD/month", "exact"), ("k", "12 months", 12, "month", "exact"),
            ("y", "$600", 600, "USD", "exact"), ("b", "$100,000", 100000, "USD", "exact"),
            ("d", "$600", 600, "USD", "exact"), ("u", "166 users", 166, "user", "exact")]
    ps = propose(text, _recs(text, spec))
    assert _rel(ps, "u") == ("a / b", {"a": "b", "b": "d"})


def test_two_systems_prices_are_no_count_times_the_other():
    # "$7500 Complete System" for "2 x Nvidia 4090" and "$15,000 1U System" for "2 x A10G": 2 × $7,500
    # is a coincidence, not the A10G system's price
    text = ('    title2="2 x Nvidia 4090",\n    data2="38 t/s",\n    description2="$7500 Complete System",\n'
            '    title3="2 x A10G",\n    data3="41.2 t/s",\n    description3="$15,000 1U System (Estimated)"\n')
    spec = [("n1", "2 x", 2, "GPU", "exact"), ("s1", "38 t/s", 38, "token/s", "exact"),
            ("c1", "$7500", 7500, "USD", "exact"), ("n2", "2 x", 2, "GPU", "exact"),
            ("s2", "41.2 t/s", 41.2, "token/s", "exact"), ("c2", "$15,000", 15000, "USD", "exact")]
    ps = propose(text, _recs(text, spec))
    assert _rel(ps, "c2") is None and _rel(ps, "c1") is None


def test_an_amount_before_the_things_it_prices_is_each_ones():
    # "$2.25B CapEx for 2.25M $1000 GPUs.": $1000 a GPU
    text = "$2.25B CapEx for 2.25M $1000 GPUs.\n\nAt $0.05/kWh, it's $34k/hr to operate.\n"
    spec = [("t", "$2.25B", 2.25e9, "USD", "exact"), ("n", "2.25M", 2.25e6, "GPU", "exact"),
            ("p", "$1000", 1000, "USD", "exact")]
    ps = propose(text, _recs(text, spec))
    assert _rel(ps, "t") is not None


_ACTIVE = ("**GPU active time:** ~2.5 hours (29% of 10 hours)\n**Actual GPU-hours:** ~19 GPU-hours\n\n"
           "### Total Cost:\nOn-demand: 8.5 hours × $32.77 = $278\n\n"
           "### 4. Sequential Execution\n- Train SFT first (0.5h, 8 GPUs) = 4 GPU-hours\n"
           "- Implement extensions on CPU (4h) = 0 GPU-hours\n- Test everything (1h, 8 GPUs) = 8 GPU-hours\n"
           "- **Total:** 12 GPU-hours\n")


def test_a_share_of_a_named_whole_is_no_share_of_another(project_registry):
    # drafted as kb extract drafts them: "29% of 10 hours" is no 2.5 hours over another number of
    # hours, and 29% of "12 GPU-hours" is no "4 GPU-hours"
    from kb.extract.drafts import draft_record, extract_text
    text = ("| Hours 6.5-7.5 | 2×H100 | Validation | $4 |\n| Hours 7.5-10 | CPUs only | Documentation | $0 |\n\n"
            + _ACTIVE)
    records = [draft_record(d, "f2-") for d in extract_text(text, project_registry)]
    ps = propose(text, records)
    at = {str(r["id"]): text[r["span_start"]:r["span_end"]] for r in records}
    share = next(k for k, v in at.items() if v.startswith("29%"))
    assert ps, "the other relations of the excerpt are proposed"
    for p in ps:
        if share in p.inputs.values() or p.target == share:
            assert any(at.get(x, "").startswith("10 hours") for x in (p.target, *p.inputs.values())), p.with_numbers


def test_a_share_of_its_named_whole_is_kept():
    # "~2.5 hours (25% of 10 hours)": 2.5 over 10
    text = "**GPU active time:** ~2.5 hours (25% of 10 hours)\n"
    spec = [("a", "~2.5 hours", 2.5, "hour", "approx"), ("s", "25%", 25, "percent", "exact"),
            ("w", "10 hours", 10, "hour", "exact")]
    ps = propose(text, _recs(text, spec))
    assert any({p.target, *p.inputs.values()} == {"a", "s", "w"} for p in ps)
