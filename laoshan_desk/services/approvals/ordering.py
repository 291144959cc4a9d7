"""Ordering items: classify each with a reason, add and remove items, assign who handles one.

A classification always has its reason (docs/rules.md §approvals-classification); every change
is checked against the version the clerk's screen showed, and the schedule must still compute.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import func, select

from laoshan_desk.domain.approvals import Classification, ItemStatus, check_reclassification, classification_reason
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services.approvals.common import EDIT, check_version, load_item, load_project, recheck
from laoshan_desk.services.approvals.inputs import (
    AddItemsForm,
    AssignForm,
    ClassifyForm,
    ItemEditForm,
    RemoveItemForm,
    cleaned,
)
from laoshan_desk.services.approvals.intake import lines_to_rows
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import Work, unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.approvals import ApprovalProject, ItemStep, ProjectItem

__all__ = ["classify_item", "assign", "edit_item", "add_items", "remove_item"]


def _classify(work: Work, item: ProjectItem, project: ApprovalProject, new: Classification, reason: str) -> None:
    text = classification_reason(reason)
    check_reclassification(item.name, ItemStatus(item.status), new)
    before = {"classification": item.classification, "reason": item.reason}
    item.classification, item.reason = new.value, text
    work.audit(
        "update",
        "approval_project_item",
        item.id,
        f"{project.number} 事项 {item.code} 分类为{new.label}：{text}"[:300],
        before=before,
        after={"classification": new.value, "reason": text},
    )


def _assignment(item: ProjectItem) -> dict[str, Any]:
    return {
        "responsible": item.responsible,
        "department": item.department,
        "days": item.days,
        "prerequisites": list(item.prerequisites or []),
    }


def _assign(work: Work, item: ProjectItem, project: ApprovalProject, form: AssignForm | ItemEditForm) -> None:
    before = _assignment(item)
    if form.responsible is not None:
        item.responsible = form.responsible.strip()[:50]
    if form.department is not None:
        if not form.department.strip():
            raise ValidationError("请选择办理部门", field="department")
        item.department = form.department.strip()
    if form.days is not None:
        if isinstance(form.days, bool) or form.days < 1:
            raise ValidationError("办理时限须至少 1 个工作日", field="days")
        item.days = form.days
    if isinstance(form, AssignForm) and form.prerequisites is not None:
        item.prerequisites = list(dict.fromkeys(p.strip() for p in form.prerequisites if p.strip()))
    work.audit(
        "update",
        "approval_project_item",
        item.id,
        f"{project.number} 事项 {item.code} 指派：{item.department} {item.responsible}"[:300],
        before=before,
        after=_assignment(item),
    )


_Edit = TypeVar("_Edit", ClassifyForm, AssignForm, ItemEditForm)


def _change_item(
    db: Database,
    actor: Actor,
    form: _Edit,
    change: Callable[[Work, ProjectItem, ApprovalProject, _Edit], None],
    *,
    now: dt.datetime,
) -> int:
    """One change of an ordered item, the way each of them is made: the form cleaned, the item
    loaded in the actor's scope at the version the screen showed, ``change`` applied, the
    project's schedule re-checked; returns the item's new version."""
    form = cleaned(form)  # control characters out, dates in range
    calendar = work_calendar(db)
    with unit_of_work(db, actor, now=now) as work:
        item, project = load_item(work.session, actor, form.item_id)
        check_version(item, form.version)
        change(work, item, project, form)
        work.session.flush()
        recheck(work.session, project, calendar)
        return item.version


def classify_item(db: Database, actor: Actor, form: ClassifyForm, *, now: dt.datetime) -> int:
    """Must-do / self-handled / not needed, with the reason printed on the one-time notice;
    returns the item's new version."""
    actor.require(EDIT)

    def change(work: Work, item: ProjectItem, project: ApprovalProject, form: ClassifyForm) -> None:
        _classify(work, item, project, Classification(form.classification), form.reason)

    return _change_item(db, actor, form, change, now=now)


def assign(db: Database, actor: Actor, form: AssignForm, *, now: dt.datetime) -> int:
    """Set who handles an item (department, responsible person) and, if needed, its days and
    prerequisites for this project; returns the item's new version."""
    actor.require(EDIT)
    return _change_item(db, actor, form, _assign, now=now)


def edit_item(db: Database, actor: Actor, form: ItemEditForm, *, now: dt.datetime) -> int:
    """The 分类与指派 form: a new classification (with its reason) and the assignment, saved
    together against the one version the form showed; returns the item's new version."""
    actor.require(EDIT)

    def change(work: Work, item: ProjectItem, project: ApprovalProject, form: ItemEditForm) -> None:
        new = Classification(form.classification)
        if new.value != item.classification or form.reason.strip() != item.reason:
            _classify(work, item, project, new, form.reason)
        _assign(work, item, project, form)

    return _change_item(db, actor, form, change, now=now)


def add_items(db: Database, actor: Actor, form: AddItemsForm, *, now: dt.datetime) -> list[uuid.UUID]:
    """Add items to a project's order (from the catalog or described in full)."""
    actor.require(EDIT)
    form = cleaned(form)  # control characters out, dates in range
    calendar = work_calendar(db)
    with unit_of_work(db, actor, now=now) as work:
        project = load_project(work.session, actor, form.project_id)
        existing = {
            i.code for i in work.session.scalars(select(ProjectItem).where(ProjectItem.project_id == project.id))
        }
        order = (
            work.session.scalar(select(func.max(ProjectItem.sort_order)).where(ProjectItem.project_id == project.id))
            or 0
        ) + 1
        rows = lines_to_rows(work.session, form.lines)
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
        recheck(work.session, project, calendar)
        work.audit(
            "update",
            "approval_project",
            project.id,
            f"{project.number} 加点事项：" + "、".join(r["code"] for r in rows)[:250],
            after={"added": [r["code"] for r in rows]},
        )
        return ids


def remove_item(db: Database, actor: Actor, form: RemoveItemForm, *, now: dt.datetime) -> None:
    """Take an item off the order (only before any step was recorded on it)."""
    actor.require(EDIT)
    form = cleaned(form)  # control characters out, dates in range
    calendar = work_calendar(db)
    with unit_of_work(db, actor, now=now) as work:
        item, project = load_item(work.session, actor, form.item_id)
        check_version(item, form.version)
        if work.session.scalar(select(func.count()).select_from(ItemStep).where(ItemStep.item_id == item.id)):
            raise ValidationError(f"事项“{item.name}”已有办理记录，不能删除；如无需办理请改为“无需办理”并说明理由")
        code, name = item.code, item.name
        work.session.delete(item)
        work.session.flush()
        recheck(work.session, project, calendar)
        work.audit(
            "delete",
            "approval_project_item",
            form.item_id,
            f"{project.number} 删除事项 {code} {name}"[:300],
            before={"code": code, "name": name},
        )
