"""The hub's password is never in the street desk's database: ``link`` puts it in libpq's
password file (0600, in the desk's data directory), the URL kept names that file, PostgreSQL's
client reads it from there; ``unlink`` removes it."""

from __future__ import annotations

import stat
import uuid
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from laoshan_desk.cli import main
from laoshan_desk.services import appeals as svc
from laoshan_desk.services import auth, bootstrap, sync
from laoshan_desk.services.sync import credentials
from tests.hall.conftest import requires_pg
from tests.hall.sync_support import NOW, PASSWORD, STREET, make_hub, version

pytestmark = [requires_pg, pytest.mark.timeout(180)]

SECRET = "Hub-Secret-" + uuid.uuid4().hex[:12]


def _desk_bytes(path: Path) -> bytes:
    """The desk database's file and its journal files, as stored on disk."""
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file())


def test_link_keeps_the_password_in_the_password_file_only(pg_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    hall = make_hub(pg_url, shared=2)
    hub_url = make_url(pg_url).set(password=SECRET).render_as_string(hide_password=False)
    desk_path = tmp_path / "street.sqlite3"
    desk_url = f"sqlite:///{desk_path}"
    try:
        assert main(["--db", desk_url, "link", hub_url, "--street", STREET, "--allow-owner-login"]) == 0
        capsys.readouterr()
        desk = bootstrap.open_database(desk_url)
        clerk = auth.login(desk, "szk1", PASSWORD, now=NOW)
        a0 = hall.appeal_ids[0]
        svc.progress(desk, clerk, svc.NoteForm(a0, version(desk, clerk, a0), "经密码文件同步"), now=NOW)
        with desk.session() as s:
            link = sync.outbox.link_of(s)
            assert link is not None
            kept = link.hub_url
        desk.dispose()
        assert main(["--db", desk_url, "sync"]) == 0
        assert "接受 1" in capsys.readouterr().out

        # Not in the database file (sync_link, settings, audit): only in the 0600 password file.
        assert SECRET.encode() not in _desk_bytes(desk_path)
        assert SECRET not in kept and make_url(kept).query["passfile"] == str(credentials.passfile())
        mode = stat.S_IMODE(credentials.passfile().stat().st_mode)
        assert mode == 0o600
        assert SECRET in credentials.passfile().read_text(encoding="utf-8")
        # libpq itself takes the password from the file when it connects with the kept URL.
        bare = make_url(kept)
        with psycopg.connect(
            host=bare.host, port=bare.port, dbname=bare.database, user=bare.username, passfile=bare.query["passfile"]
        ) as conn:
            assert conn.info.password == SECRET

        assert main(["--db", desk_url, "unlink"]) == 0
        assert "已删除保存的密码" in capsys.readouterr().out
        assert not credentials.passfile().exists()
        assert main(["--db", desk_url, "sync"]) == 2
        assert "已断开" in capsys.readouterr().err
        # Linked again (the same street): the same outbox carries on.
        assert main(["--db", desk_url, "link", hub_url, "--street", STREET, "--allow-owner-login"]) == 0
        assert main(["--db", desk_url, "sync"]) == 0
        assert SECRET.encode() not in _desk_bytes(desk_path)
        notes = [e.note for e in svc.detail(hall.db, hall.clerk, a0, now=NOW).events]
        assert notes.count("经密码文件同步") == 1
    finally:
        hall.db.dispose()
