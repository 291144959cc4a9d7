"""Tracking: moving a must-do item through its steps, ticking it off, moving a node."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from laoshan_desk.domain import approvals as rules
from laoshan_desk.domain.approvals import Classification, ItemStatus, advance
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services.approvals.common import (
    _commit_conflict,
    _item,
    _load,
    _progress,
    _project,
    _recheck,
    _states,
    _steps,
    _today,
    plan_items,
)
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.approvals import ApprovalProject, ItemStep, NodeMove, ProjectItem


# -- tracking ----------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class AdvanceResult:
    status: str
    newly_ready: tuple[str, ...]  # items that became "ready to issue" with this step


@_commit_conflict
def advance_item(
    db: Database,
    actor: Actor,
    item_id: uuid.UUID,
    status: str,
    on: dt.date,
    *,
    by: str = "",
    note: str = "",
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> AdvanceResult:
    """Move a must-do item one step on (预审 → 受理 → 踏勘验收 → 销号) on ``on`` by ``by``."""
    actor.require("approvals.edit")
    today = _today(today)
    with unit_of_work(db, actor, now) as work:
        item, project = _item(work.session, actor, item_id, own_department=True)
        if item.classification != Classification.MUST_DO.value:
            raise ValidationError(f"事项“{item.name}”不是必办事项，无需跟踪办理", field="status")
        steps = _steps(work.session, [item.id])[item.id]
        items, _ = _load(work.session, project)
        ready_before = set(rules.ready_to_issue(_states(items)))
        progress = advance(
            _progress(steps, item.status),
            status,
            on,
            (by or actor.full_name).strip(),
            pre_review=item.pre_review,
            site_inspection=item.site_inspection,
            today=today,
        )
        target = ItemStatus(status)
        if target is ItemStatus.ACCEPTED or target is ItemStatus.DONE:
            _check_prerequisites_done(work.session, project, item, target)
        before = item.status
        item.status = progress.status.value
        work.session.add(
            ItemStep(
                item_id=item.id,
                status=target.value,
                on=on,
                by=progress.steps[-1].by,
                note=note,
                recorded_at=work.now,
                recorded_by=actor.username,
            )
        )
        work.session.flush()
        items, _ = _load(work.session, project)
        newly = tuple(c for c in rules.ready_to_issue(_states(items)) if c not in ready_before)
        _recheck(work, db, project)
        verb = "销号" if target is ItemStatus.DONE else f"进入“{target.label}”"
        work.audit(
            "update",
            "approval_project_item",
            item.id,
            f"{project.number} 事项 {item.code} {item.name} {verb}（{on.isoformat()}）"[:300],
            before={"status": before},
            after={"status": target.value, "on": on.isoformat(), "by": progress.steps[-1].by},
        )
        return AdvanceResult(target.value, newly)


def tick_off(
    db: Database, actor: Actor, item_id: uuid.UUID, on: dt.date, *, by: str = "", today: dt.date | None = None
) -> AdvanceResult:
    """销号: mark a must-do item finished (from its last step before done)."""
    return advance_item(db, actor, item_id, ItemStatus.DONE.value, on, by=by, today=today)


def _check_prerequisites_done(
    session: Session, project: ApprovalProject, item: ProjectItem, target: ItemStatus
) -> None:
    """Formal acceptance and tick-off wait for every must-do prerequisite to be done (pre-review
    does not: it is what runs in parallel)."""
    wanted = set(item.prerequisites or ())
    if not wanted:
        return
    waiting = [
        p
        for p in session.scalars(
            select(ProjectItem).where(
                ProjectItem.project_id == project.id,
                ProjectItem.code.in_(wanted),
                ProjectItem.classification == Classification.MUST_DO.value,
            )
        )
        if p.status != ItemStatus.DONE.value
    ]
    if waiting:
        names = "、".join(f"{p.code} {p.name}" for p in waiting)
        raise ValidationError(
            f"前置事项尚未销号：{names}；{target.label}须待前置事项办结（可先行预审）", field="status"
        )


@dataclasses.dataclass(frozen=True)
class MoveResult:
    code: str
    old_finish: dt.date
    new_finish: dt.date
    dependents: tuple[rules.Shift, ...]
    feasible: bool


@_commit_conflict
def move_node(
    db: Database,
    actor: Actor,
    item_id: uuid.UUID,
    new_finish: dt.date,
    reason: str,
    *,
    decided_on: dt.date | None = None,
    decided_by: str = "",
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> MoveResult:
    """调整节点: pin an item's finish, recompute every dependent, keep the history and its reason."""
    actor.require("approvals.edit")
    calendar = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        item, project = _item(work.session, actor, item_id)
        items, steps = _load(work.session, project)
        plan = plan_items(items, steps)
        moved = rules.move_node(plan, item.code, new_finish, reason, project.start_date, project.target_date, calendar)
        from_date = item.fixed_finish or moved.old_finish
        item.fixed_finish = new_finish
        shifted = [s for s in moved.shifted if s.code != item.code]
        work.session.add(
            NodeMove(
                project_id=project.id,
                item_id=item.id,
                code=item.code,
                from_date=from_date,
                to_date=new_finish,
                reason=moved.reason,
                decided_on=decided_on or _today(today),
                decided_by=(decided_by or actor.full_name).strip(),
                dependents=[
                    {
                        "code": s.code,
                        "old_finish": s.old_finish.isoformat(),
                        "new_finish": s.new_finish.isoformat(),
                        "workdays": s.workdays,
                    }
                    for s in shifted
                ],
                recorded_at=work.now,
                recorded_by=actor.username,
            )
        )
        work.session.flush()
        work.audit(
            "update",
            "approval_project_item",
            item.id,
            f"{project.number} 调整节点 {item.code} {item.name}：{from_date.isoformat()} → {new_finish.isoformat()}，"
            f"联动 {len(shifted)} 项。原因：{moved.reason}"[:300],
            before={"fixed_finish": from_date.isoformat()},
            after={
                "fixed_finish": new_finish.isoformat(),
                "reason": moved.reason,
                "dependents": [s.code for s in shifted],
            },
        )
        return MoveResult(item.code, from_date, new_finish, tuple(shifted), moved.schedule.feasible)


def ready_to_issue(db: Database, actor: Actor, project_id: uuid.UUID) -> list[str]:
    """Codes of items whose prerequisites are done and whose materials were pre-reviewed (可发证)."""
    with db.session() as session:
        project = _project(session, actor, project_id)
        items, _ = _load(session, project)
        return rules.ready_to_issue(_states(items))
