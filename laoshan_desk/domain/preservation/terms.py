"""Step 3, speed (能快保就不慢保): ruling, execution and lawsuit deadlines, freeze terms, lights."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.preservation.inputs import _enum
from laoshan_desk.domain.preservation.vocabulary import AssetType, CaseKind, TermCategory

_END_OF_DAY = dt.time(23, 59)


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
        self, now: dt.datetime, *, done_at: dt.datetime | None = None, warn_before: dt.timedelta = dt.timedelta(hours=4)
    ) -> Light:
        return clock_light(self.due, now, done_at=done_at, warn_before=warn_before)


def clock_light(
    due: dt.datetime,
    now: dt.datetime,
    *,
    done_at: dt.datetime | None = None,
    warn_before: dt.timedelta = dt.timedelta(hours=4),
) -> Light:
    """Grey when done, red past due, yellow within ``warn_before`` of it, green otherwise."""
    if done_at is not None:
        return Light.GREY
    if now > due:
        return Light.RED
    if due - now <= warn_before:
        return Light.YELLOW
    return Light.GREEN


def _end_of_day(day: dt.date, tzinfo: dt.tzinfo | None = None) -> dt.datetime:
    """23:59 of ``day``, aware when the clock's start was aware (naive in, naive out)."""
    return dt.datetime.combine(day, _END_OF_DAY, tzinfo=tzinfo)


def _day_limit(start: dt.date, days: int, calendar: WorkCalendar | None) -> tuple[dt.date, str]:
    """``days`` calendar days after ``start`` (start not counted, CPL art. 85); with a calendar,
    a last day falling on a holiday moves to the next working day, as the same article says."""
    last = start + dt.timedelta(days=days)
    if calendar is not None and not calendar.is_workday(last):
        moved = calendar.next_workday(last)
        return moved, f"期间届满日{last.isoformat()}为节假日，顺延至{moved.isoformat()}"
    return last, ""


def _kind(kind: CaseKind | str) -> CaseKind:
    return _enum(CaseKind, kind, "kind", "保全类型")


