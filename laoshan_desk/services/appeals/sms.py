"""The SMS outbox: messages are queued in the same transaction as the action that causes them
(finishing an appeal), then sent through a pluggable gateway by :func:`send_pending`.

A gateway is any object with ``send(phone, text) -> str`` (the gateway's message id) that raises
:class:`GatewayOffline` when it cannot be reached (the message stays queued, nothing counted) or
:class:`GatewayError` when it refuses the message (counted; retried later with back-off, given up
after :data:`MAX_ATTEMPTS`). States: queued → sent, or failed → (retry) → sent / gave_up.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from pathlib import Path
from typing import Protocol

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from laoshan_desk.config import data_dir
from laoshan_desk.domain.appeals.steps import SmsState
from laoshan_desk.domain.errors import NotFound
from laoshan_desk.domain.identifiers import mask_phone
from laoshan_desk.domain.roles import SEES_FULL_NUMBERS
from laoshan_desk.services.appeals.common import EDIT, VIEW, label_of
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
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


class FileGateway:
    """The default gateway until a carrier's is configured: appends each message to a log file in
    the data directory (so a desk without a contract still shows the whole flow)."""

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
    """Plug a gateway in (a carrier's HTTP API, a test fake); None restores the default."""
    global _gateway
    _gateway = gateway


def gateway() -> Gateway:
    """The gateway in use: the plugged one, or the log-file gateway."""
    return _gateway or FileGateway()


def queue(session: Session, appeal_id: uuid.UUID | None, phone: str, text: str, *, now: dt.datetime) -> uuid.UUID:
    """Put a message in the outbox (inside the caller's transaction)."""
    msg = SmsMessage(
        id=uuid.uuid4(),
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


def send_pending(
    db: Database, actor: Actor, *, now: dt.datetime, gw: Gateway | None = None, limit: int = 200
) -> SendReport:
    """Try every due message once; safe to call from a timer."""
    actor.require(VIEW)
    gw = gw or gateway()
    sent = failed = 0
    offline = False
    with unit_of_work(db, actor, now) as work:
        s = work.session
        due = s.scalars(
            select(SmsMessage)
            .where(
                SmsMessage.state.in_(_WAITING),
                or_(SmsMessage.next_try_at.is_(None), SmsMessage.next_try_at <= now),
            )
            .order_by(SmsMessage.created_at)
            .limit(limit)
        ).all()
        for msg in due:
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
            work.audit("update", "sms_outbox", None, f"短信发送：成功 {sent} 条，失败 {failed} 条")
        waiting = s.scalar(select(func.count()).select_from(SmsMessage).where(SmsMessage.state.in_(_WAITING))) or 0
    return SendReport(sent, failed, offline, waiting)


def retry(db: Database, actor: Actor, message_id: uuid.UUID, *, now: dt.datetime) -> None:
    """Put a given-up or failed message back in the queue (the clerk corrected the number...)."""
    actor.require(EDIT)
    with unit_of_work(db, actor, now) as work:
        msg = work.session.get(SmsMessage, message_id)
        if msg is None:
            raise NotFound("短信不存在")
        msg.state, msg.next_try_at, msg.attempts = SmsState.QUEUED.value, now, 0
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
        stmt = select(SmsMessage, Appeal.number).outerjoin(Appeal, Appeal.id == SmsMessage.appeal_id)
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
                label_of(SmsState, m.state),
                m.attempts,
                m.last_error,
                m.sent_at,
            )
            for m, number in rows
        ], total
