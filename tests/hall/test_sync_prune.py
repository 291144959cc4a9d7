"""``sync prune`` on the hub: ``sync_file`` keeps every file an attachment row there names (the
hub's only copy of a file a street desk sent, and the hall's files for the desks), and drops the
others once they are older than the minimum age; a change still waiting on a desk for a dropped
file gets it sent again at its next push, so nothing is lost."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from laoshan_desk.cli import main
from laoshan_desk.domain.errors import PermissionDenied, ValidationError
from laoshan_desk.services import appeals as svc
from laoshan_desk.services import attachments as content
from laoshan_desk.services import sync
from laoshan_desk.services.sync.files import PruneForm, prune_files
from laoshan_desk.store.models import AuditRecord
from laoshan_desk.store.models.appeals import Attachment
from laoshan_desk.store.models.sync import OutboxEntry, SyncFile
from tests.hall.conftest import requires_pg
from tests.hall.sync_support import NOW, Hall, make_desk, make_hub, version
from tests.hall.test_sync_pg import fresh_database

pytestmark = pytest.mark.timeout(180)


def days(n: int) -> dt.datetime:
    return NOW + dt.timedelta(days=n)


def kept(hall: Hall) -> dict[str, int]:
    with hall.db.session() as s:
        return {sha: size for sha, size in s.execute(select(SyncFile.sha256, SyncFile.size))}


def write(folder: Path, name: str, data: bytes) -> tuple[Path, str]:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path, hashlib.sha256(data).hexdigest()


def pruning_keeps_what_is_named_and_loses_no_change(hall: Hall, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    a0, a1 = hall.appeal_ids[:2]
    monkeypatch.setattr(content, "attachments_dir", lambda: tmp_path / "desk-disk")
    desk, clerk = make_desk(tmp_path / "desk.sqlite3", hall)
    try:
        # A file the desk attached and the hub took: named by an attachment row there.
        photo, applied = write(tmp_path, "现场照片.png", b"\x89PNG applied on the hub")
        svc.attach(desk, clerk, svc.AttachForm(a0, version(desk, clerk, a0), photo), now=NOW)
        assert sync.sync_now(desk, clerk, now=NOW, hub=hall.db).pushed.applied == 1
        # A file the hall attached on its own machine, kept for the desks.
        monkeypatch.setattr(content, "attachments_dir", lambda: tmp_path / "hall-disk")
        scan, hall_file = write(tmp_path, "大厅扫描.pdf", b"%PDF hall's own scan")
        svc.attach(hall.db, hall.clerk, svc.AttachForm(a1, version(hall.db, hall.clerk, a1), scan), now=NOW)
        monkeypatch.setattr(content, "attachments_dir", lambda: tmp_path / "desk-disk")
        # A file of a change the hub never took (refused, or a push killed after its files):
        # nothing names it.
        leftover = b"left by a refused change"
        left = hashlib.sha256(leftover).hexdigest()
        sync.push.apply_changes(hall.db, _peer(desk), [], now=NOW, files={left: base64.b64encode(leftover).decode()})
        # A file whose change still waits on the desk: the push stored the file and was killed
        # before it replayed the change.
        late, waiting = write(tmp_path, "补充材料.jpg", b"\xff\xd8 still waiting on the desk")
        svc.attach(desk, clerk, svc.AttachForm(a1, version(desk, clerk, a1), late), now=days(5))
        with desk.session() as s:
            entry = s.scalars(select(OutboxEntry).where(OutboxEntry.state == "pending")).one()
            batch = [sync.outbox.message_of(entry)]
        sync.push.apply_changes(
            hall.db, _peer(desk), [], now=days(5), files=sync.files.files_to_send(desk, batch, lambda h: h)
        )
        assert set(kept(hall)) == {applied, hall_file, left, waiting}

        with pytest.raises(ValidationError, match="至少为 1 天"):
            prune_files(hall.db, hall.admin, PruneForm(older_than_days=0), now=days(40))
        with pytest.raises(PermissionDenied):
            prune_files(hall.db, clerk, PruneForm(), now=days(40))

        # 30 days on: only the leftover goes; the waiting change's file is 25 days old.
        report = prune_files(hall.db, hall.admin, PruneForm(older_than_days=30), now=days(30) + dt.timedelta(hours=1))
        assert (report.files, report.size, report.kept) == (1, len(leftover), 3)
        assert set(kept(hall)) == {applied, hall_file, waiting}
        with hall.db.session() as s:
            audit = s.scalars(select(AuditRecord).where(AuditRecord.entity == "sync_file")).all()
        assert [(r.action, r.before) for r in audit if r.action == "delete"] == [
            ("delete", {"files": [left], "bytes": len(leftover)})
        ]
        assert prune_files(hall.db, hall.admin, PruneForm(), now=days(31)).files == 0

        # 40 days on the waiting change's file goes too; its next push sends it again.
        assert prune_files(hall.db, hall.admin, PruneForm(), now=days(40)).files == 1
        assert set(kept(hall)) == {applied, hall_file}
        report = sync.sync_now(desk, clerk, now=days(41), hub=hall.db)
        assert report.pushed.applied == 1
        with hall.db.session() as s:
            names = {a.sha256: a.name for a in s.scalars(select(Attachment).where(Attachment.appeal_id == a1))}
            assert s.get(SyncFile, waiting).data == late.read_bytes()  # type: ignore[union-attr]
        assert names == {hall_file: "大厅扫描.pdf", waiting: "补充材料.jpg"}
        assert set(kept(hall)) == {applied, hall_file, waiting}
        # Everything left is named: pruning again much later drops nothing.
        assert prune_files(hall.db, hall.admin, PruneForm(), now=days(400)).files == 0
    finally:
        desk.dispose()


def test_pruning_on_a_sqlite_hub(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    hall = make_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}", shared=2)
    try:
        pruning_keeps_what_is_named_and_loses_no_change(hall, tmp_path, monkeypatch)
    finally:
        hall.db.dispose()


@requires_pg
def test_pruning_on_the_postgresql_hub(pg_url: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    hall = make_hub(fresh_database(pg_url, "hub_prune"), shared=2)
    try:
        pruning_keeps_what_is_named_and_loses_no_change(hall, tmp_path, monkeypatch)
    finally:
        hall.db.dispose()


def test_sync_prune_from_the_command_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    hall = make_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}", shared=1)
    desk, _ = make_desk(tmp_path / "desk.sqlite3", hall)
    try:
        leftover = b"left by a refused change"
        sha = hashlib.sha256(leftover).hexdigest()
        old = dt.datetime(2020, 1, 1, tzinfo=NOW.tzinfo)
        sync.push.apply_changes(hall.db, _peer(desk), [], now=old, files={sha: base64.b64encode(leftover).decode()})
        assert main(["--db", hall.db.url, "sync", "prune", "--days", "0"]) == 2
        assert "至少为 1 天" in capsys.readouterr().err
        assert main(["--db", hall.db.url, "sync", "prune", "--days", "99999999"]) == 2  # overflowed the date
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "保留天数应在 1 至 3650 之间" in err[0]
        assert main(["--db", hall.db.url, "sync", "prune", "--json"]) == 0
        assert json.loads(capsys.readouterr().out) == {"files": 1, "size": len(leftover), "kept": 0}
        assert main(["--db", hall.db.url, "sync", "prune"]) == 0
        assert capsys.readouterr().out.strip() == "已清理同步附件 0 个（0.0 MB），保留 0 个"
    finally:
        desk.dispose()
        hall.db.dispose()


def _peer(desk):  # type: ignore[no-untyped-def]
    with desk.session() as s:
        return sync.outbox.link_of(s).peer_id
