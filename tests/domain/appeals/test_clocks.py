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
    suspended_workdays,
    yellow_horizon,
)
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
    after = [(at(2026, 12, 1, 9), at(2026, 12, 1, 15))]  # one working day, Tue 1 Dec
    limit = completion_limit(received, "community", CAL, ext, after, extension_granted_at=at(2026, 11, 26, 9))
    assert limit == dt.date(2026, 12, 7)  # the next working day after Fri 4 Dec


# -- suspension --------------------------------------------------------------------------------
def test_each_working_day_touched_by_a_suspension_counts_whole():
    received = at(2026, 11, 23, 10)  # Mon, community → Wed 25
    # Suspended Tue 09:00 to Wed 17:00: two working days touched → Wed + 2 = Fri 27.
    s = [Suspension(at(2026, 11, 24, 9), at(2026, 11, 25, 17))]
    assert completion_limit(received, "community", CAL, suspensions=s) == dt.date(2026, 11, 27)
    assert suspended_workdays(received, "community", CAL, s) == 2


def test_suspension_on_a_single_day_counts_one_working_day():
    received = at(2026, 11, 23, 10)
    s = [(at(2026, 11, 24, 9), at(2026, 11, 24, 11))]
    assert completion_limit(received, "community", CAL, suspensions=s) == dt.date(2026, 11, 26)


def test_suspension_over_a_weekend_counts_only_working_days():
    received = at(2026, 11, 19, 10)  # Thu, street → Tue 24 Nov
    assert completion_limit(received, "street", CAL) == dt.date(2026, 11, 24)
    # Fri 20 to Mon 23: Fri and Mon are working days → 2 → Thu 26.
    s = [(at(2026, 11, 20, 15), at(2026, 11, 23, 10))]
    assert completion_limit(received, "street", CAL, suspensions=s) == dt.date(2026, 11, 26)


def test_suspension_across_national_day_and_the_make_up_saturday():
    received = at(2026, 9, 28, 9)  # Mon, department: Tue 29, Wed 30 Sep, then Thu 8, Fri 9 Oct
    assert completion_limit(received, "department", CAL) == dt.date(2026, 10, 9)
    # Suspended Wed 30 Sep to Sat 10 Oct: working days 30 Sep, 8, 9 and the make-up 10 Oct = 4.
    s = [(at(2026, 9, 30, 11), at(2026, 10, 10, 12))]
    assert suspended_workdays(received, "department", CAL, s) == 4
    # 9 Oct + 4 working days: Sat 10, Mon 12, Tue 13, Wed 14.
    assert completion_limit(received, "department", CAL, suspensions=s) == dt.date(2026, 10, 14)


def test_suspension_across_the_spring_festival():
    received = at(2026, 2, 12, 9)  # Thu; Sat 14 Feb 2026 is a make-up working day
    assert completion_limit(received, "community", CAL) == dt.date(2026, 2, 14)
    # Suspended Fri 13 to Tue 24 Feb: 13, 14 (make-up) and 24 are working days → 3.
    s = [(at(2026, 2, 13, 10), at(2026, 2, 24, 9))]
    assert suspended_workdays(received, "community", CAL, s) == 3
    assert completion_limit(received, "community", CAL, suspensions=s) == CAL.add_workdays(dt.date(2026, 2, 14), 3)


def test_overlapping_suspensions_count_shared_days_once():
    received = at(2026, 11, 23, 10)  # community → Wed 25
    s = [
        (at(2026, 11, 24, 9), at(2026, 11, 25, 12)),
        (at(2026, 11, 25, 14), at(2026, 11, 26, 9)),  # shares Wed 25
    ]
    assert suspended_workdays(received, "community", CAL, s) == 3  # 24, 25, 26
    assert completion_limit(received, "community", CAL, suspensions=s) == dt.date(2026, 11, 30)


def test_suspension_begun_after_the_limit_does_not_cure_lateness():
    received = at(2026, 11, 23, 10)  # community → Wed 25
    s = [(at(2026, 11, 27, 9), at(2026, 11, 30, 9))]
    assert completion_limit(received, "community", CAL, suspensions=s) == dt.date(2026, 11, 25)
    # Begun on the limit day itself, it still counts.
    s = [(at(2026, 11, 25, 20), at(2026, 11, 26, 9))]
    assert completion_limit(received, "community", CAL, suspensions=s) == dt.date(2026, 11, 27)


def test_open_suspension_counts_up_to_today_and_needs_now():
    received = at(2026, 11, 23, 10)  # community → Wed 25
    s = [Suspension(at(2026, 11, 24, 9))]
    with pytest.raises(ValueError):
        completion_limit(received, "community", CAL, suspensions=s)
    # On Thu 26: 24, 25, 26 → Wed + 3 = Mon 30.
    assert completion_limit(received, "community", CAL, suspensions=s, now=at(2026, 11, 26, 15)) == dt.date(
        2026, 11, 30
    )


def test_suspension_rows_with_attributes_are_accepted():
    class Row:
        def __init__(self, start, end):
            self.start, self.end = start, end

    received = at(2026, 11, 23, 10)
    rows = [Row(at(2026, 11, 24, 9), at(2026, 11, 24, 10))]
    assert completion_limit(received, "community", CAL, suspensions=rows) == dt.date(2026, 11, 26)


def test_suspension_ending_before_it_starts_is_refused():
    with pytest.raises(ValueError):
        completion_limit(
            at(2026, 11, 23, 10),
            "community",
            CAL,
            suspensions=[(at(2026, 11, 25, 9), at(2026, 11, 24, 9))],
        )


@settings(max_examples=150, deadline=None)
@given(
    received=st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2026, 11, 30)),
    start_after=st.integers(0, 6),
    open_days=st.integers(0, 40),
    level=st.sampled_from(list(HandlingLevel)),
)
def test_an_appeal_never_turns_late_while_suspended(received, start_after, open_days, level):
    received_at = dt.datetime.combine(received, dt.time(10), tzinfo=TZ)
    base = base_completion_limit(received_at, level, CAL)
    start = received + dt.timedelta(days=start_after)
    if start > base:
        return  # already late when suspended: covered by the test above
    start_at = dt.datetime.combine(start, dt.time(11), tzinfo=TZ)
    today = start + dt.timedelta(days=open_days)
    now = dt.datetime.combine(today, dt.time(23, 59), tzinfo=TZ)
    limit = completion_limit(received_at, level, CAL, suspensions=[(start_at, None)], now=now)
    assert limit > now.date()
    assert not is_late(limit, None, now)


@settings(max_examples=100, deadline=None)
@given(
    received=st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2026, 11, 30)),
    length=st.integers(0, 20),
)
def test_a_finished_suspension_adds_exactly_its_working_days(received, length):
    received_at = dt.datetime.combine(received, dt.time(10), tzinfo=TZ)
    base = base_completion_limit(received_at, "street", CAL)
    start = received_at + dt.timedelta(hours=1)
    end = start + dt.timedelta(days=length)
    limit = completion_limit(received_at, "street", CAL, suspensions=[(start, end)])
    added = CAL.workdays_in(start.date(), end.date())
    assert limit == CAL.add_workdays(base, added)


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
