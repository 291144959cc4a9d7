"""上传附件 on a linked street desk travels to the hub like an intake's files (by content hash,
once, replayed through the same service, the hub's row pointing at the file), on a SQLite hub and
on the PostgreSQL server."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from laoshan_desk.services import appeals as svc
from laoshan_desk.services import sync
from laoshan_desk.services.sync.transport import DirectHub
from laoshan_desk.store.models.appeals import AppealEvent, Attachment
from laoshan_desk.store.models.sync import OutboxEntry, SyncFile
from tests.hall.conftest import requires_pg
from tests.hall.sync_support import NOW, Hall, appeal_state, make_desk, make_hub, version

pytestmark = pytest.mark.timeout(180)


class CountingHub(DirectHub):
    """The link, counting the files it carries to the hub."""

    def __init__(self, db: Any) -> None:
        super().__init__(db)
        self.sent: list[str] = []

    def apply(self, peer_id: uuid.UUID, changes: list[dict[str, Any]], *, now: dt.datetime, files: Any = None) -> Any:
        self.sent += sorted(files or {})
        return super().apply(peer_id, changes, now=now, files=files)


def later(minutes: int) -> dt.datetime:
    return NOW + dt.timedelta(minutes=minutes)


def _sync(desk: Any, hub: Any, minutes: int) -> sync.SyncReport:
    pushed = sync.push.push(desk, hub, now=later(minutes))
    return sync.SyncReport(pushed, sync.pull.pull(desk, hub, now=later(minutes)))


def attachment_travels(hall: Hall, tmp_path: Path) -> None:
    desk, clerk = make_desk(tmp_path / "desk.sqlite3", hall)
    try:
        x0, x1 = hall.appeal_ids[:2]
        photo = tmp_path / "现场照片.jpg"
        photo.write_bytes(b"\xff\xd8\xff not a real jpeg, but bytes with a hash " + uuid.uuid4().bytes)
        sha = hashlib.sha256(photo.read_bytes()).hexdigest()
        ident = svc.attach(desk, clerk, svc.AttachForm(x0, version(desk, clerk, x0), photo), now=later(1))
        kept_aside = photo.rename(tmp_path / "aside.jpg")  # the desk's path means nothing at the hub
        with desk.session() as s:
            entry = s.scalars(select(OutboxEntry)).one()
        assert (entry.service, entry.files) == ("appeals.attach", [{"sha256": sha, "name": "现场照片.jpg"}])
        # Meanwhile the hall adds a note on the same appeal: an attachment only adds, so it merges.
        h = hall.clerk
        svc.progress(hall.db, h, svc.NoteForm(x0, version(hall.db, h, x0), "大厅：补充说明"), now=later(2))

        link = CountingHub(hall.db)
        report = _sync(desk, link, 10)
        assert (report.pushed.applied, report.pushed.conflicts, report.pushed.refused) == (1, 0, 0)
        assert link.sent == [sha]
        with hall.db.session() as s:
            row = s.get(Attachment, ident)  # the same row id at the hub, pointing at the same file
            assert row is not None and (row.appeal_id, row.sha256, row.name) == (x0, sha, "现场照片.jpg")
            kept = s.get(SyncFile, sha)
            assert kept is not None and kept.data == kept_aside.read_bytes()
            steps = list(s.scalars(select(AppealEvent.note).where(AppealEvent.appeal_id == x0)))
        assert "现场照片.jpg" in steps and "大厅：补充说明" in steps
        assert [a.name for a in svc.detail(hall.db, h, x0, now=NOW).attachments] == ["现场照片.jpg"]
        assert appeal_state(desk, [x0]) == appeal_state(hall.db, [x0])

        again = _sync(desk, link, 20)
        assert (again.pushed.sent, again.pulled.changed_rows) == (0, 0)
        # The same picture on another appeal: the hub has it, it is not sent again.
        kept_aside.rename(photo)
        second = svc.attach(desk, clerk, svc.AttachForm(x1, version(desk, clerk, x1), photo), now=later(21))
        assert _sync(desk, link, 22).pushed.applied == 1
        assert link.sent == [sha]
        with hall.db.session() as s:
            assert s.scalar(select(func.count()).select_from(SyncFile)) == 1
            assert s.get(Attachment, second) is not None and s.get(Attachment, second).sha256 == sha  # type: ignore[union-attr]
        assert appeal_state(desk, [x0, x1]) == appeal_state(hall.db, [x0, x1])
    finally:
        desk.dispose()


def test_an_attachment_added_on_the_desk_travels_to_a_sqlite_hub(tmp_path: Path) -> None:
    hall = make_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}", shared=2)
    try:
        attachment_travels(hall, tmp_path)
    finally:
        hall.db.dispose()


@requires_pg
def test_an_attachment_added_on_the_desk_travels_to_the_postgresql_hub(pg_url: str, tmp_path: Path) -> None:
    engine = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as c:
        c.execute(text('CREATE DATABASE "hub_attach"'))
    engine.dispose()
    hall = make_hub(make_url(pg_url).set(database="hub_attach").render_as_string(hide_password=False), shared=2)
    try:
        attachment_travels(hall, tmp_path)
    finally:
        hall.db.dispose()
