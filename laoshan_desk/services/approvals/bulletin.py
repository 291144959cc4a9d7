"""周通报: the weekly bulletin for ISO week ``YYYY-Www`` (Monday to Sunday), evaluated as of the
week's last day or today, whichever is earlier:

* projects: every project in progress (or opened during the week) with its counts and light;
* late items: open items past their latest finish, and items ticked off after it during the week;
* department ranking by on-time rate = items finished by their latest finish ÷ (items finished
  + open items past their latest finish), as of the evaluation day; green ≥ 90 %, yellow ≥ 70 %.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any

from laoshan_desk.documents import approvals as docs
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.lights import Light, worst
from laoshan_desk.domain.timeutil import now as clock_now
from laoshan_desk.services import audit
from laoshan_desk.services.approvals.reports import _views
from laoshan_desk.services.approvals.views import ItemRow, ProjectView
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database

# -- weekly bulletin ---------------------------------------------------------------------------
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


@dataclasses.dataclass(frozen=True)
class BulletinProject:
    id: uuid.UUID
    number: str
    name: str
    enterprise: str
    street_name: str
    target_date: dt.date
    must_do: int
    done: int
    done_this_week: int
    red: int
    yellow: int
    light: Light

    @property
    def completion(self) -> float:
        return self.done / self.must_do if self.must_do else 0.0


@dataclasses.dataclass(frozen=True)
class LateItem:
    project_name: str
    code: str
    name: str
    department: str
    responsible: str
    node_date: dt.date | None
    latest_finish: dt.date | None
    finished_on: dt.date | None
    late_days: int
    status_label: str


@dataclasses.dataclass(frozen=True)
class DepartmentRank:
    rank: int
    department: str
    due: int
    on_time: int
    late_done: int
    late_open: int

    @property
    def rate(self) -> float | None:
        return self.on_time / self.due if self.due else None


@dataclasses.dataclass(frozen=True)
class Bulletin:
    week: str
    start: dt.date
    end: dt.date
    as_of: dt.date
    projects: tuple[BulletinProject, ...]
    late: tuple[LateItem, ...]
    ranking: tuple[DepartmentRank, ...]

    @property
    def totals(self) -> dict[str, Any]:
        due = sum(r.due for r in self.ranking)
        on_time = sum(r.on_time for r in self.ranking)
        return {
            "projects": len(self.projects),
            "must_do": sum(p.must_do for p in self.projects),
            "done": sum(p.done for p in self.projects),
            "done_this_week": sum(p.done_this_week for p in self.projects),
            "late_open": sum(r.late_open for r in self.ranking),
            "yellow": sum(p.yellow for p in self.projects),
            "rate": on_time / due if due else None,
        }


def weekly_bulletin(db: Database, actor: Actor, week: str, *, today: dt.date | None = None) -> Bulletin:
    start, end, label = parse_week(week)
    today = today or clock_now().date()
    as_of = min(end, today) if today >= start else end
    calendar = work_calendar(db)
    projects: list[BulletinProject] = []
    late: list[LateItem] = []
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # on_time, late_done, late_open
    for view in _views(db, actor, as_of, statuses=("active", "opened")):
        if view.start_date > end:
            continue
        must = view.must_items
        finished_before = [i for i in must if i.finished_on and i.finished_on < start]
        if view.status != "active" and len(finished_before) == len(must):
            continue  # opened before this week: nothing left to report
        done = [i for i in must if i.finished_on and i.finished_on <= as_of]
        this_week = [i for i in done if start <= i.finished_on <= end]  # type: ignore[operator]
        lights = [_light_as_of(i, as_of, calendar) for i in must]
        projects.append(
            BulletinProject(
                view.id,
                view.number,
                view.name,
                view.enterprise,
                view.street_name,
                view.target_date,
                len(must),
                len(done),
                len(this_week),
                lights.count(Light.RED),
                lights.count(Light.YELLOW),
                worst(lights),
            )
        )
        for i in must:
            dept = i.department or "（未指定部门）"
            stats[dept]  # every department with a must-do item is ranked
            if i.latest_finish is None:
                continue
            if i.finished_on and i.finished_on <= as_of:
                if i.finished_on <= i.latest_finish:
                    stats[dept][0] += 1
                else:
                    stats[dept][1] += 1
                    if start <= i.finished_on <= end:
                        late.append(_late(view, i, calendar.workdays_between(i.latest_finish, i.finished_on)))
            elif as_of > i.latest_finish:
                stats[dept][2] += 1
                late.append(_late(view, i, calendar.workdays_between(i.latest_finish, as_of)))
            elif i.slack_days is not None and i.slack_days < 0:
                late.append(
                    dataclasses.replace(_late(view, i, -i.slack_days), status_label=f"{i.status_label}（计划不可行）")
                )
    ranked = sorted(stats.items(), key=lambda kv: (_rate_key(kv[1]), -sum(kv[1]), kv[0]))
    ranking = tuple(DepartmentRank(n, dept, sum(v), v[0], v[1], v[2]) for n, (dept, v) in enumerate(ranked, start=1))
    late.sort(key=lambda r: (-r.late_days, r.project_name, r.code))
    return Bulletin(label, start, end, as_of, tuple(projects), tuple(late), ranking)


def _rate_key(v: list[int]) -> float:
    total = sum(v)
    return -(v[0] / total) if total else 1.0  # best rate first; departments with nothing due last


def _light_as_of(item: ItemRow, day: dt.date, calendar: WorkCalendar) -> Light:
    if not item.must_do or (item.finished_on and item.finished_on <= day) or item.latest_finish is None:
        return Light.GREY
    if day > item.latest_finish or (item.slack_days is not None and item.slack_days < 0):
        return Light.RED
    if calendar.workdays_between(day, item.latest_finish) <= 2:
        return Light.YELLOW
    return Light.GREEN


def _late(view: ProjectView, i: ItemRow, days: int) -> LateItem:
    return LateItem(
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
    )


def write_bulletin(
    db: Database, actor: Actor, week: str, xlsx: Path, pdf: Path | None = None, *, today: dt.date | None = None
) -> Bulletin:
    """The weekly bulletin as Excel (and PDF): what ``laoshan-desk report weekly`` runs."""
    bulletin = weekly_bulletin(db, actor, week, today=today)
    docs.bulletin_excel(bulletin, Path(xlsx))
    if pdf is not None:
        Path(pdf).parent.mkdir(parents=True, exist_ok=True)
        Path(pdf).write_bytes(docs.bulletin_pdf(bulletin))
    audit.record(
        db,
        actor,
        "export",
        "approval_bulletin",
        bulletin.week,
        f"导出周通报 {bulletin.week}",
        after={"xlsx": Path(xlsx).name, "pdf": Path(pdf).name if pdf else None},
    )
    return bulletin
