"""Suspension (挂起) and extension (延期) requests: asked for by the handling unit, decided by a leader;
resuming a suspension; the list of requests waiting for a decision (docs/rules.md §appeals-clocks).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from laoshan_desk.domain.appeals import AppealStatus, check_transition
from laoshan_desk.domain.appeals.steps import (
    EventAction,
    ExtensionState,
    RequestKind,
    SuspensionReason,
    SuspensionState,
)
from laoshan_desk.domain.errors import NotFound, PermissionDenied, ValidationError
from laoshan_desk.domain.labels import chosen
from laoshan_desk.services.appeals.common import (
    APPROVE,
    EDIT,
    audit_appeal,
    check_version,
    clean_text,
    load_scoped,
    move,
    recompute_clock,
    record_step,
)
from laoshan_desk.services.appeals.forms import DecisionForm, ExtensionRequestForm, NoteForm, SuspensionRequestForm
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import Work, fill_id, recorded, unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.appeals import Appeal, AppealExtension, AppealSuspension
from laoshan_desk.store.queries import appeals as q

TAKEN = "该申请已经登记过（标识重复），未重复登记"


@dataclasses.dataclass(frozen=True)
class PendingRequest:
    """One request waiting for a leader's decision (待审批)."""

    kind: RequestKind
    id: uuid.UUID
    appeal_number: str
    text: str
    requested_by: str
    version: int  # the appeal's, for the decision form


def _decision_note(form: DecisionForm) -> str:
    note = clean_text(form.note, "note", "审批意见", 200)
    if not form.approve and not note:
        raise ValidationError("不批准时请在“审批意见”中写明理由", field="note")
    return note


def _four_eyes(actor: Actor, requested_by: str) -> None:
    """Who asked for an extension or a suspension does not decide it (docs/rules.md §appeals-clocks)."""
    if actor.username == requested_by:
        raise PermissionDenied("申请人不能审批本人提出的申请，请由另一位有审批权限的人员审批")


_Request = TypeVar("_Request", AppealSuspension, AppealExtension)


def _new_request_id(
    session: Session,
    model: type[_Request],
    appeal: Appeal,
    request_id: uuid.UUID | None,
    pending_message: str,
    field: str,
) -> uuid.UUID:
    """The id of a new request of ``model``'s kind, refused (``pending_message`` beside ``field``;
    the guide quotes each whole) while one awaits a decision (both kinds share the code
    ``requested``) or when the screen's id is already used."""
    pending = select(model.id).where(model.appeal_id == appeal.id, model.state == ExtensionState.REQUESTED.value)
    if session.scalar(pending):
        raise ValidationError(pending_message, field=field)
    ident = request_id or uuid.uuid4()
    if session.get(model, ident) is not None:
        raise ValidationError(TAKEN, field=field)
    return ident


@recorded("appeals.request_suspension", prepare=fill_id("request_id"))
def request_suspension(db: Database, actor: Actor, form: SuspensionRequestForm, *, now: dt.datetime) -> uuid.UUID:
    """申请挂起: the clock keeps running until a leader approves."""
    actor.require(EDIT)
    kind = chosen(SuspensionReason, form.reason_kind, "请选择挂起原因类别", field="reason_kind")
    reason = clean_text(form.reason, "reason", "挂起原因", 500, required=True)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        a = load_scoped(s, actor, form.appeal_id)
        check_version(a, form.version)
        check_transition(a.status, AppealStatus.SUSPENDED)
        row = AppealSuspension(
            id=_new_request_id(s, AppealSuspension, a, form.request_id, "已有待审批的挂起申请", "reason"),
            appeal_id=a.id,
            reason_kind=kind.value,
            reason=reason,
            requested_at=now,
            requested_by=actor.username,
            state=SuspensionState.REQUESTED.value,
        )
        s.add(row)
        record_step(work, a, EventAction.SUSPEND_REQUEST, a.status, f"{kind.label}：{reason}", a.unit_id)
        audit_appeal(work, a, "申请挂起")
        return row.id


def _pending(work: Work, actor: Actor, model: type[_Request], form: DecisionForm, what: str) -> tuple[_Request, Appeal]:
    """The request a decision is about, checked as both decisions check it: still awaiting one
    (both kinds share the code ``requested``), decided by someone other than who asked, and its
    appeal in the actor's scope at the version the screen showed."""
    row = work.session.get(model, form.request_id)
    if row is None or row.state != ExtensionState.REQUESTED.value:
        raise NotFound(f"没有待审批的{what}申请")
    _four_eyes(actor, row.requested_by)
    appeal = load_scoped(work.session, actor, row.appeal_id)
    check_version(appeal, form.version)
    return row, appeal


@recorded("appeals.decide_suspension")
def decide_suspension(db: Database, actor: Actor, form: DecisionForm, *, now: dt.datetime) -> None:
    """Approve (the clock stops from now) or refuse a suspension request."""
    actor.require(APPROVE)
    note = _decision_note(form)
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        row, a = _pending(work, actor, AppealSuspension, form, "挂起")
        if form.approve:
            move(work, a, AppealStatus.SUSPENDED, EventAction.SUSPEND, note or row.reason, a.unit_id)
            row.state, row.approved_at, row.approved_by, row.start = (
                SuspensionState.APPROVED.value,
                now,
                actor.username,
                now,
            )
            s.flush()
            recompute_clock(s, a, cal, now)
        else:
            row.state, row.approved_at, row.approved_by = SuspensionState.REFUSED.value, now, actor.username
            record_step(work, a, EventAction.SUSPEND_REFUSED, a.status, note, a.unit_id)
        audit_appeal(work, a, "批准挂起" if form.approve else "挂起不予批准")


