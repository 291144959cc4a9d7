"""Appeal clocks: response and completion limits across holidays and make-up days, extensions,
suspensions, lateness at the day boundary, lights and countdown text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from laoshan_desk.domain.appeals import AppealStatus, HandlingLevel
from laoshan_desk.domain.appeals.clocks import (
    Suspension,
    appeal_clock,
    base_completion_limit,
    completion_countdown,
    completion_light,
    completion_limit,
    completion_workdays,
    format_duration,
    is_late,
    is_response_late,
    overdue_workdays,
    response_countdown,
    response_light,
    response_limit,
    row_clock,
    suspended_workdays,
    yellow_horizon,
)
from laoshan_desk.domain.appeals.suspensions import DayCounting, whole_days, working_time
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.timeutil import TZ

CAL = WorkCalendar()


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=TZ)


# -- response ----------------------------------------------------------------------------------
def test_response_limit_is_four_clock_hours_through_the_night_and_holidays():
    # National Day eve, late at night: hours keep running through the holiday.
    assert response_limit(at(2026, 9, 30, 22, 30)) == at(2026, 10, 1, 2, 30)


def test_response_limit_reads_other_time_zones_in_shanghai():
    utc = dt.datetime(2026, 11, 25, 1, 0, tzinfo=dt.UTC)  # 09:00 in Shanghai
    assert response_limit(utc) == at(2026, 11, 25, 13, 0)


def test_response_at_the_limit_is_on_time_a_minute_later_is_late():
    received = at(2026, 11, 25, 9, 0)
    assert not is_response_late(received, at(2026, 11, 25, 13, 0), now=at(2026, 11, 26))
    assert is_response_late(received, at(2026, 11, 25, 13, 1), now=at(2026, 11, 26))
    # Not responded yet: judged at `now`.
    assert not is_response_late(received, None, now=at(2026, 11, 25, 12, 59))
    assert is_response_late(received, None, now=at(2026, 11, 25, 13, 1))


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        response_limit(dt.datetime(2026, 11, 25, 9, 0))
    with pytest.raises(ValueError):
        is_late(dt.date(2026, 11, 25), None, dt.datetime(2026, 11, 25, 9, 0))


# -- completion: base limit --------------------------------------------------------------------
def test_working_days_per_level():
    assert completion_workdays(HandlingLevel.COMMUNITY) == 2
    assert completion_workdays("street") == 3
    assert completion_workdays(HandlingLevel.DEPARTMENT) == 4


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        # Wed 30 Sep 2026; 1–7 Oct is the National Day holiday; Thu 8, Fri 9 and the make-up
        # Saturday 10 Oct are working days; Sun 11 is not.
        (HandlingLevel.COMMUNITY, dt.date(2026, 10, 9)),
        (HandlingLevel.STREET, dt.date(2026, 10, 10)),
        (HandlingLevel.DEPARTMENT, dt.date(2026, 10, 12)),
    ],
)
def test_completion_limit_across_national_day_and_its_make_up_saturday(level, expected):
    received = at(2026, 9, 30, 16, 45)
    assert completion_limit(received, level, CAL) == expected


def test_day_received_is_not_counted_even_late_at_night():
    # Received Fri 23:50: the count starts Monday.
    assert completion_limit(at(2026, 11, 20, 23, 50), "community", CAL) == dt.date(2026, 11, 24)


def test_received_on_a_holiday_counts_from_the_next_working_day():
    assert completion_limit(at(2026, 10, 3, 10), "community", CAL) == dt.date(2026, 10, 9)


def test_new_year_holiday():
    # Thu 31 Dec 2026, street: Fri 1 Jan off, weekend off → Mon 4, Tue 5, Wed 6.
    assert completion_limit(at(2026, 12, 31, 9), "street", CAL) == dt.date(2027, 1, 6)


@settings(max_examples=200, deadline=None)
@given(
    day=st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2026, 12, 20)),
    minute=st.integers(0, 24 * 60 - 1),
    level=st.sampled_from(list(HandlingLevel)),
)
def test_base_limit_is_the_nth_working_day_after_receipt(day, minute, level):
    received = dt.datetime.combine(day, dt.time(minute // 60, minute % 60), tzinfo=TZ)
    limit = base_completion_limit(received, level, CAL)
    assert CAL.is_workday(limit)
    assert CAL.workdays_in(day + dt.timedelta(days=1), limit) == completion_workdays(level)


# -- lateness at the day boundary ---------------------------------------------------------------
def test_finished_at_2359_on_the_limit_is_on_time_0000_next_day_is_late():
    limit = dt.date(2026, 10, 10)
    now = at(2026, 10, 20)
    assert not is_late(limit, at(2026, 10, 10, 23, 59), now)
    assert is_late(limit, at(2026, 10, 11, 0, 0), now)


def test_open_appeal_turns_late_at_midnight_after_the_limit():
    limit = dt.date(2026, 10, 10)
    assert not is_late(limit, None, at(2026, 10, 10, 23, 59))
    assert is_late(limit, None, at(2026, 10, 11, 0, 0))


def test_overdue_working_days():
    limit = dt.date(2026, 11, 20)  # Friday
    assert overdue_workdays(limit, CAL, None, at(2026, 11, 20, 18)) == 0
    # Saturday: late, but no working day has passed yet.
    assert overdue_workdays(limit, CAL, None, at(2026, 11, 21, 9)) == 0
    assert is_late(limit, None, at(2026, 11, 21, 9))
    assert overdue_workdays(limit, CAL, None, at(2026, 11, 25, 9)) == 3
    assert overdue_workdays(limit, CAL, at(2026, 11, 23, 9), at(2026, 12, 25)) == 1


# -- extension ---------------------------------------------------------------------------------
def test_extension_replaces_the_limit_later_or_earlier():
    received = at(2026, 11, 23, 10)
    assert completion_limit(received, "community", CAL) == dt.date(2026, 11, 25)
    ext = dt.date(2026, 12, 4)
    assert completion_limit(received, "community", CAL, extension_until=ext) == ext
    # Replaces, whatever the level's own limit would be.
    assert completion_limit(received, "department", CAL, extension_until=ext) == ext


def test_suspension_before_the_extension_is_allowed_for_in_the_granted_date():
    received = at(2026, 11, 23, 10)
    ext = dt.date(2026, 12, 4)
    before = [Suspension(at(2026, 11, 24, 9), at(2026, 11, 25, 17))]
    assert completion_limit(received, "community", CAL, ext, before) == ext
    assert completion_limit(received, "community", CAL, ext, before, extension_granted_at=at(2026, 11, 26, 9)) == ext


def test_suspension_after_the_extension_moves_it():
    received = at(2026, 11, 23, 10)
    ext = dt.date(2026, 12, 4)  # Friday
    # Tue 1 Dec 09:00 to Wed 2 Dec 10:00: 15 h + 10 h of working time = one whole working day.
    after = [(at(2026, 12, 1, 9), at(2026, 12, 2, 10))]
    limit = completion_limit(received, "community", CAL, ext, after, extension_granted_at=at(2026, 11, 26, 9))
    assert limit == dt.date(2026, 12, 7)  # the next working day after Fri 4 Dec


# -- suspension: the seed's examples (docs/rules.md §appeals-clocks) ----------------------------
# Received Mon 23 Nov 2026 at community level: limit Wed 25 Nov.
RECEIVED = at(2026, 11, 23, 10)


def moved(start: dt.datetime, end: dt.datetime | None, *, now: dt.datetime | None = None, level: str = "community"):
    return suspended_workdays(RECEIVED, level, CAL, [(start, end)], now=now)


def test_tuesday_to_thursday_same_hour_moves_two_working_days():
    assert moved(at(2026, 11, 24, 9), at(2026, 11, 26, 9)) == 2
    assert completion_limit(RECEIVED, "community", CAL, suspensions=[(at(2026, 11, 24, 9), at(2026, 11, 26, 9))]) == (
        dt.date(2026, 11, 27)
    )


def test_a_one_minute_suspension_moves_nothing():
    assert moved(at(2026, 11, 24, 9), at(2026, 11, 24, 9, 1)) == 0
    assert completion_limit(
        RECEIVED, "community", CAL, suspensions=[(at(2026, 11, 24, 9), at(2026, 11, 24, 9, 1))]
    ) == (dt.date(2026, 11, 25))


def test_friday_evening_to_monday_morning_moves_nothing():
    received = at(2026, 11, 19, 10)  # Thu, street level → Tue 24 Nov
    s = [(at(2026, 11, 20, 18), at(2026, 11, 23, 8))]  # 6 h on Friday + 8 h on Monday
    assert suspended_workdays(received, "street", CAL, s) == 0
    assert completion_limit(received, "street", CAL, suspensions=s) == dt.date(2026, 11, 24)


def test_across_national_day_counts_only_the_working_hours():
    received = at(2026, 9, 28, 9)  # Mon, department level: 29, 30 Sep, 8, 9 Oct
    assert completion_limit(received, "department", CAL) == dt.date(2026, 10, 9)
    # 30 Sep 15 h, the holidays nothing, 8 Oct 24 h, 9 Oct 9 h: 48 h = 2 working days.
    s = [(at(2026, 9, 30, 9), at(2026, 10, 9, 9))]
    assert suspended_workdays(received, "department", CAL, s) == 2
    assert completion_limit(received, "department", CAL, suspensions=s) == dt.date(2026, 10, 12)  # Sat 10 works


def test_a_suspension_wholly_inside_a_holiday_moves_nothing():
    received = at(2026, 9, 29, 9)  # Tue, department level: 30 Sep, 8, 9, 10 (make-up Sat) Oct
    s = [(at(2026, 10, 1, 0), at(2026, 10, 7, 23, 59))]
    assert suspended_workdays(received, "department", CAL, s) == 0
    assert completion_limit(received, "department", CAL, suspensions=s) == dt.date(2026, 10, 10)


def test_repeated_short_suspensions_add_up_before_rounding():
    # Four six-hour suspensions on Tue, Wed, Thu, Fri: 24 h together, one working day.
    # Department level: the limit is Fri 27, so all four began before it had passed.
    s = [(at(2026, 11, 24 + i, 9), at(2026, 11, 24 + i, 15)) for i in range(4)]
    assert suspended_workdays(RECEIVED, "department", CAL, s) == 1
    assert completion_limit(RECEIVED, "department", CAL, suspensions=s) == dt.date(2026, 11, 30)


def test_overlapping_suspensions_count_shared_time_once():
    s = [
        (at(2026, 11, 24, 0), at(2026, 11, 25, 12)),  # 36 h
        (at(2026, 11, 25, 0), at(2026, 11, 26, 0)),  # overlaps: 12 more hours
    ]
    assert suspended_workdays(RECEIVED, "community", CAL, s) == 2  # 48 h
    assert completion_limit(RECEIVED, "community", CAL, suspensions=s) == dt.date(2026, 11, 27)


def test_suspension_begun_after_the_limit_does_not_cure_lateness():
    s = [(at(2026, 11, 27, 9), at(2026, 11, 30, 9))]  # begins Fri, after Wed's limit
    assert completion_limit(RECEIVED, "community", CAL, suspensions=s) == dt.date(2026, 11, 25)
    # Begun on the limit day itself, it counts: Wed 00:00 → Thu 00:00 is a whole working day.
    s = [(at(2026, 11, 25, 0), at(2026, 11, 26, 0))]
    assert completion_limit(RECEIVED, "community", CAL, suspensions=s) == dt.date(2026, 11, 26)


def test_open_suspension_counts_up_to_now_and_needs_now():
    s = [Suspension(at(2026, 11, 24, 9))]
    with pytest.raises(ValueError):
        completion_limit(RECEIVED, "community", CAL, suspensions=s)
    # On Thu 26 at 15:00: 15 h + 24 h + 15 h = 54 h → 2 working days → Fri 27.
    now = at(2026, 11, 26, 15)
    assert completion_limit(RECEIVED, "community", CAL, suspensions=s, now=now) == dt.date(2026, 11, 27)
    # One that has not begun by now counts nothing yet.
    later = [Suspension(at(2026, 11, 27, 9))]
    assert completion_limit(RECEIVED, "community", CAL, suspensions=later, now=now) == dt.date(2026, 11, 25)


def test_suspension_rows_with_attributes_are_accepted():
    class Row:
        def __init__(self, start, end):
            self.start, self.end = start, end

    rows = [Row(at(2026, 11, 24, 0), at(2026, 11, 25, 0))]
    assert completion_limit(RECEIVED, "community", CAL, suspensions=rows) == dt.date(2026, 11, 26)


def test_suspension_ending_before_it_starts_is_refused():
    with pytest.raises(ValueError):
        completion_limit(RECEIVED, "community", CAL, suspensions=[(at(2026, 11, 25, 9), at(2026, 11, 24, 9))])


def test_calendar_day_counting_counts_weekends_and_every_hour():
    received = at(2026, 11, 27, 10)  # Fri
    assert completion_limit(received, "community", CAL) == dt.date(2026, 12, 1)  # Tue (working days)
    assert completion_limit(received, "community", CAL, counting=DayCounting.CALENDAR) == dt.date(2026, 11, 29)
    # Sat 09:00 → Mon 09:00 is 48 h of calendar time: two days, though only 9 h of working time.
    s = [(at(2026, 11, 28, 9), at(2026, 11, 30, 9))]
    assert suspended_workdays(received, "community", CAL, s, counting="calendar") == 2
    assert suspended_workdays(received, "community", CAL, s) == 0


# -- suspension: properties ----------------------------------------------------------------------
moments = st.datetimes(min_value=dt.datetime(2025, 12, 20), max_value=dt.datetime(2027, 2, 10)).map(
    lambda m: m.replace(tzinfo=TZ, second=0, microsecond=0)
)
lengths = st.integers(0, 20 * 24 * 60).map(lambda minutes: dt.timedelta(minutes=minutes))


@settings(max_examples=200, deadline=None)
@given(start=moments, length=lengths, more=lengths)
def test_a_longer_suspension_never_moves_the_limit_less(start, length, more):
    short = working_time([(start, start + length)], CAL)
    long = working_time([(start, start + length + more)], CAL)
    assert long >= short
    received = start - dt.timedelta(hours=1)
    a = completion_limit(received, "department", CAL, suspensions=[(start, start + length)])
    b = completion_limit(received, "department", CAL, suspensions=[(start, start + length + more)])
    assert b >= a


@settings(max_examples=200, deadline=None)
@given(start=moments, first=lengths, gap=lengths, second=lengths)
def test_working_time_is_additive_over_disjoint_suspensions(start, first, gap, second):
    one = (start, start + first)
    two = (start + first + gap + dt.timedelta(minutes=1), start + first + gap + dt.timedelta(minutes=1) + second)
    assert working_time([one, two], CAL) == working_time([one], CAL) + working_time([two], CAL)
    # Order does not matter, and a repeated interval counts once.
    assert working_time([two, one, one], CAL) == working_time([one, two], CAL)


@settings(max_examples=200, deadline=None)
@given(start=moments, length=lengths, level=st.sampled_from(list(HandlingLevel)))
def test_a_suspension_moves_the_limit_by_at_most_its_calendar_days(start, length, level):
    received = start - dt.timedelta(minutes=30)
    days = suspended_workdays(received, level, CAL, [(start, start + length)])
    assert 0 <= days <= length // dt.timedelta(days=1)
    assert days == whole_days(working_time([(start, start + length)], CAL))
    base = base_completion_limit(received, level, CAL)
    assert completion_limit(received, level, CAL, suspensions=[(start, start + length)]) == CAL.add_workdays(base, days)


# -- lights ------------------------------------------------------------------------------------
def test_completion_lights():
    limit = dt.date(2026, 11, 25)  # Wed
    assert completion_light(limit, CAL, at(2026, 11, 23, 9)) is Light.GREEN
    assert completion_light(limit, CAL, at(2026, 11, 24, 9)) is Light.YELLOW  # next working day
    assert completion_light(limit, CAL, at(2026, 11, 25, 23, 59)) is Light.YELLOW  # today
    assert completion_light(limit, CAL, at(2026, 11, 26, 0, 0)) is Light.RED
    assert completion_light(limit, CAL, at(2026, 11, 26), finished=True) is Light.GREY
    assert completion_light(limit, CAL, at(2026, 11, 26), stopped=True) is Light.GREY


def test_yellow_one_working_day_before_across_a_weekend_and_a_holiday():
    # Limit Mon 23 Nov: on Friday the next working day is Monday → yellow; Thursday green.
    assert completion_light(dt.date(2026, 11, 23), CAL, at(2026, 11, 20, 9)) is Light.YELLOW
    assert completion_light(dt.date(2026, 11, 23), CAL, at(2026, 11, 19, 9)) is Light.GREEN
    # Limit Thu 8 Oct: yellow through the whole National Day holiday, from Wed 30 Sep.
    assert completion_light(dt.date(2026, 10, 8), CAL, at(2026, 9, 29, 9)) is Light.GREEN
    assert completion_light(dt.date(2026, 10, 8), CAL, at(2026, 9, 30, 9)) is Light.YELLOW
    assert yellow_horizon(CAL, at(2026, 9, 30, 9)) == (dt.date(2026, 9, 30), dt.date(2026, 10, 8))


def test_response_lights():
    received = at(2026, 11, 25, 9)
    assert response_light(received, None, at(2026, 11, 25, 11, 59)) is Light.GREEN
    assert response_light(received, None, at(2026, 11, 25, 12, 0)) is Light.YELLOW
    assert response_light(received, None, at(2026, 11, 25, 13, 0)) is Light.YELLOW
    assert response_light(received, None, at(2026, 11, 25, 13, 1)) is Light.RED
    assert response_light(received, at(2026, 11, 25, 10), at(2026, 11, 26)) is Light.GREY


# -- countdown text ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (dt.timedelta(hours=2, minutes=15), "2小时15分"),
        (dt.timedelta(minutes=45), "45分"),
        (dt.timedelta(seconds=30), "1分"),
        (dt.timedelta(hours=3), "3小时"),
        (dt.timedelta(days=1, hours=3, minutes=20), "1天3小时"),
        (dt.timedelta(days=2), "2天"),
        (-dt.timedelta(hours=1, minutes=5), "1小时5分"),
    ],
)
def test_format_duration(delta, text):
    assert format_duration(delta) == text


def test_completion_countdown_texts():
    limit = dt.date(2026, 11, 25)  # Wed
    assert completion_countdown(limit, CAL, at(2026, 11, 23, 9)) == "剩余 2 个工作日"
    assert completion_countdown(limit, CAL, at(2026, 11, 24, 9)) == "剩余 1 个工作日"
    assert completion_countdown(limit, CAL, at(2026, 11, 25, 21, 45)) == "剩余 2小时15分"
    assert completion_countdown(limit, CAL, at(2026, 11, 26, 0, 0)) == "超期 1 个工作日"
    assert completion_countdown(limit, CAL, at(2026, 11, 30, 9)) == "超期 3 个工作日"
    friday = dt.date(2026, 11, 20)
    assert completion_countdown(friday, CAL, at(2026, 11, 21, 9)) == "已超期"
    assert completion_countdown(limit, CAL, at(2026, 12, 1), at(2026, 11, 25, 23, 59)) == "按期办结"
    assert completion_countdown(limit, CAL, at(2026, 12, 1), at(2026, 11, 26, 0, 1)) == "超期办结"


def test_countdown_over_the_weekend_counts_working_days():
    # Saturday with the limit on Monday: one working day left.
    assert completion_countdown(dt.date(2026, 11, 23), CAL, at(2026, 11, 21, 9)) == "剩余 1 个工作日"


def test_response_countdown_texts():
    received = at(2026, 11, 25, 9)
    assert response_countdown(received, None, at(2026, 11, 25, 10, 45)) == "剩余 2小时15分"
    assert response_countdown(received, None, at(2026, 11, 25, 14, 5)) == "超时 1小时5分"
    assert response_countdown(received, at(2026, 11, 25, 12), at(2026, 11, 26)) == "已响应"
    assert response_countdown(received, at(2026, 11, 25, 13, 30), at(2026, 11, 26)) == "超时响应"


# -- the whole row -----------------------------------------------------------------------------
def test_appeal_clock_open_appeal():
    clock = appeal_clock(at(2026, 9, 30, 10), "street", CAL, at(2026, 10, 9, 14), status="dispatched")
    assert clock.response_limit == at(2026, 9, 30, 14)
    assert clock.completion_limit == dt.date(2026, 10, 10)
    assert clock.response_late and not clock.late
    assert clock.completion_light is Light.YELLOW
    assert clock.light is Light.RED  # the worse of the two
    assert clock.completion_text == "剩余 1 个工作日"


def test_appeal_clock_finished_without_recorded_response_counts_the_finish_as_response():
    clock = appeal_clock(
        at(2026, 11, 25, 9),
        "community",
        CAL,
        at(2026, 12, 5),
        status="finished",
        finished_at=at(2026, 11, 25, 11),
    )
    assert not clock.response_late and not clock.late
    assert clock.light is Light.GREY
    assert clock.completion_text == "按期办结"
    assert clock.response_text == "已响应"


def test_appeal_clock_suspended_and_merged():
    received = at(2026, 11, 23, 10)
    suspended = appeal_clock(
        received,
        "community",
        CAL,
        at(2026, 11, 30, 9),
        status=AppealStatus.SUSPENDED,
        responded_at=at(2026, 11, 23, 11),
        suspensions=[(at(2026, 11, 24, 9), None)],
    )
    assert suspended.completion_light is Light.GREY
    assert suspended.completion_text == "已挂起"
    assert not suspended.late
    merged = appeal_clock(received, "community", CAL, at(2026, 12, 30), status="merged")
    assert merged.light is Light.GREY
    assert not merged.late and not merged.response_late
    assert merged.completion_text == "已合并"


@settings(max_examples=200, deadline=None)
@given(
    limit=st.dates(min_value=dt.date(2026, 9, 1), max_value=dt.date(2026, 12, 31)),
    received=moments,
    status=st.sampled_from(list(AppealStatus)),
    responded=st.one_of(st.none(), moments),
    finished=st.one_of(st.none(), moments),
    now=moments,
)
def test_row_clocks_of_a_page_equal_the_row_clock(limit, received, status, responded, finished, now):
    from laoshan_desk.domain.appeals.row_clocks import RowClocks

    clocks = RowClocks(CAL, now)
    expected = row_clock(limit, received, CAL, now, status=status, responded_at=responded, finished_at=finished)
    for _ in range(2):  # the second answer comes from the cache
        assert clocks.clock(limit, received, status=status, responded_at=responded, finished_at=finished) == expected
