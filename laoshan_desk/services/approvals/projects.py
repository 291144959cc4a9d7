"""The project page and the project list of 审批点菜单, each with its reverse schedule and lights.

The reverse schedule is never stored: :func:`project_detail` and every list compute it from the
rows with :func:`laoshan_desk.domain.approvals.schedule` and the desk's calendar
(:func:`laoshan_desk.services.calendar.work_calendar`), so it is "computed at once and whenever
anything changes" by construction (docs/rules.md §approvals-reverse-schedule). What bends it is
stored: pins, dated steps, node moves.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from laoshan_desk.domain import approvals as rules
from laoshan_desk.domain.approvals import ProjectStatus, TeamRole
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.lights import Light, worst
from laoshan_desk.services.approvals.common import (
    VIEW,
    compute,
    item_rows,
    load_project,
    load_rows,
    log_counts_of,
    scope,
)
from laoshan_desk.services.approvals.views import (
    CertificateRow,
    ItemRow,
    MoveRow,
    ProjectRow,
    ProjectView,
    ShiftRow,
    TeamRow,
)
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.approvals import ApprovalProject, Certificate, MenuTemplate, NodeMove, TeamMember
from laoshan_desk.store.queries import approvals as queries

__all__ = ["project_detail", "project_schedule", "count_projects", "list_projects"]


def _shift(entry: object) -> ShiftRow | None:
    """A dependent as stored in the node move's JSON column."""
    if not isinstance(entry, dict):
        return None
    return ShiftRow(
        str(entry.get("code", "")),
        dt.date.fromisoformat(str(entry["old_finish"])),
        dt.date.fromisoformat(str(entry["new_finish"])),
        int(entry.get("workdays", 0)),
    )


def _moves(session: Session, project_id: uuid.UUID, names: dict[str, str]) -> list[MoveRow]:
    q = select(NodeMove).where(NodeMove.project_id == project_id).order_by(NodeMove.recorded_at)
    return [
        MoveRow(
            m.id,
            m.code,
            names.get(m.code, m.code),
            m.from_date,
            m.to_date,
            m.reason,
            m.decided_on,
            m.decided_by,
            tuple(s for s in (_shift(e) for e in m.dependents or ()) if s is not None),
        )
        for m in session.scalars(q)
    ]


def project_detail(db: Database, actor: Actor, project_id: uuid.UUID, *, today: dt.date) -> ProjectView:
    """Everything the project page shows, with the schedule and its lights as of ``today``."""
    actor.require(VIEW)
    calendar = work_calendar(db)
    with db.session() as session:
        p = load_project(session, actor, project_id)
        items, steps = load_rows(session, p)
        result = compute(p, items, steps, calendar)
        certs = list(
            session.scalars(
                select(Certificate)
                .where(Certificate.project_id == p.id)
                .order_by(Certificate.issued_on, Certificate.number)
            )
        )
        cert_by_item = {c.item_id: c.id for c in certs if c.revoked_at is None}
        rows = item_rows(items, steps, result, today, calendar, cert_by_item)
        team = [
            TeamRow(m.id, TeamRole(m.role), m.name, m.title, m.department, m.phone)
            for m in session.scalars(
                select(TeamMember).where(TeamMember.project_id == p.id).order_by(TeamMember.sort_order)
            )
        ]
        moves = _moves(session, p.id, {i.code: i.name for i in items})
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
            notice_number=p.notice_number or "",
            description=p.description,
            status=ProjectStatus(p.status),
            version=p.version,
            today=today,
            items=tuple(rows),
            team=tuple(team),
            log_counts=log_counts_of(session, p.id),
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
            feasible=_feasible(result, rows, today),
            critical_path=result.critical_path,
            warnings=result.warnings,
            finish_date=result.finish_date,
        )


def _feasible(result: rules.ScheduleResult, rows: list[ItemRow], today: dt.date) -> bool:
    """The one 计划可行 of the page, the list, the papers and the CLI, recomputed from ``today``."""
    open_items = [(r.latest_finish, r.critical) for r in rows if r.must_do and not r.done and r.latest_finish]
    return rules.feasible_today(result.feasible, result.target_date, today, open_items)


def project_schedule(db: Database, actor: Actor, project_id: uuid.UUID) -> rules.ScheduleResult:
    """The raw domain schedule of a project (the CLI prints it)."""
    actor.require(VIEW)
    with db.session() as session:
        p = load_project(session, actor, project_id)
        items, steps = load_rows(session, p)
        return compute(p, items, steps, work_calendar(db))


# -- the project list --------------------------------------------------------------------------
def count_projects(db: Database, actor: Actor, *, text: str | None = None, status: str | None = None) -> int:
    actor.require(VIEW)
    q = queries.project_list(scope(actor), text=text, status=status)
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(q.subquery())) or 0


def list_projects(
    db: Database,
    actor: Actor,
    *,
    today: dt.date,
    text: str | None = None,
    status: str | None = None,
    offset: int = 0,
    limit: int = 200,
    sort: str | None = None,
    descending: bool = False,
) -> list[ProjectRow]:
    """One page of projects (filtered, scoped and sorted in SQL), each with its lights ``today``."""
    actor.require(VIEW)
    calendar = work_calendar(db)
    key = queries.SORTS.get(sort or "", ApprovalProject.seq)
    q = queries.project_list(scope(actor), text=text, status=status)
    q = q.order_by(key.desc() if descending or sort is None else key, ApprovalProject.seq.desc())
    with db.session() as session:
        out = []
        for p in session.scalars(q.offset(offset).limit(limit)):
            items, steps = load_rows(session, p)
            try:
                result = compute(p, items, steps, calendar)
            except ValidationError:
                result = rules.ScheduleResult(p.start_date, p.target_date, {}, False, ())
            rows = item_rows(items, steps, result, today, calendar)
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
                    status=ProjectStatus(p.status),
                    ordered=len(rows),
                    must_do=len(must),
                    done=sum(r.done for r in must),
                    overdue=sum(r.signal is rules.ItemSignal.OVERDUE for r in must),
                    infeasible=sum(r.signal is rules.ItemSignal.INFEASIBLE for r in must),
                    yellow=lights.count(Light.YELLOW),
                    light=worst(lights),
                    signal=rules.worst_signal(r.signal for r in must),
                    feasible=_feasible(result, rows, today),
                    next_node=min(upcoming, default=None),
                )
            )
        return out
