"""周通报: the weekly bulletin for ISO week ``YYYY-Www`` (Monday to Sunday), evaluated as of the
week's last day or today, whichever is earlier (docs/rules.md §approvals-bulletin):

* projects: every project in progress (or opened during the week) with its counts and light;
* overdue items (超期): latest finish before the evaluation day and not ticked off by then, one
  definition (`domain.approvals.is_overdue`) for the body's count, the table, the projects' column
  and the command line; an item that only cannot make the target is not overdue, a ticked-off one
  never is;
* department ranking by on-time rate = items finished by their latest finish ÷ (items finished
  + open items past their latest finish), as of the evaluation day; green ≥ 90 %, yellow ≥ 70 %.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

from laoshan_desk.documents import approvals as docs
from laoshan_desk.domain.approvals import ProjectStatus, is_overdue, item_signal, open_item_light, worst_signal
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.lights import Light, worst
from laoshan_desk.services import printing
from laoshan_desk.services.approvals.common import VIEW
from laoshan_desk.services.approvals.reports import views_in_scope
from laoshan_desk.services.approvals.views import ItemRow, ProjectView
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database

__all__ = ["parse_week", "week_of", "weekly_bulletin", "bulletin_pdf", "write_bulletin"]

_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


def parse_week(text: str) -> tuple[dt.date, dt.date, str]:
    """``2026-W48`` → (Monday, Sunday, "2026-W48"); ValidationError for anything else."""
    m = _WEEK.match((text or "").strip())
    if not m:
        raise ValidationError(f"周次格式应为 YYYY-Www，例如 2026-W48：{text!r}", field="week")
    year, week = int(m.group(1)), int(m.group(2))
    try:
        monday = dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        raise ValidationError(f"{year} 年没有第 {week} 周", field="week") from None
    return monday, monday + dt.timedelta(days=6), f"{year}-W{week:02d}"


def week_of(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def weekly_bulletin(db: Database, actor: Actor, week: str, *, today: dt.date) -> docs.Bulletin:
    """The bulletin of ``week`` as of its last day, or ``today`` while the week is running."""
    actor.require(VIEW)
    start, end, label = parse_week(week)
    as_of = min(end, today) if today >= start else end
    calendar = work_calendar(db)
    projects: list[docs.BulletinProject] = []
    late: list[docs.LateItem] = []
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # on_time, late_done, late_open
    for view in views_in_scope(db, actor, as_of, statuses=(ProjectStatus.ACTIVE, ProjectStatus.OPENED)):
        if view.start_date > end:
            continue
        must = view.must_items
        finished_before = [i for i in must if i.finished_on and i.finished_on < start]
        if view.status is not ProjectStatus.ACTIVE and len(finished_before) == len(must):
            continue  # opened before this week: nothing left to report
        done = [i for i in must if i.finished_on and i.finished_on <= as_of]
        this_week = [i for i in done if i.finished_on and start <= i.finished_on <= end]
        lights = [_light_as_of(i, as_of, calendar) for i in must]
        signals = [
            item_signal(
                light, done=bool(i.finished_on and i.finished_on <= as_of), latest_finish=i.latest_finish, day=as_of
            )
            for i, light in zip(must, lights, strict=True)
        ]
        overdue = [i for i in must if is_overdue(i.latest_finish, i.finished_on, as_of)]
        projects.append(
            docs.BulletinProject(
                view.id,
                view.number,
                view.name,
                view.enterprise,
                view.street_name,
                view.target_date,
                len(must),
                len(done),
                len(this_week),
                len(overdue),
                lights.count(Light.YELLOW),
                worst(lights),
                worst_signal(signals),
            )
        )
        for i in overdue:
            assert i.latest_finish is not None  # is_overdue needs one
            late.append(_late(view, i, calendar.workdays_between(i.latest_finish, as_of)))
        for i in must:
            dept = i.department or docs.NO_DEPARTMENT
            stats[dept]  # every department with a must-do item is ranked
            if i.latest_finish is None:
                continue
            if i.finished_on and i.finished_on <= as_of:
                stats[dept][0 if i.finished_on <= i.latest_finish else 1] += 1
            elif is_overdue(i.latest_finish, i.finished_on, as_of):
                stats[dept][2] += 1
    ranked = sorted(stats.items(), key=lambda kv: (_rate_key(kv[1]), -sum(kv[1]), kv[0]))
    ranking = tuple(
        docs.DepartmentRank(n, dept, sum(v), v[0], v[1], v[2]) for n, (dept, v) in enumerate(ranked, start=1)
    )
    late.sort(key=lambda r: (-r.late_days, r.project_name, r.code))
    return docs.Bulletin(label, start, end, as_of, tuple(projects), tuple(late), ranking)


def _rate_key(v: list[int]) -> float:
    total = sum(v)
    return -(v[0] / total) if total else 1.0  # best rate first; departments with nothing due last


def _light_as_of(item: ItemRow, day: dt.date, calendar: WorkCalendar) -> Light:
    """The item's light on ``day`` (a finish after that day still counts as open then)."""
    finished = item.finished_on is not None and item.finished_on <= day
    if not item.must_do or finished or item.latest_finish is None or item.slack_days is None:
        return Light.GREY
    return open_item_light(item.latest_finish, item.slack_days, day, calendar)


def _late(view: ProjectView, i: ItemRow, days: int) -> docs.LateItem:
    return docs.LateItem(
        view.name,
        i.code,
        i.name,
        i.department,
        i.responsible,
        i.node_date,
        i.latest_finish,
        i.finished_on,
        days,
        i.status_label,
        limit_text=i.limit_text,
        statutory_due=i.statutory_due,
    )


def bulletin_pdf(db: Database, actor: Actor, week: str, *, today: dt.date) -> bytes:
    """The week's bulletin as PDF bytes (the preview records it when it is printed or saved)."""
    return docs.bulletin_pdf(weekly_bulletin(db, actor, week, today=today))


def write_bulletin(
    db: Database, actor: Actor, week: str, xlsx: Path, pdf: Path | None = None, *, now: dt.datetime
) -> docs.Bulletin:
    """The weekly bulletin as Excel (and PDF) files: what ``laoshan-desk report weekly`` runs.
    Each file is audited once, after it was written."""
    bulletin = weekly_bulletin(db, actor, week, today=now.date())
    output = printing.Output("approval_bulletin", bulletin.week, f"周通报 {bulletin.week}")
    written = [docs.bulletin_excel(bulletin, Path(xlsx))]
    if pdf is not None:
        Path(pdf).parent.mkdir(parents=True, exist_ok=True)
        Path(pdf).write_bytes(docs.bulletin_pdf(bulletin))
        written.append(Path(pdf))
    for path in written:
        printing.record_output(db, actor, output, kind=printing.OutputKind.EXPORT, target=str(path), now=now)
    return bulletin
