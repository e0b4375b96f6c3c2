"""tabnum86: a table number whose unit stands only in a machine's column name.

- "| gpu | usd_per_hour | provider_id |" over "| NVIDIA T4 | 0.3500 | replicate |": the header's
  words are joined by underscores (a snake_case column name) and its currency code is in lower
  case; it was read as one glued word ("usdperhour"), no unit, and the prices got no draft. It
  now reads as "USD per hour". An id column ("provider_id", "sku") still gives no unit.
"""
from __future__ import annotations

from kb.core.grammar import header_unit
from kb.extract.drafts import extract_text


def _unit(header):
    q = header_unit(header)
    return None if q is None else (q.cur, q.atom, q.den)


def test_snake_case_headers_read_as_words():
    assert _unit("usd_per_hour") == ("USD", None, "hour")
    assert _unit("cost_per_hour_usd") == ("USD", None, "hour")
    assert _unit("latency_ms") == (None, "ms", None)
    assert _unit("tokens_per_second") == (None, "token", "s")


def test_snake_case_id_and_name_columns_name_no_unit():
    assert header_unit("provider_id") is None
    assert header_unit("model_name") is None
    assert header_unit("sku") is None


def test_emphasis_underscores_still_dropped():
    # "_Price ($/hr)_": underscores around a header are emphasis, not a joined word
    assert _unit("_Price ($/hr)_") == _unit("Price ($/hr)")
    assert _unit("__Latency (ms)__") == (None, "ms", None)


# An excerpt of a "GPU Market Daily Report" (generated 2025-10-17, collected by helper tabent86 in
# session 45: its "Cheapest per GPU" table, first rows).
_MARKET = """\
## Cheapest per GPU

| gpu | usd_per_hour | provider_id | region | sku |
| --- | --- | --- | --- | --- |
| NVIDIA T4 | 0.3500 | replicate | us | t4 |
| RTX 3090 | 0.4800 | vast_ai | us-east | vast-1 |
| A100 80GB | 3.2000 | lambda | us-west-1 | gpu_1x_a100_80g |
"""


def test_usd_per_hour_column_drafted(project_registry):
    drafts = {d.raw: d for d in extract_text(_MARKET, project_registry)}
    for raw, value in (("0.3500", 0.35), ("0.4800", 0.48), ("3.2000", 3.2)):
        assert raw in drafts, sorted(drafts)
        assert drafts[raw].value == value
        assert drafts[raw].unit == "USD/hour"


def test_id_cells_stay_undrafted(project_registry):
    raws = {d.raw for d in extract_text(_MARKET, project_registry)}
    # the sku and region cells ("t4", "vast-1", "us-west-1", "gpu_1x_a100_80g") are names, not numbers
    assert not raws & {"1", "4", "80", "-1", "1x"}, raws
