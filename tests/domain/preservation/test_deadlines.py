"""Step 3: ruling, execution and lawsuit deadlines and their lights, in Asia/Shanghai time."""

from __future__ import annotations

import datetime as dt

import pytest

from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.preservation import (
    clock_light,
    enforcement_application_due,
    execution_limit,
    lawsuit_due,
    plan_deadlines,
    ruling_due,
    statutory_ruling_limit,
    step_light,
)
from laoshan_desk.domain.timeutil import TZ, end_of_day


def at(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=TZ)


# -- step 3: clocks --------------------------------------------------------------------------

RECEIVED = at(2023, 9, 26, 10, 30)


def test_ruling_due_pre_suit_is_48_hours() -> None:
    assert ruling_due("pre_suit", RECEIVED) == at(2023, 9, 28, 10, 30)


@pytest.mark.parametrize("kind", ["in_suit", "pre_enforcement"])
def test_ruling_due_otherwise_same_day(kind) -> None:
    assert ruling_due(kind, RECEIVED) == end_of_day(dt.date(2023, 9, 26))


def test_statutory_limits() -> None:
    assert statutory_ruling_limit("in_suit", RECEIVED, urgent=True).due == at(2023, 9, 28, 10, 30)
    ordinary = statutory_ruling_limit("in_suit", RECEIVED)
    assert ordinary.due == end_of_day(dt.date(2023, 10, 1))
    assert "五日" in ordinary.basis
    # With the calendar a last day in the National Day holiday moves to the next working day.
    moved = statutory_ruling_limit("in_suit", RECEIVED, calendar=WorkCalendar())
    assert moved.due == end_of_day(dt.date(2023, 10, 7)) and "顺延" in moved.note
    after_guarantee = statutory_ruling_limit("in_suit", RECEIVED, guarantee_at=at(2023, 9, 27, 9))
    assert after_guarantee.date == dt.date(2023, 10, 2)


def test_execution_limit() -> None:
    ruled = at(2023, 9, 26, 16, 0)
    assert execution_limit("pre_suit", ruled).due == end_of_day(dt.date(2023, 9, 26))
    assert execution_limit("in_suit", ruled).date == dt.date(2023, 10, 1)


def test_lawsuit_due_provisional_until_measures_recorded() -> None:
    provisional = lawsuit_due(RECEIVED)
    assert provisional.provisional and provisional.date == dt.date(2023, 10, 26)
    final = lawsuit_due(RECEIVED, dt.date(2023, 9, 27))
    assert not final.provisional and final.date == dt.date(2023, 10, 27)


def test_plan_deadlines_for_the_command_line() -> None:
    assert plan_deadlines("pre_suit", RECEIVED) == {
        "ruling_due": "2023-09-28 10:30",
        "lawsuit_due": "2023-10-26",
        "lawsuit_due_provisional": True,
    }
    assert plan_deadlines("in_suit", RECEIVED)["lawsuit_due"] is None
    assert plan_deadlines("in_suit", RECEIVED)["ruling_due"] == "2023-09-26 23:59"


def test_enforcement_application_due() -> None:
    assert enforcement_application_due(dt.date(2023, 6, 10)).date == dt.date(2023, 6, 15)


def test_clock_light() -> None:
    due = end_of_day(dt.date(2023, 9, 26))
    assert clock_light(due, at(2023, 9, 26, 9)) is Light.GREEN
    assert clock_light(due, at(2023, 9, 26, 21)) is Light.YELLOW
    assert clock_light(due, at(2023, 9, 27, 0, 1)) is Light.RED
    assert clock_light(due, at(2023, 9, 27), done_at=at(2023, 9, 26, 15)) is Light.GREY


def test_a_naive_time_is_read_as_asia_shanghai() -> None:
    naive = dt.datetime(2023, 9, 26, 10, 30)
    assert ruling_due("pre_suit", naive) == RECEIVED + dt.timedelta(hours=48)
    assert ruling_due("in_suit", naive).tzinfo is TZ


def test_a_step_done_late_stays_red() -> None:
    due = end_of_day(dt.date(2023, 9, 26))
    assert step_light(due, at(2023, 9, 27, 9), done_at=at(2023, 9, 26, 15)) is Light.GREY
    assert step_light(due, at(2023, 9, 27, 9), done_at=at(2023, 9, 27, 8)) is Light.RED
    assert step_light(due, at(2023, 9, 26, 9)) is Light.GREEN


def test_the_provisional_lawsuit_deadline_ends_on_a_working_day() -> None:
    # CPL art. 85: a period whose last day is a holiday ends on the first day after it; the
    # provisional deadline (counted from receipt) moves as the recorded one does.
    received = at(2023, 9, 1, 9, 0)
    assert lawsuit_due(received).date == dt.date(2023, 10, 1)  # National Day, without a calendar
    moved = lawsuit_due(received, calendar=WorkCalendar())
    assert moved.provisional and moved.date == dt.date(2023, 10, 7)
    assert plan_deadlines("pre_suit", received, calendar=WorkCalendar())["lawsuit_due"] == "2023-10-07"
