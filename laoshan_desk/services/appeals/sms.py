"""The SMS outbox: messages are queued in the same transaction as the action that causes them
(finishing an appeal), then sent through a pluggable gateway by :func:`send_pending`.

A gateway is any object with ``send(phone, text) -> str`` (the gateway's message id) that raises
:class:`GatewayOffline` when it cannot be reached (the message stays queued, nothing counted) or
:class:`GatewayError` when it refuses the message (counted; retried later with back-off, given up
after :data:`MAX_ATTEMPTS`). States: queued → sent, or failed → (retry) → sent / gave_up.

Until a carrier's gateway is plugged in (:func:`set_gateway`; :func:`gateway_configured` says
whether one is, for the status bar), nothing is sent: each due message is written once to a
log file in the data directory and stays queued, marked "未配置短信通道，已记录" — never 已发送.

The outbox has the appeals' row scope: a clerk lists, sends and re-queues only the messages of
appeals it may work on (docs/rules.md §appeals-handling).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from laoshan_desk.config import data_dir
from laoshan_desk.domain.appeals.steps import SmsState
from laoshan_desk.domain.errors import NotFound, ValidationError
from laoshan_desk.domain.identifiers import mask_phone
from laoshan_desk.domain.roles import SEES_FULL_NUMBERS
from laoshan_desk.services.appeals.common import EDIT, VIEW, label_of, write_scope
from laoshan_desk.services.appeals.forms import SmsRetryForm
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import recorded, unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.appeals import Appeal, SmsMessage

MAX_ATTEMPTS = 5
BACKOFF_MINUTES = (1, 5, 15, 60, 240)
_WAITING = (SmsState.QUEUED.value, SmsState.FAILED.value)


class GatewayOffline(Exception):
    """The gateway cannot be reached: keep the message queued."""


class GatewayError(Exception):
    """The gateway refused the message (bad number, content): count the attempt and retry later."""


class Gateway(Protocol):
    def send(self, phone: str, text: str) -> str: ...


NOT_CONFIGURED = "未配置短信通道，已记录"
ALREADY_SENT = "该短信已发送，不能重发"


class FileGateway:
    """What a desk without a carrier does with a due message: appends it to a log file in the data
    directory, so that the clerk can still read what would have been sent. Not a gateway: the
    message stays queued."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or (data_dir() / "sms-sent.log")

    def send(self, phone: str, text: str) -> str:
        ident = uuid.uuid4().hex[:16]
        with self.path.open("a", encoding="utf-8") as f:
            f.write(f"{ident}\t{phone}\t{text}\n")
        return ident


class OfflineGateway:
    def send(self, phone: str, text: str) -> str:
        raise GatewayOffline("短信网关无法连接")


_gateway: Gateway | None = None


def set_gateway(gateway: Gateway | None) -> None:
    """Plug a carrier's gateway in (its HTTP API, a test fake); None: no gateway configured."""
    global _gateway
    _gateway = gateway


def gateway_configured() -> bool:
    """Whether a carrier's gateway is plugged in (the status bar says so when not)."""
    return _gateway is not None


def queue(
    session: Session,
    appeal_id: uuid.UUID | None,
    phone: str,
    text: str,
    *,
    now: dt.datetime,
    ident: uuid.UUID | None = None,
) -> uuid.UUID:
    """Put a message in the outbox (inside the caller's transaction), under ``ident`` when the
    call made the message's id before it ran (a street desk's 办结 queues the same message at
    the district)."""
    msg = SmsMessage(
        id=ident or uuid.uuid4(),
        appeal_id=appeal_id,
        phone=phone,
        text=text,
        state=SmsState.QUEUED.value,
        attempts=0,
        last_error="",
        created_at=now,
        next_try_at=now,
    )
    session.add(msg)
    return msg.id


@dataclasses.dataclass(frozen=True)
class SendReport:
    sent: int
    failed: int
    offline: bool
    waiting: int
    configured: bool = True  # False: no gateway; the due messages were recorded, not sent


def _scoped(stmt: Select[Any], actor: Actor) -> Select[Any]:
    """Messages of appeals in the actor's row scope (a message without an appeal: all-row roles)."""
    scope = write_scope(actor)
    if scope is None:
        return stmt
    return stmt.where(SmsMessage.appeal_id.in_(select(Appeal.id).where(scope)))


