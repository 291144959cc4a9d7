"""Lateness, the two lights and their countdown text, on the limits of :mod:`.limits`
(docs/rules.md §appeals-lights).
"""

from __future__ import annotations

import datetime as dt
import math

from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.timeutil import end_of_day

from .limits import RESPONSE_WARNING, local, local_date, response_limit


# -- lateness ----------------------------------------------------------------------------------
def is_late(limit_date: dt.date, finished_at: dt.datetime | None, now: dt.datetime) -> bool:
    """Late when finished after the limit day, or still open after it (at ``now``)."""
    moment = finished_at if finished_at is not None else now
    return local_date(moment) > limit_date


def is_response_late(
    received_at: dt.datetime,
    responded_at: dt.datetime | None,
    now: dt.datetime,
    *,
    limit: dt.datetime | None = None,
) -> bool:
    """Late when the response came after received + 4 h, or none has come and that has passed.
    ``limit``: that limit, when the caller has already worked it out (a row of the queue)."""
    moment = responded_at if responded_at is not None else now
    return local(moment) > (limit or response_limit(received_at))


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


def response_light(
    received_at: dt.datetime,
    responded_at: dt.datetime | None,
    now: dt.datetime,
    *,
    limit: dt.datetime | None = None,
) -> Light:
    """Light of the 4-hour response clock: grey once responded, yellow in its last hour."""
    if responded_at is not None:
        return Light.GREY
    left = (limit or response_limit(received_at)) - local(now)
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


def response_countdown(
    received_at: dt.datetime,
    responded_at: dt.datetime | None,
    now: dt.datetime,
    *,
    limit: dt.datetime | None = None,
) -> str:
    """剩余 2小时15分 / 超时 1小时5分 while waiting; 已响应 or 超时响应 once responded."""
    if responded_at is not None:
        return "超时响应" if is_response_late(received_at, responded_at, now, limit=limit) else "已响应"
    left = (limit or response_limit(received_at)) - local(now)
    if left < dt.timedelta(0):
        return f"超时 {format_duration(left)}"
    return f"剩余 {format_duration(left)}"
