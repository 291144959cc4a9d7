"""The appeals' stored completion limits follow every change of the calendar or of the counting.

The queue, its light filter, the overdue counts, the statistics and the ledger read the limit
stored on each appeal (so that they run in SQL over a million rows); when the admin changes a
day of the calendar (services/calendar.py) or how the limits are counted (the settings), the
limits of the open appeals that day can touch are recomputed in the same unit of work, each move
recorded in the appeal's timeline and the audit log (docs/rules.md §appeals-clocks).

An open appeal's clock can be touched by a day D when it was received on or before D and its
stored limit is on or after D: a day after the limit, or before the day of receipt, enters none
of its counts (a suspension begins after receipt and counts only until the limit has passed).
Each candidate's limit is computed with the calendar before and after the change; only a
difference moves the stored limit, so a suspension still running is not counted as moved.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection

from sqlalchemy import ColumnElement, select

from laoshan_desk.domain.appeals.steps import EventAction
from laoshan_desk.domain.appeals.suspensions import DayCounting
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services.appeals.common import computed_limit, day_counting, record_step
from laoshan_desk.services.settings import Settings
from laoshan_desk.services.uow import Work
from laoshan_desk.store.models.appeals import Appeal, AppealSuspension
from laoshan_desk.store.queries import appeals as q


def recompute(
    work: Work,
    before: WorkCalendar,
    after: WorkCalendar,
    days: Collection[dt.date] | None,
    previous_settings: object | None = None,
) -> int:
    """Move the stored limits of the open appeals the change can touch; returns how many moved.

    ``days`` None: any day (a change of the settings, ``previous_settings`` the ones the stored
    limits were made with).
    """
    s = work.session
    counting = day_counting(s)
    old_counting = counting
    if isinstance(previous_settings, Settings):
        old_counting = DayCounting.CALENDAR if previous_settings.appeal_calendar_days else DayCounting.WORKING
    conds: list[ColumnElement[bool]] = [Appeal.status.in_(q.OPEN)]
    if days:
        first, last = min(days), max(days)
        conds += [
            Appeal.completion_limit >= first,
            Appeal.received_at < dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), tzinfo=TZ),
        ]
    appeals = s.scalars(select(Appeal).where(*conds)).all()
    if not appeals:
        return 0
    spans: dict[object, list[tuple[dt.datetime, dt.datetime | None]]] = defaultdict(list)
    ids = [a.id for a in appeals]
    for start in range(0, len(ids), 500):
        for appeal_id, begin, end in s.execute(
            select(AppealSuspension.appeal_id, AppealSuspension.start, AppealSuspension.end).where(
                AppealSuspension.appeal_id.in_(ids[start : start + 500]), AppealSuspension.start.is_not(None)
            )
        ):
            if begin is not None:
                spans[appeal_id].append((begin, end))
    moved = 0
    for appeal in appeals:
        old = computed_limit(appeal, before, spans[appeal.id], old_counting, work.now)
        new = computed_limit(appeal, after, spans[appeal.id], counting, work.now)
        if old == new or appeal.completion_limit == new:
            continue
        previous = appeal.completion_limit
        appeal.completion_limit = new
        note = f"办结时限由 {previous:%Y-%m-%d} 调整为 {new:%Y-%m-%d}（工作日日历或计日方式变更）"
        record_step(work, appeal, EventAction.CALENDAR, appeal.status, note, appeal.unit_id)
        work.audit(
            "update",
            "appeal",
            appeal.id,
            f"{appeal.number} 办结时限随日历调整",
            before={"completion_limit": previous.isoformat()},
            after={"completion_limit": new.isoformat()},
        )
        moved += 1
    return moved
