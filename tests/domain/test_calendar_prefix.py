"""The calendar's prefix counts give the same answers as stepping one day at a time, over the whole
range 1949–2100, with make-up working days and admin overrides (docs/rules.md §approvals-time-limits)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.timeutil import MAX_DATE, MIN_DATE

# Overrides of both kinds: an extra day off on a weekday and a make-up working Saturday, in a
# published year, an unpublished one and near the ends of the range.
OVERRIDES = {
    dt.date(2026, 10, 10): True,  # Sat, make-up working day
    dt.date(2026, 11, 25): False,  # Wed, a day off
    dt.date(2031, 2, 8): True,
    dt.date(2031, 5, 6): False,
    dt.date(1949, 1, 8): True,
    dt.date(2100, 12, 27): False,
}
CAL = WorkCalendar(OVERRIDES)
days = st.dates(min_value=MIN_DATE, max_value=MAX_DATE)


def stepped_add(cal: WorkCalendar, day: dt.date, n: int) -> dt.date:
    """The step-by-step version: walk day by day, counting working days, ``day`` not counted."""
    step = 1 if n >= 0 else -1
    remaining, current = abs(n), day
    while remaining:
        current += dt.timedelta(days=step)
        if not MIN_DATE <= current <= MAX_DATE:
            raise ValidationError("out of range")
        if cal.is_workday(current):
            remaining -= 1
    return current


def stepped_between(cal: WorkCalendar, start: dt.date, end: dt.date) -> int:
    lo, hi = sorted((start, end))
    count = sum(cal.is_workday(lo + dt.timedelta(days=k)) for k in range(1, (hi - lo).days + 1))
    return count if end >= start else -count


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(day=days, n=st.integers(min_value=-800, max_value=800))
def test_adding_working_days_matches_stepping(day, n):
    try:
        expected: dt.date | None = stepped_add(CAL, day, n)
    except ValidationError:
        expected = None
    if expected is None:
        with pytest.raises(ValidationError):
            CAL.add_workdays(day, n)
    else:
        assert CAL.add_workdays(day, n) == expected


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(day=days, span=st.integers(min_value=-1500, max_value=1500))
def test_counting_working_days_matches_stepping(day, span):
    end = min(MAX_DATE, max(MIN_DATE, day + dt.timedelta(days=span)))
    assert CAL.workdays_between(day, end) == stepped_between(CAL, day, end)


def test_the_overrides_and_make_up_days_are_counted():
    # 2026-10-10 (Sat) is a make-up working day here; 2026-11-25 (Wed) a day off.
    assert CAL.add_workdays(dt.date(2026, 10, 9), 1) == dt.date(2026, 10, 10)
    assert CAL.add_workdays(dt.date(2026, 11, 24), 1) == dt.date(2026, 11, 26)
    assert CAL.add_workdays(dt.date(2026, 11, 26), -1) == dt.date(2026, 11, 24)
    assert CAL.workdays_between(dt.date(2026, 11, 24), dt.date(2026, 11, 26)) == 1


def test_across_the_whole_range_and_out_of_it():
    first = CAL.next_workday(MIN_DATE)
    last = CAL.previous_workday(MAX_DATE)
    total = CAL.workdays_between(first, last)
    assert CAL.add_workdays(first, total) == last
    assert CAL.add_workdays(last, -total) == first
    with pytest.raises(ValidationError):
        CAL.add_workdays(last, 1)
    with pytest.raises(ValidationError):
        CAL.add_workdays(first, -1)
