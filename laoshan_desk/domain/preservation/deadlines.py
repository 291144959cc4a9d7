"""Step 3, speed (能快保就不慢保): the ruling, execution, lawsuit and enforcement deadlines and their lights.

Times are aware, in :data:`laoshan_desk.domain.timeutil.TZ` (a naive time is taken to be
Asia/Shanghai); a period counted in days ends at :func:`~laoshan_desk.domain.timeutil.end_of_day`
of its last day, that last day moved past a holiday when a calendar is given (docs/rules.md
§preservation-deadlines).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.preservation.inputs import member
from laoshan_desk.domain.preservation.vocabulary import CaseKind
from laoshan_desk.domain.timeutil import aware, end_of_day

# How early a clock turns yellow: hours for the ruling and execution, a week for the suit.
WARN_BEFORE = dt.timedelta(hours=4)
LAWSUIT_WARN_BEFORE = dt.timedelta(days=7)


@dataclass(frozen=True)
class Deadline:
    """A clock's end with its legal basis; ``provisional`` until its start is known."""

    label: str
    due: dt.datetime
    basis: str
    provisional: bool = False
    note: str = ""

    @property
    def date(self) -> dt.date:
        return self.due.date()

    def light(
        self, now: dt.datetime, *, done_at: dt.datetime | None = None, warn_before: dt.timedelta = WARN_BEFORE
    ) -> Light:
        return clock_light(self.due, now, done_at=done_at, warn_before=warn_before)


def clock_light(
    due: dt.datetime,
    now: dt.datetime,
    *,
    done_at: dt.datetime | None = None,
    warn_before: dt.timedelta = WARN_BEFORE,
) -> Light:
    """Grey when done, red past due, yellow within ``warn_before`` of it, green otherwise."""
    if done_at is not None:
        return Light.GREY
    if now > due:
        return Light.RED
    if due - now <= warn_before:
        return Light.YELLOW
    return Light.GREEN


def step_light(
    due: dt.datetime,
    now: dt.datetime,
    *,
    done_at: dt.datetime | None = None,
    warn_before: dt.timedelta = WARN_BEFORE,
) -> Light:
    """A step's light on the case page: as :func:`clock_light`, but a step done late stays red."""
    if done_at is not None and done_at > due:
        return Light.RED
    return clock_light(due, now, done_at=done_at, warn_before=warn_before)


def _day_limit(start: dt.date, days: int, calendar: WorkCalendar | None) -> tuple[dt.date, str]:
    """``days`` calendar days after ``start`` (start not counted, CPL art. 85); with a calendar,
    a last day falling on a holiday moves to the next working day, as the same article says."""
    last = start + dt.timedelta(days=days)
    if calendar is not None and not calendar.is_workday(last):
        moved = calendar.next_workday(last)
        return moved, f"期间届满日{last.isoformat()}为节假日，顺延至{moved.isoformat()}"
    return last, ""


def _kind(kind: CaseKind | str) -> CaseKind:
    return member(CaseKind, kind, "kind", "保全类型")


def ruling_due(kind: CaseKind | str, received_at: dt.datetime) -> dt.datetime:
    """The desk's ruling target: received + 48 hours before suit (CPL art. 104); otherwise the
    end of the day received, the court's own same-day rule (当天立案、当天制作保全裁定; docs/rules.md
    §preservation-same-day)."""
    received_at = aware(received_at)
    if _kind(kind) is CaseKind.PRE_SUIT:
        return received_at + dt.timedelta(hours=48)
    return end_of_day(received_at.date())


def statutory_ruling_limit(
    kind: CaseKind | str,
    received_at: dt.datetime,
    *,
    urgent: bool = False,
    guarantee_at: dt.datetime | None = None,
    calendar: WorkCalendar | None = None,
) -> Deadline:
    """The law's limit for the ruling, beside the court's stricter same-day target.

    Pre-suit and urgent cases: 48 clock hours (CPL arts. 103–104, 《财产保全规定》第四条);
    pre-enforcement preservation presupposes urgency and is held to 48 hours too. Ordinary
    in-suit: 5 days from receipt, or from the guarantee where one was required.
    """
    kind = _kind(kind)
    received_at = aware(received_at)
    if kind is CaseKind.PRE_SUIT:
        return Deadline(
            "保全裁定法定期限",
            received_at + dt.timedelta(hours=48),
            "《民事诉讼法》第一百零四条：诉前保全应在四十八小时内作出裁定",
        )
    if urgent or kind is CaseKind.PRE_ENFORCEMENT:
        return Deadline(
            "保全裁定法定期限",
            received_at + dt.timedelta(hours=48),
            "《民事诉讼法》第一百零三条、《财产保全规定》第四条：情况紧急的，四十八小时内作出裁定",
        )
    start = aware(guarantee_at) if guarantee_at else received_at
    last, note = _day_limit(start.date(), 5, calendar)
    basis = "《财产保全规定》第四条：五日内作出裁定" + ("（自提供担保之日起算）" if guarantee_at else "")
    return Deadline("保全裁定法定期限", end_of_day(last), basis, note=note)


