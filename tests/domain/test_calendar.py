"""The working-day calendar: published years, make-up days, provisional years, overrides."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from laoshan_desk.domain.calendar import WorkCalendar

D = dt.date


def test_published_year_holidays_and_make_up_days():
    cal = WorkCalendar()
    assert cal.is_workday(D(2026, 10, 10))  # Saturday, 调休上班
    assert not cal.is_workday(D(2026, 10, 1))
    assert not cal.is_workday(D(2026, 9, 25))  # 中秋
    assert not cal.is_workday(D(2026, 10, 11))  # an ordinary Sunday
    assert cal.is_workday(D(2026, 9, 30))


def test_add_workdays_skips_the_national_day_week_and_counts_the_working_saturday():
    cal = WorkCalendar()
    # 30 Sep not counted; 1-7 Oct off; 8 Thu, 9 Fri, 10 Sat (working)
    assert cal.add_workdays(D(2026, 9, 30), 3) == D(2026, 10, 10)
    assert cal.add_workdays(D(2026, 10, 10), -3) == D(2026, 9, 30)
    assert cal.add_workdays(D(2026, 11, 25), 0) == D(2026, 11, 25)


def test_unknown_year_falls_back_to_statutory_holidays_and_warns():
    cal = WorkCalendar()
    assert cal.is_provisional(2027)
    assert not cal.is_workday(D(2027, 2, 8))  # 春节 (lunar, computed)
    assert not cal.is_workday(D(2027, 10, 1))
    # The library guesses 10 Feb 2027 as an "observed" day; the law does not fix it.
    assert cal.is_workday(D(2027, 2, 10))
    assert cal.warnings([2026, 2027]) == ["2027年调休上班日尚未录入，期限按法定节假日和周末推算，请管理员补录"]


def test_overrides_win_and_confirmed_year_silences_the_warning():
    cal = WorkCalendar({D(2027, 2, 10): False, D(2027, 2, 20): True}, confirmed_years=[2027])
    assert not cal.is_workday(D(2027, 2, 10))
    assert cal.is_workday(D(2027, 2, 20))  # a Saturday made a working day
    assert cal.warnings([2027]) == []
    assert not WorkCalendar({D(2026, 11, 25): False}).is_workday(D(2026, 11, 25))


def test_next_and_previous_workday():
    cal = WorkCalendar()
    assert cal.next_workday(D(2026, 10, 1)) == D(2026, 10, 8)
    assert cal.previous_workday(D(2026, 10, 7)) == D(2026, 9, 30)
    assert cal.next_workday(D(2026, 11, 25), inclusive=False) == D(2026, 11, 26)
    assert cal.workdays_in(D(2026, 10, 1), D(2026, 10, 10)) == 3


@given(st.dates(min_value=D(2024, 1, 1), max_value=D(2027, 12, 31)), st.integers(-40, 40))
def test_workdays_between_inverts_add_workdays(start, n):
    cal = WorkCalendar()
    start = cal.next_workday(start)
    end = cal.add_workdays(start, n)
    assert cal.workdays_between(start, end) == n
    assert n == 0 or cal.is_workday(end)
