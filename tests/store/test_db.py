"""The store's own refusals: bad URLs and folders, a busy database, a restore in progress, leases."""

from __future__ import annotations

import os
import sqlite3

import pytest
from sqlalchemy import text

from laoshan_desk.domain.errors import BUSY_MESSAGE, BusyError, ValidationError
from laoshan_desk.store import db as store_db
from laoshan_desk.store.db import Database
from laoshan_desk.store.presence import leases_dir, offline_marker


def test_power_loss_safe_synchronous_full(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 's.sqlite3'}")
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    db.dispose()


@pytest.mark.parametrize("url", ["/tmp/no-scheme.sqlite3", "nonsense://x", "", "sqlite+nosuchdriver:///x.db"])
def test_a_bad_url_is_one_message_on_the_db_field(url):
    with pytest.raises(ValidationError) as exc:
        Database(url)
    assert exc.value.field == "db" and "\n" not in exc.value.message


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(ValidationError, match="是一个文件夹"):
        Database(f"sqlite:///{tmp_path}")


def test_a_held_write_lock_becomes_the_busy_message(tmp_path, monkeypatch):
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "busy.sqlite3"
    db = Database(f"sqlite:///{path}")
    with db.session(write=True) as s:
        s.execute(text("CREATE TABLE t (x INTEGER)"))
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another desk in the middle of a long import
    try:
        with pytest.raises(BusyError) as exc:
            with db.session(write=True) as s:
                s.execute(text("INSERT INTO t VALUES (1)"))
        assert exc.value.message == BUSY_MESSAGE == "数据库正忙（另一台窗口正在导入），请稍后重试"
    finally:
        other.execute("ROLLBACK")
        other.close()
    with db.session(write=True) as s:  # and works again once the lock is gone
        s.execute(text("INSERT INTO t VALUES (2)"))
    db.dispose()


def test_offline_marker_stops_other_desks_but_not_the_restorer(tmp_path):
    url = f"sqlite:///{tmp_path / 'o.sqlite3'}"
    restorer, desk = Database(url), Database(url)
    with desk.session(write=True) as s:
        s.execute(text("CREATE TABLE t (x INTEGER)"))
    with restorer.offline():
        assert offline_marker(tmp_path / "o.sqlite3").exists()
        with pytest.raises(BusyError, match="恢复"):
            with desk.session() as s:
                s.execute(text("SELECT 1"))
        with restorer.session(write=True) as s:
            s.execute(text("INSERT INTO t VALUES (1)"))
        with pytest.raises(BusyError):  # a second restore at the same time
            with desk.offline():
                pass
    with desk.session() as s:
        assert s.execute(text("SELECT count(*) FROM t")).scalar() == 1
    restorer.dispose()
    desk.dispose()


def test_each_open_database_holds_a_lease_until_disposed(tmp_path):
    url = f"sqlite:///{tmp_path / 'l.sqlite3'}"
    a, b = Database(url), Database(url)
    with b.session() as s:
        s.execute(text("SELECT 1"))
    assert a.lease is not None and [lease.pid for lease in a.lease.others()] == [os.getpid()]
    b.dispose()
    assert a.lease.others() == []
    # a lease left by a process that is gone is stale at once
    folder = leases_dir(tmp_path / "l.sqlite3")
    (folder / "ghost.lease").write_text('{"host": "%s", "pid": 999999999}' % a.lease.host)
    assert a.lease.others() == []
    a.dispose()