def execution_limit(
    kind: CaseKind | str,
    ruled_at: dt.datetime,
    *,
    urgent: bool = False,
    calendar: WorkCalendar | None = None,
) -> Deadline:
    """When execution must start: at once after a 48-hour ruling (the desk allows the same day),
    within 5 days after an ordinary one (《财产保全规定》第四条)."""
    kind = _kind(kind)
    ruled_at = aware(ruled_at)
    if urgent or kind in (CaseKind.PRE_SUIT, CaseKind.PRE_ENFORCEMENT):
        return Deadline(
            "保全执行期限",
            end_of_day(ruled_at.date()),
            "《民事诉讼法》第一百零三条、第一百零四条：裁定采取保全措施的，应当立即开始执行",
        )
    last, note = _day_limit(ruled_at.date(), 5, calendar)
    return Deadline(
        "保全执行期限",
        end_of_day(last),
        "《财产保全规定》第四条：裁定采取保全措施的，应当在五日内开始执行",
        note=note,
    )


def lawsuit_due(
    received_at: dt.datetime | dt.date,
    measures_taken_on: dt.date | None = None,
    *,
    calendar: WorkCalendar | None = None,
) -> Deadline:
    """The pre-suit applicant's deadline to sue or apply for arbitration (CPL art. 104).

    30 days after the measures were taken (that day not counted). Until the measures are
    recorded it is counted from the receipt and marked provisional: the real one is later.
    """
    if measures_taken_on is None:
        start = aware(received_at).date() if isinstance(received_at, dt.datetime) else received_at
        provisional = True
    else:
        start = measures_taken_on.date() if isinstance(measures_taken_on, dt.datetime) else measures_taken_on
        provisional = False
    last, note = _day_limit(start, 30, calendar)
    if provisional:
        note = "；".join(filter(None, ["尚未登记采取保全措施的日期，暂按收案日计算", note]))
    return Deadline(
        "申请人起诉期限",
        end_of_day(last),
        "《民事诉讼法》第一百零四条：申请人在采取保全措施后三十日内不起诉或申请仲裁的，应当解除保全",
        provisional=provisional,
        note=note,
    )


def release_ruling_due(
    applied_at: dt.datetime, *, urgent: bool = False, calendar: WorkCalendar | None = None
) -> Deadline:
    """The release ruling after the applicant's application to release: within five days, within
    48 hours when urgent (《财产保全规定》第二十三条; docs/rules.md §preservation-release)."""
    applied_at = aware(applied_at)
    if urgent:
        basis = "《财产保全规定》第二十三条：情况紧急的，四十八小时内裁定解除保全"
        return Deadline("解除保全裁定", applied_at + dt.timedelta(hours=48), basis)
    last, note = _day_limit(applied_at.date(), 5, calendar)
    return Deadline(
        "解除保全裁定", end_of_day(last), "《财产保全规定》第二十三条：收到解除保全申请后五日内裁定解除保全", note=note
    )


def enforcement_application_due(performance_period_end: dt.date, *, calendar: WorkCalendar | None = None) -> Deadline:
    """Pre-enforcement preservation: the creditor must apply for enforcement within 5 days after
    the performance period in the judgment ends, or the preservation is released."""
    last, note = _day_limit(performance_period_end, 5, calendar)
    return Deadline(
        "申请执行期限",
        end_of_day(last),
        "《民诉解释》第一百六十三条：债权人在法律文书指定的履行期间届满后五日内不申请执行的，人民法院应当解除保全",
        note=note,
    )


def plan_deadlines(
    kind: CaseKind | str,
    received_at: dt.datetime,
    measures_taken_on: dt.date | None = None,
    *,
    calendar: WorkCalendar | None = None,
) -> dict[str, object]:
    """The command line's ``deadlines`` object: ruling_due 'YYYY-MM-DD HH:MM', lawsuit_due
    'YYYY-MM-DD' for pre-suit cases (None otherwise) and whether it is still provisional. With
    ``calendar`` the lawsuit deadline — provisional or not — ending on a holiday moves to the next
    working day (CPL art. 85), as the recorded one does.

    The minutes are what a clerk reads: a deadline at the end of a day prints as 23:59."""
    kind = _kind(kind)
    result: dict[str, object] = {
        "ruling_due": ruling_due(kind, received_at).strftime("%Y-%m-%d %H:%M"),
        "lawsuit_due": None,
        "lawsuit_due_provisional": False,
    }
    if kind is CaseKind.PRE_SUIT:
        due = lawsuit_due(received_at, measures_taken_on, calendar=calendar)
        result["lawsuit_due"] = due.date.isoformat()
        result["lawsuit_due_provisional"] = due.provisional
    return result
