"""The street desk's outbox: every registered service call made on a linked desk, recorded in the
same transaction as its write (a commit hook of :mod:`laoshan_desk.services.uow`).

An entry holds what the hub needs to replay the call through the same service as the same
user: the service's name, its input form as JSON, the actor, the row versions it started from,
the time, and a change id (a UUID) that makes replaying it twice change nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from laoshan_desk.services import uow
from laoshan_desk.services.context import Actor
from laoshan_desk.services.sync import codec
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.appeals import (
    Appeal,
    AppealExtension,
    AppealSuspension,
    Attachment,
    ProxyTask,
    SmsMessage,
)
from laoshan_desk.store.models.sync import OutboxEntry, SyncConflict, SyncLink

PENDING, APPLIED, REFUSED, CONFLICT, RESOLVED = "pending", "applied", "refused", "conflict", "resolved"
NOT_LINKED = "本窗口尚未连接区级数据库（请先执行 laoshan-desk link）"


def link_of(session: Session) -> SyncLink | None:
    """This desk's link to the hub (None on the hub itself and on a desk never linked)."""
    return session.get(SyncLink, 1)


def _record(work: uow.Work, call: uow.Call) -> None:
    """Commit hook: on a linked desk, put the call in the outbox beside its write."""
    s = work.session
    if link_of(s) is None:
        return
    n = (s.scalar(select(func.max(OutboxEntry.n))) or 0) + 1
    s.add(
        OutboxEntry(
            change_id=uuid.uuid4(),
            n=n,
            service=call.service,
            form=codec.encode_form(call.form),
            user_id=call.actor.user_id,
            username=call.actor.username,
            base=_base(s, call.form),
            at=call.now,
            state=PENDING,
            message="",
            refreshed=False,
            files=files_of(s, call.form),
        )
    )


def _base(s: Session, form: Any) -> dict[str, int]:
    """The row versions the change started from. A form that names a request (a decision), a
    proxy task or an SMS (a re-queue) is about that row's appeal: the version it carries (a
    decision's screen showed the appeal's) or, without one, the appeal's version here now (it
    only holds the appeal back from the pull until answered; docs/hall.md, "Never over unpushed
    work")."""
    got = codec.base_versions(form)
    if got:
        return got
    owners: list[tuple[str, type[AppealSuspension | AppealExtension | ProxyTask | SmsMessage]]] = [
        ("request_id", AppealSuspension),
        ("request_id", AppealExtension),
        ("task_id", ProxyTask),
        ("message_id", SmsMessage),
    ]
    for field, model in owners:
        ident = getattr(form, field, None)
        if isinstance(ident, uuid.UUID):
            owner = s.scalar(select(model.appeal_id).where(model.id == ident))
            appeal = s.get(Appeal, owner) if owner is not None else None
            if appeal is not None:
                version = getattr(form, "version", None)
                return {f"appeal:{appeal.id}": version if isinstance(version, int) else appeal.version}
    return {}


def files_of(s: Session, form: Any) -> list[dict[str, Any]]:
    """The files a call stored on its appeal, in order — an intake's ``attachments``, or the one
    row an 上传附件 made (``attachment_id``): they travel to the hub by content hash, the form's
    paths being this machine's own."""
    attachment_id = getattr(form, "attachment_id", None)
    if isinstance(attachment_id, uuid.UUID):
        got = s.execute(select(Attachment.sha256, Attachment.name).where(Attachment.id == attachment_id))
        return [{"sha256": sha, "name": name} for sha, name in got]
    appeal_id = getattr(form, "appeal_id", None)
    if not getattr(form, "attachments", ()) or not isinstance(appeal_id, uuid.UUID):
        return []
    got = s.execute(
        select(Attachment.sha256, Attachment.name)
        .where(Attachment.appeal_id == appeal_id)
        .order_by(Attachment.added_at)
    )
    return [{"sha256": sha, "name": name} for sha, name in got]


uow.COMMIT_HOOKS.append(_record)


def message_of(entry: OutboxEntry) -> dict[str, Any]:
    """An outbox entry as the change message the hub takes (the same by link and by file)."""
    return {
        "change_id": str(entry.change_id),
        "service": entry.service,
        "form": entry.form,
        "user_id": None if entry.user_id is None else str(entry.user_id),
        "username": entry.username,
        "base": entry.base,
        "at": entry.at.isoformat(),
        "files": list(entry.files or []),
    }


def pending(session: Session, limit: int) -> list[OutboxEntry]:
    return list(
        session.scalars(select(OutboxEntry).where(OutboxEntry.state == PENDING).order_by(OutboxEntry.n).limit(limit))
    )


@dataclasses.dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows: linked or not, the street, changes waiting, open conflicts."""

    linked: bool
    street: str = ""
    hub: str = ""
    waiting: int = 0
    conflicts: int = 0
    last_sync_at: dt.datetime | None = None
    last_error: str = ""


def status(db: Database, actor: Actor) -> SyncStatus:
    """This desk's sync status (any logged-in user may see it: it names no record)."""
    with db.session() as s:
        link = link_of(s)
        if link is None:
            return SyncStatus(linked=False)
        waiting = s.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.state == PENDING)) or 0
        conflicts = s.scalar(select(func.count()).select_from(SyncConflict).where(SyncConflict.state == "open")) or 0
        return SyncStatus(True, link.street_name, link.hub_url, waiting, conflicts, link.last_sync_at, link.last_error)
