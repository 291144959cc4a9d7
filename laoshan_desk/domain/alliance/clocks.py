"""The alliance's clocks: complaint and report limits, request age, spot-check windows, lights.

Every limit goes through the one calendar (:class:`~laoshan_desk.domain.calendar.WorkCalendar`)
and counts as the desk's other clocks do (docs/rules/alliance.md §alliance-counting): "N working days
after D" does not count D (Civil Code art. 201), and a limit is a *date* whose whole day counts.

Complaints and reports (SAMR Interim Measures for Handling Complaints and Reports, 2022;
docs/rules/alliance.md §alliance-complaints):

* a complaint is accepted or refused within **7** working days of its receipt (art. 14);
* mediation ends after **45** working days from acceptance without agreement (art. 21);
* a report (a violation clue) is verified within **15** working days of receipt, **+15** with
  the bureau head's approval (art. 23 with the penalty-procedure rules);
* a real-name reporter is told the filing decision within **5** working days of it (art. 31);
* testing, inspection and appraisal time is not counted (art. 20): each working day of a
  testing period (the closed date range, up to today while it lasts) moves the limit one
  working day later, overlapping periods count once, and a period that begins after the limit
  has passed does not move it. While a testing period lasts the clock is stopped (grey light).

Lights, as the desk's other deadline clocks (docs/rules/alliance.md §alliance-lights): red once the limit
day has passed; yellow when the limit is today or the next working day; green before; grey when
no clock runs. :func:`light_horizon` gives the two dates a SQL filter needs for the same rule.

Anti-counterfeiting requests have no legal limit: a request open more than ``yellow_after``
working days turns yellow, more than ``red_after`` red (admin thresholds, :class:`RequestThresholds`).

Spot checks (Product Quality Law art. 15; docs/rules/alliance.md §alliance-spot-checks): the enterprise may
ask for re-inspection within **15 days** of receiving the result — calendar days, the first not
counted, and a period whose last day is a day off ends on the next working day (Civil Code
art. 203); each non-conforming batch's follow-up has its own limit in working days (a setting).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

from laoshan_desk.domain.alliance.vocabulary import ComplaintDecision, ComplaintKind, ComplaintStatus
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.timeutil import TZ

__all__ = [
    "ACCEPT_WORKDAYS",
    "MEDIATION_WORKDAYS",
    "NOTIFY_WORKDAYS",
    "REINSPECTION_DAYS",
    "VERIFY_EXTENSION_WORKDAYS",
    "VERIFY_WORKDAYS",
    "ComplaintClock",
    "ComplaintFacts",
    "Pause",
    "RequestThresholds",
    "accept_limit",
    "complaint_clock",
    "countdown",
    "deadline_light",
    "followup_due",
    "light_horizon",
    "local_date",
    "mediation_limit",
    "notify_limit",
    "paused_limit",
    "reinspection_deadline",
    "reinspection_open",
    "request_age",
    "request_light",
    "verify_limit",
]

ACCEPT_WORKDAYS = 7  # art. 14
MEDIATION_WORKDAYS = 45  # art. 21
VERIFY_WORKDAYS = 15  # art. 23
VERIFY_EXTENSION_WORKDAYS = 15  # art. 23, with approval
NOTIFY_WORKDAYS = 5  # art. 31
REINSPECTION_DAYS = 15  # Product Quality Law art. 15


def local_date(moment: dt.datetime) -> dt.date:
    """The Shanghai calendar day of an aware ``moment``; a naive one is refused."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment!r}: alliance times must be timezone-aware")
    return moment.astimezone(TZ).date()


@dataclasses.dataclass(frozen=True)
class Pause:
    """A testing period (检测、检验、鉴定) whose working days are not counted; ``end`` None while it lasts."""

    start: dt.date
    end: dt.date | None = None


# -- limits ------------------------------------------------------------------------------------
def paused_limit(limit: dt.date, pauses: Iterable[Pause], calendar: WorkCalendar, *, today: dt.date) -> dt.date:
    """``limit`` moved later by the working days of the testing periods (module docstring)."""
    spans: list[tuple[dt.date, dt.date]] = []
    for pause in pauses:
        last = pause.end if pause.end is not None else today
        if pause.end is not None and pause.end < pause.start:
            raise ValidationError("检测期间的结束日期不能早于开始日期", field="pause_end")
        if last >= pause.start:
            spans.append((pause.start, last))
    counted_until: dt.date | None = None
    for first, last in sorted(spans):
        if first > limit:
            continue  # began after the limit had passed: the case was already late
        if counted_until is not None and first <= counted_until:
            first = counted_until + dt.timedelta(days=1)
        if last < first:
            continue
        limit = calendar.add_workdays(limit, calendar.workdays_in(first, last))
        counted_until = last
    return limit


