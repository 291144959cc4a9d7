"""Tracking: moving a must-do item through its steps, ticking it off, moving a node.

The rules are the domain's (docs/rules.md §approvals-tracking, §approvals-node-moves): one step
on at a time, dated no later than today; formal acceptance and tick-off wait for the must-do
prerequisites; a moved node takes a reason and carries its dependents with it. The service loads
the rows in scope, checks the version the screen showed, and writes the step with its audit.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from laoshan_desk.domain import approvals as rules
from laoshan_desk.domain.approvals import Classification, ItemStatus, advance, check_prerequisites_done
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services.approvals.common import (
    EDIT,
    VIEW,
    check_version,
    load_item,
    load_project,
    load_rows,
    plan_items,
    progress_of,
    recheck,
    states,
)
from laoshan_desk.services.approvals.inputs import AdvanceForm, MoveNodeForm, cleaned
from laoshan_desk.services.approvals.views import AdvanceResult, MoveResult
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.approvals import ApprovalProject, ItemStep, NodeMove, ProjectItem
from laoshan_desk.store.queries import approvals as queries

__all__ = ["advance_item", "move_node", "ready_to_issue"]


def _open_prerequisites(session: Session, project: ApprovalProject, item: ProjectItem) -> list[str]:
    """The item's must-do prerequisites in this project that are not done yet, as "code name"."""
    wanted = set(item.prerequisites or ())
    if not wanted:
        return []
    q = select(ProjectItem).where(
        ProjectItem.project_id == project.id,
        ProjectItem.code.in_(wanted),
        ProjectItem.classification == Classification.MUST_DO.value,
    )
    return [f"{p.code} {p.name}" for p in session.scalars(q) if p.status != ItemStatus.DONE.value]


def advance_item(db: Database, actor: Actor, form: AdvanceForm, *, now: dt.datetime) -> AdvanceResult:
    """Move a must-do item one step on (预审 → 受理 → 踏勘验收 → 销号) on ``form.on`` by ``form.by``;
    says which items became "ready to issue" with it."""
    actor.require(EDIT)
    form = cleaned(form)  # control characters out, dates in range
    calendar = work_calendar(db)
    with unit_of_work(db, actor, now=now) as work:
        item, project = load_item(work.session, actor, form.item_id, own_department=True)
        check_version(item, form.version)
        if item.classification != Classification.MUST_DO.value:
            raise ValidationError(f"事项“{item.name}”不是必办事项，无需跟踪办理", field="status")
        steps = queries.item_steps(work.session, [item.id])[item.id]
        items, _ = load_rows(work.session, project)
        ready_before = set(rules.ready_to_issue(states(items)))
        target = ItemStatus(form.status)
        progress = advance(
            progress_of(steps, item.status),
            target,
            form.on,
            (form.by or actor.full_name).strip(),
            pre_review=item.pre_review,
            site_inspection=item.site_inspection,
            today=now.date(),
        )
        check_prerequisites_done(target, _open_prerequisites(work.session, project, item))
        before = item.status
        item.status = progress.status.value
        work.session.add(
            ItemStep(
                item_id=item.id,
                status=target.value,
                on=form.on,
                by=progress.steps[-1].by,
                note=form.note,
                recorded_at=now,
                recorded_by=actor.username,
            )
        )
        work.session.flush()
        items, _ = load_rows(work.session, project)
        newly = tuple(c for c in rules.ready_to_issue(states(items)) if c not in ready_before)
        recheck(work.session, project, calendar)
        verb = "销号" if target is ItemStatus.DONE else f"进入“{target.label}”"
        work.audit(
            "update",
            "approval_project_item",
            item.id,
            f"{project.number} 事项 {item.code} {item.name} {verb}（{form.on.isoformat()}）"[:300],
            before={"status": before},
            after={"status": target.value, "on": form.on.isoformat(), "by": progress.steps[-1].by},
        )
        return AdvanceResult(target, newly, item.version)


def move_node(db: Database, actor: Actor, form: MoveNodeForm, *, now: dt.datetime) -> MoveResult:
    """调整节点: pin an item's finish, recompute every dependent, keep the history and its reason."""
    actor.require(EDIT)
    form = cleaned(form)  # control characters out, dates in range
    calendar = work_calendar(db)
    with unit_of_work(db, actor, now=now) as work:
        item, project = load_item(work.session, actor, form.item_id)
        check_version(item, form.version)
        items, steps = load_rows(work.session, project)
        plan = plan_items(items, steps)
        moved = rules.move_node(
            plan, item.code, form.new_finish, form.reason, project.start_date, project.target_date, calendar
        )
        from_date = item.fixed_finish or moved.old_finish
        item.fixed_finish = form.new_finish
        shifted = [s for s in moved.shifted if s.code != item.code]
        work.session.add(
            NodeMove(
                project_id=project.id,
                item_id=item.id,
                code=item.code,
                from_date=from_date,
                to_date=form.new_finish,
                reason=moved.reason,
                decided_on=form.decided_on or now.date(),
                decided_by=(form.decided_by or actor.full_name).strip(),
                dependents=[
                    {
                        "code": s.code,
                        "old_finish": s.old_finish.isoformat(),
                        "new_finish": s.new_finish.isoformat(),
                        "workdays": s.workdays,
                    }
                    for s in shifted
                ],
                recorded_at=now,
                recorded_by=actor.username,
            )
        )
        work.session.flush()
        version = item.version
        work.audit(
            "update",
            "approval_project_item",
            item.id,
            f"{project.number} 调整节点 {item.code} {item.name}：{from_date.isoformat()} → "
            f"{form.new_finish.isoformat()}，联动 {len(shifted)} 项。原因：{moved.reason}"[:300],
            before={"fixed_finish": from_date.isoformat()},
            after={
                "fixed_finish": form.new_finish.isoformat(),
                "reason": moved.reason,
                "dependents": [s.code for s in shifted],
            },
        )
        return MoveResult(item.code, from_date, form.new_finish, tuple(shifted), moved.schedule.feasible, version)


def ready_to_issue(db: Database, actor: Actor, project_id: uuid.UUID) -> list[str]:
    """Codes of items whose prerequisites are done and whose materials were pre-reviewed (可发证)."""
    actor.require(VIEW)
    with db.session() as session:
        project = load_project(session, actor, project_id)
        items, _ = load_rows(session, project)
        return rules.ready_to_issue(states(items))
