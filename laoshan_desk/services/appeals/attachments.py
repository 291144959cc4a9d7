"""Attaching a file (picture, voice, video) to an appeal: stored once by content in
:mod:`laoshan_desk.services.attachments`, listed on the appeal, recorded as a step and audited."""

from __future__ import annotations

import mimetypes
import uuid
from pathlib import Path

from laoshan_desk.services.appeals.common import _event, _scoped
from laoshan_desk.services.attachments import media_of, store
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import Work, unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.appeals import Attachment


def attach_in(work: Work, appeal_id: uuid.UUID, source: Path) -> uuid.UUID:
    sha = store(source)
    mime = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    row = Attachment(
        id=uuid.uuid4(),
        appeal_id=appeal_id,
        sha256=sha,
        name=source.name[:255],
        media=media_of(mime),
        mime=mime,
        size=Path(source).stat().st_size,
        added_at=work.now,
        added_by=work.actor.username,
    )
    work.session.add(row)
    return row.id


def attach(db: Database, actor: Actor, appeal_id: uuid.UUID, source: Path, now) -> uuid.UUID:  # type: ignore[no-untyped-def]
    actor.require("appeals.edit")
    with unit_of_work(db, actor, now) as work:
        appeal = _scoped(work.session, actor, appeal_id)
        ident = attach_in(work, appeal.id, Path(source))
        _event(work, appeal, "attach", appeal.status, Path(source).name)
        work.audit("create", "attachment", ident, f"{appeal.number} 上传附件 {Path(source).name}")
        return ident
