"""How a suspension (挂起) moves the completion limit, and how the limit's days are counted.

Rules (docs/rules.md §appeals-clocks):

* **Counting.** The seed gives the limits as 2/3/4 天 without saying "working"; the desk counts
  working days by default and calendar days when the admin chooses so (:class:`DayCounting`, an
  admin setting). Either way the counting goes through a *counting calendar*: the desk's
  :class:`~laoshan_desk.domain.calendar.WorkCalendar` for working days, :class:`CalendarDays`
  (every day counts) for calendar days.
* **A suspension stops the clock for exactly the working time it lasted.** Take the union of the
  appeal's approved suspension intervals (an open one lasts until ``now``), measure the time that
  falls inside working days (all 24 hours of each working day; none of a day off), and move the
  limit later by that time's whole working days, rounded down. Tue 09:00 → Thu 09:00 is 15 h +
  24 h + 9 h = 48 h: two days; Tue 09:00 → 09:01 moves nothing; Fri 18:00 → Mon 08:00 is 6 h +
  8 h: nothing; Wed 2026-09-30 09:00 → Fri 10-09 09:00 is 15 h + 24 h + 9 h (the National Day
  holidays between count nothing): two days; a suspension wholly inside a holiday moves nothing.
* A suspension that begins after the (moved) limit day has ended does not move it: an appeal
  that is already late cannot be cured by suspending it.
* With an approved extension, only suspensions begun at or after the grant move the extended
  limit (the leader allowed for the earlier ones in the date granted).

Shanghai keeps no daylight-saving time, so a day is always 24 hours; intervals are measured on
Shanghai wall-clock days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Protocol

from laoshan_desk.domain.labels import Labelled
from laoshan_desk.domain.timeutil import TZ

__all__ = [
    "DAY",
    "DayCounting",
    "Counting",
    "CalendarDays",
    "counting_calendar",
    "Interval",
    "union",
    "working_time",
    "whole_days",
    "moved_limit",
]

DAY = dt.timedelta(days=1)


class DayCounting(Labelled):
    """How the 2/3/4-day completion limits are counted (an admin setting; working days by default)."""

    WORKING = ("working", "工作日")
    CALENDAR = ("calendar", "自然日")


class Counting(Protocol):
    """What the clocks need of a calendar: which days count, and counting N of them."""

    def is_workday(self, day: dt.date) -> bool: ...
    def add_workdays(self, day: dt.date, n: int) -> dt.date: ...


class CalendarDays:
    """A counting calendar in which every day counts (the 天 of the seed read as calendar days)."""

    def is_workday(self, day: dt.date) -> bool:
        return True

    def add_workdays(self, day: dt.date, n: int) -> dt.date:
        return day + dt.timedelta(days=n)


_CALENDAR_DAYS = CalendarDays()


def counting_calendar(calendar: Counting, counting: DayCounting | str) -> Counting:
    """The calendar the limits are counted on: the work calendar, or every day."""
    return _CALENDAR_DAYS if DayCounting(counting) is DayCounting.CALENDAR else calendar


Interval = tuple[dt.datetime, dt.datetime]


def _local(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment!r}: suspension times must be timezone-aware")
    return moment.astimezone(TZ)


def union(intervals: Iterable[Interval]) -> list[Interval]:
    """The intervals merged where they overlap or touch, in order (Shanghai time)."""
    items = sorted((_local(a), _local(b)) for a, b in intervals)
    merged: list[Interval] = []
    for start, end in items:
        if end < start:
            raise ValueError(f"suspension ends ({end}) before it starts ({start})")
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
            continue
        merged.append((start, end))
    return merged


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=TZ)


def working_time(intervals: Iterable[Interval], calendar: Counting) -> dt.timedelta:
    """The time of the intervals' union that falls inside counting days (24 h of each)."""
    total = dt.timedelta(0)
    for start, end in union(intervals):
        day = start.date()
        while _day_start(day) < end:
            if calendar.is_workday(day):
                lo = max(start, _day_start(day))
                hi = min(end, _day_start(day + DAY))
                if hi > lo:
                    total += hi - lo
            day += DAY
    return total


def whole_days(time: dt.timedelta) -> int:
    """Whole days in ``time``, rounded down (23 h 59 min is none)."""
    return max(0, time // DAY)


def moved_limit(
    limit: dt.date,
    suspensions: Sequence[tuple[dt.datetime, dt.datetime | None]],
    calendar: Counting,
    *,
    now: dt.datetime | None,
    counted_from: dt.datetime | None = None,
) -> tuple[dt.date, int]:
    """(the limit moved by the suspensions, the counting days it moved), by the module's rule.

    ``suspensions`` are (start, end) with ``end`` None while one lasts (then ``now`` is needed);
    one that has not begun by ``now`` counts nothing yet. ``counted_from``: only suspensions
    begun at or after it count (an extension's grant).
    """
    spans: list[Interval] = []
    for start, end in suspensions:
        begin = _local(start)
        if counted_from is not None and begin < _local(counted_from):
            continue
        if end is None:
            if now is None:
                raise ValueError("an open suspension needs `now` to know how long it has lasted")
            finish = _local(now)
        else:
            finish = _local(end)
            if finish < begin:
                raise ValueError(f"suspension ends ({end}) before it starts ({start})")
        if finish > begin:
            spans.append((begin, finish))
    counted: list[Interval] = []
    moved = 0
    for start, end in union(spans):
        current = calendar.add_workdays(limit, moved)
        if start >= _day_start(current + DAY):
            break  # begun after the limit had passed: already late, and so are the later ones
        counted.append((start, end))
        moved = whole_days(working_time(counted, calendar))
    return calendar.add_workdays(limit, moved), moved
