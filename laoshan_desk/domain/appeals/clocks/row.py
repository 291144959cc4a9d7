"""Everything for one row: both sides of the clock combined into :class:`AppealClock`, the worse
light first (:func:`row_clock` for a queue row on stored limits, :func:`appeal_clock` for one
appeal from its history).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from laoshan_desk.domain.appeals.suspensions import DayCounting
from laoshan_desk.domain.appeals.vocabulary import AppealStatus, HandlingLevel
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.lights import Light, worst

from .lights import (
    completion_countdown,
    completion_light,
    is_late,
    is_response_late,
    overdue_workdays,
    response_countdown,
    response_light,
)
from .limits import SuspensionLike, completion_limit, response_limit


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
        late=is_response_late(received_at, responded, now, limit=limit),
        light=response_light(received_at, None, now, limit=limit) if waiting else Light.GREY,
        text=response_countdown(received_at, responded, now, limit=limit),
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
