"""The fin61 references (datasets/references/fin61.yaml): cited company finances of the AI build-out
(hyperscalers' capital expenditure, cloud revenue and backlogs, NVIDIA's margins and net income, AMD,
TSMC, CoreWeave), each labelled with the period as the company labels it.

Dev-B sentences they now back: r134's "The net income for the quarter was $12.3 billion" and "The
gross margin expanded to 76%" (NVIDIA, fourth quarter of fiscal 2024) and r69's "Microsoft increased
its quarterly capital expenditure to **$35 billion**" (fiscal Q1 2026, July-September 2025)."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import check_reference_file, printed_numbers, reference_records, references_backing


def _records():
    return reference_records("fin61")


def test_the_file_loads_with_every_reference_and_its_citation(project_kb):
    check_reference_file("fin61", project_kb)


@pytest.mark.parametrize("ref", _records()[1], ids=lambda r: r["id"])
def test_each_value_is_the_one_its_quote_prints(ref):
    """The value appears in the quoted passage as printed ('$88.2 billion', '1,212,788', '75.0%')."""
    assert float(str(ref["value"])) in printed_numbers(ref["locator"])


@pytest.mark.parametrize("ref", _records()[1], ids=lambda r: r["id"])
def test_each_value_is_a_reported_figure_of_a_period_or_a_date(ref):
    """Guidance is never a value; a flow carries its period, a backlog the date it was counted."""
    assert ref["conditions"]["basis"] == "reported"
    if ref["property"] == "order-backlog":
        assert ref["valid_from"] and "period" not in ref["conditions"]
    else:
        assert ref["conditions"]["period"]


@pytest.mark.parametrize("claim_id, ref_id", [
    # r134: "The net income for the quarter was $12.3 billion" (NVIDIA, fourth quarter of fiscal 2024)
    ("r134-net-income-2024q4", "ref-fin61-nvidia-net-income-fy2024-q4"),
    # r134: "The gross margin expanded to 76%"
    ("r134-gross-margin-2024q4", "ref-fin61-nvidia-gross-margin-fy2024-q4"),
    # r69: "Microsoft increased its quarterly capital expenditure to **$35 billion**"
    ("r69-microsoft-capex-quarter", "ref-fin61-microsoft-capex-fy2026-q1"),
])
def test_a_right_number_is_backed_by_the_new_reference(project_kb, project_comparer, claim_id, ref_id):
    assert ref_id in references_backing(project_comparer, project_kb, claim_id)
    assert project_comparer.backed(project_kb.claims_by_id[claim_id])


def test_guidance_is_not_compared_with_the_reported_figure(project_kb, project_comparer):
    """r143's "Gross margins expected: ~75%" (NVIDIA's outlook for fiscal Q4 2026) is a projection:
    the reported 75.0% of that quarter is not its reference."""
    backing = references_backing(project_comparer, project_kb, "r143-gross-margin-q4-outlook")
    assert not any(r.startswith("ref-fin61-") for r in backing)


def test_a_fiscal_quarter_is_not_the_calendar_quarter_of_the_same_number(project_kb, project_comparer):
    """Microsoft's fiscal Q1 2026 is July-September 2025: a figure for calendar 2026-Q1 is another
    quarter; its calendar label 2025-Q3 is the same quarter."""
    fiscal = project_kb.references_by_id["ref-fin61-microsoft-capex-fy2026-q1"]
    calendar = project_kb.references_by_id["ref-fin61-microsoft-capex-2025-q3-calendar"]
    assert not project_comparer.compatible({"period": "2026-Q1"}, fiscal.conditions)
    assert project_comparer.compatible({"period": "FY2026-Q1"}, fiscal.conditions)
    assert project_comparer.compatible({"period": "2025-Q3"}, calendar.conditions)
    assert fiscal.interval == calendar.interval


def test_a_backlog_is_in_force_from_the_date_it_was_counted(project_kb, project_comparer):
    """CoreWeave's $66.8 billion backlog is that of December 31, 2025: an article of October 2025
    giving the September backlog ($55.6 billion) is not compared with it."""
    ref = project_kb.references_by_id["ref-fin61-coreweave-order-backlog-2025-12"]
    assert not project_comparer.in_force(ref, dt.date(2025, 10, 15))
    assert project_comparer.in_force(ref, dt.date(2026, 3, 6))
