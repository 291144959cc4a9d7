"""The file route: the same changes on a USB stick, signed; a flipped byte or a foreign file is
refused with a Chinese message and nothing applied. And the 同步冲突 resolutions, audited."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services import appeals as svc
from laoshan_desk.services import sync
from laoshan_desk.services.sync import conflicts, transport
from laoshan_desk.store.models import AuditRecord
from tests.hall.sync_support import NOW, appeal_state, make_desk, make_hub, street_ids, version

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def hall(tmp_path: Path):  # type: ignore[no-untyped-def]
    hub = make_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}")
    yield hub
    hub.db.dispose()


def test_the_file_route_round_trips(hall, tmp_path: Path) -> None:
    desk, clerk = make_desk(tmp_path / "a.sqlite3", hall)
    try:
        a0, a1 = hall.appeal_ids[:2]
        svc.progress(desk, clerk, svc.NoteForm(a0, version(desk, clerk, a0), "U盘带来的进展"), now=NOW)
        svc.finish(desk, clerk, svc.FinishForm(a1, version(desk, clerk, a1), "U盘带来的办结"), now=NOW)
        stick = tmp_path / "stick.sync"
        assert transport.export_changes(desk, stick) == 2
        at_hub = transport.import_file(hall.db, stick, now=NOW)
        assert (at_hub.kind, at_hub.answers.applied) == ("push", 2)
        back = transport.import_file(desk, Path(at_hub.reply), now=NOW)
        assert back.kind == "reply" and back.answers.applied == 2
        assert svc.detail(hall.db, hall.clerk, a1, now=NOW).result == "U盘带来的办结"
        assert appeal_state(desk) == appeal_state(hall.db, street_ids(hall.db))
        assert sync.status(desk, clerk).waiting == 0
        # The same stick again: the hub answers from its applied changes; nothing changes.
        before = appeal_state(hall.db)
        again = transport.import_file(hall.db, stick, now=NOW)
        assert again.answers.applied == 2 and appeal_state(hall.db) == before
    finally:
        desk.dispose()


def test_a_flipped_byte_or_a_foreign_file_is_refused(hall, tmp_path: Path) -> None:
    desk, clerk = make_desk(tmp_path / "a.sqlite3", hall)
    other, _ = make_desk(tmp_path / "b.sqlite3", hall, user="szk2")
    try:
        a0 = hall.appeal_ids[0]
        svc.progress(desk, clerk, svc.NoteForm(a0, version(desk, clerk, a0), "被改过的文件"), now=NOW)
        stick = tmp_path / "stick.sync"
        transport.export_changes(desk, stick)
        data = bytearray(stick.read_bytes())
        at = data.index("被改过".encode())
        data[at + 1] ^= 0x01
        flipped = tmp_path / "flipped.sync"
        flipped.write_bytes(bytes(data))
        before = appeal_state(hall.db)
        with hall.db.session() as s:
            audits = len(list(s.scalars(select(AuditRecord.seq))))
        with pytest.raises(ValidationError, match="签名不符"):
            transport.import_file(hall.db, flipped, now=NOW)
        junk = tmp_path / "junk.sync"
        junk.write_bytes(b"PK\x03\x04 not ours")
        with pytest.raises(ValidationError, match="不是本系统的同步文件"):
            transport.import_file(hall.db, junk, now=NOW)
        # The hub's reply is for desk A only: desk B refuses it.
        reply = Path(transport.import_file(hall.db, stick, now=NOW).reply)
        with pytest.raises(ValidationError, match="不属于本窗口"):
            transport.import_file(other, reply, now=NOW)
        # A push file read on a desk instead of the hub.
        with pytest.raises(ValidationError, match="应在区级数据库导入"):
            transport.import_file(desk, stick, now=NOW)
        assert not (tmp_path / "flipped.sync.reply").exists()
        after = appeal_state(hall.db)
        assert after != before  # only the genuine file was applied ...
        with hall.db.session() as s:
            assert len(list(s.scalars(select(AuditRecord.seq)))) > audits
        data = bytearray(reply.read_bytes())
        data[-3] ^= 0x01
        reply.write_bytes(bytes(data))
        state = appeal_state(desk)
        with pytest.raises(ValidationError):
            transport.import_file(desk, reply, now=NOW)
        assert appeal_state(desk) == state  # ... and nothing of a tampered reply
    finally:
        desk.dispose()
        other.dispose()


def _conflict(hall, desk, clerk, appeal_id):  # type: ignore[no-untyped-def]
    svc.finish(desk, clerk, svc.FinishForm(appeal_id, version(desk, clerk, appeal_id), "街道的结果"), now=NOW)
    h = hall.clerk
    later = NOW + dt.timedelta(minutes=5)
    svc.progress(hall.db, h, svc.NoteForm(appeal_id, version(hall.db, h, appeal_id), "大厅的进展"), now=later)
    report = sync.sync_now(desk, clerk, now=NOW, hub=hall.db)
    assert report.pushed.conflicts == 1
    return conflicts.open_conflicts(desk, clerk)[0]


@pytest.mark.parametrize("choice", ["mine", "theirs", "fields"])
def test_each_resolution_is_applied_and_audited(hall, tmp_path: Path, choice: str) -> None:
    desk, clerk = make_desk(tmp_path / "a.sqlite3", hall)
    try:
        a0 = hall.appeal_ids[0]
        c = _conflict(hall, desk, clerk, a0)
        assert {d.name for d in c.differences} >= {"version"}
        picks = {"result": "mine"} if choice == "fields" else {}
        conflicts.resolve(desk, clerk, conflicts.ResolveForm(c.id, choice, picks), now=NOW)
        sync.sync_now(desk, clerk, now=NOW, hub=hall.db)
        hub_result = svc.detail(hall.db, hall.clerk, a0, now=NOW).result
        assert (hub_result or "") == ("" if choice == "theirs" else "街道的结果")
        assert appeal_state(desk, [a0]) == appeal_state(hall.db, [a0])
        assert conflicts.open_conflicts(desk, clerk) == []
        with desk.session() as s:
            audit = s.scalars(select(AuditRecord).where(AuditRecord.entity == "sync_conflict")).one()
            assert audit.after is not None and audit.after["choice"] == choice
        with pytest.raises(ValidationError, match="已处理"):
            conflicts.resolve(desk, clerk, conflicts.ResolveForm(c.id, choice), now=NOW)
    finally:
        desk.dispose()
