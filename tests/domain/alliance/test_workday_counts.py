"""The calendar's working-day counts over long spans (a queue page of cases years overdue reads
each year's running count once) agree with counting day by day, overrides included."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from laoshan_desk.domain.calendar import WorkCalendar

DAYS = st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2029, 12, 31))


def naive_between(cal: WorkCalendar, start: dt.date, end: dt.date) -> int:
    sign = 1 if end >= start else -1
    lo, hi = (start, end) if sign > 0 else (end, start)
    return sign * sum(cal.is_workday(lo + dt.timedelta(days=i)) for i in range(1, (hi - lo).days + 1))


@settings(max_examples=300, deadline=None)
@given(start=DAYS, end=DAYS, overrides=st.dictionaries(DAYS, st.booleans(), max_size=8))
def test_counts_agree_with_day_by_day(start, end, overrides):
    cal = WorkCalendar(overrides)
    assert cal.workdays_between(start, end) == naive_between(cal, start, end)
    assert cal.workdays_in(start, end) == (
        sum(cal.is_workday(start + dt.timedelta(days=i)) for i in range((end - start).days + 1)) if end >= start else 0
    )


def test_known_counts_across_the_2026_autumn_holidays():
    cal = WorkCalendar()
    assert cal.workdays_between(dt.date(2026, 9, 28), dt.date(2026, 10, 13)) == 7
    assert cal.workdays_in(dt.date(2026, 10, 1), dt.date(2026, 10, 10)) == 3  # 8, 9 and Saturday 10 Oct
    assert cal.workdays_between(dt.date(2026, 10, 13), dt.date(2026, 9, 28)) == -7