def ruling_due(kind: CaseKind | str, received_at: dt.datetime) -> dt.datetime:
    """The desk's ruling target: received + 48 hours before suit (CPL art. 104); otherwise the
    end of the day received (23:59), the court's own same-day rule (当天立案、当天制作保全裁定)."""
    if _kind(kind) is CaseKind.PRE_SUIT:
        return received_at + dt.timedelta(hours=48)
    return _end_of_day(received_at.date(), received_at.tzinfo)


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
    start = guarantee_at or received_at
    last, note = _day_limit(start.date(), 5, calendar)
    basis = "《财产保全规定》第四条：五日内作出裁定" + ("（自提供担保之日起算）" if guarantee_at else "")
    return Deadline("保全裁定法定期限", _end_of_day(last, start.tzinfo), basis, note=note)


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
    if urgent or kind in (CaseKind.PRE_SUIT, CaseKind.PRE_ENFORCEMENT):
        return Deadline(
            "保全执行期限",
            _end_of_day(ruled_at.date(), ruled_at.tzinfo),
            "《民事诉讼法》第一百零三条、第一百零四条：裁定采取保全措施的，应当立即开始执行",
        )
    last, note = _day_limit(ruled_at.date(), 5, calendar)
    return Deadline(
        "保全执行期限",
        _end_of_day(last, ruled_at.tzinfo),
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
        start = received_at.date() if isinstance(received_at, dt.datetime) else received_at
        provisional = True
    else:
        start = measures_taken_on.date() if isinstance(measures_taken_on, dt.datetime) else measures_taken_on
        provisional = False
    last, note = _day_limit(start, 30, calendar)
    if provisional:
        note = "；".join(filter(None, ["尚未登记采取保全措施的日期，暂按收案日计算", note]))
    tz = received_at.tzinfo if isinstance(received_at, dt.datetime) else None
    return Deadline(
        "申请人起诉期限",
        _end_of_day(last, tz),
        "《民事诉讼法》第一百零四条：申请人在采取保全措施后三十日内不起诉或申请仲裁的，应当解除保全",
        provisional=provisional,
        note=note,
    )


def enforcement_application_due(performance_period_end: dt.date, *, calendar: WorkCalendar | None = None) -> Deadline:
    """Pre-enforcement preservation: the creditor must apply for enforcement within 5 days after
    the performance period in the judgment ends, or the preservation is released."""
    last, note = _day_limit(performance_period_end, 5, calendar)
    return Deadline(
        "申请执行期限",
        _end_of_day(last),
        "执行前保全：法律文书指定的履行期间届满后五日内不申请执行的，应当解除保全",
        note=note,
    )


def plan_deadlines(
    kind: CaseKind | str,
    received_at: dt.datetime,
    measures_taken_on: dt.date | None = None,
) -> dict[str, object]:
    """The command line's ``deadlines`` object: ruling_due 'YYYY-MM-DD HH:MM', lawsuit_due
    'YYYY-MM-DD' for pre-suit cases (None otherwise) and whether it is still provisional."""
    kind = _kind(kind)
    result: dict[str, object] = {
        "ruling_due": ruling_due(kind, received_at).strftime("%Y-%m-%d %H:%M"),
        "lawsuit_due": None,
        "lawsuit_due_provisional": False,
    }
    if kind is CaseKind.PRE_SUIT:
        due = lawsuit_due(received_at, measures_taken_on)
        result["lawsuit_due"] = due.date.isoformat()
        result["lawsuit_due_provisional"] = due.provisional
    return result


def term_category(asset_type: AssetType | str) -> TermCategory:
    return _enum(AssetType, asset_type, "assets.type", "财产类型").term_category


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 Feb: the month has no corresponding day, so its last day (art. 202)
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class FreezeTerm:
    """A freeze or seizure term (Judicial Interpretation art. 485) and its reminders.

    ``expiry`` is the term's last day: counted in years, the start day not counted, ending on
    the corresponding day (Civil Code arts. 201–202). ``renew_apply_by`` is the last day for the
    applicant's renewal application, 7 days before expiry (《财产保全规定》第十八条).
    """

    category: TermCategory
    start: dt.date
    expiry: dt.date
    reminder_on: dt.date
    renew_apply_by: dt.date
    years: int

    def light(self, today: dt.date, *, released: bool = False) -> Light:
        return term_light(self, today, released=released)

    def days_left(self, today: dt.date) -> int:
        return (self.expiry - today).days


def freeze_term(
    asset_type: AssetType | str,
    start: dt.date,
    *,
    years: int | None = None,
    reminder_days: int = 30,
) -> FreezeTerm:
    """The term of a freeze or seizure begun (or renewed) on ``start``.

    Bank deposits 1 year, movables 2, real estate and other property rights (shares, claims) 3;
    ``years`` may set a shorter term but never a longer one. A renewal is a new term from the
    renewal date, within the same limits.
    """
    category = term_category(asset_type)
    if years is None:
        years = category.years
    if not 1 <= years <= category.years:
        raise ValidationError(f"{category.label}的保全期限最长{category.years}年", field="term_years")
    if reminder_days < 0:
        raise ValidationError("提醒天数不能为负数", field="reminder_days")
    expiry = _add_years(start, years)
    return FreezeTerm(
        category=category,
        start=start,
        expiry=expiry,
        reminder_on=expiry - dt.timedelta(days=reminder_days),
        renew_apply_by=expiry - dt.timedelta(days=7),
        years=years,
    )


def term_light(term: FreezeTerm, today: dt.date, *, released: bool = False) -> Light:
    """Red once expired, yellow from the reminder day, green before; grey once released."""
    if released:
        return Light.GREY
    if today > term.expiry:
        return Light.RED
    if today >= term.reminder_on:
        return Light.YELLOW
    return Light.GREEN
