"""The SQL the 审批点菜单 lists page through: row scope, the project list's filters and sorts, and
the rows a project's schedule is computed from.

Scope (``roles.SCOPE``): ``all`` rows for window clerks, leaders and admins; a street clerk's
``street``: the projects of that street; a department handler's ``unit``: the projects in which
that department handles at least one item. The scope is a SQL condition, never a Python filter
after the fact, so counts and pages agree.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, false, or_, select, true
from sqlalchemy.orm import InstrumentedAttribute, Session

from laoshan_desk.store.models.approvals import ApprovalProject, ItemStep, ProjectItem

# The project list's sorts, by the names the screen asks for.
SORTS: dict[str, InstrumentedAttribute[Any]] = {
    "number": ApprovalProject.seq,
    "name": ApprovalProject.name,
    "enterprise": ApprovalProject.enterprise,
    "street": ApprovalProject.street_name,
    "target": ApprovalProject.target_date,
    "start": ApprovalProject.start_date,
}


def scope_condition(scope: str, street_id: uuid.UUID | None, unit_name: str) -> ColumnElement[bool]:
    """The projects an actor of ``scope`` may see (a user without a street or unit sees none)."""
    if scope == "street":
        return ApprovalProject.street_id == street_id if street_id is not None else false()
    if scope == "unit":
        if not unit_name:
            return false()
        return exists().where(ProjectItem.project_id == ApprovalProject.id, ProjectItem.department == unit_name)
    return true()


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def project_list(scope: ColumnElement[bool], *, text: str | None, status: str | None) -> Select[tuple[ApprovalProject]]:
    """Projects in scope whose name, enterprise, credit code or number contains ``text``."""
    q = select(ApprovalProject).where(scope)
    if text and text.strip():
        like = f"%{_escape_like(text.strip())}%"
        q = q.where(
            or_(
                ApprovalProject.name.like(like, escape="\\"),
                ApprovalProject.enterprise.like(like, escape="\\"),
                ApprovalProject.credit_code.like(like, escape="\\"),
                ApprovalProject.number.like(like, escape="\\"),
            )
        )
    if status:
        q = q.where(ApprovalProject.status == status)
    return q


def project_items(session: Session, project_id: uuid.UUID) -> list[ProjectItem]:
    """A project's ordered items in menu order."""
    q = (
        select(ProjectItem)
        .where(ProjectItem.project_id == project_id)
        .order_by(ProjectItem.sort_order, ProjectItem.code)
    )
    return list(session.scalars(q))


def item_steps(session: Session, item_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, list[ItemStep]]:
    """The dated steps of each item, in the order they happened."""
    ids = list(item_ids)
    out: dict[uuid.UUID, list[ItemStep]] = {i: [] for i in ids}
    if not ids:
        return out
    q = select(ItemStep).where(ItemStep.item_id.in_(ids)).order_by(ItemStep.on, ItemStep.recorded_at)
    for step in session.scalars(q):
        out[step.item_id].append(step)
    return out
