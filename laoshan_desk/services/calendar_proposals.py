"""The in-lieu days off proposed for a provisional year, and the admin's confirmation of them.

A holiday of the whole people on a Saturday or a Sunday gives a day off on a working day
(全国年节及纪念日放假办法 art. 6; docs/rules.md §calendar-in-lieu-days). Until the State
Council publishes the year (chinese_calendar does not know it), the desk counts only the
statutory holidays themselves: the in-lieu days are working days. :func:`in_lieu_proposals` lists
them (``domain.calendar.in_lieu_proposals``) for the admin; :func:`confirm_in_lieu` enters the
chosen ones as days off, exactly as a day entered on the calendar page is (services/calendar.py's
override, its audit record, the stored deadlines it moves), all of them in one transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select

from laoshan_desk.domain.calendar import InLieuProposal, StatutoryHoliday
from laoshan_desk.domain.calendar import in_lieu_proposals as propose
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.timeutil import MAX_DATE, MIN_DATE
from laoshan_desk.services.calendar import enter_days, forget_calendar, work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import CalendarOverride

__all__ = ["InLieuConfirmation", "InLieuResult", "InLieuRow", "confirm_in_lieu", "in_lieu_proposals"]


@dataclasses.dataclass(frozen=True)
class InLieuRow:
    """A proposal as the admin sees it: ``entered`` once an override already makes it a day off."""

    day: dt.date
    holiday: StatutoryHoliday
    instead_of: dt.date | None
    entered: bool

    def note(self) -> str:
        """The override's note (at most 100 characters, as every override's)."""
        where = f"{self.instead_of.isoformat()}适逢周末" if self.instead_of else "适逢周末"
        return f"{self.holiday.label}补假（{where}，全国年节及纪念日放假办法第六条）"


@dataclasses.dataclass(frozen=True)
class InLieuConfirmation:
    """The admin's choice: which of ``year``'s proposed days become days off."""

    year: int
    days: tuple[dt.date, ...]


@dataclasses.dataclass(frozen=True)
class InLieuResult:
    days: tuple[dt.date, ...]
    moved: int  # stored deadlines the new days off moved


def _check_year(db: Database, year: int) -> None:
    if not MIN_DATE.year <= year <= MAX_DATE.year:
        raise ValidationError(f"年份应在 {MIN_DATE.year} 至 {MAX_DATE.year} 之间", field="year")
    if not work_calendar(db).is_provisional(year):
        raise ValidationError(f"{year} 年的调休安排已公布或已确认录入完毕，无需补假建议", field="year")


def in_lieu_proposals(db: Database, actor: Actor, year: int) -> list[InLieuRow]:
    """The proposed in-lieu days of a provisional ``year``; refused for a published or confirmed one."""
    actor.require("admin.edit")
    _check_year(db, year)
    return _rows(db, propose(year))


def _rows(db: Database, proposals: tuple[InLieuProposal, ...]) -> list[InLieuRow]:
    days = [p.day for p in proposals]
    with db.session() as session:
        query = select(CalendarOverride).where(CalendarOverride.day.in_(days))
        off = {o.day for o in session.scalars(query) if not o.is_workday}
    return [InLieuRow(p.day, p.holiday, p.instead_of, p.day in off) for p in proposals]


def confirm_in_lieu(db: Database, actor: Actor, form: InLieuConfirmation, *, now: dt.datetime) -> InLieuResult:
    """Enter the chosen proposals as days off, in one transaction: each an override with its audit
    record (as on the calendar page), one record of the confirmation, the stored deadlines moved.

    Refused, with nothing changed: a year that is not provisional, no day chosen, a day that is
    not among the year's proposals (the admin enters any other day on the calendar page).
    """
    actor.require("admin.edit")
    _check_year(db, form.year)
    if not form.days:
        raise ValidationError("请至少选择一个建议补假日", field="days")
    proposed = {row.day: row for row in _rows(db, propose(form.year))}
    chosen = sorted(set(form.days))
    for day in chosen:
        if day not in proposed:
            raise ValidationError(f"{day.isoformat()} 不是 {form.year} 年的建议补假日", field="days")
    with unit_of_work(db, actor, now) as work:
        moved = enter_days(work, {day: (False, proposed[day].note()) for day in chosen})
        work.audit(
            "update",
            "calendar_in_lieu",
            form.year,
            f"日历：确认 {form.year} 年建议补假日 {len(chosen)} 天",
            after={"days": [d.isoformat() for d in chosen], "moved": moved},
        )
    forget_calendar(db)
    return InLieuResult(tuple(chosen), moved)