def send_pending(
    db: Database, actor: Actor, *, now: dt.datetime, gw: Gateway | None = None, limit: int = 200
) -> SendReport:
    """Try every due message in the actor's scope once; safe to call from a timer."""
    actor.require(VIEW)
    gw = gw or _gateway
    sent = failed = 0
    offline = False
    with unit_of_work(db, actor, now) as work:
        s = work.session
        due = s.scalars(
            _scoped(select(SmsMessage), actor)
            .where(
                SmsMessage.state.in_(_WAITING),
                or_(SmsMessage.next_try_at.is_(None), SmsMessage.next_try_at <= now),
            )
            .order_by(SmsMessage.created_at)
            .limit(limit)
        ).all()
        if gw is None:
            recorded = [m for m in due if m.last_error != NOT_CONFIGURED]
            log = FileGateway()
            for msg in recorded:
                log.send(msg.phone, msg.text)
                msg.last_error = NOT_CONFIGURED
            if recorded:
                work.audit(
                    "update",
                    "sms_outbox",
                    None,
                    f"未配置短信通道：{len(recorded)} 条短信已记录，保留待发",
                    after={"messages": [str(m.id) for m in recorded]},
                )
        tried = []
        for msg in due:
            if gw is None:
                break
            tried.append(msg)
            try:
                msg.gateway_id = gw.send(msg.phone, msg.text)
            except GatewayOffline as exc:
                offline = True
                msg.last_error = f"网关离线：{exc}"
                msg.next_try_at = now + dt.timedelta(minutes=1)
                break
            except GatewayError as exc:
                msg.attempts += 1
                msg.last_error = str(exc)
                if msg.attempts >= MAX_ATTEMPTS:
                    msg.state = SmsState.GAVE_UP.value
                    msg.next_try_at = None
                else:
                    msg.state = SmsState.FAILED.value
                    msg.next_try_at = now + dt.timedelta(minutes=BACKOFF_MINUTES[msg.attempts - 1])
                failed += 1
            else:
                msg.attempts += 1
                msg.state, msg.sent_at, msg.last_error, msg.next_try_at = SmsState.SENT.value, now, "", None
                sent += 1
        if sent or failed:
            # The messages by id: a street desk's pull takes their appeals (docs/hall.md).
            work.audit(
                "update",
                "sms_outbox",
                None,
                f"短信发送：成功 {sent} 条，失败 {failed} 条",
                after={"messages": [str(m.id) for m in tried]},
            )
        waiting = (
            s.scalar(
                select(func.count()).select_from(
                    _scoped(select(SmsMessage.id), actor).where(SmsMessage.state.in_(_WAITING)).subquery()
                )
            )
            or 0
        )
    return SendReport(sent, failed, offline, waiting, configured=gw is not None)


@recorded("appeals.sms_retry")
def retry(db: Database, actor: Actor, form: SmsRetryForm, *, now: dt.datetime) -> None:
    """Put a given-up or failed message back in the queue, with a clean count (the clerk corrected
    the number...). A message already sent is refused: re-queuing it would send it twice — also
    when a street desk's 重发 reaches the district after the district's own retry got it out."""
    actor.require(EDIT)
    with unit_of_work(db, actor, now) as work:
        stmt = _scoped(select(SmsMessage), actor).where(SmsMessage.id == form.message_id)
        msg = work.session.scalars(stmt).first()
        if msg is None:
            raise NotFound("短信不存在，或不在您的可见范围内")
        if msg.state == SmsState.SENT.value:
            raise ValidationError(ALREADY_SENT)
        msg.state, msg.next_try_at, msg.attempts, msg.last_error = SmsState.QUEUED.value, now, 0, ""
        work.audit("update", "sms_message", msg.id, "短信重新发送")


@dataclasses.dataclass(frozen=True)
class OutboxRow:
    id: uuid.UUID
    created_at: dt.datetime
    appeal_number: str
    phone: str
    text: str
    state: str
    state_label: str
    attempts: int
    last_error: str
    sent_at: dt.datetime | None


def outbox(
    db: Database, actor: Actor, *, state: str | None = None, offset: int = 0, limit: int = 200
) -> tuple[list[OutboxRow], int]:
    """One page of the outbox, newest first, and the total (phones masked for most roles)."""
    actor.require(VIEW)
    with db.session() as s:
        stmt = _scoped(select(SmsMessage, Appeal.number).outerjoin(Appeal, Appeal.id == SmsMessage.appeal_id), actor)
        if state:
            stmt = stmt.where(SmsMessage.state == state)
        total = s.scalar(select(func.count()).select_from(stmt.subquery())) or 0
        rows = s.execute(stmt.order_by(SmsMessage.created_at.desc()).offset(offset).limit(limit)).all()
        full = actor.role in SEES_FULL_NUMBERS
        return [
            OutboxRow(
                m.id,
                m.created_at,
                number or "",
                m.phone if full else mask_phone(m.phone),
                m.text,
                m.state,
                NOT_CONFIGURED
                if m.state == SmsState.QUEUED.value and m.last_error == NOT_CONFIGURED
                else label_of(SmsState, m.state),
                m.attempts,
                m.last_error,
                m.sent_at,
            )
            for m, number in rows
        ], total
