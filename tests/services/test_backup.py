"""Backup while the desk writes; restore checks the file, keeps the old database, replaces it."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading

import pytest

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services import backup, calendar
from laoshan_desk.store.db import Database
from tests.conftest import FIXED_NOW


def test_backup_is_consistent_while_another_connection_writes(db, admin, tmp_path):
    stop = threading.Event()
    other = Database(db.url)

    def writer():
        i = 0
        while not stop.is_set() and i < 200:
            calendar.set_override(other, admin, dt.date(2030, 1, 1) + dt.timedelta(days=i), False, "并发")
            i += 1

    thread = threading.Thread(target=writer)
    thread.start()
    target = backup.backup(db, admin, tmp_path / "copy.sqlite3")
    stop.set()
    thread.join()
    other.dispose()
    backup.check_backup_file(target)
    with sqlite3.connect(target) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM unit").fetchone()[0] == 5 + 168 + 62


def test_restore_replaces_data_and_keeps_the_old_database(db, admin, tmp_path):
    calendar.set_override(db, admin, dt.date(2031, 5, 5), True, "备份前")
    copy = backup.backup(db, admin, tmp_path / "before.sqlite3")
    calendar.set_override(db, admin, dt.date(2031, 6, 6), True, "备份后")
    kept = backup.restore(db, admin, copy)
    days = [o.day for o in calendar.list_overrides(db, 2031)]
    assert days == [dt.date(2031, 5, 5)]
    assert kept.exists()
    with sqlite3.connect(kept) as con:
        assert con.execute("SELECT count(*) FROM calendar_override").fetchone()[0] == 2


@pytest.mark.parametrize("content", [b"not a database at all", b""])
def test_restore_refuses_a_file_that_is_not_a_database(db, admin, tmp_path, content):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    with pytest.raises(ValidationError) as exc:
        backup.restore(db, admin, bad)
    assert "不是 SQLite 数据库" in exc.value.message


def test_restore_refuses_a_foreign_sqlite_file(db, admin, tmp_path):
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as con:
        con.execute("CREATE TABLE t(x)")
    with pytest.raises(ValidationError) as exc:
        backup.restore(db, admin, foreign)
    assert "不是本系统的数据库备份" in exc.value.message


def test_upgrade_takes_an_automatic_backup_first(tmp_path, desk_home):
    from laoshan_desk.services import bootstrap
    from laoshan_desk.store import migrate

    path = tmp_path / "old.sqlite3"
    db = Database(f"sqlite:///{path}")
    cfg = migrate.alembic_config(db)
    from alembic import command

    with db.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0001_foundation")
    if not migrate.needs_upgrade(db):
        pytest.skip("only the foundation revision exists")
    taken = bootstrap.upgrade_schema(db)
    assert taken is not None and (desk_home / "backups").is_dir()
    assert not migrate.needs_upgrade(db)


def test_two_connections_writing_at_once_keep_the_chain(db, admin):
    """Two desks on one SQLite file: every audited write lands, the chain stays whole."""
    from laoshan_desk.services import audit

    others = [Database(db.url) for _ in range(3)]
    errors = []

    def writer(k, database):
        try:
            for i in range(30):
                calendar.set_override(
                    database, admin, dt.date(2032, 1, 1) + dt.timedelta(days=k * 100 + i), True, "并发"
                )
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(k, d)) for k, d in enumerate(others)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for d in others:
        d.dispose()
    assert errors == []
    assert len(calendar.list_overrides(db, 2032)) == 90
    assert audit.verify_chain(db, admin, now=FIXED_NOW).ok
