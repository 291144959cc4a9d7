"""Both clocks of many rows at one moment: :func:`.clocks.row_clock`, its completion side
remembered per limit.

A page of the queue shows 200 appeals whose completion limits fall on a few dozen dates; the
completion side (countdown, light, lateness, overdue working days) depends only on that date,
the status and the day finished, so it is worked out once per such key. The rule stays the one
in :mod:`.clocks` (docs/rules.md §appeals-lights).
"""

from __future__ import annotations

import datetime as dt

from laoshan_desk.domain.appeals.clocks import (
    AppealClock,
    CompletionSide,
    combine,
    completion_side,
    local_date,
    response_side,
)
from laoshan_desk.domain.calendar import WorkCalendar

__all__ = ["RowClocks"]


class RowClocks:
    """``RowClocks(calendar, now).clock(...)`` equals ``row_clock(...)`` at that ``now``."""

    def __init__(self, calendar: WorkCalendar, now: dt.datetime) -> None:
        self.calendar = calendar
        self.now = now
        self._completion: dict[tuple[dt.date, str, dt.date | None], CompletionSide] = {}

    def clock(
        self,
        limit_date: dt.date,
        received_at: dt.datetime,
        *,
        status: str,
        responded_at: dt.datetime | None = None,
        finished_at: dt.datetime | None = None,
    ) -> AppealClock:
        key = (limit_date, status, local_date(finished_at) if finished_at is not None else None)
        completion = self._completion.get(key)
        if completion is None:
            completion = completion_side(limit_date, self.calendar, self.now, status=status, finished_at=finished_at)
            self._completion[key] = completion
        response = response_side(
            received_at, self.now, status=status, responded_at=responded_at, finished_at=finished_at
        )
        return combine(limit_date, response, completion)
