"""`laoshan-desk link`, `sync`, `sync status`, `sync export` / `sync import` on real files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from laoshan_desk.cli import main
from laoshan_desk.domain import timeutil
from laoshan_desk.services import appeals as svc
from laoshan_desk.services import attachments as content
from laoshan_desk.services import auth, bootstrap
from laoshan_desk.store.models.sync import SyncLink
from tests.hall.sync_support import NOW, PASSWORD, make_hub, version

pytestmark = pytest.mark.timeout(120)


def test_link_sync_and_the_usb_route_from_the_command_line(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    hall = make_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}")
    desk_url = f"sqlite:///{tmp_path / 'street.sqlite3'}"
    try:
        assert main(["--db", desk_url, "link", hall.db.url, "--street", "不存在街道"]) == 2
        assert "没有街道" in capsys.readouterr().err
        assert main(["--db", desk_url, "link", hall.db.url, "--street", "沙子口街道", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["pulled"]["appeals"] == len(hall.appeal_ids)
        desk = bootstrap.open_database(desk_url)
        clerk = auth.login(desk, "szk1", PASSWORD, now=NOW)
        a0 = hall.appeal_ids[0]
        svc.progress(desk, clerk, svc.NoteForm(a0, version(desk, clerk, a0), "命令行同步"), now=NOW)
        svc.progress(desk, clerk, svc.NoteForm(a0, version(desk, clerk, a0), "U盘同步"), now=NOW)
        desk.dispose()
        assert main(["--db", desk_url, "sync", "status", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["waiting"] == 2
        stick = tmp_path / "stick.sync"
        assert main(["--db", desk_url, "sync", "export", str(stick)]) == 0
        assert main(["--db", desk_url, "sync", "export", str(stick)]) == 2  # exists: needs --force
        assert main(["--db", hall.db.url, "sync", "import", str(stick)]) == 0
        assert "接受 2" in capsys.readouterr().out
        assert main(["--db", desk_url, "sync", "import", f"{stick}.reply"]) == 0
        # A file the hall attaches on its own machine comes down with the next sync, and says so.
        monkeypatch.setattr(content, "attachments_dir", lambda: tmp_path / "hall-disk")
        photo = tmp_path / "大厅照片.png"
        photo.write_bytes(b"\x89PNG hall, for the command line")
        svc.attach(hall.db, hall.clerk, svc.AttachForm(a0, version(hall.db, hall.clerk, a0), photo), now=NOW)
        monkeypatch.setattr(content, "attachments_dir", lambda: tmp_path / "desk-disk")
        assert main(["--db", desk_url, "sync"]) == 0
        out = capsys.readouterr().out
        assert "上传 0 项" in out and "附件 1 个" in out
        assert main(["--db", desk_url, "sync", "status"]) == 0
        assert "待同步 0 项" in capsys.readouterr().out
        notes = [e.note for e in svc.detail(hall.db, hall.clerk, a0, now=NOW).events]
        assert notes.count("命令行同步") == notes.count("U盘同步") == 1
    finally:
        hall.db.dispose()


def test_the_sync_commands_read_the_clock_at_each_call(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`link` and `sync` time their records by ``timeutil.now`` looked up when they run (as
    cli/preservation.py does), so a clock patched after the command module was imported is seen."""
    hall = make_hub(f"sqlite:///{tmp_path / 'hub.sqlite3'}", shared=1)
    desk_url = f"sqlite:///{tmp_path / 'street.sqlite3'}"
    linked_at = dt.datetime(2027, 3, 1, 9, 0, tzinfo=timeutil.TZ)
    synced_at = dt.datetime(2027, 3, 2, 16, 30, tzinfo=timeutil.TZ)
    try:
        monkeypatch.setattr(timeutil, "now", lambda: linked_at)
        assert main(["--db", desk_url, "link", hall.db.url, "--street", "沙子口街道", "--allow-owner-login"]) == 0
        monkeypatch.setattr(timeutil, "now", lambda: synced_at)
        assert main(["--db", desk_url, "sync"]) == 0
        desk = bootstrap.open_database(desk_url)
        try:
            with desk.session() as s:
                link = s.get(SyncLink, 1)
                assert link is not None
                assert (link.linked_at, link.last_sync_at) == (linked_at, synced_at)
        finally:
            desk.dispose()
    finally:
        hall.db.dispose()
