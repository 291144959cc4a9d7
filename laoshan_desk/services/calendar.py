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
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

import laoshan_desk.services as services_package
from laoshan_desk.documents.excel_read import read_sheet
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.inputs import clean_text
from laoshan_desk.domain.timeutil import check_range, parse_date
from laoshan_desk.services.context import Actor
from laoshan_desk.services.imports import ImportBuilder, ImportReport, Outcome, commit_in_batches
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


def forget_calendar(db: Database) -> None:
    """Drop the cached calendar after a change has committed (the next read builds it again)."""
    db.cache.pop(_CACHE_KEY, None)


def warnings(db: Database, today: dt.date) -> list[str]:
    """Warnings for this year and next (deadlines reach into next year from autumn on)."""
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


@dataclasses.dataclass(frozen=True)
class OverrideRemoval:
    """The day whose adjustment the admin drops."""

    day: dt.date


@dataclasses.dataclass(frozen=True)
class YearConfirmation:
    """A year's make-up days marked as entered in full (or not)."""

    year: int
    confirmed: bool = True


def set_override(db: Database, actor: Actor, form: OverrideForm, *, now: dt.datetime) -> int:
    """One day made a working day or a day off (the same checks as a row of the import).

    Returns how many stored deadlines the change moved.
    """
    actor.require("admin.edit")
    day = form.day
    check_range(day, "day", "日期")
    note = clean_text(form.note, field="note", label="说明", max_length=100)
    with unit_of_work(db, actor, now) as work:
        moved = enter_days(work, {day: (form.is_workday, note)})
    forget_calendar(db)
    return moved


def enter_days(work: Work, days: Mapping[dt.date, tuple[bool, str]]) -> int:
    """Inside a calendar service's unit of work: each day made a working day or a day off
    (``{day: (is_workday, note)}``), audited one by one, and every stored deadline those days
    touch moved (docs/rules.md §appeals-clocks); returns how many moved. After the commit the
    caller calls :func:`forget_calendar`."""
    before = calendar_in(work.session)
    for day, (is_workday, note) in sorted(days.items()):
        _upsert(work, day, is_workday, note)
    return recompute_deadlines(work, before, set(days))


def _upsert(work: Work, day: dt.date, is_workday: bool, note: str) -> Outcome:
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
    return "updated" if before is not None else "imported"


def remove_override(db: Database, actor: Actor, form: OverrideRemoval, *, now: dt.datetime) -> int:
    """Drop the admin's adjustment of ``form.day``; returns how many stored deadlines moved."""
    actor.require("admin.edit")
    day = form.day
    with unit_of_work(db, actor, now) as work:
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
    forget_calendar(db)
    return moved


def confirm_year(db: Database, actor: Actor, form: YearConfirmation, *, now: dt.datetime) -> None:
    """Mark a year's make-up days as entered in full (silences the status-bar warning)."""
    actor.require("admin.edit")
    year, confirmed = form.year, form.confirmed
    with unit_of_work(db, actor, now) as work:
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
    forget_calendar(db)


@dataclasses.dataclass(frozen=True)
class CalendarImportReport(ImportReport):
    """The import's report, with how many stored deadlines the imported days moved."""

    moved: int = 0

    def summary(self) -> str:
        return f"{super().summary()}；{self.moved} 件未办结诉求的办结时限随之变更"


_WORK_WORDS = {"上班", "工作日", "调休上班", "是", "1", "true", "workday"}
_OFF_WORDS = {"休息", "放假", "节假日", "休息日", "否", "0", "false", "holiday"}
IMPORT_COLUMNS = ("日期", "类型", "说明")
IMPORT_MAX_ROWS = 5_000  # a calendar file lists days of a few years, never thousands
_FIELDS = {"day": "日期", "kind": "类型", "note": "说明"}


@dataclasses.dataclass(frozen=True)
class OverrideForm:
    """One working-day adjustment, as typed on the calendar page or read from a row of a file."""

    day: dt.date
    is_workday: bool
    note: str = ""


def check_override(day: object, kind: object, note: object) -> OverrideForm:
    """The one validator of an override: the calendar page and the import both use it.

    ``day`` is a date, a datetime or YYYY-MM-DD text within the desk's range; ``kind`` one of
    上班/工作日/调休上班 or 休息/放假/节假日 (or true/false); ``note`` at most 100 characters.
    """
    if isinstance(day, dt.datetime):
        parsed = check_range(day.date(), "day", "日期")
    elif isinstance(day, dt.date):
        parsed = check_range(day, "day", "日期")
    elif day is None:
        raise ValidationError("请填写日期", field="day")
    else:
        parsed = parse_date(str(day), "day", "日期")
    word = "" if kind is None else str(kind).strip().lower()
    if word in _WORK_WORDS:
        is_workday = True
    elif word in _OFF_WORDS:
        is_workday = False
    else:
        raise ValidationError(f"类型应为“上班”或“休息”：{str(kind)[:20]!r}", field="kind")
    return OverrideForm(parsed, is_workday, clean_text(note, field="note", label="说明", max_length=100))


def import_overrides(db: Database, actor: Actor, path: Path, *, now: dt.datetime) -> CalendarImportReport:
    """Excel with columns 日期 | 类型 (上班/休息) | 说明; bad rows reported, good rows kept.

    A day listed twice is refused on its second row; a day already adjusted is updated.
    """
    actor.require("admin.edit")
    sheet = read_sheet(path, IMPORT_COLUMNS, required=("日期", "类型"), max_rows=IMPORT_MAX_ROWS)
    report = ImportBuilder(_FIELDS)
    good = report.check_rows(
        sheet,
        lambda values: check_override(values["日期"], values["类型"], values["说明"]),
        unique=lambda form: form.day.isoformat(),
        unique_column="日期",
    )

    # Each batch moves the stored deadlines its days touch, inside the batch's own unit of work
    # (docs/rules.md §appeals-clocks: a calendar change moves every stored deadline).
    batch_state: dict[str, Any] = {}
    moved = 0

    def apply(work: Work, _row: int, form: OverrideForm) -> Outcome:
        if batch_state.get("work") is not work:
            batch_state.update(work=work, before=calendar_in(work.session), days=set())
        batch_state["days"].add(form.day)
        return _upsert(work, form.day, form.is_workday, form.note)

    def finish_batch(work: Work) -> None:
        nonlocal moved
        if batch_state.get("work") is work and batch_state["days"]:
            moved += recompute_deadlines(work, batch_state["before"], batch_state["days"])

    commit_in_batches(
        db,
        actor,
        good,
        apply,
        now=now,
        report=report,
        after_batch=lambda: forget_calendar(db),
        finish_batch=finish_batch,
    )
    base = report.build()
    return CalendarImportReport(base.imported, base.updated, base.conflicts, base.rejected, moved=moved)
