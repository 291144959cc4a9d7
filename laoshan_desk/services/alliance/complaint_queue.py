"""The complaint queue and one case's detail, with their lights (docs/rules/alliance.md §alliance-lights).

Filtering, counting, sorting and paging run in SQL on the stored limits
(:mod:`laoshan_desk.store.queries.alliance`); each row's light is the domain's light of that limit,
so the filter and the row agree. Personal numbers are masked unless the role sees them in full.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from sqlalchemy import func, select

from laoshan_desk.domain.alliance.clocks import countdown, deadline_light, light_horizon, local_date
from laoshan_desk.domain.alliance.vocabulary import (
    ComplaintDecision,
    ComplaintKind,
    ComplaintOutcome,
    ComplaintStatus,
    RejectReason,
)
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.identifiers import mask_phone
from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.roles import SEES_FULL_NUMBERS
from laoshan_desk.services.alliance.common import VIEW, get_or_404
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.alliance import AllianceComplaint, AllianceComplaintPause
from laoshan_desk.store.queries import alliance as q
from laoshan_desk.store.queries.alliance import ComplaintFilter

__all__ = ["ComplaintDetail", "ComplaintFilter", "ComplaintRow", "PauseRow", "count", "detail", "page", "tab_counts"]


@dataclasses.dataclass(frozen=True)
class ComplaintRow:
    id: uuid.UUID
    number: str
    kind: ComplaintKind
    received_at: dt.datetime
    complainant: str
    phone: str  # masked unless the role sees full numbers
    enterprise_name: str
    uscc: str
    member: bool
    officer_name: str
    content: str
    status: ComplaintStatus
    decision: ComplaintDecision | None
    outcome: ComplaintOutcome | None
    accept_limit: dt.date
    finish_limit: dt.date | None
    due_on: dt.date | None
    paused: bool
    late: bool
    light: Light
    countdown: str
    finished_at: dt.datetime | None
    version: int


@dataclasses.dataclass(frozen=True)
class PauseRow:
    start: dt.date
    end: dt.date | None
    reason: str


@dataclasses.dataclass(frozen=True)
class ComplaintDetail:
    row: ComplaintRow
    real_name: bool
    decided_at: dt.datetime | None
    reject_reason: RejectReason | None
    extended: bool
    notified_at: dt.datetime | None
    result: str
    pauses: tuple[PauseRow, ...]
    actions: tuple[str, ...]  # decide, pause, end_pause, extend, notify, finish — what may be done now


def _row(c: AllianceComplaint, calendar: WorkCalendar, today: dt.date, full: bool) -> ComplaintRow:
    running = c.due_on is not None and not c.paused
    light = deadline_light(c.due_on, calendar, today, running=running)
    if c.finished_at is not None:
        text = "超期办结" if c.late else "按期办结"
    elif c.paused:
        text = "检测鉴定中（不计时）"
    else:
        text = countdown(c.due_on, calendar, today)
    return ComplaintRow(
        id=c.id,
        number=c.number,
        kind=ComplaintKind(c.kind),
        received_at=c.received_at,
        complainant=c.complainant,
        phone=c.phone if full else (mask_phone(c.phone) if c.phone else ""),
        enterprise_name=c.enterprise_name,
        uscc=c.uscc or "",
        member=c.member_id is not None,
        officer_name=c.officer_name,
        content=c.content,
        status=ComplaintStatus(c.status),
        decision=ComplaintDecision(c.decision) if c.decision else None,
        outcome=ComplaintOutcome(c.outcome) if c.outcome else None,
        accept_limit=c.accept_limit,
        finish_limit=c.finish_limit,
        due_on=c.due_on,
        paused=c.paused,
        late=c.late or (running and c.due_on is not None and c.due_on < today),
        light=light,
        countdown=text,
        finished_at=c.finished_at,
        version=c.version,
    )


def count(db: Database, actor: Actor, f: ComplaintFilter, *, now: dt.datetime) -> int:
    actor.require(VIEW)
    calendar = work_calendar(db)
    today = local_date(now)
    first, horizon = light_horizon(calendar, today)
    with db.session() as session:
        stmt = select(func.count()).select_from(AllianceComplaint).where(*q.conditions(f, first, horizon))
        return int(session.scalar(stmt) or 0)


def page(
    db: Database,
    actor: Actor,
    f: ComplaintFilter,
    *,
    now: dt.datetime,
    offset: int = 0,
    limit: int = 200,
    sort: str = "received",
    descending: bool = True,
) -> list[ComplaintRow]:
    """One page of the queue, filtered, sorted and paged in SQL."""
    actor.require(VIEW)
    calendar = work_calendar(db)
    today = local_date(now)
    first, horizon = light_horizon(calendar, today)
    full = actor.role in SEES_FULL_NUMBERS
    with db.session() as session:
        stmt = q.ordered(q.queue(f, first, horizon), sort, descending, open_only=f.state == "open")
        stmt = stmt.offset(max(offset, 0)).limit(min(limit, 1000))
        return [_row(c, calendar, today, full) for c in session.scalars(stmt)]


def tab_counts(db: Database, actor: Actor, *, now: dt.datetime) -> dict[str, int]:
    """Open, overdue, red and yellow counts for the queue's header."""
    return {
        "open": count(db, actor, ComplaintFilter(state="open"), now=now),
        "overdue": count(db, actor, ComplaintFilter(state="overdue"), now=now),
        "red": count(db, actor, ComplaintFilter(state="all", light=Light.RED), now=now),
        "yellow": count(db, actor, ComplaintFilter(state="all", light=Light.YELLOW), now=now),
    }


def _actions(c: AllianceComplaint, pauses: tuple[PauseRow, ...]) -> tuple[str, ...]:
    if c.finished_at is not None:
        return ()
    open_pause = any(p.end is None for p in pauses)
    out: list[str] = []
    if c.decision is None:
        out.append("decide")
        if c.kind == ComplaintKind.REPORT.value and not c.extended:
            out.append("extend")
    if c.status in (ComplaintStatus.MEDIATING.value, ComplaintStatus.VERIFYING.value):
        out.append("end_pause" if open_pause else "pause")
    if c.status == ComplaintStatus.MEDIATING.value and not open_pause:
        out.append("finish")
    if c.status == ComplaintStatus.AWAITING_NOTICE.value:
        out.append("notify")
    return tuple(out)


def detail(db: Database, actor: Actor, complaint_id: uuid.UUID, *, now: dt.datetime) -> ComplaintDetail:
    actor.require(VIEW)
    calendar = work_calendar(db)
    today = local_date(now)
    with db.session() as session:
        c = get_or_404(session, AllianceComplaint, complaint_id, "投诉举报")
        assert isinstance(c, AllianceComplaint)
        rows = session.scalars(
            select(AllianceComplaintPause)
            .where(AllianceComplaintPause.complaint_id == c.id)
            .order_by(AllianceComplaintPause.start)
        )
        pauses = tuple(PauseRow(p.start, p.end, p.reason) for p in rows)
        return ComplaintDetail(
            row=_row(c, calendar, today, actor.role in SEES_FULL_NUMBERS),
            real_name=c.real_name,
            decided_at=c.decided_at,
            reject_reason=RejectReason(c.reject_reason) if c.reject_reason else None,
            extended=c.extended,
            notified_at=c.notified_at,
            result=c.result,
            pauses=pauses,
            actions=_actions(c, pauses),
        )
