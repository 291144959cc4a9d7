"""Backup and restore of the embedded SQLite database, with the attachments it needs (admins only).

**Backup** writes one archive (a zip): ``laoshan-desk.sqlite3`` (a consistent copy through
SQLite's online backup API, taken while the desk is open and writing), ``manifest.json`` (the
schema revisions, the audit head, counts) and ``attachments/…`` (every attachment file the
database refers to). It is audited (the backup holds its own record), the audit head is anchored
outside the database, and it never replaces an existing file unless ``overwrite`` (the CLI's
``--force``; the desk's save dialog asks), nor writes onto a folder or a device.

**Restore** first checks the candidate fully on a copy (:mod:`backup_check`): refused outright
when it is broken, not ours, from a newer desk or cannot be upgraded; ``accept_warnings`` needed
for a chain that does not verify, users whose role changed, missing attachments. Then it takes
the database offline for every other desk (the ``.offline`` marker), refuses while another desk
has it open (its lease, or an open connection SQLite reports), keeps the current database beside
it, and swaps the upgraded copy in with one ``os.replace``; attachments come back into the store.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import os
import sqlite3
import tempfile
import zipfile
from pathlib import Path

from laoshan_desk.config import attachments_dir
from laoshan_desk.documents.output import atomic_write, check_output
from laoshan_desk.domain.errors import BusyError, DeskError, ValidationError
from laoshan_desk.services import audit_chain, backup_check
from laoshan_desk.services.backup_check import ATTACH_PREFIX, DB_MEMBER, MANIFEST, Candidate
from laoshan_desk.services.context import Actor
from laoshan_desk.services.uow import unit_of_work
from laoshan_desk.store.db import BUSY_TIMEOUT_MS, Database, copy_sqlite

FORMAT = "laoshan-desk-backup/1"
MAX_ATTACHMENT = 200 * 1024 * 1024


def _require_sqlite(db: Database) -> Path:
    path = db.sqlite_path
    if path is None:
        raise DeskError("备份/恢复命令只适用于内置 SQLite 数据库；PostgreSQL 请使用 pg_dump / pg_restore")
    return path


def _attachment_path(sha: str) -> Path:
    return attachments_dir() / sha[:2] / sha[2:4] / sha


def _is_hash(name: str) -> bool:
    return len(name) == 64 and all(c in "0123456789abcdef" for c in name)


@dataclasses.dataclass(frozen=True)
class BackupResult:
    path: Path
    records: int
    attachments: int
    missing_attachments: int


def backup(db: Database, actor: Actor, target: Path, *, overwrite: bool = False, now: dt.datetime) -> BackupResult:
    """Write the backup archive to ``target``; audited and anchored."""
    actor.require("admin.edit")
    source = _require_sqlite(db)
    target = check_output(target, overwrite=overwrite)
    if target.resolve() == source.resolve():
        raise ValidationError("备份文件不能与当前数据库是同一个文件", field="file")
    # Audit first, so that the backup contains the record of itself.
    with unit_of_work(db, actor, now=now) as work:
        work.audit("backup", "database", None, f"备份数据库到 {target.name}", after={"file": str(target)})
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".backup-", dir=target.parent) as tmp:
        copy = Path(tmp) / DB_MEMBER
        copy_sqlite(source, copy)
        with contextlib.closing(sqlite3.connect(copy)) as con:
            con.execute("PRAGMA journal_mode=DELETE")
            head = con.execute("SELECT coalesce(max(seq), 0), max(hash) FROM audit_record").fetchone()
            revisions = sorted(r[0] for r in con.execute("SELECT version_num FROM alembic_version"))
        needed = sorted(backup_check.referenced_attachments(copy))
        present = [sha for sha in needed if _is_hash(sha) and _attachment_path(sha).is_file()]
        manifest = {
            "format": FORMAT,
            "made_at": now.isoformat(),
            "made_by": actor.username,
            "revisions": revisions,
            "audit_head": {"seq": head[0], "hash": head[1]},
            "attachments": len(present),
            "missing_attachments": sorted(set(needed) - set(present)),
        }
        with atomic_write(target) as partial:
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
                archive.write(copy, DB_MEMBER)
                archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
                for sha in present:
                    archive.write(
                        _attachment_path(sha), f"{ATTACH_PREFIX}{sha[:2]}/{sha[2:4]}/{sha}", zipfile.ZIP_STORED
                    )
    with db.session() as session:
        audit_chain.anchor_head(session, why="backup", now=now)
    return BackupResult(target, int(head[0]), len(present), len(needed) - len(present))


@dataclasses.dataclass(frozen=True)
class RestoreCheck:
    """What the admin is shown before confirming a restore."""

    source: Path
    records: int
    attachments: int
    revisions: tuple[str, ...]
    warnings: tuple[str, ...]
    summary: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class RestoreResult:
    kept: Path
    records: int
    attachments_restored: int
    warnings: tuple[str, ...]


def _work_dir(live: Path) -> tempfile.TemporaryDirectory[str]:
    """A work folder beside the database: the checked copy is renamed into place from there."""
    return tempfile.TemporaryDirectory(prefix=f".{live.name}.restore-", dir=live.parent)


def _as_check(source: Path, candidate: Candidate) -> RestoreCheck:
    return RestoreCheck(
        source,
        candidate.records,
        len(candidate.attachments),
        candidate.revisions,
        candidate.warnings,
        candidate.summary,
    )


def check_restore(db: Database, actor: Actor, source_file: Path) -> RestoreCheck:
    """Check a candidate on a copy and say what restoring it would do; changes nothing."""
    actor.require("admin.edit")
    live = _require_sqlite(db)
    with _work_dir(live) as work:
        return _as_check(Path(source_file), backup_check.prepare(live, Path(source_file), Path(work)))


def _others_message(db: Database) -> str | None:
    others = db.lease.others() if db.lease is not None else []
    if not others:
        return None
    names = "、".join(lease.describe() for lease in others[:5])
    return f"另有 {len(others)} 台窗口正在使用此数据库（{names}），请先让它们退出后再恢复"


def _leave_wal(live: Path) -> None:
    """Check-point and leave WAL mode: SQLite refuses while any other connection has the file open."""
    try:
        with contextlib.closing(sqlite3.connect(live, timeout=min(2.0, BUSY_TIMEOUT_MS / 1000))) as con:
            mode = con.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.OperationalError:
        mode = "wal"
    if str(mode).lower() != "delete":
        raise BusyError("另一个程序仍打开着此数据库（例如正在运行的导入或另一台窗口），请先让它退出后再恢复")


def _restore_attachments(archive: Path, hashes: tuple[str, ...]) -> int:
    restored = 0
    with zipfile.ZipFile(archive) as zf:
        for sha in hashes:
            target = _attachment_path(sha)
            member = f"{ATTACH_PREFIX}{sha[:2]}/{sha[2:4]}/{sha}"
            if not _is_hash(sha) or target.exists() or zf.getinfo(member).file_size > MAX_ATTACHMENT:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(sha + ".part")
            digest = hashlib.sha256()
            with zf.open(member) as src, partial.open("wb") as dst:
                for block in iter(lambda: src.read(1 << 20), b""):
                    digest.update(block)
                    dst.write(block)
            if digest.hexdigest() == sha:
                os.replace(partial, target)
                restored += 1
            else:
                partial.unlink(missing_ok=True)
    return restored


def _kept_name(live: Path, now: dt.datetime) -> Path:
    stem = f"{live.stem}.before-restore-{now:%Y%m%d-%H%M%S}"
    kept, n = live.with_name(f"{stem}.sqlite3"), 2
    while kept.exists():
        kept, n = live.with_name(f"{stem}-{n}.sqlite3"), n + 1
    return kept


def restore(
    db: Database, actor: Actor, source_file: Path, *, accept_warnings: bool = False, now: dt.datetime
) -> RestoreResult:
    """Replace the database with a checked backup; returns where the old one was kept."""
    actor.require("admin.edit")
    live = _require_sqlite(db)
    source = Path(source_file)
    with _work_dir(live) as work:
        candidate = backup_check.prepare(live, source, Path(work))
        if candidate.warnings and not accept_warnings:
            raise ValidationError("恢复前请确认：" + "；".join(candidate.warnings), field="file")
        with db.offline():
            busy = _others_message(db)
            if busy:
                raise BusyError(busy)
            kept = _kept_name(live, now)
            copy_sqlite(live, kept)
            db.dispose()
            _leave_wal(live)
            for suffix in ("-wal", "-shm", "-journal"):
                Path(f"{live}{suffix}").unlink(missing_ok=True)
            os.replace(candidate.database, live)
            db.cache.clear()
            restored = _restore_attachments(candidate.archive, candidate.attachments) if candidate.archive else 0
            with unit_of_work(db, actor, now=now) as work_:
                work_.audit(
                    "restore",
                    "database",
                    None,
                    f"从 {source.name} 恢复数据库，原库保存为 {kept.name}",
                    after={"file": str(source), "kept": str(kept), "warnings": list(candidate.warnings)},
                )
            with db.session() as session:
                audit_chain.anchor_head(session, why="restore", now=now, reset=True)
    return RestoreResult(kept, candidate.records, restored, candidate.warnings)
