"""What the project services share: loading a project or an item in the actor's scope, the stale
check, computing the reverse schedule from the rows, and turning the rows into screen rows.

Scope (roles.SCOPE, as SQL in :mod:`laoshan_desk.store.queries.approvals`): window clerks,
leaders and admins see every project; a street clerk sees the projects of the street; a
department handler sees the projects in which the department handles an item, and may move only
the department's own items.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from laoshan_desk.domain import approvals as rules
from laoshan_desk.domain.approvals import Classification, ItemProgress, ItemStatus, LimitKind, LogKind, StatusStep
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.errors import DeskError, NotFound, PermissionDenied
from laoshan_desk.domain.lights import Light
from laoshan_desk.services.approvals.views import ItemRow, LogCounts, StepRow
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import STALE as STALE  # re-exported: the area's one stale message
from laoshan_desk.services.uow import check_version as check_version  # re-exported for the area
from laoshan_desk.store.models.approvals import ApprovalProject, ItemStep, LogEntry, ProjectItem
from laoshan_desk.store.queries import approvals as queries

VIEW, EDIT, CATALOG_EDIT = "approvals.view", "approvals.edit", "approvals.catalog_edit"

Steps = dict[uuid.UUID, list[ItemStep]]


class NoCertificate(DeskError):
    code = "no_certificate"


# -- scope and loading ---------------------------------------------------------------------------
def scope(actor: Actor) -> ColumnElement[bool]:
    return queries.scope_condition(actor.scope, actor.street_id, actor.unit_name)


def load_project(session: Session, actor: Actor, project_id: uuid.UUID) -> ApprovalProject:
    """The project, if the actor's scope reaches it; NotFound otherwise (the same words either
    way, so a clerk cannot learn of projects outside the scope)."""
    row = session.scalar(select(ApprovalProject).where(ApprovalProject.id == project_id, scope(actor)))
    if row is None:
        raise NotFound("项目不存在，或不在您的查看范围内")
    return row


def load_item(
    session: Session, actor: Actor, item_id: uuid.UUID, *, own_department: bool = False
) -> tuple[ProjectItem, ApprovalProject]:
    """An ordered item and its project in scope; with ``own_department`` a department handler may
    only move the department's own items."""
    item = session.get(ProjectItem, item_id)
    if item is None:
        raise NotFound("事项不存在")
    project = load_project(session, actor, item.project_id)
    if own_department and actor.scope == "unit" and item.department != actor.unit_name:
        raise PermissionDenied(f"事项“{item.name}”由{item.department or '其他部门'}办理，您只能办理本部门的事项")
    return item, project


def load_rows(session: Session, project: ApprovalProject) -> tuple[list[ProjectItem], Steps]:
    items = queries.project_items(session, project.id)
    return items, queries.item_steps(session, [i.id for i in items])


# -- the schedule from the rows ------------------------------------------------------------------
def progress_of(steps: Sequence[ItemStep], status: str) -> ItemProgress:
    return ItemProgress(ItemStatus(status), tuple(StatusStep(ItemStatus(s.status), s.on, s.by) for s in steps))


def plan_items(items: Sequence[ProjectItem], steps: Steps) -> list[rules.PlanItem]:
    """The scheduler's view of a project's rows: days, prerequisites, pins and what happened.

    The actual start is the day the item was formally accepted (受理): pre-review runs in
    parallel before a prerequisite is done and does not start the item's clock.
    """
    plan = []
    for it in items:
        progress = progress_of(steps.get(it.id, []), it.status)
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
                limit_kind=LimitKind(it.limit_kind) if it.limit_kind else None,
                statutory_days=it.statutory_days or 0,
            )
        )
    return plan


def compute(
    project: ApprovalProject, items: Sequence[ProjectItem], steps: Steps, calendar: WorkCalendar
) -> rules.ScheduleResult:
    """The reverse schedule now; raises ValidationError (a cycle, a bad duration) before a write."""
    return rules.schedule(plan_items(items, steps), project.start_date, project.target_date, calendar)


def states(items: Sequence[ProjectItem]) -> list[rules.ItemState]:
    return [
        rules.ItemState(i.code, Classification(i.classification), ItemStatus(i.status), tuple(i.prerequisites or ()))
        for i in items
    ]


def item_rows(
    items: Sequence[ProjectItem],
    steps: Steps,
    result: rules.ScheduleResult,
    today: dt.date,
    calendar: WorkCalendar,
    certificates: dict[uuid.UUID, uuid.UUID] | None = None,
) -> list[ItemRow]:
    """The screen rows of a project's items, each with its node dates and its light ``today``."""
    ready = set(rules.ready_to_issue(states(items)))
    rows = []
    for it in items:
        s = result.get(it.code)
        status = ItemStatus(it.status)
        done = status is ItemStatus.DONE
        light = rules.item_light(s, today, calendar, done=done) if s is not None else Light.GREY
        rows.append(
            ItemRow(
                id=it.id,
                code=it.code,
                name=it.name,
                department=it.department,
                classification=Classification(it.classification),
                reason=it.reason,
                responsible=it.responsible,
                days=it.days,
                prerequisites=tuple(it.prerequisites or ()),
                materials=tuple(it.materials or ()),
                certificate=it.certificate,
                pre_review=it.pre_review,
                site_inspection=it.site_inspection,
                status=status,
                steps=tuple(StepRow(ItemStatus(st.status), st.on, st.by) for st in steps.get(it.id, [])),
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
                signal=rules.item_signal(light, done=done, latest_finish=s.latest_finish if s else None, day=today),
                ready=it.code in ready,
                certificate_id=(certificates or {}).get(it.id),
                limit_text=_limit_text(it),
                statutory_due=s.statutory_due if s else None,
            )
        )
    return rows


def _limit_text(item: ProjectItem) -> str:
    """The limit in words (docs/rules.md §approvals-time-limits); an item outside the catalog
    shows only its promise, its statutory limit not being known."""
    if not item.limit_kind:
        return f"承诺{item.days}个工作日"
    return rules.limit_text(LimitKind(item.limit_kind), item.statutory_days or 0, item.days)


def log_counts_of(session: Session, project_id: uuid.UUID) -> LogCounts:
    rows = session.execute(
        select(LogEntry.kind, func.count(), func.count(LogEntry.solved_on))
        .where(LogEntry.project_id == project_id)
        .group_by(LogEntry.kind)
    ).all()
    by_kind = {LogKind(k): (n, solved) for k, n, solved in rows}
    return LogCounts(
        meetings=by_kind.get(LogKind.MEETING, (0, 0))[0],
        visits=by_kind.get(LogKind.VISIT, (0, 0))[0],
        problems=by_kind.get(LogKind.PROBLEM, (0, 0))[0],
        solved=by_kind.get(LogKind.PROBLEM, (0, 0))[1],
    )


def recheck(session: Session, project: ApprovalProject, calendar: WorkCalendar) -> rules.ScheduleResult:
    """After a change, inside its unit of work: the schedule must still compute (no cycle, no
    bad duration), or the change is refused and rolled back."""
    items, steps = load_rows(session, project)
    return compute(project, items, steps, calendar)
