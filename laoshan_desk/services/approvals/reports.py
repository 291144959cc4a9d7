"""日调度 and the printed papers of a project (one-time notice, reverse-schedule table).

Daily dispatch: every open must-do item, across the projects the actor may see, that is late
(past its latest finish, or unable to make the target), due today, or due within 2 working days
(its latest finish 1–2 working days away): the same rule as the yellow and red lights. A
department handler sees the department's own items.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections import defaultdict
from pathlib import Path

from sqlalchemy import select

from laoshan_desk.documents import approvals as docs
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.timeutil import now as clock_now
from laoshan_desk.services import audit
from laoshan_desk.services.approvals.common import _scope_condition
from laoshan_desk.services.approvals.projects import project_detail
from laoshan_desk.services.approvals.views import ItemRow, ProjectView
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.approvals import ApprovalProject

BUCKETS = ("late", "infeasible", "today", "soon")


# -- reading every project in scope ------------------------------------------------------------
def _views(db: Database, actor: Actor, today: dt.date, *, statuses: tuple[str, ...] = ("active",)) -> list[ProjectView]:
    actor.require("approvals.view")
    with db.session() as session:
        q = select(ApprovalProject.id).where(_scope_condition(actor))
        if statuses:
            q = q.where(ApprovalProject.status.in_(statuses))
        ids = list(session.scalars(q.order_by(ApprovalProject.seq)))
    views = []
    for pid in ids:
        try:
            views.append(project_detail(db, actor, pid, today=today))
        except ValidationError:
            continue  # a project whose plan cannot be computed shows its error on its own page
    return views


# -- daily dispatch ----------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class DispatchRow:
    project_id: uuid.UUID
    project_number: str
    project_name: str
    item_id: uuid.UUID
    code: str
    name: str
    department: str
    responsible: str
    status_label: str
    node_date: dt.date | None
    latest_finish: dt.date | None
    days_left: int  # working days from today to the latest finish (negative when late)
    bucket: str  # late | today | soon
    light: Light

    @property
    def bucket_label(self) -> str:
        return docs.BUCKET_LABELS[self.bucket]


@dataclasses.dataclass(frozen=True)
class DispatchReport:
    today: dt.date
    rows: tuple[DispatchRow, ...]

    def count(self, bucket: str) -> int:
        return sum(r.bucket == bucket for r in self.rows)

    def by_department(self) -> dict[str, list[DispatchRow]]:
        groups: dict[str, list[DispatchRow]] = defaultdict(list)
        for r in self.rows:
            groups[r.department or "（未指定部门）"].append(r)
        return dict(sorted(groups.items(), key=lambda kv: (-sum(r.bucket == "late" for r in kv[1]), kv[0])))


def _bucket(item: ItemRow, today: dt.date, calendar: WorkCalendar) -> tuple[str, int] | None:
    if not item.must_do or item.done or item.latest_finish is None:
        return None
    left = calendar.workdays_between(today, item.latest_finish)
    if today > item.latest_finish:
        return "late", left
    if item.slack_days is not None and item.slack_days < 0:
        return "infeasible", left
    if item.latest_finish == today:
        return "today", 0
    if left <= 2:
        return "soon", left
    return None


def dispatch(
    db: Database, actor: Actor, today: dt.date | None = None, *, department: str | None = None
) -> DispatchReport:
    today = today or clock_now().date()
    calendar = work_calendar(db)
    own = actor.unit_name if actor.scope == "unit" else None
    rows = []
    for view in _views(db, actor, today):
        for item in view.items:
            found = _bucket(item, today, calendar)
            if found is None:
                continue
            if (department and item.department != department) or (own and item.department != own):
                continue
            bucket, left = found
            rows.append(
                DispatchRow(
                    view.id,
                    view.number,
                    view.name,
                    item.id,
                    item.code,
                    item.name,
                    item.department,
                    item.responsible,
                    item.status_label,
                    item.node_date,
                    item.latest_finish,
                    left,
                    bucket,
                    item.light,
                )
            )
    rows.sort(key=lambda r: (BUCKETS.index(r.bucket), r.latest_finish or today, r.project_number, r.code))
    return DispatchReport(today, tuple(rows))


def dispatch_pdf(db: Database, actor: Actor, today: dt.date | None = None, *, department: str | None = None) -> bytes:
    report = dispatch(db, actor, today, department=department)
    data = docs.dispatch_pdf(report)
    audit.record(
        db,
        actor,
        "print",
        "approval_dispatch",
        report.today.isoformat(),
        f"打印日调度单（{report.today.isoformat()}，{len(report.rows)} 项）",
    )
    return data


# -- a project's papers ------------------------------------------------------------------------
def notice_pdf(db: Database, actor: Actor, project_id: uuid.UUID, today: dt.date | None = None) -> bytes:
    view = project_detail(db, actor, project_id, today=today)
    data = docs.one_time_notice(view, today=today or clock_now().date())
    audit.record(db, actor, "print", "approval_project", project_id, f"打印一次告知书：{view.number} {view.name}"[:300])
    return data


def schedule_pdf(db: Database, actor: Actor, project_id: uuid.UUID, today: dt.date | None = None) -> bytes:
    view = project_detail(db, actor, project_id, today=today)
    data = docs.schedule_pdf(view)
    audit.record(db, actor, "print", "approval_project", project_id, f"打印倒排工期表：{view.number} {view.name}"[:300])
    return data


def schedule_excel(db: Database, actor: Actor, project_id: uuid.UUID, path: Path, today: dt.date | None = None) -> Path:
    view = project_detail(db, actor, project_id, today=today)
    target = docs.schedule_excel(view, Path(path))
    audit.record(
        db, actor, "export", "approval_project", project_id, f"导出倒排工期表：{view.number} {view.name}"[:300]
    )
    return target
