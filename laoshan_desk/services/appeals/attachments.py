"""Attaching a file (picture, voice, video) to an appeal: stored once by content in
:mod:`laoshan_desk.services.attachments`, listed on the appeal, recorded as a step and audited;
reading an appeal's attachment back (within the reader's scope)."""

from __future__ import annotations

import datetime as dt
import mimetypes
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from laoshan_desk.domain.appeals.steps import EventAction, Media
from laoshan_desk.domain.errors import NotFound
from laoshan_desk.services import attachments as files
from laoshan_desk.services.appeals.common import EDIT, VIEW, check_version, load_scoped, record_step
from laoshan_desk.services.appeals.forms import AttachForm
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import Work, fill_id, recorded, unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.appeals import Appeal, Attachment

# Where a file this machine's store lacks may be found, tried in order before 附件文件已丢失: each
# gets the session and the hash and puts the file into the store if it has it (services/sync adds
# the hub's sync_file, so a hall counter opens a file a street desk sent; docs/hall.md).
FETCHERS: list[Callable[[Session, str], None]] = []


def store_attachment(work: Work, appeal: Appeal, source: Path, ident: uuid.UUID | None = None) -> uuid.UUID:
    """Store the file and list it on the appeal, inside the caller's unit of work (under ``ident``
    when the call made the row's id before it ran)."""
    source = Path(source)
    sha = files.put(source)
    mime = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    row = Attachment(
        id=ident or uuid.uuid4(),
        appeal_id=appeal.id,
        sha256=sha,
        name=source.name[:255],
        media=Media.of(mime).value,
        mime=mime,
        size=source.stat().st_size,
        added_at=work.now,
        added_by=work.actor.username,
    )
    work.session.add(row)
    return row.id


@recorded("appeals.attach", prepare=fill_id("attachment_id"))
def attach(db: Database, actor: Actor, form: AttachForm, *, now: dt.datetime) -> uuid.UUID:
    """上传附件: one file on an appeal, as a step of its timeline. Registered for a street desk's
    outbox; the file travels by content hash (docs/hall.md)."""
    actor.require(EDIT)
    source = Path(form.path)
    with unit_of_work(db, actor, now) as work:
        appeal = load_scoped(work.session, actor, form.appeal_id)
        check_version(appeal, form.version)
        ident = store_attachment(work, appeal, source, form.attachment_id)
        record_step(work, appeal, EventAction.ATTACH, appeal.status, source.name)
        work.audit("create", "attachment", ident, f"{appeal.number} 上传附件 {source.name}")
        return ident


def attachment_bytes(db: Database, actor: Actor, attachment_id: uuid.UUID) -> bytes:
    """An attachment's content (for the picture preview), if its appeal is in the actor's scope."""
    actor.require(VIEW)
    with db.session() as s:
        row = s.get(Attachment, attachment_id)
        if row is None or row.appeal_id is None:
            raise NotFound("附件不存在")
        load_scoped(s, actor, row.appeal_id, reading=True)
        sha = row.sha256
        if not files.exists(sha):
            for fetch in FETCHERS:
                fetch(s, sha)
    return files.get(sha)
