"""The desk's one working-day calendar, built from chinese-calendar plus the admin's overrides.

Every tab gets its calendar here (:func:`work_calendar`), so that an override entered by the
admin moves every deadline at once. Deadlines computed when read follow by themselves; an area
that *stores* deadlines (the appeals' completion limits, which the queue filters in SQL) keeps
them current with a module ``laoshan_desk/services/<area>/deadlines.py`` defining

    recompute(work, before, after, days, previous_settings) -> int

found by convention (as services/demo.py finds the seed modules) and called inside the unit of
work of every calendar change with the calendar before and after it and the days changed
(None: any day), and of a change of the settings with the settings before it; it returns how
many stored deadlines moved, which the change returns to the admin.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import importlib.util
import pkgutil
from collections.abc import Callable, Collection
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

import laoshan_desk.services as services_package
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.timeutil import now as clock_now
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import Work, unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import CalendarOverride, CalendarYear

_CACHE_KEY = "work_calendar"


def work_calendar(db: Database) -> WorkCalendar:
    cached = db.cache.get(_CACHE_KEY)
    if cached is None:
        with db.session() as session:
            cached = calendar_in(session)
        db.cache[_CACHE_KEY] = cached
    return cached


def calendar_in(session: Session) -> WorkCalendar:
    """The calendar as the session sees it (inside a change: with the change)."""
    overrides = {o.day: o.is_workday for o in session.scalars(select(CalendarOverride))}
    confirmed = [y.year for y in session.scalars(select(CalendarYear).where(CalendarYear.confirmed))]
    return WorkCalendar(overrides, confirmed)


Keeper = Callable[[Work, WorkCalendar, WorkCalendar, Collection[dt.date] | None, object | None], int]


def _keepers() -> list[Keeper]:
    found: list[Keeper] = []
    for info in sorted(pkgutil.iter_modules(services_package.__path__), key=lambda m: m.name):
        name = f"laoshan_desk.services.{info.name}.deadlines"
        if info.ispkg and importlib.util.find_spec(name) is not None:
            found.append(importlib.import_module(name).recompute)
    return found


def recompute_deadlines(
    work: Work, before: WorkCalendar, days: Collection[dt.date] | None, previous_settings: object | None = None
) -> int:
    """Move every stored deadline the change can touch, in the change's unit of work; how many moved."""
    work.session.flush()
    after = calendar_in(work.session)
    return sum(keeper(work, before, after, days, previous_settings) for keeper in _keepers())


def _invalidate(db: Database) -> None:
    db.cache.pop(_CACHE_KEY, None)


def warnings(db: Database, today: dt.date | None = None) -> list[str]:
    """Warnings for this year and next (deadlines reach into next year from autumn on)."""
    today = today or clock_now().date()
    return work_calendar(db).warnings([today.year, today.year + 1])


@dataclasses.dataclass(frozen=True)
class OverrideRow:
    day: dt.date
    is_workday: bool
    note: str


def list_overrides(db: Database, year: int | None = None) -> list[OverrideRow]:
    with db.session() as session:
        query = select(CalendarOverride).order_by(CalendarOverride.day)
        if year is not None:
            query = query.where(
                CalendarOverride.day >= dt.date(year, 1, 1), CalendarOverride.day <= dt.date(year, 12, 31)
            )
        return [OverrideRow(o.day, o.is_workday, o.note) for o in session.scalars(query)]


def set_override(db: Database, actor: Actor, day: dt.date, is_workday: bool, note: str = "") -> int:
    """Make ``day`` a working day or a day off; returns how many stored deadlines moved."""
    actor.require("admin.edit")
    with unit_of_work(db, actor) as work:
        before = calendar_in(work.session)
        _upsert(work, day, is_workday, note)
        moved = recompute_deadlines(work, before, {day})
    _invalidate(db)
    return moved


