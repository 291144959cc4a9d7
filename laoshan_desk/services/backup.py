"""Backup and restore of the embedded SQLite database.

Backups use SQLite's online backup API: a consistent copy even while the desk is open and
writing (WAL). Restore checks the file first (an SQLite database, intact, one of ours), keeps
the current database beside it, then copies the backup in through the same API.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path

from laoshan_desk.config import backups_dir
from laoshan_desk.domain.errors import DeskError, ValidationError
from laoshan_desk.services import audit
from laoshan_desk.services.context import Actor
from laoshan_desk.store import migrate
from laoshan_desk.store.db import Database

REQUIRED_TABLES = {"alembic_version", "app_user", "audit_record", "unit"}


def _require_sqlite(db: Database) -> Path:
    path = db.sqlite_path
    if path is None:
        raise DeskError("备份/恢复命令只适用于内置 SQLite 数据库；PostgreSQL 请使用 pg_dump / pg_restore")
    return path


def backup(db: Database, actor: Actor, target: Path) -> Path:
    """Copy the database to ``target``; audited. Refuses to overwrite the live database."""
    source = _require_sqlite(db)
    target = Path(target)
    if target.resolve() == source.resolve():
        raise ValidationError("备份文件不能与当前数据库是同一个文件", field="file")
    if target.is_dir():
        raise ValidationError(f"{target} 是一个文件夹，请给出备份文件名", field="file")
    target.parent.mkdir(parents=True, exist_ok=True)
    # Audit first, so that the backup contains the record of itself.
    audit.record(db, actor, "backup", "database", None, f"备份数据库到 {target.name}", after={"file": str(target)})
    tmp = target.with_name(target.name + ".partial")
    with contextlib.closing(sqlite3.connect(source)) as src, contextlib.closing(sqlite3.connect(tmp)) as dst:
        src.backup(dst)
    tmp.replace(target)
    return target


def check_backup_file(path: Path) -> None:
    """Raise a ValidationError unless ``path`` is an intact Laoshan Desk database."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError(f"找不到备份文件：{path}", field="file")
    with path.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise ValidationError(f"不是 SQLite 数据库文件：{path.name}", field="file")
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
            result = con.execute("PRAGMA integrity_check").fetchone()[0]
            if result != "ok":
                raise ValidationError(f"备份文件已损坏：{result}", field="file")
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise ValidationError(f"备份文件无法打开：{exc}", field="file") from exc
    missing = REQUIRED_TABLES - tables
    if missing:
        raise ValidationError(f"不是本系统的数据库备份（缺少表：{', '.join(sorted(missing))}）", field="file")


def restore(db: Database, actor: Actor, source_file: Path) -> Path:
    """Replace the database's content with the backup; returns where the old one was kept."""
    live = _require_sqlite(db)
    source_file = Path(source_file)
    check_backup_file(source_file)
    if source_file.resolve() == live.resolve():
        raise ValidationError("不能用当前数据库自身来恢复", field="file")
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = live.with_name(f"{live.stem}.before-restore-{stamp}.sqlite3")
    with contextlib.closing(sqlite3.connect(live)) as src, contextlib.closing(sqlite3.connect(kept)) as dst:
        src.backup(dst)
    db.dispose()
    with contextlib.closing(sqlite3.connect(source_file)) as src, contextlib.closing(sqlite3.connect(live)) as dst:
        src.backup(dst)
    db.cache.clear()
    migrate.upgrade_with_backup(db, backups_dir())
    audit.record(
        db,
        actor,
        "restore",
        "database",
        None,
        f"从 {source_file.name} 恢复数据库，原库保存为 {kept.name}",
        after={"file": str(source_file), "kept": str(kept)},
    )
    return kept
