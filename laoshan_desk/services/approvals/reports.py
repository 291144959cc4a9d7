"""日调度 and the printed papers of a project (one-time notice, reverse-schedule table).

Daily dispatch (docs/rules.md §approvals-dispatch): every open must-do item, across the projects
the actor may see, that is late (past its latest finish, or unable to make the target), due
today, or due within 2 working days: the same rule as the yellow and red lights
(:func:`laoshan_desk.domain.approvals.dispatch_bucket`). A department handler sees the
department's own items.

The papers are built here and returned as bytes; printing or saving one is audited once, after
it happened, by the preview (:func:`laoshan_desk.services.printing.record_output`). A workbook
the service writes itself is recorded here, once it is written.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from sqlalchemy import select

from laoshan_desk.documents import approvals as docs
from laoshan_desk.domain.approvals import ProjectStatus, dispatch_bucket
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services import printing
from laoshan_desk.services.approvals.common import VIEW, scope
from laoshan_desk.services.approvals.projects import project_detail
from laoshan_desk.services.approvals.views import ProjectView
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.approvals import ApprovalItem, ApprovalProject

__all__ = [
    "dispatch",
    "dispatch_pdf",
    "project_paper",
    "notice_pdf",
    "schedule_pdf",
    "schedule_excel",
]


def views_in_scope(
    db: Database, actor: Actor, today: dt.date, *, statuses: tuple[ProjectStatus, ...] = (ProjectStatus.ACTIVE,)
) -> list[ProjectView]:
    """Every project the actor may see, of the given statuses, as of ``today``."""
    actor.require(VIEW)
    with db.session() as session:
        q = select(ApprovalProject.id).where(scope(actor))
        if statuses:
            q = q.where(ApprovalProject.status.in_([s.value for s in statuses]))
        ids = list(session.scalars(q.order_by(ApprovalProject.seq)))
    views = []
    for pid in ids:
        try:
            views.append(project_detail(db, actor, pid, today=today))
        except ValidationError:
            continue  # a project whose plan cannot be computed shows its error on its own page
    return views


# -- daily dispatch ----------------------------------------------------------------------------
def dispatch(db: Database, actor: Actor, *, today: dt.date, department: str | None = None) -> docs.DispatchReport:
    """The morning call's list for ``today``, most urgent first (optionally one department)."""
    actor.require(VIEW)
    calendar = work_calendar(db)
    own = actor.unit_name if actor.scope == "unit" else None
    rows = []
    for view in views_in_scope(db, actor, today):
        for item in view.items:
            if not item.must_do or item.done or item.latest_finish is None or item.slack_days is None:
                continue
            if (department and item.department != department) or (own and item.department != own):
                continue
            found = dispatch_bucket(item.latest_finish, item.slack_days, today, calendar)
            if found is None:
                continue
            bucket, left = found
            rows.append(
                docs.DispatchRow(
                    view.id,
                    view.number,
                    view.name,
                    item.id,
                    item.code,
                    item.name,
                    item.department,
                    item.responsible,
                    item.status_label,
                    item.node_date,
                    item.latest_finish,
                    left,
                    bucket,
                    item.light,
                )
            )
    rows.sort(key=lambda r: (r.bucket.urgency, r.latest_finish or today, r.project_number, r.code))
    return docs.DispatchReport(today, tuple(rows))


def dispatch_pdf(db: Database, actor: Actor, *, today: dt.date, department: str | None = None) -> bytes:
    """日调度单 as PDF bytes (the preview records it when it is printed or saved)."""
    return docs.dispatch_pdf(dispatch(db, actor, today=today, department=department))


# -- a project's papers ------------------------------------------------------------------------
def project_paper(view: ProjectView) -> docs.ProjectPaper:
    """What the one-time notice and the reverse-schedule table print of a project view."""
    return docs.ProjectPaper(
        number=view.number,
        notice_number=view.notice_number,
        name=view.name,
        enterprise=view.enterprise,
        credit_code=view.credit_code,
        street_name=view.street_name,
        contact_name=view.contact_name,
        contact_phone=view.contact_phone,
        start_date=view.start_date,
        target_date=view.target_date,
        menu_issued_on=view.menu_issued_on,
        today=view.today,
        feasible=view.feasible,
        critical_path=view.critical_path,
        finish_date=view.finish_date,
        items=tuple(
            docs.PaperItem(
                code=i.code,
                name=i.name,
                department=i.department,
                responsible=i.responsible,
                classification=i.classification,
                reason=i.reason,
                materials=i.materials,
                days=i.days,
                prerequisites=i.prerequisites,
                status_label=i.status_label,
                done=i.done,
                finished_on=i.finished_on,
                earliest_start=i.earliest_start,
                earliest_finish=i.earliest_finish,
                latest_start=i.latest_start,
                latest_finish=i.latest_finish,
                slack_days=i.slack_days,
                light=i.light,
                critical=i.critical,
                pinned=i.pinned,
                limit_text=i.limit_text,
                statutory_due=i.statutory_due,
                signal=i.signal,
            )
            for i in view.items
        ),
        moves=tuple(docs.PaperMove(m.code, m.name, m.from_date, m.to_date, m.reason) for m in view.moves),
    )


def notice_pdf(db: Database, actor: Actor, project_id: uuid.UUID, *, today: dt.date) -> bytes:
    """一次告知书 dated ``today`` (docs/rules.md §approvals-classification)."""
    view = project_detail(db, actor, project_id, today=today)
    codes = [i.code for i in view.must_items]
    with db.session() as session:
        rows = session.execute(
            select(ApprovalItem.code, ApprovalItem.legal_basis, ApprovalItem.unverified).where(
                ApprovalItem.code.in_(codes)
            )
        ).all()
    # Only verified citations are printed; the notice counts those left out.
    citations = {code: tuple(b for b in basis or () if b not in (flags or ())) for code, basis, flags in rows}
    unverified = sum(sum(1 for b in basis or () if b in (flags or ())) for _code, basis, flags in rows)
    return docs.one_time_notice(project_paper(view), today=today, citations=citations, unverified=unverified)


def schedule_pdf(db: Database, actor: Actor, project_id: uuid.UUID, *, today: dt.date) -> bytes:
    """倒排工期表 as PDF, with the lights of ``today``."""
    view = project_detail(db, actor, project_id, today=today)
    return docs.schedule_pdf(project_paper(view))


def schedule_excel(db: Database, actor: Actor, project_id: uuid.UUID, path: Path, *, now: dt.datetime) -> Path:
    """倒排工期表 as a workbook written to ``path``; the export is audited once it is written."""
    view = project_detail(db, actor, project_id, today=now.date())
    target = docs.schedule_excel(project_paper(view), Path(path))
    printing.record_output(
        db,
        actor,
        printing.Output("approval_project", str(project_id), f"倒排工期表 {view.number} {view.name}"),
        kind=printing.OutputKind.EXPORT,
        target=str(target),
        now=now,
    )
    return target