@recorded("appeals.resume")
def resume(db: Database, actor: Actor, form: NoteForm, *, now: dt.datetime) -> None:
    """恢复办理: the suspension ends; the limit has moved by the working days it lasted."""
    actor.require(EDIT)
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        a = load_scoped(s, actor, form.appeal_id)
        check_version(a, form.version)
        move(work, a, AppealStatus.IN_PROGRESS, EventAction.RESUME, form.note, a.unit_id)
        for row in s.scalars(
            select(AppealSuspension).where(
                AppealSuspension.appeal_id == a.id,
                AppealSuspension.state == SuspensionState.APPROVED.value,
                AppealSuspension.end.is_(None),
            )
        ):
            row.end, row.state = now, SuspensionState.ENDED.value
        s.flush()
        recompute_clock(s, a, cal, now)
        audit_appeal(work, a, "恢复办理", {"completion_limit": a.completion_limit})


@recorded("appeals.request_extension", prepare=fill_id("request_id"))
def request_extension(db: Database, actor: Actor, form: ExtensionRequestForm, *, now: dt.datetime) -> uuid.UUID:
    """申请延期: a working day after the current limit, with a reason."""
    actor.require(EDIT)
    until = form.until
    if until is None:
        raise ValidationError("请选择延期至哪一天", field="until")
    reason = clean_text(form.reason, "reason", "延期理由", 500, required=True)
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        a = load_scoped(s, actor, form.appeal_id)
        check_version(a, form.version)
        if a.status not in q.OPEN:
            raise ValidationError("只有办理中的诉求可以申请延期", field="until")
        if until <= a.completion_limit:
            raise ValidationError(f"延期日期应晚于当前办结时限 {a.completion_limit:%Y-%m-%d}", field="until")
        if not cal.is_workday(until):
            raise ValidationError("延期日期应为工作日", field="until")
        row = AppealExtension(
            id=_new_request_id(s, AppealExtension, a, form.request_id, "已有待审批的延期申请", "until"),
            appeal_id=a.id,
            requested_at=now,
            requested_by=actor.username,
            until=until,
            reason=reason,
            state=ExtensionState.REQUESTED.value,
        )
        s.add(row)
        note = f"申请延期至 {until:%Y-%m-%d}：{reason}"
        record_step(work, a, EventAction.EXTENSION_REQUEST, a.status, note, a.unit_id)
        audit_appeal(work, a, f"申请延期至 {until:%Y-%m-%d}")
        return row.id


@recorded("appeals.decide_extension")
def decide_extension(db: Database, actor: Actor, form: DecisionForm, *, now: dt.datetime) -> None:
    """Approve (the date replaces the limit) or refuse an extension request."""
    actor.require(APPROVE)
    note = _decision_note(form)
    cal = work_calendar(db)
    with unit_of_work(db, actor, now) as work:
        s = work.session
        row, a = _pending(work, actor, AppealExtension, form, "延期")
        row.state = (ExtensionState.APPROVED if form.approve else ExtensionState.REFUSED).value
        row.decided_at, row.decided_by, row.decision_note = now, actor.username, note
        if form.approve:
            a.extension_until, a.extension_granted_at = row.until, now
            recompute_clock(s, a, cal, now)
        record_step(
            work,
            a,
            EventAction.EXTENSION if form.approve else EventAction.EXTENSION_REFUSED,
            a.status,
            f"延期至 {row.until:%Y-%m-%d}" + (f"：{note}" if note else ""),
            a.unit_id,
        )
        audit_appeal(work, a, ("批准延期至 " if form.approve else "不予延期 ") + f"{row.until:%Y-%m-%d}")


def pending_approvals(db: Database, actor: Actor) -> list[PendingRequest]:
    """Extension and suspension requests awaiting approval, within the actor's row scope."""
    actor.require(APPROVE)
    scope = q.scope_condition(actor.scope, actor.unit_id, actor.street_id)
    conds = [scope] if scope is not None else []
    with db.session() as s:
        out: list[PendingRequest] = []
        for e, number, version in s.execute(
            select(AppealExtension, Appeal.number, Appeal.version)
            .join(Appeal, Appeal.id == AppealExtension.appeal_id)
            .where(AppealExtension.state == ExtensionState.REQUESTED.value, *conds)
            .order_by(AppealExtension.requested_at)
        ).tuples():
            text = f"延期至 {e.until:%Y-%m-%d}：{e.reason}"
            out.append(PendingRequest(RequestKind.EXTENSION, e.id, number, text, e.requested_by, version))
        for x, number, version in s.execute(
            select(AppealSuspension, Appeal.number, Appeal.version)
            .join(Appeal, Appeal.id == AppealSuspension.appeal_id)
            .where(AppealSuspension.state == SuspensionState.REQUESTED.value, *conds)
            .order_by(AppealSuspension.requested_at)
        ).tuples():
            out.append(
                PendingRequest(RequestKind.SUSPENSION, x.id, number, f"挂起：{x.reason}", x.requested_by, version)
            )
        return out
