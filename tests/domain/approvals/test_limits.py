"""The statutory limit's end, counted as the text that sets it counts (docs/rules.md
§approvals-time-limits): working days (Licensing Law art. 82), calendar days where a text says
plain 日 (the first day not counted, Civil Code art. 201; a last day off moves to the next
working day, art. 203), and nothing at all where no text sets a limit."""

from __future__ import annotations

import pytest

from laoshan_desk.domain.approvals import LimitKind, PlanItem, limit_text, schedule, statutory_due
from tests.domain.approvals.examples import CAL, D


@pytest.mark.parametrize(
    "kind, days, accepted, due",
    [
        # 7 calendar days from Mon 28 Sep end on 5 Oct, a National Day holiday: the 8th.
        (LimitKind.CALENDAR_DAYS, 7, "2026-09-28", "2026-10-08"),
        # 7 working days skip 1-7 Oct and count the make-up Saturday 10 Oct.
        (LimitKind.WORKING_DAYS, 7, "2026-09-28", "2026-10-13"),
        # 3 calendar days from Mon 21 Sep end on Thu 24 Sep, a working day: no move.
        (LimitKind.CALENDAR_DAYS, 3, "2026-09-21", "2026-09-24"),
        # ... from Wed 23 Sep they end on Sat 26 Sep, a rest day: Mon 28 Sep.
        (LimitKind.CALENDAR_DAYS, 3, "2026-09-23", "2026-09-28"),
    ],
)
def test_the_limit_ends_as_its_text_counts(kind, days, accepted, due):
    assert statutory_due(kind, days, D(accepted), CAL) == D(due)


def test_no_statutory_limit_has_no_end():
    assert statutory_due(LimitKind.NONE, 0, D("2026-09-28"), CAL) is None
    assert statutory_due(LimitKind.NONE, 5, D("2026-09-28"), CAL) is None


def test_limit_text_never_invents_a_statutory_figure():
    assert limit_text(LimitKind.NONE, 0, 5) == "无法定时限，承诺5个工作日"
    assert limit_text(LimitKind.CALENDAR_DAYS, 7, 3) == "法定7日（自然日），承诺3个工作日"
    assert limit_text(LimitKind.WORKING_DAYS, 20, 10) == "法定20个工作日，承诺10个工作日"


def test_the_schedule_counts_calendar_day_limits_in_calendar_days_and_warns_of_an_overrun():
    # A 5-working-day promise started on 28 Sep runs through Golden Week to 9 Oct; the law's
    # 7 calendar days (建筑法 art. 8) end on 8 Oct.
    items = [
        PlanItem("SP008", "施工许可", 5, limit_kind=LimitKind.CALENDAR_DAYS, statutory_days=7),
        PlanItem("W", "工作日事项", 5, limit_kind=LimitKind.WORKING_DAYS, statutory_days=7),
        PlanItem("N", "备案", 5, limit_kind=LimitKind.NONE),
        PlanItem("X", "库外事项", 5),
    ]
    result = schedule(items, D("2026-09-28"), D("2026-11-30"), CAL)
    assert result["SP008"].earliest_finish == D("2026-10-09")
    assert result["SP008"].statutory_due == D("2026-10-08")
    assert result["SP008"].overruns_limit
    assert result["W"].statutory_due == D("2026-10-13") and not result["W"].overruns_limit
    assert result["N"].statutory_due is None and not result["N"].overruns_limit
    assert result["X"].statutory_due is None and result["X"].limit_kind is None
    assert [w for w in result.warnings if "法定时限" in w] == [
        "事项 SP008（施工许可）计划 2026-10-09 办结，晚于法定时限（7日（自然日））届满日 2026-10-08"
    ]


def test_a_finished_item_counts_from_its_acceptance_and_is_not_warned_about():
    items = [
        PlanItem(
            "SP008",
            "施工许可",
            5,
            limit_kind=LimitKind.CALENDAR_DAYS,
            statutory_days=7,
            actual_start=D("2026-09-21"),
            actual_finish=D("2026-09-29"),
        )
    ]
    result = schedule(items, D("2026-09-21"), D("2026-11-30"), CAL)
    assert result["SP008"].statutory_due == D("2026-09-28")
    assert result.warnings == ()
