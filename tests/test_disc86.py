"""disc86: the scorer of discovery as kb extract runs (kb.tools.arithmetic.match_drafts) matches a
relation's input to its draft where the curated claim's quote stops inside the draft's span, and
where the claim is an upper bound whose interval reaches past the bound it states (the last
digit's precision). Sentences from development articles (r165, r17, r52)."""

from pathlib import Path
from types import SimpleNamespace as NS

from kb.core.intervals import Interval


def _records(text: str) -> list[dict]:
    from kb.extract.drafts import draft_id_prefix, draft_record, extract_text
    from kb.extract.linking import load_registry

    reg = load_registry(Path(__file__).resolve().parent.parent)
    return [draft_record(d, draft_id_prefix("t")) for d in extract_text(text, reg)]


def _quote(text: str, quote: str) -> tuple[int, int]:
    s = text.index(quote)
    return s, s + len(quote)


def test_a_draft_whose_span_runs_past_the_quote_is_matched_by_its_number():
    from kb.tools.arithmetic import match_drafts

    # r165: the curators quote "xAI deployed more than 100,000"; the draft's span runs on to the
    # GPUs named after a link ("... Hopper graphics processing units"), where its unit is said
    text = ("In early September, Elon Musk’s xAI deployed more than 100,000 [Nvidia](/market-data/stocks/nvda"
            "?mod=article_chiclet) Hopper graphics processing units. That GPU bill al")
    recs = _records(text)
    (d,) = [r for r in recs if r["unit"] == "GPU" and float(r["value"]) == 100000]
    s, e = _quote(text, "xAI deployed more than 100,000")
    assert int(d["span_end"]) > e  # the draft runs past the quote
    claim = NS(id="xai-gpus", start=s, end=e, value=100000, unit="GPU", interval=Interval(99999.5, float("inf"), "GPU"))
    assert match_drafts([claim], recs) == {d["id"]: "xai-gpus"}
    # a quote that stops before the number's last digits holds no statement of it
    short = NS(id="cut", start=s, end=e - 3, value=100000, unit="GPU", interval=Interval(99999.5, float("inf"), "GPU"))
    assert match_drafts([short], recs) == {}


def test_an_upper_bound_is_matched_at_the_bound_it_states():
    from kb.tools.arithmetic import match_drafts

    # r17: "less than two months" is curated as 0 to 2.5 months (the precision of its last digit:
    # 76.09 days); the draft states the bound, 2 months
    text = ("Consequently, our pre-training stage is completed **in less than two months** and costs 2664K "
            "GPU hours.")
    recs = _records(text)
    (d,) = [r for r in recs if r["unit"] == "month"]
    s, e = _quote(text, "our pre-training stage is completed **in less than two months**")
    claim = NS(id="duration", start=s, end=e, value=2, unit="month", interval=Interval(0.0, 76.09375, "day"))
    assert match_drafts([claim], recs) == {d["id"]: "duration"}
    # a bound of another value is no statement of it
    other = NS(id="other", start=s, end=e, value=3, unit="month", interval=Interval(0.0, 106.53125, "day"))
    assert match_drafts([other], recs) == {}


def test_an_upper_bound_in_years_against_a_later_lower_bound():
    from kb.tools.arithmetic import match_drafts

    # r52: "doubled from <2 years (2000-2007) to >4 years (2018-2024)": the earlier wait, curated as
    # 0 to 30 months, is the draft of "<2 years"; the later one, at least 4 years, is the other
    text = ("Median time from interconnection request to commercial operation doubled from <2 years "
            "(2000-2007) to >4 years (2018-2024)")
    recs = _records(text)
    (early,) = [r for r in recs if r["unit"] == "year" and float(r["value"]) == 2]
    (late,) = [r for r in recs if r["unit"] == "year" and float(r["value"]) == 4]
    claims = [NS(id="wait-early", start=0, end=len(text), value=2, unit="year", interval=Interval(0.0, 30.0, "month")),
              NS(id="wait-late", start=0, end=len(text), value=4, unit="year", interval=Interval(42.0, float("inf"), "month"))]
    assert match_drafts(claims, recs) == {early["id"]: "wait-early", late["id"]: "wait-late"}
