"""The project page and the project list of 审批点菜单, each with its reverse schedule and lights.

The reverse schedule is never stored: :func:`project_detail` and every list compute it from the
rows with :func:`laoshan_desk.domain.approvals.schedule` and the desk's calendar
(:func:`laoshan_desk.services.calendar.work_calendar`), so it is "computed at once and whenever
anything changes" by construction. What bends it is stored: pins, dated steps, node moves.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import func, or_, select

from laoshan_desk.domain import approvals as rules
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.lights import Light, worst
from laoshan_desk.services.approvals.common import (
    _compute,
    _item_rows,
    _load,
    _log_counts,
    _project,
    _scope_condition,
    _today,
)
from laoshan_desk.services.approvals.views import CertificateRow, MoveRow, ProjectRow, ProjectView, TeamRow
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.approvals import ApprovalProject, Certificate, MenuTemplate, NodeMove, TeamMember


def project_detail(db: Database, actor: Actor, project_id: uuid.UUID, today: dt.date | None = None) -> ProjectView:
    """Everything the project page shows, with the schedule computed now."""
    today = _today(today)
    calendar = work_calendar(db)
    with db.session() as session:
        p = _project(session, actor, project_id)
        items, steps = _load(session, p)
        result = _compute(p, items, steps, calendar)
        certs = list(
            session.scalars(
                select(Certificate)
                .where(Certificate.project_id == p.id)
                .order_by(Certificate.issued_on, Certificate.number)
            )
        )
        cert_by_item = {c.item_id: c.id for c in certs if c.revoked_at is None}
        rows = _item_rows(items, steps, result, today, calendar, cert_by_item)
        team = [
            TeamRow(m.id, m.role, m.name, m.title, m.department, m.phone)
            for m in session.scalars(
                select(TeamMember).where(TeamMember.project_id == p.id).order_by(TeamMember.sort_order)
            )
        ]
        names = {i.code: i.name for i in items}
        moves = [
            MoveRow(
                m.id,
                m.code,
                names.get(m.code, m.code),
                m.from_date,
                m.to_date,
                m.reason,
                m.decided_on,
                m.decided_by,
                tuple(m.dependents or ()),
            )
            for m in session.scalars(select(NodeMove).where(NodeMove.project_id == p.id).order_by(NodeMove.recorded_at))
        ]
        counts = _log_counts(session, p.id)
        type_label = (
            session.scalar(select(MenuTemplate.name).where(MenuTemplate.code == p.project_type)) or p.project_type
        )
        return ProjectView(
            id=p.id,
            number=p.number,
            name=p.name,
            enterprise=p.enterprise,
            credit_code=p.credit_code,
            contact_name=p.contact_name,
            contact_title=p.contact_title,
            contact_phone=p.contact_phone,
            street_id=p.street_id,
            street_name=p.street_name,
            address=p.address,
            project_type=p.project_type,
            project_type_label=type_label or "",
            start_date=p.start_date,
            target_date=p.target_date,
            menu_issued_on=p.menu_issued_on,
            description=p.description,
            status=p.status,
            version=p.version,
            today=today,
            items=tuple(rows),
            team=tuple(team),
            log_counts=counts,
            moves=tuple(moves),
            certificates=tuple(
                CertificateRow(
                    c.id,
                    c.number,
                    c.verification_code,
                    c.item_code,
                    c.title,
                    c.holder,
                    c.credit_code,
                    c.department,
                    c.issued_on,
                    c.revoked_at is not None,
                )
                for c in certs
            ),
            feasible=result.feasible,
            critical_path=result.critical_path,
            warnings=result.warnings,
            finish_date=result.finish_date,
        )


def project_schedule(db: Database, actor: Actor, project_id: uuid.UUID) -> rules.ScheduleResult:
    """The raw domain schedule of a project (the CLI prints it)."""
    with db.session() as session:
        p = _project(session, actor, project_id)
        items, steps = _load(session, p)
        return _compute(p, items, steps, work_calendar(db))


# -- the project list --------------------------------------------------------------------------
_SORTS = {
    "number": ApprovalProject.seq,
    "name": ApprovalProject.name,
    "enterprise": ApprovalProject.enterprise,
    "street": ApprovalProject.street_name,
    "target": ApprovalProject.target_date,
    "start": ApprovalProject.start_date,
}


def _list_query(actor: Actor, text: str | None, status: str | None) -> Any:
    q = select(ApprovalProject).where(_scope_condition(actor))
    if text:
        like = f"%{text.strip()}%"
        q = q.where(
            or_(
                ApprovalProject.name.like(like),
                ApprovalProject.enterprise.like(like),
                ApprovalProject.credit_code.like(like),
                ApprovalProject.number.like(like),
            )
        )
    if status:
        q = q.where(ApprovalProject.status == status)
    return q


def count_projects(db: Database, actor: Actor, *, text: str | None = None, status: str | None = None) -> int:
    actor.require("approvals.view")
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(_list_query(actor, text, status).subquery())) or 0


def list_projects(
    db: Database,
    actor: Actor,
    *,
    today: dt.date | None = None,
    text: str | None = None,
    status: str | None = None,
    offset: int = 0,
    limit: int = 200,
    sort: str | None = None,
    descending: bool = False,
) -> list[ProjectRow]:
    """One page of projects (filtered, scoped and sorted in SQL), each with its lights now."""
    actor.require("approvals.view")
    today = _today(today)
    calendar = work_calendar(db)
    with db.session() as session:
        q = _list_query(actor, text, status)
        key = _SORTS.get(sort or "", ApprovalProject.seq)
        q = q.order_by(key.desc() if descending or sort is None else key, ApprovalProject.seq.desc())
        projects = list(session.scalars(q.offset(offset).limit(limit)))
        out = []
        for p in projects:
            items, steps = _load(session, p)
            try:
                result = _compute(p, items, steps, calendar)
            except ValidationError:
                result = rules.ScheduleResult(p.start_date, p.target_date, {}, False, ())
            rows = _item_rows(items, steps, result, today, calendar)
            must = [r for r in rows if r.must_do]
            lights = [r.light for r in must]
            upcoming = [r.latest_finish for r in must if not r.done and r.latest_finish and r.latest_finish >= today]
            out.append(
                ProjectRow(
                    id=p.id,
                    number=p.number,
                    name=p.name,
                    enterprise=p.enterprise,
                    street_name=p.street_name,
                    start_date=p.start_date,
                    target_date=p.target_date,
                    status=p.status,
                    ordered=len(rows),
                    must_do=len(must),
                    done=sum(r.done for r in must),
                    red=lights.count(Light.RED),
                    yellow=lights.count(Light.YELLOW),
                    light=worst(lights),
                    feasible=result.feasible,
                    next_node=min(upcoming, default=None),
                )
            )
        return out
