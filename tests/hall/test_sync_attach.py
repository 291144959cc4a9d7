"""上传附件 on a linked street desk travels to the hub like an intake's files (by content hash,
once, replayed through the same service, the hub's row pointing at the file), on a SQLite hub and
on the PostgreSQL server; and files the hall attached reach the desk on pull (by hash, once,
capped, only the street's)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from laoshan_desk.domain.errors import NotFound
from laoshan_desk.services import appeals as svc
from laoshan_desk.services import attachments as content
from laoshan_desk.services import sync
from laoshan_desk.services.sync import files as sync_files
from laoshan_desk.services.sync import transport
from laoshan_desk.services.sync.transport import DirectHub
from laoshan_desk.store.models.appeals import AppealEvent, Attachment
from laoshan_desk.store.models.sync import OutboxEntry, SyncFile
from tests.hall import sync_support
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


def machine(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """From now on this process's attachment store is ``folder`` (another machine's disk)."""
    folder.mkdir(exist_ok=True)
    monkeypatch.setattr(content, "attachments_dir", lambda: folder)


def test_files_the_hall_attached_reach_the_desk_once_and_capped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hall = make_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}", shared=3)
    desk, clerk = make_desk(tmp_path / "desk.sqlite3", hall)
    try:
        x0, x1, x2 = hall.appeal_ids[:3]
        h = hall.clerk
        machine(monkeypatch, tmp_path / "hall-counter")  # the hall counter attaches on its own disk
        photo, big, elsewhere = tmp_path / "大厅拍的照片.png", tmp_path / "监控录像.mp4", tmp_path / "别处.png"
        photo.write_bytes(b"\x89PNG taken at the hall " + uuid.uuid4().bytes)
        big.write_bytes(b"\x00" * 5000 + uuid.uuid4().bytes)
        elsewhere.write_bytes(b"\x89PNG another street " + uuid.uuid4().bytes)
        on_x0 = svc.attach(hall.db, h, svc.AttachForm(x0, version(hall.db, h, x0), photo), now=later(1))
        on_x1 = svc.attach(hall.db, h, svc.AttachForm(x1, version(hall.db, h, x1), photo), now=later(2))
        on_big = svc.attach(hall.db, h, svc.AttachForm(x2, version(hall.db, h, x2), big), now=later(3))
        other_street = next(u.id for u in sync_support.org.units(hall.db, "street") if u.name != sync_support.STREET)
        foreign = sync_support.new_appeal(hall.db, h, other_street, "别的街道的诉求")
        svc.attach(hall.db, h, svc.AttachForm(foreign, version(hall.db, h, foreign), elsewhere), now=later(4))
        sha = hashlib.sha256(photo.read_bytes()).hexdigest()
        foreign_sha = hashlib.sha256(elsewhere.read_bytes()).hexdigest()

        machine(monkeypatch, tmp_path / "street-desk")  # the desk's own disk: none of those files
        monkeypatch.setattr(sync_files, "PULL_FILE_MAX", 4096)
        link = DirectHub(hall.db)
        report = _sync(desk, link, 10)
        assert report.pulled.files == 1  # the photo once for both rows; the recording over the cap
        assert svc.attachment_bytes(desk, clerk, on_x0) == photo.read_bytes()
        assert svc.attachment_bytes(desk, clerk, on_x1) == photo.read_bytes()
        with pytest.raises(NotFound, match="附件文件已丢失"):
            svc.attachment_bytes(desk, clerk, on_big)
        with desk.session() as s:
            assert s.get(Attachment, on_x0).sha256 == sha  # type: ignore[union-attr]
        assert _sync(desk, link, 20).pulled.files == 0  # once: nothing taken again
        # A desk asking by hash gets only its street's files.
        with desk.session() as s:
            peer_id = sync.outbox.link_of(s).peer_id  # type: ignore[union-attr]
        assert link.files(peer_id, [foreign_sha, sha]) == {sha: base64.b64encode(photo.read_bytes()).decode()}

        # Under a larger cap the recording comes with the next sync.
        monkeypatch.setattr(sync_files, "PULL_FILE_MAX", 1 << 20)
        assert _sync(desk, link, 30).pulled.files == 1
        assert svc.attachment_bytes(desk, clerk, on_big) == big.read_bytes()
    finally:
        desk.dispose()
        hall.db.dispose()


def test_the_reply_file_carries_the_files_the_hall_attached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hall = make_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}", shared=1)
    desk, clerk = make_desk(tmp_path / "desk.sqlite3", hall)
    try:
        x0, h = hall.appeal_ids[0], hall.clerk
        machine(monkeypatch, tmp_path / "hall-counter")
        photo = tmp_path / "大厅拍的照片.png"
        photo.write_bytes(b"\x89PNG for the stick " + uuid.uuid4().bytes)
        ident = svc.attach(hall.db, h, svc.AttachForm(x0, version(hall.db, h, x0), photo), now=later(1))
        machine(monkeypatch, tmp_path / "street-desk")
        stick = tmp_path / "stick.sync"
        transport.export_changes(desk, stick)
        at_hub = transport.import_file(hall.db, stick, now=later(2))
        transport.import_file(desk, Path(at_hub.reply), now=later(3))
        assert svc.attachment_bytes(desk, clerk, ident) == photo.read_bytes()
    finally:
        desk.dispose()
        hall.db.dispose()


def test_keep_mine_on_an_attachment_sends_its_file_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An attachment that met a conflict (here: attachments made not additive, so the hall's note
    makes it one) and is kept by the clerk goes again with its file, not the desk's path."""
    hall = make_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}", shared=1)
    desk, clerk = make_desk(tmp_path / "desk.sqlite3", hall)
    try:
        x0, h = hall.appeal_ids[0], hall.clerk
        monkeypatch.setattr(sync.push, "ADDITIVE", frozenset({"appeals.progress"}))
        photo = tmp_path / "补拍.jpg"
        photo.write_bytes(b"\xff\xd8 kept mine " + uuid.uuid4().bytes)
        data = photo.read_bytes()
        ident = svc.attach(desk, clerk, svc.AttachForm(x0, version(desk, clerk, x0), photo), now=later(1))
        photo.unlink()  # the path means nothing at the hub
        svc.progress(hall.db, h, svc.NoteForm(x0, version(hall.db, h, x0), "大厅：先记一笔"), now=later(2))
        assert _sync(desk, DirectHub(hall.db), 10).pushed.conflicts == 1
        (conflict,) = sync.conflicts.open_conflicts(desk, clerk)
        sync.conflicts.resolve(desk, clerk, sync.conflicts.ResolveForm(conflict.id, "mine"), now=later(11))
        report = _sync(desk, DirectHub(hall.db), 12)
        assert (report.pushed.applied, report.pushed.refused) == (1, 0)
        with hall.db.session() as s:
            row = s.get(Attachment, ident)
            assert row is not None and row.sha256 == hashlib.sha256(data).hexdigest()
    finally:
        desk.dispose()
        hall.db.dispose()


def test_a_hall_counter_opens_a_file_a_street_desk_sent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hall = make_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}", shared=1)
    desk, clerk = make_desk(tmp_path / "desk.sqlite3", hall)
    try:
        x0, h = hall.appeal_ids[0], hall.clerk
        machine(monkeypatch, tmp_path / "street-desk")
        photo = tmp_path / "街道拍的照片.png"
        photo.write_bytes(b"\x89PNG from the street " + uuid.uuid4().bytes)
        ident = svc.attach(desk, clerk, svc.AttachForm(x0, version(desk, clerk, x0), photo), now=later(1))
        assert _sync(desk, DirectHub(hall.db), 10).pushed.applied == 1
        machine(monkeypatch, tmp_path / "hall-counter")  # another machine: the file is not on its disk
        assert svc.attachment_bytes(hall.db, h, ident) == photo.read_bytes()
        assert content.exists(hashlib.sha256(photo.read_bytes()).hexdigest())  # kept here from now on
    finally:
        desk.dispose()
        hall.db.dispose()
