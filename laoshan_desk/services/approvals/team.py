"""The gold team (金牌团队): commander, deputy, team leaders and members of one project."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence

from sqlalchemy import select

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services.approvals.common import _project
from laoshan_desk.services.approvals.inputs import TeamInput
from laoshan_desk.services.approvals.projects import project_detail
from laoshan_desk.services.approvals.views import TEAM_ROLE_LABELS
from laoshan_desk.services.context import Actor
from laoshan_desk.services.jsonable import jsonable
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.approvals import TeamMember


# -- gold team ---------------------------------------------------------------------------------
def set_team(db: Database, actor: Actor, project_id: uuid.UUID, members: Sequence[TeamInput]) -> None:
    """Replace the gold team: one commander, one deputy, team leaders per department, members."""
    actor.require("approvals.edit")
    roles = Counter(m.role for m in members)
    for m in members:
        if m.role not in TEAM_ROLE_LABELS:
            raise ValidationError(f"团队角色“{m.role}”无效", field="role")
        if not (m.name or "").strip():
            raise ValidationError(f"请填写{TEAM_ROLE_LABELS[m.role]}姓名", field="name")
    if roles["commander"] > 1 or roles["deputy"] > 1:
        raise ValidationError("金牌团队只设一名指挥长和一名副指挥长", field="role")
    with unit_of_work(db, actor) as work:
        project = _project(work.session, actor, project_id)
        for old in work.session.scalars(select(TeamMember).where(TeamMember.project_id == project.id)):
            work.session.delete(old)
        work.session.flush()
        order = {"commander": 0, "deputy": 1, "leader": 2, "member": 3}
        for n, m in enumerate(sorted(members, key=lambda m: order[m.role])):
            work.session.add(
                TeamMember(
                    project_id=project.id,
                    role=m.role,
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
            f"{project.number} 设置金牌团队（{len(members)} 人）",
            after={"team": [jsonable(m) for m in members]},
        )


def add_team_member(db: Database, actor: Actor, project_id: uuid.UUID, member: TeamInput) -> None:
    current = project_detail(db, actor, project_id).team
    keep = [TeamInput(t.role, t.name, t.title, t.department, t.phone) for t in current]
    set_team(db, actor, project_id, keep + [member])


def remove_team_member(db: Database, actor: Actor, project_id: uuid.UUID, member_id: uuid.UUID) -> None:
    current = project_detail(db, actor, project_id).team
    keep = [TeamInput(t.role, t.name, t.title, t.department, t.phone) for t in current if t.id != member_id]
    set_team(db, actor, project_id, keep)
