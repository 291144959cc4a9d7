"""Ordering items: classify each with a reason, add and remove items, assign who handles one."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import func, select

from laoshan_desk.domain.approvals import Classification, ItemStatus
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services.approvals.common import _commit_conflict, _item, _project, _recheck
from laoshan_desk.services.approvals.inputs import OrderLine
from laoshan_desk.services.approvals.intake import _lines_to_rows
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.approvals import ItemStep, ProjectItem


# -- ordering items ----------------------------------------------------------------------------
@_commit_conflict
def classify_item(db: Database, actor: Actor, item_id: uuid.UUID, classification: str, reason: str) -> None:
    """Must-do / self-handled / not needed, with the reason printed on the one-time notice."""
    actor.require("approvals.edit")
    text = (reason or "").strip()
    if not text:
        raise ValidationError("请填写分类理由（将写入一次告知书）", field="reason")
    new = Classification(classification)
    with unit_of_work(db, actor) as work:
        item, project = _item(work.session, actor, item_id)
        if item.status != ItemStatus.NOT_STARTED.value and new is not Classification.MUST_DO:
            raise ValidationError(
                f"事项“{item.name}”已开始办理（{ItemStatus(item.status).label}），不能改为{new.label}",
                field="classification",
            )
        before = {"classification": item.classification, "reason": item.reason}
        item.classification, item.reason = new.value, text
        work.session.flush()
        _recheck(work, db, project)
        work.audit(
            "update",
            "approval_project_item",
            item.id,
            f"{project.number} 事项 {item.code} 分类为{new.label}：{text}"[:300],
            before=before,
            after={"classification": new.value, "reason": text},
        )


def add_items(db: Database, actor: Actor, project_id: uuid.UUID, lines: Sequence[OrderLine]) -> list[uuid.UUID]:
    """Add items to a project's order (from the catalog or described in full)."""
    actor.require("approvals.edit")
    with unit_of_work(db, actor) as work:
        project = _project(work.session, actor, project_id)
        existing = {
            i.code for i in work.session.scalars(select(ProjectItem).where(ProjectItem.project_id == project.id))
        }
        order = (
            work.session.scalar(select(func.max(ProjectItem.sort_order)).where(ProjectItem.project_id == project.id))
            or 0
        ) + 1
        rows = _lines_to_rows(work.session, lines)
        ids = []
        for r in rows:
            if r["code"] in existing:
                raise ValidationError(f"事项 {r['code']} 已在本项目中", field="items")
            r["sort_order"] = order
            order += 1
            item = ProjectItem(id=uuid.uuid4(), project_id=project.id, status=ItemStatus.NOT_STARTED.value, **r)
            work.session.add(item)
            ids.append(item.id)
        work.session.flush()
        _recheck(work, db, project)
        work.audit(
            "update",
            "approval_project",
            project.id,
            f"{project.number} 加点事项：" + "、".join(r["code"] for r in rows)[:250],
            after={"added": [r["code"] for r in rows]},
        )
        return ids


def remove_item(db: Database, actor: Actor, item_id: uuid.UUID) -> None:
    """Take an item off the order (only before any step was recorded on it)."""
    actor.require("approvals.edit")
    with unit_of_work(db, actor) as work:
        item, project = _item(work.session, actor, item_id)
        if work.session.scalar(select(func.count()).select_from(ItemStep).where(ItemStep.item_id == item.id)):
            raise ValidationError(f"事项“{item.name}”已有办理记录，不能删除；如无需办理请改为“无需办理”并说明理由")
        code, name = item.code, item.name
        work.session.delete(item)
        work.session.flush()
        _recheck(work, db, project)
        work.audit(
            "delete",
            "approval_project_item",
            item_id,
            f"{project.number} 删除事项 {code} {name}"[:300],
            before={"code": code, "name": name},
        )


@_commit_conflict
def assign(
    db: Database,
    actor: Actor,
    item_id: uuid.UUID,
    *,
    responsible: str | None = None,
    department: str | None = None,
    days: int | None = None,
    prerequisites: Sequence[str] | None = None,
) -> None:
    """Set who handles an item (department, responsible person) and, if needed, its days and
    prerequisites for this project."""
    actor.require("approvals.edit")
    with unit_of_work(db, actor) as work:
        item, project = _item(work.session, actor, item_id)
        before = {
            "responsible": item.responsible,
            "department": item.department,
            "days": item.days,
            "prerequisites": list(item.prerequisites or []),
        }
        if responsible is not None:
            item.responsible = responsible.strip()[:50]
        if department is not None:
            if not department.strip():
                raise ValidationError("请选择办理部门", field="department")
            item.department = department.strip()
        if days is not None:
            if isinstance(days, bool) or days < 1:
                raise ValidationError("办理时限须至少 1 个工作日", field="days")
            item.days = days
        if prerequisites is not None:
            item.prerequisites = list(dict.fromkeys(p.strip() for p in prerequisites if p.strip()))
        work.session.flush()
        _recheck(work, db, project)
        after = {
            "responsible": item.responsible,
            "department": item.department,
            "days": item.days,
            "prerequisites": list(item.prerequisites or []),
        }
        work.audit(
            "update",
            "approval_project_item",
            item.id,
            f"{project.number} 事项 {item.code} 指派：{item.department} {item.responsible}"[:300],
            before=before,
            after=after,
        )