def accept_limit(received_at: dt.datetime, calendar: WorkCalendar) -> dt.date:
    """The 7th working day after the day a complaint was received (art. 14)."""
    return calendar.add_workdays(local_date(received_at), ACCEPT_WORKDAYS)


def mediation_limit(
    accepted_on: dt.date, calendar: WorkCalendar, pauses: Iterable[Pause] = (), *, today: dt.date
) -> dt.date:
    """The 45th working day after acceptance, testing time not counted (arts. 20, 21)."""
    return paused_limit(calendar.add_workdays(accepted_on, MEDIATION_WORKDAYS), pauses, calendar, today=today)


def verify_limit(
    received_at: dt.datetime,
    calendar: WorkCalendar,
    *,
    extended: bool = False,
    pauses: Iterable[Pause] = (),
    today: dt.date,
) -> dt.date:
    """A report's verification limit: 15 working days, 30 with approval, testing not counted."""
    days = VERIFY_WORKDAYS + (VERIFY_EXTENSION_WORKDAYS if extended else 0)
    return paused_limit(calendar.add_workdays(local_date(received_at), days), pauses, calendar, today=today)


def notify_limit(decided_on: dt.date, calendar: WorkCalendar) -> dt.date:
    """A real-name reporter is told the filing decision by the 5th working day after it (art. 31)."""
    return calendar.add_workdays(decided_on, NOTIFY_WORKDAYS)


# -- lights ------------------------------------------------------------------------------------
def light_horizon(calendar: WorkCalendar, today: dt.date) -> tuple[dt.date, dt.date]:
    """(today, the next working day): red below the first, yellow up to the second, green after."""
    return today, calendar.add_workdays(today, 1)


def deadline_light(limit: dt.date | None, calendar: WorkCalendar, today: dt.date, *, running: bool = True) -> Light:
    """The light of a running date limit; grey when no clock runs or there is no limit."""
    if not running or limit is None:
        return Light.GREY
    first, horizon = light_horizon(calendar, today)
    if limit < first:
        return Light.RED
    if limit <= horizon:
        return Light.YELLOW
    return Light.GREEN


def countdown(limit: dt.date | None, calendar: WorkCalendar, today: dt.date) -> str:
    """剩余 3 个工作日 / 今日到期 / 超期 2 个工作日 (已超期 when no working day has passed)."""
    if limit is None:
        return "—"
    if today > limit:
        days = calendar.workdays_between(limit, today)
        return f"超期 {days} 个工作日" if days else "已超期"
    days = calendar.workdays_between(today, limit)
    return f"剩余 {days} 个工作日" if days else "今日到期"


# -- complaints and reports --------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class ComplaintFacts:
    """What the clocks of one complaint or report depend on (stored on its row)."""

    kind: ComplaintKind
    received_at: dt.datetime
    decision: ComplaintDecision | None = None
    decided_at: dt.datetime | None = None
    extended: bool = False  # a report's verification extended by 15 working days (approved)
    real_name: bool = False
    pauses: tuple[Pause, ...] = ()
    notified_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None


@dataclasses.dataclass(frozen=True)
class ComplaintClock:
    """The clocks of one case at ``today``.

    ``accept_limit`` is the 受理期限 column (a complaint's 7 days; a report's verification
    limit), ``finish_limit`` the 办结期限 (the end of mediation; the reporter's notice), ``due_on``
    the limit of the clock running now (None when none runs), ``late`` whether any limit was or is
    missed.
    """

    status: ComplaintStatus
    accept_limit: dt.date
    finish_limit: dt.date | None
    due_on: dt.date | None
    paused: bool
    late: bool
    light: Light
    text: str


def _open_pause(pauses: Iterable[Pause], today: dt.date) -> bool:
    return any(p.start <= today and (p.end is None or p.end >= today) for p in pauses)


