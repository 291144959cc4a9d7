"""督办: supervising an appeal by hand or every overdue one at once, and the printable 督办单
(docs/rules.md §appeals-supervision).

Building the 督办单 is not auditable by itself: the preview records the print or the save once,
after it happened (services/printing.py ``record_output``).
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from laoshan_desk.domain.appeals import AppealKind, AppealStatus, clocks
from laoshan_desk.domain.appeals.steps import EventAction
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.errors import NotFound, PermissionDenied
from laoshan_desk.services.appeals.common import (
    APPROVE,
    EDIT,
    VIEW,
    check_version,
    label_of,
    load_scoped,
    record_step,
    unit_names,
)
from laoshan_desk.services.appeals.forms import SuperviseForm
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import Work, recorded, unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.appeals import Appeal, AppealSupervision
from laoshan_desk.store.numbers import allocate
from laoshan_desk.store.queries import appeals as q

DEFAULT_DEMAND = "请承办单位接此督办单后，于 1 个工作日内办结并反馈办理结果；确有困难的，说明原因并提出延期申请。"


def _notice_number(s: Session, now: dt.datetime) -> str:
    """崂督〔2026〕N号, N counted per year, allocated collision-free."""
    year = clocks.local_date(now).year
    prefix = f"崂督〔{year}〕"
    issued = s.scalar(
        select(func.count()).select_from(AppealSupervision).where(AppealSupervision.notice_number.like(prefix + "%"))
    )
    return f"{prefix}{allocate(s, f'appeal.notice.{year}', floor=issued or 0)}号"


def _may_supervise(actor: Actor) -> None:
    actor.require(VIEW)
    if not (actor.may(EDIT) or actor.may(APPROVE)):
        raise PermissionDenied("当前角色无权督办")


@recorded("appeals.supervise")
def supervise(db: Database, actor: Actor, form: SuperviseForm, *, now: dt.datetime) -> uuid.UUID:
    """督办 one appeal by hand (leaders and the hall)."""
    _may_supervise(actor)
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        a = load_scoped(work.session, actor, form.appeal_id)
        check_version(a, form.version)
        return _supervise(work, a, cal, automatic=False, reason=form.reason.strip(), demand=form.demand.strip())


def _supervise(
    work: Work, a: Appeal, cal: WorkCalendar, *, automatic: bool, reason: str = "", demand: str = ""
) -> uuid.UUID:
    s, now = work.session, work.now
    days = clocks.overdue_workdays(a.completion_limit, cal, a.finished_at, now)
    row = AppealSupervision(
        id=uuid.uuid4(),
        appeal_id=a.id,
        notice_number=_notice_number(s, now),
        at=now,
        by=work.actor.username,
        automatic=automatic,
        overdue_workdays=days,
        unit_id=a.unit_id,
        reason=reason or f"该诉求办结时限为 {a.completion_limit:%Y-%m-%d}，已超期{days}个工作日仍未办结。",
        demand=demand or DEFAULT_DEMAND,
    )
    s.add(row)
    s.flush()
    a.supervised = True
    note = f"{row.notice_number}" + ("（自动督办）" if automatic else "")
    record_step(work, a, EventAction.SUPERVISE, a.status, note, a.unit_id)
    work.audit("create", "appeal_supervision", row.id, f"{a.number} 督办 {row.notice_number}")
    return row.id


def supervise_overdue(db: Database, actor: Actor, *, now: dt.datetime) -> int:
    """Auto-supervision: every running appeal past its limit and not yet supervised gets a record."""
    _may_supervise(actor)
    cal = work_calendar(db)
    today = clocks.local_date(now)
    stmt = select(Appeal).where(
        Appeal.status.in_(q.RUNNING), Appeal.completion_limit < today, Appeal.supervised.is_(False)
    )
    scope = q.scope_condition(actor.scope, actor.unit_id, actor.street_id)
    if scope is not None:
        stmt = stmt.where(scope)
    with unit_of_work(db, actor, now) as work:
        n = 0
        for a in work.session.scalars(stmt.limit(5000)).all():
            _supervise(work, a, cal, automatic=True)
            n += 1
        return n


def supervision_notice(db: Database, actor: Actor, supervision_id: uuid.UUID) -> bytes:
    """The printable 督办单 PDF. Not audited here: printing or saving it is (module docstring)."""
    # reportlab: only when printing
    from laoshan_desk.documents import appeals as papers

    actor.require(VIEW)
    with db.session() as s:
        row = s.get(AppealSupervision, supervision_id)
        if row is None:
            raise NotFound("督办记录不存在")
        a = load_scoped(s, actor, row.appeal_id, reading=True)
        names = unit_names(s)
        data = papers.SupervisionData(
            notice_number=row.notice_number,
            date=clocks.local_date(row.at),
            unit=names.get(a.unit_id, "") if a.unit_id else "崂先办受理窗口（待派单）",
            appeal_number=a.number,
            received_at=a.received_at,
            kind=label_of(AppealKind, a.kind),
            content=a.content,
            completion_limit=a.completion_limit,
            overdue_workdays=row.overdue_workdays,
            status=label_of(AppealStatus, a.status),
            reason=row.reason,
            demand=row.demand,
            place="".join(names.get(u, "") for u in (a.street_id, a.community_id) if u is not None),
        )
    return papers.supervision_notice(data)
