"""The two clocks every appeal runs against, their lights and their countdown text.

Rules (docs/rules.md §appeals-clocks and §appeals-lights):

* **Response limit** = time received + 4 clock hours; nights and holidays count (clock hours).
  Responding exactly at the limit is on time.
* **Completion limit** = the Nth day after the day received, that day not counted (Civil Code
  art. 201), N = 2 community/village, 3 street, 4 district department, counted in working days
  (or calendar days, an admin setting: :class:`~.suspensions.DayCounting`). The limit is a *date*:
  its whole day counts, so finishing at 23:59 on it is on time and 00:00 the next day is late. An
  open appeal is late from the first moment after that day.
* **Extension** (延期): an approved date replaces the limit.
* **Suspension** (挂起): the clock stops for exactly the working time the suspensions lasted —
  their union, measured inside working days, moves the limit by its whole working days, rounded
  down (:mod:`.suspensions` has the rule and the seed's examples). A suspension that begins after
  the limit day has passed does not move it. Suspensions that began before an extension was
  granted are taken to be allowed for in the granted date; only those begun at or after the grant
  move an extended limit.

Lights (docs/rules.md §appeals-lights; Shandong's complaint line: a yellow card one working day
before the deadline, a red card on the first late day): red once late; yellow when the limit is
today or the next working day; green before that; grey when no clock runs (finished, suspended,
merged). The response clock runs only while the appeal awaits a unit's response (received,
dispatched, returned). The queue filters the same lights in SQL
(``store/queries/appeals.py`` ``light_condition``); ``tests/store/test_appeal_lights.py`` proves
the two always agree.

Every datetime must be timezone-aware; it is read in Asia/Shanghai. Functions take ``now`` as an
argument and never read the system clock, so screens, reports and tests agree on "now".
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from laoshan_desk.domain.appeals.suspensions import Counting, DayCounting, counting_calendar, moved_limit
from laoshan_desk.domain.appeals.vocabulary import AppealStatus, HandlingLevel
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.lights import Light, worst
from laoshan_desk.domain.timeutil import TZ, end_of_day

__all__ = [
    "RESPONSE_HOURS",
    "RESPONSE_WARNING",
    "COMPLETION_WORKDAYS",
    "Suspension",
    "AppealClock",
    "local",
    "local_date",
    "response_limit",
    "completion_workdays",
    "base_completion_limit",
    "completion_limit",
    "suspended_workdays",
    "is_late",
    "is_response_late",
    "overdue_workdays",
    "yellow_horizon",
    "completion_light",
    "response_light",
    "format_duration",
    "completion_countdown",
    "response_countdown",
    "CompletionSide",
    "ResponseSide",
    "completion_side",
    "response_side",
    "combine",
    "row_clock",
    "appeal_clock",
]

RESPONSE_HOURS = 4
# The response light turns yellow in the last hour of the four: a quarter of the window is the
# time a clerk needs to reach the unit by phone.
RESPONSE_WARNING = dt.timedelta(hours=1)
COMPLETION_WORKDAYS: Mapping[HandlingLevel, int] = {
    HandlingLevel.COMMUNITY: 2,
    HandlingLevel.STREET: 3,
    HandlingLevel.DEPARTMENT: 4,
}


class _Interval(Protocol):
    start: dt.datetime
    end: dt.datetime | None


class Suspension(NamedTuple):
    """One suspension of the completion clock; ``end`` is None while it lasts.

    A plain ``(start, end)`` tuple, or any object with ``start`` and ``end`` attributes (a stored
    row), is accepted wherever a Suspension is.
    """

    start: dt.datetime
    end: dt.datetime | None = None


# -- time zone ---------------------------------------------------------------------------------
def local(moment: dt.datetime) -> dt.datetime:
    """``moment`` in Asia/Shanghai; a naive datetime is refused (its zone would be a guess)."""
    if not isinstance(moment, dt.datetime):
        raise TypeError(f"expected a datetime, got {type(moment).__name__}")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment!r}: appeal times must be timezone-aware")
    return moment.astimezone(TZ)


def local_date(moment: dt.datetime) -> dt.date:
    """The Shanghai calendar day of ``moment``."""
    return local(moment).date()


# -- limits ------------------------------------------------------------------------------------
def response_limit(received_at: dt.datetime) -> dt.datetime:
    """Received + 4 clock hours (in Shanghai time; computed in UTC so hours are real hours)."""
    utc = local(received_at).astimezone(dt.UTC)
    return (utc + dt.timedelta(hours=RESPONSE_HOURS)).astimezone(TZ)


def completion_workdays(level: HandlingLevel | str) -> int:
    """N for a handling level: 2 community/village, 3 street, 4 district department."""
    return COMPLETION_WORKDAYS[HandlingLevel(level)]


def base_completion_limit(
    received_at: dt.datetime,
    level: HandlingLevel | str,
    calendar: Counting,
    *,
    counting: DayCounting | str = DayCounting.WORKING,
) -> dt.date:
    """The Nth working (or calendar) day after the day received, before extensions and suspensions."""
    days = counting_calendar(calendar, counting)
    return days.add_workdays(local_date(received_at), completion_workdays(level))


SuspensionLike = _Interval | tuple[dt.datetime, dt.datetime | None]


def _pairs(suspensions: Iterable[SuspensionLike]) -> list[tuple[dt.datetime, dt.datetime | None]]:
    return [(s[0], s[1]) if isinstance(s, tuple) else (s.start, s.end) for s in suspensions]


def completion_limit(
    received_at: dt.datetime,
    level: HandlingLevel | str,
    calendar: Counting,
    extension_until: dt.date | None = None,
    suspensions: Iterable[SuspensionLike] = (),
    *,
    now: dt.datetime | None = None,
    extension_granted_at: dt.datetime | None = None,
    counting: DayCounting | str = DayCounting.WORKING,
) -> dt.date:
    """The date by whose end the appeal must be finished (that whole day counts).

    ``extension_until`` replaces the base limit. ``suspensions`` move the limit (module docstring);
    ``now`` is needed only when one is still open. With an extension, only suspensions begun at
    or after ``extension_granted_at`` count; without that time, none do — an extension is the
    final, approved date.
    """
    days = counting_calendar(calendar, counting)
    pairs: Sequence[tuple[dt.datetime, dt.datetime | None]] = _pairs(suspensions)
    if extension_until is not None:
        if isinstance(extension_until, dt.datetime):
            extension_until = local_date(extension_until)
        if extension_granted_at is None:
            return extension_until
        limit, _ = moved_limit(extension_until, pairs, days, now=now, counted_from=extension_granted_at)
        return limit
    base = base_completion_limit(received_at, level, calendar, counting=counting)
    limit, _ = moved_limit(base, pairs, days, now=now)
    return limit


def suspended_workdays(
    received_at: dt.datetime,
    level: HandlingLevel | str,
    calendar: Counting,
    suspensions: Iterable[SuspensionLike],
    *,
    now: dt.datetime | None = None,
    counting: DayCounting | str = DayCounting.WORKING,
) -> int:
    """How many working days the suspensions added to the base limit (for the appeal's detail)."""
    base = base_completion_limit(received_at, level, calendar, counting=counting)
    _, added = moved_limit(base, _pairs(suspensions), counting_calendar(calendar, counting), now=now)
    return added


# -- lateness ----------------------------------------------------------------------------------
def is_late(limit_date: dt.date, finished_at: dt.datetime | None, now: dt.datetime) -> bool:
    """Late when finished after the limit day, or still open after it (at ``now``)."""
    moment = finished_at if finished_at is not None else now
    return local_date(moment) > limit_date


def is_response_late(received_at: dt.datetime, responded_at: dt.datetime | None, now: dt.datetime) -> bool:
    """Late when the response came after received + 4 h, or none has come and that has passed."""
    moment = responded_at if responded_at is not None else now
    return local(moment) > response_limit(received_at)


def overdue_workdays(
    limit_date: dt.date,
    calendar: WorkCalendar,
    finished_at: dt.datetime | None,
    now: dt.datetime,
) -> int:
    """Working days after the limit up to the finish (or today): 0 when on time.

    A Saturday just after a Friday limit is late but has 0 working days overdue; the countdown
    then says 已超期 without a number.
    """
    day = local_date(finished_at if finished_at is not None else now)
    if day <= limit_date:
        return 0
    return calendar.workdays_between(limit_date, day)


# -- lights ------------------------------------------------------------------------------------
def yellow_horizon(calendar: WorkCalendar, now: dt.datetime) -> tuple[dt.date, dt.date]:
    """(today, the next working day): for filtering lights in SQL on a stored limit date.

    red: limit < today; yellow: today ≤ limit ≤ next working day; green: limit after that.
    """
    today = local_date(now)
    return today, calendar.add_workdays(today, 1)


def completion_light(
    limit_date: dt.date,
    calendar: WorkCalendar,
    now: dt.datetime,
    *,
    finished: bool = False,
    stopped: bool = False,
) -> Light:
    """Light of the completion clock; grey when ``finished`` or ``stopped`` (suspended, merged)."""
    if finished or stopped:
        return Light.GREY
    today, horizon = yellow_horizon(calendar, now)
    if limit_date < today:
        return Light.RED
    if limit_date <= horizon:
        return Light.YELLOW
    return Light.GREEN


def response_light(received_at: dt.datetime, responded_at: dt.datetime | None, now: dt.datetime) -> Light:
    """Light of the 4-hour response clock: grey once responded, yellow in its last hour."""
    if responded_at is not None:
        return Light.GREY
    left = response_limit(received_at) - local(now)
    if left < dt.timedelta(0):
        return Light.RED
    if left <= RESPONSE_WARNING:
        return Light.YELLOW
    return Light.GREEN


# -- countdown text ----------------------------------------------------------------------------
def format_duration(delta: dt.timedelta) -> str:
    """'2小时15分', '45分', '1天3小时': whole minutes rounded up (a clerk is never told 0分 while
    seconds remain), minutes dropped once there are days. The sign is ignored."""
    minutes = math.ceil(abs(delta).total_seconds() / 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days}天{hours}小时" if hours else f"{days}天"
    if hours:
        return f"{hours}小时{mins}分" if mins else f"{hours}小时"
    return f"{mins}分"


def completion_countdown(
    limit_date: dt.date,
    calendar: WorkCalendar,
    now: dt.datetime,
    finished_at: dt.datetime | None = None,
) -> str:
    """The countdown column: 剩余 2 个工作日 / 剩余 6小时30分 (last day) / 超期 3 个工作日.

    Finished appeals read 按期办结 or 超期办结.
    """
    if finished_at is not None:
        return "超期办结" if local_date(finished_at) > limit_date else "按期办结"
    moment = local(now)
    today = moment.date()
    if today > limit_date:
        days = calendar.workdays_between(limit_date, today)
        return f"超期 {days} 个工作日" if days else "已超期"
    days = calendar.workdays_between(today, limit_date)
    if days == 0:
        # The limit is today (or a day off before any working day): show the hours left in it.
        return f"剩余 {format_duration(end_of_day(limit_date) - moment)}"
    return f"剩余 {days} 个工作日"


def response_countdown(received_at: dt.datetime, responded_at: dt.datetime | None, now: dt.datetime) -> str:
    """剩余 2小时15分 / 超时 1小时5分 while waiting; 已响应 or 超时响应 once responded."""
    if responded_at is not None:
        return "超时响应" if is_response_late(received_at, responded_at, now) else "已响应"
    left = response_limit(received_at) - local(now)
    if left < dt.timedelta(0):
        return f"超时 {format_duration(left)}"
    return f"剩余 {format_duration(left)}"


# -- everything for one row --------------------------------------------------------------------
@dataclass(frozen=True)
class AppealClock:
    """Both clocks of one appeal at ``now``, ready for a row of the queue or the detail view."""

    response_limit: dt.datetime
    completion_limit: dt.date
    response_late: bool
    late: bool
    overdue_workdays: int
    response_light: Light
    completion_light: Light
    response_text: str
    completion_text: str

    @property
    def light(self) -> Light:
        """The row's light: the worse of the two clocks."""
        return worst([self.response_light, self.completion_light])


class CompletionSide(NamedTuple):
    """The completion clock of a row: what depends on its limit, status and finish only."""

    late: bool
    overdue_workdays: int
    light: Light
    text: str


class ResponseSide(NamedTuple):
    """The response clock of a row: what depends on its receipt, status and response."""

    limit: dt.datetime
    late: bool
    light: Light
    text: str


def completion_side(
    limit_date: dt.date,
    calendar: WorkCalendar,
    now: dt.datetime,
    *,
    status: AppealStatus | str,
    finished_at: dt.datetime | None = None,
) -> CompletionSide:
    """The completion half of :func:`row_clock` (grey unless the completion clock runs)."""
    state = AppealStatus(status)
    if state is AppealStatus.MERGED:
        return CompletionSide(False, 0, Light.GREY, "已合并")
    return CompletionSide(
        late=is_late(limit_date, finished_at, now),
        overdue_workdays=overdue_workdays(limit_date, calendar, finished_at, now),
        light=completion_light(limit_date, calendar, now, stopped=not state.clock_running),
        text="已挂起"
        if state is AppealStatus.SUSPENDED
        else completion_countdown(limit_date, calendar, now, finished_at),
    )


def response_side(
    received_at: dt.datetime,
    now: dt.datetime,
    *,
    status: AppealStatus | str,
    responded_at: dt.datetime | None = None,
    finished_at: dt.datetime | None = None,
) -> ResponseSide:
    """The response half of :func:`row_clock` (grey unless the appeal awaits a response)."""
    state = AppealStatus(status)
    limit = response_limit(received_at)
    if state is AppealStatus.MERGED:
        return ResponseSide(limit, False, Light.GREY, "已合并")
    responded = responded_at if responded_at is not None else finished_at
    waiting = state.awaiting_response and responded_at is None
    return ResponseSide(
        limit=limit,
        late=is_response_late(received_at, responded, now),
        light=response_light(received_at, None, now) if waiting else Light.GREY,
        text=response_countdown(received_at, responded, now),
    )


def combine(limit_date: dt.date, response: ResponseSide, completion: CompletionSide) -> AppealClock:
    return AppealClock(
        response_limit=response.limit,
        completion_limit=limit_date,
        response_late=response.late,
        late=completion.late,
        overdue_workdays=completion.overdue_workdays,
        response_light=response.light,
        completion_light=completion.light,
        response_text=response.text,
        completion_text=completion.text,
    )


def row_clock(
    limit_date: dt.date,
    received_at: dt.datetime,
    calendar: WorkCalendar,
    now: dt.datetime,
    *,
    status: AppealStatus | str,
    responded_at: dt.datetime | None = None,
    finished_at: dt.datetime | None = None,
) -> AppealClock:
    """Both clocks of an appeal whose completion limit is already known (the stored one, in the
    queue; the recomputed one, in the detail view).

    The lights depend on the status as the SQL filter's do: the completion light is grey unless
    the completion clock runs (:attr:`AppealStatus.clock_running`), the response light grey unless
    the appeal awaits a response (:attr:`AppealStatus.awaiting_response`) and none is recorded.
    Finishing also answers the appellant, so an appeal finished without a recorded response (e.g.
    imported from the city platform) counts as responded when finished. A merged appeal waits
    for nothing: the appeal it was merged into carries the clocks.
    """
    return combine(
        limit_date,
        response_side(received_at, now, status=status, responded_at=responded_at, finished_at=finished_at),
        completion_side(limit_date, calendar, now, status=status, finished_at=finished_at),
    )


def appeal_clock(
    received_at: dt.datetime,
    level: HandlingLevel | str,
    calendar: WorkCalendar,
    now: dt.datetime,
    *,
    status: AppealStatus | str,
    responded_at: dt.datetime | None = None,
    finished_at: dt.datetime | None = None,
    extension_until: dt.date | None = None,
    extension_granted_at: dt.datetime | None = None,
    suspensions: Iterable[SuspensionLike] = (),
    counting: DayCounting | str = DayCounting.WORKING,
) -> AppealClock:
    """Compute the completion limit (extensions and suspensions applied) and both clocks."""
    limit = completion_limit(
        received_at,
        level,
        calendar,
        extension_until,
        list(suspensions),
        now=now,
        extension_granted_at=extension_granted_at,
        counting=counting,
    )
    return row_clock(
        limit, received_at, calendar, now, status=status, responded_at=responded_at, finished_at=finished_at
    )