def complaint_clock(facts: ComplaintFacts, calendar: WorkCalendar, *, today: dt.date) -> ComplaintClock:
    """Status, limits and light of a complaint or report, following the module docstring."""
    f = facts
    decided = local_date(f.decided_at) if f.decided_at is not None else None
    finished = local_date(f.finished_at) if f.finished_at is not None else None
    if f.decision is not None and f.decision.kind is not f.kind:
        raise ValidationError(f"{f.kind.label}不能作出“{f.decision.label}”决定", field="decision")
    if f.decision is not None and decided is None:
        raise ValidationError("请填写决定时间", field="decided_at")
    if f.kind is ComplaintKind.COMPLAINT:
        first = accept_limit(f.received_at, calendar)
        if f.decision is None:
            status, finish, due = ComplaintStatus.REGISTERED, None, first
        elif f.decision is ComplaintDecision.REJECT:
            assert decided is not None
            status, finish, due = ComplaintStatus.FINISHED, first, None
            finished = finished or decided
        else:
            assert decided is not None
            finish = mediation_limit(decided, calendar, f.pauses, today=finished or today)
            status, due = ComplaintStatus.MEDIATING, finish
        late_decision = decided is not None and decided > first
    else:
        first = verify_limit(f.received_at, calendar, extended=f.extended, pauses=f.pauses, today=decided or today)
        if f.decision is None:
            status, finish, due = ComplaintStatus.VERIFYING, None, first
        elif f.real_name:
            assert decided is not None
            finish = notify_limit(decided, calendar)
            status, due = ComplaintStatus.AWAITING_NOTICE, finish
            if f.notified_at is not None:
                finished = finished or local_date(f.notified_at)
        else:
            assert decided is not None
            status, finish, due = ComplaintStatus.FINISHED, decided, None
            finished = finished or decided
        late_decision = decided is not None and decided > first
    if finished is not None:
        status, due = ComplaintStatus.FINISHED, None
    paused = due is not None and _open_pause(f.pauses, today) and status is not ComplaintStatus.AWAITING_NOTICE
    late = late_decision or (finished is not None and finish is not None and finished > finish)
    if due is not None and not paused:
        late = late or today > due
    light = deadline_light(due, calendar, today, running=not paused)
    if finished is not None:
        text = "超期办结" if late else "按期办结"
    elif paused:
        text = "检测鉴定中（不计时）"
    elif status is ComplaintStatus.MEDIATING and due is not None and today > due:
        # art. 21: forty-five working days without agreement end the mediation.
        text = "调解期满未达成协议，应终止调解"
    else:
        text = countdown(due, calendar, today)
    return ComplaintClock(status, first, finish, due, paused, late, light, text)


# -- anti-counterfeiting requests --------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class RequestThresholds:
    """When an open request turns yellow and red, in working days since it was received."""

    yellow_after: int = 10
    red_after: int = 20

    def __post_init__(self) -> None:
        for name, value in (("yellow_after", self.yellow_after), ("red_after", self.red_after)):
            if not 1 <= value <= 250:
                raise ValidationError("提醒天数应在 1 至 250 个工作日之间", field=name)
        if self.yellow_after >= self.red_after:
            raise ValidationError("亮红灯的天数应大于亮黄灯的天数", field="red_after")


def request_age(received_on: dt.date, calendar: WorkCalendar, today: dt.date) -> int:
    """Working days a request has been open: those after the day received up to today."""
    return max(calendar.workdays_between(received_on, today), 0)


def request_light(
    received_on: dt.date,
    calendar: WorkCalendar,
    today: dt.date,
    thresholds: RequestThresholds,
    *,
    closed: bool = False,
) -> Light:
    """Green while young, yellow past ``yellow_after`` working days, red past ``red_after``."""
    if closed:
        return Light.GREY
    age = request_age(received_on, calendar, today)
    if age > thresholds.red_after:
        return Light.RED
    if age > thresholds.yellow_after:
        return Light.YELLOW
    return Light.GREEN


# -- spot checks -------------------------------------------------------------------------------
def reinspection_deadline(notified_on: dt.date, calendar: WorkCalendar) -> dt.date:
    """The last day to ask for re-inspection: 15 days after the result was received (art. 15),
    moved to the next working day when it falls on a day off (Civil Code art. 203)."""
    return calendar.next_workday(notified_on + dt.timedelta(days=REINSPECTION_DAYS))


def reinspection_open(notified_on: dt.date | None, calendar: WorkCalendar, on: dt.date) -> bool:
    """Whether a re-inspection asked on ``on`` is in time (never before the result was received)."""
    if notified_on is None:
        return False
    return notified_on <= on <= reinspection_deadline(notified_on, calendar)


def followup_due(result_on: dt.date, calendar: WorkCalendar, workdays: int) -> dt.date:
    """The follow-up limit of a non-conforming batch: ``workdays`` working days after the result."""
    return calendar.add_workdays(result_on, workdays)
