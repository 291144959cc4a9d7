"""Step 3: ruling, execution and lawsuit deadlines, freeze terms, lights."""

from __future__ import annotations

import datetime as dt

import pytest

from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.preservation import (
    clock_light,
    enforcement_application_due,
    execution_limit,
    freeze_term,
    lawsuit_due,
    plan_deadlines,
    ruling_due,
    statutory_ruling_limit,
    term_light,
)

# -- step 3: clocks --------------------------------------------------------------------------

RECEIVED = dt.datetime(2023, 9, 26, 10, 30)


def test_ruling_due_pre_suit_is_48_hours() -> None:
    assert ruling_due("pre_suit", RECEIVED) == dt.datetime(2023, 9, 28, 10, 30)


@pytest.mark.parametrize("kind", ["in_suit", "pre_enforcement"])
def test_ruling_due_otherwise_same_day(kind) -> None:
    assert ruling_due(kind, RECEIVED) == dt.datetime(2023, 9, 26, 23, 59)


def test_statutory_limits() -> None:
    assert statutory_ruling_limit("in_suit", RECEIVED, urgent=True).due == dt.datetime(2023, 9, 28, 10, 30)
    ordinary = statutory_ruling_limit("in_suit", RECEIVED)
    assert ordinary.due == dt.datetime(2023, 10, 1, 23, 59)
    assert "五日" in ordinary.basis
    # With the calendar a last day in the National Day holiday moves to the next working day.
    moved = statutory_ruling_limit("in_suit", RECEIVED, calendar=WorkCalendar())
    assert moved.due == dt.datetime(2023, 10, 7, 23, 59) and "顺延" in moved.note
    after_guarantee = statutory_ruling_limit("in_suit", RECEIVED, guarantee_at=dt.datetime(2023, 9, 27, 9))
    assert after_guarantee.date == dt.date(2023, 10, 2)


def test_execution_limit() -> None:
    ruled = dt.datetime(2023, 9, 26, 16, 0)
    assert execution_limit("pre_suit", ruled).due == dt.datetime(2023, 9, 26, 23, 59)
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
    due = dt.datetime(2023, 9, 26, 23, 59)
    assert clock_light(due, dt.datetime(2023, 9, 26, 9)) is Light.GREEN
    assert clock_light(due, dt.datetime(2023, 9, 26, 21)) is Light.YELLOW
    assert clock_light(due, dt.datetime(2023, 9, 27, 0, 1)) is Light.RED
    assert clock_light(due, dt.datetime(2023, 9, 27), done_at=dt.datetime(2023, 9, 26, 15)) is Light.GREY


# -- terms -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("asset_type", "years"),
    [
        ("account", 1),
        ("vehicle", 2),
        ("equipment", 2),
        ("inventory", 2),
        ("real_estate", 3),
        ("equity", 3),
        ("receivable", 3),
    ],
)
def test_freeze_term_lengths(asset_type, years) -> None:
    term = freeze_term(asset_type, dt.date(2023, 3, 1))
    assert term.years == years
    assert term.expiry == dt.date(2023 + years, 3, 1)
    assert term.reminder_on == term.expiry - dt.timedelta(days=30)
    assert term.renew_apply_by == term.expiry - dt.timedelta(days=7)


def test_freeze_term_leap_day_and_limits() -> None:
    assert freeze_term("account", dt.date(2024, 2, 29)).expiry == dt.date(2025, 2, 28)
    assert freeze_term("real_estate", dt.date(2023, 1, 1), years=1).expiry == dt.date(2024, 1, 1)
    with pytest.raises(ValidationError):
        freeze_term("account", dt.date(2023, 1, 1), years=2)


def test_term_light() -> None:
    term = freeze_term("account", dt.date(2023, 3, 1), reminder_days=30)
    assert term_light(term, dt.date(2024, 1, 30)) is Light.GREEN
    assert term_light(term, dt.date(2024, 1, 31)) is Light.YELLOW
    assert term.light(dt.date(2024, 3, 1)) is Light.YELLOW  # the last day still runs
    assert term.light(dt.date(2024, 3, 2)) is Light.RED
    assert term.light(dt.date(2024, 3, 2), released=True) is Light.GREY
