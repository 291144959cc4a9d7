"""Backup while the desk writes (one archive with the attachments); restore checks a copy first,
refuses while other desks are connected, keeps the old database and swaps the new one in whole."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import shutil
import sqlite3
import threading
import zipfile

import pytest
from sqlalchemy import text

from laoshan_desk.config import attachments_dir
from laoshan_desk.domain.errors import BusyError, PermissionDenied, ValidationError
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import audit, auth, backup, backup_check, calendar
from laoshan_desk.store.db import Database, copy_sqlite
from tests.conftest import FIXED_NOW


def _attachment(db, content: bytes) -> str:  # type: ignore[no-untyped-def]
    """An attachment file in the store and the row that refers to it (as the appeals area makes them)."""
    sha = hashlib.sha256(content).hexdigest()
    path = attachments_dir() / sha[:2] / sha[2:4] / sha
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    with db.session(write=True) as s:
        s.execute(
            text(
                "INSERT INTO attachment (id, appeal_id, sha256, name, media, mime, size, added_at, added_by) "
                "VALUES (:id, NULL, :sha, 'photo.jpg', 'picture', 'image/jpeg', :size, '2026-11-25 02:00:00', 'x')"
            ),
            {"id": sha[:32], "sha": sha, "size": len(content)},
        )
    return sha


def test_backup_is_one_consistent_archive_while_another_connection_writes(db, admin, tmp_path):
    stop = threading.Event()
    other = Database(db.url)
    sha = _attachment(db, b"a picture of the street")

    def writer() -> None:
        i = 0
        while not stop.is_set() and i < 200:
            calendar.set_override(
                other,
                admin,
                calendar.OverrideForm(dt.date(2030, 1, 1) + dt.timedelta(days=i), False, "并发"),
                now=FIXED_NOW,
            )
            i += 1

    thread = threading.Thread(target=writer)
    thread.start()
    result = backup.backup(db, admin, tmp_path / "copy.ldbak", now=FIXED_NOW)
    stop.set()
    thread.join()
    other.dispose()
    assert result.attachments == 1 and result.missing_attachments == 0
    with zipfile.ZipFile(result.path) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
        archive.extract(backup_check.DB_MEMBER, tmp_path / "out")
    assert f"attachments/{sha[:2]}/{sha[2:4]}/{sha}" in names and manifest["audit_head"]["seq"] == result.records
    with contextlib.closing(sqlite3.connect(tmp_path / "out" / backup_check.DB_MEMBER)) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM unit").fetchone()[0] == 5 + 168 + 62
        assert con.execute("SELECT action FROM audit_record ORDER BY seq DESC").fetchone()[0] == "backup"


def test_backup_never_replaces_a_file_without_overwrite_nor_writes_a_folder(db, admin, tmp_path):
    target = tmp_path / "b.ldbak"
    target.write_text("yesterday's backup")
    with pytest.raises(ValidationError, match="--force"):
        backup.backup(db, admin, target, now=FIXED_NOW)
    assert target.read_text() == "yesterday's backup"
    backup.backup(db, admin, target, overwrite=True, now=FIXED_NOW)
    assert zipfile.is_zipfile(target)
    with pytest.raises(ValidationError, match="文件夹"):
        backup.backup(db, admin, tmp_path, overwrite=True, now=FIXED_NOW)
    with pytest.raises(ValidationError, match="同一个文件"):
        backup.backup(db, admin, db.sqlite_path, overwrite=True, now=FIXED_NOW)


def test_only_the_admin_backs_up_and_restores(db, make_user, tmp_path):
    for role in (Role.WINDOW_CLERK, Role.LEADER, Role.JUDGE):
        clerk = make_user(role)
        with pytest.raises(PermissionDenied):
            backup.backup(db, clerk, tmp_path / "x.ldbak", now=FIXED_NOW)
        with pytest.raises(PermissionDenied):
            backup.restore(db, clerk, tmp_path / "x.ldbak", now=FIXED_NOW)
    assert not (tmp_path / "x.ldbak").exists()


def test_restore_replaces_data_keeps_the_old_database_and_brings_attachments_back(db, admin, tmp_path):
    calendar.set_override(db, admin, calendar.OverrideForm(dt.date(2031, 5, 5), True, "备份前"), now=FIXED_NOW)
    sha = _attachment(db, b"voice message")
    copy = backup.backup(db, admin, tmp_path / "before.ldbak", now=FIXED_NOW).path
    calendar.set_override(db, admin, calendar.OverrideForm(dt.date(2031, 6, 6), True, "备份后"), now=FIXED_NOW)
    (attachments_dir() / sha[:2] / sha[2:4] / sha).unlink()  # lost on this machine
    check = backup.check_restore(db, admin, copy)
    assert check.warnings == () and any("备份之后的" in line for line in check.summary)
    result = backup.restore(db, admin, copy, now=FIXED_NOW)
    assert [o.day for o in calendar.list_overrides(db, 2031)] == [dt.date(2031, 5, 5)]
    assert result.attachments_restored == 1
    assert (attachments_dir() / sha[:2] / sha[2:4] / sha).read_bytes() == b"voice message"
    with contextlib.closing(sqlite3.connect(result.kept)) as con:
        assert con.execute("SELECT count(*) FROM calendar_override").fetchone()[0] == 2
    report = audit.verify_chain(db, admin, now=FIXED_NOW)
    assert report.ok, report.message  # the restore reset the anchors: no false "deleted" alarm
    rows, _ = audit.page(db, admin, limit=1)
    assert rows[0].action == "restore"
    assert list(tmp_path.glob(".*restore-*")) == []  # the work folder is gone


def test_restore_accepts_a_bare_sqlite_backup(db, admin, tmp_path):
    calendar.set_override(db, admin, calendar.OverrideForm(dt.date(2031, 5, 5), True, "备份前"), now=FIXED_NOW)
    bare = tmp_path / "auto.sqlite3"
    copy_sqlite(db.sqlite_path, bare)
    calendar.set_override(db, admin, calendar.OverrideForm(dt.date(2031, 6, 6), True, "备份后"), now=FIXED_NOW)
    backup.restore(db, admin, bare, now=FIXED_NOW)
    assert [o.day for o in calendar.list_overrides(db, 2031)] == [dt.date(2031, 5, 5)]


def _foreign(db, path):  # type: ignore[no-untyped-def]
    with contextlib.closing(sqlite3.connect(path)) as con, con:
        con.execute("CREATE TABLE t(x)")


def _four_tables(db, path):  # type: ignore[no-untyped-def]
    with contextlib.closing(sqlite3.connect(path)) as con, con:
        for table in ("alembic_version (version_num TEXT)", "app_user (x)", "audit_record (x)", "unit (x)"):
            con.execute(f"CREATE TABLE {table}")
        con.execute("INSERT INTO alembic_version VALUES ('0001_foundation')")


def _newer(db, path):  # type: ignore[no-untyped-def]
    copy_sqlite(db.sqlite_path, path)
    with contextlib.closing(sqlite3.connect(path)) as con, con:
        con.execute("INSERT INTO alembic_version VALUES ('0099_from_a_newer_desk')")


def _corrupt(db, path):  # type: ignore[no-untyped-def]
    copy_sqlite(db.sqlite_path, path)
    data = bytearray(path.read_bytes())
    for offset in range(8192, len(data), 4096):  # scribble over every page but the first two
        data[offset + 100 : offset + 400] = b"\xff" * 300
    path.write_bytes(bytes(data))


def _zip(members):  # type: ignore[no-untyped-def]
    def make(db, path):  # type: ignore[no-untyped-def]
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in members.items():
                archive.writestr(name, data)

    return make


ODD_FILES = {
    "empty": (lambda db, p: p.write_bytes(b""), "不是本系统的备份文件"),
    "text": (lambda db, p: p.write_text("not a database at all"), "不是本系统的备份文件"),
    "foreign sqlite": (_foreign, "不是本系统的数据库备份"),
    "four table names": (_four_tables, "缺少数据表"),
    "newer schema": (_newer, "更新版本"),
    "corrupt pages": (_corrupt, "损坏"),
    "archive without database": (_zip({"manifest.json": "{}"}), "没有数据库"),
    "archive escaping its folder": (_zip({"laoshan-desk.sqlite3": "x", "../../evil": "x"}), "不安全"),
    "broken archive": (lambda db, p: p.write_bytes(b"PK\x03\x04" + b"\x00" * 50), "损坏"),
}


@pytest.mark.parametrize("case", sorted(ODD_FILES))
def test_odd_files_are_refused_and_the_live_database_is_untouched(db, admin, tmp_path, case):
    calendar.set_override(db, admin, calendar.OverrideForm(dt.date(2031, 5, 5), True, "现有数据"), now=FIXED_NOW)
    make, message = ODD_FILES[case]
    odd = tmp_path / "odd.ldbak"
    make(db, odd)
    records = audit.page(db, admin, limit=1)[1]
    with pytest.raises(ValidationError) as exc:
        backup.restore(db, admin, odd, accept_warnings=True, now=FIXED_NOW)
    assert message in exc.value.message and exc.value.field == "file"
    assert audit.page(db, admin, limit=1)[1] == records
    assert [o.note for o in calendar.list_overrides(db, 2031)] == ["现有数据"]
    assert list(db.sqlite_path.parent.glob(".*restore-*")) == []


def test_a_folder_is_not_a_backup(db, admin, tmp_path):
    with pytest.raises(ValidationError, match="文件夹"):
        backup.restore(db, admin, tmp_path, now=FIXED_NOW)


def test_restore_is_refused_while_another_desk_is_connected(db, admin, tmp_path):
    copy = backup.backup(db, admin, tmp_path / "b.ldbak", now=FIXED_NOW).path
    other = Database(db.url)  # another counter with the database open
    calendar.set_override(other, admin, calendar.OverrideForm(dt.date(2031, 7, 7), True, "另一台窗口"), now=FIXED_NOW)
    with pytest.raises(BusyError, match="另有 1 台窗口正在使用"):
        backup.restore(db, admin, copy, now=FIXED_NOW)
    calendar.set_override(
        other, admin, calendar.OverrideForm(dt.date(2031, 7, 8), True, "仍可写入"), now=FIXED_NOW
    )  # the other desk lost nothing
    other.dispose()
    holder = sqlite3.connect(db.sqlite_path)  # a program without a lease that holds the file open
    holder.execute("SELECT count(*) FROM unit").fetchone()
    try:
        with pytest.raises(BusyError, match="仍打开着"):
            backup.restore(db, admin, copy, now=FIXED_NOW)
    finally:
        holder.close()
    assert [o.note for o in calendar.list_overrides(db, 2031)] == ["另一台窗口", "仍可写入"]
    backup.restore(db, admin, copy, now=FIXED_NOW)
    assert calendar.list_overrides(db, 2031) == []


def test_warnings_need_confirmation_a_tampered_chain_and_changed_roles(db, admin, make_user, tmp_path):
    leader = make_user(Role.LEADER, username="lingdao1")
    copy = tmp_path / "b.ldbak"
    backup.backup(db, admin, copy, now=FIXED_NOW)
    row = next(u for u in auth.list_users(db, admin, now=FIXED_NOW) if u.username == "lingdao1")
    auth.update_user(db, admin, auth.UserEditForm(leader.user_id, row.version, role=Role.JUDGE), now=FIXED_NOW)
    # somebody edits the backup's audit log
    with zipfile.ZipFile(copy) as archive:
        archive.extractall(tmp_path / "x")
    with contextlib.closing(sqlite3.connect(tmp_path / "x" / backup_check.DB_MEMBER)) as con, con:
        con.execute("UPDATE audit_record SET summary = '无事发生' WHERE seq = 2")
    tampered = tmp_path / "tampered.ldbak"
    shutil.make_archive(str(tampered.with_suffix("")), "zip", tmp_path / "x")
    tampered.with_suffix(".zip").rename(tampered)
    check = backup.check_restore(db, admin, tampered)
    assert any("审计链未通过验证" in w and "第 2 条" in w for w in check.warnings)
    assert any("lingdao1 的角色将由“法官”变回“领导”" in w for w in check.warnings)
    with pytest.raises(ValidationError, match="恢复前请确认"):
        backup.restore(db, admin, tampered, now=FIXED_NOW)
    result = backup.restore(db, admin, tampered, accept_warnings=True, now=FIXED_NOW)
    assert result.warnings == check.warnings


def test_a_backup_keyed_on_another_machine_is_refused_with_what_to_do(db, admin, tmp_path, monkeypatch):
    copy = backup.backup(db, admin, tmp_path / "b.ldbak", now=FIXED_NOW).path
    monkeypatch.setenv("LAOSHAN_DESK_HOME", str(tmp_path / "new-machine"))
    with pytest.raises(ValidationError, match="audit.key"):
        backup.check_restore(db, admin, copy)


def test_upgrade_takes_an_automatic_backup_first(tmp_path, desk_home):
    from alembic import command

    from laoshan_desk.services import bootstrap
    from laoshan_desk.store import migrate

    path = tmp_path / "old.sqlite3"
    db = Database(f"sqlite:///{path}")
    cfg = migrate.alembic_config(db)
    with db.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0001_foundation")
    if not migrate.needs_upgrade(db):
        pytest.skip("only the foundation revision exists")
    taken = bootstrap.upgrade_schema(db)
    assert taken is not None and (desk_home / "backups").is_dir()
    assert "before-0001_foundation" in taken
    assert not migrate.needs_upgrade(db)
    db.dispose()


def test_two_connections_writing_at_once_keep_the_chain(db, admin):
    """Two desks on one SQLite file: every audited write lands, the chain stays whole."""
    others = [Database(db.url) for _ in range(3)]
    errors = []

    def writer(k, database):  # type: ignore[no-untyped-def]
        try:
            for i in range(30):
                calendar.set_override(
                    database,
                    admin,
                    calendar.OverrideForm(dt.date(2032, 1, 1) + dt.timedelta(days=k * 100 + i), True, "并发"),
                    now=FIXED_NOW,
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
