"""What the project services share: the row scope, loading a project in scope, computing its
schedule from the rows, and turning the rows into screen rows.

Scope (roles.SCOPE): window clerks, leaders and admins see every project; a street clerk sees
the projects of the street; a department handler sees the projects in which the department
handles an item, and may move only the department's own items."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from laoshan_desk.domain import approvals as rules
from laoshan_desk.domain.approvals import Classification, ItemProgress, ItemStatus, StatusStep
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.errors import ConflictError, DeskError, NotFound, PermissionDenied
from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.timeutil import now as clock_now
from laoshan_desk.services.approvals.views import ItemRow, LogCounts, StepRow
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import Work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.approvals import ApprovalProject, ItemStep, LogEntry, ProjectItem


class NoCertificate(DeskError):
    code = "no_certificate"


# -- scope -------------------------------------------------------------------------------------
def _scope_condition(actor: Actor) -> Any:
    if actor.scope == "street":
        if actor.street_id is None:
            return ApprovalProject.id.is_(None)
        return ApprovalProject.street_id == actor.street_id
    if actor.scope == "unit":
        if not actor.unit_name:
            return ApprovalProject.id.is_(None)
        return exists().where(ProjectItem.project_id == ApprovalProject.id, ProjectItem.department == actor.unit_name)
    return True


def _project(session: Session, actor: Actor, project_id: uuid.UUID) -> ApprovalProject:
    actor.require("approvals.view")
    row = session.scalar(select(ApprovalProject).where(ApprovalProject.id == project_id, _scope_condition(actor)))
    if row is None:
        raise NotFound("项目不存在，或不在您的查看范围内")
    return row


def _item(
    session: Session, actor: Actor, item_id: uuid.UUID, *, own_department: bool = False
) -> tuple[ProjectItem, ApprovalProject]:
    item = session.get(ProjectItem, item_id)
    if item is None:
        raise NotFound("事项不存在")
    project = _project(session, actor, item.project_id)
    if own_department and actor.scope == "unit" and item.department != actor.unit_name:
        raise PermissionDenied(f"事项“{item.name}”由{item.department or '其他部门'}办理，您只能办理本部门的事项")
    return item, project


# -- schedule ----------------------------------------------------------------------------------
def _steps(session: Session, item_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, list[ItemStep]]:
    ids = list(item_ids)
    out: dict[uuid.UUID, list[ItemStep]] = {i: [] for i in ids}
    if not ids:
        return out
    q = select(ItemStep).where(ItemStep.item_id.in_(ids)).order_by(ItemStep.on, ItemStep.recorded_at)
    for step in session.scalars(q):
        out[step.item_id].append(step)
    return out


def _progress(steps: Sequence[ItemStep], status: str) -> ItemProgress:
    return ItemProgress(ItemStatus(status), tuple(StatusStep(ItemStatus(s.status), s.on, s.by) for s in steps))


def plan_items(items: Sequence[ProjectItem], steps: dict[uuid.UUID, list[ItemStep]]) -> list[rules.PlanItem]:
    """The scheduler's view of a project's rows: days, prerequisites, pins and what happened.

    The actual start is the day the item was formally accepted (受理): pre-review runs in
    parallel before a prerequisite is done and does not start the item's clock.
    """
    plan = []
    for it in items:
        progress = _progress(steps.get(it.id, []), it.status)
        finish = progress.finished_on
        start = progress.date_of(ItemStatus.ACCEPTED)
        plan.append(
            rules.PlanItem(
                code=it.code,
                name=it.name,
                days=max(1, it.days),
                prerequisites=tuple(it.prerequisites or ()),
                classification=Classification(it.classification),
                fixed_start=it.fixed_start,
                fixed_finish=it.fixed_finish if finish is None else None,
                actual_start=start if (start is not None and finish is not None) else None,
                actual_finish=finish,
            )
        )
    return plan


def _compute(
    project: ApprovalProject,
    items: Sequence[ProjectItem],
    steps: dict[uuid.UUID, list[ItemStep]],
    calendar: WorkCalendar,
) -> rules.ScheduleResult:
    return rules.schedule(plan_items(items, steps), project.start_date, project.target_date, calendar)


def _item_rows(
    items: Sequence[ProjectItem],
    steps: dict[uuid.UUID, list[ItemStep]],
    result: rules.ScheduleResult,
    today: dt.date,
    calendar: WorkCalendar,
    certificates: dict[uuid.UUID, uuid.UUID] | None = None,
) -> list[ItemRow]:
    states = [
        rules.ItemState(
            it.code, Classification(it.classification), ItemStatus(it.status), tuple(it.prerequisites or ())
        )
        for it in items
    ]
    ready = set(rules.ready_to_issue(states))
    rows = []
    for it in items:
        s = result.get(it.code)
        done = it.status == ItemStatus.DONE.value
        light = rules.item_light(s, today, calendar, done=done) if s is not None else Light.GREY
        rows.append(
            ItemRow(
                id=it.id,
                code=it.code,
                name=it.name,
                department=it.department,
                classification=it.classification,
                reason=it.reason,
                responsible=it.responsible,
                days=it.days,
                prerequisites=tuple(it.prerequisites or ()),
                materials=tuple(it.materials or ()),
                certificate=it.certificate,
                pre_review=it.pre_review,
                site_inspection=it.site_inspection,
                status=it.status,
                steps=tuple(
                    StepRow(st.status, ItemStatus(st.status).label, st.on, st.by) for st in steps.get(it.id, [])
                ),
                fixed_finish=it.fixed_finish,
                note=it.note,
                version=it.version,
                earliest_start=s.earliest_start if s else None,
                earliest_finish=s.earliest_finish if s else None,
                latest_start=s.latest_start if s else None,
                latest_finish=s.latest_finish if s else None,
                slack_days=s.slack_days if s else None,
                critical=bool(s and s.on_critical_path and not done),
                pinned=bool(s and (s.pinned or it.fixed_finish is not None) and not done),
                light=light,
                ready=it.code in ready,
                certificate_id=(certificates or {}).get(it.id),
            )
        )
    return rows


def _load(session: Session, project: ApprovalProject) -> tuple[list[ProjectItem], dict[uuid.UUID, list[ItemStep]]]:
    items = list(
        session.scalars(
            select(ProjectItem)
            .where(ProjectItem.project_id == project.id)
            .order_by(ProjectItem.sort_order, ProjectItem.code)
        )
    )
    return items, _steps(session, [i.id for i in items])


def _today(today: dt.date | None) -> dt.date:
    return today or clock_now().date()


def _commit_conflict(fn: Any) -> Any:
    """Turn SQLAlchemy's StaleDataError (two clerks, one row) into the desk's ConflictError."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except StaleDataError:
            raise ConflictError("该记录已被他人修改，请刷新后重试") from None

    return wrapper


def _recheck(work: Work, db: Database, project: ApprovalProject) -> rules.ScheduleResult:
    items, steps = _load(work.session, project)
    return _compute(project, items, steps, work_calendar(db))


def _states(items: Sequence[ProjectItem]) -> list[rules.ItemState]:
    return [
        rules.ItemState(i.code, Classification(i.classification), ItemStatus(i.status), tuple(i.prerequisites or ()))
        for i in items
    ]


def _log_counts(session: Session, project_id: uuid.UUID) -> LogCounts:
    rows = session.execute(
        select(LogEntry.kind, func.count(), func.count(LogEntry.solved_on))
        .where(LogEntry.project_id == project_id)
        .group_by(LogEntry.kind)
    ).all()
    by_kind = {k: (n, solved) for k, n, solved in rows}
    return LogCounts(
        meetings=by_kind.get("meeting", (0, 0))[0],
        visits=by_kind.get("visit", (0, 0))[0],
        problems=by_kind.get("problem", (0, 0))[0],
        solved=by_kind.get("problem", (0, 0))[1],
    )
