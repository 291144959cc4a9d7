"""The gold team (金牌团队): commander, deputy, team leaders and members of one project
(docs/rules.md §approvals-gold-team). Adding or removing one member is one unit of work."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from sqlalchemy import select

from laoshan_desk.domain.approvals import TeamRole
from laoshan_desk.domain.errors import NotFound, ValidationError
from laoshan_desk.domain.labels import chosen
from laoshan_desk.services.approvals.common import EDIT, load_project
from laoshan_desk.services.approvals.inputs import NewMemberForm, RemoveMemberForm, TeamForm, TeamInput, cleaned
from laoshan_desk.services.context import Actor
from laoshan_desk.services.jsonable import jsonable
from laoshan_desk.services.uow import Work, unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.approvals import ApprovalProject, TeamMember

__all__ = ["set_team", "add_team_member", "remove_team_member"]


def _check(members: Sequence[TeamInput]) -> None:
    for m in members:
        role = chosen(TeamRole, m.role, f"团队角色“{m.role}”无效", field="role")
        if not (m.name or "").strip():
            raise ValidationError(f"请填写{role.label}姓名", field="name")
    roles = Counter(TeamRole(m.role) for m in members)
    if roles[TeamRole.COMMANDER] > 1 or roles[TeamRole.DEPUTY] > 1:
        raise ValidationError("金牌团队只设一名指挥长和一名副指挥长", field="role")


def _current(work: Work, project: ApprovalProject) -> list[TeamMember]:
    q = select(TeamMember).where(TeamMember.project_id == project.id).order_by(TeamMember.sort_order)
    return list(work.session.scalars(q))


def _replace(work: Work, project: ApprovalProject, members: Sequence[TeamInput], summary: str) -> None:
    _check(members)
    for old in _current(work, project):
        work.session.delete(old)
    work.session.flush()
    for n, m in enumerate(sorted(members, key=lambda m: TeamRole(m.role).rank)):
        work.session.add(
            TeamMember(
                project_id=project.id,
                role=TeamRole(m.role).value,
                name=m.name.strip(),
                title=m.title.strip(),
                department=m.department.strip(),
                phone=(m.phone or "").strip(),
                sort_order=n,
            )
        )
    work.audit(
        "update",
        "approval_project",
        project.id,
        f"{project.number} {summary}（{len(members)} 人）",
        after={"team": [jsonable(m) for m in members]},
    )


def _inputs(rows: Sequence[TeamMember]) -> list[TeamInput]:
    return [TeamInput(TeamRole(t.role), t.name, t.title, t.department, t.phone) for t in rows]


def set_team(db: Database, actor: Actor, form: TeamForm, *, now: dt.datetime) -> None:
    """Replace the gold team: one commander, one deputy, team leaders per department, members."""
    actor.require(EDIT)
    form = cleaned(form)  # control characters out, dates in range
    _check(form.members)
    with unit_of_work(db, actor, now=now) as work:
        project = load_project(work.session, actor, form.project_id)
        _replace(work, project, form.members, "设置金牌团队")


def add_team_member(db: Database, actor: Actor, form: NewMemberForm, *, now: dt.datetime) -> None:
    actor.require(EDIT)
    form = cleaned(form)  # control characters out, dates in range
    _check([form.member])
    with unit_of_work(db, actor, now=now) as work:
        project = load_project(work.session, actor, form.project_id)
        members = _inputs(_current(work, project)) + [form.member]
        _replace(work, project, members, f"金牌团队添加{TeamRole(form.member.role).label} {form.member.name.strip()}")


def remove_team_member(db: Database, actor: Actor, form: RemoveMemberForm, *, now: dt.datetime) -> None:
    actor.require(EDIT)
    form = cleaned(form)  # control characters out, dates in range
    with unit_of_work(db, actor, now=now) as work:
        project = load_project(work.session, actor, form.project_id)
        current = _current(work, project)
        gone = [t for t in current if t.id == form.member_id]
        if not gone:
            raise NotFound("该成员已不在金牌团队中，请刷新后重试")
        members = _inputs([t for t in current if t.id != form.member_id])
        _replace(work, project, members, f"金牌团队移除 {gone[0].name}")