def _upsert(work, day: dt.date, is_workday: bool, note: str) -> None:  # type: ignore[no-untyped-def]
    row = work.session.scalar(select(CalendarOverride).where(CalendarOverride.day == day))
    before = {"is_workday": row.is_workday, "note": row.note} if row else None
    if row is None:
        work.session.add(CalendarOverride(day=day, is_workday=is_workday, note=note))
    else:
        row.is_workday, row.note = is_workday, note
    label = "工作日（调休上班）" if is_workday else "休息日"
    work.audit(
        "update" if row else "create",
        "calendar_override",
        day.isoformat(),
        f"日历：{day.isoformat()} 设为{label}",
        before=before,
        after={"is_workday": is_workday, "note": note},
    )


def remove_override(db: Database, actor: Actor, day: dt.date) -> int:
    """Drop the admin's adjustment of ``day``; returns how many stored deadlines moved."""
    actor.require("admin.edit")
    with unit_of_work(db, actor) as work:
        row = work.session.scalar(select(CalendarOverride).where(CalendarOverride.day == day))
        if row is None:
            return 0
        before = calendar_in(work.session)
        work.audit(
            "delete",
            "calendar_override",
            day.isoformat(),
            f"日历：删除 {day.isoformat()} 的调整",
            before={"is_workday": row.is_workday, "note": row.note},
        )
        work.session.execute(delete(CalendarOverride).where(CalendarOverride.day == day))
        moved = recompute_deadlines(work, before, {day})
    _invalidate(db)
    return moved


def confirm_year(db: Database, actor: Actor, year: int, confirmed: bool = True) -> None:
    """Mark a year's make-up days as entered in full (silences the status-bar warning)."""
    actor.require("admin.edit")
    with unit_of_work(db, actor) as work:
        row = work.session.get(CalendarYear, year)
        if row is None:
            work.session.add(CalendarYear(year=year, confirmed=confirmed))
        else:
            row.confirmed = confirmed
        work.audit(
            "update",
            "calendar_year",
            year,
            f"日历：{year} 年调休安排{'已' if confirmed else '未'}录入完毕",
            after={"confirmed": confirmed},
        )
    _invalidate(db)


@dataclasses.dataclass(frozen=True)
class ImportReport:
    imported: int
    rejected: list[tuple[int, str]]
    moved: int = 0  # stored deadlines the imported days moved


_WORK_WORDS = {"上班", "工作日", "调休上班", "是", "1", "true", "workday"}
_OFF_WORDS = {"休息", "放假", "节假日", "休息日", "否", "0", "false", "holiday"}


def import_overrides(db: Database, actor: Actor, path: Path) -> ImportReport:
    """Excel with columns 日期 | 类型 (上班/休息) | 说明; bad rows reported, good rows kept."""
    actor.require("admin.edit")
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable file gets the same message
        raise ValidationError(f"无法读取 Excel 文件：{path.name}（{exc.__class__.__name__}）") from exc
    ws = wb.worksheets[0]
    good: list[tuple[dt.date, bool, str]] = []
    rejected: list[tuple[int, str]] = []
    for index, row in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        if not row or all(v in (None, "") for v in row):
            continue
        day_v, kind_v = row[0], row[1] if len(row) > 1 else None
        note = str(row[2]) if len(row) > 2 and row[2] is not None else ""
        if isinstance(day_v, dt.datetime):
            day = day_v.date()
        elif isinstance(day_v, dt.date):
            day = day_v
        else:
            try:
                day = dt.date.fromisoformat(str(day_v).strip())
            except ValueError:
                rejected.append((index, f"日期无法识别：{day_v!r}"))
                continue
        kind = str(kind_v).strip().lower() if kind_v is not None else ""
        if kind in _WORK_WORDS:
            good.append((day, True, note))
        elif kind in _OFF_WORDS:
            good.append((day, False, note))
        else:
            rejected.append((index, f"类型应为“上班”或“休息”：{kind_v!r}"))
    wb.close()
    moved = 0
    if good:
        with unit_of_work(db, actor) as work:
            before = calendar_in(work.session)
            for day, is_workday, note in good:
                _upsert(work, day, is_workday, note)
            moved = recompute_deadlines(work, before, {day for day, _w, _n in good})
        _invalidate(db)
    return ImportReport(len(good), rejected, moved)
