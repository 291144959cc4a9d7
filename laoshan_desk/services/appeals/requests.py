"""Suspension (挂起) and extension (延期) requests: asked for by the handling unit, decided by a leader;
resuming a suspension; the list of requests waiting for a decision.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select

from laoshan_desk.domain.appeals import (
    AppealStatus,
    check_transition,
)
from laoshan_desk.domain.errors import NotFound, ValidationError
from laoshan_desk.services.appeals.common import (
    APPROVE,
    SUSPENSION_REASONS,
    _audit,
    _event,
    _move,
    _need_edit,
    _scoped,
    _text,
    recompute_clock,
)
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.appeals import (
    Appeal,
    AppealExtension,
    AppealSuspension,
)
from laoshan_desk.store.queries import appeals as q


def request_suspension(
    db: Database, actor: Actor, appeal_id: uuid.UUID, reason_kind: str, reason: str, now: dt.datetime
) -> uuid.UUID:
    _need_edit(actor)
    if reason_kind not in SUSPENSION_REASONS:
        raise ValidationError("请选择挂起原因类别", field="reason_kind")
    reason = _text(reason, "reason", "挂起原因", 500, required=True)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        a = _scoped(s, actor, appeal_id)
        check_transition(a.status, AppealStatus.SUSPENDED)
        if s.scalar(
            select(AppealSuspension.id).where(AppealSuspension.appeal_id == a.id, AppealSuspension.state == "requested")
        ):
            raise ValidationError("已有待审批的挂起申请", field="reason")
        row = AppealSuspension(
            id=uuid.uuid4(),
            appeal_id=a.id,
            reason_kind=reason_kind,
            reason=reason,
            requested_at=now,
            requested_by=actor.username,
            state="requested",
        )
        s.add(row)
        _event(work, a, "suspend_request", a.status, f"{SUSPENSION_REASONS[reason_kind]}：{reason}", a.unit_id)
        _audit(work, a, "申请挂起")
        return row.id


def decide_suspension(
    db: Database, actor: Actor, suspension_id: uuid.UUID, approve: bool, now: dt.datetime, note: str = ""
) -> None:
    """Approve (the clock stops from now) or refuse a suspension request."""
    actor.require(APPROVE)
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        row = s.get(AppealSuspension, suspension_id)
        if row is None or row.state != "requested":
            raise NotFound("没有待审批的挂起申请")
        a = _scoped(s, actor, row.appeal_id)
        if approve:
            _move(work, a, AppealStatus.SUSPENDED, "suspend", note or row.reason, a.unit_id)
            row.state, row.approved_at, row.approved_by, row.start = "approved", now, actor.username, now
            s.flush()
            recompute_clock(s, a, cal, now)
        else:
            row.state, row.approved_at, row.approved_by = "refused", now, actor.username
            _event(work, a, "suspend_refused", a.status, note, a.unit_id)
        _audit(work, a, "批准挂起" if approve else "挂起不予批准")


def resume(db: Database, actor: Actor, appeal_id: uuid.UUID, now: dt.datetime, note: str = "") -> None:
    """恢复办理: the suspension ends; the limit has moved by the working days it lasted."""
    _need_edit(actor)
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        a = _scoped(s, actor, appeal_id)
        _move(work, a, AppealStatus.IN_PROGRESS, "resume", note, a.unit_id)
        for row in s.scalars(
            select(AppealSuspension).where(
                AppealSuspension.appeal_id == a.id, AppealSuspension.state == "approved", AppealSuspension.end.is_(None)
            )
        ):
            row.end, row.state = now, "ended"
        s.flush()
        recompute_clock(s, a, cal, now)
        _audit(work, a, "恢复办理", {"completion_limit": a.completion_limit})


def request_extension(
    db: Database, actor: Actor, appeal_id: uuid.UUID, until: dt.date, reason: str, now: dt.datetime
) -> uuid.UUID:
    _need_edit(actor)
    reason = _text(reason, "reason", "延期理由", 500, required=True)
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        a = _scoped(s, actor, appeal_id)
        if a.status not in q.OPEN:
            raise ValidationError("只有办理中的诉求可以申请延期", field="until")
        if until <= a.completion_limit:
            raise ValidationError(f"延期日期应晚于当前办结时限 {a.completion_limit:%Y-%m-%d}", field="until")
        if not cal.is_workday(until):
            raise ValidationError("延期日期应为工作日", field="until")
        if s.scalar(
            select(AppealExtension.id).where(AppealExtension.appeal_id == a.id, AppealExtension.state == "requested")
        ):
            raise ValidationError("已有待审批的延期申请", field="until")
        row = AppealExtension(
            id=uuid.uuid4(),
            appeal_id=a.id,
            requested_at=now,
            requested_by=actor.username,
            until=until,
            reason=reason,
            state="requested",
        )
        s.add(row)
        _event(work, a, "extension_request", a.status, f"申请延期至 {until:%Y-%m-%d}：{reason}", a.unit_id)
        _audit(work, a, f"申请延期至 {until:%Y-%m-%d}")
        return row.id


def decide_extension(
    db: Database, actor: Actor, extension_id: uuid.UUID, approve: bool, now: dt.datetime, note: str = ""
) -> None:
    """Approve (the date replaces the limit) or refuse an extension request."""
    actor.require(APPROVE)
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        row = s.get(AppealExtension, extension_id)
        if row is None or row.state != "requested":
            raise NotFound("没有待审批的延期申请")
        a = _scoped(s, actor, row.appeal_id)
        row.state = "approved" if approve else "refused"
        row.decided_at, row.decided_by, row.decision_note = now, actor.username, note
        if approve:
            a.extension_until, a.extension_granted_at = row.until, now
            recompute_clock(s, a, cal, now)
        _event(
            work,
            a,
            "extension" if approve else "extension_refused",
            a.status,
            f"延期至 {row.until:%Y-%m-%d}" + (f"：{note}" if note else ""),
            a.unit_id,
        )
        _audit(work, a, ("批准延期至 " if approve else "不予延期 ") + f"{row.until:%Y-%m-%d}")


def pending_approvals(db: Database, actor: Actor) -> list[tuple[str, uuid.UUID, str, str]]:
    """(kind, request id, appeal number, text) of extension and suspension requests awaiting approval."""
    actor.require(APPROVE)
    with db.session() as s:
        out: list[tuple[str, uuid.UUID, str, str]] = []
        for e, number in s.execute(
            select(AppealExtension, Appeal.number)
            .join(Appeal, Appeal.id == AppealExtension.appeal_id)
            .where(AppealExtension.state == "requested")
        ):
            out.append(("extension", e.id, number, f"延期至 {e.until:%Y-%m-%d}：{e.reason}"))
        for x, number in s.execute(
            select(AppealSuspension, Appeal.number)
            .join(Appeal, Appeal.id == AppealSuspension.appeal_id)
            .where(AppealSuspension.state == "requested")
        ):
            out.append(("suspension", x.id, number, f"挂起：{x.reason}"))
        return out
